"""Shared test fixtures: paths to ../shared data (skipping cleanly without it), and a
temporary folder of the test run's own for every process the tests start."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (not present on this machine)")
    return path


@pytest.fixture(autouse=True, scope="session")
def _own_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Workers the corpus tests kill on purpose cannot clean up their temporary files: keep
    those under pytest's own folder (which it prunes), not in the machine's /tmp."""
    folder = str(tmp_path_factory.mktemp("tmp"))
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"], tempfile.tempdir = folder, None
    yield
    if before is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = before
    tempfile.tempdir = None


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def seed_path() -> Path:
    """The user's example chapter; never copy its sentences into the repo."""
    return _shared_path("seed", "the-break-up.txt")


@pytest.fixture
def pdnc_dir() -> Path:
    return _shared_path("data", "pdnc-dev")


@pytest.fixture
def litbank_dir() -> Path:
    return _shared_path("data", "litbank")


@pytest.fixture
def sample_chapter() -> Path:
    return ROOT / "examples" / "sample-chapter.txt"

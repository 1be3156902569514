"""Shared test fixtures: paths to ../shared data (skipping cleanly without it)."""

from __future__ import annotations

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

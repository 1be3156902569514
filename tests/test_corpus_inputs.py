"""Corpus inputs: files, folders, globs, zip and tar archives, and the broken ones."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from ficlens.corpus.inputs import Entry, Problem, count_inputs, iter_inputs


@pytest.fixture
def works(tmp_path: Path) -> Path:
    folder = tmp_path / "works"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("One small story.")
    (folder / "sub" / "two.html").write_text("<p>Two small story.</p>")
    (folder / "notes.json").write_text("{}")
    (folder / ".hidden.txt").write_text("skipped")
    return folder


def _entries(inputs: list[str]) -> list[Entry | Problem]:
    return list(iter_inputs(inputs))


def test_inputs_folder_walks_works_only(works: Path) -> None:
    found = _entries([str(works)])
    assert [Path(e.path).name for e in found] == ["one.txt", "two.html"]
    assert all(isinstance(e, Entry) for e in found)
    assert found[0].data == b"One small story." and found[0].suffix == ".txt"
    assert count_inputs([str(works)]) == 2


def test_inputs_glob_and_missing(works: Path) -> None:
    found = _entries([f"{works}/**/*.html", f"{works}/*.epub", str(works / "gone.txt")])
    assert isinstance(found[0], Entry) and found[0].path.endswith("two.html")
    assert [p.message for p in found[1:]] == [
        f"no files match {works}/*.epub",
        f"no such file or folder: {works / 'gone.txt'}",
    ]


@pytest.mark.parametrize("kind", ["zip", "tar", "tar.gz"])
def test_inputs_archive_members(tmp_path: Path, kind: str) -> None:
    archive = tmp_path / f"fics.{kind}"
    members = {"a/first.txt": b"First story.", "a/second.htm": b"<p>Second.</p>", "a/cover.png": b"\x89PNG"}
    if kind == "zip":
        with zipfile.ZipFile(archive, "w") as z:
            for name, data in members.items():
                z.writestr(name, data)
    else:
        with tarfile.open(archive, "w:gz" if kind.endswith("gz") else "w") as t:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    found = _entries([str(archive)])
    assert [(e.path, e.data) for e in found if isinstance(e, Entry)] == [
        (f"{archive}!a/first.txt", b"First story."),
        (f"{archive}!a/second.htm", b"<p>Second.</p>"),
    ]
    assert count_inputs([str(archive)]) == 2


def test_inputs_corrupt_zip_is_a_problem_with_its_bytes(tmp_path: Path) -> None:
    archive = tmp_path / "broken.zip"
    archive.write_bytes(b"PK\x03\x04 this is not really a zip file")
    (problem,) = _entries([str(archive)])
    assert isinstance(problem, Problem)
    assert "not a readable zip archive" in problem.message and problem.data == archive.read_bytes()


def test_inputs_truncated_tar_keeps_members_before_the_damage(tmp_path: Path) -> None:
    archive = tmp_path / "cut.tar.gz"
    with tarfile.open(archive, "w:gz") as t:
        for index in range(3):
            data = f"Story number {index}. ".encode() * 2000
            info = tarfile.TarInfo(f"story{index}.txt")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    full = archive.read_bytes()
    archive.write_bytes(full[: len(full) * 2 // 3])
    found = _entries([str(archive)])
    assert isinstance(found[-1], Problem) and "not a readable tar archive" in found[-1].message
    assert all(isinstance(e, Entry) for e in found[:-1])

"""Corpus inputs: files, folders, globs and zip/tar archives, read one work at a time.

``iter_inputs(inputs)`` yields an ``Entry`` (a work's display path, name
suffix and bytes) or a ``Problem`` (an input that cannot be read: a missing
path, a glob matching nothing, a corrupt archive) and never holds more than one
work in memory. Archive members are shown as ``archive.zip!folder/work.txt``.
``count_inputs`` gives the number of works for the progress bar without reading them.
"""

from __future__ import annotations

import glob
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest import MAX_BYTES

WORK_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".epub"}
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


@dataclass(frozen=True)
class Entry:
    """One work to analyse: where it was found, its file-name suffix and its bytes."""

    path: str
    suffix: str
    data: bytes


@dataclass(frozen=True)
class Problem:
    """An input that yields no work; ``data`` (when there is some) lets it be recorded by hash."""

    path: str
    message: str
    data: bytes | None = None


_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
}


def format_of(path: str) -> str:
    """The format a path's name announces, named as the readers name it (``Source.format``)."""
    name = path.rsplit("!", 1)[-1].lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    return _FORMATS.get(Path(name).suffix, Path(name).suffix.lstrip(".") or "unknown")


def _is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def _is_work(name: str) -> bool:
    return Path(name).suffix.lower() in WORK_SUFFIXES and not Path(name).name.startswith(".")


def _expand(inputs: Iterable[str]) -> Iterator[Path | Problem]:
    """Files named, folder contents (works and archives, sorted) and glob matches."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and (_is_work(p.name) or _is_archive(p)))
            yield from found
        elif path.exists():
            yield path
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                yield Problem(raw, f"no files match {raw}")
            yield from matches
        else:
            yield Problem(raw, f"no such file or folder: {raw}")


def _read(path: Path) -> Entry | Problem:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Problem(
                str(path), f"{path} is {size // 2**20} MB; ficlens reads works up to {MAX_BYTES // 2**20} MB"
            )
        return Entry(str(path), path.suffix.lower(), path.read_bytes())
    except OSError as e:
        return Problem(str(path), f"cannot read {path}: {e.strerror or e}")


def _zip_members(path: Path) -> Iterator[Entry | Problem]:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not _is_work(info.filename):
                    continue
                shown = f"{path}!{info.filename}"
                if info.file_size > MAX_BYTES:
                    yield Problem(shown, f"{shown} is too large to be one work")
                    continue
                try:
                    yield Entry(shown, Path(info.filename).suffix.lower(), archive.read(info))
                except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
                    yield Problem(shown, f"cannot read {shown}: corrupt archive member ({e})")
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield _archive_problem(path, "zip", e)


def _tar_members(path: Path) -> Iterator[Entry | Problem]:
    try:
        with tarfile.open(path) as archive:
            for info in archive:
                if not info.isfile() or not _is_work(info.name):
                    continue
                shown = f"{path}!{info.name}"
                if info.size > MAX_BYTES:
                    yield Problem(shown, f"{shown} is too large to be one work")
                    continue
                member = archive.extractfile(info)
                if member is not None:
                    yield Entry(shown, Path(info.name).suffix.lower(), member.read())
    except (tarfile.TarError, OSError, EOFError) as e:
        yield _archive_problem(path, "tar", e)


def _archive_problem(path: Path, kind: str, error: Exception) -> Problem:
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    return Problem(
        str(path),
        f"{path} is not a readable {kind} archive ({error or 'truncated'}); "
        "works before the damage were kept",
        data,
    )


def iter_inputs(inputs: Iterable[str]) -> Iterator[Entry | Problem]:
    """Every work in ``inputs`` (files, folders, globs, archives), one at a time, in a stable order."""
    for item in _expand(inputs):
        if isinstance(item, Problem):
            yield item
        elif _is_archive(item):
            yield from (_zip_members(item) if item.name.lower().endswith(".zip") else _tar_members(item))
        else:
            yield _read(item)


def count_inputs(inputs: Iterable[str]) -> int:
    """How many works ``iter_inputs`` will yield (archives listed, not read); a good estimate."""
    total = 0
    for item in _expand(inputs):
        if isinstance(item, Problem):
            continue
        if not _is_archive(item):
            total += 1
            continue
        try:
            if item.name.lower().endswith(".zip"):
                with zipfile.ZipFile(item) as archive:
                    total += sum(1 for i in archive.infolist() if not i.is_dir() and _is_work(i.filename))
            else:
                with tarfile.open(item) as archive:
                    total += sum(1 for i in archive if i.isfile() and _is_work(i.name))
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError):
            total += 1
    return total

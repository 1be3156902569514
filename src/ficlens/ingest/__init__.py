"""Readers: turn what users have (a path or pasted text) into an unanalysed StoryWorld.

``read`` picks a reader by content and extension; every reader returns the text
as read plus whatever metadata, notes and chapters the format marks up.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from ..errors import InputError
from ..model import Source, StoryWorld
from .text import decode, read_text

MAX_BYTES = 64 * 1024 * 1024  # a clear limit: no single work is this long (~10M words)
_PATH_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".epub"}


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024:
        return False
    return Path(value).suffix.lower() in _PATH_SUFFIXES or Path(value).exists()


def read(path_or_text: str | PathLike[str]) -> StoryWorld:
    """Read a path (any supported format) or a string of story text."""
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        return read_text(path_or_text, Source(format="text", encoding="str"))
    path = Path(path_or_text)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file (use 'ficlens corpus run' for folders)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size // 2**20} MB; ficlens reads works up to "
                             f"{MAX_BYTES // 2**20} MB (split it into chapters)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"permission denied: {path}") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    text, encoding, fallback = decode(data, path)
    return read_text(text, Source(path=str(path), format="text", encoding=encoding,
                                  encoding_fallback=fallback))

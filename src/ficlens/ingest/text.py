"""Plain text: decode bytes (UTF-8, BOM, cp1252 / Latin-1 fallback) and normalise newlines."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Source, StoryWorld


def decode(data: bytes, path: Path | None = None) -> tuple[str, str, bool]:
    """Return (text, encoding, used_fallback); reject binary and empty input."""
    name = str(path) if path else "input"
    if not data.strip():
        raise InputError(f"{name} is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", True
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", True


def read_text(text: str, source: Source) -> StoryWorld:
    """A StoryWorld over plain text, with newlines normalised to ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{source.path or 'the input'} is empty (only whitespace)")
    return StoryWorld(source=source, text=text, text_length=len(text))

"""Plain text: decode bytes (UTF-8, BOM, cp1252 / Latin-1 fallback) and normalise newlines."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import SCHEMA_VERSION, Source, StoryWorld

_SNIFF_BYTES = 65536
# Control bytes that never occur in text (tab, newline, form feed, carriage return and ESC excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode(data: bytes, path: Path | None = None) -> tuple[str, str, bool]:
    """Return (text, encoding, used_fallback); reject binary and empty input.

    UTF-8 (with or without BOM) first; bytes that are not UTF-8 are read as
    cp1252 (Windows' Western encoding, common in old fic archives) and, where
    cp1252 has holes, as Latin-1. Data with NUL bytes or many control bytes is
    binary, not text, and is rejected rather than decoded into noise.
    """
    name = str(path) if path else "input"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, name)
    if not data.strip():
        raise InputError(f"{name} is empty")
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample or _control_share(sample) > 0.01:
        raise InputError(f"{name} looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", False
        except UnicodeDecodeError:
            raise InputError(f"{name} starts with a UTF-8 mark but is not valid UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", True
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", True


def _decode_utf16(data: bytes, name: str) -> tuple[str, str, bool]:
    """UTF-16 with a byte-order mark (Windows Notepad's "Unicode")."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(f"{name} starts with a UTF-16 mark but is not valid UTF-16") from None
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text, "utf-16", False


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(len(sample), 1)


def normalise_newlines(text: str) -> str:
    """CRLF and CR become ``\\n``; a leading BOM is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def read_text(text: str, source: Source) -> StoryWorld:
    """A StoryWorld over plain text, with newlines normalised to ``\\n``."""
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(f"{source.path or 'the input'} is empty (only whitespace)")
    return new_world(text, source)


def new_world(text: str, source: Source) -> StoryWorld:
    """An unanalysed story-world over the text as read."""
    return StoryWorld(schema=SCHEMA_VERSION, source=source, text=text, text_length=len(text))

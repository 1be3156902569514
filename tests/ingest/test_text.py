"""Plain-text reading: encodings, BOM, newlines, dispatch of strings and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import read
from ficlens.ingest.text import decode

CHAPTER = "Tamsin lit the stove.\n\n\"Café au lait?\" asked Rosalind.\n\n*She* said _nothing_ at all."


@pytest.mark.parametrize(("data", "encoding", "fallback"), [
    (CHAPTER.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + CHAPTER.encode("utf-8"), "utf-8-sig", False),
    (CHAPTER.replace("\n", "\r\n").encode("utf-8"), "utf-8", False),
    (CHAPTER.replace("\n", "\r\n").encode("cp1252"), "cp1252", True),
    (CHAPTER.encode("utf-16"), "utf-16", False),
])
def test_text_encodings_and_newlines(tmp_path: Path, data: bytes, encoding: str, fallback: bool):
    path = tmp_path / "chapter.txt"
    path.write_bytes(data)
    world = read(path)
    assert world.text == CHAPTER
    assert (world.source.format, world.source.encoding, world.source.encoding_fallback) == (
        "text", encoding, fallback)


def test_text_latin1_when_cp1252_has_holes():
    text, encoding, fallback = decode("Zoë".encode("latin-1") + b" \x81")
    assert (text, encoding, fallback) == ("Zoë \x81", "latin-1", True)


def test_text_markdown_emphasis_is_left_as_text():
    world = read(CHAPTER)
    assert "*She* said _nothing_" in world.text
    assert world.source.format == "text"


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", bytes(range(256)) * 4,
                                  b"\x7fELF\x02\x01\x01\x00"])
def test_text_binary_is_rejected(data: bytes):
    with pytest.raises(InputError, match="binary"):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_text_empty_is_rejected(data: bytes):
    with pytest.raises(InputError, match="empty"):
        decode(data)

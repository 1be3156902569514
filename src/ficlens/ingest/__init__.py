"""Readers: turn what users have (a path or pasted text) into an unanalysed StoryWorld.

``read`` picks a reader by content first and extension second: zip magic is an
EPUB (AO3, FanFicFare or any other); ``<html``/``<!DOCTYPE`` is HTML (AO3 when
it has the download's ``#preface``/``dl.tags``/``#chapters``, FanFicFare when
it has FanFicFare's title page); plain text is a FanFicFare TXT when it has that
header, and plain text otherwise. Every reader returns the text as read plus
whatever metadata, notes and chapters the format marks up; ``source.format``
names the reader (text, ao3-html, ao3-epub, fanficfare-epub, fanficfare-html,
fanficfare-txt, html, epub). See ``docs/formats.md``.
"""

from __future__ import annotations

import re
from os import PathLike
from pathlib import Path

from ..errors import FormatError, InputError
from ..model import Source, StoryWorld
from .ao3 import is_ao3, read_ao3
from .epub import read_epub
from .fanficfare import is_fanficfare_markup, is_fanficfare_txt, read_fanficfare_html, read_fanficfare_txt
from .html import parse_html, read_html
from .text import decode, normalise_newlines, read_text

MAX_BYTES = 64 * 1024 * 1024  # a clear limit: no single work is this long (~10M words)
_PATH_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".epub"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div|h[1-6])\b",
    re.IGNORECASE | re.DOTALL)


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024:
        return False
    if Path(value).suffix.lower() in _PATH_SUFFIXES:
        return True
    try:
        return Path(value).exists()
    except (OSError, ValueError):  # a line of text too long for a file name, or holding a NUL
        return False


def read(path_or_text: str | PathLike[str]) -> StoryWorld:
    """Read a path (any supported format) or a string of story text.

    Raises ``InputError`` for a missing, unreadable, empty, binary or oversized
    file and ``FormatError`` for a malformed or unsafe HTML/EPUB.
    """
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        return read_string(path_or_text, Source(format="text", encoding="str"))
    path = Path(path_or_text)
    data = _read_bytes(path)
    if data.startswith(_ZIP_MAGIC):
        return read_epub(data, Source(path=str(path), format="epub"))
    if path.suffix.lower() == ".epub":
        raise FormatError(f"{path} is not a valid EPUB (it is not a zip archive)")
    text, encoding, fallback = decode(data, path)
    source = Source(path=str(path), format="text", encoding=encoding, encoding_fallback=fallback)
    return read_string(text, source, html=path.suffix.lower() in _HTML_SUFFIXES)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file (use 'ficlens corpus run' for folders)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size // 2**20} MB; ficlens reads works up to "
                             f"{MAX_BYTES // 2**20} MB (split it into chapters)")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"permission denied: {path}") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None


def read_string(text: str, source: Source, html: bool = False) -> StoryWorld:
    """Dispatch decoded text to the HTML, FanFicFare TXT or plain-text reader."""
    if html or _HTML_START.match(text[:4096]):
        body = parse_html(text, source.path or "input")
        if is_ao3(body):
            source.format = "ao3-html"
            world = read_ao3(body, source)
            if not world.chapters:
                raise FormatError(f"{source.path or 'the input'} is an AO3 download with no chapter text "
                                  "(is it truncated?)")
            return world
        if is_fanficfare_markup(text):
            source.format = "fanficfare-html"
            return read_fanficfare_html(text, source)
        source.format = "html"
        return read_html(text, source)
    text = normalise_newlines(text)
    if is_fanficfare_txt(text):
        source.format = "fanficfare-txt"
        return read_fanficfare_txt(text, source)
    return read_text(text, source)

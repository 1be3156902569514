"""HTML: extract plain text (one paragraph a block, "\\n\\n" between) with offsets.

The text as read for HTML and EPUB is what a reader sees: every block element
(``p``, ``div``, headings, list items, ...) becomes a paragraph, ``<br>`` a line
break, ``<hr>`` a line ``* * *`` (so the scene break has offsets like any marker),
and a run of two or more empty paragraphs an extra-wide gap (two more blank
lines) that :mod:`ficlens.segment` reads as a scene break. Entities are decoded
by the HTML parser; XML entity declarations are never expanded. Where ``<em>`` or
``<i>`` set text in italics is kept beside the text (``StoryWorld._italics``): fan
fiction writes its characters' thoughts so.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import FormatError
from ..model import Source, StoryWorld
from .text import new_world

HR_MARKER = "* * *"
BLANK_RUN_GAP = "\n\n\n\n"  # two blank lines more than a paragraph break

_SKIP = {"head", "script", "style", "title", "noscript", "template", "svg", "math", "-comment", "iframe",
         "object", "button", "input", "select", "textarea", "nav"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody",
    "thead", "section", "article", "header", "footer", "main", "aside", "pre", "center", "figure",
    "figcaption", "address", "body", "html", "details", "summary", "hr", "form", "fieldset",
}
_TOO_DEEP = "the HTML is nested too deeply to read (more than about 900 elements inside each other)"
_BLOCK_SELECTOR = ",".join(sorted(_BLOCKS - {"body", "html"}))
_ITALIC_TAGS = {"em", "i"}
# Where italics open and close, carried inside a paragraph's text until ``TextBuilder.add`` takes
# them out (private-use characters; any in the input itself are replaced).
_ITALIC_OPEN, _ITALIC_CLOSE = "\ue000", "\ue001"
_NO_MARKERS = {ord(_ITALIC_OPEN): None, ord(_ITALIC_CLOSE): None}
_MARKER = re.compile(f"([{_ITALIC_OPEN}{_ITALIC_CLOSE}])")


@dataclass
class Block:
    """One paragraph of the extracted text; ``tag`` is its element (``h2``, ``p``, ``hr``)."""

    start: int
    end: int
    tag: str


@dataclass
class TextBuilder:
    """Collects paragraphs into one text, remembering where each one lies."""

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    italics: list[tuple[int, int]] = field(default_factory=list)
    _blank_run: int = 0

    def add(self, text: str, tag: str = "p") -> Block | None:
        """Append a paragraph (stripped); nothing for empty text, which counts as a blank."""
        text, italics = _take_italics(text)
        if not text:
            self._blank_run += 1
            return None
        if self.length:
            self._append(BLANK_RUN_GAP if self._blank_run >= 2 else "\n\n")
        self._blank_run = 0
        start = self.length
        self._append(text)
        self.italics.extend((start + first, start + last) for first, last in italics)
        block = Block(start, self.length, tag)
        self.blocks.append(block)
        return block

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.starts.append(self.length)
        self.length += len(piece)

    def slice(self, start: int, end: int) -> str:
        """``text()[start:end]`` without joining the whole text."""
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_left(self.starts, end)
        offset = self.starts[first]
        return "".join(self.parts[first:last])[start - offset:end - offset]

    def span_since(self, first_block: int) -> tuple[int, int] | None:
        """(start, end) of the blocks added since ``len(blocks)`` was ``first_block``."""
        if len(self.blocks) <= first_block:
            return None
        return self.blocks[first_block].start, self.blocks[-1].end

    def text(self) -> str:
        return "".join(self.parts)


def parse_html(markup: str | bytes, name: str = "input") -> LexborNode:
    """Parse HTML leniently and return its ``<body>``; FormatError when there is no document at all."""
    try:
        body = LexborHTMLParser(markup).body
    except (ValueError, TypeError, RuntimeError) as e:
        raise FormatError(f"{name} is not readable HTML ({e})") from None
    if body is None:
        raise FormatError(f"{name} is not readable HTML (no body)")
    return body


def _take_italics(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph's text without its italics markers, stripped, and where its italics lie in it
    (whitespace at their edges left out; italics across a paragraph break run to its edge)."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    opened, depth, length = 0, 0, 0
    for piece in _MARKER.split(marked):
        if piece == _ITALIC_OPEN:
            opened = length if depth == 0 else opened
            depth += 1
        elif piece == _ITALIC_CLOSE:
            if depth <= 1:  # at depth 0, unopened here: opened in the paragraph before, so from its start
                spans.append((opened if depth else 0, length))
            depth = max(0, depth - 1)
        else:
            pieces.append(piece)
            length += len(piece)
    if depth:
        spans.append((opened, length))
    raw = "".join(pieces)
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    kept = []
    for first, last in spans:
        inner = raw[first:last]
        first += len(inner) - len(inner.lstrip()) - lead
        last -= len(inner) - len(inner.rstrip()) + lead
        if 0 <= first < last <= len(text):
            kept.append((first, last))
    return text, kept


def _text_of(text_node: LexborNode) -> str:
    """A text node's text; its own newlines are just spaces (only ``<br>`` breaks a line)."""
    text = (text_node.text_content or "").replace("\n", " ")
    return text.replace(_ITALIC_OPEN, "\ufffd").replace(_ITALIC_CLOSE, "\ufffd")


def _clean_lines(raw: str) -> list[str]:
    return [" ".join(line.split()) for line in raw.split("\n")]


def inline_text(node: LexborNode) -> str:
    """The text of an element as one string: whitespace collapsed, ``<br>`` kept as newlines."""
    pieces: list[str] = []
    try:
        _collect_inline(node, pieces)
    except RecursionError:
        raise FormatError(_TOO_DEEP) from None
    return "\n".join(line for line in _clean_lines("".join(pieces).translate(_NO_MARKERS)) if line)


def _collect_inline(node: LexborNode, pieces: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            pieces.append(_text_of(child))
        elif tag == "br":
            pieces.append("\n")
        elif tag in _ITALIC_TAGS:
            _collect_italics(child, pieces)
        elif tag not in _SKIP:
            if tag in _BLOCKS:
                pieces.append("\n")
            _collect_inline(child, pieces)
            if tag in _BLOCKS:
                pieces.append("\n")


def _collect_italics(node: LexborNode, pieces: list[str]) -> None:
    """An italic element's text between markers (none around whitespace alone, its edges' spaces
    outside them, so the text reads as it did without them)."""
    inner: list[str] = []
    _collect_inline(node, inner)
    text = "".join(inner)
    kept = text.strip()
    if not kept:
        pieces.append(text)
        return
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    pieces.extend((lead, _ITALIC_OPEN, kept, _ITALIC_CLOSE, trail))  # spaces outside: collapsed as ever


def add_html(builder: TextBuilder, node: LexborNode) -> None:
    """Append the paragraphs of ``node`` (and its descendants) to ``builder``."""
    try:
        _add_children(builder, node)
    except RecursionError:
        raise FormatError(_TOO_DEEP) from None


def _add_children(builder: TextBuilder, node: LexborNode) -> None:
    inline: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            inline.append(_text_of(child))
        elif tag == "br":
            inline.append("\n")
        elif tag in _SKIP:
            continue
        elif tag == "hr":
            _flush(builder, inline)
            builder.add(HR_MARKER, "hr")
        elif tag in _HEADINGS:
            _flush(builder, inline)
            builder.add(" ".join(inline_text(child).split()), tag)
        elif tag in _BLOCKS or child.css_first(_BLOCK_SELECTOR) is not None:
            _flush(builder, inline)
            before = len(builder.blocks)
            _add_children(builder, child)
            if tag == "p" and len(builder.blocks) == before:
                builder.add("")
        elif tag in _ITALIC_TAGS:
            _collect_italics(child, inline)
        else:
            _collect_inline(child, inline)
    _flush(builder, inline)


def _flush(builder: TextBuilder, inline: list[str]) -> None:
    """Turn collected inline text into paragraphs.

    ``<br>`` ends a line; an empty line (two ``<br>``) ends a paragraph and counts as
    one blank, so two or more empty lines in a row become a scene-break gap.
    """
    raw = "".join(inline)
    inline.clear()
    if "\n" not in raw and not raw.translate(_NO_MARKERS).strip():
        return
    lines = _clean_lines(raw)
    if not lines[-1]:
        lines.pop()  # the end of the last line, not an empty line
    paragraph: list[str] = []
    for line in lines:
        if line:
            paragraph.append(line)
            continue
        if paragraph:
            builder.add("\n".join(paragraph))
            paragraph = []
        builder.add("")
    if paragraph:
        builder.add("\n".join(paragraph))


def read_html(markup: str, source: Source) -> StoryWorld:
    """Generic HTML: the extracted text; chapters and notes are left to the segmenter."""
    builder = TextBuilder()
    add_html(builder, parse_html(markup, source.path or "input"))
    return world_from_builder(builder, source)


def world_from_builder(builder: TextBuilder, source: Source) -> StoryWorld:
    text = builder.text()
    if not text.strip():
        raise FormatError(f"{source.path or 'the input'} has no readable text")
    world = new_world(text, source)
    world._italics = builder.italics
    return world

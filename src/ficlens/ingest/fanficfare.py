"""FanFicFare downloads (TXT, HTML, EPUB): a title page of "Label: value" rows, then chapters.

FanFicFare writes the same title page in every format: the title and "by
AUTHOR", then rows such as ``Category: Glee``, ``Characters: ...``,
``Summary: ...``, ``Words: 1,234``. TXT downloads follow it with a "TABLE OF
CONTENTS" (one chapter title a line), repeat each title above its chapter and
end with "End file.". HTML downloads carry the rows in one block and each
chapter under an ``h2``/``h3`` heading; EPUBs hold them in ``title_page.xhtml``
and one file per chapter.
"""

from __future__ import annotations

import re

from ..model import Chapter, Metadata, Note, Source, StoryWorld
from .html import TextBuilder, add_html, parse_html, world_from_builder
from .labels import apply_row
from .text import new_world

_ROW = re.compile(r"^(?P<label>[A-Z][A-Za-z /]{1,30}):[ \t]*(?P<value>.*)$")
_BY_LINE = re.compile(r"^(?:(?P<title>.+?)\s+)?by\s+(?P<author>.+)$")
_TOC = re.compile(r"^\s*TABLE OF CONTENTS\s*$", re.MULTILINE | re.IGNORECASE)
_END = re.compile(r"^\s*End file\.?\s*$", re.MULTILINE)
_KNOWN_ROWS = re.compile(r"^(Category|Fandoms?|Characters|Genre|Rating|Status|Published|Updated|Packaged|"
                         r"Words|Chapters|Summary|Story URL|Source|Relationships|Warnings):",
                         re.MULTILINE)


def is_fanficfare_txt(text: str) -> bool:
    """A FanFicFare TXT: title-page rows near the top and a table of contents or "End file."."""
    head = text[:6000]
    return len(_KNOWN_ROWS.findall(head)) >= 3 and bool(_TOC.search(text[:50000]) or _END.search(text[-200:]))


def is_fanficfare_markup(markup: str) -> bool:
    """FanFicFare HTML: its name in the markup, or its title-page rows in bold labels."""
    head = markup[:20000]
    return "FanFicFare" in head or "fff_chapter" in head or (
        len(re.findall(r"<b>(Category|Characters|Packaged|Published|Words|Status):</b>", head)) >= 3)


def read_title_page(text: str, start: int, end: int, metadata: Metadata, notes: list[Note]) -> None:
    """Fill ``metadata`` from the "Label: value" rows of ``text[start:end]``; the summary becomes a Note.

    A row's value runs on over the following lines up to a blank line or the next row
    (FanFicFare wraps long rows in TXT). Lines before the rows give the title and author
    ("Title by Author" on one line, or the title and then "by Author").
    """
    rows: list[list] = []  # [label, value start, value end]
    open_row = False
    for line_start, line_end in _lines(text, start, end):
        line = text[line_start:line_end]
        row = _ROW.match(line)
        if row and len(row.group("label").split()) <= 3:
            rows.append([row.group("label").lower(), line_start + row.start("value"), line_end])
            open_row = True
        elif not line:
            open_row = False
        elif open_row:
            rows[-1][2] = line_end
        elif not rows:
            _read_byline(line, metadata)
    for label, value_start, value_end in rows:
        value = " ".join(text[value_start:value_end].split())
        span = _trim(text, value_start, value_end)
        if label in ("summary", "description") and span:
            metadata.summary = text[span[0]:span[1]]
            notes.append(Note(kind="summary", start=span[0], end=span[1], text=metadata.summary))
        elif value:
            apply_row(metadata, label, value, fanficfare=True)


def _read_byline(line: str, metadata: Metadata) -> None:
    by_line = _BY_LINE.match(line)
    if by_line and by_line.group("title") and metadata.title is None:
        metadata.title, metadata.author = by_line.group("title"), by_line.group("author")
    elif by_line and metadata.author is None:
        metadata.author = by_line.group("author")
    elif not by_line and metadata.title is None:
        metadata.title = line


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, whitespace trimmed, empty lines kept."""
    spans = []
    position = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        left = position + len(raw) - len(raw.lstrip())
        spans.append((left, left + len(stripped)) if stripped else (position, position))
        position += len(raw) + 1
    return spans


def read_fanficfare_txt(text: str, source: Source) -> StoryWorld:
    """Title page, table of contents and chapters of a FanFicFare TXT (text already normalised)."""
    world = new_world(text, source)
    toc = _TOC.search(text)
    end_match = _END.search(text, len(text) - 200 if len(text) > 200 else 0)
    story_end = end_match.start() if end_match else len(text)
    header_end = toc.start() if toc else _first_blank_run(text)
    read_title_page(text, 0, header_end, world.metadata, world.notes)
    titles = _toc_titles(text, toc.end(), story_end) if toc else []
    headings = _find_headings(text, titles, toc.end() if toc else header_end, story_end)
    contents = _trim(text, toc.start(), headings[0][0] if headings else story_end) if toc else None
    if contents:
        world.notes.append(Note(kind="front_matter", start=contents[0], end=contents[1],
                                text=text[contents[0]:contents[1]]))
    bounds = headings or [(header_end, header_end, None)]
    for index, (_, heading_end, title) in enumerate(bounds):
        chapter_end = bounds[index + 1][0] if index + 1 < len(bounds) else story_end
        span = _trim(text, heading_end, chapter_end)
        if span:
            world.chapters.append(Chapter(index=len(world.chapters), title=title, start=span[0], end=span[1]))
    return world


def _first_blank_run(text: str) -> int:
    match = re.search(r"\n\s*\n\s*\n", text)
    return match.start() if match else 0


def _toc_titles(text: str, start: int, end: int) -> list[str]:
    """Chapter titles listed after "TABLE OF CONTENTS", up to where the first one repeats."""
    titles: list[str] = []
    for line in text[start:end].split("\n"):
        line = line.strip()
        if not line:
            continue
        if titles and line == titles[0]:
            break
        titles.append(line)
    return titles


def _find_headings(text: str, titles: list[str], start: int,
                   end: int) -> list[tuple[int, int, str | None]]:
    """(start, end, title) of each chapter's title line, found in order after the table of contents."""
    headings: list[tuple[int, int, str | None]] = []
    position = start
    for index, title in enumerate(titles):
        pattern = re.compile(rf"^[ \t]*{re.escape(title)}[ \t]*$", re.MULTILINE)
        match = pattern.search(text, position, end)
        if index == 0 and match:
            match = pattern.search(text, match.end(), end) or match
        if match is None:
            continue
        headings.append((match.start(), match.end(), title))
        position = match.end()
    return headings


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    if not chunk.strip():
        return None
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def read_fanficfare_html(markup: str, source: Source) -> StoryWorld:
    """FanFicFare's HTML: the title-page block, then one chapter per ``h2``/``h3`` heading."""
    builder = TextBuilder()
    add_html(builder, parse_html(markup, source.path or "input"))
    world = world_from_builder(builder, source)
    headings = [b for b in builder.blocks if b.tag in ("h2", "h3")
                and "table of contents" not in world.text[b.start:b.end].lower()]
    header_end = headings[0].start if headings else len(world.text)
    read_title_page(world.text, 0, header_end, world.metadata, world.notes)
    for index, heading in enumerate(headings):
        chapter_end = headings[index + 1].start if index + 1 < len(headings) else len(world.text)
        end_match = _END.search(world.text, heading.end, chapter_end)
        span = _trim(world.text, heading.end, end_match.start() if end_match else chapter_end)
        if span:
            title = world.text[heading.start:heading.end]
            world.chapters.append(Chapter(index=len(world.chapters), title=title, start=span[0], end=span[1]))
    return world

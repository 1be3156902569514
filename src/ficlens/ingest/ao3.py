"""AO3 downloads (HTML, and the same markup inside AO3's EPUB): metadata, notes, chapters.

An AO3 download has a ``#preface`` (``dl.tags`` rows, ``h1`` title, ``a[rel=author]``,
summary and notes as ``blockquote.userstuff`` after a label paragraph), then
``#chapters`` (per chapter a ``div.meta`` with ``h2.heading`` and the chapter's
summary/notes, the chapter text in ``div.userstuff``, end notes in
``div[id^=endnotes]``), then ``#afterword`` with the work's end notes.

The text as read is the extracted text of those parts in document order; every
note and chapter is a span of it, and chapters cover only the story text.
"""

from __future__ import annotations

import re
from typing import Literal

from selectolax.lexbor import LexborNode

from ..model import Chapter, Metadata, Note, NoteKind, Source, StoryWorld
from .html import TextBuilder, add_html, inline_text, world_from_builder
from .labels import apply_label, split_values

Position = Literal["before", "after", "inside"]
_CHAPTER_PARTS = "div.meta, h2.toc-heading, div.userstuff, div.endnotes, div[id^='endnotes']"
_CHAPTER_HEADING = re.compile(r"^\s*Chapter\s+\d+\s*(?::\s*(?P<title>.+))?$", re.IGNORECASE)


def is_ao3(body: LexborNode) -> bool:
    """True for AO3's download markup (a preface with ``dl.tags``, or ``#chapters``)."""
    return body.css_first("#preface dl.tags, dl.tags dt") is not None or (
        body.css_first("#chapters") is not None and body.css_first("#preface, #afterword") is not None)


def read_ao3(body: LexborNode, source: Source) -> StoryWorld:
    """Build the story-world of an AO3 download (see the module docstring)."""
    builder = TextBuilder()
    metadata = Metadata()
    notes: list[Note] = []
    chapters: list[Chapter] = []
    tags = body.css_first("dl.tags")
    if tags is not None:
        _read_tags(tags, metadata)
    _read_preface(body, builder, metadata, notes)
    for container in body.css("#chapters"):
        _read_chapters(container, builder, notes, chapters)
    for quote in body.css("#afterword blockquote.userstuff"):
        _add_note(builder, notes, quote, "end_notes", "after", None, label=_label_before(quote))
    world = world_from_builder(builder, source)
    world.metadata = metadata
    world.notes = notes
    world.chapters = chapters
    return world


def _read_tags(tags: LexborNode, metadata: Metadata) -> None:
    """``dt``/``dd`` pairs; a ``dd``'s links are its tags (Series/Stats/Rating/Language are one value)."""
    label = ""
    for child in tags.iter():
        if child.tag == "dt":
            label = inline_text(child)
        elif child.tag == "dd" and label:
            text = " ".join(inline_text(child).split())
            links = [inline_text(a) for a in child.css("a")]
            single = label.lower().startswith(("series", "stats", "language", "rating"))
            apply_label(metadata, label, [text] if single else (links or split_values(text)))


def _read_preface(body: LexborNode, builder: TextBuilder, metadata: Metadata, notes: list[Note]) -> None:
    preface = body.css_first("#preface")
    title = (preface or body).css_first("h1")
    if title is not None:
        metadata.title = " ".join(inline_text(title).split()) or None
        builder.add(metadata.title or "", "h1")
    authors = [inline_text(a) for a in (preface or body).css("a[rel='author']")]
    if authors:
        metadata.author = ", ".join(authors)
        builder.add(f"by {metadata.author}", "p")
    for quote in preface.css("blockquote.userstuff") if preface is not None else []:
        label = _label_before(quote)
        kind: NoteKind = "summary" if "summary" in label.lower() else "work_notes"
        note = _add_note(builder, notes, quote, kind, "before", None, label=label)
        if note is not None and kind == "summary":
            metadata.summary = note.text


def _read_chapters(container: LexborNode, builder: TextBuilder, notes: list[Note],
                   chapters: list[Chapter]) -> None:
    parts = _outermost([n for n in container.css(_CHAPTER_PARTS) if n.mem_id != container.mem_id])
    if not any(_is_meta(p) for p in parts):
        _add_chapter(builder, chapters, container, title=None, summary=None)
        return
    title: str | None = None
    summary: str | None = None
    for part in parts:
        if _is_meta(part):
            title, summary = _read_chapter_meta(part, builder, notes, len(chapters))
        elif "userstuff" in _classes(part):
            _add_chapter(builder, chapters, part, title, summary)
        else:
            for quote in part.css("blockquote"):
                _add_note(builder, notes, quote, "authors_note", "after", max(len(chapters) - 1, 0),
                          label=_label_before(quote))


def _read_chapter_meta(meta: LexborNode, builder: TextBuilder, notes: list[Note],
                       index: int) -> tuple[str | None, str | None]:
    heading = meta if meta.tag == "h2" else meta.css_first("h2.heading") or meta.css_first("h2, h3")
    title = None
    if heading is not None:
        heading_text = " ".join(inline_text(heading).split())
        builder.add(heading_text, "h2")
        match = _CHAPTER_HEADING.match(heading_text)
        title = (match.group("title") if match and match.group("title") else heading_text) or None
    summary = None
    for quote in meta.css("blockquote"):
        label = _label_before(quote)
        kind: NoteKind = "chapter_summary" if "summary" in label.lower() else "authors_note"
        note = _add_note(builder, notes, quote, kind, "before", index, label=label)
        if note is not None and kind == "chapter_summary":
            summary = note.text
    return title, summary


def _add_chapter(builder: TextBuilder, chapters: list[Chapter], node: LexborNode, title: str | None,
                 summary: str | None) -> None:
    first = len(builder.blocks)
    add_html(builder, node)
    span = builder.span_since(first)
    if span is not None:
        chapters.append(Chapter(index=len(chapters), title=title, start=span[0], end=span[1],
                                summary=summary))


def _add_note(builder: TextBuilder, notes: list[Note], node: LexborNode, kind: NoteKind, position: Position,
              chapter: int | None, label: str = "") -> Note | None:
    if label:
        builder.add(label, "p")
    first = len(builder.blocks)
    add_html(builder, node)
    span = builder.span_since(first)
    if span is None:
        return None
    start, end = span
    note = Note(kind=kind, start=start, end=end, text=builder.slice(start, end), position=position,
                chapter=chapter)
    notes.append(note)
    return note


def _label_before(node: LexborNode) -> str:
    """The label paragraph ("Summary:", "Chapter Notes") just before a notes blockquote."""
    sibling = node.prev
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        sibling = sibling.prev
    if sibling is None or sibling.tag not in ("p", "h3", "h4", "b", "strong"):
        return ""
    return " ".join(inline_text(sibling).split())


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def _is_meta(node: LexborNode) -> bool:
    """A chapter's preface: ``div.meta`` (or a bare ``h2.toc-heading`` in older downloads)."""
    return "meta" in _classes(node) or node.tag == "h2"


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop matches nested inside an earlier match (document order is kept)."""
    chosen: set[int] = set()
    kept: list[LexborNode] = []
    for node in nodes:
        ancestor = node.parent
        nested = False
        while ancestor is not None:
            if ancestor.mem_id in chosen:
                nested = True
                break
            ancestor = ancestor.parent
        if not nested:
            chosen.add(node.mem_id)
            kept.append(node)
    return kept

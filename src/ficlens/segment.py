"""Segment: paragraphs, chapters, the wrapping around the story, and explicit scene breaks.

``segment(world)`` reads ``world.text`` (and the chapters and notes a reader
marked up) and fills ``notes``, ``chapters``, ``paragraphs`` and ``scenes``.

* Paragraphs: blank lines separate them; pasted text often puts one paragraph
  on each line, so every non-empty line is a paragraph unless the text is
  hard-wrapped (most lines under ~100 characters running on into the next
  line, as in Project Gutenberg texts), where lines join up to a blank line.
* Chapters: a reader's chapters are kept; in plain text, heading paragraphs
  ("Chapter 4: The Lake", "CHAPTER XII.", "VOLUME II", bare "IV" when there
  are several) start chapters, and a short title line after a heading joins it.
* Wrapping: fan fiction pasted from FanFiction.Net carries its notes inside the
  text. At either end of each chapter, paragraphs (or sentences of them) that are
  disclaimers, title credits, author's notes, summaries, sign-offs ("Please
  review!") or a chapter-title line become ``Note``s; an author's note runs on
  over unmarked paragraphs to the end. Author's notes inside the story ("[A/N:
  ...]") become notes too. A posting header's "Label: value" rows, a title above the only
  chapter heading, an AO3 work page or a FanFiction.Net page header copied with the story are
  front matter that fills ``metadata``. The story is what remains.
* Scenes: explicit markers (``***``, ``~*~``, ``xXx``, "Line break", ``<hr>``,
  "Kurt's POV", ...) split each chapter into scenes; ``scenes.py`` later adds
  inferred breaks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .ingest.labels import apply_row, split_values
from .model import (
    BreakKind,
    Chapter,
    Metadata,
    Note,
    NoteKind,
    Paragraph,
    Scene,
    Span,
    StoryWorld,
    TitleSource,
)

Position = Literal["before", "after", "inside"]

# --- paragraph shapes -------------------------------------------------------------------------
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_HARD_WRAP_MAX_LINE = 100
_HARD_WRAP_MIN_LINE = 45
_TEXT_FORMATS = {"text", "fanficfare-txt"}
_MARKED_UP_NOTES = {"ao3-html", "ao3-epub"}

# --- scene-break markers ----------------------------------------------------------------------
_MARKER_SYMBOLS = set("*~=_#+-–—•·◊♦◆★☆✦✧❖⁂§°:.|/\\<>^oOxX0 ")
_SINGLE_MARKERS = {"*", "#", "⁂", "§", "~", "**", "##", "~~", "◊", "♦", "★", "✦", "❖"}
_XO_MARKER = re.compile(r"^(?P<left>[-~=*_]*)(?:[xX]+|[oO0]+)(?P<right>[-~=*_]*)$")
_WORD_MARKER = re.compile(
    r"^[\W_]*(?:line|page|scene|section|time)[ -]?(?:break|skip|change)[\W_]*$", re.IGNORECASE)
_POV = r"(?:POV|Pov|pov|P\.O\.V\.?|[Pp]oint [Oo]f [Vv]iew)"
_NAME = r"[A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?"
_POV_MARKER = re.compile(
    rf"^[\W_]*(?:(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}}?)(?:['’]s|s['’])?\s+{_POV}"
    rf"|{_POV}\s*[:\-–—]?\s*(?P<name2>{_NAME}(?:\s+{_NAME}){{0,2}}))[\W_]*$")
_DECORATED_NAME = re.compile(r"^(?P<open>[~*=\-_+#<>]+)\s*(?P<name>[A-Z][a-z’'.-]+(?: [A-Z][a-z’'.-]+)?)\s*"
                             r"(?P<close>[~*=\-_+#<>]+)$")

# --- chapter headings -------------------------------------------------------------------------
_NUMBER = (r"(?:\d{1,4}|[IVXLCDM]{1,8}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty[\w-]*|thirty[\w-]*|"
           r"forty[\w-]*|fifty[\w-]*|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
           r"last|final)")
_HEADING_TAIL = r"\b(?P<sep>\s*[.:\-–—)]\s*|\s+|$)(?P<title>.*?)[\s*~=_#\-]{0,3}$"
_CHAPTER_HEADING = re.compile(rf"^[\s*~=_#]{{0,3}}(?:chapter|chap\.|ch\.)\s*{_NUMBER}{_HEADING_TAIL}",
                              re.IGNORECASE)
_PART_HEADING = re.compile(rf"^(?:volume|vol\.|book|part)\s+{_NUMBER}{_HEADING_TAIL}", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,3})\.?$")
_MAX_HEADING = 250

# --- wrapping ---------------------------------------------------------------------------------
_AN_START = re.compile(
    r"^[\s\[(*~_\-]*(?:A\s*/\s*N\b|A\.\s?N\.|AN\s*[:\-–—]|author['’]?s?['’]?\s+notes?\b|authors?\s+notes?\b|"
    r"notes?\s*:|N/A\b|ETA\s*:)", re.IGNORECASE)
_DISCLAIMER_START = re.compile(r"^[\s\[(*~_\-]*disclaim(?:er|ed)\b", re.IGNORECASE)
_SUMMARY_START = re.compile(r"^[\s\[(*~_\-]*summary\s*[:\-–—]", re.IGNORECASE)
_DISCLAIMER_CUE = re.compile(
    r"\b(?:disclaimer|I\s+(?:do\s+not|don['’]?t|dont)\s+own|(?:do\s+not|don['’]?t)\s+own\s+(?:anything|any\s+of)|"
    r"I\s+own\s+nothing|(?:is|are)\s+not\s+mine|not\s+mine\b|no\s+copyright|copyright\s+infringement|all\s+rights\s+(?:go|belong|reserved)|"
    r"belongs?\s+to\s+(?:its|their|the)\s+(?:respective|rightful)|(?:making|make)\s+no\s+(?:money|profit))",
    re.IGNORECASE)
_TITLE_CREDIT_CUE = re.compile(r"\btitle\b[^.!?]*\b(?:from|by|inspired)\b", re.IGNORECASE)
_SIGN_OFF_CUE = re.compile(
    r"(?:^[\s*~_\-(\[]*(?:please\s+)?(?:review|r\s*&\s*r|r\s+and\s+r)(?:[\s!.,:)\]~*]*$|\s+(?:please|and|if|guys|"
    r"everyone|pretty|people|y'?all)\b)|\bplease\s+(?:review|comment|leave\s+a)|"
    r"\bread\s+(?:and|&)\s+review\b|\breviews?\s+(?:are|make|would)\b|\bleave\s+(?:a|me\s+a)\s+(?:review|comment)|"
    r"\blet\s+me\s+know\s+what\s+you\s+(?:think|thought)|\bthanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+reading\b|"
    r"\bcomments?\s+(?:are|make)\s+|\bkudos\s+(?:are|make)\b)", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_TITLE_SONG_BY = re.compile(
    r"\btitle\b(?:\s+(?:is|was|comes|came))?(?:\s+(?:taken|borrowed|lifted|inspired))?\s+(?:from|by)\s+"
    r"(?:the\s+song\s+)?[\"'“‘]?(?P<work>[^\"“”]+?)[\"'”’]?\s+by\s+"
    r"(?P<artist>[^.!?\n(]+?)\s*(?:[.!?(]|$)", re.IGNORECASE)
_TITLE_ARTISTS_SONG = re.compile(
    r"\btitle\b.*?\bfrom\s+(?:the\s+song\s+)?(?P<artist>[A-Z][^\n]*?)['’]s?\s+(?:song\s+)?[\"'“‘]"
    r"(?P<work>.+?)[\"'”’](?=[\s.,;!?)]|$)", re.IGNORECASE)
_FANDOM_NAME = r"[A-Z](?:[\w&'’: -]|\.(?!\s)){0,60}?"
_FANDOM_DOES = re.compile(rf"\bown\b[^.!?]*?,\s*(?P<fandom>{_FANDOM_NAME})\s+(?:does|do)\b")
_FANDOM_OWN = re.compile(
    rf"\b(?:do\s+not|don['’]?t|dont)\s+own\s+(?:the\s+rights\s+to\s+)?(?P<fandom>{_FANDOM_NAME})"
    r"(?=\s*(?:[,.;!?(]|$|\s+(?:or|and|nor|but)\s))")
_FANDOM_BELONGS = re.compile(
    rf"(?:^|[.!?:]\s+)(?P<fandom>{_FANDOM_NAME})\s+(?:belongs?|is\s+owned|is\s+the\s+property)\s+(?:to|by|of)\b")
_NOT_A_FANDOM = {"anything", "it", "this", "them", "everything", "all", "nothing", "i", "the characters",
                 "characters", "they", "these", "any", "obviously", "sadly", "unfortunately"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from",
                "up", "is", "as", "but", "nor", "into", "over"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BYLINE = re.compile(r"^(?:written\s+)?by:?\s+(?P<author>[\w@][^.!?\n]{0,50})$", re.IGNORECASE)
# a posting header's rows, one a line: "Title: ...", "Fandom: ...", "Relationships: ..." (the summary,
# notes and disclaimer rows are notes of their own kinds: ``_classify``)
_HEADER_ROW = re.compile(
    r"^[ \t*_]*(?P<label>title|author|writer|fandoms?|rating|relationships?|pairings?|ships?|characters?|"
    r"categor(?:y|ies)|(?:archive )?warnings?|additional tags|tags|freeform|genres?|word count|words|"
    r"spoilers?|prompt|beta(?: reader)?|series|language|status|chapters)[ \t*_]*:[ \t*_]*"
    r"(?P<value>\S[^\n]{0,300})$",
    re.IGNORECASE)
_NOT_TITLES = {"contents", "table of contents", "prologue", "epilogue"}
_LEAD_LOOKAHEAD = 3
_TAIL_CONTINUATION = 4
_SELF_CONTAINED = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\))\s*$")
_NOTE_VOICE = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|my|me|you|your|thanks?|hope)\b", re.IGNORECASE)
_DIALOGUE = re.compile(r"[\"“”]")
_NOTE_MAX_CHARS = 1500


@dataclass
class _Part:
    kind: NoteKind
    start: int
    end: int


def segment(world: StoryWorld) -> StoryWorld:
    """Fill notes, chapters, paragraphs and scenes from the text (see the module docstring).

    Reads ``world.text``, ``world.source.format`` and any chapters/notes the reader
    found; a reader's chapters are kept (their edges still lose FanFiction.Net-style
    notes unless the format marks notes up, as AO3's does). Also fills
    ``metadata.fandoms`` from disclaimers, ``metadata.title_source`` from title
    credits and ``metadata.chapter_title``.
    """
    text = world.text
    paragraphs = _paragraph_spans(text, hard_wrap_allowed=world.source.format in _TEXT_FORMATS,
                                  story=[(c.start, c.end) for c in world.chapters])
    notes: list[Note] = []
    if world.chapters:
        chapters = [c.model_copy() for c in world.chapters]
        if world.source.format not in _MARKED_UP_NOTES:
            chapters = [_unwrap_chapter(text, c, _inside(paragraphs, c.start, c.end), notes)
                        for c in chapters]
    else:
        story_from = _read_copied_work_page(text, paragraphs, notes, world.metadata)
        chapters = _find_chapters(text, paragraphs[story_from:], notes)
    kept = [c for c in chapters if c.end > c.start] or [_whole_text_chapter(text)]
    chapters, notes = _renumber(kept, notes)
    notes.extend(_inside_notes(text, paragraphs, chapters))
    world.notes = sorted(world.notes + _merge_notes(text, notes), key=lambda n: (n.start, n.end))
    world.chapters = chapters
    _fill_metadata(world.metadata, world.notes)
    inside = {(n.start, n.end) for n in world.notes if n.position == "inside"}
    story = [p for c in world.chapters for p in _inside(paragraphs, c.start, c.end) if p not in inside]
    gaps_break = world.source.format not in _TEXT_FORMATS
    world.scenes = _build_scenes(text, story, world.chapters, gaps_break)
    world.paragraphs = [Paragraph(start=s, end=e) for s, e in story if _marker(text[s:e]) is None]
    return world


# --- an AO3 work page copied from a browser --------------------------------------------------


def _read_copied_work_page(text: str, paragraphs: list[tuple[int, int]], notes: list[Note],
                           metadata: Metadata) -> int:
    """An AO3 work page copied from a browser and pasted as text: its tag rows ("Rating:" with the
    value on the same line or the next), title and author lines, "Summary:" and "Notes:" blocks,
    then "Work Text:" (or "Chapter Text"), where the story starts. Adds the notes, fills
    ``metadata`` and returns the index of the story's first paragraph (0 for any other text)."""
    lines = [text[s:e].strip() for s, e in paragraphs[:_PAGE_LINES]]
    start = next((i for i, line in enumerate(lines) if _WORK_TEXT.match(line)), None)
    if start is None or sum(bool(_PAGE_LABEL.match(line)) for line in lines[:start]) < 2:
        return 0
    label: str | None = None
    block: NoteKind = "front_matter"
    free: list[str] = []  # lines under no label: the title, then the author
    summary: list[str] = []
    for i, line in enumerate(lines[:start]):
        row = _PAGE_LABEL.match(line)
        if row:
            label = row.group("label").lower()
            block = _PAGE_NOTE_KINDS.get(label, "front_matter")
            if row.group("value") and block == "front_matter":
                apply_row(metadata, label, row.group("value"))
                label = None
        elif block == "summary":
            summary.append(line)
        elif label is not None and block == "front_matter":
            apply_row(metadata, label, line)  # the value on the line under its label
            label = None
        elif block == "front_matter":
            free.append(line)
        notes.append(Note(kind=block, start=paragraphs[i][0], end=paragraphs[i][1],
                          text=text[slice(*paragraphs[i])]))
    metadata.summary = metadata.summary or " ".join(summary) or None
    metadata.title = metadata.title or (free[0] if free else None)
    metadata.author = metadata.author or (free[1] if len(free) > 1 else None)
    notes.append(Note(kind="front_matter", start=paragraphs[start][0], end=paragraphs[start][1],
                      text=text[slice(*paragraphs[start])]))
    return start + 1


_PAGE_LINES = 120  # how far into a text the copied page's "Work Text:" may be
_WORK_TEXT = re.compile(r"^(?:Work Text|Chapter Text):?$")
_PAGE_LABEL = re.compile(
    r"^(?P<label>Rating|Archive Warnings?|Categor(?:y|ies)|Fandoms?|Relationships?|Characters|"
    r"Additional Tags|Language|Series|Collections?|Stats|Summary|Notes):[ \t]*(?P<value>.*)$")
_PAGE_NOTE_KINDS: dict[str, NoteKind] = {"summary": "summary", "notes": "authors_note"}


# --- paragraphs -------------------------------------------------------------------------------


def _paragraph_spans(text: str, hard_wrap_allowed: bool,
                     story: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Trimmed (start, end) of every paragraph; see the module docstring for hard-wrapped text.

    Whether the text is hard-wrapped is judged on the ``story`` spans when a reader
    found them (a title page of short rows says nothing about the chapters).
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    sample = [line for span in story for line in _inside(lines, *span)] if story else lines
    if not hard_wrap_allowed or not _is_hard_wrapped(text, sample):
        return lines
    paragraphs: list[tuple[int, int]] = []
    for start, end in lines:
        running_on = paragraphs and text.count("\n", paragraphs[-1][1], start) == 1
        if running_on and not _is_marker_line(text, start, end):
            paragraphs[-1] = (paragraphs[-1][0], end)
        else:
            paragraphs.append((start, end))
    return paragraphs


def _is_marker_line(text: str, start: int, end: int) -> bool:
    return end - start <= 40 and _marker(text[start:end]) is not None


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines short and running on into the next one, with blank lines between paragraphs."""
    if len(lines) < 8:
        return False
    lengths = sorted(end - start for start, end in lines)
    if lengths[int(len(lengths) * 0.9)] > _HARD_WRAP_MAX_LINE or "\n\n" not in text:
        return False
    running_on = sorted(end - start for (start, end), (next_start, _) in zip(lines, lines[1:], strict=False)
                        if text.count("\n", end, next_start) == 1)
    # Wrapped lines fill the width; chat logs and verse run on too, but in short lines.
    return len(running_on) >= 0.3 * len(lines) and running_on[len(running_on) // 2] >= _HARD_WRAP_MIN_LINE


def _inside(paragraphs: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs (sorted, non-overlapping) lying within [start, end), found by bisection."""
    first = bisect.bisect_left(paragraphs, (start, -1))
    last = bisect.bisect_right(paragraphs, (end, end))
    return [p for p in paragraphs[first:last] if p[1] <= end]


def _renumber(chapters: list[Chapter], notes: list[Note]) -> tuple[list[Chapter], list[Note]]:
    """Number the kept chapters 0, 1, ... and point the notes at the new numbers."""
    numbers = {chapter.index: number for number, chapter in enumerate(chapters)}
    return ([c.model_copy(update={"index": numbers[c.index]}) for c in chapters],
            [n.model_copy(update={"chapter": numbers.get(n.chapter)}) if n.chapter is not None else n
             for n in notes])


def _whole_text_chapter(text: str) -> Chapter:
    stripped = text.strip()
    start = text.find(stripped[:1]) if stripped else 0
    return Chapter(index=0, start=start, end=start + len(stripped))


# --- markers ----------------------------------------------------------------------------------


def _marker(paragraph: str) -> tuple[str, str | None] | None:
    """(marker text, stated POV name) when a paragraph is a scene-break marker, else None."""
    if len(paragraph) > 60 or "\n" in paragraph:
        return None
    if _is_symbol_marker(paragraph) or _WORD_MARKER.match(paragraph):
        return paragraph, None
    pov = _POV_MARKER.match(paragraph)
    if pov:
        return paragraph, pov.group("name") or pov.group("name2")
    decorated = _DECORATED_NAME.match(paragraph)
    if decorated and decorated.group("open")[0] == decorated.group("close")[-1]:
        return paragraph, decorated.group("name")
    return None


def _is_symbol_marker(paragraph: str) -> bool:
    squeezed = paragraph.replace(" ", "")
    if not squeezed or any(ch not in _MARKER_SYMBOLS for ch in squeezed):
        return False
    if set(squeezed) <= {".", "…", ":"}:
        return False
    xo = _XO_MARKER.match(squeezed)
    if xo:
        letters = squeezed[len(xo.group("left")):len(squeezed) - len(xo.group("right"))]
        mixed = letters != letters.lower() and letters != letters.upper()
        return bool(xo.group("left") and xo.group("right")) or mixed or len(letters) >= 5
    if any(ch.isalnum() for ch in squeezed):
        return False
    return len(squeezed) >= 3 or squeezed in _SINGLE_MARKERS


# --- chapters ---------------------------------------------------------------------------------


def _heading_title(paragraph: str) -> str | None:
    """The heading's own title ("" when it has none) if the paragraph is a chapter/part heading.

    After "Chapter 4:" / "CHAPTER IV." anything may follow (Gutenberg titles are long);
    after a bare "Chapter 4 " only a title-like line ("Chapter 1 Crumbs"), so that
    sentences such as "Chapter two was dull." stay story.
    """
    if len(paragraph) > _MAX_HEADING:
        return None
    collapsed = " ".join(paragraph.split())
    match = _CHAPTER_HEADING.match(collapsed) or _PART_HEADING.match(collapsed)
    if match is None:
        return None
    title = match.group("title").strip()
    if not any(ch.isalnum() for ch in title):
        return ""
    if title[0].islower():
        return None
    return title if match.group("sep").strip() or _is_title_line(title) else None


def _find_chapters(text: str, paragraphs: list[tuple[int, int]], notes: list[Note]) -> list[Chapter]:
    """Chapters of plain text, split at heading runs, each with its wrapping notes removed."""
    runs = _heading_runs(text, paragraphs)
    if not runs:
        chapter = Chapter(index=0, start=paragraphs[0][0], end=paragraphs[-1][1]) if paragraphs else None
        return [_unwrap_chapter(text, chapter, paragraphs, notes, title_line=True)] if chapter else []
    chapters: list[Chapter] = []
    first_heading = runs[0][0]
    preamble = paragraphs[:first_heading]
    if preamble:
        chapters.extend(_read_preamble(text, preamble, notes, several_chapters=len(runs) > 1))
    for number, (run_start, run_end) in enumerate(runs):
        body_end = runs[number + 1][0] if number + 1 < len(runs) else len(paragraphs)
        body = paragraphs[run_end:body_end]
        heading_start, heading_end = paragraphs[run_start][0], paragraphs[run_end - 1][1]
        title = _run_title(text, paragraphs[run_start:run_end])
        if len(runs) == 1:
            notes.append(Note(kind="chapter_title", start=heading_start, end=heading_end,
                              text=text[heading_start:heading_end], chapter=len(chapters)))
        if body:
            chapter = Chapter(index=len(chapters), title=title, start=body[0][0], end=body[-1][1])
            chapters.append(_unwrap_chapter(text, chapter, body, notes))
    return chapters


def _heading_runs(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) paragraph indexes of each run of headings (plus a title line after them)."""
    strong = [i for i, (s, e) in enumerate(paragraphs) if _heading_title(text[s:e]) is not None]
    weak = [i for i, (s, e) in enumerate(paragraphs) if e - s <= 8 and _BARE_NUMBER.match(text[s:e])]
    indexes = sorted(set(strong) | (set(weak) if len(weak) >= 3 else set()))
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    extended = []
    for start, end in runs:
        following = text[paragraphs[end][0]:paragraphs[end][1]] if end < len(paragraphs) else ""
        if end + 1 < len(paragraphs) and _is_title_line(following) and not _WORK_TEXT.match(following):
            end += 1
        extended.append((start, end))
    return extended


def _run_title(text: str, run: list[tuple[int, int]]) -> str:
    """A title line or the last heading's own title ("Lake"), else the headings ("VOLUME II, CHAPTER I")."""
    start, end = run[-1]
    own = _heading_title(text[start:end])
    if own is None or own:
        return own or " ".join(text[start:end].split())
    return ", ".join(" ".join(text[s:e].split()) for s, e in run)


def _read_preamble(text: str, preamble: list[tuple[int, int]], notes: list[Note],
                   several_chapters: bool) -> list[Chapter]:
    """Text before the first heading: notes if all wrapping (or a short front matter), else a chapter."""
    parts, story_start = _leading_parts(text, preamble, title_line=False)
    start, end = preamble[0][0], preamble[-1][1]
    if story_start >= len(preamble):
        notes.extend(_notes_from_parts(text, parts, "before", 0))
        return []
    titled = len(preamble) <= 3 and all(_is_title_line(line := text[s:e]) or _BYLINE.match(line)
                                        for s, e in preamble)
    if titled or several_chapters and end - start < 0.1 * len(text):  # "Ink and Ash" above "Chapter 5"
        notes.append(Note(kind="front_matter", start=start, end=end, text=text[start:end], chapter=None))
        return []
    chapter = Chapter(index=0, start=start, end=end)
    return [_unwrap_chapter(text, chapter, preamble, notes)]


# --- wrapping ---------------------------------------------------------------------------------


def _unwrap_chapter(text: str, chapter: Chapter, paragraphs: list[tuple[int, int]], notes: list[Note],
                    title_line: bool = False) -> Chapter:
    """Shrink a chapter to its story, adding the notes found at either end to ``notes``."""
    if not paragraphs:
        return chapter
    lead_parts, story_start = _leading_parts(text, paragraphs, title_line)
    tail_parts, story_end = _trailing_parts(text, paragraphs, story_start)
    notes.extend(_notes_from_parts(text, lead_parts, "before", chapter.index))
    notes.extend(_notes_from_parts(text, tail_parts, "after", chapter.index))
    if title_line:
        for part in lead_parts:
            if part.kind == "chapter_title" and not chapter.title:
                chapter = chapter.model_copy(update={"title": text[part.start:part.end]})
    story = paragraphs[story_start:story_end]
    if not story:
        return chapter.model_copy(update={"end": chapter.start})
    return chapter.model_copy(update={"start": story[0][0], "end": story[-1][1]})


def _leading_parts(text: str, paragraphs: list[tuple[int, int]], title_line: bool) -> tuple[list[_Part], int]:
    """Note parts at the start, and the index of the first story paragraph."""
    parts = [_Part("front_matter", *paragraphs[i]) for i in range(_ffn_header(text, paragraphs))]
    index = len(parts)
    title_taken = False
    while index < len(paragraphs):
        start, end = paragraphs[index]
        paragraph = text[start:end]
        if _opens_header(text, paragraphs, index, parts) or _WORK_TEXT.match(paragraph.strip()):
            parts.append(_Part("front_matter", start, end))
            index += 1
            continue
        found = _classify(paragraph, start)
        if found:
            parts.extend(found)
            if found[-1].kind == "authors_note":
                index = _continue_leading_note(text, paragraphs, index, parts)
            index += 1
            continue
        if _BYLINE.match(paragraph) and index < _LEAD_LOOKAHEAD:
            parts.append(_Part("front_matter", start, end))
            index += 1
            continue
        marker = _marker(paragraph)
        if marker is not None and marker[1] is None and parts:
            index += 1
            continue
        if (title_line and not title_taken and marker is None and index + 2 < len(paragraphs)
                and _is_title_line(paragraph)):
            parts.append(_Part("chapter_title", start, end))
            title_taken = True
            index += 1
            continue
        break
    return parts, index


def _ffn_header(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """How many paragraphs a FanFiction.Net page's header takes when its story was copied with it:
    short lines ("Title by Author", the fandom) down to the line of facts ("Rated: Fiction T -
    English - Romance - [Odile, Wren] - Words: 1,204 - ..."); 0 without one."""
    for i, (start, end) in enumerate(paragraphs[:_FFN_HEADER_LINES]):
        line = text[start:end]
        if _FFN_FACTS.match(line):
            return i + 1
        if len(line) > _FFN_LINE or "\n" in line:
            return 0
    return 0


def _read_ffn_facts(metadata: Metadata, line: str) -> None:
    """ "Rated: Fiction T - English - Romance/Angst - [Kurt H., Blaine A.] Rachel B. - Words: 3,741 -
    Reviews: 12 - ..." into the rating, language, genres (tags), pairing and characters, and stats."""
    rating, *rest = [part.strip() for part in line.split(" - ")]
    metadata.rating = metadata.rating or rating.split()[-1]
    plain = [part for part in rest if not _FFN_STAT.match(part)]
    for part in rest:
        if (stat := _FFN_STAT.match(part)) is not None:
            metadata.stats[stat.group(1).lower()] = stat.group(2)
    if plain and metadata.language is None and re.fullmatch(r"[A-Z][a-z]+", plain[0]):
        metadata.language = plain.pop(0)
    for part in plain:
        if "[" in part or "," in part or not re.fullmatch(r"[A-Za-z/&-]+", part):
            for pairing in re.findall(r"\[([^\]]+)\]", part):
                metadata.relationships.append("/".join(split_values(pairing)))
            for name in split_values(re.sub(r"[\[\]]", ",", part)):
                if name not in metadata.characters:
                    metadata.characters.append(name)
        else:  # "Romance/Angst": FanFiction.Net's genres
            metadata.additional_tags.extend(g for g in part.split("/") if g not in metadata.additional_tags)


_FFN_HEADER_LINES = 5  # paragraphs above the facts line: title and author, the fandom
_FFN_LINE = 150
_FFN_FACTS = re.compile(r"^Rated:\s*(?:Fiction\s+)?(?:K\+?|T|M|MA)\s+-\s+.*\bWords:\s*[\d,]+")
_FFN_STAT = re.compile(r"^([A-Za-z][A-Za-z ]*):\s*(.+)$")
_TITLE_BY = re.compile(r"^(?P<title>.+?)\s+by\s+(?P<author>\S[^\n]{0,60})$")


def _is_header(paragraph: str) -> bool:
    return all(_HEADER_ROW.match(line) for line in paragraph.split("\n"))


def _opens_header(text: str, paragraphs: list[tuple[int, int]], index: int, parts: list[_Part]) -> bool:
    """Whether a paragraph is rows of a posting header: with other rows (its own lines, the
    paragraphs before or after it, a summary next), or one whose value reads as a title
    ("Title: Salt and Static"); a lone labelled line of prose is story ("Title: that was the word")."""
    paragraph = text[slice(*paragraphs[index])]
    if not _is_header(paragraph):
        return False
    row = _HEADER_ROW.match(paragraph)
    if "\n" in paragraph or any(p.kind == "front_matter" for p in parts) \
            or row is not None and _is_title_line(row.group("value")):
        return True
    following = text[slice(*paragraphs[index + 1])] if index + 1 < len(paragraphs) else ""
    return _is_header(following) or bool(_SUMMARY_START.match(following))


def _continue_leading_note(text: str, paragraphs: list[tuple[int, int]], index: int,
                           parts: list[_Part]) -> int:
    """An opening A/N runs on over unmarked paragraphs when a break or title line soon follows."""
    for ahead in range(index + 1, min(index + 1 + _LEAD_LOOKAHEAD, len(paragraphs))):
        start, end = paragraphs[ahead]
        paragraph = text[start:end]
        if _is_title_line(paragraph) or _is_boundary(paragraph):
            for follow in range(index + 1, ahead):
                parts.append(_Part("authors_note", *paragraphs[follow]))
            return ahead - 1
        if _classify(paragraph, start):
            return index
    return index


def _is_boundary(paragraph: str) -> bool:
    """A scene marker or a chapter heading: where an opening note certainly ends."""
    return _marker(paragraph) is not None or _heading_title(paragraph) is not None


def _trailing_parts(text: str, paragraphs: list[tuple[int, int]],
                    story_start: int) -> tuple[list[_Part], int]:
    """Note parts at the end, and the index just past the last story paragraph."""
    end_index = len(paragraphs)
    while end_index > story_start:
        start, end = paragraphs[end_index - 1]
        paragraph = text[start:end]
        if not _classify(paragraph, start) and _marker(paragraph) is None:
            break
        end_index -= 1
    window_start = max(story_start, end_index - _TAIL_CONTINUATION - 1)
    for index in range(window_start, end_index):
        if _opens_closing_note(text, paragraphs[index:end_index]):
            end_index = index
            break
    while end_index > story_start and _marker(text[slice(*paragraphs[end_index - 1])]):
        end_index -= 1
    parts: list[_Part] = []
    for start, end in paragraphs[end_index:]:
        paragraph = text[start:end]
        if _opens_header(text, paragraphs, index, parts):
            parts.append(_Part("front_matter", start, end))
            index += 1
            continue
        found = _classify(paragraph, start)
        if found:
            parts.extend(found)
        elif _marker(paragraph) is None:
            parts.append(_Part(parts[-1].kind if parts else "authors_note", start, end))
    return parts, end_index


def _opens_closing_note(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """An unbracketed A/N whose following paragraphs all read like the author talking, not story."""
    start, end = paragraphs[0]
    opening = text[start:end]
    if end - start > _NOTE_MAX_CHARS or not _AN_START.match(opening) or _SELF_CONTAINED.match(opening):
        return False
    return all(_NOTE_VOICE.search(text[s:e]) and not _DIALOGUE.search(text[s:e]) for s, e in paragraphs[1:])


def _classify(paragraph: str, offset: int) -> list[_Part]:
    """The note parts of a paragraph (a disclaimer and a title credit can share one), or []."""
    if len(paragraph) > _NOTE_MAX_CHARS or paragraph.startswith(("\"", "“")):
        return []
    base: NoteKind | None = None
    if _AN_START.match(paragraph):
        base = "authors_note"
    elif _DISCLAIMER_START.match(paragraph):
        base = "disclaimer"
    elif _SUMMARY_START.match(paragraph):
        base = "summary"
    parts: list[_Part] = []
    for start, end in _sentences(paragraph):
        kind = _sentence_kind(paragraph[start:end])
        if not parts:
            first_kind = kind if kind == "title_credit" else base or kind
            if first_kind is None:
                return []
            parts.append(_Part(first_kind, offset + start, offset + end))
        elif kind not in (None, parts[-1].kind) and (parts[-1].kind, kind) != ("authors_note", "sign_off"):
            parts.append(_Part(kind, offset + start, offset + end))
        else:
            parts[-1].end = offset + end
    return parts


def _sentence_kind(sentence: str) -> NoteKind | None:
    if _TITLE_CREDIT_CUE.search(sentence) and (_TITLE_SONG_BY.search(sentence)
                                               or _TITLE_ARTISTS_SONG.search(sentence)):
        return "title_credit"
    if _DISCLAIMER_CUE.search(sentence):
        return "disclaimer"
    if len(sentence) <= 200 and _SIGN_OFF_CUE.search(sentence):
        return "sign_off"
    if _AN_START.match(sentence):
        return "authors_note"
    return None


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(paragraph)))
    return [(s, e) for s, e in spans if e > s]


def _is_title_line(paragraph: str) -> bool:
    """A short title-cased line without sentence punctuation or quotes ("The Long Way Home")."""
    if len(paragraph) > 80 or "\n" in paragraph or any(ch in paragraph for ch in "\"“”"):
        return False
    if paragraph[-1] in ".,;:!?…-—" or paragraph[0] in "'‘(*[~" or _marker(paragraph) is not None:
        return False
    words = _WORD.findall(paragraph)
    if not words or len(words) > 10 or not words[0][0].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


def _notes_from_parts(text: str, parts: list[_Part], position: Position, chapter: int | None) -> list[Note]:
    return [Note(kind=p.kind, start=p.start, end=p.end, text=text[p.start:p.end], position=position,
                 chapter=chapter) for p in parts]


def _merge_notes(text: str, notes: list[Note]) -> list[Note]:
    """Join neighbouring notes of the same kind and position (an A/N over several paragraphs)."""
    merged: list[Note] = []
    for note in sorted(notes, key=lambda n: n.start):
        last = merged[-1] if merged else None
        if (last is not None and last.kind == note.kind and last.position == note.position
                and last.chapter == note.chapter and not text[last.end:note.start].strip()):
            merged[-1] = last.model_copy(update={"end": note.end, "text": text[last.start:note.end]})
        else:
            merged.append(note)
    return merged


def _inside_notes(text: str, paragraphs: list[tuple[int, int]], chapters: list[Chapter]) -> list[Note]:
    """Author's notes in the middle of a chapter ("[A/N: ...]", "A/N: ...")."""
    notes = []
    for chapter in chapters:
        for start, end in _inside(paragraphs, chapter.start, chapter.end):
            paragraph = text[start:end]
            if end - start <= _NOTE_MAX_CHARS and _AN_START.match(paragraph):
                notes.append(Note(kind="authors_note", start=start, end=end, text=paragraph,
                                  position="inside", chapter=chapter.index))
    return notes


# --- metadata from notes ----------------------------------------------------------------------


def _fill_metadata(metadata: Metadata, notes: list[Note]) -> None:
    for note in notes:
        if note.kind == "front_matter":
            _read_front_matter(metadata, note.text)
        elif note.kind == "disclaimer":
            for fandom in _fandoms_in(note.text):
                if fandom not in metadata.fandoms:
                    metadata.fandoms.append(fandom)
        elif note.kind == "title_credit" and metadata.title_source is None:
            metadata.title_source = _title_source(note)
        elif note.kind == "chapter_title" and metadata.chapter_title is None:
            metadata.chapter_title = _heading_title(note.text) or " ".join(note.text.split())
        elif note.kind == "summary" and metadata.summary is None:
            metadata.summary = _SUMMARY_START.sub("", note.text).strip()


def _read_front_matter(metadata: Metadata, text: str) -> None:
    """A header's rows ("Rating: Teen"), else a title line and a byline ("Ink and Ash", "by Wren");
    a FanFiction.Net header's "Title by Author", fandom and line of facts."""
    lines = [line.strip() for line in text.split("\n")]
    if any(_FFN_FACTS.match(line) for line in lines):
        for line in lines:
            if _FFN_FACTS.match(line):
                _read_ffn_facts(metadata, line)
            elif (by := _TITLE_BY.match(line)) is not None and metadata.title is None:
                metadata.title, metadata.author = by.group("title"), by.group("author")
            elif line and line not in metadata.fandoms:  # "Glee", "Books » Harry Potter"
                metadata.fandoms.append(line.split("»")[-1].strip())
        return
    for line in lines:
        row = _HEADER_ROW.match(line)
        if row:
            apply_row(metadata, row.group("label"), row.group("value").strip(" \t*_"))
        elif (byline := _BYLINE.match(line)) is not None and metadata.author is None:
            metadata.author = byline.group("author")
        elif metadata.title is None and _is_title_line(line) and line.lower() not in _NOT_TITLES:
            metadata.title = line


def _fandoms_in(disclaimer: str) -> list[str]:
    found = []
    for pattern in (_FANDOM_DOES, _FANDOM_OWN, _FANDOM_BELONGS):
        for match in pattern.finditer(disclaimer):
            fandom = match.group("fandom").strip(" .:'’")
            if fandom and fandom.lower() not in _NOT_A_FANDOM and fandom not in found:
                found.append(fandom)
    return found


def _title_source(note: Note) -> TitleSource:
    for pattern in (_TITLE_ARTISTS_SONG, _TITLE_SONG_BY):
        match = pattern.search(note.text)
        if match:
            return TitleSource(work=match.group("work").strip(" '\"‘’“”"),
                               artist=match.group("artist").strip(" '\"‘’“”"),
                               start=note.start, end=note.end)
    return TitleSource(start=note.start, end=note.end)


# --- scenes -----------------------------------------------------------------------------------


@dataclass
class _Break:
    """How the next scene opens: its break kind, the marker (text and span) and a stated POV."""

    kind: BreakKind
    marker: str | None = None
    evidence: list[Span] = field(default_factory=list)
    pov_name: str | None = None
    pov_evidence: list[Span] = field(default_factory=list)


def _build_scenes(text: str, story: list[tuple[int, int]], chapters: list[Chapter],
                  gaps_break: bool) -> list[Scene]:
    """Split each chapter's story paragraphs into scenes at explicit markers (and wide HTML gaps)."""
    scenes: list[Scene] = []
    for chapter in chapters:
        opening = _Break("start" if not scenes else "chapter")
        members: list[tuple[int, int]] = []
        previous_end: int | None = None
        for start, end in _inside(story, chapter.start, chapter.end):
            found = _marker(text[start:end])
            gap = gaps_break and previous_end is not None and text.count("\n", previous_end, start) >= 4
            if members and (found or gap):
                scenes.append(_scene(len(scenes), members, chapter.index, opening))
                members, opening = [], _Break("marker")
            if gap and previous_end is not None:
                opening.evidence.append(Span(start=previous_end, end=start, note="blank lines"))
            previous_end = end
            if found is None:
                members.append((start, end))
                continue
            if opening.kind == "marker" and opening.marker is None:
                opening.marker = found[0]
            opening.evidence.append(Span(start=start, end=end, note="marker"))
            if found[1]:
                opening.pov_name = found[1]
                opening.pov_evidence = [Span(start=start, end=end, note="POV heading")]
        if members:
            scenes.append(_scene(len(scenes), members, chapter.index, opening))
    return scenes


def _scene(number: int, members: list[tuple[int, int]], chapter: int, opening: _Break) -> Scene:
    return Scene.model_validate({
        "id": f"s{number + 1}", "start": members[0][0], "end": members[-1][1], "chapter": chapter,
        "break": opening.kind, "marker": opening.marker, "break_evidence": opening.evidence,
        "pov_name": opening.pov_name, "pov_stated": opening.pov_name is not None,
        "pov_evidence": opening.pov_evidence, "pov_confidence": 1.0 if opening.pov_name else 0.0})

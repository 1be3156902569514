"""The story as HTML: chapters, scene sections, paragraphs with coloured quote spans.

One ``<p>`` per paragraph and one ``<span>`` per quotation (never one node per
word), so a 200,000-word novel stays a light page. Every piece of the text goes
through ``html.escape``. Notes around the story are rendered apart from it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from html import escape

from ..model import Note, Paragraph, Quote, Scene, Span, StoryWorld

LOW_CONFIDENCE = 0.5
MARKER = re.compile(r"(?:[*#~=_+•·\-]\s*){3,}")  # a scene-break line the scenes stage did not claim
HEADING = re.compile(r"(?i)(?:chapter|part)\s+[\w.]+\s*(?:[:.\-–—]\s*(.{1,80}))?")
NOTE_LABELS = {
    "disclaimer": "Disclaimer", "title_credit": "Title credit", "authors_note": "Author's note",
    "summary": "Summary", "chapter_summary": "Chapter summary", "sign_off": "Sign-off",
    "work_notes": "Notes", "end_notes": "End notes", "front_matter": "Front matter",
    "chapter_title": "Chapter title",
}
POV_KINDS = {"first": "first person", "third_limited": "third limited", "omniscient": "omniscient",
             "second": "second person", "unclear": "POV unclear"}


def _paragraphs(world: StoryWorld) -> list[Paragraph]:
    if world.paragraphs:
        return sorted(world.paragraphs, key=lambda p: p.start)
    return [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", world.text)]


def _quote_class(quote: Quote, speaker_index: int) -> str:
    classes = ["q", f"k{speaker_index}" if speaker_index >= 0 else "ku"]
    if quote.kind != "speech":
        classes.append(quote.kind)
    if speaker_index < 0 or quote.confidence < LOW_CONFIDENCE:
        classes.append("lc")
    return " ".join(classes)


class _SpanIndex:
    """Find the spans (sorted by start) that overlap a stretch, in O(log n + hits)."""

    def __init__(self, spans: list[Quote] | list[Span]) -> None:
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]
        self.reach = list(itertools.accumulate(self.ends, max))  # furthest end so far

    def overlapping(self, start: int, end: int) -> list[int]:
        first = bisect.bisect_right(self.reach, start)
        last = bisect.bisect_left(self.starts, end)
        return [i for i in range(first, last) if self.ends[i] > start]


class _Marks:
    """Quotes and POV slips overlapping a paragraph, rendered as properly nested spans."""

    def __init__(self, quotes: list[Quote], speakers: dict[str, int], slips: list[Span]) -> None:
        self.quotes = sorted(enumerate(quotes), key=lambda iq: iq[1].start)
        self.slips = sorted(slips, key=lambda s: s.start)
        self.speakers = speakers
        self.quote_index = _SpanIndex([q for _, q in self.quotes])
        self.slip_index = _SpanIndex(self.slips)

    def render(self, text: str, start: int, end: int) -> str:
        quotes = [self.quotes[i] for i in self.quote_index.overlapping(start, end)]
        slips = [self.slips[i] for i in self.slip_index.overlapping(start, end)]
        cuts = {start, end}
        for _, q in quotes:
            cuts.update(c for c in (q.start, q.end) if start < c < end)
        for s in slips:
            cuts.update(c for c in (s.start, s.end) if start < c < end)
        bounds = sorted(cuts)
        out: list[str] = []
        open_quote: int | None = None
        for a, b in zip(bounds, bounds[1:], strict=False):
            quote = next(((i, q) for i, q in quotes if q.start <= a < q.end), None)
            slip = next((s for s in slips if s.start <= a < s.end), None)
            if open_quote is not None and (quote is None or quote[0] != open_quote):
                out.append("</span>")
                open_quote = None
            if quote is not None and open_quote is None:
                i, q = quote
                speaker = self.speakers.get(q.speaker, -1) if q.speaker else -1
                out.append(f'<span class="{_quote_class(q, speaker)}" data-q="{i}">')
                open_quote = i
            piece = escape(text[a:b], quote=False)
            if slip is not None:
                title = escape("POV slip" + (f": {slip.note}" if slip.note else ""))
                piece = f'<mark class="slip" title="{title}">{piece}</mark>'
            out.append(piece)
        if open_quote is not None:
            out.append("</span>")
        return "".join(out)


def _note_html(note: Note) -> str:
    label = NOTE_LABELS.get(note.kind, note.kind)
    return (f'<aside class="note note-{escape(note.kind)}"><span class="note-kind">{escape(label)}</span>'
            f'<span class="note-text">{escape(note.text)}</span></aside>')


def render_notes(world: StoryWorld, position: str) -> str:
    """The notes around the story at ``position`` ("before"/"after"), apart from the text."""
    notes = [n for n in world.notes if n.position == position and n.kind != "chapter_title"]
    if not notes:
        return ""
    heading = "Before the story" if position == "before" else "After the story"
    return (f'<section class="notes" aria-label="{heading}"><h3>{heading}</h3>'
            + "".join(_note_html(n) for n in notes) + "</section>")


def _break_html(scene: Scene) -> str:
    if scene.break_ == "marker":
        marker = escape(scene.marker or "marker")
        return f'<div class="brk brk-marker" title="scene break: marker"><span>{marker}</span></div>'
    if scene.break_ == "inferred":
        cues = "; ".join(s.note or "cue" for s in scene.break_evidence[:3])
        title = escape(f"inferred scene break ({cues})" if cues else "inferred scene break")
        return (f'<div class="brk brk-inferred" title="{title}"><span>inferred break · '
                f'{round(scene.confidence * 100)}%</span></div>')
    return ""


def _scene_head(world: StoryWorld, scene: Scene, data_scene: dict) -> str:
    parts = [escape(data_scene["label"])]
    pov = world.character(scene.pov)
    if pov is not None or scene.pov_name:
        name = pov.name if pov is not None else scene.pov_name
        parts.append(f"POV {escape(name or '')} ({round(scene.pov_confidence * 100)}%)")
    else:
        parts.append(POV_KINDS[scene.pov_kind])
    if data_scene["setting"]:
        parts.append(escape(", ".join(data_scene["setting"])))
    parts.append(f'{data_scene["words"]:,} words')
    if scene.pov_slips:
        parts.append(f'<span class="slip-count">{len(scene.pov_slips)} POV slip'
                     f'{"s" if len(scene.pov_slips) > 1 else ""}</span>')
    return '<p class="scene-head">' + " · ".join(parts) + "</p>"


def _chapter_heading(world: StoryWorld, index: int) -> str:
    chapter = world.chapters[index]
    title = chapter.title or next((n.text for n in world.notes if n.kind == "chapter_title"
                                   and n.chapter == chapter.index), None)
    label = f"Chapter {index + 1}" + (f": {title}" if title and len(world.chapters) > 1 else "")
    if len(world.chapters) == 1:
        label = title or ""
    return f'<h2 class="chapter" id="ch-{index}" tabindex="-1">{escape(label)}</h2>' if label else ""


def _skipped(world: StoryWorld) -> list[tuple[int, int]]:
    """Stretches shown apart from the story (notes, chapter headings), merged when they touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((n.start, n.end) for n in world.notes if n.end > n.start):
        if merged and start <= merged[-1][1] + 2 and not world.text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _events(world: StoryWorld) -> Iterator[tuple[int, int, str, int]]:
    for i, c in enumerate(world.chapters):
        yield c.start, 0, "chapter", i
    for i, s in enumerate(world.scenes):
        yield s.start, 1, "scene", i
    for i, n in enumerate(world.notes):
        if n.position == "inside" and n.kind != "chapter_title":
            yield n.start, 2, "note", i


class _Furniture:
    """Paragraphs that are not story text here: notes, scene markers, chapter headings."""

    def __init__(self, world: StoryWorld) -> None:
        self.text = world.text
        self.skipped = _skipped(world)
        self.skip_starts = [a for a, _ in self.skipped]
        self.markers = {s.marker.strip() for s in world.scenes if s.break_ == "marker" and s.marker}
        self.chapter_titles = {c.title.strip() for c in world.chapters if c.title}
        self.many_chapters = len(world.chapters) > 1

    def kind(self, p: Paragraph) -> str | None:
        """None to leave the paragraph out, else its CSS class ("" for story text)."""
        k = bisect.bisect_right(self.skip_starts, p.start) - 1
        if k >= 0 and p.end <= self.skipped[k][1] + 1:
            return None
        stripped = self.text[p.start:p.end].strip()
        if stripped in self.markers:
            return None
        heading = HEADING.fullmatch(stripped)
        if heading:
            title = (heading.group(1) or "").strip()
            drawn = stripped in self.chapter_titles or title in self.chapter_titles
            return None if drawn or (not title and self.many_chapters) else "heading"
        return "marker" if MARKER.fullmatch(stripped) else ""


def render_text(world: StoryWorld, scenes_data: list[dict], speakers: dict[str, int]) -> str:
    """The story's chapters and scenes as HTML (see module doc)."""
    text = world.text
    if not text:
        return '<p class="empty">The text is not included in this story-world.</p>'
    marks = _Marks(world.quotes, speakers, [s for sc in world.scenes for s in sc.pov_slips])
    furniture = _Furniture(world)
    events = sorted(_events(world))
    out: list[str] = []
    in_section = False

    def emit(event: tuple[int, int, str, int]) -> None:
        nonlocal in_section
        _, _, kind, i = event
        if kind == "note":
            out.append(_note_html(world.notes[i]))
            return
        if in_section:
            out.append("</section>")
            in_section = False
        if kind == "chapter":
            out.append(_chapter_heading(world, i))
        else:
            scene = world.scenes[i]
            out.append(f'<section class="scene" id="scene-{i}" data-scene="{i}" tabindex="-1">'
                       + _break_html(scene) + _scene_head(world, scene, scenes_data[i]))
            in_section = True

    e = 0
    for p in _paragraphs(world):
        while e < len(events) and events[e][0] <= p.start:
            emit(events[e])
            e += 1
        kind = furniture.kind(p)
        if kind is None:
            continue
        if not in_section:  # story text after a chapter heading, before its first scene starts
            out.append('<section class="scene cont">')
            in_section = True
        css = f' class="{kind}"' if kind else ""
        out.append(f'<p data-o="{p.start}"{css}>{marks.render(text, p.start, p.end)}</p>')
    for event in events[e:]:  # scenes past the last paragraph still get their anchor
        emit(event)
    if in_section:
        out.append("</section>")
    return "".join(out)

"""Quotes: find every quotation in the story and say what kind it is.

Reads ``text``, ``chapters``, ``notes`` and ``paragraphs``; fills ``quotes`` (ids
``q1``, ``q2``... in text order) with spans that include the quote marks, the text
between them, the paragraph index, ``kind`` (speech, thought, written, mention) and
``continues`` links. Speakers are left to :mod:`ficlens.attribution`.

How marks are paired, in one pass over the text (linear, regex only):

* The dialogue convention is decided per document: double quotes (straight or
  curly) unless single quotes open more quotations than double ones do (British
  style). Marks of the other convention are left alone, so nested quotes stay
  inside the outer quote.
* Single marks are told from apostrophes by context: between letters (``don't``,
  ``o'clock``), elisions at a word start (``'em``, ``'tis``, ``'90s``) and
  trailing ones followed by a lowercase word while a later closer exists in the
  paragraph (``the boys' coats``, ``goin' home``) are apostrophes.
* Quotes never cross a paragraph, except that a quote still open at a paragraph's
  end continues into the next paragraph when that one opens with a quote mark
  (multi-paragraph speech: each paragraph's part is its own quote, linked by
  ``continues``) or, in texts with one paragraph per line, when the next line's
  first mark closes it (a quote running on after a line break). Otherwise the
  quote is closed at the paragraph's end, so a missing mark never swallows the
  chapter.
* Two quotes in one paragraph separated by a short tag ("No," he said, "not
  yet.") are linked: the second ``continues`` the first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .model import Quote, QuoteKind, StoryWorld

_DOUBLE_MARKS = re.compile(r"[\"\u201c\u201d\u201e]")
_SINGLE_MARKS = re.compile(r"['\u2018\u2019]")
_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")  # lines up to a blank line
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_ELISION = re.compile(r"(?:em|tis|twas|twere|cause|cos|coz|til|till|n|bout|round|kay|ere|im|er|ow"
                      r"|scuse|s|\d\d?s?)\b", re.IGNORECASE)
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/\u201c\"")
_CLOSE_AFTER = set(" \t\n,.;:!?)]}\u2014\u2013-\u2026/*_\u201d\"")
_WRAPPED_PAIR = re.compile(r"^([^\n]*\S[^\n]*)\n(?=[^\n]*\S)", re.MULTILINE)  # a line with a line after it
_WRAP_MIN, _WRAP_MAX = 40, 100  # the lengths of lines broken by a fixed-width wrap

_SPEECH_VERBS = (r"said|says|say|asked|asks|ask|replied|replies|answered|cried|called|shouted|yelled|"
                 r"whispered|murmured|muttered|added|continued|began|exclaimed|snapped|told|tells|"
                 r"repeated|insisted|laughed|sighed|groaned|hissed|screamed|returned|rejoined|"
                 r"observed|remarked|went on|breathed|mumbled|stammered|sobbed|pleaded|begged|"
                 r"demanded|agreed|explained|retorted|interrupted|protested|corrected|offered|"
                 r"teased|joked|sang|called out|spoke|speaking|saying|asking|replying")
_THOUGHT = re.compile(r"\b(?:thought|thinks|think|thinking|wondered|wonders|wondering|mused|muses|"
                      r"reflected|pondered|asked (?:him|her|them|my|your)sel(?:f|ves)|"
                      r"told (?:him|her|them|my|your)sel(?:f|ves)|said to (?:him|her|them|my)sel(?:f|ves))\b",
                      re.IGNORECASE)
_WRITTEN = re.compile(r"\b(?:wrote|writes|written|write|writing|texted|texts|typed|types|scrawled|"
                      r"scribbled|printed|inscribed|engraved|captioned|headlined|labell?ed|"
                      r"(?:sign|note|letter|text|message|card|banner|headline|caption|label|e-?mail|"
                      r"post|tweet|screen|plaque|poster|inscription|telegram|notice|page|paper|"
                      r"envelope|postcard|tag)s?\s+(?:said|says|read|reads|reading|stated|announced))\b",
                      re.IGNORECASE)
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_MENTION_CUE = re.compile(r"\b(?:called|named|titled|entitled|the word|the words|the phrase|term|"
                          r"dubbed|nicknamed|so-called)\W*$", re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[.!?,;:\u2026]|--|\u2014")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)[.!?](?=\s|$)")
_CUE_WINDOW = 60  # characters either side of a quote searched for tags like "she wrote"
_TAG_GAP = 80  # longest narration between two quotes that still splits one speech


@dataclass
class _Mark:
    pos: int
    role: str  # "open", "close" or "either"


@dataclass
class _Found:
    start: int
    end: int
    text_start: int
    text_end: int
    unit: int
    continues: int | None = None  # index into the found list


def find_quotes(world: StoryWorld) -> StoryWorld:
    """Fill ``world.quotes`` with every quotation in the chapters; see the module docstring."""
    text = world.text
    spans = world.story_spans() or [(0, len(text))]
    note_spans = [(n.start, n.end) for n in world.notes if n.position == "inside"]
    single = _uses_single_quotes(text)
    wrapped = _is_hard_wrapped(text)
    found: list[_Found] = []
    for start, end in spans:
        units = _units(text, start, end, wrapped)
        found.extend(_pair_marks(text, units, single, wrapped))
    found = [f for f in found if not _inside_notes(f, note_spans)]
    _link_tagged_parts(text, found)
    paragraph_starts = [p.start for p in world.paragraphs]
    quotes: list[Quote] = []
    for i, f in enumerate(found):
        quotes.append(Quote(
            id=f"q{i + 1}", start=f.start, end=f.end, text=text[f.text_start:f.text_end],
            kind=_kind(text, f),
            paragraph=bisect_right(paragraph_starts, f.start) - 1 if paragraph_starts else None,
            continues=f"q{f.continues + 1}" if f.continues is not None else None,
        ))
    for quote in quotes:
        previous = quotes[int(quote.continues[1:]) - 1] if quote.continues else None
        if previous is not None and previous.kind in ("speech", "thought", "written"):
            quote.kind = previous.kind
    world.quotes = quotes
    return world


def _uses_single_quotes(text: str) -> bool:
    """True when single marks open more quotations than double marks (British style)."""
    double_open = sum(1 for m in _DOUBLE_MARKS.finditer(text) if _double_role(text, m.start()) != "close")
    single_open = sum(1 for m in _SINGLE_MARKS.finditer(text) if _single_role(text, m.start()) == "open")
    return single_open > max(double_open, 2)


def _is_hard_wrapped(text: str) -> bool:
    """True when paragraphs are blank-line blocks of lines wrapped at a fixed width (Gutenberg)."""
    sample = text[:200_000]
    if "\n\n" not in sample:
        return False
    wrapped_lines = [len(m.group(1)) for m in _WRAPPED_PAIR.finditer(sample)]
    lines = sample.count("\n") + 1
    near_width = sum(1 for n in wrapped_lines if _WRAP_MIN <= n <= _WRAP_MAX)
    return len(wrapped_lines) >= 0.2 * lines and near_width >= 0.8 * len(wrapped_lines)


def _units(text: str, start: int, end: int, wrapped: bool) -> list[tuple[int, int]]:
    """The paragraphs quotes may not cross: blank-line blocks, or lines when not hard-wrapped."""
    pattern = _BLOCK if wrapped else _LINE
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def _double_role(text: str, pos: int) -> str:
    ch = text[pos]
    if ch in "\u201c\u201e":
        return "open"
    if ch == "\u201d":
        return "close"
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if after.isspace():
        return "close"
    if before in _OPEN_BEFORE:
        return "open"
    if after in _CLOSE_AFTER:
        return "close"
    return "either"


def _single_role(text: str, pos: int) -> str:
    """open, close, either, or "" for an apostrophe (a letter on both sides, an elision)."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return ""
    if (before.isspace() or before in _OPEN_BEFORE) and not after.isspace():
        if _ELISION.match(text, pos + 1):
            return ""
        return "open" if text[pos] != "\u2019" or not before.isalnum() else ""
    if not before.isspace() and (after.isspace() or after in _CLOSE_AFTER):
        return "close"
    return ""


def _marks(text: str, start: int, end: int, single: bool) -> list[_Mark]:
    """The dialogue marks of one paragraph, apostrophes dropped."""
    if not single:
        return [_Mark(m.start(), _double_role(text, m.start())) for m in _DOUBLE_MARKS.finditer(text, start, end)]
    marks = [_Mark(m.start(), role) for m in _SINGLE_MARKS.finditer(text, start, end)
             if (role := _single_role(text, m.start()))]
    kept: list[_Mark] = []
    for i, mark in enumerate(marks):
        if mark.role == "close" and _looks_possessive(text, mark.pos, marks[i + 1:]):
            continue
        kept.append(mark)
    return kept


def _looks_possessive(text: str, pos: int, later: list[_Mark]) -> bool:
    """A trailing mark before a lowercase word, with a closer still to come: an apostrophe."""
    if not re.match(r" [a-z]", text[pos + 1:pos + 3]) or _SPEECH.match(text, pos + 2):
        return False
    for mark in later:
        if mark.role == "open":
            return False
        if mark.role == "close":
            return True
    return False


def _pair_marks(text: str, units: list[tuple[int, int]], single: bool, wrapped: bool) -> list[_Found]:
    """Pair opening and closing marks paragraph by paragraph (see the module docstring)."""
    found: list[_Found] = []
    unit_marks = [_marks(text, a, b, single) for a, b in units]
    open_at: int | None = None  # position of the open quote's opening mark
    open_unit = 0
    pending: int | None = None  # found index a next paragraph's opening quote continues
    for u, (u_start, u_end) in enumerate(units):
        for mark in unit_marks[u]:
            if open_at is None:
                if mark.role != "close" or _next_is_word(text, mark.pos):
                    open_at, open_unit = mark.pos, u
                    if pending is not None and text[u_start:mark.pos].strip():
                        pending = None
                continue
            if mark.role == "open" and _next_is_word(text, mark.pos) and text[mark.pos - 1].isspace():
                found.append(_part(text, open_at, _trim_end(text, mark.pos), open_unit, False, pending))
                pending = None
                open_at, open_unit = mark.pos, u
                continue
            found.append(_part(text, open_at, mark.pos + 1, open_unit, True, pending))
            open_at, pending = None, None
        if open_at is None:
            pending = None
            continue
        next_marks = unit_marks[u + 1] if u + 1 < len(units) else []
        if next_marks and not text[units[u + 1][0]:next_marks[0].pos].strip() and next_marks[0].role != "close":
            found.append(_part(text, open_at, _trim_end(text, u_end), open_unit, False, pending))
            pending = len(found) - 1
            open_at = None
        elif (not wrapped and next_marks and next_marks[0].role == "close"
              and text.count("\n", u_end, units[u + 1][0]) == 1):
            continue
        else:
            found.append(_part(text, open_at, _trim_end(text, u_end), open_unit, False, pending))
            open_at, pending = None, None
    return found


def _part(text: str, start: int, end: int, unit: int, closed: bool, continues: int | None) -> _Found:
    return _Found(start=start, end=end, text_start=start + 1, text_end=end - 1 if closed else end,
                  unit=unit, continues=continues)


def _next_is_word(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos + 1].isalnum()


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _inside_notes(found: _Found, note_spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start < end for start, end in note_spans)


def _link_tagged_parts(text: str, found: list[_Found]) -> None:
    """Link "No," he said, "not yet." : same paragraph, a short tag of at most one sentence."""
    for i in range(1, len(found)):
        previous, current = found[i - 1], found[i]
        if current.continues is not None or current.unit != previous.unit:
            continue
        gap = text[previous.end:current.start]
        if not gap.strip() or len(gap) > _TAG_GAP or "\n\n" in gap:
            continue
        if not _SENTENCE_END.search(gap.strip()[:-1]):
            current.continues = i - 1


def _kind(text: str, found: _Found) -> QuoteKind:
    """speech, thought, written or mention, from the words around the quote."""
    before = text[max(0, found.start - _CUE_WINDOW):found.start]
    after = text[found.end:found.end + _CUE_WINDOW]
    before_tag = before.rsplit("\n\n", 1)[-1]
    after_tag = re.split(r"\n\n|[\"\u201c]", after, maxsplit=1)[0]
    near_after = re.split(r"(?<=[.!?])\s", after_tag, maxsplit=1)[0]
    near_before = re.split(r"[.!?]\s", before_tag)[-1]
    if _WRITTEN.search(near_after) or _WRITTEN.search(near_before):
        return "written"
    if _THOUGHT.search(near_after) or _THOUGHT.search(near_before[-30:]):
        return "thought"
    if _is_mention(text, found, near_before, near_after):
        return "mention"
    return "speech"


def _is_mention(text: str, found: _Found, near_before: str, near_after: str) -> bool:
    """A quoted word or phrase nobody utters here: short, mid-sentence, no speech verb near."""
    inner = text[found.text_start:found.text_end]
    if _MENTION_CUE.search(near_before):
        return True
    if len(inner.split()) > 6 or _SENTENCE_PUNCT.search(inner.rstrip(".,!?")) or inner.rstrip() != inner:
        return False
    if inner[-1:] in ",!?" or _SPEECH.search(near_before[-25:]) or _SPEECH.search(near_after[:25]):
        return False
    preceding = near_before.rstrip()
    return bool(preceding) and (preceding[-1].isalpha() and preceding[-1].islower() or preceding[-1] in ",(")

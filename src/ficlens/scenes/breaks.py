"""Scene breaks that copy-paste lost: scored at paragraph boundaries from shifts of
place, time, cast and point of view.

Every boundary between two paragraphs of a scene gets a score, the sum of the
cues around it (``WEIGHTS``): a time shift opening the next paragraph ("The
next morning"), a place not yet mentioned in the scene ("in the kitchen") or an
entry ("the door to her flat"), a scene closing on an exit ("he walked out"), a
different point-of-view character after the boundary than in the scene so far,
people arriving who were absent and people gone who were there. Openings that
must continue what came before (a pronoun, "But", a reply in a running
conversation) count against. Reading left to right, a boundary becomes a break
when it scores at least ``THRESHOLD``, no boundary in the next
``LOOKAHEAD_PARAGRAPHS`` scores higher, and both scenes keep
``MIN_SCENE_PARAGRAPHS`` paragraphs and ``MIN_SCENE_WORDS`` words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Span
from .reading import CLOSING_CHARS, Cue, ParagraphFacts, summed

THRESHOLD = 2.5
MIN_SCENE_PARAGRAPHS = 3
MIN_SCENE_WORDS = 120
WINDOW_WORDS = 250  # words either side of a boundary compared for cast and POV
WINDOW_PARAGRAPHS = 12
MEMORY_PARAGRAPHS = 25  # how far back a "new" arrival must have been absent
LOOKAHEAD_PARAGRAPHS = 5  # a break must outscore the boundaries this far after it
LEADING_CHARS = 60  # a time shift this close to the paragraph's start leads it

WEIGHTS = {
    "time_shift": 2.0,
    "time_hint": 0.75,
    "time_leads": 0.5,  # the shift opens the paragraph ("The next morning, ...", "Ann woke the next day")
    "new_place": 1.0,
    "exit": 0.75,
    "pov_shift": 2.0,
    "arrival": 0.75,  # someone absent for a while is named in the opening paragraph
    "late_arrival": 0.35,  # ... in the paragraph after it
    "departure": 0.5,  # someone prominent before is absent from the two opening paragraphs
    "establishing": 0.5,  # the paragraph opens on a new place ("The station at Inverness was ...")
    "cut": 0.5,  # a closing exit followed by a new place, a time shift or a named subject
    "named_opening": 0.25,
    "dialogue_opens": 0.35,  # a conversation starts after a paragraph without speech
    "continuation": -1.25,
    "dialogue_runs_on": -1.0,
    "cut_off": -1.5,
}
POV_MIN_VOTES = 1.5
POV_MIN_SHARE = 0.6


@dataclass
class Break:
    """A boundary chosen as a scene break: ``index`` is the paragraph that opens the new scene."""

    index: int
    score: float
    evidence: list[Span] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return round(1.0 / (1.0 + math.exp(-(self.score - THRESHOLD + 0.5))), 3)


def infer_breaks(facts: list[ParagraphFacts], names: dict[str, str]) -> list[Break]:
    """The breaks inside one scene's paragraphs, in text order.

    Read left to right: the point of view of the scene so far (since the last
    break) is compared with the window after each boundary, and a boundary is
    taken when it clears the threshold and no boundary just after it scores higher.
    """
    if len(facts) < 2 * MIN_SCENE_PARAGRAPHS:
        return []
    words_before = [0]
    for paragraph in facts:
        words_before.append(words_before[-1] + paragraph.words)
    breaks: list[Break] = []
    scene_start = 0
    scored: dict[tuple[int, int], Break] = {}

    def score(j: int) -> Break:
        if (j, scene_start) not in scored:
            scored[(j, scene_start)] = _score(facts, j, scene_start, names)
        return scored[(j, scene_start)]

    last = len(facts) - MIN_SCENE_PARAGRAPHS
    i = MIN_SCENE_PARAGRAPHS
    while i <= last:
        if words_before[i] - words_before[scene_start] < MIN_SCENE_WORDS:
            i += 1
            continue
        candidate = score(i)
        ahead = [score(j) for j in range(i + 1, min(i + LOOKAHEAD_PARAGRAPHS, last) + 1)]
        long_enough = words_before[len(facts)] - words_before[i] >= MIN_SCENE_WORDS
        if candidate.score >= THRESHOLD and long_enough and all(candidate.score >= b.score for b in ahead):
            breaks.append(candidate)
            scene_start = i
            i += MIN_SCENE_PARAGRAPHS
        else:
            i += 1
    return breaks


def _score(facts: list[ParagraphFacts], i: int, scene_start: int, names: dict[str, str]) -> Break:
    """The boundary before paragraph ``i``, in a scene that began at paragraph ``scene_start``."""
    before, after = _window(facts, i - 1, -1), _window(facts, i, 1)
    prev, nxt = facts[i - 1], facts[i]
    found = Break(i, 0.0)

    def add(weight: str, cue: Cue | None, note: str) -> None:
        found.score += WEIGHTS[weight]
        if cue is not None:
            found.evidence.append(cue.span(note))

    opening = nxt.opening_end
    shifts = [c for c in nxt.time_shifts if c.start < opening]
    hints = [c for c in nxt.time_hints if c.start < opening]
    if shifts:
        add("time_shift", shifts[0], "time shift")
        if shifts[0].start - nxt.start <= LEADING_CHARS:
            add("time_leads", None, "")
    elif hints:
        add("time_hint", hints[0], "time")
    seen_places = {c.note for p in facts[max(scene_start, i - MEMORY_PARAGRAPHS) : i] for c in p.places}
    new_places = [c for c in nxt.places if c.start < opening and c.note not in seen_places]
    entries = [c for c in nxt.entries if c.start < opening]
    if new_places:
        add("new_place", new_places[0], "new place")
        if nxt.opens_on_place and new_places[0].start == nxt.places[0].start:
            add("establishing", None, "")
    elif entries:
        add("new_place", entries[0], "enters a place")
    exits = [c for c in prev.exits if c.start >= prev.end - CLOSING_CHARS]
    named_opening = bool(nxt.opening_subject) and not nxt.opens_with_quote
    if exits:
        add("exit", exits[-1], "scene closes")
    if (exits or prev.ends_with_quote) and (shifts or new_places or entries or (exits and named_opening)):
        add("cut", None, "")
    _score_pov(found, facts[max(scene_start, i - MEMORY_PARAGRAPHS) : i], after, names)
    _score_cast(found, facts, i, before, names)
    if nxt.continues and not nxt.opens_with_quote:
        add("continuation", None, "")
    elif _talk_around(facts, i) and not (shifts or new_places or entries):
        add("dialogue_runs_on", None, "")
    elif named_opening:
        add("named_opening", None, "")
    elif nxt.opens_with_quote and not prev.has_quote:
        add("dialogue_opens", None, "")
    if prev.cut_off:
        add("cut_off", None, "")
    return found


def _talk_around(facts: list[ParagraphFacts], i: int) -> bool:
    """Speech just before and just after the boundary: one conversation going on."""
    return any(p.has_quote for p in facts[max(0, i - 2) : i]) and any(p.has_quote for p in facts[i : i + 2])


def _window(facts: list[ParagraphFacts], i: int, step: int) -> list[ParagraphFacts]:
    """Paragraphs from ``i`` going ``step``-wards until ``WINDOW_WORDS`` words are gathered."""
    window: list[ParagraphFacts] = []
    words = 0
    while 0 <= i < len(facts) and words < WINDOW_WORDS and len(window) < WINDOW_PARAGRAPHS:
        window.append(facts[i])
        words += facts[i].words
        i += step
    return window


def _dominant_pov(window: list[ParagraphFacts]) -> tuple[str | None, float]:
    """Whose thoughts the window narrates, with a confidence; (None, 0) when unclear."""
    votes = summed(p.pov_votes for p in window)
    if not votes:
        return None, 0.0
    total = sum(votes.values())
    character, top = max(votes.items(), key=lambda item: item[1])
    share = top / total
    if top < POV_MIN_VOTES or share < POV_MIN_SHARE:
        return None, 0.0
    return character, share * min(1.0, top / 3.0)


def _score_pov(
    found: Break, before: list[ParagraphFacts], after: list[ParagraphFacts], names: dict[str, str]
) -> None:
    """A new POV character after the boundary, whose thoughts are also the first ones narrated there."""
    pov_before, confidence_before = _dominant_pov(before)
    pov_after, confidence_after = _dominant_pov(after)
    first_cue = next((c for p in after for c in p.pov_cues), None)
    if (
        pov_before
        and pov_after
        and pov_before != pov_after
        and first_cue
        and first_cue.character == pov_after
    ):
        found.score += WEIGHTS["pov_shift"] * min(confidence_before, confidence_after)
        found.evidence.append(
            first_cue.span(f"POV {names.get(pov_before, pov_before)} → {names.get(pov_after, pov_after)}")
        )


def _score_cast(
    found: Break, facts: list[ParagraphFacts], i: int, before: list[ParagraphFacts], names: dict[str, str]
) -> None:
    """Someone named in the opening who was absent for a while; someone prominent who is gone."""
    remembered: set[str] = set()
    for paragraph in facts[max(0, i - MEMORY_PARAGRAPHS) : i]:
        remembered.update(paragraph.presence)
    opening = facts[i : i + 2]
    for position, paragraph in enumerate(opening):
        arrivals = sorted(
            (c for c, weight in paragraph.presence.items() if weight >= 1.0 and c not in remembered),
            key=lambda c: paragraph.first_mention[c].start,
        )
        if arrivals:
            found.score += WEIGHTS["arrival" if position == 0 else "late_arrival"]
            first = paragraph.first_mention[arrivals[0]]
            found.evidence.append(first.span(f"arrives: {names.get(arrivals[0], arrivals[0])}"))
            break
    present_before = summed(p.presence for p in before)
    present_after = {c for p in opening for c in p.presence}
    if any(weight >= 2.0 and c not in present_after for c, weight in present_before.items()):
        found.score += WEIGHTS["departure"]

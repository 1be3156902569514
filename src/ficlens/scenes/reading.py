"""One linear pass over the story that notes, paragraph by paragraph, what scenes are made of.

For each paragraph: who is named and who speaks, whose thoughts and perceptions
are narrated (pronouns resolved to the current subject of their gender, a
simple centering rule), first/second-person narration, and the place, time and
exit phrases that open or close scenes. Quotations are masked for everything
but the cast, so "I know" said aloud never makes a first-person narrator.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Character, Span, StoryWorld
from ..storytext import name_mentions
from . import cues

OPENING_CHARS = 200  # how far into a paragraph its opening cues are looked for
CLOSING_CHARS = 220  # how far back from a paragraph's end its closing cues are looked for
QUOTED_MENTION_WEIGHT = 0.5  # a name inside dialogue is weaker evidence of presence
PERSON_CUES = 2  # "I"/"you" spans kept per paragraph as evidence
SUBJECT_WEIGHT = 0.25  # a sentence that opens on a name leans its POV towards that person


@dataclass
class Cue:
    """A phrase that signals something; ``note`` says what (a place key, a verb kind)."""

    start: int
    end: int
    character: str | None = None
    note: str = ""
    named: bool = False  # for a POV cue: the person is named, not a resolved pronoun

    def span(self, note: str | None = None) -> Span:
        return Span(start=self.start, end=self.end, note=note or self.note)


@dataclass
class ParagraphFacts:
    """What one paragraph contributes to scenes; cue lists are outside quotations."""

    start: int
    end: int
    words: int = 0
    narrative_words: int = 0
    opens_with_quote: bool = False
    ends_with_quote: bool = False
    has_quote: bool = False
    continues: bool = False
    cut_off: bool = False
    presence: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    first_mention: dict[str, Cue] = field(default_factory=dict)
    pov_votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    pov_cues: list[Cue] = field(default_factory=list)
    first_person: int = 0
    second_person: int = 0
    person_cues: list[Cue] = field(default_factory=list)  # a few "I"/"you" of the narration
    places: list[Cue] = field(default_factory=list)
    time_shifts: list[Cue] = field(default_factory=list)
    time_hints: list[Cue] = field(default_factory=list)
    exits: list[Cue] = field(default_factory=list)
    entries: list[Cue] = field(default_factory=list)
    opening_end: int = 0
    opens_on_place: bool = False
    opening_subject: str | None = None


def summed(counts: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Per-character totals of several paragraphs' counts."""
    total: dict[str, float] = {}
    for count in counts:
        for key, value in count.items():
            total[key] = total.get(key, 0.0) + value
    return total


def ranked(counts: Mapping[str, float]) -> list[tuple[str, float]]:
    """Counts from highest to lowest (ties keep first-seen order)."""
    return sorted(counts.items(), key=lambda item: -item[1])


class QuoteMask:
    """Quotation spans, asked in O(log n) whether an offset lies inside one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def between(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.spans[lo:hi]

    def inside(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and self.spans[i][0] <= position < self.spans[i][1]


# Perceptions an onlooker could also report ("Mara saw her"); the rest are inner ("Mara knew").
_OUTWARD_VERBS = frozenset({"saw", "see", "watched", "heard", "hear", "noticed", "notice", "help", "stand"})
_LOWERED = (cues.TIME_SHIFT, cues.TIME_HINT, cues.EXIT)
_FIRST_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s)")
_SENTENCE_GAP = re.compile(r"(?<=[.!?…\"”’)])\s+(?=[\"“‘'(]?[A-Z])")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentence spans of ``text[start:end]``: cut after end punctuation before a capital."""
    cuts = [start, *(m.end() for m in _SENTENCE_GAP.finditer(text, start, end)), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


_FALLBACK_QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


def quote_mask(world: StoryWorld) -> QuoteMask:
    """The quotes stage's spans, else double-quoted stretches found by regex."""
    if world.quotes:
        return QuoteMask([(q.start, q.end) for q in world.quotes])
    return QuoteMask([(m.start(), m.end()) for m in _FALLBACK_QUOTE.finditer(world.text)])


def mention_list(world: StoryWorld) -> list[Cue]:
    """Every name mention (the characters stage's spans, else a name search), in text order."""
    found = [
        Cue(span.start, span.end, character.id)
        for character in world.characters
        for span in character.mention_spans
        if world.text[span.start : span.end][:1].isupper()
        and world.text[span.start : span.end] not in _PRONOUNS
    ]
    if not found and world.characters:
        found = [Cue(m.start, m.end, m.character) for m in name_mentions(world) if m.character]
    return sorted(found, key=lambda cue: cue.start)


_PRONOUNS = frozenset({"I", "He", "She", "It", "They", "We", "You", "Me", "Him", "Her"})


def read_paragraphs(world: StoryWorld, spans: list[tuple[int, int]]) -> list[ParagraphFacts]:
    """The facts of each paragraph span, read in order in one pass."""
    mask = quote_mask(world)
    mentions = mention_list(world)
    mention_starts = [m.start for m in mentions]
    speakers = sorted(
        (q.start, q.end, q.speaker, q.kind)
        for q in world.quotes
        if q.speaker and q.kind in ("speech", "thought")
    )
    speaker_starts = [s for s, _, _, _ in speakers]
    reader = _Reader(world.text, mask, world.characters)
    facts = []
    for start, end in spans:
        lo, hi = bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, end)
        here = mentions[lo:hi]
        paragraph = reader.read(start, end, here)
        for q_start, q_end, speaker, kind in speakers[
            bisect.bisect_left(speaker_starts, start) : bisect.bisect_left(speaker_starts, end)
        ]:
            paragraph.presence[speaker] += 1.0
            paragraph.first_mention.setdefault(speaker, Cue(q_start, q_end, speaker))
            if kind == "thought":  # "*He can't be serious.*": whose head the scene is in
                paragraph.pov_votes[speaker] += 1.0
                paragraph.pov_cues.append(Cue(q_start, q_end, speaker, "thinks"))
        facts.append(paragraph)
    return facts


class _Reader:
    """Reads paragraphs in text order, carrying the current he/she subject across them."""

    def __init__(self, text: str, mask: QuoteMask, characters: list[Character]) -> None:
        self.text = text
        self.lower = cues.lowered(text)
        self.mask = mask
        self.genders = {c.id: c.gender for c in characters}
        self.names = frozenset(
            word for c in characters for form in (c.name, *c.aliases) for word in form.split()
        )
        self.center: dict[str, str] = {}

    def read(self, start: int, end: int, mentions: list[Cue]) -> ParagraphFacts:
        text = self.text
        quotes = self.mask.between(start, end)
        body = text[start:end]
        words = len(body.split())
        quoted_words = sum(len(text[s : min(e, end)].split()) for s, e in quotes)
        paragraph = ParagraphFacts(
            start=start,
            end=end,
            words=words,
            narrative_words=max(0, words - quoted_words),
            has_quote=bool(quotes),
            opens_with_quote=bool(quotes) and quotes[0][0] <= start + 2,
            continues=bool(cues.CONTINUATION.match(body)),
            cut_off=body.rstrip().rstrip("\"”’'").endswith(("–", "—", "-", ",", ":", ";")),
            ends_with_quote=bool(quotes) and quotes[-1][1] >= len(body.rstrip()) + start - 1,
        )
        inside = self.mask.inside
        for mention in mentions:
            quoted = inside(mention.start)
            paragraph.presence[mention.character or ""] += QUOTED_MENTION_WEIGHT if quoted else 1.0
            paragraph.first_mention.setdefault(mention.character or "", mention)
        for pattern, person in ((cues.FIRST_PERSON, "first person"), (cues.SECOND_PERSON, "second person")):
            found = [m for m in pattern.finditer(text, start, end) if not inside(m.start())]
            paragraph.person_cues.extend(Cue(m.start(), m.end(), note=person) for m in found[:PERSON_CUES])
            if person == "first person":
                paragraph.first_person = len(found)
            else:
                paragraph.second_person = len(found)
        paragraph.opening_end = self._opening_end(start, end, quotes)
        self._read_points_of_view(paragraph, [m for m in mentions if not inside(m.start)])
        self._read_places(paragraph)
        self._read_times_and_exits(paragraph)
        return paragraph

    def _opening_end(self, start: int, end: int, quotes: list[tuple[int, int]]) -> int:
        """Where the paragraph's first narrated sentence ends (after an opening quote, if any)."""
        narration = quotes[0][1] if quotes and quotes[0][0] <= start + 2 else start + 1
        sentence_end = _FIRST_SENTENCE_END.search(self.text, narration, min(end, start + OPENING_CHARS))
        return sentence_end.end() if sentence_end else min(end, start + OPENING_CHARS)

    def _read_points_of_view(self, paragraph: ParagraphFacts, mentions: list[Cue]) -> None:
        text, inside = self.text, self.mask.inside
        index = 0
        for s_start, s_end in _sentences(text, paragraph.start, paragraph.end):
            in_sentence = []
            while index < len(mentions) and mentions[index].start < s_end:
                if mentions[index].start >= s_start:
                    in_sentence.append(mentions[index])
                index += 1
            pronouns = [
                m for m in cues.SUBJECT_PRONOUN.finditer(text, s_start, s_end) if not inside(m.start())
            ]
            first_pronoun = pronouns[0].start() if pronouns else s_end
            if in_sentence and in_sentence[0].start < first_pronoun:
                subject = in_sentence[0].character or ""
                self._set_center(subject)
                paragraph.pov_votes[subject] += SUBJECT_WEIGHT
                if paragraph.opening_subject is None and s_start == paragraph.start:
                    paragraph.opening_subject = subject
            for mention in in_sentence:
                self._add_cue(paragraph, mention.character, mention.start, mention.end, named=True)
            for match in pronouns:
                owner = self.center.get(match.group("pronoun").lower())
                self._add_cue(paragraph, owner, match.start(), match.end())
            for match in cues.OWNER_PRONOUN.finditer(text, s_start, s_end):
                owner = self.center.get("he" if match.group("pronoun").lower() == "his" else "she")
                if owner and not inside(match.start()):
                    paragraph.pov_votes[owner] += 1.0
                    paragraph.pov_cues.append(Cue(match.start(), match.end(), owner, "inner state"))
            for mention in in_sentence:
                gender = self.genders.get(mention.character or "")
                if gender in ("he", "she") and gender not in self.center:
                    self.center[gender] = mention.character or ""

    def _set_center(self, character: str) -> None:
        gender = self.genders.get(character)
        if gender in ("he", "she"):
            self.center[gender] = character

    def _add_cue(
        self, paragraph: ParagraphFacts, character: str | None, start: int, end: int, named: bool = False
    ) -> None:
        """Note a thought/perception verb right after ``character``'s name or pronoun."""
        if not character:
            return
        match = cues.PERCEPTION_AFTER.match(self.text, end) or cues.INNER_AFTER.match(self.text, end)
        if match is None or self.mask.inside(match.start("verb")):
            return
        paragraph.pov_votes[character] += 1.0
        verb = match.group("verb").split()[0].lower()
        note = "perceives" if verb in _OUTWARD_VERBS else "thinks"
        paragraph.pov_cues.append(Cue(start, match.end(), character, note, named))

    def _read_places(self, paragraph: ParagraphFacts) -> None:
        text, inside = self.text, self.mask.inside
        start, end = paragraph.start, paragraph.end
        for match in cues.PLACE_PHRASE.finditer(text, start, end):
            if not inside(match.start()):
                key = (match.group("noun") or match.group("home")).lower()
                paragraph.places.append(Cue(match.start(), match.end(), note=key))
        opening_place = cues.PLACE_OPENING.match(text, start, end)
        if opening_place:
            paragraph.opens_on_place = True
            paragraph.places.append(
                Cue(opening_place.start(), opening_place.end(), note=opening_place.group("noun"))
            )
        for match in cues.PLACE_NAME.finditer(text, start, end):
            name = match.group("name")
            if (
                name.split()[0] not in cues.NOT_PLACE_NAMES
                and not inside(match.start())
                and name.split()[0] not in self.names
            ):
                paragraph.places.append(Cue(match.start(), match.end(), note=name.lower()))
        paragraph.places.sort(key=lambda cue: cue.start)

    def _read_times_and_exits(self, paragraph: ParagraphFacts) -> None:
        """Time shifts anywhere; time hints and entries in the opening; exits in the closing."""
        text, inside = self.text, self.mask.inside
        start, end = paragraph.start, paragraph.end
        opening, closing = paragraph.opening_end, max(start, end - CLOSING_CHARS)
        for pattern, bucket, lo, hi in (
            (cues.TIME_SHIFT, paragraph.time_shifts, start, end),
            (cues.TIME_HINT, paragraph.time_hints, start, opening),
            (cues.ENTRY, paragraph.entries, start, opening),
            (cues.EXIT, paragraph.exits, closing, end),
        ):
            bucket.extend(
                Cue(m.start(), m.end(), note=m.group(0).lower())
                for m in pattern.finditer(self.lower if pattern in _LOWERED else text, lo, hi)
                if not inside(m.start())
            )

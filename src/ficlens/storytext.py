"""Shared readers of the story text for the attribution, relations, emotion and tags stages.

These helpers only *read* a ``StoryWorld``: where the story proper lies, its
sentences, its dialogue spans and where each character is named. They fall back
on simple regular expressions when an earlier stage left a part empty, so the
later stages still give sensible output on a bare world.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .model import Character, StoryWorld

# A sentence ends at . ! ? … (and any closing quotes or brackets) before a space, or at a line
# break; not after a title ("Mr. Castell").
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMx)[.!?…]+[\"'”’)\]]*(?=\s)|\n+"
)
_QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]{2,}’")
_TITLES = frozenset(
    "mr mrs ms miss mx dr doctor lady lord sir dame madam madame captain colonel major general lieutenant "
    "sergeant professor prof aunt uncle father mother sister brother saint st king queen prince princess "
    "the of de von van".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@cache
def load_data(name: str) -> Any:
    """A JSON file from ``ficlens/data`` (curated lexicons; read once per process)."""
    return json.loads(resources.files("ficlens.data").joinpath(name).read_text(encoding="utf-8"))


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes kept: "didn't", "kurt's")."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def story_ranges(world: StoryWorld) -> list[tuple[int, int]]:
    """The story proper: chapters if known, else the whole text minus its notes."""
    if world.chapters:
        return [(c.start, c.end) for c in world.chapters if c.end > c.start]
    ranges = [(0, len(world.text))]
    for note in sorted(world.notes, key=lambda n: n.start):
        kept: list[tuple[int, int]] = []
        for start, end in ranges:
            if note.end <= start or note.start >= end:
                kept.append((start, end))
                continue
            if note.start > start:
                kept.append((start, note.start))
            if note.end < end:
                kept.append((note.end, end))
        ranges = kept
    return [(s, e) for s, e in ranges if world.text[s:e].strip()]


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as stripped (start, end) offsets into ``text``."""
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield from _stripped(text, position, match.end())
        position = match.end()
    yield from _stripped(text, position, end)


def story_sentences(world: StoryWorld) -> tuple[tuple[int, int], ...]:
    """The sentences of the story (``sentence_spans`` of each of its ``story_ranges``), split
    once per text however many stages read them."""
    return _sentences_of(world.text, tuple(story_ranges(world)))


@lru_cache(maxsize=2)
def _sentences_of(text: str, ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    return tuple(span for start, end in ranges for span in sentence_spans(text, start, end))


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    if right > left:
        yield start + left, start + right


def dialogue_spans(world: StoryWorld) -> list[tuple[int, int, str | None]]:
    """Spoken passages (start, end, speaker id): the quotes stage's, else found by regex."""
    if world.quotes:
        spoken = [(q.start, q.end, q.speaker) for q in world.quotes if q.kind in ("speech", "thought")]
        return sorted(spoken, key=lambda q: (q[0], q[1]))
    spans: list[tuple[int, int, str | None]] = []
    for start, end in story_ranges(world):
        spans.extend((m.start(), m.end(), None) for m in _QUOTE.finditer(world.text, start, end))
    return spans


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    character: str


def character_forms(character: Character) -> list[str]:
    """The names a character is called by: name, aliases and each part of a full name."""
    forms = {character.name, *character.aliases}
    for form in list(forms):
        parts = form.split()
        if len(parts) > 1:
            forms.update(
                p for p in parts if p[:1].isupper() and len(p) > 2 and p.lower().strip(".") not in _TITLES
            )
    return sorted((f for f in forms if f.strip()), key=len, reverse=True)


def name_mentions(world: StoryWorld) -> list[Mention]:
    """Every place a character is named, in text order (one regex pass, linear).

    A form shared by two characters (a family name) is left out: it cannot say who.
    """
    owner: dict[str, str | None] = {}
    for character in world.characters:
        for form in character_forms(character):
            key = form.lower()
            owner[key] = character.id if owner.get(key, character.id) == character.id else None
    forms = [f for c in world.characters for f in character_forms(c) if owner[f.lower()] is not None]
    if not forms:
        return []
    # Case-sensitive (names are capitalised; shouted ones are added) and anchored on a capital: fast.
    alternatives = sorted({*forms, *(f.upper() for f in forms)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?=[A-Z])(" + "|".join(re.escape(f) for f in alternatives) + r")(?![\w])")
    return [
        Mention(match.start(), match.end(), owner[match.group(0).lower()] or "")
        for start, end in story_ranges(world)
        for match in pattern.finditer(world.text, start, end)
    ]


class MentionIndex:
    """Name mentions searchable by offset range in O(log n)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self._starts = [m.start for m in mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]


_PRONOUN_GENDER = {
    "he": "he",
    "him": "he",
    "his": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
}
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def character_genders(world: StoryWorld, mentions: list[Mention]) -> dict[str, str]:
    """Each character's gender: as the characters stage set it, else read from pronouns.

    For a character left "unknown", the he/she pronouns in sentences where only they
    are named are counted; three or more, three quarters one way, decide it.
    """
    genders: dict[str, str] = {c.id: c.gender for c in world.characters}
    unknown = {cid for cid, gender in genders.items() if gender == "unknown"}
    if not unknown:
        return genders
    index = MentionIndex(mentions)
    counts: dict[str, dict[str, int]] = {cid: {"he": 0, "she": 0} for cid in unknown}
    for s_start, s_end in story_sentences(world):
        named = {m.character for m in index.between(s_start, s_end) if m.character}
        if len(named) != 1 or not named <= unknown:
            continue
        tally = counts[next(iter(named))]
        for match in _PRONOUN.finditer(world.text, s_start, s_end):
            tally[_PRONOUN_GENDER[match.group(0).lower()]] += 1
    for cid, tally in counts.items():
        total = tally["he"] + tally["she"]
        for gender in ("he", "she"):
            if total >= 3 and tally[gender] >= 0.75 * total:
                genders[cid] = gender
    return genders


_TELLING = frozenset({"I", "me", "my", "myself", "mine"})


class Tellers:
    """Who tells the story where: its narrator, or, when several narrators take turns (a scene
    each, "~Theo's POV~"), the one whose "I", "me" or "my" in the narration last came before a
    position (else the first after it)."""

    def __init__(self, world: StoryWorld) -> None:
        narrators = [c for c in world.characters if c.narrator]
        self.narrator = narrators[0].id if narrators else None
        self._told = sorted((span.start, c.id) for c in narrators for span in c.mention_spans
                            if world.text[span.start:span.end] in _TELLING) if len(narrators) > 1 else []

    def at(self, position: int) -> str | None:
        if not self._told:
            return self.narrator
        i = bisect.bisect_right(self._told, (position, "\uffff")) - 1
        return self._told[max(i, 0)][1]

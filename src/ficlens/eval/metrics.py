"""Score a predicted StoryWorld against a gold document; see docs/evaluation.md.

Everything is a count first (``Counts``), so documents add up exactly and
ratios are taken once at the end (micro-averages over all quotations).

* A gold quotation is **detected** when every one of its spans overlaps a
  predicted quote of kind speech or thought. Its **predicted quote** is the one
  overlapping its first span the most.
* A predicted character **is** a gold character when its name (or, failing that,
  its full name without a title: "Mr. Robert Ferrars"; failing that, the most of its
  aliases) is among that character's gold name and aliases, compared case- and
  space-insensitively. Gold speakers and addressees named by an alias ("Lucy")
  are compared through the cast member's main name (``GoldDocument.main_name``).
* **Attribution** is right when the gold quotation is detected and its predicted
  quote's speaker is the gold speaker; undetected quotations count as wrong.
* **Addressees** (gold quotations with at least one addressee): ``any`` when a
  predicted addressee is a gold one, ``exact`` when the sets are equal.
* **Character recall**: gold characters speaking at least ``MAIN_QUOTES`` gold
  quotations that some predicted character is; **precision**: predicted
  characters that are some gold character.
* **Detection precision**: predicted speech/thought quotes overlapping a gold span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import asdict, dataclass, field, fields

from ..characters import is_narrator_name
from ..model import Character, Quote, StoryWorld
from .gold import GoldDocument, GoldQuote, name_key

MAIN_QUOTES = 5  # gold characters with at least this many quotations must be found
QUOTE_TYPES = ("explicit", "anaphoric", "implicit")
_TITLES = {"mr", "mrs", "miss", "ms", "dr", "sir", "lady", "lord", "master", "captain", "colonel", "major",
           "general", "professor", "rev", "reverend", "signor", "signora", "madame", "monsieur",
           "mademoiselle"}
_SPOKEN = ("speech", "thought")


@dataclass
class Counts:
    """What one document (or a sum of documents) scored; all integers but ``seconds``."""

    quotes: int = 0
    detected: int = 0
    correct: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [quotes, correct]
    with_addressees: int = 0
    addressee_any_right: int = 0
    addressee_exact_right: int = 0
    predicted_quotes: int = 0
    predicted_matching: int = 0
    main_characters: int = 0
    main_found: int = 0
    predicted_characters: int = 0
    predicted_characters_matching: int = 0
    words: int = 0
    seconds: float = 0.0

    def __add__(self, other: Counts) -> Counts:
        total = Counts()
        for f in fields(Counts):
            if f.name != "by_type":
                setattr(total, f.name, getattr(self, f.name) + getattr(other, f.name))
        for counts in (self.by_type, other.by_type):
            for kind, (n, right) in counts.items():
                pair = total.by_type.setdefault(kind, [0, 0])
                pair[0] += n
                pair[1] += right
        return total

    def rates(self) -> dict[str, float | None]:
        """The metrics as ratios (None when there is nothing to divide by)."""
        by_type = {kind: self.by_type.get(kind, [0, 0]) for kind in QUOTE_TYPES}
        return {
            "attribution_accuracy": _ratio(self.correct, self.quotes),
            **{f"attribution_{kind}": _ratio(right, n) for kind, (n, right) in by_type.items()},
            "detection_recall": _ratio(self.detected, self.quotes),
            "detection_precision": _ratio(self.predicted_matching, self.predicted_quotes),
            "addressee_any": _ratio(self.addressee_any_right, self.with_addressees),
            "addressee_exact": _ratio(self.addressee_exact_right, self.with_addressees),
            "character_recall": _ratio(self.main_found, self.main_characters),
            "character_precision": _ratio(self.predicted_characters_matching, self.predicted_characters),
            "words_per_second": _ratio(self.words, self.seconds),
        }

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), **self.rates()}


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def score(gold: GoldDocument, world: StoryWorld, seconds: float = 0.0,
          main_quotes: int = MAIN_QUOTES) -> Counts:
    """Count how ``world`` (the pipeline's output over ``gold.text``) matches ``gold``.

    ``main_quotes``: gold characters speaking this many quotations count for recall.
    """
    counts = Counts(words=len(gold.text.split()), seconds=seconds)
    spoken = sorted((q for q in world.quotes if q.kind in _SPOKEN), key=lambda q: q.start)
    index = _SpanIndex([(q.start, q.end) for q in spoken])
    identity = match_characters(gold, world.characters)
    for quote in gold.quotes:
        _score_quote(counts, gold, quote, [spoken[i] for i in index.overlapping(*quote.spans[0])]
                     if quote.spans else [], index, identity)
    gold_index = _SpanIndex(sorted(span for quote in gold.quotes for span in quote.spans))
    counts.predicted_quotes = len(spoken)
    counts.predicted_matching = sum(1 for q in spoken if gold_index.overlapping(q.start, q.end))
    speakers = Counter(gold.main_name(quote.speaker) for quote in gold.quotes)
    found = set(identity.values())
    main = [m.name for m in gold.cast if speakers[m.name] >= main_quotes]
    counts.main_characters = len(main)
    counts.main_found = sum(1 for name in main if name in found)
    counts.predicted_characters = len(world.characters)
    counts.predicted_characters_matching = len(identity)
    return counts


def _score_quote(counts: Counts, gold: GoldDocument, quote: GoldQuote, first_overlaps: list[Quote],
                 index: _SpanIndex, identity: dict[str, str]) -> None:
    """Gold speakers and addressees may be named by an alias ("Lucy"): compared by main name."""
    counts.quotes += 1
    detected = bool(quote.spans) and all(index.overlapping(a, b) for a, b in quote.spans)
    predicted = max(first_overlaps, key=lambda q: _overlap(q, quote.spans[0]), default=None)
    speaker = gold.main_name(quote.speaker)
    right = (detected and predicted is not None and speaker is not None
             and identity.get(predicted.speaker or "") == speaker)
    counts.detected += detected
    counts.correct += right
    if quote.type:
        pair = counts.by_type.setdefault(quote.type, [0, 0])
        pair[0] += 1
        pair[1] += right
    if quote.addressees:
        counts.with_addressees += 1
        if detected and predicted is not None:
            guessed = {identity.get(a, f"predicted {a}") for a in predicted.addressees}
            expected = {gold.main_name(a) or f"unknown {a}" for a in quote.addressees}
            counts.addressee_any_right += bool(guessed & expected)
            counts.addressee_exact_right += guessed == expected


def _overlap(quote: Quote, span: tuple[int, int]) -> int:
    return min(quote.end, span[1]) - max(quote.start, span[0])


def match_characters(gold: GoldDocument, characters: list[Character]) -> dict[str, str]:
    """Predicted character id -> gold character name, for those that are a gold character: by
    name or alias (a description whatever its article), else the narrator as the gold narrator."""
    owners: dict[str, set[str]] = {}
    described: dict[str, set[str]] = {}  # "a girl", PDNC's "Little Girl" -> members; the article aside
    for member in gold.cast:
        for alias in {member.name, *member.aliases}:
            owners.setdefault(name_key(alias), set()).add(member.name)
            described.setdefault(_ARTICLE.sub("", name_key(alias)), set()).add(member.name)
    # LitBank names a first-person narrator's chain by its first mention ("I") or with the word
    # "narrator" ("Rudolf narrator"): that is the predicted narrator, whatever name it was found under
    narrators = {member.name for member in gold.cast if is_narrator_name(member.name)}
    identity: dict[str, str] = {}
    for character in characters:
        by_name = (owners.get(name_key(character.name)) or owners.get(_untitled_key(character.name))
                   or (described.get(_ARTICLE.sub("", name_key(character.name)), set())
                       if _ARTICLE.match(character.name) else set())
                   or (narrators if character.narrator else set()))
        if len(by_name) == 1:
            identity[character.id] = next(iter(by_name))
            continue
        votes = Counter(owner for alias in {character.name, *character.aliases}
                        for owner in owners.get(name_key(alias), ()))
        if votes:
            identity[character.id] = max(sorted(votes), key=lambda owner: votes[owner])
    return identity


_ARTICLE = re.compile(r"(?i)^(?:the|an?)\s+")  # "the girl" and LitBank's "a girl" describe one person


def _untitled_key(name: str) -> str:
    """A full name without its title ("Mr. Robert Ferrars" -> "robert ferrars"), else ""."""
    words = name_key(name).split()
    return " ".join(words[1:]) if len(words) > 2 and words[0].rstrip(".") in _TITLES else ""


def speaker_ids(gold: GoldDocument, characters: list[Character]) -> dict[str, str]:
    """Every name the gold document uses for a cast member (its name, aliases, and the speaker
    and addressee strings of its quotations, "Lucy" as well as "Miss Honeychurch") -> the id of
    the predicted character that member is (the most mentioned one when several are)."""
    mentions = {character.id: character.mentions for character in characters}
    best: dict[str, str] = {}
    for character_id, name in match_characters(gold, characters).items():
        if name not in best or mentions[character_id] > mentions[best[name]]:
            best[name] = character_id
    used = {name for quote in gold.quotes for name in (quote.speaker, *quote.addressees)}
    written = {alias for member in gold.cast for alias in (member.name, *member.aliases)} | used
    return {name: best[main] for name in written if (main := gold.main_name(name)) in best}


class _SpanIndex:
    """Sorted spans answering "which overlap (start, end)?" by binary search, then a scan of
    the spans starting at most one longest-span length before ``start``."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.longest = max((b - a for a, b in spans), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the spans overlapping [start, end) (touching counts for empty spans)."""
        first = bisect_left(self.starts, start - self.longest)
        hits = []
        for i in range(first, len(self.spans)):
            a, b = self.spans[i]
            if a >= max(end, start + 1):
                break
            if b > start and a < max(end, start + 1):
                hits.append(i)
        return hits

"""Attribution: who says each quotation, to whom, and how we know.

``attribute_quotes(world)`` reads ``text``, ``paragraphs``, ``characters`` (their
exact ``mention_spans``, gender and narrator flag) and ``quotes``; for every quote
of kind speech or thought it fills ``speaker``, ``addressees``, ``type``,
``confidence`` and ``evidence``. Quotes linked by ``continues`` share a speaker.

It works in two steps, as the strong systems do:

1. *Cues* (:mod:`.cues`): the narration next to the quote is read for a speech
   tag ("said Emma" / "Emma said" / "he said" / "said the old man" / "She
   turned and said:"), an action beat ("Kurt shrugged."), and the names and
   vocatives inside the quote.
2. *Ranking* (:mod:`.ranker`): every character mentioned near the quote, plus
   the recent speakers and the narrator, is scored with those cues and the
   conversation's structure (turns alternate: the speaker of turn n is often
   the speaker of n-2 and rarely of n-1; a name called in one turn is the
   next speaker). The best candidate speaks; the softmax is the confidence.

``type`` is explicit when a tag names the speaker, anaphoric when a tag uses a
pronoun or description, implicit otherwise. Addressees are the vocatives in
the quote, else "said to X", else the other side of the conversation.
Cost: one bisect window of mentions per quote, so linear in the text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..model import Gender, Quote, QuoteType, Span, StoryWorld
from .addressees import CONVERSATION_GAP, set_addressees
from .cues import Mentions, NameIndex, QuoteCues, Tag, person_word_genders, read_cues
from .ranker import FEATURES, load_weights, probabilities

__all__ = ["attribute_quotes", "Decision", "walk_quotes"]

SPOKEN = ("speech", "thought")
WINDOW = 2500  # characters before a quote whose mentions make candidates
MAX_CANDIDATES = 12
_FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Decision:
    """One quote to attribute: its candidates, their features and its cues."""

    quote: Quote
    candidates: list[str]
    features: np.ndarray
    cues: QuoteCues


@dataclass
class _Turn:
    paragraph: int
    speaker: str | None
    named: list[str] = field(default_factory=list)
    vocatives: list[str] = field(default_factory=list)


@dataclass
class _Context:
    text: str
    mentions: Mentions
    genders: dict[str, Gender]
    narrator: str | None
    paragraph_starts: list[int]
    paragraph_ends: list[int]
    person_genders: dict[str, Gender]
    names: NameIndex
    chapter_starts: list[int]
    chapter_leads: list[dict[str, str]]  # per chapter: gender -> its most-named character ("" = anyone)


def attribute_quotes(world: StoryWorld, weights: np.ndarray | None = None) -> StoryWorld:
    """Fill speaker, addressees, type, confidence and evidence of speech/thought quotes.

    ``weights``: ranker weights (``ranker.FEATURES`` order); default the shipped model.
    """
    weights = load_weights() if weights is None else weights
    decided: dict[str, tuple[str | None, float]] = {}

    def choose(decision: Decision) -> str | None:
        if not decision.candidates:
            decided[decision.quote.id] = (None, 0.0)
            return None
        p = probabilities(decision.features, weights)
        best = int(np.argmax(p))
        decided[decision.quote.id] = (decision.candidates[best], float(p[best]))
        return decision.candidates[best]

    decisions = walk_quotes(world, choose)
    _write(world, decisions, decided)
    return world


def walk_quotes(world: StoryWorld, choose: Callable[[Decision], str | None]) -> list[Decision]:
    """Visit the spoken quotes in order, asking ``choose`` for each speaker (shared with training).

    Continuations are not visited: they take the speaker of the quote they continue.
    """
    quotes = sorted((q for q in world.quotes if q.kind in SPOKEN), key=lambda q: q.start)
    if not quotes:
        return []
    context = _context(world)
    paragraphs = [_paragraph_of(context, q) for q in quotes]
    by_id = {q.id: q for q in quotes}
    cues = [_cues(context, quotes, paragraphs, i) for i in range(len(quotes))]
    next_vocatives = _next_turn_vocatives(quotes, paragraphs, cues)
    turns: list[_Turn] = []
    speakers: dict[str, str | None] = {}
    decisions: list[Decision] = []
    for i, quote in enumerate(quotes):
        head = _head(quote, by_id)
        if head is not quote and head.id in speakers:
            speaker = speakers[head.id]
        else:
            candidates = _candidates(context, quote, cues[i], turns, paragraphs[i], next_vocatives[i])
            features = _features(context, quote, cues[i], candidates, turns, paragraphs[i], next_vocatives[i])
            decision = Decision(quote, candidates, features, cues[i])
            decisions.append(decision)
            speaker = choose(decision)
        speakers[quote.id] = speaker
        if turns and turns[-1].paragraph == paragraphs[i]:
            turns[-1].named.extend(cues[i].named_inside)
            turns[-1].vocatives.extend(cues[i].vocatives)
            turns[-1].speaker = turns[-1].speaker or speaker
        else:
            turns.append(_Turn(paragraphs[i], speaker, list(cues[i].named_inside), list(cues[i].vocatives)))
    return decisions


def _head(quote: Quote, by_id: dict[str, Quote]) -> Quote:
    seen = 0
    while quote.continues in by_id and seen < 50:
        quote = by_id[quote.continues]
        seen += 1
    return quote


def _context(world: StoryWorld) -> _Context:
    owner_of: dict[tuple[int, int], str] = {}
    seen_names: set[tuple[str, ...]] = set()
    for character in world.characters:
        names = (character.name, *character.aliases)
        if names in seen_names:  # namesakes with the same aliases share mentions: the first keeps them
            continue
        seen_names.add(names)
        for span in character.mention_spans:
            owner_of.setdefault((span.start, span.end), character.id)
    ordered = sorted(owner_of.items())
    mentions = Mentions([s for (s, _), _ in ordered], [e for (_, e), _ in ordered], [o for _, o in ordered])
    narrator = next((c.id for c in world.characters if c.narrator), None)
    starts, ends = _paragraph_bounds(world)
    genders = {c.id: c.gender for c in world.characters}
    chapter_starts = [c.start for c in world.chapters] or [0]
    return _Context(world.text, mentions, genders, narrator, starts, ends, person_word_genders(),
                    NameIndex({c.id: [c.name, *c.aliases] for c in world.characters}, genders),
                    chapter_starts, _chapter_leads(mentions, genders, chapter_starts))


def _chapter_leads(mentions: Mentions, genders: dict[str, Gender],
                   chapter_starts: list[int]) -> list[dict[str, str]]:
    """The most-named character of each gender per chapter: the default "he"/"she" of its narration."""
    counts: list[dict[str, int]] = [{} for _ in chapter_starts]
    for start, owner in zip(mentions.starts, mentions.owners, strict=True):
        chapter = counts[max(0, bisect_right(chapter_starts, start) - 1)]
        chapter[owner] = chapter.get(owner, 0) + 1
    leads = []
    for chapter in counts:
        lead: dict[str, str] = {}
        for owner, _ in sorted(chapter.items(), key=lambda item: item[1]):
            lead[genders.get(owner, "unknown")] = owner
            lead[""] = owner
        leads.append(lead)
    return leads


def _paragraph_of(context: _Context, quote: Quote) -> int:
    return max(0, bisect_right(context.paragraph_starts, quote.start) - 1)


def _cues(context: _Context, quotes: list[Quote], paragraphs: list[int], i: int) -> QuoteCues:
    quote, paragraph = quotes[i], paragraphs[i]
    before = context.paragraph_starts[paragraph]
    if i > 0 and paragraphs[i - 1] == paragraph:
        before = max(before, quotes[i - 1].end)
    after = max(context.paragraph_ends[paragraph], quote.end)
    if i + 1 < len(quotes) and paragraphs[i + 1] == paragraph:
        after = min(after, quotes[i + 1].start)
    recent = {context.mentions.owners[j]: context.mentions.starts[j]
              for j in context.mentions.within(quote.start - WINDOW, quote.start)}
    return read_cues(context.text, context.mentions, quote.start, quote.end, before, after,
                     context.person_genders, lambda phrase: context.names.resolve(phrase, recent),
                     _lead_in(context, quotes, paragraphs, i, before))


def _lead_in(context: _Context, quotes: list[Quote], paragraphs: list[int], i: int,
             before: int) -> int | None:
    """The end of the previous paragraph when its narration introduces this quote ("...and said,")."""
    quote, paragraph = quotes[i], paragraphs[i]
    if paragraph == 0 or before != context.paragraph_starts[paragraph] \
            or context.text[before:quote.start].strip():
        return None
    end = context.paragraph_ends[paragraph - 1]
    if i > 0 and quotes[i - 1].end >= end - 1:
        return None
    tail = context.text[context.paragraph_starts[paragraph - 1]:end].rstrip()
    return end if tail.endswith((",", ":", "-", "\u2014")) else None


def _next_turn_vocatives(quotes: list[Quote], paragraphs: list[int],
                         cues: list[QuoteCues]) -> list[list[str]]:
    """For each quote, the vocatives of the next paragraph's quotes (when it follows closely)."""
    result: list[list[str]] = [[] for _ in quotes]
    following: list[str] = []
    following_paragraph = -1
    current: list[str] = []
    for i in range(len(quotes) - 1, -1, -1):
        if i + 1 < len(quotes) and paragraphs[i + 1] != paragraphs[i]:
            following, following_paragraph = current, paragraphs[i + 1]
            current = []
        current = cues[i].vocatives + current
        close = 0 < following_paragraph - paragraphs[i] <= CONVERSATION_GAP
        result[i] = following if close else []
    return result


def _recent_turns(turns: list[_Turn], paragraph: int) -> tuple[_Turn | None, _Turn | None, _Turn | None]:
    """The earlier turn of this paragraph, the previous turn and the one before, within one conversation."""
    same = turns[-1] if turns and turns[-1].paragraph == paragraph else None
    earlier = [t for t in turns[-3:] if t.paragraph < paragraph]
    previous = earlier[-1] if earlier and paragraph - earlier[-1].paragraph <= CONVERSATION_GAP else None
    before = earlier[-2] if previous and len(earlier) > 1 and \
        previous.paragraph - earlier[-2].paragraph <= CONVERSATION_GAP else None
    return same, previous, before


def _candidates(context: _Context, quote: Quote, cues: QuoteCues, turns: list[_Turn],
                paragraph: int, next_vocatives: list[str]) -> list[str]:
    window = context.mentions.within(quote.start - WINDOW, quote.start)
    recent = list(dict.fromkeys(context.mentions.owners[i] for i in reversed(window)))
    same, previous, before = _recent_turns(turns, paragraph)
    pool = [cues.tag.character if cues.tag else None, *cues.beat_characters,
            same.speaker if same else None, previous.speaker if previous else None,
            before.speaker if before else None, *(previous.vocatives if previous else []),
            *next_vocatives, *recent[:MAX_CANDIDATES], context.narrator]
    return list(dict.fromkeys(c for c in pool if c))[:MAX_CANDIDATES + 4]


def _features(context: _Context, quote: Quote, cues: QuoteCues, candidates: list[str], turns: list[_Turn],
              paragraph: int, next_vocatives: list[str]) -> np.ndarray:
    x = np.zeros((len(candidates), len(FEATURES)))
    window = context.mentions.within(quote.start - WINDOW, quote.start)
    last_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for i in window:
        owner = context.mentions.owners[i]
        last_seen[owner] = context.mentions.starts[i]
        counts[owner] = counts.get(owner, 0) + 1
    latest_of_gender: dict[str, str] = {}
    for owner, _ in sorted(last_seen.items(), key=lambda item: item[1]):
        latest_of_gender[context.genders.get(owner, "unknown")] = owner
    most_recent = max(last_seen, key=lambda owner: last_seen[owner]) if last_seen else None
    same, previous, before = _recent_turns(turns, paragraph)
    tag, beat = cues.tag, cues.beat
    lead = context.chapter_leads[max(0, bisect_right(context.chapter_starts, quote.start) - 1)]
    pronoun = next((t.gender for t in (tag, beat) if t is not None and t.kind == "pronoun"
                    and t.gender in ("he", "she")), None)
    matching = sum(context.genders.get(c) == pronoun for c in candidates) if pronoun else 0
    for row, candidate in enumerate(candidates):
        gender = context.genders.get(candidate, "unknown")
        values = {
            "tag_name": tag is not None and tag.character == candidate,
            "tag_other_mention": tag is not None and candidate in tag.others,
            "beat_name": beat is not None and beat.kind == "name" and beat.character == candidate,
            "beat_any": candidate in cues.beat_characters,
            "same_paragraph": same is not None and same.speaker == candidate,
            "previous_turn": previous is not None and previous.speaker == candidate,
            "turn_before_previous": before is not None and before.speaker == candidate,
            "vocative_previous_turn": previous is not None and candidate in previous.vocatives,
            "named_previous_turn": previous is not None and candidate in previous.named
            and candidate not in previous.vocatives,
            "named_in_quote": candidate in cues.named_inside,
            "vocative_next_turn": candidate in next_vocatives,
            "recency": math.exp(-(quote.start - last_seen.get(candidate, -10**9)) / 800),
            "frequency": math.log1p(counts.get(candidate, 0)) / 3,
            "most_recent": candidate == most_recent,
            "narrator": candidate == context.narrator,
            "chapter_lead": lead.get("") == candidate,
        }
        values["alternation_against_vocative"] = values["turn_before_previous"] and previous is not None \
            and bool(previous.vocatives) and candidate not in previous.vocatives
        if pronoun is not None and gender == pronoun:
            values["pronoun_chapter_lead"] = lead.get(pronoun) == candidate
            values["pronoun_only_match"] = matching == 1
            values["pronoun_alternation"] = values["turn_before_previous"]
            values["pronoun_previous_turn"] = values["previous_turn"]
            values["pronoun_same_paragraph"] = values["same_paragraph"]
        if tag is None or tag.character is None:
            values["no_tag_previous_turn"] = values["previous_turn"] and tag is None
            values["no_tag_turn_before_previous"] = values["turn_before_previous"] and tag is None
        values.update(_pronoun_features("tag", tag, candidate, gender, latest_of_gender, context.narrator))
        values.update(_pronoun_features("beat", beat, candidate, gender, latest_of_gender, context.narrator))
        for name, value in values.items():
            if name in _FEATURE_INDEX:
                x[row, _FEATURE_INDEX[name]] = float(value)
    return x


def _pronoun_features(prefix: str, tag: Tag | None, candidate: str, gender: Gender,
                      latest_of_gender: dict[str, str], narrator: str | None) -> dict[str, bool]:
    if tag is None or tag.kind == "name":
        return {}
    if tag.gender == "I":
        return {f"{prefix}_first_person_narrator": candidate == narrator}
    known = tag.gender in ("he", "she") and gender in ("he", "she")
    match = known and tag.gender == gender
    if tag.kind == "description":
        return {f"{prefix}_description_match": match}
    return {f"{prefix}_pronoun_match": match,
            f"{prefix}_pronoun_mismatch": known and tag.gender != gender,
            f"{prefix}_pronoun_most_recent": latest_of_gender.get(tag.gender) == candidate}


def _write(world: StoryWorld, decisions: list[Decision],
           decided: dict[str, tuple[str | None, float]]) -> None:
    """Set each spoken quote's fields from the decisions, then its addressees."""
    by_decision = {d.quote.id: d for d in decisions}
    quotes = sorted((q for q in world.quotes if q.kind in SPOKEN), key=lambda q: q.start)
    by_id = {q.id: q for q in quotes}
    for quote in quotes:
        head = _head(quote, by_id)
        decision = by_decision.get(head.id)
        speaker, confidence = decided.get(head.id, (None, 0.0))
        quote.speaker, quote.confidence = speaker, round(confidence, 3)
        quote.type, quote.evidence = _type_and_evidence(world.text, decision, speaker)
    starts, _ = _paragraph_bounds(world)
    paragraphs = [max(0, bisect_right(starts, q.start) - 1) for q in quotes]
    cues = {q.id: by_decision[_head(q, by_id).id].cues for q in quotes if _head(q, by_id).id in by_decision}
    set_addressees(quotes, paragraphs, cues)


def _type_and_evidence(text: str, decision: Decision | None,
                       speaker: str | None) -> tuple[QuoteType | None, list[Span]]:
    if decision is None or speaker is None:
        return None, []
    tag, beat = decision.cues.tag, decision.cues.beat
    if tag is not None:
        kind: QuoteType = "explicit" if tag.kind == "name" and tag.character == speaker else "anaphoric"
        if tag.kind == "name" and tag.character != speaker:
            kind = "implicit"
        return kind, [Span(start=tag.start, end=tag.end, note=f"tag: {text[tag.start:tag.end]}")]
    if beat is not None and (beat.kind != "name" or beat.character == speaker):
        return "implicit", [Span(start=beat.start, end=beat.end,
                                 note=f"action beat: {text[beat.start:beat.end]}")]
    return "implicit", [Span(start=decision.quote.start, end=decision.quote.start,
                             note="conversation turn-taking")]


def _paragraph_bounds(world: StoryWorld) -> tuple[list[int], list[int]]:
    """Paragraph starts and ends; lines when no segmentation ran (a world built by hand)."""
    if world.paragraphs:
        return [p.start for p in world.paragraphs], [p.end for p in world.paragraphs]
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", world.text)] or [(0, len(world.text))]
    return [a for a, _ in bounds], [b for _, b in bounds]


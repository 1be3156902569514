"""Stage: who is what to whom — typed relationships and the interaction network.

``find_relationships`` reads the text, ``characters`` (names, aliases, gender),
``quotes`` (speaker, addressees) and ``scenes`` (pov, characters present) and
fills ``world.relationships`` and ``world.interactions``; the tags stage turns
them into AO3 relationship and category tags, the report draws the network.

Relationships come from cue phrases in the story (never from the notes):

* kin and partner terms after a possessive — "his boyfriend", "Kurt's brother",
  "her brother Finn", "my wife" in dialogue — where the possessive is resolved to
  a character (the name itself, the speaker for "my", the addressee for "your",
  or for "his"/"her" the sentence's subject or the most salient character of
  that gender) and the other person is the name right after the term, a name in
  apposition ("Finn, his brother"), the one spoken to when dialogue addresses
  them ("Thank you, my dear brother"), or the nearest name of the term's gender
  (never either side of the conversation that speaks of the relative);
* phrases ("the love of my life"), verbs ("kissed Blaine", "hated Rachel"),
  a named pair with a couple noun or state ("the Finn and Rachel drama",
  "Anna and Bea were roommates"), and people who each have a room in the same
  home in one scene (they share the apartment: friendship).

Each cue is evidence with a confidence; a pair's confidence for a type is
``1 - prod(1 - c)`` over its cues. A pair that is romantic or family is not also
called friends. Labels follow AO3: "A/B" romantic, "A & B" otherwise, names
sorted alphabetically.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from .model import Interaction, Relationship, Span, StoryWorld
from .storytext import (
    Mention,
    MentionIndex,
    Tellers,
    character_genders,
    dialogue_spans,
    load_data,
    name_mentions,
    story_ranges,
    story_sentences,
)

ROMANTIC = "romantic"
_MIN_CONFIDENCE = 0.4
_MAX_EVIDENCE = 8
_WINDOW = 400  # characters either side of a cue searched for the other person
_NEAR_FACTOR = 0.75  # confidence kept when the other person is only nearby
_SALIENT_FACTOR = 0.6  # ...or only the most salient character of that gender
_VERB_CONFIDENCE = 0.35
_UNSURE_CAP = 0.75  # however many guessed cues agree, without one certain cue we stay unsure
_OVERSHADOW = 0.34  # a romance with under this share of a partner's main romance's support is dropped
_COUPLE_CONFIDENCE = 0.5
_STATE_CONFIDENCE = 0.8
_HOME_CONFIDENCE = 0.45
_HOME_WINDOW = 2000  # characters within which two people's rooms count as one home
_INTERACTION_WEIGHTS = {"turns": 1.0, "co_scenes": 2.0, "pov_mentions": 0.5}
SCENE_CAST = 60  # the most-named characters of a scene that count as sharing it (a chat of 5,000 handles)

_NOMINATIVE = re.compile(r"\b(he|she)\b", re.IGNORECASE)
_POSSESSIVE = {"his": "he", "her": "she"}
_OBJECT = {"him": "he", "her": "she"}
# Words that may sit between a possessive and its noun ("his gorgeous, much missed boyfriend").
_NOT_MODIFIER = (
    "the a an was is were are to of that with for from on in at by as had has have be been who "
    "which when while he she they it i you his her my your our their towards toward into "
    "onto about but or than"
).split()
_MODIFIER = rf"(?:(?!(?:{'|'.join(_NOT_MODIFIER)})\b)[a-z][a-z'-]*,?\s+){{0,5}}?"
_APPOSITION = re.compile(r"\s*(?:,|is|was|had been|became|,\s*who\s+was)\s*")
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"\u201d\u2019']?\s+")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:!?)\u2014\u2013]|$)")
# A relative addressed: the term set off by the quote's edge or punctuation ("Thank you, my dear
# brother.", ""Mom, ..."), or said of "you" ("You're my best friend", "Will you be my girlfriend?").
_SET_OFF_BEFORE = re.compile(r"(?:^|[,!?.;:\u2014\u2013]|[\"\u201c\u2018'])\s*$")
_SET_OFF_AFTER = re.compile(r"\s*(?:[,!?.;:\u2014\u2013]|[\"\u201d\u2019']|$)")
_YOU_ARE = re.compile(r"\byou(?:['\u2019]re|\s+are|\s+were|['\u2019]ll\s+be|\s+will\s+be|\s+have\s+been"
                      r"|['\u2019]ve\s+been)\b", re.IGNORECASE)
_JUST_BEFORE = re.compile(r"^(?:\s+(?:still|always|really|truly|the))*\s*$", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\bbe\s+(?:the\s+)?$", re.IGNORECASE)  # "Will you be my girlfriend?"


@dataclass(frozen=True)
class Cue:
    a: str
    b: str
    type: str
    confidence: float
    start: int
    end: int
    note: str
    certain: bool = True  # the other person is named at the cue, not guessed from nearby


@dataclass(frozen=True)
class _RoleCue:
    """A role term with an owner ("his brother") and the people it may name."""

    owner: str
    role: str
    type: str
    confidence: float
    start: int
    end: int
    candidates: list[tuple[str, float]]


@dataclass
class _Salience:
    """Who "he" and "she" most likely point to, updated sentence by sentence."""

    subject: dict[str, str] = field(default_factory=dict)
    named: dict[str, str] = field(default_factory=dict)

    def resolve(self, gender: str, exclude: str | None = None) -> str | None:
        for candidate in (self.subject.get(gender), self.named.get(gender)):
            if candidate and candidate != exclude:
                return candidate
        return None


def find_relationships(world: StoryWorld) -> StoryWorld:
    """Fill ``relationships`` and ``interactions`` (see the module docstring)."""
    mentions = name_mentions(world)
    reader = _CueReader(world, mentions)
    cues = reader.read()
    world.relationships = _relationships(world, cues)
    world.interactions = _interactions(world, mentions)
    return world


class _CueReader:
    """Walks the story sentence by sentence, tracking salience, collecting cues."""

    def __init__(self, world: StoryWorld, mentions: list[Mention]) -> None:
        self.world = world
        self.text = world.text
        self.index = MentionIndex(mentions)
        self.gender = character_genders(world, mentions)
        self.tellers = Tellers(world)
        self.quotes = sorted(
            (
                (q.start, q.end, q.speaker, q.addressees[0] if q.addressees else None)
                for q in world.quotes
                if q.kind in ("speech", "thought")
            ),
            key=lambda q: (q[0], q[1]),
        )
        if not self.quotes:
            self.quotes = [(s, e, None, None) for s, e, _ in dialogue_spans(world)]
        self._quote_starts = [q[0] for q in self.quotes]
        self.salience = _Salience()
        self.cues: list[Cue] = []
        self.homes: list[tuple[int, int, str]] = []  # (start, end, resident) of "Rachel's room"
        self.roles: list[_RoleCue] = []
        self._scenes = _scene_ranges(world)
        self._scene_starts = [s for s, _ in self._scenes]

    def read(self) -> list[Cue]:
        if not self.gender:
            return []
        patterns = _patterns()
        for s_start, s_end in story_sentences(self.world):
            self._sentence(s_start, s_end, patterns)
        self._resolve_roles()
        self.cues.extend(self._home_cues())
        return self.cues

    def _quote_at(self, offset: int) -> tuple[int, int, str | None, str | None] | None:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i][0] <= offset < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def _sentence(self, start: int, end: int, patterns: _Patterns) -> None:
        named = [m for m in self.index.between(start, end) if m.character]
        subject = self._subject(start, end, named)
        sentence = self.text[start:end]
        for match in patterns.term.finditer(sentence):
            self._term_cue(start + match.start(), match, subject)
        for match in patterns.phrase.finditer(sentence):
            self._phrase_cue(start + match.start(), start + match.end(), match.group(0), subject)
        for match in patterns.verb.finditer(sentence):
            self._verb_cue(start + match.start(), start + match.end(), match.group(0), subject, end)
        self._pair_cues(named, end, patterns)
        for match in patterns.home.finditer(sentence):
            owner = self._owner(match.group("owner"), start + match.start(), subject)
            if owner and not self._quote_at(start + match.start()):
                self.homes.append((start + match.start(), start + match.end(), owner))
        if subject and self.gender.get(subject) in ("he", "she"):
            self.salience.subject[self.gender[subject]] = subject
        for mention in named:
            self.salience.named[self.gender.get(mention.character, "unknown")] = mention.character

    def _subject(self, start: int, end: int, named: list[Mention]) -> str | None:
        """The narration's first named or he/she mention in the sentence, resolved."""
        first_name = next((m for m in named if not self._quote_at(m.start)), None)
        for match in _NOMINATIVE.finditer(self.text, start, first_name.start if first_name else end):
            if not self._quote_at(match.start()):
                return self.salience.resolve(match.group(0).lower())
        return first_name.character if first_name else None

    def _owner(self, word: str, offset: int, subject: str | None) -> str | None:
        """The character a possessive ("his", "my", "Kurt's") at ``offset`` points to."""
        lowered = word.lower()
        quote = self._quote_at(offset)
        if lowered in ("my", "our"):
            return (quote[2] or self._nearest_outside(quote)) if quote else self.tellers.at(offset)
        if lowered == "your":
            speaker = quote[2] or self._nearest_outside(quote) if quote else None
            return (quote[3] or self._nearest_outside(quote, exclude=speaker)) if quote else None
        gender = _POSSESSIVE.get(lowered)
        if gender:
            if subject and self.gender.get(subject) in (gender, "unknown") and not quote:
                return subject
            return self.salience.resolve(gender)
        mention = self.index.between(offset, offset + len(word))
        return mention[0].character if mention and mention[0].character else None

    def _nearest_outside(
        self, quote: tuple[int, int, str | None, str | None], exclude: str | None = None
    ) -> str | None:
        """For an unattributed quote: the nearest name outside quotes within a short window
        (the likely speaker; with ``exclude`` the speaker, the likely addressee)."""
        around = [
            m
            for m in self.index.between(quote[0] - 150, quote[1] + 150)
            if m.character and m.character != exclude and not self._quote_at(m.start)
        ]
        if not around:
            return None
        return min(around, key=lambda m: min(abs(m.start - quote[1]), abs(m.end - quote[0]))).character

    def _term_cue(self, start: int, match: re.Match[str], subject: str | None) -> None:
        term = _normal(match.group("term"))
        self._role_cue(
            start,
            start + match.end("term") - match.start(),
            term,
            _terms()[term],
            match.group("owner"),
            subject,
        )

    def _phrase_cue(self, start: int, end: int, phrase: str, subject: str | None) -> None:
        possessive = re.search(r"\b(my|his|her|your|their)\b", phrase, re.IGNORECASE)
        self._role_cue(
            start,
            end,
            _phrase_key(phrase),
            _phrases()[_phrase_key(phrase)],
            possessive.group(0) if possessive else None,
            subject,
        )

    def _role_cue(
        self,
        start: int,
        end: int,
        role: str,
        entry: tuple[str, str, float],
        owner_word: str | None,
        subject: str | None,
    ) -> None:
        """ "his brother": the owner's brother is someone; who is decided in ``_resolve_roles``.
        In "Her stepmom Lou was late" the sentence's subject is the stepmom, so "her" is
        someone else: the salient character of that gender."""
        owner = self._owner(owner_word, start, subject) if owner_word else subject
        after = self.index.between(end, end + 3)
        gender = _POSSESSIVE.get(owner_word.lower()) if owner_word else None
        if gender and owner and after and after[0].character == owner:
            owner = self.salience.resolve(gender, exclude=owner)
        if not owner:
            return
        candidates = self._candidates(owner, entry[1], start, end, declared=role in _phrases())
        if candidates:
            self.roles.append(_RoleCue(owner, role, entry[0], entry[2], start, end, candidates))

    def _resolve_roles(self) -> None:
        """Give each role cue its target, consistently: an owner's "boyfriend" is mostly one person.

        Candidates vote per (owner, role): a certain one (named right there) counts 3,
        nearby ones 1, 1/2, 1/3 by rank. A cue with one nearby candidate takes it; one
        with several, or for a role one has only one of (father, husband), takes the
        owner's overall winner if that is among them, and is dropped otherwise. A guess
        for an offstage role ("her father worked abroad") needs a second cue naming the
        same pair: parents are spoken of more often than they are there.
        """
        votes: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
        pairs: Counter[tuple[str, str]] = Counter()
        for cue in self.roles:
            pairs.update((cue.owner, candidate) for candidate, _ in cue.candidates)
            for rank, (candidate, factor) in enumerate(cue.candidates):
                votes[(cue.owner, cue.role)][candidate] += 3.0 if factor == 1.0 else 1.0 / (rank + 1)
        unique, offstage = _unique_roles(), _offstage_roles()
        for cue in self.roles:
            tally = votes[(cue.owner, cue.role)]
            winner = max(tally, key=tally.__getitem__)
            target, factor = cue.candidates[0]
            if factor < 1.0 and (len(cue.candidates) > 1 or cue.role in unique):
                if winner not in (c for c, _ in cue.candidates):
                    continue  # unsure, and nothing else in the story settles it
                target = winner
            if factor < 1.0 and cue.role in offstage and pairs[(cue.owner, target)] < 2:
                continue
            note = f"{self.text[cue.start : cue.end]} → {self._name(target)}"
            self._add(
                cue.owner,
                target,
                cue.type,
                cue.confidence * factor,
                cue.start,
                cue.end,
                note,
                certain=factor == 1.0,
            )

    def _verb_cue(self, start: int, end: int, verb: str, subject: str | None, sentence_end: int) -> None:
        if self._quote_at(start) or not subject:
            return
        rel_type = _verbs()[_normal(verb)]
        after = self.text[end : min(end + 40, sentence_end)]
        patient = next(
            (
                m.character
                for m in self.index.between(end, end + len(after))
                if m.character and m.character != subject
            ),
            None,
        )
        pronoun = re.match(r"\s+(him|her)\b", after)
        if not patient and pronoun:
            patient = self.salience.resolve(_OBJECT[pronoun.group(1)], exclude=subject)
        if patient and patient != subject:
            self._add(
                subject,
                patient,
                rel_type,
                _VERB_CONFIDENCE,
                start,
                end,
                f"{verb}: {self._name(subject)} → {self._name(patient)}",
            )

    def _pair_cues(self, named: list[Mention], sentence_end: int, patterns: _Patterns) -> None:
        """ "A and B" followed by a couple noun ("drama") or a state ("were roommates")."""
        for i, (first, second) in enumerate(zip(named, named[1:], strict=False)):
            if first.character == second.character or self.text[first.end : second.start] != " and ":
                continue
            if i and re.fullmatch(r",? and |, ", self.text[named[i - 1].end : first.start]):
                continue  # "A, B and C": a group, not a pair
            rest = self.text[second.end : sentence_end]
            couple = patterns.couple.match(rest)
            if couple:
                self._add(
                    first.character,
                    second.character,
                    ROMANTIC,
                    _COUPLE_CONFIDENCE,
                    first.start,
                    second.end + couple.end(),
                    f"named as a pair: {couple.group(1)}",
                )
            state = patterns.state.match(rest)
            if state:
                self._add(
                    first.character,
                    second.character,
                    _states()[_normal(state.group(1))],
                    _STATE_CONFIDENCE,
                    first.start,
                    second.end + state.end(),
                    f"{state.group(1)}",
                )

    def _candidates(self, owner: str, term_gender: str, start: int, end: int,
                    declared: bool = False) -> list[tuple[str, float]]:
        """Who a role term names, with a confidence factor: the name right after it, a name
        in apposition ("Finn, his brother"), or, in dialogue, the one spoken to when the
        term addresses them ("Thank you, my dear brother", "you're my best friend", and
        every ``declared`` phrase: "the love of my life") (certain); else the nearest names
        of the term's gender in the quote, then in the scene, leaving out both sides of a
        conversation that speaks of the relative ("my father is ill"), else the most
        salient one."""
        compatible = [] if term_gender == "any" else [term_gender, "unknown"]
        after = self.index.between(end, end + 3)
        if after and after[0].character and after[0].character != owner and (
                "," not in self.text[end : after[0].start] or _APPOSITION_END.match(self.text, after[0].end)):
            return [(after[0].character, 1.0)]  # "her sister Jo", "her sister, Jo, ..." (not "..., Jo was")
        before = self.index.between(start - 40, start)
        if (
            before
            and before[-1].character not in ("", owner)
            and _APPOSITION.fullmatch(self.text[before[-1].end : start])
        ):
            return [(before[-1].character, 1.0)]
        others = {"", owner}
        quote = self._quote_at(start)
        if quote:
            if quote[3] and quote[3] != owner and (declared or self._addresses_listener(start, end, quote)):
                return [(quote[3], 1.0)]
            others |= {quote[2] or "", quote[3] or ""}
            inside = [m for m in self.index.between(quote[0], quote[1]) if m.character not in others]
            ranked = _ranked(inside, start, self.gender, compatible)
            if ranked:
                return [(c, _NEAR_FACTOR) for c in ranked[:3]]
        scene_start, scene_end = self._scene_of(start)
        window = self.index.between(max(start - _WINDOW, scene_start), min(end + _WINDOW, scene_end))
        nearby = [m for m in window if m.character not in others]
        ranked = _ranked(nearby, start, self.gender, compatible)
        if ranked:
            return [(c, _NEAR_FACTOR) for c in ranked[:3]]
        for gender in compatible or ("he", "she", "unknown"):
            salient = self.salience.resolve(gender, exclude=owner)
            if salient and salient not in others:
                return [(salient, _SALIENT_FACTOR)]
        return []

    def _addresses_listener(self, start: int, end: int,
                            quote: tuple[int, int, str | None, str | None]) -> bool:
        """Whether the term at [start, end) inside ``quote`` is said of the one spoken to: set off
        by punctuation ("Thank you, my dear brother."), after "be" ("Will you be my girlfriend?"),
        or after "you are" in its sentence ("you are the love of my life ... and my best friend.")."""
        lead, rest = self.text[max(quote[0], start - 40) : start], self.text[end : quote[1]]
        if _BE_BEFORE.search(lead) or _SET_OFF_BEFORE.search(lead) and _SET_OFF_AFTER.match(rest):
            return True
        sentence = self.text[quote[0] : start]
        sentence = sentence[max((m.end() for m in _SENTENCE_BREAK.finditer(sentence)), default=0) :]
        you = [*_YOU_ARE.finditer(sentence)]
        return bool(you) and (_JUST_BEFORE.match(sentence[you[-1].end() :]) is not None
                              or _SET_OFF_AFTER.match(rest) is not None)

    def _scene_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._scene_starts, offset) - 1
        if i >= 0 and offset < self._scenes[i][1]:
            return self._scenes[i]
        return offset - _WINDOW, offset + _WINDOW

    def _home_cues(self) -> list[Cue]:
        """People who each have a room or home mentioned close together (same scene or
        within ``_HOME_WINDOW`` characters) share it: one cue per pair."""
        cues = []
        seen: set[tuple[str, str]] = set()
        for i, (start, end, owner) in enumerate(self.homes):
            scene_start, scene_end = self._scene_of(start)
            for other_start, other_end, other in self.homes[i + 1 :]:
                if other_start > max(start + _HOME_WINDOW, scene_end):
                    break
                pair = (min(owner, other), max(owner, other))
                if other == owner or pair in seen:
                    continue
                seen.add(pair)
                note = f"both live here: {self.text[start:end]} / {self.text[other_start:other_end]}"
                # The second span is evidence only: together they are one cue.
                cues.append(
                    Cue(owner, other, "friendship", _HOME_CONFIDENCE, start, end, note, certain=False)
                )
                cues.append(Cue(owner, other, "friendship", 0.0, other_start, other_end, note, certain=False))
        return cues

    def _add(
        self,
        a: str,
        b: str,
        rel_type: str,
        confidence: float,
        start: int,
        end: int,
        note: str,
        certain: bool = True,
    ) -> None:
        if a != b:
            self.cues.append(Cue(a, b, rel_type, confidence, start, end, note, certain))

    def _name(self, character_id: str) -> str:
        character = self.world.character(character_id)
        return character.name if character else character_id


def _ranked(mentions: list[Mention], offset: int, gender: dict[str, str], compatible: list[str]) -> list[str]:
    """Characters of ``mentions`` fitting the term's gender, nearest ``offset`` first (earlier favoured)."""
    best: dict[str, float] = {}
    for m in mentions:
        if compatible and gender.get(m.character) not in compatible:
            continue
        distance = (offset - m.end) if m.end <= offset else 1.2 * (m.start - offset)
        best[m.character] = min(distance, best.get(m.character, distance))
    return sorted(best, key=best.__getitem__)


def _scene_ranges(world: StoryWorld) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in world.scenes] or story_ranges(world)


def _relationships(world: StoryWorld, cues: Iterable[Cue]) -> list[Relationship]:
    grouped: dict[tuple[str, str, str], list[Cue]] = defaultdict(list)
    for cue in cues:
        a, b = sorted((cue.a, cue.b), key=lambda cid: _sort_name(world, cid))
        grouped[(a, b, cue.type)].append(cue)
    confidence, support = {}, {}
    for key, group in grouped.items():
        remaining = 1.0
        for cue in group:
            remaining *= 1.0 - cue.confidence
        cap = 0.99 if any(cue.certain for cue in group) else _UNSURE_CAP
        confidence[key] = round(min(1.0 - remaining, cap), 3)
        support[key] = sum(cue.confidence for cue in group)
    strongest: dict[str, float] = defaultdict(float)  # each character's best-supported romance
    for (x, y, rel_type), value in support.items():
        if rel_type == ROMANTIC:
            strongest[x] = max(strongest[x], value)
            strongest[y] = max(strongest[y], value)
    relationships = []
    for (a, b, rel_type), group in grouped.items():
        score = confidence[(a, b, rel_type)]
        if (
            score < _MIN_CONFIDENCE
            or _outranked(confidence, a, b, rel_type)
            or (
                rel_type == ROMANTIC
                and support[(a, b, rel_type)] < _OVERSHADOW * max(strongest[a], strongest[b])
            )
        ):
            continue
        separator = "/" if rel_type == ROMANTIC else " & "
        label = separator.join(_sort_name(world, cid) for cid in (a, b))
        evidence = [Span(start=c.start, end=c.end, note=c.note) for c in sorted(group, key=lambda c: c.start)]
        relationships.append(
            Relationship(
                source=a,
                target=b,
                type=rel_type,  # type: ignore[arg-type]
                label=label,
                confidence=score,
                evidence=evidence[:_MAX_EVIDENCE],
            )
        )
    return sorted(relationships, key=lambda r: (-r.confidence, r.label))


def _outranked(confidence: dict[tuple[str, str, str], float], a: str, b: str, rel_type: str) -> bool:
    """Friends who are also family or lovers are just that; lovers-or-family keeps the stronger."""
    family, romantic = confidence.get((a, b, "family"), 0.0), confidence.get((a, b, ROMANTIC), 0.0)
    if rel_type == "friendship":
        return max(family, romantic) >= _MIN_CONFIDENCE
    if rel_type == ROMANTIC:
        return family > romantic
    if rel_type == "family":
        return romantic >= family
    return False


def _sort_name(world: StoryWorld, character_id: str) -> str:
    character = world.character(character_id)
    return character.name if character else character_id


def _interactions(world: StoryWorld, mentions: list[Mention]) -> list[Interaction]:
    """Dialogue turns, shared scenes and POV mentions for every pair that meets."""
    order = {c.id: i for i, c in enumerate(world.characters)}
    pairs: dict[tuple[str, str], Interaction] = {}

    def pair(x: str, y: str) -> Interaction | None:
        if x == y or x not in order or y not in order:
            return None
        a, b = sorted((x, y), key=order.__getitem__)
        if (a, b) not in pairs:
            pairs[(a, b)] = Interaction(source=a, target=b)
        return pairs[(a, b)]

    for quote in world.quotes:
        for addressee in quote.addressees:
            link = pair(quote.speaker or "", addressee)
            if link:
                link.turns += 1
                if link.source == quote.speaker:
                    link.turns_source_to_target += 1
                else:
                    link.turns_target_to_source += 1
    index = MentionIndex(mentions)
    for scene in world.scenes:
        named = Counter(m.character for m in index.between(scene.start, scene.end))
        present = sorted(set(scene.characters or named), key=lambda c: -named[c])[:SCENE_CAST]
        for x, y in combinations(sorted(present), 2):
            link = pair(x, y)
            if link:
                link.co_scenes += 1
        if scene.pov:
            for mention in index.between(scene.start, scene.end):
                link = pair(scene.pov, mention.character)
                if link:
                    link.pov_mentions += 1
    links = list(pairs.values())
    for link in links:
        link.weight = sum(getattr(link, f) * w for f, w in _INTERACTION_WEIGHTS.items())
    top = max((link.weight for link in links), default=0.0) or 1.0
    for link in links:
        link.weight = round(link.weight / top, 4)
    return sorted(links, key=lambda link: -link.weight)


@dataclass(frozen=True)
class _Patterns:
    term: re.Pattern[str]
    phrase: re.Pattern[str]
    verb: re.Pattern[str]
    couple: re.Pattern[str]
    state: re.Pattern[str]
    home: re.Pattern[str]


def _normal(phrase: str) -> str:
    """A matched cue as its word list writes it: lower case, single spaces."""
    return " ".join(phrase.lower().split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    cues = load_data("relation_cues.json")
    owner = r"(?P<owner>\b(?:his|her|my|your|our|their)\b|\b(?-i:[A-Z])[\w-]*(?:'s|’s|')(?=\s))"
    term = rf"{owner}\s+(?P<mods>{_MODIFIER})(?P<term>{_alternation(cues['terms'])})\b(?!-)"
    states = [s for group in cues["pair_states"].values() for s in group]
    return _Patterns(
        term=re.compile(term, re.IGNORECASE),
        phrase=re.compile(rf"\b(?:{'|'.join(cues['phrases'])})\b", re.IGNORECASE),
        verb=re.compile(rf"\b(?:{_alternation(_verbs())})\b", re.IGNORECASE),
        couple=re.compile(rf"(?:'s|’s)?\s+({_alternation(cues['couple_nouns'])})\b", re.IGNORECASE),
        state=re.compile(
            rf"\s+(?:are|were|had been|have been|became|got|are now|were now)\s+(?:still\s+)?"
            rf"({_alternation(states)})\b",
            re.IGNORECASE,
        ),
        home=re.compile(
            rf"{owner}\s+(?:own\s+)?(?:{_alternation(cues['homes'] + cues['own_rooms'])})\b", re.IGNORECASE
        ),
    )


@cache
def _terms() -> dict[str, tuple[str, str, float]]:
    return {k.lower(): tuple(v) for k, v in load_data("relation_cues.json")["terms"].items()}  # type: ignore[misc]


@cache
def _phrases() -> dict[str, tuple[str, str, float]]:
    return {k: tuple(v) for k, v in load_data("relation_cues.json")["phrases"].items()}  # type: ignore[misc]


def _phrase_key(phrase: str) -> str:
    return next(k for k in _phrases() if re.fullmatch(k, phrase, re.IGNORECASE))


@cache
def _verbs() -> dict[str, str]:
    return {w: t for t, words in load_data("relation_cues.json")["verbs"].items() for w in words}


@cache
def _unique_roles() -> frozenset[str]:
    return frozenset(load_data("relation_cues.json")["unique_roles"])


@cache
def _offstage_roles() -> frozenset[str]:
    return frozenset(load_data("relation_cues.json")["offstage_roles"])


@cache
def _states() -> dict[str, str]:
    return {s: t for t, states in load_data("relation_cues.json")["pair_states"].items() for s in states}

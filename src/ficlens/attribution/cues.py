"""Text cues around one quotation: its speech tag, action beats and vocatives.

Everything here looks only at a small slice of text next to a quote (the
narration between it and the paragraph's neighbouring quotes), so the cost per
quote is bounded and the stage stays linear in the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..model import Gender

SPEECH_VERBS = (
    "said|says|say|asked|asks|replied|replies|answered|answers|cried|called|shouted|yelled|whispered|"
    "murmured|muttered|added|adds|continued|began|exclaimed|snapped|repeated|insisted|laughed|sighed|"
    "groaned|hissed|screamed|returned|rejoined|observed|remarked|went on|breathed|mumbled|stammered|"
    "sobbed|pleaded|begged|demanded|agreed|explained|retorted|interrupted|protested|corrected|offered|"
    "teased|joked|sang|spoke|growled|grumbled|grunted|squeaked|shrieked|gasped|chuckled|giggled|"
    "snorted|scoffed|smiled|grinned|suggested|declared|announced|admitted|confessed|promised|warned|"
    "urged|ventured|resumed|persisted|concluded|responded|inquired|enquired|queried|stated|told|tells|"
    "thought|thinks|wondered|mused|reflected|drawled|purred|roared|bellowed|moaned|wailed|whimpered|"
    "blurted|quipped|countered|pointed out|called out|cut in|chimed in|put in|shot back|piped up|"
    "commented|noted|mentioned|reminded|informed|assured|whined|complained|argued|reasoned|mocked|scolded|"
    "soothed|cooed|managed|choked|croaked|spat|sniffed|huffed|rasped|stuttered|trailed off|finished|"
    "pressed|prompted|supplied|echoed|greeted|objected|conceded|guessed|accused|challenged|threatened|"
    "ordered|commanded|instructed|sneered|smirked|beamed|chirped|pouted|shrugged|nodded"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|I)\b", re.IGNORECASE)
_PRONOUN_GENDER: dict[str, Gender | str] = {"he": "he", "she": "she", "they": "they", "we": "I", "i": "I"}
_ADVERBS = r"(?:\s*(?:\w+ly|then|again|now|too|at last|at once|quickly|softly|quietly)\b,?)*"
_AFTER_VERB_PRONOUN = re.compile(rf"^{_ADVERBS}\s*(he|she|they|we|I)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(r"\b(?:the|his|her|my|our|their|your|its)\s+(?:[a-z'-]+\s+){0,2}?([a-z'-]+)\b")
_AFTER_VERB_DESCRIPTION = re.compile(
    rf"^{_ADVERBS}\s*(?:the|his|her|my|our|their|your|its)\s+(?:[a-z'-]+\s+){{0,2}}?([a-z'-]+)\b")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?](?=\s|$)|\n\s*\n")
_IMMEDIATE = re.compile(r"\s*(?:\w+ly\s+)?")
_TO_MENTION = re.compile(r"^\s*(?:\w+ly\s+)?(?:to|at)\s+(?:him|her)?\s*$", re.IGNORECASE)
_TAG_AFTER_REACH = 160  # characters after a quote searched for its tag
_TAG_BEFORE_REACH = 200  # characters before a quote searched for an introducing tag
_SUBJECT_REACH = 70  # longest narration between a quote and its tag verb ("Emma, smiling at him, said")


@cache
def person_word_genders() -> dict[str, Gender]:
    """Lower-cased person words with one gender ("uncle" he, "aunt" she), from ficlens/data."""
    genders: dict[str, Gender] = {}
    for gender, name in (("he", "person_words_male.txt"), ("she", "person_words_female.txt")):
        for line in resources.files("ficlens.data").joinpath(name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                genders[line.strip().lower()] = gender  # type: ignore[assignment]
    return genders


@dataclass
class Mentions:
    """Every character mention, sorted, one character per span (for bisect windows)."""

    starts: list[int]
    ends: list[int]
    owners: list[str]

    def within(self, start: int, end: int) -> list[int]:
        """Indexes of mentions starting in [start, end)."""
        return list(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))


_TITLE_GENDERS: dict[str, Gender] = {"mr": "he", "sir": "he", "lord": "he", "master": "he", "mrs": "she",
                                     "miss": "she", "ms": "she", "lady": "she", "madame": "she",
                                     "mademoiselle": "she"}
_NAME_STOP = {"the", "of", "a", "an", "and", "dr", "mr", "mrs", "miss", "ms", "his", "her", "my", "our",
              "their", "your", "its", "old", "young", "little", "poor", "dear", "good"}


class NameIndex:
    """Links a written name or description to a character by its words ("Miss Quested", "the King")."""

    def __init__(self, names: dict[str, list[str]], genders: dict[str, Gender]) -> None:
        self.genders = genders
        self.by_word: dict[str, set[str]] = {}
        for character, forms in names.items():
            for form in forms:
                for word in _words(form):
                    self.by_word.setdefault(word, set()).add(character)

    def resolve(self, phrase: str, recent: dict[str, int]) -> str | None:
        words = _words(phrase)
        if not words or any(w not in self.by_word for w in words):
            return None
        found = set.intersection(*(self.by_word[w] for w in words))
        title = phrase.split()[0].rstrip(".").lower() if phrase.split() else ""
        if title in _TITLE_GENDERS:
            found = {c for c in found if self.genders.get(c, "unknown") in (_TITLE_GENDERS[title], "unknown")}
        if len(found) > 1:
            seen = [c for c in found if c in recent]
            found = {max(seen, key=lambda c: recent[c])} if seen else set()
        return next(iter(found)) if found else None


def _words(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w not in _NAME_STOP]


@dataclass
class Tag:
    """Who a tag or beat names as the speaker: a character, a pronoun or a description."""

    kind: str  # "name", "pronoun", "description"
    start: int
    end: int
    character: str | None = None
    gender: Gender | str = "unknown"  # he/she/they/unknown, or "I" for a first-person tag
    addressee: str | None = None  # "said to X"
    others: list[str] = field(default_factory=list)  # characters named in the tag who are not its subject


@dataclass
class QuoteCues:
    tag: Tag | None = None
    beat: Tag | None = None
    beat_characters: list[str] = field(default_factory=list)
    named_inside: list[str] = field(default_factory=list)
    vocatives: list[str] = field(default_factory=list)


Resolve = Callable[[str], "str | None"]


def read_cues(text: str, mentions: Mentions, start: int, end: int, before: int, after: int,
              person_genders: dict[str, Gender], resolve: Resolve,
              lead_in: int | None = None) -> QuoteCues:
    """The cues of the quote at [start, end) whose narration runs from ``before`` to ``after``.

    ``resolve`` links a phrase that is no known mention ("the King") to a character id.
    ``lead_in``: where the previous paragraph's narration ends when it introduces this
    quote ("Emma turned and said,").
    """
    cues = QuoteCues()
    helpers = _Helpers(mentions, person_genders, resolve)
    introduced = lead_in if lead_in is not None else start
    cues.tag = (_tag_after(text, helpers, end, min(after, end + _TAG_AFTER_REACH))
                or _tag_before(text, helpers, max(before if lead_in is None else 0,
                                                  introduced - _TAG_BEFORE_REACH), introduced))
    cues.beat_characters = [mentions.owners[i] for i in mentions.within(before, start)] + \
        [mentions.owners[i] for i in mentions.within(end, after)]
    cues.beat = _beat(text, mentions, before, start, after, end)
    inside = mentions.within(start, end)
    cues.named_inside = [mentions.owners[i] for i in inside]
    cues.vocatives = [mentions.owners[i] for i in inside
                      if _is_vocative(text, start, end, mentions.starts[i], mentions.ends[i])]
    return cues


def _first_sentence_end(text: str, start: int, end: int) -> int:
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


@dataclass
class _Helpers:
    mentions: Mentions
    person_genders: dict[str, Gender]
    resolve: Resolve

    def phrase_tag(self, text: str, start: int, stop: int, from_end: bool) -> Tag | None:
        """A name or description of 1-4 words starting at ``start`` (or ending at ``stop``) that resolves."""
        words = list(re.finditer(r"[\w'.-]+", text[start:stop]))
        if from_end:
            words = words[-5:]
        for size in range(min(4, len(words)), 0, -1):
            chosen = words[-size:] if from_end else words[:size]
            if re.search(r"[,;:!?]", text[start + chosen[0].start():start + chosen[-1].end()]):
                continue
            a, b = start + chosen[0].start(), start + chosen[-1].end()
            phrase = text[a:b].rstrip(".")
            character = self.resolve(phrase)
            if character is not None:
                kind = "name" if re.search(r"\b[A-Z]", phrase.split(None, 1)[-1] if phrase.lower().startswith(
                    ("the ", "his ", "her ")) else phrase) else "description"
                return Tag(kind, a, a + len(phrase), character=character,
                           gender=self.person_genders.get(chosen[-1].group().lower(), "unknown"))
        return None


_SPEECH_NOUN = re.compile(r"\b(?:reply|answer|remark|observation|response|exclamation|cry|words|question|"
                          r"rejoinder|comment|injunction|amendment|retort|greeting|salutation|speech)\b")


def _possessive_tag(text: str, mentions: Mentions, start: int, stop: int) -> Tag | None:
    """"was Mr. Weston's reply" / "Emma's remark was"."""
    noun = _SPEECH_NOUN.search(text, start, stop)
    if noun is None:
        return None
    for i in mentions.within(max(start, noun.start() - 60), noun.start()):
        if re.fullmatch(r"['\u2019]s\s+(?:\w+\s+)?", text[mentions.ends[i]:noun.start()]):
            return Tag("name", mentions.starts[i], mentions.ends[i], character=mentions.owners[i])
    return None


def _tag_after(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    stop = _first_sentence_end(text, start, stop)
    verb = _VERB.search(text, start, stop)
    if verb is None or verb.start() - start > _SUBJECT_REACH:
        return _possessive_tag(text, helpers.mentions, start, min(stop, start + _SUBJECT_REACH))
    tag = (_subject_before(text, helpers, start, verb.start(), own_clause=True)
           or _subject_after(text, helpers, verb.end(), stop))
    return _complete(tag, text, helpers.mentions, start, verb.end(), stop)


def _complete(tag: Tag | None, text: str, mentions: Mentions, start: int, verb_end: int,
              stop: int) -> Tag | None:
    """Add the "said to X" addressee and the other people named in the tag clause."""
    if tag is not None:
        tag.addressee = _said_to(text, mentions, verb_end, stop)
        tag.others = [mentions.owners[i] for i in mentions.within(start, stop)
                      if mentions.owners[i] != tag.character]
    return tag


def _tag_before(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """"Emma turned to him and said, "..." or "He said:" just before the quote."""
    tail = text[start:stop].rstrip()
    if "\n\n" in tail:  # only the paragraph the tag ends
        cut = tail.rindex("\n\n") + 2
        start, tail = start + cut, tail[cut:]
    if not tail:
        return None
    sentence_start = start
    for found in _SENTENCE_END.finditer(text, start, start + len(tail) - 1):
        sentence_start = found.end()
    verbs = list(_VERB.finditer(text, sentence_start, start + len(tail)))
    if not verbs or start + len(tail) - verbs[-1].end() > 40:
        return _possessive_tag(text, helpers.mentions, sentence_start, start + len(tail))
    verb = verbs[-1]
    if tail[-1] not in ",:\u2014-" and verb.end() != start + len(tail):  # 'as Blaine asked "..."'
        return None
    tag = (_clause_subject(text, helpers.mentions, sentence_start, verb.start())
           or _subject_before(text, helpers, sentence_start, verb.start()))
    return _complete(tag, text, helpers.mentions, sentence_start, verb.end(), start + len(tail))


_PREPOSITION_BEFORE = re.compile(r"\b(?:to|at|with|for|from|of|by|towards|toward|on|upon|into|about)\s+$",
                                 re.IGNORECASE)


def _clause_subject(text: str, mentions: Mentions, start: int, stop: int) -> Tag | None:
    """The first name or pronoun of the last comma-clause before the verb, when it is no object:
    "As Rachel left, Kurt leaned to Blaine and whispered," gives Kurt."""
    comma = max(text.rfind(",", start, stop), text.rfind(";", start, stop))
    if comma < 0:
        return None
    clause = comma + 1
    pronoun = _SUBJECT_PRONOUN.search(text, clause, stop)
    options = [Tag("name", mentions.starts[i], mentions.ends[i], character=mentions.owners[i])
               for i in mentions.within(clause, stop)]
    if pronoun:
        options.append(_pronoun_tag(pronoun.start(), pronoun.end(), pronoun.group(0)))
    subjects = [tag for tag in options
                if not _PREPOSITION_BEFORE.search(text, max(clause, tag.start - 12), tag.start)]
    return min(subjects, key=lambda tag: tag.start) if subjects else None


def _subject_before(text: str, helpers: _Helpers, start: int, stop: int,
                    own_clause: bool = False) -> Tag | None:
    """The subject of the verb at ``stop``: the name or pronoun right before it ("as Blaine asked"),
    else the first one in [start, stop) ("Emma turned to Harriet and said"), else a description.

    ``own_clause`` (a tag after the quote): when the name right before the verb is not the first
    one, the verb belongs to another clause ("She squealed as Blaine asked") and there is no tag.
    """
    mentions, person_genders = helpers.mentions, helpers.person_genders
    segment = text[start:stop]
    if not re.search(r"[A-Za-z]", segment):
        return None
    found = mentions.within(start, stop)
    pronouns = list(_SUBJECT_PRONOUN.finditer(segment))
    pronoun = pronouns[0] if pronouns else None
    nearest: list[tuple[int, Tag]] = []
    if found:
        i = found[-1]
        nearest.append((mentions.ends[i], Tag("name", mentions.starts[i], mentions.ends[i],
                                               character=mentions.owners[i])))
    if pronouns:
        last = pronouns[-1]
        nearest.append((start + last.end(),
                        _pronoun_tag(start + last.start(), start + last.end(), last.group(0))))
    immediate = [tag for end, tag in nearest if _IMMEDIATE.fullmatch(text, end, stop)]
    description = _DESCRIPTION.search(segment)
    options: list[tuple[int, Tag]] = []
    if found:
        i = found[0]
        options.append((mentions.starts[i], Tag("name", mentions.starts[i], mentions.ends[i],
                                                 character=mentions.owners[i])))
    if pronoun:
        options.append((start + pronoun.start(), _pronoun_tag(start + pronoun.start(), start + pronoun.end(),
                                                              pronoun.group(0))))
    if options:
        first = min(options, key=lambda option: option[0])[1]
        if immediate and (immediate[0].start, immediate[0].end) != (first.start, first.end):
            return None if own_clause else immediate[0]
        return first
    resolved = helpers.phrase_tag(text, start, stop, from_end=True)
    if resolved is not None:
        return resolved
    if description:
        return Tag("description", start + description.start(), start + description.end(),
                   gender=person_genders.get(description.group(1).lower(), "unknown"))
    return None


def _subject_after(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """"said Emma", "said he", "said the old man"."""
    mentions, person_genders = helpers.mentions, helpers.person_genders
    found = mentions.within(start, min(stop, start + 40))
    if found:
        i = found[0]
        gap = text[start:mentions.starts[i]]
        if re.fullmatch(rf"{_ADVERBS}\s*", gap):
            return Tag("name", mentions.starts[i], mentions.ends[i], character=mentions.owners[i])
    window = text[start:stop]
    pronoun = _AFTER_VERB_PRONOUN.match(window)
    if pronoun:
        return _pronoun_tag(start + pronoun.start(1), start + pronoun.end(1), pronoun.group(1))
    skip = re.match(rf"{_ADVERBS}\s*", window)
    head = start + (skip.end() if skip else 0)
    resolved = helpers.phrase_tag(text, head, min(stop, start + 50), from_end=False)
    if resolved is not None:
        return resolved
    description = _AFTER_VERB_DESCRIPTION.match(window)
    if description:
        return Tag("description", start + description.start(), start + description.end(),
                   gender=person_genders.get(description.group(1).lower(), "unknown"))
    return None


def _pronoun_tag(start: int, end: int, word: str) -> Tag:
    return Tag("pronoun", start, end, gender=_PRONOUN_GENDER[word.lower()])


def _said_to(text: str, mentions: Mentions, start: int, stop: int) -> str | None:
    for i in mentions.within(start, min(stop, start + 30)):
        if _TO_MENTION.match(text[start:mentions.starts[i]]):
            return mentions.owners[i]
    return None


def _beat(text: str, mentions: Mentions, before: int, start: int, after: int, end: int) -> Tag | None:
    """The subject opening the sentence next to the quote ("Kurt shrugged. "..."" / ""..." He sighed.")."""
    last_start = before
    for boundary in _SENTENCE_END.finditer(text, before, max(before, start - 1)):
        last_start = boundary.end()
    for lo, hi in ((last_start, start), (end, after)):
        segment = text[lo:hi]
        if not re.search(r"[A-Za-z]", segment):
            continue
        offset = len(segment) - len(segment.lstrip(" \t\n,.;:!?\u2014-\"'\u201c\u201d"))
        pronoun = _SUBJECT_PRONOUN.match(segment, offset)
        if pronoun:
            return _pronoun_tag(lo + pronoun.start(), lo + pronoun.end(), pronoun.group(0))
        opening = mentions.within(lo + offset, lo + offset + 1)
        if opening:
            i = opening[0]
            return Tag("name", mentions.starts[i], mentions.ends[i], character=mentions.owners[i])
    return None


_VOCATIVE_BEFORE = re.compile(r"(?:^[\W_]*|[,;!?]\s*|\b(?:oh|dear|my dear|my)\s+)$", re.IGNORECASE)
_VOCATIVE_AFTER = re.compile(r"^\s*(?:[,;!?.\u2014\u2026]|--|$)")


def _is_vocative(text: str, start: int, end: int, mention_start: int, mention_end: int) -> bool:
    """A name set off by commas or opening/closing the quote: "Emma, listen" / "...listen, Emma."."""
    head = text[max(start, mention_start - 12):mention_start]
    if mention_start - start <= 2:
        head = ""
    tail = text[mention_end:min(end, mention_end + 3)]
    return bool(_VOCATIVE_BEFORE.search(head)) and bool(_VOCATIVE_AFTER.match(tail))

"""Text cues around one quotation: its speech tag, action beats and vocatives.

Everything here looks only at a small slice of text next to a quote (the
narration between it and the paragraph's neighbouring quotes, or the end of the
previous paragraph when that introduces it), so the cost per quote is bounded and the
stage stays linear in the text length. Speech verbs are looked up word by word
in a set; subjects are read clause by clause (no parser), which handles
"Ronny, who had waited, approached Fielding and said," and "said the agonized
Harriet"; descriptions keep the gender of their person noun ("her brother": he)
and link to a character only through its name or aliases.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..lexicon import (
    EPITHETS,
    HONORIFIC_SUFFIX,
    KIN_AND_ROLE_WORDS,
    OFFICE_TITLES,
    PLAIN_PRESENT_SPEECH_VERBS,
    PRESENT_SPEECH_VERBS,
    SPEECH_VERBS,
    TITLE_SPELLINGS,
)
from ..model import Gender

_ALL_VERBS = f"{SPEECH_VERBS}|{PLAIN_PRESENT_SPEECH_VERBS}".split("|")
_VERB_WORDS = frozenset(verb for verb in _ALL_VERBS if " " not in verb)
_PHRASAL_VERBS = frozenset(tuple(verb.split()) for verb in _ALL_VERBS if " " in verb)
_PHRASAL_HEADS = frozenset(head for head, _ in _PHRASAL_VERBS)
_PRESENT_HEADS = frozenset(verb.split()[0] for verb in PRESENT_SPEECH_VERBS.split("|"))
# heads only the plain present has ("tell", "sigh"): a verb after "I", "we", "you" or "they" alone
_PLAIN_HEADS = frozenset(verb.split()[0] for verb in PLAIN_PRESENT_SPEECH_VERBS.split("|")) - frozenset(
    verb.split()[0] for verb in SPEECH_VERBS.split("|"))
_PLAIN_SUBJECT_BEFORE = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Tt]hey)\s+(?:\w+ly\s+)?$")
# the subject a present-tense verb needs right before it: "Steve groans", "she sighs", "the boy laughs"
_SUBJECT_BEFORE_PRESENT = re.compile(r"(?:\b(?:[Hh]e|[Ss]he|[Ii]t)|\b[A-Z][\w'.-]*|"
                                     r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Yy]our|[Oo]ur|[Ii]ts)\s+[a-z]+)"
                                     r"\s+(?:\w+ly\s+)?$")
_WORD = re.compile(r"[A-Za-z]+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|I|you)\b", re.IGNORECASE)
# "I said", and a second-person story's "you say": the narrator's (the reader's) line
_PRONOUN_GENDER: dict[str, Gender | str] = {"he": "he", "she": "she", "they": "they", "we": "I", "i": "I",
                                            "you": "I"}
_ADVERBS = (r"(?:\s*(?:\w+ly|then|again|now|too|at last|at once|quickly|softly|quietly|"
            r"out|up|back|forth)\b,?)*")
_AFTER_VERB_PRONOUN = re.compile(rf"^{_ADVERBS}\s*(he|she|they|we|I|you)\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Tt]heir|[Yy]our|[Ii]ts)\b")
_AFTER_VERB_DETERMINER = re.compile(r"(?:(?:one|another|each)\s+of\s+(?:the|his|her|their|them)|"
                                    r"the|his|her|my|our|their|your|its|this|that|a|an|another|one|some ?one|"
                                    r"somebody)\b",
                                    re.IGNORECASE)  # "said a voice", "The latter gentleman burst out:"
_SUBJECT_DESCRIBER = re.compile(rf"\b{_AFTER_VERB_DETERMINER.pattern}", re.IGNORECASE)
_NOBODY_NAMED = re.compile(r"(?:one of them|another|one|some ?one|somebody)", re.IGNORECASE)  # "said another"
_CAPITALISED_HEAD = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")  # "said the Englishman"
_DEFINITE = frozenset({"the", "his", "her", "my", "our", "their", "your", "its"})
_SPEAKING_VOICE = frozenset({"voice", "voices"})  # "said a voice", "replied the voice": someone unseen
_VOICE_GENDERS: dict[str, Gender] = {"female": "she", "feminine": "she", "male": "he", "masculine": "he"}
_NOT_MEN = frozenset({"human", "humans", "german", "germans", "roman", "romans", "ottoman", "shaman"})
_REFLEXIVE = re.compile(r"\b(?:him|her)self\b", re.IGNORECASE)  # the gender of a description without one
_LOWER_WORD = re.compile(r"\s+([a-z][a-z'-]*)")
_DESCRIPTION_STOP = frozenset(
    "in of with as who whom whose which that and or but to at on from by for when while was were had has is "
    "would could did not said then again now he she it they we you i".split())
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"\u201d]?(?=\s|$)|\n\s*\n")
_IMMEDIATE = re.compile(r"\s*(?:['\u2019]?s\s+)?(?:(?:\w+ly|was|were|is|had|has|would|will|could|should|"
                        r"shall|did|might|must|then|now|also|still|just|again|at last|at once|already)\s+)*")
_TO_MENTION = re.compile(r"^\s*(?:\w+ly\s+)?(?:to|at)\s+(?:him|her)?\s*$", re.IGNORECASE)
_TAG_AFTER_REACH = 160  # characters after a quote searched for its tag
_TAG_BEFORE_REACH = 400  # characters before a quote searched for an introducing tag
_SUBJECT_REACH = 70  # longest narration between a quote and its tag verb ("Emma, smiling at him, said")


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
_DESCRIBERS = frozenset({"the", "his", "her", "a", "an", "my", "our", "their", "your", "one", "another"})
_JOINERS = frozenset({"and", "or", "of", "but", "then", "when", "while", "as", "that", "which"})
# forms of address that name nobody alone ("his lady"); "the doctor" or "the captain" may be a role
_TITLE_WORDS = frozenset("lady sir lord madam madame master mistress mademoiselle monsieur".split())
# titles of an office, as written in a name ("Prof.", "Dr.") -> the role: "the professor" is the
# story's one Professor, "the agent" its Agent (not "the duchess": in PDNC, 3 lines lost, none won)
_ROLE_TITLES = {title.lower(): title.lower() for title in OFFICE_TITLES | {"Agent", "Officer"}} \
    | {short.lower(): title.lower() for short, title in TITLE_SPELLINGS.items() if title in OFFICE_TITLES} \
    | {"dr": "doctor"}
_NAME_STOP = {"the", "of", "a", "an", "and", "dr", "mr", "mrs", "miss", "ms", "his", "her", "my", "our",
              "their", "your", "its", "old", "young", "little", "poor", "dear", "good"}


class NameIndex:
    """Links a written name or description to a character by its words ("Miss Quested", "the King")."""

    def __init__(self, names: dict[str, list[str]], genders: dict[str, Gender]) -> None:
        self.genders = genders
        self.by_word: dict[str, set[str]] = {}
        self.by_words: dict[tuple[str, ...], set[str]] = {}
        self.by_role: dict[str, set[str]] = {}  # "professor" -> those named "Professor X"
        for character, forms in names.items():
            for form in forms:
                first, *rest = form.split() or [""]
                role = _ROLE_TITLES.get(first.rstrip(".").lower()) if rest else None
                if role and form[0].isupper():
                    self.by_role.setdefault(role, set()).add(character)
                for word in _words(form):
                    self.by_word.setdefault(word, set()).add(character)
                self.by_words.setdefault(tuple(_words(form)), set()).add(character)

    def resolve(self, phrase: str, recent: dict[str, int]) -> str | None:
        words = _words(phrase)
        role = _ROLE_TITLES.get(words[0]) if len(words) == 1 and phrase[:1].islower() else None
        if role in self.by_role:  # "the professor": the one "Professor Vane" (the latest named, if several)
            return self._latest(self.by_role[role], recent)
        if not words or any(w not in self.by_word for w in words):
            return None
        if all(w in _TITLE_WORDS for w in words) and not re.search(r"\b[A-Z]", phrase):
            return None  # "his lady" is no "Lady Middleton"; "the Major" may be the Major
        found = set.intersection(*(self.by_word[w] for w in words))
        if not re.search(r"[A-Z]", phrase):  # a description is all of a name: "the gentleman" is
            found &= self.by_words.get(tuple(words), set())  # not "the gentleman in the white waistcoat"
        title = phrase.split()[0].rstrip(".").lower() if phrase.split() else ""
        if title in _TITLE_GENDERS:
            found = {c for c in found if self.genders.get(c, "unknown") in (_TITLE_GENDERS[title], "unknown")}
        return self._latest(found, recent)

    @staticmethod
    def _latest(found: set[str], recent: dict[str, int]) -> str | None:
        """The one of ``found``, else the latest named of them; None if none of several was named."""
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
    to_group: bool = False  # the narration around it says it is said to everyone there
    looked_at: list[str] = field(default_factory=list)  # "He looked at Felix." before it: said to Felix


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
    readers = [lambda: _tag_after(text, helpers, end, min(after, end + _TAG_AFTER_REACH)),
               lambda: _tag_before(text, helpers, max(before if lead_in is None else 0,
                                                      introduced - _TAG_BEFORE_REACH), introduced)]
    if _sentence_after(text, start, end, introduced):
        readers.reverse()
    cues.tag = readers[0]() or readers[1]()
    cues.beat_characters = [mentions.owners[i] for i in mentions.within(before, start)] + \
        [mentions.owners[i] for i in mentions.within(end, after)]
    cues.beat = _beat(text, mentions, before, start, after, end, person_genders)
    inside = mentions.within(start, end)
    cues.named_inside = [mentions.owners[i] for i in inside]
    cues.vocatives = vocatives(text, mentions, start, end)
    cues.to_group = _said_to_group(text, before, start, end, after)
    return cues


_LOOKS_AT = re.compile(r"\b(?:looked|looks|glanced|glances|stared|stares|gazed|gazes|turned|turns|smiled|"
                       r"smiles|grinned|grins|winked|winks|nodded|nods)\s+(?:[a-z]+\s+){0,2}?(?:at|to|towards?)\s+$")


def looked_at(text: str, mentions: Mentions, start: int, stop: int) -> list[str]:
    """Who the narration in [start, stop) has someone look or turn to ("He looked at Felix for a long
    moment."): the one a line after it is most often said to."""
    return [mentions.owners[i] for i in mentions.within(start, stop)
            if _LOOKS_AT.search(text, max(start, mentions.starts[i] - 40), mentions.starts[i])]


def vocatives(text: str, mentions: Mentions, start: int, end: int) -> list[str]:
    """The characters the quote at [start, end) calls by name ("Sit down, Naruto.")."""
    return [mentions.owners[i] for i in mentions.within(start, end)
            if is_vocative(text, start, end, mentions.starts[i], mentions.ends[i])]


_TO_GROUP = re.compile(r"\b(?:to|at|towards?|told|addressed|asked) (?:the others|the rest(?: of them)?|"
                       r"everyone|everybody|the group|the room|the table|the crowd|them all|all of them)\b",
                       re.IGNORECASE)


def _said_to_group(text: str, before: int, start: int, end: int, after: int) -> bool:
    """'He turned to the others with a quick "...",' / '"...," she told the room.': the narration
    sentence leading into the quote, or the one its tag opens, turns to a group."""
    return bool(_TO_GROUP.search(text, last_sentence_start(text, before, start), start)
                or _TO_GROUP.search(text, end, _first_sentence_end(text, end, after)))


_CLOSED_QUOTE = re.compile(r"[.!?][\"'\u201d\u2019]*\s+[A-Z]")
_AND_AFTER = re.compile(r"\s+and\s")


def _sentence_after(text: str, start: int, end: int, introduced: int) -> bool:
    """'cried Tom, "It is late." Ann nodded.': the quote is introduced (by "," or ":") and ends its
    sentence, so what follows it is a new sentence, not its tag; so is 'Tom thought, "...," and
    Ann thought, "..."': a clause joined by "and" after an introduced quote is the next one's."""
    lead = text[max(0, introduced - 20):introduced].rstrip()
    return lead.endswith((",", ":")) and bool(_CLOSED_QUOTE.search(text, max(start, end - 3), end + 4)
                                              or _AND_AFTER.match(text, end))


def _first_sentence_end(text: str, start: int, end: int) -> int:
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


def last_sentence_start(text: str, start: int, stop: int) -> int:
    """Where the last sentence before ``stop`` begins: just after the last sentence end in
    [start, stop), else ``start``."""
    last = start
    for found in _SENTENCE_END.finditer(text, start, max(start, stop)):
        last = found.end()
    return last


_NOMINATIVE = {"he": re.compile(r"\b[Hh]e\b"), "she": re.compile(r"\b[Ss]he\b")}
_QUOTE_MARK = re.compile("[\"\u201c\u201d]")


def after_own_pronoun(text: str, gender: str, start: int, position: int) -> bool:
    """Whether a name at ``position`` follows a "he"/"she" of its own ``gender`` in its sentence
    of narration (read from ``start`` on): "He pulled away from Blaine". The pronoun does not
    stand for that name, so it is someone else's; a pronoun inside a quote before it does not count."""
    pronoun = _NOMINATIVE.get(gender)
    if pronoun is None:
        return False
    sentence_start = last_sentence_start(text, start, position)
    ends = [found.end() for found in pronoun.finditer(text, sentence_start, position)]
    return bool(ends) and not _QUOTE_MARK.search(text, ends[-1], position)


def bound_by_pronoun(text: str, mentions: Mentions, genders: Mapping[str, str], start: int,
                     stop: int) -> list[str]:
    """Who is named in [start, stop) after a "he"/"she" of their own gender in the same sentence
    (``after_own_pronoun``): "She handed Ann the cup" is not Ann's, so the pronoun's chain is not theirs."""
    return [mentions.owners[i] for i in mentions.within(start, stop)
            if after_own_pronoun(text, genders.get(mentions.owners[i], ""), start, mentions.starts[i])]


@dataclass
class _Helpers:
    mentions: Mentions
    person_genders: dict[str, Gender]
    resolve: Resolve

    def phrase_tag(self, text: str, start: int, stop: int, from_end: bool) -> Tag | None:
        """A name or description of 1-6 words starting at ``start`` (or ending at ``stop``) that resolves."""
        words = list(re.finditer(r"[\w'.-]+", text[start:stop]))
        words = words[-6:] if from_end else words[:6]
        for size in range(min(6, len(words)), 0, -1):
            chosen = words[-size:] if from_end else words[:size]
            if re.search(r"[,;:!?]", text[start + chosen[0].start():start + chosen[-1].end()]) \
                    or chosen[-1].group().lower() in _NAME_STOP or chosen[0].group().lower() in _JOINERS:
                continue
            a, b = start + chosen[0].start(), start + chosen[-1].end()
            phrase = text[a:b].rstrip(".")
            if not re.search(r"[A-Z]", phrase) and chosen[0].group().lower() not in _DESCRIBERS:
                continue  # lower-case words name someone only as a description ("the doctor", not "had")
            character = self.resolve(phrase)
            if character is not None:
                kind = "name" if re.search(r"\b[A-Z]", phrase.split(None, 1)[-1] if phrase.lower().startswith(
                    ("the ", "his ", "her ")) else phrase) else "description"
                return Tag(kind, a, a + len(phrase), character=character,
                           gender=self.person_genders.get(chosen[-1].group().lower(), "unknown"))
        return None


_SPEECH_NOUN = re.compile(r"\b(?:reply|answer|remark|observation|response|exclamation|cry|words|question|"
                          r"rejoinder|comment|injunction|amendment|retort|greeting|salutation|speech|inquiry|"
                          r"enquiry|assurance|ejaculation|protest|request|entreaty|whisper|reproach|rebuke|"
                          r"explanation|advice|apology|exhortation|farewell|command|rejoinders|replies|"
                          r"challenge|demand|suggestion|plea|warning|boast|sally|verdict|conclusion|voice)\b")
_POSSESSIVE_GAP = re.compile(r"(?:['\u2019]\s?s|\s+s)\s+(?:[a-z]+\s+){0,2}")  # "Emma's", "Emma s" (mark lost)
_POSSESSIVE_DESCRIPTION = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:[a-z]+\s+){0,2}?([a-z]+)"
                                     r"(?:['\u2019]\s?s|\s+s)\s+(?:[a-z]+\s+){0,2}$")
_OF_GAP = re.compile(r"\s+of\s+")
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her)\s+(?:[a-z]+\s+){0,2}$")


def _possessive_tag(text: str, helpers: _Helpers, start: int, stop: int, before_quote: bool) -> Tag | None:
    """"was Mr. Weston's reply" / "Emma's remark was" / "was his answer" / "in reply to Emma's inquiry of" /
    "was the view of Mr. Wade".

    Before a quote the speech noun nearest the quote counts; after it, the first one, and its owner must
    not follow a preposition ("in answer to her question" is someone else's).
    """
    mentions = helpers.mentions
    nouns = list(_SPEECH_NOUN.finditer(text, start, stop))
    for noun in (nouns[::-1] if before_quote else nouns)[:2]:
        owner = _owner_before(text, helpers, max(start, noun.start() - 60), noun.start())
        if owner is not None and (before_quote or not _PREPOSITION_BEFORE.search(
                text, max(start, owner.start - 12), owner.start)):
            return owner
        for i in mentions.within(noun.end(), min(stop, noun.end() + 8)) if owner is None else ():
            if _OF_GAP.fullmatch(text, noun.end(), mentions.starts[i]):
                return _name_tag(mentions, i)
    return None


def _owner_before(text: str, helpers: _Helpers, start: int, noun: int) -> Tag | None:
    """Whose is the speech noun at ``noun``: "Emma's" / "Emma s" (a lost mark) / "the old man's" / "his"."""
    mentions = helpers.mentions
    for i in reversed(mentions.within(start, noun)):
        if _POSSESSIVE_GAP.fullmatch(text, mentions.ends[i], noun):
            return _name_tag(mentions, i)
    described = _POSSESSIVE_DESCRIPTION.search(text, start, noun)
    if described is not None:
        return Tag("description", described.start(), described.end(1),
                   gender=helpers.person_genders.get(described.group(1), "unknown"))
    pronoun = _POSSESSIVE_PRONOUN.search(text, start, noun)
    return _owner_pronoun_tag(pronoun) if pronoun is not None else None


def _owner_pronoun_tag(found: re.Match[str]) -> Tag:
    """The "his" / "her" in group 1 of ``found`` as the pronoun of its owner."""
    return Tag("pronoun", found.start(1), found.end(1), gender="he" if found.group(1) == "his" else "she")


def _tag_after(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    stop = _first_sentence_end(text, start, stop)
    verbs = _verbs(text, start, min(stop, start + _SUBJECT_REACH + 20))
    verb = verbs[0] if verbs else None
    if verb is None or verb.start - start > _SUBJECT_REACH:
        return _possessive_tag(text, helpers, start, min(stop, start + _SUBJECT_REACH), False)
    tag = _subject_before(text, helpers, start, verb.start, own_clause=True)
    if tag is None and _INVERTED_GAP.fullmatch(text, start, verb.start):  # not '" and warned Aziz'
        tag = _subject_after(text, helpers, verb.end, stop)
    return _complete(tag, text, helpers.mentions, start, verb.end, stop)


_INVERTED_GAP = re.compile(r"[\s,;:.!?\-\u2014\"'\u201c\u201d_]*(?:\w+ly,?\s+)?")


def _complete(tag: Tag | None, text: str, mentions: Mentions, start: int, verb_end: int,
              stop: int) -> Tag | None:
    """Add the "said to X" addressee ("said Lady Fenwick to the captain" too) and the other
    people named in the tag clause."""
    if tag is not None:
        tag.addressee = _said_to(text, mentions, max(verb_end, tag.end), stop)
        tag.others = [mentions.owners[i] for i in mentions.within(start, stop)
                      if mentions.owners[i] != tag.character]
    return tag


_NOUN_BEFORE = re.compile(r"(?:\b(?:in|the|a|an|his|her|my|their|your|our|its|no|this|that|what|any|some)|"
                          r"['\u2019]s)\s+$", re.IGNORECASE)  # "in reply", "Tom's repeated question"
_INTRO_VERB = re.compile(r"(?:said|says|began|begin|went on|go on|continued|resumed|added|replied|answered|"
                         r"cried|exclaimed|called|asked|spoke|broke in|struck in|put in|cut in|burst out|"
                         r"broke out|interposed|observed|remarked|returned|rejoined|saying|calling|crying|"
                         r"concluded|conclude|say|ask|answer|reply|whispered|murmured|shouted|proceeded|"
                         r"pursued|accosted|pronounced|uttered|observing|remarking|adding|exclaiming|replying|"
                         r"answering|whispering|inquiring)$",
                         re.IGNORECASE)
# "Emma's saying" is a verb, not a noun like "Emma's question"
_OWNER_BEFORE_GERUND = re.compile(r"(?:['\u2019]s|\b[Hh]is|\b[Hh]er)\s+[a-z]+ing$")
_NEGATION_BEFORE = re.compile(r"\b(?:not|never|n't|what|which|whatever|nothing)\b[^.!?]{0,20}$",
                              re.IGNORECASE)
_QUOTE_MARK = re.compile("[\"\u201c\u201d]")  # a quote's own tag ('"Yes," said Emma.') introduces nothing
_NEGATION_AFTER = re.compile(r"\s*(?:nothing|no\b|not\b|never\b)", re.IGNORECASE)


class _Verb(NamedTuple):
    start: int
    end: int
    word: str


def _verbs(text: str, start: int, stop: int) -> list[_Verb]:
    """Speech verbs in [start, stop) ("said", "broke in"), leaving out nouns ("in reply to", "the answer").

    Words are looked up in a set: one alternation of 300 verbs tried at every character is slow.
    """
    found: list[_Verb] = []
    for word in _WORD.finditer(text, start, stop):
        lower = word.group().lower()
        verb: _Verb | None = None
        if lower in _PHRASAL_HEADS:
            particle = _NEXT_WORD.match(text, word.end(), stop)
            if particle and (lower, particle.group(1).lower()) in _PHRASAL_VERBS:
                verb = _Verb(word.start(), particle.end(), f"{lower} {particle.group(1).lower()}")
        if verb is None and lower in _VERB_WORDS:
            verb = _Verb(word.start(), word.end(), lower)
        if verb is None:
            continue
        if lower in _PRESENT_HEADS and not _SUBJECT_BEFORE_PRESENT.search(text, max(start, word.start() - 40),
                                                                           word.start()):
            continue  # "hear whispers", "shook with hard sobs"
        if lower in _PLAIN_HEADS and not _PLAIN_SUBJECT_BEFORE.search(text, max(start, word.start() - 20),
                                                                       word.start()):
            continue  # "a long sigh", "tell me"; but '"Late," I tell her.'
        if not _NOUN_BEFORE.search(text, max(start, word.start() - 8), word.start()) \
                or _OWNER_BEFORE_GERUND.search(text, max(start, word.start() - 5), verb.end):
            found.append(verb)
    return found


_CLEARS_THROAT = re.compile(r"\bclear(?:ed|s)\s+(?:his|her|their|my|your)\s+throat[.!]?\s*$")


def _introducing_verb(text: str, start: int, stop: int) -> _Verb | None:
    """The verb of a narration sentence that ends in ``stop`` and announces the next speech without a
    comma or colon: "Mrs. Grey began again." / "Tom went on." (not "He said nothing.")."""
    sentence_start = last_sentence_start(text, start, stop - 1)
    verbs = _verbs(text, sentence_start, stop)
    if not verbs:
        return None
    verb = verbs[-1]
    if stop - verb.end > 40 or not _INTRO_VERB.match(verb.word) \
            or _QUOTE_MARK.search(text, sentence_start, verb.start) \
            or _NEGATION_BEFORE.search(text, max(sentence_start, verb.start - 30), verb.start) \
            or _NEGATION_AFTER.match(text, verb.end, stop) \
            or _SAID_SOMETHING.match(text, verb.end, stop):
        return None
    return verb


# "the way other men said amen.": a verb with its own object tells what was said, not what comes
# (but "frowned at the screen and answered it." answers a phone, and speaks next)
_SAID_SOMETHING = re.compile(r"[ \t\n]+(?:that|this|so|amen|yes|no|grace|goodbye|goodnight|hello|"
                             r"something|anything|everything|the\s+[a-z]+|a\s+[a-z]+)\b")


def _tag_before(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """The tag of the narration sentence that ends at ``stop``, just before the quote.

    'Emma turned to him and said, "..."', 'He said:', 'Tom began again.' (a sentence that announces
    speech), 'when thus accosted by Ann,' (passive), 'Aziz cut him short with:' and 'the plain inquiry
    of--' (no speech verb: the sentence's subject), '"Knock," cried Hall, taking my arm. "..."' (the
    tag of the quote before), 'was Emma's reply:' (possessive).
    """
    tail = text[start:stop].rstrip()
    if "\n\n" in tail:  # only the paragraph the tag ends
        cut = tail.rindex("\n\n") + 2
        start, tail = start + cut, tail[cut:]
    if not tail:
        return None
    end = start + len(tail)
    sentence_start = last_sentence_start(text, start, end - 1)
    verbs = _verbs(text, sentence_start, end)
    if verbs and (len(verbs) == 1 or tail[-1] in ".!?") \
            and not text[sentence_start:verbs[0].start].strip(" \n\t\"'\u201c\u201d"):
        # '"Knock," cried Hall, taking my arm. "Who is it?"': the last quote's tag names this speaker too
        tag = _subject_after(text, helpers, verbs[0].end, end)
        return _complete(tag, text, helpers.mentions, sentence_start, verbs[0].end, end)
    throat = _CLEARS_THROAT.search(text, sentence_start, end)
    if throat is not None:  # "Felix squared his cards and cleared his throat.": about to speak
        verbs.append(_Verb(throat.start(), throat.end(), "cleared"))
    verb = verbs[-1] if verbs and end - verbs[-1].end <= _VERB_TO_QUOTE else None
    if verb is not None and not tail.endswith((",", ":", ";", "\u2014", "-", " with", " that")) \
            and verb.end != end:  # 'as Blaine asked "..."'
        verb = _introducing_verb(text, sentence_start, end) if tail[-1] == "." or tail[-1].isalpha() else None
    if verb is None:
        tag = _possessive_tag(text, helpers, sentence_start, end, True)
        if tag is None and _INTRODUCES.search(tail[-40:]):  # "Aziz cut him short with:", "the inquiry of--"
            tag = _clause_subject(text, helpers, sentence_start, end) or _subject_before(
                text, helpers, sentence_start, end)
        return tag
    tag = (_gerund_owner(text, helpers, sentence_start, verb)
           or _agent(text, helpers, verb.end, end)
           or _clause_subject(text, helpers, sentence_start, verb.start)
           or _subject_before(text, helpers, sentence_start, verb.start))
    return _complete(tag, text, helpers.mentions, sentence_start, verb.end, end)


_OWNED_GERUND = re.compile(r"(?:['\u2019]\s?s|\s+s)\s+[a-z]+ing\b")  # "Sir Thomas's saying", "Emma s giving"
_PRONOUN_GERUND = re.compile(r"\b(his|her)\s+[a-z]+ing\b")
_AND_GERUND = re.compile(r"[^.;:!?\"\u201c\u201d]{0,40}\band\s+")  # "giving a gentle sigh, and saying"


def _gerund_owner(text: str, helpers: _Helpers, start: int, verb: _Verb) -> Tag | None:
    """Whose the speech is when the verb is a gerund with an owner: "stopped by Sir Thomas's saying," /
    "never without Mr. Woodhouse's giving a sigh, and saying," / "interrupted by his saying"."""
    if not verb.word.endswith("ing"):
        return None
    mentions = helpers.mentions

    def joined(gerund_end: int) -> bool:
        return gerund_end >= verb.end or bool(_AND_GERUND.fullmatch(text, gerund_end, verb.start))

    owners: list[Tag] = []
    for i in reversed(mentions.within(start, verb.start)):
        gerund = _OWNED_GERUND.match(text, mentions.ends[i], verb.end)
        if gerund is not None and joined(gerund.end()):
            owners.append(_name_tag(mentions, i))
            break
    pronouns = [found for found in _PRONOUN_GERUND.finditer(text, start, verb.end) if joined(found.end())]
    if pronouns:
        owners.append(_owner_pronoun_tag(pronouns[-1]))
    return max(owners, key=lambda tag: tag.start, default=None)


def _agent(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """The speaker of a passive tag: "when thus accosted by Miss Bingley," / "interrupted by Emma:"."""
    by = _BY.match(text, start, stop)
    if by is None:
        return None
    return _first_name_at(text, helpers, by.end(), stop)


_NOT_ADJECTIVE = r"(?:to|at|with|for|from|of|by|in|on|and|but|as|when|while|that|he|she|it|they|we|I)\b"
# "said dour Major Callendar", "said the agonized Harriet": one adjective may come before the name
_BEFORE_NAME = re.compile(rf"{_ADVERBS}\s*(?:the\s+)?(?:(?!{_NOT_ADJECTIVE})[a-z][a-z-]*\s+)?"
                          r"(?:(?:Master|Mr|Mrs|Miss|Sir|Lady|Lord|Dr|Doctor|Captain|Colonel|Major|Old|Young|Little|"
                          r"Poor)\.?\s+)?")
_TRAILING_WORDS = re.compile(r"(?:\s+(?:\w+ly|was|were|is|had|has|would|will|could|should|shall|did|might|"
                             r"must|then|now|also|still|just|again|already))*\s*$")
# "Aziz cut him short with:", "the inquiry of--", "turned to them with a quick" (the quote is the noun)
_INTRODUCES = re.compile(rf"(?::|\bwith,|\bwith\s+(?:a|an|his|her|their)(?:\s+[a-z-]+)?|"
                         rf"(?:{_SPEECH_NOUN.pattern})(?:\s+of)?\s*(?:,|--|\u2014)?)$")
_VOICE_OF = re.compile(r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?voice\s+of\s+")  # "the shattered voice of Aziz"
_VERB_TO_QUOTE = 60  # longest narration between an introducing verb and its quote
_BY = re.compile(r"\s+by\s+")
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:when|while|whilst|as|till|until|before|after|whereupon)\s+$",
                                  re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|at|with|for|from|of|by|towards|toward|on|upon|into|about)\s+$",
                                 re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:\u2014]|--")
_CLAUSE_OPENER = re.compile(r"\s*(?:(?:and|but|then|so|yet|or|now)\b\s*)*", re.IGNORECASE)
_RELATIVE_OPENER = re.compile(r"who\b")
# up to three lower-case words before a clause's subject, no preposition ("to Emma" is an object)
_LEADING_ADVERBS = re.compile(r"(?:(?!(?:to|with|at|near|by|for|from|of|on|upon|towards?|about|after|before|"
                              r"beside|behind|round|into|like)\b)[a-z]+\s+){0,3}", re.IGNORECASE)
_NAME_LEAD = re.compile(r"\b(?:until|till|when|while|whilst|as|and|but|then|which|whereupon|where|before|"
                        r"after|so)\s*$", re.IGNORECASE)
_PREDICATE_OPENER = re.compile(r"(?:who|whom|which|whose|[a-z]+ed|[a-z]+ing)\b")  # a clause with no subject
_SUBORDINATE_OPENER = re.compile(r"(?:when|while|whilst|as|though|although|if|after|before|till|until|since|"
                                 r"because|where|whereupon)\b", re.IGNORECASE)


def _clause_subject(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """The subject of the verb at ``stop`` read clause by clause (clauses end at , ; : and dashes).

    The verb's own clause gives its first name or pronoun that is no object ("As Rachel left, Kurt
    leaned to Blaine and whispered," gives Kurt), unless it opens with a participle or a relative
    pronoun. Then earlier clauses are read backwards: a name that closes a clause after "until",
    "when", "and"... ("until Thomas, turning round, said"), the name before ", who ... said", or
    a name, pronoun or gendered description opening a clause ("Ronny, who had waited, approached
    Fielding and said," gives Ronny).
    """
    mentions = helpers.mentions
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(text, start, stop)]
    if not breaks:
        return None
    clause = _CLAUSE_OPENER.match(text, breaks[-1], stop).end()  # type: ignore[union-attr]
    relative = bool(_RELATIVE_OPENER.match(text, clause, stop))
    if not _PREDICATE_OPENER.match(text, clause, stop):
        subjects = _subjects(text, mentions, clause, stop)
        immediate = [tag for tag in subjects if _IMMEDIATE.fullmatch(text, tag.end, stop)]
        subject = (immediate[-1] if immediate
                   else _name_before(text, helpers, clause, stop)  # no mention: "to hear the Rabbit say"
                   or (subjects[0] if subjects else None)
                   or _described_subject(text, helpers, clause, stop))
        if subject is not None:
            return subject
    predicate = not relative  # the verb's clause has no subject of its own
    for lo, hi in reversed(list(zip([start, *breaks[:-1]], breaks, strict=True))):
        subordinate = _subordinate_subject(text, mentions, lo, hi - 1) if predicate else None
        if subordinate is not None:  # "He sat down as Kurt took his hand, turned and said": Kurt
            return subordinate
        predicate = predicate and not _subjects(text, mentions, lo, hi - 1)  # "..., wet from the boat,
        # calling out," goes on past a phrase with no subject to "when Maren came in"
        opening = _CLAUSE_OPENER.match(text, lo, hi).end()  # type: ignore[union-attr]
        opening += len(text[opening:hi]) - len(text[opening:hi].lstrip())
        if _RELATIVE_OPENER.match(text, opening, hi):  # "Mary, who had been eyeing Grant and Edmund, now
            relative = True  # observed": its names are the relative clause's; the subject is before it
            continue
        final = _final_name(text, helpers, lo, hi - 1)
        if final is not None and (relative or not text[lo:final.start].strip()
                                  or _NAME_LEAD.search(text, lo, final.start)):
            return final
        pronoun = _SUBJECT_PRONOUN.match(text, opening, hi)
        if pronoun:
            return _pronoun_tag(pronoun.start(), pronoun.end(), pronoun.group(0))
        named = mentions.within(opening, opening + 1)
        if named:
            return _name_tag(mentions, named[0])
        description = _description(text, opening, hi - 1, helpers.person_genders, anchored=True)
        if description is not None and description.gender != "unknown":
            return description
        subjects = _subjects(text, mentions, opening, hi - 1)
        if subjects and _SUBORDINATE_OPENER.match(text, opening, hi):  # "and when Sir Thomas, turning, said"
            return subjects[-1]  # the main clause's ("As she came in he stopped, and said:")
        if subjects and not _PREDICATE_OPENER.match(text, opening, hi) \
                and _LEADING_ADVERBS.fullmatch(text, opening, subjects[0].start):  # "Even Mr. Weston shook
            return subjects[0]  # his head,", "soon afterwards Darcy, drawing near her, said"
        relative = bool(_RELATIVE_OPENER.match(text, opening, hi))
    return None


_SUBORDINATOR = re.compile(r"\b(?:when|while|whilst|as|before|after|till|until|whereupon)\s+")


def _described_subject(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """A clause that names no one opened by someone described: "when someone at the back called
    out", "until a voice from the hall asked", "as the old woman said" (not "when the door banged")."""
    opener = _SUBORDINATE_OPENER.match(text, start, stop)
    at = opener.end() if opener else start
    at += len(text[at:stop]) - len(text[at:stop].lstrip())
    found = _description(text, at, stop, helpers.person_genders, anchored=True)
    if found is None or found.gender == "unknown" and not (
            _NOBODY_NAMED.fullmatch(text, found.start, found.end)
            or text[found.start:found.end].split()[-1].lower() in _SPEAKING_VOICE):
        return None
    return found


def _subordinate_subject(text: str, mentions: Mentions, start: int, stop: int) -> Tag | None:
    """The subject right after the last "as"/"before"/"when"... of [start, stop): a predicate with no
    subject of its own that follows ("..., turned and said") goes on from that clause's verb."""
    found = list(_SUBORDINATOR.finditer(text, start, stop))
    if not found:
        return None
    subjects = _subjects(text, mentions, found[-1].end(), stop)
    return subjects[0] if subjects and subjects[0].start == found[-1].end() else None


def _subjects(text: str, mentions: Mentions, start: int, stop: int) -> list[Tag]:
    """The names and subject pronouns in [start, stop) that follow no preposition, in order."""
    options = [_name_tag(mentions, i) for i in mentions.within(start, stop)]
    options += [_pronoun_tag(found.start(), found.end(), found.group(0))
                for found in _SUBJECT_PRONOUN.finditer(text, start, stop)]
    return sorted((tag for tag in options
                   if not _PREPOSITION_BEFORE.search(text, max(start, tag.start - 12), tag.start)),
                  key=lambda tag: tag.start)


def _name_before(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """A name that is no known mention right before the verb at ``stop`` ("the Dormouse sulkily said")."""
    trailing = _TRAILING_WORDS.search(text, start, stop)
    end = trailing.start() if trailing else stop
    phrase = helpers.phrase_tag(text, start, end, from_end=True)
    return phrase if phrase is not None and phrase.end == end else None


def _final_name(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """The name that ends [start, stop) (trailing spaces aside): a mention, else a phrase that resolves."""
    mentions = helpers.mentions
    end = start + len(text[start:stop].rstrip())
    found = mentions.within(max(start, end - 60), end)
    if found and mentions.ends[found[-1]] == end:
        return _name_tag(mentions, found[-1])
    phrase = helpers.phrase_tag(text, max(start, end - 40), end, from_end=True)
    return phrase if phrase is not None and phrase.end == end and phrase.kind == "name" else None


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
        nearest.append((mentions.ends[i], _name_tag(mentions, i)))
    if pronouns:
        last = pronouns[-1]
        nearest.append((start + last.end(),
                        _pronoun_tag(start + last.start(), start + last.end(), last.group(0))))
    immediate = [tag for end, tag in nearest if _IMMEDIATE.fullmatch(text, end, stop)]
    options: list[tuple[int, Tag]] = []
    if found:
        options.append((mentions.starts[found[0]], _name_tag(mentions, found[0])))
    if pronoun:
        options.append((start + pronoun.start(), _pronoun_tag(start + pronoun.start(), start + pronoun.end(),
                                                              pronoun.group(0))))
    if options:
        first = min(options, key=lambda option: option[0])[1]
        if not immediate:  # a name that is no known mention right before the verb ("the Gryphon said")
            phrase = _name_before(text, helpers, max(start, stop - 40), stop)
            if phrase is not None and phrase.start > first.end:
                immediate = [phrase]
        if immediate and (immediate[0].start, immediate[0].end) != (first.start, first.end):
            return None if own_clause else immediate[0]
        if own_clause and _SUBORDINATOR_BEFORE.search(text, max(start, first.start - 12), first.start):
            return None  # '"...," and ran on, when Elinor cried out'
        return first
    resolved = helpers.phrase_tag(text, start, stop, from_end=True)
    if resolved is not None:
        return resolved
    return _description(text, start, stop, person_genders, anchored=False)


def _subject_after(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    """"said Emma", "said he", "said the old man"."""
    mentions, person_genders = helpers.mentions, helpers.person_genders
    found = mentions.within(start, min(stop, start + 40))
    if found:
        i = found[0]
        gap = text[start:mentions.starts[i]]
        if _BEFORE_NAME.fullmatch(gap):
            return _name_tag(mentions, i)
    window = text[start:stop]
    pronoun = _AFTER_VERB_PRONOUN.match(window)
    if pronoun:
        return _pronoun_tag(start + pronoun.start(1), start + pronoun.end(1), pronoun.group(1))
    skip = re.match(rf"{_ADVERBS}\s*", window)
    head = start + (skip.end() if skip else 0)
    resolved = helpers.phrase_tag(text, head, min(stop, start + 50), from_end=False)
    if resolved is not None:
        return resolved
    voice = _VOICE_OF.match(text, head, stop)  # "said the voice of Mr. Syed"
    if voice is not None:
        return _first_name_at(text, helpers, voice.end(), stop)
    return _description(text, head, stop, person_genders, anchored=True)


def _first_name_at(text: str, helpers: _Helpers, start: int, stop: int) -> Tag | None:
    found = helpers.mentions.within(start, start + 1)
    if found:
        return _name_tag(helpers.mentions, found[0])
    phrase = helpers.phrase_tag(text, start, min(stop, start + 40), from_end=False)
    return phrase if phrase is not None and phrase.kind == "name" else None


def _description(text: str, start: int, stop: int, person_genders: dict[str, Gender],
                 anchored: bool) -> Tag | None:
    """"the old lady" / "her brother" / "the stouter man": a determiner and up to three lower-case words.

    The head is the first person word among them ("lady"), else the last word before an adverb,
    a preposition or punctuation; its gender is the description's. ``anchored``: only at ``start``
    (after a verb, where "said a voice", "said one of the women", "said another" and one
    capitalised word, "said the Englishman", describe a speaker too); otherwise the one right
    before ``stop`` (the verb; there those describe a speaker too: "A voice called"), else the
    first that follows no preposition.
    """
    if anchored:
        found = _AFTER_VERB_DETERMINER.match(text, start, stop)
        return _description_at(text, found, stop, person_genders, after_verb=True) if found else None
    options = [tag for found in _DETERMINER.finditer(text, start, stop)
               if (tag := _description_at(text, found, stop, person_genders)) is not None]
    immediate = [tag for tag in options if _IMMEDIATE.fullmatch(text, tag.end, stop)]
    if not immediate:  # right before the verb, as after it: "A voice called", "the Inspector exclaimed"
        immediate = [tag for found in _SUBJECT_DESCRIBER.finditer(text, start, stop)
                     if (tag := _description_at(text, found, stop, person_genders, after_verb=True))
                     is not None and _IMMEDIATE.fullmatch(text, tag.end, stop)][-1:]
    subjects = [tag for tag in options
                if not _PREPOSITION_BEFORE.search(text, max(start, tag.start - 12), tag.start)]
    chosen = immediate or subjects
    return chosen[0] if chosen else None


def _person_gender(word: str, person_genders: dict[str, Gender]) -> Gender | None:
    """The gender of a person word, also possessive, plural or a compound of -man or -woman
    ("mother's", "ladies", "Englishman"); None for a word that names no person."""
    word = word.lower().removesuffix("'s").removesuffix("\u2019s")
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    for form in (word, singular):
        if form in person_genders:
            return person_genders[form]
    if word.endswith(("woman", "women")):
        return "she"
    if word.endswith(("man", "men")) and word not in _NOT_MEN and len(word) > 4:
        return "he"
    return None


def _description_at(text: str, determiner: re.Match[str], stop: int,
                    person_genders: dict[str, Gender], after_verb: bool = False) -> Tag | None:
    words: list[re.Match[str]] = []
    position = determiner.end()
    while len(words) < 3:
        word = _LOWER_WORD.match(text, position, stop)
        if word is None or word.group(1) in _DESCRIPTION_STOP:
            break
        if word.group(1).endswith("ly"):  # an adverb ("the man quietly"), unless it is "the elderly lady"
            following = _LOWER_WORD.match(text, word.end(), stop)
            if following is None or following.group(1) not in person_genders:
                break
        words.append(word)
        position = word.end()
    if not words and after_verb:
        capitalised = _CAPITALISED_HEAD.match(text, determiner.end(), stop)
        if capitalised is not None and determiner.group(0).lower() in ("the", "this", "that"):
            words.append(capitalised)  # "said the Englishman": no name of anyone (else it resolved)
        elif _NOBODY_NAMED.fullmatch(determiner.group(0)):  # "said another", "remarked someone"
            return Tag("description", determiner.start(), determiner.end())
    if not words:
        return None
    voice = next((i for i, w in enumerate(words) if w.group(1) in _SPEAKING_VOICE), None) \
        if after_verb else None
    words = words if voice is None else words[:voice + 1]  # "a voice close to his ear"
    genders = [_person_gender(w.group(1), person_genders) for w in words]
    at = next((i for i, g in enumerate(genders) if g is not None), len(words) - 1)
    head, gender = words[at], genders[at] or "unknown"
    if voice is not None:  # "a man's voice", "a sweet female voice"
        head = words[-1]
        adjectives = (_VOICE_GENDERS[w.group(1)] for w in words if w.group(1) in _VOICE_GENDERS)
        gender = next((g for g in genders if g is not None), next(adjectives, "unknown"))
    elif head.group(1)[0].islower() and genders[at] is None and (
            determiner.group(0).lower() not in _DEFINITE or _SPEECH_NOUN.fullmatch(head.group(1))):
        return None  # "finished this short speech", "said one thing", "repeated the question"
    sentence = _SENTENCE_END.search(text, head.end(), stop)
    reflexive = _REFLEXIVE.search(text, head.end(), sentence.start() if sentence else stop) \
        if gender == "unknown" else None
    if reflexive:  # "muttered the redhead to herself"
        gender = "he" if reflexive.group(0).lower() == "himself" else "she"
    return Tag("description", determiner.start(), head.end(), gender=gender)


def _name_tag(mentions: Mentions, i: int) -> Tag:
    return Tag("name", mentions.starts[i], mentions.ends[i], character=mentions.owners[i])


def _pronoun_tag(start: int, end: int, word: str) -> Tag:
    return Tag("pronoun", start, end, gender=_PRONOUN_GENDER[word.lower()])


def _said_to(text: str, mentions: Mentions, start: int, stop: int) -> str | None:
    for i in mentions.within(start, min(stop, start + 30)):
        if _TO_MENTION.match(text[start:mentions.starts[i]]):
            return mentions.owners[i]
    return None


def _beat(text: str, mentions: Mentions, before: int, start: int, after: int, end: int,
          person_genders: Mapping[str, Gender]) -> Tag | None:
    """The subject opening the sentence next to the quote ("Kurt shrugged. "..."" / ""..." He sighed."),
    a name, a pronoun or an epithet ("The blond laughed. "...""), after an opening phrase or
    clause too ("When she had gone, the blond looked up.")."""
    narration_end = before + len(text[before:start].rstrip(" \t\n\"'\u201c\u201d"))
    last_start = last_sentence_start(text, before, narration_end - 1)
    segments = [(last_start, start), (end, after)]
    if _COMMENT.match(text, last_start) and last_start > before:  # "Natasha smiled. It was not a nice smile."
        segments.insert(1, (last_sentence_start(text, before, last_start - 1), last_start))
    arriving = _ARRIVING_LATER.search(text, last_start, start)  # "Mara had sat down when Lena burst in."
    if arriving and (named := mentions.within(arriving.start(1), arriving.start(1) + 1)):
        return _name_tag(mentions, named[0])
    for lo, hi in segments:
        segment = text[lo:hi]
        if not re.search(r"[A-Za-z]", segment):
            continue
        offset = len(segment) - len(segment.lstrip(" \t\n,.;:!?\u2014-\"'\u201c\u201d"))
        kin = _KIN_BEFORE_NAME.match(segment, offset)  # "My sister Lena leaned out.", "Tilly's brother Rafe"
        offsets = [kin.end(), offset] if kin else [offset]
        opener = _OPENING_PHRASE.match(segment, offset) or _CONNECTIVE.match(segment, offset)
        if opener:  # "Catching his eye, Kurt smiled.", "Then he looked at the dish."
            offsets.append(opener.end())
        for at in offsets:
            pronoun = _SUBJECT_PRONOUN.match(segment, at)
            heard = _HEARD.match(segment, pronoun.end()) if pronoun else None
            named = mentions.within(lo + heard.end(), lo + heard.end() + 1) if heard else []
            if heard and heard.group(1):  # "I heard him throw something.": his line, not the listener's
                return Tag("pronoun", lo + heard.start(1), lo + heard.end(1),
                           gender="he" if heard.group(1).lower() == "him" else "she")
            if named:  # "She could hear Papa pacing."
                return _name_tag(mentions, named[0])
            if pronoun:
                return _pronoun_tag(lo + pronoun.start(), lo + pronoun.end(), pronoun.group(0))
            opening = mentions.within(lo + at, lo + at + 1)
            if opening and not _OWNED_PLACE.match(text, mentions.ends[opening[0]]):
                return _name_tag(mentions, opening[0])
            epithet = _EPITHET_SUBJECT.match(segment, at)
            if epithet and epithet.group(1).lower() in EPITHETS:
                noun = epithet.group(2) or epithet.group(1)
                return Tag("description", lo + epithet.start(), lo + epithet.end(),
                           gender=person_genders.get(noun.lower(), "unknown"))
    return None


# someone coming in later in the sentence before a line, who speaks it: "Mara had barely sat down
# when the door banged open and Lena burst in, breathless."
_ARRIVING_LATER = re.compile(
    r"\b(?:and|when|as|until|before)[ \t\n]+([A-Z][a-z]+)[ \t\n]+(?:\w+ly[ \t\n]+)?"
    r"(?:burst|bursts|came|comes|walked|walks|stepped|steps|strode|strides|hurried|hurries|rushed|rushes|wandered|wanders|strolled|"
    r"strolls|barged|barges|swept|sweeps|bustled|bustles|stumbled|stumbles|marched|marches)[ \t\n]+"
    r"(?:back[ \t\n]+)?(?:in|into|through)\b[^.!?\"\u201c]*[.!?]?[ \t]*$")
_COMMENT = re.compile(r"\s*(?:It|There|This|That)\b")  # a sentence about the one before, with no one in it
# "The captain's cabin smelled of lamp oil.": a place of theirs, where they need not be, is no beat of theirs
_OWNED_PLACE = re.compile(r"['\u2019]s[ \t]+(?:[a-z]+[ \t]+)?(?:room|rooms|cabin|office|house|home|apartment|"
                          r"flat|kitchen|bedroom|study|quarters|tent|shop|studio|garage|garden|yard|farm|estate)\b")


# "My sister Lena", "her best friend Sam", "Tilly's brother Rafe": a name in apposition to a person
# word is the subject, not the one it belongs to
_PERSON_WORDS = "|".join(sorted({*KIN_AND_ROLE_WORDS, "friend", "cousin", "partner", "roommate", "boss"}))
_KIN_BEFORE_NAME = re.compile(
    rf"(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[A-Z][a-z]+['\u2019]s)[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:{_PERSON_WORDS})[ \t]+(?=[A-Z])")
# a beat whose subject only hears someone else ("I heard him throw something.", "She could hear
# Papa pacing"): the one heard is the one at the line; group 1 is the pronoun heard, if one
_HEARD = re.compile(r"[ \t]+(?:could[ \t]+)?(?:heard|hear|hears|listened[ \t]+to)[ \t]+"
                    r"(?:(him|her)\b|(?=[A-Z]))")
_EPITHET_SUBJECT = re.compile(r"[Tt]he[ \t]+([a-z]+)(?:[ \t]+(boy|girl|man|woman|one|lad|kid|guy))?\b")


_CONNECTIVE = re.compile(r"(?:And then|Then|And|But|So|Now|Still|Finally|Suddenly|Instead)[ \t]+")
_OPENING_PHRASE = re.compile(r"(?:[A-Z][a-z]+ing|With|Without|After|Before|At|In|On|For a|Once|When|While|"
                             r"Whilst|As|Although|Though|Until|Till|Since)\b"
                             r"[^,.!?\n\"\u201c]{0,80},\s*")


# "Emma, ...", "..., Emma", "oh Emma", and a quote opening on a conjunction: "And Tobias—" (cut off)
_VOCATIVE_BEFORE = re.compile(r"(?:^[\W_]*(?:(?:and|but|so|now|okay|ok|right)\s+)?|[,;!?]\s*|"
                              r"\b(?:oh|dear|my dear|my)\s+)$", re.IGNORECASE)
_VOCATIVE_AFTER = re.compile(r"^\s*(?:[,;!?.\u2014\u2026]|--|$)")
# a name opening a sentence inside the quote and set off by a comma calls that person ("...no more.
# Mr. Bertram, you are to advise us."), unless an aside or its own pronoun follows: "Miss Fairfax,
# I dare say, would not", "Mr. Knightley, he is", "Mrs. Grant, who knows him" (in PDNC, 82 of 102
# such names are among the quote's gold addressees, most of the rest annotators' omissions)
_SENTENCE_BEFORE = re.compile(r"[.!?]['\"\u2019\u201d]?\s+$")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|St)\.\s+$")
_CALLED_AFTER = re.compile(r",\s+(?!(?:who|whose|which|and|or|he|she|it|they|with|by|in|at|of|though|too|"
                           r"I\s+(?:believe|dare\s+say|daresay|think|suppose|fancy|hope|fear|know|am\s+sure|"
                           r"understand|imagine|am\s+told|hear))\b)", re.IGNORECASE)


def is_vocative(text: str, start: int, end: int, mention_start: int, mention_end: int) -> bool:
    """A name set off by commas or opening/closing the quote: "Emma, listen" / "...listen, Emma."."""
    head = text[max(start, mention_start - 12):mention_start]
    if mention_start - start <= 2:
        head = ""
    honorific = HONORIFIC_SUFFIX.match(text, mention_end, end)  # "Todoroki-kun, wait"
    after = honorific.end() if honorific else mention_end
    tail = text[after:min(end, after + 3)]
    if _SENTENCE_BEFORE.search(head) and not _TITLE_BEFORE.search(head):  # "...no more. Edmund, you"
        return _CALLED_AFTER.match(text, after, end) is not None
    return bool(_VOCATIVE_BEFORE.search(head)) and bool(_VOCATIVE_AFTER.match(tail))

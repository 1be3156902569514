"""Attribution: who says each quotation, to whom, and how we know.

``attribute_quotes(world)`` reads ``text``, ``paragraphs``, ``characters`` (their
exact ``mention_spans``, gender and narrator flag) and ``quotes``; for every quote
of kind speech or thought it fills ``speaker``, ``addressees``, ``type``,
``confidence`` and ``evidence``. Quotes linked by ``continues`` share a speaker.

It works in steps, as the strong systems do:

1. *Cues* (:mod:`.cues`): the narration next to the quote is read for a speech
   tag ("said Emma" / "Emma said" / "he said" / "said the old man" / "She
   turned and said:"), an action beat ("Kurt shrugged."), and the names and
   vocatives inside the quote.
2. *Rules* where the text leaves no doubt: an untagged quote whose paragraph's
   narration opens with a character ("Kurt shrugged. "...""), or a quote after
   another in its paragraph with nothing naming someone else, has one candidate.
3. *Ranking* (:mod:`.ranker`): every character mentioned near the quote, plus
   the recent speakers and the narrator, is scored with those cues and the
   conversation's structure (turns alternate: the speaker of turn n is often
   the speaker of n-2 and rarely of n-1; a name called in one turn is the
   next speaker). Greedy walks decide the quotes in order: forward, backward
   (so a tag reaches the untagged turns before it), then refining walks that
   see the earlier walks' guesses for the turns not yet decided, and know each
   character's voice from them (:mod:`.voices`). The agreement of the last
   forward and backward ones is the confidence.

``type`` is explicit when a tag names the speaker, anaphoric when a tag uses a
pronoun or description, implicit otherwise. Addressees: :mod:`.addressees`. A character
the narration gave no gender whose own lines are tagged "they said" (or she, or he) takes that pronoun.
Cost: bisect windows of mentions and bounded text slices per quote, read once
and shared by the walks, so linear in the text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from ..characters import FAMILY_CALLED, is_title, known_by_description
from ..lexicon import EPITHETS, KIN_AND_ROLE_WORDS, OPPOSITE_EPITHETS, SPEECH_VERBS, person_word_genders
from ..model import Gender, Quote, QuoteType, Span, StoryWorld
from ..scenes.cues import PERCEPTION_AFTER
from ..storytext import Tellers
from .addressees import CONVERSATION_GAP, set_addressees
from .called import learn_called_names, self_naming
from .cues import (
    Mentions,
    NameIndex,
    QuoteCues,
    Tag,
    after_own_pronoun,
    bound_by_pronoun,
    is_vocative,
    last_sentence_start,
    looked_at,
    read_cues,
    vocatives,
)
from .ranker import FEATURES, Ranker, Weights, load_weights, probabilities
from .voices import Fits, Lines

__all__ = ["attribute_quotes", "Decision", "first_guesses", "walk_quotes"]

SPOKEN = ("speech", "thought")
WINDOW = 2500  # characters before a quote whose mentions make candidates
RECENT_TURNS = 30  # turns whose speakers say who has been talking lately
KIN_OWNERS = 3  # she/he named last whose family "said her mother" may be
KIN_REACH = 600  # characters before "her father" in the narration searched for the "her"
REFINEMENTS = 2  # refining walks, each seeing the previous one's guesses for the turns ahead
LOOK_REACH = 600  # characters of narration before a line read for whom someone looks at
FAR_WINDOW = 8000  # characters around a quote whose narration's names are the last candidates
FOLLOWING = 400  # characters after a quote whose mentions make candidates
BOUND_REACH = 300  # characters before a mention searched for the start of its sentence
MAX_CANDIDATES = 12
VOICE_RANGE = 3.0  # how far below the best-fitting candidate's voice a voice still counts
OWN_LINES = 2  # lines tagged "she said" (or he, or they) that give a character of no known gender it
OWN_LINE_CONFIDENCE = 0.7  # ...each attributed with at least this confidence
AGREEMENT_POWER = 0.42  # under a geometric mean's 0.5: calibrated (leave-novels-out ECE 0.012; 0.043 at 0.36)
_FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass
class Decision:
    """One quote to attribute: its candidates, their features and its cues."""

    quote: Quote
    candidates: list[str]
    features: np.ndarray
    cues: QuoteCues

    def belief(self, ranker: Ranker) -> dict[str, float]:
        """How likely each candidate speaks the quote, by ``ranker``."""
        if not self.candidates:
            return {}
        return dict(zip(self.candidates, probabilities(self.features, ranker).tolist(), strict=True))


@dataclass
class _Turn:
    paragraph: int  # its (last) place among the conversations (``_conversation_places``)
    speaker: str | None
    belief: dict[str, float]  # how likely each candidate spoke it, as the walk decided
    named: list[str] = field(default_factory=list)
    vocatives: list[str] = field(default_factory=list)
    addressed: list[str] = field(default_factory=list)  # "said to X" in the turn's tags
    opened: int = field(init=False)  # the place of its first paragraph: a speech may run over several

    def __post_init__(self) -> None:
        self.opened = self.paragraph


@dataclass
class _Ahead:
    """What the next turns' own tags say, before they are decided: who speaks turn n+1 and n+2."""

    vocatives: list[str] = field(default_factory=list)
    next_speaker: str | None = None
    speaker_after_next: str | None = None


@dataclass
class _Context:
    text: str
    mentions: Mentions  # names, and kin descriptions in the narration ("her father": ``_with_kin_mentions``)
    named: Mentions  # names only, which tags and beats read ("said her sister" stays a description)
    genders: dict[str, Gender]
    paragraph_starts: list[int]
    paragraph_ends: list[int]
    person_genders: dict[str, Gender]
    names: NameIndex
    chapter_starts: list[int]
    chapter_leads: list[dict[str, str]]  # per chapter: gender -> its most-named character ("" = anyone)
    narrated: list[bool]  # per mention: it is in the narration, not inside a quote
    subjects: list[bool]  # per mention: it opens a sentence of narration (the likely "he"/"she" after it)
    bound: list[bool]  # per mention: it follows a "he"/"she" of its gender in its sentence ("He left Blaine")
    families: dict[str, tuple[str, frozenset[str]]]  # id -> surname and the titles worn with it
    breaks: list[int]  # where chapters and scenes a marker sets apart ("* * *", "~*~") start
    openings: list[int]  # where scenes a bare marker sets apart start (not "~Theo's POV~": the same people)
    tellers: Tellers  # which narrator tells each part, when several take turns ("~Theo's POV~")
    family_calls: Mentions  # "Mom" called in a line where Mom is a character (no mention of hers)

    def narrator_at(self, position: int) -> str | None:
        return self.tellers.at(position)


def attribute_quotes(world: StoryWorld, weights: Weights | None = None) -> StoryWorld:
    """Fill speaker, addressees, type, confidence and evidence of speech/thought quotes.

    Two walks rank the candidates, one forward and one backward through the text;
    each quote's first guess is the best candidate under both (the product of their
    probabilities), so a tag can settle the untagged turns on either side of it.
    A refining forward walk then decides again, seeing those guesses for the turns
    ahead as well as its own decisions behind; it runs ``REFINEMENTS`` times, each
    on the last one's guesses. A refining backward walk, seeing the last guesses
    for the turns before, has the final say together with it (their agreement), except that
    the lines one epithet tags in a chapter are decided together (``_one_person_per_epithet``).
    ``weights``: the rankers' weights; default the shipped model.
    """
    weights = load_weights() if weights is None else weights
    senders = {q.id: q.evidence[0] for q in world.quotes if q.evidence and q.evidence[0].note == "sender"}
    prepared = _prepare(world)
    guesses = first_guesses(world, weights, prepared)
    ahead: dict[str, tuple[Decision, dict[str, float]]] = {}
    for _ in range(REFINEMENTS):
        ahead = _walk_probabilities(world, prepared, weights.refine, backward=False, guesses=guesses)
        guesses = {quote_id: _best(p)[0] for quote_id, (_, p) in ahead.items()}
    behind = _walk_probabilities(world, prepared, weights.refine_backward, backward=True, guesses=guesses)
    agreed = {quote_id: _agreement(p, behind.get(quote_id, (None, {}))[1])
              for quote_id, (_, p) in ahead.items()}
    decided = {quote_id: _best(p) for quote_id, p in agreed.items()}
    if prepared is not None:
        decided.update(_one_person_per_epithet(prepared, agreed))
    _write(world, prepared, [decision for decision, _ in ahead.values()], decided)
    _gender_from_own_lines(world, prepared)
    _message_senders(world, senders)
    _inner_thoughts(world, prepared)
    if prepared is not None:
        learn_called_names(world, [q for q in prepared.quotes if q.kind == "speech" and not q.continues])
    return world


_CHAT_GAP = re.compile(r"[\s*_]*(?:\[[^\]\n]{1,20}\][ \t]*)?[\s*_]*")  # between a message and the next sender


CHAT_AUDIENCE = 12  # writers a chat message goes to all of; in a larger chat, those writing around it


def _message_senders(world: StoryWorld, senders: dict[str, Span]) -> None:
    """A chat message or a script's line (a quote whose sender the quotes stage found, "Mercedes:
    who ate my pizza", 'Odile: "It's late."'; ``senders``: quote id -> the sender's span) is its
    sender's, explicitly, and goes to the others who write or speak in that chat or script (in a
    chat of more than ``CHAT_AUDIENCE`` writers, to those writing around it: linear in the lines)."""
    if not senders:
        return
    owner = {span.start: c.id for c in world.characters for span in c.mention_spans}
    chats: list[list[Quote]] = []
    previous: Quote | None = None
    for quote in world.quotes:
        sender = senders.get(quote.id)
        if sender is None:
            previous = None
            continue
        if previous is not None and _CHAT_GAP.fullmatch(world.text, previous.end, sender.start):
            chats[-1].append(quote)
        else:
            chats.append([quote])
        previous = quote
        quote.speaker = owner.get(sender.start)
        quote.type, quote.confidence = ("explicit", 1.0) if quote.speaker else (None, 0.0)
        name = world.text[sender.start:sender.end]
        quote.evidence = [Span(start=sender.start, end=sender.end, note=f"sender: {name}")]
    for chat in chats:
        writers = list(dict.fromkeys(q.speaker for q in chat if q.speaker))
        for k, quote in enumerate(chat):
            audience = writers
            if len(writers) > CHAT_AUDIENCE:  # a crowded chat: those writing around the message
                near = chat[max(0, k - CHAT_AUDIENCE):k + CHAT_AUDIENCE + 1]
                audience = list(dict.fromkeys(q.speaker for q in near if q.speaker))
            quote.addressees = [w for w in audience if w != quote.speaker]


_SET_APART = ("italics", "single quotes")  # how the quotes stage says a thought is set apart


def _set_apart(quote: Quote) -> bool:
    """A thought the quotes stage found set apart from the dialogue ("*He can't be serious.*",
    "'Not really,' Harry thought"): no turn of a conversation, so the walks leave it out."""
    return quote.kind == "thought" and bool(quote.evidence) and quote.evidence[0].note in _SET_APART


# Confidence of a thought set apart by what decided it: set by rule, as no annotated text has them.
_THOUGHT_CONFIDENCE = {"tag": 0.95, "pronoun": 0.8, "action beat": 0.8, "narrator": 0.9, "point of view": 0.6}


def _inner_thoughts(world: StoryWorld, prepared: _Prepared | None) -> None:
    """A thought set apart (in italics, or single quotes) is its thinker's: the one its tag or
    the narration of its paragraph names ("*Great,* Kurt thought", "Kurt stared at the ring.
    *He can't be serious.*"), or a first-person narrator's "I"; a "he" or "she" there is the
    scene's point of view when that pronoun fits them (the thinker of the nearest thought
    decided before it in the same scene: by a name first, then by a pronoun), else the last of
    that gender to open a sentence before it; with no tag, the scene's point of view, else a
    first-person narrator, else the character the narration of the scene just before most often
    makes its subject (its first subject counting three times) or has think, feel or notice
    ("Kurt knew"). Said to nobody."""
    thoughts = sorted((q for q in world.quotes if _set_apart(q)), key=lambda q: q.start)
    if not thoughts:
        return
    context = prepared.context if prepared is not None else _context(world)
    ids = {q.id for q in thoughts}
    read = [(q, _cues(context, [q], [_paragraph_of(context, q)], 0))
            for q in thoughts if q.continues not in ids]
    decided = {q.id: _named_thinker(context, cues) for q, cues in read}
    known = sorted((q.start, q.id) for q, _ in read if decided[q.id])  # thoughts decided so far

    def scene_thinker(quote: Quote) -> _Thinker | None:
        """The thinker of the nearest thought decided so far in the quote's scene."""
        section = _chapter_of(context.breaks, quote.start)
        at = bisect_right(known, (quote.start, ""))
        near = [known[k] for k in (at - 1, at) if 0 <= k < len(known)
                and _chapter_of(context.breaks, known[k][0]) == section]
        nearest = min(near, key=lambda k: abs(k[0] - quote.start), default=None)
        return decided[nearest[1]] if nearest is not None else None

    for tagged in (True, False):  # those a pronoun decides first, then the point of view
        for quote, cues in read:
            if decided[quote.id] is None and (cues.tag is not None or cues.beat is not None) == tagged:
                decided[quote.id] = _unnamed_thinker(context, quote, cues, scene_thinker(quote))
                if decided[quote.id]:
                    insort(known, (quote.start, quote.id))
    names = {c.id: c.name for c in world.characters}
    for quote, _ in read:
        thinker, how, cue = decided[quote.id] or (None, "point of view", None)
        quote.speaker, quote.addressees = thinker, []
        quote.confidence = _THOUGHT_CONFIDENCE[how] if thinker else 0.0
        quote.type = None if thinker is None else "explicit" if how == "tag" else \
            "anaphoric" if how == "pronoun" else "implicit"
        start, end = cue or (quote.start, quote.start)
        note = "tag" if how == "pronoun" else how
        said = f"{note}: {names.get(thinker or '')}" if how == "point of view" else \
            f"{note}: {world.text[start:end]}" if cue else note
        quote.evidence = [Span(start=start, end=end, note=said)] if thinker else []
    by_id = {q.id: q for q in thoughts}
    for quote in thoughts:  # a later part ("*Oh no,* he thought. *Not here.*") is the first part's
        head = by_id.get(quote.continues or "")
        if head is not None:
            quote.speaker, quote.type, quote.confidence = head.speaker, head.type, head.confidence
            quote.addressees, quote.evidence = [], list(head.evidence)


_Thinker = tuple[str, str, tuple[int, int] | None]  # who, how it was decided, the words that say so


def _named_thinker(context: _Context, cues: QuoteCues) -> _Thinker | None:
    """The thinker a thought's tag or beat names, or the narrator its "I" is."""
    for cue, how in ((cues.tag, "tag"), (cues.beat, "action beat")):
        if cue is not None and cue.kind == "name" and cue.character:
            return cue.character, how, (cue.start, cue.end)
        if cue is not None and cue.kind == "pronoun" and cue.gender == "I" \
                and (narrator := context.narrator_at(cue.start)):
            return narrator, "pronoun" if how == "tag" else how, (cue.start, cue.end)
    return None


def _unnamed_thinker(context: _Context, quote: Quote, cues: QuoteCues,
                     pov: _Thinker | None) -> _Thinker | None:
    """The thinker of a thought no name or "I" decides; ``pov``: the scene's thinker, if known."""
    for cue, how in ((cues.tag, "pronoun"), (cues.beat, "action beat")):
        if cue is None or cue.kind != "pronoun" or cue.gender not in ("he", "she", "they"):
            continue
        if pov is not None and context.genders.get(pov[0]) == cue.gender:
            return pov[0], how, (cue.start, cue.end)
        nearby = _nearby(context, quote, 0)
        person = nearby.subject_of_gender.get(cue.gender) or nearby.latest_of_gender.get(cue.gender)
        if person:
            return person, how, (cue.start, cue.end)
    if pov is not None:
        return pov[0], "point of view", pov[2]
    if (narrator := context.narrator_at(quote.start)) is not None:
        return narrator, "narrator", None
    focus: Counter[str] = Counter()
    last: dict[str, int] = {}
    previous_break = bisect_right(context.breaks, quote.start) - 1
    section = context.breaks[previous_break] if previous_break >= 0 else 0
    opener = section >= quote.start - WINDOW  # the scene's first subject, seen: whose eyes it is seen through
    for i in context.mentions.within(max(section, quote.start - WINDOW), quote.start):
        if context.narrated[i]:
            owner = context.mentions.owners[i]
            thinks = PERCEPTION_AFTER.match(context.text, context.mentions.ends[i]) is not None
            focus[owner] += context.subjects[i] * (3 if opener else 1) + 2 * thinks
            opener = opener and not context.subjects[i]
            last[owner] = i
    person = max((c for c in focus if focus[c]), key=lambda c: (focus[c], last[c]), default=None)
    if person is None:
        return None
    named = last[person]
    return person, "point of view", (context.mentions.starts[named], context.mentions.ends[named])


_OWN_PRONOUNS: dict[str, Gender] = {"he": "he", "she": "she", "they": "they"}


def _gender_from_own_lines(world: StoryWorld, prepared: _Prepared | None) -> None:
    """A character the narration gave no gender, whose own lines its tags and beats call by one
    pronoun only ("she", "he" or "they"; ``OWN_LINES`` times, with confidence), takes it: a
    nonbinary character's pronoun, or a newcomer's, is often only there ('"Pass me the pipette?"
    they mutter.'). Only the output changes: the lines were decided without it."""
    if prepared is None:
        return
    called: dict[str, Counter[Gender]] = defaultdict(Counter)
    for quote, cues in zip(prepared.quotes, prepared.cues, strict=True):
        cue = cues.tag or cues.beat
        if quote.speaker and quote.continues is None and cue is not None and cue.kind == "pronoun" \
                and cue.gender in _OWN_PRONOUNS \
                and quote.confidence is not None and quote.confidence >= OWN_LINE_CONFIDENCE:
            called[quote.speaker][_OWN_PRONOUNS[cue.gender]] += 1
    for character in world.characters:
        said = called.get(character.id)
        if character.gender == "unknown" and said and len(said) == 1:
            gender, lines = said.most_common(1)[0]
            if lines >= OWN_LINES:
                character.gender = gender


def first_guesses(world: StoryWorld, weights: Weights,
                  prepared: _Prepared | None = None) -> dict[str, str | None]:
    """Each spoken quote's speaker as the forward and backward walks agree on it (quote id -> id)."""
    prepared = prepared or _prepare(world)
    forward = _walk_probabilities(world, prepared, weights.forward, backward=False)
    backward = _walk_probabilities(world, prepared, weights.backward, backward=True)
    return {quote_id: _best(_agreement(p, backward.get(quote_id, (None, {}))[1]))[0]
            for quote_id, (_, p) in forward.items()}


def _walk_probabilities(world: StoryWorld, prepared: _Prepared | None, ranker: Ranker, backward: bool,
                        guesses: dict[str, str | None] | None = None,
                        ) -> dict[str, tuple[Decision, dict[str, float]]]:
    """One greedy walk: each decided quote's candidates with their probabilities."""
    result: dict[str, tuple[Decision, dict[str, float]]] = {}

    def choose(decision: Decision) -> dict[str, float]:
        belief = decision.belief(ranker)
        result[decision.quote.id] = (decision, belief)
        return belief

    walk_quotes(world, choose, backward=backward, prepared=prepared, guesses=guesses)
    return result


# Words that keep a description from naming one person the chapter goes on calling so ("the other",
# "the first", "the voice", "the crowd"); a plural ("the others", "the ladies") is a group too.
_NOT_ONE_PERSON = frozenset({"other", "another", "one", "first", "second", "third", "last", "next",
                             "voice", "crowd", "audience", "company", "party", "mob", "group", "rest"})


def _one_person_per_epithet(prepared: _Prepared, agreed: dict[str, dict[str, float]],
                            ) -> dict[str, tuple[str | None, float]]:
    """Within a chapter, the quotes tagged with one epithet ("said the taller boy", ``EPITHETS``,
    a capitalised word that names nobody: "said the Slytherin", or any description of one
    person: "said the old gentleman", ``_describes_one``), or whose action beat opens
    with it, are one person's: the candidate their probabilities
    favour together (summed). Epithets that set people apart ("the older woman", "the younger
    detective": ``OPPOSITE_EPITHETS``) are two people: the surer group is decided first and its
    person is not the other's. Each quote keeps its own probability for its person as its
    confidence. Quote id -> (speaker, confidence)."""
    tagged: dict[tuple[int, str], list[str]] = defaultdict(list)
    for quote, cues in zip(prepared.quotes, prepared.cues, strict=True):
        tag = cues.tag if cues.tag is not None else cues.beat  # "The blond laughed. "...""
        if tag is None or tag.kind != "description" or quote.id not in agreed:
            continue
        phrase = prepared.context.text[tag.start:tag.end]
        words = phrase.lower().split()
        if EPITHETS & set(words) or any(w[0].isupper() for w in phrase.split()[1:]) or _describes_one(words):
            chapter = _chapter_of(prepared.context.chapter_starts, quote.start)
            tagged[chapter, " ".join(words)].append(quote.id)
    together: dict[tuple[int, str], Counter[str]] = {}
    for key, quote_ids in tagged.items():
        together[key] = Counter()
        for quote_id in quote_ids:
            together[key].update(agreed[quote_id])
    taken: dict[tuple[int, str], str] = {}  # (chapter, epithet word) -> its person
    decided: dict[str, tuple[str | None, float]] = {}
    for key in sorted(together, key=lambda k: -max(together[k].values(), default=0) / len(tagged[k])):
        chapter, phrase = key
        contrasts = set(phrase.split()) & OPPOSITE_EPITHETS.keys()
        excluded = {taken[chapter, OPPOSITE_EPITHETS[word]] for word in contrasts
                    if (chapter, OPPOSITE_EPITHETS[word]) in taken}
        allowed = [c for c in together[key] if c not in excluded]
        if not allowed:
            continue
        person = max(allowed, key=lambda c: together[key][c])
        taken.update({(chapter, word): person for word in contrasts})
        if len(tagged[key]) > 1 or excluded:
            decided.update({quote_id: (person, agreed[quote_id].get(person, 0.0))
                            for quote_id in tagged[key]})
    return decided


def _describes_one(words: list[str]) -> bool:
    """"the old gentleman", "the stranger": one person, whom a chapter's tags go on calling so
    (in PDNC, deciding them together put 30 lines right and 18 wrong); not "her mother" (kin:
    ``_kin``), "a voice", "the other", nor a group ("the others", "the crowd")."""
    head = words[-1]
    return words[0] == "the" and not _NOT_ONE_PERSON & set(words) and not (head.endswith("s")
                                                                           and not head.endswith("ss"))


def _best(probabilities: dict[str, float]) -> tuple[str | None, float]:
    """The most probable speaker and its probability (none without candidates)."""
    if not probabilities:
        return None, 0.0
    best = max(probabilities, key=lambda c: probabilities[c])
    return best, probabilities[best]


def _agreement(forward: dict[str, float], backward: dict[str, float]) -> dict[str, float]:
    """How far two walks agree on each candidate: the product of their probabilities to the power
    ``AGREEMENT_POWER``, normalised (its best is the candidate with the largest product)."""
    floor = 1e-3  # a candidate one walk did not consider
    scores = {c: (forward.get(c, floor) * backward.get(c, floor)) ** AGREEMENT_POWER
              for c in (*forward, *backward)}
    total = sum(scores.values()) or 1.0
    return {c: score / total for c, score in scores.items()}


@dataclass
class _Nearby:
    """Who is named around one quote, which every walk reads the same way."""

    quote_start: int
    recent: list[str]  # named in the WINDOW before it, the latest first (in the narration, then in quotes)
    recency: dict[str, float]  # decays with the characters since each was last named
    counts: dict[str, int]
    latest_of_gender: dict[str, str]  # the last of each gender named in narration, not after its own "he"
    subject_of_gender: dict[str, str]  # the latest of each gender to open a sentence of narration
    named_after: list[str]
    named_since_last_quote: list[str]  # named in the narration between the previous quote and this one
    lead: dict[str, str]  # the chapter's most-named character of each gender
    farther: list[str]  # named in the narration within ``FAR_WINDOW`` before or after it: candidates too
    last_subject: str | None = None  # the last to open a sentence of the narration since the previous quote


@dataclass
class _Prepared:
    """What every walk shares: the quotes in text order, their paragraphs, cues and surroundings."""

    context: _Context
    quotes: list[Quote]
    paragraphs: list[int]
    places: list[int]  # each quote's paragraph, counted so that no conversation runs across chapters
    cues: list[QuoteCues]
    nearby: list[_Nearby]
    lines: Lines  # the quotes' words, for their voices
    voices: Fits  # how much each quote sounds like each character: from the tags, or from guesses
    gone: list[frozenset[str]]  # per quote: who the narration has seen leave, not named since (``_gone``)


def _prepare(world: StoryWorld) -> _Prepared | None:
    quotes = sorted((q for q in world.quotes if q.kind in SPOKEN and not _set_apart(q)),
                    key=lambda q: q.start)
    if not quotes:
        return None
    context = _context(world)
    paragraphs = [_paragraph_of(context, q) for q in quotes]
    cues = [_cues(context, quotes, paragraphs, i) for i in range(len(quotes))]
    for i in range(1, len(quotes)):  # "'Hi,' Rhys said, and Tom jumped." does not introduce Tom's reply,
        # nor does a line's own words ('"Told you," I said.': no "told you" tag for the next)
        tag = cues[i].tag
        spent = {earlier.tag.start for earlier in cues[max(0, i - 3):i] if earlier.tag is not None}
        if tag is None or tag.start >= context.paragraph_starts[paragraphs[i]]:
            continue
        if tag.start in spent or any(q.start <= tag.start < q.end for q in quotes[max(0, i - 3):i]):
            cues[i] = _cues(context, quotes, paragraphs, i, lead_in=False)
    nearby = [_nearby(context, q, quotes[i - 1].end if i else 0) for i, q in enumerate(quotes)]
    lines = Lines([world.text[q.start:q.end] for q in quotes])
    named = [c.tag.character if c.tag is not None and c.tag.kind == "name" else None for c in cues]
    departures = _departures(context, quotes)
    places = _conversation_places(context, quotes, paragraphs, departures)
    ends = [departure.end for departure in departures]
    return _Prepared(context, quotes, paragraphs, places, cues, nearby, lines, lines.fits(named),
                     [_gone(context, quote, departures[bisect_right(ends, quote.start - GONE_REACH):
                                                      bisect_right(ends, quote.start)])
                      | _silent(context, quotes[i - 1].end if i else 0, quote)
                      for i, quote in enumerate(quotes)])


def _conversation_places(context: _Context, quotes: list[Quote], paragraphs: list[int],
                         departures: list[_Departure]) -> list[int]:
    """Each quote's paragraph number, with ``CONVERSATION_GAP`` more paragraphs counted at every
    chapter start, or scene a marker sets apart ("~*~"), before it: turns on either side of such a
    break are never one conversation, whose last speakers would stand for the new scene's first ones.
    Someone coming in ("Kurt slid the door to his apartment shut.") or leaving ("Professor Hale moved
    on to the next table.") between two quotes' paragraphs begins a new exchange too. A quote with
    nothing but space between it and the last one of its paragraph ('"No." "Yes." "Keys."') is a
    turn of its own, counted as a paragraph more: a writer who meant one speaker would have closed
    neither."""
    breaks, paragraph_starts = context.breaks, context.paragraph_starts
    leaving = [departure.start for departure in departures]
    places, exchanges, rapid = [], 0, 0
    for i, paragraph in enumerate(paragraphs):
        if i and paragraph == paragraphs[i - 1] and quotes[i].continues is None \
                and not context.text[quotes[i - 1].end:quotes[i].start].strip():
            rapid += 1
        if i and paragraph != paragraphs[i - 1] and (
                any(_arrives(context, paragraph_starts[p]) for p in range(paragraphs[i - 1] + 1, paragraph))
                or bisect_left(leaving, paragraph_starts[paragraph]) > bisect_left(
                    leaving, paragraph_starts[paragraphs[i - 1]])):
            exchanges += 1
        section = _chapter_of(breaks, paragraph_starts[paragraph]) + exchanges
        places.append(paragraph + rapid + CONVERSATION_GAP * section)
    return places


_ARRIVAL = re.compile(
    r"((?:An?|The)\s+[a-z]+|[A-Z][a-z]+|He|She)\s+(?:\w+ly\s+)?(?:(?:slid|slides|pushed|pushes|shoved|shoves|"
    r"kicked|kicks|swung|swings|eased|eases|opened|opens|unlocked|unlocks)\s+(?:the|his|her)\s+(?:[\w-]+\s+){0,4}?door"
    r"|(?:[^.!?\"\u201c\n]{0,80}?\band\s+)?(?:walked|walks|came|comes|stepped|steps|burst|bursts|strode|strides|"
    r"wandered|wanders|hurried|hurries|strolled|strolls|sauntered|saunters|bustled|bustles)\s+"
    r"(?:in\b|over(?=\s*(?:[,.;!?]|to\b|and\b))|(?:into|through)\s+(?:the|a|his|her|their)\s)"
    r"|(?:came|comes|got|gets|arrived|arrives)\s+(?:back\s+)?home\b|arrived\b|arrives\b"
    r"|lets?\s+(?:him|her)self\s+in\b)")


def _arrives(context: _Context, start: int) -> bool:
    """Whether a paragraph opens with a character (by name, by a description the characters stage
    made one of: "A nurse bustles in", or "He"/"She") coming in or home."""
    arrival = _ARRIVAL.match(context.text, start)
    return arrival is not None and (arrival.group(1) in ("He", "She")
                                    or bool(context.named.within(start, start + 1)))


_DEPARTURE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"\u201d]\s))([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|He|She|The\s+[a-z]+)\s+"
    r"(?:\w+ly\s+)?(?:was\s+gone\b|(?:left|leaves)\s+(?:the\s+(?:room|house|kitchen|office|shop|building|"
    r"apartment|flat|party|library|classroom|table)\b|without\b|(?:them|us)\b)"
    r"|(?:walked|walks|strode|strides|stormed|storms|marched|marches|stalked|stalks|stomped|stomps|swept|sweeps|"
    r"hurried|hurries|slipped|slips|went|goes|headed|heads)\s+(?:out\b|off\b|away\b|home\b)"
    r"|(?:moved|moves)\s+on\s+to\b|(?:hung|hangs)\s+up\b|quitted\s+the\s+room\b)", re.MULTILINE)


@dataclass
class _Departure:
    start: int
    end: int  # of its clause: "Fanny left the room with a very sorrowful heart;"
    who: str | None  # the character named as its subject; None for "He", "She" or a description


def _departures(context: _Context, quotes: list[Quote]) -> list[_Departure]:
    """Where the narration has someone leave: by name, "He"/"She" or a description ("The waitress
    headed off"), never inside a quote."""
    starts = [quote.start for quote in quotes]
    found = []
    for departure in _DEPARTURE.finditer(context.text):
        i = bisect_right(starts, departure.start()) - 1
        if i >= 0 and quotes[i].end > departure.start():
            continue
        named = context.named.within(departure.start(), departure.end(1))
        clause = _CLAUSE_END.search(context.text, departure.end())
        found.append(_Departure(departure.start(), clause.end() if clause else len(context.text),
                                context.named.owners[named[-1]] if named else None))
    return found


_CLAUSE_END = re.compile(r"[.;!?]|\n\s*\n")
_SUBJECT_PRONOUNS = {"he": re.compile(r"\b[Hh]e\b"), "she": re.compile(r"\b[Ss]he\b")}


GONE_REACH = 3000  # characters after a departure in which the one who left is no speaker (unless named again)


def _gone(context: _Context, quote: Quote, departures: list[_Departure]) -> frozenset[str]:
    """Who left before this quote ("Marguerite left the way she had come."; ``departures``: those
    within ``GONE_REACH`` before it), with no chapter or scene break since, and whom the narration
    has not named or followed since ("Fanny left the room ...; she could not ... As soon as she
    met with Edmund"): no speaker of it."""
    gone = set()
    section = _chapter_of(context.breaks, quote.start)
    for departure in departures:
        if departure.who is None or _chapter_of(context.breaks, departure.start) != section:
            continue
        since = context.mentions.within(departure.end, quote.start)
        pronoun = _SUBJECT_PRONOUNS.get(context.genders.get(departure.who, "unknown"))
        if not any(context.mentions.owners[i] == departure.who and context.narrated[i] for i in since) \
                and not (pronoun and pronoun.search(context.text, departure.end, quote.start)):
            gone.add(departure.who)
    return frozenset(gone)


_SILENCE = re.compile(r"[ \t]+(?:(?:did not|didn['\u2019]t|does not|doesn['\u2019]t|could not|"
                      r"couldn['\u2019]t)[ \t]+(?:answer|reply|respond|speak)"
                      r"|(?:made|makes|gave|gives)[ \t]+no[ \t]+(?:answer|reply)"
                      r"|(?:said|says)[ \t]+nothing)\b[^.!?\"\u201c\n]{0,60}[.!?][ \t]*\n?[ \t]*\n?[ \t]*$")


def _silent(context: _Context, previous_end: int, quote: Quote) -> frozenset[str]:
    """Who the narration's last sentence before a line says did not answer ("Jesse didn't answer.",
    "Elizabeth made no answer."): not the speaker of that line, unless its tag names them."""
    found = context.named.within(max(previous_end, quote.start - 200), quote.start)
    if not found:
        return frozenset()
    i = found[-1]
    silent = _SILENCE.match(context.text, context.named.ends[i], quote.start)
    return frozenset({context.named.owners[i]}) if silent else frozenset()


def _nearby(context: _Context, quote: Quote, previous_end: int) -> _Nearby:
    """``previous_end``: where the quote before this one ends. Names before a scene break a bare
    marker sets apart ("***") are no one's recent mention: the new scene may be other people's."""
    reach = max(quote.start - WINDOW, _scene_opening(context, quote.start))
    window = context.mentions.within(reach, quote.start)
    between = context.mentions.within(max(previous_end, reach), quote.start)
    last_seen: dict[str, int] = {}  # named in the narration: there, or thought of
    talked_of: dict[str, int] = {}  # named only inside quotes: talked about, often elsewhere
    counts: dict[str, int] = {}
    subject_of_gender: dict[str, str] = {}
    latest_of_gender: dict[str, str] = {}
    for i in window:
        owner = context.mentions.owners[i]
        if not context.narrated[i]:
            talked_of[owner] = context.mentions.starts[i]
            continue
        last_seen[owner] = context.mentions.starts[i]
        counts[owner] = counts.get(owner, 0) + 1
        if context.subjects[i]:
            subject_of_gender[context.genders.get(owner, "unknown")] = owner
        if not context.bound[i]:
            latest_of_gender[context.genders.get(owner, "unknown")] = owner
    following = context.mentions.within(quote.end, quote.end + FOLLOWING)
    last_subject = next((context.mentions.owners[i] for i in reversed(between)
                         if context.narrated[i] and context.subjects[i]), None)
    recency = {owner: math.exp(-(quote.start - seen) / 800) for owner, seen in last_seen.items()}
    recent = sorted(last_seen, key=lambda owner: -last_seen[owner]) + \
        sorted(set(talked_of) - set(last_seen), key=lambda owner: -talked_of[owner])
    return _Nearby(quote.start, recent, recency, counts,
                   latest_of_gender, subject_of_gender,
                   list(dict.fromkeys(context.mentions.owners[i] for i in following if context.narrated[i])),
                   list(dict.fromkeys(context.mentions.owners[i] for i in between)),
                   context.chapter_leads[_chapter_of(context.chapter_starts, quote.start)],
                   _named_farther(context, quote), last_subject)


def _scene_opening(context: _Context, position: int) -> int:
    """Where the scene a bare marker set apart ("***", "~~~") that holds ``position`` begins; 0
    when a chapter has begun since (or there is none)."""
    k = bisect_right(context.openings, position) - 1
    if k < 0:
        return 0
    start = context.openings[k]
    return 0 if bisect_right(context.chapter_starts, position) > bisect_right(context.chapter_starts, start) \
        else start


def _named_farther(context: _Context, quote: Quote) -> list[str]:
    """Who the narration names within ``FAR_WINDOW`` before the quote, the latest first, then
    within ``FAR_WINDOW`` after it, the nearest first (none before a bare marker's scene break:
    ``_nearby``): a speaker the last page only calls "she" ("he asked her to tea") is often named
    a little further off."""
    mentions = context.mentions
    reach = max(quote.start - FAR_WINDOW, _scene_opening(context, quote.start))
    before = [mentions.owners[i] for i in reversed(mentions.within(reach, quote.start))
              if context.narrated[i]]
    after = [mentions.owners[i] for i in mentions.within(quote.end, quote.end + FAR_WINDOW)
             if context.narrated[i]]
    return list(dict.fromkeys(before + after))



def walk_quotes(world: StoryWorld, choose: Callable[[Decision], dict[str, float]], backward: bool = False,
                prepared: _Prepared | None = None,
                guesses: dict[str, str | None] | None = None) -> list[Decision]:
    """Visit the spoken quotes in order, asking ``choose`` how likely each candidate is to speak
    (shared with training); the walk goes on with the most likely one.

    ``backward`` visits them from the last to the first, so "the previous turn" is
    the next one in the text: explicit tags then reach back over the untagged
    turns before them. Continuations are not decided: they take the speaker of
    the quote they continue. ``guesses`` (quote id -> speaker, from an earlier
    pass) stand for the turns ahead; without them, the turns ahead are known only
    by the names in their tags.
    """
    prepared = prepared or _prepare(world)
    if prepared is None:
        return []
    if guesses:
        prepared = _voiced(prepared, guesses)
    context, quotes, paragraphs, cues = prepared.context, prepared.quotes, prepared.paragraphs, prepared.cues
    places = prepared.places  # paragraphs as conversations count them; ``paragraphs`` index the text
    nearby = prepared.nearby
    by_id = {q.id: q for q in quotes}
    order = list(range(len(quotes)))[::-1] if backward else list(range(len(quotes)))
    looked = _look_ahead([places[i] for i in order], [cues[i] for i in order],
                         [guesses.get(_head(quotes[i], by_id).id) for i in order] if guesses else None)
    ahead = dict(zip(order, looked, strict=True))
    turns: list[_Turn] = []
    beliefs: dict[str, dict[str, float]] = {}  # by head quote id
    decisions: list[Decision] = []
    for i in order:
        quote = quotes[i]
        head = _head(quote, by_id)
        if head is not quote:
            belief = beliefs.get(head.id, {})
        else:
            candidates = _candidates(context, cues[i], nearby[i], turns, places[i], ahead[i])
            kept = _script_sender(context, quote) or _introduces_self(context, cues[i], quote) \
                or _beat_speaker(context, cues[i], quote, context.paragraph_starts[paragraphs[i]]) \
                or (None if backward else _same_speaker_goes_on(cues[i], turns, places[i]))
            acted_on = _acted_on_by_beat(context, cues[i], quote, turns, places[i],
                                         nearby[i].latest_of_gender)
            tag = cues[i].tag
            absent = prepared.gone[i] - {tag.character if tag is not None else None}
            teller = context.narrator_at(quote.start)
            if teller is not None and _told_of_in_third_person(cues[i]):  # "he says" in Harper's part
                absent |= {teller}
            candidates = [kept] if kept else [c for c in candidates if c != acted_on and c not in absent] \
                or candidates
            features = _features(context, cues[i], nearby[i], candidates, turns, places[i], ahead[i],
                                 prepared.voices.of(i, candidates))
            decision = Decision(quote, candidates, features, cues[i])
            decisions.append(decision)
            belief = beliefs[quote.id] = choose(decision)
        speaker = _best(belief)[0]
        if turns and head is not quote and turns[-1].paragraph != places[i] and turns[-1].speaker == speaker:
            turns[-1].paragraph = places[i]  # a speech over several paragraphs is one turn, not three
        elif not turns or turns[-1].paragraph != places[i]:
            turns.append(_Turn(places[i], speaker, belief))
        turn = turns[-1]
        turn.named.extend(cues[i].named_inside)
        turn.vocatives.extend(cues[i].vocatives)
        turn.speaker = turn.speaker or speaker
        tag = cues[i].tag
        if tag is not None and tag.addressee:
            turn.addressed.append(tag.addressee)
        turn.addressed.extend(c for c in cues[i].looked_at if c != turn.speaker)
    return decisions


def _told_of_in_third_person(cues: QuoteCues) -> bool:
    """Whether the line's tag, or with no tag its beat, is a "he" or "she": never the "I" who
    tells that part of the story."""
    cue = cues.tag if cues.tag is not None else cues.beat
    return cue is not None and cue.kind == "pronoun" and cue.gender in ("he", "she")


def _script_sender(context: _Context, quote: Quote) -> str | None:
    """A script's line ('Odile: "It's two in the morning."', found by the quotes stage) is its sender's."""
    if not quote.evidence or quote.evidence[0].note != "sender":
        return None
    found = context.named.within(quote.evidence[0].start, quote.evidence[0].start + 1)
    return context.named.owners[found[0]] if found else None


def _voiced(prepared: _Prepared, guesses: dict[str, str | None]) -> _Prepared:
    """The prepared quotes with voices from an earlier walk's guesses for every line, not the tags'
    alone: fuller voices (leave-novels-out +0.5 / +0.6 points with the gold cast over the tags' own)."""
    by_id = {q.id: q for q in prepared.quotes}
    guessed = [guesses.get(_head(q, by_id).id) for q in prepared.quotes]
    return replace(prepared, voices=prepared.lines.fits(guessed))


def _head(quote: Quote, by_id: dict[str, Quote]) -> Quote:
    seen = 0
    while quote.continues in by_id and seen < 50:
        quote = by_id[quote.continues]
        seen += 1
    return quote


_NARRATOR_OBJECTS = frozenset({"me", "my", "mine", "myself", "your", "yours", "yourself"})


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
    narrators = {c.id for c in world.characters if c.narrator}
    # the narrator's "my" and "me" ("your" for a second-person story's reader) name no speaker:
    # '"You're late," my father said.' is not the narrator's
    ordered = sorted((span, owner) for span, owner in owner_of.items() if owner not in narrators
                     or world.text[span[0]:span[1]].lower() not in _NARRATOR_OBJECTS)
    mentions = Mentions([s for (s, _), _ in ordered], [e for (_, e), _ in ordered], [o for _, o in ordered])
    starts, ends = _paragraph_bounds(world)
    genders = {c.id: c.gender for c in world.characters}
    families = _families(world)
    named, mentions = mentions, _with_kin_mentions(world.text, sorted(world.quotes, key=lambda q: q.start),
                                                   mentions, genders, families)
    chapter_starts = [c.start for c in world.chapters] or [0]
    narrated, subjects = _narrated_and_subjects(world, mentions)
    bound = [narrated[i] and after_own_pronoun(world.text, genders.get(owner, ""),
                                               max(0, start - BOUND_REACH), start)
             for i, (start, owner) in enumerate(zip(mentions.starts, mentions.owners, strict=True))]
    for i, (start, end) in enumerate(zip(mentions.starts, mentions.ends, strict=True)):
        if mentions.owners[i] in narrators and world.text[start:end] in ("I", "you", "You"):  # no he/she
            bound[i], subjects[i] = True, False
        owner = _OWNER_APPOSITIVE.match(world.text, end)  # "Millie, her lymphatic maid,": "her" is another
        if owner and _POSSESSIVE_GENDER[owner.group(1).lower()] == genders.get(mentions.owners[i]):
            bound[i], subjects[i] = True, False  # the next "she" is the owner's
    return _Context(world.text, mentions, named, genders, starts, ends, person_word_genders(),
                    NameIndex({c.id: [c.name, *c.aliases] for c in world.characters}, genders),
                    chapter_starts, _chapter_leads(mentions, genders, chapter_starts, narrated),
                    narrated, subjects, bound, families,
                    sorted({*chapter_starts, *(s.start for s in world.scenes if s.break_ == "marker")}),
                    sorted(s.start for s in world.scenes if s.break_ == "marker" and not s.pov_stated),
                    Tellers(world), _family_calls(world))


def _family_calls(world: StoryWorld) -> Mentions:
    """'"Mom, he said die."': a line calling "Mom" where Mom is a character (the characters stage
    counts such words in the narration only) calls her, so it is not hers; but not after a paragraph
    opening with another such character ('Dad took the gravy boat. "Mum, the doctor said-"': his
    own mother)."""
    called = {name: c.id for c in world.characters for name in (c.name, *c.aliases) if name in FAMILY_CALLED}
    pattern = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, called)))) if called else None
    starts = [paragraph.start for paragraph in world.paragraphs]

    def opener(quote: Quote) -> str | None:  # the family word opening the line's paragraph, if any
        lead = world.text[starts[max(0, bisect_right(starts, quote.start) - 1)] if starts else 0:quote.start]
        found = pattern.match(lead.lstrip()) if pattern is not None else None
        return found.group() if found else None

    calls = sorted((found.start(), found.end(), called[found.group()])
                   for quote in world.quotes if pattern is not None
                   for found in pattern.finditer(world.text, quote.start, quote.end)
                   if is_vocative(world.text, quote.start, quote.end, found.start(), found.end())
                   and opener(quote) in (None, found.group()))
    return Mentions([s for s, _, _ in calls], [e for _, e, _ in calls], [o for _, _, o in calls])


_OWNER_APPOSITIVE = re.compile(r",[ \t\n]+(his|her|His|Her)[ \t\n]+(?:[\w-]+[ \t\n]+){0,2}?[\w-]+,")
_POSSESSIVE_GENDER = {"his": "he", "her": "she"}
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?;]['\"\u201d\u2019]?\s+|\n\s*\n\s*)"
                               r"(?:(?:and|but|then|so|when|while|yet|now|at last)\s+)?(?:the\s+)?$",
                               re.IGNORECASE)  # "The Invisible Man appeared to be regarding Kemp."
# an opening phrase before a sentence's first name: "After they had sat an hour, Mr. Palmer ..."
_OPENING_PHRASE = re.compile(r"\s*[A-Z][^.!?;:\"\u201c\u201d\n]{2,150},\s*$")
OPENING_REACH = 160  # characters before a name searched for its sentence's opening phrase


# "dined at Mrs. Goddard's, where ...": a possessive standing for someone's house names no one present
_PLACE_BEFORE = re.compile(r"\b(?:at|to|from|near|into|towards?|reached|visit|visited|left)\s+(?:the\s+)?$")
_HOUSE_AFTER = re.compile(r"['\u2019]s?(?=[^\w\s]"
                          r"|\s+(?:and|or|but|where|when|which|that|for|with|in|on|to)\b)")
_OWNED_PEOPLE = {"friend", "friends", "boss", "partner", "roommate", "companion", "cousin", "child",
                 "children", "guest", "guests", "servant", "servants", "parents", "family", "colleague",
                 "teacher", "people"}
_OWNED = re.compile(r"['\u2019]s\s+(?:(?:own|old|young|little|elder|younger|best|dear)\s+)?([A-Za-z]+)")


def _narrated_and_subjects(world: StoryWorld, mentions: Mentions) -> tuple[list[bool], list[bool]]:
    """Which mentions are in the narration (a name inside a quote is often someone talked about,
    not there), and which open a sentence of it, or follow its opening phrase ("After an hour,
    Mr. Palmer sauntered over."): the centre of attention a following pronoun most often
    continues ("Emma felt that Mrs. Weston was watching. She replied, ...")."""
    text = world.text
    quote_starts = [q.start for q in world.quotes]
    quote_ends = [q.end for q in world.quotes]
    people = person_word_genders().keys() | KIN_AND_ROLE_WORDS.keys() | _OWNED_PEOPLE
    narrated, subjects = [], []
    previous_start = -1
    for start, end in zip(mentions.starts, mentions.ends, strict=True):
        inside = bisect_right(quote_starts, start) - 1
        in_narration = inside < 0 or quote_ends[inside] <= start
        owned = _OWNED.match(text, end)  # "Kurt's smile faded.": Kurt; "Emma's father said": not Emma
        house = _HOUSE_AFTER.match(text, end) and _PLACE_BEFORE.search(text, max(0, start - 20), start)
        narrated.append(in_narration and not house)
        opens = _SENTENCE_OPENING.search(text, max(0, start - 40), start) is not None
        if in_narration and not opens:
            reach = max(0, start - OPENING_REACH)
            sentence_start = last_sentence_start(text, reach, start)
            opens = (sentence_start > reach or reach == 0) and previous_start < sentence_start \
                and _OPENING_PHRASE.match(text, sentence_start, start) is not None
        subjects.append(in_narration and opens and not (owned and owned.group(1).lower() in people))
        previous_start = start
    return narrated, subjects


_TITLED = re.compile(r"^(?:(Mrs|Mr|Miss|Ms|Lady|Sir|Lord|Aunt|Uncle|Dr)\.?\s+)?"
                     r"(?:[A-Z][\w'-]*\s+)*([A-Z][\w'-]+)$")


def _families(world: StoryWorld) -> dict[str, tuple[str, frozenset[str]]]:
    """Each character's surname (the last word of a name of two words or more) and the titles
    worn with it: "Mrs. Bennet" is a Bennet with "Mrs"."""
    families: dict[str, tuple[str, frozenset[str]]] = {}
    for character in world.characters:
        surname, titles = "", set()
        for name in (character.name, *character.aliases):
            found = _TITLED.match(name.strip())
            if found and len(name.split()) > 1:
                surname = surname or found.group(2)
                if found.group(2) == surname and found.group(1):
                    titles.add(found.group(1))
        if surname:
            families[character.id] = (surname, frozenset(titles))
    return families


# "said her mother": the kin word, the gender it carries, and the titles its holder wears (none: any)
_KIN_TITLES = {"mother": ("she", {"Mrs", "Lady"}), "wife": ("she", {"Mrs", "Lady"}),
               "father": ("he", {"Mr", "Sir", "Lord"}), "husband": ("he", {"Mr", "Sir", "Lord"}),
               "sister": ("she", set()), "daughter": ("she", set()), "brother": ("he", set()),
               "son": ("he", set())}
_KIN_WORDS = "|".join(_KIN_TITLES)
_KIN_TAG = re.compile(rf"(her|his)\s+(?:[a-z]+\s+)?({_KIN_WORDS})\b", re.IGNORECASE)
_KIN_MENTION = re.compile(rf"\b{_KIN_TAG.pattern}(?!-)", re.IGNORECASE)  # not "her brother-in-law"
_OWNED_KIN = re.compile(rf"['\u2019]s\s+(?:[a-z]+\s+)?({_KIN_WORDS})\b(?!-)")  # "Emma's father"


def _kin(context: _Context, cue: Tag, nearby: _Nearby) -> list[str]:
    """Who "her mother" / "his brother" is: of the family of the "she"/"he" the narration is about
    (its last sentence-opening she/he, else the latest named of the ``KIN_OWNERS`` that have such
    kin), the ones of the kin word's gender (and title, for a parent or spouse: "Mrs. Bennet"
    for Elizabeth Bennet's mother)."""
    found = _KIN_TAG.match(context.text, cue.start, cue.end)
    if found is None:
        return []
    owner_gender = "she" if found.group(1).lower() == "her" else "he"
    gender, titles = _KIN_TITLES[found.group(2).lower()]
    owners = [nearby.subject_of_gender.get(owner_gender), nearby.latest_of_gender.get(owner_gender),
              *(c for c in nearby.recent if context.genders.get(c) == owner_gender)]
    for owner in list(dict.fromkeys(o for o in owners if o))[:KIN_OWNERS]:
        kin = _relatives(context.families, context.genders, owner, found.group(2).lower())
        if kin:
            return kin
    return []


def _relatives(families: dict[str, tuple[str, frozenset[str]]], genders: dict[str, Gender], owner: str,
               kin_word: str) -> list[str]:
    """The characters who may be ``owner``'s mother, brother, ...: of the family's surname, the kin
    word's gender and, for a parent or spouse, its titles."""
    gender, titles = _KIN_TITLES[kin_word]
    surname = families.get(owner, ("", frozenset()))[0]
    return [c for c, (name, worn) in families.items()
            if c != owner and name == surname and genders.get(c) == gender
            and (not titles or worn & titles) and not (gender == "she" and not titles and "Mrs" in worn)]


def _with_kin_mentions(text: str, quotes: list[Quote], mentions: Mentions, genders: dict[str, Gender],
                       families: dict[str, tuple[str, frozenset[str]]]) -> Mentions:
    """The mentions, and "her father" / "his sister" in the narration as a mention of that relative,
    when the last character of the owner's gender named before it (within ``KIN_REACH``) has exactly
    one among the characters: "She followed her father to the fire. He then said, ..." is Mr. Bennet's.
    "Elizabeth's father" is one too, its owner named."""
    quote_starts = [q.start for q in quotes]
    added: list[tuple[int, int, str]] = []
    for found in _KIN_MENTION.finditer(text):
        inside = bisect_right(quote_starts, found.start()) - 1
        if inside >= 0 and quotes[inside].end > found.start():
            continue
        owner_gender = "she" if found.group(1).lower() == "her" else "he"
        i = bisect_right(mentions.starts, found.start()) - 1
        while i >= 0 and found.start() - mentions.starts[i] < KIN_REACH \
                and genders.get(mentions.owners[i]) != owner_gender:
            i -= 1
        if i < 0 or found.start() - mentions.starts[i] >= KIN_REACH:
            continue
        kin = _relatives(families, genders, mentions.owners[i], found.group(2).lower())
        if len(kin) == 1:
            added.append((found.start(), found.end(), kin[0]))
    for end, owner in zip(mentions.ends, mentions.owners, strict=True):  # "Elizabeth's father"
        owned = _OWNED_KIN.match(text, end)
        if owned is None:
            continue
        kin = _relatives(families, genders, owner, owned.group(1).lower())
        if len(kin) == 1:
            added.append((owned.start(1), owned.end(1), kin[0]))
    if not added:
        return mentions
    merged = sorted([*zip(mentions.starts, mentions.ends, mentions.owners, strict=True), *added])
    return Mentions([m[0] for m in merged], [m[1] for m in merged], [m[2] for m in merged])


def _chapter_of(chapter_starts: list[int], position: int) -> int:
    """The index of the chapter holding ``position`` (text before the first chapter counts as it)."""
    return max(0, bisect_right(chapter_starts, position) - 1)


def _chapter_leads(mentions: Mentions, genders: dict[str, Gender], chapter_starts: list[int],
                   narrated: list[bool]) -> list[dict[str, str]]:
    """The most-named character of each gender in each chapter's narration (not in its quotes
    and letters, which name the absent): the default "he"/"she" of its narration."""
    counts: list[dict[str, int]] = [{} for _ in chapter_starts]
    for start, owner, in_narration in zip(mentions.starts, mentions.owners, narrated, strict=True):
        if not in_narration:
            continue
        chapter = counts[_chapter_of(chapter_starts, start)]
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


def _cues(context: _Context, quotes: list[Quote], paragraphs: list[int], i: int,
          lead_in: bool = True) -> QuoteCues:
    quote, paragraph = quotes[i], paragraphs[i]
    before = context.paragraph_starts[paragraph]
    if i > 0 and paragraphs[i - 1] == paragraph:
        before = max(before, quotes[i - 1].end)
    after = max(context.paragraph_ends[paragraph], quote.end)
    if i + 1 < len(quotes) and paragraphs[i + 1] == paragraph:
        after = min(after, quotes[i + 1].start)
    recent = {context.mentions.owners[j]: context.mentions.starts[j]
              for j in context.mentions.within(quote.start - WINDOW, quote.start)}
    cues = read_cues(context.text, context.named, quote.start, quote.end, before, after,
                     context.person_genders, lambda phrase: context.names.resolve(phrase, recent),
                     _lead_in(context, quotes, paragraphs, i, before) if lead_in else None)
    calls = [context.family_calls.owners[j] for j in context.family_calls.within(quote.start, quote.end)]
    cues.vocatives.extend(calls)
    cues.named_inside.extend(calls)
    since = quotes[i - 1].end if i else context.paragraph_starts[paragraph]
    cues.looked_at = looked_at(context.text, context.named, max(since, quote.start - LOOK_REACH), quote.start)
    return cues


def _lead_in(context: _Context, quotes: list[Quote], paragraphs: list[int], i: int,
             before: int) -> int | None:
    """The end of the previous paragraph when its narration introduces this quote ("...and said,",
    "Frowning, he answered.": the cue reader keeps a sentence ending in "." only for a verb that
    announces speech)."""
    quote, paragraph = quotes[i], paragraphs[i]
    if paragraph == 0 or before != context.paragraph_starts[paragraph] \
            or context.text[before:quote.start].strip():
        return None
    end = context.paragraph_ends[paragraph - 1]
    if i > 0 and quotes[i - 1].end >= end - 1:
        return None
    tail = context.text[context.paragraph_starts[paragraph - 1]:end].rstrip()
    return end if tail.endswith((",", ":", ";", "-", "\u2014", ".")) else None


def _introduces_self(context: _Context, cues: QuoteCues, quote: Quote) -> str | None:
    """The character a quote names as its speaker ("Hi. I'm Theo, by the way.", "My name is
    Blaine"), unless its tag names, or its pronoun fits, someone else ('"I'm Blaine," Kurt
    mocked'): a newcomer's first line, which turn-taking gives to the people already talking."""
    for i in context.named.within(quote.start, quote.end):
        start, end = context.named.starts[i], context.named.ends[i]
        naming = self_naming(context.text, quote.start, start)
        if not naming or context.text.startswith(("'s", "\u2019s"), end) \
                or naming.group(1) and not is_title(context.text[start:end].split()[0]):
            continue  # "This is Kit" shows someone else
        speaker, tag, beat = context.named.owners[i], cues.tag, cues.beat
        if beat is not None and beat.kind == "name" and beat.character not in (None, speaker) \
                and known_by_description(context.text[beat.start:beat.end]) and not any(
                narrated for owner, narrated in zip(context.mentions.owners, context.narrated, strict=True)
                if owner == speaker):
            return beat.character  # 'Grandma raised her glass. "I'm Nora."': a name only lines use is hers
        gender = context.genders.get(speaker, "unknown")
        if tag is not None and (tag.kind == "name" and tag.character != speaker
                                or tag.gender not in (None, "unknown", gender)):
            return None
        return speaker
    return None


def _names_itself(context: _Context, quote: Quote, character: str) -> bool:
    """Whether a line opens with the character's name as a sentence of its own, as one says one's
    name ("And you are?" / 'Jae-won gave up and shook it. "Jae-won. And if you touch my cards..."')."""
    opening = context.named.within(quote.start, quote.start + 3)
    return bool(opening) and context.named.owners[opening[0]] == character \
        and context.text.startswith(".", context.named.ends[opening[0]])


def _beat_speaker(context: _Context, cues: QuoteCues, quote: Quote, paragraph_start: int) -> str | None:
    """The character whose action opens the narration next to a quote in its paragraph, when the
    quote has no tag ("Ruth dropped her brush. "Or we move."", and ""I missed it." Nora sat down."
    when the quote opens the paragraph) or only a pronoun of that character's gender ("Declan
    handed Owen a flask. "Drink this," he said."), unless the rest of the tag's sentence names
    that character ("Kurt's smile faded. "Me too," he replied, his hand on Kurt's.": someone else)."""
    beat, tag = cues.beat, cues.tag
    if beat is None or beat.kind != "name" or beat.character is None \
            or beat.character in cues.vocatives and not _names_itself(context, quote, beat.character):
        return None  # '"I've handed in my notice, Anouk." Anouk set her cup down.': she hears it
    if tag is not None:
        agrees = tag.kind == "pronoun" and tag.gender == context.genders.get(beat.character)
        if not agrees or beat.start >= quote.start:
            return None
        sentence_end = re.search(r"[.!?\n]", context.text[tag.end:tag.end + 200])
        acted_on = bound_by_pronoun(context.text, context.named, context.genders, tag.start,
                                    tag.end + (sentence_end.start() if sentence_end else 200))
        return None if beat.character in acted_on else beat.character
    opens_paragraph = quote.start - paragraph_start <= 1
    return beat.character if beat.start < quote.start or opens_paragraph else None


_SUBJECT_PRONOUN = re.compile(r"(?:He|She|he|she)\b")


def _acted_on_by_beat(context: _Context, cues: QuoteCues, quote: Quote, turns: list[_Turn], paragraph: int,
                      latest_of_gender: dict[str, str]) -> str | None:
    """Who is not the speaker of an untagged quote whose action beat's "He"/"She", next to it, acts
    on them by name ("He lets go of Ezra's belt loop."), when they are one of the conversation's
    two speakers of that gender: a name in its own pronoun's sentence is not that pronoun."""
    beat, tag = cues.beat, cues.tag
    if beat is None or beat.kind != "pronoun" or beat.gender not in ("he", "she") \
            or not _SUBJECT_PRONOUN.fullmatch(context.text, beat.start, beat.end) or tag is not None:
        return None
    found = re.search(r"[.!?\n\"\u201c\u201d]", context.text[beat.end:beat.end + 200])
    sentence_end = beat.end + (found.end() if found else 200)
    between = context.text[sentence_end:quote.start] if beat.start < quote.start \
        else context.text[quote.end:beat.start]
    if between.strip(" \t\n\"'\u201c\u201d\u2018\u2019"):
        return None  # the beat's sentence is not the one next to the quote ("She asked X. X thought...")
    acted_on = set(bound_by_pronoun(context.text, context.named, context.genders, beat.start, sentence_end))
    same = {c for c in _conversation_speakers(turns, paragraph) if context.genders.get(c) == beat.gender}
    antecedent = latest_of_gender.get(beat.gender)  # a third "he" named last is who the "He" may be
    if len(same) != 2 or len(acted_on & same) != 1 or antecedent not in (None, *same):
        return None
    return next(iter(acted_on & same))


def _same_speaker_goes_on(cues: QuoteCues, turns: list[_Turn], paragraph: int) -> str | None:
    """The speaker of this paragraph's earlier quote, when this one has no tag of its own and no
    action beat naming someone else: one paragraph, one speaker ("Hi." Kurt smiled. "Come in.")."""
    if cues.tag is not None or not turns or turns[-1].paragraph != paragraph or not turns[-1].speaker:
        return None
    speaker = turns[-1].speaker
    beat = cues.beat
    if beat is not None and beat.kind == "name" and beat.character != speaker:
        return None
    return speaker


def _look_ahead(paragraphs: list[int], cues: list[QuoteCues],
                guesses: list[str | None] | None = None) -> list[_Ahead]:
    """For each quote, the vocatives and the named speakers (tag, else beat) of the next two turns.

    ``paragraphs`` and ``cues`` are in visiting order (text order, or reversed for a backward walk);
    ``guesses``, in the same order, name the speakers instead of the tags.
    """
    turn_of: dict[int, int] = {}
    turn_paragraphs: list[int] = []
    turn_vocatives: list[list[str]] = []
    turn_speakers: list[str | None] = []
    for index, (paragraph, quote_cues) in enumerate(zip(paragraphs, cues, strict=True)):
        if paragraph not in turn_of:
            turn_of[paragraph] = len(turn_paragraphs)
            turn_paragraphs.append(paragraph)
            turn_vocatives.append([])
            turn_speakers.append(None)
        turn = turn_of[paragraph]
        turn_vocatives[turn].extend(quote_cues.vocatives)
        guess = guesses[index] if guesses is not None else _named_speaker(quote_cues)
        turn_speakers[turn] = turn_speakers[turn] or guess

    def close(turn: int, later: int) -> bool:
        return later < len(turn_paragraphs) and \
            abs(turn_paragraphs[later] - turn_paragraphs[later - 1]) <= CONVERSATION_GAP

    result = []
    for paragraph in paragraphs:
        turn = turn_of[paragraph]
        ahead = _Ahead()
        if close(turn, turn + 1):
            ahead.vocatives, ahead.next_speaker = turn_vocatives[turn + 1], turn_speakers[turn + 1]
            if close(turn + 1, turn + 2):
                ahead.speaker_after_next = turn_speakers[turn + 2]
        result.append(ahead)
    return result


def _named_speaker(quote_cues: QuoteCues) -> str | None:
    """The character a quote's tag names ("said Emma"), else its action beat's name ("Kurt shrugged.")."""
    for cue in (quote_cues.tag, quote_cues.beat):
        if cue is not None and cue.kind == "name" and cue.character:
            return cue.character
    return None


def _recent_turns(turns: list[_Turn], paragraph: int) -> tuple[_Turn | None, _Turn | None, _Turn | None]:
    """The visited turn of this paragraph, the previous turn and the one before, within one conversation."""
    same = turns[-1] if turns and turns[-1].paragraph == paragraph else None
    earlier = [t for t in turns[-3:] if t.paragraph != paragraph]
    previous = earlier[-1] if earlier and abs(paragraph - earlier[-1].paragraph) <= CONVERSATION_GAP else None
    before = earlier[-2] if previous and len(earlier) > 1 and \
        abs(previous.opened - earlier[-2].paragraph) <= CONVERSATION_GAP else None
    return same, previous, before


def _conversation_speakers(turns: list[_Turn], paragraph: int, reach: int = 6) -> set[str]:
    """The speakers of the last few turns of the conversation this paragraph belongs to."""
    speakers: set[str] = set()
    last = paragraph
    for turn in reversed(turns[-reach:]):
        if abs(last - turn.paragraph) > CONVERSATION_GAP:
            break
        if turn.speaker:
            speakers.add(turn.speaker)
        last = turn.opened
    return speakers


def _candidates(context: _Context, cues: QuoteCues, nearby: _Nearby, turns: list[_Turn],
                paragraph: int, ahead: _Ahead) -> list[str]:
    same, previous, before = _recent_turns(turns, paragraph)
    kin = _kin(context, cues.tag, nearby) if cues.tag is not None and cues.tag.kind == "description" else []
    pool = [cues.tag.character if cues.tag else None, *kin, *cues.beat_characters,
            same.speaker if same else None, previous.speaker if previous else None,
            before.speaker if before else None, *(previous.vocatives if previous else []),
            *ahead.vocatives, *(previous.addressed if previous else []), ahead.speaker_after_next,
            *nearby.recent[:MAX_CANDIDATES], *sorted(_conversation_speakers(turns, paragraph)),
            *nearby.named_after, context.narrator_at(nearby.quote_start), *nearby.farther]
    not_speaking = {cues.tag.addressee if cues.tag else None}  # "she said to Maren": never Maren
    if cues.tag is not None and cues.tag.kind == "description" and _MINE.match(context.text, cues.tag.start):
        not_speaking.add(context.narrator_at(nearby.quote_start))  # "my boss said": not the one telling
    candidates = list(dict.fromkeys(c for c in pool if c and c not in not_speaking))[:MAX_CANDIDATES + 8]
    said = cues.tag.gender if cues.tag is not None and cues.tag.kind == "pronoun" else None
    if said in ("he", "she") and all(context.genders.get(c) in {"he", "she"} - {said} for c in candidates):
        return []  # "he said" where every candidate is a woman: someone the story never names
    return candidates


_MINE = re.compile(r"(?:[Mm]y|[Oo]ur)\s")


def _features(context: _Context, cues: QuoteCues, nearby: _Nearby, candidates: list[str], turns: list[_Turn],
              paragraph: int, ahead: _Ahead, voice: dict[str, float]) -> np.ndarray:
    """One row of ``ranker.FEATURES`` per candidate. Each cue marks the candidates it names,
    so the cost is the cues plus the candidates, not their product. ``voice``: how much the
    quote sounds like each candidate with a voice (``voices``)."""
    x = np.zeros((len(candidates), len(FEATURES)))
    rows = {candidate: row for row, candidate in enumerate(candidates)}

    def mark(feature: str, *who: str | None, value: float = 1.0) -> None:
        for candidate in who:
            if candidate in rows:
                x[rows[candidate], _FEATURE_INDEX[feature]] = value

    genders = [context.genders.get(c, "unknown") for c in candidates]
    x[:, _FEATURE_INDEX["recency"]] = [nearby.recency.get(c, 0.0) for c in candidates]
    x[:, _FEATURE_INDEX["frequency"]] = [math.log1p(nearby.counts.get(c, 0)) / 3 for c in candidates]
    same, previous, before = _recent_turns(turns, paragraph)
    same_speaker = same.speaker if same else None
    previous_speaker = previous.speaker if previous else None
    before_speaker = before.speaker if before else None
    talking = _conversation_speakers(turns, paragraph)
    tag, beat = cues.tag, cues.beat
    if tag is not None:
        mark("tag_name", tag.character)
        mark("tag_other_mention", *tag.others)
    else:
        _mark_belief(mark, "no_tag_previous_turn", previous)
        _mark_belief(mark, "no_tag_turn_before_previous", before)
        mark("no_tag_same_paragraph", same_speaker)
    if beat is not None and beat.kind == "name":  # "Kurt shrugged. "..."" / ""..." Kurt blinked."
        mark("beat_name" if beat.start < nearby.quote_start else "beat_name_after", beat.character)
    if beat is not None and beat.kind in ("name", "pronoun"):
        mark("beat_any", beat.character)  # the others named around a subject beat are who it acts on
        mark("beat_other", *(c for c in cues.beat_characters if c != beat.character))
    else:
        mark("beat_any", *cues.beat_characters)
    mark("same_paragraph", same_speaker)
    _mark_belief(mark, "previous_turn", previous)
    _mark_belief(mark, "turn_before_previous", before)
    if previous is not None:
        mark("vocative_previous_turn", *previous.vocatives)
        mark("named_previous_turn", *(c for c in previous.named if c not in previous.vocatives))
        mark("addressed_previous_turn", *previous.addressed)
        if previous.vocatives and before_speaker not in previous.vocatives:
            mark("alternation_against_vocative", before_speaker)
        if before is not None and previous_speaker in before.vocatives:
            mark("called_previous_speaker", before_speaker)
    mark("named_in_quote", *cues.named_inside)
    mark("vocative_next_turn", *ahead.vocatives)
    mark("next_turn_named", ahead.next_speaker)
    mark("turn_after_next_named", ahead.speaker_after_next)
    mark("most_recent", nearby.recent[0] if nearby.recent else None)
    narrator = context.narrator_at(nearby.quote_start)
    mark("narrator", narrator)
    mark("chapter_lead", nearby.lead.get(""))
    mark("conversation_speaker", *talking)
    spoken = Counter(turn.speaker for turn in turns[-RECENT_TURNS:])
    x[:, _FEATURE_INDEX["recent_share"]] = [spoken.get(c, 0) / RECENT_TURNS for c in candidates]
    mark("named_after", *nearby.named_after)
    mark("named_since_last_quote", *nearby.named_since_last_quote)
    mark("last_subject", nearby.last_subject)
    mark("newcomer", *(c for c in nearby.named_since_last_quote if c not in talking))
    pronoun = next((t.gender for t in (tag, beat) if t is not None and t.kind == "pronoun"
                    and t.gender in ("he", "she")), None)
    if pronoun is not None:  # a "he" or "she" of the narration is never its "I"
        agreeing = {c for c, gender in zip(candidates, genders, strict=True)
                    if gender == pronoun and c != narrator}
        mark("pronoun_chapter_lead", *({nearby.lead.get(pronoun)} & agreeing))
        if len(agreeing) == 1:
            mark("pronoun_only_match", *agreeing)
        talking_agreeing = [c for c in talking if context.genders.get(c) == pronoun and c != narrator]
        if len(talking_agreeing) == 1:
            mark("pronoun_only_speaker", *talking_agreeing)
        _mark_belief(mark, "pronoun_alternation", before, agreeing)
        _mark_belief(mark, "pronoun_previous_turn", previous, agreeing)
        mark("pronoun_same_paragraph", *({same_speaker} & agreeing))
    for prefix, cue in (("tag", tag), ("beat", beat)):
        _mark_pronoun_cue(mark, prefix, cue, candidates, genders, nearby, narrator)
    if tag is not None and tag.kind == "description":
        mark("tag_kin", *_kin(context, tag, nearby))
    if len(voice) > 1:  # "voice": 1 for the best fit, 0 at VOICE_RANGE below it or further
        best = max(voice.values())
        for row, candidate in enumerate(candidates):
            fit = voice.get(candidate)
            x[row, _FEATURE_INDEX["voiceless" if fit is None else "voice"]] = \
                1.0 if fit is None else max(fit - best, -VOICE_RANGE) / VOICE_RANGE + 1
    return x


def _mark_belief(mark: Callable[..., None], feature: str, turn: _Turn | None,
                 among: set[str] | None = None) -> None:
    """Mark each candidate (``among`` them only, if given) by how likely the walk thought it spoke
    ``turn``: an unsure turn counts for less in the turn-taking that follows it."""
    if turn is not None:
        belief = turn.belief or ({turn.speaker: 1.0} if turn.speaker else {})
        for candidate, probability in belief.items():
            if among is None or candidate in among:
                mark(feature, candidate, value=probability)


def _mark_pronoun_cue(mark: Callable[..., None], prefix: str, cue: Tag | None, candidates: list[str],
                      genders: list[Gender], nearby: _Nearby, narrator: str | None) -> None:
    """Features of a tag or beat that is a pronoun ("he said", "I said") or a description ("the old man").

    Tags and beats share the feature names' shape; the ranker uses only some for beats.
    """
    if cue is None or cue.kind == "name":
        return

    def put(feature: str, *who: str | None) -> None:
        if f"{prefix}_{feature}" in _FEATURE_INDEX:
            mark(f"{prefix}_{feature}", *who)

    if cue.gender == "I":
        put("first_person_narrator", narrator)
        return
    known = [(c, g) for c, g in zip(candidates, genders, strict=True)
             if g in ("he", "she") and cue.gender in ("he", "she") and c != narrator]
    if cue.kind == "description":
        put("description_match", *(c for c, g in known if g == cue.gender))
        return
    put("pronoun_match", *(c for c, g in known if g == cue.gender))
    put("pronoun_mismatch", *(c for c, g in known if g != cue.gender),
        narrator if cue.gender in ("he", "she") else None)  # a narrator is "I", never "he said"
    put("pronoun_most_recent", nearby.latest_of_gender.get(cue.gender))
    put("pronoun_subject", nearby.subject_of_gender.get(cue.gender))


def _write(world: StoryWorld, prepared: _Prepared | None, decisions: list[Decision],
           decided: dict[str, tuple[str | None, float]]) -> None:
    """Set each spoken quote's fields from the decisions, then its addressees."""
    if prepared is None:
        return
    by_decision = {d.quote.id: d for d in decisions}
    by_id = {q.id: q for q in prepared.quotes}
    cues: dict[str, QuoteCues] = {}
    for quote, own_cues in zip(prepared.quotes, prepared.cues, strict=True):
        head = _head(quote, by_id)
        decision = by_decision.get(head.id)
        speaker, confidence = decided.get(head.id, (None, 0.0))
        tag = own_cues.tag
        named = tag.character if tag is not None and tag.kind == "name" else None
        shared = decision is not None and decision.cues.tag is not None and tag is not None \
            and decision.cues.tag.start == tag.start  # '"No," said Emma, "not yet."': the head's own tag
        if quote is not head and named not in (None, speaker) and not shared:
            # a later part whose own tag names someone else is theirs: '("I haven't," said Alice)',
            # or a quote left unclosed that ran on into the next speaker's paragraph
            decision, speaker = replace(decision, cues=own_cues) if decision else None, named
        quote.speaker, quote.confidence = speaker, round(confidence, 3)
        quote.type, quote.evidence = _type_and_evidence(world.text, decision, speaker)
        chorus = _CHORUS.match(world.text, head.end if quote.continues else quote.end)
        if chorus is not None:  # '"Yes, Coach," the whole team chorused.': many speak it, no one alone
            quote.speaker, quote.confidence, quote.type = None, 0.0, None
            quote.evidence = [Span(start=chorus.start(1), end=chorus.end(1), note="said together")]
        if decision is not None:  # a later part calls by its own names ('"Yes," she said. "Sit, Naruto."')
            own = [] if quote is head else vocatives(world.text, prepared.context.named, quote.start,
                                                     quote.end)
            cues[quote.id] = replace(decision.cues, vocatives=own) if own else decision.cues
    set_addressees(prepared.quotes, prepared.places, cues,
                   [_next_paragraph_subject(prepared.context, p) for p in prepared.paragraphs])


_CHORUS_VERBS = (r"(?:said|chorused|answered|replied|shouted|cried|called|yelled|sang|chanted|echoed|groaned|"
                 r"cheered|agreed|murmured|chimed in)")
# after a line's closing mark: a group, or "they" or two named with "together", speaks it
_CHORUS = re.compile(
    rf"[ \t]*(?P<who>(?:the whole [a-z]+|the (?:others|crowd|class|team|rest of them|twins|triplets|"
    rf"room|tent|marquee|hall|audience|guests|table|bar|pub|stands|congregation|choir)|"
    rf"everyone|everybody|all of them|both of them|the two of them|they both|they all)"
    rf"[ \t]+(?:\w+ly[ \t]+)?(?:{_CHORUS_VERBS}|{SPEECH_VERBS})\b"
    rf"|(?:they|[A-Z][\w'\u2019-]+ and [A-Z][\w'\u2019-]+)[ \t]+(?:\w+ly[ \t]+)?"
    rf"(?:chorused|chanted|echoed|{_CHORUS_VERBS}[^.!?,\"\n]{{0,30}}?"
    rf"\b(?:together|in unison|as one|at the same time)\b))")


def _next_paragraph_subject(context: _Context, paragraph: int) -> str | None:
    """The character whose name opens the narration of the paragraph after ``paragraph`` ("Kurt
    mentally rolled his eyes."): who reacts to a line, when no turn answers it."""
    following = paragraph + 1
    if following >= len(context.paragraph_starts) or _chapter_of(context.breaks, context.paragraph_starts[
            following]) != _chapter_of(context.breaks, context.paragraph_starts[paragraph]):
        return None  # no one reacts across a scene break
    start = context.paragraph_starts[following]
    pronoun = _OPENING_PRONOUN.match(context.text, start)
    if pronoun:  # "She rolled her eyes": the one of that gender named last, if no other is near
        gender = pronoun.group(1).lower()
        named = {context.mentions.owners[i] for i in context.mentions.within(start - PRONOUN_REACH, start)
                 if context.narrated[i] and context.genders.get(context.mentions.owners[i]) == gender}
        return named.pop() if len(named) == 1 else None
    found = context.mentions.within(start, context.paragraph_ends[following])
    return context.mentions.owners[found[0]] if found and context.subjects[found[0]] else None


_OPENING_PRONOUN = re.compile(r"[ \t]*(He|She)\b")
PRONOUN_REACH = 1500  # characters before a paragraph opening with "He"/"She" searched for who it is


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


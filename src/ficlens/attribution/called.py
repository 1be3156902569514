"""Names a character is called by, learned from who answers.

A first-person narrator is often named only when someone calls them ("Noor, have
you seen the group chat?"), and a character the narration calls by surname only
when a friend uses the first name ("Oh. Hi, Julian."). Such a name is in no
narration, so the characters stage never meets it; once the speakers are
decided, the one who answers the line that calls it is who it names. A name is
learned only when every line calling it is answered by the same character, who
is not its speaker (at least twice when the name is a first name and the answerer has one
of their own: Elinor, "Miss Dashwood", answering "Anne" once is not Anne), no character
already goes by it, and it is no town the text is in ("in London"); or when the only one who goes by it
is never in the narration and never speaks ("You're in my seat, Thorne."): the rival the
narration calls Cassian, whom the characters stage found only in others' lines, is then
Cassian's surname and joins him. A formal name of one character's pet name is theirs, whoever
answers it ("Josephine," Mom said: Jo's); and a name given as one's own ("I'm Nora") by the
speaker of the line is the speaker's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict

from ..characters import is_title, known_by_description
from ..lexicon import ROLE_TITLES, first_names, formal_names
from ..model import Character, Quote, Span, StoryWorld
from .cues import is_vocative

# answers to a name a character with a first name of their own must give to be called by it too
PROOF_FOR_A_SECOND_NAME = 2
ANSWER_REACH = 400  # characters of narration between a call and the answering line
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
# on the first-name lists, but a line calls with them as an answer, an endearment or an oath:
# "Fine, then.", "Jesus, Owen."
_NOT_CALLED = frozenset({"Fine", "Great", "Perfect", "Amen", "Angel", "Baby", "Honey", "Darling", "Jesus",
                         "Christ", "God", "Lord"}) | ROLE_TITLES


_PLACE = re.compile(r"\b(?:in|at|near|into)[ \t\n]+([A-Z][a-z]{2,})\b(?![\w'\u2019-])")
_SELF_NAMING = re.compile(r"(?:\bI['\u2019]m|\bI am|\b[Mm]y name(?:['\u2019]s| is)|\b[Cc]all me"
                          r"|(?<![\w'\u2019])(This is))[ \t]+$")  # "This is Sergeant Lowe.": on the phone


def self_naming(text: str, line_start: int, name_start: int) -> re.Match[str] | None:
    """"I'm", "My name is", "Call me" or "This is" right before a name in a line (from ``line_start``):
    the speaker gives it as their own; group 1 is "This is", which needs a title after it."""
    return _SELF_NAMING.search(text, max(line_start, name_start - 16), name_start)


def learn_called_names(world: StoryWorld, spoken: list[Quote]) -> None:
    """Add to each character the first names only others' calls give them (``spoken``: the
    speech quotes in text order, speakers decided), with those calls as mentions."""
    if world._cast or len(spoken) < 2:
        return
    text = world.text
    taken = {word for character in world.characters
             for name in (character.name, *character.aliases) for word in name.split()}
    only_called = _only_in_others_lines(world, spoken)
    _learn_own_names(world, spoken, only_called)
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))  # "Fine, then": a word the text also writes small
    places = set(_PLACE.findall(text))  # "London, I daresay": a town the text is in or goes to
    known = first_names()
    answers: dict[str, Counter[str | None]] = defaultdict(Counter)  # None: no one, or the caller
    calls: dict[str, list[Span]] = defaultdict(list)
    answer: Quote | None = None  # the first quote of the paragraph after the one visited
    for i in range(len(spoken) - 1, -1, -1):
        quote = spoken[i]
        if i + 1 < len(spoken) and spoken[i + 1].paragraph != quote.paragraph:
            answer = spoken[i + 1]
        if quote.speaker is None or answer is None:
            continue
        answerer = answer.speaker if answer.start - quote.end <= ANSWER_REACH else None
        for found in _WORD.finditer(text, quote.start, quote.end):
            name = found.group()
            if (name in taken and name not in only_called) or name in _NOT_CALLED or name in places \
                    or (name not in known and name not in only_called) or name.lower() in lower \
                    or not is_vocative(text, quote.start, quote.end, found.start(), found.end()):
                continue
            answers[name][answerer if answerer != quote.speaker else None] += 1
            calls[name].append(Span(start=found.start(), end=found.end(), note=name))
    by_id = {character.id: character for character in world.characters}
    for name, votes in answers.items():
        pet = [c for c in world.characters
               if any(name.lower() in formal_names(word) for word in c.name.split())]
        if len(pet) == 1:  # "Josephine," Mom said: Jo, whoever answers
            votes = Counter({pet[0].id: PROOF_FOR_A_SECOND_NAME})
        if len(votes) != 1 or (owner := next(iter(votes))) not in by_id:
            continue
        if votes[owner] < PROOF_FOR_A_SECOND_NAME and name in known and _has_first_name(by_id[owner], known):
            continue  # Elinor, answering a call of "Anne" once, is not Anne too
        if name in only_called:
            _join(world, only_called[name], by_id[owner])
            continue
        character = by_id[owner]
        character.aliases.append(name)
        character.mention_spans = sorted([*character.mention_spans, *calls[name]], key=lambda s: s.start)
        character.mentions += len(calls[name])


def _has_first_name(character: Character, known: frozenset[str]) -> bool:
    """Whether the character's name opens with a first name of their own: one on the lists ("Jane
    Bennet"), or a word beside a surname a title goes with ("Elinor", who is "Miss Dashwood"); not
    "Kemp" of "Dr. Kemp", nor a surname the narration uses alone ("Ashdown")."""
    first = character.name.split()[0]
    surnames = {words[-1] for name in (character.name, *character.aliases)
                if len(words := name.split()) > 1 and is_title(words[0])}
    return not is_title(first) and (first in known or bool(surnames - {first}) and first[:1].isupper())


def _learn_own_names(world: StoryWorld, spoken: list[Quote], only_called: dict[str, Character]) -> None:
    """'Grandma raised her glass. "I'm Nora."': a name that only lines use, given as their own by a
    speaker known by a family word or a description, is the speaker's (Nora joins Grandma)."""
    by_id = {character.id: character for character in world.characters}
    for quote in spoken:
        for found in _WORD.finditer(world.text, quote.start, quote.end):
            called = only_called.get(found.group())
            if called is not None and quote.speaker in by_id and quote.speaker != called.id \
                    and known_by_description(by_id[quote.speaker].name) \
                    and self_naming(world.text, quote.start, found.start()):
                _join(world, called, by_id[quote.speaker])
                if called not in world.characters:
                    del only_called[found.group()]


def _only_in_others_lines(world: StoryWorld, spoken: list[Quote]) -> dict[str, Character]:
    """The one name word (titles aside: "Thorne" of "Thorne" and "Mr. Thorne") of each character
    named only inside quotes, who never speaks and is no narrator -> that character."""
    speakers = {quote.speaker for quote in spoken}
    quotes = sorted((quote.start, quote.end) for quote in world.quotes)
    starts = [start for start, _ in quotes]

    def quoted(span: Span) -> bool:
        i = bisect_right(starts, span.start) - 1
        return i >= 0 and quotes[i][1] >= span.end

    found: dict[str, Character] = {}
    for character in world.characters:
        if character.narrator or character.id in speakers or not character.mention_spans \
                or not all(quoted(span) for span in character.mention_spans):
            continue
        words = {word for name in (character.name, *character.aliases) for word in name.split()
                 if not is_title(word)}
        if len(words) == 1:
            found[words.pop()] = character
    return found


def _join(world: StoryWorld, called: Character, answerer: Character) -> None:
    """``called`` was the answerer all along: its names, mentions and the lines said to it are theirs.
    Not when the answerer already has a surname of their own, which two names cannot both be."""
    if len([word for word in answerer.name.split() if not is_title(word)]) > 1:
        return
    answerer.aliases.extend(name for name in (called.name, *called.aliases)
                            if name != answerer.name and name not in answerer.aliases)
    answerer.mention_spans = sorted([*answerer.mention_spans, *called.mention_spans], key=lambda s: s.start)
    answerer.mentions = len(answerer.mention_spans)
    world.characters.remove(called)
    for quote in world.quotes:
        if called.id in quote.addressees:
            heard = (answerer.id if a == called.id else a for a in quote.addressees)
            quote.addressees = list(dict.fromkeys(heard))

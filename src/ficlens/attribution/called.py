"""Names a character is called by, learned from who answers.

A first-person narrator is often named only when someone calls them ("Noor, have
you seen the group chat?"), and a character the narration calls by surname only
when a friend uses the first name ("Oh. Hi, Julian."). Such a name is in no
narration, so the characters stage never meets it; once the speakers are
decided, the one who answers the line that calls it is who it names. A name is
learned only when every line calling it is answered by the same character, who
is not its speaker, and no character already goes by it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..lexicon import ROLE_TITLES, first_names
from ..model import Quote, Span, StoryWorld
from .cues import is_vocative

ANSWER_REACH = 400  # characters of narration between a call and the answering line
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
# on the first-name lists, but a line calls with them as an answer or an endearment: "Fine, then."
_NOT_CALLED = frozenset({"Fine", "Great", "Perfect", "Amen", "Angel", "Baby", "Honey", "Darling"}) \
    | ROLE_TITLES


def learn_called_names(world: StoryWorld, spoken: list[Quote]) -> None:
    """Add to each character the first names only others' calls give them (``spoken``: the
    speech quotes in text order, speakers decided), with those calls as mentions."""
    if world._cast or len(spoken) < 2:
        return
    text = world.text
    taken = {word for character in world.characters
             for name in (character.name, *character.aliases) for word in name.split()}
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))  # "Fine, then": a word the text also writes small
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
            if name in taken or name in _NOT_CALLED or name not in known or name.lower() in lower \
                    or not is_vocative(text, quote.start, quote.end, found.start(), found.end()):
                continue
            answers[name][answerer if answerer != quote.speaker else None] += 1
            calls[name].append(Span(start=found.start(), end=found.end(), note=name))
    by_id = {character.id: character for character in world.characters}
    for name, votes in answers.items():
        if len(votes) == 1 and (owner := next(iter(votes))) in by_id:
            character = by_id[owner]
            character.aliases.append(name)
            character.mention_spans = sorted([*character.mention_spans, *calls[name]], key=lambda s: s.start)
            character.mentions += len(calls[name])

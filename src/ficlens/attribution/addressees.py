"""Addressees: who each spoken quote is said to.

A quote is said to the people it calls by name ("Rory, listen"), else to the
person a tag says it is said to ("said Emma to Harriet"), else to the other
side of its conversation: a run of turns (a paragraph's quotes) with at most
one paragraph between neighbours.

* When the turns before and after it have two different speakers, a third
  voice has joined and both hear it: both are addressees, the one who speaks
  more in the conversation first (PDNC's annotators list every listener: 44%
  of its quotes have several addressees, 70% of these three-voice turns).
* Else, when the conversation's explicit tags ("said Emma") name just two
  people and the speaker is one, it is said to the other: tags are far surer
  than the speakers of untagged turns; unless the turn next to it is a third
  voice's own "she said" (Leon's lines before Oscar comes in are said to
  Priya, whose replies say "she said", not to Oscar), or a third voice who
  has more turns in the conversation than the other tagged one (a barista's
  "Usual?" goes to the reader, whose lines are never tagged, not to the man
  who comes in later and is; PDNC addressee accuracy 0.866 → 0.868).
* Else to the speaker of the turn before, or after.
* A turn whose neighbours are its own speaker (a long speech cut by narration,
  or turns the speaker ranking gave to one voice) is said to the
  conversation's most frequent other speaker, else to the character its
  quotes and their narration name most, else to the one whose name opens the
  next paragraph ("Kurt mentally rolled his eyes."): who reacts to a line that
  no turn answers.

A quote that calls a group ("you two", "everyone") is also said to every other
voice within three turns of it.

Runs after every speaker is decided, so turn-taking uses the final speakers.
Cost: two passes over the quotes and one counter per conversation, so linear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Quote
from .cues import QuoteCues

CONVERSATION_GAP = 2  # paragraphs between two turns that still make one conversation
GROUP_REACH = 3  # turns either side whose speakers hear a quote said to a group
_GROUP_CALL = re.compile(r"\b(?:you both|both of you|you two|you three|all of you|you all|you guys|"
                         r"you people|you boys|you girls|you children|ladies|gentlemen|my friends|my dears|"
                         r"everybody|everyone)\b", re.IGNORECASE)


@dataclass
class _Turn:
    paragraph: int
    speaker: str | None
    conversation: int
    pronoun_tagged: bool = False  # its speaker is read from a "she said" (a voice, if no name tag)


@dataclass
class _Conversation:
    speakers: Counter[str] = field(default_factory=Counter)  # turns spoken, by character
    named: Counter[str] = field(default_factory=Counter)  # named in its quotes or their narration
    tagged: Counter[str] = field(default_factory=Counter)  # speakers its explicit tags name ("said Emma")


def set_addressees(quotes: list[Quote], paragraphs: list[int], cues: dict[str, QuoteCues],
                   reacting: list[str | None] | None = None) -> None:
    """Fill ``addressees`` of the spoken ``quotes`` (in text order, speakers decided).

    Reads each quote's ``speaker``, ``type`` (explicit tags name the conversation's
    pair) and ``text`` (calls to a group). ``paragraphs``: each quote's paragraph
    index; ``cues``: the cues of each quote's head (the first part of a quote split
    by its tag), by quote id; ``reacting``: for each quote, the character whose name
    opens the next paragraph, if any.
    """
    turns, conversations = _turns(quotes, paragraphs, cues)
    turn_of = {turn.paragraph: i for i, turn in enumerate(turns)}
    for i, (quote, paragraph) in enumerate(zip(quotes, paragraphs, strict=True)):
        quote_cues = cues.get(quote.id) or QuoteCues()
        if quote.speaker is None:
            quote.addressees = []
            continue
        index = turn_of[paragraph]
        found = _addressees(quote.speaker, quote_cues, turns, index, conversations[turns[index].conversation])
        listener = reacting[i] if reacting else None
        if not found and listener and listener != quote.speaker:
            found = [listener]  # a line no turn answers: said to whoever reacts to it
        if quote_cues.to_group:  # 'turned to the others with "..."': the voices nearby, not one partner
            found = [c for c in quote_cues.vocatives if c != quote.speaker] + (
                _nearby_voices(turns, index, quote.speaker) or found)
        elif _GROUP_CALL.search(quote.text):  # "you two", "everyone": every voice nearby hears it
            found += _nearby_voices(turns, index, quote.speaker)
        quote.addressees = list(dict.fromkeys(found))


def _turns(quotes: list[Quote], paragraphs: list[int],
           cues: dict[str, QuoteCues]) -> tuple[list[_Turn], list[_Conversation]]:
    """The turns in text order (speaker: the paragraph's first decided one) and their conversations."""
    turns: list[_Turn] = []
    conversations: list[_Conversation] = []
    for quote, paragraph in zip(quotes, paragraphs, strict=True):
        if not turns or turns[-1].paragraph != paragraph:
            if not turns or paragraph - turns[-1].paragraph > CONVERSATION_GAP:
                conversations.append(_Conversation())
            turns.append(_Turn(paragraph, None, len(conversations) - 1))
        turn = turns[-1]
        turn.speaker = turn.speaker or quote.speaker
        quote_cues = cues.get(quote.id)
        if quote_cues is not None and not quote.continues:
            conversations[-1].named.update(quote_cues.named_inside + quote_cues.beat_characters)
        if quote.type == "explicit" and quote.speaker and not quote.continues:
            conversations[-1].tagged[quote.speaker] += 1
        if quote.type == "anaphoric" and quote_cues is not None and quote_cues.tag is not None \
                and quote_cues.tag.kind == "pronoun" and quote.speaker == turn.speaker:
            turn.pronoun_tagged = True
    for turn in turns:
        if turn.speaker:
            conversations[turn.conversation].speakers[turn.speaker] += 1
    return turns, conversations


def _addressees(speaker: str, quote_cues: QuoteCues, turns: list[_Turn], index: int,
                conversation: _Conversation) -> list[str]:
    vocatives = [c for c in dict.fromkeys(quote_cues.vocatives) if c != speaker]
    if vocatives:
        return vocatives
    tag = quote_cues.tag
    if tag is not None and tag.addressee and tag.addressee != speaker:
        return [tag.addressee]
    neighbours = [c for c in dict.fromkeys(_neighbour(turns, index, step, speaker) for step in (-1, 1)) if c]
    voiced = any(turns[i].pronoun_tagged and turns[i].speaker in neighbours
                 and turns[i].speaker not in conversation.tagged
                 for i in (index - 1, index + 1) if 0 <= i < len(turns))
    tagged_other = [c for c in conversation.tagged if c != speaker]
    pair = len(conversation.tagged) == 2 and len(tagged_other) == 1
    outspoken = pair and bool(neighbours) \
        and conversation.speakers[neighbours[0]] > conversation.speakers[tagged_other[0]]  # a third, louder
    if len(neighbours) < 2 and pair and not voiced and not outspoken:
        return tagged_other  # its tags name two people: the other one
    if neighbours:  # two different ones: both hear it, the conversation's more frequent speaker first
        return sorted(neighbours, key=lambda c: -conversation.speakers[c])
    for counts in (conversation.speakers, conversation.named):
        other = next((c for c, _ in counts.most_common(2) if c != speaker), None)
        if other:
            return [other]
    return []


def _nearby_voices(turns: list[_Turn], index: int, speaker: str) -> list[str]:
    """The other speakers of the turns within ``GROUP_REACH`` of ``index`` in its conversation."""
    conversation = turns[index].conversation
    nearby = turns[max(0, index - GROUP_REACH):index + GROUP_REACH + 1]
    return list(dict.fromkeys(t.speaker for t in nearby
                              if t.conversation == conversation and t.speaker and t.speaker != speaker))


def _neighbour(turns: list[_Turn], index: int, step: int, speaker: str) -> str | None:
    """The speaker of the turn next to ``index`` (``step`` -1 before, 1 after) in the same
    conversation, unless it is ``speaker``."""
    neighbour = index + step
    if not 0 <= neighbour < len(turns) or turns[neighbour].conversation != turns[index].conversation:
        return None
    other = turns[neighbour].speaker
    return other if other and other != speaker else None

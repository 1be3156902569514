"""Addressees: who each spoken quote is said to.

Vocatives inside the quote come first ("Rory, listen"), then a tag's "said to
X", then the other side of the conversation: the speaker of the neighbouring
turn. Runs after every speaker is decided, so turn-taking uses the final
speakers.
"""

from __future__ import annotations

from ..model import Quote
from .cues import QuoteCues

CONVERSATION_GAP = 2  # paragraphs between two turns that still make one conversation


def set_addressees(quotes: list[Quote], paragraphs: list[int], cues: dict[str, QuoteCues]) -> None:
    """Fill ``addressees`` of the spoken ``quotes`` (in text order, speakers decided).

    ``paragraphs``: each quote's paragraph index; ``cues``: the cues of each quote's
    head (the first part of a quote split by its tag), by quote id.
    """
    turn_speakers: list[tuple[int, str | None]] = []
    for quote, paragraph in zip(quotes, paragraphs, strict=True):
        if not turn_speakers or turn_speakers[-1][0] != paragraph:
            turn_speakers.append((paragraph, quote.speaker))
    turn_index = {p: i for i, (p, _) in enumerate(turn_speakers)}
    for quote, paragraph in zip(quotes, paragraphs, strict=True):
        quote_cues = cues.get(quote.id)
        if quote_cues is None or quote.speaker is None:
            quote.addressees = []
            continue
        found = [c for c in dict.fromkeys(quote_cues.vocatives) if c != quote.speaker]
        if not found and quote_cues.tag is not None and quote_cues.tag.addressee not in (None, quote.speaker):
            found = [quote_cues.tag.addressee]  # type: ignore[list-item]
        if not found:
            found = _other_side(turn_speakers, turn_index[paragraph], quote.speaker)
        quote.addressees = found


def _other_side(turns: list[tuple[int, str | None]], index: int, speaker: str) -> list[str]:
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(turns):
            paragraph, other = turns[neighbour]
            if other and other != speaker and abs(paragraph - turns[index][0]) <= CONVERSATION_GAP:
                return [other]
    return []

"""The gold standard one evaluation document holds, whatever corpus it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import SCHEMA_VERSION, CastMember, QuoteType, Source, StoryWorld


@dataclass
class GoldQuote:
    """One annotated quotation: its spans (offsets into the text), speaker and addressees by name."""

    id: str
    spans: list[tuple[int, int]]
    text: str
    speaker: str
    addressees: list[str] = field(default_factory=list)
    type: QuoteType | None = None
    referring_expression: str | None = None


@dataclass
class GoldDocument:
    """A text with its gold quotations and gold cast (speaker names are cast ``name``s)."""

    name: str
    text: str
    quotes: list[GoldQuote]
    cast: list[CastMember]
    path: Path | None = None


def world_from_gold(document: GoldDocument, gold_cast: bool = True) -> StoryWorld:
    """An unanalysed StoryWorld over the document's text; with ``gold_cast``, its cast as ``_cast``."""
    source = Source(path=str(document.path) if document.path else None, format="text", encoding="utf-8")
    world = StoryWorld(schema=SCHEMA_VERSION, source=source, text=document.text,
                       text_length=len(document.text))
    if gold_cast:
        world._cast = [member.model_copy() for member in document.cast]
    return world

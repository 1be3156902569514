"""The gold standard one evaluation document holds, whatever corpus it came from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
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

    @cached_property
    def _main_names(self) -> dict[str, str]:
        owners: dict[str, set[str]] = defaultdict(set)
        for member in self.cast:
            for alias in (member.name, *member.aliases):
                owners[name_key(alias)].add(member.name)
        names = {key: next(iter(members)) for key, members in owners.items() if len(members) == 1}
        names.update((name_key(member.name), member.name) for member in self.cast)
        return names

    def main_name(self, name: str) -> str | None:
        """The cast member a gold speaker or addressee string names: its main name ("Lucy" ->
        "Miss Honeychurch"), matched case- and space-insensitively; an alias two members share
        names neither. None when no member has that name."""
        return self._main_names.get(name_key(name))


def name_key(name: str) -> str:
    """A name compared case- and space-insensitively."""
    return " ".join(name.lower().split())


def world_from_gold(document: GoldDocument, gold_cast: bool = True) -> StoryWorld:
    """An unanalysed StoryWorld over the document's text; with ``gold_cast``, its cast as ``_cast``."""
    source = Source(path=str(document.path) if document.path else None, format="text", encoding="utf-8")
    world = StoryWorld(schema=SCHEMA_VERSION, source=source, text=document.text,
                       text_length=len(document.text))
    if gold_cast:
        world._cast = [member.model_copy() for member in document.cast]
    return world

"""Work metadata from labelled rows: AO3's ``dl.tags`` and FanFicFare's "Label: value" title page.

Both formats name the same facts with slightly different labels; one table maps
them onto :class:`ficlens.model.Metadata`. Unknown labels (Published, Words,
Status, ...) are kept in ``metadata.stats``.
"""

from __future__ import annotations

import re

from ..model import Metadata

_LIST_FIELDS = {
    "archive warning": "warnings", "archive warnings": "warnings",
    "warning": "warnings", "warnings": "warnings",
    "category": "category", "categories": "category",
    "fandom": "fandoms", "fandoms": "fandoms",
    "relationship": "relationships", "relationships": "relationships", "ships": "relationships",
    "pairing": "relationships", "pairings": "relationships",
    "character": "characters", "characters": "characters",
    "additional tags": "additional_tags", "freeform": "additional_tags", "freeform tags": "additional_tags",
    "genre": "additional_tags", "genres": "additional_tags", "tags": "additional_tags",
    "series": "series",
}
_SINGLE_VALUED = {"summary", "description", "title", "author", "rating", "language", "series"}
_TEXT_FIELDS = {"rating": "rating", "language": "language", "title": "title", "author": "author",
                "summary": "summary", "description": "summary"}
# FanFicFare's "Category" is the fandom (FanFiction.Net's word for it); AO3's is F/M, M/M, ...
_FANFICFARE_RENAMES = {"category": "fandom", "categories": "fandom"}
_STATS_PAIR = re.compile(r"([A-Z][A-Za-z ]*?):\s*(\S+)")


def split_values(value: str) -> list[str]:
    """``"A, B, C"`` -> ``["A", "B", "C"]`` (empty parts dropped)."""
    return [part.strip() for part in value.split(",") if part.strip()]


def _key(label: str) -> str:
    """A label as the tables spell it: "Additional  Tags:" -> "additional tags"."""
    return " ".join(label.strip().rstrip(":").lower().split())


def apply_row(metadata: Metadata, label: str, value: str, fanficfare: bool = False) -> None:
    """One "Label: value" row as written: a summary, title, author, ... keeps its commas, a list
    ("Fandom: A, B") is split at them."""
    values = [value] if _key(label) in _SINGLE_VALUED else split_values(value)
    apply_label(metadata, label, values, fanficfare)


def apply_label(metadata: Metadata, label: str, values: list[str], fanficfare: bool = False) -> None:
    """Store one labelled row (``"Fandom:"``, ``["Glee"]``) in ``metadata``."""
    key = _key(label)
    if fanficfare:
        key = _FANFICFARE_RENAMES.get(key, key)
    values = [v for v in (" ".join(v.split()) for v in values) if v]
    if not values:
        return
    if key in _LIST_FIELDS:
        target: list[str] = getattr(metadata, _LIST_FIELDS[key])
        target.extend(v for v in values if v not in target)
    elif key in _TEXT_FIELDS:
        setattr(metadata, _TEXT_FIELDS[key], ", ".join(values))
    elif key == "stats":
        for name, number in _STATS_PAIR.findall(" ".join(values)):
            metadata.stats[name.strip().lower()] = number
    else:
        metadata.stats[key] = ", ".join(values)

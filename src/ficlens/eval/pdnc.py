"""Read the Project Dialogism Novel Corpus (PDNC): text, gold quotations, gold cast.

Each novel is a folder with ``novel_text.txt``, ``quotation_info.csv`` and
``character_info.csv``. ``quoteByteSpans`` are *character* offsets into the
text as read (despite the name), one ``[start, end]`` per sub-quotation, without
the quote marks; the text has no ``\\r`` but if one is found the text is
normalised to ``\\n`` and the spans shifted to match, so they index
``StoryWorld.text`` exactly.
"""

from __future__ import annotations

import ast
import csv
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import CastMember, Gender, QuoteType
from .gold import GoldDocument, GoldQuote, world_from_gold

__all__ = ["PdncNovel", "GoldQuote", "load_novel", "iter_novels", "world_from_gold"]

REQUIRED_FILES = ("novel_text.txt", "quotation_info.csv", "character_info.csv")
_GENDERS: dict[str, Gender] = {"m": "he", "f": "she", "x": "they", "n": "they", "nb": "they"}
_TYPES: dict[str, QuoteType] = {"explicit": "explicit", "anaphoric": "anaphoric", "implicit": "implicit"}


PdncNovel = GoldDocument  # a PDNC novel is a gold document: text, quotations, cast


def is_novel_dir(path: Path) -> bool:
    return path.is_dir() and all((path / f).is_file() for f in REQUIRED_FILES)


def iter_novels(root: str | Path, names: list[str] | None = None) -> Iterator[PdncNovel]:
    """Every novel folder under ``root`` (or ``root`` itself), sorted; ``names`` picks some."""
    root = Path(root)
    if not root.is_dir():
        raise EvalError(f"PDNC directory not found: {root}")
    dirs = [root] if is_novel_dir(root) else sorted(p for p in root.iterdir() if is_novel_dir(p))
    if not dirs:
        raise EvalError(f"{root} holds no PDNC novel folders (each needs {', '.join(REQUIRED_FILES)})")
    if names:
        known = {d.name.lower(): d for d in dirs}
        missing = [n for n in names if n.lower() not in known]
        if missing:
            raise EvalError(f"no PDNC novel named {', '.join(missing)} in {root} "
                            f"(have: {', '.join(sorted(d.name for d in dirs))})")
        dirs = [known[n.lower()] for n in names]
    for d in dirs:
        yield load_novel(d)


def load_novel(novel_dir: str | Path) -> PdncNovel:
    """Read one PDNC novel folder; raise EvalError when a file is missing or malformed."""
    novel_dir = Path(novel_dir)
    if not is_novel_dir(novel_dir):
        raise EvalError(f"{novel_dir} is not a PDNC novel folder (needs {', '.join(REQUIRED_FILES)})")
    try:
        raw = (novel_dir / "novel_text.txt").read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EvalError(f"{novel_dir / 'novel_text.txt'} is not UTF-8: {e.reason}") from None
    text, shift = _normalise_newlines(raw)
    quotes = [_gold_quote(row, shift, novel_dir) for row in _rows(novel_dir / "quotation_info.csv",
                                                                 ("quoteID", "quoteByteSpans", "speaker"))]
    cast = [_cast_member(row) for row in _rows(novel_dir / "character_info.csv", ("Main Name", "Aliases"))]
    quotes.sort(key=lambda q: q.spans[0] if q.spans else (0, 0))
    return PdncNovel(name=novel_dir.name, text=text, quotes=quotes, cast=cast,
                     path=novel_dir / "novel_text.txt")


def _normalise_newlines(raw: str) -> tuple[str, list[int]]:
    """The text with ``\\r\\n``/``\\r`` as ``\\n``, and the raw offsets of dropped ``\\r``s."""
    if "\r" not in raw:
        return raw, []
    dropped = [i for i, ch in enumerate(raw) if ch == "\r" and raw[i + 1:i + 2] == "\n"]
    return raw.replace("\r\n", "\n").replace("\r", "\n"), dropped


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise EvalError(f"{path} lacks column(s) {', '.join(missing)}")
            return list(reader)
    except UnicodeDecodeError as e:
        raise EvalError(f"{path} is not UTF-8: {e.reason}") from None


def _literal(value: str, path: Path, what: str) -> Any:
    try:
        return ast.literal_eval(value) if value.strip() else None
    except (ValueError, SyntaxError):
        raise EvalError(f"{path}: cannot read {what} {value[:60]!r}") from None


def _gold_quote(row: dict[str, str], shift: list[int], novel_dir: Path) -> GoldQuote:
    where = novel_dir / "quotation_info.csv"
    spans_raw = _literal(row["quoteByteSpans"], where, "quoteByteSpans")
    if not isinstance(spans_raw, list) or not all(isinstance(s, (list, tuple)) and len(s) == 2
                                                  for s in spans_raw):
        raise EvalError(f"{where}: quote {row['quoteID']} has malformed quoteByteSpans")
    spans = [(a - bisect_left(shift, a), b - bisect_left(shift, b)) for a, b in spans_raw]
    addressees = _literal(row.get("addressees", ""), where, "addressees") or []
    quote_type = _TYPES.get(row.get("quoteType", "").strip().lower())
    return GoldQuote(id=row["quoteID"], spans=spans, text=row.get("quoteText", ""),
                     speaker=row["speaker"].strip(), addressees=[str(a) for a in addressees],
                     type=quote_type, referring_expression=(row.get("referringExpression") or "").strip()
                     or None)


def _cast_member(row: dict[str, str]) -> CastMember:
    name = row["Main Name"].strip()
    aliases = _literal(row["Aliases"], Path("character_info.csv"), "Aliases") or set()
    ordered = [name, *sorted(a.strip() for a in aliases if isinstance(a, str) and a.strip() != name)]
    gender = _GENDERS.get(row.get("Gender", "").strip().lower(), "unknown")
    return CastMember(name=name, aliases=list(dict.fromkeys(a for a in ordered if a)), gender=gender)

"""Read LitBank quotation annotations as gold documents (text, quotations, speakers).

LitBank ships each excerpt tokenised: ``quotations/tsv/NAME.txt`` has one
sentence a line, tokens split by spaces. ``quotations/tsv/NAME.ann`` has
``QUOTE id s_sent s_tok e_sent e_tok text`` rows (inclusive token spans, quote
marks included) and ``ATTRIB id speaker`` rows, where the speaker is a
coreference chain id (``Jack_Smith-0``) of ``coref/tsv/NAME.ann``, whose
``MENTION`` and ``COREF`` rows give that chain's mentions.

The plain text is rebuilt from the tokens (punctuation attached, quote marks
hugging the words they enclose) with a token -> offset map, so gold spans index
it exactly. Sentences are joined by a space; a new paragraph (a blank line)
starts before a sentence that opens a quotation when no quotation is open,
since LitBank keeps no paragraph breaks and dialogue turns are paragraphs; where dialogue is told
with dashes, not quote marks (Joyce), before a dash that opens a sentence or follows a colon.

The gold cast is one member per speaking chain: its name from the chain id, its
aliases the chain's proper-name mentions, its gender from its pronouns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from ..model import CastMember, Gender
from .gold import GoldDocument, GoldQuote

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]}%]|\.\.\.|n't|['\u2019](?:s|ll|re|ve|d|m))$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "\u201c", "\u2018", "$"}
_DOUBLE = {'"', "\u201c", "\u201d"}
_MARKS = _DOUBLE | {"'", "\u2018", "\u2019"}
_DASHES = {"\u2014", "--"}  # Joyce opens speech with a dash, on a line of its own
_OPENERS = _MARKS | _DASHES
_PRONOUNS: dict[str, Gender] = {"he": "he", "him": "he", "his": "he", "himself": "he",
                                "she": "she", "her": "she", "hers": "she", "herself": "she"}


@dataclass
class _Rebuilt:
    text: str
    offsets: list[list[tuple[int, int]]]  # [sentence][token] -> (start, end)


def iter_documents(root: str | Path, names: list[str] | None = None) -> Iterator[GoldDocument]:
    """Every LitBank excerpt with speaker annotations under ``root`` (the litbank folder)."""
    root = Path(root)
    quotes_dir = root / "quotations" / "tsv"
    if not root.is_dir():
        raise EvalError(f"LitBank directory not found: {root}")
    if not quotes_dir.is_dir():
        raise EvalError(f"{root} is not a LitBank folder (no quotations/tsv inside)")
    stems = sorted(p.stem for p in quotes_dir.glob("*.ann") if (quotes_dir / f"{p.stem}.txt").is_file())
    if not stems:
        raise EvalError(f"{quotes_dir} holds no .ann/.txt pairs")
    if names:
        chosen = [s for s in stems if any(s == n or s.startswith(n) or n in s for n in names)]
        missing = [n for n in names if not any(s == n or s.startswith(n) or n in s for s in stems)]
        if missing:
            raise EvalError(f"no LitBank excerpt named {', '.join(missing)} in {quotes_dir}")
        stems = chosen
    for stem in stems:
        document = load_document(root, stem)
        if document.quotes:
            yield document


def load_document(root: str | Path, stem: str) -> GoldDocument:
    """One excerpt: rebuilt text, quotations with speakers, speaking cast."""
    root = Path(root)
    quote_ann = root / "quotations" / "tsv" / f"{stem}.ann"
    sentences = [line.split(" ") if line else [] for line in
                 _read(root / "quotations" / "tsv" / f"{stem}.txt").split("\n")]
    if sentences and not sentences[-1]:
        sentences.pop()
    quote_rows, speakers = _quotation_rows(quote_ann)
    rebuilt = _rebuild(sentences)
    chains = _chains(root / "coref" / "tsv" / f"{stem}.ann", rebuilt)
    cast, names = _cast(sorted(set(speakers.values())), chains)
    quotes: list[GoldQuote] = []
    for quote_id, (s_sent, s_tok, e_sent, e_tok) in quote_rows.items():
        if quote_id not in speakers:
            continue
        try:
            start, end = rebuilt.offsets[s_sent][s_tok][0], rebuilt.offsets[e_sent][e_tok][1]
        except IndexError:
            raise EvalError(f"{quote_ann}: quote {quote_id} points outside the text") from None
        quotes.append(GoldQuote(id=quote_id, spans=[(start, end)], text=rebuilt.text[start:end],
                                speaker=names[speakers[quote_id]]))
    quotes.sort(key=lambda q: q.spans[0])
    return GoldDocument(name=stem, text=rebuilt.text, quotes=quotes, cast=cast, path=quote_ann)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvalError(f"LitBank file missing: {path}") from None
    except UnicodeDecodeError as e:
        raise EvalError(f"{path} is not UTF-8: {e.reason}") from None


def _quotation_rows(path: Path) -> tuple[dict[str, tuple[int, int, int, int]], dict[str, str]]:
    quotes: dict[str, tuple[int, int, int, int]] = {}
    speakers: dict[str, str] = {}
    for number, line in enumerate(_read(path).split("\n"), 1):
        cells = line.split("\t")
        try:
            if cells[0] == "QUOTE":
                quotes[cells[1]] = (int(cells[2]), int(cells[3]), int(cells[4]), int(cells[5]))
            elif cells[0] == "ATTRIB":
                speakers[cells[1]] = cells[2].strip()
        except (IndexError, ValueError):
            raise EvalError(f"{path}:{number}: malformed {cells[0]} row") from None
    return quotes, speakers


def _rebuild(sentences: list[list[str]]) -> _Rebuilt:
    """Detokenise: see the module docstring; returns the text and every token's offsets."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    length = 0
    state = _MarkState()
    glue_next = True
    openers = Counter(tokens[0] in _DASHES for tokens in sentences if tokens and tokens[0] in _OPENERS)
    dashed = openers[True] > openers[False]  # dialogue told with dashes, not quote marks
    for tokens in sentences:
        if tokens and tokens[0] in (_OPENERS if dashed else _MARKS) and not state.any_open() and parts:
            parts.append("\n\n")
            length += 2
            glue_next = True
        positions: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if dashed and token in _DASHES and i and tokens[i - 1] == ":" and not state.any_open():
                parts.append("\n\n")  # 'His mother said:' and her words below it
                length += 2
                glue_next = True
            role = state.role(token, tokens[i - 1] if i else "", following)
            if not glue_next and role not in ("close", "apostrophe") and not _NO_SPACE_BEFORE.match(token):
                parts.append(" ")
                length += 1
            positions.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            glue_next = role == "open" or token in _NO_SPACE_AFTER or (
                role == "apostrophe" and following[:1].isalpha() and tokens[i - 1][-1:] not in ("s", "S"))
        offsets.append(positions)
    return _Rebuilt(text="".join(parts), offsets=offsets)


class _MarkState:
    """Which quote marks are open, to tell an opening mark from a closing one."""

    def __init__(self) -> None:
        self.double = False
        self.single = False

    def any_open(self) -> bool:
        return self.double or self.single

    def role(self, token: str, previous: str, following: str) -> str:
        """open, close, apostrophe (glued both sides) or "" for a token that is no mark. A straight
        mark opening a sentence opens a quote even when one is open: that one was never closed (North
        and South's epigraph) or its speech goes on into a new paragraph."""
        if token in _DOUBLE:
            opening = token == "\u201c" or (token == '"' and (not self.double or not previous))
            self.double = opening
            return "open" if opening else "close"
        if token == "\u2018":
            self.single = True
            return "open"
        if token == "\u2019" and not self.single or (token in ("'", "\u2019") and previous[-1:].isalpha()
                                                     and following[:1].islower()):
            return "apostrophe"
        if token in ("'", "\u2019"):
            self.single = not self.single or not previous
            return "open" if self.single else "close"
        return ""


def _chain_name(chain: str) -> str:
    """``Jack_Smith-0`` -> ``Jack Smith``."""
    return " ".join(re.sub(r"-\d+$", "", chain).replace("_", " ").split()) or chain


def _chains(path: Path, rebuilt: _Rebuilt) -> dict[str, list[tuple[str, str]]]:
    """Chain id -> [(mention text, PROP/NOM/PRON)] for PER mentions, from coref/tsv."""
    if not path.is_file():
        return {}
    mentions: dict[str, tuple[str, str]] = {}
    chains: dict[str, list[tuple[str, str]]] = {}
    for line in _read(path).split("\n"):
        cells = line.split("\t")
        if cells[0] == "MENTION" and len(cells) >= 9 and cells[7] == "PER":
            try:
                s_sent, s_tok, e_sent, e_tok = (int(c) for c in cells[2:6])
                start, end = rebuilt.offsets[s_sent][s_tok][0], rebuilt.offsets[e_sent][e_tok][1]
            except (ValueError, IndexError):
                continue
            mentions[cells[1]] = (rebuilt.text[start:end], cells[8].strip())
        elif cells[0] == "COREF" and len(cells) >= 3 and cells[1] in mentions:
            chains.setdefault(cells[2].strip(), []).append(mentions[cells[1]])
    return chains


def _cast(speakers: list[str], chains: dict[str, list[tuple[str, str]]]
          ) -> tuple[list[CastMember], dict[str, str]]:
    """One member per speaking chain, and chain id -> member name.

    The name is the chain's own (``MRS_LENNOX-3``), spelt as a proper-name mention
    spells it when one matches ("Mrs. Lennox"); a name two chains share gets the
    chain number; an alias two chains share is kept by neither.
    """
    proper = {chain: {text for text, kind in chains.get(chain, []) if kind == "PROP"} for chain in speakers}
    names: dict[str, str] = {}
    for chain in speakers:
        plain = _chain_name(chain)
        spelt = [a for a in sorted(proper[chain]) if _plain(a) == _plain(plain)]
        names[chain] = spelt[0] if spelt else plain
    taken = Counter(name.lower() for name in names.values())
    for chain, name in names.items():
        if taken[name.lower()] > 1:
            names[chain] = f"{name} ({chain.rsplit('-', 1)[-1]})"
    shared = Counter(alias.lower() for aliases in proper.values() for alias in aliases)
    members = []
    for chain in speakers:
        aliases = sorted(a for a in proper[chain] if shared[a.lower()] == 1 and a != names[chain])
        pronouns = Counter(_PRONOUNS[text.lower()] for text, _ in chains.get(chain, [])
                           if text.lower() in _PRONOUNS)
        gender: Gender = pronouns.most_common(1)[0][0] if pronouns else "unknown"
        members.append(CastMember(name=names[chain], aliases=[names[chain], *aliases], gender=gender))
    return members, names


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", name.lower()).split())

"""Tests for ficlens.eval: the PDNC and LitBank loaders, the metrics, ``ficlens eval``."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.errors import EvalError
from ficlens.eval.pdnc import iter_novels, load_novel, world_from_gold

PDNC_FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "pdnc"


def test_pdnc_load_novel_spans_index_the_text() -> None:
    novel = load_novel(PDNC_FIXTURE / "TinyHarbour")
    assert novel.name == "TinyHarbour"
    assert [q.id for q in novel.quotes] == ["Q0", "Q1", "Q2", "Q3"]
    first = novel.quotes[0]
    assert [novel.text[a:b] for a, b in first.spans] == ["It will come,", "it always does."]
    assert novel.text[first.spans[0][0] - 1] == '"'
    assert first.speaker == "Tobias Wren"
    assert first.addressees == ["Mara Quill"]
    assert (first.type, first.referring_expression) == ("explicit", "said Tobias Wren")
    assert novel.quotes[3].type == "implicit" and novel.quotes[3].referring_expression is None


def test_pdnc_load_novel_reads_cast() -> None:
    cast = {m.name: m for m in load_novel(PDNC_FIXTURE / "TinyHarbour").cast}
    assert cast["Mara Quill"].aliases == ["Mara Quill", "Mara", "Miss Quill"]
    assert [cast[n].gender for n in ("Mara Quill", "Tobias Wren", "The Ferryman")] == ["she", "he", "they"]


def test_pdnc_load_novel_crlf_text_shifts_spans(tmp_path: Path) -> None:
    raw = 'Rain.\r\n\r\n"Go home," said Ann.\r\n'
    a = raw.index("Go home,")
    (tmp_path / "novel_text.txt").write_bytes(raw.encode())
    (tmp_path / "character_info.csv").write_text("Main Name,Aliases,Gender\nAnn,{'Ann'},F\n")
    (tmp_path / "quotation_info.csv").write_text(
        f'quoteID,quoteByteSpans,speaker\nQ0,"[[{a}, {a + 8}]]",Ann\n')
    novel = load_novel(tmp_path)
    (start, end), = novel.quotes[0].spans
    assert "\r" not in novel.text
    assert novel.text[start:end] == "Go home,"


def test_pdnc_world_from_gold_sets_cast() -> None:
    novel = load_novel(PDNC_FIXTURE / "TinyOrchard")
    world = world_from_gold(novel)
    assert world.text == novel.text
    assert [m.name for m in world._cast or []] == ["Pell Ashby", "Nora Vale", "Mara Quill"]


def test_pdnc_iter_novels_sorted_and_subset() -> None:
    assert [n.name for n in iter_novels(PDNC_FIXTURE)] == ["TinyHarbour", "TinyOrchard"]
    assert [n.name for n in iter_novels(PDNC_FIXTURE, ["tinyorchard"])] == ["TinyOrchard"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "absent", "not found"),
    (lambda p: p, "no PDNC novel folders"),
])
def test_pdnc_iter_novels_bad_dir(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        list(iter_novels(make(tmp_path)))


def test_pdnc_iter_novels_unknown_name() -> None:
    with pytest.raises(EvalError, match="no PDNC novel named Nope"):
        list(iter_novels(PDNC_FIXTURE, ["Nope"]))


def test_pdnc_load_novel_bad_spans(tmp_path: Path) -> None:
    (tmp_path / "novel_text.txt").write_text('"Hi," she said.\n')
    (tmp_path / "character_info.csv").write_text("Main Name,Aliases,Gender\nAnn,{'Ann'},F\n")
    (tmp_path / "quotation_info.csv").write_text("quoteID,quoteByteSpans,speaker\nQ0,[[1,x]],Ann\n")
    with pytest.raises(EvalError, match="quoteByteSpans"):
        load_novel(tmp_path)


@pytest.mark.shared
def test_pdnc_real_novel_spans_match_quote_text(pdnc_dir: Path) -> None:
    novel = load_novel(pdnc_dir / "PrideAndPrejudice")
    assert len(novel.quotes) > 1000
    matched = sum(novel.text[a:b].strip() in q.text for q in novel.quotes for a, b in q.spans)
    total = sum(len(q.spans) for q in novel.quotes)
    assert matched / total > 0.99
    assert all(novel.text[a - 1] in "\"'\u201c\u2018 \n" for q in novel.quotes for a, b in q.spans[:1])

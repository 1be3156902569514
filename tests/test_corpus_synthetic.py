"""The synthetic corpus: deterministic, mixed formats, known duplicates and truth."""

from __future__ import annotations

import json
from pathlib import Path

from ficlens.corpus.synthetic import FANDOMS, synthetic_text, write_corpus


def test_synthetic_same_seed_same_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", works=6, seed=4, words=120)
    write_corpus(tmp_path / "b", works=6, seed=4, words=120)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_synthetic_truth_matches_files(tmp_path: Path) -> None:
    truths = write_corpus(tmp_path, works=40, seed=2, words=100, duplicate_share=0.2)
    manifest = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text().splitlines()]
    assert [t["file"] for t in manifest] == [t.file for t in truths]
    assert {t.format for t in truths} == {"txt", "html"}
    duplicates = [t for t in truths if t.duplicate_of]
    assert duplicates, "a few works are saved twice"
    for copy in duplicates:
        assert (tmp_path / copy.file).read_bytes() == (tmp_path / copy.duplicate_of).read_bytes()
    for truth in truths:
        text = (tmp_path / truth.file).read_text()
        assert truth.fandom in FANDOMS and truth.fandom in text
        assert all(name.split()[0] in text for name in truth.pairing)
        assert text.count('"' if truth.format == "txt" else "&quot;") == 2 * truth.quotes


def test_synthetic_text_has_about_the_words_asked() -> None:
    words = len(synthetic_text(2000).split())
    assert 1800 <= words <= 2600

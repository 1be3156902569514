"""Character finding on PDNC dev and LitBank: recall, precision and CPU time per text.

    python benchmarks/characters_dev.py [pdnc|litbank|all] [--verbose]

* PDNC: gold characters are those speaking >= 5 quotations (quotation_info.csv);
  recall = gold characters some predicted character is. Precision is reported
  twice: ``p@N`` over the top-N predicted (N = number of such gold characters),
  and ``p_all`` over every predicted character (any gold character, of any size,
  counts as a match). Gender accuracy: found PDNC characters whose gold gender
  is M or F.
* LitBank: gold characters are coreference chains with a proper-name PER mention;
  main ones have >= 2 such mentions. Same recall / p@N / p_all.

A predicted character is a gold one when its name or one of its aliases is among
that character's gold aliases (case- and space-insensitive), as in ficlens eval.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import ficlens
from ficlens.characters import find_characters
from ficlens.nlp import load_english
from ficlens.segment import segment

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


GENDERS: dict[frozenset[str], str] = {}  # PDNC gold aliases -> he/she, for gender accuracy


def _pdnc() -> list[tuple[str, str, list[set[str]], list[set[str]]]]:
    docs = []
    for novel in sorted(p for p in (SHARED / "pdnc-dev").iterdir() if p.is_dir()):
        with open(novel / "quotation_info.csv", newline="", encoding="utf-8") as f:
            speakers = Counter(row["speaker"] for row in csv.DictReader(f))
        every, main = [], []
        with open(novel / "character_info.csv", newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                aliases = {_key(a) for a in ast.literal_eval(row["Aliases"])} | {_key(row["Main Name"])}
                every.append(aliases)
                GENDERS[frozenset(aliases)] = {"M": "he", "F": "she"}.get(row["Gender"], "?")
                if speakers[row["Main Name"]] >= 5:
                    main.append(aliases)
        docs.append((novel.name, str(novel / "novel_text.txt"), every, main))
    return docs


def _litbank() -> list[tuple[str, str, list[set[str]], list[set[str]]]]:
    root = SHARED / "litbank" / "coref"
    docs = []
    for tsv in sorted((root / "tsv").glob("*.ann")):
        chain: dict[str, str] = {}
        for line in tsv.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0] == "COREF":
                chain[parts[1]] = parts[2]
        names: dict[str, list[str]] = defaultdict(list)
        for line in (root / "brat" / tsv.name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("PROP_PER "):
                name = re.sub(r" 's$", "", parts[2])
                name = re.sub(r"^(?:[a-z]+ )+", "", name)
                names[chain.get(parts[0], parts[0])].append(name.replace(" .", "."))
        every = [{_key(n) for n in ns} for ns in names.values()]
        main = [{_key(n) for n in ns} for ns in names.values() if len(ns) >= 2]
        docs.append((tsv.stem.replace("_brat", ""), str(root / "brat" / tsv.name.replace(".ann", ".txt")),
                     every, main))
    return docs


def _matches(character: ficlens.model.Character, gold: list[set[str]]) -> int | None:
    forms = [_key(character.name)] + [_key(a) for a in character.aliases]
    for form in forms:
        for i, aliases in enumerate(gold):
            if form in aliases:
                return i
    return None


def evaluate(name: str, docs: list, verbose: bool, genders: dict[frozenset[str], str] | None = None) -> None:
    totals = Counter()
    print(f"== {name}: {'text':34} {'recall':>9} {'p@N':>9} {'p_all':>9} {'secs':>6} {'words':>7}")
    for title, path, every, main in docs:
        world = segment(ficlens.read(path))
        started = time.process_time()  # CPU time: other jobs on the shared machine don't count
        world = find_characters(world)
        seconds = time.process_time() - started
        predicted = world.characters
        found = {m for c in predicted if (m := _matches(c, main)) is not None}
        top = predicted[:len(main)]
        top_ok = sum(_matches(c, every) is not None for c in top)
        all_ok = sum(_matches(c, every) is not None for c in predicted)
        words = len(world.text.split())
        for c in predicted:
            gold = _matches(c, main)
            expected = (genders or {}).get(frozenset(main[gold]), "?") if gold is not None else "?"
            if expected != "?":
                totals["gendered"] += 1
                totals["gender_ok"] += c.gender == expected
                if verbose and c.gender != expected:
                    print(f"      gender: {c.name} {c.gender} (gold {expected})")
        totals.update(main=len(main), found=len(found), top=len(top), top_ok=top_ok,
                      predicted=len(predicted), all_ok=all_ok, words=words)
        totals["seconds"] += seconds
        print(f"   {title[:34]:34} {len(found):>3}/{len(main):<4} {top_ok:>3}/{len(top):<4} "
              f"{all_ok:>3}/{len(predicted):<4} {seconds:6.2f} {words:7}")
        if verbose:
            missed = [sorted(m)[0] for i, m in enumerate(main) if i not in found]
            wrong = [c.name for c in predicted if _matches(c, every) is None]
            print(f"      missed: {missed}\n      not gold: {wrong[:25]}")
    ratio = lambda a, b: totals[a] / max(1, totals[b])  # noqa: E731
    print(f"   {'OVERALL':34} recall {ratio('found', 'main'):.3f}  p@N {ratio('top_ok', 'top'):.3f}  "
          f"p_all {ratio('all_ok', 'predicted'):.3f}  "
          f"{'gender ' + format(ratio('gender_ok', 'gendered'), '.3f') if genders else ''} "
          f"{totals['seconds']:.1f}s "
          f"({1e5 * totals['seconds'] / max(1, totals['words']):.2f}s per 100k words)")


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "all"
    verbose = "--verbose" in sys.argv
    load_english()
    if which in ("pdnc", "all"):
        evaluate("PDNC dev", _pdnc(), verbose, GENDERS)
    if which in ("litbank", "all"):
        evaluate("LitBank", _litbank(), verbose)


if __name__ == "__main__":
    main()

"""Quote attribution on PDNC dev with gold quote spans, with the gold cast and end to end, by quote type.

    python benchmarks/attribution_dev.py [PDNC_DIR] [--novel NAME ...] [--seed N] [--shipped] [--scenes DIR]
                                         [--litbank DIR]

Default: 2-fold leave-novels-out cross-validation (novels alternate between the
folds; each fold is scored by a ranker trained on the other), so the numbers are
not training-set numbers. End to end here means the characters ficlens finds, on
the gold quote spans: a quote is right when its speaker is one of the characters
that match the gold one (``eval.metrics.match_characters``).
``--shipped`` scores the committed model as is (trained on all of pdnc-dev:
optimistic). ``--seed N`` starts the hidden layers from another random draw: the
score moves by about half a point between draws, so judge a change by more than one.
Prints accuracy overall and per type, addressee accuracy (a gold addressee
predicted), a reliability table, and attribution time per 100k words.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ficlens.attribution import attribute_quotes
from ficlens.attribution.training import Result, cross_validate, gold_world, predict, report, scene_worlds
from ficlens.eval.litbank import iter_documents
from ficlens.eval.pdnc import iter_novels

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "pdnc-dev"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--novel", action="append", default=[], help="only this novel (repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="the hidden layers' first random draw")
    parser.add_argument("--shipped", action="store_true", help="score the committed model as is")
    parser.add_argument("--scenes", type=Path, help="also train on our own annotated scenes in this folder")
    parser.add_argument("--litbank", type=Path, help="also train on LitBank's quotations in this folder")
    options = parser.parse_args(argv)
    directory, names = options.directory, options.novel
    golds, found = [], []  # each novel with the gold cast, and with the characters ficlens finds
    for document in iter_novels(directory, names or None):
        golds.append(gold_world(document))
        found.append(gold_world(document, gold_cast=False))
        print(f"loaded {document.name}", file=sys.stderr)
    words = sum(len(g.world.text.split()) for g in golds)
    started = time.perf_counter()
    for gold in golds:
        attribute_quotes(gold.world)
    seconds = time.perf_counter() - started
    if options.shipped:
        results = {"gold cast": Result(), "end to end": Result()}
        for setting, worlds in (("gold cast", golds), ("end to end", found)):
            for gold in worlds:
                results[setting].add(predict(gold))
    else:
        scenes = scene_worlds(options.scenes) if options.scenes else None
        litbank = [gold_world(d) for d in iter_documents(options.litbank)] if options.litbank else None
        results = cross_validate(golds, progress=lambda name: print(f"held out {name}", file=sys.stderr),
                                 seed=options.seed, scenes=scenes, end_to_end=found, extra=litbank)
    for setting, result in results.items():
        print("\n".join([f"== {setting}", *report(result)]))
    print(f"attribution time: {seconds / words * 100_000:.2f} s per 100k words ({words} words)")


if __name__ == "__main__":
    main(sys.argv[1:])

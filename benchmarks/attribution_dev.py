"""Quote attribution on PDNC dev with gold quote spans and the gold cast, by quote type.

    python benchmarks/attribution_dev.py [PDNC_DIR] [--novel NAME ...] [--shipped]

Default: 2-fold leave-novels-out cross-validation (novels alternate between the
folds; each fold is scored by a ranker trained on the other), so the numbers are
not training-set numbers.
``--shipped`` scores the committed model as is (trained on all of pdnc-dev:
optimistic). Prints accuracy overall and per type, addressee accuracy (a gold
addressee predicted), a reliability table, and attribution time per 100k words.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ficlens.attribution import attribute_quotes
from ficlens.attribution.training import Result, cross_validate, gold_world, predict, report
from ficlens.eval.pdnc import iter_novels

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "pdnc-dev"


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    names = [argv[i + 1] for i, a in enumerate(argv) if a == "--novel" and i + 1 < len(argv)]
    args = [a for a in args if a not in names]
    directory = Path(args[0]) if args else DEFAULT_DIR
    golds = []
    for document in iter_novels(directory, names or None):
        golds.append(gold_world(document))
        print(f"loaded {document.name}", file=sys.stderr)
    words = sum(len(g.world.text.split()) for g in golds)
    started = time.perf_counter()
    for gold in golds:
        attribute_quotes(gold.world)
    seconds = time.perf_counter() - started
    if "--shipped" in argv:
        result = Result()
        for gold in golds:
            result.add(predict(gold))
    else:
        result = cross_validate(golds, progress=lambda name: print(f"held out {name}", file=sys.stderr))
    print("\n".join(report(result)))
    print(f"attribution time: {seconds / words * 100_000:.2f} s per 100k words ({words} words)")


if __name__ == "__main__":
    main(sys.argv[1:])

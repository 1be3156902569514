"""Quote attribution on our own annotated fan-fiction scenes (``training/scenes``), gold cast.

    python benchmarks/scenes_dev.py [SCENES_DIR] [--pdnc DIR] [--cross-validate] [--seed N]

Default: the shipped model on every scene. ``--cross-validate``: scenes go round-robin
into two folds; each fold is scored by a ranker trained on PDNC (``--pdnc``) and the
other fold's scenes, so no scene is scored by a model that saw it. Prints accuracy over
the scenes' spoken quotes (continuations included: each is a line a reader sees).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ficlens.attribution import attribute_quotes
from ficlens.attribution.ranker import Weights
from ficlens.attribution.training import GoldWorld, gold_world, scene_worlds, train
from ficlens.eval.pdnc import iter_novels

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENES = ROOT / "training" / "scenes"
DEFAULT_PDNC = ROOT.parent / "shared" / "data" / "pdnc-dev"


def right_and_total(scenes: list[GoldWorld], weights: Weights | None) -> tuple[int, int]:
    right = total = 0
    for scene in scenes:
        world = attribute_quotes(scene.world, weights)
        for quote in world.quotes:
            if quote.id in scene.speaker:
                total += 1
                right += quote.speaker == scene.speaker[quote.id]
    return right, total


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_SCENES)
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)
    scenes = scene_worlds(options.directory)
    if not options.cross_validate:
        right, total = right_and_total(scenes, None)
        print(f"shipped model: {right}/{total} = {right / total:.3f} ({len(scenes)} scenes)")
        return
    golds = [gold_world(document) for document in iter_novels(options.pdnc)]
    pdnc_only = train(golds, options.seed)
    sums = {"PDNC only": [0, 0], "PDNC + other scenes": [0, 0]}
    for fold in range(2):
        held = scenes[fold::2]
        names = {scene.name for scene in held}
        print(f"held out {', '.join(sorted(names))}", file=sys.stderr)
        rest = [scene for scene in scenes if scene.name not in names]
        with_scenes = train(golds, options.seed, rest)
        for label, weights in (("PDNC only", pdnc_only), ("PDNC + other scenes", with_scenes)):
            right, total = right_and_total(held, weights)
            sums[label][0] += right
            sums[label][1] += total
            print(f"fold {fold} {label:20} {right}/{total} = {right / total:.3f}")
    for label, (right, total) in sums.items():
        print(f"cross-validated, {label}: {right}/{total} = {right / total:.3f}")

if __name__ == "__main__":
    main(sys.argv[1:])

"""How many true scene/chapter boundaries do inferred breaks recover?

PDNC dev novels: chapter heading lines ("CHAPTER I", "Chapter 12") are removed,
the rest is joined and run through segment → characters → quotes → attribution
→ scenes; each true boundary is the first paragraph after a removed heading, and
an inferred break counts as a hit within ±1 paragraph. Our fixtures
(tests/fixtures/scenes) are scored the same way on their unmarked breaks.

    python benchmarks/scene_breaks.py [--pdnc ../shared/data/pdnc-dev] [--limit N]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ficlens import pipeline  # noqa: E402
from ficlens.model import StoryWorld  # noqa: E402
from ficlens.scenes import find_scenes  # noqa: E402
from fixtures.scenes.worlds import NAMES, load  # noqa: E402

HEADING = re.compile(r"^[ \t]*(?:CHAPTER|Chapter)\s+[\dIVXLCivxlc]+\b[^\n]*$", re.MULTILINE)
TOLERANCE = 1


def strip_headings(text: str) -> tuple[str, list[int]]:
    """The text without chapter headings, and the offsets where each chapter now starts.

    The blank lines around a heading shrink to one paragraph gap, so the lost
    chapter break leaves no trace in the layout.
    """
    pieces: list[str] = []
    starts: list[int] = []
    length = 0
    position = 0
    for match in HEADING.finditer(text):
        before = text[position : match.start()].rstrip()
        if before:
            pieces.append(before + "\n\n")
            length += len(before) + 2
        starts.append(length)
        position = match.end()
        while position < len(text) and text[position] in " \t\n":
            position += 1
    pieces.append(text[position:])
    return "".join(pieces), starts[1:]


def score(world: StoryWorld, truth_offsets: list[int]) -> tuple[int, int, int]:
    """(hits, false breaks, true boundaries) for the inferred breaks of ``world``."""
    starts = [p.start for p in world.paragraphs]

    def paragraph_of(offset: int) -> int:
        return bisect.bisect_left(starts, offset)

    truth = [paragraph_of(o) for o in truth_offsets]
    found = [paragraph_of(s.start) for s in world.scenes if s.break_ == "inferred"]
    hits = sum(1 for t in truth if any(abs(t - f) <= TOLERANCE for f in found))
    false = sum(1 for f in found if not any(abs(t - f) <= TOLERANCE for t in truth))
    return hits, false, len(truth)


def report(name: str, hits: int, false: int, total: int, seconds: float | None = None) -> None:
    """One line of counts and scores; a score with nothing to divide by shows as "-"."""
    found = hits + false
    precision = hits / found if found else None
    recall = hits / total if total else None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    timing = f" {seconds:6.1f}s" if seconds is not None else ""
    scores = " ".join(
        f"{label}={_number(value)}" for label, value in (("P", precision), ("R", recall), ("F1", f1))
    )
    print(f"{name:28} true={total:4} found={found:4} hits={hits:4} {scores}{timing}")


def _number(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def run_pdnc(folder: Path, limit: int | None) -> None:
    stages = [
        s for s in pipeline.default_stages() if s.name in ("segment", "characters", "quotes", "attribution")
    ]
    totals = [0, 0, 0]
    for novel in sorted(p for p in folder.iterdir() if (p / "novel_text.txt").exists())[:limit]:
        text, truth = strip_headings((novel / "novel_text.txt").read_text(encoding="utf-8"))
        if not truth:
            continue
        started = time.perf_counter()
        world = pipeline.run(StoryWorld(text=text), stages)
        world = find_scenes(world)
        hits, false, total = score(world, truth)
        report(novel.name, hits, false, total, time.perf_counter() - started)
        totals = [a + b for a, b in zip(totals, (hits, false, total), strict=True)]
    report("PDNC overall", *totals)


def run_fixtures() -> None:
    totals = [0, 0, 0]
    for name in NAMES:
        world, truth = load(name)
        marked = set(truth.get("marked", []))
        expected = [
            world.text.index(opening) for n, opening in enumerate(truth["scenes"]) if n and n not in marked
        ]
        world = find_scenes(world)
        hits, false, total = score(world, expected)
        report(f"fixture {name}", hits, false, total)
        totals = [a + b for a, b in zip(totals, (hits, false, total), strict=True)]
    report("fixtures overall", *totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "data" / "pdnc-dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    run_fixtures()
    if args.pdnc.exists():
        run_pdnc(args.pdnc, args.limit)


if __name__ == "__main__":
    main()

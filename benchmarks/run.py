"""Whole-process benchmark of ``ficlens analyze``: wall time, words/s and peak memory.

Runs the installed CLI as a child process (so start-up, model loading, reading,
every stage and writing the JSON and HTML report all count) on one core, and
prints one row per input. Inputs: our sample chapter, the seed chapter and
100k/200k-word texts cut from a PDNC dev novel when ../shared is present
(otherwise built from the synthetic corpus generator).

    python benchmarks/run.py [--sizes 100000 200000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = Path(sys.executable).with_name("ficlens")


def novel_words(n_words: int) -> str:
    """The first ``n_words`` words of PDNC dev novels, joined, keeping their layout."""
    texts = sorted((SHARED / "data" / "pdnc-dev").glob("*/novel_text.txt"), key=lambda p: -p.stat().st_size)
    if not texts:
        from ficlens.corpus.synthetic import synthetic_text

        return synthetic_text(n_words)
    out: list[str] = []
    count = 0
    for path in texts:
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            out.append(line)
            count += len(line.split())
            if count >= n_words:
                return "".join(out)
    return "".join(out)


def measure(path: Path, out_dir: Path) -> tuple[float, float]:
    """(seconds, peak MB) of one ``ficlens analyze`` run pinned to one core."""
    cmd = [str(CLI), "analyze", str(path), "-o", str(out_dir / path.stem), "--quiet"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"ficlens analyze failed on {path} (status {status})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 200_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = [ROOT / "examples" / "sample-chapter.txt"]
        seed = SHARED / "seed" / "the-break-up.txt"
        if seed.exists():
            inputs.append(seed)
        for size in args.sizes:
            path = work / f"novel-{size // 1000}k.txt"
            path.write_text(novel_words(size), encoding="utf-8")
            inputs.append(path)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"{'input':<28}{'words':>9}{'seconds':>9}{'words/s':>10}{'peak MB':>9}")
        for path in inputs:
            words = len(path.read_text(encoding="utf-8").split())
            best = min((measure(path, work) for _ in range(args.repeat)), key=lambda r: r[0])
            print(f"{path.name:<28}{words:>9}{best[0]:>9.2f}{words / best[0]:>10.0f}{best[1]:>9.0f}")


if __name__ == "__main__":
    main()

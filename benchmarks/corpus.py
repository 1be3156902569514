"""Corpus-run benchmark: scaling with workers, kill -9 and resume, coordinator memory.

Writes a synthetic corpus of ``--works`` works (about 3,300 words each, so 3,000
works are about 10 million words), then:

1. throughput: the first ``--scaling-works`` works with 1 and with 2 local workers
   (fresh databases; worker start-up included), and the speed-up;
2. uninterrupted run of the whole corpus with 2 workers, in this process, sampling
   the coordinator's resident memory as works complete (flat = not growing with works);
3. the same corpus as ``ficlens corpus run`` killed with SIGKILL twice mid-run
   (coordinator and workers) and resumed; the final tables must equal the
   uninterrupted run's (timing columns aside).

    python benchmarks/corpus.py --works 300
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = "FICLENS_BENCH_SNAPSHOT"


def _run_on_a_snapshot() -> None:
    """Re-run this script on a copy of src/: every run must use the same pipeline code,
    even while others edit the working tree (the kill test compares runs minutes apart)."""
    if SNAPSHOT in os.environ:
        return
    snapshot = Path(tempfile.mkdtemp(prefix="ficlens-bench-src-"))
    shutil.copytree(
        ROOT / "src", snapshot / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    env = dict(os.environ, PYTHONPATH=str(snapshot / "src"), **{SNAPSHOT: str(snapshot)})
    try:
        status = subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=env)
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
    raise SystemExit(status)


_run_on_a_snapshot()

import duckdb  # noqa: E402 - after the snapshot, so ficlens comes from it

from ficlens.corpus.run import run_corpus  # noqa: E402
from ficlens.corpus.store import table_contents  # noqa: E402
from ficlens.corpus.synthetic import write_corpus  # noqa: E402

CLI = str(Path(sys.executable).with_name("ficlens"))
STARTUP = 5.0  # seconds a run takes to start (forkserver loading the pipeline), roughly


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class MemorySampler:
    """A progress sink that records (works done, coordinator RSS MB) as the run goes."""

    def __init__(self) -> None:
        self.done = 0
        self.samples: list[tuple[int, float]] = []

    def start(self, total: int) -> None:
        self.samples.append((0, _rss_mb()))

    def advance(self, words: int = 0, analysed: bool = False) -> None:
        self.done += 1
        if self.done % 10 == 0:
            self.samples.append((self.done, _rss_mb()))

    def stop(self) -> None:
        self.samples.append((self.done, _rss_mb()))


class RateSampler:
    """A progress sink timing the first and last saved work: the steady rate, start-up excluded."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def start(self, total: int) -> None: ...

    def advance(self, words: int = 0, analysed: bool = False) -> None:
        self.times.append(time.perf_counter())

    def stop(self) -> None: ...

    def steady_rate(self) -> float:
        return (len(self.times) - 1) / (self.times[-1] - self.times[0])


def throughput(folder: Path, work: Path, n_works: int) -> None:
    subset = sorted(folder.glob("work-*"))[:n_works]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in subset)
    rates, steady = {}, {}
    for workers in (1, 2):
        load = _load()
        sampler = RateSampler()
        start = time.perf_counter()
        summary = run_corpus(
            [str(p) for p in subset], work / f"scale-{workers}.duckdb", workers=workers, progress=sampler
        )
        seconds = time.perf_counter() - start
        if summary.failed:
            con = duckdb.connect(str(work / f"scale-{workers}.duckdb"), read_only=True)
            (error,) = con.execute("SELECT any_value(error) FROM works WHERE status = 'failed'").fetchone()  # type: ignore[misc]
            raise SystemExit(f"FAIL: {summary.failed} works failed, e.g.: {error}")
        rates[workers], steady[workers] = summary.analysed / seconds, sampler.steady_rate()
        print(
            f"  {workers} worker(s): {summary.analysed} works, ~{words:,} words in {seconds:.1f} s = "
            f"{rates[workers]:.2f} works/s ({steady[workers]:.2f} works/s after start-up), "
            f"{summary.words / seconds:,.0f} words/s; load before: {load}, after: {_load()}"
        )
    print(
        f"  speed-up 2 vs 1 workers: {rates[2] / rates[1]:.2f}x ({steady[2] / steady[1]:.2f}x after start-up)"
    )


def uninterrupted(folder: Path, db: Path) -> float:
    sampler = MemorySampler()
    start = time.perf_counter()
    summary = run_corpus([str(folder)], db, workers=2, progress=sampler)
    seconds = time.perf_counter() - start
    print(
        f"  {summary.analysed} analysed, {summary.duplicates + summary.skipped} duplicates, "
        f"{summary.failed} failed, {summary.words:,} words in {seconds:.1f} s "
        f"({summary.words / seconds:,.0f} words/s, {summary.analysed / seconds:.2f} works/s)"
    )
    points = sampler.samples
    marks = sorted({points[0], points[len(points) // 4], points[len(points) // 2], points[-1]})
    print("  coordinator RSS (works done: MB): " + ", ".join(f"{n}: {mb:.0f}" for n, mb in marks))
    if len(points) > 4:
        half = points[len(points) // 2 :]
        slope = (half[-1][1] - half[0][1]) / max(1, half[-1][0] - half[0][0]) * 1000
        print(f"  RSS growth over the second half: {slope:+.1f} MB per 1,000 works")
    return seconds


def _saved(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM works").fetchone()[0]  # type: ignore[index]
    finally:
        con.close()


def killed_twice(folder: Path, db: Path, reference: Path, reference_seconds: float) -> None:
    """Kill at about a third of the works, then at about two thirds (timed from the first run's pace)."""
    command = [CLI, "corpus", "run", str(folder), "--db", str(db), "--workers", "2", "-q"]
    total = _saved(reference)
    start = time.perf_counter()
    kill_after = max(STARTUP + 1, reference_seconds / 3)
    for attempt in (1, 2):
        before = _saved(db) if db.exists() else 0
        proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
        time.sleep(kill_after)
        running = proc.poll() is None
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        saved = _saved(db)
        print(
            f"  kill -9 #{attempt} after {kill_after:.0f} s: {saved} of {total} works saved "
            f"({'mid-run' if running and saved < total else 'the run had already finished'})"
        )
        pace = max(saved - before, 1) / max(kill_after - STARTUP, 1.0)
        kill_after = STARTUP + (total / 3) / pace
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - start
    resumed, expected = table_contents(db), table_contents(reference)
    same = resumed == expected
    print(f"  resumed to the end: {seconds:.1f} s in all; tables identical to the uninterrupted run: {same}")
    for table in expected:
        if resumed[table] != expected[table]:
            extra = set(map(repr, resumed[table])) - set(map(repr, expected[table]))
            missing = set(map(repr, expected[table])) - set(map(repr, resumed[table]))
            print(f"  {table}: {len(extra)} rows only after resuming, {len(missing)} only uninterrupted")
            for row in sorted(extra)[:2] + sorted(missing)[:2]:
                print(f"    {row[:300]}")
    if not same:
        raise SystemExit("FAIL: the resumed database differs from the uninterrupted one")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=300, help="distinct synthetic works (3000 = ~10M words)")
    parser.add_argument("--words", type=int, default=3300, help="words per work")
    parser.add_argument("--scaling-works", type=int, default=60, help="works in the 1-vs-2-worker comparison")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip", nargs="*", default=[], choices=["scaling", "full", "kill"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ficlens-bench-") as tmp:
        work = Path(tmp)
        folder = work / "fics"
        truths = write_corpus(folder, args.works, seed=args.seed, words=args.words)
        import ficlens

        print(f"machine: {os.cpu_count()} cores; load average now {_load()}; ficlens from {ficlens.__file__}")
        print(
            f"corpus: {args.works} works + {len(truths) - args.works} duplicates, "
            f"{sum(t.words for t in truths):,} words of story"
        )
        if "scaling" not in args.skip:
            print("throughput:")
            throughput(folder, work, min(args.scaling_works, args.works))
        if "full" in args.skip:
            return
        print("uninterrupted run (2 workers):")
        reference = work / "reference.duckdb"
        seconds = uninterrupted(folder, reference)
        print(f"  estimate for 3,000 works at this speed: {seconds * 3000 / args.works / 60:.1f} min per run")
        if "kill" not in args.skip:
            print("killed twice and resumed:")
            killed_twice(folder, work / "killed.duckdb", reference, seconds)
        print(f"load average at the end: {_load()}")


if __name__ == "__main__":
    main()

"""Corpus runs: each work once, duplicates by hash, failures recorded, resumable, Dask too."""

from __future__ import annotations

import os
import signal
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

import ficlens
from ficlens.corpus.inputs import iter_inputs
from ficlens.corpus.run import (
    Coordinator,
    LocalExecutor,
    NullProgress,
    RunSummary,
    StopSwitch,
    Task,
    analyse_entry,
    run_corpus,
)
from ficlens.corpus.store import Store, WorkRecord, table_contents
from ficlens.corpus.synthetic import write_corpus


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    truths = write_corpus(folder, works=8, seed=7, words=80, duplicate_share=0.3)
    assert any(t.duplicate_of for t in truths)
    return folder


@pytest.fixture(scope="module")
def tiny_db(tiny_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    summary = run_corpus([str(tiny_corpus)], db, workers=1)
    assert summary.analysed == 8 and summary.failed == 0 and summary.duplicates + summary.skipped >= 1
    return db


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_run_each_work_once_with_every_path(tiny_db: Path, tiny_corpus: Path) -> None:
    works = _query(tiny_db, "SELECT hash, status FROM works")
    assert len(works) == len({h for h, _ in works}) == 8 and {s for _, s in works} == {"done"}
    paths = {p for (p,) in _query(tiny_db, "SELECT path FROM work_paths")}
    assert paths == {str(p) for p in tiny_corpus.iterdir() if p.suffix in (".txt", ".html")}
    copies = _query(tiny_db, "SELECT hash, count(*) FROM work_paths GROUP BY hash HAVING count(*) > 1")
    assert copies, "a duplicate's two names both point at the one analysed work"


def test_run_rows_follow_the_story_world(tiny_db: Path) -> None:
    (works_words,) = _query(tiny_db, "SELECT sum(words) FROM works")[0]
    assert works_words > 8 * 40
    for table in ("chapters", "scenes", "characters", "quotes", "tags"):
        orphans = _query(
            tiny_db, f"SELECT count(*) FROM {table} t WHERE t.hash NOT IN (SELECT hash FROM works)"
        )
        assert orphans == [(0,)], table


def test_run_rows_match_analyze(tiny_db: Path, tiny_corpus: Path) -> None:
    path = sorted(tiny_corpus.glob("work-*.txt"))[0]
    world = ficlens.analyze(path)
    (work_hash,) = _query(tiny_db, f"SELECT hash FROM work_paths WHERE path = '{path}'")[0]
    rows = _query(
        tiny_db,
        f"SELECT quote, start, \"end\", speaker, text FROM quotes WHERE hash = '{work_hash}' ORDER BY start",
    )
    assert rows == [(q.id, q.start, q.end, q.speaker, q.text) for q in world.quotes]
    names = _query(tiny_db, f"SELECT name FROM characters WHERE hash = '{work_hash}' ORDER BY character")
    assert names == [(c.name,) for c in sorted(world.characters, key=lambda c: c.id)]
    assert rows and names


def test_run_rerun_skips_everything_and_changes_nothing(tiny_db: Path, tiny_corpus: Path) -> None:
    before = table_contents(tiny_db)
    summary = run_corpus([str(tiny_corpus)], tiny_db, workers=1)
    assert summary.analysed == 0 and summary.skipped == summary.seen
    assert table_contents(tiny_db) == before


def test_run_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text('Mara smiled. "We made it," Mara said to Tobias.\n')
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
    db = tmp_path / "c.duckdb"
    summary = run_corpus([str(folder), str(tmp_path / "missing.txt")], db, workers=1)
    assert summary.analysed == 1 and summary.failed == 2
    assert any("missing.txt" in p for p in summary.problems) and any(
        "broken.zip" in p for p in summary.problems
    )
    errors = dict(_query(db, "SELECT path, error FROM works WHERE status = 'failed'"))
    assert errors[str(folder / "empty.txt")] == f"{folder / 'empty.txt'} is empty"
    assert "binary" in errors[str(folder / "binary.txt")]
    assert "not a readable zip archive" in errors[str(folder / "broken.zip")]
    again = run_corpus([str(folder)], db, workers=1, retry_failed=True)
    assert again.failed == 2 and again.analysed == 0
    assert _query(db, "SELECT count(*) FROM works") == [(4,)]


def test_run_zip_of_works_equals_the_folder(tiny_corpus: Path, tiny_db: Path, tmp_path: Path) -> None:
    archive = tmp_path / "fics.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(tiny_corpus.glob("work-*")):
            z.write(path, path.name)
    db = tmp_path / "zip.duckdb"
    run_corpus([str(archive)], db, workers=1)
    hashes = _query(db, "SELECT hash, words, title FROM works ORDER BY hash")
    assert hashes == _query(tiny_db, "SELECT hash, words, title FROM works ORDER BY hash")
    assert _query(db, "SELECT min(path) FROM work_paths")[0][0].startswith(f"{archive}!work-")


class _CountingExecutor:
    """Finishes tasks in order, one per call, remembering the most ever in flight."""

    capacity = 2

    def __init__(self) -> None:
        self.queue: list[Task] = []
        self.most_in_flight = 0

    def submit(self, task: Task) -> None:
        self.queue.append(task)
        self.most_in_flight = max(self.most_in_flight, len(self.queue))

    def next_done(self, timeout: float) -> list[WorkRecord]:
        task = self.queue.pop(0)
        return [WorkRecord(hash=task.hash, path=task.path, status="done", facts={"words": 1})]

    def close(self, wait: bool) -> None:
        assert not self.queue


@pytest.mark.parametrize("window", [1, 3, 10])
def test_run_coordinator_keeps_a_bounded_window(tmp_path: Path, window: int) -> None:
    for index in range(25):
        (tmp_path / f"w{index}.txt").write_text(f"Story {index}.")
    executor, summary = _CountingExecutor(), RunSummary()
    with Store(tmp_path / "c.duckdb") as store, StopSwitch() as stop:
        coordinator = Coordinator(store, executor, window, False, NullProgress(), summary, stop)
        coordinator.feed(iter_inputs([str(tmp_path)]))
        assert store.counts() == {"done": 25}
    assert executor.most_in_flight == window and summary.analysed == 25 and not coordinator.in_flight


def test_run_local_worker_killed_is_retried(tiny_corpus: Path) -> None:
    tasks = [
        Task(str(i), str(p), p.suffix, p.read_bytes())
        for i, p in enumerate(sorted(tiny_corpus.glob("work-*")))
    ]
    executor = LocalExecutor(1)
    try:
        for task in tasks[:3]:
            executor.submit(task)
        (process,) = executor._pool._processes.values()  # the one worker, busy with the first task
        os.kill(process.pid, signal.SIGKILL)
        records = []
        while len(records) < 3:
            records += executor.next_done(timeout=1.0)
    finally:
        executor.close(wait=True)
    assert sorted(r.hash for r in records) == ["0", "1", "2"] and {r.status for r in records} == {"done"}


def test_run_analyse_entry_records_failure_with_display_path() -> None:
    record = analyse_entry(Task("h", "fics.zip!empty.txt", ".txt", b"   "))
    assert record.status == "failed" and record.error is not None and "fics.zip!empty.txt" in record.error


@pytest.mark.parametrize(
    "path", ["fics.zip!../../up/and away.txt", "fics.zip!" + "é" * 300 + ".txt", "a\nb.txt"]
)
def test_run_analyse_entry_any_member_name(path: str) -> None:
    record = analyse_entry(Task("h", path, ".txt", b'Mara laughed. "Come here," she said.\n'))
    assert record.status == "done", record.error


@pytest.mark.slow
def test_run_on_dask_cluster_matches_local(tiny_corpus: Path, tiny_db: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.duckdb"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = run_corpus([str(tiny_corpus)], db, scheduler=cluster.scheduler_address)
    assert summary.analysed == 8
    assert table_contents(db) == table_contents(tiny_db)


@pytest.mark.slow
def test_run_dask_worker_killed_mid_run_loses_nothing(
    tiny_corpus: Path, tiny_db: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.duckdb"
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        victim = next(iter(client.run(os.getpid).values()))
        killer = threading.Timer(1.0, os.kill, (victim, signal.SIGKILL))
        killer.start()
        started = time.monotonic()
        summary = run_corpus([str(tiny_corpus)], db, scheduler=cluster.scheduler_address, window=4)
        assert time.monotonic() - started > 1.0, "the worker died while the run was going"
        killer.join()
        assert victim not in client.run(os.getpid).values()
    assert summary.analysed == 8 and summary.failed == 0
    assert table_contents(db) == table_contents(tiny_db)


def test_run_unreachable_scheduler_is_one_clear_line(tmp_path: Path) -> None:
    from ficlens.errors import CorpusError

    with pytest.raises(CorpusError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run_corpus([str(tmp_path)], tmp_path / "c.duckdb", scheduler="tcp://127.0.0.1:9")

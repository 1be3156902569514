"""Corpus runs: analyse many works on local processes or a Dask cluster, resumably.

The coordinating process reads the inputs one work at a time, hashes each
(sha256 of its bytes), skips what the database already holds, and keeps at
most ``window`` works in flight. Workers run ``analyse_entry`` (``ficlens.analyze``
plus flattening to rows) and send rows back; only the coordinator writes, one
transaction per work (see :mod:`ficlens.corpus.store`). Memory stays flat in
the number of works: nothing but the in-flight window is held.

    >>> run_corpus(["fics/"], "corpus.duckdb", workers=2)
"""

from __future__ import annotations

import hashlib
import os
import socket
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from ..errors import CorpusError, FiclensError
from .inputs import Entry, Problem, count_inputs, iter_inputs
from .rows import work_facts, world_rows
from .store import Store, WorkRecord

WORKER_DIED = "the worker process died while analysing it (rerun with --retry-failed to try again)"


@dataclass(frozen=True)
class Task:
    """One work sent to a worker: its hash, display path, name suffix and bytes."""

    hash: str
    path: str
    suffix: str
    data: bytes


@dataclass
class RunSummary:
    """What a run did; ``problems`` are inputs that held no work (missing, corrupt)."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    words: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.analysed + self.failed + self.skipped + self.duplicates


def analyse_entry(task: Task) -> WorkRecord:
    """Analyse one work (on a worker) and return its record; failures are recorded, not raised."""
    from .. import analyze

    started = time.perf_counter()
    name = Path(task.path.rsplit("!", 1)[-1]).name or f"work{task.suffix}"
    with tempfile.TemporaryDirectory(prefix="ficlens-corpus-") as tmp:
        file = Path(tmp) / name
        file.write_bytes(task.data)
        try:
            world = analyze(file)
        except FiclensError as e:
            return _failed(task, str(e).replace(str(file), task.path), started)
        except Exception as e:  # noqa: BLE001 - one bad work must not stop a corpus run
            return _failed(task, f"internal error: {type(e).__name__}: {e}".replace(str(file), task.path), started)
    world.source.path = task.path
    return WorkRecord(hash=task.hash, path=task.path, status="done", seconds=time.perf_counter() - started,
                      facts=work_facts(world), rows=world_rows(world, task.hash))


def _failed(task: Task, error: str, started: float | None = None) -> WorkRecord:
    seconds = time.perf_counter() - started if started is not None else 0.0
    return WorkRecord(hash=task.hash, path=task.path, status="failed", error=error, seconds=seconds,
                      facts={"format": task.suffix.lstrip(".") or None})


class Executor(Protocol):
    """Where tasks run: submit, then collect finished ones as records."""

    capacity: int

    def submit(self, task: Task) -> None: ...

    def next_done(self) -> list[WorkRecord]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """A pool of local worker processes; a dead worker's tasks are retried once, then recorded failed."""

    def __init__(self, workers: int) -> None:
        self.capacity = workers
        self._futures: dict[Future[WorkRecord], tuple[Task, int]] = {}
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.capacity, mp_context=get_context("spawn"))

    def submit(self, task: Task, attempt: int = 1) -> None:
        self._futures[self._pool.submit(analyse_entry, task)] = (task, attempt)

    def next_done(self) -> list[WorkRecord]:
        done, _ = wait(list(self._futures), return_when=FIRST_COMPLETED)
        records, retry = [], []
        for future in done:
            task, attempt = self._futures.pop(future)
            try:
                records.append(future.result())
            except BrokenProcessPool:
                retry.append((task, attempt))
        if retry:  # the pool is broken: every task still in it must go to a new pool
            retry += [self._futures.pop(f) for f in list(self._futures)]
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            for task, attempt in retry:
                if attempt >= 2:
                    records.append(_failed(task, WORKER_DIED))
                else:
                    self.submit(task, attempt + 1)
        return records

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _check_reachable(address: str) -> None:
    """Fail fast with one line when nothing listens at a tcp:// scheduler address."""
    location = urlsplit(address if "://" in address else f"tcp://{address}")
    if location.scheme != "tcp" or not location.hostname:
        return
    try:
        socket.create_connection((location.hostname, location.port or 8786), timeout=5).close()
    except OSError as e:
        raise CorpusError(f"cannot reach the Dask scheduler at {address}: {e.strerror or e}") from None


class DaskExecutor:
    """Tasks on an existing Dask distributed cluster (``dask scheduler`` + ``dask worker``)."""

    def __init__(self, address: str) -> None:
        from distributed import Client, as_completed

        _check_reachable(address)
        try:
            self._client = Client(address, timeout="15s")
        except (OSError, TimeoutError) as e:
            raise CorpusError(f"cannot reach the Dask scheduler at {address}: {e}") from None
        threads = sum(self._client.nthreads().values())
        if not threads:
            self._client.close()
            raise CorpusError(f"the Dask scheduler at {address} has no workers; start some with "
                              f"'dask worker {address}'")
        self.capacity = threads
        self._tasks: dict[str, Task] = {}
        self._completed = as_completed()

    def submit(self, task: Task) -> None:
        future = self._client.submit(analyse_entry, task, key=f"ficlens-{task.hash}", pure=False)
        self._tasks[future.key] = task
        self._completed.add(future)

    def next_done(self) -> list[WorkRecord]:
        future = next(self._completed)
        task = self._tasks.pop(future.key)
        try:
            record = future.result()
        except Exception as e:  # noqa: BLE001 - KilledWorker, lost connection: record it, go on
            record = _failed(task, f"the Dask worker failed: {type(e).__name__}: {e}")
        future.release()
        return [record]

    def close(self) -> None:
        self._client.close()


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _problem_record(problem: Problem) -> WorkRecord | None:
    """A failed record for an input that has bytes (a corrupt archive), so ``corpus errors`` lists it."""
    if problem.data is None:
        return None
    suffix = Path(problem.path).suffix.lstrip(".") or None
    return WorkRecord(hash=_hash(problem.data), path=problem.path, status="failed", error=problem.message,
                      facts={"format": suffix})


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, words: int = 0, analysed: bool = False) -> None: ...

    def stop(self) -> None: ...


class _Coordinator:
    """Feeds an executor a bounded window of tasks and saves what comes back."""

    def __init__(self, store: Store, executor: Executor, window: int, retry_failed: bool,
                 progress: Progress, summary: RunSummary) -> None:
        self.store, self.executor, self.window = store, executor, window
        self.retry_failed, self.progress, self.summary = retry_failed, progress, summary
        self.in_flight: dict[str, list[str]] = {}  # hash -> every path it was seen under

    def feed(self, items: Iterator[Entry | Problem]) -> None:
        for item in items:
            if isinstance(item, Problem):
                self._problem(item)
                continue
            work_hash = _hash(item.data)
            if work_hash in self.in_flight:
                self.in_flight[work_hash].append(item.path)
                self.summary.duplicates += 1
                self.progress.advance()
                continue
            status = self.store.status(work_hash)
            if status == "done" or (status == "failed" and not self.retry_failed):
                self.store.add_path(work_hash, item.path)
                self.summary.skipped += 1
                self.progress.advance()
                continue
            while len(self.in_flight) >= self.window:
                self._collect()
            self.in_flight[work_hash] = [item.path]
            self.executor.submit(Task(work_hash, item.path, item.suffix, item.data))
        while self.in_flight:
            self._collect()

    def _problem(self, problem: Problem) -> None:
        self.summary.problems.append(problem.message)
        record = _problem_record(problem)
        if record is not None and self.store.status(record.hash) is None:
            self.store.save(record, [record.path])

    def _collect(self) -> None:
        for record in self.executor.next_done():
            paths = self.in_flight.pop(record.hash, [record.path])
            self.store.save(record, paths)
            words = int(record.facts.get("words") or 0)
            if record.status == "done":
                self.summary.analysed += 1
                self.summary.words += words
            else:
                self.summary.failed += 1
            self.progress.advance(words, analysed=True)


class _NoProgress:
    def start(self, total: int) -> None: ...

    def advance(self, words: int = 0, analysed: bool = False) -> None: ...

    def stop(self) -> None: ...


def run_corpus(inputs: Iterable[str], db: str | Path, workers: int | None = None, scheduler: str | None = None,
               window: int | None = None, retry_failed: bool = False,
               progress: Progress | None = None) -> RunSummary:
    """Analyse every work in ``inputs`` into the DuckDB file ``db``; safe to interrupt and rerun.

    ``workers`` local processes (default: all cores), or the Dask cluster at
    ``scheduler``; ``window`` caps the tasks in flight (default: twice the workers).
    ``retry_failed`` analyses again works recorded as failed.
    """
    inputs = list(inputs)
    progress = progress or _NoProgress()
    summary = RunSummary()
    started = time.perf_counter()
    with Store(db) as store:
        executor: Executor
        if scheduler:
            executor = DaskExecutor(scheduler)
        else:
            executor = LocalExecutor(max(1, workers or os.cpu_count() or 1))
        coordinator = _Coordinator(store, executor, window or 2 * executor.capacity, retry_failed,
                                   progress, summary)
        progress.start(count_inputs(inputs))
        try:
            coordinator.feed(iter_inputs(inputs))
        finally:
            progress.stop()
            executor.close()
    summary.seconds = time.perf_counter() - started
    return summary

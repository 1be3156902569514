"""Corpus runs: analyse many works on local processes or a Dask cluster, resumably.

The coordinating process reads the inputs one work at a time, hashes each
(sha256 of its bytes), skips what the database already holds, and keeps at
most ``window`` works in flight. Workers run ``analyse_entry`` (``ficlens.analyze``
plus flattening to rows) and send rows back; only the coordinator writes, each
work's rows in the same transaction as its ``works`` row (a few works per
transaction, see :mod:`ficlens.corpus.store`). Memory stays flat in the number
of works: nothing but the in-flight window is held.

    >>> run_corpus(["fics/"], "corpus.duckdb", workers=2)
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..errors import CorpusError, FiclensError
from .inputs import Entry, Problem, count_inputs, format_of, iter_inputs
from .rows import work_facts, world_rows
from .store import Store, WorkRecord

SAVE_BATCH = 8  # works saved per transaction at most: fewer commits, a coordinator that keeps up
SAVE_EVERY = 1.0  # seconds a finished work may wait to be saved
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
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ficlens-corpus-") as tmp:
        file = Path(tmp) / _file_name(task)
        try:
            file.write_bytes(task.data)
            return _analysed(task, file, started)
        except FiclensError as e:
            return _failed(task, str(e).replace(str(file), task.path), started)
        except Exception as e:  # noqa: BLE001 - one bad work must not stop a corpus run
            message = f"internal error: {type(e).__name__}: {e}".replace(str(file), task.path)
            return _failed(task, message, started)


def _file_name(task: Task) -> str:
    """The work's own file name (readers may use it), made safe for a temporary folder."""
    name = re.sub(r"[^\w.-]", "_", Path(task.path.rsplit("!", 1)[-1]).name)[-100:].lstrip(".")
    return name if name.lower().endswith(task.suffix) else f"work{task.suffix}"


def _analysed(task: Task, file: Path, started: float) -> WorkRecord:
    from .. import analyze

    world = analyze(file)
    world.source.path = task.path
    return WorkRecord(
        hash=task.hash,
        path=task.path,
        status="done",
        seconds=time.perf_counter() - started,
        facts=work_facts(world),
        rows=world_rows(world, task.hash),
    )


def _failed(task: Task, error: str, started: float | None = None) -> WorkRecord:
    seconds = time.perf_counter() - started if started is not None else 0.0
    return WorkRecord(
        hash=task.hash,
        path=task.path,
        status="failed",
        error=error,
        seconds=seconds,
        facts={"format": format_of(task.path)},
    )


class Executor(Protocol):
    """Where tasks run: submit, then collect finished ones as records."""

    capacity: int

    def submit(self, task: Task) -> None: ...

    def next_done(self, timeout: float) -> list[WorkRecord]: ...

    def close(self, wait: bool) -> None: ...


class LocalExecutor:
    """A pool of local worker processes; a dead worker's tasks are retried once, then recorded failed."""

    def __init__(self, workers: int) -> None:
        self.capacity = workers
        self._futures: dict[Future[WorkRecord], tuple[Task, int]] = {}
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # Workers fork from a server that preloaded the pipeline: warm, and safe from our threads.
        context = get_context("forkserver")
        context.set_forkserver_preload(["ficlens.corpus.preload"])
        return ProcessPoolExecutor(self.capacity, mp_context=context)

    def submit(self, task: Task, attempt: int = 1) -> None:
        self._futures[self._pool.submit(analyse_entry, task)] = (task, attempt)

    def next_done(self, timeout: float) -> list[WorkRecord]:
        done, _ = wait(list(self._futures), timeout=timeout, return_when=FIRST_COMPLETED)
        records, retry = [], []
        for future in done:
            task, attempt = self._futures.pop(future)
            try:
                records.append(future.result())
            except BrokenProcessPool:
                retry.append((task, attempt))
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be sent back: record it
                records.append(_failed(task, f"internal error: {type(e).__name__}: {e}"))
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

    def close(self, wait: bool) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=True)


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
            raise CorpusError(
                f"the Dask scheduler at {address} has no workers; start some with 'dask worker {address}'"
            )
        self.capacity = threads
        self._tasks: dict[Any, Task] = {}  # distributed.Future -> its task
        self._completed = as_completed()

    def submit(self, task: Task) -> None:
        future = self._client.submit(analyse_entry, task, key=f"ficlens-{task.hash}", pure=False)
        self._tasks[future] = task
        self._completed.add(future)

    def next_done(self, timeout: float) -> list[WorkRecord]:
        deadline = time.monotonic() + timeout
        while not self._completed.has_ready():
            if time.monotonic() > deadline:
                return []
            time.sleep(0.02)
        records = []
        for future in self._completed.next_batch(block=False):
            task = self._tasks.pop(future)
            try:
                records.append(future.result())
            except Exception as e:  # noqa: BLE001 - KilledWorker, lost connection: record it, go on
                records.append(_failed(task, f"the Dask worker failed: {type(e).__name__}: {e}"))
            future.release()
        return records

    def close(self, wait: bool) -> None:
        self._client.close()


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _problem_record(problem: Problem) -> WorkRecord | None:
    """A failed record for an input that has bytes (a corrupt archive), so ``corpus errors`` lists it."""
    if problem.data is None:
        return None
    return WorkRecord(
        hash=_hash(problem.data),
        path=problem.path,
        status="failed",
        error=problem.message,
        facts={"format": format_of(problem.path)},
    )


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, words: int = 0, analysed: bool = False) -> None: ...

    def stop(self) -> None: ...


class StopSwitch:
    """Ctrl-C asks the run to stop between two saves; a second Ctrl-C interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> StopSwitch:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._request)
        return self

    def _request(self, *_: object) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *_: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


class Coordinator:
    """Feeds an executor a bounded window of tasks and saves what comes back."""

    def __init__(
        self,
        store: Store,
        executor: Executor,
        window: int,
        retry_failed: bool,
        progress: Progress,
        summary: RunSummary,
        stop: StopSwitch,
    ) -> None:
        self.store, self.executor, self.window = store, executor, window
        self.retry_failed, self.progress, self.summary, self.stop = retry_failed, progress, summary, stop
        self.in_flight: dict[str, list[str]] = {}  # hash -> every path it was seen under
        self.finished: list[WorkRecord] = []  # analysed, not yet saved
        self.oldest_finished = 0.0

    def feed(self, items: Iterator[Entry | Problem]) -> None:
        for item in items:
            self._stop_if_asked()
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
            self.store.save([(record, [record.path])])

    def _collect(self) -> None:
        """Wait a little for finished works; save them in batches (one transaction per batch)."""
        self._stop_if_asked()
        records = self.executor.next_done(timeout=0.2)
        if records and not self.finished:
            self.oldest_finished = time.monotonic()
        self.finished += records
        running = len(self.in_flight) - len(self.finished)
        if (
            len(self.finished) >= SAVE_BATCH
            or (self.finished and running == 0)
            or time.monotonic() - self.oldest_finished > SAVE_EVERY
        ):
            self._save_finished()

    def _stop_if_asked(self) -> None:
        if self.stop.requested:
            self._save_finished()
            raise KeyboardInterrupt

    def _save_finished(self) -> None:
        if not self.finished:
            return
        self.store.save([(r, self.in_flight[r.hash]) for r in self.finished])
        for record in self.finished:
            del self.in_flight[record.hash]
            words = int(record.facts.get("words") or 0)
            if record.status == "done":
                self.summary.analysed += 1
                self.summary.words += words
            else:
                self.summary.failed += 1
            self.progress.advance(words, analysed=True)
        self.finished = []


class NullProgress:
    def start(self, total: int) -> None: ...

    def advance(self, words: int = 0, analysed: bool = False) -> None: ...

    def stop(self) -> None: ...


def run_corpus(
    inputs: Iterable[str],
    db: str | Path,
    workers: int | None = None,
    scheduler: str | None = None,
    window: int | None = None,
    retry_failed: bool = False,
    progress: Progress | None = None,
) -> RunSummary:
    """Analyse every work in ``inputs`` into the DuckDB file ``db``; safe to interrupt and rerun.

    ``workers`` local processes (default: all cores), or the Dask cluster at
    ``scheduler``; ``window`` caps the works in flight (default: twice the workers plus one save batch).
    ``retry_failed`` analyses again works recorded as failed.
    """
    inputs = list(inputs)
    progress = progress or NullProgress()
    summary = RunSummary()
    started = time.perf_counter()
    with Store(db) as store, StopSwitch() as stop:
        executor: Executor
        if scheduler:
            executor = DaskExecutor(scheduler)
        else:
            executor = LocalExecutor(max(1, workers or os.cpu_count() or 1))
        coordinator = Coordinator(
            store,
            executor,
            window or 2 * executor.capacity + SAVE_BATCH,
            retry_failed,
            progress,
            summary,
            stop,
        )
        progress.start(count_inputs(inputs))
        try:
            coordinator.feed(iter_inputs(inputs))
        finally:
            progress.stop()
            executor.close(wait=not stop.requested)
    summary.seconds = time.perf_counter() - started
    return summary

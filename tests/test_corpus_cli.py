"""``ficlens corpus``: run, query, stats, errors, export, synth; the docs' queries; kill -9 and resume."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ficlens.cli import main
from ficlens.corpus.store import ALL_TABLES, table_contents

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("ficlens"))


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["corpus", *args])


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fics")
    assert _invoke("synth", str(folder), "--works", "6", "--words", "80", "--seed", "5").exit_code == 0
    (folder / "empty.txt").write_bytes(b"")
    db = folder.parent / "cli.duckdb"
    result = _invoke("run", str(folder), "--db", str(db), "--workers", "1", "-q")
    assert result.exit_code == 0, result.output
    return db


def test_corpus_cli_query_formats(corpus_db: Path) -> None:
    sql = "SELECT status, count(*) AS n FROM works GROUP BY status ORDER BY status"
    table = _invoke("query", sql, "--db", str(corpus_db))
    assert table.exit_code == 0 and "status" in table.output and "done" in table.output
    rows = list(csv.reader(io.StringIO(_invoke("query", sql, "--db", str(corpus_db), "--csv").output)))
    assert rows == [["status", "n"], ["done", "6"], ["failed", "1"]]
    assert json.loads(_invoke("query", sql, "--db", str(corpus_db), "--json").output) == [
        {"status": "done", "n": 6},
        {"status": "failed", "n": 1},
    ]


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table", "DELETE FROM works"])
def test_corpus_cli_query_errors_are_one_line(corpus_db: Path, sql: str) -> None:
    result = _invoke("query", sql, "--db", str(corpus_db))
    assert result.exit_code == 2
    assert result.output.startswith("ficlens: error: SQL error:") and result.output.count("\n") == 1
    assert table_contents(corpus_db)["works"], "a write statement changes nothing"


def test_corpus_cli_stats_and_errors(corpus_db: Path) -> None:
    stats = _invoke("stats", "--db", str(corpus_db), "--json")
    assert stats.exit_code == 0
    tables = json.loads(stats.output)
    assert set(tables) >= {
        "works and words per fandom",
        "most present characters",
        "dialogue share by character",
        "dialogue share by pronoun group",
        "most frequent ships",
        "suggested vs author tags",
    }
    assert sum(row["works"] for row in tables["works"] if row["status"] == "done") == 6
    shown = _invoke("stats", "--db", str(corpus_db))
    assert shown.exit_code == 0 and "most frequent ships" in shown.output
    errors = _invoke("errors", "--db", str(corpus_db), "--json")
    (failed,) = json.loads(errors.output)
    assert failed["path"].endswith("empty.txt") and "is empty" in failed["error"]


def test_corpus_cli_export_parquet(corpus_db: Path, tmp_path: Path) -> None:
    result = _invoke("export", "--db", str(corpus_db), "--parquet", str(tmp_path / "pq"))
    assert result.exit_code == 0
    con = duckdb.connect(str(corpus_db), read_only=True)
    for table in ALL_TABLES:
        rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert pq.read_table(tmp_path / "pq" / f"{table}.parquet").num_rows == rows
    con.close()


def _doc_queries() -> list[str]:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text.split("## Research questions")[1], flags=re.S)


def test_corpus_cli_docs_have_five_queries() -> None:
    assert len(_doc_queries()) == 5


@pytest.mark.parametrize("index", range(5))
def test_corpus_cli_docs_query_runs(corpus_db: Path, index: int) -> None:
    result = _invoke("query", _doc_queries()[index], "--db", str(corpus_db), "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)


def test_corpus_cli_missing_db_and_locked_db(tmp_path: Path, corpus_db: Path) -> None:
    missing = _invoke("stats", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 2 and "no corpus database at" in missing.output
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, time; "
            f"c = duckdb.connect({str(corpus_db)!r}); print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = _invoke("run", str(tmp_path), "--db", str(corpus_db), "-q")
        assert result.exit_code == 2 and result.output.count("\n") == 1
        assert "is in use by another ficlens run" in result.output
    finally:
        holder.kill()
        holder.wait()


def _wait_for_progress(db: Path, proc: subprocess.Popen[bytes], grown_by: int = 40_000) -> None:
    """Wait until the run has committed some works (its write-ahead log has grown)."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 120
    baseline = None
    while time.monotonic() < deadline and proc.poll() is None:
        size = wal.stat().st_size if wal.exists() else 0
        if baseline is None and size:
            baseline = size
        if baseline is not None and size - baseline >= grown_by:
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_corpus_cli_kill_9_and_resume_matches_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    assert _invoke("synth", str(folder), "--works", "30", "--words", "70", "--seed", "11").exit_code == 0
    reference = tmp_path / "reference.duckdb"
    assert _invoke("run", str(folder), "--db", str(reference), "--workers", "1", "-q").exit_code == 0

    db = tmp_path / "killed.duckdb"
    command = [CLI, "corpus", "run", str(folder), "--db", str(db), "--workers", "2", "--window", "2", "-q"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    _wait_for_progress(db, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the coordinator and its workers, mid-run
    proc.wait()
    con = duckdb.connect(str(db), read_only=True)
    (partial,) = con.execute("SELECT count(*) FROM works").fetchone()
    con.close()
    assert 0 < partial < 30, "killed partway"

    rerun = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    after = table_contents(db)
    assert len(after["works"]) == len({row[0] for row in after["works"]}) == 30
    assert after == table_contents(reference)


@pytest.mark.slow
def test_corpus_cli_ctrl_c_stops_cleanly_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    assert _invoke("synth", str(folder), "--works", "20", "--words", "70", "--seed", "12").exit_code == 0
    db = tmp_path / "c.duckdb"
    command = [CLI, "corpus", "run", str(folder), "--db", str(db), "--workers", "1", "--window", "1"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    _wait_for_progress(db, proc, grown_by=10_000)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in stderr
    assert "rerun the same command to finish" in stderr and stderr.rstrip().endswith("ficlens: interrupted")
    assert subprocess.run(command, capture_output=True, timeout=300).returncode == 0
    works = table_contents(db)["works"]
    assert len(works) == len({row[0] for row in works}) == 20

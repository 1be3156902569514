"""The corpus database: schema, versions, locks and all-or-nothing saves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ficlens.corpus.rows import TABLES
from ficlens.corpus.store import DB_SCHEMA_VERSION, Store, WorkRecord, open_read_only, table_contents
from ficlens.errors import CorpusError


def _record(work_hash: str = "h1", status: str = "done") -> WorkRecord:
    rows = {name: [] for name in TABLES}
    rows["characters"] = [(work_hash, "c1", "Mara Quill", ["Mara"], "she", 4, False, False)]
    rows["quotes"] = [
        (work_hash, "q1", 10, 20, "s1", 0, "speech", "c1", [], "explicit", 0.9, 2, '"Hello there"')
    ]
    return WorkRecord(
        hash=work_hash,
        path="a.txt",
        status=status,
        facts={"format": "text", "words": 12, "fandoms": ["Harbour Lights"]},
        rows=rows,
    )


def test_store_creates_schema_with_version(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.save([(_record(), ["a.txt", "copy.txt"])])
        assert store.status("h1") == "done" and store.status("other") is None
    con = open_read_only(db)
    assert con.execute("SELECT value FROM meta WHERE key = 'db_schema'").fetchone() == (
        str(DB_SCHEMA_VERSION),
    )
    assert con.execute("SELECT fandoms, words FROM works").fetchall() == [(["Harbour Lights"], 12)]
    assert con.execute("SELECT path FROM work_paths ORDER BY path").fetchall() == [("a.txt",), ("copy.txt",)]
    con.close()


def test_store_save_replaces_a_failed_try(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.save([(WorkRecord(hash="h1", path="a.txt", status="failed", error="boom"), ["a.txt"])])
        store.save([(_record(), ["a.txt"])])
        store.save([(_record(), ["a.txt"])])
    contents = table_contents(db)
    assert len(contents["works"]) == 1 and len(contents["quotes"]) == 1 and len(contents["characters"]) == 1


def test_store_save_is_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    bad = _record()
    bad.rows["scenes"] = [("h1", "s1")]  # wrong width: the insert fails after others succeeded
    with Store(db) as store:
        with pytest.raises(ValueError, match="a scenes row needs 13 values"):
            store.save([(_record("h0"), ["ok.txt"]), (bad, ["a.txt"])])
        assert store.status("h0") is None
        assert store.status("h1") is None
    contents = table_contents(db)
    assert all(not rows for rows in contents.values())


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("0", "made by an older ficlens (corpus schema 0"),
        ("99", "made by a newer ficlens (corpus schema 99"),
    ],
)
def test_store_refuses_other_schema_versions(tmp_path: Path, version: str, message: str) -> None:
    db = tmp_path / "c.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'db_schema'", [version])
    con.close()
    with pytest.raises(CorpusError, match=message.replace("(", r"\(")):
        Store(db)


def test_store_refuses_old_db_without_meta_and_foreign_db(tmp_path: Path) -> None:
    old, foreign = tmp_path / "old.duckdb", tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE works (hash VARCHAR, path VARCHAR)")
    con.close()
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(CorpusError, match="older ficlens"):
        Store(old)
    with pytest.raises(CorpusError, match="not a ficlens corpus"):
        Store(foreign)


def test_store_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    db.write_bytes(b"this is a text file, not a database" * 200)
    with pytest.raises(CorpusError, match="cannot open .* as a corpus database"):
        Store(db)


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; "
            f"c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(CorpusError, match=r"in use by another ficlens run \(process \d+\); wait"):
            Store(db)
    finally:
        holder.kill()
        holder.wait()

"""The corpus database (DuckDB): one file, written only by the coordinating process.

Each work is keyed by the sha256 of its bytes. ``Store.save`` writes a work's
``works`` row (status ``done`` or ``failed``) and all its child rows in one
transaction, so after any crash a work is either fully there or absent; a
rerun skips what is recorded. ``work_paths`` keeps every path a work was seen
under (duplicates are analysed once). ``meta`` holds the database schema version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import CorpusError
from ..model import SCHEMA_VERSION
from .rows import TABLES, WORK_FACTS, Row

DB_SCHEMA_VERSION = 1
COORDINATOR_MEMORY = "256MB"  # DuckDB's cache in the writing process: keeps its memory flat

WORKS_COLUMNS: list[tuple[str, str]] = [
    ("hash", "VARCHAR PRIMARY KEY"),
    ("path", "VARCHAR"),
    ("format", "VARCHAR"),
    ("title", "VARCHAR"),
    ("author", "VARCHAR"),
    ("fandoms", "VARCHAR[]"),
    ("rating", "VARCHAR"),
    ("warnings", "VARCHAR[]"),
    ("author_relationships", "VARCHAR[]"),
    ("author_characters", "VARCHAR[]"),
    ("author_tags", "VARCHAR[]"),
    ("language", "VARCHAR"),
    ("words", "BIGINT"),
    ("chapters", "INTEGER"),
    ("status", "VARCHAR"),
    ("error", "VARCHAR"),
    ("seconds", "DOUBLE"),
    ("world_schema", "VARCHAR"),
    ("ficlens_version", "VARCHAR"),
    ("analysed_at", "TIMESTAMP"),
]
ALL_TABLES = ["meta", "works", "work_paths", *TABLES]


@dataclass
class WorkRecord:
    """What the coordinator saves for one work: its facts, status and child rows."""

    hash: str
    path: str
    status: str  # "done" or "failed"
    error: str | None = None
    seconds: float = 0.0
    facts: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)


def _schema_sql() -> list[str]:
    def columns(spec: list[tuple[str, str]]) -> str:
        return ", ".join(f'"{name}" {kind}' for name, kind in spec)

    statements = [
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        f"CREATE TABLE works ({columns(WORKS_COLUMNS)})",
        "CREATE TABLE work_paths (hash VARCHAR, path VARCHAR, PRIMARY KEY (hash, path))",
    ]
    statements += [f"CREATE TABLE {name} ({columns(spec)})" for name, spec in TABLES.items()]
    return statements


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, turning lock and format problems into one clear line."""
    path = Path(path)
    if read_only and not path.exists():
        raise CorpusError(
            f"no corpus database at {path}; create it with 'ficlens corpus run INPUT --db {path}'"
        )
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        message = str(e)
        if "lock" in message.lower():
            pid = re.search(r"PID (\d+)", message)
            owner = f" (process {pid.group(1)})" if pid else ""
            raise CorpusError(
                f"{path} is in use by another ficlens run{owner}; wait for it to finish or use another --db"
            ) from None
        raise CorpusError(f"cannot open {path} as a corpus database: {message.splitlines()[0]}") from None
    except duckdb.Error as e:
        raise CorpusError(f"cannot open {path} as a corpus database: {str(e).splitlines()[0]}") from None


def check_schema(con: duckdb.DuckDBPyConnection, path: str | Path, create: bool) -> None:
    """Create the tables in an empty database; refuse one of another schema version clearly."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        if not create:
            raise CorpusError(f"{path} is empty; fill it with 'ficlens corpus run INPUT --db {path}'")
        con.execute("BEGIN TRANSACTION")
        for statement in _schema_sql():
            con.execute(statement)
        con.execute(
            "INSERT INTO meta VALUES ('db_schema', ?), ('created_by', ?)",
            [str(DB_SCHEMA_VERSION), f"ficlens {__version__}"],
        )
        con.execute("COMMIT")
        return
    version = None
    if "meta" in tables:
        found = con.execute("SELECT value FROM meta WHERE key = 'db_schema'").fetchone()
        version = int(found[0]) if found and found[0].isdigit() else None
    if version == DB_SCHEMA_VERSION:
        return
    if version is None and "works" not in tables:
        raise CorpusError(f"{path} is a DuckDB database but not a ficlens corpus; use another --db")
    if version is not None and version > DB_SCHEMA_VERSION:
        raise CorpusError(
            f"{path} was made by a newer ficlens (corpus schema {version}, this one reads "
            f"{DB_SCHEMA_VERSION}); upgrade ficlens"
        )
    raise CorpusError(
        f"{path} was made by an older ficlens (corpus schema {version or 0}, this one needs "
        f"{DB_SCHEMA_VERSION}); rerun into a new --db to rebuild it from the works"
    )


_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int64(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}
_ARROW_SCHEMAS = {
    name: pa.schema([(column, _ARROW_TYPES[kind.split()[0]]) for column, kind in spec])
    for name, spec in {
        "works": WORKS_COLUMNS,
        "work_paths": [("hash", "VARCHAR"), ("path", "VARCHAR")],
        **TABLES,
    }.items()
}


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[Row], verb: str = "INSERT") -> None:
    """Bulk-insert rows through Arrow (DuckDB's executemany goes row by row: ~100x slower)."""
    schema = _ARROW_SCHEMAS[table]
    if any(len(row) != len(schema) for row in rows):
        raise ValueError(f"a {table} row needs {len(schema)} values")
    columns = [
        pa.array(values, type=field.type)
        for values, field in zip(zip(*rows, strict=True), schema, strict=True)
    ]
    con.register("incoming_rows", pa.Table.from_arrays(columns, schema=schema))
    try:
        con.execute(f"{verb} INTO {table} SELECT * FROM incoming_rows")
    finally:
        con.unregister("incoming_rows")


class Store:
    """The corpus database opened for a run: look-ups of what is done, and atomic saves."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.con = connect(self.path)
        self.con.execute(f"SET memory_limit = '{COORDINATOR_MEMORY}'")
        try:
            check_schema(self.con, self.path, create=True)
        except BaseException:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def status(self, work_hash: str) -> str | None:
        """``done``, ``failed`` or None (not recorded)."""
        found = self.con.execute("SELECT status FROM works WHERE hash = ?", [work_hash]).fetchone()
        return found[0] if found else None

    def add_path(self, work_hash: str, path: str) -> None:
        """Record one more path for a work already saved (a duplicate under another name)."""
        self.con.execute("INSERT OR IGNORE INTO work_paths VALUES (?, ?)", [work_hash, path])

    def save(self, batch: list[tuple[WorkRecord, list[str]]]) -> None:
        """Write works with their paths and all their rows in ONE transaction (replacing failed tries).

        A batch of several works shares the transaction: each is still fully there or absent.
        """
        now = datetime.now(UTC).replace(tzinfo=None)
        works = [
            (
                r.hash,
                r.path,
                *(r.facts.get(name) for name in WORK_FACTS),
                r.status,
                r.error,
                r.seconds,
                SCHEMA_VERSION,
                __version__,
                now,
            )
            for r, _ in batch
        ]
        hashes = [r.hash for r, _ in batch]
        replacing = [
            h for (h,) in self.con.execute("SELECT hash FROM works WHERE hash IN ?", [hashes]).fetchall()
        ]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for work_hash in replacing:
                for name in TABLES:
                    con.execute(f"DELETE FROM {name} WHERE hash = ?", [work_hash])
            _insert_rows(con, "works", works, verb="INSERT OR REPLACE")
            _insert_rows(
                con,
                "work_paths",
                [(r.hash, p) for r, paths in batch for p in set(paths)],
                verb="INSERT OR IGNORE",
            )
            for name in TABLES:
                rows = [row for r, _ in batch for row in r.rows.get(name, ())]
                if rows:
                    _insert_rows(con, name, rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def counts(self) -> dict[str, int]:
        """Works by status."""
        return dict(self.con.execute("SELECT status, count(*) FROM works GROUP BY status").fetchall())


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing corpus database of this schema version."""
    con = connect(path, read_only=True)
    try:
        check_schema(con, path, create=False)
    except BaseException:
        con.close()
        raise
    return con


VOLATILE_COLUMNS = {"analysed_at", "seconds"}  # differ between two runs of the same works


def table_contents(path: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timing columns: two equal results mean equal corpora."""
    con = open_read_only(path)
    try:
        contents = {}
        for table in ALL_TABLES:
            if table == "meta":
                continue
            columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE_COLUMNS)
            contents[table] = sorted(con.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
        return contents
    finally:
        con.close()

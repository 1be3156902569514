"""Questions over a corpus database: SQL, the standard statistics, Parquet export.

Everything here opens the database read-only, so it can run while no run is
writing. ``corpus_stats`` answers: works and words per fandom, the most present
characters, dialogue share by character and by pronoun group, the most frequent
ships and how often their authors tagged them, and how well ficlens's suggested
tags agree with the authors' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import CorpusError
from .store import ALL_TABLES, open_read_only


@dataclass
class ResultTable:
    title: str
    columns: list[str]
    rows: list[tuple[Any, ...]]


# The work's fandoms: the author's, else those ficlens suggests, else "(unknown)".
_WORK_FANDOMS = """
WITH done AS (SELECT * FROM works WHERE status = 'done'),
suggested AS (
    SELECT DISTINCT hash, tag AS fandom FROM tags WHERE origin = 'suggested' AND category = 'fandoms'
),
work_fandoms AS (
    SELECT hash, unnest(fandoms) AS fandom FROM done WHERE len(fandoms) > 0
    UNION ALL
    SELECT s.hash, s.fandom FROM suggested s JOIN done d USING (hash) WHERE len(d.fandoms) = 0
    UNION ALL
    SELECT hash, '(unknown)' FROM done d
    WHERE len(d.fandoms) = 0 AND hash NOT IN (SELECT hash FROM suggested)
)
"""

STATS_SQL: dict[str, str] = {
    "works and words per fandom": _WORK_FANDOMS
    + """
SELECT fandom, count(*) AS works, sum(d.words) AS words, round(avg(d.words)) AS words_per_work
FROM work_fandoms JOIN done d USING (hash)
GROUP BY fandom ORDER BY works DESC, fandom LIMIT $top""",
    "most present characters": """
SELECT c.name, count(DISTINCT c.hash) AS works, sum(c.mentions) AS mentions,
       count(q.quote) AS quotes_spoken
FROM characters c LEFT JOIN quotes q ON q.hash = c.hash AND q.speaker = c.character
GROUP BY c.name ORDER BY works DESC, mentions DESC, c.name LIMIT $top""",
    "dialogue share by character": """
SELECT coalesce(c.name, '(unattributed)') AS speaker, count(*) AS quotes, sum(q.words) AS words,
       round(100.0 * sum(q.words) / sum(sum(q.words)) OVER (), 1) AS share_pct
FROM quotes q LEFT JOIN characters c ON c.hash = q.hash AND c.character = q.speaker
WHERE q.kind = 'speech'
GROUP BY 1 ORDER BY words DESC, speaker LIMIT $top""",
    "dialogue share by pronoun group": """
SELECT coalesce(c.gender, '(unattributed)') AS pronouns, count(*) AS quotes, sum(q.words) AS words,
       round(100.0 * sum(q.words) / sum(sum(q.words)) OVER (), 1) AS share_pct
FROM quotes q LEFT JOIN characters c ON c.hash = q.hash AND c.character = q.speaker
WHERE q.kind = 'speech'
GROUP BY 1 ORDER BY words DESC LIMIT $top""",
    "most frequent ships": """
WITH ships AS (
    SELECT r.hash, least(a.name, b.name) || '/' || greatest(a.name, b.name) AS ship,
           split_part(a.name, ' ', 1) AS first_a, split_part(b.name, ' ', 1) AS first_b
    FROM relationships r
    JOIN characters a ON a.hash = r.hash AND a.character = r.source
    JOIN characters b ON b.hash = r.hash AND b.character = r.target
    WHERE r.type = 'romantic'
),
tagged AS (
    SELECT s.hash, s.ship, bool_or(t.tag IS NOT NULL) AS author_tagged
    FROM ships s LEFT JOIN tags t ON t.hash = s.hash AND t.origin = 'author' AND t.category = 'relationships'
         AND contains(lower(t.tag), lower(s.first_a)) AND contains(lower(t.tag), lower(s.first_b))
    GROUP BY s.hash, s.ship
)
SELECT ship, count(*) AS works, count(*) FILTER (WHERE author_tagged) AS author_tagged,
       round(100.0 * count(*) FILTER (WHERE author_tagged) / count(*), 1) AS tagged_pct
FROM tagged GROUP BY ship ORDER BY works DESC, ship LIMIT $top""",
    "suggested vs author tags": """
WITH tagged_works AS (SELECT DISTINCT hash, category FROM tags WHERE origin = 'author')
SELECT t.category,
       count(*) FILTER (WHERE origin = 'suggested') AS suggested,
       count(*) FILTER (WHERE origin = 'author') AS author,
       count(*) FILTER (WHERE origin = 'suggested' AND author_tagged) AS agreed,
       round(100.0 * agreed / nullif(suggested, 0), 1) AS precision_pct,
       round(100.0 * agreed / nullif(author, 0), 1) AS recall_pct
FROM tags t JOIN tagged_works USING (hash, category)
GROUP BY t.category ORDER BY author DESC, t.category""",
}


def _execute(
    con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        cursor = con.execute(sql, params) if params else con.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.Error as e:
        raise CorpusError(f"SQL error: {str(e).splitlines()[0]}") from None


def run_query(db: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of ``sql`` run read-only on the corpus database ``db``."""
    con = open_read_only(db)
    try:
        return _execute(con, sql)
    finally:
        con.close()


def corpus_stats(db: str | Path, top: int = 10) -> list[ResultTable]:
    """The standard corpus statistics, one table each (see the module docstring)."""
    con = open_read_only(db)
    try:
        tables = [
            ResultTable(
                "works",
                *_execute(
                    con,
                    """
            SELECT status, count(*) AS works, sum(words) AS words
            FROM works GROUP BY status ORDER BY status""",
                ),
            )
        ]
        for title, sql in STATS_SQL.items():
            params = {"top": top} if "$top" in sql else None
            tables.append(ResultTable(title, *_execute(con, sql, params)))
        return tables
    finally:
        con.close()


def export_parquet(db: str | Path, directory: str | Path) -> list[Path]:
    """Write every table of ``db`` to ``directory/<table>.parquet``; returns the files written."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CorpusError(f"cannot create {out}: {e.strerror or e}") from None
    con = open_read_only(db)
    written = []
    try:
        for table in ALL_TABLES:
            path = out / f"{table}.parquet"
            escaped = str(path).replace("'", "''")
            _execute(con, f"COPY (SELECT * FROM {table}) TO '{escaped}' (FORMAT parquet)")
            written.append(path)
    finally:
        con.close()
    return written

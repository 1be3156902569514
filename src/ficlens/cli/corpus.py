"""``ficlens corpus``: run whole fandoms into DuckDB, then ask questions in SQL."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import click

DB_OPTION = click.option(
    "--db",
    default="corpus.duckdb",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The corpus database (DuckDB file).",
)


@click.group()
def corpus() -> None:
    """Analyse whole corpora into a DuckDB database and query it."""


@corpus.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), help="Local worker processes (default: all cores).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (e.g. tcp://host:8786).")
@click.option(
    "--window", type=click.IntRange(min=1), help="Most works in flight at once (default: 2 x workers + 8)."
)
@click.option("--retry-failed", is_flag=True, help="Analyse again the works recorded as failed.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def run(
    inputs: tuple[str, ...],
    db: Path,
    workers: int | None,
    scheduler: str | None,
    window: int | None,
    retry_failed: bool,
    quiet: bool,
) -> None:
    """Analyse works into --db; rerun the same command to resume.

    INPUTS are files, folders, globs or zip/tar archives of TXT, HTML and EPUB works.
    """
    from ..corpus.progress import RunProgress
    from ..corpus.run import run_corpus

    progress = RunProgress(enabled=not quiet)
    try:
        summary = run_corpus(
            inputs,
            db,
            workers=workers,
            scheduler=scheduler,
            window=window,
            retry_failed=retry_failed,
            progress=progress,
        )
    except KeyboardInterrupt:
        click.echo(f"ficlens: saved works stay in {db}; rerun the same command to finish", err=True)
        raise
    for problem in summary.problems:
        click.echo(f"ficlens: warning: {problem}", err=True)
    if not quiet:
        rate = summary.words / summary.seconds if summary.seconds else 0.0
        click.echo(
            f"{summary.analysed} analysed, {summary.failed} failed, "
            f"{summary.skipped + summary.duplicates} skipped (already in {db} or a duplicate) "
            f"({summary.words:,} words in {summary.seconds:.1f} s, {rate:,.0f} words/s)"
            + ("; see 'ficlens corpus errors'" if summary.failed else "")
        )


@corpus.command()
@click.argument("sql")
@DB_OPTION
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV to stdout.")
@click.option("--json", "as_json", is_flag=True, help="Write a JSON list of objects to stdout.")
@click.option("--limit", default=200, show_default=True, help="Most rows shown in the table view.")
def query(sql: str, db: Path, as_csv: bool, as_json: bool, limit: int) -> None:
    """Run read-only SQL (DuckDB dialect) on the corpus."""
    from ..corpus.stats import run_query

    columns, rows = run_query(db, sql)
    _emit(columns, rows, as_csv, as_json, limit, title=None)


@corpus.command()
@DB_OPTION
@click.option("--top", default=10, show_default=True, help="Rows per table.")
@click.option("--json", "as_json", is_flag=True, help="Write every table as JSON.")
def stats(db: Path, top: int, as_json: bool) -> None:
    """Statistics: fandoms, characters, dialogue share, ships, tags.

    Works and words per fandom, the most present characters, dialogue share by character
    and pronoun group, the most frequent ships and how often authors tagged them, and how
    well suggested tags agree with the authors'.
    """
    from ..corpus.stats import corpus_stats

    tables = corpus_stats(db, top)
    if as_json:
        click.echo(
            json.dumps(
                {t.title: [dict(zip(t.columns, r, strict=True)) for r in t.rows] for t in tables},
                indent=1,
                default=str,
            )
        )
        return
    for table in tables:
        _emit(table.columns, table.rows, False, False, top, title=table.title)


@corpus.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
def errors(db: Path, as_json: bool) -> None:
    """List the works that failed, with their error."""
    from ..corpus.stats import run_query

    columns, rows = run_query(
        db,
        "SELECT w.path, w.error, list(p.path ORDER BY p.path) AS paths "
        "FROM works w LEFT JOIN work_paths p USING (hash) "
        "WHERE w.status = 'failed' GROUP BY w.path, w.error ORDER BY w.path",
    )
    if not rows and not as_json:
        click.echo("no failed works")
        return
    _emit(columns, rows, False, as_json, len(rows), title="failed works")


@corpus.command()
@DB_OPTION
@click.option(
    "--parquet",
    "parquet_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write one Parquet file per table into.",
)
def export(db: Path, parquet_dir: Path) -> None:
    """Write every table as Parquet (for pandas, Spark, R)."""
    from ..corpus.stats import export_parquet

    for path in export_parquet(db, parquet_dir):
        click.echo(str(path))


@corpus.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--works", default=30, show_default=True, type=click.IntRange(min=1), help="Distinct works.")
@click.option("--words", default=3300, show_default=True, type=click.IntRange(min=50), help="Words per work.")
@click.option("--seed", default=0, show_default=True, help="Random seed (same seed, same corpus).")
def synth(directory: Path, works: int, words: int, seed: int) -> None:
    """Write a synthetic corpus into DIRECTORY.

    Templated TXT and AO3-style HTML works with known characters, quotes and scenes,
    a few byte-identical duplicates, and truth.jsonl describing each file.
    """
    from ..corpus.synthetic import write_corpus

    truths = write_corpus(directory, works, seed=seed, words=words)
    click.echo(f"wrote {len(truths)} files ({works} distinct works) and truth.jsonl to {directory}")


def _emit(
    columns: list[str],
    rows: list[tuple[Any, ...]],
    as_csv: bool,
    as_json: bool,
    limit: int,
    title: str | None,
) -> None:
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif as_json:
        click.echo(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], indent=1, default=str))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column)
        for row in rows[:limit]:
            table.add_row(*("" if v is None else str(v) for v in row))
        console = Console()
        console.print(table)
        if len(rows) > limit:
            console.print(f"({len(rows) - limit} more rows; use --limit, --csv or --json)")

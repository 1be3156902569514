"""``ficlens eval pdnc DIR`` and ``ficlens eval litbank DIR``: score ficlens against gold data."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.table import Table

    from ..eval.gold import GoldDocument
    from ..eval.metrics import Counts
    from ..eval.run import SettingResult

_SETTING = click.Choice(["end-to-end", "gold-cast", "both"])
_METRICS = (  # (label, key of Counts.rates()) for the totals table
    ("quote attribution accuracy", "attribution_accuracy"),
    ("  explicit quotes", "attribution_explicit"),
    ("  anaphoric quotes", "attribution_anaphoric"),
    ("  implicit quotes", "attribution_implicit"),
    ("quote detection recall", "detection_recall"),
    ("quote detection precision", "detection_precision"),
    ("addressee: a gold one predicted", "addressee_any"),
    ("addressee: exact set", "addressee_exact"),
    ("character recall (>=5 quotes)", "character_recall"),
    ("character precision", "character_precision"),
)
_DOCUMENT_COLUMNS = (("attr", "attribution_accuracy"), ("detR", "detection_recall"),
                     ("addr", "addressee_any"),
                     ("charR", "character_recall"), ("charP", "character_precision"))


@click.group(name="eval")
def eval_group() -> None:
    """Score ficlens against annotated corpora (see docs/evaluation.md)."""


def _options(command: Callable[..., None]) -> Callable[..., None]:
    command = click.option("--json", "as_json", is_flag=True, help="Print machine-readable results.")(command)
    command = click.option("--novel", "names", multiple=True,
                           help="Only this document (folder or file name); repeatable.")(command)
    command = click.option("--setting", type=_SETTING, default="both", show_default=True,
                           help="end-to-end (ficlens finds the characters), gold-cast, or both.")(command)
    return click.argument("directory", metavar="DIR", type=click.Path(path_type=str))(command)


@eval_group.command()
@_options
def pdnc(directory: str, setting: str, names: tuple[str, ...], as_json: bool) -> None:
    """Evaluate on PDNC novels (DIR holds one folder per novel)."""
    from ..eval.pdnc import iter_novels

    _run("PDNC", iter_novels(directory, list(names)), setting, as_json)


@eval_group.command()
@_options
def litbank(directory: str, setting: str, names: tuple[str, ...], as_json: bool) -> None:
    """Evaluate on LitBank excerpts (DIR holds quotations/tsv and coref/tsv)."""
    from ..eval.litbank import iter_documents

    _run("LitBank", iter_documents(directory, list(names)), setting, as_json)


def _run(corpus: str, documents: Iterator[GoldDocument], setting: str, as_json: bool) -> None:
    from rich.console import Console

    from ..eval.run import SETTINGS, evaluate

    settings = SETTINGS if setting == "both" else (setting,)
    status = Console(stderr=True)
    with status.status("evaluating") as spinner:
        results = evaluate(documents, settings,
                           progress=None if as_json else lambda what: spinner.update(f"evaluating {what}"))
    if as_json:
        click.echo(json.dumps({"corpus": corpus, "results": [r.to_dict() for r in results]}, indent=1))
        return
    console = Console()
    if any(len(result.documents) > 1 for result in results):
        for result in results:
            console.print(_documents_table(f"{corpus}, {result.setting}, by document", result.documents))
    console.print(_totals_table(f"{corpus}: {_count(results)}", results))


def _count(results: list[SettingResult]) -> str:
    documents, total = results[0].documents, results[0].total
    plural = "" if len(documents) == 1 else "s"
    return f"{len(documents)} document{plural}, {total.quotes} gold quotations, {total.words:,} words"


def _totals_table(title: str, results: list[SettingResult]) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("metric (%)")
    for result in results:
        table.add_column(result.setting, justify="right")
    totals = [result.total for result in results]
    for label, key in _METRICS:
        table.add_row(label, *(_percent(total.rates()[key]) for total in totals))
    table.add_row("words per second", *(_speed(total) for total in totals), end_section=False)
    table.add_row("seconds (pipeline)", *(f"{total.seconds:.1f}" for total in totals))
    return table


def _documents_table(title: str, documents: dict[str, Counts]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("quotes", justify="right", no_wrap=True, min_width=6)
    for heading, _ in _DOCUMENT_COLUMNS:
        table.add_column(heading, justify="right", no_wrap=True, min_width=5)
    table.add_column("words/s", justify="right", no_wrap=True, min_width=7)
    for name, counts in documents.items():
        rates = counts.rates()
        table.add_row(name, str(counts.quotes), *(_percent(rates[key]) for _, key in _DOCUMENT_COLUMNS),
                      _speed(counts))
    return table


def _speed(counts: Counts) -> str:
    speed = counts.rates()["words_per_second"]
    return f"{speed:,.0f}" if speed else "-"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"

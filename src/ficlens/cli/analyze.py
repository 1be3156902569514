"""``ficlens analyze`` and ``ficlens schema``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..io import write_atomic


def output_base(path: str, out: str | None) -> Path:
    """``-o OUT`` (with or without .json/.html), or the input's name in the current folder."""
    if out:
        base = Path(out)
        if base.suffix.lower() in (".json", ".html"):
            base = base.with_suffix("")
        return base
    return Path(Path(path).stem or "story")


@click.command()
@click.argument("path", type=click.Path(dir_okay=True, path_type=str))
@click.option("-o", "--out", help="Output base: writes OUT.json and OUT.html (default: the input's name).")
@click.option("--cast", "cast_path", type=click.Path(path_type=str),
              help="JSON list of {name, aliases, gender} to use as the characters.")
@click.option("--include-text", is_flag=True,
              help="Put the text as read into the JSON (offsets point into it).")
@click.option("--json", "json_to", type=click.Choice(["-"]),
              help="'-': write the JSON to stdout, nothing else.")
@click.option("--no-report", is_flag=True, help="Write the JSON only, no HTML report.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def analyze(path: str, out: str | None, cast_path: str | None, include_text: bool,
            json_to: str | None, no_report: bool, quiet: bool) -> None:
    """Analyse one work (TXT, HTML, EPUB) and write its story-world JSON and HTML report."""
    from .. import analyze as run_analysis
    from ..report import print_summary, progress_reporter, render_html

    with progress_reporter(enabled=not quiet and json_to is None) as progress:
        world = run_analysis(Path(path), cast=cast_path, progress=progress)
    if json_to == "-":
        sys.stdout.write(world.to_json(include_text=include_text) + "\n")
        return
    base = output_base(path, out)
    json_path = base.with_name(base.name + ".json")
    html_path = base.with_name(base.name + ".html")
    payload = world.to_json(include_text=include_text)
    html = None if no_report else render_html(world)
    write_atomic(json_path, payload)
    written = [json_path]
    if html is not None:
        write_atomic(html_path, html)
        written.append(html_path)
    if not quiet:
        print_summary(world, written)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the story-world (ficlens/story-world@1)."""
    from ..schema import schema_json

    click.echo(schema_json())

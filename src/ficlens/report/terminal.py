"""The terminal side of ``ficlens analyze``: a progress bar and a compact summary.

The progress bar goes to stderr and only when stderr is a terminal, so pipes and
logs stay clean; the summary is a few rich tables on stdout.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..model import StoryWorld
from .data import dialogue_counts, plural

ROWS_SHOWN = 12
SHOW_AFTER_SECONDS = 0.4  # short inputs finish before a bar would be worth drawing
PRONOUNS = {"he": "he/him", "she": "she/her", "they": "they/them", "unknown": "?"}
REL_SYMBOLS = {"romantic": "♥", "family": "⌂", "friendship": "☺", "professional": "⚒", "antagonistic": "⚔"}


@contextlib.contextmanager
def progress_reporter(enabled: bool = True, console: Console | None = None,
                      stages: int | None = None) -> Iterator[Callable[[str], None] | None]:
    """Yield a ``progress(stage_name)`` callback drawing a bar on stderr, or None when not wanted.

    The bar appears only when stderr is a terminal and the run is still going after
    ``SHOW_AFTER_SECONDS``, and it is removed when the run ends. ``stages`` is the
    number of stages to expect (default: the full pipeline).
    """
    console = console or Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    if stages is None:
        from ..pipeline import default_stages

        stages = len(default_stages())
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description:<12}"), BarColumn(),
               TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn())
    bar = Progress(*columns, console=console, transient=True)
    task = bar.add_task("reading", total=stages)
    began = time.monotonic()
    stages_seen = 0

    def progress(stage: str) -> None:
        nonlocal stages_seen
        bar.update(task, completed=stages_seen, description=stage)
        stages_seen += 1
        if not bar.live.is_started and time.monotonic() - began >= SHOW_AFTER_SECONDS:
            bar.start()

    try:
        yield progress
    finally:
        if bar.live.is_started:
            bar.stop()


def _characters_table(world: StoryWorld) -> Table:
    lines, words = dialogue_counts(world)
    table = Table(title="Characters", title_justify="left", box=None, header_style="bold", pad_edge=False)
    for name, justify in (("name", "left"), ("pronouns", "left"), ("lines", "right"), ("words", "right"),
                          ("mentions", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    ranked = sorted(world.characters, key=lambda c: (-lines[c.id], -c.mentions, c.name))
    for c in ranked[:ROWS_SHOWN]:
        table.add_row(Text(c.name), PRONOUNS[c.gender], str(lines[c.id]), f"{words[c.id]:,}", str(c.mentions))
    if len(ranked) > ROWS_SHOWN:
        table.caption = f"and {len(ranked) - ROWS_SHOWN} more"
    return table


def _scenes_table(world: StoryWorld) -> Table:
    table = Table(title="Scenes", title_justify="left", box=None, header_style="bold", pad_edge=False)
    for name, justify in (("#", "right"), ("ch", "right"), ("POV", "left"), ("break", "left"),
                          ("words", "right"), ("valence", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for i, s in enumerate(world.scenes[:ROWS_SHOWN]):
        pov = world.character(s.pov)
        pov_text = Text(pov.name if pov else (s.pov_name or "unclear"), style="" if pov else "dim")
        if s.pov_slips:
            plural = "s" if len(s.pov_slips) > 1 else ""
            pov_text.append(f" ({len(s.pov_slips)} slip{plural})", style="yellow")
        brk = s.break_ if s.break_ != "inferred" else f"inferred {s.confidence:.0%}"
        valence = "" if s.valence is None else f"{s.valence:+.2f}"
        table.add_row(str(i + 1), str(s.chapter + 1), pov_text, brk,
                      f"{len(world.text[s.start:s.end].split()):,}", valence)
    if len(world.scenes) > ROWS_SHOWN:
        table.caption = f"and {len(world.scenes) - ROWS_SHOWN} more"
    return table


def _relationship_lines(world: StoryWorld) -> list[Text]:
    def name(cid: str) -> str:
        c = world.character(cid)
        return c.name if c else cid

    lines = []
    for r in sorted(world.relationships, key=lambda r: -r.confidence)[:5]:
        line = Text(f"  {REL_SYMBOLS.get(r.type, '·')} ")
        line.append(f"{name(r.source)} – {name(r.target)}", style="bold")
        line.append(f"  {r.type}" + (f" ({r.label})" if r.label else "") + f"  {r.confidence:.2f}")
        lines.append(line)
    if not lines:
        for it in sorted(world.interactions, key=lambda i: -i.turns)[:5]:
            if it.turns:
                lines.append(Text(f"  {name(it.source)} – {name(it.target)}  {it.turns} turns"))
    return lines


def _tag_lines(world: StoryWorld) -> list[Text]:
    lines = []
    for field in ("fandoms", "rating", "warnings", "category", "relationships", "characters", "additional"):
        tags = sorted(getattr(world.tags, field), key=lambda t: -t.score)[:6]
        if tags:
            line = Text(f"  {field}: ", style="dim")
            for k, t in enumerate(tags):
                line.append(", " if k else "")
                line.append(t.tag, style="green" if t.author_tagged else "")
                line.append(f" {t.score:.2f}", style="dim")
            lines.append(line)
    return lines


def print_summary(world: StoryWorld, written: list[Path], console: Console | None = None) -> None:
    """A compact overview of ``world`` and the paths written, for ``ficlens analyze``."""
    console = console or Console()
    title = world.metadata.title or (Path(world.source.path).name if world.source.path else "story")
    words = len(world.text.split())
    attributed = sum(1 for q in world.quotes if q.speaker)
    head = Text(title, style="bold")
    if world.metadata.author:
        head.append(f" by {world.metadata.author}")
    share = attributed / max(len(world.quotes), 1)
    facts = [plural(words, "word"), plural(len(world.chapters), "chapter"),
             plural(len(world.scenes), "scene"),
             plural(len(world.quotes), "quote") + f" ({share:.0%} attributed)"]
    head.append("  " + " · ".join(facts), style="dim")
    console.print(head)
    if world.characters:
        console.print(_characters_table(world))
    if world.scenes:
        console.print(_scenes_table(world))
    relationships = _relationship_lines(world)
    if relationships:
        console.print(Text("Relationships", style="bold italic"))
        for line in relationships:
            console.print(line)
    tags = _tag_lines(world)
    if tags:
        console.print(Text("Suggested tags", style="bold italic")
                      + Text("  (green: the author used it too)", style="dim"))
        for line in tags:
            console.print(line)
    for path in written:
        console.print(Text("wrote ", style="dim") + Text(str(path), style="cyan"), soft_wrap=True)

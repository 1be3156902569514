"""The corpus run's progress bar (rich): works done of total, works/s, words/s and ETA."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    """Works/s or words/s since the run started (``words`` is a task field)."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        amount = task.fields.get("words", 0) if self.unit == "words" else task.fields.get("analysed", 0)
        rate = amount / elapsed if elapsed > 0 else 0.0
        return Text(
            f"{rate:,.1f} {self.unit}/s" if self.unit == "works" else f"{rate:,.0f} {self.unit}/s",
            style="progress.data.speed",
        )


class RunProgress:
    """Shown on stderr while a corpus run goes; silent when ``enabled`` is false."""

    def __init__(self, enabled: bool = True) -> None:
        self._bar = Progress(
            TextColumn("[bold]corpus"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn("works"),
            _RateColumn("words"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            disable=not enabled,
        )
        self._task = self._bar.add_task("corpus", total=None, words=0, analysed=0)

    def start(self, total: int) -> None:
        self._bar.update(self._task, total=total)
        self._bar.start()

    def advance(self, words: int = 0, analysed: bool = False) -> None:
        fields = self._bar.tasks[0].fields
        self._bar.update(
            self._task, advance=1, words=fields["words"] + words, analysed=fields["analysed"] + analysed
        )

    def stop(self) -> None:
        self._bar.stop()

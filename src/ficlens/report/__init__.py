"""Show a story-world: the HTML report and the terminal summary (placeholder)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import StoryWorld


def render_html(world: StoryWorld) -> str:
    return "<!doctype html><title>ficlens</title>"


@contextlib.contextmanager
def progress_reporter(enabled: bool = True) -> Iterator[Callable[[str], None] | None]:
    yield None


def print_summary(world: StoryWorld, written: list[Path]) -> None:
    for p in written:
        print(f"wrote {p}")

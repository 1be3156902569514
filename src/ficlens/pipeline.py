"""The ordered stages that turn a read text into a full story-world.

Like a spaCy pipeline: each stage is a function ``stage(world) -> world`` in a
module of its own, declaring which parts of the world it reads and fills, so
the order can be checked (``check_order``) and a caller can stop early.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import StoryWorld


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[StoryWorld], StoryWorld]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def default_stages() -> list[Stage]:
    """The full pipeline, in order. Imported lazily so ``ficlens --help`` is instant."""
    from .attribution import attribute_quotes
    from .characters import find_characters
    from .emotion import measure_emotion
    from .quotes import find_quotes
    from .relations import find_relationships
    from .scenes import find_scenes
    from .segment import segment
    from .tags import suggest_tags

    return [
        Stage("segment", segment, ("text",), ("notes", "chapters", "paragraphs", "scenes")),
        Stage("characters", find_characters, ("chapters", "paragraphs"), ("characters",)),
        Stage("quotes", find_quotes, ("chapters", "paragraphs"), ("quotes",)),
        Stage("attribution", attribute_quotes, ("characters", "quotes"), ("quotes", "characters")),
        Stage("scenes", find_scenes, ("scenes", "characters", "quotes"), ("scenes",)),
        Stage("relations", find_relationships, ("scenes", "quotes"), ("relationships", "interactions")),
        Stage("emotion", measure_emotion, ("scenes", "quotes"), ("emotion", "scenes")),
        Stage("tags", suggest_tags, ("relationships", "emotion", "notes"), ("tags",)),
    ]


def check_order(stages: Iterable[Stage]) -> None:
    """Raise ValueError if a stage requires something no earlier stage assigns."""
    available = {"text", "source", "metadata", "notes", "chapters"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing} before it runs")
        available.update(stage.assigns)


def run(world: StoryWorld, stages: Iterable[Stage] | None = None,
        progress: Callable[[str], None] | None = None) -> StoryWorld:
    """Run ``stages`` (default: all) over ``world`` in order and return it."""
    for stage in stages if stages is not None else default_stages():
        if progress:
            progress(stage.name)
        world = stage.run(world)
    world.text_length = len(world.text)
    return world

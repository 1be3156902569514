"""ficlens: read fan fiction and rebuild the story-world inside it as data.

    >>> import ficlens
    >>> world = ficlens.analyze("chapter.txt")          # a path, or the text itself
    >>> [c.name for c in world.characters]

``analyze`` reads the input (:mod:`ficlens.ingest`), then runs the stages of
:mod:`ficlens.pipeline`; the result is a :class:`ficlens.model.StoryWorld`.
"""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path

from .errors import FiclensError
from .model import SCHEMA_VERSION, CastMember, StoryWorld

__all__ = ["analyze", "read", "StoryWorld", "CastMember", "FiclensError", "SCHEMA_VERSION"]
__version__ = "0.1.0"


def read(path_or_text: str | PathLike[str]) -> StoryWorld:
    """Read a file (any supported format) or a string of story text, unanalysed."""
    from .ingest import read as _read

    return _read(path_or_text)


def analyze(
    path_or_text: str | PathLike[str],
    cast: list[CastMember] | list[dict] | str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> StoryWorld:
    """Read ``path_or_text`` and run every stage; ``cast`` fixes the characters.

    ``cast`` is a list of ``CastMember`` (or dicts with name, aliases, gender), or
    the path of a JSON file holding such a list. Raises ``FiclensError`` for bad input.
    """
    from . import pipeline
    from .cast import load_cast

    world = read(path_or_text)
    if cast is not None:
        world._cast = load_cast(cast)
    return pipeline.run(world, progress=progress)

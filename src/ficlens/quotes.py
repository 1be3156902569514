"""Placeholder stage: find_quotes (being written)."""

from __future__ import annotations

from .model import StoryWorld


def find_quotes(world: StoryWorld) -> StoryWorld:
    return world

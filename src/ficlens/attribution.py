"""Placeholder stage: attribute_quotes (being written)."""

from __future__ import annotations

from .model import StoryWorld


def attribute_quotes(world: StoryWorld) -> StoryWorld:
    return world

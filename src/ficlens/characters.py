"""Placeholder stage: find_characters (being written)."""

from __future__ import annotations

from .model import StoryWorld


def find_characters(world: StoryWorld) -> StoryWorld:
    return world

"""Placeholder stage: find_scenes (being written)."""

from __future__ import annotations

from .model import StoryWorld


def find_scenes(world: StoryWorld) -> StoryWorld:
    return world

"""Placeholder stage: find_relationships (being written)."""

from __future__ import annotations

from .model import StoryWorld


def find_relationships(world: StoryWorld) -> StoryWorld:
    return world

"""Placeholder stage: suggest_tags (being written)."""

from __future__ import annotations

from .model import StoryWorld


def suggest_tags(world: StoryWorld) -> StoryWorld:
    return world

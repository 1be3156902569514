"""Placeholder stage: measure_emotion (being written)."""

from __future__ import annotations

from .model import StoryWorld


def measure_emotion(world: StoryWorld) -> StoryWorld:
    return world

"""Segment: paragraphs, chapters, wrapping notes and explicit scene breaks.

(Placeholder until the foundation work lands: one chapter, one scene.)
"""

from __future__ import annotations

import re

from .model import Chapter, Paragraph, Scene, StoryWorld


def segment(world: StoryWorld) -> StoryWorld:
    text = world.text
    world.paragraphs = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not world.chapters:
        world.chapters = [Chapter(index=0, start=0, end=len(text))]
    if not world.scenes:
        world.scenes = [Scene(id="s1", start=0, end=len(text))]
    return world

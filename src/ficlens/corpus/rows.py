"""One analysed work as table rows: what a worker sends back to the coordinator.

``TABLES`` is the corpus database's layout (column name and DuckDB type, per
table); ``world_rows(world, work_hash)`` flattens a ``StoryWorld`` into plain
tuples in that column order, small and cheap to pickle. Runs on the workers, so
it imports nothing heavier than the model.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..model import StoryWorld

Row = tuple[Any, ...]

# Every child table starts with the work's hash; ``works`` itself is written by the store.
TABLES: dict[str, list[tuple[str, str]]] = {
    "chapters": [
        ("hash", "VARCHAR"),
        ("chapter", "INTEGER"),
        ("title", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("words", "INTEGER"),
    ],
    "scenes": [
        ("hash", "VARCHAR"),
        ("scene", "VARCHAR"),
        ("position", "INTEGER"),
        ("chapter", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("words", "INTEGER"),
        ("pov", "VARCHAR"),
        ("pov_name", "VARCHAR"),
        ("pov_kind", "VARCHAR"),
        ("pov_confidence", "DOUBLE"),
        ("characters", "VARCHAR[]"),
        ("valence", "DOUBLE"),
    ],
    "characters": [
        ("hash", "VARCHAR"),
        ("character", "VARCHAR"),
        ("name", "VARCHAR"),
        ("aliases", "VARCHAR[]"),
        ("gender", "VARCHAR"),
        ("mentions", "INTEGER"),
        ("narrator", "BOOLEAN"),
        ("from_cast", "BOOLEAN"),
    ],
    "quotes": [
        ("hash", "VARCHAR"),
        ("quote", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("scene", "VARCHAR"),
        ("chapter", "INTEGER"),
        ("kind", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("addressees", "VARCHAR[]"),
        ("type", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("words", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "relationships": [
        ("hash", "VARCHAR"),
        ("source", "VARCHAR"),
        ("target", "VARCHAR"),
        ("type", "VARCHAR"),
        ("label", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ],
    "interactions": [
        ("hash", "VARCHAR"),
        ("source", "VARCHAR"),
        ("target", "VARCHAR"),
        ("turns", "INTEGER"),
        ("turns_source_to_target", "INTEGER"),
        ("turns_target_to_source", "INTEGER"),
        ("co_scenes", "INTEGER"),
        ("pov_mentions", "INTEGER"),
        ("weight", "DOUBLE"),
    ],
    "emotion": [
        ("hash", "VARCHAR"),
        ("scene", "VARCHAR"),
        ("position", "INTEGER"),
        ("valence", "DOUBLE"),
        ("emotion", "VARCHAR"),
        ("score", "DOUBLE"),
    ],
    "tags": [
        ("hash", "VARCHAR"),
        ("category", "VARCHAR"),
        ("tag", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("score", "DOUBLE"),
        ("author_tagged", "BOOLEAN"),
    ],
}

# The work's own facts, as the store's ``works`` columns expect them (hash, path, status added there).
WORK_FACTS = [
    "format",
    "title",
    "author",
    "fandoms",
    "rating",
    "warnings",
    "author_relationships",
    "author_characters",
    "author_tags",
    "language",
    "words",
    "chapters",
]

_AUTHOR_TAGS = (
    ("fandoms", "fandoms"),
    ("relationships", "relationships"),
    ("characters", "characters"),
    ("category", "category"),
    ("warnings", "warnings"),
    ("additional_tags", "additional"),
)
_SUGGESTED_TAGS = ("fandoms", "relationships", "characters", "category", "rating", "warnings", "additional")


def count_words(text: str) -> int:
    return len(text.split())


def story_words(world: StoryWorld) -> int:
    """Words of the story proper (chapters), or of the whole text when no chapters are marked."""
    spans = world.story_spans() or [(0, len(world.text))]
    return sum(count_words(world.text[start:end]) for start, end in spans)


def work_facts(world: StoryWorld) -> dict[str, Any]:
    """The ``works`` columns a worker knows (see ``WORK_FACTS``)."""
    meta = world.metadata
    return {
        "format": world.source.format,
        "title": meta.title,
        "author": meta.author,
        "fandoms": meta.fandoms,
        "rating": meta.rating,
        "warnings": meta.warnings,
        "author_relationships": meta.relationships,
        "author_characters": meta.characters,
        "author_tags": meta.additional_tags,
        "language": meta.language,
        "words": story_words(world),
        "chapters": len(world.chapters),
    }


def world_rows(world: StoryWorld, work_hash: str) -> dict[str, list[Row]]:
    """Every child-table row of one analysed work, in ``TABLES`` column order."""
    text = world.text
    scene_starts = [s.start for s in world.scenes]
    chapter_starts = [c.start for c in world.chapters]

    def containing(starts: list[int], offset: int) -> int | None:
        index = bisect_right(starts, offset) - 1
        return index if index >= 0 else None

    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for c in world.chapters:
        rows["chapters"].append(
            (work_hash, c.index, c.title, c.start, c.end, count_words(text[c.start : c.end]))
        )
    for position, s in enumerate(world.scenes):
        rows["scenes"].append(
            (
                work_hash,
                s.id,
                position,
                s.chapter,
                s.start,
                s.end,
                count_words(text[s.start : s.end]),
                s.pov,
                s.pov_name,
                s.pov_kind,
                s.pov_confidence,
                s.characters,
                s.valence,
            )
        )
    for ch in world.characters:
        rows["characters"].append(
            (work_hash, ch.id, ch.name, ch.aliases, ch.gender, ch.mentions, ch.narrator, ch.from_cast)
        )
    for q in world.quotes:
        scene = containing(scene_starts, q.start)
        chapter = containing(chapter_starts, q.start)
        rows["quotes"].append(
            (
                work_hash,
                q.id,
                q.start,
                q.end,
                world.scenes[scene].id if scene is not None else None,
                world.chapters[chapter].index if chapter is not None else None,
                q.kind,
                q.speaker,
                q.addressees,
                q.type,
                q.confidence,
                count_words(q.text),
                q.text,
            )
        )
    for r in world.relationships:
        rows["relationships"].append((work_hash, r.source, r.target, r.type, r.label, r.confidence))
    for i in world.interactions:
        rows["interactions"].append(
            (
                work_hash,
                i.source,
                i.target,
                i.turns,
                i.turns_source_to_target,
                i.turns_target_to_source,
                i.co_scenes,
                i.pov_mentions,
                i.weight,
            )
        )
    rows["emotion"] = _emotion_rows(world, work_hash)
    rows["tags"] = _tag_rows(world, work_hash)
    return rows


def _emotion_rows(world: StoryWorld, work_hash: str) -> list[Row]:
    """One row per scene and emotion (emotion NULL when the scene has only a valence)."""
    points: list[tuple[str, float | None, dict[str, float]]]
    points = [(p.scene, p.valence, p.emotions) for p in world.emotion.arc]
    if not points:
        points = [(s.id, s.valence, s.emotions) for s in world.scenes if s.valence is not None or s.emotions]
    rows: list[Row] = []
    for position, (scene, valence, emotions) in enumerate(points):
        if not emotions:
            rows.append((work_hash, scene, position, valence, None, None))
        for name, score in sorted(emotions.items()):
            rows.append((work_hash, scene, position, valence, name, score))
    return rows


def _tag_rows(world: StoryWorld, work_hash: str) -> list[Row]:
    """The tags ficlens suggests and the tags the author gave, side by side."""
    rows: list[Row] = []
    for category in _SUGGESTED_TAGS:
        for t in getattr(world.tags, category):
            rows.append((work_hash, category, t.tag, "suggested", t.score, t.author_tagged))
    meta = world.metadata
    for field, category in _AUTHOR_TAGS:
        for tag in getattr(meta, field):
            rows.append((work_hash, category, tag, "author", None, True))
    if meta.rating:
        rows.append((work_hash, "rating", meta.rating, "author", None, True))
    return rows

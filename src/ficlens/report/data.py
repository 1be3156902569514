"""The report's view of a story-world: the JSON the page's script builds its charts from.

Characters are referred to by their position in ``characters`` (which is also
their colour class ``kN`` in the text), so the page never has to match ids or
put user text in selectors. Speakers come first, ordered by lines spoken.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..model import StoryWorld
from .layout import force_layout

MAX_NETWORK_NODES = 60
LAYOUT_EDGES_PER_NODE = 3
EMOTIONS_SHOWN = 4
# Tableau-like, muted but distinct; later speakers get hues spread by the golden angle.
PALETTE = ["#3b6fb6", "#d9722b", "#2f9e8f", "#c2415b", "#7a5cc4", "#5c9a2f",
           "#b8860b", "#c25fa7", "#4f8fc4", "#8c6d4f", "#2d7a4f", "#9a4f2d"]


def speaker_color(index: int) -> str:
    """A colour for the ``index``-th character; distinct from its neighbours."""
    if index < len(PALETTE):
        return PALETTE[index]
    hue = (index * 137.508) % 360
    return f"hsl({hue:.0f} 55% 42%)"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def word_count(text: str) -> int:
    return len(text.split())


def character_order(world: StoryWorld) -> list[str]:
    """Character ids, most lines first, then most mentions; the report's colour order."""
    lines = Counter(q.speaker for q in world.quotes if q.speaker)
    order = sorted(world.characters, key=lambda c: (-lines[c.id], -c.mentions, c.name))
    return [c.id for c in order]


def _scene_labels(world: StoryWorld) -> list[str]:
    """Labels like "Scene 3", or "Ch. 2 · scene 1" when the work has chapters."""
    if len(world.chapters) < 2:
        return [f"Scene {i + 1}" for i in range(len(world.scenes))]
    seen: Counter[int] = Counter()
    labels = []
    for s in world.scenes:
        seen[s.chapter] += 1
        labels.append(f"Ch. {s.chapter + 1} · scene {seen[s.chapter]}")
    return labels


def snippet(text: str, start: int, end: int, limit: int = 80) -> str:
    """``text[start:end]`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text[start:end].split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def dialogue_counts(world: StoryWorld) -> tuple[Counter[str], Counter[str]]:
    """Lines and words of dialogue per speaker id: what they say or write (chat messages), not
    their thoughts."""
    lines: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for q in world.quotes:
        if q.speaker and q.kind != "thought":
            lines[q.speaker] += 1
            words[q.speaker] += word_count(q.text)
    return lines, words


def _characters(world: StoryWorld, order: list[str]) -> list[dict[str, Any]]:
    lines, words = dialogue_counts(world)
    by_id = {c.id: c for c in world.characters}
    return [{"id": cid, "name": by_id[cid].name, "gender": by_id[cid].gender,
             "aliases": by_id[cid].aliases, "mentions": by_id[cid].mentions,
             "narrator": by_id[cid].narrator, "lines": lines[cid], "words": words[cid],
             "color": speaker_color(i)}
            for i, cid in enumerate(order)]


def _quotes(world: StoryWorld, index: dict[str, int]) -> list[dict[str, Any]]:
    return [{"s": index.get(q.speaker, -1) if q.speaker else -1,
             "a": [index[a] for a in q.addressees if a in index],
             "t": q.type, "c": round(q.confidence, 2), "k": q.kind}
            for q in world.quotes]


def _scenes(world: StoryWorld, index: dict[str, int]) -> list[dict[str, Any]]:
    text = world.text
    scenes = []
    for s, label in zip(world.scenes, _scene_labels(world), strict=True):
        scenes.append({
            "id": s.id, "label": label, "chapter": s.chapter,
            "pov": index.get(s.pov, -1) if s.pov else -1,
            "povName": s.pov_name, "povKind": s.pov_kind, "povConf": round(s.pov_confidence, 2),
            "setting": [snippet(text, sp.start, sp.end, 40) for sp in s.setting[:2]],
            "time": [snippet(text, sp.start, sp.end, 40) for sp in s.time_cues[:1]],
            "words": word_count(text[s.start:s.end]), "break": s.break_, "marker": s.marker,
            "conf": round(s.confidence, 2), "valence": s.valence,
            "emotions": {k: round(v, 3) for k, v in s.emotions.items()},
            "slips": len(s.pov_slips), "chars": [index[c] for c in s.characters if c in index],
        })
    return scenes


def _layout_edges(edges: Iterable[dict[str, Any]], slot: dict[int, int]) -> list[tuple[int, int, float]]:
    """Each node's strongest few edges: enough to pull friends together without a hairball."""
    strength = {(e["a"], e["b"]): e["turns"] + e["co"] + 1
                for e in edges if e["a"] in slot and e["b"] in slot}
    by_node: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    for key, weight in strength.items():
        for node in key:
            by_node.setdefault(node, []).append((weight, key))
    kept = {key for ranked in by_node.values()
            for _, key in sorted(ranked, reverse=True)[:LAYOUT_EDGES_PER_NODE]}
    return [(slot[a], slot[b], strength[(a, b)]) for a, b in sorted(kept)]


def _network(world: StoryWorld, order: list[str], characters: list[dict[str, Any]]) -> dict[str, Any]:
    index = {cid: i for i, cid in enumerate(order)}
    # The most present characters: speakers first, then by mentions (already the colour order).
    shown = [i for i, c in enumerate(characters) if c["lines"] or c["mentions"]][:MAX_NETWORK_NODES]
    if not shown:
        shown = list(range(min(len(characters), MAX_NETWORK_NODES)))
    slot = {ci: n for n, ci in enumerate(shown)}
    relationships: dict[tuple[int, int], Any] = {}
    for r in world.relationships:
        if r.source in index and r.target in index:
            a, b = index[r.source], index[r.target]
            key = (min(a, b), max(a, b))
            if key not in relationships or r.confidence > relationships[key].confidence:
                relationships[key] = r
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for it in world.interactions:
        if it.source in index and it.target in index:
            a, b = index[it.source], index[it.target]
            ab, ba = it.turns_source_to_target, it.turns_target_to_source
            if a > b:
                a, b, ab, ba = b, a, ba, ab
            edges[(a, b)] = {"a": a, "b": b, "turns": it.turns, "ab": ab, "ba": ba,
                             "co": it.co_scenes, "w": round(it.weight, 3)}
    for key, r in relationships.items():
        empty = {"a": key[0], "b": key[1], "turns": 0, "ab": 0, "ba": 0, "co": 0, "w": 0}
        edge = edges.setdefault(key, empty)
        edge.update(rel=r.type, label=r.label, conf=round(r.confidence, 2))
    positions = force_layout(len(shown), _layout_edges(edges.values(), slot))
    nodes = [{"i": ci, "x": x, "y": y} for ci, (x, y) in zip(shown, positions, strict=True)]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: (-e["turns"], e["a"], e["b"]))}


def _arc(world: StoryWorld) -> dict[str, Any]:
    scene_index = {s.id: i for i, s in enumerate(world.scenes)}
    measured = [(scene_index[p.scene], p.valence, p.emotions)
                for p in world.emotion.arc if p.scene in scene_index]
    if not measured:
        measured = [(i, s.valence, s.emotions) for i, s in enumerate(world.scenes) if s.valence is not None]
    totals: dict[str, float] = {}
    for _, _, emotions in measured:
        for name, value in emotions.items():
            totals[name] = totals.get(name, 0.0) + value
    strongest = sorted(totals, key=lambda name: -totals[name])[:EMOTIONS_SHOWN]
    points = [{"scene": i, "v": round(v, 3), "e": {k: round(x, 3) for k, x in emotions.items()}}
              for i, v, emotions in measured]
    return {"points": points, "emotions": strongest, "method": world.emotion.method}


def report_data(world: StoryWorld) -> dict[str, Any]:
    """Everything the page's script needs, keyed by character position (see module doc)."""
    order = character_order(world)
    index = {cid: i for i, cid in enumerate(order)}
    characters = _characters(world, order)
    return {
        "title": world.metadata.title,
        "characters": characters,
        "quotes": _quotes(world, index),
        "scenes": _scenes(world, index),
        "chapters": [{"index": c.index, "title": c.title} for c in world.chapters],
        "network": _network(world, order, characters),
        "arc": _arc(world),
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` block.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes so no ``</script>`` or comment can
    close or alter the block; U+2028/2029 too, for old JavaScript parsers.
    """
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        raw = raw.replace(char, escape)
    return raw

"""Tests for ficlens.scenes: lost breaks, scene cast/setting/time, point of view."""

from __future__ import annotations

import time

import pytest

from ficlens.model import Chapter, Paragraph, Scene, StoryWorld
from ficlens.scenes import find_scenes
from fixtures.scenes.worlds import NAMES, build_world, load


def _openings(world: StoryWorld) -> list[str]:
    return [world.text[s.start : s.end].lstrip("\n") for s in world.scenes]


@pytest.mark.parametrize("name", NAMES)
def test_scenes_fixture_breaks_found(name: str) -> None:
    world, truth = load(name)
    world = find_scenes(world)
    openings = _openings(world)
    assert len(openings) == len(truth["scenes"])
    for opening, expected in zip(openings, truth["scenes"], strict=True):
        assert opening.startswith(expected)
    assert [s.id for s in world.scenes] == [f"s{n}" for n in range(1, len(world.scenes) + 1)]
    marked = set(truth.get("marked", []))
    for n, scene in enumerate(world.scenes[1:], start=1):
        assert scene.break_ == ("marker" if n in marked else "inferred")


@pytest.mark.parametrize("name", NAMES)
def test_scenes_fixture_pov(name: str) -> None:
    world, truth = load(name)
    world = find_scenes(world)
    names = {c.id: c.name for c in world.characters}
    for scene, (pov_name, pov_kind) in zip(world.scenes, truth["pov"], strict=True):
        assert scene.pov_kind == pov_kind
        assert (names.get(scene.pov) if scene.pov else None) == (
            next(c.name for c in world.characters if pov_name in (c.name, *c.aliases)) if pov_name else None
        )


def test_scenes_inferred_evidence_offsets_are_exact() -> None:
    world = find_scenes(load("lantern-night")[0])
    inferred = [s for s in world.scenes if s.break_ == "inferred"]
    assert inferred
    for scene in inferred:
        assert 0.5 < scene.confidence <= 1.0
        assert scene.break_evidence
        for span in scene.break_evidence:
            assert world.text[span.start : span.end].strip()
    notes = {span.note for span in inferred[-1].break_evidence}
    assert "time shift" in notes
    assert world.text[inferred[-1].break_evidence[0].start :].startswith("The next evening")


def test_scenes_setting_time_and_characters() -> None:
    world = find_scenes(load("moving-day")[0])
    last = world.scenes[-1]
    assert [world.text[s.start : s.end] for s in last.time_cues][0] == "The next morning"
    assert "on the roof" in [world.text[s.start : s.end] for s in last.setting]
    dev, arthur = (c.id for c in world.characters if c.name in ("Dev", "Arthur"))
    assert dev in last.characters and arthur in last.characters
    assert last.characters.index(dev) < last.characters.index(arthur)


def test_scenes_pov_heading_resolved_to_id() -> None:
    world = find_scenes(load("the-audition")[0])
    rosa, nadia = world.characters
    assert (world.scenes[0].pov, world.scenes[0].pov_stated) == (rosa.id, True)
    assert (world.scenes[1].pov, world.scenes[1].pov_confidence) == (nadia.id, 1.0)
    assert world.scenes[2].pov == rosa.id and not world.scenes[2].pov_stated
    evidence = [world.text[s.start : s.end] for s in world.scenes[2].pov_evidence]
    assert "Rosa felt" in evidence


@pytest.mark.parametrize(
    ("last_sentence", "slips"),
    [
        ("Then Marco opened the door, and Marco knew at once that she had been crying.", ["Marco knew"]),
        ("Then Marco opened the door, and Marco saw that she had been crying.", []),
        ("Then Marco opened the door, and he wondered why she had been crying.", ["he wondered"]),
    ],
)
def test_scenes_pov_slip_flagged(last_sentence: str, slips: list[str]) -> None:
    text = (
        "Anna knew the bakery would be closed. She wondered why she had come at all, and she felt "
        "foolish standing in the rain outside the shop.\n\n"
        "Anna thought about going home. She realised the lights were still on inside.\n\n" + last_sentence
    )
    world = build_world(text, [{"name": "Anna", "gender": "she"}, {"name": "Marco", "gender": "he"}])
    scene = find_scenes(world).scenes[0]
    assert scene.pov == "c1" and scene.pov_kind == "third_limited"
    assert [text[s.start : s.end] for s in scene.pov_slips] == slips


def test_scenes_pov_from_missing_someone() -> None:
    """"She missed her brother": longing is an inner state, as "felt" is, and tells whose scene it is."""
    text = (
        "Noor had read the postcard twice before the kettle boiled. She missed her brother. She missed "
        "him the way a tongue misses a tooth.\n\n"
        "Jonah came in with the shopping and set it on the table.\n\n"
        "Noor put the postcard in a drawer and said nothing about it."
    )
    world = build_world(text, [{"name": "Noor", "gender": "she"}, {"name": "Jonah", "gender": "he"}])
    scene = find_scenes(world).scenes[0]
    assert (scene.pov, scene.pov_kind) == ("c1", "third_limited")
    assert [text[s.start : s.end] for s in scene.pov_evidence][:2] == ["She missed", "She missed"]


def test_scenes_omniscient_when_two_minds_share_the_scene() -> None:
    text = (
        "Anna knew the market would be crowded. She wondered whether the fishmonger would remember her.\n\n"
        "Marco knew it too. He thought about the last time they had both been there.\n\n"
        "Anna realised she was smiling. Marco wondered why, and he decided not to ask."
    )
    world = build_world(text, [{"name": "Anna", "gender": "she"}, {"name": "Marco", "gender": "he"}])
    scene = find_scenes(world).scenes[0]
    assert (scene.pov, scene.pov_kind) == (None, "omniscient")
    assert scene.pov_slips == []


def test_scenes_one_per_chapter_without_segment_scenes() -> None:
    text = "Ada rode north.\n\nBen stayed home."
    world = build_world(text, [{"name": "Ada", "gender": "she"}, {"name": "Ben", "gender": "he"}])
    world.scenes = []
    world.chapters = [Chapter(index=0, start=0, end=15), Chapter(index=1, start=17, end=len(text))]
    scenes = find_scenes(world).scenes
    assert [(s.id, s.chapter, s.break_, s.characters) for s in scenes] == [
        ("s1", 0, "start", ["c1"]),
        ("s2", 1, "chapter", ["c2"]),
    ]


def test_scenes_offsets_exact_after_case_folding_changes_length() -> None:
    text = "İpek İnce left İzmir at noon.\n\nThe next morning she walked into the kitchen in Ankara."
    world = find_scenes(build_world(text, [{"name": "İpek", "gender": "she"}]))
    scene = world.scenes[0]
    assert [text[s.start : s.end] for s in scene.time_cues] == ["at noon", "The next morning"]
    assert [text[s.start : s.end] for s in scene.setting] == ["into the kitchen", "in Ankara"]


def test_scenes_one_paragraph_story() -> None:
    world = build_world(
        "Lena sat by the window and wondered where everyone had gone.", [{"name": "Lena", "gender": "she"}]
    )
    world = find_scenes(world)
    assert len(world.scenes) == 1
    assert world.scenes[0].characters == ["c1"]


def test_scenes_story_without_names_or_paragraphs() -> None:
    text = "The rain fell all night.\nNobody came.\nIn the morning the street was empty and grey.\n"
    world = find_scenes(StoryWorld(text=text))
    assert len(world.scenes) == 1
    assert (world.scenes[0].start, world.scenes[0].end) == (0, len(text))
    assert world.scenes[0].characters == [] and world.scenes[0].pov_kind == "unclear"


def test_scenes_empty_text() -> None:
    assert find_scenes(StoryWorld(text="")).scenes == []


def test_scenes_second_person() -> None:
    world = find_scenes(load("night-shift")[0])
    assert {s.pov_kind for s in world.scenes} == {"second"}
    assert all(s.pov is None for s in world.scenes)
    evidence = {world.text[e.start : e.end].lower() for s in world.scenes for e in s.pov_evidence}
    assert evidence and evidence <= {"you", "your", "yourself"}


def test_scenes_first_person_uses_narrator() -> None:
    world = find_scenes(load("moving-day")[0])
    narrator = next(c.id for c in world.characters if c.narrator)
    assert all(s.pov == narrator and s.pov_kind == "first" for s in world.scenes)
    evidence = {world.text[e.start : e.end] for s in world.scenes for e in s.pov_evidence}
    assert evidence and evidence <= {"I", "me", "my", "myself"}


def _many_marked_scenes(count: int) -> StoryWorld:
    parts, scenes, paragraphs, position = [], [], [], 0
    for n in range(count):
        body = f"Scene {n}: Ada walked into the kitchen and thought about the river."
        parts.append(body + "\n\n* * *\n\n")
        paragraphs.append(Paragraph(start=position, end=position + len(body)))
        scenes.append(
            Scene(
                id=f"s{n + 1}",
                start=position,
                end=position + len(parts[-1]),
                break_="start" if n == 0 else "marker",
                marker="* * *",
            )
        )
        position += len(parts[-1])
    text = "".join(parts)
    world = build_world(text, [{"name": "Ada", "gender": "she"}])
    world.paragraphs, world.scenes = paragraphs, scenes
    world.chapters = [Chapter(index=0, start=0, end=len(text))]
    return world


def test_scenes_thousand_marked_scenes_kept() -> None:
    world = find_scenes(_many_marked_scenes(1000))
    assert len(world.scenes) == 1000
    assert world.scenes[-1].id == "s1000"
    assert all(s.characters == ["c1"] for s in world.scenes)
    assert all(s.break_ == "marker" for s in world.scenes[1:])


@pytest.mark.slow
def test_scenes_speed_is_linear() -> None:
    world, _ = load("lantern-night")
    copies = 160  # ~100k words
    text = "\n\n".join([world.text] * copies)
    big = build_world(text, [c.model_dump() for c in world.characters])
    started = time.perf_counter()
    find_scenes(big)
    assert time.perf_counter() - started < 10  # a guard against quadratic work (~0.5 s; speed: make bench)


def test_scenes_seed_chapter(seed_path) -> None:
    import ficlens

    world = ficlens.analyze(seed_path)
    povs = [world.character(s.pov).name for s in world.scenes if s.pov]
    assert len(world.scenes) == 5
    assert [s.break_ for s in world.scenes[1:]] == ["inferred"] * 4
    assert povs == ["Blaine", "Kurt", "Kurt", "Blaine", "Kurt"]

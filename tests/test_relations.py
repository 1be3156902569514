"""Relationships and the interaction network (ficlens.relations)."""

from __future__ import annotations

import pytest

import ficlens
from ficlens.model import StoryWorld
from ficlens.relations import find_relationships
from fixtures.story.worlds import build_world, harbour_world, seed_world


def by_label(world: StoryWorld) -> dict[str, str]:
    return {r.label: r.type for r in world.relationships}


def harbour() -> StoryWorld:
    return find_relationships(harbour_world())


def test_relations_fixture_finds_each_type():
    assert by_label(harbour()) == {
        "Mara/Theo": "romantic",
        "Jonah & Mara": "family",
        "Mara & Priya": "friendship",
        "Castellan & Theo": "professional",
        "Jonah & Vic": "antagonistic",
    }


def test_relations_evidence_offsets_point_at_the_cues():
    world = harbour()
    cues = {world.text[e.start : e.end] for r in world.relationships for e in r.evidence}
    assert {"her boyfriend", "Her brother", "Mara's best friend", "Theo's boss", "his rival"} <= cues
    for rel in world.relationships:
        assert 0 < rel.confidence <= 1
        assert rel.source != rel.target
        for span in rel.evidence:
            assert span.note and world.text[span.start : span.end].strip()


@pytest.mark.parametrize(
    "text, cast, expected",
    [
        (
            "Ada waved at her sister Bea across the yard.",
            {"Ada": "she", "Bea": "she"},
            {"Ada & Bea": "family"},
        ),
        ("Cal was Dev's husband, and everyone knew it.", {"Cal": "he", "Dev": "he"}, {"Cal/Dev": "romantic"}),
        ("Eli and Fay were roommates that year.", {"Eli": "he", "Fay": "she"}, {"Eli & Fay": "friendship"}),
        (
            "Gus looked up at his coach. Hal nodded once.",
            {"Gus": "he", "Hal": "he"},
            {"Gus & Hal": "professional"},
        ),
        ('"You are the love of my life, Jo," Ivy said.', {"Ivy": "she", "Jo": "she"}, {"Ivy/Jo": "romantic"}),
        (
            "Kit sighed. Her stepmom Lou was late again.",
            {"Kit": "she", "Lou": "she"},
            {"Kit & Lou": "family"},
        ),
        ("Max and Ned were married in the spring.", {"Max": "he", "Ned": "he"}, {"Max/Ned": "romantic"}),
        (
            '"Your sister Ola phoned," Pim told Quy.',
            {"Ola": "she", "Pim": "he", "Quy": "he"},
            {"Ola & Quy": "family"},
        ),
        (
            "Ros hated Sid. Ros had always hated Sid.",
            {"Ros": "she", "Sid": "he"},
            {"Ros & Sid": "antagonistic"},
        ),
        (
            "Tia nodded to her colleague Ugo and sat.",
            {"Tia": "she", "Ugo": "he"},
            {"Tia & Ugo": "professional"},
        ),
    ],
)
def test_relations_cue_patterns(text, cast, expected):
    assert by_label(find_relationships(build_world(text, cast))) == expected


def test_relations_possessive_resolves_by_gender_and_salience():
    text = (
        "Oren and Pia walked home. She was quiet, thinking about her brother. Quinn had not called in weeks."
    )
    world = find_relationships(build_world(text, {"Oren": "he", "Pia": "she", "Quinn": "he"}))
    assert by_label(world) == {"Pia & Quinn": "family"}


def test_relations_offstage_parent_needs_a_second_cue():
    cast = {"Ivy": "she", "Abe": "he"}
    once = "Ivy and Abe sat by the fire. Her father worked nights at the mill, and Abe knew it.\n"
    assert by_label(find_relationships(build_world(once, cast))) == {}  # her father is not there
    twice = (
        "Ivy got home late. Her father was waiting up, and Abe did not look pleased.\n\n"
        "Ivy sighed. Her father always waited up. Abe poured the tea without a word.\n"
    )
    assert by_label(find_relationships(build_world(twice, cast))) == {"Abe & Ivy": "family"}


@pytest.mark.parametrize(
    "line, expected",
    [
        ('"My father is ill again," Ann told Ben.', {}),  # a relative spoken of: neither of them
        ('"Thank you, my dear brother," Ann told Ben.', {"Ann & Ben": "family"}),  # addressed
        ('"You are my best friend," Ann told Ben.', {"Ann & Ben": "friendship"}),
        ('"You are the kindest man I know and my husband." Ann smiled at Ben.', {"Ann/Ben": "romantic"}),
    ],
)
def test_relations_terms_in_dialogue(line, expected):
    world = build_world(line, {"Ann": "she", "Ben": "he"})
    (quote,) = world.quotes
    quote.speaker, quote.addressees = world.characters[0].id, [world.characters[1].id]  # Ann to Ben
    assert by_label(find_relationships(world)) == expected


def test_relations_comma_after_a_term_is_no_apposition_without_a_closing_one():
    cast = {"Ada": "she", "Cy": "he", "Bea": "she"}
    world = find_relationships(build_world("Ada and Cy talked. Thinking of his sister, Bea felt sad.", cast))
    assert all(r.confidence < 0.9 for r in world.relationships)  # Bea is not named as the sister
    text = "Ada and Cy talked. He thought of his sister, Bea, all day."
    named = find_relationships(build_world(text, cast))
    assert by_label(named) == {"Bea & Cy": "family"} and named.relationships[0].confidence >= 0.9


def test_relations_possessive_before_the_named_relative_is_someone_else():
    world = find_relationships(build_world("Kit sighed. Her stepmom Lou was late again.",
                                           {"Kit": "she", "Lou": "she"}))
    [relationship] = world.relationships
    assert [e.note for e in relationship.evidence] == ["Her stepmom → Lou"]  # named right there: certain


def test_relations_roommates_from_rooms_in_one_home():
    text = (
        "Rae came out of Rae's room yawning. Sol was already in his room with the door shut.\n\n"
        "The apartment was quiet after that."
    )
    world = find_relationships(build_world(text, {"Rae": "she", "Sol": "he"}))
    assert by_label(world) == {"Rae & Sol": "friendship"}


def test_relations_romance_outranks_friendship():
    text = "Tam kissed Uma. Uma was Tam's girlfriend and also Tam's best friend."
    assert by_label(find_relationships(build_world(text, {"Tam": "he", "Uma": "she"}))) == {
        "Tam/Uma": "romantic"
    }


def test_relations_interactions_count_turns_scenes_and_pov():
    world = harbour()
    links = {(i.source, i.target): i for i in world.interactions}
    mara_theo = links[("c1", "c2")]
    assert mara_theo.turns == mara_theo.turns_source_to_target + mara_theo.turns_target_to_source > 0
    assert mara_theo.co_scenes == 3  # Theo is talked about in the first scene too
    assert mara_theo.pov_mentions > 0
    assert max(i.weight for i in world.interactions) == 1.0
    assert all(0 <= i.weight <= 1 for i in world.interactions)


@pytest.mark.shared
def test_relations_seed_chapter(seed_path):
    world = find_relationships(seed_world(seed_path))
    labels = by_label(world)
    assert labels["Blaine/Kurt"] == "romantic"
    assert labels["Finn & Kurt"] == "family"
    assert labels["Finn/Rachel"] == "romantic"
    assert labels["Kurt & Rachel"] == "friendship"
    top = world.interactions[0]
    assert {top.source, top.target} == {"c1", "c2"}


@pytest.mark.parametrize(
    "text, cast",
    [
        ("", {}),
        ("Rain fell all night on the quiet town.", {}),
        ("You wake before dawn. Your sister is gone, and your boyfriend is asleep.", {}),
        ("One paragraph only: Wren met Yves, her boyfriend, at the gate.", {"Wren": "she", "Yves": "he"}),
    ],
)
def test_relations_bad_input_gives_sensible_output(text, cast):
    world = find_relationships(build_world(text, cast))
    assert all(r.source != r.target for r in world.relationships)
    if not cast:
        assert world.relationships == [] and world.interactions == []


def test_relations_bare_world_without_earlier_stages():
    world = find_relationships(StoryWorld(text="Zed's brother Abe laughed."))
    assert world.relationships == [] and world.interactions == []


def test_relations_thousand_scenes():
    scene = "Nia met her brother Obi at the market. They argued about bread.\n\n* * *\n\n"
    world = find_relationships(build_world(scene * 1000, {"Nia": "she", "Obi": "he"}))
    assert len(world.scenes) == 1000
    assert by_label(world) == {"Nia & Obi": "family"}
    assert world.interactions[0].co_scenes == 1000


def test_relations_first_person_narrator_owns_my():
    world = build_world(
        "I waited by the gate for my brother Pax. Pax was late, as usual.", {"Rue": "she", "Pax": "he"}
    )
    world.characters[0].narrator = True
    assert by_label(find_relationships(world)) == {"Pax & Rue": "family"}


def test_relations_interactions_ignore_unknown_ids():
    world = build_world('"Hello," Sam said.', {"Sam": "he"})
    world.quotes[0].addressees = ["c404"]
    world.scenes[0].pov = "c404"
    assert find_relationships(world).interactions == []


@pytest.mark.shared
def test_relations_seed_chapter_end_to_end(seed_path):
    """Through the whole pipeline: the four relationships come from the text itself."""
    labels = by_label(ficlens.analyze(seed_path))
    assert {
        "Blaine/Kurt": "romantic",
        "Finn & Kurt": "family",
        "Finn/Rachel": "romantic",
        "Kurt & Rachel": "friendship",
    }.items() <= labels.items()

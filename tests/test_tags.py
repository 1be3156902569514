"""AO3-style tag suggestions and the comparison with author tags (ficlens.tags)."""

from __future__ import annotations

import pytest

import ficlens
from ficlens.emotion import measure_emotion
from ficlens.model import Metadata, StoryWorld
from ficlens.relations import find_relationships
from ficlens.tags import NO_WARNINGS, suggest_tags
from fixtures.story.worlds import build_world, harbour_world, seed_world


def tag_world(world: StoryWorld) -> StoryWorld:
    return suggest_tags(measure_emotion(find_relationships(world)))


def harbour(metadata: Metadata | None = None) -> StoryWorld:
    world = harbour_world()
    if metadata:
        world.metadata = metadata
    return tag_world(world)


def names(suggestions) -> list[str]:
    return [s.tag for s in suggestions]


def test_tags_fixture_covers_every_kind():
    tags = harbour().tags
    assert names(tags.fandoms) == ["Tidewater Chronicles"]
    assert names(tags.relationships)[0] == "Mara/Theo"
    assert {"Jonah & Mara", "Mara & Priya"} <= set(names(tags.relationships))
    assert names(tags.characters)[:2] in (["Mara", "Theo"], ["Theo", "Mara"])
    assert names(tags.category) == ["F/M"]
    assert names(tags.rating) == ["General Audiences"]
    assert names(tags.warnings) == [NO_WARNINGS]
    assert {"Angst", "Sad Ending", "Canon Divergence", "Reunion", "Crying"} <= set(names(tags.additional))
    assert "Fluff" not in names(tags.additional)
    assert tags.comparison == {}


def test_tags_evidence_offsets_are_real():
    world = harbour()
    every = [
        s
        for kind in ("fandoms", "relationships", "characters", "category", "rating", "additional")
        for s in getattr(world.tags, kind)
    ]
    assert all(0 < s.score <= 1 and s.reason for s in every)
    fandom = world.tags.fandoms[0].evidence[0]
    assert world.text[fandom.start : fandom.end] == "Tidewater Chronicles"
    divergence = next(s for s in world.tags.additional if s.tag == "Canon Divergence").evidence[0]
    assert world.text[divergence.start : divergence.end].lower() == "what if"
    for suggestion in every:
        for span in suggestion.evidence:
            assert 0 <= span.start < span.end <= len(world.text)


@pytest.mark.parametrize(
    "disclaimer, fandom",
    [
        ("Disclaimer: I own nothing, Moonfall Academy does.", "Moonfall Academy"),
        ("Disclaimer: I don't own Starfield Rangers or any of its characters.", "Starfield Rangers"),
        ("Disclaimer: The Lantern Keepers belongs to its creators, not me.", "The Lantern Keepers"),
        ("Disclaimer: Sadly I do not own anything.", None),
    ],
)
def test_tags_fandom_from_disclaimer(disclaimer, fandom):
    text = disclaimer + "\n\nPell walked to the shore and sat down.\n"
    world = tag_world(build_world(text, {"Pell": "he"}, notes={0: "disclaimer"}))
    assert names(world.tags.fandoms) == ([fandom] if fandom else [])


def test_tags_fandom_from_metadata_and_full_names_from_author_tags():
    meta = Metadata(fandoms=["Tidewater Chronicles (TV)"], characters=["Mara Quinlan", "Theo Vance"])
    tags = harbour(meta).tags
    assert "Tidewater Chronicles (TV)" in names(tags.fandoms)
    assert names(tags.relationships)[0] == "Mara Quinlan/Theo Vance"
    assert "Mara Quinlan" in names(tags.characters)


@pytest.mark.parametrize(
    "cast, category",
    [
        ({"Ada": "she", "Bea": "she"}, ["F/F"]),
        ({"Ada": "he", "Bea": "he"}, ["M/M"]),
        ({"Ada": "she", "Bea": "he"}, ["F/M"]),
        ({"Ada": "they", "Bea": "she"}, ["Other"]),
    ],
)
def test_tags_category_from_romantic_pair_genders(cast, category):
    world = tag_world(build_world("Ada was Bea's fiancee, and Bea adored Ada's fiance jokes.", cast))
    assert names(world.tags.category) == category


def test_tags_category_gen_and_multi():
    gen = tag_world(build_world("Cy and Di were roommates.", {"Cy": "he", "Di": "she"}))
    assert names(gen.tags.category) == ["Gen"]
    text = "Eve was Flo's wife. Eve was also Gil's wife, and everyone was happy."
    multi = tag_world(build_world(text, {"Eve": "she", "Flo": "she", "Gil": "he"}))
    assert {"Multi", "F/F", "F/M"} <= set(names(multi.tags.category))


@pytest.mark.parametrize(
    "text, rating, warning",
    [
        ("Hana watered the garden and hummed a tune.", "General Audiences", NO_WARNINGS),
        (
            'Hana swore. "Shit, the damn car is dead again, what the fuck."',
            "Teen And Up Audiences",
            NO_WARNINGS,
        ),
        (
            "Hana saw the gore: entrails on the floor, a severed hand, a pool of blood.",
            "Mature",
            "Graphic Depictions Of Violence",
        ),
        (
            "Hana died in the night. At the funeral nobody spoke of her death or her grave.",
            "General Audiences",
            "Major Character Death",
        ),
        (
            "His cock was hard; she stroked it until the orgasm took him, and she came with a second orgasm.",
            "Explicit",
            NO_WARNINGS,
        ),
    ],
)
def test_tags_rating_and_warnings_from_word_lists(text, rating, warning):
    world = tag_world(build_world(text, {"Hana": "she"}))
    assert names(world.tags.rating) == [rating]
    assert names(world.tags.warnings) == [warning]


def test_tags_rating_ignores_the_notes():
    text = "Disclaimer: I own nothing, damn it, hell, crap, shit.\n\nIke fed the cat.\n"
    world = tag_world(build_world(text, {"Ike": "he"}, notes={0: "disclaimer"}))
    assert names(world.tags.rating) == ["General Audiences"]


def test_tags_fluff_and_happy_ending():
    text = (
        "Jun laughed and kissed Kai, so happy and warm.\n\n* * *\n\n"
        "Kai hugged Jun, delighted, and they smiled all evening, in love and content."
    )
    world = tag_world(build_world(text, {"Jun": "he", "Kai": "he"}))
    tags = names(world.tags.additional)
    assert "Fluff" in tags and "Happy Ending" in tags and "Angst" not in tags


def test_tags_compare_with_author_tags():
    meta = Metadata(
        rating="Teen And Up Audiences",
        fandoms=["Tidewater Chronicles"],
        relationships=["Mara/Theo"],
        characters=["Mara", "Theo", "Castellan"],
        additional_tags=["Angst", "Fluff"],
        warnings=[NO_WARNINGS],
    )
    tags = harbour(meta).tags
    comparison = tags.comparison
    assert {"Tidewater Chronicles", "Mara/Theo", "Mara", "Theo", "Angst", NO_WARNINGS} <= set(
        comparison["agree"]
    )
    assert {"Castellan", "Fluff", "Teen And Up Audiences"} <= set(comparison["author_only"])
    assert {"General Audiences", "Sad Ending"} <= set(comparison["suggested_only"])
    assert next(s for s in tags.relationships if s.tag == "Mara/Theo").author_tagged is True
    assert next(s for s in tags.additional if s.tag == "Sad Ending").author_tagged is False


def test_tags_a_fanfiction_net_rating_letter_is_its_ao3_rating():
    tags = harbour(Metadata(rating="K")).tags  # FanFiction.Net's K: AO3's General Audiences
    assert "General Audiences" in tags.comparison["agree"]
    assert next(s for s in tags.rating if s.tag == "General Audiences").author_tagged is True


@pytest.mark.shared
def test_tags_seed_chapter(seed_path):
    tags = tag_world(seed_world(seed_path)).tags
    assert names(tags.fandoms) == ["Glee"]
    assert {
        "Blaine Anderson/Kurt Hummel",
        "Finn Hudson/Rachel Berry",
        "Finn Hudson & Kurt Hummel",
        "Kurt Hummel & Rachel Berry",
    } == set(names(tags.relationships))
    assert names(tags.category)[0] == "M/M"
    assert names(tags.characters)[:2] == ["Blaine Anderson", "Kurt Hummel"]
    assert {
        "Break-Up",
        "Long-Distance Relationship",
        "Established Relationship",
        "Canon Divergence",
        "Angst",
        "Reunion",
        "Crying",
    } <= set(names(tags.additional))
    assert names(tags.rating) == ["Teen And Up Audiences"]


@pytest.mark.parametrize(
    "text, cast",
    [
        ("", {}),
        ("A single paragraph with nobody named in it, just weather.", {}),
        ("You climb the stairs. You are tired, and you cry a little when the door will not open.", {}),
        ("Lio smiled.", {"Lio": "he"}),
    ],
)
def test_tags_bad_input_gives_sensible_output(text, cast):
    tags = tag_world(build_world(text, cast)).tags
    assert names(tags.category) == ["Gen"]
    assert names(tags.warnings) == [NO_WARNINGS]
    assert len(tags.rating) == 1
    assert tags.relationships == []


def test_tags_bare_world_and_thousand_scenes():
    assert names(suggest_tags(StoryWorld(text="Plain text.")).tags.rating) == ["General Audiences"]
    text = "Mo smiled at his husband Ned.\n\n* * *\n\n" * 1000
    tags = tag_world(build_world(text, {"Mo": "he", "Ned": "he"})).tags
    assert names(tags.relationships) == ["Mo/Ned"]
    assert names(tags.category) == ["M/M"]


def test_tags_category_reads_unknown_genders_from_pronouns():
    text = (
        "Ana was Bea's girlfriend.\n\nAna brushed her hair and she hummed to herself.\n\n"
        "Bea laced his boots; he was late and he knew it."
    )
    world = tag_world(build_world(text, {"Ana": "unknown", "Bea": "unknown"}))
    assert names(world.tags.relationships) == ["Ana/Bea"]
    assert names(world.tags.category) == ["F/M"]


def test_tags_hurt_comfort_needs_comfort_after_the_low_point():
    text = (
        "Oli fell on the ice and broke his wrist. He was in terrible pain, scared and crying, "
        "miserable and alone.\n\n* * *\n\n"
        "Pip hugged Oli and held him close. Pip stayed to comfort him, and soon Oli smiled, "
        "happy and warm, laughing at last."
    )
    tags = names(tag_world(build_world(text, {"Oli": "he", "Pip": "he"})).tags.additional)
    assert "Hurt/Comfort" in tags
    assert "Hurt/Comfort" not in names(harbour().tags.additional)


def test_tags_sample_chapter_end_to_end(sample_chapter):
    """Through the whole pipeline on the project's own demo chapter."""
    if not sample_chapter.exists():
        pytest.skip("examples/sample-chapter.txt not written yet")
    world = ficlens.analyze(sample_chapter)
    assert names(world.tags.fandoms) == ["Harbour Lights"]
    assert {"Iris/Mara": "romantic", "Iris & Theo": "family"}.items() <= {
        r.label: r.type for r in world.relationships
    }.items()
    assert {"Long-Distance Relationship", "Reunion"} <= set(names(world.tags.additional))


def test_tags_unnamed_characters_are_original_characters_once():
    """"the old man" and "the old woman" are nobody's name: AO3 tags such people "Original Male
    Character(s)" / "Original Female Character(s)", once each."""
    text = ('Tomas came down the jetty.\n\n"You are late," said the old man.\n\n'
            '"The bus broke down," Tomas said.\n\n"Buses always do," said the old man.\n\n'
            '"Ignore him," said the girl.\n\n"I try," Tomas said.\n\n"Get in," said the old man.\n\n'
            '"Sit down," said the woman. "Sit," said the woman.\n')
    world = ficlens.analyze(text)
    assert {"the old man", "Tomas", "the woman"} <= {c.name for c in world.characters}
    tags = names(world.tags.characters)
    assert tags.count("Original Male Character(s)") == 1 and tags.count("Original Female Character(s)") == 1
    assert "the old man" not in tags and "Tomas" in tags
    hatter = ficlens.analyze('"Tea?" said the Hatter.\n\n"Please," said Alice.\n\n'
                             '"No room!" cried the Hatter.\n')
    assert "the Hatter" in names(hatter.tags.characters)  # a name the text writes after "the"
    male = next(s for s in world.tags.characters if s.tag == "Original Male Character(s)")
    assert male.reason.startswith("the old man, never named")


def test_tags_reader_insert_names_the_reader_as_ao3_does():
    text = ('Bucky was in the kitchen when Y/N came down the stairs.\n\n"Morning, doll," Bucky said.\n\n'
            '"You made coffee?" (Y/N) asked, and Bucky grinned.\n\n"For you? Always," Bucky said.\n')
    world = ficlens.analyze(text)
    assert "Reader" in names(world.tags.characters) and "Y/N" not in names(world.tags.characters)
    insert = next(s for s in world.tags.additional if s.tag == "Reader-Insert")
    assert insert.evidence
    assert all(world.text[e.start:e.end].strip("()").lower() == "y/n" for e in insert.evidence)


@pytest.mark.parametrize(("text", "expected"), [
    ("My dad was on the porch when I got home. I waved at him, and my dad frowned.\n\n"
     '"You\'re late," my dad said.\n\n"The bus broke down," I said. I sat down on the step.\n',
     {"First Person"}),
    ("You push the door open. You drop your keys on the table, and you sigh.\n\n"
     '"Long day?" Natasha asks from the couch.\n\n"The longest," you say. You sit beside her.\n',
     {"Second Person", "Reader-Insert"}),
    ('Ada pushed the door open. "Long day?" Natasha asked.\n\n"The longest," Ada said.\n', set()),
])
def test_tags_narrative_person_from_the_narrator(text, expected):
    world = ficlens.analyze(text)
    tags = {s.tag for s in world.tags.additional} & {"First Person", "Second Person", "Reader-Insert"}
    assert tags == expected
    for suggestion in world.tags.additional:
        if suggestion.tag in expected:
            words = {world.text[e.start:e.end].lower() for e in suggestion.evidence}
            assert words and words <= {"i", "me", "my", "you", "your"}

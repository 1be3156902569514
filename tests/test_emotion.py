"""The emotional arc: valence and emotions per scene, per speaker, overall (ficlens.emotion)."""

from __future__ import annotations

import time

import pytest

from ficlens.emotion import EMOTIONS, measure_emotion
from ficlens.model import StoryWorld
from fixtures.story.worlds import build_world, harbour_world, seed_world


def harbour() -> StoryWorld:
    return measure_emotion(harbour_world())


def scene_emotions(text: str) -> dict[str, float]:
    return measure_emotion(build_world(text, {})).scenes[0].emotions


def test_emotion_fixture_arc_goes_fear_joy_grief():
    world = harbour()
    first, second, third = world.emotion.arc
    assert first.valence < 0 < second.valence and third.valence < first.valence
    assert max(first.emotions, key=first.emotions.get) == "fear"
    assert max(second.emotions, key=second.emotions.get) == "joy"
    assert max(third.emotions, key=third.emotions.get) == "sadness"
    assert [p.scene for p in world.emotion.arc] == [s.id for s in world.scenes]
    assert all(s.valence is not None and set(s.emotions) == set(EMOTIONS) for s in world.scenes)


def test_emotion_chapter_totals_and_method():
    world = harbour()
    assert -1 <= world.emotion.valence <= 1
    assert set(world.emotion.emotions) == set(EMOTIONS)
    assert "vaderSentiment" in world.emotion.method


def test_emotion_by_character_uses_each_speakers_dialogue():
    text = (
        '"I love this, it is wonderful and I am so happy," Ana said.\n\n'
        '"I hate it. It is awful and I am furious," Ben said.'
    )
    world = measure_emotion(build_world(text, {"Ana": "she", "Ben": "he"}))
    ana, ben = world.emotion.by_character["c1"], world.emotion.by_character["c2"]
    assert ana["valence"] > 0.3 > -0.3 > ben["valence"]
    assert ana["joy"] > 0 and ben["anger"] > 0 and ben["joy"] == 0
    assert ana["words"] > 5


@pytest.mark.parametrize(
    "negated, plain",
    [
        ("She was not happy.", "She was happy."),
        ("He never smiled.", "He smiled."),
        ("They weren't afraid at all.", "They were afraid at all."),
    ],
)
def test_emotion_negation_cancels_the_emotion(negated, plain):
    assert sum(scene_emotions(negated).values()) == 0
    assert sum(scene_emotions(plain).values()) > 0


def test_emotion_intensifiers_scale():
    very, plain, slightly = (
        scene_emotions(f"She was {m}happy today.")["joy"] for m in ("very ", "", "slightly ")
    )
    assert very > plain > slightly > 0


def test_emotion_dialogue_and_narration_scored_apart():
    """Grim narration around cheerful talk is not drowned by either."""
    text = (
        "The house was cold, dark and miserable, and the rain had ruined everything. "
        "Nobody had eaten, the roof leaked, the dog was sick, and the bills were unpaid. "
        '"What a wonderful day!" she said.'
    )
    world = measure_emotion(build_world(text, {}))
    narration_only = measure_emotion(build_world(text.split('"')[0], {}))
    assert world.scenes[0].valence > narration_only.scenes[0].valence


@pytest.mark.shared
def test_emotion_seed_arc_direction(seed_path):
    """Anxious → joyful reunion → tender → disappointed → bitter break-up."""
    valences = [p.valence for p in measure_emotion(seed_world(seed_path)).emotion.arc]
    anxious, reunion, tender, disappointed, breakup = valences
    assert anxious < 0 < reunion
    assert tender > disappointed > breakup
    assert breakup < 0 and breakup == min(valences)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Just one paragraph, quiet and plain.",
        "You open the door. You are scared, and you are not happy to be here.",
        '"!!!" "..." "?"',
    ],
)
def test_emotion_bad_input_gives_sensible_output(text):
    world = measure_emotion(build_world(text, {}))
    assert world.emotion.method
    for point in world.emotion.arc:
        assert -1 <= point.valence <= 1


def test_emotion_bare_world_without_scenes():
    world = measure_emotion(StoryWorld(text="She laughed and laughed, so happy to be home."))
    assert world.emotion.arc == []
    assert world.emotion.valence > 0 and world.emotion.emotions["joy"] > 0


def test_emotion_thousand_scenes():
    text = "Ivo smiled at the sea.\n\n* * *\n\nIvo wept by the grave.\n\n* * *\n\n" * 500
    world = measure_emotion(build_world(text, {"Ivo": "he"}))
    assert len(world.emotion.arc) == 1000
    assert world.emotion.arc[0].valence > 0 > world.emotion.arc[1].valence


@pytest.mark.slow
@pytest.mark.shared
def test_emotion_speed_on_a_novel(pdnc_dir):
    text = (pdnc_dir / "Emma" / "novel_text.txt").read_text(encoding="utf-8")
    words = len(text.split())
    world = build_world(text, {})
    start = time.perf_counter()
    measure_emotion(world)
    seconds = time.perf_counter() - start
    assert seconds <= 1.5 * words / 100_000 + 0.3, f"{seconds:.2f}s for {words} words"


def test_vader_shortcut_matches_vader():
    """Sentences without a VADER lexicon word skip VADER and still score what it would."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from ficlens.emotion import _vader

    analyzer = SentimentIntensityAnalyzer()
    for sentence in ("She put the kettle on the stove.", "He walked to the station at nine.",
                     "Not bad at all!", "It was GREAT :)", "\"Kind,\" he said.", "No.",
                     "The rain fell on the roof, very very hard."):
        assert _vader(sentence) == analyzer.polarity_scores(sentence)["compound"], sentence

"""Training data for the attribution ranker: our own annotated scenes beside PDNC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.attribution import attribute_quotes
from ficlens.attribution.ranker import Weights
from ficlens.attribution.training import Result, gold_world, predict, report, scene_world, scene_worlds, train
from ficlens.errors import EvalError
from ficlens.eval.gold import GoldDocument, GoldQuote
from ficlens.model import CastMember

SCENE = """Wren was already at the counter when Tobias came in out of the rain.

"You're soaked," she said.

"It's raining."

"Is it? I hadn't noticed." She pushed a towel across to him. "Dry off before you drip on the floor."

Tobias rubbed his hair. "Happy now?"

"Ecstatic," said Wren.
"""
CAST = [{"name": "Wren", "gender": "she"}, {"name": "Tobias", "aliases": ["Toby"], "gender": "he"}]
SPEAKERS = [["You're soaked", "Wren"], ["It's raining", "Tobias"], ["Is it?", "Wren"],
            ["Dry off", "Wren"], ["Happy now", "Tobias"], ["Ecstatic", "Wren"]]


def _scene(folder: Path, speakers: list[list[str]] = SPEAKERS, name: str = "counter") -> Path:
    path = folder / f"{name}.txt"
    path.write_text(SCENE, encoding="utf-8")
    path.with_suffix(".json").write_text(json.dumps({"characters": CAST, "speakers": speakers}),
                                         encoding="utf-8")
    return path


def test_scene_world_gives_every_spoken_quote_its_annotated_speaker(tmp_path: Path) -> None:
    gold = scene_world(_scene(tmp_path))
    ids = {c.name: c.id for c in gold.world.characters}
    quotes = sorted(gold.world.quotes, key=lambda q: q.start)
    assert [gold.speaker[q.id] for q in quotes] == [ids[name] for _, name in SPEAKERS]
    assert gold.name == "counter" and gold.type == {}  # scenes train; they are not scored by type


@pytest.mark.parametrize("speakers", [
    SPEAKERS[:-1],  # one quote not annotated
    [*SPEAKERS[:2], ["Is it not", "Wren"], *SPEAKERS[3:]],  # not how the quote opens
    [*SPEAKERS[:-1], ["Ecstatic", "Mags"]],  # nobody in the cast
])
def test_scene_world_refuses_annotations_that_do_not_fit(tmp_path: Path, speakers: list[list[str]]) -> None:
    with pytest.raises(EvalError, match="counter.txt"):
        scene_world(_scene(tmp_path, speakers))


def test_scene_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="scene folder not found"):
        scene_worlds(tmp_path / "missing")
    _scene(tmp_path, name="b")
    _scene(tmp_path, name="a")
    assert [g.name for g in scene_worlds(tmp_path)] == ["a", "b"]


def test_training_on_scenes_alone_learns_their_speakers(tmp_path: Path) -> None:
    gold = scene_world(_scene(tmp_path))
    weights = train([], scenes=[gold], scene_weight=3)
    assert isinstance(weights, Weights)
    world = attribute_quotes(scene_world(_scene(tmp_path)).world, weights)
    right = sum(q.speaker == gold.speaker[q.id] for q in world.quotes)
    assert right >= 5  # of 6: a ranker fitted on the scene reads the scene


def test_report_gives_accuracy_by_type_and_the_calibration_error() -> None:
    # two quotes at confidence 0.95 (one right), two at 0.55 (both right): each bin is 0.45 off
    result = Result([("explicit", True, 0.95), ("explicit", False, 0.95),
                     ("implicit", True, 0.55), ("implicit", True, 0.55)])
    lines = report(result)
    assert lines[0].startswith("all        0.750")
    assert "explicit   0.500  (n=2)" in lines
    assert lines[-1] == "expected calibration error 0.450"


def test_gold_world_end_to_end_counts_each_name_ficlens_found_for_the_gold_speaker() -> None:
    """End to end, ficlens may find one person twice ("the stranger" and "Ivo Marsh"): training
    targets the most mentioned, and a line given to either is right."""
    text = ('Nell waited at the gate of the farm. A man came up the lane in a long coat.\n\n'
            '"Is this the Marsh farm?" asked the stranger.\n\n"It is," said Nell.\n\n'
            '"Then I am home," said the stranger. "I am Ivo Marsh."\n\n"Ivo!" Nell cried.\n\n'
            '"Yes," said Ivo. "Ivo Marsh, come back at last."\n')
    spoken = [("Is this the Marsh farm?", "Ivo Marsh"), ("It is,", "Nell"), ("Then I am home,", "Ivo Marsh"),
              ("I am Ivo Marsh.", "Ivo Marsh"), ("Ivo!", "Nell"), ("Yes,", "Ivo Marsh"),
              ("Ivo Marsh, come back at last.", "Ivo Marsh")]
    quotes = [GoldQuote(id=f"g{i}", spans=[(text.index(words), text.index(words) + len(words))], text=words,
                        speaker=speaker, type="explicit") for i, (words, speaker) in enumerate(spoken)]
    document = GoldDocument(name="Homecoming", text=text, quotes=quotes,
                            cast=[CastMember(name="Ivo Marsh", aliases=["Ivo", "the stranger"], gender="he"),
                                  CastMember(name="Nell", gender="she")])
    gold = gold_world(document, gold_cast=False)
    ids = {c.name: c.id for c in gold.world.characters}
    assert gold.name == "Homecoming (end to end)" and {"Ivo Marsh", "the stranger", "Nell"} <= set(ids)
    first = min(gold.world.quotes, key=lambda q: q.start).id
    assert gold.speaker[first] == ids["Ivo Marsh"] and gold.also[first] == {ids["the stranger"]}
    outcomes = predict(gold).outcomes
    assert [right for _, right, _ in outcomes] == [True] * len(spoken)
    assert gold.world.quotes[0].speaker == ids["the stranger"]  # "asked the stranger": right all the same

"""Issue 3: every speech quote of the seed chapter gets the right speaker.

``tests/fixtures/seed/speakers.json`` is a hand annotation of the user's example chapter
(``../shared/seed/the-break-up.txt``, read through the ``seed_path`` fixture): one
``{"start", "speaker"}`` per spoken quote, the start offset into ``world.text`` and the
character's main name. It holds no words of the chapter. Quotes the pipeline gets wrong
today are strict xfails with the cause; a fix makes them XPASS and fail: drop the mark.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

import ficlens
from ficlens.model import StoryWorld

ANNOTATION = Path(__file__).resolve().parent / "fixtures" / "seed" / "speakers.json"
SPOKEN = ("speech", "thought")

WRONG_TODAY: dict[int, str] = {}


@cache
def _analyse(path: Path) -> StoryWorld:
    """The seed chapter is analysed once per test session."""
    return ficlens.analyze(path)


@pytest.fixture
def seed_world(seed_path: Path) -> StoryWorld:
    return _analyse(seed_path)


def _annotation() -> list[dict[str, int | str]]:
    return json.loads(ANNOTATION.read_text(encoding="utf-8"))


def _params() -> list[object]:
    params: list[object] = []
    for entry in _annotation():
        start, speaker = int(entry["start"]), str(entry["speaker"])
        reason = WRONG_TODAY.get(start)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(start, speaker, marks=marks, id=f"{start}-{speaker}"))
    return params


def test_seed_attribution_annotation_holds_offsets_and_names_only() -> None:
    entries = _annotation()
    assert entries and all(set(e) == {"start", "speaker"} for e in entries)
    starts = [int(e["start"]) for e in entries]
    assert starts == sorted(set(starts))
    assert set(WRONG_TODAY) <= set(starts)


def test_seed_attribution_every_spoken_quote_is_annotated(seed_world: StoryWorld) -> None:
    spoken = sorted(q.start for q in seed_world.quotes if q.kind in SPOKEN)
    assert spoken == [int(e["start"]) for e in _annotation()]
    for quote in seed_world.quotes:
        assert seed_world.text[quote.start] in "\"\u201c"


@pytest.mark.parametrize(("start", "speaker"), _params())
def test_seed_attribution_speaker(seed_world: StoryWorld, start: int, speaker: str) -> None:
    quote = next(q for q in seed_world.quotes if q.start == start)
    names = {c.id: c.name for c in seed_world.characters}
    assert quote.kind in SPOKEN
    assert names.get(quote.speaker or "") == speaker

"""Voices: an untagged line is weighed by how much it sounds like each character's tagged lines."""

import pytest

from ficlens.attribution import voices
from ficlens.attribution.voices import Lines


def voice_fits(lines: list[str], speakers: list[str | None]) -> list[dict[str, float]]:
    """Each line's fit to every voiced character."""
    fits = Lines(lines).fits(speakers)
    return [fits.of(i, sorted(fits.rows)) for i in range(len(lines))]


# two people who talk differently: a sailor and a schoolteacher (our own lines)
SAILOR = "Aye, the tide's turning, lass, and the nets want mending before the squall."
TEACHER = "Children, kindly open your copybooks and begin the exercise on fractions."


@pytest.fixture
def short_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Voices from a few lines (shipped, a character needs a novel's worth of words)."""
    monkeypatch.setattr(voices, "MIN_WORDS", 50)


def test_a_chapter_of_talk_makes_no_voices():
    lines, speakers = _lines(30)  # some 350 words each: a chapter's talkers
    assert voice_fits([*lines, "Aye, lass."], [*speakers, None]) == [{}] * (len(lines) + 1)


def _lines(count: int) -> tuple[list[str], list[str | None]]:
    lines = [SAILOR, TEACHER] * count
    return lines, ["sailor", "teacher"] * count


@pytest.mark.usefixtures("short_voices")
def test_an_untagged_line_fits_the_voice_it_sounds_like():
    lines, speakers = _lines(5)
    fits = voice_fits([*lines, "Aye, lass, mind the nets.", "Kindly open the copybooks, children."],
                      [*speakers, None, None])
    assert fits[-2]["sailor"] > fits[-2]["teacher"]
    assert fits[-1]["teacher"] > fits[-1]["sailor"]


@pytest.mark.usefixtures("short_voices")
def test_a_tagged_line_is_not_weighed_against_its_own_words():
    lines, speakers = _lines(5)
    odd = "Quixotic zeppelins wobble over marmalade."  # words no one else says
    fits = voice_fits([*lines, odd], [*speakers, "sailor"])
    # left out of the sailor's voice, the line's words are as foreign to him as to the teacher
    assert abs(fits[-1]["sailor"] - fits[-1]["teacher"]) < 0.1
    # an untagged copy of it does sound like the sailor, who said it once
    with_itself = voice_fits([*lines, odd, odd], [*speakers, "sailor", None])
    assert with_itself[-1]["sailor"] > with_itself[-1]["teacher"] + 0.4


@pytest.mark.usefixtures("short_voices")
def test_no_voices_without_two_characters_with_enough_tagged_words():
    lines, speakers = _lines(5)
    assert voice_fits(lines, ["sailor" if s == "sailor" else None for s in speakers]) == [{}] * len(lines)
    few = voice_fits([SAILOR, TEACHER, "Aye."], ["sailor", "teacher", None])
    assert len(SAILOR.split()) < voices.MIN_WORDS and few == [{}, {}, {}]


@pytest.mark.usefixtures("short_voices")
def test_a_line_without_words_fits_no_one():
    lines, speakers = _lines(5)
    assert voice_fits([*lines, "...!"], [*speakers, None])[-1] == {}
    assert voice_fits([], []) == []


@pytest.mark.usefixtures("short_voices")
def test_lines_are_weighed_the_same_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch):
    """A long text's lines are summed a block at a time (memory stays bounded); the fits do not move."""
    lines, speakers = _lines(6)
    lines, speakers = ["", *lines, "...", "Aye, kindly."], [None, *speakers, None, None]
    whole = voice_fits(lines, speakers)
    monkeypatch.setattr(voices, "_GATHERED", 3)  # a handful of words per block
    assert _close(voice_fits(lines, speakers), whole)


def _close(a: list[dict[str, float]], b: list[dict[str, float]]) -> bool:
    return [set(x) for x in a] == [set(y) for y in b] and all(
        abs(x[c] - y[c]) < 1e-9 for x, y in zip(a, b, strict=True) for c in x)

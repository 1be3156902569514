"""The Python API: ``ficlens.analyze(path_or_text, cast=None) -> StoryWorld``."""

from __future__ import annotations

from pathlib import Path

import pytest

import ficlens
from ficlens.errors import CastError, InputError

TEXT = 'Nell opened the door.\n\n"You are late," said Nell.\n\n"I know," Arlo said. "The bus broke down."\n'


def test_api_analyze_accepts_text():
    world = ficlens.analyze(TEXT)
    assert world.text == TEXT
    assert world.source.path is None
    assert world.text_length == len(TEXT)


def test_api_analyze_accepts_one_long_line_of_text():
    """A pasted paragraph with no line break, too long for a file name, is text, not a path."""
    line = " ".join(['"Run," said Nell, and Arlo ran.'] * 20)
    world = ficlens.analyze(line)
    assert world.text == line
    assert world.source.path is None


def test_api_analyze_accepts_path(tmp_path: Path):
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    world = ficlens.analyze(path)
    assert world.source.path == str(path)
    assert world.text == TEXT
    assert ficlens.analyze(str(path)).text == TEXT


def test_api_missing_path_with_suffix_is_an_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        ficlens.analyze(str(tmp_path / "missing.txt"))


def test_api_cast_fixes_the_characters():
    world = ficlens.analyze(TEXT, cast=[{"name": "Nell", "gender": "she"}, {"name": "Arlo", "gender": "he"}])
    assert [c.name for c in world.characters] == ["Nell", "Arlo"] or \
        sorted(c.name for c in world.characters) == ["Arlo", "Nell"]
    assert all(c.from_cast for c in world.characters)


@pytest.mark.parametrize("cast, message", [
    ([{"name": "A", "aliases": ["X"]}, {"name": "B", "aliases": ["X"]}], "given to both"),
    ([{"name": "A", "age": 3}], "age"),
    ([{"name": "A", "gender": "robot"}], "unknown gender"),
    ({"name": "A"}, "JSON list"),
    ([{"aliases": ["Q"]}], "name"),
])
def test_api_bad_cast_is_a_clear_error(cast, message):
    with pytest.raises(CastError, match=message):
        ficlens.analyze(TEXT, cast=cast)

"""The story-world JSON matches its documented, committed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import ficlens
from ficlens.model import SCHEMA_VERSION, StoryWorld
from ficlens.schema import schema_dict, validate

DOC_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "story-world.schema.json"


def test_schema_committed_file_matches_model():
    committed = json.loads(DOC_SCHEMA.read_text(encoding="utf-8"))
    assert committed == schema_dict(), "run: ficlens schema > docs/story-world.schema.json"


def test_schema_analysis_output_validates(sample_chapter):
    world = ficlens.analyze(sample_chapter)
    data = json.loads(world.to_json())
    validate(data)
    assert data["schema"] == SCHEMA_VERSION
    assert data["text_length"] == len(world.text)


def test_schema_round_trip_keeps_everything(sample_chapter):
    world = ficlens.analyze(sample_chapter)
    again = StoryWorld.from_dict(world.to_dict(include_text=True))
    assert again.to_dict(include_text=True) == world.to_dict(include_text=True)


@pytest.mark.parametrize("field", ["schema", "source", "quotes", "scenes", "tags"])
def test_schema_rejects_missing_required_field(sample_chapter, field):
    data = json.loads(ficlens.analyze(sample_chapter).to_json())
    del data[field]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_schema_every_span_lies_inside_the_text(sample_chapter):
    world = ficlens.analyze(sample_chapter)
    n = len(world.text)
    spans = [*world.notes, *world.chapters, *world.scenes, *world.quotes, *world.paragraphs]
    for item in spans:
        assert 0 <= item.start <= item.end <= n, item
    for quote in world.quotes:
        assert world.text[quote.start:quote.end].strip("\"'“”‘’").strip() != "" or quote.text == ""

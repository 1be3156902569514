"""The JSON Schema of ``ficlens/story-world@1`` and validation against it.

The schema is generated from :mod:`ficlens.model` and committed as
``docs/story-world.schema.json``; a test fails when the two drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from .model import SCHEMA_VERSION, StoryWorld


def schema_dict() -> dict[str, Any]:
    schema = StoryWorld.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_VERSION
    schema["title"] = "ficlens story-world"
    schema["required"] = ["schema", "source", "text_length", "metadata", "notes", "chapters",
                          "scenes", "characters", "quotes", "relationships", "emotion", "tags"]
    return schema


def schema_json() -> str:
    return json.dumps(schema_dict(), indent=2, sort_keys=True)


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` is not a valid story-world."""
    import jsonschema

    jsonschema.validate(data, schema_dict())

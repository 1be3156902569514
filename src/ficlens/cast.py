"""Read a user's ``--cast``: the characters a reader or researcher already knows.

Accepts a list of ``{name, aliases, gender}`` (dicts or ``CastMember``) or the
path of a JSON file holding one. Unknown fields, a missing name, an alias given
to two characters, or an unknown gender raise ``CastError`` with one sentence.
"""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import CastError
from .model import CastMember

_GENDER_WORDS = {"m": "he", "male": "he", "man": "he", "he": "he", "f": "she", "female": "she",
                 "woman": "she", "she": "she", "they": "they", "nonbinary": "they", "x": "they",
                 "unknown": "unknown", "u": "unknown", "": "unknown"}


def load_cast(cast: Any) -> list[CastMember]:
    """Validate and normalise a cast; see the module docstring for what is rejected."""
    if isinstance(cast, (str, PathLike)):
        path = Path(cast)
        try:
            cast = json.loads(path.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise CastError(f"cast file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as e:
            raise CastError(f"cannot read cast file {path}: {e}") from None
        except json.JSONDecodeError as e:
            raise CastError(f"cast file {path} is not valid JSON (line {e.lineno}): {e.msg}") from None
    if isinstance(cast, dict) and isinstance(cast.get("characters"), list):
        cast = cast["characters"]
    if not isinstance(cast, list):
        raise CastError("the cast must be a JSON list of {name, aliases, gender} objects")
    members: list[CastMember] = []
    owner: dict[str, str] = {}
    for i, item in enumerate(cast):
        if isinstance(item, CastMember):
            member = item
        else:
            if not isinstance(item, dict):
                raise CastError(f"cast entry {i + 1} is not an object with a name")
            item = dict(item)
            gender = str(item.get("gender", "unknown") or "unknown").strip().lower()
            if gender not in _GENDER_WORDS:
                raise CastError(f"cast entry {i + 1} has unknown gender {item.get('gender')!r}; "
                                "use he, she, they or unknown")
            item["gender"] = _GENDER_WORDS[gender]
            try:
                member = CastMember.model_validate(item)
            except ValidationError as e:
                err = e.errors()[0]
                where = ".".join(str(x) for x in err["loc"])
                raise CastError(f"cast entry {i + 1}: {where}: {err['msg']}") from None
        name = member.name.strip()
        if not name:
            raise CastError(f"cast entry {i + 1} has an empty name")
        aliases = []
        for alias in [name, *member.aliases]:
            alias = " ".join(alias.split())
            key = alias.lower()
            if not alias or alias in aliases:
                continue
            if key in owner and owner[key] != name:
                raise CastError(f"alias {alias!r} is given to both {owner[key]!r} and {name!r}")
            owner[key] = name
            aliases.append(alias)
        members.append(CastMember(name=name, aliases=aliases, gender=member.gender))
    return members

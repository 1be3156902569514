"""The story-world: the one data model every stage reads and extends.

A ``StoryWorld`` starts as text plus what the reader found around it (metadata,
notes, chapters); each stage of :mod:`ficlens.pipeline` fills in more of it.
Every ``start``/``end`` is a character offset into ``StoryWorld.text``, the text
as read (decoded, BOM removed, newlines normalised to ``\\n``; for HTML and EPUB
the extracted plain text), so any claim can be checked against the source.

The JSON form (``StoryWorld.to_json``) is schema ``ficlens/story-world@1``;
``ficlens schema`` prints its JSON Schema, which is also committed under
``docs/story-world.schema.json``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "ficlens/story-world@1"

Gender = Literal["he", "she", "they", "unknown"]
NoteKind = Literal[
    "disclaimer",
    "title_credit",
    "authors_note",
    "summary",
    "chapter_title",
    "chapter_summary",
    "sign_off",
    "work_notes",
    "end_notes",
    "front_matter",
]
QuoteKind = Literal["speech", "thought", "written", "mention"]
QuoteType = Literal["explicit", "anaphoric", "implicit"]
BreakKind = Literal["start", "chapter", "marker", "inferred"]
PovKind = Literal["first", "third_limited", "omniscient", "second", "unclear"]
RelationType = Literal["romantic", "family", "friendship", "professional", "antagonistic"]


class Record(BaseModel):
    """Base for every part of the story-world: no unknown fields, cheap to build."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    """A stretch of the text; ``note`` says what it shows when used as evidence."""

    start: int
    end: int
    note: str | None = None


class Source(Record):
    path: str | None = None
    format: str = "text"
    encoding: str | None = None
    encoding_fallback: bool = False


class TitleSource(Record):
    """Where the work's title comes from ("The title is taken from SONG by ARTIST")."""

    work: str | None = None
    artist: str | None = None
    start: int | None = None
    end: int | None = None


class Metadata(Record):
    title: str | None = None
    author: str | None = None
    fandoms: list[str] = Field(default_factory=list)
    rating: str | None = None
    warnings: list[str] = Field(default_factory=list)
    category: list[str] = Field(default_factory=list)
    relationships: list[str] = Field(default_factory=list)
    characters: list[str] = Field(default_factory=list)
    additional_tags: list[str] = Field(default_factory=list)
    language: str | None = None
    series: list[str] = Field(default_factory=list)
    stats: dict[str, str] = Field(default_factory=dict)
    summary: str | None = None
    chapter_title: str | None = None
    title_source: TitleSource | None = None


class Note(Record):
    """Text around the story: disclaimers, author's notes, summaries, title lines."""

    kind: NoteKind
    start: int
    end: int
    text: str
    position: Literal["before", "after", "inside"] = "before"
    chapter: int | None = None


class Chapter(Record):
    index: int
    title: str | None = None
    start: int
    end: int
    summary: str | None = None


class Paragraph(Record):
    start: int
    end: int


class Scene(Record):
    id: str
    start: int
    end: int
    chapter: int = 0
    # How the scene's opening break was found; ``marker`` is the break's own text.
    break_: BreakKind = Field("start", alias="break")
    marker: str | None = None
    confidence: float = 1.0
    break_evidence: list[Span] = Field(default_factory=list)
    pov: str | None = None
    pov_name: str | None = None  # the name as stated in a heading ("Kurt's POV") or resolved
    pov_kind: PovKind = "unclear"
    pov_stated: bool = False
    pov_confidence: float = 0.0
    pov_evidence: list[Span] = Field(default_factory=list)
    pov_slips: list[Span] = Field(default_factory=list)
    characters: list[str] = Field(default_factory=list)
    setting: list[Span] = Field(default_factory=list)
    time_cues: list[Span] = Field(default_factory=list)
    valence: float | None = None
    emotions: dict[str, float] = Field(default_factory=dict)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Character(Record):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    gender: Gender = "unknown"
    mentions: int = 0
    mention_spans: list[Span] = Field(default_factory=list)
    from_cast: bool = False
    narrator: bool = False


class Quote(Record):
    """One contiguous quotation, between its opening and closing marks inclusive."""

    id: str
    start: int
    end: int
    text: str
    kind: QuoteKind = "speech"
    speaker: str | None = None
    addressees: list[str] = Field(default_factory=list)
    type: QuoteType | None = None
    confidence: float = 0.0
    paragraph: int | None = None
    continues: str | None = None  # id of the quote this one continues ("No," he said, "not yet.")
    evidence: list[Span] = Field(default_factory=list)


class Relationship(Record):
    source: str
    target: str
    type: RelationType
    label: str
    confidence: float
    evidence: list[Span] = Field(default_factory=list)


class Interaction(Record):
    """How two characters meet in the text: turns spoken to each other, shared scenes."""

    source: str
    target: str
    turns: int = 0
    turns_source_to_target: int = 0
    turns_target_to_source: int = 0
    co_scenes: int = 0
    pov_mentions: int = 0
    weight: float = 0.0


class EmotionPoint(Record):
    scene: str
    valence: float
    emotions: dict[str, float] = Field(default_factory=dict)


class Emotion(Record):
    valence: float | None = None
    emotions: dict[str, float] = Field(default_factory=dict)
    arc: list[EmotionPoint] = Field(default_factory=list)
    by_character: dict[str, dict[str, float]] = Field(default_factory=dict)
    method: str | None = None


class TagSuggestion(Record):
    tag: str
    score: float
    evidence: list[Span] = Field(default_factory=list)
    reason: str | None = None
    author_tagged: bool | None = None


class Tags(Record):
    fandoms: list[TagSuggestion] = Field(default_factory=list)
    relationships: list[TagSuggestion] = Field(default_factory=list)
    characters: list[TagSuggestion] = Field(default_factory=list)
    category: list[TagSuggestion] = Field(default_factory=list)
    rating: list[TagSuggestion] = Field(default_factory=list)
    warnings: list[TagSuggestion] = Field(default_factory=list)
    additional: list[TagSuggestion] = Field(default_factory=list)
    comparison: dict[str, list[str]] = Field(default_factory=dict)


class CastMember(Record):
    """A character a user supplies with ``--cast``."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    gender: Gender = "unknown"


class StoryWorld(Record):
    """Everything ficlens knows about one work; see the module docstring."""

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    source: Source = Field(default_factory=Source)
    text_length: int = 0
    metadata: Metadata = Field(default_factory=Metadata)
    notes: list[Note] = Field(default_factory=list)
    chapters: list[Chapter] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    scenes: list[Scene] = Field(default_factory=list)
    characters: list[Character] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    emotion: Emotion = Field(default_factory=Emotion)
    tags: Tags = Field(default_factory=Tags)
    stats: dict[str, float] = Field(default_factory=dict)
    text: str = ""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    # The user's ``--cast``, read by the characters stage; never serialised.
    _cast: list[CastMember] | None = PrivateAttr(default=None)
    # Where the markup set the text in italics (``<em>``, ``<i>``: (start, end) into ``text``),
    # read by the quotes stage for thoughts; never serialised (the thoughts it finds are quotes).
    _italics: list[tuple[int, int]] = PrivateAttr(default_factory=list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The JSON-ready form; the text itself only when asked (it can be large)."""
        exclude = None if include_text else {"text"}
        return self.model_dump(by_alias=True, exclude=exclude, mode="json")

    def to_json(self, include_text: bool = False, indent: int | None = 1) -> str:
        exclude = None if include_text else {"text"}
        return self.model_dump_json(by_alias=True, exclude=exclude, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryWorld:
        return cls.model_validate(data)

    def character(self, character_id: str | None) -> Character | None:
        """The character with this id, or None."""
        for c in self.characters:
            if c.id == character_id:
                return c
        return None

    def story_spans(self) -> list[tuple[int, int]]:
        """The story proper, chapter by chapter (wrapping notes excluded)."""
        return [(c.start, c.end) for c in self.chapters]

"""Stage: AO3-style tag suggestions, compared with the author's own tags.

``suggest_tags`` reads ``notes`` (disclaimer, author's notes, summary),
``metadata`` (AO3 author tags when the input had them), ``characters``,
``relationships``, ``scenes`` and ``emotion`` and fills ``world.tags``: fandoms,
relationships, characters, category, a rating estimate, archive-warning
candidates and additional (freeform) tags, each a ``TagSuggestion`` with a
score, evidence spans and a reason. When the input carried AO3 author tags,
each suggestion says whether the author used it too (``author_tagged``) and
``tags.comparison`` lists what both, only ficlens, or only the author tagged.

Every rule is a small, explainable heuristic over ficlens's own word lists and
cue phrases (``data/tag_cues.json``): suggestions for a human tagger, not truth.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .characters import READER
from .model import Metadata, Relationship, Span, StoryWorld, Tags, TagSuggestion
from .storytext import character_genders, load_data, name_mentions, story_ranges

RATINGS = ("General Audiences", "Teen And Up Audiences", "Mature", "Explicit")
NO_WARNINGS = "No Archive Warnings Apply"
_MAX_EVIDENCE = 8
_MAX_CHARACTERS = 12
_MIN_PRESENCE = 0.12
_MIN_RELATIONSHIP = 0.35
_RELATIONSHIP_WEIGHT = {
    "romantic": 1.0,
    "family": 0.85,
    "friendship": 0.85,
    "professional": 0.5,
    "antagonistic": 0.5,
}
_CUE_DENSITY_WORDS = 5000
_CATEGORIES = {frozenset({"he"}): "M/M", frozenset({"she"}): "F/F", frozenset({"he", "she"}): "F/M"}
_NOTE_KINDS = ("authors_note", "summary", "work_notes", "end_notes", "chapter_summary", "front_matter")
_PARTNER_TERMS = re.compile(
    r"\b(boyfriend|girlfriend|husband|wife|fianc[ée]e?|spouse|partner)\b", re.IGNORECASE
)
_FANDOM_NAME = r"([A-Z0-9][\w'&:!.-]*(?:\s+(?:[A-Z0-9][\w'&:!.-]*|of|the|and|in))*)"
_FANDOM_PATTERNS = (
    re.compile(
        rf"\bown\w*\s+(?:nothing|anything)\b[^.!?\n]*?,\s*(?:(?:it\s+)?(?:all\s+)?(?:belongs\s+to\s+)?)?"
        rf"{_FANDOM_NAME}\s+(?:does|do)\b"
    ),
    re.compile(rf"\b(?:do\s+not|don't|dont|doesn't|never)\s+own\s+(?:the\s+)?{_FANDOM_NAME}"),
    re.compile(rf"{_FANDOM_NAME}\s+(?:belongs|belong|is\s+owned\s+by|is\s+the\s+property\s+of)\b"),
)
_DISCLAIMER_LABEL = re.compile(r"\s*disclaimer\s*[:.\-–—]*\s*", re.IGNORECASE)
_NOT_FANDOM = frozenset(
    "i anything nothing obviously disclaimer all it the characters these characters "
    "this everything any of them they sadly unfortunately".split(" ")
)


@dataclass(frozen=True)
class _Hits:
    """Matches of one cue list in the story: how many, and where."""

    spans: list[tuple[int, int]]

    @property
    def count(self) -> int:
        return len(self.spans)

    def evidence(self, note: str) -> list[Span]:
        return [Span(start=s, end=e, note=note) for s, e in self.spans[:_MAX_EVIDENCE]]


def suggest_tags(world: StoryWorld) -> StoryWorld:
    """Fill ``world.tags`` (see the module docstring)."""
    story = _StoryScan(world)
    names = _full_names(world)
    rating = _rating(story)
    tags = Tags(
        fandoms=_fandoms(world),
        relationships=_relationship_tags(world, names),
        characters=_character_tags(world, story, names),
        category=_category(world, character_genders(world, story.mentions)),
        rating=[rating],
        warnings=_warnings(world, story),
        additional=_additional(world, story, rating.tag),
    )
    author = _author_tags(world.metadata)
    if author:
        tags.comparison = _compare(tags, author)
    world.tags = tags
    return world


class _StoryScan:
    """Finds cue lists in the story proper (notes excluded), fast on long texts.

    The story's words are indexed once (lower-cased word → offsets); a pattern is
    then only tried where a word starts with its literal prefix ("kiss" for
    "kiss(?:ed|es)?"), so twenty lists cost about one pass over the text.
    """

    def __init__(self, world: StoryWorld) -> None:
        self.text = world.text
        self.ranges = story_ranges(world)
        self.mentions = name_mentions(world)
        self._at: dict[str, list[int]] = defaultdict(list)
        for start, end in self.ranges:
            for match in _WORD.finditer(self.text, start, end):
                self._at[match.group(0).lower()].append(match.start())
        self.words = sum(len(offsets) for offsets in self._at.values())
        self._vocabulary = sorted(self._at)
        self._cache: dict[tuple[str, ...], _Hits] = {}

    def hits(self, patterns: Iterable[str]) -> _Hits:
        key = tuple(patterns)
        if key not in self._cache:
            found = sorted(
                {span for pattern in key for span in self._find(pattern)}, key=lambda s: (s[0], -s[1])
            )
            spans: list[tuple[int, int]] = []
            for span in found:  # "breaking up with" and "breaking up" are one cue
                if not spans or span[0] >= spans[-1][1]:
                    spans.append(span)
            self._cache[key] = _Hits(spans)
        return self._cache[key]

    def _find(self, pattern: str) -> Iterable[tuple[int, int]]:
        regex = _compile((pattern,))
        prefix = _LITERAL_PREFIX.match(pattern)
        if not prefix:
            return (m.span() for s, e in self.ranges for m in regex.finditer(self.text, s, e))
        first = prefix.group(0).lower()
        lo = bisect.bisect_left(self._vocabulary, first)
        hi = bisect.bisect_left(self._vocabulary, first + "\uffff")
        offsets = (o for word in self._vocabulary[lo:hi] for o in self._at[word])
        return (m.span() for o in offsets if (m := regex.match(self.text, o)))


_WORD = re.compile(r"[A-Za-z0-9]+")
_LITERAL_PREFIX = re.compile(r"[A-Za-z0-9]+(?![?*{])")


@cache
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


def _suggestion(tag: str, score: float, reason: str, evidence: list[Span] | None = None) -> TagSuggestion:
    return TagSuggestion(
        tag=tag,
        score=round(min(max(score, 0.0), 1.0), 3),
        reason=reason,
        evidence=(evidence or [])[:_MAX_EVIDENCE],
    )


def _fandoms(world: StoryWorld) -> list[TagSuggestion]:
    found: dict[str, TagSuggestion] = {}
    for fandom in world.metadata.fandoms:
        found.setdefault(fandom.casefold(), _suggestion(fandom, 0.95, "listed in the work's metadata"))
    for start, note_text in _disclaimers(world):
        for pattern in _FANDOM_PATTERNS:
            for match in pattern.finditer(note_text):
                name = re.sub(r"\s+(?:of|the|and|in)$", "", match.group(1).strip(" .!"))
                if name.casefold() in _NOT_FANDOM or len(name) < 2:
                    continue
                span = Span(
                    start=start + match.start(1), end=start + match.start(1) + len(name), note="disclaimer"
                )
                suggestion = found.setdefault(
                    name.casefold(), _suggestion(name, 0.9, "named in the disclaimer")
                )
                suggestion.evidence.append(span)
    return list(found.values())


def _disclaimers(world: StoryWorld) -> list[tuple[int, str]]:
    """(offset, text) of each disclaimer note; without notes, 'Disclaimer:' lines near the top."""
    notes = [(n.start, n.end) for n in world.notes if n.kind == "disclaimer"]
    if not notes:
        notes = [m.span() for m in re.finditer(r"(?im)^[^\S\n]*disclaimer\b.*$", world.text[:3000])]
    found = []
    for start, end in notes:
        label = _DISCLAIMER_LABEL.match(world.text, start, end)
        start = label.end() if label else start
        found.append((start, world.text[start:end]))
    return found


def _full_names(world: StoryWorld) -> dict[str, str]:
    """Character id → the fullest name known: a multi-word alias or an author character tag."""
    tagged = [
        *world.metadata.characters,
        *(part.strip() for rel in world.metadata.relationships for part in re.split(r"/|&", rel)),
    ]
    names = {}
    for character in world.characters:
        fuller = [a for a in character.aliases if character.name in a.split() and len(a.split()) > 1]
        fuller += [t for t in tagged if character.name in re.sub(r"\(.*?\)", "", t).split()]
        names[character.id] = max(fuller, key=len) if fuller else character.name
        if character.name == READER:  # the reader of a reader-insert story, as AO3 tags them
            names[character.id] = "Reader"
    return names


def _relationship_tag(rel: Relationship, names: dict[str, str]) -> str:
    separator = "/" if rel.type == "romantic" else " & "
    return separator.join(
        sorted((names.get(rel.source, rel.source), names.get(rel.target, rel.target)), key=str.casefold)
    )


def _relationship_score(rel: Relationship) -> float:
    return rel.confidence * _RELATIONSHIP_WEIGHT[rel.type]


def _relationship_tags(world: StoryWorld, names: dict[str, str]) -> list[TagSuggestion]:
    suggestions = []
    for rel in world.relationships:
        score = _relationship_score(rel)
        if score >= _MIN_RELATIONSHIP:
            reason = f"{rel.type} relationship ({len(rel.evidence)} cue{'s' * (len(rel.evidence) != 1)})"
            suggestions.append(_suggestion(_relationship_tag(rel, names), score, reason, rel.evidence))
    return sorted(suggestions, key=lambda s: -s.score)


# AO3's tags for people who are no canon character, by gender
_ORIGINAL_CHARACTERS = {"he": "Original Male Character(s)", "she": "Original Female Character(s)"}


def _character_tags(world: StoryWorld, story: _StoryScan, names: dict[str, str]) -> list[TagSuggestion]:
    """Main characters by presence (how often named, how much they speak, in how many
    scenes), and everyone in a suggested relationship tag, as AO3 taggers do."""
    named: dict[str, int] = {}
    first_mention: dict[str, int] = {}
    for mention in story.mentions:
        named[mention.character] = named.get(mention.character, 0) + 1
        first_mention.setdefault(mention.character, mention.start)
    spoken: dict[str, int] = {}
    for quote in world.quotes:
        if quote.speaker:
            spoken[quote.speaker] = spoken.get(quote.speaker, 0) + 1
    scenes: dict[str, int] = {}
    for scene in world.scenes:
        for cid in set(scene.characters):
            scenes[cid] = scenes.get(cid, 0) + 1
    mentions = {c.id: max(c.mentions, len(c.mention_spans), named.get(c.id, 0)) for c in world.characters}
    top_mentions = max(mentions.values(), default=0) or 1
    top_spoken = max(spoken.values(), default=0) or 1
    paired = {
        cid
        for rel in world.relationships
        if _relationship_score(rel) >= _MIN_RELATIONSHIP
        for cid in (rel.source, rel.target)
    }

    suggestions = []
    for character in world.characters:
        cid = character.id
        score = (
            0.55 * mentions[cid] / top_mentions
            + 0.3 * spoken.get(cid, 0) / top_spoken
            + 0.15 * scenes.get(cid, 0) / max(len(world.scenes), 1)
        )
        if cid in paired:
            score = max(score, _MIN_PRESENCE)
        elif score < _MIN_PRESENCE or mentions[cid] < 2:
            continue
        start = first_mention.get(cid)
        evidence = (
            [Span(start=start, end=start + len(character.name), note="first named here")]
            if start is not None and world.text[start : start + len(character.name)] == character.name
            else []
        )
        reason = f"named {mentions[cid]} times, speaks {spoken.get(cid, 0)} times" + (
            ", in a relationship tag" if cid in paired else ""
        )
        if character.name.startswith("the ") and character.name.islower():  # "the old man", never
            # named (not "the Hatter"): AO3 tags such people so
            reason = f"{character.name}, never named: {reason}"
            tag = _ORIGINAL_CHARACTERS.get(character.gender, "Original Characters")
        else:
            tag = names[cid]
        suggestions.append(_suggestion(tag, score, reason, evidence))
    best: dict[str, TagSuggestion] = {}
    for suggestion in sorted(suggestions, key=lambda s: -s.score):
        best.setdefault(suggestion.tag, suggestion)  # one "Original Male Character(s)" for all of them
    return list(best.values())[:_MAX_CHARACTERS]


def _category(world: StoryWorld, gender: dict[str, str]) -> list[TagSuggestion]:
    """F/F, F/M, M/M, Other from romantic pairs' genders; Multi for a poly tie; else Gen."""
    pairs: dict[str, list[Relationship]] = defaultdict(list)
    partners: dict[str, set[str]] = defaultdict(set)
    for rel in world.relationships:
        if rel.type != "romantic":
            continue
        partners[rel.source].add(rel.target)
        partners[rel.target].add(rel.source)
        genders = {gender.get(rel.source, "unknown"), gender.get(rel.target, "unknown")}
        category = _CATEGORIES.get(frozenset(genders), "Other" if "they" in genders else None)
        if category:
            pairs[category].append(rel)
    found = [
        _suggestion(
            category,
            max(r.confidence for r in rels),
            "romantic pairs: " + ", ".join(r.label for r in rels),
            [e for r in rels for e in r.evidence[:2]],
        )
        for category, rels in pairs.items()
    ]
    if any(len(others) > 1 for others in partners.values()):
        found.append(_suggestion("Multi", 0.5, "a character has more than one romantic partner"))
    if not found:
        found.append(_suggestion("Gen", 0.6, "no romantic relationship found"))
    return sorted(found, key=lambda s: -s.score)


def _rating(story: _StoryScan) -> TagSuggestion:
    """The lowest rating that fits: counts for a chapter, rates per 10,000 words for a novel."""
    lists = load_data("tag_cues.json")["rating"]
    hits = {name: story.hits(patterns) for name, patterns in lists.items()}
    count = {name: h.count for name, h in hits.items()}
    rate = {name: n * 10000 / max(story.words, 1) for name, n in count.items()}
    if count["explicit"] >= 3 and rate["explicit"] >= 3:
        level, basis = 3, ["explicit"]
    elif (
        (count["graphic_violence"] >= 2 and rate["graphic_violence"] >= 1)
        or rate["explicit"] >= 1
        or (count["suggestive"] >= 5 and rate["suggestive"] >= 15)
        or (count["strong_profanity"] >= 5 and rate["strong_profanity"] >= 20)
    ):
        level, basis = 2, ["explicit", "graphic_violence", "suggestive", "strong_profanity"]
    elif (
        rate["strong_profanity"] >= 1
        or rate["suggestive"] >= 1
        or (count["mild_profanity"] >= 3 and rate["mild_profanity"] >= 3)
        or (count["violence"] >= 3 and rate["violence"] >= 3)
    ):
        level, basis = 1, ["strong_profanity", "suggestive", "mild_profanity", "violence"]
    else:
        level, basis = 0, []
    reason = (
        ", ".join(f"{name.replace('_', ' ')}: {n}" for name, n in count.items() if n) or "no flagged words"
    )
    evidence = [span for name in basis for span in hits[name].evidence(name.replace("_", " "))]
    score = 0.5 + 0.1 * min(sum(count[name] for name in basis), 4) if basis else 0.6
    return _suggestion(RATINGS[level], score, f"estimate from word lists ({reason})", evidence)


def _warnings(world: StoryWorld, story: _StoryScan) -> list[TagSuggestion]:
    cues = load_data("tag_cues.json")
    suggestions = []
    graphic = story.hits(cues["rating"]["graphic_violence"])
    if graphic.count >= 2:
        suggestions.append(
            _suggestion(
                "Graphic Depictions Of Violence",
                0.4 + 0.1 * min(graphic.count, 5),
                f"{graphic.count} graphic violence cues",
                graphic.evidence("graphic violence"),
            )
        )
    core = story.hits(cues["death_core"])
    death = story.hits(cues["death"])
    mentions = [m.start for m in story.mentions]
    named_deaths = [s for s in core.spans if _near(mentions, s[0], 120)]
    if named_deaths and death.count >= 3:
        suggestions.append(
            _suggestion(
                "Major Character Death",
                0.3 + 0.1 * min(len(named_deaths), 5),
                f"{len(named_deaths)} deaths near a character's name, {death.count} death cues",
                _Hits(named_deaths).evidence("death near a name"),
            )
        )
    if not suggestions:
        suggestions.append(_suggestion(NO_WARNINGS, 0.6, "no graphic violence or character death cues"))
    return suggestions


def _near(sorted_offsets: list[int], offset: int, distance: int) -> bool:
    i = bisect.bisect_left(sorted_offsets, offset - distance)
    return i < len(sorted_offsets) and sorted_offsets[i] <= offset + distance


def _additional(world: StoryWorld, story: _StoryScan, rating: str) -> list[TagSuggestion]:
    rules = load_data("tag_cues.json")["additional"]
    romantic = [r for r in world.relationships if r.type == "romantic"]
    suggestions = []
    for tag, rule in rules.items():
        if "text" in rule:
            suggestion = _text_tag(tag, rule, story, bool(romantic))
        elif "notes" in rule:
            suggestion = _note_tag(tag, rule["notes"], world)
        else:
            suggestion = None
        if suggestion:
            suggestions.append(suggestion)
    if rating == "Explicit":
        suggestions.append(_suggestion("Smut", 0.6, "explicit sexual content"))
    suggestions.extend(_relationship_freeforms(world, story, {s.tag for s in suggestions}))
    present = {s.tag for s in suggestions}
    suggestions.extend(s for s in _narration(world) if s.tag not in present)
    suggestions.extend(_emotion_tags(world, story))
    if any(s.tag == "Canon Divergence" for s in suggestions):
        suggestions = [s for s in suggestions if s.tag != "Alternate Universe"]
    return sorted(suggestions, key=lambda s: -s.score)


_SECOND_PERSON_WORDS = {"you", "your", "yours", "yourself"}


def _narration(world: StoryWorld) -> list[TagSuggestion]:
    """AO3's "First Person", or "Second Person" and "Reader-Insert", from the narrator the
    characters stage found: the story told by "I", or to "you"."""
    narrator = next((c for c in world.characters if c.narrator), None)
    if narrator is None:
        return []
    said = [s for s in narrator.mention_spans if world.text[s.start:s.end].lower() in _SECOND_PERSON_WORDS]
    if len(said) * 2 > len(narrator.mention_spans):
        evidence = [Span(start=s.start, end=s.end, note="told to you") for s in said[:3]]
        return [_suggestion("Second Person", 0.8, "the narration says \"you\" for the reader", evidence),
                _suggestion("Reader-Insert", 0.7, "the reader is the one the story is told to", evidence)]
    told = [Span(start=s.start, end=s.end, note="told by I") for s in narrator.mention_spans
            if world.text[s.start:s.end] in ("I", "me", "my")][:3]
    return [_suggestion("First Person", 0.7, f"{narrator.name} narrates (\"I\")", told)]


def _text_tag(tag: str, rule: dict, story: _StoryScan, has_romance: bool) -> TagSuggestion | None:
    if rule.get("needs_romance") and not has_romance:
        return None
    hits = story.hits(rule["text"])
    strong = story.hits(rule["strong"]) if rule.get("strong") else _Hits([])
    # At least ``min`` cues, and as dense as ``min`` per 5,000 words: a novel's three tears are not Crying.
    enough = hits.count >= rule["min"] and hits.count * _CUE_DENSITY_WORDS >= rule["min"] * story.words
    if not enough and not strong.count:
        return None
    return _suggestion(
        tag,
        0.35 + 0.1 * min(hits.count, 6),
        f"{hits.count} cue phrases in the story",
        strong.evidence("cue") + hits.evidence("cue"),
    )


def _note_tag(tag: str, patterns: list[str], world: StoryWorld) -> TagSuggestion | None:
    regex = _compile(tuple(patterns))
    sources = [(n.start, world.text[n.start : n.end], n.kind) for n in world.notes if n.kind in _NOTE_KINDS]
    if world.metadata.summary:
        sources.append((-1, world.metadata.summary, "summary"))
    for start, text, kind in sources:
        match = regex.search(text)
        if match:
            evidence = (
                [Span(start=start + match.start(), end=start + match.end(), note=kind)] if start >= 0 else []
            )
            return _suggestion(
                tag, 0.7, f"the {kind.replace('_', ' ')} says \u201c{match.group(0)}\u201d", evidence
            )
    return None


def _relationship_freeforms(world: StoryWorld, story: _StoryScan, already: set[str]) -> list[TagSuggestion]:
    """Established Relationship (a romance whose partners are called boyfriend, wife... in
    the first third of the story), Friendship, Family."""
    suggestions = []
    early = story.ranges[0][0] + (story.ranges[-1][1] - story.ranges[0][0]) // 3 if story.ranges else 0
    for rel in world.relationships:
        if rel.type != "romantic" or "First Kiss" in already:
            continue
        partner_cues = [e for e in rel.evidence if _PARTNER_TERMS.search(world.text[e.start : e.end])]
        settled = len(partner_cues) >= 2 or rel.confidence >= 0.6
        if partner_cues and settled and partner_cues[0].start <= early:
            suggestions.append(
                _suggestion(
                    "Established Relationship",
                    min(rel.confidence, 0.85),
                    f"{rel.label} are partners from the start",
                    partner_cues,
                )
            )
            break
    for rel_type, tag in (("friendship", "Friendship"), ("family", "Family")):
        strong = [r for r in world.relationships if r.type == rel_type and r.confidence >= 0.6]
        if strong:
            suggestions.append(
                _suggestion(
                    tag,
                    0.4,
                    f"{rel_type}: " + ", ".join(r.label for r in strong[:4]),
                    [e for r in strong for e in r.evidence[:2]],
                )
            )
    return suggestions


def _emotion_tags(world: StoryWorld, story: _StoryScan) -> list[TagSuggestion]:
    """Angst, Fluff, Hurt/Comfort and how it ends, from the emotional arc."""
    emotion = world.emotion
    if emotion.valence is None:
        return []
    arc = [(p.scene, p.valence) for p in emotion.arc]
    scenes = {s.id: s for s in world.scenes}
    lowest = min((v for _, v in arc), default=emotion.valence)
    negative = sum(emotion.emotions.get(e, 0.0) for e in ("sadness", "anger", "fear"))
    positive = sum(emotion.emotions.get(e, 0.0) for e in ("joy", "love"))

    def at(scene_id: str, note: str) -> list[Span]:
        scene = scenes.get(scene_id)
        return [Span(start=scene.start, end=scene.end, note=note)] if scene else []

    suggestions = []
    angst = lowest < -0.2 or (emotion.valence < 0 and negative > positive)
    if angst:
        low_scene = min(arc, key=lambda p: p[1])[0] if arc else ""
        suggestions.append(
            _suggestion(
                "Angst",
                0.5 + min(-lowest, 0.5),
                f"the arc falls to {lowest:+.2f}",
                at(low_scene, "lowest point"),
            )
        )
    if emotion.valence > 0.25 and lowest > -0.1 and positive > 2 * negative:
        suggestions.append(
            _suggestion(
                "Fluff", 0.5 + min(emotion.valence, 0.45), f"warm throughout (valence {emotion.valence:+.2f})"
            )
        )
    low_index = min(range(len(arc)), key=lambda i: arc[i][1]) if arc else -1
    if low_index >= 0 and arc[low_index][1] < -0.2 and any(v > 0.1 for _, v in arc[low_index + 1 :]):
        # Comfort has to come in the low scene or the one after it, not anywhere in the story.
        hurt = scenes.get(arc[low_index][0])
        after = scenes.get(arc[low_index + 1][0])
        comfort = story.hits(load_data("tag_cues.json")["comfort"])
        if hurt and after:
            near = _Hits([s for s in comfort.spans if hurt.start <= s[0] < after.end])
            if near.count >= 2:
                suggestions.append(
                    _suggestion(
                        "Hurt/Comfort",
                        0.5,
                        "a low point, then comfort and recovery",
                        near.evidence("comfort"),
                    )
                )
    if len(arc) >= 2:
        last_scene, last = arc[-1]
        if last < -0.2:
            suggestions.append(
                _suggestion(
                    "Sad Ending",
                    0.4 + min(-last, 0.5),
                    f"the last scene ends at {last:+.2f}",
                    at(last_scene, "last scene"),
                )
            )
        elif last > 0.25 and angst:
            suggestions.append(
                _suggestion(
                    "Angst with a Happy Ending",
                    0.4 + min(last, 0.5),
                    f"falls to {lowest:+.2f}, ends at {last:+.2f}",
                    at(last_scene, "last scene"),
                )
            )
        elif last > 0.3:
            suggestions.append(
                _suggestion(
                    "Happy Ending",
                    0.4 + min(last, 0.5),
                    f"the last scene ends at {last:+.2f}",
                    at(last_scene, "last scene"),
                )
            )
    return suggestions


def _author_tags(metadata: Metadata) -> dict[str, list[str]] | None:
    """The author's AO3 tags by kind, or None when the input carried no AO3 tag header."""
    header = [
        metadata.rating,
        metadata.warnings,
        metadata.category,
        metadata.relationships,
        metadata.characters,
        metadata.additional_tags,
    ]
    if not any(header):
        return None
    return {
        "fandoms": metadata.fandoms,
        "relationships": metadata.relationships,
        "characters": metadata.characters,
        "category": metadata.category,
        "rating": [metadata.rating] if metadata.rating else [],
        "warnings": metadata.warnings,
        "additional": metadata.additional_tags,
    }


def _tag_keys(tag: str, kind: str) -> set[str]:
    """Ways a tag may be written: exact, and for people their first names, for fandoms without '(TV)'."""
    plain = re.sub(r"\s+", " ", re.sub(r"\s*\(.*?\)", "", tag)).strip().casefold()
    keys = {tag.casefold().strip(), plain}
    if kind == "relationships":
        separator = "/" if "/" in plain else "&"
        people = [p.strip() for p in plain.split(separator)]
        keys.add(separator.join(sorted(people)))
        keys.add(separator.join(sorted(p.split()[0] for p in people if p)))
    elif kind == "characters" and plain:
        keys.add(plain.split()[0])
    elif kind == "rating" and plain in _FFN_RATINGS:  # FanFiction.Net's "T" is AO3's Teen And Up
        keys.add(_FFN_RATINGS[plain])
    return keys


_FFN_RATINGS = {"k": "general audiences", "k+": "general audiences", "t": "teen and up audiences",
                "m": "mature", "ma": "explicit"}


def _compare(tags: Tags, author: dict[str, list[str]]) -> dict[str, list[str]]:
    agree: list[str] = []
    suggested_only: list[str] = []
    author_only: list[str] = []
    for kind, author_list in author.items():
        author_keys = {tag: _tag_keys(tag, kind) for tag in author_list}
        matched: set[str] = set()
        for suggestion in getattr(tags, kind):
            keys = _tag_keys(suggestion.tag, kind)
            hit = next((tag for tag, k in author_keys.items() if k & keys), None)
            suggestion.author_tagged = hit is not None
            if hit is not None:
                matched.add(hit)
                agree.append(suggestion.tag)
            else:
                suggested_only.append(suggestion.tag)
        author_only.extend(tag for tag in author_list if tag not in matched)
    return {"agree": agree, "suggested_only": suggested_only, "author_only": author_only}

"""Train and check the attribution ranker on PDNC: gold quotes, leave-novels-out.

``gold_world(document)`` runs segment and characters (with the gold cast, or
with ``gold_cast=False`` the characters ficlens finds) over a gold document and
sets ``world.quotes`` from the gold spans, so attribution is measured on its
own. ``train`` fits the ranker on every given world (the gold-cast ones: training
on the end-to-end ones too measured no better, ``docs/attribution.md``);
``cross_validate`` fits on some novels and predicts the others (leave novels out),
with the gold cast and end to end, which are the honest dev numbers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..cast import load_cast
from ..characters import find_characters
from ..errors import EvalError
from ..eval.gold import GoldDocument, world_from_gold
from ..eval.metrics import match_characters, speaker_ids
from ..ingest import read
from ..model import Quote, StoryWorld
from ..quotes import find_quotes
from ..segment import segment
from . import SPOKEN, Decision, attribute_quotes, first_guesses, walk_quotes
from .ranker import DEFAULT_WEIGHTS, HIDDEN_UNITS, Ranker, Weights, fit, linear_ranker

_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
SCENE_WEIGHT = 5  # how many times each of our own scenes counts in training


@dataclass
class GoldWorld:
    """A world over a gold document with gold quote spans, and what each quote should get."""

    name: str
    world: StoryWorld
    speaker: dict[str, str] = field(default_factory=dict)  # quote id -> gold character id
    # quote id -> the other characters that are its gold speaker too (end to end, when ficlens
    # found that person under two names): right in scoring, not training targets
    also: dict[str, set[str]] = field(default_factory=dict)
    addressees: dict[str, set[str]] = field(default_factory=dict)
    type: dict[str, str] = field(default_factory=dict)


def gold_world(document: GoldDocument, gold_cast: bool = True) -> GoldWorld:
    """Segment + characters (the gold cast, or with ``gold_cast=False`` the ones ficlens finds,
    each standing for the gold character it matches) over the document, quotes set from the gold
    spans."""
    world = segment(world_from_gold(document, gold_cast=gold_cast))
    world = find_characters(world)
    id_of = speaker_ids(document, world.characters)
    same_person: dict[str, set[str]] = defaultdict(set)  # gold name -> every character that is them
    for character_id, name in match_characters(document, world.characters).items():
        same_person[name].add(character_id)
    text = world.text
    result = GoldWorld(document.name if gold_cast else f"{document.name} (end to end)", world)
    quotes: list[Quote] = []
    for gold in document.quotes:
        previous: str | None = None
        for start, end in gold.spans:
            start -= start > 0 and text[start - 1] in _MARKS
            end += end < len(text) and text[end] in _MARKS
            quote = Quote(id=f"q{len(quotes) + 1}", start=start, end=end, text=text[start:end],
                          continues=previous)
            quotes.append(quote)
            previous = quote.id
            if gold.speaker in id_of:
                result.speaker[quote.id] = id_of[gold.speaker]
                others = same_person[document.main_name(gold.speaker) or ""] - {id_of[gold.speaker]}
                if others:
                    result.also[quote.id] = others
            result.addressees[quote.id] = {id_of[a] for a in gold.addressees if a in id_of}
            if gold.type:
                result.type[quote.id] = gold.type
    quotes.sort(key=lambda q: q.start)
    world.quotes = quotes
    return result


def scene_world(path: str | Path) -> GoldWorld:
    """One of our own annotated scenes: ``NAME.txt`` and beside it ``NAME.json``, holding the
    cast (``"characters"``, as for ``--cast``) and ``"speakers"``: ``[opening words, name]`` for
    every spoken quote in order (each part of a quote split by its tag too). Quotes are found
    by the quotes stage, so a scene must read as its author meant; a mismatch is an EvalError."""
    path = Path(path)
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise EvalError(f"cannot read scene {path}: {e}") from None
    world = segment(read(path))
    world._cast = load_cast(meta)
    world = find_quotes(find_characters(world))
    by_name = {c.name: c.id for c in world.characters}
    result = GoldWorld(path.stem, world)
    spoken = [q for q in world.quotes if q.kind in SPOKEN]
    speakers = meta.get("speakers", [])
    if len(spoken) != len(speakers):
        raise EvalError(f"{path.name}: {len(spoken)} spoken quotes found, {len(speakers)} annotated: "
                        + "; ".join(q.text[:30] for q in spoken))
    for quote, (opening, name) in zip(spoken, speakers, strict=True):
        if not quote.text.lstrip(_MARKS).startswith(opening) or name not in by_name:
            raise EvalError(f"{path.name}: quote {quote.text[:40]!r} is annotated {opening!r} by {name!r}")
        result.speaker[quote.id] = by_name[name]
    return result


def scene_worlds(directory: str | Path) -> list[GoldWorld]:
    """Every annotated scene (``NAME.txt`` with ``NAME.json``) in ``directory``, by name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EvalError(f"scene folder not found: {directory}")
    return [scene_world(path) for path in sorted(directory.glob("*.txt"))]


def training_groups(gold: GoldWorld, ranker: Ranker, backward: bool = False,
                    guesses: dict[str, str | None] | None = None) -> list[tuple[np.ndarray, int]]:
    """(candidate features, index of the gold speaker) per quote.

    The walk follows the speakers ``ranker`` predicts, not the gold ones, so the
    conversation features are as noisy in training as they will be in use.
    """
    groups: list[tuple[np.ndarray, int]] = []

    def choose(decision: Decision) -> dict[str, float]:
        speaker = gold.speaker.get(decision.quote.id)
        if speaker in decision.candidates:
            groups.append((decision.features, decision.candidates.index(speaker)))
        return decision.belief(ranker)

    walk_quotes(gold.world, choose, backward=backward, guesses=guesses)
    return groups


def train(golds: list[GoldWorld], seed: int = 0, scenes: list[GoldWorld] | None = None,
          scene_weight: int = SCENE_WEIGHT) -> Weights:
    """Fit the forward and backward rankers, then the refining ones on their first guesses.

    Each is walked first with the hand-set weights to fit a plain conditional logit, then
    with that one's predictions to fit the final ranker with its hidden layer, so the
    conversation features are as noisy in training as in use. (Cross-fitting the first
    guesses, so they are as wrong as in use, measured no better.) ``scenes``, our own
    fan-fiction scenes (``scene_world``), count ``scene_weight`` times each: a few hundred
    quotes in the style of the stories ficlens is for, beside PDNC's seventeen thousand.
    """
    weighted = [*golds, *(scenes or []) * scene_weight]
    unique = list({gold.name: gold for gold in weighted}.values())  # each walked once, its groups repeated

    def fitted(backward: bool, guesses: dict[str, dict[str, str | None]] | None = None) -> Ranker:
        ranker = linear_ranker(DEFAULT_WEIGHTS)
        for units in (0, HIDDEN_UNITS):
            groups = {gold.name: training_groups(gold, ranker, backward,
                                                 guesses[gold.name] if guesses else None) for gold in unique}
            ranker = fit([group for gold in weighted for group in groups[gold.name]], units=units, seed=seed)
        return ranker

    forward, backward = fitted(False), fitted(True)
    guesses = {gold.name: first_guesses(gold.world, Weights(forward, backward, forward, backward))
               for gold in unique}
    return Weights(forward, backward, fitted(False, guesses), fitted(True, guesses))


@dataclass
class Result:
    """Per-quote outcomes: (type, right, confidence), and addressee outcomes."""

    outcomes: list[tuple[str, bool, float]] = field(default_factory=list)
    addressee_right: int = 0
    addressee_total: int = 0

    def add(self, other: Result) -> None:
        self.outcomes += other.outcomes
        self.addressee_right += other.addressee_right
        self.addressee_total += other.addressee_total


def predict(gold: GoldWorld, weights: Weights | None = None) -> Result:
    """Attribute the gold world's quotes and compare each with the gold speaker and addressees."""
    world = attribute_quotes(gold.world, weights)
    result = Result()
    for quote in world.quotes:
        if quote.id not in gold.type or quote.continues:
            continue
        right = quote.speaker is not None and (quote.speaker == gold.speaker.get(quote.id)
                                               or quote.speaker in gold.also.get(quote.id, ()))
        result.outcomes.append((gold.type[quote.id], right, quote.confidence))
        expected = gold.addressees.get(quote.id)
        if expected:
            result.addressee_total += 1
            result.addressee_right += bool(expected & set(quote.addressees))
    return result


def cross_validate(golds: list[GoldWorld], folds: int = 2,
                   progress: Callable[[str], None] | None = None, seed: int = 0,
                   scenes: list[GoldWorld] | None = None,
                   end_to_end: list[GoldWorld] | None = None,
                   extra: list[GoldWorld] | None = None) -> dict[str, Result]:
    """Leave novels out: novels go round-robin into ``folds`` groups; each group is predicted by
    a ranker trained on the others (and all ``scenes`` and ``extra`` worlds, LitBank's); the sum
    over all novels, by setting ("gold cast", and "end to end" when ``end_to_end`` holds the same
    novels, in the same order, with the characters ficlens finds). ``seed``: the hidden layer's
    first draw (the score moves by about half a point between draws, so compare changes over two)."""
    settings = {"gold cast": golds, **({"end to end": end_to_end} if end_to_end else {})}
    totals = {setting: Result() for setting in settings}
    for fold in range(min(folds, len(golds))):
        held = {setting: worlds[fold::folds] for setting, worlds in settings.items()}
        if progress:
            progress(", ".join(gold.name for gold in held["gold cast"]))
        rest = [gold for gold in golds if gold not in held["gold cast"]]
        weights = train(rest + (extra or []), seed, scenes) if rest else None
        for setting, worlds in held.items():
            for gold in worlds:
                totals[setting].add(predict(gold, weights))
    return totals


def report(result: Result) -> list[str]:
    """Accuracy overall and by type, addressee accuracy, and a reliability table."""
    lines = []
    outcomes = result.outcomes
    for kind in ("all", "explicit", "anaphoric", "implicit"):
        chosen = [right for t, right, _ in outcomes if kind in ("all", t)]
        if chosen:
            lines.append(f"{kind:10} {sum(chosen) / len(chosen):.3f}  (n={len(chosen)})")
    if result.addressee_total:
        lines.append(f"addressee  {result.addressee_right / result.addressee_total:.3f}  "
                     f"(n={result.addressee_total})")
    lines.append("confidence  n      accuracy  mean confidence")
    gap = 0.0  # expected calibration error: each bin's |accuracy - mean confidence|, weighted by its size
    for low in np.arange(0.0, 1.0, 0.1):
        binned = [(right, c) for _, right, c in outcomes if low <= c < low + 0.1 or (low >= 0.9 and c >= 1.0)]
        if binned:
            accuracy = sum(r for r, _ in binned) / len(binned)
            mean = sum(c for _, c in binned) / len(binned)
            gap += len(binned) * abs(accuracy - mean)
            lines.append(f"{low:.1f}-{low + 0.1:.1f}    {len(binned):<6} {accuracy:.3f}     {mean:.3f}")
    if outcomes:
        lines.append(f"expected calibration error {gap / len(outcomes):.3f}")
    return lines

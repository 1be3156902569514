"""A small conditional-logit ranker over candidate speakers, in numpy.

Each quote offers a few candidate characters, each described by ``FEATURES``;
the speaker is the candidate with the highest ``weights · features`` and the
softmax over the candidates is the confidence. ``ficlens train attribution``
fits the weights on PDNC (``fit``) and saves them as a small JSON file in
``ficlens/data``; without that file the hand-set ``DEFAULT_WEIGHTS`` are used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

FEATURES = (
    "tag_name",  # the tag names this candidate: "said Emma"
    "tag_other_mention",  # named in the tag but not its subject ("he said, holding Kurt's hand")
    "tag_pronoun_match",  # "he said" and the candidate is a he
    "tag_pronoun_mismatch",
    "tag_pronoun_most_recent",  # ...and the candidate is the last one of that gender mentioned
    "tag_first_person_narrator",  # "I said" and the candidate narrates
    "tag_description_match",  # "the old man said" and genders agree
    "beat_name",  # the narration just before the quote opens with the candidate ("Kurt shrugged.")
    "beat_name_after",  # ...just after it (""..." Kurt blinked.": as often the one who listens)
    "beat_pronoun_match",
    "beat_pronoun_most_recent",
    "beat_any",  # named anywhere in the paragraph's narration
    "beat_other",  # ...but the narration before the quote opens with someone else ("Kurt kissed Blaine.")
    "same_paragraph",  # spoke an earlier quote of this paragraph
    "previous_turn",  # spoke the previous turn of the conversation
    "turn_before_previous",  # spoke the turn before that (alternation)
    "vocative_previous_turn",  # addressed by name in the previous turn
    "named_previous_turn",  # named there, not as a vocative
    "named_in_quote",  # people rarely name themselves
    "vocative_next_turn",  # the next turn answers the candidate by name
    "recency",
    "frequency",
    "most_recent",
    "narrator",
    "no_tag_previous_turn",  # previous_turn when the quote has no tag (implicit)
    "no_tag_turn_before_previous",
    "chapter_lead",  # the chapter's most-named character
    "pronoun_chapter_lead",  # "he"/"she" in the tag or beat, and the chapter's most-named he/she
    "pronoun_only_match",  # ...and the only candidate of that gender
    "pronoun_alternation",  # ...and the speaker of the turn before the previous one
    "pronoun_previous_turn",
    "pronoun_same_paragraph",
    "alternation_against_vocative",  # spoke two turns back, but the last turn called someone else by name
    "addressed_previous_turn",  # the previous turn was "said to" the candidate
    "next_turn_named",  # the next turn's tag or beat names the candidate (rarely two turns running)
    "turn_after_next_named",  # the turn after next names the candidate (alternation, read backwards)
    "conversation_speaker",  # spoke one of the conversation's last few turns
    "pronoun_only_speaker",  # "he said" and the candidate is the conversation's only "he"
    "named_after",  # named in the narration just after the quote
    "called_previous_speaker",  # called the previous speaker by name two turns back, who answered
    "tag_pronoun_subject",  # "she said" and the candidate is the last "she" to open a sentence of narration
    "beat_pronoun_subject",
    "no_tag_same_paragraph",  # an untagged quote after the candidate's own in one paragraph: still them
    "named_since_last_quote",  # named in the narration since the previous quote (who came in, who acts)
    "newcomer",  # ...and has not spoken in this conversation yet
    "recent_share",  # share of the last 30 turns the candidate spoke
)
DEFAULT_WEIGHTS = {
    "tag_name": 8.0, "tag_other_mention": -1.0, "tag_pronoun_match": 2.0, "tag_pronoun_mismatch": -3.0,
    "tag_pronoun_most_recent": 1.5,
    "tag_first_person_narrator": 5.0, "tag_description_match": 1.0, "beat_name": 2.0,
    "beat_pronoun_match": 1.0, "beat_pronoun_most_recent": 1.0, "beat_any": 0.5, "same_paragraph": 2.0,
    "previous_turn": -1.5, "turn_before_previous": 1.0, "vocative_previous_turn": 1.5,
    "named_previous_turn": 0.3, "named_in_quote": -1.0, "vocative_next_turn": 1.0, "recency": 1.0,
    "frequency": 0.5, "most_recent": 0.3, "narrator": 0.3, "no_tag_previous_turn": -0.5,
    "no_tag_turn_before_previous": 1.0, "chapter_lead": 0.3, "pronoun_chapter_lead": 0.5,
    "pronoun_only_match": 1.0, "pronoun_alternation": 0.5, "pronoun_previous_turn": -0.5,
    "alternation_against_vocative": -1.0, "pronoun_same_paragraph": 1.0,
    "addressed_previous_turn": 1.5, "next_turn_named": -1.0, "turn_after_next_named": 1.0,
    "conversation_speaker": 0.5, "pronoun_only_speaker": 1.5, "called_previous_speaker": 1.0,
    "no_tag_same_paragraph": 3.0,
}
MODEL_FILE = "attribution-ranker.json"


@dataclass(frozen=True)
class Weights:
    """The rankers of the forward walk, the backward walk (same features, mirrored turns) and the
    refining walk (which sees the first guesses for the turns ahead)."""

    forward: np.ndarray
    backward: np.ndarray
    refine: np.ndarray


def default_weights() -> Weights:
    return Weights(*(weights_from_dict(DEFAULT_WEIGHTS) for _ in range(3)))


@cache
def load_weights() -> Weights:
    """The trained weights shipped in ``ficlens/data``, else the hand-set defaults."""
    resource = resources.files("ficlens.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return default_weights()
    data = json.loads(resource.read_text(encoding="utf-8"))
    return Weights(*(weights_from_dict(data.get(key, {})) for key in ("weights", "backward_weights",
                                                                      "refine_weights")))


def weights_from_dict(named: dict[str, float]) -> np.ndarray:
    return np.array([float(named.get(name, DEFAULT_WEIGHTS.get(name, 0.0))) for name in FEATURES])


def save_weights(weights: Weights, path: Path, about: dict[str, object]) -> None:
    def named(vector: np.ndarray) -> dict[str, float]:
        return {name: round(float(w), 4) for name, w in zip(FEATURES, vector, strict=True)}

    data = {"model": "ficlens attribution ranker (conditional logit: forward, backward and refining walks)",
            **about,
            "weights": named(weights.forward), "backward_weights": named(weights.backward),
            "refine_weights": named(weights.refine)}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def probabilities(features: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Softmax over the candidates (rows of ``features``)."""
    scores = features @ weights
    scores = np.exp(scores - scores.max())
    return scores / scores.sum()


def fit(groups: list[tuple[np.ndarray, int]], l2: float = 0.001, steps: int = 800,
        rate: float = 0.1) -> np.ndarray:
    """Weights maximising the likelihood of the gold candidate (index) in each group (Adam).

    A feature that never fires in the data (no narrator in PDNC) keeps its hand-set weight.
    """
    if not groups:
        return weights_from_dict(DEFAULT_WEIGHTS)
    width = max(len(x) for x, _ in groups)
    features = np.zeros((len(groups), width, len(FEATURES)))
    mask = np.full((len(groups), width), -1e9)
    gold = np.array([index for _, index in groups])
    for row, (x, _) in enumerate(groups):
        features[row, :len(x)] = x
        mask[row, :len(x)] = 0.0
    weights = np.zeros(len(FEATURES))
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    rows = np.arange(len(groups))
    for step in range(1, steps + 1):
        scores = features @ weights + mask
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        expected = np.einsum("nk,nkf->nf", p, features)
        gradient = (expected - features[rows, gold]).mean(axis=0) + l2 * weights
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient ** 2
        weights -= rate * (first / (1 - 0.9 ** step)) / (np.sqrt(second / (1 - 0.999 ** step)) + 1e-8)
    unused = ~features.any(axis=(0, 1))
    weights[unused] = weights_from_dict(DEFAULT_WEIGHTS)[unused]
    return weights

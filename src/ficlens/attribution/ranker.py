"""A small ranker over candidate speakers, in numpy: a conditional logit with one hidden layer.

Each quote offers a few candidate characters, each described by ``FEATURES``;
a candidate's score is ``linear · features`` plus a few rectified hidden units
(``Ranker.scores``), which learn the interactions a sum cannot express (a name
called in the last turn beats alternation only when that person has not yet
spoken). The softmax over the candidates is the confidence.
``ficlens train attribution`` fits the rankers on PDNC (``fit``) and saves them
as a small JSON file in ``ficlens/data``; without that file the hand-set
``DEFAULT_WEIGHTS`` are used, with no hidden layer.
"""

from __future__ import annotations

import json
import re
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
    "beat_other",  # named in a beat whose subject is someone else ("Kurt/He kissed Blaine.")
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
    "tag_kin",  # "said her mother" and the candidate is that "her"'s mother by surname and title
    "voice",  # how much the line sounds like the candidate's other lines, 1 for the best fit (``voices``)
    "voiceless",  # the candidate has too few words for a voice, where others have one
    "last_subject",  # opened the last sentence of narration since the previous quote ("Priya grins.")
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
HIDDEN_UNITS = 32


@dataclass(frozen=True)
class Ranker:
    """Candidate scores: ``features @ linear + relu(features @ hidden + bias) @ output``."""

    linear: np.ndarray  # (features,)
    hidden: np.ndarray  # (features, units); zero units is a plain conditional logit
    bias: np.ndarray  # (units,)
    output: np.ndarray  # (units,)

    def scores(self, features: np.ndarray) -> np.ndarray:
        return features @ self.linear + np.maximum(features @ self.hidden + self.bias, 0.0) @ self.output


@dataclass(frozen=True)
class Weights:
    """The rankers of the forward walk, the backward walk (same features, mirrored turns) and the
    refining walks, forward and backward (which see earlier guesses for the turns not yet decided)."""

    forward: Ranker
    backward: Ranker
    refine: Ranker
    refine_backward: Ranker


_WALKS = ("forward", "backward", "refine", "refine_backward")


def linear_ranker(named: dict[str, float]) -> Ranker:
    """A ranker with no hidden units: named weights, the hand-set ones for the rest."""
    linear = np.array([float(named.get(name, DEFAULT_WEIGHTS.get(name, 0.0))) for name in FEATURES])
    return Ranker(linear, np.zeros((len(FEATURES), 0)), np.zeros(0), np.zeros(0))


def default_weights() -> Weights:
    return Weights(*(linear_ranker(DEFAULT_WEIGHTS) for _ in _WALKS))


@cache
def load_weights() -> Weights:
    """The trained rankers shipped in ``ficlens/data``, else the hand-set defaults."""
    resource = resources.files("ficlens.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return default_weights()
    return read_weights(resource.read_text(encoding="utf-8"))


def read_weights(text: str) -> Weights:
    """Rankers from the JSON ``save_weights`` writes."""
    data = json.loads(text)
    return Weights(*(_ranker_from_dict(data.get(walk, {})) for walk in _WALKS))


def _ranker_from_dict(data: dict[str, object]) -> Ranker:
    """Weights are stored by feature name, so a feature the file does not know gets its hand-set
    linear weight and no hidden weights."""
    ranker = linear_ranker(data.get("linear", {}))  # type: ignore[arg-type]
    bias = np.array(data.get("bias", []), dtype=float)
    named: dict[str, list[float]] = data.get("hidden", {})  # type: ignore[assignment]
    hidden = np.array([named.get(name, [0.0] * len(bias)) for name in FEATURES], dtype=float)
    return Ranker(ranker.linear, hidden.reshape(len(FEATURES), len(bias)), bias,
                  np.array(data.get("output", []), dtype=float))


def save_weights(weights: Weights, path: Path, about: dict[str, object]) -> None:
    def rounded(vector: np.ndarray) -> list[float]:
        return [round(float(w), 4) for w in vector]

    def named(ranker: Ranker) -> dict[str, object]:
        return {"linear": dict(zip(FEATURES, rounded(ranker.linear), strict=True)),
                "hidden": {name: rounded(row) for name, row in zip(FEATURES, ranker.hidden, strict=True)
                           if row.any()},
                "bias": rounded(ranker.bias), "output": rounded(ranker.output)}

    data = {"model": "ficlens attribution ranker (conditional logit with one hidden layer: "
                     "forward, backward and refining walks)",
            **about, **{walk: named(getattr(weights, walk)) for walk in _WALKS}}
    text = re.sub(r"\[[^\[\]{}]*\]", lambda m: " ".join(m.group().split()), json.dumps(data, indent=1))
    path.write_text(text + "\n", encoding="utf-8")


def probabilities(features: np.ndarray, ranker: Ranker) -> np.ndarray:
    """Softmax over the candidates (rows of ``features``)."""
    scores = ranker.scores(features)
    scores = np.exp(scores - scores.max())
    return scores / scores.sum()


def fit(groups: list[tuple[np.ndarray, int]], units: int = HIDDEN_UNITS, l2: float = 0.001,
        steps: int = 600, rate: float = 0.03, seed: int = 0) -> Ranker:
    """The ranker maximising the likelihood of the gold candidate (index) in each group (Adam,
    full batch, float32; hidden weights start from the random draw ``seed``, so training repeats).

    The groups' candidates are stacked into one matrix, each group's softmax taken over its own
    rows (``reduceat``), so every step is a few dense matrix products with no padding.
    A feature that never fires in the data (no narrator in PDNC) keeps its hand-set weight.
    """
    if not groups:
        return linear_ranker(DEFAULT_WEIGHTS)
    sizes = np.array([len(x) for x, _ in groups])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    owner = np.repeat(np.arange(len(groups)), sizes)  # candidate row -> its group
    features = np.concatenate([x for x, _ in groups]).astype(np.float32)
    across = np.ascontiguousarray(features.T)
    gold = starts + np.array([index for _, index in groups])
    draw = np.random.default_rng(seed)
    params = {"linear": np.zeros(len(FEATURES), dtype=np.float32),
              "hidden": draw.normal(0.0, 0.3, (len(FEATURES), units)).astype(np.float32),
              "bias": np.zeros(units, dtype=np.float32),
              "output": draw.normal(0.0, 0.3, units).astype(np.float32)}
    first = {k: np.zeros_like(v) for k, v in params.items()}
    second = {k: np.zeros_like(v) for k, v in params.items()}
    for step in range(1, steps + 1):
        inner = features @ params["hidden"] + params["bias"]
        active = np.maximum(inner, 0.0)
        scores = features @ params["linear"] + active @ params["output"]
        p = np.exp(scores - np.maximum.reduceat(scores, starts)[owner])
        p /= np.add.reduceat(p, starts)[owner]
        p[gold] -= 1.0  # d(mean negative log-likelihood) / d(scores), times the group count
        p /= len(groups)
        through = p[:, None] * params["output"] * (inner > 0)
        gradients = {"linear": across @ p, "hidden": across @ through,
                     "bias": through.sum(axis=0), "output": active.T @ p}
        for key, value in params.items():
            gradient = gradients[key] + l2 * value
            first[key] = 0.9 * first[key] + 0.1 * gradient
            second[key] = 0.999 * second[key] + 0.001 * gradient ** 2
            step_size = rate * (first[key] / (1 - 0.9 ** step))
            value -= step_size / (np.sqrt(second[key] / (1 - 0.999 ** step)) + 1e-8)
    linear = params["linear"].astype(float)
    unused = ~features.any(axis=0)
    linear[unused] = linear_ranker(DEFAULT_WEIGHTS).linear[unused]
    hidden = params["hidden"].astype(float)
    hidden[unused] = 0.0
    return Ranker(linear, hidden, params["bias"].astype(float), params["output"].astype(float))

"""The speaker ranker: fitting, the hidden layer's interactions, saving and loading."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from ficlens.attribution.ranker import (
    DEFAULT_WEIGHTS,
    FEATURES,
    MODEL_FILE,
    Weights,
    fit,
    linear_ranker,
    load_weights,
    probabilities,
    read_weights,
    save_weights,
)


def _candidates(*rows: tuple[float, float]) -> np.ndarray:
    """Candidates described by the first two features only."""
    x = np.zeros((len(rows), len(FEATURES)))
    x[:, :2] = rows
    return x


# The gold candidate has exactly one of two cues: no sum of the two weights ranks all four right
# (the first two groups need the second cue to count against, the last two for).
_EITHER_NOT_BOTH = [(_candidates((1, 0), (1, 1)), 0), (_candidates((0, 1), (1, 1)), 0),
                    (_candidates((0, 0), (1, 0)), 1), (_candidates((0, 0), (0, 1)), 1)] * 10


def _right(ranker, groups) -> int:
    return sum(int(np.argmax(probabilities(x, ranker))) == gold for x, gold in groups)


def test_hidden_units_learn_what_a_linear_ranker_cannot():
    assert _right(fit(_EITHER_NOT_BOTH, units=0), _EITHER_NOT_BOTH) < len(_EITHER_NOT_BOTH)
    assert _right(fit(_EITHER_NOT_BOTH, units=8), _EITHER_NOT_BOTH) == len(_EITHER_NOT_BOTH)


def test_groups_of_different_sizes_each_have_their_own_softmax():
    # the gold candidate carries the first cue among one to five candidates; a one-candidate group
    # teaches nothing, and each group's probabilities sum to one on their own
    groups = [(_candidates(*[(float(i == gold), 0.0) for i in range(size)]), gold)
              for size in (1, 2, 3, 5) for gold in range(size)] * 5
    ranker = fit(groups, units=4)
    assert _right(ranker, groups) == len(groups)
    assert ranker.linear[0] > 1.0


def test_fitting_repeats_exactly():
    first, second = fit(_EITHER_NOT_BOTH, units=4), fit(_EITHER_NOT_BOTH, units=4)
    assert np.array_equal(first.hidden, second.hidden) and np.array_equal(first.linear, second.linear)


def test_features_the_data_never_fires_keep_their_hand_set_weight():
    ranker = fit(_EITHER_NOT_BOTH, units=4)
    narrator = FEATURES.index("narrator")
    assert ranker.linear[narrator] == DEFAULT_WEIGHTS["narrator"]
    assert not ranker.hidden[narrator].any()


def test_probabilities_are_a_distribution_over_the_candidates():
    p = probabilities(_candidates((1, 0), (0, 1), (0, 0)), fit(_EITHER_NOT_BOTH, units=4))
    assert p.shape == (3,) and abs(p.sum() - 1.0) < 1e-9 and (p > 0).all()


def test_saved_rankers_read_back_with_the_same_scores(tmp_path):
    ranker = fit(_EITHER_NOT_BOTH, units=4)
    path = tmp_path / MODEL_FILE
    plain = linear_ranker(DEFAULT_WEIGHTS)
    save_weights(Weights(ranker, plain, ranker, ranker), path, {"trained_on": ["toy"]})
    read = read_weights(path.read_text(encoding="utf-8"))
    x = _candidates((1, 0), (1, 1))
    assert np.allclose(read.forward.scores(x), ranker.scores(x), atol=1e-2)
    assert read.backward.hidden.shape[1] == 0


def test_a_file_without_some_features_falls_back_to_their_hand_set_weights():
    read = read_weights('{"refine": {"linear": {"tag_name": 2.5}, "bias": [0.1], "output": [1.0]}}')
    assert read.refine.linear[FEATURES.index("tag_name")] == 2.5
    assert read.refine.linear[FEATURES.index("beat_name")] == DEFAULT_WEIGHTS["beat_name"]
    assert read.refine.hidden.shape == (len(FEATURES), 1) and not read.refine.hidden.any()
    assert read.forward.hidden.shape[1] == 0


def test_the_shipped_model_is_small_and_has_its_hidden_layer():
    shipped = Path(str(resources.files("ficlens.data").joinpath(MODEL_FILE)))
    assert shipped.stat().st_size < 80_000
    shipped_rankers = load_weights()
    assert all(getattr(shipped_rankers, walk).hidden.shape[1] > 0
               for walk in ("forward", "backward", "refine", "refine_backward"))

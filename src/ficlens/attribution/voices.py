"""Each character's voice: the words of the lines given to them.

Characters talk differently ("papa", "my dear", "ma'am", "Mistah", "I say"), so a line can be
weighed by how much it sounds like each candidate: the log-likelihood ratio of its words under
the character's word distribution (smoothed toward all the story's dialogue, Dirichlet with
``SMOOTHING`` pseudo-words) against the dialogue at large, over the square root of its length
(a long line is surer, not proportionally so). A line's own words are left out of the voice of
the one it is given to, so a guess does not confirm itself and training sees what use sees.
The first walks know voices from the lines a tag names the speaker of; the refining walks
from the earlier walks' guesses for every line (``docs/attribution.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

SMOOTHING = 200.0  # pseudo-words of the whole dialogue mixed into each voice
# words a character needs before its voice is weighed: a novel's talkers, not a chapter's (with
# 50 or 100, the guesses of a short scene made voices that misled 6 lines of our epithet scenes)
MIN_WORDS = 1000
_GATHERED = 4_000_000  # values gathered at once when summing over lines (32 MB)
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")


@dataclass
class Fits:
    """How much each line sounds like each voiced character (higher is closer)."""

    rows: dict[str, int]  # voiced character -> its row of ``scores``
    scores: np.ndarray  # (voiced characters, lines)
    empty: np.ndarray  # per line: it has no words, so it fits no one

    def of(self, line: int, characters: list[str]) -> dict[str, float]:
        """Those of ``characters`` with a voice -> line ``line``'s fit to it."""
        if self.empty[line]:
            return {}
        return {c: float(self.scores[self.rows[c], line]) for c in characters if c in self.rows}


class Lines:
    """The story's spoken lines as word ids, read once and weighed against any speakers."""

    def __init__(self, lines: list[str]) -> None:
        vocabulary: dict[str, int] = {}
        words = [[vocabulary.setdefault(w, len(vocabulary)) for w in _WORD.findall(line.lower())]
                 for line in lines]
        self.lengths = np.array([len(w) for w in words], dtype=np.int64)
        self.ids = np.array([i for w in words for i in w], dtype=np.int64)
        self.line_of = np.repeat(np.arange(len(lines)), self.lengths)  # the line of each word
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        background = np.bincount(self.ids, minlength=len(vocabulary)).astype(float)
        self.share = background / max(background.sum(), 1.0)
        # how often each word occurs in its own line, to take a line out of its speaker's voice
        pairs = self.line_of * len(vocabulary) + self.ids
        _, inverse, counts = np.unique(pairs, return_inverse=True, return_counts=True)
        self.own = counts[inverse].astype(float)

    def fits(self, speakers: list[str | None]) -> Fits:
        """How much each line sounds like each character given at least ``MIN_WORDS`` words.
        ``speakers``: who each line is given to (None: no one)."""
        words: dict[str, int] = {}
        for length, speaker in zip(self.lengths.tolist(), speakers, strict=True):
            if speaker is not None:
                words[speaker] = words.get(speaker, 0) + length
        voiced = sorted(c for c, n in words.items() if n >= MIN_WORDS)
        if len(voiced) < 2:
            return Fits({}, np.zeros((0, len(speakers))), self.lengths == 0)
        row = {c: i for i, c in enumerate(voiced)}
        line_rows = np.array([row.get(s, -1) if s is not None else -1 for s in speakers], dtype=np.int64)
        word_rows = line_rows[self.line_of]
        counts = np.zeros((len(voiced), len(self.share)))
        given = word_rows >= 0
        np.add.at(counts, (word_rows[given], self.ids[given]), 1.0)
        sizes = counts.sum(axis=1)
        ratio = np.log((counts + SMOOTHING * self.share) / (sizes[:, None] + SMOOTHING)) - np.log(self.share)
        scores = self._per_line(ratio, self.ids)
        # a line's own words taken out of the voice of the one it is given to
        rows = word_rows[given]
        ids = self.ids[given]
        kept = counts[rows, ids] - self.own[given]
        left = sizes[rows] - self.lengths[self.line_of[given]]
        own_ratio = np.zeros(len(self.ids))
        own_ratio[given] = np.log((kept + SMOOTHING * self.share[ids]) / (left + SMOOTHING)) \
            - np.log(self.share[ids])
        own_scores = self._per_line(own_ratio[None, :], np.arange(len(self.ids)))[0]
        lines = np.flatnonzero(line_rows >= 0)
        scores[line_rows[lines], lines] = own_scores[lines]
        scores /= np.sqrt(np.maximum(self.lengths, 1))
        return Fits(row, scores, self.lengths == 0)

    def _per_line(self, table: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Sum ``table[:, columns]`` (a value per word of the text) over each line's words:
        (rows, lines), 0 for an empty line. Gathered a block of lines at a time, so an epic's
        dialogue with many voices never holds voices x words values at once."""
        sums = np.zeros((table.shape[0], len(self.lengths)))
        block = max(1, _GATHERED // max(table.shape[0], 1))  # words per block
        first = 0
        while first < len(self.lengths):
            last = int(np.searchsorted(self.starts, self.starts[first] + block, side="right"))
            last = max(last, first + 1)
            lines = np.arange(first, last)
            filled = lines[self.lengths[lines] > 0]
            if len(filled):
                begin, end = self.starts[filled[0]], self.starts[filled[-1]] + self.lengths[filled[-1]]
                sums[:, filled] = np.add.reduceat(table[:, columns[begin:end]], self.starts[filled] - begin,
                                                  axis=1)
            first = last
        return sums

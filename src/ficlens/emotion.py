"""Stage: the emotional arc — valence and six emotions per scene, per speaker, overall.

``measure_emotion`` reads the text, ``scenes`` and ``quotes`` (dialogue spans and
speakers; found by regex if the quotes stage left none) and fills
``scene.valence``/``scene.emotions``, and ``world.emotion`` (chapter-wide valence
and emotions, the ``arc`` with one point per scene, ``by_character`` for each
speaker's dialogue). Tags (Angst, Fluff, Hurt/Comfort...) and the report read it.

Valence (-1..1) is VADER's compound score averaged over sentences, computed for
narration and for dialogue apart and then blended, so a chapter of cheerful talk
over grim narration (or the reverse) is not drowned by whichever is longer; it is
then mixed with the lexicon's balance of joy+love against sadness+anger+fear,
which catches what VADER misses in fiction (tears, glares, trembling hands).
Emotions (joy, sadness, anger, fear, love, surprise) come from ficlens's own
curated lexicon (``data/emotion_lexicon.json``) with negation ("not happy" is not
joy) and intensifiers ("so happy" counts more); each is a rate per 100 words.
"""

from __future__ import annotations

import bisect
import math
import re
import string
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .model import Emotion, EmotionPoint, StoryWorld
from .storytext import dialogue_spans, load_data, sentence_spans, story_ranges, words

EMOTIONS = ("joy", "sadness", "anger", "fear", "love", "surprise")
METHOD = (
    "valence: 0.6 x vaderSentiment compound per sentence (narration and dialogue scored apart, blended)"
    " + 0.4 x lexicon balance; emotions: ficlens lexicon (negation, intensifiers), rate per 100 words"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s|\.\.\.")
_NEGATION_WINDOW = 3
_INTENSIFIER_WINDOW = 2
# Dialogue's share in a scene's valence is its share of words, kept within these bounds.
_DIALOGUE_SHARE = (0.3, 0.7)
_VADER_WEIGHT = 0.6
# Emotion-rate difference (per 100 words) that moves the lexicon balance to ~0.76.
_BALANCE_SCALE = 2.0
_POSITIVE = ("joy", "love")
_NEGATIVE = ("sadness", "anger", "fear")


@dataclass
class Tally:
    """Running sums for one stretch of text (a scene, a channel, a speaker)."""

    valence_sum: float = 0.0
    sentences: int = 0
    words: int = 0
    counts: dict[str, float] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.valence_sum += other.valence_sum
        self.sentences += other.sentences
        self.words += other.words
        for emotion, value in other.counts.items():
            self.counts[emotion] = self.counts.get(emotion, 0.0) + value

    @property
    def valence(self) -> float:
        return self.valence_sum / self.sentences if self.sentences else 0.0

    def balance(self) -> float:
        """Lexicon polarity: tanh of (joy + love - sadness - anger - fear) per 100 words."""
        rates = self.rates()
        difference = sum(rates[e] for e in _POSITIVE) - sum(rates[e] for e in _NEGATIVE)
        return math.tanh(difference / _BALANCE_SCALE)

    def rates(self) -> dict[str, float]:
        per = 100.0 / self.words if self.words else 0.0
        return {e: round(self.counts.get(e, 0.0) * per, 3) for e in EMOTIONS}


def measure_emotion(world: StoryWorld) -> StoryWorld:
    """Fill per-scene valence/emotions and ``world.emotion`` (see the module docstring)."""
    text = world.text
    dialogue = dialogue_spans(world)
    dialogue_starts = [d[0] for d in dialogue]
    speakers: dict[str, Tally] = {}
    arc: list[EmotionPoint] = []
    total_valence = 0.0
    total = Tally()

    ranges = [(s.start, s.end) for s in world.scenes] or story_ranges(world)
    for index, (start, end) in enumerate(ranges):
        narration, spoken = _score_range(text, start, end, dialogue, dialogue_starts, speakers)
        combined = Tally()
        combined.add(narration)
        combined.add(spoken)
        valence = _valence(_blend(narration, spoken), combined)
        total.add(combined)
        total_valence += valence * combined.words
        if world.scenes:
            scene = world.scenes[index]
            scene.valence = valence
            scene.emotions = combined.rates()
            arc.append(EmotionPoint(scene=scene.id, valence=valence, emotions=scene.emotions))

    world.emotion = Emotion(
        valence=round(total_valence / total.words, 4) if total.words else None,
        emotions=total.rates() if total.words else {},
        arc=arc,
        by_character={
            cid: {"valence": _valence(t.valence, t), **t.rates(), "words": float(t.words)}
            for cid, t in speakers.items()
        },
        method=METHOD,
    )
    return world


def _score_range(
    text: str,
    start: int,
    end: int,
    dialogue: list[tuple[int, int, str | None]],
    dialogue_starts: list[int],
    speakers: dict[str, Tally],
) -> tuple[Tally, Tally]:
    """Narration and dialogue tallies of ``text[start:end]``; dialogue also goes to its speaker."""
    narration, spoken = Tally(), Tally()
    position = start
    first = max(bisect.bisect_left(dialogue_starts, start) - 1, 0)
    for q_start, q_end, speaker in dialogue[first:]:
        if q_start >= end:
            break
        q_start, q_end = max(q_start, start), min(q_end, end)
        if q_end <= q_start or q_end <= position:
            continue
        narration.add(_score_text(text, position, q_start))
        quote = _score_text(text, q_start, q_end)
        spoken.add(quote)
        if speaker:
            speakers.setdefault(speaker, Tally()).add(quote)
        position = q_end
    narration.add(_score_text(text, position, end))
    return narration, spoken


def _score_text(text: str, start: int, end: int) -> Tally:
    tally = Tally()
    for s_start, s_end in sentence_spans(text, start, end):
        sentence = text[s_start:s_end]
        if not any(ch.isalpha() for ch in sentence):
            continue
        tally.valence_sum += _vader(sentence)
        tally.sentences += 1
        n_words, counts = _emotion_counts(sentence)
        tally.words += n_words
        for emotion, value in counts.items():
            tally.counts[emotion] = tally.counts.get(emotion, 0.0) + value
    return tally


def _blend(narration: Tally, spoken: Tally) -> float:
    if not spoken.sentences or not narration.sentences:
        return spoken.valence if spoken.sentences else narration.valence
    low, high = _DIALOGUE_SHARE
    share = min(max(spoken.words / max(spoken.words + narration.words, 1), low), high)
    return share * spoken.valence + (1 - share) * narration.valence


def _valence(vader: float, tally: Tally) -> float:
    if not tally.words:
        return 0.0
    return round(_VADER_WEIGHT * vader + (1 - _VADER_WEIGHT) * tally.balance(), 4)


@cache
def _analyzer():  # type: ignore[no-untyped-def]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=65536)
def _vader(sentence: str) -> float:
    """VADER's compound score; 0 without asking VADER when no word is in its lexicon.

    VADER scores only lexicon words (boosters and negations just modify them), so a
    sentence without one scores 0; over a third of a novel's sentences have none.
    """
    analyzer = _analyzer()
    lexicon = analyzer.lexicon
    if not any(token in lexicon or token.strip(string.punctuation) in lexicon
               for token in sentence.lower().split()):
        return 0.0
    return float(analyzer.polarity_scores(sentence)["compound"])


@cache
def _lexicon() -> tuple[dict[str, list[tuple[str, float]]], frozenset[str], dict[str, float]]:
    data = load_data("emotion_lexicon.json")
    weak = set(data["weak"])
    entries: dict[str, list[tuple[str, float]]] = {}
    for emotion, terms in data["emotions"].items():
        for term in terms:
            entries.setdefault(term, []).append((emotion, 0.5 if term in weak else 1.0))
    return entries, frozenset(data["negators"]), dict(data["intensifiers"])


@lru_cache(maxsize=65536)
def _emotion_counts(sentence: str) -> tuple[int, dict[str, float]]:
    """(word count, emotion → weighted hits) for one sentence, clause by clause."""
    entries, negators, intensifiers = _lexicon()
    counts: dict[str, float] = {}
    n_words = 0
    for clause in _CLAUSE_BREAK.split(sentence):
        tokens = words(clause)
        n_words += len(tokens)
        for i, token in enumerate(tokens):
            hits = entries.get(token)
            if not hits:
                continue
            before = tokens[max(i - _NEGATION_WINDOW, 0) : i]
            if any(t in negators or t.endswith("n't") for t in before):
                continue
            boost = 1.0
            for t in tokens[max(i - _INTENSIFIER_WINDOW, 0) : i]:
                boost *= intensifiers.get(t, 1.0)
            for emotion, weight in hits:
                counts[emotion] = counts.get(emotion, 0.0) + weight * boost
    return n_words, counts

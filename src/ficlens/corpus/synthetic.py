"""A synthetic fan-fiction corpus of our own: templated prose with known answers.

Three invented fandoms, each with a cast of four (names, pronouns). Every work
has a title, an author, a fandom disclaimer, a pairing, chapters split into
scenes by ``* * *``, point-of-view narration and dialogue with explicit
("..." Mara said), anaphoric ("..." she asked) and implicit speakers. About a
third are written as AO3-style HTML downloads, the rest as plain text; a few
are byte-identical duplicates saved under another name. ``truth.jsonl`` beside
the works records each file's fandom, pairing, characters and quote count.

    >>> write_corpus("corpus/", works=30, seed=1)
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

FANDOMS: dict[str, list[tuple[str, str]]] = {
    "Harbour Lights": [
        ("Mara Quill", "she"),
        ("Tobias Reed", "he"),
        ("Ines Halloway", "she"),
        ("Felix Dunmore", "he"),
    ],
    "Starfall Academy": [
        ("Juniper Vale", "she"),
        ("Rowan Ashby", "he"),
        ("Dara Okafor", "she"),
        ("Casimir Holt", "he"),
    ],
    "The Clockwork Court": [
        ("Oswin Thorne", "he"),
        ("Lysandra Bell", "she"),
        ("Piers Calloway", "he"),
        ("Wren Hartley", "she"),
    ],
}
AUTHORS = ["quietgull", "inkandember", "paperlanterns", "saltwaterpen", "northwindwrites", "tinsnail"]
RATINGS = ["General Audiences", "Teen And Up Audiences", "Mature"]
PLACES = [
    "harbour wall",
    "library",
    "kitchen",
    "train platform",
    "rooftop",
    "old greenhouse",
    "workshop",
    "market square",
    "lighthouse stairs",
    "music room",
]
WEATHER = [
    "Rain tapped at the windows.",
    "The evening was warm and still.",
    "A cold wind came off the sea.",
    "Snow had settled on every ledge.",
    "The light was going gold and thin.",
]
ACTIONS = [
    "folded the letter twice",
    "set down the lantern",
    "pretended to read",
    "counted the steps",
    "straightened a crooked frame",
    "poured two cups of tea",
    "traced the edge of the table",
    "watched the clock above the door",
]
FEELINGS = ["nervous", "tired", "hopeful", "annoyed", "quietly happy", "worried", "restless", "calm"]
LINES = [
    "Did you finish the map?",
    "I waited for you all afternoon.",
    "We should leave before dark.",
    "You never tell me anything.",
    "I kept your seat warm.",
    "That is not what I meant.",
    "Can you hand me the key?",
    "I missed this, you know.",
    "Tell me the truth for once.",
    "Nobody else would have come back.",
    "Are you laughing at me?",
    "Let us try again tomorrow.",
]
BREAKUP = ["I think we should break up.", "This is over between us.", "I can't be your partner anymore."]
PARTNER_WORD = {"he": "boyfriend", "she": "girlfriend", "they": "partner"}
_SUBJECT = {"he": "he", "she": "she", "they": "they"}
_POSSESSIVE = {"he": "his", "she": "her", "they": "their"}


@dataclass
class WorkTruth:
    """What a synthetic work holds, for tests to check the corpus tables against."""

    file: str
    fandom: str
    format: str
    title: str
    author: str
    pairing: list[str]
    characters: list[str]
    quotes: int = 0
    breakup: bool = False
    duplicate_of: str | None = None
    words: int = 0


def _before_tag(line: str) -> str:
    """A spoken line as it stands before a speech tag: a closing full stop becomes a comma."""
    return line[:-1] + "," if line.endswith(".") else line


def _scene(
    rng: random.Random,
    cast: list[tuple[str, str]],
    pov: tuple[str, str],
    other: tuple[str, str],
    n_words: int,
    breakup: bool,
    truth: WorkTruth,
) -> str:
    """One scene from ``pov``'s point of view, about ``n_words`` long."""
    pov_name, pov_pronoun = pov
    other_name, other_pronoun = other
    first, other_first = pov_name.split()[0], other_name.split()[0]
    place = rng.choice(PLACES)
    paragraphs = [
        f"{first} had come to the {place} early. {rng.choice(WEATHER)} "
        f"{_SUBJECT[pov_pronoun].capitalize()} felt {rng.choice(FEELINGS)}."
    ]
    paragraphs.append(
        f"{other_first} was already there, {PARTNER_WORD[other_pronoun]} of {first} "
        f"for almost a year now, and {_SUBJECT[other_pronoun]} {rng.choice(ACTIONS)}."
    )
    count = sum(len(p.split()) for p in paragraphs)
    while count < n_words:
        speaker, listener = rng.sample([pov, other, rng.choice(cast)], 2)
        if speaker == listener:
            continue
        s_first, l_first = speaker[0].split()[0], listener[0].split()[0]
        line = rng.choice(LINES)
        style = rng.randrange(4)
        if style == 0:
            paragraph = f'"{_before_tag(line)}" {s_first} said to {l_first}.'
        elif style == 1:
            verb = "asked" if line.endswith("?") else "said"
            paragraph = (
                f'{s_first} {rng.choice(ACTIONS)}. "{_before_tag(line)}" '
                f"{_SUBJECT[speaker[1]]} {verb}, not looking at {l_first}."
            )
        elif style == 2:
            paragraph = f'{s_first} turned to {l_first}. "{line}"'
        else:
            paragraph = (
                f"{first} {rng.choice(ACTIONS)} while {_POSSESSIVE[pov_pronoun]} thoughts drifted "
                f"back to the {rng.choice(PLACES)}. {rng.choice(WEATHER)}"
            )
        truth.quotes += paragraph.count('"') // 2
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    if breakup:
        paragraphs.append(
            f'"{_before_tag(rng.choice(BREAKUP))}" {other_first} told {first}, and the {place} went quiet.'
        )
        truth.quotes += 1
    return "\n\n".join(paragraphs)


def _work(rng: random.Random, index: int, n_words: int) -> tuple[WorkTruth, list[list[str]]]:
    """The truth and the chapters (lists of scene texts) of one work."""
    fandom = rng.choice(sorted(FANDOMS))
    cast = FANDOMS[fandom]
    pair = rng.sample(cast, 2)
    truth = WorkTruth(
        file="",
        fandom=fandom,
        format="",
        title=f"{rng.choice(PLACES).title()} No. {index}",
        author=rng.choice(AUTHORS),
        pairing=[p[0] for p in pair],
        characters=[c[0] for c in cast],
        breakup=rng.random() < 0.25,
    )
    n_chapters = 1 if n_words < 600 else rng.randint(1, 3)
    n_scenes = max(1, min(3, n_words // 150))
    per_scene = max(40, n_words // (n_chapters * n_scenes))
    chapters = []
    for chapter in range(n_chapters):
        scenes = []
        for scene in range(n_scenes):
            pov, other = pair if scene % 2 == 0 else pair[::-1]
            last = chapter == n_chapters - 1 and scene == n_scenes - 1
            scenes.append(_scene(rng, cast, pov, other, per_scene, truth.breakup and last, truth))
        chapters.append(scenes)
    return truth, chapters


def _as_text(truth: WorkTruth, chapters: list[list[str]], rating: str) -> str:
    head = (
        f"{truth.title}\nby {truth.author}\n\nFandom: {truth.fandom}\nRating: {rating}\n"
        f"Pairing: {'/'.join(truth.pairing)}\n\n"
        f"Disclaimer: I don't own {truth.fandom}; its characters belong to their creators.\n\n"
        "A/N: Thank you for reading, comments make my day!\n\n"
    )
    body = []
    for number, scenes in enumerate(chapters, 1):
        body.append(f"Chapter {number}\n\n" + "\n\n* * *\n\n".join(scenes))
    return head + "\n\n".join(body) + "\n\nA/N: More soon, I promise.\n"


def _as_ao3_html(truth: WorkTruth, chapters: list[list[str]], rating: str) -> str:
    e = html.escape

    def tag_list(values: list[str]) -> str:
        return ", ".join(f'<a rel="tag" href="#">{e(v)}</a>' for v in values)

    meta = (
        f"<dt>Rating:</dt><dd>{tag_list([rating])}</dd>"
        f"<dt>Fandom:</dt><dd>{tag_list([truth.fandom])}</dd>"
        f"<dt>Relationship:</dt><dd>{tag_list(['/'.join(truth.pairing)])}</dd>"
        f"<dt>Characters:</dt><dd>{tag_list(truth.pairing)}</dd>"
        f"<dt>Additional Tags:</dt><dd>{tag_list(['Fluff', 'Angst' if truth.breakup else 'Slow Burn'])}</dd>"
        f"<dt>Language:</dt><dd>English</dd>"
    )
    parts = [
        f'<!DOCTYPE html>\n<html><head><meta charset="UTF-8"/><title>{e(truth.title)} - '
        f"{e(truth.author)} - {e(truth.fandom)}</title></head><body>",
        f'<div id="preface"><div class="meta"><dl class="tags">{meta}</dl>',
        f"<h1>{e(truth.title)}</h1>",
        f'<div class="byline">by <a rel="author" href="#">{e(truth.author)}</a></div>',
        f'<p>Notes</p><blockquote class="userstuff"><p>Disclaimer: I don\'t own {e(truth.fandom)}.</p>'
        "</blockquote></div></div>",
        '<div id="chapters" class="userstuff">',
    ]
    for number, scenes in enumerate(chapters, 1):
        paragraphs = "<p>* * *</p>".join("".join(f"<p>{e(p)}</p>" for p in s.split("\n\n")) for s in scenes)
        parts.append(
            f'<div class="meta group"><h2 class="heading">Chapter {number}</h2></div>'
            f'<div class="userstuff">{paragraphs}</div>'
        )
    parts.append(
        '</div><div id="afterword"><p>End Notes</p><blockquote class="userstuff">'
        "<p>More soon, I promise.</p></blockquote></div></body></html>\n"
    )
    return "\n".join(parts)


def synthetic_text(n_words: int, seed: int = 0) -> str:
    """One plain-text synthetic work of about ``n_words`` words."""
    rng = random.Random(seed)
    truth, chapters = _work(rng, 1, n_words)
    return _as_text(truth, chapters, RATINGS[1])


def write_corpus(
    directory: str | Path,
    works: int,
    seed: int = 0,
    words: int = 3300,
    html_share: float = 0.3,
    duplicate_share: float = 0.05,
) -> list[WorkTruth]:
    """Write ``works`` distinct works (plus duplicates) of about ``words`` words into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truths: list[WorkTruth] = []
    with (out / "truth.jsonl").open("w", encoding="utf-8") as manifest:
        for index in range(1, works + 1):
            n_words = max(60, int(rng.gauss(words, words / 4)))
            truth, chapters = _work(rng, index, n_words)
            rating = rng.choice(RATINGS)
            as_html = rng.random() < html_share
            truth.format = "html" if as_html else "txt"
            truth.file = f"work-{index:05d}.{truth.format}"
            content = (_as_ao3_html if as_html else _as_text)(truth, chapters, rating)
            truth.words = sum(len(s.split()) for c in chapters for s in c)
            (out / truth.file).write_text(content, encoding="utf-8")
            _record(manifest, truth, truths)
            if rng.random() < duplicate_share:
                copy = WorkTruth(
                    **{**asdict(truth), "file": f"copy-of-{truth.file}", "duplicate_of": truth.file}
                )
                (out / copy.file).write_bytes((out / truth.file).read_bytes())
                _record(manifest, copy, truths)
    return truths


def _record(manifest: TextIO, truth: WorkTruth, truths: list[WorkTruth]) -> None:
    manifest.write(json.dumps(asdict(truth)) + "\n")
    truths.append(truth)

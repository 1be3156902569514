"""Cue reading next to a quote: speech tags before and after, possessive tags, descriptions, beats."""

from __future__ import annotations

import re

import pytest

from ficlens.attribution.cues import (
    Mentions,
    NameIndex,
    QuoteCues,
    bound_by_pronoun,
    read_cues,
)
from ficlens.lexicon import person_word_genders

CAST = {"c1": ["Maren"], "c2": ["Oskar"], "c3": ["Lady Vane"], "c4": ["The Gull"]}
GENDERS = {"c1": "she", "c2": "he", "c3": "she", "c4": "unknown"}


def _cues(text: str, which: int = 0, lead_in: bool = False, unmatched: tuple[str, ...] = ()) -> QuoteCues:
    """Read the cues of quote ``which``; every cast name is a mention except those in ``unmatched``."""
    spans = sorted((m.start(), m.end(), character) for character, names in CAST.items() for name in names
                   if name not in unmatched for m in re.finditer(re.escape(name), text))
    mentions = Mentions([s for s, _, _ in spans], [e for _, e, _ in spans], [c for _, _, c in spans])
    names = NameIndex(CAST, GENDERS)  # type: ignore[arg-type]
    quotes = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    start, end = quotes[which]
    index = next(i for i, (a, b) in enumerate(paragraphs) if a <= start < b)
    before, after = paragraphs[index]
    before = max([before] + [e for s, e in quotes if before <= e <= start])
    after = min([after] + [s for s, e in quotes if end <= s < after])
    previous_end = paragraphs[index - 1][1] if index else None
    return read_cues(text, mentions, start, end, before, after, person_word_genders(),
                     lambda phrase: names.resolve(phrase, {}), previous_end if lead_in else None)


@pytest.mark.parametrize(("text", "which", "kind", "character", "written"), [
    ('"Hold the door," said Maren.', 0, "name", "c1", "Maren"),
    ('"We are nearly there," Oskar was saying.', 0, "name", "c2", "Oskar"),
    ('"Not again," Maren had said, and laughed.', 0, "name", "c1", "Maren"),
    ('"Stop that," broke in Oskar.', 0, "name", "c2", "Oskar"),
    ('"Wait for me!" cried out Maren.', 0, "name", "c1", "Maren"),
    ('"Certainly not," was Maren s quick answer.', 0, "name", "c1", "Maren"),
    ('"Certainly not," was Oskar\'s answer.', 0, "name", "c2", "Oskar"),
    ('Oskar, who had waited all day, turned to Maren and said, "Finally."', 0, "name", "c2", "Oskar"),
    ('It went quiet until Maren, looking up from the map, said, "North."', 0, "name", "c1", "Maren"),
    ('Nobody spoke; and Oskar, after a while, then added softly, "Later."', 0, "name", "c2", "Oskar"),
    ('"Knock first," said Oskar, tapping the glass. "Nobody answers otherwise."', 1, "name", "c2", "Oskar"),
    ('Maren nodded so hard that the Gull said, "Careful."', 0, "name", "c4", "the Gull"),
    ('"Low tide," sighed the weary Oskar.', 0, "name", "c2", "Oskar"),
    ('The gate creaked, and the room was quiet until thus greeted by Oskar, "Evening."', 0, "name", "c2",
     "Oskar"),
    ('Oskar cut the story short with: "Enough of that."', 0, "name", "c2", "Oskar"),
    ('"Take the oars," was the advice of Maren.', 0, "name", "c1", "Maren"),
    ('From the hall came Maren\'s voice: "Dinner is cold."', 0, "name", "c1", "Maren"),
    ('She set the net down when Oskar, wiping his hands, said, "Ready."', 0, "name", "c2", "Oskar"),
    ('Maren waved, and called out, "Over here!" Oskar groaned.', 0, "name", "c1", "Maren"),
    ('"Row harder," said the voice of Oskar from the stern.', 0, "name", "c2", "Oskar"),
    ('"Do not leave me," called the cracked voice of Oskar.', 0, "name", "c2", "Oskar"),
    ('He sat down before Maren took his arm, swung round with a cheerful "Goodnight, all."', 0, "name", "c1",
     "Maren"),
    ('She had barely spoken when Oskar stood, turned to the door with a curt "Enough."', 0, "name", "c2",
     "Oskar"),
    ('At last Maren made the plain inquiry of-- "Who steers?"', 0, "name", "c1", "Maren"),
    ('Lady Vane, who had been watching Oskar and Maren, now observed, "They argue."', 0, "name", "c3",
     "Lady Vane"),
    ('The tide turned; and soon afterwards Oskar, drawing near Maren, said to her, "Now."', 0, "name", "c2",
     "Oskar"),
    # a phrase with no subject between: the participle goes on from the clause "when" opens
    ('Oskar was still mending the net when Maren came in, wet from the boat, calling out, "Ahoy!"', 0, "name",
     "c1", "Maren"),
    ('Oskar thought grimly, "She will never row," and Maren thought, "He will never ask."', 0, "name", "c2",
     "Oskar"),
    ('Oskar thought grimly, "She will never row," and Maren thought, "He will never ask."', 1, "name", "c1",
     "Maren"),
    # a gerund with an owner: whose speech it is, not the sentence's subject
    ('She began to plead, but was stopped by Oskar\'s saying with a frown, "No."', 0, "name", "c2", "Oskar"),
    ('She was stopped by Oskar s saying, quite gently, "Not yet."', 0, "name", "c2", "Oskar"),
    ('She never left without Maren\'s giving a long sigh, and saying, "Come back soon."', 0, "name", "c1",
     "Maren"),
    # the present tense
    ('"Lady Vane," Oskar groans.', 0, "name", "c2", "Oskar"),
    ('"Go," Maren mutters, and Oskar nods.', 0, "name", "c1", "Maren"),
])
def test_attribution_cues_tag_names_the_speaker(text: str, which: int, kind: str, character: str,
                                                written: str) -> None:
    tag = _cues(text, which, unmatched=("The Gull",)).tag
    assert tag is not None
    assert (tag.kind, tag.character) == (kind, character)
    assert text[tag.start:tag.end] == written


@pytest.mark.parametrize(("text", "written", "gender"), [
    ('"Sit down," said the old woman quietly.', "the old woman", "she"),
    ('"Go home," said her brother, without turning.', "her brother", "he"),
    ('"Enough," said his lady.', "his lady", "she"),
    ('"Too late," the stouter man replied.', "the stouter man", "he"),
    ('"No," was the tired man\'s answer.', "the tired man", "he"),
    ('"Hush," said the elderly lady softly.', "the elderly lady", "she"),
    # no gender of its own: a reflexive in its sentence gives one, a later sentence's does not
    ('"Fine," muttered the redhead to herself.', "the redhead", "she"),
    ('"Fine," said the redhead. Nobody moved; the man shook himself.', "the redhead", "unknown"),
    # after the verb: someone unseen, someone of a group, or one capitalised word that names nobody
    ('"Who is there?" called a voice from the loft.', "a voice", "unknown"),
    ('"Open up," whispered a gruff man\'s voice close to the door.', "a gruff man's voice", "he"),
    ('"Hush," said a sweet female voice.', "a sweet female voice", "she"),
    ('"Too dear," said one of the women.', "one of the women", "she"),
    ('"Rubbish," said another, and left.', "another", "unknown"),
    ('"Quiet!" shouted someone.', "someone", "unknown"),
    ('"Tea?" asked the Englishman.', "the Englishman", "he"),
    ('"Ten points," drawled the Slytherin.', "the Slytherin", "unknown"),
    ('"Well, well," quoth the old sailor.', "the old sailor", "unknown"),
    ('"He lies," said the old lord.', "the old lord", "he"),  # ranks of the court carry their gender
    ('"Kneel," said the empress.', "the empress", "she"),
    ('"Welcome," said the young hostess.', "the young hostess", "she"),
    ('"The carriage, sir," said the coachman.', "the coachman", "he"),
    ('"Hush now," said the governess.', "the governess", "she"),
    # ... and right before the verb
    ('"Who is there?" a voice called from the loft.', "a voice", "unknown"),
    ('"Stop," the Inspector said.', "the Inspector", "unknown"),
    ('"Again?" Someone laughed and said it.', "Someone", "unknown"),
    # ... or opening the clause of a verb before the quote, not a name of the clauses before it
    ('Oskar was at the door, Maren behind him, when someone at the back called out, "Wait!"', "someone",
     "unknown"),
    ('Oskar nodded. It went quiet, until a voice from the loft asked, "And the nets?"', "a voice", "unknown"),
    ('Oskar had turned to go, Maren with him, as the old woman said, "Sit."', "the old woman", "she"),
])
def test_attribution_cues_description_tag_keeps_its_gender(text: str, written: str, gender: str) -> None:
    tag = _cues(text).tag
    assert tag is not None and tag.kind == "description" and tag.character is None
    assert text[tag.start:tag.end] == written
    assert tag.gender == gender


@pytest.mark.parametrize(("text", "written", "gender"), [
    ('"Never," was his reply.', "his", "he"),
    ('"Not today," said she.', "she", "she"),
    ('Maren had begun to answer when she was interrupted by his saying, "Stop."', "his", "he"),
])
def test_attribution_cues_pronoun_tags(text: str, written: str, gender: str) -> None:
    tag = _cues(text).tag
    assert tag is not None and tag.kind == "pronoun"
    assert text[tag.start:tag.end] == written and tag.gender == gender


@pytest.mark.parametrize("text", [
    '"Fine." Then, while Oskar laughed, nobody moved.',  # the verb belongs to a "while" clause
    '"Fine," and she rowed on, and warned Oskar twice.',  # a name after a later verb is its object
    '"In reply to that," she began; no.',  # a quote opening the text has nothing before it
    '"Nothing at all."',
    # a present-tense tag verb that is a noun here ("hard sobs", "hear whispers")
    '"Enough." Oskar shook with hard sobs.',
    '"Enough," but Oskar did not speak; he only shook with hard sobs.',
    '"Stay." Oskar could only hear whispers.',
])
def test_attribution_cues_no_tag_for_other_clauses(text: str) -> None:
    tag = _cues(text).tag
    assert tag is None or tag.character != "c2"


@pytest.mark.parametrize("text", [
    '"Stay," Maren said one thing and meant another.',  # "one thing" is no one
    '"Stay," she repeated the question.',
    '"Stay," she raised her voice.',
])
def test_attribution_cues_a_thing_after_the_verb_describes_nobody(text: str) -> None:
    tag = _cues(text).tag
    assert tag is None or tag.kind != "description"


def test_attribution_cues_previous_paragraph_introduces_the_quote() -> None:
    text = 'Maren put down her cup and began again.\n\n"As I was saying, the tide turns at six."'
    tag = _cues(text, lead_in=True).tag
    assert tag is not None and tag.character == "c1" and text[tag.start:tag.end] == "Maren"


def test_attribution_cues_a_verb_with_its_own_object_introduces_no_quote() -> None:
    """"...and he said it the way other men said amen." ends a paragraph: what was said is named,
    so the next paragraph's line is not introduced by it."""
    text = 'Oskar was a quiet man, and he said it the way other men said amen.\n\n"Not yet."'
    assert _cues(text, lead_in=True).tag is None


@pytest.mark.parametrize("text", ['While Maren packed, Oskar paced the room. "We leave at dawn."',
                                  'Maren packed. Then Oskar paced the room. "We leave at dawn."',
                                  'Maren packed, and Lady Vane slept. But Oskar paced. "We leave at dawn."'])
def test_attribution_cues_beat_after_an_opening_clause(text: str) -> None:
    """The subject after an opening clause or a connective ("Then", "But") is the beat's."""
    beat = _cues(text).beat
    assert beat is not None and beat.character == "c2" and text[beat.start:beat.end] == "Oskar"


@pytest.mark.parametrize(("text", "subject"), [
    ('Maren smiled. It was not a nice smile. "Then I carry you."', "Maren"),
    ('Maren smiled. Oskar frowned. "Then I carry you."', "Oskar"),
    ('Maren smiled. The lamp went out. "Then I carry you."', None),  # a thing is no one's beat
])
def test_attribution_cues_beat_before_a_comment_on_it(text: str, subject: str | None) -> None:
    """A sentence about the one before ("It was not a nice smile.") leaves the beat to that one."""
    beat = _cues(text).beat
    assert (text[beat.start:beat.end] if beat else None) == subject


@pytest.mark.parametrize(("text", "subject"), [
    ('Her brother Oskar leaned out of the door. "We leave at dawn."', "Oskar"),
    ('My best friend Maren shrugged. "We leave at dawn."', "Maren"),
    ('Her friendship with Maren was old. "We leave at dawn."', None),  # no person word before the name
])
def test_attribution_cues_beat_of_a_name_after_a_person_word(text: str, subject: str | None) -> None:
    beat = _cues(text).beat
    assert (text[beat.start:beat.end] if beat is not None and beat.kind == "name" else None) == subject


@pytest.mark.parametrize(("text", "gender"), [('"You are late," I tell her.', "I"),
                                              ('"Fine," they sigh, and sit down.', "they"),
                                              ('"Fine," we groan together.', "I")])
def test_attribution_cues_plain_present_tag_after_its_subject(text: str, gender: str) -> None:
    tag = _cues(text).tag
    assert tag is not None and tag.kind == "pronoun" and tag.gender == gender


@pytest.mark.parametrize("text", ['"Fine." There was a long sigh from the sofa.',
                                  '"Tell me." Oskar tell the truth.'])
def test_attribution_cues_plain_present_verb_needs_its_subject(text: str) -> None:
    assert _cues(text).tag is None


@pytest.mark.parametrize("text", ['"Maren-chan, you worry too much."', '"You worry too much, Maren-senpai."'])
def test_attribution_cues_vocative_with_an_honorific(text: str) -> None:
    assert _cues(text).vocatives == ["c1"]


@pytest.mark.parametrize(("text", "called"), [
    ('"And Maren\u2014"', ["c1"]),  # cut off as she is called
    ('"So Maren, the nets."', ["c1"]),
    ('"And Maren is late."', []),  # talked about
    ('"The tide is out. Maren, fetch the nets."', ["c1"]),  # a sentence that opens by calling her
    ('"We were late again. Lady Vane, you must forgive us."', ["c3"]),
    ('"He means well. Maren, I dare say, will not agree."', []),  # an aside: she is talked about
    ('"It is settled. Oskar, he says, will row."', []),
    ('"It is settled. Oskar, who rows best, goes first."', []),
    ('"It is settled. Oskar will row."', []),
])
def test_attribution_cues_name_calling_at_a_sentence_start(text: str, called: list[str]) -> None:
    assert _cues(text).vocatives == called


def test_attribution_cues_vocatives_and_beats() -> None:
    text = 'Oskar shrugged. "Maren, you worry too much."'
    cues = _cues(text)
    assert cues.vocatives == ["c1"] and cues.named_inside == ["c1"]
    beat = cues.beat
    assert beat is not None and beat.character == "c2" and text[beat.start:beat.end] == "Oskar"


@pytest.mark.parametrize(("text", "phrase", "gender"), [
    ('The blond laughed despite himself. "Fine."', "The blond", "unknown"),
    ('The taller boy sighed. "Fine."', "The taller boy", "he"),
    ('"Fine." The redhead shrugged.', "The redhead", "unknown"),
    ('The man laughed. "Fine."', None, None),  # anyone at all: no beat
    ('When she had gone, the blond looked at the piano. "Fine."', "the blond", "unknown"),  # after a clause
])
def test_attribution_cues_epithet_beats(text: str, phrase: str | None, gender: str | None) -> None:
    beat = _cues(text).beat
    if phrase is None:
        assert beat is None
    else:
        assert beat is not None and beat.kind == "description" and text[beat.start:beat.end] == phrase
        assert beat.gender == gender


@pytest.mark.parametrize(("text", "to_group"), [
    ('Maren turned to the others with a quick "We leave at dawn."', True),
    ('"We leave at dawn," Oskar told the room.', True),
    ('"We leave at dawn," Oskar said to everyone, and left. Maren followed.', True),
    ('Maren spoke to the others. Then she turned to Oskar. "We leave at dawn."', False),
    ('"We leave at dawn," said Oskar. He turned to the others.', False),
])
def test_attribution_cues_said_to_a_group(text: str, to_group: bool) -> None:
    assert _cues(text).to_group is to_group


def test_attribution_cues_title_alone_links_no_character() -> None:
    names = NameIndex(CAST, GENDERS)  # type: ignore[arg-type]
    assert names.resolve("his lady", {}) is None
    assert names.resolve("Lady Vane", {}) == "c3"
    assert names.resolve("the Gull", {}) == "c4"


def test_attribution_cues_description_is_all_of_a_name() -> None:
    names = NameIndex({"c1": ["the gentleman in the grey coat"], "c2": ["Mr. Pell"]},
                      {"c1": "he", "c2": "he"})
    assert names.resolve("the gentleman", {}) is None  # any gentleman, not the one in the grey coat
    assert names.resolve("the gentleman in the grey coat", {}) == "c1"
    assert names.resolve("Pell", {}) == "c2"  # a name may be part of one


def test_attribution_cues_role_title_names_the_one_who_wears_it() -> None:
    """ "the professor" is Professor Vane, the story's one Professor; "the captain", of two
    captains, the one named last; "the doctor" with no Doctor in the story is nobody."""
    names = NameIndex({"c1": ["Professor Vane", "Vane"], "c2": ["Captain Oduya"], "c3": ["Capt. Marsh"],
                       "c4": ["Hazel"]}, {"c1": "she", "c2": "he", "c3": "she", "c4": "she"})
    assert names.resolve("the professor", {}) == "c1"
    assert names.resolve("the captain", {"c2": 10, "c3": 40}) == "c3"
    assert names.resolve("the captain", {}) is None
    assert names.resolve("the doctor", {}) is None


def test_attribution_cues_description_tag_is_the_mention_there() -> None:
    """The characters stage may give "the doctor" of one chapter to Doctor Harrow: the tag follows."""
    text = '"Sit down," said the doctor.'
    start = text.index("the doctor")
    mentions = Mentions([start], [start + len("the doctor")], ["c2"])
    names = NameIndex({"c1": ["The Doctor"], "c2": ["Doctor Harrow"]}, {"c1": "he", "c2": "he"})
    cues = read_cues(text, mentions, 0, text.index(",") + 2, 0, len(text), person_word_genders(),
                     lambda phrase: names.resolve(phrase, {}), None)
    assert cues.tag is not None and cues.tag.character == "c2"


@pytest.mark.parametrize(("text", "start", "end"), [("", 0, 0), ('"', 0, 1), ('""', 0, 2), ("\n\n", 1, 2)])
def test_attribution_cues_degenerate_input_reads_no_cues(text: str, start: int, end: int) -> None:
    cues = read_cues(text, Mentions([], [], []), start, end, 0, len(text), person_word_genders(),
                     lambda phrase: None, 0 if text else None)
    assert cues.tag is None and cues.beat is None and cues.vocatives == []


@pytest.mark.parametrize(("text", "bound"), [
    ("He pulled away from Oskar.", ["c2"]),  # a "he" and a man after it: someone else
    ("She passed Oskar the net.", []),  # a woman's pronoun says nothing about a man
    ("Oskar sighed. He knew.", []),  # the name before the pronoun, in another sentence
    ("When he turned, Oskar was gone. Maren laughed.", ["c2"]),
    ('"He is late," said Oskar.', []),  # the pronoun is inside a quote
])
def test_attribution_cues_bound_by_pronoun(text: str, bound: list[str]) -> None:
    spans = sorted((m.start(), m.end(), character) for character, names in CAST.items() for name in names
                   for m in re.finditer(re.escape(name), text))
    mentions = Mentions([s for s, _, _ in spans], [e for _, e, _ in spans], [c for _, _, c in spans])
    assert bound_by_pronoun(text, mentions, GENDERS, 0, len(text)) == bound


def test_attribution_cues_who_someone_looks_at_before_a_line() -> None:
    """"He looked at Oskar for a long moment." before a line: it is said to Oskar (not to one only
    named, nor to one who looks)."""
    from ficlens.attribution.cues import looked_at

    text = 'Maren stood up. He looked at Oskar for a long moment, then turned towards Lady Vane. "Well?"'
    spans = sorted((m.start(), m.end(), c) for c, names in CAST.items() for n in names
                   for m in re.finditer(re.escape(n), text))
    mentions = Mentions([s for s, _, _ in spans], [e for _, e, _ in spans], [c for _, _, c in spans])
    assert looked_at(text, mentions, 0, text.index('"')) == ["c2", "c3"]


@pytest.mark.parametrize(("text", "kind", "character", "gender"), [
    ('I heard him throw his keys on the table. "You waited up."', "pronoun", None, "he"),
    ('She could hear Oskar pacing in the hall. "Sit down, will you."', "name", "c2", "unknown"),
    ('I listened to her fill the kettle. "Tea?"', "pronoun", None, "she"),
    ('I heard the door. "Who is it?"', "pronoun", None, "I"),  # no one heard: the listener's own line
])
def test_attribution_cues_a_beat_that_hears_someone_is_theirs(text: str, kind: str, character: str | None,
                                                                gender: str) -> None:
    """"I heard him throw his keys down." before a line: the one heard is at it, not the listener
    (a child narrating a quarrel she overhears)."""
    beat = _cues(text).beat
    assert beat is not None and (beat.kind, beat.character, beat.gender) == (kind, character, gender)


def test_attribution_cues_an_inverted_tag_says_to_whom() -> None:
    """"said Lady Vane to Oskar": the line is said to Oskar, as in "Lady Vane said to Oskar"."""
    for text in ('"The post is late," said Lady Vane to Oskar.', '"Late," Lady Vane said to Oskar.'):
        tag = _cues(text).tag
        assert tag is not None and (tag.character, tag.addressee) == ("c3", "c2")

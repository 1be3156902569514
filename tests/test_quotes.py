"""Tests for ficlens.quotes: finding quotations and telling their kind."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ficlens.model import Chapter, Note, Paragraph, Quote, StoryWorld
from ficlens.quotes import find_quotes

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


def _world(text: str) -> StoryWorld:
    """One chapter; each non-blank line a paragraph."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ends = [start + len(line) for start, line in zip(starts, text.split("\n"), strict=True)]
    paragraphs = [Paragraph(start=a, end=b) for a, b in zip(starts, ends, strict=True) if text[a:b].strip()]
    return StoryWorld(text=text, chapters=[Chapter(index=0, start=0, end=len(text))], paragraphs=paragraphs)


def _quotes(text: str) -> list[Quote]:
    world = find_quotes(_world(text))
    for quote in world.quotes:
        opening = text[quote.start] in "\"'\u201c\u2018\u201e\u00ab\u2014\u2013-"  # or a dialogue dash
        assert opening or quote.continues or quote.evidence  # carried parts, chats and italics have none
        assert quote.text in text[quote.start:quote.end]
    return world.quotes


def _texts(text: str) -> list[str]:
    return [q.text for q in _quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('"Hello," she said.', ["Hello,"]),
    ("\u201cHello,\u201d she said. \u201cAnd goodbye.\u201d", ["Hello,", "And goodbye."]),
    ('He looked up.\n\n"Is it raining?"\n\n"No."', ["Is it raining?", "No."]),
    ('"Mind the step" he warned.', ["Mind the step"]),
    ("\u00abAllons-y,\u00bb said Luc. \u201eJa,\u201d said Uwe.", ["Allons-y,", "Ja,"]),
])
def test_quotes_double_marks(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotes_span_includes_marks() -> None:
    text = 'Pip smiled. "Ready when you are," she said.'
    (quote,) = _quotes(text)
    assert text[quote.start:quote.end] == '"Ready when you are,"'
    assert quote.text == "Ready when you are,"
    assert (quote.id, quote.kind, quote.paragraph) == ("q1", "speech", 0)


def test_quotes_split_by_tag_continues() -> None:
    quotes = _quotes('"No," he said, "not yet."')
    assert [q.text for q in quotes] == ["No,", "not yet."]
    assert [q.continues for q in quotes] == [None, "q1"]


@pytest.mark.parametrize("text", [
    '"He did," Sunny said, at the exact moment Dele said, "She did."',
    '"Left," said Maren, and Oskar shouted, "Right!"',
])
def test_quotes_two_tags_between_parts_are_two_speakers(text: str) -> None:
    """A tag for each part, each with its own subject: the second part is a new speaker's."""
    assert [q.continues for q in _quotes(text)] == [None, None]


def test_quotes_one_speaker_tagged_twice_still_continues() -> None:
    assert [q.continues for q in _quotes('"No," he said, and then he added, "not yet."')] == [None, "q1"]


def test_quotes_separate_speeches_do_not_continue() -> None:
    text = '"Tea?" asked Rolf. He went to the stove and filled the kettle to the brim. "Or coffee?"'
    assert [q.continues for q in _quotes(text)] == [None, None]


@pytest.mark.parametrize("text, expected", [
    ("'Come in,' said Ann. 'Don't mind the dogs' bowls or the boys' coats.'\n\n"
     "'It's nearly six o'clock,' he said. 'Tell 'em to wait.'",
     ["Come in,", "Don't mind the dogs' bowls or the boys' coats.", "It's nearly six o'clock,",
      "Tell 'em to wait."]),
    ("He said, 'I'm off,' and left. 'Tis late, and the lads' boots are wet.", ["I'm off,"]),
    ("\u2018Where to?\u2019 asked Ann.\n\n\u2018The lake \u2019cause it\u2019s warm,\u2019 said Bo.",
     ["Where to?", "The lake \u2019cause it\u2019s warm,"]),
])
def test_quotes_british_single_marks(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotes_nested_quotes_stay_inside() -> None:
    text = "\"She told me 'never again' and left,\" said Ann. 'Tis late, and the lads' boots are wet."
    assert _texts(text) == ["She told me 'never again' and left,"]


def test_quotes_nested_same_marks_stay_inside() -> None:
    text = '"I tried to say "good evening" but it came out wrong," Noor admitted.'
    assert _texts(text) == ['I tried to say "good evening" but it came out wrong,']


def test_quotes_multi_paragraph_speech() -> None:
    text = ('"The first thing you must know is the river.\n\n'
            '"The second is the ferry.\n\n'
            '"And the third is me."\n\n'
            "Nobody answered.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["The first thing you must know is the river.",
                                        "The second is the ferry.", "And the third is me."]
    assert [q.continues for q in quotes] == [None, "q1", "q2"]
    assert [q.paragraph for q in quotes] == [0, 1, 2]


def test_quotes_unbalanced_mark_closes_at_paragraph_end() -> None:
    text = ('"Wait for me, he called.\n\nThe bus left without him. Nobody looked back.\n\n'
            '"Too late," said Sal.')
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Wait for me, he called.", "Too late,"]
    assert quotes[0].end == text.index("\n\n")
    assert quotes[1].continues is None


def test_quotes_unbalanced_mark_before_new_quote() -> None:
    text = '"Wait for me, he called. "Please!" he added.'
    assert _texts(text) == ["Wait for me, he called.", "Please!"]


def test_quotes_run_on_after_line_break() -> None:
    text = ('Ivy stood by the window for a long time, watching the lamps come on one by one along '
            'the street below.\n"I never asked\nfor any of this," she said at last.\nTom did not answer.')
    (quote,) = _quotes(text)
    assert quote.text == "I never asked\nfor any of this,"


def test_quotes_hard_wrapped_text() -> None:
    line = "The wind came off the water in long cold gusts and the boats knocked"
    text = "\n\n".join([f"{line}\ntogether at the quay all through the night.",
                        '"You will catch your death out here," said the harbour master,\n'
                        '"come inside and sit by the stove."',
                        f"{line}\nagainst the posts. Nobody slept."] * 3)
    quotes = _quotes(text)
    assert [q.text for q in quotes[:2]] == ["You will catch your death out here,",
                                            "come inside and sit by the stove."]
    assert len(quotes) == 6


@pytest.mark.parametrize("text, kind", [
    ('"Not again," he thought.', "thought"),
    ('Why now? she wondered. "Why today of all days?"', "thought"),
    ('The sign on the door read, "Closed for lunch."', "written"),
    ('The sign on the chain-link fence said "Keep Out" in red.', "written"),
    ('Painted over the door were the words "Abandon Hope!"', "written"),
    ('"Running late, sorry," she texted.', "written"),
    ('At the bottom of the note he wrote "Back soon."', "written"),
    ("She never replied to his \"good night\" anymore.", "mention"),
    ('The so-called "expert" arrived at noon.', "mention"),
    ('They watched "Moon Harbour" twice that week.', "mention"),
    ('He said "fine" and walked out.', "speech"),
    ('She leaned out and called "Otto!" across the yard.', "speech"),
    ('A dog called "Biscuit" lived next door.', "mention"),
    ('Her aunt, known as "the Admiral," ran the house.', "mention"),
    ('"Fine," he said.', "speech"),
    ('Her phone buzzed on the desk. Dad, again: "Call me back."', "written"),  # a message after a colon
    ('Someone had scrawled on the flap in pencil, in a hand she knew: "Sorry."', "written"),
    ('He set the phone down and looked at her. Then, quietly: "Stay."', "speech"),
    ('The banner on the screen ticked down to "DOCKING IN FIVE" and blinked.', "written"),  # shown
    ('The latest log entry read "Pump three is down."', "written"),
    ('The confirmation said, in bold, "Room 4B: two occupants."', "written"),  # an email's words
    ('Dad was at the grill in an apron that said "Chef on Strike."', "written"),
    ('"STOP!" Mira yelled across the car park.', "speech"),
    ('He yelled "STOP" at the dog.', "speech"),
    ('From the hall came the sound of Ines bellowing, "THE CAKE!"', "speech"),
    ('Under the prices it said, in looping green letters: "Ask us about our day."', "written"),
    ('She held up the sign and said, "Look at this."', "speech"),  # she says it, holding the sign
    ('Under it, in smudged pencil, someone had added "and Ronan".', "written"),  # whatever the verb
    ('Mira wrote the date in red marker and said, "There."', "speech"),
    ('Tom made the poster himself, and it said, in a font that looked angry, "BASSIST WANTED."', "written"),
])
def test_quotes_kind(text: str, kind: str) -> None:
    (quote,) = _quotes(text)
    assert quote.kind == kind


def test_quotes_a_sentence_after_a_quote_that_ended_its_own_is_no_tag_of_it() -> None:
    """'"NO BALL GAMES." Under it, in pencil, someone had added "ever".': "added" tags the second."""
    quotes = _quotes('Someone had pinned up a new sign: "NO BALL GAMES." Under it, in pencil, someone had '
                     'added "ever".')
    assert [q.kind for q in quotes] == ["written", "written"]


def test_quotes_tag_split_phrase_is_speech() -> None:
    quotes = _quotes('"Very well," Ines smiled, "very well" and she left.')
    assert [(q.kind, q.continues) for q in quotes] == [("speech", None), ("speech", "q1")]


def test_quotes_continuation_keeps_kind() -> None:
    quotes = _quotes('"I wonder," he thought, "if she knows."')
    assert [q.kind for q in quotes] == ["thought", "thought"]


def test_quotes_only_inside_chapters_and_not_in_notes() -> None:
    text = ('A/N: "thanks for reading"\n\n"Hi," said Bo.\n\n"Inside note," wrote the author.\n\n'
            'End "notes" here.')
    world = _world(text)
    chapter_end = text.index("\n\nEnd")
    world.chapters = [Chapter(index=0, start=text.index('"Hi'), end=chapter_end)]
    note_start = text.index('"Inside')
    world.notes = [Note(kind="authors_note", start=note_start, end=chapter_end,
                        text=text[note_start:chapter_end], position="inside")]
    assert [q.text for q in find_quotes(world).quotes] == ["Hi,"]


@pytest.mark.parametrize("text", ["", "   \n\n ", '"', '""', "'''", '" " "', "\u201d\u201c", "'em 'tis",
                                  "\u2014\n\u2014\n\u2014\n\u2014 \u2014",
                                  "\u2014a, \u2014\n\u2014:\n--\n-- ,"])
def test_quotes_odd_input_never_crashes(text: str) -> None:
    world = find_quotes(_world(text))
    for quote in world.quotes:
        assert 0 <= quote.start < quote.end <= len(text)


def test_quotes_fixture_chapter() -> None:
    text = (FIXTURES / "chapter.txt").read_text(encoding="utf-8")
    quotes = _quotes(text)
    assert [q.id for q in quotes] == [f"q{i + 1}" for i in range(len(quotes))]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    kinds = {q.text: q.kind for q in quotes}
    assert kinds["Off to the library again?"] == "speech"
    assert kinds["Meet me at the bridge. Come alone."] == "written"
    assert kinds["quick chat"] == "mention"
    assert kinds["This is a terrible idea,"] == "thought"
    continued = [q for q in quotes if q.continues]
    assert any(q.text == "and bring a coat." for q in continued)


def test_quotes_speed_linear() -> None:
    paragraph = ('"Where were you?" asked Dana. "We waited an hour," she added, and Lou, who had '
                 "heard it all before, shrugged. 'Traffic,' he said, which wasn't true.\n\n")
    text = paragraph * 4000  # about 120k words
    world = _world(text)
    started = time.perf_counter()
    find_quotes(world)
    assert time.perf_counter() - started < 3  # a guard against quadratic work, not a speed test (make bench)
    assert len(world.quotes) == 3 * 4000  # 'Traffic,' he said: single quotes with a speech tag speak too


def test_quotes_carried_into_paragraph_that_closes_it() -> None:
    text = ('"Listen to this verse I wrote:\n\n'
            'Low tide, high moon, that is all," said Fen.\n\n'
            "Nobody clapped.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Listen to this verse I wrote:", "Low tide, high moon, that is all,"]
    assert quotes[1].start == text.index("Low") and quotes[1].continues == "q1"


def test_quotes_indented_letter_is_written() -> None:
    dialogue = '"Morning," said Ada.\n\n"Morning," said Bram.\n\n'
    letter = '     "Dear Ada, the boat is sold. Yours, B."'
    text = dialogue * 3 + f"The letter was short.\n\n{letter}\n\nShe folded it."
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["speech"] * 6 + ["written"]


@pytest.mark.shared
def test_quotes_pdnc_novel_recall(pdnc_dir: Path) -> None:
    from ficlens.eval.gold import world_from_gold
    from ficlens.eval.metrics import score
    from ficlens.eval.pdnc import load_novel

    novel = load_novel(pdnc_dir / "PrideAndPrejudice")
    world = world_from_gold(novel)
    world.chapters = [Chapter(index=0, start=0, end=len(world.text))]
    counts = score(novel, find_quotes(world))
    assert counts.detected / counts.quotes >= 0.99
    assert counts.predicted_matching / counts.predicted_quotes >= 0.95


@pytest.mark.parametrize("text", [
    " " * 200_000 + '\n"Hi."',
    'He said "hi" and she said "no, not now" and they left. ' * 4000,
    '"Open and never closed. ' * 8000,
    "'Hi,' she said. 'The lads' boots are wet,' he said. " * 4000,
    "\u2014Hi.\n\u2014Yo.\n\u2014Hm.\n" + "\u2014Ab, he said. Cd, she said: \u2014Ef. " * 6000,
    "\u2014Hi.\n\u2014Yo.\n\u2014Hm.\n" + "\u2014 A, \u2014 said he. \u2014 B. " * 6000,
    "Kurt: hey\nBlaine: hi\n" * 8000,
    "*a " * 50_000 + "\n\n" + "_I am._ " * 20_000 + "\n\n" + "*Oh.* He *so* did. " * 10_000,
    "*Paper boats,*\n*little lights.*\n\n" * 10_000,
], ids=["blank-line", "one-long-line", "unclosed", "single-marks", "dashes-joyce", "dashes", "chat",
        "italics", "verse"])
def test_quotes_pathological_input_stays_linear(text: str) -> None:
    world = _world(text)
    started = time.perf_counter()
    find_quotes(world)
    assert time.perf_counter() - started < 3  # a guard against quadratic work (make bench)


_GRANDMOTHER = (  # dialogue told with dashes, as translations from Russian or Spanish keep it
    "The kitchen was cold.\n"
    "\u2014 You're up early, \u2014 said her grandmother. \u2014 Sit. Eat.\n"
    "\u2014 I couldn't sleep.\n"
    "\u2014 Nobody sleeps here. \u2014 The old woman set down a bowl. \u2014 Your brother was up at four.\n"
    'A note on the fridge said "Back at six".\n'
)


def test_quotes_dash_dialogue_with_dashed_tags() -> None:
    quotes = _quotes(_GRANDMOTHER)
    assert [q.text for q in quotes] == ["You're up early,", "Sit. Eat.", "I couldn't sleep.",
                                        "Nobody sleeps here.", "Your brother was up at four.", "Back at six"]
    first, second = quotes[0], quotes[1]
    assert _GRANDMOTHER[first.start:first.end] == "\u2014 You're up early, \u2014"  # its dashes are its marks
    assert second.continues == first.id and quotes[4].continues == quotes[3].id
    assert quotes[2].continues is None and quotes[5].kind == "written"


def test_quotes_dash_dialogue_tags_without_dashes() -> None:
    text = ("Ada came up behind him.\n"
            "\u2014Thanks, old chap, he said brightly. Switch off the light, will you?\n"
            "\u2014Scutter! he cried. He came over to the railing and looked down.\n"
            "\u2014What is your name? Then Nasty Roche had asked:\n"
            "His mother said: \u2014O, Stephen will apologise.\n")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Thanks, old chap,", "Switch off the light, will you?", "Scutter!",
                                        "What is your name?", "O, Stephen will apologise."]
    assert quotes[1].continues == quotes[0].id and quotes[3].continues is None


def test_quotes_dash_dialogue_needs_dashed_lines_to_outnumber_marks() -> None:
    assert _texts("\u2014 One.\n\u2014 Two.\n") == []  # two dashed lines: a list, not dialogue
    marked = ('"Hi," she said.\n"Hello."\n"Bye."\n"Yes."\n'
              "\u2014 and then nothing.\n\u2014 Nothing at all.\n\u2014 Or so.\n")
    assert _texts(marked) == ["Hi,", "Hello.", "Bye.", "Yes."]


_GROUP_CHAT = (
    "The group chat had been quiet for an hour.\n\n"
    "Mercedes: who ate my pizza\n"
    '**Puck:** define "ate"\n'
    "[10:42] Mercedes: NOAH\n"
    "Santana: he's dead\n\n"
    "Rating: T\nPairing: Kurt/Blaine\n\n"
    "Note: the diner is made up.\n"
)


def test_quotes_chat_lines_are_written_messages_with_their_senders() -> None:
    quotes = find_quotes(_world(_GROUP_CHAT)).quotes
    assert [(q.text, q.kind) for q in quotes] == [
        ("who ate my pizza", "written"), ('define "ate"', "written"), ("NOAH", "written"),
        ("he's dead", "written")]
    senders = [_GROUP_CHAT[e.start:e.end] for q in quotes for e in q.evidence]
    assert senders == ["Mercedes", "Puck", "Mercedes", "Santana"]
    assert all(e.note == "sender" for q in quotes for e in q.evidence)


@pytest.mark.parametrize("text", [
    "Rating: T\nPairing: Kurt/Blaine\nWarnings: none\n",  # a header: labels, no name twice
    "Kurt: the lead\nLima: a town in Ohio\n",  # two lines, no one writes twice, not all first names
    "Mercedes: one\nThen she waited.\nMercedes: two\n",  # narration between: no run
])
def test_quotes_lines_that_are_no_chat(text: str) -> None:
    assert _texts(text) == []


def test_quotes_chat_lines_set_in_italics() -> None:
    text = ("His phone buzzed.\n\n*Blaine: where are you*\n*Blaine: the movie starts in ten*\n"
            "_Kurt: parking. two *minutes*_\n\nHe ran.\n")
    assert _with_senders(text) == [
        ("where are you", "written", "Blaine"), ("the movie starts in ten", "written", "Blaine"),
        ("parking. two *minutes*", "written", "Kurt")]


def _with_senders(text: str) -> list[tuple[str, str, str]]:
    """Each quote's words, kind and the sender its evidence names."""
    return [(q.text, q.kind, text[q.evidence[0].start:q.evidence[0].end]) for q in _quotes(text)]


def test_quotes_single_quotes_with_a_speech_tag_in_a_story_of_double_ones() -> None:
    text = ('"Stop," Rafe said.\n\n"Why?" Gran asked.\n\n"Because."\n\n'
            '\'Don\'t get her started,\' Tilly mouthed at him.\n\n'
            'Gran called it the \'good years,\' and nobody argued.\n')
    assert [(q.text, q.kind) for q in _quotes(text)] == [
        ("Stop,", "speech"), ("Why?", "speech"), ("Because.", "speech"),
        ("Don't get her started,", "speech")]  # the scare quotes stay narration


def test_quotes_a_script_in_quotation_marks_is_speech() -> None:
    text = ('Bram called at two.\n\nOdile: "It\'s two in the morning."\nBram: "I know."\n'
            'Odile: \u201cThen why call?\u201d\n\nShe hung up.\n')
    assert _with_senders(text) == [
        ("It's two in the morning.", "speech", "Odile"), ("I know.", "speech", "Bram"),
        ("Then why call?", "speech", "Odile")]
    marks = [text[q.start] + text[q.end - 1] for q in _quotes(text)]
    assert marks == ['""', '""', "\u201c\u201d"]  # its span holds its marks


def test_quotes_a_chat_quoting_a_word_is_still_typed() -> None:
    text = 'Kurt: did he say "ate"\nPuck: "define ate"\nKurt: you know what\n'
    assert {q.kind for q in _quotes(text) if q.evidence} == {"written"}


def test_quotes_a_sender_s_lone_line_later_is_a_message_too() -> None:
    """Once "Bex" sends in a chat, her line alone after some narration is a message too; "Note:"
    alone is not."""
    text = ("Bex: who took my pan\nBex: it was a good pan\nRufus: no idea\n\nPaloma snorted.\n\n"
            "Bex: RUFUS\n\nNote: the pan was never found.\n")
    assert _texts(text) == ["who took my pan", "it was a good pan", "no idea", "RUFUS"]


def test_quotes_two_chat_lines_of_first_names() -> None:
    text = "Her phone buzzed.\n\nKurt: where are you\nBlaine: on my way\n"
    assert _texts(text) == ["where are you", "on my way"]


def test_quotes_dashed_scene_breaks_are_no_dialogue() -> None:
    text = "\n\n\u2014 \u2014 \u2014\n\n".join(["Kurt walked home.", "Blaine waited.", "Rain.", "End.\n"])
    assert _texts(text) == []


_ITALICS = (
    "Blaine laughed and turned around. *He looks tired,* Kurt thought. *He looks like a kid.*\n"
    '"Did you finish it?" Kurt asked.\n'
    "*Here it comes.*\n"
    "_Why does this sound like goodbye?_\n"
    "He had read the whole of *Vogue* on the train. He was *so* not ready. *This* is the worst part of it.\n"
    "* * *\n"
    "**Puck:** hey\n"
    "*Where are you?* she texted.\n"
    "*Years ago, \"Stay,\" his mother had said, and he had.*\n"
    "*Three years later.*\n"
    "*London, 1944.*\n"
)


def test_quotes_thoughts_in_italics() -> None:
    quotes = _quotes(_ITALICS)
    assert [(q.text, q.kind) for q in quotes] == [
        ("He looks tired,", "thought"), ("He looks like a kid.", "thought"), ("Did you finish it?", "speech"),
        ("Here it comes.", "thought"), ("Why does this sound like goodbye?", "thought"),
        ("Where are you?", "written"), ("Stay,", "speech")]
    first, second = quotes[:2]
    assert _ITALICS[first.start:first.end] == "*He looks tired,*" and second.continues == first.id
    assert [e.note for q in quotes if q.kind == "thought" for e in q.evidence] == ["italics"] * 4


def test_quotes_the_far_side_of_a_phone_call_in_italics_is_speech() -> None:
    """A call told with the caller's lines in italics, one paragraph each, between the near side's
    quoted lines: speech. A lone italic line after a phone buzzes is still a thought."""
    call = ('Marisol swiped to answer and put it on speaker. "What did you do?"\n\n*Hey, it\'s me.*\n\n'
            '"I know it\'s you."\n\n*Why do you always assume I did something?*\n\n'
            '"Because it\'s midnight."\n')
    assert [q.kind for q in _quotes(call)] == ["speech"] * 5
    alone = 'Her phone buzzed again.\n\n*Not again.*\n\n"Who is it?" Sam asked.\n'
    assert [q.kind for q in _quotes(alone)] == ["thought", "speech"]


def test_quotes_lyrics_a_line_at_a_time_in_italics_are_no_thoughts() -> None:
    text = ("Jude sang the first verse.\n\n*Paper boats on the river,*\n*little lights in the rain.*\n\n"
            "*That was good,* Marisol thought.\n\n*Here it comes.*\n")
    assert [(q.text, q.kind) for q in _quotes(text)] == [
        ("That was good,", "thought"), ("Here it comes.", "thought")]


def test_quotes_thoughts_in_italics_of_the_markup() -> None:
    text = "Kurt stared at the ring. He can't be serious. She read Vogue daily."
    world = _world(text)
    thought, title = text.index("He can't"), text.index("Vogue")
    world._italics = [(thought, text.index(" She")), (title, title + len("Vogue"))]
    quotes = find_quotes(world).quotes
    assert [(q.text, q.kind, q.start, q.end) for q in quotes] == [
        ("He can't be serious.", "thought", text.index("He can't"), text.index(" She"))]


def test_quotes_thoughts_in_italics_after_a_beat_split_by_a_tag_or_written() -> None:
    text = ("Draco smiled. *She said yes. She actually said yes.*\n\n"
            "*Later,* he decided. *I will ask him later.*\n\n"
            "Hermione found the note in her book. *Library. Midnight. Come alone.*\n\n"
            "*The summer before, her mother had taken her to the coast and they had walked for hours "
            "along the sand while the gulls cried over the water and the wind pulled at their coats.*\n")
    quotes = _quotes(text)
    assert [(q.text, q.kind) for q in quotes] == [
        ("She said yes. She actually said yes.", "thought"), ("Later,", "thought"),
        ("I will ask him later.", "thought"), ("Library. Midnight. Come alone.", "written")]
    assert quotes[2].continues == quotes[1].id


def test_quotes_thoughts_in_single_quotes_where_dialogue_takes_double() -> None:
    text = ('"Snape let us go." Harry dropped his bag. '
            "'That's never happened,' he thought. 'Something's wrong.'\n\n"
            "'Not really,' Harry thought, but he sat down anyway.\n\n"
            "Ron's chess set was the twins' old one. 'Fine.' He shrugged.\n\n"
            '"White or black?"\n\n"White."\n\n"You always pick white."\n\n"And you always lose."\n')
    quotes = _quotes(text)[:5]
    assert [(q.text, q.kind, [e.note for e in q.evidence]) for q in quotes] == [
        ("Snape let us go.", "speech", []), ("That's never happened,", "thought", ["single quotes"]),
        ("Something's wrong.", "thought", ["single quotes"]), ("Not really,", "thought", ["single quotes"]),
        ("White or black?", "speech", [])]  # 'Fine.' has no thought tag: no quote where dialogue is double
    assert quotes[2].continues == quotes[1].id


def test_quotes_no_thoughts_in_emphasis_of_old_books() -> None:
    text = ("It was _her's_ she thought, and _I_ will not.\n"
            "She wore a _peignoir_.\n"
            'He said, "_Cousin Kate!_ Imagine."\n')
    assert _texts(text) == ["_Cousin Kate!_ Imagine."]

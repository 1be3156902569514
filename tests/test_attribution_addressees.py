"""Addressees on hand-written dialogues: speakers, paragraphs and cues given as attribution leaves them."""

from __future__ import annotations

import pytest

from ficlens.attribution.addressees import set_addressees
from ficlens.attribution.cues import QuoteCues, Tag
from ficlens.model import Quote

# One line per turn: (paragraph, speaker, the quote, vocatives, characters named in its narration).
Line = tuple[int, str | None, str, list[str], list[str]]


def _dialogue(lines: list[Line]) -> tuple[str, list[Quote], list[int], dict[str, QuoteCues]]:
    """The text of the turns (one paragraph per line, empty paragraphs for gaps) and its quotes."""
    text, quotes, paragraphs, cues = "", [], [], {}
    paragraph = 0
    for number, speaker, said, vocatives, named in lines:
        while paragraph < number:
            text += "(narration)\n\n"
            paragraph += 1
        start = len(text)
        text += f'"{said}"\n\n'
        quote = Quote(id=f"q{len(quotes) + 1}", start=start, end=start + len(said) + 2,
                      text=f'"{said}"', speaker=speaker)
        quotes.append(quote)
        paragraphs.append(paragraph)
        cues[quote.id] = QuoteCues(vocatives=vocatives, named_inside=list(vocatives), beat_characters=named)
        paragraph += 1
    return text, quotes, paragraphs, cues


def _addressed(lines: list[Line]) -> list[list[str]]:
    text, quotes, paragraphs, cues = _dialogue(lines)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    set_addressees(quotes, paragraphs, cues)
    return [q.addressees for q in quotes]


@pytest.mark.parametrize(("lines", "expected"), [
    # two voices alternate: each turn is said to the other
    ([(0, "ada", "The kettle is whistling.", [], []),
      (1, "rory", "Then take it off the stove.", [], []),
      (2, "ada", "My hands are full of flour.", [], []),
      (3, "rory", "Fine, I will do it.", [], [])],
     [["rory"], ["ada"], ["rory"], ["ada"]]),
    # a name called in the quote wins over turn-taking
    ([(0, "ada", "Cleo, hand me the ladle.", ["cleo"], []),
      (1, "rory", "She is asleep on the sofa.", [], [])],
     [["cleo"], ["ada"]]),
    # the speaker's own name inside the quote is no addressee
    ([(0, "ada", "Ada always burns the toast, they say.", ["ada"], []),
      (1, "rory", "They are right.", [], [])],
     [["rory"], ["ada"]]),
    # a third voice between two others: both hear it, the more frequent speaker first
    ([(0, "ada", "Who moved my boots?", [], []),
      (1, "rory", "Not me.", [], []),
      (2, "ada", "Somebody did.", [], []),
      (3, "cleo", "They are by the door.", [], []),
      (4, "rory", "Told you.", [], [])],
     [["rory"], ["ada"], ["rory", "cleo"], ["ada", "rory"], ["cleo"]]),
    # a call to a group is heard by every other voice nearby
    ([(0, "ada", "Where is the map?", [], []),
      (1, "rory", "In the car.", [], []),
      (2, "cleo", "No, I packed it.", [], []),
      (3, "ada", "You two never agree on anything.", [], [])],
     [["rory"], ["ada", "cleo"], ["ada", "rory"], ["cleo", "rory"]]),
    # a speech cut by narration: the speaker's own next turn is skipped for the other voice
    ([(0, "ada", "Listen to this.", [], []),
      (1, "ada", "The bridge is closed until spring.", [], []),
      (2, "rory", "Then we take the ferry.", [], [])],
     [["rory"], ["rory"], ["ada"]]),
])
def test_attribution_addressees_turn_taking(lines: list[Line], expected: list[list[str]]) -> None:
    assert _addressed(lines) == expected


def test_attribution_addressees_narration_turning_to_a_group() -> None:
    """'Ada turned to the others: "..."': every other voice nearby, not only the last one."""
    text, quotes, paragraphs, cues = _dialogue([(0, "ada", "Where is the map?", [], []),
                                                (1, "rory", "In the car.", [], []),
                                                (2, "cleo", "No, I packed it.", [], []),
                                                (3, "ada", "Then we are ready.", [], [])])
    cues["q4"].to_group = True
    set_addressees(quotes, paragraphs, cues)
    assert quotes[3].addressees == ["rory", "cleo"]


@pytest.mark.parametrize(("lines", "expected"), [
    # more than one paragraph between turns: two conversations, nobody to answer
    ([(0, "ada", "Is anyone there?", [], []),
      (4, "rory", "Only the wind.", [], [])],
     [[], []]),
    # a lone speaker is said to whoever its narration names
    ([(0, "ada", "You forgot your scarf again.", [], ["rory"])],
     [["rory"]]),
    # no speaker decided: no addressee
    ([(0, None, "Hello?", [], ["rory"]),
      (1, "rory", "In here.", [], [])],
     [[], []]),
])
def test_attribution_addressees_without_a_partner(lines: list[Line], expected: list[list[str]]) -> None:
    assert _addressed(lines) == expected


def test_attribution_addressees_tagged_pair_when_the_turn_has_no_other_neighbour() -> None:
    _, quotes, paragraphs, cues = _dialogue([(0, "ada", "Did you lock the shed?", [], []),
                                            (1, "rory", "Twice.", [], []),
                                            (2, "ada", "Then who opened it?", [], []),
                                            (3, "ada", "The wind, I suppose.", [], [])])
    quotes[0].type = quotes[1].type = "explicit"  # "said Ada", "said Rory"; the rest untagged
    set_addressees(quotes, paragraphs, cues)
    assert quotes[-1].addressees == ["rory"]


def test_attribution_addressees_a_third_voice_tagged_only_by_pronouns_still_counts() -> None:
    # Priya's lines say "she said"; Leon and Oscar are named in theirs. Before Oscar comes in,
    # Leon talks to Priya, not to the other man the conversation's name tags mention.
    _, quotes, paragraphs, cues = _dialogue([(0, "leon", "Is it supposed to look like that?", [], []),
                                            (1, "priya", "Yes. Go away.", [], []),
                                            (2, "leon", "It looks lumpy.", [], []),
                                            (3, "oscar", "Careful!", [], []),
                                            (4, "leon", "Since when are we making compote?", [], [])])
    for quote in quotes:
        quote.type = "anaphoric" if quote.speaker == "priya" else "explicit"
    cues["q2"].tag = Tag("pronoun", 0, 3, gender="she")
    set_addressees(quotes, paragraphs, cues)
    assert [q.addressees for q in quotes][:2] == [["priya"], ["leon"]]


def test_attribution_addressees_a_third_voice_who_talks_more_than_the_tagged_pair() -> None:
    # A barista's tagged "Usual?" and the reader's untagged replies, then a man who comes in with
    # one tagged line: the barista talks to the reader, who talks more, not to the tagged man.
    _, quotes, paragraphs, cues = _dialogue([(0, "marco", "Usual?", [], []),
                                            (1, "reader", "Please.", [], []),
                                            (2, "marco", "Coming up.", [], []),
                                            (3, "reader", "Thanks.", [], []),
                                            (4, "seb", "Is this seat taken?", [], [])])
    quotes[0].type = quotes[4].type = "explicit"
    set_addressees(quotes, paragraphs, cues)
    assert [q.addressees for q in quotes][:3] == [["reader"], ["marco"], ["reader"]]


def test_attribution_addressees_said_to_tag() -> None:
    _, quotes, paragraphs, cues = _dialogue([(0, "ada", "The lamps are lit.", [], []),
                                            (1, "rory", "Good.", [], [])])
    cues["q1"].tag = Tag("name", 0, 3, character="ada", addressee="cleo")
    set_addressees(quotes, paragraphs, cues)
    assert [q.addressees for q in quotes] == [["cleo"], ["ada"]]


def test_attribution_addressees_continuation_shares_head_cues() -> None:
    text = '"Wait," said Ada, "Cleo, your coat."\n\n"Thanks."'
    head = Quote(id="q1", start=0, end=7, text=text[0:7], speaker="ada")
    tail = Quote(id="q2", start=18, end=36, text=text[18:36], speaker="ada", continues="q1")
    answer = Quote(id="q3", start=38, end=47, text=text[38:47], speaker="cleo")
    assert [q.text for q in (head, tail, answer)] == ['"Wait,"', '"Cleo, your coat."', '"Thanks."']
    head_cues = QuoteCues(named_inside=["cleo"], vocatives=["cleo"])
    set_addressees([head, tail, answer], [0, 0, 1], {"q1": head_cues, "q2": head_cues, "q3": QuoteCues()})
    assert [q.addressees for q in (head, tail, answer)] == [["cleo"], ["cleo"], ["ada"]]


def test_attribution_addressees_empty_and_missing_cues() -> None:
    set_addressees([], [], {})
    quote = Quote(id="q1", start=0, end=4, text='"Hi"', speaker="ada")
    other = Quote(id="q2", start=6, end=11, text='"Yes"', speaker="rory")
    set_addressees([quote, other], [0, 1], {})
    assert (quote.addressees, other.addressees) == (["rory"], ["ada"])


def test_attribution_addressees_a_line_no_turn_answers_is_said_to_whoever_reacts() -> None:
    """A lone line: said to the character whose name opens the next paragraph, not to no one."""
    quote = Quote(id="q1", start=0, end=10, text='"So bored"', speaker="ada")
    set_addressees([quote], [0], {"q1": QuoteCues(beat_characters=["ada"])}, ["cleo"])
    assert quote.addressees == ["cleo"]
    set_addressees([quote], [0], {}, ["ada"])  # her own next paragraph: still no one
    assert quote.addressees == []


def test_attribution_addressees_lone_line_in_a_story() -> None:
    import ficlens

    text = ('The flat was quiet after the rain. Tom had been home all week with Anna.\n\n'
            '"I have not left this sofa since Tuesday," groaned Tom, sinking lower.\n\n'
            'Anna rolled her eyes and went on folding the laundry.\n')
    world = ficlens.analyze(text)
    names = {c.id: c.name for c in world.characters}
    (quote,) = [q for q in world.quotes if q.kind == "speech"]
    assert names[quote.speaker] == "Tom"
    assert [names[a] for a in quote.addressees] == ["Anna"]


@pytest.mark.parametrize(("others", "heard"), [
    ("Nora sat down at the piano. Jude stayed too, watching Nora.", ["Nora"]),  # one woman: "She" is her
    ("Nora and Tess sat down. Jude stayed too, watching Nora and Tess.", []),  # two: either
])
def test_attribution_addressees_lone_line_then_a_pronoun_reacts(others: str, heard: list[str]) -> None:
    import ficlens

    text = (f"The choir room emptied out at four. {others}\n\n"
            '"Play it again," Jude said.\n\n'
            "She rolled her eyes, but she played it.\n")
    world = ficlens.analyze(text)
    names = {c.id: c.name for c in world.characters}
    (quote,) = [q for q in world.quotes if q.kind == "speech"]
    assert names[quote.speaker] == "Jude" and [names[a] for a in quote.addressees] == heard

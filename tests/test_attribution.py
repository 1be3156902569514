"""Quote attribution on hand-written conversations: worlds are built directly (own cast, own quotes)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import ficlens
from ficlens.attribution import (
    CHAT_AUDIENCE,
    Decision,
    _one_person_per_epithet,
    _prepare,
    attribute_quotes,
    voices,
    walk_quotes,
)
from ficlens.attribution.ranker import FEATURES
from ficlens.model import Character, Gender, Quote, Span, StoryWorld

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"


def _world(text: str, cast: dict[str, Gender], narrator: str | None = None) -> StoryWorld:
    """``_unattributed`` with its quotes attributed."""
    return attribute_quotes(_unattributed(text, cast, narrator))


def _unattributed(text: str, cast: dict[str, Gender], narrator: str | None = None) -> StoryWorld:
    """A world over ``text``: one character per cast name (mentions found by regex), quotes per line."""
    characters = []
    for i, (name, gender) in enumerate(cast.items(), 1):
        spans = [Span(start=m.start(), end=m.end(), note=name) for m in re.finditer(rf"\b{name}\b", text)]
        characters.append(Character(id=f"c{i}", name=name, gender=gender, mentions=len(spans),
                                    mention_spans=spans, narrator=name == narrator))
    quotes: list[Quote] = []
    for line in re.finditer(r"[^\n]+", text):
        previous: Quote | None = None
        for m in re.finditer(r'"[^"\n]*"?', line.group()):
            start, end = line.start() + m.start(), line.start() + m.end()
            joined = previous is not None and start - previous.end < 40  # '"No," he said, "not yet."'
            quote = Quote(id=f"q{len(quotes) + 1}", start=start, end=end, text=text[start:end],
                          continues=previous.id if joined and previous else None)
            quotes.append(quote)
            previous = quote
    return StoryWorld(text=text, characters=characters, quotes=quotes)


def _analyzed(text: str) -> tuple[StoryWorld, dict[str, str]]:
    """The whole pipeline's world, and its characters' names by id."""
    world = ficlens.analyze(text)
    return world, {c.id: c.name for c in world.characters}


def _speakers(world: StoryWorld) -> list[str | None]:
    names = {c.id: c.name for c in world.characters}
    return [names.get(q.speaker or "") for q in world.quotes]


def _undecided_walk(world: StoryWorld) -> list[Decision]:
    """The decisions of a forward walk that is equally unsure of every candidate."""
    seen: list[Decision] = []

    def choose(decision: Decision) -> dict[str, float]:
        seen.append(decision)
        return {c: 1.0 / len(decision.candidates) for c in decision.candidates}

    walk_quotes(world, choose)
    return seen


def _marked(decision: Decision, feature: str) -> list[str]:
    """The candidates ``feature`` fires for."""
    column = FEATURES.index(feature)
    return [c for row, c in enumerate(decision.candidates) if decision.features[row, column]]


@pytest.mark.parametrize("text", [
    '"I brought the maps," said Ada.\n\n"Good, we leave at dawn," said Rory.',
    '"I brought the maps," Ada said.\n\n"Good, we leave at dawn," Rory said.',
    'Ada said, "I brought the maps."\n\nRory replied: "Good, we leave at dawn."',
    '"I brought the maps," Ada, smiling, said.\n\n"Good, we leave at dawn," Rory answered quietly.',
    '"I brought the maps," Ada deadpanned.\n\n"Good, we leave at dawn," Rory yawned.',  # fan fiction's verbs
    '"I brought the maps," piped Ada.\n\n"Good, we leave at dawn," Rory singsongs.',
])
def test_attribution_explicit_tags_both_orders(text: str) -> None:
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Ada", "Rory"]
    assert [q.type for q in world.quotes] == ["explicit", "explicit"]
    for quote in world.quotes:
        evidence = quote.evidence[0]
        assert world.text[evidence.start:evidence.end] in ("Ada", "Rory")
        assert quote.confidence > 0.5


def test_attribution_pronoun_tags_follow_gender() -> None:
    text = ("Ada and Rory sat on the pier.\n\n"
            '"The water is too cold," he said.\n\n'
            '"Then stop complaining and get in," she replied.')
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Rory", "Ada"]
    assert [q.type for q in world.quotes] == ["anaphoric", "anaphoric"]
    assert world.text[world.quotes[0].evidence[0].start:world.quotes[0].evidence[0].end] == "he"


@pytest.mark.parametrize(("text", "genders", "speakers"), [
    # Kai has no gender from the narration; their own lines, tagged and beaten "they", make them a they
    ("Kai was already at the lab when Noor got there.\n\n"
     '"You\'re early," Noor said.\n\n'
     '"I never went home," they muttered. "Pass me the pipette?"\n\n'
     '"You need to sleep, Kai."\n\n'
     '"Last week I was wrong." They grinned. "This week I\'m right."',
     {"Kai": "they", "Noor": "she"}, ["Noor", "Kai", "Kai", "Noor", "Kai", "Kai"]),
    # Ysolde, on no list, is a she by the lines her "she said" and "She grinned" tag
    ("Ysolde dropped onto the bench beside Tom, shaking rain out of the hood.\n\n"
     '"There you are!" she said. "We looked everywhere."\n\n'
     '"We were here the whole time," Tom said.\n\n'
     '"I know." She grinned at him. "I\'m just telling you what Ysolde thinks."',
     {"Ysolde": "she", "Tom": "he"}, ["Ysolde", "Ysolde", "Tom", "Ysolde", "Ysolde"]),
])
def test_attribution_own_lines_give_a_character_of_no_gender_theirs(text: str, genders: dict[str, str],
                                                                     speakers: list[str]) -> None:
    world, names = _analyzed(text)
    assert {c.name: c.gender for c in world.characters} == genders
    assert [names.get(q.speaker or "") for q in world.quotes] == speakers


def test_attribution_action_beats() -> None:
    text = ("Ada and Rory waited by the door.\n\n"
            'Rory checked his watch. "They are late again."\n\n'
            'Ada rolled her eyes. "They are always late."')
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Rory", "Ada"]
    assert all(q.type == "implicit" for q in world.quotes)


def test_attribution_vocative_hands_over_and_addresses() -> None:
    text = ('"Rory, pass me the salt," said Ada.\n\n'
            '"Here you go."\n\n'
            '"Thanks."')
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Ada", "Rory", "Ada"]
    ada, rory = world.characters[0].id, world.characters[1].id
    assert world.quotes[0].addressees == [rory]
    assert world.quotes[1].addressees == [ada]


def test_attribution_later_part_of_a_quote_is_said_to_whom_it_calls() -> None:
    """'"Yes," said Ada, and sighed. "Sit down, Rory."': the second part calls Rory, though the
    first answered Cleo."""
    text = ('"Did you wait?" Rory asked.\n\n"No," said Cleo.\n\n'
            '"Yes," said Ada, and sighed. "Sit down, Rory. This will take a while."')
    world = _world(text, {"Ada": "she", "Rory": "he", "Cleo": "she"})
    assert _speakers(world) == ["Rory", "Cleo", "Ada", "Ada"]
    rory = next(c.id for c in world.characters if c.name == "Rory")
    assert world.quotes[3].addressees == [rory]


def test_attribution_previous_paragraph_of_narration_introduces_the_quote() -> None:
    text = ('"Did you hear that?" asked Ada.\n\nRory shook his head.\n\nThe phone rang twice. Frowning, '
            'Rory answered.\n\n"Hello? Who is this?"')
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Ada", "Rory"] and world.quotes[1].type == "explicit"


def test_attribution_long_implicit_alternation() -> None:
    lines = ['"Do you hear that?" asked Ada.', '"Hear what?" said Rory.']
    lines += ['"That humming."', '"It is the fridge."', '"Fridges do not hum like that."', '"Ours does."',
              '"Since when?"', '"Since you kicked it."', '"I never kicked it."', '"You did, twice."']
    world = _world("\n\n".join(lines), {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Ada", "Rory"] * 5


def test_attribution_reply_after_a_long_speech_goes_back_to_its_speaker() -> None:
    """The turns before a reply may be the later paragraphs of one speech: they stand for the
    speech's speaker, also when the speaker was last named more than a window back."""
    story = ("The well was dry by then, and the orchard had gone to seed, and nobody in the "
             "village would say why the miller had left. ") * 6
    text = ('"Where were you?" asked Ben.\n\n"Away," said Ada.\n\n"Tell me all of it," said Ben.\n\n'
            f'"It began in the spring. {story}\n\n"Then I found the key under the step. {story}\n\n'
            f'"I kept it for a year and told nobody. {story}"\n\n'
            '"You kept it!" cried Ben.\n\n"Kept it, and used it."\n')
    world = _unattributed(text, {"Ada": "she", "Ben": "he"})
    for previous, paragraph in zip(world.quotes[3:5], world.quotes[4:6], strict=True):
        paragraph.continues = previous.id  # one speech over three paragraphs
    speakers = [q.speaker for q in attribute_quotes(world).quotes]
    assert speakers == ["c2", "c1", "c2", "c1", "c1", "c1", "c2", "c1"]


def test_attribution_three_person_scene() -> None:
    world = _world((FIXTURES / "three-friends.txt").read_text(encoding="utf-8"),
                   {"Mara": "she", "Theo": "he", "Jonah": "he"})
    assert _speakers(world) == ["Mara", "Theo", "Theo", "Jonah", "Mara", "Jonah", "Jonah", "Theo",
                                "Jonah", "Theo", "Mara", "Jonah"]  # Jonah calls Theo a coward
    continued = [q for q in world.quotes if q.continues]
    assert continued and all(q.speaker == world.quotes[int(q.continues[1:]) - 1].speaker for q in continued)


def test_attribution_first_person_narrator() -> None:
    text = ('I found Rory on the roof.\n\n"You should not be up here," I said.\n\n'
            '"Neither should you," he said.')
    world = _world(text, {"Wren": "she", "Rory": "he"}, narrator="Wren")
    assert _speakers(world) == ["Wren", "Rory"]


def test_attribution_narrator_is_never_he_said_nor_my_father() -> None:
    text = ('My father was waiting on the porch when I got home.\n\n"You\'re late," my father said.\n\n'
            '"The bus broke down," I said.\n\n"She didn\'t mention it." He frowned at me.\n\n'
            'My sister Lena leaned out of the door. "Dad, dinner\'s getting cold."\n\n'
            '"In a minute," he told her.')
    world = _unattributed(text, {"Wren": "he", "my father": "he", "Lena": "she"}, narrator="Wren")
    narrator = world.characters[0]  # as the characters stage gives a narrator: I, me, my outside quotes
    narrator.mention_spans = [Span(start=m.start(), end=m.end(), note=m.group())
                              for m in re.finditer(r"\b(?:I|me|[Mm]y)\b", text)
                              if not any(q.start <= m.start() < q.end for q in world.quotes)]
    assert _speakers(attribute_quotes(world)) == ["my father", "Wren", "my father", "Lena", "my father"]


def test_attribution_he_said_among_women_only_is_no_one_of_them() -> None:
    """"he said" where every candidate is a woman is a man the story never names: no speaker,
    and the turn after it is hers again, not the maid's by alternation."""
    text = ('Millie had gone to the kitchen. Mrs. Hall set the tray down.\n\n'
            '"Can I take your coat, sir?" she said.\n\n"No," he said without turning.\n\n'
            '"Very well, sir," she said, and went out.')
    world = _world(text, {"Mrs. Hall": "she", "Millie": "she"})
    assert _speakers(world) == ["Mrs. Hall", None, "Mrs. Hall"]


def test_attribution_my_boss_said_is_not_the_narrator() -> None:
    """"my boss said" names someone of the narrator's, never the narrator, though no character is
    known as "my boss": Gordon, who spoke last; with no one else there, nobody."""
    texts = [('Gordon came out of the back office. Luis waved at him.\n\n"What is it?" Luis asked.\n\n'
              '"Ziti," I said.\n\n"Is that ziti?" Gordon asked.\n\n"This is very good," my boss said.'),
             'I set the dish down.\n\n"Lunch," I said.\n\n"This is very good," my boss said.']
    got = []
    for text in texts:
        world = _unattributed(text, {"Wren": "she", "Gordon": "he", "Luis": "he"}, narrator="Wren")
        world.characters[0].mention_spans = [  # as the characters stage gives one: I, my outside quotes
            Span(start=m.start(), end=m.end(), note=m.group()) for m in re.finditer(r"\b(?:I|[Mm]y)\b", text)
            if not any(q.start <= m.start() < q.end for q in world.quotes)]
        got.append(_speakers(attribute_quotes(world)))
    assert got == [["Luis", "Wren", "Gordon", "Gordon"], ["Wren", None]]


def test_attribution_a_name_after_someone_elses_kin_word_is_the_beat() -> None:
    text = ('Tilly and Gran sat at the table.\n\n"It was freezing," said Gran.\n\n"Yes," said Tilly.\n\n'
            'Tilly\'s brother Rafe looked up from his phone. "That\'s actually kind of romantic."')
    world = _world(text, {"Tilly": "she", "Gran": "she", "Rafe": "he"})
    assert _speakers(world) == ["Gran", "Tilly", "Rafe"]


def test_attribution_conversations_end_at_a_chapter_break() -> None:
    text = ("Chapter 1\n\nBen stood at the window of the shop while Ada counted the till.\n\n"
            '"You should go home," said Ada.\n\n"I will," said Ben. "When it stops."\n\n'
            '"It won\'t stop," Ada said.\n\n"Then I\'ll stay," said Ben.\n\nChapter 2\n\n'
            "Colin had waited at the station since six. Daisy came late, as Daisy always did, and found "
            'him under the clock. Colin smiled at her. She asked him, "Did you wait long?"\n\n'
            '"An hour," he said.')
    world, names = _analyzed(text)
    assert [(names[q.speaker], [names[a] for a in q.addressees]) for q in world.quotes][-3:] == [
        ("Ben", ["Ada"]), ("Daisy", ["Colin"]), ("Colin", ["Daisy"])]


def test_attribution_no_dialogue_leaves_world_alone() -> None:
    text = "Ada walked home through the rain. Rory had left hours ago, and the street was empty."
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert world.quotes == []
    assert [c.name for c in world.characters] == ["Ada", "Rory"]


def test_attribution_story_entirely_in_dialogue() -> None:
    text = '"Ada?"\n\n"Yes, Rory?"\n\n"Is that you?"\n\n"Who else would it be, Rory?"'
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert _speakers(world) == ["Rory", "Ada", "Rory", "Ada"]
    assert all(0.0 < q.confidence <= 1.0 for q in world.quotes)


def test_attribution_unbalanced_quotes_do_not_crash() -> None:
    text = '"Wait for me, said Ada.\n\nRory turned. "Why?\n\n"Because," she said, "I asked."'
    world = _world(text, {"Ada": "she", "Rory": "he"})
    assert len(world.quotes) == 4
    assert all(q.speaker in (None, "c1", "c2") for q in world.quotes)
    assert world.quotes[-1].speaker == "c1"


def test_attribution_no_characters_gives_no_speaker() -> None:
    world = _world('"Hello," said someone.', {})
    assert world.quotes[0].speaker is None
    assert world.quotes[0].addressees == []


def test_attribution_ignores_quotes_that_are_not_spoken() -> None:
    world = StoryWorld(text='The sign said "Closed". Ada sighed.', quotes=[
        Quote(id="q1", start=14, end=22, text='"Closed"', kind="written")])
    world.characters = [Character(id="c1", name="Ada", gender="she",
                                  mention_spans=[Span(start=24, end=27)])]
    world = attribute_quotes(world)
    assert world.quotes[0].speaker is None


@pytest.mark.slow
def test_attribution_ten_thousand_bobs_stays_linear() -> None:
    text = '\n\n'.join(f'"Line {i}," said Bob. Bob nodded.' for i in range(2000))
    spans = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"\bBob\b", text)]
    quotes = [Quote(id=f"q{i}", start=m.start(), end=m.end(), text=m.group())
              for i, m in enumerate(re.finditer(r'"[^"]*"', text), 1)]
    characters = [Character(id=f"c{i}", name="Bob", gender="he", mention_spans=spans) for i in range(10_000)]
    world = StoryWorld(text=text, characters=characters, quotes=quotes)
    started = time.perf_counter()
    attribute_quotes(world)
    assert time.perf_counter() - started < 10
    assert all(q.speaker == "c0" for q in world.quotes)


@pytest.mark.slow
def test_attribution_many_departures_stay_linear() -> None:
    """Every paragraph has someone leave and the next line after it: each line weighs only the
    departures just before it."""
    text = "\n\n".join(f'"Line {i}," said Ada. Bob left the room. Bob came in.' for i in range(3000))
    ada = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"\bAda\b", text)]
    bob = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"\bBob\b", text)]
    quotes = [Quote(id=f"q{i}", start=m.start(), end=m.end(), text=m.group())
              for i, m in enumerate(re.finditer(r'"[^"]*"', text), 1)]
    world = StoryWorld(text=text, quotes=quotes, characters=[
        Character(id="c1", name="Ada", gender="she", mention_spans=ada),
        Character(id="c2", name="Bob", gender="he", mention_spans=bob)])
    started = time.perf_counter()
    attribute_quotes(world)
    assert time.perf_counter() - started < 10  # a guard against quadratic work (speed: make bench)
    assert all(q.speaker == "c1" for q in world.quotes)


def test_attribution_survives_odd_spans() -> None:
    text = '"Hi," said Ada.'
    quotes = [Quote(id="q1", start=0, end=5, text='"Hi,"'), Quote(id="q2", start=3, end=500, text="x"),
              Quote(id="q3", start=10, end=10, text="", continues="q9")]
    world = StoryWorld(text=text, quotes=quotes, characters=[
        Character(id="c1", name="Ada", gender="she", mention_spans=[Span(start=11, end=14)])])
    world = attribute_quotes(world)  # overlapping, overlong, empty, dangling link: no crash
    assert all(q.speaker in (None, "c1") for q in world.quotes)
    assert all(0 <= e.start <= e.end <= len(text) for q in world.quotes for e in q.evidence)


def test_the_last_to_open_a_sentence_of_narration_since_the_previous_quote_is_marked() -> None:
    """ "Ada yawned. Priya set the cup down and handed Jun a napkin." before an untagged line: Priya
    opened the narration's last sentence since the previous quote (Jun, acted on, does not)."""
    world = _unattributed('"You look tired," said Jun.\n\n"I am tired," said Ada.\n\n'
                          'Ada yawned. Priya set the cup down and handed Jun a napkin.\n\n"Drink this."',
                          {"Jun": "he", "Ada": "she", "Priya": "she"})
    last = _undecided_walk(world)[-1]
    assert _marked(last, "last_subject") == ["c3"]


def test_a_later_part_with_its_own_name_tag_is_that_speakers() -> None:
    """A quote left unclosed runs on into the next paragraph, which the quotes stage reads as the same
    speech; that paragraph's own "said Ada" makes it (and its part after the tag) Ada's."""
    text = ("Tomas set down his cup and looked at his daughter.\n\n"
            "\"It is not likely, my dear, that the sea did her any good--and if I had known, I would have--"
            "\n\n\"You have forgotten Mrs. Hale,\" said Ada, \"I have not heard you ask after her once.\"\n\n"
            "\"Oh! Mrs. Hale,\" said Tomas. \"How is she?\"\n")
    world, names = _analyzed(text)
    spoken = [q for q in world.quotes if q.kind == "speech"]
    assert spoken[1].continues is not None  # read as the first speech going on
    assert [names.get(q.speaker or "") for q in spoken] == ["Tomas", "Ada", "Ada", "Tomas", "Tomas"]
    assert spoken[1].type == "explicit" and "Tomas" in [names[a] for a in spoken[1].addressees]


def test_turn_taking_features_carry_how_sure_the_walk_was() -> None:
    """A turn decided 70/30 counts 0.7 and 0.3 as "spoke the previous turn" for the next quote,
    and the walk goes on with the more likely speaker."""
    world = _unattributed('Ada and Rory stood at the gate.\n\n"Is it locked?"\n\n"It always is."', {
        "Ada": "she", "Rory": "he"})
    seen: list[Decision] = []

    def choose(decision: Decision) -> dict[str, float]:
        seen.append(decision)
        return {"c1": 0.7, "c2": 0.3} if len(seen) == 1 else {"c2": 1.0}

    walk_quotes(world, choose)
    second = seen[1]
    column = FEATURES.index("previous_turn")
    previous = [second.features[second.candidates.index(c), column] for c in ("c1", "c2")]
    assert previous == pytest.approx([0.7, 0.3])


@pytest.mark.parametrize(("beat", "subject"), [
    ("Ben's smile faded.", "c2"), ("Ben's father smiled.", "c1"),
    ("After a long silence, Ben stood.", "c2"),  # the first name after an opening phrase
    ("After a long silence, the dog and Ben stood.", "c1"),  # not right after the phrase: Tom still
    ("At last the dog barked, and Ben stood.", "c1"),  # a clause of its own before him, not a phrase
])
def test_an_owner_opening_a_sentence_is_its_subject_unless_he_owns_a_person(beat: str, subject: str) -> None:
    """"Ben's smile faded. ... he said": Ben is who the narration is about; "Ben's father" is not Ben;
    "After a long silence, Ben stood.": Ben, after the sentence's opening phrase."""
    text = (f'Tom and Ben sat by the fire.\n\n"Is it late?" asked Tom.\n\n{beat} The fire cracked.\n\n'
            '"It is," he said.')
    seen = _undecided_walk(_unattributed(text, {"Tom": "he", "Ben": "he"}))
    assert _marked(seen[1], "tag_pronoun_subject") == [subject]


def test_a_name_after_the_opening_a_sentence_is_its_subject() -> None:
    """"The Major looked at Tom. ... he said": the Major, named as "the Major", opens the sentence."""
    text = ('Tom and the Major sat by the fire.\n\n"Is it late?" asked Tom.\n\n'
            'The Major looked at Tom for a while.\n\n"It is," he said.')
    seen = _undecided_walk(_unattributed(text, {"Tom": "he", "Major": "he"}))
    assert _marked(seen[1], "tag_pronoun_subject") == ["c2"]


@pytest.mark.parametrize(("narration", "latest"), [
    ("Ann had dined at Goddard's, and was tired.", "c2"),  # Goddard's house: Goddard is not there
    ("Ann had looked at Goddard's face, and was tired.", "c3"),  # her face: she is
])
def test_a_possessive_standing_for_a_house_names_no_one_present(narration: str, latest: str) -> None:
    text = f'Ann and Tom sat by the fire.\n\n"Is it late?" asked Tom.\n\n{narration}\n\n"It is," she said.'
    seen = _undecided_walk(_unattributed(text, {"Tom": "he", "Ann": "she", "Goddard": "she"}))
    assert _marked(seen[1], "tag_pronoun_most_recent") == [latest]


@pytest.mark.parametrize(("narration", "latest"), [
    ("He pulled away from Ben.", "c1"),  # Ben is after a "he" of his own: the "he" is Tom
    ("Tom pulled away from Ben.", "c2"),  # no pronoun: Ben is the last man named
    ('"He left," Tom said of Ben.', "c2"),  # the "he" is inside a quote
])
def test_the_last_man_named_is_not_one_named_after_a_he(narration: str, latest: str) -> None:
    """"He pulled away from Ben. ... he said": the "he" the tag most likely continues is the one
    before Ben, not Ben, so Ben is not marked as the last man named (``tag_pronoun_most_recent``)."""
    text = f'"Is it late?" asked Tom.\n\nTom stood. {narration} The fire cracked.\n\n"It is," he said.'
    seen = _undecided_walk(_unattributed(text, {"Tom": "he", "Ben": "he"}))
    assert _marked(seen[-1], "tag_pronoun_most_recent") == [latest]


def test_her_mother_is_the_mother_of_her_family() -> None:
    """"said her mother" marks the Mrs. of the family of the "she" the narration is about, and
    "said her sister" the unmarried women of it, not the Mrs."""
    text = ('Lucy Ashdown looked up from her book when Dora Pell came in.\n\n'
            '"You are late," said her mother.\n\n"I am sorry," said Dora Pell.\n\n'
            'Lucy Ashdown closed the book.\n\n"Tea is ready," said her sister.')
    cast: dict[str, Gender] = {"Lucy Ashdown": "she", "Mrs. Ashdown": "she", "Ruth Ashdown": "she",
                               "Dora Pell": "she"}
    world = _unattributed(text, cast)
    marked = [_marked(decision, "tag_kin") for decision in _undecided_walk(world)]
    assert marked == [["c2"], [], ["c3"]]
    assert _speakers(_world(text, cast)) == ["Mrs. Ashdown", "Dora Pell", "Ruth Ashdown"]


def test_her_father_in_the_narration_is_the_last_man_there() -> None:
    """"her father" in the narration is a mention of the one Mr. of her family, so "he said" after
    it points to him, not to the man named before; "her brother", with two brothers, names no one,
    and a tag reads names only ("said her father" stays a description)."""
    text = ('Lucy Ashdown sat with Tom Reed, and Tom Reed talked of horses. Mr. Ashdown was out.\n\n'
            'At last Lucy Ashdown went to find her father in the garden.\n\n'
            '"The roses are early," he said.\n\n'
            'Lucy Ashdown looked for her brother.\n\n"Tea," said her father.')
    cast: dict[str, Gender] = {"Lucy Ashdown": "she", "Tom Reed": "he", "Mr. Ashdown": "he",
                               "Ned Ashdown": "he", "Kit Ashdown": "he"}
    world = _unattributed(text, cast)
    prepared = _prepare(world)
    assert prepared is not None
    mentions = prepared.context.mentions
    spans = zip(mentions.starts, mentions.ends, mentions.owners, strict=True)
    kin = [(text[a:b], owner) for a, b, owner in spans if text[a:b].startswith("her ")]
    assert kin == [("her father", "c3"), ("her father", "c3")]
    assert not any(text[a:a + 4] == "her " for a in prepared.context.named.starts)
    decisions = _undecided_walk(world)
    assert _marked(decisions[0], "tag_pronoun_most_recent") == ["c3"]
    assert decisions[1].cues.tag is not None and decisions[1].cues.tag.kind == "description"


def test_one_epithet_is_one_person_within_a_chapter() -> None:
    """The quotes tagged "the taller boy" go together to the one their probabilities favour summed,
    each keeping its own probability for him; "the man" (anyone at all) and a lone epithet are
    left as decided."""
    text = ('Nils and Omar waited.\n\n"Late," said the taller boy.\n\n"Always," said the man.\n\n'
            '"Told you," said the taller boy.\n\n"Fine," said the redhead.')
    prepared = _prepare(_unattributed(text, {"Nils": "he", "Omar": "he"}))
    assert prepared is not None
    agreed = {"q1": {"c1": 0.9, "c2": 0.1}, "q2": {"c1": 0.5, "c2": 0.5}, "q3": {"c1": 0.4, "c2": 0.6},
              "q4": {"c2": 1.0}}
    assert _one_person_per_epithet(prepared, agreed) == {"q1": ("c1", 0.9), "q3": ("c1", 0.4)}


def test_a_speaker_named_pages_back_is_still_a_candidate() -> None:
    """Mara is named once, long before the conversation (past ``WINDOW``), then only "she": her
    line is still hers, not the nearby man's (``FAR_WINDOW``)."""
    filler = "The wind worked at the shutters and the lamp smoked in its glass. " * 50  # 3,300 characters
    text = (f'Mara climbed the stairs of the lighthouse. {filler}\n\n'
            'Tomas was mending a net by the stove.\n\n'
            '"The glass is falling," she said.\n\n"Then we stay in," said Tomas.')
    world = _world(text, {"Mara": "she", "Tomas": "he"})
    assert _speakers(world) == ["Mara", "Tomas"]


def test_a_named_owners_father_is_a_mention_of_him() -> None:
    """"Lucy Ashdown's father" is a mention of Mr. Ashdown, as "her father" is."""
    text = ('Tom Reed talked of horses. Then Lucy Ashdown\'s father came in from the garden.\n\n'
            '"The roses are early," he said.')
    cast: dict[str, Gender] = {"Lucy Ashdown": "she", "Tom Reed": "he", "Mr. Ashdown": "he"}
    world = _unattributed(text, cast)
    prepared = _prepare(world)
    assert prepared is not None
    mentions = prepared.context.mentions
    spans = zip(mentions.starts, mentions.ends, mentions.owners, strict=True)
    assert ("father", "c3") in [(text[a:b], owner) for a, b, owner in spans]
    assert _marked(_undecided_walk(world)[0], "tag_pronoun_most_recent") == ["c3"]


def test_a_capitalised_description_is_an_epithet() -> None:
    """"said the Slytherin" names nobody in the cast, and like "the taller boy" it is one person
    within a chapter."""
    text = ('Nils and Omar waited.\n\n"Late," drawled the Slytherin.\n\n"Always," said Nils.\n\n'
            '"Told you," drawled the Slytherin.')
    prepared = _prepare(_unattributed(text, {"Nils": "he", "Omar": "he"}))
    assert prepared is not None
    agreed = {"q1": {"c1": 0.2, "c2": 0.8}, "q2": {"c1": 1.0}, "q3": {"c1": 0.7, "c2": 0.3}}
    assert _one_person_per_epithet(prepared, agreed) == {"q1": ("c2", 0.8), "q3": ("c2", 0.3)}


def test_opposite_epithets_are_two_people() -> None:
    """"the older man" and "the younger man" are two people: the surer is decided first, and the
    other goes to its best candidate but him, keeping its own probability for that one."""
    text = 'Nils and Omar waited.\n\n"Late," said the older man.\n\n"Always," said the younger man.'
    prepared = _prepare(_unattributed(text, {"Nils": "he", "Omar": "he"}))
    assert prepared is not None
    agreed = {"q1": {"c1": 0.8, "c2": 0.2}, "q2": {"c1": 0.6, "c2": 0.4}}
    assert _one_person_per_epithet(prepared, agreed) == {"q2": ("c2", 0.4)}


def test_a_beat_does_not_give_he_said_to_the_man_the_tag_acts_on() -> None:
    """"Kurt smiled ... "Me too," he replied, squeezing Kurt's hand": the beat's subject is the
    other man, so the beat does not decide (it does when the tag names no one)."""
    text = ('"I missed you," said Kurt.\n\nKurt smiled as Blaine looked away. "Me too," he replied, '
            "squeezing Kurt's hand.")
    assert _speakers(_world(text, {"Kurt": "he", "Blaine": "he"})) == ["Kurt", "Blaine"]
    plain = text.replace(", squeezing Kurt's hand", "")
    assert _speakers(_world(plain, {"Kurt": "he", "Blaine": "he"})) == ["Kurt", "Kurt"]


def test_attribution_voice_marks_who_an_untagged_line_sounds_like(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voices, "MIN_WORDS", 50)  # a scene's worth of words, not a novel's
    sailor = ["Aye, the tide is turning, lass, mind the nets",
              "Haul the line, lass, the squall is coming aye",
              "The nets want mending before the tide, aye", "Aye, lass, the gulls know the squall first"]
    teacher = ["Kindly open your copybooks to the exercise on fractions",
               "Children, the exercise on fractions is due tomorrow",
               "Kindly remember your copybooks, children, and your pencils",
               "The fractions exercise, children, is not optional"]
    tagged = "\n\n".join(f'"{s}," said Orla.\n\n"{t}," said Pemberton.'
                         for s, t in zip(sailor * 2, teacher * 2, strict=True))
    text = tagged + '\n\nThe rain came on.\n\n"Aye, lass, the nets and the tide."'
    seen = _undecided_walk(_unattributed(text, {"Orla": "she", "Pemberton": "he"}))
    last = seen[-1]
    column = FEATURES.index("voice")
    fits = dict(zip(last.candidates, last.features[:, column], strict=True))
    assert fits["c1"] == 1.0 and fits["c2"] < 0.8  # the best fit counts fully, the teacher's voice less


def test_attribution_chat_messages_are_their_senders_to_the_others():
    text = ("The group chat had been quiet for an hour when Mercedes finally broke.\n\n"
            "Mercedes: who ate my leftover pizza\nPuck: define ate\nMercedes: NOAH\n"
            "Santana: lmao he's dead\n\n"
            "Kurt read the messages twice.\n\n"
            "Kurt: call me when you're home\nBlaine: ok\nKurt: love you\n")
    world, names = _analyzed(text)
    got = [(q.text, names.get(q.speaker or ""), sorted(names[a] for a in q.addressees), q.type)
           for q in world.quotes]
    assert got == [
        ("who ate my leftover pizza", "Mercedes", ["Puck", "Santana"], "explicit"),
        ("define ate", "Puck", ["Mercedes", "Santana"], "explicit"),
        ("NOAH", "Mercedes", ["Puck", "Santana"], "explicit"),
        ("lmao he's dead", "Santana", ["Mercedes", "Puck"], "explicit"),
        ("call me when you're home", "Kurt", ["Blaine"], "explicit"),
        ("ok", "Blaine", ["Kurt"], "explicit"),
        ("love you", "Kurt", ["Blaine"], "explicit"),
    ]
    first = world.quotes[0]
    assert [(e.note, text[e.start:e.end]) for e in first.evidence] == [("sender: Mercedes", "Mercedes")]


def test_attribution_a_scripts_lines_in_capitals_are_their_senders():
    text = ("The rehearsal went badly from the start.\n\n"
            "KURT: (sighing) Fine. From the top.\nBLAINE: You said that an hour ago.\n"
            "KURT: And I meant it an hour ago.\n\nNobody sang.\n")
    world, names = _analyzed(text)
    assert [names.get(q.speaker or "") for q in world.quotes] == ["Kurt", "Blaine", "Kurt"]
    assert "KURT" in world.characters[0].aliases


def test_attribution_a_scripts_lines_in_quotation_marks_are_said_by_their_senders():
    text = ("The group chat had gone quiet, so Bram called instead.\n\n"
            'Odile: "It\'s two in the morning."\nBram: "I know what time it is."\n'
            'Odile: "Then why are you calling?"\n\n'
            '"I think I got the job."\n\n'
            'She sat up so fast she knocked the lamp over.\n')
    world, names = _analyzed(text)
    got = [(q.kind, names.get(q.speaker or ""), [names[a] for a in q.addressees], q.type)
           for q in world.quotes]
    assert got[:3] == [("speech", "Odile", ["Bram"], "explicit"), ("speech", "Bram", ["Odile"], "explicit"),
                       ("speech", "Odile", ["Bram"], "explicit")]
    assert got[3][:2] == ("speech", "Bram")  # the untagged answer goes on from the script's turns
    assert [(e.note, text[e.start:e.end]) for e in world.quotes[0].evidence] == [("sender: Odile", "Odile")]


@pytest.mark.parametrize(("tag", "speaker"), [
    ("the boy said, holding out his hand", "Blaine"),  # he names himself
    ("Kurt mocked", "Kurt"),  # the tag names someone else: mimicry
])
def test_attribution_a_line_that_names_its_speaker(tag: str, speaker: str) -> None:
    text = ("Kurt was halfway down the staircase. Blaine waited at the bottom.\n\n"
            f"\"Hi! I'm Blaine,\" {tag}.\n\n\"Nice to meet you,\" said Kurt.\n")
    world, names = _analyzed(text)
    assert names.get(world.quotes[0].speaker or "") == speaker


def test_attribution_chat_handles_are_characters_of_their_own():
    text = ("The group chat woke up at midnight.\n\n"
            "[00:01] lady_sings: who ate my leftover pizza\n[00:02] puckasaurus: define ate\n"
            "[00:02] lady_sings: NOAH\n[00:03] Santana: lmao\n\nnote: nobody answered.\n")
    world, names = _analyzed(text)
    assert [(q.text, names.get(q.speaker or "")) for q in world.quotes] == [
        ("who ate my leftover pizza", "lady_sings"), ("define ate", "puckasaurus"), ("NOAH", "lady_sings"),
        ("lmao", "Santana")]


def test_attribution_thoughts_in_italics_are_their_thinkers_said_to_no_one():
    text = ("Kurt stared at the ring. *He can't be serious.*\n\n"
            '"Well?" Blaine asked.\n\n'
            "*Oh no,* he thought. *Not here.*\n\n"
            '"Say something."\n\n'
            "*Say something, he says.*\n\n"
            '"Yes," Kurt said.\n')
    world, names = _analyzed(text)
    got = [(q.text, q.kind, names.get(q.speaker or ""), q.type, [e.note for e in q.evidence],
            [names[a] for a in q.addressees]) for q in world.quotes]
    assert got == [
        ("He can't be serious.", "thought", "Kurt", "implicit", ["action beat: Kurt"], []),
        ("Well?", "speech", "Blaine", "explicit", ["tag: Blaine"], ["Kurt"]),
        ("Oh no,", "thought", "Kurt", "anaphoric", ["tag: he"], []),
        ("Not here.", "thought", "Kurt", "anaphoric", ["tag: he"], []),
        ("Say something.", "speech", "Blaine", "implicit", ["conversation turn-taking"], ["Kurt"]),  # no turn
        ("Say something, he says.", "thought", "Kurt", "implicit", ["point of view: Kurt"], []),
        ("Yes,", "speech", "Kurt", "explicit", ["tag: Kurt"], ["Blaine"]),
    ]
    assert all(0 < q.confidence <= 1 for q in world.quotes)


def test_attribution_thoughts_in_italics_of_an_ao3_download(fixtures_dir: Path):
    world, names = _analyzed(str(fixtures_dir / "ingest" / "ao3-work.html"))
    thought = next(q for q in world.quotes if q.kind == "thought")
    assert thought.text == "Let him watch. The lamp won't light itself."
    assert names[thought.speaker or ""] == "Maren" and thought.addressees == []
    assert [(e.note, world.text[e.start:e.end]) for e in thought.evidence] == [("action beat: She", "She")]


def test_attribution_a_first_person_narrators_thought_and_no_one_to_think_it():
    text = ("I hate Mondays. I push the door of the café open and my friend Maya waves at me from our "
            "table by the window. I sit down across from her and I wait.\n\n"
            '"You look awful," Maya says.\n\n'
            "*Thanks,* I think. I drink my coffee and say nothing.\n\n"
            "*Here we go again.*\n")
    world, names = _analyzed(text)
    narrator = next(c.name for c in world.characters if c.narrator)
    assert [(q.text, names.get(q.speaker or "")) for q in world.quotes] == [
        ("You look awful,", "Maya"), ("Thanks,", narrator), ("Here we go again.", narrator)]
    world, _ = _analyzed("The rain went on all night.\n\n*Will it ever stop?*\n")
    assert [(q.text, q.kind, q.speaker, q.type, q.evidence) for q in world.quotes] == [
        ("Will it ever stop?", "thought", None, None, [])]


_ARRIVES = ('"Are you coming to the market?" Jonah asked.\n\n'
            '"Not today," said Mara. "Work."\n\n'
            "Mara {} with a sigh. She was tired, but she smiled when she saw Jonah asleep on the couch.\n\n"
            '"Hey! Sorry I\'m so late. The bus never came."\n\n'
            '"You\'re not late," Jonah said, yawning.\n')


def test_attribution_someone_coming_in_begins_a_new_exchange():
    """"Mara slid the door of the flat shut": whoever comes in (or home) opens a new exchange, so the
    turn-taking before it does not decide the first line after it (here the one who came in)."""
    world, names = _analyzed(_ARRIVES.format("slid the door of the flat shut"))
    assert names[world.quotes[3].speaker or ""] == "Mara"
    for coming_in in ("slid the door of the flat shut", "gave up on the shopping and came over,",
                      "let herself in", "walks into the kitchen"):
        places = _prepare(ficlens.analyze(_ARRIVES.format(coming_in))).places
        assert places[3] - places[2] > 3  # beyond the conversation gap
    for not_coming_in in ("burst into laughter", "came to a decision", "wandered over the hills"):
        places = _prepare(ficlens.analyze(_ARRIVES.format(not_coming_in))).places
        assert places[3] - places[2] == 2


def test_attribution_a_name_owned_by_her_is_not_her_she():
    """ "Millie, her maid, had been sent for more coal, and she laid the cloth herself.": Millie is
    "her" maid, so the "she" who then speaks is the one who owns her, not the last woman named."""
    text = ("Mrs. Hall hurried into the parlour. Millie, her maid, had been sent for more coal, and she "
            "laid the cloth herself.\n\n"
            '"Can I take your coat, sir?" she said.\n')
    world = _world(text, {"Mrs. Hall": "she", "Millie": "she"})
    assert world.quotes[0].speaker == "c1"


def test_attribution_a_line_said_together_is_no_one_s_alone():
    """"'Yes, Coach,' the whole team chorused." and "'Yes, Coach,' they said together.": many say
    it, so it has no speaker, its evidence the words that say so; "said Kasia at the same time as
    Mateo groaned" is Kasia's."""
    text = ('"Listen up," Coach Adeyemi said. "We are not losing again."\n\n'
            '"Yes, Coach," the whole team chorused.\n\n'
            '"Laps?" Kasia asked.\n\n'
            '"Twenty of them," said the coach.\n\n'
            '"Yes, Coach," they said together.\n\n'
            '"Fine," said Kasia at the same time as Mateo groaned.\n')
    world, names = _analyzed(text)
    said = [(q.text, names.get(q.speaker or ""), [e.note for e in q.evidence]) for q in world.quotes]
    assert said[2] == ("Yes, Coach,", None, ["said together"]) and said[5] == said[2]
    assert said[3][1] == "Kasia" and said[-1][1] == "Kasia"
    evidence = world.quotes[2].evidence[0]
    assert world.text[evidence.start:evidence.end] == "the whole team chorused"
    twins, names = _analyzed(text.replace("the whole team chorused", "the twins chorused"))
    assert twins.quotes[2].speaker is None and [e.note for e in twins.quotes[2].evidence] == ["said together"]
    for who in ("they both snapped", "Kasia and Mateo said together", "the room roared"):  # any verb; two
        # named; a room or a crowd
        pair, _ = _analyzed(text.replace("the whole team chorused", who))
        together = pair.quotes[2]
        assert together.speaker is None and [e.note for e in together.evidence] == ["said together"]


def test_attribution_someone_coming_in_late_in_the_sentence_speaks_the_line_after_it() -> None:
    """The beat of "Mara had barely sat down when the door banged open and Lena burst in." is Lena's
    arrival, not Mara's sitting: the newcomer speaks."""
    text = ('"Go on, then," Mara said.\n\n"I will," Lena said, and left.\n\n'
            'Mara had barely sat down when the door banged open and Lena burst in, breathless. '
            '"Forgot my keys."\n\n"On the hook," Mara said.\n')
    world = _world(text, {"Mara": "she", "Lena": "she"})
    assert _speakers(world)[2] == "Lena"


def test_attribution_a_beat_by_the_one_the_line_calls_is_a_reaction_not_the_speaker() -> None:
    """'"I've handed in my notice, Anouk." Anouk set her cup down.': the line calls her, so her
    action after it is her reaction to it, not her beat."""
    text = ('"Sit down first," Kwame said.\n\nAnouk sat. "That is never a good sign."\n\n'
            '"I have handed in my notice at the museum, Anouk." Anouk set her cup down very slowly.\n\n'
            '"You love the museum."\n')
    world = _world(text, {"Kwame": "he", "Anouk": "she"})
    assert _speakers(world)[2] == "Kwame"
    named = ('"I am Felix," he said. "And you are?"\n\n'
             'Jae gave up and shook his hand. "Jae. And if you touch my cards again, I move."\n')
    assert _speakers(_world(named, {"Felix": "he", "Jae": "he"}))[-1] == "Jae"  # his own name, said


def test_attribution_a_speech_over_paragraphs_is_one_turn() -> None:
    """Three paragraphs of one speech (no closing mark until the last) are one turn of the walk,
    so the turn before the reply to it is the line before the speech, not its own first paragraph."""
    text = ('"Go on," Ada said.\n\n"It began in a room without windows," Rory said. "I sat there.\n\n'
            '"I learned a great deal.\n\n"Then I left."\n\n"And?"\n')
    world = ficlens.analyze(text)
    ids = {c.name: c.id for c in world.characters}
    seen: list[Decision] = []

    def choose(decision: Decision) -> dict[str, float]:  # sure of the tagged lines, unsure of the rest
        seen.append(decision)
        tag = decision.cues.tag
        return {tag.character: 1.0} if tag is not None and tag.character else \
            {c: 1.0 / len(decision.candidates) for c in decision.candidates}

    walk_quotes(world, choose)
    last = seen[-1]
    assert last.features[last.candidates.index(ids["Rory"]), FEATURES.index("previous_turn")] == 1.0
    assert last.features[last.candidates.index(ids["Ada"]), FEATURES.index("turn_before_previous")] == 1.0


def test_attribution_a_crowded_chat_goes_to_those_writing_around_each_message() -> None:
    """A chat of 40 writers: each message goes to the writers near it, not to all 39 others (which
    made a chat of 5,000 handles take minutes)."""
    text = "\n".join(f"Name{i % 40}: hello there" for i in range(200)) + "\n"
    world, _ = _analyzed(text)
    assert all(0 < len(q.addressees) <= 2 * CHAT_AUDIENCE for q in world.quotes)



def test_attribution_quotes_side_by_side_in_one_paragraph_take_turns() -> None:
    """'"No." "Yes." "Keys."' with nothing but space between: a back-and-forth, each quote a turn,
    where one paragraph's quotes are otherwise one speaker's ('"No." Felix sighed. "Fine."')."""
    opening = ('Rosa Imber and Felix Dunn stood on opposite sides of the car.\n\n'
               '"I\'m driving," Rosa said.\n\n"You drove last time," Felix said.\n\n')
    rapid = _speakers(ficlens.analyze(opening + '"No." "Yes." "Keys." "Never."\n'))
    assert rapid[2:] == ["Rosa Imber", "Felix Dunn", "Rosa Imber", "Felix Dunn"]
    beat = _speakers(ficlens.analyze(opening + '"No." Rosa sighed. "Fine."\n'))
    assert beat[2:] == ["Rosa Imber", "Rosa Imber"]


def test_attribution_a_voice_on_the_phone_that_gives_its_rank_and_name_says_its_lines() -> None:
    text = ("Nell Archer's phone rang while her cousin Tom Archer was still eating.\n\n"
            '"Ms. Archer?" the voice on the line said. "This is Sergeant Pia Lowe."\n\n"Yes?" Nell said.\n\n'
            '"Your car has been found," the sergeant said.\n')
    assert _speakers(ficlens.analyze(text))[1:] == ["Sergeant Pia Lowe", "Nell", "Sergeant Pia Lowe"]
    shown = ('Kit Shaw waved at the door.\n\n"This is Dr. Rowe," Kit said. "She runs the lab."\n\n'
             '"Hi," Sam Ito said.\n')
    assert _speakers(ficlens.analyze(shown))[:2] == ["Kit Shaw", "Kit Shaw"]  # "This is" shows someone


def test_attribution_mum_and_dad_written_as_names_say_their_tagged_lines() -> None:
    text = ('Mum came through with the gravy. Tom was already eating.\n\n"Elbows off, Tom," said Mum.\n\n'
            '"Sorry," Tom said.\n\nDad sat down slowly. "What have I missed?"\n\n"Nothing," Tom said.\n\n'
            '"Nothing, he says," Dad said.\n')
    assert _speakers(ficlens.analyze(text)) == ["Mum", "Tom", "Dad", "Tom", "Dad"]


def test_attribution_who_did_not_answer_does_not_say_the_next_line() -> None:
    """"Jesse didn't answer." right before '"The Delgados," he said flatly.': the "he" is the other man."""
    text = ('Owen Brandauer came in out of the rain. Jesse Quinn sat on the stool with his split lip, '
            'and Caleb Hart knelt beside him.\n\n'
            '"The Delgados?" Owen asked.\n\nJesse didn\'t answer.\n\n"The Delgados," he said flatly.\n')
    assert _speakers(ficlens.analyze(text))[1] == "Owen Brandauer"
    spoken = text.replace("Jesse didn't answer.", "Jesse answered at last.")
    assert _speakers(ficlens.analyze(spoken))[1] == "Jesse Quinn"


def test_attribution_he_in_a_part_one_narrator_tells_is_never_that_narrator() -> None:
    """Two narrators take turns ("Harper's POV" / "Jules's POV"): in Harper's part, "he says" is
    not Harper, though neither has a gender the narration gives (each is "I" in a part)."""
    text = ("Harper's POV\n\nThe new guy from the coffee cart walks into my bakery at noon. I wipe my "
            'hands on my apron and wait.\n\n"Morning," he says. "You\'re Harper, right?"\n\n'
            '"Depends who\'s asking."\n\n***\n\nJules\'s POV\n\nShe didn\'t say no. I tell myself that all '
            'afternoon.\n\n"Jules," I say to the mirror. "You idiot."\n')
    assert _speakers(ficlens.analyze(text))[:3] == ["Jules", "Jules", "Harper"]


def test_attribution_a_line_s_own_words_are_no_tag_for_the_next() -> None:
    """'"Told you," I said.' ends the paragraph before '"You did not tell us anything."': its
    "Told you" is a line, not a tag ("told" and "you") that gives the next line to the narrator."""
    text = ('I let the lantern go, and my friend Odette watched it rise over the pines with me.\n\n'
            'Odette let out a low whistle. "Okay. That was pretty."\n\n"Told you," I said.\n\n'
            '"You did not tell us anything."\n')
    world = ficlens.analyze(text)
    names = {c.id: c.name for c in world.characters}
    assert names[world.quotes[-1].speaker or ""] == "Odette"


def test_attribution_a_place_of_someone_s_is_no_beat_of_theirs() -> None:
    """"The captain's cabin smelled of lamp oil." between two lines of the first mate's paragraph
    does not make the captain speak the second."""
    text = ('Captain Ama Osei sat at the chart table. The captain had not slept.\n\n'
            '"I don\'t like him," said Vance.\n\n"You don\'t like anyone," said Osei.\n\n'
            '"I like you." The first mate sat down across the table from her. The captain\'s cabin smelled '
            'of lamp oil. "He was asking about the hold."\n')
    assert _speakers(ficlens.analyze(text))[2:] == ["Vance", "Vance"]


def test_attribution_the_one_a_tag_says_a_line_to_never_says_it() -> None:
    """'she said to Maren, "..."': Maren listens, though she is the last "she" the narration names."""
    text = ('"The boat is late," said Lady Vane, a tall woman.\n\n"Then we wait," Maren said.\n\n'
            'The old woman nodded towards the door, then glanced at Maren and then at the fire. Lowering '
            'her voice, she said to Maren, "Do not tell Oskar."\n')
    assert _speakers(ficlens.analyze(text)) == ["Lady Vane", "Maren", "Lady Vane"]


def test_attribution_a_name_given_in_a_line_of_a_kin_word_character_is_hers() -> None:
    """'Gran lifted her cup to Priya. "I'm Hilde."': Hilde, named only in lines, is Gran, who
    says the line; the later call "Hilde" names her too. "Mom's mouth pressed thin." is Mom's beat."""
    text = ('Gran sat at the head of the table. Mom brought the soup, and Gran tasted it.\n\n'
            '"Too much salt," said Gran.\n\n"There is never too much salt," Mom said.\n\n'
            'Gran lifted her cup to Priya. "I\'m Hilde. Sit by me."\n\n"Thank you," Priya said.\n\n'
            'Gran leaned back. "Did I tell you about the shipyard, Ruth?"\n\n'
            'Mom\'s mouth pressed thin. "Many times, Hilde."\n')
    world = ficlens.analyze(text)
    names = {c.name: c for c in world.characters}
    assert "Hilde" not in names and "Hilde" in names["Gran"].aliases
    assert _speakers(world)[2] == "Gran" and _speakers(world)[-1] == "Mom"


def test_attribution_a_throat_cleared_after_a_line_leads_into_the_speech_below() -> None:
    """'"I promised nothing." Felix squared his cards and cleared his throat.' introduces the speech of
    several paragraphs below it (the last sentence is read from the closing quote mark on, not from
    the line's "I"), which turn-taking would give to the groom."""
    text = ('"Evening, all," Felix said. "I\'m the best man."\n\nSam put his head in his hands.\n\n'
            '"You said you wouldn\'t," the groom groaned.\n\n'
            '"I never promised anything." Felix pulled out his cards, squared them, and cleared his '
            'throat.\n\n"Now, I have five minutes.\n\n"Sam and I grew up on the same road.\n\n'
            '"He was never a romantic."\n')
    assert _speakers(ficlens.analyze(text))[4:] == ["Felix", "Felix", "Felix"]


def test_attribution_a_line_calling_mom_is_not_mom_s() -> None:
    """'"Mom, he kicked me."' where the narration calls a character "Mom": she rarely calls herself."""
    text = ('Mom drove with both hands on the wheel. Pip and Ned sat in the back, and Pip was bored.\n\n'
            '"Are we there yet?" Pip asked.\n\n"No," said Mom.\n\n"Ned is breathing on me," Pip said.\n\n'
            'Ned grinned at the window.\n\n"Mom, he is doing it again."\n')
    assert _speakers(ficlens.analyze(text))[-1] != "Mom"


def test_attribution_a_name_given_in_a_line_beside_a_named_character_stays_its_own() -> None:
    """'Kurt looked up from his book. "Hi. I'm Blaine."': Kurt has a name; Blaine introduces himself."""
    text = ('Kurt sat alone in the library with a book.\n\nKurt looked up from his book. "Hi. I\'m Blaine. '
            'Is this seat free?"\n\n"It is, Blaine," Kurt said.\n\n"Thanks."\n\n"Sit, then, Blaine."\n')
    world = ficlens.analyze(text)
    names = {c.name: c for c in world.characters}
    assert "Blaine" in names and "Blaine" not in names["Kurt"].aliases


def test_attribution_mum_called_after_dad_opens_the_paragraph_is_his_mother() -> None:
    """'Dad took the salt away from her. "Mum, the doctor said no salt."' calls his own mother, not
    the story's Mum; 'Pip tugged at her sleeve. "Mum, can I go?"' calls Mum."""
    from ficlens.attribution import _family_calls

    text = ('Mum set the roast down. Gran was already at the table, and Dad sat down beside her. Pip '
            'climbed onto a chair.\n\n"Too much salt," said Gran.\n\n'
            'Dad took the salt away from her. "Mum, the doctor said no salt."\n\n'
            'Pip tugged at Mum\'s sleeve. "Mum, can I go?"\n\n"No," said Mum.\n')
    world = ficlens.analyze(text)
    calls = _family_calls(world)
    assert [world.text[s:e] for s, e in zip(calls.starts, calls.ends, strict=True)] == ["Mum"]
    assert calls.starts[0] > text.index("Pip tugged")

"""Names learned from who answers a call (``attribution.called``), end to end on invented scenes."""

from __future__ import annotations

from pathlib import Path

import ficlens
from ficlens.model import Character, StoryWorld

RIVALS = Path(__file__).resolve().parent / "fixtures" / "attribution" / "rivals-called-by-name.txt"


def _by_name(world: StoryWorld) -> dict[str, Character]:
    return {c.name: c for c in world.characters}


def test_names_only_calls_give_join_whoever_answers() -> None:
    world = ficlens.analyze(RIVALS)
    characters = _by_name(world)
    assert characters["Perrin"].narrator and "Noor" in characters["Perrin"].aliases
    assert "Julian" in characters["Ashdown"].aliases
    assert "Dorothy" in characters["Dot"].aliases
    for name, alias in (("Perrin", "Noor"), ("Ashdown", "Julian"), ("Dot", "Dorothy")):
        spans = characters[name].mention_spans
        assert any(world.text[s.start:s.end] == alias for s in spans)  # the calls are mentions
        assert [s.start for s in spans] == sorted(s.start for s in spans)
        assert characters[name].mentions == len(spans)


def test_an_answer_word_is_no_name() -> None:
    world = ficlens.analyze(RIVALS)  # '"Fine," I say.' and Ashdown answers: "Fine" is on a name list
    assert all("Fine" not in c.aliases for c in world.characters)


_TWO_ANSWERS = (
    'Rosa leaned on the counter. "Elspeth, is the oven on?"\n\n'
    '"It is," Marcus said.\n\n'
    'Rosa frowned at him. "I asked you nothing. Elspeth, the oven?"\n\n'
    '"Still on," Hugo said from the back.\n\n'
    'Marcus and Hugo traded a look. Rosa sighed and checked it herself.\n'
)


def test_a_name_two_people_answer_is_nobody_s() -> None:
    world = ficlens.analyze(_TWO_ANSWERS)
    assert {c.name for c in world.characters} >= {"Rosa", "Marcus", "Hugo"}
    assert all("Elspeth" not in c.aliases for c in world.characters)


_CALLED_AND_NAMED = (
    'Tamsin pushed the gate open. "Ambrose, hold the dog."\n\n'
    '"I am holding the dog," said Ambrose.\n\n'
    'Ambrose was not holding the dog.\n'
)


def test_a_name_the_narration_uses_is_left_alone() -> None:
    world = ficlens.analyze(_CALLED_AND_NAMED)
    ambrose = _by_name(world)["Ambrose"]
    assert ambrose.aliases.count("Ambrose") == 0


def test_a_given_cast_learns_nothing() -> None:
    cast = [{"name": "Perrin"}, {"name": "Ashdown", "gender": "he"}, {"name": "Dot", "gender": "she"}]
    world = ficlens.analyze(RIVALS, cast=cast)
    assert all(not c.aliases for c in world.characters)


LAB = RIVALS.with_name("lab-partners-by-surname.txt")


def test_a_surname_only_others_call_joins_whoever_answers() -> None:
    world = ficlens.analyze(LAB)  # "You're in my seat, Thorne." / "It doesn't have ..." (Cassian)
    characters = _by_name(world)
    assert "Thorne" not in characters and "Mr. Thorne" not in characters
    cassian = characters["Cassian"]
    assert {"Thorne", "Mr. Thorne"} <= set(cassian.aliases)
    assert any(world.text[s.start:s.end] == "Mr. Thorne" for s in cassian.mention_spans)
    assert cassian.mentions == len(cassian.mention_spans)
    called = next(q for q in world.quotes if q.text.startswith("You're in my seat"))
    assert called.addressees == [cassian.id]


_SURNAME_OF_ANOTHER = (
    'Ines Calder set the kettle on. "Morrow, you\'re late."\n\n'
    '"Trains," said Bastian Vale, shrugging off his coat.\n\n'
    'Ines poured two cups and said nothing else.\n'
)


def test_a_surname_is_not_joined_to_someone_with_a_surname_already() -> None:
    world = ficlens.analyze(_SURNAME_OF_ANOTHER)
    assert all("Morrow" not in c.aliases for c in world.characters if c.name != "Morrow")


def test_a_formal_name_of_a_pet_name_is_theirs_whoever_answers() -> None:
    """'"Josephine," Mom said.' and Gus answers: "Josephine" is Jo's (a formal name of her pet name)."""
    text = ('Jo kicked the back of the seat. Gus laughed at her, and Mom sighed.\n\n'
            '"Josephine," Mom said.\n\n"She started it," Gus said.\n\n"I did not," said Jo.\n')
    characters = _by_name(ficlens.analyze(text))
    assert "Josephine" in characters["Jo"].aliases and "Josephine" not in characters["Gus"].aliases


_ONE_ANSWER_EACH = (
    'Miss Dashwood had just come in from the garden when Miss Vell looked up from her sewing.\n\n'
    '"Lord, Anne, you talk of nothing but beaux," said Miss Vell.\n\n'
    '"I said nothing at all," said Miss Dashwood.\n\n'
    'Miss Dashwood took off her bonnet. Harriet sat down beside her.\n\n'
    '"London, I daresay, will be very full," said Miss Vell.\n\n'
    '"Very full," said Harriet. She had been in London once.\n\n'
    '"Harriet, you should sit nearer the fire," said Miss Dashwood. Harriet did.\n'
)


def test_one_answer_gives_no_second_first_name_nor_a_town() -> None:
    """A call of "Anne" answered once by Miss Dashwood, who has a first name of her own, is no name
    of hers; nor is a town the story is in ("London, I daresay") the one who answers it."""
    world = ficlens.analyze(_ONE_ANSWER_EACH.replace("Miss Dashwood had", "Elinor Dashwood had"))
    assert all("Anne" not in c.aliases and "London" not in c.aliases for c in world.characters)

"""Tests for ficlens.eval: the PDNC and LitBank loaders, the metrics, ``ficlens eval``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ficlens.cli import main
from ficlens.errors import EvalError
from ficlens.eval.gold import GoldDocument, GoldQuote
from ficlens.eval.litbank import _rebuild, iter_documents, load_document
from ficlens.eval.metrics import Counts, match_characters, score, speaker_ids
from ficlens.eval.pdnc import iter_novels, load_novel, world_from_gold
from ficlens.eval.run import evaluate
from ficlens.model import CastMember, Chapter, Character, Quote, StoryWorld
from ficlens.quotes import find_quotes

PDNC_FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "pdnc"
LITBANK_FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "litbank"


def test_eval_pdnc_load_novel_spans_index_the_text() -> None:
    novel = load_novel(PDNC_FIXTURE / "TinyHarbour")
    assert novel.name == "TinyHarbour"
    assert [q.id for q in novel.quotes] == ["Q0", "Q1", "Q2", "Q3"]
    first = novel.quotes[0]
    assert [novel.text[a:b] for a, b in first.spans] == ["It will come,", "it always does."]
    assert novel.text[first.spans[0][0] - 1] == '"'
    assert first.speaker == "Tobias Wren"
    assert first.addressees == ["Mara Quill"]
    assert (first.type, first.referring_expression) == ("explicit", "said Tobias Wren")
    assert novel.quotes[3].type == "implicit" and novel.quotes[3].referring_expression is None


def test_eval_pdnc_load_novel_reads_cast() -> None:
    cast = {m.name: m for m in load_novel(PDNC_FIXTURE / "TinyHarbour").cast}
    assert cast["Mara Quill"].aliases == ["Mara Quill", "Mara", "Miss Quill"]
    assert [cast[n].gender for n in ("Mara Quill", "Tobias Wren", "The Ferryman")] == ["she", "he", "they"]


def test_eval_pdnc_load_novel_crlf_text_shifts_spans(tmp_path: Path) -> None:
    raw = 'Rain.\r\n\r\n"Go home," said Ann.\r\n'
    a = raw.index("Go home,")
    (tmp_path / "novel_text.txt").write_bytes(raw.encode())
    (tmp_path / "character_info.csv").write_text("Main Name,Aliases,Gender\nAnn,{'Ann'},F\n")
    (tmp_path / "quotation_info.csv").write_text(
        f'quoteID,quoteByteSpans,speaker\nQ0,"[[{a}, {a + 8}]]",Ann\n')
    novel = load_novel(tmp_path)
    (start, end), = novel.quotes[0].spans
    assert "\r" not in novel.text
    assert novel.text[start:end] == "Go home,"


def test_eval_pdnc_world_from_gold_sets_cast() -> None:
    novel = load_novel(PDNC_FIXTURE / "TinyOrchard")
    world = world_from_gold(novel)
    assert world.text == novel.text
    assert [m.name for m in world._cast or []] == ["Pell Ashby", "Nora Vale", "Mara Quill"]
    assert world_from_gold(novel, gold_cast=False)._cast is None


def test_eval_pdnc_iter_novels_sorted_and_subset() -> None:
    assert [n.name for n in iter_novels(PDNC_FIXTURE)] == ["TinyHarbour", "TinyOrchard"]
    assert [n.name for n in iter_novels(PDNC_FIXTURE, ["tinyorchard"])] == ["TinyOrchard"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "absent", "not found"),
    (lambda p: p, "no PDNC novel folders"),
])
def test_eval_pdnc_iter_novels_bad_dir(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        list(iter_novels(make(tmp_path)))


def test_eval_pdnc_iter_novels_unknown_name() -> None:
    with pytest.raises(EvalError, match="no PDNC novel named Nope"):
        list(iter_novels(PDNC_FIXTURE, ["Nope"]))


def test_eval_pdnc_load_novel_bad_spans(tmp_path: Path) -> None:
    (tmp_path / "novel_text.txt").write_text('"Hi," she said.\n')
    (tmp_path / "character_info.csv").write_text("Main Name,Aliases,Gender\nAnn,{'Ann'},F\n")
    (tmp_path / "quotation_info.csv").write_text("quoteID,quoteByteSpans,speaker\nQ0,[[1,x]],Ann\n")
    with pytest.raises(EvalError, match="quoteByteSpans"):
        load_novel(tmp_path)


@pytest.mark.shared
def test_eval_pdnc_real_novel_spans_match_quote_text(pdnc_dir: Path) -> None:
    novel = load_novel(pdnc_dir / "PrideAndPrejudice")
    assert len(novel.quotes) > 1000
    matched = sum(novel.text[a:b].strip() in q.text for q in novel.quotes for a, b in q.spans)
    total = sum(len(q.spans) for q in novel.quotes)
    assert matched / total > 0.99
    assert all(novel.text[a - 1] in "\"'\u201c\u2018 \n" for q in novel.quotes for a, b in q.spans[:1])


# --- metrics -------------------------------------------------------------------------------------

def _quote_over(text: str, phrase: str, qid: str, **fields: object) -> Quote:
    start = text.index(phrase)
    return Quote(id=qid, start=start - 1, end=start + len(phrase) + 1, text=phrase, **fields)


def test_eval_metrics_score_counts_exactly() -> None:
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    text = gold.text
    world = StoryWorld(text=text, characters=[
        Character(id="c1", name="Mara", aliases=["Miss Quill"]),
        Character(id="c2", name="Tobias Wren"),
        Character(id="c3", name="Captain Holt"),
    ], quotes=[
        _quote_over(text, "It will come,", "q1", speaker="c2", addressees=["c1"]),
        _quote_over(text, "it always does.", "q2", speaker="c2", continues="q1"),
        _quote_over(text, "Not before the rain.", "q3", speaker="c2", addressees=["c2"]),
        _quote_over(text, "Fine.", "q4", speaker="c1", addressees=["c2", "c3"]),
        _quote_over(text, "lighthouse", "q5", speaker="c1"),
        _quote_over(text, "satchel", "q6", kind="mention"),
    ])
    counts = score(gold, world, seconds=0.5, main_quotes=2)
    assert (counts.quotes, counts.detected, counts.correct) == (4, 3, 2)
    assert counts.by_type == {"explicit": [1, 1], "anaphoric": [2, 0], "implicit": [1, 1]}
    assert (counts.with_addressees, counts.addressee_any_right, counts.addressee_exact_right) == (4, 3, 2)
    assert (counts.predicted_quotes, counts.predicted_matching) == (5, 4)
    assert (counts.main_characters, counts.main_found) == (2, 2)
    assert (counts.predicted_characters, counts.predicted_characters_matching) == (3, 2)
    rates = counts.rates()
    assert rates["attribution_accuracy"] == 0.5
    assert rates["attribution_anaphoric"] == 0.0
    assert rates["detection_recall"] == 0.75
    assert rates["detection_precision"] == 0.8
    assert (rates["addressee_any"], rates["addressee_exact"]) == (0.75, 0.5)
    assert rates["character_precision"] == 2 / 3
    assert rates["words_per_second"] == counts.words / 0.5


def test_eval_metrics_counts_add_up() -> None:
    a = Counts(quotes=2, correct=1, by_type={"explicit": [2, 1]}, seconds=1.0)
    b = Counts(quotes=3, correct=3, by_type={"explicit": [1, 1], "implicit": [2, 2]}, seconds=0.5)
    total = a + b
    assert (total.quotes, total.correct, total.seconds) == (5, 4, 1.5)
    assert total.by_type == {"explicit": [3, 2], "implicit": [2, 2]}
    assert Counts().rates()["attribution_accuracy"] is None


def test_eval_metrics_match_characters_by_name_then_aliases() -> None:
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    identity = match_characters(gold, [
        Character(id="c1", name="Quill", aliases=["Miss Quill", "Mara"]),
        Character(id="c2", name="tobias"),
        Character(id="c3", name="Nobody"),
    ])
    assert identity == {"c1": "Mara Quill", "c2": "Tobias Wren"}


def test_eval_metrics_match_characters_by_full_name_without_title() -> None:
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    identity = match_characters(gold, [Character(id="c1", name="Mr. Tobias Wren"),
                                       Character(id="c2", name="Mr. Wren"),
                                       Character(id="c3", name="Master Tobias Wren")])
    assert identity == {"c1": "Tobias Wren", "c3": "Tobias Wren"}  # "Wren" alone is no gold alias here


def test_eval_metrics_match_characters_by_description_whatever_its_article() -> None:
    """LitBank names a described speaker by its first mention ("a girl"): "the girl" is her."""
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    gold.cast.append(CastMember(name="a girl", aliases=["a girl"]))
    identity = match_characters(gold, [Character(id="c1", name="the girl"), Character(id="c2", name="girl")])
    assert identity == {"c1": "a girl"}  # a bare "girl" is no description of hers


def test_eval_metrics_match_characters_described_without_article_in_the_gold() -> None:
    """PDNC names some described speakers without an article ("Little Girl"): "the little girl" is her."""
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    gold.cast.append(CastMember(name="Little Girl", aliases=["Little Girl"]))
    identity = match_characters(gold, [Character(id="c1", name="the little girl"),
                                       Character(id="c2", name="girl")])
    assert identity == {"c1": "Little Girl"}


@pytest.mark.parametrize("gold_name", ["I", "Rudolf narrator"])
def test_eval_metrics_match_characters_narrator_to_the_gold_narrator(gold_name: str) -> None:
    """LitBank names a narrator's chain "I" or "... narrator": the predicted narrator is it."""
    gold = load_novel(PDNC_FIXTURE / "TinyHarbour")
    gold.cast.append(CastMember(name=gold_name, aliases=[gold_name]))
    identity = match_characters(gold, [Character(id="c1", name="Narrator", narrator=True),
                                       Character(id="c2", name="Ivo")])
    assert identity == {"c1": gold_name}


def _rowing_gold() -> GoldDocument:
    text = '"Row harder," said Wren. "My arms ache," Nell answered. "Then sing," said Wren.'
    spans = [(text.index(p), text.index(p) + len(p)) for p in ("Row harder,", "My arms ache,", "Then sing,")]
    quotes = [GoldQuote("Q0", [spans[0]], "Row harder,", "Wren", ["nell"]),
              GoldQuote("Q1", [spans[1]], "My arms ache,", "Nell", ["TOBY"]),
              GoldQuote("Q2", [spans[2]], "Then sing,", "The Rower")]
    cast = [CastMember(name="Tobias Wren", aliases=["Tobias Wren", "Wren", "Toby", "The Rower"], gender="he"),
            CastMember(name="Nell Quill", aliases=["Nell Quill", "Nell", "The Rower"], gender="she")]
    return GoldDocument(name="Rowing", text=text, quotes=quotes, cast=cast)


def test_eval_gold_main_name_resolves_aliases() -> None:
    gold = _rowing_gold()
    assert gold.main_name("Wren") == "Tobias Wren"
    assert gold.main_name(" toby ") == "Tobias Wren"
    assert gold.main_name("Nell Quill") == "Nell Quill"
    assert gold.main_name("The Rower") is None  # shared by two members: names neither
    assert gold.main_name("Somebody") is None


def test_eval_metrics_gold_speakers_named_by_alias() -> None:
    gold = _rowing_gold()
    text = gold.text
    world = StoryWorld(text=text, characters=[Character(id="c1", name="Tobias Wren", mentions=2),
                                              Character(id="c2", name="Nell", mentions=1)],
                       quotes=[_quote_over(text, "Row harder,", "q1", speaker="c1", addressees=["c2"]),
                               _quote_over(text, "My arms ache,", "q2", speaker="c2", addressees=["c1"]),
                               _quote_over(text, "Then sing,", "q3", speaker="c1")])
    counts = score(gold, world, main_quotes=1)
    assert (counts.quotes, counts.correct) == (3, 2)  # "The Rower" is nobody in particular
    assert (counts.with_addressees, counts.addressee_any_right, counts.addressee_exact_right) == (2, 2, 2)
    assert (counts.main_characters, counts.main_found) == (2, 2)
    ids = speaker_ids(gold, world.characters)
    assert [ids[n] for n in ("Wren", "Toby", "TOBY", "nell", "Nell Quill")] == ["c1", "c1", "c1", "c2", "c2"]
    assert "The Rower" not in ids


# --- LitBank -------------------------------------------------------------------------------------

def test_eval_litbank_rebuilds_text_and_spans() -> None:
    document = load_document(LITBANK_FIXTURE, "01_tiny_gate_brat")
    assert document.text == ('Ivo Marsh opened the gate.\n\n"You are early," said Ivo.\n\n'
                             '"The bus was quick," Wren Tally replied. "Is the kettle on?" '
                             "He laughed at the dogs' bowls.\n\n'Always,' he said.")
    assert [(q.id, document.text[q.spans[0][0]:q.spans[0][1]], q.speaker) for q in document.quotes] == [
        ("Q1", '"You are early,"', "Ivo Marsh"),
        ("Q2", '"The bus was quick,"', "Wren Tally"),
        ("Q3", '"Is the kettle on?"', "Wren Tally"),
        ("Q4", "'Always,'", "Ivo Marsh"),
    ]


def test_eval_litbank_rebuild_sets_dashed_speech_apart() -> None:
    """Joyce's dialogue has no quote marks: each dash opens a paragraph, as in the book; where quote
    marks tell the dialogue, a dash after a colon stays inline (Dracula's letter)."""
    dashed = [["He", "said", ":", "\u2014", "Come", "up", "!"], ["\u2014", "Back", "!"], ["he", "said", "."],
              ["\u2014", "Yes", "."]]
    assert _rebuild(dashed).text == "He said:\n\n\u2014 Come up!\n\n\u2014 Back! he said.\n\n\u2014 Yes."
    marked = [["He", "wrote", ":", "--", "Welcome", "."], ['"', "Back", "!", '"'], ["he", "said", "."]]
    assert _rebuild(marked).text == 'He wrote: -- Welcome.\n\n"Back!" he said.'


def test_eval_litbank_rebuild_reopens_a_quote_at_a_sentence_start() -> None:
    """A mark never closed (an epigraph's) must not turn every later quote inside out."""
    sentences = [["'", "Wooed", "and", "married", "'", ".", "'"], ["'", "Edith", "!", "'"],
                 ["said", "Margaret", ",", "'", "Edith", "!", "'"]]
    assert _rebuild(sentences).text == "'Wooed and married'. ''Edith!' said Margaret, 'Edith!'"


def test_eval_litbank_cast_from_speaking_chains() -> None:
    cast = load_document(LITBANK_FIXTURE, "01_tiny_gate_brat").cast
    assert [(m.name, m.aliases, m.gender) for m in cast] == [
        ("Ivo Marsh", ["Ivo Marsh", "Ivo"], "he"), ("Wren Tally", ["Wren Tally"], "unknown")]


def test_eval_litbank_iter_documents_subset_and_errors(tmp_path: Path) -> None:
    assert [d.name for d in iter_documents(LITBANK_FIXTURE, ["01_tiny"])] == ["01_tiny_gate_brat"]
    with pytest.raises(EvalError, match="no LitBank excerpt named nope"):
        list(iter_documents(LITBANK_FIXTURE, ["nope"]))
    with pytest.raises(EvalError, match="not a LitBank folder"):
        list(iter_documents(tmp_path))
    with pytest.raises(EvalError, match="not found"):
        list(iter_documents(tmp_path / "absent"))


def test_eval_litbank_malformed_row(tmp_path: Path) -> None:
    folder = tmp_path / "quotations" / "tsv"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("Hi .\n")
    (folder / "x.ann").write_text("QUOTE\tQ1\t0\tzero\t0\t1\tHi .\n")
    with pytest.raises(EvalError, match="malformed QUOTE row"):
        list(iter_documents(tmp_path))


@pytest.mark.shared
def test_eval_litbank_real_quotes_line_up(litbank_dir: Path) -> None:
    documents = list(iter_documents(litbank_dir, ["110_tess"]))
    quotes = documents[0].quotes
    assert len(quotes) > 20
    assert all(documents[0].text[q.spans[0][0]] in "\"'\u201c\u2018" for q in quotes)


# --- running the pipeline ------------------------------------------------------------------------

def _quotes_only(world: StoryWorld) -> StoryWorld:
    """A stand-in pipeline: chapters and quotes, every speech quote given to the first cast member."""
    world.chapters = [Chapter(index=0, start=0, end=len(world.text))]
    world = find_quotes(world)
    cast = world._cast or []
    world.characters = [Character(id=f"c{i + 1}", name=m.name, aliases=m.aliases) for i, m in enumerate(cast)]
    for quote in world.quotes:
        quote.speaker = "c1" if cast else None
    return world


@pytest.fixture
def quotes_only_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ficlens.eval.run.pipeline.run", _quotes_only)


@pytest.mark.usefixtures("quotes_only_pipeline")
def test_eval_run_settings_and_totals() -> None:
    end_to_end, gold_cast = evaluate(iter_novels(PDNC_FIXTURE))
    assert (end_to_end.setting, gold_cast.setting) == ("end-to-end", "gold-cast")
    assert end_to_end.total.correct == 0 and end_to_end.total.predicted_characters == 0
    # gold cast: everything goes to the first member (Mara Quill, Pell Ashby): 2 of 4 and 1 of 3 right
    assert [c.correct for c in gold_cast.documents.values()] == [2, 1]
    total = gold_cast.total
    assert (total.quotes, total.detected, total.correct) == (7, 7, 3)
    assert total.by_type == {"explicit": [4, 1], "anaphoric": [2, 1], "implicit": [1, 1]}


# --- the command ---------------------------------------------------------------------------------

@pytest.mark.usefixtures("quotes_only_pipeline")
def test_eval_cli_pdnc_json() -> None:
    result = CliRunner().invoke(main, ["eval", "pdnc", str(PDNC_FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["setting"] for r in data["results"]] == ["end-to-end", "gold-cast"]
    total = data["results"][1]["total"]
    assert (total["quotes"], total["correct"], total["detection_recall"]) == (7, 3, 1.0)
    assert set(data["results"][0]["documents"]) == {"TinyHarbour", "TinyOrchard"}


@pytest.mark.usefixtures("quotes_only_pipeline")
def test_eval_cli_litbank_table() -> None:
    result = CliRunner().invoke(main, ["eval", "litbank", str(LITBANK_FIXTURE), "--setting", "gold-cast"])
    assert result.exit_code == 0, result.output
    assert "quote detection recall" in result.output and "100.0" in result.output
    assert "end-to-end" not in result.output


@pytest.mark.slow
def test_eval_cli_whole_pipeline_runs() -> None:
    result = CliRunner().invoke(main, ["eval", "pdnc", str(PDNC_FIXTURE), "--novel", "TinyOrchard", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["total"]["quotes"] == 3


@pytest.mark.parametrize("args, message", [
    (["eval", "pdnc", "/no/such/dir"], "PDNC directory not found"),
    (["eval", "litbank", str(PDNC_FIXTURE)], "not a LitBank folder"),
    (["eval", "pdnc", str(PDNC_FIXTURE), "--novel", "Nope"], "no PDNC novel named Nope"),
])
def test_eval_cli_bad_directory_is_one_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1

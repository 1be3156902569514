"""Generic HTML: extracted text, entities, scene breaks from <hr>, symbols and blank runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read
from ficlens.segment import segment


def test_html_generic_text_as_read(fixtures_dir: Path):
    world = read(fixtures_dir / "ingest" / "generic.html")
    assert world.source.format == "html"
    assert world.text.startswith("Night Ferry\n\nThe ferry horn sounded twice — once for leaving")
    assert "shore & lost count" in world.text
    assert "not text" not in world.text and "margin" not in world.text
    assert "By dawn they could smell the harbour.\nJuno said nothing.\nCasimir said less." in world.text


def test_html_generic_scene_breaks(fixtures_dir: Path):
    world = segment(read(fixtures_dir / "ingest" / "generic.html"))
    text = world.text
    assert [(s.break_, s.marker) for s in world.scenes] == [
        ("start", None), ("marker", "* * *"), ("marker", "♦ ♦ ♦"), ("marker", None)]
    assert text[world.scenes[-1].start:world.scenes[-1].end] == "Three days later, the letter arrived."
    assert world.metadata.chapter_title == "Night Ferry"


def test_html_xml_entities_are_not_expanded(tmp_path: Path):
    path = tmp_path / "entity.html"
    path.write_text('<!DOCTYPE html [<!ENTITY boom "BOOMBOOMBOOM">]><html><body><p>Quiet &boom; night'
                    " &amp; day.</p></body></html>", encoding="utf-8")
    world = read(path)
    assert "BOOM" not in world.text
    assert "night & day." in world.text


def test_html_pasted_string_is_read_as_html():
    world = read("<html><body><p>One.</p><p>Two &amp; three.</p></body></html>")
    assert (world.source.format, world.text) == ("html", "One.\n\nTwo & three.")


@pytest.mark.parametrize(("markup", "text"), [
    ("<p>a</p><br><p>b</p>", "a\n\nb"),
    ("<p>a</p><br><br><p>b</p>", "a\n\n\n\nb"),
    ("<p>a</p><p>&nbsp;</p><p>b</p>", "a\n\nb"),
    ("<p>a</p><p>&nbsp;</p><p> </p><p>b</p>", "a\n\n\n\nb"),
    ("<p>a<br>b<br><br>c<br><br><br>d<br></p>", "a\nb\n\nc\n\n\n\nd"),
    ("<div>Wren <i>ran</i>.<p>Odile <b>didn't</b>.</p></div>", "Wren ran.\n\nOdile didn't."),
    ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
])
def test_html_blocks_lines_and_blank_runs(markup: str, text: str):
    assert read(f"<html><body>{markup}</body></html>").text == text


def test_html_fragment_is_sniffed():
    assert read("<p>Wren ran.</p>\n<p>Odile didn't.</p>").text == "Wren ran.\n\nOdile didn't."


@pytest.mark.parametrize(("markup", "text", "italics"), [
    ("<p>Kurt stared. <em>He can't be serious.</em></p>", "Kurt stared. He can't be serious.",
     ["He can't be serious."]),
    ("<p><i>Oh no,</i> he thought. <em> Not here. </em></p>", "Oh no, he thought. Not here.",
     ["Oh no,", "Not here."]),  # spaces at an edge stay outside the italics, collapsed as ever
    ("<p>A<em> </em>B <em></em>C</p><p><em></em></p><p>D</p>", "A B C\n\nD", []),  # nothing to set
    ("<p><em>Out <i>in</i> out.</em></p>", "Out in out.", ["Out in out."]),  # nested: the outer span
    ("<p>Before<br><br><em>across<br><br>the break</em> after</p>", "Before\n\nacross\n\nthe break after",
     ["across", "the break"]),  # one span per paragraph
    ("<p><em>a<br><br>b <i>c</i> d</em> e</p>", "a\n\nb c d e", ["a", "c", "b c d"]),  # not "c d"
    ("<h2>The <em>Big</em> Day</h2><p>x\ue000y\ue001z</p>", "The Big Day\n\nx\ufffdy\ufffdz", []),
])
def test_html_italics_beside_the_text(markup: str, text: str, italics: list[str]):
    world = read(f"<html><body>{markup}</body></html>")
    assert world.text == text
    assert [world.text[start:end] for start, end in world._italics] == italics

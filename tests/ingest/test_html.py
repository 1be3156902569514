"""Generic HTML: extracted text, entities, scene breaks from <hr>, symbols and blank runs."""

from __future__ import annotations

from pathlib import Path

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

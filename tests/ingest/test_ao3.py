"""AO3 downloads (HTML and EPUB): tags, notes, chapters, all as spans of the extracted text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read
from ficlens.segment import segment

from .epubs import make_epub, page


@pytest.fixture
def ao3_html(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest" / "ao3-work.html"


def _check(world) -> None:
    text = world.text
    assert world.source.format in ("ao3-html", "ao3-epub")
    metadata = world.metadata
    assert metadata.title == "Salt and Lanterns"
    assert metadata.author == "quillfeather"
    assert metadata.rating == "Teen And Up Audiences"
    assert metadata.warnings == ["No Archive Warnings Apply"]
    assert metadata.category == ["F/F"]
    assert metadata.fandoms == ["Lighthouse Keepers (Original Work)"]
    assert metadata.relationships == ["Maren Holt/Iris Vane", "Maren Holt & Tobias Holt"]
    assert metadata.characters == ["Maren Holt", "Iris Vane", "Tobias Holt"]
    assert metadata.additional_tags == ["Slow Burn", "Storms", "Hurt/Comfort"]
    assert metadata.language == "English"
    assert metadata.series == ["Part 2 of The Northern Lights"]
    assert metadata.stats == {"published": "2024-03-02", "completed": "2024-03-09", "words": "612",
                              "chapters": "2/2"}
    assert metadata.summary == "Maren keeps the light. Iris keeps coming back."
    notes = [(n.kind, n.position, n.chapter, text[n.start:n.end]) for n in world.notes]
    assert notes == [
        ("summary", "before", None, "Maren keeps the light. Iris keeps coming back."),
        ("work_notes", "before", None, "Written for a friend who loves boats & bad weather."),
        ("chapter_summary", "before", 0, "A storm, a knock, a kettle."),
        ("authors_note", "before", 0, "Thank you for reading the first part!"),
        ("authors_note", "after", 0, "Next chapter: tea, and a confession."),
        ("end_notes", "after", None, "Thanks for coming along. Kudos keep the lamp lit."),
    ]
    assert all(n.text == text[n.start:n.end] for n in world.notes)
    first, second = world.chapters
    assert (first.title, first.summary, second.title) == ("The Lamp Room", "A storm, a knock, a kettle.",
                                                           "Chapter 2")
    assert text[first.start:first.end].startswith("The wind had been trying")
    assert text[first.start:first.end].endswith("before the sea follows you.\"")
    assert text[second.start:second.end] == (
        "Morning arrived grey and apologetic.\n\n~*~\n\nIris had fallen asleep in the chair by the stove, "
        "one boot still on.\n\n\"Stay,\" Maren said, very quietly, to nobody awake.")
    # italics are kept beside the text, never in it (nor in the metadata read from the markup)
    assert [text[start:end] for start, end in world._italics] == [
        "coming back", "Let him watch. The lamp won't light itself."]


def test_ao3_html_download(ao3_html: Path):
    world = read(ao3_html)
    assert world.source.format == "ao3-html"
    _check(world)
    assert "Chapter 1: The Lamp Room" in world.text and "<" not in world.text


def test_ao3_html_segments_into_scenes(ao3_html: Path):
    world = segment(read(ao3_html))
    _check(world)
    text = world.text
    assert [(s.id, s.chapter, s.break_, s.marker) for s in world.scenes] == [
        ("s1", 0, "start", None), ("s2", 0, "marker", "* * *"), ("s3", 1, "chapter", None),
        ("s4", 1, "marker", "~*~")]
    assert text[world.scenes[1].start:world.scenes[1].end].startswith("The knock came after midnight")
    assert len(world.paragraphs) == 8


def test_ao3_epub(ao3_html: Path, tmp_path: Path):
    markup = ao3_html.read_text(encoding="utf-8")
    preface = markup[markup.index('<div id="preface">'):markup.index('<div id="chapters"')]
    chapters = markup[markup.index('<div id="chapters"'):markup.index('<div id="afterword">')]
    split = chapters.index('<div class="meta group">', 100)
    afterword = markup[markup.index('<div id="afterword">'):markup.index("</body>")]
    documents = {"preface.xhtml": page(preface), "chapter1.xhtml": page(chapters[:split] + "</div>"),
                 "chapter2.xhtml": page('<div id="chapters" class="userstuff">' + chapters[split:]),
                 "afterword.xhtml": page(afterword)}
    metadata = ("<dc:title>Salt and Lanterns</dc:title><dc:creator>quillfeather</dc:creator>"
                "<dc:publisher>Archive of Our Own</dc:publisher><dc:subject>Storms</dc:subject>")
    world = read(make_epub(tmp_path / "work.epub", documents, metadata))
    assert world.source.format == "ao3-epub"
    _check(world)


@pytest.mark.parametrize("chapters", [
    '<div id="chapters"><div class="userstuff"><p>Only one chapter here.</p></div></div>',
    '<div id="chapters"><p>Only one chapter here.</p></div>',
])
def test_ao3_single_chapter_work(chapters: str):
    markup = ('<html><body><div id="preface"><div class="meta"><dl class="tags"><dt>Rating:</dt>'
              f"<dd>General Audiences</dd></dl><h1>Tiny</h1></div></div>{chapters}</body></html>")
    world = read(markup)
    assert world.source.format == "ao3-html"
    assert [world.text[c.start:c.end] for c in world.chapters] == ["Only one chapter here."]
    assert world.metadata.rating == "General Audiences"


def test_ao3_older_download_with_toc_headings():
    markup = ('<html><body><div id="preface"><dl class="tags"><dt>Fandom:</dt><dd><a>Quarry</a></dd></dl>'
              '<h1>Old</h1></div><div id="chapters"><h2 class="toc-heading">Chapter 1: Stones</h2>'
              '<div class="userstuff"><p>First.</p></div><h2 class="toc-heading">Chapter 2</h2>'
              '<div class="userstuff"><p>Second.</p></div></div></body></html>')
    world = read(markup)
    assert [(c.title, world.text[c.start:c.end]) for c in world.chapters] == [
        ("Stones", "First."), ("Chapter 2", "Second.")]

"""FanFicFare downloads: TXT, HTML and EPUB title pages and chapters."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read
from ficlens.segment import segment

from .epubs import make_epub, page

FIRST = ("Pell had mended the gate four times that spring, and four times it had been opened by "
         "something with horns.")


def _check(world, summary: str) -> None:
    text = world.text
    metadata = world.metadata
    assert (metadata.title, metadata.author, metadata.rating) == ("The Orchard Gate", "windlestraw", "K+")
    assert metadata.fandoms == ["Harvest Moon Chronicles"]
    assert metadata.characters == ["Pell W.", "Daisy R."]
    assert metadata.additional_tags[:2] == ["Friendship", "Humor"]
    assert metadata.stats["words"] == "301" and metadata.stats["status"] == "Completed"
    summary_notes = [n for n in world.notes if n.kind == "summary"]
    assert [text[n.start:n.end] for n in summary_notes] == [summary]
    assert [c.title for c in world.chapters] == ["Fences", "Goats"]
    first, second = (" ".join(text[c.start:c.end].split()) for c in world.chapters)
    assert first.startswith(FIRST)
    assert first.endswith("belonged to neither of them.")
    assert second.endswith("listened to Daisy laughing in the yard.")
    world = segment(world)
    assert [(s.break_, s.marker) for s in world.scenes] == [
        ("start", None), ("marker", "* * *"), ("chapter", None)]
    assert len(world.paragraphs) == 5


def test_fanficfare_txt(fixtures_dir: Path):
    world = read(fixtures_dir / "ingest" / "fanficfare.txt")
    assert world.source.format == "fanficfare-txt"
    _check(world, "Two neighbours, one broken gate,\nand a goat with opinions.")
    assert "End file." not in world.text[world.chapters[-1].start:world.chapters[-1].end]
    contents = [n for n in world.notes if n.kind == "front_matter"]
    assert world.text[contents[0].start:contents[0].end].startswith("TABLE OF CONTENTS")


def test_fanficfare_html(fixtures_dir: Path):
    world = read(fixtures_dir / "ingest" / "fanficfare.html")
    assert world.source.format == "fanficfare-html"
    _check(world, "Two neighbours, one broken gate, and a goat with opinions.")


@pytest.fixture
def fanficfare_epub(tmp_path: Path) -> Path:
    title_page = page("<h3><a href='#'>The Orchard Gate</a> by "
                      "<a class='authorlink' href='#'>windlestraw</a></h3>"
                      "<div><b>Status:</b> Completed<br/><b>Rating:</b> K+<br/><b>Words:</b> 301<br/>"
                      "<b>Category:</b> Harvest Moon Chronicles<br/><b>Genre:</b> Friendship, Humor<br/>"
                      "<b>Characters:</b> Pell W., Daisy R.<br/>"
                      "<b>Summary:</b> Two neighbours, one broken gate, and a goat with opinions.<br/></div>")
    chapter1 = page(f"<h3 class='fff_chapter_title'>Fences</h3><p>{FIRST}</p>"
                    "<p>\"It isn't me,\" Daisy said, before he could ask.</p><hr/>"
                    "<p>By evening the goat was standing on the woodpile, chewing a glove that belonged "
                    "to neither of them.</p>")
    chapter2 = page("<h3 class='fff_chapter_title'>Goats</h3><p>The second morning began with a bleat.</p>"
                    "<p>Pell put his pillow over his head and listened to Daisy laughing in the yard.</p>")
    metadata = ("<dc:title>The Orchard Gate</dc:title><dc:creator>windlestraw</dc:creator>"
                "<dc:contributor>FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>"
                "<dc:subject>Friendship</dc:subject><dc:subject>Goats</dc:subject>"
                "<dc:description>&lt;p&gt;Two neighbours.&lt;/p&gt;</dc:description>")
    documents = {"title_page.xhtml": title_page, "toc_page.xhtml": page("<h3>Contents</h3><p>Fences</p>"),
                 "file0001.xhtml": chapter1, "file0002.xhtml": chapter2}
    return make_epub(tmp_path / "orchard.epub", documents, metadata)


def test_fanficfare_epub(fanficfare_epub: Path):
    world = read(fanficfare_epub)
    assert world.source.format == "fanficfare-epub"
    _check(world, "Two neighbours, one broken gate, and a goat with opinions.")
    assert "Goats" in world.metadata.additional_tags


def test_fanficfare_summary_on_the_next_line():
    text = ("Title Page\n\nby someone\n\nStatus: Completed\nWords: 20\nCategory: Quarry\nSummary:\n"
            "  Stones that answer.\n\n\nTABLE OF CONTENTS\n\nOne\n\n\n\tOne\n\n"
            "Hollis threw a stone.\n\n\nEnd file.\n")
    world = read(text)
    assert world.source.format == "fanficfare-txt"
    [summary] = [n for n in world.notes if n.kind == "summary"]
    assert world.text[summary.start:summary.end] == "Stones that answer."
    assert [world.text[c.start:c.end] for c in world.chapters] == ["Hollis threw a stone."]

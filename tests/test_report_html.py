"""The HTML report: every section present, the text escaped, offsets honoured."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from html import unescape

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ficlens.model import Chapter, Paragraph, Quote, Scene, StoryWorld
from ficlens.report import render_html
from ficlens.report.data import report_data, script_json
from ficlens.report.layout import force_layout
from fixtures.report.world import hostile_world, lighthouse_world, pdnc_world


@pytest.fixture(scope="module")
def lighthouse():
    world = lighthouse_world()
    return world, HTMLParser(render_html(world))


@pytest.fixture(scope="module")
def hostile():
    world = hostile_world()
    html = render_html(world)
    return world, html, HTMLParser(html)


def _data(tree: HTMLParser) -> dict:
    return json.loads(tree.css_first("script#ficlens-data").text())


@pytest.mark.parametrize("selector", ["#timeline .timeline", "#network .net", "#arc .arc-chart",
                                      "#talk .talk", "#tags", "#text .legend", "article#story",
                                      "nav.chapters", "script#ficlens-data"])
def test_report_html_has_every_section(lighthouse, selector):
    _, tree = lighthouse
    assert tree.css_first(selector) is not None


def test_report_html_quote_spans_are_the_quotes(lighthouse):
    world, tree = lighthouse
    spans = tree.css("#story span.q")
    assert len(spans) == len(world.quotes)
    for span in spans:
        quote = world.quotes[int(span.attributes["data-q"])]
        assert span.text() == quote.text == world.text[quote.start:quote.end]


def test_report_html_colours_quotes_by_speaker(lighthouse):
    world, tree = lighthouse
    data = _data(tree)
    names = [c["name"] for c in data["characters"]]
    for span in tree.css("#story span.q"):
        quote = world.quotes[int(span.attributes["data-q"])]
        classes = span.attributes["class"].split()
        if quote.speaker is None:
            assert "ku" in classes and "lc" in classes
        else:
            speaker = world.character(quote.speaker)
            assert f"k{names.index(speaker.name)}" in classes
            assert ("lc" in classes) == (quote.confidence < 0.5)


def test_report_html_paragraph_offsets_point_into_text(lighthouse):
    world, tree = lighthouse
    for p in tree.css("#story p[data-o]"):
        start = int(p.attributes["data-o"])
        assert world.text[start:].startswith(p.text())


def test_report_html_notes_shown_apart_from_story(lighthouse):
    _, tree = lighthouse
    story = tree.css_first("#story").text()
    notes = " ".join(n.text() for n in tree.css("section.notes"))
    assert "Disclaimer: Saltmarsh Lane" in notes and "Tin Owls" in notes and "Thank you for reading" in notes
    assert "Saltmarsh Lane belongs" not in story and "Thank you for reading" not in story
    assert "Chapter 1: The Ledger" not in story.replace("Chapter 1: The Ledger", "", 1)


def test_report_html_scene_breaks_and_pov_slips(lighthouse):
    world, tree = lighthouse
    assert tree.css_first(".brk-marker").text().strip() == "* * *"
    assert "inferred break · 62%" in tree.css_first(".brk-inferred").text()
    sections = tree.css("#story section.scene[data-scene]")
    assert [int(s.attributes["data-scene"]) for s in sections] == list(range(len(world.scenes)))
    slip = tree.css_first("mark.slip")
    assert slip.text() == world.text[world.scenes[1].pov_slips[0].start:world.scenes[1].pov_slips[0].end]
    assert "POV Nell Harker (74%)" in sections[1].css_first(".scene-head").text()


def test_report_html_relationships_listed_with_evidence(lighthouse):
    _, tree = lighthouse
    rels = tree.css("#network li.rel")
    assert [r.css_first(".sw-line").attributes["class"].split()[1] for r in rels] == [
        "family", "romantic", "friendship", "professional"]
    assert "Nell Harker – Corin Vale: romantic (in love) 0.78" in " ".join(rels[1].text().split())
    assert rels[1].css_first("button.ev").text() == "stated: “in love with the boy from the boatyard”"


def test_report_html_chapter_navigation(lighthouse):
    _, tree = lighthouse
    links = [a.attributes["href"] for a in tree.css("nav.chapters a")]
    assert links == ["#ch-0", "#ch-1"]
    assert [h.attributes["id"] for h in tree.css("#story h2.chapter")] == ["ch-0", "ch-1"]


def test_report_html_tags_with_evidence_and_author_tags(lighthouse):
    _, tree = lighthouse
    tags = tree.css_first("#tags")
    names = [n.text() for n in tags.css(".tag-name")]
    assert "Fluff" in names and "Slow Burn" in names
    assert "Found Family" in [c.text() for c in tags.css(".own .chip")]
    evidence = tags.css("button.ev")
    assert any("in love with the boy from the boatyard" in b.text() for b in evidence)
    assert all(b.attributes["data-o"].isdigit() for b in evidence)
    assert tags.css_first("meter").attributes["value"] == "0.90"


def test_report_html_data_has_network_arc_and_scenes(lighthouse):
    world, tree = lighthouse
    data = _data(tree)
    assert data["characters"][0]["name"] == "Corin Vale" and data["characters"][0]["lines"] == 9
    assert len(data["network"]["nodes"]) == 5
    romantic = [e for e in data["network"]["edges"] if e.get("rel") == "romantic"]
    assert romantic and romantic[0]["turns"] == 11
    assert [p["v"] for p in data["arc"]["points"]] == [s.valence for s in world.scenes]
    words = [len(world.text[s.start:s.end].split()) for s in world.scenes]
    assert [s["words"] for s in data["scenes"]] == words
    assert data["scenes"][3]["break"] == "inferred" and data["scenes"][1]["slips"] == 1


def test_report_html_csp_allows_only_own_script(lighthouse):
    _, tree = lighthouse
    csp = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    script = [s for s in tree.css("script") if "type" not in s.attributes][0].text()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_report_html_no_external_resources(lighthouse):
    _, tree = lighthouse
    assert not tree.css("link[href], script[src], img[src], iframe")


def test_report_html_hostile_markup_is_text(hostile):
    world, html, tree = hostile
    assert len(tree.css("script")) == 2
    assert not tree.css("img, svg[onload], a[href^='javascript'], b, i, u")
    assert html.count("</script>") == 2
    story = tree.css_first("#story").text()
    for quote in world.quotes:
        assert quote.text in story
    assert "<!-- a comment -->" in story
    assert not re.search(r"<(img|a|svg)\b", tree.css_first("#story").html, re.I)


def test_report_html_hostile_json_round_trips(hostile):
    world, _, tree = hostile
    data = _data(tree)
    assert data["characters"][0]["name"] == world.characters[0].name
    assert data["title"] == world.metadata.title


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!--", "a & b",
                                   "line\u2028sep\u2029", "]]>", "\\u003c"])
def test_report_html_script_json_is_inert(value):
    encoded = script_json({"v": value})
    assert not re.search(r"[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == {"v": value}


def test_report_html_title_and_names_escaped_in_head(hostile):
    _, html, tree = hostile
    assert unescape(tree.css_first("title").text()) == "<script>document.title='pwned-8'</script>"
    assert "&lt;script&gt;document.title=&#x27;pwned-8&#x27;&lt;/script&gt;" in html


@pytest.mark.parametrize("world", [
    StoryWorld(),
    StoryWorld(text="Just one line, no quotes."),
    StoryWorld(text='"Hi," she said.', quotes=[Quote(id="q1", start=0, end=5, text='"Hi,"', speaker="c9")]),
    StoryWorld(text="a\n\nb", chapters=[Chapter(index=0, start=0, end=4)],
               paragraphs=[Paragraph(start=0, end=1), Paragraph(start=3, end=4)]),
], ids=["empty", "plain", "unknown-speaker-id", "no-scenes"])
def test_report_html_sparse_worlds_render(world):
    tree = HTMLParser(render_html(world))
    assert tree.css_first("article#story") is not None
    assert _data(tree)["quotes"] == [{"s": -1, "a": [], "t": None, "c": 0.0, "k": "speech"}
                                     for _ in world.quotes]
    if world.text:
        shown = "".join(p.text() for p in tree.css("#story p"))
        assert shown.replace("\n", "") in world.text.replace("\n", "")
    else:
        assert "not included" in tree.css_first("#story").text()


def test_report_html_quote_across_paragraphs_stays_nested():
    text = '"First part\n\nsecond part," she said.'
    world = StoryWorld(text=text, quotes=[Quote(id="q1", start=0, end=26, text=text[:26], speaker=None)])
    tree = HTMLParser(render_html(world))
    spans = tree.css("#story span.q")
    assert [s.text() for s in spans] == ['"First part', 'second part,"']
    assert all(s.parent.tag == "p" for s in spans)


@pytest.mark.parametrize("count", [0, 1, 2, 5, 60])
def test_report_html_layout_in_unit_square(count):
    edges = [(i, (i + 1) % count, float(i)) for i in range(count)] if count > 1 else []
    positions = force_layout(count, edges)
    assert len(positions) == count
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions)
    if count > 1:
        assert len(set(positions)) == count
    assert force_layout(count, edges) == positions


def test_report_html_network_caps_nodes():
    world = lighthouse_world()
    data = report_data(world)
    assert {n["i"] for n in data["network"]["nodes"]} == set(range(5))


@pytest.mark.slow
@pytest.mark.shared
def test_report_html_novel_is_light_and_fast(pdnc_dir):
    world = pdnc_world(pdnc_dir / "Emma")
    started = time.perf_counter()
    html = render_html(world)
    elapsed = time.perf_counter() - started
    assert elapsed < 10  # a guard against quadratic work, not a speed test (make bench)
    assert len(html.encode()) < 2.5 * len(world.text.encode())
    tree = HTMLParser(html)
    assert len(tree.css("#story p[data-o]")) == len(world.paragraphs) - len(world.chapters)  # headings
    assert len({s.attributes["data-q"] for s in tree.css("#story span.q")}) == len(world.quotes)


@pytest.mark.parametrize("kind, expected", [("speech", set()), ("thought", {"thought"}),
                                            ("written", {"written"})])
def test_report_html_quote_kind_is_a_class(kind, expected):
    text = '"Hello," she thought.'
    world = StoryWorld(text=text, quotes=[Quote(id="q1", start=0, end=8, text=text[:8], kind=kind,
                                                speaker=None)])
    classes = set(HTMLParser(render_html(world)).css_first("span.q").attributes["class"].split())
    assert classes - {"q", "ku", "lc"} == expected


def test_report_html_every_scene_has_an_anchor():
    text = "One.\n\nTwo."
    world = StoryWorld(text=text, paragraphs=[Paragraph(start=0, end=4), Paragraph(start=6, end=10)],
                       scenes=[Scene(id="s1", start=0, end=6), Scene(id="s2", start=6, end=10),
                               Scene(id="s3", start=10, end=10)])
    tree = HTMLParser(render_html(world))
    assert [s.attributes["id"] for s in tree.css("section.scene")] == ["scene-0", "scene-1", "scene-2"]


def test_report_html_no_empty_sections(lighthouse):
    _, tree = lighthouse
    assert all(s.css("p[data-o]") for s in tree.css("#story section.scene"))


@pytest.mark.parametrize("line, shown", [("* * *", "marker"), ("~~~", "marker"), ("Chapter Nine", "heading"),
                                         ("Ooo.", ""), ("Part 2: The Sea", "heading")])
def test_report_html_unclaimed_furniture_is_styled(line, shown):
    text = f"Before.\n\n{line}\n\nAfter."
    tree = HTMLParser(render_html(StoryWorld(text=text)))
    paragraph = [p for p in tree.css("#story p[data-o]") if p.text() == line][0]
    assert paragraph.attributes.get("class", "") == shown

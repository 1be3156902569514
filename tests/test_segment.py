"""Segment: paragraphs, chapters, wrapping notes and explicit scene breaks (tiny hand-written texts)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ficlens.ingest import read
from ficlens.segment import segment

STORY = [
    "Wren pushed the bakery door open with her hip, both arms full of flour sacks.",
    '"You\'re early," Odile said without looking up from the dough.',
    '"Yes."',
    "The ovens ticked as they warmed, and the street outside was still blue with night.",
]


def _segment(text: str):
    return segment(read(text))


def _body(world) -> str:
    assert len(world.chapters) == 1
    chapter = world.chapters[0]
    return world.text[chapter.start:chapter.end]


def _notes(world) -> list[tuple[str, str, str]]:
    return [(n.kind, n.position, world.text[n.start:n.end]) for n in world.notes]


def _check_offsets(world) -> None:
    for note in world.notes:
        assert world.text[note.start:note.end] == note.text
    for span in [*world.paragraphs, *world.scenes, *world.chapters]:
        piece = world.text[span.start:span.end]
        assert piece == piece.strip() and piece


def test_segment_no_wrapping_keeps_every_paragraph():
    world = _segment("\n\n".join(STORY))
    assert world.notes == []
    assert _body(world) == "\n\n".join(STORY)
    assert [world.text[p.start:p.end] for p in world.paragraphs] == STORY
    assert [(s.id, s.break_) for s in world.scenes] == [("s1", "start")]
    _check_offsets(world)


@pytest.mark.parametrize(("before", "after", "expected"), [
    (["A/N: Sorry this took so long, exams ate me."], [],
     [("authors_note", "before", "A/N: Sorry this took so long, exams ate me.")]),
    (["Chapter 3: Proofing"], [], [("chapter_title", "before", "Chapter 3: Proofing")]),
    (["Flour and Frost", "by crumbwriter"], [],
     [("chapter_title", "before", "Flour and Frost"), ("front_matter", "before", "by crumbwriter")]),
    ([], ["Disclaimer: I don't own Bakery Wars, it belongs to the network."],
     [("disclaimer", "after", "Disclaimer: I don't own Bakery Wars, it belongs to the network.")]),
    ([], ["Please review!"], [("sign_off", "after", "Please review!")]),
    ([], ["Review and let me know!"], [("sign_off", "after", "Review and let me know!")]),
    ([], ["AN: Thanks for reading, everyone.", "More soon, I promise. The next part is half written."],
     [("authors_note", "after",
       "AN: Thanks for reading, everyone.\n\nMore soon, I promise. The next part is half written.")]),
    (["Summary: Wren bakes. Odile judges.", "Disclaimer: not mine."], ["R&R!"],
     [("summary", "before", "Summary: Wren bakes. Odile judges."),
      ("disclaimer", "before", "Disclaimer: not mine."), ("sign_off", "after", "R&R!")]),
])
def test_segment_wrapping_becomes_notes(before, after, expected):
    world = _segment("\n\n".join(before + STORY + after))
    assert _notes(world) == expected
    assert _body(world) == "\n\n".join(STORY)
    _check_offsets(world)


def test_segment_paragraph_with_disclaimer_and_title_credit_splits_into_two_notes():
    first = ("Disclaimer: Sadly I don't own anything, Night Vale does. The title is taken from "
             "Paper Lanterns by The Quiet Hours. The rest is my fault.")
    world = _segment("\n\n".join([first, "The Proving Drawer", *STORY]))
    assert _notes(world) == [
        ("disclaimer", "before", "Disclaimer: Sadly I don't own anything, Night Vale does."),
        ("title_credit", "before",
         "The title is taken from Paper Lanterns by The Quiet Hours. The rest is my fault."),
        ("chapter_title", "before", "The Proving Drawer"),
    ]
    metadata = world.metadata
    assert metadata.fandoms == ["Night Vale"]
    assert metadata.chapter_title == "The Proving Drawer"
    assert (metadata.title_source.work, metadata.title_source.artist) == ("Paper Lanterns", "The Quiet Hours")
    assert world.chapters[0].title == "The Proving Drawer"


@pytest.mark.parametrize(("credit", "work", "artist"), [
    ("Title from Harbour Bells' 'Salt in the Wires'.", "Salt in the Wires", "Harbour Bells"),
    ('The title comes from the song "Low Tide" by Mira Salo.', "Low Tide", "Mira Salo"),
])
def test_segment_title_credit_forms(credit, work, artist):
    world = _segment("\n\n".join([credit, *STORY]))
    assert world.notes[0].kind == "title_credit"
    assert (world.metadata.title_source.work, world.metadata.title_source.artist) == (work, artist)


@pytest.mark.parametrize("inside", ["[A/N: the recipe is real, try it!]", "(A/N: sorry, flashback ahead)",
                                    "A/N: yes, Odile is always like this."])
def test_segment_mid_chapter_authors_note(inside):
    world = _segment("\n\n".join(STORY[:2] + [inside] + STORY[2:]))
    assert _notes(world) == [("authors_note", "inside", inside)]
    assert inside not in [world.text[p.start:p.end] for p in world.paragraphs]
    assert len(world.paragraphs) == len(STORY)


@pytest.mark.parametrize("line", ['"No."', "Nothing.", "She laughed.",
                                  '"Review the order, please," Odile said.',
                                  "Odile didn't own a single apron without a burn on it.",
                                  "Review the order again, Wren thought."])
def test_segment_short_story_paragraphs_are_not_notes(line):
    world = _segment("\n\n".join([line, *STORY, line]))
    assert world.notes == []
    assert len(world.paragraphs) == len(STORY) + 2


def test_segment_single_newline_paragraphs():
    world = _segment("\n".join(STORY))
    assert [world.text[p.start:p.end] for p in world.paragraphs] == STORY


def test_segment_hard_wrapped_text_joins_lines(tmp_path: Path):
    wrapped = []
    for number in range(1, 4):
        wrapped.append(f"CHAPTER {number}")
        for _ in range(3):
            wrapped.append("The mill wheel turned and turned in the brown water while the\n"
                           "miller's daughter counted sacks, and nobody in the village had\n"
                           "any reason yet to think the river would rise that autumn.")
    path = tmp_path / "novel.txt"
    path.write_text("\n\n".join(wrapped) + "\n", encoding="utf-8")
    world = segment(read(path))
    assert [c.title for c in world.chapters] == ["CHAPTER 1", "CHAPTER 2", "CHAPTER 3"]
    assert len(world.paragraphs) == 9
    assert all(world.text[p.start:p.end].count("\n") == 2 for p in world.paragraphs)
    assert [s.break_ for s in world.scenes] == ["start", "chapter", "chapter"]
    _check_offsets(world)


def test_segment_chapter_headings_with_title_lines():
    text = "\n\n".join(["Chapter One", "The Flour Thief", *STORY, "Chapter Two", "Ovens", *STORY])
    world = _segment(text)
    assert [c.title for c in world.chapters] == ["The Flour Thief", "Ovens"]
    assert all(world.text[c.start:c.end] == "\n\n".join(STORY) for c in world.chapters)


@pytest.mark.parametrize("marker", ["***", "* * *", "~~~", "-x-", "xXx", "oOo", "~*~", "___", "⁂", "§",
                                    "----------", "==========", "ooooo", "Line break", "[scene break]",
                                    "-Page Break-"])
def test_segment_scene_markers(marker):
    world = _segment("\n\n".join(STORY[:2] + [marker] + STORY[2:]))
    assert [(s.break_, s.marker) for s in world.scenes] == [("start", None), ("marker", marker)]
    first, second = world.scenes
    assert world.text[first.start:first.end] == "\n\n".join(STORY[:2])
    assert world.text[second.start:second.end] == "\n\n".join(STORY[2:])
    assert len(world.paragraphs) == len(STORY)


@pytest.mark.parametrize(("heading", "name"), [("Kurt's POV", "Kurt"), ("Blaine POV", "Blaine"),
                                               ("~Odile~", "Odile"), ("POV: Wren", "Wren"),
                                               ("**Wren's POV**", "Wren")])
def test_segment_pov_headings_split_and_state_the_pov(heading, name):
    world = _segment("\n\n".join(STORY[:2] + ["***", heading] + STORY[2:]))
    assert len(world.scenes) == 2
    scene = world.scenes[1]
    assert (scene.break_, scene.marker, scene.pov_name, scene.pov_stated) == ("marker", "***", name, True)
    assert world.text[scene.start:scene.end] == "\n\n".join(STORY[2:])


@pytest.mark.parametrize("line", ["...", "Oh.", "xx", "ox.", "I", "No!"])
def test_segment_ordinary_short_lines_are_not_markers(line):
    world = _segment("\n\n".join(STORY[:2] + [line] + STORY[2:]))
    assert len(world.scenes) == 1


def test_segment_scene_ids_run_across_chapters():
    text = "\n\n".join(["Chapter 1", *STORY[:2], "* * *", *STORY[2:], "Chapter 2", *STORY])
    world = _segment(text)
    assert [(s.id, s.chapter, s.break_) for s in world.scenes] == [
        ("s1", 0, "start"), ("s2", 0, "marker"), ("s3", 1, "chapter")]


def test_segment_seed_chapter(seed_path: Path):
    world = segment(read(seed_path))
    text = world.text
    kinds = [(n.kind, n.position) for n in world.notes]
    assert kinds == [("disclaimer", "before"), ("title_credit", "before"), ("chapter_title", "before"),
                     ("authors_note", "after")]
    assert world.metadata.fandoms == ["Glee"]
    assert (world.metadata.title_source.work, world.metadata.title_source.artist) == (
        "Little Talks", "Of Monsters and Men")
    assert world.metadata.chapter_title == "The Break Up"
    closing = world.notes[-1]
    assert text[closing.start:closing.end].startswith("A/N:") and closing.end == len(text.rstrip())
    assert text[closing.start:closing.end].count("\n\n") == 1
    chapter = world.chapters[0]
    assert text[chapter.start:].startswith("Blaine stared")
    assert text[:chapter.end].endswith("and cried.")
    _check_offsets(world)


def test_segment_pdnc_novels_have_chapters_and_run_fast(pdnc_dir: Path):
    for name, chapters in (("Emma", 55), ("MansfieldPark", 48), ("NorthangerAbbey", 31)):
        path = pdnc_dir / name / "novel_text.txt"
        started = time.perf_counter()
        world = segment(read(path))
        assert time.perf_counter() - started < 3  # a guard against quadratic work (speed: make bench)
        assert len(world.chapters) == chapters
        paragraphs = [world.text[p.start:p.end] for p in world.paragraphs]
        assert not any(p.upper().startswith("CHAPTER") for p in paragraphs)
        assert sum(p.count("\n") for p in paragraphs) > len(paragraphs)  # lines joined into paragraphs


def test_segment_pasted_fanfiction_net_chapter(fixtures_dir: Path):
    world = segment(read(fixtures_dir / "ingest" / "ffn-chapter.txt"))
    text = world.text
    notes = [(n.kind, n.position, text[n.start:n.end][:30]) for n in world.notes]
    assert notes == [
        ("authors_note", "before", "A/N: Thank you all so much for"),
        ("disclaimer", "before", "Disclaimer: I own nothing. Cru"),
        ("chapter_title", "before", "Chapter 3: Proofing"),
        ("authors_note", "inside", "(A/N: yes, bakers really do ta"),
        ("authors_note", "after", "AN: Next chapter, the competit"),
        ("sign_off", "after", "Please review!"),
    ]
    assert text[world.notes[0].start:world.notes[0].end].endswith("finally died.")
    assert world.metadata.fandoms == ["Crumb Street"]
    assert world.metadata.chapter_title == "Proofing"
    assert [c.title for c in world.chapters] == ["Proofing"]
    assert [(s.break_, s.marker, s.pov_name) for s in world.scenes] == [
        ("start", None, "Wren"), ("marker", "-x-", "Odile")]
    first, second = world.scenes
    assert text[first.start:first.end].startswith("The dough had doubled")
    assert text[first.start:first.end].endswith("went back to the till.")
    assert text[second.start:second.end].endswith("asleep on the flour sacks.")
    assert len(world.paragraphs) == 6
    _check_offsets(world)


def test_segment_chat_log_is_not_hard_wrapped():
    lines = []
    for _ in range(6):
        lines.append("Wren: are you up\nOdile: no\nWren: the oven is making the noise again")
    world = _segment("\n\n".join(lines))
    assert len(world.paragraphs) == 18


def test_segment_title_credit_inside_an_authors_note():
    world = _segment("\n\n".join([*STORY, "A/N: Title from Low Tide by Mira Salo. Thanks for reading, all!"]))
    assert [(n.kind, n.position) for n in world.notes] == [("title_credit", "after"), ("sign_off", "after")]
    assert world.metadata.title_source.work == "Low Tide"


def test_segment_break_evidence_points_at_the_marker():
    world = _segment("\n\n".join(STORY[:2] + ["* * *", "Odile's POV"] + STORY[2:]))
    scene = world.scenes[1]
    assert [(world.text[e.start:e.end], e.note) for e in scene.break_evidence] == [
        ("* * *", "marker"), ("Odile's POV", "marker")]
    assert [world.text[e.start:e.end] for e in scene.pov_evidence] == ["Odile's POV"]


@pytest.mark.parametrize(("heading", "title"), [
    ("Chapter 4: The Lake", "The Lake"), ("CHAPTER XII.", "CHAPTER XII."),
    ("Chapter Twelve", "Chapter Twelve"), ("Chapter 1 Crumbs", "Crumbs"),
    ("**Chapter 3 - Proofing**", "Proofing"),
    ("Chapter 6: A Long Title, With Commas, That Runs On", "A Long Title, With Commas, That Runs On"),
])
def test_segment_chapter_heading_forms(heading, title):
    world = _segment("\n\n".join([heading, *STORY, heading, *STORY]))
    assert [c.title for c in world.chapters] == [title, title]


@pytest.mark.parametrize("line", ["Chapter two was the dull one, Wren thought.", '"Chapter two," said Odile.',
                                  "Part of the problem was the oven."])
def test_segment_sentences_about_chapters_are_not_headings(line):
    world = _segment("\n\n".join([*STORY, line, *STORY]))
    assert len(world.chapters) == 1


HEADER = [
    "Title: The Flour Hour",
    "Fandom: Original Work",
    "Rating: General Audiences",
    "Relationships: Wren/Odile, Wren & Bastien",
    "Word Count: 64",
    "Summary: A baker, an early customer, and the dough.",
]


def test_segment_posting_header_rows_are_front_matter_and_metadata():
    world = _segment("\n".join(HEADER) + "\n\n---\n\n" + "\n\n".join(STORY))
    _check_offsets(world)
    assert _body(world) == "\n\n".join(STORY)
    kinds = [n.kind for n in world.notes]
    assert kinds == ["front_matter", "summary"]
    assert world.notes[0].text == "\n".join(HEADER[:5])
    meta = world.metadata
    assert meta.title == "The Flour Hour" and meta.rating == "General Audiences"
    assert meta.fandoms == ["Original Work"]
    assert meta.relationships == ["Wren/Odile", "Wren & Bastien"]
    assert meta.stats == {"word count": "64"}
    assert meta.summary == "A baker, an early customer, and the dough."
    assert meta.chapter_title is None  # "Title: ..." is the work's title, not a chapter's


def test_segment_header_rows_inside_the_story_stay_story():
    lines = [*STORY[:2], "Status: closed for the holiday", *STORY[2:]]
    world = _segment("\n\n".join(lines))
    assert _body(world) == "\n\n".join(lines)
    assert world.notes == [] and world.metadata.title is None


def test_segment_a_story_opening_with_a_labelled_line_of_prose_is_story():
    lines = ["Title: that was the word the landlord kept using, as if the house were a crown.", *STORY]
    world = _segment("\n\n".join(lines))
    assert _body(world).startswith("Title: that was the word")


@pytest.mark.parametrize("after", ["", "Summary: Flour, dough and an early customer.\n\n"])
def test_segment_a_lone_title_row_names_the_work(after):
    world = _segment("Title: The Flour Hour\n\n" + after + "\n\n".join(STORY))
    assert world.metadata.title == "The Flour Hour" and world.metadata.chapter_title is None
    assert world.notes[0].kind == "front_matter" and _body(world) == "\n\n".join(STORY)


@pytest.mark.parametrize(("preamble", "title", "author"), [
    ("The Flour Hour", "The Flour Hour", None),
    ("The Flour Hour\n\nby Wren Oduya", "The Flour Hour", "Wren Oduya"),
    ("Contents", None, None),
])
def test_segment_a_title_above_the_only_chapter_heading_is_front_matter(preamble, title, author):
    world = _segment(preamble + "\n\nChapter 5\n\n" + "\n\n".join(STORY))
    _check_offsets(world)
    assert [c.title for c in world.chapters] == ["Chapter 5"] and _body(world) == "\n\n".join(STORY)
    assert world.notes[0].kind == "front_matter" and world.notes[0].text == preamble
    assert (world.metadata.title, world.metadata.author) == (title, author)


def test_segment_story_before_the_only_chapter_heading_stays_story():
    world = _segment(STORY[0] + "\n\nChapter 5\n\n" + "\n\n".join(STORY[1:]))
    assert [world.text[c.start:c.end] for c in world.chapters] == [STORY[0], "\n\n".join(STORY[1:])]
    assert world.metadata.title is None


_PAGE_NEXT_LINE = ("Rating:\n    Teen And Up Audiences\nArchive Warning:\n    No Archive Warnings Apply\n"
                   "Fandom:\n    Original Work\nRelationship:\n    Odile/Wren\nCharacters:\n    Odile, Wren\n"
                   "Stats:\n    Published: 2026-11-02 Words: 64 Chapters: 1/1\n\n"
                   "The Flour Hour\nwrensbakes\nSummary:\n\nA baker and an early customer.\nThe dough.\n\n"
                   "Notes:\n\nFor my sister.\n\nWork Text:\n\n")
_PAGE_SAME_LINE = ("Rating:\tTeen And Up Audiences\nFandom:\tOriginal Work\nRelationship:\tOdile/Wren\n"
                   "Characters:\tOdile, Wren\nStats:\tPublished: 2026-11-02 Words: 64 Chapters: 1/1\n"
                   "The Flour Hour\nwrensbakes\nSummary:\nA baker and an early customer.\nThe dough.\n"
                   "Notes:\nFor my sister.\nChapter Text\n")


@pytest.mark.parametrize("page", [_PAGE_NEXT_LINE, _PAGE_SAME_LINE])
def test_segment_an_ao3_page_copied_from_a_browser(page):
    world = _segment(page + "\n\n".join(STORY))
    _check_offsets(world)
    assert _body(world) == "\n\n".join(STORY)
    meta = world.metadata
    assert (meta.title, meta.author, meta.rating) == ("The Flour Hour", "wrensbakes", "Teen And Up Audiences")
    assert meta.fandoms == ["Original Work"] and meta.relationships == ["Odile/Wren"]
    assert meta.characters == ["Odile", "Wren"] and meta.stats["words"] == "64"
    assert meta.summary == "A baker and an early customer. The dough."
    assert [n.kind for n in world.notes] == ["front_matter", "summary", "authors_note", "front_matter"]


def test_segment_work_text_without_a_page_above_it_is_story():
    text = "\n\n".join(["Work Text:", *STORY])
    world = _segment(text)
    assert world.metadata.title is None and world.metadata.rating is None
    assert _body(world).endswith(STORY[-1]) and "Wren pushed" in _body(world)


def test_segment_chapter_text_lines_of_a_copied_ao3_work_are_no_story_nor_titles():
    world = _segment("Chapter 1: Flour\n\nChapter Text\n\n" + "\n\n".join(STORY[:2]) +
                     "\n\nChapter 2: Sugar\n\nChapter Text\n\n" + "\n\n".join(STORY[2:]))
    _check_offsets(world)
    assert [c.title for c in world.chapters] == ["Flour", "Sugar"]
    bodies = [world.text[c.start:c.end] for c in world.chapters]
    assert bodies == ["\n\n".join(STORY[:2]), "\n\n".join(STORY[2:])]
    assert [(n.kind, n.text) for n in world.notes] == [("front_matter", "Chapter Text")] * 2


def test_segment_a_fanfiction_net_page_header_copied_with_its_story():
    header = ("The Flour Hour by wrensbakes\nBooks » Original Work\n"
              "Rated: Fiction T - English - Romance/Friendship - [Odile, Wren] Bastien - Words: 1,204 - "
              "Reviews: 7 - Favs: 12 - Published: 11/2/2026 - Status: Complete - id: 13900211\n\n")
    world = _segment(header + "\n\n".join(STORY))
    _check_offsets(world)
    assert _body(world) == "\n\n".join(STORY)
    assert [n.kind for n in world.notes] == ["front_matter"]
    meta = world.metadata
    assert (meta.title, meta.author) == ("The Flour Hour", "wrensbakes")
    assert (meta.rating, meta.language) == ("T", "English")
    assert meta.fandoms == ["Original Work"] and meta.relationships == ["Odile/Wren"]
    assert meta.characters == ["Odile", "Wren", "Bastien"]
    assert meta.additional_tags == ["Romance", "Friendship"]
    assert meta.stats["words"] == "1,204" and meta.stats["id"] == "13900211"

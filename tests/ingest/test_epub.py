"""Any EPUB: spine order, chapter titles from headings, safety limits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ficlens.errors import FormatError
from ficlens.ingest import epub, read

from .epubs import make_epub, page

CHAPTERS = {
    "one.xhtml": page("<h2>The Quarry</h2><p>Hollis threw the first stone.</p><p>It did not come back.</p>"),
    "two.xhtml": page("<h2>Echoes</h2><p>By noon the quarry was humming.</p>"),
}
METADATA = ("<dc:title>Quarry Songs</dc:title><dc:creator>Ada Penhallow</dc:creator>"
            "<dc:language>en</dc:language>"
            "<dc:subject>Mystery</dc:subject><dc:description>Stones that answer.</dc:description>")


def test_epub_generic_chapters_and_metadata(tmp_path: Path):
    world = read(make_epub(tmp_path / "book.epub", CHAPTERS, METADATA))
    assert world.source.format == "epub"
    assert world.text == ("The Quarry\n\nHollis threw the first stone.\n\nIt did not come back.\n\n"
                          "Echoes\n\nBy noon the quarry was humming.")
    assert [(c.title, world.text[c.start:c.end]) for c in world.chapters] == [
        ("The Quarry", "Hollis threw the first stone.\n\nIt did not come back."),
        ("Echoes", "By noon the quarry was humming.")]
    metadata = world.metadata
    assert (metadata.title, metadata.author, metadata.language, metadata.summary) == (
        "Quarry Songs", "Ada Penhallow", "en", "Stones that answer.")
    assert metadata.additional_tags == ["Mystery"]


def test_epub_sniffed_by_content_not_extension(tmp_path: Path):
    path = make_epub(tmp_path / "book.bin", CHAPTERS, METADATA)
    assert read(path).source.format == "epub"


@pytest.mark.parametrize("name", ["../evil.xhtml", "/etc/passwd", "OEBPS/../../evil.txt", "C:\\evil.txt"])
def test_epub_path_traversal_is_refused(tmp_path: Path, name: str):
    path = make_epub(tmp_path / "book.epub", CHAPTERS, METADATA, extra={name: b"x"})
    with pytest.raises(FormatError, match="unsafe"):
        read(path)


def test_epub_zip_bomb_is_refused_by_declared_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 10_000)
    path = make_epub(tmp_path / "bomb.epub", CHAPTERS, METADATA, extra={"OEBPS/pad.bin": b"\0" * 50_000})
    with pytest.raises(FormatError, match="unpacks to"):
        read(path)


def test_epub_zip_bomb_is_refused_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(epub, "MAX_TOTAL_BYTES", 30_000)
    extra = {f"OEBPS/pad{i}.bin": b"\0" * 9_000 for i in range(5)}
    with pytest.raises(FormatError, match="unpacks to"):
        read(make_epub(tmp_path / "bomb.epub", CHAPTERS, METADATA, extra=extra))


def test_epub_lying_sizes_are_capped_while_streaming(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    path = make_epub(tmp_path / "book.epub", CHAPTERS, METADATA)
    archive = zipfile.ZipFile(path)
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(FormatError, match="more than"):
        epub._read_member(archive, "OEBPS/content.opf", "book.epub")


def test_epub_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(epub, "MAX_MEMBERS", 5)
    extra = {f"OEBPS/x{i}.txt": b"x" for i in range(5)}
    with pytest.raises(FormatError, match="files inside"):
        read(make_epub(tmp_path / "many.epub", CHAPTERS, METADATA, extra=extra))


@pytest.mark.parametrize("opf", [
    '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><package>&b;</package>',
    '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><package>&x;</package>',
])
def test_epub_xml_entities_are_refused(tmp_path: Path, opf: str):
    with pytest.raises(FormatError, match="DTD or XML entities"):
        read(make_epub(tmp_path / "xxe.epub", CHAPTERS, opf=opf))


@pytest.mark.parametrize("opf", ["<package><unclosed></package>", ""])
def test_epub_malformed_package_is_a_format_error(tmp_path: Path, opf: str):
    with pytest.raises(FormatError, match="not well-formed"):
        read(make_epub(tmp_path / "bad.epub", CHAPTERS, opf=opf))


def test_epub_truncated_zip_is_a_format_error(tmp_path: Path):
    data = make_epub(tmp_path / "book.epub", CHAPTERS, METADATA).read_bytes()
    path = tmp_path / "cut.epub"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FormatError, match="damaged or truncated"):
        read(path)


def test_epub_without_container_is_a_format_error(tmp_path: Path):
    path = tmp_path / "plain.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(FormatError, match="container.xml is listed but missing"):
        read(path)


def test_epub_nav_document_skipped_and_escaped_hrefs_found(tmp_path: Path):
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Quarry</dc:title></metadata>'
           '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
           '<item id="c1" href="chapter%20one.xhtml" media-type="application/xhtml+xml"/></manifest>'
           '<spine><itemref idref="nav"/><itemref idref="c1"/></spine></package>')
    documents = {"nav.xhtml": page("<nav><ol><li>The Quarry</li></ol></nav><p>Contents</p>"),
                 "chapter one.xhtml": CHAPTERS["one.xhtml"]}
    world = read(make_epub(tmp_path / "book.epub", documents, opf=opf))
    assert world.text == "The Quarry\n\nHollis threw the first stone.\n\nIt did not come back."
    assert [c.title for c in world.chapters] == ["The Quarry"]

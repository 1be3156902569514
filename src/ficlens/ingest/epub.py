"""EPUB (AO3, FanFicFare, any other): read safely, then reuse the HTML readers.

An EPUB is a zip of XHTML files listed by an OPF package. Zips can be hostile,
so members are checked before anything is read: at most ``MAX_MEMBERS`` of
them, no absolute or ``..`` names, declared sizes within ``MAX_MEMBER_BYTES``
each and ``MAX_TOTAL_BYTES`` together, and every read is streamed with a cap
(declared sizes can lie). The container and OPF XML go through defusedxml
(no DTDs, no entities); chapter XHTML is parsed as HTML, so XML entity
declarations are never expanded.

AO3 EPUBs carry the AO3 download markup: their documents are joined and read
by :mod:`ficlens.ingest.ao3`. FanFicFare EPUBs have a ``title_page.xhtml`` of
"Label: value" rows and one file per chapter. Any other EPUB gives one chapter
per spine document with text, titled by its first heading.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import FormatError
from ..model import Chapter, Metadata, Source, StoryWorld
from .ao3 import is_ao3, read_ao3
from .fanficfare import read_title_page
from .html import TextBuilder, add_html, inline_text, parse_html, world_from_builder
from .labels import apply_label

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024

_DC = "{http://purl.org/dc/elements/1.1/}"
_HTML_TYPES = {"application/xhtml+xml", "text/html"}


@dataclass
class Package:
    """What the OPF says: Dublin Core metadata and the reading order of documents."""

    metadata: dict[str, list[str]] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    producer: str = ""


def read_epub(data: bytes, source: Source) -> StoryWorld:
    """Read an EPUB's bytes into a story-world (see the module docstring)."""
    name = source.path or "input"
    archive = _open_zip(data, name)
    package = _read_package(archive, name)
    documents = [(path, _read_member(archive, path, name).decode("utf-8", errors="replace"))
                 for path in package.documents]
    if not documents:
        raise FormatError(f"{name} is an EPUB with no readable chapters")
    joined = "".join(_body_markup(markup) for _, markup in documents)
    body = parse_html(f"<html><body>{joined}</body></html>", name)
    if "archive of our own" in package.producer.lower() or is_ao3(body):
        source.format = "ao3-epub"
        world = read_ao3(body, source)
    elif "fanficfare" in package.producer.lower() or any(
            posixpath.basename(path).startswith("title_page") for path, _ in documents):
        source.format = "fanficfare-epub"
        world = _read_chapter_files(documents, source, title_page=True)
    else:
        source.format = "epub"
        world = _read_chapter_files(documents, source, title_page=False)
    _apply_package_metadata(world.metadata, package)
    return world


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormatError(f"{name} is not a readable EPUB (the zip archive is damaged or truncated)") \
            from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise FormatError(f"{name} has {len(members)} files inside; "
                          f"ficlens reads EPUBs of up to {MAX_MEMBERS}")
    total = 0
    for member in members:
        _check_member_name(member.filename, name)
        if member.file_size > MAX_MEMBER_BYTES:
            raise FormatError(f"{name} holds a file that unpacks to {member.file_size // 2**20} MB; "
                              f"the limit is {MAX_MEMBER_BYTES // 2**20} MB per file")
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise FormatError(f"{name} unpacks to {total // 2**20} MB; "
                          f"the limit is {MAX_TOTAL_BYTES // 2**20} MB")
    return archive


def _check_member_name(member: str, name: str) -> None:
    parts = member.replace("\\", "/").split("/")
    if member.startswith(("/", "\\")) or ".." in parts or (len(member) > 1 and member[1] == ":"):
        raise FormatError(f"{name} is an unsafe EPUB: it holds a file named {member!r} outside the book")


def _read_member(archive: zipfile.ZipFile, path: str, name: str) -> bytes:
    """A member's bytes, streamed with a cap (a zip bomb can lie about its sizes)."""
    try:
        with archive.open(path) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)
    except KeyError:
        raise FormatError(f"{name} is not a valid EPUB: {path} is listed but missing") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise FormatError(f"{name} is not a readable EPUB ({path} is damaged or truncated)") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise FormatError(f"{name} holds a file that unpacks to more than {MAX_MEMBER_BYTES // 2**20} MB")
    return data


def _parse_xml(data: bytes, what: str, name: str) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise FormatError(f"{name} is an unsafe EPUB: its {what} declares a DTD or XML entities") from None
    except (ParseError, ValueError):
        raise FormatError(f"{name} is not a valid EPUB: its {what} is not well-formed XML") from None


def _read_package(archive: zipfile.ZipFile, name: str) -> Package:
    container = _parse_xml(_read_member(archive, "META-INF/container.xml", name), "container.xml", name)
    rootfile = next((e.get("full-path") for e in container.iter() if e.tag.endswith("rootfile")), None)
    if not rootfile:
        raise FormatError(f"{name} is not a valid EPUB: container.xml names no package file")
    _check_member_name(rootfile, name)
    opf = _parse_xml(_read_member(archive, rootfile, name), "package file", name)
    base = posixpath.dirname(rootfile)
    package = Package()
    manifest: dict[str, tuple[str, str]] = {}
    spine: list[str] = []
    for element in opf.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.startswith(_DC) and element.text and element.text.strip():
            package.metadata.setdefault(tag[len(_DC):], []).append(element.text.strip())
        elif tag.endswith("}item") and element.get("id") and element.get("href"):
            is_nav = "nav" in element.get("properties", "").split()
            media_type = "" if is_nav else element.get("media-type", "")
            manifest[element.get("id", "")] = (unquote(element.get("href", "")), media_type)
        elif tag.endswith("}itemref") and element.get("idref"):
            spine.append(element.get("idref", ""))
    producers = package.metadata.get("publisher", []) + package.metadata.get("contributor", [])
    package.producer = " ".join(producers)
    for idref in spine:
        href, media_type = manifest.get(idref, ("", ""))
        if href and media_type in _HTML_TYPES:
            path = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
            _check_member_name(path, name)
            package.documents.append(path)
    return package


def _body_markup(markup: str) -> str:
    """The inside of a document's ``<body>`` (the whole markup when it has none)."""
    lower = markup.lower()
    start = lower.find("<body")
    if start < 0:
        return markup
    start = lower.find(">", start) + 1
    end = lower.rfind("</body>")
    return markup[start:end if end > start else len(markup)]


def _read_chapter_files(documents: list[tuple[str, str]], source: Source, title_page: bool) -> StoryWorld:
    """One chapter per document with text; FanFicFare's title page fills the metadata."""
    builder = TextBuilder()
    chapters: list[Chapter] = []
    page_span: tuple[int, int] | None = None
    for path, markup in documents:
        first = len(builder.blocks)
        add_html(builder, parse_html(markup, path))
        span = builder.span_since(first)
        if span is None:
            continue
        stem = posixpath.basename(path).lower()
        if title_page and stem.startswith(("title_page", "toc_page")):
            page_span = span if stem.startswith("title_page") else page_span
            continue
        blocks = builder.blocks[first:]
        heading = blocks[0] if blocks[0].tag in ("h1", "h2", "h3") else None
        body = blocks[1:] if heading else blocks
        if body:
            chapters.append(Chapter(index=len(chapters), start=body[0].start, end=body[-1].end,
                                    title=builder.slice(heading.start, heading.end) if heading else None))
    world = world_from_builder(builder, source)
    world.chapters = chapters
    if page_span:
        read_title_page(world.text, page_span[0], page_span[1], world.metadata, world.notes)
    return world


def _apply_package_metadata(metadata: Metadata, package: Package) -> None:
    """Fill what the pages did not say from the OPF (title, creator, subjects, description)."""
    dc = package.metadata
    if not metadata.title and dc.get("title"):
        metadata.title = dc["title"][0]
    if not metadata.author and dc.get("creator"):
        metadata.author = ", ".join(dc["creator"])
    if not metadata.language and dc.get("language"):
        metadata.language = dc["language"][0]
    if not metadata.summary and dc.get("description"):
        description = dc["description"][0]
        metadata.summary = inline_text(parse_html(description)) if "<" in description else description
    known = set(metadata.fandoms + metadata.characters + metadata.relationships + metadata.warnings
                + metadata.category + ([metadata.rating] if metadata.rating else []))
    apply_label(metadata, "additional tags", [s for s in dc.get("subject", []) if s not in known])

"""Build small EPUBs for tests (our own text; written with zipfile, no fixture binaries)."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def page(body: str, title: str = "page") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{title}</title></head><body>{body}</body></html>")


def package(documents: list[str], metadata: str) -> str:
    items = "".join(f'<item id="d{i}" href="{name}" media-type="application/xhtml+xml"/>'
                    for i, name in enumerate(documents))
    spine = "".join(f'<itemref idref="d{i}"/>' for i in range(len(documents)))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
            f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</metadata>'
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>")


def make_epub(path: Path, documents: dict[str, str], metadata: str = "", opf: str | None = None,
              extra: dict[str, bytes] | None = None) -> Path:
    """Write an EPUB with ``documents`` (name -> XHTML) in reading order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf if opf is not None else package(list(documents), metadata))
        for name, markup in documents.items():
            archive.writestr(f"OEBPS/{name}", markup)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path

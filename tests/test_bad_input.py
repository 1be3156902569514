"""Bad input through ``ficlens analyze``: exit code 2, one line on stderr, no traceback, no output file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ficlens import ingest
from ficlens.cli import main
from ficlens.ingest import epub

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "<p>Nell waited at the quay.</p><p>The boat was late.</p>"
CONTAINER = ('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="content.opf"/></rootfiles></container>')
OPF = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata/>'
       '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
       '<spine><itemref idref="c"/></spine></package>')
NO_SPINE = OPF.replace('<itemref idref="c"/>', "")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
          "<package>&b;</package>")


def _epub(path: Path, members: dict[str, bytes | str], opf: str = OPF) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("content.opf", opf)
        archive.writestr("c.xhtml", f"<html><body>{CHAPTER}</body></html>")
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "nowhere.txt"


def _directory(tmp: Path) -> Path:
    (tmp / "folder").mkdir()
    return tmp / "folder"


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path
    return make


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    return path


def _truncated_epub(tmp: Path) -> Path:
    data = _epub(tmp / "whole.epub", {}).read_bytes()
    path = tmp / "cut.epub"
    path.write_bytes(data[: len(data) // 2])
    return path


def _bomb(tmp: Path) -> Path:
    return _epub(tmp / "bomb.epub", {"pad.xhtml": b"\0" * 60_000})


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing file": (_missing, "no such file"),
    "directory": (_directory, "is a directory"),
    "empty file": (_write("empty.txt", b""), "empty"),
    "whitespace only": (_write("blank.txt", b" \n\r\n\t \n"), "empty"),
    "binary file": (_write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
                    "binary"),
    "binary without extension": (_write("blob", bytes(range(256)) * 16), "binary"),
    "200 MB file": (_huge, "MB"),
    "html without text": (_write("broken.html", b"<html><body><div><script>x</script"), "no readable text"),
    "truncated AO3 html": (_write("ao3.html", b'<html><body><div id="preface"><dl class="tags">'
                                        b"<dt>Rating:</dt>"
                                        b'<dd>Mature</dd></dl><h1>Half a Work</h1><div id="chapters">'),
                           "no chapter text"),
    "deeply nested html": (_write("deep.html", b"<html><body>" + b"<div>" * 5000 + b"x"),
                           "nested too deeply"),
    "epub not a zip": (_write("book.epub", b"this is not a zip archive at all"), "not a zip"),
    "truncated epub": (_truncated_epub, "damaged or truncated"),
    "epub zip bomb": (_bomb, "unpacks to"),
    "epub path traversal": (lambda tmp: _epub(tmp / "trav.epub", {"../../escape.txt": "x"}), "unsafe"),
    "epub xxe": (lambda tmp: _epub(tmp / "xxe.epub", {}, opf='<?xml version="1.0"?><!DOCTYPE package ['
                                   '<!ENTITY x SYSTEM "file:///etc/passwd">]><package>&x;</package>'),
                 "DTD or XML entities"),
    "epub billion laughs": (lambda tmp: _epub(tmp / "lol.epub", {}, opf=LAUGHS),
                            "DTD or XML entities"),
    "epub malformed opf": (lambda tmp: _epub(tmp / "bad.epub", {}, opf="<package><metadata></package>"),
                           "not well-formed"),
    "epub with no chapters": (lambda tmp: _epub(tmp / "none.epub", {}, opf=NO_SPINE),
                              "no readable chapters"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str):
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 50_000)
    make, message = CASES[case]
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = make(inputs)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(main, ["analyze", str(path), "-o", str(out / "result"), "-q"])
    assert result.exit_code == 2, (result.output, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ficlens: error:"), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.output + result.stderr
    assert list(out.iterdir()) == []


def test_bad_input_size_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    path = tmp_path / "small.txt"
    path.write_text("Nell waited at the quay for a long time.", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path), "-o", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 2 and "ficlens reads works up to" in result.stderr


def test_bad_input_cp1252_text_is_read_not_refused(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_bytes("Nell said \u201cno\u201d and left the caf\u00e9.\r\n".encode("cp1252"))
    world = ingest.read(path)
    assert world.text == "Nell said \u201cno\u201d and left the caf\u00e9.\n"
    assert (world.source.encoding, world.source.encoding_fallback) == ("cp1252", True)


@pytest.mark.slow
def test_bad_input_real_process_prints_no_traceback(tmp_path: Path):
    command = ROOT / ".venv" / "bin" / "ficlens"
    argv = [str(command)] if command.exists() else [sys.executable, "-m", "ficlens.cli"]
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    done = subprocess.run([*argv, "analyze", str(path), "-o", str(tmp_path / "r")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.txt"]

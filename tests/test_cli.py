"""The CLI: every command documented, outputs written atomically, errors on one line."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ficlens.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands(group: click.Group, prefix: str = "ficlens"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


@pytest.mark.parametrize("path, command", list(_commands(main)))
def test_cli_every_command_has_help_and_docs(path, command):
    assert (command.help or "").strip(), f"{path} has no help text"
    assert f"`{path}`" in DOCS.read_text(encoding="utf-8"), f"{path} is not in docs/cli.md"


def test_cli_analyze_writes_json_and_report(tmp_path, sample_chapter):
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "-o", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["schema"] == "ficlens/story-world@1"
    assert "text" not in data
    assert (tmp_path / "s.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_cli_analyze_json_to_stdout_only(tmp_path, sample_chapter):
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "--json", "-", "--include-text"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["text"].startswith("Disclaimer")
    assert list(tmp_path.iterdir()) == []


def test_cli_analyze_quiet_prints_nothing(tmp_path, sample_chapter):
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "-o", str(tmp_path / "q"), "--quiet"])
    assert result.exit_code == 0
    assert result.output == ""


def test_cli_unwritable_output_is_one_line(tmp_path, sample_chapter):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "-o", str(blocker / "sub" / "out")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "error" in result.stderr
    assert not (tmp_path / "file" / "sub").exists()


@pytest.mark.parametrize("args, says", [
    (["analyze", "story.txt", "--bogus"], "ficlens analyze: error: No such option '--bogus'"),
    (["analyze"], "ficlens analyze: error: Missing argument 'PATH'"),
    (["nosuch"], "ficlens: error: No such command 'nosuch'"),
    (["--bogus"], "ficlens: error: No such option '--bogus'"),
    (["eval", "pdnc", "--setting", "sideways", "dir"],
     "ficlens eval pdnc: error: Invalid value for '--setting'"),
])
def test_cli_usage_errors_are_one_line(args, says):
    result = CliRunner().invoke(main, args, prog_name="ficlens")
    assert result.exit_code == 2
    assert result.stderr.startswith(says) and result.stderr.count("\n") == 1 and "--help" in result.stderr


def test_cli_group_alone_still_shows_its_help():
    result = CliRunner().invoke(main, ["corpus"])
    assert "Commands:" in result.stderr and ": error:" not in result.stderr


def test_cli_bad_cast_file_is_one_line(tmp_path, sample_chapter):
    cast = tmp_path / "cast.json"
    cast.write_text("[{\"name\": \"A\", \"mood\": \"odd\"}]")
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "--cast", str(cast),
                                       "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "cast entry 1" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "o.json").exists()


def test_cli_train_with_a_bad_scene_is_one_line_before_any_training(tmp_path):
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "a.txt").write_text('"Hello," said Ann.\n', encoding="utf-8")
    annotations = {"characters": [{"name": "Ann"}], "speakers": [["Hey", "Ann"]]}
    (tmp_path / "scenes" / "a.json").write_text(json.dumps(annotations), encoding="utf-8")
    out = tmp_path / "ranker.json"
    result = CliRunner().invoke(main, ["train", "attribution", "--pdnc", str(tmp_path / "no-pdnc"),
                                       "--scenes", str(tmp_path / "scenes"), "-o", str(out)])
    assert result.exit_code == 2
    assert "a.txt: quote" in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()


def test_cli_train_cross_validated_reports_and_writes_the_weights(tmp_path):
    """Two tiny PDNC-style novels: trained on, then each scored by a ranker trained on the other,
    the report printed and kept in the weights file."""
    pdnc = Path(__file__).parent / "fixtures" / "quotes" / "pdnc"
    out = tmp_path / "ranker.json"
    result = CliRunner().invoke(main, ["train", "attribution", "--pdnc", str(pdnc), "--cross-validate",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "all        " in result.stdout and "expected calibration error" in result.stdout
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["trained_on"] == ["TinyHarbour", "TinyOrchard"]
    assert saved["leave_novels_out_2_fold"][0].startswith("all")


def test_cli_train_on_litbank_too(tmp_path):
    """LitBank's quotations join PDNC's in training; a LitBank folder that is not there is one line."""
    fixtures = Path(__file__).parent / "fixtures" / "quotes"
    out = tmp_path / "ranker.json"
    result = CliRunner().invoke(main, ["train", "attribution", "--pdnc", str(fixtures / "pdnc"),
                                       "--litbank", str(fixtures / "litbank"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["litbank"] == 1
    missing = tmp_path / "missing.json"
    result = CliRunner().invoke(main, ["train", "attribution", "--pdnc", str(fixtures / "pdnc"),
                                       "--litbank", str(tmp_path / "no-litbank"), "-o", str(missing)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and not missing.exists()


def test_cli_docs_are_generated_from_help():
    import importlib.util

    spec = importlib.util.spec_from_file_location("cli_docs", DOCS.parents[1] / "scripts" / "cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert DOCS.read_text(encoding="utf-8") == module.render(), "run: python scripts/cli_docs.py"


def test_cli_train_seed_draws_other_weights_and_is_kept(tmp_path):
    """The hidden layer's first draw: another seed, other weights, written down with them."""
    pdnc = Path(__file__).parent / "fixtures" / "quotes" / "pdnc"
    saved = {}
    for seed in (0, 1):
        out = tmp_path / f"ranker-{seed}.json"
        result = CliRunner().invoke(main, ["train", "attribution", "--pdnc", str(pdnc), "--seed", str(seed),
                                           "-o", str(out)])
        assert result.exit_code == 0, result.output
        saved[seed] = json.loads(out.read_text(encoding="utf-8"))
    assert saved[0]["seed"] == 0 and saved[1]["seed"] == 1
    assert saved[0]["forward"] != saved[1]["forward"]

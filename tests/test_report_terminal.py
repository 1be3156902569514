"""The terminal summary and progress bar of ``ficlens analyze``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from ficlens.cli import main
from ficlens.model import StoryWorld
from ficlens.report import print_summary, progress_reporter
from fixtures.report.world import hostile_world, lighthouse_world


def _summary(world: StoryWorld, written: list[Path] | None = None) -> str:
    console = Console(record=True, width=120, file=io.StringIO())
    print_summary(world, written or [], console=console)
    return console.export_text()


def test_report_terminal_summary_lists_characters_with_pronouns_and_lines():
    out = _summary(lighthouse_world())
    assert "The Lighthouse Ledger by quietharbour" in out
    assert "632 words · 2 chapters · 4 scenes · 29 quotes (97% attributed)" in out
    rows = {line.split("  ")[0].strip(): line.split() for line in out.splitlines()}
    assert rows["Corin Vale"][2:5] == ["he/him", "9", "59"]
    assert rows["Juno"][1:3] == ["they/them", "2"]


def test_report_terminal_summary_scenes_relationships_tags_paths(tmp_path):
    out = _summary(lighthouse_world(), [tmp_path / "w.json", tmp_path / "w.html"])
    assert "Nell Harker (1 slip)" in out and "inferred 62%" in out and "unclear" in out
    assert "Nell Harker – Corin Vale  romantic (in love)  0.78" in out
    assert "additional: Fluff 0.72, Sibling Relationship 0.55, Slow Burn 0.31" in out
    assert f"wrote {tmp_path / 'w.json'}" in out and f"wrote {tmp_path / 'w.html'}" in out


def test_report_terminal_summary_prints_markup_literally():
    out = _summary(hostile_world())
    assert "Trent</script><script>document.title='pwned-6'</script>" in out
    assert "<script>document.title='pwned-7'</script>" in out


def test_report_terminal_summary_of_empty_world():
    out = _summary(StoryWorld(), [Path("x.json")])
    assert "0 words · 0 chapters · 0 scenes · 0 quotes" in out and "wrote x.json" in out


def test_report_terminal_summary_truncates_long_casts():
    world = lighthouse_world()
    world.characters = world.characters * 4
    assert "and 8 more" in _summary(world)


@pytest.mark.parametrize("enabled, terminal", [(False, True), (True, False)])
def test_report_terminal_progress_off_unless_wanted_and_tty(enabled, terminal):
    console = Console(file=io.StringIO(), force_terminal=terminal)
    with progress_reporter(enabled, console=console) as progress:
        assert progress is None
    assert console.file.getvalue() == ""


def test_report_terminal_progress_names_stages_on_a_tty(monkeypatch):
    monkeypatch.setattr("ficlens.report.terminal.SHOW_AFTER_SECONDS", 0.0)
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with progress_reporter(True, console=console, stages=3) as progress:
        for stage in ("segment", "characters", "quotes"):
            progress(stage)
    assert "quotes" in console.file.getvalue()


def test_report_terminal_progress_hidden_on_quick_runs():
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with progress_reporter(True, console=console, stages=3) as progress:
        progress("segment")
    assert console.file.getvalue() == ""


def test_report_terminal_cli_json_dash_is_only_json(sample_chapter):
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "--json", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == "ficlens/story-world@1"


def test_report_terminal_cli_prints_summary(tmp_path, sample_chapter):
    result = CliRunner().invoke(main, ["analyze", str(sample_chapter), "-o", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 's.json'}" in result.stdout and "words ·" in result.stdout


def test_report_dialogue_counts_leave_thoughts_out():
    import ficlens
    from ficlens.report.data import dialogue_counts

    world = ficlens.analyze('Kurt stared at him. *He cannot be serious.*\n\n"You are serious," Kurt said.\n\n'
                            '"I am," Blaine said.\n')
    names = {c.name: c.id for c in world.characters}
    assert [q.kind for q in world.quotes] == ["thought", "speech", "speech"]
    lines, words = dialogue_counts(world)
    assert (lines[names["Kurt"]], words[names["Kurt"]]) == (1, 3)  # his thought is no line
    assert lines[names["Blaine"]] == 1

"""Write docs/cli.md from the CLI's own --help, so the docs cannot drift.

    python scripts/cli_docs.py          # rewrite docs/cli.md
    python scripts/cli_docs.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficlens.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _sections(command: click.Command, path: str, parent: click.Context | None = None) -> list[str]:
    ctx = click.Context(command, info_name=path.split(" ")[-1], parent=parent, terminal_width=88,
                        max_content_width=88, **command.context_settings)
    out = [f"## `{path}`\n", "```text", command.get_help(ctx).replace(ctx.command_path, path), "```\n"]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            out += _sections(command.commands[name], f"{path} {name}", ctx)
    return out


def render() -> str:
    head = ["# Command-line reference\n",
            "Generated from `--help` by `scripts/cli_docs.py`; `tests/test_cli.py` fails when it drifts.\n"]
    return "\n".join(head + _sections(main, "ficlens")) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")

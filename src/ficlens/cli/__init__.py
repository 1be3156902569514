"""The ``ficlens`` command: a thin layer over the library.

Each command parses its options, calls the library and prints. Any
``FiclensError`` or usage error (an unknown option, a missing argument) becomes one
line on stderr and exit code 2; anything unexpected becomes one line and exit code 1
(``--debug`` shows the traceback).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import __version__
from ..errors import FiclensError


def _usage_error(error: click.UsageError) -> click.exceptions.Exit | click.UsageError:
    """Print a usage error as one line, where click prints three, and exit with its code."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):  # "ficlens corpus" alone: its help
        return error
    where = error.ctx.command_path if error.ctx else "ficlens"
    click.echo(f"{where}: error: {error.format_message()} (see '{where} --help')", err=True)
    return click.exceptions.Exit(error.exit_code)


class FiclensGroup(click.Group):
    """A click group that turns errors into one clear line and an exit code."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as e:  # "ficlens --bogus"
            raise _usage_error(e) from None

    def invoke(self, ctx: click.Context) -> Any:
        debug = "--debug" in sys.argv
        try:
            return super().invoke(ctx)
        except click.UsageError as e:  # "ficlens analyze --bogus", "ficlens nosuch"
            raise _usage_error(e) from None
        except FiclensError as e:
            if debug:
                raise
            click.echo(f"ficlens: error: {e}", err=True)
            ctx.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("ficlens: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except MemoryError:
            click.echo("ficlens: error: out of memory; the input is too large for this machine", err=True)
            ctx.exit(2)
        except Exception as e:  # noqa: BLE001 - the one place that turns bugs into a line
            if debug:
                raise
            click.echo(f"ficlens: internal error: {type(e).__name__}: {e} "
                       "(rerun with --debug and report it)", err=True)
            ctx.exit(1)


@click.group(cls=FiclensGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ficlens")
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks.")
def main(debug: bool) -> None:
    """Read fan fiction and rebuild the story-world inside it as data."""


def _register() -> None:
    from .analyze import analyze, schema

    main.add_command(analyze)
    main.add_command(schema)
    for module, name in (("evaluate", "eval_group"), ("train", "train"), ("corpus", "corpus")):
        try:
            mod = __import__(f"ficlens.cli.{module}", fromlist=[name])
        except ModuleNotFoundError as e:
            if e.name != f"ficlens.cli.{module}":
                raise
            continue
        main.add_command(getattr(mod, name))


_register()

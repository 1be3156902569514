"""Every error ficlens reports to a user, one class and one sentence each.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``;
the traceback only appears with ``--debug``.
"""

from __future__ import annotations


class FiclensError(Exception):
    """Base class: a problem the user can fix, described in one sentence."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class InputError(FiclensError):
    """The input file or text cannot be read as a story."""


class FormatError(InputError):
    """The input claims a format (HTML, EPUB) but is malformed or unsafe."""


class CastError(FiclensError):
    """The ``--cast`` file is not a valid list of characters."""


class OutputError(FiclensError):
    """The output location cannot be written."""


class CorpusError(FiclensError):
    """A corpus database or corpus input cannot be used."""


class EvalError(FiclensError):
    """An evaluation data set is missing or not in the expected layout."""

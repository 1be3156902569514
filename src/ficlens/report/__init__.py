"""Show a story-world: the self-contained HTML report and the terminal summary.

``render_html(world)`` returns the report page (``html.py``); ``progress_reporter``
and ``print_summary`` are what ``ficlens analyze`` prints (``terminal.py``).
"""

from __future__ import annotations

from .html import render_html
from .terminal import print_summary, progress_reporter

__all__ = ["render_html", "print_summary", "progress_reporter"]

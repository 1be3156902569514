"""Imported once by the local worker pool's fork server, so each worker starts warm.

Loading the stages and the spaCy model here, before the workers are forked,
costs one load per run instead of one per worker, and the forked workers share
the model's memory. Without the model the workers load nothing here and report
the missing model per work, as ``ficlens analyze`` would.
"""

from __future__ import annotations

import signal
from contextlib import suppress

from ..errors import FiclensError
from ..nlp import load_english
from ..pipeline import default_stages

# Ctrl-C is the coordinator's to handle: it stops feeding work and the workers wind down.
signal.signal(signal.SIGINT, signal.SIG_IGN)
default_stages()
with suppress(FiclensError):
    load_english()

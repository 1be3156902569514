"""Evaluation against annotated corpora: PDNC (novels) and LitBank (excerpts).

``ficlens eval pdnc DIR`` and ``ficlens eval litbank DIR`` load gold annotations
(:mod:`.pdnc`, :mod:`.litbank`), run the pipeline, and score it (:mod:`.metrics`).
"""

"""Corpus runs: many works analysed into one DuckDB database, resumably, locally or on Dask.

``inputs`` reads files, folders, globs and archives one work at a time; ``run``
hashes, skips what is done and farms works out to worker processes or a Dask
cluster; ``rows`` flattens each StoryWorld into table rows on the worker;
``store`` is the database (the coordinator alone writes); ``stats`` answers
questions; ``synthetic`` writes a test corpus with known answers. See docs/corpus.md.
"""

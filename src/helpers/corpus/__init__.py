"""Many articles: the corpus command, the corpus frames, and corpus-level measures.

- :mod:`helpers.corpus.sources` - folders, JSONL and CSV files as article records.
- :mod:`helpers.corpus.frames` - the six corpus frames and their documented columns.
- :mod:`helpers.corpus.work` - what a Dask worker does with a chunk of articles.
- :mod:`helpers.corpus.run` - ``python -m helpers corpus``: index, chunk, analyse on Dask, write parts.
"""

__all__: list[str] = []

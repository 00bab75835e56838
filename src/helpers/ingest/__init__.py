"""Stage 1, ingest: read a raw article, load the spaCy pipeline, parse once (cached).

- :mod:`helpers.ingest.article` - a raw file (text or HTML) into an :class:`~helpers.ingest.article.Article`
  whose paragraphs carry a role (headline, body, pull quote, navigation, ...).
- :mod:`helpers.ingest.nlp` - which spaCy pipeline to use, loaded once per process.
- :mod:`helpers.ingest.parse` - parse an article once and cache the ``Doc``.
- :mod:`helpers.ingest.tokens` - the one token view of a parsed ``Doc`` the rules read.
- :mod:`helpers.ingest.frames` - the paragraphs and sentences frames.
"""

__all__: list[str] = []


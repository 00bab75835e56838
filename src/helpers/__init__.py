"""newslens helpers: turn news articles into frames of sentences, quotes and entities.

Modules, one per concern:

- :mod:`helpers.config` - every path the project reads or writes.
- :mod:`helpers.nlp` - which spaCy pipeline to use, loaded once.
- :mod:`helpers.article` - read a raw file (text or HTML) into an :class:`~helpers.article.Article`
  whose paragraphs carry a role (headline, body, pull quote, navigation, ...).
- :mod:`helpers.parse` - parse an article once and cache the ``Doc``.
- :mod:`helpers.frames` - the paragraphs and sentences frames.
- :mod:`helpers.quotes`, :mod:`helpers.speakers`, :mod:`helpers.entities` - who said what.
- :mod:`helpers.share`, :mod:`helpers.sentiment`, :mod:`helpers.topics` - the analyses.
- :mod:`helpers.charts` - one style, one ``save_figure``.
- :mod:`helpers.pipeline` - every frame of an article in one call.
"""

__version__ = "0.1.0"

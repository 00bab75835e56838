"""newslens helpers: turn news articles into frames of sentences, quotes and entities, and measure them.

The package is laid out by stage; each stage imports only the ones before it:

- :mod:`helpers.config` - every path and setting the project reads (environment variables included).
- :mod:`helpers.tables` - frame utilities every stage shares.
- :mod:`helpers.ingest` - read a raw article, load the spaCy pipeline, parse once (cached), the token
  view of a ``Doc``, the paragraphs and sentences frames.
- :mod:`helpers.extract` - the quote engine (quote marks, cues, speakers, quotes) and entities.
- :mod:`helpers.measure` - speaker share, tone, tone toward entities, topics.
- :mod:`helpers.pipeline` - one article through ingest, extract and measure.
- :mod:`helpers.present` - charts, reader tables, the findings in words and the HTML report.
- :mod:`helpers.cli` - the command line (``python -m helpers``).
"""

__all__ = ["__version__"]

__version__ = "0.1.0"

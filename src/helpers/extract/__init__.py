"""Stage 2, extract: who said what (the quote engine) and who is mentioned (entities).

- :mod:`helpers.extract.quotemarks` - pair quotation marks in running text.
- :mod:`helpers.extract.cues` - the word lists the engine reads (speech verbs, titles, ...).
- :mod:`helpers.extract.entities` - named entities merged into canonical entities.
- :mod:`helpers.extract.speakers` - the speaker of a speech cue, pronoun resolution.
- :mod:`helpers.extract.quotes` - the quotes frame: one row per attributed statement.
"""

__all__: list[str] = []


"""Stage 3, measure: speaker share, tone and topics, computed from the frames of stage 2.

- :mod:`helpers.measure.share` - who gets quoted, how much, where.
- :mod:`helpers.measure.sentiment` - lexical tone of sentences, quotes and speakers (VADER).
- :mod:`helpers.measure.target_sentiment` - the tone *toward* a mention (a trained model).
- :mod:`helpers.measure.topics` - keyphrases and NMF themes.
- :mod:`helpers.measure.quote_eval` - how well the quote engine does: scores against gold annotations.
"""

__all__: list[str] = []


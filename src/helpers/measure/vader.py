"""VADER scores through the package's public analyzer, one analyzer per process, scores cached per text.

Every VADER score of newslens comes from ``vaderSentiment.SentimentIntensityAnalyzer.polarity_scores``
(Hutto & Gilbert, 2014): the tone of each sentence and quote (:mod:`helpers.measure.sentiment`) and
the sentence and window features of the tone toward a mention (:mod:`helpers.measure.target_sentiment`).
The analyzer reads its lexicon once (:func:`analyzer`). A text's scores depend on the text alone, so
they are cached (:data:`SCORE_CACHE_SIZE` texts, least recently used first out): a sentence scored for
its tone is not scored again for the tone toward each of its mentions, nor when an article is
analysed again in the same process.
"""

from __future__ import annotations

__all__ = ["SCORE_CACHE_SIZE", "analyzer", "polarity_scores", "compound"]

import functools

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

#: Texts whose scores are kept. A sentence and its mention windows take a few entries; a long article
#: a few thousand. More keeps more articles' texts in memory (a few hundred bytes each); fewer
#: scores a text again once it has dropped out.
SCORE_CACHE_SIZE = 50_000


@functools.cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The one ``SentimentIntensityAnalyzer`` of the process (its lexicon is read once)."""
    return SentimentIntensityAnalyzer()


def polarity_scores(text: str) -> dict[str, float]:
    """VADER's ``{"neg", "neu", "pos", "compound"}`` for ``text`` (a new dict each call: change it freely)."""
    return dict(_scores(text.strip()))


def compound(text: str) -> float:
    """VADER's compound score of ``text``, in [-1, 1]."""
    return _scores(text.strip())["compound"]


@functools.lru_cache(maxsize=SCORE_CACHE_SIZE)
def _scores(text: str) -> dict[str, float]:
    # Keyed on the stripped text: VADER strips a text before it scores it, so a sentence as spaCy
    # cuts it (with its trailing space) and as the sentences frame holds it share one entry.
    # Kept in the cache: callers get copies (polarity_scores) or a float (compound).
    return analyzer().polarity_scores(text)

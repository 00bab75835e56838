"""VADER scores exactly as ``vaderSentiment`` computes them, in less time.

``vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`` copies its input one character at a
time to swap emojis for words, and for every word it calls the full valence rules, which rebuild
the lower-cased word list several times for each sentiment word. :class:`FastVader` is a subclass
that changes only how the work is organised, never a rule:

- when the text holds no emoji character, the copy loop is skipped (it would return the text
  unchanged);
- words that are boosters, not in the lexicon, or "kind" before "of" get valence 0 directly (the
  rules give them 0 and nothing else);
- the lower-cased word list is built once per text and shared by the negation and idiom checks,
  and a single word is tested against the negation list as a set, not by scanning the list.

Everything else (lexicon, constants, "but" rule, punctuation emphasis, rounding) is the package's
own code. ``tests/test_vader.py`` checks equal scores on hand-written texts that exercise every
rule and on thousands of generated ones; texts with emojis, or non-``str`` input, go through the
package's original method.
"""

from __future__ import annotations

import functools
import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT, N_SCALAR, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer, SentiText, allcap_differential,
)

__all__ = ["FastVader", "analyzer", "polarity_scores"]


class _Words(list):
    """A text's words, carrying their lower-case forms (``lower``) for the overridden checks."""

    __slots__ = ("lower",)


class FastVader(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with the same scores, computed faster (see module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only one-character emojis can match: VADER compares the text character by character.
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

    def polarity_scores(self, text):
        if not isinstance(text, str) or not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()  # what the emoji loop ends with
        # SentiText(text), built without a method call per word
        words = _Words(w if len(s) <= 2 else s for w in text.split() for s in (w.strip(_PUNCTUATION),))
        words.lower = lower = [w.lower() for w in words]
        sentitext = SentiText.__new__(SentiText)
        sentitext.text, sentitext.words_and_emoticons = text, words
        sentitext.is_cap_diff = allcap_differential(words)
        lexicon, last = self.lexicon, len(words) - 1
        sentiments: list = []
        for i, item in enumerate(words):
            low = lower[i]
            if low in BOOSTER_DICT or low not in lexicon or (low == "kind" and i < last and lower[i + 1] == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    # The package's checks, reading the shared lower-case list instead of rebuilding it per call.

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        lower = _lower(words_and_emoticons)
        if start_i == 0:
            if _negated(lower[i - 1]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                valence = valence
            elif _negated(lower[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                    (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                valence = valence
            elif _negated(lower[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence, words_and_emoticons, i):
        lower = _lower(words_and_emoticons)  # negative indices wrap around, as in the package
        onezero = f"{lower[i - 1]} {lower[i]}"
        twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        twoone = f"{lower[i - 2]} {lower[i - 1]}"
        threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        threetwo = f"{lower[i - 3]} {lower[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lower) - 1 > i:
            zeroone = f"{lower[i]} {lower[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence


_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation


def _negated(word: str) -> bool:
    """The package's ``negated([word])`` for one lower-case word."""
    return word in _NEGATE or "n't" in word


def _lower(words) -> list:
    return words.lower if isinstance(words, _Words) else [str(w).lower() for w in words]


@functools.cache
def analyzer() -> FastVader:
    """The one :class:`FastVader` of the process (the lexicon is read once)."""
    return FastVader()


def polarity_scores(text: str) -> dict:
    """VADER's ``{"neg", "neu", "pos", "compound"}`` for ``text``."""
    return analyzer().polarity_scores(text)

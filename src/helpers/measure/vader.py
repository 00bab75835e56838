"""VADER scores exactly as ``vaderSentiment`` computes them, in less time.

``vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`` copies its input one character at a
time to swap emojis for words, and for every word it calls the full valence rules, which rebuild
the lower-cased word list several times for each sentiment word. :class:`FastVader` is a subclass
that changes only how the work is organised, never a rule:

- when the text holds no emoji character (an ASCII text cannot), the copy loop is skipped (it
  would return the text unchanged);
- words that are boosters, not in the lexicon, or "kind" before "of" get valence 0 directly (the
  rules give them 0 and nothing else);
- the lower-cased word list is built once per text and shared by the valence, negation, idiom,
  "least" and "but" checks, whose code is inlined with the same arithmetic in the same order; a
  single word is tested against the negation list as a set, not by scanning the list; the idiom
  strings are only built when a word of some idiom or multi-word booster is at hand.

Lexicon, constants, rules and rounding are the package's own. ``tests/test_vader.py`` checks equal
scores (to the last bit) on hand-written texts that exercise every rule and on thousands of
generated ones; texts with emojis, or non-``str`` input, go through the package's original method.
:meth:`FastVader.may_score` tells a caller when a text's compound is 0.0 without scoring it;
:meth:`FastVader.compound` gives the compound score alone (the other three are not computed).

Inside :func:`shared_scores` (one article's analysis runs in it), a text scored twice is scored
once: the tone of each sentence and the tone-toward-mention features read the same sentences.
Nothing is kept after the block, so one article's scores never serve another.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer, normalize, scalar_inc_dec,
)

__all__ = ["FastVader", "analyzer", "polarity_scores", "shared_scores"]

_SHARED: contextvars.ContextVar = contextvars.ContextVar("newslens_vader_scores", default=None)


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
        # (emoji characters are all non-ASCII: an ASCII text needs no scan)
        if not isinstance(text, str) or not (text.isascii() or self._emoji_chars.isdisjoint(text)):
            return super().polarity_scores(text)
        text = text.strip()  # what the emoji loop ends with
        shared = _SHARED.get()
        if shared is None:
            return self.score_valence(self._sentiments(text), text)
        scores = shared.get(text)
        if scores is None:
            scores = shared[text] = self.score_valence(self._sentiments(text), text)
        return dict(scores)  # a copy: a caller may change its dict

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, without computing the other three scores."""
        if not isinstance(text, str) or not (text.isascii() or self._emoji_chars.isdisjoint(text)):
            return super().polarity_scores(text)["compound"]
        text = text.strip()
        sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        # score_valence's compound
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += self._punctuation_amplifier(text)
        elif sum_s < 0:
            sum_s -= self._punctuation_amplifier(text)
        return round(normalize(sum_s), 4)

    def _sentiments(self, text: str) -> list:
        """The valence of each word of the (stripped, emoji-free) ``text``, after the "but" rule."""
        # SentiText(text)'s words, built without a method call per word
        words = _Words([w if len(s := w.strip(_PUNCTUATION)) <= 2 else s for w in text.split()])
        words.lower = lower = [w.lower() for w in words]
        is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)  # allcap_differential(words)
        lexicon, last = self.lexicon, len(words) - 1
        sentiments: list = [0] * len(words)
        for i in [i for i, low in enumerate(lower) if low in lexicon]:
            low = lower[i]
            if not (low in BOOSTER_DICT or (low == "kind" and i < last and lower[i + 1] == "of")):
                sentiments[i] = self._valence(words, lower, is_cap_diff, i)
        return self._but_check(words, sentiments)

    @staticmethod
    def _punctuation_amplifier(text: str) -> float:
        """The package's ``_punctuation_emphasis``: up to 4 "!", and 2 or 3 (or more) "?"."""
        qm_count = text.count("?")
        return min(text.count("!"), 4) * 0.292 + (0 if qm_count <= 1 else qm_count * 0.18 if qm_count <= 3 else 0.96)

    def _valence(self, words, lower, is_cap_diff, i):
        """The package's ``sentiment_valence`` of lexicon word ``i``, reading ``lower``."""
        lexicon = self.lexicon
        low = lower[i]
        valence = lexicon[low]
        # check for "no" as negation for an adjacent lexicon item vs "no" as its own stand-alone lexicon item
        if low == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") \
                or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
            valence = lexicon[low] * N_SCALAR
        # check if sentiment laden word is in ALL CAPS (while others aren't)
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lexicon:
                if lower[j] in BOOSTER_DICT:
                    s = scalar_inc_dec(words[j], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                else:
                    s = 0.0  # what scalar_inc_dec gives a word that is no booster
                valence = valence + s
                valence = _negation(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _idioms(valence, lower, i)
        return _least(valence, lower, lexicon, i)

    def score_valence(self, sentiments, text):
        """The package's ``score_valence``, its helpers inlined."""
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = self._punctuation_amplifier(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        pos_sum, neg_sum, neu_count = self._sift_sentiment_scores(sentiments)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {"neg": round(math.fabs(neg_sum / total), 3),
                "neu": round(math.fabs(neu_count / total), 3),
                "pos": round(math.fabs(pos_sum / total), 3),
                "compound": round(compound, 4)}

    def may_score(self, text: str) -> bool:
        """Whether a word of ``text`` could move VADER's compound score.

        False means ``polarity_scores`` of ``text`` - and of any texts that are all False here,
        joined by whitespace - has compound ``0.0`` for certain: no emoji character and no word
        of the lexicon, so every word's valence is 0 (boosters, negations, idioms and "but" only
        change the valence of lexicon words). Lets a caller skip scoring such texts.
        """
        if not self._emoji_chars.isdisjoint(text):
            return True
        lexicon = self.lexicon
        for w in text.split():  # the words polarity_scores reads
            s = w.strip(_PUNCTUATION)
            if (w if len(s) <= 2 else s).lower() in lexicon:
                return True
        return False

    def may_score_each(self, words: list[str]) -> list[bool]:
        """:meth:`may_score` of each of ``words`` (a plain ASCII word is just looked up: it holds
        no punctuation, space or emoji)."""
        lexicon = self.lexicon
        return [w.lower() in lexicon if w.isascii() and w.isalpha() else self.may_score(w) for w in words]

    # The package's checks, reading the shared lower-case list instead of rebuilding it per call.

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        return _negation(valence, _lower(words_and_emoticons), start_i, i)

    def _special_idioms_check(self, valence, words_and_emoticons, i):
        return _idioms(valence, _lower(words_and_emoticons), i)

    def _least_check(self, valence, words_and_emoticons, i):
        return _least(valence, _lower(words_and_emoticons), self.lexicon, i)

    @staticmethod
    def _but_check(words_and_emoticons, sentiments):
        lower = _lower(words_and_emoticons)
        if "but" in lower:
            bi = lower.index("but")
            for sentiment in sentiments:
                si = sentiments.index(sentiment)
                if si < bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 0.5)
                elif si > bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 1.5)
        return sentiments

    @staticmethod
    def _sift_sentiment_scores(sentiments):
        pos_sum = 0.0
        neg_sum = 0.0
        nonzero = [x for x in sentiments if x]  # the zeros are only counted
        for sentiment_score in nonzero:
            if sentiment_score > 0:
                pos_sum += (float(sentiment_score) + 1)
            if sentiment_score < 0:
                neg_sum += (float(sentiment_score) - 1)
        return pos_sum, neg_sum, len(sentiments) - len(nonzero)


_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation
# every word of a multi-word idiom or booster: a sequence of words can only be one of them if all
# its words are here
_IDIOM_WORDS = frozenset(w for key in [*SPECIAL_CASES, *BOOSTER_DICT] for w in key.split(" "))


def _negated(word: str) -> bool:
    """The package's ``negated([word])`` for one lower-case word."""
    return word in _NEGATE or "n't" in word


def _lower(words) -> list:
    return words.lower if isinstance(words, _Words) else [str(w).lower() for w in words]


# The package's checks, reading a lower-case word list made once per text (the package rebuilds
# it on each call).

def _negation(valence, lower, start_i, i):
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


def _idioms(valence, lower, i):
    # Every sequence below holds word i or word i-2: when neither is part of an idiom or a
    # multi-word booster, none can match.
    if lower[i] not in _IDIOM_WORDS and lower[i - 2] not in _IDIOM_WORDS:
        return valence
    # negative indices wrap around, as in the package
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


def _least(valence, lower, lexicon, i):
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


@contextlib.contextmanager
def shared_scores():
    """Within the block, :meth:`FastVader.polarity_scores` scores each distinct text once."""
    outer = _SHARED.get()
    token = _SHARED.set({} if outer is None else outer)  # a nested block shares the outer one's scores
    try:
        yield
    finally:
        _SHARED.reset(token)


@functools.cache
def analyzer() -> FastVader:
    """The one :class:`FastVader` of the process (the lexicon is read once)."""
    return FastVader()


def polarity_scores(text: str) -> dict:
    """VADER's ``{"neg", "neu", "pos", "compound"}`` for ``text``."""
    return analyzer().polarity_scores(text)

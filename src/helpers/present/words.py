"""How newslens phrases numbers and names for readers: one place for lists, plurals and leads.

Chart titles (:mod:`helpers.present.charts`) and the report's sentences
(:mod:`helpers.present.report`) are generated from the data; they all go through these helpers so
that they read the same way everywhere:

- :func:`join` lists names as "A, B and C", in the order given (the order of the bars or rows the
  sentence describes);
- :func:`count` writes "1 statement" / "2 statements" (:func:`plural` without the number);
- :func:`leaders` decides whether one value leads the others clearly enough to say so.

**Near ties.** A headline never rests on a difference a reader could not check or that a single
extraction error would reverse. Whoever is within the margin of the largest value shares the lead,
and the sentence says the values are too close to rank:

- statements: a lead of :data:`NEAR_TIE_STATEMENTS` (one) statement or less;
- words: a lead of at most :data:`NEAR_TIE_WORDS` (ten) words, or at most :data:`NEAR_TIE_FRACTION`
  (a tenth) of the leader's words, whichever is larger;
- tone scores (means from -1 to +1): a difference of at most :data:`NEAR_TIE_TONE` (0.05, the width of
  VADER's neutral band on either side).

Possessives are avoided on purpose ("the words of the police", not "police's words"): a generated
sentence cannot know whether a name is a person, a plural noun or a name ending in "s".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = [
    "NEAR_TIE_FRACTION", "NEAR_TIE_STATEMENTS", "NEAR_TIE_TONE", "NEAR_TIE_WORDS", "count", "join", "leaders",
    "plural", "statement_margin", "tone_margin", "word_margin",
]

#: A lead of this many statements or fewer is a near tie: one misattributed quote would reverse it.
NEAR_TIE_STATEMENTS = 1
#: A lead of this many words or fewer is a near tie (a clause more or less in one quote) ...
NEAR_TIE_WORDS = 10
#: ... and so is a lead of this fraction of the leader's words or less, whichever is larger.
NEAR_TIE_FRACTION = 0.10
#: Two mean tone scores this close are a near tie: the half-width of VADER's neutral band.
NEAR_TIE_TONE = 0.05

# Plurals that adding "s" gets wrong, for the nouns the generated sentences use.
_IRREGULAR = {"person": "people", "entity": "entities", "this": "these", "is": "are", "has": "have",
              "makes": "make", "was": "were", "speaks": "speak"}


def plural(n: int | float, singular: str, many: str | None = None) -> str:
    """``singular`` for one, else its plural (``many``, a known irregular form, or ``singular + "s"``)."""
    if n == 1:
        return singular
    return many or _IRREGULAR.get(singular, singular + "s")


def count(n: int | float, singular: str, many: str | None = None) -> str:
    """``"1 statement"``, ``"2 statements"``, ``"0 statements"``: the number and the right noun form."""
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{shown} {plural(n, singular, many)}"


def join(names: Sequence[str], conjunction: str = "and") -> str:
    """``"A"``, ``"A and B"``, ``"A, B and C"``: names in the order given (no serial comma)."""
    names = [str(n) for n in names]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def statement_margin(top: float) -> float:
    """The near-tie margin for counts of statements (see the module docstring)."""
    return NEAR_TIE_STATEMENTS


def word_margin(top: float) -> float:
    """The near-tie margin for counts of words: ten words or a tenth of the leader's, the larger."""
    return max(NEAR_TIE_WORDS, NEAR_TIE_FRACTION * top)


def tone_margin(top: float) -> float:
    """The near-tie margin for mean tone scores."""
    return NEAR_TIE_TONE


def leaders(names: Sequence[str], values: Sequence[float],
            margin: Callable[[float], float] = statement_margin) -> tuple[list[int], bool]:
    """Who leads ``values`` and whether the lead is clear.

    Returns ``(positions, clear)``: the positions (in the order given) of every value within
    ``margin(top)`` of the largest, and ``clear`` True only when that is a single position, i.e. the
    leader is ahead of everyone else by more than the margin. An exact tie and a near tie both give
    ``clear == False``; tell them apart by comparing the values. Empty input gives ``([], False)``.
    """
    if len(names) != len(values):
        raise ValueError("names and values must have the same length")
    if not len(values):
        return [], False
    top = max(values)
    allowed = margin(top)
    close = [i for i, v in enumerate(values) if top - v <= allowed + 1e-12]
    return close, len(close) == 1

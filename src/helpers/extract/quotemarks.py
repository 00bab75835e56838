"""Pair quotation marks in running text, the way a careful reader does.

:func:`find_quoted_spans` takes a text and the character ranges of its paragraphs and returns one
:class:`QuotedSpan` per quotation: where its opening and closing marks are and where the quoted words
start and end. It works on characters only (no parse), in one pass, and never raises.

How marks are read:

- Double marks open and close quotations: straight ``"``, curly ``“ ”``, low ``„`` and guillemets
  ``« »``. Whether a mark opens or closes comes from its context (space or start before and a word
  after opens; a word or punctuation before and space, punctuation or end after closes); the curly
  direction only breaks ties, because published text mixes ``"`` and ``”`` within one quote.
- Single marks (``' ‘ ’``) are left alone: inside a double quotation they are nested quotes or
  apostrophes (``don’t``, ``horses'``), never the end of the quotation. Only a text with no double
  mark at all that opens words with single marks (British style) is read with single marks, and
  then an apostrophe inside a word (``don't``, ``O'Brien``) or before a digit (``'90s``) is skipped.
- A quotation that is still open at the end of a paragraph ends there (flag ``open_ended``), so one
  stray mark never shifts the pairing of every later mark. News style opens each paragraph of a
  multi-paragraph quotation again; :func:`find_quoted_spans` keeps the pieces apart (a quotation
  never crosses a paragraph break) and the quote engine gives a later piece with no attribution of
  its own the speaker of the first.
- A closing mark with no opening mark before it is ignored (headline residue, inch marks).
"""

from __future__ import annotations

__all__ = [
    "OPENING_ONLY", "CLOSING_ONLY", "DOUBLE_MARKS", "SINGLE_MARKS", "QuotedSpan", "find_quoted_spans",
    "line_ranges",
]

import re
from dataclasses import dataclass

OPENING_ONLY = frozenset("“„«‘")
CLOSING_ONLY = frozenset("”»’")
DOUBLE_MARKS = frozenset('"“”„«»')
SINGLE_MARKS = frozenset("'‘’")
# Characters after which a mark reads as opening: start of text, space, opening brackets, dashes.
_OPEN_BEFORE = frozenset(" \t\n\r([{—–-/:;\u00a0")
# Characters before which a mark reads as closing: space, end, punctuation.
_CLOSE_AFTER = frozenset(" \t\n\r)]}—–-/:;,.?!…\u00a0")


_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]")
_SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(SINGLE_MARKS))) + "]")
_OPENING_SINGLE = re.compile("[‘']")


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: ``open_char``/``close_char`` are the offsets of its marks (``close_char`` is
    the paragraph end when ``open_ended``); ``start_char``/``end_char`` delimit the quoted words,
    without the marks and without surrounding whitespace."""

    open_char: int
    close_char: int
    start_char: int
    end_char: int
    open_ended: bool = False


def find_quoted_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """All quotations in ``text``, in text order.

    ``paragraphs`` are ``(start_char, end_char)`` ranges; a quotation never crosses one. When
    None, every line is a paragraph. Empty quotations (``""``) are dropped.
    """
    if not text:
        return []
    if paragraphs is None:
        paragraphs = line_ranges(text)
    marks = DOUBLE_MARKS if _uses_double_marks(text) else SINGLE_MARKS
    spans: list[QuotedSpan] = []
    for start, end in paragraphs:
        spans.extend(_scan_paragraph(text, max(0, start), min(len(text), end), marks))
    return spans


def _uses_double_marks(text: str) -> bool:
    """False only for text quoted in single marks (British style): no double mark at all, and
    a single mark opening a word."""
    if _DOUBLE_MARK.search(text):
        return True
    opens = 0
    for m in _OPENING_SINGLE.finditer(text):
        i = m.start()
        if (i == 0 or text[i - 1] in _OPEN_BEFORE) and i + 1 < len(text) and text[i + 1].isalpha():
            opens += 1
            if opens >= 1:
                return False
    return True


def line_ranges(text: str, separator: str = "\n") -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank piece of ``text`` between ``separator`` (by default a
    line break ends a paragraph; ``"\n\n"`` splits on blank lines), without surrounding space."""
    ranges = []
    pos = 0
    for piece in text.split(separator):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            ranges.append((pos + lead, pos + lead + len(stripped)))
        pos += len(piece) + len(separator)
    return ranges


def _scan_paragraph(text: str, start: int, end: int, marks: frozenset[str] = DOUBLE_MARKS) -> list[QuotedSpan]:
    spans = []
    open_at = -1
    single = marks is SINGLE_MARKS
    # Only the marks matter: jump from one to the next rather than visiting every character.
    pattern = _SINGLE_MARK if single else _DOUBLE_MARK
    for m in pattern.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if single and before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: don't, O'Brien
        can_open = (before in _OPEN_BEFORE or before in marks) and not after.isspace()
        can_close = (after in _CLOSE_AFTER or after in marks or after in "'’\"”") and not before.isspace()
        if single and can_open and after.isdigit():
            continue  # '90s
        if ch in OPENING_ONLY and not (can_close and not can_open and open_at >= 0):
            can_open, can_close = True, False
        elif ch in CLOSING_ONLY and not (can_open and not can_close and open_at < 0):
            can_open, can_close = False, True
        if open_at < 0:
            if can_open or (not can_close and ch not in CLOSING_ONLY):
                open_at = i
        elif can_close or not can_open:
            span = _make_span(text, open_at, i, i)
            if span:
                spans.append(span)
            open_at = -1
        else:
            # A second opening mark while one is open: the first one was stray (or an unclosed
            # quotation); restart from here rather than pairing everything after it wrongly.
            span = _make_span(text, open_at, i, _trim_end(text, open_at + 1, i), open_ended=True)
            if span and span.end_char - span.start_char > 0 and _looks_closed_by_sentence(text, span):
                spans.append(span)
            open_at = i
    if open_at >= 0:
        span = _make_span(text, open_at, end, end, open_ended=True)
        if span:
            spans.append(span)
    return spans


def _make_span(text: str, open_at: int, close_at: int, content_end: int,
               open_ended: bool = False) -> QuotedSpan | None:
    s = open_at + 1
    e = min(close_at, content_end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    return QuotedSpan(open_at, close_at, s, e, open_ended)


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _looks_closed_by_sentence(text: str, span: QuotedSpan) -> bool:
    # An unclosed quotation followed by a new one in the same paragraph is kept only when it ends
    # like a sentence; otherwise the first mark was a stray.
    return text[span.end_char - 1] in ".?!…"

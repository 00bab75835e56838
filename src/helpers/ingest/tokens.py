"""The token attributes of a parsed ``Doc`` as plain Python lists, read once per Doc.

Rules that walk tokens one by one (target features, keyphrase trimming, theme terms) spend most
of their time creating spaCy ``Token`` objects and converting hashes to strings, not on the rule.
:func:`token_table` reads every attribute they need with one ``Doc.to_array`` call, turns each
distinct hash into its string once, and keeps the result for that Doc: the analyses of one
article share one table.

The cache is keyed by the Doc object (weakly: it goes when the Doc goes) and checked against the
Doc's current annotation array on every call, so a Doc whose tokens, tags, parse or entities were
changed after the table was built gets a new table, never a stale one. That check reads the array
again (about 0.4 ms for a 1,000-word article); an analysis that only reads the Doc wraps itself in
:func:`pinned`, and inside it every call returns the same table without the check.

:class:`TokenTable` attributes (one list entry per token, index = ``Token.i``): ``text``, ``lower``,
``lemma`` (lower-cased), ``pos``, ``dep``, ``ent_type`` (``""`` outside entities), ``is_punct``,
``is_space``, ``is_stop``, ``is_alpha``, ``like_num``, ``is_quote`` (also typographic double quotes),
``idx`` (character offset), ``length`` (characters), ``head`` (absolute index of the head), ``tag``
(the fine-grained tag), ``morph`` (``str(Token.morph)``), ``spaced`` (``bool(Token.whitespace_)``).
Per Doc: ``doc_text`` (``Doc.text``) and ``sents`` (``(start, end, start_char, end_char)`` of each
sentence), ``sent_starts`` (the sentences' first tokens); built on first use: ``children``,
``left_edges`` and ``right_edges`` (``Token.left_edge.i``, ``Token.right_edge.i``), ``sentence_ids``
(the sentence index of every token). Methods give spaCy's answers without creating Tokens or Spans:
``sentence_of``, ``token_at``, ``char_span`` (the "expand" alignment), ``span_root``, ``span_text``,
``left_edge``, ``right_edge``, ``is_sent_start`` and ``morph_value``.
"""

from __future__ import annotations

import bisect
import re
import contextlib
import functools
import weakref

import numpy as np
from spacy import attrs as spacy_attrs
from spacy.parts_of_speech import IDS as POS_IDS

__all__ = ["WORD", "TokenTable", "count_words", "pinned", "token_table"]

_NAMES = ("ORTH", "LOWER", "LEMMA", "POS", "DEP", "ENT_TYPE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_ALPHA",
          "LIKE_NUM", "IS_QUOTE", "IDX", "LENGTH", "HEAD", "SENT_START", "SPACY", "ENT_IOB", "TAG", "MORPH")
_ATTRS = [spacy_attrs.IDS[name] for name in _NAMES]
_POS_NAMES = {int(v): k for k, v in POS_IDS.items() if k}
_DOUBLE_QUOTES = ("\u201c", "\u201d", '"')

#: A word: letters or digits, with apostrophes or hyphens inside ("don't", "geo-political", "1,000"
#: counts as two: "1" and "000"). The one definition of ``n_words`` in every frame.
WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")

_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_PINNED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> [table, nesting depth]


class TokenTable:
    """Token attributes of one Doc as lists (see the module docstring)."""

    def __init__(self, doc, array: np.ndarray | None = None):
        n = len(doc)
        arr = _array(doc) if array is None else array
        self._key = arr.tobytes()
        strings = doc.vocab.strings
        memo: dict[int, str] = {0: ""}

        def text_of(hashes: list[int]) -> list[str]:
            out = []
            for h in hashes:
                v = memo.get(h)
                if v is None:
                    v = memo[h] = strings[h]
                out.append(v)
            return out

        col = {name: arr[:, k].tolist() for k, name in enumerate(_NAMES) if name != "HEAD"}
        self.text = text_of(col["ORTH"])
        self.lower = text_of(col["LOWER"])
        self.lemma = [w.lower() for w in text_of(col["LEMMA"])]
        self.pos = [_POS_NAMES.get(p, "") for p in col["POS"]]
        self.dep = text_of(col["DEP"])
        self.ent_type = text_of(col["ENT_TYPE"])
        self.is_punct = [bool(x) for x in col["IS_PUNCT"]]
        self.is_space = [bool(x) for x in col["IS_SPACE"]]
        self.is_stop = [bool(x) for x in col["IS_STOP"]]
        self.is_alpha = [bool(x) for x in col["IS_ALPHA"]]
        self.like_num = [bool(x) for x in col["LIKE_NUM"]]
        self.is_quote = [bool(q) or w in _DOUBLE_QUOTES for q, w in zip(col["IS_QUOTE"], self.text)]
        self.idx = col["IDX"]
        self.length = col["LENGTH"]
        self.tag = text_of(col["TAG"])
        self.morph = ["" if m == "_" else m for m in text_of(col["MORPH"])]  # "_" is spaCy's empty analysis
        self.spaced = [bool(x) for x in col["SPACY"]]
        # HEAD is stored as a signed offset in an unsigned array
        self.head = [k + h for k, h in enumerate(arr[:, _NAMES.index("HEAD")].astype(np.int64).tolist())]
        # Doc.text is each token's text plus its trailing space, if any: joined from the lists read
        # above instead of walking every token as a Token object
        self.doc_text = "".join([w + " " if sp else w for w, sp in zip(self.text, col["SPACY"])])
        self.sents = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents] if n else []
        self.sent_starts = [s[0] for s in self.sents]

    def __len__(self) -> int:
        return len(self.text)

    def sentence_of(self, i: int) -> int:
        """Index into :attr:`sents` of the sentence holding token ``i``."""
        return bisect.bisect_right(self.sent_starts, i) - 1

    def token_at(self, char: int) -> int:
        """Index of the token holding character offset ``char`` (or the last token starting before it)."""
        return max(0, bisect.bisect_right(self.idx, char) - 1)

    @functools.cached_property
    def children(self) -> list[list[int]]:
        """Each token's children as indices in text order (``Token.children``), built on first use."""
        kids = [[] for _ in self.head]
        for j, h in enumerate(self.head):
            if h != j:
                kids[h].append(j)
        return kids

    @functools.cached_property
    def sentence_ids(self) -> list[int]:
        """The sentence index (into :attr:`sents`) of every token, built on first use."""
        out: list[int] = []
        for k, (start, end, _, _) in enumerate(self.sents):
            out += [k] * (end - start)
        return out

    @functools.cached_property
    def common_nouns(self) -> frozenset[str]:
        """The words and lemmas of the text's lower-case common nouns (POS ``NOUN``), built on first
        use: whether a capitalised word is used elsewhere as a common noun ("Lead" and "the leads")."""
        return frozenset(w for t, lem, p in zip(self.text, self.lemma, self.pos) if p == "NOUN" and t.islower()
                         for w in (lem, t))

    @functools.cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The alphabetic words the text writes in lower case somewhere, built on first use: a word
        capitalised at a sentence's start or before a name that the text also writes in lower case is
        no name ("Fitness was ... our fitness")."""
        return frozenset(w for w in self.text if w.isalpha() and w.islower())

    def is_sent_start(self, i: int) -> bool:
        """``Token.is_sent_start`` as a bool: token ``i`` opens a sentence."""
        k = self.sentence_of(i)
        return k >= 0 and self.sent_starts[k] == i

    @functools.cached_property
    def _edges(self) -> tuple[list[int], list[int]]:
        # The leftmost and rightmost token of each subtree: every token pushes its edges up to its
        # head, deepest tokens first, so each head has its whole subtree's edges when it is pushed.
        head, n = self.head, len(self.head)
        depth = [0] * n
        for i in range(n):
            d, j = 0, i
            while head[j] != j:
                j = head[j]
                d += 1
                if d > n:
                    raise RuntimeError(f"token {i} of the Doc has a cycle in its heads")
            depth[i] = d
        left, right = list(range(n)), list(range(n))
        for i in sorted(range(n), key=depth.__getitem__, reverse=True):
            h = head[i]
            if h != i:
                if left[i] < left[h]:
                    left[h] = left[i]
                if right[i] > right[h]:
                    right[h] = right[i]
        return left, right

    @property
    def left_edges(self) -> list[int]:
        """``Token.left_edge.i`` of every token: the first token of its subtree."""
        return self._edges[0]

    @property
    def right_edges(self) -> list[int]:
        """``Token.right_edge.i`` of every token: the last token of its subtree."""
        return self._edges[1]

    def left_edge(self, i: int) -> int:
        """``doc[i].left_edge.i``."""
        return self._edges[0][i]

    def right_edge(self, i: int) -> int:
        """``doc[i].right_edge.i``."""
        return self._edges[1][i]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` ("" for an empty range)."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + self.length[end - 1]]

    def morph_value(self, i: int, feature: str) -> str:
        """The value of one morphological feature of token ``i`` ("" if absent):
        ``morph_value(i, "Number")`` is ``"Plur"`` for "they" (``Token.morph.get(feature)``, joined)."""
        for part in self.morph[i].split("|"):
            name, _, value = part.partition("=")
            if name == feature:
                return value
        return ""

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Token range of ``doc.char_span(start, end, alignment_mode="expand")`` for offsets with
        ``0 <= start < end <= len(doc_text)``: the tokens with their trailing whitespace tile the text,
        so the token holding a character is the last one starting at or before it, and a span starting
        on a token's trailing whitespace starts at the next token (spaCy's rule)."""
        first, last = self.token_at(start), self.token_at(end - 1)
        if start == self.idx[first] + self.length[first]:
            first += 1
        return first, last + 1

    def span_root(self, start: int, end: int) -> int:
        """``doc[start:end].root`` by spaCy's rule: a sentence root inside the span wins; otherwise,
        among tokens whose head lies outside it, the first with the fewest steps to its root (a
        childless space or punctuation token counts as ``len(doc) - 1`` steps)."""
        head, n = self.head, len(self.head)
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = n, -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            if (self.is_space[i] or self.is_punct[i]) and not self.children[i]:
                steps = n - 1
            else:
                steps, j = 0, i
                while head[j] != j:
                    j = head[j]
                    steps += 1
                    if steps >= n:
                        raise RuntimeError(f"token {i} of the Doc has a cycle in its heads")
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root


def count_words(text: str | None) -> int:
    """Number of words in ``text`` (see :data:`WORD`); 0 for ``None``."""
    return len(WORD.findall(text or ""))


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once and reused while the Doc is unchanged."""
    pin = _PINNED.get(doc)
    if pin is not None:
        return pin[0]
    arr = _array(doc)
    table = _TABLES.get(doc)
    if table is None or table._key != arr.tobytes():
        table = TokenTable(doc, arr)
        _TABLES[doc] = table
    return table


@contextlib.contextmanager
def pinned(doc):
    """Within the block, :func:`token_table` returns one table for ``doc`` without re-reading the
    Doc to check it is unchanged: for code that only reads the Doc (the whole analysis of an article).
    Blocks nest; the check comes back when the outermost one ends."""
    pin = _PINNED.get(doc)
    if pin is None:
        pin = _PINNED[doc] = [token_table(doc), 0]
    pin[1] += 1
    try:
        yield pin[0]
    finally:
        pin[1] -= 1
        if pin[1] == 0:
            del _PINNED[doc]


def _array(doc) -> np.ndarray:
    if len(doc) == 0:
        return np.zeros((0, len(_ATTRS)), dtype=np.uint64)
    return doc.to_array(_ATTRS)

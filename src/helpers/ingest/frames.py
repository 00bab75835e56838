"""The paragraphs and sentences frames of a parsed article.

Sentences frame, one row per sentence:

============  ==================================================================================
column        meaning
============  ==================================================================================
article_id    the file name without its suffix
sentence_id   0-based index into ``list(doc.sents)`` (whitespace-only sentences are left out)
paragraph_id  the paragraph (see :mod:`helpers.ingest.article`) the sentence lies in
paragraph_no  that paragraph's number as a reader counts it (headline 0, body from 1; missing
              for page furniture): see :func:`helpers.ingest.article.paragraph_numbers`
role          that paragraph's role
text          ``article.text[start_char:end_char]``, without surrounding whitespace
start_char    offset of the first character in ``article.text``
end_char      offset one past the last character
n_tokens      tokens, whitespace tokens not counted
n_words       words (:func:`helpers.ingest.tokens.count_words`)
============  ==================================================================================
"""

from __future__ import annotations

__all__ = ["SENTENCE_COLUMNS", "paragraphs_frame", "sentences_frame", "paragraph_of", "paragraph_no_of", "role_counts"]

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from helpers.ingest.article import PROSE_ROLES, ROLE_CODES, ROLE_DTYPE, Article
from helpers.ingest.tokens import count_words, token_table

SENTENCE_COLUMNS = [
    "article_id", "sentence_id", "paragraph_id", "paragraph_no", "role", "text", "start_char", "end_char",
    "n_tokens", "n_words",
]


def paragraphs_frame(article: Article) -> pd.DataFrame:
    """The article's paragraphs frame (a copy: callers may modify it)."""
    return article.paragraphs.copy()


def sentences_frame(article: Article, doc: Doc) -> pd.DataFrame:
    """One row per sentence of ``doc`` with its paragraph and role (``doc`` parses ``article``)."""
    text = article.text
    T = token_table(doc)  # plain lists read once per Doc, shared with the other analyses
    if T.doc_text != text:
        raise ValueError(f"{article.article_id}: the Doc does not hold this article's text")
    is_space, idx, length = T.is_space, T.idx, T.length
    cols: dict[str, list] = {c: [] for c in ("sentence_id", "text", "start_char", "end_char", "n_tokens", "n_words")}
    for i, (s0, s1, _, _) in enumerate(T.sents):
        kept = [k for k in range(s0, s1) if not is_space[k]]
        if not kept:  # whitespace only
            continue
        first, last = kept[0], kept[-1]
        start, end = idx[first], idx[last] + length[last]
        for c, v in zip(cols, (i, text[start:end], start, end, len(kept), count_words(text[start:end]))):
            cols[c].append(v)
    para_ids = paragraph_of(article.paragraphs, np.asarray(cols["start_char"], dtype=int))
    role_of = dict(zip(article.paragraphs["paragraph_id"].tolist(), article.paragraphs["role"].astype(str).tolist()))
    return pd.DataFrame({
        "article_id": article.article_id,
        "sentence_id": cols["sentence_id"],
        "paragraph_id": para_ids,
        "paragraph_no": paragraph_no_of(article.paragraphs, para_ids),
        "role": pd.Categorical.from_codes([ROLE_CODES[role_of[p]] for p in para_ids.tolist()], dtype=ROLE_DTYPE),
        **{c: cols[c] for c in ("text", "start_char", "end_char", "n_tokens", "n_words")},
    }, columns=SENTENCE_COLUMNS)


def paragraph_of(paragraphs: pd.DataFrame, offsets) -> np.ndarray:
    """``paragraph_id`` holding each character offset (the last paragraph starting at or before it)."""
    starts = paragraphs["start_char"].to_numpy()
    idx = np.searchsorted(starts, np.asarray(offsets, dtype=int), side="right") - 1
    return paragraphs["paragraph_id"].to_numpy()[np.clip(idx, 0, len(starts) - 1)]


def paragraph_no_of(paragraphs: pd.DataFrame, paragraph_ids) -> pd.Series:
    """The reader's paragraph number (``paragraph_no`` of the paragraphs frame) of each
    ``paragraph_id`` in ``paragraph_ids``, as a nullable ``Int64`` Series (missing for page
    furniture and for an id not in ``paragraphs``). The one way every table, chart and report
    turns a ``paragraph_id`` into the number a reader sees."""
    numbers = dict(zip(paragraphs["paragraph_id"].tolist(), paragraphs["paragraph_no"].tolist()))
    values = [numbers.get(int(p)) if not pd.isna(p) else None for p in list(paragraph_ids)]
    return pd.Series(pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64"))


def role_counts(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, sentences and words per role (roles that do not occur are left out), then the
    prose that tone and themes score (headline, standfirst, body) and the total."""
    counts = pd.DataFrame({
        "paragraphs": paragraphs.groupby("role", observed=True).size(),
        "sentences": sentences.groupby("role", observed=True).size(),
        "words": sentences.groupby("role", observed=True)["n_words"].sum(),
    }).fillna(0).astype(int)
    total = counts.sum()
    counts.loc["prose (" + ", ".join(PROSE_ROLES) + ")"] = counts[counts.index.isin(PROSE_ROLES)].sum()
    counts.loc["total"] = total
    return counts

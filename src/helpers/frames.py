"""The paragraphs and sentences frames of a parsed article.

Sentences frame, one row per sentence:

============  ==================================================================================
column        meaning
============  ==================================================================================
article_id    the file name without its suffix
sentence_id   0-based index into ``list(doc.sents)`` (whitespace-only sentences are left out)
paragraph_id  the paragraph (see :mod:`helpers.article`) the sentence lies in
role          that paragraph's role
text          ``article.text[start_char:end_char]``, without surrounding whitespace
start_char    offset of the first character in ``article.text``
end_char      offset one past the last character
n_tokens      tokens, whitespace tokens not counted
n_words       tokens that are neither punctuation nor whitespace
============  ==================================================================================
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from helpers.article import ROLES, Article

SENTENCE_COLUMNS = [
    "article_id", "sentence_id", "paragraph_id", "role", "text", "start_char", "end_char",
    "n_tokens", "n_words",
]


def paragraphs_frame(article: Article) -> pd.DataFrame:
    """The article's paragraphs frame (a copy: callers may modify it)."""
    return article.paragraphs.copy()


def sentences_frame(article: Article, doc: Doc) -> pd.DataFrame:
    """One row per sentence of ``doc`` with its paragraph and role (``doc`` parses ``article``)."""
    text = article.text
    if doc.text != text:  # Doc.text re-joins every token: read it once, not per sentence
        raise ValueError(f"{article.article_id}: the Doc does not hold this article's text")
    rows = []
    for i, sent in enumerate(doc.sents):
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        rows.append((i, text[start:end], start, end, len(tokens),
                     sum(1 for t in tokens if not t.is_punct)))
    frame = pd.DataFrame(rows, columns=["sentence_id", "text", "start_char", "end_char",
                                        "n_tokens", "n_words"])
    para_ids = paragraph_of(article.paragraphs, frame["start_char"].to_numpy())
    roles = article.paragraphs.set_index("paragraph_id")["role"]
    frame.insert(0, "article_id", article.article_id)
    frame.insert(2, "paragraph_id", para_ids)
    frame.insert(3, "role", pd.Categorical(roles.reindex(para_ids).to_numpy(), categories=ROLES))
    return frame[SENTENCE_COLUMNS]


def paragraph_of(paragraphs: pd.DataFrame, offsets) -> np.ndarray:
    """``paragraph_id`` holding each character offset (the last paragraph starting at or before it)."""
    starts = paragraphs["start_char"].to_numpy()
    idx = np.searchsorted(starts, np.asarray(offsets, dtype=int), side="right") - 1
    return paragraphs["paragraph_id"].to_numpy()[np.clip(idx, 0, len(starts) - 1)]


def role_counts(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, sentences and words per role (roles that do not occur are left out)."""
    counts = pd.DataFrame({
        "paragraphs": paragraphs.groupby("role", observed=True).size(),
        "sentences": sentences.groupby("role", observed=True).size(),
        "words": sentences.groupby("role", observed=True)["n_words"].sum(),
    }).fillna(0).astype(int)
    counts.loc["total"] = counts.sum()
    return counts

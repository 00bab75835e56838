"""Views for readers: frames with no NaN in them, findings as a Markdown list, and the raw page beside
the roles newslens recognised.

Reader-facing tables (the frames a notebook shows, the tables of the HTML report) never show
``NaN``, ``None`` or ``<NA>``: :func:`reader_table` shows a missing value as :data:`MISSING`, an em
dash. The frames themselves keep missing values missing (a speaker that is not an entity has no
``speaker_id``; a sentence without a quote has no ``quote_kind``), so that code can test for them.
"""

from __future__ import annotations

__all__ = ["MISSING", "ROLE_COLOURS", "reader_table", "markdown_list", "roles_html"]

import html
import re

import pandas as pd

from helpers.ingest.article import Article

MISSING = "\u2014"  # an em dash: "no value", unmistakable in a table
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>]")

ROLE_COLOURS = {
    "navigation": "#d9d9d9",
    "headline": "#9ecae1",
    "caption": "#fdd0a2",
    "standfirst": "#c6dbef",
    "dateline": "#dadaeb",
    "byline": "#dadaeb",
    "body": "#ffffff",
    "pull_quote": "#fcbba1",
    "boilerplate": "#d9d9d9",
}


def reader_table(frame: pd.DataFrame, missing: str = MISSING) -> pd.DataFrame:
    """``frame`` as a reader sees it: every missing cell (None, NaN, NA, NaT) shown as ``missing``,
    and a list cell (name variants, sentence ids) as its items joined by "; ".

    Returns a copy; only columns that hold a missing value or a list change (to text cells), so
    numbers elsewhere keep their dtype and formatting.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object and any(isinstance(v, (list, tuple)) for v in values):
            out[column] = [("; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for v in values]
        gaps = out[column].isna()
        if gaps.any():
            out[column] = out[column].astype(object).where(~gaps, missing)
    return out


def markdown_list(sentences: list[str]) -> str:
    """``sentences`` as a Markdown bullet list (for ``IPython.display.Markdown``), one bullet each.

    Characters Markdown would read as formatting (``*``, ``_``, backticks, brackets, angle brackets,
    backslashes) are escaped, so a name or a quoted word is shown as written.
    """
    return "\n".join("- " + _MARKDOWN_SPECIAL.sub(r"\\\g<0>", s) for s in sentences)


def roles_html(article: Article) -> str:
    """Each paragraph's raw text (left, wrapped, never cut) beside the role it was given.

    The first column is the paragraph number a reader counts (``paragraph_no``: the headline 0,
    the article's own paragraphs from 1, "—" for page furniture); the last gives the offsets, which
    point back into the text.
    """
    rows = []
    for p in article.paragraphs.itertuples(index=False):
        colour = ROLE_COLOURS.get(str(p.role), "#ffffff")
        number = MISSING if pd.isna(p.paragraph_no) else int(p.paragraph_no)
        rows.append(
            f"<tr><td style='text-align:right;color:#666'>{number}</td>"
            f"<td style='text-align:left;font-family:monospace;white-space:pre-wrap'>{html.escape(p.text)}</td>"
            f"<td style='background:{colour};text-align:left'><b>{p.role}</b></td>"
            f"<td style='color:#666'>{p.start_char}-{p.end_char}</td></tr>"
        )
    head = "<tr><th>paragraph</th><th>raw text</th><th>recognised as</th><th>chars</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"

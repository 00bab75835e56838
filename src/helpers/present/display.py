"""Views for readers: frames with no NaN in them, interactive tables, the article with its quotes
highlighted, findings as a Markdown list, and the raw page beside the roles newslens recognised.

**Interactive tables.** :func:`interactive_table` turns a frame into a sortable, searchable table with
itables (DataTables), text left-aligned and wrapped, never cut, every row shown. Its JavaScript is
the bundle that ships inside the itables package (offline mode, ``connected=False``): a notebook
loads it once with :func:`init_tables`, and the HTML report embeds it once
(:func:`offline_tables_script`), so neither needs a network. Each table has a fixed id, so a
notebook's output is the same on every run.

Reader-facing tables (the frames a notebook shows, the tables of the HTML report) never show
``NaN``, ``None`` or ``<NA>``: :func:`reader_table` shows a missing value as :data:`MISSING`, an em
dash. The frames themselves keep missing values missing (a speaker that is not an entity has no
``speaker_id``; a sentence without a quote has no ``quote_kind``), so that code can test for them.
"""

from __future__ import annotations

__all__ = [
    "MISSING", "ROLE_COLOURS", "KIND_COLOURS", "TABLE_OPTIONS", "QUOTE_TABLE_COLUMNS", "reader_table", "markdown_list",
    "roles_html", "init_tables", "interactive_table", "show_table", "Table", "offline_tables_script", "quote_table",
    "highlighted_article",
]

import html
import re

import itables
import itables.javascript
import pandas as pd

from helpers.ingest.article import Article
from helpers.ingest.frames import paragraph_no_of

MISSING = "\u2014"  # an em dash: "no value", unmistakable in a table
#: The label of a statement whose speaker the engine did not find (in the highlighted article).
UNKNOWN_SPEAKER = "speaker unknown"
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>]")

KIND_COLOURS = {"direct": "#cfe3ff", "partial": "#d4f5d4", "indirect": "#ececec"}

#: itables (DataTables) options of every interactive table: search box and row count, all rows on
#: one page, cells left-aligned and wrapped (the "nowrap" class left out), nothing downsampled.
TABLE_OPTIONS = {
    "classes": "display compact cell-border",
    "columnDefs": [{"className": "dt-left", "targets": "_all"}],
    "layout": {"topStart": "info", "topEnd": "search", "bottomStart": None, "bottomEnd": None},
    "paging": False,
    "maxBytes": 0,
    "showIndex": False,
    "display_logo_when_loading": False,
    "text_in_header_can_be_selected": False,  # a click anywhere on a header sorts by it
    "style": "table-layout:auto;width:100%;margin:0;caption-side:bottom",
}

# The columns of the statements table for readers (quote_table), with their headers.
QUOTE_TABLE_COLUMNS = {
    "quote_id": "#", "speaker": "Speaker", "co_speakers": "With", "speaker_kind": "Speaker kind", "kind": "Kind",
    "cue": "Cue", "text": "Text", "paragraph": "Paragraph", "n_words": "Words", "needs_review": "Check",
    "correction": "Corrected", "start_char": "Start (character)", "end_char": "End (character)",
}

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


_LOADED = {"tables": False}


def init_tables() -> None:
    """In a notebook: load the itables JavaScript bundled with the package (offline mode), once,
    before the first :func:`show_table` (which loads it itself if this was not called). Only the
    tables shown with :func:`show_table` become interactive; other frames keep pandas' display."""
    itables.init_notebook_mode(all_interactive=False, connected=False)
    _LOADED["tables"] = True


def interactive_table(frame: pd.DataFrame, table_id: str, allow_html: bool = False,
                      page_length: int | None = None) -> str:
    """HTML of ``frame`` as an interactive table (sortable, searchable, wrapped, every row).

    ``frame`` is shown as given (pass it through :func:`reader_table` first); ``table_id`` must be
    unique on the page and is kept fixed so that the HTML is the same on every run. With
    ``allow_html`` the cells are HTML (escape text yourself); otherwise they are shown as text.
    ``page_length``: show that many rows at a time, with page buttons under the table, when the frame
    has more (a long list, such as every article of a corpus); by default every row at once.
    The JavaScript must be loaded once on the page (:func:`init_tables` in a notebook,
    :func:`offline_tables_script` in a file).
    """
    options = dict(TABLE_OPTIONS)
    if page_length is not None and len(frame) > page_length:
        options.update(paging=True, pageLength=page_length,
                       layout={**TABLE_OPTIONS["layout"], "bottomStart": "pageLength", "bottomEnd": "paging"})
    return itables.to_html_datatable(frame, table_id=table_id, connected=False, allow_html=allow_html, **options)


class Table:
    """A table as a notebook shows it (:func:`show_table`): the interactive, left-aligned table as
    its HTML form, and the frame's plain text (missing values as :data:`MISSING`) as its text form,
    so a checked notebook cell (nbval) compares the rows, not "<HTML object>". Row labels (a named
    or non-numeric index: a crosstab, a matrix) are shown as the first column; a plain row number
    is not shown."""

    def __init__(self, frame: pd.DataFrame, table_id: str, loader: str = "") -> None:
        if any(name is not None for name in frame.index.names) or not pd.api.types.is_integer_dtype(frame.index):
            frame = frame.reset_index()  # row labels (a crosstab's, a matrix's) become the first column
        self.frame = reader_table(frame)
        self.table_id = table_id
        self._loader = loader

    def _repr_html_(self) -> str:
        return self._loader + interactive_table(self.frame, self.table_id)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def show_table(frame: pd.DataFrame, table_id: str) -> Table:
    """A notebook output: ``frame`` (after :func:`reader_table`) as an interactive table, text
    left-aligned under left-aligned headers, every row (a :class:`Table`). The first table of a
    notebook that did not call :func:`init_tables` carries the bundled JavaScript with it, so any
    notebook can show a table with this one call."""
    loader = "" if _LOADED["tables"] else offline_tables_script()
    _LOADED["tables"] = True
    return Table(frame, table_id, loader)


def offline_tables_script() -> str:
    """The HTML that loads itables' bundled DataTables JavaScript and CSS into a standalone page
    (about 1 MB, inlined), for :func:`interactive_table` to work without a network."""
    return itables.javascript.generate_init_offline_itables_html(itables.options.dt_bundle)


def quote_table(quotes: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Every statement for readers, in text order: quote_id, speaker, co_speakers, speaker_kind,
    kind (a pull quote's says so: "direct, pull quote of q007"), cue, text (whole), paragraph (the
    reader's number, ``paragraph_no``), n_words, needs_review, correction (what a correction by hand
    changed; missing when nothing did), start_char and end_char (the quotes frame's offsets of the text,
    so each row traces back to the frame and the article).

    Missing values stay missing (show it through :func:`reader_table`).
    """
    q = quotes.sort_values(["start_char", "end_char"], kind="stable")
    out = pd.DataFrame({
        "quote_id": q["quote_id"].tolist(),
        "speaker": q["speaker"].tolist(),
        "co_speakers": [list(c) if isinstance(c, (list, tuple)) or hasattr(c, "tolist") and not isinstance(c, str)
                        else [] for c in (q["co_speakers"] if "co_speakers" in q else [[]] * len(q))],
        "speaker_kind": (q["speaker_kind"].astype(object) if "speaker_kind" in q else pd.Series([None] * len(q))).tolist(),
        "kind": [_reader_kind(k, pull, of) for k, pull, of in zip(
            q["kind"].astype(str), q["is_pull_quote"] if "is_pull_quote" in q else [False] * len(q),
            q["duplicate_of"] if "duplicate_of" in q else [None] * len(q))],
        "cue": q["cue"].tolist(),
        "text": q["text"].tolist(),
        "paragraph": paragraph_no_of(paragraphs, q["paragraph_id"]).tolist(),
        "n_words": q["n_words"].astype(int).tolist(),
        "needs_review": (q["needs_review"].astype(bool) if "needs_review" in q else pd.Series([False] * len(q))).tolist(),
        "correction": (q["correction"] if "correction" in q else pd.Series([None] * len(q))).tolist(),
        "start_char": q["start_char"].astype(int).tolist(),
        "end_char": q["end_char"].astype(int).tolist(),
    })
    out["co_speakers"] = [c if c else None for c in out["co_speakers"]]
    out["paragraph"] = out["paragraph"].astype("Int64")
    return out


def _reader_kind(kind: str, is_pull_quote: bool, duplicate_of: str | None) -> str:
    """The kind as a reader's table shows it: a pull quote (a display copy, not counted) says so."""
    if not bool(is_pull_quote):
        return kind
    return f"{kind}, pull quote" + ("" if duplicate_of is None or pd.isna(duplicate_of) else f" of {duplicate_of}")


def highlighted_article(text: str, quotes: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
                        links: bool = False) -> str:
    """HTML of the article ``text`` with every statement highlighted and labelled with its speaker.

    Direct quotes blue, quoted fragments green, reported speech grey; a statement inside another
    (a quoted fragment inside reported speech) is marked inside it. Each mark has the id
    ``q-<quote_id>`` (a statement that crosses another's edge gets an empty anchor with that id
    instead), so a table can link to it; with ``links`` the speaker label links back to the
    statement's row, ``#row-<quote_id>``. A correction by hand is outlined, a statement to check
    carries a "?", one with no speaker the label "speaker unknown". With ``paragraphs`` (the
    paragraphs frame), each paragraph starts with its reader's number in the margin.
    """
    spans = quotes.sort_values(["start_char", "end_char"], ascending=[True, False], kind="stable")
    events: list[tuple[int, int, str]] = []  # (position, order: closes 0, marks 1, opens 2, html)
    stack: list[int] = []
    for row in spans.itertuples(index=False):
        start, end, qid = int(row.start_char), int(row.end_char), html.escape(str(row.quote_id))
        while stack and stack[-1] <= start:
            stack.pop()
        if stack and end > stack[-1]:  # crosses the edge of the statement around it
            events.append((start, 1, f'<a class="nl-anchor" id="q-{qid}"></a>'))
            continue
        stack.append(end)
        kind = str(row.kind)
        corrected = bool(getattr(row, "corrected", False))
        check = bool(getattr(row, "needs_review", False))
        speaker = UNKNOWN_SPEAKER if pd.isna(row.speaker) else str(row.speaker)
        cue = "" if pd.isna(row.cue) else f", cue: {row.cue}"
        pull = " (pull quote)" if bool(getattr(row, "is_pull_quote", False)) else ""
        title = html.escape(f"{qid}: {kind}{pull}{cue}" + (", corrected by hand" if corrected else "")
                            + (", to check" if check else ""), quote=True)
        label = html.escape(speaker) + (" ?" if check and not pd.isna(row.speaker) else "")
        label = f'<a href="#row-{qid}">{label}</a>' if links else label
        style = (f"background:{KIND_COLOURS.get(kind, '#eee')};padding:0.15em 0.3em;border-radius:0.3em"
                 + (";outline:2px dashed #d1495b" if corrected else ""))
        events.append((start, 2, f'<mark id="q-{qid}" class="nl-{kind}" style="{style}" title="{title}">'))
        events.append((end, 0, f'<span class="nl-speaker" style="font-size:0.72em;font-weight:bold;'
                               f'margin-left:0.35em;text-transform:uppercase">{label}</span></mark>'))
    if paragraphs is not None:
        for start, number in zip(paragraphs["start_char"], paragraphs["paragraph_no"]):
            if not pd.isna(number):
                events.append((int(start), 1, f'<span class="nl-pno" title="paragraph {int(number)}" style="display:'
                                              f'inline-block;min-width:1.6em;color:#868e96;font-size:0.75em">'
                                              f'{int(number)}</span>'))
    # one number per printed paragraph: the first part of it
    seen: set[str] = set()
    kept = []
    for e in sorted(events, key=lambda e: (e[0], e[1])):
        if e[2].startswith('<span class="nl-pno"'):
            if e[2] in seen:
                continue
            seen.add(e[2])
        kept.append(e)
    out = ['<div class="newslens-quotes" style="line-height:2.1;font-family:sans-serif;text-align:left">']
    pos = 0
    for where, _, piece in kept:
        out.append(html.escape(text[pos:where]).replace("\n", "<br>"))
        out.append(piece)
        pos = max(pos, where)
    out.append(html.escape(text[pos:]).replace("\n", "<br>"))
    out.append("</div>")
    return "".join(out)


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

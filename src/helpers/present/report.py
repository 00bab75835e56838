"""The findings of one article in words, and the HTML report.

The scores come from :func:`helpers.pipeline.measure` (a :class:`~helpers.pipeline.Findings`); this
module only phrases and shows them. :func:`findings_text` phrases the key numbers as sentences
computed from the frames, so the report stays true when the article or the extractors change;
:func:`headlines` is the part the report leads with, and :func:`layout_findings`,
:func:`quote_findings` and :func:`entity_findings` phrase the findings of notebooks 01, 02 and 03
with the same sentence builders.
:func:`write_report` writes the HTML report that a journalist can attach and a reader can check:
the article's metadata, the findings, every statement in a sortable, searchable table linked to its
place in the highlighted article (and back), the corrections applied by hand, the key tables and the
figures of :data:`KEY_FIGURES` (embedded; captions link to the CSVs beside the report). It has no
code cells, no timestamp and no machine path, and works offline (the table JavaScript is inlined).
:func:`write_pdf` prints the same report to PDF (WeasyPrint), with plain tables and every row.

Files, per article: ``reports/<article_id>.html`` (and ``.pdf``), the figures in
``reports/figures/<article_id>/``; zip the ``reports`` folder (or the report and its figures
folder) and the links still work, because they are relative.
"""

from __future__ import annotations

__all__ = [
    "SECTIONS", "KEY_FIGURES", "figure_caption", "paragraph", "findings_text", "headlines", "quote_findings",
    "entity_findings", "layout_findings", "write_report", "write_pdf", "metadata_line", "main",
]

import base64
import html
import os
import textwrap
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.ingest.article import PROSE_ROLES, Article
from helpers.ingest.frames import paragraph_no_of
from helpers.ingest.tokens import WORD
from helpers.measure import sentiment, share, topics
from helpers.pipeline import Analysis, Findings, correction_log
from helpers.present import display, words
from helpers.storage import atomic_path, write_text


SECTIONS = ("share", "tone", "topics")

# The charts the HTML report embeds (written by notebooks 04-06), with their captions.
KEY_FIGURES = [
    ("speaker-statements", "Attributed statements per speaker, by kind"),
    ("speaker-words", "Each speaker's share of the words inside quotation marks"),
    ("speaker-mentioned", "People mentioned vs people quoted"),
    ("speaker-where", "Who speaks where along the article"),
    ("tone-entities", "Tone toward each entity: the trained model's reading of the words around each mention"),
    ("tone-speakers", "Word-choice tone (VADER) of each speaker's own statements"),
    ("tone-arc", "Word-choice tone (VADER) of each sentence along the article"),
    ("topics-keyphrases", "Top keyphrases"),
    ("topics-flow", "Themes along the article: sentences of each paragraph in each theme"),
    ("topics-speakers", "Who talks about which theme"),
]


def figure_caption(name: str, caption: str, figures_dir: Path | str) -> str:
    """``caption`` of the saved figure ``name``, with what only some of its charts show: the theme
    flow's hatched columns are explained when its data (``topics-flow.csv``) has a paragraph without a
    themed sentence, and not otherwise, so that the caption never describes what the chart lacks."""
    csv = Path(figures_dir) / f"{name}.csv"
    if name == "topics-flow" and csv.is_file():
        themed = pd.read_csv(csv, usecols=["themed_paragraph"])["themed_paragraph"].astype(bool)
        if not themed.all():
            caption += " (hatched: a paragraph without a themed sentence)"
    return caption


def paragraph(sentences: list[str], width: int = 100) -> str:
    """``sentences`` joined into one paragraph, wrapped at ``width`` characters for printing."""
    return textwrap.fill(" ".join(sentences), width=width)


def findings_text(f: Findings, section: str | None = None) -> list[str]:
    """The key findings as plain sentences, every number computed from the frames.

    ``section`` (one of :data:`SECTIONS`) keeps only the sentences of one notebook's question.
    """
    return _findings(f).get(section)


def headlines(f: Findings) -> list[str]:
    """The findings the report leads with (notebook 07): a subset of :func:`findings_text`, in its order.

    Who makes the most statements, who is named but never quoted, the tone toward the people and
    organisations named (the trained target model, with counts), and the largest theme.
    """
    return _findings(f).get(None, key_only=True)


def quote_findings(analysis: Analysis) -> list[str]:
    """The key findings of notebook 02 (quotes and speakers) as plain sentences computed from the frames.

    How many statements of each kind the quote engine found; who makes the most and who has the
    most words in quotation marks (the sentences of :func:`findings_text`, same counting rules);
    how the speakers were found (named in the sentence, resolved from a pronoun, carried over from
    the previous quote, ...); which pull quote repeats which body quote; and what the counts leave out.
    """
    quotes = analysis.quotes
    classified = share.classify(quotes)
    if not len(quotes):
        return ["No statements were found: no quotation marks with a speaker and no reported speech."]
    kinds = quotes["kind"].astype(str).value_counts()
    parts = [f"{int(kinds[k])} {_KIND_WORDS[k][int(kinds[k] != 1)]}" for k in share.KINDS if kinds.get(k, 0)]
    out = [f"The quote engine found {len(quotes)} statement{_s(len(quotes))}: {words.join(parts)}."]
    out += _share_sentences(share.speaker_share(classified, analysis.entities), share.unique_sources(classified))
    how = quotes["attribution"].astype(str).value_counts()
    order = {a: i for i, a in enumerate(_ATTRIBUTION_WORDS)}
    ranked = sorted(how[how > 0].items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    out.append("How the speaker of each statement was found: "
               + words.join([f"{int(n)} {_ATTRIBUTION_WORDS.get(a, a)}" for a, n in ranked]) + ".")
    pulls = quotes[quotes["is_pull_quote"].fillna(False).astype(bool)]
    for q, who, body in zip(pulls["quote_id"], pulls["speaker"], pulls["duplicate_of"]):
        whose = f" ({who})" if pd.notna(who) else ""
        out.append(f"The pull quote {q}{whose} repeats body quote {body}, so it is counted once, as {body}."
                   if pd.notna(body) else f"The pull quote {q}{whose} matches no body quote; it is not counted.")
    excluded = _exclusion_sentence(share.quote_exclusions(classified))
    if excluded:
        out.append(excluded)
    return out


def entity_findings(analysis: Analysis) -> list[str]:
    """The key findings of notebook 03 (entities) as plain sentences computed from the frames.

    How many people, organisations and places are named; the most mentioned people and entities;
    who is named but never quoted (the sentence of :func:`findings_text`); the pair named together
    in the most sentences.
    """
    from helpers.extract.entities import cooccurrence

    entities, mentions = analysis.entities, analysis.mentions
    if not len(entities):
        return ["No people, organisations or places were recognised."]
    labels = entities["label"].astype(str)
    listed = []
    for group, one, many in _ENTITY_GROUPS:
        n = int(labels.isin(group).sum())
        if n:
            listed.append(f"{n} {one if n == 1 else many}")
    other = int((~labels.isin([lbl for group, _, _ in _ENTITY_GROUPS for lbl in group])).sum())
    if other:
        listed.append(f"{other} other{_s(other)}")
    n_mentions = int(entities["n_mentions"].sum())
    out = [f"{len(entities)} entities are mentioned {n_mentions} time{_s(n_mentions)}: {words.join(listed)}."]
    people = entities[labels == "PERSON"]
    if len(people):
        out.append("Most mentioned people: " + _top_mentioned(people) + ".")
    top = int(entities["n_mentions"].max())
    if not (people["n_mentions"] == top).any():  # else the person list above already starts with it
        out.append("Most mentioned of all: " + _top_mentioned(entities, limit=1) + ".")
    quotes = share.classify(analysis.quotes)
    silent = _silent_sentence(share.mentioned_vs_quoted(entities, quotes))
    if silent:
        out.append(silent)
    elif len(people):
        out.append(f"Every person named ({len(people)}) is also quoted.")
    pairs = cooccurrence(mentions, by="sentence_id")
    if len(pairs):
        most = int(pairs["n_units"].iloc[0])
        tied = pairs[pairs["n_units"] == most]
        named = "; ".join(f"{a} and {b}" for a, b in zip(tied["entity_a"][:3], tied["entity_b"][:3]))
        more = f"; {len(tied) - 3} more pairs" if len(tied) > 3 else ""
        out.append(f"Named together in the most sentences ({most}{' each' if len(tied) > 1 else ''}): {named}{more}.")
    return out


def layout_findings(article: Article, sentences: pd.DataFrame) -> list[str]:
    """The key findings of notebook 01 (what of the page is the article) as plain sentences computed
    from the paragraphs frame (``article.paragraphs``) and the sentences frame.

    What comes before the headline; the photo captions, and whether each is run into the text
    under it; what the dateline gives; the pull quotes, and whether their words come again in the
    body; the bylines and page furniture; how many sentences and words the article's own prose
    holds (what tone and themes score); and that every paragraph keeps a row.
    """
    p = article.paragraphs
    roles = p["role"].astype(str).tolist()
    texts, starts, ends = p["text"].tolist(), p["start_char"].tolist(), p["end_char"].tolist()
    text = article.text
    out = []
    if "headline" in roles:
        h = roles.index("headline")
        nav = roles[:h].count("navigation")
        lead = (f"The page opens with {words.count(nav, 'line')} of site navigation before its headline"
                if nav else "The page opens with its headline")
        out.append(f"{lead}, “{texts[h]}”.")
    else:
        out.append("No headline was recognised: no short line without sentence punctuation opens the page.")
    for i in [i for i, r in enumerate(roles) if r == "caption"]:
        glued = i + 1 < len(roles) and "\n" not in text[ends[i]:starts[i + 1]]
        where = (f"runs into the {_ROLE_WORDS.get(roles[i + 1], roles[i + 1])} on the same line and is cut from it"
                 if glued else "stands on a line of its own")
        out.append(f"A caption, “{texts[i]}”, {where}; it keeps its own role, so no analysis reads it as prose.")
    if "dateline" in roles:
        given = [f"the {what} ({value})" for what, value in
                 (("place", article.place), ("date", article.date), ("outlet", article.outlet)) if value]
        dateline = texts[roles.index("dateline")]
        out.append(f"The dateline “{dateline}” gives {words.join(given)}." if given
                   else f"The dateline “{dateline}” gives no place, date or outlet that could be read.")
    pulls = [i for i, r in enumerate(roles) if r == "pull_quote"]
    if pulls:
        body = [_word_list(t) for t, r in zip(texts, roles) if r in PROSE_ROLES]
        repeated = sum(1 for i in pulls if _repeats(_word_list(texts[i]), body))
        again = ("" if not repeated else "; its words come again in the body" if len(pulls) == 1
                 else f"; the words of {repeated} of them come again in the body")
        out.append(f"{words.count(len(pulls), 'paragraph')} {'is a pull quote' if len(pulls) == 1 else 'are pull quotes'}"
                   f" (a quotation set apart with its speaker's name){again}. "
                   "It keeps its own role, so the quote analysis counts its words once.")
    furniture = [words.count(roles.count(r), noun) for r, noun in
                 (("byline", "byline"), ("boilerplate", "line of page furniture"), ("standfirst", "standfirst paragraph"))
                 if roles.count(r)]
    if furniture:
        out.append(f"Also recognised from the layout: {words.join(furniture)}.")
    prose = sentences[sentences["role"].astype(str).isin(PROSE_ROLES)]
    out.append(f"The article's own prose ({words.join(PROSE_ROLES)}) holds {words.count(len(prose), 'sentence')} "
               f"and {words.count(int(prose['n_words'].sum()), 'word')}: the sentences notebooks 05 and 06 score "
               "for tone and themes.")
    out.append(f"Nothing is dropped: all {words.count(len(p), 'paragraph')} keep a row, each with its role.")
    return out


def write_report(f: Findings, figures: list[tuple[str, str]] | None = None, path: Path | str | None = None,
                 figures_dir: Path | str | None = None) -> Path:
    """Write the HTML report to ``path`` (default ``reports/<article_id>.html``); return the path.

    ``figures`` is a list of ``(name, caption)`` (default :data:`KEY_FIGURES`) of figures already
    saved by :func:`helpers.present.charts.save_figure` in ``figures_dir`` (default
    ``reports/figures/<article_id>/``); their PNGs are embedded, and each caption links to the
    figure's CSV by a path relative to the report. The output holds no timestamp and no machine
    path: the same findings give the same bytes.
    """
    out, html_text = _report(f, figures, path, figures_dir, interactive=True)
    write_text(out, html_text)
    return out


def write_pdf(f: Findings, figures: list[tuple[str, str]] | None = None, path: Path | str | None = None,
              figures_dir: Path | str | None = None) -> Path:
    """Print the report to PDF (default ``reports/<article_id>.pdf``) with WeasyPrint; return the path.

    The same content as :func:`write_report`, for print: plain tables with every row (no
    JavaScript), links inside the document kept. Written atomically.
    """
    import weasyprint

    art = f.analysis.article
    out = Path(path) if path is not None else config.REPORTS / f"{art.article_id}.pdf"
    target, html_text = _report(f, figures, out.with_suffix(".html"), figures_dir, interactive=False)
    with atomic_path(out) as tmp:
        weasyprint.HTML(string=html_text, base_url=str(target.parent)).write_pdf(tmp)
    return out


def metadata_line(article: Article) -> str:
    """The report's line under the title (HTML): outlet, date, byline, dateline place and URL, those
    given, joined by " · "; empty when none is (never a leading or doubled separator)."""
    parts = [html.escape(str(v)) for v in (article.outlet, article.date, article.byline, article.place)
             if v not in (None, "")]
    if getattr(article, "url", None):
        url = html.escape(str(article.url), quote=True)
        parts.append(f'<a href="{url}">{url}</a>')
    return " \u00b7 ".join(parts)


def _report(f: Findings, figures, path, figures_dir, interactive: bool) -> tuple[Path, str]:
    """``(path, html)`` of the report: the interactive page, or the print version (plain tables)."""
    a = f.analysis
    art = a.article
    figures = KEY_FIGURES if figures is None else figures
    figures_dir = Path(figures_dir) if figures_dir is not None else config.figures_dir(art.article_id)
    out = Path(path) if path is not None else config.REPORTS / f"{art.article_id}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    title = html.escape(art.title or art.article_id)
    meta = metadata_line(art)
    table = _interactive if interactive else _plain
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>newslens: {title}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{meta}</p>' if meta else "",
        f'<p class="meta">newslens report \u00b7 article id <code>{html.escape(art.article_id)}</code></p>',
        '<nav class="toc">Contents: <a href="#findings">What we found</a> \u00b7 <a href="#statements">Every '
        'statement</a> \u00b7 <a href="#article">The article</a> \u00b7 <a href="#tables">Speakers, tone, '
        'themes</a> \u00b7 <a href="#charts">Charts</a></nav>',
        '<h2 id="findings">What we found</h2><ul>',
        *[f"<li>{html.escape(line)}</li>" for line in findings_text(f)],
        "</ul>",
        f'<p class="note">{html.escape(_NOTE)}</p>',
        _corrections_section(correction_log(a)),
        '<h2 id="statements">Every statement</h2>',
        f'<p class="note">{html.escape(_STATEMENTS_HOW[interactive] + _STATEMENTS_NOTE)}</p>',
        _statements_table(a, interactive),
        '<h2 id="article">The article with its statements</h2>',
        '<p class="note">Direct quotes in blue, quoted fragments in green, reported speech in grey, each '
        "followed by its speaker (a link back to its row in the table above); a question mark flags a "
        "statement to check, a dashed outline one corrected by hand. Grey numbers are the paragraphs.</p>",
        display.highlighted_article(art.text, a.quotes, a.paragraphs, links=True),
        '<h2 id="tables">Speakers, tone and themes</h2>',
        "<h3>Speaker share</h3>",
        table(_shown(f.share, ["speaker", "speaker_type", "n_statements", "n_direct", "n_partial", "n_indirect",
                               "n_words", "n_quoted_words", "share_statements", "share_quoted_words",
                               "first_paragraph"], a.paragraphs), "speaker-share"),
        "<h3>Tone toward people and organisations</h3>",
        '<p class="note">A model trained on news sentences about people and organisations (NewsMTSC) reads the '
        "words around each mention: how each is written about, with the number of mentions it rests on.</p>",
        table(_shown(sentiment.people_and_organisations(f.entity_sentiment).rename(columns={"label": "entity_label"}),
                     ["canonical", "entity_label", "n_mentions", "n_positive", "n_neutral", "n_negative", "polarity"]),
              "tone-toward"),
        "<h3>Word-choice tone of each speaker's statements</h3>",
        '<p class="note">VADER scores the words themselves (\u22121 to +1), not what the speaker means '
        "or whether it is true.</p>",
        table(_shown(f.speaker_tone, ["speaker", "n_statements", "mean_compound", "tone", "n_positive", "n_neutral",
                                      "n_negative"]), "speaker-tone"),
        "<h3>Themes</h3>",
        table(_shown(f.themes.themes, ["theme_id", "label", "top_terms", "n_sentences", "representative_sentence"]),
              "themes"),
        '<h2 id="charts">Charts</h2>',
    ]
    for name, caption in figures:
        caption = figure_caption(name, caption, figures_dir)
        png = figures_dir / f"{name}.png"
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        csv = Path(os.path.relpath(figures_dir / f"{name}.csv", out.parent)).as_posix()
        parts.append(f'<figure id="fig-{html.escape(name)}"><img alt="{html.escape(caption)}" '
                     f'src="data:image/png;base64,{data}">'
                     f'<figcaption>{html.escape(caption)}. The plotted numbers: '
                     f'<a href="{html.escape(csv, quote=True)}">{html.escape(csv)}</a>.</figcaption></figure>')
    if interactive:
        parts.append(display.offline_tables_script())
    parts.append("</body></html>")
    return out, "\n".join(part for part in parts if part) + "\n"


def _interactive(frame: pd.DataFrame, name: str, allow_html: bool = False) -> str:
    return display.interactive_table(frame, f"nl-{name}", allow_html=allow_html)


def _plain(frame: pd.DataFrame, name: str, allow_html: bool = False) -> str:
    return frame.to_html(index=False, border=0, escape=not allow_html, classes="plain", table_id=f"nl-{name}")


def _statements_table(a: Analysis, interactive: bool) -> str:
    """Every statement, each row's number a link to its place in the article and the target
    (``row-<quote_id>``) of the way back."""
    table = display.quote_table(a.quotes, a.paragraphs)
    shown = display.reader_table(table)
    cells = {c: [html.escape(str(v)) for v in shown[c]] for c in shown.columns}
    ids = [html.escape(str(q)) for q in table["quote_id"]]
    cells["quote_id"] = [f'<a id="row-{q}" href="#q-{q}">{q}</a>' for q in ids]
    cells["needs_review"] = ["check" if v else "" for v in table["needs_review"]]
    frame = pd.DataFrame(cells, columns=list(shown.columns)).rename(columns=display.QUOTE_TABLE_COLUMNS)
    return (_interactive if interactive else _plain)(frame, "statements", allow_html=True)


def _corrections_section(log: pd.DataFrame) -> str:
    """What the corrections file changed, and every correction that no longer matches (or "" when
    the article has no corrections file)."""
    if not len(log):
        return ""
    failed = log[log["status"] != "applied"]
    lines = ['<h2 id="corrections">Corrected by hand</h2>',
             f'<p class="note">{len(log) - len(failed)} of {words.count(len(log), "correction")} in '
             f"<code>{html.escape(log['file'].iloc[0])}</code> applied; corrected statements are marked in the "
             "table and outlined in the article.</p>"]
    if len(failed):
        lines.append('<p class="warning">' + html.escape(
            f"{words.count(len(failed), 'correction')} no longer {words.plural(len(failed), 'matches', 'match')} "
            "the article or the engine's result and changed nothing:") + '</p><ul class="warning">'
            + "".join(f"<li>entry {int(r.entry)} ({html.escape(r.action)} \u201c{html.escape(str(r.target))}\u201d): "
                      f"{html.escape(r.status)}: {html.escape(str(r.detail))}</li>" for r in failed.itertuples())
            + "</ul>")
    shown = log.drop(columns=["file"]).rename(columns={"entry": "Entry", "action": "Action", "target": "Target",
                                                       "status": "Status", "detail": "What changed"})
    lines.append(shown.to_html(index=False, border=0, escape=True, classes="plain"))
    return "\n".join(lines)


_NOTE = ("Statements are attributed automatically (the newslens quote engine) and may be missed or given to the "
         "wrong speaker: every one is listed below, linked to its place in the article, so each finding can be "
         "checked. Tone toward people and organisations comes from a model trained on news sentences, reading the "
         "words around each mention. Word-choice tone (VADER) adds up the valence of each word from a lexicon "
         "rated by people, from \u22121 (most negative) to +1 (most positive), neutral between \u22120.05 and "
         "+0.05: it describes wording, not facts or the writer's view. A lead of one statement, of ten words or "
         "fewer, or of 0.05 in tone is reported as too close to call. Paragraphs are numbered as a reader counts "
         "them: the headline is 0 and the article's first paragraph 1 (navigation lines, captions and pull quotes "
         "are not counted).")

#: How to use the statements table: on the page (interactive) and on paper (the PDF's plain table).
_STATEMENTS_HOW = {
    True: ("One row per statement the engine found, in text order: click a number to see the statement in the "
           "article, sort by any column, or type in the search box to filter (a name, a word, \u201ccheck\u201d). "),
    False: ("One row per statement the engine found, in text order; the number (#) is the one marked in the "
            "highlighted article. "),
}
_STATEMENTS_NOTE = ("Kind: direct (in quotation marks), partial (a quoted fragment inside the "
                    "narrator's sentence), indirect (reported speech). \u201cCheck\u201d marks a speaker the engine "
                    "guessed (carried over from an earlier quote, or not found); \u201cCorrected\u201d says what a "
                    "correction by hand changed. Pull quotes and fragments inside the same speaker's reported "
                    "clause are listed here but counted once in the findings. The rows are those of the quotes "
                    "frame (data/processed/<id>/quotes.parquet): # is its quote_id, Start and End its start_char and "
                    "end_char (offsets into the article's text); Paragraph is the reader's number, where the frame's "
                    "paragraph_id also counts the headline, captions and other page parts.")


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------

_CSS = (
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
    "color:#222;line-height:1.45}h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.25rem;margin-top:2.2rem;"
    "border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin-top:1.6rem}"
    ".meta,.note,.toc{color:#555;font-size:.9rem}.meta{margin:.2rem 0}.warning{color:#a61e2d}"
    "table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}"
    "th,td{border-bottom:1px solid #e5e5e5;padding:.25rem .5rem;text-align:left !important;vertical-align:top;"
    "white-space:normal !important;overflow-wrap:break-word;hyphens:none}"
    "#nl-statements td:first-child{white-space:nowrap !important}.newslens-quotes .nl-speaker a{color:#1f3f66}"
    "#nl-statements{font-size:.8rem}#nl-statements td:nth-child(7){min-width:14rem}"
    ".dt-layout-table{overflow-x:auto}"  # a table wider than the page scrolls instead of being cut
    "figure{margin:1.5rem 0}img{max-width:100%}figcaption{color:#555;font-size:.85rem}"
    ".newslens-quotes mark:target{box-shadow:0 0 0 3px #f2b705}td a:target{background:#fff3bf}"
    "@media print{nav.toc{display:none}a{color:inherit}h2{break-after:avoid}figure{break-inside:avoid}"
    "body{max-width:none;margin:0;padding:0}table{font-size:7.5pt}th,td{overflow-wrap:normal !important}"
    "#nl-statements td:nth-child(7){min-width:0;width:40%}tr{break-inside:avoid}}"
    "@page{size:A4 landscape;margin:1.4cm}"
)


def _findings(f: Findings) -> _Sections:
    """Every finding sentence of :func:`findings_text`, by section, the headline ones marked ``key``."""
    out = _Sections()
    lines = _share_sentences(f.share, f.sources)
    out.append(lines[0], key=True)
    for line in lines[1:]:
        out.append(line)
    silent = _silent_sentence(f.people)
    if silent:
        out.append(silent, key=True)
    excluded = _exclusion_sentence(f.exclusions)
    if excluded:
        out.append(excluded)
    out.section = "tone"
    toward = _toward_sentence(f.entity_sentiment)
    if toward:
        out.append(toward, key=True)
    st = sentiment.tone_summary(f.sentence_tone)
    out.append(
        f"Word-choice tone (VADER) of the {st['n']} prose sentences: {st['positive']} positive, {st['neutral']} "
        f"neutral, {st['negative']} negative; mean compound {st['mean_compound']:+.2f}. It scores the words used, "
        "not the facts or the writer's view."
    )
    speakers = _speaker_tone_sentence(f.speaker_tone)
    if speakers:
        out.append(speakers)
    out.section = "topics"
    if len(f.keyphrases):
        out.append("Top keyphrases: " + ", ".join(f.keyphrases["phrase"].head(5)) + ".")
    if f.themes.k:
        th = f.themes.themes
        n = int(th["n_sentences"].max())
        largest = [f"\u201c{label}\u201d" for label in th.loc[th["n_sentences"] == n, "label"]]
        s_ = "s" if n != 1 else ""
        which = (f"the largest, {largest[0]}, covers {n} sentence{s_}" if len(largest) == 1
                 else f"the largest, {words.join(largest)}, cover {n} sentence{s_} each")
        out.append(
            f"{f.themes.k} theme{'s' if f.themes.k != 1 else ''}, found by topic modelling (NMF) of the content "
            f"words the sentences share; {which}.",
            key=True,
        )
    sentences = f.themes.sentences
    unplaced = int((sentences["theme_id"] == topics.NO_THEME_ID).sum())
    if unplaced:
        out.append(f"{unplaced} of the {len(sentences)} prose sentences fit no theme: they have no content word, "
                   "or none that another sentence shares.")
    return out


def _share_sentences(sh: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """Who makes the most statements, and who has the most words in quotation marks, with near ties
    (:mod:`helpers.present.words`) said to be too close to call.

    ``sh`` is :func:`helpers.measure.share.speaker_share`, ``sources`` :func:`helpers.measure.share.unique_sources`.
    """
    if not len(sh):
        return ["No attributed statements were found."]
    n_people = int((sources["speaker_type"].astype(str).str.upper() == "PERSON").sum())
    names, counts = sh["speaker"].tolist(), sh["n_statements"].astype(int).tolist()
    total = sum(counts)
    lead, clear = words.leaders(names, counts, words.statement_margin)
    best = counts[lead[0]]
    if clear:
        who = f"the most by {names[lead[0]]}: {best} ({best / total:.0%})"
    elif len({counts[i] for i in lead}) == 1:
        who = f"the most by {words.join([names[i] for i in lead])}: {best} each ({best / total:.0%} each)"
    else:
        who = (f"the most by {words.join([f'{names[i]} ({counts[i]})' for i in lead])}, too close to call "
               "(a difference of one statement)")
    out = [f"{words.count(len(sh), 'source')} {words.plural(len(sh), 'makes')} "
           f"{words.count(total, 'attributed statement')} ({n_people} of the sources "
           f"{words.plural(n_people, 'is')} {words.plural(n_people, 'a person', 'people')}); {who}."]
    quoted = sh["n_quoted_words"].astype(int).tolist()
    all_quoted = sum(quoted)
    if all_quoted:
        lead, clear = words.leaders(names, quoted, words.word_margin)
        best = quoted[lead[0]]
        if clear:
            out.append(f"The largest share of the words inside quotation marks: {names[lead[0]]}, "
                       f"{best} of {all_quoted} ({best / all_quoted:.0%}).")
        elif len({quoted[i] for i in lead}) == 1:
            out.append(f"The largest share of the words inside quotation marks, tied: "
                       f"{words.join([names[i] for i in lead])}, {best} of {all_quoted} each "
                       f"({best / all_quoted:.0%} each).")
        else:
            listed = words.join([f"{names[i]} {quoted[i]} ({quoted[i] / all_quoted:.0%})" for i in lead])
            out.append(f"No one clearly leads the words inside quotation marks (a lead of {words.NEAR_TIE_WORDS} "
                       f"words or fewer is too close to call): {listed} of {all_quoted}.")
    return out


def _toward_sentence(entity_sentiment: pd.DataFrame) -> str | None:
    """The headline on tone: how the people and organisations named are written about, from the
    trained target model, with counts; the one with the most mentions in negative contexts, or a
    near tie (one mention). None when no person or organisation is named."""
    es = sentiment.people_and_organisations(entity_sentiment)
    if not len(es):
        return None
    n = int(es["n_mentions"].sum())
    pos, neu, neg = (int(es[f"n_{t}"].sum()) for t in ("positive", "neutral", "negative"))
    line = (f"Tone toward the people and organisations named (a trained model reading the words around each of "
            f"their {words.count(n, 'mention')}): {pos} in positive contexts, {neu} neutral, {neg} negative")
    negative = es[es["n_negative"] > 0]
    if not len(negative):
        return line + "; none in a negative context."
    names, counts = negative["canonical"].tolist(), negative["n_negative"].astype(int).tolist()
    lead, clear = words.leaders(names, counts, words.statement_margin)
    listed = words.join([f"{names[i]} ({counts[i]} of {int(negative['n_mentions'].iloc[i])})" for i in lead])
    if clear:
        return line + f"; the most negative: {listed}."
    return line + f"; the most in negative contexts, too close to call: {listed}."


def _speaker_tone_sentence(speaker_tone: pd.DataFrame) -> str | None:
    """Whose statements use the most and the least positive words (VADER), among speakers with two
    or more statements; a spread within the near-tie margin is said to be too small to rank."""
    if not len(speaker_tone):
        return None
    spk = speaker_tone[speaker_tone["n_statements"] >= 2]
    who = "speakers with two or more statements" if len(spk) else "speakers"
    spk = spk if len(spk) else speaker_tone
    names, means, ns = spk["speaker"].tolist(), spk["mean_compound"].tolist(), spk["n_statements"].astype(int).tolist()
    if len(names) == 1:
        return (f"Word-choice tone of the statements of {names[0]}: mean {means[0]:+.2f} "
                f"(VADER, over {words.count(ns[0], 'statement')}).")
    hi, lo = means.index(max(means)), means.index(min(means))
    if means[hi] - means[lo] <= words.NEAR_TIE_TONE:
        return (f"Among {who}, word-choice tone (VADER) is too close to rank: means from {means[lo]:+.2f} to "
                f"{means[hi]:+.2f}.")
    return (f"Among {who}, the statements of {names[hi]} use the most positive words (VADER mean {means[hi]:+.2f} "
            f"over {ns[hi]}) and those of {names[lo]} the least (mean {means[lo]:+.2f} over {ns[lo]}).")


def _silent_sentence(people: pd.DataFrame) -> str | None:
    """The people named but never quoted (``people`` is :func:`helpers.measure.share.mentioned_vs_quoted`), or None."""
    silent = people[~people["quoted"]]
    if not len(silent):
        return None
    names = words.join([f"{r.canonical} ({words.count(int(r.n_mentions), 'mention')})" for r in silent.itertuples()])
    return f"Named but never quoted: {names}."


def _exclusion_sentence(exclusions: pd.DataFrame) -> str | None:
    """What speaker share leaves out (``exclusions`` is :func:`helpers.measure.share.quote_exclusions`), or None."""
    if not len(exclusions):
        return None
    labels = {"pull quote": ("pull quote", "pull quotes", " (display copy of a body quote)"),
              "inside": ("quoted fragment", "quoted fragments", " inside the same speaker's reported clause"),
              "no speaker": ("quote", "quotes", " with no speaker")}
    reasons = exclusions["reason"].map(lambda r: "inside" if r.startswith("inside") else r).value_counts()
    listed = "; ".join(words.count(int(n), *labels[r][:2]) + labels[r][2] if r in labels else f"{n} {r}"
                       for r, n in sorted(reasons.items()))
    return f"Left out of the counts: {listed}."


def _top_mentioned(entities: pd.DataFrame, limit: int = 3) -> str:
    """The ``limit`` most mentioned entities with their counts ("A (12 mentions), B (8) and C (4)");
    entities tied with the last one are named too, up to two more, else counted."""
    ranked = entities.sort_values(["n_mentions", "canonical"], ascending=[False, True])
    counts = ranked["n_mentions"].astype(int).tolist()
    names = ranked["canonical"].astype(str).tolist()
    cut = counts[min(limit, len(counts)) - 1]
    shown = [i for i, n in enumerate(counts) if n >= cut]
    rest = 0
    if len(shown) > limit + 2:
        rest, shown = len(shown) - limit, shown[:limit]
    parts = [f"{names[i]} ({counts[i]}{' mention' + _s(counts[i]) if k == 0 else ''})" for k, i in enumerate(shown)]
    if rest:
        parts.append(f"{rest} more with {cut} each")
    return words.join(parts)


# How a role reads in a sentence.
_ROLE_WORDS = {"standfirst": "standfirst", "body": "first paragraph of the body", "dateline": "dateline",
               "headline": "headline", "byline": "byline"}


def _word_list(text: str) -> list[str]:
    """The lower-case words of ``text`` (the one word definition: :data:`helpers.ingest.tokens.WORD`)."""
    return [w.lower() for w in WORD.findall(text)]


def _repeats(quote: list[str], paragraphs: list[list[str]], n: int = 5) -> bool:
    """Whether the first ``n`` words of ``quote`` (a pull quote's words) stand together in one of ``paragraphs``."""
    head = quote[:n]
    return bool(head) and any(head == words_[k:k + len(head)] for words_ in paragraphs
                              for k in range(len(words_) - len(head) + 1))


def _s(n: int) -> str:
    return "" if n == 1 else "s"  # the plural ending of words.plural, for nouns inside longer phrases


_KIND_WORDS = {"direct": ("direct quote", "direct quotes"), "partial": ("quoted fragment", "quoted fragments"),
               "indirect": ("in reported speech", "in reported speech")}

# How the quote engine found a statement's speaker (the quotes frame's ``attribution``), for readers.
_ATTRIBUTION_WORDS = {
    "syntax": "named in the sentence itself",
    "pronoun": "resolved from a pronoun (\u201che said\u201d)",
    "description": "from a description (\u201ca spokesman\u201d)",
    "continuation": "carried over from the previous quote",
    "adjacent": "taken from the next sentence",
    "dash": "from a dash after the quote",
    "colon": "from a name and a colon before the quote",
    "according-to": "from \u201caccording to\u201d",
    "none": "not found",
}

_ENTITY_GROUPS = [
    (("PERSON",), "person", "people"),
    (("ORG",), "organisation", "organisations"),
    (("GPE", "LOC", "FAC"), "place", "places"),
    (("NORP",), "nationality or group", "nationalities or groups"),
]


class _Sections(list):
    """A list of (section, sentence, key) that ``append`` fills under the current ``section``."""

    section = "share"

    def append(self, sentence: str, key: bool = False) -> None:
        super().append((self.section, sentence, key))

    def get(self, section: str | None, key_only: bool = False) -> list[str]:
        return [text for sec, text, key in self
                if (section is None or sec == section) and (key or not key_only)]


# Column headers a reader understands, for the report's tables.
_HEADERS = {
    "speaker": "Speaker", "speaker_type": "Type", "n_statements": "Statements", "n_direct": "Direct quotes",
    "n_partial": "Quoted fragments", "n_indirect": "Reported speech", "n_quoted_words": "Words in quotation marks",
    "n_words": "Words in statements", "canonical": "Name", "n_mentions": "Mentions", "polarity": "Leans", "entity_label": "Kind",
    "share_statements": "Share of statements", "share_quoted_words": "Share of quoted words",
    "first_paragraph": "First speaks in paragraph", "mean_compound": "Mean tone (\u22121 to +1)",
    "n_positive": "Positive", "n_neutral": "Neutral", "n_negative": "Negative", "tone": "Tone (label)",
    "theme_id": "Theme", "label": "Theme label",
    "top_terms": "Top terms", "n_sentences": "Sentences", "representative_sentence": "Most typical sentence",
}


def _shown(frame: pd.DataFrame, columns: list[str], paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """``columns`` of ``frame`` as a reader reads them: readable headers, shares as percentages, other
    floats signed (three decimals: the neutral band ends at +-0.05, and 0.047 must not read "+0.05"),
    paragraph ids as the reader's paragraph numbers (with ``paragraphs``), missing values as a dash."""
    cols = [c for c in columns if c in frame]
    shown = frame[cols].copy()
    for c in cols:
        if c.startswith("share_"):
            shown[c] = shown[c].map(lambda v: f"{v:.0%}" if pd.notna(v) else v)
        elif c == "first_paragraph" and paragraphs is not None:
            shown[c] = paragraph_no_of(paragraphs, shown[c]).tolist()
        elif shown[c].dtype.kind == "f":
            shown[c] = shown[c].map(lambda v: f"{v:+.3f}" if pd.notna(v) else v)
    return display.reader_table(shown.reset_index(drop=True)).rename(columns=_HEADERS)


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.present.report ARTICLE [--pdf]``: write the report of an article whose
    frames and figures the notebooks made (``make pdf``). Prints the paths written; one line on
    stderr and status 2 when the article or its figures are missing."""
    import argparse
    import sys

    from helpers.ingest.article import ArticleError
    from helpers.pipeline import load_analysis, measure

    parser = argparse.ArgumentParser(prog="python -m helpers.present.report", description=main.__doc__)
    parser.add_argument("article", help="article id in data/raw")
    parser.add_argument("--pdf", action="store_true", help="also print the report to PDF")
    args = parser.parse_args(argv)
    try:
        findings = measure(load_analysis(args.article))
        missing = [n for n, _ in KEY_FIGURES if not (config.figures_dir(args.article) / f"{n}.png").is_file()]
        if missing:
            raise FileNotFoundError(f"{config.relative(config.figures_dir(args.article))}: no {missing[0]}.png; "
                                    f"run the notebooks first (make report ARTICLE={args.article})")
        paths = [write_report(findings)] + ([write_pdf(findings)] if args.pdf else [])
    except (ArticleError, FileNotFoundError) as err:
        print(f"newslens: {err}", file=sys.stderr)
        return 2
    for path in paths:
        print(config.relative(path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

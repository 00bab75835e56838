"""Every analysis of an article in one call, the findings in words, and the HTML report.

:func:`analyze_doc` is the full product on one parsed article: the frames of
:func:`helpers.pipeline.analyze_doc` (paragraphs, sentences, quotes, mentions, entities) plus every
score of notebooks 04-06 (speaker share, tone, sentiment toward entities, keyphrases, themes). The
throughput benchmark times exactly this function.

:func:`load_analysis` gives the notebooks the frames earlier notebooks wrote (parquet) with the
cached parse, recomputing them when they are missing.

:func:`findings_text` phrases the key numbers as sentences computed from the frames, so the report
stays true when the article or the extractors change. :func:`write_report` writes the one-page HTML
report (findings, key tables, the figures of :data:`KEY_FIGURES` embedded) that a journalist
can attach; it has no code cells, no timestamp and no machine path.

:class:`Findings` fields (frames documented in their modules): analysis (the
:class:`~helpers.pipeline.Analysis`), share, exclusions, sources, people, positions (``helpers.share``),
sentence_tone, quote_tone, speaker_tone, mention_sentiment, entity_sentiment (``helpers.sentiment``),
keyphrases, themes (a :class:`~helpers.topics.ThemeModel`), speaker_themes, theme_flow
(``helpers.topics``).
"""

from __future__ import annotations

import base64
import html
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import config, display, sentiment, share, tokens, topics
from helpers.pipeline import Analysis


@dataclass
class Findings:
    """All frames and scores of one article (see the module docstring)."""

    analysis: Analysis
    share: pd.DataFrame
    exclusions: pd.DataFrame
    sources: pd.DataFrame
    people: pd.DataFrame
    positions: pd.DataFrame
    sentence_tone: pd.DataFrame
    quote_tone: pd.DataFrame
    speaker_tone: pd.DataFrame
    mention_sentiment: pd.DataFrame
    entity_sentiment: pd.DataFrame
    keyphrases: pd.DataFrame
    themes: topics.ThemeModel
    speaker_themes: pd.DataFrame
    theme_flow: pd.DataFrame


def analyze_doc(doc, article) -> Findings:
    """The full analysis of one parsed article: every frame and every score (see module docstring)."""
    from helpers import pipeline

    with tokens.pinned(doc):  # one token table for the frames and the scores
        return findings(pipeline.analyze_doc(doc, article))


def analyze_article(path_or_id) -> Findings:
    """Load, parse (cached) and fully analyse one article given by path or by id in ``data/raw``."""
    from helpers import pipeline

    return findings(pipeline.analyze_article(path_or_id))


def load_analysis(article_id: str) -> Analysis:
    """The frames of ``article_id`` as earlier notebooks wrote them, with its (cached) parse.

    Reads ``data/processed/<article_id>/{paragraphs,sentences,quotes,mentions,entities}.parquet``
    when all five exist; otherwise recomputes them from the cached parse
    (:func:`helpers.pipeline.analyze_article`), which gives the same frames.
    """
    from helpers import pipeline
    from helpers.article import load_article
    from helpers.parse import parse

    names = ("paragraphs", "sentences", "quotes", "mentions", "entities")
    folder = config.processed_dir(article_id)
    if not all((folder / f"{n}.parquet").is_file() for n in names):
        return pipeline.analyze_article(article_id)
    article = load_article(pipeline.resolve_path(article_id))
    frames = {n: pipeline.read_frame(article_id, n) for n in names}
    return Analysis(article, parse(article), **frames)


def findings(analysis: Analysis) -> Findings:
    """Every score of notebooks 04-06 computed from the frames of ``analysis``."""
    with tokens.pinned(analysis.doc):  # the scores only read the Doc: one token table for all
        return _findings(analysis)


def _findings(a: Analysis) -> Findings:
    entities, mentions = a.entities, a.mentions
    quotes = share.classify(a.quotes)  # counting rules applied once, shared by every score below
    qtone = sentiment.quote_tone(quotes)
    mention_sent = sentiment.entity_sentiment(a.doc, mentions)
    model = topics.themes(a.doc, a.sentences)
    return Findings(
        analysis=a,
        share=share.speaker_share(quotes, entities),
        exclusions=share.quote_exclusions(quotes),
        sources=share.unique_sources(quotes),
        people=share.mentioned_vs_quoted(entities, quotes),
        positions=share.speaker_positions(quotes),
        sentence_tone=sentiment.sentence_tone(a.sentences, a.quotes),
        quote_tone=qtone,
        speaker_tone=sentiment.speaker_tone(qtone),
        mention_sentiment=mention_sent,
        entity_sentiment=sentiment.entity_sentiment_summary(mention_sent),
        keyphrases=topics.keyphrases(a.doc, a.sentences),
        themes=model,
        speaker_themes=topics.speaker_themes(model, a.doc, quotes),
        theme_flow=topics.theme_flow(model),
    )


SECTIONS = ("share", "tone", "topics")

# The charts the HTML report embeds (written by notebooks 04-06), with their captions.
KEY_FIGURES = [
    ("speaker-statements", "Attributed statements per speaker, by kind"),
    ("speaker-words", "Each speaker's share of the words inside quotation marks"),
    ("speaker-mentioned", "People mentioned vs people quoted"),
    ("speaker-where", "Who speaks where along the article"),
    ("tone-arc", "Lexical tone of each sentence along the article"),
    ("tone-speakers", "Lexical tone of each speaker's own statements"),
    ("tone-entities", "Polarity of the context of each entity's mentions"),
    ("topics-keyphrases", "Top keyphrases"),
    ("topics-flow", "Themes along the article"),
    ("topics-speakers", "Who talks about which theme"),
]


def paragraph(sentences: list[str], width: int = 100) -> str:
    """``sentences`` joined into one paragraph, wrapped at ``width`` characters for printing."""
    return textwrap.fill(" ".join(sentences), width=width)


def findings_text(f: Findings, section: str | None = None) -> list[str]:
    """The key findings as plain sentences, every number computed from the frames.

    ``section`` (one of :data:`SECTIONS`) keeps only the sentences of one notebook's question.
    """
    out = _Sections()
    sh = f.share
    if len(sh):
        n_people = int((f.sources["speaker_type"].astype(str).str.upper() == "PERSON").sum())
        most = int(sh["n_statements"].max())
        leaders = sh.loc[sh["n_statements"] == most, "speaker"].tolist()
        pct = most / sh["n_statements"].sum()
        lead = (f"{leaders[0]} makes the most, {most} ({pct:.0%})" if len(leaders) == 1
                else f"{_and(leaders)} make the most, {most} each ({pct:.0%} each)")
        out.append(f"{len(sh)} sources make {int(sh['n_statements'].sum())} attributed statements "
                   f"({n_people} of the sources are people); {lead}.")
        words = int(sh["n_quoted_words"].max())
        if words:
            leaders = sh.loc[sh["n_quoted_words"] == words, "speaker"].tolist()
            total = int(sh["n_quoted_words"].sum())
            who = f"{leaders[0]} has" if len(leaders) == 1 else f"{_and(leaders)} each have"
            out.append(f"{who} the largest share of the words inside quotation marks: "
                       f"{words} of {total} ({words / total:.0%}).")
    else:
        out.append("No attributed statements were found.")
    silent = f.people[~f.people["quoted"]]
    if len(silent):
        names = ", ".join(f"{r.canonical} ({r.n_mentions} mention{'s' if r.n_mentions != 1 else ''})"
                          for r in silent.itertuples())
        out.append(f"Named but never quoted: {names}.")
    if len(f.exclusions):
        labels = {"pull quote": "pull quote (display copy of a body quote)",
                  "inside": "quoted fragment inside the same speaker's reported clause",
                  "no speaker": "quote with no speaker"}
        reasons = f.exclusions["reason"].map(lambda r: "inside" if r.startswith("inside") else r).value_counts()
        listed = "; ".join(f"{n} {labels.get(r, r)}" for r, n in sorted(reasons.items()))
        out.append(f"Left out of the counts: {listed}.")
    out.section = "tone"
    st = sentiment.tone_summary(f.sentence_tone)
    out.append(
        f"Lexical tone (VADER) of the {st['n']} sentences: {st['positive']} positive, {st['neutral']} neutral, "
        f"{st['negative']} negative; mean compound {st['mean_compound']:+.2f}. This measures word choice, not facts."
    )
    if len(f.speaker_tone):
        spk = f.speaker_tone[f.speaker_tone["n_statements"] >= 2]
        who = "speakers with two or more statements" if len(spk) else "speakers"
        spk = spk if len(spk) else f.speaker_tone
        hi = spk.sort_values(["mean_compound", "speaker"], ascending=[False, True]).iloc[0]
        lo = spk.sort_values(["mean_compound", "speaker"]).iloc[0]
        if len(spk) == 1:
            out.append(f"{hi['speaker']}'s statements average {hi['mean_compound']:+.2f} "
                       f"(VADER compound, over {int(hi['n_statements'])}).")
        else:
            out.append(
                f"Among {who}, {hi['speaker']}'s words score highest "
                f"(mean {hi['mean_compound']:+.2f} over {int(hi['n_statements'])}) and {lo['speaker']}'s lowest "
                f"(mean {lo['mean_compound']:+.2f} over {int(lo['n_statements'])})."
            )
    es = f.entity_sentiment
    if len(es):
        most = es.iloc[0]
        tied = int((es["n_mentions"] == most["n_mentions"]).sum()) > 1
        out.append(
            f"Toward entities (local context of each mention): {most['canonical']}, "
            f"{'one of the most mentioned' if tied else 'the most mentioned'}, "
            f"appears in {int(most['n_positive'])} positive, {int(most['n_neutral'])} neutral and "
            f"{int(most['n_negative'])} negative contexts out of {int(most['n_mentions'])} mentions "
            f"(an entity leans to the side with more mentions: {most['polarity']})."
        )
    out.section = "topics"
    if len(f.keyphrases):
        out.append("Top keyphrases: " + ", ".join(f.keyphrases["phrase"].head(5)) + ".")
    if f.themes.k:
        th = f.themes.themes
        n = int(th["n_sentences"].max())
        largest = [f"\u201c{label}\u201d" for label in th.loc[th["n_sentences"] == n, "label"]]
        s_ = "s" if n != 1 else ""
        which = (f"the largest, {largest[0]}, covers {n} sentence{s_}" if len(largest) == 1
                 else f"the largest, {_and(largest)}, cover {n} sentence{s_} each")
        out.append(
            f"{f.themes.k} theme{'s' if f.themes.k != 1 else ''}, found by topic modelling (NMF) of the content "
            f"words the sentences share; {which}."
        )
    sentences = f.themes.sentences
    unplaced = int((sentences["theme_id"] == topics.NO_THEME_ID).sum())
    if unplaced:
        out.append(f"{unplaced} of the {len(sentences)} prose sentences fit no theme: they have no content word, "
                   "or none that another sentence shares.")
    return out.get(section)


def write_report(f: Findings, figures: list[tuple[str, str]], path: Path | str | None = None,
                 figures_dir: Path | str | None = None) -> Path:
    """Write the HTML report to ``path`` (default ``reports/<article_id>.html``); return the path.

    ``figures`` is a list of ``(name, caption)`` of figures already saved by
    :func:`helpers.charts.save_figure` in ``figures_dir`` (default ``reports/figures``); their PNGs
    are embedded so the file stands alone. The output holds no timestamp and no machine path: the
    same findings give the same bytes.
    """
    figures_dir = Path(figures_dir) if figures_dir is not None else config.FIGURES
    art = f.analysis.article
    out = Path(path) if path is not None else config.REPORTS / f"{art.article_id}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = " \u00b7 ".join(str(x) for x in (art.outlet, art.date, art.place) if x)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>newslens: {html.escape(art.title or art.article_id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(art.title or art.article_id)}</h1>",
        f'<p class="meta">{html.escape(meta)} \u00b7 article id <code>{html.escape(art.article_id)}</code></p>',
        "<h2>What we found</h2><ul>",
        *[f"<li>{html.escape(s)}</li>" for s in findings_text(f)],
        "</ul>",
        '<p class="note">Statements are attributed automatically (newslens quote engine) and may contain '
        "errors. Tone is lexical: VADER adds up the valence of each word from a lexicon rated by people, "
        "giving a score from \u22121 (most negative) to +1 (most positive), neutral between \u22120.05 and "
        "+0.05; tone toward an entity comes from a model of the words around each mention. It describes "
        "wording, with counts, and is not a judgement of fact. Paragraphs are numbered from 0 in the order "
        "of the page, so the numbers count the site's navigation lines and the headline too.</p>",
        "<h2>Speaker share</h2>",
        _table(f.share, ["speaker", "speaker_type", "n_statements", "n_direct", "n_partial", "n_indirect",
                         "n_quoted_words", "share_statements", "share_quoted_words", "first_paragraph"]),
        "<h2>Tone of each speaker's own words</h2>",
        _table(f.speaker_tone, ["speaker", "n_statements", "mean_compound", "n_positive", "n_neutral",
                                "n_negative"]),
        "<h2>Themes</h2>",
        _table(f.themes.themes, ["theme_id", "top_terms", "n_sentences", "representative_sentence"]),
        "<h2>Charts</h2>",
    ]
    for name, caption in figures:
        png = figures_dir / f"{name}.png"
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        parts.append(f'<figure><img alt="{html.escape(caption)}" src="data:image/png;base64,{data}">'
                     f"<figcaption>{html.escape(caption)} (the plotted numbers: <code>{html.escape(name)}.csv</code> "
                     "in the figures folder that comes with this report)"
                     "</figcaption></figure>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return out


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------

_CSS = (
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
    "color:#222;line-height:1.45}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}"
    ".meta,.note{color:#666;font-size:.9rem}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}"
    "th,td{border-bottom:1px solid #e5e5e5;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "figure{margin:1.5rem 0}img{max-width:100%}figcaption{color:#555;font-size:.85rem}"
)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Sections(list):
    """A list of (section, sentence) that ``append`` fills under the current ``section``."""

    section = "share"

    def append(self, sentence: str) -> None:
        super().append((self.section, sentence))

    def get(self, section: str | None) -> list[str]:
        return [text for sec, text in self if section is None or sec == section]


# Column headers a reader understands, for the report's tables.
_HEADERS = {
    "speaker": "Speaker", "speaker_type": "Type", "n_statements": "Statements", "n_direct": "Direct quotes",
    "n_partial": "Quoted fragments", "n_indirect": "Reported speech", "n_quoted_words": "Words in quotation marks",
    "share_statements": "Share of statements", "share_quoted_words": "Share of quoted words",
    "first_paragraph": "First speaks in paragraph", "mean_compound": "Mean tone (\u22121 to +1)",
    "n_positive": "Positive", "n_neutral": "Neutral", "n_negative": "Negative", "theme_id": "Theme",
    "top_terms": "Top terms", "n_sentences": "Sentences", "representative_sentence": "Most typical sentence",
}


def _table(frame: pd.DataFrame, columns: list[str]) -> str:
    """An HTML table of ``columns`` under readable headers: shares as percentages, other floats signed,
    missing values as a dash."""
    cols = [c for c in columns if c in frame]
    shown = frame[cols].copy()
    for c in cols:
        if c.startswith("share_"):
            shown[c] = shown[c].map(lambda v: f"{v:.0%}" if pd.notna(v) else v)
        elif shown[c].dtype.kind == "f":
            shown[c] = shown[c].map(lambda v: f"{v:+.2f}" if pd.notna(v) else v)
    shown = display.reader_table(shown).rename(columns=_HEADERS)
    return shown.to_html(index=False, border=0, escape=True)

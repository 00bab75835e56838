"""The corpus in charts and words: every corpus measure charted, the findings phrased, one HTML report.

:func:`measure_corpus` computes every measure of :mod:`helpers.corpus.measures` from a corpus's
frames once (a :class:`CorpusMeasures`); :func:`findings` phrases them as sentences computed from
the frames; each chart function returns ``(fig, data)`` for
:func:`helpers.present.charts.save_figure` (the one export helper, the shared style);
:func:`save_charts` writes them all to ``reports/figures/corpus/<name>/``; :func:`write_report`
writes ``reports/corpus-<name>.html`` (findings, the charts embedded, key tables, the failed
articles, the licence line), without timestamps or machine paths.
"""

from __future__ import annotations

import base64
import html
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import config
from helpers.corpus import measures
from helpers.corpus.load import check_corpus, read_frame
from helpers.present import charts, display
from helpers.storage import write_text

__all__ = ["CORPUS_FIGURES", "corpus_dir", "figures_dir", "report_path", "CorpusMeasures", "measure_corpus",
           "findings", "top_sources_chart", "kind_share_chart", "sources_per_article_chart",
           "quoted_vs_mentioned_chart", "share_over_time_chart", "entity_tone_chart", "themes_chart", "caption",
           "speaker_themes_chart", "chart_names", "save_charts", "save_statements", "article_table", "source_articles", "write_report"]

# A corpus names people in any script; a name the style's font cannot draw shows as boxes. Say so once
# here instead of a warning per glyph, chart and save.
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)

KIND_COLOURS = {"person": "#1f5a96", "organisation": "#edae49", "group": "#66a182", "publication": "#8e6c8a",
                "unnamed": "#adb5bd"}

#: The charts of a corpus report: file name and caption, in report order.
CORPUS_FIGURES = [
    ("top-sources", "The most quoted sources: counted statements, by speaker kind"),
    ("kinds", "Share of statements by speaker kind (group: a statement several named speakers made together, "
              "counted once for each of them, or one by a group such as protesters or a family)"),
    ("sources-per-article", "How many sources an article quotes"),
    ("quoted-vs-mentioned", "The people mentioned in the most articles: articles that mention them and articles that "
                            "quote them (their mentions in the labels)"),
    ("share-over-time", "Statements per month by speaker kind"),
    ("entity-tone", "Tone of the context of the mentions of the entities named in the most articles"),
    ("themes", "Themes across the corpus: articles whose main theme each is"),
    ("speaker-themes", "Who speaks about which theme"),
]


def corpus_dir(name: str) -> Path:
    """Where the frames of corpus ``name`` are kept: ``data/processed/corpus/<name>/``."""
    return config.DATA_PROCESSED / "corpus" / name


def figures_dir(name: str) -> Path:
    """Where the charts of corpus ``name`` go: ``reports/figures/corpus/<name>/``."""
    return config.FIGURES / "corpus" / name


def report_path(name: str) -> Path:
    """The HTML report of corpus ``name``: ``reports/corpus-<name>.html``."""
    return config.REPORTS / f"corpus-{name}.html"


@dataclass
class CorpusMeasures:
    """Every corpus measure of one corpus (see :mod:`helpers.corpus.measures` for the columns)."""

    name: str
    articles: pd.DataFrame
    top: pd.DataFrame
    all_sources: pd.DataFrame
    kinds: pd.DataFrame
    per_article: pd.DataFrame
    people: pd.DataFrame
    over_time: pd.DataFrame
    tone: pd.DataFrame
    themes: measures.CorpusThemes
    speaker_themes: pd.DataFrame
    n_statements: int = 0
    n_joint: int = 0
    #: what the over-time chart counts and leaves out (:func:`helpers.corpus.measures.dated_statements`)
    dated: dict = field(default_factory=dict)
    #: whether the frames were made by the installed analysis, in words (:func:`helpers.corpus.load.check_corpus`)
    made_by: str = ""
    #: counted statements, one row per statement and speaker (:func:`helpers.corpus.measures.statements`, with
    #: the statement's ``end_char`` and ``text`` from the quotes frame)
    statements: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: the folder of the corpus frames the measures were read from
    frames: Path | None = None
    extra: dict = field(default_factory=dict)

    @property
    def source(self) -> str:
        """The source line of every chart."""
        ok = self.articles[self.articles["status"] == "ok"]
        dates = ok["published"].dropna()
        span = f", {dates.min():%B %Y} to {dates.max():%B %Y}" if len(dates) else ""
        return f"Source: newslens analysis of the corpus \u201c{self.name}\u201d, {len(ok):,} articles{span}"


def measure_corpus(out: str | Path, name: str | None = None, top: int = 15, seed: int = 0) -> CorpusMeasures:
    """Read the frames under ``out`` and compute every corpus measure once."""
    out = Path(out)
    articles = read_frame(out, "articles")
    quotes = read_frame(out, "quotes")
    entities = read_frame(out, "entities")
    sentences = read_frame(out, "sentences", columns=["article_id", "text"])
    themes = measures.corpus_themes(articles, sentences, seed=seed)
    stmts = measures.statements(quotes)
    sources = measures.top_sources(quotes, n=None)
    return CorpusMeasures(
        name=name or out.name, articles=articles, top=sources.head(top).reset_index(drop=True),
        all_sources=sources, kinds=measures.share_by_kind(quotes),
        per_article=measures.sources_per_article(articles, quotes),
        people=measures.quoted_vs_mentioned(entities), over_time=measures.share_over_time(articles, quotes),
        dated=measures.dated_statements(articles, quotes),
        tone=measures.tone_toward_entities(entities, top=top), themes=themes,
        speaker_themes=measures.speaker_themes(quotes, themes, speakers=sources["speaker"].head(12).tolist()),
        n_statements=int(stmts["quote_id"].groupby(stmts["article_id"]).nunique().sum()) if len(stmts) else 0,
        n_joint=int(stmts.loc[stmts["joint"], ["article_id", "quote_id"]].drop_duplicates().shape[0]),
        made_by=check_corpus(out).message, frames=out,
        statements=stmts.merge(quotes[["article_id", "quote_id", "end_char", "text"]], on=["article_id", "quote_id"],
                               how="left"),
    )


# --- findings in words ------------------------------------------------------------------------------------


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _names(names: list[str], most: int | None = None) -> str:
    """``"A, B and C"``; with ``most``, at most that many names and ``"and 3 more"`` for the rest (never
    "and 1 more": one more name takes no more room than that)."""
    if most is not None and len(names) > most + 1:
        return ", ".join(names[:most]) + f" and {len(names) - most:,} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _undated_clause(m: CorpusMeasures) -> str:
    """``"; 120 statements in 9 undated articles are left out"`` when the over-time measure leaves
    statements out (articles without a published date), else ``""``: the over-time numbers then
    count fewer statements than the kinds chart, and the reader is told so."""
    d = m.dated or {}
    if not d.get("n_undated"):
        return ""
    return (f" (of the {d['n_dated']:,} statements per speaker in dated articles; {_left_out(d)})")


def _left_out(d: dict) -> str:
    return (f"{_n(d['n_undated'], 'statement')} in {_n(d['n_undated_articles'], 'undated article')} "
            f"{'is' if d['n_undated'] == 1 else 'are'} left out")


def caption(m: CorpusMeasures, name: str) -> str:
    """The caption of chart ``name`` (:data:`CORPUS_FIGURES`), with what the chart leaves out."""
    text = dict(CORPUS_FIGURES)[name]
    if name == "share-over-time":
        text += _undated_clause(m)
    return text


def findings(m: CorpusMeasures) -> list[str]:
    """The key findings of the corpus as sentences, every number computed from the frames."""
    a = m.articles
    ok = a[a["status"] == "ok"]
    failed = a[a["status"] != "ok"]
    words = _n(int(ok["n_words"].sum()), "word")
    if len(failed):
        out = [f"The corpus holds {_n(len(a), 'article')}: {len(ok):,} analysed ({words}), {len(failed):,} failed "
               f"(listed at the end of the report)."]
    else:
        out = [f"The corpus holds {_n(len(a), 'article')} ({words}), all analysed."]
    pairs = int(m.kinds["n_statements"].sum())
    out.append(f"They hold {_n(m.n_statements, 'counted statement')} by {_n(len(m.all_sources), 'named source')}"
               + (f"; {_n(m.n_joint, 'statement')} {'has' if m.n_joint == 1 else 'have'} several speakers and "
                  f"{'counts' if m.n_joint == 1 else 'count'} for each, so the shares and counts by speaker below are of "
                  f"{pairs:,} statements per speaker." if m.n_joint else "."))
    if len(m.top):
        best = m.top["n_statements"].iloc[0]
        leaders = m.top.loc[m.top["n_statements"] == best, "speaker"].tolist()
        first = m.top.iloc[0]
        if len(leaders) > 1:
            out.append(f"{_names(leaders)} are quoted most, {_n(int(best), 'statement')} each.")
        else:
            out.append(f"{first['speaker']} is quoted most: {_n(int(best), 'statement')} in "
                       f"{_n(int(first['n_articles']), 'article')} ({_pct(first['share_statements'])} of all statements).")
    k = m.kinds.sort_values("n_statements", ascending=False, kind="stable")
    if k["n_statements"].sum():
        parts = [f"{r.speaker_kind} {_pct(r.share)}" for r in k.itertuples() if r.n_statements]
        out.append("Statements by kind of speaker: " + ", ".join(parts) + ".")
    per = m.per_article
    if len(per):
        none = int((per["n_sources"] == 0).sum())
        one = int((per["n_sources"] == 1).sum())
        out.append(f"An article quotes {per['n_sources'].median():g} sources at the median (mean "
                   f"{per['n_sources'].mean():.1f}); {_n(none, 'article')} {'quotes' if none == 1 else 'quote'} no one "
                   f"and {_n(one, 'article')} a single source.")
    p = m.people.head(15)
    if len(p):
        never = p[p["n_articles_quoted"] == 0]
        out.append(f"Of the {len(p)} people mentioned in the most articles, {_n(len(never), 'is', 'are')} never quoted"
                   + (f" ({_names(never['canonical'].tolist(), most=4)})." if len(never) else "."))
    dated = a["published"].notna().sum()
    if len(m.over_time):
        monthly = m.over_time.groupby("month")["n_statements"].sum()
        busiest = monthly.idxmax()
        out.append(f"{dated:,} of {len(a):,} articles have a date; the busiest month is {busiest:%B %Y} "
                   f"({_n(int(monthly.max()), 'statement')})."
                   + (f" The months count the {m.dated['n_dated']:,} statements per speaker in dated articles; "
                      f"{_left_out(m.dated)}."
                      if m.dated.get("n_undated") else ""))
    t = m.tone[m.tone["n_mentions"] >= 5]
    if len(t):
        worst = t.sort_values(["share_negative", "n_mentions"], ascending=[False, False], kind="stable").iloc[0]
        out.append(f"Of the entities named in the most articles, {worst['canonical']} is named most often in a negative context: "
                   f"{worst['n_negative']} of {_n(int(worst['n_mentions']), 'mention')} ({_pct(worst['share_negative'])}; "
                   f"lexical tone of the words around the name, not a judgement).")
    th = m.themes.themes
    if len(th):
        big = th.sort_values("n_articles", ascending=False, kind="stable").iloc[0]
        out.append(f"NMF finds {m.themes.k} themes; the most common, \u201c{big['label']}\u201d, is the main theme of "
                   f"{_n(int(big['n_articles']), 'article')}.")
    return out


# --- charts -----------------------------------------------------------------------------------------------


def _bars(labels: list[str]):
    """A bar chart's figure, as tall as its (wrapped) tick labels need (:func:`helpers.present.charts.figure`)."""
    return charts.figure(labels)


def _finish(fig, ax, title: str, source: str) -> None:
    """Every corpus chart is finished as the article charts are: title and axis labels wrapped to the
    figure's width, the source line under it (:func:`helpers.present.charts.finish`)."""
    charts.finish(fig, ax, title, source)


def top_sources_chart(m: CorpusMeasures) -> tuple:
    """Horizontal bars: counted statements of the most quoted sources, coloured by speaker kind."""
    data = m.top[["speaker", "speaker_kind", "n_statements", "n_articles", "share_statements"]]
    labels = charts.tick_labels([f"{s} ({a} art.)" for s, a in zip(data["speaker"], data["n_articles"])])
    fig, ax = _bars(labels)
    y = np.arange(len(data))
    ax.barh(y, data["n_statements"], color=[KIND_COLOURS.get(k, "#adb5bd") for k in data["speaker_kind"]])
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("counted statements (a joint statement counts for each speaker)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for k, c in KIND_COLOURS.items() if k in set(data["speaker_kind"])]
    ax.legend(handles, [k for k in KIND_COLOURS if k in set(data["speaker_kind"])], **charts.LEGEND_OUTSIDE)
    title = "No counted statements" if data.empty else (
        f"{data['speaker'].iloc[0]} is quoted most: {_n(int(data['n_statements'].iloc[0]), 'statement')} "
        f"in {_n(int(data['n_articles'].iloc[0]), 'article')}")
    leaders = data.loc[data["n_statements"] == data["n_statements"].iloc[0], "speaker"].tolist() if len(data) else []
    if len(leaders) > 1:  # a tie: every leader named, as the findings do
        title = f"{_names(leaders, most=3)} are quoted most: {data['n_statements'].iloc[0]} statements each"
    _finish(fig, ax, title, m.source)
    return fig, data


def kind_share_chart(m: CorpusMeasures) -> tuple:
    """Bars: share of counted statements by speaker kind."""
    data = m.kinds
    fig, ax = _bars(charts.tick_labels(data["speaker_kind"]))
    y = np.arange(len(data))
    ax.barh(y, data["share"], color=[KIND_COLOURS[k] for k in data["speaker_kind"]])
    ax.set_yticks(y, data["speaker_kind"])
    ax.invert_yaxis()
    for yi, (share, n) in enumerate(zip(data["share"], data["n_statements"])):
        ax.text(share, yi, f" {share:.0%} ({n:,})", va="center", fontsize=8)
    ax.set_xlim(0, max(0.05, float(data["share"].max()) * 1.25))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of counted statements")
    best = data.sort_values("share", ascending=False, kind="stable").iloc[0]
    _finish(fig, ax, f"{best['speaker_kind'].capitalize()} speakers make {best['share']:.0%} of the statements", m.source)
    return fig, data


def sources_per_article_chart(m: CorpusMeasures) -> tuple:
    """Histogram: articles by number of distinct sources quoted."""
    counts = m.per_article["n_sources"].value_counts().sort_index()
    data = pd.DataFrame({"n_sources": counts.index.astype(int), "n_articles": counts.values.astype(int)})
    fig, ax = charts.figure(height=3.4)
    ax.bar(data["n_sources"], data["n_articles"], color="#1f5a96", width=0.8)
    ax.set_xlabel("sources quoted in the article")
    ax.set_ylabel("articles")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.get_major_locator().set_params(integer=True)
    median = m.per_article["n_sources"].median() if len(m.per_article) else 0
    _finish(fig, ax, f"Half the articles quote {median:g} sources or fewer", m.source)
    return fig, data


def quoted_vs_mentioned_chart(m: CorpusMeasures, top: int = 15) -> tuple:
    """Paired bars: for the people mentioned in the most articles (the order of
    :func:`helpers.corpus.measures.quoted_vs_mentioned`, which the grey bars show), articles that
    mention them and articles that quote them; each label gives the mentions too."""
    data = m.people.head(top)[["canonical", "n_articles", "n_articles_quoted", "n_mentions", "n_statements", "names"]]
    labels = charts.tick_labels([f"{c} ({_n(int(n), 'mention')})" for c, n in zip(data["canonical"], data["n_mentions"])])
    fig, ax = _bars(labels)
    y = np.arange(len(data))
    ax.barh(y - 0.2, data["n_articles"], height=0.4, color="#adb5bd", label="mentioned in")
    ax.barh(y + 0.2, data["n_articles_quoted"], height=0.4, color="#1f5a96", label="quoted in")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("articles (people ranked by the articles that mention them, then by mentions)")
    ax.xaxis.get_major_locator().set_params(integer=True)  # a count of articles has no fractions
    ax.legend(**charts.LEGEND_OUTSIDE)
    never = int((data["n_articles_quoted"] == 0).sum())
    _finish(fig, ax, f"{never} of the {len(data)} people mentioned in the most articles are never quoted", m.source)
    return fig, data


def share_over_time_chart(m: CorpusMeasures) -> tuple:
    """Stacked bars: counted statements per month, by speaker kind."""
    data = m.over_time
    fig, ax = charts.figure(height=3.6)
    if data.empty:
        _finish(fig, ax, "No dated statements", m.source)
        return fig, data
    wide = data.pivot(index="month", columns="speaker_kind", values="n_statements").fillna(0)
    bottom = np.zeros(len(wide))
    x = np.arange(len(wide))
    for kind in [k for k in KIND_COLOURS if k in wide.columns]:
        ax.bar(x, wide[kind], bottom=bottom, color=KIND_COLOURS[kind], label=kind, width=0.85)
        bottom += wide[kind].to_numpy()
    step = max(1, len(wide) // 12)
    ax.set_xticks(x[::step], [f"{d:%b %Y}" for d in wide.index[::step]], rotation=45, ha="right")
    ax.set_ylabel("counted statements")
    ax.yaxis.get_major_locator().set_params(integer=True)  # counts have no fractions
    ax.legend(**charts.LEGEND_OUTSIDE)
    person = data[data["speaker_kind"] == "person"].groupby("month")["n_statements"].sum()
    total = data.groupby("month")["n_statements"].sum()
    share = person.sum() / total.sum() if total.sum() else 0
    span = (f"in {wide.index[0]:%B %Y}" if len(wide) == 1 else
            f"from {wide.index[0]:%B %Y} to {wide.index[-1]:%B %Y} (months with a dated statement and those between)")
    _finish(fig, ax, f"People make {share:.0%} of the statements {span}{_undated_clause(m)}", m.source)
    return fig, data


def entity_tone_chart(m: CorpusMeasures) -> tuple:
    """Stacked bars: mentions of the entities named in the most articles, in positive, neutral and negative contexts."""
    data = m.tone[["canonical", "label", "n_articles", "n_mentions", "n_positive", "n_neutral", "n_negative",
                   "share_negative", "names"]]
    # the name wrapped by the one rule, its label and article count on a line of their own (never split)
    labels = [f"{name}\n({lab}, {a} art.)" for name, lab, a in
              zip(charts.tick_labels(data["canonical"]), data["label"], data["n_articles"])]
    fig, ax = _bars(labels)
    y = np.arange(len(data))
    left = np.zeros(len(data))
    for tone in ("negative", "neutral", "positive"):
        vals = data[f"n_{tone}"].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, color=charts.TONE_COLOURS[tone], label=tone)
        left += vals
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("mentions (tone of the words around each mention)")
    ax.legend(**charts.LEGEND_OUTSIDE)
    title = "No entities"
    if len(data):
        worst = data.sort_values(["share_negative", "n_mentions"], ascending=[False, False], kind="stable").iloc[0]
        title = (f"Tone around the mentions (target model): {worst['canonical']} has the largest share of negative "
                 f"contexts ({worst['share_negative']:.0%})" if worst["share_negative"] > 0 else
                 "Tone around the mentions (target model): no entity is mentioned in a negative context")
    _finish(fig, ax, title, m.source)
    return fig, data


def themes_chart(m: CorpusMeasures) -> tuple:
    """Horizontal bars: articles whose main theme each NMF theme is."""
    data = m.themes.themes[["theme_id", "label", "n_articles", "top_terms"]]
    labels = charts.tick_labels(data["label"])
    fig, ax = _bars(labels)
    y = np.arange(len(data))
    ax.barh(y, data["n_articles"], color="#1f5a96")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("articles whose main theme it is")
    title = "No themes" if data.empty else (
        f"{m.themes.k} themes; the most common is \u201c{data.sort_values('n_articles', ascending=False).iloc[0]['label']}\u201d")
    _finish(fig, ax, title, m.source)
    return fig, data


def speaker_themes_chart(m: CorpusMeasures) -> tuple:
    """Heatmap: the most quoted sources (rows) x themes (columns), cell = counted statements."""
    data = m.speaker_themes
    fig, ax = charts.figure(height=1.8 + 0.34 * max(len(data), 2))
    if data.empty:
        _finish(fig, ax, "No statements on any theme", m.source)
        return fig, data
    values = data.drop(columns=["speaker"]).to_numpy()
    im = ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_yticks(range(len(data)), charts.tick_labels(data["speaker"]))
    ax.set_xticks(range(values.shape[1]), [c.replace(" / ", "\n") for c in data.columns[1:]], fontsize=6.5)
    for (i, j), v in np.ndenumerate(values):
        if v:
            ax.text(j, i, str(v), ha="center", va="center", fontsize=7, color="white" if v > values.max() / 2 else "black")
    fig.colorbar(im, ax=ax, label="counted statements")
    i, j = np.unravel_index(values.argmax(), values.shape)
    _finish(fig, ax, f"{data['speaker'].iloc[i]} speaks most on \u201c{data.columns[1 + j]}\u201d ({values[i, j]} statements)",
            m.source)
    return fig, data


CHARTS = {
    "top-sources": top_sources_chart, "kinds": kind_share_chart, "sources-per-article": sources_per_article_chart,
    "quoted-vs-mentioned": quoted_vs_mentioned_chart, "share-over-time": share_over_time_chart,
    "entity-tone": entity_tone_chart, "themes": themes_chart, "speaker-themes": speaker_themes_chart,
}


def chart_names(m: CorpusMeasures) -> list[str]:
    """Every name the corpus charts write on an axis (sources, people, entities, themes)."""
    return [*m.top["speaker"], *m.people["canonical"].head(15), *m.tone["canonical"],
            *m.speaker_themes.get("speaker", []), *m.themes.themes.get("label", [])]


def save_charts(m: CorpusMeasures, directory: str | Path | None = None) -> Path:
    """Every chart of :data:`CORPUS_FIGURES` through ``save_figure`` into ``directory``
    (default :func:`figures_dir`); returns the folder."""
    directory = Path(directory) if directory else figures_dir(m.name)
    for name, _ in CORPUS_FIGURES:
        fig, data = CHARTS[name](m)
        charts.save_figure(fig, name, data=data, directory=directory)
        plt.close(fig)
    save_statements(m, directory)
    return directory


def save_statements(m: CorpusMeasures, directory: str | Path | None = None) -> Path:
    """Write :func:`statement_rows` (every counted statement behind the report's counts) as
    :data:`STATEMENTS_CSV` into ``directory`` (default :func:`figures_dir`), beside the charts' data
    files, atomically; returns its path. The report links it, so notebook 08 writes it too."""
    path = (Path(directory) if directory else figures_dir(m.name)) / STATEMENTS_CSV
    write_text(path, statement_rows(m).to_csv(index=False))
    return path


#: The data file of every counted statement behind the report's counts, beside the charts' CSVs.
STATEMENTS_CSV = "statements.csv"


def statement_rows(m: CorpusMeasures) -> pd.DataFrame:
    """Every counted statement behind the report's counts, one row per statement and speaker (a joint
    statement once for each), in corpus order: article_id, quote_id, speaker (as the report counts it:
    case and surname variants joined), speaker_kind, kind, n_words, start_char, end_char (offsets into
    the article's text, as in the quotes frame), joint, text."""
    cols = ["article_id", "quote_id", "speaker", "speaker_kind", "kind", "n_words", "start_char", "end_char",
            "joint", "text"]
    s = m.statements
    if s.empty:
        return pd.DataFrame(columns=cols)
    return s.sort_values("position", kind="stable")[[c for c in cols if c in s]].reset_index(drop=True)


# --- the HTML report --------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#212529;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}figure{margin:1.2rem 0}img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#495057}table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}
td,th{border-bottom:1px solid #dee2e6;padding:.2rem .5rem;text-align:left;vertical-align:top}
#nl-corpus-articles td:last-child{overflow-wrap:anywhere;min-width:12rem}.dt-layout-table{overflow-x:auto}.note{font-size:.8rem;color:#6c757d}"""


#: Rows shown at a time by the report's long tables (every article, where each source is quoted).
LONG_TABLE_ROWS = 25

#: Reader's headers of the report's tables (frame column -> header).
READER_HEADERS = {
    "speaker": "Speaker", "speaker_kind": "Kind of speaker", "n_statements": "Statements", "n_articles": "Articles",
    "n_words": "Words", "share_statements": "Share of statements", "n_direct": "Direct", "n_partial": "Partial",
    "n_indirect": "Indirect", "label": "Theme", "top_terms": "Top terms", "article_id": "Article",
    "source": "Source", "error": "Why it failed", "title": "Title", "published": "Published",
    "n_sources": "Sources", "url": "Address",
}


def _link(target: Path, page: Path, text: str) -> str:
    """An HTML link to ``target`` by its path relative to the page, so that it opens wherever the folder is copied."""
    href = Path(os.path.relpath(Path(target).resolve(), Path(page).resolve().parent)).as_posix()
    return f"<a href=\"{html.escape(href, quote=True)}\">{html.escape(text)}</a>"


def _data_note(m: CorpusMeasures, page: Path, figures: Path) -> str:
    """Where the numbers come from: the frames folder, the data files, how to load them."""
    frames = (_link(m.frames, page, config.relative(m.frames) + "/") if m.frames is not None else "the corpus frames")
    return ("<p class='note'>The data: every number here is computed from the parquet frames in "
            f"{frames} (load them with <code>helpers.corpus.load.read_frame(folder, \"quotes\")</code>; the "
            "columns are in the README's data dictionary). Each chart links its own data file, and "
            f"{_link(figures / STATEMENTS_CSV, page, STATEMENTS_CSV)} lists every counted statement; offsets "
            "(<code>start_char</code>, <code>end_char</code>) point into each article's text. The frames are not "
            "inside <code>reports/</code>: send them along with the report for a reader to check it.</p>")


def article_table(m: CorpusMeasures) -> pd.DataFrame:
    """The analysed articles, in corpus order: article_id, title, published, n_statements, n_sources
    (:func:`helpers.corpus.measures.sources_per_article`), source (the file or row it was read from) and
    url, so a reader can find the articles behind every count of the report."""
    a = m.articles[m.articles["status"] == "ok"]
    cols = ["article_id", "title", "published"]
    out = a[cols].merge(m.per_article[["article_id", "n_statements", "n_sources"]], on="article_id", how="left")
    out["published"] = [None if pd.isna(d) else f"{d:%Y-%m-%d}" for d in out["published"]]
    extra = [c for c in ("source", "url") if c in a]
    out = out.join(a[extra].reset_index(drop=True))
    return out.reset_index(drop=True)


def source_articles(m: CorpusMeasures) -> pd.DataFrame:
    """Where the most quoted sources (``m.top``) are quoted: one row per source and article, the
    sources in their order and each one's articles in corpus order. Columns: speaker, article_id,
    title, n_statements (the source's counted statements in that article)."""
    cols = ["speaker", "article_id", "title", "n_statements"]
    s = m.statements
    if s.empty or m.top.empty:
        return pd.DataFrame(columns=cols)
    s = s[s["speaker"].isin(m.top["speaker"])]
    per = s.groupby(["speaker", "article_id"], sort=False).agg(n_statements=("quote_id", "size"),
                                                               first=("position", "min")).reset_index()
    order = {name: i for i, name in enumerate(m.top["speaker"])}
    per = per.sort_values(["speaker", "first"], key=lambda c: c.map(order) if c.name == "speaker" else c, kind="stable")
    per = per.merge(m.articles[["article_id", "title"]], on="article_id", how="left")
    return per[cols].reset_index(drop=True)


def _table(frame: pd.DataFrame, name: str, page_length: int | None = None) -> str:
    """An interactive table (sortable, searchable, offline) with readers' headers; shares as percentages;
    ``page_length`` rows at a time for a long one."""
    shown = frame.copy()
    for column in shown.columns:
        if column.startswith("share_"):
            shown[column] = [f"{v:.1%}" for v in shown[column]]
    shown = display.reader_table(shown).rename(columns=READER_HEADERS)
    return display.interactive_table(shown, f"nl-corpus-{name}", page_length=page_length)


def write_report(m: CorpusMeasures, path: str | Path | None = None, figures: str | Path | None = None,
                 credit: str | None = None) -> Path:
    """Write the HTML corpus report (default :func:`report_path`), embedding the PNGs written by
    :func:`save_charts` in ``figures`` (default :func:`figures_dir`). ``credit``: a licence line
    for the corpus's text. Returns the path."""
    path = Path(path) if path else report_path(m.name)
    figures = Path(figures) if figures else figures_dir(m.name)
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Corpus report: {html.escape(m.name)}</title>"
             f"<style>{_CSS}</style>{display.offline_tables_script()}</head><body>",
             f"<h1>Who gets quoted in the corpus “{html.escape(m.name)}”</h1>",
             f"<p class='note'>{html.escape(m.source)}. Made with newslens; {html.escape(m.made_by)}.</p>",
             "<h2>Findings</h2><ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in findings(m)) + "</ul>",
             _data_note(m, path, figures)]
    for name, _ in CORPUS_FIGURES:
        text = caption(m, name)
        png, csv = figures / f"{name}.png", figures / f"{name}.csv"
        if not png.is_file():
            raise FileNotFoundError(f"{config.relative(png)}: not written yet; run save_charts first")
        if csv.is_file() and pd.read_csv(csv).empty:
            # an empty chart says nothing a sentence would not: say it (a small corpus has no themes)
            parts.append(f"<p class='note'>{html.escape(text)}: nothing to chart in this corpus "
                         f"(data: {_link(csv, path, name + '.csv')}, empty).</p>")
            continue
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        parts.append(f"<figure><img alt='{html.escape(text)}' src='data:image/png;base64,{data}'>"
                     f"<figcaption>{html.escape(text)} (data: {_link(csv, path, name + '.csv')})</figcaption></figure>")
    boxes = charts.undrawable(chart_names(m))
    if boxes:
        listed = ", ".join(boxes[:3]) + (", ..." if len(boxes) > 3 else "")
        parts.append(f"<p class='note'>{_n(len(boxes), 'name')} in a script the charts' fonts cannot draw "
                     f"({html.escape(listed)}) {'shows' if len(boxes) == 1 else 'show'} as empty boxes in the charts; "
                     "the data file linked under each chart has every name in full.</p>")
    parts.append("<h2>The most quoted sources</h2><p class='note'>"
                 + (f"The {len(m.top):,} most quoted of {_n(len(m.all_sources), 'named source')}; "
                    if len(m.all_sources) > len(m.top) else "")
                 + "a speaker's name is matched across articles ignoring case (\u201cOfficials\u201d and "
                 "\u201cofficials\u201d are one source); a joint statement counts for each of its speakers. "
                 + _link(figures / STATEMENTS_CSV, path, STATEMENTS_CSV)
                 + " holds every counted statement with its speaker, words and offsets.</p>" + _table(m.top, "sources"))
    parts.append("<h2>Where they are quoted</h2><p class='note'>The articles behind each count above: one row per "
                 "source and article (search a name or an id).</p>" + _table(source_articles(m), "source-articles", page_length=LONG_TABLE_ROWS))
    parts.append("<h2>Themes</h2>" + _table(m.themes.themes[["label", "n_articles", "top_terms"]], "themes"))
    parts.append("<h2>The articles</h2><p class='note'>Every analysed article, in corpus order, with the counted "
                 "statements and distinct sources the charts count for it; search by id, title or source file.</p>"
                 + _table(article_table(m), "articles", page_length=LONG_TABLE_ROWS))
    failed = m.articles[m.articles["status"] != "ok"]
    parts.append("<h2>Articles that failed</h2>" + (_table(failed[["article_id", "source", "error"]], "failed") if len(failed)
                                                    else "<p>None: every article was analysed.</p>"))
    parts.append("<p class='note'>Counts follow newslens' rules: pull quotes, quoted fragments inside the same speaker's "
                 "reported statement and statements without a speaker are not counted (a quoted fragment on its own, "
                 "a partial quote, is); a joint statement counts for each speaker. Names are joined across articles "
                 "whatever their case, a surname alone to the one full name of the corpus that ends in it, and an "
                 "acronym to the one name whose initials it spells (\u201cUS\u201d to \u201cUnited States\u201d); the "
                 "charts' data files list the names joined under each (column <code>names</code>). Tone is "
                 "lexical (VADER and the target model on the words around a name), not a judgement.</p>")
    if credit:
        parts.append(f"<p class='note'>{html.escape(credit)}</p>")
    parts.append("</body></html>\n")
    write_text(path, "\n".join(parts))
    return path

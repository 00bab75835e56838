"""Charts: one style sheet, one ``save_figure``, and the charts of notebooks 04-07.

Every chart function takes the frames made by :mod:`helpers.measure.share`, :mod:`helpers.measure.sentiment` or
:mod:`helpers.measure.topics` plus a ``source`` (an :class:`~helpers.ingest.article.Article`, or any object with
``title``/``outlet``/``date``, or a ready string) and returns ``(fig, data)``: the figure and the
tidy frame it plots, ready for ``save_figure(fig, name, data=data)``. Titles state the finding and
are computed from the data, so they stay true when the article changes; every chart has axis labels
and a source line.

Per-speaker charts list speakers top to bottom in the one speaker order of :mod:`helpers.measure.share`
(:func:`helpers.measure.share.speaker_sort_key`: most statements, then most words, then first to speak), the
order of the frames they are given, so a speaker sits in the same row in every chart and table. Their
CSVs list the rows in the same order, top to bottom.

``save_figure`` writes ``NAME.png`` (200 dpi), ``NAME.svg`` and ``NAME.csv`` into the article's own
folder ``reports/figures/<article_id>/`` with deterministic bytes: no dates or software versions in
the metadata and a fixed SVG hash salt, so re-running a notebook leaves ``git status`` clean.

**Readable at any length.** Every figure is :data:`FIG_WIDTH` inches wide (1,500 px in the PNG) and
is saved at that size, never widened to fit its contents: the title is wrapped to the figure's
width (:func:`wrap_title`), long names on an axis are wrapped to :data:`LABEL_WIDTH` characters, and
the layout makes room for both. Only the height grows, with the number of rows.

**Titles** state the finding in words from :mod:`helpers.present.words`: names joined "A, B and C"
in the order of the bars, plurals that agree with their numbers, no possessives, and no claim of a
lead that is within the near-tie margins documented there (a lead of one statement, or of a few
words, is said to be too close to call). Paragraph numbers are the reader's (``paragraph_no`` of
the paragraphs frame: headline 0, body from 1), never the row ids of the frames.

Tone titles keep two measures apart: the VADER score of a sentence's words is called "word-choice
tone" and describes wording only; tone *toward* people and organisations comes from the trained
target model (:mod:`helpers.measure.target_sentiment`).
"""

from __future__ import annotations

__all__ = [
    "STYLE_PATH", "PNG_DPI", "PNG_METADATA", "SVG_METADATA", "SVG_HASHSALT", "FIG_WIDTH", "LABEL_WIDTH", "LABEL_LINES",
    "SOURCE_WIDTH", "FALLBACK_FONTS", "LEGEND_OUTSIDE", "figure", "finish", "font_families", "tick_labels", "undrawable",
    "wrap_axis_labels",
    "TONE_COLOURS", "KIND_COLOURS", "KIND_ORDER", "use_style", "source_line", "save_figure", "chart_title",
    "wrap_title", "statements_by_kind", "statements_title", "quoted_word_share", "quoted_words_title",
    "mentioned_vs_quoted_chart", "speaker_positions_chart", "tone_arc", "tone_arc_title", "speaker_tone_chart",
    "speaker_tone_title", "entity_sentiment_chart", "entity_tone_title", "keyphrase_chart", "theme_paragraph_heatmap",
    "speaker_theme_heatmap",
]

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager, ft2font
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers import config
from helpers.ingest.article import Article
from helpers.ingest.frames import paragraph_no_of
from helpers.measure.sentiment import people_and_organisations, tone_label
from helpers.present import words
from helpers.storage import atomic_path, write_text

STYLE_PATH = Path(__file__).with_name("newslens.mplstyle")
PNG_DPI = 200
# PNG: Pillow writes no date; matplotlib adds "Software" unless it is set to None.
PNG_METADATA = {"Software": None}
# SVG: matplotlib writes a Date and a Creator line unless they are None.
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
SVG_HASHSALT = "newslens"
#: Width of every figure in inches (x 200 dpi = 1,500 px); only the height varies.
FIG_WIDTH = 7.5
#: Axis labels (speaker names, entities, phrases) longer than this many characters wrap onto more lines.
LABEL_WIDTH = 28
#: ... onto at most this many lines; a longer one is shortened with an ellipsis (its CSV has it in full).
LABEL_LINES = 3
#: The source line under a chart wraps at this many characters (it fits the width at 6.5 pt).
SOURCE_WIDTH = 170

#: Fonts for names in other scripts, used when installed (Debian: fonts-noto-core, fonts-noto-cjk), in this order.
FALLBACK_FONTS = ("Noto Sans", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Arabic",
                  "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Georgian", "Noto Sans Armenian", "Noto Sans CJK JP")

TONE_COLOURS = {"negative": "#d1495b", "neutral": "#adb5bd", "positive": "#1f5a96"}
#: Opacity of a bar the title does not rank (a speaker with one statement, when others have two or more).
UNRANKED_ALPHA = 0.35
KIND_COLOURS = {"direct": "#1f5a96", "partial": "#8fb3d9", "indirect": "#edae49"}
KIND_ORDER = ("direct", "partial", "indirect")
#: Legends sit right of the plot, where they can never hide a bar or a dot (``ax.legend(**LEGEND_OUTSIDE)``).
LEGEND_OUTSIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0}
_OUTSIDE = LEGEND_OUTSIDE


def use_style() -> None:
    """Apply the newslens style sheet to every later figure in this process, with the font fallbacks
    of :func:`font_families` (names in other scripts are drawn by the first installed font that has them)."""
    plt.style.use(STYLE_PATH)
    plt.rcParams["font.family"] = font_families()


def font_families() -> list[str]:
    """The chart fonts: the style's DejaVu Sans, then each of :data:`FALLBACK_FONTS` installed on this
    machine (matplotlib falls back glyph by glyph along this list). Nothing is downloaded: a font
    that is not installed is left out, and :func:`undrawable` names the text no listed font can draw."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *[f for f in FALLBACK_FONTS if f in installed]]


def undrawable(names) -> list[str]:
    """The ``names`` (in the order given, once each) with a character that none of the chart fonts
    (:func:`font_families`) can draw: a chart shows such a name as empty boxes, so the reader needs
    the data file (the CSV next to the chart) to read it."""
    charmaps = []
    for family in font_families():
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        charmaps.append(set(ft2font.FT2Font(path).get_charmap()))
    out = []
    for name in dict.fromkeys(str(n) for n in names):
        if any(not ch.isspace() and not any(ord(ch) in cm for cm in charmaps) for ch in name):
            out.append(name)
    return out


def source_line(source: Article | str) -> str:
    """``"Source: TITLE, OUTLET, DATE"`` from an Article-like object, or ``source`` itself if a string."""
    if isinstance(source, str):
        return source if source.lower().startswith("source") else f"Source: {source}"
    parts = [getattr(source, name, None) for name in ("title", "outlet", "date")]
    parts = [str(p) for p in parts if p not in (None, "")]
    return "Source: " + ", ".join(parts) if parts else "Source: unknown"


def save_figure(fig: Figure, name: str, data: pd.DataFrame | None = None, article_id: str | None = None,
                directory: Path | str | None = None) -> None:
    """Write ``NAME.png``, ``NAME.svg`` and (if ``data`` is given) ``NAME.csv``; print one relative path.

    The files go to the article's own folder, ``reports/figures/<article_id>/``
    (:func:`helpers.config.figures_dir`), or to ``directory`` when given; one of the two is
    required, so that figures of two articles never overwrite each other. The figure is saved at
    its set size (``bbox_inches=None``: nothing widens it). Bytes are deterministic for the same
    figure and data. Returns nothing, so that a notebook cell ending in ``save_figure(...)`` shows
    the printed relative path and no absolute one.
    """
    if directory is None and article_id is None:
        raise TypeError("save_figure needs article_id (figures go to reports/figures/<article_id>/) or directory")
    out = Path(directory) if directory is not None else config.figures_dir(article_id)
    out.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    with plt.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
        with atomic_path(png) as tmp:
            fig.savefig(tmp, dpi=PNG_DPI, metadata=PNG_METADATA, format="png", bbox_inches=None)
        with atomic_path(svg) as tmp:
            fig.savefig(tmp, metadata=SVG_METADATA, format="svg", bbox_inches=None)
    if data is not None:
        # "\n" line ends and a fixed float format keep the CSV identical across platforms.
        write_text(csv, data.to_csv(index=False, lineterminator="\n", float_format="%.6g"))
    print(config.relative(png).rsplit(".", 1)[0] + ".{png,svg" + (",csv}" if data is not None else "}"))


def chart_title(fig: Figure) -> str:
    """The title of a chart made here, as one line (the wrapping line breaks read as spaces)."""
    return " ".join(fig.get_suptitle().split())


# ---------------------------------------------------------------------------------------------
# Speaker share (notebook 04)
# ---------------------------------------------------------------------------------------------


def statements_by_kind(share: pd.DataFrame, source: Article | str) -> tuple:
    """Stacked horizontal bars: statements per speaker split by kind (direct, partial, indirect).

    ``share`` is :func:`helpers.measure.share.speaker_share`; speakers keep its order, top to bottom. Data
    columns: speaker, direct, partial, indirect, n_statements.
    """
    data = share[["speaker", "n_direct", "n_partial", "n_indirect", "n_statements"]].rename(
        columns={f"n_{k}": k for k in KIND_ORDER}
    ).reset_index(drop=True)
    fig, ax = _figure(data["speaker"])
    _top_down(ax)
    left = np.zeros(len(data))
    labels = _labels(data["speaker"])
    for kind in KIND_ORDER:
        ax.barh(labels, data[kind], left=left, color=KIND_COLOURS[kind], label=kind, height=0.6)
        left += data[kind].to_numpy(dtype=float)
    ax.set_xlabel("attributed statements (pull quotes and embedded fragments counted once)")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", **_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _finish(fig, ax, statements_title(data["speaker"].tolist(), data["n_statements"].tolist()), source)
    return fig, data


def statements_title(speakers: list[str], counts: list[int]) -> str:
    """The finding of the statements chart: who makes the most statements, or that it is too close to call.

    ``speakers`` in the order of the bars, ``counts`` their statements. A lead of
    :data:`helpers.present.words.NEAR_TIE_STATEMENTS` or less is a near tie: every speaker within it
    is named, in the bars' order, with their counts.
    """
    total = int(sum(counts))
    if not total:
        return "No attributed statements"
    if len(speakers) == 1:
        return f"Every statement ({total}): {speakers[0]}"
    lead, clear = words.leaders(speakers, counts, words.statement_margin)
    best = int(counts[lead[0]])
    if clear:
        return f"Most statements: {speakers[lead[0]]}, {best} of {total} ({best / total:.0%})"
    names = [speakers[i] for i in lead]
    if len({counts[i] for i in lead}) == 1:
        return f"Most statements, tied: {words.join(names)}, {best} each of {total} ({best / total:.0%} each)"
    listed = words.join([f"{speakers[i]} ({counts[i]})" for i in lead])
    return f"Most statements, too close to call: {listed} of {total}"


def quoted_word_share(share: pd.DataFrame, source: Article | str) -> tuple:
    """Horizontal bars: each speaker's share of all words quoted in the article.

    ``share`` is :func:`helpers.measure.share.speaker_share`; speakers keep its order, top to bottom. Data
    columns: speaker, n_quoted_words, share_quoted_words.
    """
    data = share[["speaker", "n_quoted_words", "share_quoted_words"]].reset_index(drop=True)
    fig, ax = _figure(data["speaker"])
    _top_down(ax)
    ax.barh(_labels(data["speaker"]), data["share_quoted_words"] * 100, color=KIND_COLOURS["direct"], height=0.6)
    for y, (pct, n) in enumerate(zip(data["share_quoted_words"] * 100, data["n_quoted_words"])):
        ax.text(pct, y, f" {pct:.0f}% ({words.count(int(n), 'word')})", va="center", fontsize=7)
    ax.set_xlabel("share of words inside quotation marks (%)")
    ax.set_ylabel("speaker")
    ax.set_xlim(0, max(100.0, float(data["share_quoted_words"].max() * 100) * 1.25) if len(data) else 100)
    _finish(fig, ax, quoted_words_title(data["speaker"].tolist(), data["n_quoted_words"].tolist()), source)
    return fig, data


def quoted_words_title(speakers: list[str], counts: list[int]) -> str:
    """The finding of the quoted-words chart; leads within :func:`helpers.present.words.word_margin`
    (ten words or a tenth of the leader's, the larger) are a near tie."""
    total = int(sum(counts))
    if not total:
        return "No words are quoted directly"
    lead, clear = words.leaders(speakers, counts, words.word_margin)
    best = int(counts[lead[0]])
    if clear:
        return f"Most words in quotation marks: {speakers[lead[0]]}, {best / total:.0%} ({best} of {total})"
    listed = words.join([f"{speakers[i]} ({counts[i] / total:.0%}, {words.count(int(counts[i]), 'word')})"
                         for i in lead])
    if len({counts[i] for i in lead}) == 1:
        return f"Most words in quotation marks, tied: {words.join([speakers[i] for i in lead])}, {best} of {total} each"
    return f"Most words in quotation marks, too close to call: {listed} of {total}"


def mentioned_vs_quoted_chart(people: pd.DataFrame, source: Article | str) -> tuple:
    """Paired bars per person: mentions vs attributed statements; people never quoted stand out.

    ``people`` is :func:`helpers.measure.share.mentioned_vs_quoted` (most mentioned first); the
    bars keep its order, top to bottom. Data columns: canonical, n_mentions, n_statements, quoted.
    """
    data = people[["canonical", "n_mentions", "n_statements", "quoted"]].reset_index(drop=True)
    fig, ax = _figure(data["canonical"])
    y = np.arange(len(data))
    ax.barh(y - 0.18, data["n_mentions"], height=0.36, color="#adb5bd", label="mentions")
    ax.barh(y + 0.18, data["n_statements"], height=0.36, color=KIND_COLOURS["direct"], label="statements")
    ax.set_yticks(y, _labels(data["canonical"]))
    _top_down(ax)
    ax.set_xlabel("count")
    ax.set_ylabel("person")
    ax.legend(**_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    silent = data.loc[~data["quoted"].astype(bool), "canonical"].tolist()
    n = len(data)
    if not n:
        title = "No people are named"
    elif silent:
        title = (f"{len(silent)} of {words.count(n, 'person')} named {words.plural(len(silent), 'is')} never quoted"
                 + (f": {words.join(silent)}" if len(silent) <= 3 else ""))
    else:
        title = f"All {words.count(n, 'person')} named are quoted" if n > 1 else "The one person named is quoted"
    _finish(fig, ax, title, source)
    return fig, data


def speaker_positions_chart(positions: pd.DataFrame, share: pd.DataFrame, source: Article | str) -> tuple:
    """Dots: who speaks where along the article (the reader's paragraph number on the x axis), sized
    by words, coloured by kind.

    ``positions`` is :func:`helpers.measure.share.speaker_positions` (counted statements in text
    order); ``share`` is :func:`helpers.measure.share.speaker_share`, whose order (the one speaker
    order) puts the speakers top to bottom. ``source`` must be the Article (its paragraphs number
    the x axis as a reader counts them) unless ``positions`` has a ``paragraph_no`` column. Data
    columns: speaker, paragraph_no, kind, n_words.
    """
    numbers = _paragraph_numbers(positions, source)
    data = pd.DataFrame({"speaker": positions["speaker"].tolist(), "paragraph_no": numbers,
                         "kind": positions["kind"].astype(str).tolist(),
                         "n_words": positions["n_words"].astype(int).tolist()})
    speakers = [s for s in share["speaker"].tolist() if s in set(data["speaker"])]
    fig, ax = _figure(speakers)
    rows = {s: len(speakers) - 1 - i for i, s in enumerate(speakers)}
    # Statements of one speaker in one paragraph side by side vertically, so that none hides another
    y = _spread(data["speaker"].map(rows).to_numpy(dtype=float), list(zip(data["speaker"], data["paragraph_no"])))
    for kind in KIND_ORDER:
        sel = (data["kind"] == kind).to_numpy()
        part = data[sel]
        ax.scatter(
            part["paragraph_no"].astype(float), y[sel], s=12 + part["n_words"].astype(float).clip(upper=80) * 2,
            color=KIND_COLOURS[kind], alpha=0.85, label=kind, edgecolors="white", linewidths=0.5,
        )
    ax.set_yticks(list(rows.values()), _labels(list(rows.keys())))
    last = _last_paragraph(source, data["paragraph_no"])
    ax.set_xlim(-0.5, max(last + 0.5, 0.5))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("paragraph of the article (0 = headline, 1 = first paragraph)")
    ax.set_ylabel("speaker")
    ax.grid(axis="y", color="#eeeeee")
    ax.legend(title="kind\n(size = words)", markerscale=0.7, **_OUTSIDE)
    if speakers:
        first, where = data["speaker"].iloc[0], data["paragraph_no"].iloc[0]
        at = f"paragraph {int(where)}" if not pd.isna(where) else "a pull quote"
        title = f"First to speak: {first} ({at}); {words.count(len(speakers), 'speaker')} in all"
    else:
        title = "Nobody is quoted"
    _finish(fig, ax, title, source)
    return fig, data


def _spread(y: np.ndarray, groups: list, step: float = 0.2) -> np.ndarray:
    """``y`` with the members of each group (in order) spread ``step`` apart around their value."""
    members: dict = {}
    for k, g in enumerate(groups):
        members.setdefault(g, []).append(k)
    out = y.astype(float).copy()
    for ks in members.values():
        for n, k in enumerate(ks):
            out[k] += (n - (len(ks) - 1) / 2) * step
    return out


# ---------------------------------------------------------------------------------------------
# Sentiment (notebook 05)
# ---------------------------------------------------------------------------------------------


def tone_arc(sentences: pd.DataFrame, source: Article | str) -> tuple:
    """Word-choice tone along the article: VADER compound per sentence, quotes highlighted,
    paragraph starts marked.

    ``sentences`` is :func:`helpers.measure.sentiment.sentence_tone` (needs ``in_quote``); ``source``
    the Article (its paragraphs give the reader's paragraph numbers) unless ``sentences`` has a
    ``paragraph_no`` column. Data columns: sentence_id, paragraph_id, paragraph_no, compound, tone,
    in_quote.
    """
    data = sentences[["sentence_id", "paragraph_id", "compound", "tone", "in_quote"]].reset_index(drop=True)
    data.insert(2, "paragraph_no", pd.array(_paragraph_numbers(sentences, source), dtype="Int64"))
    fig, ax = _figure(height=3.6)
    starts = data.loc[data["paragraph_no"].ne(data["paragraph_no"].shift()).fillna(True), "sentence_id"]
    for x in starts:
        ax.axvline(x - 0.5, color="#eeeeee", linewidth=0.6, zorder=0)
    ax.axhline(0, color="#999999", linewidth=0.6)
    # One line per run of consecutive sentences: a gap (sentences not scored, such as a pull quote
    # or a caption) must not look like a smooth change of tone.
    run = data["sentence_id"].diff().ne(1).cumsum()
    for _, part in data.groupby(run, sort=False):
        ax.plot(part["sentence_id"], part["compound"], color="#6c757d", linewidth=0.8, zorder=1)
    for a, b, label in _unscored_gaps(data, source):
        ax.axvspan(a + 0.5, b - 0.5, color="#f1f3f5", zorder=0)
        ax.text((a + b) / 2, 0.98, label, ha="center", va="top", fontsize=6.5, color="#868e96")
    quoted = data[data["in_quote"]]
    plain = data[~data["in_quote"]]
    ax.scatter(plain["sentence_id"], plain["compound"], s=14, color="#adb5bd", label="no quoted words", zorder=2)
    ax.scatter(quoted["sentence_id"], quoted["compound"], s=22, color=KIND_COLOURS["indirect"],
               label="contains quoted words", zorder=3)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence (grey lines: paragraph starts; shaded: page parts not scored)")
    ax.set_ylabel("VADER compound\n(word choice, not a verdict)")
    ax.grid(axis="x", visible=False)
    ax.legend(**_OUTSIDE)
    _finish(fig, ax, tone_arc_title(data), source)
    return fig, data


def _unscored_gaps(data: pd.DataFrame, source: Article | str) -> list[tuple[int, int, str]]:
    """``(sentence before, sentence after, label)`` of each gap in the sentence ids: sentences not
    scored, labelled with the roles of the paragraphs between (``source`` an Article), else "not scored"."""
    ids, paras = data["sentence_id"].tolist(), data["paragraph_id"].tolist()
    roles = {}
    if hasattr(source, "paragraphs"):
        roles = dict(zip(source.paragraphs["paragraph_id"].tolist(), source.paragraphs["role"].astype(str).tolist()))
    gaps = []
    for k in range(1, len(ids)):
        if ids[k] - ids[k - 1] > 1:
            between = [roles[p].replace("_", " ") for p in range(paras[k - 1] + 1, paras[k]) if p in roles]
            names = list(dict.fromkeys(between))
            gaps.append((ids[k - 1], ids[k], (", ".join(names) if names else "not scored").replace(" ", "\n", 1)))
    return gaps


def tone_arc_title(sentences: pd.DataFrame) -> str:
    """The finding of the word-choice tone arc, in two lines: the labels' counts, and the longest
    run of negative-scoring sentences.

    ``sentences`` has ``sentence_id``, ``paragraph_no`` (the reader's paragraph number) and ``tone``,
    in text order. The first line says which VADER label most sentences get, or that none has a
    majority, with the counts; the second gives the longest run of consecutive negative-scoring
    sentences and its paragraphs (a gap in sentence ids, such as a pull quote left out, ends a run).
    It describes word choice: never how the article "reads".
    """
    n = len(sentences)
    if not n:
        return "No sentences to score"
    counts = sentences["tone"].value_counts()
    pos, neu, neg = (int(counts.get(t, 0)) for t in ("positive", "neutral", "negative"))
    label, top = max((("positive", pos), ("neutral", neu), ("negative", neg)), key=lambda kv: kv[1])
    tally = f"{pos} positive, {neu} neutral, {neg} negative"
    if top * 2 > n:
        first = f"Word-choice tone (VADER) of {words.count(n, 'sentence')}: most score {label} ({tally})"
    else:
        first = f"Word-choice tone (VADER) of {words.count(n, 'sentence')}: no label has a majority ({tally})"
    if not neg:
        return first + "\nNo sentence scores negative"
    runs = _negative_runs(sentences)
    length = max(size for size, _, _ in runs)
    if length == 1:
        return first + "\nNegative-scoring sentences stand alone: never two in a row"
    longest = [(a, b) for size, a, b in runs if size == length]
    a, b = longest[0]
    where = f"paragraph {a}" if a == b else f"paragraphs {a}-{b}"
    if len(longest) == 1:
        return first + f"\nThe longest negative-scoring run: {length} sentences in a row, in {where}"
    return first + f"\n{len(longest)} negative-scoring runs of {length} sentences in a row, the first in {where}"


def speaker_tone_chart(tone: pd.DataFrame, source: Article | str) -> tuple:
    """Bars: mean VADER compound of each speaker's own words (word choice), with the number of statements.

    ``tone`` is :func:`helpers.measure.sentiment.speaker_tone`; speakers keep its order, top to bottom. Data
    columns: speaker, n_statements, mean_compound, n_positive, n_neutral, n_negative.
    """
    data = tone[["speaker", "n_statements", "mean_compound", "n_positive", "n_neutral", "n_negative"]]
    data = data.reset_index(drop=True)
    fig, ax = _figure(data["speaker"])
    _top_down(ax)
    # the title ranks speakers with two or more statements when there are any: the others are drawn pale
    ranked = data["n_statements"] >= 2 if (data["n_statements"] >= 2).any() else data["n_statements"] >= 0
    colours = [to_rgba(TONE_COLOURS[tone_label(v)], 1.0 if r else UNRANKED_ALPHA)
               for v, r in zip(data["mean_compound"], ranked)]
    ax.barh(_labels(data["speaker"]), data["mean_compound"], color=colours, height=0.6)
    for y, (v, n) in enumerate(zip(data["mean_compound"], data["n_statements"])):
        ax.text(v, y, f" n={n} ", va="center", ha="left" if v >= 0 else "right", fontsize=7)
    ax.axvline(0, color="#999999", linewidth=0.6)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of the speaker's statements (word choice, not a verdict)"
                  + ("" if ranked.all() else "\npale bars: one statement, not ranked in the title"))
    ax.set_ylabel("speaker")
    _finish(fig, ax, speaker_tone_title(data), source)
    return fig, data


def speaker_tone_title(tone: pd.DataFrame) -> str:
    """Whose statements use the most positive words, among speakers with two or more statements
    (all speakers when none has two); means within :data:`helpers.present.words.NEAR_TIE_TONE` are a
    near tie, named in the bars' order."""
    if not len(tone):
        return "No statements to score"
    pool = tone[tone["n_statements"] >= 2]
    among = " (speakers with two or more statements)" if len(pool) and len(pool) < len(tone) else ""
    pool = pool if len(pool) else tone
    names, means, ns = pool["speaker"].tolist(), pool["mean_compound"].tolist(), pool["n_statements"].tolist()
    if len(names) == 1:
        return (f"Word-choice tone of {names[0]}: mean {means[0]:+.2f} over {words.count(ns[0], 'statement')}"
                + among)
    lead, clear = words.leaders(names, means, words.tone_margin)
    # the top of the ranking is "most positive" only when it is positive
    top = {"positive": "Most positive word choice", "neutral": "Highest word-choice tone (neutral)",
           "negative": "Least negative word choice"}[tone_label(means[lead[0]])]
    if clear:
        i = lead[0]
        return f"{top}{among}: {names[i]}, mean {means[i]:+.2f} over {words.count(ns[i], 'statement')}"
    listed = words.join([f"{names[i]} ({means[i]:+.2f}, n={ns[i]})" for i in lead])
    return f"{top}{among}: {listed}, too close to call"


def entity_sentiment_chart(summary: pd.DataFrame, source: Article | str, top: int = 12) -> tuple:
    """Stacked bars: tone toward each person and organisation named, from the trained target model's
    reading of the words around each mention (counts per label).

    ``summary`` is :func:`helpers.measure.sentiment.entity_sentiment_summary`; only its people and
    organisations are drawn (:func:`helpers.measure.sentiment.people_and_organisations`, the set the
    report's tone headline speaks of). Data columns: canonical, n_mentions, n_negative, n_neutral,
    n_positive; the most mentioned first (top row).
    """
    summary = people_and_organisations(summary)
    data = summary.sort_values(["n_mentions", "canonical"], ascending=[False, True]).head(top)
    data = data[["canonical", "n_mentions", "n_negative", "n_neutral", "n_positive"]].reset_index(drop=True)
    fig, ax = _figure(data["canonical"])
    _top_down(ax)
    left = np.zeros(len(data))
    labels = _labels(data["canonical"])
    for tone in ("negative", "neutral", "positive"):
        ax.barh(labels, data[f"n_{tone}"], left=left, color=TONE_COLOURS[tone], label=tone, height=0.6)
        left += data[f"n_{tone}"].to_numpy(dtype=float)
    ax.set_xlabel("mentions, by the tone of the words around them (target model)")
    ax.set_ylabel("person or organisation" if len(summary) <= top else
                  f"person or organisation\n(the {len(data)} most mentioned of {len(summary)})")
    ax.legend(**_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _finish(fig, ax, entity_tone_title(data), source)
    return fig, data


def entity_tone_title(summary: pd.DataFrame) -> str:
    """Who is written about in the most negative contexts (counts of mentions), or a near tie
    (a difference of one mention) named in the bars' order."""
    neg = summary[summary["n_negative"] > 0]
    if not len(summary):
        return "No person or organisation is named (tone toward people and organisations, target model)"
    if not len(neg):
        return "No person or organisation is mentioned in a negative context (tone toward them, target model)"
    names, counts = neg["canonical"].tolist(), neg["n_negative"].astype(int).tolist()
    lead, clear = words.leaders(names, counts, words.statement_margin)
    if clear:
        row = neg.iloc[lead[0]]
        return (f"Tone toward people and organisations: the most mentions in negative contexts, {row['canonical']}, "
                f"{int(row['n_negative'])} of {int(row['n_mentions'])}")
    listed = words.join([f"{names[i]} ({counts[i]} of {int(neg['n_mentions'].iloc[i])})" for i in lead])
    return f"Tone toward people and organisations: the most mentions in negative contexts, too close to call: {listed}"


# ---------------------------------------------------------------------------------------------
# Topics (notebook 06)
# ---------------------------------------------------------------------------------------------


def keyphrase_chart(phrases: pd.DataFrame, source: Article | str, top: int = 15) -> tuple:
    """Horizontal bars: the top keyphrases by score, the highest on top. Data columns: phrase, count, score."""
    data = phrases.head(top)[["phrase", "count", "score"]].reset_index(drop=True)
    fig, ax = _figure(data["phrase"])
    _top_down(ax)
    ax.barh(_labels(data["phrase"]), data["score"], color=KIND_COLOURS["direct"], height=0.6)
    for y, (sc, n) in enumerate(zip(data["score"], data["count"])):
        ax.text(sc, y, f" ×{n}", va="center", fontsize=7)
    ax.set_xlabel("keyphrase score (count × sentence-level IDF)")
    ax.set_ylabel("keyphrase")
    if len(data):
        lead = [f"\u201c{p}\u201d" for p in data["phrase"].head(3)]
        title = f"{words.join(lead)} {'lead' if len(lead) > 1 else 'leads'} the keyphrases"
    else:
        title = "No keyphrases found"
    _finish(fig, ax, title, source)
    return fig, data


def theme_paragraph_heatmap(flow: pd.DataFrame, themes: pd.DataFrame, source: Article | str) -> tuple:
    """Heatmap: theme (rows) x the reader's paragraph (columns), cell = how many of the paragraph's
    sentences are in the theme.

    ``flow`` is :func:`helpers.measure.topics.theme_flow` (index theme_id, columns paragraph_id: only the
    paragraphs that hold a themed sentence); ``themes`` is ``ThemeModel.themes`` (for labels);
    ``source`` the Article, whose paragraphs number the columns as a reader counts them (headline 0,
    body from 1; the parts of one printed paragraph add up in one column). Every paragraph from the
    first to the last numbered one is a column, so the x axis counts paragraphs evenly: a paragraph
    with no themed sentence is a hatched empty column, named in a note under the chart. Each cell
    shows its count; the colour bar has one colour per count.

    Data: the tidy long form of the plotted matrix, one row per theme and column: theme_id, label,
    paragraph_no, n_sentences (0 in an empty column), themed_paragraph (False for a hatched column).
    """
    labels = themes.set_index("theme_id")["label"]
    numbers = _paragraph_numbers(pd.DataFrame({"paragraph_id": [int(c) for c in flow.columns]}), source)
    by_number: dict[int, np.ndarray] = {}
    for column, number in zip(flow.columns, numbers):
        if not pd.isna(number):
            by_number[int(number)] = by_number.get(int(number), 0) + flow[column].to_numpy(dtype=float)
    last = _last_paragraph(source, pd.Series(list(by_number), dtype="Int64"))
    columns = list(range(0, last + 1)) if by_number or last >= 0 else []
    counts = np.column_stack([by_number.get(c, np.zeros(len(flow))) for c in columns]) if columns else np.zeros((len(flow), 0))
    themed = set(by_number)
    top = int(counts.max()) if counts.size else 0
    fig, ax = _figure(height=0.6 + 0.45 * max(len(flow), 1) + 1.5)
    # One colour per whole count (0 = white), so the colour bar reads as counts, not a gradient.
    cmap = plt.get_cmap("Blues", top + 1) if top else plt.get_cmap("Blues", 2)
    cmap = cmap.with_extremes(bad="#ffffff")
    norm = BoundaryNorm(np.arange(-0.5, max(top, 1) + 1), cmap.N)
    shown = np.ma.masked_array(counts, mask=np.zeros_like(counts, dtype=bool))
    empty = [j for j, c in enumerate(columns) if c not in themed]
    for j in empty:
        shown.mask[:, j] = True
    im = ax.imshow(shown if counts.size else np.zeros((1, 1)), aspect="auto", cmap=cmap, norm=norm)
    for j in empty:
        ax.add_patch(Rectangle((j - 0.5, -0.5), 1, max(len(flow), 1), facecolor="#f1f3f5", edgecolor="#ced4da",
                               hatch="////", linewidth=0))
    for (i, j), v in np.ndenumerate(counts):
        if v and columns[j] in themed:
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=6,
                    color="white" if v > top / 2 else "#333333")
    ax.set_yticks(range(len(flow)), _labels([f"{t}: {labels.get(t, '')}" for t in flow.index]))
    ax.set_xticks(range(len(columns)), [str(c) for c in columns], fontsize=6)
    ax.set_xlabel("paragraph of the article (0 = headline, 1 = first paragraph)")
    ax.set_ylabel("theme")
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="sentences of the paragraph\nin the theme", fraction=0.03, pad=0.02,
                 ticks=_count_ticks(counts))
    if empty:
        named = words.join([str(columns[j]) for j in empty])
        fig.text(0.01, 0.04, f"Hatched: {words.plural(len(empty), 'paragraph')} {named}, without a sentence in any theme.",
                 fontsize=6.5, color="#6c757d", ha="left", va="bottom", wrap=True)
    data = pd.DataFrame({
        "theme_id": np.repeat(flow.index.to_numpy(), len(columns)),
        "label": np.repeat([labels.get(t, "") for t in flow.index], len(columns)),
        "paragraph_no": np.tile(columns, len(flow)).astype(int),
        "n_sentences": counts.astype(int).ravel(),
        "themed_paragraph": np.tile([c in themed for c in columns], len(flow)),
    })
    if len(flow) and themed:
        spread = pd.Series((counts > 0).sum(axis=1), index=flow.index).sort_values(ascending=False, kind="stable")
        t = spread.index[0]
        title = (f"Theme \u201c{labels.get(t, t)}\u201d runs through {int(spread.iloc[0])} of "
                 f"{len(themed)} paragraphs with a themed sentence")
    else:
        title = "No themes"
    _finish(fig, ax, title, source, bottom=0.09 if empty else 0.04)
    return fig, data


def speaker_theme_heatmap(matrix: pd.DataFrame, themes: pd.DataFrame, source: Article | str) -> tuple:
    """Heatmap: speaker (rows) x theme (columns), cell = statements of the speaker on the theme.

    ``matrix`` is :func:`helpers.measure.topics.speaker_themes`. Data: the tidy long form of the matrix.
    """
    labels = themes.set_index("theme_id")["label"]
    fig, ax = _figure(height=1.4 + 0.4 * max(len(matrix), 1))
    values = matrix.to_numpy(dtype=float)
    im = ax.imshow(values if values.size else np.zeros((1, 1)), aspect="auto", cmap="Blues", vmin=0,
                   vmax=max(values.max() if values.size else 0, 1))
    ax.set_yticks(range(len(matrix)), _labels(list(matrix.index)))
    ax.set_xticks(range(len(matrix.columns)), _labels([f"{t}: {labels.get(t, '')}" for t in matrix.columns]),
                  rotation=20, ha="right")
    for (i, j), v in np.ndenumerate(values):
        if v:
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=7,
                    color="white" if v > values.max() / 2 else "#333333")
    ax.set_xlabel("theme")
    ax.set_ylabel("speaker")
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="statements", fraction=0.03, pad=0.02, ticks=_count_ticks(values))
    data = (matrix.rename_axis(index="speaker", columns="theme_id").stack()
            .rename("n_statements").reset_index())
    if values.size and values.max() > 0:
        top = int(values.max())
        cells = [(matrix.index[i], labels.get(matrix.columns[j], matrix.columns[j]))
                 for i, j in zip(*np.nonzero(values == top))]
        quoted = [f"\u201c{label}\u201d" for _, label in cells]
        if len(cells) == 1:
            title = f"Most statements on one theme: {cells[0][0]} on {quoted[0]} ({words.count(top, 'statement')})"
        elif len({who for who, _ in cells}) == 1:
            title = (f"Most statements on one theme: {cells[0][0]} on {words.join(quoted)} "
                     f"({words.count(top, 'statement')} each)")
        else:
            title = f"Most statements on one theme: {top}, by " + words.join(
                [f"{who} ({q})" for (who, _), q in zip(cells, quoted)])
    else:
        title = "No statements to place on themes"
    _finish(fig, ax, title, source)
    return fig, data


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------


def _top_down(ax) -> None:
    """First row of the data at the top: bar charts read in the frame's order."""
    ax.invert_yaxis()


def _labels(names) -> list[str]:
    return tick_labels(names)


def tick_labels(names, width: int = LABEL_WIDTH, lines: int | None = None) -> list[str]:
    """Tick labels by the one wrapping rule: each name wrapped at ``width`` characters onto at most
    ``lines`` lines (default :data:`LABEL_LINES`); a longer name ends in an ellipsis on its last line.

    Only use it for names that the chart's data file (the CSV :func:`save_figure` writes next to the
    PNG) holds in full: the ellipsis sends the reader there. ``lines=0`` wraps without shortening.
    """
    lines = LABEL_LINES if lines is None else lines
    out = []
    for name in names:
        parts = textwrap.wrap(str(name), width) or [""]
        if lines and len(parts) > lines:
            parts = parts[:lines]
            parts[-1] = parts[-1][: width - 1].rstrip() + "\u2026"
        out.append("\n".join(parts))
    return out


def _paragraph_numbers(frame: pd.DataFrame, source: Article | str) -> list:
    """The reader's paragraph number of each row of ``frame``: its ``paragraph_no`` column if it has
    one, else its ``paragraph_id`` mapped through ``source.paragraphs`` (an Article).

    Raises ValueError when neither is there: a chart never shows frame row ids as paragraph numbers.
    """
    if "paragraph_no" in frame:
        return [None if pd.isna(v) else int(v) for v in frame["paragraph_no"]]
    if hasattr(source, "paragraphs") and "paragraph_no" in source.paragraphs:
        return [None if pd.isna(v) else int(v) for v in paragraph_no_of(source.paragraphs, frame["paragraph_id"])]
    raise ValueError("this chart numbers paragraphs as a reader does: pass the Article as source "
                     "(or a frame with a paragraph_no column)")


def _last_paragraph(source: Article | str, numbers: pd.Series) -> int:
    """The last reader paragraph number of the article (``source`` an Article), else of ``numbers``."""
    if hasattr(source, "paragraphs") and "paragraph_no" in source.paragraphs and source.paragraphs["paragraph_no"].notna().any():
        return int(source.paragraphs["paragraph_no"].max())
    known = pd.Series(numbers).dropna()
    return int(known.max()) if len(known) else -1


def _negative_runs(sentences: pd.DataFrame) -> list[tuple[int, int, int]]:
    """Runs of consecutive negative sentences: (length, first paragraph, last paragraph), in text order.

    Consecutive means adjacent sentence ids: a sentence left out of the frame ends a run. Paragraphs
    are the reader's numbers (``paragraph_no``).
    """
    runs: list[list[int]] = []
    previous = None
    for sid, para, tone in zip(sentences["sentence_id"], sentences["paragraph_no"], sentences["tone"]):
        if tone == "negative":
            if runs and previous is not None and previous[1] == "negative" and sid == previous[0] + 1:
                runs[-1][0] += 1
                runs[-1][2] = int(para)
            else:
                runs.append([1, int(para), int(para)])
        previous = (sid, tone)
    return [tuple(r) for r in runs]


def _figure(rows=2, height: float | None = None):
    return figure(rows, height)


def figure(rows=2, height: float | None = None):
    """A figure :data:`FIG_WIDTH` wide whose height grows with its rows (or is ``height``).

    ``rows`` is a number of bars, or the bars' labels: a label wrapped onto several lines takes
    more room, so that wrapped names never run into each other.
    """
    use_style()
    if not isinstance(rows, int):
        rows = sum(max(1.0, 0.55 * (1 + label.count("\n"))) for label in tick_labels(rows))
    return plt.subplots(figsize=(FIG_WIDTH, height if height is not None else 1.4 + 0.32 * max(rows, 2)))


def wrap_title(fig: Figure, title: str, fontsize: float | None = None) -> None:
    """Set ``title`` as the figure's title, left-aligned and wrapped to the figure's width.

    Each line of ``title`` (lines may already be split with ``\\n``) is wrapped at the most
    characters that fit in the figure's width, measured with the figure's renderer at the PNG's
    resolution (text does not scale exactly with resolution), so a long generated title adds lines
    instead of widening or overflowing the figure.
    """
    size = fontsize or plt.rcParams["axes.titlesize"]
    text = fig.suptitle(title, x=0.01, ha="left", fontsize=size, fontweight=plt.rcParams["axes.titleweight"])
    text.set_text(_fit(fig, text, title, None))


def _fit(fig: Figure, artist, text: str, room: float | None, vertical: bool = False) -> str:
    """``text`` wrapped at the most characters per line that keep ``artist`` within ``room`` pixels
    (None: the figure's right edge), measured at the PNG's resolution (text does not scale exactly
    with resolution). Lines already split with ``\\n`` stay split."""
    screen_dpi = fig.dpi
    fig.set_dpi(PNG_DPI)
    try:
        renderer = fig.canvas.get_renderer()
        scale = PNG_DPI / screen_dpi
        lines = []
        for line in text.split("\n"):
            width = len(line)
            while width > 20:
                artist.set_text(textwrap.fill(line, width))
                box = artist.get_window_extent(renderer)
                if room is None:
                    fits = box.x1 <= fig.bbox.width * 0.99
                else:
                    fits = (box.height if vertical else box.width) <= room * scale
                if fits:
                    break
                width -= 2
            lines.append(textwrap.fill(line, max(width, 20)))
    finally:
        fig.set_dpi(screen_dpi)
    return "\n".join(lines)


def _finish(fig: Figure, ax, title: str, source: Article | str, bottom: float = 0.04) -> None:
    finish(fig, ax, title, source, bottom)


def finish(fig: Figure, ax, title: str, source: Article | str, bottom: float = 0.04) -> None:
    """The one way a chart is finished: the title wrapped to the figure's width (:func:`wrap_title`),
    the axis labels wrapped to the room they have (:func:`wrap_axis_labels`), the source line under
    the chart, and a layout that fits them all inside the figure's fixed width."""
    wrap_title(fig, title)
    wrap_axis_labels(fig, ax)
    fig.text(0.01, 0.005, textwrap.fill(source_line(source), SOURCE_WIDTH), fontsize=6.5, color="#6c757d",
             ha="left", va="bottom")
    fig.tight_layout(rect=(0, bottom, 1, 1))


def wrap_axis_labels(fig: Figure, ax, share: float = 0.8) -> None:
    """Wrap the x and y axis labels of ``ax`` so that neither is longer than ``share`` of the
    figure's width (x) or height (y), measured as :func:`wrap_title` measures."""
    for label, room in ((ax.xaxis.label, fig.bbox.width * share), (ax.yaxis.label, fig.bbox.height * share)):
        text = " ".join(label.get_text().split())
        if text:
            label.set_text(_fit(fig, label, text, room, vertical=label is ax.yaxis.label))


def _count_ticks(values) -> list[int]:
    """Whole-number colour-bar ticks for a matrix of counts (at most about six)."""
    top = int(np.max(values)) if np.size(values) else 1
    step = max(1, -(-top // 5))
    return list(range(0, top + 1, step))

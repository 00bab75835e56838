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

``save_figure`` writes ``NAME.png`` (200 dpi), ``NAME.svg`` and ``NAME.csv`` into
``reports/figures`` with deterministic bytes: no dates or software versions in the metadata and a
fixed SVG hash salt, so re-running a notebook leaves ``git status`` clean.
"""

from __future__ import annotations

__all__ = [
    "STYLE_PATH", "PNG_DPI", "PNG_METADATA", "SVG_METADATA", "SVG_HASHSALT", "TONE_COLOURS", "KIND_COLOURS",
    "KIND_ORDER", "use_style", "source_line", "save_figure", "statements_by_kind", "quoted_word_share",
    "mentioned_vs_quoted", "speaker_positions", "tone_arc", "tone_arc_title", "speaker_tone_chart",
    "entity_sentiment_chart", "keyphrase_chart", "theme_paragraph_heatmap", "speaker_theme_heatmap",
]

import contextlib
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm
from matplotlib.patches import Rectangle

from helpers.storage import atomic_path, write_text
from helpers.measure.sentiment import tone_label
from helpers.measure.share import speaker_sort_key

STYLE_PATH = Path(__file__).with_name("newslens.mplstyle")
PNG_DPI = 200
# PNG: Pillow writes no date; matplotlib adds "Software" unless it is set to None.
PNG_METADATA = {"Software": None}
# SVG: matplotlib writes a Date and a Creator line unless they are None.
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
SVG_HASHSALT = "newslens"

TONE_COLOURS = {"negative": "#d1495b", "neutral": "#adb5bd", "positive": "#1f5a96"}
KIND_COLOURS = {"direct": "#1f5a96", "partial": "#8fb3d9", "indirect": "#edae49"}
KIND_ORDER = ("direct", "partial", "indirect")
# Legends sit right of the plot, where they can never hide a bar or a dot.
_OUTSIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0}


def use_style() -> None:
    """Apply the newslens style sheet to every later figure in this process."""
    plt.style.use(STYLE_PATH)


def source_line(source) -> str:
    """``"Source: TITLE, OUTLET, DATE"`` from an Article-like object, or ``source`` itself if a string."""
    if isinstance(source, str):
        return source if source.lower().startswith("source") else f"Source: {source}"
    parts = [getattr(source, name, None) for name in ("title", "outlet", "date")]
    parts = [str(p) for p in parts if p not in (None, "")]
    return "Source: " + ", ".join(parts) if parts else "Source: unknown"


def save_figure(fig, name: str, data: pd.DataFrame | None = None, directory: Path | str | None = None) -> None:
    """Write ``NAME.png``, ``NAME.svg`` and (if ``data`` is given) ``NAME.csv``; print one relative path.

    ``directory`` defaults to ``reports/figures`` (:data:`helpers.config.FIGURES`). Bytes are
    deterministic for the same figure and data. Returns nothing, so that a notebook cell ending in
    ``save_figure(...)`` shows the printed relative path and no absolute one.
    """
    from helpers import config

    out = Path(directory) if directory is not None else config.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    with plt.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
        with atomic_path(png) as tmp:
            fig.savefig(tmp, dpi=PNG_DPI, metadata=PNG_METADATA, format="png")
        with atomic_path(svg) as tmp:
            fig.savefig(tmp, metadata=SVG_METADATA, format="svg")
    if data is not None:
        # "\n" line ends and a fixed float format keep the CSV identical across platforms.
        write_text(csv, data.to_csv(index=False, lineterminator="\n", float_format="%.6g"))
    print(config.relative(png).rsplit(".", 1)[0] + ".{png,svg" + (",csv}" if data is not None else "}"))


# ---------------------------------------------------------------------------------------------
# Speaker share (notebook 04)
# ---------------------------------------------------------------------------------------------


def statements_by_kind(share: pd.DataFrame, source) -> tuple:
    """Stacked horizontal bars: statements per speaker split by kind (direct, partial, indirect).

    ``share`` is :func:`helpers.measure.share.speaker_share`; speakers keep its order, top to bottom. Data
    columns: speaker, direct, partial, indirect, n_statements.
    """
    data = share[["speaker", "n_direct", "n_partial", "n_indirect", "n_statements"]].rename(
        columns={f"n_{k}": k for k in KIND_ORDER}
    ).reset_index(drop=True)
    fig, ax = _figure(len(data))
    _top_down(ax)
    left = np.zeros(len(data))
    for kind in KIND_ORDER:
        ax.barh(data["speaker"], data[kind], left=left, color=KIND_COLOURS[kind], label=kind, height=0.6)
        left += data[kind].to_numpy(dtype=float)
    ax.set_xlabel("attributed statements (pull quotes and embedded fragments counted once)")
    ax.set_ylabel("speaker")
    ax.legend(title="kind", **_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _finish(fig, ax, _leader_title(data, "n_statements", "statements"), source)
    return fig, data


def quoted_word_share(share: pd.DataFrame, source) -> tuple:
    """Horizontal bars: each speaker's share of all words quoted in the article.

    ``share`` is :func:`helpers.measure.share.speaker_share`; speakers keep its order, top to bottom. Data
    columns: speaker, n_quoted_words, share_quoted_words.
    """
    data = share[["speaker", "n_quoted_words", "share_quoted_words"]].reset_index(drop=True)
    fig, ax = _figure(len(data))
    _top_down(ax)
    ax.barh(data["speaker"], data["share_quoted_words"] * 100, color=KIND_COLOURS["direct"], height=0.6)
    for y, (pct, n) in enumerate(zip(data["share_quoted_words"] * 100, data["n_quoted_words"])):
        ax.text(pct, y, f" {pct:.0f}% ({n} words)", va="center", fontsize=7)
    ax.set_xlabel("share of words inside quotation marks (%)")
    ax.set_ylabel("speaker")
    ax.set_xlim(0, max(100.0, float(data["share_quoted_words"].max() * 100) * 1.25) if len(data) else 100)
    if len(data) and data["n_quoted_words"].sum() > 0:
        best = data["share_quoted_words"].max()
        leaders = data.loc[data["share_quoted_words"] == best, "speaker"].sort_values().tolist()
        title = (f"{leaders[0]} has {best:.0%} of the quoted words" if len(leaders) == 1
                 else f"{' and '.join(leaders)} have {best:.0%} of the quoted words each")
    else:
        title = "No words are quoted directly"
    _finish(fig, ax, title, source)
    return fig, data


def mentioned_vs_quoted(people: pd.DataFrame, source) -> tuple:
    """Paired bars per person: mentions vs attributed statements; people never quoted stand out.

    ``people`` is :func:`helpers.measure.share.mentioned_vs_quoted`. Data columns: canonical, n_mentions,
    n_statements, quoted.
    """
    data = people[["canonical", "n_mentions", "n_statements", "quoted"]]
    data = data.sort_values(["n_mentions", "canonical"], ascending=[True, False]).reset_index(drop=True)
    fig, ax = _figure(len(data))
    y = np.arange(len(data))
    ax.barh(y + 0.18, data["n_mentions"], height=0.36, color="#adb5bd", label="mentions")
    ax.barh(y - 0.18, data["n_statements"], height=0.36, color=KIND_COLOURS["direct"], label="statements")
    ax.set_yticks(y, data["canonical"])
    ax.set_xlabel("count")
    ax.set_ylabel("person")
    ax.legend(**_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    silent = data.loc[~data["quoted"], "canonical"].tolist()
    n = len(data)
    if silent:
        title = f"{len(silent)} of {n} people named {'is' if len(silent) == 1 else 'are'} never quoted"
    else:
        title = f"All {n} people named are quoted"
    _finish(fig, ax, title, source)
    return fig, data


def speaker_positions(positions: pd.DataFrame, n_paragraphs: int, source) -> tuple:
    """Dots: who speaks where along the article (paragraph on the x axis), sized by words, by kind.

    ``positions`` is :func:`helpers.measure.share.speaker_positions` (counted statements in text order);
    speakers top to bottom in the one speaker order of :func:`helpers.measure.share.speaker_sort_key`. Data
    columns: speaker, paragraph_id, kind, n_words.
    """
    data = positions[["speaker", "paragraph_id", "kind", "n_words"]].reset_index(drop=True)
    stats: dict = {}  # speaker -> [statements, words, first char]
    for who, n_words, start in zip(positions["speaker"], positions["n_words"], positions["start_char"]):
        st = stats.setdefault(who, [0, 0, start])
        st[0], st[1], st[2] = st[0] + 1, st[1] + int(n_words), min(st[2], start)
    speakers = sorted(stats, key=lambda who: speaker_sort_key(*stats[who]))
    fig, ax = _figure(len(speakers))
    rows = {s: len(speakers) - 1 - i for i, s in enumerate(speakers)}
    # Statements of one speaker in one paragraph side by side vertically, so that none hides another
    y = _spread(data["speaker"].map(rows).to_numpy(dtype=float), list(zip(data["speaker"], data["paragraph_id"])))
    for kind in KIND_ORDER:
        sel = (data["kind"] == kind).to_numpy()
        part = data[sel]
        ax.scatter(
            part["paragraph_id"], y[sel], s=12 + part["n_words"].astype(float).clip(upper=80) * 2,
            color=KIND_COLOURS[kind], alpha=0.85, label=kind, edgecolors="white", linewidths=0.5,
        )
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_xlim(-0.5, max(n_paragraphs - 0.5, 0.5))
    ax.set_xlabel("paragraph (0 = top of the page)")
    ax.set_ylabel("speaker")
    ax.grid(axis="y", color="#eeeeee")
    ax.legend(title="kind\n(size = words)", markerscale=0.7, **_OUTSIDE)
    if speakers:
        first = min(speakers, key=lambda who: stats[who][2])
        paragraph = int(positions.loc[positions["start_char"] == stats[first][2], "paragraph_id"].iloc[0])
        title = f"{first} speaks first (paragraph {paragraph}); {len(speakers)} speakers in all"
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


def tone_arc(sentences: pd.DataFrame, source) -> tuple:
    """Tone arc: VADER compound per sentence, quotes highlighted, paragraph starts marked.

    ``sentences`` is :func:`helpers.measure.sentiment.sentence_tone` (needs ``in_quote``). Data columns:
    sentence_id, paragraph_id, compound, tone, in_quote.
    """
    data = sentences[["sentence_id", "paragraph_id", "compound", "tone", "in_quote"]].reset_index(drop=True)
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    starts = data.loc[data["paragraph_id"].ne(data["paragraph_id"].shift()), "sentence_id"]
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
    ax.set_ylabel("VADER compound (lexical tone)")
    ax.grid(axis="x", visible=False)
    ax.legend(**_OUTSIDE)
    _finish(fig, ax, tone_arc_title(data), source)
    return fig, data


def _unscored_gaps(data: pd.DataFrame, source) -> list[tuple[int, int, str]]:
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
    """The finding of the tone arc, in two lines: which tone prevails, and the longest negative run.

    ``sentences`` has ``sentence_id``, ``paragraph_id`` and ``tone`` (text order). The first line
    names the majority label ("Most sentences read neutral") or, with no majority, says no tone
    prevails, with the counts; the second gives the longest run of consecutive negative sentences
    and its paragraphs (a gap in sentence ids, such as a pull quote left out, ends a run).
    """
    n = len(sentences)
    if not n:
        return "No sentences to score"
    counts = sentences["tone"].value_counts()
    pos, neu, neg = (int(counts.get(t, 0)) for t in ("positive", "neutral", "negative"))
    label, top = max((("positive", pos), ("neutral", neu), ("negative", neg)), key=lambda kv: kv[1])
    tally = f"{pos} positive, {neu} neutral, {neg} negative of {n} sentences"
    if top * 2 > n:
        first = f"Lexical tone: most sentences read {label} ({tally})"
    else:
        first = f"Lexical tone: no tone has a majority ({tally})"
    if not neg:
        return first + "\nNo sentence reads negative"
    runs = _negative_runs(sentences)
    length = max(size for size, _, _ in runs)
    if length == 1:
        return first + "\nNegative sentences stand alone: never two in a row"
    longest = [(a, b) for size, a, b in runs if size == length]
    a, b = longest[0]
    where = f"paragraph {a}" if a == b else f"paragraphs {a}-{b}"
    if len(longest) == 1:
        return first + f"\nThe longest negative run: {length} sentences in a row, in {where}"
    return first + f"\n{len(longest)} negative runs of {length} sentences in a row, the first in {where}"


def speaker_tone_chart(tone: pd.DataFrame, source) -> tuple:
    """Bars: mean VADER compound of each speaker's own words, with the number of statements.

    ``tone`` is :func:`helpers.measure.sentiment.speaker_tone`; speakers keep its order, top to bottom. Data
    columns: speaker, n_statements, mean_compound, n_positive, n_neutral, n_negative.
    """
    data = tone[["speaker", "n_statements", "mean_compound", "n_positive", "n_neutral", "n_negative"]]
    data = data.reset_index(drop=True)
    fig, ax = _figure(len(data))
    _top_down(ax)
    colours = [TONE_COLOURS[tone_label(v)] for v in data["mean_compound"]]
    ax.barh(data["speaker"], data["mean_compound"], color=colours, height=0.6)
    for y, (v, n) in enumerate(zip(data["mean_compound"], data["n_statements"])):
        ax.text(v, y, f" n={n} ", va="center", ha="left" if v >= 0 else "right", fontsize=7)
    ax.axvline(0, color="#999999", linewidth=0.6)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of the speaker's statements (lexical tone, not a fact)")
    ax.set_ylabel("speaker")
    if len(data):
        best = data["mean_compound"].max()
        top = data[data["mean_compound"] == best]
        if len(top) == 1:
            row = top.iloc[0]
            title = f"{row['speaker']}'s words read most positive (mean {best:+.2f}, n={row['n_statements']})"
        else:
            who = " and ".join(f"{r.speaker} (n={r.n_statements})" for r in top.itertuples())
            title = f"{who} read most positive (mean {best:+.2f} each)"
    else:
        title = "No statements to score"
    _finish(fig, ax, title, source)
    return fig, data


def entity_sentiment_chart(summary: pd.DataFrame, source, top: int = 12) -> tuple:
    """Stacked bars: polarity of the local context of each entity's mentions (counts per label).

    ``summary`` is :func:`helpers.measure.sentiment.entity_sentiment_summary`. Data columns: canonical,
    n_mentions, n_positive, n_neutral, n_negative.
    """
    data = summary.sort_values(["n_mentions", "canonical"], ascending=[False, True]).head(top)
    data = data[["canonical", "n_mentions", "n_negative", "n_neutral", "n_positive"]]
    data = data.iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(len(data))
    left = np.zeros(len(data))
    for tone in ("negative", "neutral", "positive"):
        ax.barh(data["canonical"], data[f"n_{tone}"], left=left, color=TONE_COLOURS[tone], label=tone, height=0.6)
        left += data[f"n_{tone}"].to_numpy(dtype=float)
    ax.set_xlabel("mentions, by polarity of their local context")
    ax.set_ylabel("entity")
    ax.legend(**_OUTSIDE)
    ax.xaxis.get_major_locator().set_params(integer=True)
    neg = data.assign(frac=data["n_negative"] / data["n_mentions"].clip(lower=1))
    neg = neg[neg["n_negative"] > 0].sort_values(["n_negative", "frac"], ascending=False, kind="stable")
    if len(neg):
        row = neg.iloc[0]
        title = (f"{row['canonical']} has the most mentions in negative contexts "
                 f"({row['n_negative']} of its {row['n_mentions']})")
    else:
        title = "No entity is mentioned in a negative context"
    _finish(fig, ax, title, source)
    return fig, data


# ---------------------------------------------------------------------------------------------
# Topics (notebook 06)
# ---------------------------------------------------------------------------------------------


def keyphrase_chart(phrases: pd.DataFrame, source, top: int = 15) -> tuple:
    """Horizontal bars: the top keyphrases by score. Data columns: phrase, count, score."""
    data = phrases.head(top)[["phrase", "count", "score"]].iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(len(data))
    ax.barh(data["phrase"], data["score"], color=KIND_COLOURS["direct"], height=0.6)
    for y, (s, n) in enumerate(zip(data["score"], data["count"])):
        ax.text(s, y, f" ×{n}", va="center", fontsize=7)
    ax.set_xlabel("keyphrase score (count × sentence-level IDF)")
    ax.set_ylabel("keyphrase")
    if len(data):
        lead = [f"\u201c{p}\u201d" for p in data["phrase"].iloc[::-1].head(3)]
        title = (", ".join(lead[:-1]) + " and " + lead[-1] if len(lead) > 1 else lead[0]) + " lead the keyphrases"
    else:
        title = "No keyphrases found"
    _finish(fig, ax, title, source)
    return fig, data


def theme_paragraph_heatmap(flow: pd.DataFrame, themes: pd.DataFrame, source,
                            paragraphs: list[int] | None = None) -> tuple:
    """Heatmap: theme (rows) x paragraph (columns), cell = how many of the paragraph's sentences are in the theme.

    ``flow`` is :func:`helpers.measure.topics.theme_flow` (index theme_id, columns paragraph_id: only the
    paragraphs that hold a themed sentence); ``themes`` is ``ThemeModel.themes`` (for labels).
    ``paragraphs`` are the paragraph ids to show as columns, in order; by default every paragraph
    from the first to the last paragraph of the article text (``source.paragraphs`` without
    navigation and boilerplate lines) or, without an Article, from the first to the last column of
    ``flow``. So the x axis counts paragraphs evenly: a paragraph with no themed sentence (a caption,
    a dateline, a pull quote, or only sentences that fit no theme) is a hatched empty column, named
    in a note under the chart. Each cell shows its count; the colour bar has one colour per count.

    Data: the tidy long form of the plotted matrix, one row per theme and column: theme_id, label,
    paragraph_id, n_sentences (0 in an empty column), themed_paragraph (False for a hatched column).
    """
    labels = themes.set_index("theme_id")["label"]
    columns = _flow_columns(flow, source) if paragraphs is None else list(paragraphs)
    columns = sorted(set(int(c) for c in columns) | set(int(c) for c in flow.columns))
    themed = {int(c) for c in flow.columns}
    full = flow.reindex(columns=columns, fill_value=0) if len(columns) else flow
    counts = full.to_numpy(dtype=float)
    top = int(counts.max()) if counts.size else 0
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.45 * max(len(flow), 1) + 1.5))
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
        ax.add_patch(Rectangle((j - 0.5, -0.5), 1, max(len(full), 1), facecolor="#f1f3f5", edgecolor="#ced4da",
                               hatch="////", linewidth=0))
    for (i, j), v in np.ndenumerate(counts):
        if v and columns[j] in themed:
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=6,
                    color="white" if v > top / 2 else "#333333")
    ax.set_yticks(range(len(full)), [f"{t}: {labels.get(t, '')}" for t in full.index])
    ax.set_xticks(range(len(columns)), [str(c) for c in columns], fontsize=6)
    ax.set_xlabel("paragraph (numbered from the top of the page; a column for each from the headline on)")
    ax.set_ylabel("theme")
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="sentences of the paragraph\nin the theme", fraction=0.03, pad=0.02,
                 ticks=_count_ticks(counts))
    roles = _paragraph_roles(source)
    if empty:
        named = ", ".join(f"{columns[j]}: {_gap_name(roles.get(columns[j]))}" for j in empty)
        fig.text(0.01, 0.04, f"Hatched columns: paragraphs without a sentence in any theme ({named}).",
                 fontsize=6.5, color="#6c757d", ha="left", va="bottom", wrap=True)
    data = pd.DataFrame({
        "theme_id": np.repeat(full.index.to_numpy(), len(columns)),
        "label": np.repeat([labels.get(t, "") for t in full.index], len(columns)),
        "paragraph_id": np.tile(columns, len(full)),
        "n_sentences": counts.astype(int).ravel(),
        "themed_paragraph": np.tile([c in themed for c in columns], len(full)),
    })
    if len(flow):
        spread = (flow > 0).sum(axis=1).sort_values(ascending=False, kind="stable")
        t = spread.index[0]
        title = (f"Theme \u201c{labels.get(t, t)}\u201d runs through {int(spread.iloc[0])} of "
                 f"{len(flow.columns)} themed paragraphs")
    else:
        title = "No themes"
    _finish(fig, ax, title, source, bottom=0.09 if empty else 0.04)
    return fig, data


def _flow_columns(flow: pd.DataFrame, source) -> list[int]:
    """Every paragraph id from the first to the last paragraph of the article text (navigation and
    boilerplate lines left out) when ``source`` is an Article, else from the first to the last
    column of ``flow``."""
    ids = [int(c) for c in flow.columns]
    if hasattr(source, "paragraphs"):
        p = source.paragraphs
        text = [int(i) for i, r in zip(p["paragraph_id"], p["role"].astype(str))
                if r not in ("navigation", "boilerplate")]
        ids = ids + text
    return list(range(min(ids), max(ids) + 1)) if ids else []


def _gap_name(role: str | None) -> str:
    """What an empty column of the theme flow is: its page part, or a paragraph of only unthemed sentences."""
    return role.replace("_", " ") if role and role != "body" else "no sentence with a theme"


def _paragraph_roles(source) -> dict[int, str]:
    if not hasattr(source, "paragraphs"):
        return {}
    p = source.paragraphs
    return dict(zip(p["paragraph_id"].astype(int).tolist(), p["role"].astype(str).tolist()))


def speaker_theme_heatmap(matrix: pd.DataFrame, themes: pd.DataFrame, source) -> tuple:
    """Heatmap: speaker (rows) x theme (columns), cell = statements of the speaker on the theme.

    ``matrix`` is :func:`helpers.measure.topics.speaker_themes`. Data: the tidy long form of the matrix.
    """
    labels = themes.set_index("theme_id")["label"]
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 1.4 + 0.4 * max(len(matrix), 1)))
    values = matrix.to_numpy(dtype=float)
    im = ax.imshow(values if values.size else np.zeros((1, 1)), aspect="auto", cmap="Blues", vmin=0,
                   vmax=max(values.max() if values.size else 0, 1))
    ax.set_yticks(range(len(matrix)), list(matrix.index))
    ax.set_xticks(range(len(matrix.columns)), [f"{t}: {labels.get(t, '')}" for t in matrix.columns],
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
        top = values.max()
        cells = [(matrix.index[i], labels.get(matrix.columns[j], matrix.columns[j]))
                 for i, j in zip(*np.nonzero(values == top))]
        quoted = [f"\u201c{label}\u201d" for _, label in cells]
        if len(cells) == 1:
            title = f"{cells[0][0]} talks most about {quoted[0]} ({top:g} statements)"
        elif len({who for who, _ in cells}) == 1:
            title = f"{cells[0][0]} talks most about {' and '.join(quoted)} ({top:g} statements each)"
        else:
            title = f"Most statements on one theme: {top:g}, by " + ", ".join(
                f"{who} ({q})" for (who, _), q in zip(cells, quoted))
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


def _negative_runs(sentences: pd.DataFrame) -> list[tuple[int, int, int]]:
    """Runs of consecutive negative sentences: (length, first paragraph, last paragraph), in text order.

    Consecutive means adjacent sentence ids: a sentence left out of the frame ends a run.
    """
    runs: list[list[int]] = []
    previous = None
    for sid, para, tone in zip(sentences["sentence_id"], sentences["paragraph_id"], sentences["tone"]):
        if tone == "negative":
            if runs and previous is not None and previous[1] == "negative" and sid == previous[0] + 1:
                runs[-1][0] += 1
                runs[-1][2] = int(para)
            else:
                runs.append([1, int(para), int(para)])
        previous = (sid, tone)
    return [tuple(r) for r in runs]


def _figure(n_rows: int):
    """A figure whose height grows with the number of bars, so labels never overlap."""
    use_style()
    return plt.subplots(figsize=(7.5, 1.4 + 0.32 * max(n_rows, 2)))


def _finish(fig, ax, title: str, source, bottom: float = 0.04) -> None:
    ax.set_title(title)
    fig.text(0.01, 0.005, source_line(source), fontsize=6.5, color="#6c757d", ha="left", va="bottom")
    with contextlib.suppress(Exception):
        fig.tight_layout(rect=(0, bottom, 1, 1))


def _count_ticks(values) -> list[int]:
    """Whole-number colour-bar ticks for a matrix of counts (at most about six)."""
    top = int(np.max(values)) if np.size(values) else 1
    step = max(1, -(-top // 5))
    return list(range(0, top + 1, step))


def _leader_title(data: pd.DataFrame, column: str, noun: str) -> str:
    if not len(data) or data[column].sum() == 0:
        return f"No {noun}"
    total = int(data[column].sum())
    best = int(data[column].max())
    leaders = data.loc[data[column] == best, "speaker"].sort_values().tolist()
    if len(leaders) > 1:
        return f"{' and '.join(leaders)} make the most {noun}: {best} of {total} each ({best / total:.0%})"
    return f"{leaders[0]} makes {best} of {total} {noun} ({best / total:.0%})"

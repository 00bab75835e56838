"""The findings of one article in words, and the HTML report.

The scores come from :func:`helpers.pipeline.measure` (a :class:`~helpers.pipeline.Findings`); this
module only phrases and shows them. :func:`findings_text` phrases the key numbers as sentences
computed from the frames, so the report stays true when the article or the extractors change;
:func:`headlines` is the part the report leads with, and :func:`quote_findings` and
:func:`entity_findings` phrase the findings of notebooks 02 and 03 with the same sentence builders.
:func:`write_report` writes the one-page HTML report (findings, key tables, the figures of
:data:`KEY_FIGURES` embedded) that a journalist can attach; it has no code cells, no timestamp and
no machine path.
"""

from __future__ import annotations

__all__ = [
    "SECTIONS", "KEY_FIGURES", "paragraph", "findings_text", "headlines", "quote_findings",
    "entity_findings", "write_report",
]

import base64
import html
import textwrap
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.measure import sentiment, share, topics
from helpers.pipeline import Analysis, Findings
from helpers.present import display
from helpers.storage import write_text


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
    ("topics-flow", "Themes along the article: sentences of each paragraph in each theme "
                    "(hatched: no themed sentence)"),
    ("topics-speakers", "Who talks about which theme"),
]


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

    Who makes the most statements, who is named but never quoted, the lexical tone of the
    sentences, and the largest theme.
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
    out = [f"The quote engine found {len(quotes)} statement{_s(len(quotes))}: {_and(parts)}."]
    out += _share_sentences(share.speaker_share(classified, analysis.entities), share.unique_sources(classified))
    how = quotes["attribution"].astype(str).value_counts()
    order = {a: i for i, a in enumerate(_ATTRIBUTION_WORDS)}
    ranked = sorted(how[how > 0].items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    out.append("How the speaker of each statement was found: "
               + _and([f"{int(n)} {_ATTRIBUTION_WORDS.get(a, a)}" for a, n in ranked]) + ".")
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
    out = [f"{len(entities)} entities are mentioned {n_mentions} time{_s(n_mentions)}: {_and(listed)}."]
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


def write_report(f: Findings, figures: list[tuple[str, str]], path: Path | str | None = None,
                 figures_dir: Path | str | None = None) -> Path:
    """Write the HTML report to ``path`` (default ``reports/<article_id>.html``); return the path.

    ``figures`` is a list of ``(name, caption)`` of figures already saved by
    :func:`helpers.present.charts.save_figure` in ``figures_dir`` (default ``reports/figures``); their PNGs
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
        _table(f.speaker_tone, ["speaker", "n_statements", "mean_compound", "tone", "n_positive", "n_neutral",
                                "n_negative"]),
        "<h2>Themes</h2>",
        _table(f.themes.themes, ["theme_id", "label", "top_terms", "n_sentences", "representative_sentence"]),
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
    write_text(out, "\n".join(parts) + "\n")
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
    st = sentiment.tone_summary(f.sentence_tone)
    out.append(
        f"Lexical tone (VADER) of the {st['n']} prose sentences: {st['positive']} positive, {st['neutral']} neutral, "
        f"{st['negative']} negative; mean compound {st['mean_compound']:+.2f}. This measures word choice, not facts.",
        key=True,
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
    """Who makes the most statements, and who has the most words in quotation marks.

    ``sh`` is :func:`helpers.measure.share.speaker_share`, ``sources`` :func:`helpers.measure.share.unique_sources`.
    """
    if not len(sh):
        return ["No attributed statements were found."]
    n_people = int((sources["speaker_type"].astype(str).str.upper() == "PERSON").sum())
    most = int(sh["n_statements"].max())
    leaders = sh.loc[sh["n_statements"] == most, "speaker"].tolist()
    pct = most / sh["n_statements"].sum()
    lead = (f"{leaders[0]} makes the most, {most} ({pct:.0%})" if len(leaders) == 1
            else f"{_and(leaders)} make the most, {most} each ({pct:.0%} each)")
    out = [f"{len(sh)} sources make {int(sh['n_statements'].sum())} attributed statements "
           f"({n_people} of the sources are people); {lead}."]
    words = int(sh["n_quoted_words"].max())
    if words:
        leaders = sh.loc[sh["n_quoted_words"] == words, "speaker"].tolist()
        total = int(sh["n_quoted_words"].sum())
        who = f"{leaders[0]} has" if len(leaders) == 1 else f"{_and(leaders)} each have"
        out.append(f"{who} the largest share of the words inside quotation marks: "
                   f"{words} of {total} ({words / total:.0%}).")
    return out


def _silent_sentence(people: pd.DataFrame) -> str | None:
    """The people named but never quoted (``people`` is :func:`helpers.measure.share.mentioned_vs_quoted`), or None."""
    silent = people[~people["quoted"]]
    if not len(silent):
        return None
    names = ", ".join(f"{r.canonical} ({r.n_mentions} mention{_s(r.n_mentions)})" for r in silent.itertuples())
    return f"Named but never quoted: {names}."


def _exclusion_sentence(exclusions: pd.DataFrame) -> str | None:
    """What speaker share leaves out (``exclusions`` is :func:`helpers.measure.share.quote_exclusions`), or None."""
    if not len(exclusions):
        return None
    labels = {"pull quote": "pull quote (display copy of a body quote)",
              "inside": "quoted fragment inside the same speaker's reported clause",
              "no speaker": "quote with no speaker"}
    reasons = exclusions["reason"].map(lambda r: "inside" if r.startswith("inside") else r).value_counts()
    listed = "; ".join(f"{n} {labels.get(r, r)}" for r, n in sorted(reasons.items()))
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
    return _and(parts)


def _s(n: int) -> str:
    return "" if n == 1 else "s"


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


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
    "share_statements": "Share of statements", "share_quoted_words": "Share of quoted words",
    "first_paragraph": "First speaks in paragraph", "mean_compound": "Mean tone (\u22121 to +1)",
    "n_positive": "Positive", "n_neutral": "Neutral", "n_negative": "Negative", "tone": "Tone (label)",
    "theme_id": "Theme", "label": "Theme label",
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
            # three decimals: the neutral band ends at +-0.05, and 0.047 must not read "+0.05"
            shown[c] = shown[c].map(lambda v: f"{v:+.3f}" if pd.notna(v) else v)
    shown = display.reader_table(shown).rename(columns=_HEADERS)
    return shown.to_html(index=False, border=0, escape=True)

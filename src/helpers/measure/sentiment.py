"""Sentiment as lexical tone: VADER scores of sentences and quotes, and polarity toward entities.

Everything here is *lexical tone*: VADER adds up the valence of the words in a span. It says
whether the words are positive or negative, not whether the news is good or bad, and not what
the writer thinks. Report it with its counts ("4 of 31 sentences score negative"), never as fact.

Three measures, kept apart on purpose:

1. :func:`sentence_tone` and :func:`quote_tone` - VADER compound of every sentence (the tone arc
   of the article) and of every quote.
2. :func:`speaker_tone` - the tone of each speaker's *own words*: the mean over their counted
   statements (pull quotes and embedded fragments counted once, as in :mod:`helpers.measure.share`).
3. :func:`entity_sentiment` - sentiment *toward* each entity, scored on the local context of each
   mention (its clause and dependency neighbourhood, negation-aware) by
   :mod:`helpers.measure.target_sentiment`. A person's own quotes do not enter it.

Labels: ``positive`` when compound >= 0.05, ``negative`` when compound <= -0.05, else
``neutral`` (the thresholds VADER's authors recommend).

``sentence_tone`` columns: article_id, sentence_id, paragraph_id, role, text, n_words, compound,
neg, neu, pos (VADER proportions), tone (label), quote_kind (kind of the quote the sentence
holds: direct > partial > indirect; missing when it holds none, shown as an em dash in reader tables),
in_quote (holds words inside quotation marks).

``quote_tone`` columns: quote_id, article_id, speaker_id, speaker, co_speakers (the other speakers
of a joint statement, a list), kind, paragraph_id, start_char, text, n_words, compound, tone,
counted (True unless a pull quote / embedded fragment / no speaker).

``speaker_tone`` columns: article_id, speaker_id (missing for a speaker that is not an entity, as
in :mod:`helpers.measure.share`), speaker, n_statements, mean_compound, n_positive, n_neutral, n_negative,
tone (label of the mean); speakers in the one speaker order of :mod:`helpers.measure.share`.

``entity_sentiment`` columns (one row per mention): article_id, mention_id, entity_id, canonical,
label (NER label), sentence_id, text, polarity (positive/neutral/negative), polarity_score.

``entity_sentiment_summary`` columns (one row per entity): article_id, entity_id, canonical,
label, n_mentions, n_positive, n_neutral, n_negative, mean_polarity_score, polarity (label of
the majority of non-neutral mentions, ``neutral`` on a tie or none).

Each frame function has a ``*_columns`` twin (:func:`sentence_tone_columns`, :func:`quote_tone_columns`,
:func:`speaker_tone_columns`, :func:`entity_sentiment_columns`, :func:`entity_sentiment_summary_columns`)
that returns the same columns as plain lists, ``{column: values}``, and also reads its input as such
(a frame's columns, missing values as ``None`` or ``NaN``). The frame functions are built on them, so
both give the same rows and values; the corpus workers use the twins, because building a pandas frame
per article only to read it back as lists cost them more than the scores themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from spacy.tokens import Doc

from helpers.ingest.article import PROSE_ROLES
from helpers.measure import share, vader
from helpers.measure.target_sentiment import mention_polarities
from helpers.tables import column_values

__all__ = [
    "POSITIVE", "NEGATIVE", "tone_label", "score_text", "sentence_tone", "quote_tone", "speaker_tone", "tone_summary",
    "entity_sentiment", "entity_sentiment_summary", "TONE_TOWARD_LABELS", "people_and_organisations",
    "sentence_tone_columns", "quote_tone_columns", "speaker_tone_columns", "entity_sentiment_columns",
    "entity_sentiment_summary_columns",
]

#: VADER's authors' thresholds: a compound at or above POSITIVE reads positive, at or below NEGATIVE
#: negative. A wider band calls more sentences neutral; a narrower one gives a label to a single
#: mildly coloured word.
POSITIVE = 0.05
NEGATIVE = -0.05
_QUOTE_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}


def tone_label(compound: float) -> str:
    """``positive`` / ``neutral`` / ``negative`` for a VADER compound score."""
    if compound >= POSITIVE:
        return "positive"
    if compound <= NEGATIVE:
        return "negative"
    return "neutral"


def score_text(text: str | None) -> dict:
    """VADER scores of ``text`` (None reads as ""): ``{"neg", "neu", "pos", "compound"}``."""
    return vader.polarity_scores(text or "")


def sentence_tone(sentences: pd.DataFrame, quotes: pd.DataFrame | None = None,
                  roles: tuple[str, ...] | None = PROSE_ROLES) -> pd.DataFrame:
    """Tone of every sentence of the sentences frame; ``quotes`` (optional) marks sentences with quotes.

    ``roles`` keeps sentences of those paragraph roles: by default the article's prose (headline,
    standfirst, body), leaving out navigation, captions, datelines and the pull quote (a copy of
    body text); ``None`` keeps all. Returns the columns listed in the module docstring, one row
    per sentence, in text order.
    """
    kept = sentences if roles is None else sentences[sentences["role"].isin(roles)]
    kept = kept.reset_index(drop=True)
    data = {c: kept[c] for c in _SENTENCE_FIELDS if c in kept}
    data.update(_sentence_scores(kept, quotes))
    return pd.DataFrame(data)


def sentence_tone_columns(sentences: Mapping[str, Sequence], quotes: Mapping[str, Sequence] | pd.DataFrame | None = None,
                          roles: tuple[str, ...] | None = PROSE_ROLES) -> dict[str, list]:
    """:func:`sentence_tone` as plain lists, from the sentences frame's columns as plain lists."""
    role = column_values(sentences, "role")
    rows = range(len(role)) if roles is None else [i for i, r in enumerate(role) if r in roles]
    data = {}
    for c in _SENTENCE_FIELDS:
        if c in sentences:
            values = sentences[c]
            data[c] = [values[i] for i in rows]
    data.update(_sentence_scores({c: [sentences[c][i] for i in rows] for c in ("text", "start_char", "end_char")},
                                 quotes))
    return data


def quote_tone(quotes: pd.DataFrame | share.ClassifiedQuotes) -> pd.DataFrame:
    """Tone of every quote of the quotes frame, flagged ``counted`` as in :mod:`helpers.measure.share`."""
    return _frame(quote_tone_columns(quotes))


def quote_tone_columns(quotes: pd.DataFrame | share.ClassifiedQuotes) -> dict[str, list]:
    """:func:`quote_tone` as plain lists."""
    classified = share.classify(quotes)
    rows = classified.rows
    data = {c: [r[c] for r in rows] for c in _QUOTE_FIELDS}
    data["compound"] = [score_text(t)["compound"] for t in data["text"]]
    data["tone"] = [tone_label(c) for c in data["compound"]]
    data["counted"] = [q not in classified.reasons for q in data["quote_id"]]
    return data


def speaker_tone(quotes_with_tone: pd.DataFrame) -> pd.DataFrame:
    """Mean tone of each speaker's own counted statements, with counts per label.

    ``quotes_with_tone`` is :func:`quote_tone`. A joint statement counts for each of its speakers
    (:func:`helpers.measure.share.credited`). Speakers in the one speaker order of
    :func:`helpers.measure.share.speaker_sort_key` (most statements, then most words, then first to speak).
    """
    return _frame(speaker_tone_columns(quotes_with_tone))


def speaker_tone_columns(quotes_with_tone: pd.DataFrame | Mapping[str, Sequence]) -> dict[str, list]:
    """:func:`speaker_tone` as plain lists; ``quotes_with_tone``: :func:`quote_tone` or :func:`quote_tone_columns`."""
    cols = ["article_id", "speaker_id", "speaker", "n_statements", "mean_compound", "n_positive", "n_neutral",
            "n_negative", "tone"]
    q = quotes_with_tone
    fields = ["article_id", "speaker_id", "speaker", "co_speakers", "compound", "tone", "start_char", "counted",
              "n_words"]
    n = _n_rows(q)
    records = [dict(zip(fields, values)) for values in zip(*(column_values(q, c) if c in q else [None] * n
                                                            for c in fields))]
    counted = []
    for r in records:
        if r["counted"]:
            r["who"] = share.speaker_who(r["speaker_id"], r["speaker"])
            r["n_words"] = int(r["n_words"])
            counted.append(r)
    credits = share.credited(counted)
    keys = share.speaker_keys(((r["article_id"], r["who"]), r["n_words"], r["start_char"]) for r in credits)
    speakers: dict = {}
    for r in credits:
        s = speakers.setdefault((r["article_id"], r["who"]), {
            "article_id": r["article_id"], "speaker_id": r["speaker_id"], "speaker": r["speaker"], "sum": 0.0,
            "n_statements": 0, "n_positive": 0, "n_neutral": 0, "n_negative": 0})
        s["n_statements"] += 1
        s["sum"] += r["compound"]
        s[f"n_{r['tone']}"] += 1
    for s in speakers.values():
        s["mean_compound"] = s["sum"] / s["n_statements"]
        s["tone"] = tone_label(s["mean_compound"])
    order = sorted(speakers, key=lambda key: (key[0], keys[key]))
    return {c: [speakers[key][c] for key in order] for c in cols}


def tone_summary(tone: pd.DataFrame) -> dict:
    """Counts of a tone frame (sentences or quotes): ``{"n", "positive", "neutral", "negative", "mean_compound"}``."""
    counts = tone["tone"].value_counts()
    return {
        "n": int(len(tone)),
        "positive": int(counts.get("positive", 0)),
        "neutral": int(counts.get("neutral", 0)),
        "negative": int(counts.get("negative", 0)),
        "mean_compound": round(float(tone["compound"].mean()), 4) if len(tone) else 0.0,
    }


def entity_sentiment(doc: Doc, mentions: pd.DataFrame) -> pd.DataFrame:
    """Polarity toward each mention, from its local context in ``doc`` (one row per mention).

    ``mentions`` is the mentions frame of :mod:`helpers.extract.entities` (start_char/end_char into
    ``doc.text``). Scoring is :func:`helpers.measure.target_sentiment.mention_polarities`.
    """
    mentions = mentions.reset_index(drop=True)
    data = {c: mentions[c] for c in _MENTION_FIELDS if c in mentions}
    data.update(_mention_polarities(doc, mentions))
    return pd.DataFrame(data)


def entity_sentiment_columns(doc: Doc, mentions: Mapping[str, Sequence]) -> dict[str, list]:
    """:func:`entity_sentiment` as plain lists, from the mentions frame's columns as plain lists."""
    data = {c: list(mentions[c]) for c in _MENTION_FIELDS if c in mentions}
    data.update(_mention_polarities(doc, mentions))
    return data


def entity_sentiment_summary(mention_sentiment: pd.DataFrame) -> pd.DataFrame:
    """Per entity: mentions and how many of them sit in positive / neutral / negative contexts.

    Most mentioned first. ``polarity`` is the label with more mentions among positive and
    negative (``neutral`` on a tie, or when every mention is neutral).
    """
    return _frame(entity_sentiment_summary_columns(mention_sentiment))


def entity_sentiment_summary_columns(mention_sentiment: pd.DataFrame | Mapping[str, Sequence]) -> dict[str, list]:
    """:func:`entity_sentiment_summary` as plain lists; ``mention_sentiment``: :func:`entity_sentiment`
    or :func:`entity_sentiment_columns`."""
    cols = ["article_id", "entity_id", "canonical", "label", "n_mentions", "n_positive", "n_neutral",
            "n_negative", "mean_polarity_score", "polarity"]
    m = mention_sentiment
    fields = ["article_id", "entity_id", "canonical", "label", "polarity", "polarity_score"]
    entities: dict = {}
    for art, eid, name, label, pol, score in zip(*(column_values(m, c) for c in fields)):
        e = entities.setdefault((art, eid), {"article_id": art, "entity_id": eid, "canonical": name, "label": label,
                                             "n_mentions": 0, "n_positive": 0, "n_neutral": 0, "n_negative": 0,
                                             "sum": 0.0})
        e["n_mentions"] += 1
        e[f"n_{pol}"] += 1
        e["sum"] += score
    out = list(entities.values())
    for e in out:
        e["mean_polarity_score"] = e["sum"] / e["n_mentions"]
        p, n = e["n_positive"], e["n_negative"]
        e["polarity"] = "positive" if p > n else "negative" if n > p else "neutral"
    out.sort(key=lambda e: (e["article_id"], -e["n_mentions"], e["canonical"]))
    return {c: [e[c] for e in out] for c in cols}


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------


#: The columns :func:`sentence_tone` takes from the sentences frame, :func:`quote_tone` from the quotes and
#: :func:`entity_sentiment` from the mentions, in the order of the frames.
_SENTENCE_FIELDS = ("article_id", "sentence_id", "paragraph_id", "role", "text", "n_words")
_QUOTE_FIELDS = ("quote_id", "article_id", "speaker_id", "speaker", "co_speakers", "kind", "paragraph_id", "start_char",
                 "text", "n_words")
_MENTION_FIELDS = ("article_id", "mention_id", "entity_id", "canonical", "label", "sentence_id", "text")


def _frame(columns: dict[str, list]) -> pd.DataFrame:
    """The frame of ``columns`` (``{column: values}``), built from its rows: pandas infers each column's
    dtype as it does for rows (an empty frame keeps ``object`` columns)."""
    return pd.DataFrame(list(zip(*columns.values())), columns=list(columns))


def _n_rows(table) -> int:
    """Rows of a frame, or of a frame's columns given as ``{column: values}``."""
    if isinstance(table, pd.DataFrame):
        return len(table)
    return len(next(iter(table.values()), ()))


def _sentence_scores(sentences, quotes) -> dict[str, list]:
    """The score columns of :func:`sentence_tone` (compound ... in_quote) of the sentences ``sentences``
    (a frame or its columns: text, start_char, end_char)."""
    scores = [score_text(t) for t in column_values(sentences, "text")]
    data = {key: [sc[key] for sc in scores] for key in ("compound", "neg", "neu", "pos")}
    data["tone"] = [tone_label(sc["compound"]) for sc in scores]
    kinds = _quote_kind_per_sentence(column_values(sentences, "start_char"), column_values(sentences, "end_char"),
                                     quotes)
    data["quote_kind"] = kinds
    data["in_quote"] = [k in ("direct", "partial") for k in kinds]
    return data


def _mention_polarities(doc: Doc, mentions) -> dict[str, list]:
    """The columns polarity and polarity_score of :func:`entity_sentiment` (``mentions``: a frame or its columns)."""
    spans = list(zip(map(int, column_values(mentions, "start_char")), map(int, column_values(mentions, "end_char"))))
    results = mention_polarities(doc, spans) if spans else []
    return {"polarity": [r["label"] for r in results], "polarity_score": [float(r["score"]) for r in results]}


def _quote_kind_per_sentence(starts: list[int], ends: list[int], quotes) -> list:
    """For each sentence (its ``starts`` and ``ends``), the strongest kind of quote overlapping it (or None).

    Every quote counts here, also fragments inside reported speech: the question is whether the
    sentence holds quoted words, not who gets credit for them.
    """
    kinds: list = [None] * len(starts)
    if quotes is None or not _n_rows(quotes):
        return kinds
    spans = sorted(zip(column_values(quotes, "start_char"), column_values(quotes, "end_char"),
                       map(str, column_values(quotes, "kind"))),
                   key=lambda q: _QUOTE_KIND_RANK.get(q[2], 9))
    for i, (s, e) in enumerate(zip(starts, ends)):
        for qs, qe, kind in spans:
            if qs < e and s < qe:  # overlap
                kinds[i] = kind
                break
    return kinds


#: The NER labels whose tone the headlines and the tone-toward chart give: people and organisations
#: (the target model was trained on news sentences about them; places and dates are left to the table).
TONE_TOWARD_LABELS = ("PERSON", "ORG")


def people_and_organisations(summary: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`entity_sentiment_summary` (or of any frame with a ``label`` column) about
    people and organisations (:data:`TONE_TOWARD_LABELS`), in the same order."""
    return summary[summary["label"].astype(str).isin(TONE_TOWARD_LABELS)]

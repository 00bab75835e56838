"""The corpus frames: their documented columns, and how one article's analysis fills them.

The corpus command writes six frames, each a parquet dataset ``DIR/<frame>/part-*.parquet`` with
the fixed column types below (so that every part, and pandas, pyarrow and dask, read them alike).
Every row carries ``article_id``; rows keep ``start_char``/``end_char`` into the article's text
where they point into it. Per-article frames are the ones of :func:`helpers.pipeline.measure`
(their modules document each column in full); this module only joins the scores onto the rows
they score.

A missing value (no speaker id, a sentence without a quote, no published date) is null; in
pandas it reads as ``None``/``NaN``/``NaT``. List columns read as lists (numpy arrays in pandas).
"""

from __future__ import annotations

import datetime as _dt

import pandas as pd
import pyarrow as pa

from helpers.ingest.tokens import count_words
from helpers.measure.share import speaker_who
from helpers.tables import is_missing

__all__ = ["FRAMES", "FRAME_NAMES", "ARTICLE_STATUSES", "schema", "columns_table", "parse_date", "article_frames",
           "failed_frames", "chunk_tables", "frame_columns"]

_TYPES = {
    "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
    "list[str]": pa.list_(pa.string()), "list[int]": pa.list_(pa.int64()),
}

#: ``ok``: analysed; ``failed``: could not be read or analysed (``error`` says why).
ARTICLE_STATUSES = ("ok", "failed")

#: Every frame: ``(column, type, meaning)`` in column order.
FRAMES: dict[str, list[tuple[str, str, str]]] = {
    "articles": [
        ("article_id", "str", "the article's id (unique in the corpus)"),
        ("source", "str", "where it came from: a file, or a JSONL/CSV file and line (file:line)"),
        ("title", "str", "title, from the source or the headline"),
        ("published", "date", "publication date (from the source, a front-matter header or a dateline)"),
        ("outlet", "str", "outlet or site name"),
        ("url", "str", "address of the original"),
        ("n_words", "int", "words of the text (helpers.ingest.tokens.count_words); 0 without a text"),
        ("n_sentences", "int", "prose sentences (rows of the sentences frame)"),
        ("n_quotes", "int", "statements found (rows of the quotes frame)"),
        ("n_statements", "int", "statements counted for speaker share (quotes.counted)"),
        ("n_speakers", "int", "speakers with a counted statement (rows of the speakers frame)"),
        ("n_entities", "int", "canonical entities (rows of the entities frame)"),
        ("keyphrases", "list[str]", "the article's top keyphrases as written, best first"),
        ("language", "str", "the loader's language flag (Article.language): en, other (not English: not "
                             "analysed, status failed), or null (too few words to tell)"),
        ("status", "str", "ok, or failed (see error)"),
        ("error", "str", "why the article failed (one line naming it), else null"),
        ("warnings", "list[str]", "things worth knowing that did not stop the analysis (the loader's "
                                   "Article.warnings, an unreadable date)"),
        ("text_hash", "str", "hash of the article as read (text, id, metadata): a changed text is re-analysed"),
    ],
    "quotes": [
        ("article_id", "str", "the article"),
        ("quote_id", "str", "q001 ... in text order within the article"),
        ("kind", "str", "direct, partial or indirect"),
        ("text", "str", "the quoted words (for indirect speech the reported clause)"),
        ("start_char", "int", "offset of text in the article's text"),
        ("end_char", "int", "end offset (exclusive)"),
        ("sentence_ids", "list[int]", "sentences the statement touches"),
        ("paragraph_id", "int", "paragraph of start_char"),
        ("cue", "str", "the speech verb or phrase as written"),
        ("cue_lemma", "str", "its lemma"),
        ("speaker_mention", "str", "the words naming the speaker at this place"),
        ("speaker", "str", "canonical speaker name; null if unknown"),
        ("co_speakers", "list[str]", "the other speakers of a joint statement (each counts it too)"),
        ("speaker_id", "str", "the speaker's entity_id in this article's entities, or null"),
        ("speaker_type", "str", "PERSON, ORG, GPE or UNKNOWN"),
        ("speaker_kind", "str", "person, organisation, group, publication or unnamed"),
        ("attribution", "str", "how the speaker was found (syntax, pronoun, ...)"),
        ("needs_review", "bool", "the speaker came from a weak strategy"),
        ("is_pull_quote", "bool", "a display copy of a body quote"),
        ("n_words", "int", "words of text"),
        ("duplicate_of", "str", "for a pull quote, the quote_id it repeats"),
        ("compound", "float", "VADER compound of text (lexical tone)"),
        ("tone", "str", "positive, neutral or negative"),
        ("counted", "bool", "counted for speaker share (not a pull quote, fragment, or speakerless)"),
        ("corrected", "bool", "changed or added by the article's corrections file (data/corrections/)"),
        ("correction", "str", "what the correction changed, or null"),
    ],
    "entities": [
        ("article_id", "str", "the article"),
        ("entity_id", "str", "e001 ... within the article"),
        ("canonical", "str", "the canonical name"),
        ("label", "str", "PERSON, ORG, GPE, ..."),
        ("variants", "list[str]", "every name form seen"),
        ("n_mentions", "int", "mentions in the article"),
        ("descriptor", "str", "what the text says the entity is, or null"),
        ("n_statements", "int", "counted statements the entity makes in the article"),
        ("quoted", "bool", "n_statements > 0"),
        ("n_positive", "int", "mentions in a positive context (tone toward the entity)"),
        ("n_neutral", "int", "mentions in a neutral context"),
        ("n_negative", "int", "mentions in a negative context"),
        ("mean_polarity_score", "float", "mean polarity score of its mentions' contexts"),
        ("polarity", "str", "label of the majority of non-neutral mentions (neutral on a tie)"),
        ("corrected", "bool", "merged, split or retyped by the article's corrections file"),
        ("correction", "str", "what the correction changed, or null"),
    ],
    "mentions": [
        ("article_id", "str", "the article"),
        ("mention_id", "str", "m0001 ... in text order"),
        ("text", "str", "the mention as written"),
        ("label", "str", "its entity's label"),
        ("start_char", "int", "offset in the article's text"),
        ("end_char", "int", "end offset (exclusive)"),
        ("sentence_id", "int", "sentence of the mention"),
        ("paragraph_id", "int", "paragraph of the mention"),
        ("entity_id", "str", "the canonical entity"),
        ("canonical", "str", "its canonical name"),
        ("polarity", "str", "tone of the mention's local context: positive, neutral or negative"),
        ("polarity_score", "float", "the score behind polarity"),
    ],
    "speakers": [
        ("article_id", "str", "the article"),
        ("speaker_id", "str", "entity_id of the speaker, or null when it is not an entity"),
        ("speaker", "str", "canonical name"),
        ("speaker_type", "str", "PERSON, ORG, GPE or UNKNOWN"),
        ("speaker_kind", "str", "person, organisation, group, publication or unnamed"),
        ("n_statements", "int", "counted statements"),
        ("n_direct", "int", "counted direct quotes"),
        ("n_partial", "int", "counted partial quotes"),
        ("n_indirect", "int", "counted indirect statements"),
        ("n_words", "int", "words in the counted statements"),
        ("n_quoted_words", "int", "words inside quotation marks"),
        ("share_statements", "float", "n_statements / the article's counted statements"),
        ("share_quoted_words", "float", "n_quoted_words / the article's quoted words"),
        ("first_paragraph", "int", "paragraph of the speaker's first statement"),
        ("n_mentions", "int", "mentions of the speaker in the article"),
        ("mean_compound", "float", "mean VADER compound of the speaker's counted statements"),
        ("tone", "str", "label of mean_compound"),
    ],
    "sentences": [
        ("article_id", "str", "the article"),
        ("sentence_id", "int", "index of the sentence in the article's parse"),
        ("paragraph_id", "int", "paragraph of the sentence"),
        ("role", "str", "headline, standfirst or body (prose sentences only)"),
        ("text", "str", "the sentence"),
        ("start_char", "int", "offset in the article's text"),
        ("end_char", "int", "end offset (exclusive)"),
        ("n_words", "int", "words of the sentence"),
        ("compound", "float", "VADER compound (lexical tone)"),
        ("neg", "float", "VADER negative proportion"),
        ("neu", "float", "VADER neutral proportion"),
        ("pos", "float", "VADER positive proportion"),
        ("tone", "str", "positive, neutral or negative"),
        ("quote_kind", "str", "the strongest kind of quote in the sentence, or null"),
        ("in_quote", "bool", "holds words inside quotation marks"),
    ],
}
FRAME_NAMES = tuple(FRAMES)


def schema(name: str) -> pa.Schema:
    """The pyarrow schema of frame ``name``."""
    return pa.schema([(c, _TYPES[t]) for c, t, _ in FRAMES[name]])


def columns_table(name: str) -> pd.DataFrame:
    """The documented columns of frame ``name``: column, type, meaning."""
    return pd.DataFrame(FRAMES[name], columns=["column", "type", "meaning"])


def parse_date(value) -> tuple[_dt.date | None, str | None]:
    """``(date, None)`` for an ISO date (``YYYY-MM-DD``, a longer timestamp is cut to its date),
    ``(None, warning)`` for anything else, ``(None, None)`` for no value."""
    if value is None or is_missing(value) or str(value).strip() == "":
        return None, None
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10]), None
    except ValueError:
        return None, f"published {str(value)[:40]!r} is not a date (YYYY-MM-DD): left empty"


# --- one article ----------------------------------------------------------------------------------


def article_frames(scores, record) -> dict[str, dict[str, list]]:
    """The six corpus frames of one analysed article as columns (``{frame: {column: values}}``, the
    columns of :data:`FRAMES`; ``scores``: :func:`helpers.corpus.work.score_article`, or the fuller
    :func:`helpers.pipeline.measure`, which gives the same frames; ``record``: its
    :class:`~helpers.corpus.sources.Record`). Plain lists, so a chunk's articles are joined and
    typed once (:func:`chunk_tables`) rather than frame by frame. The ``language`` and ``warnings``
    of the articles row are the loader's (:class:`helpers.ingest.article.Article`)."""
    from helpers.measure import share  # the counting rules of speaker share

    a = scores.analysis
    given = getattr(scores, "columns", None) or {}  # score_article's lists of the analysis frames
    q, e, m, s = (given.get(name) or frame_columns(getattr(a, name)) for name in ("quotes", "entities", "mentions",
                                                                                    "sentences"))
    qids = q.get("quote_id", [])
    quotes = _columns("quotes", q, _lookups(frame_columns(scores.quote_tone), "quote_id", ("compound", "tone", "counted"),
                                            qids))
    labels = tuple(sorted({str(v) for v in e.get("label", [])}))
    classified = getattr(scores, "classified", None)  # score_article's, else classified here
    people = share.mentioned_vs_quoted(a.entities, a.quotes if classified is None else classified, labels=labels)
    eids = e.get("entity_id", [])
    n_statements = [int(n or 0) for n in _lookups(frame_columns(people), "entity_id", ("n_statements",), eids)["n_statements"]]
    summary = _lookups(frame_columns(scores.entity_sentiment), "entity_id",
                       ("n_positive", "n_neutral", "n_negative", "mean_polarity_score", "polarity"), eids)
    for c in ("n_positive", "n_neutral", "n_negative"):
        summary[c] = [int(n or 0) for n in summary[c]]
    entities = _columns("entities", e, {
        "n_statements": n_statements, "quoted": [n > 0 for n in n_statements], **summary})
    mentions = _columns("mentions", m, _lookups(frame_columns(scores.mention_sentiment), "mention_id",
                                                ("polarity", "polarity_score"), m.get("mention_id", [])))
    sh = frame_columns(scores.share)
    speakers = _columns("speakers", sh, _speaker_extras(sh, frame_columns(scores.speaker_tone), q))
    st = frame_columns(scores.sentence_tone)
    sids = st.get("sentence_id", [])
    sentences = _columns("sentences", st, _lookups(s, "sentence_id", ("start_char", "end_char"), sids))
    article = a.article
    date, warning = parse_date(record.meta.get("published") or article.date)
    row = {
        "article_id": article.article_id, "source": record.where, "title": article.title,
        "published": date, "outlet": article.outlet, "url": article.url,
        "n_words": count_words(article.text), "n_sentences": len(sids), "n_quotes": len(qids),
        "n_statements": sum(1 for c in quotes["counted"] if c), "n_speakers": len(scores.share),
        "n_entities": len(eids), "keyphrases": frame_columns(scores.keyphrases).get("phrase", []),
        "language": article.language, "status": "ok", "error": None,
        "warnings": [*article.warnings, *([warning] if warning else [])], "text_hash": record.digest,
    }
    return {"articles": {c: [row[c]] for c, _, _ in FRAMES["articles"]}, "quotes": quotes, "entities": entities,
            "mentions": mentions, "speakers": speakers, "sentences": sentences}


def failed_frames(record, error: str, language: str | None = None,
                  warnings: list[str] | None = None) -> dict[str, dict[str, list]]:
    """The frames of an article that could not be read or analysed: one ``failed`` articles row
    (``language`` and ``warnings``: the loader's, when it got that far)."""
    meta = record.meta or {}
    date, warning = parse_date(meta.get("published") or meta.get("date"))  # a JSONL row's or a header's
    row = {
        "article_id": record.article_id, "source": record.where, "title": meta.get("title"),
        "published": date, "outlet": meta.get("outlet"), "url": meta.get("url"),
        "n_words": count_words(record.text), "n_sentences": 0, "n_quotes": 0, "n_statements": 0,
        "n_speakers": 0, "n_entities": 0, "keyphrases": [], "language": language, "status": "failed",
        "error": " ".join(str(error).split()), "warnings": [*(warnings or []), *([warning] if warning else [])],
        "text_hash": record.digest,
    }
    return {"articles": {c: [row[c]] for c, _, _ in FRAMES["articles"]}}


def chunk_tables(per_article: list[dict[str, dict[str, list]]]) -> dict[str, pa.Table]:
    """One pyarrow table per frame from the columns of many articles (:func:`article_frames`), rows in
    article order, with the types of :data:`FRAMES` (a missing value, None or NaN, becomes null)."""
    tables = {}
    for name, cols in FRAMES.items():
        arrays = []
        for col, kind, _ in cols:
            values = [v for f in per_article if name in f for v in f[name][col]]
            arrays.append(pa.array(values, type=_TYPES[kind], from_pandas=True))
        tables[name] = pa.Table.from_arrays(arrays, schema=schema(name))
    return tables


def frame_columns(frame: pd.DataFrame | dict[str, list]) -> dict[str, list]:
    """Every column of ``frame`` as a plain list, ``{column: values}``: the values of ``Series.tolist()``
    (Python scalars, the same objects for object columns), converted for the whole frame at once
    (``DataFrame.to_numpy(dtype=object)``), which costs a fraction of one conversion per column.
    Columns already given as lists (a ``dict``) are returned as they are."""
    if isinstance(frame, dict):
        return frame
    if not len(frame):
        return {c: [] for c in frame.columns}
    return dict(zip(frame.columns, frame.to_numpy(dtype=object).T.tolist()))


def _columns(name: str, base: dict[str, list], extra: dict[str, list]) -> dict[str, list]:
    """The columns of frame ``name``: from ``extra`` where given, else ``base``'s own (:func:`frame_columns`)."""
    out = {}
    for col, _, _ in FRAMES[name]:
        if col in extra:
            out[col] = extra[col]
        elif col in base:
            out[col] = base[col]
        else:
            raise KeyError(f"{name} frame: no column {col!r}")
    return out


def _lookups(right: dict[str, list], key: str, columns: tuple[str, ...], keys: list) -> dict[str, list]:
    """``{column: right[column] for each of keys looked up in right[key]}`` (None where absent);
    ``right``: a frame's columns (:func:`frame_columns`)."""
    if not right.get(key):
        return {c: [None] * len(keys) for c in columns}
    rows = {k: n for n, k in enumerate(right[key])}
    at = [rows.get(k) for k in keys]
    out = {}
    for c in columns:
        values = right[c]
        out[c] = [None if n is None else values[n] for n in at]
    return out


def _speaker_extras(share_frame: dict[str, list], tone: dict[str, list], quotes: dict[str, list]) -> dict[str, list]:
    """Each speaker's kind (of their first statement) and the mean tone of their words (each frame
    given as its columns, :func:`frame_columns`).

    A speaker is keyed as :mod:`helpers.measure.share` keys them (:func:`~helpers.measure.share.speaker_who`:
    by ``speaker_id``, or by name ignoring case when the speaker is not an entity)."""
    def key(sid, name):
        return ("id", sid) if not is_missing(sid) else ("name", speaker_who(None, None if is_missing(name) else name))

    def col(frame, c):
        return frame.get(c, [])

    kinds: dict = {}
    for sid, name, kind in zip(col(quotes, "speaker_id"), col(quotes, "speaker"), col(quotes, "speaker_kind")):
        kinds.setdefault(key(sid, name), kind)
    tones = {key(sid, name): (mean, label) for sid, name, mean, label in zip(
        col(tone, "speaker_id"), col(tone, "speaker"), col(tone, "mean_compound"), col(tone, "tone"))}
    keys = [key(s, n) for s, n in zip(col(share_frame, "speaker_id"), col(share_frame, "speaker"))]
    return {"speaker_kind": [kinds.get(k) for k in keys], "mean_compound": [tones.get(k, (None, None))[0] for k in keys],
            "tone": [tones.get(k, (None, None))[1] for k in keys]}

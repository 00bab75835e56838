"""Speaker share: who gets to speak in an article, how much, how, and where.

Input is the quotes frame of :mod:`helpers.extract.quotes` (one row per attributed statement: quote_id,
article_id, kind in {direct, partial, indirect}, text, start_char, end_char, sentence_ids,
paragraph_id, cue, cue_lemma, speaker_mention, speaker, speaker_id, speaker_type, attribution,
is_pull_quote, duplicate_of, n_words) and, for mentions, the entities frame of
:mod:`helpers.extract.entities` (article_id, entity_id, canonical, label, variants, n_mentions, descriptor).

Counting rules (the same as the gold annotation's, see ``../shared/gold/README.md`` beside the checkout):

- a pull quote (``is_pull_quote`` or a ``duplicate_of`` set) repeats a body quote: not counted;
- a partial (or direct) quote lying inside an indirect quote of the same speaker (at least half of
  its characters) is a fragment of that reported statement: the pair counts once, as the indirect
  statement;
- a statement with no resolved speaker is not given to anyone.
:func:`quote_exclusions` lists every statement left out, with the reason.

**One speaker order.** Every per-speaker frame and chart of newslens (:func:`speaker_share`,
:func:`unique_sources`, :func:`helpers.measure.sentiment.speaker_tone`, :func:`helpers.measure.topics.speaker_themes`
and the speaker charts of :mod:`helpers.present.charts`) lists speakers the same way, so that speakers with
equal counts never swap places between two views: most counted statements first, then most words in
those statements, then the one who speaks first (earliest statement in the text).
:func:`speaker_sort_key` is that rule; every view sorts by it.

**Speakers without an id.** ``speaker_id`` is the entity_id of the speaker in the entities frame. A
speaker the quote engine named but the entity resolver did not list (an organisation given by a
common noun phrase, "the city council", "local authorities") has no ``speaker_id``: the value is
missing (None), and such a speaker is grouped by its canonical name. The id is not invented because
it is a join key into the entities frame; reader tables show the missing value as an em dash
(:func:`helpers.present.display.reader_table`).

``speaker_share`` columns (one row per canonical speaker, in the speaker order above):

============================  ==================================================================
article_id                    article
speaker_id                    the speaker's entity_id; missing when the speaker is not an entity
speaker                       canonical name
speaker_type                  as the quote engine gives it (person, organisation, ...)
n_statements                  counted statements
n_direct, n_partial,          counted statements of each kind
n_indirect
n_words                       words in the counted statements (all kinds)
n_quoted_words                words inside quotation marks (direct and partial quotes, also the
                              fragments inside reported speech; pull quotes left out)
share_statements              n_statements / all counted statements of the article
share_quoted_words            n_quoted_words / all quoted words of the article
first_paragraph               paragraph_id of the speaker's first statement
n_mentions                    mentions of the speaker in the entities frame (0 if not found)
============================  ==================================================================
"""

from __future__ import annotations

__all__ = [
    "KINDS", "QUOTED_KINDS", "SHARE_COLUMNS", "ClassifiedQuotes", "classify", "speaker_sort_key",
    "countable_quotes", "quote_exclusions", "speaker_share", "unique_sources", "mentioned_vs_quoted",
    "mentioned_not_quoted", "speaker_positions",
]

import functools
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers.ingest.tokens import count_words

try:
    from pandas.api.internals import create_dataframe_from_blocks
except ImportError:  # pragma: no cover - pandas before 2.3
    create_dataframe_from_blocks = None

KINDS = ("direct", "partial", "indirect")
QUOTED_KINDS = ("direct", "partial")

SHARE_COLUMNS = [
    "article_id", "speaker_id", "speaker", "speaker_type", "n_statements", "n_direct", "n_partial",
    "n_indirect", "n_words", "n_quoted_words", "share_statements", "share_quoted_words",
    "first_paragraph", "n_mentions",
]


@dataclass(frozen=True, eq=False)
class ClassifiedQuotes:
    """A quotes frame with its counting decisions taken once.

    Every function here (and :func:`helpers.measure.sentiment.quote_tone`,
    :func:`helpers.measure.topics.speaker_themes`) accepts it in place of the quotes frame, so an analysis
    that asks many questions of one frame classifies its quotes once (:func:`classify`). It is a
    snapshot: after editing the frame, classify it again.
    """

    frame: pd.DataFrame
    rows: list
    reasons: dict


def classify(quotes: pd.DataFrame) -> ClassifiedQuotes:
    """Apply the counting rules of the module docstring to ``quotes`` once (see :class:`ClassifiedQuotes`)."""
    if isinstance(quotes, ClassifiedQuotes):
        return quotes
    rows, reasons = _classified(quotes)
    return ClassifiedQuotes(quotes, rows, reasons)


def speaker_sort_key(n_statements: int, n_words: int, first_char: int) -> tuple:
    """The speaker order of every per-speaker view (module docstring): sort ascending by this key.

    ``n_statements`` counted statements, ``n_words`` words in them, ``first_char`` start of the
    speaker's first counted statement: most statements first, then most words, then first to speak.
    """
    return (-n_statements, -n_words, first_char)


def countable_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """The statements that count for speaker share: ``quotes`` minus :func:`quote_exclusions`.

    Returns the kept rows in text order, with ``n_words`` filled in when missing.
    """
    rows, reasons = _classified(quotes)
    kept = [r for r in rows if r["quote_id"] not in reasons]
    quotes = quotes.frame if isinstance(quotes, ClassifiedQuotes) else quotes
    out = quotes.iloc[[r["_pos"] for r in kept]].reset_index(drop=True)
    if "n_words" not in out or out["n_words"].isna().any():
        out["n_words"] = [r["n_words"] for r in kept]
    return out


def quote_exclusions(quotes: pd.DataFrame) -> pd.DataFrame:
    """Every statement left out of speaker share and why.

    Returns columns: quote_id, speaker, kind, text, reason (``pull quote``, ``inside indirect
    quote <quote_id>``, ``no speaker``). One row per excluded quote, in text order, first reason wins.
    """
    rows, reasons = _classified(quotes)
    out = [(r["quote_id"], r["speaker"], r["kind"], r["text"], reasons[r["quote_id"]])
           for r in rows if r["quote_id"] in reasons]
    return _frame(out, _EXCLUSION_COLUMNS)


def speaker_share(quotes: pd.DataFrame, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical speaker with counts, shares and first paragraph (see module docstring)."""
    rows, reasons = _classified(quotes)
    speakers: dict = {}
    for r in rows:
        reason = reasons.get(r["quote_id"], "")
        counted = not reason
        # Words in quote marks: a fragment inside reported speech adds its words (the reported
        # clause counts as the statement, but the quoted words are the speaker's own); pull
        # quotes and unattributed quotes add nothing.
        quoted = r["kind"] in QUOTED_KINDS and (counted or reason.startswith("inside"))
        if not (counted or quoted):
            continue
        s = speakers.setdefault((r["article_id"], r["_who"]), {
            "article_id": r["article_id"], "speaker_id": r["speaker_id"], "speaker": r["speaker"],
            "speaker_type": r["speaker_type"], "n_statements": 0, "n_direct": 0, "n_partial": 0,
            "n_indirect": 0, "n_words": 0, "n_quoted_words": 0, "first_paragraph": None, "_first": math.inf,
        })
        if quoted:
            s["n_quoted_words"] += r["n_words"]
        if counted:
            s["n_statements"] += 1
            s[f"n_{r['kind']}"] += 1
            s["n_words"] += r["n_words"]
            if r["start_char"] < s["_first"]:
                s["_first"], s["first_paragraph"] = r["start_char"], r["paragraph_id"]
    out = [s for s in speakers.values() if s["n_statements"]]
    if not out:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    statements, quoted_words = Counter(), Counter()
    for s in out:
        statements[s["article_id"]] += s["n_statements"]
        quoted_words[s["article_id"]] += s["n_quoted_words"]
    mentions = _mention_lookup(entities)
    for s in out:
        s["share_statements"] = s["n_statements"] / statements[s["article_id"]]
        total = quoted_words[s["article_id"]]
        s["share_quoted_words"] = s["n_quoted_words"] / total if total else 0.0
        s["n_mentions"] = mentions(s["article_id"], s["speaker_id"], s["speaker"])
    out.sort(key=lambda s: (s["article_id"], *speaker_sort_key(s["n_statements"], s["n_words"], s["_first"])))
    return _frame([[s[c] for c in SHARE_COLUMNS] for s in out], _SHARE_COLUMNS)


def unique_sources(quotes: pd.DataFrame, speaker_types: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Sources as the Gender Gap Tracker counts them: each speaker once per article.

    ``speaker_types`` keeps only speakers of those types (compared case-insensitively), e.g.
    ``("person",)`` for people only; ``None`` keeps every speaker. Returns columns article_id,
    speaker_id, speaker, speaker_type, n_statements, in the speaker order (:func:`speaker_sort_key`).
    """
    rows, reasons = _classified(quotes)
    wanted = None if speaker_types is None else {t.lower() for t in speaker_types}
    sources: dict = {}
    for r in rows:
        if r["quote_id"] in reasons:
            continue
        if wanted is not None and str(r["speaker_type"] or "").lower() not in wanted:
            continue
        key = (r["article_id"], r["_who"])
        if key not in sources:
            # rows come in text order: the first one seen is the speaker's first statement
            sources[key] = [r["article_id"], r["speaker_id"], r["speaker"], r["speaker_type"], 0, 0, r["start_char"]]
        sources[key][4] += 1
        sources[key][5] += r["n_words"]
    out = sorted(sources.values(), key=lambda s: (s[0], *speaker_sort_key(s[4], s[5], s[6])))
    return _frame([s[:5] for s in out], _SOURCE_COLUMNS)


def mentioned_vs_quoted(entities: pd.DataFrame, quotes: pd.DataFrame, labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """Every entity of the given NER ``labels`` with its mentions and its counted statements.

    Returns columns article_id, entity_id, canonical, label, n_mentions, n_statements, quoted
    (bool), descriptor; most mentioned first. People mentioned but never quoted have
    ``quoted == False``.
    """
    rows, reasons = _classified(quotes)
    by_id, by_name = Counter(), Counter()
    for r in rows:
        if r["quote_id"] not in reasons:
            by_id[(r["article_id"], r["speaker_id"])] += 1
            by_name[(r["article_id"], r["speaker"])] += 1
    cols = ["article_id", "entity_id", "canonical", "label", "n_mentions", "descriptor"]
    # the people picked from plain lists: a boolean frame selection costs more than this whole loop;
    # "label" is required, the other columns may be missing
    wanted = set(labels)
    out = []
    for art, eid, name, label, n_mentions, descriptor in zip(
            *(_values(entities, c) if c in entities or c == "label" else [None] * len(entities) for c in cols)):
        if label not in wanted:
            continue
        # Prefer the id link; fall back to the canonical name when the engine left speaker_id empty.
        n = by_id.get((art, eid)) or by_name.get((art, name), 0)
        out.append((art, eid, name, label, int(n_mentions), n, n > 0, descriptor))
    out.sort(key=lambda r: (r[0], -r[4], r[2]))
    return _frame(out, _PEOPLE_COLUMNS)


def mentioned_not_quoted(entities: pd.DataFrame, quotes: pd.DataFrame, labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """People (entities of ``labels``) named in the article but never given a statement."""
    people = mentioned_vs_quoted(entities, quotes, labels)
    return people[~people["quoted"]].reset_index(drop=True)


def speaker_positions(quotes: pd.DataFrame) -> pd.DataFrame:
    """Where each counted statement sits: columns quote_id, speaker, kind, paragraph_id, start_char, n_words."""
    rows, reasons = _classified(quotes)
    cols = ["quote_id", "speaker", "kind", "paragraph_id", "start_char", "n_words"]
    return _frame([[r[c] for c in cols] for r in rows if r["quote_id"] not in reasons], _POSITION_COLUMNS)


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------
# The frames here have a few dozen rows, where one pandas call costs more than a Python loop
# over all of them; the rules run on plain records and each public function builds one frame.

_FIELDS = ("quote_id", "article_id", "kind", "text", "start_char", "end_char", "paragraph_id", "sentence_ids",
           "speaker", "speaker_id", "speaker_type", "is_pull_quote", "duplicate_of", "n_words")


# column labels of the frames built here, made once (see _frame)
_SHARE_COLUMNS = pd.Index(SHARE_COLUMNS)
_EXCLUSION_COLUMNS = pd.Index(["quote_id", "speaker", "kind", "text", "reason"])
_SOURCE_COLUMNS = pd.Index(["article_id", "speaker_id", "speaker", "speaker_type", "n_statements"])
_PEOPLE_COLUMNS = pd.Index(["article_id", "entity_id", "canonical", "label", "n_mentions", "n_statements", "quoted",
                            "descriptor"])
_POSITION_COLUMNS = pd.Index(["quote_id", "speaker", "kind", "paragraph_id", "start_char", "n_words"])


def _frame(rows: list, columns: pd.Index) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)``, built by :func:`_build` under a prebuilt column Index
    (making the Index from a list on every call costs a fifth of building a frame this small)."""
    return _build(columns, [list(c) for c in zip(*rows)] if rows else [[] for _ in columns])


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _records(quotes: pd.DataFrame) -> list[dict]:
    """One dict per quote, in text order: the known fields, ``_pos`` (row position) and ``_who``.

    ``_who`` is the key a speaker is grouped by: speaker_id when the engine resolved one, else the
    canonical name, else None (no speaker).
    """
    n = len(quotes)
    columns = {f: (_values(quotes, f) if f in quotes else [None] * n) for f in _FIELDS}
    rows = []
    for pos, values in enumerate(zip(*columns.values())):
        # sentence_ids holds a list (an array after parquet): kept as is, never tested for NaN
        r = {f: v if f == "sentence_ids" or not _missing(v) else None for f, v in zip(_FIELDS, values)}
        r["_pos"] = pos
        r["article_id"] = r["article_id"] if r["article_id"] is not None else "article"
        r["kind"] = str(r["kind"])
        r["n_words"] = int(r["n_words"]) if r["n_words"] is not None else count_words(r["text"])
        who = r["speaker_id"] if r["speaker_id"] not in (None, "") else r["speaker"]
        r["_who"] = who if who not in (None, "") else None
        rows.append(r)
    rows.sort(key=lambda r: (r["article_id"], r["start_char"]))
    return rows


def _classified(quotes: pd.DataFrame | ClassifiedQuotes) -> tuple[list[dict], dict]:
    """The records of ``quotes`` and ``{quote_id: reason}`` for those left out of the counts."""
    if isinstance(quotes, ClassifiedQuotes):
        return quotes.rows, quotes.reasons
    rows = _records(quotes)
    reasons: dict = {}
    for r in rows:
        if bool(r["is_pull_quote"]) or r["duplicate_of"] is not None:
            reasons[r["quote_id"]] = "pull quote"
    # A fragment inside reported speech of the same speaker repeats that statement. "Inside" = at
    # least half of the fragment's characters lie in the reported clause: the clause may stop
    # before a full stop that the quote marks enclose ('... services."').
    hosts = [r for r in rows if r["kind"] == "indirect" and r["quote_id"] not in reasons]
    for r in rows:
        if r["kind"] == "indirect" or r["quote_id"] in reasons:
            continue
        length = max(r["end_char"] - r["start_char"], 1)
        for h in hosts:
            if h["article_id"] != r["article_id"] or h["_who"] != r["_who"]:
                continue
            overlap = min(r["end_char"], h["end_char"]) - max(r["start_char"], h["start_char"])
            if overlap * 2 >= length:
                reasons[r["quote_id"]] = f"inside indirect quote {h['quote_id']}"
                break
    for r in rows:
        if r["_who"] is None:
            reasons.setdefault(r["quote_id"], "no speaker")
    return rows, reasons


def _mention_lookup(entities: pd.DataFrame | None):
    """``(article_id, speaker_id, speaker) -> n_mentions`` from the entities frame (0 if unknown)."""
    if entities is None or len(entities) == 0:
        return lambda art, sid, name: 0
    by_id, by_name = {}, {}
    for art, eid, name, n in zip(*(_values(entities, c) for c in ("article_id", "entity_id", "canonical", "n_mentions"))):
        by_id.setdefault((art, eid), int(n))
        by_name.setdefault((art, name), int(n))
    return lambda art, sid, name: by_id.get((art, sid), by_name.get((art, name), 0))


# ---------------------------------------------------------------------------------------------
# cheap column reads and frame builds, shared with helpers.measure.sentiment and helpers.measure.topics
# ---------------------------------------------------------------------------------------------
# On frames of a few dozen rows, ``frame[name]`` (a new Series each time) and pandas' inference
# of every list column (strings become the pyarrow-backed ``str`` dtype one value at a time) cost
# more than the analysis around them. _values/_array read a column without a Series; _build makes
# exactly the frame the constructor would make, from one block per dtype.

_STR = pd.Series(["a"]).dtype  # the dtype pandas gives a column of Python strings
_FAST_STR = isinstance(_STR, pd.StringDtype) and _STR.storage == "pyarrow" and _STR.na_value is not pd.NA
_FAST_READ = hasattr(pd.DataFrame, "_get_column_array")  # pandas' own column access, without a Series
_NONE = type(None)


def _array(frame: pd.DataFrame, name: str):
    """Column ``name`` of ``frame`` as its array: numpy for numpy dtypes, else the extension array
    (``frame[name].array``). Shared with the frame: copy it (or index it) before handing it on."""
    if _FAST_READ:
        loc = frame.columns.get_loc(name)
        if isinstance(loc, int):
            return frame._get_column_array(loc)
    series = frame[name]
    return series.array if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) else series.to_numpy()


def _values(frame: pd.DataFrame, name: str) -> list:
    """``frame[name].tolist()``, cheaply (a categorical column of strings is read from its codes)."""
    values = _array(frame, name)
    if isinstance(values, pd.Categorical) and values.categories.dtype in (_STR, object):
        codes = values.codes
        if len(codes) and codes.min() >= 0:  # missing values (code -1) are left to Categorical.tolist
            categories = values.categories.tolist()
            return [categories[c] for c in codes.tolist()]
    return values.tolist()


def _build(columns: pd.Index, data: list, by_rows: bool = True) -> pd.DataFrame:
    """The frame ``pd.DataFrame`` makes of ``data`` (one list or fresh array per column of ``columns``).

    A list is typed as the constructor types it when it holds only Python ints, only floats, only
    bools, only None, or strings (with None for missing: the ``str`` dtype); an array (numpy or
    pandas) is taken as it is, not copied. Any other list, or no rows, goes to the constructor
    itself: ``pd.DataFrame(rows, columns=columns)`` when ``by_rows`` (the rows are the zipped
    columns), else ``pd.DataFrame(dict(zip(columns, data)))``.
    """
    n = len(data[0]) if data else 0
    arrays = [_typed(v) if isinstance(v, list) else v for v in data] if n and create_dataframe_from_blocks else None
    if arrays is None or any(a is None for a in arrays):
        if by_rows:
            return pd.DataFrame(list(zip(*data)), columns=columns.copy())
        return pd.DataFrame(dict(zip(columns, data)))
    # one 2-D block per numpy dtype (as the constructor consolidates them), one block per extension array
    blocks, numpy_columns = [], {}
    for k, a in enumerate(arrays):
        if isinstance(a, np.ndarray):
            numpy_columns.setdefault(a.dtype, []).append(k)
        else:
            blocks.append((a, np.array([k], dtype=np.intp)))
    for ks in numpy_columns.values():
        block = arrays[ks[0]].reshape(1, n) if len(ks) == 1 else np.vstack([arrays[k] for k in ks])
        blocks.append((block, np.array(ks, dtype=np.intp)))
    return create_dataframe_from_blocks(blocks, pd.RangeIndex(n), columns.copy())


def _typed(values: list):
    """``values`` as the array pandas infers for it, or None when it is not one of the plain cases."""
    types = set(map(type, values))
    if len(types) == 1:
        kind = types.pop()
        if kind is str:
            return _strings(values)
        if kind is int:
            try:
                return np.array(values, dtype=np.int64)
            except OverflowError:  # beyond int64: pandas picks another dtype
                return None
        if kind is float:
            return np.array(values, dtype=np.float64)
        if kind is bool:
            return np.array(values, dtype=bool)
        if kind is _NONE:
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out
        return None
    if types == {str, _NONE}:
        return _strings(values)
    return None


def _strings(values: list):
    """Python strings (None for missing) as pandas' ``str`` array, in one pyarrow call."""
    if not _FAST_STR:
        return None
    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR)


@functools.cache
def _column_index(names: tuple) -> pd.Index:
    """The column Index of ``names``, made once (:func:`_build` gives each frame its own copy)."""
    return pd.Index(list(names))

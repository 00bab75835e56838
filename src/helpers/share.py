"""Speaker share: who gets to speak in an article, how much, how, and where.

Input is the quotes frame of :mod:`helpers.quotes` (one row per attributed statement: quote_id,
article_id, kind in {direct, partial, indirect}, text, start_char, end_char, sentence_ids,
paragraph_id, cue, cue_lemma, speaker_mention, speaker, speaker_id, speaker_type, attribution,
is_pull_quote, duplicate_of, n_words) and, for mentions, the entities frame of
:mod:`helpers.entities` (article_id, entity_id, canonical, label, variants, n_mentions, descriptor).

Counting rules (the same as the gold annotation's, see ``/work/shared/gold/README.md``):

- a pull quote (``is_pull_quote`` or a ``duplicate_of`` set) repeats a body quote: not counted;
- a partial (or direct) quote lying inside an indirect quote of the same speaker (at least half of
  its characters) is a fragment of that reported statement: the pair counts once, as the indirect
  statement;
- a statement with no resolved speaker is not given to anyone.
:func:`quote_exclusions` lists every statement left out, with the reason.

``speaker_share`` columns (one row per canonical speaker, most statements first):

============================  ==================================================================
article_id                    article
speaker_id                    canonical speaker id (the entity_id when the speaker is an entity)
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

import re

import pandas as pd

KINDS = ("direct", "partial", "indirect")
QUOTED_KINDS = ("direct", "partial")

SHARE_COLUMNS = [
    "article_id", "speaker_id", "speaker", "speaker_type", "n_statements", "n_direct", "n_partial",
    "n_indirect", "n_words", "n_quoted_words", "share_statements", "share_quoted_words",
    "first_paragraph", "n_mentions",
]


def countable_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """The statements that count for speaker share: ``quotes`` minus :func:`quote_exclusions`.

    Returns a copy of the kept rows, in text order, with ``n_words`` filled in when missing.
    """
    quotes = _prepare(quotes)
    dropped = set(quote_exclusions(quotes)["quote_id"])
    return quotes[~quotes["quote_id"].isin(dropped)].reset_index(drop=True)


def quote_exclusions(quotes: pd.DataFrame) -> pd.DataFrame:
    """Every statement left out of speaker share and why.

    Returns columns: quote_id, speaker, kind, text, reason (``pull quote``, ``inside indirect
    quote <quote_id>``, ``no speaker``). One row per excluded quote, first reason wins.
    """
    quotes = _prepare(quotes)
    reasons: dict = {}
    pull = quotes["is_pull_quote"].fillna(False).astype(bool) | quotes["duplicate_of"].notna()
    for qid in quotes.loc[pull, "quote_id"]:
        reasons.setdefault(qid, "pull quote")
    # A fragment inside reported speech of the same speaker repeats that statement.
    indirect = quotes[(quotes["kind"] == "indirect") & ~pull]
    inner = quotes[(quotes["kind"] != "indirect") & ~pull]
    for _, host in indirect.iterrows():
        # "Inside" = at least half of the fragment's characters lie in the reported clause: the
        # clause may stop before a full stop that the quote marks enclose ('... services."').
        overlap = (inner["end_char"].clip(upper=host["end_char"])
                   - inner["start_char"].clip(lower=host["start_char"]))
        length = (inner["end_char"] - inner["start_char"]).clip(lower=1)
        inside = inner[
            (inner["article_id"] == host["article_id"])
            & (overlap * 2 >= length)
            & (inner["_who"] == host["_who"])
        ]
        for qid in inside["quote_id"]:
            reasons.setdefault(qid, f"inside indirect quote {host['quote_id']}")
    for qid in quotes.loc[quotes["_who"].isna(), "quote_id"]:
        reasons.setdefault(qid, "no speaker")
    out = quotes[quotes["quote_id"].isin(reasons)][["quote_id", "speaker", "kind", "text"]].copy()
    out["reason"] = out["quote_id"].map(reasons)
    return out.reset_index(drop=True)


def speaker_share(quotes: pd.DataFrame, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical speaker with counts, shares and first paragraph (see module docstring)."""
    prepared = _prepare(quotes)
    reasons = quote_exclusions(prepared).set_index("quote_id")["reason"]
    kept = prepared[~prepared["quote_id"].isin(reasons.index)].copy()
    if kept.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    # Words in quote marks: a fragment inside reported speech adds its words here (the reported
    # clause counts for statements, but its quoted words are the speaker's own); pull quotes don't.
    fragment = prepared["quote_id"].map(reasons).fillna("").str.startswith("inside")
    quoted = prepared[(~prepared["quote_id"].isin(reasons.index) | fragment) & prepared["kind"].isin(QUOTED_KINDS)]
    quoted_words = quoted.groupby(["article_id", "_who"])["n_words"].sum()
    kept["_quoted_words"] = 0
    grouped = kept.groupby(["article_id", "_who"], sort=False, dropna=True)
    out = grouped.agg(
        speaker_id=("speaker_id", "first"),
        speaker=("speaker", "first"),
        speaker_type=("speaker_type", "first"),
        n_statements=("quote_id", "size"),
        n_words=("n_words", "sum"),
        n_quoted_words=("_quoted_words", "sum"),
        first_paragraph=("paragraph_id", "min"),
        _first_char=("start_char", "min"),
    )
    kinds = pd.crosstab([kept["article_id"], kept["_who"]], kept["kind"]).reindex(columns=list(KINDS), fill_value=0)
    out = out.join(kinds.add_prefix("n_"))
    out["n_quoted_words"] = quoted_words.reindex(out.index).fillna(0).astype(int).to_numpy()
    out = out.reset_index()
    for kind in KINDS:
        out[f"n_{kind}"] = out[f"n_{kind}"].fillna(0).astype(int)
    per_article = out.groupby("article_id")
    out["share_statements"] = out["n_statements"] / per_article["n_statements"].transform("sum")
    quoted_total = per_article["n_quoted_words"].transform("sum")
    out["share_quoted_words"] = (out["n_quoted_words"] / quoted_total.where(quoted_total > 0)).fillna(0.0)
    out["n_mentions"] = _mentions_of(out, entities)
    out = out.sort_values(["article_id", "n_statements", "n_words", "_first_char"],
                          ascending=[True, False, False, True], kind="stable")
    return out[SHARE_COLUMNS].reset_index(drop=True)


def unique_sources(quotes: pd.DataFrame, speaker_types: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Sources as the Gender Gap Tracker counts them: each speaker once per article.

    ``speaker_types`` keeps only speakers of those types (compared case-insensitively), e.g.
    ``("person",)`` for people only; ``None`` keeps every speaker. Returns columns article_id,
    speaker_id, speaker, speaker_type, n_statements, in order of first statement.
    """
    kept = countable_quotes(quotes)
    if speaker_types is not None:
        wanted = {t.lower() for t in speaker_types}
        kept = kept[kept["speaker_type"].fillna("").str.lower().isin(wanted)]
    out = (kept.groupby(["article_id", "_who"], sort=False)
           .agg(speaker_id=("speaker_id", "first"), speaker=("speaker", "first"),
                speaker_type=("speaker_type", "first"), n_statements=("quote_id", "size"))
           .reset_index())
    return out[["article_id", "speaker_id", "speaker", "speaker_type", "n_statements"]]


def mentioned_vs_quoted(entities: pd.DataFrame, quotes: pd.DataFrame, labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """Every entity of the given NER ``labels`` with its mentions and its counted statements.

    Returns columns article_id, entity_id, canonical, label, n_mentions, n_statements, quoted
    (bool), descriptor; most mentioned first. People mentioned but never quoted have
    ``quoted == False``.
    """
    people = entities[entities["label"].isin(labels)].copy()
    kept = countable_quotes(quotes)
    by_id = kept.groupby(["article_id", "speaker_id"]).size()
    by_name = kept.groupby(["article_id", "speaker"]).size()
    ids = pd.MultiIndex.from_arrays([people["article_id"], people["entity_id"]])
    names = pd.MultiIndex.from_arrays([people["article_id"], people["canonical"]])
    # Prefer the id link; fall back to the canonical name when the engine left speaker_id empty.
    n = pd.Series(by_id.reindex(ids).to_numpy(), index=people.index)
    n = n.fillna(pd.Series(by_name.reindex(names).to_numpy(), index=people.index)).fillna(0).astype(int)
    people["n_statements"] = n
    people["quoted"] = people["n_statements"] > 0
    if "descriptor" not in people:
        people["descriptor"] = None
    people = people.sort_values(["article_id", "n_mentions", "canonical"], ascending=[True, False, True])
    cols = ["article_id", "entity_id", "canonical", "label", "n_mentions", "n_statements", "quoted", "descriptor"]
    return people[cols].reset_index(drop=True)


def mentioned_not_quoted(entities: pd.DataFrame, quotes: pd.DataFrame, labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """People (entities of ``labels``) named in the article but never given a statement."""
    people = mentioned_vs_quoted(entities, quotes, labels)
    return people[~people["quoted"]].reset_index(drop=True)


def speaker_positions(quotes: pd.DataFrame) -> pd.DataFrame:
    """Where each counted statement sits: columns quote_id, speaker, kind, paragraph_id, start_char, n_words."""
    kept = countable_quotes(quotes).sort_values("start_char", kind="stable")
    return kept[["quote_id", "speaker", "kind", "paragraph_id", "start_char", "n_words"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


def _word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))


def _prepare(quotes: pd.DataFrame) -> pd.DataFrame:
    """Copy with the optional columns present and ``_who``, the key a speaker is grouped by."""
    q = quotes.copy()
    for col, default in (("is_pull_quote", False), ("duplicate_of", None), ("speaker_id", None),
                         ("speaker_type", None), ("article_id", "article")):
        if col not in q:
            q[col] = default
    if "n_words" not in q or q["n_words"].isna().any():
        counted = q["text"].map(_word_count)
        q["n_words"] = q["n_words"].fillna(counted) if "n_words" in q else counted
    q["n_words"] = q["n_words"].astype(int)
    # speaker_id when the engine resolved one, else the canonical name: one key per speaker.
    who = q["speaker_id"].astype(object).where(q["speaker_id"].notna(), q["speaker"])
    q["_who"] = who.astype(object).where(who.notna() & (who.astype(str) != ""), None)
    return q.sort_values(["article_id", "start_char"], kind="stable").reset_index(drop=True)


def _mentions_of(share: pd.DataFrame, entities: pd.DataFrame | None) -> pd.Series:
    if entities is None or entities.empty:
        return pd.Series(0, index=share.index, dtype=int)
    by_id = entities.set_index(["article_id", "entity_id"])["n_mentions"]
    by_id = by_id[~by_id.index.duplicated()]
    by_name = entities.set_index(["article_id", "canonical"])["n_mentions"]
    by_name = by_name[~by_name.index.duplicated()]
    ids = pd.MultiIndex.from_arrays([share["article_id"], share["speaker_id"]])
    names = pd.MultiIndex.from_arrays([share["article_id"], share["speaker"]])
    n = pd.Series(by_id.reindex(ids).to_numpy(), index=share.index)
    n = n.fillna(pd.Series(by_name.reindex(names).to_numpy(), index=share.index))
    return n.fillna(0).astype(int)

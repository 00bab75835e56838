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
- a statement with no resolved speaker is not given to anyone;
- a joint statement (``co_speakers``: "Smith and Jones said ...") counts once for each of its
  speakers (:func:`credited`), so its words count for each of them too.
:func:`quote_exclusions` lists every statement left out, with the reason.

**One speaker order.** Every per-speaker frame and chart of newslens (:func:`speaker_share`,
:func:`unique_sources`, :func:`helpers.measure.sentiment.speaker_tone`, :func:`helpers.measure.topics.speaker_themes`
and the speaker charts of :mod:`helpers.present.charts`) lists speakers the same way, so that speakers with
equal counts never swap places between two views: most counted statements first, then most words in
those statements, then the one who speaks first (earliest statement in the text).
:func:`speaker_sort_key` is that rule; :func:`speaker_keys` computes it for every speaker of a set
of counted statements, and every view sorts by it.

**Per-speaker counts agree.** ``n_statements`` and ``n_words`` of a speaker are the same in every
per-speaker frame (:func:`speaker_share`, :func:`unique_sources`, ``speaker_tone``, the corpus's
speakers frame): the counted statements credited to the speaker (the rules above) and the words
(:func:`helpers.ingest.tokens.count_words`) of their ``text``, whatever their kind.

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
n_words                       words (:func:`helpers.ingest.tokens.count_words`) in the counted
                              statements, all kinds: the reported clause of indirect speech too
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
    "KINDS", "QUOTED_KINDS", "INSIDE_FRACTION", "SHARE_COLUMNS", "EXCLUSION_COLUMNS", "SOURCE_COLUMNS", "PEOPLE_COLUMNS",
    "POSITION_COLUMNS", "STATEMENT_FIELDS", "ClassifiedQuotes", "classify", "speaker_sort_key", "speaker_keys", "speaker_who", "credited",
    "countable_quotes", "quote_exclusions", "speaker_share", "unique_sources", "mentioned_vs_quoted",
    "mentioned_not_quoted", "speaker_positions",
]

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import pandas as pd

from helpers.ingest.tokens import count_words
from helpers.tables import column_values

KINDS = ("direct", "partial", "indirect")
#: A partial or direct quote with at least this fraction of its characters inside an indirect quote of
#: the same speaker is a fragment of that statement (counted once). Lower merges quotes that only
#: touch the clause; higher keeps as separate statements fragments the clause ends just before
#: their closing punctuation ('... services."').
INSIDE_FRACTION = 0.5
QUOTED_KINDS = ("direct", "partial")

SHARE_COLUMNS = [
    "article_id", "speaker_id", "speaker", "speaker_type", "n_statements", "n_direct", "n_partial",
    "n_indirect", "n_words", "n_quoted_words", "share_statements", "share_quoted_words",
    "first_paragraph", "n_mentions",
]
EXCLUSION_COLUMNS = ["quote_id", "speaker", "kind", "text", "reason"]
SOURCE_COLUMNS = ["article_id", "speaker_id", "speaker", "speaker_type", "n_statements"]
PEOPLE_COLUMNS = ["article_id", "entity_id", "canonical", "label", "n_mentions", "n_statements", "quoted",
                  "descriptor"]
POSITION_COLUMNS = ["quote_id", "speaker", "kind", "paragraph_id", "start_char", "n_words"]


#: The fields of a statement record (:attr:`ClassifiedQuotes.rows`), read from the quotes frame;
#: a field the frame lacks is None.
STATEMENT_FIELDS = ("quote_id", "article_id", "kind", "text", "start_char", "end_char", "paragraph_id",
                    "sentence_ids", "speaker", "co_speakers", "speaker_id", "speaker_type", "is_pull_quote",
                    "duplicate_of", "n_words")


@dataclass(frozen=True, eq=False)
class ClassifiedQuotes:
    """A quotes frame with its counting decisions taken once (:func:`classify`).

    Every function here (and :func:`helpers.measure.sentiment.quote_tone`,
    :func:`helpers.measure.topics.speaker_themes`) accepts it in place of the quotes frame, so an
    analysis that asks many questions of one frame classifies its quotes once. It is a snapshot:
    after editing the frame, classify it again.

    ``frame`` is the quotes frame. ``rows`` holds one record (a dict) per quote, in text order
    (by article, then ``start_char``): the :data:`STATEMENT_FIELDS` (missing values as None,
    ``kind`` as str, ``n_words`` filled in with :func:`helpers.ingest.tokens.count_words` where
    missing, ``co_speakers`` as a list), ``row`` (the quote's position in ``frame``) and ``who``, the
    key a speaker is grouped by (``speaker_id`` when resolved, else the canonical name, else None:
    no speaker).
    ``reasons`` maps the quote_id of every quote left out of the counts to why
    (:func:`quote_exclusions`).
    """

    frame: pd.DataFrame
    rows: list[dict]
    reasons: dict[str, str]

    @property
    def counted(self) -> list[dict]:
        """The records of the statements that count, in text order (one per statement)."""
        return [r for r in self.rows if r["quote_id"] not in self.reasons]

    @property
    def credits(self) -> list[dict]:
        """The counted statements once per speaker they are credited to (:func:`credited`)."""
        return credited(self.counted)


def classify(quotes: pd.DataFrame | ClassifiedQuotes) -> ClassifiedQuotes:
    """Apply the counting rules of the module docstring to ``quotes`` once (see :class:`ClassifiedQuotes`).

    A :class:`ClassifiedQuotes` is returned as it is.
    """
    if isinstance(quotes, ClassifiedQuotes):
        return quotes
    rows = _records(quotes)
    return ClassifiedQuotes(quotes, rows, _reasons(rows))


def speaker_sort_key(n_statements: int, n_words: int, first_char: int) -> tuple[int, int, int]:
    """The speaker order of every per-speaker view (module docstring): sort ascending by this key.

    ``n_statements`` counted statements, ``n_words`` words in them, ``first_char`` start of the
    speaker's first counted statement: most statements first, then most words, then first to speak.
    """
    return (-n_statements, -n_words, first_char)


def speaker_keys(statements: Iterable[tuple[Hashable, int, int]]) -> dict[Hashable, tuple[int, int, int]]:
    """The :func:`speaker_sort_key` of each speaker of ``statements``.

    ``statements`` are the counted statements as ``(speaker, n_words, start_char)``, ``speaker``
    being whatever key the caller groups speakers by. Sort speakers with ``key=keys.get``.
    """
    totals: dict[Hashable, list[int]] = {}
    for speaker, n_words, start in statements:
        t = totals.setdefault(speaker, [0, 0, start])
        t[0] += 1
        t[1] += n_words
        t[2] = min(t[2], start)
    return {speaker: speaker_sort_key(*t) for speaker, t in totals.items()}


def speaker_who(speaker_id: str | None, name: str | None) -> str | None:
    """The key a speaker is counted under within an article: its entity id, else its name ignoring case
    (an unnamed "Officials" at a sentence start and "officials" later are one source), else None."""
    if speaker_id not in (None, ""):
        return speaker_id
    return name.casefold() if name not in (None, "") else None


def credited(records: Iterable[dict]) -> list[dict]:
    """``records`` (statement dicts, as :attr:`ClassifiedQuotes.rows`) once per speaker.

    A record whose ``co_speakers`` list is not empty comes once for its ``speaker`` and once for
    each co-speaker: a copy with that ``speaker``, and the ``speaker_id`` and ``speaker_type`` the
    name has where it speaks alone in the same article (None when it never does); ``who`` is
    :func:`speaker_who` of them. Records without co-speakers come as they are, in the same order.
    """
    records = list(records)
    known = {(r["article_id"], r["speaker"]): (r.get("speaker_id"), r.get("speaker_type"))
             for r in records if r["speaker"] is not None and not r.get("co_speakers")}
    out = []
    for r in records:
        out.append(r)
        for name in r.get("co_speakers") or ():
            speaker_id, speaker_type = known.get((r["article_id"], name), (None, None))
            out.append({**r, "speaker": name, "speaker_id": speaker_id, "speaker_type": speaker_type,
                        "co_speakers": [], "who": speaker_who(speaker_id, name)})
    return out


def countable_quotes(quotes: pd.DataFrame | ClassifiedQuotes) -> pd.DataFrame:
    """The statements that count for speaker share: ``quotes`` minus :func:`quote_exclusions`.

    Returns the kept rows of the quotes frame in text order, with ``n_words`` filled in when missing.
    """
    c = classify(quotes)
    kept = c.counted
    out = c.frame.iloc[[r["row"] for r in kept]].reset_index(drop=True)
    if "n_words" not in out or out["n_words"].isna().any():
        out["n_words"] = [r["n_words"] for r in kept]
    return out


def quote_exclusions(quotes: pd.DataFrame | ClassifiedQuotes) -> pd.DataFrame:
    """Every statement left out of speaker share and why.

    Returns columns: quote_id, speaker, kind, text, reason (``pull quote``, ``inside indirect
    quote <quote_id>``, ``no speaker``). One row per excluded quote, in text order, first reason wins.
    """
    c = classify(quotes)
    out = [(r["quote_id"], r["speaker"], r["kind"], r["text"], c.reasons[r["quote_id"]])
           for r in c.rows if r["quote_id"] in c.reasons]
    return pd.DataFrame(out, columns=EXCLUSION_COLUMNS)


def speaker_share(quotes: pd.DataFrame | ClassifiedQuotes, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical speaker with counts, shares and first paragraph (columns in the module docstring).

    ``entities`` (the entities frame, optional) gives ``n_mentions``; without it they are 0.
    """
    c = classify(quotes)
    speakers: dict = {}
    for r in credited(c.rows):
        reason = c.reasons.get(r["quote_id"], "")
        counted = not reason
        # Words in quote marks: a fragment inside reported speech adds its words (the reported
        # clause counts as the statement, but the quoted words are the speaker's own); pull
        # quotes and unattributed quotes add nothing.
        quoted = r["kind"] in QUOTED_KINDS and (counted or reason.startswith("inside"))
        if not (counted or quoted):
            continue
        s = speakers.setdefault((r["article_id"], r["who"]), {
            "article_id": r["article_id"], "speaker_id": r["speaker_id"], "speaker": r["speaker"],
            "speaker_type": r["speaker_type"], "n_statements": 0, "n_direct": 0, "n_partial": 0,
            "n_indirect": 0, "n_words": 0, "n_quoted_words": 0, "first_paragraph": None, "first_char": None,
            "who": r["who"],
        })
        if quoted:
            s["n_quoted_words"] += r["n_words"]
        if counted:
            s["n_statements"] += 1
            s[f"n_{r['kind']}"] += 1
            s["n_words"] += r["n_words"]
            if s["first_char"] is None or r["start_char"] < s["first_char"]:
                s["first_char"], s["first_paragraph"] = r["start_char"], r["paragraph_id"]
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
    keys = speaker_keys(((r["article_id"], r["who"]), r["n_words"], r["start_char"]) for r in c.credits)
    out.sort(key=lambda s: (s["article_id"], keys[(s["article_id"], s["who"])]))
    return pd.DataFrame([[s[col] for col in SHARE_COLUMNS] for s in out], columns=SHARE_COLUMNS)


def unique_sources(quotes: pd.DataFrame | ClassifiedQuotes, speaker_types: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Sources as the Gender Gap Tracker counts them: each speaker once per article.

    ``speaker_types`` keeps only speakers of those types (compared case-insensitively), e.g.
    ``("person",)`` for people only; ``None`` keeps every speaker. Returns columns article_id,
    speaker_id, speaker, speaker_type, n_statements, in the speaker order (:func:`speaker_sort_key`).
    """
    wanted = None if speaker_types is None else {t.lower() for t in speaker_types}
    credits = [r for r in classify(quotes).credits
               if wanted is None or str(r["speaker_type"] or "").lower() in wanted]
    keys = speaker_keys(((r["article_id"], r["who"]), r["n_words"], r["start_char"]) for r in credits)
    sources: dict = {}
    for r in credits:
        key = (r["article_id"], r["who"])
        if key not in sources:
            sources[key] = [r["article_id"], r["speaker_id"], r["speaker"], r["speaker_type"], 0]
        sources[key][4] += 1
    out = sorted(sources, key=lambda key: (key[0], keys[key]))
    return pd.DataFrame([sources[key] for key in out], columns=SOURCE_COLUMNS)


def mentioned_vs_quoted(entities: pd.DataFrame, quotes: pd.DataFrame | ClassifiedQuotes,
                        labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """Every entity of the given NER ``labels`` with its mentions and its counted statements.

    Returns columns article_id, entity_id, canonical, label, n_mentions, n_statements, quoted
    (bool), descriptor; most mentioned first. People mentioned but never quoted have
    ``quoted == False``. Raises ``KeyError`` when ``entities`` has no ``label`` column.
    """
    by_id, by_name = Counter(), Counter()
    for r in classify(quotes).credits:
        by_id[(r["article_id"], r["speaker_id"])] += 1
        by_name[(r["article_id"], r["speaker"])] += 1
    cols = ["article_id", "entity_id", "canonical", "label", "n_mentions", "descriptor"]
    # "label" is required, the other columns may be missing
    wanted = set(labels)
    out = []
    for art, eid, name, label, n_mentions, descriptor in zip(
            *(column_values(entities, c) if c in entities or c == "label" else [None] * len(entities) for c in cols)):
        if label not in wanted:
            continue
        # Prefer the id link; fall back to the canonical name when the engine left speaker_id empty.
        n = by_id.get((art, eid)) or by_name.get((art, name), 0)
        out.append((art, eid, name, label, int(n_mentions), n, n > 0, descriptor))
    out.sort(key=lambda r: (r[0], -r[4], r[2]))
    return pd.DataFrame(out, columns=PEOPLE_COLUMNS)


def mentioned_not_quoted(entities: pd.DataFrame, quotes: pd.DataFrame | ClassifiedQuotes,
                         labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """People (entities of ``labels``) named in the article but never given a statement."""
    people = mentioned_vs_quoted(entities, quotes, labels)
    return people[~people["quoted"]].reset_index(drop=True)


def speaker_positions(quotes: pd.DataFrame | ClassifiedQuotes) -> pd.DataFrame:
    """Where each counted statement sits: columns quote_id, speaker, kind, paragraph_id, start_char, n_words.

    One row per statement and speaker credited with it (a joint statement once for each), in text order.
    """
    return pd.DataFrame([[r[c] for c in POSITION_COLUMNS] for r in classify(quotes).credits],
                        columns=POSITION_COLUMNS)


# ---------------------------------------------------------------------------------------------
# private helpers: the rules run on plain records, and each public function builds one frame
# ---------------------------------------------------------------------------------------------


def _records(quotes: pd.DataFrame) -> list[dict]:
    """One record per quote, in text order (see :class:`ClassifiedQuotes`)."""
    n = len(quotes)
    columns = {f: (column_values(quotes, f) if f in quotes else [None] * n) for f in STATEMENT_FIELDS}
    rows = []
    for pos, values in enumerate(zip(*columns.values())):
        r = dict(zip(STATEMENT_FIELDS, values))
        r["row"] = pos
        r["article_id"] = r["article_id"] if r["article_id"] is not None else "article"
        r["kind"] = str(r["kind"])
        r["co_speakers"] = [str(name) for name in r["co_speakers"]] if r["co_speakers"] is not None else []
        r["n_words"] = int(r["n_words"]) if r["n_words"] is not None else count_words(r["text"])
        r["who"] = speaker_who(r["speaker_id"], r["speaker"])
        rows.append(r)
    rows.sort(key=lambda r: (r["article_id"], r["start_char"]))
    return rows


def _reasons(rows: list[dict]) -> dict[str, str]:
    """``{quote_id: reason}`` for the records left out of the counts (rules in the module docstring)."""
    reasons: dict[str, str] = {}
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
            if h["article_id"] != r["article_id"] or h["who"] != r["who"]:
                continue
            overlap = min(r["end_char"], h["end_char"]) - max(r["start_char"], h["start_char"])
            if overlap >= INSIDE_FRACTION * length:
                reasons[r["quote_id"]] = f"inside indirect quote {h['quote_id']}"
                break
    for r in rows:
        if r["who"] is None:
            reasons.setdefault(r["quote_id"], "no speaker")
    return reasons


def _mention_lookup(entities: pd.DataFrame | None) -> Callable[[str, str | None, str | None], int]:
    """``(article_id, speaker_id, speaker) -> n_mentions`` from the entities frame (0 if unknown)."""
    if entities is None or len(entities) == 0:
        return lambda art, sid, name: 0
    by_id, by_name = {}, {}
    for art, eid, name, n in zip(*(column_values(entities, c) for c in ("article_id", "entity_id", "canonical",
                                                                          "n_mentions"))):
        by_id.setdefault((art, eid), int(n))
        by_name.setdefault((art, name), int(n))
    return lambda art, sid, name: by_id.get((art, sid), by_name.get((art, name), 0))

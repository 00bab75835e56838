"""Corrections by hand: fix what the engine got wrong, in a file beside the data, never in the code.

A reader who finds a wrong result (a verb taken for a speaker, a pipeline taken for a person)
writes ``data/corrections/<article_id>.yaml``; :func:`helpers.pipeline.analyze_doc` applies it right
after the engine, so every frame, chart, table and report (and the corpus command) sees the
corrected result. Corrected rows are flagged (``corrected``, ``correction``), and a correction that
no longer matches anything (the article or the engine changed) is reported in the log, never
silently ignored.

The file (YAML; every key but the action's own is optional)::

    statements:
      - match: "the bridge will save lives"   # words of one statement, as written (case and spacing ignored)
        speaker: Ana Lopez                    # set its speaker (a name or name form of an entity, or any name)
        speaker_kind: person                  # optional: person, organisation, group, publication, unnamed
        co_speakers: [Ben Ode]                # optional: others who make the statement with the speaker
      - match: "attack"
        drop: true                            # not a statement: remove it
      - add: "the cost was far too high"      # a statement the engine missed, by its words in the text
        speaker: Ben Ode
        kind: indirect                        # direct, partial or indirect (default: direct)
        cue: said                             # optional
        occurrence: 1                         # optional: which occurrence of the words (default: the only one)
    entities:
      - merge: [Scheffer, Jaap de Hoop Scheffer]   # two or more entities that are one (canonical names or name forms)
        as: Jaap de Hoop Scheffer                  # optional: the name to keep (default: the first's)
      - split: John Smith                           # an entity that is two
        variants: [Jane Smith]                      # the name forms that belong to the other one
        as: Jane Smith                              # optional: its name (default: the first variant)
      - entity: EastMed                             # retype an entity
        label: ORG                                  # a spaCy NER label: PERSON, ORG, GPE, NORP, ...
    note: anything                                  # free text, ignored

Entity corrections are applied first, then statements (so a speaker may name a merged entity).
A ``match`` must pick out one statement (a pull quote repeating it is corrected with it): the one
whose text holds the words, or, when several do, the one whose whole text they are (a quoted
fragment inside a reported clause that also holds it); words that still match several different
statements are reported as ambiguous and change nothing.

:func:`load_corrections` validates a file and raises :class:`CorrectionError` (an
:class:`~helpers.ingest.article.ArticleError`: the command line and the corpus report it in one line
naming the file and the problem, and carry on). :func:`apply_corrections` returns the corrected
frames and the log, one row per entry: ``file``, ``entry`` (1-based), ``action`` (speaker, drop, add,
merge, split, retype), ``target`` (the words or names the entry gives), ``status`` (``applied``,
``not found``, ``ambiguous``) and ``detail`` (what changed, or why nothing did).

Columns the corrections add (present in every frame, corrected or not):

- quotes: ``corrected`` (bool), ``correction`` (what was changed, e.g. "speaker: attack -> Ana
  Lopez"; missing when nothing was); an added statement has attribution ``correction``; a corrected
  statement no longer ``needs_review``;
- entities: ``corrected`` (bool), ``correction`` (merged, split or retyped, with the old value).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from helpers.ingest.article import ArticleError
from helpers.ingest.tokens import count_words

__all__ = ["CORRECTION_ATTRIBUTION", "LOG_COLUMNS", "CorrectionError", "Corrections", "apply_corrections",
           "load_corrections"]

#: The ``attribution`` of a statement added by a correction.
CORRECTION_ATTRIBUTION = "correction"
LOG_COLUMNS = ["file", "entry", "action", "target", "status", "detail"]
_SPEAKER_KINDS = ("person", "organisation", "group", "publication", "unnamed")
_KINDS = ("direct", "partial", "indirect")
# A speaker's type (the quotes frame's speaker_type) and kind from an entity's NER label.
_TYPE_OF_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}
_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_STATEMENT_KEYS = {"match", "add", "speaker", "speaker_kind", "co_speakers", "drop", "kind", "cue", "occurrence",
                   "note"}
_ENTITY_KEYS = {"merge", "split", "entity", "as", "variants", "label", "note"}


class CorrectionError(ArticleError):
    """A corrections file that cannot be read: the message names the file and the problem."""


@dataclass
class Corrections:
    """A validated corrections file: its ``statements`` and ``entities`` entries (plain dicts)."""

    path: Path
    statements: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The file name, as the log and the messages give it."""
        return f"data/corrections/{self.path.name}"


def load_corrections(path: str | Path) -> Corrections | None:
    """Read and validate a corrections file; None when it does not exist.

    Raises :class:`CorrectionError` naming the file and, for a bad entry, its section and number.
    """
    path = Path(path)
    if not path.is_file():
        return None
    where = f"data/corrections/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CorrectionError(f"{where}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise CorrectionError(f"{where}: not valid YAML{line}: {getattr(err, 'problem', err)}") from None
    if data is None:
        return Corrections(path)
    if not isinstance(data, dict):
        raise CorrectionError(f"{where}: expected a mapping with 'statements' and/or 'entities', got {type(data).__name__}")
    unknown = set(data) - {"statements", "entities", "note", "article"}
    if unknown:
        raise CorrectionError(f"{where}: unknown section {sorted(unknown)[0]!r} (use 'statements' and 'entities')")
    out = Corrections(path)
    for section, keys, check in (("statements", _STATEMENT_KEYS, _check_statement),
                                 ("entities", _ENTITY_KEYS, _check_entity)):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise CorrectionError(f"{where}: '{section}' must be a list of entries")
        for n, entry in enumerate(entries, 1):
            at = f"{where}: {section} entry {n}"
            if not isinstance(entry, dict):
                raise CorrectionError(f"{at}: expected a mapping, got {entry!r}")
            extra = set(entry) - keys
            if extra:
                raise CorrectionError(f"{at}: unknown key {sorted(extra)[0]!r}")
            check(entry, at)
            getattr(out, section).append(entry)
    return out


def apply_corrections(corrections: Corrections | None, text: str, paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                      quotes: pd.DataFrame, mentions: pd.DataFrame,
                      entities: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(quotes, mentions, entities, log)`` with ``corrections`` applied (None: nothing to apply).

    The frames given are not modified. Every frame returned has the columns listed in the module
    docstring, so frames look the same with and without a corrections file.
    """
    quotes = _with_flags(quotes)
    entities = _with_flags(entities)
    log: list[tuple] = []
    if corrections is not None:
        mentions = mentions.copy()  # the corrections below change it in place
        for n, entry in enumerate(corrections.entities, 1):
            quotes, mentions, entities, row = _apply_entity(entry, quotes, mentions, entities)
            log.append((corrections.name, n, *row))
        base = len(corrections.entities)
        for n, entry in enumerate(corrections.statements, 1):
            quotes, row = _apply_statement(entry, text, paragraphs, sentences, quotes, entities)
            log.append((corrections.name, base + n, *row))
    if log:
        frame = pd.DataFrame(log, columns=LOG_COLUMNS)
        frame["entry"] = frame["entry"].astype("int64")  # one column: a whole-frame astype costs ~10x more
    else:  # no corrections file, or an empty one: the same empty log, made once (about 1.5 ms a time)
        frame = _empty_log().copy()
    # (reset_index returns new frames: the ones given stay as they were)
    return quotes.reset_index(drop=True), mentions.reset_index(drop=True), entities.reset_index(drop=True), frame


@functools.cache
def _empty_log() -> pd.DataFrame:
    """The log of no corrections (the frame the code above builds from no rows); callers get copies."""
    frame = pd.DataFrame([], columns=LOG_COLUMNS)
    frame["entry"] = frame["entry"].astype("int64")
    return frame


# ---------------------------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------------------------


def _text(entry: dict, key: str, at: str) -> None:
    if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
        raise CorrectionError(f"{at}: '{key}' must be non-empty text, got {entry[key]!r}")


def _names(entry: dict, key: str, at: str, least: int = 1) -> None:
    value = entry.get(key)
    if key in entry and (not isinstance(value, list) or len(value) < least
                         or not all(isinstance(v, str) and v.strip() for v in value)):
        raise CorrectionError(f"{at}: '{key}' must be a list of at least {least} name{'s' if least > 1 else ''}")


def _check_statement(entry: dict, at: str) -> None:
    actions = [k for k in ("match", "add") if k in entry]
    if len(actions) != 1:
        raise CorrectionError(f"{at}: give either 'match' (a statement to change) or 'add' (a missed one)")
    for key in ("match", "add", "speaker", "cue"):
        _text(entry, key, at)
    _names(entry, "co_speakers", at, least=0)
    if "drop" in entry and entry["drop"] is not True:
        raise CorrectionError(f"{at}: 'drop' must be true (or left out)")
    if "match" in entry and not ("speaker" in entry or entry.get("drop") or "co_speakers" in entry
                                 or "speaker_kind" in entry):
        raise CorrectionError(f"{at}: a 'match' entry needs 'speaker', 'co_speakers', 'speaker_kind' or 'drop: true'")
    if entry.get("drop") and ({"speaker", "co_speakers", "speaker_kind"} & set(entry)):
        raise CorrectionError(f"{at}: 'drop: true' cannot also set a speaker")
    if "add" in entry:
        if "drop" in entry:
            raise CorrectionError(f"{at}: an 'add' entry cannot 'drop'")
        if "speaker" not in entry:
            raise CorrectionError(f"{at}: an 'add' entry needs 'speaker'")
    elif {"kind", "cue", "occurrence"} & set(entry):
        raise CorrectionError(f"{at}: 'kind', 'cue' and 'occurrence' go with 'add' only")
    if "kind" in entry and entry["kind"] not in _KINDS:
        raise CorrectionError(f"{at}: 'kind' must be one of {', '.join(_KINDS)}, got {entry['kind']!r}")
    if "speaker_kind" in entry and entry["speaker_kind"] not in _SPEAKER_KINDS:
        raise CorrectionError(f"{at}: 'speaker_kind' must be one of {', '.join(_SPEAKER_KINDS)}, "
                              f"got {entry['speaker_kind']!r}")
    if "occurrence" in entry and not (isinstance(entry["occurrence"], int) and entry["occurrence"] >= 1):
        raise CorrectionError(f"{at}: 'occurrence' must be a whole number from 1")


def _check_entity(entry: dict, at: str) -> None:
    actions = [k for k in ("merge", "split", "entity") if k in entry]
    if len(actions) != 1:
        raise CorrectionError(f"{at}: give one of 'merge' (entities that are one), 'split' (an entity that is two) "
                              "or 'entity' (with 'label', to retype it)")
    _names(entry, "merge", at, least=2)
    _names(entry, "variants", at)
    for key in ("split", "entity", "as", "label"):
        _text(entry, key, at)
    if "split" in entry and "variants" not in entry:
        raise CorrectionError(f"{at}: 'split' needs 'variants': the name forms that belong to the other entity")
    if "entity" in entry and "label" not in entry:
        raise CorrectionError(f"{at}: 'entity' needs 'label' (PERSON, ORG, GPE, ...)")
    if "label" in entry and not re.fullmatch(r"[A-Z_]+", entry["label"]):
        raise CorrectionError(f"{at}: 'label' must be an NER label in capitals (PERSON, ORG, ...), got {entry['label']!r}")
    if "merge" in entry and {"variants", "label"} & set(entry):
        raise CorrectionError(f"{at}: 'merge' takes 'as' only")


# ---------------------------------------------------------------------------------------------
# applying
# ---------------------------------------------------------------------------------------------


def _fold(s: str) -> str:
    """Text compared without case, spacing or the kind of quotation mark."""
    s = s.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))
    return " ".join(s.split()).casefold()


def _with_flags(frame: pd.DataFrame) -> pd.DataFrame:
    """A new frame: ``frame`` with the two correction columns (not corrected) and, for quotes, the
    ``correction`` attribution among its categories. ``DataFrame.assign`` makes the new frame (a copy:
    ``frame`` is not changed, now or when the corrections change the new one) and adds the columns in
    one step, which costs less than a copy and one insertion per column."""
    new = {}
    if "corrected" not in frame:
        new["corrected"] = pd.Series(False, index=frame.index, dtype=bool)
    if "correction" not in frame:
        new["correction"] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if "attribution" in frame and isinstance(frame["attribution"].dtype, pd.CategoricalDtype) \
            and CORRECTION_ATTRIBUTION not in frame["attribution"].cat.categories:
        new["attribution"] = frame["attribution"].cat.add_categories([CORRECTION_ATTRIBUTION])
    return frame.assign(**new)


def _note(frame: pd.DataFrame, rows, note: str) -> None:
    for i in rows:
        old = frame.at[i, "correction"]
        frame.at[i, "correction"] = note if old is None or (isinstance(old, float) and np.isnan(old)) else f"{old}; {note}"
        frame.at[i, "corrected"] = True


def _find_entity(entities: pd.DataFrame, name: str) -> list:
    """Index labels of the entities whose canonical name or a name form is ``name`` (folded)."""
    want = _fold(name)
    hits = []
    for i, canonical, variants in zip(entities.index, entities["canonical"], entities["variants"]):
        forms = [canonical, *(list(variants) if variants is not None and not isinstance(variants, float) else [])]
        if any(_fold(str(f)) == want for f in forms):
            hits.append(i)
    return hits


def _apply_entity(entry, quotes, mentions, entities):
    if "merge" in entry:
        return _merge(entry, quotes, mentions, entities)
    action, name = ("split", entry["split"]) if "split" in entry else ("retype", entry["entity"])
    target = f"{name} / {', '.join(entry['variants'])}" if action == "split" else f"{name} -> {entry['label']}"
    found = _find_entity(entities, name)
    if not found:
        return quotes, mentions, entities, (action, target, "not found", f"no entity named {name}")
    return (_split if action == "split" else _retype)(entry, found[0], target, quotes, mentions, entities)


def _merge(entry, quotes, mentions, entities):
    names = entry["merge"]
    found = [_find_entity(entities, n) for n in names]
    missing = [n for n, f in zip(names, found) if not f]
    target = " + ".join(names)
    if missing:
        return quotes, mentions, entities, ("merge", target, "not found", f"no entity named {', '.join(missing)}")
    ids = list(dict.fromkeys(entities.at[f[0], "entity_id"] for f in found))
    if len(ids) < 2:
        return quotes, mentions, entities, ("merge", target, "not found", "the names are already one entity")
    keep = found[0][0]
    kept_id = entities.at[keep, "entity_id"]
    old = [entities.loc[entities["entity_id"] == i, "canonical"].iloc[0] for i in ids]
    canonical = entry.get("as") or entities.at[keep, "canonical"]
    gone = entities["entity_id"].isin(ids[1:])
    variants = list(dict.fromkeys(v for i in ids for v in _variants(entities.loc[entities["entity_id"] == i].iloc[0])))
    if canonical not in variants:
        variants.insert(0, canonical)
    entities = entities.copy()
    entities.at[keep, "canonical"] = canonical
    entities.at[keep, "variants"] = variants
    entities.at[keep, "n_mentions"] = int(entities.loc[entities["entity_id"].isin(ids), "n_mentions"].sum())
    entities = entities[~gone]
    _note(entities, [keep], f"merged: {' + '.join(old)}")
    mentions = mentions.copy()
    moved = mentions["entity_id"].isin(ids)
    mentions.loc[moved, "entity_id"] = kept_id
    mentions.loc[moved, "canonical"] = canonical
    quotes = quotes.copy()
    speaking = quotes["speaker_id"].isin(ids) | quotes["speaker"].isin(old)
    changed = [i for i in quotes.index[speaking] if quotes.at[i, "speaker"] != canonical or quotes.at[i, "speaker_id"] != kept_id]
    for i in changed:
        before = quotes.at[i, "speaker"]
        quotes.at[i, "speaker"], quotes.at[i, "speaker_id"] = canonical, kept_id
        _note(quotes, [i], f"speaker: {before} -> {canonical} (merged entities)")
    for i in quotes.index:
        co = quotes.at[i, "co_speakers"]
        if isinstance(co, (list, tuple, np.ndarray)) and any(c in old for c in co):
            quotes.at[i, "co_speakers"] = list(dict.fromkeys(canonical if c in old else c for c in co))
            _note(quotes, [i], "co-speakers: merged entities")
    detail = f"{' + '.join(old)} -> {canonical} ({entities.at[keep, 'n_mentions']} mentions, {len(changed)} statements)"
    return quotes, mentions, entities, ("merge", target, "applied", detail)


def _variants(row) -> list[str]:
    v = row["variants"]
    return [str(x) for x in v] if isinstance(v, (list, tuple, np.ndarray)) else [str(row["canonical"])]


def _split(entry, row, target, quotes, mentions, entities):
    forms = entry["variants"]
    old_id, old_name = entities.at[row, "entity_id"], entities.at[row, "canonical"]
    folded = {_fold(f) for f in forms}
    mine = (mentions["entity_id"] == old_id) & mentions["text"].map(lambda t: _fold(str(t)) in folded)
    if not mine.any():
        return quotes, mentions, entities, ("split", target, "not found",
                                            f"no mention of {old_name} is written {' or '.join(forms)}")
    new_name = entry.get("as") or forms[0]
    new_id = _next_id(entities["entity_id"].tolist())
    label = entry.get("label") or entities.at[row, "label"]
    new_row = entities.loc[row].copy()
    new_row["entity_id"], new_row["canonical"], new_row["label"] = new_id, new_name, label
    new_row["variants"] = list(dict.fromkeys(str(t) for t in mentions.loc[mine, "text"]))
    new_row["n_mentions"] = int(mine.sum())
    if "descriptor" in new_row.index:
        new_row["descriptor"] = None
    entities = entities.copy()
    entities.at[row, "n_mentions"] = int(entities.at[row, "n_mentions"]) - int(mine.sum())
    entities.at[row, "variants"] = [v for v in _variants(entities.loc[row]) if _fold(v) not in folded]
    entities = pd.concat([entities, new_row.to_frame().T.astype(entities.dtypes.to_dict())], ignore_index=True)
    _note(entities, [row], f"split: {new_name} taken out")
    _note(entities, [len(entities) - 1], f"split from {old_name}")
    mentions = mentions.copy()
    mentions.loc[mine, "entity_id"] = new_id
    mentions.loc[mine, "canonical"] = new_name
    quotes = quotes.copy()
    theirs = (quotes["speaker_id"] == old_id) & quotes["speaker_mention"].map(
        lambda t: isinstance(t, str) and any(f in _fold(t) for f in folded))
    for i in quotes.index[theirs]:
        quotes.at[i, "speaker"], quotes.at[i, "speaker_id"] = new_name, new_id
        _note(quotes, [i], f"speaker: {old_name} -> {new_name} (split entity)")
    detail = f"{int(mine.sum())} mentions and {int(theirs.sum())} statements of {old_name} -> {new_name} ({new_id})"
    return quotes, mentions, entities, ("split", target, "applied", detail)


def _next_id(ids: list[str]) -> str:
    """The next entity id after ``ids`` (``e001`` style: prefix, zero-padded number)."""
    numbers = [int(m.group(2)) for m in (re.fullmatch(r"(\D*)(\d+)", str(i)) for i in ids) if m]
    prefix = next((m.group(1) for m in (re.fullmatch(r"(\D*)(\d+)", str(i)) for i in ids) if m), "e")
    width = max((len(str(i)) - len(prefix) for i in ids), default=3)
    return f"{prefix}{(max(numbers) if numbers else 0) + 1:0{width}d}"


def _retype(entry, row, target, quotes, mentions, entities):
    name, label = entry["entity"], entry["label"]
    eid, old = entities.at[row, "entity_id"], str(entities.at[row, "label"])
    if old == label:
        return quotes, mentions, entities, ("retype", target, "not found", f"{name} is already {label}")
    entities = entities.copy()
    entities.at[row, "label"] = label
    _note(entities, [row], f"label: {old} -> {label}")
    mentions = mentions.copy()
    mentions.loc[mentions["entity_id"] == eid, "label"] = label
    quotes = quotes.copy()
    theirs = quotes.index[quotes["speaker_id"] == eid]
    for i in theirs:
        _set_speaker_type(quotes, i, label)
        _note(quotes, [i], f"speaker type: {old} -> {label}")
    return quotes, mentions, entities, ("retype", target, "applied",
                                        f"{entities.at[row, 'canonical']}: {old} -> {label} ({len(theirs)} statements)")


def _set_speaker_type(quotes: pd.DataFrame, i, label: str | None, kind: str | None = None) -> None:
    if "speaker_type" in quotes:
        quotes.at[i, "speaker_type"] = _TYPE_OF_LABEL.get(label or "", "UNKNOWN")
    if "speaker_kind" in quotes:
        quotes.at[i, "speaker_kind"] = kind or _KIND_OF_LABEL.get(label or "")


def _matching(quotes: pd.DataFrame, words: str) -> tuple[list, list]:
    """``(rows, distinct)``: the quotes whose text holds ``words``, and those that are not a copy
    (pull quote) of another match."""
    want = _fold(words)
    rows = [i for i, t in zip(quotes.index, quotes["text"]) if want in _fold(str(t))]
    ids = {quotes.at[i, "quote_id"] for i in rows}
    copies = {i for i in rows
              if bool(quotes.at[i, "is_pull_quote"]) or quotes.at[i, "duplicate_of"] in ids}
    distinct = [i for i in rows if i not in copies] or rows[:1]
    exact = [i for i in distinct if _fold(str(quotes.at[i, "text"])).strip(" ,.;:") == want.strip(" ,.;:")]
    if len(distinct) > 1 and len(exact) == 1:  # the words are the whole of one statement (a fragment
        keep = {quotes.at[exact[0], "quote_id"]}  # inside a reported clause that also holds them)
        rows = [i for i in rows if i == exact[0] or quotes.at[i, "duplicate_of"] in keep]
        distinct = exact
    return rows, distinct


def _apply_statement(entry, text, paragraphs, sentences, quotes, entities):
    if "add" in entry:
        return _add(entry, text, paragraphs, sentences, quotes, entities)
    words = entry["match"]
    rows, distinct = _matching(quotes, words)
    action = "drop" if entry.get("drop") else "speaker"
    if not rows:
        return quotes, (action, words, "not found", "no statement holds these words: the article or the engine changed")
    if len(distinct) > 1:
        ids = ", ".join(str(quotes.at[i, "quote_id"]) for i in distinct)
        return quotes, (action, words, "ambiguous", f"the words are in {len(distinct)} statements ({ids}): give more words")
    ids = ", ".join(str(quotes.at[i, "quote_id"]) for i in rows)
    if entry.get("drop"):
        return quotes.drop(index=rows), ("drop", words, "applied", f"removed {ids}")
    quotes = quotes.copy()
    changes = []
    if "speaker" in entry:
        name, eid, label = _speaker(entry["speaker"], entities)
        for i in rows:
            before = quotes.at[i, "speaker"]
            quotes.at[i, "speaker"], quotes.at[i, "speaker_id"] = name, eid
            _set_speaker_type(quotes, i, label, entry.get("speaker_kind"))
            if "attribution" in quotes:
                quotes.at[i, "attribution"] = CORRECTION_ATTRIBUTION
            _note(quotes, [i], f"speaker: {before if isinstance(before, str) else 'none'} -> {name}")
        changes.append(f"speaker {name}")
    elif "speaker_kind" in entry:
        for i in rows:
            quotes.at[i, "speaker_kind"] = entry["speaker_kind"]
            _note(quotes, [i], f"speaker kind: {entry['speaker_kind']}")
        changes.append(f"speaker kind {entry['speaker_kind']}")
    if "co_speakers" in entry:
        co = [_speaker(n, entities)[0] for n in entry["co_speakers"]]
        for i in rows:
            quotes.at[i, "co_speakers"] = co
            _note(quotes, [i], f"co-speakers: {', '.join(co) or 'none'}")
        changes.append(f"co-speakers {', '.join(co) or 'none'}")
    for i in rows:
        quotes.at[i, "needs_review"] = False
    return quotes, ("speaker", words, "applied", f"{ids}: {'; '.join(changes)}")


def _speaker(name: str, entities: pd.DataFrame) -> tuple[str, str | None, str | None]:
    """``(canonical name, entity id, NER label)`` of a speaker named in a correction; a name that is
    no entity keeps its words and has no id."""
    found = _find_entity(entities, name)
    if not found:
        return name.strip(), None, None
    row = entities.loc[found[0]]
    return str(row["canonical"]), row["entity_id"], str(row["label"])


def _add(entry, text, paragraphs, sentences, quotes, entities):
    words = entry["add"]
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    if not starts:
        return quotes, ("add", words, "not found", "these words are not in the article text (copy them exactly)")
    occurrence = entry.get("occurrence")
    if occurrence is None and len(starts) > 1:
        return quotes, ("add", words, "ambiguous",
                        f"the words occur {len(starts)} times: say which with 'occurrence'")
    if occurrence is not None and occurrence > len(starts):
        return quotes, ("add", words, "not found", f"the words occur {len(starts)} times, not {occurrence}")
    start = starts[(occurrence or 1) - 1]
    end = start + len(words)
    overlap = quotes[(quotes["start_char"] < end) & (quotes["end_char"] > start)]
    if len(overlap) and ((overlap["start_char"] == start) & (overlap["end_char"] == end)).any():
        same = overlap[(overlap["start_char"] == start) & (overlap["end_char"] == end)]["quote_id"].iloc[0]
        return quotes, ("add", words, "not found", f"already a statement ({same}): use 'match' to change it")
    name, eid, label = _speaker(entry["speaker"], entities)
    para_starts = paragraphs["start_char"].to_numpy()
    paragraph_id = int(paragraphs["paragraph_id"].to_numpy()[max(int(np.searchsorted(para_starts, start, "right")) - 1, 0)])
    sentence_ids = [int(s) for s, a, b in zip(sentences["sentence_id"], sentences["start_char"], sentences["end_char"])
                    if a < end and b > start]
    quote_id = _next_quote_id(quotes["quote_id"].tolist())
    row = {c: None for c in quotes.columns}
    row.update({
        "article_id": quotes["article_id"].iloc[0] if len(quotes) else (paragraphs["article_id"].iloc[0]
                                                                          if "article_id" in paragraphs else None),
        "quote_id": quote_id, "kind": entry.get("kind", "direct"), "text": text[start:end],
        "start_char": start, "end_char": end, "sentence_ids": sentence_ids, "paragraph_id": paragraph_id,
        "cue": entry.get("cue"), "cue_lemma": entry.get("cue"), "speaker_mention": None, "speaker": name,
        "co_speakers": [_speaker(n, entities)[0] for n in entry.get("co_speakers", [])], "speaker_id": eid,
        "speaker_type": _TYPE_OF_LABEL.get(label or "", "UNKNOWN"),
        "speaker_kind": entry.get("speaker_kind") or _KIND_OF_LABEL.get(label or ""),
        "attribution": CORRECTION_ATTRIBUTION, "needs_review": False, "is_pull_quote": False,
        "n_words": count_words(text[start:end]), "duplicate_of": None, "corrected": True,
        "correction": f"added: {name}",
    })
    added = pd.DataFrame([row], columns=quotes.columns)
    out = pd.concat([quotes, added.astype(quotes.dtypes.to_dict())], ignore_index=True)
    out = out.sort_values(["start_char", "end_char"], kind="stable").reset_index(drop=True)
    return out, ("add", words, "applied", f"{quote_id}: {entry.get('kind', 'direct')} statement by {name}, "
                                          f"paragraph id {paragraph_id}")


def _next_quote_id(ids: list[str]) -> str:
    """A quote id for an added statement: ``c1``, ``c2``, ... (never one the engine uses)."""
    n = 1
    while f"c{n}" in ids:
        n += 1
    return f"c{n}"

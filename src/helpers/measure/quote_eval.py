"""Measure the quote engine: against a gold annotation, and against the peers' test cases.

Gold (``tests/data/*.quotes.json``, format in ``../shared/gold/README.md``, the folder beside the
checkout, not in the repository), scored as the README says:

- a predicted quote matches a gold one when the F1 of their word tokens is at least 0.5 (quote marks
  and case ignored); pairs are matched one-to-one, greedily by best overlap (ties: the pair whose
  character spans overlap);
- direct+partial quotes and indirect quotes are scored separately (precision, recall, F1);
- the speaker of a matched quote is right when the canonical names agree (case, spacing, accents,
  a possessive 's and a leading "the" ignored); for a joint statement any of the gold ``speaker``
  and ``also_speakers`` is right; a gold ``UNKNOWN`` is right when the prediction names none of the
  article's people or organisations (the gold ``people`` and every named gold speaker); "lenient"
  also accepts the same surname;
- speaker share is the distribution of counted statements per speaker (no pull quotes, no quoted
  fragments inside a reported clause: :func:`helpers.measure.share.countable_quotes`; a joint
  statement counts for each of its speakers, the predicted ``co_speakers`` included), compared with
  the gold one by total variation distance. A predicted speaker who is none of the article's named
  people or organisations (or no speaker) counts as ``UNKNOWN``, as the gold does.

:func:`score_articles` pools many articles (the dev set): precision, recall and F1 from the summed
counts, speaker accuracy over all matched quotes, and the mean of the per-article distances.

Peer cases (``tests/data/quote_cases.jsonl``, see ``../shared/peer/README.md`` beside the checkout):
only quoted (direct and partial) extractions are scored; the rows of one quotation that runs over
paragraphs (attribution ``multi-paragraph``: one row per paragraph here) count as the one quote a
peer annotates, and a peer quote given in parts (``quote_parts``, interrupted by its cue) as one
expected quote per part, as the gold README's convention 2 has it. A case passes when every expected quote is
matched (token F1 >= 0.5), no other quoted extraction is left over, and for each match the speaker
agrees: the canonical person when the case gives one (``speaker_canonical``), else the peer's
mention (our ``speaker_mention`` or ``speaker`` equal to it, or one inside the other, ignoring "the"
and case); an expected quote with no speaker accepts any. When the case asserts the cue, the cue
must agree too (case ignored, first word).
"""

from __future__ import annotations

__all__ = [
    "load_gold", "load_peer_cases", "tokens", "token_f1", "match_quotes", "snippet_doc", "score_gold",
    "score_articles", "known_names", "speaker_right", "gold_share", "pred_share", "tvd", "peer_case_result",
    "UNKNOWN",
]

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from helpers.extract.entities import paragraph_spans
from helpers.measure.share import countable_quotes

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def load_gold(path: str | Path) -> dict:
    """The gold annotation at ``path`` (a dict with ``quotes``, ``people``, ``title``)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_peer_cases(path: str | Path) -> list[dict]:
    """The peer cases at ``path``, one dict per case."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (quote marks and punctuation dropped)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]


def token_f1(a: str, b: str) -> float:
    """F1 of the word-token multisets of ``a`` and ``b``."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool = {}
    for w in tb:
        pool[w] = pool.get(w, 0) + 1
    for w in ta:
        if pool.get(w, 0) > 0:
            common += 1
            pool[w] -= 1
    if common == 0:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def match_quotes(pred: list[dict], gold: list[dict], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(pred index, gold index, f1)``, greedy by best token F1.

    Items are dicts with ``text`` and optionally ``start``/``end`` (character spans, used to break
    ties between identical texts).
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            f = token_f1(p["text"], g["text"])
            if f >= threshold:
                overlap = 0
                if p.get("start") is not None and g.get("start") is not None:
                    overlap = max(0, min(p["end"], g["end"]) - max(p["start"], g["start"]))
                pairs.append((f, overlap, i, j))
    pairs.sort(key=lambda x: (-x[0], -x[1]))
    used_p, used_g, out = set(), set(), []
    for f, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, f))
    return out


def snippet_doc(text: str, nlp: Language) -> Doc:
    """Parse a snippet the way the pipeline parses an article: a sentence starts at every
    paragraph (see :func:`helpers.extract.entities.paragraph_spans`)."""
    doc = nlp.make_doc(text)
    for _, start, _, _ in paragraph_spans(text):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    return nlp(doc)


def score_gold(quotes: pd.DataFrame, gold: dict, text: str) -> dict:
    """Scores of the quotes frame ``quotes`` against ``gold`` for the article ``text``.

    Returns a dict: direct_precision/recall/f1 (direct+partial), indirect_precision/recall/f1,
    speaker_accuracy, speaker_accuracy_lenient (over all matched quotes), tvd; the counts behind
    them (``counts``: predicted, gold and matched per group, speakers right); and the per-quote lists
    ``matches``, ``missed`` and ``spurious`` for reading.
    """
    gq = [dict(g) for g in gold["quotes"]]
    for g in gq:
        g["start"], g["end"] = _locate(text, g["text"], g.get("occurrence", 1))
    has_co = "co_speakers" in quotes.columns
    pq = [
        {"text": r.text, "start": int(r.start_char), "end": int(r.end_char), "speaker": r.speaker,
         "co_speakers": list(r.co_speakers) if has_co and isinstance(r.co_speakers, (list, tuple)) else [],
         "kind": str(r.kind), "quote_id": r.quote_id}
        for r in quotes.itertuples(index=False)
    ]
    known = known_names(gold)
    result = {}
    counts = {}
    matched = []
    missed, spurious = [], []
    for group, gkinds, pkinds in (("direct", {"direct"}, {"direct", "partial"}), ("indirect", {"indirect"}, {"indirect"})):
        p = [x for x in pq if x["kind"] in pkinds]
        g = [x for x in gq if x["kind"] in gkinds]
        m = match_quotes(p, g)
        counts[f"{group}_predicted"], counts[f"{group}_gold"], counts[f"{group}_matched"] = len(p), len(g), len(m)
        result.update(_prf(group, len(p), len(g), len(m)))
        mp, mg = {i for i, _, _ in m}, {j for _, j, _ in m}
        missed += [g[j] for j in range(len(g)) if j not in mg]
        spurious += [p[i] for i in range(len(p)) if i not in mp]
        matched += [(p[i], g[j], f) for i, j, f in m]
    right = sum(speaker_right(pp["speaker"], gg, known) for pp, gg, _ in matched)
    lenient = sum(speaker_right(pp["speaker"], gg, known, lenient=True) for pp, gg, _ in matched)
    counts["matched"], counts["speaker_right"], counts["speaker_right_lenient"] = len(matched), right, lenient
    result["speaker_accuracy"] = right / len(matched) if matched else 0.0
    result["speaker_accuracy_lenient"] = lenient / len(matched) if matched else 0.0
    result["tvd"] = tvd(pred_share(quotes, known), gold_share(gold))
    result["counts"] = counts
    result["matches"] = matched
    result["missed"] = missed
    result["spurious"] = spurious
    return result


def score_articles(scored: list[dict]) -> dict:
    """Pooled scores of many :func:`score_gold` results (see the module docstring)."""
    total: dict[str, int] = {}
    for r in scored:
        for k, v in r["counts"].items():
            total[k] = total.get(k, 0) + v
    out = {}
    for group in ("direct", "indirect"):
        out.update(_prf(group, total.get(f"{group}_predicted", 0), total.get(f"{group}_gold", 0),
                        total.get(f"{group}_matched", 0)))
    n = total.get("matched", 0)
    out["speaker_accuracy"] = total.get("speaker_right", 0) / n if n else 0.0
    out["speaker_accuracy_lenient"] = total.get("speaker_right_lenient", 0) / n if n else 0.0
    out["tvd"] = sum(r["tvd"] for r in scored) / len(scored) if scored else 0.0
    out["counts"] = total
    return out


def known_names(gold: dict) -> set[str]:
    """Normalised names of the article's people and organisations: the gold ``people`` and every
    named gold speaker (``UNKNOWN`` excluded)."""
    names = set(gold.get("people", []))
    for q in gold["quotes"]:
        names.add(q["speaker"])
        names.update(q.get("also_speakers", []))
    return {_norm(n) for n in names if n and n != UNKNOWN} - {""}


def speaker_right(predicted, gold_quote: dict, known: set[str], lenient: bool = False) -> bool:
    """Whether ``predicted`` is a right speaker for ``gold_quote`` (rules in the module docstring)."""
    if gold_quote["speaker"] == UNKNOWN:
        return predicted is None or not _names_known(predicted, known)
    return any(_same_name(predicted, g, lenient=lenient)
               for g in [gold_quote["speaker"], *gold_quote.get("also_speakers", [])])


def gold_share(gold: dict) -> pd.Series:
    """Gold share of statements per speaker (no pull quotes, no embedded fragments; a joint
    statement counts for each of its speakers)."""
    speakers = []
    for q in gold["quotes"]:
        if not q.get("pull_quote") and not q.get("embedded_in_indirect"):
            speakers += [_norm(q["speaker"]) if q["speaker"] != UNKNOWN else UNKNOWN,
                         *(_norm(a) for a in q.get("also_speakers", []))]
    if not speakers:
        return pd.Series(dtype="float64")
    s = pd.Series(speakers).value_counts()
    return s / s.sum()


def pred_share(quotes: pd.DataFrame, known: set[str] | None = None) -> pd.Series:
    """Predicted share of statements per speaker, counted like the gold one. With ``known`` (see
    :func:`known_names`), a speaker who is none of them, or no speaker, counts as ``UNKNOWN``."""
    if quotes.empty:
        return pd.Series(dtype="float64")
    kept = countable_quotes(quotes)
    speakers = []
    has_co = "co_speakers" in kept.columns
    for r in kept.itertuples(index=False):
        names = [r.speaker] + (list(r.co_speakers) if has_co and isinstance(r.co_speakers, (list, tuple)) else [])
        for name in names:
            if known is None:
                if name is not None and not (isinstance(name, float) and name != name):
                    speakers.append(_norm(name))
            elif name is None or (isinstance(name, float) and name != name) or not _names_known(name, known):
                speakers.append(UNKNOWN)
            else:
                speakers.append(_norm(name))
    if not speakers:
        return pd.Series(dtype="float64")
    s = pd.Series(speakers).value_counts()
    return s / s.sum()


def tvd(p: pd.Series, q: pd.Series) -> float:
    """Total variation distance of two distributions given as Series indexed by label."""
    def key(k):
        return k if k == UNKNOWN else _norm(k)

    keys = {key(k): 0.0 for k in list(p.index) + list(q.index)}
    pp, qq = dict(keys), dict(keys)
    for k, v in p.items():
        pp[key(k)] += float(v)
    for k, v in q.items():
        qq[key(k)] += float(v)
    return 0.5 * sum(abs(pp[k] - qq[k]) for k in keys)


def peer_case_result(quotes: pd.DataFrame, case: dict) -> tuple[bool, str]:
    """``(passed, reason)`` of one peer case given our quotes frame of its text."""
    q = quotes[quotes["kind"].astype(str).isin(["direct", "partial"])] if len(quotes) else quotes
    pred = []
    for r in q.sort_values("start_char").itertuples(index=False) if len(q) else ():
        if str(r.attribution) == "multi-paragraph" and pred:
            # One row per paragraph here; a peer's quotation running over paragraphs is one.
            pred[-1]["text"] += "\n" + r.text
            continue
        pred.append({"text": r.text, "speaker": r.speaker, "mention": r.speaker_mention, "cue": r.cue})
    # A peer's quote in several parts ("quote_parts": interrupted by its cue) is one row per part
    # here (the gold README's convention 2).
    expected = [dict(e, text=part, quote=part) for e in case["quotes"] for part in e.get("quote_parts") or [e["quote"]]]
    m = match_quotes(pred, expected)
    if len(m) != len(expected):
        got = {j for _, j, _ in m}
        return False, "missed: " + "; ".join(e["quote"][:50] for j, e in enumerate(expected) if j not in got)
    if len(pred) != len(expected):
        used = {i for i, _, _ in m}
        return False, "extra: " + "; ".join(str(p["text"])[:50] for i, p in enumerate(pred) if i not in used)
    asserted = set(case.get("asserted", []))
    for i, j, _ in m:
        p, e = pred[i], expected[j]
        if not _peer_speaker_ok(p, e):
            return False, f"speaker {p['speaker']!r}/{p['mention']!r} != {e.get('speaker')!r}/{e.get('speaker_canonical')!r}"
        if "cue" in asserted and e.get("cue"):
            if (p["cue"] or "").split()[:1] != [e["cue"].split()[0]] and (p["cue"] or "").lower().split()[:1] != e["cue"].lower().split()[:1]:
                return False, f"cue {p['cue']!r} != {e['cue']!r}"
    return True, "ok"


def _peer_speaker_ok(p, e):
    canonical = e.get("speaker_canonical")
    mention = e.get("speaker")
    if canonical:
        if _same_name(p["speaker"], canonical, lenient=True, titles=True):
            return True
        return mention is None and p["speaker"] is None
    if mention is None:
        return True
    for ours in (p["mention"], p["speaker"]):
        if ours and _contains(ours, mention):
            return True
    return False


_TITLE = {"professor", "dr", "mr", "mrs", "ms", "officer", "president"}
UNKNOWN = "UNKNOWN"


def _prf(group, n_pred, n_gold, n_matched):
    prec = n_matched / n_pred if n_pred else 0.0
    rec = n_matched / n_gold if n_gold else 0.0
    return {f"{group}_precision": prec, f"{group}_recall": rec,
            f"{group}_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def _norm(name):
    """Lower-case words of a name without accents, a possessive 's or a leading "the"."""
    if name is None:
        return ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(name)) if not unicodedata.combining(c))
    words = [w[:-2] if w.endswith("'s") else w for w in tokens(plain)]
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(w for w in words if w)


def _names_known(name, known):
    n = _norm(name)
    return bool(n) and n in known


def _contains(a, b):
    na, nb = _strip_the(_norm(a)), _strip_the(_norm(b))
    if not na or not nb:
        return False
    return na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def _strip_the(s):
    return s[4:] if s.startswith("the ") else s


def _same_name(a, b, lenient=False, titles=False):
    if a is None or b is None:
        return False
    na, nb = _norm(a), _norm(b)
    if titles:
        na = " ".join(w for w in na.split() if w not in _TITLE)
        nb = " ".join(w for w in nb.split() if w not in _TITLE)
    if na == nb:
        return True
    return lenient and bool(na) and bool(nb) and na.split()[-1] == nb.split()[-1]


def _locate(text, needle, occurrence=1):
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None, None
    return pos, pos + len(needle)

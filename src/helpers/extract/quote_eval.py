"""Measure the quote engine: against a gold annotation, and against the peers' test cases.

Gold (``tests/data/*.quotes.json``, format in ``../shared/gold/README.md``, the folder beside the
checkout, not in the repository), scored as the README says:

- a predicted quote matches a gold one when the F1 of their word tokens is at least 0.5 (quote marks
  and case ignored); pairs are matched one-to-one, greedily by best overlap (ties: the pair whose
  character spans overlap);
- direct+partial quotes and indirect quotes are scored separately (precision, recall, F1);
- the speaker of a matched quote is right when the canonical names agree (case and spacing
  ignored); "lenient" also accepts the same surname;
- speaker share is the distribution of counted statements per speaker (no pull quotes, no quoted
  fragments inside a reported clause: :func:`helpers.measure.share.countable_quotes`), compared with the
  gold one by total variation distance.

Peer cases (``tests/data/quote_cases.jsonl``, see ``../shared/peer/README.md`` beside the checkout):
only quoted (direct and partial) extractions are scored. A case passes when every expected quote is
matched (token F1 >= 0.5), no other quoted extraction is left over, and for each match the speaker
agrees: the canonical person when the case gives one (``speaker_canonical``), else the peer's
mention (our ``speaker_mention`` or ``speaker`` equal to it, or one inside the other, ignoring "the"
and case); an expected quote with no speaker accepts any. When the case asserts the cue, the cue
must agree too (case ignored, first word).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

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


def snippet_doc(text: str, nlp):
    """Parse a snippet the way the pipeline parses an article: a sentence starts at every
    paragraph (see :func:`helpers.extract.entities.paragraph_spans`)."""
    from helpers.extract.entities import paragraph_spans

    doc = nlp.make_doc(text)
    for _, start, _, _ in paragraph_spans(text):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    return nlp(doc)


def score_gold(quotes: pd.DataFrame, gold: dict, text: str) -> dict:
    """Scores of the quotes frame ``quotes`` against ``gold`` for the article ``text``.

    Returns a dict: direct_precision/recall/f1 (direct+partial), indirect_precision/recall/f1,
    speaker_accuracy, speaker_accuracy_lenient (over all matched quotes), tvd, and the per-quote
    lists ``matches``, ``missed`` and ``spurious`` for reading.
    """
    gq = [dict(g) for g in gold["quotes"]]
    for g in gq:
        g["start"], g["end"] = _locate(text, g["text"], g.get("occurrence", 1))
    pq = [
        {"text": r.text, "start": int(r.start_char), "end": int(r.end_char), "speaker": r.speaker,
         "kind": str(r.kind), "quote_id": r.quote_id}
        for r in quotes.itertuples(index=False)
    ]
    result = {}
    matched = []
    missed, spurious = [], []
    for group, gkinds, pkinds in (("direct", {"direct"}, {"direct", "partial"}), ("indirect", {"indirect"}, {"indirect"})):
        p = [x for x in pq if x["kind"] in pkinds]
        g = [x for x in gq if x["kind"] in gkinds]
        m = match_quotes(p, g)
        prec = len(m) / len(p) if p else 0.0
        rec = len(m) / len(g) if g else 0.0
        result[f"{group}_precision"] = prec
        result[f"{group}_recall"] = rec
        result[f"{group}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        mp, mg = {i for i, _, _ in m}, {j for _, j, _ in m}
        missed += [g[j] for j in range(len(g)) if j not in mg]
        spurious += [p[i] for i in range(len(p)) if i not in mp]
        matched += [(p[i], g[j], f) for i, j, f in m]
    right = sum(_same_name(pp["speaker"], gg["speaker"]) for pp, gg, _ in matched)
    lenient = sum(_same_name(pp["speaker"], gg["speaker"], lenient=True) for pp, gg, _ in matched)
    result["speaker_accuracy"] = right / len(matched) if matched else 0.0
    result["speaker_accuracy_lenient"] = lenient / len(matched) if matched else 0.0
    result["tvd"] = tvd(pred_share(quotes), gold_share(gold))
    result["matches"] = matched
    result["missed"] = missed
    result["spurious"] = spurious
    return result


def gold_share(gold: dict) -> pd.Series:
    """Gold share of statements per speaker (no pull quotes, no embedded fragments)."""
    speakers = [q["speaker"] for q in gold["quotes"] if not q.get("pull_quote") and not q.get("embedded_in_indirect")]
    s = pd.Series(speakers).value_counts()
    return s / s.sum()


def pred_share(quotes: pd.DataFrame) -> pd.Series:
    """Predicted share of statements per speaker, counted like the gold one."""
    from helpers.measure.share import countable_quotes

    if quotes.empty:
        return pd.Series(dtype="float64")
    kept = countable_quotes(quotes)
    kept = kept[kept["speaker"].notna()]
    s = kept["speaker"].value_counts()
    return s / s.sum() if s.sum() else s


def tvd(p: pd.Series, q: pd.Series) -> float:
    """Total variation distance of two distributions given as Series indexed by label."""
    keys = {_norm(k): 0.0 for k in list(p.index) + list(q.index)}
    pp, qq = dict(keys), dict(keys)
    for k, v in p.items():
        pp[_norm(k)] += float(v)
    for k, v in q.items():
        qq[_norm(k)] += float(v)
    return 0.5 * sum(abs(pp[k] - qq[k]) for k in keys)


def peer_case_result(quotes: pd.DataFrame, case: dict) -> tuple[bool, str]:
    """``(passed, reason)`` of one peer case given our quotes frame of its text."""
    q = quotes[quotes["kind"].astype(str).isin(["direct", "partial"])] if len(quotes) else quotes
    pred = [
        {"text": r.text, "speaker": r.speaker, "mention": r.speaker_mention, "cue": r.cue}
        for r in q.itertuples(index=False)
    ]
    expected = [dict(e, text=e["quote"]) for e in case["quotes"]]
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


def _norm(name):
    return " ".join(tokens(str(name))) if name is not None else ""


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

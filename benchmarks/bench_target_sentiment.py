"""Measure helpers.measure.target_sentiment on NewsMTSC devtest_mt (sentences with two or more targets).

Usage:
    .venv/bin/python benchmarks/bench_target_sentiment.py [PATH]

PATH is devtest_mt.jsonl or the directory holding it; default $NEWSLENS_NEWSMTSC (file or
directory), else ``../shared/newsmtsc`` beside the checkout (the folder next to the repository's
root, found from this file's location, not from the working directory). The data is NewsMTSC
(Hamborg & Donnay, EACL 2021, MIT licence); it is read in place, never copied into the repo. When
the file is absent it says so and exits 0.

Prints, over all targets: n, accuracy, macro-F1 and per-class F1 of
``mention_polarities`` (the doc-aware path, one parse per sentence), the same for the
whole-sentence VADER baseline (compound >= 0.05 positive, <= -0.05 negative, else neutral),
and timings: spaCy parse time, the extra time of scoring the mentions (ms per mention and as a
share of parse time), and the text path ``target_polarity`` (which parses the sentence itself).
Do not tune on this split: the model is tuned by cross-validation on train.jsonl.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from helpers.ingest.nlp import load_nlp
from helpers.measure import target_sentiment as ts
from helpers.measure import vader

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO.parent / "shared" / "newsmtsc"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0] if argv else os.environ.get("NEWSLENS_NEWSMTSC", DEFAULT_DIR))
    if path.is_dir() or path.suffix != ".jsonl":
        path = path / "devtest_mt.jsonl"
    if not path.exists():
        print(f"SKIP: NewsMTSC not found at {path} (pass the path or set NEWSLENS_NEWSMTSC)")
        return 0
    result = evaluate(path, text_path_sample=100)
    counts = result["gold_counts"]
    print(f"NewsMTSC {path.name}: {result['n_sentences']} sentences, n = {len(result['targets'])} targets "
          f"({', '.join(f'{c} {counts[c]}' for c in ts.LABELS)})")
    names = {"target_sentiment": "target_sentiment (mention_polarities)", "vader": "VADER whole sentence baseline"}
    for key, name in names.items():
        sc = result["scores"][key]
        print(f"{name}: macro-F1 {sc['macro_f1']:.4f}  accuracy {sc['accuracy']:.4f}  "
              + "  ".join(f"F1 {c} {v:.4f}" for c, v in sc["f1"].items()))
    t = result["timing"]
    print(f"timing: spaCy parse {t['parse_s']:.2f}s ({1000 * t['parse_s'] / result['n_sentences']:.2f} ms/sentence, "
          f"{t['n_tokens'] / t['parse_s']:.0f} tokens/s); scoring {len(result['targets'])} mentions "
          f"{t['score_s']:.2f}s ({1000 * t['score_s'] / len(result['targets']):.3f} ms/mention) = "
          f"{100 * t['score_s'] / t['parse_s']:.1f}% of parse time")
    print(f"timing: target_polarity (text path, parses each call) {t['text_path_ms']:.2f} ms/mention "
          f"over {t['text_path_n']} mentions")
    return 0


def evaluate(path: Path, text_path_sample: int = 0) -> dict:
    """Score every target of the NewsMTSC file ``path``.

    Returns ``{"n_sentences", "gold_counts", "scores": {"target_sentiment": ..., "vader": ...},
    "targets": [[gold, label, score], ...], "timing": {...}}``; each score is ``{"macro_f1",
    "accuracy", "f1": {label: F1}}``. ``text_path_sample`` sentences are also timed through
    ``target_polarity`` (which parses each call).
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_nlp()
    analyzer = vader.analyzer()
    ts.mention_polarities(nlp("Warm up the model."), [(0, 4)])  # load the model once, outside the timings

    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["sentence_normalized"] for r in rows), batch_size=256))
    t_parse = time.perf_counter() - t0

    gold, pred, scores, baseline = [], [], [], []
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs):
        spans = [(t["from"], t["to"]) for t in row["targets"]]  # `to` is exclusive
        for r in ts.mention_polarities(doc, spans):
            pred.append(r["label"])
            scores.append(r["score"])
    t_score = time.perf_counter() - t0
    for row in rows:
        c = analyzer.polarity_scores(row["sentence_normalized"])["compound"]
        lab = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
        for t in row["targets"]:
            gold.append(POLARITY[t["polarity"]])
            baseline.append(lab)

    sample = [(r["sentence_normalized"], t["from"], t["to"]) for r in rows[:text_path_sample] for t in r["targets"]]
    t0 = time.perf_counter()
    for text, start, end in sample:
        ts.target_polarity(text, start, end)
    t_text = time.perf_counter() - t0

    g = np.array(gold)
    out_scores = {}
    for key, p in (("target_sentiment", np.array(pred)), ("vader", np.array(baseline))):
        f1 = per_class_f1(g, p)
        out_scores[key] = {"macro_f1": float(np.mean(list(f1.values()))), "accuracy": float(np.mean(g == p)), "f1": f1}
    return {
        "n_sentences": len(rows),
        "gold_counts": {c: int((g == c).sum()) for c in ts.LABELS},
        "scores": out_scores,
        "targets": [[a, b, s] for a, b, s in zip(gold, pred, scores)],
        "timing": {"parse_s": t_parse, "score_s": t_score, "n_tokens": sum(len(d) for d in docs),
                   "text_path_ms": 1000 * t_text / len(sample) if sample else 0.0, "text_path_n": len(sample)},
    }


def per_class_f1(gold, pred) -> dict[str, float]:
    out = {}
    for c in ts.LABELS:
        tp = np.sum((pred == c) & (gold == c))
        p, r = tp / max(np.sum(pred == c), 1), tp / max(np.sum(gold == c), 1)
        out[c] = float(2 * p * r / (p + r)) if p + r else 0.0
    return out


if __name__ == "__main__":
    sys.exit(main())

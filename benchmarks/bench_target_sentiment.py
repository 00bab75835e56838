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

from helpers.measure import target_sentiment as ts

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
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = ts._nlp()
    ts._model(), ts._vader()  # load once, outside the timings

    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["sentence_normalized"] for r in rows), batch_size=256))
    t_parse = time.perf_counter() - t0

    gold, pred, vader = [], [], []
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs):
        spans = [(t["from"], t["to"]) for t in row["targets"]]  # `to` is exclusive
        pred += [r["label"] for r in ts.mention_polarities(doc, spans)]
    t_score = time.perf_counter() - t0
    for row in rows:
        c = ts._vader().polarity_scores(row["sentence_normalized"])["compound"]
        lab = "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
        for t in row["targets"]:
            gold.append(POLARITY[t["polarity"]])
            vader.append(lab)
    gold, pred, vader = np.array(gold), np.array(pred), np.array(vader)

    print(f"NewsMTSC {path.name}: {len(rows)} sentences, n = {len(gold)} targets "
          f"({', '.join(f'{c} {int((gold == c).sum())}' for c in ts.LABELS)})")
    for name, p in (("target_sentiment (mention_polarities)", pred), ("VADER whole sentence baseline", vader)):
        f1 = per_class_f1(gold, p)
        print(f"{name}: macro-F1 {np.mean(list(f1.values())):.4f}  accuracy {np.mean(gold == p):.4f}  "
              + "  ".join(f"F1 {c} {v:.4f}" for c, v in f1.items()))

    n_tok = sum(len(d) for d in docs)
    print(f"timing: spaCy parse {t_parse:.2f}s ({1000 * t_parse / len(rows):.2f} ms/sentence, "
          f"{n_tok / t_parse:.0f} tokens/s); scoring {len(gold)} mentions {t_score:.2f}s "
          f"({1000 * t_score / len(gold):.3f} ms/mention) = {100 * t_score / t_parse:.1f}% of parse time")
    sample = [(r["sentence_normalized"], t["from"], t["to"]) for r in rows[:100] for t in r["targets"]]
    t0 = time.perf_counter()
    for text, start, end in sample:
        ts.target_polarity(text, start, end)
    t_text = time.perf_counter() - t0
    print(f"timing: target_polarity (text path, parses each call) {1000 * t_text / len(sample):.2f} ms/mention "
          f"over {len(sample)} mentions")
    return 0


def per_class_f1(gold, pred) -> dict[str, float]:
    out = {}
    for c in ts.LABELS:
        tp = np.sum((pred == c) & (gold == c))
        p, r = tp / max(np.sum(pred == c), 1), tp / max(np.sum(gold == c), 1)
        out[c] = float(2 * p * r / (p + r)) if p + r else 0.0
    return out


if __name__ == "__main__":
    sys.exit(main())

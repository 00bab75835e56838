"""Rebuild helpers/measure/data/target_sentiment.json from NewsMTSC train.jsonl.

Usage:
    .venv/bin/python benchmarks/train_target_sentiment.py [TRAIN_JSONL] [--out PATH]
        [--folds 5] [--max-features 30000]

TRAIN_JSONL defaults to $NEWSLENS_NEWSMTSC/train.jsonl (a directory), else
``../shared/newsmtsc/train.jsonl`` beside the checkout (the folder next to the repository's root,
found from this file's location, not from the working directory). Exits 0 with a message when the
file is absent.

What it does, deterministically (no shuffling; lbfgs is deterministic; JSON written sorted):
1. parses every sentence with spaCy (helpers.ingest.nlp.load_nlp()) and builds the features of each target with
   helpers.measure.target_sentiment.mention_features (the same code the package runs at inference);
2. picks C and class_weight of a multinomial logistic regression by GroupKFold
   cross-validation on train.jsonl alone, grouped by article (all targets of a sentence, and
   all sentences of an article, stay in one fold) - the devtest split is never looked at;
3. refits on all of train.jsonl, keeps the --max-features features with the largest
   absolute coefficient (the pruning is part of every CV fold too, so the CV score is the
   score of what ships) and writes vocabulary + coefficients + intercepts as JSON.
Only the model's weights are written: no sentence or other text of NewsMTSC goes in the file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from helpers.ingest.nlp import load_nlp
from helpers.measure import target_sentiment as ts
from helpers.storage import write_text

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
GRID = [(c, cw) for c in (0.1, 0.3, 1.0) for cw in (None, "balanced")]
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "newsmtsc"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(os.environ.get("NEWSLENS_NEWSMTSC", DEFAULT_DIR))
    ap.add_argument("train", nargs="?", default=str(default_dir / "train.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src/helpers/measure/data" / ts.ARTIFACT))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-features", type=int, default=30000)
    ap.add_argument("--quick", action="store_true", help="skip the grid: C=0.3, no class weights")
    args = ap.parse_args(argv)

    train = Path(args.train)
    if not train.exists():
        print(f"SKIP: {train} not found (set NEWSLENS_NEWSMTSC or pass the path)")
        return 0
    t0 = time.time()
    X, y, groups = load_features(train)
    print(f"{len(y)} targets in {len(set(groups))} articles; features built in {time.time() - t0:.0f}s")
    print("class counts:", {c: int((y == c).sum()) for c in ts.LABELS})

    grid = [(0.3, None)] if args.quick else GRID
    results = []
    for c, cw in grid:
        f1 = cross_validate(X, y, groups, c, cw, args.folds, args.max_features)
        results.append((f1, c, cw))
        print(f"CV macro-F1 (GroupKFold k={args.folds}, by article) C={c} class_weight={cw}: {f1:.4f}")
    best_f1, best_c, best_cw = max(results, key=lambda r: r[0])  # ties: first in grid order
    print(f"chosen C={best_c} class_weight={best_cw}: CV macro-F1 {best_f1:.4f}")

    vec, model = fit(X, y, best_c, best_cw)
    artifact = to_artifact(vec, model, args.max_features)
    artifact["meta"] = {
        "trained_on": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021), MIT licence",
        "train_sha256": hashlib.sha256(train.read_bytes()).hexdigest(),
        "n_targets": int(len(y)),
        "C": best_c,
        "class_weight": best_cw,
        "cv": f"GroupKFold k={args.folds} by article",
        "cv_macro_f1": round(best_f1, 4),
        "max_features": args.max_features,
        "sklearn": sklearn.__version__,
        "builder": "benchmarks/train_target_sentiment.py",
    }
    out = Path(args.out)
    write_text(out, json.dumps(artifact, separators=(",", ":"), sort_keys=True) + "\n")  # atomic; makes the folder
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(artifact['features'])} features)")
    return 0


def load_features(path: Path):
    """Parse train.jsonl -> (feature dicts, labels array, article-id groups array)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_nlp()
    X, y, groups = [], [], []
    for row, doc in zip(rows, nlp.pipe((r["sentence_normalized"] for r in rows), batch_size=256)):
        article = "_".join(row["primary_gid"].split("_")[:3])  # source_corpus_article
        for t in row["targets"]:
            # NewsMTSC's `to` is exclusive in practice (text[from:to] == mention for every target)
            X.append(ts.mention_features(doc, t["from"], t["to"]))
            y.append(POLARITY[t["polarity"]])
            groups.append(article)
    return X, np.array(y), np.array(groups)


def fit(X, y, c, cw):
    vec = DictVectorizer(sort=True)
    A = vec.fit_transform(X)
    model = LogisticRegression(C=c, class_weight=cw, max_iter=5000).fit(A, y)
    return vec, model


def cross_validate(X, y, groups, c, cw, folds, max_features) -> float:
    pred = np.empty(len(y), dtype=object)
    for tr, te in GroupKFold(n_splits=folds).split(X, y, groups):
        vec, model = fit([X[i] for i in tr], y[tr], c, cw)
        coef = _pruned(model.coef_, max_features)
        z = vec.transform([X[i] for i in te]) @ coef.T + model.intercept_
        pred[te] = model.classes_[np.asarray(z).argmax(1)]
    return macro_f1(y, pred)


def to_artifact(vec, model, max_features) -> dict:
    coef = _pruned(model.coef_, max_features)
    keep = np.flatnonzero(np.abs(coef).max(0) > 0)
    names = vec.get_feature_names_out()
    return {
        "classes": [str(c) for c in model.classes_],
        "features": [str(names[i]) for i in keep],
        "coef": [[round(float(v), 5) for v in coef[:, i]] for i in keep],
        "intercept": [round(float(v), 6) for v in model.intercept_],
    }


def macro_f1(y, pred) -> float:
    f1s = []
    for c in ts.LABELS:
        tp = np.sum((pred == c) & (y == c))
        p, r = tp / max(np.sum(pred == c), 1), tp / max(np.sum(y == c), 1)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(np.mean(f1s))


def _pruned(coef, k):
    """Zero all but the k features whose largest absolute class coefficient is biggest."""
    strength = np.abs(coef).max(0)
    if k and k < len(strength):
        coef = coef.copy()
        # stable sort so ties resolve the same way on every run
        coef[:, np.argsort(-strength, kind="stable")[k:]] = 0.0
    return coef


if __name__ == "__main__":
    sys.exit(main())

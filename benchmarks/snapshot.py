"""Snapshot every frame and score newslens computes, to show that a change leaves outputs alone.

    .venv/bin/python benchmarks/snapshot.py write DIR            # snapshot of this checkout
    .venv/bin/python benchmarks/snapshot.py compare OLD NEW       # what differs between two snapshots

``write`` analyses, with the parse cache off:

- the bundled article (``data/raw/<DEFAULT_ARTICLE>``),
- the 14 dev articles (``tests/data/dev/*.txt``),
- the first ``--corpus`` articles (default 6) of ``corpus/wikinews-2019-2020.jsonl`` in the shared
  folder that are not dev articles,

and writes ``DIR/<article_id>.json``: every frame of ``pipeline.analyze_doc`` (paragraphs,
sentences, quotes, mentions, entities) and of ``pipeline.measure`` (share, exclusions, sources,
people, positions, sentence/quote/speaker tone, mention and entity sentiment, keyphrases, the theme
model's themes/terms/sentences, speaker x theme, theme flow), each with its dtypes, index and rows,
one row per line (so ``diff -r OLD NEW`` is readable too). With NewsMTSC in the shared folder it
also writes ``DIR/newsmtsc.json``: the scores of ``benchmarks/bench_target_sentiment.py`` and the
label and score of every target.

``compare`` reports, per file and frame, dtype or shape changes, cells that differ (floats by
their largest absolute difference, other values listed) and identical frames by count only.

The shared folder is ``--shared``, else ``../shared`` beside the checkout, else beside the folder
holding the checkout (a worktree under ``/work/wt/NAME`` finds ``/work/shared``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config, pipeline
from helpers.ingest.article import article_from_text, load_article
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import parse
from helpers.storage import write_text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import bench_target_sentiment  # noqa: E402  (a sibling script)

DEV = REPO / "tests" / "data" / "dev"
CORPUS_FILE = Path("corpus") / "wikinews-2019-2020.jsonl"
FINDINGS = ("share", "exclusions", "sources", "people", "positions", "sentence_tone", "quote_tone", "speaker_tone",
            "mention_sentiment", "entity_sentiment", "keyphrases", "speaker_themes", "theme_flow")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write a snapshot of this checkout to DIR")
    w.add_argument("dir", type=Path)
    w.add_argument("--shared", type=Path, default=None, help="the shared folder (corpus/, newsmtsc/)")
    w.add_argument("--corpus", type=int, default=6, help="corpus articles to include (default 6)")
    w.add_argument("--no-newsmtsc", action="store_true", help="leave out the NewsMTSC scores")
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args(argv)
    if args.command == "write":
        return write(args.dir, _shared(args.shared), args.corpus, newsmtsc=not args.no_newsmtsc)
    return compare(args.old, args.new)


# --- write -----------------------------------------------------------------------------------


def write(out: Path, shared: Path | None, n_corpus: int, newsmtsc: bool = True) -> int:
    out.mkdir(parents=True, exist_ok=True)
    nlp = load_nlp()
    articles = [load_article(config.raw_path(config.DEFAULT_ARTICLE), nlp=nlp)]
    articles += [load_article(p, nlp=nlp) for p in sorted(DEV.glob("*.txt"))]
    if shared is not None and (shared / CORPUS_FILE).is_file():
        dev_titles = {a.title for a in articles}
        for line in (shared / CORPUS_FILE).read_text(encoding="utf-8").splitlines():
            if n_corpus <= 0:
                break
            row = json.loads(line)
            if row["title"] in dev_titles:
                continue
            text = f"{row['title']}\n\n{row['text']}\n"
            articles.append(article_from_text(text, article_id=row["id"], nlp=nlp,
                                              meta={"title": row["title"], "published": row["published"],
                                                    "url": row["url"]}))
            n_corpus -= 1
    for article in articles:
        doc = parse(article, nlp=nlp, cache=False)
        analysis = pipeline.analyze_doc(doc, article)
        findings = pipeline.measure(analysis)
        frames = {name: frame for name, frame in analysis.frames().items()}
        frames.update({name: getattr(findings, name) for name in FINDINGS})
        model = findings.themes
        frames.update({"themes.themes": model.themes, "themes.terms": model.terms, "themes.sentences": model.sentences})
        snap = {"metadata": article.metadata,
                "theme_model": {"k": model.k, "k_rule": model.k_rule, "converged": bool(model.converged)},
                "frames": {name: _frame(frame) for name, frame in frames.items()}}
        _dump(snap, out / f"{article.article_id}.json")
        print(f"{article.article_id}: {len(frames)} frames")
    path = shared / "newsmtsc" / "devtest_mt.jsonl" if shared is not None and newsmtsc else None
    if path is not None and path.is_file():
        result = bench_target_sentiment.evaluate(path)
        _dump({"scores": result["scores"], "targets": result["targets"]}, out / "newsmtsc.json")
        print(f"newsmtsc: macro-F1 {result['scores']['target_sentiment']['macro_f1']:.4f} "
              f"over {len(result['targets'])} targets")
    else:
        print("newsmtsc: not found, skipped")
    return 0


def _shared(given: Path | None) -> Path | None:
    if given is not None:
        return given
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return None


def _frame(frame: pd.DataFrame) -> dict:
    return {
        "dtypes": {str(c): str(t) for c, t in frame.dtypes.items()},
        "columns": [_plain(c) for c in frame.columns],
        "columns_name": frame.columns.name,
        "index": [_plain(i) for i in frame.index],
        "index_name": frame.index.name,
        "rows": [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }


def _plain(v):
    """A JSON value for a cell: floats kept to the last bit (``repr``), arrays as lists."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [_plain(x) for x in v]
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return {"float": repr(float(v))}
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    return str(v)


def _dump(obj: dict, path: Path) -> None:
    """JSON with every list of plain values (a frame row, an index, a target) on one line."""
    write_text(path, _json(obj) + "\n")


def _json(v, indent: int = 0) -> str:
    pad = " " * (indent + 1)
    if isinstance(v, dict) and v and not _is_float(v):
        items = [f"{pad}{json.dumps(str(k))}: {_json(x, indent + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    # a list of lists (rows, targets) or of objects gets one line each; a list holding a plain
    # value (a row, an index) is one line
    if isinstance(v, list) and v and all(isinstance(x, (list, dict)) and not _is_float(x) for x in v):
        return "[\n" + ",\n".join(pad + _json(x, indent + 1) for x in v) + "\n" + " " * indent + "]"
    return json.dumps(v, ensure_ascii=False)


def _is_float(v) -> bool:
    return isinstance(v, dict) and set(v) == {"float"}


# --- compare ---------------------------------------------------------------------------------


def compare(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.glob("*.json")} | {p.name for p in new.glob("*.json")})
    n_same = n_diff = 0
    for name in names:
        a, b = old / name, new / name
        if not (a.is_file() and b.is_file()):
            print(f"{name}: only in {'old' if a.is_file() else 'new'}")
            n_diff += 1
            continue
        A, B = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
        lines = []
        for key in sorted(set(A) | set(B)):
            if key == "frames":
                continue
            if A.get(key) != B.get(key):
                lines += _diff_value(key, A.get(key), B.get(key))
        frames_a, frames_b = A.get("frames", {}), B.get("frames", {})
        same = 0
        for frame in sorted(set(frames_a) | set(frames_b)):
            fa, fb = frames_a.get(frame), frames_b.get(frame)
            if fa == fb:
                same += 1
                continue
            lines += _diff_frame(frame, fa, fb)
        if lines:
            n_diff += 1
            print(f"{name}: {same} frames identical; differences:")
            print("\n".join("  " + ln for ln in lines))
        else:
            n_same += 1
    print(f"{n_same} of {len(names)} files identical")
    return 0


def _diff_value(key, a, b) -> list[str]:
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        cells = [(i, x, y) for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return [f"{key}: {len(cells)} of {len(a)} items differ"] + _cells(cells)
    if isinstance(a, dict) and isinstance(b, dict):
        return [ln for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)
                for ln in _diff_value(f"{key}.{k}", a.get(k), b.get(k))]
    return [f"{key}: {_show(a)} -> {_show(b)}"]


def _diff_frame(name, a, b) -> list[str]:
    if a is None or b is None:
        return [f"{name}: only in {'old' if b is None else 'new'}"]
    out = []
    added = [c for c in b["columns"] if c not in a["columns"]]
    removed = [c for c in a["columns"] if c not in b["columns"]]
    if added or removed:
        out.append(f"{name}: columns added {_show(added)}, removed {_show(removed)}")
    common = {c: t for c, t in a["dtypes"].items() if c in b["dtypes"]}
    changed = {c: f"{t} -> {b['dtypes'][c]}" for c, t in common.items() if b["dtypes"][c] != t}
    if changed:
        out.append(f"{name}.dtypes: {_show(changed)}")
    for part in ("columns_name", "index", "index_name"):
        if a[part] != b[part]:
            out.append(f"{name}.{part}: {_show(a[part])} -> {_show(b[part])}")
    if len(a["rows"]) != len(b["rows"]):
        return out + [f"{name}: {len(a['rows'])} rows -> {len(b['rows'])} rows"]
    # cells compared column by column, by name: a column added or removed is reported above
    # (columns) and does not shift the others
    cols_a, cols_b = [str(c) for c in a["columns"]], [str(c) for c in b["columns"]]
    common = [c for c in cols_b if c in cols_a]
    cells, worst = [], 0.0
    for i, (ra, rb) in enumerate(zip(a["rows"], b["rows"])):
        for col in common:
            x, y = ra[cols_a.index(col)], rb[cols_b.index(col)]
            if x == y:
                continue
            d = _float_gap(x, y)
            if d is not None:
                worst = max(worst, d)
            cells.append((f"row {i} {col}", x, y))
    if cells:
        out.append(f"{name}: {len(cells)} cells differ" + (f", floats by at most {worst:.3g}" if worst else ""))
        out += _cells(cells)
    return out


def _float_gap(x, y) -> float | None:
    if isinstance(x, dict) and isinstance(y, dict) and "float" in x and "float" in y:
        fx, fy = float(x["float"]), float(y["float"])
        return abs(fx - fy) if not (math.isnan(fx) or math.isnan(fy)) else math.inf
    return None


def _cells(cells, limit: int = 8) -> list[str]:
    out = [f"  {where}: {_show(x)} -> {_show(y)}" for where, x, y in cells[:limit]]
    if len(cells) > limit:
        out.append(f"  ... {len(cells) - limit} more")
    return out


def _show(v) -> str:
    if isinstance(v, dict) and set(v) == {"float"}:
        return v["float"]
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 120 else s[:117] + "..."


if __name__ == "__main__":
    raise SystemExit(main())

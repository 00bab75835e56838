"""Eyeball the quote engine on unseen articles: dump the statements it finds, and diff two dumps.

The Wikinews corpus beside the checkout (``../shared/corpus/wikinews-2019-2020.jsonl``) has no gold;
a rule's effect on it is read, not scored. Dump the statements before a change, dump them again after
it, and read what changed::

    .venv/bin/python benchmarks/corpus_quotes.py dump before.jsonl --sample 60
    # ... change a rule ...
    .venv/bin/python benchmarks/corpus_quotes.py dump after.jsonl --sample 60
    .venv/bin/python benchmarks/corpus_quotes.py diff before.jsonl after.jsonl

The sample is drawn with a fixed seed (``--seed``) from the corpus articles that are not in the dev
set (``tests/data/dev/``), so two dumps with the same options read the same articles. Parses are
cached under ``data/interim/`` (``helpers.ingest.parse``), so the second dump costs only the engine.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from helpers import config
from helpers.extract.entities import resolve_entities
from helpers.extract.quotes import extract_quotes
from helpers.ingest.article import ArticleError, article_from_text
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import iter_parse
from helpers.storage import write_text

# ``../shared`` beside the checkout (a worktree sits one level deeper than the main checkout)
CORPUS = next((d / "shared" / "corpus" / "wikinews-2019-2020.jsonl" for d in config.PROJECT_ROOT.parents
               if (d / "shared" / "corpus").is_dir()), config.PROJECT_ROOT.parent / "shared" / "corpus")
DEV = config.PROJECT_ROOT / "tests" / "data" / "dev"
FIELDS = ("kind", "speaker", "co_speakers", "cue", "text", "attribution", "needs_review")


def sample_rows(path: Path, n: int, seed: int) -> list[dict]:
    """``n`` corpus rows (all when ``n`` is 0) that are not dev articles, in a seeded random order."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev_urls = set()
    for readme in DEV.glob("README.md"):
        dev_urls = {w.strip(" |") for w in readme.read_text(encoding="utf-8").split() if "wikinews.org" in w}
    rows = [r for r in rows if r.get("url") not in dev_urls]
    random.Random(seed).shuffle(rows)
    return rows[:n] if n else rows


def dump(rows: list[dict], out: Path) -> int:
    """Write one JSON line per statement found in ``rows`` to ``out``; returns the number of lines."""
    nlp = load_nlp()
    articles = []
    for r in rows:
        try:
            articles.append(article_from_text(r["text"], article_id=r["id"], meta={"title": r.get("title")}))
        except ArticleError as err:
            print(err, file=sys.stderr)
    lines = []
    for article, doc in zip(articles, iter_parse(articles, nlp=nlp)):
        res = resolve_entities(doc, article.paragraphs, article.article_id)
        quotes = extract_quotes(doc, article.paragraphs, article.article_id, resolution=res)
        for q in quotes.to_dict("records"):
            rec = {"article_id": article.article_id, "start_char": int(q["start_char"])}
            rec.update({k: (list(q[k]) if k == "co_speakers" else q[k]) for k in FIELDS})
            rec["needs_review"] = bool(rec["needs_review"])
            lines.append(json.dumps(rec, ensure_ascii=False, default=str))
    write_text(out, "\n".join(lines) + "\n")
    return len(lines)


def diff(before: Path, after: Path) -> None:
    """Print, article by article, the statements only in ``before`` (-) or only in ``after`` (+),
    those whose words changed (a before/after pair of overlapping statements of the same group:
    < and >), and those whose speaker or kind changed (~)."""
    def load(p):
        out: dict[str, list[dict]] = {}
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                r["end_char"] = r["start_char"] + len(r["text"])
                out.setdefault(r["article_id"], []).append(r)
        return out
    a, b = load(before), load(after)
    counts = {"-": 0, "+": 0, "<>": 0, "~": 0}

    def same_group(x, y):
        return (x["kind"] == "indirect") == (y["kind"] == "indirect")

    for art in sorted(set(a) | set(b)):
        xs, ys = a.get(art, []), b.get(art, [])
        lines = []
        used = set()
        for x in xs:
            exact = next((k for k, y in enumerate(ys) if k not in used and same_group(x, y)
                          and (y["start_char"], y["text"]) == (x["start_char"], x["text"])), None)
            over = exact if exact is not None else next(
                (k for k, y in enumerate(ys) if k not in used and same_group(x, y)
                 and y["start_char"] < x["end_char"] and x["start_char"] < y["end_char"]), None)
            if over is None:
                lines.append((x["start_char"], "-", x, None))
                continue
            used.add(over)
            y = ys[over]
            if y["text"] != x["text"]:
                lines.append((x["start_char"], "<>", y, x))
            elif (x["speaker"], x["kind"], x["co_speakers"]) != (y["speaker"], y["kind"], y["co_speakers"]):
                lines.append((x["start_char"], "~", y, x))
        lines += [(y["start_char"], "+", y, None) for k, y in enumerate(ys) if k not in used]
        if not lines:
            continue
        print(f"== {art}")
        for _, sign, r, old in sorted(lines, key=lambda t: t[0]):
            counts[sign] += 1
            if sign == "<>":
                print(f"  < [{old['kind']}] {old['speaker']!r} <{old['cue']}> {old['text'][:110]!r}")
                print(f"  > [{r['kind']}] {r['speaker']!r} <{r['cue']}> {r['text'][:110]!r}")
                continue
            was = f" (was {old['speaker']!r}/{old['kind']})" if old else ""
            print(f"  {sign} [{r['kind']}] {r['speaker']!r}{was} <{r['cue']}> {r['text'][:110]!r}")
    print(f"\n{counts['-']} gone, {counts['+']} new, {counts['<>']} with other words, {counts['~']} with another "
          f"speaker or kind")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="extract the statements of a corpus sample into a JSONL file")
    d.add_argument("out", type=Path)
    d.add_argument("--corpus", type=Path, default=CORPUS)
    d.add_argument("--sample", type=int, default=60, help="number of articles (0: all)")
    d.add_argument("--seed", type=int, default=0)
    f = sub.add_parser("diff", help="compare two dumps")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.command == "dump":
        if not args.corpus.is_file():
            print(f"{args.corpus}: no corpus there", file=sys.stderr)
            return 1
        n = dump(sample_rows(args.corpus, args.sample, args.seed), args.out)
        print(f"wrote {n} statements to {args.out}")
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())

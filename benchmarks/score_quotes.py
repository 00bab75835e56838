"""Score the quote engine: the bundled article's gold, the dev set of 14 articles, the peers' cases.

Usage (from the project root)::

    .venv/bin/python benchmarks/score_quotes.py            # the table
    .venv/bin/python benchmarks/score_quotes.py --verbose  # plus every miss, extra, wrong speaker, failed case
    .venv/bin/python benchmarks/score_quotes.py --json     # the numbers as one JSON object
    .venv/bin/python benchmarks/score_quotes.py --article wn_el_paso --verbose   # one dev article

Gold: ``tests/data/<article>.quotes.json`` against ``data/raw/<article>.txt``; dev:
``tests/data/dev/NAME.txt`` with ``NAME.gold.json`` (copied from ``../shared/dev/``, Wikinews, CC BY
2.5); dev2: ``tests/data/dev2/`` (ten more, first a blind hold-out; its README). Every text is read with ``helpers.ingest.article.load_article`` and parsed with
``helpers.ingest.parse`` (paragraph roles, forced sentence starts), exactly as the pipeline does.
Peers: ``tests/data/quote_cases.jsonl``, each text read as a snippet. Scoring rules:
:mod:`helpers.measure.quote_eval` (dev and dev2 scores are pooled over each set's articles; the distance is the
mean per article).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers import config
from helpers.extract.entities import resolution_from
from helpers.measure.quote_eval import (
    known_names, load_gold, load_peer_cases, peer_case_result, score_articles, score_gold, snippet_doc,
    speaker_right,
)
from helpers.extract.quotes import extract_quotes
from helpers.ingest.article import load_article
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import parse_many

TEST_DATA = config.PROJECT_ROOT / "tests" / "data"
DEV = TEST_DATA / "dev"
#: The second development set (tests/data/dev2/README.md): ten more Wikinews articles, first a blind hold-out.
DEV2 = TEST_DATA / "dev2"
MEASURES = ("direct_precision", "direct_recall", "direct_f1", "indirect_precision", "indirect_recall",
            "indirect_f1", "speaker_accuracy", "speaker_accuracy_lenient", "tvd")


def dev_articles(folder: Path = DEV) -> list[tuple[Path, Path]]:
    """``(text, gold)`` paths of a dev set (``DEV`` or ``DEV2``), sorted by name."""
    return [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(folder.glob("*.txt"))]


def score_texts(pairs: list[tuple[Path, Path]], nlp) -> list[dict]:
    """One :func:`score_gold` result per ``(text, gold)`` pair, with ``name`` and ``quotes`` added."""
    articles = [load_article(t) for t, _ in pairs]
    out = []
    for (t, g), article, doc in zip(pairs, articles, parse_many(articles, nlp=nlp, cache=False)):
        resolution = resolution_from(doc, article.paragraphs)
        quotes = extract_quotes(doc, article.paragraphs, article.article_id, resolution=resolution)
        scored = score_gold(quotes, load_gold(g), article.text)
        scored["name"], scored["quotes"], scored["known"] = t.stem, quotes, known_names(load_gold(g))
        out.append(scored)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", help="score only this article (the bundled one or a dev name)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    nlp = load_nlp()

    seed = (config.raw_path(config.DEFAULT_ARTICLE), TEST_DATA / f"{config.DEFAULT_ARTICLE}.quotes.json")
    dev, dev2 = dev_articles(DEV), dev_articles(DEV2)
    if args.article:
        dev = [p for p in dev if p[0].stem == args.article]
        dev2 = [p for p in dev2 if p[0].stem == args.article]
    seed_scores = score_texts([seed], nlp)[0] if args.article in (None, config.DEFAULT_ARTICLE) else None
    dev_scores = score_texts(dev, nlp)
    pooled = score_articles(dev_scores) if dev_scores else None
    dev2_scores = score_texts(dev2, nlp)
    pooled2 = score_articles(dev2_scores) if dev2_scores else None

    cases = load_peer_cases(TEST_DATA / "quote_cases.jsonl") if not args.article else []
    results = [peer_case_result(extract_quotes(snippet_doc(c["text"], nlp), article_id="peer"), c) for c in cases]
    passed = sum(ok for ok, _ in results)

    numbers: dict = {}
    if seed_scores:
        numbers["bundled"] = {k: round(seed_scores[k], 4) for k in MEASURES}
    if pooled:
        numbers["dev"] = {k: round(pooled[k], 4) for k in MEASURES}
        numbers["dev_articles"] = {s["name"]: {k: round(s[k], 4) for k in MEASURES} for s in dev_scores}
    if pooled2:
        numbers["dev2"] = {k: round(pooled2[k], 4) for k in MEASURES}
        numbers["dev2_articles"] = {s["name"]: {k: round(s[k], 4) for k in MEASURES} for s in dev2_scores}
    if cases:
        numbers["peer"] = {"passed": passed, "cases": len(cases)}
    if args.json:
        print(json.dumps(numbers, indent=2))
        return 0

    print(f"{'measure':28s} {'bundled':>8s} {'dev':>8s} {'dev2':>8s}")
    for key in MEASURES:
        cells = [f"{numbers[s][key]:.3f}" if s in numbers else "-" for s in ("bundled", "dev", "dev2")]
        print(f"{key:28s} " + " ".join(f"{c:>8s}" for c in cells))
    if cases:
        print(f"peer cases: {passed}/{len(cases)} passed")
    if dev_scores or dev2_scores:
        print("\nper dev / dev2 article: direct F1, indirect F1, speaker, tvd")
        for s in dev_scores + dev2_scores:
            print(f"  {s['name']:24s} {s['direct_f1']:.2f} {s['indirect_f1']:.2f} {s['speaker_accuracy']:.2f} "
                  f"{s['tvd']:.2f}")
    if args.verbose:
        for s in ([seed_scores] if seed_scores else []) + dev_scores + dev2_scores:
            _print_errors(s)
        for c, (ok, why) in zip(cases, results):
            if not ok:
                print(f"  PEER FAIL ({c['source'].split(':')[0]}): {why} | {c['text'][:90]!r}")
    return 0


def _print_errors(s: dict) -> None:
    print(f"\n== {s['name']}")
    for p, g, _ in s["matches"]:
        if not speaker_right(p["speaker"], g, s["known"]):
            also = f" (also {g['also_speakers']})" if g.get("also_speakers") else ""
            print(f"  SPEAKER {p['speaker']!r} != {g['speaker']!r}{also}: [{g['kind']}] {g['text'][:70]}")
    for g in s["missed"]:
        print(f"  MISSED  [{g['kind']}] {g['speaker']} ({g.get('cue')}): {g['text'][:90]}")
    for p in s["spurious"]:
        print(f"  EXTRA   [{p['kind']}] {p['speaker']}: {p['text'][:90]}")


if __name__ == "__main__":
    sys.exit(main())

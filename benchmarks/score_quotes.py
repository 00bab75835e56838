"""Score the quote engine: the bundled article's gold, the dev set of 14 articles, the peers' cases.

Usage (from the project root)::

    .venv/bin/python benchmarks/score_quotes.py            # the table
    .venv/bin/python benchmarks/score_quotes.py --verbose  # plus every miss, extra, wrong speaker, failed case
    .venv/bin/python benchmarks/score_quotes.py --json     # the numbers as one JSON object
    .venv/bin/python benchmarks/score_quotes.py --article wn_el_paso --verbose   # one dev article

Gold: ``tests/data/<article>.quotes.json`` against ``data/raw/<article>.txt``; dev:
``tests/data/dev/NAME.txt`` with ``NAME.gold.json`` (copied from ``../shared/dev/``, Wikinews, CC BY
2.5); dev2: ``tests/data/dev2/`` (ten more, first a blind hold-out); dev3 to dev7: ``tests/data/dev3/``,
``tests/data/dev4/``, ``tests/data/dev5/``, ``tests/data/dev6/``, ``tests/data/dev7/`` (twelve more each, annotated blind; see each set's README);
dev8: ``tests/data/dev8/`` (32 short articles with few quotation marks, annotated blind, first the blind set F);
dev9: ``tests/data/dev9/`` (32 more of that kind, first the blind set G); dev10: ``tests/data/dev10/`` (40 short
wire-style articles, first the blind set I). Every text is read with ``helpers.ingest.article.load_article`` and parsed with
``helpers.ingest.parse`` (paragraph roles, forced sentence starts), exactly as the pipeline does.
Peers: ``tests/data/quote_cases.jsonl``, each text read as a snippet. Scoring rules:
:mod:`helpers.measure.quote_eval` (each dev set's scores are pooled over its articles; the distance is the
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
#: The third development set (tests/data/dev3/README.md): twelve more Wikinews articles, annotated blind.
DEV3 = TEST_DATA / "dev3"
#: The fourth development set (tests/data/dev4/README.md): twelve more, annotated blind like dev3.
DEV4 = TEST_DATA / "dev4"
#: The fifth development set (tests/data/dev5/README.md): twelve more, first a blind hold-out.
DEV5 = TEST_DATA / "dev5"
#: The sixth development set (tests/data/dev6/README.md): twelve more, first a blind hold-out (set D).
DEV6 = TEST_DATA / "dev6"
#: The seventh development set (tests/data/dev7/README.md): twelve more, first half of the blind set E.
DEV7 = TEST_DATA / "dev7"
#: The eighth development set (tests/data/dev8/README.md): 32 short articles with few quotation marks (blind set F).
DEV8 = TEST_DATA / "dev8"
#: The ninth development set (tests/data/dev9/README.md): 32 more short articles of that kind (blind set G).
DEV9 = TEST_DATA / "dev9"
#: The tenth development set (tests/data/dev10/README.md): 40 short wire-style articles (blind set I).
DEV10 = TEST_DATA / "dev10"
#: The development sets, in the order of the table's columns.
DEV_SETS = {"dev": DEV, "dev2": DEV2, "dev3": DEV3, "dev4": DEV4, "dev5": DEV5, "dev6": DEV6, "dev7": DEV7, "dev8": DEV8, "dev9": DEV9,
            "dev10": DEV10}
MEASURES = ("direct_precision", "direct_recall", "direct_f1", "indirect_precision", "indirect_recall",
            "indirect_f1", "speaker_accuracy", "speaker_accuracy_lenient", "tvd")


def dev_articles(folder: Path = DEV) -> list[tuple[Path, Path]]:
    """``(text, gold)`` paths of a dev set (one of ``DEV_SETS``), sorted by name; none if it is absent."""
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
    seed_scores = score_texts([seed], nlp)[0] if args.article in (None, config.DEFAULT_ARTICLE) else None
    per_set: dict[str, list[dict]] = {}
    for name, folder in DEV_SETS.items():
        pairs = [p for p in dev_articles(folder) if args.article in (None, p[0].stem)]
        per_set[name] = score_texts(pairs, nlp)
    dev_scores = [s for scores in per_set.values() for s in scores]

    cases = load_peer_cases(TEST_DATA / "quote_cases.jsonl") if not args.article else []
    results = [peer_case_result(extract_quotes(snippet_doc(c["text"], nlp), article_id="peer"), c) for c in cases]
    passed = sum(ok for ok, _ in results)

    numbers: dict = {}
    if seed_scores:
        numbers["bundled"] = {k: round(seed_scores[k], 4) for k in MEASURES}
    for name, scores in per_set.items():
        if scores:
            pooled = score_articles(scores)
            numbers[name] = {k: round(pooled[k], 4) for k in MEASURES}
            numbers[f"{name}_articles"] = {s["name"]: {k: round(s[k], 4) for k in MEASURES} for s in scores}
    if cases:
        numbers["peer"] = {"passed": passed, "cases": len(cases)}
    if args.json:
        print(json.dumps(numbers, indent=2))
        return 0

    columns = ("bundled", *DEV_SETS)
    print(f"{'measure':28s} " + " ".join(f"{c:>8s}" for c in columns))
    for key in MEASURES:
        cells = [f"{numbers[s][key]:.3f}" if s in numbers else "-" for s in columns]
        print(f"{key:28s} " + " ".join(f"{c:>8s}" for c in cells))
    if cases:
        print(f"peer cases: {passed}/{len(cases)} passed")
    if dev_scores:
        print(f"\nper {' / '.join(DEV_SETS)} article: direct F1, indirect F1, speaker, tvd")
        for s in dev_scores:
            print(f"  {s['name']:24s} {s['direct_f1']:.2f} {s['indirect_f1']:.2f} {s['speaker_accuracy']:.2f} "
                  f"{s['tvd']:.2f}")
    if args.verbose:
        for s in ([seed_scores] if seed_scores else []) + dev_scores:
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

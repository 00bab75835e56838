"""Score the quote engine on the gold seed article and on the peers' test cases.

Usage (from the project root)::

    .venv/bin/python benchmarks/score_quotes.py            # summary
    .venv/bin/python benchmarks/score_quotes.py --verbose  # plus every miss, extra and failed case
    .venv/bin/python benchmarks/score_quotes.py --json     # the numbers as one JSON object

Gold: ``tests/data/<article>.quotes.json`` against ``data/raw/<article>.txt`` read with
``helpers.ingest.article.load_article`` and parsed with ``helpers.ingest.parse`` (paragraph roles, forced sentence
starts), exactly as the pipeline does. Peers: ``tests/data/quote_cases.jsonl``, each text read as a
snippet (no paragraphs frame; a sentence starts at every line, as the pipeline's parse does). Timing: the extra cost of entities + quotes relative
to the parse of the seed (best of 5 runs each). Scoring rules: :mod:`helpers.extract.quote_eval`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from helpers import config
from helpers.ingest.article import load_article
from helpers.extract.entities import resolve_entities
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import make_doc, parse
from helpers.extract.quote_eval import load_gold, load_peer_cases, peer_case_result, score_gold, snippet_doc
from helpers.extract.quotes import extract_quotes

TEST_DATA = config.PROJECT_ROOT / "tests" / "data"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", default=config.DEFAULT_ARTICLE)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args(argv)

    nlp = load_nlp()
    article = load_article(config.raw_path(args.article))
    doc = parse(article, nlp=nlp, cache=False)
    resolution = resolve_entities(doc, article.paragraphs, article.article_id)
    quotes = extract_quotes(doc, article.paragraphs, article.article_id, resolution=resolution)
    gold = load_gold(TEST_DATA / f"{args.article}.quotes.json")
    scores = score_gold(quotes, gold, article.text)

    cases = load_peer_cases(TEST_DATA / "quote_cases.jsonl")
    results = [peer_case_result(extract_quotes(snippet_doc(c["text"], nlp), article_id="peer"), c) for c in cases]
    passed = sum(ok for ok, _ in results)

    numbers = {k: round(v, 4) for k, v in scores.items() if isinstance(v, float)}
    numbers["peer_passed"] = passed
    numbers["peer_cases"] = len(cases)
    numbers["peer_pass_rate"] = round(passed / len(cases), 4)
    if not args.no_timing:
        numbers.update(_timing(nlp, article))

    if args.json:
        print(json.dumps(numbers, indent=2))
        return 0
    print(f"gold ({args.article}):")
    for key in ("direct_precision", "direct_recall", "direct_f1", "indirect_precision", "indirect_recall",
                "indirect_f1", "speaker_accuracy", "speaker_accuracy_lenient", "tvd"):
        print(f"  {key:26s} {numbers[key]:.3f}")
    print(f"peer cases: {passed}/{len(cases)} passed ({numbers['peer_pass_rate']:.1%})")
    if "parse_seconds" in numbers:
        print(f"timing: parse {numbers['parse_seconds'] * 1000:.1f} ms, entities+quotes "
              f"{numbers['quotes_seconds'] * 1000:.1f} ms ({numbers['quotes_cost_vs_parse']:.1%} of parse)")
    if args.verbose:
        for p, g, f in scores["matches"]:
            if p["speaker"] != g["speaker"]:
                print(f"  WRONG SPEAKER {p['speaker']!r} != {g['speaker']!r}: {g['text'][:70]}")
        for g in scores["missed"]:
            print(f"  MISSED [{g['kind']}] {g['speaker']}: {g['text'][:80]}")
        for p in scores["spurious"]:
            print(f"  EXTRA  [{p['kind']}] {p['speaker']}: {p['text'][:80]}")
        for i, (c, (ok, why)) in enumerate(zip(cases, results)):
            if not ok:
                print(f"  PEER {i} FAIL ({c['source'].split(':')[0]}): {why} | {c['text'][:80]!r}")
    return 0


def _timing(nlp, article, repeats=5):
    parse_t, quote_t = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc = nlp(make_doc(article, nlp))
        t1 = time.perf_counter()
        res = resolve_entities(doc, article.paragraphs, article.article_id)
        extract_quotes(doc, article.paragraphs, article.article_id, resolution=res)
        t2 = time.perf_counter()
        parse_t.append(t1 - t0)
        quote_t.append(t2 - t1)
    p, q = min(parse_t), min(quote_t)
    return {"parse_seconds": round(p, 4), "quotes_seconds": round(q, 4), "quotes_cost_vs_parse": round(q / p, 4)}


if __name__ == "__main__":
    sys.exit(main())

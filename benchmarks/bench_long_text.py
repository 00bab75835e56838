"""Long texts: time and peak memory of loading, parsing (in chunks) and analysing one long article.

The text is short news paragraphs written here (a statement, a direct quote with a named speaker,
a plain sentence), numbered so that no two are the same, repeated up to ``--chars`` characters. It
goes through what the command line does for one file: ``article_from_text``, ``parse`` (no cache:
over ``helpers.ingest.parse.CHUNK_CHARS`` it is parsed chunk by chunk and joined), ``analyze_doc``.
Peak memory is the process's maximum resident set size (``resource.getrusage``) after each step.

    .venv/bin/python benchmarks/bench_long_text.py                    # 300,000 characters
    .venv/bin/python benchmarks/bench_long_text.py --chars 1100000    # past spaCy's max_length
"""

from __future__ import annotations

import argparse
import resource
import time

from helpers.ingest.article import article_from_text
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import CHUNK_CHARS, parse
from helpers.pipeline import analyze_doc

PARAGRAPH = ('The harbour authority said on Tuesday that the new pier would open in May. "We are proud of it," '
             "said Anna Berg, the mayor of Porto Vale. Workers finished the deck last week.")


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=300_000, help="length of the article (default 300,000)")
    args = ap.parse_args(argv)
    nlp = load_nlp()
    print(f"pipeline loaded: peak {peak_gb():.2f} GB; chunks of at most {CHUNK_CHARS:,} characters")
    n = max(1, args.chars // (len(PARAGRAPH) + 12))
    text = "Harbour Pier Opens Late\n\n" + "\n\n".join(f"{PARAGRAPH} Item {i}." for i in range(n)) + "\n"
    t0 = time.perf_counter()
    article = article_from_text(text, "long", nlp=nlp)
    t1 = time.perf_counter()
    doc = parse(article, nlp=nlp, cache=False)
    t2 = time.perf_counter()
    print(f"{len(text):,} characters, {len(doc):,} tokens: load {t1 - t0:.1f} s, parse {t2 - t1:.1f} s, "
          f"peak {peak_gb():.2f} GB")
    analysis = analyze_doc(doc, article)
    t3 = time.perf_counter()
    print(f"analysis {t3 - t2:.1f} s ({len(analysis.quotes):,} quotes, {len(analysis.mentions):,} mentions), "
          f"peak {peak_gb():.2f} GB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

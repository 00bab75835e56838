"""The quote engine on the 14 Wikinews development articles (tests/data/dev/, gold included), and on
the ten of the second development set (tests/data/dev2/, first a blind hold-out) and the twelve of the
third, fourth and fifth (tests/data/dev3/, dev4/, dev5/, annotated blind).

The targets of issue 9, pooled over the dev set as ``benchmarks/score_quotes.py`` prints them
(scoring rules: helpers.measure.quote_eval). The articles are read and parsed exactly as the pipeline
does. The speaker targets are shared with the speakers slice (who said it); the span targets (which
words are quoted) are the quote engine's own.
"""

from pathlib import Path

import pytest

from helpers.extract.entities import resolution_from
from helpers.measure.quote_eval import load_gold, score_articles, score_gold
from helpers.extract.quotes import extract_quotes
from helpers.ingest.article import load_article
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import parse_many

DEV = Path(__file__).parent / "data" / "dev"
DEV2 = Path(__file__).parent / "data" / "dev2"
DEV3 = Path(__file__).parent / "data" / "dev3"
DEV4 = Path(__file__).parent / "data" / "dev4"
DEV5 = Path(__file__).parent / "data" / "dev5"


def _score(folder: Path, n: int) -> dict:
    texts = sorted(folder.glob("*.txt"))
    assert len(texts) == n, f"{folder} should hold {n} articles with their gold"
    articles = [load_article(t) for t in texts]
    out = []
    for t, article, doc in zip(texts, articles, parse_many(articles, nlp=load_nlp(), cache=False)):
        res = resolution_from(doc, article.paragraphs)
        quotes = extract_quotes(doc, article.paragraphs, article.article_id, resolution=res)
        out.append(score_gold(quotes, load_gold(t.with_name(t.stem + ".gold.json")), article.text))
    return score_articles(out)


@pytest.fixture(scope="module")
def scored():
    return _score(DEV, 14)


@pytest.fixture(scope="module")
def scored2():
    return _score(DEV2, 10)


@pytest.fixture(scope="module")
def scored3():
    return _score(DEV3, 12)


@pytest.fixture(scope="module")
def scored4():
    return _score(DEV4, 12)


@pytest.fixture(scope="module")
def scored5():
    return _score(DEV5, 12)


def test_direct_and_partial_quotes_f1(scored):
    assert scored["direct_f1"] >= 0.96


def test_indirect_quotes_f1(scored):
    assert scored["indirect_f1"] >= 0.88


def test_canonical_speaker_accuracy(scored):
    assert scored["speaker_accuracy"] >= 0.90


def test_speaker_share_distance(scored):
    assert scored["tvd"] <= 0.12


def test_every_gold_statement_is_counted(scored):
    # 105 direct and 91 indirect statements (tests/data/dev/README.md): the scorer saw them all.
    assert scored["counts"]["direct_gold"] == 105 and scored["counts"]["indirect_gold"] == 91


# dev2: floors a little under today's scores (direct 0.939, indirect 0.944, speaker 0.994, TVD 0.072 on
# 2026-12-05 01:10 UTC), so that a general rule may trade one dev2 statement for several elsewhere, but a rule that
# helps dev and loses dev2 (overfitting) fails here. dev2 was developed on: a blind set, scored outside the
# repository, is the check on overfitting to both.
def test_dev2_floors(scored2):
    assert scored2["direct_f1"] >= 0.93
    assert scored2["indirect_f1"] >= 0.93
    assert scored2["speaker_accuracy"] >= 0.97
    assert scored2["tvd"] <= 0.09


def test_dev2_every_gold_statement_is_counted(scored2):
    assert scored2["counts"]["direct_gold"] == 70 and scored2["counts"]["indirect_gold"] == 110


# dev3: first score direct 0.957, indirect 0.853, speaker 0.829, TVD 0.259 (2026-12-05, main 92c251a); floors
# raised a little under the scores at 01:10 UTC (0.990, 0.921, 0.976, 0.067), one or two statements of slack.
def test_dev3_floors(scored3):
    assert scored3["direct_f1"] >= 0.97
    assert scored3["indirect_f1"] >= 0.90
    assert scored3["speaker_accuracy"] >= 0.95
    assert scored3["tvd"] <= 0.10


def test_dev3_every_gold_statement_is_counted(scored3):
    assert scored3["counts"]["direct_gold"] == 48 and scored3["counts"]["indirect_gold"] == 40


# dev4: first score direct 0.941, indirect 0.773, speaker 0.689, TVD 0.387 (2026-12-05, main bc5502e); floors
# raised a little under the scores at the end of round 3 (0.971, 0.892, 0.939, 0.129; main bbd3643), one or two
# statements of slack.
def test_dev4_floors(scored4):
    assert scored4["direct_f1"] >= 0.95
    assert scored4["indirect_f1"] >= 0.87
    assert scored4["speaker_accuracy"] >= 0.92
    assert scored4["tvd"] <= 0.15


def test_dev4_every_gold_statement_is_counted(scored4):
    assert scored4["counts"]["direct_gold"] == 34 and scored4["counts"]["indirect_gold"] == 39


# dev5: floors just under the engine's score when it became a development set (direct 0.927, indirect
# 0.849, speaker 0.797, TVD 0.310 on 2026-12-05, main 89e3703); raised under the end of round 3 (0.927, 0.877,
# 0.829, 0.291; main 43389bd).
def test_dev5_floors(scored5):
    assert scored5["direct_f1"] >= 0.92
    assert scored5["indirect_f1"] >= 0.86
    assert scored5["speaker_accuracy"] >= 0.81
    assert scored5["tvd"] <= 0.30


def test_dev5_every_gold_statement_is_counted(scored5):
    assert scored5["counts"]["direct_gold"] == 44 and scored5["counts"]["indirect_gold"] == 40

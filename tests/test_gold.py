"""The quote engine against the hand-made gold annotation of the seed article.

Every measure is perfect and must stay so (issue 9): direct+partial F1, indirect F1 and canonical
speaker accuracy 1.000, speaker-share total variation distance 0.000. Scoring rules:
helpers.measure.quote_eval (as in ../shared/gold/README.md, beside the checkout). The same numbers, with the misses listed:
``python benchmarks/score_quotes.py --verbose``.
"""

from pathlib import Path

import pytest

from helpers import config
from helpers.ingest.article import load_article
from helpers.extract.entities import resolution_from
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import parse
from helpers.measure.quote_eval import load_gold, score_gold, token_f1, tvd
from helpers.extract.quotes import extract_quotes

DATA = Path(__file__).parent / "data"
SEED = "rferl-2005-06-24-nato-putin"


@pytest.fixture(scope="module")
def scored():
    article = load_article(config.raw_path(SEED))
    doc = parse(article, nlp=load_nlp(), cache=False)
    resolution = resolution_from(doc, article.paragraphs)
    quotes = extract_quotes(doc, article.paragraphs, article.article_id, resolution=resolution)
    return quotes, score_gold(quotes, load_gold(DATA / f"{SEED}.quotes.json"), article.text)


def test_direct_and_partial_quotes_f1(scored):
    assert scored[1]["direct_f1"] == 1.0


def test_indirect_quotes_f1(scored):
    assert scored[1]["indirect_f1"] == 1.0


def test_canonical_speaker_accuracy(scored):
    assert scored[1]["speaker_accuracy"] == 1.0


def test_speaker_share_tvd(scored):
    assert scored[1]["tvd"] == pytest.approx(0.0, abs=1e-9)


def test_pull_quote_is_flagged_and_linked(scored):
    quotes = scored[0]
    pull = quotes[quotes["is_pull_quote"]]
    assert len(pull) == 1
    body = quotes.set_index("quote_id").loc[pull.iloc[0]["duplicate_of"]]
    assert token_f1(body["text"], pull.iloc[0]["text"]) > 0.95


# The scorer itself must be able to fail.


def test_token_f1_and_tvd():
    import pandas as pd

    assert token_f1('"Hello, world"', "hello world") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 / 3)
    assert token_f1("x", "y") == 0.0
    assert tvd(pd.Series({"A": 0.5, "B": 0.5}), pd.Series({"A": 1.0})) == pytest.approx(0.5)


def test_scorer_penalises_a_wrong_speaker_and_a_missing_quote(scored):
    quotes = scored[0].copy()
    article = load_article(config.raw_path(SEED))
    gold = load_gold(DATA / f"{SEED}.quotes.json")
    quotes.loc[quotes.index[0], "speaker"] = "Somebody Else"
    worse = score_gold(quotes.iloc[1:].reset_index(drop=True), gold, article.text)
    assert worse["direct_f1"] < scored[1]["direct_f1"] or worse["indirect_f1"] < scored[1]["indirect_f1"]
    wrong = score_gold(quotes, gold, article.text)
    assert wrong["speaker_accuracy"] < 1.0

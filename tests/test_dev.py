"""The quote engine on the 14 Wikinews development articles (tests/data/dev/, gold included), and on
the ten of the second development set (tests/data/dev2/, first a blind hold-out) and the twelve of the
third to seventh (tests/data/dev3/ ... dev7/, annotated blind), and the 32 short articles of the
eighth (tests/data/dev8/, few quotation marks, first the blind set F) and the 32 of the ninth
(tests/data/dev9/, of the same kind, first the blind set G), and the 40 short wire-style articles of the
tenth (tests/data/dev10/, first the blind set I).

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

#: The further dev sets (each folder's README): articles, gold counts (direct, indirect), and floors
#: (direct F1, indirect F1, speaker, most TVD) a little under their scores, one or two statements of slack,
#: so a general rule may trade one statement for several elsewhere but a rule that helps one set and loses
#: another (overfitting) fails. Their history:
#: - dev2: floors under direct 0.939, indirect 0.944, speaker 0.994, TVD 0.072 (2026-12-05 01:10 UTC).
#: - dev3: first score 0.957 / 0.853 / 0.829 / 0.259 (main 92c251a); floors under 0.990 / 0.921 / 0.976 / 0.067.
#: - dev4: first score 0.941 / 0.773 / 0.689 / 0.387 (main bc5502e); floors under 0.971 / 0.892 / 0.939 / 0.129
#:   (main bbd3643).
#: - dev5: first a blind set, 0.927 / 0.849 / 0.797 / 0.310 when it became a dev set (main 89e3703); floors
#:   under 0.927 / 0.877 / 0.829 / 0.291 (main 43389bd).
#: - dev6: first the blind set D, 0.911 / 0.790 / 0.795 / 0.297 at the start of the third round (f432da7),
#:   0.911 / 0.790 / 0.821 / 0.257 when it became a dev set (main 6b11744); floors under that; round 4
#:   (spans classes): direct and indirect floors under 0.962 / 0.929, dev3 and dev5 indirect under
#:   0.935 / 0.892; speaker and TVD floors of dev5 and dev6 under 0.972 / 0.184 and 0.956 / 0.101 (round 4,
#:   speakers classes, main c90b0f3).
#: - dev7: the first half (12 articles) of the blind set E, 0.886 / 0.742 / 0.903 / 0.201 when it became a
#:   dev set at the start of round 5 (main 47c0a46); floors under that. Round 5 (spans classes, main eddd0f9):
#:   indirect floors of dev6 and dev7 under 0.941 / 0.915; direct floors of dev5 and dev7 under 0.940 / 0.935
#:   (quotations with no speech verb, round 5).
#: - dev8: the blind set F (32 short articles, few quotation marks), 0.972 / 0.882 / 0.841 / 0.199 at the start
#:   of round 5 (main 073cd41), 0.972 / 0.887 / 0.842 / 0.191 when it became a dev set at the start of round 6
#:   (main 3c80ad0); floors under that. Round 6 (spans classes, wire-style reported speech): direct floors of
#:   dev2 and dev8 under 0.947 / 0.986, indirect floors of dev5, dev7 and dev8 under 0.907 / 0.951 / 0.955.
#: - round 6 (names slice, entities.py): speaker and TVD floors of dev4, dev6 and dev8 under 0.970 / 0.101,
#:   0.978 / 0.074 and 0.958 / 0.051 (main 0f1c293; dev8 with the speakers and spans slices' round-6 work).
#: - round 6 (speakers slice, speakers.py): speaker and TVD floors of dev3 and dev8 under 1.000 / 0.026 and
#:   0.972 / 0.042 (main 8416dc1 and later).
#: - dev9: the blind set G (32 more short articles of dev8's kind), 0.951 / 0.890 / 0.798 / 0.226 at the start
#:   of round 6 (main 3c80ad0) and unchanged at its end when it became a dev set at the start of round 7
#:   (main 887042c); floors under that.
#: - round 7 (spans classes: hedges, that-less clauses however parsed, statements issued with a clause,
#:   'according to' misparses, subjects folded into a fronted phrase): indirect floors of dev2, dev6, dev7
#:   and dev9 under 0.953 / 0.954 / 0.968 / 0.993, direct floor of dev7 under 0.946 (main 82be7d3 + spans).
#: - round 7 (speakers and names slices): speaker and TVD floors of dev9 under 0.980 / 0.043 (main 663e035):
#:   0.96 / 0.06.
#: - dev10: the blind set I (40 short wire-style articles), 0.930 / 0.917 / 0.816 / 0.260 at the start of round 7
#:   (main 00d648e), 0.930 / 0.929 / 0.810 / 0.253 when it became a dev set at the start of round 8 (main 22949cd);
#:   floors under that.
#: - round 8 (speakers: role and group nouns resolved to their owner, with the names slice's repairs): dev10
#:   speaker and TVD 0.942 / 0.147 (main 4b6446e + speakers): floors 0.93 / 0.16.
#: - round 8 (spans: coordinated clauses in another tense, small clauses, subjunctive requests, subjects the
#:   parser hid in a phrase, hearer appositions, 'according to' after a semicolon): indirect floors of dev5 and
#:   dev10 under 0.933 / 0.969 (main a7d37f9 + spans): 0.92 / 0.96. Then (quotations after work nouns, cite
#:   and apologise fragments, data products, unnamed studies and reports citing sources): dev10 direct,
#:   indirect and TVD 1.000 / 0.980 / 0.072 (main 273b3d9 + spans): floors 0.97 / 0.97 / 0.09.
#: - round 8 (speakers: owners of a court order, an office of a named body, a family however written; with the
#:   names and spans slices' changes): dev10 speaker 0.972 (main fc44b41 + speakers): floor 0.96.
#: - round 8, end (speakers: organisers, research teams, 'the company' of the sentence before): speaker and TVD
#:   of dev5 0.987 / 0.135, dev9 0.990 / 0.027, dev10 0.980 / 0.047 (main b43a623 + speakers): floors
#:   0.98 / 0.14, 0.98 / 0.04, 0.97 / 0.06.
#: A blind set, scored outside the repository, is the check on overfitting to all of them.
FURTHER_SETS = {
    "dev2": (10, (70, 110), (0.94, 0.94, 0.97, 0.09)),
    "dev3": (12, (48, 40), (0.97, 0.91, 0.99, 0.03)),
    "dev4": (12, (34, 39), (0.95, 0.87, 0.94, 0.12)),
    "dev5": (12, (44, 40), (0.93, 0.92, 0.98, 0.14)),
    "dev6": (12, (55, 44), (0.95, 0.94, 0.95, 0.10)),
    "dev7": (12, (49, 32), (0.93, 0.94, 0.88, 0.22)),
    "dev8": (32, (36, 112), (0.97, 0.94, 0.96, 0.05)),
    "dev9": (32, (31, 73), (0.94, 0.97, 0.98, 0.04)),
    "dev10": (40, (23, 129), (0.97, 0.97, 0.97, 0.06)),
}


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


@pytest.fixture(scope="module", params=sorted(FURTHER_SETS))
def further(request):
    n, counts, floors = FURTHER_SETS[request.param]
    return _score(DEV.parent / request.param, n), counts, floors


def test_further_dev_set_floors(further):
    scores, _, (direct, indirect, speaker, tvd) = further
    assert scores["direct_f1"] >= direct
    assert scores["indirect_f1"] >= indirect
    assert scores["speaker_accuracy"] >= speaker
    assert scores["tvd"] <= tvd


def test_further_dev_set_every_gold_statement_is_counted(further):
    scores, (direct, indirect), _ = further
    assert (scores["counts"]["direct_gold"], scores["counts"]["indirect_gold"]) == (direct, indirect)

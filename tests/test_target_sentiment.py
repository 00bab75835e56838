"""Tests for helpers.measure.target_sentiment on sentences written for these tests (no NewsMTSC data)."""

import math

import pytest

from helpers.ingest.nlp import load_nlp
from helpers.measure.target_sentiment import (
    LABELS,
    mention_features,
    mention_polarities,
    target_polarity,
)


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def span_of(text, mention, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def polarity(text, mention):
    return target_polarity(text, *span_of(text, mention))


# --- contract ------------------------------------------------------------------------------


def test_output_contract():
    text = "Maria Lopez won the award for her outstanding courage and generosity."
    r = polarity(text, "Maria Lopez")
    assert r["label"] in LABELS
    assert set(r["probs"]) == set(LABELS)
    assert math.isclose(sum(r["probs"].values()), 1.0, abs_tol=1e-5)
    assert -1.0 <= r["score"] <= 1.0
    assert math.isclose(r["score"], r["probs"]["positive"] - r["probs"]["negative"], abs_tol=1e-5)
    assert r["label"] == max(r["probs"], key=r["probs"].get)
    assert r["n_features"] > 10


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (6, 2), (0, 1000), (3, 4)])
def test_bad_offsets_raise(start, end):
    text = "Tom Fischer thanked Karl Weber."  # text[3:4] is the blank between the names
    with pytest.raises(ValueError, match="offsets|blank"):
        target_polarity(text, start, end)


def test_bad_offsets_raise_on_doc_path(nlp):
    doc = nlp("Tom Fischer thanked Karl Weber.")
    with pytest.raises(ValueError, match="offsets"):
        mention_polarities(doc, [(0, 3), (20, 99)])


def test_doc_path_agrees_with_text_path(nlp):
    text = "The brave and honest Tom Fischer rescued the children, but the cruel Karl Weber abandoned them."
    spans = [span_of(text, "Tom Fischer"), span_of(text, "Karl Weber")]
    batch = mention_polarities(nlp(text), spans)
    assert batch == [target_polarity(text, *s) for s in spans]
    assert mention_polarities(nlp(text), []) == []


def test_mention_scored_on_its_own_sentence(nlp):
    text = "Voters were furious about the scandal. Anna Berg opened the new library on Tuesday."
    feats = mention_features(nlp(text), *span_of(text, "Anna Berg"))
    assert "s:library" in feats
    assert "s:furious" not in feats and "s:scandal" not in feats


# --- features -------------------------------------------------------------------------------


def test_mention_is_masked(nlp):
    text = "Critics praised Tom Fischer for the new library."
    feats = mention_features(nlp(text), *span_of(text, "Tom Fischer"))
    assert "s:<T>" in feats
    assert not [k for k in feats if "fischer" in k.lower() or "tom" in k.lower().split(":")[-1]]


def test_negated_governing_verb_is_marked(nlp):
    text = "Critics did not praise Tom Fischer."
    feats = mention_features(nlp(text), *span_of(text, "Tom Fischer"))
    assert feats.get("neg_gov") == 1.0
    assert "gv:NEG_praise" in feats
    plain = mention_features(nlp("Critics praised Tom Fischer."), 16, 27)
    assert "gv:praise" in plain and "neg_gov" not in plain


def test_speaker_vs_subject_of_quote(nlp):
    text = 'Anna Berg said the plan would fail, and "Tom Fischer is to blame," she added.'
    speaker = mention_features(nlp(text), *span_of(text, "Anna Berg"))
    spoken_of = mention_features(nlp(text), *span_of(text, "Tom Fischer"))
    assert speaker.get("speaker") == 1.0 and "in_quote" not in speaker
    assert spoken_of.get("in_quote") == 1.0 and "speaker" not in spoken_of


@pytest.mark.parametrize("verb", ["stressed", "insisted", "warned", "laughed"])
def test_the_speaker_of_any_speech_cue_of_the_quote_engine_is_marked(nlp, verb):
    """One list of speech verbs: the quote engine's cues (helpers.extract.cues) mark the speaker here too."""
    text = f'Anna Berg {verb} that the plan would fail.'
    assert mention_features(nlp(text), 0, 9).get("speaker") == 1.0
    assert "speaker" not in mention_features(nlp("Anna Berg opened the new library."), 0, 9)


def test_window_weights_decay_with_distance(nlp):
    text = "Yesterday the angry crowd in the square booed Karl Weber loudly."
    feats = mention_features(nlp(text), *span_of(text, "Karl Weber"))
    assert feats["wl:booed"] == 1.0  # adjacent word
    assert 0 < feats["wl:crowd"] < feats["wl:square"] < feats["wl:booed"]


# --- behaviour the model reliably shows -----------------------------------------------------


def test_clear_praise_and_clear_attack():
    assert polarity("Maria Lopez won the award for her outstanding courage and generosity.", "Maria Lopez")[
        "label"] == "positive"
    assert polarity("Peter Novak was convicted of fraud and bribery on Monday.", "Peter Novak")["label"] == "negative"
    assert polarity("Anna Berg said on Tuesday that the meeting would be held in Geneva next week.", "Anna Berg")[
        "label"] == "neutral"


def test_two_targets_in_one_sentence_differ():
    text = "The brave and honest Tom Fischer rescued the children, but the cruel Karl Weber abandoned them."
    tom, karl = polarity(text, "Tom Fischer"), polarity(text, "Karl Weber")
    assert tom["label"] == "positive" and karl["label"] == "negative"


@pytest.mark.parametrize("text", [
    "Voters adored Tom Fischer, while Karl Weber was jailed for corruption and abuse of power.",
    "Karl Weber was jailed for corruption and abuse of power, while voters adored Tom Fischer.",
])
def test_score_follows_the_target_not_word_order(text):
    assert polarity(text, "Tom Fischer")["score"] > polarity(text, "Karl Weber")["score"] + 0.2


def test_negation_flips_praise():
    assert polarity("Critics praised Tom Fischer.", "Tom Fischer")["label"] == "positive"
    assert polarity("Critics did not praise Tom Fischer.", "Tom Fischer")["label"] == "negative"


def test_cached_parse_gives_the_same_answer(nlp):
    # helpers.ingest.parse caches Docs as DocBin: only stored attributes may feed the features
    from spacy.tokens import DocBin

    text = "The brave and honest Tom Fischer rescued the children. The cruel Karl Weber abandoned them."
    doc = nlp(text)
    restored = next(DocBin(store_user_data=False, docs=[doc]).get_docs(nlp.vocab))
    spans = [span_of(text, "Tom Fischer"), span_of(text, "Karl Weber")]
    assert mention_polarities(restored, spans) == mention_polarities(doc, spans)


def test_mention_crossing_a_sentence_end_is_scored_on_its_first_sentence(nlp):
    text = "Critics praised Tom Fischer. Karl Weber left."
    doc = nlp(text)
    start, _ = span_of(text, "Fischer")
    _, end = span_of(text, "Karl")
    feats = mention_features(doc, start, end)
    assert "s:praised" in feats and "s:left" not in feats
    assert mention_polarities(doc, [(start, end)])[0]["label"] in LABELS


def test_vader_features_are_the_packages_scores_of_the_sentence_and_the_window(nlp):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from helpers.measure.target_sentiment import WINDOW

    package = SentimentIntensityAnalyzer()
    text = "After a dreadful week the brave mayor praised Karl Weber warmly at the happy ceremony in town."
    doc = nlp(text)
    start, end = span_of(text, "Karl Weber")
    feats = mention_features(doc, start, end)
    sentence = package.polarity_scores(text)
    assert (feats["vader_sent_compound"], feats["vader_sent_pos"], feats["vader_sent_neg"]) == (
        sentence["compound"], sentence["pos"], sentence["neg"])
    first = next(t.i for t in doc if t.idx == start)
    after = next(t.i for t in doc if t.idx + len(t) == end) + 1
    window = [t.text for t in doc[max(0, first - WINDOW):first]] + [t.text for t in doc[after:after + WINDOW]]
    assert feats["vader_win_compound"] == package.polarity_scores(" ".join(window))["compound"] != 0.0
    calm = mention_features(nlp("Karl Weber met the committee on Tuesday."), 0, 10)
    assert calm["vader_win_compound"] == 0.0 and calm["vader_sent_compound"] == 0.0


# --- the fast path computes what the plain rules would ----------------------------------------

SHORTCUT_TEXTS = [
    "Critics praised Tom Fischer, the mayor, for his work; \u201cnot bad at all,\u201d Anna Berg said.",
    "  The U.S. senator  Karl Weber - who never lied - was not cleared by the 2005 inquiry!  ",
    "Karl Weber. Anna Berg? \u201cYes,\u201d said Tom.\n\nThe end of it , and more .",
]


def _every_span(text):
    """Char spans of every kind the fast path must handle: token-aligned, mid-token, starting on a
    space, crossing sentence ends, made of punctuation only."""
    out = set()
    for s in range(len(text)):
        for e in range(s + 1, min(len(text), s + 40) + 1):
            if text[s:e].strip():
                out.add((s, e))
    return sorted(out)


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
def test_mention_spans_and_roots_are_spacys(nlp, text):
    """The token table the features read finds a mention's tokens and root as spaCy does."""
    from helpers.ingest.tokens import token_table

    doc = nlp(text)
    table = token_table(doc)
    for s, e in _every_span(text):
        span = doc.char_span(s, e, alignment_mode="expand")
        assert table.char_span(s, e) == (span.start, span.end)
        for a in range(span.start, span.end):  # every sub-range, as cut at a sentence end
            assert table.span_root(span.start, a + 1) == doc[span.start:a + 1].root.i


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
def test_spliced_bag_of_words_is_the_masked_sentence(nlp, text):
    from helpers.measure.target_sentiment import _model, _Names, _Sentence
    from helpers.ingest.tokens import token_table

    doc = nlp(text)
    table, index = token_table(doc), _model().index
    for sent in table.sents:
        n = sent[1] - sent[0]
        for t0 in range(n):
            for t1 in range(t0 + 1, n + 1):
                names = _Names()
                S = _Sentence(table, *sent, names)
                norm = S.norm[:t0] + ["<T>"] * (t1 - t0) + S.norm[t1:]
                words = [w for w, sk in zip(norm, S.skip) if not sk]
                expected = ["s:" + w for w in words] + [f"s2:{a}_{b}" for a, b in zip(words, words[1:])]
                assert [list(names)[i] for i in S.bag(t0, t1)] == expected
                assert _Sentence(table, *sent, index).bag(t0, t1) == [index.get(k, -1) for k in expected]


def test_polarities_equal_the_model_on_named_features(nlp):
    from helpers.measure.target_sentiment import _model

    text = SHORTCUT_TEXTS[0] + " " + SHORTCUT_TEXTS[1]
    doc = nlp(text)
    spans = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space] + [(e.start_char, e.end_char) for e in doc.ents]
    by_name = _model().predict_named([mention_features(doc, s, e) for s, e in spans])
    assert mention_polarities(doc, spans) == by_name


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
def test_sentence_children_are_the_heads_children(nlp, text):
    from helpers.ingest.tokens import token_table
    from helpers.measure.target_sentiment import _model, _Sentence

    doc = nlp(text)
    table = token_table(doc)
    for sent in table.sents:
        S = _Sentence(table, *sent, _model().index)
        assert [list(c) for c in S.children] == [[k for k, h in enumerate(S.head) if h == j and k != j]
                                                 for j in range(len(S.head))]

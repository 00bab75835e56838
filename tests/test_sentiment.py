"""Lexical tone of sentences, quotes and speakers, and polarity toward mentions, on sentences written here."""

import pandas as pd
import pytest

from helpers.measure import sentiment
from helpers.measure.target_sentiment import target_polarity

SENTS = [
    "The rescue was a wonderful success.",
    '"This is a horrible, shameful failure," Ana Lopez said.',
    "The meeting took place on Tuesday.",
    'Ben Ode said the plan was "a great help" and that he was happy with it.',
]
TEXT = " ".join(SENTS)


def _sentences():
    rows, pos = [], 0
    for i, s in enumerate(SENTS):
        start = TEXT.index(s, pos)
        rows.append(dict(article_id="a1", sentence_id=i, paragraph_id=i, role="body", text=s,
                         start_char=start, end_char=start + len(s), n_tokens=0, n_words=len(s.split())))
        pos = start + len(s)
    return pd.DataFrame(rows)


def _quote(qid, kind, text, speaker, sid, pull=False):
    start = TEXT.index(text)
    return dict(quote_id=qid, article_id="a1", kind=kind, text=text, start_char=start, end_char=start + len(text),
                sentence_ids=[sid], paragraph_id=sid, cue="said", cue_lemma="say", speaker_mention=speaker,
                speaker=speaker, speaker_id=speaker, speaker_type="person", attribution="", is_pull_quote=pull,
                duplicate_of=None, n_words=None)


@pytest.fixture
def quotes():
    return pd.DataFrame([
        _quote("q1", "direct", "This is a horrible, shameful failure,", "Ana Lopez", 1),
        _quote("q2", "indirect", 'the plan was "a great help" and that he was happy with it', "Ben Ode", 3),
        _quote("q3", "partial", "a great help", "Ben Ode", 3),  # inside Ode's indirect quote: counted once
    ])


def test_tone_label_thresholds():
    assert [sentiment.tone_label(c) for c in (0.05, 0.049, -0.049, -0.05)] == [
        "positive", "neutral", "neutral", "negative"]


def test_sentence_tone_scores_and_marks_quotes(quotes):
    tone = sentiment.sentence_tone(_sentences(), quotes)
    assert list(tone["tone"]) == ["positive", "negative", "neutral", "positive"]
    assert tone.loc[2, "compound"] == 0.0
    assert tone["quote_kind"].fillna("-").tolist() == ["-", "direct", "-", "partial"]
    assert list(tone["in_quote"]) == [False, True, False, True]
    assert (tone[["neg", "neu", "pos"]].sum(axis=1).round(2) == 1.0).all()


def test_quote_and_speaker_tone_count_each_statement_once(quotes):
    qt = sentiment.quote_tone(quotes)
    assert qt.set_index("quote_id")["counted"].to_dict() == {"q1": True, "q2": True, "q3": False}
    assert qt.set_index("quote_id").loc["q1", "tone"] == "negative"
    st = sentiment.speaker_tone(qt).set_index("speaker")
    assert st.loc["Ben Ode", "n_statements"] == 1
    assert st.loc["Ben Ode", "mean_compound"] == pytest.approx(qt.set_index("quote_id").loc["q2", "compound"])
    assert st.loc["Ben Ode", "tone"] == "positive" and st.loc["Ana Lopez", "tone"] == "negative"
    assert st.loc["Ana Lopez", ["n_positive", "n_neutral", "n_negative"]].tolist() == [0, 0, 1]


def test_tone_summary_counts_labels():
    summary = sentiment.tone_summary(sentiment.sentence_tone(_sentences()))
    assert (summary["n"], summary["positive"], summary["neutral"], summary["negative"]) == (4, 2, 1, 1)


def test_entity_sentiment_scores_each_mention_in_its_context(nlp):
    text = ("Critics praised Ana Lopez for her brilliant, generous work. "
            "Critics condemned Ben Ode for his disgraceful lies and cruel threats.")
    doc = nlp(text)
    rows = []
    for i, (name, eid) in enumerate((("Ana Lopez", "e1"), ("Ben Ode", "e2"))):
        start = text.index(name)
        rows.append(dict(article_id="a1", mention_id=i, text=name, label="PERSON", start_char=start,
                         end_char=start + len(name), sentence_id=i, paragraph_id=0, entity_id=eid, canonical=name))
    mentions = pd.DataFrame(rows)
    per_mention = sentiment.entity_sentiment(doc, mentions)
    # the batch path gives what the one-mention API gives for the same offsets
    for _, m in per_mention.iterrows():
        single = target_polarity(text, int(mentions.loc[m.name, "start_char"]), int(mentions.loc[m.name, "end_char"]))
        assert m["polarity"] == single["label"]
        assert m["polarity_score"] == pytest.approx(single["score"])
    scores = per_mention.set_index("canonical")["polarity_score"]
    assert scores["Ana Lopez"] > scores["Ben Ode"]
    summary = sentiment.entity_sentiment_summary(per_mention).set_index("canonical")
    assert summary["n_mentions"].tolist() == [1, 1]
    assert summary[["n_positive", "n_neutral", "n_negative"]].sum(axis=1).tolist() == [1, 1]


def test_sentence_tone_keeps_prose_roles_by_default():
    sents = _sentences()
    sents.loc[0, "role"] = "caption"
    sents.loc[2, "role"] = "pull_quote"
    assert sentiment.sentence_tone(sents)["sentence_id"].tolist() == [1, 3]
    assert sentiment.sentence_tone(sents, roles=None)["sentence_id"].tolist() == [0, 1, 2, 3]


def _as_lists(frame):
    """A frame's columns as plain lists, as the corpus workers hold them (NaN for a missing string)."""
    return {c: frame[c].to_numpy(dtype=object).tolist() for c in frame}


def _same(columns, frame):
    """The columns (plain lists) hold the frame's columns, in order, with the frame's values."""
    assert list(columns) == list(frame.columns)
    for c in frame:
        assert [None if v is None or v != v else v for v in columns[c]] == [
            None if v is None or v != v else v for v in frame[c].tolist()], c


def test_the_columns_twins_give_the_frames_values(nlp, quotes):
    sents = _sentences()
    sents.loc[2, "role"] = "caption"  # left out by both
    sents["role"] = sents["role"].astype("category")
    _same(sentiment.sentence_tone_columns(_as_lists(sents), _as_lists(quotes)), sentiment.sentence_tone(sents, quotes))
    _same(sentiment.sentence_tone_columns(_as_lists(sents), roles=None), sentiment.sentence_tone(sents, roles=None))
    qt = sentiment.quote_tone(quotes)
    _same(sentiment.quote_tone_columns(quotes), qt)
    _same(sentiment.speaker_tone_columns(sentiment.quote_tone_columns(quotes)), sentiment.speaker_tone(qt))
    doc = nlp(TEXT)
    ments = pd.DataFrame([dict(article_id="a1", mention_id=f"m{i}", entity_id=f"e{i}", canonical=n, label="PERSON",
                               sentence_id=s, text=n, start_char=TEXT.index(n), end_char=TEXT.index(n) + len(n))
                          for i, (n, s) in enumerate((("Ana Lopez", 1), ("Ben Ode", 3)))])
    per_mention = sentiment.entity_sentiment(doc, ments)
    _same(sentiment.entity_sentiment_columns(doc, _as_lists(ments)), per_mention)
    _same(sentiment.entity_sentiment_summary_columns(sentiment.entity_sentiment_columns(doc, _as_lists(ments))),
          sentiment.entity_sentiment_summary(per_mention))


def test_frames_without_rows_keep_their_columns(quotes):
    none = quotes.iloc[0:0]
    for frame in (sentiment.quote_tone(none), sentiment.speaker_tone(sentiment.quote_tone(none))):
        assert len(frame) == 0 and all(frame.dtypes == object)
    assert list(sentiment.speaker_tone(sentiment.quote_tone(none)).columns) == [
        "article_id", "speaker_id", "speaker", "n_statements", "mean_compound", "n_positive", "n_neutral",
        "n_negative", "tone"]
    assert sentiment.speaker_tone_columns(sentiment.quote_tone_columns(none))["speaker"] == []

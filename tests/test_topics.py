"""Keyphrases, NMF themes, speaker x theme and theme flow on a short article written for the test."""

import math

import pandas as pd
import pytest

from helpers.measure import topics
from helpers.ingest.article import PROSE_ROLES, article_from_text
from helpers.ingest.frames import sentences_frame
from helpers.ingest.parse import parse

TEXT = """Drought Hits Farms As Council Passes School Budget

The long drought has dried the wheat fields, and farmers lost their harvest. Wheat prices rose sharply as the harvest failed. Farmers say the drought ruined the wheat crop.

The city council approved a new budget for public schools. The budget pays for more teachers in the schools. Teachers welcomed the school budget.

Rain is not expected soon, and the drought may last into the next harvest. The council will review the school budget again next year."""

FARM = {1, 2, 3, 7}      # sentence ids about the drought and the harvest
SCHOOL = {4, 5, 6, 8}    # sentence ids about the school budget


@pytest.fixture(scope="module")
def parsed(nlp):
    article = article_from_text(TEXT, "topics-test")
    doc = parse(article, nlp=nlp, cache=False)
    return doc, sentences_frame(article, doc)


def test_keyphrases_rank_repeated_phrases_and_group_by_lemma(parsed):
    doc, sents = parsed
    kp = topics.keyphrases(doc, sents, top=10)
    assert list(kp["rank"]) == list(range(1, len(kp) + 1))
    assert kp["score"].is_monotonic_decreasing
    by_key = kp.set_index("key")
    # "harvest" occurs in three sentences, "wheat fields" once: repetition ranks higher
    assert by_key.loc["harvest", "count"] == 3
    assert by_key.loc["harvest", "score"] > by_key.loc["wheat field", "score"]
    # "Council" (headline) and "council" group under one lemma; the lower-case form is shown
    assert by_key.loc["council", "count"] == 2 and by_key.loc["council", "phrase"] == "council"
    # determiners and adjectives-only edges are trimmed: no phrase starts with "the"
    assert not kp["phrase"].str.lower().str.startswith("the ").any()


def test_themes_separate_the_two_stories_deterministically(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents)
    assert model.converged
    n = int((model.sentences["theme_id"] >= 0).sum())
    assert model.k == max(2, min(6, round(math.sqrt(n / 2))))
    theme = model.sentences.set_index("sentence_id")["theme_id"]
    farm = {theme[i] for i in FARM}
    school = {theme[i] for i in SCHOOL}
    assert len(farm) == 1 and len(school) == 1 and farm != school
    farm_terms = set(model.terms.loc[model.terms["theme_id"] == farm.pop(), "term"].head(4))
    assert {"drought", "harvest", "wheat"} & farm_terms
    again = topics.themes(doc, sents)
    pd.testing.assert_frame_equal(model.sentences, again.sentences)
    pd.testing.assert_frame_equal(model.terms, again.terms)


def test_themes_skip_speech_verbs_and_people(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents, k=2)
    assert "say" not in set(model.terms["term"])
    assert model.k_rule == "k = 2 (given)"


def test_multiword_places_are_one_term_and_names_are_never_terms(nlp):
    from spacy.tokens import Span

    text = ("Maria Santos visited Central Asia in May. Santos said Central Asia needs new roads. "
            "The roads of Central Asia are old. Santos wants roads built.")
    article = article_from_text(text, "terms-test")
    doc = parse(article, nlp=nlp, cache=False)
    # the entities the rule reads, set here so that the test does not depend on what NER finds
    ents = []
    for name, label in (("Maria Santos", "PERSON"), ("Central Asia", "LOC"), ("Santos", "PERSON")):
        start = -1
        while (start := text.find(name, start + 1)) >= 0:
            span = doc.char_span(start, start + len(name), label=label)
            if not any(span.start < e.end and e.start < span.end for e in ents):
                ents.append(span)
    doc.ents = sorted(ents, key=lambda e: e.start)
    assert [e.text for e in doc.ents if e.label_ == "LOC"] == ["Central Asia"] * 3
    model = topics.themes(doc, sentences_frame(article, doc), k=2)
    terms = set(model.vocab)
    assert "central asia" in terms and not {"central", "asia"} & terms  # one term, not two words
    assert model.surface["central asia"] == "Central Asia"
    assert not {"maria", "santos"} & terms  # people are speakers, never theme terms
    assert "road" in terms


def test_every_theme_has_a_representative_sentence_of_that_theme(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents)
    theme = model.sentences.set_index("sentence_id")["theme_id"]
    for _, row in model.themes.iterrows():
        assert theme[row["representative_sentence_id"]] == row["theme_id"]
        assert row["representative_sentence"] in TEXT


def test_theme_flow_counts_sentences_per_paragraph(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents)
    flow = topics.theme_flow(model)
    assert flow.to_numpy().sum() == (model.sentences["theme_id"] >= 0).sum()
    farm = model.sentences.set_index("sentence_id")["theme_id"][1]
    assert flow.loc[farm, 1] == 3  # the drought paragraph is all one theme


def test_speaker_themes_place_each_statement_on_its_words(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents)

    def quote(qid, text, speaker, sid):
        start = TEXT.index(text)
        return dict(quote_id=qid, article_id="topics-test", kind="indirect", text=text, start_char=start,
                    end_char=start + len(text), sentence_ids=[sid], paragraph_id=1, speaker=speaker,
                    speaker_id=speaker, speaker_type="person", is_pull_quote=False, duplicate_of=None, n_words=None)

    quotes = pd.DataFrame([
        quote("q1", "the drought ruined the wheat crop", "Farmers", 3),
        quote("q2", "welcomed the school budget", "Teachers", 6),
    ])
    matrix = topics.speaker_themes(model, doc, quotes)
    theme = model.sentences.set_index("sentence_id")["theme_id"]
    assert matrix.loc["Farmers", theme[3]] == 1
    assert matrix.loc["Teachers", theme[6]] == 1
    assert matrix.to_numpy().sum() == 2


def test_every_prose_sentence_keeps_its_row_and_one_without_content_words_has_no_theme(nlp):
    text = ("Flood Closes Bridge\n\n"
            "The river flood closed the old bridge. Engineers inspected the bridge after the flood. "
            "He said so on Monday. The flood damaged the bridge road. Buses avoided the bridge.")
    article = article_from_text(text, "no-theme-test")
    doc = parse(article, nlp=nlp, cache=False)
    sents = sentences_frame(article, doc)
    model = topics.themes(doc, sents)
    prose = sents[sents["role"].isin(PROSE_ROLES)]
    assert model.sentences["sentence_id"].tolist() == prose["sentence_id"].tolist()  # every prose sentence
    said = sents.loc[sents["text"] == "He said so on Monday.", "sentence_id"].item()
    row = model.sentences.set_index("sentence_id").loc[said]
    assert (row["theme_id"], row["theme_weight"], row["theme_label"]) == (topics.NO_THEME_ID, 0.0, topics.NO_THEME)
    n_prose = len(prose)
    assert f"n = {n_prose - 1} of {n_prose} prose sentences (1 has no content word)" in model.k_rule


def test_theme_labels_use_the_words_as_written_and_compute_on_lemmas(nlp):
    text = ("Unesco Talks On Rivers\n\n"
            "UNESCO experts met in Geneva to discuss rivers. The UNESCO report says rivers are drying. "
            "Rivers feed farms across the region. Farms need rivers and rain. "
            "UNESCO wants new rules for rivers.")
    article = article_from_text(text, "surface-test")
    doc = parse(article, nlp=nlp, cache=False)
    model = topics.themes(doc, sentences_frame(article, doc), k=2)
    assert "unesco" in model.vocab and "river" in model.vocab  # lemmas for the computation
    assert model.surface["unesco"] == "UNESCO"  # most frequent form beats the headline's "Unesco"
    assert model.surface["river"] == "rivers"  # "Rivers" opening a sentence counts as "rivers"
    assert (model.terms["surface"] == model.terms["term"].map(model.surface)).all()
    for theme in model.themes.itertuples():
        top = model.terms[model.terms["theme_id"] == theme.theme_id].sort_values("rank")["surface"].tolist()
        assert theme.label == " / ".join(top[:3])
        assert theme.top_terms == ", ".join(top)
    assert "UNESCO" in " ".join(model.themes["label"]) and "unesco" not in " ".join(model.themes["label"])


def test_speaker_themes_rows_follow_the_one_speaker_order(parsed):
    doc, sents = parsed
    model = topics.themes(doc, sents)

    def quote(qid, text, speaker):
        start = TEXT.index(text)
        return dict(quote_id=qid, article_id="topics-test", kind="indirect", text=text, start_char=start,
                    end_char=start + len(text), sentence_ids=[0], paragraph_id=1, speaker=speaker,
                    speaker_id=speaker, speaker_type="person", is_pull_quote=False, duplicate_of=None, n_words=None)

    # one statement each: the one with more words comes first although it is said later
    quotes = pd.DataFrame([quote("q1", "welcomed the school budget", "Teachers"),
                           quote("q2", "the drought ruined the wheat crop", "Farmers")])
    assert list(topics.speaker_themes(model, doc, quotes).index) == ["Farmers", "Teachers"]


def test_a_model_stopped_at_its_iteration_limit_says_it_did_not_converge(parsed, monkeypatch):
    import warnings

    doc, sents = parsed
    monkeypatch.setattr(topics, "NMF_MAX_ITER", 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the fact is on the model, not printed as a warning
        model = topics.themes(doc, sents)
    assert not model.converged
    assert (model.sentences["theme_id"] >= 0).any()  # still a usable, deterministic model


def test_keyphrase_score_is_tf_idf_over_the_prose_sentences(parsed):
    doc, sents = parsed
    n = int(sents["role"].isin(PROSE_ROLES).sum())
    kp = topics.keyphrases(doc, sents, top=50).set_index("key")
    for key in ("harvest", "council", "wheat field"):
        row = kp.loc[key]
        want = row["count"] * (math.log((1 + n) / (1 + row["n_sentences"])) + 1)
        assert row["score"] == pytest.approx(want, abs=1e-6)
    assert topics.keyphrases(doc, sents, top=3)["key"].tolist() == kp.index[:3].tolist()
    assert topics.keyphrases(doc, sents, top=0).empty


def test_an_article_without_content_words_has_no_themes_and_no_keyphrases(nlp):
    article = article_from_text("He Said So\n\nHe said so. She said it on Monday.", "empty-test")
    doc = parse(article, nlp=nlp, cache=False)
    sents = sentences_frame(article, doc)
    model = topics.themes(doc, sents)
    assert model.k == 0 and model.themes.empty and model.terms.empty
    assert (model.sentences["theme_id"] == topics.NO_THEME_ID).all()
    assert len(model.sentences) == int(sents["role"].isin(PROSE_ROLES).sum())
    assert topics.theme_flow(model).empty


def test_keyphrase_columns_hold_the_keyphrases_frame_as_lists(parsed):
    doc, sents = parsed
    frame = topics.keyphrases(doc, sents, top=10)
    as_lists = {c: sents[c].to_numpy(dtype=object).tolist() for c in sents}  # the sentences frame's columns
    for given in (sents, as_lists):
        columns = topics.keyphrase_columns(doc, given, top=10)
        assert list(columns) == topics.KEYPHRASE_COLUMNS
        assert columns == {c: frame[c].tolist() for c in frame}
    assert topics.keyphrase_columns(doc, sents, top=0) == {c: [] for c in topics.KEYPHRASE_COLUMNS}
    assert len(topics.keyphrases(doc, sents, top=0)) == 0

"""Corrections by hand (data/corrections/<article_id>.yaml), on an article written for the test."""

import pandas as pd
import pytest

from helpers import config, pipeline
from helpers.extract.corrections import CorrectionError, apply_corrections, load_corrections
from helpers.ingest.article import ArticleError, article_from_text
from helpers.ingest.parse import parse
from helpers.measure import share

TEXT = """Town Approves New Bridge

The town council approved a new bridge on Monday. "The bridge will save lives," Mayor Ana Lopez said. Lopez said the old bridge was dangerous.

Ben Ode, a local engineer, said the cost was far too high. "We cannot afford it," Ode said.

Carla Diaz, who lives near the river, watched the vote. The bridge opens in May, officials hope."""


@pytest.fixture(scope="module")
def engine(nlp):
    """The engine's frames of the test article, without corrections."""
    article = article_from_text(TEXT, "bridge-fix")
    doc = parse(article, nlp=nlp, cache=False)
    return article, doc


def _apply(tmp_path, engine, yaml_text):
    article, doc = engine
    path = tmp_path / "bridge-fix.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    raw = pipeline.analyze_doc(doc, article)  # no corrections file in data/corrections for this id
    return apply_corrections(load_corrections(path), article.text, raw.paragraphs, raw.sentences,
                             raw.quotes, raw.mentions, raw.entities), raw


def test_without_a_file_the_frames_gain_only_empty_flags(engine):
    article, doc = engine
    a = pipeline.analyze_doc(doc, article)
    assert {"corrected", "correction"} <= set(a.quotes.columns) and {"corrected", "correction"} <= set(a.entities.columns)
    assert not a.quotes["corrected"].any() and a.quotes["correction"].isna().all()
    assert pipeline.correction_log(a).empty


def test_set_a_speaker_drop_a_statement_and_add_a_missed_one(tmp_path, engine):
    (quotes, mentions, entities, log), raw = _apply(tmp_path, engine, """
statements:
  - match: "we CANNOT   afford it"
    speaker: Carla Diaz
  - match: "the old bridge was dangerous"
    drop: true
  - add: "The bridge opens in May"
    speaker: officials
    kind: indirect
    cue: hope
""")
    assert log["status"].tolist() == ["applied"] * 3
    row = quotes[quotes["text"].str.startswith("We cannot afford it")].iloc[0]
    assert row["speaker"] == "Carla Diaz" and row["corrected"] and "Ben Ode -> Carla Diaz" in row["correction"]
    assert row["speaker_id"] == entities.loc[entities["canonical"] == "Carla Diaz", "entity_id"].iloc[0]
    assert not row["needs_review"] and row["attribution"] == "correction"
    assert not quotes["text"].str.contains("dangerous").any()
    added = quotes[quotes["text"] == "The bridge opens in May"].iloc[0]
    assert added["kind"] == "indirect" and added["speaker"] == "officials" and added["speaker_id"] is None
    assert added["n_words"] == 5 and added["corrected"] and added["quote_id"] == "c1"
    assert TEXT[added["start_char"]:added["end_char"]] == "The bridge opens in May"
    # the correction reaches the counts: Carla Diaz now speaks, Ben Ode has one statement fewer
    counts = share.speaker_share(quotes, entities).set_index("speaker")["n_statements"]
    before = share.speaker_share(raw.quotes, raw.entities).set_index("speaker")["n_statements"]
    assert counts["Carla Diaz"] == 1 and counts["Ben Ode"] == before["Ben Ode"] - 1
    assert counts["officials"] == 1


def test_a_correction_that_matches_nothing_or_too_much_is_reported_and_changes_nothing(tmp_path, engine):
    (quotes, _, _, log), raw = _apply(tmp_path, engine, """
statements:
  - add: "not in the text at all"
    speaker: Ana Lopez
  - {match: "words nobody said", speaker: Ana Lopez}
  - {add: "bridge", speaker: Ana Lopez}
  - {match: "bridge", drop: true}
""")
    assert log["status"].tolist() == ["not found", "not found", "ambiguous", "ambiguous"]
    assert log["entry"].tolist() == [1, 2, 3, 4] and (log["file"] == "data/corrections/bridge-fix.yaml").all()
    assert "occurrence" in log["detail"].iloc[2] and "give more words" in log["detail"].iloc[3]
    assert quotes.drop(columns=["corrected", "correction"]).equals(
        raw.quotes.drop(columns=["corrected", "correction"]))


def test_words_that_are_a_whole_fragment_pick_it_out_of_the_clause_around_it(tmp_path):
    quotes = pd.DataFrame({
        "quote_id": ["q1", "q2"], "kind": ["indirect", "partial"],
        "text": ["the pact was null and void", "null and void"], "start_char": [10, 23], "end_char": [36, 36],
        "speaker": [None, None], "speaker_id": [None, None], "co_speakers": [[], []],
        "is_pull_quote": [False, False], "duplicate_of": [None, None], "needs_review": [True, True]})
    entities = pd.DataFrame({"entity_id": ["e1"], "canonical": ["Ana Lopez"], "variants": [["Ana Lopez"]],
                             "label": ["PERSON"], "n_mentions": [1]})
    path = tmp_path / "pact.yaml"
    path.write_text('statements:\n  - {match: "null and void", speaker: Ana Lopez}\n'
                    '  - {match: "pact was null", speaker: Ana Lopez}\n', encoding="utf-8")
    frame = pd.DataFrame({"paragraph_id": [], "start_char": [], "sentence_id": [], "end_char": []})
    out, _, _, log = apply_corrections(load_corrections(path), "", frame, frame, quotes, frame.assign(entity_id=[]),
                                       entities)
    assert log["status"].tolist() == ["applied", "applied"]
    assert out.set_index("quote_id")["speaker"].tolist() == ["Ana Lopez", "Ana Lopez"]
    assert out.set_index("quote_id")["correction"].str.count("speaker").tolist() == [1, 1]  # each set once


def test_merge_split_and_retype_entities_reach_mentions_and_speakers(tmp_path, engine):
    (quotes, mentions, entities, log), raw = _apply(tmp_path, engine, """
entities:
  - merge: [Ben Ode, Carla Diaz]
    as: Ode-Diaz household
  - split: Ode-Diaz household
    variants: [Carla Diaz]
  - entity: Carla Diaz
    label: ORG
""")
    assert log["action"].tolist() == ["merge", "split", "retype"] and (log["status"] == "applied").all()
    ben = entities[entities["canonical"] == "Ode-Diaz household"].iloc[0]
    carla = entities[entities["canonical"] == "Carla Diaz"].iloc[0]
    assert carla["label"] == "ORG" and carla["corrected"] and ben["corrected"]
    assert carla["entity_id"] != ben["entity_id"] and entities["entity_id"].is_unique  # an id of its own
    assert (mentions.loc[mentions["text"] == "Carla Diaz", "entity_id"] == carla["entity_id"]).all()
    assert set(mentions.loc[mentions["text"].isin(["Ben Ode", "Ode"]), "canonical"]) == {"Ode-Diaz household"}
    assert int(ben["n_mentions"]) + int(carla["n_mentions"]) == int(
        raw.entities.loc[raw.entities["canonical"].isin(["Ben Ode", "Carla Diaz"]), "n_mentions"].sum())
    assert set(quotes.loc[quotes["speaker_id"] == ben["entity_id"], "speaker"]) == {"Ode-Diaz household"}


def test_the_pipeline_applies_the_file_of_the_article(tmp_path, monkeypatch, engine):
    article, doc = engine
    monkeypatch.setattr(config, "CORRECTIONS", tmp_path)
    (tmp_path / "bridge-fix.yaml").write_text('statements:\n  - match: "We cannot afford it"\n    speaker: Ana Lopez\n')
    a = pipeline.analyze_doc(doc, article)
    assert a.quotes.loc[a.quotes["text"].str.startswith("We cannot afford it"), "speaker"].tolist() == ["Ana Lopez"]
    assert pipeline.correction_log(a)["status"].tolist() == ["applied"]


@pytest.mark.parametrize("text, problem", [
    ("statements: [1, 2]", "statements entry 1: expected a mapping"),
    ("statements:\n  - speaker: Ana", "statements entry 1: give either 'match'"),
    ("statements:\n  - match: x", "needs 'speaker', 'co_speakers', 'speaker_kind' or 'drop: true'"),
    ("statements:\n  - match: x\n    drop: yes please", "'drop' must be true"),
    ("statements:\n  - add: x\n    speaker: A\n    kind: quoted", "'kind' must be one of direct, partial, indirect"),
    ("statements:\n  - match: x\n    speker: A", "unknown key 'speker'"),
    ("entities:\n  - merge: [A]", "'merge' must be a list of at least 2 names"),
    ("entities:\n  - split: A", "'split' needs 'variants'"),
    ("entities:\n  - entity: A\n    label: org", "'label' must be an NER label"),
    ("people: []", "unknown section 'people'"),
    ("statements: [\n", "not valid YAML (line"),
    ("- just a list", "expected a mapping with 'statements'"),
])
def test_a_bad_file_gets_one_clear_line_naming_the_file_and_the_problem(tmp_path, text, problem):
    path = tmp_path / "art.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionError) as err:
        load_corrections(path)
    message = str(err.value)
    assert message.startswith("data/corrections/art.yaml: ") and problem in message and "\n" not in message
    assert isinstance(err.value, ArticleError)  # reported like any bad input, one article at a time


def test_no_file_is_no_corrections_and_an_empty_file_is_none(tmp_path):
    assert load_corrections(tmp_path / "missing.yaml") is None
    (tmp_path / "empty.yaml").write_text("")
    empty = load_corrections(tmp_path / "empty.yaml")
    assert empty.statements == [] and empty.entities == []
    frame = pd.DataFrame({"quote_id": [], "text": []})
    assert apply_corrections(None, "", frame, frame, frame.assign(attribution=[]), frame, frame)[3].empty

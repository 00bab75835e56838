"""Speaker share on a small hand-made quotes frame (the documented columns of helpers.extract.quotes)."""

import pandas as pd
import pytest

from helpers.measure import share

TEXT = (
    "Ana Lopez said the budget was \"a disaster for schools\" and must change. "  # 0: indirect + partial
    "\"We will not accept it,\" Lopez said. "                                     # 1: direct
    "The ministry said the plan was fair. "                                        # 2: indirect, org
    "\"It is fair,\" a spokesman said. "                                           # 3: no speaker
    "\"We will not accept it.\" - Lopez"                                           # 4: pull quote
)


def _span(s: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def _quote(qid, kind, text, speaker, speaker_id, stype="person", para=0, pull=False, dup=None, occurrence=1):
    start, end = _span(text, occurrence)
    return dict(quote_id=qid, article_id="a1", kind=kind, text=text, start_char=start, end_char=end,
                sentence_ids=[0], paragraph_id=para, cue="said", cue_lemma="say", speaker_mention=speaker,
                speaker=speaker, speaker_id=speaker_id, speaker_type=stype, attribution="", is_pull_quote=pull,
                duplicate_of=dup, n_words=None)


@pytest.fixture
def quotes():
    rows = [
        _quote("q0", "indirect", 'the budget was "a disaster for schools" and must change', "Ana Lopez", "e1"),
        _quote("q1", "partial", "a disaster for schools", "Ana Lopez", "e1"),
        _quote("q2", "direct", "We will not accept it,", "Ana Lopez", "e1", para=1),
        _quote("q3", "indirect", "the plan was fair", "Ministry", "e2", stype="organisation", para=2),
        _quote("q4", "direct", "It is fair,", None, None, stype=None, para=3),
        _quote("q5", "direct", "We will not accept it.", "Ana Lopez", "e1", para=4, pull=True, dup="q2"),
    ]
    return pd.DataFrame(rows)


@pytest.fixture
def entities():
    return pd.DataFrame([
        dict(article_id="a1", entity_id="e1", canonical="Ana Lopez", label="PERSON", variants=["Lopez"],
             n_mentions=3, descriptor=None),
        dict(article_id="a1", entity_id="e2", canonical="Ministry", label="ORG", variants=[], n_mentions=1,
             descriptor=None),
        dict(article_id="a1", entity_id="e3", canonical="Ben Ode", label="PERSON", variants=[], n_mentions=2,
             descriptor="teacher"),
    ])


def test_exclusions_name_pull_quote_embedded_fragment_and_unattributed(quotes):
    ex = share.quote_exclusions(quotes).set_index("quote_id")["reason"].to_dict()
    assert ex == {"q1": "inside indirect quote q0", "q4": "no speaker", "q5": "pull quote"}


def test_fragment_overhanging_the_clause_by_its_full_stop_is_still_inside(quotes):
    # engines may end the reported clause before a full stop the quote marks enclose
    q0 = quotes["quote_id"] == "q0"
    quotes.loc[q0, "end_char"] = quotes.loc[quotes["quote_id"] == "q1", "end_char"].iloc[0] - 1
    ex = share.quote_exclusions(quotes).set_index("quote_id")["reason"]
    assert ex["q1"] == "inside indirect quote q0"


def test_partial_of_another_speaker_inside_indirect_is_kept(quotes):
    quotes.loc[quotes["quote_id"] == "q1", ["speaker", "speaker_id"]] = ["Ben Ode", "e3"]
    assert "q1" in set(share.countable_quotes(quotes)["quote_id"])


def test_speaker_share_counts_kinds_words_and_shares(quotes, entities):
    out = share.speaker_share(quotes, entities).set_index("speaker")
    assert list(out.index) == ["Ana Lopez", "Ministry"]
    lopez = out.loc["Ana Lopez"]
    assert (lopez["n_statements"], lopez["n_direct"], lopez["n_partial"], lopez["n_indirect"]) == (2, 1, 0, 1)
    # indirect "the budget was a disaster for schools and must change" = 10 words; direct = 5 words
    assert lopez["n_words"] == 15
    # quoted words: the direct quote (5) and the fragment inside the reported clause (4)
    assert lopez["n_quoted_words"] == 9
    assert lopez["share_statements"] == pytest.approx(2 / 3)
    assert lopez["share_quoted_words"] == pytest.approx(1.0)
    assert lopez["first_paragraph"] == 0
    assert lopez["n_mentions"] == 3
    assert out.loc["Ministry", "share_quoted_words"] == 0
    assert out["share_statements"].sum() == pytest.approx(1.0)


def test_unique_sources_counts_each_person_once(quotes):
    everyone = share.unique_sources(quotes)
    assert list(everyone["speaker"]) == ["Ana Lopez", "Ministry"]
    people = share.unique_sources(quotes, speaker_types=("PERSON",))
    assert list(people["speaker"]) == ["Ana Lopez"]
    assert people.loc[0, "n_statements"] == 2


def test_mentioned_but_never_quoted(quotes, entities):
    people = share.mentioned_vs_quoted(entities, quotes)
    assert people.set_index("canonical")["n_statements"].to_dict() == {"Ana Lopez": 2, "Ben Ode": 0}
    silent = share.mentioned_not_quoted(entities, quotes)
    assert list(silent["canonical"]) == ["Ben Ode"]


def test_speaker_positions_in_text_order(quotes):
    pos = share.speaker_positions(quotes)
    assert list(pos["quote_id"]) == ["q0", "q2", "q3"]
    assert list(pos["paragraph_id"]) == [0, 1, 2]


def test_empty_quotes_give_empty_share():
    empty = pd.DataFrame(columns=["quote_id", "article_id", "kind", "text", "start_char", "end_char",
                                  "paragraph_id", "speaker", "speaker_id"])
    assert share.speaker_share(empty).empty


# --- one speaker order for every per-speaker frame and chart --------------------------------------

TIES = ('Ana Ruiz said "we can do it". '                       # 1 statement, 4 words, speaks first
        "Ben Ode said the plan was good for the town. "        # 1 statement, 7 words
        "A city official said the plan was bad for the town.")  # 1 statement, 7 words, an org without id


def _tie_quote(qid, kind, text, speaker, speaker_id, stype="PERSON"):
    start = TIES.index(text)
    sentence = TIES[:start].count(". ")
    return dict(quote_id=qid, article_id="a1", kind=kind, text=text, start_char=start, end_char=start + len(text),
                sentence_ids=[sentence], paragraph_id=sentence, cue="said", cue_lemma="say",
                speaker_mention=speaker, speaker=speaker, speaker_id=speaker_id, speaker_type=stype,
                attribution="syntax", is_pull_quote=False, duplicate_of=None, n_words=None)


@pytest.fixture
def tied_quotes():
    return pd.DataFrame([
        _tie_quote("q1", "direct", "we can do it", "Ana Ruiz", "e1"),
        _tie_quote("q2", "indirect", "the plan was good for the town", "Ben Ode", "e2"),
        _tie_quote("q3", "indirect", "the plan was bad for the town", "city official", None, "ORG"),
    ])


TIED_ORDER = ["Ben Ode", "city official", "Ana Ruiz"]  # equal statements: more words, then first to speak


def _top_to_bottom(ax) -> list[str]:
    """The y tick labels of ``ax`` as the reader sees them, top first (in display coordinates)."""
    screen_y = lambda label: ax.transData.transform((0, label.get_position()[1]))[1]  # noqa: E731
    return [t.get_text() for t in sorted(ax.get_yticklabels(), key=screen_y, reverse=True)]


def test_speaker_sort_key_is_statements_then_words_then_first():
    keys = {"late, long": share.speaker_sort_key(1, 7, 50), "early, long": share.speaker_sort_key(1, 7, 10),
            "early, short": share.speaker_sort_key(1, 3, 0), "many": share.speaker_sort_key(2, 1, 99)}
    assert sorted(keys, key=keys.get) == ["many", "early, long", "late, long", "early, short"]


def test_every_per_speaker_frame_and_chart_uses_the_same_order(tied_quotes):
    import matplotlib.pyplot as plt

    from helpers.present import charts
    from helpers.measure import sentiment

    frame = share.speaker_share(tied_quotes)
    tone = sentiment.speaker_tone(sentiment.quote_tone(tied_quotes))
    assert list(frame["speaker"]) == TIED_ORDER
    assert list(share.unique_sources(tied_quotes)["speaker"]) == TIED_ORDER
    assert list(tone["speaker"]) == TIED_ORDER
    for fig, data in (charts.statements_by_kind(frame, "Source: T"), charts.quoted_word_share(frame, "Source: T"),
                      charts.speaker_tone_chart(tone, "Source: T")):
        assert _top_to_bottom(fig.axes[0]) == TIED_ORDER
        assert list(data["speaker"]) == TIED_ORDER  # the CSV reads top to bottom too
        plt.close(fig)
    positions = share.speaker_positions(tied_quotes)
    positions = positions.assign(paragraph_no=positions["paragraph_id"])  # the reader's numbers, here the same
    fig, _ = charts.speaker_positions_chart(positions, frame, "Source: T")
    assert _top_to_bottom(fig.axes[0]) == TIED_ORDER
    assert charts.chart_title(fig).startswith("First to speak: Ana Ruiz (paragraph 0)")
    plt.close(fig)


def test_speaker_without_entity_id_keeps_a_missing_id_and_reads_as_a_dash(tied_quotes):
    from helpers.present import display

    frame = share.speaker_share(tied_quotes).set_index("speaker")
    assert pd.isna(frame.loc["city official", "speaker_id"])  # not invented: it is a join key into entities
    assert frame.loc["city official", "n_statements"] == 1  # grouped by its name
    shown = display.reader_table(share.speaker_share(tied_quotes))
    assert shown.set_index("speaker").loc["city official", "speaker_id"] == display.MISSING
    text = shown.to_string() + shown.to_html()
    assert not any(word in text for word in ("NaN", "None", "<NA>", "&lt;NA&gt;"))


def test_frames_do_not_share_their_column_labels(quotes, entities):
    first, second = share.speaker_positions(quotes), share.speaker_positions(quotes)
    first.columns.name = "renamed in place"
    assert second.columns.name is None and share.speaker_positions(quotes).columns.name is None
    people = share.mentioned_vs_quoted(entities, quotes, labels=("PERSON", "ORG"))
    assert sorted(people["canonical"]) == ["Ana Lopez", "Ben Ode", "Ministry"]
    with pytest.raises(KeyError):
        share.mentioned_vs_quoted(entities.drop(columns="label"), quotes)


def test_classified_quotes_answer_as_the_frame_does_also_after_parquet(quotes, entities, tmp_path):
    c = share.classify(quotes)
    assert share.classify(c) is c  # classified once, handed on as it is
    assert [r["quote_id"] for r in c.counted] == ["q0", "q2", "q3"]
    assert c.reasons == {"q1": "inside indirect quote q0", "q4": "no speaker", "q5": "pull quote"}
    assert {r["quote_id"]: r["who"] for r in c.rows}["q4"] is None  # no speaker: grouped under nobody
    want = share.speaker_share(quotes, entities)
    pd.testing.assert_frame_equal(share.speaker_share(c, entities), want)
    # parquet gives list cells back as arrays and missing strings as NaN: the same answers
    path = tmp_path / "quotes.parquet"
    quotes.to_parquet(path)
    again = pd.read_parquet(path)
    pd.testing.assert_frame_equal(share.speaker_share(again, entities), want)
    pd.testing.assert_frame_equal(share.quote_exclusions(again), share.quote_exclusions(quotes))


# --- joint statements and per-speaker counts that agree ----------------------------------------

JOINT = ('Mia Berg and Tom Lind said the bridge "must be rebuilt" soon. '   # joint: Berg with Lind
         "Berg said the river was rising. "                                 # Berg alone
         "Officials said the road would stay open.")                         # no id: grouped by name


def _joint_quotes():
    def q(qid, kind, text, speaker, speaker_id, co=()):
        start = JOINT.index(text)
        return dict(quote_id=qid, article_id="a1", kind=kind, text=text, start_char=start, end_char=start + len(text),
                    sentence_ids=[0], paragraph_id=0, speaker=speaker, co_speakers=list(co), speaker_id=speaker_id,
                    speaker_type="PERSON", is_pull_quote=False, duplicate_of=None, n_words=None)

    return pd.DataFrame([
        q("q1", "indirect", 'the bridge "must be rebuilt" soon', "Mia Berg", "e1", co=["Tom Lind"]),
        q("q2", "partial", "must be rebuilt", "Mia Berg", "e1", co=["Tom Lind"]),
        q("q3", "indirect", "the river was rising", "Mia Berg", "e1"),
        q("q4", "indirect", "the road would stay open", "Officials", None),
    ])


def test_a_joint_statement_counts_for_each_of_its_speakers():
    quotes = _joint_quotes()
    out = share.speaker_share(quotes).set_index("speaker")
    assert out["n_statements"].to_dict() == {"Mia Berg": 2, "Officials": 1, "Tom Lind": 1}
    assert out.loc["Tom Lind", "n_words"] == 6  # 'the bridge "must be rebuilt" soon'
    assert out.loc["Tom Lind", "n_quoted_words"] == 3  # the fragment inside the joint clause
    assert pd.isna(out.loc["Tom Lind", "speaker_id"])  # never speaks alone: no id to borrow
    assert out["share_statements"].sum() == pytest.approx(1.0)
    assert list(share.unique_sources(quotes)["speaker"]) == ["Mia Berg", "Tom Lind", "Officials"]
    assert share.speaker_positions(quotes)["speaker"].tolist() == ["Mia Berg", "Tom Lind", "Mia Berg", "Officials"]


def test_a_co_speaker_who_also_speaks_alone_is_one_speaker():
    quotes = _joint_quotes()
    quotes.loc[2, ["speaker", "speaker_id"]] = ["Tom Lind", "e2"]  # now Lind speaks alone too
    out = share.speaker_share(quotes).set_index("speaker")
    assert out.loc["Tom Lind", ["speaker_id", "n_statements"]].tolist() == ["e2", 2]
    assert out.loc["Mia Berg", "n_statements"] == 1


def test_per_speaker_counts_agree_in_every_per_speaker_frame(quotes, tied_quotes):
    from helpers.measure import sentiment

    for frame in (quotes, tied_quotes, _joint_quotes()):
        counts = share.speaker_share(frame).set_index("speaker")["n_statements"]
        assert share.unique_sources(frame).set_index("speaker")["n_statements"].equals(counts)
        tone = sentiment.speaker_tone(sentiment.quote_tone(frame)).set_index("speaker")
        assert tone["n_statements"].equals(counts)
        assert list(tone.index) == list(counts.index)
        assert share.speaker_positions(frame)["speaker"].value_counts().sort_index().equals(
            counts.sort_index().rename("count"))


def test_speaker_keys_total_each_speakers_statements():
    keys = share.speaker_keys([("A", 5, 40), ("B", 9, 10), ("A", 2, 3)])
    assert keys == {"A": share.speaker_sort_key(2, 7, 3), "B": share.speaker_sort_key(1, 9, 10)}
    assert sorted(keys, key=keys.get) == ["A", "B"]


def test_an_unnamed_source_written_with_and_without_a_capital_is_one_speaker():
    # "Officials said ..." at a sentence start and "... officials said" later: one source, as the corpus
    # report counts it (no entity id, so the name is the key, ignoring case).
    rows = [
        _quote("q0", "indirect", "the budget was \"a disaster for schools\" and must change", "Officials", None, stype="UNKNOWN"),
        _quote("q1", "indirect", "the plan was fair", "officials", None, stype="UNKNOWN", para=2),
        _quote("q2", "direct", "We will not accept it,", "Ana Lopez", "e1", para=1),
    ]
    out = share.speaker_share(pd.DataFrame(rows))
    assert sorted(out["speaker"]) == ["Ana Lopez", "Officials"]
    assert out.set_index("speaker").loc["Officials", "n_statements"] == 2
    assert share.speaker_who(None, "Officials") == share.speaker_who(None, "officials") == "officials"
    assert share.speaker_who("e1", "Ana Lopez") == "e1"

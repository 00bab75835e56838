"""Reader tables never show NaN, None or <NA>: a missing value reads as an em dash."""

import numpy as np
import pandas as pd

from helpers.present import display, report

MISSING_WORDS = ("NaN", "nan", "None", "<NA>", "&lt;NA&gt;", "NaT")


def _gappy():
    return pd.DataFrame({
        "speaker": ["Ana Ruiz", "city official"],
        "speaker_id": ["e1", None],
        "quote_kind": pd.Categorical(["direct", None]),
        "mean_compound": [0.25, np.nan],
        "n_statements": [2, 1],
        "n_mentions": pd.array([3, None], dtype="Int64"),
    })


def test_reader_table_shows_every_missing_value_as_a_dash_and_keeps_the_rest():
    shown = display.reader_table(_gappy())
    assert shown.loc[1, ["speaker_id", "quote_kind", "mean_compound", "n_mentions"]].tolist() == [display.MISSING] * 4
    assert shown.loc[0, ["speaker_id", "quote_kind", "mean_compound", "n_mentions"]].tolist() == ["e1", "direct", 0.25, 3]
    assert shown["n_statements"].dtype == np.int64  # a column without gaps is left alone
    for text in (shown.to_string(), shown.to_html()):
        assert not any(word in text for word in MISSING_WORDS)
    assert _gappy()["speaker_id"].isna().sum() == 1  # the input frame is not changed


def test_report_tables_show_no_missing_markers():
    html = report._shown(_gappy(), ["speaker", "speaker_id", "quote_kind", "mean_compound", "n_mentions"]).to_html()
    assert "<td>\u2014</td>" in html and "<td>+0.250</td>" in html
    assert not any(word in html for word in MISSING_WORDS)


def test_reader_table_joins_list_cells():
    import pandas as pd

    from helpers.present.display import reader_table

    frame = pd.DataFrame({"variants": [["Ana Ruiz", "Ruiz"], None], "n": [2, 1]})
    shown = reader_table(frame)
    assert shown["variants"].tolist() == ["Ana Ruiz; Ruiz", "\u2014"]
    assert shown["n"].dtype == frame["n"].dtype and frame["variants"][0] == ["Ana Ruiz", "Ruiz"]


def _statements(**extra):
    base = {
        "quote_id": ["q001", "q002"], "kind": ["direct", "direct"], "speaker": ["Ana Ruiz", None],
        "cue": ["said", None], "text": ["We will build it.", "We will build it."],
        "start_char": [0, 40], "end_char": [17, 57], "paragraph_id": [1, 3], "n_words": [4, 4],
        "needs_review": [False, True], "is_pull_quote": [False, False], "duplicate_of": [None, None],
    }
    base.update(extra)
    return pd.DataFrame(base)


def _paragraphs():
    return pd.DataFrame({"paragraph_id": [1, 3], "paragraph_no": pd.array([1, None], dtype="Int64"),
                         "start_char": [0, 40], "end_char": [30, 60]})


def test_a_statement_without_a_speaker_is_labelled_as_such_not_with_question_marks():
    out = display.highlighted_article("x" * 60, _statements(), _paragraphs())
    assert "speaker unknown</span>" in out and "? ?" not in out and ">? " not in out
    assert "ANA RUIZ" in out.upper()


def test_the_statements_table_says_which_row_is_a_pull_quote_and_of_what():
    table = display.quote_table(_statements(is_pull_quote=[False, True], duplicate_of=[None, "q001"]), _paragraphs())
    assert table["kind"].tolist() == ["direct", "direct, pull quote of q001"]


def test_show_table_is_interactive_left_aligned_and_checkable_as_text(monkeypatch):
    from helpers.present import display

    monkeypatch.setitem(display._LOADED, "tables", False)
    frame = pd.DataFrame({"raw text": ["Rain closes the Velmora bridge", None], "n_words": [5, 12]})
    first = display.show_table(frame, "nl-test-table")
    page = first._repr_html_()
    assert "nl-test-table" in page and "dt-left" in page  # every column, header included, left-aligned
    assert display.offline_tables_script()[:200] in page  # a notebook without init_tables still gets the script
    assert display.offline_tables_script()[:200] not in display.show_table(frame, "nl-other")._repr_html_()
    text = repr(first)  # what nbval compares
    assert "Rain closes the Velmora bridge" in text and display.MISSING in text and "HTML object" not in text


def test_show_table_keeps_the_row_labels_of_a_crosstab_but_not_row_numbers():
    from helpers.present import display

    quotes = pd.DataFrame({"attribution": ["cue", "cue", "colon"], "kind": ["direct", "indirect", "direct"]})
    table = display.show_table(pd.crosstab(quotes["attribution"], quotes["kind"]), "nl-crosstab")
    assert list(table.frame.columns) == ["attribution", "direct", "indirect"]
    rows = display.show_table(pd.DataFrame({"n": [1, 2, 3]}).iloc[1:], "nl-rows")
    assert list(rows.frame.columns) == ["n"]

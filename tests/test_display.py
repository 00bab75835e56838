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

"""Paragraph numbers as a reader counts them: headline 0, the article's own paragraphs from 1."""

import pandas as pd

from helpers.ingest.article import article_from_text, paragraph_numbers
from helpers.ingest.frames import paragraph_no_of


def _rows(text, parts):
    """(start, end, role) of each (words, role) part, found in order in ``text``."""
    rows, pos = [], 0
    for words, role in parts:
        start = text.index(words, pos)
        rows.append((start, start + len(words), role))
        pos = start + len(words)
    return rows


def test_numbers_skip_page_furniture_and_share_a_number_within_one_printed_paragraph():
    text = "Home\n\nMenu\n\nRiver rises in the valley\n\nLONDON -- The river rose. It was high.\n\nMore rain came.\n\n© 2020 Example"
    rows = _rows(text, [("Home", "navigation"), ("Menu", "navigation"), ("River rises in the valley", "headline"),
                        ("LONDON --", "dateline"), ("The river rose. It was high.", "body"), ("More rain came.", "body"),
                        ("© 2020 Example", "boilerplate")])
    assert paragraph_numbers(text, rows) == [None, None, 0, 1, 1, 2, None]


def test_a_pull_quote_line_is_not_counted_and_the_next_paragraph_follows_on():
    text = "Title line here now\n\nFirst paragraph.\n\n\"A quote\" - Ana\n\nSecond paragraph."
    rows = _rows(text, [("Title line here now", "headline"), ("First paragraph.", "body"),
                        ("\"A quote\" - Ana", "pull_quote"), ("Second paragraph.", "body")])
    assert paragraph_numbers(text, rows) == [0, 1, None, 2]


def test_without_a_headline_the_body_counts_from_one():
    text = "One.\n\nTwo.\nThree."
    rows = _rows(text, [("One.", "body"), ("Two.", "body"), ("Three.", "body")])
    assert paragraph_numbers(text, rows) == [1, 2, 3]  # a line break starts a paragraph


def test_the_paragraphs_frame_carries_the_number_and_ids_map_to_it():
    article = article_from_text("Bridge opens in the old town\n\nThe bridge opened on Monday.\n\nCars crossed it.", "t")
    p = article.paragraphs
    assert p["paragraph_no"].dtype == "Int64"
    assert p.set_index("role", append=True)["paragraph_no"].tolist() == [0, 1, 2]
    mapped = paragraph_no_of(p, [2, 0, 9])
    assert mapped.iloc[:2].tolist() == [2, 0] and mapped.isna().tolist() == [False, False, True]
    assert paragraph_no_of(p, pd.Series([], dtype="int64")).empty

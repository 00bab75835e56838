"""Phrasing for readers: lists, plurals and leads that are too close to call."""

import pytest

from helpers.present import words


def test_join_lists_names_in_the_order_given():
    assert words.join([]) == ""
    assert words.join(["Ana"]) == "Ana"
    assert words.join(["Ben", "Ana"]) == "Ben and Ana"
    assert words.join(["Cy", "Ana", "Ben"]) == "Cy, Ana and Ben"
    assert words.join(["a", "b"], "or") == "a or b"


def test_count_agrees_with_its_number():
    assert words.count(1, "statement") == "1 statement"
    assert words.count(2, "statement") == "2 statements"
    assert words.count(0, "word") == "0 words"
    assert words.count(3, "person") == "3 people"
    assert words.count(1, "entity") == "1 entity" and words.count(2, "entity") == "2 entities"
    assert words.plural(2, "is") == "are" and words.plural(1, "is") == "is"


def test_a_lead_of_one_statement_is_a_near_tie():
    assert words.leaders(["A", "B", "C"], [6, 3, 1]) == ([0], True)
    assert words.leaders(["A", "B", "C"], [6, 5, 1]) == ([0, 1], False)
    assert words.leaders(["A", "B", "C"], [5, 6, 5]) == ([0, 1, 2], False)
    assert words.leaders(["A"], [2]) == ([0], True)
    assert words.leaders([], []) == ([], False)
    with pytest.raises(ValueError):
        words.leaders(["A"], [1, 2])


def test_word_leads_need_more_than_ten_words_and_a_tenth():
    assert words.leaders(["A", "B"], [30, 21], words.word_margin) == ([0, 1], False)  # 9 words
    assert words.leaders(["A", "B"], [30, 19], words.word_margin) == ([0], True)  # 11 words
    assert words.leaders(["A", "B"], [150, 140], words.word_margin) == ([0, 1], False)  # 10 words, under 15
    assert words.leaders(["A", "B"], [150, 134], words.word_margin) == ([0], True)  # 16 words, over 15


def test_tone_leads_within_the_neutral_band_are_near_ties():
    assert words.leaders(["A", "B"], [0.30, 0.26], words.tone_margin) == ([0, 1], False)
    assert words.leaders(["A", "B"], [0.30, 0.20], words.tone_margin) == ([0], True)

"""helpers.measure.vader: the package's own scores, read once per text from a cache."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from helpers.measure import vader

# One text per rule of VADER: boosters, negation 1-3 words back, "never so", "without doubt",
# "least" / "at least", "kind of", "but", ALL CAPS, ! and ?, idioms, emoticons and emojis, n't.
RULE_TEXTS = [
    "The minister was very good at this.",
    "The minister was not good at this.",
    "It isn't really a bad plan, is it?",
    "He never so happy, they said.",
    "She is without doubt the best candidate.",
    "This is the least helpful answer of all.",
    "At least the talks were useful.",
    "It was kind of a failure.",
    "The plan is good but the timing is terrible.",
    "The plan is GOOD but the timing is TERRIBLE!!!",
    "Is this really a crisis??",
    "What a disaster???",
    "That was the bomb, a real hoot.",
    "Cut the mustard or break a leg.",
    "Great news :) and sad news :(",
    "Peace talks \u2764 resumed \U0001F600 today",
    "No problem, no worries, nor bad.",
    "He did not, nor would he ever, support it.",
    "",
    "   ",
    "!!!",
    "Ok.",
    "\u201cWe are deeply worried,\u201d the spokesman said \u2014 not happy at all.",
]


@pytest.mark.parametrize("text", RULE_TEXTS)
def test_scores_are_the_packages(text):
    expected = SentimentIntensityAnalyzer().polarity_scores(text)
    assert vader.polarity_scores(text) == expected
    assert vader.polarity_scores(text) == expected  # the second call, from the cache
    assert repr(vader.compound(text)) == repr(expected["compound"])


@pytest.mark.parametrize("text", ["  The plan is good! ", "\nGreat news :) \u2764\n", "\u2764 sad \t", " "])
def test_surrounding_whitespace_shares_one_entry_and_changes_nothing(text):
    assert vader.polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)
    assert vader.polarity_scores(text) == vader.polarity_scores(text.strip())


def test_a_caller_changing_its_scores_does_not_change_the_cache():
    text = "The talks were a great success, officials said."
    first = vader.polarity_scores(text)
    first["compound"] = 99.0
    assert vader.polarity_scores(text)["compound"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]


def test_scores_follow_the_words():
    assert vader.compound("The rescue was a wonderful success.") > 0.5
    assert vader.compound("The rescue was a horrible failure.") < -0.5
    assert vader.compound("The meeting took place on Tuesday.") == 0.0
    assert vader.compound("The plan is not good.") < 0 < vader.compound("The plan is good.")

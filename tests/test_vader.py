"""helpers.measure.vader.FastVader gives exactly the scores of vaderSentiment's own analyzer."""

import random

import pytest
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

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


@pytest.fixture(scope="module")
def analyzers():
    return SentimentIntensityAnalyzer(), vader.analyzer()


@pytest.mark.parametrize("text", RULE_TEXTS)
def test_same_scores_on_rule_texts(analyzers, text):
    original, fast = analyzers
    assert fast.polarity_scores(text) == original.polarity_scores(text)
    assert repr(fast.compound(text)) == repr(original.polarity_scores(text)["compound"])


def test_same_scores_on_generated_texts(analyzers):
    """Random word salads dense in lexicon words, boosters, negations and idiom parts."""
    original, fast = analyzers
    rng = random.Random(20261126)
    words = (sorted(original.lexicon)[::11] + sorted(BOOSTER_DICT) + sorted(NEGATE)
             + sorted({w for key in SPECIAL_CASES for w in key.split()})
             + ["but", "BUT", "kind", "of", "least", "at", "never", "so", "this", "without", "doubt",
                "GREAT", "Bad", "n't", "isn't", "!", "?", ":)", ":-(", "the", "Smith", "said", "\u2764"])
    mismatches = []
    for _ in range(4000):
        text = rng.choice([" ", " , ", ". "]).join(rng.choice(words) for _ in range(rng.randint(0, 16)))
        text += rng.choice(["", ".", "!", "!!!", "?", "???"])
        if fast.polarity_scores(text) != original.polarity_scores(text):
            mismatches.append(text)
        if repr(fast.compound(text)) != repr(original.polarity_scores(text)["compound"]):
            mismatches.append(("compound", text))
    assert mismatches == []


def test_non_string_input_fails_as_in_the_package(analyzers):
    original, fast = analyzers
    for analyzer in (original, fast):
        with pytest.raises(TypeError):
            analyzer.polarity_scores(123)


def test_one_shared_analyzer():
    assert vader.analyzer() is vader.analyzer()
    assert vader.polarity_scores("good")["compound"] > 0


def test_same_scores_to_the_last_bit_with_punctuation_emphasis(analyzers):
    """repr compares -0.0 and 0.0 apart; texts dense in idioms, "no", "least", "but", ! and ?."""
    original, fast = analyzers
    rng = random.Random(7)
    words = (sorted(original.lexicon)[::37] + sorted({w for key in SPECIAL_CASES for w in key.split()})
             + sorted({w for key in BOOSTER_DICT for w in key.split()})
             + ["no", "NO", "or", "nor", "least", "at", "very", "but", "never", "so", "this", "kind", "of", "-", "'"])
    mismatches = []
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) + rng.choice(["", "!?!?!?", "????", "!!!!!"])
        if repr(fast.polarity_scores(text)) != repr(original.polarity_scores(text)):
            mismatches.append(text)
        if repr(fast.compound(text)) != repr(original.polarity_scores(text)["compound"]):
            mismatches.append(("compound", text))
    assert mismatches == []


@pytest.mark.parametrize("text", RULE_TEXTS + ["Smith , the minister , said on Tuesday", "of the 2005 report \u201c ,"])
def test_may_score(analyzers, text):
    _, fast = analyzers
    words = text.split()
    flags = fast.may_score_each(words)
    assert flags == [fast.may_score(w) for w in words]
    if not any(flags):  # no word VADER could score: compound 0.0, also for the words re-joined
        assert fast.polarity_scores(text)["compound"] == 0.0
        assert fast.polarity_scores(" ".join(words[::-1]))["compound"] == 0.0
    assert fast.may_score(text) == any(flags)


def test_may_score_words():
    fast = vader.analyzer()
    assert fast.may_score_each(["The", "good", ",", "Smith", "GREAT!", ":)", "\u2764", "2005", "\n"]) == [
        False, True, False, False, True, True, True, False, False]


def test_shared_scores_scores_a_text_once_inside_the_block_only(monkeypatch):
    from helpers.measure import vader

    a = vader.analyzer()
    calls = []
    original = type(a).score_valence
    monkeypatch.setattr(type(a), "score_valence", lambda self, s, t: calls.append(t) or original(self, s, t))
    text = "The talks were a great success, officials said."
    with vader.shared_scores():
        first = a.polarity_scores(text)
        first["compound"] = 99  # a caller changing its dict must not change what others get
        again = a.polarity_scores("  " + text + "\n")  # the same text once stripped
    assert len(calls) == 1 and again == vader.polarity_scores(text) and again["compound"] != 99
    a.polarity_scores(text)
    assert len(calls) == 3  # outside the block every call scores (twice above: the check and this)

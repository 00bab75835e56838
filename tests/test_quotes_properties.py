"""Properties of quote pairing and extraction on any string (Hypothesis).

Whatever the text (stray, nested, curly, straight or single marks, line breaks, blank lines, words
that look like cues and names): pairing and extraction never raise, every span lies inside the text,
in order, and no quotation or statement crosses a paragraph break.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.extract.entities import paragraph_spans
from helpers.measure.quote_eval import snippet_doc
from helpers.extract.quotemarks import find_quoted_spans, line_ranges
from helpers.extract.quotes import QUOTE_COLUMNS, extract_quotes

# Pieces of news text, so that random strings hold quotations, cues and speakers often enough.
PIECES = [
    '"', "“", "”", "'", "‘", "’", "«", "»", "„", ",", ".", ":", ";", " - ", "—", "?", "!", "(", ")", "[...]",
    "\n", "\n\n", " ", " ", " ", "said", "says", "told", "added", "according to", "reported", "thanked",
    "called", "insisted", "that", "he", "she", "they", "it", "The minister", "Ada Lind", "Mr Okafor",
    "the council", "police", "We will win", "this is wrong", "Never", "and", "the plan", "was", "is",
    "would", "fail", "I", "you", "Reports", "estimated", "urged", "to", "leave",
]
# Whole sentences with cues, for the reported-speech rules, cut and glued with the pieces above.
SENTENCES = [
    "Ada Lind said the plan would fail. ", '"We will win," she said. ', "According to police, the road was closed. ",
    "The council urged residents to leave. ", "Mr Okafor told reporters the vote was fair, they said. ",
    'He called it "a disgrace" and said it was over. ', "Reports indicate the plan failed. ",
    "The minister, she added, was wrong. ", 'Ada Lind said: "Never again.\n"Not ever." ',
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(PIECES)), max_size=12).map("".join),
    st.text(alphabet=st.sampled_from(list("ab \n\"'“”‘’«».,:-")), max_size=60),
)


def within_one(ranges, start, end):
    return any(s <= start and end <= e for s, e in ranges)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_pairing_any_string(text):
    paras = line_ranges(text)
    spans = find_quoted_spans(text, paras)
    last = -1
    for sp in spans:
        assert 0 <= sp.open_char < sp.start_char < sp.end_char <= len(text)
        assert sp.open_char >= last  # in text order, never overlapping
        last = sp.close_char
        assert within_one(paras, sp.open_char, sp.end_char)
        assert "\n" not in text[sp.start_char:sp.end_char]
        assert text[sp.start_char:sp.end_char] == text[sp.start_char:sp.end_char].strip()


@pytest.fixture(scope="module")
def pipeline():
    from helpers.ingest.nlp import load_nlp

    return load_nlp()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_extraction_any_string(pipeline, text):
    for doc in (snippet_doc(text, pipeline), pipeline(text)):  # also a parse that ignores paragraphs
        q = extract_quotes(doc, article_id="p")
        assert list(q.columns) == QUOTE_COLUMNS
        paras = [(s, e) for _, s, e, _ in paragraph_spans(doc.text)]
        for r in q.itertuples(index=False):
            assert 0 <= r.start_char < r.end_char <= len(doc.text)
            assert doc.text[r.start_char:r.end_char] == r.text
            assert within_one(paras, r.start_char, r.end_char), (r.text, paras)
            assert r.kind in {"direct", "partial", "indirect"}

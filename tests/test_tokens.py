"""helpers.ingest.tokens: the per-Doc token table, its staleness check and pinning."""

from spacy.tokens import Span

from helpers.ingest import tokens


def _doc(nlp, text="Anna Berg told reporters in Oslo that the plan had failed. \"It is over,\" she said."):
    return nlp(text)


def test_table_matches_token_attributes(nlp):
    doc = _doc(nlp)
    T = tokens.token_table(doc)
    assert len(T) == len(doc)
    for t in doc:
        assert (T.text[t.i], T.lower[t.i], T.lemma[t.i], T.pos[t.i], T.dep[t.i]) == (
            t.text, t.lower_, t.lemma_.lower(), t.pos_, t.dep_)
        assert (T.ent_type[t.i], T.is_punct[t.i], T.is_space[t.i], T.head[t.i]) == (
            t.ent_type_, t.is_punct, t.is_space, t.head.i)
        assert (T.idx[t.i], T.length[t.i]) == (t.idx, len(t.text))
    assert T.sents == [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
    assert T.doc_text == doc.text
    last = len(doc) - 1
    assert T.sentence_of(last) == len(T.sents) - 1
    assert T.token_at(doc[last].idx) == last


def test_table_is_cached_and_rebuilt_when_the_doc_changes(nlp):
    doc = _doc(nlp)
    first = tokens.token_table(doc)
    assert tokens.token_table(doc) is first
    doc.ents = [Span(doc, 0, 2, label="ORG")]  # a changed annotation must not be served stale
    second = tokens.token_table(doc)
    assert second is not first
    assert second.ent_type[0] == "ORG"


def test_pinned_skips_the_check_inside_the_block_only(nlp):
    doc = _doc(nlp)
    with tokens.pinned(doc) as table:
        with tokens.pinned(doc) as inner:  # blocks nest
            assert inner is table
        doc.ents = [Span(doc, 0, 2, label="ORG")]
        assert tokens.token_table(doc) is table  # pinned: no re-read while the block lasts
    after = tokens.token_table(doc)
    assert after is not table and after.ent_type[0] == "ORG"


def test_empty_doc(nlp):
    T = tokens.token_table(nlp.make_doc(""))
    assert len(T) == 0 and T.sents == []


def test_doc_text_is_rebuilt_exactly_with_all_its_whitespace(nlp):
    for text in ("Two  spaces,\n\nnew paragraph.  ", " lead", "end ", "a\tb\n"):
        doc = nlp(text)
        assert tokens.token_table(doc).doc_text == doc.text == text

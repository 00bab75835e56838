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


def test_parse_attributes_the_engine_reads_agree_with_spacy(nlp):
    # The quote engine and the entity resolver read these lists instead of Token objects: each must
    # be what spaCy says, on a text with quotes, a hyphenated title, double spaces and paragraphs.
    text = ("Harbour Board chair Ines Tamm,  the port's longest-serving member, met U.S. officials.\n\n"
            "\u201cWe agree,\u201d she said. Mr. Oskar Vint of the Institute in Tartu, who was asked twice, "
            "disagreed and left.")
    doc = nlp(text)
    T = tokens.token_table(doc)
    for t in doc:
        i = t.i
        assert (T.tag[i], T.morph[i], T.spaced[i]) == (t.tag_, str(t.morph), bool(t.whitespace_))
        assert (T.left_edge(i), T.right_edge(i)) == (t.left_edge.i, t.right_edge.i)
        assert T.children[i] == [c.i for c in t.children]
        assert T.is_sent_start(i) == bool(t.is_sent_start)
        assert T.morph_value(i, "Number") == ",".join(t.morph.get("Number"))
    assert T.sentence_ids == [k for k, sent in enumerate(doc.sents) for _ in sent]
    for start in range(len(doc)):
        for end in range(start, min(start + 6, len(doc)) + 1):
            assert T.span_text(start, end) == doc[start:end].text
            if end > start:
                assert T.span_root(start, end) == doc[start:end].root.i


def test_subtree_edges_follow_the_heads_of_a_non_projective_tree(nlp):
    # Edges come from the heads, not from the parser's bookkeeping: a tree set by hand whose
    # subtree of "saw" is split by its head's other child still gets the outermost tokens.
    from spacy.tokens import Doc

    words = ["a", "b", "c", "d", "e"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 3, 2, 2, 3], deps=["dep", "dep", "ROOT", "dep", "dep"])
    T = tokens.token_table(doc)
    assert [T.left_edge(i) for i in range(5)] == [t.left_edge.i for t in doc]
    assert [T.right_edge(i) for i in range(5)] == [t.right_edge.i for t in doc]

from helpers.ingest.article import article_from_text
from helpers.ingest.frames import sentences_frame
from helpers.ingest.parse import cache_path, iter_parse, parse, parse_many

TEXT = (
    "Bridge Opens In Springfield\n\n"
    "The mayor opened the bridge on Monday. Crowds cheered.\n"
    '"It is a great day," she said.\n\n'
    "Traffic resumed at noon.\n"
)


def test_sentences_never_cross_paragraphs(nlp, tmp_path):
    a = article_from_text(TEXT, "bridge", nlp=nlp)
    doc = parse(a, nlp=nlp, cache_dir=tmp_path)
    s = sentences_frame(a, doc)
    assert doc.text == a.text
    assert list(s["paragraph_id"]) == [0, 1, 1, 2, 3]
    assert s.loc[s.paragraph_id == 2, "text"].item() == '"It is a great day," she said.'
    assert all(a.text[x:y] == t for x, y, t in zip(s.start_char, s.end_char, s.text))
    assert list(s["n_words"]) == [4, 7, 2, 7, 4]


def test_cache_is_reused_and_invalidated_by_a_changed_text(nlp, tmp_path):
    a = article_from_text(TEXT, "bridge", nlp=nlp)
    first = parse(a, nlp=nlp, cache_dir=tmp_path)
    path = cache_path(a, nlp, tmp_path)
    assert path.is_file() and path.parent.name == "bridge"
    again = parse(a, nlp=nlp, cache_dir=tmp_path)
    assert [t.dep_ for t in again] == [t.dep_ for t in first]
    assert [e.text for e in again.ents] == [e.text for e in first.ents]
    changed = article_from_text(TEXT.replace("Monday", "Friday"), "bridge", nlp=nlp)
    doc = parse(changed, nlp=nlp, cache_dir=tmp_path)
    assert "Friday" in doc.text
    assert cache_path(changed, nlp, tmp_path) != path
    assert not path.exists()  # the stale parse of the old text is gone


def test_parse_many_keeps_order(nlp, tmp_path):
    arts = [article_from_text(f"Story number {i} is here today.", f"a{i}", nlp=nlp) for i in range(5)]
    docs = parse_many(arts, nlp=nlp, cache_dir=tmp_path)
    assert [d.text for d in docs] == [a.text for a in arts]


def test_iter_parse_streams_in_input_order_with_cached_and_new_articles(nlp, tmp_path):
    arts = [article_from_text(f"Story number {i} is here today.", f"b{i}", nlp=nlp) for i in range(6)]
    parse_many(arts[1::2], nlp=nlp, cache_dir=tmp_path)  # b1, b3, b5 cached; b0, b2, b4 not
    stream = iter_parse(arts, nlp=nlp, cache_dir=tmp_path)
    assert not isinstance(stream, list)
    first = next(stream)
    assert first.text == arts[0].text
    assert not cache_path(arts[4], nlp, tmp_path).exists()  # written to the cache when the stream reaches it
    assert [first.text] + [d.text for d in stream] == [a.text for a in arts]
    assert all(cache_path(a, nlp, tmp_path).is_file() for a in arts)


def test_iter_parse_reads_a_cached_parse_only_when_its_turn_comes(nlp, tmp_path, monkeypatch):
    from helpers.ingest import parse as parse_module

    arts = [article_from_text(f"Report number {i} came in late.", f"c{i}", nlp=nlp) for i in range(4)]
    parse_many(arts, nlp=nlp, cache_dir=tmp_path)
    reads = []
    real_read = parse_module._read
    monkeypatch.setattr(parse_module, "_read", lambda path, nlp: reads.append(path) or real_read(path, nlp))
    stream = iter_parse(arts, nlp=nlp, cache_dir=tmp_path)
    assert next(stream).text == arts[0].text and len(reads) == 1  # not all four read up front
    assert [d.text for d in stream] == [a.text for a in arts[1:]] and len(reads) == 4


def test_a_stale_cache_file_is_parsed_again_in_its_place(nlp, tmp_path):
    arts = [article_from_text(f"Notice {i} was posted on the door.", f"d{i}", nlp=nlp) for i in range(3)]
    parse_many(arts, nlp=nlp, cache_dir=tmp_path)
    cache_path(arts[1], nlp, tmp_path).write_bytes(b"not a docbin")
    docs = parse_many(arts, nlp=nlp, cache_dir=tmp_path)
    assert [d.text for d in docs] == [a.text for a in arts] and all(len(d) for d in docs)


def test_batches_hold_at_most_batch_size_articles_and_max_chars_unless_one_is_longer(nlp):
    from helpers.ingest.parse import batches

    lengths = [30, 30, 30, 90, 10, 120, 5, 5, 5, 5, 5]
    arts = [article_from_text("x" * (n - 1) + ".", f"e{i}", nlp=nlp) for i, n in enumerate(lengths)]
    assert [len(a.text) for a in arts] == lengths
    cut = list(batches(arts, 4, 100))
    assert [[len(a.text) for a in b] for b in cut] == [[30, 30, 30], [90, 10], [120], [5, 5, 5, 5], [5]]
    assert [a for b in cut for a in b] == arts  # every article, in order
    assert list(batches([], 4, 100)) == []


def test_a_doc_is_the_same_whatever_batch_it_is_parsed_in(nlp, tmp_path, monkeypatch):
    from helpers.ingest import parse as parse_module

    texts = ["The council voted on Tuesday to close the old library, a spokeswoman for the mayor said.",
             "Farmers in the valley said the late frost had ruined half of the apple harvest.",
             '"We will appeal," the company\'s lawyer told reporters outside the court in Lisbon.',
             "Rain is expected to return on Friday, the weather office warned."]
    arts = [article_from_text(t, f"f{i}", nlp=nlp) for i, t in enumerate(texts)]

    def attrs(docs):
        return [[(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
                 for t in d] for d in docs]

    together = attrs(parse_many(arts, nlp=nlp, cache=False))  # one batch of four
    calls = []
    real_pipe = nlp.pipe
    monkeypatch.setattr(parse_module, "CHUNK_CHARS", 180)  # the batch cap: two texts at most
    monkeypatch.setattr(nlp, "pipe", lambda docs, **kw: calls.append(kw) or real_pipe(docs, **kw))
    apart = attrs(parse_many(arts, nlp=nlp, cache=False))
    assert [kw["batch_size"] for kw in calls] == [2, 2]
    assert apart == together

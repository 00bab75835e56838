"""helpers.ingest.nlp.fewer_collections: a raised collector threshold during an analysis, restored after."""

import gc

from helpers.ingest.nlp import fewer_collections


def test_threshold_is_raised_inside_and_restored_after(monkeypatch):
    monkeypatch.delenv("NEWSLENS_GC_THRESHOLD", raising=False)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        with fewer_collections():
            assert gc.get_threshold()[0] == 20000
            with fewer_collections():  # nested: still raised
                assert gc.get_threshold()[0] == 20000
            assert gc.get_threshold()[0] == 20000
        assert gc.get_threshold() == (700, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_zero_leaves_pythons_threshold(monkeypatch):
    monkeypatch.setenv("NEWSLENS_GC_THRESHOLD", "0")
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == before


def test_threshold_is_restored_when_the_analysis_fails(monkeypatch):
    monkeypatch.setenv("NEWSLENS_GC_THRESHOLD", "5000")
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before

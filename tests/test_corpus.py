"""The corpus command: sources, duplicate ids, frames identical with 1 and 2 workers and on an existing
Dask cluster, resumption after kill -9 and after a changed article, failure isolation.

The articles are written for these tests (invented people and places)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus import load, run, sources
from helpers.corpus.frames import FRAME_NAMES, FRAMES

ARTICLES = [
    {"id": "t-bridge", "title": "Harbour bridge to reopen in May", "published": "2021-03-02", "outlet": "Test Wire",
     "text": "Harbour bridge to reopen in May\n\nThe harbour bridge in Velmora will reopen in May, the city said on "
             "Tuesday.\n\n\"We are ready to open it again,\" Mayor Ana Lindqvist told reporters. She said the repairs "
             "had cost less than planned.\n\nEngineer Tomas Brandt said the steel was in good shape."},
    {"id": "t-school", "title": "Teachers strike over pay", "published": "2021-04-11",
     "text": "Teachers strike over pay\n\nTeachers in Orlavik walked out on Monday over pay.\n\n\"We cannot live on "
             "these wages,\" said union leader Mira Castell. The education ministry said talks would resume next "
             "week.\n\nParents said they supported the strike, according to a local survey."},
    {"id": "t-empty", "title": "Nothing here", "published": "2021-04-12", "text": "   "},
    {"id": "t-furniture", "title": "Only numbers", "text": "2021 -- 45 / 7 %"},
    {"id": "t-storm", "title": "Storm closes port", "published": "2021-05-20", "url": "https://example.org/storm",
     "text": "Storm closes port\n\nA storm closed the port of Velmora on Thursday.\n\n\"The waves were higher than "
             "the wall,\" harbour master Joel Okonkwo said. Mayor Ana Lindqvist said the city would help the "
             "fishermen.\n\nThe weather office warned that more rain was coming."},
]
N_OK = 3  # t-empty and t-furniture fail


def _jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return _jsonl(tmp_path_factory.mktemp("src") / "news.jsonl", ARTICLES)


@pytest.fixture(scope="module")
def clean_run(corpus_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "frames"
    summary = run.run_corpus([corpus_file], out, workers=2, chunk_size=2)
    return out, summary


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    return load.read_frames(out)


def _assert_same(a: Path, b: Path) -> None:
    fa, fb = _frames(a), _frames(b)
    for name in FRAME_NAMES:
        pd.testing.assert_frame_equal(fa[name], fb[name], obj=name)


# --- sources ----------------------------------------------------------------------------------------


def test_jsonl_csv_and_folder_sources_give_records_in_order(tmp_path):
    _jsonl(tmp_path / "a.jsonl", ARTICLES[:2])
    pd.DataFrame([ARTICLES[4]]).to_csv(tmp_path / "b.csv", index=False)
    folder = tmp_path / "files" / "deep"
    folder.mkdir(parents=True)
    (folder / "z-note.txt").write_text("A note\n\nThe council met on Friday and said little.\n", encoding="utf-8")
    (folder / "header.txt").write_text("---\nid: council-vote\ntitle: Council votes\npublished: 2021-06-01\n---\n"
                                       "Council votes\n\nThe council voted on Monday.\n", encoding="utf-8")
    (tmp_path / "files" / "a-page.html").write_text(
        "<html><head><title>Rain again</title></head><body><article><h1>Rain again</h1><p>It rained in Velmora "
        "for the third day, the weather office said on Sunday, and more rain was on the way.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "files" / ".hidden.txt").write_text("Skipped.\n", encoding="utf-8")
    records = list(sources.read_records([tmp_path / "a.jsonl", tmp_path / "b.csv", tmp_path / "files"]))
    # files in sorted path order: a-page.html, deep/header.txt, deep/z-note.txt; a front-matter id wins
    assert [r.article_id for r in records] == ["t-bridge", "t-school", "t-storm", "a-page", "council-vote", "z-note"]
    header = records[4]
    assert header.text.startswith("Council votes") and header.meta["title"] == "Council votes"
    assert str(header.meta["date"]) == "2021-06-01"  # a header's published is the Article's date
    assert records[0].meta["published"] == "2021-03-02" and records[0].where.endswith("a.jsonl:1")
    assert records[2].meta["url"] == "https://example.org/storm" and records[2].where.endswith("b.csv:2")
    assert "third day" in records[3].text and records[5].text.startswith("A note")
    assert all(r.error is None for r in records)


def test_bad_rows_become_failed_records_and_bad_sources_raise(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"id": "ok", "text": "Fine."}\nnot json\n\n{"text": "no id"}\n',
                                      encoding="utf-8")
    records = list(sources.read_records([tmp_path / "x.jsonl"]))
    assert [r.error is None for r in records] == [True, False, False]
    assert "x.jsonl:2: not valid JSON" in records[1].error and "x.jsonl:4: no 'id'" in records[2].error
    (tmp_path / "y.csv").write_text("title,body\nA,B\n", encoding="utf-8")
    with pytest.raises(sources.SourceError, match=r"y.csv: no 'id' or 'text' column \(columns: title, body\)"):
        list(sources.read_records([tmp_path / "y.csv"]))
    with pytest.raises(sources.SourceError, match="nowhere.jsonl: no such file or folder"):
        list(sources.read_records([tmp_path / "nowhere.jsonl"]))
    (tmp_path / "z.docx").write_bytes(b"PK")
    with pytest.raises(sources.SourceError, match="z.docx: not a corpus source"):
        list(sources.read_records([tmp_path / "z.docx"]))


def test_duplicate_id_is_an_error_naming_both_sources(tmp_path):
    _jsonl(tmp_path / "a.jsonl", ARTICLES[:2])
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "t-school.txt").write_text("Another school story.\n", encoding="utf-8")
    with pytest.raises(sources.SourceError) as err:
        sources.index_records(sources.read_records([tmp_path / "a.jsonl", folder]))
    assert "duplicate article id 't-school'" in str(err.value)
    assert "a.jsonl:2" in str(err.value) and str(folder / "t-school.txt") in str(err.value)
    result = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(tmp_path / "a.jsonl"), str(folder),
                             "--out", str(tmp_path / "out"), "--quiet"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"newslens corpus: error: {err.value}"]
    assert not (tmp_path / "out" / "articles").exists()  # refused before any work


# --- the run ------------------------------------------------------------------------------------------


def test_clean_run_writes_every_frame_with_documented_columns(clean_run):
    out, summary = clean_run
    assert (summary.n_articles, summary.n_analysed, summary.n_reused, summary.n_failed) == (5, 5, 0, 2)
    frames = _frames(out)
    for name in FRAME_NAMES:
        assert list(frames[name].columns) == [c for c, _, _ in FRAMES[name]]
    arts = frames["articles"]
    assert arts["article_id"].tolist() == [a["id"] for a in ARTICLES]
    assert arts["status"].tolist() == ["ok", "ok", "failed", "failed", "ok"]
    errors = dict(zip(arts["article_id"], arts["error"]))
    assert "news.jsonl:3: no 'text'" in errors["t-empty"]
    assert "news.jsonl:4" in errors["t-furniture"] and "no text paragraphs" in errors["t-furniture"]
    assert arts.loc[0, "published"] == pd.Timestamp("2021-03-02") and pd.isna(arts.loc[3, "published"])
    quotes = frames["quotes"]
    assert set(quotes["article_id"]) == {"t-bridge", "t-school", "t-storm"}
    we_are_ready = quotes[quotes["text"].str.startswith("We are ready")]
    assert we_are_ready["speaker"].tolist() == ["Ana Lindqvist"] and we_are_ready["kind"].tolist() == ["direct"]
    # offsets trace back into the article's text
    text = ARTICLES[0]["text"]
    row = we_are_ready.iloc[0]
    assert text[row["start_char"]:row["end_char"]] == row["text"]
    speakers = frames["speakers"]
    lind = speakers[(speakers["article_id"] == "t-bridge") & (speakers["speaker"] == "Ana Lindqvist")]
    assert lind["n_statements"].tolist() == [2] and lind["speaker_kind"].tolist() == ["person"]
    assert set(frames["sentences"]["article_id"]) == {"t-bridge", "t-school", "t-storm"}
    assert frames["mentions"]["polarity"].isin(["positive", "neutral", "negative"]).all()
    assert load.check_corpus(out).state == "ok"


def test_an_existing_cluster_gives_identical_frames(corpus_file, clean_run, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        remote = tmp_path / "remote"
        summary = run.run_corpus([corpus_file], remote, scheduler=cluster.scheduler_address, chunk_size=2)
    assert summary.workers == 2
    _assert_same(clean_run[0], remote)


def test_the_local_cluster_leaves_glibc_malloc_at_its_defaults(monkeypatch):
    """Dask's nanny gives its workers MALLOC_TRIM_THRESHOLD_=65536, which turns off glibc's adaptive mmap
    threshold (every large array spaCy allocates is mmapped afresh); the corpus cluster unsets it, keeps
    Dask's other settings, and a user's own variable still wins."""
    from distributed import Client

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    names = ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")
    with run.local_cluster(1) as cluster, Client(cluster) as client:
        seen = list(client.run(lambda: tuple(os.environ.get(n) for n in names)).values())
    assert seen == [(None, "1")]
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")
    with run.local_cluster(1) as cluster, Client(cluster) as client:
        seen = list(client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values())
    assert seen == ["131072"]


def test_one_worker_resumed_after_kill_9_equals_a_clean_run_with_two(corpus_file, clean_run, tmp_path):
    out = tmp_path / "killed"
    # one article per chunk, so that the kill right after the first part lands leaves chunks undone
    # (with chunks of two, a fast machine finished all three within one look at the folder)
    cmd = [sys.executable, "-m", "helpers", "corpus", str(corpus_file), "--out", str(out), "--workers", "1",
           "--chunk-size", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((out / "articles").glob("part-*.parquet")):
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the command, its scheduler and its workers, mid-run
    proc.wait()
    done = len(list((out / "articles").glob("part-*.parquet")))
    assert 1 <= done < len(ARTICLES)  # of one chunk per article
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 2  # two articles fail
    reused = done
    last = result.stderr.splitlines()[-1]
    assert (f"{len(ARTICLES)} articles, {len(ARTICLES) - 2} analysed and 2 failed ({len(ARTICLES) - reused} read "
            f"this run, {reused} reused from an earlier run)") in last
    # the failed articles are named even when their parts were reused
    assert sum(line.startswith("newslens corpus: failed: ") for line in result.stderr.splitlines()) == 2
    _assert_same(clean_run[0], out)


def test_a_changed_article_is_analysed_again_and_the_rest_reused(corpus_file, clean_run, tmp_path):
    import shutil

    out = tmp_path / "changed"
    shutil.copytree(clean_run[0], out)
    changed = [dict(a) for a in ARTICLES]
    changed[4]["text"] += "\n\n\"Stay away from the harbour,\" the weather office said."
    before = {p.name for p in (out / "quotes").iterdir()}
    try:
        _jsonl(corpus_file, changed)
        summary = run.run_corpus([corpus_file], out, workers=1, chunk_size=2)
    finally:
        _jsonl(corpus_file, ARTICLES)
    assert (summary.n_analysed, summary.n_reused) == (1, 4)  # the last chunk holds t-storm alone
    after = {p.name for p in (out / "quotes").iterdir()}
    assert len(before - after) == 1 and len(after - before) == 1  # the stale part is gone
    quotes = load.read_frame(out, "quotes")
    assert quotes["text"].str.contains("Stay away from the harbour").any()


def test_chunks_follow_the_article_ids_not_their_positions():
    index = [(f"story-{i}", "", f"digest-{i}") for i in range(400)]
    bounds = run.chunk_bounds(index, 20)
    assert bounds[0][0] == 0 and bounds[-1][1] == 400
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # in order, nothing left out
    assert all(1 <= end - start <= 40 for start, end in bounds)
    assert 10 <= len(bounds) <= 40  # about 20 articles per chunk
    assert run.chunk_bounds([(i, "", "edited") for i, _, _ in index], 20) == bounds  # texts move no boundary
    assert run.chunk_bounds(index, 1) == [(i, i + 1) for i in range(400)]
    # at least half of chunk_size per chunk (but the last), so that the parser's batches are not small
    assert all(end - start >= 10 for start, end in bounds[:-1])
    sizes = [end - start for start, end in run.chunk_bounds(index * 5, 32)]
    assert min(sizes[:-1]) >= 16 and max(sizes) <= 64 and 30 <= sum(sizes) / len(sizes) <= 52
    names = run.part_names(index, "v1", 20)
    keys = lambda ns: {n.split("-", 2)[2] for n in ns}
    added = run.part_names([("story-new", "", "x"), *index[:200], ("story-middle", "", "y"), *index[200:]], "v1", 20)
    # two articles added, one at the front and one in the middle: only the chunks that hold them change
    assert len(keys(added) - keys(names)) <= 4 and len(keys(names) - keys(added)) <= 2
    removed = run.part_names(index[:100] + index[101:], "v1", 20)
    assert len(keys(removed) - keys(names)) <= 2


def test_a_file_added_to_a_folder_is_analysed_and_the_other_chunks_renamed(tmp_path):
    folder, out = tmp_path / "articles", tmp_path / "frames"
    folder.mkdir()
    for a in ARTICLES:
        (folder / f"{a['id']}.txt").write_text(a["text"], encoding="utf-8")
    run.run_corpus([folder], out, workers=1, chunk_size=2)
    before = load.read_frame(out, "quotes")
    # a file that sorts first: with chunks cut every two positions, every chunk after it would change
    (folder / "a-ferry.txt").write_text("Ferry resumes\n\nThe ferry to Orlavik sailed again on Monday.\n\n\"It feels "
                                        "like summer,\" said captain Lena Vik.", encoding="utf-8")
    summary = run.run_corpus([folder], out, workers=1, chunk_size=2)
    index = sources.index_records(sources.read_records([folder]))
    first = run.chunk_bounds(index, 2)[0]
    assert index[0][0] == "a-ferry" and first[0] == 0
    assert (summary.n_analysed, summary.n_reused) == (first[1], len(ARTICLES) + 1 - first[1])
    assert summary.n_reused >= 2
    manifest = json.loads((out / "corpus.json").read_text())
    assert sorted(p.name for p in (out / "quotes").iterdir()) == sorted(manifest["parts"])  # renamed, none stale
    quotes = load.read_frame(out, "quotes")
    assert quotes["article_id"].iloc[0] == "a-ferry" and "It feels like summer" in quotes["text"].iloc[0]
    pd.testing.assert_frame_equal(quotes[quotes["article_id"] != "a-ferry"].reset_index(drop=True), before)


def test_loader_warnings_are_printed_by_the_command_not_by_the_workers(tmp_path, capfd):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "run-on.txt").write_text("Budget Talks\n\n" + " ".join(["the minister said the budget was too small "
                                       "and the roads were bad and nobody knew what would happen next"] * 30) + "\n",
                                       encoding="utf-8")
    (folder / "german.txt").write_text("Klima\n\n" + "Die Regierung hat am Montag gesagt, dass sie die Ziele "
                                       "nicht erreichen wird, und die Opposition ist damit nicht zufrieden. " * 8,
                                       encoding="utf-8")
    lines = []
    summary = run.run_corpus([folder], tmp_path / "frames", workers=1, log=lines.append)
    assert summary.n_failed == 1 and "german.txt: not English" in summary.failures[0]
    assert summary.warnings == [f"{folder / 'run-on.txt'}: almost no sentence punctuation (0 sentence marks in "
                                f"602 words): sentences and quotes will be unreliable"]
    assert lines == [f"newslens corpus: failed: {summary.failures[0]}", f"newslens corpus: warning: {summary.warnings[0]}"]
    assert "will be unreliable" not in capfd.readouterr().err  # no bare line from a worker's log


def test_nothing_to_do_reuses_every_part_without_starting_dask(corpus_file, clean_run, monkeypatch):
    def no_dask(*args, **kwargs):
        raise AssertionError("Dask started although every part was done")

    monkeypatch.setattr(run, "_analyse", no_dask)
    summary = run.run_corpus([corpus_file], clean_run[0], workers=2, chunk_size=2)
    assert (summary.n_analysed, summary.n_reused, summary.n_failed) == (0, 5, 2)
    assert len(summary.failures) == 2  # named though nothing ran


def test_an_unreachable_scheduler_is_one_clear_error(corpus_file, tmp_path, monkeypatch):
    import distributed

    def refused(address, timeout=None, **kwargs):
        raise OSError(f"Timed out trying to connect to {address} after {timeout}\nmore lines of Dask")

    monkeypatch.setattr(distributed, "Client", refused)
    with pytest.raises(run.CorpusError) as err:
        run.run_corpus([corpus_file], tmp_path / "out", scheduler="tcp://127.0.0.1:9", chunk_size=2)
    assert str(err.value) == ("cannot reach the Dask scheduler at tcp://127.0.0.1:9: Timed out trying to connect to "
                              "tcp://127.0.0.1:9 after 20s (is `dask scheduler` running there?)")


def test_out_that_is_a_file_is_refused_before_any_work(corpus_file, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("keep me", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "helpers", "corpus", str(corpus_file), "--out", str(target)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == f"newslens corpus: error: {target}: exists and is not a folder (--out needs a folder)"
    assert target.read_text(encoding="utf-8") == "keep me"


def test_dask_frame_reads_the_same_rows(clean_run):
    out = clean_run[0]
    quotes = load.read_frame(out, "quotes")
    ddf = load.dask_frame(out, "quotes", columns=["article_id", "quote_id", "speaker"])
    got = ddf.compute().reset_index(drop=True)
    assert got.astype(object).where(got.notna(), None).values.tolist() == \
        quotes[["article_id", "quote_id", "speaker"]].astype(object).where(quotes[["article_id", "quote_id", "speaker"]].notna(), None).values.tolist()


def test_missing_and_stale_frames_are_reported(clean_run, tmp_path):
    assert load.check_corpus(tmp_path / "none").state == "missing"
    with pytest.raises(load.CorpusFramesError, match="no corpus frames here"):
        load.read_frame(tmp_path / "none", "quotes")
    import shutil

    out = tmp_path / "copy"
    shutil.copytree(clean_run[0], out)
    manifest = json.loads((out / "corpus.json").read_text())
    code, spacy_version, pipeline = manifest["analysis"].split(" ")
    manifest["analysis"] = f"code-0000 {spacy_version} {pipeline}"
    (out / "corpus.json").write_text(json.dumps(manifest))
    state = load.check_corpus(out)
    assert state.state == "stale" and state.analysis == f"code-0000 {spacy_version} {pipeline}"
    assert "were made by another version of the analysis code: numbers may differ" in state.message
    assert "code-" not in state.message  # the line does not change with the code's hash
    manifest["analysis"] = f"code-1111 spacy-0.1 {pipeline}"
    (out / "corpus.json").write_text(json.dumps(manifest))
    assert "another version of the analysis code and spaCy 0.1 (installed: " in load.check_corpus(out).message
    next((out / "speakers").glob("part-*")).unlink()
    assert load.check_corpus(out).state == "incomplete"


# --- corpus measures, on frames written for the test ---------------------------------------------------


def _quotes(rows):
    cols = ["article_id", "quote_id", "speaker", "co_speakers", "speaker_kind", "kind", "n_words", "start_char",
            "counted", "text"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


QUOTES = _quotes([
    ("a1", "q001", "Ana Lindqvist", [], "person", "direct", 10, 5, True, "We are ready to open the bridge"),
    ("a1", "q002", "Ana Lindqvist", ["Tomas Brandt"], "person", "indirect", 6, 60, True, "the steel is fine"),
    ("a1", "q003", "Ana Lindqvist", [], "person", "partial", 3, 90, False, "ready"),  # a fragment: not counted
    ("a2", "q001", "officials", [], "organisation", "indirect", 8, 10, True, "the port will close"),
    ("a2", "q002", "Officials", [], "organisation", "indirect", 4, 50, True, "the port is closed"),
    ("a3", "q001", "Tomas Brandt", [], "person", "direct", 12, 0, True, "the bridge is safe"),
    ("a3", "q002", "witnesses", [], "unnamed", "indirect", 5, 30, True, "the wind was strong"),
])
ARTS = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "status": ["ok", "ok", "ok", "failed"],
                     "published": pd.to_datetime(["2021-01-05", "2021-03-09", None, "2021-03-01"])})


def test_a_joint_statement_counts_for_each_speaker_and_names_match_across_case():
    from helpers.corpus import measures

    s = measures.statements(QUOTES)
    assert len(s) == 7  # six counted statements, one of them joint
    assert s.loc[s["quote_id"].eq("q002") & s["article_id"].eq("a1"), "speaker"].tolist() == ["Ana Lindqvist",
                                                                                              "Tomas Brandt"]
    top = measures.top_sources(QUOTES, n=None)
    # the unnamed "witnesses" are left out; "officials" and "Officials" are one source
    # two statements each: the speaker order puts most words first (18, 16, 12)
    assert top["speaker"].tolist() == ["Tomas Brandt", "Ana Lindqvist", "officials"]
    assert top["n_statements"].tolist() == [2, 2, 2] and top["n_words"].tolist() == [18, 16, 12]
    assert abs(top["share_statements"].iloc[0] - 2 / 7) < 1e-9  # of all seven, the unnamed one included
    assert top.set_index("speaker").loc["Tomas Brandt", "n_articles"] == 2


def test_a_surname_alone_counts_under_the_one_full_name_of_the_corpus():
    from helpers.corpus import measures

    q = _quotes([
        ("a1", "q001", "Ana Lindqvist", [], "person", "direct", 10, 5, True, "We are ready"),
        ("a2", "q001", "Lindqvist", [], "person", "indirect", 6, 60, True, "the steel is fine"),
        ("a3", "q001", "Brandt", [], "person", "indirect", 4, 0, True, "the bridge is safe"),
        ("a3", "q002", "Tomas Brandt", [], "person", "direct", 4, 40, True, "It is safe"),
        ("a4", "q001", "Eva Brandt", [], "person", "direct", 4, 0, True, "It is not"),
        ("a4", "q002", "Moreau", [], "person", "direct", 4, 40, True, "Wait"),
    ])
    s = measures.statements(q)
    # one Lindqvist with a full name: joined; two Brandts: the surname stays alone; no full Moreau: alone
    assert s["speaker"].tolist() == ["Ana Lindqvist", "Ana Lindqvist", "Brandt", "Tomas Brandt", "Eva Brandt", "Moreau"]


def test_share_by_kind_sources_per_article_and_over_time():
    from helpers.corpus import measures

    kinds = measures.share_by_kind(QUOTES).set_index("speaker_kind")
    assert kinds.loc["person", "n_statements"] == 4 and kinds.loc["organisation", "n_statements"] == 2
    assert kinds.loc["unnamed", "n_statements"] == 1 and abs(kinds["share"].sum() - 1) < 1e-9
    per = measures.sources_per_article(ARTS, QUOTES)
    assert per.set_index("article_id")["n_sources"].to_dict() == {"a1": 2, "a2": 1, "a3": 2}
    over = measures.share_over_time(ARTS, QUOTES)
    # a3 has no date; February has no statement but keeps its row
    assert over["month"].dt.strftime("%Y-%m").unique().tolist() == ["2021-01", "2021-02", "2021-03"]
    jan = over[over["month"] == "2021-01-01"].set_index("speaker_kind")
    assert jan.loc["person", "n_statements"] == 3 and jan.loc["person", "share"] == 1.0
    assert over[over["month"] == "2021-02-01"]["n_statements"].sum() == 0


def test_quoted_vs_mentioned_across_articles():
    from helpers.corpus import measures

    entities = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a1"], "canonical": ["Ana Lindqvist", "Ana Lindqvist", "Ana Lindqvist", "Velmora"],
        "label": ["PERSON", "PERSON", "PERSON", "GPE"], "n_mentions": [3, 1, 2, 4], "n_statements": [2, 0, 0, 0],
        "quoted": [True, False, False, False]})
    qm = measures.quoted_vs_mentioned(entities)
    assert qm[["canonical", "n_articles", "n_articles_quoted", "n_mentions"]].values.tolist() == [
        ["Ana Lindqvist", 3, 1, 6]]
    assert abs(qm.loc[0, "quoted_share"] - 1 / 3) < 1e-9


def test_a_corrections_file_is_part_of_an_articles_hash(tmp_path, monkeypatch):
    from helpers import config

    monkeypatch.setattr(config, "corrections_path", lambda article_id: tmp_path / f"{article_id}.yaml")
    record = sources.Record("t-bridge", "news.jsonl:1", "Some text.")
    plain = record.digest
    (tmp_path / "t-bridge.yaml").write_text("statements:\n  - match: ready\n    drop: true\n", encoding="utf-8")
    with_file = record.digest
    (tmp_path / "t-bridge.yaml").write_text("statements:\n  - match: steel\n    drop: true\n", encoding="utf-8")
    assert len({plain, with_file, record.digest}) == 3  # a new or edited corrections file re-analyses the article


# --- what a worker computes ------------------------------------------------------------------------------


def test_score_article_gives_the_frames_of_the_full_measure(tmp_path):
    """The corpus computes only the scores its frames hold: the frames equal those of pipeline.measure."""
    from helpers.corpus.frames import article_frames, chunk_tables
    from helpers.corpus.work import score_article
    from helpers.ingest.article import article_from_text
    from helpers.ingest.nlp import load_nlp
    from helpers.ingest.parse import parse
    from helpers.pipeline import analyze_doc, measure

    nlp = load_nlp()
    ok = [a for a in ARTICLES if a["id"] not in ("t-empty", "t-furniture")]
    records = list(sources.read_records([_jsonl(tmp_path / "news.jsonl", ok)]))
    fast, full = [], []
    for record in records:
        article = article_from_text(record.text, article_id=record.article_id, nlp=nlp, meta=record.meta)
        doc = parse(article, nlp=nlp, cache=False)
        fast.append(article_frames(score_article(doc, article), record))
        full.append(article_frames(measure(analyze_doc(doc, article)), record))
    a, b = chunk_tables(fast), chunk_tables(full)
    assert a["quotes"].num_rows and a["mentions"].num_rows and a["speakers"].num_rows
    for name in FRAME_NAMES:
        assert a[name].equals(b[name]), name


def test_a_non_english_article_is_marked_and_not_analysed(tmp_path):
    from helpers.corpus.work import analyse_chunk

    german = ("Brücke wird im Mai wieder geöffnet\n\nDie Brücke im Hafen von Velmora wird im Mai wieder geöffnet, "
              "teilte die Stadt am Dienstag mit. Die Reparaturen waren günstiger als geplant, sagte der Ingenieur "
              "Tomas Brandt den Reportern am Hafen.")
    rows = [ARTICLES[0], {"id": "t-german", "title": "Brücke", "text": german}]
    records = list(sources.read_records([_jsonl(tmp_path / "mixed.jsonl", rows)]))
    arts = analyse_chunk(records)["articles"].to_pandas()
    assert arts["language"].tolist() == ["en", "other"]
    assert arts["status"].tolist() == ["ok", "failed"]
    assert "mixed.jsonl:2: not English" in arts.loc[1, "error"]
    assert list(arts.loc[1, "warnings"]) == []  # the error says it; no warning of results it never made
    assert list(arts.loc[0, "warnings"]) == []


def test_a_worker_freezes_what_it_loaded_and_keeps_collecting_garbage():
    import gc

    from helpers.corpus import work

    try:
        assert work.prepare_worker() == work.analysis_version()
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        cycle = [object()]
        cycle.append(cycle)  # made after the freeze: collected as usual
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()


def test_each_speaker_of_a_joint_statement_keeps_their_own_kind():
    from helpers.corpus import measures

    # "Lindqvist and Brandt announced ...": the statement's kind is "group"; each speaks alone elsewhere as a
    # person, and the union that only ever speaks jointly keeps the statement's kind
    quotes = _quotes([
        ("a1", "q001", "Ana Lindqvist", [], "person", "direct", 10, 5, True, "We are ready"),
        ("a1", "q002", "Ana Lindqvist", ["Tomas Brandt", "Dock Workers Union"], "group", "indirect", 6, 60, True,
         "they would open the bridge"),
        ("a2", "q001", "Tomas Brandt", [], "person", "direct", 12, 0, True, "the bridge is safe"),
    ])
    s = measures.statements(quotes)
    kinds = s[s["joint"]].set_index("speaker")["speaker_kind"].to_dict()
    assert kinds == {"Ana Lindqvist": "person", "Tomas Brandt": "person", "Dock Workers Union": "group"}
    top = measures.top_sources(quotes, n=None).set_index("speaker")
    assert top.loc["Ana Lindqvist", "speaker_kind"] == top.loc["Tomas Brandt", "speaker_kind"] == "person"


def test_people_named_by_surname_alone_count_under_their_full_name_in_the_entity_measures():
    from helpers.corpus import measures

    cols = ["article_id", "canonical", "label", "n_mentions", "n_statements", "quoted"]
    entities = pd.DataFrame([
        ("a1", "Ana Lindqvist", "PERSON", 3, 2, True), ("a2", "Lindqvist", "PERSON", 2, 1, True),
        ("a2", "Ana Lindqvist", "PERSON", 1, 0, False),  # one article, two entities of one name: one article
        ("a3", "Brandt", "PERSON", 1, 0, False),  # no full name anywhere: stays
        ("a3", "Lindqvist", "ORG", 1, 0, False),  # not a person: stays
    ], columns=cols)
    qm = measures.quoted_vs_mentioned(entities, labels=("PERSON", "ORG")).set_index(["canonical", "label"])
    row = qm.loc[("Ana Lindqvist", "PERSON")]
    assert (row["n_articles"], row["n_articles_quoted"], row["n_mentions"], row["n_statements"]) == (2, 2, 6, 3)
    assert ("Brandt", "PERSON") in qm.index and ("Lindqvist", "ORG") in qm.index

"""Issue 11's matrix: every odd or bad input gives the right rows or one clear line, through the CLI.

Each case writes its own files (sentences written for the test), runs ``python -m helpers sentences``
on a good file and the case's file in one call, and checks the exit status, the one stderr line that
names the file and the problem, and the rows: the good file's rows are always there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main

GOOD = "Council Meets\n\nThe council met on Monday. It adjourned early.\n"
GOOD_ROWS = 3  # the good file's sentences: its headline and two sentences
LEAD = "The harbour authority said on Tuesday that the new pier would open in May, two months late."
STORY = f"Harbour Pier Opens Late\n\n{LEAD}\n\nWorkers finished the deck last week. Boats can moor there from June.\n"
STORY_ROWS = 4


def run(argv: list[str], capsys) -> tuple[int, list[str], dict[str, list[dict]]]:
    """Exit status, stderr lines and the jsonl rows by article_id of one in-process CLI run."""
    code = main(argv)
    out, err = capsys.readouterr()
    rows: dict[str, list[dict]] = {}
    for line in out.splitlines():
        row = json.loads(line)
        rows.setdefault(row["article_id"], []).append(row)
    return code, err.splitlines(), rows


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# Each case: (files to write, relative to tmp_path, as name -> bytes or str), the paths to give after the
# good file, extra CLI arguments, the exit status, a piece of the one stderr line (or None for no
# line), and the rows expected per article id besides the good file's.
CASES = {
    "missing file": (
        {}, ["missing.txt"], [], 2, "missing.txt: no such file", {}),
    "a folder": (
        {"folder/x.txt": STORY}, ["folder"], [], 2, "folder: is a directory", {}),
    "UTF-8 with BOM": (
        {"bom.txt": b"\xef\xbb\xbf" + STORY.encode()}, ["bom.txt"], [], 0, None, {"bom": STORY_ROWS}),
    "UTF-16 with BOM": (
        {"wide.txt": STORY.encode("utf-16")}, ["wide.txt"], [], 0, None, {"wide": STORY_ROWS}),
    "Windows-1252": (
        {"legacy.txt": STORY.replace("pier", "caf\u00e9 pier").encode("cp1252")}, ["legacy.txt"], [], 0, None,
        {"legacy": STORY_ROWS}),
    "UTF-8 with a truncated multi-byte character": (
        {"cut.txt": "N\u00fa\u00f1ez Speaks\n\nThe mayor N".encode() + b"\xc3" + b"ez said it was fine.\n"},
        ["cut.txt"], [], 2, "cut.txt: is neither UTF-8 nor plausible Windows-1252: invalid UTF-8 at byte offset 27 (c3",
        {}),
    "UTF-8 with a damaged byte before ASCII": (
        {"damaged.txt": b"Budget Row\n\nThe minister said the budget was too small for t\xc3\x28 schools.\n"},
        ["damaged.txt"], [], 2,
        "damaged.txt: is neither UTF-8 nor plausible Windows-1252: invalid UTF-8 at byte offset 60 (c3 28", {}),
    "front matter": (
        {"fm.txt": "---\nid: harbour-2024\npublished: 2024-05-02\noutlet: The Gazette\n---\n" + STORY},
        ["fm.txt"], [], 0, None, {"harbour-2024": STORY_ROWS}),
    "broken front matter": (
        {"fm-bad.txt": "---\ntitle: Pier\npublished: soon\n---\n" + STORY},
        ["fm-bad.txt"], [], 2, "fm-bad.txt: line 3: front-matter 'published' is 'soon', not an ISO date", {}),
    "the same path twice": (
        {"story.txt": STORY}, ["story.txt", "story.txt"], [], 0, "story.txt: the same file as", {"story": STORY_ROWS}),
    "the same file name in two folders": (
        {"a/story.txt": STORY, "b/story.txt": STORY.replace("Tuesday", "Friday")},
        ["a/story.txt", "b/story.txt"], [], 0, "b/story.txt: article_id 'story' is already used by",
        {"story": STORY_ROWS, "story-2": STORY_ROWS}),
    "a front-matter id equal to another file's name": (
        {"story.txt": STORY, "other.txt": "---\nid: story\n---\n" + STORY},
        ["story.txt", "other.txt"], [], 0, "other.txt: article_id 'story' is already used by",
        {"story": STORY_ROWS, "story-2": STORY_ROWS}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_matrix(case, tmp_path, capsys, monkeypatch):
    files, paths, extra, status, line, expected = CASES[case]
    for name, data in files.items():
        write(tmp_path / name, data)
    write(tmp_path / "good.txt", GOOD)
    monkeypatch.chdir(tmp_path)  # paths are given relative, as a user types them
    code, err, rows = run(["sentences", "good.txt", *paths, "--no-cache", *extra], capsys)
    assert code == status, err
    if line is None:
        assert err == []
    else:
        assert len(err) == 1 and line in err[0], err
        assert "Traceback" not in err[0]
    assert {k: len(v) for k, v in rows.items()} == {"good": GOOD_ROWS, **expected}


# --- --out is checked before any parsing -------------------------------------------------------------


def test_out_that_is_a_file_stops_before_any_parsing(tmp_path, capsys):
    good = write(tmp_path / "good.txt", GOOD)
    taken = write(tmp_path / "taken", "keep me")
    code, err, rows = run(["sentences", str(good), "--no-cache", "--out", str(taken)], capsys)
    assert code == 2 and rows == {}
    assert err == [f"newslens: error: --out {taken}: exists and is not a folder "
                   "(--out names the folder that receives <command>.<format>)"]
    assert taken.read_text() == "keep me"


def test_out_in_an_unwritable_place_stops_before_any_parsing(tmp_path, capsys):
    good = write(tmp_path / "good.txt", GOOD)
    code, err, rows = run(["sentences", str(good), "--no-cache", "--out", "/sys/newslens-out"], capsys)
    assert code == 2 and rows == {} and len(err) == 1
    assert err[0].startswith("newslens: error: --out /sys/newslens-out: its folder /sys is not writable")


def test_out_file_that_exists_is_replaced_whole(tmp_path, capsys):
    good = write(tmp_path / "good.txt", GOOD)
    old = write(tmp_path / "out" / "sentences.csv", "stale,rows\n" * 1000)
    code, err, _ = run(["sentences", str(good), "--no-cache", "--format", "csv", "--out", str(tmp_path / "out")], capsys)
    assert code == 0
    assert pd.read_csv(old)["text"].tolist() == ["Council Meets", "The council met on Monday.", "It adjourned early."]
    assert sorted(p.name for p in old.parent.iterdir()) == ["sentences.csv"]  # no temp file left


# --- symlinks: a link is the file it points to ---------------------------------------------------------


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True,
                          env=env)


def test_symlinks_are_read_and_cached_as_their_target(tmp_path):
    root = tmp_path / "project"
    raw = write(root / "data" / "raw" / "harbour.txt", STORY)
    link_in = tmp_path / "link-to-raw.txt"
    link_in.symlink_to(raw)
    outside = write(tmp_path / "elsewhere.txt", GOOD)
    link_out = root / "data" / "raw" / "link-out.txt"
    link_out.symlink_to(outside)
    env = {**os.environ, "NEWSLENS_ROOT": str(root)}

    out = cli("sentences", link_in, link_out, env=env)
    assert out.returncode == 0, out.stderr
    ids = {json.loads(line)["article_id"] for line in out.stdout.splitlines()}
    assert ids == {"harbour", "elsewhere"}  # each named by the file it points to
    cached = sorted(p.relative_to(root / "data" / "interim").parts[0] for p in root.rglob("*.spacy"))
    assert cached == ["harbour"]  # the link into data/raw is cached as the raw file; the link out of it is not

    both = cli("sentences", raw, link_in, env=env)
    assert both.returncode == 0
    assert both.stderr.strip().endswith(f"{link_in}: the same file as {raw}, given earlier; processed once")
    assert len(both.stdout.splitlines()) == STORY_ROWS


# --- concurrent writers: one complete file each time ---------------------------------------------------

WORKER = r"""
import sys
from pathlib import Path

import pandas as pd
from spacy.tokens import DocBin

from helpers.cli import main
from helpers.ingest.article import load_article
from helpers.ingest.nlp import load_nlp
from helpers.ingest.parse import cache_path, parse
from helpers.pipeline import analyze_doc, write_frames

root, rounds = Path(sys.argv[1]), int(sys.argv[2])
nlp = load_nlp()
article = load_article(root / "story.txt", nlp=nlp)
cache = cache_path(article, nlp, root / "interim")
for _ in range(rounds):
    cache.unlink(missing_ok=True)  # so that this process parses and writes the cache again
    doc = parse(article, nlp=nlp, cache_dir=root / "interim")
    try:  # the other process may have removed the cache since (its next round): then nothing to check
        cached = DocBin().from_disk(cache)
    except FileNotFoundError:
        cached = None
    assert cached is None or len(list(cached.get_docs(nlp.vocab))) == 1  # whoever wrote it, it is whole
    for path in write_frames(analyze_doc(doc, article), root / "frames"):
        pd.read_parquet(path)  # whoever wrote it last, it is whole
    assert main(["quotes", str(root / "story.txt"), "--no-cache", "--format", "parquet", "--out", str(root / "cli")]) == 0
    assert len(pd.read_parquet(root / "cli" / "quotes.parquet")) > 0
print("ok")
"""


def test_two_processes_writing_the_same_outputs_leave_complete_files(tmp_path):
    write(tmp_path / "story.txt", STORY.replace("Workers finished", '"We are proud," the mayor said. Workers finished'))
    rounds = 20
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path), str(rounds)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [w.communicate(timeout=600) for w in workers]
    for w, (out, err) in zip(workers, results):
        assert w.returncode == 0 and out.strip() == "ok", err[-2000:]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert [p for p in written if p.endswith(".tmp")] == []
    assert len([p for p in written if p.startswith("interim/")]) == 1
    assert len([p for p in written if p.startswith("frames/")]) == 5


# --- every writer goes through helpers.storage ---------------------------------------------------------

#: Calls that write a file when given a path. Inside ``with atomic_path(...) as tmp`` they write the temp
#: file, which is fine; anywhere else they would leave a half-written file to a reader or a crash.
WRITING_CALLS = {"to_csv", "to_parquet", "to_json", "to_excel", "to_feather", "to_pickle", "savefig", "to_disk",
                 "write_text", "write_bytes", "write_table", "dump", "save"}
REPO = Path(__file__).resolve().parents[1]


def _non_atomic_writes(source: str, where: str) -> list[str]:
    import ast

    found = []
    tree = ast.parse(source)
    temp_names = {item.optional_vars.id for node in ast.walk(tree) if isinstance(node, ast.With)
                  for item in node.items
                  if isinstance(item.context_expr, ast.Call) and getattr(item.context_expr.func, "id", None) == "atomic_path"
                  and isinstance(item.optional_vars, ast.Name)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "mode"), None)
            if isinstance(mode, ast.Constant) and any(c in str(mode.value) for c in "wax+"):
                found.append(f"{where}:{node.lineno}: open(..., {mode.value!r})")
            continue
        if not isinstance(func, ast.Attribute) or func.attr not in WRITING_CALLS:
            continue
        target = func.value if func.attr in ("write_text", "write_bytes") else (node.args[0] if node.args else None)
        if func.attr == "write_table" and len(node.args) > 1:  # pyarrow.parquet.write_table(table, where)
            target = node.args[1]
        if func.attr == "to_csv" and not node.args and not any(k.arg == "path_or_buf" for k in node.keywords):
            continue  # to_csv() returns the text: storage.write_text writes it
        if isinstance(func.value, ast.Name) and func.value.id in ("storage", "json", "yaml", "pickle") and func.attr in ("write_text", "write_bytes"):
            continue
        if isinstance(target, ast.Name) and target.id in temp_names:
            continue
        if isinstance(target, ast.Attribute) and target.attr in ("stdout", "stderr"):
            continue
        found.append(f"{where}:{node.lineno}: .{func.attr}(...)")
    return found


def test_every_file_the_project_writes_goes_through_helpers_storage():
    found = []
    for path in sorted([*REPO.glob("src/**/*.py"), *REPO.glob("benchmarks/*.py")]):
        found += _non_atomic_writes(path.read_text(encoding="utf-8"), path.relative_to(REPO).as_posix())
    for nb in sorted(REPO.glob("notebooks/*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        found += _non_atomic_writes(code, nb.relative_to(REPO).as_posix())
    assert found == []


def test_the_writer_audit_catches_a_plain_write():
    source = "frame.to_parquet(path)\nPath('x').write_text('y')\nwith open(p, 'w') as fh: pass\n"
    assert len(_non_atomic_writes(source, "x.py")) == 3
    safe = "with atomic_path(path) as tmp:\n    frame.to_parquet(tmp)\nwrite_text(path, frame.to_csv())\n"
    assert _non_atomic_writes(safe, "x.py") == []


# --- long texts: parsed in paragraph-aligned chunks, refused beyond the documented limit ----------------


def test_a_long_text_is_parsed_in_chunks_into_one_doc_of_the_whole_text(nlp, monkeypatch):
    from helpers.ingest import parse as parse_module
    from helpers.ingest.article import article_from_text
    from helpers.ingest.frames import sentences_frame

    para = ('The harbour authority said on Tuesday that the pier would open in May. "We are proud of it," '
            "said Anna Berg, the mayor of Porto Vale.")
    text = "Harbour Pier Opens Late\n\n" + "\n\n".join(f"{para} Item {i}." for i in range(24)) + "\n"
    article = article_from_text(text, "long", nlp=nlp)
    whole = parse_module.parse(article, nlp=nlp, cache=False)
    monkeypatch.setattr(parse_module, "CHUNK_CHARS", 700)  # so that a short text takes the long-text path
    spans = parse_module.chunk_spans(article, 700)
    assert len(spans) > 5 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))  # end to end, no gap, no overlap
    assert set(a for a, _ in spans[1:]) <= set(article.paragraphs["start_char"])  # cut at paragraph starts
    chunked = parse_module.parse(article, nlp=nlp, cache=False)
    assert chunked.text == text
    assert [(t.idx, t.dep_, t.head.i) for t in chunked] == [(t.idx, t.dep_, t.head.i) for t in whole]
    assert [(e.start_char, e.label_) for e in chunked.ents] == [(e.start_char, e.label_) for e in whole.ents]
    sentences = sentences_frame(article, chunked)
    assert all(text[s:e] == t for s, e, t in zip(sentences.start_char, sentences.end_char, sentences.text))


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_space(nlp):
    from helpers.ingest.article import article_from_text
    from helpers.ingest.parse import chunk_spans

    text = "Headline Of The Day\n\n" + " ".join(f"word{i}" for i in range(400)) + ".\n"
    spans = chunk_spans(article_from_text(text, "one-para", nlp=nlp), 500)
    assert all(b - a <= 500 for a, b in spans)
    assert all(text[b - 1] in " \n" for _, b in spans[:-1])  # never inside a word


def test_a_text_beyond_the_limit_is_one_error_for_that_file_only(tmp_path, capsys, monkeypatch):
    from helpers.ingest import article as article_module

    monkeypatch.setattr(article_module, "MAX_ARTICLE_CHARS", 2_000)
    big = write(tmp_path / "huge.txt", STORY + ("More words follow here. " * 100 + "\n\n") * 3)
    good = write(tmp_path / "good.txt", GOOD)
    code, err, rows = run(["sentences", str(good), str(big), "--no-cache"], capsys)
    assert code == 2 and {k: len(v) for k, v in rows.items()} == {"good": GOOD_ROWS}
    assert err == [f"newslens: error: {big}: {big.stat().st_size:,} bytes, more than newslens analyses in one "
                   "article (2,000; helpers.ingest.article.MAX_ARTICLE_CHARS)"]
    with pytest.raises(article_module.ArticleError, match="characters, more than newslens analyses"):
        article_module.article_from_text("x" * 2_001, "s")


# --- language, Markdown, punctuation ----------------------------------------------------------------

GERMAN = ("Hafen Eröffnet Neuen Steg\n\nDie Hafenbehörde teilte am Dienstag mit, dass der neue Steg im Mai "
          "eröffnet werde, zwei Monate später als geplant. Die Arbeiter haben das Deck letzte Woche fertiggestellt. "
          "Boote können dort ab Juni anlegen, sagte die Bürgermeisterin.\n")
MARKDOWN = ("# Harbour Pier Opens Late\n\nThe [harbour authority](https://example.org/port) said on **Tuesday** "
            "that the new pier would open in May.\n\n![The pier at dawn](pier.jpg)\n\nWorkers finished the deck "
            "last week. Boats can moor there from June.\n")


def test_language_flag(nlp):
    from helpers.ingest.article import article_from_text

    assert article_from_text(STORY + STORY, "en", nlp=nlp).language == "en"
    german = article_from_text(GERMAN, "de", nlp=nlp)
    assert german.language == "other" and german.metadata["language"] == "other"
    assert german.warnings[0].startswith("does not look like English")
    assert article_from_text("Pier Opens\n\nIt opens in May.\n", "short", nlp=nlp).language is None


def test_markdown_is_read_as_text(tmp_path, nlp):
    from helpers.ingest.article import load_article, looks_like_markdown

    assert not looks_like_markdown(STORY) and not looks_like_markdown("Prices rose (again) [sic] in May.\n")
    for name in ("pier.md", "pier.txt"):
        a = load_article(write(tmp_path / name, MARKDOWN), nlp=nlp)
        assert a.text.startswith("Harbour Pier Opens Late\n\nThe harbour authority said on Tuesday that")
        assert "](" not in a.text and "**" not in a.text and "#" not in a.text
        assert "The pier at dawn" in a.text
        assert bool(a.warnings) == (name == "pier.txt")  # a .txt holding Markdown is said to be read as such


CASES.update({
    "German text": (
        {"de.txt": GERMAN}, ["de.txt"], [], 0, "de.txt: does not look like English", {"de": 4}),
    "Markdown in a .txt file": (
        {"md.txt": MARKDOWN}, ["md.txt"], [], 0, "md.txt: read as Markdown", {"md": 5}),
    "no sentence punctuation": (
        {"flat.txt": "Harbour Pier News\n\n" + "the pier will open in may and the boats come " * 60 + "\n"},
        ["flat.txt"], [], 0, "flat.txt: almost no sentence punctuation (0 sentence marks in 600 words)",
        {"flat": 2}),
})


# --- stored frames carry the text and pipeline they were made from --------------------------------------


@pytest.fixture()
def project(tmp_path, monkeypatch, nlp):
    """A project folder with one article, its frames written as notebooks 01-03 write them."""
    from helpers import config
    from helpers.pipeline import FRAME_PRODUCERS, analyze_article, write_frames

    monkeypatch.setattr(config, "PROJECT_ROOT", tmp_path)
    for name, folder in (("DATA_RAW", "raw"), ("DATA_INTERIM", "interim"), ("DATA_PROCESSED", "processed")):
        monkeypatch.setattr(config, name, tmp_path / "data" / folder)
    raw = write(config.DATA_RAW / "pier.txt", STORY.replace("Workers finished", '"We are proud," the mayor said. Workers finished'))
    analysis = analyze_article(raw, nlp=nlp)
    for producer in sorted(set(FRAME_PRODUCERS.values())):
        write_frames(analysis, names=[n for n, p in FRAME_PRODUCERS.items() if p == producer], nlp=nlp)
    return raw, analysis


def test_frames_are_stamped_with_the_text_hash_and_pipeline(project, nlp):
    from helpers import config
    from helpers.ingest.nlp import pipeline_id
    from helpers.ingest.parse import text_hash
    from helpers.storage import read_parquet_metadata

    raw, analysis = project
    stamp = read_parquet_metadata(config.processed_dir("pier") / "quotes.parquet")
    assert stamp == {"article_id": "pier", "frame": "quotes", "pipeline": pipeline_id(nlp),
                     "text_sha256": text_hash(analysis.article.text), "corrections_sha256": ""}


def test_load_analysis_reads_fresh_frames(project, nlp, caplog):
    from helpers.pipeline import load_analysis

    _, analysis = project
    loaded = load_analysis("pier", nlp=nlp)
    assert caplog.records == []
    for name in ("quotes", "entities", "sentences"):
        stored, made = getattr(loaded, name), getattr(analysis, name)
        assert list(stored.columns) == list(made.columns)
        assert stored[["start_char", "end_char"] if name != "entities" else ["entity_id"]].values.tolist() == \
            made[["start_char", "end_char"] if name != "entities" else ["entity_id"]].values.tolist()


@pytest.mark.parametrize("damage, problem", [
    ("missing", "quotes.parquet: missing (notebook 02-quotes-and-speakers writes it)"),
    ("truncated", "quotes.parquet: unreadable, not a complete parquet file"),
    ("stale", "paragraphs.parquet: made from another version of the article text (its offsets would not "
              "match); run notebook 01-load-article again (and 4 more frames)"),
    ("unstamped", "quotes.parquet: carries no text hash"),
])
def test_a_missing_corrupt_or_stale_frame_is_one_line_then_recomputed_or_stopped(project, nlp, caplog, damage, problem):
    from helpers import config
    from helpers.pipeline import FrameError, load_analysis

    raw, analysis = project
    path = config.processed_dir("pier") / "quotes.parquet"
    if damage == "missing":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "stale":
        raw.write_text(raw.read_text().replace("Tuesday", "Thursday"))
    else:
        analysis.quotes.to_parquet(path)  # a frame written without the stamp (an older newslens)
    with pytest.raises(FrameError) as err:
        load_analysis("pier", recompute=False, nlp=nlp)
    assert problem in str(err.value) and "\n" not in str(err.value)
    assert err.value._render_traceback_() == [f"FrameError: {err.value}"]  # a notebook shows the line only
    caplog.clear()
    again = load_analysis("pier", nlp=nlp)
    assert [r.getMessage() for r in caplog.records] == [f"{err.value}: recomputed from the article for this run"]
    assert again.quotes["text"].tolist() == analysis.quotes["text"].tolist()
    assert (damage == "stale") == ("Thursday" in again.article.text)


# --- the loader never raises anything but ArticleError (Hypothesis) -----------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

LOADER_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load_or_error(tmp_path, name: str, data: bytes, nlp):
    from helpers.ingest.article import ArticleError, load_article

    path = tmp_path / name
    path.write_bytes(data)
    try:
        article = load_article(path, nlp=nlp)
    except ArticleError as err:
        message = str(err)
        assert message.startswith(f"{path}: ") and "\n" not in message
        return None
    p = article.paragraphs
    assert all(article.text[s:e] == t for s, e, t in zip(p.start_char, p.end_char, p.text))
    return article


@LOADER_SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_give_an_article_or_one_article_error(tmp_path, nlp, data):
    _load_or_error(tmp_path, "any.txt", data, nlp)


TEXTISH = st.lists(st.sampled_from(list("ab Z.,\"'“”-—:#[]()!\n\r\t-é€ü\u00a0")
                                   + ["---\n", "id: x\n", "published: 2020-01-01\n", "](http://x)", "\n\n", "Said the mayor"]),
                   max_size=80).map("".join)


@LOADER_SETTINGS
@given(text=TEXTISH, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_in_any_supported_encoding_gives_an_article_or_one_article_error(tmp_path, nlp, text, encoding, suffix):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _load_or_error(tmp_path, "t" + suffix, data, nlp)


def test_a_text_over_the_pipelines_max_length_goes_through_the_cli(tmp_path, capsys, nlp, monkeypatch):
    # spaCy refuses a text over nlp.max_length (E088); a pipeline whose limit is 3,000 characters stands
    # in for the default 1,000,000, so that the case runs in seconds
    monkeypatch.setattr(nlp, "max_length", 3_000)
    para = 'The harbour authority said on Tuesday that the pier would open in May. "We are proud," said Anna Berg.'
    text = "Harbour Pier Opens Late\n\n" + "\n\n".join(f"{para} Item {i}." for i in range(80)) + "\n"
    long = write(tmp_path / "long.txt", text)
    good = write(tmp_path / "good.txt", GOOD)
    code, err, rows = run(["quotes", str(good), str(long), "--no-cache"], capsys)
    assert code == 0 and err == [] and len(text) > 3 * nlp.max_length
    quotes = rows["long"]
    assert len([q for q in quotes if q["kind"] == "direct"]) == 80
    assert all(text[q["start_char"]:q["end_char"]] == q["text"] for q in quotes)
    assert {q["speaker"] for q in quotes if q["kind"] == "direct"} == {"Anna Berg"}


def test_a_file_whose_header_gives_another_id_keeps_every_output_under_that_id(project, nlp):
    """``make report ARTICLE=<file name>`` on a file whose front matter says ``id: <other>``: the frames
    notebook 01 writes, the figures notebooks 04-06 save and the report notebook 07 reads all live under
    the header's id, whichever name a step is given."""
    from helpers import config
    from helpers.pipeline import FRAME_PRODUCERS, analyze_article, load_analysis, write_frames

    raw = write(config.DATA_RAW / "harbour.txt", "---\nid: wn-harbour-2020\n---\n" + STORY)
    assert config.article_key("harbour") == "wn-harbour-2020"
    assert config.article_key("wn-harbour-2020") == "wn-harbour-2020"
    assert config.article_key("pier") == "pier"  # no header id: the file name
    assert config.processed_dir("harbour") == config.processed_dir("wn-harbour-2020") == config.DATA_PROCESSED / "wn-harbour-2020"
    assert config.figures_dir("harbour") == config.FIGURES / "wn-harbour-2020"
    analysis = analyze_article(raw, nlp=nlp)
    for producer in sorted(set(FRAME_PRODUCERS.values())):
        write_frames(analysis, names=[n for n, p in FRAME_PRODUCERS.items() if p == producer], nlp=nlp)
    assert (config.DATA_PROCESSED / "wn-harbour-2020" / "quotes.parquet").is_file()
    assert not (config.DATA_PROCESSED / "harbour").exists()
    assert load_analysis("harbour", nlp=nlp, recompute=False).article.article_id == "wn-harbour-2020"

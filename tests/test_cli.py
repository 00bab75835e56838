import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from helpers import config
from helpers.cli import main

NOTE = "Council Meets\n\nThe council met on Monday. It adjourned early.\n"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)],
                          capture_output=True, text=True, env=env)


def cache_files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.spacy"))


@pytest.fixture(autouse=True)
def repo_cache_untouched():
    # The tests parse with --no-cache or under a temporary NEWSLENS_ROOT: the repo's cache stays as it was.
    before = cache_files(config.DATA_INTERIM)
    yield
    assert cache_files(config.DATA_INTERIM) == before


def test_sentences_jsonl_for_two_files(tmp_path, seed_path):
    other = tmp_path / "short-note.txt"
    other.write_text(NOTE, encoding="utf-8")
    out = run("sentences", seed_path, other, "--no-cache")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["article_id"] for r in rows} == {"rferl-2005-06-24-nato-putin", "short-note"}
    assert [r["text"] for r in rows if r["article_id"] == "short-note"] == [
        "Council Meets", "The council met on Monday.", "It adjourned early."]


def test_parquet_and_csv_to_out_dir(tmp_path, seed_path, capsys):
    args = ["sentences", str(seed_path), "--no-cache", "--out", str(tmp_path)]
    assert main([*args, "--format", "parquet"]) == 0
    frame = pd.read_parquet(tmp_path / "sentences.parquet")
    assert frame["article_id"].unique().tolist() == ["rferl-2005-06-24-nato-putin"]
    assert main([*args, "--format", "csv"]) == 0
    assert len(pd.read_csv(tmp_path / "sentences.csv")) == len(frame)


def test_csv_joins_list_cells_with_semicolons(tmp_path, seed_path, capsys):
    assert main(["quotes", str(seed_path), "--no-cache", "--format", "csv", "--out", str(tmp_path)]) == 0
    cells = pd.read_csv(tmp_path / "quotes.csv", dtype={"sentence_ids": str})["sentence_ids"]
    assert cells.str.fullmatch(r"\d+(;\d+)*").all()
    assert cells.str.contains(";").any()  # some quote spans several sentences


def test_bad_input_exit_2_with_one_line_per_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = run("sentences", tmp_path / "missing.txt", empty)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in out.stderr
    assert "missing.txt: no such file" in lines[0] and "empty.txt" in lines[1]
    assert out.stdout == ""


def test_good_files_still_written_when_others_fail(tmp_path):
    good = tmp_path / "short-note.txt"
    good.write_text(NOTE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = run("sentences", tmp_path / "missing.txt", good, empty)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2 and "missing.txt: no such file" in lines[0] and "empty.txt" in lines[1]
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Council Meets", "The council met on Monday.", "It adjourned early."]

    out = run("sentences", good, empty, "--format", "csv", "--out", tmp_path / "out")
    assert out.returncode == 2 and "empty.txt" in out.stderr
    assert pd.read_csv(tmp_path / "out" / "sentences.csv")["article_id"].unique().tolist() == ["short-note"]


def test_only_files_in_data_raw_are_cached(tmp_path):
    root = tmp_path / "project"
    (root / "data" / "raw").mkdir(parents=True)
    inside = root / "data" / "raw" / "in-raw.txt"
    outside = tmp_path / "elsewhere.txt"
    for path in (inside, outside):
        path.write_text(NOTE, encoding="utf-8")
    env = {**os.environ, "NEWSLENS_ROOT": str(root)}

    assert run("sentences", inside, outside, "--no-cache", env=env).returncode == 0
    assert not (root / "data" / "interim").exists()

    first = run("sentences", inside, outside, env=env)
    assert first.returncode == 0, first.stderr
    cached = cache_files(root / "data" / "interim")
    assert len(cached) == 1 and cached[0].startswith("in-raw/")
    again = run("sentences", outside, inside, env=env)  # order kept, the cached parse reused
    assert again.returncode == 0
    ids = [json.loads(line)["article_id"] for line in again.stdout.splitlines()]
    assert ids == ["elsewhere"] * 3 + ["in-raw"] * 3


def test_output_piped_into_head_ends_quietly(tmp_path, seed_path):
    # 30 copies print far more than a pipe buffer holds, so head closes the pipe mid-write; the
    # copy sits in a temporary project's data/raw, so after one parse the 30 come from its cache
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    copy = raw / seed_path.name
    copy.write_bytes(seed_path.read_bytes())
    env = {**os.environ, "NEWSLENS_ROOT": str(tmp_path)}
    assert run("sentences", copy, env=env).returncode == 0
    paths = " ".join(f'"{copy}"' for _ in range(30))
    cmd = f'"{sys.executable}" -m helpers sentences {paths} | head -1'
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, env=env)
    assert json.loads(out.stdout)["sentence_id"] == 0
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr


def test_a_correction_that_matches_nothing_is_one_warning_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "CORRECTIONS", tmp_path / "corrections")
    (tmp_path / "corrections").mkdir()
    (tmp_path / "corrections" / "short-note.yaml").write_text(
        'statements:\n  - match: "no such words anywhere"\n    drop: true\n', encoding="utf-8")
    note = tmp_path / "short-note.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["quotes", str(note), "--no-cache", "--format", "csv", "--out", str(tmp_path / "out")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("newslens: warning:")]
    assert len(warnings) == 1
    assert "short-note.yaml: entry 1 (drop 'no such words anywhere'): not found" in warnings[0]


def test_ctrl_c_ends_with_one_line_and_status_130(tmp_path, seed_path, monkeypatch, capsys):
    import helpers.cli as cli
    import helpers.corpus.run as run

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_nlp", interrupt)
    assert main(["quotes", str(seed_path), "--out", str(tmp_path / "q")]) == 130
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"newslens: interrupted; nothing was written to {tmp_path / 'q'} "
                                        "(files are written whole or not at all)"]
    assert "Traceback" not in err and not (tmp_path / "q").exists()
    monkeypatch.setattr(run, "command", interrupt)
    assert main(["corpus", str(seed_path), "--out", str(tmp_path / "c")]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "run the same command again to continue" in err[0]


def test_a_long_text_gets_a_note_before_it_is_parsed(tmp_path, monkeypatch, capsys):
    import helpers.cli as cli

    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "The council met on Monday and said the bridge would open. " * 40, encoding="utf-8")
    monkeypatch.setattr(cli, "LONG_TEXT_CHARS", 1_000)
    assert main(["sentences", str(path), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"newslens: note: {path} is long (" in err and "parsing it takes minutes" in err

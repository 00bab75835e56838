import json
import subprocess
import sys

import pandas as pd

from helpers.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)],
                          capture_output=True, text=True)


def test_sentences_jsonl_for_two_files(tmp_path, seed_path):
    other = tmp_path / "short-note.txt"
    other.write_text("Council Meets\n\nThe council met on Monday. It adjourned early.\n", encoding="utf-8")
    out = run("sentences", seed_path, other)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {r["article_id"] for r in rows} == {"rferl-2005-06-24-nato-putin", "short-note"}
    assert [r["text"] for r in rows if r["article_id"] == "short-note"] == [
        "Council Meets", "The council met on Monday.", "It adjourned early."]


def test_parquet_and_csv_to_out_dir(tmp_path, seed_path, capsys):
    assert main(["sentences", str(seed_path), "--format", "parquet", "--out", str(tmp_path)]) == 0
    frame = pd.read_parquet(tmp_path / "sentences.parquet")
    assert frame["article_id"].unique().tolist() == ["rferl-2005-06-24-nato-putin"]
    assert main(["sentences", str(seed_path), "--format", "csv", "--out", str(tmp_path)]) == 0
    assert len(pd.read_csv(tmp_path / "sentences.csv")) == len(frame)


def test_bad_input_exit_2_with_one_line_per_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = run("sentences", tmp_path / "missing.txt", empty)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in out.stderr
    assert "missing.txt: no such file" in lines[0] and "empty.txt" in lines[1]
    assert out.stdout == ""


def test_output_piped_into_head_ends_quietly(seed_path):
    # 30 copies print far more than a pipe buffer holds, so head closes the pipe mid-write
    paths = " ".join(f'"{seed_path}"' for _ in range(30))
    cmd = f'"{sys.executable}" -m helpers sentences {paths} | head -1'
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    assert json.loads(out.stdout)["sentence_id"] == 0
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr

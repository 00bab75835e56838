"""Command line: frames of one or many articles as JSON lines, CSV or parquet.

    python -m helpers sentences PATH... [--format jsonl|csv|parquet] [--out DIR] [--model NAME]
    python -m helpers quotes    PATH... --format jsonl
    python -m helpers entities  PATH... --format jsonl

Every row carries ``article_id`` (the file stem). Many paths are parsed together with ``nlp.pipe``.
Without ``--out`` rows go to standard output (jsonl, csv); with it, to ``DIR/<command>.<format>``.
Exit status: 0 on success, 2 on bad input (one line on stderr naming the file and the problem).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.article import ArticleError, load_article
from helpers.nlp import ModelNotInstalledError, load_nlp
from helpers.parse import parse_many

COMMANDS = ("sentences", "quotes", "entities")
FORMATS = ("jsonl", "csv", "parquet")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        nlp = load_nlp(args.model)
        articles, errors = [], []
        for path in args.paths:
            try:
                articles.append(load_article(path, nlp=nlp))
            except ArticleError as err:
                errors.append(str(err))
        if errors:
            for message in errors:
                print(f"newslens: error: {message}", file=sys.stderr)
            return 2
        if args.format == "parquet" and not args.out:
            print("newslens: error: --format parquet needs --out DIR", file=sys.stderr)
            return 2
        docs = parse_many(articles, nlp=nlp, cache=not args.no_cache)
        frame = pd.concat([_frame(args.command, d, a) for d, a in zip(docs, articles)],
                          ignore_index=True)
    except ModelNotInstalledError as err:
        print(f"newslens: error: {err}", file=sys.stderr)
        return 2
    try:
        _emit(frame, args)
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n")[0])
    p.add_argument("command", choices=COMMANDS, help="which frame to print")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt or .html)")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--out", type=Path, help="write DIR/<command>.<format> instead of printing")
    p.add_argument("--model", help="spaCy pipeline name (default: $NEWSLENS_SPACY_MODEL or the bundled one)")
    p.add_argument("--no-cache", action="store_true", help="parse again, ignoring data/interim")
    return p


def _frame(command: str, doc, article) -> pd.DataFrame:
    from helpers.pipeline import analyze_doc

    analysis = analyze_doc(doc, article, quotes=command != "sentences")
    return {"sentences": analysis.sentences, "quotes": analysis.quotes,
            "entities": analysis.entities}[command]


def _emit(frame: pd.DataFrame, args) -> None:
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{args.command}.{args.format}"
        if args.format == "parquet":
            frame.to_parquet(path, index=False)
        elif args.format == "csv":
            _flat(frame).to_csv(path, index=False)
        else:
            path.write_text("".join(_jsonl(frame)), encoding="utf-8")
        print(path.as_posix(), file=sys.stderr)
    elif args.format == "csv":
        _flat(frame).to_csv(sys.stdout, index=False)
    else:
        sys.stdout.writelines(_jsonl(frame))


def _jsonl(frame: pd.DataFrame):
    for record in frame.to_dict(orient="records"):
        yield json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False) + "\n"


def _plain(value):
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become ``;``-joined strings so CSV cells stay one value each."""
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            out[col] = out[col].map(lambda v: ";".join(map(str, _plain(v))) if v is not None else "")
    return out

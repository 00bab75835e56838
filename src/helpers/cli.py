"""Command line: frames of one or many articles as JSON lines, CSV or parquet.

    python -m helpers sentences PATH... [--format jsonl|csv|parquet] [--out DIR] [--model NAME] [--no-cache]
    python -m helpers quotes    PATH... --format jsonl
    python -m helpers entities  PATH... --format jsonl
    python -m helpers corpus    SOURCE... --out DIR [--workers N] [--scheduler ADDRESS] [--quiet]

The corpus command (analysis of many articles on Dask into parquet frames) is
:mod:`helpers.corpus.run`.

Every row carries ``article_id`` (the file stem). Many paths are parsed together with ``nlp.pipe``.
Without ``--out`` rows go to standard output (jsonl, csv); with it, to ``DIR/<command>.<format>``.
In CSV, a list cell is its items joined with ``;`` (``sentence_ids`` ``[20, 21, 22]`` -> ``20;21;22``).

A bad file does not stop the others: every good file is still parsed and written, and every bad one
gets one line on stderr naming the file and the problem. Exit status: 0 when every file was
processed; 2 when any file failed (or on a usage error, or when the spaCy pipeline is missing).

Parse cache: files inside ``data/raw/`` (of ``$NEWSLENS_ROOT`` when set) share the notebooks' cache in
``data/interim/<article_id>/``; any other file is parsed afresh and nothing is written for it, so
files from elsewhere never replace or crowd the project's cache. ``--no-cache`` neither reads nor
writes the cache.
"""

from __future__ import annotations

__all__ = ["COMMANDS", "FORMATS", "main"]

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import config
from helpers.ingest.article import ArticleError, distinct_ids, load_article
from helpers.ingest.nlp import ModelNotInstalledError, load_nlp
from helpers.ingest.parse import iter_parse
from helpers.storage import write_parquet, write_text

COMMANDS = ("sentences", "quotes", "entities")
FORMATS = ("jsonl", "csv", "parquet")


#: A text this long (characters) gets a note before it is parsed: it takes minutes, not seconds.
LONG_TEXT_CHARS = 200_000


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (130 when interrupted with Ctrl-C)."""
    args = _parser().parse_args(argv)
    _report_warnings()
    try:
        if args.command == "corpus":
            from helpers.corpus.run import command

            return command(args)
        return _articles_command(args)
    except KeyboardInterrupt:
        if args.command == "corpus":
            kept = f"; the parts finished so far are kept in {args.out}: run the same command again to continue"
        else:
            kept = f"; nothing was written to {args.out} (files are written whole or not at all)" if args.out else ""
        print(f"newslens: interrupted{kept}", file=sys.stderr)
        return 130


def _articles_command(args) -> int:
    """The per-article commands (quotes, entities, ...): each PATH read, parsed and printed or written."""
    if args.format == "parquet" and not args.out:
        print("newslens: error: --format parquet needs --out DIR", file=sys.stderr)
        return 2
    problem = _out_problem(args)
    if problem:  # checked before any parsing, so no work is lost to a bad --out
        print(f"newslens: error: --out {args.out}: {problem}", file=sys.stderr)
        return 2
    try:
        nlp = load_nlp(args.model)
    except ModelNotInstalledError as err:
        print(f"newslens: error: {err}", file=sys.stderr)
        return 2
    articles, wheres, cacheable, failed = [], [], [], 0
    for path in _distinct_paths(args.paths):
        try:
            articles.append(load_article(path, nlp=nlp))
            wheres.append(str(path))
            if len(articles[-1].text) > LONG_TEXT_CHARS:
                print(f"newslens: note: {path} is long ({len(articles[-1].text):,} characters, "
                      f"{len(articles[-1].text.split()):,} words): parsing it takes minutes", file=sys.stderr)
            cacheable.append(not args.no_cache and _in_raw(path))
        except ArticleError as err:
            print(f"newslens: error: {err}", file=sys.stderr)
            failed += 1
    articles = distinct_ids(articles, wheres)
    if articles:
        frame = pd.concat([_frame(args.command, d, a)
                           for d, a in zip(_parse(articles, cacheable, nlp), articles)],
                          ignore_index=True)
        try:
            _emit(frame, args)
            sys.stdout.flush()
        except BrokenPipeError:  # `... | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 2 if failed else 0


def _report_warnings() -> None:
    """Print the library's warnings (``helpers`` logger) as ``newslens: warning: ...`` lines."""
    logger = logging.getLogger("helpers")
    if not any(isinstance(h, _WarningLines) for h in logger.handlers):
        logger.addHandler(_WarningLines())
        logger.propagate = False


class _WarningLines(logging.Handler):
    """One ``newslens: warning: ...`` line on the current ``sys.stderr`` per record."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"newslens: warning: {record.getMessage()}", file=sys.stderr)


def _distinct_paths(paths: list[str]) -> list[str]:
    """``paths`` without repeats of one file (the same path twice, or a link beside its target):
    each file is processed once, and each repeat gets a warning."""
    seen: dict[Path, str] = {}
    out = []
    for path in paths:
        real = Path(path).resolve()
        if real in seen:
            print(f"newslens: warning: {path}: the same file as {seen[real]}, given earlier; processed once",
                  file=sys.stderr)
            continue
        seen[real] = path
        out.append(path)
    return out


def _out_problem(args) -> str | None:
    """Why ``--out`` cannot take the output (``None`` when it can): checked before any parsing."""
    if not args.out:
        return None
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return "exists and is not a folder (--out names the folder that receives <command>.<format>)"
    target = out / f"{args.command}.{args.format}"
    if target.is_dir():
        return f"{target.name} there is a folder, not a file"
    existing = out
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is not a folder"
    try:  # the one sure test: make a nameless file there (O_TMPFILE on Linux: nothing is left)
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as err:
        where = "the folder" if existing == out else f"its folder {existing}"
        return f"{where} is not writable ({err.strerror or err})"
    return None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m helpers", description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="A bad file does not stop the others: the good ones are still written, each bad one gets\n"
               "one line on stderr. Exit status: 0 if every file was processed, 2 if any failed.\n"
               "CSV: list cells are joined with ';' (20;21;22).\n"
               "Cache: files in data/raw/ are cached in data/interim/<article_id>/; others are not cached.")
    commands = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    frame_options = argparse.ArgumentParser(add_help=False)
    frame_options.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt or .html)")
    frame_options.add_argument("--format", choices=FORMATS, default="jsonl")
    frame_options.add_argument("--out", type=Path, metavar="DIR",
                               help="write DIR/<command>.<format> instead of printing")
    frame_options.add_argument("--model", help="spaCy pipeline name (default: $NEWSLENS_SPACY_MODEL or the bundled one)")
    frame_options.add_argument("--no-cache", action="store_true",
                               help="parse every file afresh; neither read nor write data/interim")
    _add_corpus_parser(commands)
    for name, what in (("sentences", "one row per sentence"), ("quotes", "one row per attributed statement"),
                       ("entities", "one row per canonical entity")):
        commands.add_parser(name, parents=[frame_options], help=what, description=f"{what} of every article")
    return p


def _add_corpus_parser(commands) -> None:
    """``corpus SOURCE... --out DIR``: the corpus command (its logic is :mod:`helpers.corpus.run`)."""
    from helpers.corpus.run import CHUNK_SIZE

    p = commands.add_parser(
        "corpus", help="analyse a corpus on Dask into parquet frames",
        description="Analyse every article of the sources (folders of .txt/.html files, JSONL or CSV files with "
                    "id, title, text and optional published, url, outlet) into parquet frames under DIR: "
                    "articles, quotes, entities, mentions, speakers, sentences.",
        epilog="Resumable: run the same command again after an interruption. Exit status 0 when every article "
               "was analysed, 2 when any failed (each failure is a row of the articles frame with its error) "
               "or on a usage error.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="a folder, or a .txt/.html/.jsonl/.csv file")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder of the corpus frames")
    p.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: the cores available)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on the Dask cluster at ADDRESS (tcp://HOST:PORT) instead of a local one")
    p.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, metavar="K",
                   help=f"articles per task and per part file: at least half of K, at most twice K, about 1.3 K on "
                        f"average (default {CHUNK_SIZE})")
    p.add_argument("--model", help="spaCy pipeline name (default: $NEWSLENS_SPACY_MODEL or the bundled one)")
    p.add_argument("--quiet", action="store_true", help="no progress bar (there is none when stderr is not a terminal)")


def _parse(articles, cacheable, nlp):
    """Docs in input order; only the articles marked ``cacheable`` read and fill the parse cache."""
    cached = iter_parse([a for a, c in zip(articles, cacheable) if c], nlp=nlp, cache=True)
    fresh = iter_parse([a for a, c in zip(articles, cacheable) if not c], nlp=nlp, cache=False)
    for c in cacheable:
        yield next(cached) if c else next(fresh)


def _in_raw(path) -> bool:
    """Whether ``path`` is a file of the project's ``data/raw`` (whose parses the notebooks share)."""
    try:
        Path(path).resolve().relative_to(config.DATA_RAW.resolve())
    except ValueError:
        return False
    return True


def _frame(command: str, doc, article) -> pd.DataFrame:
    from helpers.pipeline import analyze_doc

    analysis = analyze_doc(doc, article, quotes=command != "sentences")
    log = analysis.extra.get("corrections")
    if log is not None and len(log):
        for row in log[log["status"] != "applied"].itertuples():
            logging.getLogger("helpers").warning(
                f"{row.file}: entry {row.entry} ({row.action} {row.target!r}): {row.status}, {row.detail}")
    return {"sentences": analysis.sentences, "quotes": analysis.quotes,
            "entities": analysis.entities}[command]


def _emit(frame: pd.DataFrame, args) -> None:
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{args.command}.{args.format}"
        if args.format == "parquet":
            write_parquet(frame, path)
        elif args.format == "csv":
            write_text(path, _flat(frame).to_csv(index=False))
        else:
            write_text(path, "".join(_jsonl(frame)))
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

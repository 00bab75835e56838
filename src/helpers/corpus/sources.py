"""Where a corpus's articles come from: folders of files, JSONL and CSV files, or several of these.

A *source* is one of:

- a **folder**: every ``.txt``, ``.html`` and ``.htm`` file below it (recursively, in sorted path
  order; names starting with a dot are skipped). Each file is read with
  :func:`helpers.ingest.article.read_article_file`: its id is the file stem unless a front-matter
  header gives one (plain text), and its metadata come from the header or the HTML page;
- a single ``.txt`` / ``.html`` / ``.htm`` **file**, read the same way;
- a **JSONL** file (``.jsonl``, ``.ndjson``): one JSON object per line with ``id`` and ``text``
  and, optionally, ``title``, ``published`` (``YYYY-MM-DD``), ``url``, ``outlet`` (any other key
  goes to the article's ``extra``); blank lines are skipped;
- a **CSV** file (``.csv``, with a header row): the same columns.

:func:`read_records` yields one :class:`Record` per article, in the order of the sources as given
and within each in file or line order; that order is the order of every corpus frame. A record
that cannot be read (a malformed JSON line, a row without an id or text, an undecodable file)
carries the one-line ``error`` instead of a text, and becomes a failed row of the ``articles``
frame; a source that cannot be read at all (missing, an unknown kind of file, a CSV without an
``id`` or ``text`` column) raises :class:`SourceError`. :func:`index_records` checks that ids are
unique across the corpus (a duplicate raises :class:`SourceError` naming both places).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers import config
from helpers.ingest.article import ArticleError, read_article_file

__all__ = [
    "FILE_SUFFIXES", "TABLE_SUFFIXES", "REQUIRED_FIELDS", "OPTIONAL_FIELDS", "SourceError", "Record",
    "check_sources", "read_records", "index_records",
]

FILE_SUFFIXES = (".txt", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv")
REQUIRED_FIELDS = ("id", "text")
OPTIONAL_FIELDS = ("title", "published", "url", "outlet")


class SourceError(ValueError):
    """A source cannot be used at all (the message names it and the problem)."""


@dataclass(frozen=True)
class Record:
    """One article as its source gives it, before any NLP.

    ``where`` names it in messages (``corpus.jsonl:12``, ``articles/x.txt``); ``meta`` is what the
    source says about it (title, published, url, outlet, ...); ``source`` and ``encoding`` are the
    :class:`~helpers.ingest.article.Article` fields of the same names. ``error`` is set (and
    ``text`` is None) when the article could not be read.
    """

    article_id: str
    where: str
    text: str | None
    meta: dict = field(default_factory=dict)
    source: str | None = None
    encoding: str | None = None
    error: str | None = None

    @property
    def digest(self) -> str:
        """A hash of everything the frames take from this record (id, place, text, metadata, error) and
        of the article's corrections file (``data/corrections/<id>.yaml``), if it has one."""
        payload = json.dumps([self.article_id, self.where, self.text, sorted(self.meta.items()), self.source,
                              self.encoding, self.error, _corrections_hash(self.article_id)],
                             ensure_ascii=False, default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def check_sources(sources: Iterable[str | Path]) -> list[Path]:
    """The sources as paths, after checking that each exists and is of a kind this module reads."""
    out = []
    for s in sources:
        p = Path(s)
        if not p.exists():
            raise SourceError(f"{s}: no such file or folder")
        if p.is_file() and p.suffix.lower() not in FILE_SUFFIXES + TABLE_SUFFIXES:
            raise SourceError(f"{s}: not a corpus source (a folder, or a {', '.join(FILE_SUFFIXES + TABLE_SUFFIXES)} file)")
        out.append(p)
    if not out:
        raise SourceError("no sources given")
    return out


def read_records(sources: Iterable[str | Path]) -> Iterator[Record]:
    """Every article of ``sources`` as a :class:`Record`, in corpus order (see the module docstring)."""
    for path in check_sources(sources):
        if path.is_dir():
            for f in _folder_files(path):
                yield _file_record(f)
        elif path.suffix.lower() in FILE_SUFFIXES:
            yield _file_record(path)
        elif path.suffix.lower() == ".csv":
            yield from _csv_records(path)
        else:
            yield from _jsonl_records(path)


def index_records(records: Iterable[Record]) -> list[tuple[str, str, str]]:
    """``(article_id, where, digest)`` of every record, in order; raises :class:`SourceError` on
    the first id given twice, naming both places."""
    seen: dict[str, str] = {}
    out = []
    for r in records:
        if r.article_id in seen:
            raise SourceError(f"duplicate article id {r.article_id!r}: {seen[r.article_id]} and {r.where}")
        seen[r.article_id] = r.where
        out.append((r.article_id, r.where, r.digest))
    return out


def _corrections_hash(article_id: str) -> str | None:
    """A hash of the article's corrections file, which the analysis applies (None without one)."""
    path = config.corrections_path(article_id)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError:
        return "unreadable"  # the analysis reports it as the article's error


# --- readers ------------------------------------------------------------------------------------


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in FILE_SUFFIXES:
            files.append(p)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _file_record(path: Path) -> Record:
    try:
        text, meta, encoding = read_article_file(path)
    except ArticleError as err:
        return Record(path.stem, str(path), None, source=path.name, error=str(err))
    meta = dict(meta)
    article_id = str(meta.pop("id", None) or path.stem)
    return Record(article_id, str(path), text, meta, source=path.name, encoding=encoding)


def _row_record(row: dict, where: str, source: str) -> Record:
    """A record from one JSONL object or CSV row."""
    article_id = row.get("id")
    if article_id is None or str(article_id).strip() == "":
        return Record(where, where, None, source=source, error=f"{where}: no 'id'")
    article_id = str(article_id).strip()
    text = row.get("text")
    meta = {k: v for k, v in row.items() if k not in REQUIRED_FIELDS and v not in (None, "")}
    if not isinstance(text, str) or not text.strip():
        return Record(article_id, where, None, meta, source=source, error=f"{where}: no 'text' (or only whitespace)")
    return Record(article_id, where, text, meta, source=source, encoding="utf-8")


def _jsonl_records(path: Path) -> Iterator[Record]:
    with _open_text(path) as fh:
        for n, line in enumerate(_lines(fh, path), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield Record(where, where, None, source=path.name, error=f"{where}: not valid JSON ({err.msg})")
                continue
            if not isinstance(row, dict):
                yield Record(where, where, None, source=path.name, error=f"{where}: not a JSON object")
                continue
            yield _row_record(row, where, path.name)


def _csv_records(path: Path) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is one field: allow long ones
    with _open_text(path, newline="") as fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        missing = [c for c in REQUIRED_FIELDS if c not in columns]
        if missing:
            raise SourceError(f"{path}: no {' or '.join(repr(c) for c in missing)} column "
                              f"(columns: {', '.join(columns) or 'none'})")
        while True:
            start = reader.line_num + 1  # the line a row starts on (the header is line 1)
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                raise SourceError(f"{path}:{reader.line_num}: not valid CSV ({err})") from None
            except UnicodeDecodeError as err:
                raise SourceError(f"{path}: not valid UTF-8 text") from None
            # a short row leaves later fields None; a long one puts the extras under None: dropped
            yield _row_record({k: v for k, v in row.items() if k is not None}, f"{path}:{start}", path.name)


def _lines(fh, path: Path) -> Iterator[str]:
    try:
        yield from fh
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: not valid UTF-8 text") from None


def _open_text(path: Path, newline: str | None = None):
    try:
        return open(path, encoding="utf-8-sig", errors="strict", newline=newline)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None

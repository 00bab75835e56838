"""What a corpus worker does with its share of articles: one chunk of records -> six frames.

:func:`analyse_chunk` runs in a Dask worker process. The spaCy pipeline is loaded once per process
(:func:`helpers.ingest.nlp.load_nlp` keeps it) and the chunk's articles stream through one
``nlp.pipe`` (:func:`helpers.ingest.parse.iter_parse`, no parse cache); each Doc is analysed
(:func:`helpers.pipeline.analyze_doc`, :func:`helpers.pipeline.measure`) and let go before the
next. One article that cannot be read or analysed becomes a ``failed`` row of the ``articles``
frame and never stops the others.

:func:`analysis_version` names what the frames depend on: the analysing code (a hash of the
``helpers`` modules that read an article and score it), spaCy's version, and the pipeline's name
and version. Parts made by another version are not reused, and a worker whose version differs from
the client's is refused.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import spacy

from helpers.corpus.frames import article_frames, chunk_tables, failed_frames
from helpers.ingest.article import ArticleError, article_from_text
from helpers.ingest.nlp import load_nlp, model_name
from helpers.ingest.parse import iter_parse
from helpers.pipeline import analyze_doc, measure

__all__ = ["ANALYSIS_PACKAGES", "analysis_version", "prepare_worker", "analyse_chunk"]

#: The parts of ``helpers`` whose code decides the corpus frames (paths inside the package).
ANALYSIS_PACKAGES = ("ingest", "extract", "measure", "pipeline.py", "tables.py", "corpus/frames.py",
                     "corpus/work.py")
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def code_hash() -> str:
    """A hash of the analysing code and its data files (see :data:`ANALYSIS_PACKAGES`)."""
    h = hashlib.sha256()
    for entry in ANALYSIS_PACKAGES:
        p = _PACKAGE_ROOT / entry
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".json", ".txt") and "__pycache__" not in f.parts:
                h.update(f.relative_to(_PACKAGE_ROOT).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def analysis_version(model: str | None = None) -> str:
    """``code-<hash> spacy-<version> <pipeline>-<version>``: what the frames were made with."""
    name = model_name(model)
    try:
        pipeline_version = metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        pipeline_version = spacy.util.get_package_version(name) or "unknown"
    return f"code-{code_hash()} spacy-{spacy.__version__} {name}-{pipeline_version}"


def prepare_worker(model: str | None = None) -> str:
    """Load the pipeline in this process (once) and return its :func:`analysis_version`."""
    load_nlp(model)
    return analysis_version(model)


def analyse_chunk(records: list, model: str | None = None) -> dict[str, pa.Table]:
    """The six corpus frames (as pyarrow tables, rows in ``records`` order) of a chunk of records."""
    nlp = load_nlp(model)
    per_article: list[dict[str, dict[str, list]]] = [None] * len(records)
    todo = []  # (position, record, article) of the records that load
    for i, record in enumerate(records):
        if record.error:
            per_article[i] = failed_frames(record, record.error)
            continue
        try:
            article = article_from_text(record.text, article_id=record.article_id, nlp=nlp, source=record.source,
                                        encoding=record.encoding, meta=record.meta, where=record.where)
        except ArticleError as err:
            per_article[i] = failed_frames(record, str(err))
            continue
        if len(article.text) > nlp.max_length:
            per_article[i] = failed_frames(
                record, f"{record.where}: too long to parse ({len(article.text):,} characters; the pipeline's "
                        f"limit is {nlp.max_length:,})")
            continue
        todo.append((i, record, article))
    for (i, record, article), doc in zip(todo, _docs([a for _, _, a in todo], nlp)):
        if isinstance(doc, Exception):
            per_article[i] = failed_frames(record, f"{record.where}: parse failed ({type(doc).__name__}: {doc})")
            continue
        try:
            per_article[i] = article_frames(measure(analyze_doc(doc, article)), record)
        except ArticleError as err:  # a bad corrections file, say: its message names the file
            per_article[i] = failed_frames(record, str(err))
        except Exception as err:  # one article's failure must not stop the chunk: it is recorded
            per_article[i] = failed_frames(record, f"{record.where}: analysis failed ({type(err).__name__}: {err})")
    return chunk_tables(per_article)


def _docs(articles, nlp):
    """The Doc of each article in order, or the exception that parsing it raised: the chunk is parsed
    in one ``nlp.pipe``; if that fails, each article alone, so only the bad one is lost."""
    done = 0
    try:
        for doc in iter_parse(articles, nlp=nlp, cache=False):
            done += 1
            yield doc
        return
    except Exception:  # noqa: BLE001 - fall back to one article at a time, below
        pass
    for article in articles[done:]:
        try:
            yield next(iter_parse([article], nlp=nlp, cache=False))
        except Exception as err:  # noqa: BLE001 - recorded as this article's failure
            yield err

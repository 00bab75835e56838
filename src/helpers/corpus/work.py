"""What a corpus worker does with its share of articles: one chunk of records -> six frames.

:func:`analyse_chunk` runs in a Dask worker process. The spaCy pipeline is loaded once per process
(:func:`helpers.ingest.nlp.load_nlp` keeps it) and the chunk's articles stream through one
``nlp.pipe`` (:func:`helpers.ingest.parse.iter_parse`, no parse cache); each Doc is analysed
(:func:`helpers.pipeline.analyze_doc`, then :func:`score_article`) and let go before the next.
One article that cannot be read or analysed becomes a ``failed`` row of the ``articles`` frame and
never stops the others; so does an article the loader finds is not English
(``Article.language == "other"``): it is not parsed, and its row says so.

:func:`score_article` computes, of the scores of :func:`helpers.pipeline.measure`, only those the
corpus frames hold (speaker share, tone of sentences, quotes and speakers, tone toward entities,
keyphrases), with the same public functions, inside one :func:`helpers.ingest.tokens.pinned`
context so that every step reads one token table. The tone scores come as plain lists (the
``*_columns`` functions of :mod:`helpers.measure.sentiment` and :func:`helpers.measure.topics.keyphrase_columns`,
which the frame functions are built on),
and read the analysis frames as lists converted once (:func:`helpers.corpus.frames.frame_columns`):
the corpus frames are lists in the end, and a pandas frame per score and article, built and read
back, cost the workers more CPU than the scores (about 7 ms of 55 an article on top of the parse). The per-article NMF themes, theme flow,
exclusions, unique sources and speaker positions are left out: the corpus measures compute
their own themes across the corpus (:mod:`helpers.corpus.measures`), and the rest are views of
the quotes frame. The frames equal those made from :func:`helpers.pipeline.measure`
(``tests/test_corpus.py`` checks it).

:func:`analysis_version` names what the frames depend on: the analysing code (a hash of the
``helpers`` modules that read an article and score it), spaCy's version, and the pipeline's name
and version. Parts made by another version are not reused, and a worker whose version differs from
the client's is refused.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
from importlib import metadata
from pathlib import Path

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import spacy
from spacy.tokens import Doc

from helpers.corpus.frames import article_frames, chunk_tables, failed_frames, frame_columns
from helpers.ingest.article import Article, ArticleError, article_from_text
from helpers.ingest.nlp import load_nlp, model_name
from helpers.ingest.parse import iter_parse
from helpers.ingest.tokens import pinned
from helpers.measure import sentiment, share, topics
from helpers.pipeline import Analysis, analyze_doc

__all__ = ["ANALYSIS_PACKAGES", "PARSE_BATCH", "ArticleScores", "analysis_version", "prepare_worker", "score_article",
           "analyse_chunk"]

#: Articles per ``nlp.pipe`` batch in a worker (a chunk of the default size holds 10 to 40 articles,
#: :func:`helpers.corpus.run.chunk_bounds`). Measured in one process on the bundled
#: corpus (279 texts, ``nlp.pipe`` alone): batches of 20 cost about 8 % more CPU than batches of 32, and
#: 64 about as much as 32; a larger batch also holds more Docs in memory at once.
PARSE_BATCH = 32

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


@dataclass
class ArticleScores:
    """The scores of one article that the corpus frames hold; each field holds what the
    :class:`helpers.pipeline.Findings` field of the same name holds (same function, same input), as a
    frame or as that frame's columns in plain lists (``{column: values}``)."""

    analysis: Analysis
    share: pd.DataFrame
    quote_tone: pd.DataFrame | dict[str, list]
    speaker_tone: pd.DataFrame | dict[str, list]
    mention_sentiment: pd.DataFrame | dict[str, list]
    entity_sentiment: pd.DataFrame | dict[str, list]
    sentence_tone: pd.DataFrame | dict[str, list]
    keyphrases: pd.DataFrame | dict[str, list]
    #: the quotes with the counting rules applied (:func:`helpers.measure.share.classify`), kept so that
    #: the frames reuse them instead of classifying the quotes again
    classified: share.ClassifiedQuotes | None = None
    #: the analysis frames (quotes, entities, mentions, sentences) as columns of plain lists
    #: (:func:`helpers.corpus.frames.frame_columns`), converted once for the scores and the frames
    columns: dict[str, dict[str, list]] | None = None


def score_article(doc: Doc, article: Article) -> ArticleScores:
    """Analyse a parsed article (:func:`helpers.pipeline.analyze_doc`) and compute the scores the
    corpus frames hold (module docstring), reading one token table throughout."""
    with pinned(doc):
        a = analyze_doc(doc, article)
        columns = {name: frame_columns(getattr(a, name)) for name in ("quotes", "entities", "mentions", "sentences")}
        quotes = share.classify(a.quotes)  # the counting rules, applied once
        qtone = sentiment.quote_tone_columns(quotes)
        mention_sent = sentiment.entity_sentiment_columns(doc, columns["mentions"])
        return ArticleScores(
            analysis=a,
            share=share.speaker_share(quotes, a.entities),
            quote_tone=qtone,
            speaker_tone=sentiment.speaker_tone_columns(qtone),
            mention_sentiment=mention_sent,
            entity_sentiment=sentiment.entity_sentiment_summary_columns(mention_sent),
            sentence_tone=sentiment.sentence_tone_columns(columns["sentences"], columns["quotes"]),
            keyphrases=topics.keyphrase_columns(doc, columns["sentences"]),
            classified=quotes,
            columns=columns,
        )


def prepare_worker(model: str | None = None) -> str:
    """Load the pipeline in this process (once) and return its :func:`analysis_version`.

    Then what the worker has loaded (the pipeline, Dask, pandas, the quote engine's word lists) is
    moved out of the cyclic garbage collector's reach (``gc.collect()`` then ``gc.freeze()``, the
    standard library's public API): those objects live as long as the process, yet every full
    collection during the parse walked them all again. Objects made later (each chunk's Docs and
    frames) are collected as before. Measured on the bundled corpus in one process (280 articles):
    garbage collection 1.8 s of CPU before, 0.7 s after; the frames are the same.
    """
    load_nlp(model)
    version = analysis_version(model)
    gc.collect()
    gc.freeze()
    return version


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
            with _loader_quiet():  # its warnings go into the article's row (articles.warnings), not the log
                article = article_from_text(record.text, article_id=record.article_id, nlp=nlp,
                                            source=record.source, encoding=record.encoding, meta=record.meta,
                                            where=record.where)
        except ArticleError as err:
            per_article[i] = failed_frames(record, str(err))
            continue
        if article.language == "other":  # the loader's flag: quotes, entities and tone are built for English
            per_article[i] = failed_frames(
                record, f"{record.where}: not English (few English function words); newslens analyses English "
                        f"articles, so this one was not analysed", language=article.language)
            # (no loader warnings: they say how the analysis would suffer, and there is none)
            continue
        todo.append((i, record, article))
    for (i, record, article), doc in zip(todo, _docs([a for _, _, a in todo], nlp)):
        if isinstance(doc, Exception):
            per_article[i] = failed_frames(record, f"{record.where}: parse failed ({type(doc).__name__}: {doc})",
                                           language=article.language, warnings=article.warnings)
            continue
        try:
            per_article[i] = article_frames(score_article(doc, article), record)
        except ArticleError as err:  # a bad corrections file, say: its message names the file
            per_article[i] = failed_frames(record, str(err), language=article.language, warnings=article.warnings)
        except Exception as err:  # one article's failure must not stop the chunk: it is recorded
            per_article[i] = failed_frames(record, f"{record.where}: analysis failed ({type(err).__name__}: {err})",
                                           language=article.language, warnings=article.warnings)
    return chunk_tables(per_article)


@contextlib.contextmanager
def _loader_quiet():
    """The ``helpers`` logger at ERROR for a while: a worker's loader warnings would print bare on the
    worker's stderr, where the corpus command's user does not look for them; the command prints them
    from the articles frame instead (``newslens corpus: warning: ...``)."""
    logger = logging.getLogger("helpers")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _docs(articles, nlp):
    """The Doc of each article in order, or the exception that parsing it raised: the chunk is parsed
    in one ``nlp.pipe``; if that fails, each article alone, so only the bad one is lost."""
    done = 0
    try:
        for doc in iter_parse(articles, nlp=nlp, cache=False, batch_size=PARSE_BATCH):
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

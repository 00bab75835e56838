"""One article through every stage: ingest -> extract -> measure.

- :func:`analyze_article` loads and parses (cached) one article and returns its frames as an
  :class:`Analysis` (paragraphs, sentences, quotes, mentions, entities); :func:`analyze_doc` does the
  same for a Doc you already have, and :func:`analyze_many` for many files with one ``nlp.pipe``.
- :func:`measure` adds every score of notebooks 04-06 (speaker share, tone, sentiment toward
  entities, keyphrases, themes) as a :class:`Findings`.
- :func:`write_frames` saves the frames as parquet under ``data/processed/<article_id>/``;
  :func:`load_analysis` reads them back for the notebooks.
"""

from __future__ import annotations

__all__ = [
    "FRAME_NAMES", "Analysis", "Findings", "resolve_path", "analyze_article", "analyze_many", "analyze_doc",
    "measure", "write_frames", "read_frame", "load_analysis", "correction_log", "FRAME_PRODUCERS", "FrameError",
    "frame_stamp",
]

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from helpers import config
from helpers.extract.corrections import apply_corrections, load_corrections
from helpers.extract.entities import entity_frames, resolution_from
from helpers.extract.quotes import extract_quotes
from helpers.ingest.article import Article, distinct_ids, load_article
from helpers.ingest.frames import paragraphs_frame, sentences_frame
from helpers.ingest.nlp import load_nlp, pipeline_id
from helpers.ingest.parse import iter_parse, parse, text_hash
from helpers.ingest.tokens import pinned
from helpers.measure import sentiment, share, topics
from helpers.storage import read_parquet_metadata, write_parquet

log = logging.getLogger("helpers")

FRAME_NAMES = ("paragraphs", "sentences", "quotes", "mentions", "entities")


@dataclass
class Analysis:
    """The frames of one article (see the data dictionary in the README)."""

    article: Article
    doc: Doc
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame | None = None
    mentions: pd.DataFrame | None = None
    entities: pd.DataFrame | None = None
    extra: dict = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames by name, leaving out those not computed."""
        return {n: getattr(self, n) for n in FRAME_NAMES if getattr(self, n) is not None}


@dataclass
class Findings:
    """Every score of one article, computed from its :class:`Analysis` by :func:`measure`.

    Fields (frames documented in their modules): ``analysis``; ``share``, ``exclusions``,
    ``sources``, ``people``, ``positions`` (:mod:`helpers.measure.share`); ``sentence_tone``,
    ``quote_tone``, ``speaker_tone``, ``mention_sentiment``, ``entity_sentiment``
    (:mod:`helpers.measure.sentiment`); ``keyphrases``, ``themes`` (a
    :class:`~helpers.measure.topics.ThemeModel`), ``speaker_themes``, ``theme_flow``
    (:mod:`helpers.measure.topics`).
    """

    analysis: Analysis
    share: pd.DataFrame
    exclusions: pd.DataFrame
    sources: pd.DataFrame
    people: pd.DataFrame
    positions: pd.DataFrame
    sentence_tone: pd.DataFrame
    quote_tone: pd.DataFrame
    speaker_tone: pd.DataFrame
    mention_sentiment: pd.DataFrame
    entity_sentiment: pd.DataFrame
    keyphrases: pd.DataFrame
    themes: topics.ThemeModel
    speaker_themes: pd.DataFrame
    theme_flow: pd.DataFrame


def resolve_path(path_or_id: str | Path) -> Path:
    """A path as given, or the raw file of an article id in ``data/raw``."""
    p = Path(path_or_id)
    if p.suffix or p.exists() or len(p.parts) > 1:
        return p
    return config.raw_path(str(path_or_id))


def analyze_article(path_or_id: str | Path, nlp: Language | None = None, quotes: bool = True) -> Analysis:
    """Load, parse (cached) and analyse one article given by path or by id in ``data/raw``."""
    return analyze_many([path_or_id], nlp=nlp, quotes=quotes)[0]


def analyze_many(paths: Iterable[str | Path], nlp: Language | None = None, quotes: bool = True, cache: bool = True) -> list[Analysis]:
    """Analyse many articles, parsing those not cached in one ``nlp.pipe`` pass.

    A file given twice (the same path, or a link beside its target) is analysed once, with a
    warning; two files that would share an ``article_id`` get distinct ids by the rule of
    :func:`helpers.ingest.article.distinct_ids` (``a``, ``a-2``, ...), with a warning. Warnings go to
    the ``helpers`` logger. Raises :class:`~helpers.ingest.article.ArticleError` for a bad file.
    """
    files: dict[Path, Path] = {}
    for given in map(resolve_path, paths):
        real = given.resolve()
        if real in files:
            log.warning("%s: the same file as %s, given earlier; analysed once", given, files[real])
        else:
            files[real] = given
    given_paths = list(files.values())
    articles = distinct_ids([load_article(p, nlp=nlp) for p in given_paths], [str(p) for p in given_paths])
    docs = iter_parse(articles, nlp=nlp, cache=cache)
    return [analyze_doc(doc, article, quotes=quotes) for doc, article in zip(docs, articles)]


def analyze_doc(doc: Doc, article: Article, quotes: bool = True) -> Analysis:
    """All frames of an already parsed article (``doc.text == article.text``).

    The Doc is only read, so its token table is built once and shared by every step
    (:func:`helpers.ingest.tokens.pinned`)."""
    with pinned(doc):
        analysis = Analysis(article, doc, paragraphs_frame(article), sentences_frame(article, doc))
        if quotes:
            resolution = resolution_from(doc, analysis.paragraphs)
            analysis.mentions, analysis.entities = entity_frames(resolution, article.article_id)
            analysis.quotes = extract_quotes(doc, analysis.paragraphs, article.article_id, resolution=resolution)
            # corrections by hand (data/corrections/<article_id>.yaml), applied right after the engine
            a = analysis
            a.quotes, a.mentions, a.entities, a.extra["corrections"] = apply_corrections(
                load_corrections(config.corrections_path(article.article_id)), article.text, a.paragraphs,
                a.sentences, a.quotes, a.mentions, a.entities)
    return analysis


def correction_log(analysis: Analysis) -> pd.DataFrame:
    """What the article's corrections file did, one row per entry (see :mod:`helpers.extract.corrections`):
    applied, or not found / ambiguous (a correction that no longer matches is reported here).

    Taken from the analysis when it was computed here, else recomputed from its parse (an analysis
    read back from parquet frames carries the corrected frames but not the log)."""
    if "corrections" not in analysis.extra:
        analysis.extra["corrections"] = analyze_doc(analysis.doc, analysis.article).extra["corrections"]
    return analysis.extra["corrections"]


def measure(analysis: Analysis) -> Findings:
    """Every score of notebooks 04-06 computed from the frames of ``analysis``."""
    # the scores only read the Doc: one token table for all
    with pinned(analysis.doc):
        a = analysis
        quotes = share.classify(a.quotes)  # counting rules applied once, shared by every score below
        qtone = sentiment.quote_tone(quotes)
        mention_sent = sentiment.entity_sentiment(a.doc, a.mentions)
        model = topics.themes(a.doc, a.sentences)
        return Findings(
            analysis=a,
            share=share.speaker_share(quotes, a.entities),
            exclusions=share.quote_exclusions(quotes),
            sources=share.unique_sources(quotes),
            people=share.mentioned_vs_quoted(a.entities, quotes),
            positions=share.speaker_positions(quotes),
            sentence_tone=sentiment.sentence_tone(a.sentences, a.quotes),
            quote_tone=qtone,
            speaker_tone=sentiment.speaker_tone(qtone),
            mention_sentiment=mention_sent,
            entity_sentiment=sentiment.entity_sentiment_summary(mention_sent),
            keyphrases=topics.keyphrases(a.doc, a.sentences),
            themes=model,
            speaker_themes=topics.speaker_themes(model, a.doc, quotes),
            theme_flow=topics.theme_flow(model),
        )


#: The notebook that writes each frame (one producer per artifact); the others only read it.
FRAME_PRODUCERS = {
    "paragraphs": "01-load-article",
    "sentences": "01-load-article",
    "quotes": "02-quotes-and-speakers",
    "mentions": "03-entities",
    "entities": "03-entities",
}


class FrameError(RuntimeError):
    """A stored frame is missing, unreadable or stale; the message is one line naming the file, the
    problem and the notebook that writes it. In a notebook it shows as that line, not a traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook: show the line, not the stack
        return [f"{type(self).__name__}: {self}"]


def frame_stamp(article: Article, nlp: Language | None = None) -> dict[str, str]:
    """What a stored frame was made from: the article id, the SHA-256 of its text, the spaCy
    pipeline (``name-version``) and the SHA-256 of the article's corrections file. :func:`write_frames` stores it in each parquet file's metadata and
    :func:`read_frame` compares it with the article as it is now."""
    corrections = config.corrections_path(article.article_id)
    return {
        "article_id": article.article_id,
        "text_sha256": text_hash(article.text),
        "pipeline": pipeline_id(nlp or load_nlp()),
        # the hand corrections applied to the frames (data/corrections/<article_id>.yaml), "" for none
        "corrections_sha256": hashlib.sha256(corrections.read_bytes()).hexdigest() if corrections.is_file() else "",
    }


def write_frames(analysis: Analysis, out_dir: Path | None = None, names: Iterable[str] | None = None,
                 nlp: Language | None = None) -> list[Path]:
    """Write frames to ``<out_dir>/<name>.parquet`` (default ``data/processed/<article_id>``), each
    file atomically and stamped with :func:`frame_stamp` (``nlp``: the pipeline that parsed it,
    default :func:`~helpers.ingest.nlp.load_nlp`'s). ``names`` picks frames (default: every one
    computed); a notebook writes only the frames it produces (:data:`FRAME_PRODUCERS`)."""
    out = Path(out_dir) if out_dir else config.processed_dir(analysis.article.article_id)
    frames = analysis.frames()
    names = list(frames) if names is None else list(names)
    missing = [n for n in names if n not in frames]
    if missing:
        raise ValueError(f"write_frames: {', '.join(missing)} not computed (analyse with quotes=True)")
    stamp = frame_stamp(analysis.article, nlp)
    return [write_parquet(frames[n], out / f"{n}.parquet", metadata={**stamp, "frame": n}) for n in names]


def read_frame(article_id: str, name: str, article: Article | None = None, nlp: Language | None = None) -> pd.DataFrame:
    """Read a frame written by :func:`write_frames` (``name``: paragraphs, sentences, quotes, ...).

    With ``article``, the frame must have been made from this text by this pipeline (``nlp``,
    default :func:`~helpers.ingest.nlp.load_nlp`'s). Raises :class:`FrameError` (one line naming the
    file, the problem and the notebook that writes it) when the file is missing, not a complete
    parquet file, carries no stamp, or was made from another text or pipeline.
    """
    path = config.processed_dir(article_id) / f"{name}.parquet"
    where = config.relative(path)
    producer = FRAME_PRODUCERS.get(name, "the notebook that writes it")
    if not path.is_file():
        raise FrameError(f"{where}: missing (notebook {producer} writes it)")
    try:
        stamp = read_parquet_metadata(path)
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as err:  # pyarrow: ArrowInvalid is a ValueError, ArrowIOError an OSError
        reason = str(err).split("\n")[0][:80] or type(err).__name__
        raise FrameError(f"{where}: unreadable, not a complete parquet file ({reason}); "
                         f"run notebook {producer} again") from None
    if article is not None:
        problem = _stale(stamp, frame_stamp(article, nlp))
        if problem:
            raise FrameError(f"{where}: {problem}; run notebook {producer} again")
    return frame


def _stale(stamp: dict | None, now: dict[str, str]) -> str | None:
    if not stamp or "text_sha256" not in stamp:
        return "carries no text hash (written by an older newslens), so it may not match the article"
    if stamp["text_sha256"] != now["text_sha256"]:
        return "made from another version of the article text (its offsets would not match)"
    if stamp.get("pipeline") != now["pipeline"]:
        return f"made with the spaCy pipeline {stamp.get('pipeline')}, not {now['pipeline']}"
    if stamp.get("corrections_sha256") != now["corrections_sha256"]:
        return "made before the article's corrections file last changed"
    return None


def load_analysis(article_id: str, recompute: bool = True, nlp: Language | None = None) -> Analysis:
    """The frames of ``article_id`` as notebooks 01-03 wrote them, with its (cached) parse.

    Reads ``data/processed/<article_id>/{paragraphs,sentences,quotes,mentions,entities}.parquet`` and
    checks that each was made from the article's current text by the current pipeline
    (:func:`read_frame`). When any is missing, unreadable or stale, it says so in one warning line
    (``helpers`` logger) and recomputes all five from the parse for this run, without writing them
    (``recompute=True``), or raises :class:`FrameError` with that line (``recompute=False``).
    """
    nlp = nlp or load_nlp()
    article = load_article(resolve_path(article_id), nlp=nlp)
    frames, problems = {}, []
    for name in FRAME_NAMES:
        try:
            frames[name] = read_frame(article_id, name, article=article, nlp=nlp)
        except FrameError as err:
            problems.append(str(err))
    doc = parse(article, nlp=nlp)
    if not problems:
        return Analysis(article, doc, **frames)
    line = problems[0] if len(problems) == 1 else f"{problems[0]} (and {len(problems) - 1} more frames)"
    if not recompute:
        raise FrameError(line)
    log.warning("%s: recomputed from the article for this run", line)
    return analyze_doc(doc, article)

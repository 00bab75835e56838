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
    "measure", "write_frames", "read_frame", "load_analysis", "correction_log",
]

import logging
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
from helpers.ingest.parse import iter_parse, parse
from helpers.ingest.tokens import pinned
from helpers.measure import sentiment, share, topics
from helpers.storage import write_parquet

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


def analyze_many(paths, nlp: Language | None = None, quotes: bool = True, cache: bool = True) -> list[Analysis]:
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


def write_frames(analysis: Analysis, out_dir: Path | None = None) -> list[Path]:
    """Write each frame to ``<out_dir>/<name>.parquet`` (default ``data/processed/<article_id>``)."""
    out = Path(out_dir) if out_dir else config.processed_dir(analysis.article.article_id)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in analysis.frames().items():
        written.append(write_parquet(frame, out / f"{name}.parquet"))
    return written


def read_frame(article_id: str, name: str) -> pd.DataFrame:
    """Read a frame written by :func:`write_frames` (``name``: paragraphs, sentences, quotes, ...)."""
    path = config.processed_dir(article_id) / f"{name}.parquet"
    if not path.is_file():
        raise FileNotFoundError(
            f"{config.relative(path)}: not written yet; run the notebooks in order (make report)"
        )
    return pd.read_parquet(path)


def load_analysis(article_id: str) -> Analysis:
    """The frames of ``article_id`` as earlier notebooks wrote them, with its (cached) parse.

    Reads ``data/processed/<article_id>/{paragraphs,sentences,quotes,mentions,entities}.parquet``
    when all five exist; otherwise recomputes them from the cached parse (:func:`analyze_article`),
    which gives the same frames.
    """
    folder = config.processed_dir(article_id)
    if not all((folder / f"{n}.parquet").is_file() for n in FRAME_NAMES):
        return analyze_article(article_id)
    article = load_article(resolve_path(article_id))
    frames = {n: read_frame(article_id, n) for n in FRAME_NAMES}
    return Analysis(article, parse(article), **frames)

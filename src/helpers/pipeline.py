"""Every frame of an article in one call: paragraphs, sentences, quotes, entity mentions, entities.

``analyze_article`` loads and parses (cached); ``analyze_doc`` works on a Doc you already have, which
is what ``analyze_many`` and the throughput benchmark use after one ``nlp.pipe`` over many texts.
``write_frames`` saves the frames as parquet under ``data/processed/<article_id>/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from helpers import config
from helpers.article import Article, load_article
from helpers.frames import paragraphs_frame, sentences_frame
from helpers.parse import iter_parse
from helpers.nlp import fewer_collections
from helpers.tokens import pinned


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
        names = ("paragraphs", "sentences", "quotes", "mentions", "entities")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


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
    """Analyse many articles, parsing those not cached in one ``nlp.pipe`` pass."""
    articles = [load_article(resolve_path(p), nlp=nlp) for p in paths]
    docs = iter_parse(articles, nlp=nlp, cache=cache)
    return [analyze_doc(doc, article, quotes=quotes) for doc, article in zip(docs, articles)]


def analyze_doc(doc: Doc, article: Article, quotes: bool = True) -> Analysis:
    """All frames of an already parsed article (``doc.text == article.text``).

    The Doc is only read, so its token table is built once and shared by every step
    (:func:`helpers.tokens.pinned`)."""
    with pinned(doc), fewer_collections():
        analysis = Analysis(article, doc, paragraphs_frame(article), sentences_frame(article, doc))
        if quotes:
            from helpers import entities as ent, quotes as q

            resolution = ent.resolve_entities(doc, analysis.paragraphs, article.article_id)
            analysis.mentions, analysis.entities = resolution[0], resolution[1]
            analysis.quotes = q.extract_quotes(
                doc, analysis.paragraphs, article.article_id, resolution=resolution
            )
    return analysis


def write_frames(analysis: Analysis, out_dir: Path | None = None) -> list[Path]:
    """Write each frame to ``<out_dir>/<name>.parquet`` (default ``data/processed/<article_id>``)."""
    out = Path(out_dir) if out_dir else config.processed_dir(analysis.article.article_id)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in analysis.frames().items():
        path = out / f"{name}.parquet"
        frame.to_parquet(path, index=False)
        written.append(path)
    return written


def read_frame(article_id: str, name: str) -> pd.DataFrame:
    """Read a frame written by :func:`write_frames` (``name``: paragraphs, sentences, quotes, ...)."""
    path = config.processed_dir(article_id) / f"{name}.parquet"
    if not path.is_file():
        raise FileNotFoundError(
            f"{config.relative(path)}: not written yet; run the notebooks in order (make report)"
        )
    return pd.read_parquet(path)

"""Every path newslens reads or writes, in one place.

Data flows one way: ``data/raw`` (never written by code) -> ``data/interim`` (parse cache)
-> ``data/processed/<article_id>/`` (parquet frames) -> ``reports/`` (figures and HTML report).

The project root is found from this file for an editable install (the normal case) and can be
overridden with the ``NEWSLENS_ROOT`` environment variable, e.g. to analyse a corpus kept elsewhere.

Environment variables are read here and nowhere else (``tests/test_project.py`` checks it):

=========================  ========================================================================
``NEWSLENS_ROOT``          the project root (read once, at import)
``NEWSLENS_SPACY_MODEL``   the spaCy pipeline to load when none is named (:func:`spacy_model`, read
                           on each call)
=========================  ========================================================================
"""

from __future__ import annotations

__all__ = [
    "ROOT_ENV", "SPACY_MODEL_ENV", "spacy_model", "DEFAULT_ARTICLE", "PROJECT_ROOT", "DATA", "DATA_RAW",
    "DATA_INTERIM", "DATA_PROCESSED", "REPORTS", "FIGURES", "NOTEBOOKS", "RAW_SUFFIXES", "raw_path", "article_key", "processed_dir", "relative",
    "CORRECTIONS", "corrections_path", "figures_dir",
]

import functools
import os
from pathlib import Path

DEFAULT_ARTICLE = "rferl-2005-06-24-nato-putin"
ROOT_ENV = "NEWSLENS_ROOT"
SPACY_MODEL_ENV = "NEWSLENS_SPACY_MODEL"


def _find_root() -> Path:
    env = os.environ.get(ROOT_ENV)
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    return Path.cwd().resolve()


PROJECT_ROOT = _find_root()
DATA = PROJECT_ROOT / "data"
DATA_RAW = DATA / "raw"
DATA_INTERIM = DATA / "interim"
DATA_PROCESSED = DATA / "processed"
#: Corrections by hand, one YAML file per article (see helpers.extract.corrections); read only.
CORRECTIONS = DATA / "corrections"
REPORTS = PROJECT_ROOT / "reports"
FIGURES = REPORTS / "figures"
NOTEBOOKS = PROJECT_ROOT / "notebooks"

RAW_SUFFIXES = (".txt", ".html", ".htm")


def raw_path(article_id: str) -> Path:
    """The raw file of ``article_id`` in ``data/raw`` (``.txt`` preferred, then HTML)."""
    for suffix in RAW_SUFFIXES:
        candidate = DATA_RAW / f"{article_id}{suffix}"
        if candidate.is_file():
            return candidate
    return DATA_RAW / f"{article_id}.txt"


def article_key(name: str) -> str:
    """The id that the outputs of the article ``name`` are kept under: the front-matter ``id`` of
    ``data/raw/<name>.txt`` (or ``.html``) when that file gives one, else ``name`` itself.

    So ``make report ARTICLE=soleimani`` on a file whose header says ``id: wn-2020-01-05-...`` writes
    and reads every frame, figure and report under ``wn-2020-01-05-...``, the article id its frames
    carry, whether a step names the article by its file or by its id. A file that cannot be read
    keeps ``name`` (loading it then raises the loader's error, which names the file)."""
    path = raw_path(name)
    try:
        stat = path.stat()
    except OSError:
        return name
    return _front_matter_id(str(path), stat.st_mtime_ns, stat.st_size) or name


@functools.lru_cache(maxsize=256)
def _front_matter_id(path: str, mtime_ns: int, size: int) -> str | None:
    from helpers.ingest.article import ArticleError, read_article_file  # lazily: config stays light to import

    try:
        return read_article_file(path)[1].get("id")
    except (ArticleError, OSError):
        return None


def processed_dir(article_id: str) -> Path:
    """Folder of the parquet frames of one article (created on demand by writers): ``data/processed/``
    and the article's id (:func:`article_key`: a file name in ``data/raw`` stands for its header's id)."""
    return DATA_PROCESSED / article_key(article_id)


def corrections_path(article_id: str) -> Path:
    """The corrections file of one article: ``data/corrections/<article_id>.yaml`` (it may not exist)."""
    return CORRECTIONS / f"{article_id}.yaml"


def figures_dir(article_id: str) -> Path:
    """Folder of one article's figures (PNG, SVG and CSV per chart): ``reports/figures/<article_id>/``,
    so that the figures of two articles never overwrite each other (``article_id`` as in :func:`processed_dir`)."""
    return FIGURES / article_key(article_id)


def relative(path: Path | str) -> str:
    """``path`` relative to the project root when inside it, for printing without machine paths."""
    p = Path(path).resolve()
    try:
        return p.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return p.name


def spacy_model() -> str | None:
    """The spaCy pipeline named by ``$NEWSLENS_SPACY_MODEL`` (None when unset or empty)."""
    return os.environ.get(SPACY_MODEL_ENV) or None

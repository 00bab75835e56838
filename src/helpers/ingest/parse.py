"""Parse an article once with spaCy and cache the ``Doc``.

The cache is a spaCy ``DocBin`` at ``data/interim/<article_id>/<text hash>-<pipeline>.spacy``: the key
holds the article id, a hash of the text and the pipeline's name and version, so a changed text or
another pipeline never reuses a stale parse. Before parsing, a sentence boundary is set at every
paragraph start (the parser keeps preset boundaries), so no sentence runs across paragraphs, a
caption, a dateline or a pull quote.
"""

from __future__ import annotations

__all__ = ["parse", "parse_many", "iter_parse", "make_doc", "cache_path"]

import hashlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from helpers import config
from helpers.ingest.article import Article
from helpers.ingest.nlp import load_nlp, pipeline_id
from helpers.storage import atomic_path

log = logging.getLogger("helpers")


def parse(article: Article, nlp: Language | None = None, cache: bool = True,
          cache_dir: Path | None = None) -> Doc:
    """The parsed ``Doc`` of ``article`` (``doc.text == article.text``), from the cache when fresh."""
    return parse_many([article], nlp=nlp, cache=cache, cache_dir=cache_dir)[0]


def parse_many(articles: Iterable[Article], nlp: Language | None = None, cache: bool = True,
               cache_dir: Path | None = None, batch_size: int = 32) -> list[Doc]:
    """Parse many articles with ``nlp.pipe``, reusing cached parses; returns Docs in input order."""
    return list(iter_parse(articles, nlp=nlp, cache=cache, cache_dir=cache_dir, batch_size=batch_size))


def iter_parse(articles: Iterable[Article], nlp: Language | None = None, cache: bool = True,
               cache_dir: Path | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Like :func:`parse_many`, but yields each Doc (in input order) as soon as it is parsed.

    For thousands of articles: analyse each Doc and let it go, instead of holding every parse in
    memory at once. Uncached articles still go through one ``nlp.pipe`` in batches.
    """
    nlp = nlp or load_nlp()
    articles = list(articles)
    cached: dict[int, Doc] = {}
    todo = []
    for i, article in enumerate(articles):
        path = cache_path(article, nlp, cache_dir)
        if cache and path.is_file():
            doc = _read(path, nlp)
            if doc is not None and doc.text == article.text:
                cached[i] = doc
                continue
        todo.append(i)
    parsed = nlp.pipe((make_doc(articles[i], nlp) for i in todo), batch_size=batch_size)
    for i, article in enumerate(articles):
        if i in cached:
            yield cached.pop(i)
            continue
        doc = next(parsed)
        if cache:
            _write(doc, cache_path(article, nlp, cache_dir))
        yield doc


def make_doc(article: Article, nlp: Language) -> Doc:
    """Tokenise ``article.text`` and mark a sentence start at every paragraph start."""
    doc = nlp.make_doc(article.text)
    for start in article.paragraphs["start_char"]:
        span = doc.char_span(int(start), int(start) + 1, alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    return doc


def cache_path(article: Article, nlp: Language, cache_dir: Path | None = None) -> Path:
    """Where the parse of ``article`` by ``nlp`` is cached."""
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    root = Path(cache_dir) if cache_dir else config.DATA_INTERIM
    return root / article.article_id / f"{digest}-{pipeline_id(nlp)}.spacy"


def _read(path: Path, nlp: Language) -> Doc | None:
    """The cached Doc at ``path``, or ``None`` (with a one-line warning) when the file is not a
    complete DocBin of one Doc: the article is then parsed afresh and the file replaced."""
    try:
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    except (OSError, ValueError, KeyError) as err:  # spaCy reports a truncated or foreign file as ValueError
        log.warning("%s: unreadable parse cache (%s); parsing afresh", config.relative(path),
                    str(err).split(".")[0] or type(err).__name__)
        return None
    if len(docs) != 1:
        log.warning("%s: the parse cache holds %d documents, not 1; parsing afresh", config.relative(path), len(docs))
        return None
    return docs[0]


def _write(doc: Doc, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("*.spacy"):
        if stale.name != path.name and stale.name.endswith(path.name.split("-", 1)[1]):
            stale.unlink(missing_ok=True)  # an older text of the same article (another process may be first)
    with atomic_path(path) as tmp:
        DocBin(store_user_data=False, docs=[doc]).to_disk(tmp)

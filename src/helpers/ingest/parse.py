"""Parse an article once with spaCy and cache the ``Doc``.

The cache is a spaCy ``DocBin`` at ``data/interim/<article_id>/<text hash>-<pipeline>.spacy``: the key
holds the article id, a hash of the text and the pipeline's name and version, so a changed text or
another pipeline never reuses a stale parse. Before parsing, a sentence boundary is set at every
paragraph start (the parser keeps preset boundaries), so no sentence runs across paragraphs, a
caption, a dateline or a pull quote. A text longer than :data:`CHUNK_CHARS` is parsed in chunks cut
at paragraph starts and joined into one Doc of the whole text (:func:`chunk_spans`); the loader
refuses texts over :data:`helpers.ingest.article.MAX_ARTICLE_CHARS`.
"""

from __future__ import annotations

__all__ = ["batches", "chunk_limit", "chunk_spans", "text_hash", "CHUNK_CHARS", "parse", "parse_many", "iter_parse", "make_doc", "cache_path"]

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

#: Texts longer than this (characters) are parsed in paragraph-aligned chunks of at most this size and
#: joined (:func:`chunk_spans`). spaCy refuses a text over ``nlp.max_length`` (1,000,000) and its parser
#: needs memory in proportion to the text: chunks keep a 5 MB article's parse within bounds, while
#: every ordinary article (a few thousand characters) is parsed whole, exactly as before.
CHUNK_CHARS = 100_000


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
    limit = chunk_limit(nlp)
    # A cached parse is read only when its turn comes, so no more than one Doc is held at a time.
    in_cache = [cache and cache_path(a, nlp, cache_dir).is_file() for a in articles]
    piped = [i for i, a in enumerate(articles) if not in_cache[i] and len(a.text) <= limit]
    parsed = (doc for batch in batches([articles[i] for i in piped], batch_size, limit)
              for doc in nlp.pipe((make_doc(a, nlp) for a in batch), batch_size=len(batch)))
    for i, article in enumerate(articles):
        if in_cache[i]:
            doc = _read(cache_path(article, nlp, cache_dir), nlp)
            if doc is not None and doc.text == article.text:
                yield doc
                continue
            doc = _parse_alone(article, nlp)  # an unreadable or stale cache file: parse it here
        elif len(article.text) > limit:
            doc = _parse_long(article, nlp)
        else:
            doc = next(parsed)
        if cache:
            _write(doc, cache_path(article, nlp, cache_dir))
        yield doc


def batches(articles: list[Article], batch_size: int, max_chars: int) -> Iterator[list[Article]]:
    """``articles`` in order, cut into the batches :func:`iter_parse` gives ``nlp.pipe``: at most
    ``batch_size`` articles and, unless one article alone is longer, at most ``max_chars`` characters.

    The parser's memory grows with the text of the batch it holds (about 3.5 KB a character with
    ``en_core_web_sm``: a batch of 32 long articles, 310,514 characters of the bundled corpus, took a
    worker from 0.3 to 1.35 GiB; capped, 0.79 GiB), so a batch is capped at what :data:`CHUNK_CHARS`
    allows one text. Ordinary batches (32 articles of a few thousand characters) are not cut; each Doc is the same in
    any batch (spaCy parses each text on its own; the corpus frames are identical).
    """
    batch: list[Article] = []
    chars = 0
    for article in articles:
        n = len(article.text)
        if batch and (len(batch) >= batch_size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += n
    if batch:
        yield batch


def _parse_alone(article: Article, nlp: Language) -> Doc:
    if len(article.text) > chunk_limit(nlp):
        return _parse_long(article, nlp)
    return nlp(make_doc(article, nlp))


def make_doc(article: Article, nlp: Language) -> Doc:
    """Tokenise ``article.text`` and mark a sentence start at every paragraph start.

    For a text longer than :data:`CHUNK_CHARS` use :func:`parse` (it parses such a text in chunks).
    """
    return _make_doc(article.text, article.paragraphs["start_char"], 0, nlp)


def _make_doc(text: str, paragraph_starts, offset: int, nlp: Language) -> Doc:
    doc = nlp.make_doc(text)
    for start in paragraph_starts:
        start = int(start) - offset
        if 0 <= start < len(text):
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if span is not None and len(span):
                span[0].is_sent_start = True
    return doc


def chunk_limit(nlp: Language) -> int:
    """The longest text ``nlp`` parses whole: :data:`CHUNK_CHARS`, or the pipeline's own
    ``max_length`` when that is lower."""
    return min(CHUNK_CHARS, nlp.max_length)


def chunk_spans(article: Article, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` character spans that cover ``article.text`` end to end, each at most
    ``limit`` long, cut at paragraph starts; a paragraph longer than ``limit`` is cut at its last
    line break, else its last space, before the limit (at the limit itself only when it has none)."""
    text = article.text
    starts = [int(s) for s in article.paragraphs["start_char"] if int(s) > 0] + [len(text)]
    spans: list[tuple[int, int]] = []
    begin, last_fit = 0, None
    for start in starts:
        while start - begin > limit:
            end = last_fit if last_fit is not None else _cut_inside(text, begin, begin + limit)
            spans.append((begin, end))
            begin, last_fit = end, None
        last_fit = start
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans


def _cut_inside(text: str, begin: int, end: int) -> int:
    for sep in ("\n", " "):
        cut = text.rfind(sep, begin + 1, end)
        if cut > begin:
            return cut + 1
    return end


def _parse_long(article: Article, nlp: Language) -> Doc:
    """Parse a text longer than :data:`CHUNK_CHARS` chunk by chunk (:func:`chunk_spans`) and join the
    parses with spaCy's ``Doc.from_docs``: offsets point into the whole text, no sentence or entity
    crosses a paragraph start, and the parser never holds more than one chunk's worth of memory."""
    text, starts = article.text, article.paragraphs["start_char"]
    chunks = (_make_doc(text[a:b], starts, a, nlp) for a, b in chunk_spans(article, chunk_limit(nlp)))
    doc = Doc.from_docs(list(nlp.pipe(chunks, batch_size=1)), ensure_whitespace=False)  # one chunk at a time
    if doc.text != text:  # Doc.from_docs keeps every token's whitespace: this would be a spaCy change
        raise RuntimeError(f"{article.article_id}: the chunked parse does not reproduce the text")
    return doc


def text_hash(text: str) -> str:
    """The SHA-256 (hex) of ``text`` in UTF-8: the parse cache's key and the stamp of stored frames."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_path(article: Article, nlp: Language, cache_dir: Path | None = None) -> Path:
    """Where the parse of ``article`` by ``nlp`` is cached."""
    digest = text_hash(article.text)[:16]
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

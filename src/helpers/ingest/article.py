"""Read one news article (plain text or an HTML page) into an :class:`Article`.

An article's ``text`` is the decoded file with line ends normalised to ``\\n`` (and, for HTML, the
article text a boilerplate remover extracted). Every ``start_char``/``end_char`` in every newslens frame
points into that string, so each row can be traced back to the words it came from. The raw file is
only read, never written.

The paragraphs frame (``Article.paragraphs``), one row per paragraph or paragraph part:

============  =================================================================================
column        meaning
============  =================================================================================
article_id    the file name without its suffix, or the front matter's ``id``
paragraph_id  0-based position in the text
role          navigation, headline, caption, standfirst, dateline, byline, body, pull_quote or
              boilerplate (categorical, in that order)
text          ``article.text[start_char:end_char]``
start_char    offset of the first character in ``article.text``
end_char      offset one past the last character
paragraph_no  the paragraph as a reader counts it (:func:`paragraph_numbers`): the headline 0,
              the article's own paragraphs (standfirst and body) from 1; missing (``<NA>``) for
              page furniture (navigation, boilerplate, a pull quote, a caption or byline on a
              line of its own). Use it wherever a reader sees a paragraph number.
============  =================================================================================

Roles come from the layout, never from an article's words: a leading run of short lines without
sentence punctuation holds site navigation and the headline (the first line of four words or more);
a verbless, mostly proper-noun phrase glued to the first paragraph is a photo caption; a
``PLACE, DATE (OUTLET) --`` prefix is a dateline; paragraphs between the headline and the dateline are
the standfirst; a quotation followed by a dash and a short name (``"..." - Name``) is a pull quote;
short unpunctuated lines at the end, and lines such as a copyright notice, are boilerplate. Nothing is
dropped: analyses choose which roles to use.
"""

from __future__ import annotations

__all__ = [
    "ROLES", "TEXT_ROLES", "PROSE_ROLES", "PARAGRAPH_COLUMNS", "ROLE_DTYPE", "ROLE_CODES", "ArticleError",
    "Article", "load_article", "read_article_file", "article_from_text", "read_front_matter", "META_KEYS",
    "FRONT_MATTER_KEYS", "distinct_ids", "MAX_ARTICLE_CHARS", "language_of", "looks_like_markdown",
    "markdown_to_text", "MARKDOWN_SUFFIXES", "LANGUAGE_MIN_WORDS", "ENGLISH_MIN_STOPWORD_SHARE",
    "WORDS_PER_SENTENCE_MARK", "too_few_sentence_marks",
]

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime as _datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from helpers.ingest.tokens import count_words

if TYPE_CHECKING:
    from spacy.language import Language

#: The longest article newslens analyses, in characters (and in bytes for a file, checked before it
#: is read). Longer texts are refused with one error line: parsing is linear, but the quote engine
#: and the frames of a 20-million-character text already take minutes and gigabytes.
MAX_ARTICLE_CHARS = 20_000_000

# --- layout thresholds (each trades recall of page furniture against prose misread as furniture) ---

#: A file with more control characters than this, and than one per CHARS_PER_CONTROL, is binary.
BINARY_MIN_CONTROLS = 2
CHARS_PER_CONTROL = 100
#: Bytes at the top of a file looked at for ``<!doctype html`` / ``<html`` (a page without a .html suffix).
HTML_SNIFF_BYTES = 512
#: A line of at most this many words ends its paragraph even without end punctuation (a heading, a
#: name); a longer one that stops mid-sentence runs on into the next line.
LINE_BREAK_MAX_WORDS = 6
#: A block is hard-wrapped prose (one paragraph) when its lines, but the last, are between these widths
#: (characters) and at least this share of them stop mid-sentence; narrower or ragged lines are kept apart.
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH, WRAP_OPEN_SHARE = 40, 100, 0.6
#: A line of at most this many words without end punctuation is short: navigation, a headline, a
#: caption or boilerplate, depending on where it stands. Longer: prose.
SHORT_LINE_MAX_WORDS = 20
#: A first paragraph this short is the title even when it ends with ? or ! (which makes it not "short").
TITLE_MAX_WORDS = 15
#: In the leading run of short lines, the first with at least this many words is the headline; shorter
#: ones before it are navigation ("Home", "Breaking News").
HEADLINE_MIN_WORDS = 4
#: Short lines at the end with at most this many words are boilerplate ("Share this", "Related").
TRAILER_MAX_WORDS = 8
#: A "By Name ..." paragraph of at most this many words is a byline, not prose.
BYLINE_MAX_WORDS = 8

#: Warnings about an input (same id, not English, no sentence punctuation) go to this logger: one
#: line each; the command line prints them as ``newslens: warning: ...``.
log = logging.getLogger("helpers")

ROLES = (
    "navigation",
    "headline",
    "caption",
    "standfirst",
    "dateline",
    "byline",
    "body",
    "pull_quote",
    "boilerplate",
)
#: Roles whose sentences are the article's own prose (and may hold quotes).
TEXT_ROLES = ("headline", "standfirst", "body", "pull_quote")
#: Roles whose sentences tone and themes score: the prose without the pull quote (display copy).
PROSE_ROLES = ("headline", "standfirst", "body")
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "role", "text", "start_char", "end_char", "paragraph_no"]
#: Roles that make a paragraph of the article for a reader's count (the headline is paragraph 0).
NUMBERED_ROLES = ("standfirst", "body")
#: dtype of every `role` column, built once (validating categories costs more than a small frame)
ROLE_DTYPE = pd.CategoricalDtype(ROLES)
ROLE_CODES = {r: n for n, r in enumerate(ROLES)}


class ArticleError(ValueError):
    """Bad input: the message names the file and the problem."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook: a notebook shows the line, not the stack
        return [f"{type(self).__name__}: {self}"]


@dataclass
class Article:
    """A loaded article: its text, what the text says about itself, and its paragraphs."""

    article_id: str
    text: str
    paragraphs: pd.DataFrame
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    place: str | None = None
    url: str | None = None
    byline: str | None = None
    source: str | None = None
    encoding: str | None = None
    extra: dict = field(default_factory=dict)
    #: ``"en"``, ``"other"`` (not English: most words are not English function words) or ``None``
    #: (too few words to tell); see :func:`language_of`.
    language: str | None = None
    #: What is odd about the input, one sentence each (not English, no sentence punctuation, read as
    #: Markdown); also logged to the ``helpers`` logger, naming the file. Empty for a normal article.
    warnings: list[str] = field(default_factory=list)

    @property
    def metadata(self) -> dict:
        """Title, outlet, ISO date, dateline place, URL, byline, file name, encoding and language
        (None where not given)."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "place": self.place,
            "url": self.url,
            "byline": self.byline,
            "source": self.source,
            "encoding": self.encoding,
            "language": self.language,
        }

    def text_paragraphs(self) -> pd.DataFrame:
        """Paragraphs whose role is prose of the article (see ``TEXT_ROLES``)."""
        return self.paragraphs[self.paragraphs["role"].isin(TEXT_ROLES)]

    def with_id(self, article_id: str) -> Article:
        """A copy of this article under another ``article_id`` (its paragraphs frame too)."""
        paragraphs = self.paragraphs.assign(article_id=article_id)
        return dataclasses.replace(self, article_id=article_id, paragraphs=paragraphs)


def distinct_ids(articles: list[Article], wheres: list[str] | None = None) -> list[Article]:
    """``articles`` with no two sharing an ``article_id``, in the same order.

    The rule: the first article with an id keeps it; each later one gets the id followed by ``-2``,
    ``-3``, ... (the smallest number that no other input uses), and a warning names both inputs
    (``wheres``, default the ids) and the new id. Two files called ``a.txt`` in different folders
    thus become ``a`` and ``a-2``, and their rows never share keys.
    """
    wheres = wheres or [a.article_id for a in articles]
    taken = {a.article_id for a in articles}
    first: dict[str, str] = {}
    out = []
    for article, where in zip(articles, wheres):
        if article.article_id not in first:
            first[article.article_id] = where
            out.append(article)
            continue
        n = 2
        while f"{article.article_id}-{n}" in taken:
            n += 1
        new_id = f"{article.article_id}-{n}"
        taken.add(new_id)
        first[new_id] = where
        log.warning("%s: article_id %r is already used by %s; its rows use %r", where, article.article_id,
                    first[article.article_id], new_id)
        out.append(article.with_id(new_id))
    return out


def load_article(path: str | Path, nlp: Language | None = None) -> Article:
    """Read ``path`` (``.txt`` in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252, or
    ``.html``/``.htm``) and return an :class:`Article` whose id is the file name without suffix,
    unless a front-matter header gives an ``id`` (:func:`read_front_matter`). A symbolic link is
    read as the file it points to, and takes that file's name.

    ``nlp`` (a spaCy pipeline, default :func:`helpers.ingest.nlp.load_nlp`) is used only to tell a glued
    photo caption from the sentence it is glued to. Raises :class:`ArticleError` for a missing path,
    a directory, an empty, binary or undecodable file, a broken front-matter header, or one without
    any text paragraph.
    """
    path = Path(path)
    text, meta, encoding = read_article_file(path)
    real = path.resolve()  # a symbolic link is the file it points to: its id and name are the target's
    article_id = str(meta.pop("id", None) or real.stem)
    return article_from_text(
        text, article_id=article_id, nlp=nlp, source=real.name, encoding=encoding, meta=meta, where=str(path),
    )


def read_article_file(path: str | Path) -> tuple[str, dict, str]:
    """The text, metadata and encoding of the article file at ``path``, without any NLP: what
    :func:`load_article` builds its :class:`Article` from (``article_from_text(text, meta=meta, ...)``).

    ``meta`` holds what the file says about itself (a plain-text file's front-matter header, see
    :func:`read_front_matter`; an HTML page's title, site name and date); an ``id`` in it overrides
    the file stem as the article id. ``text`` has ``\\n`` line ends and no header. Raises
    :class:`ArticleError` as :func:`load_article` does. The corpus command reads its files with it,
    so that the NLP runs on its workers.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if path.suffix.lower() in (".html", ".htm") or _looks_like_html(raw):
        return _from_html(raw, path)
    text, encoding = _decode(raw, path)
    meta, text = read_front_matter(_normalise_newlines(text), str(path))
    declared = path.suffix.lower() in MARKDOWN_SUFFIXES
    if declared or looks_like_markdown(text):
        text = markdown_to_text(text)
        if not declared:
            meta["_notes"] = ["read as Markdown (it has Markdown links, images, headings or code fences): "
                              "the marks are removed and offsets point into the text without them"]
    return text, meta, encoding


def article_from_text(
    text: str,
    article_id: str = "snippet",
    nlp: Language | None = None,
    source: str | None = None,
    encoding: str | None = None,
    meta: dict | None = None,
    where: str | None = None,
) -> Article:
    """Build an :class:`Article` from a string (a whole article or a snippet of one paragraph).

    Line ends are normalised to ``\\n``; nothing else in the text changes. ``meta`` gives what the
    source says about the article (``title``, ``outlet``, ``date`` as ISO ``YYYY-MM-DD``, ``url``,
    ``byline``; a corpus's ``published`` is read as ``date``); a value given there wins over one read
    from the text, and any other key goes to ``Article.extra``. ``where`` names the input in error
    messages (default: ``article_id``).
    """
    return _article_from_text(text, article_id, nlp, source, encoding, meta, where)


def _article_from_text(text, article_id, nlp, source, encoding, given_meta, where) -> Article:
    where = where or article_id
    given_meta = dict(given_meta or {})
    if "published" in given_meta and not given_meta.get("date"):
        given_meta["date"] = given_meta.pop("published")
    notes = list(given_meta.pop("_notes", []))
    text = _normalise_newlines(text)
    if not text.strip():
        raise ArticleError(f"{where}: the file is empty or holds only whitespace")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{where}: {len(text):,} characters, more than newslens analyses in one article "
                           f"({MAX_ARTICLE_CHARS:,}; helpers.ingest.article.MAX_ARTICLE_CHARS)")
    spans = _split_paragraphs(text)
    roles = _assign_roles(text, spans, nlp)
    rows = [(s, e, r) for (s, e), r in zip(spans, roles)]
    rows, meta = _split_prefixes(text, rows, nlp)
    extra = {k: v for k, v in given_meta.items() if k not in META_KEYS}
    meta = {**meta, **{k: v for k, v in given_meta.items() if k in META_KEYS and v}}
    if not any(r in TEXT_ROLES and _has_words(text[s:e]) for s, e, r in rows):
        raise ArticleError(f"{where}: no text paragraphs (nothing but navigation or boilerplate)")
    paragraphs = pd.DataFrame(
        {
            "article_id": article_id,
            "paragraph_id": range(len(rows)),
            "role": pd.Categorical.from_codes([ROLE_CODES[r] for _, _, r in rows], dtype=ROLE_DTYPE),
            "text": [text[s:e] for s, e, _ in rows],
            "start_char": [s for s, _, _ in rows],
            "end_char": [e for _, e, _ in rows],
            "paragraph_no": pd.array(paragraph_numbers(text, rows), dtype="Int64"),
        },
        columns=PARAGRAPH_COLUMNS,
    )
    headline = [text[s:e] for s, e, r in rows if r == "headline"]
    prose = " ".join(text[s:e] for s, e, r in rows if r in TEXT_ROLES)
    language = language_of(prose)
    if language == "other":
        notes.append("does not look like English (few English function words): newslens' quotes, "
                     "entities, tone and themes are built for English and will be unreliable")
    marks = too_few_sentence_marks(prose)
    if marks is not None:
        notes.append(f"almost no sentence punctuation ({marks} sentence marks in {count_words(prose):,} "
                     "words): sentences and quotes will be unreliable")
    for note in notes:
        log.warning("%s: %s", where, note)
    return Article(
        article_id=article_id,
        text=text,
        paragraphs=paragraphs,
        title=meta.get("title") or (headline[0] if headline else None),
        outlet=meta.get("outlet"),
        date=meta.get("date"),
        place=meta.get("place"),
        url=meta.get("url"),
        byline=meta.get("byline"),
        source=source,
        encoding=encoding,
        extra=extra,
        language=language,
        warnings=notes,
    )


# --- what kind of text: language, punctuation, Markdown --------------------------------------------

#: Fewer words than this (in the prose) are too few to tell a language by.
LANGUAGE_MIN_WORDS = 20
#: English prose has 25-50% English function words ("the", "of", "said", ...; spaCy's English stop
#: words); German, French, Spanish or Russian text has under 10%. Below this share: not English.
ENGLISH_MIN_STOPWORD_SHARE = 0.15
#: Fewer sentence marks (. ! ? …) than one per this many words: no usable sentence punctuation.
WORDS_PER_SENTENCE_MARK = 200
#: A word for telling the language: a run of letters (no digits; "don't" is "don" and "t", as in
#: spaCy's stop words).
#: A word for telling the language: a run of letters (no digits; "don't" gives "don" and "t").
_WORD = re.compile(r"[^\W\d_]+")


def language_of(text: str) -> str | None:
    """``"en"`` when ``text`` reads as English, ``"other"`` when it does not, ``None`` when it has fewer
    than :data:`LANGUAGE_MIN_WORDS` words. The test: the share of its words that are spaCy's English
    stop words (function words) is at least :data:`ENGLISH_MIN_STOPWORD_SHARE`. Offline, no model."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    share = sum(w in STOP_WORDS for w in words) / len(words)
    return "en" if share >= ENGLISH_MIN_STOPWORD_SHARE else "other"


def too_few_sentence_marks(prose: str) -> int | None:
    """The number of sentence marks in ``prose`` when there are too few for its length (fewer than one
    per :data:`WORDS_PER_SENTENCE_MARK` words), else None. The quote engine reads no reported clause
    from such text (:mod:`helpers.extract.quotes`)."""
    words = count_words(prose)
    marks = len(re.findall(r"[.!?…]", prose))
    if words >= WORDS_PER_SENTENCE_MARK and marks < words / WORDS_PER_SENTENCE_MARK:
        return marks
    return None


MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Markdown constructs that plain news text never holds; a .txt file with one of them is read as Markdown.
_MARKDOWN_SIGNS = {"link_open", "image", "fence", "code_block"}


def _markdown():
    from markdown_it import MarkdownIt  # imported here: only Markdown input needs it

    return MarkdownIt("commonmark")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` holds a Markdown link, image, ``#`` heading or code fence (markdown-it-py's
    CommonMark parse): constructs a plain-text news article does not have."""
    if not re.search(r"\]\(|^#{1,6} |^```|^~~~", text, re.M):  # nothing to parse for
        return False
    for token in _markdown().parse(text):
        if token.type == "heading_open" and token.markup.startswith("#"):
            return True
        if token.type in _MARKDOWN_SIGNS or any(c.type in _MARKDOWN_SIGNS for c in token.children or ()):
            return True
    return False


def markdown_to_text(text: str) -> str:
    """The plain text of Markdown ``text`` (markdown-it-py, CommonMark): each block (heading,
    paragraph, list item, quote, code block) one paragraph, blank lines between; a link becomes its
    words, an image its alt text, emphasis and code marks go, line breaks inside a paragraph stay."""
    blocks: list[str] = []
    for token in _markdown().parse(text):
        if token.type == "inline":
            parts = []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "image":
                    parts.append(child.content)
            blocks.append("".join(parts).strip())
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.strip("\n"))
    return "\n\n".join(b for b in blocks if b) + "\n"


def paragraph_numbers(text: str, rows: list[tuple[int, int, str]]) -> list[int | None]:
    """The paragraph number a reader sees for each ``(start_char, end_char, role)`` row, in order.

    Parts of one printed paragraph (rows with no line break between them, such as a dateline or a
    photo caption glued to the paragraph it opens) share one number. A paragraph holding the
    headline is 0; one holding a row of :data:`NUMBERED_ROLES` (standfirst, body) takes the next
    number from 1; any other (navigation, boilerplate, a pull quote, a byline or caption on a line
    of its own) is None, because a reader counting the article's paragraphs skips it.
    """
    blocks: list[list[int]] = []
    for i, (start, _, _) in enumerate(rows):
        if i == 0 or "\n" in text[rows[i - 1][1]:start]:
            blocks.append([])
        blocks[-1].append(i)
    numbers = [None] * len(rows)
    count = 0
    for block in blocks:
        roles = {rows[i][2] for i in block}
        if "headline" in roles:
            number = 0
        elif roles & set(NUMBERED_ROLES):
            count += 1
            number = count
        else:
            continue
        for i in block:
            numbers[i] = number
    return numbers


# --- reading and decoding ---------------------------------------------------------------------

def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path}: is a directory, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_CHARS:  # refused before reading: a byte is at most one character
            raise ArticleError(f"{path}: {size:,} bytes, more than newslens analyses in one article "
                               f"({MAX_ARTICLE_CHARS:,}; helpers.ingest.article.MAX_ARTICLE_CHARS)")
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot be read ({err.strerror or err})") from None
    if not raw.strip():
        raise ArticleError(f"{path}: the file is empty or holds only whitespace")
    return raw


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: A well-formed UTF-8 sequence of two to four bytes (RFC 3629): its presence says the file is UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
#: Non-letters that Windows-1252 news text holds: typographic quotes and dashes, currency, marks.
_CP1252_PUNCTUATION = set("\u00a0‘’‚“”„–—…•€£¢¥©®°±×÷§¶·«»¿¡™†‡‰ªº½¼¾¹²³µ´¨¸¯¦¤")


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The text of ``raw`` and the encoding it was read in.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Bytes that are not UTF-8
    are read as Windows-1252 only when they decode in it and the result is plausible text
    (:func:`_plausible_cp1252`): no well-formed UTF-8 sequence anywhere (a UTF-8 file with one bad
    byte would otherwise be garbled, every accent turned into two letters), no cut-off sequence at
    the very end, and only letters and typographic marks outside ASCII. Otherwise the error names
    the byte offset of the first invalid UTF-8 sequence.
    """
    if raw.startswith(_UTF8_BOM):
        try:
            return _checked(raw[3:].decode("utf-8"), path), "utf-8-sig"
        except UnicodeDecodeError as err:
            raise _not_utf8(raw, err.start + 3, path, bom=True) from None
    if raw.startswith(_UTF16_BOMS):
        try:
            return _checked(raw.decode("utf-16"), path), "utf-16"
        except UnicodeDecodeError:
            raise ArticleError(f"{path}: starts with a UTF-16 mark but is not valid UTF-16") from None
    if b"\x00" in raw:
        raise ArticleError(f"{path}: looks like a binary file (it contains NUL bytes), not text")
    try:
        return _checked(raw.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as err:
        first_bad, truncated_at_end = err.start, err.reason == "unexpected end of data"
    try:
        legacy = raw.decode("cp1252")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and not truncated_at_end and _plausible_cp1252(raw, legacy):
        return _checked(legacy, path), "cp1252"
    raise _not_utf8(raw, first_bad, path)


def _not_utf8(raw: bytes, offset: int, path: Path, bom: bool = False) -> ArticleError:
    what = "starts with a UTF-8 mark but" if bom else "is neither UTF-8 nor plausible Windows-1252:"
    return ArticleError(
        f"{path}: {what} invalid UTF-8 at byte offset {offset} "
        f"({raw[offset:offset + 4].hex(' ')}); save it as UTF-8"
    )


def _plausible_cp1252(raw: bytes, text: str) -> bool:
    """Whether the Windows-1252 reading ``text`` of the non-UTF-8 bytes ``raw`` looks like text:
    no well-formed UTF-8 sequence in ``raw``, and outside ASCII only letters and typographic marks,
    with no capital letter inside a lower-case word or right after a lower-case letter ("NÃez",
    "tÃ(": a damaged UTF-8 "ú" or "é" read as "Ã" and the byte after it)."""
    if _UTF8_MULTIBYTE.search(raw):
        return False
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        if ch.isalpha():
            inside = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].islower()
            if ch.isupper() and (inside or (i > 0 and text[i - 1].islower())):
                return False
        elif ch not in _CP1252_PUNCTUATION:
            return False
    return True


# --- front matter -------------------------------------------------------------------------------

#: The metadata keys an Article has fields for; any other key of a header or a corpus row is kept in
#: ``Article.extra``.
META_KEYS = ("title", "outlet", "date", "place", "url", "byline")
#: Keys a front-matter header may give, with the Article field each fills (``published`` -> ``date``).
FRONT_MATTER_KEYS = {"id": "id", "title": "title", "published": "date", "outlet": "outlet", "url": "url",
                     "byline": "byline"}
_FRONT_MATTER_FENCE = "---"
#: An article id names folders (data/interim/<id>, data/processed/<id>): letters, digits, . _ - only.
_ARTICLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def read_front_matter(text: str, where: str) -> tuple[dict, str]:
    """Split an optional YAML front-matter header off the top of ``text`` (line ends ``\\n``).

    The header sits between a first line ``---`` and the next line ``---``, and is read with
    PyYAML's ``safe_load``. Returns ``(meta, body)``: ``meta`` maps ``id``, ``title``, ``date`` (from
    ``published``, an ISO date), ``outlet``, ``url``, ``byline`` and any other key of the header to
    its value (all strings, but unknown keys keep their YAML value); ``body`` is the text after the
    closing line, which becomes ``article.text``. Text without a header gives ``({}, text)``.
    Raises :class:`ArticleError` naming ``where`` and the line for a header that is not closed,
    not YAML, not a mapping, or holds a value of the wrong kind.
    """
    first, _, rest = text.partition("\n")
    if first.rstrip() != _FRONT_MATTER_FENCE:
        return {}, text
    lines = rest.split("\n")
    close = next((i for i, line in enumerate(lines) if line.rstrip() == _FRONT_MATTER_FENCE), None)
    if close is None:
        raise ArticleError(f"{where}: line 1: the front-matter header opened by '---' is never closed by a '---' line")
    header = "\n".join(lines[:close])
    body = "\n".join(lines[close + 1:])
    import yaml  # imported here: only files with a header need it

    try:
        data = yaml.safe_load(header)
        nodes = yaml.compose(header, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark is not None else 2
        raise ArticleError(f"{where}: line {line}: the front-matter header is not valid YAML ({err.problem})") from None
    except yaml.YAMLError as err:
        raise ArticleError(f"{where}: line 2: the front-matter header is not valid YAML ({err})") from None
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        raise ArticleError(f"{where}: line 2: the front-matter header must be 'key: value' lines")
    lines_of = {k.value: k.start_mark.line + 2 for k, _ in nodes.value if isinstance(k.value, str)}
    meta: dict = {}
    for key, value in data.items():
        line = lines_of.get(key, 2)
        if not isinstance(key, str):
            raise ArticleError(f"{where}: line {line}: front-matter key {key!r} is not a word")
        field_name = FRONT_MATTER_KEYS.get(key)
        if field_name is None:
            meta[key] = value
        elif value is None:
            continue
        elif key == "published":
            meta["date"] = _front_matter_date(value, where, line)
        elif isinstance(value, (dict, list)):
            raise ArticleError(f"{where}: line {line}: front-matter '{key}' must be one value, not a list or mapping")
        else:
            meta[field_name] = str(value).strip()
    if "id" in meta and not _ARTICLE_ID.fullmatch(meta["id"]):
        raise ArticleError(
            f"{where}: line {lines_of.get('id', 2)}: front-matter id {meta['id']!r} may hold only letters, "
            "digits, '.', '_' and '-' (it names folders)"
        )
    return meta, body


def _front_matter_date(value, where: str, line: int) -> str:
    if isinstance(value, _datetime):
        return value.date().isoformat()
    if isinstance(value, _date):
        return value.isoformat()
    try:
        return _date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ArticleError(
            f"{where}: line {line}: front-matter 'published' is {value!r}, not an ISO date (YYYY-MM-DD)"
        ) from None


def _checked(text: str, path: Path) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(BINARY_MIN_CONTROLS, len(text) // CHARS_PER_CONTROL):
        raise ArticleError(f"{path}: looks like a binary file (control characters), not text")
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty or holds only whitespace")
    return text


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:HTML_SNIFF_BYTES].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _from_html(raw: bytes, path: Path) -> tuple[str, dict, str]:
    import trafilatura  # imported here: only HTML input needs it

    html, encoding = _decode(raw, path)
    try:
        result = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as err:  # trafilatura raises many types on broken markup
        raise ArticleError(f"{path}: the HTML could not be parsed ({type(err).__name__})") from None
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise ArticleError(f"{path}: no article text found in the HTML page")
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    title = (getattr(result, "title", None) or "").strip() or None
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    meta = {
        "title": title,
        "outlet": getattr(result, "sitename", None) or None,
        "date": _iso_or_none(getattr(result, "date", None)),
    }
    return "\n\n".join(lines) + "\n", meta, f"html/{encoding}"


def _iso_or_none(value) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    return m.group(0) if m else None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- paragraphs ---------------------------------------------------------------------------------

_BLOCK_SEP = re.compile(r"\n[ \t\f\v]*\n+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: blocks between blank lines, and within a block each line
    that ends a sentence, unless the block is hard-wrapped prose."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLOCK_SEP.finditer(text), None]:
        end = m.start() if m else len(text)
        spans.extend(_split_block(text, pos, end))
        pos = m.end() if m else len(text)
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((s + lead, s + lead + len(stripped)))
    if not lines:
        return []
    if _hard_wrapped(text, lines):
        return [(lines[0][0], lines[-1][1])]
    out = [lines[0]]
    for s, e in lines[1:]:
        prev = text[out[-1][0] : out[-1][1]]
        if _TERMINAL.search(prev) or len(prev.split()) <= LINE_BREAK_MAX_WORDS:
            out.append((s, e))
        else:  # the previous line stops mid-sentence: this line continues its paragraph
            out[-1] = (out[-1][0], e)
    return out


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    widths = [e - s for s, e in inner]
    open_ended = sum(1 for s, e in inner if not _TERMINAL.search(text[s:e]))
    return (max(widths) <= WRAP_MAX_WIDTH and min(widths) >= WRAP_MIN_WIDTH
            and open_ended >= WRAP_OPEN_SHARE * len(inner))


# --- roles --------------------------------------------------------------------------------------

_QUOTE_OPEN = "\"“‘'«"
_PULL_QUOTE = re.compile(
    r"^[\"“‘'«](?P<quote>.+)[\"”’'»]\s*(?:-{1,2}|–|—|―)\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*$",
    re.S,
)
_BOILERPLATE = re.compile(
    r"^(?:©|\(c\)|copyright\b|all rights reserved|share (?:this|on)\b|follow us\b|read more\b|"
    r"related\b|advertisement\b|click here\b|sign up\b|subscribe\b|print\b|email\b|comments?\b)",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and)\s*.*)?$")


def _assign_roles(text: str, spans: list[tuple[int, int]], nlp) -> list[str]:
    paras = [text[s:e] for s, e in spans]
    n = len(paras)
    roles = ["body"] * n
    if n == 1:
        return roles
    for i, p in enumerate(paras):
        if _PULL_QUOTE.match(p):
            roles[i] = "pull_quote"
        elif _BOILERPLATE.match(p) and (_is_short_line(p) or p[:1] == "©" or p[:9].lower() == "copyright"):
            roles[i] = "boilerplate"
    # Leading run: short lines without sentence punctuation (navigation, headline, deck, caption).
    run = 0
    while run < n and roles[run] == "body" and _is_short_line(paras[run]):
        run += 1
    if run == 0 and len(paras[0].split()) <= TITLE_MAX_WORDS:
        run = 1  # a title that ends with a question or exclamation mark
    if run:
        head = next((i for i in range(run) if len(paras[i].split()) >= HEADLINE_MIN_WORDS), run - 1)
        for i in range(head):
            roles[i] = "navigation"
        roles[head] = "headline"
        for i in range(head + 1, run):
            if _BYLINE.match(paras[i]):
                roles[i] = "byline"
            else:
                roles[i] = "caption" if not _has_verb(paras[i], nlp) else "standfirst"
        # Before a dateline paragraph, prose under the headline is the standfirst.
        dl = next((i for i in range(run, n) if _DATELINE.match(paras[i])), None)
        if dl is not None and dl - run <= 2:
            for i in range(run, dl):
                if roles[i] == "body":
                    roles[i] = "standfirst"
    # Trailing run: short unpunctuated lines after the last prose paragraph.
    for i in range(n - 1, max(run, 0), -1):
        if roles[i] in ("body", "boilerplate") and _is_short_line(paras[i]) and len(paras[i].split()) <= TRAILER_MAX_WORDS:
            roles[i] = "boilerplate"
        else:
            break
    for i, p in enumerate(paras):
        if roles[i] == "body" and _BYLINE.match(p) and len(p.split()) <= BYLINE_MAX_WORDS:
            roles[i] = "byline"
    return roles


def _is_short_line(p: str) -> bool:
    words = p.split()
    return (
        len(words) <= SHORT_LINE_MAX_WORDS
        and "\n" not in p
        and not _TERMINAL.search(p)
        and p[0] not in _QUOTE_OPEN
        and not _PULL_QUOTE.match(p)
    )


def _has_words(p: str) -> bool:
    return re.search(r"[^\W\d_]{2,}", p) is not None


def _has_verb(p: str, nlp) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in _tag(p, nlp))


def _default_nlp():
    from helpers.ingest.nlp import load_nlp

    return load_nlp()


def _tag(p: str, nlp):
    """``p`` through the pipeline's tagger and attribute ruler (which maps tags to ``pos_``); the
    parser, NER and lemmatizer are not needed to tell a caption from a sentence, so they do not run."""
    if nlp is None:
        nlp = _default_nlp()
    disable = [name for name in nlp.pipe_names if name in ("parser", "ner", "lemmatizer")]
    return nlp(p, disable=disable)


# --- prefixes inside a paragraph: glued caption, dateline -----------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){{0,3}})"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    rf"\s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?"
    rf"\s*(?:--|—|–|-)\s+",
    re.I,
)


def _split_prefixes(text: str, rows: list[tuple[int, int, str]], nlp):
    """Split a dateline off the paragraph that starts with it, and a glued caption off the first
    prose paragraph under a headline; return the new rows and the metadata they reveal."""
    meta: dict = {}
    out: list[tuple[int, int, str]] = []
    seen_headline = False
    caption_checked = False
    for s, e, role in rows:
        para = text[s:e]
        m = _DATELINE.match(para) if role in ("body", "standfirst") and not meta.get("place") else None
        if m and (m.group("date") or m.group("outlet") or m.group("place").isupper()):
            meta.update(_dateline_meta(m))
            cut = s + m.end()
            out.append((s, s + len(m.group(0).rstrip()), "dateline"))
            out.append((cut, e, role))
            continue
        if seen_headline and not caption_checked and role in ("body", "standfirst"):
            caption_checked = True
            n = _glued_caption_length(para, nlp)
            if n:
                out.append((s, s + n, "caption"))
                rest = s + n + (len(para[n:]) - len(para[n:].lstrip()))
                out.append((rest, e, role))
                continue
        seen_headline = seen_headline or role == "headline"
        out.append((s, e, role))
    return out, meta


def _dateline_meta(m: re.Match) -> dict:
    meta = {"place": m.group("place").strip()}
    if m.group("outlet"):
        meta["outlet"] = m.group("outlet").strip()
    if m.group("date"):
        meta["date"] = _parse_date(m.group("date"))
    return meta


def _parse_date(value: str) -> str | None:
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        parts = re.findall(r"[A-Za-z]+|\d+", value)
        words = [p for p in parts if p.isalpha()]
        nums = [int(p) for p in parts if p.isdigit()]
        if not words or len(nums) < 2:
            return None
        mo = _MONTHS.get(words[0].lower().rstrip("."))
        d, y = (nums[0], nums[1]) if nums[1] > 31 else (nums[1], nums[0])
    try:
        return _date(y, mo, d).isoformat()
    except (TypeError, ValueError):
        return None


#: A glued caption ends within this many tokens of the paragraph's start (before its first verb):
#: more would cut longer verbless openings from ordinary leads; fewer would miss long captions.
_CAPTION_MAX_TOKENS = 30
#: ... and holds at most this many tokens before the cut (names, "in Place today").
_CAPTION_MAX_PREFIX = 15
#: Tokens tagged when looking for a glued caption: the ten after _CAPTION_MAX_TOKENS give the tagger
#: the context after the cut. Fewer could change the tags near the cut; more only costs tagging time.
_CAPTION_TOKENS = _CAPTION_MAX_TOKENS + 10
#: Characters of the paragraph tokenised first (enough for _CAPTION_TOKENS tokens of news prose).
_CAPTION_HEAD_CHARS = 400
_CONTINUING_POS = {"ADP", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "SYM", "NUM"}


def _glued_caption_length(para: str, nlp: Language | None) -> int:
    """Length of a photo caption glued to the start of ``para``, or 0.

    A caption is a verbless phrase with a proper noun ("X and Y in Place today"), run into the next
    sentence without punctuation. The cut goes before the last capitalised word that follows a
    lower-case content word ("today | Russian President ...") and precedes the first verb.
    """
    nlp = nlp if nlp is not None else _default_nlp()
    head = nlp.make_doc(para[:_CAPTION_HEAD_CHARS])
    # The cut needs a capitalised word right after a lower-case word among the first tokens;
    # without one there is no caption, and the tagger need not run.
    if not any(t.text[:1].isupper() and head[t.i - 1].is_lower and head[t.i - 1].is_alpha
               for t in head[2:_CAPTION_MAX_TOKENS + 1]):
        return 0
    text = head[:_CAPTION_TOKENS].text if len(head) > _CAPTION_TOKENS else head.text
    # Nor without such a word at most _CAPTION_MAX_PREFIX tokens in and no punctuation before it
    # (the caption's own conditions below, read on the tokens the tagger would get): most leads have
    # a comma or a full stop first, and the tagger (a few ms an article) need not run for them.
    if not _may_start_with_caption(nlp.make_doc(text)):
        return 0
    doc = _tag(text, nlp)
    pos = [t.pos_ for t in doc]
    first_verb = next((i for i, p in enumerate(pos) if p in ("VERB", "AUX")), None)
    if first_verb is None or first_verb > _CAPTION_MAX_TOKENS:
        return 0
    cut = None
    for t in doc[2:first_verb]:
        prev = doc[t.i - 1]
        if (
            t.text[:1].isupper()
            and prev.is_lower
            and prev.is_alpha
            and pos[t.i - 1] not in _CONTINUING_POS
        ):
            cut = t.i
    if cut is None:
        return 0
    prefix = doc[:cut]
    if any(_breaks_caption(t) for t in prefix) or len(prefix) > _CAPTION_MAX_PREFIX:
        return 0
    if not any(p == "PROPN" for p in pos[:cut]):
        return 0
    return doc[cut - 1].idx + len(doc[cut - 1].text)


def _breaks_caption(token) -> bool:
    """Punctuation a caption does not hold (apostrophes and hyphens it may)."""
    return token.is_punct and token.text not in ("'", "’", "-")


def _may_start_with_caption(tokens) -> bool:
    """Whether ``tokens`` (untagged) could start with a caption by :func:`_glued_caption_length`'s
    rules that need no tags: a cut (a capitalised word right after a lower-case word) at token 2 to
    :data:`_CAPTION_MAX_PREFIX` with no caption-breaking punctuation before it. False means that
    function returns 0 whatever the tags, since its cut is such a word and its caption the tokens
    before it."""
    if len(tokens) and _breaks_caption(tokens[0]):
        return False
    for i in range(2, min(len(tokens), _CAPTION_MAX_PREFIX + 1)):
        t, prev = tokens[i], tokens[i - 1]
        if _breaks_caption(prev):
            return False
        if t.text[:1].isupper() and prev.is_lower and prev.is_alpha:
            return True
    return False

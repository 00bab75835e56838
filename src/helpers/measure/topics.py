"""Topics: keyphrases of an article, NMF themes over its sentences, who talks about which theme.

Nothing here downloads a model: keyphrases are spaCy noun chunks ranked by a TF-IDF score, and
themes are scikit-learn NMF over TF-IDF of lemmatised content words.

**Keyphrases** (:func:`keyphrases`). Candidates are spaCy's noun chunks (``doc.noun_chunks``) of the
prose sentences (headline, standfirst, body), trimmed of leading and trailing determiners, pronouns,
numbers, stop words and punctuation, and grouped by their lower-case lemmas. The score is TF-IDF
with the article's prose sentences as documents (scikit-learn's ``TfidfVectorizer``, raw counts,
smooth IDF, no normalisation), summed over the sentences: ``count * (ln((1 + N) / (1 + df)) + 1)``,
N = prose sentences, df = sentences holding the phrase. Frequent phrases rank high; a phrase in
every sentence is damped.
Columns: rank, phrase (most frequent surface form), key (lemmas), count, n_sentences, score,
first_char.

**Themes** (:func:`themes`). One document per prose sentence; terms are lower-case lemmas of
nouns, proper nouns, adjectives and verbs that are not stop words, not speech or thought verbs
(:mod:`helpers.extract.cues`: "said" is how news reports speech, not a theme), not part of a person's
name (people are the speakers of :func:`speaker_themes`, not what a theme is about) and not a date
or number; a multi-word name of a place or organisation ("Central Asia") is one term. The matrix is
scikit-learn's ``TfidfVectorizer`` over these terms (sublinear tf, smooth IDF, rows scaled to unit
length); terms in a single sentence are dropped (``min_df=2``) when that leaves a vocabulary. ``k`` follows a stated rule, the
classic rule of thumb for the number of clusters: ``k = round(sqrt(n / 2))`` for ``n`` prose
sentences, clipped to [2, 6] (six themes is as many as a reader can hold) and to the rank of the
matrix. scikit-learn's ``NMF`` starts from ``init="nndsvda"`` (an SVD, deterministic; zeros filled with the mean so
that coordinate descent converges on small matrices) with a fixed ``random_state``, so the same
article always gives the same themes. A sentence's theme is the component with the largest weight.

**Every prose sentence gets its theme.** The ``sentences`` frame has one row per prose sentence, the
same sentences as :func:`helpers.measure.sentiment.sentence_tone`, so notebooks 05 and 06 count the same
sentences. A prose sentence that cannot be placed on a theme keeps its row with theme_id
:data:`NO_THEME_ID` (-1), theme_weight 0 and theme_label :data:`NO_THEME` ("no theme"). That
happens when it has no content word (only function words, names of people, dates or speech verbs:
"He said so on Monday."; the rule for ``k`` counts these) or when none of its content words occurs
in another sentence (those terms are dropped by ``min_df=2``, so the sentence matches no theme).

**Labels are words as the article writes them.** Computation uses lemmas (``term``: "nato",
"agreement"); labels show each term's most frequent surface form in the prose ("NATO",
"agreements"; on a tie the lower-case form, since headlines capitalise every word, then the first
seen). Common nouns, verbs and adjectives outside named entities are lower-cased, so a
sentence-initial capital does not count as a form of its own.

:class:`ThemeModel` frames:

- ``themes``: theme_id, label (top three terms as written, " / "), top_terms (top terms as written,
  comma-separated), n_sentences, representative_sentence_id, representative_sentence (the sentence
  loading most on the theme).
- ``terms``: theme_id, rank, term (lemma), surface (as written), weight (the top terms of each
  theme, NMF loadings).
- ``sentences``: article_id, sentence_id, paragraph_id, theme_id (-1: no theme), theme_weight
  (share of the sentence's NMF weight on its theme; 0 with no theme), theme_label ("no theme").

:func:`speaker_themes` gives a speaker x theme matrix of counted statements (a statement's theme is
the best match of its own words with the themes' term loadings); :func:`theme_flow` a theme x paragraph
matrix of sentence counts, which shows how themes move through the article.
"""

from __future__ import annotations

__all__ = [
    "THEME_POS", "K_MIN", "K_MAX", "NMF_MAX_ITER", "NMF_TOL", "NO_THEME_ID", "NO_THEME", "TERM_COLUMNS",
    "KEYPHRASE_COLUMNS", "THEME_COLUMNS", "SENTENCE_COLUMNS", "TOP_KEYPHRASES", "TERMS_PER_THEME",
    "MAX_NAME_TERM_WORDS",
    "ThemeModel", "keyphrases", "keyphrase_columns", "themes", "speaker_themes", "theme_flow",
]

import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Doc

from helpers.extract import cues
from helpers.ingest.article import PROSE_ROLES
from helpers.ingest.tokens import TokenTable, token_table
from helpers.measure import share
from helpers.tables import column_values

#: Parts of speech whose lemmas are theme terms.
THEME_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
#: Parts of speech trimmed from the edges of a noun chunk ("the", "his", "two", "'s").
_EDGE_POS = frozenset({"DET", "PRON", "NUM", "PUNCT", "SYM", "CCONJ", "ADP", "PART", "SPACE", "X"})
# "said" is how news reports speech, "thinks" how it reports a view: neither is what a theme is about.
_NOT_THEMES = cues.SPEECH_LEMMAS | cues.THOUGHT_LEMMAS
# People are speakers, not topics; dates and numbers ("today", "2001") say when, not what.
_NOT_THEME_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY"})
_DATE_NUMBER_ENTS = _NOT_THEME_ENTS - {"PERSON"}
#: Bounds of the number of themes: fewer than two separates nothing; more than six is more than a
#: reader holds in mind while reading one article.
K_MIN, K_MAX = 2, 6
#: NMF's iteration limit and stopping tolerance (scikit-learn's defaults are 200 and 1e-4): a higher
#: limit lets the small, sparse matrices of one article converge (``ThemeModel.converged`` says when
#: they did not) at the cost of fitting time; a looser tolerance stops earlier with rougher themes.
NMF_MAX_ITER, NMF_TOL = 1000, 1e-4
#: Keyphrases listed by default: enough to see what an article is about, few enough to read in one look.
TOP_KEYPHRASES = 15
#: Top terms kept per theme (the label shows three): more describe a theme better but blur the themes
#: into each other in the reader's eye.
TERMS_PER_THEME = 8
#: A name of a place or body of up to this many words is one theme term ("Central Asia"); longer
#: "names" are mostly title-case headlines NER took for one, whose words count one by one.
MAX_NAME_TERM_WORDS = 3
NO_THEME_ID = -1
NO_THEME = "no theme"
KEYPHRASE_COLUMNS = ["rank", "phrase", "key", "count", "n_sentences", "score", "first_char"]
_KEYPHRASE_DTYPES = {"rank": "int64", "count": "int64", "n_sentences": "int64", "score": "float64", "first_char": "int64"}
TERM_COLUMNS = ["theme_id", "rank", "term", "surface", "weight"]
THEME_COLUMNS = ["theme_id", "label", "top_terms", "n_sentences", "representative_sentence_id",
                 "representative_sentence"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "theme_id", "theme_weight", "theme_label"]


@dataclass
class ThemeModel:
    """Themes of one article: the three frames (see the module docstring) and the fitted model.

    ``vectorizer`` is the fitted ``TfidfVectorizer`` (its ``idf_`` the terms' IDF weights),
    ``vocab`` its terms (lemmas, sorted), ``surface`` each term's most frequent form as written,
    ``loadings`` the NMF components (k x terms); ``converged`` is False when NMF stopped at its
    iteration limit.
    """

    k: int
    k_rule: str
    themes: pd.DataFrame
    terms: pd.DataFrame
    sentences: pd.DataFrame
    vocab: list[str] = field(default_factory=list, repr=False)
    surface: dict[str, str] = field(default_factory=dict, repr=False)
    vectorizer: TfidfVectorizer | None = field(default=None, repr=False)
    loadings: np.ndarray | None = field(default=None, repr=False)
    converged: bool = True


def keyphrases(doc: Doc, sentences: pd.DataFrame, top: int = TOP_KEYPHRASES) -> pd.DataFrame:
    """Top ``top`` keyphrases of the prose sentences of ``doc`` (columns in the module docstring).

    ``sentences`` is the sentences frame of ``doc`` (:func:`helpers.ingest.frames.sentences_frame`).
    """
    columns = keyphrase_columns(doc, sentences, top)
    if not columns["rank"]:
        return pd.DataFrame(columns=KEYPHRASE_COLUMNS).astype(_KEYPHRASE_DTYPES)
    # built column by column with the final dtypes (an astype of the frame cost more than the rest)
    data = {name: np.array(values, dtype=_KEYPHRASE_DTYPES[name]) if name in _KEYPHRASE_DTYPES else values
            for name, values in columns.items()}
    return pd.DataFrame(data, columns=KEYPHRASE_COLUMNS)


def keyphrase_columns(doc: Doc, sentences: pd.DataFrame | Mapping[str, Sequence],
                      top: int = TOP_KEYPHRASES) -> dict[str, list]:
    """:func:`keyphrases` as plain lists (``{column: values}``, the same rows and values), for callers that
    need no frame (the corpus workers); ``sentences`` may also be the sentences frame's columns as lists."""
    spans = _prose_spans(sentences)
    T = token_table(doc)
    sent_of = _sentence_index(doc, len(T), spans)
    text, lemma, pos, idx, length = T.doc_text, T.lemma, T.pos, T.idx, T.length
    found: dict[str, dict] = {}
    keys_in: list[list[str]] = [[] for _ in spans]  # the phrase keys of each prose sentence
    for chunk in doc.noun_chunks:
        s = sent_of[chunk.start]
        if s is None:
            continue
        trimmed = _trim(T, chunk.start, chunk.end)
        if trimmed is None:
            continue
        a, b = trimmed
        key = " ".join(lemma[a:b])
        surface = text[idx[a]: idx[b - 1] + length[b - 1]]
        if "PROPN" not in pos[a:b]:
            surface = surface.lower()
        entry = found.setdefault(key, {"forms": {}, "first": idx[a]})
        entry["forms"][surface] = entry["forms"].get(surface, 0) + 1
        keys_in[s].append(key)
    if not found:
        return {c: [] for c in KEYPHRASE_COLUMNS}
    tfidf = TfidfVectorizer(analyzer=_as_terms, lowercase=False, norm=None)
    X = tfidf.fit_transform(keys_in)
    score = np.asarray(X.sum(axis=0)).ravel()
    n_sentences = np.asarray((X > 0).sum(axis=0)).ravel()  # the sentences holding each phrase
    rows = []
    for j, key in enumerate(tfidf.get_feature_names_out().tolist()):
        e = found[key]
        # most frequent surface form; on a tie the lower-case one (headlines capitalise every
        # word), then the first seen (a dict keeps insertion order)
        rows.append((_most_frequent_form(e["forms"]), key, sum(e["forms"].values()), int(n_sentences[j]),
                     round(float(score[j]), 6), e["first"]))
    rows.sort(key=lambda r: (-r[4], r[5]))  # best score first, then first seen
    rows = rows[:max(top, 0)]
    columns = {"rank": list(range(1, len(rows) + 1))}
    columns.update(zip(KEYPHRASE_COLUMNS[1:], map(list, zip(*rows)) if rows else ([] for _ in KEYPHRASE_COLUMNS[1:])))
    return columns


def themes(doc: Doc, sentences: pd.DataFrame, k: int | None = None, seed: int = 0,
           n_terms: int = TERMS_PER_THEME) -> ThemeModel:
    """NMF themes of the prose sentences of ``doc`` (rule for ``k`` in the module docstring).

    ``sentences`` is the sentences frame; the model's ``sentences`` frame keeps its prose rows, each
    with a theme or :data:`NO_THEME`. ``k`` overrides the rule (cut to the rank of the matrix);
    ``seed`` is NMF's ``random_state``; ``n_terms`` the top terms kept per theme.
    """
    prose = sentences[sentences["role"].isin(PROSE_ROLES)].reset_index(drop=True)
    starts, ends = column_values(prose, "start_char"), column_values(prose, "end_char")
    sentence_ids, texts = column_values(prose, "sentence_id"), column_values(prose, "text")
    context = _term_context(doc)
    forms: dict[str, dict[str, int]] = {}
    docs = [_terms(doc, s, e, context, forms) for s, e in zip(starts, ends)]
    surface = {term: _most_frequent_form(c) for term, c in forms.items()}
    units = [i for i, d in enumerate(docs) if d]
    n = len(units)
    rule = f"k = round(sqrt(n/2)) clipped to [{K_MIN}, {K_MAX}], n = {_n_phrase(n, len(docs))}"
    unit_docs = [docs[i] for i in units]
    vectorizer = _theme_vectorizer(unit_docs)
    X = vectorizer.fit_transform(unit_docs).toarray() if unit_docs else np.zeros((0, 0))
    vocab = vectorizer.get_feature_names_out().tolist() if unit_docs else []
    if k is None:
        k = int(np.clip(round(math.sqrt(n / 2)), K_MIN, K_MAX)) if n else 0
    else:
        rule = f"k = {k} (given)"
    if k > min(n, len(vocab)):
        k = min(n, len(vocab))
        rule += f"; cut to {k}, the number of {'sentences' if n <= len(vocab) else 'terms'}"
    if k < 1:
        return _empty_model(prose, rule, surface)
    W, H, converged = _nmf(X, k, seed)
    theme_of = np.full(len(docs), NO_THEME_ID)
    weight_of = np.zeros(len(docs))
    row_sum = W.sum(axis=1)
    best = W.argmax(axis=1)
    for r, i in enumerate(units):
        if row_sum[r] > 0:
            theme_of[i] = best[r]
            weight_of[i] = W[r, best[r]] / row_sum[r]

    term_rows, theme_rows = [], []
    for t in range(k):
        order = [j for j in np.argsort(-H[t], kind="stable")[:n_terms] if H[t, j] > 0]
        words = [surface[vocab[j]] for j in order]
        term_rows += [(t, rank + 1, vocab[j], surface[vocab[j]], round(float(H[t, j]), 6))
                      for rank, j in enumerate(order)]
        rep = units[int(np.argmax(W[:, t]))]
        theme_rows.append((t, " / ".join(words[:3]), ", ".join(words), int((theme_of == t).sum()),
                           int(sentence_ids[rep]), texts[rep]))
    labels = [row[1] for row in theme_rows]
    sent = pd.DataFrame({
        "article_id": prose["article_id"], "sentence_id": prose["sentence_id"], "paragraph_id": prose["paragraph_id"],
        "theme_id": theme_of, "theme_weight": weight_of.round(6),
        "theme_label": [labels[t] if t >= 0 else NO_THEME for t in theme_of.tolist()],
    }, columns=SENTENCE_COLUMNS)
    return ThemeModel(k, rule, pd.DataFrame(theme_rows, columns=THEME_COLUMNS),
                      pd.DataFrame(term_rows, columns=TERM_COLUMNS), sent, vocab, surface, vectorizer, H, converged)


def speaker_themes(model: ThemeModel, doc: Doc, quotes: pd.DataFrame | share.ClassifiedQuotes) -> pd.DataFrame:
    """Speaker x theme matrix: counted statements of each speaker on each theme.

    A statement's theme is the one whose term loadings best match the statement's own words (the
    largest dot product of its TF-IDF vector with each theme's NMF loadings); a statement with no
    known term takes the theme of its first sentence; a joint statement counts for each of its
    speakers. Rows: speakers with a statement on a theme,
    in the one speaker order of :func:`helpers.measure.share.speaker_sort_key` over all their counted
    statements; columns: theme_id (every theme, also those nobody speaks on).
    """
    theme_ids = list(range(model.k))
    kept = share.classify(quotes).credits
    if not kept or not theme_ids:
        return pd.DataFrame(0, index=pd.Index([], name="speaker"), columns=pd.Index(theme_ids, name="theme_id"))
    sent_theme = dict(zip(column_values(model.sentences, "sentence_id"), column_values(model.sentences, "theme_id")))
    context = _term_context(doc)
    X = model.vectorizer.transform([_terms(doc, r["start_char"], r["end_char"], context) for r in kept]).toarray()
    scores = X @ model.loadings.T
    keys = share.speaker_keys((r["speaker"], r["n_words"], r["start_char"]) for r in kept)
    counts: dict = {}
    for r, top, best in zip(kept, scores.max(axis=1).tolist(), scores.argmax(axis=1).tolist()):
        if top > 0:
            theme = best
        else:
            sids = r["sentence_ids"]
            theme = int(sent_theme.get(int(sids[0]), -1)) if sids is not None and len(sids) else -1
        if theme < 0:
            continue
        counts.setdefault(r["speaker"], [0] * len(theme_ids))[theme] += 1
    order = sorted(counts, key=keys.get)
    return pd.DataFrame([counts[sp] for sp in order], index=pd.Index(order, name="speaker"),
                        columns=pd.Index(theme_ids, name="theme_id"), dtype="int64")


def theme_flow(model: ThemeModel) -> pd.DataFrame:
    """Theme x paragraph matrix: how many sentences of each paragraph fall in each theme.

    Rows are every theme (``theme_id``); columns the paragraphs that hold at least one themed
    sentence, in text order (``paragraph_id``).
    """
    theme = model.sentences["theme_id"].to_numpy()
    paragraph = model.sentences["paragraph_id"].to_numpy()[theme >= 0]
    theme = theme[theme >= 0]
    paragraphs = np.unique(paragraph)
    counts = np.zeros((model.k, len(paragraphs)), dtype=np.int64)
    np.add.at(counts, (theme, np.searchsorted(paragraphs, paragraph)), 1)  # one per themed sentence
    return pd.DataFrame(counts, index=pd.Index(column_values(model.themes, "theme_id"), name="theme_id"),
                        columns=pd.Index(paragraphs.tolist(), name="paragraph_id"))


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------


def _as_terms(terms: list[str]) -> list[str]:
    """The vectorizer's analyzer: a document is already its list of terms."""
    return terms


def _theme_vectorizer(docs: list[list[str]]) -> TfidfVectorizer:
    """The TF-IDF of themes: terms in two sentences or more (``min_df=2``), or every term when no
    term is in two sentences; sublinear tf, smooth IDF, rows of unit length."""
    df = Counter(t for d in docs for t in set(d))
    min_df = 2 if any(c >= 2 for c in df.values()) else 1
    return TfidfVectorizer(analyzer=_as_terms, lowercase=False, min_df=min_df, sublinear_tf=True)


def _nmf(X: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray, bool]:
    """``W``, ``H`` and whether it converged, from scikit-learn's ``NMF`` (see the module docstring).

    A tiny matrix can stop at the iteration limit: the result is still deterministic and usable, so
    the fact is returned (kept on the model as ``converged``) instead of shown as a warning.
    """
    nmf = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=NMF_MAX_ITER, tol=NMF_TOL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        W = nmf.fit_transform(X)
    return W, nmf.components_, nmf.n_iter_ < NMF_MAX_ITER


def _term_context(doc: Doc) -> tuple[set[str], dict[int, tuple[int, str, str]], TokenTable]:
    """What :func:`_terms` needs to know about the whole ``doc``.

    Returns the lower-case words of every PERSON entity (a surname the tagger missed in one
    sentence is still a person's name, not a topic) and, for multi-word entities of other types,
    ``{first token: (end token, "central asia", "Central Asia")}`` so that such a name is one term,
    not two words (the third item is the name as written), and the Doc's token table.
    """
    T = token_table(doc)
    person_words: set[str] = set()
    multi: dict[int, tuple[int, str, str]] = {}
    for ent in doc.ents:
        label, start, end = ent.label_, ent.start, ent.end
        if label == "PERSON":
            person_words.update(T.lower[i] for i in range(start, end) if T.is_alpha[i])
        elif label not in _NOT_THEME_ENTS:
            words = [i for i in range(start, end) if T.is_alpha[i] and not T.is_stop[i]]
            # Two or three words: a place or a body ("Central Asia"). Longer "entities" are mostly
            # title-case headlines the tagger took for a name; their words count one by one.
            if 1 < len(words) <= MAX_NAME_TERM_WORDS:
                multi[start] = (end, " ".join(T.lemma[i] for i in words), " ".join(T.text[i] for i in words))
    return person_words, multi, T


def _terms(doc: Doc, start: int, end: int, context: tuple[set[str], dict[int, tuple[int, str, str]], TokenTable],
           forms: dict[str, dict[str, int]] | None = None) -> list[str]:
    """Theme terms of ``doc.text[start:end]``: lemmas of content words (see module docstring).

    ``forms`` (optional), ``{term: {form as written: count}}``, is updated with each term's form.
    """
    person_words, multi, T = context
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    pos, is_alpha, is_stop, length, ent_type, lower, lemma = (T.pos, T.is_alpha, T.is_stop, T.length, T.ent_type,
                                                              T.lower, T.lemma)
    out = []
    i, stop = span.start, span.end
    while i < stop:
        if i in multi and multi[i][0] <= stop:
            i, term, written = multi[i]
            out.append(term)
            if forms is not None:
                counts = forms.setdefault(term, {})
                counts[written] = counts.get(written, 0) + 1
            continue
        t = i
        i += 1
        if (pos[t] in THEME_POS and is_alpha[t] and not is_stop[t] and length[t] > 1
                and ent_type[t] not in _NOT_THEME_ENTS and lower[t] not in person_words
                and lemma[t] not in _NOT_THEMES):
            term = lemma[t]
            out.append(term)
            if forms is not None:
                # a common word outside a name is lower-cased: "Talks" opening a sentence is "talks"
                written = T.text[t] if pos[t] == "PROPN" or ent_type[t] else lower[t]
                counts = forms.setdefault(term, {})
                counts[written] = counts.get(written, 0) + 1
    return out


def _most_frequent_form(forms: dict[str, int]) -> str:
    """The most frequent form; on a tie the lower-case one, then the first seen (as :func:`keyphrases`)."""
    if len(forms) == 1:  # most terms have one form
        return next(iter(forms))
    return max(forms.items(), key=lambda kv: (kv[1], kv[0] == kv[0].lower()))[0]


def _n_phrase(n: int, total: int) -> str:
    """How many prose sentences the rule for k counts, and how many have no theme."""
    if n == total:
        return f"{n} prose sentences (all with content words)"
    missing = total - n
    return f"{n} of {total} prose sentences ({missing} ha{'s' if missing == 1 else 've'} no content word)"


def _prose_spans(sentences) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each prose sentence, in order (``sentences``: the frame or its columns)."""
    return [(int(s), int(e)) for r, s, e in zip(*(column_values(sentences, c) for c in ("role", "start_char", "end_char")))
            if r in PROSE_ROLES]


def _sentence_index(doc: Doc, n_tokens: int, spans: list[tuple[int, int]]) -> list[int | None]:
    """Index (into ``spans``) of the prose sentence holding each token; None outside prose."""
    out: list[int | None] = [None] * n_tokens
    for n, (s, e) in enumerate(spans):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out[span.start:span.end] = [n] * len(span)
    return out


def _trim(T: TokenTable, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the noun chunk ``start:end`` without edge words, or None if no phrase is left."""
    pos, is_stop, text = T.pos, T.is_stop, T.text
    while start < end and (pos[start] in _EDGE_POS or is_stop[start] or not text[start].strip()):
        start += 1
    while start < end and (pos[end - 1] in _EDGE_POS or is_stop[end - 1] or not text[end - 1].strip()):
        end -= 1
    # A chunk that is only a possessive marker or a bracket left over is no phrase; nor is a date
    # or a number ("Monday", "2001") - it says when, not what.
    if start == end or True not in T.is_alpha[start:end]:
        return None
    if _DATE_NUMBER_ENTS.issuperset(T.ent_type[start:end]):
        return None
    return start, end


def _empty_model(sentences: pd.DataFrame, rule: str, surface: dict) -> ThemeModel:
    sent = sentences[["article_id", "sentence_id", "paragraph_id"]].copy()
    sent["theme_id"], sent["theme_weight"], sent["theme_label"] = NO_THEME_ID, 0.0, NO_THEME
    return ThemeModel(0, rule, pd.DataFrame(columns=THEME_COLUMNS), pd.DataFrame(columns=TERM_COLUMNS),
                      sent.reset_index(drop=True), [], surface, None, np.zeros((0, 0)))

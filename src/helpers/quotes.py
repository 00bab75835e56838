"""The quotes frame: one row per attributed statement of an article.

:func:`extract_quotes` takes a parsed ``Doc`` (and the paragraphs frame, for roles) and returns the
frame below; :func:`render_quotes_html` shows the quotes in the text, labelled with their speakers.

How it works, in three passes over the doc:

1. Quotation marks are paired by :mod:`helpers.quotemarks` (context-aware, never shifted by a stray
   mark; British single-quote style when a text has no double marks). Navigation and boilerplate
   paragraphs hold no quotes.
2. Every quotation is attributed through the dependency parse: from the quoted words up their head
   chain to the first speech cue outside any quotation (``"...," X said``, ``X said: "..."``, ``what
   he called "..."``, ``according to X, ... "..."``, ``X was quoted as saying``), or to a cue hanging
   on the quotation itself, or to a cue just before it that the parser left unlinked (``she said of
   him, "..."``). A thought verb on the way ("thinks", "thought") makes it no quote. A quotation with
   no cue of its own: a dash attribution (``"..." - Markov``, a pull quote); a headline colon
   (``Merkel: "..."``); a cue in a short sentence right after (``"..." / insists Burton.``) or in a
   sentence before that ends in a colon; else, when it stands alone as a sentence or paragraph, the
   person the sentence before introduces (``The mayor, Tom Lee, was blunt. / "..."``) or the last
   speaker of this or the previous paragraph (continuation). An unclosed quotation continued by the
   next paragraph's quotation is one quote. Quoted fragments with no cue (scare quotes) and titles
   ("One Hundred Years of Solitude") are no quotes.
3. Reported speech: every speech cue outside quotations with a clause complement (``X said (that)
   CLAUSE``, ``X called on Y to ...``, ``according to X, CLAUSE``, ``CLAUSE, X said``, ``..., he
   said, ...``) gives an ``indirect`` row, unless the clause is itself a direct quotation or reports
   another speaker's report (``X said ..., the paper reported``: only X's row). A clause ends where
   another speaker's cue starts.

Speakers come from :mod:`helpers.speakers` (subjects, inverted cues, passive agents; pronouns
resolved by salience and gender; "it"/"they" to the last organisation that spoke; definite
descriptions like "the clown" to the person just talked about and "the agency" to the organisation
named before; a spokesperson to the organisation) and are canonicalised by :mod:`helpers.entities`
("Scheffer" -> "Jaap de Hoop Scheffer").

Quotes frame (one row per statement, sorted by ``start_char``):

===============  ============================================================================
article_id       the article
quote_id         ``q001`` ... in text order
kind             ``direct`` (a quotation), ``partial`` (a quoted fragment inside a sentence of
                 the narrator), ``indirect`` (reported speech)
text             the quoted words without the marks; for indirect speech the reported clause
                 without a leading "that"
start_char       offset of ``text`` in ``doc.text``
end_char         end offset (exclusive)
sentence_ids     list of the sentence indexes the statement touches
paragraph_id     paragraph of ``start_char``
cue              the speech verb or phrase as written ("said", "told", "called on",
                 "according to"), None for continuations and dash attributions
cue_lemma        its lemma ("say", "call on", "according to")
speaker_mention  the words naming the speaker at this place ("he", "Scheffer")
speaker          canonical name ("Jaap de Hoop Scheffer"), or the noun phrase for speakers
                 that are not named entities ("Russian authorities"); None if unknown
speaker_id       ``entity_id`` in the entities frame, or None
speaker_type     PERSON, ORG, GPE or UNKNOWN
attribution      how the speaker was found: syntax, pronoun, description, continuation,
                 adjacent, dash, colon ('Merkel: "..."'), according-to, none
is_pull_quote    True for a display copy (pull quote) of a body quote, or a dash-attributed
                 quotation standing alone
n_words          number of words of ``text``
duplicate_of     for a pull quote, the ``quote_id`` of the body quote it repeats, else None
===============  ============================================================================
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

import pandas as pd
import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from helpers.cues import (
    CLAUSE_ONLY_LEMMAS, CUE_PARTICLES, FRAGMENT_LEMMAS, QUOTE_ONLY_LEMMAS, SPEECH_LEMMAS, THOUGHT_LEMMAS,
)
from helpers.entities import SILENT_ROLES, Resolution, build_frame, resolution_from
from helpers.quotemarks import find_quoted_spans
from helpers.speakers import (
    NO_SPEAKER, Salience, Speaker, cue_speaker_token, describe_speaker, is_speech_cue, speaker_from_name,
)

QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "text", "start_char", "end_char", "sentence_ids", "paragraph_id",
    "cue", "cue_lemma", "speaker_mention", "speaker", "speaker_id", "speaker_type", "attribution",
    "is_pull_quote", "n_words", "duplicate_of",
]
KINDS = ["direct", "partial", "indirect"]
SPEAKER_TYPES = ["PERSON", "ORG", "GPE", "UNKNOWN"]
ATTRIBUTIONS = ["syntax", "pronoun", "description", "continuation", "adjacent", "dash", "colon", "according-to",
                "none"]

_DASHES = "-–—"
_DASH_NAME = re.compile(r"^\s*[-–—]{1,2}\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*$")
_CUE_LEMMA_IDS = np.array(
    [get_string_id(w) for w in SPEECH_LEMMAS | FRAGMENT_LEMMAS | CLAUSE_ONLY_LEMMAS | QUOTE_ONLY_LEMMAS], dtype="uint64")
_ACCORDING_ID = get_string_id("according")
_REPORTING = SPEECH_LEMMAS | CLAUSE_ONLY_LEMMAS
_COLON_NAME = re.compile(r"(?:^|[.!?]\s+)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MAX_CHAIN = 12


def extract_quotes(doc: Doc, paragraphs: pd.DataFrame | None = None, article_id: str = "",
                   resolution: Resolution | None = None) -> pd.DataFrame:
    """The quotes frame of ``doc`` (columns in the module docstring). Never raises on any text.

    ``paragraphs`` is the article's paragraphs frame (roles); when None the text is split into body
    paragraphs (see :func:`helpers.entities.paragraph_spans`). ``resolution`` is a precomputed
    :func:`helpers.entities.resolution_from` of the same doc, so the pipeline resolves entities once.
    """
    if len(doc) == 0:
        return _frame([], article_id)
    res = getattr(resolution, "resolution", resolution)
    if not isinstance(res, Resolution) or res.doc is not doc:
        res = resolution_from(doc, paragraphs)
    if res.text.isspace():
        return _frame([], article_id)
    engine = _Engine(doc, res)
    rows = engine.run()
    return _frame(rows, article_id, doc, res, engine.text, engine.tok_starts)


def render_quotes_html(text: str, quotes: pd.DataFrame) -> str:
    """HTML of ``text`` with every quote highlighted and labelled with its speaker.

    Direct quotes are marked in blue, partial in green, indirect in grey; each mark carries the
    speaker as a label (like displaCy's entity view). Overlaps: the outer statement wins.
    """
    colours = {"direct": "#cfe3ff", "partial": "#d4f5d4", "indirect": "#ececec"}
    spans = []
    last_end = -1
    q = quotes.sort_values(["start_char", "end_char"], ascending=[True, False]) if len(quotes) else quotes
    for row in q.itertuples(index=False):
        if row.start_char < last_end:
            continue
        spans.append(row)
        last_end = row.end_char
    out = ['<div class="newslens-quotes" style="line-height:2.2;font-family:sans-serif">']
    pos = 0
    for row in spans:
        out.append(html.escape(text[pos:row.start_char]).replace("\n", "<br>"))
        label = html.escape("?" if pd.isna(row.speaker) else str(row.speaker))
        colour = colours.get(str(row.kind), "#eee")
        pull = " (pull quote)" if row.is_pull_quote else ""
        cue = "" if pd.isna(row.cue) else f", cue: {html.escape(str(row.cue))}"  # a dash attribution has no cue
        out.append(
            f'<mark style="background:{colour};padding:0.2em 0.35em;border-radius:0.3em" '
            f'title="{html.escape(str(row.kind))}{pull}{cue}">'
            f"{html.escape(text[row.start_char:row.end_char])}"
            f'<span style="font-size:0.75em;font-weight:bold;margin-left:0.4em;text-transform:uppercase">'
            f"{label}</span></mark>"
        )
        pos = row.end_char
    out.append(html.escape(text[pos:]).replace("\n", "<br>"))
    out.append("</div>")
    return "".join(out)


# --------------------------------------------------------------------------------------------


@dataclass
class _Row:
    kind: str
    start: int
    end: int
    speaker: Speaker
    cue: str | None
    cue_lemma: str | None
    pull: bool = False
    tokens: tuple = ()
    para: int = 0
    open_ended: bool = False
    standalone: bool = False
    dup_of: object = None


class _Engine:
    def __init__(self, doc, res):
        self.doc = doc
        self.res = res
        self.text = res.text or doc.text
        self.sents = list(doc.sents)
        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.roles = {pid: role for pid, _, _, role in res.paragraphs}
        self.para_range = {pid: (s, e) for pid, s, e, _ in res.paragraphs}
        # Pass 1: quotations. Salience needs to know which words are quoted, so pair marks first.
        paras = [(s, e) for pid, s, e, role in res.paragraphs if role not in SILENT_ROLES]
        self.spans = find_quoted_spans(self.text, paras)
        self.in_quote = [-1] * len(doc)  # quotation index per token, marks included
        self.qtoks = []
        quoted = set()
        for qi, sp in enumerate(self.spans):
            a, b = self._tokens_between(sp.open_char, min(sp.close_char + 1, len(self.text)))
            for i in range(a, b):
                self.in_quote[i] = qi
            a, b = self._tokens_between(sp.start_char, sp.end_char)
            self.qtoks.append((a, b))
            quoted.update(range(a, b))
        self.salience = Salience(doc, res, frozenset(quoted))

    def run(self):
        """All rows: attributed quotations, then reported speech, then pull quotes linked."""
        spans = self.spans
        # Speech cues outside quotations, found once: candidates by lemma from the token arrays.
        doc = self.doc
        arr = doc.to_array([LEMMA, LOWER])
        ids = np.flatnonzero(np.isin(arr[:, 0], _CUE_LEMMA_IDS) | (arr[:, 1] == _ACCORDING_ID)).tolist()
        self.cues = [doc[i] for i in ids if self.in_quote[i] < 0 and is_speech_cue(doc[i])
                     and self.roles.get(self.res.token_paragraph[i]) not in SILENT_ROLES]
        direct = []
        for qi, sp in enumerate(spans):
            row = self._attribute_quotation(qi, sp)
            if row is not None:
                direct.append(row)
        direct = self._continuations(direct)
        indirect = self._indirect(direct)
        rows = direct + indirect
        self._pull_quotes(rows)
        return rows

    def _tokens_between(self, start, end):
        a = bisect.bisect_left(self.tok_starts, start)
        if a > 0 and self.doc[a - 1].idx + len(self.doc[a - 1].text) > start:
            a -= 1
        b = bisect.bisect_left(self.tok_starts, end)
        return a, max(a, b)

    def _attribute_quotation(self, qi, sp):
        row = self._attribute(qi, sp)
        if row is not None and self.roles.get(row.para) == "pull_quote":
            row.pull = True  # a display copy, whatever attributes it
        return row

    def _attribute(self, qi, sp):
        a, b = self.qtoks[qi]
        if b <= a:
            return None
        para = self.res.token_paragraph[a]
        role = self.roles.get(para, "body")
        qtext = self.text[sp.start_char:sp.end_char]
        standalone = self._standalone(qi, sp)
        base = dict(start=sp.start_char, end=sp.end_char, tokens=(a, b), para=para,
                    open_ended=sp.open_ended, standalone=standalone)
        if not standalone and _looks_like_title(qtext):
            return None
        cue, verdict = self._find_cue(qi, a, b)
        if verdict == "thought":
            return None
        kind = "direct" if standalone or self._clause_like(qi, sp, a, b) else "partial"
        if cue is not None:
            spk = self._speaker_of_cue(cue)
            if spk is not NO_SPEAKER:
                return _Row(kind, speaker=spk, cue=_cue_text(cue), cue_lemma=_cue_lemma(cue), **base)
            if not standalone:
                return None
        if cue is None and kind == "direct" and not standalone:
            cue = self._preceding_cue(sp, a) or self._following_cue(sp, b)
            if cue is not None:
                spk = self._speaker_of_cue(cue)
                if spk is not NO_SPEAKER:
                    return _Row(kind, speaker=spk, cue=_cue_text(cue), cue_lemma=_cue_lemma(cue), **base)
        dash = self._dash_attribution(sp)
        if dash is not None:
            return _Row("direct", speaker=dash, cue=None, cue_lemma=None, pull=True, **base)
        colon = self._colon_attribution(sp)
        if colon is not None:
            return _Row("direct", speaker=colon, cue=None, cue_lemma=None, **base)
        if standalone or (kind == "direct" and sp.open_ended):
            adj = self._adjacent_cue(qi, sp, a, b)
            if adj == "thought":
                return None
            if adj is not None:
                spk = self._speaker_of_cue(adj)
                if spk is not NO_SPEAKER:
                    spk = _with_attribution(spk, "adjacent" if spk.attribution == "syntax" else spk.attribution)
                    return _Row("direct", speaker=spk, cue=_cue_text(adj), cue_lemma=_cue_lemma(adj), **base)
            return _Row("direct", speaker=NO_SPEAKER, cue=None, cue_lemma=None, pull=role == "pull_quote", **base)
        return None

    def _find_cue(self, qi, a, b):
        """The speech cue of quotation ``qi`` over tokens [a, b): up the head chain from the quoted
        words, then cues hanging on the quotation. Returns (token or None, verdict)."""
        doc = self.doc
        in_q = self.in_quote
        para = self.res.token_paragraph
        qpara = para[a]
        best = None
        best_dist = None
        for i in range(a, b):
            tok = doc[i]
            head = tok.head
            if a <= head.i < b or head is tok:
                continue
            steps = 0
            node = head
            while steps < _MAX_CHAIN and para[node.i] == qpara:
                if in_q[node.i] < 0 or in_q[node.i] != qi:
                    if in_q[node.i] < 0 and node.lemma_.lower() in THOUGHT_LEMMAS and node.pos_ == "VERB":
                        return None, "thought"
                    if in_q[node.i] < 0 and node.lemma_ == "quote":
                        # "X was quoted as saying": the cue is the participle under "as".
                        node = _quoted_as_saying(node) or node
                    if in_q[node.i] < 0 and is_speech_cue(node):
                        if best_dist is None or steps < best_dist:
                            best, best_dist = node, steps
                        break
                    acc = next((c for c in node.children if c.lower_ == "according" and in_q[c.i] < 0
                                and is_speech_cue(c)), None)
                    if acc is not None:
                        if best_dist is None or steps < best_dist:
                            best, best_dist = acc, steps
                        break
                if node.head is node:
                    break
                node = node.head
                steps += 1
        if best is not None:
            return self._prefer_named(best), "cue"
        # Cues hanging on the quoted words: '"...," he said' parsed with "said" as parataxis.
        for i in range(a, b):
            for c in doc[i].children:
                if in_q[c.i] < 0 and (c.dep_ in {"parataxis", "ccomp", "advcl", "conj", "prep"}):
                    if c.lemma_.lower() in THOUGHT_LEMMAS and c.pos_ == "VERB":
                        return None, "thought"
                    if is_speech_cue(c):
                        return c, "cue"
        return None, "none"

    def _speaker_of_cue(self, cue):
        """The speaker of a cue token, computed once per cue (several passes ask)."""
        cache = self.__dict__.setdefault("_speaker_cache", {})
        if cue.i not in cache:
            cache[cue.i] = self._find_speaker_of_cue(cue)
        return cache[cue.i]

    def _find_speaker_of_cue(self, cue):
        tok = cue_speaker_token(cue)
        if tok is None or (self.in_quote[tok.i] >= 0):
            return NO_SPEAKER
        spk = describe_speaker(tok, self.res, self.salience)
        if spk.name is None and tok.lower_ in {"it", "they"}:
            spk = self._group_antecedent(tok) or spk
        if cue.lower_ == "according" and spk.attribution == "syntax":
            spk = _with_attribution(spk, "according-to")
        return spk

    def _group_antecedent(self, tok):
        """For "It added" / "They said": the last organisation or group that spoke, in this or the
        previous paragraph ("The Interior Ministry said ... It added ...")."""
        if not hasattr(self, "_groups"):
            self._groups = []
            for t in self.cues:
                st = cue_speaker_token(t)
                if st is not None and st.pos_ != "PRON" and self.in_quote[st.i] < 0:
                    spk = describe_speaker(st, self.res, self.salience)
                    if spk.name is not None and spk.speaker_type != "PERSON":
                        plural = st.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in st.children)
                        self._groups.append((t.i, self.res.token_paragraph[t.i], spk, plural))
        para = self.res.token_paragraph[tok.i]
        want_plural = tok.lower_ == "they"
        best = None
        for i, p, spk, plural in self._groups:
            if i >= tok.i:
                break
            if para - p <= 1 and (plural == want_plural or (want_plural and spk.speaker_type == "ORG")):
                best = spk
        if best is None:
            return None
        return Speaker(tok.text, best.name, best.entity_id, best.speaker_type, "pronoun", best.entity)

    def _standalone(self, qi, sp):
        """True when the quotation is a sentence of its own: nothing but punctuation around it in
        the sentences it touches, or (whatever the sentence splitter made of it) it opens its
        paragraph or follows a full stop, starts with a capital and ends like a sentence."""
        a, b = self.qtoks[qi]
        doc = self.doc
        before = self.text[:sp.open_char].rstrip()
        para_start = self.para_range.get(self.res.token_paragraph[a], (0, 0))[0]
        opens = sp.open_char <= para_start or before[-1:] in {".", "?", "!", "…", '"', "”"}
        if (opens and self.text[sp.start_char].isupper() and self.text[sp.end_char - 1] in ".?!…"
                and not self.text[sp.close_char + 1:sp.close_char + 3].strip(" ")[:1].islower()):
            return True
        s0 = self.res.token_sentence[a]
        s1 = self.res.token_sentence[b - 1]
        start = self.sents[s0].start
        end = self.sents[s1].end
        for i in range(start, end):
            t = doc[i]
            if self.in_quote[i] == qi or t.is_punct or t.is_space:
                continue
            return False
        return True

    def _clause_like(self, qi, sp, a, b):
        """A full statement rather than a fragment: starts with a capital and has a verb, or
        follows a colon or a comma after the cue."""
        doc = self.doc
        first = self.text[sp.start_char]
        has_verb = any(doc[i].pos_ in {"VERB", "AUX"} for i in range(a, b))
        prev = self.text[:sp.open_char].rstrip()[-1:] if sp.open_char > 0 else ""
        if first.isupper() and has_verb:
            return True
        # '"Sorry," Silva said.' / 'She said: "Never."': a whole utterance without a verb.
        opens_sentence = all(doc[i].is_punct or doc[i].is_space
                             for i in range(self.sents[self.res.token_sentence[a]].start, a))
        return first.isupper() and (opens_sentence or prev == ":")

    def _dash_attribution(self, sp):
        para = self.res.token_paragraph[self._tokens_between(sp.open_char, sp.open_char + 1)[0]]
        pstart, pend = self.para_range.get(para, (0, len(self.text)))
        if sp.open_ended:
            return None
        tail = self.text[sp.close_char + 1:pend]
        m = _DASH_NAME.match(tail)
        if not m:
            return None
        s = sp.close_char + 1 + m.start(1)
        e = sp.close_char + 1 + m.end(1)
        a, b = self._tokens_between(s, e)
        return speaker_from_name(self.text[s:e], [self.doc[i] for i in range(a, b)], self.res)

    def _preceding_cue(self, sp, a):
        """'when she said of the late leader, "He was ..."': a cue earlier in the sentence, with only
        its own phrase and a comma or colon between it and the quotation (the parser did not link
        them). None when another verb stands between."""
        prev = self.text[:sp.open_char].rstrip()[-1:]
        if prev not in {",", ":"}:
            return None
        doc = self.doc
        sent_start = self.sents[self.res.token_sentence[a]].start
        for i in range(a - 1, sent_start - 1, -1):
            t = doc[i]
            if self.in_quote[i] >= 0 and i < a - 1:
                return None
            if t.pos_ in {"VERB", "AUX"}:
                return t if self.in_quote[i] < 0 and is_speech_cue(t) else None
        return None

    def _following_cue(self, sp, b):
        """'"Actually," the president-elect added, "..."': a cue right after the quotation (only
        its subject between) that the parser hung on the next quotation instead."""
        after = self.text[sp.close_char + 1:sp.close_char + 3].lstrip()
        if self.text[sp.end_char - 1] not in ",?!" and after[:1] != ",":
            return None
        doc = self.doc
        sent_end = self.sents[self.res.token_sentence[b - 1]].end
        for i in range(b, min(sent_end, b + 12)):
            if self.in_quote[i] >= 0 and not doc[i].is_punct:
                return None
            t = doc[i]
            if t.pos_ in {"VERB", "AUX"}:
                return t if self.in_quote[i] < 0 and is_speech_cue(t) else None
        return None

    def _colon_attribution(self, sp):
        """'Merkel: "We will manage"' (headline style): a bare name and a colon before the quote."""
        para = self.res.token_paragraph[self._tokens_between(sp.open_char, sp.open_char + 1)[0]]
        pstart, _ = self.para_range.get(para, (0, 0))
        head = self.text[pstart:sp.open_char]
        m = _COLON_NAME.search(head)
        if not m:
            return None
        s, e = pstart + m.start(1), pstart + m.end(1)
        a, b = self._tokens_between(s, e)
        toks = [self.doc[i] for i in range(a, b)]
        spk = speaker_from_name(self.text[s:e], toks, self.res)
        if spk.entity is None and not all(t.pos_ == "PROPN" for t in toks):
            return None  # "Review: "..."" is a rubric, not a speaker
        return _with_attribution(spk, "colon")

    def _adjacent_cue(self, qi, sp, a, b):
        """A cue in a short sentence right after ('"..." / insists Burton.', '"..." / Another
        annotator screamed.') or in the sentence right before when it ends in a colon. Returns the
        cue token, the string "thought" for a thought verb there, or None."""
        s1 = self.res.token_sentence[b - 1]
        para = self.res.token_paragraph[a]
        if s1 + 1 < len(self.sents):
            nxt = self.sents[s1 + 1]
            words = [t for t in nxt if not t.is_punct and not t.is_space]
            if (self.res.token_paragraph[nxt.start] == para and words and len(words) <= 10
                    and not any(self.in_quote[i] >= 0 for i in range(nxt.start, nxt.end))):
                for t in nxt:
                    if t.lemma_.lower() in THOUGHT_LEMMAS and t.pos_ == "VERB" and t.dep_ == "ROOT":
                        return "thought"
                    if is_speech_cue(t) and not any(c.dep_ in {"ccomp", "dobj"} and c.pos_ != "PROPN" for c in t.children):
                        return t
        s0 = self.res.token_sentence[a]
        if s0 > 0:
            prev = self.sents[s0 - 1]
            if self.res.token_paragraph[prev.start] == para and not any(self.in_quote[i] >= 0 for i in range(prev.start, prev.end)):
                last = next((t for t in reversed(prev) if not t.is_space), None)
                if last is not None and last.text == ":":
                    for t in prev:
                        if is_speech_cue(t):
                            return t
        return None

    def _prefer_named(self, cue):
        """Of a doubled attribution ('X said: "...", he said'), the cue that names its speaker."""
        tok = cue_speaker_token(cue)
        head = cue.head
        if (tok is not None and tok.pos_ == "PRON" and head is not cue and self.in_quote[head.i] < 0
                and is_speech_cue(head)):
            other = cue_speaker_token(head)
            if other is not None and other.pos_ != "PRON":
                return head
        return cue

    # -- continuation -----------------------------------------------------------------------
    def _continuations(self, rows):
        """Quotations without a speaker inherit the last speaker of this or the previous
        paragraph; an unclosed quotation continued by the next paragraph's joins it."""
        rows.sort(key=lambda r: r.start)
        events = self._speech_events(rows)
        out = []
        for r in rows:
            if r.speaker is NO_SPEAKER and not r.pull:
                prev = out[-1] if out else None
                if (prev is not None and prev.open_ended and r.para == prev.para + 1
                        and self.text[self.para_range[r.para][0]] in '"“„«'):
                    prev.end = r.end
                    prev.open_ended = r.open_ended
                    continue
                last = _last_event_before(events, r.start)
                introduced = self._introduced_person(r, last)
                if introduced is not None:
                    r.speaker = introduced
                elif last is not None and r.para - last[1] <= 1:
                    r.speaker = _with_attribution(last[2], "continuation")
                    r.cue, r.cue_lemma = last[3], last[4]
            out.append(r)
            if r.speaker is not NO_SPEAKER and not r.pull:
                events.append((r.start, r.para, r.speaker, r.cue, r.cue_lemma))
                events.sort(key=lambda e: e[0])
        return out

    def _introduced_person(self, r, last):
        """The person a quotation without a cue is introduced by: the subject of the sentence just
        before it ('The mayor, Tom Lee, disagreed. / "That is nonsense."'), when that sentence comes
        after the last speech event and names someone else. None otherwise."""
        a = r.tokens[0]
        s0 = self.res.token_sentence[a]
        if s0 == 0:
            return None
        prev = self.sents[s0 - 1]
        if self.res.token_paragraph[prev.start] < r.para - 1:
            return None
        if last is not None and last[0] >= self.doc[prev.start].idx:
            return None  # the speaker spoke in that very sentence: a plain continuation
        if any(self.in_quote[i] >= 0 for i in range(prev.start, prev.end)):
            return None
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return None
        ent = self.res.token_entity[subj.i] or self.salience.entity_for(subj)
        if ent is None:
            # "The mayor, Tom Lee, was blunt.": the name is in apposition to the subject.
            ent = next((self.res.token_entity[c.i] for c in subj.children
                        if c.dep_ == "appos" and self.res.token_entity[c.i] is not None), None)
        if ent is None or not ent.is_person:
            return None
        if last is not None and last[2].entity is ent:
            return None
        return Speaker(subj.text if subj.pos_ == "PRON" else ent.name, ent.name, ent.entity_id, "PERSON",
                       "adjacent", ent)

    def _speech_events(self, rows):
        """(char, paragraph, speaker) of every speech cue with a speaker, in text order."""
        events = []
        for tok in self.cues:
            spk = self._speaker_of_cue(tok)
            if spk is not NO_SPEAKER and spk.mention is not None:
                events.append((tok.idx, self.res.token_paragraph[tok.i], spk, _cue_text(tok), _cue_lemma(tok)))
        for r in rows:
            if r.speaker is not NO_SPEAKER and not r.pull:
                events.append((r.start, r.para, r.speaker, r.cue, r.cue_lemma))
        events.sort(key=lambda e: e[0])
        return events

    # -- pass 3: reported speech ----------------------------------------------------------------
    def _indirect(self, direct):
        doc = self.doc
        rows = []
        direct_ranges = [(r.start, r.end) for r in direct]
        for tok in self.cues:
            lemma = tok.lemma_.lower()
            span = None
            if tok.lower_ == "according":
                span = self._according_clause(tok)
            elif lemma in QUOTE_ONLY_LEMMAS:
                continue
            elif lemma not in FRAGMENT_LEMMAS or lemma == "call":
                span = self._reported_clause(tok)
            if span is None:
                continue
            start, end = span
            if end - start < 2:
                continue
            s_char = doc[start].idx
            e_char = doc[end - 1].idx + len(doc[end - 1].text)
            if self.in_quote[start] >= 0 or _mostly_quoted(s_char, e_char, direct_ranges):
                continue  # the reported clause is a direct quotation
            spk = self._speaker_of_cue(tok)
            if spk is NO_SPEAKER or spk.name is None and spk.attribution != "pronoun":
                continue
            rows.append(_Row("indirect", start=s_char, end=e_char, speaker=spk, cue=_cue_text(tok),
                             cue_lemma=_cue_lemma(tok), tokens=(start, end), para=self.res.token_paragraph[tok.i]))
        return rows

    def _reported_clause(self, verb):
        """Token range [start, end) of the clause reported by ``verb``, or None."""
        doc = self.doc
        vpara = self.res.token_paragraph[verb.i]
        comp = next((c for c in verb.children if c.dep_ == "ccomp"
                     and self.res.token_paragraph[c.left_edge.i] == vpara
                     and self.res.token_paragraph[c.right_edge.i] == vpara), None)
        lemma = verb.lemma_.lower()
        if comp is None and verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
            # "For example, he said, the disparity could be explained ...": the host clause.
            return self._host_clause(verb)
        if comp is None:
            # "called on Russia to help ...", "urged X to ...": object and infinitive.
            x = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if x is None or lemma in CLAUSE_ONLY_LEMMAS:
                return None
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < x.i), None)
            if obj is None:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in CUE_PARTICLES and c.i < x.i), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                return None
            start, end = obj.left_edge.i, x.right_edge.i + 1
        else:
            if comp.pos_ not in {"VERB", "AUX"}:
                return None
            subjects = {"nsubj", "nsubjpass", "csubj", "expl"}
            if not any(c.dep_ in subjects or any(g.dep_ in subjects for g in c.children)
                       for c in comp.children if c.i < comp.i):
                return None  # a clause has a subject ("the border was closed", however parsed)
            if _reports_speech(comp) and any(c.dep_ == "nsubj" for c in comp.children):
                return None  # "X said ..., RNS reported": the report of a report is X's statement
            start, end = comp.left_edge.i, comp.right_edge.i + 1
            for t in doc[comp.i + 1:end]:
                # "the offer is too low, while management insists ...": another speaker's cue
                # inside the clause ends it.
                if t.i != comp.i and self.in_quote[t.i] < 0 and _reports_speech(t) and (
                        any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
                        or t.dep_ in {"conj", "advcl"} and t.head.i == comp.i):
                    end = min(end, t.left_edge.i)
                    break
            if start > verb.i or end > verb.i + 1:
                # a clause after the cue, or around it ("whom he said has ..."): what follows it
                start = max(start, verb.i + 1)
        while start < end and (doc[start].dep_ == "mark" and doc[start].lower_ in {"that", "if", "whether"}
                               or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in '"”’' or doc[end - 1].is_space
                               or doc[end - 1].dep_ in {"cc", "mark", "preconj"}):
            end -= 1
        # A clause ending inside a quotation takes its closing mark along.
        qi = self.in_quote[end - 1] if end > start else -1
        if qi >= 0 and end < len(doc) and self.in_quote[end] == qi:
            close = self.spans[qi].close_char
            while end < len(doc) and self.in_quote[end] == qi and doc[end].idx <= close:
                end += 1
        # a clause before the cue ("..., she said"): drop the comma and quote marks at its end
        return (start, end) if end > start else None

    def _host_clause(self, tok):
        """The clause ``tok`` hangs in (", he said,"), trimmed of punctuation: [start, end) or
        None. Offsets are contiguous, so a cue in the middle stays inside the span."""
        return self._according_clause(tok, keep_middle=True)

    def _according_clause(self, tok, keep_middle=False):
        """The clause "according to X" qualifies, without the phrase. A phrase in the middle
        ("In July, according to officials, Merkel made clear ...") leaves the longer side."""
        doc = self.doc
        head = tok.head
        if head is tok:
            return None
        if _reports_speech(head) and any(c.dep_ == "nsubj" for c in head.children):
            return None  # "According to ITAR-TASS, X said ...": X's statement, reported once
        skip = set(range(tok.left_edge.i, tok.right_edge.i + 1))
        idx = [i for i in range(head.left_edge.i, head.right_edge.i + 1) if i not in skip]
        if not keep_middle and idx and idx[0] < tok.left_edge.i and idx[-1] > tok.right_edge.i:
            before = [i for i in idx if i < tok.left_edge.i]
            after = [i for i in idx if i > tok.right_edge.i]
            idx = after if len(after) >= len(before) else before
        while idx and (doc[idx[0]].is_punct or doc[idx[0]].is_space):
            idx.pop(0)
        while idx and (doc[idx[-1]].is_punct or doc[idx[-1]].is_space):
            idx.pop()
        if not idx:
            return None
        return idx[0], idx[-1] + 1

    # -- pull quotes ------------------------------------------------------------------------
    def _pull_quotes(self, rows):
        body = [r for r in rows if not r.pull and r.kind != "indirect"]
        words = {id(r): _words(self.text[r.start:r.end]) for r in rows}
        for r in rows:
            if not r.pull:
                # A quotation standing alone in its paragraph, with no cue of its own, that repeats a
                # quotation attributed elsewhere is a pull quote laid out as body text.
                weak = r.speaker is NO_SPEAKER or r.speaker.attribution in {"continuation", "adjacent"}
                if r.kind == "direct" and r.standalone and weak and r.cue is None or (
                        r.kind == "direct" and r.speaker is NO_SPEAKER):
                    others = [b for b in body if b is not r and not (b.standalone and b.cue is None)]
                    match = _best_overlap(words[id(r)], others, words, threshold=0.9)
                    if match is not None and len(words[id(r)]) >= 4:
                        r.pull = True
                        r.dup_of = match
                        r.speaker = _with_attribution(match.speaker, "continuation")
                continue
            match = _best_overlap(words[id(r)], body, words)
            if match is not None:
                r.dup_of = match
                if r.speaker is NO_SPEAKER or r.speaker.entity is None and match.speaker.entity is not None:
                    r.speaker = _with_attribution(match.speaker, r.speaker.attribution if r.speaker is not NO_SPEAKER else "continuation")


# --------------------------------------------------------------------------------------------


def _frame(rows, article_id, doc=None, res=None, full_text="", starts=()):
    rows = sorted(rows, key=lambda r: (r.start, r.end))
    ids = {id(r): f"q{n:03d}" for n, r in enumerate(rows, 1)}
    records = []
    for r in rows:
        s = r.speaker
        text = full_text[r.start:r.end]
        a = max(0, bisect.bisect_right(starts, r.start) - 1)
        b = max(a + 1, bisect.bisect_left(starts, r.end))
        sentences = sorted({res.token_sentence[i] for i in range(a, min(b, len(doc)))})
        records.append({
            "article_id": article_id,
            "quote_id": ids[id(r)],
            "kind": r.kind,
            "text": text,
            "start_char": r.start,
            "end_char": r.end,
            "sentence_ids": sentences,
            "paragraph_id": r.para,
            "cue": r.cue,
            "cue_lemma": r.cue_lemma,
            "speaker_mention": s.mention,
            "speaker": s.name,
            "speaker_id": s.entity_id,
            "speaker_type": s.speaker_type,
            "attribution": s.attribution,
            "is_pull_quote": bool(r.pull),
            "n_words": len(_WORD.findall(text)),
            "duplicate_of": ids.get(id(r.dup_of)) if r.dup_of is not None else None,
        })
    return build_frame(
        QUOTE_COLUMNS, [tuple(r[c] for c in QUOTE_COLUMNS) for r in records],
        ints=("start_char", "end_char", "paragraph_id", "n_words"), bools=("is_pull_quote",),
        categories={"kind": KINDS, "speaker_type": SPEAKER_TYPES, "attribution": ATTRIBUTIONS},
    )


def _with_attribution(spk, how):
    return Speaker(spk.mention, spk.name, spk.entity_id, spk.speaker_type, how, spk.entity)


def _cue_text(tok):
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return f"{tok.text} {nxt.text}" if nxt is not None else tok.text
    particle = next((c for c in tok.children if c.dep_ in {"prep", "prt"} and c.lower_ in CUE_PARTICLES
                     and c.i == tok.i + 1 and tok.lemma_.lower() in {"call", "point"}), None)
    return f"{tok.text} {particle.text}" if particle is not None else tok.text


def _cue_lemma(tok):
    if tok.lower_ == "according":
        return "according to"
    text = _cue_text(tok)
    lemma = tok.lemma_.lower()
    return f"{lemma} {text.split()[1].lower()}" if " " in text else lemma


def _reports_speech(tok):
    """A cue that reports a statement of its own ("said", "told"), not one that only attributes a
    quotation ("continued") or names something ("called")."""
    return tok.lemma_.lower() in _REPORTING and is_speech_cue(tok)


def _quoted_as_saying(tok):
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for c in prep.children:
                if c.dep_ == "pcomp" and is_speech_cue(c):
                    return c
    return None


def _looks_like_title(text):
    """Title Case without a verb-like ending ("One Hundred Years of Solitude", "AM Joy,")."""
    text = text.rstrip(",;: ")
    words = text.split()
    if len(words) < 2 or text[-1:] in ".?!,":
        return False
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "with", "from", "by"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content) and words[0][:1].isupper()


def _mostly_quoted(s, e, ranges):
    length = max(1, e - s)
    covered = sum(max(0, min(e, re_) - max(s, rs)) for rs, re_ in ranges)
    return covered / length > 0.9


def _last_event_before(events, pos):
    best = None
    for ev in events:
        if ev[0] < pos:
            best = ev
        else:
            break
    return best


def _words(text):
    return [w.lower() for w in _WORD.findall(text)]


def _best_overlap(ws, candidates, words, threshold=0.8):
    if not ws:
        return None
    best, best_score = None, 0.0
    wset = set(ws)
    for c in candidates:
        cw = set(words[id(c)])
        if not cw:
            continue
        inter = len(wset & cw)
        score = inter / len(wset)  # how much of the copy is in the body quote
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= threshold else None

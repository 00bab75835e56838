"""The quotes frame: one row per attributed statement of an article.

:func:`extract_quotes` takes a parsed ``Doc`` (and the paragraphs frame, for roles) and returns the
frame below; :func:`render_quotes_html` shows the quotes in the text, labelled with their speakers.

How it works, in three passes over the doc:

1. Quotation marks are paired by :mod:`helpers.extract.quotemarks` (context-aware, never shifted by a stray
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

Speakers come from :mod:`helpers.extract.speakers` (subjects, inverted cues, passive agents; pronouns
resolved by salience and gender; "it"/"they" to the last organisation that spoke; definite
descriptions like "the clown" to the person just talked about and "the agency" to the organisation
named before; a spokesperson to the organisation) and are canonicalised by :mod:`helpers.extract.entities`
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
co_speakers      the other speakers of a joint statement, in the order named (list of str,
                 empty for one speaker)
speaker_id       ``entity_id`` in the entities frame, or None
speaker_type     PERSON, ORG, GPE or UNKNOWN (the NER type of the speaker)
speaker_kind     person, organisation, group, publication or unnamed
attribution      how the speaker was found: syntax, pronoun, description, continuation,
                 adjacent, dash, colon ('Merkel: "..."'), according-to, none
needs_review     True where the speaker came from a weak strategy (a continuation, an
                 adjacent sentence, none found): worth a reader's look
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
from spacy.strings import get_string_id
from spacy.tokens import Doc

from helpers.extract.cues import (
    CLAUSE_ONLY_LEMMAS, CUE_PARTICLES, FRAGMENT_LEMMAS, QUOTE_ONLY_LEMMAS, SPEECH_LEMMAS, THOUGHT_LEMMAS,
)
from helpers.extract.entities import SILENT_ROLES, Resolution, resolution_from
from helpers.extract.quotemarks import find_quoted_spans
from helpers.ingest.tokens import count_words
from helpers.tables import build_frame
from helpers.extract.speakers import (
    NO_SPEAKER, DocParse, Salience, Speaker, cue_speaker_token, describe_speaker, is_speech_cue, speaker_from_name,
)

QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "text", "start_char", "end_char", "sentence_ids", "paragraph_id",
    "cue", "cue_lemma", "speaker_mention", "speaker", "co_speakers", "speaker_id", "speaker_type",
    "speaker_kind", "attribution", "needs_review", "is_pull_quote", "n_words", "duplicate_of",
]
KINDS = ["direct", "partial", "indirect"]
SPEAKER_TYPES = ["PERSON", "ORG", "GPE", "UNKNOWN"]
SPEAKER_KINDS = ["person", "organisation", "group", "publication", "unnamed"]
#: Attributions whose speaker is a guess worth a reader's look (``needs_review``).
WEAK_ATTRIBUTIONS = frozenset({"continuation", "adjacent", "none"})
ATTRIBUTIONS = ["syntax", "pronoun", "description", "continuation", "adjacent", "dash", "colon", "according-to",
                "none"]

_DASHES = "-–—"
_DASH_NAME = re.compile(r"^\s*[-–—]{1,2}\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*$")
_CUE_LEMMA_IDS = frozenset(
    get_string_id(w) for w in SPEECH_LEMMAS | FRAGMENT_LEMMAS | CLAUSE_ONLY_LEMMAS | QUOTE_ONLY_LEMMAS)
_REPORTING = SPEECH_LEMMAS | CLAUSE_ONLY_LEMMAS
_COLON_NAME = re.compile(r"(?:^|[.!?]\s+)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MAX_CHAIN = 12


def extract_quotes(doc: Doc, paragraphs: pd.DataFrame | None = None, article_id: str = "",
                   resolution: Resolution | None = None) -> pd.DataFrame:
    """The quotes frame of ``doc`` (columns in the module docstring). Never raises on any text.

    ``paragraphs`` is the article's paragraphs frame (roles); when None the text is split into body
    paragraphs (see :func:`helpers.extract.entities.paragraph_spans`). ``resolution`` is a precomputed
    :func:`helpers.extract.entities.resolution_from` of the same doc, so the pipeline resolves entities once.
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
    # The rules walk token indexes in a DocParse (plain lists, see helpers.extract.speakers): creating
    # spaCy Token objects in these loops cost more than the rules themselves.
    def __init__(self, doc, res):
        self.doc = doc
        self.res = res
        self.p = p = DocParse(doc)
        self.text = res.text or doc.text
        self.sents = p.sents  # (start, end, start_char, end_char)
        self.tok_starts = p.idx
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
        self.salience = Salience(p, res, frozenset(quoted))
        self._speaker_cache = {}

    def run(self):
        """All rows: attributed quotations, then reported speech, then pull quotes linked."""
        spans = self.spans
        p = self.p
        # Speech cues outside quotations (token indexes), found once: candidates by lemma.
        self.cues = [i for i, (lemma, low) in enumerate(zip(p.lemma_id, p.lower))
                     if (lemma in _CUE_LEMMA_IDS or low == "according") and self.in_quote[i] < 0
                     and is_speech_cue(p, i) and self.roles.get(self.res.token_paragraph[i]) not in SILENT_ROLES]
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
        if a > 0 and self.p.idx[a - 1] + len(self.p.text[a - 1]) > start:
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
        p = self.p
        if cue is not None:
            spk = self._speaker_of_cue(cue)
            if spk is not NO_SPEAKER:
                return _Row(kind, speaker=spk, cue=_cue_text(p, cue), cue_lemma=_cue_lemma(p, cue), **base)
            if not standalone:
                return None
        if cue is None and kind == "direct" and not standalone:
            cue = self._preceding_cue(sp, a)
            if cue is None:
                cue = self._following_cue(sp, b)
            if cue is not None:
                spk = self._speaker_of_cue(cue)
                if spk is not NO_SPEAKER:
                    return _Row(kind, speaker=spk, cue=_cue_text(p, cue), cue_lemma=_cue_lemma(p, cue), **base)
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
                    return _Row("direct", speaker=spk, cue=_cue_text(p, adj), cue_lemma=_cue_lemma(p, adj), **base)
            return _Row("direct", speaker=NO_SPEAKER, cue=None, cue_lemma=None, pull=role == "pull_quote", **base)
        return None

    def _find_cue(self, qi, a, b):
        """The speech cue of quotation ``qi`` over tokens [a, b): up the head chain from the quoted
        words, then cues hanging on the quotation. Returns (token index or None, verdict)."""
        p = self.p
        heads, lemma, pos, lower, children = p.head, p.lemma, p.pos, p.lower, p.children
        in_q = self.in_quote
        para = self.res.token_paragraph
        qpara = para[a]
        best = None
        best_dist = None
        for i in range(a, b):
            head = heads[i]
            if a <= head < b:
                continue
            steps = 0
            node = head
            while steps < _MAX_CHAIN and para[node] == qpara:
                if in_q[node] != qi:
                    if in_q[node] < 0 and lemma[node] in THOUGHT_LEMMAS and pos[node] == "VERB":
                        return None, "thought"
                    if in_q[node] < 0 and p.raw_lemma(node) == "quote":
                        # "X was quoted as saying": the cue is the participle under "as".
                        saying = _quoted_as_saying(p, node)
                        if saying is not None:
                            node = saying
                    if in_q[node] < 0 and is_speech_cue(p, node):
                        if best_dist is None or steps < best_dist:
                            best, best_dist = node, steps
                        break
                    acc = next((c for c in children[node] if lower[c] == "according" and in_q[c] < 0
                                and is_speech_cue(p, c)), None)
                    if acc is not None:
                        if best_dist is None or steps < best_dist:
                            best, best_dist = acc, steps
                        break
                if heads[node] == node:
                    break
                node = heads[node]
                steps += 1
        if best is not None:
            return self._prefer_named(best), "cue"
        # Cues hanging on the quoted words: '"...," he said' parsed with "said" as parataxis.
        for i in range(a, b):
            for c in children[i]:
                if in_q[c] < 0 and (p.dep[c] in {"parataxis", "ccomp", "advcl", "conj", "prep"}):
                    if lemma[c] in THOUGHT_LEMMAS and pos[c] == "VERB":
                        return None, "thought"
                    if is_speech_cue(p, c):
                        return c, "cue"
        return None, "none"

    def _speaker_of_cue(self, cue):
        """The speaker of a cue token, computed once per cue (several passes ask)."""
        spk = self._speaker_cache.get(cue)
        if spk is None:
            spk = self._speaker_cache[cue] = self._find_speaker_of_cue(cue)
        return spk

    def _find_speaker_of_cue(self, cue):
        tok = cue_speaker_token(self.p, cue)
        if tok is None or (self.in_quote[tok] >= 0):
            return NO_SPEAKER
        spk = describe_speaker(self.p, tok, self.res, self.salience)
        if spk.name is None and self.p.lower[tok] in {"it", "they"}:
            spk = self._group_antecedent(tok) or spk
        if self.p.lower[cue] == "according" and spk.attribution == "syntax":
            spk = _with_attribution(spk, "according-to")
        return spk

    def _group_antecedent(self, tok):
        """For "It added" / "They said": the last organisation or group that spoke, in this or the
        previous paragraph ("The Interior Ministry said ... It added ...")."""
        p = self.p
        if not hasattr(self, "_groups"):
            self._groups = []
            for t in self.cues:
                st = cue_speaker_token(p, t)
                if st is not None and p.pos[st] != "PRON" and self.in_quote[st] < 0:
                    spk = describe_speaker(self.p, st, self.res, self.salience)
                    if spk.name is not None and spk.speaker_type != "PERSON":
                        plural = p.tag[st] in {"NNS", "NNPS"} or any(p.dep[c] == "conj" for c in p.children[st])
                        self._groups.append((t, self.res.token_paragraph[t], spk, plural))
        para = self.res.token_paragraph[tok]
        want_plural = p.lower[tok] == "they"
        best = None
        for i, par, spk, plural in self._groups:
            if i >= tok:
                break
            if para - par <= 1 and (plural == want_plural or (want_plural and spk.speaker_type == "ORG")):
                best = spk
        if best is None:
            return None
        return Speaker(p.text[tok], best.name, best.entity_id, best.speaker_type, "pronoun", best.entity)

    def _standalone(self, qi, sp):
        """True when the quotation is a sentence of its own: nothing but punctuation around it in
        the sentences it touches, or (whatever the sentence splitter made of it) it opens its
        paragraph or follows a full stop, starts with a capital and ends like a sentence."""
        a, b = self.qtoks[qi]
        p = self.p
        para_start = self.para_range.get(self.res.token_paragraph[a], (0, 0))[0]
        opens = sp.open_char <= para_start or _char_before(self.text, sp.open_char) in {".", "?", "!", "…", '"', "”"}
        if (opens and self.text[sp.start_char].isupper() and self.text[sp.end_char - 1] in ".?!…"
                and not self.text[sp.close_char + 1:sp.close_char + 3].strip(" ")[:1].islower()):
            return True
        start = self.sents[self.res.token_sentence[a]][0]
        end = self.sents[self.res.token_sentence[b - 1]][1]
        return all(self.in_quote[i] == qi or p.is_punct[i] or p.is_space[i] for i in range(start, end))

    def _clause_like(self, qi, sp, a, b):
        """A full statement rather than a fragment: starts with a capital and has a verb, or
        follows a colon or a comma after the cue."""
        p = self.p
        first = self.text[sp.start_char]
        has_verb = any(p.pos[i] in {"VERB", "AUX"} for i in range(a, b))
        prev = _char_before(self.text, sp.open_char)
        if first.isupper() and has_verb:
            return True
        # '"Sorry," Silva said.' / 'She said: "Never."': a whole utterance without a verb.
        opens_sentence = all(p.is_punct[i] or p.is_space[i]
                             for i in range(self.sents[self.res.token_sentence[a]][0], a))
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
        return speaker_from_name(self.text[s:e], range(a, b), self.res)

    def _preceding_cue(self, sp, a):
        """'when she said of the late leader, "He was ..."': a cue earlier in the sentence, with only
        its own phrase and a comma or colon between it and the quotation (the parser did not link
        them). None when another verb stands between."""
        prev = _char_before(self.text, sp.open_char)
        if prev not in {",", ":"}:
            return None
        p = self.p
        sent_start = self.sents[self.res.token_sentence[a]][0]
        for i in range(a - 1, sent_start - 1, -1):
            if self.in_quote[i] >= 0 and i < a - 1:
                return None
            if p.pos[i] in {"VERB", "AUX"}:
                return i if self.in_quote[i] < 0 and is_speech_cue(p, i) else None
        return None

    def _following_cue(self, sp, b):
        """'"Actually," the president-elect added, "..."': a cue right after the quotation (only
        its subject between) that the parser hung on the next quotation instead."""
        after = self.text[sp.close_char + 1:sp.close_char + 3].lstrip()
        if self.text[sp.end_char - 1] not in ",?!" and after[:1] != ",":
            return None
        p = self.p
        sent_end = self.sents[self.res.token_sentence[b - 1]][1]
        for i in range(b, min(sent_end, b + 12)):
            if self.in_quote[i] >= 0 and not p.is_punct[i]:
                return None
            if p.pos[i] in {"VERB", "AUX"}:
                return i if self.in_quote[i] < 0 and is_speech_cue(p, i) else None
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
        spk = speaker_from_name(self.text[s:e], range(a, b), self.res)
        if spk.entity is None and not all(self.p.pos[i] == "PROPN" for i in range(a, b)):
            return None  # "Review: "..."" is a rubric, not a speaker
        return _with_attribution(spk, "colon")

    def _adjacent_cue(self, qi, sp, a, b):
        """A cue in a short sentence right after ('"..." / insists Burton.', '"..." / Another
        annotator screamed.') or in the sentence right before when it ends in a colon. Returns the
        cue token, the string "thought" for a thought verb there, or None."""
        p = self.p
        s1 = self.res.token_sentence[b - 1]
        para = self.res.token_paragraph[a]
        if s1 + 1 < len(self.sents):
            start, end = self.sents[s1 + 1][:2]
            words = [i for i in range(start, end) if not p.is_punct[i] and not p.is_space[i]]
            if (self.res.token_paragraph[start] == para and words and len(words) <= 10
                    and not any(self.in_quote[i] >= 0 for i in range(start, end))):
                for i in range(start, end):
                    if p.lemma[i] in THOUGHT_LEMMAS and p.pos[i] == "VERB" and p.dep[i] == "ROOT":
                        return "thought"
                    if is_speech_cue(p, i) and not any(p.dep[c] in {"ccomp", "dobj"} and p.pos[c] != "PROPN"
                                                       for c in p.children[i]):
                        return i
        s0 = self.res.token_sentence[a]
        if s0 > 0:
            start, end = self.sents[s0 - 1][:2]
            if self.res.token_paragraph[start] == para and not any(self.in_quote[i] >= 0 for i in range(start, end)):
                last = next((i for i in range(end - 1, start - 1, -1) if not p.is_space[i]), None)
                if last is not None and p.text[last] == ":":
                    for i in range(start, end):
                        if is_speech_cue(p, i):
                            return i
        return None

    def _prefer_named(self, cue):
        """Of a doubled attribution ('X said: "...", he said'), the cue that names its speaker."""
        p = self.p
        tok = cue_speaker_token(p, cue)
        head = p.head[cue]
        if (tok is not None and p.pos[tok] == "PRON" and head != cue and self.in_quote[head] < 0
                and is_speech_cue(p, head)):
            other = cue_speaker_token(p, head)
            if other is not None and p.pos[other] != "PRON":
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
        p = self.p
        a = r.tokens[0]
        s0 = self.res.token_sentence[a]
        if s0 == 0:
            return None
        start, end = self.sents[s0 - 1][:2]
        if self.res.token_paragraph[start] < r.para - 1:
            return None
        if last is not None and last[0] >= p.idx[start]:
            return None  # the speaker spoke in that very sentence: a plain continuation
        if any(self.in_quote[i] >= 0 for i in range(start, end)):
            return None
        root = self.doc[start:end].root.i
        subj = next((c for c in p.children[root] if p.dep[c] in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return None
        ent = self.res.token_entity[subj] or self.salience.entity_for(subj)
        if ent is None:
            # "The mayor, Tom Lee, was blunt.": the name is in apposition to the subject.
            ent = next((self.res.token_entity[c] for c in p.children[subj]
                        if p.dep[c] == "appos" and self.res.token_entity[c] is not None), None)
        if ent is None or not ent.is_person:
            return None
        if last is not None and last[2].entity is ent:
            return None
        return Speaker(p.text[subj] if p.pos[subj] == "PRON" else ent.name, ent.name, ent.entity_id, "PERSON",
                       "adjacent", ent)

    def _speech_events(self, rows):
        """(char, paragraph, speaker) of every speech cue with a speaker, in text order."""
        p = self.p
        events = []
        for tok in self.cues:
            spk = self._speaker_of_cue(tok)
            if spk is not NO_SPEAKER and spk.mention is not None:
                events.append((p.idx[tok], self.res.token_paragraph[tok], spk, _cue_text(p, tok), _cue_lemma(p, tok)))
        for r in rows:
            if r.speaker is not NO_SPEAKER and not r.pull:
                events.append((r.start, r.para, r.speaker, r.cue, r.cue_lemma))
        events.sort(key=lambda e: e[0])
        return events

    # -- pass 3: reported speech ----------------------------------------------------------------
    def _indirect(self, direct):
        p = self.p
        rows = []
        direct_ranges = [(r.start, r.end) for r in direct]
        for tok in self.cues:
            lemma = p.lemma[tok]
            span = None
            if p.lower[tok] == "according":
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
            s_char = p.idx[start]
            e_char = p.idx[end - 1] + len(p.text[end - 1])
            if self.in_quote[start] >= 0 or _mostly_quoted(s_char, e_char, direct_ranges):
                continue  # the reported clause is a direct quotation
            spk = self._speaker_of_cue(tok)
            if spk is NO_SPEAKER or spk.name is None and spk.attribution != "pronoun":
                continue
            rows.append(_Row("indirect", start=s_char, end=e_char, speaker=spk, cue=_cue_text(p, tok),
                             cue_lemma=_cue_lemma(p, tok), tokens=(start, end), para=self.res.token_paragraph[tok]))
        return rows

    def _reported_clause(self, verb):
        """Token range [start, end) of the clause reported by ``verb``, or None."""
        p = self.p
        dep, children = p.dep, p.children
        tpara = self.res.token_paragraph
        vpara = tpara[verb]
        comp = next((c for c in children[verb] if dep[c] == "ccomp"
                     and tpara[p.left_edge(c)] == vpara and tpara[p.right_edge(c)] == vpara), None)
        lemma = p.lemma[verb]
        if comp is None and dep[verb] == "parataxis" and p.pos[p.head[verb]] in {"VERB", "AUX"}:
            # "For example, he said, the disparity could be explained ...": the host clause.
            return self._host_clause(verb)
        if comp is None:
            # "called on Russia to help ...", "urged X to ...": object and infinitive.
            x = next((c for c in children[verb] if dep[c] == "xcomp"), None)
            if x is None or lemma in CLAUSE_ONLY_LEMMAS:
                return None
            obj = next((c for c in children[verb] if dep[c] in {"dobj", "dative"} and c < x), None)
            if obj is None:
                prep = next((c for c in children[verb] if dep[c] == "prep" and p.lower[c] in CUE_PARTICLES and c < x),
                            None)
                obj = next((c for c in children[prep] if dep[c] == "pobj"), None) if prep is not None else None
            if obj is None:
                return None
            start, end = p.left_edge(obj), p.right_edge(x) + 1
        else:
            if p.pos[comp] not in {"VERB", "AUX"}:
                return None
            subjects = {"nsubj", "nsubjpass", "csubj", "expl"}
            if not any(dep[c] in subjects or any(dep[g] in subjects for g in children[c])
                       for c in children[comp] if c < comp):
                return None  # a clause has a subject ("the border was closed", however parsed)
            if _reports_speech(p, comp) and any(dep[c] == "nsubj" for c in children[comp]):
                return None  # "X said ..., RNS reported": the report of a report is X's statement
            start, end = p.left_edge(comp), p.right_edge(comp) + 1
            for t in range(comp + 1, end):
                # "the offer is too low, while management insists ...": another speaker's cue
                # inside the clause ends it.
                if self.in_quote[t] < 0 and _reports_speech(p, t) and (
                        any(dep[c] in {"nsubj", "nsubjpass"} for c in children[t])
                        or dep[t] in {"conj", "advcl"} and p.head[t] == comp):
                    end = min(end, p.left_edge(t))
                    break
            if start > verb or end > verb + 1:
                # a clause after the cue, or around it ("whom he said has ..."): what follows it
                start = max(start, verb + 1)
        while start < end and (dep[start] == "mark" and p.lower[start] in {"that", "if", "whether"}
                               or p.is_punct[start] or p.is_space[start]):
            start += 1
        while end > start and (p.is_punct[end - 1] and p.text[end - 1] not in '"”’' or p.is_space[end - 1]
                               or dep[end - 1] in {"cc", "mark", "preconj"}):
            end -= 1
        # A clause ending inside a quotation takes its closing mark along.
        qi = self.in_quote[end - 1] if end > start else -1
        if qi >= 0 and end < p.n and self.in_quote[end] == qi:
            close = self.spans[qi].close_char
            while end < p.n and self.in_quote[end] == qi and p.idx[end] <= close:
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
        p = self.p
        head = p.head[tok]
        if head == tok:
            return None
        if _reports_speech(p, head) and any(p.dep[c] == "nsubj" for c in p.children[head]):
            return None  # "According to ITAR-TASS, X said ...": X's statement, reported once
        left, right = p.left_edge(tok), p.right_edge(tok)
        idx = [i for i in range(p.left_edge(head), p.right_edge(head) + 1) if not left <= i <= right]
        if not keep_middle and idx and idx[0] < left and idx[-1] > right:
            before = [i for i in idx if i < left]
            after = [i for i in idx if i > right]
            idx = after if len(after) >= len(before) else before
        while idx and (p.is_punct[idx[0]] or p.is_space[idx[0]]):
            idx.pop(0)
        while idx and (p.is_punct[idx[-1]] or p.is_space[idx[-1]]):
            idx.pop()
        if not idx:
            return None
        return idx[0], idx[-1] + 1

    # -- pull quotes ------------------------------------------------------------------------
    def _pull_quotes(self, rows):
        body = [r for r in rows if not r.pull and r.kind != "indirect"]
        words = {id(r): _words(self.text[r.start:r.end]) for r in rows}
        word_sets = {k: set(ws) for k, ws in words.items()}  # built once, compared many times
        for r in rows:
            if not r.pull:
                # A quotation standing alone in its paragraph, with no cue of its own, that repeats a
                # quotation attributed elsewhere is a pull quote laid out as body text.
                weak = r.speaker is NO_SPEAKER or r.speaker.attribution in {"continuation", "adjacent"}
                if r.kind == "direct" and r.standalone and weak and r.cue is None or (
                        r.kind == "direct" and r.speaker is NO_SPEAKER):
                    others = [b for b in body if b is not r and not (b.standalone and b.cue is None)]
                    match = _best_overlap(word_sets[id(r)], others, word_sets, threshold=0.9)
                    if match is not None and len(words[id(r)]) >= 4:
                        r.pull = True
                        r.dup_of = match
                        r.speaker = _with_attribution(match.speaker, "continuation")
                continue
            match = _best_overlap(word_sets[id(r)], body, word_sets)
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
        # token_sentence never decreases and steps by one: the sentences are a range
        sentences = list(range(res.token_sentence[a], res.token_sentence[min(b, len(doc)) - 1] + 1))
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
            "co_speakers": [],
            "speaker_id": s.entity_id,
            "speaker_type": s.speaker_type,
            "speaker_kind": _speaker_kind(s),
            "attribution": s.attribution,
            "needs_review": s.name is None or s.attribution in WEAK_ATTRIBUTIONS,
            "is_pull_quote": bool(r.pull),
            "n_words": count_words(text),
            "duplicate_of": ids.get(id(r.dup_of)) if r.dup_of is not None else None,
        })
    return build_frame(
        QUOTE_COLUMNS, [tuple(r[c] for c in QUOTE_COLUMNS) for r in records],
        ints=("start_char", "end_char", "paragraph_id", "n_words"), bools=("is_pull_quote", "needs_review"),
        categories={"kind": KINDS, "speaker_type": SPEAKER_TYPES, "speaker_kind": SPEAKER_KINDS,
                    "attribution": ATTRIBUTIONS},
    )


def _speaker_kind(s):
    if s.name is None:
        return "unnamed"
    if s.speaker_type == "PERSON":
        return "person"
    if s.speaker_type in {"ORG", "GPE"}:
        return "organisation"
    return "unnamed"


def _with_attribution(spk, how):
    return Speaker(spk.mention, spk.name, spk.entity_id, spk.speaker_type, how, spk.entity)


def _cue_text(p, i):
    if p.lower[i] == "according":
        return f"{p.text[i]} {p.text[i + 1]}" if i + 1 < p.n else p.text[i]
    particle = next((c for c in p.children[i] if p.dep[c] in {"prep", "prt"} and p.lower[c] in CUE_PARTICLES
                     and c == i + 1 and p.lemma[i] in {"call", "point"}), None)
    return f"{p.text[i]} {p.text[particle]}" if particle is not None else p.text[i]


def _cue_lemma(p, i):
    if p.lower[i] == "according":
        return "according to"
    text = _cue_text(p, i)
    lemma = p.lemma[i]
    return f"{lemma} {text.split()[1].lower()}" if " " in text else lemma


def _reports_speech(p, i):
    """A cue that reports a statement of its own ("said", "told"), not one that only attributes a
    quotation ("continued") or names something ("called")."""
    return p.lemma[i] in _REPORTING and is_speech_cue(p, i)


def _quoted_as_saying(p, i):
    for prep in p.children[i]:
        if p.dep[prep] == "prep" and p.lower[prep] == "as":
            for c in p.children[prep]:
                if p.dep[c] == "pcomp" and is_speech_cue(p, c):
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


def _char_before(text, pos):
    """The last non-space character before ``pos`` ("" if none): ``text[:pos].rstrip()[-1:]``
    without copying the text before it."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


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


def _best_overlap(wset, candidates, word_sets, threshold=0.8):
    if not wset:
        return None
    best, best_score = None, 0.0
    for c in candidates:
        cw = word_sets[id(c)]
        if not cw:
            continue
        inter = len(wset & cw)
        score = inter / len(wset)  # how much of the copy is in the body quote
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= threshold else None

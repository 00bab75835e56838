"""The quotes frame: one row per attributed statement of an article.

:func:`extract_quotes` takes a parsed ``Doc`` (and the paragraphs frame, for roles) and returns the
frame below; :func:`render_quotes_html` shows the quotes in the text, labelled with their speakers.

The engine is four passes over one typed record per statement (:class:`Candidate`), in this order:

1. :func:`find_spans` - the candidate statements. Quotations: quotation marks paired by
   :mod:`helpers.extract.quotemarks` (context-aware, never shifted by a stray mark; British single
   quotes when a text has no double marks; never across a paragraph break); navigation and
   boilerplate paragraphs and the headline hold none; quoted titles ("One Hundred Years of Solitude") are no quotes.
   A quotation is ``direct`` when it is a sentence of its own or a clause ("She said: "Never.""),
   else ``partial``. Reported clauses: every speech cue outside quotations with a clause complement
   (``X said (that) CLAUSE``, ``X called on Y to ...``, ``according to X, CLAUSE``, ``CLAUSE, X
   said``, ``..., he said, ...``; a court's finding, ``the court found CLAUSE``; a relative clause's
   reported verb, ``..., which X reported VERB ...``) gives an ``indirect`` candidate with that cue.
   A small clause (``declared X a "..."``, ``declared X to be Y``) is no report. A clause ends where
   another speaker's cue starts. Text without sentence punctuation (an article or a paragraph with
   fewer than one sentence mark per ``WORDS_PER_SENTENCE_MARK`` words) has no real sentences and
   reports no clause.
2. :func:`find_cues` - for every quotation, the attribution strategies of :data:`CUE_STRATEGIES`, in
   order, each a named function that proposes a cue (a speech verb) or a bare name: ``syntax`` (up
   the head chain of the quoted words to the first speech cue outside any quotation, or a cue
   hanging on the quotation), ``preceding`` (``she said of him, "..."``, unlinked by the parser; a
   cue and its own short phrase with no mark: ``noting on Twitter "..."``; the verb of the clause a
   colon ends: ``X summed it up: "..."``; or, as ``between``, a speech participle between two
   quotations, which goes on with the first one's speaker: ``"...," further remarking, "..."``),
   ``naming`` (a fragment right after a naming verb and its object, read off the words: ``called the
   sentence "unjust"``, ``referred to the vote as "..."``), ``following`` (``"...," the
   minister added, "..."``), ``dash`` (``"..." - Markov``, a pull quote), ``colon`` (``Merkel:
   "..."``), ``colon-sentence`` (the sentence before, in this paragraph or closing the one before,
   ends in a colon: ``The senator wrote: / "..."``), ``adjacent`` (a short cue sentence right
   after: ``"..." / insists Burton.``). A thought verb on the way ("thinks", "wondered") makes the
   quotation no statement.
3. :func:`resolve_speakers` - the speaker of each candidate: the first proposal, in strategy order,
   whose cue has a speaker (:mod:`helpers.extract.speakers` finds and resolves it). A quotation still
   without one, when it stands alone, takes one from its context by :data:`CONTEXT_STRATEGIES`:
   ``introduced`` (the person the sentence before introduces: ``The mayor, Tom Lee, was blunt. /
   "..."``), then ``continuation`` (the last speaker of this or the previous paragraph). A reported
   clause whose cue names nobody is dropped.
   An unclosed quotation continued by the next paragraph's quotation is the same statement: each
   paragraph's piece is a row of its own (a text never crosses a paragraph break) with the speaker
   of the first (``multi-paragraph``).
4. :func:`merge` - a reported clause that is itself a quotation (every word of it quoted: 'She said:
   "..."') is dropped, as the quotation reports it; one with words of its own around a quoted
   fragment ('She said the plan "failed"') stays, beside the fragment. Display copies of body
   quotes become pull quotes, linked to the body quote they repeat.

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
                 without a leading "that"; never across a paragraph break
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
attribution      how the speaker was found: syntax, pronoun, description, multi-paragraph
                 (a later paragraph of an unclosed quotation), continuation, adjacent, dash,
                 colon ('Merkel: "..."'), according-to, none
needs_review     True where the speaker came from a weak strategy (a continuation, an
                 adjacent sentence, a distant or ambiguous pronoun, a guess between
                 candidates, none found) or is unnamed ("officials said"): worth a reader's look
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
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
from spacy.tokens import Doc

from helpers.extract.cues import (
    APPEAL_LEMMAS, AS_FRAME_LEMMAS, CARRIER_EVENT_NOUNS, CLAUSE_ONLY_LEMMAS, CONJECTURE_NOUNS, CUE_PARTICLES, DATA_SOURCES,
    DATA_PRODUCT_NOUNS, STUDY_STATEMENT_LEMMAS, RULING_NOUNS, RULING_PARTICIPLES,
    FINDING_LEMMAS,
    FRAGMENT_LEMMAS, HEARER_LEMMAS, INSTITUTION_NOUNS, ISSUE_LEMMAS, JUDICIAL_NOUNS, MEDIA_NOUNS, MEDIUM_NOUNS, NON_SPEAKER_PRONOUNS,
    NAMING_NOUNS, OBJECT_FRAME_LEMMAS, SPEECH_NOUNS, REQUEST_LEMMAS, ORDER_LEMMAS, ORG_NOUNS, PERSONAL_REQUEST_LEMMAS, PARTITIVE_WORDS, QUESTION_LEMMAS, QUOTE_ONLY_LEMMAS,
    RESEARCH_NOUNS, RULING_LEMMAS, SPEECH_LEMMAS, TELLING_LEMMAS, TEXT_PLACE_LEMMAS, THOUGHT_LEMMAS, TITLING_WORDS, VOICE_CARRIERS, WORK_NOUNS,
)
from helpers.extract.entities import SILENT_ROLES, Resolution, is_people_noun, resolution_from
from helpers.extract.quotemarks import QuotedSpan, find_quoted_spans
from helpers.extract.speakers import (
    NO_SPEAKER, SPEAKER_KINDS, Attributor, Speaker, cue_speaker_token, is_speech_cue,
)
from helpers.ingest.article import TEXT_ROLES, too_few_sentence_marks
from helpers.ingest.tokens import TokenTable, count_words, token_table
from helpers.tables import build_frame

__all__ = [
    "ATTRIBUTIONS", "CONTEXT_STRATEGIES", "CUE_STRATEGIES", "Candidate", "KINDS", "OverlapIndex", "Proposal",
    "QUOTE_COLUMNS", "QuotedRanges", "SPEAKER_KINDS", "SPEAKER_TYPES", "Strategy", "WEAK_ATTRIBUTIONS", "extract_quotes", "find_cues",
    "find_spans", "merge", "render_quotes_html", "resolve_speakers",
]

QUOTE_COLUMNS = [
    "article_id", "quote_id", "kind", "text", "start_char", "end_char", "sentence_ids", "paragraph_id",
    "cue", "cue_lemma", "speaker_mention", "speaker", "co_speakers", "speaker_id", "speaker_type",
    "speaker_kind", "attribution", "needs_review", "is_pull_quote", "n_words", "duplicate_of",
]
KINDS = ["direct", "partial", "indirect"]
SPEAKER_TYPES = ["PERSON", "ORG", "GPE", "UNKNOWN"]
#: Attributions whose speaker is a guess worth a reader's look (``needs_review``).
WEAK_ATTRIBUTIONS = frozenset({"continuation", "adjacent", "none"})
ATTRIBUTIONS = ["syntax", "pronoun", "description", "multi-paragraph", "continuation", "adjacent", "dash", "colon",
                "according-to", "none"]

#: Steps up the head chain from a quoted word to its cue: a cue further up governs a larger
#: sentence the quotation is only a small part of. Fewer steps miss cues in long, nested sentences
#: ("X said in a statement on Monday that the rule, which ..., was "..."").
MAX_CUE_STEPS = 12
#: Words at most in a sentence right after a quotation for its cue to attribute the quotation
#: (``"..." / Another resident agreed.``): a longer sentence says something of its own.
MAX_ADJACENT_CUE_WORDS = 10
#: Tokens at most between a quotation's end and a following cue the parser hung elsewhere
#: (``"...," the minister added, "..."``): further away, the verb belongs to another clause.
MAX_FOLLOWING_CUE_TOKENS = 12

#: Words at most between a naming verb and the quoted fragment it names (``called [the council's
#: new plan for the harbour] "reckless"``): more is no object's phrase.
MAX_OBJECT_WORDS = 10

#: At most this many tokens in a quoted name that opens a reported clause ('"COVID-19" is to ...').
MAX_NAME_TOKENS = 4

#: At most this many words between a speech cue and a quotation it introduces without a comma or a
#: colon ('noting on Twitter "..."': the cue's own phrase).
MAX_GAP_WORDS = 4
#: Word overlap (share of the copy's words) for a pull quote to repeat a body quote; a quotation
#: standing alone without a cue must repeat one almost word for word (:data:`COPY_OVERLAP`).
PULL_OVERLAP = 0.8
COPY_OVERLAP = 0.9
#: Tokens at least in a reported clause: one word ("said so", "said yes") reports no statement worth a
#: row; more would lose short clauses ("it rained").
MIN_CLAUSE_TOKENS = 2
#: Words at least for an uncued quotation standing alone to be taken as a copy of a body quote;
#: shorter ones ("Yes.") repeat by chance.
MIN_COPY_WORDS = 4

_DASH_NAME = re.compile(r"^\s*[-–—]{1,2}\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*$")
_COLON_NAME = re.compile(r"(?:^|[.!?]\s+)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_DASHES = frozenset({"—", "–", "--"})
_WH_WORDS = frozenset({"which", "what", "who", "whom", "whose", "how", "why"})
_SENTENCE_END_IN_QUOTE = re.compile(r"(?:[.!?]|\[[.!?]\])[\"”]\s")
_EDITOR_CASE = re.compile(r"\[[^\W\d_]\]\w")
_CUE_LEMMAS = SPEECH_LEMMAS | FRAGMENT_LEMMAS | CLAUSE_ONLY_LEMMAS | QUOTE_ONLY_LEMMAS
_REPORTING = SPEECH_LEMMAS | CLAUSE_ONLY_LEMMAS
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# The core of a clause: its verb's subjects, objects and complements.
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "dobj", "dative", "attr", "acomp", "oprd", "ccomp",
                        "xcomp", "aux", "auxpass", "neg"})
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "with", "from", "by"})
#: Paragraph roles that hold no statement: navigation and boilerplate, and the headline (the
#: article's title line summarises the news in the desk's words; gold never annotates it).
_NO_STATEMENT_ROLES = SILENT_ROLES | {"headline"}


# -- the typed records ------------------------------------------------------------------------

#: A speech event, for quotations that take their speaker from the context: (character offset,
#: paragraph, speaker, cue token or None).
_Event = tuple[int, int, Speaker, int | None]


@dataclass(frozen=True)
class Proposal:
    """What one attribution strategy proposes for a quotation: a cue token (``cue``), or a bare
    name over the characters ``name`` (dash and colon attributions), or a thought verb that makes the
    quotation no statement (``thought``)."""

    strategy: str
    cue: int | None = None
    name: tuple[int, int] | None = None
    thought: bool = False


@dataclass
class Candidate:
    """One statement on its way through the passes (token indexes into the Doc, character offsets
    into its text).

    ``quote`` is the index of the quotation in the engine's quotation list (None for a reported
    clause); ``proposals`` are filled by :func:`find_cues`, ``speaker`` and ``cue`` by
    :func:`resolve_speakers`; ``dropped`` marks a candidate that is no statement after all.
    """

    kind: str
    start: int
    end: int
    tokens: tuple[int, int]
    para: int
    quote: int | None = None
    open_ended: bool = False
    standalone: bool = False
    pull: bool = False
    cue: int | None = None
    strategy: str | None = None
    proposals: list[Proposal] = field(default_factory=list)
    speaker: Speaker = NO_SPEAKER
    dup_of: Candidate | None = None
    dropped: bool = False


@dataclass(frozen=True)
class Strategy:
    """A named attribution strategy: ``find(ctx, candidate)`` returns a :class:`Proposal` or None."""

    name: str
    find: Callable[[_Context, Candidate], Proposal | None]
    applies: Callable[[Candidate], bool]


# -- entry points -----------------------------------------------------------------------------


def extract_quotes(doc: Doc, paragraphs: pd.DataFrame | None = None, article_id: str = "",
                   resolution: Resolution | None = None) -> pd.DataFrame:
    """The quotes frame of ``doc`` (columns in the module docstring). Never raises on any text.

    ``paragraphs`` is the article's paragraphs frame (roles); when None the text is split into body
    paragraphs (see :func:`helpers.extract.entities.paragraph_spans`). ``resolution`` is a precomputed
    :func:`helpers.extract.entities.resolution_from` of the same doc, so the pipeline resolves entities once.
    """
    if len(doc) == 0:
        return _frame([], article_id)
    res = resolution
    if not isinstance(res, Resolution) or res.doc is not doc:
        res = resolution_from(doc, paragraphs)
    if res.text.isspace():
        return _frame([], article_id)
    ctx = _Context(doc, res)
    candidates = find_spans(ctx)
    find_cues(ctx, candidates)
    resolve_speakers(ctx, candidates)
    rows = merge(ctx, candidates)
    return _frame(rows, article_id, ctx)


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


# -- what every pass reads ------------------------------------------------------------------------


class _Context:
    """The parse of one article as the passes read it: token lists, paragraphs and roles, the
    quotations and which token lies in which, the speech cues outside quotations, pronoun salience.
    The rules walk token indexes in the Doc's :class:`~helpers.ingest.tokens.TokenTable` (plain lists):
    creating spaCy Token objects in these loops cost more than the rules themselves."""

    def __init__(self, doc: Doc, res: Resolution) -> None:
        self.doc = doc
        self.res = res
        self.p = p = token_table(doc)
        self.text: str = res.text or doc.text
        self.sents: list[tuple[int, int, int, int]] = p.sents  # (start, end, start_char, end_char)
        self.tok_starts: list[int] = p.idx
        self.roles: dict[int, str] = {pid: role for pid, _, _, role in res.paragraphs}
        self.para_range: dict[int, tuple[int, int]] = {pid: (s, e) for pid, s, e, _ in res.paragraphs}
        paras = [(s, e) for pid, s, e, role in res.paragraphs if role not in _NO_STATEMENT_ROLES]
        self.spans: list[QuotedSpan] = find_quoted_spans(self.text, paras)
        self.in_quote: list[int] = [-1] * len(doc)  # quotation index per token, marks included
        self.qtoks: list[tuple[int, int]] = []
        quoted: set[int] = set()
        for qi, sp in enumerate(self.spans):
            a, b = self.tokens_between(sp.open_char, min(sp.close_char + 1, len(self.text)))
            for i in range(a, b):
                self.in_quote[i] = qi
            a, b = self.tokens_between(sp.start_char, sp.end_char)
            self.qtoks.append((a, b))
            quoted.update(range(a, b))
        # Speech cues outside quotations (token indexes), found once: candidates by lemma.
        self.cues: list[int] = [
            i for i, (lemma, low) in enumerate(zip(p.lemma, p.lower))
            if (lemma in _CUE_LEMMAS or low == "according") and self.in_quote[i] < 0
            and is_speech_cue(p, i) and self.roles.get(res.token_paragraph[i]) not in _NO_STATEMENT_ROLES]
        # A court's ruling ("the court found that ...", "the judges held ..."): a report of what it
        # ruled, by a verb that is no speech cue for anyone else.
        self.rulings: frozenset[int] = frozenset(
            i for i, lemma in enumerate(p.lemma)
            if lemma in RULING_LEMMAS and self.in_quote[i] < 0 and _rules_as_court(p, i)
            and self.roles.get(res.token_paragraph[i]) not in _NO_STATEMENT_ROLES)
        # "..., which Politico reported left experts disappointed": cue -> (its subject, the predicate)
        self.relative_reports: dict[int, tuple[int, int]] = {
            cue: (subj, pred) for cue, subj, pred in _relative_reports(self)
            if self.roles.get(res.token_paragraph[cue]) not in _NO_STATEMENT_ROLES}
        # "issued a statement that ...", "made an announcement on Twitter that ...": the verb that makes the
        # statement its subject's -> the statement's own clause
        self.noun_reports: dict[int, tuple[int, int]] = {
            cue: span for cue, span in _statement_clauses(self)
            if self.roles.get(res.token_paragraph[cue]) not in _NO_STATEMENT_ROLES}
        self.cues = sorted(set(self.cues) | self.rulings | set(self.relative_reports) | set(self.noun_reports))
        self.cue_set: frozenset[int] = frozenset(self.cues)
        # Text without sentence punctuation (one long line of words, as a scraper may leave it) has no
        # real sentences: the parser's sentences are guesses, and a "reported clause" found in them
        # runs on through whatever follows. Such an article, or such a paragraph, reports no clause
        # (the rule of helpers.ingest.article's warning: fewer than one sentence mark per
        # WORDS_PER_SENTENCE_MARK words).
        prose = [(pid, self.text[s:e]) for pid, s, e, role in res.paragraphs if role in TEXT_ROLES]
        if too_few_sentence_marks(" ".join(t for _, t in prose)) is not None:
            self.unpunctuated: frozenset[int] = frozenset(pid for pid, _ in prose)
        else:
            self.unpunctuated = frozenset(pid for pid, t in prose if too_few_sentence_marks(t) is not None)
        # Who said it (helpers.extract.speakers): it needs to know which words are quoted, as a name
        # inside a quotation is no mention.
        self.speakers = Attributor(p, res, frozenset(quoted), self.cues)
        self.salience = self.speakers.salience
        self._speakers: dict[int, Speaker] = {}

    def tokens_between(self, start: int, end: int) -> tuple[int, int]:
        """Token range [a, b) covering the characters [start, end)."""
        a = bisect.bisect_left(self.tok_starts, start)
        if a > 0 and self.p.idx[a - 1] + len(self.p.text[a - 1]) > start:
            a -= 1
        b = bisect.bisect_left(self.tok_starts, end)
        return a, max(a, b)

    def paragraph_of_char(self, char: int) -> int:
        return self.res.token_paragraph[self.tokens_between(char, char + 1)[0]]

    # The calls into helpers.extract.speakers, in one place.
    def speaker_of_cue(self, cue: int) -> Speaker:
        """The speaker of a cue token (computed once per cue: several passes ask); no speaker
        when the cue's subject names none (see :meth:`_names_no_speaker`)."""
        spk = self._speakers.get(cue)
        if spk is None:
            own = _misread_cue_subject(self.p, cue)
            if own is None:
                own = _misread_participle_subject(self.p, cue)
            if cue in self.relative_reports:
                own = self.relative_reports[cue][0]
            tok = own if own is not None else cue_speaker_token(self.p, cue, self.speakers.quoted)
            if tok is None:
                own = tok = self._name_before_inverted_cue(cue)
            if tok is None:
                own = tok = self._name_opening_clause(cue)
            if tok is None:
                own = tok = self._subject_in_fronted_phrase(cue)
            inverted = _inverted_after_clause(self, cue)
            if inverted is not None:
                own = tok = inverted
            if tok is not None and self._news_reports(tok, cue):
                spk = self._news_reports(tok, cue)
            elif tok is not None and self._statements_of_a_kind(tok):
                p = self.p
                words = [i for i in range(p.left_edge(tok), tok + 1) if p.dep[i] != "det"]
                mention = self.text[p.idx[words[0]]:p.idx[tok] + len(p.text[tok])]
                spk = Speaker(mention, mention.lower(), None, "UNKNOWN", "syntax", kind="unnamed")
            elif tok is not None and self._names_no_speaker(tok):
                spk = self._study_people(tok, own, cue)
            elif own is not None:
                spk = self.speakers.describe(own)
            else:
                spk = self.speakers.speaker_of_cue(cue)
                if spk is NO_SPEAKER or spk.name is None:
                    spk = self._carrier_speaker(cue) or spk
            if (spk is NO_SPEAKER or spk.name is None) and tok is not None:
                spk = self._partitive_speaker(tok) or spk
            self._speakers[cue] = spk
        return spk

    def _study_people(self, tok: int, own: int | None, cue: int) -> Speaker:
        """'The data were, the study says, ...', 'says the study': one study (a singular research noun
        of :data:`~helpers.extract.cues.RESEARCH_NOUNS` among the data sources) speaks for the people
        the article names as its authors, when :mod:`helpers.extract.speakers` finds them; with
        nobody named it stays data, no speaker (NO_SPEAKER)."""
        p = self.p
        if p.tag[tok] != "NN" or p.lemma[tok] not in RESEARCH_NOUNS:
            return NO_SPEAKER  # "the reports by X", "studies show": a body of data, no one's statement
        spk = self.speakers.describe(own) if own is not None else self.speakers.speaker_of_cue(cue)
        if spk is not NO_SPEAKER and spk.entity is not None:
            return spk
        if p.lemma[cue] in STUDY_STATEMENT_LEMMAS and p.dep[tok] == "nsubj" and p.head[tok] == cue and any(
                p.dep[c] == "ccomp" and (p.tag[c] in _FINITE or any(p.tag[a] in _FINITE | {"MD"} for a in p.children[c]))
                for c in p.children[cue]):
            # "One study in the journal noted authorities seized ...": a study that states a finite clause
            # (not one that suggests, shows or finds: data; not a figure: 'noted over 370 "horns" seized')
            # speaks as an unnamed source when the article names no author
            words = [i for i in range(p.left_edge(tok), tok + 1) if p.dep[i] != "det"]
            mention = self.text[p.idx[words[0]]:p.idx[tok] + len(p.text[tok])]
            return Speaker(mention, mention.lower(), None, "UNKNOWN", "syntax", kind="unnamed")
        return NO_SPEAKER

    def _news_reports(self, tok: int, cue: int) -> Speaker | None:
        """'according to (local media) reports, ...', 'according to the reports': news reports nobody is named
        for, but of a kind of source or ones the article spoke of, are an unnamed source of a statement
        (not data, which speaks for no one): an unnamed speaker labelled with the phrase ("local media
        reports"). Bare reports and reports with adjectives only ("reports said", "according to initial
        reports") are a hedge: no speaker, no statement. Only for "according to" and "say"; reports
        that "indicate" or "suggest" infer, and reports by or of someone ("the reports by the
        institute") are data, as :meth:`_names_no_speaker` says. None otherwise."""
        p = self.p
        if p.lower[tok] != "reports" or p.tag[tok] != "NNS" or self.res.token_entity[tok] is not None:
            return None
        citing = next((c for c in p.children[tok] if p.dep[c] == "acl" and p.lemma[c] == "cite" and c > tok), None)
        if citing is not None and p.dep[tok] in {"nsubj", "pobj"} and any(
                p.dep[o] == "dobj" and (p.lemma[o] == "source" or is_people_noun(p.lemma[o])) and self.res.token_entity[o] is None
                for o in p.children[citing]):
            # "Reports citing sources within the party have indicated ...": a report of unnamed sources'
            # words, nested in reports nobody is named for: an unnamed source (the dev10 convention)
            mention = self.text[p.idx[tok]:p.idx[p.right_edge(citing)] + len(p.text[p.right_edge(citing)])]
            return Speaker(mention, mention.lower(), None, "UNKNOWN", "syntax", kind="unnamed")
        if not (p.lower[cue] == "according" and p.head[p.head[tok]] == cue or p.lemma[cue] == "say" and p.head[tok] == cue):
            return None  # (not another cue's subject the parse reached through "according to reports")
        words = list(range(p.left_edge(tok), tok + 1))
        owner = next((c for c in p.children[tok] if p.dep[c] in {"compound", "poss"} and c < tok
                      and self.res.token_entity[c] is not None and p.pos[c] == "PROPN"), None)
        if owner is not None and not any(p.dep[c] == "prep" for c in p.children[tok]):
            # "according to Reuters reports", "the BBC's reports said": the outlet's own report
            spk = self.speakers.describe(owner)
            return spk if spk is not NO_SPEAKER and spk.name is not None else None
        if any(p.dep[c] in {"prep", "poss", "acl", "relcl"} for c in p.children[tok]) \
                or any(p.pos[i] == "PROPN" or (p.ent_type[i] or self.res.token_entity[i] is not None)
                       and p.pos[i] != "NOUN" for i in words):
            return None  # "the reports by the institute", "Reuters reports": someone's (a common noun
            # NER took for a name, "Media reports say", is still no one's)
        definite = any(p.dep[i] == "det" and p.lower[i] == "the" for i in words)
        while words and p.dep[words[0]] == "det":
            words.pop(0)
        if not words:
            return None
        if not definite and not any(p.pos[i] in {"NOUN", "PROPN"} for i in words[:-1]):
            return None  # "reports said", "according to initial / local / varying reports": a hedge that
            # names no kind of source (unlike "eyewitness reports", "media reports") and no reports the
            # article spoke of ("the reports"): no one's statement
        mention = self.text[p.idx[words[0]]:p.idx[tok] + len(p.text[tok])]
        return Speaker(mention, mention.lower(), None, "UNKNOWN", "syntax", kind="unnamed")

    def _partitive_speaker(self, tok: int) -> Speaker | None:
        """'One of the residents said', 'Some of the protesters said': a part of an unnamed group
        speaks as that group (an unnamed speaker, never one of the article's named people or bodies:
        'Members of the Senate' is no statement of the Senate). None when ``tok`` is no such part."""
        p = self.p
        if not (p.lower[tok] in PARTITIVE_WORDS or p.tag[tok] == "CD" or p.lower[tok] == "others"):
            return None
        of = next((c for c in p.children[tok] if p.dep[c] == "prep" and p.lower[c] == "of"), None)
        if of is None and p.lower[tok] in {"some", "others", "many", "several", "most"} and p.dep[tok] == "nsubj" \
                and p.pos[tok] in {"PRON", "DET", "NOUN", "ADJ"} and not p.children[tok]:
            # "while some say flight grew up from the ground": an unnamed voice
            return Speaker(p.text[tok], p.lower[tok], None, "UNKNOWN", "syntax", kind="unnamed")
        group = next((c for c in p.children[of] if p.dep[c] == "pobj"), None) if of is not None else None
        if group is None or p.pos[group] != "NOUN" or p.tag[group] != "NNS" or self.res.token_entity[group] is not None:
            return None
        if any(p.dep[c] == "poss" or p.pos[c] == "PROPN" for c in p.children[group]):
            return None  # "one of Lee's aides": whose aides is the speakers' business
        # the group itself, unnamed (not whom a description like "the protesters" may stand for)
        mention = self.text[p.idx[p.left_edge(group)]:p.idx[group] + len(p.text[group])]
        return Speaker(mention, p.text[group].lower(), None, "UNKNOWN", "syntax", kind="group")

    def _name_before_inverted_cue(self, cue: int) -> int | None:
        """'"...", Caloundra coach Geoff Ingram said.': the speaker of a cue right after a quotation
        and its comma when the parser broke the subject phrase up (a title word read as a verb) and
        left the cue no subject: the name that ends the words between comma and cue, when it is an
        entity of the article. None otherwise."""
        p = self.p
        j = cue - 1
        if j < 0 or p.pos[j] != "PROPN" or self.res.token_entity[j] is None or self.in_quote[j] >= 0:
            return None
        k = j
        while k >= 0 and self.in_quote[k] < 0 and not p.is_punct[k] and not p.is_space[k] and cue - k <= MAX_ADJACENT_CUE_WORDS:
            k -= 1
        if k < 1 or p.text[k] != "," or self.in_quote[k - 1] < 0:
            return None
        return j

    def _name_opening_clause(self, cue: int) -> int | None:
        """'Trump called the sentence "unjust."', 'Trump lauded Cain as a "..."': a cue the parser
        read as a modifier (of the name before it, or of its object), with no subject of its own,
        right after a name that opens the sentence or a clause after a comma or semicolon: that name
        is its subject. None otherwise."""
        p = self.p
        j = cue - 1
        if p.dep[cue] not in {"acl", "amod"} or j < 0 or self.in_quote[j] >= 0 \
                or not (p.pos[j] == "PROPN" or self.res.token_entity[j] is not None and p.text[j][:1].isupper()) \
                or any(p.dep[c] in _SUBJECTS or p.dep[c] in {"auxpass", "agent"} for c in p.children[cue]):
            return None
        k = j
        while k >= 0 and (p.pos[k] == "PROPN" or k == j) and self.in_quote[k] < 0 and j - k < MAX_NAME_TOKENS:
            k -= 1
        sent_start = self.sents[self.res.token_sentence[cue]][0]
        return j if k < sent_start or p.text[k] in {",", ";"} and self.in_quote[k] < 0 else None

    def _subject_in_fronted_phrase(self, cue: int) -> int | None:
        """'On Friday Ford Motor Company announced ...', 'Speaking to the agency, the head of the league, Jamel
        Msallem, said, "..."': the subject of a finite cue that the parser folded into the phrase fronted
        before it (the object of "On Friday", an apposition inside "Speaking to ..."), leaving the cue
        none: the name (an entity of the article) that ends that phrase right before the cue, or before
        the comma that closes its apposition. None otherwise."""
        p = self.p
        if p.tag[cue] not in _FINITE or any(p.dep[c] in _SUBJECTS or p.dep[c] == "nsubjpass" for c in p.children[cue]):
            return None
        j = cue - 1
        comma = j >= 0 and p.text[j] == ","
        if comma:
            j -= 1
        fronted = [c for c in p.children[cue] if c < cue and p.dep[c] in {"prep", "advcl", "npadvmod"}]
        if comma:
            # 'On Twitter, Adrian Wojnarowski, US sport columnist from ESPN, said ...': the name before an
            # apposition that names a role (a people noun), itself folded into the fronted phrase
            k = j
            while k > 0 and p.text[k] != "," and self.in_quote[k] < 0 and cue - k <= MAX_NAME_TOKENS * 3:
                k -= 1
            n = k - 1
            if p.text[k] == "," and n >= 0 and p.pos[n] == "PROPN" and self.res.token_entity[n] is not None \
                    and self.res.token_entity[n].is_person and self.in_quote[n] < 0 \
                    and any(p.pos[i] == "NOUN" and is_people_noun(p.lemma[i]) for i in range(k + 1, j + 1)) \
                    and p.dep[n] in {"appos", "conj", "pobj"} and any(_descends_from(p, n, c) for c in fronted) \
                    and not (p.pos[j] == "PROPN" and self.res.token_entity[j] is not None and p.dep[j] == "appos"):
                return n
        if j < 0 or p.pos[j] != "PROPN" or self.res.token_entity[j] is None or self.in_quote[j] >= 0:
            return None
        head = j
        while p.dep[head] in {"compound", "flat"} and p.head[head] > head:
            head = p.head[head]
        if head != j or (p.dep[j] != "appos" if comma else p.dep[j] not in {"pobj", "appos"}):
            return None
        return j if any(_descends_from(p, j, c) for c in fronted) else None

    def _carrier_speaker(self, cue: int) -> Speaker | None:
        """The speaker of a cue that describes a document or an event ("a story alleging ...", "held a
        press conference claiming ...", "signed a letter saying ..."): whom the noun names ("a
        Gazette story": the Gazette), else the subject of the verb that made it theirs (who held the
        conference, signed the letter: :data:`~helpers.extract.cues.ISSUE_LEMMAS`). None when
        neither names anyone."""
        p = self.p
        noun = p.head[cue]
        if p.dep[cue] != "acl" or noun == cue:
            return None
        if p.tag[cue] == "VBD":
            return self._stranded_speaker(cue)
        if p.lemma[noun] not in VOICE_CARRIERS | CARRIER_EVENT_NOUNS:
            return None
        for tok in [noun] + [c for c in p.children[noun] if p.dep[c] in {"compound", "poss"} and c < noun]:
            # "a Gazette story alleging": the name in front of the noun
            if tok == noun or self.res.token_entity[tok] is not None:
                spk = self.speakers.describe(tok)
                if spk is not NO_SPEAKER and spk.entity is not None:
                    return spk  # a named speaker, not the noun's own label ("banner")
        host = p.head[noun]
        if p.dep[noun] != "dobj" or p.lemma[host] not in ISSUE_LEMMAS:
            return None  # "criticised a report alleging": the critic did not allege
        subj = next((c for c in p.children[host] if p.dep[c] == "nsubj" and self.in_quote[c] < 0), None)
        if subj is None or self._names_no_speaker(subj):
            return None
        spk = self.speakers.describe(subj)
        return spk if spk is not NO_SPEAKER and spk.name is not None else None

    def _stranded_speaker(self, cue: int) -> Speaker | None:
        """The speaker of a finite cue the parser hung on a noun ("X, speaking to the think tank,
        called the plan ...": "called" a modifier of "tank"): a past tense is no modifier, so the
        cue belongs to the clause above; its speaker is that clause's subject. None if it has none."""
        p = self.p
        node = p.head[cue]
        for _ in range(MAX_CUE_STEPS):
            if p.pos[node] in {"VERB", "AUX"}:
                subj = next((c for c in p.children[node] if p.dep[c] == "nsubj" and self.in_quote[c] < 0), None)
                if subj is None or self._names_no_speaker(subj):
                    return None
                spk = self.speakers.describe(subj)
                return spk if spk is not NO_SPEAKER and spk.name is not None else None
            if p.head[node] == node:
                return None
            node = p.head[node]
        return None

    def _names_no_speaker(self, tok: int) -> bool:
        """A subject that makes a cue no statement: a demonstrative or "you" ("this implies ...",
        "you said ..."), or data, whoever published it ("polls indicate", "according to data from
        the agency", "a poll by the paper found"): data is a source, not a speaker."""
        p = self.p
        if p.pos[tok] == "PRON":
            return p.lower[tok] in NON_SPEAKER_PRONOUNS
        # not "the US Geological Survey": a name is no data
        if p.lower[tok] in DATA_SOURCES and not p.ent_type[tok] and self.res.token_entity[tok] is None:
            return True
        if p.lower[tok] in DATA_PRODUCT_NOUNS:
            return True  # "the Canadian Public Health Infobase": a data product, named or not
        return self._authorless_documents(tok)

    def _authorless_documents(self, tok: int) -> bool:
        """'according to earlier event plans', 'according to court documents': documents in the plural
        that name no author (no owner, no name among their words, no "by"/"from"/"of" phrase, no one
        beside them: "witness accounts and authorities") are a source, not a speaker; 'according to
        the council's plans' speaks for the council."""
        p = self.p
        to = p.head[tok]
        if p.tag[tok] != "NNS" or p.lemma[tok] not in VOICE_CARRIERS or p.lower[to] != "to" or p.lower[p.head[to]] != "according":
            return False
        if self._statements_of_a_kind(tok):
            return False  # "according to official statements", "according to witness accounts": words whose
            # speakers are named by kind (an unnamed voice); "court documents", "official figures" stay records
        for i in range(p.left_edge(tok), p.right_edge(tok) + 1):
            if p.dep[i] in {"poss", "conj"} or p.pos[i] == "PROPN" or self.res.token_entity[i] is not None \
                    or p.dep[i] == "prep" and p.head[i] == tok and p.lower[i] in {"by", "from", "of"}:
                return False
        return True

    def _statements_of_a_kind(self, tok: int) -> bool:
        """'official statements', 'police statements', 'witness accounts': words in the plural (a noun of
        :data:`~helpers.extract.cues.SPEECH_NOUNS`) whose speakers are named only by their kind (the
        adjective "official", a people or body noun before it), with no name, owner or phrase of its own."""
        p = self.p
        if p.tag[tok] != "NNS" or p.lemma[tok] not in SPEECH_NOUNS or self.res.token_entity[tok] is not None:
            return False
        kids = p.children[tok]
        if any(p.dep[c] in {"poss", "prep", "acl", "relcl", "conj"} or p.pos[c] == "PROPN" for c in kids):
            return False
        return any(p.dep[c] in {"amod", "compound"} and c < tok and (
            p.lower[c] == "official" or p.pos[c] == "NOUN" and (is_people_noun(p.lemma[c]) or p.lemma[c] in ORG_NOUNS))
            for c in kids)

    def speaker_of_name(self, start: int, end: int) -> Speaker:
        """The speaker a bare name over the characters [start, end) names (dash, colon)."""
        a, b = self.tokens_between(start, end)
        return self.speakers.speaker_of_name(self.text[start:end], range(a, b))


# -- pass 1: candidate spans ----------------------------------------------------------------------


def find_spans(ctx: _Context) -> list[Candidate]:
    """Every candidate statement: the quotations (direct or partial), then the reported clauses of
    the speech cues outside quotations (indirect, their cue set)."""
    out = []
    for qi, sp in enumerate(ctx.spans):
        cand = _quotation(ctx, qi, sp)
        if cand is not None:
            out.append(cand)
    for cue in ctx.cues:
        cand = _reported(ctx, cue)
        if cand is not None:
            out.append(cand)
    return out


def _quotation(ctx: _Context, qi: int, sp: QuotedSpan) -> Candidate | None:
    a, b = ctx.qtoks[qi]
    if b <= a:
        return None
    standalone = _standalone(ctx, qi, sp)
    if not standalone and (_looks_like_title(ctx.text[sp.start_char:sp.end_char]) and not _named_as(ctx, qi)
                           or _names_a_work(ctx, qi) and not _holds_sentences(ctx, a, b)):
        return None  # (a title holds no two sentences: 'said on the programme "It is a loss. So ..."')
    para = ctx.res.token_paragraph[a]
    kind = "direct" if (standalone or _clause_like(ctx, sp, a, b) or _resumes_quotation(ctx, qi)
                        or _introduced_utterance(ctx, qi, sp) or _holds_sentences(ctx, a, b)) else "partial"
    return Candidate(kind, sp.start_char, sp.end_char, (a, b), para, quote=qi, open_ended=sp.open_ended,
                     standalone=standalone, pull=ctx.roles.get(para) == "pull_quote")


def _names_a_work(ctx: _Context, qi: int) -> bool:
    """A quotation right after a noun for a work or a case ('the case "A vs. B Limited"', 'her song
    "..."') or a participle that introduces a name ('a report titled "..."'): a title, not a
    statement. Not what a naming verb calls its object ('called the case "a travesty"'), nor a
    quotation whose verb has the noun for its subject ('the report "has all the marks of ..."')."""
    p = ctx.p
    i = ctx.qtoks[qi][0] - 1
    while i >= 0 and (ctx.in_quote[i] == qi or p.is_space[i]):
        i -= 1
    if i < 0 or ctx.in_quote[i] >= 0:
        return False
    if p.lower[i] in TITLING_WORDS and p.tag[i] == "VBN" and p.dep[i] == "acl":
        return True
    if p.pos[i] != "NOUN" or p.lemma[i] not in WORK_NOUNS | NAMING_NOUNS:
        return False
    head = p.head[i]
    if ctx.in_quote[head] == qi and p.pos[head] in {"VERB", "AUX"}:
        return False  # 'the report "has all the marks of ..."': the quotation says something of it
    if p.dep[i] in {"dobj", "dative"} and p.lemma[head] in HEARER_LEMMAS:
        return False  # 'told the paper "We are ready."': the hearer of what is quoted, not its title
    return not (p.dep[i] in {"dobj", "nsubjpass"} and (p.lemma[head] in FRAGMENT_LEMMAS or p.lemma[head] in AS_FRAME_LEMMAS
                                                        or p.lemma[head] in OBJECT_FRAME_LEMMAS))


def _standalone(ctx: _Context, qi: int, sp: QuotedSpan) -> bool:
    """True when the quotation is a sentence of its own: nothing but punctuation around it in the
    sentences it touches, or (whatever the sentence splitter made of it) it opens its paragraph or
    follows a full stop, starts with a capital and ends like a sentence."""
    a, b = ctx.qtoks[qi]
    p, text = ctx.p, ctx.text
    para_start = ctx.para_range.get(ctx.res.token_paragraph[a], (0, 0))[0]
    opens = sp.open_char <= para_start or _char_before(text, sp.open_char) in {".", "?", "!", "…", '"', "”"}
    if (opens and text[sp.start_char].isupper() and text[sp.end_char - 1] in ".?!…"
            and not text[sp.close_char + 1:sp.close_char + 3].strip(" ")[:1].islower()):
        return True
    start = ctx.sents[ctx.res.token_sentence[a]][0]
    end = ctx.sents[ctx.res.token_sentence[b - 1]][1]
    return all(ctx.in_quote[i] == qi or p.is_punct[i] or p.is_space[i] for i in range(start, end))


def _clause_like(ctx: _Context, sp: QuotedSpan, a: int, b: int) -> bool:
    """A full statement rather than a fragment: starts with a capital and has a verb, or opens its
    sentence, or follows a colon."""
    p = ctx.p
    # "[T]he House is ...", "... and we will": an editor's bracket or ellipsis before the first letter;
    # "[h]is venture began ...": a bracketed first letter is the editor's change of its case, so the
    # quoted words open a sentence of the speaker's, whatever case the editor gave them.
    lead = ctx.text[sp.start_char:min(sp.end_char, sp.start_char + 4)]
    head = lead.lstrip("[.…")
    if not (head[:1].isupper() or _EDITOR_CASE.match(lead)):
        # 'issued a statement ...: "imposition of X would fail ..."': a clause after a colon that runs
        # to the end of its sentence is a whole utterance, whatever the case of its first letter
        return (_char_before(ctx.text, sp.open_char) == ":" and _ends_sentence(ctx, sp)
                and any(p.pos[i] in {"VERB", "AUX"} for i in range(a, b)))
    if any(p.pos[i] in {"VERB", "AUX"} for i in range(a, b)):
        return True
    # '"Sorry," Silva said.' / 'She said: "Never."': a whole utterance without a verb.
    opens_sentence = all(p.is_punct[i] or p.is_space[i] for i in range(ctx.sents[ctx.res.token_sentence[a]][0], a))
    return opens_sentence or _char_before(ctx.text, sp.open_char) == ":"


def _holds_sentences(ctx: _Context, a: int, b: int) -> bool:
    """'Part of the ruling reads "the rule could apply. Courts no longer require it."': quoted words
    [a, b) that end one sentence and begin another (a sentence break after a full stop, a capital
    next, a verb on each side) are the speaker's utterance, not a fragment of the narrator's
    sentence, whatever the case of the first letter and whatever introduces them."""
    p, sent = ctx.p, ctx.res.token_sentence
    for k in range(a + 1, b):
        if sent[k] != sent[k - 1] and p.text[k][:1].isupper() and any(
                p.text[j] in {".", "!", "?"} for j in range(max(a, k - 2), k)):
            return (any(p.pos[i] in {"VERB", "AUX"} for i in range(a, k))
                    and any(p.pos[i] in {"VERB", "AUX"} for i in range(k, b)))
    return False


def _introduced_utterance(ctx: _Context, qi: int, sp: QuotedSpan) -> bool:
    """'She wrote, "a single rule could ... as well."': a quotation that a speech cue introduces with
    a comma or a colon (only the cue's own phrase between: 'read, in part, "..."') and that runs to
    the end of its sentence is the speaker's whole utterance, direct whatever its first letter. A
    naming verb's object ('called it, "reckless".') stays a fragment."""
    text, p = ctx.text, ctx.p
    if not _ends_sentence(ctx, sp):
        return False
    a = ctx.qtoks[qi][0]
    if _char_before(text, sp.open_char) not in {",", ":"}:
        # 'The statement read "imposition of X violates ..."', 'The mayor said "we will rebuild ..."':
        # no mark, the cue right before the quotation, a clause with a verb to the sentence's end
        k = a - 1
        while k >= 0 and ctx.in_quote[k] == qi:
            k -= 1
        b = ctx.qtoks[qi][1]
        return (k >= 0 and ctx.in_quote[k] < 0 and (k in ctx.cue_set or is_speech_cue(p, k)) and p.lemma[k] not in FRAGMENT_LEMMAS
                and p.lemma[k] not in AS_FRAME_LEMMAS | OBJECT_FRAME_LEMMAS
                and any(p.tag[i] in _FINITE or p.tag[i] == "MD" for i in range(a, b)))
    sent_start = ctx.sents[ctx.res.token_sentence[a]][0]
    for i in range(a - 1, sent_start - 1, -1):
        if ctx.in_quote[i] >= 0 and ctx.in_quote[i] != qi:
            return False
        if p.pos[i] in {"VERB", "AUX"} and ctx.in_quote[i] < 0:
            return i in ctx.cue_set and p.lemma[i] not in FRAGMENT_LEMMAS
    return False


def _ends_sentence(ctx: _Context, sp: QuotedSpan) -> bool:
    """Whether nothing but the sentence's end follows the quotation: its paragraph ends, or a full
    stop follows the closing mark, or the quoted words end like a sentence and a new one begins."""
    if sp.open_ended:
        return True
    text = ctx.text
    pend = ctx.para_range.get(ctx.paragraph_of_char(sp.open_char), (0, len(text)))[1]
    rest = text[sp.close_char + 1:pend].lstrip()
    if not rest or rest[0] in ".!?…":
        return True
    return text[sp.start_char:sp.end_char].rstrip()[-1:] in {".", "!", "?", "…"} and (rest[0].isupper() or rest[0] in '"“')


def _resumes_quotation(ctx: _Context, qi: int) -> bool:
    """The second half of a quotation split by its cue ('"I was late," she said, "and sorry."'):
    the quotation before ends in a comma, and between the two stand only a cue and its phrase,
    ending in a comma. It goes on with the same statement, so it is direct however it starts."""
    if qi == 0:
        return False
    prev, sp = ctx.spans[qi - 1], ctx.spans[qi]
    if prev.open_ended or ctx.text[prev.end_char - 1] not in ",;" or _char_before(ctx.text, sp.open_char) != ",":
        return False
    a, b = ctx.tokens_between(prev.close_char + 1, sp.open_char)
    if b - a > MAX_FOLLOWING_CUE_TOKENS or ctx.res.token_paragraph[a] != ctx.res.token_paragraph[ctx.qtoks[qi][0]]:
        return False
    return any(i in ctx.cue_set for i in range(a, b))


def _reported(ctx: _Context, cue: int) -> Candidate | None:
    """The reported clause of the cue token ``cue`` as an indirect candidate, or None."""
    p = ctx.p
    lemma = p.lemma[cue]
    if ctx.res.token_paragraph[cue] in ctx.unpunctuated:
        return None  # no real sentence to report from (see _Context)
    if _charged_with_saying(p, cue):
        return None
    paren = _parenthetical_clause(ctx, cue) if p.lower[cue] != "according" else None
    if paren is None and p.lower[cue] != "according":
        paren = _clause_around_comma_cue(ctx, cue)
    if paren is not None:
        span = paren
    elif p.lower[cue] == "according":
        span = None if _no_source(ctx, cue) else _according_clause(ctx, cue)
    elif lemma in QUOTE_ONLY_LEMMAS or lemma in FINDING_LEMMAS or lemma in QUESTION_LEMMAS or lemma in ORDER_LEMMAS or (
            lemma in FRAGMENT_LEMMAS and lemma != "call"):
        return None  # attributes a quotation, reports no clause ("asked why ...": a question)
    elif cue in ctx.noun_reports:
        span = ctx.noun_reports[cue]
    else:
        span = _reported_clause(ctx, cue)
        if span is None:
            span = _thatless_clause(ctx, cue)
    if span is None and cue in ctx.relative_reports:
        pred = ctx.relative_reports[cue][1]
        span = _trim_clause(ctx, pred, min(ctx.sents[ctx.res.token_sentence[pred]][1], _end_before_second_verb(p, pred)))
    if span is None:
        return None
    if lemma in REQUEST_LEMMAS and _subjunctive(p, *span):
        return None  # "requested the butterflies be protected": what must happen, no statement (as an order)
    start, end = _across_dash_aside(ctx, *span)
    end = _into_quoted_predicate(ctx, start, end)
    end = _with_coordinated_that_clauses(ctx, start, end)
    end = _before_gloss(ctx, start, end)
    end = _before_medium(ctx, start, end)
    if p.lower[start] in {"which", "who", "whom", "whose"} and start > 0 and p.text[start - 1] in _DASHES:
        return None  # 'commented on it — which the BBC noted as unusual — "..."': a gloss on the cue, no report
    if p.lower[start] in _WH_WORDS and p.lower[cue] != "according" and start > cue:
        return None  # 'noting which birds make it back', 'explained how it works': a question or a
        # description of something, not a statement of the speaker's
    # A parse whose sentences cross paragraph breaks (a Doc not made by helpers.ingest.parse) must
    # not carry a clause into another paragraph: it ends with the cue's paragraph.
    para = ctx.res.token_paragraph
    while start < end and para[start] != para[cue]:
        start += 1
    while end > start and para[end - 1] != para[cue]:
        end -= 1
    while end > start and (p.is_space[end - 1] or p.is_punct[end - 1] and p.text[end - 1] not in '"”’'):
        if p.text[end - 1] == ")" and _opens_bracket(p, start, end - 1):
            break
        end -= 1
    if end - start < MIN_CLAUSE_TOKENS:
        return None
    if ctx.in_quote[start] >= 0:
        # the quotation is the report, or the clause runs out of it ('"...", coach X said'); only a
        # quoted name opening the clause ('"COVID-19" is to replace ...') is part of it, marks and all
        qi = ctx.in_quote[start]
        a, b = ctx.qtoks[qi]
        if ctx.spans[qi].close_char >= p.idx[end - 1] or b - a > MAX_NAME_TOKENS or start > a:
            return None
        start = ctx.tokens_between(ctx.spans[qi].open_char, ctx.spans[qi].open_char + 1)[0]
    s_char = p.idx[start]
    e_char = p.idx[end - 1] + len(p.text[end - 1])
    return Candidate("indirect", s_char, e_char, (start, end), ctx.res.token_paragraph[cue], cue=cue,
                     strategy="syntax")


def _subjunctive(p: TokenTable, start: int, end: int) -> bool:
    """Whether the clause [start, end) is a subjunctive ("the flags be lowered", "the minister resign"):
    its head verb (the one whose head lies outside it) in the base form with no modal, "to" or finite
    auxiliary, or a passive with a bare "be". A plural present ("residents avoid") has the base form's
    spelling and is read as one (only after a request cue is this asked); "are" is no base form."""
    heads = [i for i in range(start, end) if p.pos[i] in {"VERB", "AUX"} and (p.head[i] == i or not start <= p.head[i] < end)]
    if len(heads) != 1:
        return False
    v = heads[0]
    aux = [c for c in p.children[v] if p.dep[c] in {"aux", "auxpass"}]
    if any(p.tag[a] in {"MD", "TO"} | _FINITE for a in aux):
        return False
    base = p.tag[v] == "VB" or p.tag[v] == "VBP" and p.lemma[v] != "be"
    return base and not aux or any(p.dep[a] == "auxpass" and p.tag[a] == "VB" for a in aux)


def _requests_subjunctive(p: TokenTable, verb: int) -> bool:
    """Whether ``verb`` is a request (:data:`~helpers.extract.cues.REQUEST_LEMMAS`) with a subjunctive
    clause ("recommended the troops withdraw"): what should happen, no statement of its own, so a report
    of it ("NPR reported X recommended the troops withdraw") is the reporter's statement."""
    return p.lemma[verb] in REQUEST_LEMMAS and any(
        p.dep[c] == "ccomp" and _subjunctive(p, p.left_edge(c), p.right_edge(c) + 1) for c in p.children[verb])


def _cue_phrase(ctx: _Context, cue: int) -> tuple[int, int] | None:
    """[start, end) of a cue and its own subject ("officials said", "argued the government's lawyer,
    X"), the subject before or after the verb; None when the cue has no noun subject or object next
    to it."""
    p = ctx.p
    subj = next((c for c in p.children[cue] if p.dep[c] == "nsubj" and c < cue and ctx.in_quote[c] < 0), None)
    if subj is not None:
        end = cue + 1
        while end < len(p) and p.dep[end] == "prt" and p.head[end] == cue:
            end += 1  # "the complaint pointed out"
        for c in sorted(c for c in p.children[cue] if c >= end):
            # ", she told the council on Friday,": the hearer of a telling verb and the time or place of
            # the saying belong to the phrase
            hearer = p.dep[c] in {"dobj", "dative"} and p.lemma[cue] in TELLING_LEMMAS and p.pos[c] in {"NOUN", "PROPN", "PRON"}
            if p.left_edge(c) != end or ctx.in_quote[c] >= 0 or not (
                    hearer or p.dep[c] in {"prep", "npadvmod"} and p.ent_type[p.right_edge(c)] in {"DATE", "TIME"}):
                break
            end = p.right_edge(c) + 1
        return p.left_edge(subj), end
    if any(p.dep[c] in _SUBJECTS and (c < cue or ctx.in_quote[c] >= 0) for c in p.children[cue]):
        return None
    after = next((c for c in p.children[cue] if c > cue and p.dep[c] in {"nsubj", "dobj", "attr", "npadvmod", "dative"}
                  and p.pos[c] in {"NOUN", "PROPN"} and ctx.in_quote[c] < 0), None)
    if after is None or any(ctx.in_quote[j] >= 0 for j in range(cue, p.right_edge(after) + 1)):
        return None
    return cue, p.right_edge(after) + 1


def _segment(ctx: _Context, tok: int) -> tuple[int, int]:
    """The part of ``tok``'s sentence between semicolons (the whole sentence when it has none)."""
    p = ctx.p
    start, end = ctx.sents[ctx.res.token_sentence[tok]][:2]
    for j in range(tok - 1, start - 1, -1):
        if p.text[j] == ";" and ctx.in_quote[j] < 0:
            start = j + 1
            break
    for j in range(tok + 1, end):
        if p.text[j] == ";" and ctx.in_quote[j] < 0:
            end = j
            break
    return start, end


def _parenthetical_clause(ctx: _Context, cue: int) -> tuple[int, int] | None:
    """The clause around a cue set off by commas that the parser did not hang it in ("around 50
    gallons of fuel, officials said, spilled and ignited", "The crash began, the patrol described, in
    the northbound lanes ...") or after ("It is not for the court to rule on motives, argued the
    government's lawyer, X."): the words of its sentence (between semicolons) around the cue's phrase,
    the phrase kept inside as it stands in the text. Only when the parser gave the cue no clause of
    its own after it; None otherwise (the ordinary ", he said," is :func:`_host_clause`'s)."""
    p = ctx.p
    if _attributes_quotation_only(p, cue) or p.lemma[cue] in QUESTION_LEMMAS or p.lemma[cue] in THOUGHT_LEMMAS:
        return None
    if any(p.dep[c] == "ccomp" and c > cue for c in p.children[cue]) or p.dep[cue] not in {"parataxis", "conj", "ROOT"}:
        return None
    phrase = _cue_phrase(ctx, cue)
    if phrase is None:
        return None
    a, b = phrase
    seg_start, seg_end = _segment(ctx, cue)
    while seg_end > b and (p.is_punct[seg_end - 1] or p.is_space[seg_end - 1]):
        seg_end -= 1
    if a - 1 <= seg_start or p.text[a - 1] != ",":
        return None
    if any(p.dep[c] in {"aux", "auxpass", "neg"} and c < a for c in p.children[cue]) or any(
            p.text[k] == "," and _auxiliary_before(ctx, k + 1, skip_negation=True) is not None
            for k in range(seg_start + 1, a - 1)):
        return None  # "had not, as of Monday, announced any plans": the cue's own auxiliary stands before
        # an aside, so what precedes it is the cue's own clause (however parsed), not one it reports
    before = [j for j in range(seg_start, a - 1) if not (p.is_punct[j] or p.is_space[j])]
    if len(before) < MIN_CLAUSE_TOKENS or any(ctx.in_quote[j] >= 0 for j in before):
        return None
    if b >= seg_end:
        # "CLAUSE, argued X.": the cue's subject after it ends the sentence; the clause is all before
        if any(p.dep[c] in _SUBJECTS and c < cue for c in p.children[cue]):
            return None  # "..., he said." is the parser's own parataxis, handled as ever
        if not any(p.pos[j] in {"VERB", "AUX"} and _heads_clause(p, j) for j in before):
            return None
        return _trim_clause(ctx, seg_start, a - 1)
    if p.text[b] != ",":
        return None
    rest = [j for j in range(b + 1, seg_end) if not (p.is_punct[j] or p.is_space[j])]
    if not rest or p.tag[rest[0]] == "VBG" or any(ctx.in_quote[j] >= 0 for j in rest):
        return None  # "..., the company said, citing costs": the participle is the cue's own
    # the clause straddles the cue: a finite verb on one side with its subject on the other, or the
    # subject before and the verb phrase after
    if not any(p.pos[j] in {"VERB", "AUX"} for j in before + rest):
        return None
    return _trim_clause(ctx, seg_start, seg_end)


def _clause_around_comma_cue(ctx: _Context, cue: int) -> tuple[int, int] | None:
    """The clause that a cue phrase set off by a comma interrupts or introduces, where the parser hung
    the cue inside that clause: as a complement of the clause's verb ("If the river had been dammed,
    they argued, the valley would have flooded"; "The Tribune reported on Friday, nine stores had
    closed": the cue a ccomp of "flooded" / "closed"), or the clause's opening adverbial clause on the
    cue ("Unless the fees are cut, the union warned, its members will strike"). The cue phrase is the
    cue, its subject next to it (before or after it: "..., reads the motion, ..."), its particles and
    its adverbials of time and place; a comma must follow it, and a clause with a subject of its own
    must follow that comma. With a clause before the phrase too, the span is the whole sentence (between
    semicolons) with the phrase kept inside, as the text has it; with nothing or only an adverbial
    before it, the span is the clause after the comma. None otherwise (a cue with an object or a clause
    of its own, "When the council announced the vote, ...": a cue with a conjunction, ...)."""
    p = ctx.p
    lemma = p.lemma[cue]
    if _attributes_quotation_only(p, cue) or lemma in QUESTION_LEMMAS or lemma in THOUGHT_LEMMAS or lemma in ORDER_LEMMAS \
            or ctx.in_quote[cue] >= 0 or p.dep[cue] not in {"ccomp", "ROOT", "parataxis"}:
        return None
    kids = p.children[cue]
    hearers = {"dobj", "dative"} if lemma in TELLING_LEMMAS else set()
    if any(p.dep[c] in {"dobj", "dative", "xcomp", "attr", "oprd", "acomp", "mark"} - hearers or p.tag[c] == "WRB"
           for c in kids):
        return None  # an object of its own, or "When the council announced, ...": an adverbial clause
    subj = next((c for c in kids if p.dep[c] == "nsubj" and ctx.in_quote[c] < 0), None)
    if subj is None or p.pos[subj] not in {"NOUN", "PROPN", "PRON"} or p.lower[subj] in NON_SPEAKER_PRONOUNS:
        return None
    a = p.left_edge(subj) if subj < cue else cue
    if any(p.dep[c] in {"aux", "auxpass", "neg"} and c < a for c in kids):
        return None
    b = cue + 1
    for c in sorted(c for c in kids if c > cue):
        if p.dep[c] not in {"nsubj", "prt", "prep", "npadvmod", "advmod", "agent"} | hearers or p.left_edge(c) != b:
            break
        b = p.right_edge(c) + 1
    if subj > cue and b <= subj:
        return None
    if b >= len(p) or p.text[b] != "," or ctx.in_quote[b] >= 0:
        return None
    seg_start, seg_end = _segment(ctx, cue)
    while seg_end > b and (p.is_punct[seg_end - 1] or p.is_space[seg_end - 1]):
        seg_end -= 1
    if b + 1 >= seg_end or any(ctx.in_quote[j] >= 0 for j in range(b + 1, seg_end)):
        return None
    # the clause after the comma: the verb the parser hung the cue on, or the cue's complement there
    if p.dep[cue] == "ccomp" and b < p.head[cue] < seg_end:
        if any(p.dep[c] == "ccomp" for c in kids):
            return None  # "The mayor said the roads were closed, the paper reported": a report of its own
        host = p.head[cue]
    else:
        host = next((c for c in kids if p.dep[c] == "ccomp" and p.left_edge(c) == b + 1), None)
        if host is None:
            return None
    if p.pos[host] not in {"VERB", "AUX"} or host in ctx.cue_set or not any(
            p.dep[c] in _SUBJECTS | {"nsubjpass"} and b < c < host for c in p.children[host]):
        return None
    before = [j for j in range(seg_start, a) if not (p.is_punct[j] or p.is_space[j])]
    if any(ctx.in_quote[j] >= 0 for j in before):
        return None
    if not before or not any(p.pos[j] in {"VERB", "AUX"} and any(p.dep[g] in _SUBJECTS | {"nsubjpass"}
                                                                  for g in p.children[j]) for j in before):
        return _trim_clause(ctx, b + 1, seg_end)  # "On Friday, the Tribune reported, nine stores ..."
    if p.text[a - 1] != ",":
        return None
    span = _trim_clause(ctx, seg_start, seg_end)
    return (before[0], span[1]) if span is not None else None  # the clause keeps its "If", "Because"


def _attributes_quotation_only(p: TokenTable, cue: int) -> bool:
    """Whether the cue attributes a quotation but reports no clause set around it (:data:`QUOTE_ONLY_LEMMAS`,
    :data:`FINDING_LEMMAS`), save "read" with a text for subject: "Because only Congress may do so, reads
    the motion, the order is void" reports the motion's words."""
    lemma = p.lemma[cue]
    if lemma == "read":
        return not any((p.dep[c] == "nsubj" or p.dep[c] == "dobj" and c > cue) and p.pos[c] == "NOUN"
                       and not is_people_noun(p.lemma[c]) for c in p.children[cue])  # (inverted, read as an object)
    return lemma in QUOTE_ONLY_LEMMAS or lemma in FINDING_LEMMAS


def _into_quoted_predicate(ctx: _Context, start: int, end: int) -> int:
    """The end of a reported clause that stops at an auxiliary or a copula with nothing after it
    ('arguing Trump was "sow[ing] chaos" and "mak[ing] matters worse."': the parser hung the quoted
    predicate elsewhere): the clause goes on through the quotation right after it and the quotations
    joined to that one by a conjunction, in its sentence. Unchanged otherwise."""
    p = ctx.p
    last = end - 1
    while last > start and (p.is_punct[last] or p.is_space[last]):
        last -= 1
    if last <= start or p.pos[last] != "AUX" or ctx.in_quote[last] >= 0:
        return end
    sent_end = ctx.sents[ctx.res.token_sentence[last]][1]
    j, new_end = last + 1, end
    while True:
        while j < sent_end and p.is_space[j]:
            j += 1
        qi = ctx.in_quote[j] if j < sent_end else -1
        if qi < 0 or p.idx[j] != ctx.spans[qi].open_char:
            return new_end
        while j < len(p) and ctx.in_quote[j] == qi:
            j += 1
        new_end = j
        while j < sent_end and p.is_space[j]:
            j += 1
        if j >= sent_end or p.pos[j] != "CCONJ" or ctx.in_quote[j] >= 0:
            return new_end
        j += 1


def _with_coordinated_that_clauses(ctx: _Context, start: int, end: int) -> int:
    """The end of a reported clause with the "that" clauses coordinated after it ('reported that A;
    that B; and that C', 'announced he had resigned, and that the council would meet'): one verb,
    one statement, however the parser hung the later clauses. Unchanged when none follows."""
    p = ctx.p
    if end <= start:
        return end
    sent_end = ctx.sents[ctx.res.token_sentence[end - 1]][1]
    while True:
        j = end
        while j < sent_end and (p.text[j] in {",", ";"} or p.is_space[j]) and ctx.in_quote[j] < 0:
            j += 1
        semicolon = any(p.text[k] == ";" for k in range(end, j))
        if j < sent_end and p.dep[j] == "cc" and ctx.in_quote[j] < 0:
            j += 1
        if j == end or j >= sent_end or p.lower[j] != "that" or ctx.in_quote[j] >= 0:
            return end
        verb = p.head[j]
        if p.dep[j] == "det" and semicolon and p.dep[verb] in {"nsubj", "nsubjpass"}:
            verb = p.head[verb]  # "; that race was a factor": the parser read "that" as a determiner
        elif p.dep[j] != "mark":
            return end
        if verb <= j or p.pos[verb] not in {"VERB", "AUX"}:
            return end
        new_end = min(sent_end, max(p.right_edge(verb), verb) + 1)
        while new_end > j and (p.is_punct[new_end - 1] and p.text[new_end - 1] not in '"”’' or p.is_space[new_end - 1]):
            new_end -= 1
        if new_end <= end:
            return end
        end = new_end


def _across_dash_aside(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    """[start, end) of a clause that the parser ended at a dash opening an aside ("it is common for
    new governments — X became prime minister in July — to suspend parliament, ..."): the aside
    interrupts the report, which runs on to the end of its sentence. Unchanged otherwise."""
    p = ctx.p
    j = end
    while j < len(p) and p.is_space[j]:
        j += 1
    if j >= len(p) or p.text[j] not in _DASHES or ctx.in_quote[j] >= 0 or end <= start:
        return start, end
    sent_end = ctx.sents[ctx.res.token_sentence[j]][1]
    close = next((k for k in range(j + 1, sent_end) if p.text[k] in _DASHES and ctx.in_quote[k] < 0), None)
    if close is None or close + 1 >= sent_end or not p.text[close + 1][:1].islower():
        return start, end
    if any(ctx.in_quote[k] >= 0 or k in ctx.cue_set for k in range(j, sent_end)):
        return start, end  # a quotation or another cue after the aside is not this report's
    return start, sent_end


def _reported_clause(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """Token range [start, end) of the clause reported by ``verb``, or None."""
    p = ctx.p
    dep, children = p.dep, p.children
    tpara = ctx.res.token_paragraph
    vpara = tpara[verb]
    comps = [c for c in children[verb] if dep[c] == "ccomp"
             and tpara[p.left_edge(c)] == vpara and tpara[p.right_edge(c)] == vpara]
    # '... place "stigma on the victims[.]" She went on to say': a clause after a quotation that ends a
    # sentence is the next sentence's, glued on by the parser, never this cue's report
    comps = [c for c in comps if not (c > verb and _SENTENCE_END_IN_QUOTE.search(
        ctx.text, p.idx[verb], p.idx[c]))]
    after = [c for c in comps if c > verb]
    colon = next((j for j in range(p.right_edge(after[0]) - 1, p.left_edge(after[1]) + 1)
                  if p.text[j] == ":" and ctx.in_quote[j] < 0), None) if len(after) > 1 else None
    if colon is not None and ctx.in_quote[after[0]] < 0 and any(
            dep[g] in _SUBJECTS and g < after[0] for g in children[after[0]]) \
            and (ctx.in_quote[after[1]] >= 0 or _reports_speech(p, after[1])):
        # 'said the bridge was unsafe: "It could fall ...," she warned': a clause of its own before the
        # colon is the report; what follows the colon is a quotation (with a cue of its own or none), not
        # a clause of the narrator's naming something ('"COVID-19" is to replace ...', below)
        comps = [c for c in comps if c < colon]
        after = [c for c in after if c < colon]
    elif colon is not None:
        # 'announced the official name of the disease ...: "COVID-19" is to replace ...': the clause
        # after the colon is what was announced; the one before is its object, misread
        comps = after[1:]
        after = comps
    if len(after) > 1 and any(ctx.in_quote[c] < 0 for c in after):
        # "says his post, "Storm the Gates, They Can't Stop Us", was a joke": the clause inside the
        # quoted title is part of the object; the clause after it, outside the quotation, is the report.
        # A clause whose subject stands before the quotation ('alleged the government are "hiding
        # ..."') is no title: it is the report, whatever the parser hung after it.
        comps = [c for c in after if ctx.in_quote[c] < 0 or ctx.in_quote[p.left_edge(c)] < 0]
    if not comps:
        fronted = _clause_with_fronted_adverbial(ctx, verb)
        if isinstance(fronted, tuple):
            return _trim_clause(ctx, *fronted)
        if fronted is not None:
            comps = [fronted]
    # "X denied it, however, a report concluded [evidence showed ...]": of two clauses, the one
    # after the verb is what it reports.
    comp = next((c for c in comps if c > verb), comps[0] if comps else None)
    lemma = p.lemma[verb]
    if comp is None:
        relative = _clause_hung_on_a_phrase(ctx, verb)
        if relative is not None:
            return _trim_clause(ctx, *relative)
    misread = _misread_clause(ctx, verb) if comp is None else None
    if misread is not None:
        return _trim_clause(ctx, *misread)
    if comp is None and dep[verb] == "parataxis" and p.pos[p.head[verb]] in {"VERB", "AUX"}:
        # "For example, he said, the disparity could be explained ...": the host clause; a host
        # inside a quotation is the quotation the cue attributes ('he said, "It was ..."').
        return _host_clause(ctx, verb) if ctx.in_quote[p.head[verb]] < 0 else None
    if comp is None and dep[verb] == "amod" and p.tag[verb] == "VBD" and _char_before_token(ctx, verb) == ",":
        # "..., reported officials, with ...": an inverted cue the parser read as an adjective.
        return _clause_before(ctx, verb)
    if comp is None:
        gerund = _gerund_subject_clause(ctx, verb)
        if gerund is not None:
            return _trim_clause(ctx, *gerund)
    if comp is None:
        # "called on Russia to help ...", "urged X to ...": an appeal reports its object and
        # infinitive; an order or a question to one person ("asked him to wait") does not.
        x = next((c for c in children[verb] if dep[c] == "xcomp"), None)
        if lemma not in APPEAL_LEMMAS:
            return None
        if x is None:
            # "advised residents to make plans" with the infinitive read as an adverbial clause (of
            # purpose): the appeal's, when its object is people
            x = next((c for c in children[verb] if dep[c] == "advcl" and p.left_edge(c) > verb
                      and any(dep[g] == "aux" and p.tag[g] == "TO" and g == p.left_edge(c) for g in children[c])
                      and any(dep[o] == "dobj" and o < c and _names_people(ctx, o) for o in children[verb])), None)
        if x is None:
            return _appeal_for(ctx, verb)
        obj = next((c for c in children[verb] if dep[c] in {"dobj", "dative"} and c < x), None)
        if lemma == "call":
            obj = None  # "called on X to ...", "called for X to ...", never "called a halt to ..."
        if obj is None:
            prep = next((c for c in children[verb] if dep[c] == "prep" and p.lower[c] in CUE_PARTICLES and c < x),
                        None)
            obj = next((c for c in children[prep] if dep[c] == "pobj"), None) if prep is not None else None
        if obj is None:
            return None
        if lemma in PERSONAL_REQUEST_LEMMAS and _one_person(ctx, obj):
            return None  # "invited him to join", "recommended X to be his successor": an action on one person
        start, end = p.left_edge(obj), p.right_edge(x) + 1
    else:
        if p.pos[comp] not in {"VERB", "AUX"}:
            return None
        if comp > verb and any(p.dep[c] == "mark" and p.lower[c] == "so" and p.left_edge(comp) == c
                               for c in children[comp]):
            return None  # "declared an emergency so he could fund a wall": a purpose the parser hung on the
            # cue as its complement, no statement reported
        small = any(dep[c] == "aux" and p.tag[c] == "TO" for c in children[comp])
        subj = next((c for c in children[comp] if dep[c] in _SUBJECTS and c < comp), None)
        if comp > verb and p.tag[comp] in {"VBN", "VBG"} and subj is not None \
                and not any(dep[c] in {"aux", "auxpass", "mark"} for c in children[comp]) \
                and (p.tag[comp] == "VBG" or lemma != "say" and any(p.tag[i] == "CD" for i in range(p.left_edge(subj), subj + 1))
                     and all(c == subj or p.is_punct[c] for c in children[comp])):
            return None  # "reported as many as 32 hospitalised", "reported residents fleeing": a small
            # clause (a noun and a participle, no finite verb, no "that") is a figure or a sight reported,
            # no statement. A past form is as often a past tense the tagger misread: it stays a clause
            # without a number before it ("said wooden panels led to ..."), with words of its own ("two
            # barns burned overnight") or after "say", which takes no small clause.
        if small and subj is not None and lemma in PERSONAL_REQUEST_LEMMAS and _one_person(ctx, subj):
            return None  # "recommended X to be his replacement" however parsed: a nomination, no report
        if lemma not in APPEAL_LEMMAS and small and subj is not None:
            return None  # 'declared the outbreak to be a pandemic', 'found X to be "..."': a small clause
            # (object and infinitive) is a judgement named, no statement reported (an appeal's is)
        start, end = p.left_edge(comp), p.right_edge(comp) + 1
        later = [c for c in comps if c > comp and p.pos[c] in {"VERB", "AUX"}]
        if comp > verb and later and all(tpara[c] == vpara for c in later):
            # 'said it would be "X" and "Y we must keep ..." so the public should use "Z"': one verb
            # with several clauses hung on it reports them all, as one statement
            end = max(end, p.right_edge(later[-1]) + 1)
        if not any(dep[c] in _SUBJECTS or any(dep[g] in _SUBJECTS for g in children[c])
                   for c in children[comp] if c < comp):
            # A clause has a subject ("the border was closed", however parsed). "He remarked
            # toilet paper is bulky": the parser took the clause's subject for the verb's object.
            obj = _object_as_subject(ctx, verb, start)
            if obj is not None:
                start = p.left_edge(obj)
            else:
                start = _subject_in_cue_phrase(ctx, verb, start)
                if start is None:
                    return None
        if _reports_speech(p, comp) and p.lemma[comp] not in ORDER_LEMMAS | QUESTION_LEMMAS \
                and not _requests_subjunctive(p, comp) \
                and any(dep[c] == "nsubj" for c in children[comp]) and _has_report(ctx, comp) \
                and _names_its_speaker(ctx, comp):
            return None  # "X said ..., RNS reported": the report of a report is X's statement (unless
            # X is nobody named: "RNS reported two sources said ..." is RNS's report, see merge); an order
            # or a question inside ("said she had ordered "heightened alert"") reports no statement of its own
        if comp < verb and ctx.in_quote[comp] >= 0 and ctx.in_quote[start] < 0 \
                and ctx.in_quote[_last_word(p, start, end)] == ctx.in_quote[comp]:
            return None  # 'When she was cast, "I was speechless," she told ...': the quotation is the
            # statement, reported as direct; the adverbial before it is the narrator's
        if comp < verb and lemma not in TELLING_LEMMAS and any(dep[c] == "dobj" for c in children[verb]):
            return None  # "Coles ordered packages, Woolworths ordered stock": a verb with an object of
            # its own reports no clause before it (", she said", ", he told reporters" have none)
        for t in range(comp + 1, end):
            if p.tag[t] in {"WDT", "WP", "WP$"} and ctx.in_quote[t] < 0 and t >= 2 and p.text[t - 1] == "," \
                    and ctx.in_quote[t - 2] >= 0:
                # 'alleged X is "hiding the figures", whose ...': a relative clause after the quoted
                # words closed is the narrator's gloss, however the parser hung it
                end = min(end, t - 1)
                break
            cc = _joined_clause_in_other_tense(ctx, comp, t)
            if cc is not None:
                end = min(end, cc)
                break
            # "the offer is too low, while management insists it is fair": another speaker's
            # report inside the clause ends it; a relative clause of its own words does not ("must
            # remove posts which state the same thing").
            if dep[t] == "relcl" and any(dep[c] in _SUBJECTS and p.lower[c] in _RELATIVE for c in children[t]):
                continue
            if ctx.in_quote[t] < 0 and _reports_speech(p, t) and (
                    any(dep[c] in {"nsubj", "nsubjpass"} for c in children[t])
                    or dep[t] in {"conj", "advcl"} and p.head[t] == comp and _has_report(ctx, t)
                    # "said there was a lack of X and urged the crowd to ...": a second speech act
                    # of the speaker's own, which the parser joined to the reported clause
                    or dep[t] == "conj" and p.head[t] == comp and is_speech_cue(p, t)):
                end = min(end, p.left_edge(t))
                break
        if start > verb or end > verb + 1:
            # a clause after the cue, or around it ("whom he said has ..."): what follows it
            start = max(start, verb + 1)
            if start == verb + 1 and dep[start] == "prep" and p.head[start] == comp and p.right_edge(start) < comp \
                    and p.ent_type[p.right_edge(start)] in {"DATE", "TIME"}:
                # "said on Monday they believe ...": the date is when it was said
                start = p.right_edge(start) + 1
    return _trim_clause(ctx, start, end)


_PAST_MODALS = frozenset("would could might should".split())
_PRESENT_MODALS = frozenset("will can may must shall".split())


def _tense(p: TokenTable, verb: int) -> str | None:
    """"past" or "present": the tense of the finite form of ``verb``'s clause (its first auxiliary, else
    the verb; "would", "could", "might", "should" are past; a participle with no auxiliary is a past
    the tagger misread: "announcements quickly followed"); None when it has no finite form."""
    aux = [c for c in p.children[verb] if p.dep[c] in {"aux", "auxpass"} and c < verb and p.tag[c] != "TO"]
    form = aux[0] if aux else verb
    tag, word = p.tag[form], p.lower[form]
    if tag == "MD":
        return "past" if word in _PAST_MODALS else "present" if word in _PRESENT_MODALS else None
    if tag == "VBD" or tag == "VBN" and not aux:
        return "past"
    if tag in {"VBZ", "VBP"}:
        return "present"
    return None


def _joined_clause_in_other_tense(ctx: _Context, comp: int, t: int) -> int | None:
    """Where the reported clause headed by ``comp`` ends when ``t`` heads a clause joined to it by "and"
    or "but" (as its conjunct, or hung on a word inside it after the conjunction: a misparse) with a
    subject of its own and a tense the report does not share ("suggested he would not run and X has
    decided to run", "has said he has cancelled all events, and announcements quickly followed"): the
    narrator's sentence goes on, the report does not. The token to end before (the conjunction, or the
    comma before it); None when ``t`` heads no such clause."""
    p = ctx.p
    if p.pos[t] not in {"VERB", "AUX"} or ctx.in_quote[t] >= 0 or not (
            p.dep[t] == "conj" and p.head[t] == comp or p.dep[t] == "ccomp" and _descends_from(p, t, comp)):
        return None
    if not any(p.dep[c] in {"nsubj", "nsubjpass", "expl"} and c < t for c in p.children[t]):
        return None
    j = p.left_edge(t) - 1
    if j <= comp or p.tag[j] != "CC" or p.lower[j] not in {"and", "but"}:
        return None
    a, b = _tense(p, comp), _tense(p, t)
    if a is None or b is None or a == b:
        return None
    return j - 1 if p.text[j - 1] == "," else j


_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH"})
_NP_STARTS = frozenset({"DT", "PDT", "PRP", "PRP$", "EX"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_PLURAL_VERBS = frozenset({"were", "are", "have", "do"})


def _plural_finite(p: TokenTable, v: int) -> bool:
    """Whether ``v`` is a finite verb or auxiliary whose form is plural only ("were", "are", "have",
    a present "-s"-less form: "agree"), so that a subject joined by "and" before it is one subject."""
    return p.tag[v] == "VBP" and p.lower[v] not in {"am"} or p.lower[v] in _PLURAL_VERBS and p.tag[v] in _FINITE


def _noun_chunk_end(ctx: _Context, j: int, end: int, of_phrases: bool) -> int:
    """The end of the noun phrase that starts at token ``j`` (before ``end``), read from the tags alone:
    determiners, numbers, adjectives and nouns ending at a noun, or one pronoun; with ``of_phrases`` also
    the prepositional phrases and conjoined nouns inside it ("the flights to Lisbon and Porto"). A
    second determiner or pronoun after a noun starts another phrase. ``j`` itself when none starts there."""
    p = ctx.p
    if j >= end or ctx.in_quote[j] >= 0:
        return j
    if p.tag[j] in {"PRP", "EX"}:
        return j + 1
    k = j
    while k < end and ctx.in_quote[k] < 0:
        tag = p.tag[k]
        if tag in _NP_TAGS or p.dep[k] == "amod" and p.head[k] > k and tag in {"VBN", "VBG"}:
            if tag in {"DT", "PDT", "PRP$"} and k > j and p.tag[k - 1] in {"NN", "NNS", "NNP", "NNPS", "CD"} \
                    or tag in {"NN", "NNS"} and k > j and p.tag[k - 1] == "NNS":
                break  # "the plan the council approved", "the rules children must follow": a second phrase begins
            k += 1
        elif of_phrases and k > j and tag == "IN" and p.dep[k] != "mark" \
                and k + 1 < end and (p.tag[k + 1] in _NP_TAGS or p.tag[k + 1] == "PRP"):
            k += 1
        elif of_phrases and k > j and tag == "CC" and k + 1 < end and p.tag[k + 1] in _NP_TAGS - {"DT", "PDT", "PRP$", "POS"} \
                and (p.tag[k - 1] in _PROPER_TAGS) == (p.tag[k + 1] in _PROPER_TAGS):
            k += 1  # "Lisbon and Porto"; not "two arrests and the road was closed" (a clause of its own), nor
            # "its first infections and Zambia had ..." (a common noun and a name: the object, then a new subject)
        else:
            break
    return k if any(p.tag[i] in {"NN", "NNS", "NNP", "NNPS", "CD", "PRP"} for i in range(j, k)) else j


def _subject_end(ctx: _Context, start: int, end: int) -> int:
    """The end of the noun phrase starting at ``start`` read as a clause's subject (see
    :func:`_noun_chunk_end`): two phrases joined by "and" are one subject when the verb right after them
    agrees with both, in a plural form only ("the agency and the board were to investigate");
    "reported two arrests and the road was closed" has none. ``start`` when no phrase starts there."""
    p = ctx.p
    k = _noun_chunk_end(ctx, start, end, of_phrases=True)
    if start < k and k + 1 < end and p.tag[k] == "CC" and p.lower[k] == "and":
        k2 = _noun_chunk_end(ctx, k + 1, end, of_phrases=True)
        if k + 1 < k2 < end and _plural_finite(p, k2) and p.pos[k2] in {"VERB", "AUX"}:
            k = k2
    return k


def _subject_in_cue_phrase(ctx: _Context, verb: int, clause_start: int) -> int | None:
    """The first token of a clause's subject that the parser read as the object of a phrase of the cue
    ("announced on Twitter the agency and the board were to investigate": "the agency" the object of "on",
    "Twitter" its modifier): the phrase of the cue that ends right before the clause holds a noun, then a
    determiner that starts a noun phrase running up to the clause. None otherwise."""
    p = ctx.p
    for prep in p.children[verb]:
        if p.dep[prep] != "prep" or not verb < prep < clause_start or p.right_edge(prep) != clause_start - 1 \
                or ctx.in_quote[prep] >= 0:
            continue
        j = _noun_chunk_end(ctx, prep + 1, clause_start, of_phrases=False)
        if prep + 1 < j < clause_start and p.tag[j] in {"DT", "PDT", "PRP$"} \
                and _subject_end(ctx, j, clause_start + 1) == clause_start:
            return j
    return None


def _thatless_clause(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """[start, end) of a clause without "that" after a speech cue that the parser did not make the cue's
    complement ("reported Storm Alma in the Atlantic had weakened": the subject read as the cue's object,
    the verb as an adverbial clause; "reported to the police he had not come home": the clause read as a
    relative clause of "police"; "The county estimated by Friday, there would be ...": the cue read as a
    modifier of its own subject). Read from the words, not the tree: after the cue come its hearer and
    phrases (a preposition and its noun, adverbs, commas), then a noun phrase (its own "of" phrases and
    conjoined nouns inside) and right after it a finite verb or a modal (an opening quotation mark may
    stand before it). The clause runs from that noun phrase to the end of the verb's phrase. None when
    the cue has a clause or an infinitive the parser gave it, or when anything else stands between
    (a participle, a relative pronoun, a conjunction, a comma, a second noun phrase)."""
    p = ctx.p
    lemma = p.lemma[verb]
    if lemma not in _REPORTING or lemma in APPEAL_LEMMAS | ORDER_LEMMAS | QUESTION_LEMMAS | FRAGMENT_LEMMAS \
            or p.pos[verb] != "VERB" or any(p.dep[c] in {"ccomp", "xcomp"} for c in p.children[verb]):
        return None
    if any(p.dep[c] == "auxpass" or p.dep[c] == "agent" and not any(
            p.ent_type[g] in {"DATE", "TIME"} for g in p.children[c]) for c in p.children[verb]):
        return None  # "numbers reported by the agency, ...", "it was reported ...": a passive cue
    modifier = p.dep[verb] in {"acl", "relcl", "amod"}
    seg_end = _segment(ctx, verb)[1]
    j = verb + 1
    while j < seg_end and p.dep[j] == "prt" and p.head[j] == verb:
        j += 1
    if lemma in TELLING_LEMMAS:
        k = _noun_chunk_end(ctx, j, seg_end, of_phrases=False)
        if k > j and _names_people(ctx, k - 1) and _noun_chunk_end(ctx, k, seg_end, of_phrases=False) > k:
            j = k  # "told the court she ...": the hearer (not "told the story he had told before")
    while j < seg_end and ctx.in_quote[j] < 0:
        if p.text[j] == "," or p.tag[j] == "RB" and p.dep[j] == "advmod":
            j += 1
        elif p.tag[j] == "IN" and p.dep[j] in {"prep", "agent", "dative"}:
            k = _noun_chunk_end(ctx, j + 1, seg_end, of_phrases=False)
            if k == j + 1:
                return None
            j = k
        else:
            break
    start = j
    k = _subject_end(ctx, start, seg_end)
    if k == start:
        return None
    v = k + 1 if k + 1 < seg_end and ctx.in_quote[k + 1] >= 0 and p.idx[k] == ctx.spans[ctx.in_quote[k + 1]].open_char else k
    if v >= seg_end or p.tag[v] not in _FINITE | {"MD"} or p.pos[v] not in {"VERB", "AUX"}:
        return None
    head = p.head[v] if p.dep[v] in {"aux", "auxpass"} and p.head[v] > v else v
    if head in ctx.cue_set or v in ctx.cue_set:
        return None  # a report inside the report: the inner cue's own
    if modifier and _descends_from(p, verb, head) and (start == verb + 1 or p.text[start - 1] != ","):
        return None  # "the insider who wrote op-eds and a book was revealed ...", "the figures estimated
        # last year were low": the verb after a modifier's object is the main clause's, on which the
        # modifier hangs (a cue read as a modifier of its own subject reports such a clause only after
        # a comma: "The county estimated by Friday, there would be ...", "In a story he told, he had ...")
    end = min(seg_end, max(p.right_edge(head), v) + 1, _end_before_second_verb(p, head))
    return _trim_clause(ctx, start, end)


def _clause_hung_on_a_phrase(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """[start, end) of the "that" clause of a cue that the parser hung on a phrase after the cue ("said
    in the hearing that her ruling was ...": "that" read as a relative pronoun of "hearing"; "said in an
    interview that was broadcast on Monday that the border would close": the clause hung on the
    relative clause), or None. A relative clause whose "that" is its own subject or object ("the
    interview that was broadcast") is the phrase's; the clause must have a subject of its own."""
    p = ctx.p
    hosts = [obj for prep in p.children[verb] if p.dep[prep] == "prep" and prep > verb and ctx.in_quote[prep] < 0
             for obj in p.children[prep] if p.dep[obj] == "pobj"]
    if p.lemma[verb] in TELLING_LEMMAS:
        # "told Radio X, a local station, that ...": the hearer, or its apposition, took the clause
        hearers = [c for c in p.children[verb] if p.dep[c] in {"dobj", "dative"} and c > verb and ctx.in_quote[c] < 0]
        hosts += hearers + [a for h in hearers for a in p.children[h] if p.dep[a] == "appos"]
    for obj in hosts:
        for rel in p.children[obj]:
            if p.dep[rel] != "relcl" or ctx.in_quote[rel] >= 0:
                continue
            that = p.left_edge(rel)
            own = [c for c in p.children[rel] if p.dep[c] in _SUBJECTS or p.dep[c] == "nsubjpass"]
            if p.lower[that] == "that" and (that == obj + 1 or that == obj + 2 and p.text[obj + 1] == ","
                                            and p.dep[obj] == "appos") \
                    and (p.head[that] != rel or p.dep[that] == "mark") and own and all(p.lower[c] not in _RELATIVE for c in own):
                return that + 1, p.right_edge(rel) + 1  # "in the hearing that her ruling was ..."
            for c in p.children[rel]:
                if p.dep[c] == "ccomp" and c > rel and any(
                        p.dep[g] == "mark" and p.lower[g] == "that" and g == p.left_edge(c) for g in p.children[c]) \
                        and any(p.dep[g] in _SUBJECTS or p.dep[g] == "nsubjpass" for g in p.children[c]):
                    return p.left_edge(c), p.right_edge(c) + 1  # "... that was broadcast that the ..."
    return None


def _last_word(p: TokenTable, start: int, end: int) -> int:
    """The last token of [start, end) that is no punctuation or space (``start`` if there is none)."""
    j = end - 1
    while j > start and (p.is_punct[j] or p.is_space[j]):
        j -= 1
    return j


def _clause_with_fronted_adverbial(ctx: _Context, verb: int) -> int | tuple[int, int] | None:
    """A reported clause that opens with a phrase of time or manner, which the parser did not make
    the cue's complement: "said as a child he was bullied" (the clause's verb an adverbial clause of
    the cue: that verb) or "said that as a child she swam" ("that" the cue's object, the clause a
    relative clause inside it: the [start, end) after "that"). A clause opened by a conjunction or a
    wh-word ("said goodbye before she left", "said it when he arrived") is the saying's own adverbial,
    and a cue with an object of its own reports none of them. None otherwise."""
    p = ctx.p
    kids = p.children[verb]
    if any(p.dep[c] in {"dobj", "dative"} and p.lower[c] != "that" for c in kids):
        return None
    nxt = verb + 1
    while nxt < len(p) and p.dep[nxt] == "advmod" and p.head[nxt] == verb:
        nxt += 1  # "said recently as a child ..."
    for c in kids:
        if p.dep[c] != "advcl" or c <= verb or p.left_edge(c) != nxt or ctx.in_quote[c] >= 0:
            continue
        if any(p.dep[g] == "mark" or p.tag[g] in {"WRB", "WDT", "WP"} for g in p.children[c]):
            return None
        if p.tag[c] in {"VBG", "VBN"} and not any(p.dep[g] in {"aux", "auxpass"} for g in p.children[c]):
            return None  # "tweeted her reasoning saying, "..."": a participle phrase is no clause of its own
        if any(p.dep[g] in _SUBJECTS and g < c and p.lower[g] not in _RELATIVE for g in p.children[c]) \
                and p.pos[c] in {"VERB", "AUX"} and _heads_clause(p, c):
            return c
    that = next((c for c in kids if p.dep[c] == "dobj" and p.lower[c] == "that" and c == nxt), None)
    if that is None or ctx.in_quote[that] >= 0:
        return None
    end = p.right_edge(that) + 1
    for j in range(that + 1, end):
        if p.dep[j] in {"relcl", "acl"} and p.pos[j] in {"VERB", "AUX"} and p.tag[j] in _FINITE and any(
                p.dep[g] in _SUBJECTS and g < j and p.lower[g] not in _RELATIVE | _WH_WORDS for g in p.children[j]):
            return that + 1, end
    return None


def _inverted_after_clause(ctx: _Context, cue: int) -> int | None:
    """The speaker token of a cue that follows its clause with the speaker after the verb ("...,
    argued the government's lawyer, X."), or None: the named person in apposition when there is one."""
    p = ctx.p
    if ctx.in_quote[cue] >= 0 or _parenthetical_clause(ctx, cue) is None:
        return None
    a, b = _cue_phrase(ctx, cue)
    if a != cue:
        return None
    after = next(c for c in p.children[cue] if c > cue and p.right_edge(c) + 1 == b)
    named = next((c for c in p.children[after] if p.dep[c] == "appos" and p.pos[c] == "PROPN"), None)
    return named if named is not None else after


def _trim_clause(ctx: _Context, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without a leading "that"/"if"/"whether" or punctuation and without trailing
    punctuation or conjunctions; a clause ending inside a quotation takes its closing mark along."""
    p = ctx.p
    dep = p.dep
    while start < end and (dep[start] == "mark" and p.lower[start] in {"that", "if", "whether"}
                           or p.is_punct[start] or p.is_space[start]):
        start += 1
    while end > start and (p.is_punct[end - 1] and p.text[end - 1] not in '"”’' or p.is_space[end - 1]
                           or dep[end - 1] in {"cc", "mark", "preconj"}):
        if p.text[end - 1] == ")" and _opens_bracket(p, start, end - 1):
            break  # "winds of 30 mph (45 km/h)": the bracket the clause opened closes with it
        end -= 1
    # A clause ending inside a quotation takes its closing mark along.
    qi = ctx.in_quote[end - 1] if end > start else -1
    if qi >= 0 and end < len(p) and ctx.in_quote[end] == qi:
        close = ctx.spans[qi].close_char
        while end < len(p) and ctx.in_quote[end] == qi and p.idx[end] <= close:
            end += 1
    return (start, end) if end > start else None


def _before_medium(ctx: _Context, start: int, end: int) -> int:
    """The end of a reported clause [start, end) before a trailing phrase naming the medium of the
    report ("advised citizens to leave in its security alert", "said the border would close in a
    statement"): "in"/"via"/"through" with a noun of :data:`~helpers.extract.cues.MEDIUM_NOUNS` under
    "a"/"an" or a possessive pronoun, that ends the clause. A document the clause is about stays
    ("the errors were in the report"; "read about it in a letter": a verb of
    :data:`~helpers.extract.cues.TEXT_PLACE_LEMMAS`)."""
    p = ctx.p
    last = end - 1
    while last > start and (p.is_punct[last] or p.is_space[last]):
        last -= 1
    for j in range(last - 1, start, -1):
        if ctx.in_quote[j] >= 0:
            return end
        if p.dep[j] != "prep" or p.lower[j] not in {"in", "via", "through"} or p.right_edge(j) != last:
            continue
        obj = next((c for c in p.children[j] if p.dep[c] == "pobj"), None)
        if obj is None or p.lemma[obj] not in MEDIUM_NOUNS or p.lemma[p.head[j]] in TEXT_PLACE_LEMMAS:
            return end
        if not any(p.lower[c] in {"a", "an"} or p.dep[c] == "poss" and p.pos[c] == "PRON" for c in p.children[obj]):
            return end
        cut = j
        while cut > start and (p.is_punct[cut - 1] or p.is_space[cut - 1]):
            cut -= 1
        return cut if cut - start >= MIN_CLAUSE_TOKENS else end
    return end


def _opens_bracket(p: TokenTable, start: int, end: int) -> bool:
    """Whether tokens [start, end) leave a round bracket open."""
    depth = 0
    for i in range(start, end):
        depth += (p.text[i] == "(") - (p.text[i] == ")")
    return depth > 0


def _before_gloss(ctx: _Context, start: int, end: int) -> int:
    """The end of a reported clause before the narrator's gloss on it (", meaning the UK would leave
    ...": a participle of "mean" after a comma explains the report, it is not part of it)."""
    p = ctx.p
    for t in range(start + 1, end):
        if p.lemma[t] == "mean" and p.tag[t] == "VBG" and p.dep[t] == "advcl" and p.text[t - 1] == "," \
                and ctx.in_quote[t] < 0:
            return t - 1
    return end


def _charged_with_saying(p: TokenTable, cue: int) -> bool:
    """'accused the mayor of saying ...', 'criticised her for saying ...': what someone is charged
    with having said is the accuser's claim about it, not a report of a statement (a gerund cue under
    "of"/"for" of a verb with an object; "quoted X as saying" is a report and stays)."""
    prep = p.head[cue]
    if p.dep[cue] != "pcomp" or prep == cue or p.lower[prep] not in {"of", "for"}:
        return False
    host = p.head[prep]
    return p.pos[host] == "VERB" and any(p.dep[c] == "dobj" for c in p.children[host])


def _misread_cue_subject(p: TokenTable, verb: int) -> int | None:
    """The subject of a speech verb the parser read as an adjective of its clause's subject ("Lee
    claimed [carbon] emissions fell": "claimed" an ``amod`` of "emissions", with "Lee" its own
    subject), or None."""
    if p.dep[verb] != "amod" or p.head[verb] <= verb or not is_speech_cue(p, verb):
        return None
    return next((c for c in p.children[verb] if p.dep[c] == "nsubj" and c < verb), None)


def _misread_participle_subject(p: TokenTable, verb: int) -> int | None:
    """The subject of a past-tense speech verb the parser read as a participle modifying the noun right
    before it, a subject ("The county estimated by Friday, there would be ...": "estimated" an ``acl`` of
    "county", "by Friday" its "agent"): that noun, when the verb has no agent but a date or a time.
    None otherwise ("the figures reported by the agency")."""
    head = p.head[verb]
    if p.dep[verb] != "acl" or head != verb - 1 or p.tag[verb] not in {"VBD", "VBN"} or not is_speech_cue(p, verb) \
            or p.dep[head] not in {"nsubj", "nsubjpass"} or p.pos[head] not in {"NOUN", "PROPN"}:
        return None
    agents = [c for c in p.children[verb] if p.dep[c] == "agent"]
    if any(not any(p.ent_type[g] in {"DATE", "TIME"} for g in p.children[a]) for a in agents):
        return None
    return head


def _misread_clause(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """[start, end) of a reported clause the parser broke up, or None:

    - the cue read as an adjective of the clause's subject ("Lee claimed carbon emissions fell",
      :func:`_misread_cue_subject`): the clause is that subject and its verb phrase;
    - the clause's verb read as the cue's object noun, its subject still attached to it ("Ruiz
      predicts Lee wins the seat": "wins" an object with a subject of its own): the object and what
      follows it.

    The clause stops before a second verb phrase joined to it ("... fell and argued against ...")."""
    p = ctx.p
    if p.lemma[verb] not in _REPORTING or p.lemma[verb] in HEARER_LEMMAS:
        return None
    prep = p.head[verb]
    if p.dep[verb] == "pcomp" and p.lower[prep] == "with" and p.head[prep] > verb:
        # "..., with local media reporting nobody was in the houses": the parser hung "with" on the
        # reported clause's verb; the clause is that verb's, after the cue
        host = p.head[prep]
        subj = next((c for c in p.children[host] if p.dep[c] in _SUBJECTS and verb < c < host), None)
        if p.pos[host] in {"VERB", "AUX"} and subj is not None and p.left_edge(subj) == verb + 1 \
                and not any(p.text[j] in {",", ";", ":"} for j in range(verb + 1, host)) \
                and any(p.dep[c] == "nsubj" for c in p.children[verb]):
            return verb + 1, _end_before_second_verb(p, host)
        return None
    if _misread_cue_subject(p, verb) is not None:
        subj = p.head[verb]
        clause_verb = p.head[subj]
        if p.dep[subj] not in {"nsubj", "nsubjpass"} or p.pos[clause_verb] not in {"VERB", "AUX"} or clause_verb < subj:
            return None
        return verb + 1, _end_before_second_verb(p, clause_verb)
    obj = next((c for c in p.children[verb] if p.dep[c] == "dobj" and c > verb and p.pos[c] in {"NOUN", "PROPN"}), None)
    if obj is None:
        return None
    stranded = _stranded_predicate(ctx, obj)
    if stranded is not None:
        return p.left_edge(obj), stranded
    finite = _finite_modifier(ctx, obj) or _past_read_as_participle(ctx, verb, obj)
    if not any(p.dep[c] in {"nsubj", "nsubjpass"} and c < obj for c in p.children[obj]) and not finite:
        return None
    if p.tag[obj] in {"NN", "NNS", "NNP", "NNPS"} and any(p.dep[c] == "det" for c in p.children[obj]) \
            and not finite:
        return None  # 'declared the outbreak a "public health emergency"': a noun with its article is the
        # object's complement (a small clause, no statement), not a verb the parser took for a noun
    end = p.right_edge(obj) + 1
    for c in p.children[verb]:
        if c > obj and p.dep[c] in {"cc", "conj"}:
            break
        if c > obj and not p.is_punct[c]:
            end = max(end, p.right_edge(c) + 1)
    return p.left_edge(obj), end


def _gerund_subject_clause(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """'said naming the virus after the city would place stigma on ...': a gerund right after the cue
    that the parser made its complement, with a modal or finite verb in its phrase, is the subject of
    the reported clause: the clause is the gerund's phrase. None otherwise."""
    p = ctx.p
    x = next((c for c in p.children[verb] if p.dep[c] == "xcomp" and p.tag[c] == "VBG" and p.left_edge(c) == verb + 1),
             None)
    if x is None or ctx.in_quote[x] >= 0:
        return None
    end = p.right_edge(x) + 1
    # the predicate hangs on the gerund itself (not inside a relative clause of its object:
    # 'reported inventing a coating that resists substances' is a report of a deed, no clause)
    if not any(p.dep[j] in {"advcl", "ccomp", "conj"} and ctx.in_quote[j] < 0
               and (p.tag[j] in _FINITE or any(p.tag[g] == "MD" for g in p.children[j])) for j in p.children[x]):
        return None
    return x, end


def _stranded_predicate(ctx: _Context, noun: int) -> int | None:
    """'announced the new region, to be called X, would be governing itself from 2022': a modal verb
    phrase with no subject right after the object's phrase (and its commas) has the object for its
    subject, so object and predicate are the reported clause: the end of the predicate, or None (the
    comma before the modal may hang on the predicate: 'announced classes for all grades, public and
    private, would be cancelled')."""
    p = ctx.p
    j = p.right_edge(noun) + 1
    if j < len(p) and p.tag[j] in _FINITE and p.dep[j] == "conj" and _descends_from(p, p.head[noun], p.head[j]) \
            and p.pos[j] in {"VERB", "AUX"} and ctx.in_quote[j] < 0 and p.left_edge(j) == j \
            and not any(p.dep[c] in _SUBJECTS or p.dep[c] in {"nsubjpass", "cc"} for c in p.children[j]):
        # "maintained an inquiry is what the committee does": the clause's finite verb, right after
        # the object with no conjunction between, which the parser joined to the cue (or to the verb
        # the cue hangs on: "filed a motion claiming the order is unlawful")
        return _end_before_second_verb(p, j)
    while j < len(p) and (p.is_punct[j] or p.is_space[j]) and ctx.in_quote[j] < 0:
        j += 1
    if j >= len(p) or p.tag[j] != "MD" or ctx.in_quote[j] >= 0:
        return None
    pred = p.head[j]
    if pred <= j or p.pos[pred] not in {"VERB", "AUX"} or p.left_edge(pred) <= p.right_edge(noun) \
            or any(not (p.is_punct[k] or p.is_space[k]) for k in range(p.left_edge(pred), j)) \
            or any(p.dep[c] in _SUBJECTS for c in p.children[pred]):
        return None
    return _end_before_second_verb(p, pred)


def _finite_modifier(ctx: _Context, noun: int) -> bool:
    """'tweeted the response "required all hands on deck"': a past or present tense verb with a
    complement of its own that the parser hung on the noun before it as a modifier is that noun's
    verb, so the noun and it are a clause ("the deal reached last week" has no complement and stays
    a noun phrase)."""
    p = ctx.p
    for c in p.children[noun]:
        if c > noun and p.dep[c] == "acl" and p.tag[c] in {"VBD", "VBZ"} and all(
                p.is_punct[j] or p.is_space[j] for j in range(noun + 1, p.left_edge(c))) \
                and any(p.dep[g] in {"dobj", "ccomp", "acomp", "attr", "xcomp"} for g in p.children[c]) \
                and not any(p.dep[g] in _SUBJECTS or p.dep[g] == "mark" for g in p.children[c]):
            return True  # not "claims that X was slain": a clause of its own, the noun's content
    return False


def _past_read_as_participle(ctx: _Context, verb: int, noun: int) -> bool:
    """'said several acres of land burned before ...': after "say", whose object is hardly ever a thing
    with a participle, an "-ed" participle (spelt as the past tense) hung on the object as a modifier, with
    no agent, auxiliary or subject of its own and nothing but the object's own phrases before it (no
    comma), is the clause's past tense the tagger misread: the object and it are the reported clause.
    ("said the words written on the wall": an irregular participle stays a modifier.)"""
    p = ctx.p
    if p.lemma[verb] != "say":
        return False
    for c in p.children[noun]:
        if c > noun and p.dep[c] == "acl" and p.tag[c] == "VBN" and p.lower[c].endswith("ed") \
                and p.left_edge(c) == c and ctx.in_quote[c] < 0 \
                and all(p.text[j] not in {",", ";", ":", "(", ")"} and _descends_from(p, j, noun) for j in range(noun + 1, c)) \
                and not any(p.dep[g] in {"agent", "aux", "auxpass", "mark", "nsubj", "nsubjpass"} for g in p.children[c]):
            return True
    return False


def _end_before_second_verb(p: TokenTable, verb: int) -> int:
    """The end of ``verb``'s phrase, before a second verb phrase joined to it without a subject of its
    own ("emissions fell [and argued against ...]")."""
    end = p.right_edge(verb) + 1
    for c in p.children[verb]:
        if c > verb and p.dep[c] == "conj" and p.pos[c] in {"VERB", "AUX"} and not any(
                p.dep[g] in _SUBJECTS for g in p.children[c]):
            cc = [g for g in p.children[verb] if p.dep[g] == "cc" and verb < g < c]
            end = min(end, cc[-1] if cc else p.left_edge(c))
    return end


def _names_people(ctx: _Context, tok: int) -> bool:
    """Whether the noun ``tok`` names people: a people noun ("residents", "officials"), a person or a
    body by name, or a personal pronoun."""
    p = ctx.p
    if p.pos[tok] == "PRON":
        return p.lower[tok] not in NON_SPEAKER_PRONOUNS - {"you"}
    return is_people_noun(p.lemma[tok]) or p.ent_type[tok] in {"PERSON", "ORG", "NORP", "GPE"}


def _one_person(ctx: _Context, tok: int) -> bool:
    """Whether ``tok`` names one person: a singular personal pronoun, or a person's name (by NER or by
    the entity the article makes of it)."""
    p = ctx.p
    ent = ctx.res.token_entity[tok]
    return p.lower[tok] in {"him", "her", "me"} or p.ent_type[tok] == "PERSON" or ent is not None and ent.is_person


def _appeal_for(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """The request of an appeal made with "for" ("urged for the guard to be sent", "called for the
    ruling to be overturned"): the noun and its infinitive, as the parser hangs them (a ``for ... to``
    clause, or an infinitive on the object of "for"). None otherwise."""
    p = ctx.p
    for c in p.children[verb]:
        if c < verb:
            continue
        if p.dep[c] in {"advcl", "ccomp", "xcomp"} and any(p.lower[g] == "for" and p.dep[g] == "mark" for g in p.children[c]) \
                and any(p.tag[g] == "TO" for g in p.children[c]):
            subj = next((g for g in p.children[c] if p.dep[g] in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return _trim_clause(ctx, p.left_edge(subj), p.right_edge(c) + 1)
        if p.dep[c] == "prep" and p.lower[c] == "for":
            obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
            if obj is not None and any(p.dep[g] in {"acl", "relcl"} and p.pos[g] in {"VERB", "AUX"}
                                       and any(p.tag[h] == "TO" for h in p.children[g]) for g in p.children[obj]):
                return _trim_clause(ctx, p.left_edge(obj), p.right_edge(obj) + 1)
    return None


def _clause_before(ctx: _Context, verb: int) -> tuple[int, int] | None:
    """The words of the sentence before an inverted cue ("[CLAUSE], reported officials"): [start,
    end) up to the comma before the cue, or None."""
    p = ctx.p
    start = ctx.sents[ctx.res.token_sentence[verb]][0]
    end = verb
    while end > start and (p.is_punct[end - 1] or p.is_space[end - 1]):
        end -= 1
    while start < end and (p.is_punct[start] or p.is_space[start]):
        start += 1
    if end - start < MIN_CLAUSE_TOKENS or any(ctx.in_quote[i] >= 0 for i in range(start, end)):
        return None
    return start, end


def _char_before_token(ctx: _Context, i: int) -> str:
    return _char_before(ctx.text, ctx.p.idx[i])


def _object_as_subject(ctx: _Context, verb: int, clause_start: int) -> int | None:
    """The object of ``verb`` that is really the subject of its clause complement starting at
    ``clause_start`` ("remarked [toilet paper] is bulky", "promised [each victim] will be paid"):
    a noun object right before the clause, of a verb whose object is not its hearer ("told
    reporters ..."). None otherwise."""
    p = ctx.p
    if p.lemma[verb] in HEARER_LEMMAS:
        return None
    for c in p.children[verb]:
        if p.dep[c] == "dobj" and p.pos[c] in {"NOUN", "PROPN", "PRON", "NUM"} and p.right_edge(c) < clause_start and all(
                p.is_punct[j] or p.is_space[j] or ctx.in_quote[j] >= 0 or _in_prep_of(p, j, verb, c) and p.pos[j] != "VERB"
                for j in range(p.right_edge(c) + 1, clause_start)):
            return c  # also across a quoted title in apposition: 'his post, "Storm the Gates", was ...', and
            # across a phrase the parser hung on the cue ('reported the studio due to X's death has delayed ...'),
            # not one with a verb of its own ('estimate the herd by observing the area turned orange': the
            # clause is the area's, inside the phrase)

    # "said in its filing [the matter] "focuses on ..."": the parser made the subject an object of the
    # noun before it; a noun cannot take an object, so the phrase is the clause's subject.
    j = clause_start - 1
    while j > verb and (p.is_punct[j] or p.is_space[j]):
        j -= 1
    if j > verb and p.dep[j] == "dobj" and p.pos[j] in {"NOUN", "PROPN"} and p.pos[p.head[j]] == "NOUN" \
            and p.right_edge(j) == j and p.left_edge(j) > verb:
        return j
    return None


def _in_prep_of(p: TokenTable, j: int, verb: int, after: int) -> bool:
    """Whether token ``j`` lies in a prepositional phrase hung on ``verb`` that starts after token
    ``after``."""
    node = j
    for _ in range(MAX_CUE_STEPS):
        h = p.head[node]
        if h == verb:
            return p.dep[node] == "prep" and node > after
        if h == node:
            return False
        node = h
    return False


def _names_its_speaker(ctx: _Context, cue: int) -> bool:
    """Whether the speaker of ``cue`` is someone named (an entity of the article, directly or through a
    pronoun), not an unnamed voice ("officials", "two sources")."""
    return ctx.speaker_of_cue(cue).entity is not None


def _has_report(ctx: _Context, verb: int) -> bool:
    """Whether a speech verb reports something of its own: a clause ("said [that ...]") or a
    quotation, not only an object ("charged the suspect", "maintains a database")."""
    p = ctx.p
    return any(p.dep[c] == "ccomp" or ctx.in_quote[c] >= 0 and not p.is_punct[c] for c in p.children[verb])


def _host_clause(ctx: _Context, tok: int) -> tuple[int, int] | None:
    """The clause ``tok`` hangs in (", he said,"), trimmed of punctuation: [start, end) or None.
    Offsets are contiguous, so a cue in the middle stays inside the span."""
    return _according_clause(ctx, tok, keep_middle=True)


def _no_source(ctx: _Context, acc: int) -> bool:
    """Whether "according to" names a standard, not a source: a bare noun ("according to plan",
    "according to custom") or one of someone's things that carries no words ("each according to
    their choice"). A person, a body, a name or a document ("according to his lawyer", "their
    website", "the ministry") is a source."""
    p = ctx.p
    to = next((c for c in p.children[acc] if p.lower[c] == "to"), None)
    obj = next((c for c in p.children[to] if p.dep[c] == "pobj"), None) if to is not None else None
    if obj is not None and p.pos[obj] == "NOUN" and p.lower[obj] in CONJECTURE_NOUNS:
        return True  # "according to the hypothesis (of the study)": a conjecture, nobody's words
    if obj is None or p.pos[obj] != "NOUN" or ctx.res.token_entity[obj] is not None or p.tag[obj] != "NN":
        return False
    lemma = p.lemma[obj]
    if lemma in ORG_NOUNS or lemma in INSTITUTION_NOUNS or lemma in MEDIA_NOUNS or is_people_noun(lemma):
        return False
    kids = p.children[obj]
    if not kids:
        return True  # "according to plan": no determiner, no owner, no one's words
    return lemma not in VOICE_CARRIERS and all(p.dep[c] == "poss" and p.pos[c] == "PRON" for c in kids)


def _according_clause(ctx: _Context, tok: int, keep_middle: bool = False) -> tuple[int, int] | None:
    """The clause "according to X" qualifies, without the phrase: the clause of the nearest verb
    above it that is not a participle modifier ("Rescuers, working in the cold, according to the
    ministry, found ..."). A phrase in the middle stays inside the span when the subject comes
    before it; otherwise ("In July, according to officials, Merkel made clear ...") the longer side
    is the clause. ``keep_middle`` keeps both sides (a parenthetical ", he said,")."""
    p = ctx.p
    dep, children = p.dep, p.children
    left, right = p.left_edge(tok), p.right_edge(tok)
    if keep_middle:
        # "Because warm water is lighter, says the study, it rises ...": an adverbial clause the
        # parser hung on the parenthetical cue belongs to the clause around it
        for c in children[tok]:
            if dep[c] == "advcl" and c < tok and p.left_edge(c) == left and p.text[p.right_edge(c) + 1] == ",":
                left = p.right_edge(c) + 2
    head = _clause_verb(ctx, p.head[tok]) if not keep_middle else p.head[tok]
    if head == tok:
        return None if keep_middle else _clause_after_fronted_according(ctx, tok)
    straddles = False
    if not keep_middle:
        to = next((c for c in children[tok] if p.lower[c] == "to" and c > tok), None)
        if to is not None:
            # the phrase ends with its source: what the parser hung after it on "according" ("was,
            # according to X, among the dead") is the clause's own
            right = max(to, p.right_edge(to))
        aux = _auxiliary_before(ctx, left)
        if aux is not None:
            # "was, according to X, arrested", "had, according to X, left": the phrase splits a verb
            # phrase, however the parser hung the two halves; the clause is both, one statement
            other = _clause_verb(ctx, aux)
            lo, hi_ = min(p.left_edge(head), p.left_edge(other)), max(p.right_edge(head), p.right_edge(other))
            if lo < left and hi_ > right:
                head = other if p.left_edge(other) <= p.left_edge(head) else head
                straddles = (lo, hi_)
        while tok > head and dep[head] == "conj" and p.pos[p.head[head]] in {"VERB", "AUX"} \
                and not _reports_speech(p, p.head[head]):
            # "Four died and twenty were hurt, according to X": a trailing phrase qualifies every
            # clause of the coordination before it (a speech verb before it keeps its own report)
            head = p.head[head]
        up = p.head[head]
        if tok < head < up and dep[head] == "ccomp" and p.pos[up] in {"VERB", "AUX"} and up not in ctx.cue_set \
                and p.lemma[up] not in _CUE_LEMMAS | THOUGHT_LEMMAS and _segment(ctx, up) == _segment(ctx, head):
            # "According to X, the airport has a short runway, so when ..., it fell ...": the parser hung
            # the first clause on a later one that is no verb of saying or thinking; the phrase
            # qualifies them both
            head = up
        if to is not None and tok < head and right < head and not any(
                dep[c] in _SUBJECTS or dep[c] == "nsubjpass" for c in children[head]):
            # "According to the researchers, hunting and trapping of geese was common": the clause's
            # subject, hung on the source across the comma, is the clause's own
            src = next((c for c in children[to] if dep[c] == "pobj"), None)
            comma = next((k for k in range(src + 1, right + 1) if p.text[k] == "," and ctx.in_quote[k] < 0),
                         None) if src is not None else None
            if comma is not None:
                right = comma
    if not keep_middle and tok > head and _frames_quotation(ctx, head, left):
        return None
    subjects = [c for c in children[head] if dep[c] in _SUBJECTS or dep[c] == "nsubjpass"]
    if not keep_middle and any(c < left for c in subjects) and any(c > right for c in subjects) \
            and p.text[left - 1] != "," and p.text[right + 1] == ",":
        return None  # "Magnitude 6.3 according to X, it was recorded as 6.4 by Y": the phrase labels the
        # words before it, no clause (the parser gave the clause after it two subjects)
    last = None
    if (_reports_speech(p, head) and head > right and p.head[head] != head
            and any(dep[c] == "nsubj" and p.lower[c] in _RELATIVE for c in children[head])):
        # "The shooting began at ten, according to police, who said ...": the phrase qualifies
        # the clause before it; the relative clause is the source's own statement.
        last = left - 1
        head = _clause_verb(ctx, p.head[head])
    elif _reports_speech(p, head) and any(dep[c] == "nsubj" for c in children[head]) and _has_report(ctx, head) \
            and (tok > head or _names_its_speaker(ctx, head)):
        return None  # "According to ITAR-TASS, X said ...": X's statement, reported once; "according to
        # the paper, officials warned ...": the paper's report, as the officials are nobody named (a
        # trailing "..., according to the paper" leaves the statement to the clause's own subject)
    hi = p.right_edge(head) if last is None else min(last, p.right_edge(head))
    lo = p.left_edge(head)
    if straddles:
        lo, hi = min(lo, straddles[0]), max(hi, straddles[1]) if last is None else min(last, max(hi, straddles[1]))
    for t in range(right + 1, hi + 1):
        # "..., according to CNN, who reported that ...": the source's own report ends the clause;
        # a relative clause of the clause's own words ("posts which state the same thing") does not
        if (_reports_speech(p, t) and any(dep[c] == "nsubj" and p.lower[c] in _RELATIVE for c in children[t])
                and (left <= p.head[t] <= right or p.left_edge(t) <= right + 2)):
            hi = p.left_edge(t) - 1
            break
    idx = [i for i in range(lo, hi + 1) if not left <= i <= right]
    if not keep_middle:
        # "X suggested A; according to Y, B": a phrase after a semicolon qualifies its own part of the
        # sentence, however the parser hung the part before it
        seg_start = _segment(ctx, tok)[0]
        idx = [i for i in idx if i >= seg_start]
    if not keep_middle and not straddles and idx and idx[0] < left and idx[-1] > right:
        # The phrase inside the clause: the clause stays whole when the phrase splits its core
        # (subject, verb, objects: "Rescuers, according to X, found ..."); otherwise the side
        # that holds the core ("In July, according to X, ...": after; "..., according to X,
        # with ... ": before), or the longer one.
        core = {head} | {c for c in children[head] if dep[c] in _CORE_DEPS}
        before = [i for i in idx if i < left]
        after = [i for i in idx if i > right]
        core_before, core_after = any(i in core for i in before), any(i in core for i in after)
        if not (core_before and core_after):
            if core_before != core_after:
                idx = before if core_before else after
            else:
                idx = after if len(after) >= len(before) else before
    while idx and (p.is_punct[idx[0]] or p.is_space[idx[0]]):
        idx.pop(0)
    while idx and (p.is_punct[idx[-1]] or p.is_space[idx[-1]]):
        idx.pop()
    if not idx:
        return None
    return idx[0], idx[-1] + 1


def _clause_after_fronted_according(ctx: _Context, acc: int) -> tuple[int, int] | None:
    """'According to X, for days the phone was off and ...': the clause after an "according to" phrase that
    opens its sentence (or a part of it after a semicolon) and ends at a comma, where the parser made
    "According" the root and hung the clause on it or on the comma (an adjunct of the clause before its
    subject read as a noun with a relative clause): the rest of the sentence, when it holds a verb with a
    subject. None otherwise."""
    p = ctx.p
    seg_start, seg_end = _segment(ctx, acc)
    if p.left_edge(acc) != acc or any(not (p.is_punct[j] or p.is_space[j]) for j in range(seg_start, acc)):
        return None
    to = next((c for c in p.children[acc] if p.lower[c] == "to" and c > acc), None)
    src = next((c for c in p.children[to] if p.dep[c] == "pobj"), None) if to is not None else None
    if src is None:
        return None
    comma = p.right_edge(src) + 1
    if comma >= seg_end or p.text[comma] != "," or any(ctx.in_quote[j] >= 0 for j in range(acc, comma + 1)):
        return None
    rest = range(comma + 1, seg_end)
    if not any(p.pos[v] in {"VERB", "AUX"} and any(p.dep[c] in _SUBJECTS or p.dep[c] == "nsubjpass" for c in p.children[v])
               for v in rest):
        return None
    return _trim_clause(ctx, comma + 1, seg_end)


def _frames_quotation(ctx: _Context, verb: int, before: int) -> bool:
    """'X called it a "...", according to NBC': whether ``verb`` is a cue with a subject of its own that
    attributes a quotation in its clause before ``before``: the words are the subject's, and a source
    after the clause only relays them (no statement of its own)."""
    p = ctx.p
    if p.lemma[verb] not in _CUE_LEMMAS | AS_FRAME_LEMMAS | OBJECT_FRAME_LEMMAS or ctx.in_quote[verb] >= 0:
        return False
    subj = next((c for c in p.children[verb] if p.dep[c] == "nsubj" and c < verb and ctx.in_quote[c] < 0), None)
    if subj is None:
        return False
    quoted = [j for j in range(verb + 1, before) if ctx.in_quote[j] >= 0 and not p.is_punct[j]]
    if not quoted:
        return False
    # 'X, often referred to as "...", had been ...': a naming verb set off from its "subject" by a comma,
    # with a finite verb of the clause after the quotation, is a participle in apposition: it frames nothing
    return not (subj + 1 < verb and p.text[subj + 1] == "," and any(
        ctx.in_quote[j] < 0 and p.tag[j] in _FINITE | {"MD"} for j in range(quoted[-1] + 1, before)))


def _auxiliary_before(ctx: _Context, left: int, skip_negation: bool = False) -> int | None:
    """The auxiliary or copula that ends the words before a phrase set off by a comma ("The suspect
    had, according to ..."; with ``skip_negation`` also "had not, ..."), outside quotations, in the
    same sentence; None otherwise."""
    p = ctx.p
    j = left - 1
    if j < 0 or p.text[j] != ",":
        return None
    j -= 1
    if skip_negation and j > 0 and p.dep[j] == "neg":
        j -= 1
    sent_start = ctx.sents[ctx.res.token_sentence[left]][0]
    if j < sent_start or ctx.in_quote[j] >= 0:
        return None
    if p.pos[j] == "AUX" or p.tag[j] == "MD" or p.lemma[j] in {"be", "have", "do"} and not any(
            p.dep[c] in {"dobj", "attr", "acomp"} and c < left for c in p.children[j]):
        return j  # (a bare "had" before the phrase is often tagged as the main verb)
    return None


def _clause_verb(ctx: _Context, node: int) -> int:
    """The verb whose clause a phrase hanging on ``node`` qualifies: ``node`` itself when it heads a
    clause (a finite verb, or one with a subject); else up from a noun, an infinitive or a
    participle with no subject of its own ("Rescuers, working in the cold, ...") to the nearest
    verb that heads one."""
    p = ctx.p
    for _ in range(MAX_CUE_STEPS):
        if p.dep[node] in {"aux", "auxpass"} and p.head[node] != node:
            node = p.head[node]  # "had [according to X] fled": the verb the auxiliary belongs to
            continue
        if p.head[node] == node or p.pos[node] in {"VERB", "AUX"} and _heads_clause(p, node):
            return node
        node = p.head[node]
    return node


def _heads_clause(p: TokenTable, verb: int) -> bool:
    return p.tag[verb] in _FINITE or any(
        p.dep[c] in _SUBJECTS or p.dep[c] == "nsubjpass" or p.tag[c] == "MD" for c in p.children[verb])


# -- pass 2: cues -------------------------------------------------------------------------------


def find_cues(ctx: _Context, candidates: list[Candidate]) -> None:
    """Fill ``proposals`` of every quotation: what each strategy of :data:`CUE_STRATEGIES` that
    applies to it proposes, in strategy order. Reported clauses keep the cue they were found by."""
    for cand in candidates:
        if cand.quote is None:
            continue
        for strategy in CUE_STRATEGIES:
            if strategy.applies(cand):
                prop = strategy.find(ctx, cand)
                if prop is not None:
                    cand.proposals.append(prop)


def _cue_in_parse(ctx: _Context, cand: Candidate) -> Proposal | None:
    """The speech cue of a quotation over tokens [a, b): up the head chain from the quoted words,
    then cues hanging on the quotation."""
    p = ctx.p
    qi = cand.quote
    a, b = cand.tokens
    heads, lemma, pos, lower, children = p.head, p.lemma, p.pos, p.lower, p.children
    in_q = ctx.in_quote
    para = ctx.res.token_paragraph
    qpara = para[a]
    best, best_dist = None, None
    for i in range(a, b):
        head = heads[i]
        if a <= head < b:
            continue
        steps = 0
        node, via = head, i
        while steps < MAX_CUE_STEPS and para[node] == qpara:
            if in_q[node] != qi:
                if in_q[node] < 0 and lemma[node] in THOUGHT_LEMMAS and pos[node] == "VERB" \
                        and node not in ctx.rulings and not _reported_by_speech(ctx, node):
                    return Proposal("syntax", cue=node, thought=True)
                if in_q[node] < 0 and p.lemma[node] == "quote":
                    # "X was quoted as saying": the cue is the participle under "as".
                    saying = _quoted_as_saying(p, node)
                    if saying is not None:
                        node = saying
                if in_q[node] < 0 and (is_speech_cue(p, node) or node in ctx.rulings
                                       or cand.kind == "partial" and _frames_fragment(ctx, node, via)):
                    if cand.kind == "partial" and _in_circumstance(p, i, node):
                        break  # 'Echoing a memo about a "secret deal", she said ...': not her words
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
            node, via = heads[node], node
            steps += 1
    if best is not None:
        return Proposal("syntax", cue=_prefer_named(ctx, best))
    # Cues hanging on the quoted words: '"...," he said' parsed with "said" as parataxis.
    for i in range(a, b):
        for c in children[i]:
            if in_q[c] < 0 and p.dep[c] in {"parataxis", "ccomp", "advcl", "conj", "prep"}:
                if lemma[c] in THOUGHT_LEMMAS and pos[c] == "VERB":
                    return Proposal("syntax", cue=c, thought=True)
                if is_speech_cue(p, c):
                    return Proposal("syntax", cue=c)
    return None


def _reported_by_speech(ctx: _Context, verb: int) -> bool:
    """Whether the verb ``verb`` stands in the clause reported by a speech cue outside quotations ("told
    the BBC that police suspect the attackers were "radicalised"": the quoted words are the teller's, not
    a thought of the police): up its chain of complements and coordinated clauses."""
    p = ctx.p
    for _ in range(MAX_CUE_STEPS):
        if p.dep[verb] not in {"ccomp", "conj"} or p.head[verb] == verb:
            return False
        verb = p.head[verb]
        if ctx.in_quote[verb] < 0 and is_speech_cue(p, verb):
            return True
    return False


def _rules_as_court(p: TokenTable, i: int) -> bool:
    """Whether token ``i`` is a verb of :data:`~helpers.extract.cues.RULING_LEMMAS` ("found", "held",
    "decided") with a court, a judge or a tribunal for its subject
    (:data:`~helpers.extract.cues.JUDICIAL_NOUNS`, the head of the subject's phrase: "the three-judge
    court", "the Court of Session"), not negated."""
    if p.pos[i] != "VERB" or p.tag[i] not in _FINITE:
        return False
    if any(p.dep[c] in {"neg", "auxpass"} for c in p.children[i]):
        return False
    return any(p.dep[c] == "nsubj" and p.lower[c] in JUDICIAL_NOUNS for c in p.children[i])


def _relative_reports(ctx: _Context) -> list[tuple[int, int, int]]:
    """'..., which Politico reported left some experts disappointed', '..., which critics, like X,
    have said amounted to ...': a relative clause whose verb is reported (the relative word, a
    subject, a speech verb, then the relative clause's own finite verb), read off the words, as the
    parser often breaks it up (the predicate hung on the main clause, "said" read as an auxiliary).
    ``(cue, subject head, predicate)`` triples; the report is the predicate's phrase, the speaker the
    subject (the head noun of its first phrase; of a plural one with a named example, "critics, like
    X," or "such as X", the one named)."""
    p = ctx.p
    out = []
    for r, low in enumerate(p.lower):
        if low not in {"which", "who"} or p.tag[r] not in {"WDT", "WP"} or ctx.in_quote[r] >= 0 or r == 0 \
                or p.text[r - 1] != ",":
            continue
        sent_end = ctx.sents[ctx.res.token_sentence[r]][1]
        k, head, first_phrase, example = r + 1, None, True, None
        while k < min(sent_end, r + 1 + MAX_ADJACENT_CUE_WORDS) and ctx.in_quote[k] < 0:
            if _reporting_word(p, k) and p.tag[k] in {"VBD", "VBZ", "VBP", "VBN"}:
                break
            if p.pos[k] in {"VERB", "AUX"} and not (p.lemma[k] == "have" and _reporting_word(p, k + 1)):
                k = sent_end  # another verb first: not a reported relative clause
                break
            if p.text[k] == "," or p.pos[k] == "ADP":
                first_phrase = False
            elif first_phrase and p.pos[k] in {"NOUN", "PROPN", "PRON"}:
                head = k
            elif p.pos[k] == "PROPN" and p.lower[k - 1] in {"like", "as"} and example is None:
                example = k  # "critics, like X, have said": the one named speaks for them
            k += 1
        else:
            continue
        if k + 1 >= sent_end or head is None or ctx.in_quote[k] >= 0 or ctx.in_quote[k + 1] >= 0:
            continue
        if p.tag[k] == "VBN" and p.lemma[k - 1] != "have":
            continue  # "which critics cited": a participle of its own
        pred = k + 1
        # "have said amounted": the parser gave the "have" to the predicate, a past tense read as a participle
        past = p.tag[pred] == "VBN" and p.lower[pred].endswith("ed") and p.lemma[k - 1] == "have"
        if p.pos[pred] not in {"VERB", "AUX"} or p.tag[pred] not in {"VBD", "VBZ", "VBP", "MD"} and not past:
            continue
        if any(p.dep[c] == "neg" for c in p.children[k]):
            continue
        if example is not None and p.tag[head] == "NNS":
            while example + 1 < k and p.pos[example + 1] == "PROPN":
                example += 1  # the name's last word heads it
            head = example
        out.append((k, head, pred))
    return out


def _statement_clauses(ctx: _Context) -> list[tuple[int, tuple[int, int]]]:
    """'The Department issued a statement that an inmate had been stabbed', 'made a surprise announcement on
    Twitter that he was running': a verb that makes a statement its subject's (:data:`~helpers.extract.cues.ISSUE_LEMMAS`)
    with a statement noun (:data:`~helpers.extract.cues.SPEECH_NOUNS`) for object, whose own "that" clause
    (a content clause: "that" its conjunction, a subject of its own; hung on the noun or, after it, on the
    verb: "released a statement on Monday that ...") is what the statement says: (the
    verb, the clause's [start, end)). A relative clause ("a statement that praised the police": "that" its
    subject) says nothing; nor does a negated verb or one with no subject."""
    p = ctx.p
    out = []
    for noun, lemma in enumerate(p.lemma):
        if lemma not in SPEECH_NOUNS | RULING_NOUNS or p.pos[noun] != "NOUN" or p.dep[noun] != "dobj" or ctx.in_quote[noun] >= 0:
            continue
        verb = p.head[noun]
        if p.lemma[verb] not in ISSUE_LEMMAS or p.pos[verb] != "VERB" or any(
                p.dep[c] == "neg" for c in p.children[verb]) or not any(p.dep[c] == "nsubj" for c in p.children[verb]):
            continue
        hosts = p.children[noun] + [c for c in p.children[verb] if p.dep[c] == "ccomp"]
        if lemma in RULING_NOUNS:
            # "issued a ruling against X finding that ...": the participle that states the ruling (read as a
            # modifier, or as a noun inside a phrase of it) carries the clause
            # (or as an adverbial participle of the verb after the noun)
            hosts += [g for t in range(noun + 1, p.right_edge(noun) + 1) if p.lower[t] in RULING_PARTICIPLES
                      and ctx.in_quote[t] < 0 and _descends_from(p, t, noun) for g in p.children[t]]
            hosts += [g for t in p.children[verb] if t > noun and p.dep[t] == "advcl" and p.lower[t] in RULING_PARTICIPLES
                      and ctx.in_quote[t] < 0 for g in p.children[t]]
        for c in hosts:
            if c < noun or p.dep[c] not in {"acl", "ccomp", "relcl"} or p.pos[c] not in {"VERB", "AUX"} or ctx.in_quote[c] >= 0:
                continue
            that = p.left_edge(c)
            if p.lower[that] != "that" or p.dep[that] != "mark" or not any(
                    p.dep[g] in _SUBJECTS or p.dep[g] == "nsubjpass" for g in p.children[c]):
                continue
            span = _trim_clause(ctx, that + 1, _end_before_second_verb(p, c))
            if span is not None:
                out.append((verb, span))
            break
    return out


def _reporting_word(p: TokenTable, i: int) -> bool:
    """A speech verb of a report, by its lemma, or "said" whatever lemma the parser gave it (read as
    an auxiliary it keeps its own form)."""
    return p.lemma[i] in _REPORTING or p.lower[i] == "said"


def _in_circumstance(p: TokenTable, i: int, cue: int) -> bool:
    """Whether token ``i`` lies in an adverbial clause set before the cue ('Echoing a memo about a
    "secret deal", she said ...', 'Citing the "emergency", he said ...'): a fragment quoted there
    belongs to what the clause describes, not to what the cue reports."""
    node = i
    while node != cue and p.head[node] != node:
        if p.dep[node] == "advcl" and p.head[node] == cue and node < cue:
            return True
        node = p.head[node]
    return False


def _frames_fragment(ctx: _Context, verb: int, via: int) -> bool:
    """Whether ``verb`` (not a speech cue) attributes the quoted fragment reached through its child
    ``via``: a verb of :data:`~helpers.extract.cues.AS_FRAME_LEMMAS` whose "as" phrase holds it
    ("referred to the crowd as "...""), or one of :data:`~helpers.extract.cues.OBJECT_FRAME_LEMMAS`
    whose object or complement holds it ("professed herself "..."", "attacked the "..."": a person
    attacking, as a physical attack has no quoted words of its own). Never negated, never a passive."""
    p = ctx.p
    lemma = p.lemma[verb]
    if p.pos[verb] != "VERB" or lemma not in AS_FRAME_LEMMAS | OBJECT_FRAME_LEMMAS:
        return False
    if any(p.dep[c] in {"neg", "auxpass", "nsubjpass"} for c in p.children[verb]):
        return False
    if lemma in AS_FRAME_LEMMAS:
        return p.dep[via] == "prep" and p.lower[via] == "as"
    if p.dep[via] not in {"dobj", "ccomp", "xcomp", "oprd", "acomp"}:
        return False
    if lemma == "profess":
        return True
    subj = cue_speaker_token(p, verb, ctx.speakers.quoted)
    if subj is None:
        return False
    if p.pos[subj] == "PRON":
        return p.lower[subj] in {"he", "she"}
    ent = ctx.res.token_entity[subj]
    return ent is not None and ent.is_person


def _prefer_named(ctx: _Context, cue: int) -> int:
    """Of a doubled attribution ('X said: "...", he said'), the cue that names its speaker."""
    p = ctx.p
    tok = cue_speaker_token(p, cue, ctx.speakers.quoted)
    head = p.head[cue]
    if (tok is not None and p.pos[tok] == "PRON" and head != cue and ctx.in_quote[head] < 0
            and is_speech_cue(p, head)):
        other = cue_speaker_token(p, head, ctx.speakers.quoted)
        if other is not None and p.pos[other] != "PRON":
            return head
    return cue


def _cue_before(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'when she said of the late leader, "He was ..."': a cue earlier in the sentence, with only
    its own phrase and a comma or colon between it and the quotation (the parser did not link
    them). None when another verb stands between."""
    sp = ctx.spans[cand.quote]
    mark = _char_before(ctx.text, sp.open_char)
    if mark not in {",", ":"}:
        return _cue_owning_gap(ctx, cand)
    p = ctx.p
    a = cand.tokens[0]
    sent_start = ctx.sents[ctx.res.token_sentence[a]][0]
    for i in range(a - 1, sent_start - 1, -1):
        if ctx.in_quote[i] >= 0 and i < a - 1:
            if mark == ":":
                break  # 'X defended it as "fair": "..."': the clause may still introduce it
            between = _participle_between(ctx, i + 1, a)
            return Proposal("between", cue=between) if between is not None else None
        if p.pos[i] in {"VERB", "AUX"}:
            if ctx.in_quote[i] < 0 and is_speech_cue(p, i):
                return Proposal("preceding", cue=i)
            break
    if mark == ":":
        # The clause the colon ends introduces the quotation: its root verb is the cue. A clause
        # with quoted words of its own does so when it frames a statement ("In a statement, X
        # justified the strike as "defensive": "...""), whatever its verb.
        root = p.span_root(sent_start, a - 1)
        quoted = any(ctx.in_quote[i] >= 0 for i in range(sent_start, a - 1))
        if _introduces_with_colon(ctx, root) and (not quoted or _frames_statement(ctx, root)):
            return Proposal("preceding", cue=root)
    return None


def _cue_owning_gap(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'..., noting on Twitter "[h]is venture began ..."', 'She told the paper "We are ready."': a
    quotation with no mark before it, ending its sentence, right after a speech cue and the cue's
    own short phrase (its hearer, its medium): that cue introduces it. None when any other word
    stands between (another verb, a word outside the cue's phrase) or the cue names its own clause."""
    if not _ends_sentence(ctx, ctx.spans[cand.quote]):
        return None
    p = ctx.p
    a = cand.tokens[0]
    sent_start = ctx.sents[ctx.res.token_sentence[a]][0]
    gap = []
    for i in range(a - 1, max(sent_start, a - 1 - MAX_GAP_WORDS) - 1, -1):
        if ctx.in_quote[i] >= 0 and i < a - 1:
            return None
        if p.pos[i] in {"VERB", "AUX"}:
            if ctx.in_quote[i] >= 0 or not is_speech_cue(p, i) or any(p.dep[c] == "ccomp" for c in p.children[i]):
                return None
            if all(_descends_from(p, j, i) for j in gap):
                return Proposal("preceding", cue=i)
            return None
        if not (ctx.in_quote[i] >= 0 or p.is_space[i]):
            gap.append(i)
    return None


def _naming_verb(ctx: _Context, qi: int) -> int | None:
    """'Trump called the sentence "unjust."', 'lauded the senator as a "powerful voice"', 'referred to
    the vote as "The Hoax"': the naming verb (:data:`~helpers.extract.cues.FRAGMENT_LEMMAS`, or one of
    :data:`~helpers.extract.cues.AS_FRAME_LEMMAS` with its "as") before a quotation, with only its
    object's noun phrase between (and "as", "to be"), read off the words whatever the parser hung
    where (it often makes the quoted fragment the root). None when no such verb stands there, when
    nothing stands between ('a plan called "X"' names a thing, no one's words) or the verb is negated
    or passive."""
    p = ctx.p
    a = ctx.qtoks[qi][0]
    sent_start = ctx.sents[ctx.res.token_sentence[a]][0]
    words: list[int] = []
    for i in range(a - 1, sent_start - 1, -1):
        if ctx.in_quote[i] == qi or p.is_space[i]:
            continue
        if ctx.in_quote[i] >= 0:
            return None
        if p.lemma[i] in FRAGMENT_LEMMAS | AS_FRAME_LEMMAS and p.pos[i] == "VERB":
            verb = i
            break
        if p.pos[i] in {"VERB", "AUX"} and not (p.lemma[i] == "be" and i > 0 and p.lower[i - 1] == "to") \
                and not (p.tag[i] in {"VBN", "VBG"} and p.dep[i] == "acl" and p.head[i] < i
                         and p.pos[p.head[i]] in {"NOUN", "PROPN", "NUM"}):
            return None  # another verb ('the sentence he served was "unjust"'); not "to be", not "the jet involved"
        if p.is_punct[i] and p.text[i] not in {"-", "'", "’"} or len(words) >= MAX_OBJECT_WORDS:
            return None  # a clause boundary, or more than an object's phrase between
        words.append(i)
    else:
        return None
    if not any(p.pos[j] in {"NOUN", "PROPN", "PRON", "NUM"} for j in words):
        return None
    if p.lemma[verb] in AS_FRAME_LEMMAS and not any(p.lower[j] == "as" for j in words):
        return None
    if any(p.dep[c] in {"neg", "auxpass", "nsubjpass"} for c in p.children[verb]):
        return None
    return verb


def _named_as(ctx: _Context, qi: int) -> bool:
    """A Title Case quotation that a speaker's "as" phrase gives as their own name for something
    ('referred to the vote as "The Impeachment Hoax"'): their words, not a work's title."""
    verb = _naming_verb(ctx, qi)
    return verb is not None and ctx.p.lemma[verb] in AS_FRAME_LEMMAS


def _cue_naming_before(ctx: _Context, cand: Candidate) -> Proposal | None:
    """A quoted fragment no parse link attributes, right after a naming verb and its object
    (:func:`_naming_verb`): that verb is its cue."""
    verb = _naming_verb(ctx, cand.quote)
    return Proposal("preceding", cue=verb) if verb is not None else None


def _descends_from(p: TokenTable, tok: int, ancestor: int) -> bool:
    for _ in range(MAX_CUE_STEPS):
        if tok == ancestor:
            return True
        if p.head[tok] == tok:
            return False
        tok = p.head[tok]
    return False


def _participle_between(ctx: _Context, start: int, end: int) -> int | None:
    """'"...," she said, further remarking, "..."': the participle of a speech verb standing alone
    (with at most an adverb) between two quotations of one sentence, however the parser tagged it
    (a noun, an adjective): the token, or None."""
    p = ctx.p
    words = [i for i in range(start, end) if not (p.is_punct[i] or p.is_space[i] or ctx.in_quote[i] >= 0)]
    cues = [i for i in words if _speech_participle(p, i)]
    if len(cues) != 1 or any(p.pos[i] not in {"ADV", "ADJ", "CCONJ"} for i in words if i != cues[0]):
        return None
    return cues[0]


def _speech_participle(p: TokenTable, i: int) -> bool:
    """Whether token ``i`` is the -ing form of a speech verb ("remarking", "noting", "adding"),
    by its spelling when the parser took it for a noun."""
    low = p.lower[i]
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    forms = {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    return bool(forms & _REPORTING)


def _frames_statement(ctx: _Context, verb: int) -> bool:
    """Whether the clause of ``verb`` says it reports words: a phrase naming what carries them ("in
    a statement", "in his message", "in a post on Monday") or a hearer ("told reporters")."""
    p = ctx.p
    for c in p.children[verb]:
        if p.dep[c] == "prep" and p.lower[c] in {"in", "through", "via"} and any(
                p.dep[g] == "pobj" and p.lemma[g] in VOICE_CARRIERS for g in p.children[c]):
            return True
        if p.dep[c] in {"dobj", "dative"} and p.lemma[verb] in HEARER_LEMMAS:
            return True
    return False


def _introduces_with_colon(ctx: _Context, verb: int) -> bool:
    """'The minister summed it up: "..."', 'X proposed: "..."': any verb whose clause ends in the
    colon before a quotation introduces it, if it has a subject of its own outside quotations and is
    not a thought or a copula."""
    p = ctx.p
    if p.pos[verb] != "VERB" or p.lemma[verb] in THOUGHT_LEMMAS or p.lemma[verb] in {"be", "have"}:
        return False
    if any(p.dep[c] == "neg" for c in p.children[verb]):
        return False
    return any(p.dep[c] == "nsubj" and ctx.in_quote[c] < 0 and p.pos[c] in {"PROPN", "NOUN", "PRON"}
               for c in p.children[verb])


def _cue_after(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'"Actually," the president-elect added, "..."': a cue right after the quotation (only its
    subject between) that the parser hung on the next quotation instead."""
    sp = ctx.spans[cand.quote]
    text = ctx.text
    after = text[sp.close_char + 1:sp.close_char + 3].lstrip()
    if text[sp.end_char - 1] not in ",?!" and after[:1] != ",":
        return None
    p = ctx.p
    b = cand.tokens[1]
    sent_end = ctx.sents[ctx.res.token_sentence[b - 1]][1]
    for i in range(b, min(sent_end, b + MAX_FOLLOWING_CUE_TOKENS)):
        if ctx.in_quote[i] >= 0 and not p.is_punct[i]:
            return None
        if p.pos[i] in {"VERB", "AUX"}:
            return Proposal("following", cue=i) if ctx.in_quote[i] < 0 and is_speech_cue(p, i) else None
    return None


def _as_aside(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'traffic "ground to a halt" - as the court's decision put it - on the bridge', 'The council,
    as the mayor put it, "lost its way"': an aside "as X put it" (or "as X said") right before or
    after the quotation, only punctuation between, names whose words it is. The aside's verb is the
    cue: "put"/"phrase" with "it" for its object, or a speech cue; "as" its subordinator."""
    p = ctx.p
    a, b = cand.tokens
    sent_start, sent_end = ctx.sents[ctx.res.token_sentence[a]][:2]
    i = b
    while i < sent_end and (p.is_punct[i] or p.is_space[i]) and ctx.in_quote[i] in {-1, cand.quote}:
        i += 1
    after = i if i < sent_end and p.lower[i] == "as" and p.dep[i] == "mark" else None
    j = a - 1
    while j >= sent_start and (p.is_punct[j] or p.is_space[j]) and ctx.in_quote[j] in {-1, cand.quote}:
        j -= 1
    sides = []
    if after is not None:
        sides.append((p.head[after], "following"))
    if j >= sent_start and j != a - 1:
        sides.append((p.head[j] if p.lower[j] == "it" else j, "preceding"))
    for verb, side in sides:
        if ctx.in_quote[verb] >= 0 or not any(p.dep[c] == "mark" and p.lower[c] == "as" for c in p.children[verb]):
            continue
        if side == "preceding" and p.right_edge(verb) != j:
            continue  # the aside must end where the quotation begins
        if p.lemma[verb] in {"put", "phrase"} and any(p.dep[c] == "dobj" and p.lower[c] == "it" for c in p.children[verb]) \
                or is_speech_cue(p, verb):
            return Proposal(side, cue=verb)
    return None


def _dash_name(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'"..." - Markov': a name after a dash closing the paragraph."""
    sp = ctx.spans[cand.quote]
    if sp.open_ended:
        return None
    _, pend = ctx.para_range.get(ctx.paragraph_of_char(sp.open_char), (0, len(ctx.text)))
    m = _DASH_NAME.match(ctx.text[sp.close_char + 1:pend])
    if not m:
        return None
    return Proposal("dash", name=(sp.close_char + 1 + m.start(1), sp.close_char + 1 + m.end(1)))


def _colon_name(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'Merkel: "We will manage"' (headline style): a bare name and a colon before the quote."""
    sp = ctx.spans[cand.quote]
    pstart, _ = ctx.para_range.get(ctx.paragraph_of_char(sp.open_char), (0, 0))
    m = _COLON_NAME.search(ctx.text[pstart:sp.open_char])
    if not m:
        return None
    return Proposal("colon", name=(pstart + m.start(1), pstart + m.end(1)))


def _cue_in_adjacent_sentence(ctx: _Context, cand: Candidate) -> Proposal | None:
    """A cue in a short sentence right after ('"..." / insists Burton.', '"..." / Another
    annotator screamed.')."""
    p = ctx.p
    a, b = cand.tokens
    s1 = ctx.res.token_sentence[b - 1]
    if s1 + 1 < len(ctx.sents):
        start, end = ctx.sents[s1 + 1][:2]
        words = [i for i in range(start, end) if not p.is_punct[i] and not p.is_space[i]]
        if (ctx.res.token_paragraph[start] == cand.para and words and len(words) <= MAX_ADJACENT_CUE_WORDS
                and not any(ctx.in_quote[i] >= 0 for i in range(start, end))):
            for i in range(start, end):
                if p.lemma[i] in THOUGHT_LEMMAS and p.pos[i] == "VERB" and p.dep[i] == "ROOT":
                    return Proposal("adjacent", cue=i, thought=True)
                if is_speech_cue(p, i) and not any(p.dep[c] in {"ccomp", "dobj"} and p.pos[c] != "PROPN"
                                                   for c in p.children[i]):
                    return Proposal("adjacent", cue=i)
    return None


def _cue_in_colon_sentence(ctx: _Context, cand: Candidate) -> Proposal | None:
    """The sentence right before ends in a colon: its speech cue, or the verb of the clause the
    colon ends ('The senator wrote on Monday: / "..."'). The sentence may close the paragraph
    before when the quotation opens its own (a tweet or a statement set apart)."""
    p = ctx.p
    a = cand.tokens[0]
    s0 = ctx.res.token_sentence[a]
    if s0 == 0:
        return None
    start, end = ctx.sents[s0 - 1][:2]
    para = ctx.res.token_paragraph[start]
    opens_paragraph = ctx.spans[cand.quote].open_char <= ctx.para_range.get(cand.para, (0, 0))[0]
    if not (para == cand.para or para == cand.para - 1 and opens_paragraph and ctx.roles.get(para) == "body"):
        return None
    if any(ctx.in_quote[i] >= 0 for i in range(start, end)):
        return None
    last = next((i for i in range(end - 1, start - 1, -1) if not p.is_space[i]), None)
    if last is None or p.text[last] != ":":
        return None
    for i in range(start, end):
        if is_speech_cue(p, i):
            return Proposal("colon-sentence", cue=i)
    root = p.span_root(start, end)
    return Proposal("colon-sentence", cue=root) if _introduces_with_colon(ctx, root) else None


def _whole_utterance(ctx: _Context, cand: Candidate) -> bool:
    """Quoted words that are a sentence or more of someone's, not a label or a scare quote: a
    capital first letter, a finite verb, and they run to the end of their sentence or hold more than
    one sentence ('"This is not it. I asked them ..." to place ...')."""
    if cand.kind != "direct" or cand.quote is None:
        return False
    p, sp = ctx.p, ctx.spans[cand.quote]
    a, b = cand.tokens
    if not ctx.text[sp.start_char].isupper() or not any(p.tag[i] in _FINITE or p.tag[i] == "MD" for i in range(a, b)):
        return False
    return _holds_sentences(ctx, a, b) or _ends_sentence(ctx, sp)


def _lead_in(ctx: _Context, cand: Candidate) -> tuple[int, int] | None:
    """The narrator's words [start, end) before a quotation in its sentence, when the quotation opens
    the sentence (empty) or follows them after a comma or a colon; None otherwise ('a shirt reading
    "..."', a quotation after another one)."""
    sp = ctx.spans[cand.quote]
    start = ctx.sents[ctx.res.token_sentence[cand.tokens[0]]][0]
    a, end = ctx.tokens_between(ctx.p.idx[start], sp.open_char)
    words = [i for i in range(a, end) if not (ctx.p.is_punct[i] or ctx.p.is_space[i])]
    if not words:
        return (a, a)
    if _char_before(ctx.text, sp.open_char) not in {",", ":"} or any(ctx.in_quote[i] >= 0 for i in words):
        return None
    return (a, end)


def _cue_introducing_clause(ctx: _Context, cand: Candidate) -> Proposal | None:
    """'X reacted on Twitter, "Sad news. I ..."', 'She recalled her first season: "We were ..."': a
    whole utterance (see :func:`_whole_utterance`) after a comma or a colon that ends a clause whose
    verb speaks of no speech is the utterance of that clause's subject, if the subject is a person
    (the verb is the cue). A thought ('She thought: "..."'), a negated verb, a thing as subject ('The
    shirt had a slogan: "..."') propose nothing."""
    if not _whole_utterance(ctx, cand):
        return None
    lead = _lead_in(ctx, cand)
    if lead is None or lead[0] == lead[1]:
        return None
    p = ctx.p
    for verb in range(lead[1] - 1, lead[0] - 1, -1):
        if p.pos[verb] != "VERB" or p.lemma[verb] in THOUGHT_LEMMAS or any(p.dep[c] == "neg" for c in p.children[verb]):
            continue
        if not any(p.dep[c] == "nsubj" and lead[0] <= c < lead[1] for c in p.children[verb]):
            continue
        spk = ctx.speaker_of_cue(verb)
        if spk is not NO_SPEAKER and spk.speaker_type == "PERSON" and spk.name is not None:
            return Proposal("introducing", cue=verb)
        return None
    return None


def _opens_own_sentence(ctx: _Context, cand: Candidate) -> bool:
    """'During the premiere, "I felt like ... was tremendous".', '"This is not it. I asked them to
    make fake legs" to place at her station.': a whole utterance that opens its sentence, or follows
    only a phrase with no verb, is a statement of its own like a quotation standing alone: the
    context (the person introduced just before, the last speaker) says whose."""
    if not _whole_utterance(ctx, cand):
        return False
    lead = _lead_in(ctx, cand)
    return lead is not None and not any(ctx.p.pos[i] in {"VERB", "AUX"} for i in range(*lead))


def _no_syntax_cue(cand: Candidate) -> bool:
    return cand.kind == "direct" and not cand.standalone and not any(x.strategy == "syntax" for x in cand.proposals)


#: The attribution strategies of a quotation, in the order they are tried (see the module docstring).
CUE_STRATEGIES: tuple[Strategy, ...] = (
    Strategy("syntax", _cue_in_parse, lambda c: True),
    Strategy("preceding", _cue_before, _no_syntax_cue),
    Strategy("naming", _cue_naming_before,
             lambda c: c.kind == "partial" and not any(x.strategy == "syntax" for x in c.proposals)),
    Strategy("following", _cue_after, _no_syntax_cue),
    Strategy("aside", _as_aside, lambda c: not c.standalone and not any(x.strategy == "syntax" for x in c.proposals)),
    Strategy("dash", _dash_name, lambda c: True),
    Strategy("colon", _colon_name, lambda c: True),
    Strategy("colon-sentence", _cue_in_colon_sentence, lambda c: c.kind == "direct"),
    Strategy("adjacent", _cue_in_adjacent_sentence, lambda c: c.standalone or (c.kind == "direct" and c.open_ended)),
    Strategy("introducing", _cue_introducing_clause, _no_syntax_cue),
)


# -- pass 3: speakers --------------------------------------------------------------------------


def resolve_speakers(ctx: _Context, candidates: list[Candidate]) -> None:
    """Set ``speaker``, ``cue`` and ``strategy`` of every candidate (or mark it ``dropped``): the
    first proposal whose cue has a speaker; then, for quotations standing alone, the context
    strategies of :data:`CONTEXT_STRATEGIES` in text order."""
    by_quote: dict[int, Candidate] = {}
    for cand in candidates:
        if cand.quote is None:
            spk = ctx.speaker_of_cue(cand.cue)
            if spk is NO_SPEAKER or spk.name is None and spk.attribution != "pronoun":
                cand.dropped = True
            cand.speaker = spk
        else:
            _speaker_of_quotation(ctx, cand, by_quote)
            by_quote[cand.quote] = cand
    quotations = sorted((c for c in candidates if c.quote is not None and not c.dropped), key=lambda c: c.start)
    events = _speech_events(ctx, quotations)
    # (first quotation, last paragraph, still open) of the quotation running through paragraphs
    tail: tuple[Candidate, int, bool] | None = None
    for cand in quotations:
        if cand.speaker is NO_SPEAKER and not cand.pull:
            if tail is not None and _continues_unclosed(ctx, tail[1:], cand):
                # News style opens every paragraph of a long quotation again and closes only the
                # last: the same statement, one row per paragraph, the same speaker.
                first = tail[0]
                if first.speaker is not NO_SPEAKER:
                    cand.speaker = replace(first.speaker, attribution="multi-paragraph")
                cand.cue, cand.strategy, cand.kind = first.cue, "multi-paragraph", "direct"
                tail = (first, cand.para, cand.open_ended)
                continue
            for strategy in CONTEXT_STRATEGIES:
                spk = strategy.find(ctx, cand, events)
                if spk is not None:
                    cand.speaker, cand.strategy = spk, strategy.name
                    if strategy.name == "continuation":
                        cand.cue = _last_event_before(events, cand.start)[3]
                    break
            if cand.speaker is not NO_SPEAKER:
                bisect.insort(events, (cand.start, cand.para, cand.speaker, cand.cue), key=lambda e: e[0])
        tail = (cand, cand.para, cand.open_ended)


def _speaker_of_quotation(ctx: _Context, cand: Candidate, by_quote: dict[int, Candidate]) -> None:
    """The speaker of a quotation from its proposals; ``by_quote`` holds the quotations before it
    (by quotation index), already resolved."""
    for prop in cand.proposals:
        if prop.thought:
            cand.dropped = True
            return
        if prop.name is not None:
            spk = ctx.speaker_of_name(*prop.name)
            if prop.strategy == "colon":
                a, b = ctx.tokens_between(*prop.name)
                if spk.entity is None and not all(ctx.p.pos[i] == "PROPN" for i in range(a, b)):
                    continue  # "Review: "..."" is a rubric, not a speaker
                spk = replace(spk, attribution="colon")
            cand.speaker, cand.strategy, cand.kind = spk, prop.strategy, "direct"
            cand.pull = cand.pull or prop.strategy == "dash"
            return
        if prop.strategy == "between":
            # the participle between two quotations goes on with the first one's speaker
            host = by_quote.get(cand.quote - 1)
            spk = host.speaker if host is not None and not host.dropped and not host.pull else NO_SPEAKER
        else:
            spk = ctx.speaker_of_cue(prop.cue)
        if spk is NO_SPEAKER:
            spk = _host_quotation_speaker(ctx, prop.cue, by_quote)
        if spk is NO_SPEAKER:
            if prop.strategy == "syntax" and not cand.standalone:
                cand.dropped = True  # "I said", "to say": the cue names no speaker
                return
            continue
        if prop.strategy == "colon-sentence":
            cand.kind = "direct"
        if prop.strategy == "adjacent":
            cand.kind = "direct"
            if spk.attribution == "syntax":
                spk = replace(spk, attribution="adjacent")
        cand.speaker, cand.cue, cand.strategy = spk, prop.cue, prop.strategy
        return
    if not (cand.standalone or (cand.kind == "direct" and cand.open_ended) or _opens_own_sentence(ctx, cand)):
        cand.dropped = True  # a quoted fragment no cue speaks: scare quotes


def _host_quotation_speaker(ctx: _Context, cue: int, by_quote: dict[int, Candidate]) -> Speaker:
    """'X said, "...", also observing, "..."': a participle cue with no subject of its own that the
    parser hung inside the quotation before it continues that quotation's speaker (NO_SPEAKER
    otherwise)."""
    p = ctx.p
    if p.tag[cue] != "VBG" or p.dep[cue] not in {"advcl", "conj", "xcomp"} or any(
            p.dep[c] in _SUBJECTS for c in p.children[cue]):
        return NO_SPEAKER
    host = by_quote.get(ctx.in_quote[p.head[cue]])
    if host is None or host.dropped or host.speaker is NO_SPEAKER or host.pull:
        return NO_SPEAKER
    return host.speaker


def _speech_events(ctx: _Context, quotations: list[Candidate]) -> list[_Event]:
    """(char, paragraph, speaker, cue token) of every speech cue with a named or pronoun speaker and
    of every attributed quotation, in text order."""
    p = ctx.p
    events = []
    for tok in ctx.cues:
        spk = ctx.speaker_of_cue(tok)
        if spk is not NO_SPEAKER and spk.mention is not None:
            events.append((p.idx[tok], ctx.res.token_paragraph[tok], spk, tok))
    for c in quotations:
        if c.speaker is not NO_SPEAKER and not c.pull:
            events.append((c.start, c.para, c.speaker, c.cue))
    events.sort(key=lambda e: e[0])
    return events


def _continues_unclosed(ctx: _Context, tail: tuple[int, bool], cand: Candidate) -> bool:
    """An unclosed quotation (``tail``: its last paragraph, still open) whose next paragraph opens
    with a quotation: one quote."""
    para, still_open = tail
    return still_open and cand.para == para + 1 and ctx.text[ctx.para_range[cand.para][0]] in '"“„«'


def _introduced_person(ctx: _Context, cand: Candidate, events: list[_Event]) -> Speaker | None:
    """The person a quotation without a cue is introduced by: the subject of the sentence just
    before it ('The mayor, Tom Lee, disagreed. / "That is nonsense."'), when that sentence comes
    after the last speech event and names someone else. None otherwise."""
    p = ctx.p
    last = _last_event_before(events, cand.start)
    s0 = ctx.res.token_sentence[cand.tokens[0]]
    if s0 == 0:
        return None
    start, end = ctx.sents[s0 - 1][:2]
    if ctx.res.token_paragraph[start] < cand.para - 1:
        return None
    if last is not None and last[0] >= p.idx[start]:
        return None  # the speaker spoke in that very sentence: a plain continuation
    if any(ctx.in_quote[i] >= 0 for i in range(start, end)):
        return None
    root = p.span_root(start, end)
    subj = next((c for c in p.children[root] if p.dep[c] in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    ent = ctx.res.token_entity[subj] or ctx.salience.entity_for(subj)
    if ent is None:
        # "The mayor, Tom Lee, was blunt.": the name is in apposition to the subject.
        ent = next((ctx.res.token_entity[c] for c in p.children[subj]
                    if p.dep[c] == "appos" and ctx.res.token_entity[c] is not None), None)
    if ent is None and p.pos[subj] != "PRON":
        # "The home side got two yellow cards, leaving Ruiz unimpressed. / "...": with no person as
        # subject, the one person the sentence names (as an object) is the one it introduces.
        people = {id(e): e for i in range(start, end) if (e := ctx.res.token_entity[i]) is not None and e.is_person
                  and p.dep[i] in {"dobj", "nsubj", "pobj", "compound"} and i > root}
        ent = next(iter(people.values())) if len(people) == 1 else None
        if ent is not None and not any(ctx.res.token_entity[i] is ent and p.dep[i] == "dobj"
                                       or ctx.res.token_entity[i] is ent and p.dep[p.head[i]] == "dobj"
                                       for i in range(start, end)):
            ent = None
    if ent is None or not ent.is_person:
        return None
    if last is not None and last[2].entity is ent:
        return None
    return Speaker(p.text[subj] if p.pos[subj] == "PRON" else ent.name, ent.name, ent.entity_id, "PERSON",
                   "adjacent", ent)


def _last_speaker(ctx: _Context, cand: Candidate, events: list[_Event]) -> Speaker | None:
    """The last speaker of this or the previous paragraph."""
    last = _last_event_before(events, cand.start)
    if last is not None and cand.para - last[1] <= 1:
        return replace(last[2], attribution="continuation")
    return None


@dataclass(frozen=True)
class ContextStrategy:
    """A named strategy for a quotation with no cue of its own: ``find(ctx, candidate, events)``
    returns a :class:`~helpers.extract.speakers.Speaker` or None (``events``: the speech so far)."""

    name: str
    find: Callable[[_Context, Candidate, list[_Event]], Speaker | None]


#: The strategies for a quotation standing alone without a cue, in the order they are tried.
CONTEXT_STRATEGIES: tuple[ContextStrategy, ...] = (
    ContextStrategy("introduced", _introduced_person),
    ContextStrategy("continuation", _last_speaker),
)


# -- pass 4: merge ------------------------------------------------------------------------------


def merge(ctx: _Context, candidates: list[Candidate]) -> list[Candidate]:
    """The statements: the quotations kept, the reported clauses that are not themselves a
    quotation ('She said: "..."' is reported once, as direct; 'She said the plan "failed"' is
    reported speech with a quoted fragment), pull quotes linked to the body quotes they repeat."""
    direct = sorted((c for c in candidates if c.quote is not None and not c.dropped), key=lambda c: c.start)
    quoted = QuotedRanges([(c.start, c.end) for c in direct])
    reported = [c for c in candidates if c.quote is None and not c.dropped
                and not quoted.covers_words(ctx.text, c.start, c.end)]
    reported = [c for c in reported if not _nested_unnamed(c, reported) and not _unnamed_around_unnamed(c, reported)]
    rows = direct + reported
    _link_pull_quotes(ctx, rows)
    return rows


def _nested_unnamed(cand: Candidate, reported: list[Candidate]) -> bool:
    """A report by an unnamed voice inside the report of a named source ("According to the Gazette,
    officials warned that ...", "the Gazette reported two sources confirmed ..."): one statement, the
    source's (the nested report's clause is part of the source's)."""
    if cand.speaker.entity is not None:
        return False
    return any(o is not cand and o.speaker.entity is not None and o.tokens[0] <= cand.cue < o.tokens[1]
               for o in reported)


def _unnamed_around_unnamed(cand: Candidate, reported: list[Candidate]) -> bool:
    """The report of an unnamed source around another unnamed voice's report ("According to reports,
    critics have said that ..."): one statement, the inner voice's, which says who spoke; the outer
    names no one either."""
    if cand.speaker.entity is not None:
        return False
    return any(o is not cand and o.speaker.entity is None and o.cue is not None
               and cand.tokens[0] <= o.cue < cand.tokens[1] for o in reported)


def _link_pull_quotes(ctx: _Context, rows: list[Candidate]) -> None:
    body = [r for r in rows if not r.pull and r.kind != "indirect"]
    words = {id(r): _words(ctx.text[r.start:r.end]) for r in rows}
    index = OverlapIndex([set(words[id(b)]) for b in body])
    for r in rows:
        wset = set(words[id(r)])
        if not r.pull:
            # A quotation standing alone in its paragraph, with no cue of its own, that repeats a
            # quotation attributed elsewhere is a pull quote laid out as body text.
            weak = r.speaker is NO_SPEAKER or r.speaker.attribution in {"continuation", "adjacent"}
            if r.kind == "direct" and r.standalone and weak and r.cue is None or (
                    r.kind == "direct" and r.speaker is NO_SPEAKER):
                if len(words[id(r)]) < MIN_COPY_WORDS:
                    continue
                k = index.best(wset, COPY_OVERLAP,
                               lambda j: body[j] is not r and not (body[j].standalone and body[j].cue is None))
                if k is not None:
                    match = body[k]
                    r.pull = True
                    r.dup_of = match
                    r.speaker = replace(match.speaker, attribution="continuation")
            continue
        k = index.best(wset, PULL_OVERLAP)
        if k is not None:
            match = body[k]
            r.dup_of = match
            if r.speaker is NO_SPEAKER or r.speaker.entity is None and match.speaker.entity is not None:
                how = r.speaker.attribution if r.speaker is not NO_SPEAKER else "continuation"
                r.speaker = replace(match.speaker, attribution=how)


# -- the frame ---------------------------------------------------------------------------------


def _frame(rows: list[Candidate], article_id: str, ctx: _Context | None = None) -> pd.DataFrame:
    rows = sorted(rows, key=lambda r: (r.start, r.end))
    ids = {id(r): f"q{n:03d}" for n, r in enumerate(rows, 1)}
    records = []
    for r in rows:
        s = r.speaker
        text = ctx.text[r.start:r.end]
        a = max(0, bisect.bisect_right(ctx.tok_starts, r.start) - 1)
        b = max(a + 1, bisect.bisect_left(ctx.tok_starts, r.end))
        # token_sentence never decreases and steps by one: the sentences are a range
        sentence_of = ctx.res.token_sentence
        sentences = list(range(sentence_of[a], sentence_of[min(b, len(ctx.doc)) - 1] + 1))
        cue = r.cue
        records.append({
            "article_id": article_id,
            "quote_id": ids[id(r)],
            "kind": r.kind,
            "text": text,
            "start_char": r.start,
            "end_char": r.end,
            "sentence_ids": sentences,
            "paragraph_id": r.para,
            "cue": _cue_text(ctx.p, cue) if cue is not None else None,
            "cue_lemma": _cue_lemma(ctx.p, cue) if cue is not None else None,
            "speaker_mention": s.mention,
            "speaker": s.name,
            "co_speakers": list(s.co_speakers),
            "speaker_id": s.entity_id,
            "speaker_type": s.speaker_type,
            "speaker_kind": s.kind,
            "attribution": s.attribution,
            "needs_review": s.name is None or s.uncertain or s.attribution in WEAK_ATTRIBUTIONS or s.kind == "unnamed",
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


# -- small helpers ---------------------------------------------------------------------------------


def _cue_text(p: TokenTable, i: int) -> str:
    if p.lower[i] == "according":
        return f"{p.text[i]} {p.text[i + 1]}" if i + 1 < len(p) else p.text[i]
    particle = next((c for c in p.children[i] if p.dep[c] in {"prep", "prt"} and p.lower[c] in CUE_PARTICLES
                     and c == i + 1 and p.lemma[i] in {"call", "point"}), None)
    return f"{p.text[i]} {p.text[particle]}" if particle is not None else p.text[i]


def _cue_lemma(p: TokenTable, i: int) -> str:
    if p.lower[i] == "according":
        return "according to"
    text = _cue_text(p, i)
    lemma = p.lemma[i]
    return f"{lemma} {text.split()[1].lower()}" if " " in text else lemma


def _reports_speech(p: TokenTable, i: int) -> bool:
    """A cue that reports a statement of its own ("said", "told"), not one that only attributes a
    quotation ("continued") or names something ("called")."""
    return p.lemma[i] in _REPORTING and is_speech_cue(p, i)


def _quoted_as_saying(p: TokenTable, i: int) -> int | None:
    for prep in p.children[i]:
        if p.dep[prep] == "prep" and p.lower[prep] == "as":
            for c in p.children[prep]:
                if p.dep[c] == "pcomp" and is_speech_cue(p, c):
                    return c
    return None


def _looks_like_title(text: str) -> bool:
    """Title Case without a verb-like ending ("One Hundred Years of Solitude", "AM Joy,")."""
    text = text.rstrip(",;: ")
    words = text.split()
    if len(words) < 2 or text[-1:] in ".?!,":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content) and words[0][:1].isupper()


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ("" if none): ``text[:pos].rstrip()[-1:]``
    without copying the text before it."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


class QuotedRanges:
    """Character ranges of the quotations (sorted, not overlapping), asked whether they cover every
    word of a span. A question costs a binary search plus the ranges inside the span, so an article
    with n quotations and m reported clauses costs O((n + m) log n), not O(n m)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        self.ends = [e for _, e in ranges]

    def covers_words(self, text: str, s: int, e: int) -> bool:
        """Whether every word of ``text[s:e]`` lies inside the quotations."""
        starts, ends = self.starts, self.ends
        pos = s
        i = bisect.bisect_right(ends, s)  # the first range ending after s
        while i < len(starts) and starts[i] < e:
            if _WORD.search(text, pos, max(pos, starts[i])):
                return False
            pos = max(pos, ends[i])
            i += 1
        return not _WORD.search(text, pos, e) if pos < e else True


class OverlapIndex:
    """Word sets of the body quotations, asked which one a copy (a pull quote) repeats: the set
    holding the largest share of the copy's words, at least ``threshold``. Only sets sharing one of
    the copy's rarest words can reach the threshold (a set missing all of the ``k`` rarest misses more
    than the share allows), so a question reads those sets only, not every quotation of the article."""

    def __init__(self, word_sets: list[set[str]]) -> None:
        self.sets = word_sets
        self.postings: dict[str, list[int]] = {}
        for j, ws in enumerate(word_sets):
            for w in ws:
                self.postings.setdefault(w, []).append(j)

    def best(self, wset: set[str], threshold: float, keep: Callable[[int], bool] = lambda j: True) -> int | None:
        """Index of the set with the largest share of ``wset`` (the first of equals) when at least
        ``threshold``, else None; ``keep`` filters the sets."""
        n = len(wset)
        if not n:
            return None
        allowed = 0  # words of the copy a match may miss
        while allowed < n and (n - allowed - 1) / n >= threshold:
            allowed += 1
        rarest = sorted(wset, key=lambda w: (len(self.postings.get(w, ())), w))[:allowed + 1]
        found = sorted({j for w in rarest for j in self.postings.get(w, ())})
        best, best_score = None, 0.0
        for j in found:
            if not keep(j) or not self.sets[j]:
                continue
            score = len(wset & self.sets[j]) / n  # how much of the copy is in the body quote
            if score > best_score:
                best, best_score = j, score
        return best if best_score >= threshold else None


def _last_event_before(events: list[_Event], pos: int) -> _Event | None:
    i = bisect.bisect_left(events, pos, key=lambda e: e[0])
    return events[i - 1] if i > 0 else None


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]

"""Named entities of an article, with name variants merged into canonical entities.

:func:`resolution_from` reads a parsed ``Doc`` once and returns a :class:`Resolution` (the entities,
their mentions, and lookups by token that the quote engine reads); :func:`entity_frames` turns it
into the two frames below, and :func:`resolve_entities` does both. :func:`cooccurrence` counts who is
mentioned with whom.

The small pipeline's NER is imperfect, so its spans are repaired and the labels of single
mentions are not trusted:

- Spans are repaired by rule: a name never runs across a bracket or a line break, day names glued
  to it are dropped ("Monday Ana Ruiz said"), a coordination NER took for one name is split
  ("Rhodes and Malta" when each is named alone elsewhere), a one-word name takes back a
  capitalised first name the parse attaches to it ("attendee Ravi Menon" tagged "Menon").
- Every mention's name is cleaned: titles and roles in front are stripped with a general lexicon
  (:data:`helpers.extract.cues.TITLE_WORDS` and ``OFFICE_TITLES``: "President", "Sheriff", "Dr.";
  a people noun opening a sentence: "Historian X"), and so are post-nominal letters ("X QC", "X
  MP"), a leading "the" and a trailing possessive; a regnal title stays with a one-word name ("Pope
  X", "King Harald"). A name NER labelled otherwise is a person's after a noun for one person
  ("presidential candidate X") or before post-nominal letters.
- Names are compared without case or accents ("Kovačević" = "Kovacevic").
- Person names are clustered by surname: a mention joins an entity when its words end that
  entity's longest name ("Berg", "van der Berg" -> "Ilse van der Berg"), or when it is that name's
  first word alone ("Ilse" -> "Ilse van der Berg"). The match ignores the label NER gave the
  shorter mention ("Halvorsen" tagged ORG still joins "Viktor Halvorsen").
- Names that NER missed are found again: every capitalised word sequence that spells a known
  variant becomes a mention (a surname in a headline or a caption), with the first name the parse
  attaches to a surname found alone ("Representative Ana Ruiz" when only "Ruiz" is known).
- An acronym joins the organisation whose initials it spells ("BEA" for "Baltic Energy Agency",
  "U.S." for "United States"), and an acronym defined in brackets joins the name before it, whatever
  its letters ("the National Grain Board (NKB)"); when NER cut that name short, its initials
  show where it starts.
- An organisation takes its fullest name in the article (:func:`_merge_short_forms`): an acronym
  for some of its words ("US Department of X" = "United States Department of X"), the name without
  a place or nationality in front ("Coast Guard" of "Canadian Coast Guard"), a company without its
  legal ending ("Acme" of "Acme Widgets Company"); only when one longer name fits, given first.
- A PERSON needs evidence in the text (:func:`_is_person`: a title or role, an age, a shortened
  name, "he"/"she" in its clause; or a name of two words with nothing against it), else it is
  labelled ORG or MISC and is not counted among people ("Jannah", a pipeline, a building).
- A person's roles (:attr:`Entity.roles`) are the words of the titles in front of its mentions and
  of its appositions: the quote engine resolves "the mayor" to the one person given that role.
- Mentions in navigation and boilerplate paragraphs are dropped ("Breaking News").

Mentions frame (one row per mention):

============  ==========================================================================
article_id    the article
mention_id    ``m0001`` ... in text order
text          the mention as written (titles included when NER included them)
label         the entity's label (PERSON, ORG, GPE, LOC, NORP, ...), the same for all mentions
start_char    offset of the mention in ``doc.text``
end_char      end offset (exclusive)
sentence_id   index into ``list(doc.sents)``
paragraph_id  the paragraph (see :func:`paragraph_spans`)
entity_id     ``e001`` ... the canonical entity
canonical     the canonical name ("Ilse van der Berg")
============  ==========================================================================

Entities frame (one row per canonical entity):

============  ==========================================================================
article_id    the article
entity_id     ``e001`` ... in order of first mention
canonical     the longest name, titles stripped
label         PERSON when the longest name is a person's, else the most frequent label
variants      every distinct name form seen (list of str)
n_mentions    number of mentions
descriptor    what the text says the entity is, from an apposition or a title in front
              ("director of the Institute for Political Studies in Moscow"), or None
============  ==========================================================================
"""

from __future__ import annotations

__all__ = [
    "ENTITY_COLUMNS", "ENTITY_LABELS", "MENTION_COLUMNS", "SILENT_ROLES", "Entity", "Mention", "Resolution",
    "acronym_letters", "cooccurrence", "entity_frames", "fold_name", "initials_of", "is_people_noun", "paragraph_spans", "resolution_from",
    "resolve_entities", "transcript_labels",
]

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from spacy.tokens import Doc

from helpers.extract.cues import (
    CORPORATE_DESIGNATORS, CREDIT_WORDS, DAY_NAMES, INSTITUTION_NOUNS, ISSUE_LEMMAS, JOURNALISM_NOUNS, MEDIA_NAME_WORDS, MEDIA_NOUNS, NAME_PARTICLES,
    NOT_ORG_NAME_HEADS, OFFICE_TITLES, ORG_NAME_HEADS, OUTLET_NAME_WORDS, ORG_NOUNS, PEOPLE_NOUNS, PERSONAL_TITLES, PLACE_NOUNS, POST_NOMINALS, REGNAL_TITLES, SPEECH_LEMMAS, SPOKESPERSON_NOUNS,
    TITLE_WORDS, VOICE_CARRIERS,
)
from helpers.extract.quotemarks import line_ranges
from helpers.ingest.tokens import TokenTable, token_table
from helpers.tables import build_frame

MENTION_COLUMNS = [
    "article_id", "mention_id", "text", "label", "start_char", "end_char",
    "sentence_id", "paragraph_id", "entity_id", "canonical",
]
ENTITY_COLUMNS = ["article_id", "entity_id", "canonical", "label", "variants", "n_mentions", "descriptor"]

ENTITY_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
SILENT_ROLES = frozenset({"navigation", "boilerplate"})
_INSTITUTIONS = frozenset(
    "parliament congress senate council cabinet kremlin pentagon government police army navy court "
    "nato un eu treasury ministry assembly duma bundestag".split()
)
_TITLE_CASE_ROLES = frozenset({"headline", "standfirst", "caption", "byline", "dateline"})
# A "person" whose name ends in one of these is a place NER mislabelled ("Mill Lane").
_PLACE_HEADS = frozenset(
    "street st lane road avenue ave boulevard square place drive way bridge river lake mountain "
    "valley park airport station hospital school university county district province".split()
)
#: Titles stripped from a person's name: the general titles and the titles of office.
_TITLES = TITLE_WORDS | OFFICE_TITLES
#: Titles that only ever precede a person's name.
_PERSON_TITLES = PERSONAL_TITLES | OFFICE_TITLES
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ACRONYM_SKIP = frozenset("of for and the in on de du la".split())
#: The longest name (in tokens) looked for again where NER missed it: longer names are rare and the
#: search costs a dictionary lookup per length at every capitalised word.
_MAX_VARIANT_TOKENS = 6


def resolve_entities(doc: Doc, paragraphs: pd.DataFrame | None = None,
                     article_id: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``(mentions, entities)`` frames of ``doc`` (columns in the module docstring).

    ``paragraphs`` is the paragraphs frame of the article (roles); when None every line of a text
    without blank lines, or every blank-line-separated block otherwise, is a body paragraph. To reuse
    the resolution (the quote engine does), call :func:`resolution_from` and :func:`entity_frames`.
    """
    return entity_frames(resolution_from(doc, paragraphs), article_id)


def entity_frames(resolution: Resolution, article_id: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``(mentions, entities)`` frames of a :class:`Resolution`."""
    table = token_table(resolution.doc)
    return _mentions_frame(resolution, table, article_id), _entities_frame(resolution, article_id)


def cooccurrence(mentions: pd.DataFrame, by: str = "sentence_id",
                 labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC")) -> pd.DataFrame:
    """Who is mentioned with whom: one row per pair of canonical entities that share a unit.

    ``mentions`` is the mentions frame; ``by`` the unit (``sentence_id`` or ``paragraph_id``);
    ``labels`` the entity labels kept. Columns: entity_a, entity_b (canonical names, a < b), n_units
    (how many units mention both), sorted by n_units descending then names.
    """
    columns = ["entity_a", "entity_b", "n_units"]
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=columns)
    kept = mentions[mentions["label"].isin(labels)]
    counts: Counter = Counter()
    for _, names in kept.groupby(["article_id", by])["canonical"]:
        unique = sorted(set(names))
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                counts[(a, b)] += 1
    rows = [(a, b, n) for (a, b), n in counts.items()]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["n_units", "entity_a", "entity_b"], ascending=[False, True, True]).reset_index(drop=True)


def paragraph_spans(text: str, paragraphs: pd.DataFrame | None = None) -> list[tuple[int, int, int, str]]:
    """``(paragraph_id, start_char, end_char, role)`` of every paragraph, in text order.

    From the paragraphs frame when given; otherwise a text with blank lines is split on them and a
    text without is split on line breaks (news snippets put one paragraph per line), all ``body``.
    """
    if paragraphs is not None and len(paragraphs):
        cols = (paragraphs[c].tolist() for c in ("paragraph_id", "start_char", "end_char", "role"))
        return [(int(p), int(s), int(e), str(r)) for p, s, e, r in zip(*cols)]
    spans = line_ranges(text, "\n\n" if "\n\n" in text else "\n")
    return [(i, s, e, "body") for i, (s, e) in enumerate(spans)]


# --------------------------------------------------------------------------------------------
# The resolution: what the quote engine reads (see helpers.extract.speakers).


@dataclass
class Entity:
    """One canonical entity: the mentions that name it and what the text says it is."""

    key: tuple[str, ...]  #: the lower-case words of its longest name
    name: str  #: the canonical name (the longest form, titles stripped)
    labels: Counter = field(default_factory=Counter)  #: NER labels of its mentions, counted
    mentions: list[Mention] = field(default_factory=list)
    variants: dict[str, int] = field(default_factory=dict)  #: name as written -> times
    descriptor: str | None = None  #: an apposition or a title ("director of the institute")
    is_person: bool = False
    entity_id: str = ""  #: ``e001`` ... in order of first mention
    #: lower-case words of the titles and roles the text gives it ("mayor", "foreign", "minister")
    roles: frozenset[str] = frozenset()
    #: a news outlet by what the text does with it ("told X", "X reported that ...", "a X reporter");
    #: see :func:`_outlet_by_context`
    is_outlet: bool = False

    @property
    def label(self) -> str:
        """PERSON for a person; else the most frequent other NER label of its mentions, or ORG or
        MISC for a name NER took for a person's without evidence in the text (see :func:`_is_person`)."""
        if self.is_person:
            return "PERSON"
        for label, _ in self.labels.most_common():
            if label != "PERSON":
                return label
        return self.fallback_label

    #: the label of a demoted "person" whose mentions NER labelled PERSON only
    fallback_label: str = "MISC"


@dataclass
class Mention:
    """One mention: tokens ``[start, end)`` of the Doc, its cleaned name and its entity."""

    start: int
    end: int
    label: str
    key: tuple[str, ...]  #: lower-case words of ``name``
    name: str
    entity: Entity | None = None
    #: lower-case words of the titles in front of the name inside the mention ("princess", "senator")
    titles: tuple[str, ...] = ()


@dataclass
class Resolution:
    """The entities of one Doc with lookups by token index.

    ``paragraphs`` are ``(paragraph_id, start_char, end_char, role)`` (:func:`paragraph_spans`);
    ``entities`` in order of first mention; ``mentions`` in text order; ``token_entity[i]`` the entity
    whose mention covers token ``i`` (or None); ``token_sentence[i]`` and ``token_paragraph[i]`` the
    sentence and paragraph of token ``i``; ``text`` is ``doc.text``.
    """

    doc: Doc
    paragraphs: list[tuple[int, int, int, str]]
    entities: list[Entity]
    mentions: list[Mention]
    token_entity: list[Entity | None]
    token_sentence: list[int]
    token_paragraph: list[int]
    text: str = ""


def resolution_from(doc: Doc, paragraphs: pd.DataFrame | None = None) -> Resolution:
    """Find the mentions of ``doc`` and merge them into canonical entities (see the module docstring).

    ``paragraphs`` as in :func:`resolve_entities`. Never raises on any text (an empty Doc has none).
    """
    words = token_table(doc)
    text = words.doc_text
    paras = paragraph_spans(text, paragraphs)
    token_sentence = words.sentence_ids
    token_paragraph = _token_paragraphs(np.array(words.idx, dtype=np.int64), paras)
    silent = {pid for pid, _, _, role in paras if role in SILENT_ROLES}
    label_tokens = _label_tokens(words, transcript_labels(text, paras))

    mentions = []
    taken = 0  # tokens before this were taken by a span extended over the next entity
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or token_paragraph[ent.start] in silent or ent.start < taken:
            continue
        if any(i in label_tokens for i in range(ent.start, ent.end)):
            continue  # "((WN)) Why ...?": a transcript's speaker label, no mention in the text
        if _is_time_zone(words, ent.start, ent.end):
            continue  # "at 1137 UTC": the zone of a clock time, which NER types ORG
        for start, end, label in _repaired_spans(words, ent.start, ent.end, ent.label_):
            taken = max(taken, end)
            m = _make_mention(words, start, end, label)
            if m:
                mentions.append(m)
    mentions = _heads_before_complements(words, mentions)
    mentions = _join_editions(words, _join_titled_bodies(words, mentions))
    mentions = _unglue_after_preposition(words, _split_coordinations(words, mentions))
    mentions = _unglue_known_people(words, mentions)
    mentions = _join_place_titles(words, mentions)
    mentions = _nicknamed(words, mentions, token_paragraph, silent)
    mentions = _names_after_titled_bodies(words, mentions, token_paragraph, silent)
    mentions, aliases = _parenthetical_acronyms(words, mentions, token_paragraph, silent)
    # Headlines and captions are in title case: every word looks like a name there.
    title_case = {pid for pid, _, _, role in paras if role in _TITLE_CASE_ROLES}
    subjects = [i for i, (p, d) in enumerate(zip(words.pos, words.dep)) if p == "PROPN" and (
        d in _SUBJECT_DEPS or (d == "conj" and words.dep[words.head[i]] in _SUBJECT_DEPS))]
    mentions += _untagged_subjects(words, mentions, token_paragraph, silent, title_case, subjects)
    _persons_by_evidence(words, mentions)
    entities = _cluster(mentions, aliases, _relatives(words, mentions))
    mentions = _recover_missed(words, mentions, entities, token_paragraph, silent)
    if label_tokens:
        mentions = [m for m in mentions if not any(i in label_tokens for i in range(m.start, m.end))]
    mentions = sorted(mentions + _former_and_latter(words, mentions, token_paragraph, silent), key=lambda m: m.start)
    entities = _cluster(mentions, aliases, _relatives(words, mentions))
    for ent in entities:
        ent.roles = _roles(words, ent)
        if ent.is_person and not _is_person(words, ent):
            ent.is_person = False  # NER's PERSON with no evidence in the text ("Jannah", a pipeline)
            ent.roles = frozenset()
    entities = _join_spellings(words, mentions, entities)
    first_body: dict[int, int] = {}
    for m in mentions:
        if token_paragraph[m.start] not in title_case and m.start < first_body.get(id(m.entity), 1 << 30):
            first_body[id(m.entity)] = m.start
    entities = _merge_short_forms(words, mentions, entities, first_body)
    for ent in entities:
        # the article's own spelling of its name is the body's, accents included, not a headline's
        # ("Rosselló", not "Rossello"); a difference of case only is the headline's title case ("US", "Us")
        body = Counter(m.name for m in ent.mentions if m.key == ent.key and token_paragraph[m.start] not in title_case
                       and m.name.casefold() != ent.name.casefold())
        if body and not any(m.name == ent.name for m in ent.mentions if token_paragraph[m.start] not in title_case):
            ent.name = body.most_common(1)[0][0]
    for ent in entities:
        ent.descriptor = _descriptor(words, ent)
        ent.is_outlet = _outlet_by_context(words, ent)
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    for n, ent in enumerate(entities, 1):
        ent.entity_id = f"e{n:03d}"
    token_entity: list[Entity | None] = [None] * len(doc)
    for m in mentions:
        for i in range(m.start, m.end):
            token_entity[i] = m.entity
    mentions.sort(key=lambda m: m.start)
    return Resolution(doc, paras, entities, mentions, token_entity, token_sentence, token_paragraph, text)


#: Time-zone abbreviations a clock time carries ("at 1137 UTC", "8 p.m. EDT"), which NER types ORG.
TIME_ZONES = frozenset(
    "UTC GMT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST CET CEST EET EEST WET IST JST KST "
    "AEST AEDT ACST AWST NZST NZDT PHT SGT HKT MSK".split())
_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midnight"})


def _is_time_zone(words: TokenTable, start: int, end: int) -> bool:
    """A one-word mention that is a time-zone abbreviation right after a clock time ("1137 UTC",
    "11:00 a.m. EDT"): the time's zone, no body. The same letters elsewhere ("shares of UTC") stay."""
    if end - start != 1 or start == 0 or words.text[start] not in TIME_ZONES:
        return False
    before = words.text[start - 1]
    return any(c.isdigit() for c in before) or words.lower[start - 1] in _CLOCK_WORDS


#: A transcript's speaker label opening a paragraph: a name in doubled parentheses ("((WN)) Why did
#: you ...?", "((Ana Ruiz)) We did ..."), the layout Wikinews interviews use.
_TRANSCRIPT_LABEL = re.compile(r"[ \t]*\(\(([^()\n]{1,80})\)\)")


def transcript_labels(text: str, paras: list[tuple[int, int, int, str]]) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of every transcript speaker label: a name in doubled parentheses that
    opens a paragraph ("((WN)) Given that ...?"). The label is layout, not a mention in the text; a
    doubled parenthesis inside a paragraph ("... says. ((hi)) Hindi ...") is none."""
    out = []
    for _, start, end, _ in paras:
        m = _TRANSCRIPT_LABEL.match(text, start, end)
        if m and m.group(1).strip():
            out.append((m.start(1) - 2, m.end(1) + 2))
    return out


def _label_tokens(words: TokenTable, labels: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that overlap the character ranges ``labels``."""
    if not labels:
        return set()
    idx = words.idx
    out = set()
    for s, e in labels:
        i = max(bisect.bisect_right(idx, s) - 1, 0)
        while i < len(idx) and idx[i] < e:
            if idx[i] + len(words.text[i]) > s:
                out.add(i)
            i += 1
    return out


def _token_paragraphs(tok_idx: np.ndarray, paras: list[tuple[int, int, int, str]]) -> list[int]:
    """Paragraph id of every token (a token before the first paragraph belongs to it)."""
    if not paras:
        return [0] * len(tok_idx)
    para_starts = np.array([s for _, s, _, _ in paras], dtype=np.int64)
    pids = np.array([pid for pid, _, _, _ in paras], dtype=np.int64)
    pos = np.searchsorted(para_starts, tok_idx, side="right") - 1
    return pids[np.clip(pos, 0, None)].tolist()


#: Words a name never ends in: NER cut a coordination of two names after them ("X and | Y").
_TRAILING_CONNECTORS = frozenset({"and", "or", "&", "of", "for"})
#: Indefinite articles in lower case: never the first word of a body's name.
_ARTICLES = frozenset({"a", "an"})


def _make_mention(words: TokenTable, start: int, end: int, label: str) -> Mention | None:
    """A mention over tokens [start, end) with its name cleaned, or None when nothing is left."""
    text, lower, is_punct = words.text, words.lower, words.is_punct
    # Drop a trailing possessive and punctuation, day names NER glued on ("Monday Berg said"),
    # then titles, "the" and roles in front.
    while end > start and (text[end - 1] in _POSSESSIVE or is_punct[end - 1] or lower[end - 1] in DAY_NAMES
                           or (lower[end - 1] in _TRAILING_CONNECTORS and words.pos[end - 1] in {"CCONJ", "ADP"})):
        end -= 1  # "The Center for X and | Center for Y": NER cut a coordination after its "and"
    while start < end and (text[start] in _POSSESSIVE or is_punct[start] or lower[start] in DAY_NAMES):
        start += 1  # "that’s Tom Berg" tagged with the "’s"
    while label == "PERSON" and end - start > 1 and lower[end - 1] in CREDIT_WORDS and text[end - 1][:1].isupper():
        end -= 1  # "Ana Ruiz Image: ...": an image credit's label, no part of the name
    if label == "PERSON":
        # "Van der Berg" often comes out of NER as "Berg": take the particles back.
        while start > 0 and lower[start - 1] in NAME_PARTICLES and words.spaced[start - 1]:
            start -= 1
    if label == "PERSON" and end - start >= 2 and lower[end - 1] in _PLACE_HEADS:
        label = "FAC"
    if (label != "PERSON" and end - start >= 2 and lower[start] in _PERSON_TITLES
            and all(w[:1].isupper() for w in text[start + 1:end])):
        label = "PERSON"  # "Sergeant Mary Doyle" tagged WORK_OF_ART
    elif (label != "PERSON" and start > 0 and lower[start - 1] in _PERSON_TITLES
          and not text[start].isupper() and all(w[:1].isupper() for w in text[start:end])):
        label = "PERSON"  # "Mr. Osei", "Secretary Holm" with the name tagged ORG
    elif label != "PERSON" and _role_noun_before(words, start, end) and _looks_like_personal_name(words, start, end):
        label = "PERSON"  # "presidential candidate Ana Ruiz" with the name tagged ORG
    elif label != "PERSON" and _leading_role_noun(words, start, end):
        label = "PERSON"  # "Historian Ana Ruiz" tagged ORG
    elif label != "PERSON" and _people_noun_in_apposition(words, start, end) and _looks_like_personal_name(
            words, start, end):
        label = "PERSON"  # "Ana Ruiz Gomez, his wife," tagged ORG
    elif label != "PERSON" and _apposition_to_one_person(words, start, end) and _looks_like_personal_name(
            words, start, end):
        label = "PERSON"  # "a State Department spokesperson, Ana Ruiz," tagged ORG
    name_end = end
    if end - start >= 3 and _is_post_nominal(words, end - 1) and _looks_like_personal_name(
            words, _after_roles(words, start, end - 1), end - 1):
        name_end = end - 1  # "Ana Ruiz QC": the letters after the name are no part of it
        label = "PERSON"
    if label == "PERSON" and end - start == 1 and start > 0 and lower[start - 1] in REGNAL_TITLES:
        start -= 1  # "Pope Adrian" with only "Adrian" tagged: the title is part of the name
    name_start = start
    titled = _title_before_name(words, start, name_end) if label != "PERSON" else None
    if titled is not None:
        label, name_start = "PERSON", titled  # "United States Representative Ana Ruiz" tagged ORG
    while name_start < name_end - 1 and _is_title_token(words, name_start, label, name_end):
        name_start += 1
    if label == "PERSON" and (_leading_role_noun(words, name_start, name_end)
                              or _leading_common_noun(words, name_start, name_end)):
        name_start += 1  # "Historian Ana Ruiz", "Lead Ana María Ruiz": a role noun glued to the name
    while name_start < name_end and (is_punct[name_start] or words.is_space[name_start]):
        name_start += 1
    if name_start >= name_end:
        return None
    if label == "PERSON" and (name_end - name_start == 1 or (name_end - name_start == 2 and _REGNAL_NUMERAL.fullmatch(
            text[name_end - 1]))) and name_start > start and lower[name_start - 1] in REGNAL_TITLES:
        name_start -= 1  # a one-word name keeps its regnal title: "Pope Adrian", not "Adrian"
    names = text[name_start:name_end]
    if label != "PERSON" and names and (names[0].lower() == "the" or (names[0] in _ARTICLES and len(names) > 1)):
        names = names[1:]  # "a National Weather Service (NWS) buoy": the article is the next noun's
    key = tuple([fold_name(w) for w in names if w not in "-"])
    if not key or not any(map(str.isalpha, "".join(key))):
        return None
    if _hyphen_fragment(words, name_start, name_end):
        return None
    name = words.span_text(name_start, name_end)
    if label != "PERSON" and name.lower().startswith("the "):
        name = name[4:]
    elif label != "PERSON" and name.split(" ", 1)[0] in _ARTICLES and " " in name:
        name = name.split(" ", 1)[1]
    titles = tuple(lower[k].rstrip(".") for k in range(start, name_start) if words.is_alpha[k] or lower[k].endswith("."))
    return Mention(start, end, label, key, name, titles=titles)


#: Words that make a capitalised name an organisation's or a publication's, never a person's.
_ORG_NAME_WORDS = ORG_NOUNS | INSTITUTION_NOUNS | MEDIA_NAME_WORDS | CORPORATE_DESIGNATORS | _PLACE_HEADS
#: The longest personal name (in tokens) a role noun in front can make a person's ("Ana María Ruiz Gómez").
_MAX_PERSONAL_NAME = 4
#: Last words (lemmas) that make a capitalised name an organisation's ("... Rescue Service", "... Tribes").
_ORG_HEADS = (ORG_NOUNS | INSTITUTION_NOUNS | CORPORATE_DESIGNATORS | ORG_NAME_HEADS) - NOT_ORG_NAME_HEADS


def _ends_in_org_word(words: TokenTable, end: int) -> bool:
    """Whether the capitalised name ending before token ``end`` ends in an organisation's word
    ("Eastvale Fire and Rescue Service", "Ridgeway Tribes"): :data:`_ORG_HEADS`."""
    k = end - 1
    return k >= 0 and words.text[k][:1].isupper() and (words.lemma[k].lower() in _ORG_HEADS or words.lower[k] in _ORG_HEADS)
#: A regnal number after a name ("Elizabeth II", "Carl XVI").
_REGNAL_NUMERAL = re.compile(r"[IVX]{1,5}")


def _looks_like_personal_name(words: TokenTable, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` can be a person's name: two to :data:`_MAX_PERSONAL_NAME`
    capitalised words (not all capitals), name particles allowed, no word of an organisation's name
    ("Council", "Times", "Inc.") and no connecting word ("of", "and")."""
    text, lower = words.text, words.lower
    if not 2 <= sum(w not in _HYPHEN_TOKENS for w in text[start:end]) <= _MAX_PERSONAL_NAME:
        return False  # a hyphenated name is one word of it ("Sun-Hyung")
    for i in range(start, end):
        w = text[i]
        if lower[i] in NAME_PARTICLES or w in {"-", "."}:
            continue
        if not w[:1].isupper() or (w.isupper() and len(w) > 1 and not w.endswith(".")) or lower[i] in _ORG_NAME_WORDS:
            return False
        if not any(c.isalpha() for c in w):
            return False
    return True


def _role_noun_before(words: TokenTable, start: int, end: int) -> bool:
    """A lower-case noun for one person right in front of a name and attached to it ("candidate",
    "historian", "sheriff"; not a company noun such as "carmaker" or "retailer")."""
    b = start - 1
    if b < 0 or not words.is_alpha[b] or not words.text[b].islower() or not start <= words.head[b] < end:
        return False
    return words.tag[b] in {"NN", "NNP"} and _one_person_noun(words.lemma[b])


def _one_person_noun(lemma: str) -> bool:
    """Whether a common noun's lemma names one person for sure: a listed people noun or title, or an
    agent noun with an ending only people have ("historian", "spokeswoman"); not a company noun such as
    "carmaker", "retailer", "owner" or "broadcaster", nor an institution's."""
    if lemma in SPOKESPERSON_NOUNS:
        return True  # a spokesperson is one person, though she speaks for a body
    if lemma in INSTITUTION_NOUNS or lemma in ORG_NOUNS:
        return False
    return lemma in PEOPLE_NOUNS or lemma in _TITLES or (
        len(lemma) > _MIN_AGENT_NOUN and lemma.endswith(_PERSON_ONLY_ENDINGS))


def _apposition_to_one_person(words: TokenTable, start: int, end: int) -> bool:
    """Whether the name ``[start, end)`` stands after a comma in apposition to a noun for one person
    ("a State Department spokesperson, X,", "the firm's chief executive, X,", "her lawyer, X"), as the
    parse attaches it or, when the parser hung it elsewhere, right after that noun and its comma."""
    if start < 2 or words.text[start - 1] != ",":
        return False
    root = words.span_root(start, end)
    h = words.head[root]
    if words.dep[root] == "appos" and h < start:
        noun = h
    else:
        noun = start - 2
        if end < len(words) and words.text[end] not in {",", ".", ";", ")"}:
            return False
    return (words.pos[noun] == "NOUN" and words.text[noun].islower() and words.tag[noun] in {"NN", "NNS"}
            and _one_person_noun(words.lemma[noun]))


def _after_roles(words: TokenTable, start: int, end: int) -> int:
    """The first token of ``[start, end)`` after titles and nouns for a person in front ("Judge",
    "Prosecutor")."""
    while start < end - 1 and (words.lower[start].rstrip(".") in _TITLES or words.lower[start] in PEOPLE_NOUNS):
        start += 1
    return start


def _people_noun_in_apposition(words: TokenTable, start: int, end: int) -> bool:
    """Whether the name ``[start, end)`` has a noun for a person in apposition after a comma ("X, his
    wife and ...", "X, a teacher"), or a title ("X, the Secretary of Justice", "X, the Mayor")."""
    root = words.span_root(start, end)
    return end < len(words) and words.text[end] == "," and any(
        words.dep[c] == "appos" and c > end and (
            (words.pos[c] == "NOUN" and is_people_noun(words.lemma[c]))
            or (words.pos[c] in {"NOUN", "PROPN"} and words.lower[c] in _TITLES))
        for c in words.children[root])


def _title_before_name(words: TokenTable, start: int, end: int) -> int | None:
    """Where the personal name starts in a span of capitalised words that ends in a title and a
    personal name ("United States Representative Ana Ruiz", "Presidential Spokesperson Ana Ruiz"),
    or None. The title is the last title word before a name of two to four words."""
    text, lower = words.text, words.lower
    if lower[start] == "the":
        start += 1
    for k in range(end - 3, start - 1, -1):
        w = lower[k].rstrip(".")
        if (w in _TITLES or lower[k] in _TITLES) and text[k][:1].isupper() and lower[k] == words.lemma[k] \
                and all(t[:1].isupper() for t in text[start:k]) and _looks_like_personal_name(words, k + 1, end):
            return k + 1
    return None


def _leading_role_noun(words: TokenTable, start: int, end: int) -> bool:
    """Whether a name ``[start, end)`` opens with a capitalised noun for one person ("Historian",
    "Prosecutor") followed by a personal name of two words or more."""
    return (end - start >= 3 and words.lower[start] in PEOPLE_NOUNS and words.tag[start] in {"NN", "NNP"}
            and words.lemma[start].lower() == words.lower[start] and _looks_like_personal_name(words, start + 1, end))


#: Endings of a noun for one person that no given name has ("biologist", "chairwoman"; not "-ian", as
#: in "Brian" and "Julian", nor "-ee", as in "Renee").
_GLUED_ROLE_ENDINGS = ("ist", "woman", "person")


def _leading_common_noun(words: TokenTable, start: int, end: int) -> bool:
    """Whether a person's name ``[start, end)`` opens with a capitalised word that is a common noun,
    glued by NER to a personal name of two words or more after it: a noun for one person by its
    ending ("Biologist", "Pianist"), or a word the same text uses as a lower-case common noun
    ("Lead" with "the series leads", "Coach" with "the coach"). Not a name particle, a title or an
    all-capitals word, and not when the rest is no personal name ("Bill Gates": one word left)."""
    if end - start < 3 or not words.text[start][:1].isupper() or words.text[start].isupper():
        return False
    word = words.lower[start]
    if word in NAME_PARTICLES or word in _TITLES or not _looks_like_personal_name(words, start + 1, end):
        return False
    if words.lower[start + 1] in NAME_PARTICLES:
        return False  # "Bill de Blasio": the first word is the first name
    if len(word) > _MIN_AGENT_NOUN and word.endswith(_GLUED_ROLE_ENDINGS) and word.isalpha():
        return True
    return word in words.common_nouns


def _is_post_nominal(words: TokenTable, i: int) -> bool:
    """"QC", "MP", "PhD" written after a name (in capitals, or with a capital and a dot)."""
    w = words.text[i]
    return words.lower[i] in POST_NOMINALS and w[:1].isupper() and w.lower() != w


@functools.lru_cache(maxsize=65536)
def fold_name(word: str) -> str:
    """A word as names are compared: lower case, accents dropped ("Kovačević" and "Kovacevic" agree)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def initials_of(name: str) -> str:
    """The letters an acronym of ``name`` spells, as the resolution matches them within an article: the
    first letters of its words, small connecting words skipped, in lower case ("United States" -> "us",
    "World Health Organization" -> "who"); "" for a name of one word, or one that holds an acronym of
    itself as a word ("US Senate")."""
    key = tuple(fold_name(w) for w in name.split())
    letters = _initials(key) if len(key) > 1 else ""
    return "" if any(w.replace(".", "") == letters for w in key) else letters


def acronym_letters(name: str) -> str:
    """The letters of ``name`` in lower case if it is written as an acronym, one word of two or more
    capitals with optional dots or an ampersand ("US", "U.S.", "PG&E" -> "us", "us", "pge"), else ""."""
    letters = name.replace(".", "").replace("&", "")
    return fold_name(letters) if len(name.split()) == 1 and len(letters) > 1 and letters.isalpha() \
        and letters.isupper() else ""


_BRACKETS = frozenset("()[]{}")


def _repaired_spans(words: TokenTable, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The name spans inside one NER span ``[start, end)``: a name never runs across a line break
    or a bracket ("Commission on Religious Freedom (CRF" is two), never starts or ends with a day
    name ("Monday Berg said"), and a one-word person or organisation takes back a capitalised first
    name the parse attaches to it ("attendee Ravi Menon" tagged "Menon")."""
    text, lower = words.text, words.lower
    if end - start >= 2 and words.pos[start] == "VERB" and words.is_sent_start(start):
        start += 1  # "Remarked | Center for X scientist Y, "..."": a verb opening the sentence, glued on
    pieces, s = [], start
    for k in range(start, end):
        if "\n" in text[k] or text[k] in _BRACKETS or (label != "PERSON" and _inner_the(words, k, start, end)):
            if k > s:
                pieces.append((s, k))
            s = k + 1
    if end > s:
        pieces.append((s, end))
    out = [(s, e, label) for s, e in pieces]
    if len(out) == 1:
        s, e, _ = out[0]
        if _titled_complement(words, s, e):
            # "President of Ruritania Ana Ruiz", "Member for Eastport Ana Ruiz" as one span: the
            # title's complement, then the person's name
            out = [(s, e - 2, label), (e - 2, e, "PERSON")]
    if len(out) == 1 and (label == "PERSON" or (label == "ORG" and out[0][1] - out[0][0] == 1)):
        s, e, _ = out[0]
        if _first_name_before(words, s, e):
            out = [(s - 1, e, label)]
    if len(out) == 1 and label == "PERSON":
        s, e, _ = out[0]
        e = next((k for k in range(s + 1, e) if any(c.isdigit() for c in text[k])), e)  # "Humberto | 785 miles"
        while _surname_after(words, s, e):
            e += 1  # "Superintendent Graciano | Mijares": the surname NER left out
        while (e < len(words) and e - s >= 2 and lower[e - 1] in NAME_PARTICLES and text[e - 1].islower()
               and words.spaced[e - 1] and text[e][:1].isupper() and text[e].isalpha() and words.ent_type[e] in {"", "PERSON"}):
            e += 1  # "Leon van | Biljon": a name never ends in its particle, whatever the parse
        out = [(s, e, label)]
    if len(out) == 1 and label == "ORG":
        s, e, _ = out[0]
        k = next((k for k in range(s + 2, e - 2) if text[k] in _POSSESSIVE), None)
        before = words.lower[k - 1] if k is not None else ""
        if k is not None and not any(is_people_noun(w) for w in (words.lemma[k - 1], before, before[:-1])) and all(
                w[:1].isupper() for w in text[k + 1:e] if w.isalpha() and w.lower() not in _CONNECTORS):
            # "the United Nations' Food and Agriculture Organization": the owner, then the name
            # ("the Catholic Bishops' Conference", "Workers' Party": people's, one name)
            out = [(s, k, label), (k + 1, e, label)]
    if len(out) == 1 and label == "ORG":
        s, e, _ = out[0]
        place = _place_complement(words, s, e)
        if place is not None:
            out = [(s, place, label)]  # "the Supreme Court | of Puerto Rico": the place is in the name
    if len(out) == 1 and label in {"ORG", "FAC"}:
        s, e, _ = out[0]
        front = _front_left_out(words, s, e)
        if front < s:
            out = [(front, e, label)]  # "The Lost 52 Project" tagged "Project": the words NER left out
    if len(out) == 1 and label == "ORG":
        s, e, _ = out[0]
        if _head_left_out(words, s, e):
            out = [(s, e + 1, label)]  # "Disaster and Emergency Management | Presidency": the head NER left out
    if len(out) == 1 and label in _NUMBERED_LABELS:
        s, e, _ = out[0]
        out = [(s, _governed_number(words, e), label)]  # "Channel | 9 said": the number is the name's
    if len(out) == 1 and label not in {"ORG", "GPE", "LOC", "FAC", "NORP"}:
        s, e, _ = out[0]
        of = next((k for k in range(s + 2, e) if words.lower[k] == "of"), None)
        if of is not None and _looks_like_personal_name(words, s, of) and words.head[of] == of - 1:
            out = [(s, of, "PERSON")]  # "Ana Ruiz of the Northern Arapaho" as one span: the person
    return out


_MONTHS = frozenset("january february march april may june july august september october november december".split())
#: Labels of names that may end in a number ("News 12", "Channel 4", "Apollo 11").
_NUMBERED_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})


def _inner_the(words: TokenTable, k: int, start: int, end: int) -> bool:
    """Whether token ``k`` is a "the" in lower case inside a name ``[start, end)`` that opens another
    name: after a capitalised noun, not after a connecting word ("Bank of the ...", "Harbour and the
    Sea Trust"), before a name of two words or more ("announced on Twitter the Aviation Agency would ..."
    as one span: two names; "Open the Debates" is one). Never in a person's name ("Ivan the Terrible";
    the caller checks)."""
    return (words.text[k] == "the" and start < k < end - 2 and words.lower[k - 1] not in _CONNECTORS
            and words.pos[k - 1] in {"PROPN", "NOUN"} and words.text[k - 1][:1].isupper()
            and words.text[k + 1][:1].isupper())


def _governed_number(words: TokenTable, end: int) -> int:
    """The end of a name ``[.., end)`` with the number after it when the name's last word governs that
    number ("News 12 reported", "Channel 9 said": a numeral the parse makes its modifier), else ``end``.
    A number that counts the next noun ("the Acme 300 series") hangs on that noun and stays out, and so
    does a date ("Fan Expo 2019" typed DATE by NER, "August 8")."""
    if (end < len(words) and words.text[end].isdigit() and words.head[end] == end - 1
            and words.ent_type[end] not in {"DATE", "TIME"} and words.lower[end - 1] not in _MONTHS
            and words.dep[end] in {"nummod", "appos", "npadvmod"} and words.spaced[end - 1]):
        return end + 1
    return end


#: Dependencies of the words of a name in front of its head ("Lost" and "52" of "Lost 52 Project").
_NAME_MODIFIER_DEPS = frozenset({"compound", "nmod", "nummod", "amod", "flat"})


def _front_left_out(words: TokenTable, s: int, e: int) -> int:
    """Where a body's name ``[s, e)`` starts when NER left out capitalised words or numbers in front
    of it ("The Lost 52 Project" tagged "Project", "the Green Harbour Trust" tagged "Trust"): the
    untagged words right before it (a number NER tagged as such included) that modify the name in
    the parse, the first of them a capitalised word. Not a day, a title, a number word, nor a word
    glued to the next; at the start of a sentence only a proper noun that is no common noun of the
    text ("Rival Acme said ... its rival") and has no participle's ending ("Troubled Acme Holdings").
    ``s`` when there is none."""
    text, lower = words.text, words.lower
    t = s - 1
    while (t >= 0 and words.spaced[t] and words.ent_type[t] in {"", "CARDINAL"} and "\n" not in text[t]
           and words.dep[t] in _NAME_MODIFIER_DEPS and lower[t] not in DAY_NAMES and lower[t] not in _TITLES
           and lower[t].rstrip(".") not in _TITLES and lower[t] != "the"
           and ((text[t][:1].isupper() and text[t].isalpha() and not words.like_num[t] and not words.ent_type[t])
                or (words.like_num[t] and text[t].isdigit()))):
        t -= 1
    k = t + 1
    while k < s and (not all(k <= words.head[x] < e for x in range(k, s)) or not text[k][:1].isupper() or (
            words.is_sent_start(k) and (lower[k] in words.common_nouns or words.pos[k] != "PROPN"
                                        or lower[k].endswith(_PARTICIPLE_ENDINGS)))):
        k += 1
    return k


def _head_left_out(words: TokenTable, s: int, e: int) -> bool:
    """Whether the word right after a body's name ``[s, e)`` is the head of that name NER left out
    ("Disaster and Emergency Management | Presidency reported", "the Coast | Inspectorate"): a
    capitalised proper noun, untagged, that the name's last word modifies in the parse and that ends
    the phrase (no compound of a name after it: "Acme Director Ana Ruiz"; no "of" phrase after it,
    whose name NER may have tagged on its own: "United States | House of Representatives"); no title,
    day, people noun, word in capitals, word the text also writes in lower case (a heading's
    "Coronavirus Pandemic") or word NER tags as a person's elsewhere ("told MSNBC Cummings was ...")."""
    if e >= len(words) or not words.spaced[e - 1]:
        return False
    w, low = words.text[e], words.lower[e]
    if not (words.head[e - 1] == e and words.dep[e - 1] in _NAME_MODIFIER_DEPS and words.pos[e] == "PROPN"
            and w[:1].isupper() and w.isalpha() and not w.isupper() and not words.ent_type[e]
            and words.dep[e] not in _NAME_MODIFIER_DEPS and low not in _TITLES and low not in DAY_NAMES
            and not is_people_noun(words.lemma[e].lower()) and low not in words.lower_case_words):
        return False
    if e + 1 < len(words) and words.lower[e + 1] in _NAME_COMPLEMENTS:
        return False
    return not any(words.lower[k] == low and words.ent_type[k] == "PERSON" for k in range(len(words)))


#: Endings of a participle or an adverb, which a capital at a sentence's start does not make a name's
#: word ("Beleaguered Acme said", "Struggling Acme said").
_PARTICIPLE_ENDINGS = ("ed", "ing", "ly")


def _place_complement(words: TokenTable, s: int, e: int) -> int | None:
    """The end of "of <place>" right after an institution's name ``[s, e)`` that ends in an
    institution word, is two capitalised words or more, or is an acronym ("Supreme Court | of Puerto
    Rico", "Civil Liberties Union | of Montana", "ABC | of Elbonia": a body's branch there), the "of"
    hanging on the name: the place NER left out of the name. None when there is none."""
    if e + 1 >= len(words) or words.lower[e] != "of" or not s <= words.head[e] < e:
        return None
    if not (words.lower[e - 1] in _INSTITUTIONS or words.lower[e - 1] in INSTITUTION_NOUNS
            or words.lower[e - 1] in ORG_NOUNS or (e - s >= 2 and words.text[e - 1][:1].isupper())
            or (e - s == 1 and _is_acronym_word(words.text[s]))):
        return None
    k = e + 1
    place = words.ent_type[k] if words.ent_type[k] in {"GPE", "LOC"} else ""  # or a place NER left untagged
    while k < len(words) and words.ent_type[k] == place and words.text[k][:1].isupper() and (
            place or words.pos[k] == "PROPN"):
        k += 1
    return k if k > e + 1 and (k == len(words) or words.ent_type[k] != place or not place) else None


def _is_acronym_word(word: str) -> bool:
    """Whether a word is written as an acronym: two capitals or more, no small letter ("ABC", "U.N.")."""
    letters = word.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _surname_after(words: TokenTable, s: int, e: int) -> bool:
    """Whether the token after a person's span ``[s, e)`` is a capitalised proper noun NER left out
    that the span's last word is a compound of (its surname)."""
    return (e < len(words) and words.head[e - 1] == e and words.dep[e - 1] == "compound" and words.pos[e] == "PROPN"
            and words.text[e][:1].isupper() and not words.text[e].isupper() and not words.ent_type[e]
            and words.spaced[e - 1] and words.lower[e] not in _TITLES and words.lower[e] not in DAY_NAMES
            and words.lower[e] not in _ORG_NAME_WORDS)


def _titled_complement(words: TokenTable, s: int, e: int) -> bool:
    """Whether the span ``[s, e)`` follows a capitalised title and "of"/"for"/"to"/"from" and ends in a
    personal name of two words after a capitalised complement ("President of | Ruritania Ana Ruiz",
    "Senator from | Elbonia Ana Ruiz")."""
    text, lower = words.text, words.lower
    if e - s < 3 or s < 2 or lower[s - 1] not in {"of", "for", "to", "from"} or not text[s - 2][:1].isupper():
        return False
    title = lower[s - 2].rstrip(".")
    if title not in _TITLES and not is_people_noun(words.lemma[s - 2]):
        return False
    return all(w[:1].isupper() for w in text[s:e - 2]) and _looks_like_personal_name(words, e - 2, e) \
        and not any(lower[k] in _ORG_NAME_WORDS for k in range(s, e))


def _first_name_before(words: TokenTable, s: int, e: int | None = None) -> bool:
    """Whether the token before a name ``[s, e)`` (one word when ``e`` is None) is a capitalised first
    name the parse attaches to it ("attendee Ravi Menon" with only "Menon" tagged; before a longer
    name only when that starts with a particle: "Arvid | dela Cruz"): no title, day or particle."""
    text, lower = words.text, words.lower
    f = s - 1
    e = s + 1 if e is None else e
    if e - s > 1 and not words.text[s].islower() and not _opens_a_name(words, f):
        return False  # "Whip | Dick Durbin": before a full name, a capitalised word is a title
    return (f >= 0 and words.pos[f] == "PROPN" and words.dep[f] == "compound" and s <= words.head[f] < e
            and text[f][:1].isupper() and not text[f].isupper() and words.spaced[f] and not words.ent_type[f]
            and lower[f] not in _TITLES and lower[f].rstrip(".") not in _TITLES
            and lower[f] not in DAY_NAMES and lower[f] not in NAME_PARTICLES)


#: Endings of a capitalised word before a full name that make it a noun for a person or an adjective
#: ("Podcaster", "Elder", "Ecologist", "Tropical"), not a first name.
_NOT_FIRST_NAME_ENDINGS = ("er", "or", "ist", "al", "ic")


def _opens_a_name(words: TokenTable, f: int) -> bool:
    """Whether the capitalised word ``f`` before a full name NER found can be its first name: it
    comes right after a title ("Superintendent | Yolanda Yu Hoi-kwan"), at a sentence's start or
    after a comma ("Carmen Yulín Cruz, the mayor"), and is no noun for a person, no word the text
    writes in lower case and has no ending of a role noun or an adjective ("Podcaster", "Elder",
    "Tropical"). After another capitalised word it ends a title ("Minority Whip | Dick Durbin")."""
    if f < 0 or not words.is_alpha[f]:
        return False
    lower = words.lower[f]
    if lower in _TITLES or _one_person_noun(words.lemma[f].lower()) or lower.endswith(_NOT_FIRST_NAME_ENDINGS):
        return False
    if lower in words.common_nouns or lower in words.lower_case_words:
        return False
    if f == 0 or words.is_sent_start(f):
        return True
    p = words.lower[f - 1]
    return p in _TITLES or p.rstrip(".") in _TITLES or p == ","


def _split_coordinations(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """Split a mention that coordinates names ("Crete and Cyprus", "Lidl and Aldi" as one span) into
    one mention per name, when the coordination is the span's own (the conjunct hangs on the span's
    root: "Department of Health and Human Services" stays whole) and either every name is two words
    or more, or every name is named on its own elsewhere in the text ("Bosnia and Herzegovina" and
    "High Court of Ruritania and Elbonia" stay whole). A name whose last piece alone ends in an
    organisation's word is one body ("Eastvale Fire and Rescue Service")."""
    keys = Counter(m.key for m in mentions)
    out = []
    for m in mentions:
        parts = _conjuncts(words, m)
        if parts is not None:
            made = [_make_mention(words, a, b, m.label) for a, b in parts]
            one_body = _ends_in_org_word(words, made[-1].end) if all(made) else False
            if one_body and any(_ends_in_org_word(words, x.end) for x in made[:-1]):
                one_body = False  # "Acme Company and Zenith Corporation": two bodies
            if one_body is False and all(made) and _complement_coordination(made, keys):
                one_body = True  # "Bureau of Fisheries and Aquatic Resources": the "and" is inside the "of" phrase
            if all(made) and not one_body and all(words.text[x.start][:1].isupper() for x in made) and (
                    all(len(x.key) >= 2 for x in made) or all(keys[x.key] for x in made)):
                out.extend(made)
                continue
        out.append(m)
    return out


def _complement_coordination(parts: list[Mention], keys: Counter) -> bool:
    """Whether the names a coordination was cut into are the words of one body's "of"/"for"/"on" phrase
    ("Bureau of Fisheries | Aquatic Resources", "Department of Forestry | Fire Protection"): the first
    is a name with such a phrase, and none after it is a body of its own (no head word of a body, no
    phrase of its own, not named alone elsewhere in the text). "Department of Health and the Ministry
    of Justice" are two, and so are "Lidl and Aldi"."""
    first = parts[0].key
    if not any(first[k] in _NAME_COMPLEMENTS for k in range(1, len(first) - 1)):
        return False
    return not any(keys[x.key] or any(w in _HEAD_WORDS or w in _NAME_COMPLEMENTS for w in x.key) for x in parts[1:])


def _nicknamed(words: TokenTable, mentions: list[Mention], token_paragraph: list[int], silent: set[int]) -> list[Mention]:
    """'Jeremy "Spike" Cohen': a first name, a nickname in quotation marks and a surname, each one
    capitalised word, with a person's mention among them, are one person's name, the nickname kept
    in its quotation marks (the fullest form) and its words in the key ("Spike Cohen" and "Cohen"
    are the same person)."""
    text, n = words.text, len(words)
    found = []
    for i in range(n - 4):
        q1, q2 = i + 1, i + 3
        if not (words.is_quote[q1] and words.is_quote[q2] and text[q1] == text[q2] or
                words.is_quote[q1] and words.is_quote[q2] and {text[q1], text[q2]} <= {"\u201c", "\u201d", '"'}):
            continue
        parts = (i, i + 2, i + 4)
        if not all(words.pos[t] == "PROPN" and text[t][:1].isupper() and text[t].isalpha() for t in parts):
            continue
        people = [m for m in mentions if m.label == "PERSON" and m.start < i + 5 and m.end > i]
        if token_paragraph[i] in silent or not people:
            continue
        end = max([i + 5] + [m.end for m in people])  # 'Pasquale "Pat" Di Cicco': the surname goes on
        key = tuple(fold_name(words.lower[t]) for t in range(i, end) if not words.is_quote[t] and words.is_alpha[t])
        found.append(Mention(i, end, "PERSON", key, words.span_text(i, end)))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and m.end > f.start for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def _names_after_titled_bodies(words: TokenTable, mentions: list[Mention], token_paragraph: list[int],
                               silent: set[int]) -> list[Mention]:
    """"Royal Society University Research Fellow Martin How" with NER's organisation over the title and
    no tag on the name: a personal name NER left out (two capitalised words, or more when NER tagged
    that name elsewhere; no title, people noun or organisation's word) right after an organisation's
    mention whose last word the parse makes a modifier of that name, the name heading the phrase, is a
    person's mention."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    known = {m.key for m in mentions if m.label == "PERSON"}
    sent_starts = set(words.sent_starts)
    out = []
    for m in mentions:
        if m.label != "ORG" or m.end >= len(words) or token_paragraph[m.start] in silent or not words.spaced[m.end - 1]:
            continue
        e = m.end
        while (e < len(words) and e - m.end < _MAX_PERSONAL_NAME and e not in covered and e not in sent_starts
               and words.text[e][:1].isupper() and words.text[e].isalpha() and not words.text[e].isupper()
               and words.lower[e] not in _TITLES and not is_people_noun(words.lemma[e])
               and (e == m.end or words.spaced[e - 1])):
            e += 1
        if e - m.end < 2 or (e < len(words) and words.pos[e] == "PROPN" and words.text[e][:1].isupper()):
            continue
        if e - m.end > 2 and tuple(fold_name(w) for w in words.lower[m.end:e]) not in known:
            continue  # a first name and a surname; a longer run only as NER tagged it elsewhere
        head = e - 1
        if not (m.end <= words.head[m.end - 1] < e and all(words.head[k] == head for k in range(m.end, head))
                and not m.start <= words.head[head] < e and _looks_like_personal_name(words, m.end, e)):
            continue
        made = _make_mention(words, m.end, e, "PERSON")
        if made is not None:
            out.append(made)
    return sorted(mentions + out, key=lambda m: m.start) if out else mentions


def _heads_before_complements(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"The Center for Biological Diversity" with NER's organisation over "Biological Diversity" only:
    a capitalised body's or an outlet's head word (:data:`_HEAD_WORDS`: "Center", "Institute",
    "Department") right before the "for"/"of"/"on" that governs an organisation's mention, with the
    capitalised words that modify that head ("National Institute of ..."), is the start of the body's
    name; a mention NER made of those words alone ("Center" tagged PERSON) gives way to it. A title
    before "of" is no body ("Secretary of Justice")."""
    owner: dict[int, Mention] = {k: m for m in mentions for k in range(m.start, m.end)}
    dropped: set[int] = set()
    out = []
    for m in mentions:
        s = m.start
        of, head = s - 1, s - 2
        if (m.label != "ORG" or head < 0 or words.lower[of] not in _NAME_COMPLEMENTS
                or not _governed_by(words, words.span_root(m.start, m.end), of)
                or words.head[of] != head or not words.text[head][:1].isupper() or words.text[head].isupper()
                or (words.lemma[head].lower() not in _HEAD_WORDS and words.lower[head] not in _HEAD_WORDS)):
            out.append(m)
            continue
        start = head
        while (start > 0 and words.text[start - 1][:1].isupper() and words.is_alpha[start - 1]
               and words.head[start - 1] == head and words.dep[start - 1] in _NAME_MODIFIER_DEPS
               and words.lower[start - 1] not in _TITLES and words.spaced[start - 1]
               and not (words.is_sent_start(start - 1) and words.pos[start - 1] != "PROPN")):
            start -= 1
        inside = {id(owner[k]): owner[k] for k in range(start, of) if k in owner}
        if any(x.start < start for x in inside.values()) or of in owner:
            out.append(m)
            continue
        made = _make_mention(words, start, m.end, "ORG")
        if made is None:
            out.append(m)
            continue
        dropped.update(inside)
        out.append(made)
    return sorted((m for m in out if id(m) not in dropped), key=lambda m: m.start)


#: How far up the parse a name's root is looked for under the preposition before it (a misparse hangs
#: "for | Biological Diversity scientist X" on the person, the body's name a compound of it).
_MAX_GOVERNOR_STEPS = 4


def _governed_by(words: TokenTable, i: int, governor: int) -> bool:
    """Whether token ``governor`` is among the first heads above token ``i``."""
    for _ in range(_MAX_GOVERNOR_STEPS):
        if words.head[i] == i:
            return False
        i = words.head[i]
        if i == governor:
            return True
    return False


def _join_pairs(mentions: list[Mention], join) -> list[Mention]:
    """``mentions`` with each pair of neighbours that ``join(m, nxt)`` makes one mention replaced by it
    (``join`` returns the joined :class:`Mention`, or None to keep the two), left to right."""
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        m = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        joined = join(m, nxt) if nxt is not None else None
        if joined is not None:
            out.append(joined)
            k += 2
            continue
        out.append(m)
        k += 1
    return out


def _join_titled_bodies(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"The Amos and Ted Show" tagged as two people, "Amos" and "Ted Show": a capitalised "The" in
    mid-sentence, a name, "and", and a name that ends in an organisation's word is one body's name."""
    def join(m: Mention, nxt: Mention) -> Mention | None:
        if (nxt.start == m.end + 1 and words.lower[m.end] == "and" and m.start >= 1
                and words.text[m.start - 1] == "The" and (m.start - 1) not in words.sent_starts
                and _ends_in_org_word(words, nxt.end) and not _ends_in_org_word(words, m.end)):
            return _make_mention(words, m.start, nxt.end, "ORG")
        return None
    return _join_pairs(mentions, join)


def _join_editions(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"according to CNN Elbonia" tagged as an organisation and a place: an organisation's name right
    before a place's, that the parse makes a compound of the place, the place heading its own phrase
    (not a modifier: "the Acme Elbonia office"), is one name, the body's edition or branch there."""
    def join(m: Mention, nxt: Mention) -> Mention | None:
        if m.label == "ORG" and nxt.label == "GPE" and nxt.start == m.end \
                and words.spaced[m.end - 1] and words.dep[m.end - 1] == "compound" \
                and nxt.start <= words.head[m.end - 1] < nxt.end:
            root = words.span_root(nxt.start, nxt.end)
            if words.dep[root] not in _NAME_MODIFIER_DEPS | {"poss"}:
                return _make_mention(words, m.start, nxt.end, "ORG")
        return None
    return _join_pairs(mentions, join)


def _join_place_titles(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"According to Ruritania Senator Ana Ruiz" parsed with the place as the object of "to": a place
    right before capitalised titles and a person's name is part of the person's mention (the place
    qualifies the title), when the parse did not attach it to the name itself (then the name heads
    the phrase already) and it is no place where something happens ("In Ruritania Senator X said")."""
    def join(m: Mention, nxt: Mention) -> Mention | None:
        if m.label in {"GPE", "LOC"} and nxt.label == "PERSON" and m.end < nxt.start:
            titles = range(m.end, nxt.start)
            root = words.span_root(m.start, m.end)
            if all(words.text[t][:1].isupper() and words.lower[t].rstrip(".") in _TITLES and words.spaced[t]
                   and nxt.start <= words.head[t] < nxt.end for t in titles) and words.spaced[m.end - 1] \
                    and not m.start <= words.head[root] < nxt.end and words.lower[words.head[root]] not in _LOCATIVE:
                return _make_mention(words, m.start, nxt.end, "PERSON")
        return None
    return _join_pairs(mentions, join)


def _unglue_after_preposition(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"on Twitter West accused ..." tagged as one person "Twitter West": a two-word person's name
    that is the subject of a verb right after a preposition left without its object, whose second
    word is the surname of another person of the text ("Kanye West") and whose first word is not
    that person's first name, is the surname alone (the first word is the preposition's object:
    where, not who). "renamed after Alan Kurdi" (the name is the object) stays whole."""
    people = [m.key for m in mentions if m.label == "PERSON" and len(m.key) >= 2]
    out = []
    for m in mentions:
        prep = m.start - 1
        if (m.label == "PERSON" and m.end - m.start == 2 and len(m.key) == 2 and prep >= 0
                and words.pos[prep] == "ADP" and not any(words.dep[c] == "pobj" for c in words.children[prep])
                and words.dep[words.span_root(m.start, m.end)] in _SUBJECT_DEPS):
            first, last = m.key
            others = [k for k in people if k != m.key and k[-1] == last]
            if others and all(k[0] != first for k in others):
                cut = _make_mention(words, m.start + 1, m.end, m.label)
                if cut is not None:
                    out.append(cut)
                    continue
        out.append(m)
    return out


def _unglue_known_people(words: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """"told NPR Ana Ruiz had left" tagged as one body "NPR Ana Ruiz": a mention that is not a person's
    and ends in the full name (two words or more) of a person NER tagged elsewhere in the text, after
    capitalised words, is two mentions: those words (the body, as labelled) and the person."""
    people = {m.key for m in mentions if m.label == "PERSON" and len(m.key) >= 2}
    if not people:
        return mentions
    out = []
    for m in mentions:
        cut = None
        if m.label != "PERSON" and m.end - m.start >= 3:
            cut = next((k for k in range(m.start + 1, m.end - 1)
                        if tuple(fold_name(w) for w in words.lower[k:m.end]) in people
                        and all(w[:1].isupper() for w in words.text[m.start:k])), None)
        if cut is not None:
            body, person = _make_mention(words, m.start, cut, m.label), _make_mention(words, cut, m.end, "PERSON")
            if body is not None and person is not None:
                out += [body, person]
                continue
        out.append(m)
    return out


def _conjuncts(words: TokenTable, m: Mention) -> list[tuple[int, int]] | None:
    """The token ranges of the names a mention coordinates, or None when it coordinates none."""
    root = words.span_root(m.start, m.end)
    if not any(words.dep[c] == "conj" and m.start <= c < m.end for c in words.children[root]):
        return None
    cuts = [k for k in range(m.start + 1, m.end - 1)
            if (words.lower[k] in {"and", "&"} and words.dep[k] == "cc") or words.text[k] == ","]
    if not cuts:
        return None
    parts, s = [], m.start
    for k in cuts + [m.end]:
        a = s
        while a < k and (words.lower[a] in {"the", "and", "&"} or words.is_punct[a]):
            a += 1
        if a < k:
            parts.append((a, k))
        s = k + 1
    return parts if len(parts) >= 2 else None


_CONNECTORS = frozenset("of for and on in the de du la des del to at & ,".split())
#: Small words inside a name whose initial some acronyms spell ("Notes from Poland (NFP)"), others skip.
_ACRONYM_SMALL_WORDS = frozenset("of for from on in to at and".split())
#: How many tokens back from an acronym in brackets its name may start ("the United Nations
#: Fisheries, Oceans and Marine Research Council (PFOMRC)" is 8): a bound on the search.
_MAX_ACRONYM_RUN = 14
#: A short form in brackets that is not in capitals ("(Bofo)") defines a name of at least these many words.
_MIN_NAME_FOR_SHORT_FORM = 3


def _parenthetical_acronyms(words: TokenTable, mentions: list[Mention], token_paragraph: list[int],
                            silent: set[int]) -> tuple[list[Mention], dict[tuple[str, ...], tuple[str, ...]]]:
    """Acronyms defined in brackets: "the National Grain Board (NKB)", "the Baltic Energy and
    Water Agency (BEWA)". Returns the mentions (the name before the bracket made one mention when
    NER cut it where the initials show it goes on, and the acronym a mention if NER missed it)
    and a map from the acronym's key to the name's key."""
    text, n = words.text, len(words)
    aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
    labels: dict[tuple[str, ...], str] = {}
    for k in range(1, n - 2):
        if text[k] != "(" or text[k + 2] != ")" or token_paragraph[k] in silent:
            continue
        acronym = text[k + 1]
        letters = acronym.replace(".", "").replace("&", "")  # "PG&E", "AT&T": the ampersand is no letter
        if not (letters.isalpha() and letters[:1].isupper() and 2 <= len(letters)):
            continue
        before = next((m for m in mentions if m.end == k and m.label != "PERSON"), None)
        # "Transport for London (TfL)": capitals for the name's words, small letters for its small words
        capitals = "".join(c for c in letters if c.isupper())
        mixed = letters[1:].lower() != letters[1:] and not letters.isupper() and len(capitals) >= 2
        mixed_run = _initials_run(words, k, capitals) if mixed else None
        if not letters.isupper() and mixed_run is None and (before is None or len(before.key) < _MIN_NAME_FOR_SHORT_FORM):
            continue  # "Ruritania (Elbonia)" is no acronym; "Board of Fisheries and Oceans (Bofo)" is
        run = _initials_run(words, k, letters) or mixed_run
        if run is not None and (before is None or run[0] < before.start):
            # "Voices from Elbonia (VFE)": the place NER tagged at the end does not make the name a place's
            label = before.label if before is not None and before.label not in _PLACE_LABELS else "ORG"
            made = _make_mention(words, run[0], k, label)
            if made is not None:
                mentions = [m for m in mentions if m.end <= run[0] or m.start >= k] + [made]
                before = made
        if before is None or (before.key[0][:1] != letters[0].lower() and not (
                run is not None and before.start < run[0] < k)):
            continue  # "the Ruritania Office of Mines (OM)": the initials of the name after the place in front
        if not any(m.start <= k + 1 < m.end for m in mentions):
            short = _make_mention(words, k + 1, k + 2, "ORG")
            if short is not None:
                mentions.append(short)
        aliases[(fold_name(letters.lower()),)] = before.key
        aliases[(fold_name(acronym.lower()),)] = before.key
        labels[before.key] = before.label
    for m in mentions:
        defined = aliases.get(m.key)
        if defined is not None and m.label == "PERSON":
            m.label = labels[defined]  # an acronym NER took for a person's name ("Bofo said")
    mentions.sort(key=lambda m: m.start)
    return mentions, aliases


def _initials_run(words: TokenTable, k: int, letters: str) -> tuple[int, int] | None:
    """The tokens right before token ``k`` whose capitalised words' initials spell ``letters``
    (small connecting words skipped, or spelt when the acronym has their letter: "Notes from Poland
    (NFP)", but "Organization of the Petroleum Exporting Countries (OPEC)"), as ``(start, k)``, or None."""
    want = letters.lower()

    def search(i: int, got: str) -> int | None:
        """The first token of the run, going left from token ``i`` with ``got`` spelt so far."""
        if i < 0 or k - i > _MAX_ACRONYM_RUN or "\n" in words.text[i]:
            return None
        w, low = words.text[i], words.lower[i]
        if low in _ACRONYM_SMALL_WORDS and got and i > 0 and words.text[i - 1][:1].isupper() \
                and w[0].lower() + got != want and want.endswith(w[0].lower() + got):
            found = search(i - 1, w[0].lower() + got)  # the small word spelt; else skipped below
            if found is not None:
                return found
        if low in _CONNECTORS or w in {"-", "’s", "'s"}:
            return search(i - 1, got)
        if not w[:1].isupper():
            return None
        got = w[0].lower() + got
        if got == want:
            return i
        return search(i - 1, got) if want.endswith(got) else None

    first = search(k - 1, "")
    return (first, k) if first is not None else None


_HYPHENS = ("-", "\u2010", "\u2011")


def _hyphen_fragment(words, start, end) -> bool:
    """Whether tokens [start, end) are a lower-case piece of a hyphenated word ("geo" in
    "geo-political"), which NER sometimes tags, rather than a name ("Russia" in "Russia-NATO" and
    "NATO" in "anti-NATO" have capitals and stay)."""
    if any(not w.islower() for w in words.text[start:end] if any(map(str.isalpha, w))):
        return False
    text, n = words.text, len(words)
    glued_after = end + 1 < n and text[end] in _HYPHENS and not words.spaced[end - 1] and not words.spaced[end]
    glued_before = start >= 2 and text[start - 1] in _HYPHENS and not words.spaced[start - 2] \
        and not words.spaced[start - 1]
    return glued_after or glued_before


def _is_title_token(words: TokenTable, i: int, label: str, end: int) -> bool:
    """Whether token ``i`` of a person's mention ``[.., end)`` is a title or role in front of the name.
    A word before the mention's last word is no title for being followed by a title-like word:
    that word is the surname ("John Major", "Ana Marshal"), not a title before a name."""
    if label != "PERSON":
        return False
    lower = words.lower
    if lower[i].rstrip(".") in _TITLES or lower[i] in _TITLES:
        return True
    # "NATO Secretary-General X": an organisation or nationality in front of a title.
    if i + 2 < end and lower[i + 1].rstrip(".") in _TITLES:
        return True
    return words.is_punct[i] and words.text[i] in "-"


def _person_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when the person name ``short`` can refer to ``full`` (both lower-case word tuples)."""
    if short == full:
        return True
    if len(short) >= len(full):
        return False
    if full[-len(short):] == short:
        # a suffix: "scheffer", "hoop scheffer", "de hoop scheffer" of "jaap de hoop scheffer";
        # a particle alone ("de") never names anyone.
        return short[0] not in NAME_PARTICLES or len(short) > 1
    if len(short) == 1 and short[0] == full[0] and short[0] not in NAME_PARTICLES:
        return True  # a first name alone
    if len(full) >= 3 and short[-1] == full[-2] and short[-1] not in NAME_PARTICLES and len(short[-1]) > 2 and (
            len(short) == 1 or (short[0] == full[0] and _subsequence(short, full))):
        # two surnames: "Vázquez" and "Wanda Vázquez" of "Wanda Vázquez Garced", "Pedro Pierluisi"
        # of "Pedro R. Pierluisi Urrutia" (the first surname names the person)
        return len(short) > 1 or full[-2] != full[0]
    # "Nadia Osei" of "nadia k. osei": same first and last word, subset in order.
    return short[0] == full[0] and short[-1] == full[-1] and _subsequence(short, full)


def _regnal_first_name(short: tuple[str, ...], full: tuple[str, ...], titles_of: dict[tuple[str, ...], set[str]]) -> bool:
    """"Princess Ubolratana" of "Ubolratana Mahidol" when the text also calls her "Princess Ubolratana
    Mahidol": a regnal title and a first name name the person the text gives that title and that first
    name ("Pope Francis" is not "Francis Collins", whom the text never calls pope)."""
    return (len(short) == 2 and short[0] in REGNAL_TITLES and len(full) >= 2 and full[0] == short[1]
            and short[0] in titles_of.get(full, ()))


def _subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    it = iter(full)
    return all(w in it for w in short)


def _initials(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key if w not in _ACRONYM_SKIP and w[:1].isalpha())


def _cluster(mentions: list[Mention], aliases: dict[tuple[str, ...], tuple[str, ...]] | None = None,
             relatives: frozenset[tuple[str, ...]] = frozenset()) -> list[Entity]:
    """Group mentions into entities (see the module docstring). ``aliases`` maps an acronym's key
    to the key of the name it was defined for ("National Grain Board (NKB)"); ``relatives`` are the
    keys of names the text gives as someone's kin (:func:`_relatives`): a shorter name of two words
    or more that the text used before never joins one of them ("Ana Ruiz", then "her mother, Ana
    María Ruiz": two people)."""
    persons: list[Entity] = []
    others: dict[tuple, Entity] = {}
    if aliases:
        # "Nigemin said" found as an untagged subject, or tagged PERSON, after "... Mining (Nigemin)":
        # the acronym is the body its brackets defined, whatever label the mention got
        defined = {m.key: m.label for m in mentions if m.key in set(aliases.values()) and m.label != "PERSON"}
        for m in mentions:
            if m.label == "PERSON" and aliases.get(m.key) in defined:
                m.label = defined[aliases[m.key]]
    # Longest names first; among names of one length, the one the article gives first, so that a
    # surname two people share ("Lowell" of Liz and Mary Lowell) joins the person named first, on
    # every run (a set's order would change with Python's hash seed).
    first_seen: dict[tuple[str, ...], int] = {}
    for m in mentions:  # in text order: mentions found after NER's come later in the list
        if m.label == "PERSON":
            first_seen[m.key] = min(first_seen.get(m.key, m.start), m.start)
    person_keys = sorted(first_seen, key=lambda k: (-len(k), first_seen[k]))
    titles_of: dict[tuple[str, ...], set[str]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.titles:
            titles_of.setdefault(m.key, set()).update(m.titles)
    # a one-word key the text only ever writes in capitals ("US", tagged PERSON in a transcript) is an
    # acronym, no first name or surname of a longer name ("US Championship", tagged PERSON too)
    written_as_acronym = ({m.key for m in mentions if m.label == "PERSON" and len(m.key) == 1 and acronym_letters(m.name)}
                          - {m.key for m in mentions if m.label == "PERSON" and not acronym_letters(m.name)})
    key_entity = {}
    earliest: dict[int, int] = {}  # id of a person -> the first token of any of its names so far
    for key in person_keys:
        matching = [] if key in written_as_acronym else [e for e in persons if (_person_match(key, e.key) or _regnal_first_name(key, e.key, titles_of)
                                           or _regnal_first_name(e.key, key, titles_of)) and not (
            e.key in relatives and len(key) >= 2 and first_seen[key] < first_seen[e.key])]
        if len(key) == 1 and len(matching) > 1:
            # a bare surname several people share: the one the text named first ("Vanderbilt" is
            # Gloria, named in the headline, not her father named further down)
            matching.sort(key=lambda e: earliest[id(e)])
        target = matching[0] if matching else None
        if target is None:
            target = Entity(key=key, name="", is_person=True)
            persons.append(target)
        key_entity[key] = target
        earliest[id(target)] = min(earliest.get(id(target), first_seen[key]), first_seen[key])
    # Keys NER labelled otherwise that spell a person's name join that person. A key can spell only
    # a name that ends in its last word or, alone, starts with it (see _person_match).
    person_of = {}  # key -> the person it spells, looked up once per key
    last_words = {e.key[-1] for e in persons} | {e.key[-2] for e in persons if len(e.key) >= 3}
    first_words = {e.key[0] for e in persons}
    for m in mentions:
        if m.label != "PERSON" and m.key not in key_entity:
            if m.key not in person_of:
                person_of[m.key] = None
                if m.key[-1] in last_words or (len(m.key) == 1 and m.key[0] in first_words):
                    fits = [e for e in persons if len(e.key) > len(m.key) and _person_match(m.key, e.key)]
                    if len(m.key) == 1:
                        fits.sort(key=lambda e: earliest[id(e)])  # the person named first, as above
                    person_of[m.key] = fits[0] if fits else None
            target = person_of[m.key]
            if target is not None and all(w[:1].isupper() for w in m.name.split()) and not acronym_letters(m.name):
                key_entity[m.key] = target  # (a word in capitals, "US", is an acronym: no part of a name)
    for m in mentions:
        ent = key_entity.get(m.key)
        if ent is None:
            ent = others.get(m.key)
            if ent is None:
                ent = others[m.key] = Entity(key=m.key, name="")
        m.entity = ent
    # Acronyms: "BEA" joins "Baltic Energy Agency", "U.S." "United States", and
    # an acronym defined in brackets the name before it.
    # (a name that holds the acronym as a word does not spell it: "US" is not "US Senate")
    longs = {_initials(k): e for k, e in others.items()
             if len(k) > 1 and not any(w.replace(".", "") == _initials(k) for w in k)}
    short_forms: dict[str, Entity] = {}  # letters -> the first acronym entity without a long form
    for k, e in list(others.items()):
        letters = k[0].replace(".", "").replace("&", "") if len(k) == 1 else ""
        if letters.isalpha() and len(letters) > 1:  # "BEA", "U.S.", "PG&E"
            defined = (aliases or {}).get(k)
            long = others.get(defined) if defined is not None else None
            if long is None:
                long = longs.get(letters)
            if long is None:
                long = short_forms.setdefault(letters, e)  # "US" and "U.S." are one, long form or not
            if long is not None and long is not e:
                for m in mentions:
                    if m.entity is e:
                        m.entity = long
    return _gather(mentions)


#: Nouns of kinship: a name given as someone's kin ("her mother, X") is a relative of that someone.
_KIN_NOUNS = frozenset(
    "mother father son daughter brother sister wife husband aunt uncle niece nephew grandmother grandfather "
    "grandson granddaughter cousin widow widower stepmother stepfather stepson stepdaughter".split())


def _relatives(words: TokenTable, mentions: list[Mention]) -> frozenset[tuple[str, ...]]:
    """Keys of the person names the text gives as someone's kin: in apposition to a kin noun with a
    possessive ("her widowed mother, Gloria Ruiz", "Ana's father, Luis Ruiz"), as the parse attaches it
    or right after the noun and a comma."""
    out = set()
    for m in mentions:
        if m.label != "PERSON" or len(m.key) < 2:
            continue
        root = words.span_root(m.start, m.end)
        noun = words.head[root] if words.dep[root] == "appos" and words.head[root] < m.start else (
            m.start - 2 if m.start >= 2 and words.text[m.start - 1] == "," else None)
        if noun is not None and words.lemma[noun] in _KIN_NOUNS and words.text[noun].islower() and any(
                words.dep[c] == "poss" for c in words.children[noun]):
            out.add(m.key)
    return frozenset(out)


def _gather(mentions: list[Mention], person_by_label: bool = True) -> list[Entity]:
    """The entities of ``mentions`` (each mention's ``entity`` set), with their mentions, labels,
    variants and canonical name (the longest) filled in; an entity whose longest name NER labelled
    PERSON is a person when ``person_by_label`` (else ``is_person`` is left as it was decided)."""
    result = {}
    for m in mentions:
        ent = m.entity
        if id(ent) not in result:
            ent.mentions, ent.labels, ent.variants = [], Counter(), {}
            result[id(ent)] = ent
        ent.mentions.append(m)
        ent.labels[m.label] += 1
        ent.variants[m.name] = ent.variants.get(m.name, 0) + 1
    out = list(result.values())
    for ent in out:
        # the longest name; a regnal title counts for less than a name's word ("Ubolratana Mahidol",
        # not "Princess Ubolratana"; but "Pope Adrian" over "Adrian")
        longest = max(ent.mentions, key=lambda m: (len(m.key) - (len(m.key) > 1 and m.key[0] in REGNAL_TITLES),
                                                   len(m.key), ent.variants[m.name], m.name[:1].isupper()))
        ent.name = longest.name
        ent.key = longest.key
        if person_by_label and longest.label == "PERSON":
            ent.is_person = True
    return out


#: The shortest surname whose other spelling is linked to it ("Wasef" and "Wasif"): shorter names
#: one letter apart are as often two names ("Berg", "Borg").
_MIN_SPELLING = 5


def _join_spellings(words: TokenTable, mentions: list[Mention], entities: list[Entity]) -> list[Entity]:
    """A surname written alone in a spelling one letter away from the surname of exactly one person
    the article names in full ("Castell" for "Maria Castel"; "Wasif" for "Sally Wasef") is that person,
    when no other person's surname is as near; whatever label NER gave it ("Sarea said" tagged ORG),
    unless a place's or a nationality's, or the word is in capitals (an acronym). Two people named in full
    stay two ("Erik Hansen" and "Lars Hanson"), and so does a surname near to two people's."""
    people = [e for e in entities if e.is_person and len(e.key) >= 2]
    moved = []
    for e in entities:
        if len(e.key) != 1 or any(len(m.key) > 1 for m in e.mentions):
            continue
        if any(label in _PLACE_LABELS for label in e.labels) or e.name.isupper():
            continue  # a place, a nationality or an acronym is no spelling of a surname
        w = e.key[0]
        if len(w) < _MIN_SPELLING or not w.isalpha():
            continue
        fits = [p for p in people if len(p.key[-1]) >= _MIN_SPELLING and p.key[-1][0] == w[0] and _one_edit(w, p.key[-1])]
        if len(fits) == 1:
            for m in e.mentions:
                m.entity = fits[0]
            moved.append(fits[0])
    if not moved:
        return entities
    out = _gather(mentions, person_by_label=False)
    for ent in moved:
        ent.roles = _roles(words, ent)
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter apart: one replaced, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
#: Endings of adjectives of nationality ("Canadian", "Turkish", "Japanese", "Israeli").
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i")
_MIN_DEMONYM = 4
#: A company's legal name adds at most this many words to its short name ("Ford" of "Ford Motor Company").
_MAX_LEGAL_TAIL = 3


def _merge_short_forms(words: TokenTable, mentions: list[Mention], entities: list[Entity],
                       first_body: dict[int, int]) -> list[Entity]:
    """One organisation under its fullest name in the article: a short form joins the one longer
    name it abbreviates, by rule (never by a list of names):

    - an acronym inside the name ("US Department of Justice" = "United States Department of
      Justice": "US" spells the initials of "United States");
    - the name without a place or nationality in front ("Coast Guard" of "Canadian Coast Guard",
      "Department of Justice" of "US Department of Justice"): a place named in the article, or one
      capitalised adjective of nationality ("Canadian", "Turkish", "Japanese", "Israeli");
    - a company's name without its legal ending ("Acme" of "Acme Widgets Company", "Nordwind" of
      "Nordwind Holdings Ltd");
    - the name cut before its "of"/"for" phrase, two words or more ("European Court" of "European
      Court of Justice");
    - the name in another form of its words, with the same head (:func:`_other_form`: "Emergencies
      Ministry" of "Emergency Situations Ministry").

    Only when exactly one longer name fits and the text gives it before the short form
    (``first_body``: id of an entity -> token of its first mention outside headlines and captions),
    so "Air Force" after both "Elbonian Air Force" and "Ruritanian Air Force" stays itself, and so
    does "Acme" before "Acme Foods Inc." Places, nationalities and people never merge here."""
    orgs = [e for e in entities if not e.is_person and e.label not in _PLACE_LABELS]
    if len(orgs) < 2:
        return entities
    places = {m.key for m in mentions if m.label in _PLACE_LABELS}
    place_initials = {k[0].replace(".", "") for k in places if len(k) == 1} | {_initials(k) for k in places if len(k) > 1}
    caps = {id(e): {fold_name(w) for w in e.name.split() if w.replace(".", "").isupper()} for e in orgs}
    for e in orgs:  # "Canadian" in front of a name: a nationality, for this article's places
        for m in e.mentions:
            first = m.start + next((k for k, w in enumerate(words.text[m.start:m.end]) if w.lower() != "the"), 0)
            w = words.text[first]
            if (m.end - first >= 2 and w[:1].isupper() and not w.isupper() and words.tag[first] in {"JJ", "NNP", "NNPS"}
                    and w.lower().endswith(_DEMONYM_ENDINGS) and len(w) > _MIN_DEMONYM):
                places.add((fold_name(w),))
    target: dict[int, Entity] = {}

    def find(e: Entity) -> Entity:
        while id(e) in target:
            e = target[id(e)]
        return e

    # 1. the same name with an acronym for some of its words
    for a in orgs:
        for b in orgs:
            if a is not b and len(a.key) < len(b.key) and find(a) is not find(b) and _acronym_equal(a.key, b.key, caps[id(a)]):
                target[id(find(a))] = find(b)
    # 1b. "Ruritania Supreme Court" is "Supreme Court of Ruritania" (the complement in front or after "of")
    for a in orgs:
        for b in orgs:
            if a is not b and find(a) is not find(b) and _place_moved(a.key, b.key):
                target[id(find(a))] = find(b)
    # 2-3. a short form of exactly one longer name named before it
    for s in orgs:
        if id(s) in target:
            continue
        fits = {id(find(l)): find(l) for l in orgs if find(l) is not find(s) and len(l.key) > len(s.key)
                and (_after_place(s.key, l.key, places, place_initials, caps[id(l)])
                     or _legal_tail(s.key, l.key) or _cut_before_complement(s.key, l.key) or _other_form(s.key, l.key)
                     or (_institution_head(s.key, l.key)
                         # a head word written only in headlines is a common noun there ("Radio host dies")
                         and (s.key[0] in _INSTITUTIONS or id(s) in first_body)))}
        if len(fits) == 1:
            l = next(iter(fits.values()))
            if first_body.get(id(l), 1 << 30) < first_body.get(id(s), 1 << 30):
                target[id(s)] = l
    if not target:
        return entities
    for m in mentions:
        if m.entity is not None:
            m.entity = find(m.entity)
    return _gather(mentions, person_by_label=False)


def _place_moved(front: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """"ruritania supreme court" and "supreme court of ruritania", "health ministry" and "ministry of
    health": one name, its complement in front of it or after its "of"."""
    for n in range(1, len(front)):
        if after == front[n:] + ("of",) + front[:n]:
            return True
    return False


#: Words that head a body's or an outlet's name, which the text may use alone for it ("the Court", "the
#: Department", "the Institute", "the Courier").
_HEAD_WORDS = _INSTITUTIONS | ORG_NOUNS | INSTITUTION_NOUNS | MEDIA_NAME_WORDS
#: The prepositions that open the complement of a body's name ("Department of ...", "Center for ...").
_NAME_COMPLEMENTS = ("of", "for", "on")


def _institution_head(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Court" of "Supreme Court of Ruritania", "Department" of "Ruritania Department of Water",
    "Courier" of "Evening Courier": a body's or an outlet's word alone (:data:`_HEAD_WORDS`) is the
    one longer name it heads (its last word, or the word before its "of"/"for"/"on")."""
    if len(short) != 1 or short[0] not in _HEAD_WORDS:
        return False
    k = next((k for k in range(1, len(full)) if full[k] in _NAME_COMPLEMENTS), None)
    head = full[k - 1] if k is not None else full[-1]
    return head == short[0]


def _cut_before_complement(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"European Court" of "European Court of Justice": a name of two words or more that is the
    longer name up to its "of"/"for"/"on" phrase."""
    n = len(short)
    return n >= 2 and len(full) > n + 1 and full[:n] == short and full[n] in {"of", "for", "on"}


def _other_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Emergencies Ministry" of "Emergency Situations Ministry", "Fires Service" of "Fire Rescue Service
    of Elbonia": two written forms of one body's name (a translated name is often written both ways).
    The shorter (two words or more, no "of" phrase) ends in the longer's head word (its last word, or
    the word before its "of"/"for"/"on"), starts with the same word, has its other words in the same
    order among the longer's, and writes at least one of them in another number (a plural for a
    singular): a shorter name in the very same words may be another body ("Supreme Court", "Supreme
    Administrative Court") and stays itself."""
    if len(short) < 2 or any(w in _NAME_COMPLEMENTS for w in short):
        return False
    k = next((k for k in range(1, len(full)) if full[k] in _NAME_COMPLEMENTS), len(full))
    name = full[:k]
    if len(name) <= len(short) or short[-1] != name[-1]:
        return False
    j, changed = 0, False
    for w in short:
        while j < len(name) and _singular(name[j]) != _singular(w):
            j += 1
        if j == len(name) or (w is short[0] and j != 0):
            return False
        changed |= name[j] != w
        j += 1
    return changed


def _singular(word: str) -> str:
    """An English noun in the singular, by its regular plural ending ("emergencies" -> "emergency",
    "fires" -> "fire", "boxes" -> "box"); any other word as it is."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _acronym_equal(short: tuple[str, ...], full: tuple[str, ...], acronyms: set[str]) -> bool:
    """Whether ``short`` is ``full`` with a run of its words written as their initials (one of
    ``acronyms``, the words the name writes in capitals): ("us", "congress") = ("united", "states", "congress")."""
    i = j = 0
    used = False
    while i < len(short) and j < len(full):
        if short[i] == full[j]:
            i, j = i + 1, j + 1
            continue
        letters = short[i].replace(".", "")
        if short[i] not in acronyms or len(letters) < 2:
            return False
        run = full[j:j + len(letters)]
        if len(run) != len(letters) or "".join(w[0] for w in run) != letters:
            return False
        i, j, used = i + 1, j + len(letters), True
    return used and i == len(short) and j == len(full)


def _after_place(short: tuple[str, ...], full: tuple[str, ...], places: set[tuple[str, ...]],
                 place_initials: set[str], acronyms: set[str]) -> bool:
    """Whether ``full`` is ``short`` with a place or nationality named in the article in front
    ("elbonian air force", "us department of justice", "united states air force" when "US" is named)."""
    k = len(full) - len(short)
    if full[k:] != short:
        return False
    front = full[:k]
    if front in places:
        return True
    if len(front) == 1 and front[0] in acronyms and (front[0].replace(".", ""),) in {
            (x[0].replace(".", ""),) for x in places if len(x) == 1}:
        return True
    return len(front) >= 2 and _initials(front) in place_initials and not any(
        w.replace(".", "") in place_initials for w in front)  # "United States", not "US Supreme"


def _legal_tail(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``full`` is ``short`` with a company's legal ending after it ("acme widgets company")."""
    tail = full[len(short):]
    return full[:len(short)] == short and 1 <= len(tail) <= _MAX_LEGAL_TAIL and tail[-1] in CORPORATE_DESIGNATORS


def _untagged_subjects(words: TokenTable, mentions: list[Mention], token_paragraph: list[int], silent: set[int],
                       title_case: frozenset[int] | set[int] = frozenset(),
                       candidates: list[int] | None = None) -> list[Mention]:
    """Proper names NER left untagged that are the subject of a verb ("Okafor met ...", "Okafor
    said"): persons, as the subject of a verb mostly is when it bears a surname-like name. A word at
    the start of a sentence that the text also writes in lower case is a common noun ("Fitness was
    ... our fitness")."""
    text, lower, pos, dep = words.text, words.lower, words.pos, words.dep
    covered = set()
    single = {}  # token -> its one-token mention that NER gave a non-person label ("Olaf" NORP)
    for m in mentions:
        covered.update(range(m.start, m.end))
        if m.end - m.start == 1 and m.label != "PERSON" and pos[m.start] == "PROPN":
            single[m.start] = m
    out = []
    # words the text writes in lower case somewhere: capitalised at a sentence's start, no name
    lower_case_words = words.lower_case_words
    sentence_starts = set(words.sent_starts) | {k + 1 for k in words.sent_starts if k + 1 < len(words) and words.is_quote[k]}
    for i in (range(len(words)) if candidates is None else candidates):
        if dep[i] in _SUBJECT_DEPS and i > 0 and _is_post_nominal(words, i) and pos[i - 1] == "PROPN" \
                and i not in covered and token_paragraph[i] not in title_case | silent:
            start = i  # "Ana Ruiz QC said": the name before the letters
            while start > 0 and pos[start - 1] == "PROPN" and text[start - 1][:1].isupper() \
                    and (start - 1) not in covered and words.spaced[start - 1] and i - start < _MAX_PERSONAL_NAME + 1:
                start -= 1
            m = _make_mention(words, start, i + 1, "PERSON")
            if m:
                out.append(m)
            continue
        if (dep[i] in _SUBJECT_DEPS and i > 1 and _REGNAL_NUMERAL.fullmatch(text[i]) and pos[i - 1] == "PROPN"
                and text[i - 1][:1].isupper() and lower[i - 2] in REGNAL_TITLES and i not in covered
                and (i - 1) not in covered and token_paragraph[i] not in title_case | silent):
            m = _make_mention(words, i - 2, i + 1, "PERSON")  # "Queen Elizabeth II announced": NER saw no name
            if m:
                out.append(m)
            continue
        if dep[i] == "conj" and dep[words.head[i]] not in _SUBJECT_DEPS:
            continue
        if ((dep[i] in _SUBJECT_DEPS or dep[i] == "conj") and pos[i] == "PROPN" and i not in covered and i > 0
                and token_paragraph[i] not in title_case | silent and _ends_in_org_word(words, i + 1)):
            # "The Harbour Fire and Ambulance Service said", "North Wales Fire and Rescue Service were
            # called": capitalised words ending in an organisation's word, "and"/"of" between them
            start = i
            while start > 0 and (start - 1) not in covered and words.spaced[start - 1] and (
                    (pos[start - 1] == "PROPN" and text[start - 1][:1].isupper())
                    or (lower[start - 1] in {"and", "of", "&"} and start - 2 >= 0 and text[start - 2][:1].isupper()
                        and pos[start - 2] == "PROPN" and (start - 2) not in covered)):
                start -= 1
            if start < i:
                m = _make_mention(words, start, i + 1, "ORG")
                if m:
                    out.append(m)
                    continue
        if dep[i] in _SUBJECT_DEPS and i in sentence_starts and lower[i] in lower_case_words:
            continue  # "Fitness was a big factor ... our fitness": a common noun capitalised by its place
        if (dep[i] in _SUBJECT_DEPS and pos[i] == "PROPN" and i not in covered
                and token_paragraph[i] not in title_case
                # "the Council", "Parliament": an institution, not a person's name.
                and not any(dep[c] == "det" for c in words.children[i])
                and lower[i] not in ORG_NOUNS and lower[i] not in _TITLES
                and lower[i] not in _PLACE_HEADS and lower[i] not in _INSTITUTIONS
                and text[i][:1].isupper() and not text[i].isupper() and token_paragraph[i] not in silent
                and pos[words.head[i]] in {"VERB", "AUX"}):
            start = i
            # Adjacent capitalised proper nouns belong to the name, whatever the parse made of them
            # (a first name NER tagged alone as a nationality or organisation included).
            while start > 0 and pos[start - 1] == "PROPN" and text[start - 1][:1].isupper() \
                    and ((start - 1) not in covered or (start - 1) in single) \
                    and words.spaced[start - 1] and lower[start - 1] not in _TITLES:
                start -= 1
                if start in single:
                    mentions.remove(single.pop(start))
                    break
            end, label = i + 1, "PERSON"
            number = _designation_number(words, i)
            if number is not None:
                end, label = number + 1, "LAW"  # "Republic Act No. 3846 states": a numbered designation
            elif _governed_number(words, end) > end:
                end, label = end + 1, "ORG"  # "News 12 reported": a numbered name is no person's
            m = _make_mention(words, start, end, label)
            if m:
                out.append(m)
    return out


#: Labels NER gives a person's name by mistake that evidence in the text overrides (not a place's).
_MISTAKEN_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "FAC"})


def _persons_by_evidence(words: TokenTable, mentions: list[Mention]) -> None:
    """Relabel PERSON every mention of a name NER typed as a body or a thing ("Wanda Vázquez Garced"
    ORG) when the name is a personal one (two to four capitalised words, no word of a body's name:
    :func:`_looks_like_personal_name`) and the text says it is a person's: an age right after or before
    it ("X, 45,"), "he"/"she" in the clause it is the subject of ("X said she would ..."), or a
    coordination in which NER typed more names PERSON than not ("Ana Ruiz, X and Li Wei"; a list of
    bodies with one name typed PERSON stays bodies). A place
    NER typed as such stays a place. In place, before clustering: its surname alone then joins it."""
    promoted = set()
    # coordinations of names: how many of their conjuncts NER typed PERSON, and how many otherwise
    votes: Counter = Counter()
    for m in mentions:
        person = m.label == "PERSON" and not _ends_in_org_word(words, m.end)  # "Crow Tribe" typed PERSON: a body
        votes[(_first_conjunct(words, words.span_root(m.start, m.end)), person)] += 1
    for m in mentions:
        if m.label not in _MISTAKEN_LABELS or m.key in promoted or len(m.key) < 2:
            continue
        start = m.start + (words.lower[m.start] == "the")
        if not _looks_like_personal_name(words, start, m.end):
            continue
        root = words.span_root(m.start, m.end)
        if (_age_follows(words, m.end) or _age_before(words, m.start)) or (
                words.dep[root] in _SUBJECT_DEPS and _pronoun_follows(words, root, words.head[root])):
            promoted.add(m.key)
            continue
        first = _first_conjunct(words, root)
        if first != root or words.dep[root] == "conj" or any(words.dep[c] == "conj" for c in words.children[root]):
            if votes[(first, True)] > votes[(first, False)]:
                promoted.add(m.key)  # "Ana Ruiz, X and Li Wei": more people than not in the list
    for m in mentions:
        if m.key in promoted:
            m.label = "PERSON"


def _first_conjunct(words: TokenTable, i: int) -> int:
    """The first conjunct of the coordination token ``i`` is in (``i`` itself when it is in none)."""
    while words.dep[i] == "conj" and words.head[i] != i:
        i = words.head[i]
    return i


def _designation_number(words: TokenTable, i: int) -> int | None:
    """The number after "No." that ends a designation at ``i`` ("Act No. 3846", "Flight No. 12"), or None."""
    if words.lower[i] not in {"no", "no."}:
        return None
    k = i + 1
    if k < len(words) and words.text[k] == ".":
        k += 1
    return k if k < len(words) and words.like_num[k] else None


def _recover_missed(words: TokenTable, mentions: list[Mention], entities: list[Entity], token_paragraph: list[int],
                    silent: set[int]) -> list[Mention]:
    """Add mentions NER missed: capitalised token sequences that spell a known name variant."""
    variants = {}
    for ent in entities:
        label = "PERSON" if ent.is_person else ent.labels.most_common(1)[0][0]
        if ent.is_person:
            key = ent.key
            for i in range(len(key)):
                sub = key[i:]
                if sub[0] not in NAME_PARTICLES or len(sub) > 1:
                    variants.setdefault(sub, label)
        for m in ent.mentions:
            variants.setdefault(m.key, label)
    text, lower = words.text, words.lower
    # Candidates: capitalised tokens (spaCy's is_title or is_upper) whose word starts a variant
    # (a match starts with its first token's word, never "-"): most tokens start none.
    first_words = {key[0] for key in variants}
    candidates = [i for i, w in enumerate(lower)
                  if fold_name(w) in first_words and (text[i].istitle() or text[i].isupper())]
    n = len(words)
    covered = [False] * n
    owner: list[Mention | None] = [None] * n
    for m in mentions:
        for i in range(m.start, m.end):
            covered[i] = True
            owner[i] = m
    added = []
    replaced: set[int] = set()  # ids of the shorter mentions a longer known name took over
    skip_to = 0
    for i in candidates:
        if i < skip_to or token_paragraph[i] in silent or not text[i][:1].isupper():
            continue
        if covered[i] and owner[i].start != i:
            continue
        found, inside = None, []
        for length in range(min(_MAX_VARIANT_TOKENS, n - i), 0, -1):
            end = i + length
            inside = _mentions_inside(owner, i, end)
            if inside is None:
                continue
            key = tuple([fold_name(w) for w, t in zip(lower[i:end], text[i:end]) if t != "-"])
            label = variants.get(key)
            if label is not None and inside and (len(key) < 2 or any(
                    len(m.key) >= len(key) or (m.label == "PERSON") != (label == "PERSON") for m in inside)):
                continue  # a known name spelt over other mentions only when longer, and of their kind
            if label is not None:
                # Not when the match is only the start of a longer capitalised name; a person's
                # known name of two words or more and the surname the parse hangs it on are the
                # person's fuller name ("Princess Ubolratana Mahidol" when "Princess Ubolratana" is known)
                if end < n and text[end][:1].isupper() and words.pos[end] == "PROPN":
                    longer = _surname_run(words, i, end, covered) if label == "PERSON" and len(key) >= 2 else None
                    if longer is not None:
                        found = (i, longer, label)
                    break
                found = (i, end, label)
                break
        if found and inside:
            # "Green Elbonia describes itself" with only "Elbonia" tagged, where the article writes
            # "the Green Elbonia candidate": the name the article uses, not the piece NER saw
            m = _make_mention(words, found[0], found[1], found[2])
            if m:
                added.append(m)
                replaced.update(id(x) for x in inside)
            skip_to = found[1]
            continue
        if found:
            if found[2] == "PERSON" and found[1] - found[0] == 1 and _first_name_before(words, found[0]) \
                    and not covered[found[0] - 1]:
                found = (found[0] - 1, found[1], found[2])  # "Representative Ana Ruiz" with "Ruiz" known
            m = _make_mention(words, found[0], found[1], found[2])
            if m:
                added.append(m)
            skip_to = found[1]
    if replaced:
        mentions = [m for m in mentions if id(m) not in replaced]
    return mentions + added


#: "the former" / "the latter": the first / the last of the two named just before.
_FORMER_LATTER = {"former": 0, "latter": 1}
#: The labels of the names "the former" and "the latter" point back to (who acts, not where or when).
_ACTOR_LABELS = frozenset({"PERSON", "ORG"})


def _former_and_latter(words: TokenTable, mentions: list[Mention], token_paragraph: list[int],
                       silent: set[int]) -> list[Mention]:
    """"the latter" and "the former" used as a noun phrase ("..., with the latter confirming ...", "The
    former said ...") are mentions of the last or the first of the two people or bodies named just
    before them, in their sentence or the one before (places and dates left aside): a mention with
    that name's words, so it joins that entity. As an adjective of a noun after it ("the latter part",
    "the former mayor") it is none; a date the parse hung it on is no such noun ("the latter yesterday
    confirmed"). With fewer than two named before it, it is none."""
    out = []
    mentions = sorted(mentions, key=lambda m: m.start)
    for i, low in enumerate(words.lower):
        if low not in _FORMER_LATTER or i == 0 or words.lower[i - 1] != "the" or token_paragraph[i] in silent:
            continue
        h = words.head[i]
        if h > i and words.dep[i] in {"amod", "compound"} and words.ent_type[h] not in {"DATE", "TIME"}:
            continue  # "the latter part": an adjective
        sentence = words.sentence_of(i)
        pair: list[Mention] = []
        for m in reversed(mentions):
            if m.end > i - 1 or m.label not in _ACTOR_LABELS:
                continue
            if words.sentence_of(m.start) < sentence - 1:
                break
            if not any(_same_name(m.key, x.key) for x in pair):
                pair.insert(0, m)
            if len(pair) == 2:
                break
        if len(pair) == 2:
            m = pair[_FORMER_LATTER[low]]
            out.append(Mention(i, i + 1, m.label, m.key, m.name))
    return out


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name's words end the other's ("lind" and "bo lind"): one person or body named twice."""
    n = min(len(a), len(b))
    return a[-n:] == b[-n:]


def _surname_run(words: TokenTable, start: int, end: int, covered: list[bool]) -> int | None:
    """The end of the capitalised proper nouns right after a person's name ``[start, end)`` that the
    name is a compound of (its surname, which NER missed with the rest), when the whole is a personal
    name after its titles; else None."""
    e = end
    while (e < len(words) and not covered[e] and words.pos[e] == "PROPN" and words.text[e][:1].isupper()
           and not words.text[e].isupper() and words.spaced[e - 1] and words.lower[e] not in _TITLES
           and words.lower[e] not in DAY_NAMES and words.lower[e] not in _ORG_NAME_WORDS
           and e - start < _MAX_VARIANT_TOKENS):
        e += 1
    if e == end or words.dep[end - 1] != "compound" or not end <= words.head[end - 1] < e:
        return None
    return e if _looks_like_personal_name(words, _after_roles(words, start, e), e) else None


def _mentions_inside(owner: list[Mention | None], start: int, end: int) -> list[Mention] | None:
    """The mentions that cover tokens of ``[start, end)`` (``owner``: the mention of each token), or
    None when one of them runs out of it."""
    inside: dict[int, Mention] = {}
    for k in range(start, end):
        m = owner[k]
        if m is not None:
            if m.start < start or m.end > end:
                return None
            inside[id(m)] = m
    return list(inside.values())


def _descriptor(words: TokenTable, ent: Entity) -> str | None:
    """What the text says the entity is: an apposition, else a title in front of a mention."""
    pos, dep, head = words.pos, words.dep, words.head
    titles = []
    for m in ent.mentions:
        root = words.span_root(m.start, m.end)
        for child in words.children[root]:
            # Only a common-noun apposition describes ("the director of ..."); a proper noun is
            # another name or a headline fragment.
            if (dep[child] == "appos" and pos[child] == "NOUN" and not (m.start <= child < m.end)
                    and not _covered_by(ent, child)):
                text = _clean_descriptor(words, child)
                if text:
                    return text
        governor = head[root]
        if dep[root] == "appos" and governor < m.start and pos[governor] in {"NOUN", "PROPN"}:
            head_ent_free = not any(m2.start <= governor < m2.end for m2 in ent.mentions)
            if head_ent_free and pos[governor] == "NOUN":
                text = _clean_descriptor(words, governor, stop=m.start)
                if text:
                    return text
        if not ent.is_person:
            continue
        # Titles in front: compounds/amods left of the name, inside or outside the NER span.
        name_start = m.start + _name_offset(words, m)
        left = [c for c in words.children[root]
                if c < root and dep[c] in {"compound", "amod", "nmod", "punct"} and c < name_start]
        if left:
            start = min(words.left_edge(c) for c in left)
            end = name_start
            while start < end and pos[start] == "DET":
                start += 1
            text = words.span_text(start, end)
            if text.strip(" -,") and any(words.is_alpha[start:end]) and "\n" not in text:
                titles.append(text.strip(" ,"))
    return max(titles, key=len) if titles else None


_PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
_LOCATIVE = frozenset("in at near outside inside throughout".split())
#: Words of ``_TITLES`` that only modify a title ("former", "deputy", "foreign"): no person alone.
_TITLE_MODIFIERS = frozenset(
    "first former acting interim late the a an vice deputy foreign defense defence interior finance".split())
#: ", 45," after a name is an age up to this number (a larger number is a count or a year).
_MAX_AGE = 120
#: Agent nouns are longer than this ("-er" in "her", "per", "tier" is no agent ending).
_MIN_AGENT_NOUN = 4
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "man", "woman", "person", "ee", "eer")
#: Agent endings that name people only ("economist", "historian", "nominee"), never a company.
_PERSON_ONLY_ENDINGS = ("ist", "ian", "ee", "woman", "person")
_HYPHEN_TOKENS = frozenset({"-", "\u2010", "\u2011"})


def is_people_noun(lemma: str) -> bool:
    """Whether a common noun (a lower-case lemma) names a person or people: a title or role
    (``_TITLES``), a people noun (``PEOPLE_NOUNS``), or an agent noun by its ending
    ("organiser", "novelist", "historian", "attendant", "spokeswoman", "trainee")."""
    if lemma in PEOPLE_NOUNS or (lemma in _TITLES and lemma not in _TITLE_MODIFIERS):
        return True
    return len(lemma) > _MIN_AGENT_NOUN and lemma.endswith(_AGENT_ENDINGS) and not lemma.endswith(("ment", "ism"))


def _is_person(words: TokenTable, ent: Entity) -> bool:
    """Whether the text gives evidence that a name NER labelled PERSON is a person's.

    Strong evidence: a title, a role or a people noun in front of a mention or in apposition ("Mr.",
    "attendee X", "X, a teacher", "X is a teacher"), an age (", 45," or "45-year-old"), or the name
    shortened elsewhere ("Berg" after "Ilse Berg"), or "he"/"she" in the clause it is the subject of
    ("X said he ..."). Weak evidence, for a name of two words or more only (a one-word "person" that
    speaks is as often a company or a paper: "Reuters said"): the name itself or the subject of a
    speech verb. It counts unless
    something says otherwise: NER labelled another mention of it otherwise, a "the" in front, a place
    preposition ("in X"), an apposition or a predicate that is a thing ("X, a former church", "X is
    a game"), all capitals ("ACME"), or the name in front of an organisation noun ("an X
    spokesperson"). A name with no evidence at all ("Jannah", a pipeline) is no person; its label
    becomes ORG when something calls it an organisation, else MISC.
    """
    text, lower, pos, dep, head = words.text, words.lower, words.pos, words.dep, words.head
    keys = {m.key for m in ent.mentions}
    if len(ent.key) == 1 and _acts_as_organisation(words, ent):
        ent.fallback_label = "ORG"
        return False  # "social media site X", "X's statement": a one-word name of a company
    if any(r in PLACE_NOUNS for r in ent.roles) and not any(is_people_noun(r) for r in ent.roles):
        return False  # "the nearby country X", "X, an island": a place, whatever NER said
    if len(ent.key) >= 2 and any(len(k) < len(ent.key) for k in keys):
        return True  # referred to by part of the name: a person's name
    if any(is_people_noun(r) for r in ent.roles):
        return True  # a title or a role: "Ambassador to Germany X", "X, the city's mayor"
    weak = len(ent.key) >= 2
    # NER itself disagrees ("Kestrel Mining" tagged ORG once and PERSON once): no weak evidence will do
    counter = any(m.label != "PERSON" for m in ent.mentions)
    org = False
    for m in ent.mentions:
        root = words.span_root(m.start, m.end)
        name_start = m.start + _name_offset(words, m)
        if name_start > m.start:
            return True  # a title inside the mention
        if _named_noun(words, root) is not None:
            return True  # "a university student named X"
        if m.end - m.start >= 3 and _is_post_nominal(words, m.end - 1):
            return True  # "Ana Ruiz QC"
        before = m.start - 1
        if before >= 0 and (lower[before].rstrip(".") in _PERSON_TITLES or lower[before] in _PERSON_TITLES
                            or (lower[before].isalpha() and text[before].islower() and head[before] == root
                                and is_people_noun(words.lemma[before]))):
            return True
        if (_age_follows(words, m.end) or _age_before(words, m.start)) and not any(
                w in _ORG_NAME_WORDS for w in ent.key):
            return True  # "Ana Ruiz, 45,", "Fourteen-year-old Zoe"; not "the 150-year-old Harbour Trust"
        for c in words.children[root]:
            if dep[c] == "appos" and pos[c] == "NOUN" and not m.start <= c < m.end:
                if is_people_noun(words.lemma[c]):
                    return True
                counter = counter or _is_thing_noun(words.lemma[c])
        if dep[root] == "appos" and pos[head[root]] == "NOUN" and head[root] < m.start:
            if is_people_noun(words.lemma[head[root]]):
                return True
            counter = counter or _is_thing_noun(words.lemma[head[root]])
        h = head[root]
        if dep[root] in {"nsubj", "nsubjpass"} and _pronoun_follows(words, root, h):
            return True  # "X said he ...": the pronoun in the clause X is the subject of
        if dep[root] in {"nsubj", "nsubjpass"} and words.lemma[h] in SPEECH_LEMMAS:
            weak = weak or len(ent.key) >= 2 or any(len(k) >= 2 for k in keys)
        if dep[root] == "nsubj" and words.lemma[h] == "be":
            attr = next((c for c in words.children[h] if dep[c] == "attr" and pos[c] == "NOUN"), None)
            if attr is not None and is_people_noun(words.lemma[attr]):
                return True  # "X is a teacher"
            if attr is not None and _is_thing_noun(words.lemma[attr]):
                counter = True  # "X is a game"
        if before >= 0 and lower[before] == "the":
            counter = True
        if dep[root] == "pobj" and lower[h] in _LOCATIVE:
            counter = True
        if dep[root] in {"compound", "nmod", "poss"} and pos[h] == "NOUN" and (
                words.lemma[h] in SPOKESPERSON_NOUNS or words.lemma[h] in ORG_NOUNS or lower[h] in ORG_NOUNS):
            counter = org = True
        if all(w.isupper() for w in text[name_start:m.end] if w.isalpha()) and m.end - name_start == 1 \
                and len(text[name_start]) > 2:
            counter = True
    if len(ent.key) >= 2 and any(_ends_in_org_word(words, m.end) for m in ent.mentions if len(m.key) >= 2):
        counter = org = True  # "Northern Valley Tourism Partnership", "... Rescue Service": a body's name
    if any(w in OUTLET_NAME_WORDS for w in ent.key):
        counter = org = True  # "Harbin News said", "Velka Radio reported": an outlet NER took for a person
    if org:
        ent.fallback_label = "ORG"
    return weak and not counter


def _acts_as_organisation(words: TokenTable, ent: Entity) -> bool:
    """Whether the text treats a name as an organisation's and never as a person's: a thing, an
    institution or an outlet in front or in apposition ("social media site X", "X, the company"), a
    document or a spokesperson of its own ("X's statement", "an X spokesperson"), or "X released a
    statement"; and no title in front, no people noun (a listed one: an agent noun by its ending such
    as "provider" does not count) for a role, no "he" or "she" after it."""
    lower, dep, head, lemma, pos = words.lower, words.dep, words.head, words.lemma, words.pos
    if any(r in PEOPLE_NOUNS or r in _PERSON_TITLES for r in ent.roles):
        return False
    org = any(_is_thing_noun(r) or r in INSTITUTION_NOUNS or r in MEDIA_NOUNS for r in ent.roles)
    for m in ent.mentions:
        root = words.span_root(m.start, m.end)
        h = head[root]
        before = m.start - 1
        if before >= 0 and (lower[before] in _PERSON_TITLES or lower[before].rstrip(".") in _PERSON_TITLES):
            return False
        if dep[root] in {"nsubj", "nsubjpass"} and _pronoun_follows(words, root, h):
            return False
        if dep[root] in {"poss", "compound"} and pos[h] == "NOUN" and (
                lemma[h] in VOICE_CARRIERS or lemma[h] in SPOKESPERSON_NOUNS):
            org = True
        if dep[root] == "nsubj" and lemma[h] in ISSUE_LEMMAS and any(
                dep[c] == "dobj" and lemma[c] in VOICE_CARRIERS for c in words.children[h]):
            org = True
    return org


def _outlet_by_context(words: TokenTable, ent: Entity) -> bool:
    """Whether the text uses an organisation as a news outlet: someone speaks to it ("told X",
    "speaking to X", "in an interview with X"), it reports a clause ("X reported that ..."), or a piece
    or a person of journalism carries its name ("a X reporter", "an article by X", "a contributor to
    X"). Never a person,
    a place, or a name with an institution's word ("told the committee", "the ministry reported")."""
    if ent.is_person or ent.label in _PLACE_LABELS or any(
            w in ORG_NOUNS or w in INSTITUTION_NOUNS or w in _INSTITUTIONS for w in ent.key) or any(
            r in ORG_NOUNS or r in INSTITUTION_NOUNS or r in CORPORATE_DESIGNATORS for r in ent.roles):
        return False  # "store chain X reported ...": a company's report
    lower, dep, head, lemma, children = words.lower, words.dep, words.head, words.lemma, words.children
    for m in ent.mentions:
        root = words.span_root(m.start, m.end)
        d, h = dep[root], head[root]
        if d in {"dobj", "dative"} and lemma[h] == "tell":
            return True
        if d == "pobj" and (lower[h] == "to" and lemma[head[h]] in {"speak", "talk", "tell"}
                            or lower[h] == "with" and lemma[head[h]] == "interview"
                            or lower[h] in {"by", "to", "for", "at"} and lemma[head[h]] in JOURNALISM_NOUNS):
            return True
        if d == "nsubj" and lemma[h] == "report" and any(dep[c] == "ccomp" for c in children[h]) and not any(
                dep[c] == "prep" and any(lemma[g] in VOICE_CARRIERS and lemma[g] not in JOURNALISM_NOUNS
                                         for g in children[c]) for c in children[h]):
            return True  # not "X, in its media release, reported that ...": a company's release
        if d in {"poss", "compound"} and lemma[h] in JOURNALISM_NOUNS:
            return True
    return False


def _is_thing_noun(lemma: str) -> bool:
    """A noun for a place, a building, a work, a document or an institution: no person."""
    return lemma in PLACE_NOUNS or lemma in VOICE_CARRIERS or lemma in ORG_NOUNS or lemma in _PLACE_HEADS


def _age_follows(words: TokenTable, end: int) -> bool:
    """", 45," right after a name: an age."""
    return (end + 2 < len(words) and words.text[end] == "," and words.text[end + 1].isdigit()
            and int(words.text[end + 1]) <= _MAX_AGE and words.text[end + 2] in {",", ")", "."})


def _age_before(words: TokenTable, start: int) -> bool:
    """An age right before a name: "45-year-old X" as one token, or as the tokenizer splits it ("Fourteen",
    "-", "year", "-", "old"; "Fifteen year-old")."""
    lower = words.lower
    if start < 1:
        return False
    if lower[start - 1].endswith(("-year-old", "-years-old")):
        return True
    if lower[start - 1] != "old" or start < 3:
        return False
    k = start - 2
    if lower[k] in _HYPHEN_TOKENS:
        k -= 1
    if k < 1 or lower[k] not in {"year", "years"}:
        return False
    k -= 1
    if lower[k] in _HYPHEN_TOKENS:
        k -= 1
    return k >= 0 and (words.like_num[k] or lower[k].isdigit())


def _pronoun_follows(words: TokenTable, subject: int, verb: int) -> bool:
    """"he" or "she" after the subject ``subject`` inside the clause of its verb ("X said he
    would stay"), with no other person named between."""
    for i in range(subject + 1, words.right_edge(verb) + 1):
        if words.lower[i] in _PERSON_PRONOUNS:
            return True
        if words.ent_type[i] == "PERSON":
            return False
    return False


def _roles(words: TokenTable, ent: Entity) -> frozenset[str]:
    """Lower-case lemmas of the titles and roles the text gives a person: words in front of a
    mention ("Springfield mayor X", "Foreign Minister X"), an apposition's head noun and its modifiers
    ("X, the city's mayor", "the mayor, X," also when the parser missed the apposition)."""
    if not ent.is_person:
        return frozenset()
    lemma, pos, dep, head = words.lemma, words.pos, words.dep, words.head
    out: set[str] = set()

    def add_phrase(h: int) -> None:
        out.add(lemma[h])
        for c in words.children[h]:
            if c < h and dep[c] in {"compound", "amod", "nmod"} and pos[c] in {"NOUN", "ADJ", "PROPN"}:
                out.add(lemma[c])

    def names_another(h: int) -> bool:
        """"X, his wife Berta, ...": a name after the role noun is the one it describes."""
        return any(c > h and (pos[c] == "PROPN" or words.text[c][:1].isupper())
                   and dep[c] in {"appos", "compound", "flat", "npadvmod"}
                   and not _covered_by(ent, c) for c in words.children[h])

    for m in ent.mentions:
        root = words.span_root(m.start, m.end)
        name_start = m.start + _name_offset(words, m)
        for i in range(m.start, name_start):
            if words.is_alpha[i]:
                out.add(lemma[i])
        if words.lower[name_start] in REGNAL_TITLES:
            out.add(lemma[name_start])  # "Pope X" is the pope
        for i in range(words.left_edge(root), m.start):  # "Governor X", "Springfield mayor X"
            if words.is_alpha[i] and pos[i] != "DET" and words.head[i] >= i:
                out.add(lemma[i])
        for c in words.children[root]:
            if dep[c] == "appos" and pos[c] == "NOUN" and not m.start <= c < m.end and not names_another(c):
                add_phrase(c)
        if dep[root] == "appos" and pos[head[root]] == "NOUN":
            add_phrase(head[root])
        named = _named_noun(words, root)
        if named is not None:
            add_phrase(named)  # "a university student named X": X is the student
        titled = _coordinated_title(words, root)
        if titled is not None:
            add_phrase(titled)  # "said co-author and research fellow X": X is the co-author
        # "the mayor, X, said" parsed without the apposition: a role noun, a comma, the name, a comma
        if m.start >= 2 and words.text[m.start - 1] == "," and pos[m.start - 2] == "NOUN" and (
                m.end < len(words) and words.text[m.end] in {",", ")"}) and is_people_noun(lemma[m.start - 2]):
            add_phrase(m.start - 2)
    return frozenset(w for w in out if w.isalpha())


#: Participles that give a noun's name ("a student named X", "a man called X").
_NAMING_LEMMAS = frozenset({"name", "call"})


def _named_noun(words: TokenTable, root: int) -> int | None:
    """The noun for a person that a name headed by ``root`` is given to by a participle ("a university
    student named X", "a man called X"), or None ("a ship named X": no person)."""
    h = words.head[root]
    if words.dep[root] not in {"oprd", "dobj", "attr", "xcomp"} or words.lemma[h] not in _NAMING_LEMMAS \
            or words.tag[h] != "VBN" or words.dep[h] != "acl":
        return None
    noun = words.head[h]
    if noun < h and words.pos[noun] == "NOUN" and words.text[noun].islower() and is_people_noun(words.lemma[noun]):
        return noun
    return None


def _coordinated_title(words: TokenTable, root: int) -> int | None:
    """A bare noun for one person coordinated with the titles before a name ("said study co-author and
    Research Fellow X", the name a conjunct of the noun or the noun's "and" right before the name's
    phrase): one person's two titles. Not with a determiner or a possessive ("the mayor and councillor
    X" are two people)."""
    noun = None
    if words.dep[root] == "conj" and words.head[root] < root:
        noun = words.head[root]
    else:
        left = words.left_edge(root)
        if left >= 2 and words.lower[left - 1] == "and" and words.head[left - 1] == left - 2:
            noun = left - 2
    if noun is None or words.pos[noun] != "NOUN" or words.tag[noun] != "NN" or not words.text[noun].islower() \
            or not _one_person_noun(words.lemma[noun]):
        return None
    if any(words.dep[c] in {"det", "poss"} for c in words.children[noun]):
        return None
    return noun


def _covered_by(ent: Entity, i: int) -> bool:
    return any(m.start <= i < m.end for m in ent.mentions)


def _name_offset(words: TokenTable, m: Mention) -> int:
    """How many tokens at the start of mention ``m`` are titles (the name comes after)."""
    i = m.start
    while i < m.end - 1 and _is_title_token(words, i, m.label, m.end):
        i += 1
    return i - m.start


def _clean_descriptor(words: TokenTable, head: int, stop: int | None = None) -> str | None:
    """The apposition or description headed by ``head`` as text (up to ``stop``), or None."""
    start, end = words.left_edge(head), words.right_edge(head) + 1
    if stop is not None:
        end = min(end, stop)
    text, is_punct = words.text, words.is_punct
    # An apposition ends at the first comma after its head (relative clauses, other appositions).
    for i in range(head, end):
        if text[i] in {",", ";", "(", ")", "—", "–"} and i > head:
            end = i
            break
    while start < end and (words.pos[start] == "DET" or is_punct[start]):
        start += 1
    while end > start and (is_punct[end - 1] or words.is_space[end - 1]):
        end -= 1
    out = words.span_text(start, end).strip()
    if not out or "\n" in out or not any(words.is_alpha[start:end]):
        return None
    return out


def _mentions_frame(res: Resolution, words: TokenTable, article_id: str) -> pd.DataFrame:
    text, idx, length = words.doc_text, words.idx, words.length
    labels = {id(e): _entity_label(e) for e in res.entities}
    rows = []
    for n, m in enumerate(res.mentions, 1):
        start_char, end_char = idx[m.start], idx[m.end - 1] + length[m.end - 1]
        rows.append((
            article_id, f"m{n:04d}", text[start_char:end_char], labels[id(m.entity)], start_char, end_char,
            res.token_sentence[m.start], res.token_paragraph[m.start], m.entity.entity_id, m.entity.name,
        ))
    return build_frame(MENTION_COLUMNS, rows, ints=("start_char", "end_char", "sentence_id", "paragraph_id"))


def _entities_frame(res: Resolution, article_id: str) -> pd.DataFrame:
    rows = [
        (article_id, e.entity_id, e.name, _entity_label(e), sorted(e.variants, key=lambda v: (-len(v), v)),
         len(e.mentions), e.descriptor)
        for e in res.entities
    ]
    return build_frame(ENTITY_COLUMNS, rows, ints=("n_mentions",))


def _entity_label(ent: Entity) -> str:
    return ent.label

"""Who is speaking: the speaker of a speech cue, pronoun resolution, and speaker share.

The quote engine (:mod:`helpers.extract.quotes`) finds a cue ("said", "according to") and asks this module
who its speaker is. No coreference model is available here, so the rules read the dependency parse:

- The rules walk token indexes in the Doc's :class:`helpers.ingest.tokens.TokenTable` (plain lists,
  read once per Doc), which costs a fraction of creating spaCy ``Token`` objects in loops.
- :func:`is_speech_cue` tells whether a token reports speech here.
- :func:`cue_speaker_token` finds the speaker's head token of a cue verb: its subject (also after
  the verb, "said Heather Briccetti"), the agent of a passive ("was criticised by the tribunal"), the
  object of "according to", and the subject inherited by a participle or a coordinated verb
  ("..., saying ...", "... and said ...").
- :class:`Salience` resolves third-person pronouns to the person the text is talking about. It walks
  the sentences in order and keeps a score per entity: a mention adds a weight for its grammatical
  role (a subject, or the agent of a passive, counts most; a possessive or a deep prepositional object
  least; a name more than a pronoun; the speaker of a cue more) and scores halve with every sentence
  and drop again at a paragraph break. A pronoun goes to the top person; it is then itself a
  mention, so a chain of "he ... he ..." keeps its referent salient.
- :func:`describe_speaker` turns a speaker token into the speaker columns of the quotes frame.
"""

from __future__ import annotations

__all__ = [
    "NO_SPEAKER", "SPEAKER_KINDS", "Attributor", "Salience", "Speaker", "cue_speaker_token", "describe_speaker",
    "is_speech_cue", "speaker_from_name",
]

from dataclasses import dataclass, replace

from helpers.extract.cues import (
    FIRST_PERSON, GENERIC_SPEAKERS, ORG_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SPEECH_LEMMAS,
    CLAUSE_ONLY_LEMMAS, DOCUMENT_NOUNS, FEMALE_FIRST_NAMES, FRAGMENT_LEMMAS, MALE_FIRST_NAMES, QUOTE_ONLY_LEMMAS,
)
from helpers.extract.entities import Entity, Resolution
from helpers.ingest.tokens import TokenTable

_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_INHERIT_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CUE_LEMMAS = SPEECH_LEMMAS | FRAGMENT_LEMMAS | CLAUSE_ONLY_LEMMAS | QUOTE_ONLY_LEMMAS
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN"})
_DECAY = 0.5
_PARAGRAPH_DECAY = 0.6
_LOOKBACK = 6


#: The kinds of speaker (the quotes frame's ``speaker_kind``).
SPEAKER_KINDS = ("person", "organisation", "group", "publication", "unnamed")


@dataclass(frozen=True)
class Speaker:
    """The speaker columns of one statement.

    ``mention`` is the words naming the speaker at the cue ("he", "the ministry"); ``name`` the
    canonical name (or a label such as "officials" for an unnamed speaker, or None); ``entity_id``
    and ``entity`` the resolved entity, if any; ``speaker_type`` PERSON, ORG, GPE or UNKNOWN;
    ``attribution`` the strategy that found the speaker; ``co_speakers`` the other speakers of a joint
    statement, in the order named; ``kind`` one of :data:`SPEAKER_KINDS` (derived from the others
    when not given); ``uncertain`` is True when the strategy guessed (a distant pronoun, a choice
    between two candidates): the statement needs a reader's review.
    """

    mention: str | None
    name: str | None
    entity_id: str | None
    speaker_type: str
    attribution: str
    entity: Entity | None = None
    co_speakers: tuple[str, ...] = ()
    kind: str = ""
    uncertain: bool = False

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", _kind_of(self))


def _kind_of(s: Speaker) -> str:
    if s.name is None:
        return "unnamed"
    if s.co_speakers:
        return "group"
    if s.speaker_type == "PERSON":
        return "person"
    if s.speaker_type in {"ORG", "GPE"}:
        return "organisation"
    return "unnamed"


NO_SPEAKER = Speaker(None, None, None, "UNKNOWN", "none")


def is_speech_cue(p: TokenTable, i: int) -> bool:
    """True for a verb that reports speech here (finite or participle, not negated, not "to say"),
    or "according" with its "to". ``i`` is a token index of the table ``p``."""
    lemma = p.lemma[i]
    kids = p.children[i]
    if p.lower[i] == "according":
        return any(p.lower[c] == "to" for c in kids)
    if p.pos[i] not in {"VERB", "AUX"} and p.tag[i] not in _FINITE_OR_PARTICIPLE:
        return False
    if lemma not in _CUE_LEMMAS:
        return False
    if lemma == "point" and not any(p.lower[c] == "out" for c in kids):
        return False
    if lemma == "call" and p.dep[i] == "xcomp":
        return True
    if p.tag[i] == "VBN" and not any(p.dep[c] in {"aux", "agent"} for c in kids) and p.dep[i] != "conj":
        return False  # "Asked whether ..., X said": a bare passive participle reports someone else
    for c in kids:
        if p.dep[c] == "neg":
            return False
        if p.dep[c] == "aux" and p.tag[c] == "TO":
            return False  # "to say": hypothetical, or the cue of someone else
        if p.dep[c] == "auxpass" and not any(p.dep[a] == "agent" for a in kids):
            return False  # "he was told", "it was said"
    return True


def cue_speaker_token(p: TokenTable, cue: int, quoted: frozenset[int] = frozenset()):
    """Index of the head token of the speaker of the cue verb (or "according") ``cue``, or None.
    A subject among ``quoted`` (token indexes inside quotations) is the parser's misreading of an
    inverted cue ('"The only answer is ...," tweeted X'): the speaker is found after the verb."""
    dep, children, pos, lower, head = p.dep, p.children, p.pos, p.lower, p.head
    if lower[cue] == "according":
        for to in children[cue]:
            if lower[to] == "to":
                return next((c for c in children[to] if dep[c] == "pobj"), None)
        return None
    seen = set()
    verb = cue
    while verb is not None and verb not in seen:
        seen.add(verb)
        kids = children[verb]
        agent = next((c for c in kids if dep[c] == "agent"), None)
        if agent is not None:
            return next((c for c in children[agent] if dep[c] == "pobj"), None)
        subj = next((c for c in kids if dep[c] in _SUBJECTS and c not in quoted), None)
        if subj is None and verb != cue:
            # "The annotator got annoyed and said": the passive subject of the first verb speaks.
            subj = next((c for c in kids if dep[c] == "nsubjpass"), None)
        if subj is not None:
            if lower[subj] in _RELATIVE and dep[verb] == "relcl":
                return head[verb]
            if dep[subj] == "csubj":
                # "People annotating articles said": a clausal subject names its own subject.
                return next((c for c in children[subj] if dep[c] == "nsubj"), None)
            return subj
        if any(dep[c] == "nsubjpass" for c in kids):
            return None  # "he was told": the subject is the hearer
        if verb == cue and _after_quotation(p, verb):
            # '"Why now?" asked one resident', '"..." / reply Burton and Nick.': in an inverted
            # cue the parser often makes the speaker an object.
            obj = next((c for c in kids if c > verb and dep[c] in {"dobj", "npadvmod", "attr", "dative"}
                        and pos[c] in {"PROPN", "NOUN"}), None)
            if obj is None:
                # '"...," said the tweet on the account ...' parsed with the noun under a clause.
                obj = next((j for j in range(verb + 1, min(verb + 5, len(p)))
                            if pos[j] in {"PROPN", "NOUN"} and dep[j] in {"nsubj", "nsubjpass"}), None)
            if obj is not None:
                return obj
        h = head[verb]
        if dep[verb] == "pcomp" and dep[h] == "prep" and pos[head[h]] in {"VERB", "AUX"}:
            host = head[h]
            obj = next((c for c in children[host] if dep[c] == "dobj"), None)
            if p.lemma[host] == "quote" and obj is not None:
                return obj  # "Interfax quoted X as saying ...": X speaks
            verb = host  # "X is quoted as saying ...", "X began by saying ..."
            continue
        if dep[verb] == "conj" and h != verb and pos[h] not in {"VERB", "AUX"} and any(
                dep[c] in _SUBJECTS for c in children[h]):
            verb = h  # "Assad sneered and said": the parser took "sneered" for a noun
            continue
        if dep[verb] in _INHERIT_SUBJECT and pos[h] in {"VERB", "AUX"} and h != verb:
            if dep[verb] == "xcomp" and p.lemma[h] not in _XCOMP_CARRIERS:
                return None
            if dep[verb] in {"conj", "advcl"} and verb == cue and dep[h] == "ccomp" and is_speech_cue(p, head[h]):
                # "He said the council had X and insisted that ...": the parser hangs the second
                # speech verb inside the first one's clause; it shares the first one's speaker.
                h = head[h]
            verb = h
            continue
        if dep[verb] == "relcl":
            return h
        return None
    return None


def _after_quotation(p, verb):
    """True when the verb comes right after a closing quotation mark (and a comma), or opens its
    sentence: the inverted order '"...," said X'."""
    i = verb - 1
    while i >= 0 and (p.is_space[i] or p.text[i] in {",", "—", "–", "-"}):
        i -= 1
    if i < 0 or p.is_sent_start(verb):
        return True
    return p.text[i] in {'"', "”", "»", "''"} or p.tag[i] == "''"


# "went on to say", "continued to insist": the subject carries over; "refused to say" does not
# report speech and "declined to comment" is not a quote either.
_XCOMP_CARRIERS = frozenset("go continue proceed".split())


class Attributor:
    """Who said it, for one Doc: the speaker of every speech cue, computed once per cue.

    Built by the quote engine after it has paired the quotation marks: ``quoted`` are the token
    indexes inside quotations (a name there is the speaker's topic, never the narrator's mention),
    ``cues`` the speech cues outside quotations in text order (for "it"/"they", the organisation or
    group that spoke last). ``salience`` resolves third-person pronouns (:class:`Salience`).
    """

    def __init__(self, table: TokenTable, res: Resolution, quoted: frozenset[int], cues: list[int]) -> None:
        self.table = table
        self.res = res
        self.quoted = quoted
        self.cues = cues
        self.salience = Salience(table, res, quoted)
        self._speakers: dict[int, Speaker] = {}
        self._groups: list[tuple[int, int, Speaker, bool]] | None = None

    def speaker_of_cue(self, cue: int) -> Speaker:
        """The speaker of the cue token ``cue`` (:data:`NO_SPEAKER` when none is found)."""
        spk = self._speakers.get(cue)
        if spk is None:
            spk = self._speakers[cue] = self._find_speaker_of_cue(cue)
        return spk

    def speaker_of_name(self, text: str, tokens: range) -> Speaker:
        """The speaker a bare name names (a dash or colon attribution): ``text`` over ``tokens``."""
        return speaker_from_name(text, tokens, self.res)

    def _find_speaker_of_cue(self, cue: int) -> Speaker:
        p = self.table
        tok = cue_speaker_token(p, cue, self.quoted)
        if tok is None or tok in self.quoted:
            return NO_SPEAKER
        spk = describe_speaker(p, tok, self.res, self.salience)
        if spk.name is None and p.lower[tok] in {"it", "they"}:
            spk = self._group_antecedent(tok) or spk
        if p.lower[cue] == "according" and spk.attribution == "syntax":
            spk = replace(spk, attribution="according-to")
        return spk

    def _group_antecedent(self, tok: int) -> Speaker | None:
        """For "It added" / "They said": the last organisation or group that spoke, in this or the
        previous paragraph ("The Interior Ministry said ... It added ...")."""
        p = self.table
        if self._groups is None:
            self._groups = []
            for t in self.cues:
                st = cue_speaker_token(p, t, self.quoted)
                if st is not None and p.pos[st] != "PRON" and st not in self.quoted:
                    spk = describe_speaker(p, st, self.res, self.salience)
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


class Salience:
    """Pronoun resolution by salience (see the module docstring). Build once per doc."""

    def __init__(self, p: TokenTable, res, quoted=frozenset()):
        self.res = res
        self.resolved = {}
        lower, dep, head = p.lower, p.dep, p.head
        self.sent_paragraph = [res.token_paragraph[s[0]] for s in p.sents]
        self.contrib = []  # per sentence: list of (token index, entity, weight)
        self.gender = {}  # id(entity) -> "m" or "f", from titles and from clear pronoun links
        for m in res.mentions:
            if m.entity is not None and m.entity.is_person:
                g = _title_gender(p, m.start)
                if g:
                    self.gender.setdefault(id(m.entity), g)
        for ent in res.entities:
            if ent.is_person and len(ent.key) > 1 and id(ent) not in self.gender:
                first = ent.key[0]
                if first in FEMALE_FIRST_NAMES:
                    self.gender[id(ent)] = "f"
                elif first in MALE_FIRST_NAMES:
                    self.gender[id(ent)] = "m"
        # Only names and third-person pronouns matter: visit those tokens, sentence by sentence.
        token_entity = res.token_entity
        by_sentence = [[] for _ in p.sents]
        for i, (ent, low) in enumerate(zip(token_entity, lower)):
            if ent is not None or low in _PRONOUN_GENDER:
                by_sentence[res.token_sentence[i]].append(i)
        for si, indexes in enumerate(by_sentence):
            items = []
            seen_mentions = set()
            for i in indexes:
                ent = token_entity[i]
                if ent is not None:
                    if not ent.is_person or id(ent) in seen_mentions and dep[i] == "compound":
                        continue
                    if dep[i] == "compound" and token_entity[head[i]] is ent:
                        continue
                    if i in quoted:
                        # A name inside a quotation is the speaker's topic, not the narrator's:
                        # '"... and that's Phil Bredesen," he said' is not Bredesen speaking.
                        continue
                    items.append((i, ent, _role_weight(p, i, named=True)))
                    seen_mentions.add(id(ent))
                elif i not in quoted and (lower[i] in PERSON_PRONOUNS or lower[i] in {"his", "hers"} or (
                        lower[i] == "her" and dep[i] == "poss")):
                    ent = self._resolve(si, i, items, gender=_PRONOUN_GENDER.get(lower[i]))
                    if ent is not None:
                        self.resolved[i] = ent
                        items.append((i, ent, _role_weight(p, i, named=False)))
            self.contrib.append(items)

    def entity_for(self, i):
        """The person entity the third-person pronoun at token ``i`` refers to, or None."""
        return self.resolved.get(i)

    def top_person(self, i, max_back=2):
        """The most salient person just before token ``i`` (within ``max_back`` sentences), or None."""
        si = self.res.token_sentence[i]
        items = [x for x in self.contrib[si] if x[0] < i]
        return self._resolve(si, i, items, max_back=max_back)

    def _resolve(self, si, i, items_so_far, max_back=_LOOKBACK, gender=None):
        scores = {}
        ents = {}
        for ti, ent, w in items_so_far:
            if ti < i:
                scores[id(ent)] = scores.get(id(ent), 0.0) + w
                ents[id(ent)] = ent
        factor = 1.0
        for back in range(1, max_back + 1):
            sj = si - back
            if sj < 0:
                break
            factor *= _DECAY
            if self.sent_paragraph[sj] != self.sent_paragraph[sj + 1]:
                factor *= _PARAGRAPH_DECAY
            for _, ent, w in self.contrib[sj]:
                scores[id(ent)] = scores.get(id(ent), 0.0) + w * factor
                ents[id(ent)] = ent
        if gender is not None:
            scores = {k: v for k, v in scores.items() if self.gender.get(k, gender) == gender}
        if not scores:
            return None
        ranked = sorted(scores, key=scores.get, reverse=True)
        best = ranked[0]
        if scores[best] <= 0.05:
            return None
        clear = len(ranked) == 1 or scores[best] >= 2 * scores[ranked[1]]
        if gender is not None and clear:
            self.gender.setdefault(best, gender)
        return ents[best]


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f",
    "lady": "f", "queen": "f", "princess": "f", "sister": "f",
}


def _title_gender(p, start):
    """Gender given by a title right before (or opening) a mention: "Mr.", "Ms", "Queen"."""
    for i in (start, start - 1):
        if 0 <= i < len(p):
            g = _TITLE_GENDER.get(p.lower[i])
            if g:
                return g
    return None


def _role_weight(p, i, named):
    """How much a mention at token ``i`` makes its entity salient."""
    dep, head = p.dep, p.head
    # A name inside an apposition or a compound takes the role of the noun it hangs on.
    while dep[i] in {"appos", "compound", "flat"} and head[i] != i:
        i = head[i]
    d = dep[i]
    if d in {"nsubj", "nsubjpass"}:
        w = 4.0
    elif d == "pobj" and dep[head[i]] == "agent":
        w = 4.0
    elif d == "poss":
        w = 3.0 if dep[head[i]] in {"nsubj", "nsubjpass"} and named else 1.0
    elif d in {"dobj", "dative", "attr", "oprd"}:
        w = 2.0
    else:
        w = 1.0
    if d in {"nsubj", "nsubjpass"} and is_speech_cue(p, head[i]):
        w += 1.0
    if not named and d != "poss":
        w *= 0.75
    return w


def describe_speaker(p: TokenTable, i, res, salience, quote_tokens=frozenset()) -> Speaker:
    """The speaker columns for the speaker head token ``i`` of ``p`` (see :class:`Speaker`)."""
    if i is None:
        return NO_SPEAKER
    low = p.lower[i]
    if low in FIRST_PERSON or i in quote_tokens:
        return NO_SPEAKER
    if low in PERSON_PRONOUNS:
        ent = salience.entity_for(i)
        if ent is not None:
            return _from_entity(p.text[i], ent, "pronoun")
        return Speaker(p.text[i], None, None, "PERSON", "pronoun")
    if low in PLURAL_PRONOUNS or low == "it":
        return Speaker(p.text[i], None, None, "UNKNOWN", "pronoun")
    conj = [c for c in p.children[i] if p.dep[c] == "conj" and p.pos[c] in {"PROPN", "NOUN"}]
    ent = _entity_at(p, i, res)
    if conj:
        names = []
        for k in [i] + conj:
            e = _entity_at(p, k, res)
            names.append(e.name if e is not None else _np_text(p, k))
        left = p.left_edge(i)
        mention = p.span_text(left, conj[-1] + 1) if left <= i else p.text[i]
        return Speaker(_strip_det(mention), " and ".join(names), None, "PERSON", "syntax")
    if ent is not None:
        return _from_entity(_mention_text(p, i, res), ent, "syntax")
    # "the journalist, Jane Doe, said": a name in apposition.
    for c in p.children[i]:
        if p.dep[c] == "appos":
            e = _entity_at(p, c, res)
            if e is not None:
                return _from_entity(_np_text(p, i), e, "syntax")
    if low in GENERIC_SPEAKERS:
        return NO_SPEAKER
    text = _np_text(p, i)
    voice = _voice_of(p, i, res)
    if voice is not None:
        # "a spokesperson for the agency", "a Kremlin spokesman": the organisation speaks.
        return _from_entity(_np_text(p, i, with_prep=True), voice, "syntax")
    org = _organisation_named_by(p, i, res)
    if org is not None:
        # "the agency" after "the Environment Agency": the organisation itself.
        return _from_entity(text, org, "description")
    lemma = p.lemma[i]
    if (p.pos[i] == "NOUN" and lemma not in ORG_NOUNS and lemma not in DOCUMENT_NOUNS and p.tag[i] == "NN"
            and p.dep[i] in {"nsubj", "nsubjpass", "dobj"} and _is_bare_definite(p, i)):
        # "the president said": the one person the text gave that title or role, else (for "the
        # clown said") the person just talked about.
        titled = [e for e in res.entities if e.is_person and e.descriptor
                  and lemma in e.descriptor.lower().replace("-", " ").split()]
        person = titled[0] if len(titled) == 1 else salience.top_person(i)
        if person is not None:
            return _from_entity(text, person, "description")
    stype = "ORG" if lemma in ORG_NOUNS or low in ORG_NOUNS else "UNKNOWN"
    return Speaker(text, _strip_det(text), None, stype, "syntax")


def speaker_from_name(text, tokens, res) -> Speaker:
    """Speaker for a bare name (a dash or colon attribution) over the token indexes ``tokens``: the
    person among them, else the last entity ("Press Secretary Sean Spicer" -> Sean Spicer), else
    the text."""
    ents = [res.token_entity[i] for i in tokens if res.token_entity[i] is not None]
    if ents:
        ent = next((e for e in ents if e.is_person), ents[-1])
        return _from_entity(text, ent, "dash")
    return Speaker(text, text, None, "UNKNOWN", "dash")


def _from_entity(mention, ent, how):
    label = "PERSON" if ent.is_person else ent.labels.most_common(1)[0][0]
    stype = label if label in {"PERSON", "ORG", "GPE"} else ("GPE" if label in {"LOC", "NORP"} else "ORG")
    return Speaker(mention, ent.name, ent.entity_id, stype, how, ent)


def _entity_at(p, i, res):
    ent = res.token_entity[i]
    if ent is not None:
        return ent
    for c in p.children[i]:
        if p.dep[c] in {"compound", "flat"} and c < i and res.token_entity[c] is not None:
            # "NATO spokesman" is not NATO; only a person name in front counts.
            e = res.token_entity[c]
            if e.is_person:
                return e
    return None


def _mention_text(p, i, res):
    ent = res.token_entity[i]
    for m in res.mentions:  # sorted by start
        if m.start > i:
            break
        if i < m.end and m.entity is ent:
            return p.span_text(m.start, m.end)
    return p.text[i]


def _np_text(p: TokenTable, i: int, with_prep: bool = False) -> str:
    """The noun phrase of token ``i`` up to its head: modifiers on the left, no clauses or
    appositions (and its first prepositional phrase when ``with_prep``: "a spokesperson for the agency")."""
    start = i
    for c in p.children[i]:
        if c < i and p.dep[c] in {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "flat",
                                  "quantmod"}:
            start = min(start, p.left_edge(c))
    end = i + 1
    for c in p.children[i]:
        if c <= i:
            continue
        if p.dep[c] in {"flat", "case", "compound"}:
            end = max(end, p.right_edge(c) + 1)
        elif with_prep and p.dep[c] == "prep" and c == end:
            end = p.right_edge(c) + 1
            break
    while start < i and p.is_punct[start]:
        start += 1
    return p.span_text(start, end)


def _strip_det(text):
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


_VOICE_NOUNS = frozenset("spokesman spokeswoman spokesperson spokespeople representative statement".split())


def _voice_of(p: TokenTable, i: int, res: Resolution):
    """The organisation a spokesperson speaks for ("for X", "of X", or "X spokesman"), or None."""
    if p.lemma[i] not in _VOICE_NOUNS and p.lower[i] not in _VOICE_NOUNS:
        return None
    for c in p.children[i]:
        if p.dep[c] == "prep" and p.lower[c] in {"for", "of", "from"}:
            obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
            if obj is not None:
                ent = res.token_entity[obj] or _organisation_named_by(p, obj, res)
                if ent is not None and not ent.is_person:
                    return ent
        if p.dep[c] in {"compound", "nmod"} and c < i:
            ent = res.token_entity[c]
            if ent is not None and not ent.is_person:
                return ent
    return None


def _organisation_named_by(p: TokenTable, i: int, res: Resolution):
    """The organisation a definite "the <noun>" names when an organisation mentioned earlier has
    that noun as the last word of its name ("the agency" -> "Environment Agency"), else None."""
    if p.pos[i] != "NOUN" or not any(p.lower[c] == "the" for c in p.children[i] if c < i):
        return None
    low = p.lower[i]
    best, best_pos = None, -1
    for m in res.mentions:
        if m.start >= i:
            break
        ent = m.entity
        if ent is not None and not ent.is_person and len(ent.key) > 1 and ent.key[-1] == low and m.start > best_pos:
            best, best_pos = ent, m.start
    return best


def _is_bare_definite(p: TokenTable, i: int) -> bool:
    lefts = [c for c in p.children[i] if c < i]
    if not lefts or p.lower[lefts[0]] != "the":
        return False
    return all(p.dep[c] in {"det", "amod"} for c in lefts) and not any(
        p.dep[c] == "prep" for c in p.children[i] if c > i)

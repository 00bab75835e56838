"""Who is speaking: the speaker of a speech cue, pronoun resolution, and speaker share.

The quote engine (:mod:`helpers.quotes`) finds a cue ("said", "according to") and asks this module
who its speaker is. No coreference model is available here, so the rules read the dependency parse:

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

from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id

from helpers.cues import (
    FIRST_PERSON, GENERIC_SPEAKERS, ORG_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SPEECH_LEMMAS,
    CLAUSE_ONLY_LEMMAS, DOCUMENT_NOUNS, FEMALE_FIRST_NAMES, FRAGMENT_LEMMAS, MALE_FIRST_NAMES, QUOTE_ONLY_LEMMAS,
)

_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_INHERIT_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_DECAY = 0.5
_PARAGRAPH_DECAY = 0.6
_LOOKBACK = 6


@dataclass(frozen=True)
class Speaker:
    """The speaker columns of one quote."""

    mention: str | None
    name: str | None
    entity_id: str | None
    speaker_type: str
    attribution: str
    entity: object = None


NO_SPEAKER = Speaker(None, None, None, "UNKNOWN", "none")


def cue_speaker_token(cue):
    """Head token of the speaker of the cue verb (or "according") ``cue``, or None."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    seen = set()
    verb = cue
    while verb is not None and verb.i not in seen:
        seen.add(verb.i)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None and verb is not cue:
            # "The annotator got annoyed and said": the passive subject of the first verb speaks.
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if subj.dep_ == "csubj":
                # "People annotating articles said": a clausal subject names its own subject.
                return next((c for c in subj.children if c.dep_ == "nsubj"), None)
            return subj
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "he was told": the subject is the hearer
        if verb is cue and _after_quotation(verb):
            # '"Why now?" asked one resident', '"..." / reply Burton and Nick.': in an inverted
            # cue the parser often makes the speaker an object.
            obj = next((c for c in verb.rights if c.dep_ in {"dobj", "npadvmod", "attr", "dative"}
                        and c.pos_ in {"PROPN", "NOUN"}), None)
            if obj is None:
                # '"...," said the tweet on the account ...' parsed with the noun under a clause.
                doc = verb.doc
                obj = next((doc[j] for j in range(verb.i + 1, min(verb.i + 5, len(doc)))
                            if doc[j].pos_ in {"PROPN", "NOUN"} and doc[j].dep_ in {"nsubj", "nsubjpass"}), None)
            if obj is not None:
                return obj
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            host = verb.head.head
            obj = next((c for c in host.children if c.dep_ == "dobj"), None)
            if host.lemma_ == "quote" and obj is not None:
                return obj  # "Interfax quoted X as saying ...": X speaks
            verb = host  # "X is quoted as saying ...", "X began by saying ..."
            continue
        if verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ not in {"VERB", "AUX"} and any(
                c.dep_ in _SUBJECTS for c in verb.head.children):
            verb = verb.head  # "Assad sneered and said": the parser took "sneered" for a noun
            continue
        if verb.dep_ in _INHERIT_SUBJECT and verb.head.pos_ in {"VERB", "AUX"} and verb.head is not verb:
            if verb.dep_ == "xcomp" and verb.head.lemma_ not in _XCOMP_CARRIERS:
                return None
            head = verb.head
            if verb.dep_ in {"conj", "advcl"} and verb is cue and head.dep_ == "ccomp" and is_speech_cue(head.head):
                # "He said the council had X and insisted that ...": the parser hangs the second
                # speech verb inside the first one's clause; it shares the first one's speaker.
                head = head.head
            verb = head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        return None
    return None


def _after_quotation(verb):
    """True when the verb comes right after a closing quotation mark (and a comma), or opens its
    sentence: the inverted order '"...," said X'."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {",", "—", "–", "-"}):
        i -= 1
    if i < 0 or verb.is_sent_start:
        return True
    return doc[i].text in {'"', "”", "»", "''"} or doc[i].tag_ == "''"


# "went on to say", "continued to insist": the subject carries over; "refused to say" does not
# report speech and "declined to comment" is not a quote either.
_XCOMP_CARRIERS = frozenset("go continue proceed".split())


def is_speech_cue(tok) -> bool:
    """True for a verb that reports speech here (finite or participle, not negated, not "to say")."""
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN"}:
        return False
    if (lemma not in SPEECH_LEMMAS and lemma not in FRAGMENT_LEMMAS and lemma not in CLAUSE_ONLY_LEMMAS
            and lemma not in QUOTE_ONLY_LEMMAS):
        return False
    if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
        return False
    if lemma == "call" and tok.dep_ == "xcomp":
        return True
    if tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "agent"} for c in tok.children) and tok.dep_ != "conj":
        return False  # "Asked whether ..., X said": a bare passive participle reports someone else
    for c in tok.children:
        if c.dep_ == "neg":
            return False
        if c.dep_ == "aux" and c.tag_ == "TO":
            return False  # "to say": hypothetical, or the cue of someone else
        if c.dep_ == "auxpass" and not any(a.dep_ == "agent" for a in tok.children):
            return False  # "he was told", "it was said"
    return True


class Salience:
    """Pronoun resolution by salience (see the module docstring). Build once per doc."""

    def __init__(self, doc, res, quoted=frozenset()):
        self.doc = doc
        self.res = res
        self.resolved = {}
        sents = list(doc.sents)
        self.sent_paragraph = [res.token_paragraph[s.start] for s in sents]
        self.contrib = []  # per sentence: list of (token index, entity, weight)
        self.gender = {}  # id(entity) -> "m" or "f", from titles and from clear pronoun links
        for m in res.mentions:
            if m.entity is not None and m.entity.is_person:
                g = _title_gender(doc, m.start)
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
        lower = doc.to_array(LOWER) if len(doc) else []
        pronouns = np.flatnonzero(np.isin(lower, _PRONOUN_IDS)).tolist() if len(doc) else []
        named = [i for i, e in enumerate(res.token_entity) if e is not None]
        by_sentence = [[] for _ in sents]
        for i in sorted(set(pronouns).union(named)):
            by_sentence[res.token_sentence[i]].append(i)
        for si, indexes in enumerate(by_sentence):
            items = []
            seen_mentions = set()
            for i in indexes:
                tok = doc[i]
                ent = res.token_entity[tok.i]
                if ent is not None:
                    if not ent.is_person or id(ent) in seen_mentions and tok.dep_ == "compound":
                        continue
                    if tok.dep_ == "compound" and res.token_entity[tok.head.i] is ent:
                        continue
                    if tok.i in quoted:
                        # A name inside a quotation is the speaker's topic, not the narrator's:
                        # '"... and that's Phil Bredesen," he said' is not Bredesen speaking.
                        continue
                    items.append((tok.i, ent, _role_weight(tok, named=True)))
                    seen_mentions.add(id(ent))
                elif tok.i not in quoted and (tok.lower_ in PERSON_PRONOUNS or tok.lower_ in {"his", "hers"} or (
                        tok.lower_ == "her" and tok.dep_ == "poss")):
                    ent = self._resolve(si, tok.i, items, gender=_PRONOUN_GENDER.get(tok.lower_))
                    if ent is not None:
                        self.resolved[tok.i] = ent
                        items.append((tok.i, ent, _role_weight(tok, named=False)))
            self.contrib.append(items)

    def entity_for(self, tok):
        """The person entity a third-person pronoun token refers to, or None."""
        return self.resolved.get(tok.i)

    def top_person(self, tok, max_back=2):
        """The most salient person just before ``tok`` (within ``max_back`` sentences), or None."""
        si = self.res.token_sentence[tok.i]
        items = [x for x in self.contrib[si] if x[0] < tok.i]
        return self._resolve(si, tok.i, items, max_back=max_back)

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


_PRONOUN_IDS = np.array([get_string_id(w) for w in ("he", "him", "she", "her", "his", "hers")], dtype="uint64")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f",
    "lady": "f", "queen": "f", "princess": "f", "sister": "f",
}


def _title_gender(doc, start):
    """Gender given by a title right before (or opening) a mention: "Mr.", "Ms", "Queen"."""
    for i in (start, start - 1):
        if 0 <= i < len(doc):
            g = _TITLE_GENDER.get(doc[i].lower_)
            if g:
                return g
    return None


def _role_weight(tok, named):
    """How much a mention at ``tok`` makes its entity salient."""
    head = tok
    # A name inside an apposition or a compound takes the role of the noun it hangs on.
    while head.dep_ in {"appos", "compound", "flat"} and head.head is not head:
        head = head.head
    dep = head.dep_
    if dep in {"nsubj", "nsubjpass"}:
        w = 4.0
    elif dep == "pobj" and head.head.dep_ == "agent":
        w = 4.0
    elif dep == "poss":
        w = 3.0 if head.head.dep_ in {"nsubj", "nsubjpass"} and named else 1.0
    elif dep in {"dobj", "dative", "attr", "oprd"}:
        w = 2.0
    else:
        w = 1.0
    if dep in {"nsubj", "nsubjpass"} and is_speech_cue(head.head):
        w += 1.0
    if not named and dep != "poss":
        w *= 0.75
    return w


def describe_speaker(tok, res, salience, quote_tokens=frozenset()) -> Speaker:
    """The speaker columns for the speaker head token ``tok`` (see :class:`Speaker`)."""
    if tok is None:
        return NO_SPEAKER
    low = tok.lower_
    if low in FIRST_PERSON or tok.i in quote_tokens:
        return NO_SPEAKER
    if low in PERSON_PRONOUNS:
        ent = salience.entity_for(tok)
        if ent is not None:
            return _from_entity(tok.text, ent, "pronoun")
        return Speaker(tok.text, None, None, "PERSON", "pronoun")
    if low in PLURAL_PRONOUNS or low == "it":
        return Speaker(tok.text, None, None, "UNKNOWN", "pronoun")
    conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}]
    ent = _entity_at(tok, res)
    if conj:
        parts = [tok] + conj
        names = []
        for p in parts:
            e = _entity_at(p, res)
            names.append(e.name if e is not None else _np_text(p))
        mention = tok.doc[tok.left_edge.i:conj[-1].i + 1].text if tok.left_edge.i <= tok.i else tok.text
        return Speaker(_strip_det(mention), " and ".join(names), None, "PERSON", "syntax")
    if ent is not None:
        return _from_entity(_mention_text(tok, res), ent, "syntax")
    # "the journalist, Jane Doe, said": a name in apposition.
    for c in tok.children:
        if c.dep_ == "appos":
            e = _entity_at(c, res)
            if e is not None:
                return _from_entity(_np_text(tok), e, "syntax")
    if low in GENERIC_SPEAKERS:
        return NO_SPEAKER
    text = _np_text(tok)
    voice = _voice_of(tok, res)
    if voice is not None:
        # "a spokesperson for the agency", "a Kremlin spokesman": the organisation speaks.
        return _from_entity(_np_text(tok, with_prep=True), voice, "syntax")
    org = _organisation_named_by(tok, res)
    if org is not None:
        # "the agency" after "the Environment Agency": the organisation itself.
        return _from_entity(text, org, "description")
    lemma = tok.lemma_.lower()
    if (tok.pos_ == "NOUN" and lemma not in ORG_NOUNS and lemma not in DOCUMENT_NOUNS and tok.tag_ == "NN"
            and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and _is_bare_definite(tok)):
        # "the president said": the one person the text gave that title or role, else (for "the
        # clown said") the person just talked about.
        titled = [e for e in res.entities if e.is_person and e.descriptor
                  and lemma in e.descriptor.lower().replace("-", " ").split()]
        person = titled[0] if len(titled) == 1 else salience.top_person(tok)
        if person is not None:
            return _from_entity(text, person, "description")
    stype = "ORG" if lemma in ORG_NOUNS or tok.lower_ in ORG_NOUNS else "UNKNOWN"
    return Speaker(text, _strip_det(text), None, stype, "syntax")


def speaker_from_name(text, tokens, res) -> Speaker:
    """Speaker for a bare name (a dash or colon attribution): the person among its tokens, else
    the last entity ("Press Secretary Sean Spicer" -> Sean Spicer), else the text."""
    ents = [res.token_entity[t.i] for t in tokens if res.token_entity[t.i] is not None]
    if ents:
        ent = next((e for e in ents if e.is_person), ents[-1])
        return _from_entity(text, ent, "dash")
    return Speaker(text, text, None, "UNKNOWN", "dash")


def _from_entity(mention, ent, how):
    label = "PERSON" if ent.is_person else ent.labels.most_common(1)[0][0]
    stype = label if label in {"PERSON", "ORG", "GPE"} else ("GPE" if label in {"LOC", "NORP"} else "ORG")
    return Speaker(mention, ent.name, ent.entity_id, stype, how, ent)


def _entity_at(tok, res):
    ent = res.token_entity[tok.i]
    if ent is not None:
        return ent
    for c in tok.children:
        if c.dep_ in {"compound", "flat"} and c.i < tok.i and res.token_entity[c.i] is not None:
            # "NATO spokesman" is not NATO; only a person name in front counts.
            e = res.token_entity[c.i]
            if e.is_person:
                return e
    return None


def _mention_text(tok, res):
    ent = res.token_entity[tok.i]
    for m in res.mentions:
        if m.start <= tok.i < m.end and m.entity is ent:
            return tok.doc[m.start:m.end].text
    return tok.text


def _np_text(tok, with_prep=False):
    """The noun phrase of ``tok`` up to its head: modifiers on the left, no clauses or appositions
    (and its first prepositional phrase when ``with_prep``: "a spokesperson for the agency")."""
    doc = tok.doc
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "flat", "quantmod"}:
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ in {"flat", "case"} or (c.dep_ == "compound"):
            end = max(end, c.right_edge.i + 1)
        elif with_prep and c.dep_ == "prep" and c.i == end:
            end = c.right_edge.i + 1
            break
    while start < tok.i and doc[start].is_punct:
        start += 1
    return doc[start:end].text


def _strip_det(text):
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


_VOICE_NOUNS = frozenset("spokesman spokeswoman spokesperson spokespeople representative statement".split())


def _voice_of(tok, res):
    """The organisation a spokesperson speaks for ("for X", "of X", or "X spokesman"), or None."""
    if tok.lemma_.lower() not in _VOICE_NOUNS and tok.lower_ not in _VOICE_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"for", "of", "from"}:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                ent = res.token_entity[obj.i] or _organisation_named_by(obj, res)
                if ent is not None and not ent.is_person:
                    return ent
        if c.dep_ in {"compound", "nmod"} and c.i < tok.i:
            ent = res.token_entity[c.i]
            if ent is not None and not ent.is_person:
                return ent
    return None


def _organisation_named_by(tok, res):
    """The organisation a definite "the <noun>" names when an organisation mentioned earlier has
    that noun as the last word of its name ("the agency" -> "Environment Agency"), else None."""
    if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.lefts):
        return None
    low = tok.lower_
    best, best_pos = None, -1
    for m in res.mentions:
        if m.start >= tok.i:
            break
        ent = m.entity
        if ent is not None and not ent.is_person and len(ent.key) > 1 and ent.key[-1] == low and m.start > best_pos:
            best, best_pos = ent, m.start
    return best


def _is_bare_definite(tok):
    lefts = list(tok.lefts)
    if not lefts or lefts[0].lower_ != "the":
        return False
    return all(c.dep_ in {"det", "amod"} for c in lefts) and not any(c.dep_ == "prep" for c in tok.rights)

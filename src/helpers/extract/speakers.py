"""Who said it: the speaker of a speech cue, resolved to a person, an organisation, a group or a
publication named in the article.

The quote engine (:mod:`helpers.extract.quotes`) finds the statements and their cues ("said",
"according to") and asks an :class:`Attributor` (one per Doc) who speaks. No coreference model is
available here, so the rules read the dependency parse, through the Doc's
:class:`helpers.ingest.tokens.TokenTable` (plain lists: a fraction of the cost of spaCy ``Token``
objects in loops), and the entities of :mod:`helpers.extract.entities`.

1. :func:`is_speech_cue` tells whether a token reports speech here; :func:`cue_speaker_token` finds
   the head token of the speaker's noun phrase: the cue's subject (also after the verb, "said Ana
   Ruiz"), the agent of a passive ("was criticised by the tribunal"), the object of "according
   to", and the subject inherited by a participle or a coordinated verb ("..., saying ...", "...
   and said ..."). When an inherited subject is no speaker ("a witness described how the attack
   unfolded, stating ..."), the search goes on to the subject of the clause above. In "a recording
   in which X says" the recording is where it was said: X speaks (also when the parser lost X).
   "According to X, officials said ..." is X's report (a nested report goes to its outer source
   when that source reports: "According to investigators, Ana Ruiz said" is the investigators';
   "According to the filing, Ana Ruiz said", a document nobody issued, stays Ruiz's; "the Gazette
   reported Ana Ruiz recommended ..." is the outlet's report); an outlet that relays another's
   words does not speak: "the BBC cited X as saying", "X was quoted by the Gazette as saying" are
   X's (also when the parser hung "as" on a later verb); "the journal X published a report by a
   team from Y, saying ..." is the document's maker's (the study's named authors), not the
   publisher's; "an
   example of the media describing him": the noun right before an -ing cue speaks.
2. The noun phrase is resolved by the rules of :data:`SPEAKER_RULES`, in order; the first that
   answers wins (``attribution`` says which kind of rule it was):

   - ``coordination``: "X and Y said", "X and his counterparts, Y and Z", "fifty officials,
     including X, Y and Z,": one speaker, the others in ``co_speakers``;
   - ``place group``: people qualified by a place are that place's group ("police in Eastport,
     Maine" -> "Eastport police"; "Springfield and Shelbyville officials" -> one group of each, a
     joint statement); a bare "officials" stays unnamed;
   - ``personal pronoun``: "he"/"she" to the person the text is talking about (:class:`Salience`);
   - ``relative``: "who" or "which" to the phrase it relates to;
   - ``excluded`` and ``generic``: words inside a quotation, "I"/"we", "someone", "many": nobody
     (unless a name stands in apposition: "someone, seemingly Ana Ruiz,");
   - ``plural pronoun``: "they" to the nearest plural or organisation subject before it (a
     coordination of names gives a joint statement), else the organisation that spoke last; "it"
     to the nearest organisation;
   - ``misread document``: "according to the official WHO report" misparsed with "official" as
     the head: the body named in front of the document noun speaks;
   - ``name``: a named entity; a person in apposition wins over the head ("a Republican, Ana
     Ruiz,"; "the mayor, Ana Ruiz," even when the parser missed the apposition); a body named
     after a person ("the Ruiz campaign") is the body;
   - ``family``: "the family", "his family": "<Surname> family" when the article labels the family so;
   - ``spokesperson``: "a spokesperson for X", "an X spokesman", "its sources": the body speaks;
   - ``last speaker's epithet``: '"...," said Ana Ruiz. The Wooster professor added': a definite
     noun for a person, a role nobody was given, right after a named person's statement is that person;
   - ``official voice``: people named after a body ("X doctors", "X officials"; not a place's, not
     outsiders such as "X customers"): the body speaks;
   - ``look through``: a document or medium ("X's statement", "a report from X", "the website X",
     "a statement which X released", "X said in a filing ... according to the filing") speaks for
     whoever issued or used it, or for the owner of what it is about ("the event description" after
     "X posted an event"), else for the one who issued the same kind of document just before, or
     any document ("X published an article ... The report claimed"), else for nobody named; "his
     office" is his word; "according to X's schedule" (a thing of X's, not a person) is X's;
   - ``group noun``: "the ministers", "the two companies": the members named just before; "the
     researchers" with nobody named before: the study's authors the article names ("co-author X");
   - ``organisation``: "the foundation" after "the Lakeside Animal Foundation", "the police" after
     "the Harbour Police Dive Unit", "Lakeside's animal foundation": the organisation's fullest name;
   - ``named body``: "the company", "the club" in none of the names: the fitting body (no person, place
     or public body) named just before as the doer of something ("Velto reported ... The company said");
   - ``role``: "the president", "the Turkish mayor": the one person the article gave that role
     (among several, the most salient: marked uncertain); never merely whoever was mentioned last;
   - ``label``: a people noun ("officials", "an eyewitness") or an organisation noun ("police")
     that names nobody in particular: an unnamed speaker, labelled.

   - ``law``: a text that lays down rules ("the state's constitution", "the Ruritanian
     constitution stipulates") speaks as itself, unless a named body in its phrase owns it.

   A noun that is none of these (an inanimate "attack", "ceremony") names no speaker; as a cue's own
   subject inside someone's report ("X told the paper the frequency ... suggested: "..."") the
   reporter speaks. "The city" is the place introduced as "the city of X"; whoever "confirmed with X
   that ..." reports X's word.
3. :class:`Salience` resolves "he"/"she". It walks the sentences in order and keeps a score per
   person: a mention adds a weight for its grammatical role (a subject, or the agent of a passive,
   counts most; a possessive or a deep prepositional object least; a name more than a pronoun; the
   speaker of a cue more), scores halve with every sentence and drop again at a paragraph break. A
   pronoun goes to the top person of its gender; it is then itself a mention, so a chain of "he ...
   he ..." keeps its referent salient. An unnamed person as a subject ("a police officer", "One
   of the victims") is a candidate too: a pronoun that refers to one is an unnamed speaker,
   labelled with that phrase. The subject of a clause a person reports is that person ("X wrote he
   had ordered checks"), when the gender allows. A person's
   gender comes from the text only: a title ("Ms.",
   "King"), a gendered role ("spokeswoman", "widow"), or a clear earlier pronoun link. A pronoun
   whose referent was last named far back, or that had a close second candidate, is ``uncertain``.
"""

from __future__ import annotations

__all__ = [
    "NO_SPEAKER", "SPEAKER_KINDS", "SPEAKER_RULES", "Attributor", "Salience", "Speaker", "cue_speaker_token",
    "is_speech_cue", "speaker_from_name", "is_bare_body_noun",
]

from collections.abc import Callable
from dataclasses import dataclass, replace

from helpers.extract.cues import (
    BODY_ANAPHORS, BODY_VOICE_NOUNS, COLLECTIVE_PEOPLE_NOUNS, PUBLIC_BODY_WORDS, CLAUSE_ONLY_LEMMAS, DOCUMENT_NOUNS, FEMALE_NOUNS, FIRST_PERSON, FRAGMENT_LEMMAS, GENERIC_SPEAKERS, MALE_NOUNS, MEDIA_NAME_WORDS,
    INSTITUTION_NOUNS, KIN_GROUPS, LAW_NOUNS, NAME_SUFFIXES, PERSONAL_BODY_NOUNS, GOVERNMENT_ROLES, MEDIA_NOUNS, ORG_NOUNS, OUTSIDER_NOUNS, PEOPLE_NOUNS, PERSON_PRONOUNS, PLACE_NOUNS, QUOTE_ONLY_LEMMAS,
    RESEARCH_NOUNS, RESEARCHER_NOUNS, RESEARCHER_ROLES, SCIENTIST_ENDINGS, SPEECH_LEMMAS, SPOKESPERSON_NOUNS, TEAM_NOUNS, TITLE_WORDS, VOICE_CARRIERS,
)
from helpers.extract.entities import Entity, Resolution, fold_name, is_people_noun
from helpers.ingest.tokens import TokenTable

# -- tuning constants -------------------------------------------------------------------------
#: A mention's weight halves with every sentence back: recent mentions win over frequent old ones.
SALIENCE_DECAY = 0.5
#: A paragraph break costs more than a sentence: a new paragraph often turns to someone else.
PARAGRAPH_DECAY = 0.6
#: Sentences a pronoun looks back for its referent; further back, nobody is salient enough.
PRONOUN_LOOKBACK = 6
#: Below this score nobody is salient: the pronoun stays unresolved rather than guessed.
MIN_SALIENCE = 0.05
#: The top person is a clear referent when it scores this many times the second (else uncertain).
CLEAR_MARGIN = 2.0
#: A pronoun whose referent was last named more sentences back than this is a distant (uncertain) one.
NEAR_SENTENCES = 2
#: Sentences "they", "it", "the ministers" or "the statement" look back for what they refer to.
ANTECEDENT_LOOKBACK = 4

_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_INHERIT_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CUE_LEMMAS = SPEECH_LEMMAS | FRAGMENT_LEMMAS | CLAUSE_ONLY_LEMMAS | QUOTE_ONLY_LEMMAS
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
#: How far after an inverted cue its speaker's head may stand ("said the former regional director Ana Ruiz").
_INVERTED_REACH = 8
_ISSUE_VERBS = frozenset("release issue publish post send write file make put sign circulate deliver read".split())
#: Verbs of an act that makes a document ("signed an order", "issued a decree"); not "make" or "put".
_MAKER_VERBS = frozenset("release issue publish post write file sign".split())
_OWNER_PREPS = frozenset({"from", "by", "of"})
#: "X said in a statement", "X wrote in the letter": the medium a speaker used.
_MEDIUM_PREPS = frozenset({"in", "through", "via"})
_BODY_PREPS = frozenset({"for", "of", "from", "at", "with", "in", "close"})
_GROUP_DETERMINERS = frozenset({"the", "both", "these", "those", "all"})
_INDEFINITE = frozenset({"a", "an", "any", "another", "each", "every", "some", "no"})
#: Words that qualify a role: "the governor" is not the "deputy governor".
_ROLE_QUALIFIERS = frozenset("deputy vice assistant acting interim former associate junior".split())
#: Words that tell one role from another ("foreign", "finance"): a role named with one of them and a
#: different title word still points to the person ("the foreign minister", "Foreign Secretary X").
_DISTINCT_ROLE_WORDS = frozenset(
    "foreign defence defense interior finance health justice education energy trade economy home environment "
    "agriculture transport labour labor culture treasury".split())
#: Quantifiers that stand for people as a subject ("several said", "most agreed"): unnamed speakers.
_QUANTIFIERS = frozenset("several few both most each all".split())
_SITE_WORDS = frozenset({"website", "site", "webpage", "portal"})
#: Media someone keeps, that speak for the one they are for ("the account for X").
_ACCOUNT_NOUNS = _SITE_WORDS | frozenset({"account", "feed", "page", "channel", "handle", "blog"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: Nouns for the people who speak for one person: "his office said" is his word.
_OWNERS_VOICES = frozenset({"office"})
_CONJUNCTION_WORDS = frozenset({"and", "or", "nor", "&", "plus"})
#: Conjunctions that contrast clauses and never join two speakers into one subject.
_CONTRAST_WORDS = frozenset({"but", "yet", "whereas", "while"})
#: The role of a study's authors ("study co-author X", "lead author X"): an unnamed team speaks through them.
#: A part of a document speaks as the document does ("Part of the statement reads").
_PARTITIVE_NOUNS = frozenset("part portion section excerpt passage extract rest".split())

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
        return "person" if s.entity is not None else "unnamed"
    if s.speaker_type in {"ORG", "GPE"}:
        return "unnamed" if s.entity is None and is_bare_body_noun(s.name) else "organisation"
    return "unnamed"


def is_bare_body_noun(name: str) -> bool:
    """True for a speaker label that is a common noun for a body and names none ("officials",
    "Police", "the ministry", "local authorities"): an unnamed speaker, as the gold counts it, not an
    organisation. Only the first word may be capitalised, and only in a one-word label (a sentence
    start: "Authorities said"); "Baytown police", "Japanese officials" or "Trump campaign" name one."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    head = words[-1].lower()
    if head not in ORG_NOUNS and head not in INSTITUTION_NOUNS and head not in SPOKESPERSON_NOUNS:
        return False
    if len(words) > 1 and (words[0].lower() in _COUNT_WORDS or words[0].isdigit()):
        words = words[1:]  # "Two officials said", "Several officials": a count at the sentence start names no body
    first_ok = words[0] == words[0].lower() or (len(words) == 1 and words[0] == words[0].capitalize())
    return first_ok and all(w == w.lower() for w in words[1:])


NO_SPEAKER = Speaker(None, None, None, "UNKNOWN", "none")
#: Words that count people without naming them ("Two officials", "Several officials").
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten several some many few both dozens".split())


# -- the cue and the head of its speaker's noun phrase -------------------------------------------


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
    if p.tag[i] == "VBN" and not any(p.dep[c] in {"aux", "agent", "nsubj"} for c in kids) and p.dep[i] != "conj":
        return False  # "Asked whether ..., X said": a bare passive participle reports someone else (a
        # "participle" with a subject of its own is the past tense misread: 'The opinion read, "..."')
    for c in kids:
        if p.dep[c] == "neg":
            return False
        if p.dep[c] == "aux" and p.tag[c] == "TO" and not _carried_infinitive(p, i):
            return False  # "to say": hypothetical, or the cue of someone else
        if p.dep[c] == "auxpass" and not any(p.dep[a] == "agent" for a in kids):
            return False  # "he was told", "it was said"
    return True


def _carried_infinitive(p: TokenTable, i: int) -> bool:
    """'X went on to say ...', 'she continued to insist ...': an infinitive under a verb of going on
    (``_XCOMP_CARRIERS``; "go" only with "on") reports what was said."""
    h = p.head[i]
    if h == i or p.dep[i] not in {"xcomp", "advcl"} or p.lemma[h] not in _XCOMP_CARRIERS:
        return False
    if any(p.dep[c] == "neg" for c in p.children[h]):
        return False
    return p.lemma[h] != "go" or any(p.dep[c] == "prt" and p.lower[c] == "on" for c in p.children[h])


def cue_speaker_token(p: TokenTable, cue: int, quoted: frozenset[int] = frozenset()) -> int | None:
    """Index of the head token of the speaker of the cue verb (or "according") ``cue``, or None.
    A subject among ``quoted`` (token indexes inside quotations) is the parser's misreading of an
    inverted cue ('"The only answer is ...," tweeted X'): the speaker is found after the verb."""
    return _speaker_search(p, cue, quoted)[0]


def _speaker_search(p: TokenTable, cue: int, quoted: frozenset[int] = frozenset()) -> tuple[int | None, int]:
    """``(speaker head token or None, the verb it was found on)``: the cue itself, or the verb
    whose subject the cue inherits (see :func:`cue_speaker_token`)."""
    dep, children, pos, lower, head = p.dep, p.children, p.pos, p.lower, p.head
    if lower[cue] == "according":
        for to in children[cue]:
            if lower[to] == "to":
                return next((c for c in children[to] if dep[c] == "pobj"), None), cue
        return None, cue
    if dep[cue] == "amod" and p.tag[cue] == "VBD" and head[cue] > cue and pos[head[cue]] in {"NOUN", "PROPN"}:
        return head[cue], cue  # "..., reported officials, ...": an inverted cue the parser read as an adjective
    if p.tag[cue] == "VBG" and not any(dep[c] in _SUBJECTS for c in children[cue]):
        j = cue - 1
        while j >= 0 and pos[j] == "ADV":
            j -= 1
        if j >= 0 and dep[j] == "pobj" and pos[j] in {"NOUN", "PROPN"} and j not in quoted:
            return j, cue  # "an example of the media describing him as ...": the noun before the -ing speaks
    seen = set()
    verb = cue
    while verb not in seen:
        seen.add(verb)
        kids = children[verb]
        agent = next((c for c in kids if dep[c] == "agent"), None)
        if agent is not None:
            return next((c for c in children[agent] if dep[c] == "pobj"), None), verb
        subj = next((c for c in kids if dep[c] in _SUBJECTS and c not in quoted), None)
        if subj is None and verb != cue:
            # "The annotator got annoyed and said": the passive subject of the first verb speaks.
            subj = next((c for c in kids if dep[c] == "nsubjpass"), None)
        if subj is not None:
            if lower[subj] in _RELATIVE and dep[verb] == "relcl":
                return _relative_antecedent(p, head[verb]), verb
            if dep[subj] == "csubj":
                # "People annotating articles said": a clausal subject names its own subject.
                return next((c for c in children[subj] if dep[c] == "nsubj"), None), verb
            return subj, verb
        if any(dep[c] == "nsubjpass" for c in kids):
            return None, verb  # "he was told": the subject is the hearer
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
                return obj, verb
        h = head[verb]
        relay = _relay_verb(p, h) if dep[verb] == "pcomp" and lower[h] == "as" else None
        if relay is not None:
            # "Interfax quoted X as saying ...", "the BBC cited X as saying": X speaks; in the
            # passive ("X was quoted by Interfax as saying") the subject does, not the agent
            relayed = next((c for c in children[relay] if dep[c] in {"dobj", "nsubjpass"} and c not in quoted), None)
            if relayed is not None:
                return relayed, relay
        if dep[verb] == "pcomp" and dep[h] == "prep" and pos[head[h]] in {"VERB", "AUX"}:
            host = head[h]
            if dep[host] in {"ccomp", "xcomp"} and p.lemma[head[host]] in _CAUSATIVES:
                # "the parents tried to have him freed by saying ...": the one who had him freed
                # speaks, not "him"
                top = head[host]
                while dep[top] == "xcomp" and pos[head[top]] in {"VERB", "AUX"} and head[top] != top and not any(
                        dep[c] in _SUBJECTS for c in children[top]):
                    top = head[top]
                subj = next((c for c in children[top] if dep[c] in _SUBJECTS and c not in quoted), None)
                if subj is not None:
                    return subj, top
            verb = host  # "X is quoted as saying ...", "X began by saying ..."
            continue
        if dep[verb] == "conj" and h != verb and pos[h] not in {"VERB", "AUX"} and any(
                dep[c] in _SUBJECTS for c in children[h]):
            verb = h  # "Assad sneered and said": the parser took "sneered" for a noun
            continue
        if dep[verb] in _INHERIT_SUBJECT and pos[h] in {"VERB", "AUX"} and h != verb:
            if dep[verb] == "xcomp" and p.lemma[h] not in _XCOMP_CARRIERS:
                return None, verb
            if dep[verb] in {"conj", "advcl"} and verb == cue and dep[h] == "ccomp" and is_speech_cue(p, head[h]):
                # "He said the council had X and insisted that ...": the parser hangs the second
                # speech verb inside the first one's clause; it shares the first one's speaker.
                h = head[h]
            verb = h
            continue
        if dep[verb] == "relcl":
            where = next((c for c in kids if c < verb and dep[c] == "prep" and any(
                lower[g] in _RELATIVE for g in children[c])), None)
            if where is not None:
                # "a recording in which someone says ...": the noun is where it was said, not who
                return _first_noun_between(p, where + 1, verb, quoted), verb
            return h, verb
        return None, verb
    return None, verb


def _relay_verb(p: TokenTable, as_: int) -> int | None:
    """The verb of relaying ("quoted", "cited": :data:`_RELAY_VERBS`) whose "as saying" starts at the
    token ``as_``: its head, or, when the parser hung "as" on a later verb ("cited X, chief of Y, as
    saying the suspects were linked to a network, which was related to Z"), the relaying verb of
    the same sentence whose phrase ends right before it. None when there is none."""
    h = p.head[as_]
    if p.lemma[h] in _RELAY_VERBS and p.pos[h] == "VERB":
        return h
    if h < as_:
        return None
    start = p.sents[p.sentence_of(as_)][0]
    for k in range(as_ - 1, start - 1, -1):
        if p.lemma[k] in _RELAY_VERBS and p.pos[k] == "VERB":
            before = [p.right_edge(c) for c in p.children[k] if k < c < as_]
            end = max(before, default=k)
            while end + 1 < as_ and p.is_punct[end + 1]:
                end += 1
            return k if end == as_ - 1 else None
    return None


def _relative_antecedent(p: TokenTable, h: int) -> int:
    """What "who" stands for when the parser hung its clause on ``h``: "a niece of Ana Ruiz, who
    claimed ..." (also "a niece of his opponent Ana Ruiz, who ...") is the niece: a named person that
    is the object of "of" after a people noun describes the one who speaks. Else ``h``."""
    named = p.pos[h] == "PROPN" or any(p.dep[c] == "appos" and p.pos[c] == "PROPN" for c in p.children[h])
    if not named or p.dep[h] != "pobj":
        return h  # "the daughter of the mayor, who ...": either may be meant; the parse stands
    of = p.head[h]
    n = p.head[of]
    if p.lower[of] == "of" and p.pos[n] == "NOUN" and is_people_noun(p.lemma[n]) and n < h:
        return n
    return h


def _first_noun_between(p: TokenTable, start: int, end: int, quoted: frozenset[int]) -> int | None:
    """The head of the first noun phrase in tokens ``[start, end)`` (a subject the parser lost:
    "in which someone, seemingly X, says"), or None."""
    for j in range(start, end):
        if j in quoted or p.pos[j] not in {"NOUN", "PROPN", "PRON"} or p.lower[j] in _RELATIVE:
            continue
        while p.dep[j] in {"compound", "flat", "amod", "poss", "nmod"} and start <= p.head[j] < end and p.head[j] > j:
            j = p.head[j]
        return j
    return None


def _after_quotation(p: TokenTable, verb: int) -> bool:
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
#: Verbs of relaying another's words: "quoted X as saying", "cited X as saying" (X speaks).
_RELAY_VERBS = frozenset({"quote", "cite"})
#: Research that has authors, whoever released it: "according to the study" is its named authors,
#: not the museum's that hosted the release (a "report" or a "survey" is its issuer's).
_AUTHORED_NOUNS = frozenset("study research paper findings finding experiment".split())
#: What singles out "people" as a source: a phrase after it ("familiar with the matter", "close to the
#: minister", "with knowledge of the talks", "who attended the meeting").
_SOURCE_MODIFIERS = frozenset({"amod", "prep", "relcl", "acl"})
#: Verbs by which an outlet checks a fact with a source ("confirmed with X that ..."): X speaks.
_CONFIRMING_VERBS = frozenset({"confirm", "verify"})
#: Verbs that make someone else do or undergo the act of their clause ("had him freed").
_CAUSATIVES = frozenset("have get make let".split())


def _inverted_subject(p: TokenTable, cue: int, quoted: frozenset[int]) -> int | None:
    """The noun phrase right after a cue that follows its quotation ('"...," said the former mayor
    Ana Ruiz'): the head of the first noun phrase after it, before any punctuation."""
    for j in range(cue + 1, min(len(p), cue + _INVERTED_REACH)):
        if p.is_punct[j] or j in quoted:
            return None
        if p.pos[j] in {"NOUN", "PROPN", "PRON"} and p.dep[j] not in {"compound", "amod", "flat", "poss", "nmod"}:
            return j
    return None


def _fronted_according_to(p: TokenTable, cue: int, subject: int) -> int | None:
    """The source of "According to X, Y said ...": X, when "according to" opens the cue's clause
    before its subject (a trailing "..., according to X" is left alone), else None."""
    if p.lower[cue] == "according":
        return None
    for c in p.children[cue]:
        if p.lower[c] == "according" and c < subject:
            to = next((t for t in p.children[c] if p.lower[t] == "to"), None)
            if to is not None:
                return next((g for g in p.children[to] if p.dep[g] == "pobj"), None)
    return None


def _subject_of(p: TokenTable, verb: int) -> int | None:
    """The subject (or passive agent) of a verb, or None."""
    for c in p.children[verb]:
        if p.dep[c] == "agent":
            return next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
    return next((c for c in p.children[verb] if p.dep[c] in {"nsubj", "csubj"}), None)


# -- who the noun phrase names ------------------------------------------------------------------


class Attributor:
    """Who said it, for one Doc: the speaker of every speech cue, computed once per cue.

    Built by the quote engine after it has paired the quotation marks: ``quoted`` are the token
    indexes inside quotations (a name there is the speaker's topic, never the narrator's mention),
    ``cues`` the speech cues outside quotations in text order (for "it"/"they", the organisation or
    group that spoke last). ``salience`` resolves "he"/"she" (:class:`Salience`).
    """

    def __init__(self, table: TokenTable, res: Resolution, quoted: frozenset[int], cues: list[int]) -> None:
        self.table = table
        self.res = res
        self.quoted = quoted
        self.cues = cues
        self.salience = Salience(table, res, quoted)
        self._speakers: dict[int, Speaker] = {}
        self._resolved: dict[tuple[int, bool], Speaker | None] = {}
        self._active: set[tuple[int, bool]] = set()
        self._spoke: list[tuple[int, int, Speaker, bool]] | None = None
        self._groups: list[tuple[int, list[Entity], set[str]]] | None = None
        self._authors: list[Entity] | None = None

    # -- public ----------------------------------------------------------------------------------
    def speaker_of_cue(self, cue: int) -> Speaker:
        """The speaker of the cue token ``cue``: :data:`NO_SPEAKER` when the cue has none (no
        subject, a first-person or generic one, words inside a quotation), an unnamed speaker when
        its subject names nobody (``name`` None), else the resolved speaker."""
        spk = self._speakers.get(cue)
        if spk is None:
            spk = self._speakers[cue] = self._find_speaker_of_cue(cue)
        return spk

    def speaker_of_name(self, text: str, tokens: range) -> Speaker:
        """The speaker a bare name names (a dash or colon attribution): ``text`` over ``tokens``."""
        return speaker_from_name(text, tokens, self.res)

    def describe(self, i: int) -> Speaker:
        """The speaker the noun phrase headed by token ``i`` names (see :data:`SPEAKER_RULES`):
        a named or unnamed :class:`Speaker`, or :data:`NO_SPEAKER`."""
        spk = self._resolve(i)
        return spk if spk is not None else self._unnamed(i)

    # -- the cue's speaker -----------------------------------------------------------------------
    def _find_speaker_of_cue(self, cue: int) -> Speaker:
        p = self.table
        tok, verb = _speaker_search(p, cue, self.quoted)
        if tok is not None and tok in self.quoted and verb == cue:
            # '"...," tweeted the former director Ana Ruiz.' parsed with the quotation as the subject
            tok = _inverted_subject(p, cue, self.quoted)
        outlet = self._reporting_outlet(cue, tok if tok is None or tok not in self.quoted else None)
        if outlet is not None:
            return outlet
        if tok is None or tok in self.quoted:
            return NO_SPEAKER
        maker = self._document_maker(cue, verb) if verb != cue else None
        if maker is not None:
            return maker
        last_named = self._person_ending_phrase(tok, verb)
        if last_named is not None:
            tok = last_named
        owner = self._place_after_a_body(tok)
        if owner is not None:
            tok = owner
        titled = self._person_after_body_title(tok, verb)
        if titled is not None:
            tok = titled
        subjects = [c for c in p.children[verb] if p.dep[c] == p.dep[tok] and c not in self.quoted]
        if len(subjects) > 1 and self.res.token_entity[tok] is None:
            # "said study co-author Ana Ruiz" parsed with three subjects: the named one speaks
            tok = next((c for c in subjects if self.res.token_entity[c] is not None), tok)
        while tok + 2 in subjects and p.text[tok + 1] in _HYPHENS and not p.spaced[tok] and not p.spaced[tok + 1]:
            tok += 2  # "Another co-author, X, said" split into three subjects: the word ends in its last piece
        outer = _fronted_according_to(p, cue, tok)
        if outer is not None and outer not in self.quoted:
            # "According to the Gazette, officials warned that ...", "According to investigators, Ana
            # Ruiz said ...": a nested report is the outer source's, when that source is someone who
            # reports (a named person or body, or unnamed people or a body: "investigators"); a
            # document nobody is named as issuing ("According to the filing, X said") leaves a named
            # inner speaker the statement
            spk = self._resolve(outer)
            if spk is not None and spk.name is not None:
                inner = self._resolve(tok)
                if (spk.entity is not None or spk.co_speakers or inner is None
                        or (inner.entity is None and not inner.co_speakers)):
                    return replace(spk, attribution="according-to")
                if is_people_noun(p.lemma[outer]) or _is_org_noun(p, outer):
                    return replace(self._unnamed(outer, labelled=True), attribution="according-to")
        source = self._confirmed_with(cue) if verb == cue else None
        if source is not None:
            return source
        first, first_verb = tok, verb
        spk = self._resolve(tok)
        seen = {verb}
        while spk is None and verb != cue:
            # An inherited subject that names no speaker ("a witness described how the attack
            # unfolded, stating ..."): the subject of the clause above speaks.
            h = p.head[verb]
            if h in seen or p.dep[verb] not in {"ccomp", "advcl", "conj", "xcomp"} or p.pos[h] not in {"VERB", "AUX"}:
                break
            seen.add(h)
            verb = h
            tok = _subject_of(p, h)
            if tok is not None and tok not in self.quoted:
                spk = self._resolve(tok)
        if spk is None and first_verb == cue:
            spk = self._through_a_thing(first, cue)
        if spk is None:
            # The cue's own subject is a speaker whatever the noun ("his roommates said", "Airfleets
            # states"), unless it is a place or a thing: unnamed, labelled. An inherited subject
            # that names no one is no speaker.
            spk = self._unnamed(first, labelled=first_verb == cue and p.lemma[first] not in PLACE_NOUNS)
        if p.lower[cue] == "according" and spk.attribution == "syntax":
            spk = replace(spk, attribution="according-to")
        return spk

    def _confirmed_with(self, cue: int) -> Speaker | None:
        """'The Gazette confirmed with Velto Shipping that ...': whoever checked a fact with a source (a
        verb of :data:`_CONFIRMING_VERBS` with a "with" object) reports the source's word, not their
        own; a source nobody named ("confirmed with reporters", "with a smile") leaves the subject the
        speaker. The named source, or None."""
        p = self.table
        if p.lemma[cue] not in _CONFIRMING_VERBS:
            return None
        with_ = next((c for c in p.children[cue] if p.dep[c] == "prep" and p.lower[c] == "with"), None)
        obj = next((g for g in p.children[with_] if p.dep[g] == "pobj"), None) if with_ is not None else None
        if obj is None or obj in self.quoted:
            return None
        src = self._resolve(obj)
        if src is None or src.name is None or (src.entity is None and not src.co_speakers):
            return None
        return replace(src, attribution="according-to")

    def _through_a_thing(self, tok: int, cue: int) -> Speaker | None:
        """A thing is never a speaker: when the cue's own subject at ``tok`` is a singular common noun
        that names no one (no person, body, group or document: the rules found nothing), the words are
        those of whoever reports the clause it stands in ("X told the paper the frequency of the spikes
        suggested a pattern: "..."" is X's; "The governor tweeted her reasoning saying, ..." the
        governor's), else, for a participle, its possessor's ("posted her thinking saying"). A plural
        ("his roommates said") and a possessed noun before a finite cue ("his associate said") may be
        people no word list knows: they stay their own voice. None when nothing names a speaker (the
        thing is then an unnamed label, as before)."""
        p = self.table
        if p.tag[tok] != "NN" or is_people_noun(p.lemma[tok]) or self.res.token_entity[tok] is not None:
            return None  # a plural may be people the word lists miss ("his roommates said")
        has_poss = any(p.dep[c] == "poss" for c in p.children[tok])
        verb, seen = cue, {cue}
        while (p.tag[cue] == "VBG" or not has_poss) and p.dep[verb] in {"ccomp", "advcl", "conj"} and p.head[verb] not in seen:
            verb = p.head[verb]
            seen.add(verb)
            if p.pos[verb] not in {"VERB", "AUX"} or verb in self.quoted:
                break
            if is_speech_cue(p, verb):
                spk = self.speaker_of_cue(verb)
                if spk.name is not None and (spk.entity is not None or spk.co_speakers):
                    return spk
                break
        if p.tag[cue] != "VBG" or p.tag[tok] != "NN":
            return None  # the possessor only in "her reasoning saying": "his associates alleged" are people
        poss = next((c for c in p.children[tok] if p.dep[c] == "poss" and c not in self.quoted), None)
        if poss is not None:
            spk = _possessor(self, poss)
            if spk is not None and spk.name is not None and (spk.entity is not None or spk.co_speakers):
                return replace(spk, mention=_np_text(p, tok), attribution="syntax")
        return None

    def _document_maker(self, cue: int, verb: int) -> Speaker | None:
        """'The journal X published a report by a team from Y, saying ...': a participle that inherits
        the subject of a verb of publishing (:data:`_MAKER_VERBS`) whose object is a document made by
        someone else ("a report by ...", "a letter written by ...") speaks for the document's maker,
        not the publisher: a named maker, a study's team through the authors the article names, else
        the maker unnamed. None when the document has no maker of its own."""
        p = self.table
        if p.lemma[verb] not in _MAKER_VERBS or p.tag[cue] != "VBG":
            return None
        doc = next((c for c in p.children[verb] if p.dep[c] == "dobj" and (
            p.lemma[c] in DOCUMENT_NOUNS or p.lemma[c] in RESEARCH_NOUNS)), None)
        if doc is None:
            return None
        by = [c for c in p.children[doc] if p.dep[c] == "prep" and p.lower[c] == "by"]
        by += [g for c in p.children[doc] if p.dep[c] == "acl" for g in p.children[c] if p.dep[g] == "agent"]
        by += [c for c in p.children[verb] if c > doc and p.dep[c] == "prep" and p.lower[c] == "by"]  # hung on the verb
        maker = next((g for c in by for g in p.children[c] if p.dep[g] == "pobj" and g not in self.quoted), None)
        if maker is None:
            return None
        if p.lemma[maker] in TEAM_NOUNS or (p.tag[maker] == "NNS" and p.lemma[maker] in RESEARCHER_NOUNS):
            spk = self._study_speaker(maker)
            if spk is not None:
                return spk
            return self._unnamed(maker, labelled=True)
        spk = self._resolve(maker)
        if spk is None or spk is NO_SPEAKER:
            return None
        return spk if spk.name is not None else self._unnamed(maker, labelled=True)

    def _reporting_outlet(self, cue: int, inner: int | None) -> Speaker | None:
        """'The Gazette reported Ana Ruiz recommended ...': a cue whose clause is what an outlet
        reports (the complement of the outlet's speech verb) is the outlet's report, whoever is named
        inside it (``inner``, the cue's own subject; None: no answer); a person or a body that reports
        another's words leaves them to that speaker, and an unnamed voice inside ("the Gazette
        reported a source said ...") is left to the quote engine, which keeps the outlet's report
        whole. The outlet, or None."""
        p = self.table
        if inner is None or p.dep[cue] != "ccomp" or p.pos[cue] not in {"VERB", "AUX"}:
            return None
        h = p.head[cue]
        if h in self.quoted or p.pos[h] != "VERB" or p.lemma[h] not in SPEECH_LEMMAS:
            return None
        subj = next((c for c in p.children[h] if p.dep[c] == "nsubj"), None)
        if subj is None or subj in self.quoted:
            return None
        spk = self._resolve(subj)
        if spk is None or spk.name is None or spk.kind != "publication":
            return None
        own = self._resolve(inner)
        if own is None or own.entity is None and not own.co_speakers:
            return None
        if own.entity is spk.entity:
            return None  # "X reported its source said ...": the inner voice is X's already
        return replace(spk, attribution="according-to")

    def _person_ending_phrase(self, tok: int, verb: int) -> int | None:
        """'Longtime Harbour at Dawn writer and performer Ana Ruiz tweeted': the person named last in
        the subject phrase, right after a role noun, heads it (an English noun phrase ends in its
        head; the parser took a word glued to the title by the NER for it): the last token of that
        name, or None when the phrase ends otherwise or its head is that person already."""
        p, res = self.table, self.res
        end = p.right_edge(tok)
        if not tok < end < verb:
            return None
        ent = res.token_entity[end]
        if ent is None or not ent.is_person or ent is res.token_entity[tok]:
            return None
        start = self._run_start(end, tok)
        before = start - 1
        if before <= tok or not (p.text[before].islower() and is_people_noun(p.lemma[before])):
            return None
        root = p.span_root(start, end + 1)
        if p.dep[root] == "conj" and p.head[root] == tok:
            return None  # "The mayor and deputy Ana Ruiz said": a joint statement, not a title
        return end

    def _person_after_body_title(self, tok: int, verb: int) -> int | None:
        """'WHO director-general Ana Ruiz said' parsed with the body ("WHO") as the subject: a
        body's name, then only title words, then a person's name right before the cue: the person
        speaks. The person's last token, or None."""
        p, res = self.table, self.res
        body = res.token_entity[tok]
        if body is None or body.is_person or not tok < verb:
            return None
        k = tok
        while k < verb and res.token_entity[k] is body:
            k += 1
        titles = 0
        while k < verb and res.token_entity[k] is None and (
                p.text[k] in _HYPHENS or p.lower[k] in TITLE_WORDS or (p.text[k].islower() and is_people_noun(p.lemma[k]))):
            titles += p.text[k] not in _HYPHENS
            k += 1
        person = res.token_entity[k] if k < verb else None
        if not titles or person is None or not person.is_person:
            return None
        while k + 1 < verb and res.token_entity[k + 1] is person:
            k += 1
        return k if k + 1 == verb and k not in self.quoted else None

    def _place_after_a_body(self, tok: int) -> int | None:
        """'Ana Ruiz of the University of Ruritania, Eastport disagreed' parsed with the campus
        ("Eastport") as the subject: a place right after a comma that ends a body's name, the body in
        the "of"/"at"/"from" phrase of a person, is part of that phrase; the person is the subject.
        The person's token, or None."""
        p, res = self.table, self.res
        place = res.token_entity[tok]
        if place is None or place.is_person or place.label not in {"GPE", "LOC"}:
            return None
        start = tok
        while start - 1 >= 0 and res.token_entity[start - 1] is place:
            start -= 1
        if start < 2 or p.text[start - 1] != ",":
            return None
        body = res.token_entity[start - 2]
        if body is None or body.is_person or body.label in {"GPE", "LOC", "NORP"}:
            return None
        b = start - 2
        while b - 1 >= 0 and res.token_entity[b - 1] is body:
            b -= 1
        root = p.span_root(b, start - 1)
        if p.dep[root] != "pobj" or p.lower[p.head[root]] not in {"of", "at", "from"}:
            return None
        person = p.head[p.head[root]]
        ent = res.token_entity[person]
        return person if ent is not None and ent.is_person and person not in self.quoted else None

    def _unnamed(self, i: int, labelled: bool = False) -> Speaker:
        text = _np_text(self.table, i)
        return Speaker(text, _strip_det(text) if labelled else None, None, "UNKNOWN", "syntax", kind="unnamed")

    def _resolve(self, i: int, coordination: bool = True) -> Speaker | None:
        """The first answer of :data:`SPEAKER_RULES` for the phrase headed by ``i`` (None: the
        phrase names no speaker). Each phrase is resolved once; a cycle (a pronoun whose antecedent
        leads back to it) answers None."""
        key = (i, coordination)
        if key in self._resolved:
            return self._resolved[key]
        if key in self._active:
            return None
        self._active.add(key)
        spk = None
        for name, rule in SPEAKER_RULES:
            if name == "coordination" and not coordination:
                continue
            spk = rule(self, i)
            if spk is not None:
                break
        self._active.discard(key)
        self._resolved[key] = spk
        return spk

    # -- lookups the rules share -----------------------------------------------------------------
    def _entity_at(self, i: int) -> Entity | None:
        """The entity of token ``i``, or a person named in front of it ("Ana Ruiz's" no; "NATO
        chief Ana Ruiz" yes: a person's name in a compound counts, an organisation's does not; "the
        Ruiz campaign" is a body, not Ruiz)."""
        p, res = self.table, self.res
        ent = res.token_entity[i]
        if ent is not None:
            return ent
        if p.ent_type[i] in {"DATE", "TIME"}:
            # "with the latter yesterday confirming": a date the parse made the head of the mention before it
            return next((res.token_entity[c] for c in p.children[i] if c < i and p.dep[c] in {"amod", "compound"}
                         and res.token_entity[c] is not None), None)
        if (_is_org_noun(p, i) or p.lemma[i] in PERSONAL_BODY_NOUNS) and p.lemma[i] not in SPOKESPERSON_NOUNS \
                and p.lower[i] not in SPOKESPERSON_NOUNS:
            return None  # "the Ruiz campaign", "the Ruiz family", "the Ruiz administration": a body named after her
        for c in p.children[i]:
            if p.dep[c] in {"compound", "flat"} and c < i and res.token_entity[c] is not None:
                e = res.token_entity[c]
                if e.is_person:
                    return e
        return None

    def _entity_speaker(self, mention: str, ent: Entity, how: str, uncertain: bool = False) -> Speaker:
        if ent.is_person:
            stype, kind = "PERSON", "person"
        else:
            label = ent.label
            stype = label if label in {"ORG", "GPE"} else ("GPE" if label in {"LOC", "NORP"} else "ORG")
            kind = "publication" if _is_publication(ent) else "organisation"
        return Speaker(mention, ent.name, ent.entity_id, stype, how, ent, kind=kind, uncertain=uncertain)

    def _mention_text(self, i: int) -> str:
        ent = self.res.token_entity[i]
        for m in self.res.mentions:  # sorted by start
            if m.start > i:
                break
            if i < m.end and m.entity is ent:
                return self.table.span_text(m.start, m.end)
        return self.table.text[i]

    def _comma_apposition(self, i: int) -> Entity | None:
        """A person named right after the phrase of ``i`` between commas ("the mayor, Ana Ruiz,"),
        which the parser did not always attach as an apposition."""
        p, res = self.table, self.res
        r = p.right_edge(i)
        inner = self._closing_apposition(i, r)
        if inner is not None:
            return inner
        k = r + 2
        if k >= len(p) or p.text[r + 1] != ",":
            return None
        ent = res.token_entity[k]
        if ent is None or not ent.is_person:
            return None
        e = k
        while e < len(p) and res.token_entity[e] is ent:
            e += 1
        return ent if e >= len(p) or p.text[e] in {",", ".", ")", ";"} else None

    def _closing_apposition(self, i: int, r: int) -> Entity | None:
        """"The delegate to the House, Ana Ruiz, told": a person set off by commas at the very end of
        the phrase of ``i`` (ending at ``r``), which the parser hung on a noun inside the phrase."""
        p, res = self.table, self.res
        end = r - 1 if p.text[r] == "," else r
        if end + 1 >= len(p) or p.text[end + 1] != "," or end <= i:
            return None
        ent = res.token_entity[end]
        if ent is None or not ent.is_person or ent is res.token_entity[i]:
            return None
        s = self._run_start(end, i)
        return ent if s - 1 > i and p.text[s - 1] == "," else None

    def _run_start(self, end: int, floor: int) -> int:
        """The first token of the entity run that ends at ``end``, going back no further than just after
        ``floor``."""
        ent, start = self.res.token_entity[end], end
        while start - 1 > floor and self.res.token_entity[start - 1] is ent:
            start -= 1
        return start

    def _antecedent_subjects(self, i: int) -> list[int]:
        """Subjects before token ``i``, nearest first: in its sentence, then up to
        :data:`ANTECEDENT_LOOKBACK` sentences back in this or the previous paragraph."""
        p, res = self.table, self.res
        si = res.token_sentence[i]
        para = res.token_paragraph[i]
        out = []
        for sj in range(si, max(-1, si - ANTECEDENT_LOOKBACK - 1), -1):
            start, end, _, _ = p.sents[sj]
            if para - res.token_paragraph[start] > 1:
                break
            for t in range(min(end, i) - 1, start - 1, -1):
                if p.dep[t] in {"nsubj", "nsubjpass"} and t not in self.quoted and t != i:
                    out.append(t)
        return out

    def _spoken_before(self, i: int, plural: bool) -> Speaker | None:
        """The organisation or group that spoke last before token ``i``, in this or the previous
        paragraph ("The Port Authority said ... It added ..."); for "they" a plural or an
        organisation, for "it" a singular one."""
        p, res = self.table, self.res
        if self._spoke is None:
            self._spoke = []
            for t in self.cues:
                st = cue_speaker_token(p, t, self.quoted)
                if st is not None and p.pos[st] != "PRON" and st not in self.quoted:
                    spk = self._resolve(st)
                    if spk is not None and spk.name is not None and spk.speaker_type != "PERSON":
                        many = p.tag[st] in {"NNS", "NNPS"} or bool(spk.co_speakers)
                        self._spoke.append((t, res.token_paragraph[t], spk, many))
        para = res.token_paragraph[i]
        best = None
        for t, par, spk, many in self._spoke:
            if t >= i:
                break
            if para - par <= 1 and (many == plural or (plural and spk.speaker_type == "ORG")):
                best = spk
        return best

    def _members(self, i: int) -> list[int]:
        """The heads of a coordination ("X, Y and Z"), a plural noun with names in apposition
        ("his counterparts, Y and Z") replaced by those names, also when the parser hung the names
        on the first member ("X and his counterparts, Y and Z"); ``[i]`` when nothing is coordinated."""
        p = self.table
        out: list[int] = []

        def names_of(t: int) -> list[int]:
            """An apposition list: the appositive names of ``t`` with their conjuncts; also the
            names a plural is said to include ("Fifty officials, including X, Y and Z,")."""
            found: list[int] = []
            for c in p.children[t]:
                if p.dep[c] == "appos" and p.pos[c] in {"PROPN", "NOUN"}:
                    found.append(c)
                    found.extend(_conjuncts(p, c))
                elif p.dep[c] == "prep" and p.lower[c] == "including" and p.tag[t] == "NNS":
                    for g in p.children[c]:
                        if p.dep[g] == "pobj" and p.pos[g] == "PROPN":
                            found.append(g)
                            found.extend(_conjuncts(p, g))
            return found

        def walk(t: int) -> None:
            names = names_of(t)
            if p.pos[t] == "NOUN" and p.tag[t] == "NNS" and names:
                out.extend(names)
            else:
                out.append(t)
            for c in _conjuncts(p, t, deep=False):
                walk(c)

        walk(i)
        plural = [m for m in out if p.pos[m] == "NOUN" and p.tag[m] == "NNS"]
        if plural and len(out) > 1:
            for m in out:
                names = names_of(m) if p.pos[m] == "PROPN" else []
                if names:
                    k = out.index(plural[0])
                    out[k:k + 1] = [n for n in names if n not in out]
                    break
        return out

    def _recent_group(self, i: int, people: bool) -> list[Entity] | None:
        """The named members of a coordination before token ``i`` for a group noun at ``i``
        ("the stores", "the ministers"): one the text introduced with that noun ("store chains X and
        Y", "Ministers X and Y"), else the nearest (at most :data:`ANTECEDENT_LOOKBACK` sentences
        back); all its members people for a people noun, not all people otherwise."""
        p, res = self.table, self.res
        if self._groups is None:
            self._groups = []
            for t in range(len(p)):
                if t in self.quoted or p.dep[t] == "conj" or not any(p.dep[c] == "conj" for c in p.children[t]):
                    continue
                ents: list[Entity] = []
                for m in self._members(t):
                    e = self._entity_at(m)
                    if e is not None and e not in ents:
                        ents.append(e)
                if len(ents) >= 2:
                    self._groups.append((t, ents, _introduced_with(p, t)))
        lemma = p.lemma[i]
        fitting = [(t, ents, words) for t, ents, words in self._groups if t < i and (
            all(e.is_person for e in ents) if people else not all(e.is_person for e in ents))]
        named_so = [ents for t, ents, words in fitting if lemma in words]
        if named_so:
            return named_so[-1]
        si = res.token_sentence[i]
        for t, ents, _ in reversed(fitting):
            if si - res.token_sentence[t] <= ANTECEDENT_LOOKBACK:
                return ents
        if not people and len(fitting) == 1:
            return fitting[0][1]  # "the parties" paragraphs after the one pair of bodies the text named together
        return None

    def _introduced_so(self, i: int, ents: list[Entity]) -> bool:
        """Whether the text introduced the coordination of ``ents`` with the noun of token ``i``
        ("store chains X and Y" for "the stores")."""
        return any(e is ents and self.table.lemma[i] in words for _, e, words in self._groups or [])

    def study_authors(self) -> list[Entity]:
        """The people of the research the article reports, the one who led it first ("the study, led
        by X", "the research was led by X", "X led the team"), then those with a researcher's role
        ("co-author Y", "lead author Z": :data:`~helpers.extract.cues.RESEARCHER_ROLES`) in order of
        first mention. Empty when the article names none."""
        if self._authors is None:
            p, res = self.table, self.res
            leaders: list[Entity] = []
            for t in range(len(p)):
                if p.lemma[t] != "lead" or p.pos[t] != "VERB" or t in self.quoted:
                    continue
                led = [c for c in p.children[t] if p.dep[c] in {"nsubjpass", "dobj"}]
                if p.dep[t] == "acl":
                    led.append(p.head[t])  # "the study, led by X,"
                if not any(p.lemma[w] in RESEARCH_NOUNS | TEAM_NOUNS and p.pos[w] == "NOUN" for w in led):
                    continue
                agents = [g for c in p.children[t] if p.dep[c] == "agent" for g in p.children[c] if p.dep[g] == "pobj"]
                agents += [c for c in p.children[t] if p.dep[c] == "nsubj"]
                for g in agents:
                    ent = res.token_entity[g]
                    if ent is not None and ent.is_person and ent not in leaders:
                        leaders.append(ent)
            others = [e for e in res.entities if e.is_person and e.roles & RESEARCHER_ROLES and e not in leaders]
            self._authors = leaders + others
        return self._authors

    def _study_speaker(self, i: int) -> Speaker | None:
        """The study's people as one speaker for the phrase at ``i`` (the first, the others in
        ``co_speakers``), or None when the article names none."""
        authors = self.study_authors()
        if not authors:
            return None
        speakers = [self._entity_speaker(e.name, e, "description") for e in authors]
        return _group_speaker(_np_text(self.table, i), speakers, "description")


def _introduced_with(p: TokenTable, t: int) -> set[str]:
    """Lemmas of the common nouns a coordination is introduced with: in front of its first member
    ("store chains X and Y") or the noun it is in apposition to ("two companies, X and Y")."""
    words = set()
    for c in p.children[t]:
        if c < t and p.dep[c] in {"compound", "nmod", "amod"}:
            words.update(p.lemma[k] for k in range(p.left_edge(c), c + 1) if p.pos[k] == "NOUN")
    if p.dep[t] == "appos" and p.pos[p.head[t]] == "NOUN":
        words.add(p.lemma[p.head[t]])
    return words


def _conjuncts(p: TokenTable, t: int, deep: bool = True) -> list[int]:
    """The nouns coordinated with ``t`` ("X, Y and Z": Y and Z for X), following the chain when
    ``deep`` (the parser hangs each conjunct on the one before)."""
    out = [c for c in p.children[t] if p.dep[c] == "conj" and p.pos[c] in {"PROPN", "NOUN"}]
    if deep:
        for c in list(out):
            out.extend(x for x in _conjuncts(p, c) if x not in out)
    return out


def _is_publication(ent: Entity) -> bool:
    """An outlet: a media word in its name ("Daily", "News"), a web address, or a descriptor that
    calls it one ("the newspaper", "a news site"), or what the text does with it ("told X", "X
    reported that ...": :attr:`~helpers.extract.entities.Entity.is_outlet`)."""
    if ent.is_outlet:
        return True
    words = [w.strip(".,") for w in ent.key]
    if any(w in MEDIA_NAME_WORDS for w in words):
        return True
    if any("." in w and w.rsplit(".", 1)[-1].isalpha() and len(w.rsplit(".", 1)[-1]) >= 2 for w in ent.key):
        return True  # "example.com", "news.com.au"
    desc = (ent.descriptor or "").lower().split()
    # "a social media site" is a platform for others' posts, not an outlet
    return any(w in MEDIA_NOUNS and not (w == "media" and k and desc[k - 1] == "social") for k, w in enumerate(desc))


def _group_speaker(mention: str, speakers: list[Speaker], how: str) -> Speaker | None:
    """One speaker for a joint statement: the first named, the others' names in ``co_speakers``.
    Only resolved names count: "retired agent and terrorism expert Ana Ruiz" is Ana Ruiz alone."""
    named = [s for s in speakers if s is not None and s.name is not None and (s.entity is not None or s.co_speakers)]
    if not named:
        named = [s for s in speakers if s is not None and s.name is not None][:1]
    if not named:
        return None
    first = named[0]
    others: list[str] = []
    for s in named[1:]:
        for name in (s.name, *s.co_speakers):
            if name != first.name and name not in others:
                others.append(name)
    return Speaker(mention, first.name, first.entity_id, first.speaker_type, how, first.entity,
                   co_speakers=tuple(others), kind="group" if others else first.kind, uncertain=first.uncertain)


# -- the rules, in order (see the module docstring) ----------------------------------------------


def _rule_excluded(a: Attributor, i: int) -> Speaker | None:
    """Words inside a quotation and "I"/"we" name nobody."""
    if i in a.quoted or a.table.lower[i] in FIRST_PERSON:
        return NO_SPEAKER
    return None


def _rule_relative(a: Attributor, i: int) -> Speaker | None:
    """"who"/"which" ("according to police, who said ..."): the phrase it relates to."""
    p = a.table
    if p.lower[i] not in _RELATIVE or p.tag[i] not in {"WP", "WDT"}:
        return None
    v = p.head[i]
    if p.dep[v] == "relcl" and p.head[v] != v:
        return a._resolve(_relative_antecedent(p, p.head[v]))
    j = i - 1
    while j >= 0 and (p.text[j] == "," or p.is_space[j]):
        j -= 1
    if j >= 0 and p.pos[j] in {"NOUN", "PROPN"}:
        while p.dep[j] in {"compound", "flat"} and p.head[j] > j:
            j = p.head[j]
        return a._resolve(j)
    return None


def _rule_generic(a: Attributor, i: int) -> Speaker | None:
    """Generic subjects ("someone", "many", "people") name nobody, unless a name stands in
    apposition ("someone, seemingly Ana Ruiz,": the name rule answers) or the text singles the people
    out as a source ("two people familiar with the matter"): an unnamed speaker, labelled."""
    p = a.table
    if p.lower[i] not in GENERIC_SPEAKERS:
        return None
    if any(p.dep[c] == "appos" and a._entity_at(c) is not None for c in p.children[i]):
        return None
    if p.lower[i] == "people" and p.dep[i] in _SUBJECTS and is_speech_cue(p, p.head[i]) and any(
            p.dep[c] == "nummod" or (c > i and p.dep[c] in _SOURCE_MODIFIERS) for c in p.children[i]):
        return None  # "two people familiar with the matter said", "people close to the minister said": unnamed
        # sources the text singles out, labelled (the label rule), not people at large; as the subject of
        # something else ("the 36 people were moved") they are the topic, no antecedent of "they said"
    return NO_SPEAKER


def _rule_misread_document(a: Attributor, i: int) -> Speaker | None:
    """"according to the official WHO report": a word in front of a body's name and a document noun
    that the parser read as the phrase's head (the adjective "official" as a noun, the document noun as
    a verb) is no speaker: the document speaks for the body. Read over the words, since the parse is
    the thing that failed: the next tokens are one named entity (not a place) and then a document
    noun ending the phrase."""
    p, res = a.table, a.res
    if p.pos[i] not in {"NOUN", "ADJ"} or res.token_entity[i] is not None or not p.text[i].islower():
        return None
    ent = res.token_entity[i + 1] if i + 1 < len(p) else None
    if ent is None or _is_place(ent):
        return None
    k = i + 1
    while k < len(p) and res.token_entity[k] is ent:
        k += 1
    if k >= len(p) or (p.lower[k] not in DOCUMENT_NOUNS and p.lemma[k] not in DOCUMENT_NOUNS) or p.pos[k] == "PROPN":
        return None
    if k + 1 < len(p) and p.pos[k + 1] in {"NOUN", "PROPN"} and p.dep[k + 1] != "npadvmod":
        return None  # "the official WHO report card": the document noun is no head
    return a._entity_speaker(_np_text(p, k), ent, "syntax")


def _rule_coordination(a: Attributor, i: int) -> Speaker | None:
    """"X and Y said": a joint statement, X the speaker and Y in ``co_speakers``."""
    p, res = a.table, a.res
    members = a._members(i)
    if len(members) < 2:
        return None
    ent = res.token_entity[i]
    if ent is not None and all(res.token_entity[m] is ent for m in members):
        return None  # "the High Court of Ruritania and Elbonia": one name with an "and" inside
    tail = members[-1]
    last = max(p.right_edge(m) for m in members)
    if any(p.dep[t] == "cc" and p.lower[t] in _CONTRAST_WORDS and res.token_entity[t] is None
           for t in range(i, last + 1)):
        # "the company invested in X, but the Gazette reports ...": "but" contrasts two clauses the
        # parser read as one subject; the member right before the verb speaks
        return a._resolve(tail, coordination=False)
    if not any((p.dep[t] == "cc" or p.lower[t] in _CONJUNCTION_WORDS) and res.token_entity[t] is None
               for t in range(i, last + 1)):
        # No "and" outside a name: a comma inside a name misread as a list ("University of Ruritania,
        # Eastport's chancellor, Ana Ruiz"; "the Institute of Soil and Water's director, Ana Ruiz"):
        # the last piece heads the phrase, if it names a person
        spk = a._resolve(tail, coordination=False)
        return spk if spk is not None and spk.entity is not None and spk.entity.is_person else None
    tail_ent = res.token_entity[tail]
    others = members[:-1]
    if tail_ent is not None and tail_ent.is_person and all(
            p.pos[m] == "NOUN" and p.tag[m] == "NN" and is_people_noun(p.lemma[m]) and res.token_entity[m] is None
            and not any(p.dep[c] in {"det", "poss"} for c in p.children[m]) for m in others) \
            and a._run_start(tail, others[-1]) == p.right_edge(others[-1]) + 1:
        # "Retired FBI agent and terrorism specialist Ana Ruiz": two roles in front of one name, one person
        return a._resolve(tail, coordination=False)
    if p.pos[tail] == "NOUN" and p.tag[tail] == "NNS" and is_people_noun(p.lemma[tail]) and all(
            res.token_entity[m] is not None and res.token_entity[m].label in {"GPE", "LOC", "NORP"}
            for m in members[:-1]):
        return None  # "Springfield and Shelbyville officials": officials of both places, unnamed
    mention = _strip_det(p.span_text(p.left_edge(i), last + 1))
    spk = _group_speaker(mention, [a._resolve(m, coordination=False) for m in members], "syntax")
    return spk if spk is not None else Speaker(mention, mention, None, "UNKNOWN", "syntax")


def _rule_place_group(a: Attributor, i: int) -> Speaker | None:
    """A group of people qualified by a place is that place's group: "police in Eastport, Maine" is
    "Eastport police", "officials of Eastport" "Eastport officials"; two places give one group of
    each ("Springfield and Shelbyville officials", "police in Eastport and Westport": a joint
    statement), also when the parser read "Port Allen and Iberville Parish officials" as two subjects."""
    p, res = a.table, a.res
    found = _place_qualified(a, i)
    if found is None:
        return None
    places, g, named = found
    words = [t for t in range(p.left_edge(g), g + 1) if p.dep[t] != "det" and not p.is_punct[t]
             and _place_run(a, t) is None and (t == g or p.dep[t] not in {"cc", "conj"}) and t not in named]
    words = [t for t in words if t == g or p.head[t] == g or p.head[p.head[t]] == g]
    noun = " ".join(p.lower[t] if p.pos[t] != "PROPN" else p.text[t] for t in words)
    names = []
    for place in places:
        name = f"{place} {noun}"
        if name not in names:
            names.append(name)
    stype = "ORG" if _is_org_noun(p, g) else "UNKNOWN"
    mention = _strip_det(p.span_text(min(p.left_edge(g), p.left_edge(i)), max(p.right_edge(g), i) + 1))
    kind = "group" if len(names) > 1 else ("organisation" if stype == "ORG" else "unnamed")
    return Speaker(mention, names[0], None, stype, "syntax", co_speakers=tuple(names[1:]), kind=kind)


def _is_group_noun(p: TokenTable, i: int) -> bool:
    """A noun for a group of people that speaks as one: a plural people noun ("officials",
    "prosecutors") or a collective one ("police")."""
    if p.pos[i] != "NOUN":
        return False
    if p.lower[i] in COLLECTIVE_PEOPLE_NOUNS or p.lemma[i] in COLLECTIVE_PEOPLE_NOUNS:
        return True
    return p.tag[i] == "NNS" and (is_people_noun(p.lemma[i]) or p.lower[i] in ORG_NOUNS)


def _place_run(a: Attributor, t: int) -> str | None:
    """The name of the place token ``t`` belongs to (a GPE or LOC entity), as the text writes it here."""
    ent = a.res.token_entity[t]
    if ent is None or ent.is_person or ent.label not in {"GPE", "LOC"}:
        return None
    return _strip_det(a._mention_text(t))


def _named_place_member(a: Attributor, m: int) -> bool:
    """A member coordinated with a place that names one: a place, or a name NER took for a body
    ("Eastport and Westport" with "Westport" tagged ORG); no person, no nationality."""
    ent = a.res.token_entity[m]
    return ent is not None and not ent.is_person and ent.label != "NORP" and a.table.pos[m] == "PROPN"


def _place_qualified(a: Attributor, i: int) -> tuple[list[str], int, range] | None:
    """``(places, group noun token, tokens of a place named in front of it)`` when the phrase of ``i`` is a group of people qualified by places
    (see :func:`_rule_place_group`), else None. Only a coordination of places counts in front of the
    noun ("Springfield officials" alone is its own label already)."""
    p, res = a.table, a.res
    if _is_group_noun(p, i):
        places: list[str] = []
        for c in p.children[i]:
            if c == i + 1 and p.dep[c] == "prep" and p.lower[c] in {"in", "of"}:
                # "police in Eastport, Maine": the object a place, with nothing but a region, commas
                # or more places in its phrase
                obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
                if obj is None or obj in a.quoted or _place_run(a, obj) is None:
                    return None
                # more places only through an "and" ("Eastport and Westport"; "Eastport, Maine" is one)
                joined = any(p.dep[t] == "cc" for t in range(obj, p.right_edge(c) + 1))
                members = [obj] + [m for m in _conjuncts(p, obj) if joined and _named_place_member(a, m)]
                inside = set()
                for m in members:
                    inside.update(t for t in range(p.left_edge(m), m + 1))
                for t in range(c + 1, p.right_edge(c) + 1):
                    if t in inside or p.is_punct[t] or p.dep[t] in {"cc", "det"} or _place_run(a, t) is not None:
                        continue
                    return None  # "officials in Eastport's port authority": more than the place
                places = [_place_run(a, m) or _strip_det(a._mention_text(m)) for m in members]
                break
        if not places:
            mods = [c for c in p.children[i] if c < i and p.dep[c] in {"compound", "nmod"} and _place_run(a, c)]
            if mods:
                members = [mods[0]] + _conjuncts(p, mods[0])
                if len(members) >= 2 and all(_place_run(a, m) is not None for m in members):
                    places = [_place_run(a, m) for m in members]
        return (places, i, range(0)) if places else None
    # "New Orleans and Jefferson Parish officials" read as the place coordinated with "Jefferson
    # Parish officials", or misread as two subjects: the place (with its "and") and a group noun
    # right after it, whose own words in front name the second place
    place = _place_run(a, i)
    if place is None:
        return None
    cc = next((c for c in p.children[i] if p.dep[c] == "cc" and p.lower[c] in {"and", "&"}), None)
    if cc is None:
        return None
    g = next((c for c in p.children[i] if c > cc and p.dep[c] == "conj" and _is_group_noun(p, c)), None)
    if g is None and p.dep[i] in {"nsubj", "nsubjpass"}:
        g = next((c for c in p.children[p.head[i]] if c > i and p.dep[c] == p.dep[i] and _is_group_noun(p, c)), None)
    if g is None or p.left_edge(g) != cc + 1 or any(p.dep[c] == "det" for c in p.children[g]):
        return None
    second = [t for t in range(cc + 1, g) if p.pos[t] == "PROPN" and p.text[t][:1].isupper()]
    if not second or len(second) != g - cc - 1:
        return None
    return [place, p.span_text(cc + 1, g)], g, range(cc + 1, g)


def _rule_personal_pronoun(a: Attributor, i: int) -> Speaker | None:
    """"he"/"she": the person the text is talking about, of that gender (:class:`Salience`)."""
    p = a.table
    if p.lower[i] not in PERSON_PRONOUNS:
        return None
    ent = a.salience.entity_for(i)
    if ent is not None:
        return a._entity_speaker(p.text[i], ent, "pronoun", uncertain=a.salience.is_uncertain(i))
    label = a.salience.unnamed_for(i)
    if label is not None:
        # "One of the victims ... She said": unnamed, labelled with the phrase that introduced her
        return Speaker(p.text[i], label, None, "UNKNOWN", "pronoun", kind="unnamed",
                       uncertain=a.salience.is_uncertain(i))
    return Speaker(p.text[i], None, None, "PERSON", "pronoun")


def _rule_plural_pronoun(a: Attributor, i: int) -> Speaker | None:
    """"they" (and "their"): the nearest subject before it that names several (a coordination, a
    plural) or an organisation, else the organisation that spoke last; "it" (and "its"): the nearest
    organisation subject, else the organisation that spoke last."""
    p = a.table
    low = p.lower[i]
    if low not in _PLURAL_PRONOUNS and low not in {"it", "its"}:
        return None
    plural = low in _PLURAL_PRONOUNS
    for s in a._antecedent_subjects(i):
        if p.pos[s] == "PRON" and p.lower[s] not in ({"they", "them"} if plural else {"it"}):
            continue
        if plural:
            # a collective noun is several people too ("The team collected samples. They found ...")
            fits = (p.tag[s] in {"NNS", "NNPS"} or len(a._members(s)) > 1 or p.lemma[s] in ORG_NOUNS
                    or p.lemma[s] in TEAM_NOUNS or (a._entity_at(s) is not None and not a._entity_at(s).is_person)
                    ) or p.pos[s] == "PRON"
        else:
            ent = a._entity_at(s)
            fits = p.pos[s] == "PRON" or p.tag[s] in {"NN", "NNP"} and (
                (ent is not None and not ent.is_person) or p.lemma[s] in ORG_NOUNS or p.lemma[s] in VOICE_CARRIERS)
        if not fits:
            continue
        spk = a._resolve(s)
        if spk is not None and spk.name is not None and spk is not NO_SPEAKER and spk.speaker_type != "PERSON" or (
                spk is not None and spk.co_speakers) or (
                # "The researchers found ... They reported": a group noun the text resolved to the one
                # person it names in the group speaks through that person
                plural and spk is not None and spk.name is not None and (p.tag[s] == "NNS" or p.lemma[s] in TEAM_NOUNS)
                and spk.attribution == "description"):
            return replace(spk, mention=p.text[i], attribution="pronoun")
    spk = a._spoken_before(i, plural)
    if spk is not None:
        return replace(spk, mention=p.text[i], attribution="pronoun", uncertain=True)
    return Speaker(p.text[i], None, None, "UNKNOWN", "pronoun")


def _rule_name(a: Attributor, i: int) -> Speaker | None:
    """A named entity; a person in apposition wins over the head ("a Republican, Ana Ruiz,")."""
    p, res = a.table, a.res
    if p.lemma[i] in PERSONAL_BODY_NOUNS and p.pos[i] == "NOUN" and res.token_entity[i] is None and not any(
            p.dep[c] == "appos" for c in p.children[i]):
        return None  # "the Moreau family": the family rule's, not the person named inside
    ent = a._entity_at(i)
    if ent is None or not ent.is_person:
        for c in p.children[i]:
            if p.dep[c] == "appos":
                e = a._entity_at(c)
                if e is not None and e.is_person:
                    return a._entity_speaker(_np_text(p, i), e, "syntax")
    if ent is None:
        titled = _titled_person(a, i)
        if titled is not None:
            return a._entity_speaker(_np_text(p, i), titled, "syntax")  # "President of Ruritania Ana Ruiz"
    if ent is None or not ent.is_person:
        inside = _person_inside(a, i)
        if inside is not None:
            return a._entity_speaker(_np_text(p, i), inside, "syntax")  # "study co-author Dr. Ana Ruiz"
        beside = a._comma_apposition(i) if p.pos[i] in {"NOUN", "PROPN"} else None
        if beside is not None and (ent is None or ent.label == "NORP" or is_people_noun(p.lemma[i])):
            return a._entity_speaker(_np_text(p, i), beside, "syntax")
    if ent is not None and not ent.is_person:
        ticket = _ticket(a, ent)
        if ticket is not None:  # "Biden-Harris released a statement": both people speak
            speakers = [a._entity_speaker(e.name, e, "syntax") for e in ticket]
            return _group_speaker(a._mention_text(i), speakers, "syntax")
    if ent is not None:
        if ent.label == "NORP":
            text = _np_text(p, i)  # "Russians said": people of a nationality, nobody in particular
            return Speaker(text, _strip_det(text), None, "UNKNOWN", "syntax")
        return a._entity_speaker(a._mention_text(i), ent, "syntax")
    for c in p.children[i]:
        if p.dep[c] == "appos" and res.token_entity[c] is not None and not (
                p.tag[i] == "NNS" and is_people_noun(p.lemma[i])):
            # "the website, X.com,"; not "researchers from X and University of Y" misparsed with the
            # second body in apposition to the people
            return a._entity_speaker(_np_text(p, i), res.token_entity[c], "syntax")
    if p.dep[i] == "appos" and res.token_entity[p.head[i]] is not None:
        return a._entity_speaker(_np_text(p, i), res.token_entity[p.head[i]], "syntax")
    return None


def _ticket(a: Attributor, ent: Entity) -> list[Entity] | None:
    """The people of a hyphenated ticket ("Ruiz-Berg" when the text names Ana Ruiz and Tom Berg):
    each part the surname of exactly one person of the article, else None."""
    parts = [w for w in ent.name.replace("\u2010", "-").replace("\u2011", "-").split("-")]
    if len(parts) != 2 or not all(w[:1].isupper() and " " not in w for w in parts):
        return None
    people = []
    persons = [e for e in a.res.entities if e.is_person and e is not ent and len(e.key) >= 2 and "-" not in e.name]
    for w in parts:
        key = fold_name(w)
        # the person the bare surname names in this text, else the one person with that surname
        found = [e for e in persons if any(m.key == (key,) for m in e.mentions)]
        if len(found) != 1:
            found = [e for e in persons if e.key[-1] == key]
        if len(found) != 1:
            return None
        people.append(found[0])
    return people if people[0] is not people[1] else None


def _titled_person(a: Attributor, i: int) -> Entity | None:
    """'President of Ruritania Ana Ruiz said', 'Member for Eastport Ana Ruiz', 'Ambassador to Elbonia
    Ana Ruiz': a capitalised title whose "of"/"for"/"to" phrase is a complement and then a person's name, which ends the phrase; the
    person holds the title. "The wife of Ana Ruiz" (no complement before the name) is not Ruiz."""
    p, res = a.table, a.res
    if not p.text[i][:1].isupper() or p.pos[i] not in {"NOUN", "PROPN"}:
        return None
    for c in p.children[i]:
        if p.dep[c] != "prep" or p.lower[c] not in {"of", "for", "to"} or c != i + 1:
            continue
        end = p.right_edge(c)
        ent = res.token_entity[end]
        if ent is None or not ent.is_person:
            return None
        start = end
        while start - 1 > c and res.token_entity[start - 1] is ent:
            start -= 1
        if start - 1 > c and all(p.text[t][:1].isupper() for t in range(c + 1, start)):
            return ent
    return None


def _person_inside(a: Attributor, i: int) -> Entity | None:
    """The one person named inside the noun phrase of ``i`` (through compounds, appositions and
    flat names, not through prepositions or clauses), when ``i`` itself is a people noun or a role."""
    p, res = a.table, a.res
    if p.pos[i] not in {"NOUN", "PROPN"} or not (is_people_noun(p.lemma[i]) or p.pos[i] == "PROPN"):
        return None
    found: list[Entity] = []
    stack = [c for c in p.children[i] if p.dep[c] in {"compound", "appos", "flat", "npadvmod", "nmod", "dobj"}]
    while stack:
        t = stack.pop()
        ent = res.token_entity[t]
        if ent is not None and ent.is_person and ent not in found:
            found.append(ent)
        stack.extend(c for c in p.children[t] if p.dep[c] in {"compound", "appos", "flat", "npadvmod", "nmod"})
    return found[0] if len(found) == 1 else None


def _rule_family(a: Attributor, i: int) -> Speaker | None:
    """A person's own group (:data:`~helpers.extract.cues.PERSONAL_BODY_NOUNS`: "his family", "X's
    campaign", "the family", "a family spokesperson") speaks as "<Surname> <noun>": the group of the
    person the possessive names, else (a bare "the family", or the noun in front of another: "a family
    spokesperson") of the one person the text is talking about just then (:meth:`Salience.top_person`,
    a clear lead only), or the one group the article labels so ("the Okafor family"). The surname is
    the label the article gives the group, else the one-word name the article calls the person by
    (:func:`_surname`). No answer for a group that is no person's own ("a family of five", "the
    campaign against the dam", "a campaign group") or nobody's in particular."""
    p, res = a.table, a.res
    lemma = p.lemma[i]
    if lemma not in PERSONAL_BODY_NOUNS or p.tag[i] != "NN" or res.token_entity[i] is not None:
        return None
    if any(p.dep[c] == "prep" for c in p.children[i] if c > i):
        return None  # "a family of five", "the campaign against the dam": no person's own
    labels: dict[str, str] = {}  # folded surname -> the surname as written, for "the <Surname> family"
    for j in range(len(p)):
        if p.lemma[j] == lemma and j != i:  # a quotation may label it too ("... met the Okafor family")
            for c in p.children[j]:
                if c == j - 1 and p.dep[c] == "compound" and p.pos[c] == "PROPN" and p.text[c][:1].isupper():
                    labels.setdefault(fold_name(p.lower[c]), p.text[c])
    lefts = [c for c in p.children[i] if c < i]
    poss = next((c for c in lefts if p.dep[c] == "poss"), None)
    named = [c for c in lefts if p.dep[c] == "compound" and p.pos[c] == "PROPN" and p.text[c][:1].isupper()]
    if named and poss is None and p.right_edge(named[-1]) == i - 1:
        # "the Moreau family", "the Vance campaign": the name in front is its label
        label = p.span_text(p.left_edge(named[0]), i)
        return _personal_body(_np_text(p, i), f"{label} {lemma}", lemma, "syntax")
    if poss is not None:
        owner = _possessor(a, poss) if poss not in a.quoted else None
        if owner is None or owner.entity is None or not owner.entity.is_person:
            return None
        person = owner.entity
    else:
        if any(p.dep[c] != "det" for c in lefts) or p.dep[i] in {"dobj", "attr"}:
            return None  # "the election campaign", "a large family": another group; "they formed a campaign"
        the = any(p.lower[c] == "the" for c in lefts)
        if not the and p.dep[i] != "compound":
            return None  # "a family said": some family, no person's in particular
        if the and len(labels) == 1:
            surname = next(iter(labels.values()))
            return _personal_body(_np_text(p, i), f"{surname} {lemma}", lemma)
        person = a.salience.top_person(i, clear_only=True)
        if person is None:
            return None
    surname = labels.get(person.key[-1]) or _surname(person)
    if surname is None:
        return None
    return _personal_body(_np_text(p, i), f"{surname} {lemma}", lemma)


def _personal_body(mention: str, name: str, lemma: str, how: str = "description") -> Speaker:
    """The speaker "<Surname> <noun>": a campaign is an organisation, a family a group of people."""
    if lemma == "family":
        return Speaker(mention, name, None, "UNKNOWN", how, kind="group")
    return Speaker(mention, name, None, "ORG", how, kind="organisation")


def _surname(ent: Entity) -> str | None:
    """The name a person's family or campaign goes by: the last word of the full name (no "Jr."),
    unless the article calls the person by another single word of the name ("Deng" for "Samuel Deng
    Majok"): then the one it uses most."""
    words = ent.name.split()
    while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()
    if not words:
        return None
    single = {v: n for v, n in ent.variants.items() if len(v.split()) == 1 and v in words}
    if not single or words[-1] in single:
        return words[-1]
    return max(single, key=lambda v: (single[v], -words.index(v)))


def _rule_member(a: Attributor, i: int) -> Speaker | None:
    """A body of people ("his legal team", "the defence team") the article names exactly one member of
    ("Ana Ruiz, a member of Berg's legal team,": the person's apposition) speaks through that member;
    the members must be of this body: its words ("legal team") and its owner (the possessive: "his"
    is Berg) agree. Two members named, or none: no answer."""
    p, res = a.table, a.res
    if p.lemma[i] == "member" and p.pos[i] == "NOUN":
        # "members of his family", "a member of the Vance campaign": the group speaks
        group = next((g for c in p.children[i] if c > i and p.dep[c] == "prep" and p.lower[c] == "of"
                      for g in p.children[c] if p.dep[g] == "pobj" and p.lemma[g] in PERSONAL_BODY_NOUNS), None)
        spk = _rule_family(a, group) if group is not None and group not in a.quoted else None
        return replace(spk, mention=_np_text(p, i, with_prep=True)) if spk is not None else None
    if p.pos[i] != "NOUN" or p.tag[i] != "NN" or p.lemma[i] not in TEAM_NOUNS or res.token_entity[i] is not None:
        return None
    lefts = [c for c in p.children[i] if c < i]
    poss = next((c for c in lefts if p.dep[c] == "poss"), None)
    owner = _possessor(a, poss) if poss is not None and poss not in a.quoted else None
    if poss is not None and (owner is None or owner.entity is None):
        return None
    words = [p.lower[t] for c in lefts if p.dep[c] in {"amod", "compound"} for t in range(p.left_edge(c), c + 1)]
    body = " ".join(words + [p.lower[i]])
    found = []
    for e in res.entities:
        desc = (e.descriptor or "").lower().split()
        while desc and desc[0] in _INDEFINITE | {"the", "one"}:
            desc = desc[1:]
        if not e.is_person or len(desc) < 3 or desc[0] not in {"member", "members"} or desc[1] != "of":
            continue
        target = " ".join(desc[2:])
        if not (target == body or target.endswith(" " + body)):
            continue
        if owner is not None:
            whose = [w[:-2] for w in desc[2:] if w.endswith("'s")]
            if not whose or fold_name(whose[-1]) not in owner.entity.key:
                continue
        found.append(e)
    if len(found) != 1:
        return None
    return a._entity_speaker(_np_text(p, i), found[0], "description")


def _rule_spokesperson(a: Attributor, i: int) -> Speaker | None:
    """"a spokesperson for X", "an X spokesman", "X's spokeswoman", "its sources": X speaks."""
    p = a.table
    if p.lemma[i] not in SPOKESPERSON_NOUNS and p.lower[i] not in SPOKESPERSON_NOUNS:
        return None
    mention = _np_text(p, i, with_prep=True)
    body = _owner(a, i, _BODY_PREPS)
    if body is not None:
        return replace(body, mention=mention)
    if all(p.dep[c] == "det" for c in p.children[i] if c < i) and not any(
            p.dep[c] == "prep" for c in p.children[i] if c > i):
        # "A spokesperson told the Times ..." right after a body's statement: that body's spokesperson
        spk = _body_that_spoke_before(a, i)
        if spk is not None:
            return replace(spk, mention=mention, attribution="description")
    text = _np_text(p, i)
    return Speaker(text, _strip_det(text), None, "UNKNOWN", "syntax")


def _body_that_spoke_before(a: Attributor, i: int) -> Speaker | None:
    """The organisation that spoke or issued something last before the sentence of token ``i`` (the
    subject of a speech verb or of "released", "issued", in this or the previous paragraph: "X released
    a statement ... A spokesperson told ..."), unless a person or an outlet spoke after it. None if none."""
    p, res = a.table, a.res
    si, para = res.token_sentence[i], res.token_paragraph[i]
    for m in reversed(res.mentions):
        if res.token_sentence[m.start] >= si or m.start in a.quoted:
            continue
        if para - res.token_paragraph[m.start] > 1:
            break
        root = p.span_root(m.start, m.end)
        v = p.head[root]
        if p.dep[root] != "nsubj" or p.pos[v] != "VERB" or p.lemma[v] not in SPEECH_LEMMAS | _ISSUE_VERBS or m.entity is None:
            continue
        ent = m.entity
        if ent.is_person or _is_publication(ent) or _is_place(ent):
            return None  # someone else spoke last
        return a._entity_speaker(_np_text(p, root), ent, "description")
    return None


def _rule_last_speaker_epithet(a: Attributor, i: int) -> Speaker | None:
    """'"...," said Ana Ruiz. The Wooster professor added, "..."': a definite singular noun for a
    person, a role the text gave nobody, right after a statement of a named person (in the sentence
    before, same paragraph) is that person (news writing's way of not repeating a name)."""
    p, res = a.table, a.res
    if p.pos[i] != "NOUN" or p.tag[i] != "NN" or not is_people_noun(p.lemma[i]) or p.lemma[i] in SPOKESPERSON_NOUNS:
        return None
    if p.dep[i] not in _SUBJECTS or not any(p.lower[c] == "the" and p.dep[c] == "det" for c in p.children[i]):
        return None
    if a._entity_at(i) is not None or any(e.is_person and p.lemma[i] in e.roles for e in res.entities):
        return None  # a named phrase, or a role the text gave someone (the role rule)
    si, para = res.token_sentence[i], res.token_paragraph[i]
    before = [c for c in a.cues if c < i and res.token_paragraph[c] == para and si - 1 <= res.token_sentence[c] <= si
              and c not in a.quoted and not p.left_edge(i) <= c <= p.right_edge(i)]
    if not before:
        return None
    spk = a.speaker_of_cue(before[-1])
    if spk.entity is None or not spk.entity.is_person:
        return None
    return a._entity_speaker(_np_text(p, i), spk.entity, "description")


def _rule_official_voice(a: Attributor, i: int) -> Speaker | None:
    """People named after a body they work for ("the Harbour Authority doctors", "Kremlin
    officials", "the Agency's chief officer"): an unnamed voice of that body, which speaks. A place is no body ("Springfield
    officials" stay unnamed), nor are the body's outsiders ("Acme customers")."""
    p, res = a.table, a.res
    if p.pos[i] != "NOUN" or not is_people_noun(p.lemma[i]) or p.lemma[i] in OUTSIDER_NOUNS \
            or p.lower[i] in OUTSIDER_NOUNS or res.token_entity[i] is not None:
        return None
    for c in p.children[i]:
        ent = res.token_entity[c]
        if c < i and p.dep[c] in {"compound", "nmod"} and ent is not None and not ent.is_person \
                and ent.label not in {"GPE", "LOC", "NORP"} and all(res.token_entity[t] is ent for t in range(
                    p.left_edge(c), c + 1) if p.pos[t] != "DET"):
            return a._entity_speaker(_np_text(p, i), ent, "syntax")
        if c < i and p.dep[c] == "poss" and ent is not None and not ent.is_person \
                and ent.label not in {"GPE", "LOC", "NORP"} and not any(p.dep[g] == "appos" for g in p.children[i]) \
                and not any(e.is_person and p.lemma[i] in e.roles for e in res.entities):
            # "the Fisheries Agency's chief veterinary officer": an unnamed officer of a named body
            # (a role the text gave a person is that person's: "Eastport's governor")
            return a._entity_speaker(_np_text(p, i), ent, "syntax")
    lefts = [c for c in p.children[i] if c < i]
    body = lefts[-1] if lefts else None
    if body is not None and body == i - 1 and (p.lemma[i] in BODY_VOICE_NOUNS or p.lower[i] in BODY_VOICE_NOUNS) \
            and p.dep[body] == "compound" and p.pos[body] == "NOUN" \
            and res.token_entity[body] is None and body not in a.quoted and all(p.dep[c] == "det" for c in lefts[:-1]) \
            and p.left_edge(body) == body and not any(p.dep[c] == "prep" for c in p.children[i] if c > i):
        # "government officials", "police officers": the body the article names with that noun speaks;
        # "event organizers": the body the article described as one ("X, an annual event,")
        spk = _rule_organisation(a, body) if _is_org_noun(p, body) else None
        if spk is not None and spk.entity is not None and not any(
                m.entity is spk.entity and m.start < i for m in res.mentions):
            spk = None  # a body first named after the voice, inside what it reports, is not its owner
        if spk is not None and spk.name is not None and not is_bare_body_noun(spk.name):
            return replace(spk, mention=_np_text(p, i))
        described = _described_as(a, body)
        if described is not None:
            return a._entity_speaker(_np_text(p, i), described, "description")
    if (p.lemma[i] in BODY_VOICE_NOUNS or p.lower[i] in BODY_VOICE_NOUNS) and not any(
            p.dep[g] == "appos" and p.pos[g] == "PROPN" for g in p.children[i]):
        # "an official from X", "officers at X", "an official of X": X speaks, unless a person is
        # named in apposition ("An official from X, Ana Ruiz,": the name rule answers first)
        for c in p.children[i]:
            if p.dep[c] != "prep" or p.lower[c] not in {"from", "at", "of", "with", "for"}:
                continue
            obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
            ent = res.token_entity[obj] if obj is not None else None
            if ent is not None and not ent.is_person and ent.label not in {"GPE", "LOC", "NORP"} and obj not in a.quoted:
                return a._entity_speaker(_np_text(p, i, with_prep=True), ent, "syntax")
    return None


def _described_as(a: Attributor, i: int) -> Entity | None:
    """The one named body (no person, place or outlet) the text described, before token ``i``, with the
    noun of ``i`` ("Furnal Equinox, an annual event," for "event"); None if none or several."""
    p, res = a.table, a.res
    found = {}
    for m in res.mentions:
        if m.start >= i:
            break
        ent = m.entity
        if ent is not None and not ent.is_person and not _is_place(ent) and ent.descriptor \
                and _same_noun(p.lemma[i], ent.descriptor):
            found[id(ent)] = ent
    return next(iter(found.values())) if len(found) == 1 else None


def _rule_law(a: Attributor, i: int) -> Speaker | None:
    """A text that lays down rules (:data:`~helpers.extract.cues.LAW_NOUNS`: "According to the state's
    constitution, ...", "The Ruritanian constitution stipulates ...") speaks as itself, labelled with its
    phrase: it is not the record of what a person the text named nearby did. A named body or person
    that owns it in its own phrase ("the Harbour Green Party's constitution", "the charter of X")
    speaks through it; a place or a nationality only says whose it is."""
    p, res = a.table, a.res
    if p.pos[i] != "NOUN" or p.lemma[i] not in LAW_NOUNS or res.token_entity[i] is not None:
        return None
    of = next((g for c in p.children[i] if p.dep[c] == "prep" and p.lower[c] == "of"
               for g in p.children[c] if p.dep[g] == "pobj"), None)
    if of is not None and res.token_entity[of] is None:
        return None  # "the scale of the damage": a measure, no text of rules
    for c in p.children[i]:
        d = p.dep[c]
        t = c if d in {"poss", "compound", "nmod"} else next(
            (g for g in p.children[c] if p.dep[g] == "pobj"), None) if d == "prep" and p.lower[c] in {"of", "by"} else None
        if t is None or t in a.quoted:
            continue
        spk = _possessor(a, t) if d == "poss" else a._resolve(t)
        if spk is not None and spk.entity is not None and not spk.entity.is_person and not _is_place(spk.entity):
            return replace(spk, mention=_np_text(p, i, with_prep=True))  # (a person owns no law: "the
            # commonwealth's" read as an epithet of the governor is no owner)
    text = _np_text(p, i)
    return Speaker(text, _strip_det(text), None, "ORG", "syntax", kind="publication")


def _rule_look_through(a: Attributor, i: int) -> Speaker | None:
    """A document or medium speaks for whoever issued it ("X's statement", "a report from X", "the
    website X", "a statement which X released"), else for the one who issued the same kind of
    document just before, else for nobody named."""
    p = a.table
    if p.lemma[i] in _PARTITIVE_NOUNS and p.pos[i] == "NOUN":
        # "Part of the judge's statement reads": the whole speaks
        of = next((c for c in p.children[i] if p.dep[c] == "prep" and p.lower[c] == "of"), None)
        whole = next((g for g in p.children[of] if p.dep[g] == "pobj"), None) if of is not None else None
        spk = a._resolve(whole) if whole is not None and whole not in a.quoted and (
            p.lemma[whole] in VOICE_CARRIERS or a.res.token_entity[whole] is not None) else None
        if spk is not None and spk.name is not None:
            return replace(spk, mention=_np_text(p, i, with_prep=True))
    if p.lemma[i] in _OWNERS_VOICES:
        # "his office said", "Ana Ruiz's office said": a person's office speaks for the person
        poss = next((c for c in p.children[i] if p.dep[c] == "poss"), None)
        spk = _possessor(a, poss) if poss is not None and poss not in a.quoted else None
        if spk is not None and spk.entity is not None and spk.entity.is_person:
            return replace(spk, mention=_np_text(p, i))
    if p.pos[i] == "NOUN" and _according_to_object(p, i) and not is_people_noun(p.lemma[i]):
        # "according to the company's schedule / figures / website": a thing of X's is X's word
        poss = next((c for c in p.children[i] if p.dep[c] == "poss"), None)
        spk = _possessor(a, poss) if poss is not None and poss not in a.quoted else None
        if spk is not None and spk.name is not None:
            return replace(spk, mention=_np_text(p, i, with_prep=True))
    if p.pos[i] not in {"NOUN", "PROPN"} or (p.lemma[i] not in VOICE_CARRIERS and p.lower[i] not in VOICE_CARRIERS):
        return None
    mention = _np_text(p, i, with_prep=True)
    # "the account for X", "the website for X": a medium kept for someone is theirs
    preps = _OWNER_PREPS | {"for"} if p.lemma[i] in _ACCOUNT_NOUNS else _OWNER_PREPS
    owner = _owner(a, i, preps)
    if owner is not None and owner.entity is not None and not owner.entity.is_person and any(
            p.dep[c] == "compound" and p.pos[c] == "NOUN" and a.res.token_entity[c] is None for c in p.children[i]) \
            and not any(p.dep[c] == "poss" or a.res.token_entity[c] is not None for c in p.children[i] if c < i):
        # "the court order": a kind of body in front, no name; the person who made the act the document
        # records ("X ordered ...") issued it, not whichever court the text named last
        maker = _verb_maker(a, i)
        if maker is not None and maker.entity is not None and maker.entity.is_person:
            owner = maker
    owner = owner or _earlier_owner(a, i)
    if owner is not None:
        return replace(owner, mention=mention)
    text = _np_text(p, i)  # a voice nobody is named for ("a leaked memo"): unnamed, labelled
    return Speaker(mention, _strip_det(text), None, "UNKNOWN", "syntax", kind="unnamed")


def _according_to_object(p: TokenTable, i: int) -> bool:
    """Whether token ``i`` is the object of "according to"."""
    h = p.head[i]
    return p.dep[i] == "pobj" and p.lower[h] == "to" and p.lower[p.head[h]] == "according"


def _owner(a: Attributor, i: int, preps: frozenset[str]) -> Speaker | None:
    """Who a document or a spokesperson at ``i`` speaks for, from its own phrase: a possessive, a
    prepositional object (``preps``), a name in front or in apposition, the subject of the verb
    that issued it ("X released a statement") or said something in it ("X said in a filing"), or
    the owner of the thing it is about ("the event description" after "X posted the event")."""
    p, res = a.table, a.res
    for c in p.children[i]:
        d = p.dep[c]
        if d == "poss" or (d == "prep" and p.lower[c] in preps):
            t = c if d == "poss" else next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
            if t is not None:
                spk = _possessor(a, t) if d == "poss" else a._resolve(t)
                if spk is not None and spk.name is not None:
                    return spk
        elif d in {"compound", "nmod", "appos"} and res.token_entity[c] is not None:
            return a._entity_speaker(_np_text(p, c), res.token_entity[c], "syntax")
        elif d in {"compound", "nmod"} and c < i and p.pos[c] == "NOUN" and not any(
                p.is_alpha[t] and p.pos[t] != "DET" for t in range(p.left_edge(i), p.left_edge(c))):
            # "a ministry spokesman" after "the Ministry of Health"; "a family spokesperson": the family's
            spk = _rule_family(a, c) or _rule_organisation(a, c)
            if spk is not None:
                return spk
    if p.dep[i] == "appos" and res.token_entity[p.head[i]] is not None:
        return a._entity_speaker(_np_text(p, i), res.token_entity[p.head[i]], "syntax")
    for c in p.children[i]:
        if p.dep[c] == "acl" and p.lemma[c] in _ISSUE_VERBS | {"sign"}:
            by = _subject_of(p, c)  # "the decree signed by the Pope": the agent issued it
            if by is not None and by not in a.quoted:
                spk = a._resolve(by)
                if spk is not None and spk.name is not None:
                    return spk
    h = p.head[i]
    if p.dep[i] in {"dobj", "nsubjpass"} and p.lemma[h] in _ISSUE_VERBS:
        subj = _subject_of(p, h)
        if subj is not None and subj not in a.quoted:
            spk = a._resolve(subj)
            if spk is not None and spk.name is not None:
                return spk
    if p.dep[i] == "pobj" and p.lower[h] in _MEDIUM_PREPS and p.pos[p.head[h]] in {"VERB", "AUX"}:
        subj = _subject_of(p, p.head[h])  # "X said in a filing", "in the letter X wrote"
        if subj is not None and subj not in a.quoted and subj != i:
            spk = a._resolve(subj)
            if spk is not None and spk.name is not None:
                return spk
    for c in p.children[i]:
        if p.dep[c] in {"compound", "nmod"} and c < i and p.pos[c] == "NOUN" and res.token_entity[c] is None:
            spk = _owner_of_earlier(a, c)  # "the event description" after "X posted the event"
            if spk is not None:
                return spk
    return None


def _possessor(a: Attributor, t: int) -> Speaker | None:
    """The speaker a possessive at token ``t`` names: "his"/"her" the person salience gives it,
    "its"/"their" an organisation or group (the pronoun rule), else the phrase's own resolution."""
    p = a.table
    if p.lower[t] in {"his", "her", "hers"}:
        ent = a.salience.entity_for(t)
        return a._entity_speaker(p.text[t], ent, "pronoun", uncertain=a.salience.is_uncertain(t)) if ent else None
    return a._resolve(t)


def _owner_of_earlier(a: Attributor, c: int) -> Speaker | None:
    """Whose the thing named by the noun at ``c`` is, from its nearest earlier mention (at most
    :data:`ANTECEDENT_LOOKBACK` sentences back): "his event", "X posted an event invitation"."""
    p, res = a.table, a.res
    lemma = p.lemma[c]
    start = p.sents[max(0, res.token_sentence[c] - ANTECEDENT_LOOKBACK)][0]
    for j in range(c - 1, start - 1, -1):
        if p.lemma[j] != lemma or j in a.quoted or p.pos[j] != "NOUN":
            continue
        for t in (j, p.head[j]) if p.dep[j] == "compound" else (j,):
            poss = next((g for g in p.children[t] if p.dep[g] == "poss"), None)
            if poss is not None and poss not in a.quoted:
                spk = _possessor(a, poss)
                if spk is not None and spk.name is not None:
                    return spk
            if p.dep[t] in {"dobj", "nsubjpass"} and p.lemma[p.head[t]] in _ISSUE_VERBS:
                subj = _subject_of(p, p.head[t])
                if subj is not None and subj not in a.quoted:
                    spk = a._resolve(subj)
                    if spk is not None and spk.name is not None:
                        return spk
    return None


def _earlier_owner(a: Attributor, i: int) -> Speaker | None:
    """For "the statement said" with no owner in its phrase: the owner of the same kind of document
    mentioned just before ("X issued a statement on Monday. The statement said ..."), or the
    organisation described with that noun ("X, a news site, ... the site reported")."""
    p, res = a.table, a.res
    lemma = p.lemma[i]
    si = res.token_sentence[i]
    start = p.sents[max(0, si - ANTECEDENT_LOOKBACK)][0]
    unnamed = None  # "rulings from a court": an owner nobody named, the answer only if no named one is found
    for j in range(i - 1, start - 1, -1):
        if p.lemma[j] == lemma and j not in a.quoted and p.pos[j] == p.pos[i]:
            owner = _owner(a, j, _OWNER_PREPS)
            if owner is not None and (owner.entity is not None or owner.co_speakers):
                return owner
            unnamed = unnamed or owner
    maker = _verb_maker(a, i)
    if maker is not None:
        return maker
    if p.lemma[i] in DOCUMENT_NOUNS:
        # "X published an article ... The report claimed": the nearest document someone issued
        for j in range(i - 1, start - 1, -1):
            if p.lemma[j] in DOCUMENT_NOUNS and j not in a.quoted and p.pos[j] == "NOUN":
                owner = _owner(a, j, _OWNER_PREPS)
                if owner is not None:
                    return owner
    best = _earlier_named_owner(a, i, start)
    return best if best is not None else unnamed


def _earlier_named_owner(a: Attributor, i: int, start: int) -> Speaker | None:
    """The rest of :func:`_earlier_owner`: the organisation described with the noun of ``i``, the
    same document named before token ``start``, or the maker of the document (``_maker_of_document``)."""
    p, res = a.table, a.res
    lemma = p.lemma[i]
    best = None
    for m in res.mentions:
        if m.start >= i:
            break
        ent = m.entity
        if ent is not None and not ent.is_person and ent.descriptor and _same_noun(lemma, ent.descriptor):
            best = ent
    if best is not None:
        return a._entity_speaker(_np_text(p, i), best, "description")
    if p.pos[i] != "NOUN" or not any(p.lower[c] == "the" for c in p.children[i]):
        return None
    for j in range(start - 1, -1, -1):
        # "the complaint" far from the "complaint" X filed: the same document, still X's
        if p.lemma[j] == lemma and j not in a.quoted and p.pos[j] == "NOUN":
            spk = a._resolve(j)
            if spk is not None and spk.name is not None:
                return spk
    return _maker_of_document(a, i)


def _verb_maker(a: Attributor, i: int) -> Speaker | None:
    """"The court ruled on Thursday ... According to the ruling": a document named after a speech
    act (the noun is the verb's: ruled/ruling, ordered/order, announced/announcement, declared/declaration,
    reported/report) is the record of the nearest such act before it by a named subject."""
    p = a.table
    noun = p.lemma[i]
    if p.pos[i] != "NOUN" or p.tag[i] != "NN":
        return None
    for v in range(i - 1, -1, -1):
        lemma = p.lemma[v]
        if p.pos[v] != "VERB" or v in a.quoted or lemma not in SPEECH_LEMMAS | _MAKER_VERBS:
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if noun not in {lemma, lemma + "ment"} | {stem + end for end in ("ing", "ation", "ion")}:
            continue
        subj = _subject_of(p, v)
        if subj is None and p.dep[v] == "acl" and any(p.dep[c] == "ccomp" for c in p.children[v]) \
                and a.res.token_entity[p.head[v]] is not None:
            subj = p.head[v]  # "after X, a judge, ordered last week that ...": the verb misread as X's modifier
        if subj is None or subj in a.quoted or p.lemma[subj] in VOICE_CARRIERS:
            continue
        spk = a._resolve(subj)
        if spk is not None and (spk.entity is not None or spk.co_speakers):
            return replace(spk, mention=_np_text(p, i), attribution="description")
    return None


def _maker_of_document(a: Attributor, i: int) -> Speaker | None:
    """"Ana Ruiz declared a state of emergency. ... The proclamation said": a document the text has
    not introduced is the record of the act just before it, the main verb of a sentence (at most
    :data:`ANTECEDENT_LOOKBACK` back) that speaks or issues with a noun as its object ("declared a
    state of emergency", "confirmed a case", "signed an order"), by a named subject."""
    p, res = a.table, a.res
    if p.tag[i] != "NN":
        return None  # "the comments": many, not the record of one act
    si = res.token_sentence[i]
    for sj in range(si - 1, max(-1, si - ANTECEDENT_LOOKBACK - 1), -1):
        s, e, _, _ = p.sents[sj]
        roots = [t for t in range(s, e) if p.head[t] == t]
        for v in roots + [c for r in roots for c in p.children[r] if p.dep[c] == "conj"]:
            if p.pos[v] != "VERB" or p.lemma[v] not in SPEECH_LEMMAS | _MAKER_VERBS:
                continue
            if not any(p.dep[c] == "dobj" and p.pos[c] in {"NOUN", "PROPN"} for c in p.children[v]):
                continue
            subj = _subject_of(p, v)
            if subj is None or subj in a.quoted or p.lemma[subj] in VOICE_CARRIERS:
                continue  # "The ruling made proclamations": a document is no maker
            spk = a._resolve(subj)
            if spk is not None and spk.name is not None and spk is not NO_SPEAKER:
                return replace(spk, mention=_np_text(p, i), attribution="description")
    return None


def _same_noun(lemma: str, phrase: str) -> bool:
    """Whether ``phrase`` uses the noun ``lemma`` (a website is a site)."""
    words = set(phrase.lower().split())
    return lemma in words or (lemma in _SITE_WORDS and bool(words & _SITE_WORDS))


def _rule_group_noun(a: Attributor, i: int) -> Speaker | None:
    """"the ministers", "both companies", "the two stores": the members named just before; "the
    researchers", "scientists from two universities": the study's people (:meth:`Attributor.study_authors`)."""
    p = a.table
    if p.pos[i] != "NOUN" or p.tag[i] != "NNS" or a._entity_at(i) is not None:
        return None
    if not any(c < i for c in p.children[i]) and any(p.dep[c] == "prep" and p.lower[c] in {"from", "at"}
                                                       for c in p.children[i]) and is_people_noun(p.lemma[i]):
        # "scientists from two universities reported": the study's team, through its named authors
        spk = a._study_speaker(i)
        if spk is not None:
            return spk
    kin = KIN_GROUPS.get(p.lemma[i])
    if kin and any(c < i and (p.lower[c] in _GROUP_DETERMINERS or p.dep[c] == "poss") for c in p.children[i]):
        # "the parents", "his parents": the mother and father the text names
        members = [e for e in a.res.entities if e.is_person and e.roles & kin and e.mentions[0].start < i]
        if members:
            return _group_speaker(_np_text(p, i), [a._entity_speaker(e.name, e, "description") for e in members],
                                  "description")
    if not any(c < i for c in p.children[i]) and _researchers(p, i) and _study_in_clause(a, i):
        # "In a new study released on Monday, scientists report ...", "researchers say in the paper":
        # bare researchers whose study the clause names are its people, through the authors it names
        spk = a._study_speaker(i)
        if spk is not None:
            return spk
    if not any(c < i and (p.lower[c] in _GROUP_DETERMINERS or p.dep[c] == "nummod") for c in p.children[i]):
        return None
    people = is_people_noun(p.lemma[i]) and p.lemma[i] not in ORG_NOUNS
    ents = a._recent_group(i, people)
    if ents is not None and not people and not (
            p.lemma[i] in ORG_NOUNS or p.lemma[i] in BODY_ANAPHORS or p.lemma[i] in INSTITUTION_NOUNS
            or a._introduced_so(i, ents)):
        ents = None  # "the birds" after "sites at X, Y and Z": things, not the bodies named together
    if ents is None and people and _researchers(p, i):
        # "the researchers concluded": a study's team speaks through the authors the article names
        return a._study_speaker(i)
    if ents is None:
        return None
    speakers = [a._entity_speaker(e.name, e, "description") for e in ents]
    return _group_speaker(_np_text(p, i), speakers, "description")


def _researchers(p: TokenTable, i: int) -> bool:
    """Whether the noun at ``i`` names researchers ("researchers", "scientists", "biologists")."""
    return p.lemma[i] in RESEARCHER_NOUNS or p.lemma[i].endswith(SCIENTIST_ENDINGS)


def _study_in_clause(a: Attributor, i: int) -> bool:
    """Whether the verb the noun at ``i`` is the subject of names a study in a phrase of its own ("In a
    new study ..., scientists report", "researchers wrote in the paper")."""
    p = a.table
    if p.dep[i] != "nsubj":
        return False
    for c in p.children[p.head[i]]:
        if p.dep[c] == "prep" and p.lower[c] in {"in", "through"}:
            obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
            if obj is not None and obj not in a.quoted and p.pos[obj] == "NOUN" and p.lemma[obj] in RESEARCH_NOUNS:
                return True
    return False


def _rule_study_team(a: Attributor, i: int) -> Speaker | None:
    """"the team wrote", "the research group", "according to the study" (a study nobody is named
    as issuing): the study's people, when the article names them (:meth:`Attributor.study_authors`)."""
    p = a.table
    if p.pos[i] != "NOUN" or p.tag[i] != "NN" or a.res.token_entity[i] is not None:
        return None
    team = p.lemma[i] in TEAM_NOUNS
    if not team and p.lemma[i] not in RESEARCH_NOUNS:
        return None
    if not any(c < i and (p.lower[c] in {"the", "this", "their"} or p.lemma[c] in RESEARCH_NOUNS) for c in p.children[i]):
        return None  # "a team", "a study": one the text did not introduce
    if any(p.dep[c] in {"poss", "compound", "nmod"} and c < i and a.res.token_entity[c] is not None
           and not _is_place(a.res.token_entity[c]) for c in p.children[i]):
        return None  # "the Acme team", "the ministry's report": that body's (the other rules)
    if not team:
        own = _owner(a, i, _OWNER_PREPS)
        if own is not None and not _is_place(own.entity):
            return None  # "the report, released by the agency", "the agency's study": its issuer speaks
        earlier = _earlier_owner(a, i)
        if earlier is not None and not _is_place(earlier.entity) and (
                p.lemma[i] not in _AUTHORED_NOUNS or not a.study_authors()):
            return None  # "a report by X ... the report": X's; "a US study" is no one's. A study that a
            # museum or a journal released speaks for the authors the article names
    spk = a._study_speaker(i)
    if spk is None and team:
        spk = _researchers_body(a, i)  # no author named: "researchers at X posted ... The research team"
    return spk


def _researchers_body(a: Attributor, i: int) -> Speaker | None:
    """The named body (no place, no person) the text last introduced researchers or a team with, before
    token ``i`` ("researchers at Imperial College", "a team from the University of X"), or None."""
    p, res = a.table, a.res
    for j in range(i - 1, -1, -1):
        if j in a.quoted or p.pos[j] != "NOUN" or not (_researchers(p, j) or p.lemma[j] in TEAM_NOUNS):
            continue
        for c in p.children[j]:
            if c > j and p.dep[c] == "prep" and p.lower[c] in {"at", "from", "of"}:
                obj = next((g for g in p.children[c] if p.dep[g] == "pobj"), None)
                ent = res.token_entity[obj] if obj is not None and obj not in a.quoted else None
                if ent is not None and not ent.is_person and not _is_place(ent):
                    return a._entity_speaker(_np_text(p, i), ent, "description")
    return None


def _is_place(ent: Entity | None) -> bool:
    """A place or a nationality ("a US study", "a British team"): where a thing is from, not who made it."""
    return ent is not None and not ent.is_person and ent.label in {"GPE", "LOC", "NORP"}


def _rule_organisation(a: Attributor, i: int) -> Speaker | None:
    """An organisation under a shorter name: "the foundation" or "Lakeside's animal foundation" for
    "Lakeside Animal Foundation" (the phrase's words all in the name, its head one of them), "the
    police" for "Harbour Police Dive Unit" (the name up to that word: "Harbour Police"), and "police"
    for "<place> police" when the text speaks of "<place>'s police"."""
    p, res = a.table, a.res
    if p.pos[i] not in {"NOUN", "PROPN"} or res.token_entity[i] is not None:
        return None
    head = _fold_word(p.lower[i])
    lemma = p.lemma[i]
    if is_people_noun(lemma) and not _is_org_noun(p, i):
        return None
    mods = set()
    definite = _is_org_noun(p, i)
    for c in p.children[i]:
        if c >= i:
            continue
        if p.dep[c] == "det":
            if p.lower[c] in _INDEFINITE:
                return None  # "rulings from a court of any member state": no court in particular
            definite = definite or p.lower[c] == "the"
        elif p.dep[c] in {"compound", "amod", "poss", "nmod"}:
            definite = True
            if _hyphenated(p, p.left_edge(c), c + 1):
                continue  # "the three-judge court", "the Luxembourg-based court": a description, no name word
            for t in range(p.left_edge(c), c + 1):
                if p.is_alpha[t] and p.pos[t] != "DET":
                    mods.add(_fold_word(p.lower[t]))
    if not definite:
        return None
    # bodies the text named with the noun right after the name ("the Harbour Green party"): the noun is
    # theirs (a body noun only: "Harbour Authority official Ana Ruiz" makes no "officials" of the body)
    called = {id(m.entity) for m in res.mentions if m.entity is not None and not m.entity.is_person and m.end < len(p)
              and p.lemma[m.end] == lemma and p.pos[m.end] == "NOUN" and m.end not in a.quoted
              and not _is_place(m.entity) and not mods and not is_people_noun(lemma)}
    # places the text introduced with the noun ("the US city of Eastport"): "the city" is that one,
    # not a place with the word inside its name ("Jersey City")
    called |= {id(m.entity) for m in res.mentions if lemma in PLACE_NOUNS and not mods and m.start >= 2
               and m.entity is not None and _is_place(m.entity) and p.lower[m.start - 1] == "of"
               and p.lemma[m.start - 2] == lemma and p.pos[m.start - 2] == "NOUN" and m.start not in a.quoted}
    best: tuple[int, Entity, str] | None = None
    for m in res.mentions:
        ent = m.entity
        if id(ent) in called:
            distance = i - m.start if m.start < i else len(p) + m.start
            if best is None or distance < best[0]:
                best = (distance, ent, "")
            continue
        if ent is None or ent.is_person or len(ent.key) < 2 or head not in ent.key or not mods <= set(ent.key):
            continue
        k = ent.key.index(head)
        if k in {0, len(ent.key) - 1} or ent.key[k + 1] in {"of", "for", "on"}:
            name, whole = ent.name, True  # "the court" of "European Court of Justice" is all of it
        elif _is_org_noun(p, i) and k >= 1:
            name, whole = " ".join(ent.name.split()[:k + 1]), False  # "Harbour Police" of "Harbour Police Dive Unit"
        else:
            continue
        distance = i - m.start if m.start < i else len(p) + m.start  # the nearest before, else the first after
        if m.start < i and not _acted(p, m.start, m.end):
            distance += len(p)  # a body that did something ("the Court of X ruled") before one only named
        if best is None or distance < best[0]:
            best = (distance, ent, name if not whole else "")
    if best is not None:
        _, ent, partial = best
        if not partial:
            return a._entity_speaker(_np_text(p, i), ent, "description")
        return Speaker(_np_text(p, i), partial, None, "ORG", "description", kind="organisation")
    places = [c for c in p.children[i] if c < i and p.dep[c] in {"compound", "nmod"} and p.lemma[c] in PLACE_NOUNS
              and p.pos[c] == "NOUN" and res.token_entity[c] is None]
    if len(mods) == 1 and len(places) == 1 and _is_org_noun(p, i) and _is_group_noun(p, i):
        place = _place_of_kind(a, p.lemma[places[0]])  # "county police" in the one county the text names
        if place is not None:
            return Speaker(_np_text(p, i), f"{place} {p.lower[i]}", None, "ORG", "description", kind="organisation")
    if not mods and _is_org_noun(p, i) and not _of_a_place(a, i) and (
            not is_people_noun(lemma) or lemma in COLLECTIVE_PEOPLE_NOUNS or p.lower[i] in COLLECTIVE_PEOPLE_NOUNS):
        # (plural people, "officials", "prosecutors", are no institution: bare, they stay unnamed)
        derived = _place_institution(a, lemma)
        if derived is not None:
            return Speaker(_np_text(p, i), derived, None, "ORG", "description", kind="organisation")
    return None


def _rule_named_body(a: Attributor, i: int) -> Speaker | None:
    """"The company", "the firm", "the club" whose noun is in no name of the text (the organisation rule
    found none): the body the text named just before as the doer of something, the subject or the
    agent of a verb or the owner of a subject ("Velto reported record sales. The company said ...",
    "The contract was won by X. According to the company, ..."), in this or the previous paragraph. Only a body that fits the noun: not a person,
    a place or a public body ("Transport Ministry"), an outlet only for a media noun ("the newspaper").
    Not "its parent company" or "a company": another body, or none in particular."""
    p, res = a.table, a.res
    lemma = p.lemma[i]
    if p.pos[i] != "NOUN" or p.tag[i] != "NN" or lemma not in BODY_ANAPHORS or res.token_entity[i] is not None:
        return None
    if not any(p.dep[c] == "det" and p.lower[c] == "the" for c in p.children[i]):
        return None
    if any(c < i and (p.dep[c] == "poss" or res.token_entity[c] is not None and not _is_place(res.token_entity[c])
                      or p.text[c][:1].isupper() and p.dep[c] != "det") for c in p.children[i]):
        return None  # "its parent company", "the Acme company": another body, or the organisation rule's
    media = lemma in MEDIA_NOUNS
    para = res.token_paragraph[i]
    for m in reversed(res.mentions):
        if m.start >= i:
            continue
        if para - res.token_paragraph[m.start] > 1:
            break
        ent = m.entity
        if ent is None or ent.is_person or _is_place(ent) or m.start in a.quoted:
            continue
        if _is_publication(ent) != media or any(w in PUBLIC_BODY_WORDS for w in ent.key):
            continue
        root = p.span_root(m.start, m.end)
        d, h = p.dep[root], p.head[root]
        if d in {"nsubj", "nsubjpass"} or (d == "pobj" and p.dep[h] == "agent") or (
                d == "poss" and p.dep[h] in {"nsubj", "nsubjpass"}):
            return a._entity_speaker(_np_text(p, i), ent, "description")
    # No doer: the one fitting body the sentence right before names at all, as a modifier of its subject
    # or complement too ("The deceased were Velto contract workers. The company said ...")
    si = res.token_sentence[i]
    fitting = {id(m.entity): m.entity for m in res.mentions if res.token_sentence[m.start] == si - 1
               and res.token_paragraph[m.start] == para and m.entity is not None and not m.entity.is_person
               and not _is_place(m.entity) and m.start not in a.quoted and _is_publication(m.entity) == media
               and not any(w in PUBLIC_BODY_WORDS for w in m.entity.key)}
    if len(fitting) == 1:
        return a._entity_speaker(_np_text(p, i), next(iter(fitting.values())), "description")
    return None


def _hyphenated(p: TokenTable, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are one hyphenated modifier ("three-judge", "Luxembourg-based")."""
    return end - start >= 3 and any(p.text[t] in _HYPHENS and not p.spaced[t - 1] and not p.spaced[t]
                                    for t in range(start + 1, end - 1))


def _acted(p: TokenTable, start: int, end: int) -> bool:
    """Whether the name over tokens ``[start, end)`` is the subject of a verb (it did something, or
    something was done to it), not a complement or a modifier ("the only court above it is X")."""
    root = p.span_root(start, end)
    if p.dep[root] not in {"nsubj", "nsubjpass"}:
        return False
    h = p.head[root]
    return not (p.lemma[h] == "be" and any(p.dep[c] == "attr" for c in p.children[h]))  # "X is the highest court"


def _place_institution(a: Attributor, lemma: str) -> str | None:
    """The one place's institution of the noun ``lemma`` the text names, as the engine names it
    elsewhere, or None. The fullest form wins: a place after the noun ("police in Scranton,
    Pennsylvania" -> "Scranton police", as :func:`_rule_place_group` names it; "the government of
    Chile" -> "government of Chile"), else a place's name in front ("the United States government",
    "El Dorado's police chief" -> "El Dorado police"), else a nationality ("the Samoan government").
    Two different places of the fullest form found name no one institution (None)."""
    p, res = a.table, a.res
    levels: tuple[dict[str, str], ...] = ({}, {}, {})
    for j in range(len(p)):
        if p.lemma[j] != lemma or j in a.quoted or p.pos[j] != "NOUN":
            continue
        if _is_group_noun(p, j):
            found = _place_qualified(a, j)
            if found is not None and found[1] == j and len(found[0]) == 1:
                levels[0].setdefault(fold_name(found[0][0]), f"{found[0][0]} {p.lower[j]}")
        elif _of_a_place(a, j):
            obj = next(g for c in p.children[j] if c == j + 1 for g in p.children[c] if p.dep[g] == "pobj")
            place = _strip_det(a._mention_text(obj))
            levels[0].setdefault(fold_name(place), f"{p.lower[j]} {p.lower[j + 1]} {place}")
        lefts = [t for t in range(p.left_edge(j), j) if p.pos[t] != "DET" and p.dep[t] != "case"]
        ent = res.token_entity[lefts[0]] if lefts else None
        if ent is not None and not ent.is_person and all(res.token_entity[t] is ent for t in lefts):
            place = _strip_det(a._mention_text(lefts[0]))
            if ent.label in {"GPE", "LOC"}:  # "the United States government", "Canada's police"
                levels[1].setdefault(fold_name(place), f"{place} {p.lower[j]}")
            elif ent.label == "NORP":  # "the Samoan government"
                levels[2].setdefault(fold_name(place), f"{place} {p.lower[j]}")
            continue
        if any(p.dep[c] in {"amod", "compound", "nummod"} for c in p.children[j] if c < j):
            continue  # "Canada's largest television network" describes some body; it names no institution
        for c in p.children[p.head[j]] if p.head[j] != j else ():
            ent = res.token_entity[c]
            if c < j and p.dep[c] in {"poss", "compound"} and ent is not None and ent.label == "GPE":
                levels[1].setdefault(fold_name(ent.name), f"{ent.name} {p.lower[j]}")  # "El Dorado's police chief"
    for names in levels:
        if names:
            return next(iter(names.values())) if len(names) == 1 else None
    return None


def _place_of_kind(a: Attributor, noun: str) -> str | None:
    """The one place of the kind ``noun`` (a :data:`~helpers.extract.cues.PLACE_NOUNS` word: "county",
    "city") the text names: a place whose name ends in the word ("Allegheny County") or that the text
    introduced with it ("the city of Calabasas"); None when there is none or more than one."""
    p, res = a.table, a.res
    names: dict[str, str] = {}
    for m in res.mentions:
        ent = m.entity
        if ent is None or not _is_place(ent) or ent.label == "NORP" or m.start in a.quoted:
            continue
        if ent.key[-1] == noun or (m.start >= 2 and p.lower[m.start - 1] == "of" and p.lemma[m.start - 2] == noun):
            names.setdefault(ent.entity_id, ent.name)
    return next(iter(names.values())) if len(names) == 1 else None


def _office_owner(a: Attributor, i: int) -> Speaker | None:
    """An office nobody in the text holds speaks for what it is the office of: a place or body named in
    its phrase ("the mayor of Tulsa", "Tulsa's mayor", "the Tulsa mayor" -> Tulsa, whatever label NER
    gave the name; "the president of Acme" -> Acme), else, for an office of
    a national government (:data:`~helpers.extract.cues.GOVERNMENT_ROLES`: "the prime minister"), the
    one government the article names (:func:`_place_institution`). A former holder speaks for no
    one. None otherwise."""
    p, res = a.table, a.res
    lefts = [c for c in p.children[i] if c < i]
    if any(p.lower[t] == "former" for c in lefts for t in range(p.left_edge(c), c + 1)):
        return None
    text = _np_text(p, i, with_prep=True)
    places = []
    for c in p.children[i]:
        if c == i + 1 and p.dep[c] == "prep" and p.lower[c] == "of":
            places += [g for g in p.children[c] if p.dep[g] == "pobj" and g not in a.quoted]
        elif c < i and p.dep[c] in {"poss", "compound", "nmod"} and c not in a.quoted:
            places.append(c)
    for t in places:
        ent = res.token_entity[t]
        if ent is not None and not ent.is_person and ent.label != "NORP" and all(
                res.token_entity[k] is ent or p.pos[k] in {"DET", "PART"} or p.is_punct[k]
                for k in range(p.left_edge(t), p.right_edge(t) + 1)):
            return a._entity_speaker(text, ent, "description")
    if p.lemma[i] not in GOVERNMENT_ROLES or not any(p.lower[c] == "the" for c in lefts):
        return None
    name = _place_institution(a, "government")
    return Speaker(text, name, None, "ORG", "description", kind="organisation") if name else None


def _rule_role(a: Attributor, i: int) -> Speaker | None:
    """"the president", "the Turkish president": the one person the article gave that role; among
    several, the most salient (uncertain). Never merely the person mentioned last."""
    p, res = a.table, a.res
    lemma = p.lemma[i]
    if p.pos[i] not in {"NOUN", "PROPN"} or p.tag[i] in {"NNS", "NNPS"}:
        return None
    if not is_people_noun(lemma) and not (p.pos[i] == "NOUN" and _is_bare_definite(p, i)):
        return None
    if not is_people_noun(lemma) and _is_org_noun(p, i):
        return None  # "the government" is the body, not "government official X" (her role has the word)
    # "his surviving father": a possessive pronoun or a participle describes, it names no other role
    mods = {p.lemma[t] for c in p.children[i] if c < i and p.dep[c] in {"compound", "amod", "nmod", "poss"}
            for t in range(p.left_edge(c), c + 1) if p.is_alpha[t] and p.tag[t] not in {"PRP$", "VBG", "VBN"}}
    holders = [e for e in res.entities if e.is_person and lemma in e.roles]
    if not holders and mods & _DISTINCT_ROLE_WORDS:
        # "the foreign minister" for "Foreign Secretary X": the distinctive word of the role agrees
        holders = [e for e in res.entities if e.is_person and mods <= e.roles]
    if not holders and lemma in TITLE_WORDS:
        owner = _office_owner(a, i)  # "according to the mayor of Tulsa", "the prime minister" nobody named
        if owner is not None:
            return owner
    if not holders:
        if (lemma in TITLE_WORDS or lemma in PEOPLE_NOUNS or lemma in ORG_NOUNS or lemma in PLACE_NOUNS
                or lemma in VOICE_CARRIERS or not _is_bare_definite(p, i)):
            return None  # an office nobody in the text holds ("the ambassador"), or no person at all
        # An epithet ("the clown", "the 45-year-old") for the one person the text is about.
        person = a.salience.top_person(i, clear_only=True)
        return a._entity_speaker(_np_text(p, i), person, "description", uncertain=True) if person else None
    # "the governor" is not the deputy governor: a qualified role answers only when asked for
    plain = [e for e in holders if not (e.roles & _ROLE_QUALIFIERS) or mods & _ROLE_QUALIFIERS]
    holders = plain or holders
    narrowed = [e for e in holders if mods <= e.roles]
    if narrowed:
        holders = narrowed
    elif mods - _place_words(a, i):
        return None  # "the First Minister" is not the Prime Minister: a role word nobody has
    text = _np_text(p, i)
    if len(holders) == 1:
        return a._entity_speaker(text, holders[0], "description")
    best = a.salience.top_among(i, holders)
    return a._entity_speaker(text, best, "description", uncertain=True) if best is not None else None


def _place_words(a: Attributor, i: int) -> set[str]:
    """Lemmas of the names of places and bodies in front of token ``i`` ("Springfield's governor",
    "the NATO chief"): they locate a role rather than name another one. A nationality does name
    another one: "the Elbonian president" is not the Ruritanian president."""
    p, res = a.table, a.res
    out = set()
    for t in range(p.left_edge(i), i):
        ent = res.token_entity[t]
        if ent is not None and not ent.is_person and ent.label != "NORP":
            out.add(p.lemma[t])
    return out


def _rule_label(a: Attributor, i: int) -> Speaker | None:
    """People or an organisation the text does not name ("officials", "an eyewitness", "police"),
    or a name NER missed: an unnamed speaker, labelled with the phrase."""
    p = a.table
    lemma = p.lemma[i]
    text = _np_text(p, i)
    if lemma in MEDIA_NOUNS or p.lower[i] in MEDIA_NOUNS:
        return Speaker(text, _strip_det(text), None, "ORG", "syntax", kind="publication")  # "state media"
    if _is_org_noun(p, i):
        if _of_a_place(a, i):
            text = _np_text(p, i, with_prep=True)  # "the government of Velmaria", "the embassy in Velmar"
        label = _strip_det(text)
        return Speaker(text, label, None, "ORG", "syntax", kind="unnamed" if is_bare_body_noun(label) else "organisation")
    if p.pos[i] == "PROPN" or (p.pos[i] == "NOUN" and is_people_noun(lemma)) or p.lower[i] in _QUANTIFIERS or (
            p.pos[i] == "NUM" and p.dep[i] in {"nsubj", "nsubjpass"}):
        return Speaker(text, _strip_det(text), None, "UNKNOWN", "syntax")  # "several said", "two said"
    return None


def _of_a_place(a: Attributor, i: int) -> bool:
    """Whether the body noun at ``i`` is followed by "of" or "in" and a name that is no person's ("the
    government of Velmaria", "the embassy in Velmar"): the name tells which body it is."""
    p, res = a.table, a.res
    prep = next((c for c in p.children[i] if c == i + 1 and p.dep[c] == "prep" and p.lower[c] in {"of", "in"}), None)
    obj = next((g for g in p.children[prep] if p.dep[g] == "pobj"), None) if prep is not None else None
    ent = res.token_entity[obj] if obj is not None and obj not in a.quoted else None
    if ent is None or ent.is_person:
        return False  # a place, also one NER took for an organisation ("American Samoa" tagged ORG)
    # the phrase is the place's name alone ("of the United States"), not "of Velmaria's north"
    return all(res.token_entity[t] is ent or p.lower[t] == "the" for t in range(prep + 1, p.right_edge(prep) + 1))


#: How a speaker's noun phrase is resolved: named rules, tried in order (see the module docstring).
SPEAKER_RULES: tuple[tuple[str, Callable[[Attributor, int], Speaker | None]], ...] = (
    ("excluded", _rule_excluded),
    ("relative", _rule_relative),
    ("coordination", _rule_coordination),
    ("place group", _rule_place_group),
    ("personal pronoun", _rule_personal_pronoun),
    ("plural pronoun", _rule_plural_pronoun),
    ("generic", _rule_generic),
    ("misread document", _rule_misread_document),
    ("name", _rule_name),
    ("family", _rule_family),
    ("member", _rule_member),
    ("spokesperson", _rule_spokesperson),
    ("last speaker's epithet", _rule_last_speaker_epithet),
    ("official voice", _rule_official_voice),
    ("study team", _rule_study_team),
    ("law", _rule_law),
    ("look through", _rule_look_through),
    ("group noun", _rule_group_noun),
    ("organisation", _rule_organisation),
    ("named body", _rule_named_body),
    ("role", _rule_role),
    ("label", _rule_label),
)


# -- pronouns -----------------------------------------------------------------------------------

#: How much a mention makes its person salient, by its grammatical role: a subject or the agent of
#: a passive counts most, a possessive of a subject next (named only), an object less, anything
#: else least; a pronoun counts less than a name, and the speaker of a cue a little more.
ROLE_WEIGHTS = {"subject": 4.0, "possessive of subject": 3.0, "object": 2.0, "other": 1.0}
SPEAKER_BONUS = 1.0
PRONOUN_FACTOR = 0.75

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f",
    "lady": "f", "queen": "f", "princess": "f", "sister": "f",
}


class Salience:
    """"he"/"she" resolved by salience (see the module docstring). Build once per Doc: ``quoted``
    are the token indexes inside quotations (names there are no mentions, pronouns not resolved)."""

    def __init__(self, p: TokenTable, res: Resolution, quoted: frozenset[int] = frozenset()) -> None:
        self.res = res
        self.resolved: dict[int, Entity] = {}
        self.uncertain: set[int] = set()
        lower, dep, head = p.lower, p.dep, p.head
        self.sent_paragraph = [res.token_paragraph[s[0]] for s in p.sents]
        self.contrib: list[list[tuple[int, Entity, float]]] = []  # per sentence: (token, entity, weight)
        self.gender: dict[int, str] = {}  # id(entity) -> "m" or "f": titles, roles, clear pronoun links
        for m in res.mentions:
            if m.entity is not None and m.entity.is_person:
                g = _title_gender(p, m.start)
                if g:
                    self.gender.setdefault(id(m.entity), g)
        for ent in res.entities:
            if ent.is_person and id(ent) not in self.gender:
                female, male = bool(ent.roles & FEMALE_NOUNS), bool(ent.roles & MALE_NOUNS)
                if female != male:
                    self.gender[id(ent)] = "f" if female else "m"
        # Only names and third-person pronouns matter: visit those tokens, sentence by sentence.
        token_entity = res.token_entity
        by_sentence: list[list[int]] = [[] for _ in p.sents]
        for i, (ent, low) in enumerate(zip(token_entity, lower)):
            if ent is not None or low in _PRONOUN_GENDER:
                by_sentence[res.token_sentence[i]].append(i)
        # Unnamed people as subjects ("One of the victims decided ...", "a police officer said"):
        # stand-ins that a later "she"/"he" may refer to; such a pronoun stays unnamed.
        self.unnamed: set[int] = set()
        role_words = {w for e in res.entities if e.is_person for w in e.roles}
        stand_in: dict[int, Entity] = {}
        for i in range(len(p)):
            if dep[i] in {"nsubj", "nsubjpass"} and i not in quoted and token_entity[i] is None:
                g = _unnamed_person(p, res, i, role_words)
                if g is not None:
                    label = _strip_det(_np_text(p, i, with_prep=p.lower[i] == "one"))
                    ent = stand_in[i] = Entity(key=("",), name=label, is_person=True)
                    self.unnamed.add(id(ent))
                    if g in {"m", "f"}:
                        self.gender[id(ent)] = g
                    by_sentence[res.token_sentence[i]].append(i)
        for indexes in by_sentence:
            indexes.sort()
        for si, indexes in enumerate(by_sentence):
            items: list[tuple[int, Entity, float]] = []
            seen_mentions = set()
            for i in indexes:
                ent = token_entity[i]
                if i in stand_in:
                    items.append((i, stand_in[i], _role_weight(p, i, named=True)))
                elif ent is not None:
                    if not ent.is_person or id(ent) in seen_mentions and dep[i] == "compound":
                        continue
                    if dep[i] == "compound" and token_entity[head[i]] is ent:
                        continue
                    if i in quoted:
                        # A name inside a quotation is the speaker's topic, not the narrator's:
                        # '"... and that's Tom Berg," he said' is not Berg speaking.
                        continue
                    items.append((i, ent, _role_weight(p, i, named=True)))
                    seen_mentions.add(id(ent))
                elif i not in quoted and (lower[i] in PERSON_PRONOUNS or lower[i] in {"his", "hers"} or (
                        lower[i] == "her" and dep[i] == "poss")):
                    owner = _coordinated_owner(p, res, i)
                    if owner is None:
                        owner = _reporter(p, res, i, quoted)
                        g = _PRONOUN_GENDER.get(lower[i])
                        if owner is not None and g is not None and self.gender.get(id(owner), g) != g:
                            owner = None
                    # only "he"/"she" teach a gender: a possessive is too often someone else's
                    found = (owner, True) if owner is not None else self._resolve(
                        si, i, items, gender=_PRONOUN_GENDER.get(lower[i]), learn=lower[i] in {"he", "she"})
                    if found is not None:
                        ent, sure = found
                        self.resolved[i] = ent
                        if not sure:
                            self.uncertain.add(i)
                        items.append((i, ent, _role_weight(p, i, named=False)))
            self.contrib.append(items)

    def entity_for(self, i: int) -> Entity | None:
        """The person entity the third-person pronoun at token ``i`` refers to, or None (also when
        it refers to a person the text does not name: "One of the victims said she ...")."""
        ent = self.resolved.get(i)
        return None if ent is None or id(ent) in self.unnamed else ent

    def unnamed_for(self, i: int) -> str | None:
        """The label of the unnamed person the pronoun at token ``i`` refers to ("One of the
        victims", "police officer"), or None."""
        ent = self.resolved.get(i)
        return ent.name if ent is not None and id(ent) in self.unnamed else None

    def is_uncertain(self, i: int) -> bool:
        """Whether the pronoun at token ``i`` was resolved by a guess: its referent last named more
        than :data:`NEAR_SENTENCES` back, or a second candidate close behind."""
        return i in self.uncertain

    def top_person(self, i: int, max_back: int = 2, clear_only: bool = False) -> Entity | None:
        """The most salient person just before token ``i`` (within ``max_back`` sentences), or None
        (also when ``clear_only`` and a second person is close behind)."""
        si = self.res.token_sentence[i]
        items = [x for x in self.contrib[si] if x[0] < i]
        found = self._resolve(si, i, items, max_back=max_back)
        if found is None or (clear_only and not found[1]) or id(found[0]) in self.unnamed:
            return None
        return found[0]

    def top_among(self, i: int, candidates: list[Entity]) -> Entity | None:
        """The most salient of ``candidates`` before token ``i`` (the one named last when none is
        salient any more)."""
        si = self.res.token_sentence[i]
        items = [x for x in self.contrib[si] if x[0] < i]
        found = self._resolve(si, i, items, allowed={id(e) for e in candidates})
        if found is not None:
            return found[0]
        last = None
        for m in self.res.mentions:
            if m.start >= i:
                break
            if any(m.entity is e for e in candidates):
                last = m.entity
        return last

    def _resolve(self, si: int, i: int, items_so_far: list, max_back: int = PRONOUN_LOOKBACK,
                 gender: str | None = None, allowed: set[int] | None = None,
                 learn: bool = False) -> tuple[Entity, bool] | None:
        """``(entity, sure)`` for a pronoun at token ``i`` of sentence ``si``, or None."""
        scores: dict[int, float] = {}
        ents: dict[int, Entity] = {}
        last_seen: dict[int, int] = {}
        for ti, ent, w in items_so_far:
            if ti < i:
                scores[id(ent)] = scores.get(id(ent), 0.0) + w
                ents[id(ent)] = ent
                last_seen[id(ent)] = si
        factor = 1.0
        for back in range(1, max_back + 1):
            sj = si - back
            if sj < 0:
                break
            factor *= SALIENCE_DECAY
            if self.sent_paragraph[sj] != self.sent_paragraph[sj + 1]:
                factor *= PARAGRAPH_DECAY
            for _, ent, w in self.contrib[sj]:
                scores[id(ent)] = scores.get(id(ent), 0.0) + w * factor
                ents[id(ent)] = ent
                last_seen.setdefault(id(ent), sj)
        if gender is not None:
            scores = {k: v for k, v in scores.items() if self.gender.get(k, gender) == gender}
        if allowed is not None:
            scores = {k: v for k, v in scores.items() if k in allowed}
        if not scores:
            return None
        ranked = sorted(scores, key=scores.get, reverse=True)
        best = ranked[0]
        if scores[best] <= MIN_SALIENCE:
            return None
        clear = len(ranked) == 1 or scores[best] >= CLEAR_MARGIN * scores[ranked[1]]
        if gender is not None and clear and learn:
            self.gender.setdefault(best, gender)
        near = si - last_seen.get(best, si) <= NEAR_SENTENCES
        return ents[best], clear and near


def _unnamed_person(p: TokenTable, res: Resolution, i: int, role_words: set[str]) -> str | None:
    """For a subject at token ``i`` that is one person the text does not name ("a police officer",
    "One of the victims"): its gender ("m", "f") or "" when unknown; else None. Not a role a named
    person holds ("the mayor": the role rule names her), not a spokesperson (who speaks for a
    body), not a phrase with a name in it."""
    lemma = p.lemma[i]
    if p.lower[i] == "one" and p.pos[i] in {"NUM", "PRON"}:
        of = next((c for c in p.children[i] if p.lower[c] == "of"), None)
        obj = next((g for g in p.children[of] if p.dep[g] == "pobj"), None) if of is not None else None
        if obj is None or p.pos[obj] != "NOUN" or not is_people_noun(p.lemma[obj]) or res.token_entity[obj] is not None:
            return None
        return ""
    if p.pos[i] != "NOUN" or p.tag[i] != "NN" or not is_people_noun(lemma) or lemma in role_words:
        return None
    if lemma in SPOKESPERSON_NOUNS or p.lower[i] in SPOKESPERSON_NOUNS or lemma in ORG_NOUNS:
        return None
    if any(res.token_entity[t] is not None for t in range(p.left_edge(i), p.right_edge(i) + 1)):
        return None
    return "f" if lemma in FEMALE_NOUNS else "m" if lemma in MALE_NOUNS else ""


def _coordinated_owner(p: TokenTable, res: Resolution, i: int) -> Entity | None:
    """The person a possessive in "X and his team" belongs to: X, named right before the
    coordination (not the subject of the sentence)."""
    if p.dep[i] != "poss":
        return None
    h = p.head[i]
    if p.dep[h] != "conj":
        return None
    ent = res.token_entity[p.head[h]]
    return ent if ent is not None and ent.is_person else None


def _reporter(p: TokenTable, res: Resolution, i: int, quoted: frozenset[int]) -> Entity | None:
    """The person who reports the clause a pronoun at ``i`` is the subject of ("Tom Berg wrote he had
    ordered checks", "X told reporters that she was resigning"): a speaker mostly speaks of herself;
    the person named as the subject of the speech verb, or None."""
    if p.dep[i] not in {"nsubj", "nsubjpass"}:
        return None
    v = p.head[i]
    if p.dep[v] != "ccomp":
        return None
    h = p.head[v]
    if p.pos[h] != "VERB" or p.lemma[h] not in SPEECH_LEMMAS or h in quoted:
        return None
    s = next((c for c in p.children[h] if p.dep[c] == "nsubj" and c < i), None)
    ent = res.token_entity[s] if s is not None and s not in quoted else None
    return ent if ent is not None and ent.is_person else None


def _title_gender(p: TokenTable, start: int) -> str | None:
    """Gender given by a title right before (or opening) a mention: "Mr.", "Ms", "Queen"."""
    for i in (start, start - 1):
        if 0 <= i < len(p):
            g = _TITLE_GENDER.get(p.lower[i])
            if g:
                return g
    return None


def _role_weight(p: TokenTable, i: int, named: bool) -> float:
    """How much a mention at token ``i`` makes its person salient (see :data:`ROLE_WEIGHTS`)."""
    dep, head = p.dep, p.head
    # A name inside an apposition or a compound takes the role of the noun it hangs on.
    while dep[i] in {"appos", "compound", "flat"} and head[i] != i:
        i = head[i]
    d = dep[i]
    if d in {"nsubj", "nsubjpass"} or (d == "pobj" and dep[head[i]] == "agent"):
        w = ROLE_WEIGHTS["subject"]
    elif d == "poss":
        w = ROLE_WEIGHTS["possessive of subject"] if dep[head[i]] in {"nsubj", "nsubjpass"} and named \
            else ROLE_WEIGHTS["other"]
    elif d in {"dobj", "dative", "attr", "oprd"}:
        w = ROLE_WEIGHTS["object"]
    else:
        w = ROLE_WEIGHTS["other"]
    if d in {"nsubj", "nsubjpass"} and is_speech_cue(p, head[i]):
        w += SPEAKER_BONUS
    if not named and d != "poss":
        w *= PRONOUN_FACTOR
    return w


# -- small helpers --------------------------------------------------------------------------------


def speaker_from_name(text: str, tokens: range, res: Resolution) -> Speaker:
    """Speaker for a bare name (a dash or colon attribution) over the token indexes ``tokens``: the
    person among them, else the last entity ("Press Secretary Ana Ruiz" -> Ana Ruiz), else the text."""
    ents = [res.token_entity[i] for i in tokens if res.token_entity[i] is not None]
    if ents:
        ent = next((e for e in ents if e.is_person), ents[-1])
        if ent.is_person:
            return Speaker(text, ent.name, ent.entity_id, "PERSON", "dash", ent)
        label = ent.label
        stype = label if label in {"ORG", "GPE"} else ("GPE" if label in {"LOC", "NORP"} else "ORG")
        return Speaker(text, ent.name, ent.entity_id, stype, "dash", ent,
                       kind="publication" if _is_publication(ent) else "organisation")
    return Speaker(text, text, None, "UNKNOWN", "dash")


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


def _is_org_noun(p: TokenTable, i: int) -> bool:
    """A common noun for an organisation: "ministry", "police", "embassy", "research team"."""
    return p.lemma[i] in ORG_NOUNS or p.lower[i] in ORG_NOUNS or p.lemma[i] in INSTITUTION_NOUNS


def _is_bare_definite(p: TokenTable, i: int) -> bool:
    """"the clown", "the tall clown": a definite noun with nothing but adjectives, no complement."""
    lefts = [c for c in p.children[i] if c < i]
    if not lefts or p.lower[lefts[0]] != "the":
        return False
    return all(p.dep[c] in {"det", "amod"} for c in lefts) and not any(
        p.dep[c] in {"prep", "relcl", "acl"} for c in p.children[i] if c > i)


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _fold_word(word: str) -> str:
    return fold_name(word)

"""Word lists the quote engine reads: speech cues, thought verbs, titles and name particles.

Everything here is a plain, general lexicon of English news writing (no names from any article).
The lists are frozensets of lower-case lemmas or words so that lookups cost one hash each.

- :data:`SPEECH_LEMMAS` - verbs that report speech ("said", "told", "warned", "added", ...).
- :data:`CLAUSE_ONLY_LEMMAS` - verbs that report speech only with a clause ("agrees that ...").
- :data:`DATA_SOURCES`, :data:`NON_SPEAKER_PRONOUNS` - subjects that make a cue no statement ("polls
  indicate", "this implies").
- :data:`FRAGMENT_LEMMAS` - verbs that attribute a quoted fragment but never a reported clause on
  their own ("called the plan "a disaster"", "criticized the "low" effectiveness").
- :data:`APPEAL_LEMMAS` - verbs whose object and infinitive are reported ("urged X to ...").
- :data:`HEARER_LEMMAS` - speech verbs whose object is the hearer ("told reporters ...").
- :data:`QUOTE_ONLY_LEMMAS` - verbs that attribute a quotation only ("...," he continued).
- :data:`THOUGHT_LEMMAS` - thought and stance verbs: never speech ("thinks", "expects", "doubts").
- :data:`TITLE_WORDS` - titles and roles stripped from names ("President", "Secretary-General").
- :data:`NAME_PARTICLES` - lower-case particles inside surnames ("de", "van", "bin").
- :data:`ORG_NOUNS` - common nouns that make a speaker an organisation ("authorities", "police").
- :data:`GENERIC_SPEAKERS` - heads that name nobody in particular ("people", "some", "many").
"""

from __future__ import annotations

__all__ = [
    "SPEECH_LEMMAS", "QUOTE_ONLY_LEMMAS", "DOCUMENT_NOUNS", "CLAUSE_ONLY_LEMMAS", "FRAGMENT_LEMMAS",
    "THOUGHT_LEMMAS", "CUE_PARTICLES", "TITLE_WORDS", "PERSONAL_TITLES", "NAME_PARTICLES", "ORG_NOUNS",
    "GENERIC_SPEAKERS", "PERSON_PRONOUNS", "PLURAL_PRONOUNS", "FIRST_PERSON", "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
]

SPEECH_LEMMAS = frozenset(
    """
    say tell add stress warn insist explain ask reply respond concede note claim state announce
    declare confirm deny admit argue assert acknowledge report write comment remark observe
    emphasize emphasise reiterate repeat mention predict promise vow pledge urge caution complain
    contend recall recount testify tweet shout scream yell whisper exclaim answer quip joke
    boast lament allege maintain conclude charge accuse suggest point inform reveal disclose
    underline underscore affirm reaffirm hint retort counter snap cry plead demand order instruct advise tout
    complain grumble mutter murmur sigh laugh chant proclaim rule brief propose request
    invite recommend appeal implore encourage exhort
    """.split()
)

# Verbs that attribute a quotation but report no clause ("...," he continued / laughed).
QUOTE_ONLY_LEMMAS = frozenset("continue laugh sigh smile shrug grin nod reflect muse begin post read".split())

# Nouns for documents and records: "the memo said" is the memo, never a person just named.
DOCUMENT_NOUNS = frozenset(
    """
    report memo memorandum statement letter study document paper survey poll analysis filing
    complaint lawsuit suit indictment ruling order email e-mail note post tweet video book article
    website site message agreement plan proposal bill law draft data figures record records
    transcript affidavit release announcement notice warning decision verdict judgment review
    audit investigation inquiry probe footage recording interview
    """.split()
)

# Report verbs that report speech only with a clause: "estimated [200 people came]", never
# "estimated the cost".
CLAUSE_ONLY_LEMMAS = frozenset("agree disagree estimate indicate imply deem".split())

# Sources that are data, not speakers, whoever published them: "estimates show", "according to a
# poll by the paper", "reports indicate" (words as written, lower-case).
DATA_SOURCES = frozenset(
    """
    data estimate estimates poll polls polling survey surveys figure figures statistic statistics
    record records census count counts tally projection projections forecast forecasts model models
    study studies research analysis analyses evidence finding findings result results reports
    """.split()
)
# Subjects that name no speaker: demonstratives ("this implies ...") and the second person
# (an interviewer's "you said ...").
NON_SPEAKER_PRONOUNS = frozenset("this that these those you".split())

# Appeals: speech verbs that report an object and an infinitive ("called on the council to
# publish ...", "urged residents to leave"); orders and requests to one person ("asked him to
# wait", "ordered his staff to delay") are actions, not reported statements.
APPEAL_LEMMAS = frozenset("call urge invite advise recommend appeal implore encourage request exhort".split())

# Speech verbs whose object is the hearer, not what was said ("told reporters the plan ...").
HEARER_LEMMAS = frozenset(
    "tell inform ask warn remind assure reassure notify brief advise urge order instruct caution".split())

FRAGMENT_LEMMAS = frozenset(
    "call describe dub label term brand criticize criticise praise hail denounce condemn dismiss decry "
    "deride mock thank congratulate applaud commend characterize characterise portray slam blast".split()
)

THOUGHT_LEMMAS = frozenset(
    """
    think believe expect doubt hope fear feel know consider wonder suspect assume imagine guess
    suppose reckon dream wish want realize realise understand remember forget worry decide
    """.split()
)

# "called on X to ...", "called for ..." keep their particle in the cue text.
CUE_PARTICLES = frozenset("on for out".split())

TITLE_WORDS = frozenset(
    """
    president vice vice-president prime minister secretary secretary-general general gen gen.
    chancellor premier foreign defense defence interior finance deputy chief head director
    spokesman spokeswoman spokesperson ambassador envoy senator sen sen. representative rep rep.
    governor gov gov. mayor judge justice king queen prince princess pope bishop archbishop
    cardinal father rev rev. reverend sheikh ayatollah dr dr. doctor professor prof prof. mr mr.
    mrs mrs. ms ms. miss sir dame lord lady captain capt capt. colonel col col. lieutenant lt lt.
    major maj maj. sergeant sgt sgt. officer commander admiral marshal detective inspector
    constable chairman chairwoman chair ceo executive leader commissioner attorney
    attorney-general speaker minister-president first former acting interim late the a an
    """.split()
)

# Titles that only ever precede a person's name ("Sergeant Mary Doyle" is a person whatever NER says).
PERSONAL_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame president senator sen. governor gov. mayor judge
    sergeant sgt sgt. officer detective inspector constable captain capt. colonel col. lieutenant
    lt. professor prof. chancellor premier ambassador minister secretary-general pope bishop
    rev. reverend father sister brother sheikh ayatollah rabbi imam coach
    """.split()
)

NAME_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten".split())

ORG_NOUNS = frozenset(
    """
    authorities authority police government ministry department agency office council committee
    commission company firm court tribunal army military party union administration parliament
    congress senate board bank organization organisation institute group alliance officials
    spokesman spokeswoman spokesperson statement prosecutors prosecutor regulator watchdog
    newspaper agency
    """.split()
)

GENERIC_SPEAKERS = frozenset(
    "people some many others someone somebody anyone anybody everyone everybody nobody one they".split()
)

PERSON_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them".split())
FIRST_PERSON = frozenset("i me we us my our mine ours myself ourselves".split())

# Common first names whose gender is near-certain, so that "she" does not go to a man named just
# before. Deliberately short: unknown names simply carry no gender, and a gender learnt from the
# text itself (a title, a clear pronoun) takes over.
FEMALE_FIRST_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca sharon laura cynthia kathleen amy angela anna helen emma olivia sophie maria ana
    marie julia claire catherine katherine anne angela angelina natalia natalya olga irina
    svetlana elena tatiana yulia ekaterina fatima aisha priya sunita yuki mei ling hannah
    rachel ruth sara christine nicole heather diana victoria theresa ursula ingrid greta
    marine segolene hillary theresa nicola jacinda kamala giorgia mette sanna kaja ruth
    """.split()
)
MALE_FIRST_NAMES = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory alexander patrick peter jack dennis jerry
    tyler aaron henry adam douglas nathan zachary kyle walter harold carl arthur roger
    vladimir sergei sergey dmitry dmitri viktor victor igor ivan alexei alexey mikhail nikolai
    boris yuri oleg andrei pavel mohammed muhammad ahmed ali hassan omar mahmoud abdullah
    jean pierre jacques francois emmanuel nicolas olaf angela-not hans klaus wolfgang jurgen
    carlos jose juan luis miguel antonio jorge pedro giuseppe marco luca giovanni xi li wei
    hiroshi takeshi kim raj rahul amit narendra joe barack bill tony boris rishi keir justin
    jaap javier pedro recep benjamin volodymyr
    """.split()
) - {"angela-not"}

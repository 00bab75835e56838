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
- :data:`AS_FRAME_LEMMAS`, :data:`OBJECT_FRAME_LEMMAS` - verbs that are no speech cue, except that
  they attribute a quoted fragment they frame ("referred to them as "...", "attacked the "..."").
- :data:`QUESTION_LEMMAS` - speech verbs whose clause is a question, never a statement ("asked why").
- :data:`CARRIER_EVENT_NOUNS`, :data:`ISSUE_LEMMAS` - events that carry words like a document ("a press
  conference claiming"), and the verbs that make one someone's ("held", "issued", "signed").
- :data:`HEARER_LEMMAS` - speech verbs whose object is the hearer ("told reporters ...").
- :data:`QUOTE_ONLY_LEMMAS` - verbs that attribute a quotation only ("...," he continued).
- :data:`FINDING_LEMMAS` - speech verbs whose reported clause is a finding ("they observed that ..."): a
  quotation only.
- :data:`THOUGHT_LEMMAS` - thought and stance verbs: never speech ("thinks", "expects", "doubts").
- :data:`TITLE_WORDS` - titles and roles stripped from names ("President", "Secretary-General").
- :data:`NAME_PARTICLES` - lower-case particles inside surnames ("de", "van", "bin").
- At the end, the lists of who a speaker is and how names are cleaned (:data:`PEOPLE_NOUNS`,
  :data:`VOICE_CARRIERS`, :data:`SPOKESPERSON_NOUNS`, :data:`INSTITUTION_NOUNS`, :data:`MEDIA_NOUNS`,
  gendered nouns, day names, regnal titles). A person's gender comes from the text (titles, gendered
  roles, pronouns), never from a list of first names.
- :data:`ORG_NOUNS` - common nouns that make a speaker an organisation ("authorities", "police").
- :data:`GENERIC_SPEAKERS` - heads that name nobody in particular ("people", "some", "many").
"""

from __future__ import annotations

__all__ = [
    "SPEECH_LEMMAS", "QUOTE_ONLY_LEMMAS", "FINDING_LEMMAS", "CONJECTURE_NOUNS", "DOCUMENT_NOUNS", "CLAUSE_ONLY_LEMMAS", "FRAGMENT_LEMMAS",
    "THOUGHT_LEMMAS", "CUE_PARTICLES", "TITLE_WORDS", "PERSONAL_TITLES", "NAME_PARTICLES", "ORG_NOUNS",
    "GENERIC_SPEAKERS", "PERSON_PRONOUNS", "PLURAL_PRONOUNS", "FIRST_PERSON", "DATA_SOURCES", "DATA_PRODUCT_NOUNS", "STUDY_STATEMENT_LEMMAS", "RULING_NOUNS", "RULING_PARTICIPLES",
    "NON_SPEAKER_PRONOUNS", "APPEAL_LEMMAS", "HEARER_LEMMAS", "TELLING_LEMMAS", "AS_FRAME_LEMMAS",
    "OBJECT_FRAME_LEMMAS", "QUESTION_LEMMAS", "CARRIER_EVENT_NOUNS", "ISSUE_LEMMAS", "ORDER_LEMMAS",
    "PARTITIVE_WORDS", "RULING_LEMMAS", "JUDICIAL_NOUNS", "PERSONAL_REQUEST_LEMMAS", "SPEECH_NOUNS", "REQUEST_LEMMAS",
    # the speakers slice's block (end of the module)
    "DAY_NAMES", "REGNAL_TITLES", "PEOPLE_NOUNS", "FEMALE_NOUNS", "MALE_NOUNS", "VOICE_CARRIERS",
    "SPOKESPERSON_NOUNS", "MEDIA_NAME_WORDS", "MEDIA_NOUNS", "INSTITUTION_NOUNS", "PLACE_NOUNS",
    "OFFICE_TITLES", "POST_NOMINALS", "CORPORATE_DESIGNATORS", "OUTSIDER_NOUNS", "CREDIT_WORDS",
    "BODY_VOICE_NOUNS", "KIN_GROUPS", "LAW_NOUNS", "ORG_NAME_HEADS", "NOT_ORG_NAME_HEADS", "RESEARCHER_ROLES", "RESEARCHER_NOUNS", "RESEARCH_NOUNS", "SCIENTIST_ENDINGS", "TEAM_NOUNS",
    "COLLECTIVE_PEOPLE_NOUNS", "PERSONAL_BODY_NOUNS", "NAME_SUFFIXES", "GOVERNMENT_ROLES",
    "BODY_ANAPHORS", "PUBLIC_BODY_WORDS", "OUTLET_NAME_WORDS",
    # the unseen-news block (end of the module)
    "JOURNALISM_NOUNS", "WORK_NOUNS", "TITLING_WORDS", "NAMING_NOUNS", "MEDIUM_NOUNS", "TEXT_PLACE_LEMMAS",
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
    invite recommend appeal implore exhort clarify assure reassure remind
    """.split()
)

# Verbs that attribute a quotation but report no clause ("...," he continued / laughed).
QUOTE_ONLY_LEMMAS = frozenset("continue laugh sigh smile shrug grin nod reflect muse begin post read".split())
# Verbs of finding among the speech verbs: they attribute a quotation ('"...," she observed') but the
# clause they report ("they observed that the flies hovered ...") is a finding, a data source, not a
# statement (the annotation conventions of the dev sets: "they observed", "found", "results showed").
FINDING_LEMMAS = frozenset("observe".split())

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

# Report verbs that report speech only with a clause: "estimated [200 people came]", "the law specifies
# [that judges serve for life]", "they reasoned [the birds were wild]", "sharing [that all makers
# had their own technique]", never "estimated the cost", "shared a photo".
CLAUSE_ONLY_LEMMAS = frozenset("agree disagree estimate indicate imply deem specify stipulate reason share".split())

# Sources that are data, not speakers, whoever published them: "estimates show", "according to a
# poll by the paper", "reports indicate" (words as written, lower-case).
DATA_SOURCES = frozenset(
    """
    data estimate estimates poll polls polling survey surveys figure figures statistic statistics
    record records census count counts tally projection projections forecast forecasts model models
    study studies research analysis analyses evidence finding findings result results reports
    work fact facts
    """.split()
)
# What a study with no named author states as an unnamed source ("one study noted ...", "the study says
# ..."): verbs of stating (the dev3 and dev10 conventions); "suggests", "shows", "finds" stay data.
STUDY_STATEMENT_LEMMAS = frozenset("say note state conclude argue warn report write".split())
# Data products, data even when named: "according to the Canadian Public Health Infobase", "the
# Johns Hopkins COVID-19 Dashboard shows" (the head word of the name, lower-case).
DATA_PRODUCT_NOUNS = frozenset("database databases infobase dataset datasets dashboard dashboards".split())
# Conjectures, not statements: "according to the hypothesis, the microbes grew ..." reports no one's
# words (the dev sets leave "hypothesized" and "speculated" out).
CONJECTURE_NOUNS = frozenset("hypothesis hypotheses theory theories speculation conjecture assumption premise".split())
# Subjects that name no speaker: demonstratives ("this implies ...") and the second person
# (an interviewer's "you said ...").
NON_SPEAKER_PRONOUNS = frozenset("this that these those you".split())

# Appeals: speech verbs that report an object and an infinitive ("called on the council to
# publish ...", "urged residents to leave"); orders and requests to one person ("asked him to
# wait", "ordered his staff to delay") are actions, not reported statements.
APPEAL_LEMMAS = frozenset("call urge invite advise recommend appeal implore request exhort".split())
# Appeals that are actions when their object is one person: an invitation or a nomination ("invited
# him to join", "recommended X to be his successor"), no statement reported; to a group ("invited both
# sides to resume talks") they stay appeals. ("advised her to leave" is advice: a statement.)
PERSONAL_REQUEST_LEMMAS = frozenset("invite recommend".split())
# Orders: their clause is what must happen, not what the speaker states ("ordered the flags be
# lowered", "instructed that the files be sealed"): they report no clause (they still attribute a
# quotation).
ORDER_LEMMAS = frozenset("order instruct command".split())
# Requests and demands: with a subjunctive clause ("requested the butterflies be protected", "demanded
# the minister resign", "recommended residents avoid the river") they say what must happen, like an
# order, and report no statement (the dev3, dev9 and dev10 conventions); with an infinitive they stay
# appeals ("requested residents to stay home", "urged people to stay home").
REQUEST_LEMMAS = ORDER_LEMMAS | frozenset("request demand require recommend urge advise".split())
# Words that take a part of a group ("one of the residents", "some of the protesters").
PARTITIVE_WORDS = frozenset("one some many several most few all both each none".split())

# Verbs that name or judge rather than speak: a cue only for a quoted fragment they frame, never for
# a clause and never a speech event of their own. With "as" ("referred to the crowd as "...",
# "regarded the debate as "...", "introduced herself as "...""): the fragment is the "as" phrase.
AS_FRAME_LEMMAS = frozenset("refer regard introduce".split())
# With the fragment as their object or complement ("professed himself "...", "attacked the "...",
# "cited the government's "..." as his motivation"); "attack" and "cite" only when a person does it
# (not "troops attacked the "safe zone"").
OBJECT_FRAME_LEMMAS = frozenset("profess attack assail cite".split())

# Verbs by which a court rules ("the court found that ...", "the judges held ...", "the justices
# decided ..."): a report of the ruling with a court, a judge or a tribunal for subject only (anyone
# else who "found" or "decided" something thinks or acts).
RULING_LEMMAS = frozenset("find hold decide determine".split())
JUDICIAL_NOUNS = frozenset("court courts judge judges justices tribunal".split())

# Speech verbs whose clause is a question, not a statement ("asked why ...", "asked if ..."):
# they attribute a quotation ('"Why?" she asked') but report no clause.
QUESTION_LEMMAS = frozenset("ask inquire enquire query".split())

# Nouns for spoken or written words themselves (not records, data or documents): "according to official
# statements" reports someone's words, "according to court documents" a record; "issued a statement that
# ..." reports the statement's clause.
SPEECH_NOUNS = frozenset(
    "statement account remark comment announcement testimony claim allegation briefing warning message notice "
    "assurance pledge promise declaration denial admission".split())

# Events that carry someone's words the way a document does: "held a press conference claiming ...".
CARRIER_EVENT_NOUNS = frozenset("conference briefing speech address rally hearing event appearance".split())
# Verbs by which someone makes a document or an event theirs ("issued a statement saying", "held a
# conference claiming"); "criticised a report alleging" is not one: the critic did not allege.
ISSUE_LEMMAS = frozenset("hold give issue release publish post write sign file send deliver make submit put".split())
# A court's or a judge's written decision: issued with a clause of its own, or with a participle that states
# it ("issued a ruling finding that ...", "handed down a decision holding that ..."), it is a statement of
# whoever issued it (the dev10 convention: "issued a ruling ... finding that ..." -> the judge).
RULING_NOUNS = frozenset("ruling decision judgment judgement opinion verdict".split())
RULING_PARTICIPLES = frozenset("finding holding saying stating declaring concluding ruling".split())

# Speech verbs whose object is the hearer, not what was said ("told reporters the plan ...").
HEARER_LEMMAS = frozenset(
    "tell inform ask warn remind assure reassure notify brief advise urge order instruct caution".split())
# Of those, the ones that close a reported clause with their hearer (", she told reporters"); an
# order or a request does not (", the other ordered extra stock").
TELLING_LEMMAS = HEARER_LEMMAS - {"ask", "urge", "order", "instruct"}

FRAGMENT_LEMMAS = frozenset(
    "call describe dub label term brand criticize criticise praise hail denounce condemn dismiss decry "
    "deride mock thank congratulate applaud commend laud characterize characterise portray slam blast talk "
    "apologise apologize".split()
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



# --------------------------------------------------------------------------------------------
# Word lists of the speakers slice: who a speaker is (helpers.extract.speakers) and how names are
# cleaned (helpers.extract.entities). General English vocabulary, no names.

#: Day names: NER glues them to a name ("Monday Berg said"); they are stripped from mentions.
DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Titles that stay part of a name given without a surname: "Pope Adrian", "King Olav".
REGNAL_TITLES = frozenset("pope king queen prince princess emperor empress sultan tsar czar pharaoh saint".split())

#: Nouns for people, alone or in groups, that are not titles (``TITLE_WORDS``): the speaker they
#: name is a person or a group, unnamed unless the text names them ("an eyewitness", "residents").
#: Agent nouns ("-er", "-ist", "-ian", ...) are recognised by their ending as well.
PEOPLE_NOUNS = frozenset(
    """
    person people man men woman women boy boys girl girls child children kid kids baby adult adults
    witness witnesses eyewitness eyewitnesses resident residents neighbour neighbours neighbor
    neighbors official officials officer officers protester protesters demonstrator demonstrators
    activist activists expert experts analyst analysts observer observers critic critics supporter
    supporters opponent opponents victim victims survivor survivors relative relatives family
    families friend friends colleague colleagues student students teacher teachers worker workers
    employee employees staff member members attendee attendees participant participants visitor
    visitors tourist tourists voter voters citizen citizens customer customers shopper shoppers fan
    fans parent parents mother father mom dad mum wife husband son daughter brother sister uncle aunt
    nephew niece grandmother grandfather widow widower fiancee fiancée fiance fiancé partner
    girlfriend boyfriend doctor doctors nurse nurses lawyer lawyers attorney attorneys scientist
    scientists researcher researchers author authors writer writers journalist journalists reporter
    reporters editor editors historian historians economist economists professor professors
    student pupil pupils farmer farmers owner owners manager managers founder founders organiser
    organisers organizer organizers lawmaker lawmakers legislator legislators politician politicians
    candidate candidates delegate delegates diplomat diplomats negotiator negotiators minister
    ministers leader leaders chief chiefs head heads director directors president presidents
    executive executives agent agents soldier soldiers troops guard guards firefighter
    firefighters rescuer rescuers paramedic paramedics investigator investigators detective
    detectives prosecutor prosecutors judge judges juror jurors inmate inmates prisoner prisoners
    suspect suspects defendant defendants plaintiff plaintiffs patient patients passenger passengers
    pilot pilots driver drivers crew player players coach coaches athlete athletes actor actors
    actress singer singers artist artists musician musicians priest priests bishop cleric clerics
    imam rabbi monk nun nuns pastor mayor governor senator senators congressman congresswoman
    representative representatives spokesman spokeswoman spokesperson spokespeople source sources
    insider insiders aide aides adviser advisers advisor advisors consultant consultants veteran
    veterans refugee refugees migrant migrants immigrant immigrants local locals villager villagers
    onlooker onlookers bystander bystanders interviewee interviewees respondent respondents
    """.split()
)

#: Person nouns that tell a gender ("the actress", "his widow"): evidence for "he"/"she".
FEMALE_NOUNS = frozenset(
    """
    woman girl mother mom mum wife daughter sister aunt niece grandmother widow fiancee fiancée
    girlfriend actress spokeswoman chairwoman congresswoman businesswoman policewoman queen princess
    duchess empress nun heroine waitress hostess lady dame madam
    """.split()
)
MALE_NOUNS = frozenset(
    """
    man boy father dad son brother uncle nephew grandfather widower fiance fiancé boyfriend
    spokesman chairman congressman businessman policeman king prince duke emperor monk hero waiter
    host lord sir
    """.split()
)

#: Nouns that carry someone's words without being a speaker themselves: "X's statement said" is X
#: speaking, "a notice from X" too, and "the statement said" the one who issued it.
VOICE_CARRIERS = DOCUMENT_NOUNS | frozenset(
    """
    website site webpage page account feed blog banner sign placard poster leaflet flyer notice
    take-down takedown communique communiqué release bulletin newsletter broadcast programme program
    show podcast editorial column op-ed decree edict proclamation declaration resolution manifesto
    petition motion summons subpoena citation writ warrant description caption plea remark comment
    speech testimony response reply invitation story opinion memoir memoirs autobiography diary
    summary judgement abstract synopsis advisory alert
    """.split()
)

#: Texts that lay down rules and speak as themselves ("According to the state's constitution, ...",
#: "the Ruritanian constitution stipulates ...", "on the X scale, ..."): never the words of a person
#: the text named nearby; a body that made its own ("the party's charter") speaks through it.
LAW_NOUNS = frozenset("constitution charter statute treaty scale bylaw bylaws".split())

#: Nouns for whoever speaks for a body: "a ministry spokesman", "its sources" speak for it.
SPOKESPERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokespersons representative representatives "
    "source sources".split()
)

#: Words in the name of a publication ("The Daily Gazette", "Channel 4 News"): the speaker kind
#: ``publication`` (web addresses such as "example.com" count as well).
MEDIA_NAME_WORDS = frozenset(
    """
    news times post journal herald tribune gazette daily press radio tv television broadcasting
    broadcaster magazine newspaper wire chronicle telegraph courier observer reporter review
    bulletin dispatch examiner inquirer gazette mail express star standard independent today
    weekly monthly network channel
    """.split()
)

#: Common nouns for publications and outlets ("the newspaper reported", "state media said")
MEDIA_NOUNS = frozenset(
    """
    newspaper newspapers paper tabloid broadsheet magazine outlet outlets broadcaster channel
    daily weekly journal publication media press
    """.split()
)

#: Common nouns for organisations beyond ``ORG_NOUNS`` ("the embassy said", "a research team"):
#: a speaker they name is an organisation, unnamed unless the text names it.
INSTITUTION_NOUNS = frozenset(
    """
    team service embassy consulate mission delegation foundation charity trust association
    federation society club league network station institute institution university college school
    hospital clinic museum zoo center centre laboratory lab campaign movement coalition chain
    retailer manufacturer producer supplier operator airline carrier regime junta militia
    """.split()
)

#: Nouns for places, buildings and works: a name in apposition to one is no person's ("X, a former
#: church", "X, the capital") and "the <noun>" names no speaker.
PLACE_NOUNS = frozenset(
    """
    place city town village capital suburb district neighbourhood neighborhood region province state
    county country nation island peninsula coast river lake sea ocean bay mountain hill valley
    desert forest park square street road avenue lane highway bridge tunnel airport port harbour
    harbor station building tower church cathedral mosque temple synagogue chapel monastery shrine
    museum gallery palace castle fort monument memorial statue site stadium arena theatre theater
    hotel restaurant shop store mall market factory plant mine farm ship vessel boat plane aircraft
    car train bus truck vehicle pipeline dam canal well house home apartment flat prison camp base
    film movie song album book novel play series show game brand product drug vaccine species
    """.split()
)

#: Titles of office that :data:`TITLE_WORDS` lacks ("Sheriff X", "Magistrate X"): stripped from a
#: person's name like the others (:mod:`helpers.extract.entities` reads both lists).
OFFICE_TITLES = frozenset(
    """
    sheriff magistrate coroner alderman councillor councilor councilman councilwoman assemblyman
    assemblywoman assemblymember taoiseach tanaiste provost rector pastor vicar deacon imam rabbi
    mufti superintendent trooper baroness countess duchess viscount
    """.split()
)

#: Letters written after a person's name for an honour, a rank or a degree ("Ana Ruiz QC", "Ana
#: Ruiz MP"): not part of the name, and evidence that the name is a person's.
POST_NOMINALS = frozenset(
    """
    qc kc sc mp mep msp mla mpp mha obe mbe cbe kbe dbe gbe phd ph.d. md m.d. esq esq. frs
    """.split()
)

#: Words that end a company's legal name ("Acme Widgets Company", "Nordwind Holdings Ltd"): the same
#: company as the name without them ("Acme"), which articles use after the first mention.
CORPORATE_DESIGNATORS = frozenset(
    """
    company co co. corporation corp corp. incorporated inc inc. limited ltd ltd. plc llc llp lp
    holdings group ag sa s.a. gmbh nv n.v. bv b.v. spa s.p.a. ab asa oyj
    """.split()
)

#: People named after a body who do not speak for it ("Acme customers", "club fans", "hospital
#: patients"): unlike "White House doctors" or "ministry officials", no voice of the body.
OUTSIDER_NOUNS = frozenset(
    """
    customer customers client clients fan fans supporter supporters critic critics opponent opponents
    voter voters victim victims visitor visitors shopper shoppers user users passenger passengers
    patient patients resident residents student students pupil pupils tourist tourists protester
    protesters demonstrator demonstrators viewer viewers reader readers listener listeners subscriber
    subscribers member members inmate inmates prisoner prisoners survivor survivors family families
    """.split()
)

#: Words of an image credit that NER runs into the name before them ("Ana Ruiz Image: ...",
#: "Ana Ruiz Photo: ..."): no part of a person's name.
CREDIT_WORDS = frozenset("image images photo photos photograph picture credit credits courtesy".split())

#: Last words of an organisation's name beyond ``ORG_NOUNS``, ``INSTITUTION_NOUNS`` and
#: ``CORPORATE_DESIGNATORS`` ("Mid Valley Tourism Partnership", "the Fort Bend Tribes"): a name that
#: ends in one of these (lemma) is no person's. Words that are also common surnames ("Court", "Bank")
#: are left out of this use (``NOT_ORG_NAME_HEADS``).
ORG_NAME_HEADS = frozenset("tribe nation partnership partner consortium cooperative collective show".split())
NOT_ORG_NAME_HEADS = frozenset("court bank carrier chain mission producer party office board station union".split())

#: People who act for a body: "an official from X", "officers at X" speak as the body X.
BODY_VOICE_NOUNS = frozenset(
    "official officials officer officers executive executives staffer staffers organizer organizers organiser "
    "organisers".split())

#: Plural kin nouns and the singular roles of their members: "the parents" are the mother and the
#: father the text names ("X's mother, Y,").
KIN_GROUPS = {"parent": frozenset({"mother", "father"}), "grandparent": frozenset({"grandmother", "grandfather"})}

#: A study's people: roles that make a person one of the authors of the research an article reports
#: ("co-author X", "lead author X", "co-developer X"); "the team wrote" speaks through them.
RESEARCHER_ROLES = frozenset("author coauthor researcher developer inventor".split())
#: Plural nouns for a study's people ("the researchers found", "the scientists wrote").
RESEARCHER_NOUNS = RESEARCHER_ROLES | frozenset("scientist investigator academic expert".split())
#: Endings of the nouns for scientists of a field ("archaeologist", "physicist", "astronomer", "chemist").
SCIENTIST_ENDINGS = ("logist", "icist", "nomer", "chemist", "ntist")
#: The work a study's people did, led or published ("the study, led by X", "the research was led by
#: X"): with no issuer of its own, "the study says" is its authors'.
RESEARCH_NOUNS = frozenset("study research paper findings finding report analysis survey project experiment trial".split())
#: Collective nouns for the people who did a piece of research ("the team wrote", "the research group").
TEAM_NOUNS = frozenset("team group".split())
#: Singular nouns for a body of people that speaks as a group ("police in Eastport said"): with a
#: place they are that place's group ("Eastport police"), like a plural people noun ("officials").
COLLECTIVE_PEOPLE_NOUNS = frozenset("police staff personnel crew clergy".split())

#: A person's own group that speaks for the person's side, named "<Surname> <noun>" ("his family said",
#: "Senator Ruiz's campaign said", "a family spokesperson" -> "Ruiz family", "Ruiz campaign").
PERSONAL_BODY_NOUNS = frozenset("family campaign".split())
#: Words after a surname that are no part of it ("Ana Ruiz Jr." is of the Ruiz family).
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
#: Offices of a national government whose holder, when the article never names one, speaks for the one
#: government the article names ("the prime minister stated" -> "government of Samoa").
GOVERNMENT_ROLES = frozenset("president premier chancellor minister".split())

#: Nouns a news text uses for a body it named before, without repeating the name: "Velto reported
#: record sales. The company said ...". Kinds of company, club or institution; not the state's own
#: bodies ("the police", "the government": often no body the text names, see PUBLIC_BODY_WORDS).
BODY_ANAPHORS = frozenset(
    """
    company firm corporation business group network broadcaster airline carrier chain retailer
    manufacturer maker producer operator supplier publisher studio brand startup charity club
    foundation trust association federation league society organisation organization agency bank
    newspaper magazine station hotel hospital school university college museum zoo lab laboratory
    institute centre center
    """.split()
)
#: Words of an outlet's name that no personal name has ("Harbin News", "Velka Radio", "Agence
#: France-Presse"): a name with one is no person's, whatever NER said (unless the text calls it one).
#: Not the media words that are also surnames ("Post", "Star", "Mail", "Standard").
OUTLET_NAME_WORDS = frozenset(
    """
    news times herald gazette tribune telegraph journal press presse tv radio television broadcasting
    newspaper magazine chronicle network channel wire bulletin inquirer
    """.split()
)
#: Words that make a body's name a public body's ("Transport Ministry", "City Council"): such a body
#: is not what "the company" or "the club" refers to.
PUBLIC_BODY_WORDS = frozenset(
    """
    ministry department government council court police army military navy parliament congress
    senate commission committee administration authority authorities tribunal office embassy
    consulate regime junta assembly cabinet prosecutor prosecutors
    """.split()
)


# --------------------------------------------------------------------------------------------
# Words that tell a news outlet by what the text does with it (helpers.extract.entities).

#: Pieces and people of journalism that carry an outlet's name ("a [X] reporter", "an article by
#: X", "X's correspondent"): the name is a publication's. Not "report" (a ministry or a charity
#: issues reports too).
JOURNALISM_NOUNS = frozenset(
    """
    article story broadcast newscast interview editorial column op-ed headline coverage programme
    program documentary podcast bulletin reporter reporters correspondent correspondents journalist
    journalists columnist columnists editor editors anchor presenter contributor contributors
    """.split()
)

#: Nouns whose quoted name follows them ('the case "A vs. B"', 'the film "When ..."', 'her song
#: "..."'): a title, never a statement.
WORK_NOUNS = frozenset(
    """
    case lawsuit book novel memoir film movie documentary song album single record play musical show
    series episode poem painting sculpture exhibition report study paper essay article column opera
    programme program podcast game bill act motion operation
    """.split()
)
# Nouns that introduce a name in quotation marks, mentioned rather than said ('the temporary
# designation "2019-nCoV"', 'the hashtag "#MeToo"').
NAMING_NOUNS = frozenset("name designation nickname hashtag motto slogan label".split())
#: Participles that introduce a name ('a report titled "..."', 'a film called "..."').
TITLING_WORDS = frozenset("titled entitled named called dubbed subtitled".split())

#: What a speaker says something in (the medium of a report, lemmas): "said ... in a statement",
#: "advised ... in its security alert".
MEDIUM_NOUNS = frozenset(
    """
    statement interview alert advisory letter post tweet video release speech email e-mail message
    broadcast briefing announcement notice warning remark address podcast bulletin communique
    communiqué conference
    """.split()
)
#: Verbs whose "in a letter" is where words are, part of what is reported ("read about it in a
#: letter", "wrote in a post"), not the medium of the report.
TEXT_PLACE_LEMMAS = frozenset(
    "read write publish print see find hear mention appear include post describe note state detail "
    "outline set quote cite record".split()
)

"""helpers.extract.speakers: pronouns and definite descriptions resolved to people, on texts written here."""

import pytest

from helpers.ingest.nlp import load_nlp
from helpers.measure.quote_eval import snippet_doc
from helpers.extract.entities import resolution_from
from helpers.extract.quotes import extract_quotes
from helpers.extract.speakers import Attributor
from helpers.ingest.tokens import TokenTable


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def speakers(nlp, text):
    q = extract_quotes(snippet_doc(text, nlp), article_id="t")
    return [(r.speaker_mention, r.speaker) for r in q.itertuples()]


def rows(nlp, text):
    """The quotes frame's speaker columns, one dict per statement."""
    q = extract_quotes(snippet_doc(text, nlp), article_id="t")
    cols = ["kind", "speaker_mention", "speaker", "co_speakers", "speaker_kind", "attribution", "needs_review"]
    return [dict(zip(cols, r)) for r in q[cols].itertuples(index=False)]


def test_pronoun_goes_to_the_person_talked_about_not_the_nearest_name(nlp):
    text = ("Her remarks followed a speech given on Monday by Amelia Ortiz at a dinner with the Danish "
            "envoy Lars Holm. She had urged the banks to lower their fees.")
    assert speakers(nlp, text) == [("She", "Amelia Ortiz")]


def test_pronoun_follows_gender(nlp):
    text = "Ms. Ferreira met Mr. Osei in Accra. He said the deal was close."
    assert speakers(nlp, text) == [("He", "Osei")]
    # no list of first names: the gender comes from the text, here a title and a gendered role
    text = "Mr. Peter Lang met Julia Brandt, the party's chairwoman, in Bonn. She said the deal was close."
    assert speakers(nlp, text) == [("She", "Julia Brandt")]


def test_pronoun_chain_keeps_its_referent(nlp):
    text = ("Tariq Aziz, a fisherman, lost his boat in the storm. He says the warnings came too late. "
            "He also says the port was never repaired.")
    assert [s for _, s in speakers(nlp, text)] == ["Tariq Aziz", "Tariq Aziz"]


def test_a_role_goes_to_the_person_the_text_gave_it(nlp):
    text = 'Marta Lindgren, a teacher, has taught for forty years.\n"Children have changed," the teacher said.'
    assert speakers(nlp, text) == [("the teacher", "Marta Lindgren")]


def test_a_role_nobody_was_given_stays_unnamed_not_the_last_person_named(nlp):
    text = 'Marta Lindgren has taught for forty years.\n"Children have changed," the teacher said.'
    got = rows(nlp, text)
    assert len(got) == 1 and got[0]["speaker"] != "Marta Lindgren" and got[0]["speaker_kind"] == "unnamed"


def test_an_unqualified_title_is_not_the_deputy(nlp):
    text = ("Governor Tomas Reyes and Deputy Governor Lia Moss toured the dam on Friday.\n\n"
            "The governor said the dam was safe.")
    assert speakers(nlp, text) == [("The governor", "Tomas Reyes")]


def test_a_role_with_a_word_nobody_has_is_not_guessed(nlp):
    text = ("Prime Minister Tomas Reyes toured the dam on Friday.\n\n"
            "The First Minister said the dam was safe.")
    assert speakers(nlp, text)[0][1] != "Tomas Reyes"


def test_organisation_pronoun_it(nlp):
    text = "The Port Authority said on Friday that two cranes had collapsed. It added that nobody was hurt."
    assert [s for _, s in speakers(nlp, text)] == ["Port Authority", "Port Authority"]


def test_surname_is_canonicalised_to_full_name(nlp):
    text = 'Dr. Helena Vasquez leads the clinic. "We are full," Vasquez said.'
    assert speakers(nlp, text) == [("Vasquez", "Helena Vasquez")]


def test_coordinated_speakers_make_one_joint_statement(nlp):
    text = '"We will appeal," said Omar Bakr and Lina Haddad.'
    got = rows(nlp, text)
    assert len(got) == 1
    assert (got[0]["speaker"], got[0]["co_speakers"], got[0]["speaker_kind"]) == ("Omar Bakr", ["Lina Haddad"], "group")


def test_quote_after_a_sentence_introducing_someone_else(nlp):
    text = ('Joan Smith said the plan would destroy the park.\n\n'
            'The mayor, Tom Lee, was blunt.\n\n'
            '"That is nonsense. The park will be bigger."')
    assert speakers(nlp, text)[-1][1] == "Tom Lee"


def test_spokesperson_speaks_for_the_organisation(nlp):
    text = ('The Environment Agency published its report.\n\n'
            '"We stand ready to help," a spokesperson for the agency said.')
    assert speakers(nlp, text) == [("a spokesperson for the agency", "Environment Agency")]


def test_title_description_goes_to_the_person_with_that_title(nlp):
    text = ("Russian President Vladimir Orlov met NATO chief Anders Lund in Moscow. "
            "Lund said the talks were useful.\n\n"
            '"There was no progress," the president said.')
    assert speakers(nlp, text)[-1] == ("the president", "Vladimir Orlov")


def test_name_inside_the_quote_is_not_the_pronoun_speaker(nlp):
    text = '"We need a senator we can trust, and that is Olivia Park," he said.'
    got = speakers(nlp, text)
    assert got == [("he", None)]


def test_speech_cue_and_its_speaker_by_token_index(nlp):
    from helpers.extract.speakers import cue_speaker_token, is_speech_cue
    from helpers.ingest.tokens import token_table

    doc = nlp("Karen Holt said the river rose. He did not say why. According to police, it was late.")
    p = token_table(doc)
    cues = [doc[i].text for i in range(len(doc)) if is_speech_cue(p, i)]
    assert cues == ["said", "According"]
    said = next(t.i for t in doc if t.text == "said")
    assert doc[cue_speaker_token(p, said)].text == "Holt"
    according = next(t.i for t in doc if t.text == "According")
    assert doc[cue_speaker_token(p, according)].text == "police"


def test_they_after_a_coordination_of_names_is_a_joint_statement(nlp):
    text = ("Omar Bakr and Lina Haddad met the minister in Amman on Monday.\n\n"
            "They said the talks had failed.")
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"], r["attribution"]) for r in got] == [
        ("Omar Bakr", ["Lina Haddad"], "pronoun")]


def test_names_in_apposition_to_a_plural_join_the_statement(nlp):
    text = ("Egyptian envoy Omar Bakr and his two counterparts, Lina Haddad and Rami Saleh, met in Amman.\n\n"
            "They concluded that the plan was void.")
    got = rows(nlp, text)
    assert got and got[0]["speaker"] == "Omar Bakr" and got[0]["co_speakers"] == ["Lina Haddad", "Rami Saleh"]


def test_a_group_noun_goes_to_the_members_named_before(nlp):
    text = ("Foreign ministers Omar Bakr and Lina Haddad met in Amman on Monday.\n\n"
            "The ministers said the talks had failed.")
    got = rows(nlp, text)
    assert got and (got[0]["speaker"], got[0]["co_speakers"]) == ("Omar Bakr", ["Lina Haddad"])


def test_retired_agent_and_analyst_before_a_name_is_one_person(nlp):
    text = "Retired pilot and aviation analyst Rami Saleh said the runway was too short."
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"]) for r in got] == [("Rami Saleh", [])]


def test_a_person_in_apposition_wins_over_the_head_noun(nlp):
    text = "Since then a Labour member, Ruth Okoye, has said the vote was rigged."
    assert [s for _, s in speakers(nlp, text)] == ["Ruth Okoye"]


def test_a_person_named_after_a_role_between_commas_speaks(nlp):
    text = "According to the town's mayor, Maria Lopez, the bridge will reopen in May."
    assert [s for _, s in speakers(nlp, text)] == ["Maria Lopez"]


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    text = ("The Harbour Board met on Monday. The Harbour Board's statement said the port would expand. "
            "A statement from the Harbour Board said fees would rise.")
    got = rows(nlp, text)
    assert [r["speaker"] for r in got] == ["Harbour Board", "Harbour Board"]
    assert all(r["speaker_kind"] == "organisation" for r in got)


def test_a_statement_which_someone_released_speaks_for_them(nlp):
    text = ('The Harbour Board released a statement which said, "The port will expand."')
    assert [s for _, s in speakers(nlp, text)] == ["Harbour Board"]


def test_an_inherited_subject_that_is_no_speaker_is_looked_past(nlp):
    text = 'A witness described how the blast shook the street, stating, "I fell to the ground."'
    got = rows(nlp, text)
    assert len(got) == 1 and got[0]["speaker"] != "blast" and got[0]["speaker_kind"] == "unnamed"


def test_an_organisation_under_a_shorter_name(nlp):
    text = ("The Lakeside Animal Foundation opened a shelter in May.\n\n"
            "The foundation said it was already full. Lakeside's animal foundation said it needed money.")
    assert [s for _, s in speakers(nlp, text)] == ["Lakeside Animal Foundation"] * 2


def test_the_police_is_the_police_force_the_text_names(nlp):
    text = ("Divers of the Harbour Police Marine Unit searched the lake on Sunday.\n\n"
            "Police said nothing had been found.")
    got = rows(nlp, text)
    assert [(r["speaker"], r["speaker_kind"]) for r in got] == [("Harbour Police", "organisation")]


def test_its_spokesman_and_its_sources_speak_for_the_body(nlp):
    text = ("Kestrel Mining closed the pit on Monday. Its spokesman said the pit was unsafe. "
            "Kestrel Mining reported that its sources said the shaft had flooded.")
    got = [r["speaker"] for r in rows(nlp, text)]
    assert got and set(got) == {"Kestrel Mining"}


def test_who_goes_to_the_phrase_it_relates_to(nlp):
    text = "The road was closed at noon, according to police, who said a lorry had overturned."
    got = rows(nlp, text)
    assert got and all(r["speaker"] == "police" for r in got)


def test_a_news_outlet_is_a_publication(nlp):
    text = "The Daily Courier reported that the mayor had resigned."
    got = rows(nlp, text)
    assert [(r["speaker"], r["speaker_kind"]) for r in got] == [("Daily Courier", "publication")]


def test_a_distant_pronoun_needs_review(nlp):
    text = ("Ana Ruiz opened the school in 1990. The building has two floors. The roof was replaced in 2001. "
            "The windows are new. The garden is large.\n\nShe said the school would grow.")
    got = rows(nlp, text)
    assert got and got[0]["speaker"] == "Ana Ruiz" and got[0]["needs_review"]


def test_a_near_pronoun_does_not_need_review(nlp):
    text = "Ana Ruiz opened the school in 1990. She said the school would grow."
    got = rows(nlp, text)
    assert got and got[0]["speaker"] == "Ana Ruiz" and not got[0]["needs_review"]


def test_a_non_person_name_attracts_no_pronoun(nlp):
    # NER may call a building a person; with no evidence for it, "she" goes to the real person
    from spacy.tokens import Span

    text = "Ana Ruiz, a teacher, visited the Ostra Mill. She said it should be saved."
    doc = snippet_doc(text, nlp)
    words = [t.text for t in doc]
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, words.index("Ostra"), words.index("Mill") + 1,
                                                      label="PERSON")]
    q = extract_quotes(doc, article_id="t")
    assert list(q["speaker"]) == ["Ana Ruiz"]


def test_a_possessive_in_a_coordination_belongs_to_the_name_before_it(nlp):
    from helpers.extract.entities import resolution_from
    from helpers.extract.speakers import Salience
    from helpers.ingest.tokens import token_table

    doc = snippet_doc("Director Ana Ruiz wrote to Governor Tom Reyes and his staff on Monday.", nlp)
    res = resolution_from(doc)
    his = next(t.i for t in doc if t.lower_ == "his")
    assert Salience(token_table(doc), res).entity_for(his).name == "Tom Reyes"


def test_a_role_noun_before_another_name_gives_no_gender(nlp):
    # "his wife Odile" describes Odile, not the senator: "He" still finds him
    text = "Senator Ruud Maes, his wife Odile and their daughter flew home on Monday. He said the trip had been worth it."
    assert speakers(nlp, text) == [("He", "Ruud Maes")]


def test_a_recording_in_which_someone_speaks_is_not_the_speaker(nlp):
    text = ('The minister resigned after the leak of a recording in which someone, seemingly Mr. Pavel Orlov, '
            'says the budget "is a fantasy."')
    assert {s for _, s in speakers(nlp, text)} == {"Pavel Orlov"}
    # with nobody named in apposition the recording still does not speak
    text = ('Dr. Pavel Orlov, the chief economist, has resigned. A recording was leaked in which someone '
            'audibly says the budget "is a fantasy."')
    assert all(s != "recording" and s != "Pavel Orlov" for _, s in speakers(nlp, text))


def test_a_document_a_speaker_used_speaks_for_them(nlp):
    text = ("Brennick Motor Company said in a filing that the recall would cost $2 million. "
            "According to the filing, the fault was found in March.")
    assert [s for _, s in speakers(nlp, text)] == ["Brennick Motor Company", "Brennick Motor Company"]


def test_a_report_speaks_for_who_published_the_article_before(nlp):
    text = ("The Harbour Gazette published an article about the mayor's spending on Monday. "
            "The report claimed the mayor had used public funds for travel.")
    got = speakers(nlp, text)
    assert len(got) == 1 and got[0][1] is not None and "Gazette" in got[0][1]


def test_a_description_of_a_thing_speaks_for_its_owner(nlp):
    text = ('Tomas Vell posted an event invitation on a social network. '
            'The event description read, "We will all meet at the bridge at noon."')
    assert speakers(nlp, text) == [("The event description", "Tomas Vell")]
    # nobody issued the event: the description speaks for nobody named
    text = ('Tomas Vell said his campaign had raised $2 million. '
            'The event description read, "We will all meet at the bridge at noon."')
    assert speakers(nlp, text)[-1][1] != "Tomas Vell"


def test_a_body_named_after_a_person_is_the_body(nlp):
    text = 'Dr. Tomas Vell leads the race. The Vell campaign described the attack as "a desperate lie".'
    got = rows(nlp, text)
    assert [(r["speaker"], r["speaker_kind"]) for r in got] == [("Vell campaign", "organisation")]
    # a spokesman of the person still speaks for the person
    text = "Dr. Tomas Vell leads the race. A Vell spokesman said the attack was a desperate lie."
    assert [s for _, s in speakers(nlp, text)] == ["Tomas Vell"]


def test_people_named_after_a_body_speak_for_it_unless_outsiders_or_a_place(nlp):
    text = ("Harbour Authority doctors said the mayor had recovered. "
            "Harbour Authority patients said the food was poor.")
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Harbour Authority" and got[0]["speaker_kind"] == "organisation"
    assert got[1]["speaker"] != "Harbour Authority"
    text = "Springfield officials said the bridge would reopen."
    assert rows(nlp, text)[0]["speaker"] != "Springfield"


def test_a_nested_report_is_the_outer_source_when_according_to_comes_first(nlp):
    text = ("According to the Harbour Gazette, city officials warned the mayor last year "
            "that the bridge could collapse.")
    got = rows(nlp, text)
    assert [(r["speaker"], r["attribution"]) for r in got] == [("Harbour Gazette", "according-to")]
    # a trailing "according to" is left to the clause's own subject
    text = ("City officials warned the mayor last year that the bridge could collapse, "
            "according to the Harbour Gazette.")
    assert all(r["speaker"] != "Harbour Gazette" for r in rows(nlp, text) if r["kind"] == "indirect")
    # a named speaker inside is what the source reports: the source speaks (the dev gold's convention)
    text = "According to the Harbour Gazette, Mayor Ana Whitlock warned last year that the bridge could collapse."
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Harbour Gazette"]


@pytest.mark.parametrize("text", [
    "According to investigators, Ana Ruiz said she had swerved to avoid a deer.",
    "According to investigators, the driver told them she had swerved to avoid a deer.",
    "According to police officers at the scene, Ana Ruiz later admitted that she had swerved to avoid a deer.",
])
def test_a_nested_report_by_unnamed_sources_is_theirs_not_the_named_inner_speakers(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and all(r["speaker"] != "Ana Ruiz" and r["speaker_kind"] == "unnamed" for r in got)


def test_a_nested_report_needs_a_source_who_can_report(nlp):
    # a document or a thing with no issuer named is no outer source: the inner speaker stays
    text = "Ana Ruiz filed the complaint in May. According to the filing, Ruiz said the deal was void."
    assert "Ana Ruiz" in [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"]
    # a trailing "according to" is not fronted: the clause's own speaker stays
    text = "Ana Ruiz said she had swerved to avoid a deer, according to investigators."
    assert "Ana Ruiz" in [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"]


def test_the_noun_right_before_an_ing_cue_is_its_speaker(nlp):
    text = 'Ana Ruiz attacked the press, giving an example of the media falsely describing her as a "criminal".'
    assert speakers(nlp, text) == [("the media", "media")]
    # after a comma the -ing verb keeps the sentence's subject
    text = 'Ana Ruiz left the room, describing the plan as "a disaster".'
    assert speakers(nlp, text) == [("Ana Ruiz", "Ana Ruiz")]


def test_a_news_story_speaks_for_its_outlet(nlp):
    text = ("Senator Ana Ruiz criticised the mayor over a Harbour Gazette story alleging "
            "he had used public funds for travel.")
    got = rows(nlp, text)
    assert got and all(r["speaker"] == "Harbour Gazette" for r in got if r["kind"] == "indirect")


def test_a_pronoun_after_an_unnamed_person_stays_unnamed(nlp):
    text = ("Prosecutor Ana Whitlock said the men had shown no remorse.\n\n"
            "One of the victims decided to allow her name to be made public. She said she wanted to help others.")
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Ana Whitlock"
    # unnamed, labelled with the phrase that introduced her (counted as an unnamed speaker)
    assert got[1]["speaker_mention"] == "She" and got[1]["speaker"] == "One of the victims"
    assert got[1]["speaker_kind"] == "unnamed" and got[1]["attribution"] == "pronoun"
    text = ("Ana Whitlock met the press on Monday. A police officer at the scene said he had seen the car. "
            "He said it was travelling fast.")
    assert [s for _, s in speakers(nlp, text)][-1] == "police officer"


def test_a_pronoun_after_a_role_the_text_gave_a_person_still_finds_her(nlp):
    text = "Mayor Ana Whitlock toured the dam on Friday. The mayor was pleased. She said the repairs were finished."
    assert speakers(nlp, text) == [("She", "Ana Whitlock")]


def test_a_group_including_named_members_is_a_joint_statement(nlp):
    text = ("Forty former judges, including Maria Gonzalez, David Miller, and Sarah Thompson, signed a letter "
            "saying the reform was unlawful.")
    got = rows(nlp, text)
    assert got and got[0]["speaker"] == "Maria Gonzalez"
    assert list(got[0]["co_speakers"]) == ["David Miller", "Sarah Thompson"]


def test_a_title_like_surname_is_the_name_not_a_title(nlp):
    # "Major", "Marshal": a word that can be a title is the surname when it ends the name
    text = "Former prime minister Tomas Major argued that the true intent of the delay was to stop the debate."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Tomas Major"]
    # a title in front of a name is still stripped
    text = "Union Secretary-General Hilde Varga said the strike would go ahead."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Hilde Varga"]


def test_a_hyphenated_role_noun_keeps_its_apposition(nlp):
    # "co-author" comes out of the parser as three subjects: the person in apposition speaks
    text = ('The survey was led by Dana Whitfield. Another co-author, chemistry professor Omar Lindqvist, said, '
            '"We have seen this pattern before."')
    assert [r["speaker"] for r in rows(nlp, text)] == ["Omar Lindqvist"]


def test_a_person_between_commas_at_the_end_of_a_long_subject_speaks(nlp):
    # the parser hangs the name on the last noun of the phrase ("the Assembly"), not on "delegate"
    text = ('The Lakeland delegate to the National Assembly, Ruth Okonjo, told reporters: '
            '"The ruling is unwelcome."')
    assert [r["speaker"] for r in rows(nlp, text)] == ["Ruth Okonjo"]
    # no commas around a name: the phrase is about that person, who does not speak
    text = 'The lawyer for Ruth Okonjo told reporters: "The ruling is unwelcome."'
    assert "Ruth Okonjo" not in [r["speaker"] for r in rows(nlp, text)]


def test_according_to_a_thing_of_a_named_body_is_that_body(nlp):
    text = ("The Eastport Rail Company closed two lines on Monday. According to the Eastport Rail Company's "
            "timetable, the lines will reopen in May.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Eastport Rail Company"]
    # a person is not a thing: "according to X's lawyer" is not X's word
    text = "Senator Ilse Varga sued the company on Monday. According to Ms. Varga's lawyer, the case will be heard in May."
    assert [r["speaker"] for r in rows(nlp, text)] != ["Ilse Varga"]


def test_a_persons_office_speaks_for_the_person(nlp):
    text = "Senator Ilse Varga died on Thursday. At dawn, her office said, she died at a hospice."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Ilse Varga"]
    # an office that is a body, with no person's possessive, is not anyone's
    text = "Senator Ilse Varga died on Thursday. The patent office said the filing was late."
    assert [r["speaker"] for r in rows(nlp, text)] != ["Ilse Varga"]


def test_a_comma_inside_a_name_is_no_coordination(nlp):
    # the parser reads "University of Ruritania, Eastport's chancellor" as a list of two
    text = ('"She was the finest teacher I have known," said University of Ruritania, East Haven\'s chancellor, '
            'Pradip Kaul.')
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"]) for r in got] == [("Pradip Kaul", [])]
    # with an "and" it is a joint statement
    text = '"The plan is sound," said Tomas Berg and Ilse Varga.'
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Tomas Berg" and got[0]["co_speakers"] == ["Ilse Varga"]


def test_a_studys_team_speaks_through_the_authors_the_article_names(nlp):
    text = ("A team from two universities published a study of river ice on Monday. The researchers concluded "
            "that the ice was thinning every year.\n\n\"The melt is faster than we thought,\" said study co-author "
            "Lena Fairholm. \"We need more data,\" said study co-author Tobias Renk.")
    got = rows(nlp, text)
    team = next(r for r in got if r["speaker_mention"] == "The researchers")
    assert team["speaker"] == "Lena Fairholm" and team["co_speakers"] == ["Tobias Renk"]
    # no authors named: the researchers stay unnamed
    text = ("A team from two universities published a study of river ice on Monday. The researchers concluded "
            "that the ice was thinning every year.\n\n\"The melt is faster than we thought,\" said Lena Fairholm, "
            "a glaciologist.")
    team = next(r for r in rows(nlp, text) if r["speaker_mention"] == "The researchers")
    assert team["speaker"] != "Lena Fairholm" and team["co_speakers"] == []


def test_a_new_noun_for_the_person_who_just_spoke_is_that_person(nlp):
    text = ('"The shelf is breaking from below," said co-author Mira Solberg. The Bergen professor added, '
            '"We do not yet know how fast."')
    got = rows(nlp, text)
    assert [r["speaker"] for r in got] == ["Mira Solberg", "Mira Solberg"]
    # no statement right before: the description is nobody named (a role nobody was given)
    text = ('Mira Solberg studies ice shelves in Norway.\n\nThe Bergen professor added, "We do not yet know how fast."')
    assert rows(nlp, text)[0]["speaker"] != "Mira Solberg"


def test_a_title_with_a_complement_before_the_name_is_the_person(nlp):
    text = ('Elbonian President Tomas Reyes said, "We regret the crash." President of Ruritania Andriy Kovalenko '
            'said, "We expect a full investigation."')
    assert [r["speaker"] for r in rows(nlp, text)] == ["Tomas Reyes", "Andriy Kovalenko"]
    text = 'Elbonian Ambassador to Ruritania Karl Brenner alleged the airline had "caused great harm".'
    assert {r["speaker"] for r in rows(nlp, text)} == {"Karl Brenner"}


def test_part_of_a_document_speaks_as_the_document(nlp):
    text = ('Judge Ilse Varga ruled on Friday. Part of the judge\'s statement reads "the old rule no longer '
            'holds." Part of the crowd said the rule was fair.')
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Ilse Varga"
    # a part of a crowd is no document: not the judge's words
    assert all(r["speaker"] != "Ilse Varga" for r in got[1:])


def test_the_court_is_the_whole_name_of_the_court_of_something(nlp):
    text = ("On Thursday the Northern Court of Appeals ruled on the case. The Northern Court said the law "
            "was void. The court said the ban must end.")
    assert {r["speaker"] for r in rows(nlp, text)} == {"Northern Court of Appeals"}


def test_a_hyphenated_ticket_is_a_joint_statement_of_its_two_people(nlp):
    text = ('Tomas Berg named Ilse Varga as his running mate on Monday. Berg spoke in Dover. '
            'Berg-Varga released a statement: "We will win this race."')
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"]) for r in got] == [("Tomas Berg", ["Ilse Varga"])]
    # parts that name nobody in the text: no people made up
    text = 'The Dover-Calais line released a statement: "We will run again on Monday."'
    assert all(r["co_speakers"] == [] for r in rows(nlp, text))


def test_a_numbered_designation_is_no_person(nlp):
    text = ('Republic Act No. 4417, also known as the "Broadcast Law", states "no station shall operate without '
            'a licence."')
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Republic Act No. 4417" and got[0]["speaker_kind"] != "person"


def _misparsed(nlp, text, changes):
    """``text`` parsed by the pipeline, then with the heads and labels of some tokens changed
    (``changes``: word -> (head word, dep); each word's first occurrence): a misreading of the parser
    on a news article, reproduced on a sentence written here."""
    from spacy.tokens import Doc

    doc = snippet_doc(text, nlp)
    words = [t.text for t in doc]
    heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
    for word, (head, dep) in changes.items():
        heads[words.index(word)], deps[words.index(word)] = words.index(head), dep
    ents = [(t.ent_iob_ + "-" + t.ent_type_) if t.ent_iob_ in {"B", "I"} else "O" for t in doc]
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], heads=heads, deps=deps,
               pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc], ents=ents)


def test_a_campus_after_a_university_is_not_the_subject(nlp):
    # the parser takes the campus (a place after a comma) for the subject of the cue, and hangs the
    # person elsewhere (as it did on a news article)
    text = ('Marit Olsen of the University of Texas, San Antonio disagreed with these findings: '
            '"The seeps were minor resources."')
    doc = _misparsed(nlp, text, {"Antonio": ("disagreed", "nsubj"), "Olsen": ("were", "nsubj")})
    got = extract_quotes(doc, article_id="t")
    assert list(got["speaker"]) == ["Marit Olsen"]
    # a place that is the subject itself speaks
    text = 'Northern Ireland has suggested people "think about" masks on buses.'
    assert "Northern Ireland" in [r["speaker"] for r in rows(nlp, text)]


def test_the_commission_is_the_whole_commission_on_something(nlp):
    text = ("The Eastport Commission on Public Debates cancelled the second debate. In a statement, the "
            "commission said the debate would be held online.")
    assert {r["speaker"] for r in rows(nlp, text)} == {"Eastport Commission on Public Debates"}


def test_a_person_after_a_body_and_a_title_speaks(nlp):
    # the parser took the body's acronym for the subject ("WHO" read as a pronoun on a news article)
    text = "GSA director-general Tomas Ekberg said the name had to be short."
    doc = _misparsed(nlp, text, {"GSA": ("said", "nsubj"), "Ekberg": ("said", "npadvmod")})
    assert doc[0].ent_type_ == "ORG" and list(extract_quotes(doc, article_id="t")["speaker"]) == ["Tomas Ekberg"]


def test_an_unnamed_officer_of_a_named_body_speaks_for_the_body(nlp):
    text = "According to the Fisheries Agency's chief veterinary officer, the cull was completely unnecessary."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Fisheries Agency"]
    # a role the text gave a person is that person's
    text = ("Eastport governor Ilse Varga visited the site. Eastport's governor has promised each victim will "
            "be paid.")
    assert [r["speaker"] for r in rows(nlp, text)] != ["Eastport"]


def test_a_participle_before_a_role_names_no_other_role(nlp):
    text = ('"This day is very hard for me," said the boy\'s father, Omar Haddad, after the ceremony. The boy had, '
            'his surviving father says, been afraid of the sea.')
    assert [r["speaker"] for r in rows(nlp, text)] == ["Omar Haddad", "Omar Haddad"]


def test_scientists_from_a_place_speak_through_the_named_authors(nlp):
    text = ("Scientists from two universities reported that the wings moved as the animals ran.\n\n"
            "Co-author Lin Zhao said, \"The motion came from running.\"")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Lin Zhao", "Lin Zhao"]
    # without a named author, they stay unnamed
    text = "Scientists from two universities reported that the wings moved as the animals ran."
    assert [r["speaker_kind"] for r in rows(nlp, text)] == ["unnamed"]


def test_the_opinion_of_a_court_speaks_for_the_court(nlp):
    text = ("The Supreme Court of Ruritania removed the governor on Monday. The opinion of the Court, released on "
            "Wednesday, read in part, \"It is concluded that the oath is void.\"")
    got = rows(nlp, text)
    assert len(got) == 1 and got[0]["speaker"] is not None and "Court" in got[0]["speaker"]


def test_an_and_inside_a_name_makes_no_coordination(nlp):
    # "Soil and Water" is inside the institute's name: its director, named in apposition, speaks
    text = ('The Ruritanian Institute of Soil and Water\'s director, Dr. Anton Vesely, said of the drought, '
            '"It is going to get worse."')
    doc = _misparsed(nlp, text, {"director": ("Institute", "conj")})
    got = extract_quotes(doc, article_id="t")
    assert list(got["speaker"]) == ["Anton Vesely"]


def test_an_organisation_takes_back_an_untagged_place_after_its_of(nlp):
    text = ("On Thursday, the Eastern Civil Liberties Union of Montana and the Northern Rights Fund filed a lawsuit, "
            "saying the law would stop many people from voting.")
    got = rows(nlp, text)
    assert got and got[0]["speaker"] == "Eastern Civil Liberties Union of Montana"


def describe(nlp, text, word, nth=-1):
    """Who the phrase headed by the ``nth`` token ``word`` of ``text`` names (the speakers' public
    :meth:`Attributor.describe`), as ``(speaker, co_speakers)``."""
    doc = snippet_doc(text, nlp)
    table = TokenTable(doc)
    a = Attributor(table, resolution_from(doc), frozenset(), [])
    i = [t for t in range(len(table)) if table.text[t] == word][nth]
    spk = a.describe(i)
    return spk.name, list(spk.co_speakers)


@pytest.mark.parametrize("sentence, word", [
    ("The team wrote that the drug halved the risk of a second stroke.", "team"),
    ("According to the research team, the drug halved the risk of a second stroke.", "team"),
    ("The study reports that the drug halved the risk of a second stroke.", "study"),
    ("The drug halved the risk of a second stroke, the study says.", "study"),
    ("The researchers found that the drug halved the risk of a second stroke.", "researchers"),
    ("The researchers were cautious. They said the drug halved the risk of a second stroke.", "They"),
    ("The risk, which the scientists measured for a year, fell by half.", "scientists"),
    ("The neurologists say that the drug halved the risk of a second stroke.", "neurologists"),
])
def test_a_study_and_its_team_speak_through_the_named_authors(nlp, sentence, word):
    intro = ("The study, led by Prof. Ines Albrecht of Lakeside University, appeared in a journal on Monday. "
             "Co-author Daniel Oyelaran is a neurologist.\n\n")
    assert describe(nlp, intro + sentence, word) == ("Ines Albrecht", ["Daniel Oyelaran"])


def test_a_study_from_a_place_is_still_its_authors(nlp):
    text = ("Ruritanian study links noise to sleep loss\n\nCo-author Daniel Oyelaran of Lakeside University "
            "presented a Ruritanian study on Monday.\n\nThe study reports that noise halves deep sleep.")
    assert describe(nlp, text, "study") == ("Daniel Oyelaran", [])


def test_a_team_statement_is_attributed_to_the_authors(nlp):
    text = ("The study, led by Prof. Ines Albrecht of Lakeside University, appeared in a journal on Monday. "
            "Co-author Daniel Oyelaran is a neurologist.\n\nThe team wrote that the drug halved the risk.")
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"], r["speaker_kind"]) for r in got] == [
        ("Ines Albrecht", ["Daniel Oyelaran"], "group")]


def test_the_person_who_led_the_research_heads_its_team(nlp):
    # passive, active and participle "lead"; the leader speaks first, a co-author after
    for intro in ("The research was led by Ines Albrecht, a neurologist.",
                  "Ines Albrecht led the study at Lakeside University.",
                  "A trial led by Dr. Ines Albrecht ended in May."):
        text = intro + " The team wrote that the drug halved the risk."
        assert [r["speaker"] for r in rows(nlp, text)] == ["Ines Albrecht"], intro


def test_a_team_or_a_document_with_an_issuer_or_no_authors_is_not_the_authors(nlp):
    # a protest is no research: its leader is no author, the team stays unnamed
    text = "A protest led by Ines Albrecht ended in May. The team wrote that the drug halved the risk."
    assert [r["speaker"] for r in rows(nlp, text)] != ["Ines Albrecht"]
    # a report its issuer released is the issuer's, not the authors' of a study named nearby
    text = ("Co-author Daniel Oyelaran presented the study on Monday. The Harbour Health Agency released a report "
            "on Tuesday. The report said that hospitals were full.")
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Harbour Health Agency"]
    # a named body's team is that body's
    text = ("Co-author Daniel Oyelaran presented the study on Monday. The Lakeside Rovers team said that the match "
            "would go ahead.")
    assert "Daniel Oyelaran" not in [r["speaker"] for r in rows(nlp, text)]
    # "the investigators" of a police case are no study's people
    text = ("Co-author Daniel Oyelaran presented the study on Monday. Police officers searched the house. "
            "The officers said that nothing was found.")
    assert "Daniel Oyelaran" not in [r["speaker"] for r in rows(nlp, text)]


@pytest.mark.parametrize("text", [
    # the act that made the document, in the main clause just before
    "On Friday, Governor Ana Ruiz declared a state of emergency. The proclamation said the floods had cut off two towns.",
    "The Harbour Health Agency confirmed a second case on Monday. The patient is stable, the report said.",
    "Mayor Tomas Berg signed an order closing the parks.\n\nThe order said that the parks would reopen in May.",
    # the act named by the document's noun, however far back
    ("The Harbour Health Agency ruled on Monday that the beaches stay shut. " + " ".join(
        f"Beach {n} had {n} visitors." for n in range(1, 7)) + " According to the ruling, the ban lasts a month."),
    # a subordinate act by someone else is not the one that made it
    ("Governor Ana Ruiz declared a state of emergency on Friday. It came a day after the Weather Office warned of "
     "floods. The proclamation said the floods had cut off two towns."),
])
def test_a_document_speaks_for_whoever_just_made_it(nlp, text):
    got = [r["speaker"] for r in rows(nlp, text)]
    assert got and got[-1] in {"Ana Ruiz", "Harbour Health Agency", "Tomas Berg"}, got


def test_a_document_is_not_given_to_an_act_that_made_nothing(nlp):
    # an arrest makes no report; a clause reported by someone is no document they made
    for text in ("Police arrested Tomas Berg on Monday. The report said that he had fled.",
                 "The ruling of Judge Tomas Berg made headlines. The comments said that he was unfair.",
                 "Ana Ruiz said the floods were over. The report said that two towns were cut off."):
        got = rows(nlp, text)
        assert got[-1]["speaker"] not in {"Tomas Berg", "Ana Ruiz"}, text


def test_the_same_document_keeps_its_issuer_through_the_article(nlp):
    filler = " ".join(f"Voters in district {n} cast {n} ballots." for n in range(1, 7))
    text = ("The Northern Rights Fund filed a complaint on Monday. The complaint says the rule is unfair.\n\n"
            f"{filler}\n\nMany families, the complaint pointed out, live far from a post office.")
    assert describe(nlp, text, "complaint") == ("Northern Rights Fund", [])


def test_the_court_is_the_named_court_that_acted_not_the_one_named_last(nlp):
    text = ("The Court of Appeal in Eastport issued an opinion on Monday. It is the highest court in the region; "
            "the only court above it is the Supreme Court of Ruritania.\n\nThe court said that the law was void.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Court of Appeal"]
    # a hyphenated description is no word of the name
    text = text.replace("The court said", "The three-judge court said")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Court of Appeal"]
    # "a court" is no court in particular
    text = ("The Court of Appeal in Eastport issued an opinion on Monday.\n\n"
            "Rulings from a court, the opinion said, bind the regions.")
    assert describe(nlp, text, "court") != ("Court of Appeal", [])
    # with no court that acted, the nearest named court
    text = ("Appeals go to the Court of Appeal in Eastport, and then to the Supreme Court of Ruritania.\n\n"
            "The court said that the law was void.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Supreme Court of Ruritania"]


def test_a_bodys_summary_speaks_for_the_body(nlp):
    text = ("The Court of Appeal in Eastport issued an opinion on Monday.\n\n"
            "The court's summary concluded with the statement: \"The order is void.\"")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Court of Appeal"]


@pytest.mark.parametrize("text", [
    'An official from the Harbour Transport Authority stated: "We are working with the police."',
    'Officials at the Harbour Transport Authority said that the line would reopen.',
    '"We are working with the police," said an official of the Harbour Transport Authority.',
    'A senior officer with the Harbour Transport Authority, who asked not to be named, said the line was safe.',
])
def test_an_unnamed_official_of_a_named_body_is_the_body(nlp, text):
    assert [r["speaker"] for r in rows(nlp, text)] == ["Harbour Transport Authority"]


def test_an_official_of_a_place_or_an_outsider_of_a_body_stays_unnamed(nlp):
    for text in ('An official from Ruritania said that the border was open.',
                 'A passenger of the Harbour Transport Authority said that the line was slow.',
                 'An official from the Harbour Transport Authority, Ana Ruiz, said the line was safe.'):
        got = rows(nlp, text)
        assert got and got[0]["speaker"] != "Harbour Transport Authority", text


def test_a_body_first_named_inside_the_report_is_not_the_owner_of_its_voice(nlp):
    # the hospital is named only in what the official reports: an official of some hospital, unnamed
    got = rows(nlp, "A hospital official told the Harbour Gazette that the patient, a retired teacher, "
                    "had been treated at the Lakeside Memorial Hospital.")
    assert got and got[0]["speaker"] != "Lakeside Memorial Hospital" and got[0]["speaker_kind"] == "unnamed"
    # named before, the hospital speaks through its official
    got = rows(nlp, "The Lakeside Memorial Hospital admitted five patients overnight. "
                    "A hospital official told the Harbour Gazette that all five were stable.")
    assert [r["speaker"] for r in got] == ["Lakeside Memorial Hospital"]


@pytest.mark.parametrize("sentence", [
    "The family said they planned a private funeral.",
    "His family said they planned a private funeral.",
    "A private funeral is planned, the family said.",
    "Mr. Okafor's family said they planned a private funeral.",
])
def test_a_family_the_article_labels_with_a_surname_speaks_as_that_family(nlp, sentence):
    text = ("Broadcaster Emeka Okafor died on Friday, aged 79. He first met the Okafor family friends in 1990; "
            "the Okafor family later ran a ranch.\n\n" + sentence)
    got = rows(nlp, text)
    assert [r["speaker"] for r in got][-1:] == ["Okafor family"]


def test_another_familys_label_is_not_his(nlp):
    # (the dev10 convention: "his family" is "<Surname> family" also when the article labels no family)
    text = ("Broadcaster Emeka Okafor died on Friday, aged 79. The Berg family ran a ranch nearby.\n\n"
            "His family said they planned a private funeral.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Okafor family"]


@pytest.mark.parametrize("sentence", [
    "In August, the parents tried to have him freed by saying they forgave him.",
    "The parents said that they forgave him.",
    "They forgave him, his parents said.",
])
def test_parents_with_one_named_parent_speak_through_that_parent(nlp, sentence):
    text = ("Tomas Berg was convicted of the killing of his sister Lina Berg. Lina Berg and Tomas Berg's mother, "
            "Margaret, wept in court.\n\n" + sentence)
    assert rows(nlp, text)[-1]["speaker"] == "Margaret"


def test_an_account_for_a_named_show_speaks_for_the_show(nlp):
    text = ('Broadcaster Emeka Okafor died on Friday.\n\nThe account for the Harbour Morning Show, which '
            'replaced his programme, tweeted: "We salute you."')
    assert [r["speaker"] for r in rows(nlp, text)] == ["Harbour Morning Show"]
    # a statement "for" an audience is not the audience's
    text = 'The Harbour Transport Authority issued a statement for the Eastport Gazette: "The line is safe."'
    assert [r["speaker"] for r in rows(nlp, text)] == ["Harbour Transport Authority"]


@pytest.mark.parametrize("text", [
    "A new claim came from a woman, a niece of the senator Ana Ruiz, who claimed that the deal was rigged.",
    "The daughter of Tomas Berg, who asked not to be named, said that the deal was rigged.",
    "The claim came from a niece of his 2008 opponent Ana Ruiz, who claimed that the deal was rigged.",
])
def test_who_after_a_relative_of_a_named_person_is_the_relative(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1]["speaker"] not in {"Ana Ruiz", "Tomas Berg"}, got


def test_who_after_a_named_person_is_that_person(nlp):
    text = "The deal was signed by Ana Ruiz, who claimed that it was fair."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    ('Harbour Authority chief Tom Weller had recommended the closure. After the vote, a Harbour Authority '
     'spokesperson, Dara Velling, indicated the agency was disappointed: "We will study the ruling," he said.'),
    ('Tom Weller had recommended the closure. After the vote, the agency\'s press officer, Dara Velling, '
     'said the agency would appeal. "We will study the ruling," she said.'),
])
def test_a_named_spokesperson_in_apposition_is_who_he_or_she_refers_to(nlp, text):
    from spacy.tokens import Span

    doc = snippet_doc(text, nlp)
    words = [t.text for t in doc]
    # NER's spans on a news article: the spokesperson's name tagged as an organisation
    k, w = words.index("Dara"), words.index("Weller")
    doc.ents = [Span(doc, w - 1, w + 1, label="PERSON"), Span(doc, k, k + 2, label="ORG")]
    q = extract_quotes(doc, article_id="t")
    said = q[q["speaker_mention"].str.lower().isin({"he", "she"})]
    assert list(said["speaker"]) == ["Dara Velling"]


def _with_ents(nlp, text, spans):
    """``text`` parsed, NER's entities replaced by ``spans`` ((first word, n words, label)), quoted."""
    from spacy.tokens import Span
    doc = snippet_doc(text, nlp)
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index(w), words.index(w) + n, label=label) for w, n, label in spans]
    q = extract_quotes(doc, article_id="t")
    return [(r.speaker_mention, r.speaker) for r in q.itertuples()]


@pytest.mark.parametrize("text, spans, name", [
    # the body acted just before (subject), the company noun is in none of its names
    ("Velto reported record sales on Monday. The company said demand for its vans had doubled.",
     [("Velto", 1, "ORG")], "Velto"),
    # a paragraph later, the cue after the clause
    ("Brasco Toys hosted a panel about its new figures. Its stand was busy all day.\n\n"
     "Orders for the figures had doubled since March, the firm said.", [("Brasco", 2, "ORG")], "Brasco Toys"),
    # the agent of a passive; "according to"
    ("The contract was won by Castor Widgets in March. According to the company, 200 workers will be hired.",
     [("Castor", 2, "ORG")], "Castor Widgets"),
    # a possessive subject names it as well
    ("Norvik's ferries stopped running on Friday. The company noted that the storm had damaged two ships.",
     [("Norvik", 1, "ORG")], "Norvik"),
])
def test_a_definite_company_noun_is_the_named_body_that_acted_before(nlp, text, spans, name):
    assert [s for _, s in _with_ents(nlp, text, spans)] == [name]


@pytest.mark.parametrize("text, spans, name", [
    # nobody named: the company stays unnamed
    ("A local company built the bridge in Eastport. The company said the bridge was safe.",
     [("Eastport", 1, "GPE")], "Eastport"),
    # a body of another kind is no company
    ("The Transport Ministry fined the ferry operator on Monday. The company said it would appeal.",
     [("Transport", 2, "ORG")], "Transport Ministry"),
    # a person is no company
    ("Ana Ruiz founded the bakery in 1990. The company said sales had doubled.", [("Ana", 2, "PERSON")], "Ana Ruiz"),
    # "its parent company" is another company
    ("Velto reported record sales on Monday. Its parent company said demand had doubled.", [("Velto", 1, "ORG")],
     "Velto"),
    # the body acted too long before, paragraphs away
    ("Velto reported record sales on Monday.\n\nThe harbour was quiet.\n\nThe company said demand had doubled.",
     [("Velto", 1, "ORG")], "Velto"),
])
def test_a_company_noun_with_no_fitting_body_before_it_stays_unnamed(nlp, text, spans, name):
    got = _with_ents(nlp, text, spans)
    assert len(got) == 1 and got[0][1] != name


@pytest.mark.parametrize("text, label", [
    ("The government of Velmaria issued a statement saying the border would reopen.", "government of Velmaria"),
    ("The embassy in Velmar said two citizens had died.", "embassy in Velmar"),
])
def test_an_unnamed_body_of_a_named_place_is_labelled_with_the_place(nlp, text, label):
    place = label.split()[-1]
    got = _with_ents(nlp, text, [(place, 1, "GPE")])
    assert [s for _, s in got] == [label]


def test_a_body_of_something_else_keeps_its_short_label(nlp):
    got = _with_ents(nlp, "The government of national unity said the border would reopen.", [])
    assert [s for _, s in got] == ["government"]


def cue_speaker(nlp, text, cue, spans=()):
    """The speaker's name of the cue token ``cue`` of ``text`` (NER's spans replaced by ``spans`` when given)."""
    from spacy.tokens import Span
    doc = snippet_doc(text, nlp)
    words = [t.text for t in doc]
    if spans:
        doc.ents = [Span(doc, words.index(w), words.index(w) + n, label=label) for w, n, label in spans]
    a = Attributor(TokenTable(doc), resolution_from(doc), frozenset(), [])
    return a.speaker_of_cue(words.index(cue)).name


@pytest.mark.parametrize("text, spans", [
    ("The Harbour Gazette reported Ana Ruiz recommended that the troops withdraw at once.",
     [("Harbour", 2, "ORG"), ("Ana", 2, "PERSON")]),
    ("The Harbour Gazette reported on Monday that Ana Ruiz had recommended that the troops withdraw.",
     [("Harbour", 2, "ORG"), ("Ana", 2, "PERSON")]),
    ("The Harbour Gazette reported that Mayor Ana Ruiz recommended that the troops withdraw.",
     [("Harbour", 2, "ORG"), ("Ana", 2, "PERSON")]),
])
def test_a_report_an_outlet_makes_of_someone_s_words_is_the_outlets(nlp, text, spans):
    assert cue_speaker(nlp, text, "recommended", spans) == "Harbour Gazette"


@pytest.mark.parametrize("text, spans, name", [
    # a person or a body reporting what another said: the inner speaker keeps it
    ("Tom Berg reported that Ana Ruiz recommended that the troops withdraw.",
     [("Tom", 2, "PERSON"), ("Ana", 2, "PERSON")], "Ana Ruiz"),
    ("The Harbour Authority reported that Ana Ruiz recommended that the troops withdraw.",
     [("Harbour", 2, "ORG"), ("Ana", 2, "PERSON")], "Ana Ruiz"),
    # not a clause of the outlet's report
    ("The Harbour Gazette reported the vote. Ana Ruiz recommended that the troops withdraw.",
     [("Harbour", 2, "ORG"), ("Ana", 2, "PERSON")], "Ana Ruiz"),
])
def test_a_report_by_someone_not_an_outlet_stays_with_the_inner_speaker(nlp, text, spans, name):
    assert cue_speaker(nlp, text, "recommended", spans) == name


@pytest.mark.parametrize("text, name", [
    # the second reporter's "he" is his own, so the next "He tweeted" is his
    ('Mayor Ana Lind said the fire was a tragedy, while Interior Minister Tom Berg wrote he had ordered '
     'checks on every venue. He tweeted, "We stand with the families."', "Tom Berg"),
    # the same with "that" and a passive report
    ('Tom Berg spoke first. Later, Olav Lind told reporters that he was resigning. '
     '"It is time," he said.', "Olav Lind"),
])
def test_he_in_a_clause_a_person_reports_is_that_person(nlp, text, name):
    got = rows(nlp, text)
    said = [r["speaker"] for r in got if r["speaker_mention"] in {"He", "he"}]
    assert said == [name]


def test_he_in_a_clause_is_not_the_reporter_when_the_gender_differs(nlp):
    text = ('Mr. Tom Berg spoke first. Later, Ms. Olga Lind told reporters that he had resigned. '
            '"It is time," he said.')
    got = rows(nlp, text)
    assert [r["speaker"] for r in got if r["speaker_mention"] == "he"] == ["Tom Berg"]


@pytest.mark.parametrize("text, speaker", [
    # the parser reads "official" as the head and "report" as a verb of the acronym "WHO"
    ("The Western Harbour Office (WHO) counted the boats. According to the official WHO report yesterday, "
     "there had been 41 accidents on the river.", "Western Harbour Office"),
    ("The Harbour Safety Agency (HSA) counted the boats. According to the official HSA report yesterday, "
     "there had been 41 accidents on the river.", "Harbour Safety Agency"),
    ("The Harbour Safety Agency counted the boats. According to the latest Harbour Safety Agency report, "
     "there had been 41 accidents on the river.", "Harbour Safety Agency"),
])
def test_a_document_with_a_body_in_front_speaks_for_the_body(nlp, text, speaker):
    got = [r["speaker"] for r in rows(nlp, text)]
    assert got == [speaker], got


def test_an_official_alone_is_still_an_unnamed_official(nlp):
    got = [r["speaker"] for r in rows(nlp, "The Harbour Safety Agency counted the boats. According to the official, "
                                           "there had been 41 accidents on the river.")]
    assert len(got) == 1 and got[0] != "Harbour Safety Agency", got


@pytest.mark.parametrize("text, speaker", [
    # active: the outlet relays the words of its object
    ("The Harbour Gazette quoted Ana Ruiz as saying the bridge was unsafe.", "Ana Ruiz"),
    ("The Harbour Gazette also cited Ana Ruiz, head of the Eastport Water Board, as saying the bridge was unsafe.",
     "Ana Ruiz"),
    ("The Harbour Gazette cited the Eastport Water Board as stating that the bridge was unsafe.", "Eastport Water Board"),
    # passive: the subject is the one quoted, the agent only relays
    ("Ana Ruiz was quoted by the Harbour Gazette as saying the bridge was unsafe.", "Ana Ruiz"),
    ("Ana Ruiz was cited by the Harbour Gazette as saying that the bridge was unsafe.", "Ana Ruiz"),
])
def test_an_outlet_that_quotes_or_cites_someone_as_saying_relays_their_words(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [r["speaker"] for r in got] == [speaker]


def test_citing_without_as_saying_is_the_citers_own_statement(nlp):
    # "cited X" with a clause of its own: the subject speaks, citing a source is no relay
    text = "The Harbour Gazette cited a leaked memo and said the bridge was unsafe."
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Harbour Gazette"]
    text = "Ana Ruiz cited the report, saying the bridge was unsafe."
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Ana Ruiz"]


def test_a_misattached_as_saying_still_belongs_to_the_relaying_verb(nlp):
    # the parser hung "as" on a later verb of a relative clause (as it did on a news article)
    text = ("The Harbour Gazette also cited Ana Ruiz, head of the Eastport Water Board, as saying the boats "
            "were linked to a smuggling group, which itself was tied to a cartel.")
    doc = _misparsed(nlp, text, {"as": ("tied", "prep"), "tied": ("cited", "advcl")})
    got = [r for r in extract_quotes(doc, article_id="t").itertuples() if r.kind == "indirect"]
    assert [r.speaker for r in got] == ["Ana Ruiz"]
    # without a relaying verb "as saying" is the subject's
    text = text.replace("cited", "praised")
    doc = _misparsed(nlp, text, {"as": ("tied", "prep"), "tied": ("praised", "advcl")})
    got = [r for r in extract_quotes(doc, article_id="t").itertuples() if r.kind == "indirect"]
    assert "Ana Ruiz" not in [r.speaker for r in got]


@pytest.mark.parametrize("text, speaker, co", [
    # a group after its place ("in" / "of"), with a region in apposition
    ("According to police in Eastport, Maine, the driver had crashed twice before.", "Eastport police", []),
    ("Officials in Eastport said the bridge would reopen.", "Eastport officials", []),
    ("The bridge will reopen on Monday, prosecutors in Eastport said.", "Eastport prosecutors", []),
    # two places: one group of each
    ("Police in Eastport and Westport said the roads were closed.", "Eastport police", ["Westport police"]),
    ("Springfield and Shelbyville officials said the bridge was safe.", "Springfield officials", ["Shelbyville officials"]),
])
def test_a_group_qualified_by_a_place_is_that_places_group(nlp, text, speaker, co):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [(r["speaker"], list(r["co_speakers"])) for r in got] == [(speaker, co)]


def test_a_place_and_a_group_read_as_two_subjects_are_one_group_of_each_place(nlp):
    # the parser made the first place a subject of its own and the second place's officials another
    # (as on a news article): "Baton Rouge" and "Iberville Parish officials" both subjects of "said"
    text = "Baton Rouge and Iberville Parish officials have said they are not concerned about the levees."
    doc = _misparsed(nlp, text, {"Rouge": ("said", "nsubj"), "and": ("Rouge", "cc"),
                                 "officials": ("said", "nsubj"), "Parish": ("officials", "compound")})
    got = extract_quotes(doc, article_id="t")
    assert [(r.speaker, list(r.co_speakers)) for r in got.itertuples()] == [
        ("Baton Rouge officials", ["Iberville Parish officials"])]


@pytest.mark.parametrize("text", [
    "Officials said the bridge would reopen.",
    "Officials in the region said the bridge would reopen.",
    "Lawyers for Ana Ruiz said the bridge would reopen.",
    "Officials in Ana Ruiz's office said the bridge would reopen.",
])
def test_a_group_without_a_place_is_not_qualified(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and all(r["speaker"] is None or r["speaker"].split()[0].lower() in {"officials", "lawyers"}
                       for r in got)


def test_a_place_coordinated_with_another_places_group_is_one_group_of_each(nlp):
    text = "The city flooded on Monday. Baton Rouge and Iberville Parish officials have said the levees held."
    doc = _misparsed(nlp, text, {"officials": ("Rouge", "conj"), "Rouge": ("said", "nsubj"), "and": ("Rouge", "cc"),
                                 "Parish": ("officials", "compound")})
    got = extract_quotes(doc, article_id="t")
    assert [(r.speaker, list(r.co_speakers)) for r in got.itertuples()] == [
        ("Baton Rouge officials", ["Iberville Parish officials"])]
    # a place and people of no place: not a group of each place
    text = "Baton Rouge and the officials have said the levees held."
    assert all("Baton Rouge officials" != r["speaker"] for r in rows(nlp, text))


def test_they_can_be_a_collective_noun_the_text_spoke_of(nlp):
    # "the team" is one noun for several people: a later "they" is the team (here its named author)
    text = ("Lead author Ana Ruiz of Eastport University studied the fossils. Some older writers mentioned "
            "the birds. The team collected samples from sites at Eastport, Westport and Northport. They "
            "found the samples to be diverse. If the birds had been farmed, they reasoned, the samples "
            "would have shown little diversity.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [r["speaker"] for r in got] == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    # things named together are no group of speakers for "the birds"
    "Birds were kept at Eastport, Westport and Northport. The birds had been farmed, the keepers said.",
])
def test_a_plural_of_things_is_not_the_places_named_before(nlp, text):
    assert all(r["speaker"] not in {"Eastport", "Westport", "Northport"} for r in rows(nlp, text))


def test_the_plural_for_bodies_named_together_is_still_those_bodies(nlp):
    for text in ["Supermarket chains Harbour Foods Ltd and Northgate Retail Inc agreed to merge on Monday. "
                 "The chains said the deal would close in May.",
                 "Harbour Foods Ltd and Northgate Retail Inc agreed to merge on Monday. "
                 "The two companies said the deal would close in May."]:
        got = rows(nlp, text)
        assert [(r["speaker"], list(r["co_speakers"])) for r in got] == [("Harbour Foods Ltd", ["Northgate Retail Inc"])]


@pytest.mark.parametrize("text", [
    "Government official Ana Ruiz died on Monday, the government announced yesterday.",
    "Council member Ana Ruiz was re-elected. The council said the vote was fair.",
    "Ana Ruiz, a ministry adviser, resigned. The ministry said she had left on good terms.",
])
def test_a_body_noun_is_not_a_person_whose_role_has_that_word(nlp, text):
    # "government official" gives Ruiz a role with the word "government": "the government" is still the body
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and all(r["speaker"] != "Ana Ruiz" for r in got)


def test_a_people_noun_in_a_body_list_is_still_a_role(nlp):
    text = "Ana Ruiz, the government minister for health, spoke on Monday. The minister said the talks had failed."
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Ana Ruiz"]


def test_but_joins_no_speakers(nlp):
    # the parser read "the company [invested ...], but the Harbour Gazette reports" as one coordinated
    # subject (as on a news article): "but" contrasts clauses; the one before the verb speaks
    text = ("Velto Stores Ltd opened in 2015. At the time, the company invested in online shops and started "
            "deliveries, but the Harbour Gazette reports only 5% of sales come from them.")
    doc = _misparsed(nlp, text, {"reports": ("reports", "ROOT"), "At": ("reports", "prep"),
                                 "company": ("reports", "nsubj"), "invested": ("company", "acl"),
                                 "but": ("company", "cc"), "Gazette": ("company", "conj")})
    got = [r for r in extract_quotes(doc, article_id="t").itertuples() if r.kind == "indirect"]
    assert [(r.speaker, list(r.co_speakers)) for r in got] == [("Harbour Gazette", [])]
    # "and" still joins two speakers
    text = "Velto Stores Ltd and the Harbour Gazette said only 5% of sales come from online shops."
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [(r["speaker"], list(r["co_speakers"])) for r in got] == [("Velto Stores Ltd", ["Harbour Gazette"])]


def test_a_places_institution_is_named_by_the_place(nlp):
    text = "Canada's police chief resigned on Monday. The police said the chief had left on good terms."
    assert [r["speaker"] for r in rows(nlp, text) if r["kind"] == "indirect"] == ["Canada police"]


def test_a_description_with_a_place_names_no_institution(nlp):
    # "Canada's largest television network" describes a body; it is no "Canada network"
    text = ("Canada's largest television network went off the air on Monday. Velto Media Corporation "
            "signed off at midnight after its licence expired. The network claims the order did not cover "
            "its news channel.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and all(r["speaker"] != "Canada network" for r in got)


def test_the_body_the_text_called_by_the_noun_is_the_noun(nlp):
    # "the Harbour Green party" names the party with the noun after the name: "the party" is it,
    # though another party has the noun inside its name
    text = ("The Liberal National Party won the seat in 2019. Ana Ruiz is running for the Harbour Green party. "
            "Harbour Green describes itself as a movement of the centre. According to the party's website, "
            "Ruiz is a farmer.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [r["speaker"] for r in got] == ["Harbour Green"]
    # without the noun after the name, the party with the noun in its name stays
    text = ("The Liberal National Party won the seat in 2019. Ana Ruiz is running for Harbour Green. "
            "According to the party's website, Ruiz is a farmer.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert [r["speaker"] for r in got] == ["Liberal National Party"]


def test_a_people_noun_after_a_body_name_makes_no_body_of_later_officials(nlp):
    text = ("Around 50 gallons of fuel, officials said, spilled and ignited. Harbour Transport Authority "
            "official Ana Ruiz said the road would be examined.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got[0]["speaker"] != "Harbour Transport Authority"


@pytest.mark.parametrize("text, speaker", [
    ("On Thursday, the journal Nature Lakes published a study by a team from Eastport University, saying the "
     "lake had warmed. Study co-author Ana Ruiz said the team was surprised.", "Ana Ruiz"),
    ("The Harbour Gazette published a letter by Ana Ruiz on Monday, saying the bridge was unsafe.", "Ana Ruiz"),
    ("The Harbour Gazette released a report written by Ana Ruiz, stating that the bridge was unsafe.", "Ana Ruiz"),
])
def test_a_document_published_by_someone_else_speaks_for_its_maker(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got[0]["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The Eastport Air Base issued warnings against attempts to enter the base, saying it was dangerous.",
     "Eastport Air Base"),
    ("The Eastport Water Board published a report on Monday, saying the lake had warmed.", "Eastport Water Board"),
])
def test_a_document_the_subject_made_itself_is_the_subjects(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got[0]["speaker"] == speaker


def test_a_published_study_by_an_unnamed_team_is_not_the_journals(nlp):
    text = ("On Thursday, the journal Nature Lakes published a study by a team from Eastport University, saying "
            "the lake had warmed.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] != "Nature Lakes" and got[0]["speaker_kind"] == "unnamed"


# -- round 7: a thing is no speaker; laws; bodies by their fullest name; a source confirmed with ----


@pytest.mark.parametrize("text", [
    # the quotation after a colon hangs on a verb whose subject is a thing, inside what the person told
    ('Geologist Ana Ruiz told the Harbour Gazette the pattern of cracks in the dam suggested a deeper '
     'cause: "The rock under the dam is moving."'),
    ('Geologist Ana Ruiz said the pattern of cracks in the dam indicated a deeper cause: '
     '"The rock under the dam is moving."'),
    ('Geologist Ana Ruiz explained that the rise in the water table implied something else: '
     '"The rock under the dam is moving."'),
])
def test_a_thing_inside_a_persons_report_leaves_the_quotation_to_the_person(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "direct"]
    assert got and all(r["speaker"] == "Ana Ruiz" for r in got)


@pytest.mark.parametrize("text", [
    'Mayor Ana Ruiz signed the order on Monday. The mayor tweeted her reasoning saying, "The bridge is unsafe."',
    'Mayor Ana Ruiz signed the order on Monday. She posted her thinking saying, "The bridge is unsafe."',
])
def test_a_things_possessor_speaks(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "direct"]
    assert got and got[0]["speaker"] == "Ana Ruiz"


def test_a_thing_with_nobody_around_it_names_no_one(nlp):
    # no person reports the clause and the thing has no possessor: nobody named is credited
    text = ('Ana Ruiz opened the dam in 1990. Thirty years later, the pattern of cracks in the dam suggested '
            'a deeper cause: "The rock under the dam is moving."')
    got = [r for r in rows(nlp, text) if r["kind"] == "direct"]
    assert all(r["speaker"] != "Ana Ruiz" for r in got)


@pytest.mark.parametrize("text, speaker", [
    ("Governor Ana Ruiz resigned on Friday. According to the state's constitution, the treasurer would "
     "normally succeed the governor.", "state's constitution"),
    ("Governor Ana Ruiz resigned on Friday. The Ruritanian constitution stipulates the treasurer succeeds "
     "the governor.", "Ruritanian constitution"),
    ("Governor Ana Ruiz resigned on Friday. The island's charter says that the treasurer succeeds "
     "the governor.", "island's charter"),
])
def test_a_law_speaks_for_itself_not_for_the_person_named_before(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == speaker


def test_a_law_a_named_body_wrote_is_still_the_bodys(nlp):
    text = ("The Harbour Green Party held its congress on Friday. According to the Harbour Green Party's "
            "constitution, the leader is elected every two years.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Harbour Green Party"


@pytest.mark.parametrize("text", [
    ("The Ruritania Department of Water and Power closed two reservoirs. The Department issued a statement "
     "saying the water was safe to drink."),
    ("The Ruritania Department of Water and Power closed two reservoirs on Monday.\n\nThe Department said "
     "that the water was safe to drink."),
])
def test_a_capitalised_body_noun_is_the_body_named_in_full_before(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Ruritania Department of Water and Power"


def test_the_city_is_the_city_the_text_introduced_as_one(nlp):
    text = ("A water main broke in the city of Eastport on Monday. Crews from Jersey City helped to repair "
            "it. By 5 pm the city stated that the water supply had been restored.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Eastport"


@pytest.mark.parametrize("text, speaker", [
    ("The National Weather Service (NWS) warned of floods on Monday. The NWS advisory indicated the river "
     "would crest at thirty feet.", "National Weather Service"),
    ("The Harbour Port Authority closed the docks. An advisory from the Harbour Port Authority said the "
     "storm would pass by noon.", "Harbour Port Authority"),
])
def test_an_advisory_speaks_for_its_issuer(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The Harbour Gazette confirmed with Velto Shipping that the two ships had been sold.", "Velto Shipping"),
    ("The original report was unclear, and the Harbour Gazette confirmed with the Eastport Water Board "
     "that the two reservoirs were separate.", "Eastport Water Board"),
])
def test_an_outlet_that_confirmed_with_a_source_gives_the_source(nlp, text, speaker):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == speaker


def test_a_person_who_confirmed_with_others_still_speaks(nlp):
    text = "Mayor Ana Ruiz confirmed with reporters that the two ships had been sold."
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Ana Ruiz"


def test_people_the_word_lists_miss_are_not_looked_through(nlp):
    # "roommates" is in no list of people nouns: a plural stays its own (unnamed) voice, not the reporter's
    text = "Ana Ruiz, the manager of the cafe, said his roommates said they last saw him on Saturday."
    q = extract_quotes(snippet_doc(text, nlp), article_id="t")
    assert list(q["text"]) == ["his roommates said they last saw him on Saturday"]



def test_a_source_confirmed_with_by_anyone_is_the_source(nlp):
    # the subject need not be known as an outlet ("Wikiworld" has no media word in its name)
    text = "The original report was unclear, and Wikiworld confirmed with Velto Shipping that the two ships were sold."
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Velto Shipping"


@pytest.mark.parametrize("text", [
    ("In a new study released by the Eastport Museum on Monday, scientists report the lake has warmed. "
     "Lead author Ana Ruiz said the team was surprised."),
    "Researchers say in the paper that the lake has warmed. Lead author Ana Ruiz works at the Eastport Museum.",
    ("Lead author Ana Ruiz spent two years at the lake. In the study, published on Monday, researchers "
     "wrote that the lake has warmed."),
])
def test_bare_researchers_with_their_study_in_the_clause_are_its_named_authors(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    ("Lead author Ana Ruiz spent two years at the lake. Some scientists had previously suggested smaller "
     "lakes would warm faster, but that is not what this study reports."),
])
def test_researchers_without_the_study_are_not_its_authors(nlp, text):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[0]["speaker"] != "Ana Ruiz"


def test_a_study_a_museum_released_speaks_for_its_named_authors(nlp):
    text = ("In a new study released by the Eastport Museum on Monday, the lake was surveyed. Lead author "
            "Ana Ruiz led the survey. According to the study, the lake has warmed.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[-1]["speaker"] == "Ana Ruiz"


def test_a_report_a_body_released_is_still_the_bodys(nlp):
    text = ("The Eastport Water Board released a report on Monday. Lead author Ana Ruiz led the survey of "
            "the lake. According to the report, the lake has warmed.")
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert got and got[-1]["speaker"] == "Eastport Water Board"


def test_a_measure_is_no_law(nlp):
    # "the scale of the damage" is no text of rules: inside the mayor's report it leaves the words to her
    text = 'Mayor Ana Ruiz said the scale of the damage suggested one thing: "The dam was never safe."'
    got = [r for r in rows(nlp, text) if r["kind"] == "direct"]
    assert got and got[0]["speaker"] == "Ana Ruiz"


@pytest.mark.parametrize("text, label", [
    ("Two people familiar with the matter said the deal was close.", "Two people familiar with the matter"),
    ("People close to the minister said the deal was close.", "People close to the minister"),
    ("Three people who attended the meeting said the deal was close.", "Three people who attended the meeting"),
])
def test_people_singled_out_as_a_source_are_an_unnamed_source(nlp, text, label):
    got = [r for r in rows(nlp, text) if r["kind"] == "indirect"]
    assert len(got) == 1 and got[0]["speaker_kind"] == "unnamed" and got[0]["speaker"].lower().startswith(
        label.lower().split()[0])


@pytest.mark.parametrize("text", [
    "Many people said the deal was close.",
    "People say the deal is close.",
])
def test_people_at_large_are_no_source(nlp, text):
    assert rows(nlp, text) == []


@pytest.mark.parametrize("text, kind", [
    ("Two officials said the deal was close.", "unnamed"),
    ("Several officials said the deal was close.", "unnamed"),
    ("Eastport police said the driver had been drinking.", "organisation"),
])
def test_a_counted_body_noun_at_the_sentence_start_names_no_body(nlp, text, kind):
    got = rows(nlp, text)
    assert len(got) == 1 and got[0]["speaker_kind"] == kind


# -- round 8: a role or group noun speaks for its owner (the person, body or place the article ties
# it to), else for nobody named -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Broadcaster Emeka Okafor died on Friday, aged 79.\n\nHis family said they planned a private funeral.",
    "Broadcaster Emeka Okafor died in his sleep on Friday, according to a family spokesperson.",
    "Broadcaster Emeka Okafor Jr. died on Friday. Okafor had been ill for months, a family spokesman said.",
    "Broadcaster Emeka Okafor died on Friday. The family said they planned a private funeral.",
    "Broadcaster Emeka Okafor died on Friday. Mr. Okafor's family said they planned a private funeral.",
])
def test_a_family_is_the_family_of_the_person_it_belongs_to(nlp, text):
    assert [r["speaker"] for r in rows(nlp, text)] == ["Okafor family"]


def test_a_family_goes_by_the_name_the_article_calls_the_person(nlp):
    # the article calls him by his middle name: that is his family's name here
    text = ("Veteran minister Samuel Deng Majok died yesterday in Juba. Deng, aged 70, had suffered a long "
            "illness, according to a family spokesperson.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Deng family"]


@pytest.mark.parametrize("text", [
    # nobody the family could belong to, or two people close together
    "A private funeral is planned, the family said.",
    "Two sisters died in the fire on Friday. The family said they planned a private funeral.",
    # a family that is not a person's own ("a family of five")
    "A family of five said they had lost everything in the fire.",
])
def test_a_family_nobody_owns_gets_no_surname(nlp, text):
    assert not any(str(r["speaker"]).endswith(" family") and r["speaker"] != "family" for r in rows(nlp, text))


@pytest.mark.parametrize("text", [
    "Governor Lena Marsh of Ohio came third. Governor Marsh's campaign said she was ending her bid today.",
    "Lena Marsh came third on Tuesday. Her campaign said she was ending her bid today.",
    "Lena Marsh came third on Tuesday. She was ending her bid today, her campaign said.",
    'Lena Marsh came third on Tuesday. The campaign called the report "absolutely false."',
])
def test_a_persons_campaign_speaks_as_surname_campaign(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1]["speaker"] == "Marsh campaign"


@pytest.mark.parametrize("text", [
    "Lena Marsh came third on Tuesday. The campaign against the dam said the vote was unfair.",
    "Lena Marsh came third on Tuesday. A campaign group said the vote was unfair.",
])
def test_a_campaign_that_is_no_persons_is_not_hers(nlp, text):
    assert all(r["speaker"] != "Marsh campaign" for r in rows(nlp, text))


@pytest.mark.parametrize("sentence", [
    "The government said 128 teams took part.",
    "Government officials stated 128 teams took part.",
    "128 teams took part, government officials said.",
    "The prime minister stated that 128 teams took part.",
    "According to the prime minister, 128 teams took part.",
])
def test_the_government_and_its_unnamed_officers_are_the_government_the_article_names(nlp, sentence):
    text = ("Chile ended its state of emergency on Sunday. The government of Chile had declared it in "
            "November.\n\n" + sentence)
    assert [r["speaker"] for r in rows(nlp, text)] == ["government of Chile"]


def test_the_government_named_with_its_country_in_front(nlp):
    text = ("The United States government accused the lawyer of extortion. The government suggested his debt "
            "was a factor.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["United States government"]


@pytest.mark.parametrize("text", [
    # no government named, or two
    "Chile ended its state of emergency on Sunday. The government said 128 teams took part.",
    ("The government of Chile and the government of Peru met on Sunday.\n\n"
     "The government said 128 teams took part."),
])
def test_a_government_the_article_does_not_name_once_stays_unnamed(nlp, text):
    got = rows(nlp, text)
    assert len(got) == 1 and "Chile" not in got[0]["speaker"] and got[0]["speaker_kind"] == "unnamed"


def test_a_named_prime_minister_is_still_the_person(nlp):
    text = ("The government of Chile ended the state of emergency. Prime Minister Ana Ruiz had called for calm.\n\n"
            "The prime minister said 128 teams took part.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "The children were going to a concert, according to the mayor of Tulsa.",
    "The children were going to a concert, the mayor of Tulsa said.",
    "Tulsa's mayor said the children were going to a concert.",
])
def test_an_unnamed_office_holder_of_a_named_place_speaks_for_the_place(nlp, text):
    assert [r["speaker"] for r in rows(nlp, text)] == ["Tulsa"]


def test_a_named_office_holder_of_a_place_is_the_person(nlp):
    text = "Mayor Ana Ruiz of Tulsa met the families. The children were going to a concert, the mayor said."
    assert [r["speaker"] for r in rows(nlp, text)] == ["Ana Ruiz"]


@pytest.mark.parametrize("sentence", [
    "Police said over a hundred people attended the party.",
    "Over a hundred people attended the party, police said.",
    "According to the police, over a hundred people attended the party.",
])
def test_bare_police_are_the_police_the_article_placed(nlp, sentence):
    text = "Early on Saturday, police in Scranton, Pennsylvania, responded to a shooting at a party. " + sentence
    assert [r["speaker"] for r in rows(nlp, text)] == ["Scranton police"]


def test_county_police_are_the_police_of_the_county_the_article_named(nlp):
    text = ("The party took place in Lackawanna County on Saturday. Guests fled when officers arrived, "
            "according to county police.")
    assert [r["speaker"] for r in rows(nlp, text)] == ["Lackawanna County police"]


@pytest.mark.parametrize("text", [
    "Police said over a hundred people attended the party.",
    ("Police in Scranton and police in Allentown responded to shootings on Saturday. "
     "Police said over a hundred people attended the party."),
])
def test_police_nobody_placed_stay_unnamed(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1]["speaker_kind"] == "unnamed" and "Scranton" not in got[-1]["speaker"]


@pytest.mark.parametrize("sentence", [
    "His legal team argued he had simply negotiated for a client.",
    "He had simply negotiated for a client, his legal team argued.",
    "According to his legal team, he had simply negotiated for a client.",
])
def test_a_team_speaks_through_its_one_named_member(nlp, sentence):
    text = ("A jury convicted the lawyer Tomas Berg of extortion on Friday. " + sentence +
            "\n\nAna Ruiz, a member of Berg's legal team, announced Berg would appeal.")
    got = rows(nlp, text)
    assert got[0]["speaker"] == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    # two named members: no one of them speaks for the team
    ("A jury convicted the lawyer Tomas Berg of extortion on Friday. His legal team argued he had simply negotiated. "
     "Ana Ruiz, a member of Berg's legal team, and Lars Holm, a member of Berg's legal team, were in court."),
    # a member of another's team
    ("A jury convicted the lawyer Tomas Berg of extortion on Friday. His legal team argued he had simply negotiated. "
     "Ana Ruiz, a member of Holm's legal team, was in court."),
])
def test_a_team_with_no_one_named_member_of_its_own_stays_unnamed(nlp, text):
    assert rows(nlp, text)[0]["speaker"] != "Ana Ruiz"


@pytest.mark.parametrize("sentence", [
    "A spokesperson told the Harbour Times the attack took place at about 7:45 p.m.",
    "The attack took place at about 7:45 p.m., a spokesman said.",
])
def test_an_unnamed_spokesperson_speaks_for_the_body_that_just_spoke(nlp, sentence):
    text = ("On Friday, the Northern Task Force released a statement saying an attack on the base produced no "
            "casualties.\n\n" + sentence)
    assert rows(nlp, text)[-1]["speaker"] == "Northern Task Force"


def test_an_unnamed_spokesperson_with_no_body_before_stays_unnamed(nlp):
    text = "A spokesperson told the Harbour Times the attack took place at about 7:45 p.m."
    got = rows(nlp, text)
    assert len(got) == 1 and got[0]["speaker_kind"] == "unnamed"


@pytest.mark.parametrize("text", [
    "Retired FBI agent and terrorism specialist Ana Ruiz told the Gazette the group had lost its leader.",
    "Former Interpol officer and security analyst Ana Ruiz said the group had lost its leader.",
])
def test_two_roles_in_front_of_a_name_are_that_person(nlp, text):
    got = rows(nlp, text)
    assert [(r["speaker"], r["co_speakers"]) for r in got] == [("Ana Ruiz", [])]


def test_two_people_coordinated_are_still_two(nlp):
    text = "The mayor and her deputy Ana Ruiz said the bridge would reopen."
    got = rows(nlp, text)
    assert got and got[0]["speaker"] != "Ana Ruiz" or got[0]["co_speakers"]


@pytest.mark.parametrize("text, owner", [
    ("The children were going to a concert, according to the chairman of Velto Shipping.", "Velto Shipping"),
    ("Velto Shipping's chairman said the ship would sail.", "Velto Shipping"),
])
def test_an_unnamed_office_holder_of_a_named_body_speaks_for_the_body(nlp, text, owner):
    assert [r["speaker"] for r in rows(nlp, text)] == [owner]


@pytest.mark.parametrize("sentence", [
    "Part of the court order that was not overturned declared that ballots would not be counted until April 13.",
    "The court order declared that ballots would not be counted until April 13.",
    "Ballots would not be counted until April 13, the court order declared.",
])
def test_a_court_order_is_the_word_of_the_judge_who_ordered_it(nlp, sentence):
    # the act told in a clause of its own, the order's maker a judge named in apposition
    text = ("The vote was delayed after Maria Lopez, a United States District judge, ordered last week that ballots "
            "be accepted until April 13. The Supreme Court later ruled against her extension. " + sentence)
    assert rows(nlp, text)[-1]["speaker"] == "Maria Lopez"
    text = ("Judge Maria Lopez of the district court ordered last week that ballots be accepted until April 13. "
            "The Supreme Court later ruled against her extension. " + sentence)
    got = [r for r in rows(nlp, text) if "counted" in str(r.get("speaker_mention")) or True]
    assert got[-1]["speaker"] == "Maria Lopez"


def test_a_court_order_nobody_named_ordered_stays_the_courts(nlp):
    text = ("The Supreme Court of Chile ruled on Monday against the extension. "
            "The court order declared that ballots would not be counted until April 13.")
    assert rows(nlp, text)[-1]["speaker"] == "Supreme Court of Chile"


@pytest.mark.parametrize("sentence", [
    "Members of his family said he had been ill for some time.",
    "The Moreau family, which announced the death, said he had been ill for some time.",
    "He had been ill for some time, a spokeswoman for the family said.",
])
def test_a_family_however_written_is_the_family(nlp, sentence):
    text = "Veteran actor Paul Moreau died on Sunday in Lyon. " + sentence
    assert [r["speaker"] for r in rows(nlp, text)] == ["Moreau family"]


@pytest.mark.parametrize("sentence", [
    "The parties said they expect a decision this year.",
    "Both companies said they expect a decision this year.",
])
def test_a_pair_of_bodies_named_paragraphs_before_is_still_the_pair(nlp, sentence):
    text = ("On Thursday, the retailer Nordwind Holdings and the Harbin Group announced their agreement over the sale.\n\n"
            "The deal covers 301 stores. The price is 900 million. The stores employ 7000 people. "
            "The regulator has to approve the deal. It meets in May.\n\n" + sentence)
    got = [r for r in rows(nlp, text) if r["speaker_mention"] in {"The parties", "Both companies"}]
    assert len(got) == 1 and {got[0]["speaker"], *got[0]["co_speakers"]} == {"Nordwind Holdings", "Harbin Group"}


def test_people_named_together_long_before_are_not_a_later_group(nlp):
    text = ("On Thursday, Ana Ruiz and Lars Holm announced their agreement.\n\n"
            "The deal covers 301 stores. The price is 900 million. The stores employ 7000 people. "
            "The regulator has to approve the deal. It meets in May.\n\n"
            "The officials said they expect a decision this year.")
    assert rows(nlp, text)[-1]["speaker"] not in {"Ana Ruiz", "Lars Holm"}


@pytest.mark.parametrize("sentence", [
    "Event organizers reported that 908 of the 2240 attendees wore costumes.",
    "According to the event organisers, 908 of the 2240 attendees wore costumes.",
    "Organizers of the Winter Light Festival said 908 of the 2240 attendees wore costumes.",
])
def test_organisers_speak_for_the_event(nlp, sentence):
    text = "The city played host to the tenth Winter Light Festival, an annual event for music fans. " + sentence
    assert rows(nlp, text)[-1]["speaker"] == "Winter Light Festival"


def test_a_research_team_with_no_author_named_is_the_body_of_its_researchers(nlp):
    text = ("On Friday, researchers at the Velmar Institute of Technology posted findings on the outbreak. "
            "The research team posted their findings online before publication. The team said the outbreak "
            "may have infected 1700 people.")
    assert rows(nlp, text)[-1]["speaker"] == "Velmar Institute of Technology"


def test_the_company_is_the_one_body_the_sentence_before_names(nlp):
    text = ("A helicopter crashed near the plant on Tuesday. The three dead were Nordwind Holdings contract workers. "
            "The company said power was restored by the evening.")
    assert rows(nlp, text)[-1]["speaker"] == "Nordwind Holdings"


def test_the_company_is_no_body_of_an_earlier_paragraph_named_only_in_passing(nlp):
    text = ("The three dead were Nordwind Holdings contract workers.\n\nThe storm passed. The harbour was quiet.\n\n"
            "The company said power was restored by the evening.")
    assert rows(nlp, text)[-1]["speaker"] != "Nordwind Holdings"

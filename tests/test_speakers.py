"""helpers.extract.speakers: pronouns and definite descriptions resolved to people, on texts written here."""

import pytest

from helpers.ingest.nlp import load_nlp
from helpers.extract.quote_eval import snippet_doc
from helpers.extract.quotes import extract_quotes


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def speakers(nlp, text):
    q = extract_quotes(snippet_doc(text, nlp), article_id="t")
    return [(r.speaker_mention, r.speaker) for r in q.itertuples()]


def test_pronoun_goes_to_the_person_talked_about_not_the_nearest_name(nlp):
    text = ("Her remarks followed a speech given on Monday by Amelia Ortiz at a dinner with the Danish "
            "envoy Lars Holm. She had urged the banks to lower their fees.")
    assert speakers(nlp, text) == [("She", "Amelia Ortiz")]


def test_pronoun_follows_gender(nlp):
    text = "Ms. Ferreira met Mr. Osei in Accra. He said the deal was close."
    assert speakers(nlp, text) == [("He", "Osei")]
    text = "Peter Lang met Julia Brandt in Bonn. She said the deal was close."
    assert speakers(nlp, text) == [("She", "Julia Brandt")]


def test_pronoun_chain_keeps_its_referent(nlp):
    text = ("Tariq Aziz, a fisherman, lost his boat in the storm. He says the warnings came too late. "
            "He also says the port was never repaired.")
    assert [s for _, s in speakers(nlp, text)] == ["Tariq Aziz", "Tariq Aziz"]


def test_definite_description_refers_to_the_person_just_named(nlp):
    text = 'Marta Lindgren has taught for forty years.\n"Children have changed," the teacher said.'
    assert speakers(nlp, text) == [("the teacher", "Marta Lindgren")]


def test_organisation_pronoun_it(nlp):
    text = "The Port Authority said on Friday that two cranes had collapsed. It added that nobody was hurt."
    assert [s for _, s in speakers(nlp, text)] == ["Port Authority", "Port Authority"]


def test_surname_is_canonicalised_to_full_name(nlp):
    text = 'Dr. Helena Vasquez leads the clinic. "We are full," Vasquez said.'
    assert speakers(nlp, text) == [("Vasquez", "Helena Vasquez")]


def test_coordinated_speakers(nlp):
    text = '"We will appeal," said Omar Bakr and Lina Haddad.'
    got = speakers(nlp, text)
    assert len(got) == 1 and got[0][1] == "Omar Bakr and Lina Haddad"


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

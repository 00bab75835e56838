"""Speaker kinds (the quotes frame's ``speaker_kind``) decided by what the text does with a name,
on sentences written for these tests: news outlets are publications by their context, and a
one-word "person" of the NER that the text treats as a company is an organisation."""

import pytest

from helpers.extract.entities import resolution_from
from helpers.extract.quotes import extract_quotes
from helpers.ingest.nlp import load_nlp
from helpers.measure.quote_eval import snippet_doc


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def kinds(nlp, text):
    """(speaker, speaker_kind) of every statement of ``text``, and the entities by name."""
    doc = snippet_doc(text, nlp)
    res = resolution_from(doc, None)
    q = extract_quotes(doc, article_id="t", resolution=res)
    return [(r.speaker, r.speaker_kind) for r in q.itertuples()], {e.name: e for e in res.entities}


@pytest.mark.parametrize("text, outlet", [
    # someone speaks to it, then it reports a clause
    ("Speaking to the KTVN network, Lina Morrow said the tax would fail. KTVN reported that the vote had "
     "been delayed.", "KTVN"),
    ("Harlan Price told RNX that the mill would close. RNX reported that the workers were not told.", "RNX"),
    # a piece of journalism carries its name
    ("An article by Brightwire said the river had flooded. Brightwire reported that two bridges had closed.",
     "Brightwire"),
])
def test_an_outlet_by_its_context_is_a_publication(nlp, text, outlet):
    got, ents = kinds(nlp, text)
    assert (outlet, "publication") in got
    assert ents[outlet].is_outlet


@pytest.mark.parametrize("text, org", [
    # told an institution: no outlet
    ("Harlan Price told the Tovar Council that the mill would close. The Tovar Council said the mill was safe.",
     "Tovar Council"),
    # an institution's report
    ("The Carden Institute reported that the mill would close.", "Carden Institute"),
    # a company's press release
    ("The store chain Pellam, in its weekly media release, reported that stocks were running low.", "Pellam"),
])
def test_an_organisation_that_reports_or_is_told_stays_an_organisation(nlp, text, org):
    got, ents = kinds(nlp, text)
    assert (org, "organisation") in got
    assert not ents[org].is_outlet


def test_a_social_media_site_is_no_publication(nlp):
    got, _ = kinds(nlp, "Users of the social media site Zentrix shared the post. Zentrix released a statement "
                        'which said the post broke its rules. "We will appeal," Zentrix said.')
    assert set(got) == {("Zentrix", "organisation")}


def test_a_one_word_person_that_acts_as_a_company_is_an_organisation(nlp):
    text = ("Users of the social media site Zentrix shared the post. Zentrix released a statement which said "
            'the post broke its rules. "We will appeal," Zentrix said.')
    _, ents = kinds(nlp, text)
    assert ents["Zentrix"].labels["PERSON"] >= 1  # the NER took it for a person's name
    assert not ents["Zentrix"].is_person and ents["Zentrix"].label == "ORG"


def test_a_one_word_person_with_a_persons_evidence_stays_a_person(nlp):
    # negative: "he" after it, and a title in front
    got, ents = kinds(nlp, "Marlow said he would stay. Marlow's statement said the roof leaked.")
    assert set(got) == {("Marlow", "person")} and ents["Marlow"].is_person
    got, _ = kinds(nlp, "Mr. Quennell's statement said the roof leaked. Quennell said the repairs would wait.")
    assert set(got) == {("Quennell", "person")}


# --- the person named last in the subject phrase, after a role noun, speaks ----------------------


@pytest.mark.parametrize("text, person", [
    ("Longtime Harbour at Dawn writer and performer Nils Okoro tweeted that the show had been a joy.", "Nils Okoro"),
    ("Longtime Jonas in the Evening writer and producer Mara Keel tweeted that the show had been a joy.", "Mara Keel"),
])
def test_the_person_at_the_end_of_the_subject_phrase_speaks(nlp, text, person):
    got, _ = kinds(nlp, text)
    assert got == [(person, "person")]


def test_a_coordination_is_not_read_as_a_title(nlp):
    # negative: "X and deputy Y said" keeps the first named (a joint statement), never Y alone
    got, _ = kinds(nlp, "Tovar Mills and deputy Ana Ruiz said the bridge was safe.")
    assert got and got[0][0] != "Ana Ruiz"


@pytest.mark.parametrize("text, speaker, kind", [
    # a common noun for a body names nobody: unnamed, whatever its case at the start of a sentence
    ("Officials said the road would reopen on Friday.", "officials", "unnamed"),
    ("The bridge was closed. Police said two cars had collided on it.", "police", "unnamed"),
    ("On Monday, local authorities said the water was safe to drink.", "local authorities", "unnamed"),
    # a body the text names stays an organisation
    ("Baytown police said two cars had collided.", "Baytown police", "organisation"),
    ("The Tovar Council said the mill was safe.", "Tovar Council", "organisation"),
])
def test_a_bare_body_noun_is_an_unnamed_speaker(nlp, text, speaker, kind):
    got, _ = kinds(nlp, text)
    assert [(s.casefold() if s else s, k) for s, k in got] == [(speaker.casefold(), kind)]


def test_bare_body_nouns_by_rule():
    from helpers.extract.speakers import is_bare_body_noun

    for name in ["officials", "Officials", "police", "the ministry", "local authorities", "prosecutors"]:
        assert is_bare_body_noun(name), name
    for name in ["Baytown police", "Japanese officials", "Trump campaign", "NASA", "Tovar Council", "Ana Berg", ""]:
        assert not is_bare_body_noun(name), name

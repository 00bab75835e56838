"""helpers.extract.quotes and helpers.extract.quotemarks on sentences written for these tests (never the seed's)."""

import random

import pytest

from helpers.ingest.nlp import load_nlp
from helpers.measure.quote_eval import snippet_doc
from helpers.extract.quotemarks import find_quoted_spans
from helpers.extract.quotes import QUOTE_COLUMNS, extract_quotes, render_quotes_html


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def quotes_of(nlp, text):
    return extract_quotes(snippet_doc(text, nlp), article_id="t")


def rows(q, kind=None):
    if kind:
        q = q[q["kind"] == kind]
    return [(r.text, r.speaker) for r in q.itertuples()]


# --- quote marks -------------------------------------------------------------------------------


def spans(text):
    return [text[s.start_char:s.end_char] for s in find_quoted_spans(text)]


def test_marks_mixed_straight_and_curly():
    assert spans('He called it “a fine mess" and left.') == ["a fine mess"]


def test_marks_apostrophes_and_nested_single_quotes():
    text = "\"The farmers' 'golden rule' doesn’t apply,\" she said."
    assert spans(text) == ["The farmers' 'golden rule' doesn’t apply,"]


def test_marks_stray_mark_does_not_shift_later_pairs():
    text = 'A 6" pipe burst.\n"Water everywhere," he said. "It was chaos."'
    assert spans(text) == ["Water everywhere,", "It was chaos."]


def test_marks_unclosed_quote_ends_at_paragraph():
    text = '"First part of a long quote.\n"Second part," she said.'
    got = find_quoted_spans(text)
    assert [text[s.start_char:s.end_char] for s in got] == ["First part of a long quote.", "Second part,"]
    assert got[0].open_ended and not got[1].open_ended


# --- direct quotes -----------------------------------------------------------------------------


def test_direct_quote_before_cue(nlp):
    q = quotes_of(nlp, '"The river rose in minutes," Karen Holt said on Sunday.')
    assert rows(q) == [("The river rose in minutes,", "Karen Holt")]
    assert q.iloc[0]["cue"] == "said" and q.iloc[0]["kind"] == "direct"


def test_direct_quote_after_cue_with_colon(nlp):
    q = quotes_of(nlp, 'Karen Holt told reporters: "We need more pumps."')
    assert rows(q) == [("We need more pumps.", "Karen Holt")]
    assert q.iloc[0]["cue"] == "told"


def test_quote_split_by_cue_has_one_speaker(nlp):
    q = quotes_of(nlp, '"We tried," said Omar Haddad, a local farmer. "Nobody listened to us."')
    assert rows(q) == [("We tried,", "Omar Haddad"), ("Nobody listened to us.", "Omar Haddad")]


def test_inverted_cue_with_apposition(nlp):
    q = quotes_of(nlp, '"Prices will fall," said Lena Brandt, head of research at Kestrel Bank.')
    assert rows(q) == [("Prices will fall,", "Lena Brandt")]
    assert q.iloc[0]["speaker_mention"] == "Lena Brandt"


def test_continuation_paragraph_belongs_to_previous_speaker(nlp):
    text = ('"The harvest failed," said Tomas Ek, a grain trader.\n'
            '"Nobody saw it coming. We are now buying abroad."\n'
            'The ministry did not reply.')
    q = quotes_of(nlp, text)
    assert rows(q) == [("The harvest failed,", "Tomas Ek"),
                       ("Nobody saw it coming. We are now buying abroad.", "Tomas Ek")]
    assert q.iloc[1]["attribution"] == "continuation"


def test_multi_paragraph_quote_is_one_row_per_paragraph_with_one_speaker(nlp):
    text = ('Ines Moreau said: "The first wave was small.\n'
            '"The second one took the roof.\n'
            '"The third took the rest."')
    q = quotes_of(nlp, text)
    assert rows(q) == [("The first wave was small.", "Ines Moreau"), ("The second one took the roof.", "Ines Moreau"),
                       ("The third took the rest.", "Ines Moreau")]
    assert list(q["attribution"])[1:] == ["multi-paragraph", "multi-paragraph"]
    assert not q["needs_review"].any()


def test_pronoun_speaker_is_resolved(nlp):
    q = quotes_of(nlp, 'Rosa Lindqvist stepped off the boat. "It was freezing," she said.')
    assert rows(q) == [("It was freezing,", "Rosa Lindqvist")]
    assert q.iloc[0]["speaker_mention"] == "she" and q.iloc[0]["attribution"] == "pronoun"


def test_first_person_inside_quote_is_never_the_speaker(nlp):
    q = quotes_of(nlp, 'Paul Weiss nodded. "I told them we would win," he said.')
    assert rows(q) == [("I told them we would win,", "Paul Weiss")]


def test_organisation_speaks(nlp):
    q = quotes_of(nlp, '"Detectives are reviewing footage," Leeds police said in a statement.')
    assert q.iloc[0]["speaker"] == "Leeds police"
    assert q.iloc[0]["speaker_type"] == "ORG"


def test_dash_attribution_is_a_pull_quote_and_repeats_the_body_quote(nlp):
    text = ('"Nobody reads the fine print." - Okonkwo\n'
            'Chidi Okonkwo, a consumer lawyer, was blunt. "Nobody reads the fine print," he said.')
    q = quotes_of(nlp, text)
    pull = q[q["is_pull_quote"]]
    body = q[~q["is_pull_quote"] & (q["kind"] == "direct")]
    assert len(pull) == 1 and len(body) == 1
    assert pull.iloc[0]["speaker"] == "Chidi Okonkwo" == body.iloc[0]["speaker"]
    assert pull.iloc[0]["duplicate_of"] == body.iloc[0]["quote_id"]


# --- partial quotes and non-quotes ---------------------------------------------------------------


def test_partial_quote_in_what_he_called(nlp):
    q = quotes_of(nlp, 'Diego Marin criticised what he called a "reckless" budget.')
    assert rows(q, "partial") == [("reckless", "Diego Marin")]


def test_partial_quote_inside_reported_speech(nlp):
    q = quotes_of(nlp, 'The regulator said the merger was "a serious threat" to competition.')
    assert rows(q, "partial") == [("a serious threat", "regulator")]
    assert rows(q, "indirect") == [('the merger was "a serious threat" to competition', "regulator")]


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    assert quotes_of(nlp, 'The so-called "smart" meters failed in the cold.').empty
    assert quotes_of(nlp, 'Her novel "The Quiet Harbour" sold well.').empty
    assert quotes_of(nlp, 'Lars Nilsen claims his favourite film is "The Long Night Road".').query("kind != 'indirect'").empty


def test_thoughts_are_not_quotes(nlp):
    assert quotes_of(nlp, 'Nadia Petrova thinks the plan is "brilliant".').empty
    assert quotes_of(nlp, '"What have I done?" the driver wondered.').empty


# --- indirect speech -----------------------------------------------------------------------------


def test_indirect_said_that(nlp):
    q = quotes_of(nlp, "Mayor Ruth Adler said that the bridge would reopen in May.")
    assert rows(q) == [("the bridge would reopen in May", "Ruth Adler")]
    assert q.iloc[0]["kind"] == "indirect"


def test_indirect_via_participle_and_pronoun(nlp):
    text = "Gareth Lowe left the meeting early. He rejected the offer, saying it was far too low."
    q = quotes_of(nlp, text)
    assert rows(q) == [("it was far too low", "Gareth Lowe")]
    assert q.iloc[0]["cue"] == "saying"


def test_according_to(nlp):
    q = quotes_of(nlp, "According to the statistics office, exports fell by a third.")
    assert rows(q) == [("exports fell by a third", "statistics office")]
    assert q.iloc[0]["cue_lemma"] == "according to"


def test_called_on_to(nlp):
    q = quotes_of(nlp, "Amira Saleh called on the council to publish the report.")
    assert rows(q) == [("the council to publish the report", "Amira Saleh")]


def test_reported_noun_phrase_and_thought_are_not_indirect(nlp):
    assert quotes_of(nlp, "Jan Novak signalled his intention to resign.").empty
    assert quotes_of(nlp, "Jan Novak expects the vote to fail.").empty


def test_two_speakers_in_one_sentence(nlp):
    q = quotes_of(nlp, "The union argues the offer is too low, while the management insists it is fair.")
    assert rows(q) == [("the offer is too low", "union"), ("it is fair", "management")]


# --- frame contract and robustness -------------------------------------------------------------


def test_frame_columns_and_offsets(nlp):
    text = 'Eva Stone said the roads were closed. "Stay home," she added.'
    doc = snippet_doc(text, nlp)
    q = extract_quotes(doc, article_id="t")
    assert list(q.columns) == QUOTE_COLUMNS
    assert list(q["start_char"]) == sorted(q["start_char"])
    for r in q.itertuples():
        assert doc.text[r.start_char:r.end_char] == r.text
        assert isinstance(r.sentence_ids, list) and r.sentence_ids
    assert q["quote_id"].is_unique


def test_never_raises_on_odd_strings(nlp):
    random.seed(7)
    alphabet = ['"', "“", "”", "'", "’", "\n", "\n\n", " ", "he said", "Anna", ",", ".", "-", "x"]
    odd = ["", " ", "\n", '"', '""', "“”", '"\n"', "said", "“" * 30, '"a" "b" "c"']
    odd += ["".join(random.choice(alphabet) for _ in range(random.randint(1, 30))) for _ in range(150)]
    for text in odd:
        q = extract_quotes(snippet_doc(text, nlp))
        assert list(q.columns) == QUOTE_COLUMNS


def test_render_html_labels_speakers(nlp):
    text = '"We will rebuild," said Hana Sato.'
    q = quotes_of(nlp, text)
    html = render_quotes_html(text, q)
    assert "<mark" in html and "Hana Sato" in html and "We will rebuild," in html


def test_render_html_shows_no_missing_markers_for_a_quote_without_cue_or_speaker(nlp):
    text = '"We will rebuild," said Hana Sato.'
    q = quotes_of(nlp, text)
    q["cue"] = q["cue"].astype(object)
    q.loc[:, ["cue", "speaker"]] = None  # as for a pull quote attributed by a dash, with no speaker resolved
    html = render_quotes_html(text, q)
    assert "None" not in html and "nan" not in html and "cue:" not in html
    assert "?</span>" in html


def test_inverted_cue_whose_speaker_is_parsed_as_object(nlp):
    q = quotes_of(nlp, '"Is anyone listening?" asked one shopkeeper, pointing at the shutters.')
    assert rows(q) == [("Is anyone listening?", "one shopkeeper")]


def test_headline_colon_attribution(nlp):
    q = quotes_of(nlp, 'Okafor: "We will rebuild the bridge"')
    assert rows(q) == [("We will rebuild the bridge", "Okafor")]
    assert q.iloc[0]["attribution"] == "colon"


def test_quoted_as_saying(nlp):
    q = quotes_of(nlp, "The airline is quoted as saying that the pilots had followed procedure.")
    assert rows(q) == [("the pilots had followed procedure", "airline")]


def test_short_quote_opening_the_sentence_is_direct(nlp):
    q = quotes_of(nlp, 'Ana Sousa came back an hour later. "Sorry," Sousa said.')
    assert rows(q) == [("Sorry,", "Ana Sousa")] and q.iloc[0]["kind"] == "direct"


def test_british_single_quotes_when_no_double_marks(nlp):
    assert spans("‘We won’t give up,’ she said. ‘Never.’") == ["We won’t give up,", "Never."]
    q = quotes_of(nlp, "‘We won’t give up,’ said Fiona Blake, a nurse.")
    assert rows(q) == [("We won’t give up,", "Fiona Blake")]
    # with double marks present, single marks are apostrophes or nested quotes
    assert spans("He said \"it's 'fine'\" and left.") == ["it's 'fine'"]


def test_quote_after_cue_the_parser_did_not_link(nlp):
    q = quotes_of(nlp, 'Rita Gomez spoke when she said of her late mentor, "He was a giant of the stage."')
    assert rows(q) == [("He was a giant of the stage.", "Rita Gomez")]


def test_parenthetical_cue_reports_its_host_clause(nlp):
    q = quotes_of(nlp, "Sam Ortiz runs the shelter. The money, he said, had run out in March.")
    # The span is contiguous, so it keeps the parenthetical cue inside.
    assert rows(q) == [("The money, he said, had run out in March", "Sam Ortiz")]


def test_report_of_a_report_is_the_inner_speakers(nlp):
    q = quotes_of(nlp, "The mayor, Ida Berg, said the bridge was safe, the local paper reported.")
    assert rows(q, "indirect") == [("the bridge was safe", "Ida Berg")]


def test_conjoined_cue_after_a_verb_the_parser_read_as_noun(nlp):
    q = quotes_of(nlp, 'Asked about the deal, Nadia Sol sighed and said, "We did what we could."')
    assert rows(q, "direct") == [("We did what we could.", "Nadia Sol")]


def test_colon_attribution_prefers_the_person_in_a_title(nlp):
    q = quotes_of(nlp, 'Press Secretary Dana Whitlock: "We have nothing to add."')
    assert rows(q) == [("We have nothing to add.", "Dana Whitlock")]


def test_quoted_as_saying_a_direct_quote(nlp):
    q = quotes_of(nlp, '"We acted in time," Lena Voss was quoted as saying in a local newspaper.')
    assert rows(q) == [("We acted in time,", "Lena Voss")]


def test_according_to_in_the_middle_keeps_the_main_clause(nlp):
    # (filings that name no author are no speaker: see test_according_to_evidence_or_documents_...)
    q = quotes_of(nlp, "In the spring, according to prosecutors, the firm moved its money abroad.")
    assert rows(q) == [("the firm moved its money abroad", "prosecutors")]


def test_missing_values_are_none(nlp):
    q = quotes_of(nlp, 'Ines Roth runs a bakery.\n"Bread is what people keep buying."')
    assert q.iloc[0]["cue"] is None and q.iloc[0]["duplicate_of"] is None


def test_standalone_copy_of_a_quote_is_a_pull_quote(nlp):
    text = ('Ines Roth runs the only bakery in town.\n\n"Bread is the last thing people give up."\n\n'
            'Business has been slow, Roth said. "Bread is the last thing people give up," she said.')
    q = quotes_of(nlp, text)
    direct = q[q["kind"] == "direct"]
    assert list(direct["is_pull_quote"]) == [True, False]
    assert direct.iloc[0]["duplicate_of"] == direct.iloc[1]["quote_id"]


def test_sentence_shaped_quote_is_standalone_whatever_the_splitter_did(nlp):
    text = 'Maya Brandt said the vote was close. "We lost by ten votes." The count ended at midnight.'
    q = quotes_of(nlp, text)
    assert rows(q, "direct") == [("We lost by ten votes.", "Maya Brandt")]


def test_cue_between_two_quotations_serves_the_first(nlp):
    q = quotes_of(nlp, '"Honestly," the coach added, "we were lucky to win."')
    assert [r[0] for r in rows(q)] == ["Honestly,", "we were lucky to win."]
    assert set(q["speaker"]) == {"coach"}


def test_agency_quoted_someone_as_saying(nlp):
    q = quotes_of(nlp, "The Tass news agency quoted deputy minister Pavel Orlov as saying the talks had failed.")
    assert rows(q) == [("the talks had failed", "Pavel Orlov")]


def test_according_to_an_agency_reporting_a_speaker_is_one_statement_of_the_agency(nlp):
    # the outer source speaks (the dev2/dev8 convention for nested reports, speakers slice d8f5615)
    q = quotes_of(nlp, "According to Interfax, spokesman Ivan Belov said the border was closed.")
    assert rows(q) == [("the border was closed", "Interfax")]


def test_clause_headed_by_continue_is_still_reported(nlp):
    q = quotes_of(nlp, "Prime Minister Ada Kovac said the government would continue to work.")
    assert rows(q) == [("the government would continue to work", "Ada Kovac")]


# --- reported clauses: which words, and which verbs --------------------------------------------


def texts(q, kind=None):
    return [t for t, _ in rows(q, kind)]


def test_object_the_parser_took_from_the_clause_is_its_subject(nlp):
    assert texts(quotes_of(nlp, "The engineer remarked concrete is a poor insulator.")) == [
        "concrete is a poor insulator"]
    assert texts(quotes_of(nlp, "The mayor has promised every family will receive a voucher.")) == [
        "every family will receive a voucher"]


def test_hearer_is_not_part_of_the_reported_clause(nlp):
    q = quotes_of(nlp, "Ana Ruiz told reporters the bridge was safe.")
    assert rows(q) == [("the bridge was safe", "Ana Ruiz")]


def test_a_report_verb_without_a_clause_is_no_report_of_a_report(nlp):
    q = quotes_of(nlp, "State auditors charged the firm with fraud, they said on Monday.")
    assert texts(q, "indirect") == ["State auditors charged the firm with fraud"]
    q = quotes_of(nlp, "According to the bulletin, the museum maintains a large archive of maps.")
    assert texts(q) == ["the museum maintains a large archive of maps"]


def test_according_to_on_a_participle_qualifies_the_main_clause(nlp):
    q = quotes_of(nlp, "Volunteers, working through the night, according to the fire service rescued twelve people.")
    (text,) = texts(q)
    assert text.startswith("Volunteers") and text.endswith("rescued twelve people")


def test_according_to_before_a_trailing_adjunct_keeps_the_clause_before(nlp):
    q = quotes_of(nlp, "The coastal road reopened on Friday, according to officials, with traffic moving slowly.")
    assert texts(q) == ["The coastal road reopened on Friday"]


def test_according_to_a_source_who_said_leaves_the_source_its_own_statement(nlp):
    q = quotes_of(nlp, "The fire started shortly after midnight, according to the fire brigade, "
                       "which said crews arrived within minutes.")
    assert "The fire started shortly after midnight" in texts(q)
    assert not any("crews" in t and "midnight" in t for t in texts(q))


def test_of_two_clauses_the_one_after_the_cue_is_reported(nlp):
    q = quotes_of(nlp, "The company denied any wrongdoing, however, an inquiry by the regulator concluded "
                       "the accounts had been altered.")
    assert texts(q) == ["the accounts had been altered"]


def test_appeals_are_reported_but_orders_and_requests_to_one_person_are_not(nlp):
    assert texts(quotes_of(nlp, "The council urged residents to conserve water.")) == [
        "residents to conserve water"]
    assert texts(quotes_of(nlp, "The agency invited both sides to resume talks.")) == ["both sides to resume talks"]
    assert quotes_of(nlp, "The manager ordered the staff to leave early.").empty
    assert quotes_of(nlp, "Nora Hale asked her brother to wait outside.").empty


def test_report_verbs_that_need_a_clause(nlp):
    assert rows(quotes_of(nlp, "Lena Ortiz estimated the repairs would take a month.")) == [
        ("the repairs would take a month", "Lena Ortiz")]
    assert texts(quotes_of(nlp, "Deputy Minister Omar Farouk indicated the talks would resume in June.")) == [
        "the talks would resume in June"]
    assert quotes_of(nlp, "Lena Ortiz estimated the cost at two million euros.").empty
    assert quotes_of(nlp, "Omar Farouk indicated his support.").empty


def test_data_demonstratives_and_you_are_no_speakers(nlp):
    assert quotes_of(nlp, "Polls indicate the senator will win the seat.").empty
    assert quotes_of(nlp, "According to estimates, the crowd numbered ten thousand.").empty
    assert quotes_of(nlp, "A survey by the union found that most members oppose the deal.").empty
    assert quotes_of(nlp, "This implies the model is wrong.").empty
    assert quotes_of(nlp, "You said the shop would close.").empty
    assert texts(quotes_of(nlp, "The National Weather Survey reported the storm had weakened.")) == [
        "the storm had weakened"]


def test_quoted_object_of_thanks_and_characterisation(nlp):
    q = quotes_of(nlp, 'Coach Ida Berg thanked "every single fan who travelled to the match".')
    assert rows(q) == [("every single fan who travelled to the match", "Ida Berg")]
    q = quotes_of(nlp, 'Mara Lind characterised the merger as "a quiet betrayal".')
    assert rows(q) == [("a quiet betrayal", "Mara Lind")]


def test_a_document_reads_a_quotation(nlp):
    q = quotes_of(nlp, 'The court notice read: "The hearing is postponed until further notice."')
    assert texts(q) == ["The hearing is postponed until further notice."]
    assert q.iloc[0]["cue"] == "read" and q.iloc[0]["kind"] == "direct"


# --- quotations: more cues, and where one statement goes on --------------------------------------


def test_inverted_cue_whose_subject_the_parser_found_inside_the_quotation(nlp):
    q = quotes_of(nlp, '"The only honest answer is a second vote," tweeted former minister Ruth Alder. '
                       '"Anything else is a fudge."')
    assert rows(q) == [("The only honest answer is a second vote,", "Ruth Alder"),
                       ("Anything else is a fudge.", "Ruth Alder")]


def test_quotation_resumed_after_its_cue_is_the_same_direct_statement(nlp):
    q = quotes_of(nlp, '"I have the worst job in town, and all that," Nell Haig said in her memoir, '
                       '"so it may surprise people that I loved it."')
    assert rows(q) == [("I have the worst job in town, and all that,", "Nell Haig"),
                       ("so it may surprise people that I loved it.", "Nell Haig")]
    assert list(q["kind"]) == ["direct", "direct"]
    q = quotes_of(nlp, 'He called the plan "a fine mess", a label his rival called "unfair".')
    assert set(q["kind"]) == {"partial"}


def test_reported_clause_with_words_of_its_own_around_a_quotation_stays(nlp):
    q = quotes_of(nlp, 'Tomas Brandt said he "would not comment on rumours".')
    assert rows(q, "indirect") == [('he "would not comment on rumours"', "Tomas Brandt")]
    assert rows(q, "partial") == [("would not comment on rumours", "Tomas Brandt")]
    q = quotes_of(nlp, 'Tomas Brandt said: "We will not comment on rumours."')
    assert list(q["kind"]) == ["direct"]


def test_the_clause_a_colon_ends_introduces_the_quotation(nlp):
    q = quotes_of(nlp, 'The minister summed it up: "We have done what we could."')
    assert rows(q) == [("We have done what we could.", "minister")]
    assert q.iloc[0]["cue"] == "summed"
    q = quotes_of(nlp, 'Pia Holm saw compromise as the best way for the two towns to settle their feud: '
                       '"They should split the field in half."')
    assert rows(q) == [("They should split the field in half.", "Pia Holm")]
    assert quotes_of(nlp, 'The verdict was clear: "A landslide for the opposition."').query("kind != 'indirect'")[
        "speaker"].isna().all()


def test_inverted_cue_read_as_an_adjective_reports_the_clause_before(nlp):
    q = quotes_of(nlp, "On Sunday, a fire destroyed two warehouses near the harbour, reported officials, "
                       "with no one injured.")
    assert texts(q) == ["On Sunday, a fire destroyed two warehouses near the harbour"]


def test_a_verb_with_an_object_of_its_own_reports_no_clause_before_it(nlp):
    q = quotes_of(nlp, "To ease the shortage, one chain ordered bigger boxes, the other ordered extra stock.")
    assert q.empty


def test_the_host_of_a_parenthetical_cue_inside_a_quotation_is_no_reported_clause(nlp):
    q = quotes_of(nlp, 'Speaking to a local radio station, she said, "It happened on my watch. I take the blame."')
    assert list(q["kind"]) == ["direct"]


def test_calling_a_halt_is_no_appeal(nlp):
    assert quotes_of(nlp, "The chief engineer called a halt to the work ahead of the inspection.").empty
    assert texts(quotes_of(nlp, "The chief engineer called on the city to halt the work.")) == [
        "the city to halt the work"]


def test_a_statement_set_apart_after_a_colon_belongs_to_the_cue_before(nlp):
    q = quotes_of(nlp, 'The senator wrote on social media on Monday:\n'
                       '"We will not back down. This fight is just beginning."\nThe party did not comment.')
    assert rows(q) == [("We will not back down. This fight is just beginning.", "senator")]
    # an unnamed speaker ("The senator", no name in the text) is worth a reader's look
    assert q.iloc[0]["attribution"] == "syntax" and q.iloc[0]["needs_review"]


def test_an_unnamed_speaker_needs_review_and_a_named_one_does_not(nlp):
    q = quotes_of(nlp, "Officials said the bridge would reopen on Friday. "
                       "Ana Ruiz, the city engineer, said the repairs were finished.")
    got = {row.speaker_mention: (row.speaker_kind, row.needs_review) for row in q.itertuples()}
    assert got == {"Officials": ("unnamed", True), "Ana Ruiz": ("person", False)}


# --- the CLI contract ----------------------------------------------------------------------------

CLI_FIELDS = ["article_id", "speaker", "co_speakers", "speaker_kind", "kind", "text", "cue", "start_char",
              "end_char", "is_pull_quote", "needs_review"]


def test_cli_prints_one_jsonl_row_per_statement_with_the_contract_fields(tmp_path, capsys):
    import json

    from helpers.cli import main

    path = tmp_path / "harbour-note.txt"
    text = ("Harbour Plans Stall\n\nAna Ruiz and Ben Okafor said the new pier was unsafe. "
            '"We will not open it," Ruiz told reporters.\n')
    path.write_text(text, encoding="utf-8")
    assert main(["quotes", str(path), "--no-cache", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [r["kind"] for r in rows] == ["indirect", "direct"]
    for r in rows:
        assert all(k in r for k in CLI_FIELDS)
        assert text[r["start_char"]:r["end_char"]] == r["text"] and r["article_id"] == "harbour-note"
    assert {rows[0]["speaker"], *rows[0]["co_speakers"]} == {"Ana Ruiz", "Ben Okafor"}  # a joint statement
    assert rows[1]["speaker"] == "Ana Ruiz" and rows[1]["speaker_kind"] == "person"
    assert rows[1]["needs_review"] is False and rows[1]["is_pull_quote"] is False


def test_a_quotation_opening_with_an_editors_bracket_is_direct(nlp):
    q = quotes_of(nlp, 'The speaker said: "[T]he chamber is moving forward with a formal inquiry."')
    assert list(q["kind"]) == ["direct"]


def test_the_date_of_the_statement_is_not_part_of_the_reported_clause(nlp):
    q = quotes_of(nlp, "Harbour Police said on Monday they believe the theft involved several vehicles.")
    assert texts(q) == ["they believe the theft involved several vehicles"]


# --- work that grows with the text (issue 11) ------------------------------------------------------


class _CountingList(list):
    """A list that counts the items read from it (``bisect`` and indexing both read through it)."""

    reads = 0

    def __getitem__(self, i):
        _CountingList.reads += 1
        return super().__getitem__(i)


def _plain_covers(text, s, e, ranges):
    """The obvious scan over every quotation, for comparison."""
    import re

    pos = s
    for rs, re_ in sorted(ranges):
        if re_ <= pos or rs >= e:
            continue
        if re.search(r"\w", text[pos:max(pos, rs)]):
            return False
        pos = max(pos, re_)
    return not re.search(r"\w", text[pos:e]) if pos < e else True


def test_quoted_ranges_read_only_the_quotations_near_a_span():
    from helpers.extract.quotes import QuotedRanges

    rng = random.Random(7)
    n = 20_000
    # "w w "q q" w ..." : every third chunk of the text is a quotation
    pieces, ranges, pos = [], [], 0
    for k in range(3 * n):
        piece = "word " if k % 3 else '"quoted words" '
        if not k % 3:
            ranges.append((pos + 1, pos + len(piece) - 2))
        pieces.append(piece)
        pos += len(piece)
    text = "".join(pieces)
    quoted = QuotedRanges(ranges)
    queries = [(a, a + rng.randint(1, 40)) for a in (rng.randrange(len(text) - 50) for _ in range(2_000))]
    queries += [(s, e) for s, e in ranges[::50]]  # spans that are quotations
    expected = [_plain_covers(text, s, e, ranges) for s, e in queries[:300]]
    assert [quoted.covers_words(text, s, e) for s, e in queries[:300]] == expected
    assert any(expected) and not all(expected)
    quoted.starts, quoted.ends = _CountingList(quoted.starts), _CountingList(quoted.ends)
    _CountingList.reads = 0
    for s, e in queries:
        quoted.covers_words(text, s, e)
    # a binary search (about log2(20,000) = 15 reads) plus the few quotations inside each span;
    # scanning every quotation would read 20,000 per question
    assert _CountingList.reads < len(queries) * 60


def test_overlap_index_finds_the_repeated_quotation_reading_few_candidates():
    from helpers.extract.quotes import OverlapIndex

    rng = random.Random(11)
    common = "the we said it is a of and to".split()
    sets = [set(common[:rng.randint(3, 9)]) | {f"w{i}", f"v{i}", f"u{i % 97}"} for i in range(5_000)]
    index = OverlapIndex(sets)
    seen = []

    def keep(j):
        seen.append(j)
        return True

    copy = set(sets[1234]) - {"a"}
    assert index.best(copy, 0.9, keep) == 1234
    assert index.best({"w1", "nothing", "else", "here", "at", "all"}, 0.8) is None
    assert index.best(set(), 0.8) is None
    assert len(seen) < 50  # only the sets sharing the copy's rarest words, not all 5,000
    # the same answer as comparing with every set
    for j in rng.sample(range(5_000), 50):
        words = set(rng.sample(sorted(sets[j]), max(1, len(sets[j]) - 1))) | {"extra"}
        scores = [len(words & s) / len(words) for s in sets]
        top = max(scores)
        brute = scores.index(top) if top >= 0.8 else None
        assert index.best(words, 0.8) == brute


def test_text_without_sentence_punctuation_reports_no_clauses(nlp):
    words = ("the harbour master said the pier would open in spring and the ferry crews said the boats "
             "would follow ")
    flat = "Harbour Pier News\n\n" + words * 25 + "\n"
    assert rows(quotes_of(nlp, flat), "indirect") == []
    # the same words in sentences report their clauses
    punctuated = "Harbour Pier News\n\n" + "The harbour master said the pier would open in spring. " * 3
    assert rows(quotes_of(nlp, punctuated), "indirect")
    # one paragraph without punctuation in a punctuated article reports none; the others do
    mixed = ("Harbour Pier News\n\nThe harbour master said the pier would open in spring.\n\n" + words * 12
             + "\n\nThe ferry crews said the boats would follow.\n")
    assert [t for t, _ in rows(quotes_of(nlp, mixed), "indirect")] == [
        "the pier would open in spring", "the boats would follow"]


# --- round 2: cues and clauses the parser hides ------------------------------------------------------


def test_a_question_is_no_reported_clause(nlp):
    q = quotes_of(nlp, 'Mara Linde asked why the council had waited so long. "Why now?" asked Ivo Marsh.')
    assert rows(q, "indirect") == []
    assert rows(q, "direct") == [("Why now?", "Ivo Marsh")]


def test_research_work_is_a_data_source_not_a_speaker(nlp):
    text = "Geologist Lena Ost studied the lake. Her work suggests the lake froze twice in a century."
    assert rows(quotes_of(nlp, text), "indirect") == []


def test_appeals_made_with_for(nlp):
    q = quotes_of(nlp, "Councillor Ada Brenn urged for the old bridge to be reopened before winter.")
    assert texts(q, "indirect") == ["the old bridge to be reopened before winter"]
    q = quotes_of(nlp, "Councillor Ada Brenn criticized the plan and called for the ferry contract to be cancelled.")
    assert texts(q, "indirect") == ["the ferry contract to be cancelled"]
    assert rows(quotes_of(nlp, "Councillor Ada Brenn called for calm after the vote."), "indirect") == []


def test_clause_whose_verb_the_parser_read_as_an_object_noun(nlp):
    q = quotes_of(nlp, "Ivo Marsh predicts Senator Lena Ost wins re-election with a margin of 12 points.")
    assert rows(q, "indirect") == [
        ("Senator Lena Ost wins re-election with a margin of 12 points", "Ivo Marsh")]


def test_cue_the_parser_read_as_an_adjective_of_the_clause_subject(nlp):
    """'Lena Ost claimed carbon emissions have been lower ...' with "claimed" parsed as an adjective of
    "emissions" (a misreading of the pipeline's parser on such sentences), built by hand."""
    from spacy.tokens import Doc

    parse = [  # word, head, dep, pos, tag, lemma
        ("Lena", 1, "compound", "PROPN", "NNP", "Lena"), ("Ost", 2, "nsubj", "PROPN", "NNP", "Ost"),
        ("claimed", 4, "amod", "VERB", "VBD", "claim"), ("carbon", 4, "compound", "NOUN", "NN", "carbon"),
        ("emissions", 6, "nsubj", "NOUN", "NNS", "emission"), ("have", 6, "aux", "AUX", "VBP", "have"),
        ("been", 6, "ROOT", "AUX", "VBN", "be"), ("lower", 6, "acomp", "ADJ", "JJR", "low"),
        ("this", 9, "det", "DET", "DT", "this"), ("year", 6, "npadvmod", "NOUN", "NN", "year"),
        ("and", 6, "cc", "CCONJ", "CC", "and"), ("argued", 6, "conj", "VERB", "VBD", "argue"),
        ("against", 11, "prep", "ADP", "IN", "against"), ("taxes", 12, "pobj", "NOUN", "NNS", "tax"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc = Doc(nlp.vocab, words=[r[0] for r in parse], heads=[r[1] for r in parse], deps=[r[2] for r in parse],
              pos=[r[3] for r in parse], tags=[r[4] for r in parse], lemmas=[r[5] for r in parse],
              ents=["B-PERSON", "I-PERSON"] + ["O"] * (len(parse) - 2))
    # the clause stops before the second verb phrase ("and argued against taxes")
    assert rows(extract_quotes(doc, article_id="t"), "indirect") == [
        ("carbon emissions have been lower this year", "Lena Ost")]


def test_clause_subject_the_parser_hung_on_the_noun_before_it(nlp):
    q = quotes_of(nlp, 'Halvor Industries said in their filing the matter "currently focuses on billing errors".')
    assert texts(q, "indirect") == ['the matter "currently focuses on billing errors"']


def test_fragments_framed_by_naming_and_judging_verbs(nlp):
    cases = {
        'Mayor Ada Brenn referred to the protesters as "troublemakers."': ("troublemakers.", "Ada Brenn"),
        'Ivo Marsh regarded the play as "a minor triumph" of staging.': ("a minor triumph", "Ivo Marsh"),
        'Lena Ost introduced herself as "a problem solver" and took questions.': ("a problem solver", "Lena Ost"),
        'Ivo Marsh professed himself "deeply moved" by the gesture.': ("deeply moved", "Ivo Marsh"),
    }
    for text, expected in cases.items():
        assert rows(quotes_of(nlp, text)) == [expected], text


def test_framing_verbs_are_no_cues_outside_their_frame(nlp):
    for text in ('Rebel fighters attacked the "safe zone" at dawn.',
                 'The bay is referred to as "the pearl of the coast" by tourists.',
                 'Ivo Marsh did not refer to the plan as "a failure".',
                 'Lena Ost regarded the "new" bridge from her window.'):
        assert rows(quotes_of(nlp, text)) == [], text


def test_a_document_or_event_carries_the_words_of_who_made_it(nlp):
    q = quotes_of(nlp, "Ivo Marsh held a press conference claiming the mill had closed illegally.")
    assert rows(q, "indirect") == [("the mill had closed illegally", "Ivo Marsh")]
    q = quotes_of(nlp, "Lena Ost criticised a radio report alleging the mill had closed illegally.")
    assert all(speaker != "Lena Ost" for _, speaker in rows(q, "indirect"))


# --- the headline holds no statement -------------------------------------------------------------


def article_quotes(nlp, text):
    """The quotes frame of ``text`` read as an article (paragraph roles: headline, body, ...)."""
    from helpers.ingest.article import article_from_text
    from helpers.pipeline import analyze_doc
    from helpers.ingest.parse import parse

    article = article_from_text(text, article_id="t", nlp=nlp)
    return analyze_doc(parse(article, nlp=nlp, cache=False), article).quotes


def test_the_headline_is_no_statement(nlp):
    text = ("Harbour board says ferry fares must rise 'sharply' next year\n\n"
            "The harbour board said on Monday that ferry fares would rise by a tenth. "
            '"We have no choice," its chair, Mara Velden, told reporters.\n')
    q = article_quotes(nlp, text)
    assert all(s >= text.index("\n\n") for s in q["start_char"])
    assert rows(q, "indirect") == [("ferry fares would rise by a tenth", "harbour board")]
    assert rows(q, "direct") == [("We have no choice,", "Mara Velden")]


def test_a_quotation_in_the_body_under_a_headline_is_kept(nlp):
    # negative: the same words as body text (no headline above) are a statement
    q = quotes_of(nlp, "The harbour board says ferry fares must rise 'sharply' next year.")
    assert [r.text for r in q.itertuples() if r.kind == "indirect"] == ["ferry fares must rise 'sharply' next year"]


# --- a quotation a cue introduces, running to the end of its sentence, is direct ------------------


@pytest.mark.parametrize("text, quoted", [
    ('Mila Sorensen of Northfield College wrote, "a single city council could order every landlord to '
     'repaint a house. In so ruling, the board showed its ignorance."',
     "a single city council could order every landlord to repaint a house. In so ruling, the board showed its ignorance."),
    ('The analyst Jon Braddock said, "a careful reading shows the plan fails".', "a careful reading shows the plan fails"),
    ('The notice from Perrin Mills read, in part, "the harbour will close on Friday."', "the harbour will close on Friday."),
])
def test_a_quotation_a_cue_introduces_to_the_end_of_its_sentence_is_direct(nlp, text, quoted):
    q = quotes_of(nlp, text)
    assert [(r.kind, r.text) for r in q.itertuples() if r.kind != "indirect"] == [("direct", quoted)]


@pytest.mark.parametrize("text", [
    'Ada Lunn said, "the river is rising", and left the hall.',  # the sentence goes on after it
    'Tomas Reyl called the plan, "reckless".',  # a naming verb's object
    'Ada Lunn said the levy was "a burden" for the town.',  # no comma or colon: a fragment
])
def test_a_fragment_is_still_partial(nlp, text):
    q = quotes_of(nlp, text)
    assert [r.kind for r in q.itertuples() if r.kind != "indirect"] == ["partial"]


# --- a clause framing a statement and ending in a colon introduces the quotation -----------------


def test_a_framed_clause_with_a_fragment_of_its_own_gives_the_quotation_after_the_colon(nlp):
    text = ('In a statement released after the vote, the Harbour Authority of Norland defended the levy, which was '
            'approved by the council, as "fair" in scope: "At the request of the council, the authority has taken '
            'careful action to protect the harbour. The levy will fund repairs. We will continue to listen."')
    q = quotes_of(nlp, text)
    long = q[q["text"].str.startswith("At the request")]
    assert len(long) == 1 and long.iloc[0]["kind"] == "direct"
    assert long.iloc[0]["speaker"] == "Harbour Authority of Norland" and long.iloc[0]["cue"] == "defended"


def test_an_unframed_clause_with_a_fragment_of_its_own_does_not_introduce_the_quotation(nlp):
    # negative: no "in a statement", no hearer: the colon alone does not make "defended" a cue
    q = quotes_of(nlp, 'Dalia Fenn defended the "fair" levy: "It will pay for the repairs."')
    assert not any(t.startswith("It will pay") and s == "Dalia Fenn" for t, s in rows(q))


# --- a quoted title after a noun for a work or a case is no statement ------------------------------


@pytest.mark.parametrize("text", [
    'On Monday the tribunal ruled in regard to the case "Orla Brenner vs. Harbour Lines Limited".',
    'The council published a report titled "Fixing the harbour before the storms come".',
    'Tam Ortiz starred in the film "when the river runs dry", released in 2010.',
    'Her song "we never sleep" topped the charts, Nell Varga said.',
])
def test_a_title_after_a_work_noun_is_no_statement(nlp, text):
    q = quotes_of(nlp, text)
    assert [r.text for r in q.itertuples() if r.kind != "indirect"] == []


@pytest.mark.parametrize("text, fragment", [
    ('Orla Brenner called the case "a travesty of justice".', "a travesty of justice"),  # what she calls it
    ('Orla Brenner said the harbour report "has all the marks of a cover-up".', "has all the marks of a cover-up"),
])
def test_a_quotation_after_a_work_noun_that_says_something_is_kept(nlp, text, fragment):
    q = quotes_of(nlp, text)
    assert (fragment, "Orla Brenner") in rows(q, "partial") + rows(q, "direct")


# --- a participle cue hung inside the quotation before continues its speaker -----------------------


def test_a_participle_cue_after_a_quotation_continues_its_speaker(nlp):
    text = ('Ines Varro of Daleford College, speaking to the radio, said, "If there\'s a ruling to say that a boat '
            'has been seized, then the harbour has to also search for other copies of it", also observing, '
            '"[t]here\'s no shared harbour law nationally".')
    q = quotes_of(nlp, text)
    assert [(r.kind, r.speaker) for r in q.itertuples()] == [("direct", "Ines Varro"), ("direct", "Ines Varro")]
    assert q.iloc[1]["text"] == "[t]here's no shared harbour law nationally" and q.iloc[1]["cue"] == "observing"


def test_a_participle_cue_with_a_subject_of_its_own_keeps_it(nlp):
    # negative: the participle's own subject speaks, not the speaker of the quotation before
    text = ('Ines Varro said, "The harbour will reopen in May", with Tomas Reyl, her deputy, adding, '
            '"and the piers will follow".')
    q = quotes_of(nlp, text)
    assert ("and the piers will follow", "Ines Varro") not in rows(q)


# --- a relative clause of the reported words' own does not end the clause -------------------------


@pytest.mark.parametrize("text, clause", [
    ("According to the verdict, landlords must repair the original roof as well as sheds and garages which state "
     "essentially the same defect if it is found unsafe.",
     "landlords must repair the original roof as well as sheds and garages which state essentially the same defect "
     "if it is found unsafe"),
    ("Dana Holt said a landlord must repair the sheds and garages which state essentially the same defect if it "
     "is found unsafe.",
     "a landlord must repair the sheds and garages which state essentially the same defect if it is found unsafe"),
])
def test_a_relative_clause_with_a_speech_verb_stays_in_the_reported_clause(nlp, text, clause):
    assert [r.text for r in quotes_of(nlp, text).itertuples() if r.kind == "indirect"][0] == clause


def test_the_sources_own_report_still_ends_the_clause(nlp):
    # negative: "who said" hangs on the source named by "according to"
    q = quotes_of(nlp, "The fire began at ten, according to Corran Police, who said the cause was unknown.")
    assert ("The fire began at ten", "Corran Police") in rows(q, "indirect")
    assert ("the cause was unknown", "Corran Police") in rows(q, "indirect")


# --- misreadings of the parser, reproduced by hand ------------------------------------------------


def _doc_by_hand(nlp, parse, persons=(), glued=()):
    """A Doc with the parse given as (word, head, dep, pos, tag, lemma) rows: a misreading of the
    pipeline's parser, reproduced exactly. ``persons`` are the token indexes of one PERSON name,
    ``glued`` those with no space after them."""
    from spacy.tokens import Doc

    ents = ["O"] * len(parse)
    for n, i in enumerate(persons):
        ents[i] = ("B-" if n == 0 else "I-") + "PERSON"
    return Doc(nlp.vocab, words=[r[0] for r in parse], heads=[r[1] for r in parse], deps=[r[2] for r in parse],
               pos=[r[3] for r in parse], tags=[r[4] for r in parse], lemmas=[r[5] for r in parse], ents=ents,
               spaces=[i not in glued for i in range(len(parse))])


def test_a_clause_inside_a_quoted_title_is_not_the_reported_clause(nlp):
    """'Marsh says his post, "They Can Stop Us", was meant as a joke' with the title's verb parsed as a
    second clause of "says": the report is the clause outside the quotation, the object its subject."""
    parse = [
        ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"), ("says", 1, "ROOT", "VERB", "VBZ", "say"),
        ("his", 3, "poss", "PRON", "PRP$", "his"), ("post", 1, "dobj", "NOUN", "NN", "post"),
        (",", 3, "punct", "PUNCT", ",", ","), ('"', 8, "punct", "PUNCT", "``", '"'),
        ("They", 8, "nsubj", "PRON", "PRP", "they"), ("Can", 8, "aux", "AUX", "MD", "can"),
        ("Stop", 1, "ccomp", "VERB", "VB", "stop"), ("Us", 8, "dobj", "PRON", "PRP", "we"),
        ('"', 8, "punct", "PUNCT", "''", '"'), (",", 1, "punct", "PUNCT", ",", ","),
        ("was", 13, "auxpass", "AUX", "VBD", "be"), ("meant", 1, "ccomp", "VERB", "VBN", "mean"),
        ("as", 13, "prep", "ADP", "IN", "as"), ("a", 16, "det", "DET", "DT", "a"),
        ("joke", 14, "pobj", "NOUN", "NN", "joke"), (".", 1, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, persons=(0,), glued=(3, 5, 9, 10, 16, 17)), article_id="t")
    assert texts(q, "indirect") == ['his post, "They Can Stop Us", was meant as a joke']


def test_what_someone_is_accused_of_saying_is_no_report(nlp):
    assert rows(quotes_of(nlp, "Ada Brenn accused Ivo Marsh of saying the pier was unsafe."), "indirect") == []
    # a report with a gerund stays
    q = quotes_of(nlp, "Ada Brenn closed the meeting by saying the pier was safe.")
    assert texts(q, "indirect") == ["the pier was safe"]


def test_a_fragment_in_a_clause_set_before_the_cue_is_not_the_speakers(nlp):
    q = quotes_of(nlp, 'Citing a report about the "missing millions", Ada Brenn said the budget was sound.')
    assert rows(q, "partial") == []
    assert rows(q, "indirect") == [("the budget was sound", "Ada Brenn")]


def test_a_finite_cue_the_parser_hung_on_a_noun_speaks_for_the_clause_subject(nlp):
    """'Brenn speaking to the board called the lease "unfair"' with "called" parsed as a modifier of
    "board" (a misreading of the pipeline's parser): a past tense is no modifier; Brenn speaks."""
    parse = [
        ("Brenn", 1, "nsubj", "PROPN", "NNP", "Brenn"), ("speaking", 1, "ROOT", "VERB", "VBG", "speak"),
        ("to", 1, "prep", "ADP", "IN", "to"), ("the", 4, "det", "DET", "DT", "the"),
        ("board", 2, "pobj", "NOUN", "NN", "board"), ("called", 4, "acl", "VERB", "VBD", "call"),
        ("the", 7, "det", "DET", "DT", "the"), ("lease", 5, "dobj", "NOUN", "NN", "lease"),
        ('"', 9, "punct", "PUNCT", "``", '"'), ("unfair", 5, "oprd", "ADJ", "JJ", "unfair"),
        ('"', 9, "punct", "PUNCT", "''", '"'), (".", 1, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, persons=(0,), glued=(8, 9, 10)), article_id="t")
    assert rows(q) == [("unfair", "Brenn")]


def test_a_report_by_unnamed_voices_inside_a_named_sources_report_is_the_sources(nlp):
    cases = {
        "According to The Harbour Gazette, port officials warned the council that the pier could collapse.": [
            ("port officials warned the council that the pier could collapse", "Harbour Gazette")],
        "The Daily Courier reported two sources confirmed the mayor would resign.": [
            ("two sources confirmed the mayor would resign", "Daily Courier")],
        # a named speaker inside: one row still, the outer source's (the dev2/dev8 convention)
        "According to the Daily Courier, Mayor Ida Berg said the pier would reopen.": [
            ("the pier would reopen", "Daily Courier")],
    }
    for text, expected in cases.items():
        got = rows(quotes_of(nlp, text), "indirect")
        # one statement, the source's; its text runs to the end of the nested report ("warned the
        # council that ..." or, as the speakers module answers the unnamed voice with the source, the
        # clause of "warned")
        assert len(got) == 1 and got[0][1] == expected[0][1], text
        assert expected[0][0].endswith(got[0][0]), text


# --- round 3: quotations introduced on unseen news ---------------------------------------------


def test_went_on_to_say_reports_and_introduces(nlp):
    q = quotes_of(nlp, "The mayor went on to say that the bridge would reopen in May.")
    assert rows(q, "indirect") == [("the bridge would reopen in May", "mayor")]
    q = quotes_of(nlp, 'Mayor Ana Ruiz later went on to add, "We will reopen the bridge in May."')
    assert rows(q, "direct") == [("We will reopen the bridge in May.", "Ana Ruiz")]


def test_infinitive_of_wanting_or_going_somewhere_is_no_report(nlp):
    assert len(quotes_of(nlp, "The mayor wanted to say that the bridge would reopen.")) == 0
    assert len(quotes_of(nlp, "The mayor went to tell the council that the bridge would reopen.")) == 0


def test_quotation_after_the_hearer_without_a_comma(nlp):
    q = quotes_of(nlp, 'Mary Lee told the paper "We are ready for the vote."')
    assert rows(q, "direct") == [("We are ready for the vote.", "Mary Lee")]
    # a noun for a work before a quotation that no speech verb governs still names a title
    assert len(quotes_of(nlp, 'Mary Lee praised the paper "Notes on Rain" for its style.')) == 0


def test_participle_cue_and_its_phrase_introduce_a_quotation_without_a_mark(nlp):
    text = ('The Harbour Trust thanked the divers. It also credited them with saving the pier, noting on '
            'Twitter "[t]heir work began a new chapter for the harbour".')
    q = quotes_of(nlp, text)
    assert rows(q, "direct") == [("[t]heir work began a new chapter for the harbour", "Harbour Trust")]


def test_editor_case_bracket_opens_a_clause_but_a_lowercase_fragment_stays_partial(nlp):
    q = quotes_of(nlp, 'The Harbour Trust thanked the crew, noting on Twitter "their work" was "heroic".')
    assert sorted(q[q["kind"] != "indirect"]["kind"]) == ["partial", "partial"]


def test_participle_between_two_quotations_continues_the_speaker(nlp):
    text = ('Councillor Ruth Adams remarked, "It has been a slow, costly repair. I am starting to see the results '
            'of not just my work, but the work of so many volunteers whose names I never learned," further '
            'remarking, "Residents of the valley have said, \'It is time to fix the road for good.\'" Adams was '
            'first elected in 2014.')
    q = quotes_of(nlp, text)
    assert [(r.kind, r.speaker) for r in q.itertuples()] == [("direct", "Ruth Adams"), ("direct", "Ruth Adams")]
    assert q["text"].iloc[1].startswith("Residents of the valley")


def test_inverted_cue_whose_subject_phrase_the_parser_broke(nlp):
    q = quotes_of(nlp, '"We are [quite pleased with it]", Riverton coach Paul Dunmore said. '
                       '"We made up a lot of ground this week."')
    assert rows(q, "direct") == [("We are [quite pleased with it]", "Paul Dunmore"),
                                 ("We made up a lot of ground this week.", "Paul Dunmore")]
    # a pronoun with nothing to resolve to is never replaced by a name
    assert rows(quotes_of(nlp, '"It was fine", he said.'), "direct") == [("It was fine", None)]


def test_parenthetical_cue_keeps_the_clause_around_it(nlp):
    q = quotes_of(nlp, "Two vans hit the barrier before stopping; around 40 litres of fuel, firefighters said, "
                       "leaked and burned.")
    assert rows(q, "indirect") == [("around 40 litres of fuel, firefighters said, leaked and burned", "firefighters")]
    q = quotes_of(nlp, "The pile-up started, the county sheriff described, on the southbound ramp near the bridge "
                       "when a van braked.")
    assert [r.text for r in q.itertuples()] == [
        "The pile-up started, the county sheriff described, on the southbound ramp near the bridge when a van braked"]


def test_inverted_cue_after_its_clause_with_the_speaker_after_the_verb(nlp):
    q = quotes_of(nlp, "It is not for judges to weigh the motives, argued the council's barrister, Tom Reddy.")
    assert rows(q, "indirect") == [("It is not for judges to weigh the motives", "Tom Reddy")]


def test_participle_after_a_parenthetical_cue_is_not_the_report(nlp):
    q = quotes_of(nlp, "The plant will close, the company said, citing costs.")
    assert rows(q, "indirect") == [("The plant will close", "company")]


def test_verb_hung_on_the_object_as_a_modifier_makes_a_clause(nlp):
    q = quotes_of(nlp, 'The county sheriff tweeted the rescue "needed every boat on the lake."')
    assert rows(q, "indirect") == [('the rescue "needed every boat on the lake."', "county sheriff")]
    # a noun's own "that" clause is what the claims say, not a clause the denial reports
    q = quotes_of(nlp, "Ruritania first denied all claims that the envoy was slain, however, a court later "
                       "concluded evidence supported the charge.")
    assert "all claims that the envoy was slain" not in " ".join(q["text"])


def test_second_speech_act_ends_the_reported_clause(nlp):
    q = quotes_of(nlp, "Hill said there was a lack of light in the hall and urged the staff to consider who "
                       "turns the lamps off.")
    assert rows(q, "indirect") == [("there was a lack of light in the hall", "Hill"),
                                   ("the staff to consider who turns the lamps off", "Hill")]


def test_talking_of_quoted_words_attributes_them(nlp):
    q = quotes_of(nlp, 'Mayor Ana Ruiz talked of the harbour\'s "long years of quiet work" at the dinner.')
    assert rows(q, "partial") == [("long years of quiet work", "Ana Ruiz")]
    assert len(quotes_of(nlp, 'The "long years" were over.')) == 0


def test_clause_with_its_subject_before_a_quotation_is_the_report_not_a_title(nlp):
    q = quotes_of(nlp, 'Reyes also alleged the city council is "hiding the true repair costs to calm the voters", '
                       'whose new tax was used to pay for the bridge.')
    assert rows(q, "indirect") == [('the city council is "hiding the true repair costs to calm the voters"', "Reyes")]


def test_an_order_reports_no_clause_but_a_statement_does(nlp):
    assert len(quotes_of(nlp, "Speaker Ana Ruiz ordered the city's flags be lowered to half staff.")) == 0
    q = quotes_of(nlp, "Speaker Ana Ruiz said the city's flags would be lowered to half staff.")
    assert rows(q, "indirect") == [("the city's flags would be lowered to half staff", "Ana Ruiz")]


def test_lowercase_clause_after_a_colon_is_a_whole_utterance(nlp):
    q = quotes_of(nlp, 'The Harbour Board issued a statement on the ruling: "imposition of a new levy by the '
                       'courts would fail to respect the town\'s own vote."')
    assert [(r.kind, r.speaker) for r in q.itertuples()] == [("direct", "Harbour Board")]
    # a quoted word list after a colon is no utterance
    assert len(quotes_of(nlp, 'The Harbour Board listed its aims: "cleaner water".')) == 0


def test_dash_aside_does_not_end_the_report(nlp):
    q = quotes_of(nlp, "According to the Herald, it is common for new mayors — Ruiz took office in May — to "
                       "close the old depot, but using it as a bargaining chip is rare.")
    assert rows(q, "indirect") == [
        ("it is common for new mayors — Ruiz took office in May — to close the old depot, but using it as a "
         "bargaining chip is rare", "Herald")]


def test_relative_clause_in_a_dash_aside_is_no_report_of_the_cue(nlp):
    q = quotes_of(nlp, 'Speaker Ann Bell commented on the matter — which the Times noted as an unusual move by a '
                       'Speaker — "However it is dressed up, it is obvious that the purpose is to stop debate."')
    assert [(r.kind, r.speaker) for r in q.itertuples()] == [("direct", "Ann Bell")]


def test_gloss_after_the_report_and_brackets_the_clause_opened(nlp):
    q = quotes_of(nlp, "According to critics, this is a ploy to sell the harbour, meaning the town would lose "
                       "its ferry.")
    assert rows(q, "indirect") == [("this is a ploy to sell the harbour", "critics")]
    q = quotes_of(nlp, "The weather office reported the storm had winds of 30 miles per hour (45 kilometers per "
                       "hour), just short of a gale.")
    assert q["text"].iloc[0].startswith("the storm had winds of 30 miles per hour (45 kilometers per hour)")
    # a gloss is only a participle of "mean": other participles stay in the report
    q = quotes_of(nlp, "Police said the storm hit the coast, cutting power to the town.")
    assert rows(q, "indirect") == [("the storm hit the coast, cutting power to the town", "Police")]


def test_part_of_an_unnamed_group_speaks_as_the_group(nlp):
    q = quotes_of(nlp, 'One of the residents said "the water is rising fast".')
    assert rows(q) == [("the water is rising fast", "residents")]
    q = quotes_of(nlp, "Some of the residents said the water was rising.")
    assert rows(q, "indirect") == [("the water was rising", "residents")]
    # a part of a named body is never that body
    q = quotes_of(nlp, "Some of the Harbour Board said the water was rising.")
    assert "Harbour Board" not in set(q["speaker"].dropna())


def test_quotation_after_a_sentence_that_leaves_one_person_as_its_object(nlp):
    q = quotes_of(nlp, '"We had a few silly mistakes", captain Sam Marshall said. The home side was on the receiving '
                       'end of two yellow cards, leaving coach Geoff Ingram unimpressed. "One of them was questionable."')
    assert rows(q, "direct") == [("We had a few silly mistakes", "Sam Marshall"),
                                 ("One of them was questionable.", "Geoff Ingram")]
    # a person in a prepositional phrase is no one the sentence introduces: the last speaker goes on
    q = quotes_of(nlp, 'Coach Geoff Ingram said "we did well". The council approved the new stand on Monday despite '
                       'protests from Tom Lee. "It was the right call."')
    # ('said "we did well".': a whole clause right after its cue, direct)
    assert rows(q, "direct") == [("we did well", "Geoff Ingram"), ("It was the right call.", "Geoff Ingram")]


def test_with_a_source_reporting_a_clause(nlp):
    q = quotes_of(nlp, "No deaths were reported on the ground, with local media reporting nobody was in the houses.")
    assert rows(q, "indirect") == [("nobody was in the houses", "local media")]
    # a report of a noun, then the main clause: nothing reported
    assert len(quotes_of(nlp, "With officials reporting a rise in cases, the school closed.")) == 0


def test_gerund_subject_of_the_reported_clause(nlp):
    q = quotes_of(nlp, "Lee said running the ferry at night would cost too much.")
    assert rows(q, "indirect") == [("running the ferry at night would cost too much", "Lee")]
    assert len(quotes_of(nlp, "Lee said nothing, leaving the room.")) == 0
    # a verb inside a relative clause of the gerund's object is no predicate of the gerund
    assert len(quotes_of(nlp, "The researchers reported inventing a coating good at resisting substances that are "
                              "sticky and vary in viscosity.")) == 0


def test_next_sentence_glued_on_after_a_quotation_is_not_the_report(nlp):
    text = ('Health expert Mary Lee said naming the disease after the town would place "a heavy stigma on the people '
            'who live there[.]" She went on to say, "People tend to blame a place."')
    q = quotes_of(nlp, text)
    assert not any(t.startswith("She went on") for t in q["text"])
    assert [r.speaker for r in q.itertuples()] == ["Mary Lee"] * len(q)


def test_with_a_source_reporting_through_a_hyphenated_subject(nlp):
    q = quotes_of(nlp, "No deaths were reported on the ground, with local media reporting no-one was in the houses.")
    assert rows(q, "indirect") == [("no-one was in the houses", "local media")]


def test_question_or_description_after_a_cue_is_no_statement(nlp):
    q = quotes_of(nlp, "The survey team has ringed thousands of chicks, noting which young birds come back each year.")
    assert len(q[q["kind"] == "indirect"]) == 0
    assert len(quotes_of(nlp, "The engineer explained how the new pump works.")) == 0
    # a statement about a time stays one
    q = quotes_of(nlp, "Lee said when she arrived the door was already open.")
    assert len(q[q["kind"] == "indirect"]) == 1


def test_bare_some_or_others_speak_as_unnamed_voices(nlp):
    q = quotes_of(nlp, "Some scientists believe the first fliers could glide, while some say flight grew up from "
                       "the ground.")
    assert rows(q, "indirect") == [("flight grew up from the ground", "some")]
    assert set(q["speaker_kind"]) == {"unnamed"}
    assert rows(quotes_of(nlp, "Others said the bridge was unsafe."), "indirect") == [("the bridge was unsafe", "others")]


def test_past_tense_read_with_a_subject_is_a_cue_though_tagged_a_participle(nlp):
    q = quotes_of(nlp, 'The opinion of the Court, released on Wednesday, read in part, "[I]t is concluded that the '
                       'oath of office of the Honorable Ana Ruiz is void."')
    assert [(r.kind, r.cue) for r in q.itertuples()] == [("direct", "read")]
    # a bare participle still reports someone else's words
    assert len(quotes_of(nlp, "Asked whether the bridge was safe, the engineer shrugged.")) == 0


def test_object_with_a_stranded_modal_predicate_is_the_clause(nlp):
    q = quotes_of(nlp, "Of the voters, most were in favour, and on Friday the council announced the new district, to be "
                       "called Northgate, would be governing itself from 2026.")
    assert rows(q, "indirect") == [("the new district, to be called Northgate, would be governing itself from 2026",
                                    "council")]
    # a modal with its own subject after the object is another clause
    assert len(quotes_of(nlp, "The council announced the plan on Monday, and it would take effect in May.")) == 0


def test_according_to_a_standard_is_no_source(nlp):
    q = quotes_of(nlp, "Work went on according to plan, officials said.")
    assert rows(q, "indirect") == [("Work went on according to plan", "officials")]
    assert len(quotes_of(nlp, "The idea is simple: each according to their choice.")) == 0
    # a body, a document, a person stay sources
    assert rows(quotes_of(nlp, "According to the plan, the shop will close."), "indirect") == [
        ("the shop will close", "plan")]
    assert len(quotes_of(nlp, "According to his lawyer, Lee will appeal.")) == 1


def test_clause_after_a_colon_and_quoted_names(nlp):
    text = ('On Tuesday, the Harbour Board announced the official name of the ferry first launched about two months '
            'ago in Dover: "Seabird-2" is to replace the board\'s temporary designation "Ferry-19."')
    q = quotes_of(nlp, text)
    assert rows(q, "indirect") == [('"Seabird-2" is to replace the board\'s temporary designation "Ferry-19."',
                                    "Harbour Board")]
    assert "Ferry-19." not in set(q["text"])  # a name after a naming noun is mentioned, not said


def test_clause_running_out_of_a_quotation_is_no_report(nlp):
    q = quotes_of(nlp, '"We are [quite pleased with it]", Riverton coach Paul Dunmore said.')
    assert set(q["kind"]) == {"direct"}


def test_part_of_a_described_group_is_still_the_unnamed_group(nlp):
    text = ('Mayor Ana Ruiz and Tom Hill joined the march. Some of the protesters the paper interviewed said they had '
            'come to "defend [their] right to fish in the bay".')
    q = quotes_of(nlp, text)
    assert set(q["speaker"]) == {"protesters"}
    assert set(q["kind"]) == {"indirect", "partial"}


def test_coordinated_that_clauses_are_one_statement(nlp):
    q = quotes_of(nlp, "Researchers reported that floods were caused by the dam; that age was a factor in who was "
                       "hurt; and that many homes were lost.")
    assert rows(q, "indirect") == [("floods were caused by the dam; that age was a factor in who was hurt; and that "
                                    "many homes were lost", "Researchers")]
    q = quotes_of(nlp, "The mayor announced he had resigned, and that the council would meet on Monday.")
    assert rows(q, "indirect") == [("he had resigned, and that the council would meet on Monday", "mayor")]
    # "that" as a pronoun or a determiner after a comma starts the narrator's own sentence part
    assert rows(quotes_of(nlp, "The mayor said he had resigned, and that is why the council met."), "indirect") == [
        ("he had resigned", "mayor")]


def test_one_cue_with_several_clauses_reports_them_all(nlp):
    q = quotes_of(nlp, 'Minister Ana Ruiz said she remained "cautiously optimistic" a deal would be reached.')
    assert rows(q, "indirect") == [('she remained "cautiously optimistic" a deal would be reached', "Ana Ruiz")]
    # another speaker's clause still ends it
    q = quotes_of(nlp, "Ruiz said the offer was too low, while the union insists it is fair.")
    assert rows(q, "indirect")[0] == ("the offer was too low", "Ruiz")


def test_parenthetical_cue_with_a_particle(nlp):
    q = quotes_of(nlp, "Many of the fishing towns on the coast, the report pointed out, have a harbour that floods "
                       "every winter.")
    assert [r.text for r in q.itertuples() if r.kind == "indirect"] == [
        "Many of the fishing towns on the coast, the report pointed out, have a harbour that floods every winter"]


def test_quoted_fragment_after_a_naming_verb_and_its_object(nlp):
    # the verb and its object before the fragment attribute it, however the parser hung them
    # ("called" read as a modifier of the name before it, the fragment made the root)
    assert rows(quotes_of(nlp, 'Ruiz called Park\'s ten year sentence "unjust."')) == [("unjust.", "Ruiz")]
    assert rows(quotes_of(nlp, 'The mayor lauded the volunteers as a "shining example of courage."')) == [
        ("shining example of courage.", "mayor")]
    q = quotes_of(nlp, 'Critics have branded the new tax "a raid on savers", and the union described it as "cruel".')
    assert rows(q) == [("a raid on savers", "Critics"), ("cruel", "union")]
    # a Title Case name a speaker gives something with "as" is their words, not a work's title
    assert rows(quotes_of(nlp, 'On Twitter, the senator referred to the hearing as "The Great Charade".')) == [
        ("The Great Charade", "senator")]
    # negatives: a thing named (no object between), a passive without its speaker, a negated verb, a title
    for text in ('The band released a song called "Summer Rain".', 'Residents were called "heroes" in the report.',
                 'Ruiz did not call the plan "reckless".',
                 'The league, which named the trophy "The Founders Cup", met in May.'):
        assert len(quotes_of(nlp, text)) == 0, text


def test_small_clause_after_a_cue_is_no_reported_statement(nlp):
    # "declared X Y", "declared X to be Y": a judgement named, not a clause reported; its quoted
    # fragment stays the speaker's
    q = quotes_of(nlp, 'The agency declared the flood a "major disaster" on Friday.')
    assert rows(q) == [("major disaster", "agency")] and set(q["kind"]) == {"partial"}
    assert len(quotes_of(nlp, "The council declared the old bridge, which opened in 1920, to be a hazard.")) == 0
    # a finite clause after the same verb is reported, an appeal's object and infinitive too
    assert rows(quotes_of(nlp, 'The agency declared that the flood was a "major disaster".'), "indirect") == [
        ('the flood was a "major disaster"', "agency")]
    assert rows(quotes_of(nlp, "The mayor urged residents to leave."), "indirect") == [("residents to leave", "mayor")]
    assert rows(quotes_of(nlp, "Ruiz predicts Lee wins the seat."), "indirect") == [("Lee wins the seat", "Ruiz")]


def test_a_study_speaks_for_its_named_authors(nlp):
    led = "A study led by Ann Lee was published on Monday. "
    # the study's statements, cue before, around or after the clause, are its authors'
    assert rows(quotes_of(nlp, led + "The study notes that most rivers froze early.")) == [
        ("most rivers froze early", "Ann Lee")]
    assert rows(quotes_of(nlp, led + "The ice, the study says, was thinner than expected.")) == [
        ("The ice, the study says, was thinner than expected", "Ann Lee")]
    assert rows(quotes_of(nlp, led + 'The study reports: "For each degree of warming, the ice retreated by two '
                                     'metres."')) == [
        ("For each degree of warming, the ice retreated by two metres.", "Ann Lee")]
    # an adverbial clause the parser hung on the inverted cue stays in the clause around it
    assert rows(quotes_of(nlp, led + "Because warm water is lighter, says the study, it rises above the cold water.")) == [
        ("Because warm water is lighter, says the study, it rises above the cold water", "Ann Lee")]
    # negatives: studies in the plural, someone's reports are data
    for text in (led + "Studies show that most rivers froze early.",
                 "According to the reports by the Ocean Institute, the ice was thin."):
        assert len(quotes_of(nlp, text)) == 0, text
    # a study nobody is named for speaks as an unnamed source (the dev3 and dev10 conventions: a study that
    # says or notes a clause is annotated, UNKNOWN without an author)
    q = quotes_of(nlp, "The study was published on Monday. The study says most rivers froze early.")
    assert texts(q) == ["most rivers froze early"] and q["speaker_kind"].tolist() == ["unnamed"]


def test_clause_stopping_at_a_copula_goes_on_into_its_quoted_predicate(nlp):
    q = quotes_of(nlp, 'The mayor criticized the plan, arguing the council was "wasting money" and "ignoring residents."')
    assert rows(q, "indirect") == [('the council was "wasting money" and "ignoring residents."', "mayor")]
    assert rows(quotes_of(nlp, 'The appeals court held that the ban "was not lawful."'), "indirect") == [
        ('the ban "was not lawful."', "appeals court")]
    # a clause with its own predicate keeps its end; what follows the quotation is the narrator's
    assert rows(quotes_of(nlp, 'Ruiz said the bridge is "safe", and the council agreed.'), "indirect") == [
        ('the bridge is "safe"', "Ruiz")]


def test_a_court_ruling_is_reported_by_its_finding_verb(nlp):
    assert rows(quotes_of(nlp, "The judge decided the company had broken the law."), "indirect") == [
        ("the company had broken the law", "judge")]
    q = quotes_of(nlp, 'The tribunal found the dismissal "was unfair to the workers."')
    assert rows(q, "indirect") == [('the dismissal "was unfair to the workers."', "tribunal")]
    assert rows(q, "partial") == [("was unfair to the workers.", "tribunal")]
    # negatives: anyone else who finds or decides something, a negated finding, a small clause
    for text in ("Scientists found that the ice was thin.", "The mayor decided the vote would go ahead.",
                 "The court did not find that the rule was unfair.", "The court found the ban to be unlawful."):
        assert len(quotes_of(nlp, text)) == 0, text


def test_object_the_parser_took_from_the_clause_across_a_phrase_or_a_number(nlp):
    # the clause's subject read as the cue's object, with a phrase hung on the cue between, or a number
    assert rows(quotes_of(nlp, "The station reported the council due to the storm has closed the bridge."),
                "indirect") == [("the council due to the storm has closed the bridge", "station")]
    assert rows(quotes_of(nlp, "Organizers reported 500 of the 900 visitors at the fair brought a dog."),
                "indirect") == [("500 of the 900 visitors at the fair brought a dog", "Organizers")]
    # an object and its phrase with no verb after them is no clause
    for text in ("The station reported the closure due to the storm.", "Organizers reported 500 visitors at the fair."):
        assert len(quotes_of(nlp, text)) == 0, text


def test_report_inside_a_relative_clause_is_its_predicate(nlp):
    # "..., which X reported left ...": the relative clause's verb phrase is the report, X its speaker,
    # however the parser hung the predicate ("have said" read as the predicate's auxiliary, too)
    assert rows(quotes_of(nlp, "The council cut the budget, which the Gazette reported left several schools "
                               "without heating.")) == [("left several schools without heating", "Gazette")]
    assert rows(quotes_of(nlp, "The council hired Ana Ruiz, who the paper said had run two campaigns.")) == [
        ("had run two campaigns", "paper")]
    # a group with one named example speaks through the one named
    q = quotes_of(nlp, "Obama took a veiled shot at Trump for his attacks on mail-in voting, which critics, like "
                       "Barack Obama, have said amounted to voter suppression.")
    assert rows(q) == [("amounted to voter suppression", "Barack Obama")]
    # negatives: a negated cue, a verb that reports nothing, the relative word as the cue's object
    for text in ("The council cut the budget, which the union did not say was unfair.",
                 "The council cut the budget, which critics cited in their letter.",
                 "The council cut the budget, which the Gazette reported on Monday."):
        assert len(quotes_of(nlp, text)) == 0, text


def test_quotation_of_whole_sentences_is_direct_whatever_its_first_letter(nlp):
    # 'Part of the ruling reads "... . ..."': a quotation holding a sentence end and another sentence
    # is the speaker's utterance, not a fragment, with or without a colon, after "reads" or "said"
    for text in ('Part of the judge\'s ruling reads "the rule could be applied in some cases. Courts no longer '
                 'require it."',
                 'The minister said "we have made mistakes over many years. We will now change course."',
                 'One passage of the letter read: "the board knew about the leak. It chose to stay silent."'):
        q = quotes_of(nlp, text)
        assert list(q[q["text"].str.contains("Courts|We will|It chose")]["kind"]) == ["direct"], text
    # negatives: a fragment of one sentence stays partial, an abbreviation is no sentence end
    for text in ('The minister called the plan "a mistake of many years" on Monday.',
                 'The report said the firm "paid Dr. Smith too much" last year.'):
        q = quotes_of(nlp, text)
        assert list(q[q["kind"] != "indirect"]["kind"]) == ["partial"], text


def test_reported_clause_ends_before_the_medium_of_the_report(nlp):
    # a trailing "in its/a statement|alert|interview|letter" names where the speaker said it, not what
    assert rows(quotes_of(nlp, "The embassy advised citizens to leave the country in its security alert."),
                "indirect") == [("citizens to leave the country", "embassy")]
    assert rows(quotes_of(nlp, "The ministry said the border would close on Friday in a statement."),
                "indirect") == [("the border would close on Friday", "ministry")]
    assert rows(quotes_of(nlp, "Lopez told reporters the talks had failed in an interview on Monday."),
                "indirect") == [("the talks had failed", "Lopez")]
    # negatives: a phrase the clause is about (read in a letter, the figures in the report), a definite
    # document named in the clause
    assert rows(quotes_of(nlp, "The mayor said she had read about the plan in a letter."), "indirect") == [
        ("she had read about the plan in a letter", "mayor")]
    assert rows(quotes_of(nlp, "The mayor said the errors were in the report."), "indirect") == [
        ("the errors were in the report", "mayor")]


def test_fragment_beside_as_x_put_it_is_that_speakers(nlp):
    # '"...", as X put it' / 'as X put it, "..."': an aside that names whose words the fragment is
    q = quotes_of(nlp, 'For four days, traffic "ground to a halt" — as the court\'s decision put it — on the bridge.')
    assert [t for t, s in rows(q, "partial") if s] == ["ground to a halt"]
    q = quotes_of(nlp, 'The council, as the mayor put it, "lost its way" last year.')
    assert rows(q, "partial") == [("lost its way", "mayor")]
    q = quotes_of(nlp, 'Sales had, as Maria Lopez put it, "fallen off a cliff" by June.')
    assert rows(q, "partial") == [("fallen off a cliff", "Maria Lopez")]
    # negatives: "put it" that is no aside on words (a thing put somewhere), an aside far from the quotation
    q = quotes_of(nlp, 'As the mayor put it on the table, the council discussed the "green plan" again.')
    assert rows(q, "partial") == []


def test_according_to_evidence_or_documents_naming_no_author_is_no_speaker(nlp):
    # agreed facts, plural documents with no owner, no name and no "by"/"from" phrase: a source, no speaker
    for text in ('Six of the victims were, according to agreed facts heard in court, "killed at night" and five '
                 'of those were older.',
                 'Friday was when, according to earlier event plans, thousands of people were to march on the capital.',
                 'According to court documents, the man had fled the country.',
                 'The facts show the man had fled the country.'):
        assert [s for s in quotes_of(nlp, text)["speaker"] if s] == [], text
    # negatives: documents of someone, or from someone, or beside someone, speak for them
    for text in ("According to the council's plans, the bridge will reopen in June.",
                 "According to documents from the ministry, the bridge will reopen in June.",
                 "According to witness accounts and police, a man entered the store at noon."):
        assert [s for s in quotes_of(nlp, text)["speaker"] if s] != [], text


def test_clause_quoted_right_after_its_cue_without_a_mark_is_direct(nlp):
    # 'The statement read "imposition of X violates ..."', 'said "we will ..."', 'saying "the path is ..."':
    # the cue right before the quotation, a finite clause running to the sentence's end: the whole utterance
    for text in ('Their statement also read "imposition of the rule over our objections violates basic principles."',
                 'The mayor said "we will rebuild the bridge by June."',
                 'Lopez left the race on Monday, saying "the path toward victory is closed."',
                 'The group claimed "comments in the code make clear it was built to copy songs."'):
        q = quotes_of(nlp, text)
        assert list(q[q["kind"] != "indirect"]["kind"]) == ["direct"], text
    # negatives: a label with no verb, a naming verb's object, a quotation that does not end the sentence
    for text, kinds in (('Protesters held signs which read "silenced".', []),
                        ('The mayor called the plan "a rule that fails everyone."', ["partial"]),
                        ('The mayor said "we will rebuild" the bridge by June.', ["partial"])):
        q = quotes_of(nlp, text)
        assert list(q[q["kind"] != "indirect"]["kind"]) == kinds, text


def test_according_to_between_an_auxiliary_and_its_predicate_keeps_the_whole_clause(nlp):
    # the phrase splits a verb phrase ("was, according to X, among ..."): the parser hangs the part after
    # it on the phrase, on the auxiliary as a clause of its own, or the auxiliary on the verb after it;
    # the statement is the whole clause, one row, the phrase inside its offsets
    for text, source in (("One passenger was, according to the coastguard, still missing on Sunday.", "coastguard"),
                         ("Two guards were, according to the ministry, arrested at the border.", "ministry"),
                         ("The suspect had, according to the prosecutors, left the country in May.", "prosecutors"),
                         ("The bridge was, according to police, closed for three hours.", "police"),
                         ("The mayor will, according to her office, attend the ceremony.", "her office")):
        q = quotes_of(nlp, text)
        assert rows(q) == [(text.rstrip("."), source)], text


def test_according_to_after_coordinated_clauses_reports_them_all(nlp):
    # a trailing phrase qualifies every clause of the coordination before it, not only the last
    for text, clause in (("Four people died and twenty were hurt, according to the regional governor.",
                          "Four people died and twenty were hurt"),
                         ("The ferry sank on Tuesday and three crew members are missing, according to the "
                          "coastguard, which sent two boats.",
                          "The ferry sank on Tuesday and three crew members are missing"),
                         ("The plant closed in 2010 and reopened last year, according to the company.",
                          "The plant closed in 2010 and reopened last year")):
        assert texts(quotes_of(nlp, text), "indirect")[:1] == [clause], text
    # negatives: a phrase inside the second clause qualifies that clause only; a speech verb before it
    # keeps its own report
    q = quotes_of(nlp, "The storm hit the coast and, according to the weather service, three towns lost power.")
    assert texts(q, "indirect") == ["three towns lost power"]
    q = quotes_of(nlp, "Officials said the dam held, and two villages were evacuated, according to the ministry.")
    assert ("the dam held", "Officials") in rows(q, "indirect")


def test_an_outlet_relaying_a_quoted_fragment_is_no_speaker(nlp):
    # "X called it "...", according to OUTLET": the words are X's (the quoted fragment); the outlet only
    # relays them, so no reported row of its own, whatever verb frames the fragment
    for text, speaker in (('The senator called the decision "reckless", according to Reuters.', "senator"),
                          ('The mayor described the plan as "a disaster," according to the local paper.', "mayor"),
                          ('The coach praised the "fearless" defence, according to the club website.', "coach")):
        q = quotes_of(nlp, text)
        assert rows(q, "indirect") == [], text
        assert [s for _, s in rows(q)] == [speaker], text
    # negatives: no quotation (the outlet's report is all there is), a quotation that is no one's words
    q = quotes_of(nlp, "The governor called the flooding a disaster, according to the Associated Press.")
    assert rows(q, "indirect") == [("The governor called the flooding a disaster", "Associated Press")]
    q = quotes_of(nlp, 'The band played its hit "Blue Roads" twice, according to the local paper.')
    assert [s for _, s in rows(q, "indirect")] == ["local paper"]


def test_an_invitation_or_recommendation_of_one_person_is_an_action_not_a_report(nlp):
    # "invited him to join", "recommended Ada Kerr to be his successor": a request or a nomination made
    # to or of one person, no statement reported (an appeal to a group still is)
    for text in ("The director invited him to join the new orchestra.",
                 "In 1990 the old coach recommended Ada Kerr to be his successor.",
                 "The band invited her to sing on the album, and she agreed."):
        assert rows(quotes_of(nlp, text), "indirect") == [], text
    # negatives: a group or a body invited or advised, advice to one person
    assert texts(quotes_of(nlp, "The agency invited both sides to resume talks.")) == ["both sides to resume talks"]
    assert texts(quotes_of(nlp, "The panel recommended ministers to ban the pesticide.")) == [
        "ministers to ban the pesticide"]
    assert texts(quotes_of(nlp, "The preacher advised her to leave the city.")) == ["her to leave the city"]


def test_news_reports_are_an_unnamed_source(nlp):
    # "according to reports", "media reports said": a statement from unnamed news reports, one row with an
    # unnamed speaker (not dropped as data), cue before, after or around the clause
    for text, clause in (("According to local media reports, the ferry sank within minutes.",
                          "the ferry sank within minutes"),
                         ("Three miners were trapped, according to the reports.", "Three miners were trapped"),
                         ("The ferry, according to eyewitness reports, sank within minutes.",
                          "The ferry, according to eyewitness reports, sank within minutes"),
                         ("Media reports say the minister will resign.", "the minister will resign"),
                         ("News reports said at least ten people were killed.", "at least ten people were killed")):
        q = quotes_of(nlp, text)
        assert texts(q, "indirect") == [clause], text
        assert list(q["speaker_kind"]) == ["unnamed"] and q.iloc[0]["speaker"] is not None, text
    # negatives: reports by someone are data; reports that "indicate" or "suggest" are inference, no
    # statement; a named outlet's report is the outlet's
    for text in ("According to the reports by the Ocean Institute, the ice was thin.",
                 "Reports indicate the vehicle struck two people.",
                 "Some reports suggest a deliberate act."):
        assert len(quotes_of(nlp, text)) == 0, text
    assert rows(quotes_of(nlp, "According to Reuters reports, the ferry sank within minutes.")) == [
        ("the ferry sank within minutes", "Reuters")]


def test_reports_that_name_no_kind_of_source_are_a_hedge(nlp):
    # "reports said", "according to initial reports": a hedge with no source (bare, or adjectives only),
    # no statement, before, after or inside the clause; a quoted fragment in it goes with it
    for text in ("Reports said at least ten people were killed.",
                 "On Monday, reports said the bridge had been closed for repairs.",
                 'Reports said the pilots were "in good spirits".',
                 "According to initial reports, the fire began in a storeroom.",
                 "The ferry sank within minutes, according to unconfirmed reports.",
                 "The parade drew, according to varying reports, some 3000 people.",
                 "Early reports stated that the driver had fled."):
        assert len(quotes_of(nlp, text)) == 0, text
    # the same shapes with a kind of source, or with reports the article spoke of, stay statements
    for text, clause in (("According to police reports, the fire began in a storeroom.",
                          "the fire began in a storeroom"),
                         ("Eyewitness reports said the driver had fled.", "the driver had fled"),
                         ("The ferry sank within minutes, according to the reports.", "The ferry sank within minutes")):
        assert texts(quotes_of(nlp, text), "indirect") == [clause], text


def test_an_unnamed_source_around_another_unnamed_voice_is_one_statement(nlp):
    # "According to reports, critics have said ...": the inner voice's statement, once (which of the two
    # unnamed voices labels it is the speakers' business)
    for text, clause in (
            ("According to reports, critics have said the tax rose because of the election.",
             "the tax rose because of the election"),
            ("Local media reported that witnesses said the bus was speeding.", "the bus was speeding")):
        assert texts(quotes_of(nlp, text), "indirect") == [clause], text
    # negative: a named source around an unnamed voice keeps the named source's report
    q = quotes_of(nlp, "According to the Daily Ledger, officials said the bus was speeding.")
    assert [s for _, s in rows(q, "indirect")] == ["Daily Ledger"]


def test_an_auxiliary_split_from_its_cue_by_an_aside_is_no_inverted_cue(nlp):
    # "had not, as of Monday, announced any plans": the cue's own auxiliary and subject stand before the
    # aside, so the words before it are no clause reported by an inverted cue ("..., announced X")
    for text in ("The ministry had not, as of Monday, announced any plans to close the border.",
                 "The club has, so far, confirmed no transfers this summer."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    # negative: a true inverted cue after its clause keeps the clause
    q = quotes_of(nlp, "It is not for the court to rule on motives, argued the government's lawyer, Ann Ruiz.")
    assert texts(q, "indirect") == ["It is not for the court to rule on motives"]


def test_a_quotation_opening_after_an_adverbial_is_reported_once_as_direct(nlp):
    # 'When she was cast, "I was speechless," she told ...': the quotation is the statement; the adverbial
    # before it is the narrator's, so no reported row for the whole
    for text, quote in (('When she was cast, "I swear to you, I was speechless," she told the audience.',
                         "I swear to you, I was speechless,"),
                        ('After the final whistle, "we knew we had made history," the captain said.',
                         "we knew we had made history,")):
        q = quotes_of(nlp, text)
        assert texts(q, "indirect") == [], text
        assert texts(q) == [quote], text
    # negative: a clause of the narrator's own words with a quoted predicate stays reported
    q = quotes_of(nlp, 'The plan, the mayor said, was "a disaster".')
    assert [t[:30] for t in texts(q, "indirect")] == ['The plan, the mayor said, was ']


def test_a_clause_opening_with_an_adverbial_after_the_cue_is_reported(nlp):
    # "said as a child he was bullied": the parser takes the clause for an adverbial of the cue (or
    # "that" for its object), as the clause opens with a phrase of time or manner; the clause is reported,
    # the phrase with it
    for text, clause in (("In an interview with the paper, she said as a teenager she was forced into marriage.",
                          "as a teenager she was forced into marriage"),
                         ("He said as a child he was bullied at school.", "as a child he was bullied at school"),
                         ("She said after the war the town was rebuilt.", "after the war the town was rebuilt"),
                         ("The mayor said that as a child she swam in the river.", "as a child she swam in the river")):
        assert texts(quotes_of(nlp, text), "indirect") == [clause], text
    # negatives: a true adverbial clause of the saying (a conjunction opens it), "that" as the object
    for text in ("She said goodbye before she left the room.",
                 "He said it when he arrived at the station.",
                 "She said that on Monday."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_reported_clause_before_a_colon_and_a_quotation_is_kept(nlp):
    # 'indicated CLAUSE: "..." she said': the clause before the colon is the report (the quotation after it
    # has a cue of its own, or follows as the illustration); both are rows
    for text, clause, quote in (
            ('A spokesperson, Ana Lopez, indicated the government was disappointed by the vote: "While we await '
             'the details," she said, "we urge the leaders to reconsider."',
             "the government was disappointed by the vote", "While we await the details,"),
            ('The mayor said the bridge was unsafe: "It could fall at any moment," she warned.',
             "the bridge was unsafe", "It could fall at any moment,")):
        q = quotes_of(nlp, text)
        assert texts(q, "indirect") == [clause], text
        assert quote in texts(q, "direct"), text
    # negative: a noun phrase before the colon is what the quotation names, no clause
    q = quotes_of(nlp, 'The agency announced the name of the illness on Tuesday: "FLU-7" is to replace the old label.')
    assert not any("name of the illness" in t for t in texts(q, "indirect"))


def test_a_law_or_document_that_specifies_a_clause_reports_it(nlp):
    # "The constitution specifies that ...", "the treaty stipulates ...": what a text lays down, one row
    for text, clause, speaker in (("The constitution specifies that judges are appointed for life.",
                                   "judges are appointed for life", "constitution"),
                                  ("The treaty stipulates both sides must withdraw their troops.",
                                   "both sides must withdraw their troops", "treaty"),
                                  ("The ministry specified that the new rules apply from May.",
                                   "the new rules apply from May", "ministry")):
        assert rows(quotes_of(nlp, text), "indirect") == [(clause, speaker)], text
    # negatives: an object, no clause
    for text in ("The contract specifies the price of each unit.", "The rules stipulate a fine."):
        assert len(quotes_of(nlp, text)) == 0, text


def test_a_whole_utterance_after_a_clause_with_no_speech_verb_is_its_subjects(nlp):
    # 'X reacted on Twitter, "..."', 'she recalled her first season: "..."': a quotation of a sentence or more
    # after a comma or a colon that ends a clause whose subject is a person is that person's, the verb its cue
    for text, quote, speaker, cue in (
            ('Maria Olsen reacted on Facebook, "What a terrible loss for the town. I will miss him every day."',
             "What a terrible loss for the town. I will miss him every day.", "Maria Olsen", "reacted"),
            ('The coach Peter Vance looked back on his first match: "We lost every game that year, and nobody cared."',
             "We lost every game that year, and nobody cared.", "Peter Vance", "looked"),
            ('Later that night, Anna Berg posted on her blog, "I have never been so proud of my students."',
             "I have never been so proud of my students.", "Anna Berg", "posted")):
        q = quotes_of(nlp, text)
        got = [(r.text, r.speaker, r.cue) for r in q.itertuples() if r.kind == "direct"]
        assert got == [(quote, speaker, cue)], text
    # negatives: a thing as subject, a thought, a negated verb, a label inside a clause: no statement
    for text in ('The truck had a sticker on its door: "We deliver the best bread in town."',
                 'Anna Berg thought for a moment: "They will never agree to this."',
                 'Anna Berg did not reply to the message, "Are you coming to the meeting tonight?"',
                 'Anna Berg wore a shirt reading "I love this city" at the parade.'):
        assert not any(k == "direct" for k in quotes_of(nlp, text)["kind"]), text


def test_a_whole_utterance_that_opens_its_sentence_goes_on_with_the_speaker(nlp):
    # a quotation of a sentence or more after only an adverbial phrase ('During the final, "I ...".'), or that
    # opens its sentence and runs on into the narrator's words, continues the speaker the paragraph introduced
    text = ('Tom Reyes talked about his years in the band and the "long nights" on the road. During the last '
            'tour, "I felt like a tourist in my own life. We played every night and slept on the bus."\n\n'
            'Maria Olsen described her garden at length. "It took ten years. I planted every tree myself" in the '
            'spring of that year, when the town gave her the land.')
    q = quotes_of(nlp, text)
    got = {r.text: r.speaker for r in q.itertuples() if r.kind == "direct"}
    assert got.get("I felt like a tourist in my own life. We played every night and slept on the bus.") == "Tom Reyes"
    assert got.get("It took ten years. I planted every tree myself") == "Maria Olsen"
    # negative: a short label inside a clause stays out
    q = quotes_of(nlp, 'Tom Reyes talked about the band. Its fans call the new album "Blue Roads" in their posts.')
    assert not any(k == "direct" for k in q["kind"])


def test_a_cue_set_off_by_a_comma_that_the_parser_hung_inside_its_clause_reports_it(nlp):
    # the cue first, its adverbials, a comma, then the clause (no "that")
    q = quotes_of(nlp, "The Tribune reported on Friday, nine stores had closed within a month.")
    assert rows(q, "indirect") == [("nine stores had closed within a month", "Tribune")]
    q = quotes_of(nlp, "Officials announced last week, the bridge would reopen in May.")
    assert rows(q, "indirect") == [("the bridge would reopen in May", "Officials")]
    # the cue inside the clause, after its opening adverbial clause: the whole clause, phrase inside
    text = "If the river had been dammed, the engineers argued, the valley would have flooded."
    assert rows(quotes_of(nlp, text), "indirect") == [(text[:-1], "engineers")]
    text = "Unless the fees are cut, the union warned, its members will strike."
    assert rows(quotes_of(nlp, text), "indirect") == [(text[:-1], "union")]
    text = "Because the roads were icy, the police reasoned, the drivers had slowed down."
    assert rows(quotes_of(nlp, text), "indirect") == [(text[:-1], "police")]
    # a participle about the speaker is no part of the clause
    q = quotes_of(nlp, "Speaking at the rally, the senator said, the bill would pass.")
    assert rows(q, "indirect") == [("the bill would pass", "senator")]


def test_a_cue_in_an_adverbial_clause_or_with_a_report_of_its_own_is_no_comma_cue(nlp):
    assert quotes_of(nlp, "When the council announced the vote, the crowd cheered.").empty
    assert quotes_of(nlp, "The company reasoned its way out of the deal.").empty
    q = quotes_of(nlp, "The mayor said the roads were closed, the paper reported.")
    assert [t for t, _ in rows(q, "indirect")] == ["the roads were closed"]


def test_clarify_and_reason_report_a_clause(nlp):
    q = quotes_of(nlp, "The judge clarified that the two cases were not connected.")
    assert rows(q, "indirect") == [("the two cases were not connected", "judge")]
    q = quotes_of(nlp, "The biologists reasoned that the birds were caught in the wild.")
    assert rows(q, "indirect") == [("the birds were caught in the wild", "biologists")]


def test_according_to_before_a_clause_whose_subject_the_parser_hung_on_the_source(nlp):
    q = quotes_of(nlp, "According to the researchers, hunting and trapping of wild geese was common in the region.")
    assert rows(q, "indirect") == [("hunting and trapping of wild geese was common in the region", "researchers")]
    # an apposition of the source stays the source's
    q = quotes_of(nlp, "According to Ada Brenn, a spokeswoman for the airline, the flight was delayed by fog.")
    assert rows(q, "indirect") == [("the flight was delayed by fog", "Ada Brenn")]


def test_according_to_before_a_clause_the_parser_hung_on_a_later_one_reports_both(nlp):
    """'According to the port authority, Dover has a narrow harbour, so when the ferry failed, it hit the
    wall' with "has" parsed as a complement of "hit": the phrase qualifies the whole sentence."""
    parse = [
        ("According", 7, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP", "IN", "to"),
        ("the", 4, "det", "DET", "DT", "the"), ("port", 4, "compound", "NOUN", "NN", "port"),
        ("authority", 1, "pobj", "NOUN", "NN", "authority"), (",", 7, "punct", "PUNCT", ",", ","),
        ("Dover", 7, "nsubj", "PROPN", "NNP", "Dover"), ("has", 21, "ccomp", "VERB", "VBZ", "have"),
        ("a", 10, "det", "DET", "DT", "a"), ("narrow", 10, "amod", "ADJ", "JJ", "narrow"),
        ("harbour", 7, "dobj", "NOUN", "NN", "harbour"), (",", 7, "punct", "PUNCT", ",", ","),
        ("so", 7, "cc", "CCONJ", "CC", "so"), ("when", 16, "advmod", "SCONJ", "WRB", "when"),
        ("the", 15, "det", "DET", "DT", "the"), ("ferry", 16, "nsubj", "NOUN", "NN", "ferry"),
        ("failed", 21, "advcl", "VERB", "VBD", "fail"), ("to", 18, "aux", "PART", "TO", "to"),
        ("stop", 16, "xcomp", "VERB", "VB", "stop"), (",", 21, "punct", "PUNCT", ",", ","),
        ("it", 21, "nsubj", "PRON", "PRP", "it"), ("hit", 21, "ROOT", "VERB", "VBD", "hit"),
        ("the", 23, "det", "DET", "DT", "the"), ("wall", 21, "dobj", "NOUN", "NN", "wall"),
        (".", 21, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, glued=(4, 10, 18, 23)), article_id="t")
    assert texts(q, "indirect") == ["Dover has a narrow harbour, so when the ferry failed to stop, it hit the wall"]
    # a later verb of saying keeps its own report
    q = quotes_of(nlp, "According to the port authority, the ferry was late, the captain said.")
    assert "the captain said" not in " ".join(texts(q, "indirect"))


def test_a_parenthetical_telling_cue_keeps_its_hearer_in_the_phrase(nlp):
    for text in ("The bridge, the mayor assured residents, would reopen in May.",
                 "If the river rises, the mayor told reporters, the bridge will close.",
                 "The bridge, officials said on Friday, would reopen in May."):
        assert texts(quotes_of(nlp, text), "indirect") == [text[:-1]]
    q = quotes_of(nlp, "The mayor told reporters on Friday, the bridge would reopen in May.")
    assert rows(q, "indirect") == [("the bridge would reopen in May", "mayor")]
    assert quotes_of(nlp, "The mayor reminded residents of the storm.").empty


def test_an_object_and_a_modal_predicate_after_its_commas_are_the_reported_clause(nlp):
    """'The mayor announced classes for all grades, public and private, would be cancelled' with the
    object's commas hung on the stranded predicate: the object and the predicate are the clause."""
    parse = [
        ("The", 1, "det", "DET", "DT", "the"), ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("announced", 2, "ROOT", "VERB", "VBD", "announce"), ("classes", 2, "dobj", "NOUN", "NNS", "class"),
        ("for", 3, "prep", "ADP", "IN", "for"), ("all", 6, "det", "DET", "DT", "all"),
        ("grades", 4, "pobj", "NOUN", "NNS", "grade"), (",", 6, "punct", "PUNCT", ",", ","),
        ("public", 6, "amod", "ADJ", "JJ", "public"), ("and", 8, "cc", "CCONJ", "CC", "and"),
        ("private", 8, "conj", "ADJ", "JJ", "private"), (",", 14, "punct", "PUNCT", ",", ","),
        ("would", 14, "aux", "AUX", "MD", "would"), ("be", 14, "auxpass", "AUX", "VB", "be"),
        ("cancelled", 2, "conj", "VERB", "VBN", "cancel"), (".", 2, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, glued=(6, 10, 14)), article_id="t")
    assert texts(q, "indirect") == ["classes for all grades, public and private, would be cancelled"]
    # an object with no predicate of its own reports nothing
    assert quotes_of(nlp, "The mayor announced new classes for all grades, public and private.").empty


def test_an_observation_is_a_finding_but_an_observed_quotation_is_attributed(nlp):
    assert quotes_of(nlp, "The team observed that the bees avoided the painted boxes.").empty
    assert quotes_of(nlp, "The bees, the researchers observed, avoided the painted boxes.").empty
    q = quotes_of(nlp, '"The bees simply avoid the paint," Ada Brenn observed.')
    assert rows(q, "direct") == [("The bees simply avoid the paint,", "Ada Brenn")]


def test_a_purpose_clause_hung_on_a_cue_is_no_report(nlp):
    assert quotes_of(nlp, "The senator declared last week so she could run for the seat.").empty
    assert quotes_of(nlp, "The governor declared an emergency last Friday so he could release the funds.").empty
    # "so" inside the reported clause, or as a degree word, stays
    q = quotes_of(nlp, "The mayor said the bridge was closed, so drivers should take the ferry.")
    assert texts(q, "indirect") == ["the bridge was closed, so drivers should take the ferry"]
    q = quotes_of(nlp, "Ada Brenn said so many people had come that the hall was full.")
    assert texts(q, "indirect") == ["so many people had come that the hall was full"]


def test_an_inverted_cue_in_the_middle_of_its_clause_keeps_the_clause_whole(nlp):
    for text in ("Because warm water is lighter, says Ada Brenn, it rises above the colder layer.",
                 "Warm water, says Ada Brenn, rises above the colder layer."):
        assert rows(quotes_of(nlp, text), "indirect") == [(text[:-1], "Ada Brenn")], text
    # the inverted cue after its clause stays as it was
    q = quotes_of(nlp, "It is not for the court to rule on motives, argued the government's lawyer, Ada Brenn.")
    assert rows(q, "indirect") == [("It is not for the court to rule on motives", "Ada Brenn")]


def test_a_text_that_reads_around_a_clause_reports_it_but_read_attributes_only_quotations(nlp):
    text = "Because only the council may raise taxes, reads the complaint, the new levy is unlawful."
    assert texts(quotes_of(nlp, text), "indirect") == [text[:-1]]
    q = quotes_of(nlp, '"Closed for repairs," the sign read.')
    assert rows(q, "direct") == [("Closed for repairs,", "sign")] and rows(q, "indirect") == []
    assert quotes_of(nlp, "She read the letter, and the room fell silent.").empty


def test_an_object_and_a_finite_verb_the_parser_joined_to_the_cue_are_the_reported_clause(nlp):
    """'The chairman maintained an inquiry is what the committee does' with "is" parsed as a second
    verb of "maintained" (conj, no subject, no conjunction): the object and that verb are the clause."""
    parse = [
        ("The", 1, "det", "DET", "DT", "the"), ("chairman", 2, "nsubj", "NOUN", "NN", "chairman"),
        ("maintained", 2, "ROOT", "VERB", "VBD", "maintain"), ("an", 4, "det", "DET", "DT", "an"),
        ("inquiry", 2, "dobj", "NOUN", "NN", "inquiry"), ("is", 2, "conj", "AUX", "VBZ", "be"),
        ("what", 9, "dobj", "PRON", "WP", "what"), ("the", 8, "det", "DET", "DT", "the"),
        ("committee", 9, "nsubj", "NOUN", "NN", "committee"), ("does", 5, "ccomp", "VERB", "VBZ", "do"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, glued=(9,)), article_id="t")
    assert texts(q, "indirect") == ["an inquiry is what the committee does"]
    # a second verb joined by "and" is the subject's own
    assert quotes_of(nlp, "The company announced the contract and began work.").empty


def test_sharing_that_reports_a_clause_but_sharing_a_thing_does_not(nlp):
    q = quotes_of(nlp, "Ada Brenn encouraged attendees to practise, sharing that all makers had developed different techniques.")
    assert rows(q, "indirect") == [("all makers had developed different techniques", "Ada Brenn")]
    assert quotes_of(nlp, "Ada Brenn shared a photo of the stage.").empty


def test_a_participle_on_a_document_whose_clause_verb_the_parser_joined_to_the_main_verb(nlp):
    """'The union filed a motion claiming the rota is unlawful' with "is" parsed as a second verb of
    "filed": the participle's object and that verb are its clause."""
    parse = [
        ("The", 1, "det", "DET", "DT", "the"), ("union", 2, "nsubj", "NOUN", "NN", "union"),
        ("filed", 2, "ROOT", "VERB", "VBD", "file"), ("a", 4, "det", "DET", "DT", "a"),
        ("motion", 2, "dobj", "NOUN", "NN", "motion"), ("claiming", 4, "acl", "VERB", "VBG", "claim"),
        ("the", 7, "det", "DET", "DT", "the"), ("rota", 5, "dobj", "NOUN", "NN", "rota"),
        ("is", 2, "conj", "AUX", "VBZ", "be"), ("unlawful", 8, "acomp", "ADJ", "JJ", "unlawful"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, glued=(9,)), article_id="t")
    assert texts(q, "indirect") == ["the rota is unlawful"]


def test_a_fragment_in_a_thought_inside_a_reported_clause_is_the_reporters(nlp):
    q = quotes_of(nlp, 'Ada Brenn told reporters that police suspect the attackers had been "exposed to radicalism".')
    assert rows(q, "partial") == [("exposed to radicalism", "Ada Brenn")]
    q = quotes_of(nlp, 'Ada Brenn said she felt the verdict might bring "some solace to the families".')
    assert rows(q, "partial") == [("some solace to the families", "Ada Brenn")]
    # a thought nobody reports stays a thought: no statement
    assert quotes_of(nlp, 'Police suspect the attackers had been "exposed to radicalism".').empty


def test_an_order_inside_a_reported_clause_leaves_the_report_to_the_speaker(nlp):
    q = quotes_of(nlp, 'Ada Brenn said she had ordered "heightened alert" from the guards.')
    assert rows(q, "indirect") == [('she had ordered "heightened alert" from the guards', "Ada Brenn")]
    assert rows(q, "partial") == [("heightened alert", "Ada Brenn")]


def test_an_appeal_whose_infinitive_the_parser_read_as_a_purpose_clause(nlp):
    """'The mayor advised residents to make plans' with "make" parsed as an adverbial clause of
    "advised": the appeal reports its object and infinitive; a purpose after a thing urged does not."""
    parse = [
        ("The", 1, "det", "DET", "DT", "the"), ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("advised", 2, "ROOT", "VERB", "VBD", "advise"), ("residents", 2, "dobj", "NOUN", "NNS", "resident"),
        ("to", 5, "aux", "PART", "TO", "to"), ("make", 2, "advcl", "VERB", "VB", "make"),
        ("plans", 5, "dobj", "NOUN", "NNS", "plan"), (".", 2, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, glued=(6,)), article_id="t")
    assert texts(q, "indirect") == ["residents to make plans"]
    parse = [
        ("The", 1, "det", "DET", "DT", "the"), ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("urged", 2, "ROOT", "VERB", "VBD", "urge"), ("calm", 2, "dobj", "NOUN", "NN", "calm"),
        ("to", 5, "aux", "PART", "TO", "to"), ("avoid", 2, "advcl", "VERB", "VB", "avoid"),
        ("panic", 5, "dobj", "NOUN", "NN", "panic"), (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert extract_quotes(_doc_by_hand(nlp, parse, glued=(6,)), article_id="t").empty


def test_a_that_clause_the_parser_hung_on_the_phrase_after_the_cue_is_reported(nlp):
    for text, clause in (
            ("The judge clarified in the proceedings that her sentencing decisions were not connected to or "
             "impacted by the other sentence.",
             "her sentencing decisions were not connected to or impacted by the other sentence"),
            ("The minister said in an interview that was broadcast on Monday that the border would close.",
             "the border would close")):
        assert rows(quotes_of(nlp, text), "indirect") == [(clause, text.split()[1])], text
    # a relative clause of the phrase is no report
    assert quotes_of(nlp, "The minister said it in the hall that the city had built.").empty


def test_according_to_a_hypothesis_or_theory_is_a_conjecture_not_a_statement(nlp):
    assert quotes_of(nlp, "According to the hypothesis of the study, the microbes grew because the water warmed.").empty
    assert quotes_of(nlp, "The dinosaurs flapped their wings while running, according to the theory.").empty
    q = quotes_of(nlp, "According to the study's lead author, the microbes grew because the water warmed.")
    assert texts(q, "indirect") == ["the microbes grew because the water warmed"]


def test_according_to_after_a_bare_label_reports_no_clause(nlp):
    text = "Magnitude 6.1 according to the survey office, it was recorded as magnitude 6.4 by the observatory."
    assert quotes_of(nlp, text).empty
    q = quotes_of(nlp, "In 2019 according to the ministry, the economy grew by two percent.")
    assert texts(q, "indirect") == ["the economy grew by two percent"]
    q = quotes_of(nlp, "The toll, according to officials, rose to 20.")
    assert texts(q, "indirect") == ["The toll, according to officials, rose to 20"]


def test_a_clause_without_that_is_reported_however_the_parser_hung_it(nlp):
    # "reported <subject> <finite verb> ...": a that-less clause after the cue (and its hearer, or a phrase
    # naming to whom it was reported) is the report, whatever the parser made of its subject (the cue's
    # object, a name glued to a place phrase) and its verb (an adverbial clause of the cue)
    for text, clause in (
            ("The weather service reported Storm Alma in the Atlantic had weakened into a tropical depression.",
             "Storm Alma in the Atlantic had weakened into a tropical depression"),
            ("His sister reported to the police he had not come home for two days.",
             "he had not come home for two days"),
            ('Her son reported to officers she "left the house at dawn without her phone."',
             'she "left the house at dawn without her phone."'),
            ("Kestrel County opened a field hospital. The county estimated by Friday, there would be enough beds for every patient.",
             "there would be enough beds for every patient"),
            ("The airline announced the flights to Lisbon and Porto would resume in May.",
             "the flights to Lisbon and Porto would resume in May"),
            ("The ministry released a short statement announcing the border crossings had reopened.",
             "the border crossings had reopened")):
        got = texts(quotes_of(nlp, text), "indirect")
        assert len(got) == 1 and clause in got[0] and len(got[0]) <= len(clause) + 12, (text, got)
    # the cue read as a participle of its subject: the subject speaks, not the time read as its agent
    assert [s for _, s in rows(quotes_of(nlp, "Kestrel Council estimated by Friday, there would be enough beds."))] \
        == ["Kestrel Council"]
    # negatives: an object with no verb of its own, a verb inside a phrase of the object (a participle,
    # a relative clause, a second object), a verb joined by a conjunction, a verb after a comma
    for text in ("The agency reported 36 new infections on Monday.",
                 "Scientists estimate the herd by counting the animals that graze in the valley.",
                 "She announced the plan the council approved.",
                 "He reported the theft to police and returned home.",
                 "The mayor announced her resignation, which surprised the council.",
                 "The coach announced the squad before the players arrived.",
                 "Police reported two arrests and the road was closed for hours.",
                 "She explained the rules children must follow.",
                 "He told the story he had told before.",
                 "She confirmed the news on Monday and the board met on Tuesday."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    for text in ("Per figures reported by the Herald, 400 teachers and 600 nurses are on strike.",
                 "The writer who wrote the editorials and a book critical of the council was named on Monday.",
                 "The figures estimated last year were too low.",
                 "The statement announcing the cuts was published on Friday.",
                 "It was reported the bridge had been closed."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_fronted_according_to_phrase_reports_the_rest_of_its_sentence(nlp):
    # "According to X, <adjunct> <clause>": the parser may make "According" the root and read the adjunct
    # as a noun with the clause hung on it; the clause is still the rest of the sentence
    for text, clause in (
            ("According to the harbour master, for hours the ferry's radio was silent and its crew had not answered.",
             "for hours the ferry's radio was silent and its crew had not answered"),
            ("According to Ilse Marten, for days her brother's phone was off and he had not used his cards.",
             "for days her brother's phone was off and he had not used his cards")):
        assert texts(quotes_of(nlp, text), "indirect") == [clause], text
    # negatives: a standard, not a source; a phrase with nothing after it but a noun phrase
    for text in ("According to plan, the works end in May.", "According to the mayor, a disaster."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_statements_named_by_the_kind_of_their_speakers_are_an_unnamed_voice(nlp):
    # "according to official statements", "according to police statements": someone's words, an unnamed
    # speaker; documents, records and figures with the same words stay data, no statement
    for text, clause in (
            ("According to official statements, the president, now working from home, is to keep his duties.",
             "the president, now working from home, is to keep his duties"),
            ("The bridge will reopen in May, according to police statements.", "The bridge will reopen in May")):
        q = quotes_of(nlp, text)
        assert texts(q, "indirect") == [clause] and list(q["speaker_kind"]) == ["unnamed"], text
    for text in ("According to court documents, the man fled in 2004.",
                 "According to official figures, the economy grew by two percent.",
                 "According to government records, the bridge was built in 1920."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_participle_phrase_after_the_cue_is_no_fronted_clause(nlp):
    # 'tweeted her reasoning saying, "..."': the participle phrase (its subject the cue's object, misread)
    # is no clause the first cue reports; the quotation is the direct statement, once
    q = quotes_of(nlp, 'Nora Vance tweeted her reasoning saying, "Today I signed the bill. It protects the river."')
    assert list(q["kind"]) == ["direct"]
    # a finite clause after a fronted phrase is still reported
    assert texts(quotes_of(nlp, "Nora Vance said as a child she was bullied."), "indirect") == ["as a child she was bullied"]


def test_a_request_with_a_subjunctive_clause_reports_no_statement(nlp):
    # "requested X be given ...", "demanded that the minister resign": what must happen (as an order), before
    # or after "that", active or passive, however the parser hung the cue
    for text in ("The Kestrel Trust and the River Alliance requested monarch butterflies be given federal protection.",
                 "The union demanded that the minister resign at once.",
                 "Officials requested that the road be closed to lorries.",
                 "The court required the documents be sealed until May."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    # the same verbs with a modal clause or an infinitive (an appeal) stay reports
    assert texts(quotes_of(nlp, "The union demanded the minister should resign."), "indirect") == [
        "the minister should resign"]
    assert texts(quotes_of(nlp, "The council requested residents to stay home."), "indirect") == ["residents to stay home"]


def test_a_clause_inside_a_phrase_of_the_cue_is_not_the_cue_s_report(nlp):
    # "estimate the herd by observing the area turned orange": the clause is the area's, inside the phrase
    # with a verb of its own; across a phrase with none the object is still the clause's subject
    for text in ("Rangers estimate the herd by watching the valley turned brown by the hooves.",
                 "Scientists from the Polar Fund estimate the colony by counting the nests left on the cliffs."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    assert texts(quotes_of(nlp, "The station reported the council due to the storm has closed the bridge."),
                 "indirect") == ["the council due to the storm has closed the bridge"]


def test_a_subject_folded_into_the_phrase_before_the_cue_speaks(nlp):
    # the parser folded the cue's subject into a phrase fronted before it (the object of "On Friday", an
    # apposition inside "Speaking to ..."): that name speaks, for a quotation or a clause
    q = quotes_of(nlp, 'Speaking to Radio Kestrel, the head of the Harbour Workers Union, Edda Lund, said, '
                       '"We will strike on Monday, and the port will close."')
    assert rows(q, "direct") == [("We will strike on Monday, and the port will close.", "Edda Lund")]
    q = quotes_of(nlp, "On Friday Kestrel Motor Company announced the Department of Justice was examining its tests.")
    assert rows(q, "indirect") == [("the Department of Justice was examining its tests", "Kestrel Motor Company")]
    # negatives: a cue with a subject of its own keeps it; a name that is no apposition before the comma
    q = quotes_of(nlp, 'Speaking to Radio Kestrel on Monday, Edda Lund said, "We will strike."')
    assert rows(q, "direct") == [("We will strike.", "Edda Lund")]
    assert len(quotes_of(nlp, "In a letter to Kestrel Bank, said the plant would close.")) == 0


def test_a_statement_issued_with_its_own_that_clause_reports_the_clause(nlp):
    # "issued a statement that ...", "made an announcement on X that ...": the statement's content clause, by
    # whoever issued it, the clause hung on the noun or on the verb
    for text, clause, speaker in (
            ("The Kestrel Prison Service issued a statement that an inmate had been injured.",
             "an inmate had been injured", "Kestrel Prison Service"),
            ("Singer Mara Holt made a surprise announcement on Twitter that she, herself, was leaving the band.",
             "she, herself, was leaving the band", "Mara Holt"),
            ("Kestrel Rovers released a statement on Monday that the coach had resigned.",
             "the coach had resigned", "Kestrel Rovers")):
        assert rows(quotes_of(nlp, text), "indirect") == [(clause, speaker)], text
    # negatives: a relative clause of the statement, a negated verb, a statement nobody issued, a denial
    for text in ("The Kestrel Prison Service issued a statement that praised the guards.",
                 "The Kestrel Prison Service did not issue a statement that an inmate had been injured.",
                 "A statement that an inmate had been injured was posted on the door.",
                 "The Kestrel Prison Service denied claims that an inmate had been injured."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_noun_phrase_object_joined_to_a_name_by_and_is_no_clause_subject(nlp):
    # "confirmed its first infections and Spain had ...": a common noun phrase and a name after "and" are
    # two phrases (the object, then a new clause's subject), not one subject of a that-less clause
    for text in ("The day Portugal confirmed its first infections and Spain had its first death, markets fell.",
                 "Kestrel Council reported its first cases and Ellery had its first death."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    # a coordinated subject whose verb agrees with it (plural) is one subject, whatever follows "and"
    q = quotes_of(nlp, "Kestrel Council announced on Facebook the fire brigade and the police were "
                       "investigating the blaze.")
    assert texts(q, "indirect") == ["the fire brigade and the police were investigating the blaze"]
    # ... also when the parser read the subject as the object of the phrase before it ("on Facebook the ...")
    q = quotes_of(nlp, "Kestrel Council announced on Twitter the Coast Guard and the Harbour Authority were to "
                       "examine the wreck.")
    assert texts(q, "indirect") == ["the Coast Guard and the Harbour Authority were to examine the wreck"]
    # ... and a singular verb after it is no coordination of the subject (written negative of 1160290)
    assert texts(quotes_of(nlp, "Police reported two arrests and the road was closed for hours."), "indirect") == []


def test_a_small_clause_object_without_auxiliary_reports_nothing(nlp):
    # "reported as many as 40 injured": a number and a participle (a small clause) are a figure reported,
    # not a statement; with its auxiliary the clause is one
    for text in ("The agency reported as many as 40 injured.",
                 "Rescuers reported at least nine people injured.",
                 "The ministry reported residents fleeing the town."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    assert texts(quotes_of(nlp, "The agency reported 40 people had been injured."), "indirect") == [
        "40 people had been injured"]
    # a past tense the tagger read as a participle: after "say", or with words of its own, a clause
    assert texts(quotes_of(nlp, "The fire service said two barns burned overnight."), "indirect") == [
        "two barns burned overnight"]


def test_a_recommendation_with_a_subjunctive_clause_reports_nothing(nlp):
    # "recommended residents avoid ...": what should happen (a subjunctive, read as a plural present
    # by the tagger), like "requested ... be protected"; with an infinitive it stays an appeal
    for text in ("The council recommended residents avoid the river until Friday.",
                 "Health officials urged that travellers stay home this weekend.",
                 "The board advised parents keep their children indoors."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    assert texts(quotes_of(nlp, "The council urged residents to avoid the river."), "indirect") == [
        "residents to avoid the river"]
    # a statement in the present with a plural subject is not a subjunctive
    assert texts(quotes_of(nlp, "The council said residents avoid the river in winter."), "indirect") == [
        "residents avoid the river in winter"]
    assert texts(quotes_of(nlp, "The board advised that the schools are closed today."), "indirect") == [
        "the schools are closed today"]


def test_a_coordinated_clause_in_another_tense_is_no_longer_the_report(nlp):
    # "suggested he would not stand and Berg has decided ...": a clause joined after the report, with a
    # subject of its own and a tense the report does not share, is the narrator's
    q = quotes_of(nlp, "Karlsson suggested he would not stand and Berg has decided to run for mayor.")
    assert texts(q, "indirect") == ["he would not stand"]
    q = quotes_of(nlp, "The office has said she has cancelled all upcoming visits, and resignations "
                       "quickly followed by two ministers who attended the meeting.")
    assert texts(q, "indirect") == ["she has cancelled all upcoming visits"]
    # the same tense: one statement of two clauses
    q = quotes_of(nlp, "The coach said the players were tired, and the bus also left late.")
    assert texts(q, "indirect") == ["the players were tired, and the bus also left late"]
    q = quotes_of(nlp, "The police say the driver is in custody and the road remains closed.")
    assert texts(q, "indirect") == ["the driver is in custody and the road remains closed"]


def test_a_clause_after_and_hung_inside_the_report_in_another_tense_ends_it(nlp):
    """'Ada Brenn has said she has cancelled all visits, and resignations quickly followed' with the
    second clause parsed as a complement of "cancelled" (as the pipeline's parser reads such a sentence):
    the report ends before ", and"; the same misreading in the same tense keeps the clause."""
    def parse(second_tag, second_aux):  # the second clause: "quickly followed" (a past) or "have followed"
        rows_ = [
            ("Ada", 1, "compound", "PROPN", "NNP", "Ada"), ("Brenn", 3, "nsubj", "PROPN", "NNP", "Brenn"),
            ("has", 3, "aux", "AUX", "VBZ", "have"), ("said", 3, "ROOT", "VERB", "VBN", "say"),
            ("she", 6, "nsubj", "PRON", "PRP", "she"), ("has", 6, "aux", "AUX", "VBZ", "have"),
            ("cancelled", 3, "ccomp", "VERB", "VBN", "cancel"), ("all", 8, "det", "DET", "DT", "all"),
            ("visits", 6, "dobj", "NOUN", "NNS", "visit"), (",", 8, "punct", "PUNCT", ",", ","),
            ("and", 8, "cc", "CCONJ", "CC", "and"), ("resignations", 13, "nsubj", "NOUN", "NNS", "resignation"),
        ]
        if second_aux:
            rows_.append(("have", 13, "aux", "AUX", "VBP", "have"))
        else:
            rows_.append(("quickly", 13, "advmod", "ADV", "RB", "quickly"))
        rows_ += [("followed", 6, "ccomp", "VERB", second_tag, "follow"),
                  ("too", 13, "advmod", "ADV", "RB", "too"), (".", 3, "punct", "PUNCT", ".", ".")]
        return rows_

    q = extract_quotes(_doc_by_hand(nlp, parse("VBN", False), persons=(0, 1), glued=(8, 14)), article_id="t")
    assert rows(q, "indirect") == [("she has cancelled all visits", "Ada Brenn")]
    q = extract_quotes(_doc_by_hand(nlp, parse("VBN", True), persons=(0, 1), glued=(8, 14)), article_id="t")
    assert rows(q, "indirect") == [("she has cancelled all visits, and resignations have followed too", "Ada Brenn")]


def test_according_to_after_a_semicolon_qualifies_its_own_part_of_the_sentence(nlp):
    # "X suggested A; according to Y, B": the phrase after the semicolon qualifies B only, however the
    # parser hung A on B's verb
    q = quotes_of(nlp, "The council suggested the budget was too small; according to auditors, the town owed "
                       "$2 million to its bank, as well as interest, and in total was $5 million in debt.")
    got = texts(q, "indirect")
    assert "the budget was too small" in got
    assert any(t.startswith("the town owed $2 million") for t in got), got
    assert not any(t.startswith("The council") for t in got), got


def test_a_naming_participle_in_apposition_does_not_frame_the_sentence(nlp):
    # 'X, often referred to as "...", had been ..., according to Y': the naming verb is a participle in
    # apposition to the subject (the clause has its own finite verb after it), so the source's statement is
    # the whole clause, quoted nickname and all
    q = quotes_of(nlp, 'Ada Brenn, reportedly often referred to as "The Iron Lady", had been at the harbour '
                       'attempting to mend a boat at the time, according to local news media.')
    assert any(t.startswith("Ada Brenn, reportedly often referred to as") for t in texts(q, "indirect"))
    # a naming verb with its subject before it still frames the quotation: the source only relays it
    q = quotes_of(nlp, 'Ada Brenn called the plan a "reckless gamble", according to the Kestrel Gazette.')
    assert texts(q, "indirect") == []


def test_a_that_clause_hung_on_the_hearers_apposition_is_the_report(nlp):
    # "told Radio X, a local station, that ...": the parser read "that" as a relative pronoun of the
    # apposition; with a subject of its own the clause is what was told
    q = quotes_of(nlp, "A hospital official told Radio Kestrel, a local station, that one of the patients was "
                       "a retired teacher.")
    assert texts(q, "indirect") == ["one of the patients was a retired teacher"]
    # negatives: a relative clause whose "that" is its subject describes the hearer
    for text in ("The mayor told Radio Kestrel, a station that broadcasts in Welsh, about the plan.",
                 "The mayor told Radio Kestrel, a station that the council funds, about the plan."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_past_tense_read_as_a_participle_of_the_object_of_say_is_the_clause(nlp):
    # 'said several acres of land burned before ...': "burned" hung on "acres" as a participle; after
    # "say" the object and it are the reported clause
    q = quotes_of(nlp, "The Kestrel Fire Service said several acres of farmland burned before the flames were "
                       "put out.")
    assert texts(q, "indirect") == ["several acres of farmland burned before the flames were put out"]
    # negatives: an irregular participle, a participle with its agent, a participle after a comma
    for text in ("Kestrel Council said the words written on the wall.",
                 "The mayor said a prayer offered by the bishop.",
                 "The mayor said a few words, printed in the programme."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text


def test_a_past_tense_hung_on_the_object_of_say_by_hand(nlp):
    """'Ada Brenn said several acres of farmland burned before dawn' with "burned" parsed as a participle
    of "acres" (as the pipeline's parser reads such a sentence): the object and it are the clause; the
    same parse with an irregular participle ("written") stays an object."""
    def parse(word, lemma):
        return [
            ("Ada", 1, "compound", "PROPN", "NNP", "Ada"), ("Brenn", 2, "nsubj", "PROPN", "NNP", "Brenn"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"), ("several", 4, "amod", "ADJ", "JJ", "several"),
            ("acres", 2, "dobj", "NOUN", "NNS", "acre"), ("of", 4, "prep", "ADP", "IN", "of"),
            ("farmland", 5, "pobj", "NOUN", "NN", "farmland"), (word, 4, "acl", "VERB", "VBN", lemma),
            ("before", 7, "prep", "ADP", "IN", "before"), ("dawn", 8, "pobj", "NOUN", "NN", "dawn"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    q = extract_quotes(_doc_by_hand(nlp, parse("burned", "burn"), persons=(0, 1), glued=(9,)), article_id="t")
    assert rows(q, "indirect") == [("several acres of farmland burned before dawn", "Ada Brenn")]
    q = extract_quotes(_doc_by_hand(nlp, parse("written", "write"), persons=(0, 1), glued=(9,)), article_id="t")
    assert rows(q, "indirect") == []


def test_a_quotation_of_two_sentences_after_a_work_noun_is_no_title(nlp):
    # 'said on the programme "It is a loss ... So ..."': a title holds no two sentences
    q = quotes_of(nlp, "Ada Brenn, the culture minister, paid tribute to the singer. She said on Radio Kestrel's "
                       "evening programme \"It is a great loss to the people of the valley, because he gave so much. "
                       "So his death is a loss to all of us\".")
    assert rows(q, "direct") == [("It is a great loss to the people of the valley, because he gave so much. "
                                  "So his death is a loss to all of us", "Ada Brenn")]
    # negatives: a title of one phrase after a work noun, a title in title case with two sentences
    for text in ('She spoke on the programme "Evening News" on Monday.',
                 'She wrote a book, "It Was Cold. Nobody Came", in 2010.'):
        assert quotes_of(nlp, text).empty, text


def test_fragments_framed_by_citing_and_apologising(nlp):
    # 'cited the government's "..." as his motivation' (a person citing), 'apologised for "..."'
    q = quotes_of(nlp, 'In her letter, Ada Brenn cited the council\'s "long record of neglect" as the reason.')
    assert rows(q) == [("long record of neglect", "Ada Brenn")]
    q = quotes_of(nlp, 'After the vote, the mayor apologised to residents for "a week of chaos on the roads."')
    assert texts(q) == ["a week of chaos on the roads."]
    # negatives: a title after a work noun, a body citing a label, an apology with no quotation
    for text in ('The study cited the report "Rivers at Risk" as its source.',
                 'The ministry cited a "technical fault" as the cause.',
                 "The airline apologised for the delays on Friday."):
        assert quotes_of(nlp, text).empty, text


def test_a_named_data_product_is_no_speaker(nlp):
    # "according to the ... Infobase", "the ... dashboard shows": data, even with a name; a body stays a source
    for text in ("According to the Kestrel Public Health Infobase, the crisis claimed 1,393 lives in the province last year.",
                 "The national COVID-19 dashboard shows the cases fell by half."):
        assert texts(quotes_of(nlp, text), "indirect") == [], text
    q = quotes_of(nlp, "According to the Kestrel Health Agency, the crisis claimed 1,393 lives last year.")
    assert rows(q, "indirect") == [("the crisis claimed 1,393 lives last year", "Kestrel Health Agency")]


def test_a_study_with_no_named_author_that_states_a_clause_is_an_unnamed_source(nlp):
    q = quotes_of(nlp, "One study in the Journal of Kestrel Birds from March noted hunters took 126 eggs from 2013 to 2019.")
    assert texts(q, "indirect") == ["hunters took 126 eggs from 2013 to 2019"]
    assert q["speaker_kind"].tolist() == ["unnamed"]
    q = quotes_of(nlp, "The study says the birds are declining.")
    assert texts(q, "indirect") == ["the birds are declining"]
    # negatives: a study that suggests (data), a figure it notes with a quoted label
    for text in ("A study suggests the birds are declining.",
                 'The same study also noted over 370 "heron eggs" taken in the same period.'):
        assert quotes_of(nlp, text).empty, text


def test_reports_citing_unnamed_sources_are_an_unnamed_source(nlp):
    q = quotes_of(nlp, "Reports citing sources within the Kestrel Party have indicated the mayor was actively "
                       "encouraged to resign.")
    assert texts(q, "indirect") == ["the mayor was actively encouraged to resign"]
    assert q["speaker_kind"].tolist() == ["unnamed"]
    # negatives: reports citing data, bare reports that indicate (a hedge)
    for text in ("Reports citing figures from the ministry indicated the mayor would resign.",
                 "Reports have indicated the mayor was encouraged to resign."):
        assert quotes_of(nlp, text).empty, text


def test_a_name_before_its_role_apposition_folded_into_a_fronted_phrase_speaks(nlp):
    # 'On Twitter, X, a columnist for Y, said ...': the parser folded the subject and its apposition into
    # the fronted phrase ("Twitter, X, columnist" read as one coordination); the name before the role speaks
    for text in ("On Twitter, Ada Brenn, US sport columnist from the Kestrel Gazette, said the players were on "
                 "their way to the match.",
                 "On Facebook, Ada Brenn, a columnist for the Kestrel Gazette, said the ferry would not sail on Monday."):
        q = quotes_of(nlp, text)
        assert [s for _, s in rows(q, "indirect")] == ["Ada Brenn"], text
    # negatives: no role noun between the commas, no person before it
    q = quotes_of(nlp, "On Monday, in Kestrel, the mayor said the ferry would not sail.")
    assert [s for _, s in rows(q, "indirect")] == ["mayor"]


def test_a_name_before_its_role_apposition_folded_into_a_fronted_phrase_by_hand(nlp):
    """'On Twitter, Ada Brenn, sport columnist from Kestrel, said the ferry was late' with the name and its
    role read as a coordination with "Twitter" (as the pipeline's parser reads such a sentence), the cue
    left with no subject: the name before the role speaks."""
    parse = [
        ("On", 11, "prep", "ADP", "IN", "on"), ("Twitter", 0, "pobj", "PROPN", "NNP", "Twitter"),
        (",", 1, "punct", "PUNCT", ",", ","), ("Ada", 4, "compound", "PROPN", "NNP", "Ada"),
        ("Brenn", 1, "conj", "PROPN", "NNP", "Brenn"), (",", 4, "punct", "PUNCT", ",", ","),
        ("sport", 7, "compound", "NOUN", "NN", "sport"), ("columnist", 4, "conj", "NOUN", "NN", "columnist"),
        ("from", 7, "prep", "ADP", "IN", "from"), ("Kestrel", 8, "pobj", "PROPN", "NNP", "Kestrel"),
        (",", 4, "punct", "PUNCT", ",", ","), ("said", 11, "ROOT", "VERB", "VBD", "say"),
        ("the", 13, "det", "DET", "DT", "the"), ("ferry", 14, "nsubj", "NOUN", "NN", "ferry"),
        ("was", 11, "ccomp", "AUX", "VBD", "be"), ("late", 14, "acomp", "ADJ", "JJ", "late"),
        (".", 11, "punct", "PUNCT", ".", "."),
    ]
    q = extract_quotes(_doc_by_hand(nlp, parse, persons=(3, 4), glued=(1, 4, 9, 15)), article_id="t")
    assert rows(q, "indirect") == [("the ferry was late", "Ada Brenn")]


def test_a_ruling_issued_with_its_clause_is_the_issuers_statement(nlp):
    # "issued a ruling that ...", "issued a decision holding that ...", "issued a ruling against X finding that
    # ..." (the participle read as a noun inside the phrase): the judge's statement
    for text, clause in (
            ("Judge Ada Brenn issued a ruling that the ferry contract was void.", "the ferry contract was void"),
            ("Judge Ada Brenn issued a decision holding that the ferry contract was void.", "the ferry contract was void"),
            ("On Monday, Kestrel County Judge Ada Brenn issued a ruling against Mayor Ivo Marsh finding that county "
             "auditors could view his bank records.", "county auditors could view his bank records")):
        assert rows(quotes_of(nlp, text), "indirect") == [(clause, "Ada Brenn")], text
    # negatives: a relative clause of the ruling, an order's subjunctive
    for text in ("Judge Ada Brenn issued a ruling that angered the council.",
                 "Judge Ada Brenn issued an order that the ballots be counted."):
        assert quotes_of(nlp, text).empty, text

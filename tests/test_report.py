"""The findings of notebooks 02, 03 and 07 as sentences, computed from small frames written for the test."""

from types import SimpleNamespace

import pandas as pd

from helpers.present import display, report


def _quotes():
    # Ana Ruiz: a direct quote, a reported clause holding a quoted fragment of hers, and a pull quote
    # repeating her direct quote; Ben Ode: two statements, one found from "he"; one quote with no speaker.
    rows = [
        ("q1", "direct", "The road is safe", 10, 26, "Ana Ruiz", "e1", "syntax", False, None),
        ("q2", "indirect", "the bridge was old and unsafe", 40, 69, "Ana Ruiz", "e1", "syntax", False, None),
        ("q3", "partial", "old and unsafe", 55, 69, "Ana Ruiz", "e1", "syntax", False, None),
        ("q4", "indirect", "the cost was too high", 90, 111, "Ben Ode", "e2", "syntax", False, None),
        ("q5", "direct", "We cannot pay", 120, 133, "Ben Ode", "e2", "pronoun", False, None),
        ("q6", "direct", "Nobody asked us", 150, 165, None, None, "none", False, None),
        ("q7", "direct", "The road is safe", 200, 216, "Ana Ruiz", "e1", "dash", True, "q1"),
    ]
    cols = ["quote_id", "kind", "text", "start_char", "end_char", "speaker", "speaker_id", "attribution",
            "is_pull_quote", "duplicate_of"]
    q = pd.DataFrame(rows, columns=cols)
    return q.assign(article_id="bridge", paragraph_id=range(len(q)), speaker_type=["PERSON"] * 5 + [None, "PERSON"],
                    n_words=q["text"].str.split().str.len())


def _entities():
    rows = [("e1", "Ana Ruiz", "PERSON", 4), ("e2", "Ben Ode", "PERSON", 2), ("e3", "Carla Diaz", "PERSON", 1),
            ("e4", "Harbour Town", "GPE", 6), ("e5", "River Board", "ORG", 2), ("e6", "Spanish", "NORP", 1),
            ("e7", "Monday", "DATE", 1)]
    e = pd.DataFrame(rows, columns=["entity_id", "canonical", "label", "n_mentions"])
    return e.assign(article_id="bridge", descriptor=None)


def _mentions():
    # sentence 0: Ana + Harbour Town; sentence 1: Ana + Harbour Town + Ben; sentence 2: Ben + River Board
    rows = [(0, "Ana Ruiz", "PERSON"), (0, "Harbour Town", "GPE"), (1, "Ana Ruiz", "PERSON"),
            (1, "Harbour Town", "GPE"), (1, "Ben Ode", "PERSON"), (2, "Ben Ode", "PERSON"), (2, "River Board", "ORG")]
    m = pd.DataFrame(rows, columns=["sentence_id", "canonical", "label"])
    return m.assign(article_id="bridge", paragraph_id=m["sentence_id"])


def _analysis(**changes):
    frames = {"quotes": _quotes(), "entities": _entities(), "mentions": _mentions()}
    frames.update(changes)
    return SimpleNamespace(**frames)


def test_quote_findings_count_kinds_speakers_attribution_and_the_pull_quote():
    lines = report.quote_findings(_analysis())
    assert lines[0] == "The quote engine found 7 statements: 4 direct quotes, 1 quoted fragment and 2 in reported speech."
    # the counting sentences are those of the report (the pull quote, the fragment and the quote
    # with no speaker are left out: 4 statements by 2 sources)
    assert lines[1] == ("2 sources make 4 attributed statements (2 of the sources are people); "
                        "Ana Ruiz and Ben Ode make the most, 2 each (50% each).")
    assert lines[2].startswith("Ana Ruiz has the largest share of the words inside quotation marks: 7 of 10")
    assert lines[3] == ("How the speaker of each statement was found: 4 named in the sentence itself, "
                        "1 resolved from a pronoun (\u201che said\u201d), 1 from a dash after the quote and 1 not found.")
    assert "The pull quote q7 (Ana Ruiz) repeats body quote q1, so it is counted once, as q1." in lines
    assert lines[-1] == ("Left out of the counts: 1 quoted fragment inside the same speaker's reported clause; "
                         "1 quote with no speaker; 1 pull quote (display copy of a body quote).")


def test_quote_findings_say_when_a_pull_quote_matches_nothing_and_when_there_are_no_quotes():
    quotes = _quotes()
    quotes.loc[quotes["quote_id"] == "q7", "duplicate_of"] = None
    assert "The pull quote q7 (Ana Ruiz) matches no body quote; it is not counted." in report.quote_findings(
        _analysis(quotes=quotes))
    none = report.quote_findings(_analysis(quotes=_quotes().iloc[:0]))
    assert len(none) == 1 and none[0].startswith("No statements were found")


def test_entity_findings_count_kinds_most_mentioned_silent_people_and_pairs():
    lines = report.entity_findings(_analysis())
    assert lines[0] == ("7 entities are mentioned 17 times: 3 people, 1 organisation, 1 place, "
                        "1 nationality or group and 1 other.")
    assert lines[1] == "Most mentioned people: Ana Ruiz (4 mentions), Ben Ode (2) and Carla Diaz (1)."
    assert lines[2] == "Most mentioned of all: Harbour Town (6 mentions)."  # a place, not a person
    assert lines[3] == "Named but never quoted: Carla Diaz (1 mention)."
    assert lines[4] == "Named together in the most sentences (2): Ana Ruiz and Harbour Town."


def test_entity_findings_name_ties_and_say_when_everyone_is_quoted():
    entities = _entities()
    entities = entities[entities["canonical"] != "Carla Diaz"].assign(
        n_mentions=[6, 2, 6, 2, 1, 1])  # Ana Ruiz ties with Harbour Town for most mentioned
    lines = report.entity_findings(_analysis(entities=entities))
    assert lines[1] == "Most mentioned people: Ana Ruiz (6 mentions) and Ben Ode (2)."
    assert not any(line.startswith("Most mentioned of all") for line in lines)  # a person already leads
    assert "Every person named (2) is also quoted." in lines
    mentions = _mentions()
    mentions = mentions[mentions["sentence_id"] != 1]  # three pairs, one sentence each
    last = report.entity_findings(_analysis(mentions=mentions))[-1]
    assert last == "Named together in the most sentences (1 each): Ana Ruiz and Harbour Town; Ben Ode and River Board."


def test_top_mentioned_names_ties_at_the_cut_then_counts_the_rest():
    frame = pd.DataFrame({"canonical": list("ABCDEFG"), "n_mentions": [5, 3, 2, 2, 1, 1, 1]})
    assert report._top_mentioned(frame) == "A (5 mentions), B (3), C (2) and D (2)"
    assert report._top_mentioned(frame, limit=5) == "A (5 mentions), B (3), C (2), D (2), E (1), F (1) and G (1)"
    assert report._top_mentioned(frame.assign(n_mentions=1)) == "A (1 mention), B (1), C (1) and 4 more with 1 each"


def test_markdown_list_is_one_bullet_per_sentence_with_formatting_characters_escaped():
    text = display.markdown_list(["Ana *said* it.", "See [q1] <b>_x_</b>"])
    assert text.splitlines() == ["- Ana \\*said\\* it.", "- See \\[q1\\] \\<b\\>\\_x\\_\\</b\\>"]
    assert display.markdown_list([]) == ""

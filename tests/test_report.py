"""The findings of notebooks 02, 03 and 07 as sentences, computed from small frames written for the test."""

from types import SimpleNamespace

import pandas as pd
import pytest

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
                        "the most by Ana Ruiz and Ben Ode: 2 each (50% each).")
    assert lines[2] == ("No one clearly leads the words inside quotation marks (a lead of 10 words or fewer is too "
                        "close to call): Ana Ruiz 7 (70%) and Ben Ode 3 (30%) of 10.")
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


# --- the report of a whole article written for the test ------------------------------------------------

REPORT_TEXT = """Town Approves New Bridge

The town council approved a new bridge on Monday. "The bridge will save lives," Mayor Ana Lopez said. Lopez said the old bridge was dangerous.

Ben Ode, a local engineer, said the cost was far too high. "We cannot afford it," Ode said.

Carla Diaz, who lives near the river, watched the vote."""


@pytest.fixture(scope="module")
def bridge_findings(nlp):
    from helpers import pipeline
    from helpers.ingest.article import article_from_text
    from helpers.ingest.parse import parse

    article = article_from_text(REPORT_TEXT, "bridge-test", meta={"outlet": "Town Post", "date": "2020-05-04",
                                                                   "url": "https://example.org/bridge"})
    return pipeline.measure(pipeline.analyze_doc(parse(article, nlp=nlp, cache=False), article))


def _figures(findings, directory):
    import matplotlib.pyplot as plt

    from helpers.present import charts

    fig, data = charts.statements_by_kind(findings.share, findings.analysis.article)
    charts.save_figure(fig, "bridge-statements", data=data, directory=directory)
    plt.close(fig)
    return [("bridge-statements", "Statements by kind")]


def test_findings_of_the_test_article_name_the_tie_the_silent_and_the_tone_toward_people(bridge_findings):
    lines = report.findings_text(bridge_findings)
    assert lines[0] == ("2 sources make 4 attributed statements (2 of the sources are people); "
                        "the most by Ana Lopez and Ben Ode: 2 each (50% each).")
    assert "Named but never quoted: Carla Diaz (1 mention)." in lines
    toward = [line for line in report.findings_text(bridge_findings, "tone") if line.startswith("Tone toward")]
    assert len(toward) == 1 and "a trained model" in toward[0] and "6 mentions" in toward[0]
    vader = [line for line in lines if "VADER" in line]
    assert vader and all("Word-choice tone" in line or "word-choice tone" in line for line in vader)
    assert not any(" reads " in line or " read " in line for line in lines)
    assert set(lines) == set(sum((report.findings_text(bridge_findings, s) for s in report.SECTIONS), []))


def test_headlines_lead_with_share_the_silent_tone_toward_people_and_themes(bridge_findings):
    heads = report.headlines(bridge_findings)
    every = report.findings_text(bridge_findings)
    assert heads == [line for line in every if line in heads]  # a subset, in the report's order
    assert heads[0] == every[0] and heads[1].startswith("Named but never quoted")
    assert any(h.startswith("Tone toward the people and organisations") for h in heads)
    assert not any("VADER" in h or h.startswith("Top keyphrases") for h in heads)


def test_findings_name_every_theme_tied_for_largest(bridge_findings):
    import dataclasses

    model = bridge_findings.themes
    tied = pd.DataFrame({"theme_id": [0, 1, 2], "label": ["rain / flood", "road / bridge", "school"],
                         "n_sentences": [7, 7, 3]})
    findings = dataclasses.replace(bridge_findings, themes=dataclasses.replace(model, themes=tied, k=3))
    line = next(t for t in report.findings_text(findings, "topics") if "the largest" in t)
    assert line.startswith("3 themes") and line.endswith(
        "the largest, \u201crain / flood\u201d and \u201croad / bridge\u201d, cover 7 sentences each.")


def test_speaker_tone_sentence_ranks_only_a_clear_spread():
    tone = pd.DataFrame({"speaker": ["Ana", "Ben", "Cy"], "n_statements": [3, 2, 1],
                         "mean_compound": [0.40, -0.30, 0.9]})
    assert report._speaker_tone_sentence(tone) == (
        "Among speakers with two or more statements, the statements of Ana use the most positive words "
        "(VADER mean +0.40 over 3) and those of Ben the least (mean -0.30 over 2).")
    close = tone.assign(mean_compound=[0.02, -0.01, 0.9])
    assert "too close to rank" in report._speaker_tone_sentence(close)


def test_metadata_line_joins_what_is_given_with_no_orphan_separator():
    full = SimpleNamespace(outlet="Town Post", date="2020-05-04", byline="Jo Reed", place=None,
                           url="https://example.org/a?b=1&c=2")
    assert report.metadata_line(full) == ("Town Post \u00b7 2020-05-04 \u00b7 Jo Reed \u00b7 "
                                          '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>')
    assert report.metadata_line(SimpleNamespace(outlet=None, date="2020-05-04", byline="", place=None, url=None)) \
        == "2020-05-04"
    assert report.metadata_line(SimpleNamespace(outlet=None, date=None, byline=None, place=None, url=None)) == ""


def test_the_report_lists_every_statement_linked_to_the_text_and_back(bridge_findings, tmp_path):
    import re

    out = report.write_report(bridge_findings, _figures(bridge_findings, tmp_path / "figures" / "bridge-test"),
                              tmp_path / "bridge-test.html", figures_dir=tmp_path / "figures" / "bridge-test")
    text = out.read_text(encoding="utf-8")
    quotes = bridge_findings.analysis.quotes
    for qid in quotes["quote_id"]:
        assert f'href="#q-{qid}"' in text and f'id="q-{qid}"' in text  # table -> text
        assert f'href="#row-{qid}"' in text and f'id="row-{qid}"' in text  # text -> table
    targets = set(re.findall(r'href="#([^"]+)"', text))
    ids = set(re.findall(r'id="([^"]+)"', text))
    assert targets <= ids, targets - ids
    assert 'href="figures/bridge-test/bridge-statements.csv"' in text  # relative: works when zipped
    assert "Town Post \u00b7 2020-05-04" in text and 'href="https://example.org/bridge"' in text
    assert str(tmp_path) not in text and "Town Approves New Bridge" in text
    # the tables' JavaScript is inlined: nothing is fetched from a network
    assert "_itables_" in text and not re.search(r"""(src|href)=["']https?://[^"']*\.(js|css)""", text)
    assert not re.search(r"""import [^;]* from ['"]https?://""", text)


def test_write_report_is_deterministic_and_embeds_its_figures(bridge_findings, tmp_path):
    figures = _figures(bridge_findings, tmp_path)
    first = report.write_report(bridge_findings, figures, tmp_path / "a.html", figures_dir=tmp_path)
    second = report.write_report(bridge_findings, figures, tmp_path / "b.html", figures_dir=tmp_path)
    assert first.read_bytes() == second.read_bytes()
    html = first.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 1
    assert "Share of statements" in html and "Mean tone (\u22121 to +1)" in html
    assert "n_statements" not in html and "share_quoted_words" not in html
    for line in report.findings_text(bridge_findings):
        assert line.replace("'", "&#x27;").replace("\u201c", "\u201c") in html


def test_the_report_shows_corrections_and_those_that_no_longer_match(bridge_findings, tmp_path):
    import dataclasses

    from helpers.extract.corrections import LOG_COLUMNS

    log = pd.DataFrame([("data/corrections/bridge-test.yaml", 1, "speaker", "We cannot afford it", "applied",
                         "q004: speaker Ana Lopez"),
                        ("data/corrections/bridge-test.yaml", 2, "drop", "words nobody said", "not found",
                         "no statement holds these words: the article or the engine changed")], columns=LOG_COLUMNS)
    analysis = dataclasses.replace(bridge_findings.analysis, extra={"corrections": log})
    findings = dataclasses.replace(bridge_findings, analysis=analysis)
    html = report.write_report(findings, [], tmp_path / "c.html", figures_dir=tmp_path).read_text(encoding="utf-8")
    assert "Corrected by hand" in html and "1 of 2 corrections in" in html
    assert "1 correction no longer matches" in html and "words nobody said" in html


def test_the_pdf_holds_every_statement_in_plain_tables(bridge_findings, tmp_path):
    figures = _figures(bridge_findings, tmp_path)
    _, printed = report._report(bridge_findings, figures, tmp_path / "p.html", tmp_path, interactive=False)
    assert "_itables_" not in printed and "<script" not in printed
    assert "search box" not in printed and "click" not in printed  # nothing to click on paper
    for text in bridge_findings.analysis.quotes["text"]:
        assert report.html.escape(text) in printed
    pdf = report.write_pdf(bridge_findings, figures, tmp_path / "p.pdf", figures_dir=tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) > 20_000


def test_exclusions_agree_in_number():
    exclusions = pd.DataFrame({"reason": ["inside indirect quote q1", "inside indirect quote q4", "no speaker",
                                          "pull quote"]})
    assert report._exclusion_sentence(exclusions) == (
        "Left out of the counts: 2 quoted fragments inside the same speaker's reported clause; "
        "1 quote with no speaker; 1 pull quote (display copy of a body quote).")


LAYOUT = ("Home\n\nWorld News\n\nHarbour Reopens After Storm\n\n"
          "Mayor Lena Ortiz and Tom Reyes at the harbour today Local fishermen returned to the harbour on Monday "
          "after the storm.\n\n"
          "PORTMORE, March 3 (Coast Daily) -- The council paid for the repairs. \"We will rebuild the pier by "
          "summer,\" Ortiz said.\n\n"
          "\"We will rebuild the pier by summer\" - Lena Ortiz\n\n"
          "More boats are expected next week.\n")


def test_layout_findings_say_what_of_the_page_is_the_article(nlp):
    from helpers.ingest.article import PROSE_ROLES, article_from_text
    from helpers.ingest.frames import sentences_frame
    from helpers.ingest.parse import parse
    from helpers.ingest.tokens import count_words

    article = article_from_text(LAYOUT, "layout-test", nlp=nlp)
    sentences = sentences_frame(article, parse(article, nlp=nlp, cache=False))
    found = report.layout_findings(article, sentences)
    prose = article.paragraphs[article.paragraphs["role"].isin(PROSE_ROLES)]
    n_words = sum(count_words(t) for t in prose["text"])
    assert found == [
        "The page opens with 2 lines of site navigation before its headline, “Harbour Reopens After Storm”.",
        "A caption, “Mayor Lena Ortiz and Tom Reyes at the harbour today”, runs into the standfirst on the same "
        "line and is cut from it; it keeps its own role, so no analysis reads it as prose.",
        "The dateline “PORTMORE, March 3 (Coast Daily) --” gives the place (PORTMORE) and the outlet (Coast Daily).",
        "1 paragraph is a pull quote (a quotation set apart with its speaker's name); its words come again in the "
        "body. It keeps its own role, so the quote analysis counts its words once.",
        "Also recognised from the layout: 1 standfirst paragraph.",
        f"The article's own prose (headline, standfirst and body) holds 5 sentences and {n_words} words: the "
        "sentences notebooks 05 and 06 score for tone and themes.",
        "Nothing is dropped: all 9 paragraphs keep a row, each with its role.",
    ]
    # a page without navigation, caption, dateline or pull quote says only what it has
    plain = article_from_text("Harbour Reopens\n\nFishermen returned on Monday. The council paid.\n", "plain", nlp=nlp)
    found = report.layout_findings(plain, sentences_frame(plain, parse(plain, nlp=nlp, cache=False)))
    assert found[0] == "The page opens with its headline, “Harbour Reopens”."
    assert not any(s.startswith(("A caption", "The dateline", "1 paragraph is a pull quote")) for s in found)
    assert found[-1] == "Nothing is dropped: all 2 paragraphs keep a row, each with its role."


def test_the_theme_flow_caption_mentions_hatching_only_when_the_chart_has_it(tmp_path):
    from helpers.present.report import KEY_FIGURES, figure_caption

    base = dict(KEY_FIGURES)["topics-flow"]
    assert "hatch" not in base
    pd.DataFrame({"theme_id": [0, 0], "paragraph_no": [0, 1], "themed_paragraph": [True, True]}).to_csv(
        tmp_path / "topics-flow.csv", index=False)
    assert figure_caption("topics-flow", base, tmp_path) == base
    pd.DataFrame({"theme_id": [0, 0], "paragraph_no": [0, 1], "themed_paragraph": [True, False]}).to_csv(
        tmp_path / "topics-flow.csv", index=False)
    assert "hatched" in figure_caption("topics-flow", base, tmp_path)
    assert figure_caption("tone-arc", "Tone", tmp_path) == "Tone"

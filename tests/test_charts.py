"""Charts: save_figure writes deterministic PNG/SVG/CSV into the article's folder at a fixed width;
titles are computed from the data, name near ties, agree in number and use the reader's paragraphs."""

import hashlib
from types import SimpleNamespace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from helpers.present import charts


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def share_frame():
    return pd.DataFrame({
        "speaker": ["Ben Ode", "Ana Lopez", "City Council"],
        "n_direct": [3, 1, 0], "n_partial": [1, 0, 0], "n_indirect": [2, 1, 1],
        "n_statements": [6, 2, 1], "n_quoted_words": [30, 10, 0],
        "share_quoted_words": [0.75, 0.25, 0.0],
    })


def _article(paragraph_no, roles=None):
    """An Article-like source whose paragraphs (ids 0..n-1) carry the given reader numbers."""
    n = len(paragraph_no)
    paragraphs = pd.DataFrame({"paragraph_id": range(n), "role": roles or ["body"] * n,
                               "paragraph_no": pd.array(paragraph_no, dtype="Int64")})
    return SimpleNamespace(paragraphs=paragraphs, title="T", outlet=None, date=None)


def test_save_figure_writes_three_files_with_identical_bytes_twice(tmp_path, share_frame, capsys):
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        fig, data = charts.statements_by_kind(share_frame, "Source: Test Title, Test Outlet, 2020-01-01")
        assert charts.save_figure(fig, "speaker-statements", data=data, directory=out) is None
        plt.close(fig)
        digests.append([_digest(out / f"speaker-statements.{ext}") for ext in ("png", "svg", "csv")])
    assert digests[0] == digests[1]
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed == ["speaker-statements.{png,svg,csv}"] * 2  # no absolute path
    svg = (tmp_path / "a" / "speaker-statements.svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib" not in svg


def test_save_figure_writes_into_the_article_folder_and_needs_to_know_it(tmp_path, monkeypatch, share_frame):
    from helpers import config

    monkeypatch.setattr(config, "FIGURES", tmp_path / "figures")
    fig, data = charts.statements_by_kind(share_frame, "Source: T")
    charts.save_figure(fig, "kinds", data=data, article_id="art-1")
    charts.save_figure(fig, "kinds", data=data.head(1), article_id="art-2")
    with pytest.raises(TypeError, match="article_id"):
        charts.save_figure(fig, "kinds", data=data)
    plt.close(fig)
    assert len(pd.read_csv(tmp_path / "figures" / "art-1" / "kinds.csv")) == 3  # not overwritten by art-2
    assert len(pd.read_csv(tmp_path / "figures" / "art-2" / "kinds.csv")) == 1


def test_png_is_200_dpi(tmp_path, share_frame):
    fig, data = charts.quoted_word_share(share_frame, "Source: T")
    charts.save_figure(fig, "words", data=data, directory=tmp_path)
    plt.close(fig)
    with Image.open(tmp_path / "words.png") as png:
        assert round(png.info["dpi"][0]) == 200


def test_no_figure_is_wider_than_its_set_width_however_long_its_title_and_names(tmp_path, share_frame):
    long_name = "the deputy chairman of the regional committee on transport, housing and infrastructure"
    wide = share_frame.assign(speaker=["Ben Ode", long_name, "City Council of the Metropolitan Borough"],
                              n_statements=[6, 5, 1])
    fig, data = charts.statements_by_kind(wide, "Source: " + "a very long article title " * 8)
    title = fig.get_suptitle()
    assert "\n" in title  # wrapped, not widened
    fig.set_dpi(charts.PNG_DPI)
    fig.canvas.draw()  # axis labels take their place when drawn
    renderer = fig.canvas.get_renderer()
    from matplotlib.text import Text

    texts = [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]
    assert title in [t.get_text() for t in texts]
    for text in texts:  # the title, the source line, the names, the legend: all inside the figure
        box = text.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.width, text.get_text()
    charts.save_figure(fig, "wide", data=data, directory=tmp_path)
    plt.close(fig)
    with Image.open(tmp_path / "wide.png") as png:
        assert png.size[0] == round(charts.FIG_WIDTH * charts.PNG_DPI)


def test_wrap_title_keeps_every_line_inside_the_figure():
    charts.use_style()
    fig, _ = plt.subplots(figsize=(charts.FIG_WIDTH, 3))
    charts.wrap_title(fig, "Ana Lopez and Ben Ode " * 12 + "\nA second line that is short")
    text = fig.get_suptitle()
    assert text.splitlines()[-1] == "A second line that is short" and len(text.splitlines()) >= 3
    fig.set_dpi(charts.PNG_DPI)
    title = [t for t in fig.texts if t.get_text() == text][0]
    assert title.get_window_extent(fig.canvas.get_renderer()).x1 <= fig.bbox.width
    plt.close(fig)


def test_csv_holds_the_plotted_data(tmp_path, share_frame):
    fig, data = charts.statements_by_kind(share_frame, "Source: T")
    charts.save_figure(fig, "kinds", data=data, directory=tmp_path)
    plt.close(fig)
    back = pd.read_csv(tmp_path / "kinds.csv")
    assert list(back.columns) == ["speaker", "direct", "partial", "indirect", "n_statements"]
    assert back.set_index("speaker").loc["Ben Ode", "direct"] == 3


def test_titles_state_the_finding_from_the_data(share_frame):
    fig, _ = charts.statements_by_kind(share_frame, "Source: T")
    assert charts.chart_title(fig) == "Most statements: Ben Ode, 6 of 9 (67%)"
    plt.close(fig)
    fig, _ = charts.quoted_word_share(share_frame, "Source: T")
    assert charts.chart_title(fig) == "Most words in quotation marks: Ben Ode, 75% (30 of 40)"
    plt.close(fig)
    assert charts.statements_title(["police"], [1]) == "Every statement (1): police"
    assert charts.statements_title(["Ana", "Ben"], [0, 0]) == "No attributed statements"


def test_a_lead_of_one_statement_is_said_to_be_too_close_to_call():
    title = charts.statements_title(["Ana", "Ben", "Cy", "Dee"], [6, 5, 5, 1])
    assert title == "Most statements, too close to call: Ana (6), Ben (5) and Cy (5) of 17"
    assert charts.statements_title(["Ben", "Ana"], [6, 6]) == (
        "Most statements, tied: Ben and Ana, 6 each of 12 (50% each)")  # in the bars' order
    assert charts.statements_title(["Ana", "Ben"], [2, 1]).startswith("Most statements, too close to call")


def test_a_lead_of_a_few_quoted_words_is_said_to_be_too_close_to_call():
    title = charts.quoted_words_title(["Markov", "Putin", "Kim"], [150, 146, 100])
    assert title == ("Most words in quotation marks, too close to call: Markov (38%, 150 words) and "
                     "Putin (37%, 146 words) of 396")
    assert charts.quoted_words_title(["Ana", "Ben"], [80, 20]) == "Most words in quotation marks: Ana, 80% (80 of 100)"
    assert charts.quoted_words_title(["Ana"], [0]) == "No words are quoted directly"


def test_titles_name_every_leader_on_a_tie():
    matrix = pd.DataFrame([[4, 1, 4], [2, 0, 0]], index=pd.Index(["Ana", "Ben"], name="speaker"),
                          columns=pd.Index([0, 1, 2], name="theme_id"))
    themes = pd.DataFrame({"theme_id": [0, 1, 2], "label": ["rain", "school", "road"]})
    fig, data = charts.speaker_theme_heatmap(matrix, themes, "Source: T")
    assert charts.chart_title(fig) == "Most statements on one theme: Ana on \u201crain\u201d and \u201croad\u201d (4 statements each)"
    assert len(data) == 6
    plt.close(fig)
    fig, _ = charts.speaker_theme_heatmap(matrix.iloc[[1]], themes, "Source: T")
    assert charts.chart_title(fig) == "Most statements on one theme: Ben on \u201crain\u201d (2 statements)"
    plt.close(fig)


def test_every_chart_has_axis_labels_and_a_source_line(share_frame):
    fig, _ = charts.statements_by_kind(share_frame, "Source: Test Title, Outlet, 2020-01-01")
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert "Source: Test Title, Outlet, 2020-01-01" in [t.get_text() for t in fig.texts]
    plt.close(fig)


def test_source_line_from_an_article_like_object():
    class Art:
        title, outlet, date = "A Title", "An Outlet", "2005-06-24"

    assert charts.source_line(Art()) == "Source: A Title, An Outlet, 2005-06-24"
    Art.outlet = None
    assert charts.source_line(Art()) == "Source: A Title, 2005-06-24"


def test_mentioned_vs_quoted_title_counts_and_names_the_silent():
    people = pd.DataFrame({"canonical": ["A", "B", "C"], "n_mentions": [5, 2, 1], "n_statements": [3, 0, 0],
                           "quoted": [True, False, False]})
    fig, data = charts.mentioned_vs_quoted_chart(people, "Source: T")
    assert charts.chart_title(fig) == "2 of 3 people named are never quoted: B and C"
    assert data["canonical"].tolist() == ["A", "B", "C"]  # the table's order, top to bottom
    plt.close(fig)
    fig, _ = charts.mentioned_vs_quoted_chart(people.assign(n_statements=[3, 1, 0], quoted=[True, True, False]),
                                              "Source: T")
    assert charts.chart_title(fig) == "1 of 3 people named is never quoted: C"
    plt.close(fig)
    fig, _ = charts.mentioned_vs_quoted_chart(people.assign(quoted=True), "Source: T")
    assert charts.chart_title(fig) == "All 3 people named are quoted"
    plt.close(fig)


def test_speaker_positions_use_the_readers_paragraphs_and_the_speaker_order(share_frame):
    # paragraph ids 0-5: navigation, headline, caption+body (one printed paragraph), body, body
    article = _article([None, 0, 1, 1, 2, 3], ["navigation", "headline", "caption", "body", "body", "body"])
    positions = pd.DataFrame({"quote_id": ["q1", "q2", "q3"], "speaker": ["Ana Lopez", "Ben Ode", "Ana Lopez"],
                              "kind": ["direct", "indirect", "partial"], "paragraph_id": [3, 4, 5],
                              "start_char": [10, 20, 30], "n_words": [5, 8, 3]})
    fig, data = charts.speaker_positions_chart(positions, share_frame, article)
    assert data["paragraph_no"].tolist() == [1, 2, 3]
    assert charts.chart_title(fig) == "First to speak: Ana Lopez (paragraph 1); 2 speakers in all"
    ticks = dict(zip([t.get_text() for t in fig.axes[0].get_yticklabels()], fig.axes[0].get_yticks()))
    assert ticks["Ben Ode"] > ticks["Ana Lopez"]  # the speaker order of the share frame, top down
    plt.close(fig)
    with pytest.raises(ValueError, match="reader"):
        charts.speaker_positions_chart(positions, share_frame, "Source: T")


def test_charts_of_an_article_without_quotes_still_draw(tmp_path):
    from helpers.measure import share

    empty = pd.DataFrame(columns=["quote_id", "article_id", "kind", "text", "start_char", "end_char",
                                  "paragraph_id", "speaker", "speaker_id"])
    fig, data = charts.statements_by_kind(share.speaker_share(empty), "Source: T")
    assert charts.chart_title(fig) == "No attributed statements"
    charts.save_figure(fig, "empty", data=data, directory=tmp_path)
    plt.close(fig)
    fig, _ = charts.speaker_positions_chart(share.speaker_positions(empty), share.speaker_share(empty),
                                            _article([0, 1, 2]))
    assert charts.chart_title(fig) == "Nobody is quoted"
    plt.close(fig)


def _tones(labels, ids=None, paragraphs=None):
    ids = ids if ids is not None else list(range(len(labels)))
    paragraphs = paragraphs if paragraphs is not None else ids
    return pd.DataFrame({"sentence_id": ids, "paragraph_id": paragraphs, "paragraph_no": paragraphs, "tone": labels})


def test_tone_arc_title_says_word_choice_with_counts_and_where_negative_sentences_run():
    t = charts.tone_arc_title(_tones(["neutral", "neutral", "negative", "negative", "neutral", "negative"],
                                     paragraphs=[0, 1, 2, 3, 3, 4]))
    lines = t.split("\n")
    assert lines[0] == "Word-choice tone (VADER) of 6 sentences: no label has a majority (0 positive, 3 neutral, 3 negative)"
    assert lines[1] == "The longest negative-scoring run: 2 sentences in a row, in paragraphs 2-3"
    t = charts.tone_arc_title(_tones(["positive", "positive", "negative", "positive"]))
    assert t.split("\n") == ["Word-choice tone (VADER) of 4 sentences: most score positive (3 positive, 0 neutral, 1 negative)",
                             "Negative-scoring sentences stand alone: never two in a row"]
    assert "read" not in t
    t = charts.tone_arc_title(_tones(["negative", "negative", "neutral", "negative", "negative"],
                                     ids=[0, 1, 2, 4, 5], paragraphs=[0, 0, 1, 2, 2]))
    assert t.split("\n")[1] == "2 negative-scoring runs of 2 sentences in a row, the first in paragraph 0"
    t = charts.tone_arc_title(_tones(["negative", "negative", "negative"], ids=[0, 2, 3], paragraphs=[0, 1, 1]))
    assert t.split("\n")[1] == "The longest negative-scoring run: 2 sentences in a row, in paragraph 1"
    assert charts.tone_arc_title(_tones(["neutral"])).endswith("\nNo sentence scores negative")


def test_tone_arc_numbers_paragraphs_as_a_reader_does():
    # paragraph ids 3 and 4 are one printed paragraph (a dateline and its body): reader number 1
    sentences = pd.DataFrame({"sentence_id": [0, 1, 2], "paragraph_id": [2, 4, 5], "tone": ["neutral", "negative", "negative"],
                              "compound": [0.0, -0.5, -0.4], "in_quote": [False, True, False]})
    article = _article([None, None, 0, 1, 1, 2], ["navigation", "navigation", "headline", "dateline", "body", "body"])
    fig, data = charts.tone_arc(sentences, article)
    assert data["paragraph_no"].tolist() == [0, 1, 2]
    assert fig.get_suptitle().split("\n")[-1] == "The longest negative-scoring run: 2 sentences in a row, in paragraphs 1-2"
    assert fig.axes[0].get_xlabel() and fig.axes[0].get_ylabel() and "Source: T" in [t.get_text() for t in fig.texts]
    plt.close(fig)


def test_speaker_tone_title_compares_speakers_with_two_statements_and_names_near_ties():
    tone = pd.DataFrame({"speaker": ["Ana", "Ben", "Cy"], "n_statements": [2, 2, 1], "mean_compound": [0.3, 0.27, 0.9],
                         "n_positive": [2, 1, 1], "n_neutral": [0, 1, 0], "n_negative": [0, 0, 0]})
    fig, _ = charts.speaker_tone_chart(tone, "Source: T")
    assert charts.chart_title(fig) == ("Most positive word choice (speakers with two or more statements): "
                                       "Ana (+0.30, n=2) and Ben (+0.27, n=2), too close to call")
    plt.close(fig)
    clear = tone.assign(mean_compound=[0.3, -0.2, 0.9])
    assert charts.speaker_tone_title(clear) == ("Most positive word choice (speakers with two or more statements): "
                                                "Ana, mean +0.30 over 2 statements")
    assert "read" not in charts.speaker_tone_title(clear)


def test_speaker_tone_chart_draws_the_speakers_its_title_does_not_rank_pale():
    tone = pd.DataFrame({"speaker": ["Ana", "Ben", "Cy"], "n_statements": [2, 3, 1], "mean_compound": [0.3, -0.2, 0.9],
                         "n_positive": [2, 1, 1], "n_neutral": [0, 1, 0], "n_negative": [0, 1, 0]})
    fig, _ = charts.speaker_tone_chart(tone, "Source: T")
    alphas = [bar.get_facecolor()[3] for bar in fig.axes[0].patches]
    assert alphas == [1.0, 1.0, charts.UNRANKED_ALPHA]
    assert "pale bars: one statement, not ranked" in " ".join(fig.axes[0].get_xlabel().split())
    plt.close(fig)
    # when nobody has two statements the title ranks everyone: no pale bar, no note
    fig, _ = charts.speaker_tone_chart(tone.assign(n_statements=[1, 1, 1]), "Source: T")
    assert [bar.get_facecolor()[3] for bar in fig.axes[0].patches] == [1.0, 1.0, 1.0]
    assert "pale" not in fig.axes[0].get_xlabel()
    plt.close(fig)


def test_entity_tone_title_counts_mentions_and_names_near_ties():
    summary = pd.DataFrame({"canonical": ["NATO", "Russia", "Kabul"], "n_mentions": [9, 7, 2],
                            "n_negative": [4, 1, 0], "n_neutral": [5, 6, 2], "n_positive": [0, 0, 0]})
    assert charts.entity_tone_title(summary) == (
        "Tone toward people and organisations: the most mentions in negative contexts, NATO, 4 of 9")
    close = summary.assign(n_negative=[4, 3, 0])
    assert charts.entity_tone_title(close) == (
        "Tone toward people and organisations: the most mentions in negative contexts, too close to call: "
        "NATO (4 of 9) and Russia (3 of 7)")


def test_the_tone_toward_chart_draws_the_people_and_organisations_its_headline_speaks_of():
    summary = pd.DataFrame({"canonical": ["Varnia", "Ana Ruiz", "Harbour Board"], "label": ["GPE", "PERSON", "ORG"],
                            "n_mentions": [9, 4, 3], "n_negative": [8, 3, 0], "n_neutral": [1, 1, 3],
                            "n_positive": [0, 0, 0]})
    fig, data = charts.entity_sentiment_chart(summary, "Source: a test")
    plt.close(fig)
    assert data["canonical"].tolist() == ["Ana Ruiz", "Harbour Board"]
    assert "Ana Ruiz, 3 of 4" in charts.chart_title(fig) and "Varnia" not in charts.chart_title(fig)


def test_speaker_tone_title_says_most_positive_only_of_a_positive_mean():
    tone = pd.DataFrame({"speaker": ["Ana", "Ben"], "n_statements": [2, 3], "mean_compound": [-0.19, -0.6]})
    assert charts.speaker_tone_title(tone).startswith("Least negative word choice: Ana, mean -0.19")
    assert charts.speaker_tone_title(tone.assign(mean_compound=[0.02, -0.6])).startswith(
        "Highest word-choice tone (neutral): Ana")


def test_tone_arc_names_the_page_parts_it_does_not_score():
    paragraphs = pd.DataFrame({"paragraph_id": [0, 1, 2, 3], "role": ["body", "pull_quote", "caption", "body"]})
    tone = pd.DataFrame({"sentence_id": [0, 1, 5], "paragraph_id": [0, 0, 3]})
    assert charts._unscored_gaps(tone, SimpleNamespace(paragraphs=paragraphs)) == [(1, 5, "pull\nquote, caption")]
    assert charts._unscored_gaps(tone, "a source line") == [(1, 5, "not\nscored")]
    assert charts._unscored_gaps(tone.iloc[:2], "a source line") == []


def _flow():
    # two themes over paragraph ids 2, 3 and 6 (4 and 5 hold no themed sentence)
    flow = pd.DataFrame([[2, 0, 1], [0, 1, 1]], index=pd.Index([0, 1], name="theme_id"),
                        columns=pd.Index([2, 3, 6], name="paragraph_id"))
    themes = pd.DataFrame({"theme_id": [0, 1], "label": ["rain / flood", "school / teacher"]})
    return flow, themes


def test_theme_flow_counts_the_readers_paragraphs_with_empty_ones_hatched_and_named():
    from matplotlib.colors import BoundaryNorm

    flow, themes = _flow()
    # ids: 0 navigation, 1 headline (0), 2 dateline + 3 body (one printed paragraph, 1), 4 body (2),
    # 5 body (3), 6 body (4), 7 boilerplate
    article = _article([None, 0, 1, 1, 2, 3, 4, None],
                       ["navigation", "headline", "dateline", "body", "body", "body", "body", "boilerplate"])
    fig, data = charts.theme_paragraph_heatmap(flow, themes, article)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2", "3", "4"]
    assert list(data.columns) == ["theme_id", "label", "paragraph_no", "n_sentences", "themed_paragraph"]
    cell = data.set_index(["theme_id", "paragraph_no"])["n_sentences"]
    assert cell[(0, 1)] == 2 and cell[(1, 1)] == 1  # ids 2 and 3 add up in paragraph 1
    assert data["n_sentences"].sum() == flow.to_numpy().sum()
    gaps = data.loc[~data["themed_paragraph"], "paragraph_no"].unique().tolist()
    assert gaps == [0, 2, 3]
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Hatched: paragraphs 0, 2 and 3, without a sentence in any theme." in notes
    bar = fig.axes[1]
    assert "sentences" in bar.get_ylabel()
    assert isinstance(ax.images[0].norm, BoundaryNorm)
    assert [t.get_text() for t in bar.get_yticklabels()] == ["0", "1", "2"]
    assert charts.chart_title(fig) == ("Theme \u201crain / flood\u201d runs through 2 of 2 paragraphs "
                                       "with a themed sentence")
    plt.close(fig)


def test_theme_flow_saves_its_data_and_needs_reader_numbers(tmp_path):
    flow, themes = _flow()
    fig, data = charts.theme_paragraph_heatmap(flow.rename(columns={2: 1}), themes,
                                               _article([0, 1, 2, 3, 4, 5, 6]))
    charts.save_figure(fig, "flow", data=data, directory=tmp_path)
    plt.close(fig)
    assert pd.read_csv(tmp_path / "flow.csv").equals(data)
    with pytest.raises(ValueError, match="reader"):
        charts.theme_paragraph_heatmap(flow, themes, "Source: T")


def test_spread_separates_statements_of_one_speaker_in_one_paragraph():
    y = charts._spread(np.array([1.0, 1.0, 1.0, 0.0, 1.0]), [("a", 4), ("a", 4), ("a", 4), ("b", 4), ("a", 5)])
    assert np.allclose(y, [0.8, 1.0, 1.2, 0.0, 1.0])



"""save_figure writes deterministic PNG/SVG/CSV; chart titles are computed from the data."""

import hashlib

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.present import charts


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def share_frame():
    return pd.DataFrame({
        "speaker": ["Ana Lopez", "Ben Ode", "City Council"],
        "n_direct": [1, 3, 0], "n_partial": [0, 1, 0], "n_indirect": [1, 2, 1],
        "n_statements": [2, 6, 1], "n_quoted_words": [10, 30, 0],
        "share_quoted_words": [0.25, 0.75, 0.0],
    })


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


def test_png_is_200_dpi(tmp_path, share_frame):
    from PIL import Image

    fig, data = charts.quoted_word_share(share_frame, "Source: T")
    charts.save_figure(fig, "words", data=data, directory=tmp_path)
    plt.close(fig)
    dpi = Image.open(tmp_path / "words.png").info["dpi"]
    assert round(dpi[0]) == 200


def test_csv_holds_the_plotted_data(tmp_path, share_frame):
    fig, data = charts.statements_by_kind(share_frame, "Source: T")
    charts.save_figure(fig, "kinds", data=data, directory=tmp_path)
    plt.close(fig)
    back = pd.read_csv(tmp_path / "kinds.csv")
    assert list(back.columns) == ["speaker", "direct", "partial", "indirect", "n_statements"]
    assert back.set_index("speaker").loc["Ben Ode", "direct"] == 3


def test_titles_state_the_finding_from_the_data(share_frame):
    fig, _ = charts.statements_by_kind(share_frame, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Ben Ode makes 6 of 9 statements (67%)"
    plt.close(fig)
    flipped = share_frame.assign(n_statements=[7, 6, 1], n_direct=[6, 3, 0])
    fig, _ = charts.statements_by_kind(flipped, "Source: T")
    assert fig.axes[0].get_title(loc="left").startswith("Ana Lopez makes 7 of 14")
    plt.close(fig)
    fig, _ = charts.quoted_word_share(share_frame, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Ben Ode has 75% of the quoted words"
    plt.close(fig)


def test_titles_name_every_leader_on_a_tie(share_frame):
    tied = share_frame.assign(n_statements=[6, 6, 1])
    fig, _ = charts.statements_by_kind(tied, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Ana Lopez and Ben Ode make the most statements: 6 of 13 each (46%)"
    plt.close(fig)
    matrix = pd.DataFrame([[4, 1, 4], [2, 0, 0]], index=pd.Index(["Ana", "Ben"], name="speaker"),
                          columns=pd.Index([0, 1, 2], name="theme_id"))
    themes = pd.DataFrame({"theme_id": [0, 1, 2], "label": ["rain", "school", "road"]})
    fig, data = charts.speaker_theme_heatmap(matrix, themes, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Ana talks most about \u201crain\u201d and \u201croad\u201d (4 statements each)"
    assert len(data) == 6
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


def test_mentioned_vs_quoted_title_counts_the_silent():
    people = pd.DataFrame({"canonical": ["A", "B", "C"], "n_mentions": [5, 2, 1], "n_statements": [3, 0, 0],
                           "quoted": [True, False, False]})
    fig, data = charts.mentioned_vs_quoted(people, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "2 of 3 people named are never quoted"
    assert len(data) == 3
    plt.close(fig)
    fig, _ = charts.mentioned_vs_quoted(people.assign(n_statements=[3, 1, 0], quoted=[True, True, False]), "Source: T")
    assert fig.axes[0].get_title(loc="left") == "1 of 3 people named is never quoted"
    plt.close(fig)


REPORT_TEXT = """Town Approves New Bridge

The town council approved a new bridge on Monday. "The bridge will save lives," Mayor Ana Lopez said. Lopez said the old bridge was dangerous.

Ben Ode, a local engineer, said the cost was far too high. "We cannot afford it," Ode said.

Carla Diaz, who lives near the river, watched the vote."""


@pytest.fixture(scope="module")
def bridge_findings(nlp):
    from helpers import pipeline
    from helpers.ingest.article import article_from_text
    from helpers.ingest.parse import parse

    article = article_from_text(REPORT_TEXT, "bridge-test")
    return pipeline.measure(pipeline.analyze_doc(parse(article, nlp=nlp, cache=False), article))


def test_findings_text_is_computed_from_the_frames(bridge_findings):
    from helpers.present import report

    share_frame = bridge_findings.share
    share = report.findings_text(bridge_findings, "share")
    assert share[0].startswith(f"{len(share_frame)} sources make {int(share_frame['n_statements'].sum())}")
    leaders = share_frame.loc[share_frame["n_statements"] == share_frame["n_statements"].max(), "speaker"].tolist()
    if len(leaders) == 1:
        assert f"{leaders[0]} makes the most" in share[0]
    else:  # a tie names every leader
        assert " and ".join(leaders[-2:]) + " make the most" in share[0]
    silent = bridge_findings.people.loc[~bridge_findings.people["quoted"], "canonical"].tolist()
    assert ("Named but never quoted" in " ".join(share)) == bool(silent)
    tone = report.findings_text(bridge_findings, "tone")
    n = len(bridge_findings.sentence_tone)
    assert tone[0].startswith(f"Lexical tone (VADER) of the {n} prose sentences")
    assert set(report.findings_text(bridge_findings)) == set(
        sum((report.findings_text(bridge_findings, s) for s in report.SECTIONS), []))


def test_findings_name_every_theme_tied_for_largest(bridge_findings):
    import dataclasses

    from helpers.present import report

    model = bridge_findings.themes
    if model.k < 2:
        pytest.skip("the test article needs two themes")
    tied = model.themes.assign(n_sentences=7)
    findings = dataclasses.replace(bridge_findings, themes=dataclasses.replace(model, themes=tied))
    line = next(t for t in report.findings_text(findings, "topics") if "the largest" in t)
    assert "cover 7 sentences each" in line
    assert all(f"\u201c{label}\u201d" in line for label in tied["label"])


def test_report_tables_use_reader_headers(bridge_findings, tmp_path):
    from helpers.present import report

    html = report.write_report(bridge_findings, [], tmp_path / "r.html", figures_dir=tmp_path).read_text()
    assert "<th>Share of statements</th>" in html and "<th>Mean tone (\u22121 to +1)</th>" in html
    assert "n_statements" not in html and "share_quoted_words" not in html


def test_write_report_is_standalone_and_deterministic(bridge_findings, tmp_path):
    from helpers.present import report

    fig, data = charts.statements_by_kind(bridge_findings.share, bridge_findings.analysis.article)
    charts.save_figure(fig, "bridge-statements", data=data, directory=tmp_path)
    plt.close(fig)
    figures = [("bridge-statements", "Statements by kind")]
    first = report.write_report(bridge_findings, figures, tmp_path / "a.html", figures_dir=tmp_path)
    second = report.write_report(bridge_findings, figures, tmp_path / "b.html", figures_dir=tmp_path)
    html = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert html.count("data:image/png;base64,") == 1
    assert str(tmp_path) not in html
    assert "Town Approves New Bridge" in html
    for line in report.findings_text(bridge_findings):
        assert line.replace("'", "&#x27;") in html


def test_charts_of_an_article_without_quotes_still_draw(tmp_path):
    from helpers.measure import share

    empty = pd.DataFrame(columns=["quote_id", "article_id", "kind", "text", "start_char", "end_char",
                                  "paragraph_id", "speaker", "speaker_id"])
    fig, data = charts.statements_by_kind(share.speaker_share(empty), "Source: T")
    assert fig.axes[0].get_title(loc="left") == "No statements"
    charts.save_figure(fig, "empty", data=data, directory=tmp_path)
    plt.close(fig)
    fig, _ = charts.speaker_positions(share.speaker_positions(empty), 3, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Nobody is quoted"
    plt.close(fig)


def _tones(labels, ids=None, paragraphs=None):
    ids = ids if ids is not None else list(range(len(labels)))
    paragraphs = paragraphs if paragraphs is not None else ids
    return pd.DataFrame({"sentence_id": ids, "paragraph_id": paragraphs, "tone": labels})


def test_tone_arc_title_states_the_prevailing_tone_and_where_negative_sentences_run():
    t = charts.tone_arc_title(_tones(["neutral", "neutral", "negative", "negative", "neutral", "negative"],
                                     paragraphs=[0, 1, 2, 3, 3, 4]))
    lines = t.split("\n")
    assert lines[0] == "Lexical tone: no tone has a majority (0 positive, 3 neutral, 3 negative of 6 sentences)"
    assert lines[1] == "The longest negative run: 2 sentences in a row, in paragraphs 2-3"
    t = charts.tone_arc_title(_tones(["positive", "positive", "negative", "positive"]))
    assert t.split("\n") == ["Lexical tone: most sentences read positive (3 positive, 0 neutral, 1 negative of 4 sentences)",
                             "Negative sentences stand alone: never two in a row"]
    # a gap in the sentence ids (a pull quote left out) ends a run; ties name how many and where the first is
    t = charts.tone_arc_title(_tones(["negative", "negative", "neutral", "negative", "negative"],
                                     ids=[0, 1, 2, 4, 5], paragraphs=[0, 0, 1, 2, 2]))
    assert t.split("\n")[1] == "2 negative runs of 2 sentences in a row, the first in paragraph 0"
    t = charts.tone_arc_title(_tones(["negative", "negative", "negative"], ids=[0, 2, 3], paragraphs=[0, 1, 1]))
    assert t.split("\n")[1] == "The longest negative run: 2 sentences in a row, in paragraph 1"
    assert charts.tone_arc_title(_tones(["neutral"])).endswith("\nNo sentence reads negative")


def test_tone_arc_chart_title_is_computed_from_its_data():
    sentences = _tones(["negative", "negative", "neutral"]).assign(compound=[-0.5, -0.4, 0.0],
                                                                   in_quote=[False, True, False])
    fig, data = charts.tone_arc(sentences, "Source: T")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == charts.tone_arc_title(data)
    assert ax.get_title(loc="left").startswith("Lexical tone: most sentences read negative")
    assert ax.get_xlabel() and ax.get_ylabel() and "Source: T" in [t.get_text() for t in fig.texts]
    plt.close(fig)


def test_speaker_tone_title_names_every_leader_on_a_tie():
    tone = pd.DataFrame({"speaker": ["Ana", "Ben", "Cy"], "n_statements": [2, 1, 1], "mean_compound": [0.3, 0.3, -0.2],
                         "n_positive": [2, 1, 0], "n_neutral": [0, 0, 0], "n_negative": [0, 0, 1]})
    fig, _ = charts.speaker_tone_chart(tone, "Source: T")
    assert fig.axes[0].get_title(loc="left") == "Ana (n=2) and Ben (n=1) read most positive (mean +0.30 each)"
    plt.close(fig)


def test_tone_arc_names_the_page_parts_it_does_not_score():
    from types import SimpleNamespace

    paragraphs = pd.DataFrame({"paragraph_id": [0, 1, 2, 3], "role": ["body", "pull_quote", "caption", "body"]})
    tone = pd.DataFrame({"sentence_id": [0, 1, 5], "paragraph_id": [0, 0, 3]})
    assert charts._unscored_gaps(tone, SimpleNamespace(paragraphs=paragraphs)) == [(1, 5, "pull\nquote, caption")]
    assert charts._unscored_gaps(tone, "a source line") == [(1, 5, "not\nscored")]
    assert charts._unscored_gaps(tone.iloc[:2], "a source line") == []


def _flow():
    # two themes over paragraphs 1, 2 and 5 (3 and 4 hold no themed sentence)
    flow = pd.DataFrame([[2, 0, 1], [0, 1, 1]], index=pd.Index([0, 1], name="theme_id"),
                        columns=pd.Index([1, 2, 5], name="paragraph_id"))
    themes = pd.DataFrame({"theme_id": [0, 1], "label": ["rain / flood", "school / teacher"]})
    return flow, themes


def test_theme_flow_shows_every_paragraph_with_empty_columns_hatched_and_named():
    from types import SimpleNamespace

    from matplotlib.colors import BoundaryNorm

    flow, themes = _flow()
    paragraphs = pd.DataFrame({"paragraph_id": [0, 1, 2, 3, 4, 5, 6],
                               "role": ["navigation", "headline", "body", "caption", "body", "body", "boilerplate"]})
    article = SimpleNamespace(paragraphs=paragraphs, title="T", outlet=None, date=None)
    fig, data = charts.theme_paragraph_heatmap(flow, themes, article)
    ax = fig.axes[0]
    # every paragraph of the article text, evenly spaced, navigation and boilerplate left out
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]
    assert list(data.columns) == ["theme_id", "label", "paragraph_id", "n_sentences", "themed_paragraph"]
    assert len(data) == 2 * 5 and data["n_sentences"].sum() == flow.to_numpy().sum()
    gaps = data.loc[~data["themed_paragraph"], "paragraph_id"].unique().tolist()
    assert gaps == [3, 4] and data.loc[data["paragraph_id"].isin(gaps), "n_sentences"].eq(0).all()
    assert data.set_index(["theme_id", "paragraph_id"]).loc[(0, 1), "n_sentences"] == 2
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Hatched columns" in notes and "3: caption" in notes and "4: no sentence with a theme" in notes
    # the colour bar counts sentences, one colour per whole count
    bar = fig.axes[1]
    assert "sentences" in bar.get_ylabel()
    assert isinstance(ax.images[0].norm, BoundaryNorm)
    assert [t.get_text() for t in bar.get_yticklabels()] == ["0", "1", "2"]
    assert ax.get_title(loc="left") == "Theme \u201crain / flood\u201d runs through 2 of 3 themed paragraphs"
    plt.close(fig)


def test_theme_flow_without_an_article_spans_the_flow_columns_and_saves_its_data(tmp_path):
    flow, themes = _flow()
    fig, data = charts.theme_paragraph_heatmap(flow, themes, "Source: T")
    assert sorted(data["paragraph_id"].unique()) == [1, 2, 3, 4, 5]
    assert "4: no sentence with a theme" in " ".join(t.get_text() for t in fig.texts)
    charts.save_figure(fig, "flow", data=data, directory=tmp_path)
    plt.close(fig)
    back = pd.read_csv(tmp_path / "flow.csv")
    assert back.equals(data)
    fig, data = charts.theme_paragraph_heatmap(flow, themes, "Source: T", paragraphs=range(0, 7))
    assert sorted(data["paragraph_id"].unique()) == list(range(7))
    plt.close(fig)
    full = flow.reindex(columns=[1, 2], fill_value=0)
    fig, data = charts.theme_paragraph_heatmap(full, themes, "Source: T")
    assert data["themed_paragraph"].all() and not [t for t in fig.texts if "Hatched" in t.get_text()]
    plt.close(fig)


def test_headlines_are_the_key_findings_in_report_order(bridge_findings):
    from helpers.present import report

    every = report.findings_text(bridge_findings)
    heads = report.headlines(bridge_findings)
    assert heads == [line for line in every if line in heads]  # a subset, in the report's order
    assert heads[0] == report.findings_text(bridge_findings, "share")[0]
    assert any(h.startswith("Lexical tone (VADER)") for h in heads)
    silent = bridge_findings.people.loc[~bridge_findings.people["quoted"], "canonical"].tolist()
    assert any(h.startswith("Named but never quoted") for h in heads) == bool(silent)
    assert not any(h.startswith("Top keyphrases") for h in heads)


def test_spread_separates_statements_of_one_speaker_in_one_paragraph():
    import numpy as np

    from helpers.present.charts import _spread

    y = _spread(np.array([1.0, 1.0, 1.0, 0.0, 1.0]), [("a", 4), ("a", 4), ("a", 4), ("b", 4), ("a", 5)])
    assert np.allclose(y, [0.8, 1.0, 1.2, 0.0, 1.0])

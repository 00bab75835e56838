"""The corpus report a reader gets: findings, charts, interactive tables with readers' headers, and
whether the frames were made by the installed analysis. Run on the bundled corpus's shipped frames."""

import dataclasses
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import config
from helpers.corpus import measures, report
from helpers.present import charts
from helpers.corpus.run import MANIFEST

SHIPPED = config.PROJECT_ROOT / "data" / "processed" / "corpus" / "wikinews-2019-2020"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    assert (SHIPPED / MANIFEST).is_file(), "the bundled corpus's frames are shipped with the project"
    tmp = tmp_path_factory.mktemp("corpus-report")
    m = report.measure_corpus(SHIPPED, "wikinews-2019-2020")
    report.save_charts(m, tmp / "figures")
    plt.close("all")
    path = report.write_report(m, tmp / "report.html", figures=tmp / "figures", credit="Text: a test credit.")
    return m, path.read_text(encoding="utf-8")


def test_the_report_says_which_analysis_made_its_frames(written):
    m, page = written
    assert m.made_by and "corpus frames in wikinews-2019-2020/" in m.made_by
    assert m.made_by in page.replace("&#x27;", "'")


def test_the_report_tables_are_interactive_offline_with_readers_headers(written):
    _, page = written
    assert "nl-corpus-sources" in page
    assert "<script src=" not in page and "<link rel=\"stylesheet\" href=\"http" not in page  # all inlined
    assert "Share of statements" in page and "share_statements" not in page and "n_statements" not in page


def test_the_source_line_names_the_corpus_once(written):
    m, _ = written
    assert m.source.startswith("Source: newslens analysis of the corpus \u201cwikinews-2019-2020\u201d, ")
    assert "corpus corpus" not in m.source


# --- what a newcomer found (issue 12/13 follow-up): wrapping, undated statements, ranking, links, fonts ------

LONG = "United States Department of Defense and the Joint Chiefs of Staff of the Armed Forces of Velmora"


def _with_long_names(m):
    """``m`` with a long name at the top of every named list, and a long tone headline."""
    top, tone, people, st = m.top.copy(), m.tone.copy(), m.people.copy(), m.speaker_themes.copy()
    top.loc[0, "speaker"] = LONG
    tone.loc[0, "canonical"], tone.loc[0, "share_negative"] = LONG, 1.0
    people.loc[0, "canonical"] = LONG
    st.loc[0, "speaker"] = LONG
    return dataclasses.replace(m, top=top, tone=tone, people=people, speaker_themes=st)


def test_every_corpus_chart_keeps_its_text_inside_the_figure(written):
    m = _with_long_names(written[0])
    for name, make in report.CHARTS.items():
        fig, _ = make(m)
        fig.canvas.draw()
        drawn = fig.get_tightbbox(fig.canvas.get_renderer())  # everything drawn, in inches
        width = fig.get_size_inches()[0]
        plt.close(fig)
        assert drawn.x0 >= -0.01 and drawn.x1 <= width + 0.01, (name, drawn.x0, drawn.x1, width)


def test_long_tick_labels_wrap_and_end_in_an_ellipsis_only_past_the_line_limit():
    short, long_ = charts.tick_labels(["Ana Lindqvist", LONG])
    assert short == "Ana Lindqvist"
    lines = long_.split("\n")
    assert len(lines) == charts.LABEL_LINES and lines[-1].endswith("\u2026")
    assert all(len(line) <= charts.LABEL_WIDTH for line in lines)
    assert charts.tick_labels([LONG], lines=0)[0].replace("\n", " ") == LONG


def _undated_corpus():
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "status": ["ok", "ok", "ok"], "n_words": [50] * 3,
                             "published": pd.to_datetime(["2021-01-05", "2021-03-02", None])})
    quotes = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a3", "a3"], "quote_id": [0, 0, 0, 1, 2],
        "speaker": ["Tomas Brandt", "Velmora Water Board", "Velmora Water Board", "Velmora Water Board", "Ana Lindqvist"],
        "co_speakers": [[], [], [], [], []], "kind": ["direct"] * 5,
        "speaker_kind": ["person", "organisation", "organisation", "organisation", "person"],
        "n_words": [5] * 5, "start_char": [0, 0, 0, 10, 20], "counted": [True] * 5, "text": ["water rates rise"] * 5})
    return articles, quotes


def test_the_over_time_chart_says_which_statements_it_leaves_out(written):
    articles, quotes = _undated_corpus()
    d = measures.dated_statements(articles, quotes)
    assert d == {"n_statements": 5, "n_dated": 2, "n_undated": 3, "n_undated_articles": 1}
    m = dataclasses.replace(written[0], articles=articles, kinds=measures.share_by_kind(quotes),
                            over_time=measures.share_over_time(articles, quotes), dated=d)
    fig, data = report.share_over_time_chart(m)
    title = charts.chart_title(fig)
    plt.close(fig)
    assert data["n_statements"].sum() == 2
    clause = "of the 2 statements per speaker in dated articles; 3 statements in 1 undated article are left out"
    assert clause in title and clause in report.caption(m, "share-over-time")
    assert any("The months count the 2 statements per speaker in dated articles; 3 statements in 1 undated article "
               "are left out."
               in s for s in report.findings(m))
    # nothing is left out: nothing is said
    assert report.caption(written[0], "share-over-time") == dict(report.CORPUS_FIGURES)["share-over-time"]


def test_the_people_chart_ranks_by_what_it_shows_and_its_data_has_both_counts(written):
    m = written[0]
    fig, data = report.quoted_vs_mentioned_chart(m)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert {"n_articles", "n_mentions", "n_articles_quoted"} <= set(data.columns)
    assert data["n_articles"].is_monotonic_decreasing
    assert all(f"{n:,} mention" in label.replace("\n", " ") for n, label in zip(data["n_mentions"], labels))
    entities = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"], "canonical": ["Ana Lindqvist"] * 1 + ["Tomas Brandt"] * 3,
                             "label": ["PERSON"] * 4, "n_mentions": [40, 1, 1, 1], "n_statements": [0] * 4,
                             "quoted": [False] * 4})
    # one article naming Ana forty times does not put her before Tomas, named in three articles
    assert measures.quoted_vs_mentioned(entities)["canonical"].tolist() == ["Tomas Brandt", "Ana Lindqvist"]


def test_every_data_link_of_the_report_resolves(written, tmp_path):
    m, _ = written
    figures = tmp_path / "reports" / "figures" / "corpus" / "x"
    report.save_charts(m, figures)
    plt.close("all")
    path = report.write_report(m, tmp_path / "reports" / "corpus-x.html", figures=figures)
    hrefs = re.findall(r'href="([^"#]+)"', path.read_text(encoding="utf-8"))
    csvs = [h for h in hrefs if h.endswith(".csv")]
    assert {Path(h).name for h in csvs} == {f"{n}.csv" for n, _ in report.CORPUS_FIGURES} | {report.STATEMENTS_CSV}
    for href in csvs:
        assert not href.startswith("/") and (path.parent / href).is_file(), href
    folders = [h for h in hrefs if not h.endswith(".csv")]
    assert folders and all((path.parent / h).is_dir() for h in folders)  # the frames the numbers come from


def test_the_statements_file_holds_every_counted_statement_with_its_words_and_offsets(written, tmp_path):
    m, _ = written
    report.save_charts(m, tmp_path)
    plt.close("all")
    rows = pd.read_csv(tmp_path / report.STATEMENTS_CSV)
    assert len(rows) == len(m.statements)
    assert rows.groupby("speaker").size().loc[m.top["speaker"]].tolist() == m.top["n_statements"].tolist()
    quotes = report.read_frame(SHIPPED, "quotes").set_index(["article_id", "quote_id"])
    for r in rows.head(50).itertuples():
        q = quotes.loc[(r.article_id, r.quote_id)]
        assert (q["start_char"], q["end_char"], q["text"]) == (r.start_char, r.end_char, r.text)


def test_a_name_no_chart_font_can_draw_is_pointed_to_the_data_files(written, tmp_path):
    odd = "Ana \ue000\ue001"  # private-use characters: no font draws them
    assert charts.undrawable(["Ana Lindqvist", odd, odd]) == [odd]
    m = written[0]
    top = m.top.copy()
    top.loc[0, "speaker"] = odd
    m = dataclasses.replace(m, top=top)
    report.save_charts(m, tmp_path)
    plt.close("all")
    page = report.write_report(m, tmp_path / "r.html", figures=tmp_path).read_text(encoding="utf-8")
    assert "empty boxes" in page and "has every name in full" in page
    assert "DejaVu Sans" == charts.font_families()[0]


# --- a reader can check the numbers (newcomer review, round 5) ------------------------------------------------


def test_the_report_lists_every_analysed_article_with_what_it_counts(written):
    m, page = written
    table = report.article_table(m)
    ok = m.articles[m.articles["status"] == "ok"]
    assert table["article_id"].tolist() == ok["article_id"].tolist()
    assert table["n_statements"].sum() == m.n_statements
    assert "nl-corpus-articles" in page and ok["article_id"].iloc[-1] in page and "Title" in page


def test_the_articles_behind_each_top_source_add_up_to_its_counts(written):
    m, page = written
    where = report.source_articles(m)
    assert where["speaker"].drop_duplicates().tolist() == m.top["speaker"].tolist()
    per = where.groupby("speaker", sort=False).agg(n=("n_statements", "sum"), a=("article_id", "nunique"))
    assert per["n"].tolist() == m.top["n_statements"].tolist()
    assert per["a"].tolist() == m.top["n_articles"].tolist()
    assert where["title"].notna().all() and "nl-corpus-source-articles" in page


def test_the_findings_say_which_total_the_shares_are_of(written):
    m, _ = written
    pairs = int(m.kinds["n_statements"].sum())
    text = " ".join(report.findings(m))
    if m.n_joint:
        assert pairs > m.n_statements and f"of {pairs:,} statements per speaker" in text
    assert f"{m.n_statements:,} counted statements" in text


def test_a_long_list_of_names_says_how_many_more():
    assert report._names(["A", "B", "C", "D", "E", "F"], most=4) == "A, B, C, D and 2 more"
    assert report._names(["A", "B"], most=4) == "A and B"
    assert report._names(["A", "B", "C", "D", "E"], most=4) == "A, B, C, D and E"


def test_tone_toward_entities_ranks_by_articles_so_one_long_article_does_not_fill_the_chart():
    # One interview names a product ninety times; two people are named in three articles each.
    rows = [("a1", "Widget OS", "ORG", 90)] + [(f"a{i}", name, "PERSON", 2)
                                             for i in (2, 3, 4) for name in ("Ana Lindqvist", "Tomas Brandt")]
    entities = pd.DataFrame(rows, columns=["article_id", "canonical", "label", "n_mentions"]).assign(
        n_positive=0, n_neutral=lambda d: d["n_mentions"], n_negative=0, mean_polarity_score=0.0)
    tone = measures.tone_toward_entities(entities, top=2)
    assert tone["canonical"].tolist() == ["Ana Lindqvist", "Tomas Brandt"]
    assert tone["n_articles"].tolist() == [3, 3]
    assert measures.tone_toward_entities(entities, top=3)["canonical"].iloc[-1] == "Widget OS"


def test_an_acronym_counts_under_the_one_name_of_the_corpus_it_spells():
    links = measures.acronym_links(["US", "U.S.", "United States", "WHO", "World Health Organization", "UN",
                                    "United Nations", "Union of Nurses", "US Senate", "Iran", "NASA"])
    assert links["US"] == links["U.S."] == "United States"
    assert links["WHO"] == "World Health Organization"
    assert links["UN"] == "UN"  # two names spell it: no guess
    assert links["US Senate"] == "US Senate" and links["Iran"] == "Iran"
    assert links["NASA"] == "NASA"  # no long form in the corpus
    # entities: per label ("US" the place joins "United States" the place, not an organisation)
    rows = [("a1", "United States", "GPE", 4), ("a2", "US", "GPE", 2), ("a3", "US", "GPE", 1),
            ("a3", "Ukrainian Startups", "ORG", 1), ("a4", "Iran", "GPE", 3)]
    entities = pd.DataFrame(rows, columns=["article_id", "canonical", "label", "n_mentions"]).assign(
        n_positive=0, n_neutral=lambda d: d["n_mentions"], n_negative=0, mean_polarity_score=0.0)
    tone = measures.tone_toward_entities(entities, top=5)
    row = tone.set_index("canonical").loc["United States"]
    assert (row["n_articles"], row["n_mentions"]) == (3, 7) and "US" not in set(tone["canonical"])
    assert "Ukrainian Startups" in set(tone["canonical"])
    # speakers: "WHO" in one article and "World Health Organization" in another are one source
    quotes = pd.DataFrame({
        "article_id": ["a1", "a2", "a2"], "quote_id": [0, 0, 1], "speaker": ["World Health Organization", "WHO", "WHO"],
        "co_speakers": [None, None, None], "kind": ["indirect"] * 3, "speaker_kind": ["organisation"] * 3,
        "n_words": [5, 6, 7], "start_char": [0, 0, 50], "counted": [True] * 3})
    top = measures.top_sources(quotes)
    assert top["speaker"].tolist() == ["World Health Organization"] and top["n_articles"].tolist() == [2]


def test_theme_terms_leave_out_contraction_stems_fillers_and_interview_labels():
    found = re.findall(measures.THEME_TOKEN, "I don't know why it isn't there, Trump's party won.")
    assert "don" not in found and "isn" not in found and {"know", "Trump", "party", "won"} <= set(found)
    assert {"just", "really", "like", "think", "know"} <= measures.THEME_STOP_WORDS
    assert measures.SPEAKER_LABEL.sub(" ", "((WSS)) How did it start? ((Jo)) Slowly.").split() == \
        ["How", "did", "it", "start?", "Slowly."]


def test_entity_tone_labels_keep_label_and_article_count_on_one_line(written):
    m, _ = written
    fig, data = report.entity_tone_chart(m)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert len(ticks) == len(data) > 0
    for tick, label, n in zip(ticks, data["label"], data["n_articles"]):
        assert tick.splitlines()[-1] == f"({label}, {n} art.)"

"""The corpus report a reader gets: findings, charts, interactive tables with readers' headers, and
whether the frames were made by the installed analysis. Run on the bundled corpus's shipped frames."""

import matplotlib.pyplot as plt
import pytest

from helpers import config
from helpers.corpus import report
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

"""The HTML report in a real browser: headless Chromium (the system's, Debian package ``chromium``)
driven by Playwright. The tables sort and filter, every link inside the report resolves to an element,
nothing is fetched from a network, and the console shows no error.

Skipped, saying why, where Chromium or Playwright is missing (``.ci/run`` installs Chromium).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from helpers import pipeline
from helpers.ingest.article import article_from_text
from helpers.ingest.parse import parse
from helpers.present import charts, report

# Flags headless Chromium needs here: no sandbox (root), no GPU, and no background connections
# (the machine's closed network refuses them, which would show as errors).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-quic", "--no-first-run", "--disable-default-apps"]

TEXT = """Harbour Plan Splits The Town

The harbour board approved a new quay on Friday. "The quay will bring jobs," board chair Rosa Vidal said. Vidal said the old quay was unsafe.

Fishermen disagree. "Nobody asked us," said Tom Reyes, who has fished here for thirty years. Reyes said the fees were far too high.

"We will not pay twice," Reyes added. Council member Ida Berg said the council would review the plan in June.

Local shop owner Sam Cole watched the vote."""


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it): "
                    "the report is not tested in a browser")
    return path


@pytest.fixture(scope="module")
def page_url(nlp, tmp_path_factory):
    _chromium()
    pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")
    article = article_from_text(TEXT, "harbour-test", meta={"outlet": "Harbour News", "date": "2021-03-05"})
    findings = pipeline.measure(pipeline.analyze_doc(parse(article, nlp=nlp, cache=False), article))
    folder = tmp_path_factory.mktemp("reports")
    figures = folder / "figures" / "harbour-test"
    fig, data = charts.statements_by_kind(findings.share, article)
    charts.save_figure(fig, "speaker-statements", data=data, directory=figures)
    plt.close(fig)
    path = report.write_report(findings, [("speaker-statements", "Statements by kind")], folder / "harbour-test.html",
                               figures_dir=figures)
    return path.resolve().as_uri(), findings


@pytest.fixture(scope="module")
def browser_page(page_url, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    url, findings = page_url
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=_chromium(), headless=True, args=CHROMIUM_FLAGS)
        page = context.new_page()
        errors, fetched = [], []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: fetched.append(req.url)
                if not req.url.startswith(("file:", "data:", "blob:", "about:")) else None)
        page.goto(url)
        page.wait_for_selector("#nl-statements.dataTable tbody tr", timeout=20_000)
        yield page, findings, errors, fetched
        context.close()


def _rows(page, table: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#{table} tbody tr",
                                     "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))")


def _column(page, table: str, header: str) -> int:
    headers = page.eval_on_selector_all(f"#{table} thead th", "ths => ths.map(th => th.innerText.trim())")
    return headers.index(header)


def test_every_statement_is_a_row_and_the_tables_are_interactive(browser_page):
    page, findings, _, _ = browser_page
    quotes = findings.analysis.quotes
    rows = _rows(page, "nl-statements")
    assert sorted(r[0] for r in rows) == sorted(quotes["quote_id"])  # every statement, one page
    assert page.locator("table.dataTable").count() >= 4  # statements, speakers, tone toward, themes ...


def test_the_statements_table_filters_with_its_search_box(browser_page):
    page, findings, _, _ = browser_page
    speaker = findings.share["speaker"].iloc[0]
    expected = int((findings.analysis.quotes["speaker"] == speaker).sum())
    box = page.locator("div.dt-container", has=page.locator("#nl-statements")).locator("input[type=search]")
    box.fill(speaker)
    page.wait_for_function(f"document.querySelectorAll('#nl-statements tbody tr').length === {expected}")
    assert all(speaker in " ".join(r) for r in _rows(page, "nl-statements"))
    box.fill("")
    page.wait_for_function(f"document.querySelectorAll('#nl-statements tbody tr').length === "
                           f"{len(findings.analysis.quotes)}")


def test_the_statements_table_sorts_by_a_column(browser_page):
    page, findings, _, _ = browser_page
    col = _column(page, "nl-statements", "Words")
    header = page.locator("#nl-statements thead th").nth(col)

    def words_after(descending: bool) -> list[int]:
        # DataTables redraws after the click's event: read the rows once they are in the new order (or the
        # last reading after a few seconds, which the assertion below then rejects)
        header.click()
        for _ in range(50):
            words = [int(r[col]) for r in _rows(page, "nl-statements")]
            if words == sorted(words, reverse=descending):
                break
            page.wait_for_timeout(100)
        return words

    first, second = words_after(descending=False), words_after(descending=True)
    assert first == sorted(first) and second == sorted(second, reverse=True) and first != second


def test_every_link_inside_the_report_resolves_to_a_visible_element(browser_page):
    page, findings, _, _ = browser_page
    broken = page.evaluate("""() => Array.from(document.querySelectorAll('a[href^="#"]'))
        .map(a => a.getAttribute('href').slice(1))
        .filter(id => { const el = document.getElementById(id); return !el || !el.getClientRects().length; })""")
    assert broken == []
    qid = findings.analysis.quotes["quote_id"].iloc[-1]
    page.locator(f'#nl-statements a[href="#q-{qid}"]').click()
    assert page.evaluate("location.hash") == f"#q-{qid}"
    assert page.locator(f"#q-{qid}").is_visible()
    page.locator(f'#q-{qid} a[href="#row-{qid}"]').first.click()  # and back to its row
    assert page.evaluate("location.hash") == f"#row-{qid}"


def test_nothing_is_fetched_and_the_console_has_no_error(browser_page):
    page, _, errors, fetched = browser_page
    page.wait_for_timeout(300)
    assert fetched == []
    assert errors == []


def test_a_report_with_a_figure_links_its_csv_beside_it(browser_page):
    page, _, _, _ = browser_page
    href = page.get_attribute("figcaption a", "href")
    assert href == "figures/harbour-test/speaker-statements.csv"
    assert (Path(page.url.removeprefix("file://")).parent / href).is_file()

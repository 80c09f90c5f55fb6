"""Each calculator is live on a page: type, see the result change, type nonsense, see the message.

The page holds the calculator's static snapshot exactly as the book's pages do, plus the
scripts and stylesheet of ``_static/live/``; requests to other hosts are blocked. Also checked:
every input has a label, results sit in an aria-live region, the inputs keep what was typed,
nothing is wider than a 390 px phone screen, the keyboard reaches every input, and no script
error reaches the console.
"""

from __future__ import annotations

import pytest

from cpvkit import widgets
from tests.live_support import LIVE, script_page

pytestmark = pytest.mark.browser

#: calculator -> (input typed into, a new valid entry, nonsense, a word of the message)
TYPING = {
    widgets.PerceivedValueCalculator: ("firm_product", "60", "lots", "Firm: product"),
    widgets.SatisfactionCalculator: ("confidence", "80%", "sure", "Confidence level"),
    widgets.KanoCalculator: ("threshold", "0.4", "half", "Quadrant threshold"),
    widgets.IPACalculator: (None, None, None, None),
    widgets.RetentionCalculator: ("retention", "90%", "100%", "Retention"),
    widgets.CLVCalculator: ("retention", "0.85", "-0.2", "retention"),
    widgets.RFMExplorer: ("top", "10%", "a fifth", "Top share"),
    widgets.ComplaintCalculator: ("complain_rate", "60%", "120%", "Share who complain"),
}


@pytest.fixture(scope="module")
def browser(chromium):
    """The session's Chromium (tests/conftest.py)."""
    return chromium


def _page(browser, calc):
    css = (LIVE / "cpvkit-live.css").read_text(encoding="utf-8")
    page, errors = script_page(browser, f"<style>{css}</style><main>{calc.snapshot_html()}</main>")
    return page, errors


def _live_calculators():
    from tests.test_live_parity import SUITES

    return [cls for cls in TYPING if cls in SUITES]


@pytest.mark.parametrize("cls", _live_calculators(), ids=lambda c: c.__name__)
def test_calculator_is_live(browser, cls):
    calc = cls()
    name, good, bad, word = TYPING[cls]
    page, errors = _page(browser, calc)
    page.set_viewport_size({"width": 390, "height": 800})
    page.wait_for_selector(".cpvkit-live[data-state]")
    assert page.locator(".cpvkit-calculator").evaluate("el => el.hidden"), "snapshot not replaced"
    status = page.locator(".cpvkit-live-status")
    assert status.get_attribute("aria-live") == "polite"
    # every control has a label, and the keyboard reaches it
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('.cpvkit-live-control')]
            .filter((el) => !(el.labels && el.labels.length && el.labels[0].textContent.trim()))
            .map((el) => el.name)"""
    )
    assert unlabeled == []
    count = page.locator(".cpvkit-live-control").count()
    page.locator(".cpvkit-live-control").first.focus()
    reached = set()
    for _ in range(count + 2):
        reached.add(page.evaluate("document.activeElement && document.activeElement.name"))
        page.keyboard.press("Tab")
    names = set(
        page.evaluate("[...document.querySelectorAll('.cpvkit-live-control')].map(e => e.name)")
    )
    assert names <= reached
    shown = """() => ['status', 'result', 'chart']
        .map((k) => document.querySelector('.cpvkit-live-' + k).innerHTML).join('')"""
    before = page.evaluate(shown)
    if name is None:  # IPA: switch to the typed ratings and edit a rating
        page.select_option("select[name=source]", label="Typed below")
        box = page.locator("textarea[name=ratings]")
        box.fill(box.input_value().replace("6.1", "3.1"))
        assert page.evaluate(shown) != before
        box.fill("Coffee taste, high, 5.9")
        message = status.inner_text()
        assert "importance must be a number" in message and "'high'" in message
        assert box.input_value() == "Coffee taste, high, 5.9"
        box.fill("Coffee taste, 6.3, 5.9\nWi-Fi, 3.9, 3.1")
    else:
        field = page.locator(f"[name={name}]")
        field.fill(good)
        assert page.locator(".cpvkit-live").get_attribute("data-state") == "ok"
        assert page.evaluate(shown) != before, "the result did not change"
        field.fill(bad)
        assert page.locator(".cpvkit-live").get_attribute("data-state") == "error"
        assert word.lower() in status.inner_text().lower()
        assert field.input_value() == bad, "the input lost what was typed"
        field.fill(good)
        assert page.locator(".cpvkit-live").get_attribute("data-state") == "ok"
    # the chart is an SVG drawn by the script, and nothing is wider than the phone
    assert page.locator(".cpvkit-live-chart svg").count() >= 1
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.cpvkit-live *')]
            .filter((el) => !el.closest('.cpvkit-live-scroll') && !el.closest('svg'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => el.tagName + '.' + el.className)"""
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    assert errors == []
    page.close()


def test_no_script_keeps_the_snapshot(browser):
    """Where scripts do not run the static snapshot stays as it is."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_content(f"<main>{widgets.ComplaintCalculator().snapshot_html()}</main>")
    assert page.locator(".cpvkit-calculator img").count() == 1
    assert page.locator(".cpvkit-calculator").is_visible()
    context.close()


def test_rfm_explorer_reads_a_chosen_csv_in_the_browser(browser, tmp_path):
    """A CSV the reader chooses is read in the page (FileReader) and never sent anywhere."""
    calc = widgets.RFMExplorer()
    page, errors = _page(browser, calc)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_selector(".cpvkit-live[data-state=ok]")
    log = tmp_path / "my_shop.csv"
    log.write_text(
        "customer_id,date,amount\n"
        "1,2024-01-02,20.00\n1,2024-02-01,30.00\n2,2024-01-15,15.00\n"
        "3,2024-01-03,40.00\n3,2024-01-20,25.00\n3,2024-02-10,60.00\n",
        encoding="utf-8",
    )
    page.select_option("select[name=source]", label="Uploaded CSV")
    status = page.locator(".cpvkit-live-status")
    assert "no file uploaded yet" in status.inner_text()
    page.fill("[name=analysis_date]", "2024-03-01")
    page.set_input_files("input[type=file]", str(log))
    page.wait_for_function("document.querySelector('.cpvkit-live').dataset.state === 'ok'")
    assert status.inner_text().startswith("3 customers; total spend 190.00.")
    page.fill("[name=analysis_date]", "2023-12-31")
    assert "on or after the last transaction (2024-02-10)" in status.inner_text()
    assert requests == [] and errors == []
    page.close()

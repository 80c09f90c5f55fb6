"""The built site in a real browser: every page at desktop and phone width.

Chromium from the system's packages (``/usr/bin/chromium``, or ``$CHROMIUM``) is driven by
Playwright, which never downloads a browser of its own, against the built site served from a
local HTTP server on 127.0.0.1. Every request to another host is blocked and reported. Each
failing page leaves a screenshot in ``_build/browser-failures/``.

The suite reuses the site that ``tests/test_book.py`` built in the same run (it builds the book
only when run on its own). Without a browser it is skipped, except in CI (``CI=true``), where a
missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tasks

pytestmark = pytest.mark.book

ROOT = Path(tasks.ROOT)
HTML = ROOT / "_build" / "html"
FAILURES = ROOT / "_build" / "browser-failures"
WIDTHS = (1400, 390)
STARTED = time.time()  # when this module was collected: a site built since is this run's
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\sum|\\text\{")
PLACEHOLDER_ALT = re.compile(r"\.(png|jpe?g|svg|gif)$|^$", re.IGNORECASE)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site built in this run (by tests/test_book.py), or a fresh build."""
    index = HTML / "searchindex.js"
    if not (index.is_file() and index.stat().st_mtime >= STARTED):
        code = tasks.build_book()
        assert code == 0, "jupyter-book build failed or warned: see the captured output"
    return HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser(chromium: Any) -> Any:
    """The session's Chromium (tests/conftest.py)."""
    return chromium


def _pages(site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        # the in-browser lab (lite/) and the slide decks (slides/) are apps of their own
        skip = ("_static", "_sources", "_images", "lite", "slides")
        if rel.parts[0] in skip or rel.name == "index.html":
            continue
        found.append(rel.as_posix())
    return found


class _Watch:
    """Console errors and requests to other hosts of one page (those are blocked)."""

    def __init__(self, page: Any, base: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []

        def on_console(message: Any) -> None:
            if message.type == "error":
                self.errors.append(message.text[:200])

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(base) or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:
                self.foreign.append(url)
                route.abort()

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"[:200]))
        page.route("**/*", route)


def _open(context: Any, url: str, base: str) -> tuple[Any, _Watch]:
    page = context.new_page()
    watch = _Watch(page, base)
    page.goto(url, wait_until="load")
    page.evaluate(
        "() => (window.MathJax && MathJax.startup && MathJax.startup.promise)"
        " ? MathJax.startup.promise : null"
    )
    return page, watch


def _keep_screenshot(page: Any, name: str) -> str:
    FAILURES.mkdir(parents=True, exist_ok=True)
    path = FAILURES / (re.sub(r"[^A-Za-z0-9_.-]+", "_", name) + ".png")
    page.screenshot(path=str(path), full_page=True)
    return str(path.relative_to(ROOT))


PAGE_CHECKS = """() => {
  const main = document.querySelector("main") || document.body;
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] || 0) + 1;
  const clone = main.cloneNode(true);
  clone.querySelectorAll("script, style, pre, code, mjx-container, .highlight")
    .forEach((el) => el.remove());
  return {
    width: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    text: clone.innerText,
    duplicates: Object.keys(ids).filter((k) => ids[k] > 1),
    badAlt: [...document.querySelectorAll("main img")]
      .map((img) => img.getAttribute("alt") || "")
      .filter((alt) => /\\.(png|jpe?g|svg|gif)$/i.test(alt) || !alt.trim()),
    chinese: [...main.querySelectorAll("*")].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === 3 && /[\\u4e00-\\u9fff]/.test(n.data))
      && !el.closest("[lang^='zh']")).length,
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_is_clean(browser: Any, server: str, built_site: Path, width: int) -> None:
    """No console error, no other host, no raw TeX, nothing wider than the screen."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    problems = []
    for name in _pages(built_site):
        page, watch = _open(context, server + name, server)
        facts = page.evaluate(PAGE_CHECKS)
        found = []
        if watch.errors:
            found.append(f"console errors {watch.errors[:3]}")
        if watch.foreign:
            found.append(f"requests to other hosts {sorted(set(watch.foreign))[:3]}")
        tex = RAW_TEX.findall(facts["text"])
        if tex:
            found.append(f"raw TeX left {tex[:3]}")
        if facts["width"] > facts["viewport"] + 1:
            found.append(f"page {facts['width']} px wide in a {facts['viewport']} px window")
        if facts["duplicates"]:
            found.append(f"repeated IDs {facts['duplicates'][:5]}")
        if facts["badAlt"]:
            found.append(f"images without real alt text {facts['badAlt'][:3]}")
        if facts["chinese"]:
            found.append(f"{facts['chinese']} elements with Chinese text but no lang")
        if found:
            shot = _keep_screenshot(page, f"{width}-{name}")
            problems.append(f"{name} at {width} px: {'; '.join(found)} (screenshot {shot})")
        page.close()
    context.close()
    assert not problems, "\n".join(problems)


def test_menus_open_by_tap_on_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page, watch = _open(context, server + "chapters/01_satisfaction.html", server)
    try:
        page.locator(".header-article-item .primary-toggle").tap()
        page.wait_for_selector("#pst-primary-sidebar-modal[open]", timeout=3000)
        assert page.locator("#pst-primary-sidebar-modal a.reference").count() > 5
        page.keyboard.press("Escape")
        page.wait_for_selector(
            "#pst-primary-sidebar-modal:not([open])", state="attached", timeout=3000
        )
        page.locator(".header-article-items .secondary-toggle").tap()
        page.wait_for_selector("#pst-secondary-sidebar-modal[open]", timeout=3000)
        assert page.locator("#pst-secondary-sidebar-modal a").count() > 1
    except Exception:
        _keep_screenshot(page, "menu-390")
        raise
    assert not watch.errors
    context.close()


def test_sidebar_toggles_on_a_desktop(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page, _ = _open(context, server + "chapters/01_satisfaction.html", server)
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    page.locator(".header-article-item .primary-toggle").click()
    try:
        page.wait_for_function(
            "document.querySelector('#pst-primary-sidebar').classList"
            ".contains('pst-sidebar-hidden')",
            timeout=3000,
        )
    except Exception:
        _keep_screenshot(page, "menu-1400")
        raise
    context.close()


def test_solution_toggles_are_named_and_work_by_keyboard(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page, _ = _open(context, server + "exercises/01_satisfaction.html", server)
    buttons = page.locator(".solution .toggle-button")
    assert buttons.count() >= 3
    labels = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
    assert all(label and label.startswith("Solution to Question") for label in labels), labels
    assert len(set(labels)) == len(labels), "two toggles share a name"
    body = page.locator(".solution").first.locator("section").first
    assert not body.is_visible()
    buttons.first.focus()
    page.keyboard.press("Enter")
    try:
        body.wait_for(state="visible", timeout=3000)
        assert buttons.first.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Space")
        body.wait_for(state="hidden", timeout=3000)
    except Exception:
        _keep_screenshot(page, "toggle-keyboard")
        raise
    context.close()


def test_printed_exercise_pages_hide_solutions(browser: Any, server: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    for name in sorted(p.name for p in (built_site / "exercises").glob("*.html")):
        page, _ = _open(context, f"{server}exercises/{name}", server)
        page.locator(".solution .toggle-button").first.click()  # one opened on screen
        page.emulate_media(media="print")
        shown = page.evaluate(
            "[...document.querySelectorAll('.solution')]"
            ".filter(el => getComputedStyle(el).display !== 'none').length"
        )
        if shown:
            _keep_screenshot(page, f"print-{name}")
        assert shown == 0, f"{name}: {shown} solutions printed"
        page.close()
    context.close()


def test_search_results_never_quote_a_solution(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page, _ = _open(context, server + "search.html?q=promoters", server)
    page.wait_for_selector("#search-results li", timeout=15000)
    page.wait_for_function(
        "document.querySelector('#search-results p.search-summary') !== null", timeout=15000
    )
    snippets = page.locator("#search-results li p.context").all_inner_texts()
    assert snippets, "the search found nothing"
    quoted = [s for s in snippets if "Answer:" in s]
    if quoted:
        _keep_screenshot(page, "search")
    assert not quoted, quoted
    context.close()

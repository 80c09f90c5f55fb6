"""Shared helpers of the live-calculator tests: a headless Chromium page with the page scripts.

Chromium comes from the system (``/usr/bin/chromium``) and is driven by Playwright from PyPI;
no browser is downloaded. Without them the tests are skipped, except when ``CI=true``, where
they fail.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIVE = ROOT / "_static" / "live"
#: the page scripts in the order the site loads them
SCRIPTS = ("cpvkit-live.js", "cdnow.js", "rfm.js", "calculators.js")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch() -> tuple[Any, Any]:
    """(playwright, browser), or a skip (a failure when CI=true)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        sync_playwright = None
    if sync_playwright is None or not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium (/usr/bin/chromium) and Playwright are needed in CI")
        pytest.skip("Chromium or Playwright is not installed")
    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
    return pw, browser


def offline(page: Any) -> list[str]:
    """Block every request to another host; return the list that collects console errors."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route(
        "**/*",
        lambda route: (
            route.abort()
            if route.request.url.startswith(("http://", "https://"))
            and "127.0.0.1" not in route.request.url
            else route.continue_()
        ),
    )
    return errors


def script_page(browser: Any, html: str = "") -> tuple[Any, list[str]]:
    """A page holding ``html`` with the live scripts loaded."""
    page = browser.new_page()
    errors = offline(page)
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    for name in SCRIPTS:
        page.add_script_tag(content=(LIVE / name).read_text(encoding="utf-8"))
    return page, errors

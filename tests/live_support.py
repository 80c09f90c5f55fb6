"""Shared helpers of the live-calculator tests: a page of the session's Chromium with the scripts.

The browser itself is the ``chromium`` fixture of tests/conftest.py (the system's Chromium,
driven by Playwright; skipped without it, a failure when ``CI=true``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIVE = ROOT / "_static" / "live"
#: the page scripts in the order the site loads them
SCRIPTS = ("cpvkit-live.js", "cdnow.js", "rfm.js", "calculators.js")


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

"""Shared pytest set-up: the project root on sys.path (for tasks.py) and a headless backend."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _chromium_path() -> str | None:
    """The system's Chromium (``CHROMIUM`` overrides the place), or None."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "chromium"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def browser_unavailable(reason: str) -> None:
    """Skip a browser test where the browser is missing; in CI (``CI=true``) fail instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium (the system's, driven by Playwright) for every browser test.

    Playwright's synchronous API runs one instance per thread, so the suites share this one
    browser instead of each starting their own; no browser is ever downloaded.
    """
    executable = _chromium_path()
    if executable is None:
        browser_unavailable("no Chromium found (install the chromium package, or set CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("playwright is not installed (it is in the test extra)")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=executable,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )
    yield browser
    browser.close()
    playwright.stop()

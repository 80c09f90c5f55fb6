"""The exercise pages on the built site: solutions as dropdowns, or gone in an instructor build.

Builds the book twice into temporary folders from the stored notebook outputs (no execution):
once as published (every solution in a dropdown) and once with ``hide_solutions`` (the
instructor's switch), then looks for every piece of solution text - reference answers,
explanations, model answers and solution code - in the exercise pages and in the notebooks the
site offers for download.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import tasks
from cpvkit.exercises import Chapter, Written, banks

pytestmark = pytest.mark.book

ROOT = Path(tasks.ROOT)
BANKS = banks()
PAGES = {
    1: "01_satisfaction",
    2: "02_perceived_value",
    3: "03_relationship_marketing",
    4: "04_crm_clv",
}


def _build(folder: Path, hide: bool) -> Path:
    code = tasks.build_book(folder, hide_solutions=hide, execute=False)
    assert code == 0, "the book build failed or warned: see the captured output"
    return folder / "_build" / "html"


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("hidden"), hide=True)


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("full"), hide=False)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _page_text(site: Path, number: int) -> str:
    """The visible text of an exercise page (tags and scripts removed, entities decoded)."""
    raw = (site / "exercises" / f"{PAGES[number]}.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return _squash(html.unescape(re.sub(r"<[^>]+>", "", raw)))


def _plain_fragment(markdown: str) -> str:
    """The longest run of the text that Sphinx renders verbatim (no markup, quotes, maths)."""
    pieces = re.split(r"[$`*{}\\'\"_\[\]()<>:\-]", markdown)
    best = max((_squash(p) for p in pieces), key=len, default="")
    return best


def _secrets(chapter: Chapter) -> list[str]:
    """Text that only a solution contains, as it would appear on the page."""
    public = _squash(
        " ".join(
            [chapter.intro, chapter.setup]
            + [q.prompt for q in chapter.questions]
            + [o for q in chapter.questions for o in getattr(q, "options", ())]
        )
    )
    found = []
    for q in chapter.questions:
        texts = [q.explanation]
        if isinstance(q, Written):
            texts.append(q.model_answer)
        for text in texts:
            fragment = _plain_fragment(text)
            if len(fragment) >= 25:
                found.append(fragment)
        for line in q.solution.splitlines():
            if len(line.strip()) > 20:
                found.append(_squash(line))
    return [s for s in found if s not in public]


@pytest.mark.parametrize("chapter", BANKS, ids=lambda ch: f"ch{ch.number}")
def test_hidden_build_has_no_solution(hidden_site: Path, chapter: Chapter) -> None:
    page = (hidden_site / "exercises" / f"{PAGES[chapter.number]}.html").read_text("utf-8")
    assert 'class="solution' not in page
    assert page.count('class="exercise') >= len(chapter.questions)
    text = _page_text(hidden_site, chapter.number)
    assert "Answer:" not in text and "Model answer" not in text
    leaked = [s for s in _secrets(chapter) if s in text]
    assert not leaked, f"solution text in the instructor build: {leaked}"


@pytest.mark.parametrize("chapter", BANKS, ids=lambda ch: f"ch{ch.number}")
def test_full_build_shows_solutions_as_dropdowns(full_site: Path, chapter: Chapter) -> None:
    page = (full_site / "exercises" / f"{PAGES[chapter.number]}.html").read_text("utf-8")
    assert page.count('class="solution dropdown') == len(chapter.questions)
    text = _page_text(full_site, chapter.number)
    missing = [s for s in _secrets(chapter) if s not in text]
    assert not missing, f"solution text expected on the page: {missing}"


@pytest.mark.parametrize("site_name", ["hidden_site", "full_site"])
def test_downloads_are_student_notebooks(site_name: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(site_name)
    for chapter in BANKS:
        download = site / "_sources" / "exercises" / f"{PAGES[chapter.number]}.ipynb"
        nb = json.loads(download.read_text(encoding="utf-8"))
        assert not any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
        text = _squash(" ".join("".join(c["source"]) for c in nb["cells"]))
        assert "{solution}" not in text
        leaked = [s for s in _secrets(chapter) if s in text]
        assert not leaked, f"solution text in the downloadable notebook: {leaked}"

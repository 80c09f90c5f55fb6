"""The exercise pages on the built site: solutions as dropdowns, or gone in an instructor build.

Builds the book twice into temporary folders from the stored notebook outputs (no execution):
once as published (every solution in a dropdown) and once with ``hide_solutions`` (the
instructor's switch). Then looks for every piece of solution text - explanations, model
answers, rubrics and solution code, as written on the exercise page - in the pages and in the
notebooks the site offers for download, which must be the generated student notebooks.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest

import tasks
from cpvkit.exercises import authoring

pytestmark = pytest.mark.book

ROOT = Path(tasks.ROOT)
PAGES = sorted((ROOT / "exercises").glob("0*.ipynb"))


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


def _page_text(site: Path, page: Path) -> str:
    """The visible text of an exercise page (tags and scripts removed, entities decoded)."""
    raw = (site / "exercises" / f"{page.stem}.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return _squash(html.unescape(re.sub(r"<[^>]+>", "", raw)))


def _plain_fragments(markdown: str) -> list[str]:
    """Runs of a markdown text that Sphinx renders verbatim (no markup, quotes, maths)."""
    pieces = re.split(r"[$`*{}\\'\"_\[\]()<>:\-]|\n\s*\n", markdown)
    return [_squash(p) for p in pieces if len(_squash(p)) >= 30]


def _solution_cells(page: Path) -> list[nbformat.NotebookNode]:
    nb = nbformat.read(page, as_version=4)
    cells = []
    for first, last, _ in authoring._solution_ranges(nb.cells):
        cells += nb.cells[first + 1 : last]
    return cells


def _secrets(page: Path, *, code: bool = True) -> list[str]:
    """Text that only a solution contains, as it would appear on the page."""
    nb = nbformat.read(page, as_version=4)
    solution_ids = {c.get("id") for c in _solution_cells(page)}
    public = _squash(" ".join(c.source for c in nb.cells if c.get("id") not in solution_ids))
    found = []
    for cell in _solution_cells(page):
        if cell.cell_type == "markdown":
            found += _plain_fragments(cell.source)
        elif code and "remove-cell" not in cell.metadata.get("tags", []):
            found += [_squash(line) for line in cell.source.splitlines() if len(line.strip()) > 25]
    return [s for s in found if s not in public]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_hidden_build_has_no_solution(hidden_site: Path, page: Path) -> None:
    html_page = (hidden_site / "exercises" / f"{page.stem}.html").read_text("utf-8")
    questions = authoring.parse_page(page)
    assert 'class="solution' not in html_page
    assert html_page.count('class="exercise') >= len(questions)
    text = _page_text(hidden_site, page)
    assert "Answer:" not in text and "Model answer" not in text and "Rubric" not in text
    leaked = [s for s in _secrets(page) if s in text]
    assert not leaked, f"solution text in the instructor build: {leaked}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_full_build_shows_solutions_as_dropdowns(full_site: Path, page: Path) -> None:
    html_page = (full_site / "exercises" / f"{page.stem}.html").read_text("utf-8")
    questions = authoring.parse_page(page)
    assert html_page.count('class="solution dropdown') == len(questions)
    text = _page_text(full_site, page)
    missing = [s for s in _secrets(page, code=False) if s not in text]
    assert not missing, f"solution text expected on the page: {missing}"
    assert "{glue" not in text, "every glued number is filled in"
    assert "not answered yet" not in text, "the checks' outputs are not shown on the site"
    assert "answer key" not in text.casefold()


@pytest.mark.parametrize("site_name", ["hidden_site", "full_site"])
def test_downloads_are_student_notebooks(site_name: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(site_name)
    for page in PAGES:
        download = site / "_sources" / "exercises" / f"{page.stem}.ipynb"
        nb = json.loads(download.read_text(encoding="utf-8"))
        text = _squash(" ".join("".join(c["source"]) for c in nb["cells"]))
        assert "solution-start" not in text and "{solution" not in text
        assert 'ex.load("""' in text, "the student notebook loads its answer key"
        assert not any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")
        leaked = [s for s in _secrets(page) if s in text]
        assert not leaked, f"solution text in the downloadable notebook: {leaked}"

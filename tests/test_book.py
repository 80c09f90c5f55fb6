"""The book itself: it builds with warnings as errors, and every page is there and clean.

These tests build the HTML site (executing the notebooks, with jupyter-cache), so they are the
slowest of the suite; ``-m "not book"`` skips them.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
import yaml

import tasks

pytestmark = pytest.mark.book

ROOT = Path(tasks.ROOT)
HTML = ROOT / "_build" / "html"
API_MODULES = ["value", "satisfaction", "relationship", "crm", "datasets", "plots", "widgets"]


def _toc_files(node: object) -> list[str]:
    """All ``file:`` entries of _toc.yml, at any depth."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("file", "root") and isinstance(value, str):
                found.append(value)
            else:
                found += _toc_files(value)
    elif isinstance(node, list):
        for item in node:
            found += _toc_files(item)
    return found


def _page(doc: str) -> Path:
    return HTML / (str(Path(doc).with_suffix("")) + ".html")


@pytest.fixture(scope="session")
def site() -> Path:
    """Build the book once, as the README's build command does; fail on any warning."""
    code = tasks.build_book()
    assert code == 0, "jupyter-book build failed or warned: see the captured output"
    return HTML


def test_every_toc_entry_has_a_page(site: Path) -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    docs = _toc_files(toc)
    assert len(docs) >= 5
    missing = [d for d in docs if not _page(d).is_file()]
    assert not missing, f"no HTML page for: {missing}"
    assert (site / "index.html").is_file()


def test_no_page_shows_an_error(site: Path) -> None:
    bad = re.compile(
        r'class="output traceback|Traceback \(most recent call last\)|class="output stderr'
        r"|\x1b\[|NameError|ModuleNotFoundError"
    )
    offenders = []
    for page in site.rglob("*.html"):
        if "_static" in page.parts or "_sources" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        match = bad.search(text)
        if match:
            offenders.append(f"{page.relative_to(site)}: {match.group(0)!r}")
    assert not offenders, "pages showing errors:\n" + "\n".join(offenders)


def test_api_reference_lists_every_public_function(site: Path) -> None:
    api = (site / "api.html").read_text(encoding="utf-8")
    missing = []
    for name in API_MODULES:
        module = importlib.import_module(f"cpvkit.{name}")
        for attr, obj in vars(module).items():
            if attr.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            if f'id="cpvkit.{name}.{attr}"' not in api:
                missing.append(f"cpvkit.{name}.{attr}")
    assert not missing, f"not in the API reference: {missing}"


def test_glossary_has_three_names_per_term(site: Path) -> None:
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    for english, simplified, traditional in [
        ("Customer delivered value", "顾客让渡价值", "顧客讓渡價值"),
        ("Net promoter score", "净推荐值", "淨推薦值"),
        ("Customer lifetime value", "顾客终身价值", "顧客終身價值"),
    ]:
        assert english in glossary and simplified in glossary and traditional in glossary


def test_footer_states_both_licences(site: Path) -> None:
    # index.html only redirects to the root page; the footer is on every real page.
    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    for page in (_page(root), _page("chapters/04_crm_clv")):
        text = page.read_text(encoding="utf-8")
        assert "CC BY 4.0" in text and "MIT" in text, page.name


def test_pages_cite_the_bibliography(site: Path) -> None:
    bibliography = (site / "bibliography.html").read_text(encoding="utf-8")
    assert "Fader" in bibliography and "Oliver" in bibliography


def test_public_site_holds_no_answer_guidance(site: Path) -> None:
    """The answer guidance is for the instructor pack only: no page, source or search entry."""
    assert not (site / "instructor" / "answers").exists()
    assert not (site / "_sources" / "instructor" / "answers").exists()
    marker = "For instructors only: this page is part of the instructor pack"
    for notebook in (ROOT / "instructor" / "answers").glob("*.ipynb"):
        assert marker in notebook.read_text(encoding="utf-8"), notebook.name
    leaks = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in (".html", ".js", ".ipynb", ".md", ".txt")
        and marker in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not leaks, f"answer guidance on the public site: {leaks}"


def test_scale_appendix_shows_every_recorded_benchmark_run(site: Path) -> None:
    # the timings on the page are the files the benchmark scripts write with --record,
    # included as they are; each recorded file is shown, and each one says when and on what
    # it was measured
    page_source = (ROOT / "chapters" / "scale.md").read_text(encoding="utf-8")
    included = set(re.findall(r"```\{include\} \.\./benchmarks/results/(\w+)\.md", page_source))
    recorded = {p.stem for p in (ROOT / "benchmarks" / "results").glob("*.md")}
    assert included == recorded == {"calculators", "engines", "rfm", "spark"}
    html = _page("chapters/scale").read_text(encoding="utf-8")
    for name in sorted(recorded):
        first = (ROOT / "benchmarks" / "results" / f"{name}.md").read_text(encoding="utf-8")
        first = first.splitlines()[0]
        assert re.match(r"\*Recorded run of `benchmarks/\w+\.py`, \d{4}-\d\d-\d\d; \d+ ", first)
        script = re.search(r"`(benchmarks/\w+\.py)`", first).group(1)
        assert (ROOT / script).is_file() and "--record" in (ROOT / script).read_text()
        assert f"benchmarks/{Path(script).name}" in html
    assert html.count("<table") >= 4

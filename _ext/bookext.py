"""Small Sphinx extension local to this book.

- The exercise pages' *download* button serves a student notebook: the copy of each exercise
  notebook that the site offers for download (``_sources/exercises/*.ipynb``) is replaced by the
  version without worked solutions from ``exercises/student/``, whichever way the site is built.
- Every asset is served by the site itself: MathJax comes from a Python package
  (``sphinx-mathjax-offline``) and is copied into ``_static/mathjax``; the Thebe configuration
  (scripts that point at a CDN, for a feature this book does not use) and unused widget state
  are left out of the pages.
- The search index leaves out worked solutions, so search results never quote them.
- The bibliography is author-year (:mod:`_ext.bookbib`), like the citations.
- The written pages are finished for every reader (:mod:`_ext.bookhtml`): real alt text on
  figures, ``lang`` on Chinese text, unique IDs, numbers marked for right alignment.
"""

from __future__ import annotations

import copy
import importlib.util
import shutil
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bookbib  # noqa: E402  (sibling modules of this extension)
import bookhtml  # noqa: E402

#: parts of the MathJax distribution the pages may load (the combined TeX-to-HTML component,
#: its fonts, and what it loads on demand: TeX extensions, the menu, accessibility)
MATHJAX_PARTS = ("tex-chtml.js", "input", "output/chtml", "ui", "a11y", "sre", "adaptors")


def _serve_student_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    student_dir = Path(app.srcdir) / "exercises" / "student"
    sources = Path(app.outdir) / "_sources" / "exercises"
    if not student_dir.is_dir() or not sources.is_dir():
        return
    for student in student_dir.glob("*.ipynb"):
        target = sources / student.name
        if target.exists():
            shutil.copyfile(student, target)


def _mathjax_source() -> Path | None:
    """The MathJax folder shipped by the ``sphinx-mathjax-offline`` package, if installed."""
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax"
    return folder if (folder / "tex-chtml.js").is_file() else None


def _use_local_mathjax(app: Sphinx, config: Any) -> None:
    if _mathjax_source() is None:
        raise RuntimeError(
            "MathJax for the site comes from the package sphinx-mathjax-offline, which is not "
            "installed: run `python3 tasks.py build` (it installs the book's dependencies)"
        )
    config.mathjax_path = "mathjax/tex-chtml.js"


def _copy_mathjax(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = _mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part, dirs_exist_ok=True)
        elif src.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target / part)


def _is_thebe(asset: Any) -> bool:
    name = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return "thebe" in name or "THEBE_JS_URL" in body


def _clean_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """Leave out Thebe, widget state and repeated inline scripts; give the theme a mode."""
    scripts, seen = [], set()
    for script in context.get("script_files", []):
        attributes = getattr(script, "attributes", {})
        if _is_thebe(script) or "widget-state" in str(attributes.get("type", "")):
            continue
        if "ipywidgets" in str(getattr(script, "filename", "") or ""):
            continue  # the widget manager has nothing to render without widget state
        key = (str(getattr(script, "filename", "") or ""), str(attributes.get("body", "")))
        if key in seen:
            continue
        seen.add(key)
        scripts.append(script)
    context["script_files"] = scripts
    context["css_files"] = [c for c in context.get("css_files", []) if not _is_thebe(c)]
    if not context.get("default_mode"):
        context["default_mode"] = "auto"


def _drop_thebe_config(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "text/x-thebe-config" in text or text.startswith("<script>kernelName"):
            node.parent.remove(node)


def _is_solution(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.Element):
        return False
    return "solution" in node.get("classes", []) or type(node).__name__.startswith("solution")


def _index_without_solutions(app: Sphinx) -> None:
    """Feed the search index a copy of each page without its worked solutions."""
    builder = app.builder
    if builder.format != "html" or not hasattr(builder, "index_page"):
        return
    original = builder.index_page

    def index_page(pagename: str, doctree: nodes.document, title: str) -> None:
        solutions = list(doctree.findall(_is_solution))
        if solutions:
            doctree = copy.deepcopy(doctree)
            for node in list(doctree.findall(_is_solution)):
                if node.parent is not None:
                    node.parent.remove(node)
        original(pagename, doctree, title)

    builder.index_page = index_page


def _finish_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    bookhtml.finish_site(Path(app.outdir), Path(app.srcdir))


def setup(app: Sphinx) -> dict[str, object]:
    bookbib.register()  # the author-year bibliography style, "authoryear"
    app.connect("config-inited", _use_local_mathjax)
    app.connect("builder-inited", _index_without_solutions)
    app.connect("doctree-resolved", _drop_thebe_config, priority=900)
    app.connect("html-page-context", _clean_page_assets, priority=900)
    app.connect("build-finished", _serve_student_notebooks)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _finish_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Small Sphinx extension local to this book.

It serves the exercise pages' *download* button a student notebook: the copy of each exercise
notebook that the site offers for download (``_sources/exercises/*.ipynb``) is replaced by the
student notebook generated from the page (no worked solutions, no outputs, the answer key of
the self-checks loaded; see :mod:`cpvkit.exercises.authoring`), whichever way the site is built.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx


def _serve_student_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    sources = Path(app.outdir) / "_sources" / "exercises"
    if not sources.is_dir():
        return
    import nbformat

    from cpvkit.exercises import authoring

    root = Path(app.srcdir)
    for target in sorted(sources.glob("*.ipynb")):
        page = root / "exercises" / target.name
        if page.exists():
            nbformat.write(authoring.student_notebook(page, root=root), target)


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("build-finished", _serve_student_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

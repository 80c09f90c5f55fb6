"""Small Sphinx extension local to this book.

It serves the exercise pages' *download* button a student notebook: the copy of each exercise
notebook that the site offers for download (``_sources/exercises/*.ipynb``) is replaced by the
version without worked solutions from ``exercises/student/``, whichever way the site is built.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx


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


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("build-finished", _serve_student_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

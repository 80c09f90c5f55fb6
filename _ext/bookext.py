"""Small Sphinx extension local to this book.

The exercise pages' hooks live with the exercises, in :mod:`cpvkit.exercises.sphinxext`: the
download button of an exercise page serves the student notebook generated from it, and
``hide_solutions`` also drops gated solutions.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, object]:
    from cpvkit.exercises import sphinxext

    sphinxext.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Sphinx hooks for the exercise pages (loaded by the book's local extension, _ext/bookext.py).

- The *download* button of an exercise page gives the student notebook generated from the page
  (no worked solutions, no outputs, the answer key of the self-checks loaded), whichever way the
  site is built.
- ``hide_solutions: true`` also drops gated solutions (``solution-start`` ... ``solution-end``,
  whose code cells show their output). sphinx-exercise 1.2.1 drops only the opening directive of
  a gated solution and leaves its content and an unknown end node in the page, which fails the
  build; here the gated solution is assembled as usual and then removed as a whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform


def serve_student_notebooks(app: Sphinx, exception: Exception | None) -> None:
    """Replace the downloadable copy of each exercise page by its student notebook."""
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


class _DropHiddenSolutions(SphinxTransform):
    """Remove every solution, gated ones included, when ``hide_solutions`` is set."""

    default_priority = 11  # after sphinx-exercise merges gated solutions (priority 10)

    def apply(self, **kwargs: Any) -> None:
        if not self.config.hide_solutions:
            return
        from sphinx_exercise.nodes import solution_end_node, solution_node, solution_start_node

        for kind in (solution_node, solution_start_node, solution_end_node):
            for node in list(self.document.findall(kind)):
                node.parent.remove(node)


def setup(app: Sphinx) -> None:
    """Register the gated-solution fix (the book's local extension calls it, and connects
    :func:`serve_student_notebooks` to ``build-finished``)."""
    from sphinx_exercise.directive import SolutionStartDirective

    class GatedSolutionStart(SolutionStartDirective):
        def run(self) -> list[nodes.Node]:
            config = self.env.app.config
            hidden = config.hide_solutions
            config.hide_solutions = False
            try:
                return super().run()
            finally:
                config.hide_solutions = hidden

    app.add_directive("solution-start", GatedSolutionStart, override=True)
    app.add_transform(_DropHiddenSolutions)

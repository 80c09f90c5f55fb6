"""Self-checks for the book's exercise pages (a small runtime).

Each exercise page (``exercises/0N_*.ipynb``) is the one source of its questions: its set-up
cell creates a :class:`Sheet`, its solution cells register the reference answers, and the
student notebook generated from it loads the answer key and checks answers::

    from cpvkit.exercises import Sheet
    ex = Sheet("ex-relationship")
    answer_1 = 5.0
    ex.check(1)                 # prints feedback, returns a CheckResult

:mod:`cpvkit.exercises.authoring` turns a page into its answer key, its student notebook and
its Otter-Grader assignment (it needs ``nbformat``, installed with the book's tools).
"""

from __future__ import annotations

from cpvkit.exercises._core import CheckResult, Sheet, accepts, accepts_option, written_size

__all__ = ["CheckResult", "Sheet", "accepts", "accepts_option", "written_size"]

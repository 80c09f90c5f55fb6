#!/usr/bin/env python3
"""Write the book's exercise pages, exercises/0N_*.ipynb, from the question banks.

Each page is generated from ``cpvkit.exercises.chapterN.CHAPTER``: the title (with the page's
label), the intro, the set-up cell, then for every question an ``{exercise}`` box (label
``exN-qK``) with the prompt, an answer cell, a check cell and a ``{solution}`` dropdown with the
reference answer, the explanation and the solution code. Every solution cell carries the tag
``solution`` (scripts/make_student_notebooks.py removes them); ``hide_solutions: true`` removes
the ``{solution}`` boxes from the site. The reference answers shown are computed by running the
solution code, so the page, the check and the solution cannot disagree.

    python scripts/make_exercise_notebooks.py          write the pages whose sources changed
    python scripts/make_exercise_notebooks.py --check  exit 1 if a committed page is out of date

A page is rewritten only when its cell sources changed (its stored outputs are then gone:
re-execute it with ``python3 tasks.py notebooks exercises/0N_*.ipynb``).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cpvkit.exercises import banks  # noqa: E402
from cpvkit.exercises._core import Chapter, Choice, Numeric, Written  # noqa: E402

EXERCISES = ROOT / "exercises"
FILES = {
    1: "01_satisfaction.ipynb",
    2: "02_perceived_value.ipynb",
    3: "03_relationship_marketing.ipynb",
    4: "04_crm_clv.ipynb",
}
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
SOLUTION_TAG = "solution"


def format_number(value: float, share: bool = False) -> str:
    """Format a reference answer for the solution text."""
    if share:
        return f"{value:.4f} ({value:.1%})"
    if round(float(value), 9).is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    return f"{value:.4f}"


def _label(chapter: Chapter, n: int) -> str:
    return f"ex{chapter.number}-q{n}"


def _exercise_markdown(chapter: Chapter, n: int) -> str:
    q = chapter.question(n)
    body = q.prompt.strip()
    if isinstance(q, Choice):
        body += (
            f"\n\n{q.options_markdown()}\n\nAnswer with a letter in quotes (or the option text)."
        )
    elif isinstance(q, Written):
        body += "\n\nWrite your answer as text in quotes (triple quotes for several lines)."
    # Sphinx numbers exercises across the whole book; the page shows the question number used
    # by ex.check instead.
    head = f":::{{exercise}} Question {n}: {q.title}\n:label: {_label(chapter, n)}\n:nonumber:"
    return f"{head}\n\n{body}\n:::"


def _solution_markdown(chapter: Chapter, n: int) -> str:
    q = chapter.question(n)
    parts: list[str] = []
    if isinstance(q, Numeric):
        value = format_number(chapter.expected(n), q.share)
        unit = f" {q.unit}" if q.unit else ""
        parts.append(f"**Answer: {value}{unit}.**")
    elif isinstance(q, Choice):
        letter = q.correct
        option = q.options["ABCDEFGHIJ".index(letter)]
        parts.append(f"**Answer: {letter}.** {option}")
    else:
        parts.append(f"**Model answer.** {q.model_answer.strip()}")
    if q.explanation.strip():
        parts.append(q.explanation.strip())
    if isinstance(q, Written) and q.key_ideas:
        ideas = "\n".join(f"- {idea}" for idea in q.key_ideas)
        parts.append(f"A good answer covers:\n\n{ideas}")
    if q.solution.strip():
        parts.append(f"```python\n{q.solution.strip()}\n```")
    body = "\n\n".join(parts)
    return f":::{{solution}} {_label(chapter, n)}\n:class: dropdown\n\n{body}\n:::"


def _setup_source(setup: str) -> str:
    """The set-up code, with imports kept for the student's answers marked for the linter.

    A module imported in the set-up but not used by it (e.g. ``satisfaction``, for the student
    to call) would be an unused import in the notebook: its line gets ``# noqa: F401``.
    """
    tree = ast.parse(setup)
    used = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    lines = setup.strip().splitlines()
    for node in tree.body:
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        names = [(a.asname or a.name).split(".")[0] for a in node.names]
        if any(n not in used for n in names) and node.lineno == node.end_lineno:
            i = node.lineno - 1
            if "noqa" not in lines[i]:
                lines[i] += "  # noqa: F401 - for your answers"
    return "\n".join(lines)


def _cell(kind: str, source: str, cell_id: str, tags: list[str] | None = None):
    make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    cell = make(source)
    cell["id"] = cell_id
    if tags:
        cell["metadata"]["tags"] = tags
    return cell


def build(chapter: Chapter) -> nbformat.NotebookNode:
    """The exercise page of one chapter, without outputs."""
    k = chapter.number
    cells = [
        _cell(
            "markdown",
            f"({chapter.label})=\n# Exercises: {chapter.title}\n\n{chapter.intro.strip()}",
            f"ex{k}-intro",
        ),
        _cell("code", f"from cpvkit.exercises import chapter{k} as ex", f"ex{k}-import"),
        _cell("code", _setup_source(chapter.setup), f"ex{k}-setup"),
    ]
    for n, q in enumerate(chapter.questions, start=1):
        cells += [
            _cell("markdown", _exercise_markdown(chapter, n), f"ex{k}-q{n}"),
            _cell("code", f"answer_{n} = {q.placeholder()}", f"ex{k}-q{n}-answer"),
            _cell("code", f"ex.check({n}, answer_{n})", f"ex{k}-q{n}-check"),
            _cell(
                "markdown", _solution_markdown(chapter, n), f"ex{k}-q{n}-solution", [SOLUTION_TAG]
            ),
        ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb["metadata"]["kernelspec"] = dict(KERNELSPEC)
    nb["metadata"]["language_info"] = {"name": "python"}
    return nb


def cell_sources(nb: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    """What the generator controls in a notebook: type, source and tags of every cell."""
    return [
        (c["cell_type"], c["source"], list(c.get("metadata", {}).get("tags", []))) for c in nb.cells
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale pages")
    args = parser.parse_args(argv)
    stale = []
    for chapter in banks():
        path = EXERCISES / FILES[chapter.number]
        fresh = build(chapter)
        current = nbformat.read(path, as_version=4) if path.exists() else None
        if current is not None and cell_sources(current) == cell_sources(fresh):
            continue
        stale.append(path)
        if not args.check:
            nbformat.write(fresh, path)
            print(f"wrote {path.relative_to(ROOT)} (execute it before committing)")
    if args.check and stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"out of date: {names}; run python scripts/make_exercise_notebooks.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

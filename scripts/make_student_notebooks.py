#!/usr/bin/env python3
"""Write the student notebooks and the graded assignments generated from the exercise pages.

The exercise page exercises/0N_*.ipynb is the only source. Its student notebook has no worked
solutions and no outputs, carries the install cell (tagged ``bootstrap``) unchanged and loads
the answer key computed from the page's solution cells, so that ``ex.check(n)`` works anywhere
``cpvkit`` is installed. Student notebooks are never edited by hand and never committed: the
book build serves them as the exercise pages' downloads (see _ext/bookext.py) and the tests
generate them afresh.

    python scripts/make_student_notebooks.py                  write exercises/student/*.ipynb
    python scripts/make_student_notebooks.py --out DIR        write them into DIR
    python scripts/make_student_notebooks.py --assignments DIR
        write the Otter-Grader assignments into DIR (master notebooks, then `otter assign`:
        DIR/<page>/student and DIR/<page>/autograder, answer keys and hidden tests included;
        for the instructor only)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cpvkit.exercises import authoring  # noqa: E402

EXERCISES = ROOT / "exercises"
STUDENT = EXERCISES / "student"


ASSIGNMENTS_README = """\
# Graded assignments (instructors only)

Generated from the book's exercise pages by `python3 tasks.py assignments`. Do not publish this
folder: it holds the answer keys and the hidden tests.

- `<page>/student/<page>.ipynb`: the assignment to hand out (no answers, public tests only).
- `<page>/autograder/autograder.zip`: what Otter-Grader grades with (solutions, hidden tests).
  Grade a folder of submissions locally, without Docker:
  `otter run -a <page>/autograder/autograder.zip -o results/ submission.ipynb`
  (results.json holds one score per question).
- `<page>/master/<page>.ipynb`: the Otter-Grader master notebook the two were made from.
- `student-notebooks/`: the self-check notebooks of the site (not for grading: their answer key
  is readable by students).

Numeric and multiple-choice questions are worth one point each, graded by a hidden test that
reads the answer as the self-check does (a share as 0.6, 60 or "60%"). Written questions are
marked `manual: true`: grade them with the rubric and the model answer in the master notebook.
"""


def pages() -> list[Path]:
    return sorted(EXERCISES.glob("0*.ipynb"))


def write_students(out: Path, sources: list[Path] | None = None) -> list[Path]:
    """Write the student notebook of every page into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources or pages():
        nb = authoring.student_notebook(source, root=ROOT)
        target = out / source.name
        nbformat.write(nb, target)
        written.append(target)
    return written


def write_assignments(
    out: Path, sources: list[Path] | None = None, *, otter: str = "otter"
) -> list[Path]:
    """Write each page's Otter-Grader master notebook and run ``otter assign`` on it.

    Returns the assignment folders ``out/<page>``; each holds ``student/`` (what students get)
    and ``autograder/`` (the notebook with solutions, the hidden tests and the zip that
    ``otter run`` grades with).
    """
    out.mkdir(parents=True, exist_ok=True)
    folders = []
    for source in sources or pages():
        folder = out / source.stem
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        master = folder / "master" / f"{source.stem}.ipynb"
        master.parent.mkdir()
        nbformat.write(authoring.otter_master(source, name=source.stem, root=ROOT), master)
        dist = folder / "dist"
        subprocess.run([otter, "assign", str(master), str(dist)], check=True, cwd=master.parent)
        for part in ("student", "autograder"):
            shutil.move(str(dist / part), str(folder / part))
        for archive in (folder / "autograder").glob("*-autograder_*.zip"):
            archive.rename(folder / "autograder" / "autograder.zip")
        shutil.rmtree(dist)
        folders.append(folder)
    (out / "README.md").write_text(ASSIGNMENTS_README, encoding="utf-8")
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(STUDENT), help="folder for the student notebooks")
    parser.add_argument("--assignments", help="also write the graded assignments into this folder")
    parser.add_argument("pages", nargs="*", help="exercise pages (default: all)")
    args = parser.parse_args(argv)
    sources = [Path(p).resolve() for p in args.pages] or None
    for path in write_students(Path(args.out), sources):
        print(f"wrote {path}")
    if args.assignments:
        otter = str(Path(sys.executable).with_name("otter"))
        for folder in write_assignments(Path(args.assignments), sources, otter=otter):
            print(f"wrote {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

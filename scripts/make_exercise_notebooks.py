#!/usr/bin/env python3
"""Check that every exercise page, exercises/0N_*.ipynb, is well formed and its key computes.

The exercise pages are the single source of the exercises: an instructor edits them like any
other page (see exercises/README.md). This script does not write them; it checks that each
question has its ``{exercise}`` block with a hint, an answer cell, a check cell and a gated
solution that registers the answer key, and that running the page's code gives a key for every
question (the expected answers are computed by the solution cells, never typed).

    python scripts/make_exercise_notebooks.py          check every page (exit 1 on a problem)
    python scripts/make_exercise_notebooks.py PAGE...  check the pages given
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cpvkit.exercises import authoring  # noqa: E402

EXERCISES = ROOT / "exercises"


def pages() -> list[Path]:
    """The exercise pages of the book, in chapter order."""
    return sorted(EXERCISES.glob("0*.ipynb"))


def problems(path: Path) -> list[str]:
    """What is wrong with one page (empty when it is fine)."""
    found = authoring.page_problems(path)
    if found:
        return found
    sheet = authoring.answer_key(path)
    numbers = sorted(authoring.parse_page(path))
    return [
        f"question {n}: its solution registered no key" for n in numbers if n not in sheet.questions
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to check (default: all)")
    args = parser.parse_args(argv)
    bad = 0
    for path in [Path(p).resolve() for p in args.pages] or pages():
        found = problems(path)
        for problem in found:
            print(f"{path.relative_to(ROOT)}: {problem}")
        bad += bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

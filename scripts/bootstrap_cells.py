#!/usr/bin/env python3
"""Give every notebook of the book the set-up cell that installs cpvkit where it is missing.

A notebook opened outside the project (downloaded from the site, launched on Colab, a JupyterHub
or Binder, or run in JupyterLite in the browser) has no ``cpvkit``. Its first code cell, the one
written here, installs it with ``%pip`` when the package cannot be found and does nothing when it
is there (in the project's environment, in the book build, in the tests). In JupyterLite the
Pyodide kernel turns ``%pip`` into ``piplite``, which installs the wheel served with the site.
Where myst-nb (a build tool of the book) is missing, it lets ``from myst_nb import glue`` work.

The cell is tagged ``bootstrap`` (the student-notebook generator keeps such cells unchanged) and
``remove-cell`` (the book's pages leave it out: a reader of the site has nothing to install).
Its text is :data:`SOURCE`, the one copy; running the script again updates every notebook.

    python scripts/bootstrap_cells.py            insert or update the cell in every notebook
    python scripts/bootstrap_cells.py --check    exit 1 if a notebook lacks the current cell
    python scripts/bootstrap_cells.py PATH ...   only these notebooks (or folders)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: folders whose notebooks (recursively) get the cell
FOLDERS = ("chapters", "exercises")
#: sub-folders left alone: the student copies are written from the exercise pages (and keep
#: the cell those carry), checkpoints are Jupyter's
SKIP = {"student", ".ipynb_checkpoints"}
#: the tag that marks the cell (kept by the student-notebook generator)
TAG = "bootstrap"
#: every tag of the cell, in this order
TAGS = [TAG, "remove-cell"]
#: the stable id of the cell
CELL_ID = "cpvkit-bootstrap"
#: the cell's code: silent when cpvkit is importable, an install (pip or piplite) otherwise;
#: then the chapters' ``from myst_nb import glue`` works without the book's build tools
SOURCE = """\
import importlib.util

if importlib.util.find_spec("cpvkit") is None:
    %pip install --quiet cpvkit
    importlib.invalidate_caches()
from cpvkit._notebook import use_glue_stand_in

use_glue_stand_in()"""


def notebooks(paths: list[Path] | None = None) -> list[Path]:
    """The notebooks to treat: every ``.ipynb`` under the folders (or the paths given)."""
    roots = paths or [ROOT / folder for folder in FOLDERS]
    found: list[Path] = []
    for root in roots:
        candidates = [root] if root.suffix == ".ipynb" else sorted(root.rglob("*.ipynb"))
        found += [p for p in candidates if not SKIP.intersection(p.relative_to(root).parts)]
    return found


def bootstrap_cell() -> dict:
    """A fresh copy of the set-up cell (nbformat 4 JSON)."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"tags": list(TAGS)},
        "outputs": [],
        "source": SOURCE.splitlines(keepends=True),
    }


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _is_bootstrap(cell: dict) -> bool:
    """The set-up cell: tagged, or (in a copy that rewrote the tags) found by its id."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.get("cell_type") == "code" and (TAG in tags or cell.get("id") == CELL_ID)


def is_current(nb: dict) -> bool:
    """True when the first code cell is the current set-up cell and no other copy exists."""
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    if not code or not _is_bootstrap(code[0]) or _source(code[0]) != SOURCE:
        return False
    tags = code[0].get("metadata", {}).get("tags", [])
    return all(t in tags for t in TAGS) and sum(_is_bootstrap(c) for c in code) == 1


def with_bootstrap(nb: dict) -> dict:
    """The notebook with exactly one current set-up cell, placed before its first code cell.

    An existing set-up cell keeps its outputs and any extra tags; it is moved and its code and
    tags are brought up to date. The other cells are not touched.
    """
    cells = list(nb.get("cells", []))
    old = [c for c in cells if _is_bootstrap(c)]
    cells = [c for c in cells if not _is_bootstrap(c)]
    cell = old[0] if old else bootstrap_cell()
    cell["source"] = SOURCE.splitlines(keepends=True)
    tags = cell.setdefault("metadata", {}).setdefault("tags", [])
    tags += [t for t in TAGS if t not in tags]
    if "id" not in cell and nb.get("nbformat_minor", 0) >= 5:
        cell["id"] = CELL_ID
    first_code = next((i for i, c in enumerate(cells) if c.get("cell_type") == "code"), len(cells))
    cells.insert(first_code, cell)
    return {**nb, "cells": cells}


def _write(path: Path, nb: dict) -> None:
    """Write in the layout the project's notebooks use (``tasks.py notebooks``)."""
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks to update")
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks or folders (default: all)")
    args = parser.parse_args(argv)
    stale = []
    for path in notebooks([p.resolve() for p in args.paths] or None):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if is_current(nb):
            continue
        stale.append(path)
        if not args.check:
            _write(path, with_bootstrap(nb))
            print(f"updated {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if args.check and stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"no current set-up cell in: {names}; run python scripts/bootstrap_cells.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Sphinx extension: the map from each chapter's learning objectives to what practises them.

The ``objective-map`` directive reads ``instructor/objectives.yml`` (which exercises and review,
discussion and case questions practise each numbered objective) and the objectives themselves
from each chapter's "Learning objectives" box, so the map never retypes an objective. Each
chapter becomes a table: the objective, then links to the exercises and the numbers of the
questions that practise it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

MAP = Path("instructor") / "objectives.yml"
KINDS = {"review": "review questions", "discussion": "discussion questions", "case": "case"}
_BOX = re.compile(r":::\{admonition\} Learning objectives\n(.*?)\n:::", re.S)
_ITEM = re.compile(r"^(\d+)\. (.*?)(?=^\d+\. |\Z)", re.S | re.M)


def learning_objectives(notebook: Path) -> dict[int, str]:
    """The numbered learning objectives of a chapter notebook, as one line of text each."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        match = _BOX.search("".join(cell["source"]))
        if match:
            return {int(n): " ".join(text.split()) for n, text in _ITEM.findall(match[1])}
    return {}


def load_map(root: Path) -> dict[str, dict[int, dict[str, list]]]:
    """The objective map: chapter -> objective number -> kind -> items."""
    return yaml.safe_load((root / MAP).read_text(encoding="utf-8"))


def _question(label: str) -> str:
    """The short name of an exercise label: ``ex1-q14`` is question 14, shown as ``Q14``."""
    match = re.search(r"-q(\d+)$", label)
    return f"Q{match[1]}" if match else label


def _item(kind: str, item: object) -> str:
    """A question number as text, a case (its section label) as a link."""
    return f"{{ref}}`{item}`" if kind == "case" else str(item)


class ObjectiveMap(SphinxDirective):
    """One table per chapter: each learning objective and what practises it."""

    def run(self) -> list:
        root = Path(self.env.srcdir)
        self.env.note_dependency(str(root / MAP))
        lines: list[str] = []
        for chapter, objectives in load_map(root).items():
            notebook = root / "chapters" / f"{chapter}.ipynb"
            self.env.note_dependency(str(notebook))
            texts = learning_objectives(notebook)
            lines += [f"**{{doc}}`/chapters/{chapter}`**", ""]
            lines += ["| Objective | Exercises | Questions |", "| --- | --- | --- |"]
            for number, text in texts.items():
                practice = objectives.get(number) or {}
                exercises = ", ".join(
                    f"{{ref}}`{_question(label)} <{label}>`"
                    for label in practice.get("exercises", [])
                )
                questions = "; ".join(
                    f"{name} {', '.join(_item(kind, q) for q in practice[kind])}"
                    for kind, name in KINDS.items()
                    if practice.get(kind)
                )
                lines.append(f"| {number}. {text} | {exercises} | {questions} |")
            lines.append("")
        return self.parse_text_to_nodes("\n".join(lines))


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("objective-map", ObjectiveMap)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

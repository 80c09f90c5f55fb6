"""Every learning objective of every chapter is practised by an exercise or a question.

The map is ``instructor/objectives.yml``; the objectives are read from the chapters, the
questions from the chapters' review sections and the exercises from the exercise pages.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))

from objectives import learning_objectives, load_map  # noqa: E402

MAP = load_map(ROOT)
EXERCISE_PAGES = {
    "01_satisfaction": "01_satisfaction",
    "02_perceived_value": "02_perceived_value",
    "03_relationship_marketing": "03_relationship_marketing",
    "04_crm_clv": "04_crm_clv",
}


def _numbered(review: str, heading: str) -> set[int]:
    """The numbers of the list under a ``###`` heading of a review section."""
    part = re.split(r"^### ", review, flags=re.M)
    body = next(p for p in part if p.startswith(heading))
    return {int(n) for n in re.findall(r"^(\d+)\. ", body, flags=re.M)}


def _labels(path: Path) -> set[str]:
    """Every ``(label)=`` and ``:label:`` of a notebook's markdown."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return set(re.findall(r"^\(([\w-]+)\)=$", text, re.M)) | set(
        re.findall(r"^:label: (\S+)$", text, re.M)
    )


def test_map_covers_every_chapter() -> None:
    assert sorted(MAP) == sorted(EXERCISE_PAGES)


@pytest.mark.parametrize("chapter", sorted(EXERCISE_PAGES))
def test_every_objective_is_practised(chapter: str) -> None:
    objectives = learning_objectives(ROOT / "chapters" / f"{chapter}.ipynb")
    assert len(objectives) >= 5, f"{chapter}: learning objectives not found"
    entries = MAP[chapter]
    assert set(entries) <= set(objectives), f"{chapter}: map names objectives the chapter lacks"
    bare = [n for n in objectives if not any((entries.get(n) or {}).values())]
    assert not bare, f"{chapter}: objectives practised by nothing: {bare}"


@pytest.mark.parametrize("chapter", sorted(EXERCISE_PAGES))
def test_everything_named_in_the_map_exists(chapter: str) -> None:
    review = (ROOT / "chapters" / "review" / f"{chapter}.md").read_text(encoding="utf-8")
    questions = {
        "review": _numbered(review, "Review questions"),
        "discussion": _numbered(review, "Discussion questions"),
    }
    exercises = _labels(ROOT / "exercises" / f"{EXERCISE_PAGES[chapter]}.ipynb")
    sections = _labels(ROOT / "chapters" / f"{chapter}.ipynb")
    for number, practice in MAP[chapter].items():
        for kind, items in practice.items():
            known = {"exercises": exercises, "case": sections}.get(kind, questions.get(kind))
            assert known is not None, f"{chapter} objective {number}: unknown kind {kind!r}"
            missing = [i for i in items if i not in known]
            assert not missing, f"{chapter} objective {number}: no {kind} {missing}"

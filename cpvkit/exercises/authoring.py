"""From an exercise page to its answer key, its student notebook and its graded assignment.

The exercise page ``exercises/0N_*.ipynb`` is the only source. It is written like any other page
of the book, with a few conventions (see ``exercises/README.md``):

- each question is an ``{exercise}`` block labelled ``exK-qN`` (question N of chapter K); inside
  it the prompt, for a multiple-choice question the options as a list ``- **A.** text``, and a
  hint as an ``{admonition} Hint`` block;
- an answer cell ``answer_N = None`` and a check cell ``ex.check(N)`` follow;
- the worked solution sits between ``{solution-start} exK-qN`` and ``{solution-end}``: code
  cells that compute the answer (their output shows in the book), a *key* cell tagged
  ``remove-cell`` that registers the answer and the typical mistakes with the page's
  :class:`~cpvkit.exercises.Sheet`, and markdown that explains it, with its numbers glued;
  a written question has ``{admonition} Model answer`` and ``{admonition} Rubric`` blocks;
- a cell tagged ``bootstrap`` (the install cell) is copied unchanged to every derived notebook.

:func:`answer_key` runs the page's code to compute the key; :func:`student_notebook` and
:func:`otter_master` derive the student copy and the Otter-Grader master notebook from it.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
from pathlib import Path
from typing import Any

from cpvkit.exercises._core import Sheet

__all__ = ["answer_key", "page_problems", "parse_page", "student_notebook", "otter_master"]

BOOTSTRAP_TAG = "bootstrap"
_FENCE = re.compile(
    r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)
_LABEL = re.compile(r"^:label:\s*ex(\d+)-q(\d+)\s*$", re.M)
_OPTION = re.compile(r"^- \*\*(?P<label>[^*]+?)\.\*\*[ \t]+(?P<text>.*(?:\n[ \t]+\S.*)*)", re.M)
_WORDS = re.compile(r"(\d+)\s*[-–]\s*(\d+)\s+words")


def _source(cell: Any) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _read(nb: Any) -> Any:
    if isinstance(nb, str | os.PathLike):
        import nbformat

        return nbformat.read(Path(nb), as_version=4)
    return nb


def _body_and_options(body: str) -> tuple[str, dict[str, str]]:
    """Strip directive options (``:label: ...``) from the start of a block body."""
    lines = body.split("\n")
    opts: dict[str, str] = {}
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        key, _, value = lines.pop(0)[1:].partition(":")
        opts[key] = value.strip()
    return "\n".join(lines).strip(), opts


def _admonitions(body: str) -> dict[str, str]:
    found = {}
    for m in _FENCE.finditer(body):
        if m["name"] == "admonition":
            text, _ = _body_and_options(m["body"])
            found[m["arg"].strip().casefold()] = text
    return found


def _solution_ranges(cells: list[Any]) -> list[tuple[int, int, str]]:
    """(first, last, label) of every gated solution, cell indices inclusive."""
    out = []
    start = None
    label = ""
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        src = _source(cell)
        m = re.search(r"\{solution-start\}[ \t]*(\S+)", src)
        if m:
            start, label = i, m.group(1)
        if "{solution-end}" in src and start is not None:
            out.append((start, i, label))
            start = None
    return out


def parse_page(nb: Any) -> dict[int, dict[str, Any]]:
    """The text of every question on an exercise page, keyed by question number.

    Each entry has ``title``, ``prompt`` (markdown, options and hint left out), ``hint``,
    ``options`` (list of [label, text]), ``words`` (the length range the prompt asks for) and,
    from the solution, ``model`` and ``rubric`` (written questions).
    """
    nb = _read(nb)
    questions: dict[int, dict[str, Any]] = {}
    for cell in nb.cells:
        if cell["cell_type"] != "markdown":
            continue
        for m in _FENCE.finditer(_source(cell)):
            if m["name"] != "exercise":
                continue
            body, opts = _body_and_options(m["body"])
            label = re.match(r"ex(\d+)-q(\d+)$", opts.get("label", ""))
            if not label:
                continue
            n = int(label.group(2))
            hint = _admonitions(body).get("hint", "")
            prompt = _FENCE.sub("", body)
            options = [
                [o["label"].strip(), " ".join(o["text"].split())] for o in _OPTION.finditer(prompt)
            ]
            prompt = _OPTION.sub("", prompt).strip()
            words = _WORDS.search(prompt)
            title = re.sub(r"^Question\s+\d+:\s*", "", m["arg"].strip())
            questions[n] = {
                "label": opts["label"],
                "title": title,
                "prompt": prompt,
                "hint": hint,
                "options": options,
                "words": [int(words.group(1)), int(words.group(2))] if words else None,
            }
    for first, last, label in _solution_ranges(nb.cells):
        m = re.match(r"ex\d+-q(\d+)$", label)
        if not m or int(m.group(1)) not in questions:
            continue
        text = "\n\n".join(
            _source(c) for c in nb.cells[first + 1 : last] if c["cell_type"] == "markdown"
        )
        blocks = _admonitions(text)
        q = questions[int(m.group(1))]
        q["model"] = blocks.get("model answer", "")
        rubric = blocks.get("rubric", "")
        q["rubric"] = [
            re.sub(r"^[-*]\s+", "", line).strip() for line in re.findall(r"^[-*] .+$", rubric, re.M)
        ]
        q["solution_markdown"] = text
    return questions


def _labels_of_book(root: Path) -> dict[str, str]:
    """Section titles of the book's labels, ``(label)=`` followed by a heading."""
    import json

    titles = {}
    for path in sorted(root.glob("chapters/*.ipynb")) + sorted(root.glob("exercises/0*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        for cell in cells:
            if cell.get("cell_type") == "markdown":
                for label, title in re.findall(
                    r"^\(([\w-]+)\)=\s*\n#+\s+(.+)$", _source(cell), re.M
                ):
                    titles[label] = title.strip()
    return titles


def plain_text(
    markdown: str, glued: dict[str, Any] | None = None, labels: dict[str, str] | None = None
) -> str:
    """Markdown as text for a printed message: glued numbers filled in, roles resolved."""
    glued = glued or {}
    labels = labels or {}

    def glue(m: re.Match[str]) -> str:
        name, _, fmt = m.group(2).partition(":")
        if name not in glued:
            return m.group(0)
        value = glued[name]
        return format(value, fmt) if fmt and not isinstance(value, str) else str(value)

    def ref(m: re.Match[str]) -> str:
        text = m.group(2)
        inner = re.match(r"(.*?)\s*<([^>]+)>$", text)
        if inner:
            return inner.group(1)
        return labels.get(text, text)

    text = re.sub(r"\{glue(:text|:md)?\}`([^`]+)`", glue, markdown)
    text = re.sub(r"\s*\{cite(:\w+)?\}`[^`]+`", "", text)
    text = re.sub(r"\{(ref|numref|doc|term)\}`([^`]+)`", ref, text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*(.+?)\*(?!\w)", r"\1", text)
    return " ".join(text.split())


def answer_key(nb: Any, *, root: Path | None = None) -> Sheet:
    """Run an exercise page's code and return its :class:`Sheet` with the full answer key.

    The cells run in one namespace, in order, outside Jupyter (the bootstrap cell and shell or
    magic lines are skipped). The text the checks print (hints, options, rubric, model answer)
    is taken from the page's markdown, with its glued numbers filled in.
    """
    path = Path(nb) if isinstance(nb, str | os.PathLike) else None
    nb = _read(nb)
    root = root or (path.resolve().parents[1] if path else Path.cwd())
    ns: dict[str, Any] = {"__name__": "__exercise_page__"}
    os.environ.setdefault("MPLBACKEND", "Agg")
    with contextlib.redirect_stdout(io.StringIO()):
        for i, cell in enumerate(nb.cells):
            if cell["cell_type"] != "code" or BOOTSTRAP_TAG in _tags(cell):
                continue
            code = "\n".join(
                line
                for line in _source(cell).splitlines()
                if not line.lstrip().startswith(("%", "!"))
            )
            exec(compile(code, f"<exercise page cell {i}>", "exec"), ns)  # noqa: S102 - the page
    sheets = [v for v in ns.values() if isinstance(v, Sheet)]
    if not sheets:
        raise ValueError("the exercise page creates no Sheet (ex = Sheet('ex-...')) in its set-up")
    sheet = sheets[0]
    try:
        import matplotlib.pyplot as plt

        plt.close("all")
    except ImportError:  # pragma: no cover
        pass
    labels = _labels_of_book(root)
    for n, text in parse_page(nb).items():
        if n not in sheet.questions:
            continue
        q = sheet.questions[n]
        q["title"] = text["title"]
        q["prompt"] = plain_text(text["prompt"], sheet.glued, labels)
        q["hint"] = plain_text(text["hint"], sheet.glued, labels)
        if q["kind"] == "choice":
            q["options"] = [[lab, plain_text(t, sheet.glued, labels)] for lab, t in text["options"]]
        if q["kind"] == "written":
            q["words"] = text["words"] or [40, 150]
            q["model"] = plain_text(text.get("model", ""), sheet.glued, labels)
            q["rubric"] = [plain_text(r, sheet.glued, labels) for r in text.get("rubric", [])]
    return sheet


def page_problems(nb: Any) -> list[str]:
    """What is wrong with the structure of an exercise page (empty when it is well formed)."""
    nb = _read(nb)
    problems = []
    questions = parse_page(nb)
    if not questions:
        return ["no {exercise} block labelled exK-qN"]
    codes = [_source(c) for c in nb.cells if c["cell_type"] == "code"]
    ranges = {label: (a, b) for a, b, label in _solution_ranges(nb.cells)}
    for n, q in questions.items():
        if not any(re.match(rf"answer_{n}\s*=", c.strip()) for c in codes):
            problems.append(f"question {n}: no answer cell answer_{n} = ...")
        if not any(c.strip() == f"ex.check({n})" for c in codes):
            problems.append(f"question {n}: no check cell ex.check({n})")
        if q["label"] not in ranges:
            problems.append(
                f"question {n}: no {{solution-start}} {q['label']} ... {{solution-end}}"
            )
            continue
        a, b = ranges[q["label"]]
        keys = [
            c
            for c in nb.cells[a:b]
            if c["cell_type"] == "code"
            and re.search(rf"ex\.(number|choice|written)\(\s*{n}\b", _source(c))
        ]
        if not keys:
            problems.append(
                f"question {n}: its solution registers no key (ex.number/choice/written({n}, ...))"
            )
        if not q["hint"]:
            problems.append(f"question {n}: no {{admonition}} Hint")
    return problems


def _student_markdown(src: str, labels: dict[str, str]) -> str:
    """An exercise block as plain notebook markdown (a heading, the prompt, a folded hint)."""

    def exercise(m: re.Match[str]) -> str:
        if m["name"] != "exercise":
            return m.group(0)
        body, _ = _body_and_options(m["body"])

        def hint(h: re.Match[str]) -> str:
            if h["name"] == "admonition" and h["arg"].strip().casefold() == "hint":
                text, _ = _body_and_options(h["body"])
                return f"<details><summary>Hint</summary>\n\n{text}\n\n</details>"
            return h.group(0)

        return f"### {m['arg'].strip()}\n\n{_FENCE.sub(hint, body)}"

    src = _FENCE.sub(exercise, src)
    src = re.sub(r"\{term\}`([^`]+)`", lambda m: re.sub(r"\s*<[^>]+>$", "", m.group(1)), src)
    src = re.sub(
        r"\{doc\}`([^`]+)`", lambda m: f"the *{Path(m.group(1)).name}* page of the book", src
    )

    def ref(m: re.Match[str]) -> str:
        text = m.group(2)
        inner = re.match(r"(.*?)\s*<([^>]+)>$", text)
        title = inner.group(1) if inner else labels.get(text, text)
        return f"*{title}*"

    src = re.sub(r"\{(ref|numref)\}`([^`]+)`", ref, src)
    src = re.sub(r"^\([\w-]+\)=\s*\n", "", src, flags=re.M)
    return src


KEY_CELL = (
    "# The answer key of the self-checks: run this cell once, do not edit it.\n"
    "# (The worked solutions are on the book's website.)\n"
    'ex.load("""\n{key}\n""")'
)
STUDENT_NOTE = (
    "\n\n> **Student copy.** Run the cells from the top. Write each answer in place of `None` "
    'and run the check below it; shares may be written as 0.6, 60 or "60%". Written answers '
    "are not graded: the check shows a rubric and a model answer to compare yours with."
)


def _wrap(text: str, width: int = 76) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def student_notebook(nb: Any, sheet: Sheet | None = None, *, root: Path | None = None) -> Any:
    """The student copy of an exercise page: no solutions, no outputs, the answer key loaded.

    The cell tagged ``bootstrap`` is copied unchanged; the key cell is inserted after the cell
    that creates the page's :class:`Sheet`.
    """
    import nbformat

    path = Path(nb) if isinstance(nb, str | os.PathLike) else None
    src_nb = _read(nb)
    root = root or (path.resolve().parents[1] if path else Path.cwd())
    sheet = sheet if sheet is not None else answer_key(src_nb, root=root)
    labels = _labels_of_book(root)
    drop = set()
    for a, b, _ in _solution_ranges(src_nb.cells):
        drop.update(range(a, b + 1))
    cells = []
    keyed = False
    for i, cell in enumerate(src_nb.cells):
        if i in drop or "instructor" in _tags(cell):
            continue
        if BOOTSTRAP_TAG in _tags(cell):
            cells.append(copy.deepcopy(cell))
            continue
        if cell["cell_type"] == "markdown":
            new = nbformat.v4.new_markdown_cell(_student_markdown(_source(cell), labels))
        else:
            new = nbformat.v4.new_code_cell(_source(cell))
        if "id" in cell:
            new["id"] = cell["id"]
        cells.append(new)
        if cell["cell_type"] == "code" and not keyed and re.search(r"\bSheet\(", _source(cell)):
            key = nbformat.v4.new_code_cell(KEY_CELL.format(key=_wrap(sheet.dump())))
            key["id"] = f"{sheet.label}-key"
            cells.append(key)
            keyed = True
    if not keyed:
        raise ValueError("the exercise page has no set-up cell that creates its Sheet")
    first = next((c for c in cells if c["cell_type"] == "markdown"), None)
    if first is not None:
        first["source"] = first["source"].rstrip() + STUDENT_NOTE
    out = nbformat.v4.new_notebook(cells=cells)
    out["metadata"] = {
        "kernelspec": dict(
            src_nb["metadata"].get(
                "kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"}
            )
        ),
        "language_info": {"name": "python"},
    }
    return out


def otter_master(
    nb: Any, sheet: Sheet | None = None, *, name: str = "", root: Path | None = None
) -> Any:
    """The Otter-Grader master notebook of an exercise page (``otter assign`` input).

    Every numeric and multiple-choice question becomes an autograded question worth one point,
    with one public test (the answer has the right form) and one hidden test (the value, read as
    the self-check reads it); a written question becomes a manually graded question whose
    solution is the model answer and the rubric. The install cell (tag ``bootstrap``) is kept
    for the students and tagged ``otter_ignore``, so that the autograder does not run it.
    """
    import nbformat

    path = Path(nb) if isinstance(nb, str | os.PathLike) else None
    src_nb = _read(nb)
    root = root or (path.resolve().parents[1] if path else Path.cwd())
    sheet = sheet if sheet is not None else answer_key(src_nb, root=root)
    labels = _labels_of_book(root)
    text = parse_page(src_nb)
    raw = nbformat.v4.new_raw_cell
    md = nbformat.v4.new_markdown_cell
    code = nbformat.v4.new_code_cell
    name = name or sheet.label
    cells = [
        raw(
            "# ASSIGNMENT CONFIG\n"
            f"name: {name}\n"
            "init_cell: true\n"
            "check_all_cell: false\n"
            "export_cell: false\n"
            "solutions_pdf: false\n"
            "generate: true\n"
            "tests:\n  files: false\n  ok_format: false\n"
        )
    ]
    drop = set()
    for a, b, _ in _solution_ranges(src_nb.cells):
        drop.update(range(a, b + 1))
    for i, cell in enumerate(src_nb.cells):
        if i in drop or "instructor" in _tags(cell):
            continue
        src = _source(cell)
        if BOOTSTRAP_TAG in _tags(cell):
            # the install cell, for the students; the autograder has its own environment
            boot = copy.deepcopy(cell)
            boot.setdefault("metadata", {}).setdefault("tags", []).append("otter_ignore")
            cells.append(boot)
            continue
        if cell["cell_type"] == "code":
            if re.match(r"answer_\d+\s*=", src.strip()) or src.strip().startswith("ex.check("):
                continue
            cells.append(code(src))
            continue
        m = _LABEL.search(src)
        if not m:
            cells.append(md(_student_markdown(src, labels)))
            continue
        n = int(m.group(2))
        q = sheet.questions.get(n)
        if q is None:
            continue
        manual = q["kind"] == "written"
        cells.append(
            raw(f"# BEGIN QUESTION\nname: q{n}\npoints: 1" + ("\nmanual: true" if manual else ""))
        )
        cells.append(md(_student_markdown(src, labels)))
        if manual:
            rubric = "\n".join(f"- {r}" for r in text[n].get("rubric", []))
            cells.append(raw("# BEGIN SOLUTION"))
            cells.append(
                md(f"**Model answer.** {text[n].get('model', '')}\n\n**Rubric.**\n\n{rubric}")
            )
            cells.append(raw("# END SOLUTION"))
            cells.append(raw("# END QUESTION"))
            continue
        cells.append(raw("# BEGIN SOLUTION"))
        cells.append(code(f"answer_{n} = {q['answer']!r}  # SOLUTION"))
        cells.append(raw("# END SOLUTION"))
        if q["kind"] == "number":
            check = (
                "    from cpvkit.exercises import accepts\n\n"
                f"    assert accepts(answer_{n}, {q['answer']!r}, rel_tol={q['rel_tol']!r}, "
                f"abs_tol={q['abs_tol']!r}, share={q['share']!r})"
            )
        else:
            check = (
                "    from cpvkit.exercises import accepts_option\n\n"
                f"    assert accepts_option(answer_{n}, {q['answer']!r}, {q.get('options', [])!r})"
            )
        public = (
            f"def test_q{n}_answered(answer_{n}):\n"
            f"    assert answer_{n} is not None and answer_{n} is not ..., "
            f'"write your answer in answer_{n}"'
        )
        hidden = f"def test_q{n}_value(answer_{n}):\n{check}"
        cells.append(raw("# BEGIN TESTS"))
        cells.append(code(f'""" # BEGIN TEST CONFIG\npoints: 0\n""" # END TEST CONFIG\n{public}'))
        cells.append(
            code(
                f'""" # BEGIN TEST CONFIG\nhidden: true\npoints: 1\n""" # END TEST CONFIG\n{hidden}'
            )
        )
        cells.append(raw("# END TESTS"))
        cells.append(raw("# END QUESTION"))
    out = nbformat.v4.new_notebook(cells=cells)
    out["metadata"] = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    return out

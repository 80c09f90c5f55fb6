"""The exercise pages, their self-checks, the student notebooks and the graded assignments.

The exercise page (exercises/0N_*.ipynb) is the only source. Every reference answer must pass
its own check, every listed mistake must fail with its feedback, a written answer is never
called right, every form of answer the pages promise is read, the student notebook generated
from a page runs and accepts the reference answers, and an Otter-Grader assignment generated
from a page grades a correct and a wrong submission as it should.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import nbformat
import pytest

from cpvkit.exercises import Sheet, accepts, accepts_option, authoring, written_size

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "exercises").glob("0*.ipynb"))
TEXT = {p.stem: authoring.parse_page(p) for p in PAGES}
QUESTIONS = [
    pytest.param(p.stem, n, id=f"{p.stem[:2]}-q{n}") for p in PAGES for n in sorted(TEXT[p.stem])
]
OFF_TOPIC = (
    "The weather was lovely this weekend and we walked along the river to the old bridge, "
    "where children were feeding the ducks while a band played in the park next to the "
    "station, and we ate ice cream before taking the train home in the evening sun."
)
CHINESE = (
    "顾客满意来自感知绩效与期望的比较。两位顾客的期望不同，同样的服务对一位是超出期望，"
    "对另一位是低于期望。期望来自过去的经验、口碑和企业自己的承诺。企业在广告中过度承诺，"
    "会抬高期望，在同样的绩效下造成不满，所以应当只承诺能够做到的事情，并且可靠地做到。"
)


@cache
def key(stem: str) -> Sheet:
    return authoring.answer_key(ROOT / "exercises" / f"{stem}.ipynb")


def _reference(q: dict) -> object:
    return q["model"] if q["kind"] == "written" else q["answer"]


def test_pages_are_well_formed() -> None:
    assert len(PAGES) == 4
    for page in PAGES:
        assert authoring.page_problems(page) == [], page.name
    result = subprocess.run(
        [sys.executable, "scripts/make_exercise_notebooks.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_chapter_has_twelve_exercises_of_every_kind(page: Path) -> None:
    sheet = key(page.stem)
    assert len(sheet.questions) >= 12
    assert sorted(sheet.questions) == list(range(1, len(sheet.questions) + 1))
    assert sorted(sheet.questions) == sorted(TEXT[page.stem])
    kinds = {q["kind"] for q in sheet.questions.values()}
    assert kinds == {"number", "choice", "written"}


@pytest.mark.parametrize(("stem", "n"), QUESTIONS)
def test_reference_answer_passes_its_check(stem: str, n: int) -> None:
    sheet = key(stem)
    q = sheet.questions[n]
    result = sheet.check(n, _reference(q), quiet=True)
    if q["kind"] == "written":
        assert result.status == "self-assess", result.message
        assert "not graded" in result.message and "correct" not in result.message.casefold()
        assert q["model"] in result.message
        assert all(item in result.message for item in q["rubric"]) and len(q["rubric"]) >= 3
        return
    assert result.correct, result.message
    if q["kind"] == "number":
        value = q["answer"]
        assert sheet.check(n, str(value), quiet=True).correct
        if q["share"]:
            assert sheet.check(n, value * 100, quiet=True).correct, "a share in percent"
            assert sheet.check(n, f"{value * 100:.6f}%", quiet=True).correct, "a share as text"
        assert accepts(value, value, rel_tol=q["rel_tol"], abs_tol=q["abs_tol"], share=q["share"])
    else:
        assert accepts_option(q["answer"], q["answer"], q["options"])
        text = dict(q["options"])[q["answer"]]
        assert sheet.check(n, text, quiet=True).correct, "the option's text"
        if q["answer"].isdigit():
            assert sheet.check(n, int(q["answer"]), quiet=True).correct


@pytest.mark.parametrize(("stem", "n"), QUESTIONS)
def test_listed_mistakes_and_wrong_options_fail(stem: str, n: int) -> None:
    sheet = key(stem)
    q = sheet.questions[n]
    if q["kind"] == "number":
        assert q["mistakes"], "every numeric question lists at least one typical mistake"
        assert q["hint"], "and a hint"
        for value, feedback in q["mistakes"]:
            result = sheet.check(n, value, quiet=True)
            assert result.status == "incorrect", (value, feedback)
            assert feedback in result.message and q["hint"] in result.message
            assert not accepts(
                value, q["answer"], rel_tol=q["rel_tol"], abs_tol=q["abs_tol"], share=q["share"]
            )
        far = q["answer"] * 1.5 + 1
        assert sheet.check(n, far, quiet=True).status == "incorrect"
    elif q["kind"] == "choice":
        labels = [label for label, _ in q["options"]]
        assert q["answer"] in labels and len(labels) >= 3
        for label, text in q["options"]:
            if label == q["answer"]:
                continue
            for given in (label, label.lower(), text):
                result = sheet.check(n, given, quiet=True)
                assert result.status == "incorrect", (given, result.message)
                assert q["hint"] in result.message
                assert q["feedback"].get(label, "") in result.message
            assert not accepts_option(label, q["answer"], q["options"])


@pytest.mark.parametrize(("stem", "n"), QUESTIONS)
def test_written_answers_are_never_called_right(stem: str, n: int) -> None:
    sheet = key(stem)
    q = sheet.questions[n]
    if q["kind"] != "written":
        return
    low, high = q["words"]
    stated = re.search(r"about (\d+)-(\d+) words", TEXT[stem][n]["prompt"])
    assert stated and (int(stated[1]), int(stated[2])) == (low, high), "the prompt states the range"
    answers = {
        "stuffed": "expect disconfirm promise deliver compare trade-off value loyal " * 10,
        "pasted": q["prompt"],
        "short": "Customer loyalty.",
        "yes": "yes",
        "off topic": OFF_TOPIC,
        "off topic twice": OFF_TOPIC * 2,
        "model": q["model"],
        "chinese": CHINESE,
        "chinese short": "期望不同。",
    }
    results = {name: sheet.check(n, text, quiet=True) for name, text in answers.items()}
    for name, result in results.items():
        assert result.status != "correct" and not result.correct, name
        assert "correct" not in result.message.replace("incorrect", "").casefold(), name
    for name in ("stuffed", "pasted", "short", "yes", "chinese short", "off topic twice"):
        assert results[name].status in ("incorrect", "unanswered"), (name, results[name].message)
        assert q["model"] not in results[name].message, "the model answer waits for substance"
    for name in ("model", "chinese", "off topic"):
        assert results[name].status == "self-assess", (name, results[name].message)
    assert "Chinese characters" in results["chinese"].message


def test_chinese_is_counted_by_characters() -> None:
    size, words, chars = written_size(CHINESE)
    assert words == 0 and chars > 100 and size == pytest.approx(chars / 2)
    assert written_size("NPS 是净推荐值")[1:] == (1, 5)


def test_answers_in_every_promised_form() -> None:
    sheet = Sheet("ex-demo")
    sheet.number(1, 0.634, share=True, mistakes={0.8: "Not the rule of thumb."})
    sheet.number(2, 1_090_000.0)
    sheet.number(3, 3_535.0, abs_tol=1.0)
    for given in (0.634, 63.4, "63.4%", "63.4 %", " 0.634 ", 0.63, 63):
        assert sheet.check(1, given, quiet=True).correct, given
    assert "read '54%' as 0.54" in sheet.check(1, "54%", quiet=True).message
    assert sheet.check(1, 80, quiet=True).status == "incorrect"
    comma = sheet.check(2, (1, 90, 0), quiet=True)
    assert comma.status == "invalid" and "commas" in comma.message and "1090000" in comma.message
    assert sheet.check(2, "1,090,000", quiet=True).correct
    assert sheet.check(2, 1_090_000, quiet=True).correct
    assert sheet.check(3, 3_536, quiet=True).correct, "15 % of 23,570, rounded"
    assert sheet.check(3, round(0.15 * 23_570), quiet=True).correct
    for bad in (True, [1, 2], {"a": 1}, "lots", float("nan")):
        result = sheet.check(2, bad, quiet=True)
        assert result.status == "invalid" and "Traceback" not in result.message
    assert sheet.check(2, None, quiet=True).status == "unanswered"
    assert sheet.check(2, ..., quiet=True).status == "unanswered"
    assert sheet.check(99, 1, quiet=True).status == "invalid"


def test_a_check_before_its_answer_cell_explains_instead_of_failing() -> None:
    sheet = Sheet("ex-demo")
    sheet.number(1, 2.0, mistakes={1.0: "No."})
    ns = {"ex": sheet}
    exec("result = ex.check(1, quiet=True)", ns)  # a notebook cell: answer_1 never defined
    assert ns["result"].status == "unanswered" and "answer_1 is not defined" in ns["result"].message
    exec("answer_1 = 2\nresult = ex.check(1, quiet=True)", ns)
    assert ns["result"].correct


def test_the_key_round_trips_and_the_pages_fix_the_known_problems() -> None:
    sheet = key("01_satisfaction")
    again = Sheet("x").load(sheet.dump())
    assert again.questions == sheet.questions and again.label == "ex-satisfaction"
    kano = next(
        q for q in sheet.questions.values() if q.get("title") == "Kano category of a feature"
    )
    assert [label for label, _ in kano["options"]] == ["1", "2", "3", "4"]
    n = next(k for k, q in sheet.questions.items() if q is kano)
    assert sheet.check(n, "Attractive", quiet=True).correct
    assert sheet.check(n, "A", quiet=True).status == "invalid", "A is a Kano code, not an option"
    ch2 = key("02_perceived_value")
    setup = next(
        c
        for c in nbformat.read(PAGES[1], 4).cells
        if c.cell_type == "code" and "bootstrap" not in c.metadata.get("tags", [])
    )
    assert "cva = value.customer_value_analysis(" in setup.source, "cva is defined for students"
    for title, percent in (
        ("Relative value against the leader", 92.8),
        ("Relative price on the value map", 98),
    ):
        n = next(k for k, q in ch2.questions.items() if q["title"] == title)
        assert ch2.check(n, percent, quiet=True).correct
    text = json.dumps(TEXT["02_perceived_value"])
    assert "above the fair-value line" not in text.replace("above\\nand to the left", "")
    ch3 = json.dumps(TEXT["03_relationship_marketing"])
    assert "never be profitable" not in ch3 and "profitable but not loyal" in ch3
    assert "over the last 8 months" not in ch3
    ch4 = json.dumps(TEXT["04_crm_clv"])
    assert "discount rate by" not in ch4 and "Lower the discount rate" not in ch4


def _formatted(value: float) -> list[str]:
    out = [f"{value:.1%}"] if abs(value) < 1 else []
    if abs(value) >= 1000 or (abs(value) >= 100 and not float(round(value, 6)).is_integer()):
        out += [f"{value:,.0f}", f"{value:,.2f}"]
    elif abs(value) >= 1 and not float(round(value, 6)).is_integer():
        out += [f"{value:.2f}"]
    elif abs(value) < 1:
        out += [f"{value:.3f}"]
    return out


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_numbers_in_explanations_are_glued_not_typed(page: Path) -> None:
    sheet = key(page.stem)
    for n, q in sheet.questions.items():
        if q["kind"] != "number":
            continue
        solution = re.sub(r"\{glue(:\w+)?\}`[^`]+`", "", TEXT[page.stem][n]["solution_markdown"])
        typed = [s for s in _formatted(q["answer"]) if s in solution]
        assert not typed, f"question {n}: the answer {typed} is typed in the explanation"
        assert "{glue" in TEXT[page.stem][n]["solution_markdown"]


def _with_bootstrap(page: Path) -> nbformat.NotebookNode:
    """The page with one known install cell (in place of the page's own, if it has one)."""
    nb = nbformat.read(page, as_version=4)
    nb.cells = [c for c in nb.cells if "bootstrap" not in c.metadata.get("tags", [])]
    cell = nbformat.v4.new_code_cell("%pip install cpvkit  # the install cell")
    cell["id"] = "bootstrap-cell"
    cell["metadata"] = {"tags": ["bootstrap"], "editable": False}
    nb.cells.insert(1, cell)
    return nb


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_student_notebook_has_no_solutions_and_keeps_the_bootstrap_cell(page: Path) -> None:
    source = _with_bootstrap(page)
    student = authoring.student_notebook(source, key(page.stem), root=ROOT)
    boot = [c for c in student.cells if "bootstrap" in c.metadata.get("tags", [])]
    assert boot == [source.cells[1]], "the bootstrap cell is carried unchanged"
    text = "\n".join(c.source for c in student.cells)
    assert "solution-start" not in text and "{solution" not in text and "remove-cell" not in text
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")
    for n, q in TEXT[page.stem].items():
        assert f"answer_{n} = None" in text and f"ex.check({n})" in text
        for line in q["solution_markdown"].splitlines():
            if len(line) > 30 and "{solution" not in line:
                assert line not in text, f"question {n}: solution text in the student notebook"
    assert 'ex.load("""' in text


def _filled(nb: nbformat.NotebookNode, sheet: Sheet, answered: set[int]) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        m = re.match(r"answer_(\d+) = None", cell.source) if cell.cell_type == "code" else None
        if m and int(m.group(1)) in answered:
            n = int(m.group(1))
            cell.source = f"answer_{n} = {_reference(sheet.questions[n])!r}"
    return nb


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_student_notebook_runs_and_accepts_the_reference_answers(page: Path) -> None:
    from nbclient import NotebookClient

    sheet = key(page.stem)
    odd = {n for n in sheet.questions if n % 2}
    nb = _filled(authoring.student_notebook(page, sheet, root=ROOT), sheet, odd)
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "exercises")}},
    ).execute()
    seen = {}
    for cell in nb.cells:
        m = (
            re.fullmatch(r"ex\.check\((\d+)\)", cell.source.strip())
            if cell.cell_type == "code"
            else None
        )
        if m:
            seen[int(m.group(1))] = "".join(o.get("text", "") for o in cell.outputs)
    assert sorted(seen) == sorted(sheet.questions)
    for n, out in seen.items():
        kind = sheet.questions[n]["kind"]
        if n not in odd:
            assert "not answered yet" in out, (n, out)
        elif kind == "written":
            assert "not graded" in out, (n, out)
        else:
            assert f"Question {n}: correct" in out, (n, out)


def test_otter_masters_cover_every_question() -> None:
    for page in PAGES:
        sheet = key(page.stem)
        master = authoring.otter_master(_with_bootstrap(page), sheet, name=page.stem, root=ROOT)
        boot = [c for c in master.cells if "bootstrap" in c.metadata.get("tags", [])]
        assert len(boot) == 1 and "otter_ignore" in boot[0].metadata["tags"], "not run in grading"
        raw = [c.source for c in master.cells if c.cell_type == "raw"]
        assert raw[0].startswith("# ASSIGNMENT CONFIG")
        questions = [r for r in raw if r.startswith("# BEGIN QUESTION")]
        assert len(questions) == len(sheet.questions)
        manual = [r for r in questions if "manual: true" in r]
        assert len(manual) == sum(q["kind"] == "written" for q in sheet.questions.values())


def _submission(student: Path, sheet: Sheet, right: bool) -> nbformat.NotebookNode:
    nb = nbformat.read(student, as_version=4)
    for cell in nb.cells:
        m = re.match(r"answer_(\d+) = \.\.\.", cell.source) if cell.cell_type == "code" else None
        if not m:
            continue
        n = int(m.group(1))
        q = sheet.questions[n]
        if q["kind"] == "number":
            value = (
                (q["answer"] * 100 if q["share"] else q["answer"]) if right else q["mistakes"][0][0]
            )
        else:
            value = (
                q["answer"] if right else next(lab for lab, _ in q["options"] if lab != q["answer"])
            )
        cell.source = f"answer_{n} = {value!r}"
    return nb


def test_otter_assignment_grades_a_right_and_a_wrong_submission(tmp_path: Path) -> None:
    """End to end: otter assign, then otter run (no Docker) on two submissions."""
    otter = Path(sys.executable).with_name("otter")
    if not otter.exists():
        otter = Path(shutil.which("otter") or "otter")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_student_notebooks as make
    finally:
        sys.path.pop(0)
    page = PAGES[0]
    sheet = key(page.stem)
    folder = make.write_assignments(tmp_path / "assignments", [page], otter=str(otter))[0]
    student = folder / "student" / f"{page.stem}.ipynb"
    zip_path = folder / "autograder" / "autograder.zip"
    assert zip_path.exists()
    student_text = student.read_text(encoding="utf-8")
    graded = [q for q in sheet.questions.values() if q["kind"] != "written"]
    assert "accepts(" not in student_text and "_value(" not in student_text, "no hidden tests"
    assert not any(
        f"answer_{n} = {q.get('answer')!r}" in student_text for n, q in sheet.questions.items()
    )
    assert all(
        f"answer_{n} = ..." in student_text
        for n, q in sheet.questions.items()
        if q["kind"] != "written"
    )
    scores = {}
    for name, right in (("right", True), ("wrong", False)):
        sub = tmp_path / f"{name}.ipynb"
        nbformat.write(_submission(student, sheet, right), sub)
        out = tmp_path / f"out-{name}"
        out.mkdir()
        subprocess.run(
            [str(otter), "run", "-a", str(zip_path), "-o", str(out), str(sub)],
            check=True,
            cwd=tmp_path,
            capture_output=True,
        )
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        scores[name] = sum(
            t.get("score") or 0 for t in results["tests"] if t["name"].startswith("q")
        )
    assert scores == {"right": len(graded), "wrong": 0}

"""The exercise banks and their self-checks (cpvkit.exercises), and the notebook generators.

Every reference solution must pass its own check, typical wrong answers must fail, and the
check must answer every kind of input with a message, never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from cpvkit.exercises import Chapter, Choice, Mistake, Numeric, Written, banks

ROOT = Path(__file__).resolve().parents[1]
BANKS = banks()
QUESTIONS = [
    pytest.param(ch, n, id=f"ch{ch.number}-q{n}")
    for ch in BANKS
    for n in range(1, len(ch.questions) + 1)
]
OFF_TOPIC = (
    "The weather was lovely this weekend and we walked along the river to the old bridge, "
    "where children were feeding the ducks while a band played in the park next to the "
    "station, and we ate ice cream before taking the train home in the evening sun."
)


def _reference(ch: Chapter, n: int) -> object:
    q = ch.question(n)
    return q.model_answer if isinstance(q, Written) else ch.expected(n)


def test_chapters_3_and_4_have_their_banks() -> None:
    numbers = [ch.number for ch in BANKS]
    assert 3 in numbers and 4 in numbers
    labels = {3: "ex-relationship", 4: "ex-crm", 1: "ex-satisfaction", 2: "ex-perceived-value"}
    for ch in BANKS:
        assert ch.label == labels[ch.number]
        assert len(ch.questions) >= 8, f"chapter {ch.number} needs at least 8 questions"
        kinds = {type(q) for q in ch.questions}
        assert kinds == {Numeric, Choice, Written}, f"chapter {ch.number} mixes all kinds"


@pytest.mark.parametrize(("ch", "n"), QUESTIONS)
def test_reference_solution_passes_its_check(ch: Chapter, n: int) -> None:
    result = ch.check(n, _reference(ch, n), quiet=True)
    assert result.correct, result.message


@pytest.mark.parametrize(("ch", "n"), QUESTIONS)
def test_plausible_wrong_answers_fail(ch: Chapter, n: int) -> None:
    q = ch.question(n)
    if isinstance(q, Numeric):
        wrong = ch.mistake_values(n)
        assert wrong, "every numeric question lists at least one typical mistake"
        for value, mistake in zip(wrong, q.mistakes, strict=True):
            result = ch.check(n, value, quiet=True)
            assert result.status == "incorrect", (mistake.expr, result.message)
            assert mistake.feedback in result.message
            assert q.hint in result.message
        assert ch.check(n, ch.expected(n) * 1.5 + 1, quiet=True).status == "incorrect"
    elif isinstance(q, Choice):
        letters = "ABCDEFGHIJ"[: len(q.options)]
        assert q.correct in letters
        for letter in letters.replace(q.correct, ""):
            for given in (letter, letter.lower(), q.options[letters.index(letter)]):
                result = ch.check(n, given, quiet=True)
                assert result.status == "incorrect", (given, result.message)
                assert q.hint in result.message
    else:
        for given in ("yes", "Customer loyalty.", OFF_TOPIC):
            result = ch.check(n, given, quiet=True)
            assert result.status == "incorrect", (given, result.message)


@pytest.mark.parametrize(("ch", "n"), QUESTIONS)
def test_unanswered_and_wrong_types_give_messages(ch: Chapter, n: int) -> None:
    for empty in (None, ...):
        result = ch.check(n, empty, quiet=True)
        assert result.status == "unanswered"
        assert "not answered yet" in result.message
    q = ch.question(n)
    wrong_types: list[object] = [[1, 2], {"a": 1}, True]
    wrong_types += ["ten"] if isinstance(q, Numeric) else [3.5, np.float64(2.0)]
    for given in wrong_types:
        result = ch.check(n, given, quiet=True)
        assert result.status == "invalid", (given, result.message)
        assert result.message.startswith(f"Question {n}:")
        assert "Traceback" not in result.message


@pytest.mark.parametrize("ch", BANKS, ids=lambda ch: f"ch{ch.number}")
def test_choice_solution_code_agrees_with_the_key(ch: Chapter) -> None:
    for n, q in enumerate(ch.questions, start=1):
        if isinstance(q, Choice) and q.solution:
            assert ch.solve(n)["answer"] == q.correct


def test_numeric_accepts_rounding_numpy_and_percent() -> None:
    from cpvkit.exercises import chapter3, chapter4

    assert chapter4.check(1, 266.67, quiet=True).correct
    assert chapter4.check(1, 267, quiet=True).correct
    assert chapter4.check(1, np.float64(266.7), quiet=True).correct
    assert chapter4.check(1, np.array(266.67), quiet=True).correct
    assert not chapter4.check(1, 280, quiet=True).correct
    assert chapter4.check(1, "266.67", quiet=True).status == "invalid"
    share = chapter4.CHAPTER.expected(5)
    assert chapter4.check(5, round(share, 2), quiet=True).correct
    assert chapter4.check(5, round(100 * share, 1), quiet=True).correct
    assert chapter3.check(1, 6.67, quiet=True).correct
    assert chapter3.check(1, float("nan"), quiet=True).status == "invalid"


def test_choice_accepts_letter_or_text_in_any_case() -> None:
    from cpvkit.exercises import chapter3

    q = chapter3.CHAPTER.question(9)
    assert isinstance(q, Choice)
    for given in (q.correct, q.correct.lower(), f" {q.correct}. ", "Spurious LOYALTY"):
        assert chapter3.check(9, given, quiet=True).correct, given
    assert chapter3.check(9, "Z", quiet=True).status == "invalid"


def test_written_feedback_names_missing_ideas() -> None:
    from cpvkit.exercises import chapter4

    q = chapter4.CHAPTER.question(10)
    assert isinstance(q, Written)
    partial = (
        "RFM is based on past purchases, so it predicts the future only roughly, and we should "
        "test the mailing on a sample against a control group first. " * 2
    )
    result = chapter4.check(10, partial, quiet=True)
    assert result.correct
    assert "also discuss" in result.message
    short = chapter4.check(10, "Mail them all.", quiet=True)
    assert short.status == "incorrect" and "at least 40 words" in short.message
    assert chapter4.check(10, "   ", quiet=True).status == "unanswered"


def test_check_prints_feedback_and_handles_unknown_questions(capsys) -> None:
    from cpvkit.exercises import chapter3

    result = chapter3.check(1, None)
    assert capsys.readouterr().out.strip() == result.message
    assert repr(result) == "CheckResult(question=1, status='unanswered')"
    for n in (0, 99, "1", 1.0):
        assert chapter3.check(n, 5.0, quiet=True).status == "invalid"


def test_a_broken_solution_gives_a_message_not_a_traceback() -> None:
    broken = Chapter(
        9,
        "Broken",
        "ex-broken",
        "",
        "x = 1",
        [Numeric("t", "p", "h", "e", solution="answer = 1 / 0", mistakes=[Mistake("2", "f")])],
    )
    result = broken.check(1, 1.0, quiet=True)
    assert result.status == "invalid"
    assert "could not be checked" in result.message


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, f"scripts/{script}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("script", ["make_exercise_notebooks.py", "make_student_notebooks.py"])
def test_committed_notebooks_are_up_to_date(script: str) -> None:
    done = _run(script, "--check")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("ch", BANKS, ids=lambda ch: f"ch{ch.number}")
def test_student_notebook_has_no_solution(ch: Chapter) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_exercise_notebooks import FILES
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    book = nbformat.read(ROOT / "exercises" / FILES[ch.number], as_version=4)
    student_path = ROOT / "exercises" / "student" / FILES[ch.number]
    text = student_path.read_text(encoding="utf-8")
    student = nbformat.read(student_path, as_version=4)
    assert any("solution" in c.metadata.get("tags", []) for c in book.cells)
    assert not any("solution" in c.metadata.get("tags", []) for c in student.cells)
    assert "{solution}" not in text
    for q in ch.questions:
        for secret in (q.explanation, getattr(q, "model_answer", ""), q.solution):
            for line in secret.strip().splitlines():
                if len(line.strip()) > 25:
                    assert line.strip() not in text, line
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    answers = [c.source for c in student.cells if c.source.startswith("answer_")]
    assert len(answers) == len(ch.questions)
    assert all("= None" in a for a in answers)

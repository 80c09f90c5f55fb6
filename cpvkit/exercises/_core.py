"""Question classes behind the book's exercise pages and their self-checks.

Bank format
-----------
Each chapter has one module ``cpvkit/exercises/chapterN.py`` that defines::

    CHAPTER = Chapter(
        number=3,
        title="Relationship marketing",
        label="ex-relationship",           # page label (ex-satisfaction, ex-perceived-value, ...)
        intro="Markdown shown under the page title (may use {ref}, {term}, {cite:p}).",
        setup="from cpvkit import relationship\\n...",  # code shown to the student, run first
        questions=[Numeric(...), Choice(...), Written(...), ...],
    )
    check = CHAPTER.check

and nothing else that runs at import (the setup code runs lazily, on the first check).
Questions are numbered 1, 2, ... in list order. Every question has ``title`` (a few words, the
exercise heading), ``prompt`` (markdown), ``hint`` (markdown that teaches, shown after a wrong
answer) and ``explanation`` (markdown, the worked solution shown in the solution dropdown).

- :class:`Numeric` - ``solution`` is Python code that binds ``answer`` to the number; it runs
  after ``setup`` in a fresh copy of the setup namespace. The expected value is *computed* by
  running it (cached), never typed in. ``rel_tol``/``abs_tol`` set the accepted rounding
  (default 1 % relative); ``share=True`` also accepts a share given in percent (0.6 or 60).
  ``mistakes`` lists :class:`Mistake` objects: an expression evaluated in the solution namespace
  after the solution ran (so it can use the solution's variables) that gives a typical wrong
  number, and the targeted feedback for it. Each Numeric needs at least one mistake (the tests
  check that it fails).
- :class:`Choice` - ``options`` (texts, shown as A, B, C, ...), ``correct`` (the letter),
  ``feedback`` (optional dict letter -> message for a wrong option; ``hint`` otherwise) and an
  optional ``solution`` code cell that supports the choice (binds ``answer`` to the letter).
  Students answer with the letter or the option text (case-insensitive).
- :class:`Written` - interpretation. ``model_answer`` (markdown, for the solution), ``key_ideas``
  as ``{"idea in a few words": ("keyword", "other keyword", ...)}``: an idea counts as covered
  when any of its keywords occurs (case-insensitive substring) in the answer. An answer passes
  with at least ``min_words`` words (default 25) and ``min_ideas`` ideas covered (default: half
  of them, rounded up); the feedback names the ideas covered and those still missing.

Students call ``check(n, answer)``: it prints the feedback (correct, wrong with a hint, "Not
answered yet" for ``None`` or ``...``, a plain message for an answer of the wrong type) and
returns a :class:`CheckResult`. It never raises.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Chapter", "CheckResult", "Choice", "Mistake", "Numeric", "Written"]

LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one check.

    Attributes
    ----------
    question : int
        Question number.
    status : str
        ``"correct"``, ``"incorrect"``, ``"unanswered"`` or ``"invalid"`` (wrong type or
        unknown question).
    message : str
        The feedback printed for the student.
    """

    question: int
    status: str
    message: str

    @property
    def correct(self) -> bool:
        """True when the answer was accepted."""
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"CheckResult(question={self.question}, status={self.status!r})"

    def _ipython_display_(self) -> None:
        # The feedback is printed by check(); showing the object again would repeat it.
        return None


@dataclass(frozen=True)
class Mistake:
    """A typical wrong numeric answer and the feedback for it.

    Parameters
    ----------
    expr : str
        Python expression evaluated in the solution namespace (after the solution ran).
    feedback : str
        Message shown when the student's answer matches this value.
    """

    expr: str
    feedback: str


@dataclass
class _Question:
    title: str
    prompt: str
    hint: str
    explanation: str

    kind = "question"

    def placeholder(self) -> str:
        return "None  # replace None with your answer"


@dataclass
class Numeric(_Question):
    """A question whose answer is one number, computed by ``solution``."""

    solution: str = ""
    mistakes: Sequence[Mistake] = ()
    rel_tol: float = 0.01
    abs_tol: float = 0.0
    share: bool = False
    unit: str = ""

    kind = "numeric"

    def placeholder(self) -> str:
        return "None  # replace None with your answer (a number)"


@dataclass
class Choice(_Question):
    """A multiple-choice question; ``correct`` is the letter of the right option."""

    options: Sequence[str] = ()
    correct: str = "A"
    feedback: Mapping[str, str] = field(default_factory=dict)
    solution: str = ""

    kind = "choice"

    def placeholder(self) -> str:
        return 'None  # replace None with your answer, a letter such as "A"'

    def options_markdown(self) -> str:
        return "\n".join(f"- **{LETTERS[i]}.** {text}" for i, text in enumerate(self.options))


@dataclass
class Written(_Question):
    """An interpretation question checked for length and key ideas."""

    model_answer: str = ""
    key_ideas: Mapping[str, Sequence[str]] = field(default_factory=dict)
    min_words: int = 25
    min_ideas: int | None = None
    solution: str = ""

    kind = "written"

    def placeholder(self) -> str:
        return 'None  # replace None with your answer in quotes: "..." (a few sentences)'

    @property
    def ideas_needed(self) -> int:
        if self.min_ideas is not None:
            return self.min_ideas
        return math.ceil(len(self.key_ideas) / 2)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool | np.bool_):
        return False
    if isinstance(value, numbers.Real):
        return True
    return isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf"


def _type_name(value: Any) -> str:
    if isinstance(value, str):
        return "text (a string in quotes)"
    if isinstance(value, bool | np.bool_):
        return "True/False"
    if type(value).__name__ in ("Series", "DataFrame"):
        return f"a pandas {type(value).__name__} (pick the one value you need, e.g. with .item())"
    if isinstance(value, list | tuple | np.ndarray):
        return "a list or array of values"
    if _is_number(value):
        return "a number"
    return f"a {type(value).__name__}"


class Chapter:
    """The question bank of one chapter.

    Parameters
    ----------
    number : int
        Chapter number (labels of the questions are ``ex{number}-q{n}``).
    title : str
        Page title after "Exercises: ".
    label : str
        Page label, such as ``"ex-relationship"``.
    intro : str
        Markdown shown under the title.
    setup : str
        Code run before every solution and shown to the student as the first code cell.
    questions : sequence of Numeric, Choice or Written
        The questions, numbered from 1 in this order.

    Examples
    --------
    >>> demo = Chapter(
    ...     9, "Demo", "ex-demo", "", "margin = 100",
    ...     [Numeric("Double it", "What is twice the margin?", "Multiply by two.", "",
    ...              solution="answer = 2 * margin",
    ...              mistakes=[Mistake("margin", "That is the margin itself.")])],
    ... )
    >>> demo.expected(1)
    200.0
    >>> demo.check(1, 200)
    Question 1: correct! Well done.
    CheckResult(question=1, status='correct')
    >>> demo.check(1, 100).status
    Question 1: not quite. That is the margin itself.
    Hint: Multiply by two.
    'incorrect'
    >>> demo.check(1, "two hundred").status
    Question 1: the answer should be one number, but you gave text (a string in quotes). \
Compute the value and assign it, e.g. answer_1 = 12.5.
    'invalid'
    """

    def __init__(
        self,
        number: int,
        title: str,
        label: str,
        intro: str,
        setup: str,
        questions: Sequence[_Question],
    ) -> None:
        self.number = number
        self.title = title
        self.label = label
        self.intro = intro
        self.setup = setup
        self.questions = list(questions)
        self._setup_ns: dict[str, Any] | None = None
        self._solved: dict[int, dict[str, Any]] = {}

    def __repr__(self) -> str:
        return f"Chapter({self.number}, {self.title!r}, {len(self.questions)} questions)"

    # -- reference solutions -------------------------------------------------------------
    def question(self, n: int) -> _Question:
        """Question number ``n`` (1-based)."""
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(self.questions):
            raise ValueError(
                f"question must be a number from 1 to {len(self.questions)}, got {n!r}"
            )
        return self.questions[n - 1]

    def _namespace(self) -> dict[str, Any]:
        if self._setup_ns is None:
            ns: dict[str, Any] = {"__name__": f"cpvkit_exercises_ch{self.number}"}
            exec(compile(self.setup, f"<chapter {self.number} setup>", "exec"), ns)
            self._setup_ns = ns
        return self._setup_ns

    def solve(self, n: int) -> dict[str, Any]:
        """Run the reference solution of question ``n``; return its namespace (cached)."""
        if n not in self._solved:
            q = self.question(n)
            ns = dict(self._namespace())
            if q.solution:
                code = compile(q.solution, f"<chapter {self.number} question {n}>", "exec")
                exec(code, ns)
            self._solved[n] = ns
        return self._solved[n]

    def expected(self, n: int) -> Any:
        """The reference answer of question ``n`` (a float for Numeric, a letter for Choice)."""
        q = self.question(n)
        if isinstance(q, Numeric):
            return float(self.solve(n)["answer"])
        if isinstance(q, Choice):
            return q.correct
        return q.model_answer

    def mistake_values(self, n: int) -> list[float]:
        """The wrong numbers listed as typical mistakes of Numeric question ``n``."""
        q = self.question(n)
        if not isinstance(q, Numeric):
            return []
        ns = self.solve(n)
        return [float(eval(m.expr, ns)) for m in q.mistakes]  # noqa: S307 - trusted bank code

    # -- checking ------------------------------------------------------------------------
    def check(self, n: int, answer: Any, *, quiet: bool = False) -> CheckResult:
        """Check a student's answer to question ``n``, print the feedback and return it.

        Parameters
        ----------
        n : int
            Question number, from 1.
        answer : object
            The student's answer: a number (Numeric), a letter or option text (Choice), a text
            (Written); ``None`` or ``...`` means not answered yet.
        quiet : bool, default False
            Do not print the feedback (for tests).

        Returns
        -------
        CheckResult
            Status and message. Never raises: a wrong type, an unknown question or a failing
            reference solution give a status ``"invalid"`` and a plain message.
        """
        try:
            result = self._check(n, answer)
        except Exception as exc:  # never show a traceback to a student
            result = CheckResult(
                n if isinstance(n, int) else 0,
                "invalid",
                f"Question {n}: this answer could not be checked ({type(exc).__name__}: {exc}).",
            )
        if not quiet:
            print(result.message)
        return result

    def _check(self, n: Any, answer: Any) -> CheckResult:
        count = len(self.questions)
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= count:
            return CheckResult(
                0, "invalid", f"There is no question {n!r}: use a number from 1 to {count}."
            )
        q = self.questions[n - 1]
        if answer is None or answer is Ellipsis:
            return CheckResult(
                n, "unanswered", f"Question {n}: not answered yet. Replace None with your answer."
            )
        if isinstance(q, Numeric):
            return self._check_numeric(n, q, answer)
        if isinstance(q, Choice):
            return self._check_choice(n, q, answer)
        return self._check_written(n, q, answer)

    def _check_numeric(self, n: int, q: Numeric, answer: Any) -> CheckResult:
        if isinstance(answer, str):
            try:
                float(answer.replace(",", "").strip().rstrip("%"))
            except ValueError:
                pass
            else:
                return CheckResult(
                    n,
                    "invalid",
                    f"Question {n}: the answer is a number - write it without quotes "
                    f"(for example 12.5, not '12.5').",
                )
        if not _is_number(answer):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: the answer should be one number, but you gave "
                f"{_type_name(answer)}. Compute the value and assign it, e.g. answer_{n} = 12.5.",
            )
        value = float(answer)
        if not math.isfinite(value):
            return CheckResult(n, "invalid", f"Question {n}: the answer must be a finite number.")
        expected = self.expected(n)
        candidates = [value]
        if q.share and abs(value) > 1 >= abs(expected):
            candidates.append(value / 100)
        tol = max(q.abs_tol, q.rel_tol * abs(expected))

        def close(a: float, b: float) -> bool:
            return abs(a - b) <= tol + 1e-12

        if any(close(c, expected) for c in candidates):
            return CheckResult(n, "correct", f"Question {n}: correct! Well done.")
        ns = self.solve(n)
        for mistake in q.mistakes:
            wrong = float(eval(mistake.expr, ns))  # noqa: S307 - trusted bank code
            if any(close(c, wrong) for c in candidates) and not close(wrong, expected):
                return CheckResult(
                    n, "incorrect", f"Question {n}: not quite. {mistake.feedback}\nHint: {q.hint}"
                )
        return CheckResult(n, "incorrect", f"Question {n}: not quite. Hint: {q.hint}")

    def _check_choice(self, n: int, q: Choice, answer: Any) -> CheckResult:
        letters = LETTERS[: len(q.options)]
        if not isinstance(answer, str):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: answer with the letter of an option in quotes, e.g. "
                f'answer_{n} = "{letters[0]}", not {_type_name(answer)}.',
            )

        def norm(s: str) -> str:
            return " ".join(s.split()).rstrip(".").strip().casefold()

        text = norm(answer)
        chosen = None
        letter_only = text.rstrip(")").strip()
        if len(letter_only) == 1 and letter_only.upper() in letters:
            chosen = letter_only.upper()
        else:
            for letter, option in zip(letters, q.options, strict=True):
                if text == norm(option):
                    chosen = letter
        if chosen is None:
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: {answer!r} is not one of the options; answer with a letter "
                f"from {', '.join(letters)} (or the option's text).",
            )
        if chosen == q.correct:
            return CheckResult(n, "correct", f"Question {n}: correct ({chosen})! Well done.")
        message = q.feedback.get(chosen, "")
        text = f"Question {n}: {chosen} is not the best answer."
        if message:
            text += f" {message}"
        text += f"\nHint: {q.hint}"
        return CheckResult(n, "incorrect", text)

    def _check_written(self, n: int, q: Written, answer: Any) -> CheckResult:
        if not isinstance(answer, str):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: write your answer as text in quotes (a few sentences), "
                f"not {_type_name(answer)}.",
            )
        words = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", answer)
        if not words:
            return CheckResult(
                n, "unanswered", f"Question {n}: not answered yet - write a few sentences."
            )
        lowered = answer.casefold()
        covered = [
            idea for idea, keys in q.key_ideas.items() if any(k.casefold() in lowered for k in keys)
        ]
        missing = [idea for idea in q.key_ideas if idea not in covered]
        if len(words) < q.min_words:
            plural = "" if len(words) == 1 else "s"
            return CheckResult(
                n,
                "incorrect",
                f"Question {n}: your answer has {len(words)} word{plural}; explain your reasoning "
                f"in at least {q.min_words} words.\nHint: {q.hint}",
            )
        if len(covered) < q.ideas_needed:
            got = "; ".join(covered) if covered else "none yet"
            return CheckResult(
                n,
                "incorrect",
                f"Question {n}: your answer does not yet cover enough of the key ideas "
                f"(covered: {got}). Think about: {'; '.join(missing)}.\nHint: {q.hint}",
            )
        text = f"Question {n}: a good answer - it covers {'; '.join(covered)}."
        if missing:
            text += f" To make it stronger, also discuss: {'; '.join(missing)}."
        text += " Compare it with the model answer in the solutions."
        return CheckResult(n, "correct", text)

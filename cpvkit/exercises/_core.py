"""The self-checks of the book's exercise pages: a small runtime.

An exercise page (``exercises/0N_*.ipynb``) is the single source of its questions. Its set-up
cell creates a :class:`Sheet`; the hidden *key* cell in the solution of each question registers
the reference answer computed by the solution cell above it, with the typical mistakes::

    ex = Sheet("ex-satisfaction")
    ...
    ex.number(1, answer, abs_tol=0.5, mistakes={promoters_only: "Subtract the detractors."})

The student notebook generated from the page has no solution cells; instead it loads the answer
key (computed when the notebook is generated, see :mod:`cpvkit.exercises.authoring`) and the
student runs ``ex.check(1)`` after writing ``answer_1``. The check prints feedback and never
raises: a name not defined yet, ``None``, text, a number typed with commas or a percent sign
each get a plain message. Written answers are never graded: once the student has written
something of substance, the check shows the rubric and the model answer to compare with.
"""

from __future__ import annotations

import base64
import inspect
import json
import math
import numbers
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["CheckResult", "Sheet", "accepts", "accepts_option", "written_size"]

_MISSING = object()
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:['’-][^\W\d_]+)*|\d+")
# A Chinese word is about two characters long on average: that is how characters are counted.
CJK_CHARS_PER_WORD = 2.0


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one check.

    Attributes
    ----------
    question : int
        Question number.
    status : str
        ``"correct"``, ``"incorrect"``, ``"unanswered"``, ``"invalid"`` (an answer of the wrong
        form) or ``"self-assess"`` (a written answer: compare it with the model answer).
    message : str
        The feedback printed for the student.
    """

    question: int
    status: str
    message: str

    @property
    def correct(self) -> bool:
        """True when the answer was accepted (never for a written answer)."""
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"CheckResult(question={self.question}, status={self.status!r})"

    def _ipython_display_(self) -> None:
        # check() printed the feedback already
        return None


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
    return f"a {type(value).__name__}"


def _comma_number(value: Any) -> int | None:
    """The number a student meant by ``1,090,000`` (Python reads it as a tuple), or None."""
    if not isinstance(value, tuple) or len(value) < 2:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return None
    if value[0] < 0 or not all(0 <= v <= 999 for v in value[1:]) or value[0] > 999:
        return None
    return int(str(value[0]) + "".join(f"{v:03d}" for v in value[1:]))


def _read_text_number(text: str) -> tuple[float, bool] | None:
    """``'54%'`` -> (0.54, True), ``'1,090,000'`` -> (1090000.0, False); None if not a number."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    cleaned = cleaned.strip("€$£¥").replace("points", "").replace("pts", "")
    percent = cleaned.endswith("%")
    cleaned = cleaned.rstrip("%")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return (value / 100 if percent else value), percent


def accepts(
    answer: Any,
    expected: float,
    *,
    rel_tol: float = 0.01,
    abs_tol: float = 0.0,
    share: bool = False,
) -> bool:
    """True when ``answer`` matches ``expected`` within the tolerance.

    A share may be given as 0.6, as 60 (percent) or as the text ``"60%"``; any number may be
    given as text (``"1,090,000"``). This is what the graded assignments' hidden tests call.

    Parameters
    ----------
    answer : object
        The student's answer.
    expected : float
        The reference answer.
    rel_tol, abs_tol : float
        Accepted difference: the larger of ``rel_tol * |expected|`` and ``abs_tol``.
    share : bool, default False
        The expected answer is a share (0 to 1): also accept it in percent.

    Returns
    -------
    bool

    Examples
    --------
    >>> accepts(63.4, 0.634, share=True), accepts("63.4%", 0.634, share=True)
    (True, True)
    >>> accepts(0.5, 0.634, share=True)
    False
    """
    return any(_close(c, expected, rel_tol, abs_tol) for c in _candidates(answer, share, expected))


def _candidates(answer: Any, share: bool, expected: float) -> list[float]:
    percent = False
    if isinstance(answer, str):
        read = _read_text_number(answer)
        if read is None:
            return []
        value, percent = read
    elif _comma_number(answer) is not None:
        value = float(_comma_number(answer))  # type: ignore[arg-type]
    elif _is_number(answer):
        value = float(answer)
    else:
        return []
    if not math.isfinite(value):
        return []
    out = [value]
    if share and not percent and abs(expected) <= 1:
        out.append(value / 100)
    return out


def _close(a: float, b: float, rel_tol: float, abs_tol: float) -> bool:
    return abs(a - b) <= max(abs_tol, rel_tol * abs(b)) + 1e-12


def written_size(text: str) -> tuple[float, int, int]:
    """Length of a written answer: (words, words in Latin script, Chinese characters).

    Chinese is written without spaces, so its characters are counted and converted to words at
    about two characters a word; a mixed answer adds both.

    Examples
    --------
    >>> written_size("Expectations are the reference point.")
    (5.0, 5, 0)
    >>> written_size("满意度取决于期望。")
    (4.0, 0, 8)
    """
    chars = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text)))
    return round(words + chars / CJK_CHARS_PER_WORD, 1), words, chars


def _tokens(text: str) -> list[str]:
    """Words, and the Chinese text as character pairs (for repetition and copy tests)."""
    low = text.casefold()
    out = _WORD.findall(_CJK.sub(" ", low))
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", low):
        out += [run[i : i + 2] for i in range(max(1, len(run) - 1))]
    return out


def _shingles(tokens: Sequence[str], k: int = 3) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + k]) for i in range(max(0, len(tokens) - k + 1))}


class Sheet:
    """The self-checks of one exercise page.

    Parameters
    ----------
    label : str
        The page's label, such as ``"ex-satisfaction"``.

    Examples
    --------
    >>> ex = Sheet("ex-demo")
    >>> ex.number(1, 200.0, mistakes={100.0: "That is the margin itself."})
    >>> answer_1 = 200
    >>> ex.check(1)
    Question 1: correct. Well done.
    CheckResult(question=1, status='correct')
    >>> ex.check(1, 100).status
    Question 1: not quite. That is the margin itself.
    'incorrect'
    >>> ex.check(1, (1, 90, 0)).status  # answer_1 = 1,090,000
    Question 1: Python read the commas in 1,090,000 as separators of three numbers, (1, 90, 0). \
Write the number without commas: 1090000 (or 1_090_000).
    'invalid'
    """

    def __init__(self, label: str) -> None:
        if not isinstance(label, str) or not label:
            raise ValueError(f"label must be the page's label as text, got {label!r}")
        self.label = label
        self.questions: dict[int, dict[str, Any]] = {}
        self.glued: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Sheet({self.label!r}, {len(self.questions)} questions with a key)"

    # -- the key, registered by the page's solution cells -----------------------------------
    @staticmethod
    def _n(n: Any) -> int:
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise ValueError(f"the question number must be a whole number from 1, got {n!r}")
        return n

    def number(
        self,
        n: int,
        answer: float,
        *,
        rel_tol: float = 0.01,
        abs_tol: float = 0.0,
        share: bool = False,
        mistakes: Mapping[float, str] | Sequence[tuple[float, str]] = (),
    ) -> None:
        """Register the reference answer of a numeric question.

        Parameters
        ----------
        n : int
            Question number.
        answer : float
            The reference answer, computed by the solution cell.
        rel_tol, abs_tol : float
            Accepted difference: the larger of ``rel_tol * |answer|`` and ``abs_tol``.
        share : bool, default False
            A share (0 to 1): also accepted in percent (0.6, 60 or "60%").
        mistakes : mapping or sequence of (value, feedback)
            Typical wrong answers, computed by the solution cell, with targeted feedback.
        """
        if not _is_number(answer) or not math.isfinite(float(answer)):
            raise ValueError(f"question {n}: the reference answer must be a number, got {answer!r}")
        pairs = list(mistakes.items()) if isinstance(mistakes, Mapping) else list(mistakes)
        self.questions[self._n(n)] = {
            "kind": "number",
            "answer": float(answer),
            "rel_tol": float(rel_tol),
            "abs_tol": float(abs_tol),
            "share": bool(share),
            "mistakes": [[float(v), str(f)] for v, f in pairs],
        }

    def choice(
        self, n: int, answer: str | int, *, feedback: Mapping[Any, str] | None = None
    ) -> None:
        """Register the right option of a multiple-choice question (its label, e.g. "B" or 3).

        ``feedback`` maps the label of a wrong option to a message for it.
        """
        self.questions[self._n(n)] = {
            "kind": "choice",
            "answer": str(answer),
            "feedback": {str(k): str(v) for k, v in (feedback or {}).items()},
        }

    def written(self, n: int) -> None:
        """Register a written question (its rubric and model answer come from the page)."""
        self.questions[self._n(n)] = {"kind": "written"}

    def glue(self, name: str, value: Any) -> Any:
        """Glue a value into the page's text and keep it for the key's messages.

        In the page's markdown, ``{glue:text}`name:.1f``` shows a number with a format and
        ``{glue:md}`name``` a text. Does nothing visible outside Jupyter Book.
        """
        plain = _plain(value)
        self.glued[name] = plain
        try:
            from myst_nb import glue
        except ImportError:  # a student's environment
            return value
        if isinstance(plain, str):
            from IPython.display import Markdown

            glue(name, Markdown(plain), display=False)
        else:
            glue(name, plain, display=False)
        return value

    # -- the answer key of a student notebook ------------------------------------------------
    def dump(self) -> str:
        """The answer key as compact text (for the student notebook)."""
        data = {"label": self.label, "questions": {str(k): v for k, v in self.questions.items()}}
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")

    def load(self, key: str) -> Sheet:
        """Load the answer key written by :meth:`dump` (the student notebook's key cell)."""
        data = json.loads(zlib.decompress(base64.b64decode("".join(key.split()))))
        self.label = data["label"]
        self.questions = {int(k): v for k, v in data["questions"].items()}
        return self

    # -- checking ----------------------------------------------------------------------------
    def check(self, n: int, answer: Any = _MISSING, *, quiet: bool = False) -> CheckResult:
        """Check the answer to question ``n`` and print the feedback.

        Parameters
        ----------
        n : int
            Question number.
        answer : object, optional
            The answer; by default the variable ``answer_<n>`` of the notebook.
        quiet : bool, default False
            Do not print (for tests).

        Returns
        -------
        CheckResult
            Never raises: an answer cell not run yet, a wrong type or an unknown question give a
            plain message.
        """
        if answer is _MISSING and isinstance(n, int):
            frame = inspect.currentframe()
            caller = frame.f_back if frame is not None else None
            if caller is not None:
                answer = caller.f_globals.get(f"answer_{n}", _MISSING)
        try:
            result = self._check(n, answer)
        except Exception as exc:  # never a traceback for a student
            result = CheckResult(
                n if isinstance(n, int) else 0,
                "invalid",
                f"Question {n}: this answer could not be checked ({type(exc).__name__}: {exc}).",
            )
        if not quiet:
            print(result.message)
        return result

    def _check(self, n: Any, answer: Any) -> CheckResult:
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            return CheckResult(0, "invalid", f"There is no question {n!r}: use its number, e.g. 1.")
        if answer is _MISSING:
            return CheckResult(
                n,
                "unanswered",
                f"Question {n}: answer_{n} is not defined yet. Write your answer in the cell "
                f"above (answer_{n} = ...) and run that cell, then run this check again.",
            )
        if answer is None or answer is Ellipsis:
            return CheckResult(
                n,
                "unanswered",
                f"Question {n}: not answered yet. Replace None with your answer and run "
                "both cells.",
            )
        if n not in self.questions:
            have = ", ".join(str(k) for k in sorted(self.questions)) or "none yet"
            return CheckResult(
                n,
                "invalid",
                f"There is no answer key for question {n} (questions with a key: {have}). In "
                "a student notebook, run the key cell near the top; on the exercise page, the "
                "key is registered by the question's solution cells.",
            )
        q = self.questions[n]
        kind = q["kind"]
        if kind == "number":
            return self._check_number(n, q, answer)
        if kind == "choice":
            return self._check_choice(n, q, answer)
        return self._check_written(n, q, answer)

    @staticmethod
    def _hint(q: Mapping[str, Any]) -> str:
        return f"\nHint: {q['hint']}" if q.get("hint") else ""

    def _check_number(self, n: int, q: Mapping[str, Any], answer: Any) -> CheckResult:
        joined = _comma_number(answer)
        if joined is not None:
            shown = ",".join([str(answer[0])] + [f"{v:03d}" for v in answer[1:]])
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: Python read the commas in {shown} as separators of "
                f"{_count_word(len(answer))} numbers, {answer}. Write the number without commas: "
                f"{joined} (or {joined:_}).",
            )
        note = ""
        if isinstance(answer, str):
            read = _read_text_number(answer)
            if read is None:
                return CheckResult(
                    n,
                    "invalid",
                    f"Question {n}: the answer is one number, and {answer!r} is not a number I "
                    f"can read. Write it without quotes, e.g. answer_{n} = 12.5.",
                )
            value, percent = read
            plain = f"{value:g}" if not percent else f"{value:g} or {value * 100:g}"
            note = f" (I read {answer!r} as {value:g}; numbers need no quotes: {plain})"
            if percent and not q["share"]:
                note += "; this answer is not a share, so leave out the % sign"
        elif not _is_number(answer):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: the answer should be one number, but you gave "
                f"{_type_name(answer)}. Compute the value and assign it, e.g. answer_{n} = 12.5.",
            )
        elif not math.isfinite(float(answer)):
            return CheckResult(n, "invalid", f"Question {n}: the answer must be a finite number.")
        expected = q["answer"]
        tol = (q["rel_tol"], q["abs_tol"])
        cands = _candidates(answer, q["share"], expected)
        if any(_close(c, expected, *tol) for c in cands):
            return CheckResult(n, "correct", f"Question {n}: correct{note}. Well done.")
        for wrong, feedback in q["mistakes"]:
            if any(_close(c, wrong, *tol) for c in cands) and not _close(wrong, expected, *tol):
                return CheckResult(
                    n, "incorrect", f"Question {n}: not quite{note}. {feedback}{self._hint(q)}"
                )
        return CheckResult(n, "incorrect", f"Question {n}: not quite{note}.{self._hint(q)}")

    def _check_choice(self, n: int, q: Mapping[str, Any], answer: Any) -> CheckResult:
        options: list[list[str]] = q.get("options") or []
        labels = [label for label, _ in options] or [q["answer"]]
        listed = ", ".join(labels)
        if isinstance(answer, bool) or not isinstance(answer, str | int):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: answer with the label of an option ({listed}), e.g. "
                f'answer_{n} = "{labels[0]}", not {_type_name(answer)}.',
            )

        def norm(s: str) -> str:
            return " ".join(str(s).replace("*", "").split()).strip(" .)").casefold()

        given = norm(answer)
        chosen = None
        for label, text in options or [[q["answer"], ""]]:
            names = {norm(text), norm(re.split(r"[:(]", text)[0])} if text else set()
            if given == norm(label) or given in names - {""}:
                chosen = label
                break
        if chosen is None:
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: {answer!r} is not one of the options; answer with one of "
                f"{listed} (or the option's name).",
            )
        if chosen == q["answer"]:
            return CheckResult(n, "correct", f"Question {n}: correct ({chosen}). Well done.")
        message = q["feedback"].get(chosen, "")
        text = f"Question {n}: {chosen} is not the best answer." + (
            f" {message}" if message else ""
        )
        return CheckResult(n, "incorrect", text + self._hint(q))

    def _check_written(self, n: int, q: Mapping[str, Any], answer: Any) -> CheckResult:
        if not isinstance(answer, str):
            return CheckResult(
                n,
                "invalid",
                f"Question {n}: write your answer as text in quotes (a few sentences), "
                f"not {_type_name(answer)}.",
            )
        size, _, chars = written_size(answer)
        low, high = q.get("words") or (40, 150)
        counted = f"about {size:g} words" + (
            f" ({chars} Chinese characters count as about {chars / CJK_CHARS_PER_WORD:g} words)"
            if chars
            else ""
        )
        tokens = _tokens(answer)
        prompt = _shingles(_tokens(q.get("prompt", "")))
        mine = _shingles(tokens)
        if size == 0:
            return CheckResult(
                n, "unanswered", f"Question {n}: not answered yet - write a few sentences."
            )
        if mine and prompt and len(mine & prompt) / len(mine) > 0.5:
            return CheckResult(
                n,
                "incorrect",
                f"Question {n}: most of your answer repeats the question. Answer it in your own "
                "words, then run the check again to compare with the model answer.",
            )
        if len(tokens) >= 10 and len(set(tokens)) / len(tokens) < 0.4:
            return CheckResult(
                n,
                "incorrect",
                f"Question {n}: your answer repeats the same few words. Write your reasoning in "
                "sentences, then run the check again to compare with the model answer.",
            )
        if size < max(10, low / 2):
            return CheckResult(
                n,
                "incorrect",
                f"Question {n}: your answer has {counted}; the question asks for about "
                f"{low}-{high}. Explain your reasoning first; the model answer is shown once "
                f"you have written at least {math.ceil(max(10, low / 2))} words.{self._hint(q)}",
            )
        length = f"Your answer has {counted}"
        if size < low:
            length += f", a little short of the {low}-{high} the question asks for."
        elif size > high * 1.25:
            length += f", longer than the {low}-{high} the question asks for: can you cut it?"
        else:
            length += "."
        rubric = "\n".join(f"  - {item}" for item in q.get("rubric", []))
        parts = [
            f"Question {n}: written answers are not graded here. {length} Compare it with the "
            "rubric and the model answer below, point by point, and revise it if it misses one.",
        ]
        if rubric:
            parts.append(f"Rubric (a good answer):\n{rubric}")
        if q.get("model"):
            parts.append(f"Model answer:\n  {q['model']}")
        return CheckResult(n, "self-assess", "\n".join(parts))


def _count_word(k: int) -> str:
    return {2: "two", 3: "three", 4: "four"}.get(k, str(k))


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)


def accepts_option(answer: Any, correct: str, options: Sequence[Sequence[str]] = ()) -> bool:
    """True when ``answer`` names the option labelled ``correct`` (its label or its name).

    Examples
    --------
    >>> accepts_option("attractive", "3", [["1", "Must-be (M): ..."], ["3", "Attractive (A): ..."]])
    True
    >>> accepts_option(1, "3", [["1", "Must-be"], ["3", "Attractive"]])
    False
    """
    sheet = Sheet("grading")
    sheet.questions[1] = {
        "kind": "choice",
        "answer": str(correct),
        "feedback": {},
        "options": [[str(a), str(b)] for a, b in options],
    }
    return sheet._check(1, answer).correct

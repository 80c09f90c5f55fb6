"""Self-checking exercises for the book's exercise pages.

One module per chapter holds its question bank (``chapter1`` ... ``chapter4``); each exposes
``CHAPTER`` (a :class:`~cpvkit.exercises._core.Chapter`) and ``check``::

    from cpvkit.exercises import chapter3 as ex
    answer_1 = 5.0
    ex.check(1, answer_1)       # prints feedback, returns a CheckResult

The chapter modules are imported on first use, so ``import cpvkit.exercises`` stays light.
The bank format is described in :mod:`cpvkit.exercises._core`.
"""

from __future__ import annotations

import importlib
from typing import Any

from cpvkit.exercises._core import Chapter, CheckResult, Choice, Mistake, Numeric, Written

CHAPTERS = ("chapter1", "chapter2", "chapter3", "chapter4")

__all__ = [*CHAPTERS, "Chapter", "CheckResult", "Choice", "Mistake", "Numeric", "Written", "banks"]


def __getattr__(name: str) -> Any:
    if name in CHAPTERS:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def banks() -> list[Chapter]:
    """The question banks that exist, in chapter order (a missing chapter module is skipped)."""
    found = []
    for name in CHAPTERS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        found.append(module.CHAPTER)
    return found

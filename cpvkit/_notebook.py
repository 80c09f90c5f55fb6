"""What the book's notebooks need to run outside the book's build (Colab, a hub, JupyterLite).

The chapters record numbers and figures for their text with ``myst_nb.glue``. myst-nb is part of
the book's build (it comes with Jupyter Book), not something a reader of a notebook needs, so
``cpvkit`` does not depend on it. Where it is not installed, :func:`use_glue_stand_in` (called by
the set-up cell at the top of every notebook) registers a small ``myst_nb`` module whose
:func:`glue` shows the value when asked to, as myst-nb does in Jupyter, and otherwise does nothing.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from typing import Any

__all__ = ["glue", "use_glue_stand_in"]


def glue(name: str, variable: Any, display: bool = True) -> None:
    """Show ``variable`` when ``display`` is true; the stand-in for ``myst_nb.glue``.

    Parameters
    ----------
    name : str
        The name the book's text uses for the value (not needed outside the build).
    variable : object
        The value: a number, a table, a figure...
    display : bool, default True
        Show the value in the notebook.

    Examples
    --------
    >>> glue("ch1_nps", 42.0, display=False)
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    if display:
        from IPython.display import display as show

        show(variable)


def use_glue_stand_in() -> None:
    """Make ``from myst_nb import glue`` work where myst-nb is not installed.

    Does nothing when myst-nb is installed (or a ``myst_nb`` module is already loaded).

    Examples
    --------
    >>> use_glue_stand_in()
    >>> from myst_nb import glue
    >>> callable(glue)
    True
    """
    if "myst_nb" in sys.modules or importlib.util.find_spec("myst_nb") is not None:
        return
    module = types.ModuleType("myst_nb", "Stand-in for myst_nb.glue outside the book's build.")
    module.glue = glue
    sys.modules["myst_nb"] = module

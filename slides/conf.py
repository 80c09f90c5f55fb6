"""Sphinx configuration of the slide decks (one reveal.js deck per chapter).

Built by ``python3 tasks.py slides`` into ``_build/html/slides/``. The decks take their
numbers, figures and definitions from the book itself (see ``_ext/bookdata.py``); reveal.js is
the copy shipped inside the sphinx-revealjs package, so a deck opens offline.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Customer Value and Customer Relationships: slides"
author = "The Customer Value Book contributors"
copyright = "2026, The Customer Value Book contributors (text and figures: CC BY 4.0)"
language = "en"

extensions = ["myst_parser", "sphinx_revealjs", "bookdata"]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated/**", "README.md"]
root_doc = "index"

revealjs_style_theme = "white"
revealjs_static_path = ["_static"]
revealjs_css_files = ["deck.css"]
# No plugin that loads a script from another host (the math plugin would fetch MathJax):
# formulas in the decks are written as text.
revealjs_script_plugins = [
    {"name": "RevealNotes", "src": "revealjs/plugin/notes/notes.js"},
]
revealjs_script_conf = {
    "controls": True,
    "progress": True,
    "hash": True,
    "center": False,
    "slideNumber": "c/t",
    "width": 1280,
    "height": 800,
}

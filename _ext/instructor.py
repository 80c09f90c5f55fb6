"""Sphinx extension for the instructor pack: every worked solution open, not behind a toggle.

The public site shows each solution in a dropdown (or not at all with ``hide_solutions``).
In the instructor build (``instructor_build = True``, set by ``python3 tasks.py instructor``)
the dropdown class is removed, so the solutions read as part of the page and print with it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


def _open_solutions(app: Sphinx, doctree: nodes.document) -> None:
    if not app.config.instructor_build:
        return
    for node in doctree.findall(nodes.Element):
        classes = node.get("classes", [])
        if "dropdown" in classes and any("solution" in c for c in classes + [node.tagname]):
            classes.remove("dropdown")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("instructor_build", False, "env")
    app.connect("doctree-read", _open_solutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

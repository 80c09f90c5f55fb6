"""Sphinx extension for the slide decks: pull numbers, figures and definitions from the book.

A deck never retypes what the book computes or defines. Its source (``slides/*.md``, MyST
markdown an instructor can edit) refers to the book instead:

- ``{book}`ch4_clv``` inserts the value glued under that name in a chapter notebook (the
  stored output of the executed notebook, the same text the chapter shows);
- ```` ```{book-figure} ch4_fig_lorenz ```` inserts the glued figure, with the chapter's own
  caption and alt text (an explicit body replaces the caption);
- ```` ```{book-term} Customer lifetime value ```` inserts the glossary's definition.

The chapter notebooks are read from ``../chapters``; ``python3 tasks.py notebooks`` keeps their
stored outputs current, and the test suite checks that they are (nbval).
"""

from __future__ import annotations

import ast
import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective, SphinxRole

IMAGE_TYPES = {"image/svg+xml": "svg", "image/png": "png"}
_GLUE_FIGURE = re.compile(r"```\{glue:figure\}\s+(\S+)\n(.*?)```", re.S)
_OPTION = re.compile(r"^:(\w+):\s*(.*)$")
_GLUE_ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+?)(?::[^`]*)?`")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^`]*>)?`")
_GLOSSARY_ENTRY = re.compile(r"^((?:\S[^\n]*\n)+)((?:[ ]{2,}[^\n]*\n?)+)", re.M)


@dataclass
class Figure:
    """A figure glued in a chapter: image bytes, file suffix, caption and alt text."""

    data: bytes
    suffix: str
    caption: str
    alt: str


def _plain(markup: str, values: dict[str, str] | None = None) -> str:
    """MyST text as plain text: glued values filled in, roles' and maths' markup removed.

    ``{glue:text}`ch4_gini``` becomes the glued value, ``{term}`CLV <x>``` becomes ``CLV``
    and ``$r^t$`` becomes ``r^t``.
    """
    if values:
        markup = _GLUE_ROLE.sub(lambda m: values.get(m[1], m[1]), markup)
    markup = re.sub(r"\$([^$]+)\$", r"\1", markup)
    return " ".join(_ROLE.sub(r"\1", markup).split())


def _glue_text(value: str) -> str:
    """The text a glued value shows (glue stores the repr of a string)."""
    try:
        shown = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value
    return shown if isinstance(shown, str) else value


def read_book(chapters: Path) -> tuple[dict[str, str], dict[str, Figure]]:
    """Glued values and figures of every chapter notebook in ``chapters``."""
    values: dict[str, str] = {}
    figures: dict[str, Figure] = {}
    for path in sorted(chapters.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        captions: dict[str, tuple[str, str]] = {}  # raw MyST, made plain once values are read
        for cell in notebook["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                for name, body in _GLUE_FIGURE.findall(source):
                    options = {}
                    lines = []
                    for line in body.strip().splitlines():
                        match = _OPTION.match(line.strip())
                        if match and not lines:
                            options[match[1]] = match[2]
                        else:
                            lines.append(line)
                    caption = " ".join(lines)
                    captions[name] = (caption, options.get("alt", caption))
            for output in cell.get("outputs", []):
                name = output.get("metadata", {}).get("scrapbook", {}).get("name")
                if not name:
                    continue
                data = output.get("data", {})
                prefix = output["metadata"]["scrapbook"].get("mime_prefix", "")
                for mime, suffix in IMAGE_TYPES.items():
                    if prefix + mime in data:
                        raw = data[prefix + mime]
                        raw = "".join(raw) if isinstance(raw, list) else raw
                        blob = raw.encode() if suffix == "svg" else base64.b64decode(raw)
                        figures[name] = Figure(blob, suffix, "", "")
                        break
                else:
                    text = data.get(prefix + "text/plain")
                    if text is not None:
                        values[name] = _glue_text("".join(text) if isinstance(text, list) else text)
        for name, (caption, alt) in captions.items():
            if name in figures:
                figures[name].caption = _plain(caption, values)
                figures[name].alt = _plain(alt, values)
    return values, figures


def read_glossary(path: Path) -> dict[str, str]:
    """Term -> definition (without the Chinese names) from the glossary page."""
    terms: dict[str, str] = {}
    text = path.read_text(encoding="utf-8")
    for block in re.findall(r"```\{glossary\}\n(.*?)```", text, re.S):
        for names, body in _GLOSSARY_ENTRY.findall(block):
            body = " ".join(body.split())
            # "简体 · 繁體. Definition": the definition starts after the first ". "
            definition = _plain(body.split(". ", 1)[1] if ". " in body else body)
            for name in names.splitlines():  # a term and its synonyms, one a line
                terms[name.strip().lower()] = definition
    return terms


def _book(app: Sphinx) -> tuple[dict[str, str], dict[str, Figure], dict[str, str]]:
    cache = getattr(app, "_bookdata", None)
    if cache is None:
        root = Path(app.confdir).parent
        values, figures = read_book(root / "chapters")
        cache = (values, figures, read_glossary(root / "glossary.md"))
        app._bookdata = cache  # type: ignore[attr-defined]
    return cache


class BookValue(SphinxRole):
    """``{book}`name```: the value the book glues under ``name``."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        values = _book(self.env.app)[0]
        name = self.text.strip()
        if name not in values:
            message = self.inliner.reporter.error(
                f"no value glued as {name!r} in the chapters", line=self.lineno
            )
            return [], [message]
        return [nodes.Text(values[name])], []


class BookFigure(SphinxDirective):
    """A figure glued in a chapter, with the chapter's caption unless a body replaces it."""

    required_arguments = 1
    has_content = True
    option_spec = {"width": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        figures = _book(self.env.app)[1]
        if name not in figures:
            raise self.error(f"no figure glued as {name!r} in the chapters")
        figure = figures[name]
        folder = Path(self.env.srcdir) / "_generated"
        folder.mkdir(exist_ok=True)
        target = folder / f"{name}.{figure.suffix}"
        if not target.exists() or target.read_bytes() != figure.data:
            target.write_bytes(figure.data)
        image = nodes.image(uri=f"/_generated/{target.name}", alt=figure.alt or name)
        image["candidates"] = {"*": f"_generated/{target.name}"}
        image["width"] = self.options.get("width", "75%")
        self.env.note_dependency(str(target))
        node = nodes.figure("", image)
        caption = " ".join(self.content) or figure.caption
        if caption:
            node += nodes.caption(caption, caption)
        return [node]


class BookTerm(SphinxDirective):
    """A glossary definition: the term in bold, then the book's definition."""

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        term = self.arguments[0].strip()
        terms = _book(self.env.app)[2]
        if term.lower() not in terms:
            raise self.error(f"the glossary has no term {term!r}")
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(term, term)
        paragraph += nodes.Text(": " + terms[term.lower()])
        return [paragraph]


def setup(app: Sphinx) -> dict[str, object]:
    if not (Path(app.confdir).parent / "chapters").is_dir():
        raise ExtensionError("bookdata: the slides folder must sit beside chapters/")
    app.add_role("book", BookValue())
    app.add_directive("book-figure", BookFigure)
    app.add_directive("book-term", BookTerm)
    return {"parallel_read_safe": False, "parallel_write_safe": True}

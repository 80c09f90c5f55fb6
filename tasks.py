#!/usr/bin/env python3
"""The project's commands, runnable on a fresh machine that has only Python 3.10+.

    python3 tasks.py build      build the HTML book into _build/html
    python3 tasks.py test       lint, unit tests, doctests, notebooks (nbval) and the book build
    python3 tasks.py lab        open JupyterLab on the landing notebook (chapters, calculators,
                                exercises one click away)
    python3 tasks.py dist       build the package (sdist and wheel, with the data) into dist/
    python3 tasks.py lite       build the in-browser JupyterLite lab into _build/html/lite
    python3 tasks.py notebooks  re-execute every notebook in place (after editing one)
    python3 tasks.py bench      run the benchmark scripts in benchmarks/
    python3 tasks.py assignments  graded Otter-Grader assignments for the instructor pack
    python3 tasks.py slides     build the chapter slide decks into _build/html/slides
    python3 tasks.py instructor build the instructor pack into _build/instructor (not public)
    python3 tasks.py pdf        print the whole book (without solutions) to _build/html/book.pdf

Each command first makes sure that the local virtual environment ``.venv`` exists and holds
what ``pyproject.toml`` declares; it (re)installs only when ``pyproject.toml`` has changed.
Options for ``build``: ``--hide-solutions`` (instructor build without worked solutions),
``--no-execute`` (use the outputs stored in the notebooks), ``--output DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".pyproject-installed"
NOTEBOOK_DIRS = ("chapters", "exercises", "instructor")


def _say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def run(*cmd: str | Path, check: bool = True) -> int:
    """Run a command from the project root inside the virtual environment."""
    args = [str(c) for c in cmd]
    _say("$ " + " ".join(args))
    result = subprocess.run(args, cwd=ROOT, env=_env())
    if check and result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


def ensure_venv() -> None:
    """Create ``.venv`` when absent and install the project when pyproject.toml changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not PYTHON.exists():
        _say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    _say("installing cpvkit and the book's dependencies (first run takes a few minutes)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[book,test]")
    STAMP.write_text(wanted)


def build_book(
    output: Path | None = None,
    *,
    hide_solutions: bool = False,
    execute: bool = True,
    instructor: bool = False,
) -> int:
    """Build the HTML book with warnings treated as errors; return the exit code.

    ``hide_solutions`` drops every worked solution (the instructor's switch, see README);
    ``execute=False`` renders the outputs stored in the notebooks instead of re-running them;
    ``instructor`` opens every solution and adds the answer-guidance pages
    (:data:`INSTRUCTOR_PART`), for the instructor pack only.
    """
    cmd: list[str | Path] = [BIN / "jupyter-book", "build", ".", "-W", "-n", "--keep-going"]
    if output is not None:
        cmd += ["--path-output", output]
    overrides: dict[str, object] = {}
    if hide_solutions:
        overrides["hide_solutions"] = True
    if not execute:
        overrides["execute_notebooks"] = "off"
    temporary: list[Path] = []
    if instructor:
        overrides["instructor"] = True
        temporary.append(_toc_with_instructor_part())
        cmd += ["--toc", temporary[-1]]
    if overrides:
        temporary.append(_config_with(overrides))
        cmd += ["--config", temporary[-1]]
    try:
        return run(*cmd, check=False)
    finally:
        for path in temporary:
            path.unlink()


def _toc_with_instructor_part() -> Path:
    """Write a copy of _toc.yml with the instructor-only part appended."""
    import yaml  # installed with jupyter-book

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"].append(INSTRUCTOR_PART)
    path = ROOT / f"_toc.instructor-{os.getpid()}.yml"
    path.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


SLIDES = ROOT / "slides"
INSTRUCTOR = ROOT / "_build" / "instructor"
#: The pages only the instructor pack carries (answer guidance), appended to the table of
#: contents of the instructor build; the public build never reads them.
INSTRUCTOR_PART = {
    "caption": "For instructors only",
    "chapters": [
        {"file": f"instructor/answers/{name}"}
        for name in (
            "01_satisfaction",
            "02_perceived_value",
            "03_relationship_marketing",
            "04_crm_clv",
        )
    ],
}


def build_slides(output: Path | None = None) -> int:
    """Build the chapter slide decks (reveal.js, offline) into ``output``; return the exit code.

    The decks take their numbers, figures and definitions from the executed chapter notebooks
    and the glossary (``slides/_ext/bookdata.py``), so they are built after those change.
    """
    output = output or ROOT / "_build" / "html" / "slides"
    cmd = [PYTHON, "-m", "sphinx", "-b", "revealjs", "-W", "--keep-going", "-q"]
    return run(*cmd, "-d", ROOT / "_build" / ".slides-doctrees", SLIDES, output, check=False)


def build_instructor(output: Path | None = None, *, execute: bool = False) -> int:
    """Build the instructor pack; return the exit code.

    The pack holds, in ``output`` (default ``_build/instructor``): ``site/`` the book with every
    worked solution open and the answer guidance pages, ``slides/`` the decks,
    ``assignments/`` the graded assignments, and ``index.html`` saying what is where. It is
    for instructors only: never publish it.
    """
    output = (output or INSTRUCTOR).resolve()
    output.mkdir(parents=True, exist_ok=True)
    code = build_book(output / "book", execute=execute, instructor=True)
    if code != 0:
        return code
    site = output / "site"
    if site.exists():
        shutil.rmtree(site)
    shutil.move(output / "book" / "_build" / "html", site)
    shutil.rmtree(output / "book")
    code = build_slides(output / "slides")
    if code != 0:
        return code
    code = build_assignments(output / "assignments")
    if code != 0:
        return code
    (output / "index.html").write_text(_instructor_index(), encoding="utf-8")
    return 0


def _instructor_index() -> str:
    """The pack's front page: what each folder holds."""
    rows = [
        (
            "site/index.html",
            "The book with every worked solution open and the answer guidance "
            "for the review, discussion and case questions "
            "(part \u201cFor instructors only\u201d).",
        ),
        ("slides/index.html", "One slide deck per chapter (reveal.js; opens offline)."),
        (
            "assignments/README.md",
            "Graded Otter-Grader assignments with answer keys and hidden tests, one per "
            "chapter (also written alone by <code>python3 tasks.py assignments</code>).",
        ),
    ]
    items = "\n".join(f'<li><a href="{href}">{href}</a>: {text}</li>' for href, text in rows)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Instructor pack</title></head><body>"
        "<h1>Customer Value and Customer Relationships: instructor pack</h1>"
        "<p>For instructors only: it contains the answers. Publish the public site "
        "(<code>python3 tasks.py build</code>), never this folder.</p>"
        f"<ul>{items}</ul></body></html>\n"
    )


def _config_with(overrides: dict[str, object]) -> Path:
    """Write a copy of _config.yml with the instructor/CI overrides applied."""
    import yaml  # installed with jupyter-book

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if "hide_solutions" in overrides:
        config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = overrides[
            "hide_solutions"
        ]
    if overrides.get("instructor"):
        sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
        sphinx_config["instructor_build"] = True
        options = sphinx_config.setdefault("html_theme_options", {})
        options["announcement"] = (
            "Instructor edition: worked solutions and answer guidance are shown. Do not publish."
        )
    if "execute_notebooks" in overrides:
        config.setdefault("execute", {})["execute_notebooks"] = overrides["execute_notebooks"]
    path = ROOT / f"_config.override-{os.getpid()}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def notebooks() -> list[Path]:
    """Every notebook of the book, discovered (not listed by hand)."""
    found: list[Path] = []
    for folder in NOTEBOOK_DIRS:
        found += sorted(
            p for p in (ROOT / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
        )
    return found


def cmd_build(args: argparse.Namespace) -> None:
    ensure_venv()
    output = Path(args.output).resolve() if args.output else None
    code = build_book(output, hide_solutions=args.hide_solutions, execute=not args.no_execute)
    if code != 0:
        _say("the build failed (warnings count as errors): see the messages above")
        sys.exit(code)
    html = (output or ROOT) / "_build" / "html"
    code = build_slides(html / "slides")
    if code != 0:
        _say("the slide decks failed to build: see the messages above")
        sys.exit(code)
    # the in-browser lab is published with the site, under lite/
    run(PYTHON, "tasks.py", "lite", "--output", html / "lite")
    _say(f"the book is built: open {html / 'index.html'}")


def cmd_test(args: argparse.Namespace) -> None:
    ensure_venv()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(PYTHON, "-m", "pytest", *args.pytest_args)


LANDING = "start_here.ipynb"
DIST = ROOT / "dist"
LITE_OUTPUT = ROOT / "_build" / "html" / "lite"


def _student_module():
    """scripts/make_student_notebooks.py, imported (it writes the students' exercise copies)."""
    import importlib.util

    script = ROOT / "scripts" / "make_student_notebooks.py"
    spec = importlib.util.spec_from_file_location("make_student_notebooks", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def student_notebooks() -> dict[str, dict]:
    """The students' copies of the exercise pages (no solutions), by file name, as JSON."""
    import nbformat

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from bootstrap_cells import with_bootstrap
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    module = _student_module()
    copies = {}
    if hasattr(module, "write_students"):  # student notebooks generated from the pages
        import tempfile

        with tempfile.TemporaryDirectory(prefix="cpvkit-students-") as tmp:
            for path in module.write_students(Path(tmp)):
                nb = json.loads(path.read_text(encoding="utf-8"))
                copies[path.name] = with_bootstrap(nb)
        return copies
    for source in sorted((ROOT / "exercises").glob("0*.ipynb")):
        nb = nbformat.read(source, as_version=4)
        if module.is_generated(nb):
            # the set-up cell first, whether or not the copy carried it over from the page
            copies[source.name] = with_bootstrap(
                json.loads(nbformat.writes(module.student_copy(nb)))
            )
    return copies


def _title(path: Path) -> str:
    """The first heading of a notebook (its title on the book's page)."""
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        for line in "".join(cell.get("source", "")).splitlines():
            if cell.get("cell_type") == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return path.stem.replace("_", " ")


def landing_notebook(student_dir: str = "exercises/student") -> dict:
    """The landing notebook: links to every chapter, the calculators and the student exercises."""
    # the getting-started page first, then the numbered chapters; the calculators last
    chapters = sorted((ROOT / "chapters").glob("*.ipynb"), key=lambda p: (p.name[0].isdigit(), p))
    exercises = sorted((ROOT / "exercises").glob("0*.ipynb"))

    def links(paths: list[Path], folder: str) -> str:
        return "\n".join(f"- [{_title(p)}]({folder}/{p.name})" for p in paths)

    text = (
        "# Customer Value and Customer Relationships: start here\n\n"
        "Click a link to open a notebook, then run its cells (Run > Run All Cells, or Shift+Enter "
        "cell by cell). The first cell of each notebook installs `cpvkit` if it is missing.\n\n"
        "## Chapters and calculators\n\n"
        + links([p for p in chapters if p.stem != "calculators"], "chapters")
        + "\n- [Interactive calculators](chapters/calculators.ipynb)\n\n"
        "## Exercises\n\n"
        "Write each answer in place of `None` and run the check cell below it: it says whether "
        "you are right and gives a hint when you are not.\n\n" + links(exercises, student_dir)
    )
    return {
        "cells": [{"cell_type": "markdown", "id": "start-here", "metadata": {}, "source": text}],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def lab_command(as_root: bool | None = None) -> list[str | Path]:
    """The JupyterLab command of ``tasks.py lab`` (``--allow-root`` when run as root)."""
    if as_root is None:
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    cmd: list[str | Path] = [BIN / "jupyter", "lab", LANDING]
    return cmd + ["--allow-root"] if as_root else cmd


def cmd_lab(args: argparse.Namespace) -> None:
    ensure_venv()
    run(PYTHON, "scripts/make_student_notebooks.py")
    _write_json(ROOT / LANDING, landing_notebook())
    if "--allow-root" in lab_command():
        _say("running as root: JupyterLab is started with --allow-root")
    extra = args.lab_args[1:] if args.lab_args[:1] == ["--"] else args.lab_args
    run(*lab_command(), *extra)


def build_dist(outdir: Path = DIST) -> list[Path]:
    """Build the sdist and the wheel (with the data sets) into ``outdir``; check them with twine.

    Uses the build tools of the virtual environment (``--no-isolation``), so nothing is
    downloaded; returns the paths of the two files.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    version = _version()
    for old in outdir.glob("cpvkit-*"):
        old.unlink()
    run(PYTHON, "-m", "build", "--no-isolation", "--outdir", outdir, ".")
    built = sorted(outdir.glob(f"cpvkit-{version}*"))
    run(BIN / "twine", "check", "--strict", *built)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    return built


def _version() -> str:
    import re

    text = (ROOT / "cpvkit" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def cmd_dist(args: argparse.Namespace) -> None:
    ensure_venv()
    for path in build_dist(Path(args.outdir).resolve() if args.outdir else DIST):
        _say(f"built {path}")


def lite_contents(folder: Path) -> Path:
    """Stage what the in-browser lab holds: the landing notebook, chapters, student exercises."""
    shutil.rmtree(folder, ignore_errors=True)
    for nb in sorted((ROOT / "chapters").glob("*.ipynb")):
        _write_json(folder / "chapters" / nb.name, json.loads(nb.read_text(encoding="utf-8")))
    for name, nb in student_notebooks().items():
        _write_json(folder / "exercises" / "student" / name, nb)
    _write_json(folder / LANDING, landing_notebook())
    return folder


def build_lite(output: Path = LITE_OUTPUT) -> Path:
    """Build the JupyterLite lab (Pyodide kernel) with the cpvkit wheel served to it (piplite).

    Works offline: the lab's files come from jupyterlite-core and jupyterlite-pyodide-kernel in
    ``.venv``; the Pyodide runtime itself is fetched by the reader's browser when a notebook runs.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cpvkit-lite-") as tmp:
        work = Path(tmp)
        wheel = next(p for p in build_dist(work / "dist") if p.suffix == ".whl")
        contents = lite_contents(work / "contents")
        shutil.rmtree(output, ignore_errors=True)
        code = subprocess.run(
            [str(BIN / "jupyter"), "lite", "build", "--contents", str(contents),
             "--piplite-wheels", str(wheel), "--output-dir", str(output),
             "--lite-dir", str(work), "--no-sourcemaps"],
            cwd=work, env=_env(),
        ).returncode  # fmt: skip
        if code != 0:
            sys.exit(code)
    return output


def _in_venv() -> None:
    """Run this command again with the virtual environment's Python (it needs nbformat)."""
    if Path(sys.prefix).resolve() != VENV.resolve():
        sys.exit(subprocess.run([str(PYTHON), __file__, *sys.argv[1:]], env=_env()).returncode)


def cmd_lite(args: argparse.Namespace) -> None:
    ensure_venv()
    _in_venv()
    output = build_lite(Path(args.output).resolve() if args.output else LITE_OUTPUT)
    _say(f"the in-browser lab is built: {output / 'index.html'} (serve the site over http)")


def cmd_notebooks(args: argparse.Namespace) -> None:
    ensure_venv()
    if not args.paths:
        # the exercise pages are generated from their question banks in cpvkit.exercises
        run(PYTHON, "scripts/make_exercise_notebooks.py")
    # every notebook starts with the cell that installs cpvkit where it is missing
    run(PYTHON, "scripts/bootstrap_cells.py")
    targets = [Path(p).resolve() for p in args.paths] or notebooks()
    # student copies are regenerated (solutions stripped, outputs cleared) below, not executed
    targets = [nb for nb in targets if "student" not in nb.parts]
    for nb in targets:
        run(
            BIN / "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--inplace",
            "--ExecutePreprocessor.timeout=600",
            "--ExecutePreprocessor.store_widget_state=False",
            nb.relative_to(ROOT),
        )
        _drop_widget_views(nb)
    run(PYTHON, "scripts/make_student_notebooks.py")


def _drop_widget_views(path: Path) -> None:
    """Keep only the calculators' snapshots in a saved notebook.

    A live widget view cannot be restored from a file (its kernel is gone), so the saved
    notebook keeps each calculator's HTML snapshot and text instead; running the notebook in
    Jupyter brings the live calculators back.
    """
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    text = json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def _report(code: int, failed: str, built: str) -> None:
    """Say how a build went; exit with its code when it failed."""
    if code != 0:
        _say(f"{failed}: see the messages above")
        sys.exit(code)
    _say(built)


def cmd_slides(args: argparse.Namespace) -> None:
    ensure_venv()
    index = ROOT / "_build" / "html" / "slides" / "index.html"
    _report(build_slides(), "the slides failed to build", f"the slides are built: open {index}")


def cmd_instructor(args: argparse.Namespace) -> None:
    ensure_venv()
    _report(
        build_instructor(),
        "the instructor pack failed to build",
        f"the instructor pack is built (do not publish it): open {INSTRUCTOR / 'index.html'}",
    )


def cmd_pdf(args: argparse.Namespace) -> None:
    """Build the book without solutions and print it, as one PDF, with the system Chromium.

    The PDF goes into the site's folder (``_build/html/book.pdf``, building the site first if
    it is not there) and every page of the site then links to it.
    """
    ensure_venv()
    site = ROOT / "_build" / "html"
    if not (site / "index.html").is_file():
        code = build_book()
        if code != 0:
            _say("the site build failed (warnings count as errors): see the messages above")
            sys.exit(code)
    # the solution-free site, from the outputs stored in the notebooks (no second execution)
    work = ROOT / "_build" / "pdf"
    code = build_book(work, hide_solutions=True, execute=False)
    if code != 0:
        _say("the solution-free build failed (warnings count as errors): see the messages above")
        sys.exit(code)
    run(PYTHON, "_ext/bookpdf.py", work / "_build" / "html", site / "book.pdf", site)
    _say(f"the book's PDF is ready: {site / 'book.pdf'}")


def cmd_bench(args: argparse.Namespace) -> None:
    ensure_venv()
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        record = args.record and "--record" in script.read_text(encoding="utf-8")
        run(PYTHON, script.relative_to(ROOT), *(["--record"] if record else []))


def build_assignments(out: Path) -> int:
    """Write the graded Otter-Grader assignments into ``out``; return the exit code."""
    script = "scripts/make_student_notebooks.py"
    return run(
        PYTHON, script, "--out", out / "student-notebooks", "--assignments", out, check=False
    )


def cmd_assignments(args: argparse.Namespace) -> None:
    """Write the graded assignments (answer keys, hidden tests) outside the public site."""
    ensure_venv()
    out = Path(args.output).resolve()
    code = build_assignments(out)
    if code != 0:
        sys.exit(code)
    _say(f"assignments written to {out} (for instructors only: they hold the answer keys)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the HTML book into _build/html")
    b.add_argument("--hide-solutions", action="store_true", help="leave out worked solutions")
    b.add_argument("--no-execute", action="store_true", help="use stored notebook outputs")
    b.add_argument("--output", help="folder to build into (default: the project root)")
    b.set_defaults(func=cmd_build)
    t = sub.add_parser("test", help="run every check: lint, tests, notebooks, book build")
    t.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    t.set_defaults(func=cmd_test)
    la = sub.add_parser("lab", help="open JupyterLab on the landing notebook")
    la.add_argument("lab_args", nargs=argparse.REMAINDER, help="extra arguments for jupyter lab")
    la.set_defaults(func=cmd_lab)
    d = sub.add_parser("dist", help="build the sdist and wheel into dist/ and check them")
    d.add_argument("--outdir", help="folder for the files (default: dist/)")
    d.set_defaults(func=cmd_dist)
    li = sub.add_parser("lite", help="build the in-browser lab into _build/html/lite")
    li.add_argument("--output", help="folder to build into (default: _build/html/lite)")
    li.set_defaults(func=cmd_lite)
    n = sub.add_parser("notebooks", help="re-execute notebooks in place")
    n.add_argument("paths", nargs="*", help="notebooks to run (default: all)")
    n.set_defaults(func=cmd_notebooks)
    bench = sub.add_parser("bench", help="run the benchmarks")
    bench.add_argument(
        "--record",
        action="store_true",
        help="write the figures to benchmarks/results/ (shown in the appendix on scale)",
    )
    bench.set_defaults(func=cmd_bench)
    a = sub.add_parser("assignments", help="graded assignments for the instructor pack")
    a.add_argument("--output", default=str(ROOT / "_build" / "instructor" / "assignments"))
    a.set_defaults(func=cmd_assignments)
    sub.add_parser("slides", help="build the slide decks").set_defaults(func=cmd_slides)
    sub.add_parser("instructor", help="build the instructor pack").set_defaults(func=cmd_instructor)
    sub.add_parser("pdf", help="print the book to _build/html/book.pdf").set_defaults(func=cmd_pdf)
    # options meant for pytest / JupyterLab (`test -m "not book"`, `lab --port 8890`) are not
    # captured by a REMAINDER argument when they come first: hand them over here
    args, extra = parser.parse_known_args(argv)
    passthrough = next((n for n in ("pytest_args", "lab_args") if hasattr(args, n)), None)
    if extra and passthrough is None:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if passthrough is not None:
        setattr(args, passthrough, extra + getattr(args, passthrough))
    args.func(args)


if __name__ == "__main__":
    main()

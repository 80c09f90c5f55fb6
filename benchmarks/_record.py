"""Where a benchmark keeps the figures of its last recorded run, for the book to show.

``python3 benchmarks/<script>.py --record`` writes ``benchmarks/results/<name>.md``: a
line saying when and on what the run was made, then the run's table in Markdown. The
appendix on scale includes these files, so every timing printed in the book is exactly what a
recorded run measured; nothing is retyped by hand. Files are replaced only by a new run.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine(packages: Sequence[str] = ("pandas", "numpy")) -> str:
    """The machine and versions a run was made on, in words."""
    versions = []
    for name in packages:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    cores = os.cpu_count() or 1
    return (
        f"{cores} processor core{'s' if cores != 1 else ''}, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, " + ", ".join(versions)
    )


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (cells already formatted as text)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def record(name: str, body: str, packages: Sequence[str] = ("pandas", "numpy")) -> Path:
    """Write ``results/<name>.md``: when and where the run was made, then ``body``."""
    RESULTS.mkdir(exist_ok=True)
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    path = RESULTS / f"{name}.md"
    path.write_text(
        f"*Recorded run of `benchmarks/{Path(sys.argv[0]).name}`, {when}; "
        f"{machine(packages)}.*\n\n" + body.rstrip() + "\n",
        encoding="utf-8",
    )
    print(f"recorded in {path.relative_to(RESULTS.parent.parent)}")
    return path

"""Live calculators on the site: the page scripts, only on pages that show a calculator.

Every calculator snapshot carries its declaration as JSON (``script.cpvkit-live-spec``, written
by ``cpvkit.widgets._live``). On the pages that hold one, this extension adds the scripts and
the stylesheet of ``_static/live/`` (served by the site itself; nothing is fetched from another
host), and copies them into the built site. The scripts build the live calculator in place of
the snapshot; where scripts do not run the snapshot stays.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

#: marker of a calculator snapshot in a page's HTML
MARKER = "cpvkit-live-spec"
#: the files of _static/live/ every calculator page loads, in order
SCRIPTS = ("live/cpvkit-live.js", "live/calculators.js")
STYLES = ("live/cpvkit-live.css",)
#: loaded only where the RFM explorer is (the compact CDNOW log)
RFM_SCRIPTS = ("live/cdnow.js", "live/rfm.js")

SOURCE = Path(__file__).resolve().parent.parent / "_static" / "live"


def _not_everywhere(app: Sphinx, config: Any) -> None:
    """Jupyter Book lists every script and stylesheet under _static/ for every page: take the
    live calculator's files out of those lists (they are added per page below)."""

    def keep(entry: Any) -> bool:
        name = entry[0] if isinstance(entry, (tuple, list)) else entry
        return not str(name).replace("\\", "/").startswith("live/")

    config.html_js_files = [e for e in config.html_js_files if keep(e)]
    config.html_css_files = [e for e in config.html_css_files if keep(e)]


def _add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body") or ""
    if MARKER not in body:
        return
    for name in STYLES:
        app.add_css_file(name)
    rfm = '"calculator":"RFMExplorer"' in body
    scripts = SCRIPTS[:1] + (RFM_SCRIPTS if rfm else ()) + SCRIPTS[1:]
    for name in scripts:
        if (SOURCE / Path(name).name).exists():
            app.add_js_file(name, defer="defer")


def _copy(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "live"
    target.mkdir(parents=True, exist_ok=True)
    for path in SOURCE.iterdir():
        if path.suffix in (".js", ".css") or path.name in ("LICENSE", "README.md"):
            shutil.copy2(path, target / path.name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _not_everywhere)
    app.connect("html-page-context", _add_assets)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Launch, repository and "run in your browser" buttons, from one publishing setting.

The setting is the ``repository:`` block of ``_config.yml`` (``url``, ``branch``,
``path_to_book``) with the optional addresses under ``launch_buttons:`` (``jupyterhub_url``,
``binderhub_url``). With a real repository URL the book's pages get the repository and issue
buttons and, on every notebook page, the launch buttons (Binder, JupyterHub through nbgitpuller,
Colab for a GitHub repository); with no URL (empty, or a placeholder on example.org/.com) they
are all off. The package's project links (``setup.py``) are read from the same setting.

Every notebook page also gets a "run in your browser" button that opens the page's notebook in
the JupyterLite app published with the site under ``lite/`` (``python3 tasks.py lite``); for an
exercise page it opens the student copy.

This module imports only the standard library at the top, so that ``setup.py`` can read the
setting in a bare build environment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

#: the repository's default branch when the setting gives none
DEFAULT_BRANCH = "main"
#: public Binder, used when a repository is set and no other BinderHub is given
DEFAULT_BINDERHUB = "https://mybinder.org"
COLAB = "https://colab.research.google.com"
#: where the JupyterLite app is published inside the site
LITE_DIR = "lite"
#: the folders whose pages are notebooks that JupyterLite holds
LITE_FOLDERS = ("chapters", "exercises")
_PLACEHOLDER_HOSTS = {"example.org", "example.com", "example.net", "localhost"}


def _blocks(text: str) -> dict[str, dict[str, str]]:
    """The flat ``key: value`` blocks of a YAML file, by top-level key (scalars as text)."""
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = re.match(r"^([A-Za-z_][\w-]*):\s*(#.*)?$", line)
        if top:
            current = blocks.setdefault(top.group(1), {})
            continue
        if not line[0].isspace():
            current = None
            continue
        item = re.match(r"^\s+([A-Za-z_][\w-]*):\s*(.*?)\s*$", line)
        if current is not None and item:
            value = re.sub(r"\s+#.*$", "", item.group(2)).strip()
            current[item.group(1)] = value.strip("\"'")
    return blocks


def real_url(url: str | None) -> str:
    """The URL without a trailing slash, or ``""`` for an empty or placeholder address."""
    url = (url or "").strip().rstrip("/")
    parts = urlparse(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    host = parts.hostname or ""
    if host in _PLACEHOLDER_HOSTS or host.endswith(tuple("." + h for h in _PLACEHOLDER_HOSTS)):
        return ""
    return url


def publish_settings(config_file: str | Path) -> dict[str, Any]:
    """Read the publishing setting from a Jupyter Book ``_config.yml``.

    Returns a dictionary with ``repository_url`` (``""`` when not set), ``branch``,
    ``path_to_book``, ``jupyterhub_url`` and ``binderhub_url`` (``""`` when not used),
    ``colab_url`` (only for a GitHub repository) and ``urls``, the package's project links (the
    site's address, ``html: baseurl:``, is the documentation link when it is set).
    """
    blocks = _blocks(Path(config_file).read_text(encoding="utf-8"))
    repo = blocks.get("repository", {})
    launch = blocks.get("launch_buttons", {})
    url = real_url(repo.get("url"))
    branch = repo.get("branch") or DEFAULT_BRANCH
    settings: dict[str, Any] = {
        "repository_url": url,
        "branch": branch,
        "path_to_book": repo.get("path_to_book", "").strip("/"),
        "notebook_interface": launch.get("notebook_interface") or "jupyterlab",
        "jupyterhub_url": real_url(launch.get("jupyterhub_url")) if url else "",
        "binderhub_url": (real_url(launch.get("binderhub_url")) or DEFAULT_BINDERHUB)
        if url
        else "",
        "colab_url": COLAB if urlparse(url).hostname == "github.com" else "",
        "urls": {},
    }
    if url:
        settings["urls"] = {
            "Source": url,
            "Issues": f"{url}/issues",
            "Changelog": f"{url}/commits/{branch}",
        }
    site = real_url(blocks.get("html", {}).get("baseurl"))
    if url and site:
        settings["urls"]["Documentation"] = f"{site}/"
    return settings


def theme_options(settings: dict[str, Any]) -> dict[str, Any]:
    """The sphinx-book-theme options the setting turns on (or off)."""
    url = settings["repository_url"]
    options: dict[str, Any] = {
        "use_repository_button": bool(url),
        "use_issues_button": bool(url),
        "use_edit_page_button": False,
    }
    if not url:
        options["launch_buttons"] = {}
        return options
    options.update(
        repository_url=url,
        repository_branch=settings["branch"],
        path_to_docs=settings["path_to_book"],
    )
    options["launch_buttons"] = {
        "notebook_interface": settings["notebook_interface"],
        "binderhub_url": settings["binderhub_url"],
        "jupyterhub_url": settings["jupyterhub_url"],
        "colab_url": settings["colab_url"],
    }
    return options


def _apply_setting(app: Any, config: Any) -> None:
    config_file = Path(app.confdir) / "_config.yml"
    if not config_file.is_file():
        return
    options = dict(config.html_theme_options or {})
    options.update(theme_options(publish_settings(config_file)))
    config.html_theme_options = options


def lite_path(docname: str) -> str | None:
    """The notebook JupyterLite opens for a page (``None``: the page has none)."""
    folder, _, name = docname.rpartition("/")
    if folder not in LITE_FOLDERS:
        return None
    if folder == "exercises":
        return f"exercises/student/{name}.ipynb"
    return f"{docname}.ipynb"


def _add_lite_button(app: Any, pagename: str, templatename: str, context: dict, doctree) -> None:
    path = lite_path(pagename)
    buttons = context.get("header_buttons")
    if path is None or buttons is None or app.builder.format != "html":
        return
    if not str(app.env.doc2path(pagename)).endswith(".ipynb"):
        return
    url = context["pathto"](f"{LITE_DIR}/lab/index.html", 1) + f"?path={path}"
    entry = {
        "type": "link",
        "text": "Run in your browser",
        "tooltip": "Run this notebook in your browser (JupyterLite, nothing to install)",
        "icon": "fas fa-play",
        "url": url,
        "label": "lite-button",
    }
    # an exercise page launches (Binder, hub, Colab) its student copy when the repository has one
    student = Path(app.srcdir) / "exercises" / "student" / Path(pagename).with_suffix(".ipynb").name
    if pagename.startswith("exercises/") and student.is_file():
        for group in buttons:
            for button in (
                group.get("buttons", []) if group.get("label") == "launch-buttons" else []
            ):
                button["url"] = button["url"].replace(f"{pagename}.ipynb", path)
    # first entry of the theme's launch menu (the rocket), which exists only with a repository
    group = next((b for b in buttons if b.get("label") == "launch-buttons"), None)
    if group is None:
        group = {
            "type": "group",
            "tooltip": "Run this notebook",
            "icon": "fas fa-rocket",
            "buttons": [],
            "label": "launch-buttons",
        }
        buttons.append(group)
    group["buttons"].insert(0, entry)


def _bootstrap_downloads(app: Any, exception: Exception | None) -> None:
    """Every notebook the site offers for download starts with the set-up cell.

    Runs after the other build-finished handlers (which put the student copies in place); a
    notebook that already has the cell is left as it is.
    """
    sources = Path(app.outdir) / "_sources"
    if exception is not None or app.builder.format != "html" or not sources.is_dir():
        return
    import importlib.util
    import json

    script = Path(app.srcdir) / "scripts" / "bootstrap_cells.py"
    spec = importlib.util.spec_from_file_location("bootstrap_cells", script)
    if spec is None or not script.is_file():
        return
    cells = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cells)
    for folder in LITE_FOLDERS:
        for path in sorted((sources / folder).glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            if not cells.is_current(nb):
                text = json.dumps(cells.with_bootstrap(nb), indent=1, ensure_ascii=False)
                path.write_text(text + "\n", encoding="utf-8")


def setup(app: Any) -> dict[str, object]:
    app.connect("config-inited", _apply_setting)
    app.connect("html-page-context", _add_lite_button, priority=510)
    app.connect("build-finished", _bootstrap_downloads, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The files of the page calculators: current, small, and added only where a calculator is."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from cpvkit import widgets
from cpvkit.widgets import _live
from cpvkit.widgets._base import Field
from tests.live_support import LIVE, ROOT

CALCULATORS = [
    getattr(widgets, name)
    for name in widgets.__all__
    if name.endswith(("Calculator", "Explorer")) and name != "Calculator"
]


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cdnow_file_is_current():
    """_static/live/cdnow.js is what scripts/make_live_data.py writes from data/CDNOW_master.txt."""
    make = _module(ROOT / "scripts" / "make_live_data.py", "make_live_data")
    assert (LIVE / "cdnow.js").read_text(encoding="utf-8") == make.build(), (
        "run .venv/bin/python scripts/make_live_data.py"
    )


def test_page_files_weigh_at_most_400_kb_compressed():
    total = sum(
        len(gzip.compress(p.read_bytes(), 9)) for p in LIVE.iterdir() if p.suffix in (".js", ".css")
    )
    assert total <= 400 * 1024, total


def test_no_request_to_another_host_in_the_page_files():
    for path in LIVE.iterdir():
        if path.suffix in (".js", ".css"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path.name
            assert "fetch(" not in text and "XMLHttpRequest" not in text, path.name


@pytest.mark.parametrize("cls", CALCULATORS, ids=lambda c: c.__name__)
def test_snapshot_carries_the_declaration(cls):
    calc = cls()
    html = calc.snapshot_html()
    match = re.search(
        r'<script type="application/json" class="cpvkit-live-spec">(.*?)</script>', html
    )
    assert match
    declared = json.loads(match.group(1))
    assert declared["calculator"] == cls.__name__
    assert [f["name"] for f in declared["fields"]] == [f.name for f in cls.fields]
    assert declared["messages"] == _live.MESSAGES
    for field, spec in zip(cls.fields, declared["fields"], strict=True):
        assert spec["label"] == field.label
        if field.kind in ("number", "int") and field.low is not None:
            assert spec["low"] == field.low and spec["rule"] == _live.rule_text(field)


def test_one_template_words_the_messages():
    field = Field("retention", "Retention rate", low=0, high=1, high_open=True)
    with pytest.raises(ValueError, match=r"^Retention rate must be in \[0, 1\); got 1$"):
        _live.read_number(field, "1")
    with pytest.raises(ValueError, match=r"^Retention rate must be a number; got 'x'$"):
        _live.read_number(field, "x")
    assert _live.read_number(field, "80%") == 0.8
    assert _live.read_number(Field("n", "N", kind="int"), "1,000") == 1000


def _fake_app():
    added = []
    app = SimpleNamespace(
        add_js_file=lambda name, **kw: added.append(name),
        add_css_file=lambda name, **kw: added.append(name),
    )
    return app, added


def test_extension_adds_the_scripts_only_where_a_calculator_is():
    live = _module(ROOT / "_ext" / "live.py", "live_ext")
    config = SimpleNamespace(
        html_js_files=["book.js", "live/cpvkit-live.js", ("live/rfm.js", {})],
        html_css_files=["live/cpvkit-live.css", "book.css"],
    )
    live._not_everywhere(None, config)  # Jupyter Book lists every file of _static/ everywhere
    assert config.html_js_files == ["book.js"] and config.html_css_files == ["book.css"]
    app, added = _fake_app()
    live._add_assets(app, "intro", "page.html", {"body": "<p>No calculator here.</p>"}, None)
    assert added == []
    body = widgets.ComplaintCalculator().snapshot_html()
    live._add_assets(app, "chapters/calculators", "page.html", {"body": body}, None)
    assert added == ["live/cpvkit-live.css", "live/cpvkit-live.js", "live/calculators.js"]
    added.clear()
    live._add_assets(app, "x", "page.html", {"body": widgets.RFMExplorer().snapshot_html()}, None)
    assert "live/cdnow.js" in added and "live/rfm.js" in added

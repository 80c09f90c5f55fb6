"""Charts and pages for every reader: alt text, Chinese fonts and lang, contrast, no overlaps.

Covers what the site needs from cpvkit's charts (a description carried in the PNG, Chinese
labels drawn with a CJK font, text colours at 4.5:1 or more, labels that never overlap and are
placed in linear time) and the post-processing of the built pages in ``_ext/bookhtml.py``.
"""

from __future__ import annotations

import io
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Annotation, Text

from cpvkit import _figures, datasets, plots

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
import bookhtml  # noqa: E402


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def _contrast(colour: str, background: str = "#ffffff") -> float:
    lums = sorted((plots._luminance(colour), plots._luminance(background)), reverse=True)
    return (lums[0] + 0.05) / (lums[1] + 0.05)


def _label_boxes(fig) -> list:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [t for t in ax.texts if isinstance(t, Annotation) and t.get_visible()]
    return [t.get_window_extent(renderer) for t in labels]


def test_every_chart_describes_itself_in_its_png() -> None:
    frame = datasets.load_ipa_ratings(summary=True)
    fig = plots.ipa_grid(frame)
    described = bookhtml.png_description(_png(fig))
    assert described == _figures.alt_text(fig)
    assert "Concentrate here" in described and frame["attribute"].iloc[0] in described


def test_a_chart_without_a_description_is_described_from_its_text() -> None:
    fig, ax = _figures.new_figure((4, 3))
    ax.plot([0, 1], [1, 2], label="Sales")
    ax.legend()
    ax.set_title("Growth")
    ax.set_xlabel("Year")
    text = bookhtml.png_description(_png(fig))
    assert text.startswith("Chart: Growth.") and "Year" in text and "Sales" in text


@pytest.mark.skipif(_figures.cjk_font() is None, reason="no CJK font installed")
def test_chinese_labels_are_drawn_with_a_cjk_font() -> None:
    frame = pd.DataFrame(
        {
            "feature": ["实时追踪", "正確訂單", "Tracking"],
            "better": [0.7, 0.2, 0.5],
            "worse": [-0.2, -0.8, -0.5],
        }
    )
    fig = plots.kano_plot(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would be a warning
        png = _png(fig)
    assert "实时追踪" in bookhtml.png_description(png)
    chinese = [t for t in fig.findobj(Text) if "实时" in t.get_text()]
    assert chinese and _figures.cjk_font() in chinese[0].get_fontfamily()


def test_chart_text_has_enough_contrast() -> None:
    frame = datasets.load_ipa_ratings(summary=True)
    figs = [
        plots.ipa_grid(frame),
        plots.kano_plot(
            pd.DataFrame({"feature": ["A", "B"], "better": [0.7, 0.2], "worse": [-0.2, -0.8]})
        ),
        plots.value_map(
            pd.DataFrame(
                {
                    "offering": ["Us", "Them"],
                    "relative_quality": [1.1, 0.9],
                    "relative_price": [1.0, 1.05],
                }
            ),
            firm="Us",
        ),
    ]
    for fig in figs:
        for text in fig.findobj(Text):
            if text.get_text().strip() and text.get_visible():
                assert _contrast(to_hex(text.get_color())) >= 4.5, text.get_text()
    nps = plots.nps_bar(pd.DataFrame({"nps": [10] * 40 + [8] * 30 + [3] * 30}))
    for text, bar in zip(nps.axes[0].texts, nps.axes[0].patches, strict=False):
        if "%" in text.get_text():
            ratio = _contrast(to_hex(text.get_color()), to_hex(bar.get_facecolor()))
            assert ratio >= 4.5, text.get_text()


def test_point_labels_never_overlap() -> None:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "attribute": [f"Attribute number {i}" for i in range(60)],
            "importance": rng.uniform(1, 7, 60),
            "performance": rng.uniform(1, 7, 60),
        }
    )
    boxes = _label_boxes(plots.ipa_grid(frame))
    assert boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_w = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_w <= 1 or overlap_h <= 1, "two labels overlap"


def test_ipa_grid_on_raw_ratings_draws_one_point_per_attribute_quickly() -> None:
    raw = datasets.load_ipa_ratings()
    start = time.perf_counter()
    fig = plots.ipa_grid(raw)
    assert len(fig.axes[0].collections[0].get_offsets()) == raw["attribute"].nunique()
    assert len(fig.axes[0].texts) <= raw["attribute"].nunique() + 4
    many = pd.DataFrame(
        {
            "attribute": [f"A{i}" for i in range(2000)],
            "importance": np.linspace(1, 7, 2000),
            "performance": np.linspace(7, 1, 2000) ** 1.01,
        }
    )
    plots.ipa_grid(many)
    assert time.perf_counter() - start < 5.0


def test_thin_stacked_segments_are_named_beside_their_bar() -> None:
    from matplotlib.patches import Patch

    fig, ax = plots._figure((6, 4))
    bottom = 0.0
    for height, colour in ((80, "#0072B2"), (2, "#E69F00"), (1.5, "#009E73")):
        ax.bar(0, height, bottom=bottom, width=0.4, color=colour)
        bottom += height
    ax.legend(
        handles=[
            Patch(color=c, label=n)
            for c, n in (("#0072B2", "money"), ("#E69F00", "time"), ("#009E73", "energy"))
        ]
    )
    plots._finish(ax, "Cost", "", "Euros")
    names = [t.get_text() for t in ax.texts]
    assert "time 2" in names and "energy 2" in names


def test_pages_mark_chinese_text_with_its_script() -> None:
    html = (
        "<html><head><title>术语表</title></head><body><p>顾客让渡价值 · 顧客讓渡價值. Kotler</p>"
    )
    html += "<script>var s = '顾客';</script><p>關係行銷</p></body></html>"
    out = bookhtml.finish_page(html, None, {"顧", "讓", "價", "關", "係", "銷"})
    assert (
        '<span lang="zh-Hans">顾客让渡价值</span> · <span lang="zh-Hant">顧客讓渡價值</span>' in out
    )
    assert '<span lang="zh-Hant">關係行銷</span>' in out
    assert "<title>术语表</title>" in out and "var s = '顾客';" in out


def test_pages_get_unique_ids_alt_text_and_numeric_cells() -> None:
    html = (
        '<div id="solution-content">a</div><div id="solution-content">b</div>'
        '<figure><img alt="../_images/abc.png" src="x.png"/><figcaption><p>'
        '<span class="caption-text">Value map of four offerings</span></p></figcaption></figure>'
        "<table><tr><td>Coffee</td><td>1,234.5</td><td>12 %</td></tr></table>"
    )
    out = bookhtml.finish_page(html, None, set())
    assert 'id="solution-content"' in out and 'id="solution-content-2"' in out
    assert 'alt="Value map of four offerings"' in out
    assert '<td>Coffee</td><td class="num">1,234.5</td><td class="num">12 %</td>' in out

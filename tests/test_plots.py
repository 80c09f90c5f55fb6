"""Tests for cpvkit.plots: every figure is a standalone Figure with the expected content."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt  # only to check that no pyplot figure is registered
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from cpvkit import datasets, plots

matplotlib.use("Agg")  # headless (tests/conftest.py also sets MPLBACKEND=Agg)


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _renders(fig: Figure) -> None:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=40)
    assert buf.getvalue()[:4] == b"\x89PNG"


@pytest.fixture(autouse=True)
def _no_pyplot_figures():
    before = plt.get_fignums()
    yield
    assert plt.get_fignums() == before, "a plot function registered a pyplot figure"


@pytest.fixture
def value_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "offering": ["Voltara", "SwiftSpoke", "Urbanix", "TrailKing"],
            "relative_quality": [1.07, 1.15, 0.86, 0.93],
            "relative_price": [0.98, 1.18, 0.78, 1.06],
        }
    )


@pytest.fixture
def ipa_frame() -> pd.DataFrame:
    return datasets.load_ipa_ratings(summary=True)


@pytest.fixture
def kano_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "feature": ["Tracking", "Fast delivery", "Correct order", "Dark mode"],
            "better": [0.65, 0.62, 0.22, 0.20],
            "worse": [-0.22, -0.74, -0.86, -0.04],
        }
    )


@pytest.fixture
def rfm_frame() -> pd.DataFrame:
    r, f = np.meshgrid(np.arange(1, 6), np.arange(1, 6), indexing="ij")
    r, f = np.repeat(r.ravel(), 2), np.repeat(f.ravel(), 2)
    return pd.DataFrame({"r_score": r, "f_score": f, "monetary": 10.0 * r + f})


# --- value map ------------------------------------------------------------------------------


def test_value_map_content(value_frame: pd.DataFrame) -> None:
    fig = plots.value_map(value_frame, firm="Voltara")
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert len(ax.collections) == 1
    assert ax.collections[0].get_offsets().shape == (4, 2)
    (line,) = ax.lines  # the fair-value line is the diagonal through (1, 1)
    xs, ys = line.get_data()
    assert np.allclose(xs, ys)
    assert xs[0] < 1 < xs[-1]
    texts = _texts(ax)
    assert set(value_frame["offering"]) <= set(texts)
    assert {"Better value", "Worse value"} <= set(texts)
    assert ax.get_xlabel() == "Relative perceived quality"
    assert ax.get_ylabel() == "Relative price"
    assert ax.get_title() == "Customer value map"
    assert ax.get_legend_handles_labels()[1] == ["Fair-value line"]
    # the firm is drawn larger than the competitors
    sizes = ax.collections[0].get_sizes()
    assert sizes[0] > sizes[1:].max()
    _renders(fig)


def test_value_map_rejects_bad_input(value_frame: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="missing column.*relative_price"):
        plots.value_map(value_frame.drop(columns="relative_price"))
    with pytest.raises(ValueError, match="firm must be one of"):
        plots.value_map(value_frame, firm="Nobody")
    with pytest.raises(ValueError, match="empty"):
        plots.value_map(value_frame.iloc[:0])
    bad = value_frame.assign(relative_quality=[1.0, np.nan, 1.0, 1.0])
    with pytest.raises(ValueError, match="relative_quality.*NaN"):
        plots.value_map(bad)
    with pytest.raises(TypeError, match="DataFrame"):
        plots.value_map([1, 2, 3])


# --- IPA grid -------------------------------------------------------------------------------


def test_ipa_grid_content(ipa_frame: pd.DataFrame) -> None:
    fig = plots.ipa_grid(ipa_frame)
    (ax,) = fig.axes
    assert ax.collections[0].get_offsets().shape == (10, 2)
    assert len(ax.lines) == 2  # crosshairs
    vertical, horizontal = ax.lines
    assert vertical.get_xdata()[0] == pytest.approx(ipa_frame["performance"].mean())
    assert horizontal.get_ydata()[0] == pytest.approx(ipa_frame["importance"].mean())
    texts = _texts(ax)
    assert len(texts) == 10 + 4
    assert set(plots.IPA_QUADRANTS.values()) <= set(texts)
    assert set(ipa_frame["attribute"]) <= set(texts)
    assert "Performance" in ax.get_xlabel() and "Importance" in ax.get_ylabel()
    _renders(fig)


def test_ipa_grid_crosshair_options(ipa_frame: pd.DataFrame) -> None:
    ax = plots.ipa_grid(ipa_frame, crosshair="median").axes[0]
    assert ax.lines[0].get_xdata()[0] == pytest.approx(ipa_frame["performance"].median())
    ax = plots.ipa_grid(ipa_frame, crosshair=(4.0, 4.5), scale=(1, 7)).axes[0]
    assert ax.lines[0].get_xdata()[0] == 4.0
    assert ax.lines[1].get_ydata()[0] == 4.5
    low, high = ax.get_xlim()
    assert low < 1 and high > 7 and high - low < 6.6


def test_ipa_grid_rejects_bad_input(ipa_frame: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="missing column.*importance"):
        plots.ipa_grid(ipa_frame.drop(columns="importance"))
    with pytest.raises(ValueError, match="crosshair must be one of"):
        plots.ipa_grid(ipa_frame, crosshair="mode")
    with pytest.raises(ValueError, match="crosshair must be"):
        plots.ipa_grid(ipa_frame, crosshair=(1, 2, 3))
    with pytest.raises(ValueError, match="scale must be increasing"):
        plots.ipa_grid(ipa_frame, scale=(7, 1))
    with pytest.raises(ValueError, match="scale must be a pair"):
        plots.ipa_grid(ipa_frame, scale=7)


# --- Kano -----------------------------------------------------------------------------------


def test_kano_plot_content(kano_frame: pd.DataFrame) -> None:
    fig = plots.kano_plot(kano_frame)
    (ax,) = fig.axes
    offsets = ax.collections[0].get_offsets()
    # x is |Worse|, y is Better
    assert np.allclose(offsets[:, 0], kano_frame["worse"].abs())
    assert np.allclose(offsets[:, 1], kano_frame["better"])
    assert len(ax.lines) == 2
    texts = _texts(ax)
    assert len(texts) == 4 + 4
    assert set(plots.KANO_QUADRANTS.values()) <= set(texts)
    assert "Worse" in ax.get_xlabel() and "Better" in ax.get_ylabel()
    _renders(fig)


def test_kano_plot_accepts_feature_index_and_positive_worse(kano_frame: pd.DataFrame) -> None:
    indexed = kano_frame.assign(worse=kano_frame["worse"].abs()).set_index("feature")
    ax = plots.kano_plot(indexed, threshold=0.4).axes[0]
    assert np.allclose(ax.collections[0].get_offsets()[:, 0], indexed["worse"])
    assert ax.lines[0].get_xdata()[0] == 0.4
    assert "Tracking" in _texts(ax)


def test_kano_plot_rejects_bad_input(kano_frame: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="missing column.*better"):
        plots.kano_plot(kano_frame.drop(columns="better"))
    with pytest.raises(ValueError, match=r"better.*\[-1, 1\]"):
        plots.kano_plot(kano_frame.assign(better=[1.5, 0.1, 0.1, 0.1]))
    with pytest.raises(ValueError, match="threshold"):
        plots.kano_plot(kano_frame, threshold=1.5)


# --- Lorenz ---------------------------------------------------------------------------------


def test_lorenz_plot_content() -> None:
    fig = plots.lorenz_plot([1, 1, 2, 6], top=0.25)
    (ax,) = fig.axes
    labels = ax.get_legend_handles_labels()[1]
    assert labels[0] == "Equality"
    assert labels[1] == "Customers (Gini = 0.40)"
    # top 25 % of customers (one of four) hold 6 of 10 = 60 %
    assert labels[2] == "Top 25% of customers hold 60% of value"
    curve = ax.lines[1]
    assert np.allclose(curve.get_xdata(), [0, 0.25, 0.5, 0.75, 1])
    assert np.allclose(curve.get_ydata(), [0, 0.1, 0.2, 0.4, 1])
    assert len(ax.lines) == 2 + 3  # equality, curve, two guides and the marker
    _renders(fig)


def test_lorenz_plot_without_marker_and_equal_values() -> None:
    ax = plots.lorenz_plot(np.full(5, 3.0), top=None, label="Stores").axes[0]
    assert len(ax.lines) == 2
    assert ax.get_legend_handles_labels()[1][1] == "Stores (Gini = 0.00)"


def test_lorenz_plot_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="values"):
        plots.lorenz_plot([1, -2, 3])
    with pytest.raises(ValueError, match="values"):
        plots.lorenz_plot([0, 0])
    with pytest.raises(ValueError, match="values is empty"):
        plots.lorenz_plot([])
    with pytest.raises(ValueError, match="top"):
        plots.lorenz_plot([1, 2, 3], top=1.0)


# --- survival -------------------------------------------------------------------------------


def test_survival_plot_content() -> None:
    fig = plots.survival_plot([0.6, 0.8, 0.9], periods=5, period_label="Year")
    (ax,) = fig.axes
    assert len(ax.lines) == 3
    assert np.allclose(ax.lines[1].get_ydata(), 0.8 ** np.arange(6))
    assert list(ax.lines[0].get_xdata()) == [0, 1, 2, 3, 4, 5]
    labels = ax.get_legend_handles_labels()[1]
    assert labels == [
        "r = 60% (expected lifetime 2.5 periods)",
        "r = 80% (expected lifetime 5.0 periods)",
        "r = 90% (expected lifetime 10.0 periods)",
    ]
    assert ax.get_xlabel() == "Year"
    _renders(fig)


def test_survival_plot_single_rate_and_bad_input() -> None:
    assert len(plots.survival_plot(0.5).axes[0].lines) == 1
    with pytest.raises(ValueError, match=r"retention_rates must be in \[0, 1\)"):
        plots.survival_plot([0.5, 1.0])
    with pytest.raises(ValueError, match="periods"):
        plots.survival_plot([0.5], periods=0)
    with pytest.raises(TypeError, match="periods"):
        plots.survival_plot([0.5], periods=2.5)


# --- RFM heatmap ----------------------------------------------------------------------------


def test_rfm_heatmap_mean(rfm_frame: pd.DataFrame) -> None:
    fig = plots.rfm_heatmap(rfm_frame)
    assert len(fig.axes) == 2  # heatmap and colour bar
    ax = fig.axes[0]
    (image,) = ax.images
    grid = np.asarray(image.get_array())
    assert grid.shape == (5, 5)
    assert grid[4, 0] == pytest.approx(51.0)  # r_score 5, f_score 1
    assert len(ax.texts) == 25
    assert "51.0" in _texts(ax)
    assert "Frequency" in ax.get_xlabel() and "Recency" in ax.get_ylabel()
    assert ax.get_title() == "Mean monetary by recency and frequency score"
    _renders(fig)


def test_rfm_heatmap_counts_and_empty_cells(rfm_frame: pd.DataFrame) -> None:
    part = rfm_frame[~((rfm_frame["r_score"] == 3) & (rfm_frame["f_score"] == 3))]
    ax = plots.rfm_heatmap(part.drop(columns="monetary"), stat="count").axes[0]
    grid = np.ma.filled(ax.images[0].get_array().astype(float), np.nan)
    assert np.isnan(grid[2, 2])
    assert np.nansum(grid) == len(part)
    assert len(ax.texts) == 24
    assert ax.get_title() == "Customers by recency and frequency score"


def test_rfm_heatmap_rejects_bad_input(rfm_frame: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="missing column.*f_score"):
        plots.rfm_heatmap(rfm_frame.drop(columns="f_score"))
    with pytest.raises(ValueError, match="missing column.*monetary"):
        plots.rfm_heatmap(rfm_frame.drop(columns="monetary"))
    with pytest.raises(ValueError, match="stat must be one of"):
        plots.rfm_heatmap(rfm_frame, stat="median")


# --- NPS bar --------------------------------------------------------------------------------


def test_nps_bar_single_group() -> None:
    frame = pd.DataFrame({"nps": [10] * 50 + [7] * 30 + [0] * 20})
    fig = plots.nps_bar(frame)
    (ax,) = fig.axes
    assert len(ax.containers) == 3
    widths = [c.patches[0].get_width() for c in ax.containers]
    assert np.allclose(widths, [0.2, 0.3, 0.5])
    assert "NPS +30" in _texts(ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["All (n=100)"]
    assert len(fig.legends) == 1
    _renders(fig)


def test_nps_bar_by_segment() -> None:
    survey = datasets.load_satisfaction_survey()
    ax = plots.nps_bar(survey, group="segment").axes[0]
    assert all(len(c.patches) == 3 for c in ax.containers)
    expected = []
    for name in ["student", "small business", "residential"]:  # bars drawn bottom to top
        s = survey.loc[survey["segment"] == name, "nps"]
        expected.append(f"NPS {100 * ((s >= 9).mean() - (s <= 6).mean()):+.0f}")
    assert [t for t in _texts(ax) if t.startswith("NPS")] == expected


def test_nps_bar_uses_satisfaction_nps() -> None:
    from cpvkit import satisfaction

    survey = datasets.load_satisfaction_survey()
    ax = plots.nps_bar(survey, group="segment").axes[0]
    names = ["student", "small business", "residential"]  # bars drawn bottom to top
    results = [satisfaction.nps(survey.loc[survey["segment"] == n, "nps"]) for n in names]
    assert [t for t in _texts(ax) if t.startswith("NPS")] == [
        f"NPS {r.score:+.0f}" for r in results
    ]
    promoters = ax.containers[2]
    assert [p.get_width() for p in promoters.patches] == pytest.approx(
        [r.shares["promoters"] for r in results]
    )
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{n} (n={r.n})" for n, r in zip(names, results, strict=True)]


def test_nps_bar_accepts_nps_results() -> None:
    from cpvkit import satisfaction

    frame = pd.DataFrame({"nps": [10] * 50 + [7] * 30 + [0] * 20})
    ax = plots.nps_bar(satisfaction.nps(frame["nps"])).axes[0]
    reference = plots.nps_bar(frame).axes[0]
    assert _texts(ax) == _texts(reference)
    assert [c.patches[0].get_width() for c in ax.containers] == pytest.approx([0.2, 0.3, 0.5])
    results = {
        "Q1": satisfaction.nps_from_counts((40, 30, 30)),
        "Q2": satisfaction.nps_from_counts({10: 5, 8: 3, 2: 2}),
    }
    ax = plots.nps_bar(results).axes[0]
    # mapping order from the top: Q1 on top, so Q2 is bar 0 at the bottom
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Q2 (n=10)", "Q1 (n=100)"]
    assert [t for t in _texts(ax) if t.startswith("NPS")] == ["NPS +30", "NPS +10"]
    with pytest.raises(ValueError, match="empty mapping"):
        plots.nps_bar({})
    with pytest.raises(TypeError, match="'Q1' maps to float"):
        plots.nps_bar({"Q1": 30.0})
    with pytest.raises(TypeError, match="DataFrame of answers, an NPSResult"):
        plots.nps_bar([9, 10])


def test_nps_bar_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="missing column.*nps"):
        plots.nps_bar(pd.DataFrame({"score": [1, 2]}))
    with pytest.raises(ValueError, match="missing column.*region"):
        plots.nps_bar(pd.DataFrame({"nps": [1, 2]}), group="region")
    with pytest.raises(ValueError, match=r"\[0, 10\]"):
        plots.nps_bar(pd.DataFrame({"nps": [1, 11]}))
    with pytest.raises(ValueError, match="whole numbers"):
        plots.nps_bar(pd.DataFrame({"nps": [1, 7.5]}))


def test_import_of_other_modules_does_not_load_matplotlib() -> None:
    import subprocess
    import sys

    code = (
        "import sys, cpvkit; from cpvkit import datasets; datasets.load_cdnow(); "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rfm_heatmap_on_cdnow_scores() -> None:
    from cpvkit import crm

    scores = crm.rfm_scores(crm.rfm_summary(datasets.load_cdnow()))
    fig = plots.rfm_heatmap(scores, stat="count")
    grid = np.ma.filled(fig.axes[0].images[0].get_array().astype(float), np.nan)
    assert grid.shape == (5, 5)
    assert np.nansum(grid) == 23570
    # cells match a direct count; ties among one-time buyers can leave a score unused (blank)
    counts = pd.crosstab(scores["r_score"], scores["f_score"])
    counts = counts.reindex(index=range(1, 6), columns=range(1, 6), fill_value=0)
    assert np.array_equal(np.nan_to_num(grid), counts.to_numpy())
    assert np.array_equal(np.isnan(grid), counts.to_numpy() == 0)

"""The live chart is redrawn into the previous figure; it must look exactly like a new one.

``Calculator._update`` reuses its last figure (see ``cpvkit._figures``) because that halves the
redraw time. These tests drive each calculator through input changes that alter data, limits,
scales, labels, legends, tick labels and the chart type, and after every change compare the
live SVG byte for byte with the same chart drawn into a brand-new figure (every element,
position, colour and label; the SVG's ids come from its content, so equal charts give equal
bytes).
"""

from __future__ import annotations

import matplotlib
import pytest

from cpvkit import plots
from cpvkit._figures import new_figure, reusing
from cpvkit.widgets import (
    CLVCalculator,
    ComplaintCalculator,
    IPACalculator,
    KanoCalculator,
    PerceivedValueCalculator,
    RetentionCalculator,
    RFMExplorer,
    SatisfactionCalculator,
)
from cpvkit.widgets._base import LIVE_RC, figure_svg

SCENARIOS = {
    RetentionCalculator: [
        {"retention": 0.5},
        {"retention": 0.95, "periods": 25},
        {"acquisition_cost": 0},  # all bars positive: the zero line and limits move
        {"retention": 1.5},  # invalid: no figure
        {"retention": 0.7, "periods": 3},
        {"chart": "Survival curve"},
        {"retention": 0.9},
        {"chart": "Cohort: customers and cumulative profit", "margin": 1e6},
    ],
    CLVCalculator: [
        {"retention": 0.6},
        {"compare": False},
        {"horizon": 5, "compare": True},
        {"include_first": True, "retention_b": 0.5},
        {"margin": -10},
    ],
    ComplaintCalculator: [
        {"complain_rate": 0.9},
        {"tell": 0, "retell": 0},
        {"dissatisfied": 1e6},
        {"complain_rate": 0.1},
    ],
    PerceivedValueCalculator: [
        {"firm_product": 200},
        {"competitor_monetary": 400},
        {"firm_image": 0, "firm_psychic": 0},
    ],
    SatisfactionCalculator: [
        {"chart": "Disconfirmation scale"},
        {"performance": 1.0},
        {"chart": "NPS split", "entry": "scores"},
        {"confidence": 0.99},
    ],
    KanoCalculator: [{"source": "typed"}, {"threshold": 0.3}, {"source": "survey"}],
    IPACalculator: [{"crosshair": "median"}, {"source": "typed"}, {"crosshair": "midpoint"}],
    RFMExplorer: [
        {"bins": 3},
        {"top": 0.05},
        {"chart": "Customer pyramid"},
        {"bins": 4},
        {"chart": "RFM heatmap"},
        {"bins": 5},
        {"chart": "Pareto curve", "analysis_date": "1997-06-30"},
        {"top": 0.5},
    ],
}


def _fresh_live_svg(calc) -> bytes:
    """The live chart of the current inputs, drawn into a new figure."""
    with matplotlib.rc_context(LIVE_RC):
        figure = calc._draw(calc.result)
    return figure_svg(figure, margins=calc.live_margins)


@pytest.mark.parametrize("cls", list(SCENARIOS), ids=lambda c: c.__name__)
def test_reused_live_chart_matches_a_new_one(cls) -> None:
    calc = cls()
    reused = 0
    for change in SCENARIOS[cls]:
        before = calc.figure
        calc.set(**change)
        if calc.error is not None:
            assert calc.figure is None
            continue
        reused += calc.figure is before
        live = bytes(calc._image.value).decode("utf-8")
        fresh = _fresh_live_svg(calc).decode("utf-8")
        assert live == fresh, f"{cls.__name__}: live chart differs after {change}"
    assert reused >= 1, "the live figure was never reused"


def test_new_figure_reuses_only_a_figure_of_the_same_layout() -> None:
    first, ax = new_figure((4.0, 3.0))
    ax.plot([0, 1], [2, 5], label="line")
    ax.legend()
    ax.set_title("title")
    ax.set_xlim(0, 10)
    with reusing(first):
        same, again = new_figure((4.0, 3.0))
        other, _ = new_figure((5.0, 3.0))
        pair, _ = new_figure((4.0, 3.0), 1, 2)
    assert same is first and again is ax
    assert other is not first and pair is not first
    assert not ax.lines and ax.get_legend() is None and ax.get_title() == ""
    assert ax.get_autoscalex_on() and ax.get_autoscaley_on()


def test_figure_with_a_colour_bar_is_not_reused() -> None:
    import pandas as pd

    customers = pd.DataFrame(
        {"r_score": [1, 2, 3, 3], "f_score": [1, 2, 3, 1], "monetary": [1.0, 2.0, 3.0, 4.0]}
    )
    heatmap = plots.rfm_heatmap(customers)
    with reusing(heatmap):
        fig, _ = new_figure(heatmap.get_size_inches().tolist())
    assert fig is not heatmap


def test_figure_with_a_figure_legend_is_reused_and_drawn_as_new() -> None:
    from cpvkit.satisfaction import nps_from_counts

    first = plots.nps_bar(nps_from_counts((20, 30, 50)), figsize=(7.0, 2.6))
    assert len(first.legends) == 1
    with reusing(first):
        again = plots.nps_bar(nps_from_counts((60, 30, 10)), figsize=(7.0, 2.6))
    assert again is first and len(again.legends) == 1
    fresh = plots.nps_bar(nps_from_counts((60, 30, 10)), figsize=(7.0, 2.6))
    assert figure_svg(again) == figure_svg(fresh)
    assert [t.get_text() for t in again.axes[0].texts] == [
        t.get_text() for t in fresh.axes[0].texts
    ]


def test_outside_reusing_every_chart_gets_a_new_figure() -> None:
    first, _ = new_figure((4.0, 3.0))
    second, _ = new_figure((4.0, 3.0))
    assert first is not second

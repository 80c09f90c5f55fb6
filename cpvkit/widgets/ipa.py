"""Importance-performance analysis: attributes placed on the IPA grid."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from cpvkit import datasets, plots, satisfaction
from cpvkit.widgets._base import Calculator, Field, html_table
from cpvkit.widgets._tables import parse_rows

__all__ = ["IPACalculator", "IPAResult"]

# illustrative mean ratings on a 1-7 scale (attribute, importance, performance)
_TYPED = """\
Coffee taste, 6.3, 5.9
Speed of service, 6.1, 3.9
Value for money, 5.9, 4.2
Friendly staff, 5.7, 5.9
Music, 3.2, 5.1
Wi-Fi, 3.9, 3.1
"""


@dataclass(frozen=True)
class IPAResult:
    """Result of :class:`IPACalculator`.

    Attributes
    ----------
    table : pandas.DataFrame
        :func:`cpvkit.satisfaction.ipa`: one row per attribute with its importance,
        performance and quadrant (Martilla and James's labels).
    """

    table: pd.DataFrame


class IPACalculator(Calculator):
    """Importance-performance analysis: attributes with importance and performance on the grid.

    Inputs: ``source`` (``"survey"``: mean ratings of the simulated coffee-shop survey,
    :func:`cpvkit.datasets.load_ipa_ratings` with ``summary=True``; ``"typed"``: the lines in
    ``ratings``), ``ratings`` (one attribute per line: ``attribute, importance,
    performance``) and ``crosshair`` (``"mean"`` or ``"median"`` of the attributes, or
    ``"midpoint"``: the middle of the 1-7 scale). Quadrants are
    :func:`cpvkit.satisfaction.ipa`, the chart :func:`cpvkit.plots.ipa_grid`.

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = IPACalculator(source="typed")
    >>> calc.result.table.set_index("attribute").loc["Speed of service", "quadrant"]
    'Concentrate here'
    >>> calc.set(ratings="Coffee taste, high, 5.9").error
    "ratings: line 1: importance must be a number; got 'high'"
    """

    title = "Importance-performance analysis"
    intro = (
        "Place attributes by their importance and performance: concentrate on the important "
        "ones that perform poorly, keep up the good work on the important ones that perform well."
    )
    fields = (
        Field(
            "source",
            "Ratings",
            kind="choice",
            default="survey",
            options=[
                ("Simulated survey (data/ipa_ratings.csv)", "survey"),
                ("Typed below", "typed"),
            ],
        ),
        Field("ratings", "attribute, importance, performance", kind="text", default=_TYPED, rows=7),
        Field(
            "crosshair",
            "Crosshair",
            kind="choice",
            default="mean",
            options=[
                ("mean of the attributes", "mean"),
                ("median of the attributes", "median"),
                ("scale midpoint (4 on 1-7)", "midpoint"),
            ],
        ),
    )

    def _live_data(self) -> dict:
        """The survey's mean ratings per attribute for the page calculator."""
        table = datasets.load_ipa_ratings(summary=True)
        rows = table[["attribute", "importance", "performance"]].itertuples(index=False)
        return {"survey": [[str(a), float(i), float(p)] for a, i, p in rows]}

    def _crosshair(self) -> str | tuple[float, float]:
        choice = self.inputs["crosshair"].value
        return (4.0, 4.0) if choice == "midpoint" else choice

    def _ratings(self) -> pd.DataFrame:
        if self.inputs["source"].value == "survey":
            return datasets.load_ipa_ratings(summary=True)[
                ["attribute", "importance", "performance"]
            ]
        return parse_rows(
            "ratings",
            self.inputs["ratings"].value,
            ["attribute", "importance", "performance"],
            ["importance", "performance"],
        )

    def _compute(self) -> IPAResult:
        return IPAResult(table=satisfaction.ipa(self._ratings(), crosshair=self._crosshair()))

    def _draw(self, result: IPAResult, chart: str | None = None) -> Figure:
        return plots.ipa_grid(result.table, crosshair=self._crosshair(), figsize=(6.6, 5.2))

    def _summary(self, result: IPAResult) -> list[str]:
        table = result.table
        focus = table.loc[table["quadrant"] == "Concentrate here", "attribute"].astype(str)
        listing = ", ".join(focus) if len(focus) else "none"
        return [f"{len(table)} attributes. Concentrate here: {listing}."]

    def _result_html(self, result: IPAResult) -> str:
        lines = self._summary_html(result)
        return f"<p>{lines}</p>{html_table(result.table, index=False, float_format='{:,.2f}')}"

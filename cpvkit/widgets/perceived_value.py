"""Perceived value calculator: customer delivered value of the firm against a competitor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cpvkit import value
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, esc, html_table

__all__ = ["PerceivedValueCalculator", "PerceivedValueResult"]

VALUES = ("product", "service", "personnel", "image")
COSTS = ("monetary", "time", "energy", "psychic")

# illustrative ratings (points on a common scale), not data
_FIRM = {
    "product": 40,
    "service": 20,
    "personnel": 15,
    "image": 10,
    "monetary": 50,
    "time": 5,
    "energy": 4,
    "psychic": 3,
}
_RIVAL = {
    "product": 42,
    "service": 12,
    "personnel": 12,
    "image": 12,
    "monetary": 45,
    "time": 8,
    "energy": 6,
    "psychic": 4,
}


@dataclass(frozen=True)
class PerceivedValueResult:
    """Result of :class:`PerceivedValueCalculator`.

    Attributes
    ----------
    firm, competitor : cpvkit.value.DeliveredValue
        :func:`cpvkit.value.delivered_value` of each offering (total value, total cost,
        delivered value and value/cost ratio).
    contributions : pandas.DataFrame
        Where the difference in delivered value comes from: one row per component, column
        ``firm``, ``competitor`` and ``advantage`` (firm minus competitor for the values,
        competitor minus firm for the costs, so that a positive number favours the firm);
        the advantages sum to the difference in delivered value.
    """

    firm: Any
    competitor: Any
    contributions: pd.DataFrame

    @property
    def advantage(self) -> float:
        """Delivered value of the firm minus that of the competitor."""
        return float(self.firm.value - self.competitor.value)


class PerceivedValueCalculator(Calculator):
    """Customer perceived value: total value, total cost and delivered value, firm vs competitor.

    Inputs: ``firm_<part>`` and ``competitor_<part>`` for the four values (``product``,
    ``service``, ``personnel``, ``image``) and the four costs (``monetary``, ``time``,
    ``energy``, ``psychic``) of Kotler's customer delivered value, in points of one common
    scale. The defaults are illustrative ratings, not data. The arithmetic is
    :func:`cpvkit.value.delivered_value`.

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = PerceivedValueCalculator()
    >>> calc.result.firm.total_value, calc.result.firm.total_cost
    (85.0, 62.0)
    >>> calc.set(firm_time=-3).error
    'Firm: time must be >= 0; got -3'
    """

    title = "Customer perceived value"
    intro = (
        "Total customer value (product, service, personnel, image) minus total customer cost "
        "(money, time, energy, psychic cost) for the firm and a competitor, and where the "
        "difference comes from. Default ratings are illustrative."
    )
    live_margins = {"left": 0.2, "right": 0.97}  # noqa: RUF012
    # firm and competitor side by side (the live view shows two columns)
    fields = tuple(
        Field(f"{who}_{part}", f"{label}: {part}", default=defaults[part], low=0)
        for part in VALUES + COSTS
        for who, label, defaults in (("firm", "Firm", _FIRM), ("competitor", "Competitor", _RIVAL))
    )

    def _offering(self, who: str) -> Any:
        parts = {part: self._number(f"{who}_{part}") for part in VALUES + COSTS}
        try:
            return value.delivered_value(**parts)
        except (ValueError, TypeError) as exc:
            raise type(exc)(f"{who.capitalize()}: {exc}") from None

    def _compute(self) -> PerceivedValueResult:
        firm, rival = self._offering("firm"), self._offering("competitor")
        parts = list(VALUES + COSTS)
        f = np.array([self._number(f"firm_{p}") for p in parts])
        c = np.array([self._number(f"competitor_{p}") for p in parts])
        sign = np.array([1.0] * len(VALUES) + [-1.0] * len(COSTS))
        contributions = pd.DataFrame(
            {"kind": ["value"] * len(VALUES) + ["cost"] * len(COSTS), "firm": f, "competitor": c},
            index=pd.Index(parts, name="component"),
        )
        contributions["advantage"] = sign * (f - c)
        return PerceivedValueResult(firm=firm, competitor=rival, contributions=contributions)

    def _draw(self, result: PerceivedValueResult, chart: str | None = None) -> Figure:
        frame = result.contributions
        labels = [f"{p} ({k})" for p, k in zip(frame.index, frame["kind"], strict=True)]
        labels.append("delivered value")
        bars = np.append(frame["advantage"].to_numpy(), result.advantage)
        fig, ax = new_figure((7.0, 3.8))
        y = np.arange(len(bars))[::-1]
        colours = np.where(bars >= 0, "#009E73", "#D55E00")
        ax.barh(y, bars, color=colours)
        ax.barh(y[-1:], bars[-1:], color=colours[-1:], edgecolor="black", linewidth=1.2)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_yticks(y, labels=labels)
        ax.set_xlabel("Advantage of the firm over the competitor (points)")
        ax.set_title("Where the difference in delivered value comes from", fontsize=12)
        ax.grid(True, axis="x", alpha=0.3)
        return fig

    def _summary(self, result: PerceivedValueResult) -> list[str]:
        lines = []
        for name, dv in (("Firm", result.firm), ("Competitor", result.competitor)):
            lines.append(
                f"{name}: total value {dv.total_value:,.2f}, total cost {dv.total_cost:,.2f}, "
                f"delivered value {dv.value:,.2f}, value/cost ratio {dv.ratio:,.3f}."
            )
        lines.append(f"Delivered value, firm minus competitor: {result.advantage:+,.2f}.")
        return lines

    def _result_html(self, result: PerceivedValueResult) -> str:
        table = pd.DataFrame(
            {
                name: [
                    f"{dv.total_value:,.2f}",
                    f"{dv.total_cost:,.2f}",
                    f"{dv.value:,.2f}",
                    f"{dv.ratio:,.3f}",  # a ratio near 1 needs the third decimal
                ]
                for name, dv in (("firm", result.firm), ("competitor", result.competitor))
            },
            index=["total value", "total cost", "delivered value", "value/cost ratio"],
        )
        last = esc(self._summary(result)[-1])
        return f"{html_table(table)}<p>{last}</p>"

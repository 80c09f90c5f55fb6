"""Customer lifetime value calculator: CLV, its period-by-period build-up, two scenarios."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from cpvkit import crm
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, esc, html_table
from cpvkit.widgets._curves import curve_points, point_markers

__all__ = ["CLVCalculator", "CLVResult"]

#: Rows of the build-up table shown in the calculator (the chart shows every period).
TABLE_ROWS = 10


@dataclass(frozen=True)
class CLVResult:
    """Result of :class:`CLVCalculator`.

    Attributes
    ----------
    clv : float
        CLV of scenario A (:func:`cpvkit.crm.clv`), after the acquisition cost.
    schedule : pandas.DataFrame
        Build-up of scenario A, :func:`cpvkit.crm.clv_schedule`.
    clv_b : float or None
        CLV of scenario B (``None`` when the comparison is switched off).
    schedule_b : pandas.DataFrame or None
        Build-up of scenario B.
    """

    clv: float
    schedule: pd.DataFrame
    clv_b: float | None
    schedule_b: pd.DataFrame | None

    @property
    def difference(self) -> float | None:
        """``clv_b - clv`` (``None`` without a comparison)."""
        return None if self.clv_b is None else self.clv_b - self.clv


class CLVCalculator(Calculator):
    """Customer lifetime value: the CLV of a customer, its build-up and a second scenario.

    Inputs: ``margin`` (per period), ``retention`` (in [0, 1)), ``discount_rate``,
    ``acquisition_cost`` for scenario A and ``margin_b``, ``retention_b``,
    ``discount_rate_b``, ``acquisition_cost_b`` for scenario B; shared ``horizon`` (number of
    margins counted, 1-10,000; empty = no limit), ``include_first`` (count the margin paid at
    acquisition, time 0; on by default), ``periods`` (periods shown in the build-up when there
    is no horizon, 1-10,000) and ``compare`` (show scenario B). The timing is the convention
    of :mod:`cpvkit.crm`: the first margin is paid at acquisition and each later one at the
    start of a period the customer stays for, so with no discounting the CLV is the margin
    times the expected lifetime ``1 / (1 - r)``. Switching ``include_first`` off leaves the
    value of the future margins of a customer who has just paid (Gupta & Lehmann's margin
    multiple ``r / (1 + d - r)`` times the margin). Defaults: the textbook case m = 100,
    r = 0.8, d = 0.1 (CLV 366.67, of which 266.67 future margins) against r = 0.9 (CLV 550).

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = CLVCalculator(margin=100, retention=0.8, discount_rate=0.1)
    >>> round(calc.result.clv, 2), round(calc.result.clv_b, 2)
    (366.67, 550.0)
    >>> round(calc.set(include_first=False).result.clv, 2)
    266.67
    >>> calc.set(discount_rate=-0.1).error
    'A: discount rate must be >= 0; got -0.1'
    """

    title = "Customer lifetime value"
    intro = (
        "Lifetime value of one customer from margin, retention and discount rate, built up "
        "period by period, for two scenarios side by side."
    )
    fields = (
        Field("margin", "A: margin per period", default=100.0),
        Field("retention", "A: retention rate", default=0.8, low=0, high=1, high_open=True),
        Field("discount_rate", "A: discount rate", default=0.1, low=0),
        Field("acquisition_cost", "A: acquisition cost", default=0.0, low=0),
        Field("margin_b", "B: margin per period", default=100.0),
        Field("retention_b", "B: retention rate", default=0.9, low=0, high=1, high_open=True),
        Field("discount_rate_b", "B: discount rate", default=0.1, low=0),
        Field("acquisition_cost_b", "B: acquisition cost", default=0.0, low=0),
        Field(
            "horizon",
            "Horizon in periods (1-10,000; empty = no limit)",
            kind="int",
            optional=True,
            low=1,
            high=10_000,
        ),
        Field(
            "periods",
            "Periods shown (no horizon; 1-10,000)",
            kind="int",
            default=20,
            low=1,
            high=10_000,
        ),
        Field(
            "include_first",
            "Count the margin paid at acquisition (time 0)",
            kind="flag",
            default=True,
        ),
        Field("compare", "Compare with scenario B", kind="flag", default=True),
    )

    def _scenario(self, suffix: str, horizon: int | None, periods: int) -> tuple:
        names = ("margin", "retention", "discount_rate", "acquisition_cost")
        m, r, d, a = (self._number(n + suffix) for n in names)
        first = bool(self.inputs["include_first"].value)
        try:
            value = crm.clv(m, r, d, horizon=horizon, include_first=first, acquisition_cost=a)
            schedule = crm.clv_schedule(
                m, r, d, periods=horizon or periods, include_first=first, acquisition_cost=a
            )
        except (ValueError, TypeError) as exc:
            if suffix:
                raise type(exc)(f"Scenario B: {exc}") from None
            raise
        return float(value), schedule

    def _compute(self) -> CLVResult:
        horizon = self._number("horizon")
        periods = self._number("periods")
        value, schedule = self._scenario("", horizon, periods)
        value_b = schedule_b = None
        if self.inputs["compare"].value:
            value_b, schedule_b = self._scenario("_b", horizon, periods)
        return CLVResult(clv=value, schedule=schedule, clv_b=value_b, schedule_b=schedule_b)

    def _draw(self, result: CLVResult, chart: str | None = None) -> Figure:
        fig, ax = new_figure((7.0, 3.8))
        series = [("A", result.schedule, result.clv, "#0072B2")]
        if result.schedule_b is not None:
            series.append(("B", result.schedule_b, result.clv_b, "#D55E00"))
        for name, schedule, value, colour in series:
            keep = curve_points(len(schedule))
            ax.plot(
                schedule["period"].to_numpy()[keep],
                schedule["cumulative_clv"].to_numpy()[keep],
                color=colour,
                **point_markers(len(schedule), size=2.5),
                label=f"Scenario {name}: CLV {value:,.2f}",
            )
            ax.axhline(value, color=colour, linestyle="--", linewidth=1)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xlabel("Period")
        ax.set_ylabel("Cumulative discounted value")
        ax.set_title("Build-up of customer lifetime value", fontsize=12)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=9, frameon=False, loc="lower right")
        return fig

    def _summary(self, result: CLVResult) -> list[str]:
        lines = [f"Scenario A: CLV {result.clv:,.2f}."]
        if result.clv_b is not None:
            lines.append(
                f"Scenario B: CLV {result.clv_b:,.2f}; difference B - A {result.difference:+,.2f}."
            )
        return lines

    def _result_html(self, result: CLVResult) -> str:
        lines = self._summary_html(result)
        table = result.schedule.head(TABLE_ROWS).rename(
            columns={
                "expected_margin": "expected margin",
                "discount_factor": "discount factor",
                "present_value": "present value",
                "cumulative_clv": "cumulative CLV",
            }
        )
        more = len(result.schedule) - TABLE_ROWS
        note = f" (first {TABLE_ROWS} of {len(result.schedule)} periods)" if more > 0 else ""
        return (
            f"<p>{lines}</p><p><small>Build-up of scenario A{esc(note)}:</small></p>"
            f"{html_table(table, index=False, float_format='{:,.3f}')}"
        )

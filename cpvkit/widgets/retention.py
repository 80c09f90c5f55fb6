"""Retention economics calculator: expected lifetime, survival, cohort profit, retention table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cpvkit import plots, relationship
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, html_table
from cpvkit.widgets._curves import curve_points, point_markers

__all__ = ["RetentionCalculator", "RetentionResult"]

#: Retention rates of the reference table (50 % to 95 % in steps of 5 points).
TABLE_RATES = np.round(np.arange(0.50, 0.951, 0.05), 2)

_COHORT = "Cohort: customers and cumulative profit"
_SURVIVAL = "Survival curve"

#: Largest number of periods the calculator accepts (it updates within 100 ms up to here).
MAX_PERIODS = 10_000


@dataclass(frozen=True)
class RetentionResult:
    """Result of :class:`RetentionCalculator`.

    Attributes
    ----------
    lifetime : float
        Expected lifetime ``1 / (1 - r)`` in periods
        (:func:`cpvkit.relationship.expected_lifetime`).
    clv : float
        Lifetime value of one customer before the acquisition cost (:func:`cpvkit.crm.clv`,
        infinite horizon; the first margin is paid at acquisition, time 0).
    clv_net : float
        ``clv`` minus the acquisition cost.
    cohort : pandas.DataFrame
        :func:`cpvkit.relationship.cohort_projection` of the cohort, periods 1..``periods``.
    payback_period : int or None
        First period in which the cohort's cumulative discounted profit is no longer negative
        (``None`` if it stays negative over the periods shown).
    table : pandas.DataFrame
        :func:`cpvkit.relationship.retention_table` for retention rates 50 % to 95 %, with an
        extra column ``clv_net`` (after the acquisition cost).
    """

    lifetime: float
    clv: float
    clv_net: float
    cohort: pd.DataFrame
    payback_period: int | None
    table: pd.DataFrame


class RetentionCalculator(Calculator):
    """Retention economics: what a retention rate means for lifetime, survival and profit.

    Inputs (names for the constructor and
    :meth:`~cpvkit.widgets.Calculator.set`): ``retention`` (rate per period in
    [0, 1)), ``margin`` (per active customer per period), ``discount_rate`` (per period),
    ``acquisition_cost`` (per customer), ``customers`` (size of the acquired cohort),
    ``periods`` (how many periods to follow it, 1 to ``MAX_PERIODS`` = 10,000) and
    ``chart`` (``"Cohort: customers and cumulative profit"`` or ``"Survival curve"``). The
    defaults are the illustrative numbers of the cohort example in :ref:`ch-relationship`:
    1,000 customers acquired at 150 each, a margin of 100 a period, 10 % discount rate,
    retention 80 %, ten periods.

    Timing follows :mod:`cpvkit.crm`: the cohort pays its first margin in the period of
    acquisition (time 0), so the expected lifetime ``1 / (1 - r)`` counts paid periods and the
    cohort's cumulative discounted profit tends to ``customers * (CLV - acquisition cost)``.
    The charts draw at most 1,001 points per curve (longer projections are thinned evenly),
    so an update stays within 100 ms at 10,000 periods; the survival curve shows at most
    1,000 periods.

    The arithmetic is :mod:`cpvkit.relationship` (``expected_lifetime``,
    ``cohort_projection``, ``retention_table``) and :func:`cpvkit.crm.clv`; the survival chart
    is :func:`cpvkit.plots.survival_plot`.

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = RetentionCalculator(retention=0.8, margin=100, discount_rate=0.1)
    >>> calc.result.lifetime, round(calc.result.clv, 2)
    (5.0, 366.67)
    >>> calc.set(retention=1.0).error
    'Retention rate per period must be in [0, 1); got 1'
    >>> calc.inputs["retention"].value
    '1'
    """

    title = "Retention economics"
    intro = (
        "Expected lifetime, survival and the profit of an acquired cohort at a constant "
        "retention rate, with the lifetime value across retention rates from 50% to 95%."
    )
    charts = (_COHORT, _SURVIVAL)
    live_margins = {"left": 0.09, "right": 0.98, "wspace": 0.45}  # noqa: RUF012
    fields = (
        Field("retention", "Retention rate per period", default=0.8, low=0, high=1, high_open=True),
        Field("margin", "Margin per customer per period", default=100.0),
        Field("discount_rate", "Discount rate per period", default=0.1, low=0),
        Field("acquisition_cost", "Acquisition cost per customer", default=150.0, low=0),
        Field("customers", "Customers acquired", default=1000.0, low=0),
        Field(
            "periods", "Periods shown (1-10,000)", kind="int", default=10, low=1, high=MAX_PERIODS
        ),
        Field("chart", "Chart", kind="choice", default=_COHORT, options=[(c, c) for c in charts]),
    )

    def _compute(self) -> RetentionResult:
        r = self._number("retention")
        m = self._number("margin")
        d = self._number("discount_rate")
        a = self._number("acquisition_cost")
        n = self._number("customers")
        periods = self._number("periods")
        lifetime = relationship.expected_lifetime(r)
        cohort = relationship.cohort_projection(
            n, r, m, periods, discount_rate=d, acquisition_cost=a
        )
        gross = relationship.retention_table(TABLE_RATES, m, discount_rate=d)
        net = relationship.retention_table(TABLE_RATES, m, discount_rate=d, acquisition_cost=a)
        table = gross.assign(clv_net=net["clv"].to_numpy())
        one = relationship.retention_table([r], m, discount_rate=d)
        value = float(one["clv"].iloc[0])
        paid = cohort.loc[cohort["cumulative_present_value"] >= 0, "period"]
        payback = int(paid.iloc[0]) if len(paid) else None
        return RetentionResult(
            lifetime=float(lifetime),
            clv=value,
            clv_net=value - a,
            cohort=cohort,
            payback_period=payback,
            table=table,
        )

    def _draw(self, result: RetentionResult, chart: str | None = None) -> Figure:
        chart = chart or self._chart()
        r = self._number("retention")
        periods = len(result.cohort)
        if chart == _SURVIVAL:
            shown = max(1, min(periods - 1, 1000))
            return plots.survival_plot([r], periods=shown, figsize=(6.5, 3.6))
        cohort = result.cohort
        keep = curve_points(periods)
        x = cohort["period"].to_numpy()[keep]
        active = cohort["customers"].to_numpy()[keep]
        value = cohort["cumulative_present_value"].to_numpy()[keep]
        marker = point_markers(periods)
        fig, (ax_n, ax_p) = new_figure((8.0, 3.4), 1, 2)
        ax_n.plot(x, active, color="#0072B2", **marker)
        ax_n.set_xlabel("Period")
        ax_n.set_ylabel("Customers still active")
        ax_n.set_title(f"Cohort at retention {r:.0%}", fontsize=11)
        ax_n.set_ylim(bottom=0)
        ax_p.plot(x, value, color="#333333", linewidth=1.2, **marker)
        ax_p.fill_between(x, value, 0, where=value >= 0, color="#009E73", alpha=0.6, step=None)
        ax_p.fill_between(x, value, 0, where=value < 0, color="#D55E00", alpha=0.6, step=None)
        ax_p.axhline(0, color="black", linewidth=0.8)
        ax_p.set_xlabel("Period")
        ax_p.set_ylabel("Cumulative discounted profit")
        ax_p.set_title("Cohort profit (after acquisition cost)", fontsize=11)
        ax_p.yaxis.set_major_formatter("{x:,.0f}")
        for ax in (ax_n, ax_p):
            ax.grid(True, alpha=0.3)
            ax.set_xlim(1, max(periods, 2))
        return fig

    def _summary(self, result: RetentionResult) -> list[str]:
        cohort = result.cohort
        last = cohort.iloc[-1]
        payback = (
            f"pays back in period {result.payback_period}"
            if result.payback_period is not None
            else "does not pay back within the periods shown"
        )
        return [
            f"Expected lifetime {result.lifetime:.2f} paid periods (the period of acquisition "
            f"included); CLV {result.clv:,.2f} per customer, {result.clv_net:,.2f} after the "
            "acquisition cost.",
            f"Cohort after {int(last['period'])} periods: {last['customers']:,.0f} customers "
            f"active, cumulative discounted profit {last['cumulative_present_value']:,.0f}; "
            f"the cohort {payback}.",
        ]

    def _result_html(self, result: RetentionResult) -> str:
        lines = self._summary_html(result)
        table = result.table.assign(
            retention=result.table["retention"].map("{:.0%}".format),
            churn=result.table["churn"].map("{:.0%}".format),
        ).rename(
            columns={
                "lifetime": "expected lifetime",
                "clv": "CLV",
                "clv_net": "CLV after acquisition cost",
            }
        )
        return (
            f"<p>{lines}</p><p><small>Lifetime and CLV by retention rate (same margin and "
            f"discount rate):</small></p>{html_table(table, index=False)}"
        )

"""Complaint and word-of-mouth calculator: who hears about a bad experience, what recovery buys."""

# no "from __future__ import annotations": the result fields name classes of other cpvkit
# modules, and the API reference resolves them only from evaluated annotations
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cpvkit import relationship
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, html_table

__all__ = ["ComplaintCalculator", "ComplaintResult"]


@dataclass(frozen=True)
class ComplaintResult:
    """Result of :class:`ComplaintCalculator`.

    Attributes
    ----------
    word_of_mouth : cpvkit.relationship.WordOfMouth
        People who hear about the bad experience (:func:`cpvkit.relationship.word_of_mouth`).
    recovery : cpvkit.relationship.ComplaintRecovery
        Customers kept with and without complaint recovery
        (:func:`cpvkit.relationship.complaint_recovery`).
    """

    word_of_mouth: relationship.WordOfMouth
    recovery: relationship.ComplaintRecovery

    def to_frame(self) -> pd.DataFrame:
        """Where the dissatisfied customers end up: one row per group."""
        rec = self.recovery
        return pd.DataFrame(
            {
                "customers": [rec.resolved, rec.unresolved, rec.silent],
                "buy again": [rec.retained_resolved, rec.retained_unresolved, rec.retained_silent],
            },
            index=pd.Index(
                ["complained, resolved", "complained, not resolved", "did not complain"],
                name="group",
            ),
        )


class ComplaintCalculator(Calculator):
    """Complaints and word of mouth: how far a bad experience travels, what recovery buys back.

    Inputs: ``dissatisfied`` (number of dissatisfied customers), ``tell`` (people each of them
    tells), ``retell`` (further people each listener tells), ``complain_rate`` (share who
    complain), ``resolved_rate`` (share of complaints resolved), ``repurchase_resolved``,
    ``repurchase_unresolved``, ``repurchase_silent`` (repurchase rates of the three groups)
    and ``customer_value`` (value of a kept customer, e.g. a CLV; may be empty). The defaults
    are ILLUSTRATIVE numbers for teaching, not survey results; published figures (such as the
    TARP studies quoted in textbooks) vary by industry and year - type in the ones you want
    to discuss. The arithmetic is :func:`cpvkit.relationship.word_of_mouth` and
    :func:`cpvkit.relationship.complaint_recovery`.

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = ComplaintCalculator(dissatisfied=1000, complain_rate=0.3, resolved_rate=0.5)
    >>> round(calc.result.recovery.recovered_customers, 6)
    90.0
    >>> calc.set(complain_rate="120%").error
    'Share who complain must be in [0, 1]; got 1.2'
    """

    title = "Complaints and word of mouth"
    intro = (
        "How many people hear about a bad experience, and how many dissatisfied customers "
        "complaint handling wins back. Default inputs are illustrative, not survey figures."
    )
    live_margins = {"left": 0.09, "wspace": 0.38, "bottom": 0.1}  # noqa: RUF012
    fields = (
        Field("dissatisfied", "Dissatisfied customers", default=1000.0, low=0),
        Field("tell", "People each tells", default=10.0, low=0),
        Field("retell", "Further people each listener tells", default=2.0, low=0),
        Field("complain_rate", "Share who complain", default=0.3, low=0, high=1),
        Field("resolved_rate", "Share of complaints resolved", default=0.5, low=0, high=1),
        Field("repurchase_resolved", "Buy again: complaint resolved", default=0.8, low=0, high=1),
        Field("repurchase_unresolved", "Buy again: not resolved", default=0.2, low=0, high=1),
        Field("repurchase_silent", "Buy again: did not complain", default=0.1, low=0, high=1),
        Field("customer_value", "Value of a kept customer", default=200.0, optional=True),
    )

    def _compute(self) -> ComplaintResult:
        n = self._number("dissatisfied")
        wom = relationship.word_of_mouth(
            n, tell=self._number("tell"), retell=self._number("retell")
        )
        recovery = relationship.complaint_recovery(
            n,
            complain_rate=self._number("complain_rate"),
            resolved_rate=self._number("resolved_rate"),
            repurchase_resolved=self._number("repurchase_resolved"),
            repurchase_unresolved=self._number("repurchase_unresolved"),
            repurchase_silent=self._number("repurchase_silent"),
            customer_value=self._number("customer_value"),
        )
        return ComplaintResult(word_of_mouth=wom, recovery=recovery)

    def _draw(self, result: ComplaintResult, chart: str | None = None) -> Figure:
        rec, wom = result.recovery, result.word_of_mouth
        fig, (ax_k, ax_w) = new_figure((8.0, 3.4), 1, 2, width_ratios=[1.3, 1])
        labels = ["without recovery", "with recovery"]
        x = np.arange(2)  # numeric positions, named by the tick labels
        silent = np.array([rec.retained_silent, rec.retained_silent])
        complainers = np.array(
            [rec.retained_without_recovery - rec.retained_silent, rec.retained_unresolved]
        )
        resolved = np.array([0.0, rec.retained_resolved])
        ax_k.bar(x, silent, color="#7F7F7F", label="did not complain")
        ax_k.bar(x, complainers, bottom=silent, color="#E69F00", label="complained, not resolved")
        ax_k.bar(
            x,
            resolved,
            bottom=silent + complainers,
            color="#009E73",
            label="complaint resolved",
        )
        ax_k.set_xticks(x, labels=labels)
        for position, total in enumerate([rec.retained_without_recovery, rec.retained]):
            ax_k.text(position, total, f"{total:,.0f}", ha="center", va="bottom", fontsize=9)
        ax_k.set_ylabel("Dissatisfied customers who buy again")
        ax_k.set_title("Customers kept", fontsize=11)
        ax_k.legend(fontsize=8, frameon=False, loc="upper left")
        ax_k.set_ylim(0, max(rec.retained, 1.0) * 1.45)
        ax_w.bar(x, [wom.direct, wom.indirect], color="#D55E00")
        ax_w.set_xticks(x, labels=["told directly", "heard second hand"])
        ax_w.set_ylabel("People")
        ax_w.set_title(f"Word of mouth: {wom.total:,.0f} people hear", fontsize=11)
        for ax in (ax_k, ax_w):
            ax.grid(True, axis="y", alpha=0.3)
        return fig

    def _summary(self, result: ComplaintResult) -> list[str]:
        rec, wom = result.recovery, result.word_of_mouth
        lines = [
            f"Word of mouth: {wom.total:,.0f} people hear about the bad experience "
            f"({wom.direct:,.0f} directly, {wom.indirect:,.0f} second hand).",
            f"Complaints: {rec.complainers:,.0f} complain, {rec.resolved:,.0f} resolved. "
            f"Customers kept: {rec.retained:,.1f} with recovery, "
            f"{rec.retained_without_recovery:,.1f} without; recovery buys back "
            f"{rec.recovered_customers:,.1f} customers.",
        ]
        if not math.isnan(rec.recovered_value):
            lines.append(f"Value of the customers bought back: {rec.recovered_value:,.2f}.")
        return lines

    def _result_html(self, result: ComplaintResult) -> str:
        lines = self._summary_html(result)
        return f"<p>{lines}</p>{html_table(result.to_frame(), float_format='{:,.1f}')}"

"""Satisfaction calculator: NPS with its confidence interval, and the zone of tolerance."""

# no "from __future__ import annotations": the result fields name classes of cpvkit.satisfaction,
# and the API reference resolves them only from evaluated annotations
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cpvkit import plots, satisfaction
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, html_table
from cpvkit.widgets._tables import parse_numbers

__all__ = ["SatisfactionCalculator", "SatisfactionResult"]

_NPS = "NPS split"
_SCALE = "Disconfirmation scale"  # the value kept from the first edition; shown as below
_SCALE_LABEL = "Zone of tolerance"

# illustrative counts of the answers 0, 1, ..., 10 (20 detractors, 30 passives, 50 promoters)
_COUNTS = "2 1 1 2 2 4 8 12 18 20 30"
_SCORES = "10 9 9 8 7 10 6 9 3 8 10 9 7 5 10"


@dataclass(frozen=True)
class SatisfactionResult:
    """Result of :class:`SatisfactionCalculator`.

    Attributes
    ----------
    nps : cpvkit.satisfaction.NPSResult
        :func:`cpvkit.satisfaction.nps` or :func:`cpvkit.satisfaction.nps_from_counts`: the
        score, its standard error and confidence interval and the three groups.
    counts : pandas.Series
        Number of answers for each score 0-10 (index ``score``).
    disconfirmation : cpvkit.satisfaction.Disconfirmation
        :func:`cpvkit.satisfaction.disconfirmation` of the perceived performance against the
        zone of tolerance between adequate and desired service.
    """

    nps: satisfaction.NPSResult
    counts: pd.Series
    disconfirmation: satisfaction.Disconfirmation


class SatisfactionCalculator(Calculator):
    """Satisfaction and NPS: the Net Promoter Score of 0-10 answers, and disconfirmation.

    Inputs: ``entry`` (``"counts"``: the number of answers for each score 0-10 in
    ``counts``; ``"scores"``: a list of individual answers in ``scores``), ``confidence``
    (level of the interval), and for the second part ``adequate`` (the lowest service level
    the customer accepts), ``desired`` (the level hoped for) and ``performance`` (the level
    perceived), on one rating scale: the zone of tolerance runs from adequate to desired
    service (Zeithaml, Berry and Parasuraman 1993); ``chart`` chooses ``"NPS split"`` or
    ``"Disconfirmation scale"`` (shown as "Zone of tolerance"). Promoters answer 9-10, passives
    7-8, detractors 0-6. The arithmetic is :func:`cpvkit.satisfaction.nps`,
    :func:`cpvkit.satisfaction.nps_from_counts` and
    :func:`cpvkit.satisfaction.disconfirmation`; the NPS chart is
    :func:`cpvkit.plots.nps_bar`. The starting counts are illustrative (50 promoters,
    30 passives, 20 detractors: NPS 30); so are the service levels (adequate 5, desired 7,
    perceived 6 on a 1-9 scale: satisfied, within the zone).

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = SatisfactionCalculator()
    >>> calc.result.nps.score, round(calc.result.nps.se, 1)
    (30.0, 7.8)
    >>> calc.result.disconfirmation.outcome
    'satisfied'
    >>> calc.set(entry="scores", scores="10 9 eleven").error
    "scores: 'eleven' is not a number"
    """

    title = "Satisfaction and NPS"
    intro = (
        "Net Promoter Score with its confidence interval and the promoter/passive/detractor "
        "split; and where a perceived performance falls against the zone of tolerance, "
        "between the adequate (lowest acceptable) and the desired service level."
    )
    charts = (_NPS, _SCALE)
    live_margins = {"left": 0.2, "bottom": 0.3}  # noqa: RUF012
    fields = (
        Field(
            "entry",
            "Answers given as",
            kind="choice",
            default="counts",
            options=[("counts per score 0-10", "counts"), ("list of scores", "scores")],
        ),
        Field("counts", "Counts of 0, 1, ..., 10", kind="text", default=_COUNTS),
        Field("scores", "Scores (0-10)", kind="text", default=_SCORES, rows=3),
        Field(
            "confidence",
            "Confidence level",
            default=0.95,
            low=0,
            high=1,
            low_open=True,
            high_open=True,
        ),
        Field("adequate", "Adequate service (lowest acceptable)", default=5.0),
        Field("desired", "Desired service (hoped for)", default=7.0),
        Field("performance", "Perceived performance", default=6.0),
        Field(
            "chart",
            "Chart",
            kind="choice",
            default=_NPS,
            options=[(_NPS, _NPS), (_SCALE_LABEL, _SCALE)],
        ),
    )

    def _compute(self) -> SatisfactionResult:
        confidence = self._number("confidence")
        if self.inputs["entry"].value == "counts":
            counts = parse_numbers("counts", self.inputs["counts"].value)
            if counts.size != 11:
                raise ValueError(
                    f"counts must hold 11 numbers, for the scores 0 to 10; got {counts.size}"
                )
            result = satisfaction.nps_from_counts(counts, confidence=confidence)
            per_score = pd.Series(counts.astype(np.int64), index=pd.RangeIndex(11, name="score"))
        else:
            scores = parse_numbers("scores", self.inputs["scores"].value)
            result = satisfaction.nps(scores, confidence=confidence)
            per_score = (
                pd.Series(scores.astype(np.int64))
                .value_counts()
                .reindex(range(11), fill_value=0)
                .rename_axis("score")
            )
        gap = satisfaction.disconfirmation(
            performance=self._number("performance"),
            adequate=self._number("adequate"),
            desired=self._number("desired"),
        )
        return SatisfactionResult(nps=result, counts=per_score, disconfirmation=gap)

    def _draw(self, result: SatisfactionResult, chart: str | None = None) -> Figure:
        chart = chart or self._chart()
        if chart == _SCALE:
            return self._scale(result)
        return plots.nps_bar(result.nps, title="Net Promoter Score", figsize=(7.0, 2.6))

    def _scale(self, result: SatisfactionResult) -> Figure:
        d = result.disconfirmation
        low, high = self._number("adequate"), self._number("desired")
        perf = self._number("performance")
        pad = max(1.0, 0.5 * (high - low))
        left, right = min(low, perf) - pad, max(high, perf) + pad
        fig, ax = new_figure((7.0, 2.4))
        ax.axvspan(left, low, color="#D55E00", alpha=0.25, label="below adequate: dissatisfied")
        ax.axvspan(low, high, color="#7F7F7F", alpha=0.25, label="zone: satisfied")
        ax.axvspan(high, right, color="#009E73", alpha=0.25, label="above desired: delighted")
        for edge in (low, high):
            ax.axvline(edge, color="black", linewidth=0.8)
        ax.plot([perf], [0.5], marker="v", markersize=14, color="#0072B2")
        ax.annotate(f"perceived {perf:g}: {d.outcome}", (perf, 0.62), ha="center", fontsize=10)
        ax.set_xlim(left, right)
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_xlabel("Service level (rating scale)")
        ax.set_title("Zone of tolerance: adequate to desired service", fontsize=12)
        ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.32), ncols=3, fontsize=8, frameon=False
        )
        return fig

    def _summary(self, result: SatisfactionResult) -> list[str]:
        r, d = result.nps, result.disconfirmation
        return [
            f"NPS {r.score:+.1f} (n = {r.n}; standard error {r.se:.1f} points; "
            f"{r.confidence:.0%} interval {r.ci_low:+.1f} to {r.ci_high:+.1f}).",
            f"Promoters {r.promoters} ({r.shares['promoters']:.0%}), passives {r.passives} "
            f"({r.shares['passives']:.0%}), detractors {r.detractors} "
            f"({r.shares['detractors']:.0%}).",
            f"Zone of tolerance {self._number('adequate'):g} to {self._number('desired'):g} "
            f"(adequate to desired service); perceived {self._number('performance'):g}: "
            f"{d.outcome} ({d.adequacy_gap:+.2f} against adequate, {d.superiority_gap:+.2f} "
            "against desired).",
        ]

    def _result_html(self, result: SatisfactionResult) -> str:
        lines = self._summary_html(result)
        counts = result.counts.to_frame("answers").T
        return f"<p>{lines}</p>{html_table(counts)}"

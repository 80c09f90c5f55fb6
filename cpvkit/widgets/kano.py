"""Kano classifier: functional and dysfunctional answers to categories and a Better/Worse chart."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from cpvkit import datasets, plots, satisfaction
from cpvkit.widgets._base import Calculator, Field, html_table
from cpvkit.widgets._tables import parse_rows

__all__ = ["KanoCalculator", "KanoResult"]

# a few illustrative answers (feature, functional, dysfunctional), one respondent per line
_TYPED = """\
Free returns, like, dislike
Free returns, must-be, dislike
Free returns, like, dislike
Free returns, like, live-with
Same-day delivery, like, neutral
Same-day delivery, like, neutral
Same-day delivery, like, live-with
Same-day delivery, neutral, neutral
Secure payment, must-be, dislike
Secure payment, neutral, dislike
Secure payment, must-be, dislike
Secure payment, like, dislike
Gift wrapping, neutral, neutral
Gift wrapping, neutral, live-with
Gift wrapping, like, neutral
Gift wrapping, neutral, neutral
"""


@dataclass(frozen=True)
class KanoResult:
    """Result of :class:`KanoCalculator`.

    Attributes
    ----------
    answers : pandas.DataFrame
        The answers classified: columns ``feature``, ``functional``, ``dysfunctional``.
    summary : pandas.DataFrame
        :func:`cpvkit.satisfaction.kano_summary`: per feature the counts of each category,
        the category and the Better and Worse coefficients.
    """

    answers: pd.DataFrame
    summary: pd.DataFrame


class KanoCalculator(Calculator):
    """Kano classifier: answers to the functional and dysfunctional questions per feature.

    Inputs: ``source`` (``"survey"``: the simulated survey in ``data/kano_survey.csv``,
    :func:`cpvkit.datasets.load_kano_survey`; ``"typed"``: the lines in ``answers``),
    ``answers`` (one answer pair per line: ``feature, functional, dysfunctional``, each answer
    one of like, must-be, neutral, live-with, dislike or the codes 1-5) and ``threshold``
    (where the Better/Worse chart is split into quadrants). Classification and coefficients
    are :func:`cpvkit.satisfaction.kano_summary`, the chart
    :func:`cpvkit.plots.kano_plot`.

    Parameters
    ----------
    **values
        Initial input values by name.

    Examples
    --------
    >>> calc = KanoCalculator(source="typed")
    >>> calc.result.summary.loc["Secure payment", "category"]
    'M'
    >>> calc.set(answers="Free returns, like, maybe").error  # doctest: +ELLIPSIS
    "...'maybe'..."
    """

    title = "Kano classifier"
    intro = (
        "Classify features as attractive, one-dimensional, must-be or indifferent from the "
        "answers to the functional and dysfunctional Kano questions."
    )
    fields = (
        Field(
            "source",
            "Answers",
            kind="choice",
            default="survey",
            options=[
                ("Simulated survey (data/kano_survey.csv)", "survey"),
                ("Typed below", "typed"),
            ],
        ),
        Field(
            "answers",
            "feature, functional, dysfunctional",
            kind="text",
            default=_TYPED,
            rows=8,
        ),
        Field("threshold", "Quadrant threshold", default=0.5, low=0, high=1),
    )

    def _live_data(self) -> dict:
        """The simulated survey for the page calculator: per feature, its answer pairs as codes.

        Each pair is two digits, the functional and the dysfunctional answer as positions in
        :data:`cpvkit.satisfaction.KANO_ANSWERS` (0 like ... 4 dislike).
        """
        survey = datasets.load_kano_survey()
        codes = {a: str(i) for i, a in enumerate(satisfaction.KANO_ANSWERS)}
        pairs = survey["functional"].map(codes) + survey["dysfunctional"].map(codes)
        grouped = pairs.groupby(survey["feature"], sort=False)
        return {"survey": [[str(name), "".join(group)] for name, group in grouped]}

    def _answers(self) -> pd.DataFrame:
        if self.inputs["source"].value == "survey":
            return datasets.load_kano_survey()[["feature", "functional", "dysfunctional"]]
        return parse_rows(
            "answers",
            self.inputs["answers"].value,
            ["feature", "functional", "dysfunctional"],
            [],
        )

    def _compute(self) -> KanoResult:
        answers = self._answers()
        self._number("threshold")
        summary = satisfaction.kano_summary(answers)
        return KanoResult(answers=answers, summary=summary)

    def _draw(self, result: KanoResult, chart: str | None = None) -> Figure:
        return plots.kano_plot(
            result.summary, threshold=self._number("threshold"), figsize=(6.4, 5.0)
        )

    def _summary(self, result: KanoResult) -> list[str]:
        summary = result.summary
        categories = summary["category"].astype(str)
        listing = "; ".join(
            f"{name}: {cat}" for name, cat in zip(_features(summary), categories, strict=True)
        )
        return [
            f"{len(result.answers):,} answer pairs on {len(summary)} features.",
            f"Categories (A attractive, O one-dimensional, M must-be, I indifferent, R reverse, "
            f"Q questionable): {listing}.",
        ]

    def _result_html(self, result: KanoResult) -> str:
        lines = self._summary_html(result)
        return f"<p>{lines}</p>{html_table(result.summary, float_format='{:,.2f}')}"


def _features(summary: pd.DataFrame) -> list[str]:
    if "feature" in summary.columns:
        return summary["feature"].astype(str).tolist()
    return summary.index.astype(str).tolist()

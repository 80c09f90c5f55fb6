"""RFM explorer: segments, the Pareto (Lorenz) curve and the customer pyramid of a purchase log."""

# no "from __future__ import annotations": the result fields name classes of other cpvkit
# modules, and the API reference resolves them only from evaluated annotations
import hashlib
import io
import itertools
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from cpvkit import crm, datasets, plots
from cpvkit._figures import new_figure
from cpvkit.widgets._base import Calculator, Field, html_table

__all__ = ["RFMExplorer", "RFMResult"]

_PARETO = "Pareto curve"
_HEATMAP = "RFM heatmap"
_PYRAMID = "Customer pyramid"

#: Day after the last CDNOW purchase (30 June 1998): the default analysis date.
CDNOW_ANALYSIS_DATE = "1998-07-01"

# RFM summaries per (data source, analysis date): the expensive step, computed once each.
_SUMMARY_CACHE: OrderedDict[tuple[str, str], pd.DataFrame] = OrderedDict()
_CACHE_SIZE = 16
_CDNOW: dict[str, pd.DataFrame] = {}
_GIVEN = itertools.count(1)  # one cache key per DataFrame given to an explorer


def _cdnow() -> pd.DataFrame:
    if "log" not in _CDNOW:
        _CDNOW["log"] = datasets.load_cdnow()
    return _CDNOW["log"]


def _cached_summary(key: str, log: pd.DataFrame, analysis_date: str | None) -> pd.DataFrame:
    cache_key = (key, analysis_date or "")
    if cache_key in _SUMMARY_CACHE:
        _SUMMARY_CACHE.move_to_end(cache_key)
        return _SUMMARY_CACHE[cache_key]
    summary = crm.rfm_summary(log, analysis_date=analysis_date)
    _SUMMARY_CACHE[cache_key] = summary
    while len(_SUMMARY_CACHE) > _CACHE_SIZE:
        _SUMMARY_CACHE.popitem(last=False)
    return summary


@dataclass(frozen=True)
class RFMResult:
    """Result of :class:`RFMExplorer`.

    Attributes
    ----------
    customers : pandas.DataFrame
        One row per customer: ``recency``, ``frequency``, ``monetary``
        (:func:`cpvkit.crm.rfm_summary`), the scores (:func:`cpvkit.crm.rfm_scores`) and
        ``segment`` (:func:`cpvkit.crm.rfm_segments`: recency windows in days, frequency in
        purchase days, spend for lapsed repeat buyers; the segments do not depend on ``bins``).
    segments : pandas.DataFrame
        One row per segment of the book's segment rule, in rule order, empty segments included
        (:func:`cpvkit.crm.rfm_segment_summary`): ``customers``, ``customer_share``, ``value``
        (total spend), ``value_share``, ``mean_recency``, ``mean_frequency``, ``mean_spend``
        (NaN for an empty segment).
    pareto_share : float
        Share of total spend held by the top ``top`` share of customers
        (:func:`cpvkit.crm.pareto_share`).
    gini : float
        Gini index of spend (:func:`cpvkit.crm.gini`).
    pyramid : cpvkit.crm.PyramidResult
        Customer pyramid on total spend (:func:`cpvkit.crm.customer_pyramid`, default tiers).
    """

    customers: pd.DataFrame
    segments: pd.DataFrame
    pareto_share: float
    gini: float
    pyramid: crm.PyramidResult


def _read_upload(value: Any) -> tuple[str, pd.DataFrame]:
    """The uploaded CSV (key for the cache, DataFrame); ValueError with a message otherwise."""
    files = list(value or ())
    if not files:
        raise ValueError("no file uploaded yet; upload a CSV or choose the CDNOW data")
    item = files[0]
    content = bytes(item["content"]) if isinstance(item, dict) else bytes(item.content)
    name = item["name"] if isinstance(item, dict) else item.name
    try:
        frame = pd.read_csv(io.BytesIO(content))
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ValueError(f"the file {name!r} could not be read as CSV: {exc}") from None
    return "upload:" + hashlib.sha256(content).hexdigest(), frame


class RFMExplorer(Calculator):
    """RFM explorer: recency, frequency and monetary segments of a purchase log.

    Works on the CDNOW log (:func:`cpvkit.datasets.load_cdnow`), on an uploaded CSV with
    columns ``customer_id``, ``date`` and ``amount``, or on a DataFrame passed as
    ``transactions=``. Inputs: ``source`` (``"cdnow"``, ``"upload"`` or ``"given"``),
    ``upload`` (the file), ``analysis_date`` (recency is measured to this day; empty = the
    day after the last purchase), ``bins`` (score levels, 2-10), ``top`` (share of customers
    for the Pareto check) and ``chart`` (``"Pareto curve"``, ``"RFM heatmap"`` or
    ``"Customer pyramid"``). The RFM summary is cached per data source and analysis date, so
    changing the bins or the chart does not recompute it.

    Parameters
    ----------
    transactions : pandas.DataFrame, optional
        A purchase log to explore instead of CDNOW (columns ``customer_id``, ``date``,
        ``amount``); selects ``source="given"``. It is read when needed and its RFM summary
        cached, so do not modify it afterwards.
    **values
        Initial input values by name.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 3],
    ...                     "date": ["2024-01-02", "2024-02-01", "2024-01-15",
    ...                              "2024-01-03", "2024-01-20", "2024-02-10"],
    ...                     "amount": [20.0, 30.0, 15.0, 40.0, 25.0, 60.0]})
    >>> calc = RFMExplorer(transactions=log, bins=3, analysis_date="2024-03-01")
    >>> calc.result.customers["recency"].tolist()
    [29, 46, 20]
    >>> calc.set(analysis_date="2023-12-31").error
    'analysis_date must be on or after the last transaction (2024-02-10); got 2023-12-31'
    """

    title = "RFM explorer"
    intro = (
        "Recency, frequency and monetary value of every customer in a purchase log: segment "
        "sizes and value, the concentration of spend (Pareto curve) and the customer pyramid."
    )
    charts = (_PARETO, _HEATMAP, _PYRAMID)
    fields = (
        Field(
            "source",
            "Data",
            kind="choice",
            default="cdnow",
            options=[
                ("CDNOW purchase log", "cdnow"),
                ("Uploaded CSV", "upload"),
                ("Given DataFrame", "given"),
            ],
        ),
        Field("upload", "Upload CSV (customer_id, date, amount)", kind="upload"),
        Field(
            "analysis_date",
            "Analysis date (empty = after last purchase)",
            kind="text",
            default=CDNOW_ANALYSIS_DATE,
        ),
        Field(
            "bins",
            "Score levels",
            kind="choice",
            default=5,
            options=[(str(k), k) for k in range(2, 11)],
        ),
        Field("top", "Top share of customers", default=0.2, low=0, high=1, low_open=True),
        Field("chart", "Chart", kind="choice", default=_PARETO, options=[(c, c) for c in charts]),
    )

    def __init__(self, transactions: pd.DataFrame | None = None, **values: Any) -> None:
        self._given = transactions
        self._given_key = f"given:{next(_GIVEN)}"
        self._last_step: tuple | None = None
        if transactions is not None:
            values.setdefault("source", "given")
            values.setdefault("analysis_date", "")
        super().__init__(**values)

    def _live_data(self) -> dict:
        """For the page calculator: the pyramid tiers and the segment rule (the CDNOW log is
        shipped apart, as ``_static/live/cdnow.js``)."""

        def bound(value: float) -> float | None:
            return None if np.isinf(value) else float(value)

        tiers = [[str(name), float(share)] for name, share in crm.DEFAULT_PYRAMID_TIERS.items()]
        if hasattr(crm, "SegmentRule"):
            rules = [
                [
                    rule.segment,
                    [bound(v) for v in rule.recency],
                    [bound(v) for v in rule.frequency],
                    rule.high_spend,
                ]
                for rule in crm.RFM_SEGMENT_RULES
            ]
            segments = {
                "kind": "windows",
                "rules": rules,
                "quantile": float(crm.RFM_HIGH_SPEND_QUANTILE),
            }
        else:
            rules = [[name, list(r), list(f)] for name, r, f in crm.RFM_SEGMENT_RULES]
            segments = {"kind": "scores", "rules": rules}
        return {"tiers": tiers, "segments": segments, **_summary_conventions()}

    def _log(self) -> tuple[str, pd.DataFrame]:
        source = self.inputs["source"].value
        if source == "cdnow":
            return "cdnow", _cdnow()
        if source == "upload":
            return _read_upload(self.inputs["upload"].value)
        if self._given is None:
            raise ValueError("no DataFrame was given; choose the CDNOW data or upload a CSV")
        return self._given_key, self._given

    def _compute(self) -> RFMResult:
        key, log = self._log()
        date = str(self.inputs["analysis_date"].value).strip() or None
        summary = _cached_summary(key, log, date)
        bins = int(self.inputs["bins"].value)
        top = self._number("top")
        # scores, segments, Gini and pyramid depend on the data, date and bins only: a change
        # of ``top`` or of the chart reuses them
        step = (key, date or "", bins)
        if self._last_step is None or self._last_step[0] != step:
            self._last_step = (step, self._segment(summary, bins))
        scored, segments, gini, pyramid = self._last_step[1]
        share = crm.pareto_share(scored["monetary"].clip(lower=0), top=top)
        return RFMResult(
            customers=scored, segments=segments, pareto_share=share, gini=gini, pyramid=pyramid
        )

    @staticmethod
    def _segment(summary: pd.DataFrame, bins: int) -> tuple:
        scored = crm.rfm_segments(crm.rfm_scores(summary, bins=bins))
        spend = scored["monetary"]
        gini = crm.gini(spend.clip(lower=0))
        pyramid = crm.customer_pyramid(spend.clip(lower=0))
        segments = crm.rfm_segment_summary(scored)
        return scored, segments, gini, pyramid

    def _draw(self, result: RFMResult, chart: str | None = None) -> Figure:
        chart = chart or self._chart()
        spend = result.customers["monetary"].clip(lower=0).to_numpy()
        if chart == _HEATMAP:
            return plots.rfm_heatmap(result.customers, figsize=(6.0, 4.6))
        if chart == _PYRAMID:
            summary = result.pyramid.summary
            fig, ax = new_figure((7.0, 3.4))
            y = np.arange(len(summary))[::-1]
            ax.barh(
                y + 0.2, summary["customer_share"], height=0.4, color="#56B4E9", label="customers"
            )
            ax.barh(y - 0.2, summary["value_share"], height=0.4, color="#0072B2", label="spend")
            ax.set_yticks(y, labels=list(summary.index))
            ax.xaxis.set_major_formatter("{x:.0%}")
            ax.set_xlim(0, 1)
            ax.set_xlabel("Share of customers / of total spend")
            ax.set_title("Customer pyramid (tiers by total spend)", fontsize=12)
            ax.legend(fontsize=9, frameon=False, loc="lower right")
            ax.grid(True, axis="x", alpha=0.3)
            return fig
        top = self._number("top")
        return plots.lorenz_plot(spend, top=top if top < 1 else None, figsize=(5.6, 4.8))

    def _summary(self, result: RFMResult) -> list[str]:
        n = len(result.customers)
        top = self._number("top")
        biggest = result.segments["customers"].idxmax()
        return [
            f"{n:,} customers; total spend {result.customers['monetary'].sum():,.2f}.",
            f"The top {top:.0%} of customers hold {result.pareto_share:.1%} of spend "
            f"(Gini {result.gini:.2f}); largest segment: {biggest} "
            f"({result.segments.loc[biggest, 'customers']:,} customers).",
        ]

    def _result_html(self, result: RFMResult) -> str:
        lines = self._summary_html(result)
        segments = _shares_as_percent(result.segments)
        for column in ("mean recency", "mean frequency", "mean spend"):
            segments[column] = result.segments[column.replace(" ", "_")].map(_mean_or_dash)
        pyramid = _shares_as_percent(result.pyramid.summary)
        threshold = result.customers.attrs.get("high_spend", float("nan"))
        return (
            f"<p>{lines}</p><p><small>Segments (recency in days, purchase days, and spend of "
            f"at least {threshold:,.2f} for lapsed big spenders; an empty segment shows a dash "
            f"for its means):</small></p>"
            f"{html_table(segments, float_format='{:,.1f}')}"
            f"<p><small>Customer pyramid (illustrative tiers 5/15/30/50% of customers by "
            f"spend):</small></p>{html_table(pyramid, float_format='{:,.1f}')}"
        )


def _mean_or_dash(value: float) -> str:
    """A segment mean for display; a dash for an empty segment (no customers to average)."""
    return "\u2013" if pd.isna(value) else f"{value:,.1f}"


def _summary_conventions() -> dict[str, Any]:
    """How :func:`cpvkit.crm.rfm_summary` treats refunds and words a bad analysis date, read
    from the function itself so that the page calculator follows it."""
    log = pd.DataFrame(
        {"customer_id": [1, 1], "date": ["2024-01-02", "2024-01-05"], "amount": [10.0, -5.0]}
    )
    refunds_are_purchases = int(crm.rfm_summary(log)["frequency"].iloc[0]) == 2
    marker = "\u00a7"
    try:
        crm.rfm_summary(log, analysis_date=marker)
        date_message = "analysis_date must be a date; got {raw}"
    except (TypeError, ValueError) as exc:
        date_message = " ".join(str(exc).split()).replace(repr(marker), "{raw}")
    holes = log.assign(date=["2024-01-02", None])
    try:
        crm.rfm_summary(holes)
        missing_dates = "transactions column 'date' contains missing dates (NaT)"
    except (TypeError, ValueError) as exc:
        missing_dates = " ".join(str(exc).split())
    return {
        "refunds_are_purchases": refunds_are_purchases,
        "date_message": date_message,
        "missing_dates": missing_dates,
    }


def _shares_as_percent(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for display: customer and value shares as percentages, readable column names."""
    shown = frame.copy()
    for column in ("customer_share", "value_share"):
        shown[column] = shown[column].map("{:.1%}".format)
    shown.columns = [c.replace("_", " ") for c in shown.columns]
    return shown

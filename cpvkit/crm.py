"""CRM analytics: customer lifetime value, customer equity, RFM and value concentration.

- :func:`clv`, :func:`clv_schedule`, :func:`customer_equity` - the retention-based customer
  lifetime value model and its period-by-period build-up;
- :func:`rfm_summary`, :func:`rfm_scores`, :func:`rfm_segments` - recency, frequency and
  monetary value of a transaction log, scores and named segments;
- :func:`pareto_share`, :func:`lorenz_curve`, :func:`gini` - how concentrated customer value is;
- :func:`customer_pyramid` - Platinum, Gold, Iron and Lead tiers (Zeithaml, Rust & Lemon, 2001).

CLV timing convention (the one convention of the whole package)
---------------------------------------------------------------
A customer yields a margin ``m`` per period, stays from one period to the next with retention
probability ``r`` in [0, 1) and money is discounted at rate ``d >= 0`` per period. The customer
is acquired at the start of period 1 and pays the first margin then (time 0, undiscounted,
certain); it stays to each further period with probability ``r`` and pays the margin at the
start of every period in which it is active. So the margin of period ``t`` (t = 1, 2, ...) is
received at time ``t - 1`` with probability ``r**(t - 1)`` and discounted by ``(1 + d)**(t - 1)``::

    CLV = sum_{t=1..T} m r^(t-1) / (1+d)^(t-1)  ->  m (1 + d) / (1 + d - r)      (T -> inf)

- The expected lifetime ``1 / (1 - r)`` (:func:`cpvkit.relationship.expected_lifetime`) is the
  expected number of PAID periods, so with ``d = 0`` the CLV is ``m / (1 - r)``: margin times
  expected lifetime.
- A finite horizon ``T`` sums the first ``T`` terms (the margins of periods 1..T).
- The acquisition cost, when given, is subtracted once at time 0.
- Gupta & Lehmann's margin multiple ``r / (1 + d - r)`` values the FUTURE margins of a
  customer who has just paid this period's margin: ``m r / (1 + d - r)``. It is the same
  stream seen one period later, so ``CLV = m + m r / (1 + d - r)``. ``include_first=False``
  returns that value (the margins of periods 2, 3, ...; a horizon ``T`` then counts ``T`` of
  them).

Every function that takes ``include_first`` (:func:`clv`, :func:`clv_schedule`,
:func:`customer_equity`, :func:`cpvkit.relationship.cohort_projection`,
:func:`cpvkit.relationship.retention_table`, :func:`cpvkit.relationship.retention_profit_effect`)
defaults to ``include_first=True``. Example: m=100, r=0.8, d=0.1 gives 366.67, of which 266.67
is the value of the future margins (Gupta & Lehmann, 2003).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cpvkit import _frames
from cpvkit._validation import (
    as_day,
    as_days,
    as_float_array,
    check_bool,
    check_choice,
    check_finite_result,
    check_int,
    check_no_overflow,
    check_probability,
    check_range,
    day_text,
    require_columns,
)

__all__ = [
    "DEFAULT_PYRAMID_TIERS",
    "RFM_HIGH_SPEND_QUANTILE",
    "RFM_SEGMENT_RULES",
    "PyramidResult",
    "SegmentRule",
    "clv",
    "clv_schedule",
    "customer_equity",
    "customer_pyramid",
    "gini",
    "lorenz_curve",
    "pareto_share",
    "rfm_scores",
    "rfm_segment_summary",
    "rfm_segment_table",
    "rfm_segments",
    "rfm_summary",
]


# --------------------------------------------------------------------------------------------
# Customer lifetime value
# --------------------------------------------------------------------------------------------


def _number(name: str, value: Any, low: float | None = None, *, prob: bool = False) -> Any:
    """Scalar -> float, array-like -> float array; with a range check."""
    if prob:
        return check_probability(name, value, allow_one=False)
    if low is not None:
        return check_range(name, value, low)
    return check_range(name, value)


def _horizon(horizon: Any) -> int | None:
    if horizon is None:
        return None
    if isinstance(horizon, float) and np.isinf(horizon) and horizon > 0:
        return None
    return check_int("horizon", horizon, 1, 10_000)


def _out(value: Any) -> Any:
    """Python float for 0-d results, numpy array otherwise."""
    arr = np.asarray(value, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def _clv_core(m: Any, r: Any, d: Any, horizon: int | None, include_first: bool) -> np.ndarray:
    """Closed-form CLV (no checks); q = r / (1 + d) < 1 always because r < 1 and d >= 0."""
    m, r, d = (np.asarray(x, dtype=float) for x in (m, r, d))
    q = r / (1.0 + d)
    # sum_{t=1..T} q^t = q (1 - q^T) / (1 - q);  sum_{t=0..T-1} q^t = (1 - q^T) / (1 - q)
    tail = 1.0 if horizon is None else 1.0 - q**horizon
    base = tail / (1.0 - q)
    return m * (base if include_first else q * base)


def clv(
    margin: Any,
    retention: Any,
    discount_rate: Any,
    horizon: int | None = None,
    include_first: bool = True,
    acquisition_cost: Any = 0.0,
) -> Any:
    """Customer lifetime value with a constant margin, retention rate and discount rate.

    The first margin is paid at acquisition (time 0); the customer stays to each further
    period with probability ``retention`` and pays the margin at the start of it (the package's
    timing convention, see :mod:`cpvkit.crm`). Without a horizon::

        include_first=True (default):  CLV = m (1 + d) / (1 + d - r)
        include_first=False:           m r / (1 + d - r)   (future margins only)

    ``include_first=False`` is the value of a customer who has just paid this period's margin
    (Gupta & Lehmann's margin multiple ``r / (1 + d - r)`` times ``m``); the default adds that
    margin, ``CLV = m + m r / (1 + d - r)``. With ``d = 0`` the default is ``m / (1 - r)``,
    margin times the expected number of paid periods. A horizon of ``T`` periods sums the first
    ``T`` terms of the same series. The acquisition cost is subtracted once.

    Parameters
    ----------
    margin : float or array-like
        Margin (contribution) per customer per period; any finite number.
    retention : float or array-like
        Probability that a customer stays from one period to the next, in [0, 1).
    discount_rate : float or array-like
        Discount rate per period, >= 0 (0.1 = 10 %).
    horizon : int or None, default None
        Number of margins counted (1-10,000); ``None`` (or ``math.inf``) for an infinite horizon.
    include_first : bool, default True
        Count the margin paid at acquisition (time 0); ``False`` values only the future
        margins of a customer who has just paid.
    acquisition_cost : float or array-like, default 0.0
        Cost of winning the customer, >= 0, subtracted once.

    Returns
    -------
    float or numpy.ndarray
        A float when every numeric input is a scalar, otherwise an array with the broadcast shape
        of the inputs.

    Raises
    ------
    ValueError
        If ``retention`` is outside [0, 1), ``discount_rate`` or ``acquisition_cost`` is
        negative, a value is NaN/infinite, ``horizon`` is outside 1-10,000 or the shapes do not
        broadcast.
    TypeError
        If an input is not numeric or ``horizon`` is not a whole number.

    References
    ----------
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*,
    17(1), 9-24.

    Examples
    --------
    >>> round(clv(100, 0.8, 0.1), 2)
    366.67
    >>> round(clv(100, 0.8, 0.1, include_first=False), 2)
    266.67
    >>> round(clv(100, 0.8, 0.1, horizon=2), 2)
    172.73
    >>> clv(100, [0.5, 0.8], 0.0).round(2)
    array([200., 500.])
    """
    m = _number("margin", margin)
    r = _number("retention", retention, prob=True)
    d = _number("discount_rate", discount_rate, 0.0)
    a = _number("acquisition_cost", acquisition_cost, 0.0)
    h = _horizon(horizon)
    include_first = check_bool("include_first", include_first)
    try:
        np.broadcast_shapes(*(np.shape(x) for x in (m, r, d, a)))
    except ValueError:
        raise ValueError(
            "margin, retention, discount_rate and acquisition_cost must have shapes that "
            "broadcast together; got " + ", ".join(str(np.shape(x)) for x in (m, r, d, a))
        ) from None
    return _out(_clv_core(m, r, d, h, include_first) - a)


def clv_schedule(
    margin: float,
    retention: float,
    discount_rate: float,
    periods: int,
    include_first: bool = True,
    acquisition_cost: float = 0.0,
) -> pd.DataFrame:
    """Period-by-period build-up of the CLV of one customer.

    Parameters
    ----------
    margin : float
        Margin per period.
    retention : float
        Retention rate in [0, 1).
    discount_rate : float
        Discount rate per period, >= 0.
    periods : int
        Number of margins shown (1-10,000).
    include_first : bool, default True
        Start with the margin paid at acquisition (time 0); ``False`` shows only the future
        margins of a customer who has just paid (see :func:`clv`).
    acquisition_cost : float, default 0.0
        Cost of winning the customer, >= 0; the cumulative CLV starts at minus this amount.

    Returns
    -------
    pandas.DataFrame
        One row per margin, columns:

        ``period`` (int)
            1..periods, the period whose margin the row holds.
        ``time`` (int)
            When that margin is received: ``period - 1`` (``period`` with
            ``include_first=False``).
        ``survival``
            Probability ``r**time`` that the customer is still there to pay it.
        ``expected_margin``
            ``margin * survival``.
        ``discount_factor``
            ``(1 + d)**-time``.
        ``present_value``
            ``expected_margin * discount_factor``.
        ``cumulative_clv``
            Running sum of ``present_value`` minus ``acquisition_cost``; the last row equals
            ``clv(margin, retention, discount_rate, horizon=periods, ...)`` and, as
            ``periods`` grows, approaches the infinite-horizon :func:`clv`.

    Raises
    ------
    ValueError, TypeError
        As :func:`clv`, for scalar inputs.

    Examples
    --------
    >>> table = clv_schedule(100, 0.8, 0.1, periods=3)
    >>> table[["period", "time", "survival", "discount_factor", "cumulative_clv"]].round(3)
       period  time  survival  discount_factor  cumulative_clv
    0       1     0      1.00            1.000         100.000
    1       2     1      0.80            0.909         172.727
    2       3     2      0.64            0.826         225.620
    """
    m = _scalar("margin", margin)
    r = _scalar("retention", retention, prob=True)
    d = _scalar("discount_rate", discount_rate, 0.0)
    a = _scalar("acquisition_cost", acquisition_cost, 0.0)
    include_first = check_bool("include_first", include_first)
    n = check_int("periods", periods, 1, 10_000)
    period = np.arange(1, n + 1)
    t = period - (1 if include_first else 0)
    surv = r**t
    disc = (1.0 + d) ** -t.astype(float)
    expected = m * surv
    pv = expected * disc
    return pd.DataFrame(
        {
            "period": period.astype(int),
            "time": t.astype(int),
            "survival": surv,
            "expected_margin": expected,
            "discount_factor": disc,
            "present_value": pv,
            "cumulative_clv": np.cumsum(pv) - a,
        }
    )


def _scalar(name: str, value: Any, low: float | None = None, *, prob: bool = False) -> float:
    if isinstance(value, (list, tuple)) or np.ndim(value) != 0:
        raise TypeError(f"{name} must be a single number; got {value!r}")
    return _number(name, value, low, prob=prob)


def customer_equity(
    customers: Any,
    margin: Any,
    retention: Any,
    discount_rate: Any,
    horizon: int | None = None,
    include_first: bool = True,
    acquisition_cost: Any = 0.0,
) -> float:
    """Customer equity: the sum of the lifetime values of all customers (or segments).

    ``sum(customers * (CLV - acquisition_cost))`` with CLV from :func:`clv`; every argument
    broadcasts, so one entry per segment gives the equity of a segmented customer base.

    Parameters
    ----------
    customers : float or array-like
        Number of customers (per segment), >= 0.
    margin, retention, discount_rate, horizon, include_first, acquisition_cost
        As :func:`clv`, scalars or one value per segment.

    Returns
    -------
    float
        Total customer equity.

    Raises
    ------
    ValueError, TypeError
        As :func:`clv`; also if ``customers`` is negative, empty or not numeric.

    References
    ----------
    Blattberg, R. C., & Deighton, J. (1996). Manage marketing by the customer equity test.
    *Harvard Business Review*, 74(4), 136-144.

    Examples
    --------
    >>> round(customer_equity([1000, 200], margin=[50, 300], retention=[0.6, 0.9],
    ...                       discount_rate=0.1), 2)
    440000.0
    """
    n = _number("customers", customers, 0.0)
    values = clv(margin, retention, discount_rate, horizon, include_first, acquisition_cost)
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            total = np.sum(np.asarray(n, dtype=float) * np.asarray(values, dtype=float))
    except ValueError:
        raise ValueError(
            f"customers (shape {np.shape(n)}) does not broadcast with the CLV inputs "
            f"(shape {np.shape(values)})"
        ) from None
    check_no_overflow("customer_equity", customer_equity=total)
    return float(total)


# --------------------------------------------------------------------------------------------
# RFM
# --------------------------------------------------------------------------------------------


def _customer_codes(ids: pd.Series, customer: str) -> tuple[np.ndarray, pd.Index]:
    """Code 0..n-1 of each row's customer, in the sorted order of the distinct ids."""
    values = ids.to_numpy()
    if values.dtype.kind in "iu" and values.size:
        low, high = int(values.min()), int(values.max())
        if high - low <= 8 * values.size + 1_000_000:
            # whole-number ids in a compact range: a lookup table instead of a hash table
            present = np.zeros(high - low + 1, dtype=bool)
            offset = values - low
            present[offset] = True
            slots = np.flatnonzero(present)
            lookup = np.cumsum(present, dtype=np.int64) - 1
            return lookup[offset], pd.Index((slots + low).astype(values.dtype))
    try:
        codes, uniques = pd.factorize(ids, sort=True)
    except TypeError:
        raise TypeError(
            f"transactions column {customer!r} must hold ids of one kind that can be sorted "
            "(all numbers or all text)"
        ) from None
    return codes, pd.Index(uniques)


def _distinct_days(codes: np.ndarray, offsets: np.ndarray, n: int, width: int) -> np.ndarray:
    """Number of distinct days (0..width-1) per customer code: distinct (code, day) keys."""
    pairs = pd.unique(codes.astype(np.int64) * width + offsets)
    return np.bincount(pairs // width, minlength=n)


def rfm_summary(
    transactions: pd.DataFrame,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "amount",
    analysis_date: Any = None,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from a transaction log.

    - ``recency``: whole days from the customer's last purchase to ``analysis_date`` (lower is
      better; a purchase the day before the analysis date gives 1).
    - ``frequency``: number of purchase occasions, counted as DISTINCT calendar days with at
      least one purchase (several records of one customer on one day, as in CDNOW, are one
      occasion).
    - ``monetary``: total net spend, the sum of all amounts, refunds included.

    A refund is a row with a negative amount: it lowers ``monetary`` (net spend) but is not a
    purchase occasion, so it neither adds to ``frequency`` nor resets ``recency``. Rows with
    amount 0 count as purchases. Every customer needs at least one purchase.

    Dates are read as calendar days: whole numbers are read as YYYYMMDD (``19970101``, the raw
    CDNOW format), text with :func:`pandas.to_datetime`, timezone-aware datetimes on their own
    local calendar day (no shift to UTC), and times of day are ignored.

    Besides a pandas DataFrame, ``transactions`` may be a Polars DataFrame or LazyFrame, a
    DuckDB relation or a PySpark DataFrame (anything narwhals supports): the computation then
    runs in that engine and the result is a frame of the same engine with the customer as
    its first column (sorted by customer for eager frames). The sum of ``monetary`` in such an
    engine may differ from pandas in the last floating-point digit.

    Parameters
    ----------
    transactions : pandas.DataFrame
        One row per transaction (purchases and refunds); or a Polars, DuckDB or PySpark frame
        (see above).
    customer, date, amount : str
        Column names of the customer id, the transaction date (datetimes, date text or
        YYYYMMDD numbers; times of day are ignored) and the amount (negative for a refund).
    analysis_date : date-like, optional
        Day at which recency is measured; by default the day after the last transaction in the
        log. Must not be before the last transaction.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer (sorted, index named after ``customer``), columns ``recency`` (int64,
        days), ``frequency`` (int64) and ``monetary`` (float64).

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame, dates cannot be parsed or amounts are not
        numeric.
    ValueError
        If a column is missing, the log is empty, a customer id, date or amount is missing or
        not finite, a number is not a YYYYMMDD date, a customer has only refunds, or
        ``analysis_date`` is missing or before the last transaction.

    References
    ----------
    Hughes, A. M. (1994). *Strategic database marketing*. Probus.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                     "date": ["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-03"],
    ...                     "amount": [10.0, 5.0, 20.0, 8.0]})
    >>> rfm_summary(log)
                 recency  frequency  monetary
    customer_id
    1                  1          2      35.0
    2                  3          1       8.0

    Raw CDNOW dates (YYYYMMDD numbers) and a refund, which lowers net spend only:

    >>> raw = pd.DataFrame({"customer_id": [1, 1, 1, 2], "date": [19970101, 19970105,
    ...                     19970110, 19970201], "amount": [20.0, 15.0, -15.0, 8.0]})
    >>> rfm_summary(raw, analysis_date="1997-02-02")
                 recency  frequency  monetary
    customer_id
    1                 28          2      20.0
    2                  1          1       8.0
    """
    if not _frames.is_pandas(transactions):
        return _frames.rfm_summary(transactions, customer, date, amount, analysis_date)
    require_columns(transactions, [customer, date, amount], "transactions")
    ids = transactions[customer]
    if ids.isna().any():
        raise ValueError(f"transactions column {customer!r} contains missing customer ids")
    day_int = as_days(f"transactions column {date!r}", transactions[date])
    money = as_float_array(f"transactions column {amount!r}", transactions[amount])
    last_day = int(day_int.max())
    ref = last_day + 1 if analysis_date is None else as_day("analysis_date", analysis_date)
    if ref < last_day:
        raise ValueError(
            f"analysis_date must be on or after the last transaction ({day_text(last_day)}); "
            f"got {day_text(ref)}"
        )
    codes, uniques = _customer_codes(ids, customer)
    n = len(uniques)
    monetary = np.bincount(codes, weights=money, minlength=n)
    check_finite_result("monetary", monetary, "amounts must add up to less than about 1e308")
    bought = money >= 0  # refunds (negative amounts) are not purchase occasions
    if not bought.all():
        codes, day_int = codes[bought], day_int[bought]
        buyers = np.bincount(codes, minlength=n)
        if buyers.min() == 0:
            who = uniques[int(np.argmin(buyers))]
            raise ValueError(
                f"customer {who} has only refunds (negative amounts) and no purchase in "
                "transactions; every customer needs at least one purchase (amount >= 0)"
            )
    first = int(day_int.min())
    last = np.full(n, first, dtype=np.int64)
    np.maximum.at(last, codes, day_int)
    frequency = _distinct_days(codes, day_int - first, n, last_day - first + 1)
    index = pd.Index(uniques, name=customer)
    return pd.DataFrame(
        {
            "recency": (ref - last).astype(np.int64),
            "frequency": frequency.astype(np.int64),
            "monetary": monetary.astype(float),
        },
        index=index,
    )


def _score(values: pd.Series, bins: int, higher_is_better: bool, ties: str) -> np.ndarray:
    """Mid-rank percentile score 1..bins; ties share their average rank, so row order is moot."""
    key = values if higher_is_better else -values
    rank = key.rank(method=ties).to_numpy()
    pct = (rank - 0.5) / len(rank)
    return np.clip(np.floor(pct * bins).astype(np.int64) + 1, 1, bins)


def rfm_scores(
    summary: pd.DataFrame,
    bins: int = 5,
    recency: str = "recency",
    frequency: str = "frequency",
    monetary: str = "monetary",
    ties: str = "average",
) -> pd.DataFrame:
    """Score recency, frequency and monetary value from 1 (worst) to ``bins`` (best).

    Each measure is ranked across customers with tied values sharing their average rank; the
    mid-rank percentile ``(rank - 0.5) / n`` is cut into ``bins`` equal-width bins, so score
    ``k`` holds the customers between the ``(k-1)/bins`` and ``k/bins`` quantiles. Recency is
    reversed (fewest days = best). Because ties share one rank, equal values always get the same
    score, whatever the row order; with many ties (e.g. most customers bought once) the tied
    block lands in the bin of its average rank and some scores may stay empty (in CDNOW the
    one-time buyers, about half of all customers, get frequency score 2 and score 1 is empty).
    ``ties="min"`` gives a tied block the rank of its lowest member instead, which puts the
    one-time buyers in score 1; it is just as independent of row order.

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per customer, e.g. the output of :func:`rfm_summary`.
    bins : int, default 5
        Number of score levels, 2-10.
    recency, frequency, monetary : str
        Column names of the three measures.
    ties : {"average", "min"}, default "average"
        Rank given to tied values: their average rank or the lowest rank of the block.

    Returns
    -------
    pandas.DataFrame
        A copy of ``summary`` with added columns ``r_score``, ``f_score``, ``m_score`` (int64,
        1..bins), ``rfm_cell`` (str, e.g. ``"545"``; with ``bins=10`` the scores are joined with
        dashes, ``"10-4-5"``) and ``rfm_score`` (int64, the sum of the three scores).

    Raises
    ------
    TypeError
        If ``summary`` is not a DataFrame, a measure is not numeric or ``bins`` is not whole.
    ValueError
        If a column is missing, the frame is empty, a measure holds NaN, ``bins`` is outside
        2-10 or ``ties`` is not an allowed choice.

    Examples
    --------
    >>> summary = pd.DataFrame({"recency": [1, 30, 300, 60], "frequency": [9, 3, 1, 3],
    ...                         "monetary": [900.0, 120.0, 15.0, 80.0]})
    >>> rfm_scores(summary, bins=4)[["r_score", "f_score", "m_score", "rfm_cell", "rfm_score"]]
       r_score  f_score  m_score rfm_cell  rfm_score
    0        4        4        4      444         12
    1        3        3        3      333          9
    2        1        1        1      111          3
    3        2        3        2      232          7
    """
    if not _frames.is_pandas(summary):
        return _frames.rfm_scores(summary, bins, recency, frequency, monetary, ties)
    bins = check_int("bins", bins, 2, 10)
    ties = check_choice("ties", ties, ["average", "min"])
    require_columns(summary, [recency, frequency, monetary], "summary")
    out = summary.copy()
    scores = {}
    for label, column, better_high in (
        ("r_score", recency, False),
        ("f_score", frequency, True),
        ("m_score", monetary, True),
    ):
        values = as_float_array(f"summary column {column!r}", summary[column])
        scores[label] = _score(pd.Series(values), bins, better_high, ties)
        out[label] = scores[label]
    base = bins + 1
    sep = "-" if bins >= 10 else ""
    labels = np.array(
        [f"{i // base**2}{sep}{i // base % base}{sep}{i % base}" for i in range(base**3)],
        dtype=object,
    )
    code = (scores["r_score"] * base + scores["f_score"]) * base + scores["m_score"]
    out["rfm_cell"] = labels[code]
    out["rfm_score"] = scores["r_score"] + scores["f_score"] + scores["m_score"]
    return out


@dataclass(frozen=True)
class SegmentRule:
    """One row of an RFM segment rule: a recency window, a frequency band and a spend condition.

    A customer belongs to the segment when ``recency`` (days since the last purchase) is in
    ``[recency[0], recency[1])``, ``frequency`` (number of purchase days) is in
    ``[frequency[0], frequency[1])`` and, if ``high_spend`` is not None, total spend is at or
    above the high-spend threshold (``high_spend=True``) or below it (``False``). Upper bounds
    are exclusive so that windows written as whole days (0-90, 91-180, ...) leave no gap for
    fractional values; ``math.inf`` leaves a window open at the top.

    Attributes
    ----------
    segment : str
        Name of the segment.
    recency : tuple of float
        Recency window in days, ``(low, high)``: ``low <= recency < high``.
    frequency : tuple of float
        Frequency band in purchase days, ``(low, high)``: ``low <= frequency < high``.
    high_spend : bool or None
        ``True``: only customers whose spend is at or above the threshold; ``False``: only those
        below it; ``None``: spend does not matter.
    action : str
        What the segment calls for (a short note for tables).
    """

    segment: str
    recency: tuple[float, float]
    frequency: tuple[float, float]
    high_spend: bool | None
    action: str


#: Spend quantile at or above which a customer counts as a high spender by default (the top
#: 20 % of total spend).
RFM_HIGH_SPEND_QUANTILE = 0.8

_INF = float("inf")

#: The book's RFM segment rule, one :class:`SegmentRule` per segment, in the order of the
#: table printed by :func:`rfm_segment_table`. Recency windows are in days since the last
#: purchase (0-90, 91-180, 181-365, 366 or more); frequency bands in purchase days (1, 2-3,
#: 4 or more). The rows partition every possible customer: each falls in exactly one segment.
RFM_SEGMENT_RULES: tuple[SegmentRule, ...] = (
    SegmentRule("Champions", (0, 91), (4, _INF), None, "reward, ask for reviews and referrals"),
    SegmentRule(
        "Loyal customers", (91, 181), (4, _INF), None, "keep in touch, recognise their loyalty"
    ),
    SegmentRule(
        "Potential loyalists", (0, 181), (2, 4), None, "build the habit: next-purchase offers"
    ),
    SegmentRule("New customers", (0, 91), (1, 2), None, "welcome, help them to a second purchase"),
    SegmentRule(
        "Awaiting a second purchase", (91, 181), (1, 2), None, "a reason to come back, soon"
    ),
    SegmentRule(
        "Can't lose them", (181, 366), (2, _INF), True, "personal win-back before they leave"
    ),
    SegmentRule("At risk", (181, 366), (2, _INF), False, "reactivation offer, ask what went wrong"),
    SegmentRule("Lapsing one-time buyers", (181, 366), (1, 2), None, "one low-cost reminder"),
    SegmentRule("Hibernating", (366, _INF), (2, _INF), None, "occasional low-cost win-back"),
    SegmentRule("Lost", (366, _INF), (1, 2), None, "spend little or nothing"),
)


def _rules(rules: Any) -> tuple[SegmentRule, ...]:
    if rules is None:
        return RFM_SEGMENT_RULES
    try:
        rows = tuple(rules)
    except TypeError:
        raise TypeError(
            f"rules must be a sequence of cpvkit.crm.SegmentRule; got {type(rules).__name__}"
        ) from None
    if not rows:
        raise ValueError("rules is empty; give at least one SegmentRule")
    for row in rows:
        if not isinstance(row, SegmentRule):
            raise TypeError(
                f"rules must hold cpvkit.crm.SegmentRule rows; got {type(row).__name__}"
            )
        for name in ("recency", "frequency"):
            low, high = getattr(row, name)
            if not low < high:
                raise ValueError(
                    f"rule {row.segment!r}: the {name} window needs low < high; got "
                    f"({low:g}, {high:g})"
                )
    names = [row.segment for row in rows]
    if len(set(names)) != len(names):
        raise ValueError(f"rules name a segment twice: {names}")
    return rows


def _whole_range(low: float, high: float, unit: str) -> str:
    """(low, high) with an exclusive top, written as whole numbers: '0-90', '4 or more', '1'."""
    if np.isinf(high):
        return f"{low:g} or more{unit}"
    top = np.ceil(high) - 1
    if top <= low:
        return f"{low:g}{unit}"
    return f"{low:g}-{top:g}{unit}"


def rfm_segment_table(rules: Any = None, high_spend: float | None = None) -> pd.DataFrame:
    """The RFM segment rule as a table: recency window, frequency band, spend and action.

    Parameters
    ----------
    rules : sequence of SegmentRule, optional
        Default :data:`RFM_SEGMENT_RULES`.
    high_spend : float, optional
        The high-spend threshold to print in the spend column; by default the column says
        "top 20 % of spend" (the default of :func:`rfm_segments`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``segment``, columns ``recency (days)``, ``purchase days``, ``spend`` and
        ``action`` (all str).

    Raises
    ------
    TypeError, ValueError
        If ``rules`` is not a non-empty sequence of valid :class:`SegmentRule` rows.

    Examples
    --------
    >>> rfm_segment_table().iloc[:2, :3]
                    recency (days) purchase days spend
    segment
    Champions                 0-90     4 or more   any
    Loyal customers         91-180     4 or more   any
    """
    rows = _rules(rules)
    if high_spend is None:
        high, low = "top 20 % of spend", "below top 20 %"
    else:
        level = check_range("high_spend", high_spend)
        high, low = f"{level:,.2f} or more", f"under {level:,.2f}"
    spend = {None: "any", True: high, False: low}
    return pd.DataFrame(
        {
            "recency (days)": [_whole_range(*row.recency, "") for row in rows],
            "purchase days": [_whole_range(*row.frequency, "") for row in rows],
            "spend": [spend[row.high_spend] for row in rows],
            "action": [row.action for row in rows],
        },
        index=pd.Index([row.segment for row in rows], name="segment"),
    )


def rfm_segments(
    summary: pd.DataFrame,
    rules: Any = None,
    high_spend: float | None = None,
    recency: str = "recency",
    frequency: str = "frequency",
    monetary: str = "monetary",
) -> pd.DataFrame:
    """Name customer segments from recency in days, frequency and spend, by a declared rule.

    Each customer is put in the first segment of ``rules`` whose recency window, frequency
    band and spend condition it meets (see :class:`SegmentRule`). The default rule
    (:data:`RFM_SEGMENT_RULES`, printed by :func:`rfm_segment_table`) is:

    ==========================  ==============  =============  ====================
    segment                     recency (days)  purchase days  spend
    ==========================  ==============  =============  ====================
    Champions                   0-90            4 or more      any
    Loyal customers             91-180          4 or more      any
    Potential loyalists         0-180           2-3            any
    New customers               0-90            1              any
    Awaiting a second purchase  91-180          1              any
    Can't lose them             181-365         2 or more      top 20 % of spend
    At risk                     181-365         2 or more      below the top 20 %
    Lapsing one-time buyers     181-365         1              any
    Hibernating                 366 or more     2 or more      any
    Lost                        366 or more     1              any
    ==========================  ==============  =============  ====================

    The windows are in days, not quantiles, so a segment means the same thing in every data
    set and at every analysis date, and customers with equal recency, frequency and spend are
    always in the same segment whatever the row order. One-time buyers form their own
    segments instead of being split by the month of their single purchase. Spend matters
    where it changes the decision: among lapsed repeat buyers, the big spenders are worth a
    personal win-back. The cut-offs are this book's conventions for a business with a buying
    cycle of weeks to months (music retail), to be adapted to other cycles, not estimates.

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per customer with recency in days (>= 0), frequency in purchase days (>= 1)
        and total spend, e.g. the output of :func:`rfm_summary` or :func:`rfm_scores`.
    rules : sequence of SegmentRule, optional
        The segment rule; default :data:`RFM_SEGMENT_RULES`.
    high_spend : float, optional
        Spend at or above which a customer is a high spender. Default: the 80th percentile of
        spend over the customers given (:data:`RFM_HIGH_SPEND_QUANTILE`), i.e. the top 20 %.
    recency, frequency, monetary : str
        Column names of the three measures.

    Returns
    -------
    pandas.DataFrame
        A copy of ``summary`` with an added ``segment`` column (ordered categorical whose
        categories are the segments in rule order, so empty segments are kept in counts).
        ``attrs["high_spend"]`` holds the high-spend threshold used.

    Raises
    ------
    TypeError
        If ``summary`` is not a DataFrame, a measure is not numeric or ``rules`` holds
        something other than :class:`SegmentRule` rows.
    ValueError
        If a column is missing, the frame is empty, a measure is NaN or infinite, recency is
        negative, frequency is below 1, a rule is malformed, or the rules leave a customer
        unclassified.

    Examples
    --------
    >>> customers = pd.DataFrame({"recency": [10, 10, 120, 300, 300, 500],
    ...                           "frequency": [6, 1, 2, 5, 2, 1],
    ...                           "monetary": [300.0, 15.0, 40.0, 250.0, 30.0, 12.0]})
    >>> rfm_segments(customers, high_spend=200)["segment"].tolist()
    ['Champions', 'New customers', 'Potential loyalists', "Can't lose them", 'At risk', 'Lost']
    """
    rows = _rules(rules)
    if not _frames.is_pandas(summary):
        return _frames.rfm_segments(
            summary, rows, high_spend, recency, frequency, monetary, RFM_HIGH_SPEND_QUANTILE
        )
    require_columns(summary, [recency, frequency, monetary], "summary")
    rec = as_float_array(f"summary column {recency!r}", summary[recency])
    freq = as_float_array(f"summary column {frequency!r}", summary[frequency])
    spend = as_float_array(f"summary column {monetary!r}", summary[monetary])
    if (rec < 0).any():
        raise ValueError(f"summary column {recency!r} must be >= 0 days; got {rec[rec < 0][0]:g}")
    if (freq < 1).any():
        raise ValueError(
            f"summary column {frequency!r} must be >= 1 purchase day; got {freq[freq < 1][0]:g}"
        )
    if high_spend is None:
        threshold = float(np.quantile(spend, RFM_HIGH_SPEND_QUANTILE))
    else:
        threshold = float(check_range("high_spend", high_spend))
    big = spend >= threshold
    code = np.full(rec.size, -1, dtype=np.int64)
    for k in range(len(rows) - 1, -1, -1):  # last rule first, so the first match wins
        row = rows[k]
        hit = (rec >= row.recency[0]) & (rec < row.recency[1])
        hit &= (freq >= row.frequency[0]) & (freq < row.frequency[1])
        if row.high_spend is not None:
            hit &= big == row.high_spend
        code[hit] = k
    if (code < 0).any():
        i = int(np.flatnonzero(code < 0)[0])
        raise ValueError(
            f"the rules leave {int((code < 0).sum())} customer(s) unclassified, e.g. recency "
            f"{rec[i]:g}, frequency {freq[i]:g}, spend {spend[i]:g}; add a rule that covers them"
        )
    out = summary.copy()
    out["segment"] = pd.Categorical.from_codes(
        code, categories=[row.segment for row in rows], ordered=True
    )
    out.attrs["high_spend"] = threshold
    return out


def rfm_segment_summary(segmented: pd.DataFrame, monetary: str = "monetary") -> pd.DataFrame:
    """Size, value and profile of every segment, empty segments included.

    Parameters
    ----------
    segmented : pandas.DataFrame
        Output of :func:`rfm_segments` (columns ``segment``, ``recency``, ``frequency`` and
        the spend column).
    monetary : str, default "monetary"
        Column name of total spend.

    Returns
    -------
    pandas.DataFrame
        One row per segment in rule order (index ``segment``), columns ``customers`` (int64),
        ``customer_share``, ``value`` (total spend), ``value_share``, ``mean_recency``,
        ``mean_frequency`` and ``mean_spend``. An empty segment has 0 customers and value, and
        NaN means (there is nothing to average), never a mean of 0.

    Raises
    ------
    TypeError, ValueError
        If ``segmented`` is not a DataFrame or lacks a column.

    Examples
    --------
    >>> customers = pd.DataFrame({"recency": [10, 500, 520], "frequency": [6, 1, 1],
    ...                           "monetary": [300.0, 12.0, 20.0]})
    >>> table = rfm_segment_summary(rfm_segments(customers))
    >>> table.loc[["Champions", "Lost", "At risk"], ["customers", "mean_recency"]]
                     customers  mean_recency
    segment
    Champions                1          10.0
    Lost                     2         510.0
    At risk                  0           NaN
    """
    require_columns(segmented, ["segment", "recency", "frequency", monetary], "segmented")
    grouped = segmented.groupby("segment", observed=False, sort=True)
    counts = grouped.size().astype(np.int64)
    value = grouped[monetary].sum().astype(float)
    total = float(segmented[monetary].sum())
    out = pd.DataFrame(
        {
            "customers": counts,
            "customer_share": counts / max(len(segmented), 1),
            "value": value,
            "value_share": value / total if total else np.nan,
            "mean_recency": grouped["recency"].mean(),
            "mean_frequency": grouped["frequency"].mean(),
            "mean_spend": grouped[monetary].mean(),
        }
    )
    out.index = pd.Index([str(s) for s in out.index], name="segment")
    return out


# --------------------------------------------------------------------------------------------
# Concentration: Pareto, Lorenz, Gini
# --------------------------------------------------------------------------------------------


def _values(values: Any) -> np.ndarray:
    v = as_float_array("values", values)
    if v.ndim != 1:
        raise ValueError(f"values must be one-dimensional; got shape {v.shape}")
    check_range("values", v, 0.0)
    if v.sum() <= 0:
        raise ValueError("values sum to zero; give at least one positive value")
    with np.errstate(over="ignore"):
        overflow = not np.isfinite(v.sum())
    return v / v.max() if overflow else v  # shares do not depend on the unit


def _lorenz_points(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    s = np.sort(v)
    x = np.arange(s.size + 1) / s.size
    y = np.concatenate([[0.0], np.cumsum(s) / s.sum()])
    y[-1] = 1.0
    return x, y


def lorenz_curve(values: Any) -> pd.DataFrame:
    """Points of the Lorenz curve of customer value.

    Customers are sorted from the smallest to the largest value; point ``k`` gives the share of
    customers ``k / n`` and the share of total value they hold.

    Parameters
    ----------
    values : array-like of float
        One non-negative value per customer, not all zero.

    Returns
    -------
    pandas.DataFrame
        ``n + 1`` rows from (0, 0) to (1, 1), columns ``customer_share`` and ``value_share``.

    Raises
    ------
    ValueError
        If ``values`` is empty, not one-dimensional, holds a negative, NaN or infinite value or
        sums to zero.
    TypeError
        If ``values`` is not numeric.

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth. *Publications of
    the American Statistical Association*, 9(70), 209-219.

    Examples
    --------
    >>> lorenz_curve([1, 1, 2, 6])
       customer_share  value_share
    0            0.00          0.0
    1            0.25          0.1
    2            0.50          0.2
    3            0.75          0.4
    4            1.00          1.0
    """
    if not _frames.is_pandas(values):
        return _frames.lorenz_curve(values)
    x, y = _lorenz_points(_values(values))
    return pd.DataFrame({"customer_share": x, "value_share": y})


def gini(values: Any) -> float:
    """Gini index of customer value: twice the area between the equality line and Lorenz curve.

    Computed from the step-wise Lorenz curve of the ``n`` customers (trapezoids), so equal
    values give 0 and one customer holding everything gives ``(n - 1) / n`` (the maximum for
    ``n`` customers, approaching 1 for a large base).

    Parameters
    ----------
    values : array-like of float
        One non-negative value per customer, not all zero.

    Returns
    -------
    float
        Gini index in [0, (n-1)/n].

    Raises
    ------
    ValueError, TypeError
        As :func:`lorenz_curve`.

    References
    ----------
    Gini, C. (1912). *Variabilità e mutabilità*. Tipografia di Paolo Cuppini.

    Examples
    --------
    >>> round(gini([1, 1, 2, 6]), 2)
    0.4
    >>> gini([0, 0, 0, 5])
    0.75
    """
    x, y = _lorenz_points(_values(values))
    area = np.sum(np.diff(x) * (y[1:] + y[:-1]) / 2.0)
    return float(max(0.0, 1.0 - 2.0 * area))


def pareto_share(values: Any, top: float = 0.2) -> float:
    """Share of total value held by the top ``top`` share of customers.

    Read off the Lorenz curve with linear interpolation, so a fractional customer counts pro
    rata (the top 20 % of 7 customers are 1.4 customers: the largest one plus 40 % of the
    second). The "80/20 rule" asks whether ``pareto_share(values, 0.2)`` is near 0.8.

    Parameters
    ----------
    values : array-like of float
        One non-negative value per customer, not all zero.
    top : float, default 0.2
        Share of customers, in (0, 1].

    Returns
    -------
    float
        Share of total value, in [top, 1].

    Raises
    ------
    ValueError, TypeError
        As :func:`lorenz_curve`; also if ``top`` is outside (0, 1].

    Examples
    --------
    >>> pareto_share([1, 1, 2, 6], top=0.25)
    0.6
    >>> pareto_share([1, 1, 2, 6], top=0.5)
    0.8
    """
    if not _frames.is_pandas(values):
        return _frames.pareto_share(values, top)
    top = check_range("top", top, 0.0, 1.0, low_open=True)
    x, y = _lorenz_points(_values(values))
    return float(1.0 - np.interp(1.0 - top, x, y))


# --------------------------------------------------------------------------------------------
# Customer pyramid
# --------------------------------------------------------------------------------------------

#: Illustrative tier shares (top first) of the customer pyramid. These are this book's teaching
#: defaults, NOT figures from Zeithaml, Rust & Lemon (2001), who let each firm choose its cut-offs.
DEFAULT_PYRAMID_TIERS: dict[str, float] = {
    "Platinum": 0.05,
    "Gold": 0.15,
    "Iron": 0.30,
    "Lead": 0.50,
}


@dataclass(frozen=True, repr=False)
class PyramidResult:
    """Result of :func:`customer_pyramid`.

    Attributes
    ----------
    tier : pandas.Series
        Tier of each customer (ordered categorical, top tier first), same index as the input.
    summary : pandas.DataFrame
        One row per tier (index ``tier``), columns ``customers``, ``customer_share``, ``value``,
        ``value_share`` and ``mean_value``.
    """

    tier: pd.Series
    summary: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The tier summary (a copy)."""
        return self.summary.copy()

    def __repr__(self) -> str:
        return f"PyramidResult({len(self.tier)} customers)\n{self.summary.round(3).to_string()}"


def customer_pyramid(values: Any, tiers: Mapping[str, float] | None = None) -> PyramidResult:
    """Split customers into value tiers: the customer pyramid.

    Customers are ranked from the highest to the lowest value; the top ``tiers[0]`` share goes
    to the first tier, the next share to the second, and so on. Ranks use the mid-rank
    ``(rank - 0.5) / n`` with ties sharing their average rank, so customers with equal value are
    always in the same tier, whatever the row order (tier sizes can therefore differ a little
    from the nominal shares).

    Parameters
    ----------
    values : array-like or pandas.Series of float
        One non-negative value per customer (e.g. profit or spend), not all zero. A Series keeps
        its index (customer ids) in the result.
    tiers : mapping of str to float, optional
        Tier names (top tier first) and the share of customers in each, positive and summing to
        1. Default :data:`DEFAULT_PYRAMID_TIERS`: Platinum 5 %, Gold 15 %, Iron 30 %, Lead 50 %
        - illustrative cut-offs of this book; Zeithaml, Rust & Lemon (2001) name the tiers but
        leave the cut-offs to the firm.

    Returns
    -------
    PyramidResult
        ``tier`` (one label per customer) and ``summary`` (per tier: ``customers``,
        ``customer_share``, ``value``, ``value_share``, ``mean_value``; mean is NaN for an empty
        tier).

    Raises
    ------
    ValueError, TypeError
        As :func:`lorenz_curve`; also if ``tiers`` is empty, a share is not positive or the
        shares do not sum to 1.

    References
    ----------
    Zeithaml, V. A., Rust, R. T., & Lemon, K. N. (2001). The customer pyramid: Creating and
    serving profitable customers. *California Management Review*, 43(4), 118-142.

    Examples
    --------
    >>> result = customer_pyramid([100, 50, 10, 5, 1, 1, 1, 1, 1, 0],
    ...                           tiers={"Platinum": 0.1, "Gold": 0.2, "Iron": 0.2, "Lead": 0.5})
    >>> result.tier.tolist()[:5]
    ['Platinum', 'Gold', 'Gold', 'Iron', 'Lead']
    >>> result.summary["value_share"].round(3).tolist()
    [0.588, 0.353, 0.029, 0.029]
    """
    if tiers is None:
        tiers = DEFAULT_PYRAMID_TIERS
    if not isinstance(tiers, Mapping) or len(tiers) == 0:
        raise TypeError("tiers must be a non-empty mapping of tier name to share of customers")
    names = [str(k) for k in tiers]
    shares = check_range("tiers", list(tiers.values()), 0.0, 1.0, low_open=True)
    if not np.isclose(shares.sum(), 1.0, atol=1e-9):
        raise ValueError(f"tiers shares must sum to 1; they sum to {shares.sum():g}")
    v = _values(values)
    index = values.index if isinstance(values, pd.Series) else pd.RangeIndex(v.size)
    rank = pd.Series(-v).rank(method="average").to_numpy()
    pct = (rank - 0.5) / v.size
    cum = np.cumsum(shares)
    cum[-1] = 1.0
    code = np.clip(np.searchsorted(cum, pct, side="right"), 0, len(names) - 1)
    tier = pd.Series(
        pd.Categorical.from_codes(code, categories=names, ordered=True), index=index, name="tier"
    )
    counts = np.bincount(code, minlength=len(names))
    value = np.bincount(code, weights=v, minlength=len(names))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, value / np.maximum(counts, 1), np.nan)
    summary = pd.DataFrame(
        {
            "customers": counts.astype(np.int64),
            "customer_share": counts / v.size,
            "value": value,
            "value_share": value / v.sum(),
            "mean_value": mean,
        },
        index=pd.Index(names, name="tier"),
    )
    return PyramidResult(tier=tier, summary=summary)

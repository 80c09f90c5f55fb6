"""Retention economics, word of mouth, complaint recovery and the customer development ladder.

- :func:`expected_lifetime`, :func:`survival` - how long customers stay at a constant retention
  rate;
- :func:`cohort_projection` - customers and profit of one acquired cohort, period by period;
- :func:`retention_table` - expected lifetime and CLV across a range of retention rates;
- :func:`profile_clv` - lifetime value when profit changes with tenure (a profit profile);
- :func:`acquisition_vs_retention` - replacing lost customers versus paying to keep them;
- :func:`retention_profit_effect` - what a retention improvement is worth (Reichheld & Sasser);
- :func:`word_of_mouth` - how many people hear about dissatisfied customers' experience;
- :func:`complaint_recovery` - customers kept by handling complaints well;
- :func:`development_ladder` - stage of each customer on Kotler's customer development ladder.

Money follows the one timing convention of :mod:`cpvkit.crm`: a customer is acquired at the
start of period 1 and pays the first margin then (time 0); it stays to each further period with
probability ``r`` in [0, 1) and pays the margin at the start of each period it is active, so the
margin of period ``t`` arrives at time ``t - 1`` with probability ``r**(t - 1)``, discounted at
``d >= 0`` per period. The expected lifetime ``1 / (1 - r)`` is the expected number of paid
periods, and with ``d = 0`` the CLV is margin times expected lifetime. ``include_first=True`` is
the default everywhere; ``include_first=False`` values only the future margins of a customer who
has just paid (Gupta & Lehmann's margin multiple ``r / (1 + d - r)``).
Literature figures (retention-to-profit effects, TARP word-of-mouth counts, complaint repurchase
rates) are never built-in defaults: the caller supplies them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from cpvkit._validation import (
    as_day,
    as_days,
    as_float_array,
    check_bool,
    check_int,
    check_no_overflow,
    check_nonnegative,
    check_probability,
    check_range,
    require_columns,
)
from cpvkit.crm import _clv_core, _horizon, _out, clv

__all__ = [
    "LADDER_STAGES",
    "AcquisitionRetention",
    "ComplaintRecovery",
    "RetentionEffect",
    "WordOfMouth",
    "acquisition_vs_retention",
    "cohort_projection",
    "complaint_recovery",
    "development_ladder",
    "expected_lifetime",
    "profile_clv",
    "retention_profit_effect",
    "retention_table",
    "survival",
    "word_of_mouth",
]


def _retention(name: str, value: Any) -> Any:
    return check_probability(name, value, allow_one=False)


def _broadcast(**arrays: Any) -> None:
    try:
        np.broadcast_shapes(*(np.shape(v) for v in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(
            f"the inputs must have shapes that broadcast together; got {shapes}"
        ) from None


class _Bundle:
    """Mixin: readable repr and ``as_dict`` for the result dataclasses."""

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dictionary."""
        return asdict(self)  # type: ignore[call-overload]

    def __repr__(self) -> str:
        def fmt(v: Any) -> str:
            if isinstance(v, float):
                return f"{v:,.4g}" if abs(v) < 1e4 or abs(v) >= 1e15 else f"{v:,.0f}"
            return repr(v)

        body = ", ".join(f"{k}={fmt(v)}" for k, v in self.as_dict().items())
        return f"{type(self).__name__}({body})"


# --------------------------------------------------------------------------------------------
# Lifetime and survival
# --------------------------------------------------------------------------------------------


def expected_lifetime(retention: Any) -> Any:
    """Expected customer lifetime ``1 / (1 - r)`` periods at a constant retention rate.

    A customer pays in the period of acquisition and then stays to each further period with
    probability ``r``, so the number of paid periods (the acquisition period counted) is
    geometric with mean ``1 + r + r**2 + ... = 1 / (1 - r)``: 2 periods at 50 %, 5 at 80 %,
    10 at 90 %, 20 at 95 %. With no discounting the CLV of :func:`cpvkit.crm.clv` is the margin
    times this number.

    Parameters
    ----------
    retention : float or array-like
        Retention rate per period, in [0, 1).

    Returns
    -------
    float or numpy.ndarray
        Expected lifetime in periods (float for scalar input).

    Raises
    ------
    ValueError
        If a rate is outside [0, 1), NaN or the input is empty.
    TypeError
        If the input is not numeric.

    Examples
    --------
    >>> expected_lifetime(0.8)
    5.0
    >>> expected_lifetime([0.5, 0.9]).round(6)
    array([ 2., 10.])
    """
    r = _retention("retention", retention)
    return _out(1.0 / (1.0 - np.asarray(r)))


def survival(retention: Any, periods: int) -> np.ndarray:
    """Share of a cohort still active after ``t`` renewals, ``r**t`` for t = 0..periods.

    Entry ``t`` is the share that pays the margin of period ``t + 1`` (at time ``t``): 1 for the
    acquisition period, ``r`` for the next and so on.

    Parameters
    ----------
    retention : float or array-like
        Retention rate(s) per period, in [0, 1).
    periods : int
        Last period shown (1-10,000).

    Returns
    -------
    numpy.ndarray
        Shape ``(periods + 1,)`` for a scalar rate, ``(k, periods + 1)`` for ``k`` rates; the
        first column is 1 (everyone is active at t = 0).

    Raises
    ------
    ValueError
        If a rate is outside [0, 1) or ``periods`` outside 1-10,000.
    TypeError
        If ``periods`` is not a whole number or a rate is not numeric.

    Examples
    --------
    >>> survival(0.8, 3).round(3)
    array([1.   , 0.8  , 0.64 , 0.512])
    >>> survival([0.5, 0.9], 2).round(2)
    array([[1.  , 0.5 , 0.25],
           [1.  , 0.9 , 0.81]])
    """
    r = np.asarray(_retention("retention", retention), dtype=float)
    n = check_int("periods", periods, 1, 10_000)
    t = np.arange(n + 1)
    if r.ndim > 1:
        raise ValueError(f"retention must be a number or a 1-D sequence; got shape {r.shape}")
    return r[..., None] ** t


# --------------------------------------------------------------------------------------------
# Cohort projection and retention table
# --------------------------------------------------------------------------------------------


def cohort_projection(
    customers: float,
    retention: float,
    margin: float,
    periods: int,
    discount_rate: float = 0.0,
    acquisition_cost: float = 0.0,
    include_first: bool = True,
) -> pd.DataFrame:
    """Project the customers and profit of one acquired cohort period by period.

    ``customers`` are acquired at the start of period 1 (time 0) at ``acquisition_cost`` each.
    In period ``t`` (t = 1..periods) ``customers * r**(t - 1)`` are still active and each pays
    ``margin`` at the start of the period, at time ``t - 1``, discounted by
    ``(1 + d)**-(t - 1)``: the timing convention of :mod:`cpvkit.crm`. So the cohort's
    cumulative discounted profit after ``T`` periods is ``customers`` times
    ``clv(margin, retention, d, horizon=T, acquisition_cost=...)``. With
    ``include_first=False`` the margins are paid at the end of each period (time ``t``) by the
    ``customers * r**t`` who renewed: nobody pays at acquisition.

    Parameters
    ----------
    customers : float
        Size of the cohort at acquisition, >= 0.
    retention : float
        Retention rate per period, in [0, 1).
    margin : float
        Margin per active customer per period.
    periods : int
        Number of periods projected (1-10,000).
    discount_rate : float, default 0.0
        Discount rate per period, >= 0.
    acquisition_cost : float, default 0.0
        Cost per acquired customer, >= 0, paid at time 0 (booked in period 1).
    include_first : bool, default True
        The cohort pays a margin in the period of acquisition (the convention); ``False``
        moves every payment one period later.

    Returns
    -------
    pandas.DataFrame
        Rows for periods 1..periods, columns:

        ``period`` (int); ``time`` (when the period's margins are received, ``period - 1``, or
        ``period`` with ``include_first=False``); ``survival`` (``r**time``); ``customers``
        (expected active, paying customers); ``lost`` (customers lost since the previous
        period, against the acquired cohort for period 1); ``profit`` (expected margin
        earned in the period, minus the acquisition spend in period 1); ``discount_factor``
        (``(1 + d)**-time``); ``present_value`` (margins times discount factor, minus the
        acquisition spend, which is paid at time 0); ``cumulative_profit`` (undiscounted)
        and ``cumulative_present_value``. The last ``cumulative_present_value`` equals
        ``customers * clv(margin, retention, d, horizon=periods,
        include_first=include_first, acquisition_cost=acquisition_cost)``.

    Raises
    ------
    ValueError, TypeError
        If an input is out of range, NaN, not a single number, or ``periods`` is not whole.

    Examples
    --------
    >>> table = cohort_projection(1000, 0.8, 100, periods=3, discount_rate=0.1,
    ...                           acquisition_cost=150)
    >>> table[["period", "customers", "lost", "profit", "cumulative_present_value"]].round(1)
       period  customers   lost   profit  cumulative_present_value
    0       1     1000.0    0.0 -50000.0                  -50000.0
    1       2      800.0  200.0  80000.0                   22727.3
    2       3      640.0  160.0  64000.0                   75619.8
    """
    n0 = _single("customers", customers, 0.0)
    r = float(_retention("retention", _single("retention", retention)))
    m = _single("margin", margin)
    d = _single("discount_rate", discount_rate, 0.0)
    a = _single("acquisition_cost", acquisition_cost, 0.0)
    include_first = check_bool("include_first", include_first)
    n = check_int("periods", periods, 1, 10_000)
    period = np.arange(1, n + 1)
    t = period - (1 if include_first else 0)
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        surv = r ** t.astype(float)
        active = n0 * surv
        lost = -np.diff(active, prepend=n0)
        spend = np.zeros(n)
        spend[0] = n0 * a
        income = active * m
        disc = (1.0 + d) ** -t.astype(float)
        profit = income - spend
        pv = income * disc - spend
        table = pd.DataFrame(
            {
                "period": period.astype(int),
                "time": t.astype(int),
                "survival": surv,
                "customers": active,
                "lost": lost,
                "profit": profit,
                "discount_factor": disc,
                "present_value": pv,
                "cumulative_profit": np.cumsum(profit),
                "cumulative_present_value": np.cumsum(pv),
            }
        )
    check_no_overflow("cohort_projection", **{c: table[c] for c in table.columns})
    return table


def _single(name: str, value: Any, low: float | None = None) -> float:
    if isinstance(value, (list, tuple)) or np.ndim(value) != 0:
        raise TypeError(f"{name} must be a single number; got {value!r}")
    return float(check_range(name, value, low))


def retention_table(
    retention_rates: Any,
    margin: float,
    discount_rate: float = 0.0,
    horizon: int | None = None,
    include_first: bool = True,
    acquisition_cost: float = 0.0,
) -> pd.DataFrame:
    """Expected lifetime and CLV for a range of retention rates.

    The classic teaching table (the credit-card example of Reichheld & Sasser, 1990): as
    retention rises from 50 % to 95 % the expected lifetime grows from 2 to 20 periods and the
    CLV grows ever faster, because ``1 + d - r`` in the denominator shrinks. With ``d = 0`` the
    CLV is ``margin * lifetime`` (the convention of :mod:`cpvkit.crm`).

    Parameters
    ----------
    retention_rates : array-like of float
        Retention rates per period, each in [0, 1).
    margin : float
        Margin per customer per period.
    discount_rate : float, default 0.0
        Discount rate per period, >= 0.
    horizon, include_first, acquisition_cost
        As :func:`cpvkit.crm.clv`.

    Returns
    -------
    pandas.DataFrame
        One row per rate (in the given order), columns ``retention``, ``churn`` (``1 - r``),
        ``lifetime`` (``1 / (1 - r)`` periods) and ``clv``.

    Raises
    ------
    ValueError, TypeError
        As :func:`cpvkit.crm.clv`; also if ``retention_rates`` is empty.

    Examples
    --------
    >>> retention_table([0.5, 0.8, 0.9], margin=100, discount_rate=0.1).round(2)
       retention  churn  lifetime     clv
    0        0.5    0.5       2.0  183.33
    1        0.8    0.2       5.0  366.67
    2        0.9    0.1      10.0  550.00
    >>> retention_table([0.5, 0.9], margin=100)["clv"].round(6).tolist()
    [200.0, 1000.0]
    """
    r = np.atleast_1d(_retention("retention_rates", retention_rates)).astype(float)
    if r.ndim != 1:
        raise ValueError(f"retention_rates must be one-dimensional; got shape {r.shape}")
    value = np.atleast_1d(
        clv(
            _single("margin", margin),
            r,
            _single("discount_rate", discount_rate, 0.0),
            horizon,
            include_first,
            _single("acquisition_cost", acquisition_cost, 0.0),
        )
    )
    return pd.DataFrame(
        {"retention": r, "churn": 1.0 - r, "lifetime": 1.0 / (1.0 - r), "clv": value}
    )


# --------------------------------------------------------------------------------------------
# Acquisition versus retention; profit effect of retention
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class AcquisitionRetention(_Bundle):
    """Result of :func:`acquisition_vs_retention` (one period; floats or arrays).

    Attributes
    ----------
    lost_without_programme, lost_with_programme
        Customers lost in the period, ``N (1 - r0)`` and ``N (1 - r1)``.
    customers_saved
        Extra customers kept by the programme, ``N (r1 - r0)``.
    programme_cost
        Retention spend, ``N * retention_cost``.
    cost_per_customer_saved
        ``programme_cost / customers_saved = retention_cost / (r1 - r0)`` (inf if the
        programme does not lift retention).
    acquisition_cost
        Cost of winning one new customer (as given).
    cost_ratio
        ``acquisition_cost / cost_per_customer_saved``: how many times dearer it is to win a
        customer than to keep one (> 1 favours retention; inf if the programme is free).
    cost_without_programme
        Spend to hold the base constant by replacing every lost customer, ``lost0 * A``.
    cost_with_programme
        ``programme_cost + lost1 * A``.
    saving
        ``cost_without_programme - cost_with_programme`` (> 0 favours retention).
    cheaper
        ``"retention"`` if the saving is positive, ``"acquisition"`` if negative, ``"equal"``.
    """

    lost_without_programme: Any
    lost_with_programme: Any
    customers_saved: Any
    programme_cost: Any
    cost_per_customer_saved: Any
    acquisition_cost: Any
    cost_ratio: Any
    cost_without_programme: Any
    cost_with_programme: Any
    saving: Any
    cheaper: Any


def acquisition_vs_retention(
    customers: Any,
    retention: Any,
    improved_retention: Any,
    acquisition_cost: Any,
    retention_cost: Any,
) -> AcquisitionRetention:
    """Compare keeping customers with a retention programme against replacing the ones lost.

    A firm with ``N`` customers loses ``N (1 - r0)`` of them per period. To keep the base
    constant it can win replacements at ``acquisition_cost`` each, or first spend
    ``retention_cost`` on every current customer to lift retention to ``r1`` and replace only
    the ``N (1 - r1)`` still lost. The programme pays when the cost per customer saved,
    ``N c / (N (r1 - r0)) = c / (r1 - r0)``, is below the acquisition cost. Because the spend
    falls on every customer, not only on those it saves, a programme can be dearer per
    customer saved than acquisition even when keeping a customer "looks" cheap.

    Parameters
    ----------
    customers : float or array-like
        Customers at the start of the period, >= 0.
    retention : float or array-like
        Retention rate without the programme, in [0, 1).
    improved_retention : float or array-like
        Retention rate with the programme, in [0, 1) and >= ``retention``.
    acquisition_cost : float or array-like
        Cost of winning one new customer, >= 0.
    retention_cost : float or array-like
        Programme spend per current customer per period, >= 0.

    Returns
    -------
    AcquisitionRetention
        See the class for the fields; floats for scalar inputs, arrays otherwise.

    Raises
    ------
    ValueError
        If a rate is outside [0, 1), ``improved_retention < retention``, a cost or
        ``customers`` is negative, a value is NaN or the shapes do not broadcast.
    TypeError
        If an input is not numeric.

    Examples
    --------
    >>> res = acquisition_vs_retention(1000, 0.80, 0.85, acquisition_cost=100,
    ...                                retention_cost=10)
    >>> res.customers_saved, res.cost_per_customer_saved, res.cheaper
    (50.0, 200.0, 'acquisition')
    >>> acquisition_vs_retention(1000, 0.80, 0.85, 100, 2).saving
    3000.0
    """
    n = check_nonnegative("customers", customers)
    r0 = _retention("retention", retention)
    r1 = _retention("improved_retention", improved_retention)
    a = check_nonnegative("acquisition_cost", acquisition_cost)
    c = check_nonnegative("retention_cost", retention_cost)
    _broadcast(
        customers=n, retention=r0, improved_retention=r1, acquisition_cost=a, retention_cost=c
    )
    if np.any(np.asarray(r1) < np.asarray(r0)):
        raise ValueError("improved_retention must be >= retention (the rate without the programme)")
    n, r0, r1, a, c = (np.asarray(x, dtype=float) for x in (n, r0, r1, a, c))
    lift = r1 - r0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        lost0 = n * (1.0 - r0)
        lost1 = n * (1.0 - r1)
        saved = n * lift
        spend = n * c
        # per customer saved: N c / (N (r1 - r0)) = c / (r1 - r0), whatever the size of N;
        # infinite when the programme does not lift retention
        per_saved = np.where(lift > 0, c / np.where(lift > 0, lift, 1.0), np.inf)
        # acquisition cost over it, a (r1 - r0) / c; infinite when the programme is free
        ratio = np.where(c > 0, a * lift / np.where(c > 0, c, 1.0), np.inf)
        base_cost = lost0 * a
        prog_cost = spend + lost1 * a
        saving = base_cost - prog_cost
    check_no_overflow(
        "acquisition_vs_retention",
        lost_without_programme=lost0,
        customers_saved=saved,
        programme_cost=spend,
        cost_per_customer_saved=np.where(lift > 0, per_saved, 0.0),
        cost_ratio=np.where(c > 0, ratio, 0.0),
        cost_without_programme=base_cost,
        cost_with_programme=prog_cost,
        saving=saving,
    )
    cheaper = np.where(saving > 0, "retention", np.where(saving < 0, "acquisition", "equal"))
    scalar = cheaper.ndim == 0
    return AcquisitionRetention(
        lost_without_programme=_out(lost0),
        lost_with_programme=_out(lost1),
        customers_saved=_out(saved),
        programme_cost=_out(spend),
        cost_per_customer_saved=_out(per_saved),
        acquisition_cost=_out(a),
        cost_ratio=_out(ratio),
        cost_without_programme=_out(base_cost),
        cost_with_programme=_out(prog_cost),
        saving=_out(saving),
        cheaper=str(cheaper) if scalar else cheaper.astype(object),
    )


@dataclass(frozen=True, repr=False)
class RetentionEffect(_Bundle):
    """Result of :func:`retention_profit_effect` (floats or arrays).

    Attributes
    ----------
    lifetime_before, lifetime_after
        Expected lifetimes ``1 / (1 - r)``.
    clv_before, clv_after
        Lifetime value per customer at ``r0`` and ``r1`` (acquisition cost subtracted).
    clv_change
        ``clv_after - clv_before``.
    clv_change_pct
        Relative change in percent of ``|clv_before|`` (NaN when ``clv_before`` is 0).
    equity_before, equity_after, equity_change
        The same values times ``customers``.
    """

    lifetime_before: Any
    lifetime_after: Any
    clv_before: Any
    clv_after: Any
    clv_change: Any
    clv_change_pct: Any
    equity_before: Any
    equity_after: Any
    equity_change: Any


def retention_profit_effect(
    margin: Any,
    retention: Any,
    improved_retention: Any,
    discount_rate: Any = 0.0,
    horizon: int | None = None,
    include_first: bool = True,
    acquisition_cost: Any = 0.0,
    margin_growth: Any = 0.0,
    customers: Any = 1.0,
) -> RetentionEffect:
    """Value of a retention improvement from ``r0`` to ``r1``: the Reichheld & Sasser argument.

    Reichheld & Sasser (1990) argued that small gains in retention raise profits
    disproportionately, partly because customers stay longer (``1 / (1 - r)`` grows fast as
    ``r`` approaches 1) and partly because the profit per customer grows with tenure (more
    purchases, lower service cost, referrals, price premiums). Both effects are modelled here:
    the margin of the ``k``-th period served is ``m (1 + g)**(k - 1)``, so with
    ``q = r (1 + g) / (1 + d)`` and the timing convention of :mod:`cpvkit.crm` (first margin
    at acquisition, time 0)::

        include_first=True (default):  CLV = m * sum_{t=0..T-1} q^t
        include_first=False:           m r/(1+d) * sum_{t=0..T-1} q^t   (future margins only)

    which is :func:`cpvkit.crm.clv` when ``g = 0``. Gupta, Lehmann & Stuart (2004) state the
    lever as a 1 % RELATIVE improvement in retention (``r1 = 1.01 r0``), not one point.
    Reichheld & Sasser's published profit increases by industry are NOT built in; pass your
    own margins, rates and growth.

    Parameters
    ----------
    margin : float or array-like
        Margin per customer in the first period served.
    retention, improved_retention : float or array-like
        Retention rate before and after the improvement, each in [0, 1).
    discount_rate : float or array-like, default 0.0
        Discount rate per period, >= 0.
    horizon : int or None, default None
        Number of margins counted; ``None`` for an infinite horizon (then ``q`` must be < 1).
    include_first : bool, default True
        Count the margin paid at acquisition (time 0); ``False`` values only the future
        margins of a customer who has just paid.
    acquisition_cost : float or array-like, default 0.0
        Cost per acquired customer, >= 0, subtracted from both CLVs.
    margin_growth : float or array-like, default 0.0
        Growth ``g`` of the margin per period of tenure, > -1 (0.05 = +5 % per period).
    customers : float or array-like, default 1.0
        Number of customers, >= 0, for the equity fields.

    Returns
    -------
    RetentionEffect
        Lifetimes, CLVs and equity before and after, and their changes.

    Raises
    ------
    ValueError
        If a rate is outside [0, 1), a cost, ``discount_rate`` or ``customers`` is negative,
        ``margin_growth <= -1``, the infinite-horizon sum diverges (``r (1 + g) >= 1 + d``) or
        a value is NaN.
    TypeError
        If an input is not numeric.

    References
    ----------
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: Quality comes to services.
    *Harvard Business Review*, 68(5), 105-111.

    Examples
    --------
    >>> eff = retention_profit_effect(100, 0.80, 0.85, discount_rate=0.1)
    >>> round(eff.clv_before, 2), round(eff.clv_after, 2), round(eff.clv_change_pct, 1)
    (366.67, 440.0, 20.0)
    >>> eff = retention_profit_effect(100, 0.80, 0.85, discount_rate=0.1, margin_growth=0.05)
    >>> round(eff.clv_change_pct, 1)
    25.3
    """
    m = check_range("margin", margin)
    r0 = _retention("retention", retention)
    r1 = _retention("improved_retention", improved_retention)
    d = check_nonnegative("discount_rate", discount_rate)
    a = check_nonnegative("acquisition_cost", acquisition_cost)
    g = check_range("margin_growth", margin_growth, -1.0, low_open=True)
    n = check_nonnegative("customers", customers)
    h = _horizon(horizon)
    include_first = check_bool("include_first", include_first)
    _broadcast(
        margin=m,
        retention=r0,
        improved_retention=r1,
        discount_rate=d,
        acquisition_cost=a,
        margin_growth=g,
        customers=n,
    )

    def value(r: Any) -> np.ndarray:
        r = np.asarray(r, dtype=float)
        q = r * (1.0 + np.asarray(g)) / (1.0 + np.asarray(d))
        if h is None and np.any(q >= 1.0):
            raise ValueError(
                "with margin_growth the infinite-horizon CLV diverges when "
                "retention * (1 + margin_growth) >= 1 + discount_rate; lower margin_growth or "
                "give a horizon"
            )
        if h is None:
            geo = 1.0 / (1.0 - q)
        else:
            k = np.arange(h)
            geo = np.sum(np.asarray(q)[..., None] ** k, axis=-1)
        lead = 1.0 if include_first else r / (1.0 + np.asarray(d))
        return np.asarray(m) * lead * geo - np.asarray(a)

    if np.all(np.asarray(g) == 0):
        before = _clv_core(m, r0, d, h, include_first) - np.asarray(a)
        after = _clv_core(m, r1, d, h, include_first) - np.asarray(a)
    else:
        before, after = value(r0), value(r1)
    change = after - before
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        pct = np.where(
            before != 0, 100.0 * change / np.abs(np.where(before != 0, before, 1.0)), np.nan
        )
    n = np.asarray(n, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        equity = {"before": n * before, "after": n * after, "change": n * change}
    check_no_overflow(
        "retention_profit_effect",
        clv_before=before,
        clv_after=after,
        clv_change=change,
        clv_change_pct=pct,
        equity_before=equity["before"],
        equity_after=equity["after"],
        equity_change=equity["change"],
    )
    return RetentionEffect(
        lifetime_before=_out(1.0 / (1.0 - np.asarray(r0))),
        lifetime_after=_out(1.0 / (1.0 - np.asarray(r1))),
        clv_before=_out(before),
        clv_after=_out(after),
        clv_change=_out(change),
        clv_change_pct=_out(pct),
        equity_before=_out(equity["before"]),
        equity_after=_out(equity["after"]),
        equity_change=_out(equity["change"]),
    )


def profile_clv(
    profits: Any,
    retention: Any,
    discount_rate: float = 0.0,
    acquisition_cost: float = 0.0,
    horizon: int | None = None,
) -> Any:
    """Lifetime value when the profit of a customer changes with tenure (a profit profile).

    ``profits[k - 1]`` is the profit of the ``k``-th period a customer stays; after the last
    entry the last profit is held. With the timing convention of :mod:`cpvkit.crm` (first
    period paid at acquisition, time 0) and ``q = r / (1 + d)``::

        CLV = sum_{t=1..T} p_t q^(t-1) - acquisition_cost

    With a constant profile this is :func:`cpvkit.crm.clv`. The shape of such a profile
    (a loss in the acquisition year, then profits that rise with tenure) is the one of
    Reichheld & Sasser's (1990) credit-card example.

    Parameters
    ----------
    profits : array-like of float
        Profit per period of tenure, first period first (at least one value).
    retention : float or array-like
        Retention rate(s) per period, each in [0, 1).
    discount_rate : float, default 0.0
        Discount rate per period, >= 0.
    acquisition_cost : float, default 0.0
        Cost of winning the customer, >= 0, subtracted once at time 0.
    horizon : int or None, default None
        Number of periods counted (1-10,000); ``None`` for no limit.

    Returns
    -------
    float or numpy.ndarray
        One value per retention rate (float for a scalar rate).

    Raises
    ------
    ValueError
        If ``profits`` is empty or not finite, a rate is outside [0, 1), ``discount_rate`` or
        ``acquisition_cost`` is negative or ``horizon`` is outside 1-10,000.
    TypeError
        If an input is not numeric or ``horizon`` is not a whole number.

    Examples
    --------
    >>> round(profile_clv([100.0], 0.8, 0.1), 2)
    366.67
    >>> profile_clv([-10.0, 20.0, 30.0], [0.0, 0.5], horizon=3).round(2)
    array([-10. ,  7.5])
    """
    p = as_float_array("profits", profits)
    if p.ndim != 1:
        raise ValueError(f"profits must be one-dimensional; got shape {p.shape}")
    r = np.asarray(_retention("retention", retention), dtype=float)
    d = _single("discount_rate", discount_rate, 0.0)
    a = _single("acquisition_cost", acquisition_cost, 0.0)
    h = _horizon(horizon)
    q = r[..., None] / (1.0 + d)
    k = len(p) if h is None else min(len(p), h)
    t = np.arange(k)
    head = np.sum(p[:k] * q**t, axis=-1)
    last = p[-1]
    q = q[..., 0]
    if h is None:
        tail = last * q**k / (1.0 - q)
    else:
        extra = h - k
        tail = last * q**k * (1.0 - q**extra) / (1.0 - q) if extra > 0 else 0.0 * q
    return _out(head + tail - a)


# --------------------------------------------------------------------------------------------
# Word of mouth and complaint recovery
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class WordOfMouth(_Bundle):
    """Result of :func:`word_of_mouth` (floats or arrays).

    Attributes
    ----------
    direct
        People told by the dissatisfied customers, ``n * tell``.
    indirect
        People who hear it second hand, ``n * tell * retell``.
    total
        ``direct + indirect``.
    """

    direct: Any
    indirect: Any
    total: Any


def word_of_mouth(dissatisfied: Any, tell: Any, retell: Any = 0.0) -> WordOfMouth:
    """Number of people who hear about a bad experience: ``n tell + n tell retell``.

    Each of ``n`` dissatisfied customers tells ``tell`` people on average, and each of those
    passes it on to ``retell`` more. Survey figures for ``tell`` and ``retell`` (e.g. the TARP
    studies quoted by Kotler) vary by industry and year; they are not built in - pass the
    numbers you want to discuss.

    Parameters
    ----------
    dissatisfied : float or array-like
        Number of dissatisfied customers, >= 0.
    tell : float or array-like
        Average number of people each of them tells, >= 0.
    retell : float or array-like, default 0.0
        Average number of further people each listener tells, >= 0.

    Returns
    -------
    WordOfMouth
        ``direct``, ``indirect`` and ``total`` reach (floats for scalar inputs).

    Raises
    ------
    ValueError
        If an input is negative, NaN or the shapes do not broadcast.
    TypeError
        If an input is not numeric.

    References
    ----------
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> word_of_mouth(100, tell=10, retell=2)
    WordOfMouth(direct=1,000, indirect=2,000, total=3,000)
    """
    n = check_nonnegative("dissatisfied", dissatisfied)
    t = check_nonnegative("tell", tell)
    rt = check_nonnegative("retell", retell)
    _broadcast(dissatisfied=n, tell=t, retell=rt)
    with np.errstate(over="ignore", invalid="ignore"):
        direct = np.asarray(n) * np.asarray(t)
        indirect = direct * np.asarray(rt)
        total = direct + indirect
    check_no_overflow("word_of_mouth", direct=direct, indirect=indirect, total=total)
    return WordOfMouth(direct=_out(direct), indirect=_out(indirect), total=_out(total))


@dataclass(frozen=True, repr=False)
class ComplaintRecovery(_Bundle):
    """Result of :func:`complaint_recovery` (floats or arrays).

    Attributes
    ----------
    complainers, silent
        Dissatisfied customers who complain / do not complain.
    resolved, unresolved
        Complaints resolved to the customer's satisfaction / not.
    retained_resolved, retained_unresolved, retained_silent
        Customers who buy again in each group.
    retained
        Total customers kept.
    retained_without_recovery
        Customers kept if no complaint were resolved (every complainer repurchases at the
        unresolved rate).
    recovered_customers
        ``retained - retained_without_recovery = resolved * (p_resolved - p_unresolved)``.
    retention_rate
        ``retained / dissatisfied`` (NaN when there are no dissatisfied customers).
    recovered_value
        ``recovered_customers * customer_value`` (NaN when no value is given).
    """

    complainers: Any
    silent: Any
    resolved: Any
    unresolved: Any
    retained_resolved: Any
    retained_unresolved: Any
    retained_silent: Any
    retained: Any
    retained_without_recovery: Any
    recovered_customers: Any
    retention_rate: Any
    recovered_value: Any


def complaint_recovery(
    dissatisfied: Any,
    complain_rate: Any,
    resolved_rate: Any,
    repurchase_resolved: Any,
    repurchase_unresolved: Any,
    repurchase_silent: Any,
    customer_value: Any = None,
) -> ComplaintRecovery:
    """Customers kept by complaint handling, and what recovery buys back.

    Of ``N`` dissatisfied customers a share ``c`` complains and the rest stay silent; a share
    ``s`` of the complaints is resolved. Each group buys again at its own rate::

        retained = N c s p_res + N c (1 - s) p_unres + N (1 - c) p_silent

    Without recovery every complainer would behave like an unresolved one, so recovery buys
    back ``N c s (p_res - p_unres)`` customers. Published repurchase rates (e.g. the TARP
    figures in Kotler's textbooks) are not built in: pass the rates you want to discuss.

    Parameters
    ----------
    dissatisfied : float or array-like
        Number of dissatisfied customers, >= 0.
    complain_rate : float or array-like
        Share of them who complain, in [0, 1].
    resolved_rate : float or array-like
        Share of complaints resolved, in [0, 1].
    repurchase_resolved, repurchase_unresolved, repurchase_silent : float or array-like
        Repurchase rate of customers whose complaint was resolved, of complainers left
        unresolved and of non-complainers, each in [0, 1].
    customer_value : float or array-like, optional
        Value of one kept customer (e.g. a CLV) to price the recovered customers.

    Returns
    -------
    ComplaintRecovery
        Group sizes, retained customers and the recovery effect (floats for scalar inputs).

    Raises
    ------
    ValueError
        If a rate is outside [0, 1], ``dissatisfied`` is negative, a value is NaN or the shapes
        do not broadcast.
    TypeError
        If an input is not numeric.

    References
    ----------
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> res = complaint_recovery(1000, complain_rate=0.3, resolved_rate=0.5,
    ...                          repurchase_resolved=0.8, repurchase_unresolved=0.2,
    ...                          repurchase_silent=0.1, customer_value=200)
    >>> res.retained, res.retained_without_recovery, round(res.recovered_customers, 6)
    (220.0, 130.0, 90.0)
    >>> round(res.recovered_value, 2)
    18000.0
    """
    n = check_nonnegative("dissatisfied", dissatisfied)
    c = check_probability("complain_rate", complain_rate)
    s = check_probability("resolved_rate", resolved_rate)
    p_res = check_probability("repurchase_resolved", repurchase_resolved)
    p_unres = check_probability("repurchase_unresolved", repurchase_unresolved)
    p_sil = check_probability("repurchase_silent", repurchase_silent)
    v = np.nan if customer_value is None else check_range("customer_value", customer_value)
    _broadcast(
        dissatisfied=n,
        complain_rate=c,
        resolved_rate=s,
        repurchase_resolved=p_res,
        repurchase_unresolved=p_unres,
        repurchase_silent=p_sil,
        customer_value=v,
    )
    n, c, s, p_res, p_unres, p_sil, v = (
        np.asarray(x, dtype=float) for x in (n, c, s, p_res, p_unres, p_sil, v)
    )
    complainers = n * c
    silent = n - complainers
    resolved = complainers * s
    unresolved = complainers - resolved
    k_res, k_unres, k_sil = resolved * p_res, unresolved * p_unres, silent * p_sil
    retained = k_res + k_unres + k_sil
    baseline = complainers * p_unres + k_sil
    recovered = resolved * (p_res - p_unres)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        rate = np.where(n > 0, retained / np.where(n > 0, n, 1.0), np.nan)
        recovered_value = recovered * v
    check_no_overflow("complaint_recovery", recovered_value=recovered_value)
    return ComplaintRecovery(
        complainers=_out(complainers),
        silent=_out(silent),
        resolved=_out(resolved),
        unresolved=_out(unresolved),
        retained_resolved=_out(k_res),
        retained_unresolved=_out(k_unres),
        retained_silent=_out(k_sil),
        retained=_out(retained),
        retained_without_recovery=_out(baseline),
        recovered_customers=_out(recovered),
        retention_rate=_out(rate),
        recovered_value=_out(recovered_value),
    )


# --------------------------------------------------------------------------------------------
# Customer development ladder
# --------------------------------------------------------------------------------------------

#: Stages of the customer development ladder, lowest first (Kotler).
LADDER_STAGES: tuple[str, ...] = (
    "prospect",
    "first-time customer",
    "repeat customer",
    "client",
    "advocate",
    "partner",
)


def development_ladder(
    transactions: pd.DataFrame,
    customer: str = "customer_id",
    date: str = "date",
    prospects: Iterable[Any] | None = None,
    analysis_date: Any = None,
    repeat_purchases: int = 2,
    client_purchases: int = 4,
    client_tenure_days: int = 180,
    active_days: int = 365,
    referrals: Mapping[Any, float] | pd.Series | None = None,
    advocate_referrals: int = 1,
    partners: Iterable[Any] | None = None,
) -> pd.DataFrame:
    """Place every customer on the customer development ladder.

    Purchase occasions are distinct days with a purchase (as in :func:`cpvkit.crm.rfm_summary`);
    tenure is the number of days from the first to the last purchase and recency the days from
    the last purchase to ``analysis_date``. Stages are assigned from the top down, the first
    rule that holds wins:

    ====================  ===============================================================
    stage                 rule
    ====================  ===============================================================
    partner               meets the client rule and is listed in ``partners``
    advocate              meets the client rule and has >= ``advocate_referrals``
                          referrals
    client                >= ``client_purchases`` occasions, tenure >=
                          ``client_tenure_days`` and recency <= ``active_days``
    repeat customer       >= ``repeat_purchases`` occasions
    first-time customer   at least one purchase
    prospect              listed in ``prospects`` with no purchase in ``transactions``
    ====================  ===============================================================

    So a lapsed frequent buyer (recency above ``active_days``) falls back to repeat customer,
    and referrals or a partnership count only for a current client. The default thresholds are
    illustrative teaching values, not norms: set them for the purchase cycle of your business.

    Parameters
    ----------
    transactions : pandas.DataFrame
        One row per purchase, with customer id and date columns.
    customer, date : str
        Column names of the customer id and the purchase date (datetimes, date text or
        YYYYMMDD whole numbers such as 19970101; timezone-aware dates count on their own
        local day).
    prospects : iterable, optional
        Ids of known prospects; ids that appear in ``transactions`` are customers and are
        placed by their purchases instead.
    analysis_date : date-like, optional
        Day at which recency is measured; default the day after the last purchase.
    repeat_purchases : int, default 2
        Occasions needed to be a repeat customer (>= 2).
    client_purchases : int, default 4
        Occasions needed to be a client (>= ``repeat_purchases``).
    client_tenure_days : int, default 180
        Days from first to last purchase needed to be a client (>= 0).
    active_days : int, default 365
        Largest recency (days) of a client (>= 1).
    referrals : mapping or pandas.Series, optional
        Number of customers referred, by customer id (missing ids count 0).
    advocate_referrals : int, default 1
        Referrals needed to be an advocate (>= 1).
    partners : iterable, optional
        Ids of customers with a partnership (co-development, advisory board, ...).

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (customers in id order, then prospects), columns
        ``purchases`` (int), ``first_purchase``, ``last_purchase`` (datetime, NaT for
        prospects), ``tenure_days``, ``recency_days`` (float, NaN for prospects),
        ``referrals`` (float), ``partner`` (bool) and ``stage`` (ordered categorical with
        categories :data:`LADDER_STAGES`).

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame, dates cannot be parsed or a threshold is not a
        whole number.
    ValueError
        If a column is missing, the log is empty, an id or date is missing, a threshold is out
        of range, a referral count is negative or NaN, or ``analysis_date`` is before the last
        purchase.

    References
    ----------
    Kotler, P., & Armstrong, G. (2018). *Principles of marketing* (17th ed.). Pearson.
    Christopher, M., Payne, A., & Ballantyne, D. (1991). *Relationship marketing*.
    Butterworth-Heinemann.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2, 2, 3],
    ...                     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-06-01",
    ...                                             "2024-09-01", "2024-01-05", "2024-02-05",
    ...                                             "2024-05-01"])})
    >>> ladder = development_ladder(log, prospects=[9], referrals={1: 2})
    >>> ladder["stage"].astype(str).to_dict()
    {1: 'advocate', 2: 'repeat customer', 3: 'first-time customer', 9: 'prospect'}
    """
    require_columns(transactions, [customer, date], "transactions")
    repeat_purchases = check_int("repeat_purchases", repeat_purchases, 2)
    client_purchases = check_int("client_purchases", client_purchases, repeat_purchases)
    client_tenure_days = check_int("client_tenure_days", client_tenure_days, 0)
    active_days = check_int("active_days", active_days, 1)
    advocate_referrals = check_int("advocate_referrals", advocate_referrals, 1)

    ids = transactions[customer]
    if ids.isna().any():
        raise ValueError(f"transactions column {customer!r} contains missing customer ids")
    day_int = as_days(f"transactions column {date!r}", transactions[date])
    days = pd.Series(day_int.astype("datetime64[D]").astype("datetime64[ns]"))
    last_day = days.max()
    if analysis_date is None:
        ref = last_day + pd.Timedelta(days=1)
    else:
        ref = pd.Timestamp(np.datetime64(as_day("analysis_date", analysis_date), "D"))
        if ref < last_day:
            raise ValueError(
                f"analysis_date must be on or after the last purchase ({last_day.date()}); "
                f"got {ref.date()}"
            )

    frame = pd.DataFrame({"id": ids.to_numpy(), "day": days.to_numpy()})
    grouped = frame.groupby("id", sort=True)["day"]
    hist = pd.DataFrame(
        {
            "purchases": grouped.nunique().astype(np.int64),
            "first_purchase": grouped.min(),
            "last_purchase": grouped.max(),
        }
    )
    if prospects is not None:
        extra = pd.Index(pd.unique(pd.Series(list(prospects), dtype=object)))
        extra = extra[~extra.isin(hist.index)]
        if len(extra):
            add = pd.DataFrame(
                {
                    "purchases": np.zeros(len(extra), dtype=np.int64),
                    "first_purchase": pd.NaT,
                    "last_purchase": pd.NaT,
                },
                index=extra,
            )
            hist = pd.concat([hist, add.astype(hist.dtypes.to_dict())])
    hist.index.name = customer
    hist["tenure_days"] = (hist["last_purchase"] - hist["first_purchase"]).dt.days.astype(float)
    hist["recency_days"] = (ref - hist["last_purchase"]).dt.days.astype(float)

    if referrals is None:
        refs = np.zeros(len(hist))
    else:
        ref_series = referrals if isinstance(referrals, pd.Series) else pd.Series(dict(referrals))
        ref_values = as_float_array("referrals", ref_series.to_numpy(), allow_empty=True)
        check_range("referrals", ref_values, 0.0) if ref_values.size else None
        ref_series = pd.Series(ref_values, index=ref_series.index)
        ref_series = ref_series.groupby(level=0).sum()
        refs = ref_series.reindex(hist.index, fill_value=0.0).to_numpy(dtype=float)
    hist["referrals"] = refs
    partner_ids = pd.Index([] if partners is None else list(partners))
    hist["partner"] = hist.index.isin(partner_ids)

    k = hist["purchases"].to_numpy()
    tenure = hist["tenure_days"].to_numpy()
    recency = hist["recency_days"].to_numpy()
    is_client = (k >= client_purchases) & (tenure >= client_tenure_days) & (recency <= active_days)
    conditions = [
        is_client & hist["partner"].to_numpy(),
        is_client & (refs >= advocate_referrals),
        is_client,
        k >= repeat_purchases,
        k >= 1,
    ]
    codes = np.select(conditions, [5, 4, 3, 2, 1], default=0)
    hist["stage"] = pd.Categorical.from_codes(codes, categories=list(LADDER_STAGES), ordered=True)
    return hist

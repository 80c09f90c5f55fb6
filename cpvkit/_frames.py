"""The customer-base functions on frames of other engines (Polars, DuckDB, PySpark, ...).

:func:`cpvkit.crm.rfm_summary`, :func:`~cpvkit.crm.rfm_scores`, :func:`~cpvkit.crm.rfm_segments`,
:func:`~cpvkit.crm.lorenz_curve` and :func:`~cpvkit.crm.pareto_share` compute pandas input with
numpy. Any other frame that narwhals knows is handed to the functions here, which express the
same computation as narwhals expressions, so it runs inside that engine (nothing is converted
to pandas) and comes back as a frame of the same engine. Eager frames (a Polars DataFrame) give
an eager result; lazy ones (a Polars LazyFrame, a DuckDB relation, a PySpark DataFrame) give a
lazy result, after the checks below have been run on the data.

The checks and messages are those of the pandas path. Dispatch helpers (:func:`is_pandas`,
:func:`lazy_frame`, :func:`finish`, :func:`run`) are meant for every function of this kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import narwhals as nw
import pandas as pd

from cpvkit._validation import as_day, check_choice, check_int, check_range, day_text

_ENGINES = "a pandas DataFrame, or a Polars, DuckDB or PySpark frame"


def is_pandas(data: Any) -> bool:
    """True for pandas objects and plain Python/numpy data (the numpy path handles those)."""
    if isinstance(data, (pd.DataFrame, pd.Series)):
        return True
    try:
        nw.from_native(data, allow_series=True)
    except TypeError:
        return True
    return False


def run(what: str, func: Callable[[], Any]) -> Any:
    """Run an engine step; turn the engine's own errors into a ValueError naming ``what``."""
    try:
        return func()
    except Exception as exc:  # each engine raises its own exception classes
        detail = " ".join(str(exc).split())[:300]
        kind = TypeError if isinstance(exc, TypeError) else ValueError
        raise kind(
            f"{what} could not be computed from this data (dates must be datetimes, date text "
            f"or YYYYMMDD whole numbers; amounts and scores numbers): {detail}"
        ) from None


def lazy_frame(name: str, data: Any, columns: Sequence[str]) -> tuple[nw.LazyFrame, bool]:
    """``data`` as a narwhals LazyFrame (and whether it was eager); columns checked."""
    try:
        frame = nw.from_native(data)
    except TypeError:
        raise TypeError(f"{name} must be {_ENGINES}; got {type(data).__name__}") from None
    eager = isinstance(frame, nw.DataFrame)
    lazy = frame.lazy() if eager else frame
    have = list(lazy.collect_schema().names())
    missing = [c for c in columns if c not in have]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {', '.join(missing)}; it has: {', '.join(have) or 'none'}"
        )
    return lazy, eager


def finish(result: nw.LazyFrame, eager: bool) -> Any:
    """The native frame of the input's engine: collected for eager input, else lazy."""
    if eager:
        return run("the result", lambda: result.collect().to_native())
    return result.to_native()


def _stats(lazy: nw.LazyFrame, **exprs: nw.Expr) -> dict[str, Any]:
    row = run("the checks", lambda: lazy.select(**exprs).collect().rows(named=True))
    return row[0]


def _numeric(name: str, lazy: nw.LazyFrame, column: str) -> None:
    dtype = lazy.collect_schema()[column]
    if not dtype.is_numeric() or dtype == nw.Boolean:
        raise TypeError(
            f"{name} must contain only numbers (real ints or floats; not text, booleans or "
            f"complex numbers); it has type {dtype}"
        )


def _how_many(condition: nw.Expr) -> nw.Expr:
    """Number of rows where ``condition`` holds (Spark cannot add booleans)."""
    return condition.cast(nw.Int64).sum()


def _bad_number(column: str) -> nw.Expr:
    col = nw.col(column)
    return _how_many(col.is_null() | ~col.cast(nw.Float64).is_finite())


def _check_numbers(name: str, lazy: nw.LazyFrame, columns: Sequence[str]) -> dict[str, Any]:
    """Numeric dtype, no missing/NaN/infinite value and at least one row; returns the stats."""
    for column in columns:
        _numeric(f"{name} column {column!r}", lazy, column)
    stats = _stats(
        lazy,
        n=nw.len(),
        **{f"bad_{i}": _bad_number(c) for i, c in enumerate(columns)},
    )
    if not stats["n"]:
        raise ValueError(f"{name} is empty; give at least one row")
    for i, column in enumerate(columns):
        if stats[f"bad_{i}"]:
            raise ValueError(
                f"{name} column {column!r} contains a missing, NaN or infinite value; only "
                "finite numbers are allowed"
            )
    return stats


def _day_expr(name: str, lazy: nw.LazyFrame, column: str) -> nw.Expr:
    """Calendar day of each date as whole days since 1970-01-01 (see ``as_days``)."""
    dtype = lazy.collect_schema()[column]
    col = nw.col(column)
    label = f"{name} column {column!r}"
    if dtype == nw.Boolean:
        raise TypeError(f"{label} holds booleans, not dates")
    if dtype.is_integer():
        stamp = col.cast(nw.String).str.to_datetime(format="%Y%m%d")
    elif dtype == nw.String:
        stamp = col.str.to_datetime()
    elif dtype == nw.Date:
        stamp = col.cast(nw.Datetime("us"))
    elif isinstance(dtype, nw.Datetime):
        stamp = col.dt.replace_time_zone(None) if dtype.time_zone else col
    else:
        raise TypeError(
            f"{label} must hold dates (datetimes, date text or YYYYMMDD whole numbers); "
            f"it has type {dtype}"
        )
    return _civil_days(stamp.dt.year(), stamp.dt.month(), stamp.dt.day())


def _civil_days(year: nw.Expr, month: nw.Expr, day: nw.Expr) -> nw.Expr:
    """Days since 1970-01-01 of a calendar date, in integer arithmetic every engine has.

    The proleptic Gregorian day count in 400-year eras (years from 1000 on are positive, so
    floor division needs no sign care).
    """
    y = year.cast(nw.Int64) - (month <= 2).cast(nw.Int64)
    era = y // 400
    yoe = y - era * 400
    mp = (month.cast(nw.Int64) + 9) % 12  # March = 0, ..., February = 11
    doy = (153 * mp + 2) // 5 + day.cast(nw.Int64) - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return (era * 146_097 + doe - 719_468).cast(nw.Int64)


# ------------------------------------------------------------------------------------------
# RFM
# ------------------------------------------------------------------------------------------


def rfm_summary(
    transactions: Any, customer: str, date: str, amount: str, analysis_date: Any
) -> Any:
    """:func:`cpvkit.crm.rfm_summary` in the engine of ``transactions``."""
    lazy, eager = lazy_frame("transactions", transactions, [customer, date, amount])
    _numeric(f"transactions column {amount!r}", lazy, amount)
    day = _day_expr("transactions", lazy, date)
    prepared = lazy.select(
        nw.col(customer).alias(customer),
        day.alias("_day"),
        nw.col(amount).cast(nw.Float64).alias("_amount"),
    )
    if eager:  # an eager engine computes the prepared columns once for all passes below
        prepared = run("the dates", lambda: prepared.collect().lazy())
    stats = _stats(
        prepared,
        n=nw.len(),
        ids=_how_many(nw.col(customer).is_null()),
        days=_how_many(nw.col("_day").is_null()),
        money=_bad_number("_amount"),
        last=nw.col("_day").max(),
    )
    if not stats["n"]:
        raise ValueError("transactions is empty; give at least one row")
    if stats["ids"]:
        raise ValueError(f"transactions column {customer!r} contains missing customer ids")
    if stats["days"]:
        raise ValueError(f"transactions column {date!r} contains missing dates (NaT)")
    if stats["money"]:
        raise ValueError(
            f"transactions column {amount!r} contains a missing, NaN or infinite value; only "
            "finite numbers are allowed"
        )
    last_day = int(stats["last"])
    ref = last_day + 1 if analysis_date is None else as_day("analysis_date", analysis_date)
    if ref < last_day:
        raise ValueError(
            f"analysis_date must be on or after the last transaction ({day_text(last_day)}); "
            f"got {day_text(ref)}"
        )
    spend = prepared.group_by(customer).agg(monetary=nw.col("_amount").sum())
    bought = (
        prepared.filter(nw.col("_amount") >= 0)
        .group_by(customer)
        .agg(last=nw.col("_day").max(), frequency=nw.col("_day").n_unique())
    )
    result = (
        spend.join(bought, on=customer, how="left")
        .select(
            nw.col(customer),
            (nw.lit(ref) - nw.col("last")).cast(nw.Int64).alias("recency"),
            nw.col("frequency").cast(nw.Int64),
            nw.col("monetary").cast(nw.Float64),
        )
        .sort(customer)
    )
    if eager:
        result = run("rfm_summary", lambda: result.collect().lazy())
    refund_only = _stats(result, k=_how_many(nw.col("recency").is_null()))["k"]
    if refund_only:
        raise ValueError(
            f"{refund_only} customer(s) have only refunds (negative amounts) and no purchase "
            "in transactions; every customer needs at least one purchase (amount >= 0)"
        )
    return finish(result, eager)


def _score(column: str, bins: int, higher_is_better: bool, ties: str) -> nw.Expr:
    rank = nw.col(column).rank(ties, descending=not higher_is_better)
    pct = (rank - 0.5) / nw.len()
    return ((pct * bins).floor() + 1).clip(1, bins).cast(nw.Int64)


def rfm_scores(
    summary: Any, bins: int, recency: str, frequency: str, monetary: str, ties: str
) -> Any:
    """:func:`cpvkit.crm.rfm_scores` in the engine of ``summary``."""
    bins = check_int("bins", bins, 2, 10)
    ties = check_choice("ties", ties, ["average", "min"])
    lazy, eager = lazy_frame("summary", summary, [recency, frequency, monetary])
    _check_numbers("summary", lazy, [recency, frequency, monetary])
    sep = "-" if bins >= 10 else ""
    scored = lazy.with_columns(
        r_score=_score(recency, bins, False, ties),
        f_score=_score(frequency, bins, True, ties),
        m_score=_score(monetary, bins, True, ties),
    ).with_columns(
        rfm_cell=nw.concat_str(
            [nw.col(c).cast(nw.String) for c in ("r_score", "f_score", "m_score")], separator=sep
        ),
        rfm_score=nw.col("r_score") + nw.col("f_score") + nw.col("m_score"),
    )
    return finish(scored, eager)


def rfm_segments(
    summary: Any,
    rules: Sequence[Any],
    high_spend: float | None,
    recency: str,
    frequency: str,
    monetary: str,
    quantile: float,
) -> Any:
    """:func:`cpvkit.crm.rfm_segments` in the engine of ``summary`` (first matching rule wins).

    ``rules`` are checked :class:`cpvkit.crm.SegmentRule` rows; without ``high_spend`` the
    threshold is the ``quantile`` of spend (linear interpolation, as numpy's default).
    """
    lazy, eager = lazy_frame("summary", summary, [recency, frequency, monetary])
    _check_numbers("summary", lazy, [recency, frequency, monetary])
    rec, freq = nw.col(recency).cast(nw.Float64), nw.col(frequency).cast(nw.Float64)
    spend = nw.col(monetary).cast(nw.Float64)
    stats = _stats(
        lazy,
        negative=_how_many(rec < 0),
        low_rec=rec.min(),
        below_one=_how_many(freq < 1),
        low_freq=freq.min(),
        threshold=spend.quantile(quantile, interpolation="linear"),
    )
    if stats["negative"]:
        raise ValueError(f"summary column {recency!r} must be >= 0 days; got {stats['low_rec']:g}")
    if stats["below_one"]:
        raise ValueError(
            f"summary column {frequency!r} must be >= 1 purchase day; got {stats['low_freq']:g}"
        )
    if high_spend is None:
        threshold = float(stats["threshold"])
    else:
        threshold = float(check_range("high_spend", high_spend))
    segment: nw.Expr = nw.lit(None, dtype=nw.String)
    for row in reversed(list(rules)):
        hit = (rec >= row.recency[0]) & (freq >= row.frequency[0])
        if row.recency[1] != float("inf"):
            hit = hit & (rec < row.recency[1])
        if row.frequency[1] != float("inf"):
            hit = hit & (freq < row.frequency[1])
        if row.high_spend is not None:
            hit = hit & ((spend >= threshold) if row.high_spend else (spend < threshold))
        segment = nw.when(hit).then(nw.lit(row.segment)).otherwise(segment)
    result = lazy.with_columns(segment=segment)
    left = _stats(result, k=_how_many(nw.col("segment").is_null()))["k"]
    if left:
        raise ValueError(
            f"the rules leave {left} customer(s) unclassified; add a rule that covers them"
        )
    return finish(result, eager)


# ------------------------------------------------------------------------------------------
# Concentration
# ------------------------------------------------------------------------------------------


def _values(values: Any) -> tuple[nw.LazyFrame, bool, dict[str, Any]]:
    """One column of customer values as a LazyFrame with column ``v``, checked."""
    try:
        series = nw.from_native(values, series_only=True)
    except TypeError:
        series = None
    if series is not None:
        lazy, eager = series.to_frame().lazy(), True
    else:
        lazy, eager = lazy_frame("values", values, [])
    names = list(lazy.collect_schema().names())
    if len(names) != 1:
        raise ValueError(
            f"values must be one column of customer values; this frame has {len(names)} "
            f"columns ({', '.join(names)}): select one, e.g. frame.select('monetary')"
        )
    lazy = lazy.select(nw.col(names[0]).alias("v"))
    _numeric("values", lazy, "v")
    stats = _stats(
        lazy,
        n=nw.len(),
        bad=_bad_number("v"),
        neg=_how_many(nw.col("v") < 0),
        total=nw.col("v").cast(nw.Float64).sum(),
    )
    if not stats["n"]:
        raise ValueError("values is empty; give at least one value")
    if stats["bad"]:
        raise ValueError("values contains a missing, NaN or infinite value; only finite numbers")
    if stats["neg"]:
        raise ValueError("values must be >= 0; got a negative value")
    if not stats["total"] > 0:
        raise ValueError("values sum to zero; give at least one positive value")
    if stats["total"] == float("inf"):
        raise ValueError("values add up to more than about 1e308; rescale them first")
    return lazy.with_columns(nw.col("v").cast(nw.Float64)), eager, stats


def lorenz_curve(values: Any) -> Any:
    """:func:`cpvkit.crm.lorenz_curve` in the engine of ``values`` (a column or series)."""
    lazy, eager, stats = _values(values)
    n, total = stats["n"], stats["total"]
    ranked = lazy.with_columns(k=nw.col("v").rank("ordinal"))
    points = ranked.with_columns(c=nw.col("v").cum_sum().over(order_by="k")).select(
        customer_share=nw.col("k").cast(nw.Float64) / n,
        value_share=nw.when(nw.col("k") == n).then(nw.lit(1.0)).otherwise(nw.col("c") / total),
    )
    origin = lazy.head(1).select(
        customer_share=nw.lit(0.0, nw.Float64), value_share=nw.lit(0.0, nw.Float64)
    )
    curve = nw.concat([origin, points], how="vertical").sort("customer_share")
    return finish(curve, eager)


def pareto_share(values: Any, top: float) -> float:
    """:func:`cpvkit.crm.pareto_share` in the engine of ``values`` (a column or series)."""
    top = check_range("top", top, 0.0, 1.0, low_open=True)
    lazy, _, stats = _values(values)
    n, total = stats["n"], stats["total"]
    t = (1.0 - top) * n
    j = int(t)
    frac = t - j
    k = nw.col("v").rank("ordinal")
    sums = _stats(
        lazy.with_columns(k=k),
        below=nw.when(nw.col("k") <= j).then(nw.col("v")).otherwise(nw.lit(0.0)).sum(),
        next=nw.when(nw.col("k") == j + 1).then(nw.col("v")).otherwise(nw.lit(0.0)).sum(),
    )
    below = (sums["below"] or 0.0) + frac * (sums["next"] or 0.0)
    return float(1.0 - min(below / total, 1.0))

"""Input checks shared by every cpvkit module.

Each check raises a ``ValueError`` (wrong value) or ``TypeError`` (wrong kind of object) whose
message names the argument, says what was wrong and what is allowed. Private: the public
functions call these so that every module words its errors the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

#: Largest size of a number cpvkit computes with: results built from inputs of this size (sums,
#: products with ordinary rates and counts) stay finite instead of overflowing to infinity.
MAX_MAGNITUDE = 1e300


def as_float_array(name: str, values: Any, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``values`` as a float array.

    Text, NaN, infinities and (unless ``allow_empty``) empty input are rejected.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be numbers, not text ({values!r})")
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be a single column or sequence of numbers, not a DataFrame")
    arr = _numeric_array(name, values)
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty; give at least one value")
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN (missing values); remove or fill them first")
    if np.isinf(arr).any():
        raise ValueError(f"{name} contains an infinite value; only finite numbers are allowed")
    if arr.size and np.abs(arr).max() > MAX_MAGNITUDE:
        raise ValueError(
            f"{name} holds {np.abs(arr).max():g}, too large to compute with; allowed: sizes "
            f"up to {MAX_MAGNITUDE:g}, so that results stay finite"
        )
    return arr


_NUMERIC_KINDS = "iuf"
_ALLOWED_NUMBERS = "only numbers (real ints or floats; not text, booleans or complex numbers)"


def _shown(values: Any) -> str:
    text = repr(values)
    return text if len(text) <= 60 else text[:57] + "..."


def _flat(values: Any) -> Iterator[Any]:
    for v in values:
        if isinstance(v, (list, tuple)):
            yield from _flat(v)
        else:
            yield v


def _numeric_array(name: str, values: Any) -> np.ndarray:
    """``values`` as a float array; text, booleans, complex numbers and objects are rejected."""
    if isinstance(values, (bool, np.bool_)):
        raise TypeError(f"{name} must contain {_ALLOWED_NUMBERS}; got {values!r}")
    if isinstance(values, (list, tuple)):
        # numpy turns [1, True] into [1, 1]: look at the elements of a plain sequence
        for v in _flat(values):
            if isinstance(v, (bool, np.bool_, str, bytes, complex, np.complexfloating)):
                raise TypeError(f"{name} must contain {_ALLOWED_NUMBERS}; got {v!r}")
    try:
        raw = np.asarray(values)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must contain {_ALLOWED_NUMBERS}; got {_shown(values)}") from None
    if raw.dtype.kind == "O":
        flat = raw.ravel()
        missing = [v is None or v is pd.NA for v in flat]
        for v, gap in zip(flat, missing, strict=True):
            if not gap and (
                isinstance(v, (bool, np.bool_)) or not isinstance(v, (Real, np.number))
            ):
                raise TypeError(f"{name} must contain {_ALLOWED_NUMBERS}; got {v!r}")
        values_ = [np.nan if gap else v for v, gap in zip(flat, missing, strict=True)]
        try:
            raw = np.array(values_, dtype=float).reshape(raw.shape)
        except OverflowError:
            raise ValueError(
                f"{name} holds a number too large to compute with; allowed: sizes up to "
                f"{MAX_MAGNITUDE:g}"
            ) from None
    if raw.dtype.kind not in _NUMERIC_KINDS:
        kind = {"b": "booleans", "U": "text", "S": "text", "c": "complex numbers"}.get(
            raw.dtype.kind, f"values of type {raw.dtype}"
        )
        raise TypeError(f"{name} must contain {_ALLOWED_NUMBERS}; got {kind}: {_shown(values)}")
    if raw.dtype.kind in "iu" and raw.size and np.abs(raw).max() > 2**53:
        raise ValueError(
            f"{name} holds a whole number too large to compute with exactly ({np.abs(raw).max()}); "
            "allowed: magnitudes up to 2**53 (about 9e15)"
        )
    return raw.astype(float, copy=False)


def check_finite_result(name: str, value: Any, allowed: str) -> Any:
    """Raise ValueError if a computed ``value`` overflowed to infinity or NaN.

    ``allowed`` says which sizes of input are fine, e.g. ``"values below about 1e300"``.
    """
    arr = np.asarray(value, dtype=float)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} overflows (the inputs are too large to compute with); {allowed}")
    return value


#: What :func:`check_no_overflow` says is allowed.
PRODUCTS_ALLOWED = (
    "allowed: inputs whose products (such as customers x margin) stay below about 1e308"
)


def check_no_overflow(function: str, **results: Any) -> None:
    """Raise ValueError if a computed result overflowed to infinity.

    Each input may be finite while their product is not (``1e300`` customers times a margin of
    ``1e300``); such a result would otherwise come back as ``inf``. Results that are
    legitimately infinite must be left out (or masked) by the caller.
    """
    for name, value in results.items():
        with np.errstate(over="ignore", invalid="ignore"):
            overflowed = np.isinf(np.asarray(value, dtype=float)).any()
        if overflowed:
            raise ValueError(
                f"{function}: {name} overflows (the inputs are too large to compute with "
                f"together); {PRODUCTS_ALLOWED}"
            )


def check_bool(name: str, value: Any) -> bool:
    """A yes/no flag: ``True`` or ``False`` (numpy booleans too), nothing else.

    Text such as ``'False'`` and numbers such as ``0`` are rejected, because ``bool('False')``
    is true and a silently wrong switch gives a wrong answer.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(f"{name} must be True or False; got {value!r} ({type(value).__name__})")


def as_float(name: str, value: Any) -> float:
    """Return a single finite number as ``float``."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number)):
        raise TypeError(f"{name} must be a number; got {value!r} ({type(value).__name__})")
    try:
        out = float(value)
    except OverflowError:
        out = float("inf") if value > 0 else float("-inf")
    if np.isnan(out):
        raise ValueError(f"{name} is NaN; give a number")
    if np.isinf(out):
        raise ValueError(f"{name} is infinite or too large; give a finite number")
    if abs(out) > MAX_MAGNITUDE:
        raise ValueError(
            f"{name} is {out:g}, too large to compute with; allowed: sizes up to "
            f"{MAX_MAGNITUDE:g}, so that results stay finite"
        )
    return out


def _describe_range(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    if low is not None and high is not None:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        return f"in {left}{low:g}, {high:g}{right}"
    if low is not None:
        return f"{'>' if low_open else '>='} {low:g}"
    if high is not None:
        return f"{'<' if high_open else '<='} {high:g}"
    return "finite"


def check_range(
    name: str,
    value: Any,
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> Any:
    """Check that a number or every element of an array lies in the given interval.

    Returns the value as ``float`` (scalar input) or a float array (array input).
    """
    try:
        scalar = np.ndim(value) == 0 and not isinstance(value, (list, tuple))
    except ValueError:
        raise TypeError(
            f"{name} must be a number or a sequence of numbers of one shape; got nested "
            f"sequences of different lengths: {_shown(value)}"
        ) from None
    arr = np.atleast_1d(as_float(name, value) if scalar else as_float_array(name, value))
    bad = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        bad |= arr <= low if low_open else arr < low
    if high is not None:
        bad |= arr >= high if high_open else arr > high
    if bad.any():
        allowed = _describe_range(low, high, low_open, high_open)
        shown = arr[bad][0]
        raise ValueError(f"{name} must be {allowed}; got {shown:g}")
    return float(arr[0]) if scalar else arr


def check_probability(name: str, value: Any, *, allow_one: bool = True) -> Any:
    """A rate in [0, 1] (or [0, 1) when ``allow_one`` is false)."""
    return check_range(name, value, 0.0, 1.0, high_open=not allow_one)


def check_nonnegative(name: str, value: Any) -> Any:
    """A number (or array) that must be >= 0, such as a cost or a count."""
    return check_range(name, value, 0.0)


def check_int(name: str, value: Any, low: int | None = None, high: int | None = None) -> int:
    """A whole number in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            value = int(value)
        else:
            raise TypeError(f"{name} must be a whole number; got {value!r}")
    check_range(name, as_float(name, value), low, high)
    return int(value)


def check_choice(name: str, value: Any, allowed: Iterable[Any]) -> Any:
    """One of a fixed set of options."""
    allowed = list(allowed)
    if value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value


def require_columns(data: Any, columns: Iterable[str], name: str = "data") -> pd.DataFrame:
    """Check that ``data`` is a non-empty DataFrame holding ``columns``."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(data).__name__}")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        have = ", ".join(map(str, data.columns)) or "none"
        raise ValueError(f"{name} is missing column(s) {', '.join(missing)}; it has: {have}")
    if data.empty:
        raise ValueError(f"{name} is empty; give at least one row")
    return data


_DATES_ALLOWED = (
    "allowed: datetimes, date text such as '1997-01-01', or whole numbers written YYYYMMDD "
    "such as 19970101"
)


def _yyyymmdd(name: str, numbers: np.ndarray) -> np.ndarray:
    """Whole numbers written YYYYMMDD (the raw CDNOW format) as datetime64[D]."""
    if numbers.dtype.kind == "f":
        if not np.isfinite(numbers).all() or (numbers != np.round(numbers)).any():
            raise TypeError(f"{name} holds numbers that are not dates; {_DATES_ALLOWED}")
    far = np.abs(numbers) > 99_991_231  # beyond 9999-12-31 (and beyond a 64-bit integer)
    if far.any():
        first = numbers[far][0]
        shown = str(int(first)) if numbers.dtype.kind in "iu" else f"{first:.12g}"
        raise ValueError(
            f"{name} holds the number {shown}, which is not a date written YYYYMMDD; "
            f"{_DATES_ALLOWED}"
        )
    v = numbers.astype(np.int64)
    year, month, day = v // 10_000, v // 100 % 100, v % 100
    bad = (year < 1000) | (year > 9999) | (month < 1) | (month > 12) | (day < 1) | (day > 31)
    if bad.any():
        raise ValueError(
            f"{name} holds the number {v[bad][0]}, which is not a date written YYYYMMDD; "
            f"{_DATES_ALLOWED}"
        )
    start = (year - 1970) * 12 + (month - 1)
    out = start.astype("datetime64[M]").astype("datetime64[D]") + (day - 1)
    roll = out.astype("datetime64[M]") != start.astype("datetime64[M]")
    if roll.any():
        raise ValueError(
            f"{name} holds {v[roll][0]}, a day that does not exist in its month; {_DATES_ALLOWED}"
        )
    return out


def as_days(name: str, values: Any) -> np.ndarray:
    """Calendar days (int64 days since 1970-01-01) of a column of dates.

    Whole numbers are read as YYYYMMDD (19970101 is 1 January 1997), never as nanoseconds;
    timezone-aware datetimes keep their own wall-clock day (no shift to UTC); times of day are
    dropped. Missing dates are rejected.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    kind = series.dtype.kind
    if kind == "b" or (kind == "O" and series.map(type).isin([bool, np.bool_]).any()):
        raise TypeError(f"{name} holds booleans, not dates; {_DATES_ALLOWED}")
    if kind in "iuf":
        if series.isna().any():
            raise ValueError(f"{name} contains missing dates (NaN); fill or drop them first")
        days = _yyyymmdd(name, series.to_numpy())
        return days.astype(np.int64)
    if kind != "M" and not isinstance(series.dtype, pd.DatetimeTZDtype):
        try:
            with warnings.catch_warnings():
                # "could not infer format": each text is then read on its own, which is
                # what is wanted; a text that is no date fails below with the message
                warnings.simplefilter("ignore", UserWarning)
                series = pd.to_datetime(series)
        except (TypeError, ValueError, OverflowError, NotImplementedError) as exc:
            raise TypeError(f"{name} must hold dates; {_DATES_ALLOWED} ({exc})") from None
    if series.isna().any():
        raise ValueError(f"{name} contains missing dates (NaT); fill or drop them first")
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_localize(None)  # the local calendar day where it happened
    return series.to_numpy().astype("datetime64[D]").astype(np.int64)


def as_day(name: str, value: Any) -> int:
    """One calendar day (int64 days since 1970-01-01), read like :func:`as_days`."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a date; got {value!r}; {_DATES_ALLOWED}")
    if isinstance(value, (Real, np.number)):
        if isinstance(value, float) and not np.isfinite(value):
            raise ValueError(f"{name} must be a date; got {value!r}; {_DATES_ALLOWED}")
        return int(_yyyymmdd(name, np.array([value]))[0].astype(np.int64))
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        raise ValueError(f"{name} is missing (NaT); give a date")
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError, NotImplementedError):
        raise TypeError(f"{name} must be a date; got {value!r}; {_DATES_ALLOWED}") from None
    if pd.isna(stamp):
        raise ValueError(f"{name} is missing (NaT); give a date")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    if not 1000 <= stamp.year <= 9999:
        raise ValueError(
            f"{name} must be a date in the years 1000 to 9999; got {value!r}; {_DATES_ALLOWED}"
        )
    return int(np.datetime64(stamp.to_datetime64(), "D").astype(np.int64))


def day_text(day: int) -> str:
    """An int day from :func:`as_days` as ISO text."""
    return str(np.datetime64(int(day), "D"))


def size_of(name: str, values: Any) -> int:
    """Number of elements of a sequence of numbers; TypeError for ragged nested sequences."""
    try:
        return int(np.size(values))
    except ValueError:
        raise TypeError(
            f"{name} must be a sequence of numbers of one shape; got nested sequences of "
            f"different lengths: {_shown(values)}"
        ) from None

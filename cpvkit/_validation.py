"""Input checks shared by every cpvkit module.

Each check raises a ``ValueError`` (wrong value) or ``TypeError`` (wrong kind of object) whose
message names the argument, says what was wrong and what is allowed. Private: the public
functions call these so that every module words its errors the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd


def as_float_array(name: str, values: Any, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``values`` as a float array.

    Text, NaN, infinities and (unless ``allow_empty``) empty input are rejected.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be numbers, not text ({values!r})")
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be a single column or sequence of numbers, not a DataFrame")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must contain only numbers; got {values!r}") from None
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty; give at least one value")
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN (missing values); remove or fill them first")
    if np.isinf(arr).any():
        raise ValueError(f"{name} contains an infinite value; only finite numbers are allowed")
    return arr


def as_float(name: str, value: Any) -> float:
    """Return a single finite number as ``float``."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number)):
        raise TypeError(f"{name} must be a number; got {value!r} ({type(value).__name__})")
    out = float(value)
    if np.isnan(out):
        raise ValueError(f"{name} is NaN; give a number")
    if np.isinf(out):
        raise ValueError(f"{name} is infinite; give a finite number")
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
    scalar = np.ndim(value) == 0 and not isinstance(value, (list, tuple))
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
    check_range(name, float(value), low, high)
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

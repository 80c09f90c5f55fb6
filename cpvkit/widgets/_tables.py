"""Reading small tables typed into a calculator (one record per line, comma-separated)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

#: Default largest number of typed lines of a table and of typed numbers.
MAX_ROWS = 500
MAX_VALUES = 100_000
#: Largest size of a typed number (as :data:`cpvkit.widgets._base.MAX_NUMBER`).
MAX_NUMBER = 1e12

# a digit, a comma and a digit with no space: "6,3" may be a decimal comma
_DECIMAL_COMMA = re.compile(r"\d,\d")
_NUMBER_PIECE = re.compile(r"^\s*[+-]?\d+\s*$")
_THOUSANDS_END = re.compile(r"\d,\d{3}\s*$")


def _check_size(name: str, values: pd.Series, label: Callable[[int], str], limit: float) -> None:
    """ValueError naming the first value larger than ``limit`` (``label(row)`` names it)."""
    big = (values.abs() > limit).to_numpy()
    if big.any():
        row = int(np.flatnonzero(big)[0])
        raise ValueError(f"{name}: {label(row)} must be at most {limit:,.0f} in size")


def parse_rows(
    name: str,
    text: str,
    columns: list[str],
    numeric: list[str],
    *,
    max_rows: int = MAX_ROWS,
    limit: float = MAX_NUMBER,
) -> pd.DataFrame:
    """Read lines ``first, second, ..., last`` into a DataFrame; plain ValueError otherwise.

    The LAST ``len(columns) - 1`` comma-separated fields are split off each line from the
    right, so the first field (a feature or attribute name) may itself contain commas.
    Blank lines and lines starting with ``#`` are skipped.

    Parameters
    ----------
    name : str
        Input name used in messages.
    text : str
        The typed lines.
    columns : list of str
        Column names, the free-text column first.
    numeric : list of str
        Columns that must hold numbers (written with a decimal point; a line that may use
        decimal commas, such as ``Coffee, 6,3, 5,9``, is rejected rather than guessed).
    max_rows : int
        Largest number of lines accepted.
    limit : float
        Largest size (absolute value) of a number.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If there are no lines or too many, a line has too few fields, a number does not
        parse, is too large or may be written with a decimal comma.

    Examples
    --------
    >>> parse_rows("ratings", "Taste, 6.3, 5.9\\nPrice, fair, 6, 4",
    ...            ["attribute", "importance", "performance"], ["importance", "performance"])
         attribute  importance  performance
    0        Taste         6.3          5.9
    1  Price, fair         6.0          4.0
    """
    lines = pd.Series([line.strip() for line in str(text).splitlines()], dtype=object)
    lines = lines[(lines != "") & ~lines.str.startswith("#")].reset_index(drop=True)
    if lines.empty:
        raise ValueError(f"{name} is empty; enter one line per record: {', '.join(columns)}")
    if len(lines) > max_rows:
        raise ValueError(f"{name} has {len(lines):,} lines; at most {max_rows:,} are allowed")
    parts = lines.str.rsplit(",", n=len(columns) - 1, expand=True)
    parts = parts.reindex(columns=range(len(columns)))
    missing = parts.isna().any(axis=1).to_numpy()
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise ValueError(
            f"{name}: line {row + 1} ({lines[row]!r}) needs {len(columns)} comma-separated "
            f"fields: {', '.join(columns)}"
        )
    parts.columns = columns
    if numeric:
        # "Coffee, 6,3, 5,9" splits as "Coffee, 6,3" | "5" | "9": a name ending in a number
        # on a line with digit-comma-digit is ambiguous, so say so instead of guessing
        first = parts[columns[0]]
        pieces = first.str.rsplit(",", n=1)
        ambiguous = (
            (pieces.str.len() > 1)
            & pieces.str[-1].str.match(_NUMBER_PIECE)
            & lines.str.contains(_DECIMAL_COMMA)
            & ~first.str.contains(_THOUSANDS_END)
        ).to_numpy()
        if ambiguous.any():
            row = int(np.flatnonzero(ambiguous)[0])
            raise ValueError(
                f"{name}: line {row + 1} ({lines[row]!r}) may use decimal commas; write "
                "decimals with a point and separate the fields with commas, e.g. "
                f"'Coffee, 6.3, 5.9' (the {columns[0]} must not end with a number)"
            )
    frame = parts.apply(lambda col: col.str.strip())
    for column in numeric:
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = values.isna().to_numpy()
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise ValueError(
                f"{name}: line {row + 1}: {column} must be a number; got {frame[column][row]!r}"
            )
        _check_size(name, values, lambda row, c=column: f"line {row + 1}: {c}", limit)
        frame[column] = values.astype(float)
    return frame


def parse_numbers(
    name: str, text: str, *, max_values: int = MAX_VALUES, limit: float = MAX_NUMBER
) -> np.ndarray:
    """Numbers separated by spaces, commas, semicolons or new lines; plain ValueError otherwise.

    At most ``max_values`` numbers, each at most ``limit`` in size. The result is read-only:
    the last few texts read are remembered, so a calculator whose other inputs change does
    not read a long list again.

    Examples
    --------
    >>> parse_numbers("scores", "10, 9 8;7")
    array([10.,  9.,  8.,  7.])
    """
    if not isinstance(text, str):
        raise TypeError(f"{name} must be typed text; got {type(text).__name__}")
    return _parse_numbers(name, text, max_values, limit)


@functools.lru_cache(maxsize=8)
def _parse_numbers(name: str, text: str, max_values: int, limit: float) -> np.ndarray:
    tokens = text.replace(",", " ").replace(";", " ").split()
    if not tokens:
        raise ValueError(f"{name} is empty; enter numbers separated by spaces or commas")
    if len(tokens) > max_values:
        raise ValueError(f"{name} has {len(tokens):,} numbers; at most {max_values:,} are allowed")
    array = None
    if text.isascii() and "_" not in text:
        # plain ASCII numbers convert in C; Python's float() would also read "1_000" and
        # non-ASCII digits, which are not numbers here (nor on the page calculator)
        try:
            array = np.array(tokens, dtype=float)
        except ValueError:
            array = None  # a token that is not a number: found and named below
    if array is None:
        values = pd.to_numeric(pd.Series(tokens, dtype=object), errors="coerce")
        array = values.to_numpy(dtype=float)
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}: {tokens[int(np.flatnonzero(bad)[0])]!r} is not a number")
    _check_size(name, pd.Series(array), lambda row: repr(tokens[row]), limit)
    array.flags.writeable = False
    return array

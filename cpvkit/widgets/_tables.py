"""Reading small tables typed into a calculator (one record per line, comma-separated)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def parse_rows(name: str, text: str, columns: list[str], numeric: list[str]) -> pd.DataFrame:
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
        Columns that must hold numbers.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If there are no lines, a line has too few fields or a number does not parse.

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
    frame = parts.apply(lambda col: col.str.strip())
    for column in numeric:
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = values.isna().to_numpy()
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise ValueError(
                f"{name}: line {row + 1}: {column} must be a number; got {frame[column][row]!r}"
            )
        frame[column] = values.astype(float)
    return frame


_SPLIT = re.compile(r"[\s,;]+")


def parse_numbers(name: str, text: str) -> np.ndarray:
    """Numbers separated by spaces, commas, semicolons or new lines; plain ValueError otherwise.

    Examples
    --------
    >>> parse_numbers("scores", "10, 9 8;7")
    array([10.,  9.,  8.,  7.])
    """
    tokens = pd.Series([t for t in _SPLIT.split(str(text).strip()) if t], dtype=object)
    if tokens.empty:
        raise ValueError(f"{name} is empty; enter numbers separated by spaces or commas")
    values = pd.to_numeric(tokens, errors="coerce")
    bad = values.isna().to_numpy()
    if bad.any():
        raise ValueError(f"{name}: {tokens[int(np.flatnonzero(bad)[0])]!r} is not a number")
    return values.to_numpy(dtype=float)

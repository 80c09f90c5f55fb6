"""Loaders for the data sets shipped in the repository's ``data/`` folder.

One real data set and several simulated survey files:

- :func:`load_cdnow` - the CDNOW purchase log (real transactions; credit Fader and Hardie);

Every loader returns a fresh, tidy :class:`pandas.DataFrame` (the parsed file is cached, the copy
you get is yours to change). The folder is ``<repository>/data``, found from the package
location; set the environment variable ``CPVKIT_DATA_DIR`` to read the files from elsewhere.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

__all__ = [
    "DATA_DIR_ENV",
    "data_dir",
    "load_cdnow",
]

#: Name of the environment variable that overrides the data folder.
DATA_DIR_ENV = "CPVKIT_DATA_DIR"

_DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_dir() -> Path:
    """Return the folder the loaders read from.

    Returns
    -------
    pathlib.Path
        The value of the environment variable ``CPVKIT_DATA_DIR`` when it is set, otherwise the
        ``data/`` folder next to the ``cpvkit`` package in the repository.

    Examples
    --------
    >>> data_dir().name
    'data'
    """
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).expanduser() if override else _DEFAULT_DATA_DIR


def _data_file(filename: str) -> Path:
    """Full path of a data file, with a helpful error when it is not there."""
    folder = data_dir()
    path = folder / filename
    if not path.is_file():
        where = (
            f"the folder given by the environment variable {DATA_DIR_ENV}"
            if os.environ.get(DATA_DIR_ENV)
            else "the repository's data/ folder"
        )
        hint = (
            "; the simulated survey files are written by scripts/simulate_surveys.py"
            if filename != _CDNOW_FILE
            else ""
        )
        raise FileNotFoundError(
            f"data file {filename!r} not found in {folder} ({where}). Run cpvkit from a checkout "
            f"of the repository or set {DATA_DIR_ENV} to the folder holding the data files{hint}."
        )
    return path


_CDNOW_FILE = "CDNOW_master.txt"


@functools.cache
def _read_cdnow(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(
        path,
        sep=r"\s+",
        header=None,
        names=["customer_id", "date", "quantity", "amount"],
        dtype={"customer_id": "int64", "date": "str", "quantity": "int64", "amount": "float64"},
    )
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d").astype("datetime64[ns]")
    return raw


def load_cdnow() -> pd.DataFrame:
    """Load the CDNOW purchase log: one row per purchase record.

    The full cohort of 23,570 customers who first bought at the CDNOW web site in the first
    quarter of 1997, with every purchase they made up to 30 June 1998 (69,659 records). Several
    records of one customer on one day are kept as separate rows. Real data, distributed freely
    by Peter Fader and Bruce Hardie for teaching and research; credit them when you use it.

    Returns
    -------
    pandas.DataFrame
        Columns:

        ``customer_id`` (int64)
            Customer number, 1-23570.
        ``date`` (datetime64[ns])
            Day of the purchase, 1997-01-01 to 1998-06-30.
        ``quantity`` (int64)
            Number of CDs bought in the record.
        ``amount`` (float64)
            Value of the record in US dollars.

    Raises
    ------
    FileNotFoundError
        If ``CDNOW_master.txt`` is not in the data folder (see :func:`data_dir`).

    References
    ----------
    Fader, P. S., Hardie, B. G. S. and Lee, K. L. (2005). "Counting your customers" the easy way:
    an alternative to the Pareto/NBD model. *Marketing Science*, 24(2), 275-284.

    Examples
    --------
    >>> cd = load_cdnow()
    >>> cd.shape
    (69659, 4)
    >>> list(cd.columns)
    ['customer_id', 'date', 'quantity', 'amount']
    >>> int(cd["customer_id"].nunique())
    23570
    """
    return _read_cdnow(_data_file(_CDNOW_FILE)).copy()

"""Loaders for the data sets shipped in the repository's ``data/`` folder.

One real data set and several SIMULATED survey files:

- :func:`load_cdnow` - the CDNOW purchase log (real transactions; credit Fader and Hardie);
- :func:`load_satisfaction_survey` - satisfaction, NPS and repurchase intention (simulated);
- :func:`load_kano_survey` - Kano functional/dysfunctional answers (simulated);
- :func:`load_ipa_ratings` - importance and performance ratings (simulated);
- :func:`load_servqual` - SERVQUAL expectations, perceptions and item dictionary (simulated);
- :func:`load_competitor_ratings` - attribute ratings, weights and prices of four offerings
  for a customer value analysis (simulated).

The simulated files are written by ``scripts/simulate_surveys.py`` (fixed seed); its docstring
and ``data/README.md`` describe the generating models. They are invented data: use them to learn
the methods, never as evidence about real markets.

Every loader returns a fresh, tidy :class:`pandas.DataFrame` (the parsed file is cached, the copy
you get is yours to change). The files travel with the package (``cpvkit/data`` in an installed
wheel); in a checkout of the repository they are read from ``<repository>/data``. Set the
environment variable ``CPVKIT_DATA_DIR`` to read them from elsewhere.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import NamedTuple

import pandas as pd

__all__ = [
    "DATA_DIR_ENV",
    "CompetitorData",
    "ServqualData",
    "data_dir",
    "load_cdnow",
    "load_competitor_ratings",
    "load_ipa_ratings",
    "load_kano_survey",
    "load_satisfaction_survey",
    "load_servqual",
]

#: Name of the environment variable that overrides the data folder.
DATA_DIR_ENV = "CPVKIT_DATA_DIR"

#: where an installed package (wheel or sdist) keeps the files: ``cpvkit/data``, which the build
#: maps from the repository's one ``data/`` folder (see ``[tool.setuptools]`` in pyproject.toml)
_PACKAGED_DATA_DIR = Path(__file__).resolve().parent / "data"
#: where a checkout (or an editable install) keeps them: ``data/`` next to the package
_REPOSITORY_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_DEFAULT_DATA_DIR = _PACKAGED_DATA_DIR if _PACKAGED_DATA_DIR.is_dir() else _REPOSITORY_DATA_DIR


def data_dir() -> Path:
    """Return the folder the loaders read from.

    Returns
    -------
    pathlib.Path
        The value of the environment variable ``CPVKIT_DATA_DIR`` when it is set, otherwise the
        data files installed with the package (``cpvkit/data``), or, in a checkout of the
        repository, its ``data/`` folder next to the ``cpvkit`` package.

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
            else "the data folder installed with cpvkit"
            if folder == _PACKAGED_DATA_DIR
            else "the repository's data/ folder"
        )
        hint = (
            "; the simulated survey files are written by scripts/simulate_surveys.py"
            if filename != _CDNOW_FILE
            else ""
        )
        raise FileNotFoundError(
            f"data file {filename!r} not found in {folder} ({where}). Install cpvkit from its "
            f"wheel (which carries the data), run it from a checkout of the repository, or set "
            f"{DATA_DIR_ENV} to the folder holding the data files{hint}."
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


@functools.cache
def _read_table(path: Path, dtypes: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """Parse a simulated CSV file once, checking that it has the expected columns."""
    frame = pd.read_csv(path, dtype=dict(dtypes))
    missing = [c for c, _ in dtypes if c not in frame.columns]
    if missing:
        raise ValueError(
            f"data file {path.name} lacks column(s) {', '.join(missing)}; "
            "regenerate it with scripts/simulate_surveys.py"
        )
    return frame


def _load(filename: str, dtypes: dict[str, str]) -> pd.DataFrame:
    return _read_table(_data_file(filename), tuple(dtypes.items())).copy()


def load_satisfaction_survey() -> pd.DataFrame:
    """Load the SIMULATED customer satisfaction and NPS survey of a fictional broadband firm.

    500 customers of *Fjordnet* (an invented regional broadband provider) answer five
    questions. Answers are correlated as the expectancy-disconfirmation model predicts: higher
    performance and a smaller shortfall against expectations go with higher satisfaction,
    recommendation and repurchase intention (see ``scripts/simulate_surveys.py``).

    Returns
    -------
    pandas.DataFrame
        One row per respondent, columns:

        ``respondent_id`` (int64)
            1-500.
        ``segment`` (str)
            ``"residential"``, ``"small business"`` or ``"student"``.
        ``expectation`` (int64)
            Expected service quality before signing up, 1 (very poor) - 7 (excellent).
        ``performance`` (int64)
            Perceived service quality now, same 1-7 scale.
        ``csat`` (int64)
            Overall satisfaction, 1 (very dissatisfied) - 5 (very satisfied).
        ``nps`` (int64)
            Likelihood to recommend, 0 (not at all likely) - 10 (extremely likely).
        ``repurchase_intention`` (int64)
            Will renew the contract, 1 (definitely not) - 5 (definitely).

    Raises
    ------
    FileNotFoundError
        If ``satisfaction_survey.csv`` is not in the data folder.

    Examples
    --------
    >>> survey = load_satisfaction_survey()
    >>> survey.shape
    (500, 7)
    >>> list(survey.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['respondent_id', 'segment', 'expectation', 'performance', 'csat', 'nps',
     'repurchase_intention']
    >>> sorted(survey["segment"].unique())
    ['residential', 'small business', 'student']
    """
    return _load(
        "satisfaction_survey.csv",
        {
            "respondent_id": "int64",
            "segment": "str",
            "expectation": "int64",
            "performance": "int64",
            "csat": "int64",
            "nps": "int64",
            "repurchase_intention": "int64",
        },
    )


def load_kano_survey() -> pd.DataFrame:
    """Load the SIMULATED Kano survey of a fictional food-delivery app (long format).

    150 users of *Dishdash* (an invented app) answer the paired Kano questions for 7 features:
    "How do you feel if the app has this feature?" (functional) and "... if it does not have
    it?" (dysfunctional). The features were simulated from designed categories: two must-be
    (complete and correct order; secure card payment), two one-dimensional (delivery within
    30 minutes; low delivery fee), two attractive (live courier tracking; free birthday
    dessert) and one indifferent (dark mode), with realistic spread and a few reverse and
    questionable answer pairs.

    Returns
    -------
    pandas.DataFrame
        One row per respondent and feature (1,050 rows), columns:

        ``respondent_id`` (int64)
            1-150.
        ``feature`` (str)
            Feature name.
        ``functional``, ``dysfunctional`` (str)
            One of ``"like"``, ``"must-be"``, ``"neutral"``, ``"live-with"``, ``"dislike"``.

    Raises
    ------
    FileNotFoundError
        If ``kano_survey.csv`` is not in the data folder.

    Examples
    --------
    >>> kano = load_kano_survey()
    >>> kano.shape
    (1050, 4)
    >>> list(kano.columns)
    ['respondent_id', 'feature', 'functional', 'dysfunctional']
    >>> int(kano["feature"].nunique()), int(kano["respondent_id"].nunique())
    (7, 150)
    """
    return _load(
        "kano_survey.csv",
        {
            "respondent_id": "int64",
            "feature": "str",
            "functional": "str",
            "dysfunctional": "str",
        },
    )


def load_ipa_ratings(summary: bool = False) -> pd.DataFrame:
    """Load the SIMULATED importance-performance ratings of a fictional coffee-shop chain.

    250 customers of *Bean & Bench* (an invented chain) rate 10 attributes for importance and
    performance. The true means were set so that the attributes fall in all four quadrants of
    an importance-performance grid (Martilla and James 1977).

    Parameters
    ----------
    summary : bool, default False
        ``False`` returns the respondent-level answers; ``True`` returns one row per attribute
        with the mean ratings, ready for :func:`cpvkit.satisfaction.ipa`.

    Returns
    -------
    pandas.DataFrame
        ``summary=False``: one row per respondent and attribute (2,500 rows), columns
        ``respondent_id`` (int64, 1-250), ``attribute`` (str), ``importance`` (int64,
        1 not at all important - 7 extremely important), ``performance`` (int64, 1 very
        poor - 7 excellent).

        ``summary=True``: one row per attribute in questionnaire order, columns ``attribute``
        (str), ``importance`` and ``performance`` (float64, mean ratings on the 1-7 scales) and
        ``n`` (int64, number of respondents).

    Raises
    ------
    TypeError
        If ``summary`` is not a bool.
    FileNotFoundError
        If ``ipa_ratings.csv`` is not in the data folder.

    References
    ----------
    Martilla, J. A. and James, J. C. (1977). Importance-performance analysis. *Journal of
    Marketing*, 41(1), 77-79.

    Examples
    --------
    >>> load_ipa_ratings().shape
    (2500, 4)
    >>> means = load_ipa_ratings(summary=True)
    >>> list(means.columns)
    ['attribute', 'importance', 'performance', 'n']
    >>> means.shape
    (10, 4)
    """
    if not isinstance(summary, bool):
        raise TypeError(f"summary must be True or False; got {summary!r}")
    ratings = _load(
        "ipa_ratings.csv",
        {
            "respondent_id": "int64",
            "attribute": "str",
            "importance": "int64",
            "performance": "int64",
        },
    )
    if not summary:
        return ratings
    grouped = ratings.groupby("attribute", sort=False)
    out = grouped[["importance", "performance"]].mean()
    out["n"] = grouped.size().astype("int64")
    return out.reset_index()


class ServqualData(NamedTuple):
    """The three tables of the SERVQUAL survey returned by :func:`load_servqual`."""

    #: Expectation ratings, respondents x items (index ``respondent_id``, columns q01-q22).
    expectations: pd.DataFrame
    #: Perception ratings, same shape, index and columns as ``expectations``.
    perceptions: pd.DataFrame
    #: The item dictionary, with columns ``item``, ``dimension``, ``wording``.
    items: pd.DataFrame


_SERVQUAL_ITEMS = [f"q{j:02d}" for j in range(1, 23)]


def load_servqual() -> ServqualData:
    """Load the SIMULATED SERVQUAL survey of a fictional retail bank.

    300 customers of *Harbour Savings Bank* (an invented bank) rate the 22 SERVQUAL items twice
    on a 7-point scale (1 strongly disagree - 7 strongly agree): what an excellent bank would
    do (expectations) and what this bank does (perceptions). The items follow the five
    dimensions and item counts of Parasuraman, Zeithaml and Berry (1988): tangibles q01-q04,
    reliability q05-q09, responsiveness q10-q13, assurance q14-q17, empathy q18-q22. The short
    item wording was written for this book. Perceptions were simulated to fall short of
    expectations most on reliability and least on tangibles.

    Returns
    -------
    ServqualData
        A named tuple ``(expectations, perceptions, items)``:

        ``expectations``, ``perceptions`` (DataFrame)
            300 rows (index ``respondent_id``, 1-300) x 22 int64 columns ``q01`` ... ``q22``,
            ratings 1-7. Row ``i`` of both tables is the same respondent.
        ``items`` (DataFrame)
            22 rows, columns ``item`` (``"q01"`` ...), ``dimension`` (``"tangibles"``,
            ``"reliability"``, ``"responsiveness"``, ``"assurance"``, ``"empathy"``) and
            ``wording`` (str).

    Raises
    ------
    FileNotFoundError
        If one of ``servqual_expectations.csv``, ``servqual_perceptions.csv`` or
        ``servqual_items.csv`` is not in the data folder.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A. and Berry, L. L. (1988). SERVQUAL: a multiple-item scale
    for measuring consumer perceptions of service quality. *Journal of Retailing*, 64(1), 12-40.

    Examples
    --------
    >>> sq = load_servqual()
    >>> sq.expectations.shape, sq.perceptions.shape, sq.items.shape
    ((300, 22), (300, 22), (22, 3))
    >>> sq.items["dimension"].value_counts(sort=False).to_dict()
    {'tangibles': 4, 'reliability': 5, 'responsiveness': 4, 'assurance': 4, 'empathy': 5}
    """
    dtypes = {"respondent_id": "int64", **dict.fromkeys(_SERVQUAL_ITEMS, "int64")}
    expectations = _load("servqual_expectations.csv", dtypes).set_index("respondent_id")
    perceptions = _load("servqual_perceptions.csv", dtypes).set_index("respondent_id")
    items = _load("servqual_items.csv", {"item": "str", "dimension": "str", "wording": "str"})
    return ServqualData(expectations, perceptions, items)


class CompetitorData(NamedTuple):
    """The customer value analysis tables returned by :func:`load_competitor_ratings`."""

    #: Mean attribute ratings, attributes (index) x offerings (columns), 1-10 scale.
    ratings: pd.DataFrame
    #: Importance weight of each attribute (index as ``ratings``), summing to 100.
    weights: pd.Series
    #: One row per offering (index ``offering``): ``role``, ``price``, ``price_rating``.
    prices: pd.DataFrame


_OFFERINGS = ["Voltara", "SwiftSpoke", "Urbanix", "TrailKing"]


def load_competitor_ratings() -> CompetitorData:
    """Load the SIMULATED customer value analysis of four fictional city e-bikes.

    A panel of 120 customers rated the firm *Voltara* and its competitors *SwiftSpoke*,
    *Urbanix* and *TrailKing* (all invented) on six attributes and stated how much each
    attribute matters; list prices are in euros. Simulated so that the offerings take four
    different places on a value map: Voltara better quality at about the average price,
    SwiftSpoke premium, Urbanix economy, TrailKing below-average quality at an above-average
    price.

    Returns
    -------
    CompetitorData
        A named tuple ``(ratings, weights, prices)``:

        ``ratings`` (DataFrame)
            6 attributes (index ``attribute``) x 4 offerings (float64 columns ``Voltara``,
            ``SwiftSpoke``, ``Urbanix``, ``TrailKing``): panel mean rating, 1 (very poor) - 10
            (excellent).
        ``weights`` (Series, int64, name ``weight``)
            Importance weight of each attribute, same index as ``ratings``; sums to 100.
        ``prices`` (DataFrame)
            4 rows (index ``offering``), columns ``role`` (``"firm"`` or ``"competitor"``),
            ``price`` (float64, list price in euros) and ``price_rating`` (float64, mean
            perceived price, 1 very cheap - 10 very expensive).

    Raises
    ------
    FileNotFoundError
        If ``competitor_ratings.csv`` or ``competitor_prices.csv`` is not in the data folder.

    References
    ----------
    Gale, B. T. (1994). *Managing Customer Value: Creating Quality and Service That Customers
    Can See*. New York: Free Press.

    Examples
    --------
    >>> cva = load_competitor_ratings()
    >>> cva.ratings.shape
    (6, 4)
    >>> list(cva.ratings.columns)
    ['Voltara', 'SwiftSpoke', 'Urbanix', 'TrailKing']
    >>> int(cva.weights.sum())
    100
    >>> float(cva.prices.loc["Voltara", "price"])
    2490.0
    """
    table = _load(
        "competitor_ratings.csv",
        {"attribute": "str", "weight": "int64", **dict.fromkeys(_OFFERINGS, "float64")},
    ).set_index("attribute")
    prices = _load(
        "competitor_prices.csv",
        {"offering": "str", "role": "str", "price": "float64", "price_rating": "float64"},
    ).set_index("offering")
    return CompetitorData(table[_OFFERINGS], table["weight"], prices)

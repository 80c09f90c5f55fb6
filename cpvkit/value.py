"""Customer perceived value: delivered value, customer value analysis and the value map.

Three tools of the book's chapter on perceived value live here:

- :func:`total_customer_value`, :func:`total_customer_cost` and :func:`delivered_value` -
  Kotler's customer delivered value: the bundle of benefits a customer expects (product,
  service, personnel and image value) against the bundle of costs they bear (monetary, time,
  energy and psychic cost), as a difference and as a ratio;
- :func:`ways_to_win` - how much more total value, or how much less total cost, the firm needs
  to match a competitor's delivered value, and (given the firm's unit costs) which is cheaper;
- :func:`customer_value_analysis` - a weighted rating of several offerings on several
  attributes, with the firm's advantage over a named competitor attribute by attribute;
- :func:`value_map_data` - relative quality and relative price of each offering, ready for
  :func:`cpvkit.plots.value_map`;
- :func:`value_against_alternatives` - each offering's delivered value set against the best of
  the alternatives the customer perceives (Kotler and Keller's "relative to the perceived
  alternatives").

Every function follows the same conventions:

- All value and cost parts are non-negative numbers in one common unit chosen by the caller
  (money, or points on a rating scale); a negative part is a ``ValueError``.
- Scalars in give Python floats out; arrays (or lists) broadcast against each other and give
  numpy arrays out.
- NaN, infinities, text and empty input are rejected with a message that names the argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from cpvkit._validation import as_float_array, check_choice, check_nonnegative, check_range

__all__ = [  # noqa: RUF022 - reading order of the API page, not alphabetical
    "total_customer_value",
    "total_customer_cost",
    "delivered_value",
    "DeliveredValue",
    "ways_to_win",
    "WaysToWin",
    "customer_value_analysis",
    "CustomerValueAnalysis",
    "value_map_data",
    "VALUE_POSITIONS",
    "value_against_alternatives",
]

#: Labels of :func:`value_map_data`'s ``value_position`` column.
VALUE_POSITIONS = ("better value", "fair value", "worse value")


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------


def _part(name: str, value: Any) -> Any:
    """A non-negative number or array; 0-d arrays count as scalars."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (pd.Series, pd.Index)):
        value = value.to_numpy()
    return check_nonnegative(name, value)


def _sum_parts(parts: dict[str, Any]) -> Any:
    """Sum checked parts with numpy broadcasting; float when every part is a scalar."""
    checked = {name: _part(name, v) for name, v in parts.items()}
    if all(isinstance(v, float) for v in checked.values()):
        return float(sum(checked.values()))
    try:
        arrays = np.broadcast_arrays(*[np.asarray(v, dtype=float) for v in checked.values()])
    except ValueError:
        shapes = ", ".join(f"{n} {np.shape(v)}" for n, v in checked.items())
        raise ValueError(f"the parts have shapes that do not broadcast: {shapes}") from None
    return np.sum(arrays, axis=0)


# ----------------------------------------------------------------------------------------------
# delivered value
# ----------------------------------------------------------------------------------------------


def total_customer_value(product: Any, service: Any, personnel: Any, image: Any) -> Any:
    """Total customer value: the sum of the four benefit parts.

    Parameters
    ----------
    product, service, personnel, image : float or array_like
        Product, service, personnel and image value, each >= 0, all in the same unit (money or
        rating points). Arrays broadcast against each other.

    Returns
    -------
    float or numpy.ndarray
        ``product + service + personnel + image`` (float when every input is a scalar).

    Raises
    ------
    ValueError
        If a part is negative, NaN, infinite or empty, or the shapes do not broadcast.
    TypeError
        If a part is text or not a number.

    References
    ----------
    Kotler, P. (2000). *Marketing management* (Millennium ed.). Prentice Hall.
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> total_customer_value(40, 20, 15, 10)
    85.0
    >>> total_customer_value([40, 50], 20, 15, 10)
    array([85., 95.])
    """
    return _sum_parts(
        {"product": product, "service": service, "personnel": personnel, "image": image}
    )


def total_customer_cost(monetary: Any, time: Any, energy: Any, psychic: Any) -> Any:
    """Total customer cost: the sum of the four cost parts.

    Parameters
    ----------
    monetary, time, energy, psychic : float or array_like
        Monetary, time, energy and psychic cost, each >= 0, in the same unit as the values.
        Arrays broadcast against each other.

    Returns
    -------
    float or numpy.ndarray
        ``monetary + time + energy + psychic`` (float when every input is a scalar).

    Raises
    ------
    ValueError
        If a part is negative, NaN, infinite or empty, or the shapes do not broadcast.
    TypeError
        If a part is text or not a number.

    References
    ----------
    Kotler, P. (2000). *Marketing management* (Millennium ed.). Prentice Hall.
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> total_customer_cost(50, 5, 4, 3)
    62.0
    """
    return _sum_parts({"monetary": monetary, "time": time, "energy": energy, "psychic": psychic})


@dataclass(frozen=True)
class DeliveredValue:
    """Customer delivered value of one offering (or of arrays of offerings).

    Attributes
    ----------
    total_value : float or numpy.ndarray
        Total customer value (product + service + personnel + image).
    total_cost : float or numpy.ndarray
        Total customer cost (monetary + time + energy + psychic).
    value : float or numpy.ndarray
        Delivered value as a difference, ``total_value - total_cost`` (positive: the customer
        gets more than they give).
    ratio : float or numpy.ndarray
        Delivered value as a ratio, ``total_value / total_cost`` (above 1 exactly when
        ``value`` is above 0).
    """

    total_value: Any
    total_cost: Any
    value: Any
    ratio: Any

    def as_dict(self) -> dict[str, Any]:
        """The four fields as a plain dict."""
        return asdict(self)

    def to_frame(self) -> pd.DataFrame:
        """The fields as columns of a DataFrame (one row per offering)."""
        return pd.DataFrame({k: np.atleast_1d(v) for k, v in self.as_dict().items()})


def delivered_value(
    product: Any,
    service: Any,
    personnel: Any,
    image: Any,
    monetary: Any,
    time: Any,
    energy: Any,
    psychic: Any,
) -> DeliveredValue:
    """Customer delivered value: total customer value against total customer cost.

    Kotler defines customer delivered value as the difference between total customer value
    (the bundle of benefits: product, service, personnel and image value) and total customer
    cost (the bundle of costs: monetary, time, energy and psychic cost); it is also reported as
    the ratio of the two. Both are returned.

    Parameters
    ----------
    product, service, personnel, image : float or array_like
        The four value parts, each >= 0.
    monetary, time, energy, psychic : float or array_like
        The four cost parts, each >= 0, in the same unit as the values. Their total must be
        > 0, otherwise the ratio is undefined.

    Returns
    -------
    DeliveredValue
        ``total_value``, ``total_cost``, ``value`` (difference) and ``ratio``; floats when
        every input is a scalar, otherwise numpy arrays of the broadcast shape.

    Raises
    ------
    ValueError
        If a part is negative, NaN, infinite or empty, the shapes do not broadcast, or the total
        cost is 0 (the ratio would be undefined).
    TypeError
        If a part is text or not a number.

    References
    ----------
    Kotler, P. (2000). *Marketing management* (Millennium ed.). Prentice Hall.
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> dv = delivered_value(40, 20, 15, 10, monetary=50, time=5, energy=4, psychic=3)
    >>> dv.total_value, dv.total_cost, dv.value, round(dv.ratio, 3)
    (85.0, 62.0, 23.0, 1.371)
    >>> delivered_value([40, 30], 20, 15, 10, 50, 5, 4, 3).value
    array([23., 13.])
    """
    total_value = total_customer_value(product, service, personnel, image)
    total_cost = total_customer_cost(monetary, time, energy, psychic)
    if np.any(np.asarray(total_cost) == 0):
        raise ValueError(
            "total customer cost (monetary + time + energy + psychic) is 0, so the value/cost "
            "ratio is undefined; at least one of monetary, time, energy, psychic must be > 0"
        )
    value = np.subtract(total_value, total_cost)
    ratio = np.divide(total_value, total_cost)
    if isinstance(total_value, float) and isinstance(total_cost, float):
        return DeliveredValue(total_value, total_cost, float(value), float(ratio))
    shape = np.shape(value)
    return DeliveredValue(
        np.broadcast_to(total_value, shape).astype(float),
        np.broadcast_to(total_cost, shape).astype(float),
        value,
        ratio,
    )


@dataclass(frozen=True)
class WaysToWin:
    """Result of :func:`ways_to_win`: the two ways to close a delivered-value gap.

    Attributes
    ----------
    measure : str
        ``"difference"`` or ``"ratio"``: the delivered-value measure to be matched.
    gap : float
        Competitor minus firm on that measure (> 0: the firm is behind).
    raise_value : float
        Increase of the firm's total customer value that alone closes the gap (0 if none).
    cut_cost : float
        Decrease of the firm's total customer cost that alone closes the gap (0 if none;
        ``inf`` for the ratio when the firm's total value is 0, as no cut can help).
    cut_feasible : bool
        False when cutting cost cannot close the gap: the cut would exceed the firm's total
        customer cost (difference), or the firm's total value is 0 (ratio).
    spend_raise, spend_cut : float or None
        What each route costs the firm, ``raise_value * raise_unit_cost`` and
        ``cut_cost * cut_unit_cost`` (``inf`` for an infeasible cut); None unless both unit
        costs are given.
    cheaper : str or None
        ``"no gap"``, ``"raise value"``, ``"cut cost"`` or ``"either"`` (equal spend); None
        unless both unit costs are given (or there is no gap).
    """

    measure: str
    gap: float
    raise_value: float
    cut_cost: float
    cut_feasible: bool
    spend_raise: float | None
    spend_cut: float | None
    cheaper: str | None


def _scalar_offering(name: str, dv: Any) -> DeliveredValue:
    if not isinstance(dv, DeliveredValue):
        raise TypeError(
            f"{name} must be a DeliveredValue from delivered_value(); got {type(dv).__name__}"
        )
    if not isinstance(dv.total_value, float) or not isinstance(dv.total_cost, float):
        raise TypeError(f"{name} must describe one offering (scalar parts), not arrays")
    return dv


def ways_to_win(
    firm: DeliveredValue,
    competitor: DeliveredValue,
    *,
    measure: str = "difference",
    raise_unit_cost: float | None = None,
    cut_unit_cost: float | None = None,
) -> WaysToWin:
    """How the firm can match a competitor's delivered value: raise value or cut cost.

    Kotler's two ways to win a customer who compares offerings: raise total customer value
    (better product, service, personnel or image) or reduce total customer cost (price, time,
    energy, psychic cost). This function computes how large each change must be, on its own,
    for the firm's delivered value to equal the competitor's:

    - ``measure="difference"``: both routes need the same amount, the gap
      ``(TV_c - TC_c) - (TV_f - TC_f)``; a cut is feasible only up to the firm's total cost.
    - ``measure="ratio"``: with target ratio ``R = TV_c / TC_c``, raise value by
      ``R TC_f - TV_f`` or cut cost by ``TC_f - TV_f / R``. The value route needs ``R`` times
      the cost route, so when ``R > 1`` one unit of cost removed is worth more than one unit of
      benefit added.

    Which route is *cheaper* depends on what one unit of each change costs the firm. Those
    costs are not part of the value model, so the function compares spends only when you pass
    both unit costs (your own estimates; they are assumed constant per unit). Nothing is
    assumed otherwise.

    Parameters
    ----------
    firm, competitor : DeliveredValue
        Results of :func:`delivered_value` for one offering each (scalar parts).
    measure : {"difference", "ratio"}
        Which delivered-value measure to match.
    raise_unit_cost, cut_unit_cost : float, optional
        The firm's cost of raising the customer's total value by one unit, and of lowering the
        customer's total cost by one unit (>= 0, same money unit). Give both to get
        ``spend_raise``, ``spend_cut`` and ``cheaper``.

    Returns
    -------
    WaysToWin
        ``measure``, ``gap``, ``raise_value``, ``cut_cost``, ``cut_feasible``,
        ``spend_raise``, ``spend_cut`` and ``cheaper``.

    Raises
    ------
    TypeError
        If ``firm`` or ``competitor`` is not a scalar DeliveredValue, or a unit cost is not a
        number.
    ValueError
        If ``measure`` is not one of the options, a unit cost is negative, NaN or infinite, or
        only one unit cost is given.

    References
    ----------
    Kotler, P. (2000). *Marketing management* (Millennium ed.). Prentice Hall.
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> us = delivered_value(40, 20, 15, 10, 50, 5, 4, 3)      # value 23, ratio 85/62
    >>> rival = delivered_value(42, 22, 15, 12, 50, 5, 4, 3)   # value 29
    >>> w = ways_to_win(us, rival, raise_unit_cost=3.0, cut_unit_cost=2.0)
    >>> w.gap, w.raise_value, w.cut_cost, w.spend_raise, w.spend_cut, w.cheaper
    (6.0, 6.0, 6.0, 18.0, 12.0, 'cut cost')
    """
    f = _scalar_offering("firm", firm)
    c = _scalar_offering("competitor", competitor)
    check_choice("measure", measure, ("difference", "ratio"))
    if (raise_unit_cost is None) != (cut_unit_cost is None):
        raise ValueError(
            "give both raise_unit_cost and cut_unit_cost to compare the routes, or neither"
        )
    if measure == "difference":
        gap = c.value - f.value
        raise_value = cut_cost = max(gap, 0.0)
        feasible = cut_cost <= f.total_cost
    else:
        target = c.ratio
        gap = target - f.ratio
        if gap <= 0:
            raise_value = cut_cost = 0.0
            feasible = True
        else:
            raise_value = max(target * f.total_cost - f.total_value, 0.0)
            feasible = f.total_value > 0
            cut_cost = max(f.total_cost - f.total_value / target, 0.0) if feasible else np.inf
    spend_raise = spend_cut = cheaper = None
    if gap <= 0:
        cheaper = "no gap"
    if raise_unit_cost is not None:
        ru = check_nonnegative("raise_unit_cost", raise_unit_cost)
        cu = check_nonnegative("cut_unit_cost", cut_unit_cost)
        if not isinstance(ru, float) or not isinstance(cu, float):
            raise TypeError("raise_unit_cost and cut_unit_cost must be single numbers")
        spend_raise = raise_value * ru
        spend_cut = cut_cost * cu if feasible else float("inf")
        if gap > 0:
            if spend_raise < spend_cut:
                cheaper = "raise value"
            elif spend_cut < spend_raise:
                cheaper = "cut cost"
            else:
                cheaper = "either"
    return WaysToWin(
        measure=measure,
        gap=float(gap),
        raise_value=float(raise_value),
        cut_cost=float(cut_cost),
        cut_feasible=bool(feasible),
        spend_raise=spend_raise,
        spend_cut=spend_cut,
        cheaper=cheaper,
    )


# ----------------------------------------------------------------------------------------------
# customer value analysis
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerValueAnalysis:
    """Result of :func:`customer_value_analysis`.

    Attributes
    ----------
    firm, competitor : str
        The offerings compared.
    weights : pandas.Series
        Importance weights normalised to sum to 1 (index: attributes, name ``weight``).
    contributions : pandas.DataFrame
        Weighted rating ``weight * rating`` of every attribute (index) and offering (columns);
        each column sums to the offering's score.
    scores : pandas.Series
        Weighted score of each offering (index ``offering``, name ``score``), on the rating scale.
    comparison : pandas.DataFrame
        One row per attribute (ratings order) with columns ``weight``, ``firm`` and
        ``competitor`` (ratings), ``difference`` (firm - competitor rating),
        ``weighted_difference`` (weight * difference; the column sums to ``advantage``),
        ``relative_rating`` (firm / competitor rating; NaN where the competitor is rated 0) and
        ``share_of_gap`` (``|weighted_difference|`` over its sum, 0 when there is no gap).
    firm_score, competitor_score : float
        The two offerings' weighted scores.
    advantage : float
        ``firm_score - competitor_score``.
    relative_value : float
        ``firm_score / competitor_score`` (above 1: customers rate the firm better overall).
    """

    firm: str
    competitor: str
    weights: pd.Series
    contributions: pd.DataFrame
    scores: pd.Series
    comparison: pd.DataFrame
    firm_score: float
    competitor_score: float
    advantage: float
    relative_value: float

    def drivers(self, n: int | None = None) -> pd.DataFrame:
        """Attributes ordered by how much they drive the gap (largest ``|weighted_difference|``).

        Parameters
        ----------
        n : int, optional
            Keep only the first ``n`` rows.

        Returns
        -------
        pandas.DataFrame
            ``comparison`` sorted by absolute weighted difference, largest first (ties keep the
            ratings order).
        """
        order = (
            self.comparison["weighted_difference"].abs().sort_values(ascending=False, kind="stable")
        )
        out = self.comparison.loc[order.index]
        return out if n is None else out.head(n)

    def to_frame(self) -> pd.DataFrame:
        """One row per offering: ``score``, ``advantage`` and ``relative_value`` vs the competitor.

        Returns
        -------
        pandas.DataFrame
            Index ``offering`` (ratings order); ``advantage = score - competitor_score`` and
            ``relative_value = score / competitor_score`` (the competitor's row is 0 and 1).
        """
        return pd.DataFrame(
            {
                "score": self.scores,
                "advantage": self.scores - self.competitor_score,
                "relative_value": self.scores / self.competitor_score,
            }
        )

    def __repr__(self) -> str:
        return (
            f"CustomerValueAnalysis(firm={self.firm!r}, competitor={self.competitor!r}, "
            f"firm_score={self.firm_score:.4g}, competitor_score={self.competitor_score:.4g}, "
            f"advantage={self.advantage:.4g}, relative_value={self.relative_value:.4g}, "
            f"attributes={len(self.weights)}, offerings={len(self.scores)})"
        )


def _check_ratings(ratings: Any) -> pd.DataFrame:
    if not isinstance(ratings, pd.DataFrame):
        raise TypeError(
            "ratings must be a pandas DataFrame with attributes as rows and offerings as "
            f"columns; got {type(ratings).__name__}"
        )
    if ratings.empty:
        raise ValueError("ratings is empty; give at least one attribute and one offering")
    if ratings.columns.has_duplicates:
        raise ValueError("ratings has duplicate offering columns; each offering once")
    if ratings.index.has_duplicates:
        raise ValueError("ratings has duplicate attributes in its index; each attribute once")
    for col in ratings.columns:
        dtype = ratings[col].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            raise TypeError(
                f"ratings column {col!r} must hold numbers (ratings >= 0); it has dtype {dtype}"
            )
    values = as_float_array("ratings", ratings.to_numpy(dtype=float))
    check_nonnegative("ratings", values.ravel())
    return pd.DataFrame(values, index=ratings.index, columns=ratings.columns)


def _check_weights(weights: Any, attributes: pd.Index) -> pd.Series:
    if isinstance(weights, Mapping) and not isinstance(weights, pd.Series):
        weights = pd.Series(dict(weights))
    if isinstance(weights, pd.Series):
        if weights.index.has_duplicates:
            raise ValueError("weights has duplicate attributes in its index")
        if set(weights.index) != set(attributes):
            missing = [a for a in attributes if a not in weights.index]
            extra = [a for a in weights.index if a not in attributes]
            raise ValueError(
                "weights must have one weight per attribute of ratings (same labels); "
                f"missing: {missing}, not in ratings: {extra}"
            )
        weights = weights.reindex(attributes)
        raw = as_float_array("weights", weights.to_numpy())
    else:
        raw = as_float_array("weights", weights)
        if raw.ndim != 1 or raw.size != len(attributes):
            raise ValueError(
                f"weights must have one weight per attribute ({len(attributes)}); "
                f"got shape {raw.shape}"
            )
    check_nonnegative("weights", raw)
    total = raw.sum()
    if total <= 0:
        raise ValueError("weights are all 0; at least one weight must be > 0")
    return pd.Series(raw / total, index=attributes, name="weight")


def customer_value_analysis(
    ratings: pd.DataFrame,
    weights: Any,
    firm: str,
    competitor: str,
) -> CustomerValueAnalysis:
    """Weighted customer value analysis of several offerings rated on several attributes.

    Each offering's score is the importance-weighted mean of its attribute ratings,
    ``score = sum_a w_a * rating_a`` with the weights normalised to sum to 1, so the score is on
    the rating scale. The firm is compared with one named competitor attribute by attribute:
    the weighted differences ``w_a * (firm_a - competitor_a)`` sum to the score advantage, and
    the largest of them (in absolute value) are the attributes that drive the gap. The relative
    value is ``firm score / competitor score``.

    Parameters
    ----------
    ratings : pandas.DataFrame
        Attributes (index) x offerings (columns) of ratings >= 0 on one common scale (for
        example the panel means of :func:`cpvkit.datasets.load_competitor_ratings`).
    weights : pandas.Series, mapping or array_like
        Importance of each attribute, >= 0, at least one > 0. A Series or mapping is matched to
        ``ratings`` by attribute label (every attribute exactly once); a plain sequence by
        position. Weights in any unit are accepted (points summing to 100, fractions, ...):
        they are divided by their sum, so only their proportions matter.
    firm, competitor : str
        Two different columns of ``ratings``.

    Returns
    -------
    CustomerValueAnalysis
        ``weights`` (normalised), ``contributions``, ``scores``, ``comparison`` (per attribute),
        ``firm_score``, ``competitor_score``, ``advantage``, ``relative_value`` and the methods
        ``drivers()`` (attributes by size of their part in the gap) and ``to_frame()`` (one row
        per offering).

    Raises
    ------
    TypeError
        If ``ratings`` is not a DataFrame or holds text, or ``weights`` holds text.
    ValueError
        If ``ratings`` is empty or holds NaN or negative ratings, the weights do not match the
        attributes, are negative or all 0, ``firm``/``competitor`` is not a column or they are
        the same, or the competitor's score is 0 (relative value undefined).

    References
    ----------
    Gale, B. T. (1994). *Managing customer value: Creating quality and service that customers
    can see*. Free Press.
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> ratings = pd.DataFrame({"Us": [8.0, 6.0], "Rival": [6.0, 7.0]},
    ...                        index=pd.Index(["Quality", "Service"], name="attribute"))
    >>> cva = customer_value_analysis(ratings, [75, 25], firm="Us", competitor="Rival")
    >>> cva.firm_score, cva.competitor_score, cva.advantage
    (7.5, 6.25, 1.25)
    >>> round(cva.relative_value, 2)
    1.2
    >>> cva.comparison["weighted_difference"].tolist()
    [1.5, -0.25]
    """
    frame = _check_ratings(ratings)
    offerings = list(frame.columns)
    check_choice("firm", firm, offerings)
    check_choice("competitor", competitor, offerings)
    if firm == competitor:
        raise ValueError(f"firm and competitor must be different offerings; both are {firm!r}")
    w = _check_weights(weights, frame.index)

    contributions = frame.mul(w, axis=0)
    scores = contributions.sum(axis=0)
    scores.index.name = "offering"
    scores.name = "score"
    firm_score = float(scores[firm])
    competitor_score = float(scores[competitor])
    if competitor_score <= 0:
        raise ValueError(
            f"competitor {competitor!r} has a weighted score of 0, so the relative value is "
            "undefined; its ratings on the weighted attributes must be > 0"
        )

    f, c = frame[firm], frame[competitor]
    weighted = w * (f - c)
    abs_total = weighted.abs().sum()
    comparison = pd.DataFrame(
        {
            "weight": w,
            "firm": f,
            "competitor": c,
            "difference": f - c,
            "weighted_difference": weighted,
            "relative_rating": f / c.where(c > 0),
            "share_of_gap": weighted.abs() / abs_total if abs_total > 0 else weighted * 0.0,
        }
    )
    return CustomerValueAnalysis(
        firm=firm,
        competitor=competitor,
        weights=w,
        contributions=contributions,
        scores=scores,
        comparison=comparison,
        firm_score=firm_score,
        competitor_score=competitor_score,
        advantage=firm_score - competitor_score,
        relative_value=firm_score / competitor_score,
    )


# ----------------------------------------------------------------------------------------------
# customer value map
# ----------------------------------------------------------------------------------------------


def _is_labelled(values: Any) -> bool:
    return isinstance(values, (pd.Series, Mapping))


def _labelled(name: str, values: Any, offerings: Any) -> pd.Series:
    """Positive numbers labelled by offering."""
    if isinstance(values, Mapping) and not isinstance(values, pd.Series):
        values = pd.Series(dict(values), dtype=object)
    if isinstance(values, pd.Series):
        if offerings is not None:
            raise ValueError(f"give offerings only when {name} is a plain sequence, not a Series")
        labels = values.index
        raw = values.to_numpy()
    else:
        if isinstance(values, (str, bytes)):
            raise TypeError(f"{name} must be numbers, not text ({values!r})")
        raw = values
        n = np.size(values)
        labels = pd.Index(range(1, n + 1) if offerings is None else list(offerings))
        if len(labels) != n:
            raise ValueError(
                f"{name} has {n} values but there are {len(labels)} offerings; "
                "give one value per offering"
            )
    if isinstance(raw, np.ndarray) and raw.dtype == object:
        if any(isinstance(v, (str, bytes)) for v in raw):
            raise TypeError(f"{name} must contain only numbers, not text")
    arr = as_float_array(name, raw)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (one value per offering)")
    check_range(name, arr, 0.0, low_open=True)
    if labels.has_duplicates:
        raise ValueError(f"{name} has duplicate offering labels; each offering once")
    return pd.Series(arr, index=labels)


def value_map_data(
    quality: Any,
    price: Any,
    reference: Any = None,
    *,
    tolerance: float = 0.05,
    offerings: Any = None,
) -> pd.DataFrame:
    """Relative quality and relative price of each offering, for a customer value map.

    Each offering's perceived quality and price are divided by those of a reference: a named
    offering, or (``reference=None``) the mean over all offerings. On the fair-value line
    relative quality equals relative price. An offering is ``"better value"`` when
    ``relative_quality - relative_price > tolerance``, ``"worse value"`` when it is below
    ``-tolerance`` and ``"fair value"`` otherwise.

    Parameters
    ----------
    quality : pandas.Series, mapping or array_like
        Perceived quality of each offering, > 0 (for example ``scores`` of
        :func:`customer_value_analysis`). A Series or mapping is labelled by offering.
    price : pandas.Series, mapping or array_like
        Price (or perceived price rating) of each offering, > 0. When both are labelled they
        must have the same offerings (any order); when only one of ``quality`` and ``price`` is
        labelled, the other (a plain sequence) is matched to it by position.
    reference : str, optional
        Offering to compare against (its relative quality and price are both 1). Default: the
        mean quality and mean price of all offerings.
    tolerance : float
        Half-width of the band around the fair-value line counted as ``"fair value"``, in units
        of the relative scale (0.05 = 5 % of the reference). This band is a convention of this
        package, not a figure from the literature; choose it for your data. Must be >= 0.
    offerings : sequence of str, optional
        Names of the offerings when both ``quality`` and ``price`` are plain sequences
        (default: 1, 2, ...).

    Returns
    -------
    pandas.DataFrame
        One row per offering (``quality`` order) with columns ``offering``,
        ``relative_quality``, ``relative_price``, ``value_gap`` (relative quality minus relative
        price) and ``value_position``; plugs straight into :func:`cpvkit.plots.value_map`.

    Raises
    ------
    TypeError
        If quality or price holds text.
    ValueError
        If a value is not > 0, NaN or infinite, the inputs are empty, the offerings of quality
        and price differ, ``reference`` is not an offering, or ``tolerance`` is negative.

    References
    ----------
    Gale, B. T. (1994). *Managing customer value: Creating quality and service that customers
    can see*. Free Press.

    Examples
    --------
    >>> quality = pd.Series({"Us": 7.5, "Rival": 6.0, "Budget": 4.5})
    >>> price = pd.Series({"Us": 100.0, "Rival": 110.0, "Budget": 60.0})
    >>> value_map_data(quality, price, reference="Rival")
      offering  relative_quality  relative_price  value_gap value_position
    0       Us              1.25        0.909091   0.340909   better value
    1    Rival              1.00        1.000000   0.000000     fair value
    2   Budget              0.75        0.545455   0.204545   better value
    """
    tol = check_nonnegative("tolerance", tolerance)
    if not isinstance(tol, float):
        raise TypeError("tolerance must be a single number >= 0")
    q_names = p_names = offerings
    if offerings is None:
        # a plain sequence takes the offering names of the other, labelled, argument
        if _is_labelled(quality) and not _is_labelled(price):
            p_names = list(pd.Series(quality).index)
        elif _is_labelled(price) and not _is_labelled(quality):
            q_names = list(pd.Series(price).index)
    q = _labelled("quality", quality, q_names)
    p = _labelled("price", price, p_names)
    if set(q.index) != set(p.index):
        missing = [o for o in q.index if o not in p.index]
        extra = [o for o in p.index if o not in q.index]
        raise ValueError(
            "price must have the same offerings as quality; "
            f"missing in price: {missing}, not in quality: {extra}"
        )
    p = p.reindex(q.index)
    if reference is None:
        q_ref, p_ref = q.mean(), p.mean()
    else:
        check_choice("reference", reference, list(q.index))
        q_ref, p_ref = q[reference], p[reference]
    rel_q = (q / q_ref).to_numpy()
    rel_p = (p / p_ref).to_numpy()
    gap = rel_q - rel_p
    position = np.select(
        [gap > tol, gap < -tol],
        [VALUE_POSITIONS[0], VALUE_POSITIONS[2]],
        default=VALUE_POSITIONS[1],
    )
    return pd.DataFrame(
        {
            "offering": list(q.index),
            "relative_quality": rel_q,
            "relative_price": rel_p,
            "value_gap": gap,
            "value_position": position,
        }
    )


def value_against_alternatives(delivered: Any) -> pd.DataFrame:
    """Each offering's delivered value against the best alternative the customer perceives.

    Kotler and Keller define customer-perceived value relative to the perceived alternatives:
    an offering is chosen for its delivered value *compared with* the other ways the customer
    could meet the same need (rival offerings, or doing nothing). For each offering this
    returns the best alternative (the other offering with the highest delivered value), that
    alternative's delivered value and the advantage, the offering's delivered value minus it.
    A positive advantage means the offering beats every alternative; only the top offering can
    have one.

    Parameters
    ----------
    delivered : pandas.Series or mapping
        Delivered value (total customer value minus total customer cost) of each offering,
        labelled by offering, at least two of them. Values may be negative (an offering worth
        less than it costs); "doing nothing" can be included as an offering worth 0.

    Returns
    -------
    pandas.DataFrame
        One row per offering (in the input order) with columns ``delivered_value``,
        ``best_alternative`` (its label), ``alternative_value`` and ``advantage``. Ties are
        broken by input order.

    Raises
    ------
    ValueError
        If fewer than two offerings are given, a label repeats, or a value is NaN or infinite.
    TypeError
        If ``delivered`` is not labelled (a Series or mapping) or holds text.

    References
    ----------
    Kotler, P., & Keller, K. L. (2016). *Marketing management* (15th ed.). Pearson.

    Examples
    --------
    >>> table = value_against_alternatives({"dealer": 820, "online": 600, "bus pass": 0})
    >>> table["advantage"].tolist()
    [220.0, -220.0, -820.0]
    >>> table.loc["online", "best_alternative"]
    'dealer'
    """
    if isinstance(delivered, Mapping) and not isinstance(delivered, pd.Series):
        delivered = pd.Series(dict(delivered), dtype=object)
    if not isinstance(delivered, pd.Series):
        raise TypeError(
            "delivered must be labelled by offering (a pandas Series or a dict such as "
            f"{{'firm': 820, 'rival': 600}}), not {type(delivered).__name__}"
        )
    raw = delivered.to_numpy()
    if raw.dtype == object and any(isinstance(v, (str, bytes)) for v in raw):
        raise TypeError("delivered must contain only numbers, not text")
    values = as_float_array("delivered", raw)
    if values.ndim != 1 or values.size < 2:
        raise ValueError(
            "delivered needs at least two offerings: value is judged against the alternatives"
        )
    labels = delivered.index
    if labels.has_duplicates:
        raise ValueError("delivered has duplicate offering labels; each offering once")
    best_label = []
    best_value = np.empty_like(values)
    for i in range(values.size):
        others = np.delete(np.arange(values.size), i)
        j = others[np.argmax(values[others])]
        best_label.append(labels[j])
        best_value[i] = values[j]
    return pd.DataFrame(
        {
            "delivered_value": values,
            "best_alternative": best_label,
            "alternative_value": best_value,
            "advantage": values - best_value,
        },
        index=labels,
    )

"""Customer satisfaction: disconfirmation, CSAT, NPS, Kano, importance-performance and SERVQUAL.

- :func:`disconfirmation` - perceived performance against the zone of tolerance between
  adequate and desired service (Oliver 1980; Zeithaml, Berry and Parasuraman 1993);
- :func:`csat` - the top-box share of a satisfaction scale;
- :func:`nps`, :func:`nps_from_counts` - the Net Promoter Score with its standard error and a
  confidence interval (Reichheld 2003), returned as an :class:`NPSResult`;
- :func:`kano_category`, :data:`KANO_TABLE`, :func:`kano_evaluation_table`,
  :func:`kano_summary` - the Kano evaluation table and the Better/Worse coefficients (Kano et al.
  1984; Berger et al. 1993);
- :func:`ipa` - importance-performance analysis with Martilla and James's (1977) quadrants;
- :func:`servqual` - SERVQUAL gap scores per item and per dimension (Parasuraman, Zeithaml and
  Berry 1988), returned as a :class:`ServqualResult`.

Conventions used throughout the module:

NPS
    Answers to "How likely is it that you would recommend ...?" are whole numbers 0-10:
    promoters 9-10, passives 7-8, detractors 0-6. NPS = 100 (p_promoters - p_detractors), in
    points from -100 to 100. Treating the three groups as a multinomial sample of ``n``
    answers, ``var = (p_P + p_D - (p_P - p_D)**2) / n`` and the standard error in points is
    ``100 sqrt(var)``: 100 answers split 50 / 30 / 20 give NPS 30 with SE 7.81 points. The
    confidence interval is the normal approximation ``score +/- z se``, clipped to [-100, 100].
Kano
    Each answer is one of ``"like"``, ``"must-be"``, ``"neutral"``, ``"live-with"``,
    ``"dislike"`` (any case; the codes 1-5 in that order are accepted too). The evaluation table
    :data:`KANO_TABLE` turns a (functional, dysfunctional) pair into A attractive,
    O one-dimensional, M must-be, I indifferent, R reverse or Q questionable. A feature's
    category is the most frequent of A, O, M, I, ties broken M > O > A > I; if R or Q is more
    frequent than every one of A, O, M and I, that is reported instead.
    Better = (A + O) / (A + O + M + I), Worse = -(O + M) / (A + O + M + I).

Nothing here imports matplotlib; the figures are in :mod:`cpvkit.plots`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from cpvkit._validation import (
    as_float,
    as_float_array,
    check_choice,
    check_int,
    check_nonnegative,
    check_range,
    require_columns,
)

__all__ = [
    "DISCONFIRMATION_OUTCOMES",
    "IPA_QUADRANTS",
    "KANO_ANSWERS",
    "KANO_CATEGORIES",
    "KANO_TABLE",
    "NPS_GROUPS",
    "Disconfirmation",
    "NPSResult",
    "ServqualResult",
    "csat",
    "disconfirmation",
    "ipa",
    "kano_category",
    "kano_evaluation_table",
    "kano_summary",
    "nps",
    "nps_from_counts",
    "servqual",
]


def _out(value: Any) -> Any:
    """Python float for 0-d results, numpy array otherwise."""
    arr = np.asarray(value, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def _broadcast(**arrays: Any) -> tuple[int, ...]:
    try:
        return np.broadcast_shapes(*(np.shape(v) for v in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(
            f"the inputs must have shapes that broadcast together; got {shapes}"
        ) from None


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.4g}"
    return repr(v)


# --------------------------------------------------------------------------------------------
# Expectation-disconfirmation and the zone of tolerance
# --------------------------------------------------------------------------------------------

#: The three outcomes of :func:`disconfirmation`, from worst to best.
DISCONFIRMATION_OUTCOMES = ("dissatisfied", "satisfied", "delighted")


@dataclass(frozen=True, repr=False)
class Disconfirmation:
    """Result of :func:`disconfirmation` (scalars for scalar input, arrays otherwise).

    Attributes
    ----------
    gap
        Disconfirmation beyond the zone of tolerance: ``performance - adequate`` below the
        zone (negative), ``performance - desired`` above it (positive) and 0 inside it. With a
        single expectation (``adequate == desired == expectation``) this is
        ``performance - expectation``.
    outcome
        ``"dissatisfied"`` (performance below adequate service), ``"satisfied"`` (within the
        zone, edges included) or ``"delighted"`` (above desired service); a ``str`` for
        scalar input, an array of ``str`` otherwise.
    adequacy_gap
        ``performance - adequate``: the measure of service adequacy (MSA) of Parasuraman,
        Zeithaml and Berry (1994); negative when service falls below what the customer
        accepts.
    superiority_gap
        ``performance - desired``: the measure of service superiority (MSS); positive when
        service exceeds what the customer hopes for.
    """

    gap: Any
    outcome: Any
    adequacy_gap: Any
    superiority_gap: Any

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dictionary."""
        return asdict(self)

    def __repr__(self) -> str:
        return (
            f"Disconfirmation(gap={_fmt(self.gap)}, outcome={self.outcome!r}, "
            f"adequacy_gap={_fmt(self.adequacy_gap)}, "
            f"superiority_gap={_fmt(self.superiority_gap)})"
        )


def _zone(expectation: Any, adequate: Any, desired: Any, tolerance: Any) -> tuple[Any, Any]:
    """The (adequate, desired) bounds from either a zone or a single expectation."""
    if tolerance is not None:
        raise TypeError(
            "tolerance is no longer accepted: the zone of tolerance is the band between "
            "adequate and desired service, not a band around one expectation; pass "
            "adequate=... and desired=... instead"
        )
    if (adequate is None) != (desired is None):
        missing = "desired" if desired is None else "adequate"
        raise TypeError(
            f"the zone of tolerance needs both adequate and desired; {missing} is missing"
        )
    if adequate is not None:
        if expectation is not None:
            raise TypeError(
                "give either expectation (one expected level) or adequate and desired "
                "(the zone of tolerance), not both"
            )
        return check_range("adequate", adequate), check_range("desired", desired)
    if expectation is None:
        raise TypeError("give expectation, or adequate and desired (the zone of tolerance)")
    e = check_range("expectation", expectation)
    return e, e


def disconfirmation(
    expectation: Any = None,
    performance: Any = None,
    tolerance: None = None,
    *,
    adequate: Any = None,
    desired: Any = None,
) -> Disconfirmation:
    """Judge perceived performance against the zone of tolerance: dissatisfied to delighted.

    In the expectation-disconfirmation model satisfaction follows from comparing perceived
    performance with what the customer expected (Oliver 1980). Zeithaml, Berry and
    Parasuraman (1993) showed that customers hold two expectation levels: *desired* service
    (what they hope for) and *adequate* service (what they will accept). The band between them
    is the zone of tolerance. Performance below adequate service dissatisfies, performance
    within the zone satisfies (a result on an edge counts as inside, also when binary rounding
    puts it a hair outside), performance above desired service delights.

    Give the zone with ``adequate`` and ``desired``; or give a single ``expectation``, which
    is the special case of a zone of zero width (``adequate == desired == expectation``).

    Parameters
    ----------
    expectation : float or array-like, optional
        A single expected level, on the same scale as ``performance``. Leave it out when
        ``adequate`` and ``desired`` are given.
    performance : float or array-like
        Perceived performance (finite numbers).
    tolerance : None
        No longer accepted (it described a symmetric band around one expectation); passing it
        raises ``TypeError``. Use ``adequate`` and ``desired``.
    adequate : float or array-like, optional
        Keyword only: the lowest level of service the customer accepts (lower edge of the
        zone).
    desired : float or array-like, optional
        Keyword only: the level of service the customer hopes for (upper edge of the zone),
        >= ``adequate``.

    Returns
    -------
    Disconfirmation
        ``gap`` (disconfirmation beyond the zone), ``outcome``, ``adequacy_gap``
        (``performance - adequate``) and ``superiority_gap`` (``performance - desired``);
        Python float and str for scalar input, numpy arrays (broadcast) otherwise.

    Raises
    ------
    ValueError
        If an input is NaN, infinite or empty, ``adequate`` exceeds ``desired``, or the
        shapes do not broadcast.
    TypeError
        If an input is not numeric, ``performance`` is missing, only one of ``adequate`` and
        ``desired`` is given, both ``expectation`` and a zone are given, or ``tolerance`` is
        passed.

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of
    satisfaction decisions. *Journal of Marketing Research*, 17(4), 460-469.

    Zeithaml, V. A., Berry, L. L. and Parasuraman, A. (1993). The nature and determinants of
    customer expectations of service. *Journal of the Academy of Marketing Science*, 21(1),
    1-12.

    Parasuraman, A., Zeithaml, V. A. and Berry, L. L. (1994). Alternative scales for
    measuring service quality. *Journal of Retailing*, 70(3), 201-230.

    Examples
    --------
    A customer accepts a wait of service rated 5 on a 9-point scale and hopes for 8:

    >>> disconfirmation(performance=6, adequate=5, desired=8)
    Disconfirmation(gap=0, outcome='satisfied', adequacy_gap=1, superiority_gap=-2)
    >>> disconfirmation(performance=[4, 5, 8, 9], adequate=5, desired=8).outcome.tolist()
    ['dissatisfied', 'satisfied', 'satisfied', 'delighted']

    With a single expectation the zone has no width:

    >>> disconfirmation(expectation=5, performance=6).outcome
    'delighted'
    >>> disconfirmation(5, 4).gap
    -1.0
    """
    low, high = _zone(expectation, adequate, desired, tolerance)
    if performance is None:
        raise TypeError("performance is required: the perceived performance to judge")
    p = check_range("performance", performance)
    shape = _broadcast(adequate=low, desired=high, performance=p)
    low, high, p = (np.broadcast_to(np.asarray(x, dtype=float), shape) for x in (low, high, p))
    wrong = low > high
    if wrong.any():
        i = np.flatnonzero(wrong.ravel())[0]
        raise ValueError(
            "adequate service must not exceed desired service (the zone of tolerance runs "
            f"from adequate up to desired); got adequate {low.ravel()[i]:g} > desired "
            f"{high.ravel()[i]:g}"
        )
    # an edge stays inside the zone despite binary rounding (0.1 + 0.2 > 0.3)
    eps = 1e-9 * (1.0 + np.abs(low) + np.abs(high) + np.abs(p))
    outcome = np.select(
        [p < low - eps, p > high + eps],
        [DISCONFIRMATION_OUTCOMES[0], DISCONFIRMATION_OUTCOMES[2]],
        DISCONFIRMATION_OUTCOMES[1],
    )
    gap = p - np.clip(p, low, high)
    fields = {"gap": gap, "adequacy_gap": p - low, "superiority_gap": p - high}
    if outcome.ndim == 0:
        return Disconfirmation(outcome=str(outcome), **{k: float(v) for k, v in fields.items()})
    return Disconfirmation(outcome=outcome.astype(str), **{k: _out(v) for k, v in fields.items()})


# --------------------------------------------------------------------------------------------
# CSAT
# --------------------------------------------------------------------------------------------


def _whole_scores(name: str, values: Any, low: int, high: int) -> np.ndarray:
    """Answers on a rating scale: whole numbers in [low, high], no NaN, not empty."""
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be a single column or sequence of answers, not a DataFrame")
    arr = np.ravel(as_float_array(name, values))
    check_range(name, arr, low, high)
    frac = arr != np.round(arr)
    if frac.any():
        raise ValueError(f"{name} must be whole numbers in [{low}, {high}]; got {arr[frac][0]:g}")
    return arr.astype(np.int64)


def csat(scores: Any, scale_max: int = 5, top_box: int = 2, *, scale_min: int = 1) -> float:
    """Customer satisfaction (CSAT) score: the share of answers in the top box(es) of the scale.

    With the usual 1-5 scale and ``top_box=2`` this is the share of customers answering 4
    ("satisfied") or 5 ("very satisfied"). Multiply by 100 for a percentage.

    Parameters
    ----------
    scores : array-like of int
        One answer per respondent, whole numbers in ``[scale_min, scale_max]``.
    scale_max : int, default 5
        Highest point of the scale, > ``scale_min``.
    top_box : int, default 2
        Number of top categories counted as satisfied, 1 to ``scale_max - scale_min``.
    scale_min : int, default 1
        Lowest point of the scale (keyword only; e.g. 0 for a 0-10 scale).

    Returns
    -------
    float
        Share of answers >= ``scale_max - top_box + 1``, in [0, 1].

    Raises
    ------
    ValueError
        If ``scores`` is empty, holds NaN, a value outside the scale or a non-whole number, or
        ``scale_max`` / ``top_box`` are out of range.
    TypeError
        If ``scores`` is not numeric or a scale setting is not a whole number.

    Examples
    --------
    >>> csat([5, 4, 4, 3, 2, 5, 1, 4, 3, 5])
    0.6
    >>> csat([7, 6, 5, 7, 2], scale_max=7, top_box=1)
    0.4
    """
    scale_min = check_int("scale_min", scale_min)
    scale_max = check_int("scale_max", scale_max, scale_min + 1)
    top_box = check_int("top_box", top_box, 1, scale_max - scale_min)
    s = _whole_scores("scores", scores, scale_min, scale_max)
    return float(np.mean(s >= scale_max - top_box + 1))


# --------------------------------------------------------------------------------------------
# NPS
# --------------------------------------------------------------------------------------------

#: The three NPS groups, in the order of the 3-count form of :func:`nps_from_counts`.
NPS_GROUPS = ("promoters", "passives", "detractors")


@dataclass(frozen=True, repr=False)
class NPSResult:
    """Net Promoter Score of a sample, from :func:`nps` or :func:`nps_from_counts`.

    Attributes
    ----------
    n : int
        Number of answers.
    promoters, passives, detractors : int
        Number of answers 9-10, 7-8 and 0-6.
    shares : dict
        ``{"promoters": ..., "passives": ..., "detractors": ...}``, shares in [0, 1] summing
        to 1.
    score : float
        NPS in points, ``100 (share of promoters - share of detractors)``, in [-100, 100].
    se : float
        Standard error of ``score`` in points (multinomial variance, see :func:`nps`).
    ci_low, ci_high : float
        Normal-approximation confidence interval ``score -/+ z se``, clipped to [-100, 100].
    confidence : float
        Confidence level of the interval, e.g. 0.95.
    """

    n: int
    promoters: int
    passives: int
    detractors: int
    shares: dict[str, float]
    score: float
    se: float
    ci_low: float
    ci_high: float
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain dictionary (``shares`` as a nested dictionary)."""
        return asdict(self)

    def to_frame(self) -> pd.DataFrame:
        """The three groups as a table.

        Index ``group`` (promoters, passives, detractors); columns ``answers`` (``"9-10"``,
        ``"7-8"``, ``"0-6"``), ``count`` and ``share``.
        """
        return pd.DataFrame(
            {
                "answers": ["9-10", "7-8", "0-6"],
                "count": [self.promoters, self.passives, self.detractors],
                "share": [self.shares[g] for g in NPS_GROUPS],
            },
            index=pd.Index(list(NPS_GROUPS), name="group"),
        )

    def __repr__(self) -> str:
        return (
            f"NPSResult(n={self.n}, promoters={self.promoters}, passives={self.passives}, "
            f"detractors={self.detractors}, score={self.score:.1f}, se={self.se:.2f}, "
            f"ci=[{self.ci_low:.1f}, {self.ci_high:.1f}] at {self.confidence:.0%})"
        )


def _check_confidence(confidence: Any) -> float:
    return check_range("confidence", confidence, 0.0, 1.0, low_open=True, high_open=True)


def _nps_result(promoters: int, passives: int, detractors: int, confidence: float) -> NPSResult:
    n = promoters + passives + detractors
    if n == 0:
        raise ValueError("counts add up to 0 answers; give at least one answer")
    p_p, p_a, p_d = promoters / n, passives / n, detractors / n
    score = 100.0 * (p_p - p_d)
    var = max(p_p + p_d - (p_p - p_d) ** 2, 0.0) / n
    se = 100.0 * float(np.sqrt(var))
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    return NPSResult(
        n=int(n),
        promoters=int(promoters),
        passives=int(passives),
        detractors=int(detractors),
        shares={"promoters": p_p, "passives": p_a, "detractors": p_d},
        score=float(score),
        se=se,
        ci_low=float(max(score - z * se, -100.0)),
        ci_high=float(min(score + z * se, 100.0)),
        confidence=float(confidence),
    )


def _nps_scores(name: str, scores: Any) -> np.ndarray:
    """Likelihood-to-recommend answers checked: whole numbers 0-10 as an int array."""
    return _whole_scores(name, scores, 0, 10)


def nps(scores: Any, confidence: float = 0.95) -> NPSResult:
    """Net Promoter Score of 0-10 recommendation answers, with standard error and interval.

    Promoters answer 9-10, passives 7-8 and detractors 0-6;
    NPS = 100 (p_promoters - p_detractors), in points from -100 to 100. Each answer is
    +1 (promoter), 0 (passive) or -1 (detractor), so the score is 100 times the mean of a
    three-valued (multinomial) variable whose variance gives

    ``var = (p_P + p_D - (p_P - p_D)**2) / n``,  ``se = 100 sqrt(var)`` points.

    The confidence interval is ``score +/- z se`` (normal approximation, ``z`` the standard
    normal quantile for ``confidence``), clipped to [-100, 100]; it is rough for small samples
    or shares near 0 or 1. A single number hides the distribution behind it: Keiningham et
    al. (2007) found no evidence that NPS predicts growth better than other satisfaction and
    loyalty measures, so report the three shares too.

    Parameters
    ----------
    scores : array-like of int
        One answer per respondent, whole numbers 0-10 (a list, numpy array or DataFrame
        column such as ``load_satisfaction_survey()["nps"]``).
    confidence : float, default 0.95
        Confidence level of the interval, in (0, 1).

    Returns
    -------
    NPSResult
        Counts, shares, ``score``, ``se``, ``ci_low``, ``ci_high`` and ``confidence``.

    Raises
    ------
    ValueError
        If ``scores`` is empty, holds NaN, a value outside [0, 10] or a non-whole number, or
        ``confidence`` is outside (0, 1).
    TypeError
        If ``scores`` is text or not numeric.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*,
    81(12), 46-54.

    Keiningham, T. L., Cooil, B., Andreassen, T. W. and Aksoy, L. (2007). A longitudinal
    examination of Net Promoter and firm revenue growth. *Journal of Marketing*, 71(3), 39-51.

    Examples
    --------
    >>> res = nps([10] * 50 + [8] * 30 + [4] * 20)
    >>> res
    NPSResult(n=100, promoters=50, passives=30, detractors=20, score=30.0, se=7.81,
              ci=[14.7, 45.3] at 95%)
    >>> round(res.se, 2), res.shares["promoters"]
    (7.81, 0.5)
    """
    conf = _check_confidence(confidence)
    s = _nps_scores("scores", scores)
    counts = np.bincount(s, minlength=11)
    return _nps_result(int(counts[9:].sum()), int(counts[7:9].sum()), int(counts[:7].sum()), conf)


def _count(name: str, value: Any) -> int:
    v = check_nonnegative(name, value)
    if not float(v).is_integer():
        raise ValueError(f"{name} must be a whole number of answers (>= 0); got {v:g}")
    return int(v)


def nps_from_counts(counts: Any, confidence: float = 0.95) -> NPSResult:
    """Net Promoter Score from answer counts instead of individual answers.

    Same conventions and result as :func:`nps` (promoters 9-10, passives 7-8, detractors 0-6,
    multinomial standard error, clipped normal interval). ``counts`` may be given in three
    forms:

    - a mapping ``{score: count}`` with whole-number scores 0-10 (scores left out count 0),
      for example ``survey["nps"].value_counts()``;
    - a mapping ``{"promoters": ..., "passives": ..., "detractors": ...}`` (groups left out
      count 0);
    - a sequence of 11 counts, for the scores 0, 1, ..., 10 in order, or a sequence of 3
      counts in the order **(promoters, passives, detractors)**.

    Parameters
    ----------
    counts : Mapping or Sequence
        Numbers of answers, whole numbers >= 0 adding up to at least 1 (see above).
    confidence : float, default 0.95
        Confidence level of the interval, in (0, 1).

    Returns
    -------
    NPSResult
        As :func:`nps`.

    Raises
    ------
    ValueError
        If a count is negative, NaN or not a whole number, the counts add up to 0, a score key
        is outside 0-10, a group name is unknown, a sequence does not have 3 or 11 elements, or
        ``confidence`` is outside (0, 1).
    TypeError
        If ``counts`` is not a mapping or sequence of numbers.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*,
    81(12), 46-54.

    Examples
    --------
    >>> nps_from_counts((50, 30, 20)).score
    30.0
    >>> nps_from_counts({10: 35, 9: 15, 8: 30, 3: 20}).se  # doctest: +ELLIPSIS
    7.81...
    >>> nps_from_counts({"promoters": 50, "detractors": 20, "passives": 30}).ci_high
    45.3...
    """
    conf = _check_confidence(confidence)
    if isinstance(counts, pd.Series):
        counts = counts.to_dict()
    if isinstance(counts, (str, bytes)) or isinstance(counts, pd.DataFrame):
        raise TypeError(
            "counts must be a mapping {score: count}, a mapping of promoters/passives/"
            f"detractors or a sequence of 3 or 11 counts; got {type(counts).__name__}"
        )
    if isinstance(counts, Mapping):
        if not counts:
            raise ValueError("counts is empty; give at least one count")
        keys = list(counts)
        if all(isinstance(k, str) for k in keys):
            unknown = [k for k in keys if k not in NPS_GROUPS]
            if unknown:
                raise ValueError(
                    "counts keys must be 'promoters', 'passives' and 'detractors' (or scores "
                    f"0-10); got {unknown[0]!r}"
                )
            group = {g: _count(f"counts[{g!r}]", counts.get(g, 0)) for g in NPS_GROUPS}
            return _nps_result(group["promoters"], group["passives"], group["detractors"], conf)
        try:
            scores = _nps_scores("counts keys (scores)", keys)
        except TypeError:
            raise TypeError(
                "counts keys must be whole-number scores 0-10 or the names 'promoters', "
                f"'passives', 'detractors'; got {keys!r}"
            ) from None
        values = np.array([_count(f"counts[{k!r}]", counts[k]) for k in keys], dtype=np.int64)
        by_score = np.bincount(scores, weights=values, minlength=11).astype(np.int64)
    else:
        arr = np.ravel(as_float_array("counts", counts))
        if arr.size not in (3, 11):
            raise ValueError(
                "counts must hold 11 counts (scores 0-10) or 3 counts (promoters, passives, "
                f"detractors); got {arr.size}"
            )
        check_nonnegative("counts", arr)
        frac = arr != np.round(arr)
        if frac.any():
            raise ValueError(
                f"counts must be whole numbers of answers (>= 0); got {arr[frac][0]:g}"
            )
        ints = arr.astype(np.int64)
        if ints.size == 3:
            return _nps_result(int(ints[0]), int(ints[1]), int(ints[2]), conf)
        by_score = ints
    return _nps_result(
        int(by_score[9:].sum()), int(by_score[7:9].sum()), int(by_score[:7].sum()), conf
    )


# --------------------------------------------------------------------------------------------
# Kano
# --------------------------------------------------------------------------------------------

#: Kano answers in the order of the rows and columns of :data:`KANO_TABLE` (codes 1-5).
KANO_ANSWERS = ("like", "must-be", "neutral", "live-with", "dislike")

#: Kano category letters and their names.
KANO_CATEGORIES = {
    "A": "attractive",
    "O": "one-dimensional",
    "M": "must-be",
    "I": "indifferent",
    "R": "reverse",
    "Q": "questionable",
}

#: The Kano evaluation table, a read-only 5 x 5 array of category letters. ``KANO_TABLE[f, d]``
#: is the category of functional answer ``KANO_ANSWERS[f]`` and dysfunctional answer
#: ``KANO_ANSWERS[d]``.
KANO_TABLE = np.array([list(row) for row in ("QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ")])
KANO_TABLE.setflags(write=False)


def _kano_key(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").split())


_KANO_ALIASES = {
    **{a: i for i, a in enumerate(KANO_ANSWERS)},
    **{str(i + 1): i for i in range(5)},
    **{f"{i + 1}.0": i for i in range(5)},
    "i like it": 0,
    "i like it that way": 0,
    "i expect it": 1,
    "it must be that way": 1,
    "i am neutral": 2,
    "i'm neutral": 2,
    "indifferent": 2,
    "i can live with it": 3,
    "i can tolerate it": 3,
    "i dislike it": 4,
    "i dislike it that way": 4,
}
_KANO_LOOKUP = {_kano_key(k): v for k, v in _KANO_ALIASES.items()}
_KANO_ALLOWED = "'like', 'must-be', 'neutral', 'live-with' or 'dislike' (any case) or the codes 1-5"


def _kano_codes(name: str, values: Any) -> np.ndarray:
    """Row/column index 0-4 of each Kano answer (vectorised lookup)."""
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{name} must be a single column or sequence of answers, not a DataFrame")
    series = (
        values
        if isinstance(values, pd.Series)
        else pd.Series(np.ravel(np.asarray(values, dtype=object)))
    )
    if series.empty:
        raise ValueError(f"{name} is empty; give at least one answer")
    if series.isna().any():
        raise ValueError(
            f"{name} contains a missing answer (NaN or None); each answer must be {_KANO_ALLOWED}"
        )
    # normalise each distinct answer once (a handful), then map all answers in one pass
    distinct = pd.unique(series.to_numpy(dtype=object))
    lookup = {a: _KANO_LOOKUP.get(_kano_key(str(a)), np.nan) for a in distinct}
    codes = series.map(lookup)
    bad = codes.isna().to_numpy()
    if bad.any():
        raise ValueError(
            f"{name} has an unknown answer {series[bad].iloc[0]!r}; allowed: {_KANO_ALLOWED}"
        )
    return codes.to_numpy(dtype=np.int64)


def kano_category(functional: Any, dysfunctional: Any) -> Any:
    """Kano category of each pair of answers, read from the evaluation table.

    The functional question asks how the customer feels if the product has the feature, the
    dysfunctional question how they feel if it does not. :data:`KANO_TABLE` (rows functional,
    columns dysfunctional, both in the order like, must-be, neutral, live-with, dislike) gives
    the category::

                    like  must-be  neutral  live-with  dislike
        like          Q      A        A         A         O
        must-be       R      I        I         I         M
        neutral       R      I        I         I         M
        live-with     R      I        I         I         M
        dislike       R      R        R         R         Q

    A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.

    Parameters
    ----------
    functional, dysfunctional : str, int or array-like
        Answers, each ``"like"``, ``"must-be"``, ``"neutral"``, ``"live-with"`` or
        ``"dislike"`` (case and spaces do not matter, ``"must be"`` works) or the codes 1-5 in
        that order. Both must have the same length.

    Returns
    -------
    str, numpy.ndarray or pandas.Series
        One letter for a single pair; for array input an array of letters, or a Series with
        the index of ``functional`` when ``functional`` is a Series.

    Raises
    ------
    ValueError
        If an answer is unknown or missing, the input is empty or the lengths differ.
    TypeError
        If an input is a DataFrame.

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F. and Tsuji, S. (1984). Attractive quality and must-be
    quality. *Journal of the Japanese Society for Quality Control*, 14(2), 39-48.

    Berger, C. et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4), 3-36.

    Examples
    --------
    >>> kano_category("like", "dislike")
    'O'
    >>> kano_category("Must-be", "dislike")
    'M'
    >>> kano_category(["like", "neutral", "like"], ["neutral", "neutral", "like"]).tolist()
    ['A', 'I', 'Q']
    >>> kano_category(1, 5)
    'O'
    """
    scalar = np.ndim(functional) == 0 and np.ndim(dysfunctional) == 0
    f = _kano_codes("functional", functional)
    d = _kano_codes("dysfunctional", dysfunctional)
    if f.size != d.size:
        raise ValueError(
            f"functional and dysfunctional must have the same length; got {f.size} and {d.size}"
        )
    letters = KANO_TABLE[f, d]
    if scalar:
        return str(letters[0])
    if isinstance(functional, pd.Series):
        return pd.Series(letters, index=functional.index, name="category")
    return letters.reshape(np.shape(functional)) if np.ndim(functional) > 1 else letters


def kano_evaluation_table() -> pd.DataFrame:
    """The Kano evaluation table as a labelled DataFrame (a fresh copy of :data:`KANO_TABLE`).

    Returns
    -------
    pandas.DataFrame
        5 x 5 category letters; index ``functional`` and columns ``dysfunctional`` answers in
        the order like, must-be, neutral, live-with, dislike.

    References
    ----------
    Berger, C. et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4), 3-36.

    Examples
    --------
    >>> kano_evaluation_table().loc["like", "dislike"]
    'O'
    """
    return pd.DataFrame(
        KANO_TABLE.copy(),
        index=pd.Index(KANO_ANSWERS, name="functional"),
        columns=pd.Index(KANO_ANSWERS, name="dysfunctional"),
    )


def kano_summary(
    answers: pd.DataFrame,
    feature: str = "feature",
    functional: str = "functional",
    dysfunctional: str = "dysfunctional",
) -> pd.DataFrame:
    """Classify the answers of a Kano survey and summarise them per feature.

    Each (functional, dysfunctional) pair is classified with :data:`KANO_TABLE`. Per feature,
    the category is the most frequent of A, O, M and I, ties broken in the order
    M > O > A > I (the feature whose absence hurts is treated as the more basic one); R or Q
    is reported only when it is more frequent than each of A, O, M and I (R before Q on a
    tie). The customer satisfaction coefficients of Berger et al. (1993) are

    ``better = (A + O) / (A + O + M + I)`` (0 to 1: satisfaction added if present) and
    ``worse = -(O + M) / (A + O + M + I)`` (-1 to 0: dissatisfaction if absent);

    both are NaN for a feature whose answers are all R or Q.

    Parameters
    ----------
    answers : pandas.DataFrame
        One row per respondent and feature (long format), such as
        :func:`cpvkit.datasets.load_kano_survey`.
    feature, functional, dysfunctional : str
        Column names of the feature and of the two answers (see :func:`kano_category` for the
        accepted answers).

    Returns
    -------
    pandas.DataFrame
        One row per feature, in order of first appearance, indexed by feature (index name
        ``feature``), columns ``A``, ``O``, ``M``, ``I``, ``R``, ``Q`` (int64 counts), ``n``
        (answer pairs), ``category`` (letter), ``better`` and ``worse`` (float).

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, a feature name is missing or an answer is
        unknown or missing.
    TypeError
        If ``answers`` is not a DataFrame.

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F. and Tsuji, S. (1984). Attractive quality and must-be
    quality. *Journal of the Japanese Society for Quality Control*, 14(2), 39-48.

    Berger, C. et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4), 3-36.

    Examples
    --------
    >>> survey = pd.DataFrame({
    ...     "feature": ["Tracking"] * 4 + ["Secure payment"] * 4,
    ...     "functional": ["like", "like", "like", "neutral",
    ...                    "must-be", "must-be", "like", "neutral"],
    ...     "dysfunctional": ["neutral", "live-with", "dislike", "neutral",
    ...                       "dislike", "dislike", "dislike", "dislike"]})
    >>> kano_summary(survey)[["A", "O", "M", "I", "category", "better", "worse"]]
                    A  O  M  I category  better  worse
    feature
    Tracking        2  1  0  1        A    0.75  -0.25
    Secure payment  0  1  3  0        M    0.25  -1.00
    """
    require_columns(answers, [feature, functional, dysfunctional], "answers")
    names = answers[feature]
    if names.isna().any():
        raise ValueError(f"answers[{feature!r}] contains a missing feature name; fill it first")
    f = _kano_codes(f"answers[{functional!r}]", answers[functional])
    d = _kano_codes(f"answers[{dysfunctional!r}]", answers[dysfunctional])
    letters = KANO_TABLE[f, d]
    order = pd.unique(names.to_numpy())
    counts = (
        pd.crosstab(names.to_numpy(), letters)
        .reindex(index=order, columns=list("AOMIRQ"), fill_value=0)
        .astype("int64")
    )
    counts.index.name = feature
    counts.columns.name = None
    counts["n"] = counts.sum(axis=1)
    core = counts[["M", "O", "A", "I"]]  # idxmax keeps the first maximum: M > O > A > I
    best = core.idxmax(axis=1)
    odd = counts[["R", "Q"]]
    category = best.where(odd.max(axis=1) <= core.max(axis=1), odd.idxmax(axis=1))
    counts["category"] = category.astype(str)
    base = (counts["A"] + counts["O"] + counts["M"] + counts["I"]).to_numpy(dtype=float)
    safe = np.where(base > 0, base, np.nan)
    counts["better"] = (counts["A"] + counts["O"]).to_numpy() / safe
    counts["worse"] = -(counts["O"] + counts["M"]).to_numpy() / safe
    return counts


# --------------------------------------------------------------------------------------------
# Importance-performance analysis
# --------------------------------------------------------------------------------------------

#: IPA quadrant names (Martilla and James 1977) keyed by (high importance, high performance).
IPA_QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}


def _ipa_crosshair(crosshair: Any, perf: np.ndarray, imp: np.ndarray) -> tuple[float, float]:
    if isinstance(crosshair, str):
        check_choice("crosshair", crosshair, ["mean", "median"])
        func = np.mean if crosshair == "mean" else np.median
        return float(func(perf)), float(func(imp))
    if isinstance(crosshair, (tuple, list, np.ndarray)) and np.size(crosshair) == 2:
        cx, cy = (as_float("crosshair", v) for v in np.ravel(np.asarray(crosshair, dtype=object)))
        return cx, cy
    raise ValueError(
        "crosshair must be 'mean', 'median' or a pair of numbers (performance, importance); "
        f"got {crosshair!r}"
    )


def ipa(
    data: pd.DataFrame,
    importance: str = "importance",
    performance: str = "performance",
    attribute: str = "attribute",
    crosshair: str | tuple[float, float] = "mean",
) -> pd.DataFrame:
    """Importance-performance analysis: place each attribute in one of four quadrants.

    Attributes are compared with crosshairs at the mean (default) or median of the attribute
    means, or at a fixed point such as the scale midpoint. With performance on the horizontal
    and importance on the vertical axis (Martilla and James 1977):

    - high importance, low performance: ``"Concentrate here"``;
    - high importance, high performance: ``"Keep up the good work"``;
    - low importance, low performance: ``"Low priority"``;
    - low importance, high performance: ``"Possible overkill"``.

    A value equal to the crosshair counts as high. The quadrants are relative to the
    crosshairs: with mean crosshairs some attributes always fall below average, however good
    the service is.

    Parameters
    ----------
    data : pandas.DataFrame
        Mean ratings, one row per attribute, such as
        :func:`cpvkit.datasets.load_ipa_ratings` with ``summary=True``. Respondent-level
        ratings (an attribute on several rows) are first averaged per attribute (and a column
        ``n`` counts the ratings). If ``attribute`` is the index name, the index is used.
    importance, performance, attribute : str
        Column names.
    crosshair : str or (float, float)
        Where the crosshairs cross: ``"mean"`` or ``"median"`` of the attribute means, or a
        fixed point ``(performance, importance)``, i.e. (x, y) of the grid drawn by
        :func:`cpvkit.plots.ipa_grid`, such as the scale midpoint ``(4, 4)`` on 1-7 scales.

    Returns
    -------
    pandas.DataFrame
        The per-attribute rows (a copy, other columns kept) with ``attribute``, ``importance``
        and ``performance`` first and a new column ``quadrant`` (str). The crosshair used is
        in ``result.attrs["crosshair"]`` as ``{"performance": x, "importance": y}``.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, a rating is NaN or infinite, or
        ``crosshair`` is not ``"mean"``, ``"median"`` or a pair of finite numbers.
    TypeError
        If ``data`` is not a DataFrame or a rating is not numeric.

    References
    ----------
    Martilla, J. A. and James, J. C. (1977). Importance-performance analysis. *Journal of
    Marketing*, 41(1), 77-79.

    Examples
    --------
    >>> ratings = pd.DataFrame({"attribute": ["Taste", "Speed", "Wi-Fi", "Music"],
    ...                         "importance": [6.4, 6.1, 3.8, 3.0],
    ...                         "performance": [6.0, 4.0, 3.7, 5.8]})
    >>> ipa(ratings)[["attribute", "quadrant"]]
      attribute               quadrant
    0     Taste  Keep up the good work
    1     Speed       Concentrate here
    2     Wi-Fi           Low priority
    3     Music      Possible overkill
    >>> ipa(ratings, crosshair=(4.0, 4.0)).loc[1, "quadrant"]
    'Keep up the good work'
    """
    if (
        isinstance(data, pd.DataFrame)
        and attribute not in data.columns
        and data.index.name == attribute
    ):
        data = data.reset_index()
    require_columns(data, [attribute, importance, performance], "data")
    imp = as_float_array(f"data[{importance!r}]", data[importance])
    perf = as_float_array(f"data[{performance!r}]", data[performance])
    if data[attribute].isna().any():
        raise ValueError(f"data[{attribute!r}] contains a missing attribute name; fill it first")
    table = data.copy()
    table[importance] = imp
    table[performance] = perf
    if table[attribute].duplicated().any():
        grouped = table.groupby(attribute, sort=False)
        table = grouped[[importance, performance]].mean()
        table["n"] = grouped.size().astype("int64")
        table = table.reset_index()
    first = [attribute, importance, performance]
    table = table[first + [c for c in table.columns if c not in first]].reset_index(drop=True)
    imp = table[importance].to_numpy(dtype=float)
    perf = table[performance].to_numpy(dtype=float)
    cx, cy = _ipa_crosshair(crosshair, perf, imp)
    high_i, high_p = imp >= cy, perf >= cx
    table["quadrant"] = np.select(
        [high_i & ~high_p, high_i & high_p, ~high_i & ~high_p],
        [IPA_QUADRANTS[(True, False)], IPA_QUADRANTS[(True, True)], IPA_QUADRANTS[(False, False)]],
        IPA_QUADRANTS[(False, True)],
    ).astype(object)
    table.attrs["crosshair"] = {"performance": cx, "importance": cy}
    return table


# --------------------------------------------------------------------------------------------
# SERVQUAL
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class ServqualResult:
    """Result of :func:`servqual`.

    Attributes
    ----------
    items : pandas.DataFrame
        One row per item in questionnaire order: ``item``, ``dimension``, ``expectation``
        and ``perception`` (mean ratings) and ``gap`` (``perception - expectation``), followed
        by any other columns of an item table passed as ``dimensions`` (such as ``wording``).
    dimensions : pandas.DataFrame
        One row per dimension in order of first appearance: ``dimension``, ``n_items``,
        ``expectation``, ``perception``, ``gap`` (unweighted means over the dimension's
        items) and ``weight`` (share in [0, 1]; equal shares when no weights were given).
    respondents : pandas.DataFrame
        Gap per respondent (rows, index of ``expectations``) and dimension (columns): the
        mean of the respondent's item gaps in that dimension.
    overall : float
        Unweighted SERVQUAL score: the mean of the dimension gaps.
    weighted_overall : float
        ``sum(weight * gap)`` over the dimensions; equals ``overall`` without weights.
    n : int
        Number of respondents.
    """

    items: pd.DataFrame
    dimensions: pd.DataFrame
    respondents: pd.DataFrame
    overall: float
    weighted_overall: float
    n: int

    def to_frame(self) -> pd.DataFrame:
        """The dimension table (a copy)."""
        return self.dimensions.copy()

    def __repr__(self) -> str:
        table = self.dimensions.set_index("dimension").round(3).to_string()
        return (
            f"ServqualResult(n={self.n}, items={len(self.items)}, overall={self.overall:.3f}, "
            f"weighted_overall={self.weighted_overall:.3f})\n{table}"
        )


def _item_dimensions(dimensions: Any) -> pd.Series:
    """Item -> dimension as a Series from a table, a Series or a mapping."""
    if isinstance(dimensions, pd.DataFrame):
        require_columns(dimensions, ["item", "dimension"], "dimensions")
        out = pd.Series(
            dimensions["dimension"].to_numpy(), index=dimensions["item"].to_numpy(), dtype=object
        )
    elif isinstance(dimensions, pd.Series):
        out = dimensions.astype(object)
    elif isinstance(dimensions, Mapping):
        if not dimensions:
            raise ValueError("dimensions is empty; give each item's dimension")
        values = list(dimensions.values())
        if all(isinstance(v, str) for v in values):
            out = pd.Series(dict(dimensions), dtype=object)
        elif all(isinstance(v, (list, tuple, pd.Index, np.ndarray)) for v in values):
            pairs = [(item, dim) for dim, items in dimensions.items() for item in items]
            out = pd.Series([p[1] for p in pairs], index=[p[0] for p in pairs], dtype=object)
        else:
            raise TypeError(
                "dimensions must map each item to its dimension ({item: dimension}) or each "
                "dimension to its items ({dimension: [items]})"
            )
    else:
        raise TypeError(
            "dimensions must be the items table (columns item, dimension), a Series indexed by "
            f"item or a mapping; got {type(dimensions).__name__}"
        )
    if out.empty:
        raise ValueError("dimensions is empty; give each item's dimension")
    if out.index.duplicated().any():
        raise ValueError(
            f"dimensions lists item {out.index[out.index.duplicated()][0]!r} more than once"
        )
    if out.isna().any():
        raise ValueError("dimensions has an item without a dimension (missing value)")
    return out


def _ratings(name: str, frame: Any) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame (respondents x items); got {type(frame).__name__}"
        )
    if frame.empty:
        raise ValueError(f"{name} is empty; give at least one respondent and one item")
    if frame.columns.duplicated().any():
        raise ValueError(f"{name} has a duplicated item column")
    text = [str(c) for c, t in frame.dtypes.items() if not pd.api.types.is_numeric_dtype(t)]
    if text:
        raise TypeError(f"{name} must hold numeric ratings; column(s) {', '.join(text)} are not")
    values = as_float_array(name, frame.to_numpy(dtype=float))
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def servqual(
    expectations: pd.DataFrame,
    perceptions: pd.DataFrame,
    dimensions: Any,
    weights: Mapping[str, float] | pd.Series | None = None,
) -> ServqualResult:
    """SERVQUAL gap scores: perception minus expectation per item and per dimension.

    Respondents rate each item twice, on the same scale: what an excellent firm would offer
    (expectation) and what this firm offers (perception). The item gap is the mean of
    ``P - E`` over respondents (negative: the firm falls short); a dimension's gap is the
    unweighted mean of its items' gaps; the unweighted SERVQUAL score is the mean of the
    dimension gaps. Optional importance weights per dimension (for example the 100 points
    respondents allocate to the five dimensions) give a weighted overall score.

    Parameters
    ----------
    expectations, perceptions : pandas.DataFrame
        Ratings, one row per respondent and one column per item, with the same respondents
        (index) and items (columns); rows are matched by index, columns by name. Works
        directly on :func:`cpvkit.datasets.load_servqual`: ``servqual(*load_servqual())``.
    dimensions : DataFrame, Series or Mapping
        The dimension of each item: the item dictionary (columns ``item`` and
        ``dimension``, like ``load_servqual().items``), a Series indexed by item, a mapping
        ``{item: dimension}`` or a mapping ``{dimension: [items]}``. Every item column must
        have exactly one dimension.
    weights : Mapping or Series, optional
        Weight per dimension, >= 0, not all 0, for every dimension; rescaled to sum to 1.

    Returns
    -------
    ServqualResult
        ``items``, ``dimensions`` and ``respondents`` tables, ``overall``,
        ``weighted_overall`` and ``n`` (see :class:`ServqualResult`).

    Raises
    ------
    ValueError
        If a table is empty or holds NaN or infinite ratings, the two tables differ in items
        or respondents, an item has no dimension (or a dimension names an item not in the
        tables), or a weight is negative, missing or unknown, or all weights are 0.
    TypeError
        If a table is not a DataFrame, a rating is not numeric or ``dimensions`` has the wrong
        form.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A. and Berry, L. L. (1988). SERVQUAL: a multiple-item scale
    for measuring consumer perceptions of service quality. *Journal of Retailing*, 64(1),
    12-40.

    Examples
    --------
    >>> e = pd.DataFrame({"q1": [6, 7], "q2": [6, 6], "q3": [7, 7]})
    >>> p = pd.DataFrame({"q1": [5, 6], "q2": [6, 5], "q3": [4, 5]})
    >>> res = servqual(e, p, {"tangibles": ["q1", "q2"], "reliability": ["q3"]})
    >>> res.items[["item", "dimension", "gap"]]
      item    dimension  gap
    0   q1    tangibles -1.0
    1   q2    tangibles -0.5
    2   q3  reliability -2.5
    >>> res.overall
    -1.625
    >>> servqual(e, p, {"q1": "tangibles", "q2": "tangibles", "q3": "reliability"},
    ...          weights={"tangibles": 20, "reliability": 80}).weighted_overall
    -2.15
    """
    e = _ratings("expectations", expectations)
    p = _ratings("perceptions", perceptions)
    if set(e.columns) != set(p.columns):
        only = sorted(map(str, set(e.columns) ^ set(p.columns)))
        raise ValueError(
            f"expectations and perceptions must hold the same items; item(s) in only one: "
            f"{', '.join(only)}"
        )
    if not e.index.is_unique or not p.index.is_unique:
        raise ValueError(
            "expectations and perceptions must have one row per respondent (unique index)"
        )
    if len(e.index) != len(p.index) or not e.index.isin(p.index).all():
        raise ValueError(
            "expectations and perceptions must hold the same respondents (index values); "
            f"got {len(e)} and {len(p)} rows that do not match"
        )
    p = p.loc[e.index, e.columns]
    dim_of = _item_dimensions(dimensions)
    missing = [str(c) for c in e.columns if c not in dim_of.index]
    if missing:
        raise ValueError(f"dimensions gives no dimension for item(s) {', '.join(missing)}")
    extra = [str(i) for i in dim_of.index if i not in e.columns]
    if extra:
        raise ValueError(
            f"dimensions names item(s) {', '.join(extra)} that are not columns of the ratings"
        )
    item_dim = dim_of.loc[list(e.columns)].astype(str).to_numpy()
    gaps = p - e
    items = pd.DataFrame(
        {
            "item": list(e.columns),
            "dimension": item_dim,
            "expectation": e.mean().to_numpy(),
            "perception": p.mean().to_numpy(),
            "gap": gaps.mean().to_numpy(),
        }
    )
    if isinstance(dimensions, pd.DataFrame):  # keep the item dictionary's other columns
        info = dimensions.set_index("item")
        for column in info.columns.drop("dimension"):
            if column not in items.columns:
                items[column] = info[column].reindex(list(e.columns)).to_numpy()
    grouped = items.groupby("dimension", sort=False)
    dims = grouped[["expectation", "perception", "gap"]].mean()
    dims.insert(0, "n_items", grouped.size().astype("int64"))
    dims = dims.reset_index()
    k = len(dims)
    if weights is None:
        w = np.full(k, 1.0 / k)
    else:
        wmap = dict(weights.items()) if isinstance(weights, (Mapping, pd.Series)) else None
        if wmap is None:
            raise TypeError(
                f"weights must be a mapping {{dimension: weight}}; got {type(weights).__name__}"
            )
        unknown = [str(d) for d in wmap if d not in set(dims["dimension"])]
        if unknown:
            raise ValueError(
                f"weights names unknown dimension(s) {', '.join(unknown)}; dimensions are "
                f"{', '.join(dims['dimension'])}"
            )
        lacking = [d for d in dims["dimension"] if d not in wmap]
        if lacking:
            raise ValueError(f"weights gives no weight for dimension(s) {', '.join(lacking)}")
        w = check_nonnegative("weights", [wmap[d] for d in dims["dimension"]])
        if w.sum() <= 0:
            raise ValueError("weights must not all be 0; give a positive weight somewhere")
        w = w / w.sum()
    dims["weight"] = w
    respondents = gaps.T.groupby(item_dim, sort=False).mean().T
    respondents = respondents[list(dims["dimension"])]
    respondents.columns.name = "dimension"
    overall = float(dims["gap"].mean())
    weighted = float(np.dot(w, dims["gap"].to_numpy()))
    return ServqualResult(
        items=items,
        dimensions=dims,
        respondents=respondents,
        overall=overall,
        weighted_overall=weighted,
        n=len(e),
    )

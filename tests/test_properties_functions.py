"""Property tests: every public cpvkit function under bad input.

Each public function is called with a valid baseline, then one argument at a time is replaced
by a value from a class of bad input (text, text flags, booleans, complex numbers, NaN,
infinities, overflow-scale numbers, wrong shapes, empty and one-element data). The contract:

- a value no function can compute with (text, booleans, complex, NaN, infinities, ragged or
  wrongly shaped data) raises ``ValueError`` or ``TypeError``;
- an overflow-scale number gives either such an error or a finite answer, and so do two
  arguments each fine alone whose product or quotient leaves the range of a float
  (``1e300`` customers times a margin of ``1e300``, a cost of ``5e-324``);
- every error message says what was wrong and what is allowed (it names the argument and
  uses words such as "must", "only", "allowed", "give", "at least", "at most");
- never another exception.

The data-level properties (dates as YYYYMMDD numbers, text or timezone-aware datetimes,
refunds, duplicated rows and ids, empty and one-row logs) are in
``test_properties_data.py``; the calculators in ``test_properties_calculators.py``.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpvkit import crm, relationship, satisfaction, value

#: Examples per property (the suite's run time stays about a minute on a laptop).
EXAMPLES = 300
#: Settings shared by the property suites: reproducible examples, no per-example deadline.
COMMON = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    "derandomize": True,
}
PROFILE = settings(max_examples=EXAMPLES, **COMMON)

_EXPLAINS = re.compile(
    r"must|only|allowed|give|at least|at most|need|not |cannot|could not|empty|missing|"
    r"one of|expected|takes|is NaN|infinite",
    re.IGNORECASE,
)


def explains(exc: BaseException, name: str | None = None) -> bool:
    """The message says what was wrong and what is allowed (and names the argument)."""
    text = str(exc)
    if not text or "Traceback" in text or not _EXPLAINS.search(text):
        return False
    return name is None or name.split("[")[0].lower() in text.lower()


def _numbers(result: Any) -> list[float]:
    """Every number in a result (floats, arrays, frames, dataclasses, dicts)."""
    if isinstance(result, bool) or result is None or isinstance(result, str):
        return []
    if isinstance(result, (int, float, np.number)):
        return [float(result)]
    if isinstance(result, np.ndarray):
        return result.astype(float).ravel().tolist() if result.dtype.kind in "iuf" else []
    if isinstance(result, pd.Series):
        return _numbers(result.to_numpy()) if result.dtype.kind in "iuf" else []
    if isinstance(result, pd.DataFrame):
        return [x for c in result.columns for x in _numbers(result[c])]
    if dataclasses.is_dataclass(result):
        return [x for f in dataclasses.fields(result) for x in _numbers(getattr(result, f.name))]
    if isinstance(result, dict):
        return [x for v in result.values() for x in _numbers(v)]
    if isinstance(result, (list, tuple)):
        return [x for v in result for x in _numbers(v)]
    return []


def _scores(n: int = 6) -> list[int]:
    return [10, 9, 8, 7, 3, 0][:n]


#: name -> (function, baseline keyword arguments, {argument: kind})
#: kinds: "scalar" (one number), "array" (numbers, one per element), "flag", "whole" (a whole
#: number), "rate" (a number in [0, 1])
TARGETS: dict[str, tuple[Callable[..., Any], dict[str, Any], dict[str, str]]] = {
    "value.total_customer_value": (
        value.total_customer_value,
        {"product": 40, "service": 20, "personnel": 15, "image": 10},
        dict.fromkeys(("product", "service", "personnel", "image"), "scalar"),
    ),
    "value.total_customer_cost": (
        value.total_customer_cost,
        {"monetary": 50, "time": 10, "energy": 5, "psychic": 3},
        dict.fromkeys(("monetary", "time", "energy", "psychic"), "scalar"),
    ),
    "value.delivered_value": (
        value.delivered_value,
        {
            "product": 40,
            "service": 20,
            "personnel": 15,
            "image": 10,
            "monetary": 50,
            "time": 10,
            "energy": 5,
            "psychic": 3,
        },
        dict.fromkeys(
            ("product", "service", "personnel", "image", "monetary", "time", "energy"), "scalar"
        ),
    ),
    "value.value_map_data": (
        value.value_map_data,
        {"quality": [1.1, 0.9, 1.0], "price": [1.0, 1.0, 1.2]},
        {"quality": "array", "price": "array", "tolerance": "scalar"},
    ),
    "satisfaction.csat": (
        satisfaction.csat,
        {"scores": [5, 4, 3, 2, 1]},
        {"scores": "array", "scale_max": "whole", "top_box": "whole", "scale_min": "whole"},
    ),
    "satisfaction.nps": (
        satisfaction.nps,
        {"scores": _scores()},
        {"scores": "array", "confidence": "rate"},
    ),
    "satisfaction.nps_from_counts": (
        satisfaction.nps_from_counts,
        {"counts": [5, 3, 2]},
        {"counts": "array", "confidence": "rate"},
    ),
    "satisfaction.disconfirmation": (
        satisfaction.disconfirmation,
        {"adequate": 4.0, "desired": 5.0, "performance": 4.5},
        {"adequate": "scalar", "desired": "scalar", "performance": "scalar"},
    ),
    "relationship.expected_lifetime": (
        relationship.expected_lifetime,
        {"retention": 0.8},
        {"retention": "rate"},
    ),
    "relationship.survival": (
        relationship.survival,
        {"retention": 0.8, "periods": 5},
        {"retention": "rate", "periods": "whole"},
    ),
    "relationship.cohort_projection": (
        relationship.cohort_projection,
        {"customers": 1000, "retention": 0.8, "margin": 100, "periods": 5},
        {
            "customers": "scalar",
            "retention": "rate",
            "margin": "scalar",
            "periods": "whole",
            "discount_rate": "scalar",
            "acquisition_cost": "scalar",
            "include_first": "flag",
        },
    ),
    "relationship.retention_table": (
        relationship.retention_table,
        {"retention_rates": [0.5, 0.8], "margin": 100, "discount_rate": 0.1},
        {
            "retention_rates": "array",
            "margin": "scalar",
            "discount_rate": "scalar",
            "horizon": "whole",
            "include_first": "flag",
            "acquisition_cost": "scalar",
        },
    ),
    "relationship.acquisition_vs_retention": (
        relationship.acquisition_vs_retention,
        {
            "customers": 1000,
            "retention": 0.7,
            "improved_retention": 0.8,
            "acquisition_cost": 100,
            "retention_cost": 5,
        },
        {
            "customers": "scalar",
            "retention": "rate",
            "improved_retention": "rate",
            "acquisition_cost": "scalar",
            "retention_cost": "scalar",
        },
    ),
    "relationship.retention_profit_effect": (
        relationship.retention_profit_effect,
        {"margin": 100, "retention": 0.7, "improved_retention": 0.75, "discount_rate": 0.1},
        {
            "margin": "scalar",
            "retention": "rate",
            "improved_retention": "rate",
            "discount_rate": "scalar",
            "horizon": "whole",
            "include_first": "flag",
            "acquisition_cost": "scalar",
            "margin_growth": "scalar",
            "customers": "scalar",
        },
    ),
    "relationship.word_of_mouth": (
        relationship.word_of_mouth,
        {"dissatisfied": 100, "tell": 9, "retell": 2},
        {"dissatisfied": "scalar", "tell": "scalar", "retell": "scalar"},
    ),
    "relationship.complaint_recovery": (
        relationship.complaint_recovery,
        {
            "dissatisfied": 1000,
            "complain_rate": 0.3,
            "resolved_rate": 0.5,
            "repurchase_resolved": 0.8,
            "repurchase_unresolved": 0.2,
            "repurchase_silent": 0.1,
            "customer_value": 200,
        },
        {
            "dissatisfied": "scalar",
            "complain_rate": "rate",
            "resolved_rate": "rate",
            "repurchase_resolved": "rate",
            "repurchase_unresolved": "rate",
            "repurchase_silent": "rate",
            "customer_value": "scalar",
        },
    ),
    "crm.clv": (
        crm.clv,
        {"margin": 100, "retention": 0.8, "discount_rate": 0.1},
        {
            "margin": "scalar",
            "retention": "rate",
            "discount_rate": "scalar",
            "horizon": "whole",
            "include_first": "flag",
            "acquisition_cost": "scalar",
        },
    ),
    "crm.clv_schedule": (
        crm.clv_schedule,
        {"margin": 100, "retention": 0.8, "discount_rate": 0.1, "periods": 5},
        {
            "margin": "scalar",
            "retention": "rate",
            "discount_rate": "scalar",
            "periods": "whole",
            "include_first": "flag",
            "acquisition_cost": "scalar",
        },
    ),
    "crm.customer_equity": (
        crm.customer_equity,
        {"customers": 1000, "margin": 100, "retention": 0.8, "discount_rate": 0.1},
        {
            "customers": "scalar",
            "margin": "scalar",
            "retention": "rate",
            "discount_rate": "scalar",
            "horizon": "whole",
            "include_first": "flag",
            "acquisition_cost": "scalar",
        },
    ),
    "crm.gini": (crm.gini, {"values": [1, 1, 2, 6]}, {"values": "array"}),
    "crm.lorenz_curve": (crm.lorenz_curve, {"values": [1, 1, 2, 6]}, {"values": "array"}),
    "crm.pareto_share": (
        crm.pareto_share,
        {"values": [1, 1, 2, 6]},
        {"values": "array", "top": "rate"},
    ),
    "crm.customer_pyramid": (
        crm.customer_pyramid,
        {"values": list(range(1, 41))},
        {"values": "array"},
    ),
}

CASES = [(target, arg) for target, (_, _, args) in TARGETS.items() for arg in args]
NUMERIC_CASES = [c for c in CASES if TARGETS[c[0]][2][c[1]] != "flag"]


def test_every_target_works_at_its_baseline():
    for name, (func, kwargs, _) in TARGETS.items():
        result = func(**kwargs)
        assert all(math.isfinite(x) for x in _numbers(result)), name


#: values no computation can use in a numeric argument
_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["5", "0.8", "1e3", "False", "True", "nan", "inf", "80%", "1,000", " "]),
)
_BOOL = st.sampled_from([True, False, np.True_, np.False_])
_COMPLEX = st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=10).filter(
    lambda z: z.imag != 0
) | st.just(complex(1, 0))
_NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf, np.nan, np.float32("nan")])
_OVERFLOW = st.sampled_from([1e308, -1e308, 1e300, 1.7e308, 10**30, -(10**30), 2**63, 10**400])


def _wrap(kind: str, bad: Any) -> st.SearchStrategy:
    """A bad value in the shape the argument takes: alone, or inside a list of numbers."""
    if kind == "array":
        return st.sampled_from([[bad], [1, bad], [bad, 2, 3]])
    return st.just(bad)


def _call(target: str, arg: str, bad: Any) -> tuple[Any, BaseException | None]:
    func, kwargs, _ = TARGETS[target]
    try:
        return func(**{**kwargs, arg: bad}), None
    except (ValueError, TypeError) as exc:
        return None, exc


def _must_reject(target: str, arg: str, bad: Any) -> None:
    result, exc = _call(target, arg, bad)
    assert exc is not None, f"{target}({arg}={bad!r}) returned {result!r} instead of an error"
    assert explains(exc), f"{target}({arg}={bad!r}): unclear message {exc}"


@PROFILE
@given(case=st.sampled_from(CASES), data=st.data())
def test_text_flags_booleans_and_complex_numbers_are_rejected(case, data):
    flags = st.one_of(_TEXT, st.sampled_from([0, 1, 1.0, None, "yes"]))
    numbers = st.one_of(_TEXT, _BOOL, _COMPLEX)
    target, arg, bad = _draw(
        case, data, flags if TARGETS[case[0]][2][case[1]] == "flag" else numbers
    )
    _must_reject(target, arg, bad)


def _draw(case: tuple[str, str], data: Any, bad_class: st.SearchStrategy) -> tuple[str, str, Any]:
    """The target, the argument and a bad value of the class in the argument's shape."""
    target, arg = case
    kind = TARGETS[target][2][arg]
    return target, arg, data.draw(bad_class.flatmap(lambda b: _wrap(kind, b)))


@PROFILE
@given(case=st.sampled_from(NUMERIC_CASES), data=st.data())
def test_nan_and_infinities_are_rejected(case, data):
    target, arg, bad = _draw(case, data, _NOT_FINITE)
    if arg == "horizon" and bad == math.inf:
        return  # horizon=inf means "no limit" (documented)
    _must_reject(target, arg, bad)


@PROFILE
@given(case=st.sampled_from(NUMERIC_CASES), data=st.data())
def test_overflow_scale_numbers_give_a_finite_answer_or_a_clear_error(case, data):
    target, arg, bad = _draw(case, data, _OVERFLOW)
    result, exc = _call(target, arg, bad)
    if exc is not None:
        assert explains(exc), f"{target}({arg}={bad!r}): unclear message {exc}"
        return
    numbers = _numbers(result)
    assert all(not math.isinf(x) for x in numbers), f"{target}({arg}={bad!r}) overflowed"


#: pairs of numeric arguments of one function, to be made extreme together
PAIR_CASES = [
    (target, first, second)
    for target, (_, _, args) in TARGETS.items()
    for first, second in itertools.combinations(
        [a for a, k in args.items() if k in ("scalar", "array")], 2
    )
]
#: sizes each fine alone whose products or quotients leave the range of a float
EXTREME = [1e300, -1e300, 1e200, 1e154, 1e-300, 5e-324, -5e-324]


@pytest.mark.parametrize("case", PAIR_CASES, ids=lambda c: f"{c[0]}:{c[1]}+{c[2]}")
def test_two_extreme_arguments_together_give_a_finite_answer_or_a_clear_error(case):
    # every pair of numeric arguments, every combination of two extreme sizes
    target, a1, a2 = case
    func, kwargs, kinds = TARGETS[target]
    for first in EXTREME:
        for second in EXTREME:
            call = dict(kwargs)
            for arg, bad in ((a1, first), (a2, second)):
                call[arg] = [bad, 1.0] if kinds[arg] == "array" else bad
            where = f"{target}({a1}={first!r}, {a2}={second!r})"
            try:
                result = func(**call)
            except (ValueError, TypeError) as exc:
                assert explains(exc), f"{where}: unclear message {exc}"
                continue
            assert all(not math.isinf(x) for x in _numbers(result)), f"{where} overflowed"


_SHAPES = st.sampled_from(
    [
        [],
        [[1.0, 2.0], [3.0]],
        [[1.0, 2.0], [3.0, 4.0]],
        np.ones((2, 2, 2)),
        {"a": 1},
        pd.DataFrame({"a": [1.0, 2.0]}),
        object(),
        None,
    ]
)


@PROFILE
@given(case=st.sampled_from(CASES), bad=_SHAPES)
def test_wrong_shapes_and_kinds_of_object_give_a_clear_error(case, bad):
    target, arg = case
    result, exc = _call(target, arg, bad)
    if exc is None:
        # only a documented optional argument may take None, and a sequence argument a 2-D
        # array; the answer must then be finite
        assert all(math.isfinite(x) for x in _numbers(result)), f"{target}({arg}={bad!r})"
        return
    assert explains(exc), f"{target}({arg}={bad!r}): unclear message {exc}"


@PROFILE
@given(
    values=st.lists(
        st.floats(min_value=0, max_value=1e300, allow_nan=False), min_size=1, max_size=30
    ).filter(lambda v: sum(v) > 0)
)
def test_concentration_is_right_at_any_scale(values):
    g = crm.gini(values)
    n = len(values)
    assert 0.0 <= g <= (n - 1) / n + 1e-9
    # the Gini index does not depend on the unit of value
    big = crm.gini([v / max(values) * 1e299 for v in values])
    assert big == pytest.approx(crm.gini([v / max(values) for v in values]), abs=1e-9)
    share = crm.pareto_share(values, 0.2)
    assert 0.2 - 1e-9 <= share <= 1.0 + 1e-12


@PROFILE
@given(
    counts=st.lists(st.integers(min_value=0, max_value=2**60), min_size=3, max_size=3).filter(
        lambda c: sum(c) > 0
    )
)
def test_nps_from_counts_reports_the_right_n_or_refuses(counts):
    try:
        res = satisfaction.nps_from_counts(counts)
    except ValueError as exc:
        assert max(counts) > 2**53 and explains(exc, "counts")
        return
    assert res.n == sum(counts) and res.n > 0
    assert -100 <= res.score <= 100


@PROFILE
@given(
    answers=st.lists(
        st.tuples(
            st.sampled_from(["x", "y", "Free returns"]),
            st.sampled_from(["like", "must-be", "neutral", "live-with", "dislike", "1", 5]),
            st.sampled_from(["like", "must-be", "neutral", "live-with", "dislike", "3", 2]),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_kano_summary_accepts_every_valid_answer(answers):
    frame = pd.DataFrame(answers, columns=["feature", "functional", "dysfunctional"])
    summary = satisfaction.kano_summary(frame)
    assert summary["n"].sum() == len(frame)
    placed = summary["better"].notna()
    assert (summary.loc[~placed, "category"].isin(["R", "Q"])).all()

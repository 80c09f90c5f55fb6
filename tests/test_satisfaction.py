"""Tests for cpvkit.satisfaction: disconfirmation, CSAT, NPS, Kano, IPA and SERVQUAL."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpvkit import datasets, satisfaction
from cpvkit.satisfaction import (
    KANO_ANSWERS,
    KANO_TABLE,
    NPSResult,
    csat,
    disconfirmation,
    ipa,
    kano_category,
    kano_evaluation_table,
    kano_summary,
    nps,
    nps_from_counts,
    servqual,
)

# --- disconfirmation ------------------------------------------------------------------------


def test_disconfirmation_scalar_outcomes() -> None:
    assert disconfirmation(5, 4).outcome == "dissatisfied"
    assert disconfirmation(5, 5).outcome == "satisfied"
    assert disconfirmation(5, 6).outcome == "delighted"
    res = disconfirmation(expectation=5.5, performance=4)
    assert isinstance(res.gap, float) and res.gap == -1.5
    assert isinstance(res.outcome, str)
    assert res.as_dict() == {
        "gap": -1.5,
        "outcome": "dissatisfied",
        "adequacy_gap": -1.5,
        "superiority_gap": -1.5,
    }


def test_zone_of_tolerance_textbook_values() -> None:
    # Zeithaml, Berry and Parasuraman (1993): below adequate dissatisfies, inside the zone
    # satisfies, above desired delights; the MSA and MSS gaps of Parasuraman et al. (1994)
    res = disconfirmation(performance=[4, 5, 6.5, 8, 9], adequate=5, desired=8)
    assert res.outcome.tolist() == [
        "dissatisfied",
        "satisfied",
        "satisfied",
        "satisfied",
        "delighted",
    ]
    assert res.adequacy_gap.tolist() == [-1, 0, 1.5, 3, 4]
    assert res.superiority_gap.tolist() == [-4, -3, -1.5, 0, 1]
    assert res.gap.tolist() == [-1, 0, 0, 0, 1]


def test_zone_is_not_symmetric_around_one_expectation() -> None:
    # a wide zone below the desired level: a drop of 2 points from desired still satisfies,
    # a rise of 0.5 above it already delights
    assert disconfirmation(performance=6, adequate=5, desired=8).outcome == "satisfied"
    assert disconfirmation(performance=8.5, adequate=5, desired=8).outcome == "delighted"


def test_zone_of_zero_width_equals_single_expectation() -> None:
    perf = np.array([3.0, 4.0, 4.5, 5.0, 6.0])
    one = disconfirmation(4.5, perf)
    zone = disconfirmation(performance=perf, adequate=4.5, desired=4.5)
    assert one.outcome.tolist() == zone.outcome.tolist()
    assert one.gap.tolist() == pytest.approx((perf - 4.5).tolist())
    assert zone.gap.tolist() == pytest.approx(one.gap.tolist())


def test_disconfirmation_edge_of_zone_despite_rounding() -> None:
    assert 0.1 + 0.2 > 0.3  # binary rounding
    assert disconfirmation(performance=0.1 + 0.2, adequate=0.1, desired=0.3).outcome == (
        "satisfied"
    )
    assert disconfirmation(performance=4.6 - 0.3, adequate=4.3, desired=5).outcome == ("satisfied")
    assert disconfirmation(performance=5.0001, adequate=4.3, desired=5).outcome == "delighted"
    assert disconfirmation(0.3, 0.1 + 0.2).outcome == "satisfied"


def test_disconfirmation_broadcasts() -> None:
    res = disconfirmation(performance=[2, 4, 7], adequate=[3, 3, 3], desired=[4, 4, 8])
    assert res.outcome.tolist() == ["dissatisfied", "satisfied", "satisfied"]
    assert isinstance(res.gap, np.ndarray)
    res = disconfirmation(performance=5, adequate=4, desired=[4.5, 6.0])
    assert res.gap.tolist() == [0.5, 0.0]
    assert res.outcome.tolist() == ["delighted", "satisfied"]
    res = disconfirmation(pd.Series([5.0, 5.0]), pd.Series([4.0, 6.0]))
    assert res.outcome.tolist() == ["dissatisfied", "delighted"]


@settings(max_examples=200, deadline=None)
@given(
    st.floats(-100, 100),
    st.floats(-100, 100),
    st.floats(0, 10),
)
def test_disconfirmation_properties(p: float, low: float, width: float) -> None:
    high = low + width
    res = disconfirmation(performance=p, adequate=low, desired=high)
    assert res.adequacy_gap == pytest.approx(p - low)
    assert res.superiority_gap == pytest.approx(p - high)
    assert res.gap == pytest.approx(p - min(max(p, low), high))
    if p > high + 1e-6:
        assert res.outcome == "delighted" and res.gap > 0
    elif p < low - 1e-6:
        assert res.outcome == "dissatisfied" and res.gap < 0
    elif low + 1e-6 < p < high - 1e-6:
        assert res.outcome == "satisfied" and res.gap == 0
    # reflecting performance and zone around 0 mirrors the outcome
    mirror = {"dissatisfied": "delighted", "satisfied": "satisfied", "delighted": "dissatisfied"}
    flipped = disconfirmation(performance=-p, adequate=-high, desired=-low)
    assert flipped.outcome == mirror[res.outcome]


def test_disconfirmation_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="adequate service must not exceed desired service"):
        disconfirmation(performance=5, adequate=6, desired=5)
    with pytest.raises(ValueError, match="got adequate 7 > desired 6"):
        disconfirmation(performance=5, adequate=[4, 7], desired=[5, 6])
    with pytest.raises(TypeError, match="desired is missing"):
        disconfirmation(performance=5, adequate=4)
    with pytest.raises(TypeError, match="adequate is missing"):
        disconfirmation(performance=5, desired=4)
    with pytest.raises(TypeError, match="not both"):
        disconfirmation(5, 5, adequate=4, desired=6)
    with pytest.raises(TypeError, match="tolerance is no longer accepted"):
        disconfirmation(5, 4, tolerance=1)
    with pytest.raises(TypeError, match="give expectation, or adequate and desired"):
        disconfirmation(performance=5)
    with pytest.raises(TypeError, match="performance is required"):
        disconfirmation(5)
    with pytest.raises(ValueError, match="expectation.*NaN"):
        disconfirmation(np.nan, 4)
    with pytest.raises(ValueError, match="adequate.*NaN"):
        disconfirmation(performance=4, adequate=np.nan, desired=5)
    with pytest.raises(ValueError, match="performance.*NaN"):
        disconfirmation([1, 2], [1, np.nan])
    with pytest.raises(TypeError, match="performance"):
        disconfirmation(5, "good")
    with pytest.raises(TypeError, match="desired"):
        disconfirmation(performance=5, adequate=4, desired="high")
    with pytest.raises(ValueError, match="broadcast"):
        disconfirmation([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="expectation is empty"):
        disconfirmation([], [])


# --- CSAT -----------------------------------------------------------------------------------


def test_csat_top_two_box() -> None:
    assert csat([5, 4, 4, 3, 2, 5, 1, 4, 3, 5]) == 0.6
    assert csat([5, 4, 4, 3, 2, 5, 1, 4, 3, 5], top_box=1) == 0.3
    assert csat([7, 6, 5, 7, 2], scale_max=7, top_box=1) == 0.4
    assert csat([10, 9, 0, 5], scale_max=10, top_box=2, scale_min=0) == 0.5
    assert isinstance(csat(np.array([1, 5])), float)


def test_csat_on_survey_matches_direct_count() -> None:
    survey = datasets.load_satisfaction_survey()
    assert csat(survey["csat"]) == pytest.approx((survey["csat"] >= 4).mean())


def test_csat_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match=r"scores must be in \[1, 5\]; got 6"):
        csat([1, 6])
    with pytest.raises(ValueError, match=r"scores must be in \[1, 5\]; got 0"):
        csat([0, 3])
    with pytest.raises(ValueError, match=r"whole numbers in \[1, 5\]; got 4.5"):
        csat([4.5, 3])
    with pytest.raises(ValueError, match="scores contains NaN"):
        csat([4, np.nan])
    with pytest.raises(ValueError, match="scores is empty"):
        csat([])
    with pytest.raises(TypeError, match="scores must be numbers"):
        csat("5")
    with pytest.raises(ValueError, match="top_box must be in"):
        csat([4, 5], top_box=5)
    with pytest.raises(ValueError, match="top_box must be in"):
        csat([4, 5], top_box=0)
    with pytest.raises(ValueError, match="scale_max must be >= 2"):
        csat([1], scale_max=1)
    with pytest.raises(TypeError, match="top_box must be a whole number"):
        csat([4, 5], top_box=1.5)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=1, max_size=200))
def test_csat_properties(scores: list[int]) -> None:
    shares = [csat(scores, scale_max=7, top_box=k) for k in range(1, 7)]
    assert all(0.0 <= x <= 1.0 for x in shares)
    assert shares == sorted(shares)  # a wider top box never lowers the share
    assert shares[-1] == pytest.approx(np.mean(np.array(scores) >= 2))


# --- NPS ------------------------------------------------------------------------------------


def test_nps_textbook_50_30_20() -> None:
    res = nps([10] * 30 + [9] * 20 + [8] * 15 + [7] * 15 + [6] * 10 + [0] * 10)
    assert (res.n, res.promoters, res.passives, res.detractors) == (100, 50, 30, 20)
    assert res.shares == pytest.approx({"promoters": 0.5, "passives": 0.3, "detractors": 0.2})
    assert res.score == pytest.approx(30.0)
    # var = (0.5 + 0.2 - 0.3**2) / 100 = 0.0061
    assert res.se == pytest.approx(100 * math.sqrt(0.0061))
    assert round(res.se, 2) == 7.81
    assert res.ci_low == pytest.approx(30 - 1.959964 * res.se, abs=1e-4)
    assert res.ci_high == pytest.approx(30 + 1.959964 * res.se, abs=1e-4)
    assert res.confidence == 0.95
    assert isinstance(res.score, float) and isinstance(res.n, int)


def test_nps_group_boundaries() -> None:
    # 6 is a detractor, 7 and 8 are passives, 9 a promoter
    res = nps([6, 7, 8, 9])
    assert (res.detractors, res.passives, res.promoters) == (1, 2, 1)
    assert res.score == 0.0
    assert nps(list(range(11))).detractors == 7


def test_nps_confidence_level() -> None:
    scores = [10] * 50 + [8] * 30 + [3] * 20
    wide = nps(scores, confidence=0.99)
    narrow = nps(scores, confidence=0.8)
    assert wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low
    assert wide.ci_high == pytest.approx(30 + 2.575829 * wide.se, abs=1e-4)


def test_nps_extremes_and_clipping() -> None:
    all_promoters = nps([10, 9, 10])
    assert all_promoters.score == 100.0 and all_promoters.se == 0.0
    assert all_promoters.ci_low == all_promoters.ci_high == 100.0
    two = nps([10, 0, 10])
    assert two.ci_high == 100.0  # clipped
    assert nps([0, 3]).score == -100.0


def test_nps_result_is_frozen_and_readable() -> None:
    res = nps([10] * 50 + [8] * 30 + [4] * 20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.score = 0.0  # type: ignore[misc]
    assert repr(res) == (
        "NPSResult(n=100, promoters=50, passives=30, detractors=20, score=30.0, se=7.81, "
        "ci=[14.7, 45.3] at 95%)"
    )
    d = res.as_dict()
    assert set(d) == {
        "n",
        "promoters",
        "passives",
        "detractors",
        "shares",
        "score",
        "se",
        "ci_low",
        "ci_high",
        "confidence",
    }
    assert d["shares"]["passives"] == pytest.approx(0.3)
    table = res.to_frame()
    assert list(table.index) == ["promoters", "passives", "detractors"]
    assert table["count"].tolist() == [50, 30, 20]
    assert table["share"].tolist() == pytest.approx([0.5, 0.3, 0.2])
    assert table["answers"].tolist() == ["9-10", "7-8", "0-6"]


def test_nps_on_survey_matches_direct_formula() -> None:
    s = datasets.load_satisfaction_survey()["nps"]
    res = nps(s)
    p, d = (s >= 9).mean(), (s <= 6).mean()
    assert res.score == pytest.approx(100 * (p - d))
    assert res.se == pytest.approx(100 * math.sqrt((p + d - (p - d) ** 2) / len(s)))


def test_nps_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match=r"scores must be in \[0, 10\]; got 11"):
        nps([5, 11])
    with pytest.raises(ValueError, match=r"scores must be in \[0, 10\]; got -1"):
        nps([-1, 5])
    with pytest.raises(ValueError, match=r"scores must be whole numbers in \[0, 10\]; got 7.5"):
        nps([7.5, 9])
    with pytest.raises(ValueError, match="scores contains NaN"):
        nps(pd.Series([9, None, 3], dtype=float))
    with pytest.raises(ValueError, match="scores is empty"):
        nps([])
    with pytest.raises(TypeError, match="scores must be numbers"):
        nps("9")
    with pytest.raises(TypeError, match="DataFrame"):
        nps(pd.DataFrame({"nps": [9, 10]}))
    with pytest.raises(ValueError, match=r"confidence must be in \(0, 1\)"):
        nps([9, 10], confidence=1.0)
    with pytest.raises(ValueError, match=r"confidence must be in \(0, 1\)"):
        nps([9, 10], confidence=95)


def test_nps_from_counts_forms_agree() -> None:
    direct = nps([10] * 35 + [9] * 15 + [8] * 30 + [3] * 20)
    by_group = nps_from_counts((50, 30, 20))
    by_name = nps_from_counts({"detractors": 20, "promoters": 50, "passives": 30})
    by_score = nps_from_counts({10: 35, 9: 15, 8: 30, 3: 20})
    eleven = nps_from_counts([0, 0, 0, 20, 0, 0, 0, 0, 30, 15, 35])
    series = nps_from_counts(pd.Series([10] * 35 + [9] * 15 + [8] * 30 + [3] * 20).value_counts())
    for res in (by_group, by_name, by_score, eleven, series):
        assert res == direct


def test_nps_from_counts_missing_groups_count_zero() -> None:
    res = nps_from_counts({"promoters": 3})
    assert (res.promoters, res.passives, res.detractors, res.score) == (3, 0, 0, 100.0)
    assert nps_from_counts({0: 2, 10: 2}).score == 0.0


def test_nps_from_counts_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="11 counts.*3 counts.*got 4"):
        nps_from_counts([1, 2, 3, 4])
    with pytest.raises(ValueError, match="counts must be >= 0"):
        nps_from_counts((5, -1, 2))
    with pytest.raises(ValueError, match="whole numbers of answers"):
        nps_from_counts((5, 1.5, 2))
    with pytest.raises(ValueError, match="add up to 0"):
        nps_from_counts((0, 0, 0))
    with pytest.raises(ValueError, match=r"\[0, 10\]; got 11"):
        nps_from_counts({11: 3})
    with pytest.raises(ValueError, match="'fans'"):
        nps_from_counts({"fans": 3})
    with pytest.raises(ValueError, match="counts\\['promoters'\\] must be >= 0"):
        nps_from_counts({"promoters": -3})
    with pytest.raises(ValueError, match="counts is empty"):
        nps_from_counts({})
    with pytest.raises(ValueError, match="NaN"):
        nps_from_counts((1, np.nan, 2))
    with pytest.raises(TypeError, match="counts must be"):
        nps_from_counts("50,30,20")
    with pytest.raises(ValueError, match="confidence"):
        nps_from_counts((1, 2, 3), confidence=0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300))
def test_nps_properties(scores: list[int]) -> None:
    res = nps(scores)
    assert -100.0 <= res.score <= 100.0
    assert -100.0 <= res.ci_low <= res.score <= res.ci_high <= 100.0
    assert res.se >= 0.0
    assert res.promoters + res.passives + res.detractors == res.n == len(scores)
    assert sum(res.shares.values()) == pytest.approx(1.0)
    # the score is 100 times the mean of +1 / 0 / -1 codes, the SE that mean's population SE
    codes = np.select([np.array(scores) >= 9, np.array(scores) <= 6], [1.0, -1.0], 0.0)
    assert res.score == pytest.approx(100 * codes.mean())
    assert res.se == pytest.approx(100 * codes.std() / math.sqrt(len(scores)), abs=1e-9)
    assert nps_from_counts(np.bincount(scores, minlength=11)) == res


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.floats(0.5, 0.999))
def test_nps_from_counts_properties(p: int, a: int, d: int, conf: float) -> None:
    if p + a + d == 0:
        return
    res = nps_from_counts((p, a, d), confidence=conf)
    assert -100.0 <= res.ci_low <= res.score <= res.ci_high <= 100.0
    assert res.score == pytest.approx(100 * (p - d) / (p + a + d))


# --- Kano -----------------------------------------------------------------------------------

# every cell of the evaluation table (rows functional, columns dysfunctional), written out
KANO_CELLS = {
    ("like", "like"): "Q",
    ("like", "must-be"): "A",
    ("like", "neutral"): "A",
    ("like", "live-with"): "A",
    ("like", "dislike"): "O",
    ("must-be", "like"): "R",
    ("must-be", "must-be"): "I",
    ("must-be", "neutral"): "I",
    ("must-be", "live-with"): "I",
    ("must-be", "dislike"): "M",
    ("neutral", "like"): "R",
    ("neutral", "must-be"): "I",
    ("neutral", "neutral"): "I",
    ("neutral", "live-with"): "I",
    ("neutral", "dislike"): "M",
    ("live-with", "like"): "R",
    ("live-with", "must-be"): "I",
    ("live-with", "neutral"): "I",
    ("live-with", "live-with"): "I",
    ("live-with", "dislike"): "M",
    ("dislike", "like"): "R",
    ("dislike", "must-be"): "R",
    ("dislike", "neutral"): "R",
    ("dislike", "live-with"): "R",
    ("dislike", "dislike"): "Q",
}


@pytest.mark.parametrize(("pair", "expected"), list(KANO_CELLS.items()))
def test_kano_every_cell(pair: tuple[str, str], expected: str) -> None:
    functional, dysfunctional = pair
    assert kano_category(functional, dysfunctional) == expected
    # codes 1-5 and other spellings give the same cell
    f, d = KANO_ANSWERS.index(functional) + 1, KANO_ANSWERS.index(dysfunctional) + 1
    assert kano_category(f, d) == expected
    assert kano_category(functional.upper().replace("-", " "), f" {dysfunctional.title()} ") == (
        expected
    )
    assert KANO_TABLE[f - 1, d - 1] == expected


def test_kano_table_constants() -> None:
    assert len(KANO_CELLS) == 25
    assert KANO_TABLE.shape == (5, 5)
    assert not KANO_TABLE.flags.writeable
    with pytest.raises(ValueError):
        KANO_TABLE[0, 0] = "A"
    table = kano_evaluation_table()
    assert list(table.index) == list(table.columns) == list(KANO_ANSWERS)
    assert {(f, d): table.loc[f, d] for f in table.index for d in table.columns} == KANO_CELLS
    table.loc["like", "like"] = "X"  # a copy: the constant is unchanged
    assert KANO_TABLE[0, 0] == "Q"
    assert set(satisfaction.KANO_CATEGORIES) == set("AOMIRQ")


def test_kano_category_vectorised() -> None:
    pairs = list(KANO_CELLS)
    f = [p[0] for p in pairs]
    d = [p[1] for p in pairs]
    out = kano_category(f, d)
    assert isinstance(out, np.ndarray)
    assert out.tolist() == list(KANO_CELLS.values())
    series = kano_category(pd.Series(f, index=range(100, 125)), pd.Series(d))
    assert isinstance(series, pd.Series)
    assert list(series.index) == list(range(100, 125))
    assert series.tolist() == list(KANO_CELLS.values())
    assert kano_category(np.array([1, 2]), np.array([5, 5])).tolist() == ["O", "M"]
    assert kano_category(["1", "5.0"], ["I like it", "i can live with it"]).tolist() == ["Q", "R"]


def test_kano_category_large_input_is_fast_and_exact() -> None:
    rng = np.random.default_rng(1)
    f = rng.integers(0, 5, size=200_000)
    d = rng.integers(0, 5, size=200_000)
    words = np.array(KANO_ANSWERS, dtype=object)
    out = kano_category(words[f], pd.Series(words[d]).str.upper())
    assert np.array_equal(out, KANO_TABLE[f, d])


def test_kano_category_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match=r"dysfunctional has an unknown answer 'maybe'.*codes 1-5"):
        kano_category("like", "maybe")
    with pytest.raises(ValueError, match="functional has an unknown answer 6"):
        kano_category(6, 1)
    with pytest.raises(ValueError, match="functional contains a missing answer"):
        kano_category(["like", None], ["like", "like"])
    with pytest.raises(ValueError, match="functional contains a missing answer"):
        kano_category([np.nan], ["like"])
    with pytest.raises(ValueError, match="same length; got 2 and 1"):
        kano_category(["like", "like"], ["like"])
    with pytest.raises(ValueError, match="functional is empty"):
        kano_category([], [])
    with pytest.raises(TypeError, match="DataFrame"):
        kano_category(pd.DataFrame({"a": ["like"]}), ["like"])


def _kano_frame(rows: dict[str, list[tuple[str, str]]]) -> pd.DataFrame:
    records = [(feat, f, d) for feat, pairs in rows.items() for f, d in pairs]
    return pd.DataFrame(records, columns=["feature", "functional", "dysfunctional"])


def test_kano_summary_counts_category_and_coefficients() -> None:
    answers = _kano_frame(
        {
            "Tracking": [("like", "neutral")] * 6
            + [("like", "dislike")] * 2
            + [("must-be", "dislike")]
            + [("neutral", "neutral")] * 2
            + [("dislike", "like")]
            + [("like", "like")],
            "Payment": [("must-be", "dislike")] * 5 + [("like", "dislike")] * 3,
        }
    )
    out = kano_summary(answers)
    assert list(out.index) == ["Tracking", "Payment"]  # order of first appearance
    assert out.index.name == "feature"
    assert list(out.columns) == [
        "A",
        "O",
        "M",
        "I",
        "R",
        "Q",
        "n",
        "category",
        "better",
        "worse",
    ]
    t = out.loc["Tracking"]
    assert [t[c] for c in "AOMIRQ"] == [6, 2, 1, 2, 1, 1]
    assert t["n"] == 13
    assert t["category"] == "A"
    assert t["better"] == pytest.approx((6 + 2) / 11)
    assert t["worse"] == pytest.approx(-(2 + 1) / 11)
    p = out.loc["Payment"]
    assert p["category"] == "M"
    assert p["better"] == pytest.approx(3 / 8) and p["worse"] == pytest.approx(-1.0)
    assert str(out["A"].dtype) == "int64"


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # M = O = A = I -> M
        (
            [
                ("must-be", "dislike"),
                ("like", "dislike"),
                ("like", "neutral"),
                ("neutral", "neutral"),
            ],
            "M",
        ),
        # O = A > I -> O
        ([("like", "dislike")] * 2 + [("like", "neutral")] * 2 + [("neutral", "neutral")], "O"),
        # A = I -> A
        ([("like", "neutral"), ("neutral", "neutral")], "A"),
        # R most frequent overall -> R
        ([("dislike", "like")] * 3 + [("like", "neutral")] * 2, "R"),
        # Q most frequent -> Q; R = Q tie -> R
        ([("like", "like")] * 2 + [("neutral", "neutral")], "Q"),
        ([("like", "like")] * 2 + [("dislike", "neutral")] * 2, "R"),
        # R ties with the top of A/O/M/I -> the A/O/M/I category wins
        ([("dislike", "like")] * 2 + [("neutral", "neutral")] * 2, "I"),
    ],
)
def test_kano_summary_tie_rules(pairs: list[tuple[str, str]], expected: str) -> None:
    out = kano_summary(_kano_frame({"x": pairs}))
    assert out.loc["x", "category"] == expected


def test_kano_summary_all_reverse_gives_nan_coefficients() -> None:
    out = kano_summary(_kano_frame({"x": [("dislike", "like")] * 3}))
    assert out.loc["x", "category"] == "R"
    assert np.isnan(out.loc["x", "better"]) and np.isnan(out.loc["x", "worse"])


def test_kano_summary_custom_columns_and_codes() -> None:
    answers = pd.DataFrame({"f": ["a", "a", "b"], "func": [1, 2, 3], "dys": [5, 5, 3]})
    out = kano_summary(answers, feature="f", functional="func", dysfunctional="dys")
    assert out.index.name == "f"
    assert out["category"].to_dict() == {"a": "M", "b": "I"}  # O = M tie -> M


def test_kano_summary_on_simulated_survey() -> None:
    survey = datasets.load_kano_survey()
    out = kano_summary(survey)
    assert out["n"].eq(150).all()
    assert out[list("AOMIRQ")].sum(axis=1).eq(150).all()
    # agrees with a direct row-by-row lookup on the table
    direct = [
        KANO_TABLE[KANO_ANSWERS.index(f), KANO_ANSWERS.index(d)]
        for f, d in zip(survey["functional"], survey["dysfunctional"], strict=True)
    ]
    counts = pd.crosstab(survey["feature"], pd.Series(direct, index=survey.index))
    for letter in counts.columns:
        assert (out[letter] == counts[letter].reindex(out.index)).all()
    assert ((out["better"] >= 0) & (out["better"] <= 1)).all()
    assert ((out["worse"] >= -1) & (out["worse"] <= 0)).all()


def test_kano_summary_rejects_bad_input() -> None:
    good = _kano_frame({"x": [("like", "dislike")]})
    with pytest.raises(ValueError, match="missing column.*dysfunctional"):
        kano_summary(good.drop(columns="dysfunctional"))
    with pytest.raises(ValueError, match="answers is empty"):
        kano_summary(good.iloc[:0])
    with pytest.raises(TypeError, match="answers must be a pandas DataFrame"):
        kano_summary([("x", "like", "dislike")])
    with pytest.raises(ValueError, match=r"answers\['functional'\] has an unknown answer 'love'"):
        kano_summary(good.assign(functional="love"))
    with pytest.raises(ValueError, match="missing feature name"):
        kano_summary(good.assign(feature=None))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("xyz"), st.integers(1, 5), st.integers(1, 5)),
        min_size=1,
        max_size=80,
    )
)
def test_kano_summary_properties(rows: list[tuple[str, int, int]]) -> None:
    frame = pd.DataFrame(rows, columns=["feature", "functional", "dysfunctional"])
    out = kano_summary(frame)
    assert out["n"].sum() == len(rows)
    valid = out["better"].notna()
    assert (out.loc[valid, "better"].between(0, 1)).all()
    assert (out.loc[valid, "worse"].between(-1, 0)).all()
    for _, row in out.iterrows():  # a handful of features
        counts = {c: row[c] for c in "AOMIRQ"}
        assert counts[row["category"]] == max(counts.values())


# --- IPA ------------------------------------------------------------------------------------


@pytest.fixture
def ratings() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "attribute": ["Taste", "Speed", "Wi-Fi", "Music"],
            "importance": [6.4, 6.1, 3.8, 3.0],
            "performance": [6.0, 4.0, 3.7, 5.8],
        }
    )


def test_ipa_quadrants_mean_crosshair(ratings: pd.DataFrame) -> None:
    out = ipa(ratings)
    assert out["quadrant"].tolist() == [
        "Keep up the good work",
        "Concentrate here",
        "Low priority",
        "Possible overkill",
    ]
    assert out.attrs["crosshair"] == pytest.approx({"performance": 4.875, "importance": 4.825})
    assert list(out.columns) == ["attribute", "importance", "performance", "quadrant"]
    assert set(out["quadrant"]) == set(satisfaction.IPA_QUADRANTS.values())


def test_ipa_custom_and_median_crosshair(ratings: pd.DataFrame) -> None:
    out = ipa(ratings, crosshair=(4.0, 4.0))  # (performance, importance)
    assert out.set_index("attribute")["quadrant"].to_dict() == {
        "Taste": "Keep up the good work",
        "Speed": "Keep up the good work",  # equal to the crosshair counts as high
        "Wi-Fi": "Low priority",
        "Music": "Possible overkill",
    }
    out = ipa(ratings, crosshair=(6.5, 3.5))
    assert out["quadrant"].tolist() == [
        "Concentrate here",
        "Concentrate here",
        "Concentrate here",
        "Low priority",
    ]
    med = ipa(ratings, crosshair="median")
    assert med.attrs["crosshair"] == pytest.approx({"performance": 4.9, "importance": 4.95})


def test_ipa_matches_plot_quadrants() -> None:
    from cpvkit import plots

    assert satisfaction.IPA_QUADRANTS == plots.IPA_QUADRANTS


def test_ipa_on_simulated_ratings_and_respondent_level() -> None:
    means = datasets.load_ipa_ratings(summary=True)
    out = ipa(means)
    assert list(out["attribute"]) == list(means["attribute"])
    assert out["n"].eq(250).all()  # extra columns are kept
    # respondent-level ratings are averaged per attribute first: same quadrants
    long = ipa(datasets.load_ipa_ratings())
    assert long["quadrant"].tolist() == out["quadrant"].tolist()
    assert np.allclose(long["importance"], out["importance"])
    assert long["n"].eq(250).all()
    # the attribute as index works too, and the input is not changed
    before = means.copy()
    indexed = ipa(means.set_index("attribute"))
    assert indexed["quadrant"].tolist() == out["quadrant"].tolist()
    pd.testing.assert_frame_equal(means, before)


def test_ipa_rejects_bad_input(ratings: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="missing column.*performance"):
        ipa(ratings.drop(columns="performance"))
    with pytest.raises(ValueError, match="data is empty"):
        ipa(ratings.iloc[:0])
    with pytest.raises(TypeError, match="data must be a pandas DataFrame"):
        ipa({"attribute": ["a"]})
    with pytest.raises(ValueError, match=r"data\['importance'\] contains NaN"):
        ipa(ratings.assign(importance=[6.0, np.nan, 3.0, 2.0]))
    with pytest.raises(TypeError, match=r"data\['performance'\] must contain only numbers"):
        ipa(ratings.assign(performance=["high", "low", "low", "high"]))
    with pytest.raises(ValueError, match="crosshair must be one of 'mean', 'median'"):
        ipa(ratings, crosshair="mode")
    with pytest.raises(ValueError, match="crosshair must be"):
        ipa(ratings, crosshair=(1, 2, 3))
    with pytest.raises(ValueError, match="crosshair is NaN"):
        ipa(ratings, crosshair=(np.nan, 4))
    with pytest.raises(ValueError, match="missing attribute name"):
        ipa(ratings.assign(attribute=["a", None, "c", "d"]))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(1, 7), st.floats(1, 7)),
        min_size=1,
        max_size=15,
    ),
    st.sampled_from(["mean", "median", (4.0, 4.0)]),
)
def test_ipa_properties(points: list[tuple[float, float]], crosshair) -> None:
    frame = pd.DataFrame(points, columns=["importance", "performance"])
    frame.insert(0, "attribute", [f"a{i}" for i in range(len(points))])
    out = ipa(frame, crosshair=crosshair)
    cx, cy = out.attrs["crosshair"]["performance"], out.attrs["crosshair"]["importance"]
    for _, row in out.iterrows():  # a handful of attributes
        key = (bool(row["importance"] >= cy), bool(row["performance"] >= cx))
        assert row["quadrant"] == satisfaction.IPA_QUADRANTS[key]
    if crosshair == "mean":
        assert cx == pytest.approx(frame["performance"].mean())


# --- SERVQUAL -------------------------------------------------------------------------------


@pytest.fixture
def small_servqual() -> tuple[pd.DataFrame, pd.DataFrame, dict[str, list[str]]]:
    e = pd.DataFrame({"q1": [6, 7], "q2": [6, 6], "q3": [7, 7]}, index=[11, 12])
    p = pd.DataFrame({"q1": [5, 6], "q2": [6, 5], "q3": [4, 5]}, index=[11, 12])
    return e, p, {"tangibles": ["q1", "q2"], "reliability": ["q3"]}


def test_servqual_hand_computed(small_servqual) -> None:
    e, p, dims = small_servqual
    res = servqual(e, p, dims)
    assert res.items["gap"].tolist() == [-1.0, -0.5, -2.5]
    assert res.items["expectation"].tolist() == [6.5, 6.0, 7.0]
    assert res.dimensions["dimension"].tolist() == ["tangibles", "reliability"]
    assert res.dimensions["n_items"].tolist() == [2, 1]
    assert res.dimensions["gap"].tolist() == [-0.75, -2.5]
    assert res.dimensions["weight"].tolist() == [0.5, 0.5]
    assert res.overall == -1.625 == res.weighted_overall
    assert res.n == 2
    # respondent 11: tangibles (-1 + 0) / 2, reliability -3; respondent 12: (-1 - 1) / 2, -2
    assert res.respondents.loc[11].tolist() == [-0.5, -3.0]
    assert res.respondents.loc[12].tolist() == [-1.0, -2.0]
    pd.testing.assert_frame_equal(res.to_frame(), res.dimensions)
    assert repr(res).startswith("ServqualResult(n=2, items=3, overall=-1.625")


def test_servqual_dimension_forms_and_alignment(small_servqual) -> None:
    e, p, dims = small_servqual
    base = servqual(e, p, dims)
    flat = {"q1": "tangibles", "q2": "tangibles", "q3": "reliability"}
    table = pd.DataFrame({"item": list(flat), "dimension": list(flat.values())})
    shuffled = p.loc[[12, 11], ["q3", "q1", "q2"]]  # rows and columns matched by label
    for other in (
        servqual(e, p, flat),
        servqual(e, p, pd.Series(flat)),
        servqual(e, p, table),
        servqual(e, shuffled, dims),
    ):
        pd.testing.assert_frame_equal(other.items, base.items)
        pd.testing.assert_frame_equal(other.dimensions, base.dimensions)


def test_servqual_weights(small_servqual) -> None:
    e, p, dims = small_servqual
    res = servqual(e, p, dims, weights={"tangibles": 20, "reliability": 80})
    assert res.dimensions["weight"].tolist() == [0.2, 0.8]
    assert res.weighted_overall == pytest.approx(0.2 * -0.75 + 0.8 * -2.5)
    assert res.overall == -1.625  # unweighted stays unweighted
    res = servqual(e, p, dims, weights=pd.Series({"reliability": 1.0, "tangibles": 0.0}))
    assert res.weighted_overall == -2.5


def test_servqual_on_simulated_bank() -> None:
    sq = datasets.load_servqual()
    res = servqual(sq.expectations, sq.perceptions, sq.items)
    assert res.n == 300
    assert res.items["item"].tolist() == [f"q{j:02d}" for j in range(1, 23)]
    assert list(res.items.columns) == [
        "item",
        "dimension",
        "expectation",
        "perception",
        "gap",
        "wording",
    ]
    assert res.items["wording"].tolist() == sq.items["wording"].tolist()
    gap = (sq.perceptions - sq.expectations).mean()
    assert np.allclose(res.items["gap"], gap.to_numpy())
    assert res.dimensions["dimension"].tolist() == [
        "tangibles",
        "reliability",
        "responsiveness",
        "assurance",
        "empathy",
    ]
    assert res.dimensions["n_items"].tolist() == [4, 5, 4, 4, 5]
    by_dim = res.dimensions.set_index("dimension")["gap"]
    assert (by_dim < 0).all()
    assert by_dim.idxmin() == "reliability" and by_dim.idxmax() == "tangibles"
    # the mean of the respondents' dimension gaps equals the dimension gap
    assert np.allclose(res.respondents.mean().to_numpy(), by_dim.to_numpy())
    assert res.overall == pytest.approx(by_dim.mean())
    star = servqual(*sq)  # the named tuple unpacks into the arguments
    pd.testing.assert_frame_equal(star.dimensions, res.dimensions)


def test_servqual_rejects_bad_input(small_servqual) -> None:
    e, p, dims = small_servqual
    with pytest.raises(ValueError, match="same items.*q4"):
        servqual(e, p.assign(q4=1), dims)
    with pytest.raises(ValueError, match="same respondents"):
        servqual(e, p.set_axis([11, 13]), dims)
    with pytest.raises(ValueError, match="no dimension for item.*q3"):
        servqual(e, p, {"tangibles": ["q1", "q2"]})
    with pytest.raises(ValueError, match="q9 that are not columns"):
        servqual(e, p, {"tangibles": ["q1", "q2"], "reliability": ["q3", "q9"]})
    with pytest.raises(ValueError, match="lists item 'q1' more than once"):
        servqual(e, p, {"tangibles": ["q1", "q2"], "reliability": ["q3", "q1"]})
    with pytest.raises(ValueError, match="expectations contains NaN"):
        servqual(e.astype(float).assign(q1=[np.nan, 6.0]), p, dims)
    with pytest.raises(TypeError, match="perceptions must hold numeric ratings.*q2"):
        servqual(e, p.assign(q2=["good", "bad"]), dims)
    with pytest.raises(TypeError, match="expectations must be a pandas DataFrame"):
        servqual(e.to_numpy(), p, dims)
    with pytest.raises(ValueError, match="expectations is empty"):
        servqual(e.iloc[:0], p.iloc[:0], dims)
    with pytest.raises(ValueError, match="missing column.*dimension"):
        servqual(e, p, pd.DataFrame({"item": ["q1", "q2", "q3"]}))
    with pytest.raises(TypeError, match="dimensions must be"):
        servqual(e, p, ["q1", "q2", "q3"])
    with pytest.raises(ValueError, match="weights gives no weight.*reliability"):
        servqual(e, p, dims, weights={"tangibles": 1})
    with pytest.raises(ValueError, match="unknown dimension.*speed"):
        servqual(e, p, dims, weights={"tangibles": 1, "reliability": 1, "speed": 1})
    with pytest.raises(ValueError, match="weights must be >= 0"):
        servqual(e, p, dims, weights={"tangibles": -1, "reliability": 2})
    with pytest.raises(ValueError, match="weights must not all be 0"):
        servqual(e, p, dims, weights={"tangibles": 0, "reliability": 0})


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 20),
    st.integers(0, 2**32 - 1),
)
def test_servqual_properties(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    items = [f"q{j}" for j in range(1, 7)]
    e = pd.DataFrame(rng.integers(1, 8, size=(n, 6)), columns=items)
    p = pd.DataFrame(rng.integers(1, 8, size=(n, 6)), columns=items)
    dims = {"a": items[:2], "b": items[2:5], "c": items[5:]}
    res = servqual(e, p, dims)
    assert ((res.items["gap"] >= -6) & (res.items["gap"] <= 6)).all()
    # swapping expectations and perceptions flips every gap
    flipped = servqual(p, e, dims)
    assert np.allclose(flipped.dimensions["gap"], -res.dimensions["gap"])
    assert min(res.dimensions["gap"]) <= res.weighted_overall <= max(res.dimensions["gap"])


# --- module hygiene -------------------------------------------------------------------------


def test_satisfaction_does_not_import_matplotlib() -> None:
    code = (
        "import sys; from cpvkit import satisfaction; satisfaction.nps([9, 10]); "
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_nps_result_type() -> None:
    assert dataclasses.is_dataclass(NPSResult)
    assert NPSResult.__dataclass_params__.frozen  # type: ignore[attr-defined]

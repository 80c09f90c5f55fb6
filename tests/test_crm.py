"""Tests of cpvkit.crm: CLV, customer equity, RFM, concentration and the customer pyramid."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpvkit import crm
from cpvkit.datasets import load_cdnow

# ----------------------------------------------------------------------------------------------
# clv
# ----------------------------------------------------------------------------------------------


def test_clv_textbook_values():
    # the convention: first margin at acquisition (time 0), m (1 + d) / (1 + d - r)
    assert crm.clv(100, 0.8, 0.1) == pytest.approx(100 * 1.1 / 0.3)
    assert round(crm.clv(100, 0.8, 0.1), 2) == 366.67
    assert crm.clv(100, 0.8, 0.1, include_first=True) == crm.clv(100, 0.8, 0.1)
    # future margins of a customer who has just paid: Gupta & Lehmann's m r / (1 + d - r)
    assert crm.clv(100, 0.8, 0.1, include_first=False) == pytest.approx(266.6666667)


def test_clv_returns_python_float_for_scalars():
    assert type(crm.clv(100, 0.8, 0.1)) is float


def test_clv_finite_horizon_by_hand():
    # the margins of periods 1..3, received at times 0..2
    by_hand = 100 + 100 * 0.8 / 1.1 + 100 * 0.64 / 1.21
    assert crm.clv(100, 0.8, 0.1, horizon=3) == pytest.approx(by_hand)
    # future margins only: times 1..3
    by_hand_future = 100 * 0.8 / 1.1 + 100 * 0.64 / 1.21 + 100 * 0.512 / 1.331
    assert crm.clv(100, 0.8, 0.1, horizon=3, include_first=False) == pytest.approx(by_hand_future)


def test_clv_horizon_one_and_retention_zero():
    assert crm.clv(100, 0.8, 0.1, horizon=1) == pytest.approx(100.0)
    assert crm.clv(100, 0.8, 0.1, horizon=1, include_first=False) == pytest.approx(80 / 1.1)
    assert crm.clv(100, 0.0, 0.1) == pytest.approx(100.0)
    assert crm.clv(100, 0.0, 0.1, include_first=False) == 0.0


def test_clv_long_horizon_converges_and_inf_means_infinite():
    assert crm.clv(100, 0.8, 0.1, horizon=5000) == pytest.approx(crm.clv(100, 0.8, 0.1))
    assert crm.clv(100, 0.8, 0.1, horizon=math.inf) == crm.clv(100, 0.8, 0.1)


def test_clv_zero_discount_is_margin_times_expected_lifetime():
    # 100 / (1 - 0.8) = 500 = margin x five expected paid periods
    assert crm.clv(100, 0.8, 0.0) == pytest.approx(500.0)
    # without the first margin: the four expected future periods
    assert crm.clv(100, 0.8, 0.0, include_first=False) == pytest.approx(400.0)


def test_clv_acquisition_cost_subtracted_once():
    assert crm.clv(100, 0.8, 0.1, acquisition_cost=50) == pytest.approx(366.6666667 - 50)


def test_clv_broadcasts():
    out = crm.clv([100, 200], [[0.5], [0.8]], 0.1)
    assert out.shape == (2, 2)
    assert out[1, 1] == pytest.approx(2 * 366.6666667)
    assert out[0, 0] == pytest.approx(100 * 1.1 / 0.6)


@pytest.mark.parametrize(
    ("kwargs", "exc", "needle"),
    [
        ({"retention": 1.0}, ValueError, "retention"),
        ({"retention": -0.1}, ValueError, "retention"),
        ({"retention": float("nan")}, ValueError, "retention"),
        ({"discount_rate": -0.01}, ValueError, "discount_rate"),
        ({"acquisition_cost": -1}, ValueError, "acquisition_cost"),
        ({"margin": "100"}, TypeError, "margin"),
        ({"margin": []}, ValueError, "margin"),
        ({"horizon": 0}, ValueError, "horizon"),
        ({"horizon": 2.5}, TypeError, "horizon"),
        ({"margin": [1, 2, 3], "retention": [0.5, 0.6]}, ValueError, "broadcast"),
    ],
)
def test_clv_invalid(kwargs, exc, needle):
    args = {"margin": 100, "retention": 0.8, "discount_rate": 0.1} | kwargs
    with pytest.raises(exc, match=needle):
        crm.clv(**args)


@settings(max_examples=60, deadline=None)
@given(
    m=st.floats(1, 1000),
    r1=st.floats(0, 0.98),
    r2=st.floats(0, 0.98),
    d=st.floats(0, 0.5),
    horizon=st.one_of(st.none(), st.integers(1, 50)),
)
def test_clv_increases_with_retention(m, r1, r2, d, horizon):
    lo, hi = sorted((r1, r2))
    assert crm.clv(m, lo, d, horizon) <= crm.clv(m, hi, d, horizon) + 1e-9


@settings(max_examples=60, deadline=None)
@given(m=st.floats(1, 1000), r=st.floats(0.01, 0.98), d1=st.floats(0, 1), d2=st.floats(0, 1))
def test_clv_decreases_with_discount(m, r, d1, d2):
    lo, hi = sorted((d1, d2))
    assert crm.clv(m, r, hi, include_first=True) <= crm.clv(m, r, lo, include_first=True) + 1e-9


@settings(max_examples=60, deadline=None)
@given(m=st.floats(-100, 1000), r=st.floats(0, 0.98), d=st.floats(0, 0.5), h=st.integers(1, 40))
def test_clv_closed_form_matches_schedule(m, r, d, h):
    table = crm.clv_schedule(m, r, d, periods=h)
    assert table["cumulative_clv"].iloc[-1] == pytest.approx(
        crm.clv(m, r, d, horizon=h), rel=1e-9, abs=1e-9
    )


# ----------------------------------------------------------------------------------------------
# clv_schedule and customer_equity
# ----------------------------------------------------------------------------------------------


def test_clv_schedule_columns_and_values():
    table = crm.clv_schedule(100, 0.8, 0.1, periods=3, acquisition_cost=20)
    assert list(table.columns) == [
        "period",
        "time",
        "survival",
        "expected_margin",
        "discount_factor",
        "present_value",
        "cumulative_clv",
    ]
    assert table["period"].tolist() == [1, 2, 3]
    assert table["time"].tolist() == [0, 1, 2]
    assert table["survival"].tolist() == pytest.approx([1.0, 0.8, 0.64])
    assert table["cumulative_clv"].iloc[0] == pytest.approx(100 - 20)
    assert table["cumulative_clv"].iloc[-1] == pytest.approx(
        crm.clv(100, 0.8, 0.1, horizon=3, acquisition_cost=20)
    )


def test_clv_schedule_future_margins_start_one_period_later():
    table = crm.clv_schedule(100, 0.8, 0.1, periods=2, include_first=False)
    assert table["period"].tolist() == [1, 2]
    assert table["time"].tolist() == [1, 2]
    assert table["present_value"].iloc[0] == pytest.approx(80 / 1.1)


def test_clv_schedule_invalid():
    with pytest.raises(TypeError, match="retention"):
        crm.clv_schedule(100, [0.8, 0.9], 0.1, periods=3)
    with pytest.raises(ValueError, match="periods"):
        crm.clv_schedule(100, 0.8, 0.1, periods=0)
    with pytest.raises(ValueError, match="discount_rate"):
        crm.clv_schedule(100, 0.8, -0.1, periods=3)


def test_customer_equity_segments():
    # 1000 x 110 + 200 x 1650 = 440,000
    equity = crm.customer_equity([1000, 200], [50, 300], [0.6, 0.9], 0.1)
    assert equity == pytest.approx(440_000.0)
    with_cost = crm.customer_equity([1000, 200], [50, 300], [0.6, 0.9], 0.1, acquisition_cost=10)
    assert with_cost == pytest.approx(440_000.0 - 1200 * 10)
    future = crm.customer_equity([1000, 200], [50, 300], [0.6, 0.9], 0.1, include_first=False)
    assert future == pytest.approx(330_000.0)


def test_customer_equity_invalid():
    with pytest.raises(ValueError, match="customers"):
        crm.customer_equity(-5, 100, 0.8, 0.1)
    with pytest.raises(ValueError, match="retention"):
        crm.customer_equity(10, 100, 1.2, 0.1)
    with pytest.raises(ValueError, match="broadcast"):
        crm.customer_equity([1, 2, 3], [100, 200], 0.8, 0.1)


# ----------------------------------------------------------------------------------------------
# RFM
# ----------------------------------------------------------------------------------------------


@pytest.fixture
def small_log() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [3, 1, 1, 2, 1, 2, 4],
            "date": pd.to_datetime(
                [
                    "2024-01-10",
                    "2024-01-01",
                    "2024-01-01",
                    "2024-01-05",
                    "2024-01-20",
                    "2024-01-25",
                    "2024-01-30",
                ]
            ),
            "amount": [50.0, 10.0, 15.0, 20.0, 30.0, 5.0, 100.0],
        }
    )


def test_rfm_summary_hand_made(small_log):
    s = crm.rfm_summary(small_log)
    # analysis date = 2024-01-31 (day after the last transaction)
    assert s.index.tolist() == [1, 2, 3, 4]
    assert s.index.name == "customer_id"
    assert s["recency"].tolist() == [11, 6, 21, 1]
    assert s["frequency"].tolist() == [2, 2, 1, 1]  # customer 1: two rows on one day count once
    assert s["monetary"].tolist() == [55.0, 25.0, 50.0, 100.0]
    assert s["recency"].dtype == np.int64 and s["frequency"].dtype == np.int64


def test_rfm_summary_analysis_date_and_times_of_day(small_log):
    log = small_log.copy()
    log["date"] = log["date"] + pd.Timedelta(hours=15)
    s = crm.rfm_summary(log, analysis_date="2024-02-10")
    assert s["recency"].tolist() == [21, 16, 31, 11]


def test_rfm_summary_single_customer():
    log = pd.DataFrame({"c": ["a"], "d": ["2024-03-01"], "v": [9.5]})
    s = crm.rfm_summary(log, customer="c", date="d", amount="v")
    assert s.to_dict("index") == {"a": {"recency": 1, "frequency": 1, "monetary": 9.5}}


def test_rfm_summary_invalid(small_log):
    with pytest.raises(ValueError, match="missing column"):
        crm.rfm_summary(small_log.drop(columns="amount"))
    with pytest.raises(ValueError, match="empty"):
        crm.rfm_summary(small_log.iloc[:0])
    with pytest.raises(TypeError, match="DataFrame"):
        crm.rfm_summary(small_log.to_dict())
    bad = small_log.copy()
    bad.loc[0, "amount"] = np.nan
    with pytest.raises(ValueError, match="amount.*NaN"):
        crm.rfm_summary(bad)
    bad = small_log.copy()
    bad["date"] = bad["date"].astype(object)
    bad.loc[0, "date"] = None
    with pytest.raises(ValueError, match="date"):
        crm.rfm_summary(bad)
    with pytest.raises(ValueError, match="analysis_date"):
        crm.rfm_summary(small_log, analysis_date="2024-01-15")


def test_rfm_scores_hand_made():
    summary = pd.DataFrame(
        {
            "recency": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            "frequency": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
            "monetary": np.arange(10, 0, -1, dtype=float),
        }
    )
    out = crm.rfm_scores(summary)
    assert out["r_score"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert out["f_score"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert out["rfm_cell"].iloc[0] == "555" and out["rfm_cell"].iloc[-1] == "111"
    assert out["rfm_score"].tolist() == [15, 15, 12, 12, 9, 9, 6, 6, 3, 3]
    assert list(summary.columns) == ["recency", "frequency", "monetary"]  # input untouched


def test_rfm_scores_ties_get_one_score():
    summary = pd.DataFrame({"recency": [5] * 4, "frequency": [1, 1, 1, 9], "monetary": [1.0] * 4})
    out = crm.rfm_scores(summary, bins=4)
    assert out["r_score"].nunique() == 1
    assert out["f_score"].iloc[:3].nunique() == 1
    # ties="min" puts the tied block at the bottom
    low = crm.rfm_scores(summary, bins=4, ties="min")
    assert low["f_score"].tolist() == [1, 1, 1, 4]


def test_rfm_scores_bins_and_cell_format():
    summary = pd.DataFrame(
        {"recency": np.arange(20), "frequency": np.arange(20), "monetary": np.arange(20.0)}
    )
    out = crm.rfm_scores(summary, bins=10)
    assert out["f_score"].min() == 1 and out["f_score"].max() == 10
    assert out["rfm_cell"].iloc[-1] == "1-10-10"
    two = crm.rfm_scores(summary, bins=2)
    assert sorted(two["m_score"].unique()) == [1, 2]


def test_rfm_scores_single_customer():
    out = crm.rfm_scores(pd.DataFrame({"recency": [3], "frequency": [2], "monetary": [5.0]}))
    assert out["rfm_cell"].tolist() == ["333"]  # mid-rank 0.5 -> the middle bin


def test_rfm_scores_invalid():
    summary = pd.DataFrame({"recency": [1, 2], "frequency": [1, 2], "monetary": [1.0, 2.0]})
    with pytest.raises(ValueError, match="bins"):
        crm.rfm_scores(summary, bins=1)
    with pytest.raises(ValueError, match="bins"):
        crm.rfm_scores(summary, bins=11)
    with pytest.raises(ValueError, match="missing column"):
        crm.rfm_scores(summary.drop(columns="monetary"))
    with pytest.raises(ValueError, match="ties"):
        crm.rfm_scores(summary, ties="first")
    bad = summary.assign(recency=[1.0, np.nan])
    with pytest.raises(ValueError, match="recency"):
        crm.rfm_scores(bad)


@settings(max_examples=40, deadline=None)
@given(
    data=st.lists(
        st.tuples(st.integers(1, 30), st.integers(1, 5), st.integers(0, 50)),
        min_size=1,
        max_size=60,
    ),
    seed=st.integers(0, 2**32 - 1),
    bins=st.integers(2, 10),
)
def test_rfm_scores_invariant_to_row_shuffling(data, seed, bins):
    summary = pd.DataFrame(data, columns=["recency", "frequency", "monetary"])
    summary.index = [f"c{i}" for i in range(len(summary))]
    shuffled = summary.sample(frac=1.0, random_state=np.random.RandomState(seed % 2**32))
    a = crm.rfm_scores(summary, bins=bins)
    b = crm.rfm_scores(shuffled, bins=bins).loc[a.index]
    pd.testing.assert_frame_equal(a, b)
    # equal values always share a score
    for col, score in (("recency", "r_score"), ("frequency", "f_score")):
        assert (a.groupby(col)[score].nunique() == 1).all()


def test_rfm_pipeline_shuffle_on_cdnow_sample():
    log = load_cdnow().iloc[:5000]
    shuffled = log.sample(frac=1.0, random_state=7)
    a = crm.rfm_scores(crm.rfm_summary(log))
    b = crm.rfm_scores(crm.rfm_summary(shuffled))
    pd.testing.assert_frame_equal(a, b)


def _customers(rows):
    return pd.DataFrame(rows, columns=["recency", "frequency", "monetary"])


def test_rfm_segments_textbook_cases():
    frame = _customers(
        [
            (5, 8, 500.0),  # bought last week, often
            (150, 6, 300.0),  # frequent, seen within six months
            (30, 3, 60.0),  # recent repeat buyer
            (20, 1, 25.0),  # first and only purchase last month
            (120, 1, 25.0),  # one purchase four months ago
            (250, 7, 900.0),  # lapsed big spender
            (250, 2, 30.0),  # lapsed small repeat buyer
            (300, 1, 25.0),  # one purchase ten months ago
            (480, 3, 900.0),  # repeat buyer gone for more than a year
            (480, 1, 25.0),  # one purchase more than a year ago
        ]
    )
    out = crm.rfm_segments(frame, high_spend=200.0)
    assert out["segment"].tolist() == [rule.segment for rule in crm.RFM_SEGMENT_RULES]
    assert out.attrs["high_spend"] == 200.0


@pytest.mark.parametrize(
    ("recency", "frequency", "segment"),
    [
        (0, 4, "Champions"),
        (90, 4, "Champions"),
        (90.5, 4, "Champions"),
        (91, 4, "Loyal customers"),
        (180, 4, "Loyal customers"),
        (181, 4, "At risk"),
        (365, 3, "At risk"),
        (366, 3, "Hibernating"),
        (90, 3, "Potential loyalists"),
        (180, 2, "Potential loyalists"),
        (90, 1, "New customers"),
        (91, 1, "Awaiting a second purchase"),
        (181, 1, "Lapsing one-time buyers"),
        (365, 1, "Lapsing one-time buyers"),
        (366, 1, "Lost"),
        (10_000, 1, "Lost"),
    ],
)
def test_rfm_segments_window_boundaries(recency, frequency, segment):
    frame = _customers([(recency, frequency, 10.0)])
    assert crm.rfm_segments(frame, high_spend=100.0)["segment"].iloc[0] == segment


def test_rfm_segments_spend_threshold_boundary_and_default():
    frame = _customers([(200, 2, 100.0), (200, 2, 99.99)])
    assert crm.rfm_segments(frame, high_spend=100.0)["segment"].tolist() == [
        "Can't lose them",
        "At risk",
    ]
    spend = pd.Series(np.arange(1.0, 11.0))
    frame = _customers([(200, 2, v) for v in spend])
    out = crm.rfm_segments(frame)
    assert out.attrs["high_spend"] == pytest.approx(np.quantile(spend, 0.8))
    assert (out["segment"] == "Can't lose them").sum() == 2  # the top 20 %


def test_rfm_default_rules_partition_every_customer():
    recency = np.arange(0, 800)
    grid = pd.DataFrame(
        [(r, f, m) for r in recency for f in (1, 2, 3, 4, 9) for m in (1.0, 1000.0)],
        columns=["recency", "frequency", "monetary"],
    )
    rec, freq, big = grid["recency"], grid["frequency"], grid["monetary"] >= 500.0
    hits = np.zeros(len(grid), dtype=int)
    for rule in crm.RFM_SEGMENT_RULES:
        hit = rec.between(rule.recency[0], rule.recency[1], inclusive="left")
        hit &= freq.between(rule.frequency[0], rule.frequency[1], inclusive="left")
        if rule.high_spend is not None:
            hit &= big == rule.high_spend
        hits += hit.to_numpy()
    assert (hits == 1).all()
    out = crm.rfm_segments(grid, high_spend=500.0)
    assert list(out["segment"].cat.categories) == [r.segment for r in crm.RFM_SEGMENT_RULES]


def test_rfm_segments_one_time_buyers_never_split_by_month():
    # one-time buyers of any age beyond a year share one segment, unlike quintile scores
    frame = _customers([(r, 1, 20.0) for r in range(366, 600, 7)])
    assert crm.rfm_segments(frame)["segment"].nunique() == 1


@settings(max_examples=40, deadline=None)
@given(
    data=st.lists(
        st.tuples(st.integers(0, 700), st.integers(1, 12), st.integers(0, 500)),
        min_size=1,
        max_size=60,
    ),
    seed=st.integers(0, 2**32 - 1),
)
def test_rfm_segments_invariant_to_row_order_and_equal_customers(data, seed):
    summary = pd.DataFrame(data, columns=["recency", "frequency", "monetary"])
    summary["monetary"] = summary["monetary"].astype(float)
    summary.index = [f"c{i}" for i in range(len(summary))]
    shuffled = summary.sample(frac=1.0, random_state=np.random.RandomState(seed % 2**32))
    a = crm.rfm_segments(summary)
    b = crm.rfm_segments(shuffled).loc[a.index]
    pd.testing.assert_series_equal(a["segment"], b["segment"])
    assert (a.groupby(["recency", "frequency", "monetary"])["segment"].nunique() == 1).all()


def test_rfm_segments_on_scores_and_cdnow_sample():
    log = load_cdnow().iloc[:5000]
    summary = crm.rfm_summary(log)
    a = crm.rfm_segments(crm.rfm_scores(summary))
    b = crm.rfm_segments(summary)
    pd.testing.assert_series_equal(a["segment"], b["segment"])
    shuffled = crm.rfm_segments(crm.rfm_summary(log.sample(frac=1.0, random_state=3)))
    pd.testing.assert_series_equal(shuffled["segment"], b["segment"])


def test_rfm_segment_summary_reports_empty_segments():
    frame = _customers([(10, 6, 300.0), (500, 1, 12.0), (520, 1, 20.0)])
    table = crm.rfm_segment_summary(crm.rfm_segments(frame))
    assert list(table.index) == [r.segment for r in crm.RFM_SEGMENT_RULES]
    assert table["customers"].sum() == 3
    assert table.loc["Lost", "mean_recency"] == pytest.approx(510.0)
    assert table.loc["Lost", "value_share"] == pytest.approx(32.0 / 332.0)
    empty = table.loc["At risk"]
    assert empty["customers"] == 0 and empty["value"] == 0.0
    assert np.isnan(empty["mean_recency"]) and np.isnan(empty["mean_spend"])


def test_rfm_segment_table_prints_the_rule():
    table = crm.rfm_segment_table()
    assert list(table.index) == [r.segment for r in crm.RFM_SEGMENT_RULES]
    assert table.loc["Hibernating", "recency (days)"] == "366 or more"
    assert table.loc["Lapsing one-time buyers", "purchase days"] == "1"
    assert table.loc["Potential loyalists", "purchase days"] == "2-3"
    assert table.loc["At risk", "spend"] == "below top 20 %"
    assert crm.rfm_segment_table(high_spend=133.95).loc["Can't lose them", "spend"] == (
        "133.95 or more"
    )


def test_rfm_segments_custom_rules():
    rules = [
        crm.SegmentRule("Active", (0, 30), (1, np.inf), None, "serve"),
        crm.SegmentRule("Inactive", (30, np.inf), (1, np.inf), None, "remind"),
    ]
    frame = _customers([(29, 1, 5.0), (30, 3, 5.0)])
    assert crm.rfm_segments(frame, rules=rules)["segment"].tolist() == ["Active", "Inactive"]
    with pytest.raises(ValueError, match="unclassified, e.g. recency 30"):
        crm.rfm_segments(frame, rules=rules[:1])


def test_rfm_segments_invalid():
    good = _customers([(10, 2, 5.0)])
    with pytest.raises(ValueError, match="monetary"):
        crm.rfm_segments(good.drop(columns="monetary"))
    with pytest.raises(ValueError, match=">= 0 days; got -1"):
        crm.rfm_segments(_customers([(-1, 2, 5.0)]))
    with pytest.raises(ValueError, match=">= 1 purchase day; got 0"):
        crm.rfm_segments(_customers([(3, 0, 5.0)]))
    with pytest.raises(ValueError):
        crm.rfm_segments(_customers([(np.nan, 2, 5.0)]))
    with pytest.raises(TypeError, match="SegmentRule"):
        crm.rfm_segments(good, rules=[("Champions", (5, 5), (4, 5))])
    with pytest.raises(ValueError, match="low < high"):
        crm.rfm_segments(good, rules=[crm.SegmentRule("x", (10, 10), (1, 2), None, "")])
    with pytest.raises(ValueError, match="twice"):
        rule = crm.SegmentRule("x", (0, np.inf), (1, np.inf), None, "")
        crm.rfm_segments(good, rules=[rule, rule])
    with pytest.raises(ValueError, match="empty"):
        crm.rfm_segments(good, rules=[])


# ----------------------------------------------------------------------------------------------
# Pareto, Lorenz, Gini
# ----------------------------------------------------------------------------------------------


def test_gini_known_values():
    assert crm.gini([5, 5, 5, 5]) == pytest.approx(0.0)
    for n in (1, 2, 4, 10):
        assert crm.gini([0] * (n - 1) + [7]) == pytest.approx((n - 1) / n)
    assert crm.gini([1, 1, 2, 6]) == pytest.approx(0.4)


def test_pareto_share_hand_made():
    values = [1, 1, 2, 6]
    assert crm.pareto_share(values, top=0.25) == pytest.approx(0.6)
    assert crm.pareto_share(values, top=0.5) == pytest.approx(0.8)
    assert crm.pareto_share(values, top=1.0) == pytest.approx(1.0)
    # top 10% of 4 customers = 0.4 of the largest customer = 0.4 * 0.6
    assert crm.pareto_share(values, top=0.1) == pytest.approx(0.24)


def test_lorenz_curve_hand_made():
    curve = crm.lorenz_curve([6, 1, 2, 1])
    assert curve["customer_share"].tolist() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert curve["value_share"].tolist() == pytest.approx([0, 0.1, 0.2, 0.4, 1])


@pytest.mark.parametrize("func", [crm.gini, crm.lorenz_curve, crm.pareto_share])
def test_concentration_invalid(func):
    with pytest.raises(ValueError, match="values"):
        func([])
    with pytest.raises(ValueError, match="values"):
        func([1, -1])
    with pytest.raises(ValueError, match="values"):
        func([0, 0])
    with pytest.raises(ValueError, match="values"):
        func([1, np.nan])
    with pytest.raises(TypeError, match="values"):
        func("abc")


def test_pareto_share_invalid_top():
    with pytest.raises(ValueError, match="top"):
        crm.pareto_share([1, 2], top=0)
    with pytest.raises(ValueError, match="top"):
        crm.pareto_share([1, 2], top=1.5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=80).filter(lambda v: sum(v) > 0))
def test_lorenz_convex_and_ends_at_one(values):
    curve = crm.lorenz_curve(values)
    x = curve["customer_share"].to_numpy()
    y = curve["value_share"].to_numpy()
    assert (x[0], y[0]) == (0.0, 0.0)
    assert (x[-1], y[-1]) == (1.0, 1.0)
    slopes = np.diff(y) / np.diff(x)
    assert (np.diff(slopes) >= -1e-9).all()  # convex: slopes never decrease
    assert (y <= x + 1e-12).all()
    g = crm.gini(values)
    assert -1e-12 <= g <= (len(values) - 1) / len(values) + 1e-12
    top = crm.pareto_share(values, 0.2)
    assert 0.2 - 1e-9 <= top <= 1 + 1e-12


# ----------------------------------------------------------------------------------------------
# Customer pyramid
# ----------------------------------------------------------------------------------------------


def test_customer_pyramid_default_tiers_on_100_customers():
    values = pd.Series(np.arange(100, 0, -1, dtype=float), index=[f"c{i}" for i in range(100)])
    res = crm.customer_pyramid(values)
    assert res.summary.index.tolist() == ["Platinum", "Gold", "Iron", "Lead"]
    assert res.summary["customers"].tolist() == [5, 15, 30, 50]
    assert res.tier["c0"] == "Platinum" and res.tier["c99"] == "Lead"
    assert res.tier.index.equals(values.index)
    assert res.summary["value"].iloc[0] == pytest.approx(100 + 99 + 98 + 97 + 96)
    assert res.summary["value_share"].sum() == pytest.approx(1.0)
    assert res.summary["mean_value"].iloc[0] == pytest.approx(98.0)
    assert list(res.summary.columns) == [
        "customers",
        "customer_share",
        "value",
        "value_share",
        "mean_value",
    ]
    assert "PyramidResult(100 customers)" in repr(res)


def test_customer_pyramid_ties_stay_together_and_single_customer():
    res = crm.customer_pyramid([3, 3, 3, 3], tiers={"Top": 0.5, "Rest": 0.5})
    assert res.tier.nunique() == 1
    one = crm.customer_pyramid([10.0])
    assert one.summary["customers"].sum() == 1


def test_customer_pyramid_invalid():
    with pytest.raises(ValueError, match="sum to 1"):
        crm.customer_pyramid([1, 2], tiers={"A": 0.5, "B": 0.4})
    with pytest.raises(ValueError, match="tiers"):
        crm.customer_pyramid([1, 2], tiers={"A": 0.0, "B": 1.0})
    with pytest.raises(TypeError, match="tiers"):
        crm.customer_pyramid([1, 2], tiers=[0.5, 0.5])
    with pytest.raises(ValueError, match="values"):
        crm.customer_pyramid([1, -2])

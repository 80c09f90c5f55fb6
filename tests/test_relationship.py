"""Tests of cpvkit.relationship: retention economics, word of mouth, recovery and the ladder."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpvkit import crm, relationship
from cpvkit.datasets import load_cdnow

# ----------------------------------------------------------------------------------------------
# expected_lifetime and survival
# ----------------------------------------------------------------------------------------------


def test_expected_lifetime_textbook():
    assert relationship.expected_lifetime(0.8) == pytest.approx(5.0)
    assert type(relationship.expected_lifetime(0.8)) is float
    assert relationship.expected_lifetime(0.0) == 1.0
    assert relationship.expected_lifetime([0.5, 0.95]) == pytest.approx([2.0, 20.0])


@pytest.mark.parametrize("bad", [1.0, -0.2, 1.5, float("nan")])
def test_expected_lifetime_invalid(bad):
    with pytest.raises(ValueError, match="retention"):
        relationship.expected_lifetime(bad)


def test_expected_lifetime_type_and_empty():
    with pytest.raises(TypeError, match="retention"):
        relationship.expected_lifetime("0.8")
    with pytest.raises(ValueError, match="retention.*empty"):
        relationship.expected_lifetime([])


def test_survival_values_and_shapes():
    assert relationship.survival(0.8, 3) == pytest.approx([1, 0.8, 0.64, 0.512])
    assert relationship.survival(0.0, 2).tolist() == [1.0, 0.0, 0.0]
    grid = relationship.survival([0.5, 0.9], 4)
    assert grid.shape == (2, 5)
    assert grid[1, 4] == pytest.approx(0.9**4)


def test_survival_invalid():
    with pytest.raises(ValueError, match="retention"):
        relationship.survival(1.0, 3)
    with pytest.raises(ValueError, match="periods"):
        relationship.survival(0.8, 0)
    with pytest.raises(TypeError, match="periods"):
        relationship.survival(0.8, 2.5)


@settings(max_examples=60, deadline=None)
@given(r=st.floats(0, 0.999), periods=st.integers(1, 200))
def test_survival_non_increasing(r, periods):
    s = relationship.survival(r, periods)
    assert s[0] == 1.0
    assert (np.diff(s) <= 0).all()
    assert (s >= 0).all()


# ----------------------------------------------------------------------------------------------
# cohort_projection and retention_table
# ----------------------------------------------------------------------------------------------


def test_cohort_projection_by_hand():
    # 1,000 customers pay 100 each at acquisition (time 0), then 800 at time 1, 640 at time 2
    table = relationship.cohort_projection(
        1000, 0.8, 100, periods=3, discount_rate=0.1, acquisition_cost=150
    )
    assert table["period"].tolist() == [1, 2, 3]
    assert table["time"].tolist() == [0, 1, 2]
    assert table["customers"].tolist() == pytest.approx([1000, 800, 640])
    assert table["lost"].tolist() == pytest.approx([0, 200, 160])
    assert table["profit"].tolist() == pytest.approx([-50_000, 80_000, 64_000])
    assert table["cumulative_profit"].iloc[-1] == pytest.approx(94_000)
    expected_pv = 1000 * (crm.clv(100, 0.8, 0.1, horizon=3) - 150)
    assert table["cumulative_present_value"].iloc[-1] == pytest.approx(expected_pv)


def test_cohort_projection_future_margins_matches_clv():
    table = relationship.cohort_projection(
        500, 0.7, 40, periods=5, discount_rate=0.08, acquisition_cost=10, include_first=False
    )
    expected = 500 * crm.clv(40, 0.7, 0.08, horizon=5, include_first=False, acquisition_cost=10)
    assert table["cumulative_present_value"].iloc[-1] == pytest.approx(expected)
    assert table["customers"].iloc[0] == pytest.approx(500 * 0.7)
    assert table["lost"].iloc[0] == pytest.approx(150)
    # the acquisition spend is paid at time 0, undiscounted
    assert table["present_value"].iloc[0] == pytest.approx(350 * 40 / 1.08 - 5000)


def test_cohort_projection_retention_zero():
    table = relationship.cohort_projection(100, 0.0, 10, periods=2)
    assert table["customers"].tolist() == [100.0, 0.0]
    assert table["cumulative_profit"].iloc[-1] == pytest.approx(1000.0)


@pytest.mark.parametrize(
    ("kwargs", "exc", "needle"),
    [
        ({"customers": -1}, ValueError, "customers"),
        ({"retention": 1.0}, ValueError, "retention"),
        ({"retention": [0.5]}, TypeError, "retention"),
        ({"margin": np.nan}, ValueError, "margin"),
        ({"periods": 0}, ValueError, "periods"),
        ({"discount_rate": -0.1}, ValueError, "discount_rate"),
        ({"acquisition_cost": -5}, ValueError, "acquisition_cost"),
    ],
)
def test_cohort_projection_invalid(kwargs, exc, needle):
    args = {"customers": 100, "retention": 0.8, "margin": 10, "periods": 3} | kwargs
    with pytest.raises(exc, match=needle):
        relationship.cohort_projection(**args)


def test_retention_table_50_to_95():
    rates = np.round(np.arange(0.50, 0.951, 0.05), 2)
    table = relationship.retention_table(rates, margin=100, discount_rate=0.1)
    assert list(table.columns) == ["retention", "churn", "lifetime", "clv"]
    assert len(table) == 10
    assert table["lifetime"].iloc[0] == pytest.approx(2.0)
    assert table["lifetime"].iloc[-1] == pytest.approx(20.0)
    row = table.set_index("retention").loc[0.8]
    assert row["clv"] == pytest.approx(366.6666667)
    assert table["clv"].iloc[-1] == pytest.approx(100 * 1.1 / 0.15)
    assert table["clv"].is_monotonic_increasing


def test_retention_table_invalid():
    with pytest.raises(ValueError, match="retention_rates"):
        relationship.retention_table([0.5, 1.0], margin=100)
    with pytest.raises(ValueError, match="retention_rates.*empty"):
        relationship.retention_table([], margin=100)
    with pytest.raises(ValueError, match="discount_rate"):
        relationship.retention_table([0.5], margin=100, discount_rate=-1)


# ----------------------------------------------------------------------------------------------
# acquisition_vs_retention and retention_profit_effect
# ----------------------------------------------------------------------------------------------


def test_acquisition_vs_retention_by_hand():
    res = relationship.acquisition_vs_retention(1000, 0.80, 0.85, 100, 10)
    assert res.lost_without_programme == pytest.approx(200)
    assert res.lost_with_programme == pytest.approx(150)
    assert res.customers_saved == pytest.approx(50)
    assert res.programme_cost == pytest.approx(10_000)
    assert res.cost_per_customer_saved == pytest.approx(200)
    assert res.cost_ratio == pytest.approx(0.5)
    assert res.cost_without_programme == pytest.approx(20_000)
    assert res.cost_with_programme == pytest.approx(25_000)
    assert res.saving == pytest.approx(-5_000)
    assert res.cheaper == "acquisition"
    cheap = relationship.acquisition_vs_retention(1000, 0.80, 0.85, 100, 2)
    assert cheap.cheaper == "retention" and cheap.saving == pytest.approx(3_000)
    assert "AcquisitionRetention(" in repr(res)
    assert res.as_dict()["customers_saved"] == pytest.approx(50)


def test_acquisition_vs_retention_no_improvement_and_arrays():
    res = relationship.acquisition_vs_retention(100, 0.8, 0.8, 50, 1)
    assert res.cost_per_customer_saved == np.inf
    assert res.cheaper == "acquisition"
    arr = relationship.acquisition_vs_retention(1000, 0.8, [0.81, 0.9], 100, 5)
    assert arr.cheaper.tolist() == ["acquisition", "retention"]


def test_acquisition_vs_retention_at_the_edges_of_cost_and_size():
    # per customer saved is c / (r1 - r0) whatever the number of customers, even none or a
    # number too small to multiply by
    for n in (0, 5e-324, 1e300):
        res = relationship.acquisition_vs_retention(n, 0.7, 0.8, 100, 5)
        assert res.cost_per_customer_saved == pytest.approx(50)
        assert res.cost_ratio == pytest.approx(2)
    free = relationship.acquisition_vs_retention(1000, 0.7, 0.8, 100, 0)
    assert free.cost_ratio == np.inf and free.cost_per_customer_saved == 0
    tiny = relationship.acquisition_vs_retention(1000, 0.7, 0.8, 100, 1e-300)
    assert tiny.cost_ratio == pytest.approx(1e301)
    # the true ratio, 2e324, is beyond the largest float: an error, not inf
    with pytest.raises(ValueError, match="cost_ratio overflows.*allowed: inputs whose products"):
        relationship.acquisition_vs_retention(1000, 0.7, 0.8, 100, 5e-324)
    with pytest.raises(ValueError, match="programme_cost overflows"):
        relationship.acquisition_vs_retention(1e300, 0.7, 0.8, 100, 1e300)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"customers": -1}, "customers"),
        ({"retention": 1.0}, "retention"),
        ({"improved_retention": 0.7}, "improved_retention"),
        ({"acquisition_cost": -1}, "acquisition_cost"),
        ({"retention_cost": np.nan}, "retention_cost"),
    ],
)
def test_acquisition_vs_retention_invalid(kwargs, needle):
    args = {
        "customers": 100,
        "retention": 0.8,
        "improved_retention": 0.85,
        "acquisition_cost": 100,
        "retention_cost": 5,
    } | kwargs
    with pytest.raises(ValueError, match=needle):
        relationship.acquisition_vs_retention(**args)


def test_retention_profit_effect_matches_clv():
    eff = relationship.retention_profit_effect(100, 0.80, 0.85, discount_rate=0.1, customers=10)
    assert eff.clv_before == pytest.approx(crm.clv(100, 0.80, 0.1))
    assert eff.clv_after == pytest.approx(crm.clv(100, 0.85, 0.1))
    assert eff.clv_change_pct == pytest.approx(100 * (440 / (1100 / 3) - 1))
    assert eff.lifetime_before == pytest.approx(5) and eff.lifetime_after == pytest.approx(1 / 0.15)
    assert eff.equity_change == pytest.approx(10 * eff.clv_change)


def test_retention_profit_effect_margin_growth_by_hand():
    # horizon 2, growth 10%: margin 100 at acquisition, then 110 if the customer stays
    eff = relationship.retention_profit_effect(
        100, 0.5, 0.6, discount_rate=0.0, horizon=2, margin_growth=0.1
    )
    assert eff.clv_before == pytest.approx(100 + 110 * 0.5)
    assert eff.clv_after == pytest.approx(100 + 110 * 0.6)
    infinite = relationship.retention_profit_effect(100, 0.5, 0.6, margin_growth=0.1)
    # sum_t 100 * (1.1 r)^(t-1) = 100 / (1 - 1.1 r)
    assert infinite.clv_before == pytest.approx(100 / (1 - 0.55))
    future = relationship.retention_profit_effect(
        100, 0.5, 0.6, margin_growth=0.1, include_first=False
    )
    # the future margins 100 * 1.1^(t-1) * r^t = 100 r / (1 - 1.1 r)
    assert future.clv_before == pytest.approx(100 * 0.5 / (1 - 0.55))


def test_retention_profit_effect_growth_zero_equals_clv_with_horizon():
    eff = relationship.retention_profit_effect(
        50, 0.7, 0.9, 0.05, horizon=7, include_first=True, acquisition_cost=20
    )
    assert eff.clv_after == pytest.approx(
        crm.clv(50, 0.9, 0.05, horizon=7, include_first=True, acquisition_cost=20)
    )


def test_retention_profit_effect_invalid():
    with pytest.raises(ValueError, match="improved_retention"):
        relationship.retention_profit_effect(100, 0.8, 1.0)
    with pytest.raises(ValueError, match="discount_rate"):
        relationship.retention_profit_effect(100, 0.8, 0.9, discount_rate=-0.1)
    with pytest.raises(ValueError, match="margin_growth"):
        relationship.retention_profit_effect(100, 0.8, 0.9, margin_growth=-1)
    with pytest.raises(ValueError, match="diverges"):
        relationship.retention_profit_effect(100, 0.8, 0.95, margin_growth=0.1)
    with pytest.raises(ValueError, match="margin"):
        relationship.retention_profit_effect(np.nan, 0.8, 0.9)


@settings(max_examples=60, deadline=None)
@given(m=st.floats(1, 500), r0=st.floats(0, 0.9), dr=st.floats(0, 0.09), d=st.floats(0, 0.3))
def test_retention_improvement_never_lowers_clv(m, r0, dr, d):
    eff = relationship.retention_profit_effect(m, r0, r0 + dr, discount_rate=d)
    assert eff.clv_change >= -1e-9


# ----------------------------------------------------------------------------------------------
# word_of_mouth and complaint_recovery
# ----------------------------------------------------------------------------------------------


def test_word_of_mouth_formula():
    res = relationship.word_of_mouth(50, tell=9, retell=3)
    assert res.direct == 450.0
    assert res.indirect == 1350.0
    assert res.total == 1800.0
    assert relationship.word_of_mouth(50, tell=9).total == 450.0
    assert relationship.word_of_mouth(0, tell=9, retell=3).total == 0.0
    arr = relationship.word_of_mouth([10, 20], tell=2)
    assert arr.total.tolist() == [20.0, 40.0]


@pytest.mark.parametrize("arg", ["dissatisfied", "tell", "retell"])
def test_word_of_mouth_invalid(arg):
    args = {"dissatisfied": 10, "tell": 5, "retell": 1} | {arg: -1}
    with pytest.raises(ValueError, match=arg):
        relationship.word_of_mouth(**args)
    args[arg] = np.nan
    with pytest.raises(ValueError, match=arg):
        relationship.word_of_mouth(**args)


def test_complaint_recovery_by_hand():
    res = relationship.complaint_recovery(
        1000,
        0.3,
        0.5,
        repurchase_resolved=0.8,
        repurchase_unresolved=0.2,
        repurchase_silent=0.1,
        customer_value=200,
    )
    assert res.complainers == pytest.approx(300)
    assert res.silent == pytest.approx(700)
    assert res.resolved == pytest.approx(150) and res.unresolved == pytest.approx(150)
    assert res.retained_resolved == pytest.approx(120)
    assert res.retained_unresolved == pytest.approx(30)
    assert res.retained_silent == pytest.approx(70)
    assert res.retained == pytest.approx(220)
    assert res.retained_without_recovery == pytest.approx(130)
    assert res.recovered_customers == pytest.approx(90)
    assert res.retention_rate == pytest.approx(0.22)
    assert res.recovered_value == pytest.approx(18_000)


def test_complaint_recovery_edge_cases():
    none = relationship.complaint_recovery(0, 0.5, 0.5, 0.9, 0.1, 0.2)
    assert none.retained == 0.0 and np.isnan(none.retention_rate)
    assert np.isnan(none.recovered_value)
    nobody_complains = relationship.complaint_recovery(100, 0.0, 1.0, 0.9, 0.1, 0.2)
    assert nobody_complains.recovered_customers == 0.0
    assert nobody_complains.retained == pytest.approx(20)


@pytest.mark.parametrize(
    "arg",
    [
        "complain_rate",
        "resolved_rate",
        "repurchase_resolved",
        "repurchase_unresolved",
        "repurchase_silent",
    ],
)
def test_complaint_recovery_invalid_rates(arg):
    args = {
        "dissatisfied": 100,
        "complain_rate": 0.4,
        "resolved_rate": 0.5,
        "repurchase_resolved": 0.9,
        "repurchase_unresolved": 0.2,
        "repurchase_silent": 0.1,
    }
    args[arg] = 1.2
    with pytest.raises(ValueError, match=arg):
        relationship.complaint_recovery(**args)


def test_complaint_recovery_invalid_count_and_value():
    with pytest.raises(ValueError, match="dissatisfied"):
        relationship.complaint_recovery(-1, 0.4, 0.5, 0.9, 0.2, 0.1)
    with pytest.raises(TypeError, match="customer_value"):
        relationship.complaint_recovery(10, 0.4, 0.5, 0.9, 0.2, 0.1, customer_value="a lot")


# ----------------------------------------------------------------------------------------------
# development_ladder
# ----------------------------------------------------------------------------------------------


@pytest.fixture
def ladder_log() -> pd.DataFrame:
    rows = [
        # customer 1: 4 occasions over 8 months, recent -> client (advocate with referrals)
        (1, "2024-01-01"), (1, "2024-03-01"), (1, "2024-06-01"), (1, "2024-09-01"),
        # customer 2: two occasions -> repeat customer
        (2, "2024-01-05"), (2, "2024-02-05"),
        # customer 3: two rows on the same day -> one occasion -> first-time customer
        (3, "2024-05-01"), (3, "2024-05-01"),
        # customer 4: client pattern but lapsed (last purchase long ago)
        (4, "2021-01-01"), (4, "2021-04-01"), (4, "2021-07-01"), (4, "2021-10-01"),
        # customer 5: client, partner
        (5, "2024-01-01"), (5, "2024-04-01"), (5, "2024-07-01"), (5, "2024-08-01"),
        # customer 6: many purchases but tenure only a month -> repeat customer
        (6, "2024-08-01"), (6, "2024-08-10"), (6, "2024-08-20"), (6, "2024-08-30"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["customer_id", "date"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_development_ladder_stages(ladder_log):
    out = relationship.development_ladder(
        ladder_log, prospects=[3, 99], referrals={1: 2, 5: 4, 2: 10}, partners=[5, 6]
    )
    stages = out["stage"].astype(str).to_dict()
    assert stages == {
        1: "advocate",
        2: "repeat customer",
        3: "first-time customer",
        4: "repeat customer",
        5: "partner",
        6: "repeat customer",
        99: "prospect",
    }
    assert out.loc[3, "purchases"] == 1
    assert out.loc[1, "tenure_days"] == 244
    assert out.loc[1, "recency_days"] == 1
    assert np.isnan(out.loc[99, "recency_days"])
    assert list(out["stage"].cat.categories) == list(relationship.LADDER_STAGES)
    assert out["stage"].cat.ordered


def test_development_ladder_thresholds_are_parameters(ladder_log):
    out = relationship.development_ladder(
        ladder_log, client_tenure_days=0, active_days=5000, client_purchases=4
    )
    stages = out["stage"].astype(str)
    assert stages[4] == "client" and stages[6] == "client"
    strict = relationship.development_ladder(ladder_log, repeat_purchases=3, client_purchases=5)
    assert strict["stage"].astype(str)[2] == "first-time customer"


def test_development_ladder_on_cdnow_is_order_free():
    log = load_cdnow()
    out = relationship.development_ladder(log)
    assert len(out) == 23_570
    shuffled = relationship.development_ladder(log.sample(frac=1.0, random_state=1))
    pd.testing.assert_series_equal(out["stage"], shuffled["stage"])
    summary = crm.rfm_summary(log)
    assert (out["purchases"].to_numpy() == summary["frequency"].to_numpy()).all()
    first_time = (out["stage"] == "first-time customer").sum()
    assert first_time == (summary["frequency"] == 1).sum()


def test_development_ladder_invalid(ladder_log):
    with pytest.raises(ValueError, match="date"):
        relationship.development_ladder(ladder_log.drop(columns="date"))
    with pytest.raises(ValueError, match="empty"):
        relationship.development_ladder(ladder_log.iloc[:0])
    with pytest.raises(ValueError, match="repeat_purchases"):
        relationship.development_ladder(ladder_log, repeat_purchases=1)
    with pytest.raises(ValueError, match="client_purchases"):
        relationship.development_ladder(ladder_log, repeat_purchases=3, client_purchases=2)
    with pytest.raises(ValueError, match="referrals"):
        relationship.development_ladder(ladder_log, referrals={1: -1})
    with pytest.raises(ValueError, match="analysis_date"):
        relationship.development_ladder(ladder_log, analysis_date="2020-01-01")
    with pytest.raises(TypeError, match="active_days"):
        relationship.development_ladder(ladder_log, active_days="a year")


# ----------------------------------------------------------------------------------------------
# Reconciliation: one timing convention across crm and relationship
# ----------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(m=st.floats(1, 1000), r=st.floats(0, 0.98))
def test_undiscounted_clv_is_margin_times_expected_lifetime(m, r):
    assert crm.clv(m, r, 0.0) == pytest.approx(m * relationship.expected_lifetime(r), rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    m=st.floats(1, 1000),
    r=st.floats(0, 0.98),
    d=st.floats(0, 0.5),
    first=st.booleans(),
)
def test_clv_of_new_customer_is_margin_plus_margin_multiple(m, r, d, first):
    multiple = r / (1 + d - r)
    assert crm.clv(m, r, d) == pytest.approx(m + m * multiple, rel=1e-9)
    assert crm.clv(m, r, d, include_first=False) == pytest.approx(m * multiple, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    m=st.floats(-100, 1000),
    r=st.floats(0, 0.98),
    d=st.floats(0, 0.5),
    h=st.integers(1, 60),
    a=st.floats(0, 500),
    first=st.booleans(),
)
def test_schedule_cohort_and_clv_agree(m, r, d, h, a, first):
    value = crm.clv(m, r, d, horizon=h, include_first=first, acquisition_cost=a)
    schedule = crm.clv_schedule(m, r, d, periods=h, include_first=first, acquisition_cost=a)
    assert schedule["cumulative_clv"].iloc[-1] == pytest.approx(value, rel=1e-9, abs=1e-9)
    assert schedule["present_value"].sum() - a == pytest.approx(value, rel=1e-9, abs=1e-9)
    cohort = relationship.cohort_projection(
        250, r, m, periods=h, discount_rate=d, acquisition_cost=a, include_first=first
    )
    assert cohort["cumulative_present_value"].iloc[-1] / 250 == pytest.approx(
        value, rel=1e-9, abs=1e-9
    )
    assert cohort["customers"].to_numpy() / 250 == pytest.approx(
        schedule["survival"].to_numpy(), rel=1e-12, abs=1e-12
    )


def test_finite_horizon_sums_the_first_terms():
    m, r, d = 100.0, 0.8, 0.1
    terms = [m * r ** (t - 1) / (1 + d) ** (t - 1) for t in range(1, 6)]
    for horizon in range(1, 6):
        assert crm.clv(m, r, d, horizon=horizon) == pytest.approx(sum(terms[:horizon]))
    assert crm.clv(m, r, d, horizon=10_000) == pytest.approx(crm.clv(m, r, d))


def test_cohort_size_follows_the_convention():
    cohort = relationship.cohort_projection(1000, 0.5, 10, periods=4)
    # period t has N r^(t-1) active customers
    assert cohort["customers"].tolist() == pytest.approx([1000, 500, 250, 125])
    undiscounted = relationship.cohort_projection(1000, 0.5, 10, periods=10_000)
    assert undiscounted["customers"].sum() / 1000 == pytest.approx(
        relationship.expected_lifetime(0.5)
    )


def test_retention_table_and_effect_match_clv():
    rates = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
    table = relationship.retention_table(rates, margin=100)
    assert table["clv"].to_numpy() == pytest.approx(100 * table["lifetime"].to_numpy())
    assert table["lifetime"].tolist() == pytest.approx([2, 2.5, 10 / 3, 5, 10, 20])
    discounted = relationship.retention_table(rates, margin=100, discount_rate=0.1, horizon=8)
    assert discounted["clv"].to_numpy() == pytest.approx(crm.clv(100, rates, 0.1, horizon=8))
    eff = relationship.retention_profit_effect(100, 0.8, 0.9, discount_rate=0.1, horizon=8)
    assert eff.clv_before == pytest.approx(discounted["clv"].iloc[3])
    assert eff.clv_after == pytest.approx(discounted["clv"].iloc[4])
    assert crm.customer_equity(1000, 100, 0.8, 0.1) == pytest.approx(1000 * crm.clv(100, 0.8, 0.1))


@settings(max_examples=60, deadline=None)
@given(
    m=st.floats(1, 1000),
    r=st.floats(0, 0.98),
    d=st.floats(0, 0.5),
    h=st.one_of(st.none(), st.integers(1, 60)),
    n=st.integers(1, 8),
)
def test_profile_clv_with_a_constant_profile_is_clv(m, r, d, h, n):
    assert relationship.profile_clv([m] * n, r, d, 20.0, h) == pytest.approx(
        crm.clv(m, r, d, horizon=h, acquisition_cost=20.0), rel=1e-9, abs=1e-9
    )


def test_profile_clv_by_hand_and_invalid():
    # -51 at acquisition, then 30 and 42 (held): 30 + 42 * 0.5 + 42 * 0.25 ... with d = 0
    value = relationship.profile_clv([30.0, 42.0], 0.5, acquisition_cost=51.0)
    assert value == pytest.approx(30 + 42 * 0.5 / (1 - 0.5) - 51)
    assert relationship.profile_clv([30.0, 42.0, 44.0], 0.5, horizon=2) == pytest.approx(51.0)
    with pytest.raises(ValueError, match="profits"):
        relationship.profile_clv([], 0.5)
    with pytest.raises(ValueError, match="retention"):
        relationship.profile_clv([1.0], 1.0)
    with pytest.raises(ValueError, match="horizon"):
        relationship.profile_clv([1.0], 0.5, horizon=0)

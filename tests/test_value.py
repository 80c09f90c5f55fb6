"""Tests of cpvkit.value: delivered value, customer value analysis and value-map data."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpvkit import value
from cpvkit.datasets import data_dir, load_competitor_ratings

VALUE_PARTS = ("product", "service", "personnel", "image")
COST_PARTS = ("monetary", "time", "energy", "psychic")
PARTS = VALUE_PARTS + COST_PARTS

# worked example: values 40 + 20 + 15 + 10 = 85, costs 50 + 5 + 4 + 3 = 62
EXAMPLE = dict(
    product=40, service=20, personnel=15, image=10, monetary=50, time=5, energy=4, psychic=3
)

# ----------------------------------------------------------------------------------------------
# total value, total cost, delivered value
# ----------------------------------------------------------------------------------------------


def test_totals_worked_example():
    tv = value.total_customer_value(40, 20, 15, 10)
    tc = value.total_customer_cost(50, 5, 4, 3)
    assert tv == 85.0 and type(tv) is float
    assert tc == 62.0 and type(tc) is float


def test_delivered_value_worked_example():
    dv = value.delivered_value(**EXAMPLE)
    assert isinstance(dv, value.DeliveredValue)
    assert dv.total_value == 85.0
    assert dv.total_cost == 62.0
    assert dv.value == 23.0
    assert dv.ratio == pytest.approx(85 / 62)
    fields = ("total_value", "total_cost", "value", "ratio")
    assert all(type(getattr(dv, f)) is float for f in fields)
    assert dv.as_dict() == dict(zip(fields, [85.0, 62.0, 23.0, 85 / 62], strict=True))
    assert "total_value=85.0" in repr(dv)


def test_delivered_value_is_frozen():
    dv = value.delivered_value(**EXAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        dv.value = 0.0


def test_delivered_value_negative_and_zero_value():
    dv = value.delivered_value(10, 0, 0, 0, 20, 0, 0, 0)
    assert dv.value == -10.0 and dv.ratio == 0.5
    dv = value.delivered_value(0, 0, 0, 0, 1, 0, 0, 0)
    assert dv.value == -1.0 and dv.ratio == 0.0
    dv = value.delivered_value(5, 0, 0, 0, 2, 1, 1, 1)
    assert dv.value == 0.0 and dv.ratio == 1.0


def test_vectorised_and_broadcast():
    dv = value.delivered_value([40, 30, 50], 20, 15, 10, 50, 5, 4, [3, 3, 13])
    assert isinstance(dv.value, np.ndarray)
    np.testing.assert_allclose(dv.total_value, [85, 75, 95])
    np.testing.assert_allclose(dv.total_cost, [62, 62, 72])
    np.testing.assert_allclose(dv.value, [23, 13, 23])
    np.testing.assert_allclose(dv.ratio, [85 / 62, 75 / 62, 95 / 72])
    frame = dv.to_frame()
    assert list(frame.columns) == ["total_value", "total_cost", "value", "ratio"]
    assert len(frame) == 3
    # a column vector against a row vector gives a grid
    grid = value.delivered_value(np.array([[10.0], [20.0]]), 0, 0, 0, [5.0, 10.0, 20.0], 0, 0, 0)
    assert grid.value.shape == (2, 3)
    np.testing.assert_allclose(grid.value, [[5, 0, -10], [15, 10, 0]])
    np.testing.assert_allclose(grid.total_cost, [[5, 10, 20], [5, 10, 20]])


def test_series_and_zero_dim_inputs():
    s = pd.Series([40.0, 30.0])
    np.testing.assert_allclose(value.total_customer_value(s, 20, 15, 10), [85, 75])
    assert value.total_customer_cost(np.array(50.0), 5, 4, 3) == 62.0
    assert type(value.total_customer_cost(np.float64(50.0), 5, 4, 3)) is float


@pytest.mark.parametrize("part", PARTS)
def test_negative_part_rejected_with_name(part):
    args = dict(EXAMPLE, **{part: -1})
    with pytest.raises(ValueError, match=rf"{part} must be >= 0; got -1"):
        value.delivered_value(**args)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize(
    ("bad", "exc", "words"),
    [
        (float("nan"), ValueError, "NaN"),
        (float("inf"), ValueError, "infinite"),
        ("ten", TypeError, "number"),
        ([], ValueError, "empty"),
        ([1.0, float("nan")], ValueError, "NaN"),
        (None, TypeError, "number"),
    ],
)
def test_bad_parts_rejected(part, bad, exc, words):
    args = dict(EXAMPLE, **{part: bad})
    with pytest.raises(exc, match=rf"{part}.*{words}|{words}.*{part}"):
        value.delivered_value(**args)


def test_totals_reject_bad_input():
    with pytest.raises(ValueError, match="service"):
        value.total_customer_value(1, -2, 3, 4)
    with pytest.raises(TypeError, match="image"):
        value.total_customer_value(1, 2, 3, "4")
    with pytest.raises(ValueError, match="energy"):
        value.total_customer_cost(1, 2, float("nan"), 4)
    with pytest.raises(ValueError, match="psychic"):
        value.total_customer_cost(1, 2, 3, -0.5)


def test_shapes_that_do_not_broadcast():
    with pytest.raises(ValueError, match=r"broadcast.*product \(2,\).*service \(3,\)"):
        value.total_customer_value([1, 2], [1, 2, 3], 0, 0)


def test_zero_total_cost_is_an_error():
    with pytest.raises(ValueError, match="monetary, time, energy, psychic must be > 0"):
        value.delivered_value(10, 0, 0, 0, 0, 0, 0, 0)
    with pytest.raises(ValueError, match="total customer cost"):
        value.delivered_value(10, 0, 0, 0, [1, 0], 0, 0, 0)


# ----------------------------------------------------------------------------------------------
# properties of delivered value
# ----------------------------------------------------------------------------------------------

amount = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
all_parts = st.fixed_dictionaries(
    {p: amount for p in VALUE_PARTS} | {p: positive for p in COST_PARTS}
)


@settings(max_examples=200, deadline=None)
@given(
    parts=all_parts,
    which=st.sampled_from(PARTS),
    x=amount,
)
def test_delivered_value_is_additive_in_its_parts(parts, which, x):
    base = value.delivered_value(**parts)
    raised = value.delivered_value(**dict(parts, **{which: parts[which] + x}))
    sign = 1.0 if which in VALUE_PARTS else -1.0
    scale = max(1.0, abs(base.total_value) + abs(base.total_cost) + x)
    assert raised.value - base.value == pytest.approx(sign * x, abs=1e-9 * scale)
    assert raised.value == pytest.approx(raised.total_value - raised.total_cost, abs=1e-9 * scale)


@settings(max_examples=200, deadline=None)
@given(parts=all_parts)
def test_ratio_above_one_iff_difference_positive(parts):
    dv = value.delivered_value(**parts)
    # a ratio above (below) 1 always means a positive (negative) difference ...
    if dv.ratio > 1:
        assert dv.value > 0
    if dv.ratio < 1:
        assert dv.value < 0
    # ... and the converse holds unless the two totals differ only in the last bits
    if dv.value > 1e-12 * dv.total_cost:
        assert dv.ratio > 1
    if dv.value < -1e-12 * dv.total_cost:
        assert dv.ratio < 1
    if dv.value == 0:
        assert dv.ratio == 1
    assert dv.ratio >= 0


def test_ratio_and_difference_agree_on_examples():
    dv = value.delivered_value([10, 20, 30], 0, 0, 0, 20, 0, 0, 0)
    np.testing.assert_array_equal(dv.ratio > 1, dv.value > 0)
    np.testing.assert_allclose(dv.ratio, [0.5, 1.0, 1.5])


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(amount, min_size=1, max_size=8),
    costs=st.lists(positive, min_size=1, max_size=8),
)
def test_vectorised_equals_elementwise(values, costs):
    n = min(len(values), len(costs))
    v, c = np.array(values[:n]), np.array(costs[:n])
    dv = value.delivered_value(v, 1.0, 0, 0, c, 0, 0, 0.5)
    for i in range(n):
        one = value.delivered_value(v[i], 1.0, 0, 0, c[i], 0, 0, 0.5)
        assert dv.value[i] == pytest.approx(one.value)
        assert dv.ratio[i] == pytest.approx(one.ratio)


# ----------------------------------------------------------------------------------------------
# customer value analysis
# ----------------------------------------------------------------------------------------------


def _small():
    ratings = pd.DataFrame(
        {"Us": [8.0, 6.0, 7.0], "Rival": [6.0, 7.0, 7.0], "Other": [5.0, 5.0, 9.0]},
        index=pd.Index(["Quality", "Service", "Image"], name="attribute"),
    )
    return ratings


def test_cva_small_worked_example():
    ratings = _small()
    cva = value.customer_value_analysis(ratings, [50, 30, 20], firm="Us", competitor="Rival")
    # by hand: Us 0.5*8 + 0.3*6 + 0.2*7 = 7.2 ; Rival 0.5*6 + 0.3*7 + 0.2*7 = 6.5
    assert cva.firm_score == pytest.approx(7.2)
    assert cva.competitor_score == pytest.approx(6.5)
    assert cva.advantage == pytest.approx(0.7)
    assert cva.relative_value == pytest.approx(7.2 / 6.5)
    assert cva.scores["Other"] == pytest.approx(0.5 * 5 + 0.3 * 5 + 0.2 * 9)
    assert cva.scores.name == "score" and cva.scores.index.name == "offering"
    assert list(cva.scores.index) == ["Us", "Rival", "Other"]
    np.testing.assert_allclose(cva.weights, [0.5, 0.3, 0.2])
    np.testing.assert_allclose(cva.contributions["Us"], [4.0, 1.8, 1.4])
    comp = cva.comparison
    assert list(comp.columns) == [
        "weight",
        "firm",
        "competitor",
        "difference",
        "weighted_difference",
        "relative_rating",
        "share_of_gap",
    ]
    np.testing.assert_allclose(comp["difference"], [2.0, -1.0, 0.0])
    np.testing.assert_allclose(comp["weighted_difference"], [1.0, -0.3, 0.0])
    np.testing.assert_allclose(comp["relative_rating"], [8 / 6, 6 / 7, 1.0])
    np.testing.assert_allclose(comp["share_of_gap"], [1.0 / 1.3, 0.3 / 1.3, 0.0])
    assert comp["weighted_difference"].sum() == pytest.approx(cva.advantage)
    assert list(cva.drivers().index) == ["Quality", "Service", "Image"]
    assert list(cva.drivers(1).index) == ["Quality"]
    assert "firm='Us'" in repr(cva) and "relative_value=1.108" in repr(cva)
    table = cva.to_frame()
    assert list(table.columns) == ["score", "advantage", "relative_value"]
    assert list(table.index) == ["Us", "Rival", "Other"] and table.index.name == "offering"
    np.testing.assert_allclose(table["score"], [7.2, 6.5, 5.8])
    np.testing.assert_allclose(table["advantage"], [0.7, 0.0, -0.7], atol=1e-12)
    np.testing.assert_allclose(table["relative_value"], [7.2 / 6.5, 1.0, 5.8 / 6.5])


def test_cva_weights_are_normalised_any_unit():
    ratings = _small()
    points = value.customer_value_analysis(ratings, [50, 30, 20], "Us", "Rival")
    fractions = value.customer_value_analysis(ratings, [0.5, 0.3, 0.2], "Us", "Rival")
    labelled = value.customer_value_analysis(
        ratings, pd.Series({"Image": 2, "Quality": 5, "Service": 3}), "Us", "Rival"
    )
    mapping = value.customer_value_analysis(
        ratings, {"Service": 3, "Image": 2, "Quality": 5}, "Us", "Rival"
    )
    for other in (fractions, labelled, mapping):
        assert other.firm_score == pytest.approx(points.firm_score)
        pd.testing.assert_series_equal(other.weights, points.weights)
    assert points.weights.sum() == pytest.approx(1.0)
    # a zero weight drops the attribute
    zero = value.customer_value_analysis(ratings, [1, 0, 0], "Us", "Rival")
    assert zero.firm_score == 8.0 and zero.competitor_score == 6.0


def test_cva_swapping_firm_and_competitor():
    ratings = _small()
    a = value.customer_value_analysis(ratings, [5, 3, 2], "Us", "Rival")
    b = value.customer_value_analysis(ratings, [5, 3, 2], "Rival", "Us")
    assert b.advantage == pytest.approx(-a.advantage)
    assert b.relative_value == pytest.approx(1 / a.relative_value)


def test_cva_on_the_competitor_data_set():
    data = load_competitor_ratings()
    cva = value.customer_value_analysis(data.ratings, data.weights, "Voltara", "SwiftSpoke")
    # by hand from the CSV with plain pandas arithmetic
    raw = pd.read_csv(data_dir() / "competitor_ratings.csv", index_col="attribute")
    w = raw["weight"] / raw["weight"].sum()
    expected = {name: (raw[name] * w).sum() for name in ["Voltara", "SwiftSpoke", "Urbanix"]}
    assert cva.scores["Voltara"] == pytest.approx(expected["Voltara"])
    assert cva.scores["SwiftSpoke"] == pytest.approx(expected["SwiftSpoke"])
    assert cva.scores["Urbanix"] == pytest.approx(expected["Urbanix"])
    # the same numbers written out: Voltara .25*7.8 + .2*7.5 + .2*7.7 + .1*7.1 + .15*8 + .1*7.1
    assert cva.firm_score == pytest.approx(7.61)
    assert cva.competitor_score == pytest.approx(8.2)
    assert cva.advantage == pytest.approx(-0.59)
    assert cva.relative_value == pytest.approx(7.61 / 8.2)
    # Voltara leads SwiftSpoke only on dealer service; build quality drives the gap most
    ahead = cva.comparison.index[cva.comparison["difference"] > 0].tolist()
    assert ahead == ["Dealer service"]
    assert cva.drivers().index[0] == "Build quality"
    assert cva.comparison.loc["Build quality", "weighted_difference"] == pytest.approx(-0.2)
    assert cva.comparison["share_of_gap"].sum() == pytest.approx(1.0)
    # against the economy brand Voltara is ahead overall
    vs_urbanix = value.customer_value_analysis(data.ratings, data.weights, "Voltara", "Urbanix")
    assert vs_urbanix.advantage == pytest.approx(expected["Voltara"] - expected["Urbanix"])
    assert vs_urbanix.relative_value > 1


def test_cva_invalid_inputs():
    ratings = _small()
    w = [5, 3, 2]
    with pytest.raises(TypeError, match="ratings must be a pandas DataFrame"):
        value.customer_value_analysis(ratings.to_numpy(), w, "Us", "Rival")
    with pytest.raises(ValueError, match="ratings is empty"):
        value.customer_value_analysis(pd.DataFrame(), w, "Us", "Rival")
    with pytest.raises(ValueError, match="ratings contains NaN"):
        value.customer_value_analysis(ratings.replace(6.0, np.nan), w, "Us", "Rival")
    with pytest.raises(ValueError, match="ratings must be >= 0"):
        value.customer_value_analysis(ratings.replace(6.0, -1.0), w, "Us", "Rival")
    text = ratings.astype(object)
    text.loc["Quality", "Us"] = "good"
    with pytest.raises(TypeError, match="ratings column 'Us' must hold numbers"):
        value.customer_value_analysis(text, w, "Us", "Rival")
    dup = ratings.copy()
    dup.columns = ["Us", "Us", "Other"]
    with pytest.raises(ValueError, match="ratings has duplicate offering"):
        value.customer_value_analysis(dup, w, "Us", "Other")
    with pytest.raises(ValueError, match="firm must be one of"):
        value.customer_value_analysis(ratings, w, "Them", "Rival")
    with pytest.raises(ValueError, match="competitor must be one of"):
        value.customer_value_analysis(ratings, w, "Us", "Them")
    with pytest.raises(ValueError, match="firm and competitor must be different"):
        value.customer_value_analysis(ratings, w, "Us", "Us")


@pytest.mark.parametrize(
    ("weights", "exc", "pattern"),
    [
        ([5, 3], ValueError, r"weights must have one weight per attribute \(3\)"),
        ([5, -3, 2], ValueError, "weights must be >= 0; got -3"),
        ([0, 0, 0], ValueError, "weights are all 0"),
        ([5, float("nan"), 2], ValueError, "weights contains NaN"),
        ("5,3,2", TypeError, "weights must be numbers"),
        ([], ValueError, "weights is empty"),
        (pd.Series({"Quality": 5, "Service": 3}), ValueError, r"missing: \['Image'\]"),
        (pd.Series({"Quality": 5, "Service": 3, "Image": 2, "Price": 1}), ValueError, "Price"),
        (pd.Series({"Quality": 5, "Service": "x", "Image": 2}), TypeError, "weights"),
    ],
)
def test_cva_invalid_weights(weights, exc, pattern):
    with pytest.raises(exc, match=pattern):
        value.customer_value_analysis(_small(), weights, "Us", "Rival")


def test_cva_competitor_with_zero_score():
    ratings = _small()
    ratings["Zero"] = 0.0
    with pytest.raises(ValueError, match="competitor 'Zero' has a weighted score of 0"):
        value.customer_value_analysis(ratings, [5, 3, 2], "Us", "Zero")
    # a zero rating on one attribute is fine: relative_rating is NaN there
    ratings.loc["Image", "Zero"] = 0.0
    ratings.loc["Quality", "Zero"] = 4.0
    cva = value.customer_value_analysis(ratings, [5, 3, 2], "Us", "Zero")
    assert np.isnan(cva.comparison.loc["Image", "relative_rating"])


@settings(max_examples=100, deadline=None)
@given(
    data=st.lists(
        st.tuples(
            st.floats(0, 10, allow_nan=False),
            st.floats(1, 10, allow_nan=False),
            st.floats(0, 100, allow_nan=False),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_cva_gap_decomposition_property(data):
    firm, rival, weights = map(list, zip(*data, strict=True))
    if sum(weights) == 0:
        weights[0] = 1.0
    ratings = pd.DataFrame({"F": firm, "C": rival}, index=[f"a{i}" for i in range(len(data))])
    cva = value.customer_value_analysis(ratings, weights, "F", "C")
    assert cva.comparison["weighted_difference"].sum() == pytest.approx(cva.advantage, abs=1e-9)
    assert cva.weights.sum() == pytest.approx(1.0)
    # the score is a weighted mean, so it stays between the lowest and highest rating
    assert min(rival) - 1e-9 <= cva.competitor_score <= max(rival) + 1e-9
    assert (cva.relative_value > 1) == (cva.advantage > 0) or abs(cva.advantage) < 1e-12


# ----------------------------------------------------------------------------------------------
# value map data
# ----------------------------------------------------------------------------------------------


def test_value_map_data_reference_offering():
    quality = pd.Series({"Us": 7.5, "Rival": 6.0, "Budget": 4.5, "Pricey": 6.3})
    price = pd.Series({"Rival": 100.0, "Us": 110.0, "Budget": 90.0, "Pricey": 120.0})
    out = value.value_map_data(quality, price, reference="Rival")
    assert list(out.columns) == [
        "offering",
        "relative_quality",
        "relative_price",
        "value_gap",
        "value_position",
    ]
    assert out["offering"].tolist() == ["Us", "Rival", "Budget", "Pricey"]
    np.testing.assert_allclose(out["relative_quality"], [1.25, 1.0, 0.75, 1.05])
    np.testing.assert_allclose(out["relative_price"], [1.1, 1.0, 0.9, 1.2])
    np.testing.assert_allclose(out["value_gap"], [0.15, 0.0, -0.15, -0.15])
    assert out["value_position"].tolist() == [
        "better value",
        "fair value",
        "worse value",
        "worse value",
    ]


def test_value_map_data_mean_reference_and_tolerance():
    quality = {"A": 8.0, "B": 6.0, "C": 4.0}  # mean 6
    price = {"A": 3.0, "B": 2.0, "C": 1.0}  # mean 2
    out = value.value_map_data(quality, price)
    np.testing.assert_allclose(out["relative_quality"], [4 / 3, 1.0, 2 / 3])
    np.testing.assert_allclose(out["relative_price"], [1.5, 1.0, 0.5])
    assert out["relative_quality"].mean() == pytest.approx(1.0)
    assert out["relative_price"].mean() == pytest.approx(1.0)
    # gaps -1/6, 0, +1/6: outside the default band of 0.05
    assert out["value_position"].tolist() == ["worse value", "fair value", "better value"]
    wide = value.value_map_data(quality, price, tolerance=0.2)
    assert set(wide["value_position"]) == {"fair value"}
    # exactly on the band's edge counts as fair value
    edge = value.value_map_data([1.0, 1.0], [1.0, 1.5], reference=1, tolerance=0.5)
    assert edge["value_position"].tolist() == ["fair value", "fair value"]


def test_value_map_data_sequences_and_offerings():
    out = value.value_map_data([2.0, 4.0], [1.0, 3.0], offerings=["x", "y"])
    assert out["offering"].tolist() == ["x", "y"]
    np.testing.assert_allclose(out["relative_quality"], [2 / 3, 4 / 3])
    np.testing.assert_allclose(out["relative_price"], [0.5, 1.5])
    default = value.value_map_data([2.0, 4.0], [1.0, 3.0])
    assert default["offering"].tolist() == [1, 2]
    # one labelled argument names the offerings of a plain sequence, matched by position
    named = value.value_map_data(pd.Series({"x": 2.0, "y": 4.0}), [1.0, 3.0])
    pd.testing.assert_frame_equal(named, out)
    named = value.value_map_data([2.0, 4.0], {"x": 1.0, "y": 3.0})
    pd.testing.assert_frame_equal(named, out)
    with pytest.raises(ValueError, match="price has 3 values but there are 2 offerings"):
        value.value_map_data(pd.Series({"x": 2.0, "y": 4.0}), [1.0, 3.0, 5.0])
    with pytest.raises(ValueError, match="give offerings only when quality is a plain sequence"):
        value.value_map_data(pd.Series({"x": 2.0, "y": 4.0}), [1.0, 3.0], offerings=["x", "y"])


def test_value_map_data_on_the_data_set_plugs_into_value_map():
    data = load_competitor_ratings()
    cva = value.customer_value_analysis(data.ratings, data.weights, "Voltara", "SwiftSpoke")
    out = value.value_map_data(cva.scores, data.prices["price"])
    scores = cva.scores
    prices = data.prices["price"]
    np.testing.assert_allclose(
        out.set_index("offering")["relative_quality"], (scores / scores.mean()).to_numpy()
    )
    np.testing.assert_allclose(
        out.set_index("offering")["relative_price"],
        (prices / prices.mean()).reindex(scores.index).to_numpy(),
    )
    positions = dict(zip(out["offering"], out["value_position"], strict=True))
    assert positions["Voltara"] == "better value"
    assert positions["TrailKing"] == "worse value"
    plots = pytest.importorskip("cpvkit.plots")
    fig = plots.value_map(out, firm="Voltara")
    assert len(fig.axes) == 1


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        (dict(quality=[1.0, -2.0], price=[1.0, 2.0]), ValueError, r"quality must be > 0"),
        (dict(quality=[1.0, 0.0], price=[1.0, 2.0]), ValueError, r"quality must be > 0"),
        (dict(quality=[1.0, 2.0], price=[0.0, 2.0]), ValueError, r"price must be > 0"),
        (dict(quality=[1.0, np.nan], price=[1.0, 2.0]), ValueError, "quality contains NaN"),
        (dict(quality=[], price=[]), ValueError, "quality is empty"),
        (dict(quality="high", price=[1.0]), TypeError, "quality must be numbers"),
        (dict(quality=[1.0, 2.0], price=["a", "b"]), TypeError, "price"),
        (dict(quality={"A": 1.0, "B": "x"}, price={"A": 1, "B": 2}), TypeError, "quality"),
        (dict(quality={"A": 1.0}, price={"B": 1.0}), ValueError, "same offerings as quality"),
        (dict(quality=[1.0, 2.0], price=[1.0, 2.0, 3.0]), ValueError, "same offerings"),
        (
            dict(quality=[1.0, 2.0], price=[1.0, 2.0], offerings=["a"]),
            ValueError,
            "quality has 2 values but there are 1 offerings",
        ),
        (dict(quality=[1.0, 2.0], price=[1.0, 2.0], reference=5), ValueError, "reference must be"),
        (dict(quality=[1.0, 2.0], price=[1.0, 2.0], tolerance=-0.1), ValueError, "tolerance"),
        (dict(quality=[1.0, 2.0], price=[1.0, 2.0], tolerance=[0.1]), TypeError, "tolerance"),
        (dict(quality=[[1.0, 2.0]], price=[[1.0, 2.0]]), ValueError, "one-dimensional"),
        (
            dict(quality=pd.Series([1.0, 2.0], index=["a", "a"]), price=[1.0, 2.0]),
            ValueError,
            "duplicate",
        ),
    ],
)
def test_value_map_data_invalid(kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        value.value_map_data(**kwargs)


@settings(max_examples=100, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.floats(0.1, 100, allow_nan=False), st.floats(0.1, 1e4, allow_nan=False)),
        min_size=1,
        max_size=10,
    ),
    tol=st.floats(0, 0.5, allow_nan=False),
)
def test_value_map_positions_property(pairs, tol):
    quality, price = map(list, zip(*pairs, strict=True))
    out = value.value_map_data(quality, price, tolerance=tol)
    gap = out["relative_quality"] - out["relative_price"]
    np.testing.assert_allclose(out["value_gap"], gap)
    worse_or_fair = np.where(gap < -tol, "worse value", "fair value")
    expected = np.where(gap > tol, "better value", worse_or_fair)
    assert out["value_position"].tolist() == expected.tolist()
    # the reference offering itself always sits on the fair-value line
    ref = value.value_map_data(quality, price, reference=1, tolerance=tol)
    assert ref.loc[0, "relative_quality"] == pytest.approx(1.0)
    assert ref.loc[0, "relative_price"] == pytest.approx(1.0)
    assert ref.loc[0, "value_position"] == "fair value"


def test_import_does_not_pull_in_plotting():
    import subprocess
    import sys

    code = (
        "import sys, cpvkit.value; "
        "print(any(m.split('.')[0] in ('matplotlib', 'ipywidgets') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------------------------
# ways to win
# ----------------------------------------------------------------------------------------------


def test_ways_to_win_difference():
    us = value.delivered_value(**EXAMPLE)  # 85 - 62 = 23
    rival = value.delivered_value(42, 22, 15, 12, 50, 5, 4, 3)  # 91 - 62 = 29
    w = value.ways_to_win(us, rival)
    assert (w.measure, w.gap, w.raise_value, w.cut_cost) == ("difference", 6.0, 6.0, 6.0)
    assert w.cut_feasible and w.spend_raise is None and w.spend_cut is None and w.cheaper is None
    priced = value.ways_to_win(us, rival, raise_unit_cost=3.0, cut_unit_cost=2.0)
    assert (priced.spend_raise, priced.spend_cut, priced.cheaper) == (18.0, 12.0, "cut cost")
    dearer_cut = value.ways_to_win(us, rival, raise_unit_cost=1.0, cut_unit_cost=2.0)
    assert dearer_cut.cheaper == "raise value"
    same = value.ways_to_win(us, rival, raise_unit_cost=2.0, cut_unit_cost=2.0)
    assert same.cheaper == "either"
    # closing the gap really works: add the amount to one value part, or remove it from cost
    raised = value.delivered_value(**dict(EXAMPLE, product=40 + w.raise_value))
    cut = value.delivered_value(**dict(EXAMPLE, monetary=50 - w.cut_cost))
    assert raised.value == pytest.approx(rival.value) and cut.value == pytest.approx(rival.value)


def test_ways_to_win_no_gap_and_infeasible_cut():
    us = value.delivered_value(**EXAMPLE)
    weaker = value.delivered_value(10, 0, 0, 0, 20, 0, 0, 0)
    ahead = value.ways_to_win(us, weaker, raise_unit_cost=1.0, cut_unit_cost=1.0)
    assert ahead.gap == pytest.approx(-33.0)
    assert (ahead.raise_value, ahead.cut_cost, ahead.cheaper) == (0.0, 0.0, "no gap")
    assert ahead.spend_raise == 0.0 and ahead.spend_cut == 0.0
    assert value.ways_to_win(us, us).cheaper == "no gap"
    # the firm's costs total 10 but it is 15 behind: only raising value can close the gap
    small = value.delivered_value(5, 0, 0, 0, 4, 3, 2, 1)  # value -5
    strong = value.delivered_value(20, 0, 0, 0, 5, 5, 0, 0)  # value 10
    w = value.ways_to_win(small, strong, raise_unit_cost=100.0, cut_unit_cost=0.01)
    assert w.gap == 15.0 and not w.cut_feasible
    assert w.spend_cut == float("inf") and w.cheaper == "raise value"


def test_ways_to_win_ratio():
    us = value.delivered_value(60, 0, 0, 0, 50, 0, 0, 0)  # ratio 1.2
    rival = value.delivered_value(75, 0, 0, 0, 50, 0, 0, 0)  # ratio 1.5
    w = value.ways_to_win(us, rival, measure="ratio", raise_unit_cost=1.0, cut_unit_cost=1.4)
    assert w.gap == pytest.approx(0.3)
    assert w.raise_value == pytest.approx(1.5 * 50 - 60)  # 15
    assert w.cut_cost == pytest.approx(50 - 60 / 1.5)  # 10
    assert w.raise_value == pytest.approx(1.5 * w.cut_cost)
    assert w.cheaper == "cut cost"  # 14 < 15
    raised = value.delivered_value(60 + w.raise_value, 0, 0, 0, 50, 0, 0, 0)
    cut = value.delivered_value(60, 0, 0, 0, 50 - w.cut_cost, 0, 0, 0)
    assert raised.ratio == pytest.approx(1.5) and cut.ratio == pytest.approx(1.5)
    zero_value = value.delivered_value(0, 0, 0, 0, 10, 0, 0, 0)
    hopeless = value.ways_to_win(zero_value, rival, measure="ratio")
    assert not hopeless.cut_feasible and hopeless.cut_cost == float("inf")
    assert hopeless.raise_value == pytest.approx(15.0)


@settings(max_examples=100, deadline=None)
@given(f=all_parts, c=all_parts)
def test_ways_to_win_routes_close_the_gap(f, c):
    firm, rival = value.delivered_value(**f), value.delivered_value(**c)
    w = value.ways_to_win(firm, rival)
    assert w.raise_value == w.cut_cost == max(w.gap, 0.0)
    after = value.delivered_value(**dict(f, product=f["product"] + w.raise_value))
    scale = 1e-9 * max(1.0, firm.total_value + firm.total_cost + rival.total_value)
    assert after.value >= rival.value - scale
    r = value.ways_to_win(firm, rival, measure="ratio")
    if r.gap > 0:
        assert r.raise_value == pytest.approx(rival.ratio * r.cut_cost, rel=1e-9, abs=1e-6)


def test_ways_to_win_invalid():
    us = value.delivered_value(**EXAMPLE)
    with pytest.raises(TypeError, match="firm must be a DeliveredValue"):
        value.ways_to_win(23.0, us)
    with pytest.raises(TypeError, match="competitor must be a DeliveredValue"):
        value.ways_to_win(us, {"value": 1})
    arrays = value.delivered_value([1, 2], 0, 0, 0, 1, 0, 0, 0)
    with pytest.raises(TypeError, match="competitor must describe one offering"):
        value.ways_to_win(us, arrays)
    with pytest.raises(ValueError, match="measure must be one of 'difference', 'ratio'"):
        value.ways_to_win(us, us, measure="share")
    with pytest.raises(ValueError, match="give both raise_unit_cost and cut_unit_cost"):
        value.ways_to_win(us, us, raise_unit_cost=1.0)
    with pytest.raises(ValueError, match="raise_unit_cost must be >= 0"):
        value.ways_to_win(us, us, raise_unit_cost=-1.0, cut_unit_cost=1.0)
    with pytest.raises(ValueError, match="cut_unit_cost is NaN"):
        value.ways_to_win(us, us, raise_unit_cost=1.0, cut_unit_cost=float("nan"))
    with pytest.raises(TypeError, match="cut_unit_cost"):
        value.ways_to_win(us, us, raise_unit_cost=1.0, cut_unit_cost="2")
    with pytest.raises(TypeError, match="single numbers"):
        value.ways_to_win(us, us, raise_unit_cost=[1.0, 2.0], cut_unit_cost=1.0)


# ----------------------------------------------------------------------------------------------
# value against the perceived alternatives
# ----------------------------------------------------------------------------------------------


def test_value_against_alternatives_worked_example():
    table = value.value_against_alternatives(
        pd.Series({"dealer": 820.0, "online": 600.0, "bus pass": 0.0})
    )
    assert list(table.index) == ["dealer", "online", "bus pass"]
    assert table["best_alternative"].tolist() == ["online", "dealer", "dealer"]
    assert table["alternative_value"].tolist() == [600.0, 820.0, 820.0]
    assert table["advantage"].tolist() == [220.0, -220.0, -820.0]


def test_value_against_alternatives_ties_and_negative_values():
    table = value.value_against_alternatives({"a": -5, "b": 10, "c": 10})
    assert table.loc["b", "best_alternative"] == "c"
    assert table.loc["c", "best_alternative"] == "b"
    assert table.loc["b", "advantage"] == 0.0
    assert table.loc["a", "advantage"] == -15.0


@pytest.mark.parametrize(
    ("delivered", "exc", "pattern"),
    [
        ({"only": 5.0}, ValueError, "at least two"),
        ([1.0, 2.0], TypeError, "labelled"),
        ({"a": 1.0, "b": "x"}, TypeError, "text"),
        ({"a": 1.0, "b": float("nan")}, ValueError, "NaN"),
        (pd.Series([1.0, 2.0], index=["a", "a"]), ValueError, "duplicate"),
    ],
)
def test_value_against_alternatives_invalid(delivered, exc, pattern):
    with pytest.raises(exc, match=pattern):
        value.value_against_alternatives(delivered)


@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=8))
def test_value_against_alternatives_only_the_best_can_lead(values):
    table = value.value_against_alternatives(
        pd.Series(values, index=[f"o{i}" for i in range(len(values))])
    )
    assert (table["advantage"] > 0).sum() <= 1
    top = int(np.argmax(values))
    assert table["advantage"].iloc[top] >= 0

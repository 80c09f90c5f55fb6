"""Tests for cpvkit.datasets: the real CDNOW log and the simulated survey files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cpvkit import datasets


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    return datasets.load_cdnow()


def test_cdnow_shape_and_customers(cdnow: pd.DataFrame) -> None:
    assert cdnow.shape == (69659, 4)
    assert cdnow["customer_id"].nunique() == 23570
    assert cdnow["customer_id"].min() == 1
    assert cdnow["customer_id"].max() == 23570


def test_cdnow_dtypes(cdnow: pd.DataFrame) -> None:
    assert list(cdnow.columns) == ["customer_id", "date", "quantity", "amount"]
    assert str(cdnow["customer_id"].dtype) == "int64"
    assert str(cdnow["date"].dtype) == "datetime64[ns]"
    assert str(cdnow["quantity"].dtype) == "int64"
    assert str(cdnow["amount"].dtype) == "float64"


def test_cdnow_date_range_and_values(cdnow: pd.DataFrame) -> None:
    assert cdnow["date"].min() == pd.Timestamp("1997-01-01")
    assert cdnow["date"].max() == pd.Timestamp("1998-06-30")
    # every customer's first purchase is in the first quarter of 1997 (the cohort definition)
    first = cdnow.groupby("customer_id")["date"].min()
    assert first.max() <= pd.Timestamp("1997-03-31")
    assert (cdnow["quantity"] >= 0).all()
    assert (cdnow["amount"] >= 0).all()
    # first record of the file: customer 1, 1 CD for $11.77 on 1 January 1997
    assert cdnow.iloc[0].tolist() == [1, pd.Timestamp("1997-01-01"), 1, 11.77]


def test_cdnow_returns_independent_copies() -> None:
    a = datasets.load_cdnow()
    a.loc[0, "amount"] = -1.0
    b = datasets.load_cdnow()
    assert b.loc[0, "amount"] == 11.77


def test_missing_data_dir_raises(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="CDNOW_master.txt.*CPVKIT_DATA_DIR"):
        datasets.load_cdnow()


def test_data_dir_override(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(tmp_path))
    assert datasets.data_dir() == tmp_path
    monkeypatch.delenv(datasets.DATA_DIR_ENV)
    assert datasets.data_dir().name == "data"


# --- simulated survey files -----------------------------------------------------------------

KANO_ANSWERS = ["like", "must-be", "neutral", "live-with", "dislike"]
# rows functional, columns dysfunctional (spec table), used when cpvkit.satisfaction is absent
KANO_TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]
KANO_DESIGN = {
    "Order arrives complete and correct": "M",
    "Secure card payment": "M",
    "Delivery within 30 minutes": "O",
    "Low delivery fee": "O",
    "Live courier tracking on a map": "A",
    "Free dessert on your birthday": "A",
    "Dark mode": "I",
}
IPA_DESIGN = {
    "Coffee taste": "Keep up the good work",
    "Friendly staff": "Keep up the good work",
    "Clean shop": "Keep up the good work",
    "Speed of service": "Concentrate here",
    "Value for money": "Concentrate here",
    "Free Wi-Fi": "Low priority",
    "Loyalty app": "Low priority",
    "Background music": "Low priority",
    "Menu variety": "Possible overkill",
    "Seating comfort": "Possible overkill",
}


def test_satisfaction_survey_columns_and_ranges() -> None:
    s = datasets.load_satisfaction_survey()
    assert s.shape == (500, 7)
    assert s["respondent_id"].is_unique
    assert set(s["segment"]) == {"residential", "small business", "student"}
    for col, low, high in [
        ("expectation", 1, 7),
        ("performance", 1, 7),
        ("csat", 1, 5),
        ("nps", 0, 10),
        ("repurchase_intention", 1, 5),
    ]:
        assert str(s[col].dtype) == "int64", col
        assert s[col].between(low, high).all(), col
    assert s.notna().all().all()


def test_satisfaction_survey_is_correlated_as_designed() -> None:
    s = datasets.load_satisfaction_survey()
    corr = s[["expectation", "performance", "csat", "nps", "repurchase_intention"]].corr()
    # performance drives satisfaction; satisfaction, recommendation and loyalty move together
    assert corr.loc["performance", "csat"] > 0.5
    assert corr.loc["csat", "nps"] > 0.6
    assert corr.loc["csat", "repurchase_intention"] > 0.6
    # disconfirmation: at equal performance, higher expectations mean lower satisfaction
    assert corr.loc["expectation", "csat"] < 0
    # all three NPS groups are well represented and the NPS is moderately positive
    promoters = (s["nps"] >= 9).mean()
    detractors = (s["nps"] <= 6).mean()
    assert 0.2 < promoters < 0.5 and 0.1 < detractors < 0.4
    assert 0 < 100 * (promoters - detractors) < 40
    # small-business customers expect more and are less satisfied than students
    by_seg = s.groupby("segment")[["expectation", "csat"]].mean()
    assert by_seg.loc["small business", "expectation"] > by_seg.loc["student", "expectation"]
    assert by_seg.loc["small business", "csat"] < by_seg.loc["student", "csat"]


def test_kano_survey_columns_and_answers() -> None:
    k = datasets.load_kano_survey()
    assert k.shape == (150 * 7, 4)
    assert set(k["feature"]) == set(KANO_DESIGN)
    assert set(k["functional"]) <= set(KANO_ANSWERS)
    assert set(k["dysfunctional"]) <= set(KANO_ANSWERS)
    # every respondent answered every feature exactly once
    assert not k.duplicated(["respondent_id", "feature"]).any()
    assert k.groupby("feature")["respondent_id"].nunique().eq(150).all()


def _kano_counts(k: pd.DataFrame) -> pd.DataFrame:
    f = k["functional"].map(KANO_ANSWERS.index)
    d = k["dysfunctional"].map(KANO_ANSWERS.index)
    table = np.array([list(row) for row in KANO_TABLE])
    cat = pd.Series(table[f.to_numpy(), d.to_numpy()], index=k.index, name="category")
    return pd.crosstab(k["feature"], cat)


def test_kano_designed_categories_come_out() -> None:
    k = datasets.load_kano_survey()
    counts = _kano_counts(k)[["A", "O", "M", "I"]]
    observed = counts.idxmax(axis=1)
    assert observed.to_dict() == KANO_DESIGN
    # a clear winner: the designed category beats the runner-up by at least 10 answers
    top2 = np.sort(counts.to_numpy(), axis=1)[:, -2:]
    assert (top2[:, 1] - top2[:, 0] >= 10).all()


def test_kano_designed_categories_with_cpvkit_satisfaction() -> None:
    satisfaction = pytest.importorskip("cpvkit.satisfaction")
    if not hasattr(satisfaction, "kano_summary"):
        pytest.skip("cpvkit.satisfaction.kano_summary not available yet")
    summary = satisfaction.kano_summary(datasets.load_kano_survey())
    table = summary.set_index("feature") if "feature" in summary.columns else summary
    assert table["category"].to_dict() == KANO_DESIGN


def test_ipa_ratings_long_and_summary() -> None:
    long = datasets.load_ipa_ratings()
    assert long.shape == (2500, 4)
    assert list(long.columns) == ["respondent_id", "attribute", "importance", "performance"]
    assert long[["importance", "performance"]].apply(lambda c: c.between(1, 7).all()).all()
    assert long.groupby("attribute").size().eq(250).all()
    means = datasets.load_ipa_ratings(summary=True)
    assert list(means.columns) == ["attribute", "importance", "performance", "n"]
    assert list(means["attribute"]) == list(IPA_DESIGN)
    assert means["n"].eq(250).all()
    expected = long.groupby("attribute")["importance"].mean()
    assert np.allclose(means.set_index("attribute")["importance"], expected.loc[list(IPA_DESIGN)])


@pytest.mark.parametrize("crosshair", ["mean", "median"])
def test_ipa_ratings_span_all_four_quadrants(crosshair: str) -> None:
    means = datasets.load_ipa_ratings(summary=True).set_index("attribute")
    x = getattr(means["importance"], crosshair)()
    y = getattr(means["performance"], crosshair)()
    high_i = means["importance"] >= x
    high_p = means["performance"] >= y
    quadrant = np.select(
        [high_i & ~high_p, high_i & high_p, ~high_i & ~high_p],
        ["Concentrate here", "Keep up the good work", "Low priority"],
        "Possible overkill",
    )
    assert dict(zip(means.index, quadrant, strict=True)) == IPA_DESIGN


def test_ipa_with_cpvkit_satisfaction() -> None:
    satisfaction = pytest.importorskip("cpvkit.satisfaction")
    if not hasattr(satisfaction, "ipa"):
        pytest.skip("cpvkit.satisfaction.ipa not available yet")
    out = satisfaction.ipa(datasets.load_ipa_ratings(summary=True))
    table = out.set_index("attribute") if "attribute" in out.columns else out
    assert table["quadrant"].to_dict() == IPA_DESIGN


def test_ipa_summary_must_be_bool() -> None:
    with pytest.raises(TypeError, match="summary"):
        datasets.load_ipa_ratings(summary="yes")


def test_servqual_tables() -> None:
    sq = datasets.load_servqual()
    assert isinstance(sq, datasets.ServqualData)
    expectations, perceptions, items = sq
    assert expectations.shape == perceptions.shape == (300, 22)
    assert expectations.index.name == "respondent_id"
    assert expectations.index.equals(perceptions.index)
    assert list(expectations.columns) == [f"q{j:02d}" for j in range(1, 23)]
    assert list(items.columns) == ["item", "dimension", "wording"]
    assert list(items["item"]) == list(expectations.columns)
    counts = items["dimension"].value_counts(sort=False).to_dict()
    assert counts == {
        "tangibles": 4,
        "reliability": 5,
        "responsiveness": 4,
        "assurance": 4,
        "empathy": 5,
    }
    for frame in (expectations, perceptions):
        assert (frame.dtypes == "int64").all()
        assert ((frame >= 1) & (frame <= 7)).all().all()
    assert items["wording"].str.len().gt(5).all()


def test_servqual_gaps_as_designed() -> None:
    expectations, perceptions, items = datasets.load_servqual()
    gap = (perceptions - expectations).mean()
    by_dim = gap.groupby(items.set_index("item")["dimension"]).mean()
    assert (by_dim < 0).all()  # perceptions fall short everywhere
    assert by_dim.idxmin() == "reliability"  # largest shortfall
    assert by_dim.idxmax() == "tangibles"  # smallest shortfall
    assert by_dim["responsiveness"] < by_dim["empathy"] < by_dim["assurance"]


def test_competitor_ratings() -> None:
    cva = datasets.load_competitor_ratings()
    assert isinstance(cva, datasets.CompetitorData)
    assert cva.ratings.shape == (6, 4)
    assert cva.ratings.index.name == "attribute"
    assert list(cva.ratings.columns) == ["Voltara", "SwiftSpoke", "Urbanix", "TrailKing"]
    assert ((cva.ratings >= 1) & (cva.ratings <= 10)).all().all()
    assert cva.weights.index.equals(cva.ratings.index)
    assert int(cva.weights.sum()) == 100
    assert list(cva.prices.index) == list(cva.ratings.columns)
    assert list(cva.prices.columns) == ["role", "price", "price_rating"]
    assert (cva.prices["role"] == "firm").sum() == 1
    assert cva.prices.loc["Voltara", "role"] == "firm"
    assert (cva.prices["price"] > 0).all()


def test_competitor_value_positions_as_designed() -> None:
    cva = datasets.load_competitor_ratings()
    quality = cva.ratings.mul(cva.weights, axis=0).sum() / cva.weights.sum()
    rel_q = quality / quality.mean()
    rel_p = cva.prices["price"] / cva.prices["price"].mean()
    advantage = rel_q - rel_p  # above zero: more quality than price relative to the market
    assert quality.idxmax() == "SwiftSpoke" and quality.idxmin() == "Urbanix"
    assert rel_p.idxmax() == "SwiftSpoke" and rel_p.idxmin() == "Urbanix"
    assert advantage["Voltara"] > 0.03
    assert advantage["TrailKing"] < -0.05
    assert abs(advantage["SwiftSpoke"]) < 0.05


@pytest.mark.parametrize(
    ("loader", "filename"),
    [
        (datasets.load_satisfaction_survey, "satisfaction_survey.csv"),
        (datasets.load_kano_survey, "kano_survey.csv"),
        (datasets.load_ipa_ratings, "ipa_ratings.csv"),
        (datasets.load_servqual, "servqual_expectations.csv"),
        (datasets.load_competitor_ratings, "competitor_ratings.csv"),
    ],
)
def test_simulated_loaders_missing_file(loader, filename, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match=f"{filename}.*simulate_surveys.py"):
        loader()


def test_simulation_script_reproduces_the_files(tmp_path) -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "simulate_surveys.py"
    spec = importlib.util.spec_from_file_location("simulate_surveys", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    shipped = datasets.data_dir()
    written = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert len(written) == 8
    for name in written:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name

"""The customer-base functions give the same answers on pandas, Polars and DuckDB frames."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from cpvkit.crm import lorenz_curve, pareto_share, rfm_scores, rfm_segments, rfm_summary
from cpvkit.datasets import load_cdnow


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    """CDNOW with one row in 25 copied as a refund three days later."""
    cdnow = load_cdnow()[["customer_id", "date", "amount"]]
    refunds = cdnow.iloc[::25].assign(
        amount=lambda d: -0.5 * d["amount"], date=lambda d: d["date"] + pd.Timedelta(days=3)
    )
    return pd.concat([cdnow, refunds], ignore_index=True)


def _pandas(result: object, key: str | None = None) -> pd.DataFrame:
    """An engine's result as a pandas frame (sorted by ``key`` when given)."""
    if isinstance(result, (pl.DataFrame, pl.LazyFrame)):
        frame = (result.collect() if isinstance(result, pl.LazyFrame) else result).to_pandas()
    else:
        frame = result.df()
    if key is not None:
        frame = frame.sort_values(key).reset_index(drop=True)
    return frame


def _engines(frame: pd.DataFrame) -> dict[str, object]:
    return {
        "polars": pl.from_pandas(frame),
        "polars-lazy": pl.from_pandas(frame).lazy(),
        "duckdb": duckdb.from_df(frame),
    }


ENGINES = ["polars", "polars-lazy", "duckdb"]


@pytest.mark.parametrize("engine", ENGINES)
def test_rfm_summary_same_in_every_engine(log, engine):
    expected = rfm_summary(log, analysis_date="1998-07-10").reset_index()
    native = _engines(log)[engine]
    got = _pandas(rfm_summary(native, analysis_date="1998-07-10"), "customer_id")
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-12)
    assert got["recency"].dtype.kind == "i" and got["frequency"].dtype.kind == "i"


@pytest.mark.parametrize("engine", ENGINES)
def test_rfm_scores_and_segments_same_in_every_engine(log, engine):
    summary = rfm_summary(log).reset_index()
    scores = rfm_scores(summary)
    segments = rfm_segments(summary)
    segments["segment"] = segments["segment"].astype(str)
    native = _engines(summary)[engine]
    got = _pandas(rfm_scores(native), "customer_id")
    pd.testing.assert_frame_equal(got, scores, check_dtype=False)
    got = _pandas(rfm_segments(native), "customer_id")
    pd.testing.assert_frame_equal(got, segments, check_dtype=False)
    fixed = _pandas(rfm_segments(native, high_spend=100.0), "customer_id")
    want = rfm_segments(summary, high_spend=100.0)
    assert fixed["segment"].tolist() == want["segment"].astype(str).tolist()
    tens = _pandas(rfm_scores(native, bins=10, ties="min"), "customer_id")
    pd.testing.assert_frame_equal(tens, rfm_scores(summary, bins=10, ties="min"), check_dtype=False)


@pytest.mark.parametrize("engine", ENGINES)
def test_concentration_same_in_every_engine(log, engine):
    money = rfm_summary(log)["monetary"].clip(lower=0).rename("monetary")
    frame = money.to_frame()
    native = _engines(frame)[engine]
    assert pareto_share(native, 0.2) == pytest.approx(pareto_share(money, 0.2), rel=1e-12)
    assert pareto_share(native, 0.37) == pytest.approx(pareto_share(money, 0.37), rel=1e-12)
    got = _pandas(lorenz_curve(native), "customer_share")
    pd.testing.assert_frame_equal(got, lorenz_curve(money), rtol=1e-12)


def test_polars_series_is_accepted():
    values = [1.0, 1.0, 2.0, 6.0]
    assert pareto_share(pl.Series(values), 0.25) == pytest.approx(0.6)
    assert _pandas(lorenz_curve(pl.Series(values)))["value_share"].tolist() == [
        0.0,
        0.1,
        0.2,
        0.4,
        1.0,
    ]


def test_engine_dates_yyyymmdd_timezones_and_refunds():
    frame = pl.DataFrame(
        {
            "customer_id": [1, 1, 1, 2],
            "date": [19970101, 19970105, 19970110, 19970201],
            "amount": [20.0, 15.0, -15.0, 8.0],
        }
    )
    got = rfm_summary(frame, analysis_date="1997-02-02")
    assert got["recency"].to_list() == [28, 1]
    assert got["frequency"].to_list() == [2, 1]
    assert got["monetary"].to_list() == [20.0, 8.0]
    stamps = [dt.datetime(2024, 1, 1, 23, 30), dt.datetime(2024, 1, 2, 0, 30)]
    aware = pl.DataFrame(
        {"customer_id": [1, 2], "date": stamps, "amount": [1.0, 2.0]}
    ).with_columns(pl.col("date").dt.replace_time_zone("America/New_York"))
    got = rfm_summary(aware, analysis_date="2024-01-03")
    assert got["recency"].to_list() == [2, 1]  # the local calendar day, not UTC's


def test_engine_bad_input_gives_the_pandas_messages():
    good = pl.DataFrame(
        {"customer_id": [1, 2], "date": [dt.date(2024, 1, 1)] * 2, "amount": [1.0, 2.0]}
    )
    with pytest.raises(ValueError, match="missing column"):
        rfm_summary(good.drop("amount"))
    with pytest.raises(ValueError, match="empty"):
        rfm_summary(good.head(0))
    with pytest.raises(TypeError, match="only numbers"):
        rfm_summary(good.with_columns(pl.col("amount").cast(pl.String)))
    with pytest.raises(ValueError, match="NaN or infinite"):
        rfm_summary(good.with_columns(pl.Series("amount", [1.0, np.inf])))
    with pytest.raises(ValueError, match="only refunds"):
        rfm_summary(good.with_columns(pl.Series("amount", [1.0, -2.0])))
    with pytest.raises(ValueError, match="on or after the last transaction"):
        rfm_summary(good, analysis_date="2023-12-31")
    with pytest.raises(ValueError, match="missing"):
        rfm_summary(good, analysis_date=pd.NaT)
    with pytest.raises(TypeError, match="booleans"):
        rfm_summary(good.with_columns(pl.Series("date", [True, False])))
    with pytest.raises(ValueError, match="could not be computed"):
        rfm_summary(good.with_columns(pl.Series("date", [19970101, 19971301])))
    with pytest.raises(ValueError, match="one column"):
        pareto_share(good.select("customer_id", "amount"))
    with pytest.raises(ValueError, match=">= 0"):
        pareto_share(pl.Series([1.0, -1.0]))
    with pytest.raises(ValueError, match="must be >= 1 purchase day"):
        rfm_segments(pl.DataFrame({"recency": [6], "frequency": [0], "monetary": [1.0]}))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        rfm_summary(object())

"""Tests for cpvkit.datasets: the real CDNOW log and the simulated survey files."""

from __future__ import annotations

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

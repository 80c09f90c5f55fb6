"""Property tests: transaction logs and survey tables under bad and awkward input.

Random purchase logs are checked against a plain reference computation, and the same log is
fed in every form a date can take (datetimes, ISO text, YYYYMMDD whole numbers as in raw
CDNOW, timezone-aware datetimes), with refunds, duplicated rows and ids, and as empty or
one-row data. Bad dates, amounts, scores and analysis dates must give a ``ValueError`` or
``TypeError`` that says what was wrong and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties_functions import COMMON, explains

from cpvkit import crm, relationship, satisfaction

PROFILE = settings(max_examples=150, **COMMON)

START = dt.date(1997, 1, 1)

rows = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=8),  # customer
        st.integers(min_value=0, max_value=500),  # day offset
        st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)),
    ),
    min_size=1,
    max_size=40,
)


def _log(records: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [c for c, _, _ in records],
            "date": pd.to_datetime([START + dt.timedelta(days=d) for _, d, _ in records]),
            "amount": [a for _, _, a in records],
        }
    )


def _reference(log: pd.DataFrame, ref: pd.Timestamp) -> pd.DataFrame:
    """Straightforward per-customer loop: purchases (amount >= 0) set recency and frequency."""
    out = {}
    for cid, group in log.groupby("customer_id"):
        bought = group[group["amount"] >= 0]
        days = bought["date"].dt.normalize()
        out[cid] = {
            "recency": (ref - days.max()).days,
            "frequency": days.nunique(),
            "monetary": group["amount"].sum(),
        }
    frame = pd.DataFrame.from_dict(out, orient="index").astype(
        {"recency": "int64", "frequency": "int64", "monetary": "float64"}
    )
    frame.index.name = "customer_id"
    return frame


@PROFILE
@given(records=rows)
def test_rfm_summary_matches_the_reference_in_every_date_form(records):
    log = _log(records)
    ref = pd.Timestamp("1998-07-01")
    expected = _reference(log, ref)
    got = crm.rfm_summary(log, analysis_date=ref)
    pd.testing.assert_frame_equal(got, expected, rtol=1e-9)
    forms = {
        "text": log["date"].dt.strftime("%Y-%m-%d"),
        "yyyymmdd": log["date"].dt.strftime("%Y%m%d").astype("int64"),
        "yyyymmdd-float": log["date"].dt.strftime("%Y%m%d").astype("float64"),
        "aware": (log["date"] + pd.Timedelta(hours=23)).dt.tz_localize("Asia/Tokyo"),
        "aware-west": log["date"].dt.tz_localize("America/Los_Angeles"),
    }
    for form, dates in forms.items():
        other = crm.rfm_summary(log.assign(date=dates), analysis_date=ref)
        pd.testing.assert_frame_equal(other, expected, rtol=1e-9, obj=form)
    ladder = relationship.development_ladder(
        log.assign(date=forms["yyyymmdd"]), analysis_date=19980701
    )
    assert ladder["purchases"].tolist() == expected["frequency"].tolist()


@PROFILE
@given(records=rows, refunds=st.lists(st.floats(min_value=0.01, max_value=1e4), max_size=5))
def test_refunds_lower_net_spend_only(records, refunds):
    log = _log(records)
    base = crm.rfm_summary(log, analysis_date="1999-01-01")
    first = log["customer_id"].iloc[0]
    later = log["date"].max() + pd.Timedelta(days=3)
    extra = pd.DataFrame(
        {"customer_id": first, "date": later, "amount": [-round(r, 2) for r in refunds]}
    )
    got = crm.rfm_summary(pd.concat([log, extra], ignore_index=True), analysis_date="1999-01-01")
    pd.testing.assert_series_equal(got["recency"], base["recency"])
    pd.testing.assert_series_equal(got["frequency"], base["frequency"])
    assert got.loc[first, "monetary"] == pytest.approx(
        base.loc[first, "monetary"] - sum(round(r, 2) for r in refunds), abs=1e-6
    )


@PROFILE
@given(records=rows)
def test_duplicated_rows_and_ids(records):
    log = _log(records)
    base = crm.rfm_summary(log)
    twice = crm.rfm_summary(pd.concat([log, log], ignore_index=True))
    pd.testing.assert_series_equal(twice["frequency"], base["frequency"])
    pd.testing.assert_series_equal(twice["recency"], base["recency"])
    np.testing.assert_allclose(twice["monetary"], 2 * base["monetary"], rtol=1e-12)
    as_text = crm.rfm_summary(log.assign(customer_id=log["customer_id"].map("c{:02d}".format)))
    assert as_text["frequency"].tolist() == base["frequency"].tolist()
    scores = crm.rfm_scores(base)
    assert scores["r_score"].between(1, 5).all() and len(scores) == len(base)


def test_empty_and_one_row_logs():
    one = _log([(7, 3, 10.0)])
    assert crm.rfm_summary(one).to_dict("list") == {
        "recency": [1],
        "frequency": [1],
        "monetary": [10.0],
    }
    with pytest.raises(ValueError, match="empty") as info:
        crm.rfm_summary(one.iloc[:0])
    assert explains(info.value, "transactions")
    with pytest.raises(ValueError, match="empty"):
        relationship.development_ladder(one.iloc[:0])
    assert crm.rfm_scores(crm.rfm_summary(one))["rfm_cell"].tolist() == ["333"]


BAD_DATES = [
    [True, False],
    [19971301, 19970101],  # month 13
    [19970230, 19970101],  # 30 February
    [1997.5, 19970101.0],
    [np.nan, 19970101],
    ["someday", "1997-01-01"],
    [None, "1997-01-01"],
    [1e20, 19970101],
    [pd.NaT, pd.Timestamp("1997-01-01")],
    [complex(1, 1), 19970101],
    [object(), 19970101],
]


@pytest.mark.parametrize("dates", BAD_DATES, ids=lambda d: repr(d[0]))
@pytest.mark.parametrize("func", [crm.rfm_summary, relationship.development_ladder])
def test_bad_dates_are_rejected(func, dates):
    log = pd.DataFrame({"customer_id": [1, 2], "date": dates, "amount": [1.0, 2.0]})
    with pytest.raises((ValueError, TypeError)) as info:
        func(log)
    assert explains(info.value, "date"), info.value


BAD_ANALYSIS_DATES = ["-1", pd.NaT, None, True, "someday", 1e308, math.nan, 19971301, [1], "0"]


@pytest.mark.parametrize("when", BAD_ANALYSIS_DATES, ids=repr)
@pytest.mark.parametrize("func", [crm.rfm_summary, relationship.development_ladder])
def test_bad_analysis_dates_are_rejected(func, when):
    log = _log([(1, 0, 5.0), (2, 10, 3.0)])
    if when is None:
        func(log, analysis_date=when)  # None means the day after the last purchase
        return
    with pytest.raises((ValueError, TypeError)) as info:
        func(log, analysis_date=when)
    assert explains(info.value, "analysis_date"), info.value


BAD_AMOUNTS = [["5", "4"], [True, False], [1 + 1j, 2], [np.inf, 1.0], [np.nan, 1.0], [1e301, 1]]


@pytest.mark.parametrize("amounts", BAD_AMOUNTS, ids=repr)
def test_bad_amounts_and_scores_are_rejected(amounts):
    log = pd.DataFrame({"customer_id": [1, 2], "date": ["1997-01-01"] * 2, "amount": amounts})
    with pytest.raises((ValueError, TypeError)) as info:
        crm.rfm_summary(log)
    assert explains(info.value, "amount"), info.value
    summary = pd.DataFrame({"recency": [1, 2], "frequency": [1, 2], "monetary": amounts})
    with pytest.raises((ValueError, TypeError)) as info:
        crm.rfm_scores(summary)
    assert explains(info.value, "monetary"), info.value
    with pytest.raises((ValueError, TypeError)):
        crm.rfm_segments(
            pd.DataFrame({"recency": [1, 2], "frequency": [1, 2], "monetary": amounts})
        )


@pytest.mark.parametrize(
    "frame",
    [
        [[1, 2], [3, 4]],
        {"customer_id": [1]},
        pd.Series([1.0, 2.0]),
        pd.DataFrame({"customer_id": [1], "date": ["1997-01-01"]}),
    ],
    ids=["list", "dict", "series", "no-amount"],
)
def test_wrong_kinds_of_table(frame):
    with pytest.raises((ValueError, TypeError)) as info:
        crm.rfm_summary(frame)
    assert explains(info.value, "transactions"), info.value


def _answer_or_clear_error(func, frame: pd.DataFrame):
    """The function's answer, or None after checking that its error message is clear."""
    try:
        return func(frame)
    except (ValueError, TypeError) as exc:
        assert explains(exc), exc
        return None


@PROFILE
@given(
    answers=st.lists(
        st.tuples(
            st.sampled_from(["Tracking", "Wrap", None]),
            st.one_of(st.sampled_from(["like", "dislike", "maybe", "", None, 6, True]), st.text()),
            st.sampled_from(["like", "must-be", "neutral", "live-with", "dislike"]),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_kano_summary_valid_or_clear_error(answers):
    frame = pd.DataFrame(answers, columns=["feature", "functional", "dysfunctional"])
    summary = _answer_or_clear_error(satisfaction.kano_summary, frame)
    if summary is not None:
        assert summary["n"].sum() == len(frame)


@PROFILE
@given(
    table=st.lists(
        st.tuples(
            st.text(min_size=1, max_size=8),
            st.one_of(st.floats(allow_nan=True), st.sampled_from(["high", True, None, 1e308])),
            st.floats(min_value=1, max_value=7),
        ),
        min_size=0,
        max_size=8,
    )
)
def test_ipa_valid_or_clear_error(table):
    frame = pd.DataFrame(table, columns=["attribute", "importance", "performance"])
    out = _answer_or_clear_error(satisfaction.ipa, frame)
    if out is None:
        return
    assert len(out) == frame["attribute"].nunique()  # repeated attributes are averaged
    assert np.isfinite(out[["importance", "performance"]].to_numpy(dtype=float)).all()

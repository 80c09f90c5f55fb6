"""Tests of cpvkit.widgets: every calculator driven through its inputs, as a user would.

Each calculator is checked against the cpvkit function it wraps (normal inputs), at edges, and
with bad input: the calculator must show cpvkit's (or the parser's) plain message, keep the
user's inputs, clear the result and figure, and recover when the input is fixed.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import ipywidgets as w
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from cpvkit import crm, datasets, relationship, satisfaction, value
from cpvkit._figures import alt_text
from cpvkit.widgets import (
    CLVCalculator,
    ComplaintCalculator,
    IPACalculator,
    KanoCalculator,
    PerceivedValueCalculator,
    RetentionCalculator,
    RFMExplorer,
    SatisfactionCalculator,
)
from cpvkit.widgets._base import parse_number

CALCULATORS = [
    PerceivedValueCalculator,
    SatisfactionCalculator,
    KanoCalculator,
    IPACalculator,
    RetentionCalculator,
    CLVCalculator,
    RFMExplorer,
    ComplaintCalculator,
]
MASK = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")


def _bad(calc, **values):
    """Set bad input; check the calculator state that every bad input must produce."""
    calc.set(**values)
    assert calc.result is None
    assert calc.figure is None
    assert isinstance(calc.error, str) and calc.error
    assert "Traceback" not in calc.error
    for name, typed in values.items():
        if isinstance(typed, str):
            assert calc.inputs[name].value == typed  # what the user typed stays in the field
    assert html.escape(calc.error) in calc._message.value  # shown in the live view
    return calc.error


# -------------------------------------------------------------------------- the contract


@pytest.mark.parametrize("cls", CALCULATORS)
def test_contract_defaults(cls):
    calc = cls()
    assert calc.error is None
    assert calc.result is not None
    assert isinstance(calc.figure, Figure)
    assert isinstance(calc.widget, w.VBox)
    assert calc.inputs and all(isinstance(c, w.Widget) for c in calc.inputs.values())
    # the live chart is SVG with its labels as text, the same bytes for the same chart
    assert calc._image.format == "svg+xml"
    svg = bytes(calc._image.value).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<text" in svg
    assert "<dc:date>" not in svg and html.escape(alt_text(calc.figure), quote=False) in svg
    assert bytes(cls()._image.value) == bytes(calc._image.value)


@pytest.mark.parametrize("cls", CALCULATORS)
def test_mimebundle_has_widget_text_and_deterministic_snapshot(cls):
    bundle = cls()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    text, snapshot = bundle["text/plain"], bundle["text/html"]
    assert text.startswith(cls.__name__)
    assert "0x" not in text and "0x" not in MASK.sub("", snapshot)
    assert snapshot.count("data:image/png;base64,") >= 1
    assert "python3 tasks.py lab" in snapshot and "Static snapshot" in snapshot
    again = cls()._repr_mimebundle_()
    assert MASK.sub("IMG", again["text/html"]) == MASK.sub("IMG", snapshot)
    assert again["text/plain"] == text


@pytest.mark.parametrize("cls", CALCULATORS)
def test_unknown_input_name_is_a_type_error(cls):
    with pytest.raises(TypeError, match="has no input colour"):
        cls().set(colour="red")


def test_set_returns_the_calculator_and_chains():
    calc = RetentionCalculator()
    assert calc.set(retention=0.9) is calc
    assert calc.set(margin=50).set(retention=0.5).result.lifetime == 2.0


def test_widget_change_recomputes_like_a_user_typing():
    calc = RetentionCalculator()
    calc.inputs["retention"].value = "0.9"
    assert calc.result.lifetime == pytest.approx(10.0)
    calc.inputs["retention"].value = "0."  # half-typed: still a number
    assert calc.result.lifetime == pytest.approx(1.0)


def test_choice_input_rejects_an_option_it_does_not_offer():
    with pytest.raises(ValueError, match="chart must be one of"):
        RetentionCalculator().set(chart="pie")


def test_snapshot_shows_the_message_when_input_is_bad():
    calc = RetentionCalculator(retention=1.5)
    bundle = calc._repr_mimebundle_()
    assert "Retention rate per period must be in [0, 1); got 1.5" in bundle["text/html"]
    assert "data:image/png" not in bundle["text/html"]
    assert "Message: Retention rate per period must be in [0, 1); got 1.5" in bundle["text/plain"]


# -------------------------------------------------------------------------- number parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.8", 0.8), (" 80% ", 0.8), ("1,000", 1000.0), ("1,234.5", 1234.5), ("\u22122", -2.0)],
)
def test_parse_number_reads_what_users_type(text, expected):
    assert parse_number("x", text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "x is empty; enter a number"),
        ("abc", "x must be a number; got 'abc'"),
        ("1,00", "x must be a number; got '1,00'"),
        ("nan", "x must be a finite number; got 'nan'"),
        ("inf", "x must be a finite number; got 'inf'"),
    ],
)
def test_parse_number_messages(text, message):
    with pytest.raises(ValueError) as info:
        parse_number("x", text)
    assert str(info.value) == message


def test_parse_number_integer_and_optional():
    assert parse_number("n", "12", integer=True) == 12
    assert parse_number("n", "", optional=True) is None
    with pytest.raises(ValueError, match="n must be a whole number; got '2.5'"):
        parse_number("n", "2.5", integer=True)


# -------------------------------------------------------------------------- retention


def test_retention_defaults_match_cpvkit():
    calc = RetentionCalculator()
    res = calc.result
    assert res.lifetime == pytest.approx(5.0)
    assert res.clv == pytest.approx(crm.clv(100, 0.8, 0.1))
    assert res.clv == pytest.approx(366.6667, abs=1e-3)  # first margin paid at acquisition
    assert res.clv_net == pytest.approx(366.6667 - 150, abs=1e-3)
    expected = relationship.cohort_projection(1000, 0.8, 100, 10, 0.1, 150)
    pd.testing.assert_frame_equal(res.cohort, expected)
    assert res.cohort["period"].tolist() == list(range(1, 11))
    assert res.cohort["cumulative_present_value"].iloc[-1] == pytest.approx(
        1000 * crm.clv(100, 0.8, 0.1, horizon=10, acquisition_cost=150)
    )
    assert res.table["retention"].tolist() == pytest.approx(np.arange(0.5, 0.951, 0.05))
    assert res.table.loc[res.table["retention"] == 0.9, "clv"].item() == pytest.approx(550.0)
    assert res.table["clv_net"].to_numpy() == pytest.approx(res.table["clv"].to_numpy() - 150)
    paid = expected.loc[expected["cumulative_present_value"] >= 0, "period"].iloc[0]
    assert res.payback_period == paid == 2


def test_retention_edges():
    calc = RetentionCalculator(retention=0, periods=1)
    assert calc.result.lifetime == 1.0
    assert calc.result.payback_period is None  # one margin of 100 against a cost of 150
    assert calc.result.clv == pytest.approx(100.0)
    assert "does not pay back" in repr(calc)
    calc.set(retention="99%", periods=200, chart="Survival curve")
    assert calc.result.lifetime == pytest.approx(100.0)
    assert calc.figure.axes[0].get_legend_handles_labels()[1] == [
        "r = 99% (expected lifetime 100.0 periods)"
    ]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"retention": 1.0}, "Retention rate per period must be in [0, 1); got 1"),
        ({"retention": "110%"}, "Retention rate per period must be in [0, 1); got 1.1"),
        ({"retention": "eighty"}, "Retention rate per period must be a number; got 'eighty'"),
        ({"retention": ""}, "Retention rate per period is empty; enter a number"),
        ({"discount_rate": -0.05}, "Discount rate per period must be >= 0; got -0.05"),
        ({"acquisition_cost": -1}, "Acquisition cost per customer must be >= 0; got -1"),
        ({"periods": "2.5"}, "Periods shown (1-10,000) must be a whole number; got '2.5'"),
        ({"periods": 0}, "Periods shown (1-10,000) must be in [1, 10000]; got 0"),
    ],
)
def test_retention_bad_inputs_show_a_message_and_keep_the_input(values, message):
    calc = RetentionCalculator()
    assert _bad(calc, **values) == message
    name = next(iter(values))
    typed = values[name]
    assert calc.inputs[name].value == (typed if isinstance(typed, str) else f"{typed:g}")
    default = {f.name: f.default for f in RetentionCalculator.fields}[name]
    calc.set(**{name: default})
    assert calc.error is None and calc.result is not None


def test_long_curves_are_thinned_at_the_largest_periods():
    # the 100 ms budget is measured by benchmarks/bench_calculators.py; here: however long the
    # projection, a chart draws at most MAX_POINTS points per curve (first and last kept) and
    # marks none of them, which is what keeps an update at 10,000 periods as cheap as at ten
    from cpvkit.widgets import _curves, retention

    calc = RetentionCalculator(periods=retention.MAX_PERIODS)
    for line in calc.figure.axes[1].get_lines()[:1]:
        x = np.asarray(line.get_xdata())
        assert len(x) <= _curves.MAX_POINTS and x[0] == 1 and x[-1] == retention.MAX_PERIODS
        assert line.get_marker() in ("None", None, "")
    clv = CLVCalculator(horizon=10_000)
    curves = [ln for ln in clv.figure.axes[0].get_lines() if len(ln.get_xdata()) > 2]
    assert len(curves) == 2
    for line in curves:
        x = np.asarray(line.get_xdata())
        assert len(x) <= _curves.MAX_POINTS and x[-1] == 10_000
        assert line.get_marker() in ("None", None, "")
    short = CLVCalculator(horizon=10)
    assert all(ln.get_marker() == "o" for ln in short.figure.axes[0].get_lines()[:1])
    assert len(short.figure.axes[0].get_lines()[0].get_xdata()) == len(short.result.schedule)
    assert calc.set(periods=retention.MAX_PERIODS + 1).error == (
        "Periods shown (1-10,000) must be in [1, 10000]; got 10001"
    )


# -------------------------------------------------------------------------- CLV


def test_clv_textbook_values_and_scenarios():
    calc = CLVCalculator()
    assert calc.result.clv == pytest.approx(366.6667, abs=1e-4)  # first margin at time 0
    assert calc.result.clv_b == pytest.approx(550.0)
    assert calc.result.difference == pytest.approx(183.3333, abs=1e-4)
    assert len(calc.result.schedule) == 20
    assert calc.result.schedule["time"].iloc[0] == 0
    assert "difference B - A +183.33" in repr(calc)
    calc.set(include_first=False)  # future margins of a customer who has just paid
    assert calc.result.clv == pytest.approx(266.6667, abs=1e-4)
    calc.set(include_first=True, horizon=2)
    assert calc.result.clv == pytest.approx(172.73, abs=0.01)
    assert calc.result.schedule["cumulative_clv"].iloc[-1] == pytest.approx(calc.result.clv)
    calc.set(horizon=None, compare=False, acquisition_cost=100)
    assert calc.result.clv_b is None and calc.result.difference is None
    assert calc.result.clv == pytest.approx(266.6667, abs=1e-4)
    assert len(calc.figure.axes[0].get_lines()) == 3  # A's build-up, its limit, the zero line


def test_clv_zero_retention_edge():
    calc = CLVCalculator(retention=0, compare=False)
    assert calc.result.clv == pytest.approx(100.0)  # the margin paid at acquisition
    assert calc.set(include_first=False).result.clv == 0.0
    assert calc.set(discount_rate=0, retention=0.75, include_first=True).result.clv == (
        pytest.approx(100 * relationship.expected_lifetime(0.75))
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"retention": 1}, "A: retention rate must be in [0, 1); got 1"),
        ({"retention_b": 1.2}, "B: retention rate must be in [0, 1); got 1.2"),
        ({"discount_rate_b": "x"}, "B: discount rate must be a number; got 'x'"),
        (
            {"horizon": "2.5"},
            "Horizon in periods (1-10,000; empty = no limit) must be a whole number; got '2.5'",
        ),
        (
            {"horizon": 0},
            "Horizon in periods (1-10,000; empty = no limit) must be in [1, 10000]; got 0",
        ),
        ({"margin": ""}, "A: margin per period is empty; enter a number"),
    ],
)
def test_clv_bad_inputs(values, message):
    calc = CLVCalculator()
    assert _bad(calc, **values) == message


def test_clv_scenario_b_errors_ignored_when_not_compared():
    calc = CLVCalculator(retention_b=2, compare=False)
    assert calc.error is None


# -------------------------------------------------------------------------- complaints


def test_complaints_match_cpvkit():
    calc = ComplaintCalculator()
    expected = relationship.complaint_recovery(1000, 0.3, 0.5, 0.8, 0.2, 0.1, 200)
    assert calc.result.recovery == expected
    assert calc.result.word_of_mouth == relationship.word_of_mouth(1000, 10, 2)
    assert calc.result.to_frame()["customers"].sum() == pytest.approx(1000)
    assert "recovery buys back 90.0 customers" in repr(calc)
    assert "18,000.00" in repr(calc)


def test_complaints_edges():
    calc = ComplaintCalculator(customer_value=None, dissatisfied=0)
    assert calc.error is None
    assert np.isnan(calc.result.recovery.recovered_value)
    assert "Value of the customers" not in repr(calc)
    assert calc.result.word_of_mouth.total == 0.0


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"complain_rate": "120%"}, "Share who complain must be in [0, 1]; got 1.2"),
        ({"dissatisfied": -5}, "Dissatisfied customers must be >= 0; got -5"),
        ({"tell": "ten"}, "People each tells must be a number; got 'ten'"),
        ({"repurchase_silent": 2}, "Buy again: did not complain must be in [0, 1]; got 2"),
    ],
)
def test_complaints_bad_inputs(values, message):
    assert _bad(ComplaintCalculator(), **values) == message


# -------------------------------------------------------------------------- RFM


@pytest.fixture
def small_log():
    return pd.DataFrame(
        {
            "customer_id": [1, 1, 2, 3, 3, 3, 4],
            "date": pd.to_datetime(
                [
                    "2024-01-02",
                    "2024-02-01",
                    "2024-01-15",
                    "2024-01-03",
                    "2024-01-20",
                    "2024-02-10",
                    "2024-02-10",
                ]
            ),
            "amount": [20.0, 30.0, 15.0, 40.0, 25.0, 60.0, 5.0],
        }
    )


def test_rfm_on_a_given_log_matches_cpvkit(small_log):
    calc = RFMExplorer(transactions=small_log, bins=3, analysis_date="2024-03-01")
    summary = crm.rfm_summary(small_log, analysis_date="2024-03-01")
    expected = crm.rfm_segments(crm.rfm_scores(summary, bins=3))
    pd.testing.assert_frame_equal(calc.result.customers, expected)
    pd.testing.assert_frame_equal(calc.result.segments, crm.rfm_segment_summary(expected))
    assert calc.result.segments["customers"].sum() == 4
    assert calc.result.segments["value"].sum() == pytest.approx(195.0)
    assert calc.result.pareto_share == pytest.approx(crm.pareto_share(summary["monetary"]))
    assert calc.result.gini == pytest.approx(crm.gini(summary["monetary"]))
    calc.set(analysis_date="")  # default: the day after the last purchase
    assert calc.result.customers["recency"].min() == 1


def test_rfm_charts(small_log):
    calc = RFMExplorer(transactions=small_log)
    assert "Gini" in calc.figure.axes[0].get_legend_handles_labels()[1][1]
    calc.set(chart="RFM heatmap")
    assert len(calc.figure.axes) == 2  # heatmap and colour bar
    calc.set(chart="Customer pyramid")
    assert [t.get_text() for t in calc.figure.axes[0].get_yticklabels()] == [
        "Platinum",
        "Gold",
        "Iron",
        "Lead",
    ]
    assert calc._repr_mimebundle_()["text/html"].count("data:image/png;base64,") == 3


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"analysis_date": "2023-12-31"},
            "Analysis date (empty = after last purchase) must be on or after the last "
            "transaction (2024-02-10); got 2023-12-31",
        ),
        (
            {"analysis_date": "someday"},
            "Analysis date (empty = after last purchase) must be a date; got 'someday'; "
            "allowed: datetimes, date text such as '1997-01-01', or whole numbers written "
            "YYYYMMDD such as 19970101",
        ),
        ({"top": 0}, "Top share of customers must be in (0, 1]; got 0"),
        ({"top": "a fifth"}, "Top share of customers must be a number; got 'a fifth'"),
    ],
)
def test_rfm_bad_inputs(small_log, values, message):
    assert _bad(RFMExplorer(transactions=small_log), **values) == message


def test_rfm_upload(small_log):
    calc = RFMExplorer(source="upload", analysis_date="")
    assert calc.error == "no file uploaded yet; upload a CSV or choose the CDNOW data"
    content = small_log.to_csv(index=False).encode()
    upload = {
        "name": "log.csv",
        "type": "text/csv",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc),
    }
    calc.inputs["upload"].value = (upload,)
    assert calc.error is None
    assert len(calc.result.customers) == 4
    bad = b"id,when,paid\n1,2024-01-01,3\n"
    calc.inputs["upload"].value = ({**upload, "content": memoryview(bad), "size": len(bad)},)
    assert calc.error.startswith("transactions is missing column(s) customer_id, date, amount")
    assert calc.result is None


def test_rfm_segment_table_shows_every_segment(small_log):
    calc = RFMExplorer(transactions=small_log, analysis_date="2024-03-01")
    segments = calc.result.segments
    assert list(segments.index) == [rule.segment for rule in crm.RFM_SEGMENT_RULES]
    assert segments.loc["Lost", "customers"] == 0
    html = calc._repr_mimebundle_()["text/html"]
    assert "Lapsing one-time buyers" in html and "\u2013" in html  # empty segment: a dash
    assert ">nan<" not in html.lower()
    calc.set(bins=4)  # scores change, segments (days, purchase days, spend) do not
    pd.testing.assert_frame_equal(calc.result.segments, segments)


def test_rfm_without_given_data():
    calc = RFMExplorer(source="given")
    assert calc.error == "no DataFrame was given; choose the CDNOW data or upload a CSV"


def test_rfm_cdnow_default_and_cache():
    from cpvkit.widgets import rfm

    calc = RFMExplorer()
    assert len(calc.result.customers) == 23_570
    cached = rfm._SUMMARY_CACHE[("cdnow", "1998-07-01")]
    calc.set(bins=4)
    assert rfm._SUMMARY_CACHE[("cdnow", "1998-07-01")] is cached  # not recomputed
    assert calc.result.customers["r_score"].max() == 4
    scored = calc.result.customers
    calc.set(top=0.1, chart="Customer pyramid")  # neither rescoring nor resegmenting
    assert calc.result.customers is scored
    assert calc.result.pareto_share == pytest.approx(crm.pareto_share(scored["monetary"], 0.1))


# -------------------------------------------------------------------------- perceived value


def test_perceived_value_matches_cpvkit():

    calc = PerceivedValueCalculator()
    firm = value.delivered_value(40, 20, 15, 10, 50, 5, 4, 3)
    rival = value.delivered_value(42, 12, 12, 12, 45, 8, 6, 4)
    assert calc.result.firm == firm and calc.result.competitor == rival
    assert calc.result.advantage == pytest.approx(firm.value - rival.value)
    assert calc.result.contributions["advantage"].sum() == pytest.approx(calc.result.advantage)
    assert calc.result.contributions.loc["monetary", "advantage"] == pytest.approx(-5.0)
    labels = [t.get_text() for t in calc.figure.axes[0].get_yticklabels()]
    assert labels[-1] == "delivered value" and len(labels) == 9


def test_perceived_value_edges_and_bad_inputs():

    calc = PerceivedValueCalculator()
    same = {
        f"competitor_{p}": calc.inputs[f"firm_{p}"].value
        for p in (
            "product",
            "service",
            "personnel",
            "image",
            "monetary",
            "time",
            "energy",
            "psychic",
        )
    }
    calc.set(**same)
    assert calc.result.advantage == 0.0
    assert _bad(calc, firm_time=-3) == "Firm: time must be >= 0; got -3"
    assert _bad(calc, firm_time=1, competitor_image="good").startswith(
        "Competitor: image must be a number"
    )


# -------------------------------------------------------------------------- Kano


def test_kano_survey_default_matches_cpvkit():

    calc = KanoCalculator()
    expected = satisfaction.kano_summary(datasets.load_kano_survey())
    pd.testing.assert_frame_equal(calc.result.summary, expected)
    assert len(calc.figure.axes) == 1


def test_kano_typed_answers():

    calc = KanoCalculator(source="typed")
    summary = calc.result.summary
    assert summary.loc["Secure payment", "category"] == "M"
    assert summary.loc["Same-day delivery", "category"] == "A"
    calc.set(answers="Gift box, 1, 5\nGift box, like, dislike\n# a comment\n\n")
    assert calc.result.summary.loc["Gift box", "category"] == "O"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "answers is empty"),
        ("Free returns, like", "answers: line 1 ('Free returns, like') needs 3 comma-separated"),
        ("Free returns, like, maybe", "'maybe'"),
    ],
)
def test_kano_bad_answers(text, fragment):

    assert fragment in _bad(KanoCalculator(source="typed"), answers=text)


# -------------------------------------------------------------------------- IPA


def test_ipa_survey_default_matches_cpvkit():

    calc = IPACalculator()
    ratings = datasets.load_ipa_ratings(summary=True)[["attribute", "importance", "performance"]]
    pd.testing.assert_frame_equal(calc.result.table, satisfaction.ipa(ratings))
    calc.set(crosshair="median")
    pd.testing.assert_frame_equal(calc.result.table, satisfaction.ipa(ratings, crosshair="median"))


def test_ipa_typed_and_midpoint():

    calc = IPACalculator(source="typed", crosshair="midpoint")
    table = calc.result.table.set_index("attribute")
    assert table.loc["Speed of service", "quadrant"] == "Concentrate here"
    assert table.loc["Music", "quadrant"] == "Possible overkill"
    assert table.loc["Wi-Fi", "quadrant"] == "Low priority"
    assert "Concentrate here: Speed of service" in repr(calc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Coffee taste, high, 5.9", "ratings: line 1: importance must be a number; got 'high'"),
        ("Coffee, 6", "ratings: line 1 ('Coffee, 6') needs 3 comma-separated fields"),
        ("", "ratings is empty"),
    ],
)
def test_ipa_bad_ratings(text, message):

    assert _bad(IPACalculator(source="typed"), ratings=text).startswith(message)


# -------------------------------------------------------------------------- satisfaction / NPS


def test_satisfaction_counts_default_matches_cpvkit():

    calc = SatisfactionCalculator()
    counts = [2, 1, 1, 2, 2, 4, 8, 12, 18, 20, 30]
    assert calc.result.nps == satisfaction.nps_from_counts(counts)
    assert calc.result.nps.score == pytest.approx(30.0)
    assert calc.result.nps.se == pytest.approx(7.8, abs=0.05)
    assert calc.result.counts.tolist() == counts
    assert calc.result.disconfirmation == satisfaction.disconfirmation(
        performance=6.0, adequate=5.0, desired=7.0
    )
    assert calc.result.disconfirmation.outcome == "satisfied"
    assert "NPS +30" in [t.get_text() for t in calc.figure.axes[0].texts]


def test_satisfaction_scores_and_disconfirmation():

    calc = SatisfactionCalculator(entry="scores", scores="10, 9; 8\n0 6 10", confidence=0.9)
    assert calc.result.nps == satisfaction.nps([10, 9, 8, 0, 6, 10], confidence=0.9)
    assert calc.result.counts.sum() == 6 and calc.result.counts[10] == 2
    calc.set(adequate=4, desired=6, performance=4, chart="Disconfirmation scale")
    assert calc.result.disconfirmation.outcome == "satisfied"  # on the adequate edge
    calc.set(performance=3)
    assert calc.result.disconfirmation.outcome == "dissatisfied"
    assert "perceived 3: dissatisfied (-1.00 against adequate, -3.00 against desired)" in repr(calc)
    assert "perceived 3: dissatisfied" in [t.get_text() for t in calc.figure.axes[0].texts]
    calc.set(performance=6.5)
    assert calc.result.disconfirmation.outcome == "delighted"
    calc.set(entry="counts", counts="0 0 0 0 0 0 0 0 0 0 5")  # edge: everybody a promoter
    assert calc.result.nps.score == 100.0


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"counts": "1 2 3"}, "counts must hold 11 numbers, for the scores 0 to 10; got 3"),
        ({"counts": "1 2 x 4 5 6 7 8 9 10 11"}, "counts: 'x' is not a number"),
        ({"counts": "0 0 0 0 0 0 0 0 0 0 0"}, "counts"),
        ({"entry": "scores", "scores": "10 9 11"}, "11"),
        ({"entry": "scores", "scores": ""}, "scores is empty"),
        ({"confidence": 1.5}, "Confidence level"),
        (
            {"adequate": 8, "desired": 6},
            "Adequate service (lowest acceptable) must not exceed desired",
        ),
        ({"desired": "high"}, "Desired service"),
    ],
)
def test_satisfaction_bad_inputs(values, fragment):

    assert fragment in _bad(SatisfactionCalculator(), **values)

"""Property tests: every calculator input under bad input; never a traceback.

Each calculator input is given text a reader might type (numbers in odd forms, overflow-scale
numbers, NaN and infinities, decimal commas, empty text, garbage), and every choice input each
of its options. The contract: ``set`` never raises for text; the calculator then shows either
a result (with a snapshot that renders) or a plain message naming the input by its label.
Values of the wrong type given to ``set`` raise ``TypeError`` and change nothing.
"""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties_functions import COMMON

import cpvkit.widgets as widgets

#: Examples per calculator (each one recomputes and redraws, about 50 ms).
EXAMPLES = 20
PROFILE = settings(max_examples=EXAMPLES, **COMMON)


NAMES = [
    "RetentionCalculator",
    "CLVCalculator",
    "ComplaintCalculator",
    "RFMExplorer",
    "PerceivedValueCalculator",
    "SatisfactionCalculator",
    "KanoCalculator",
    "IPACalculator",
]

TYPED = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e308",
            "-1e308",
            "1e-320",
            "nan",
            "inf",
            "-inf",
            "80%",
            "120%",
            "1,000",
            "6,3",
            "1.000,5",
            "\u22125",
            "10" * 30,
            "True",
            "none",
            "1e12",
            "1e13",
            "0.999999999",
        ]
    ),
    st.text(max_size=15),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)

TABLE_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            "Coffee, 6,3, 5,9",
            "Coffee, 1e308, 5",
            "Coffee, nan, 5",
            "x, like, like",
            "x, like",
            "1e20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1",
            "10 9 8 nan",
            "10 9 8 1e308",
            "# only a comment",
            "a, b, c, d, e",
        ]
    ),
    st.lists(st.text(max_size=10), max_size=4).map(", ".join),
)

_CALCS: dict[str, object] = {}


def _calc(name: str):
    if name not in _CALCS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _CALCS[name] = getattr(widgets, name)()
    return _CALCS[name]


def _fields(name: str, kinds: tuple[str, ...]) -> list[str]:
    return [f.name for f in getattr(widgets, name).fields if f.kind in kinds]


def _check_shown(calc, snapshot: bool = True) -> None:
    labels = [f.label for f in calc.fields]
    if calc.error is not None:
        assert calc.error.strip() and "Traceback" not in calc.error
        assert "\n" not in calc.error
        # a message about a numeric input names it by its label, not its internal name
        for field in calc.fields:
            if "_" in field.name and field.kind in ("number", "int"):
                assert not calc.error.startswith(field.name), calc.error
        assert calc.result is None and calc.figure is None
    else:
        assert calc.result is not None and calc.figure is not None
    if snapshot:
        html = calc.snapshot_html()
        assert "Traceback" not in html
    assert labels


@pytest.mark.parametrize("name", NAMES)
@PROFILE
@given(data=st.data())
def test_typed_text_never_raises(name, data):
    calc = _calc(name)
    fields = {f.name: f for f in calc.fields}
    text_fields = _fields(name, ("number", "int", "text"))
    field = data.draw(st.sampled_from(text_fields))
    multi = fields[field].kind == "text" and field != "analysis_date"
    value = data.draw(TABLE_TEXT if multi else TYPED)
    choices = {
        f.name: data.draw(st.sampled_from([v for _, v in f.options]))
        for f in calc.fields
        if f.kind == "choice" and f.name in ("source", "entry", "chart")
    }
    if choices.get("source") == "upload":
        choices.pop("source")
    calc.set(**choices, **{field: value})
    _check_shown(calc, snapshot=data.draw(st.integers(0, 4)) == 0)
    assert calc.inputs[field].value == value  # what the reader typed stays in the field
    calc.set(**{field: fields[field].default if fields[field].default is not None else ""})


WRONG_TYPES = [object(), [1, 2], {"a": 1}, 1 + 2j, b"80", np.array([1.0])]


@pytest.mark.parametrize("name", NAMES)
def test_wrong_types_raise_and_change_nothing(name):
    calc = _calc(name)
    calc.set(**{f.name: f.default for f in calc.fields if f.kind == "choice"})
    before = calc.values()
    result = calc.result
    for field in calc.fields:
        if field.kind == "upload":
            continue
        wrong = [*WRONG_TYPES, True] if field.kind in ("number", "int") else WRONG_TYPES
        if field.kind == "flag":
            wrong = [*WRONG_TYPES, "False", 0, 1]
        if field.kind == "choice":
            wrong = ["not an option", 12345]
        first = next(
            iter(f.name for f in calc.fields if f.name != field.name and f.kind != "upload")
        )
        for value in wrong:
            with pytest.raises((TypeError, ValueError)) as info:
                calc.set(**{first: calc.inputs[first].value, field.name: value})
            assert field.name in str(info.value)
            assert calc.values() == before, f"{name}.set({field.name}={value!r}) changed inputs"
            assert calc.result is result


def test_kano_typed_valid_answers_that_are_all_questionable_still_show_a_result():
    calc = widgets.KanoCalculator(source="typed", answers="x, like, like")
    assert calc.error is None
    assert calc.result.summary.loc["x", "category"] == "Q"


def test_ipa_decimal_commas_are_refused_not_misread():
    calc = widgets.IPACalculator(source="typed", ratings="Coffee, 6,3, 5,9\nTea, 5.1, 4.0")
    assert calc.error is not None and "decimal commas" in calc.error


def test_overflow_scale_inputs_become_messages():
    assert "at most" in widgets.CLVCalculator().set(margin_b="1e308").error
    assert "at most" in widgets.SatisfactionCalculator().set(desired="1e308").error
    calc = widgets.SatisfactionCalculator().set(counts="1e20 1 1 1 1 1 1 1 1 1 1")
    assert calc.error is not None and "at most" in calc.error
    assert "years 1000 to 9999" in widgets.RFMExplorer().set(analysis_date="-1").error


def test_rfm_upload_with_yyyymmdd_dates():
    csv = b"customer_id,date,amount\n1,19970101,10\n1,19970102,5\n2,19970101,8\n2,19970215,7\n"
    calc = widgets.RFMExplorer(source="upload", analysis_date="1997-02-16")
    upload = {"name": "log.csv", "type": "text/csv", "size": len(csv), "content": memoryview(csv)}
    stamp = dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc)
    calc.inputs["upload"].value = ({**upload, "last_modified": stamp},)
    assert calc.error is None, calc.error
    assert calc.result.customers["recency"].tolist() == [45, 1]
    assert calc.result.customers["frequency"].tolist() == [2, 2]

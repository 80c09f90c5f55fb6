"""The page calculators compute the same numbers and messages as cpvkit, in a real browser.

For each calculator at least 200 input sets (typical, edge and invalid) are computed twice:
with the cpvkit calculator (``calc.set(**inputs)``, its result and its message) and with the
page script in headless Chromium (``CpvkitLive.compute``, called in batches through
``page.evaluate``). Every number must agree to a relative difference of 1e-9 and every invalid
input must get the same message.
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable
from typing import Any

import pytest
from matplotlib.figure import Figure

from cpvkit import widgets
from cpvkit.widgets import _base
from cpvkit.widgets._live import spec
from tests.live_support import script_page

pytestmark = pytest.mark.browser

CASES = 240
RTOL = 1e-9


@pytest.fixture(scope="module")
def page(chromium):
    page, errors = script_page(chromium)
    yield page
    assert not errors, errors
    page.close()


@pytest.fixture(autouse=True)
def _no_drawing(monkeypatch):
    """The reference needs results and messages only: skip the charts (they are tested apart)."""
    monkeypatch.setattr(_base, "figure_svg", lambda *a, **k: b"")
    blank = Figure(figsize=(6.0, 3.0))  # stands for every chart (it is never drawn)
    for cls in CALCULATORS:
        monkeypatch.setattr(cls, "_draw", lambda self, result, chart=None: blank)


# ------------------------------------------------------------------ typed values


def _number_text(rng: random.Random, value: float) -> str:
    """A number as a reader might type it."""
    style = rng.random()
    if style < 0.55:
        return repr(round(value, rng.choice([0, 1, 2, 3, 6])))
    if style < 0.7:
        return f"{value:g}"
    if style < 0.8 and abs(value) <= 1:
        return f"{value * 100:g}%"
    if style < 0.9 and abs(value) >= 1000:
        return f"{value:,.0f}"
    return f" {value:.4g} "


BAD_NUMBERS = [
    "",
    "abc",
    "eighty",
    "1..2",
    "5%%",
    "1__0",
    "nan",
    "inf",
    "-inf",
    "1e999",
    "0x10",
    "1,00",
    "--1",
    "1 2",
    "(5)",
    "$10",
    "10 %",
    "\u22121",
    "1_000",
    "1e3",
    ".5",
    "5.",
    "+3",
    "1,000,000",
    "it's",
    'say "5"',
    "五",
    "é",
]


def _mutate(rng: random.Random, values: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """Replace one numeric input by an odd or invalid entry."""
    out = dict(values)
    name = rng.choice(names)
    choice = rng.random()
    if choice < 0.6:
        out[name] = rng.choice(BAD_NUMBERS)
    elif choice < 0.8:
        out[name] = rng.choice(["-1", "-0.5", "-1e-9", "-0", "0", "1", "1.5", "100%", "101%", "2"])
    else:
        out[name] = rng.choice(["1e12", "1e15", "12.5", "0.0001", "-250", "999999"])
    return out


def _cases(
    rng: random.Random, typical: Callable[[random.Random], dict[str, Any]], names: list[str]
):
    cases = []
    for i in range(CASES):
        values = typical(rng)
        if i % 3 == 2 and names:
            values = _mutate(rng, values, names)
        cases.append(values)
    return cases


# ------------------------------------------------------------------ calculators


def _pv_typical(rng: random.Random) -> dict[str, Any]:
    out = {}
    for field in widgets.PerceivedValueCalculator.fields:
        roll = rng.random()
        value = 0.0 if roll < 0.1 else rng.uniform(0, 60) if roll < 0.9 else rng.uniform(0, 1e6)
        out[field.name] = _number_text(rng, value)
    if rng.random() < 0.05:
        for part in ("monetary", "time", "energy", "psychic"):
            out[f"{rng.choice(['firm', 'competitor'])}_{part}"] = "0"
    return out


def _pv_numbers(calc: Any) -> dict[str, Any]:
    res = calc.result
    out = {}
    for who, dv in (("firm", res.firm), ("competitor", res.competitor)):
        for key in ("total_value", "total_cost", "value", "ratio"):
            out[f"{who}_{key}"] = getattr(dv, key)
    for part, adv in res.contributions["advantage"].items():
        out[f"advantage_{part}"] = adv
    out["advantage"] = res.advantage
    return out


def _complaint_typical(rng: random.Random) -> dict[str, Any]:
    out = {
        "dissatisfied": _number_text(rng, rng.choice([0, rng.uniform(0, 1e5)])),
        "tell": _number_text(rng, rng.uniform(0, 20)),
        "retell": _number_text(rng, rng.uniform(0, 5)),
    }
    for name in (
        "complain_rate",
        "resolved_rate",
        "repurchase_resolved",
        "repurchase_unresolved",
        "repurchase_silent",
    ):
        out[name] = _number_text(rng, rng.choice([0.0, 1.0, rng.random(), rng.random()]))
    out["customer_value"] = rng.choice(["", _number_text(rng, rng.uniform(-100, 5000))])
    return out


def _complaint_numbers(calc: Any) -> dict[str, Any]:
    wom, rec = calc.result.word_of_mouth, calc.result.recovery
    out = {key: getattr(wom, key) for key in ("direct", "indirect", "total")}
    for key in (
        "complainers",
        "silent",
        "resolved",
        "unresolved",
        "retained_resolved",
        "retained_unresolved",
        "retained_silent",
        "retained",
        "retained_without_recovery",
        "recovered_customers",
        "recovered_value",
    ):
        out[key] = getattr(rec, key)
    return out


def _scores_text(rng: random.Random, size: int, bad: bool) -> str:
    tokens = [str(rng.randint(0, 10)) for _ in range(size)]
    if bad and tokens:
        tokens[rng.randrange(len(tokens))] = rng.choice(
            ["eleven", "11", "-1", "9.5", "inf", "nan", "1e1", "10.0", "+5", "x"]
        )
    sep = rng.choice([" ", ", ", ";", "\n", " ,  "])
    return sep.join(tokens)


def _satisfaction_typical(rng: random.Random) -> dict[str, Any]:
    fields = {f.name for f in widgets.SatisfactionCalculator.fields}
    bad = rng.random() < 0.25
    out: dict[str, Any] = {
        "entry": rng.choice(["counts", "scores"]),
        "counts": _scores_text(rng, rng.choice([11, 11, 11, 10, 12, 3]), bad)
        if rng.random() < 0.5
        else " ".join(str(rng.choice([0, 0, rng.randint(0, 500)])) for _ in range(11)),
        "scores": _scores_text(rng, rng.choice([0, 1, 5, 30, 200]), bad),
        "confidence": _number_text(rng, rng.choice([0.9, 0.95, 0.99, rng.uniform(0.01, 0.999)])),
        "performance": _number_text(rng, rng.uniform(1, 9)),
    }
    if "adequate" in fields:
        low = rng.uniform(1, 8)
        out["adequate"] = _number_text(rng, low)
        out["desired"] = _number_text(rng, rng.choice([low, low + rng.uniform(-1, 3)]))
    else:
        out["expectation"] = _number_text(rng, rng.uniform(1, 9))
        out["tolerance"] = _number_text(rng, rng.choice([0, rng.uniform(0, 1)]))
    return out


def _satisfaction_numbers(calc: Any) -> dict[str, Any]:
    r, d = calc.result.nps, calc.result.disconfirmation
    out = {
        key: getattr(r, key)
        for key in (
            "n",
            "promoters",
            "passives",
            "detractors",
            "score",
            "se",
            "ci_low",
            "ci_high",
        )
    }
    for group, share in r.shares.items():
        out[f"share_{group}"] = share
    for key in ("outcome", "gap", "adequacy_gap", "superiority_gap"):
        if hasattr(d, key):
            out[f"d_{key}"] = getattr(d, key)
    return out


KANO_WORDS = [
    "like",
    "must-be",
    "neutral",
    "live-with",
    "dislike",
    "Like",
    "MUST BE",
    "must_be",
    "live with",
    "I like it",
    "i can live with it",
    "I dislike it that way",
    "indifferent",
    "1",
    "5",
    "3.0",
]
KANO_BAD = ["maybe", "", "6", "0", "likes", "1.5", "n/a"]
FEATURES = ["Free returns", "Same-day delivery", "Secure payment", "Gift wrap, free", "Tracking"]


def _kano_typed(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.choice([0, 1, 3, 8, 20, 40])):
        words = [rng.choice(KANO_WORDS), rng.choice(KANO_WORDS)]
        if rng.random() < 0.02:
            words[rng.randrange(2)] = rng.choice(KANO_BAD)
        line = f"{rng.choice(FEATURES)}, {words[0]}, {words[1]}"
        roll = rng.random()
        if roll < 0.01:
            line = f"{rng.choice(FEATURES)}, {words[0]}"
        elif roll < 0.04:
            line = rng.choice(["", "# a comment", "   "])
        lines.append(line)
    return rng.choice(["\n", "\r\n"]).join(lines)


def _kano_typical(rng: random.Random) -> dict[str, Any]:
    return {
        "source": rng.choice(["survey", "typed", "typed", "typed"]),
        "answers": _kano_typed(rng),
        "threshold": _number_text(rng, rng.random()),
    }


def _kano_numbers(calc: Any) -> dict[str, Any]:
    summary = calc.result.summary
    out: dict[str, Any] = {"pairs": len(calc.result.answers), "features": len(summary)}
    for i, (name, row) in enumerate(summary.iterrows()):
        out[f"{i}_feature"] = str(name)
        for key in ("A", "O", "M", "I", "R", "Q", "n", "category", "better", "worse"):
            out[f"{i}_{key}"] = row[key] if key == "category" else float(row[key])
    return out


def _ipa_typed(rng: random.Random) -> str:
    names = ["Coffee taste", "Speed of service", "Value for money", "Wi-Fi", "Music, live", "Staff"]
    lines = []
    for _ in range(rng.choice([0, 1, 2, 4, 6, 6, 8])):
        imp, perf = (_number_text(rng, rng.uniform(1, 7)) for _ in range(2))
        if rng.random() < 0.03:
            imp = rng.choice(["high", "", "inf", "1e3", "nan", "6,3"])
        line = f"{rng.choice(names)}, {imp}, {perf}"
        if rng.random() < 0.03:  # decimal commas, or a name that ends in a number
            line = rng.choice(
                ["Coffee, 6,3, 5,9", "Wi-Fi 2, 6.1, 4", "Seats, 2, 6,5, 4", "Tea, 1,000, 5"]
            )
        if rng.random() < 0.02:
            line = f"{rng.choice(names)}, {imp}"
        lines.append(line)
    return "\n".join(lines)


def _ipa_typical(rng: random.Random) -> dict[str, Any]:
    return {
        "source": rng.choice(["survey", "typed", "typed", "typed"]),
        "ratings": _ipa_typed(rng),
        "crosshair": rng.choice(["mean", "median", "midpoint"]),
    }


def _ipa_numbers(calc: Any) -> dict[str, Any]:
    table = calc.result.table
    cross = table.attrs["crosshair"]
    out: dict[str, Any] = {
        "attributes": len(table),
        "cx": cross["performance"],
        "cy": cross["importance"],
    }
    for i, row in enumerate(table.itertuples(index=False)):
        out[f"{i}_attribute"] = str(row.attribute)
        out[f"{i}_importance"] = row.importance
        out[f"{i}_performance"] = row.performance
        out[f"{i}_quadrant"] = str(row.quadrant)
    return out


def _sample_rows(n: int) -> list[int]:
    """The rows compared (as the page script's sampleRows): first 30, middle, a third, last."""
    return sorted(set(range(min(n, 30))) | {n - 1, n // 2, n // 3})


def _rate(rng: random.Random) -> float:
    return rng.choice([0.0, 0.5, 0.8, 0.9, 0.95, 0.999, rng.random()])


def _retention_typical(rng: random.Random) -> dict[str, Any]:
    return {
        "retention": _number_text(rng, _rate(rng)),
        "margin": _number_text(rng, rng.choice([100.0, 0.0, -20.0, rng.uniform(-50, 500)])),
        "discount_rate": _number_text(rng, rng.choice([0.0, 0.1, rng.uniform(0, 0.5)])),
        "acquisition_cost": _number_text(rng, rng.choice([0.0, 150.0, rng.uniform(0, 2000)])),
        "customers": _number_text(rng, rng.choice([1000.0, 0.0, rng.uniform(0, 1e6)])),
        "periods": str(rng.choice([1, 2, 10, 20, 57, 1000, 10_000])),
        "chart": rng.choice(widgets.RetentionCalculator.charts),
    }


def _retention_numbers(calc: Any) -> dict[str, Any]:
    res = calc.result
    out: dict[str, Any] = {
        "lifetime": res.lifetime,
        "clv": res.clv,
        "clv_net": res.clv_net,
        "payback": res.payback_period,
        "periods": len(res.cohort),
    }
    cohort = res.cohort
    for i in _sample_rows(len(cohort)):
        for key in (
            "survival",
            "customers",
            "lost",
            "profit",
            "discount_factor",
            "present_value",
            "cumulative_present_value",
        ):
            out[f"cohort_{i}_{key}"] = float(cohort[key].iloc[i])
    for i, row in enumerate(res.table.itertuples(index=False)):
        for key in ("retention", "churn", "lifetime", "clv", "clv_net"):
            out[f"table_{i}_{key}"] = getattr(row, key)
    return out


def _clv_typical(rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for suffix in ("", "_b"):
        out["margin" + suffix] = _number_text(rng, rng.choice([100.0, rng.uniform(-100, 1000)]))
        out["retention" + suffix] = _number_text(rng, _rate(rng))
        out["discount_rate" + suffix] = _number_text(rng, rng.choice([0.0, 0.1, rng.random()]))
        out["acquisition_cost" + suffix] = _number_text(rng, rng.choice([0.0, rng.uniform(0, 500)]))
    out["horizon"] = rng.choice(["", "", "1", "5", "10", "100", "10000"])
    out["periods"] = str(rng.choice([1, 5, 20, 100, 10_000]))
    out["include_first"] = rng.random() < 0.6
    out["compare"] = rng.random() < 0.7
    return out


def _clv_numbers(calc: Any) -> dict[str, Any]:
    res = calc.result
    out: dict[str, Any] = {"clv": res.clv, "clv_b": res.clv_b, "rows": len(res.schedule)}
    for i in _sample_rows(len(res.schedule)):
        for key in ("survival", "expected_margin", "discount_factor", "present_value"):
            out[f"a_{i}_{key}"] = float(res.schedule[key].iloc[i])
            if res.schedule_b is not None:
                out[f"b_{i}_{key}"] = float(res.schedule_b[key].iloc[i])
        out[f"a_{i}_cumulative_clv"] = float(res.schedule["cumulative_clv"].iloc[i])
        if res.schedule_b is not None:
            out[f"b_{i}_cumulative_clv"] = float(res.schedule_b["cumulative_clv"].iloc[i])
    return out


def _csv(rng: random.Random) -> tuple[str, bool]:
    """A small purchase log as CSV text; the flag says it was made invalid on purpose."""
    customers = rng.randint(1, 25)
    ids = (
        [str(rng.randint(1, 500)) for _ in range(customers)]
        if rng.random() < 0.6
        else [f"C{rng.randint(1, 99):02d}" for _ in range(customers)]
    )
    lines = ["customer_id,date,amount"]
    for _ in range(rng.randint(1, 60)):
        day = f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        amount = rng.choice([f"{rng.uniform(1, 200):.2f}", str(rng.randint(0, 90)), "12.5"])
        if rng.random() < 0.04:
            amount = f"-{rng.uniform(1, 50):.2f}"  # a refund
        lines.append(f"{rng.choice(ids)},{day},{amount}")
    bad = rng.random() < 0.15
    if bad:
        kind = rng.choice(["column", "empty", "id", "amount", "date"])
        if kind == "column":
            lines[0] = "customer,date,amount"
        elif kind == "empty":
            lines = lines[:1]
        elif kind == "id":
            lines[-1] = "," + lines[-1].split(",", 1)[1]
        elif kind == "amount":
            lines[-1] = lines[-1].rsplit(",", 1)[0] + ","
        else:
            lines[-1] = lines[-1].split(",")[0] + ",,5"
    return "\n".join(lines) + "\n", bad


RFM_DATES = ["1998-07-01", "", "1998-06-30", "1999-01-01", "1998-06-29", "2000-02-29"]
RFM_DATES += ["abc", "1998-13-01", " 1998-07-15 ", "1998/07/01", "19980701", "1998-02-30"]
UPLOAD_DATES = ["", "", "", "", "2024-07-01", "2025-01-01", "2024-06-30", "2024-01-01", "tomorrow"]


def _rfm_typical(rng: random.Random) -> dict[str, Any]:
    cdnow = rng.random() < 0.4
    out: dict[str, Any] = {
        "source": "cdnow" if cdnow else "upload",
        "analysis_date": rng.choice(RFM_DATES if cdnow else UPLOAD_DATES),
        "bins": rng.choice([5, 5, 2, 3, 4, 10]) if cdnow else rng.randint(2, 10),
        "top": _number_text(rng, rng.choice([0.2, 0.1, 0.5, 1.0, rng.random()])),
        "chart": rng.choice(widgets.RFMExplorer.charts),
    }
    if not cdnow:
        text, _ = _csv(rng)
        out["upload"] = {"name": f"log{rng.randint(1, 9)}.csv", "text": text}
    return out


def _rfm_numbers(calc: Any) -> dict[str, Any]:
    res = calc.result
    customers = res.customers
    out: dict[str, Any] = {
        "customers": len(customers),
        "pareto_share": res.pareto_share,
        "gini": res.gini,
        "total": float(customers["monetary"].sum()),
    }
    if "high_spend" in customers.attrs:
        out["high_spend"] = customers.attrs["high_spend"]
    for i, (name, row) in enumerate(res.segments.iterrows()):
        out[f"seg_{i}_segment"] = str(name)
        for key, value in row.items():
            out[f"seg_{i}_{key}"] = float(value)
    for i, (name, row) in enumerate(res.pyramid.summary.iterrows()):
        out[f"tier_{i}_tier"] = str(name)
        for key, value in row.items():
            out[f"tier_{i}_{key}"] = float(value)
    for i in _sample_rows(len(customers)):
        row = customers.iloc[i]
        for key in ("recency", "frequency", "monetary", "r_score", "f_score", "m_score"):
            out[f"c_{i}_{key}"] = float(row[key])
        out[f"c_{i}_rfm_cell"] = str(row["rfm_cell"])
        out[f"c_{i}_segment"] = str(row["segment"])
    return out


def _numeric_names(cls: Any) -> list[str]:
    return [f.name for f in cls.fields if f.kind in ("number", "int")]


#: calculator class -> (typical input generator, reference numbers)
SUITES: dict[Any, tuple[Callable, Callable]] = {
    widgets.PerceivedValueCalculator: (_pv_typical, _pv_numbers),
    widgets.ComplaintCalculator: (_complaint_typical, _complaint_numbers),
    widgets.SatisfactionCalculator: (_satisfaction_typical, _satisfaction_numbers),
    widgets.KanoCalculator: (_kano_typical, _kano_numbers),
    widgets.IPACalculator: (_ipa_typical, _ipa_numbers),
    widgets.RetentionCalculator: (_retention_typical, _retention_numbers),
    widgets.CLVCalculator: (_clv_typical, _clv_numbers),
    widgets.RFMExplorer: (_rfm_typical, _rfm_numbers),
}
CALCULATORS = list(SUITES)


# ------------------------------------------------------------------ the comparison


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if b is None:  # JSON has no NaN: the page's NaN arrives as null
        return a is None or (isinstance(a, float) and math.isnan(a))
    if a is None:
        return False
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if a == b:
        return True
    return abs(a - b) <= RTOL * max(abs(a), abs(b))


def _python_values(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs as the Jupyter calculator takes them (an upload as ipywidgets gives it)."""
    if "upload" not in values:
        return values
    item = values["upload"]
    upload = {
        "name": item["name"],
        "type": "text/csv",
        "size": len(item["text"]),
        "content": item["text"].encode("utf-8"),
        "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    }
    return {**values, "upload": [upload]}


def run_parity(page: Any, cls: Any, seed: int = 13) -> dict[str, int]:
    typical, numbers = SUITES[cls]
    rng = random.Random(seed)
    calc = cls()
    declaration = spec(calc)
    cases = _cases(rng, typical, _numeric_names(cls))
    expected = []
    for values in cases:
        calc.set(**_python_values(values))
        expected.append(
            {"message": calc.error} if calc.error is not None else {"numbers": numbers(calc)}
        )
    got = page.evaluate(
        """([spec, cases]) => cases.map((values) => {
            const out = CpvkitLive.compute(spec, values);
            if (out.internal) return {internal: out.internal};
            if (!out.ok) return {message: out.message};
            try {  // the view of every result is drawn too: no input may break it
                const view = CpvkitLive.calcs[spec.calculator].render(out.result, out.ctx);
                if (!view.svg || !view.summary.length) return {internal: 'empty view'};
            } catch (err) {
                return {internal: 'render: ' + err.stack};
            }
            return {numbers: out.numbers};
        })""",
        [declaration, cases],
    )
    problems = []
    counts = {"valid": 0, "invalid": 0}
    for values, want, have in zip(cases, expected, got, strict=True):
        if "internal" in have:
            problems.append(f"{values}: page script error {have['internal']}")
            continue
        if "message" in want:
            counts["invalid"] += 1
            if have.get("message") != want["message"]:
                problems.append(f"{values}: message {have.get('message')!r} != {want['message']!r}")
            continue
        counts["valid"] += 1
        if "numbers" not in have:
            problems.append(f"{values}: page says {have.get('message')!r}; cpvkit computes")
            continue
        for key, value in want["numbers"].items():
            if key not in have["numbers"] or not _same(value, have["numbers"][key]):
                problems.append(f"{values}: {key} {have['numbers'].get(key)!r} != {value!r}")
    assert not problems, f"{len(problems)} differences, e.g.:\n" + "\n".join(problems[:8])
    return counts


@pytest.mark.parametrize("cls", CALCULATORS, ids=lambda c: c.__name__)
def test_page_calculator_matches_cpvkit(page, cls):
    counts = run_parity(page, cls)
    assert counts["valid"] + counts["invalid"] >= 200
    assert counts["valid"] >= 50 and counts["invalid"] >= 40, counts

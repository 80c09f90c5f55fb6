"""Latency of the calculators: time from an input change to updated numbers and chart.

Each calculator is driven through 100 input changes with ``calc.set(...)``, which recomputes
the result with cpvkit, redraws the chart and renders the live SVG - everything a change in
the browser triggers in the kernel - twice: at its default inputs and at the largest inputs it
accepts (every number at its limit of 1e12 in size, typed tables and lists at their largest
number of lines or numbers, the longest horizon, the largest upload). Prints the median, 90th
percentile and worst update time per calculator (target: the worst of the 100 updates under
100 ms) and the growth of traced Python memory over the updates (figures are replaced, not
accumulated, so it should stay flat).

``--record`` writes the table to ``benchmarks/results/calculators.md``, which the appendix on
scale shows. Run: ``python3 tasks.py bench`` or
``.venv/bin/python benchmarks/bench_calculators.py``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _record  # noqa: E402

UPDATES = 100
#: also trace memory over another round of updates (``--no-memory`` skips it)
MEMORY = True
TARGET_MS = 100.0

# name -> (constructor kwargs, cycle of input changes)
SCENARIOS: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {
    "RetentionCalculator": (
        {},
        [{"retention": r} for r in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)]
        + [{"margin": 120}, {"discount_rate": 0.05}, {"periods": 20}, {"periods": 10}],
    ),
    "CLVCalculator": (
        {},
        [{"retention": r} for r in (0.6, 0.7, 0.8, 0.85)]
        + [{"retention_b": 0.95}, {"horizon": 10}, {"horizon": None}, {"include_first": True}],
    ),
    "ComplaintCalculator": (
        {},
        [{"complain_rate": c} for c in (0.1, 0.2, 0.4, 0.6)]
        + [{"tell": 5}, {"retell": 1}, {"resolved_rate": 0.8}],
    ),
    "RFMExplorer": (
        {},
        [{"bins": b} for b in (3, 4, 5)]
        + [{"top": 0.1}, {"top": 0.2}]
        + [{"analysis_date": d} for d in ("1998-07-01", "1998-09-30", "1998-12-31")],
    ),
    "PerceivedValueCalculator": (
        {},
        [{"firm_product": v} for v in (30, 40, 50)]
        + [{"competitor_monetary": 40}, {"firm_psychic": 5}],
    ),
    "SatisfactionCalculator": (
        {},
        [{"confidence": c} for c in (0.9, 0.95, 0.99)]
        + [{"performance": p} for p in (3.0, 4.0, 5.0)]
        + [{"entry": "scores"}, {"entry": "counts"}],
    ),
    "KanoCalculator": (
        {},
        [{"source": "typed"}, {"source": "survey"}],
    ),
    "IPACalculator": (
        {},
        [{"crosshair": c} for c in ("mean", "median")]
        + [{"source": "typed"}, {"source": "survey"}],
    ),
}


def _typed_lines(n: int, features: int, pattern: str) -> str:
    return "\n".join(pattern.format(i=i % features, k=i) for i in range(n))


def _largest() -> dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Scenarios at the largest inputs each calculator accepts (its stated limits)."""
    import numpy as np
    import pandas as pd

    from cpvkit.widgets import ipa, kano, rfm
    from cpvkit.widgets._base import MAX_NUMBER
    from cpvkit.widgets._tables import MAX_VALUES

    big = f"{MAX_NUMBER:.0f}"
    rng = np.random.default_rng(1)
    scores = " ".join(map(str, rng.integers(0, 11, MAX_VALUES)))
    # the list with one more answer typed at its end, ten times over: more distinct texts
    # than the calculator remembers, so every one of them is read in full
    edits = [{"scores": f"{scores[: scores.rindex(' ')]} {k}"} for k in range(10)]
    kano_text = _typed_lines(
        kano.MAX_LINES, 40, "Feature {i}, {a}, {d}".replace("{a}", "like").replace("{d}", "dislike")
    )
    kano_alt = _typed_lines(kano.MAX_LINES, 40, "Feature {i}, must-be, dislike")
    ipa_text = _typed_lines(ipa.MAX_LINES, ipa.MAX_LINES, "Attribute {i}, 5.{k}, 4.{k}")
    ipa_alt = _typed_lines(ipa.MAX_LINES, ipa.MAX_LINES, "Attribute {i}, 4.{k}, 5.{k}")
    n = rfm.MAX_UPLOAD_ROWS
    log = pd.DataFrame(
        {
            "customer_id": rng.integers(0, n // 3, n),
            "date": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), "D"),
            "amount": rng.gamma(2.0, 30.0, n).round(2),
        }
    )
    return {
        "RetentionCalculator": (
            {"periods": 10_000},
            [{"retention": r} for r in (0.5, 0.9, 0.99)]
            + [{"margin": big}, {"customers": big}, {"acquisition_cost": big}],
        ),
        "CLVCalculator": (
            {"horizon": 10_000, "margin": big, "margin_b": big},
            [{"retention": r} for r in (0.6, 0.9, 0.99)]
            + [{"retention_b": 0.95}, {"acquisition_cost": big}, {"include_first": True}],
        ),
        "ComplaintCalculator": (
            {"dissatisfied": big, "tell": big, "retell": big, "customer_value": big},
            [{"complain_rate": c} for c in (0.1, 0.5, 1.0)] + [{"resolved_rate": 0.9}],
        ),
        "RFMExplorer": (
            {"transactions": log},
            [{"bins": b} for b in (3, 5, 10)]
            + [{"top": 0.1}, {"top": 0.3}]
            + [{"analysis_date": d} for d in ("2022-07-01", "2022-09-30", "")],
        ),
        "PerceivedValueCalculator": (
            {f"firm_{p}": big for p in ("product", "service", "personnel", "image")},
            [{"competitor_product": v} for v in (big, "1", "500000")] + [{"firm_psychic": big}],
        ),
        "SatisfactionCalculator": (
            {"entry": "scores", "scores": scores, "adequate": "-" + big, "desired": big},
            [{"confidence": c} for c in (0.9, 0.99)]
            + [{"performance": p} for p in (big, "-" + big)]
            + [{"entry": "counts", "counts": " ".join([big] * 11)}, {"entry": "scores"}]
            + edits,
        ),
        "KanoCalculator": (
            {"source": "typed", "answers": kano_text},
            [{"answers": kano_alt}, {"answers": kano_text}, {"threshold": 0.4}],
        ),
        "IPACalculator": (
            {"source": "typed", "ratings": ipa_text},
            [{"ratings": ipa_alt}, {"ratings": ipa_text}, {"crosshair": "median"}],
        ),
    }


def _calculators() -> dict[str, type]:
    widgets = importlib.import_module("cpvkit.widgets")
    return {name: getattr(widgets, name) for name in SCENARIOS if hasattr(widgets, name)}


def bench(cls: type, kwargs: dict[str, Any], changes: list[dict[str, Any]]) -> dict[str, Any]:
    calc = cls(**kwargs)
    steps = list(itertools.islice(itertools.cycle(changes), UPDATES))
    # warm up: one pass over the changes (fills the caches a user's first clicks fill too)
    for change in changes:
        calc.set(**change)
    times = []
    errors = 0
    for change in steps:
        t0 = time.perf_counter()
        calc.set(**change)
        times.append((time.perf_counter() - t0) * 1000.0)
        errors += calc.error is not None
    if not MEMORY:
        return {
            "median": statistics.median(times),
            "p90": statistics.quantiles(times, n=10)[-1],
            "worst": max(times),
            "growth_kib": float("nan"),
            "errors": errors,
        }
    # memory: traced separately (tracing slows Python down); compare the traced memory after
    # one more round of updates with the memory after the timed round
    gc.collect()
    tracemalloc.start()
    for change in steps[: UPDATES // 2]:
        calc.set(**change)
    gc.collect()
    middle = tracemalloc.get_traced_memory()[0]
    for change in steps[UPDATES // 2 :]:
        calc.set(**change)
    gc.collect()
    growth = (tracemalloc.get_traced_memory()[0] - middle) / 1024.0
    tracemalloc.stop()
    return {
        "median": statistics.median(times),
        "p90": statistics.quantiles(times, n=10)[-1],
        "worst": max(times),
        "growth_kib": growth,
        "errors": errors,
    }


def main() -> None:
    global MEMORY, UPDATES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-memory", action="store_true", help="skip the memory check")
    parser.add_argument("--only", choices=["default", "largest"], help="one set of inputs")
    parser.add_argument("--skip", nargs="*", default=[], help="calculators to leave out")
    parser.add_argument("--updates", type=int, default=UPDATES, help="timed input changes")
    parser.add_argument(
        "--record", action="store_true", help="write benchmarks/results/calculators.md"
    )
    args = parser.parse_args()
    if args.record and (args.only or args.skip or args.updates != UPDATES):
        parser.error("--record takes the full run: no --only, --skip or --updates")
    MEMORY = not args.no_memory
    UPDATES = args.updates
    calculators = _calculators()
    print(f"Calculator update latency ({UPDATES} input changes each; target {TARGET_MS:.0f} ms)")
    header = (
        f"{'calculator':<26}{'inputs':<9}{'median ms':>10}{'p90 ms':>9}{'worst ms':>10}"
        f"{'mem KiB':>9}  ok"
    )
    print(header)
    print("-" * len(header))
    sets = (("default", SCENARIOS), ("largest", _largest()))
    recorded = []
    for label, scenarios in sets if args.only is None else [s for s in sets if s[0] == args.only]:
        for name, (kwargs, changes) in scenarios.items():
            if name in args.skip:
                continue
            if name not in calculators:
                print(f"{name:<26}{label:<9}{'(not available)':>38}")
                continue
            row = bench(calculators[name], kwargs, changes)
            if row["errors"] or row["median"] >= TARGET_MS:
                ok = "NO" if not row["errors"] else f"NO ({row['errors']} errors)"
            else:
                ok = "yes" if row["worst"] <= TARGET_MS else "median"
            print(
                f"{name:<26}{label:<9}{row['median']:>10.1f}{row['p90']:>9.1f}"
                f"{row['worst']:>10.1f}{row['growth_kib']:>9.0f}  {ok}",
                flush=True,
            )
            recorded.append((name, label, row))
    print("median/p90/worst: time of calc.set(...) = cpvkit computation + chart + live SVG;")
    print("ok: yes = median and worst under the target; median = only the median is.")
    print(
        f"mem KiB: growth of traced Python memory over the last {UPDATES // 2} updates "
        "(about 0 = figures are freed, no leak)."
    )
    if args.record:
        rows = [
            (
                f"`{name}`",
                label,
                f"{row['median']:.0f}",
                f"{row['p90']:.0f}",
                f"{row['worst']:.0f}",
                "-" if MEMORY is False else f"{row['growth_kib']:.0f}",
            )
            for name, label, row in recorded
        ]
        worst = max(row["worst"] for _, _, row in recorded)
        body = _record.table(
            ["calculator", "inputs", "median ms", "90th pct. ms", "worst ms", "memory KiB"], rows
        )
        from cpvkit.widgets import ipa, kano, retention, rfm
        from cpvkit.widgets._tables import MAX_VALUES

        limits = (
            f"numbers of 1e12, {kano.MAX_LINES} typed Kano answers, {ipa.MAX_LINES} typed IPA "
            f"attributes, {MAX_VALUES:,} typed scores, {retention.MAX_PERIODS:,} periods, an "
            f"uploaded log of {rfm.MAX_UPLOAD_ROWS:,} rows"
        )
        _record.record(
            "calculators",
            f"{UPDATES} input changes per calculator, each `calc.set(...)`: the cpvkit "
            "computation, the redrawn chart and the live SVG. *Default*: the calculator as it "
            f"opens; *largest*: every input at its stated limit ({limits}).\n\n"
            + body
            + f"\n\nThe worst of all {len(recorded) * UPDATES:,} updates took {worst:.0f} ms "
            f"(target: at most {TARGET_MS:.0f} ms). Memory: growth of traced Python memory "
            f"over the last {UPDATES // 2} updates (about 0: figures are freed).",
            packages=("matplotlib", "ipywidgets", "pandas", "numpy"),
        )


if __name__ == "__main__":
    main()

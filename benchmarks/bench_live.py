"""Latency and weight of the live (page) calculators, in headless Chromium.

Each calculator's snapshot is put on a page with the scripts of ``_static/live/`` (as the
book's pages load them); then one input is changed many times, as a reader types. An update is
timed from the input event to the page laid out again (numbers, table and chart redrawn;
reading ``offsetHeight`` forces style and layout). Prints p50 and p95 per calculator (target:
p95 at most 50 ms) and the compressed weight of the added scripts and data (target: at most
400 KB in all). Exits with status 1 when a target is missed.

Run: ``.venv/bin/python benchmarks/bench_live.py`` (Chromium at /usr/bin/chromium, Playwright
from PyPI).
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cpvkit import widgets  # noqa: E402
from tests.live_support import LIVE, launch, script_page  # noqa: E402

UPDATES = 200
TARGET_P95_MS = 50.0
TARGET_KB = 400.0

#: (label, calculator, its initial inputs, input changed, the values typed in turn); a choice's
#: value is written as JSON
SCENARIOS = [
    ("perceived value", "PerceivedValueCalculator", {}, "firm_product", ["40", "45", "4", "60"]),
    ("satisfaction / NPS", "SatisfactionCalculator", {}, "confidence", ["0.9", "95%", "0.8"]),
    ("Kano (survey)", "KanoCalculator", {}, "threshold", ["0.5", "0.4", "0.6", "0.45"]),
    ("IPA", "IPACalculator", {}, "crosshair", ['"mean"', '"median"', '"midpoint"']),
    ("retention", "RetentionCalculator", {}, "retention", ["0.8", "0.9", "85%", "0.5"]),
    (
        "retention, 10,000 periods",
        "RetentionCalculator",
        {"periods": 10_000},
        "retention",
        ["0.8", "0.9", "0.85"],
    ),
    ("CLV", "CLVCalculator", {}, "retention", ["0.8", "0.9", "0.85", "0.7"]),
    ("CLV, 10,000 periods", "CLVCalculator", {"periods": 10_000}, "retention", ["0.8", "0.9"]),
    ("RFM (CDNOW), top share", "RFMExplorer", {}, "top", ["0.2", "0.1", "0.3", "25%"]),
    ("RFM (CDNOW), score levels", "RFMExplorer", {}, "bins", ["5", "4", "3", "6"]),
    (
        "RFM (CDNOW), analysis date",
        "RFMExplorer",
        {},
        "analysis_date",
        ["1998-07-01", "1998-08-01", "1998-12-31"],
    ),
    ("complaints", "ComplaintCalculator", {}, "complain_rate", ["0.3", "0.4", "0.5", "60%"]),
]

TIMER = """async ([name, values, updates]) => {
    const el = document.querySelector('.cpvkit-live [name="' + name + '"]');
    const box = el.closest('.cpvkit-live');
    const select = el.tagName === 'SELECT';
    const times = [];
    for (let i = 0; i < updates; i++) {
        const t0 = performance.now();
        el.value = values[i % values.length];
        el.dispatchEvent(new Event(select ? 'change' : 'input', {bubbles: true}));
        void box.offsetHeight;
        times.push(performance.now() - t0);
        if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0));
    }
    return {times, state: box.getAttribute('data-state')};
}"""


def weights() -> dict[str, float]:
    """Compressed size (gzip -9) of each file of _static/live/, in KB."""
    out = {}
    for path in sorted(LIVE.iterdir()):
        if path.suffix in (".js", ".css"):
            out[path.name] = len(gzip.compress(path.read_bytes(), 9)) / 1024
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    pw, browser = launch()
    ok = True
    print(f"{'update':30s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    try:
        for label, name, start, field, values in SCENARIOS:
            cls = getattr(widgets, name)
            snapshot = cls(**start).snapshot_html()
            page, errors = script_page(browser, f"<main>{snapshot}</main>")
            page.add_style_tag(content=(LIVE / "cpvkit-live.css").read_text(encoding="utf-8"))
            if page.locator(".cpvkit-live").count() == 0:
                print(f"{label:30s} not live on the page")
                ok = False
                page.close()
                continue
            result = page.evaluate(TIMER, [field, values, UPDATES])
            times = result["times"][10:]  # the first updates warm the JIT up
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            flag = "" if p95 <= TARGET_P95_MS and result["state"] == "ok" else "  <- over target"
            ok &= not flag and not errors
            print(f"{label:30s} {p50:8.2f} {p95:8.2f} {max(times):8.2f}{flag}")
            page.close()
    finally:
        browser.close()
        pw.stop()
    sizes = weights()
    total = sum(sizes.values())
    for file, kb in sizes.items():
        print(f"{file:30s} {kb:8.1f} KB compressed")
    print(f"{'all page scripts and data':30s} {total:8.1f} KB compressed (target {TARGET_KB:.0f})")
    ok &= total <= TARGET_KB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

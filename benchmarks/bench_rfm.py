"""Benchmark: ``rfm_summary`` on a 1,000,000-row transaction log against a plain pandas groupby.

The log is built from the CDNOW purchase log: 1,000,000 rows are drawn with replacement (fixed
seed) and each drawn row is assigned to one of 15 replicas whose customer ids are offset by
100,000 per replica, so the customer base grows like a real, larger shop (about 260,000
customers) instead of just repeating the same 23,570 people. One row in 50 is then copied as a
refund (negative amount, a few days later), so the log holds purchases and refunds.

Two approaches are timed side by side in the same run, each the median of 5 repeats:

- cpvkit: ``rfm_summary(log, analysis_date=...)``, including all of its input checks;
- the groupby an analyst would write: purchases (amount >= 0) grouped by customer for the last
  purchase day and the number of distinct purchase days, all rows grouped for the total net
  spend, joined into one frame.

The script asserts that both give identical summaries and that cpvkit is at least as fast;
``--scores`` also times ``rfm_scores`` on the summary; ``--record`` writes the figures to
``benchmarks/results/rfm.md``, which the appendix on scale shows. Run it with
``.venv/bin/python benchmarks/bench_rfm.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from cpvkit.crm import rfm_scores, rfm_summary
from cpvkit.datasets import load_cdnow

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _record  # noqa: E402

N_ROWS = 1_000_000
REPLICAS = 15
ID_OFFSET = 100_000
SEED = 20240601
REFUND_EVERY = 50


def build_log(n_rows: int = N_ROWS, seed: int = SEED) -> pd.DataFrame:
    """Resample CDNOW rows with a fixed seed, spread them over offset-id replicas, add refunds."""
    cdnow = load_cdnow()
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(cdnow), size=n_rows)
    replica = rng.integers(0, REPLICAS, size=n_rows)
    log = pd.DataFrame(
        {
            "customer_id": cdnow["customer_id"].to_numpy()[rows] + ID_OFFSET * replica,
            "date": cdnow["date"].to_numpy()[rows],
            "amount": cdnow["amount"].to_numpy()[rows],
        }
    )
    refunds = log.iloc[::REFUND_EVERY].copy()
    refunds["amount"] = -0.5 * refunds["amount"]
    refunds["date"] = refunds["date"] + pd.Timedelta(days=3)
    return pd.concat([log, refunds], ignore_index=True)


def groupby_summary(log: pd.DataFrame, analysis_date: pd.Timestamp) -> pd.DataFrame:
    """The plain pandas version of the same three columns (refunds are not purchases)."""
    day = log["date"].dt.normalize()
    bought = log["amount"] >= 0
    purchases = pd.DataFrame({"customer_id": log["customer_id"], "day": day})[bought]
    by_customer = purchases.groupby("customer_id")["day"]
    return pd.DataFrame(
        {
            "recency": (analysis_date - by_customer.max()).dt.days.astype(np.int64),
            "frequency": by_customer.nunique().astype(np.int64),
            "monetary": log.groupby("customer_id")["amount"].sum(),
        }
    )


def timed(func, *args, repeats: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=N_ROWS)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--scores", action="store_true", help="also time rfm_scores")
    parser.add_argument("--record", action="store_true", help="write benchmarks/results/rfm.md")
    args = parser.parse_args()

    log = build_log(args.rows)
    analysis_date = log["date"].max() + pd.Timedelta(days=1)
    n_customers = log["customer_id"].nunique()
    print(
        f"log: {len(log):,} rows ({(log['amount'] < 0).sum():,} refunds), {n_customers:,} "
        f"customers (CDNOW resampled, seed {SEED})"
    )
    # alternate the two so that neither profits from a warmer machine
    t_cpvkit, t_pandas = [], []
    for _ in range(args.repeats):
        t, ours = timed(rfm_summary, log, "customer_id", "date", "amount", analysis_date, repeats=1)
        t_cpvkit.append(t)
        t, theirs = timed(groupby_summary, log, analysis_date, repeats=1)
        t_pandas.append(t)
    cpv, pdg = statistics.median(t_cpvkit), statistics.median(t_pandas)
    print(f"cpvkit rfm_summary (with its checks): {cpv:.3f} s (median of {args.repeats})")
    print(f"plain pandas groupby:                 {pdg:.3f} s (median of {args.repeats})")
    print(f"ratio groupby / cpvkit: {pdg / cpv:.2f}")
    pd.testing.assert_frame_equal(ours, theirs, check_exact=False, rtol=1e-12)
    print("check: identical summaries")
    if args.scores:
        t_scores, _ = timed(rfm_scores, ours, repeats=args.repeats)
        print(f"rfm_scores on the summary: {t_scores:.3f} s (median of {args.repeats})")
    assert len(ours) == n_customers
    if args.record:
        rows = [
            ("`rfm_summary` with its checks", f"{cpv:.2f}"),
            (
                "plain pandas `groupby` (refunds filtered, distinct purchase days, net spend)",
                f"{pdg:.2f}",
            ),
        ]
        _record.record(
            "rfm",
            _record.table([f"{len(log):,} rows, {n_customers:,} customers", "seconds"], rows)
            + f"\n\nMedian of {args.repeats} runs each, alternating; identical summaries "
            f"(checked). The plain `groupby` took {pdg / cpv:.1f} times as long.",
        )
    assert cpv <= pdg, f"rfm_summary took {cpv:.3f} s, the plain groupby {pdg:.3f} s"


if __name__ == "__main__":
    main()

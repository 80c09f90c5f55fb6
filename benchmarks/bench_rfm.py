"""Benchmark: RFM on a 1,000,000-row transaction log, cpvkit versus a row-by-row loop.

The log is built from the CDNOW purchase log: 1,000,000 rows are drawn with replacement (fixed
seed) and each drawn row is assigned to one of 15 replicas whose customer ids are offset by
100,000 per replica, so the customer base grows like a real, larger shop (about 260,000
customers) instead of just repeating the same 23,570 people.

Two approaches are timed in the same run:

- cpvkit: ``rfm_summary`` followed by ``rfm_scores`` (median of several repeats, full log);
- a plain row-by-row approach: ``DataFrame.itertuples`` accumulating last date, a set of
  purchase days and total spend per customer in dictionaries, then scoring the resulting
  summary with ``rfm_scores``. It is timed on a subset of the rows and scaled linearly to the
  full log (the script says so in its output).

The script asserts that both approaches give identical RFM summaries (and scores) on the subset.
Run it with ``.venv/bin/python benchmarks/bench_rfm.py``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from cpvkit.crm import rfm_scores, rfm_summary
from cpvkit.datasets import load_cdnow

N_ROWS = 1_000_000
REPLICAS = 15
ID_OFFSET = 100_000
SEED = 20240601


def build_log(n_rows: int = N_ROWS, seed: int = SEED) -> pd.DataFrame:
    """Resample CDNOW rows with a fixed seed and spread them over offset-id replicas."""
    cdnow = load_cdnow()
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(cdnow), size=n_rows)
    replica = rng.integers(0, REPLICAS, size=n_rows)
    return pd.DataFrame(
        {
            "customer_id": cdnow["customer_id"].to_numpy()[rows] + ID_OFFSET * replica,
            "date": cdnow["date"].to_numpy()[rows],
            "amount": cdnow["amount"].to_numpy()[rows],
        }
    )


def cpvkit_rfm(log: pd.DataFrame, analysis_date: pd.Timestamp) -> pd.DataFrame:
    return rfm_scores(rfm_summary(log, analysis_date=analysis_date))


def loop_summary(log: pd.DataFrame, analysis_date: pd.Timestamp) -> pd.DataFrame:
    """Row-by-row reference: one pass over the rows with per-customer dictionaries."""
    last: dict[int, pd.Timestamp] = {}
    days: dict[int, set] = {}
    spend: dict[int, float] = {}
    for row in log.itertuples(index=False):
        cid = row.customer_id
        day = row.date.normalize()
        if cid not in last or day > last[cid]:
            last[cid] = day
        days.setdefault(cid, set()).add(day)
        spend[cid] = spend.get(cid, 0.0) + row.amount
    ids = sorted(last)
    return pd.DataFrame(
        {
            "recency": np.array([(analysis_date - last[c]).days for c in ids], dtype=np.int64),
            "frequency": np.array([len(days[c]) for c in ids], dtype=np.int64),
            "monetary": np.array([spend[c] for c in ids], dtype=float),
        },
        index=pd.Index(ids, name="customer_id"),
    )


def loop_rfm(log: pd.DataFrame, analysis_date: pd.Timestamp) -> pd.DataFrame:
    return rfm_scores(loop_summary(log, analysis_date))


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
    parser.add_argument("--subset", type=int, default=100_000, help="rows for the loop")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    log = build_log(args.rows)
    analysis_date = log["date"].max() + pd.Timedelta(days=1)
    n_customers = log["customer_id"].nunique()
    print(f"log: {len(log):,} rows, {n_customers:,} customers (CDNOW resampled, seed {SEED})")

    t_cpvkit, full = timed(cpvkit_rfm, log, analysis_date, repeats=args.repeats)
    print(f"cpvkit rfm_summary + rfm_scores: {t_cpvkit:.3f} s (median of {args.repeats})")

    subset = log.iloc[: args.subset]
    t_loop_sub, loop_result = timed(loop_rfm, subset, analysis_date, repeats=1)
    scale = len(log) / len(subset)
    t_loop = t_loop_sub * scale
    scaled = " (measured on the subset, scaled linearly)" if scale != 1 else ""
    print(
        f"row-by-row itertuples loop: {t_loop_sub:.3f} s on {len(subset):,} rows -> "
        f"{t_loop:.1f} s for {len(log):,} rows{scaled}"
    )
    print(f"speed-up: {t_loop / t_cpvkit:,.0f}x")

    vectorised = cpvkit_rfm(subset, analysis_date)
    pd.testing.assert_frame_equal(vectorised, loop_result, check_exact=True)
    print(f"check: identical RFM summaries and scores on the {len(subset):,}-row subset")
    assert len(full) == n_customers
    assert t_cpvkit < 2.0, f"cpvkit took {t_cpvkit:.2f} s, target is under 2 s"


if __name__ == "__main__":
    main()

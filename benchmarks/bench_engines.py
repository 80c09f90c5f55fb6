"""Benchmark: the customer-base functions on 10,000,000 rows in pandas, Polars and DuckDB.

The log is the CDNOW-resampled log of ``bench_rfm.py`` (same seed and refunds), scaled to
``--rows`` rows (default 10,000,000) with 150 replicas so the customer base grows with it.
Each engine gets the same rows in its own frame (built before timing: a Polars DataFrame and
a DuckDB relation over an in-memory table), and each step is timed once (``--repeats`` takes
the median of several runs):

- ``rfm_summary`` (for DuckDB, the lazy result is fetched with ``.to_arrow_table()``);
- ``rfm_scores`` and ``rfm_segments`` on that summary (for DuckDB the summary and the scores
  are first stored as tables, since a lazy relation is recomputed by every query on it);
- ``pareto_share`` of the customers' monetary values.

The script checks that the three engines give the same summaries (after sorting by
customer; sums to 12 significant digits). Not part of the test command: it needs several GB
of memory and a few minutes. ``--record`` writes the figures to
``benchmarks/results/engines.md``, which the appendix on scale shows. Run it with
``.venv/bin/python benchmarks/bench_engines.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _record  # noqa: E402
import bench_rfm  # noqa: E402

from cpvkit.crm import pareto_share, rfm_scores, rfm_segments, rfm_summary  # noqa: E402


def timed(func, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _seconds(t: float) -> str:
    """Seconds to two significant figures at least (0.04, 0.54, 2.4)."""
    return f"{t:.2f}" if t < 1 else f"{t:.1f}"


def as_pandas(result: object) -> pd.DataFrame:
    if isinstance(result, pd.DataFrame):
        return result.reset_index()
    if isinstance(result, pl.DataFrame):
        return result.to_pandas()
    return result.df()  # a DuckDB relation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--record", action="store_true", help="write benchmarks/results/engines.md")
    args = parser.parse_args()
    bench_rfm.REPLICAS = max(15, args.rows // 66_000)
    log = bench_rfm.build_log(args.rows)
    ref = log["date"].max() + pd.Timedelta(days=1)
    n_customers = log["customer_id"].nunique()
    print(f"log: {len(log):,} rows, {n_customers:,} customers")
    con = duckdb.connect()
    con.register("log_view", log)
    con.execute("CREATE TABLE log AS SELECT * FROM log_view")
    frames = {"pandas": log, "Polars": pl.from_pandas(log), "DuckDB": con.table("log")}
    summaries = {}
    rows = []
    for engine, frame in frames.items():
        fetch = (lambda r: r.to_arrow_table()) if engine == "DuckDB" else (lambda r: r)

        def summary(frame=frame, fetch=fetch):
            return fetch(rfm_summary(frame, analysis_date=ref))

        t_sum, _ = timed(summary, args.repeats)
        result = rfm_summary(frame, analysis_date=ref)
        if engine == "DuckDB":
            # a lazy relation is recomputed by every query on it: keep the summary as a table,
            # as an analyst would before scoring it
            con.register("summary_view", result.to_arrow_table())
            con.execute("CREATE OR REPLACE TABLE summary AS SELECT * FROM summary_view")
            result = con.table("summary")
        summaries[engine] = as_pandas(result)
        t_scores, scores = timed(lambda r=result, f=fetch: f(rfm_scores(r)), args.repeats)
        scored = rfm_scores(result)
        if engine == "DuckDB":
            con.register("scores_view", scored.to_arrow_table())
            con.execute("CREATE OR REPLACE TABLE scores AS SELECT * FROM scores_view")
            scored = con.table("scores")
        t_seg, _ = timed(lambda s=scored, f=fetch: f(rfm_segments(s)), args.repeats)
        money = result["monetary"] if engine == "pandas" else result.select("monetary")
        money_pos = (
            money.clip(lower=0)
            if engine == "pandas"
            else result.select(pl.col("monetary").clip(0))
            if engine == "Polars"
            else result.select("greatest(monetary, 0) AS monetary")
        )
        t_par, share = timed(lambda m=money_pos: pareto_share(m), args.repeats)
        rows.append((engine, t_sum, t_scores, t_seg, t_par, share))
        print(
            f"{engine:7s} rfm_summary {t_sum:6.2f} s | rfm_scores {t_scores:6.2f} s | "
            f"rfm_segments {t_seg:6.2f} s | pareto_share {t_par:6.2f} s (top 20 % hold "
            f"{share:.4f})",
            flush=True,
        )
    base = summaries["pandas"].sort_values("customer_id").reset_index(drop=True)
    for engine in ("Polars", "DuckDB"):
        other = summaries[engine].sort_values("customer_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(other, base, check_dtype=False, check_exact=False, rtol=1e-12)
    print("check: pandas, Polars and DuckDB give the same summaries")
    shares = np.array([r[-1] for r in rows])
    assert np.allclose(shares, shares[0], rtol=1e-12, atol=0)
    if args.record:
        body = _record.table(
            ["seconds", "`rfm_summary`", "`rfm_scores`", "`rfm_segments`", "`pareto_share`"],
            [(engine, *map(_seconds, times)) for engine, *times, _ in rows],
        )
        _record.record(
            "engines",
            f"{len(log):,} rows, {n_customers:,} customers; median of {args.repeats} "
            f"run{'s' if args.repeats != 1 else ''} per step; DuckDB's lazy results fetched as "
            "Arrow tables.\n\n" + body + "\n\nThe three engines gave the same summaries "
            f"(checked to 12 significant digits) and the same Pareto share ({shares[0]:.4f} of "
            "the value held by the top 20 % of customers).",
            packages=("pandas", "polars", "duckdb", "narwhals", "numpy"),
        )


if __name__ == "__main__":
    main()

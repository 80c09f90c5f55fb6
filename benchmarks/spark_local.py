"""The customer-base functions on a PySpark DataFrame, in Spark's local mode (one machine).

Not part of the test command: it needs Java (17 or later) and ``pyspark`` from PyPI, which the
project does not install (``pip install pyspark``). It builds the CDNOW-resampled log of
``bench_rfm.py`` (``--rows`` rows, default 1,000,000), hands it to Spark as a DataFrame, runs
``rfm_summary``, ``rfm_scores``, ``rfm_segments``, ``pareto_share`` and ``lorenz_curve`` on it
(each computed by Spark through narwhals; nothing is converted to pandas on the way) and
checks the results against pandas on the same rows. Prints the time of each step;
``--record`` writes them to ``benchmarks/results/spark.md``, which the appendix on scale shows.

Run it with ``.venv/bin/python benchmarks/spark_local.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _record  # noqa: E402
import bench_rfm  # noqa: E402

from cpvkit.crm import (  # noqa: E402
    lorenz_curve,
    pareto_share,
    rfm_scores,
    rfm_segments,
    rfm_summary,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--record", action="store_true", help="write benchmarks/results/spark.md")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("cpvkit-rfm")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    log = bench_rfm.build_log(args.rows)
    ref = log["date"].max() + pd.Timedelta(days=1)
    path = Path("/tmp/cpvkit-spark-log.parquet")
    log.astype({"date": "datetime64[us]"}).to_parquet(path, index=False)  # Spark reads µs
    frame = spark.read.parquet(str(path))
    print(f"Spark {spark.version}, local[2]; log: {len(log):,} rows")

    start = time.perf_counter()
    summary = rfm_summary(frame, analysis_date=ref)
    got = summary.toPandas().sort_values("customer_id").reset_index(drop=True)
    t_summary = time.perf_counter() - start
    print(f"rfm_summary (with its checks, collected): {t_summary:.1f} s")
    expected = rfm_summary(log, analysis_date=ref).reset_index()
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-12)

    start = time.perf_counter()
    scores = rfm_scores(summary)
    segments = rfm_segments(scores).toPandas().sort_values("customer_id").reset_index(drop=True)
    t_segments = time.perf_counter() - start
    print(f"rfm_scores + rfm_segments (collected): {t_segments:.1f} s")
    want = rfm_segments(rfm_scores(expected))
    want["segment"] = want["segment"].astype(str)
    pd.testing.assert_frame_equal(segments, want, check_dtype=False, rtol=1e-12)

    money = summary.selectExpr("greatest(monetary, 0) AS monetary")
    start = time.perf_counter()
    share = pareto_share(money, 0.2)
    t_share = time.perf_counter() - start
    print(f"pareto_share: {t_share:.1f} s (top 20 % hold {share:.4f})")
    base = expected["monetary"].clip(lower=0)
    assert abs(share - pareto_share(base, 0.2)) < 1e-9
    curve = lorenz_curve(money).toPandas().sort_values("customer_share").reset_index(drop=True)
    pd.testing.assert_frame_equal(curve, lorenz_curve(base), check_dtype=False, rtol=1e-9)
    print("check: Spark and pandas give the same summaries, scores, segments and curves")
    if args.record:
        java = spark.sparkContext._jvm.java.lang.System.getProperty("java.version")
        rows = [
            ("`rfm_summary` (with its checks, collected)", f"{t_summary:.1f}"),
            ("`rfm_scores` and `rfm_segments` (collected)", f"{t_segments:.1f}"),
            ("`pareto_share`", f"{t_share:.1f}"),
        ]
        _record.record(
            "spark",
            f"Spark {spark.version} in local mode on two cores (Java {java}); "
            f"{len(log):,} rows.\n\n"
            + _record.table(["step", "seconds"], rows)
            + "\n\nEvery result was checked equal to pandas on the same rows (summaries, "
            "scores, segments, Pareto share and Lorenz curve).",
            packages=("pyspark", "pandas", "narwhals"),
        )
    spark.stop()


if __name__ == "__main__":
    main()

"""Write ``_static/live/cdnow.js``: the CDNOW purchase log in a compact form for the page.

The RFM explorer on the book's pages works on the same CDNOW log as
:func:`cpvkit.datasets.load_cdnow` (built from ``data/CDNOW_master.txt``), shipped with the
site as a script of the same site. Customers are numbered 1..N in order (as in the file); per
customer the script holds the number of its rows, and per row (file order) the day as a change
from the customer's previous row (the first from the log's first day) and the amount in cents,
all in base 36. ``tests/test_live_data.py`` checks that the file is current.

Run: ``.venv/bin/python scripts/make_live_data.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "_static" / "live" / "cdnow.js"


def _b36(values: np.ndarray) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def one(v: int) -> str:
        if v == 0:
            return "0"
        sign = "-" if v < 0 else ""
        v = abs(v)
        out = ""
        while v:
            v, r = divmod(v, 36)
            out = digits[r] + out
        return sign + out

    return ",".join(one(int(v)) for v in values)


def build() -> str:
    """The text of cdnow.js."""
    sys.path.insert(0, str(ROOT))
    from cpvkit import datasets

    log = datasets.load_cdnow()
    ids = log["customer_id"].to_numpy()
    if not (np.all(np.diff(ids) >= 0) and ids[0] == 1 and np.unique(ids).size == ids[-1]):
        raise ValueError("CDNOW customer ids are expected to be 1..N in file order")
    day = log["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    first = int(day.min())
    cents = np.round(log["amount"].to_numpy() * 100).astype(np.int64)
    if not np.array_equal(cents / 100, log["amount"].to_numpy()):
        raise ValueError("CDNOW amounts are expected in whole cents")
    counts = np.bincount(ids)[1:]
    start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    delta = np.diff(day, prepend=first)
    delta[start] = day[start] - first
    date = str(np.datetime64(first, "D"))
    return (
        "/* The CDNOW purchase log (Fader and Hardie's CDNOW master file, data/CDNOW_master.txt) "
        "in compact form for the RFM explorer;\n   written by scripts/make_live_data.py, do not "
        "edit. */\n"
        "window.CpvkitLive.data.cdnow = {\n"
        f'  first: "{date}",\n'
        f'  counts: "{_b36(counts)}",\n'
        f'  days: "{_b36(delta)}",\n'
        f'  cents: "{_b36(cents)}"\n'
        "};\n"
    )


def main() -> None:
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()

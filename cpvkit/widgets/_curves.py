"""How many points of a long curve a calculator chart draws, and whether it marks them.

A projection over thousands of periods has more points than a chart a few hundred pixels wide
can show; drawing them all (with a marker each) makes every update slow. Charts of long
curves draw at most :data:`MAX_POINTS` evenly spaced points, always with the first and the
last, and mark the points only when there are few.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["MARKER_POINTS", "MAX_POINTS", "curve_points", "point_markers"]

#: Points drawn per curve at most; longer curves are thinned evenly (first and last kept).
MAX_POINTS = 1_001
#: Points are marked only up to this many periods.
MARKER_POINTS = 40


def curve_points(n: int) -> np.ndarray:
    """Positions of the points of an ``n``-point curve that a chart draws.

    Examples
    --------
    >>> curve_points(5)
    array([0, 1, 2, 3, 4])
    >>> points = curve_points(10_000)
    >>> len(points), int(points[0]), int(points[-1])
    (1001, 0, 9999)
    """
    if n <= MAX_POINTS:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, MAX_POINTS).round().astype(int))


def point_markers(n: int, size: float = 3.0) -> dict[str, Any]:
    """Line keyword arguments marking every point of an ``n``-point curve when there are few.

    Examples
    --------
    >>> point_markers(10), point_markers(500)
    ({'marker': 'o', 'markersize': 3.0}, {})
    """
    return {"marker": "o", "markersize": size} if n <= MARKER_POINTS else {}

"""The book's reusable matplotlib figures.

Each function takes the tidy output of a cpvkit function (or plain numbers), draws one figure
and returns it as a :class:`matplotlib.figure.Figure`. The figures are built with
``matplotlib.figure.Figure()`` directly, never through ``pyplot``: nothing is registered in
pyplot's global state, so there is nothing to close and figures made in a loop do not pile up.
In a notebook the returned figure displays itself; elsewhere call ``fig.savefig(...)``.

This is the only cpvkit module (with :mod:`cpvkit.widgets`) that imports matplotlib.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from cpvkit import crm, relationship, satisfaction
from cpvkit._figures import describe, new_figure
from cpvkit._validation import (
    as_float_array,
    check_choice,
    check_int,
    check_probability,
    check_range,
    require_columns,
)

__all__ = [
    "IPA_QUADRANTS",
    "KANO_QUADRANTS",
    "attribute_gap_bars",
    "clv_buildup_plot",
    "cohort_survival_plot",
    "ipa_grid",
    "kano_plot",
    "lorenz_plot",
    "nps_bar",
    "pyramid_plot",
    "rfm_heatmap",
    "survival_plot",
    "value_cost_bars",
    "value_map",
    "zone_of_tolerance_plot",
]

TITLE_SIZE = 13
LABEL_SIZE = 11
TEXT_SIZE = 9.5

# colour-blind-safe palette (Okabe and Ito)
_BLUE = "#0072B2"
_ORANGE = "#E69F00"
_GREEN = "#009E73"
_VERMILION = "#D55E00"
_GREY = "#7F7F7F"
_SKY = "#56B4E9"
_PURPLE = "#CC79A7"
_PALETTE = [_BLUE, _ORANGE, _GREEN, _VERMILION, _PURPLE, _SKY, "#F0E442", "#000000"]
# darker shades for text on white: every text colour has a contrast of 4.5:1 or more
_TEXT_GREY = "#595959"
_TEXT_GREEN = "#007A5A"
_TEXT_VERMILION = "#B84F00"

#: IPA quadrant names (Martilla and James 1977) keyed by (high importance, high performance).
IPA_QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}

#: Kano quadrants of the Better / absolute Worse plot keyed by (high absolute Worse, high Better).
KANO_QUADRANTS = {
    (False, True): "Attractive",
    (True, True): "One-dimensional",
    (True, False): "Must-be",
    (False, False): "Indifferent",
}


def _figure(figsize: tuple[float, float]) -> tuple[Figure, Any]:
    fig, ax = new_figure(figsize)
    ax.tick_params(labelsize=TEXT_SIZE + 0.5)
    return fig, ax


def _finish(ax: Any, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    _name_thin_segments(ax)


def _luminance(colour: Any) -> float:
    from matplotlib.colors import to_rgb

    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def _ink(background: Any) -> str:
    """Black or white, whichever contrasts more with ``background`` (always 4.5:1 or more)."""
    lum = _luminance(background)
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def _text_width(text: str, size: float, scale: float, bold: bool = False) -> float:
    """Estimated width in pixels of one line of text (Chinese characters are one em wide)."""
    wide = sum(1 for ch in text if ord(ch) >= 0x2E80)
    em = size * scale
    return (0.56 * (len(text) - wide) + 1.0 * wide) * em * (1.08 if bold else 1.0)


def _name_thin_segments(ax: Any) -> None:
    """Name the segments of stacked bars that are too thin to read, beside their bar.

    A segment lower than about a line of text gets a label ("time 5") on the side of its bar
    with more free room, its colour matched to the legend entry; labels of one bar are spread
    so they do not overlap. Charts without stacked bars are left as they are.
    """
    from matplotlib.patches import Rectangle

    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    stacks: dict[tuple[float, float], list[Any]] = {}
    for bar in bars:
        stacks.setdefault((round(bar.get_x(), 9), round(bar.get_width(), 9)), []).append(bar)
    stacks = {k: v for k, v in stacks.items() if len(v) > 1 and any(b.get_y() > 0 for b in v)}
    if not stacks:
        return
    names: dict[tuple[float, ...], str] = {}
    legend = ax.get_legend()
    if legend is not None:
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=False):
            if hasattr(handle, "get_facecolor"):
                names[tuple(np.round(handle.get_facecolor(), 3))] = text.get_text()
    ax.autoscale_view()
    low, high = ax.get_ylim()
    span = high - low
    height_px = ax.bbox.height or 1.0
    line = 1.3 * TEXT_SIZE * ax.figure.dpi / 72.0 / height_px * span  # one line, data units
    lefts = sorted(x for x, _ in stacks)
    for (x, width), segments in stacks.items():
        thin = [b for b in segments if 0 < b.get_height() < line]
        if not thin:
            continue
        x_low, x_high = ax.get_xlim()
        room_right = min([o - (x + width) for o in lefts if o > x] or [x_high - (x + width)])
        room_left = min([x - (o + w) for o, w in stacks if o < x] or [x - x_low])
        # room the labels need, in data units (their text width plus a short leader line)
        per_px = (x_high - x_low) / (ax.bbox.width or 1.0)
        scale = ax.figure.dpi / 72.0
        need = per_px * max(
            _text_width(
                f"{names.get(tuple(np.round(b.get_facecolor(), 3)), '')} {b.get_height():,.0f}",
                TEXT_SIZE,
                scale,
            )
            for b in thin
        ) + 0.08 * max(width, 0.1)
        right = room_right >= need or room_right >= room_left
        if max(room_right, room_left) < need:
            # no side has room: widen the axes on the right so the labels stay inside them
            right = True
            ax.set_xlim(x_low, x + width + need * 1.05)
        thin.sort(key=lambda b: b.get_y())
        wanted = [b.get_y() + b.get_height() / 2 for b in thin]
        placed: list[float] = []
        for y in wanted:
            placed.append(max(y, placed[-1] + line) if placed else y)
        shift = max(0.0, placed[-1] - (max(b.get_y() + b.get_height() for b in segments) + line))
        for bar, y0, y in zip(thin, wanted, [p - shift for p in placed], strict=True):
            colour = tuple(np.round(bar.get_facecolor(), 3))
            name = names.get(colour, "")
            label = f"{name} {bar.get_height():,.0f}".strip()
            edge = x + width if right else x
            ax.annotate(
                label,
                (edge, y0),
                xytext=(edge + (0.04 if right else -0.04) * max(width, 0.1), y),
                ha="left" if right else "right",
                va="center",
                fontsize=TEXT_SIZE,
                color="black",
                arrowprops={"arrowstyle": "-", "color": _TEXT_GREY, "linewidth": 0.8},
            )


def _check_text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string; got {value!r} ({type(value).__name__})")
    return value


def _numeric_column(data: pd.DataFrame, column: str, name: str = "data") -> np.ndarray:
    return as_float_array(f"{name}[{column!r}]", data[column])


#: Most points that get a label (more would not fit on any chart without overlapping).
_MAX_LABELS = 400


def _label_points(
    ax: Any,
    x: np.ndarray,
    y: np.ndarray,
    names: np.ndarray,
    bold: np.ndarray | None = None,
    avoid: Sequence[Any] = (),
) -> None:
    """Name each point where its label overlaps no other label, point or text in ``avoid``.

    One annotation per point (up to :data:`_MAX_LABELS`) is added to the axes; where each one
    goes is decided when the figure is drawn, with the axes where they finally are (after the
    layout), by :class:`_LabelPlacer`. A label that finds no free position is hidden (its point
    is still drawn): labels never overlap.
    """
    bold = np.zeros(len(names), dtype=bool) if bold is None else bold
    labels = []
    for xd, yd, name, strong in zip(x[:_MAX_LABELS], y[:_MAX_LABELS], names, bold, strict=False):
        label = ax.annotate(
            name,
            (xd, yd),
            xytext=(6, 4),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=TEXT_SIZE,
            fontweight="bold" if strong else "normal",
            annotation_clip=False,
        )
        label.set_in_layout(False)  # inside the axes by construction: leave the layout alone
        labels.append(label)
    placer = _LabelPlacer(ax, np.asarray(x, dtype=float), np.asarray(y, dtype=float), labels)
    placer.avoid = list(avoid)
    ax.add_artist(placer)


class _LabelPlacer(Artist):
    """Places point labels just before they are drawn, on the final geometry of the axes.

    Each label tries sixteen positions around its point and takes the first that overlaps no
    placed label, no point and no text to avoid, and stays inside the axes; a label without
    such a position is hidden. Placed boxes are kept in a grid of buckets, so each label is
    checked only against its neighbours: placement takes time in proportion to the number of
    points, not its square. Drawn before the labels (lowest z-order), draws nothing itself.
    """

    #: (dx, dy) offsets in points and the text alignment they need, nearest first
    OPTIONS = [
        (dx * sx, dy * sy, "left" if sx > 0 else "right", "bottom" if sy > 0 else "top")
        for dx, dy in ((6, 4), (6, 14), (14, 24), (3, 30))
        for sx, sy in ((1, 1), (1, -1), (-1, 1), (-1, -1))
    ]

    def __init__(self, ax: Any, x: np.ndarray, y: np.ndarray, labels: list[Any]) -> None:
        super().__init__()
        self.set_zorder(-10)
        self.set_in_layout(False)
        self._ax, self._x, self._y, self._labels = ax, x, y, labels
        self.avoid: list[Any] = []
        self.hidden = 0

    def draw(self, renderer: Any) -> None:
        ax = self._ax
        scale = renderer.points_to_pixels(1.0)
        line_h = 1.25 * TEXT_SIZE * scale
        pad = 0.15 * line_h
        dot = 5 * scale
        cell = 4 * line_h
        box = ax.bbox
        pix = ax.transData.transform(np.column_stack([self._x, self._y]))
        grid: dict[tuple[int, int], list[tuple[float, ...]]] = {}

        def cells(b: tuple[float, ...]) -> Any:
            for i in range(int(b[0] // cell), int(b[2] // cell) + 1):
                for j in range(int(b[1] // cell), int(b[3] // cell) + 1):
                    yield i, j

        def add(b: tuple[float, ...]) -> None:
            for key in cells(b):
                grid.setdefault(key, []).append(b)

        def free(b: tuple[float, ...], own: tuple[float, ...]) -> bool:
            for key in cells(b):
                for t in grid.get(key, ()):
                    if t is not own and b[0] < t[2] and t[0] < b[2] and b[1] < t[3] and t[1] < b[3]:
                        return False
            return True

        dots = [(px - dot, py - dot, px + dot, py + dot) for px, py in pix]
        for d in dots:
            add(d)
        for text in self.avoid:
            if text.get_visible() and text.get_text():
                extent = text.get_window_extent(renderer)
                add((extent.x0, extent.y0, extent.x1, extent.y1))
        self.hidden = 0
        for (px, py), label, own in zip(pix, self._labels, dots, strict=False):
            strong = label.get_fontweight() in ("bold", 700)
            width = _text_width(label.get_text(), TEXT_SIZE, scale, strong)
            chosen = None
            for dx, dy, ha, va in self.OPTIONS:
                x0 = px + dx * scale - (width if ha == "right" else 0.0)
                y0 = py + dy * scale - (line_h if va == "top" else 0.0)
                b = (x0, y0, x0 + width, y0 + line_h)
                inside = b[0] >= box.x0 and b[2] <= box.x1 and b[1] >= box.y0 and b[3] <= box.y1
                if inside and free((b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad), own):
                    chosen = (dx, dy, ha, va, b)
                    break
            if chosen is None or not np.all(np.isfinite((px, py))):
                label.set_visible(False)
                self.hidden += 1
                continue
            dx, dy, ha, va, b = chosen
            add(b)
            label.set_visible(True)
            label.xyann = (dx, dy)
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)


def _limits(values: np.ndarray, pad: float = 0.08) -> tuple[float, float]:
    low, high = float(np.min(values)), float(np.max(values))
    span = high - low if high > low else max(abs(high), 1.0)
    return low - pad * span, high + pad * span


def value_map(
    data: pd.DataFrame,
    *,
    offering: str = "offering",
    quality: str = "relative_quality",
    price: str = "relative_price",
    firm: str | None = None,
    title: str = "Customer value map",
    figsize: tuple[float, float] = (6.5, 5.5),
) -> Figure:
    """Draw a customer value map: relative quality against relative price.

    Each offering is a point; the diagonal through (1, 1) is the fair-value line, where an
    offering's price relative to the market matches its perceived quality relative to the
    market. Offerings below and to the right of the line give more quality for their price
    (better value); offerings above and to the left give less (worse value).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per offering, for example the output of :func:`cpvkit.value.value_map_data`.
    offering, quality, price : str
        Column names of the offering label, the relative perceived quality and the relative
        price (both as ratios, 1 = the reference or market average).
    firm : str, optional
        Offering to highlight (drawn larger, in another colour); must be in ``data[offering]``.
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with the offerings (one scatter collection), the fair-value line and one text
        label per offering plus the two region labels.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, a value is not finite, or ``firm`` is not
        one of the offerings.

    References
    ----------
    Gale, B. T. (1994). *Managing Customer Value*. New York: Free Press.

    Examples
    --------
    >>> frame = pd.DataFrame({"offering": ["Us", "Rival"],
    ...                       "relative_quality": [1.1, 0.9], "relative_price": [1.0, 1.05]})
    >>> fig = value_map(frame, firm="Us")
    >>> len(fig.axes), len(fig.axes[0].lines)
    (1, 1)
    """
    require_columns(data, [offering, quality, price], "data")
    q = _numeric_column(data, quality)
    p = _numeric_column(data, price)
    names = data[offering].astype(str).to_numpy()
    is_firm = np.zeros(len(names), dtype=bool)
    if firm is not None:
        check_choice("firm", firm, list(names))
        is_firm = names == firm

    fig, ax = _figure(figsize)
    low, high = _limits(np.concatenate([q, p, [1.0]]), pad=0.15)
    ax.plot(
        [low, high],
        [low, high],
        color=_GREY,
        linestyle="--",
        linewidth=1.2,
        label="Fair-value line",
    )
    colours = np.where(is_firm, _VERMILION, _BLUE)
    sizes = np.where(is_firm, 140.0, 70.0)
    ax.scatter(q, p, s=sizes, c=colours, edgecolor="white", linewidth=0.8, zorder=3)
    ax.text(
        0.97,
        0.04,
        "Better value",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=TEXT_SIZE,
        color=_TEXT_GREEN,
        style="italic",
    )
    ax.text(
        0.03,
        0.96,
        "Worse value",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=TEXT_SIZE,
        color=_TEXT_VERMILION,
        style="italic",
    )
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.08), fontsize=TEXT_SIZE, frameon=False)
    regions = ax.texts[-2:]
    _finish(ax, title, "Relative perceived quality", "Relative price")
    _label_points(ax, q, p, names, bold=is_firm, avoid=regions)
    better = [f"{n} ({qi:.2f}, {pi:.2f})" for n, qi, pi in zip(names, q, p, strict=True) if pi < qi]
    worse = [f"{n} ({qi:.2f}, {pi:.2f})" for n, qi, pi in zip(names, q, p, strict=True) if pi > qi]
    fair = [f"{n} ({qi:.2f}, {pi:.2f})" for n, qi, pi in zip(names, q, p, strict=True) if pi == qi]
    return describe(
        fig,
        f"{title}: {len(names)} offerings placed by relative perceived quality (horizontal) "
        "and relative price (vertical), with the fair-value line where the two are equal. "
        + (f"Better value, below the line: {', '.join(better)}. " if better else "")
        + (f"Worse value, above the line: {', '.join(worse)}. " if worse else "")
        + (f"On the line: {', '.join(fair)}." if fair else ""),
    )


def ipa_grid(
    data: pd.DataFrame,
    *,
    importance: str = "importance",
    performance: str = "performance",
    attribute: str = "attribute",
    crosshair: str | tuple[float, float] = "mean",
    scale: tuple[float, float] | None = None,
    title: str = "Importance-performance analysis",
    figsize: tuple[float, float] = (7.0, 5.8),
) -> Figure:
    """Draw an importance-performance grid with crosshairs and quadrant labels.

    Performance is on the horizontal axis and importance on the vertical axis, as in Martilla
    and James (1977). The crosshairs split the grid into "Concentrate here" (top left: important
    but poorly rated), "Keep up the good work" (top right), "Low priority" (bottom left) and
    "Possible overkill" (bottom right).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per attribute with mean importance and performance, for example
        :func:`cpvkit.datasets.load_ipa_ratings` with ``summary=True`` or the output of
        :func:`cpvkit.satisfaction.ipa`.
    importance, performance, attribute : str
        Column names.
    crosshair : {"mean", "median"} or (float, float)
        Where the crosshairs cross: the mean or median of the attribute means, or a fixed
        point given as ``(performance, importance)``, i.e. (x, y), such as the scale midpoint.
    scale : (float, float), optional
        Lower and upper end of the rating scale (e.g. ``(1, 7)``) to fix both axes; by default
        the axes fit the data.
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one scatter collection, two crosshair lines, one label per attribute and
        the four quadrant labels.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, ``crosshair`` is not an allowed choice or
        ``scale`` is not an increasing pair.

    References
    ----------
    Martilla, J. A. and James, J. C. (1977). Importance-performance analysis. *Journal of
    Marketing*, 41(1), 77-79.

    Examples
    --------
    >>> frame = pd.DataFrame({"attribute": ["Taste", "Speed", "Wi-Fi", "Music"],
    ...                       "importance": [6.4, 6.1, 3.8, 3.0],
    ...                       "performance": [6.0, 4.0, 3.7, 5.8]})
    >>> fig = ipa_grid(frame, scale=(1, 7))
    >>> len(fig.axes), len(fig.axes[0].lines), len(fig.axes[0].texts)
    (1, 2, 8)
    """
    require_columns(data, [attribute, importance, performance], "data")
    imp = _numeric_column(data, importance)
    perf = _numeric_column(data, performance)
    names = data[attribute].astype(str).to_numpy()
    if len(pd.unique(names)) < len(names):
        # raw ratings (one row per respondent and attribute): one point per attribute, at its
        # mean importance and mean performance
        means = pd.DataFrame({"a": names, "i": imp, "p": perf}).groupby("a", sort=False).mean()
        names, imp, perf = means.index.to_numpy(), means["i"].to_numpy(), means["p"].to_numpy()
    # the same cross-hairs as satisfaction.ipa, so the grid and the table agree
    cx, cy = satisfaction._ipa_crosshair(crosshair, perf, imp)

    fig, ax = _figure(figsize)
    if scale is not None:
        low, high = _check_scale(scale)
        xlim = ylim = (low, high)
    else:
        xlim = _limits(np.append(perf, cx), pad=0.12)
        ylim = _limits(np.append(imp, cy), pad=0.12)
    ax.axvline(cx, color=_GREY, linewidth=1.2)
    ax.axhline(cy, color=_GREY, linewidth=1.2)
    quadrant_colour = np.select(
        [(imp >= cy) & (perf < cx), (imp >= cy) & (perf >= cx), (imp < cy) & (perf < cx)],
        [_VERMILION, _GREEN, _GREY],
        _ORANGE,
    )
    ax.scatter(perf, imp, s=60, c=quadrant_colour, edgecolor="white", zorder=3)
    corners = {
        (True, False): (0.02, 0.98, "left", "top"),
        (True, True): (0.98, 0.98, "right", "top"),
        (False, False): (0.02, 0.02, "left", "bottom"),
        (False, True): (0.98, 0.02, "right", "bottom"),
    }
    for key, label in IPA_QUADRANTS.items():
        x, y, ha, va = corners[key]
        ax.text(
            x,
            y,
            label,
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=TEXT_SIZE + 0.5,
            fontweight="bold",
            color=_TEXT_GREY,
        )
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    quadrants = ax.texts[-4:]
    _finish(ax, title, "Performance (mean rating)", "Importance (mean rating)")
    _label_points(ax, perf, imp, names, avoid=quadrants)
    groups = []
    for key, label in IPA_QUADRANTS.items():
        inside = (imp >= cy) == key[0]
        inside &= (perf >= cx) == key[1]
        members = ", ".join(str(n) for n in names[inside]) or "none"
        groups.append(
            f"{label} (top {'right' if key[1] else 'left'})"
            if key[0]
            else f"{label} (bottom {'right' if key[1] else 'left'})"
        )
        groups[-1] += f": {members}"
    return describe(
        fig,
        f"{title}: {len(names)} attributes placed by mean performance (horizontal) and mean "
        f"importance (vertical); cross-hairs at performance {cx:.2f} and importance {cy:.2f}. "
        + ". ".join(groups)
        + ".",
    )


def _check_scale(scale: Any) -> tuple[float, float]:
    if not isinstance(scale, (tuple, list)) or len(scale) != 2:
        raise ValueError(f"scale must be a pair (low, high) such as (1, 7); got {scale!r}")
    low, high = (float(check_range("scale", v)) for v in scale)
    if not low < high:
        raise ValueError(f"scale must be increasing (low < high); got {scale!r}")
    pad = 0.04 * (high - low)
    return low - pad, high + pad


def kano_plot(
    summary: pd.DataFrame,
    *,
    feature: str = "feature",
    better: str = "better",
    worse: str = "worse",
    threshold: float = 0.5,
    title: str = "Kano customer satisfaction coefficients",
    figsize: tuple[float, float] = (7.0, 5.8),
) -> Figure:
    """Draw the Kano Better-Worse diagram: Better against the absolute Worse coefficient.

    Better = (A + O) / (A + O + M + I) measures how much satisfaction a feature adds when it is
    present; Worse = -(O + M) / (A + O + M + I) how much dissatisfaction its absence causes.
    Features are plotted at (absolute Worse, Better); lines at ``threshold`` split the square into
    Attractive (top left), One-dimensional (top right), Must-be (bottom right) and Indifferent
    (bottom left).

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per feature, for example the output of
        :func:`cpvkit.satisfaction.kano_summary`. If ``feature`` is not a column but the name
        of the index, the index is used.
    feature, better, worse : str
        Column names. ``worse`` may hold the negative coefficient (the usual sign) or its
        absolute value; the plot uses the absolute value.
    threshold : float, default 0.5
        Where the quadrant lines are drawn, in [0, 1].
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one scatter collection, two threshold lines, one label per feature and
        the four quadrant labels.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, a coefficient is outside [-1, 1] or
        ``threshold`` is outside [0, 1].

    References
    ----------
    Berger, C. et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4), 3-36.

    Examples
    --------
    >>> frame = pd.DataFrame({"feature": ["Tracking", "Correct order"],
    ...                       "better": [0.7, 0.2], "worse": [-0.2, -0.8]})
    >>> fig = kano_plot(frame)
    >>> len(fig.axes), len(fig.axes[0].texts)
    (1, 6)
    """
    if (
        isinstance(summary, pd.DataFrame)
        and feature not in summary.columns
        and summary.index.name == feature
    ):
        summary = summary.reset_index()
    require_columns(summary, [feature, better, worse], "summary")
    b = check_range(f"summary[{better!r}]", _numeric_column(summary, better, "summary"), -1, 1)
    w = np.abs(
        check_range(f"summary[{worse!r}]", _numeric_column(summary, worse, "summary"), -1, 1)
    )
    threshold = check_probability("threshold", threshold)
    names = summary[feature].astype(str).to_numpy()

    fig, ax = _figure(figsize)
    ax.axvline(threshold, color=_GREY, linewidth=1.2)
    ax.axhline(threshold, color=_GREY, linewidth=1.2)
    colour = np.select(
        [
            (w < threshold) & (b >= threshold),
            (w >= threshold) & (b >= threshold),
            (w >= threshold) & (b < threshold),
        ],
        [_GREEN, _BLUE, _VERMILION],
        _GREY,
    )
    ax.scatter(w, b, s=70, c=colour, edgecolor="white", zorder=3)
    corners = {
        (False, True): (0.02, 0.98, "left", "top"),
        (True, True): (0.98, 0.98, "right", "top"),
        (True, False): (0.98, 0.02, "right", "bottom"),
        (False, False): (0.02, 0.02, "left", "bottom"),
    }
    for key, label in KANO_QUADRANTS.items():
        x, y, ha, va = corners[key]
        ax.text(
            x,
            y,
            label,
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=TEXT_SIZE + 0.5,
            fontweight="bold",
            color=_TEXT_GREY,
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    quadrants = ax.texts[-4:]
    _finish(
        ax,
        title,
        "|Worse|: dissatisfaction if the feature is absent",
        "Better: satisfaction if the feature is present",
    )
    _label_points(ax, w, b, names, avoid=quadrants)
    groups = []
    for key, label in KANO_QUADRANTS.items():
        inside = ((w >= threshold) == key[0]) & ((b >= threshold) == key[1])
        members = [
            f"{n} (Better {bi:.2f}, |Worse| {wi:.2f})"
            for n, bi, wi in zip(names[inside], b[inside], w[inside], strict=True)
        ]
        groups.append(f"{label}: {', '.join(members) or 'none'}")
    return describe(
        fig,
        f"{title}: {len(names)} features placed by the absolute Worse coefficient "
        f"(horizontal) and the Better coefficient (vertical), split at {threshold:g}. "
        + ". ".join(groups)
        + ".",
    )


#: Most points drawn on a Lorenz curve (a larger customer base is sampled evenly).
_LORENZ_POINTS = 1001


def lorenz_plot(
    values: Any,
    *,
    top: float | None = 0.2,
    label: str = "Customers",
    title: str = "Concentration of customer value (Lorenz curve)",
    figsize: tuple[float, float] = (6.0, 5.5),
) -> Figure:
    """Draw the Lorenz curve of customer value with the line of equality and the Gini index.

    The numbers come from :func:`cpvkit.crm.lorenz_curve`, :func:`cpvkit.crm.gini` and
    :func:`cpvkit.crm.pareto_share` (computed on every customer; a curve of more than 1,001
    customers is drawn through 1,001 evenly spaced points of it). Customers are sorted from
    the smallest to the largest value; the curve shows the share of total value (vertical)
    held by the smallest ``x`` share of customers (horizontal). The further it sags below the
    diagonal, the more concentrated the value; the Gini index, twice the area between the
    diagonal and the curve, is shown in the legend.

    Parameters
    ----------
    values : array-like of float
        One non-negative value per customer (e.g. total spend), not all zero.
    top : float or None, default 0.2
        Mark the share of value held by the top ``top`` share of customers (0.2 = the top
        20 %, the "80/20" check). ``None`` draws no marker.
    label : str
        Legend label of the curve.
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with the Lorenz curve and the equality line (plus two guide lines and a
        marker when ``top`` is given).

    Raises
    ------
    ValueError
        If ``values`` is empty, holds a negative or non-finite value or sums to zero, or
        ``top`` is outside (0, 1).

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth. *Publications of
    the American Statistical Association*, 9(70), 209-219.

    Examples
    --------
    >>> fig = lorenz_plot([1, 1, 2, 6], top=0.25)
    >>> fig.axes[0].get_legend_handles_labels()[1][:2]
    ['Equality', 'Customers (Gini = 0.40)']
    """
    curve = crm.lorenz_curve(values)
    x = curve["customer_share"].to_numpy()
    y = curve["value_share"].to_numpy()
    if len(x) > _LORENZ_POINTS:
        # the curve is convex and rises in tiny steps: evenly spaced points (ends included)
        # draw the same picture as every customer's point, much faster
        keep = np.unique(np.linspace(0, len(x) - 1, _LORENZ_POINTS).round().astype(int))
        x, y = x[keep], y[keep]
    g = crm.gini(values)
    if top is not None:
        top = check_range("top", top, 0.0, 1.0, low_open=True, high_open=True)

    fig, ax = _figure(figsize)
    ax.plot([0, 1], [0, 1], color=_GREY, linestyle="--", linewidth=1.2, label="Equality")
    ax.plot(x, y, color=_BLUE, linewidth=2.2, label=f"{label} (Gini = {g:.2f})")
    ax.fill_between(x, y, x, color=_BLUE, alpha=0.12)
    if top is not None:
        share = crm.pareto_share(values, top=top)
        bx, by = 1.0 - top, 1.0 - share
        ax.plot([bx, bx], [0, by], color=_VERMILION, linewidth=1, linestyle=":")
        ax.plot([0, bx], [by, by], color=_VERMILION, linewidth=1, linestyle=":")
        ax.plot(
            [bx],
            [by],
            marker="o",
            color=_VERMILION,
            linestyle="none",
            label=f"Top {top:.0%} of customers hold {share:.0%} of value",
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize=TEXT_SIZE, frameon=False)
    _finish(
        ax, title, "Cumulative share of customers (smallest first)", "Cumulative share of value"
    )
    note = ""
    if top is not None:
        note = f" The top {top:.0%} of customers hold {share:.0%} of the value."
    return describe(
        fig,
        f"{title}: the cumulative share of value against the cumulative share of "
        f"{len(curve) - 1:,} customers sorted from the smallest, below the diagonal line of "
        f"equality; Gini index {g:.2f}.{note}",
    )


def survival_plot(
    retention_rates: Sequence[float] | np.ndarray,
    periods: int = 10,
    *,
    title: str = "Share of a cohort still active",
    period_label: str = "Period",
    figsize: tuple[float, float] = (7.0, 4.8),
) -> Figure:
    """Draw survival curves ``r**t`` of a customer cohort for several retention rates.

    With a constant retention rate ``r`` a share ``r**t`` of the starting customers is still
    active after ``t`` periods (:func:`cpvkit.relationship.survival`); the expected lifetime
    is ``1 / (1 - r)`` periods (:func:`cpvkit.relationship.expected_lifetime`), given in the
    legend.

    Parameters
    ----------
    retention_rates : sequence of float
        One or more retention rates in [0, 1), one curve each.
    periods : int, default 10
        Number of periods after the start (1-1000); the horizontal axis runs 0..periods.
    title : str
        Figure title.
    period_label : str
        Horizontal axis label, e.g. ``"Year"``.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one line per retention rate and a legend.

    Raises
    ------
    ValueError
        If a retention rate is outside [0, 1) or ``periods`` is outside 1-1000.
    TypeError
        If ``periods`` is not a whole number.

    Examples
    --------
    >>> fig = survival_plot([0.6, 0.8, 0.9], periods=10)
    >>> fig.axes[0].get_legend_handles_labels()[1][1]
    'r = 80% (expected lifetime 5.0 periods)'
    """
    rates = np.atleast_1d(check_probability("retention_rates", retention_rates, allow_one=False))
    periods = check_int("periods", periods, 1, 1000)
    t = np.arange(periods + 1)
    curves = relationship.survival(rates, periods)
    lifetimes = np.atleast_1d(relationship.expected_lifetime(rates))

    fig, ax = _figure(figsize)
    for i, (r, life) in enumerate(zip(rates, lifetimes, strict=True)):
        ax.plot(
            t,
            curves[i],
            marker="o",
            markersize=3.5,
            linewidth=1.8,
            color=_PALETTE[i % len(_PALETTE)],
            label=f"r = {r:.0%} (expected lifetime {life:.1f} periods)",
        )
    ax.set_xlim(0, periods)
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=TEXT_SIZE, frameon=False)
    _finish(ax, title, period_label, "Customers still active")
    lines = [
        f"r = {r:.0%}: {curves[i][-1]:.0%} still active after {periods} periods, expected "
        f"lifetime {life:.1f} periods"
        for i, (r, life) in enumerate(zip(rates, lifetimes, strict=True))
    ]
    return describe(
        fig,
        f"{title}: share of a cohort still active ({period_label.lower()} 0 to {periods}) for "
        f"{len(rates)} retention rate{'s' if len(rates) > 1 else ''}. " + "; ".join(lines) + ".",
    )


def rfm_heatmap(
    scores: pd.DataFrame,
    *,
    value: str = "monetary",
    stat: str = "mean",
    r_score: str = "r_score",
    f_score: str = "f_score",
    title: str | None = None,
    figsize: tuple[float, float] = (6.8, 5.4),
) -> Figure:
    """Draw a recency x frequency heatmap of RFM scores.

    Rows are recency scores, columns frequency scores (highest scores, the best customers, at
    the top right); each cell shows the mean (or total) of ``value`` or the number of customers
    in that cell, written in the cell. Scores run from 1 to the highest score present; empty
    cells (no customer with that combination) stay blank.

    Parameters
    ----------
    scores : pandas.DataFrame
        One row per customer with recency and frequency scores, for example the output of
        :func:`cpvkit.crm.rfm_scores`.
    value : str, default "monetary"
        Column summarised in each cell (ignored when ``stat="count"``).
    stat : {"mean", "sum", "count"}
        ``"mean"`` or ``"sum"`` of ``value`` per cell, or ``"count"`` of customers.
    r_score, f_score : str
        Column names of the recency and frequency scores (whole numbers, higher is better).
    title : str, optional
        Figure title; a title naming the statistic by default.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes: the heatmap (one image, one text per non-empty cell) and its colour bar.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, ``stat`` is not an allowed choice or a
        score or value is not a finite number.

    Examples
    --------
    >>> frame = pd.DataFrame({"r_score": [1, 1, 2, 2], "f_score": [1, 2, 1, 2],
    ...                       "monetary": [10.0, 20.0, 30.0, 40.0]})
    >>> fig = rfm_heatmap(frame)
    >>> len(fig.axes), len(fig.axes[0].images), len(fig.axes[0].texts)
    (2, 1, 4)
    """
    stat = check_choice("stat", stat, ["mean", "sum", "count"])
    columns = [r_score, f_score] + ([] if stat == "count" else [value])
    require_columns(scores, columns, "scores")
    frame = pd.DataFrame(
        {
            "r": _numeric_column(scores, r_score, "scores"),
            "f": _numeric_column(scores, f_score, "scores"),
            "v": 1.0 if stat == "count" else _numeric_column(scores, value, "scores"),
        }
    )
    agg = "sum" if stat == "count" else stat
    table = frame.pivot_table(index="r", columns="f", values="v", aggfunc=agg)
    # every score from 1 (or a lower observed score) to the highest, so that a score nobody
    # got (ties can leave the lowest frequency score empty) shows as an empty row or column
    r_levels = np.arange(min(1, int(frame["r"].min())), int(frame["r"].max()) + 1)
    f_levels = np.arange(min(1, int(frame["f"].min())), int(frame["f"].max()) + 1)
    table = table.reindex(index=r_levels, columns=f_levels)
    grid = table.to_numpy(dtype=float)

    fig, ax = _figure(figsize)
    image = ax.imshow(grid, origin="lower", cmap="YlGnBu", aspect="auto")
    ax.set_xticks(np.arange(len(f_levels)), labels=[str(v) for v in f_levels])
    ax.set_yticks(np.arange(len(r_levels)), labels=[str(v) for v in r_levels])
    finite = grid[np.isfinite(grid)]
    rows, cols = np.nonzero(np.isfinite(grid))
    for i, j in zip(rows, cols, strict=True):
        cell = grid[i, j]
        text = f"{cell:,.0f}" if stat != "mean" or abs(cell) >= 100 else f"{cell:,.1f}"
        ax.text(
            j,
            i,
            text,
            ha="center",
            va="center",
            fontsize=TEXT_SIZE,
            color=_ink(image.cmap(image.norm(cell))),
        )
    what = {"mean": f"Mean {value}", "sum": f"Total {value}", "count": "Customers"}[stat]
    colourbar = fig.colorbar(image, ax=ax)
    colourbar.set_label(what, fontsize=LABEL_SIZE)
    _finish(
        ax,
        title or f"{what} by recency and frequency score",
        "Frequency score (higher = more purchases)",
        "Recency score (higher = more recent)",
    )
    best = np.unravel_index(np.nanargmax(grid), grid.shape) if finite.size else None
    peak = ""
    if best is not None:
        peak = (
            f" The highest cell is recency {r_levels[best[0]]}, frequency {f_levels[best[1]]} "
            f"({grid[best]:,.1f})."
        )
    return describe(
        fig,
        f"{title or what + ' by recency and frequency score'}: a heatmap with recency scores "
        f"{r_levels[0]}-{r_levels[-1]} as rows and frequency scores {f_levels[0]}-"
        f"{f_levels[-1]} as columns; each cell shows {what.lower()}, and the numbers are "
        f"written in the cells.{peak}",
    )


_NPS_GROUPS = ("Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)")


def nps_bar(
    data: pd.DataFrame | satisfaction.NPSResult | Mapping[str, satisfaction.NPSResult],
    *,
    score: str = "nps",
    group: str | None = None,
    title: str = "Net Promoter Score",
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Draw the detractor / passive / promoter split as stacked horizontal bars.

    Answers 0-6 are detractors, 7-8 passives and 9-10 promoters;
    NPS = 100 x (share of promoters - share of detractors). One bar for all respondents, or one
    per value of ``group``; the NPS of each bar is written next to it. Shares and scores come
    from :func:`cpvkit.satisfaction.nps`.

    Parameters
    ----------
    data : pandas.DataFrame, NPSResult or Mapping
        One row per respondent; or an already computed
        :class:`cpvkit.satisfaction.NPSResult` (one bar, e.g. from
        :func:`cpvkit.satisfaction.nps_from_counts`); or a mapping ``{label: NPSResult}``
        (one bar per label, drawn top to bottom in the mapping's order). ``score`` and
        ``group`` apply to a DataFrame only.
    score : str, default "nps"
        Column with the likelihood-to-recommend answer, whole numbers 0-10.
    group : str, optional
        Column to split the respondents by (e.g. ``"segment"``); bars in sorted order.
    title : str
        Figure title.
    figsize : tuple of float, optional
        Width and height in inches; by default the height grows with the number of bars.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with three bar containers (detractors, passives, promoters) of one bar per
        group, a share label inside each wide enough segment, and the NPS per bar.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, a score is not a whole number in 0-10, or
        a mapping of results is empty.
    TypeError
        If ``data`` is none of the accepted types.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*,
    81(12), 46-54.

    Examples
    --------
    >>> frame = pd.DataFrame({"nps": [10] * 50 + [8] * 30 + [3] * 20})
    >>> fig = nps_bar(frame)
    >>> fig.axes[0].get_title()
    'Net Promoter Score'
    >>> [t.get_text() for t in fig.axes[0].texts][-1]
    'NPS +30'
    >>> from cpvkit.satisfaction import nps_from_counts
    >>> by_year = {"2024": nps_from_counts((40, 30, 30)), "2025": nps_from_counts((50, 30, 20))}
    >>> fig = nps_bar(by_year)  # 2024 on top, 2025 below; texts run bottom to top
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("NPS")]
    ['NPS +30', 'NPS +10']
    """
    if isinstance(data, satisfaction.NPSResult):
        results = {"All": data}
    elif isinstance(data, Mapping):
        if not data:
            raise ValueError("data is an empty mapping; give at least one label: NPSResult")
        bad = [k for k, v in data.items() if not isinstance(v, satisfaction.NPSResult)]
        if bad:
            raise TypeError(
                f"data must map labels to NPSResult objects; {bad[0]!r} maps to "
                f"{type(data[bad[0]]).__name__}"
            )
        results = {str(k): v for k, v in reversed(list(data.items()))}  # bar 0 at the bottom
    elif isinstance(data, pd.DataFrame):
        require_columns(data, [score] + ([group] if group is not None else []), "data")
        s = satisfaction._nps_scores(f"data[{score!r}]", data[score])
        keys = data[group].astype(str).to_numpy() if group is not None else np.full(len(s), "All")
        names = sorted(pd.unique(keys), reverse=True)  # bar 0 at the bottom: sorted from the top
        results = {name: satisfaction.nps(s[keys == name]) for name in names}  # one per bar
    else:
        raise TypeError(
            "data must be a pandas DataFrame of answers, an NPSResult or a mapping "
            f"{{label: NPSResult}}; got {type(data).__name__}"
        )
    names = list(results)
    shares = pd.DataFrame(
        {
            label: [results[name].shares[kind_] for name in names]
            for label, kind_ in zip(
                _NPS_GROUPS, ("detractors", "passives", "promoters"), strict=True
            )
        },
        index=names,
    )
    counts = {name: results[name].n for name in names}
    if figsize is None:
        figsize = (7.5, 1.6 + 0.6 * len(shares))

    fig, ax = _figure(figsize)
    y = np.arange(len(shares))
    left = np.zeros(len(shares))
    for kind_name, colour in zip(_NPS_GROUPS, [_VERMILION, _GREY, _GREEN], strict=True):
        width = shares[kind_name].to_numpy()
        ax.barh(y, width, left=left, color=colour, label=kind_name, height=0.6)
        for yi, (x0, wi) in enumerate(zip(left, width, strict=True)):
            if wi >= 0.06:
                ax.text(
                    x0 + wi / 2,
                    yi,
                    f"{wi:.0%}",
                    ha="center",
                    va="center",
                    fontsize=TEXT_SIZE,
                    color=_ink(colour),
                )
        left = left + width
    scores = [results[name].score for name in names]
    for yi, value_ in enumerate(scores):
        ax.text(
            1.02, yi, f"NPS {value_:+.0f}", va="center", fontsize=TEXT_SIZE + 0.5, fontweight="bold"
        )
    ax.set_yticks(y, labels=[f"{g} (n={counts[g]})" for g in shares.index])
    ax.set_xlim(0, 1.18)
    ax.set_xticks(np.linspace(0, 1, 6))
    ax.xaxis.set_major_formatter("{x:.0%}")
    fig.legend(loc="outside lower center", ncol=3, fontsize=TEXT_SIZE, frameon=False)
    _finish(ax, title, "Share of respondents", "")
    bars = [
        f"{name} (n={counts[name]}): {shares.loc[name, _NPS_GROUPS[0]]:.0%} detractors, "
        f"{shares.loc[name, _NPS_GROUPS[1]]:.0%} passives, "
        f"{shares.loc[name, _NPS_GROUPS[2]]:.0%} promoters, NPS {results[name].score:+.0f}"
        for name in reversed(names)
    ]
    return describe(fig, f"{title}: stacked bars of the answers. " + "; ".join(bars) + ".")


def value_cost_bars(
    parts: pd.DataFrame,
    *,
    value_parts: Sequence[str] = ("product", "service", "personnel", "image"),
    cost_parts: Sequence[str] = ("monetary", "time", "energy", "psychic"),
    title: str = "Total customer value and total customer cost",
    ylabel: str = "Value or cost (money units)",
    figsize: tuple[float, float] = (7.5, 4.2),
) -> Figure:
    """Stacked bars of total customer value beside total customer cost, one pair per offering.

    Each offering gets two bars: its value parts stacked (left) and its cost parts stacked
    (right). The gap between the tops of a pair is delivered value as a difference.

    Parameters
    ----------
    parts : pandas.DataFrame
        One row per offering (the index labels the offerings), one column per value or cost
        part, every entry >= 0 in one money unit.
    value_parts, cost_parts : sequence of str
        Columns stacked in the value bar and in the cost bar, bottom first.
    title, ylabel : str
        Figure title and y-axis label.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with ``2 * len(parts)`` stacked bars and a legend naming the parts.

    Raises
    ------
    ValueError
        If a column is missing, the frame is empty, or an entry is negative or not finite.

    Examples
    --------
    >>> frame = pd.DataFrame({"product": [40.0], "service": [20.0], "personnel": [15.0],
    ...                       "image": [10.0], "monetary": [50.0], "time": [5.0],
    ...                       "energy": [4.0], "psychic": [3.0]}, index=["Offer"])
    >>> fig = value_cost_bars(frame)
    >>> len(fig.axes[0].patches)
    8
    """
    names = list(value_parts) + list(cost_parts)
    require_columns(parts, names, "parts")
    if len(parts) == 0:
        raise ValueError("parts is empty; give at least one offering (one row)")
    for column in names:
        check_range(f"parts[{column!r}]", _numeric_column(parts, column, "parts"), 0.0)
    colours = [_BLUE, _SKY, _GREEN, _PURPLE, _VERMILION, _ORANGE, "#F0E442", _GREY]
    colour_of = {name: colours[i % len(colours)] for i, name in enumerate(names)}

    fig, ax = _figure(figsize)
    ticks, labels = [], []
    for k, offering in enumerate(parts.index):
        x0 = 1.2 * k
        for x, group, side in ((x0, value_parts, "value"), (x0 + 0.45, cost_parts, "cost")):
            bottom = 0.0
            for part in group:
                height = float(parts.loc[offering, part])
                ax.bar(
                    x, height, width=0.4, bottom=bottom, color=colour_of[part], edgecolor="white"
                )
                bottom += height
            ticks.append(x)
            labels.append(f"{offering}\n{side}")
    ax.set_xticks(ticks, labels=labels)
    from matplotlib.patches import Patch

    handles = [Patch(color=colour_of[name], label=name) for name in names]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        title="Part",
        fontsize=TEXT_SIZE,
    )
    ax.grid(True, axis="y", alpha=0.3)
    _finish(ax, title, "", ylabel)
    return fig


def attribute_gap_bars(
    gaps: pd.Series,
    *,
    title: str = "Head-to-head by attribute",
    xlabel: str = "Weighted difference (firm minus competitor)",
    figsize: tuple[float, float] = (7.0, 3.6),
) -> Figure:
    """Horizontal bars of the firm's weighted advantage over a competitor, attribute by attribute.

    Bars to the right (green) favour the firm, bars to the left (vermilion) the competitor;
    sorted so that the competitor's biggest leads come first.

    Parameters
    ----------
    gaps : pandas.Series
        Weighted difference per attribute (index: attribute names), for example the
        ``weighted_difference`` column of :func:`cpvkit.value.customer_value_analysis`'s
        comparison table.
    title, xlabel : str
        Figure title and x-axis label.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with one bar per attribute and a vertical line at 0.

    Raises
    ------
    ValueError
        If ``gaps`` is empty or holds a value that is not finite.
    TypeError
        If ``gaps`` is not a pandas Series.

    Examples
    --------
    >>> fig = attribute_gap_bars(pd.Series({"range": -0.3, "service": 0.2}))
    >>> len(fig.axes[0].patches)
    2
    """
    if not isinstance(gaps, pd.Series):
        raise TypeError(f"gaps must be a pandas Series; got {type(gaps).__name__}")
    values = as_float_array("gaps", gaps.to_numpy())
    order = pd.Series(values, index=gaps.index.astype(str)).sort_values()
    fig, ax = _figure(figsize)
    ax.barh(
        order.index, order.to_numpy(), color=np.where(order.to_numpy() >= 0, _GREEN, _VERMILION)
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.grid(True, axis="x", alpha=0.3)
    _finish(ax, title, xlabel, "")
    return fig


def clv_buildup_plot(
    margin: float,
    retention_rates: Sequence[float] | np.ndarray,
    discount_rate: float,
    periods: int = 25,
    *,
    title: str = "Build-up of the lifetime value of a new customer",
    figsize: tuple[float, float] = (7.5, 4.0),
) -> Figure:
    """Draw the cumulative discounted margin of a new customer and its limit, the CLV.

    One curve per retention rate, from :func:`cpvkit.crm.clv_schedule` under the package's
    timing convention (first margin paid at acquisition, ``include_first=True``), with the
    infinite-horizon :func:`cpvkit.crm.clv` as a thin horizontal line of the same colour.

    Parameters
    ----------
    margin : float
        Margin per period.
    retention_rates : sequence of float
        One or more retention rates in [0, 1), one curve each.
    discount_rate : float
        Discount rate per period, >= 0.
    periods : int, default 25
        Number of periods drawn (1-1000).
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One axes with a line and a limit line per retention rate, and a legend giving each CLV.

    Raises
    ------
    ValueError, TypeError
        As :func:`cpvkit.crm.clv_schedule`; also if ``periods`` is outside 1-1000.

    Examples
    --------
    >>> fig = clv_buildup_plot(100, [0.8, 0.9], 0.1, periods=10)
    >>> fig.axes[0].get_legend_handles_labels()[1]
    ['retention 80% (CLV 366.67)', 'retention 90% (CLV 550.00)']
    """
    rates = np.atleast_1d(check_probability("retention_rates", retention_rates, allow_one=False))
    periods = check_int("periods", periods, 1, 1000)
    fig, ax = _figure(figsize)
    t = np.arange(1, periods + 1)
    for i, rate in enumerate(rates):
        build = crm.clv_schedule(margin, float(rate), discount_rate, periods, include_first=True)
        limit = crm.clv(margin, float(rate), discount_rate, include_first=True)
        colour = _PALETTE[i % len(_PALETTE)]
        ax.plot(
            t,
            build["cumulative_clv"],
            color=colour,
            marker="o",
            markersize=2.5,
            label=f"retention {rate:.0%} (CLV {limit:,.2f})",
        )
        ax.axhline(limit, color=colour, linewidth=0.8, alpha=0.5)
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False, loc="lower right", fontsize=TEXT_SIZE)
    _finish(
        ax,
        title,
        "Period (its margin is received at the start of it)",
        "Cumulative discounted margin",
    )
    return fig


def pyramid_plot(
    summary: pd.DataFrame,
    *,
    title: str = "Customer pyramid",
    figsize: tuple[float, float] = (7.5, 3.6),
) -> Figure:
    """Draw the share of customers and the share of value of each tier of a customer pyramid.

    Parameters
    ----------
    summary : pandas.DataFrame
        The tier summary of :func:`cpvkit.crm.customer_pyramid` (``PyramidResult.summary``):
        one row per tier, top tier first, with columns ``customer_share`` and ``value_share``.
    title : str
        Figure title.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        Horizontal paired bars, top tier at the top.

    Raises
    ------
    ValueError
        If a column is missing or the frame is empty.
    TypeError
        If ``summary`` is not a DataFrame or a share is not numeric.

    Examples
    --------
    >>> from cpvkit import crm
    >>> tiers = crm.customer_pyramid([100, 50, 10, 5, 1, 1, 1, 1, 1, 0]).summary
    >>> [t.get_text() for t in pyramid_plot(tiers).axes[0].get_yticklabels()]
    ['Platinum', 'Gold', 'Iron', 'Lead']
    """
    require_columns(summary, ["customer_share", "value_share"], "summary")
    customers = _numeric_column(summary, "customer_share", "summary")
    value = _numeric_column(summary, "value_share", "summary")
    fig, ax = _figure(figsize)
    y = np.arange(len(summary))[::-1]
    ax.barh(y + 0.2, customers, height=0.4, color=_BLUE, label="share of customers")
    ax.barh(y - 0.2, value, height=0.4, color=_ORANGE, label="share of value")
    ax.set_yticks(y, labels=[str(name) for name in summary.index])
    ax.set_xlim(0, min(1.0, max(customers.max(), value.max()) * 1.15 + 0.02))
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.legend(frameon=False, loc="upper right", fontsize=TEXT_SIZE)
    ax.grid(True, axis="x", alpha=0.3)
    _finish(ax, title, "Share", "")
    return fig


def cohort_survival_plot(
    survival: pd.DataFrame,
    constant_rate: float | None = None,
    *,
    title: str = "Survival by acquisition cohort",
    xlabel: str = "Months after first purchase",
    ylabel: str = "Still buying later (lower bound)",
    figsize: tuple[float, float] = (7.0, 4.0),
) -> Figure:
    """Draw one survival curve per acquisition cohort, with an optional constant-rate curve.

    Parameters
    ----------
    survival : pandas.DataFrame
        Index: periods since acquisition (0, 1, 2, ...); one column per cohort holding the share
        of the cohort still active (or still buying later) at each period, in [0, 1].
    constant_rate : float, optional
        A retention rate in [0, 1) whose curve ``rate**t`` is drawn dotted for comparison.
    title, xlabel, ylabel : str
        Figure title and axis labels.
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    matplotlib.figure.Figure
        One line per cohort (and the dotted comparison curve), with a legend.

    Raises
    ------
    ValueError
        If the frame is empty, a share is outside [0, 1] or ``constant_rate`` is outside [0, 1).
    TypeError
        If ``survival`` is not a DataFrame or holds non-numeric values.

    Examples
    --------
    >>> frame = pd.DataFrame({"January": [1.0, 0.5, 0.4], "February": [1.0, 0.6, 0.45]})
    >>> fig = cohort_survival_plot(frame, constant_rate=0.7)
    >>> fig.axes[0].get_legend_handles_labels()[1]
    ['January', 'February', 'constant r = 70%']
    """
    if not isinstance(survival, pd.DataFrame):
        raise TypeError(f"survival must be a pandas DataFrame; got {type(survival).__name__}")
    if survival.empty:
        raise ValueError("survival is empty; give one column per cohort and one row per period")
    t = as_float_array("survival index", survival.index)
    fig, ax = _figure(figsize)
    for i, (name, series) in enumerate(survival.items()):
        share = check_range(f"survival[{name!r}]", series.to_numpy(dtype=float), 0.0, 1.0)
        ax.plot(
            t, share, marker="o", markersize=3, color=_PALETTE[i % len(_PALETTE)], label=str(name)
        )
    if constant_rate is not None:
        rate = check_probability("constant_rate", constant_rate, allow_one=False)
        ax.plot(
            t, rate ** (t - t.min()), color=_GREY, linestyle=":", label=f"constant r = {rate:.0%}"
        )
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(frameon=False, fontsize=TEXT_SIZE)
    _finish(ax, title, xlabel, ylabel)
    return fig


def zone_of_tolerance_plot(
    data: pd.DataFrame,
    *,
    label: str = "attribute",
    adequate: str = "adequate",
    desired: str = "desired",
    performance: str = "performance",
    title: str = "Zone of tolerance",
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Zones of tolerance as bars from adequate to desired service, with perceived performance.

    One row per attribute: a grey bar spans the zone of tolerance (Zeithaml, Berry and
    Parasuraman 1993), a marker shows the perceived performance, coloured by the outcome of
    :func:`cpvkit.satisfaction.disconfirmation` (below the zone dissatisfied, inside
    satisfied, above delighted).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per attribute with the columns named by the other arguments.
    label, adequate, desired, performance : str
        Column names of the attribute label and the three service levels.
    title : str
        Figure title.
    figsize : tuple of float, optional
        Figure size in inches; by default it grows with the number of attributes.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If a column is missing, a level is not finite or adequate exceeds desired.
    TypeError
        If ``data`` is not a DataFrame or a level is not numeric.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {"attribute": ["Speed", "Courtesy"], "adequate": [5, 4], "desired": [8, 7],
    ...      "performance": [4.5, 7.5]}
    ... )
    >>> fig = zone_of_tolerance_plot(frame)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Courtesy', 'Speed']
    """
    frame = require_columns(data, [label, adequate, desired, performance], "data")
    result = satisfaction.disconfirmation(
        performance=_numeric_column(frame, performance),
        adequate=_numeric_column(frame, adequate),
        desired=_numeric_column(frame, desired),
    )
    low = _numeric_column(frame, adequate)[::-1]
    high = _numeric_column(frame, desired)[::-1]
    perf = _numeric_column(frame, performance)[::-1]
    outcome = np.atleast_1d(result.outcome)[::-1]
    names = frame[label].astype(str).to_numpy()[::-1]
    if figsize is None:
        figsize = (7.5, 1.6 + 0.55 * len(frame))
    fig, ax = _figure(figsize)
    y = np.arange(len(frame))
    ax.barh(y, high - low, left=low, height=0.5, color=_GREY, alpha=0.45, label="zone of tolerance")
    colours = {"dissatisfied": _VERMILION, "satisfied": _BLUE, "delighted": _GREEN}
    markers = {"dissatisfied": "v", "satisfied": "o", "delighted": "^"}
    for kind in satisfaction.DISCONFIRMATION_OUTCOMES:
        hit = outcome == kind
        if hit.any():
            ax.scatter(
                perf[hit],
                y[hit],
                s=70,
                marker=markers[kind],
                color=colours[kind],
                zorder=3,
                label=f"perceived: {kind}",
            )
    ax.set_yticks(y, labels=names)
    span = np.concatenate([low, high, perf])
    ax.set_xlim(span.min() - 0.6, span.max() + 0.6)
    fig.legend(loc="outside lower center", ncol=4, fontsize=TEXT_SIZE - 0.5, frameon=False)
    _finish(ax, title, "Service level (rating scale)", "")
    return fig

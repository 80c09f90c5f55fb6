"""Where cpvkit's charts get their matplotlib Figure: new, or an earlier one cleared for reuse.

Every chart of :mod:`cpvkit.plots` and of the calculators asks :func:`new_figure` for its
figure and axes. Normally that is a fresh ``Figure`` with the constrained layout. Inside
:func:`reusing`, a figure of the same size and grid is emptied and handed back instead: a
calculator redraws its chart on every input change, and drawing into existing axes (whose tick
objects and text layouts matplotlib keeps) takes about half the time of building a new figure,
and leaves far less garbage for Python's cycle collector.

Emptying removes everything a chart function adds (lines, patches, collections, texts, images,
legends of the axes and of the figure, titles, labels) and restores the axis scales, limits
and aspect to their defaults, so a chart drawn into a reused figure looks exactly like one
drawn into a new figure; the calculator tests compare the two byte for byte.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator
from typing import Any

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = ["alt_text", "describe", "new_figure", "reusing"]

#: fonts with Chinese glyphs, tried in this order when a chart's text holds Chinese
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "SimHei",
    "Noto Serif CJK SC",
)
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")

_REUSABLE: contextvars.ContextVar[Figure | None] = contextvars.ContextVar(
    "cpvkit_reusable_figure", default=None
)


@contextlib.contextmanager
def reusing(figure: Figure | None) -> Iterator[None]:
    """Let :func:`new_figure` empty and return ``figure`` instead of building a new one.

    The figure is reused only if the chart asks for the same size and grid; otherwise a new
    figure is built as usual. ``None`` turns reuse off.
    """
    token = _REUSABLE.set(figure)
    try:
        yield
    finally:
        _REUSABLE.reset(token)


def new_figure(
    figsize: tuple[float, float],
    nrows: int = 1,
    ncols: int = 1,
    *,
    width_ratios: list[float] | None = None,
) -> tuple[Figure, Any]:
    """A figure with a grid of axes: the reusable one, emptied, or a new one.

    Returns the figure and its axes: one ``Axes`` for a 1 x 1 grid, else a numpy array as
    :meth:`matplotlib.figure.Figure.subplots` returns it.
    """
    shape = (tuple(float(v) for v in figsize), nrows, ncols, tuple(width_ratios or ()))
    old = _REUSABLE.get()
    if old is not None and getattr(old, "_cpvkit_shape", None) == shape and _clear(old):
        axes = old._cpvkit_axes
        old._cpvkit_alt = None
        return old, axes
    fig = BookFigure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, width_ratios=width_ratios)
    fig._cpvkit_shape = shape
    fig._cpvkit_axes = axes
    return fig, axes


def _clear(fig: Figure) -> bool:
    """Empty a figure for reuse, keeping its axes; ``False`` if it cannot be reused."""
    axes = fig._cpvkit_axes
    wanted = list(axes.flat) if hasattr(axes, "flat") else [axes]
    if fig.axes != wanted or fig.texts or fig.get_suptitle():
        return False  # something was added outside the grid (a colour bar, a figure text)
    if any(axis.have_units() for ax in wanted for axis in (ax.xaxis, ax.yaxis)):
        return False  # categorical (string) positions: their category list would carry over
    # axes back where a new figure has them while the chart is drawn (label placement reads
    # the axes size); the caller sets the final margins when it renders
    for spec in {id(ax.get_gridspec()): ax.get_gridspec() for ax in wanted}.values():
        spec.update(left=None, right=None, bottom=None, top=None, wspace=None, hspace=None)
    for legend in list(fig.legends):
        legend.remove()
    for ax in wanted:
        ax.set_position(ax.get_subplotspec().get_position(fig))
        for artist in [
            *ax.lines,
            *ax.patches,
            *ax.collections,
            *ax.texts,
            *ax.images,
            *ax.tables,
            *ax.artists,
        ]:
            artist.remove()
        ax.containers.clear()
        if ax.legend_ is not None:
            ax.legend_.remove()
        for loc in ("left", "center", "right"):
            ax.set_title("", loc=loc)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xscale("linear")
        ax.set_yscale("linear")
        ax.set_aspect("auto")
        ax.grid(False)
        ax.ignore_existing_data_limits = True
        ax.set_autoscale_on(True)
        ax.relim()
        ax.autoscale_view()
    return True


@functools.cache
def cjk_font() -> str | None:
    """The name of an installed font with Chinese glyphs, or ``None`` if there is none."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found is None:
        # fonts installed after matplotlib cached its font list are not in it yet
        for path in font_manager.findSystemFonts():
            if re.search(r"CJK|wqy|WenQuanYi|SourceHanSans", path, re.IGNORECASE):
                with contextlib.suppress(Exception):
                    font_manager.fontManager.addfont(path)
        installed = {entry.name for entry in font_manager.fontManager.ttflist}
        found = next((name for name in CJK_FONTS if name in installed), None)
    return found


def _add_chinese_font(fig: Figure) -> None:
    """Let every text of ``fig`` that holds Chinese fall back to an installed CJK font.

    Glyphs the default font has (Latin letters, digits) still come from it; only the missing
    ones are taken from the CJK font, so charts without Chinese look exactly as before.
    """
    font = cjk_font()
    if font is None:
        return
    texts = list(fig.findobj(Text))
    for ax in fig.axes:
        texts += [*ax.get_xticklabels(), *ax.get_yticklabels()]
    for text in texts:
        if _HAN.search(text.get_text()):
            family = list(text.get_fontfamily())
            if font not in family:
                text.set_fontfamily([*family, font])


class BookFigure(Figure):
    """A matplotlib Figure that finds a Chinese font for Chinese labels and carries alt text.

    Glyphs missing from the default font (Chinese feature or attribute names, say) are drawn
    from an installed CJK font (:data:`CJK_FONTS`), so they never show as empty boxes. The
    figure's PNG holds its text description (see :func:`alt_text`) in a ``Description`` chunk,
    which the book's site uses as the image's alt text.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _DescribedCanvas(self)

    def draw(self, renderer: Any) -> None:
        _add_chinese_font(self)
        super().draw(renderer)

    def get_tightbbox(self, *args: Any, **kwargs: Any) -> Any:
        _add_chinese_font(self)
        return super().get_tightbbox(*args, **kwargs)


class _DescribedCanvas(FigureCanvasAgg):
    """An Agg canvas whose PNG files carry the figure's description (alt text)."""

    def print_png(
        self, filename_or_obj: Any, *, metadata: Any = None, pil_kwargs: Any = None, **_: Any
    ) -> None:
        # matplotlib hands a third-party canvas every savefig option (orientation, dpi, ...);
        # the PNG writer takes only these two
        metadata = dict(metadata or {})
        metadata.setdefault("Description", alt_text(self.figure))
        super().print_png(filename_or_obj, metadata=metadata, pil_kwargs=pil_kwargs)


def describe(fig: Figure, text: str) -> Figure:
    """Give a figure its text description (its alt text on the site); returns the figure."""
    fig._cpvkit_alt = " ".join(str(text).split())
    return fig


def alt_text(fig: Figure) -> str:
    """A text description of a figure, for readers who cannot see it.

    The description a chart function gave with :func:`describe`, or else one assembled from
    the titles, axis labels and legend entries of the figure.

    Examples
    --------
    >>> fig, ax = new_figure((4, 3))
    >>> _ = ax.plot([0, 1], [0, 1], label="Equality")
    >>> _ = ax.legend()
    >>> _ = ax.set_title("Lorenz curve"); _ = ax.set_xlabel("Customers"); _ = ax.set_ylabel("Value")
    >>> alt_text(fig)
    'Chart: Lorenz curve. Horizontal axis: Customers; vertical axis: Value. Legend: Equality.'
    """
    given = getattr(fig, "_cpvkit_alt", None)
    if given:
        return given
    parts: list[str] = []
    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    if suptitle:
        parts.append(f"Chart: {suptitle}.")
    for ax in fig.axes:
        if not ax.get_visible() or not ax.has_data():
            continue
        title = " ".join(
            t for t in (ax.get_title("left"), ax.get_title(), ax.get_title("right")) if t
        )
        if title:
            parts.append(f"Chart: {title}." if not suptitle else f"Panel: {title}.")
        axes_text = []
        if ax.get_xlabel():
            axes_text.append(f"horizontal axis: {ax.get_xlabel()}")
        if ax.get_ylabel():
            axes_text.append(f"vertical axis: {ax.get_ylabel()}")
        if axes_text:
            joined = "; ".join(axes_text)
            parts.append(joined[0].upper() + joined[1:] + ".")
        legend = ax.get_legend()
        if legend is not None:
            entries = [t.get_text() for t in legend.get_texts() if t.get_text()]
            if entries:
                parts.append("Legend: " + "; ".join(entries) + ".")
    for legend in fig.legends:
        entries = [t.get_text() for t in legend.get_texts() if t.get_text()]
        if entries:
            parts.append("Legend: " + "; ".join(entries) + ".")
    return " ".join(" ".join(parts).split()) or "Chart"

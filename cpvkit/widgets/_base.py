"""The machinery shared by every calculator: inputs, recomputation, messages and snapshots.

A calculator subclass declares its inputs (a list of :class:`Field`), computes its result with
cpvkit functions in :meth:`Calculator._compute`, draws its chart in :meth:`Calculator._draw` and
describes the result in :meth:`Calculator._summary` (plain text) and
:meth:`Calculator._result_html` (an HTML fragment). Everything else lives here:

- one ipywidgets control per input, gathered in ``calc.inputs``;
- ``calc.set(**values)`` and the controls' own changes recompute synchronously;
- input that does not parse, or that cpvkit rejects (``ValueError``/``TypeError``), becomes a
  plain message in ``calc.error`` and in the view; the inputs stay as the user left them;
- ``_repr_mimebundle_`` offers the live widget view, a short text summary and a
  self-contained HTML snapshot (numbers, table and the chart as an inline PNG) that a static
  site can show without a kernel.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import html
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from cpvkit._figures import alt_text, reusing
from cpvkit.widgets._live import read_number, spec_script

__all__ = ["Calculator", "Field", "LIVE_DPI", "RUN_LIVE", "SNAPSHOT_DPI"]

#: Resolution of any raster part (a heatmap) of the live chart, which is otherwise vector SVG.
LIVE_DPI = 72
#: Resolution of the chart in the static snapshot.
SNAPSHOT_DPI = 90
#: How to run the calculators with a live kernel; shown under every snapshot.
RUN_LIVE = (
    "Static snapshot of the inputs listed above. To change the inputs, run the calculators "
    "live: <code>python3 tasks.py lab</code> opens them in JupyterLab."
)

#: Fixed margins of the live chart (the snapshot uses matplotlib's constrained layout).
LIVE_MARGINS = {"left": 0.12, "right": 0.97, "bottom": 0.19, "top": 0.88, "wspace": 0.35}

#: Settings of the live chart: titles sit at a fixed height instead of being placed above
#: whatever sticks out of the axes (that search measures every tick label on each redraw).
LIVE_RC = {"axes.titley": 1.0}
#: How the live chart is written: text as text, and ids from content (the same chart gives
#: the same bytes).
LIVE_SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "cpvkit"}

#: Default largest size of a typed number (a trillion): larger numbers are rejected with a
#: message instead of overflowing a result or a chart axis.
MAX_NUMBER = 1e12

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


@dataclass(frozen=True)
class Field:
    """Declaration of one calculator input.

    Attributes
    ----------
    name : str
        Input name, used in ``calc.inputs``, ``calc.set`` and the constructor; for numeric
        inputs it is also the name of the cpvkit argument, so that cpvkit's messages name it.
    label : str
        Label shown next to the control.
    kind : {"number", "int", "text", "choice", "flag", "upload"}
        ``number``/``int``: a text field parsed as a number (``80%`` reads as 0.8, ``1,000`` as
        1000); ``text``: free text (a multi-line area when ``rows`` > 1); ``choice``: a
        drop-down of ``options``; ``flag``: a check box; ``upload``: a file-upload button.
    default : Any
        Initial value.
    options : sequence of (label, value) pairs, optional
        The choices of a ``choice`` input.
    optional : bool
        For ``number``/``int``: an empty field means ``None`` instead of an error.
    rows : int
        Height of a ``text`` input; 1 gives a one-line field.
    limit : float
        For ``number``/``int``: the largest size (absolute value) accepted, so that every
        result stays finite and the chart readable; default :data:`MAX_NUMBER`.
    low, high : float, optional
        For ``number``/``int``: the smallest and largest value allowed (``None``: no bound);
        the Jupyter calculator and the page calculator both check them, with one message.
    low_open, high_open : bool
        Exclude the bound itself (``retention`` < 1).
    """

    name: str
    label: str
    kind: str = "number"
    default: Any = None
    options: Sequence[tuple[str, Any]] | None = None
    optional: bool = False
    rows: int = 1
    limit: float = MAX_NUMBER
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False


def _format_number(value: Any) -> str:
    """Show a number the way a user would type it (no exponent for ordinary sizes)."""
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.12g}"


def parse_number(
    name: str,
    text: str,
    *,
    integer: bool = False,
    optional: bool = False,
    limit: float = MAX_NUMBER,
) -> Any:
    """Read a number typed into a text field; raise ValueError with a plain message if it fails.

    Parameters
    ----------
    name : str
        Input name used in the message.
    text : str
        What the user typed. A trailing ``%`` divides by 100; commas are read as thousands
        separators when they group digits in threes (``1,000.5``).
    integer : bool
        Require a whole number (returned as ``int``).
    optional : bool
        Return ``None`` for an empty field instead of raising.
    limit : float
        Largest size (absolute value) accepted.

    Returns
    -------
    float, int or None

    Raises
    ------
    ValueError
        If the text is empty (and not optional), is not a number, is larger than ``limit`` or
        is not whole when ``integer`` is set.

    Examples
    --------
    >>> parse_number("retention", "80%"), parse_number("margin", "1,000")
    (0.8, 1000.0)
    >>> parse_number("retention", "eighty")
    Traceback (most recent call last):
    ...
    ValueError: retention must be a number; got 'eighty'
    """
    if not isinstance(text, str):
        raise TypeError(f"{name} must be typed text such as '80%' or '1,000'; got {text!r}")
    field = Field(name, name, kind="int" if integer else "number", optional=optional, limit=limit)
    return read_number(field, text)


def figure_png(figure: Figure, dpi: float) -> bytes:
    """Render a matplotlib Figure to PNG bytes, with its layout (no pyplot involved)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def figure_svg(figure: Figure, *, margins: dict[str, float] | None = None) -> bytes:
    """Render the live chart: SVG with fixed margins and the text left as text.

    The live view redraws on every input change, so it skips what costs most and shows least:
    matplotlib's constrained layout (about half of the drawing time) gives way to fixed
    margins (:data:`LIVE_MARGINS`, updated by ``margins``), and instead of rasterising every
    glyph into a PNG the chart is written as SVG whose labels stay text, which the browser
    draws with its own fonts (sharp at any zoom, on a phone too). Deterministic: the same
    chart gives the same bytes.
    """
    figure.set_layout_engine(None)  # no layout pass at all
    # axes keep the positions they were created with when a colour bar took its room
    if not any(hasattr(ax, "_colorbar") for ax in figure.axes):
        for grid in {id(g): g for g in _gridspecs(figure)}.values():
            grid.update(**{**LIVE_MARGINS, **(margins or {})})
        for ax in figure.axes:
            spec = ax.get_subplotspec()
            if spec is not None:
                ax.set_position(spec.get_position(figure))
    if not isinstance(figure.canvas, FigureCanvasAgg):
        # a canvas of its own keeps matplotlib's cache of text sizes from one redraw of a
        # reused figure to the next
        FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    with matplotlib.rc_context(LIVE_SVG_RC):
        figure.savefig(
            buffer,
            format="svg",
            dpi=LIVE_DPI,
            metadata={"Date": None, "Description": alt_text(figure)},
        )
    return buffer.getvalue()


def _gridspecs(figure: Figure) -> list[Any]:
    """The top-level grid specs of a figure's axes."""
    grids = []
    for ax in figure.axes:
        spec = ax.get_subplotspec()
        if spec is not None:
            grids.append(spec.get_topmost_subplotspec().get_gridspec())
    return grids


def html_table(frame: Any, *, index: bool = True, float_format: str = "{:,.2f}") -> str:
    """A small deterministic HTML table from a DataFrame (no random ids, unlike a Styler)."""
    text = frame.to_html(
        index=index,
        border=0,
        classes="dataframe cpvkit-table",
        float_format=float_format.format,
        na_rep="",
        justify="right",
    )
    return text


def esc(text: Any) -> str:
    """Escape text for HTML."""
    return html.escape(str(text), quote=True)


class Calculator:
    """Base class of the calculators: gathers inputs, recomputes, shows results or a message.

    Subclasses set ``title``, ``intro`` and ``fields`` and implement ``_compute``, ``_draw``,
    ``_summary`` and ``_result_html``. Keyword arguments of the constructor set initial input
    values by name (see :meth:`set`).

    Attributes
    ----------
    inputs : dict
        One ipywidgets control per input, keyed by input name. Changing a control's
        ``value`` recomputes at once.
    result : object or None
        The latest result (a frozen dataclass of the calculator), ``None`` while the input is
        invalid.
    error : str or None
        ``None``, or the plain message shown in the calculator.
    figure : matplotlib.figure.Figure or None
        The latest live chart, ``None`` while the input is invalid. The next input change
        may redraw this same figure in place.
    widget : ipywidgets.VBox
        The live view: inputs, message, results and chart.
    """

    title: str = "Calculator"
    intro: str = ""
    fields: tuple[Field, ...] = ()
    #: charts offered by the ``chart`` input (labels in order); empty for a single chart
    charts: tuple[str, ...] = ()
    #: margins of the live chart, overriding :data:`LIVE_MARGINS`
    live_margins: dict[str, float] = {}  # noqa: RUF012

    def __init__(self, **values: Any) -> None:
        _settle_garbage_collector()
        self.result: Any = None
        self.error: str | None = None
        self.figure: Figure | None = None
        self._hold = False
        self.inputs: dict[str, w.Widget] = {f.name: self._control(f) for f in self.fields}
        self._fields = {f.name: f for f in self.fields}
        self._message = w.HTML(layout=w.Layout(min_height="1.5em"))
        self._output = w.HTML()
        self._image = w.Image(format="svg+xml", layout=w.Layout(max_width="100%"))
        controls = self._arrange(list(self.inputs.values()))
        header = w.HTML(f"<strong>{esc(self.title)}</strong><br><small>{esc(self.intro)}</small>")
        self.widget = w.VBox([header, controls, self._message, self._output, self._image])
        for control in self.inputs.values():
            control.observe(self._on_change, names="value")
        self.set(**values)

    # ---------------------------------------------------------------- inputs

    def _arrange(self, controls: list[w.Widget]) -> w.Widget:
        """Lay out the input controls: two columns when there are many, else one."""
        if len(controls) > 8:
            return w.GridBox(
                controls,
                layout=w.Layout(grid_template_columns="repeat(2, minmax(16em, 1fr))"),
            )
        return w.VBox(controls)

    @staticmethod
    def _control(field: Field) -> w.Widget:
        style = {"description_width": "initial"}
        layout = w.Layout(width="auto", min_width="16em")
        if field.kind in ("number", "int"):
            value = "" if field.default is None else _format_number(field.default)
            return w.Text(
                value=value,
                description=field.label,
                continuous_update=True,
                style=style,
                layout=layout,
            )
        if field.kind == "text":
            if field.rows > 1:
                return w.Textarea(
                    value=str(field.default or ""),
                    description=field.label,
                    rows=field.rows,
                    continuous_update=False,
                    style=style,
                    layout=w.Layout(width="95%"),
                )
            return w.Text(
                value=str(field.default or ""),
                description=field.label,
                continuous_update=False,
                style=style,
                layout=layout,
            )
        if field.kind == "choice":
            return w.Dropdown(
                options=list(field.options or ()),
                value=field.default,
                description=field.label,
                style=style,
                layout=layout,
            )
        if field.kind == "flag":
            return w.Checkbox(value=bool(field.default), description=field.label, indent=False)
        if field.kind == "upload":
            return w.FileUpload(accept=".csv", multiple=False, description=field.label)
        raise ValueError(f"unknown field kind {field.kind!r}")

    def set(self, **values: Any) -> Calculator:
        """Set inputs by name, recompute once and return the calculator.

        Numbers may be given as numbers or as the text a user would type (``"80%"``); ``None``
        empties a numeric field. Text that does not parse is kept in its field and reported
        in :attr:`error`.

        Parameters
        ----------
        **values
            Input name to new value.

        Returns
        -------
        Calculator
            ``self``, so that calls chain.

        Raises
        ------
        TypeError
            If a name is not an input of this calculator, or a value has the wrong type (a
            number input takes a number, text or ``None``, a flag ``True`` or ``False``, a
            text input text). Nothing is changed then: all values are checked first.
        ValueError
            If a choice input is given a value it does not offer (nothing is changed).
        """
        unknown = [name for name in values if name not in self.inputs]
        if unknown:
            allowed = ", ".join(self.inputs)
            raise TypeError(
                f"{type(self).__name__} has no input {', '.join(unknown)}; inputs: {allowed}"
            )
        # check every value first, then change the controls: a bad value changes nothing
        new = {
            name: self._control_value(self._fields[name], value) for name, value in values.items()
        }
        self._hold = True
        try:
            for name, value in new.items():
                self.inputs[name].value = value
        finally:
            self._hold = False
        self._update()
        return self

    @staticmethod
    def _control_value(field: Field, value: Any) -> Any:
        """The control value for ``value`` given to :meth:`set`; TypeError/ValueError if wrong."""
        label = f"{field.name} ({field.label})"
        if field.kind in ("number", "int"):
            if value is None:
                return ""
            if isinstance(value, str):
                return value
            if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
                raise TypeError(
                    f"{label} takes a number or the text a user would type ('80%'); got {value!r}"
                )
            return _format_number(value)
        if field.kind == "choice":
            allowed = [v for _, v in field.options or ()]
            if value not in allowed:
                raise ValueError(
                    f"{field.name} must be one of {', '.join(map(repr, allowed))}; got {value!r}"
                )
            return value
        if field.kind == "flag":
            if not isinstance(value, (bool, np.bool_)):
                raise TypeError(f"{label} takes True or False; got {value!r}")
            return bool(value)
        if field.kind == "text":
            if not isinstance(value, str):
                raise TypeError(f"{label} takes text; got {type(value).__name__} {value!r}")
            return value
        return value

    def values(self) -> dict[str, Any]:
        """The raw values of the controls (what the user typed or chose), by name."""
        return {name: control.value for name, control in self.inputs.items()}

    def _number(self, name: str) -> Any:
        return read_number(self._fields[name], self.inputs[name].value)

    def _live_data(self) -> Any:
        """Data the page calculator needs beyond the inputs (JSON-ready), or ``None``."""
        return None

    # ---------------------------------------------------------------- recomputation

    def _on_change(self, change: dict[str, Any]) -> None:
        if not self._hold:
            self._update()

    def _update(self) -> None:
        with _collecting_after():
            self._recompute()

    def _recompute(self) -> None:
        try:
            result = self._compute()
            # redraw into the previous live chart when it has the same layout (about twice
            # as fast as a new figure; the snapshot always draws a new one)
            with reusing(self.figure), matplotlib.rc_context(LIVE_RC):
                figure = self._draw(result)
        except (ValueError, TypeError, ArithmeticError) as exc:
            self.result, self.figure, self.error = None, None, self._labelled(_plain(exc))
            self._message.value = (
                f'<div class="cpvkit-message" style="color:#B00020">{esc(self.error)}</div>'
            )
            self._output.value = ""
            self._image.layout.display = "none"
            return
        self.result, self.figure, self.error = result, figure, None
        self._message.value = ""
        self._output.value = self._result_html(result)
        self._image.value = figure_svg(figure, margins=self.live_margins)
        # the chart's own size (CSS pixels: 96 per inch), narrower on a narrow screen; the box
        # around it would otherwise stretch it to the full width of the notebook
        width = f"{round(figure.get_figwidth() * 96)}px"
        if self._image.layout.width != width:
            self._image.layout.width = width
        self._image.layout.display = None

    def _labelled(self, message: str) -> str:
        """Name the input by the label the reader sees when a message starts with its name."""
        for name, field in self._fields.items():
            if field.kind == "text" and "_" not in name:
                continue  # a typed table's name ("ratings") reads better than its columns
            if re.match(rf"{re.escape(name)}(?=[\s:\[]|$)", message):
                return field.label + message[len(name) :]
        return message

    def _chart(self) -> str:
        """The chart chosen in the ``chart`` input (the first chart when there is no choice)."""
        if "chart" in self.inputs:
            return str(self.inputs["chart"].value)
        return self.charts[0] if self.charts else ""

    # ---------------------------------------------------------------- to implement

    def _compute(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _draw(self, result: Any, chart: str | None = None) -> Figure:  # pragma: no cover
        raise NotImplementedError

    def _summary(self, result: Any) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _result_html(self, result: Any) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _summary_html(self, result: Any) -> str:
        """The summary lines of :meth:`_summary`, escaped and joined with line breaks."""
        return "<br>".join(esc(line) for line in self._summary(result))

    # ---------------------------------------------------------------- display

    def _input_text(self) -> str:
        parts = []
        for name, field in self._fields.items():
            if field.kind == "upload":
                continue
            value = self.inputs[name].value
            if field.kind == "choice":
                labels = {v: label for label, v in field.options or ()}
                value = labels.get(value, value)
            if field.kind == "text" and field.rows > 1:
                lines = str(value).strip().splitlines()
                value = f"{len(lines)} line(s)" if lines else "(empty)"
            if field.kind in ("number", "int") and value == "":
                value = "(empty)"
            parts.append(f"{field.label} {value}")
        return "; ".join(parts)

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__}: {self.title}", f"Inputs: {self._input_text()}"]
        if self.error is not None:
            lines.append(f"Message: {self.error}")
        else:
            lines += self._summary(self.result)
        return "\n".join(lines)

    def snapshot_html(self) -> str:
        """A self-contained HTML snapshot: inputs, results, chart (inline PNG), how to run live.

        Deterministic apart from the PNG bytes: no ids, dates or memory addresses.
        """
        parts = [
            '<div class="cpvkit-calculator" style="border:1px solid #ccc;border-radius:6px;'
            'padding:0.6em 1em;margin:0.5em 0">',
            # the declaration and inputs for the page script, which makes the calculator live
            spec_script(self),
            f'<p style="margin:0"><strong>{esc(self.title)}</strong></p>',
            f'<p style="margin:0.2em 0"><small>{esc(self.intro)}</small></p>',
            f'<p style="margin:0.2em 0"><small><em>Inputs:</em> {esc(self._input_text())}'
            "</small></p>",
        ]
        if self.error is not None:
            parts.append(f'<p style="color:#B00020">{esc(self.error)}</p>')
        else:
            parts.append(self._result_html(self.result))
            charts = self.charts if self.charts else ("",)
            for chart in charts:
                # a fresh figure with the constrained layout (the live one has fixed margins)
                figure = self._draw(self.result, chart or None)
                png = base64.b64encode(figure_png(figure, SNAPSHOT_DPI)).decode("ascii")
                alt = esc(chart or self.title)
                parts.append(
                    f'<p><img src="data:image/png;base64,{png}" alt="{alt}" '
                    'style="max-width:100%;height:auto"></p>'
                )
        parts.append(f'<p style="margin:0.2em 0"><small><em>{RUN_LIVE}</em></small></p>')
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {}
        widget_bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        if widget_bundle:
            bundle.update(widget_bundle)
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = self.snapshot_html()
        return bundle


def _settle_garbage_collector() -> None:
    """Keep Python's full garbage collections from stalling calculator updates.

    Every so often Python's cycle collector walks all tracked objects; with pandas, matplotlib
    and ipywidgets loaded that walk takes about 100 ms and lands on whichever update is running.
    When a calculator is created, the objects alive at that point (modules, classes, loaded
    data, earlier calculators, whose widgets ipywidgets keeps registered anyway) are moved out of
    the collector's view with :func:`gc.freeze`, so later full collections walk only newer
    objects. Frozen objects are still freed by reference counting when their last reference
    goes.
    """
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def _collecting_after() -> Iterator[None]:
    """Hold Python's cycle collector off during an update, then free the update's garbage.

    Left alone, the collector runs whenever enough objects have been allocated, wherever that
    happens; a redraw allocates thousands (the chart's removed artists refer to each other in
    cycles), so every few updates one of them paid for a full collection of all the earlier
    ones, 40-70 ms. Instead no collection interrupts an update, and at its end one collection
    frees exactly what this update left behind (a couple of milliseconds, as the objects made
    before the first calculator are frozen out of the collector's view). A collector the user
    turned off stays off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect()


def _plain(exc: BaseException) -> str:
    """The message of an exception as one plain sentence (no class name, no traceback)."""
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())

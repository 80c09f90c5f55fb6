"""One declaration of each calculator's inputs, shared by the Jupyter widget and the page.

A calculator declares its inputs once, as :class:`~cpvkit.widgets._base.Field` objects (name,
label, kind, default, bounds, choices). This module

- reads a typed number against its field (:func:`read_number`), with every message built from
  one set of templates, :data:`MESSAGES`;
- exports the declaration, the templates and the current inputs of a calculator as JSON
  (:func:`spec`), which the snapshot embeds so that the script on the book's pages
  (``_static/live/cpvkit-live.js``) builds the same inputs, checks them against the same bounds
  and words its messages from the same templates.

The page script computes with its own JavaScript copy of the arithmetic; a test runs both on
the same inputs in a browser and requires the same numbers and the same messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["MESSAGES", "read_number", "rule_text", "spec", "spec_script", "message"]

#: The templates of every message about one typed number. ``{label}`` is the input's label,
#: ``{raw}`` the text as typed (quoted), ``{value}`` the number read (``format(x, "g")``),
#: ``{rule}`` the allowed range (as cpvkit words it: ``in [0, 1)``, ``>= 0``) and ``{limit}``
#: the largest size accepted. The page script words its messages from these.
MESSAGES: dict[str, str] = {
    "empty": "{label} is empty; enter a number",
    "not_number": "{label} must be a number; got {raw}",
    "not_finite": "{label} must be a finite number; got {raw}",
    "too_large": "{label} must be at most {limit} in size; got {raw}",
    "not_whole": "{label} must be a whole number; got {raw}",
    "out_of_range": "{label} must be {rule}; got {value}",
}

_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$")
# what Python's float() accepts (the page script uses the same pattern)
_FLOAT = re.compile(
    r"^[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)"
    r"(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
    r"|inf|infinity|nan)$",
    re.IGNORECASE,
)


def _bound(number: float) -> str:
    return f"{float(number):g}"


def message(key: str, **parts: Any) -> str:
    """Fill the template ``MESSAGES[key]`` (plain substitution, as the page script does).

    Examples
    --------
    >>> message("empty", label="Retention rate")
    'Retention rate is empty; enter a number'
    """
    text = MESSAGES[key]
    for name, value in parts.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def rule_text(field: Any) -> str | None:
    """The allowed range of a numeric field, worded as cpvkit's checks word it, or ``None``.

    Examples
    --------
    >>> from cpvkit.widgets._base import Field
    >>> rule_text(Field("retention", "Retention", low=0, high=1, high_open=True))
    'in [0, 1)'
    >>> rule_text(Field("cost", "Cost", low=0))
    '>= 0'
    """
    low, high = getattr(field, "low", None), getattr(field, "high", None)
    if low is not None and high is not None:
        left = "(" if field.low_open else "["
        right = ")" if field.high_open else "]"
        return f"in {left}{_bound(low)}, {_bound(high)}{right}"
    if low is not None:
        return f"{'>' if field.low_open else '>='} {_bound(low)}"
    if high is not None:
        return f"{'<' if field.high_open else '<='} {_bound(high)}"
    return None


def _limit(field: Any) -> float | None:
    return getattr(field, "limit", None)


def read_number(field: Any, text: Any) -> Any:
    """Read the text typed into a numeric field and check it against the field's declaration.

    A trailing ``%`` divides by 100 and commas grouping digits in threes are thousands
    separators (``1,000.5``). An empty optional field gives ``None``.

    Parameters
    ----------
    field : cpvkit.widgets._base.Field
        The declaration (label, kind ``number`` or ``int``, bounds, optional).
    text : str
        What the reader typed.

    Returns
    -------
    float, int or None

    Raises
    ------
    ValueError
        With a message built from :data:`MESSAGES` that names the input by its label.

    Examples
    --------
    >>> from cpvkit.widgets._base import Field
    >>> share = Field("complain_rate", "Share who complain", low=0, high=1)
    >>> read_number(share, "30%")
    0.3
    >>> read_number(share, "120%")
    Traceback (most recent call last):
    ...
    ValueError: Share who complain must be in [0, 1]; got 1.2
    """
    raw = str(text).strip().replace("\u2212", "-")
    label = field.label
    if raw == "":
        if field.optional:
            return None
        raise ValueError(message("empty", label=label))
    quoted = repr(raw)
    body = raw[:-1].strip() if raw.endswith("%") else raw
    if _THOUSANDS.match(body):
        body = body.replace(",", "")
    if not _FLOAT.match(body):
        raise ValueError(message("not_number", label=label, raw=quoted))
    number = float(body)
    if raw.endswith("%"):
        number /= 100.0
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(message("not_finite", label=label, raw=quoted))
    limit = _limit(field)
    if limit is not None and abs(number) > limit:
        raise ValueError(message("too_large", label=label, raw=quoted, limit=f"{limit:,.0f}"))
    if field.kind == "int" and not number.is_integer():
        raise ValueError(message("not_whole", label=label, raw=quoted))
    low, high = getattr(field, "low", None), getattr(field, "high", None)
    bad = (
        low is not None
        and (number <= low if field.low_open else number < low)
        or high is not None
        and (number >= high if field.high_open else number > high)
    )
    if bad:
        shown = f"{int(number)}" if field.kind == "int" else f"{number:g}"
        raise ValueError(
            message("out_of_range", label=label, raw=quoted, value=shown, rule=rule_text(field))
        )
    return int(number) if field.kind == "int" else number


def _field_spec(field: Any, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": field.name, "label": field.label, "kind": field.kind}
    if field.kind in ("number", "int"):
        out["optional"] = field.optional
        for key in ("low", "high"):
            bound = getattr(field, key, None)
            if bound is not None:
                out[key] = float(bound)
                out[f"{key}_open"] = bool(getattr(field, f"{key}_open", False))
        rule = rule_text(field)
        if rule:
            out["rule"] = rule
        limit = _limit(field)
        if limit is not None:
            out["limit"] = float(limit)
            out["limit_text"] = f"{limit:,.0f}"
    if field.kind == "choice":
        out["options"] = [[str(label), option] for label, option in field.options or ()]
    if field.kind == "text":
        out["rows"] = field.rows
    if field.kind != "upload":
        out["value"] = value
    return out


def _relabelled(calc: Any) -> list[list[str]]:
    """The inputs whose name the calculator replaces by their label at the start of a message."""
    relabel = getattr(calc, "_labelled", None)
    if relabel is None:
        return []
    out = []
    for field in calc.fields:
        probe = f"{field.name} x"
        if relabel(probe) != probe:
            out.append([field.name, field.label])
    return out


def _table_limits() -> dict[str, Any] | None:
    """The limits on typed tables and lists (:mod:`cpvkit.widgets._tables`), when it has any."""
    from cpvkit.widgets import _tables

    if not hasattr(_tables, "MAX_ROWS"):
        return None
    limit = float(_tables.MAX_NUMBER)
    return {
        "max_rows": int(_tables.MAX_ROWS),
        "max_values": int(_tables.MAX_VALUES),
        "limit": limit,
        "limit_text": f"{limit:,.0f}",
    }


def spec(calc: Any) -> dict[str, Any]:
    """The declaration and current inputs of a calculator, for the page script (JSON-ready).

    Examples
    --------
    >>> from cpvkit.widgets import ComplaintCalculator
    >>> s = spec(ComplaintCalculator())
    >>> s["calculator"], s["fields"][3]["label"], s["fields"][3]["rule"]
    ('ComplaintCalculator', 'Share who complain', 'in [0, 1]')
    """
    values = calc.values()
    out = {
        "calculator": type(calc).__name__,
        "title": calc.title,
        "intro": calc.intro,
        "messages": MESSAGES,
        # messages that start with one of these input names show its label instead
        "relabel": _relabelled(calc),
        "fields": [_field_spec(f, values.get(f.name)) for f in calc.fields],
    }
    tables = _table_limits()
    if tables:
        out["tables"] = tables
    data = calc._live_data()
    if data is not None:
        out["data"] = data
    return out


def spec_script(calc: Any) -> str:
    """The spec of :func:`spec` as an inert ``<script type="application/json">`` element."""
    text = json.dumps(spec(calc), ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    text = text.replace("</", "<\\/")
    return f'<script type="application/json" class="cpvkit-live-spec">{text}</script>'

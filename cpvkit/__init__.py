"""cpvkit: the analytics behind *Customer Value and Customer Relationships*.

Every formula the book teaches lives here once, as a plain, tested, vectorised function:

- :mod:`cpvkit.value` - customer perceived (delivered) value and customer value analysis;
- :mod:`cpvkit.satisfaction` - disconfirmation, CSAT, NPS, Kano, IPA and SERVQUAL;
- :mod:`cpvkit.relationship` - retention economics, word of mouth and the loyalty ladder;
- :mod:`cpvkit.crm` - customer lifetime value, customer equity, RFM, Pareto and the pyramid;
- :mod:`cpvkit.datasets` - loaders for the data sets in ``data/``;
- :mod:`cpvkit.plots` - the book's reusable matplotlib figures;
- :mod:`cpvkit.widgets` - the ipywidgets calculators.

``import cpvkit`` stays light: the submodules are imported on first use, so matplotlib and
ipywidgets are loaded only by code that draws or shows a calculator.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBMODULES = (
    "value",
    "satisfaction",
    "relationship",
    "crm",
    "datasets",
    "plots",
    "widgets",
    "exercises",
)

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

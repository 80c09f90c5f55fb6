"""Interactive calculators (ipywidgets) for the book's formulas.

Each calculator gathers inputs, hands them to a cpvkit function and shows the result, a chart
and, for input cpvkit rejects, a plain message (never a traceback). The arithmetic is always
cpvkit's: these classes only collect inputs and present results.

- :class:`PerceivedValueCalculator` - customer delivered value, firm against a competitor;
- :class:`SatisfactionCalculator` - NPS with its confidence interval, and disconfirmation;
- :class:`KanoCalculator` - Kano categories and the Better/Worse chart;
- :class:`IPACalculator` - the importance-performance grid;
- :class:`RetentionCalculator` - expected lifetime, survival and cohort profit;
- :class:`CLVCalculator` - customer lifetime value and its build-up, two scenarios;
- :class:`RFMExplorer` - RFM segments, the Pareto curve and the customer pyramid;
- :class:`ComplaintCalculator` - word of mouth after a bad experience and complaint recovery.

Every calculator follows one contract::

    calc = CLVCalculator(retention=0.9)   # keyword arguments set initial inputs
    calc.inputs                           # input name -> ipywidgets control
    calc.set(margin=120)                  # set inputs by name, recompute, return calc
    calc.result                           # latest result (None while the input is invalid)
    calc.error                            # None or the message shown in the calculator
    calc.figure                           # latest matplotlib Figure (None while invalid)
    calc.widget                           # the ipywidgets view

As the last expression of a notebook cell a calculator shows the live widget in Jupyter and,
on the static site (no kernel), a snapshot of its inputs, results and chart.
"""

from __future__ import annotations

from cpvkit.widgets._base import Calculator
from cpvkit.widgets.clv import CLVCalculator, CLVResult
from cpvkit.widgets.complaints import ComplaintCalculator, ComplaintResult
from cpvkit.widgets.ipa import IPACalculator, IPAResult
from cpvkit.widgets.kano import KanoCalculator, KanoResult
from cpvkit.widgets.perceived_value import PerceivedValueCalculator, PerceivedValueResult
from cpvkit.widgets.retention import RetentionCalculator, RetentionResult
from cpvkit.widgets.rfm import RFMExplorer, RFMResult
from cpvkit.widgets.satisfaction import SatisfactionCalculator, SatisfactionResult

__all__ = [
    "PerceivedValueCalculator",
    "SatisfactionCalculator",
    "KanoCalculator",
    "IPACalculator",
    "RetentionCalculator",
    "CLVCalculator",
    "RFMExplorer",
    "ComplaintCalculator",
    "Calculator",
    "PerceivedValueResult",
    "SatisfactionResult",
    "KanoResult",
    "IPAResult",
    "RetentionResult",
    "CLVResult",
    "RFMResult",
    "ComplaintResult",
]

# the classes are documented (and their doctests collected) as members of this package
for _name in __all__:
    globals()[_name].__module__ = __name__
del _name

"""The bibliography in author-year form, matching the author-year citations in the text.

A pybtex formatting style (``authoryear``): entries sorted by author, year and title, each
starting "Last, F., and Last, F. (year)." with the title, the source, and the DOI or URL when the
entry has one. Names keep their suffix in place ("Sasser, W. E., Jr.").
"""

from __future__ import annotations

from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitle
from pybtex.style.template import (
    field,
    first_of,
    href,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
)


def _plain(person: Any) -> Any:
    """'Sasser, W. E., Jr.': surname, initials, then the suffix."""
    firsts = [n.abbreviate() for n in person.rich_first_names + person.rich_middle_names]
    parts = [Text(*_spaced(person.rich_prelast_names + person.rich_last_names))]
    if firsts:
        parts.append(Text(*_spaced(firsts)))
    if person.rich_lineage_names:
        parts.append(Text(*_spaced(person.rich_lineage_names)))
    return Text(*_joined(parts, ", "))


def _spaced(items: list[Any]) -> list[Any]:
    return _joined(items, " ")


def _joined(items: list[Any], sep: str) -> list[Any]:
    out: list[Any] = []
    for i, item in enumerate(items):
        if i:
            out.append(sep)
        out.append(item)
    return out


@node
def _names(children: Any, context: Any, role: str, **kwargs: Any) -> Any:
    """Every person of ``role`` as 'Last, F. F.', joined with commas and 'and'."""
    assert not children
    persons = context["entry"].persons[role]
    formatted = [_plain(p) for p in persons]
    if len(formatted) == 1:
        return formatted[0]
    if len(formatted) == 2:
        return Text(formatted[0], ", and ", formatted[1])
    return Text(*_joined(formatted[:-1], ", "), ", and ", formatted[-1])


class _Sorting(AuthorYearTitle):
    """Author, year, title; a corporate author in braces sorts by its first word."""

    def person_key(self, person: Any) -> str:
        return super().person_key(person).replace("{", "").replace("}", "")


class AuthorYearStyle(UnsrtStyle):
    """Author (year). Title. Source. DOI or URL."""

    default_sorting_style = "author_year_title"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sort = _Sorting().sort

    def _lead(self, role: str = "author") -> Any:
        return join[_names(role), " (", field("year"), ")."]

    def format_web_refs(self, e: Any) -> Any:
        doi = join["https://doi.org/", field("doi", raw=True)]
        url = field("url", raw=True)
        return first_of[optional[href[doi, doi]], optional[href[url, url]]]

    def get_article_template(self, e: Any) -> Any:
        volume = optional[join[field("volume"), optional["(", field("number"), ")"]]]
        return join(sep=" ")[
            self._lead(),
            sentence[field("title")],
            sentence[join(sep=", ")[tag("em")[field("journal")], volume, optional[pages]]],
            optional[sentence[self.format_web_refs(e)]],
        ]

    def get_book_template(self, e: Any) -> Any:
        return join(sep=" ")[
            self._lead(),
            sentence[
                join(sep=" ")[
                    tag("em")[field("title")], optional[join["(", field("edition"), " edition)"]]
                ]
            ],
            sentence[join(sep=": ")[optional_field("address"), field("publisher")]],
            optional[sentence[self.format_web_refs(e)]],
        ]

    def get_incollection_template(self, e: Any) -> Any:
        return join(sep=" ")[
            self._lead(),
            sentence[field("title")],
            sentence[
                join(sep=" ")[
                    "In",
                    optional[join[_names("editor"), " (Eds.),"]],
                    tag("em")[field("booktitle")],
                    optional[join["(pp. ", pages, ")"]],
                ]
            ],
            sentence[join(sep=": ")[optional_field("address"), field("publisher")]],
            optional[sentence[self.format_web_refs(e)]],
        ]

    def get_techreport_template(self, e: Any) -> Any:
        return join(sep=" ")[
            self._lead(),
            sentence[tag("em")[field("title")]],
            sentence[join(sep=", ")[field("institution"), optional_field("address")]],
            optional[sentence[self.format_web_refs(e)]],
        ]


def register() -> None:
    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle, force=True)

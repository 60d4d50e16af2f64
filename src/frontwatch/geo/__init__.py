"""Gazetteer and place resolution (geo stage).

Public API::

    from frontwatch.geo import Gazetteer, normalise_name, demonym_country, relative_context

    gaz = Gazetteer.load()                       # cached per process and on disk
    gaz.resolve("Talbise", countries=["SY"])     # -> Place(name="Tallbisah", geonameid=163779, ...)
    gaz.is_place_name("Syrian")                  # -> False
    gaz.resolve_in_text(text, start, end, countries=["SY"])  # "5 km from Homs" -> precision 2
"""

from __future__ import annotations

from frontwatch.geo.gazetteer import Candidate, Gazetteer, haversine_km
from frontwatch.geo.lexicon import demonym_country, not_places
from frontwatch.geo.normalise import fold_name, normalise_name
from frontwatch.geo.relative import RelativeInfo, parse_relative, relative_context, split_hint
from frontwatch.types import Place

__all__ = [
    "Candidate",
    "Gazetteer",
    "RelativeInfo",
    "demonym_country",
    "fold_name",
    "haversine_km",
    "is_place_name",
    "normalise_name",
    "not_places",
    "parse_relative",
    "relative_context",
    "resolve",
    "split_hint",
]


def is_place_name(spelled: str, countries: tuple[str, ...] | list[str] = ()) -> bool:
    """Shortcut for ``Gazetteer.load().is_place_name``."""
    return Gazetteer.load().is_place_name(spelled, countries)


def resolve(
    spelled: str, countries: tuple[str, ...] | list[str] = (), kind_hint: str = ""
) -> Place | None:
    """Shortcut for ``Gazetteer.load().resolve``."""
    return Gazetteer.load().resolve(spelled, countries=countries, kind_hint=kind_hint)

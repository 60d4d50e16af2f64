"""Shared by the rule tests: what frontwatch reads in a text we write (no store, no fusion)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Toponym
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim


def claims_of(
    text: str,
    gaz: Gazetteer,
    published: date | None,
    kinds: Collection[str] = (),
    article_id: str = "t",
) -> list[Claim]:
    """The claims of one report with this text (only those of `kinds` when given)."""
    article = Article(
        id=article_id, origin=f"{article_id}.txt", title="", text=text, published=published
    )
    found = claims_for(article, gaz)
    return [c for c in found if c.kind in kinds] if kinds else found


def seen(found: list[Claim]) -> list[tuple[str, str, str, list[str], date | None]]:
    """What a test failure shows of claims: sub-type, actors, places, date."""
    return [
        (c.sub_event_type, c.actor1, c.actor2, [p.name for p in c.places], c.date) for c in found
    ]


def by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    """The geoparser's mentions by their text."""
    return {t.text: t for t in tops}

"""Claim extraction on short invented sentences (frontwatch.pipeline.claims_for)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim

PUBLISHED = date(2024, 12, 6)  # a Friday: "Monday" = Dec 2, "Tuesday" = Dec 3


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def claims(text: str, gaz: Gazetteer) -> list[Claim]:
    article = Article(id="t1", origin="t.txt", title="", text=text, published=PUBLISHED)
    return claims_for(article, gaz)


def events_of(found: list[Claim]) -> list[Claim]:
    return [c for c in found if c.kind == "event"]


def describe(found: list[Claim]) -> list[tuple[object, ...]]:
    return [
        (
            c.kind,
            c.sub_event_type,
            c.actor1,
            [p.name for p in c.places],
            c.date,
            c.fatalities,
            c.fatalities_basis,
        )
        for c in found
    ]


def test_rebel_capture_attributed_to_sohr_is_one_territory_event(gaz: Gazetteer) -> None:
    found = claims(
        "Rebels captured the town of Saraqib on Monday, "
        "the Syrian Observatory for Human Rights said.",
        gaz,
    )
    evs = events_of(found)
    assert len(evs) == 1, describe(found)
    c = evs[0]
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert c.actor1 == "Syrian opposition (HTS-led)"
    assert [p.name for p in c.places] == ["Saraqib"]
    assert [s.name for s in c.sources] == ["Syrian Observatory for Human Rights"]
    assert c.date == date(2024, 12, 2)


def test_vow_to_retake_is_a_statement_not_an_event(gaz: Gazetteer) -> None:
    found = claims("The army vowed to retake the town of Saraqib.", gaz)
    assert [c.kind for c in found] == ["statement"], describe(found)


def test_denied_fall_of_town_is_not_an_event(gaz: Gazetteer) -> None:
    found = claims("The army denied that the town of Saraqib had fallen.", gaz)
    assert events_of(found) == [], describe(found)


def test_airstrike_takes_lowest_reported_death_toll(gaz: Gazetteer) -> None:
    found = claims(
        "Russian warplanes struck the town of Idlib on Tuesday, killing at least 7 civilians "
        "and wounding 12, while medics said 9 died.",
        gaz,
    )
    evs = events_of(found)
    assert len(evs) == 1, describe(found)
    c = evs[0]
    assert c.sub_event_type == "Air/drone strike"
    assert c.actor1 == "Military Forces of Russia"
    assert c.fatalities == 7
    assert c.fatalities_basis == "reported"


def test_dozens_killed_in_shelling_counts_twelve_vague(gaz: Gazetteer) -> None:
    found = claims("Dozens were killed in shelling of Saraqib.", gaz)
    evs = events_of(found)
    assert len(evs) == 1, describe(found)
    assert evs[0].sub_event_type == "Shelling/artillery/missile attack"
    assert evs[0].fatalities == 12
    assert evs[0].fatalities_basis == "vague"


def test_historical_year_does_not_date_an_event(gaz: Gazetteer) -> None:
    found = claims(
        "Rebels captured the town of Saraqib on Monday, the Syrian Observatory for Human "
        "Rights said. The town was first captured in 2016.",
        gaz,
    )
    evs = events_of(found)
    assert evs, describe(found)
    for c in evs:
        assert c.date is None or c.date.year != 2016, describe(found)
        assert c.date_end is None or c.date_end.year != 2016, describe(found)

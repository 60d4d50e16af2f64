"""Rules added for events the fresh2/3/5/6/7 parts missed (sentences written for these tests
in our own words, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

PUB = date(2024, 3, 9)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "origin", "away"),
    [
        (
            "Rebels overran the town of Bunia on Thursday. Hundreds of families fled the town"
            " towards Bogoro and Komanda over the following days.",
            "Bunia",
            {"Bogoro", "Komanda"},
        ),
        (
            "Militants captured the town of Palma on Wednesday. Thousands of residents left the"
            " town towards Pemba, local officials said.",
            "Palma",
            {"Pemba"},
        ),
    ],
)
def test_flight_from_the_town_towards_elsewhere_is_coded_where_they_fled_from(
    gaz: Gazetteer, text: str, origin: str, away: set[str]
) -> None:
    """ "fled the town towards X": the parser hangs "towards X" on "the town"; X is where they
    went, the town (the scene) where the flight was."""
    found = claims_of(text, gaz, PUB, kinds=("displacement",))
    assert found, seen(claims_of(text, gaz, PUB))
    names = {p.name for c in found for p in c.places}
    assert origin in names and not names & away, seen(found)


@pytest.mark.parametrize(
    "text",
    [
        "Riot police fired tear gas at crowds who gathered outside the courthouse in Harare."
        " On Thursday the police arrested the opposition leader Tendai Moyo and 20 of his"
        " supporters in Harare, a lawyer said.",
        "Officers used water cannon against demonstrators in Dakar. On Friday gendarmes"
        " detained the activist Awa Ndiaye in Dakar after she called for a general strike.",
    ],
)
def test_an_arrest_told_with_its_own_day_and_place_is_not_folded_into_the_protest(
    gaz: Gazetteer, text: str
) -> None:
    found = claims_of(text, gaz, PUB, kinds=("event",))
    assert [c.sub_event_type for c in found].count("Arrests") == 1, seen(found)


def test_arrests_at_a_protest_told_after_it_stay_part_of_it(gaz: Gazetteer) -> None:
    """ "Police said dozens had been detained" right after a protest met by force: the one
    event (no day or place of its own)."""
    text = (
        "On Monday police fired tear gas at protesters who blocked the main road in Lusaka."
        " Police said 40 people had been detained."
    )
    found = claims_of(text, gaz, PUB, kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Protest with intervention"], seen(found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The raid came three weeks after gunmen killed 21 villagers and burned their homes"
            " in Tillaberi on February 20.",
            "Tillaberi",
        ),
        (
            "The ambush came two months after militants blew up a bridge near Mopti on the"
            " night of January 29.",
            "Mopti",
        ),
    ],
)
def test_an_earlier_attack_told_with_its_calendar_date_is_an_event(
    gaz: Gazetteer, text: str, place: str
) -> None:
    """ "N weeks after X did Y on <date>": dated background is an event of its own."""
    found = claims_of(text, gaz, date(2024, 3, 9), kinds=("event",))
    assert any(place in [p.name for p in c.places] for c in found), seen(found)


def test_an_earlier_capture_recalled_without_a_date_stays_background(gaz: Gazetteer) -> None:
    text = "The offensive came three weeks after the rebels captured Goma."
    assert claims_of(text, gaz, date(2024, 3, 9), kinds=("event",)) == []


def test_a_dated_precedent_told_after_this_weeks_news_is_still_an_event(gaz: Gazetteer) -> None:
    """The report's news first, then "it came three weeks after ... on <day>": the earlier
    attack, with its own day and place, is coded on that day."""
    text = (
        "Gunmen killed 40 villagers in Tillaberi on Saturday, the governor said. The raid came"
        " three weeks after jihadists killed 12 herders and burned their huts in Diffa on"
        " February 15."
    )
    found = claims_of(text, gaz, date(2024, 3, 4), kinds=("event",))
    dated = [c for c in found if "Diffa" in [p.name for p in c.places]]
    assert dated and dated[0].date == date(2024, 2, 15), seen(found)


def test_a_dated_recall_without_the_came_after_frame_stays_background(gaz: Gazetteer) -> None:
    text = (
        "Gunmen killed 40 villagers in Tillaberi on Saturday, the governor said. Jihadists had"
        " seized Diffa on February 1."
    )
    found = claims_of(text, gaz, date(2024, 3, 4), kinds=("event",))
    assert all("Diffa" not in [p.name for p in c.places] for c in found), seen(found)

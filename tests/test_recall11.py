"""Rules and table rows added for events and fields the fresh7 part missed (sentences written
for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.extract._dates import find_dates
from frontwatch.extract._numbers import fatalities
from frontwatch.extract._tables import source_table
from frontwatch.geo import Gazetteer
from reading import claims_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Arab tribal forces", "SY", "Arab Tribal Militias (Syria)"),
        ("tribal fighters", "SY", "Arab Tribal Militias (Syria)"),
        ("the Deir ez-Zor Military Council", "SY", "Deir ez-Zor Military Council"),
        ("mutinous soldiers", "ML", "Mutiny of Military Forces of Mali"),
        ("French troops", "ML", "Military Forces of France"),
        ("a French army convoy", "BF", "Military Forces of France"),
        ("SSC-Khatumo fighters", "SO", "SSC-Khatumo"),
        ("Somaliland troops", "SO", "Military Forces of Somaliland"),
        ("the Oromo Federalist Congress", "ET", "OFC (Oromo Federalist Congress)"),
        ("the Stability Support Apparatus", "LY", "Stability Support Apparatus"),
        ("the Chhatra League", "BD", "BCL (Bangladesh Chhatra League)"),
    ],
)
def test_new_actor_rows_resolve(phrase: str, country: str, name: str) -> None:
    info = actor_table().resolve(phrase, country)
    assert info is not None and info.name == name


def test_tribal_fighters_outside_syria_are_not_syrian() -> None:
    info = actor_table().resolve("tribal fighters", "YE")
    assert info is None or info.name != "Arab Tribal Militias (Syria)"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a list of victims after one killing verb is added up
        ("Armed men stormed the market, killing three villagers and a soldier, the mayor said.", 4),
        ("The blast hit the checkpoint, killing two policemen and one civilian.", 3),
        # a source's own update in the same sentence wins over its first figure
        ("The ministry first reported seven dead and later raised the figure to eleven.", 11),
        ("Officials first gave a toll of 12 and on Friday raised it to 30.", 30),
        # "killed the five gunmen": the article before the number
        ("Commandos killed the five gunmen inside the compound.", 5),
        # one named person killed, no figure given
        ("The opposition mayor Karim Osei was shot dead outside his home on Monday.", 1),
        ("Yusuf Adamu, known as Baba, the commander of the group, was killed in the raid.", 1),
        # a named person among a counted toll keeps the toll
        ("Ten people were killed and the general Amadou Sall was killed too.", 10),
        # a death told on ("confirmed that ... had been killed"): its toll comes from elsewhere
        ("The group confirmed that its commander, Omar Diallo, had been killed.", 0),
        # no death named: no figure
        ("The governor Ali Musa was arrested in the capital.", 0),
    ],
)
def test_fatality_counting(sentence: str, expected: int) -> None:
    assert fatalities(sentence)[0] == expected


def test_most_of_the_toll_in_a_town_places_the_killing(gaz: Gazetteer) -> None:
    text = (
        "Deadly day\n\nNAIROBI, July 9 (wire) - Police shot dead 12 people during marches on"
        " Tuesday, most of them in Mombasa, a rights group said."
    )
    found = claims_of(text, gaz, date(2024, 7, 9), kinds=("event",))
    assert [[p.name for p in c.places] for c in found] == [["Mombasa"]]
    assert found[0].fatalities == 12


def test_a_possessive_date_after_against_is_another_events_day(gaz: Gazetteer) -> None:
    # "against last month's coup" dates the coup, not the march told on Wednesday
    text = (
        "Marches\n\nBAMAKO, Nov 17 (wire) - Thousands marched in Bamako on Wednesday against"
        " last month's coup, witnesses said."
    )
    found = claims_of(text, gaz, date(2021, 11, 17), kinds=("event",))
    assert [c.date for c in found] == [date(2021, 11, 17)]


def test_a_possessive_date_as_subject_still_dates_the_event() -> None:
    found = find_dates("Last week's attack killed 12 people.", date(2021, 11, 17))
    assert [m.kind for m in found] == ["relative_week"]


def test_fighting_told_by_residents_of_a_town_is_placed_there(gaz: Gazetteer) -> None:
    text = (
        "Front\n\nNAIROBI, May 3 (wire) - Residents of Kassala told reporters that heavy fighting"
        " between the army and the RSF went on on Friday around the old barracks."
    )
    found = claims_of(text, gaz, date(2024, 5, 3), kinds=("event",))
    assert [(c.sub_event_type, [p.name for p in c.places]) for c in found] == [
        ("Armed clash", ["Kassala"])
    ]


def test_what_residents_heard_is_not_placed_by_the_residents(gaz: Gazetteer) -> None:
    text = (
        "Night\n\nResidents of Kassala said they heard heavy gunfire on Friday night, but the"
        " army gave no details."
    )
    found = claims_of(text, gaz, date(2024, 5, 3), kinds=("event",))
    assert all([p.name for p in c.places] != ["Kassala"] for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the military announced a state of emergency for six months.",
        "The army proclaimed martial law on Monday.",
    ],
)
def test_an_announced_emergency_is_a_strategic_development(gaz: Gazetteer, sentence: str) -> None:
    text = f"Takeover\n\nCONAKRY, Sept 6 (wire) - {sentence}"
    found = claims_of(text, gaz, date(2021, 9, 6), kinds=("event",))
    assert [(c.sub_event_type, c.rule.split("/")[0]) for c in found] == [
        ("Other", "emergency-announced")
    ]


def test_an_emergency_announced_for_later_is_no_event(gaz: Gazetteer) -> None:
    text = (
        "Plans\n\nCONAKRY, Sept 6 (wire) - The government announced that it would declare a"
        " state of emergency next week."
    )
    assert claims_of(text, gaz, date(2021, 9, 6), kinds=("event",)) == []


def test_the_monitor_is_the_monitor_named_before(gaz: Gazetteer) -> None:
    text = (
        "Idlib\n\nBEIRUT, March 3 (wire) - The Syrian Observatory for Human Rights said the"
        " fighting had gone on for a week. On Sunday rebels took control of the town of"
        " Saraqib, the monitor said."
    )
    found = claims_of(text, gaz, date(2020, 3, 3), kinds=("event",))
    assert [[s.label for s in c.sources] for c in found] == [
        ["Syrian Observatory for Human Rights"]
    ]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("army television Myawaddy", "Myawaddy TV"), ("MRTV", "Global New Light of Myanmar")],
)
def test_myanmar_state_outlets_are_told_apart(phrase: str, name: str) -> None:
    ref = source_table().match(phrase)
    assert ref is not None and ref.name == name


def test_people_shot_by_the_police_during_protests_are_protesters(gaz: Gazetteer) -> None:
    text = (
        "Crackdown\n\nNAIROBI, July 9 (wire) - Police shot dead eight people during protests in"
        " Nakuru on Tuesday, a rights group said."
    )
    found = claims_of(text, gaz, date(2024, 7, 9), kinds=("event",))
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Excessive force against protesters", "Protesters (Kenya)")
    ]


def test_people_shot_by_gunmen_during_protests_stay_civilians(gaz: Gazetteer) -> None:
    text = (
        "Attack\n\nNAIROBI, July 9 (wire) - Gunmen shot dead eight people during protests in"
        " Nakuru on Tuesday, a rights group said."
    )
    found = claims_of(text, gaz, date(2024, 7, 9), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Attack"]


def test_french_troops_disperse_a_crowd_as_a_state_force() -> None:
    info = actor_table().resolve("French soldiers", "BF")
    assert info is not None and (info.name, info.inter) == ("Military Forces of France", 1)

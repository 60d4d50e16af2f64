"""Rules and table rows added for the events, actors and sources the fresh6 part missed
(sentences written for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.evaluate import _known_source
from frontwatch.geo import Gazetteer
from frontwatch.pipeline import with_batch_dates
from frontwatch.types import Article
from reading import claims_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _article(aid: str, text: str, published: date | None) -> Article:
    return Article(id=aid, origin=f"{aid}.txt", title="", text=text, published=published)


def test_weekday_year_after_a_named_year_below_the_batch() -> None:
    # 6 November is a Monday in 2017 and in 2023; a report naming "May 2016" as its latest
    # month is dated the nearest fitting year after it, not the batch's most common year
    undated = _article(
        "u",
        "Town shelled\n\nADEN, Nov 6 (wire) - Shells hit the port on Monday, officials said."
        " The war has gone on since May 2016.",
        None,
    )
    batch = [
        _article("a", "x", date(2023, 3, 1)),
        _article("b", "y", date(2023, 4, 1)),
        _article("c", "z", date(2020, 4, 1)),
        undated,
    ]
    dated = with_batch_dates(batch)[-1]
    assert dated.published == date(2017, 11, 6)


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Ugandan troops", "SO", "Military Forces of Uganda"),
        ("UPDF", "CD", "Military Forces of Uganda"),
        ("Egyptian soldiers", "PS", "Military Forces of Egypt"),
        ("Masalit fighters", "SD", "Masalit Ethnic Militia (Sudan)"),
        ("Arab tribesmen", "SD", "Arab Ethnic Militia (Sudan)"),
        ("Rizeigat tribesmen", "SD", "Rizeigat Ethnic Militia (Sudan)"),
        ("Fatah gunmen", "LB", "Fatah Movement"),
        ("Islamist gunmen", "LB", "Islamist Militia (Lebanon)"),
        ("forces loyal to Saleh", "YE", "Saleh Loyalist Forces (Yemen)"),
        ("former president Ali Abdullah Saleh", "YE", "Saleh Loyalist Forces (Yemen)"),
        ("Pakistan Tehreek-e-Insaf", "PK", "PTI (Pakistan Tehreek-e-Insaf)"),
        ("Kurdish YPG", "SY", "YPG (People's Protection Units)"),
        ("ISEAP", "PH", "Islamic State (Philippines)"),
        ("forces loyal to Fathi Bashagha", "LY", "Pro-Bashagha Militias (Libya)"),
    ],
)
def test_actor_rows(phrase: str, country: str, name: str) -> None:
    found = actor_table().resolve(phrase, country, date(2023, 1, 1))
    assert found is not None and found.name == name


def test_ypg_stays_on_the_sdf_side() -> None:
    table = actor_table()
    assert table.side("YPG (People's Protection Units)") == table.side("Syrian Democratic Forces")


@pytest.mark.parametrize(
    ("spelled", "name"),
    [
        ("UN nuclear watchdog", "International Atomic Energy Agency"),
        ("UN agency for Palestinian refugees", "UNRWA"),
        ("UN Office for the Coordination of Humanitarian Affairs", "OCHA"),
        ("Central Committee of Sudan Doctors", "Central Committee of Sudanese Doctors"),
        ("Iraq's Security Media Cell", "Security Media Cell"),
        ("Houthi military spokesman", "Yahya Saree"),
    ],
)
def test_source_rows(spelled: str, name: str) -> None:
    assert _known_source(spelled) == name


def test_group_telling_what_its_members_did_is_the_perpetrator(gaz: Gazetteer) -> None:
    text = (
        "The Islamic State group said on Friday that three of its members had detonated"
        " explosive belts at a bus station in Kerman on Thursday."
    )
    found = claims_of(text, gaz, date(2024, 2, 3), kinds=("event",))
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Suicide bomb", "Islamic State (Syria)")
    ]


def test_a_speaker_counting_its_own_dead_is_not_the_bomber(gaz: Gazetteer) -> None:
    text = "The army said two of its soldiers were killed when a roadside bomb hit Kidal."
    found = claims_of(text, gaz, date(2024, 2, 3), kinds=("event",))
    assert found and all(not c.actor1.startswith("Military Forces") for c in found)


def test_saleh_is_a_man_not_a_moroccan_town(gaz: Gazetteer) -> None:
    text = "SANAA, Dec 4 (wire) - Houthi fighters clashed with forces loyal to Saleh in Sanaa."
    found = claims_of(text, gaz, date(2017, 12, 4), kinds=("event",))
    assert found and all(p.country != "MA" for c in found for p in c.places)
    assert any(c.actor2 == "Saleh Loyalist Forces (Yemen)" for c in found)


def test_new_sahel_and_somali_villages(gaz: Gazetteer) -> None:
    text = "NIAMEY (wire) - Gunmen killed 20 villagers in Tchoma Bangou in western Niger."
    found = claims_of(text, gaz, date(2021, 1, 3), kinds=("event",))
    assert [p.name for c in found for p in c.places] == ["Tchoma Bangou"]


def test_a_strike_attributed_to_an_air_force_takes_it_as_perpetrator(gaz: Gazetteer) -> None:
    text = (
        "An air strike hit the main hospital of Afrin in northern Syria on Friday, killing 16"
        " civilians. The monitor attributed the strike to Turkish jets."
    )
    found = claims_of(text, gaz, date(2024, 5, 5), kinds=("event",))
    assert [c.actor1 for c in found] == ["Military Forces of Turkey"]
    alone = claims_of(text.split(" The monitor")[0], gaz, date(2024, 5, 5), kinds=("event",))
    assert [c.actor1 for c in alone] != ["Military Forces of Turkey"]


def test_a_named_district_of_a_capital_keeps_the_city(gaz: Gazetteer) -> None:
    text = "Gunmen killed five civilians in the Karen district of Nairobi on Monday."
    found = claims_of(text, gaz, date(2024, 5, 5), kinds=("event",))
    assert [(p.name, p.geo_precision) for c in found for p in c.places] == [("Nairobi", 1)]


def test_the_city_of_a_dateline_is_not_the_country_named_in_passing(gaz: Gazetteer) -> None:
    text = (
        "BAMAKO, May 4 (wire) - Ten people were killed in clashes across the city centre on"
        " Friday between groups loyal to Mali's two rival generals, doctors said."
    )
    found = claims_of(text, gaz, date(2024, 5, 4), kinds=("event",))
    assert [p.name for c in found for p in c.places] == ["Bamako"]


def test_a_group_named_in_apposition_claims_the_attack(gaz: Gazetteer) -> None:
    text = (
        "Gunmen stormed a hotel in Mombasa, Kenya on Tuesday, killing 9 civilians. The Somali"
        " group Al-Shabaab claimed responsibility for the attack."
    )
    found = claims_of(text, gaz, date(2024, 5, 5), kinds=("event",))
    assert [c.actor1 for c in found] == ["Al Shabaab"]


def test_fighters_captured_with_the_dead_are_no_capture_of_ground(gaz: Gazetteer) -> None:
    text = (
        "In the fighting near Mao in Chad on Sunday more than 30 rebels were killed and 15"
        " captured, the army said."
    )
    found = claims_of(text, gaz, date(2024, 5, 5), kinds=("event",))
    assert found and all("territory" not in c.sub_event_type for c in found)

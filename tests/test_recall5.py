"""Event recall on conflicts beyond the corpus's eight (the misses of the fresh5 part, told
again in our own words about other places)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract._dates import find_dates
from frontwatch.geo import Gazetteer
from frontwatch.nlp import is_dateline
from frontwatch.pipeline import with_batch_dates
from frontwatch.types import Article, Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday: "Sunday" = Dec 1


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, ("event",), "r5")


# A fight, strike or attack told in a sentence naming no place happens in the dateline's town
# when it is in the report's country.
@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "MOGADISHU, Dec 6 (wire) - Somali troops guarded the port on Friday.\n\n"
            "On Sunday, a US drone strike hit a car near the airport, killing two Al Shabaab "
            "fighters, officials said.",
            "Mogadishu",
        ),
        (
            "BAMAKO, Dec 6 (wire) - Heavy fighting raged on Sunday between the army and "
            "JNIM militants near a military school, residents said.",
            "Bamako",
        ),
        (
            "TRIPOLI - Heavy fighting raged on Sunday between rival militias near the "
            "airport road, witnesses said.",
            "Tripoli",
        ),
    ],
)
def test_a_placeless_fight_happens_in_the_dateline_town(
    text: str, town: str, gaz: Gazetteer
) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert all([p.name for p in c.places] == [town] for c in found), seen(found)


def test_a_dateline_abroad_does_not_place_the_event(gaz: Gazetteer) -> None:
    found = events(
        "NAIROBI, Dec 6 (wire) - Somali officials said on Friday that Al Shabaab fighters "
        "had overrun a base in Somalia's Gedo region.\n\n"
        "Heavy fighting raged on Sunday, residents said.",
        gaz,
    )
    assert all("Nairobi" not in [p.name for p in c.places] for c in found), seen(found)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TBILISI - ", True),
        ("PORT-AU-PRINCE - ", True),
        ("SAN SALVADOR - ", True),
        ("US - ", False),
        ("Police - ", False),
    ],
)
def test_a_town_in_capitals_and_a_dash_is_a_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


# "raged" is lemmatized "rag" by the parser: fighting that rages is fighting.
@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting raged on Sunday in Goma between the army and M23 rebels.",
        "Clashes raged on Sunday in Tripoli between rival militias, witnesses said.",
    ],
)
def test_fighting_that_raged_is_a_clash(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == ["Armed clash"], seen(found)


# "First Vice President X", "Deputy Prime Minister Y": the rank before a title is no town.
@pytest.mark.parametrize(
    "text",
    [
        "JUBA, Dec 6 (wire) - Troops loyal to First Vice President Riek Machar clashed with "
        "the army on Sunday.\n\nHeavy fighting raged near the presidential palace.",
        "JUBA, Dec 6 (wire) - Guards of the First Vice President clashed with soldiers on "
        "Sunday, witnesses said.",
    ],
)
def test_a_rank_before_a_title_is_no_place(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert all("First" not in [p.name for p in c.places] for c in found), seen(found)


# A leader ordering a ceasefire halts his own side: change to group/activity.
@pytest.mark.parametrize(
    "text",
    [
        "ADDIS ABABA, Dec 6 (wire) - Prime Minister Abiy Ahmed ordered an immediate ceasefire "
        "in Tigray on Sunday, state media said.",
        "KHARTOUM, Dec 6 (wire) - The army chief ordered a unilateral ceasefire in Khartoum "
        "on Sunday, the army said.",
    ],
)
def test_an_ordered_ceasefire_is_a_change_of_activity(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == ["Change to group/activity"], seen(found)


# A year-less dateline in a report that names "August 2015" is not from before that year.
@pytest.mark.parametrize(
    ("text", "years", "expected"),
    [
        (
            "Kiir orders ceasefire\n\nJUBA, July 11 (wire) - Fighting stopped on Monday "
            "evening, officials said. The two men signed a deal in August 2015.",
            (2016, 2019, 2021, 2022, 2022),
            date(2016, 7, 11),  # (the batch's own year, 2022, has a Monday July 11 too)
        ),
        (
            "Rebels enter town\n\nBANGUI, Jan 4 (wire) - Rebels entered Bangassou on Monday, "
            "officials said. The rebels formed a coalition in December 2020.",
            (2016, 2016, 2019, 2024),
            date(2021, 1, 4),  # (not 2016, the batch's year, with a Monday January 4)
        ),
    ],
)
def test_a_yearless_dateline_is_not_before_a_year_it_names(
    text: str, years: tuple[int, ...], expected: date
) -> None:
    dated = Article(id="x", origin="x.txt", title="", text=text, published=None)
    batch = [
        Article(id=f"b{i}", origin=f"b{i}.txt", title="", text="", published=date(y, 5, 1))
        for i, y in enumerate(years)
    ]
    out = with_batch_dates([dated, *batch])
    assert out[0].published == expected


# Not the dateline's town for a retelling, a party's own account or a denial.
@pytest.mark.parametrize(
    "text",
    [
        "KHERSON, Dec 6 (wire) - Russian artillery shelled the centre of Kherson on Sunday, "
        "killing three people, the governor said.\n\nSeveral warehouses were hit.",
        "MOGADISHU, Dec 6 (wire) - Al Shabaab gunmen stormed a hotel in Mogadishu on Sunday, "
        "killing 12 people, police said.\n\nThe group said its fighters had targeted "
        "government officials.",
        "KHARKIV, Dec 6 (wire) - Russian missiles struck Kharkiv on Sunday, killing two "
        "people, officials said.\n\nRussia's defence ministry denied targeting civilians.",
    ],
)
def test_no_dateline_event_for_a_retelling_or_an_account(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert len(found) == 1, seen(found)


# A blast told as "suicide" or as a suicide bomber's is a suicide bomb.
@pytest.mark.parametrize(
    "text",
    [
        "As a result of the suicide explosion at a rally in Peshawar on Sunday, 20 people "
        "died, officials said.",
        "The explosion of a suicide bomber near a market in Maiduguri on Sunday killed 12 "
        "people, police said.",
        "A suicide blast at a checkpoint in Mogadishu killed five soldiers on Sunday.",
    ],
)
def test_a_suicide_explosion_is_a_suicide_bomb(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == ["Suicide bomb"], seen(found)


# Storming a cafe, a restaurant or a prison takes no territory.
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a restaurant in Ouagadougou on Sunday, killing 18 diners.",
        "Militants stormed a cafe in Mogadishu on Sunday and killed 9 customers.",
        "Armed gangs stormed the main prison in Port-au-Prince on Sunday, officials said.",
    ],
)
def test_a_stormed_building_is_no_territory(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert all(c.event_type != "Battles" or "territory" not in c.sub_event_type for c in found)
    assert all(c.sub_event_type in ("Attack", "Armed clash") for c in found), seen(found)


# The armed groups of conflicts beyond the eight, by their ACLED names.
@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Maute fighters attacked an army checkpoint in Marawi on Sunday, the military said.",
            "Maute Group",
        ),
        (
            "Abu Sayyaf militants attacked a navy patrol near Jolo on Sunday, officials said.",
            "Abu Sayyaf Group",
        ),
        (
            "CPC rebels seized the town of Bambari on Sunday, the UN mission said.",
            "CPC (Coalition of Patriots for Change)",
        ),
        (
            "The Tigray People's Liberation Front captured the town of Alamata on Sunday, "
            "residents said.",
            "TPLF (Tigray People's Liberation Front)",
        ),
    ],
)
def test_armed_groups_beyond_the_eight(text: str, actor1: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.actor1 for c in found] == [actor1], seen(found)


# The outlets and institutions of these conflicts, by their table names.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Rebels attacked the town of Bambari on Sunday, killing five soldiers, the UN "
            "mission MINUSCA said.",
            "MINUSCA",
        ),
        (
            "Al Shabaab fighters attacked a base near Lamu on Sunday, US Africa Command said.",
            "AFRICOM",
        ),
        (
            "Police shot dead six protesters in Nairobi on Sunday, the Kenya National "
            "Commission on Human Rights said.",
            "Kenya National Commission on Human Rights",
        ),
    ],
)
def test_sources_beyond_the_eight(text: str, source: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert source in [s.name for s in found[0].sources], [s.name for s in found[0].sources]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "DHAKA, Dec 6 (wire) - Police clashed with gunmen in Dhaka on Sunday.",
            "Police Forces of Bangladesh",
        ),
        (
            "NAIROBI, Dec 6 (wire) - Kenyan police clashed with gunmen in Nairobi on Sunday.",
            "Police Forces of Kenya",
        ),
        (
            "Troops clashed with Abu Sayyaf militants near Jolo in the Philippines on Sunday.",
            "Military Forces of the Philippines",
        ),
    ],
)
def test_state_forces_beyond_the_eight(text: str, actor: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert actor in (found[0].actor1, found[0].actor2), seen(found)


def test_a_suicide_bomber_is_not_the_last_striker(gaz: Gazetteer) -> None:
    found = events(
        "KABUL, Dec 6 (wire) - A US drone strike hit a car near the airport in Kabul on "
        "Sunday, officials said.\n\n"
        "Three days earlier, on Thursday, a suicide bomber blew himself up at a gate of the "
        "airport in Kabul.",
        gaz,
    )
    bombs = [c for c in found if c.sub_event_type == "Suicide bomb"]
    assert len(bombs) == 1, seen(found)
    assert "United States" not in bombs[0].actor1, seen(found)


@pytest.mark.parametrize(
    "text",
    [
        "BAMAKO, Dec 6 (wire) - Soldiers detained the prime minister in Bamako on Sunday.\n\n"
        "Jihadist attacks have killed thousands of people in the country since 2012.",
        "GOMA, Dec 6 (wire) - M23 rebels captured the city of Goma on Sunday, the UN said.\n\n"
        "Crowds gathered in the main square as the fighters drove in.",
    ],
)
def test_no_dateline_event_for_a_war_toll_or_a_crowd(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert len(found) == 1, seen(found)


# "in mid-October", "in early March": ten days of the month, week precision; "a week
# earlier", "two weeks earlier": that week, as "a week ago".
@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("In mid-October the army took the town.", date(2024, 10, 11), date(2024, 10, 20), 2),
        ("in early March the rebels attacked", date(2024, 3, 1), date(2024, 3, 10), 2),
        ("in late May 2021 the army", date(2021, 5, 21), date(2021, 5, 31), 2),
        (
            "It is noted that a week earlier jets struck Mekelle.",
            date(2024, 11, 25),
            date(2024, 12, 1),
            2,
        ),
        ("Two weeks earlier the rebels attacked Goma.", date(2024, 11, 18), date(2024, 11, 24), 2),
        ("since mid-October", date(2024, 10, 1), date(2024, 10, 31), 3),
    ],
)
def test_parts_of_months_and_weeks_earlier(
    text: str, start: date, end: date, precision: int
) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(m.date, m.date_end, m.precision) for m in found] == [(start, end, precision)]


# A blast at a gathering or a place of worship hits civilians.
@pytest.mark.parametrize(
    "text",
    [
        "As a result of the suicide explosion at a rally in Peshawar on Sunday, 20 people "
        "died, officials said.",
        "A suicide bombing at a religious procession in Quetta killed 14 people on Sunday.",
        "The explosion of a bomb near a mosque in Maiduguri on Sunday killed 12 people.",
    ],
)
def test_a_blast_at_a_gathering_hits_civilians(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert found, seen(found)
    assert found[0].actor2.startswith("Civilians"), seen(found)


def test_a_ceremony_at_a_military_academy_is_no_civilian_gathering(gaz: Gazetteer) -> None:
    found = events(
        "A drone strike on a graduation ceremony at the military academy in Kaduna killed 20 "
        "cadets on Sunday, the army said.",
        gaz,
    )
    assert found, seen(found)
    assert not found[0].actor2.startswith("Civilians"), seen(found)

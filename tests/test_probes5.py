"""Rules found in the fifth session from the fresh3 part and our own probes (invented wording)."""

from __future__ import annotations

from datetime import date

from frontwatch.actors import actor_table
from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of


def events(text: str, gaz: Gazetteer, published: date = date(2024, 10, 3)) -> list[Claim]:
    return claims_of(text, gaz, published, ("event",), "p5")


def test_a_named_russian_group_of_forces_is_the_russian_military(gaz: Gazetteer) -> None:
    found = events(
        'According to the Russian Defence Ministry, units of the "Vostok" group of forces '
        "liberated the settlement of Ugledar in the Donetsk region.",
        gaz,
    )
    capture = next(c for c in found if c.event_type == "Battles")
    assert capture.actor1 == "Military Forces of Russia"
    assert capture.places[0].name == "Vuhledar"


def test_during_the_night_is_the_night_before_publication(gaz: Gazetteer) -> None:
    found = events(
        "The ministry said that during the night air defence systems intercepted and "
        "destroyed 20 drones over the Belgorod region.",
        gaz,
    )
    c = next(c for c in found if c.sub_event_type == "Disrupted weapons use")
    assert (c.date, c.date_end, c.time_precision) == (date(2024, 10, 2), date(2024, 10, 3), 1)
    assert c.actor1 == "Military Forces of Russia"  # generic air defences over Russia


def test_the_night_of_a_date_is_that_date(gaz: Gazetteer) -> None:
    found = events(
        "During the night of 28 September, air defence systems shot down 12 drones over "
        "the Kursk region, the ministry said.",
        gaz,
    )
    c = next(c for c in found if c.sub_event_type == "Disrupted weapons use")
    assert c.date == date(2024, 9, 28)


def test_who_receives_a_handed_over_base_gains_it(gaz: Gazetteer) -> None:
    found = events(
        "The peacekeepers on Sunday completed their withdrawal from the camp in Ber and "
        "handed over the base to the Malian armed forces.",
        gaz,
        date(2023, 8, 15),
    )
    c = next(c for c in found if c.sub_event_type == "Non-violent transfer of territory")
    assert c.actor1 == "Military Forces of Mali"


def test_its_forces_after_according_to_are_the_sources_forces(gaz: Gazetteer) -> None:
    found = events(
        "According to information of the Southern Transitional Council (STC), its forces on "
        "Saturday took control of the presidential palace in Aden.",
        gaz,
        date(2019, 8, 12),
    )
    c = next(c for c in found if c.event_type == "Battles")
    assert c.actor1 == "STC (Southern Transitional Council)"
    assert c.sub_event_type == "Non-state actor overtakes territory"


def test_the_coalition_is_the_saudi_led_one_in_yemen_and_the_us_led_one_in_syria() -> None:
    table = actor_table()
    assert table.resolve("coalition aircraft", "YE").name == "Military Forces of Saudi Arabia"
    assert table.resolve("coalition aircraft", "SY").name == "Military Forces of the United States"
    assert table.resolve("Kurdish-led fighters", "SY").name == "Syrian Democratic Forces"


def test_a_town_several_countries_name_goes_where_the_rest_of_the_report_points(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Insurgents attacked the town of Palma in the province of Cabo Delgado on Wednesday. "
        "The Islamic State said its fighters had captured Palma and killed 55 soldiers. "
        "Thousands fled towards Pemba.",
        gaz,
        date(2021, 3, 29),
    )
    capture = next(
        c for c in found if c.event_type == "Battles" and "territory" in c.sub_event_type
    )
    assert capture.places[0].country == "MZ"
    assert capture.actor1 == "Islamic State (Mozambique)"  # the group's branch there
    assert capture.actor2 == "Military Forces of Mozambique"  # not Spain's (Palma de Mallorca)


def test_a_transnational_groups_branch_is_picked_by_country() -> None:
    table = actor_table()
    assert table.resolve("Islamic State", "MZ").name == "Islamic State (Mozambique)"
    assert table.resolve("Islamic State", "SY").name == "Islamic State (Syria)"
    assert table.resolve("Russian forces", "UA").name == "Military Forces of Russia"


def test_people_detained_at_a_blockade_make_it_a_protest_with_intervention(
    gaz: Gazetteer,
) -> None:
    found = events(
        "In Tel Aviv, protesters blocked the Ayalon highway for hours on Sunday night. "
        "Police used water cannon to clear the lanes and said several people were detained.",
        gaz,
        date(2023, 3, 27),
    )
    assert [(c.sub_event_type, c.actor1, c.actor2) for c in found] == [
        ("Protest with intervention", "Protesters (Israel)", "Police Forces of Israel")
    ]


def test_what_the_parser_hangs_on_cited_by_the_publication_is_the_main_clauses(
    gaz: Gazetteer,
) -> None:
    found = events(
        "According to the Ministry of Health of Gaza cited by the publication, as a result of "
        "the Israeli air strike on a residential block in the Jabalia refugee camp on Tuesday, "
        "more than 50 people died.",
        gaz,
        date(2023, 11, 1),
    )
    strike = next(c for c in found if c.sub_event_type == "Air/drone strike")
    assert (strike.date, strike.fatalities) == (date(2023, 10, 31), 50)
    assert strike.actor1 == "Military Forces of Israel"


def test_a_date_naming_another_event_does_not_date_this_one(gaz: Gazetteer) -> None:
    found = events(
        "An Israeli air strike hit a house in Khan Younis on Tuesday. The army said the strike "
        "killed Ahmad Nasser, one of the planners of the October 7 attack.",
        gaz,
        date(2023, 11, 1),
    )
    assert found
    assert all(c.date != date(2023, 10, 7) for c in found)


def test_with_reference_to_and_as_reported_by_name_the_source(gaz: Gazetteer) -> None:
    found = events(
        "As reported by the Syrian Observatory for Human Rights, the Syrian army on Saturday "
        "regained control of Saraqib. According to the publication, with reference to the "
        "Russian Defence Ministry, Russian aviation struck positions of the militants near "
        "Maarat al-Numan.",
        gaz,
        date(2020, 2, 9),
    )
    labels = {c.sub_event_type: [s.name for s in c.sources] for c in found}
    assert labels["Government regains territory"] == ["Syrian Observatory for Human Rights"]
    assert labels["Air/drone strike"] == ["Russian Defence Ministry"]


def test_an_actors_acronym_in_brackets_is_no_place(gaz: Gazetteer) -> None:
    found = events(
        "Militants of the Balochistan Liberation Army (BLA) attacked a convoy of the army near "
        "Turbat on Tuesday, killing five soldiers.",
        gaz,
        date(2025, 3, 13),
    )
    assert found
    assert all(p.name != "BLA" and p.country == "PK" for c in found for p in c.places)


def test_libyas_tripoli_government_is_the_gna_before_march_2021_and_the_gnu_after() -> None:
    table = actor_table()
    gna = table.resolve("Tripoli government forces", "LY", date(2020, 5, 18))
    gnu = table.resolve("Tripoli government forces", "LY", date(2022, 8, 27))
    assert gna is not None and gna.name.endswith("Government of National Accord")
    assert gnu is not None and gnu.name == "Military Forces of Libya (Government of National Unity)"


def test_recaptured_escaped_prisoners_are_arrests_not_ground(gaz: Gazetteer) -> None:
    found = events(
        "Soldiers recaptured dozens of the escaped prisoners in Goma on Tuesday, the army said.",
        gaz,
        date(2020, 10, 21),
    )
    assert [c.sub_event_type for c in found] == ["Arrests"]


def test_an_unattributed_air_strike_is_the_states_and_keeps_its_paragraphs_toll(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Fighters of the Tigray Defence Forces entered Mekelle on Monday after the federal army "
        "left the city.\n\nLast Tuesday, an air strike hit a market in the village of Togoga, "
        "west of Mekelle. According to health workers, at least 64 people died.",
        gaz,
        date(2021, 6, 29),
    )
    strike = next(c for c in found if c.sub_event_type == "Air/drone strike")
    capture = next(c for c in found if c.event_type == "Battles")
    assert strike.actor1 == "Military Forces of Ethiopia"  # armed groups seldom fly
    assert (strike.fatalities, capture.fatalities) == (64, 0)


def test_that_month_after_an_old_date_is_history(gaz: Gazetteer) -> None:
    found = events(
        "Rebels entered Mekelle on Monday.\n\nThe war began in November 2020, when the "
        "government sent troops into the region. The army took Mekelle at the end of that month.",
        gaz,
        date(2021, 6, 29),
    )
    assert [c.date for c in found] == [date(2021, 6, 28)]
    assert not any("that month" in e.text for c in found for e in c.evidence)


def test_earlier_on_a_date_is_the_storys_own_earlier_step(gaz: Gazetteer) -> None:
    found = events(
        "On Friday government forces took control of the town of Altun Kupri after fighting "
        "with the Peshmerga. Earlier, on October 16, federal troops entered the city of Kirkuk.",
        gaz,
        date(2017, 10, 30),
    )
    assert {c.places[0].name for c in found if c.event_type == "Battles"} >= {"Kirkuk"}


def test_one_alias_of_two_groups_is_the_report_countrys() -> None:
    table = actor_table()
    assert table.resolve("JeM", "PK").name == "JeM (Jaish-e-Mohammed)"  # Kashmir
    assert table.resolve("JEM", "SD").name == "Joint Forces (Darfur)"  # Darfur's JEM
    assert table.resolve("Indian warplanes", "PK").name == "Military Forces of India"


def test_a_mixed_case_acronym_in_brackets_is_no_place(gaz: Gazetteer) -> None:
    found = events(
        "Indian warplanes struck a camp of the Jaish-e-Mohammed (JeM) group near Balakot in "
        "Pakistan's Khyber Pakhtunkhwa province on Tuesday.",
        gaz,
        date(2019, 2, 26),
    )
    strike = next(c for c in found if c.sub_event_type == "Air/drone strike")
    assert "JeM" not in [p.name for p in strike.places]
    assert (strike.actor1, strike.actor2) == ("Military Forces of India", "JeM (Jaish-e-Mohammed)")


def test_a_generic_voice_is_the_countrys_official_source_when_the_table_has_one(
    gaz: Gazetteer,
) -> None:
    sudan = events(
        "The army took back Wad Madani on Saturday, an army spokesman said.",
        gaz,
        date(2025, 1, 12),
    )
    ethiopia = events(
        "An air strike hit a market in Mekelle on Tuesday, killing 64 people, an army "
        "spokesman said.",
        gaz,
        date(2021, 6, 29),
    )
    assert [s.name for s in sudan[0].sources] == ["Sudanese Armed Forces"]
    assert [s.name for s in ethiopia[0].sources] == ["army spokesman"]  # no table entry


def test_one_victim_beaten_or_shot_dead_is_one_death_and_no_one_none() -> None:
    from frontwatch.extract._numbers import fatalities

    assert fatalities("A crowd dragged a woman from her house and beat her to death")[0] == 1
    assert fatalities("a young man was shot dead at a checkpoint")[0] == 1
    assert fatalities("gunmen shot dead a farmer near the village")[0] == 1
    assert fatalities("No one was killed in the attack, police said") == (0, "none", "")
    assert fatalities("three people were killed")[0] == 3


def test_residents_blocking_a_highway_protest_where_they_block_it(gaz: Gazetteer) -> None:
    found = events(
        "On Sunday, hundreds of residents blocked the federal highway from Mexico City to "
        "Acapulco at the entrance to Taxco to demand justice for the girl, named by relatives "
        "as Camila.",
        gaz,
        date(2024, 4, 29),
    )
    assert [(c.sub_event_type, c.actor1, [p.name for p in c.places]) for c in found] == [
        ("Peaceful protest", "Protesters (Mexico)", ["Taxco de Alarcon"])
    ]

"""Probes of the ninth session: reports written by us in the styles frontwatch reads (wire
copy, translated summaries), each naming a rule that a first reading got wrong."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

DAY = date(2025, 1, 6)


def read(text: str, gaz: Gazetteer, *kinds: str) -> list[Claim]:
    return claims_of(text, gaz, DAY, kinds, "p9")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a police station in Bamako on Sunday.",
        "Armed men stormed the gendarmerie training school in Bamako on Sunday.",
        "Militants stormed the police academy in Peshawar on Sunday.",
    ],
)
def test_storming_a_security_forces_site_is_a_clash(text: str, gaz: Gazetteer) -> None:
    found = read(text, gaz, "event")
    assert [c.sub_event_type for c in found] == ["Armed clash"], seen(found)


def test_storming_a_school_to_abduct_stays_an_abduction(gaz: Gazetteer) -> None:
    found = read("Gunmen stormed a school in Kaduna on Sunday, abducting 30 pupils.", gaz, "event")
    assert [c.sub_event_type for c in found] == ["Abduction/forced disappearance"], seen(found)


def test_a_transitional_government_is_the_reports_country(gaz: Gazetteer) -> None:
    found = read(
        "BAMAKO, Jan 6 (wire) - Mali's transitional government promised on Sunday that those "
        "behind the attack would be punished.",
        gaz,
        "statement",
    )
    assert [c.actor1 for c in found] == ["Government of Mali"], seen(found)


def test_an_impersonal_frame_around_a_quoted_phrase_is_nobodys_statement(gaz: Gazetteer) -> None:
    found = read(
        "Gunmen attacked a checkpoint near Gao on Sunday. It is noted that, according to "
        'security sources, ten people were killed, while officials spoke only of "some losses".',
        gaz,
        "statement",
    )
    assert all(not c.statement.startswith("It") for c in found), [c.statement for c in found]


def test_the_actors_country_gives_way_to_the_town_where_the_targets_were(
    gaz: Gazetteer,
) -> None:
    found = read(
        "NAIROBI, Jan 6 (wire) - Police in Kenya opened fire on protesters who broke into the "
        "parliament compound in Nairobi on Sunday, killing at least five people, rights "
        "groups said.",
        gaz,
        "event",
    )
    assert [([p.name for p in c.places], c.fatalities) for c in found] == [(["Nairobi"], 5)], seen(
        found
    )


def test_a_province_beside_the_scene_gives_way_to_the_town_outside_which_targets_were(
    gaz: Gazetteer,
) -> None:
    found = read(
        "On Saturday jihadists opened fire on residents who were digging trenches on the "
        "outskirts of Barsalogho, in the Centre-Nord region of Burkina Faso.",
        gaz,
        "event",
    )
    assert [[p.name for p in c.places] for c in found] == [["Barsalogho"]], seen(found)


def test_who_a_vow_is_about_makes_no_second_statement(gaz: Gazetteer) -> None:
    found = read(
        "President William Ruto vowed on Sunday to deal firmly with anyone threatening "
        "security in Kenya.",
        gaz,
        "statement",
    )
    assert len(found) == 1, [c.statement for c in found]


@pytest.mark.parametrize(
    ("toll", "expected"),
    [
        ("The number of dead, the sources say, is in the hundreds.", 100),
        ("The death toll is in the hundreds.", 100),
        ("The number of dead is 52.", 52),
    ],
)
def test_a_copular_toll_goes_to_the_event_told(toll: str, expected: int, gaz: Gazetteer) -> None:
    found = read(f"Jihadists killed residents in Barsalogho on Saturday. {toll}", gaz, "event")
    assert [c.fatalities for c in found] == [expected], seen(found)


def test_completing_a_capture_is_the_capture_at_its_place(gaz: Gazetteer) -> None:
    found = read(
        "KYIV, Jan 6 (wire) - Russian forces completed the capture of Ugledar in Ukraine's "
        "Donetsk region on Sunday, Moscow said.",
        gaz,
        "event",
    )
    assert [(c.event_type, [p.name for p in c.places]) for c in found] == [
        ("Battles", ["Vuhledar"])
    ], seen(found)


def test_after_the_capture_of_a_town_is_no_place_of_a_new_act(gaz: Gazetteer) -> None:
    found = read(
        "KYIV, Jan 6 (wire) - After the capture of Ugledar in Ukraine's Donetsk region, "
        "Russian forces attacked Pokrovsk on Sunday, Moscow said.",
        gaz,
        "event",
    )
    assert [[p.name for p in c.places] for c in found] == [["Pokrovsk"]], seen(found)


def test_looters_ransacking_warehouses_is_looting_by_rioters(gaz: Gazetteer) -> None:
    found = read(
        "Rebels entered Bukavu on Sunday. Looters ransacked aid warehouses and several shops "
        "in the night before the rebels arrived.",
        gaz,
        "event",
    )
    looting = [c for c in found if c.event_type == "Strategic developments"]
    assert [(c.sub_event_type, c.actor1) for c in looting] == [
        ("Looting/property destruction", "Rioters (Democratic Republic of Congo)")
    ], seen(found)


def test_a_mob_looting_is_still_mob_violence(gaz: Gazetteer) -> None:
    found = read("An angry mob looted shops in Bukavu on Saturday.", gaz, "event")
    assert [c.sub_event_type for c in found] == ["Mob violence"], seen(found)


def test_a_worth_noting_frame_leaves_the_warning_to_who_warned(gaz: Gazetteer) -> None:
    found = read(
        "The interior ministry announced the deployment on Sunday. It is worth noting that "
        "Israel earlier warned it would not allow threats to the Druze community.",
        gaz,
        "statement",
    )
    warning = [c for c in found if "warned" in c.statement]
    assert [c.actor1 for c in warning] == ["Government of Israel"], [c.statement for c in found]


def test_a_liveblog_time_stamp_is_no_part_of_the_speaker(gaz: Gazetteer) -> None:
    found = read(
        "08:45 Iran's supreme leader warns that Israel will face a severe punishment.",
        gaz,
        "statement",
    )
    assert [c.statement.split(":")[0] for c in found] == ["Iran's supreme leader"], [
        c.statement for c in found
    ]


def test_a_town_toll_after_a_barrage_at_a_country_is_that_barrages(gaz: Gazetteer) -> None:
    found = read(
        "Israel struck targets in Tehran overnight, killing a commander, state television "
        "said.\n\nIran fired a barrage of ballistic missiles at Israel on Sunday evening. The "
        "military said most were intercepted; emergency services said one woman was killed "
        "in Ramat Gan.",
        gaz,
        "event",
    )
    barrage = [c for c in found if c.actor1 == "Military Forces of Iran"]
    assert [(c.fatalities, [p.name for p in c.places]) for c in barrage] == [(1, ["Ramat Gan"])], (
        seen(found)
    )
    assert all(s.name != "State Emergency Service of Ukraine" for c in found for s in c.sources)


def test_a_bearing_that_only_locates_the_camp_is_no_second_place(gaz: Gazetteer) -> None:
    found = read(
        "Between 3 and 5 January, the Rapid Support Forces attacked Zamzam camp, south of El "
        "Fasher, killing at least 300 civilians, health workers said.",
        gaz,
        "event",
    )
    assert [[p.name for p in c.places] for c in found] == [["Zamzam"]], seen(found)


def test_taking_the_camp_after_attacking_it_is_a_capture_of_its_own(gaz: Gazetteer) -> None:
    found = read(
        "Between 3 and 5 January, the Rapid Support Forces attacked Zamzam camp, south of El "
        "Fasher, killing at least 300 civilians. The RSF announced on 5 January that it had "
        "taken control of the camp.",
        gaz,
        "event",
    )
    assert [c.sub_event_type for c in found] == [
        "Attack",
        "Non-state actor overtakes territory",
    ], seen(found)


def test_a_group_named_like_a_town_abroad_is_no_place(gaz: Gazetteer) -> None:
    found = read(
        "ADDIS ABABA, Jan 6 (wire) - Fighting hit the town of Bure in Ethiopia's Amhara region "
        "on Sunday. Fano militiamen had clashed with federal troops around the town, residents "
        "said.",
        gaz,
        "event",
    )
    assert all(p.country == "ET" for c in found for p in c.places), seen(found)


def test_the_dead_the_parser_joins_to_the_tellers_are_no_source(gaz: Gazetteer) -> None:
    found = read(
        "A drone strike hit a bus station in Bure in Ethiopia on Sunday, killing at least 13 "
        "people, witnesses and a health worker said.",
        gaz,
        "event",
    )
    assert [[s.name for s in c.sources] for c in found] == [["witnesses", "health worker"]], seen(
        found
    )


def test_officers_forming_a_ruling_council_act_at_the_capital(gaz: Gazetteer) -> None:
    found = read(
        "Mutinous soldiers detained the president in Niger on Saturday. The officers formed a "
        "military council on Sunday.",
        gaz,
        "event",
    )
    council = [c for c in found if c.sub_event_type == "Change to group/activity"]
    assert [[p.name for p in c.places] for c in council] == [["Niamey"]], seen(found)

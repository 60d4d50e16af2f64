"""Rules found by probing frontwatch with reports we wrote ourselves (invented wording)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of


def events(text: str, gaz: Gazetteer, published: date = date(2025, 3, 14)) -> list[Claim]:
    return claims_of(text, gaz, published, ("event",), "p1")


def test_soldiers_toll_goes_to_the_fight_not_to_the_strike_on_civilians(gaz: Gazetteer) -> None:
    found = events(
        "A Russian drone hit a bus in Kherson on Friday, killing four passengers. "
        "Ukrainian forces said they repelled an assault by Russian troops near Kupiansk "
        "overnight. Two Ukrainian soldiers were killed.",
        gaz,
    )
    by_type = {c.sub_event_type: c for c in found}
    assert by_type["Air/drone strike"].fatalities == 4
    assert by_type["Armed clash"].fatalities == 2


def test_civilians_toll_after_a_second_event_stays_with_the_lead(gaz: Gazetteer) -> None:
    found = events(
        "Fighting broke out in Khartoum on Saturday between the army and the RSF. "
        "Military aircraft struck RSF positions in the city. "
        "Medics said five civilians had been killed.",
        gaz,
    )
    by_type = {c.sub_event_type: c for c in found}
    assert by_type["Armed clash"].fatalities == 5
    assert by_type["Air/drone strike"].fatalities == 0


def statements(text: str, gaz: Gazetteer, published: date = date(2025, 5, 2)) -> list[Claim]:
    return claims_of(text, gaz, published, ("statement",), "p2")


def test_a_name_in_quotation_marks_quotes_no_one(gaz: Gazetteer) -> None:
    text = (
        'According to local committees, on Thursday fighters of the "Rapid Support Forces" '
        "entered the town of Al-Nuhud after clashes with the army."
    )
    assert statements(text, gaz) == []
    quoted = 'The RSF commander said: "We will enter El Obeid within days."'
    assert len(statements(quoted, gaz)) == 1


def test_subject_misparsed_as_apposition_of_a_fronted_place(gaz: Gazetteer) -> None:
    (c,) = events(
        "In the area of El Obeid, the aviation of the army carried out strikes on "
        "positions of the RSF on Thursday.",
        gaz,
        date(2025, 5, 2),
    )
    assert (c.sub_event_type, c.actor1, c.actor2) == (
        "Air/drone strike",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    )


def test_police_dispersing_them_makes_the_protest_one_with_intervention(gaz: Gazetteer) -> None:
    (c,) = events(
        "About 300 people protested in Mandalay on Tuesday against conscription before "
        "police dispersed them and detained 15 students.",
        gaz,
        date(2024, 9, 10),
    )
    assert c.sub_event_type == "Protest with intervention"
    assert c.actor2 == "Police Forces of Myanmar"


def test_a_negation_after_a_semicolon_stays_in_its_own_clause(gaz: Gazetteer) -> None:
    (c,) = events(
        "The Kachin Independence Army said its fighters overran an army outpost near Bhamo "
        "last week, seizing weapons; it did not give casualty figures.",
        gaz,
        date(2024, 9, 10),
    )
    assert c.actor1.startswith("KIA")
    assert [p.name for p in c.places] == ["Bhamo"]


def test_victims_named_with_their_countries_are_counted(gaz: Gazetteer) -> None:
    from frontwatch.extract._numbers import fatalities

    assert (
        fatalities("Thirteen peacekeepers from South Africa, Malawi and Uruguay were killed.")[0]
        == 13
    )
    assert fatalities("The agency said 20 militants were eliminated.")[0] == 20
    assert fatalities("The threat was eliminated.")[0] == 0


def test_a_passive_report_names_no_source(gaz: Gazetteer) -> None:
    (c,) = events(
        "Hezbollah fired dozens of rockets at northern Israel overnight; no injuries were reported.",
        gaz,
        date(2024, 7, 27),
    )
    assert [s.name for s in c.sources] == ["publisher"]


def test_restored_control_over_villages_is_a_regained_territory(gaz: Gazetteer) -> None:
    found = events(
        "According to SANA, units of the Syrian Arab Army restored control over the village of "
        "Suran in the northern countryside of Hama on Wednesday.",
        gaz,
        date(2024, 12, 4),
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Government regains territory", "Military Forces of Syria")
    ]


def test_deaths_in_the_fighting_that_followed_are_not_the_ambush_toll(gaz: Gazetteer) -> None:
    (c,) = events(
        "Gunmen ambushed a patrol of the security forces near Jableh on Thursday. The monitor "
        "said 125 members of the security forces and 148 of the gunmen had died in the "
        "fighting that followed.",
        gaz,
        date(2025, 3, 9),
    )
    assert c.fatalities == 0


def test_killed_in_shelling_parsed_as_a_gerund_is_an_event(gaz: Gazetteer) -> None:
    (c,) = events(
        "At least nine people were killed in shelling on a market in Omdurman on Tuesday.",
        gaz,
        date(2024, 3, 20),
    )
    assert (c.sub_event_type, c.fatalities, c.date) == (
        "Shelling/artillery/missile attack",
        9,
        date(2024, 3, 19),
    )
    assert [p.name for p in c.places] == ["Omdurman"]


def test_a_strategic_development_counts_no_dead(gaz: Gazetteer) -> None:
    found = events(
        "The Radaa force mobilised fighters in Tripoli on Wednesday, residents said, "
        "a day after clashes with the 444 Brigade killed 55 people.",
        gaz,
        date(2023, 8, 16),
    )
    strategic = [c for c in found if c.event_type == "Strategic developments"]
    assert strategic and all(c.fatalities == 0 for c in strategic)
    assert any(c.event_type == "Battles" and c.fatalities == 55 for c in found)


def test_a_unit_number_is_no_toll() -> None:
    from frontwatch.extract._numbers import fatalities

    assert fatalities("A day after clashes with the 444 Brigade killed 55 people.")[0] == 55
    assert fatalities("12 Soldiers killed in attack")[0] == 12


def test_a_participle_after_a_preposition_is_an_adjective(gaz: Gazetteer) -> None:
    (c,) = events(
        "A Ukrainian drone attack set an oil depot on fire in the city of Feodosia in occupied "
        "Crimea on Tuesday, local authorities installed by Moscow said.",
        gaz,
        date(2024, 10, 2),
    )
    assert c.sub_event_type == "Air/drone strike"
    assert c.actor1 == "Military Forces of Ukraine"
    assert [p.name for p in c.places] == ["Feodosiya"]  # not Crimea, not Moscow


def test_a_past_perfect_order_is_background_not_a_statement(gaz: Gazetteer) -> None:
    said = statements(
        "Israel had told civilians to move to al-Mawasi, where thousands of displaced people "
        "live in tents.",
        gaz,
    )
    assert said == []


def test_did_not_confirm_the_loss_disputes_the_capture_told_before(gaz: Gazetteer) -> None:
    found = events(
        "Russia's defence ministry said its forces had captured the village of Tsukuryne in "
        "the Donetsk region. Ukraine's General Staff did not confirm the loss of the village "
        "and said its troops had repelled 24 Russian attacks near Pokrovsk.",
        gaz,
        date(2024, 10, 2),
    )
    by_place = {c.places[0].name: c for c in found}
    assert by_place["Tsukuryne"].denied_by == ("Ukrainian General Staff",)
    assert by_place["Pokrovsk"].denied_by == ()


def test_a_series_of_air_raids_after_a_light_verb_is_an_air_strike(gaz: Gazetteer) -> None:
    found = events(
        "The Saudi-led coalition carried out a series of air raids on Sanaa early on Saturday.",
        gaz,
        date(2022, 3, 26),
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Air/drone strike", "Military Forces of Saudi Arabia")
    ]


def test_an_aside_between_victims_and_verb_keeps_the_toll() -> None:
    from frontwatch.extract._numbers import fatalities

    assert fatalities("Eight civilians, including two women, were killed in the raids.")[0] == 8


def test_the_addressee_of_a_warning_is_no_speaker(gaz: Gazetteer) -> None:
    said = statements("The spokesman said civilians had been warned to stay away.", gaz)
    assert all(not c.actor1.startswith("Civilians") for c in said)


def test_a_village_the_gazetteer_lacks_is_not_a_namesake_far_abroad(gaz: Gazetteer) -> None:
    (c,) = events(
        "The Rapid Support Forces established control over the settlement of Shagra near "
        "El Fasher on Sunday, local sources said.",
        gaz,
        date(2025, 4, 14),
    )
    assert c.actor2 != "Military Forces of Saudi Arabia"
    assert [(p.name, p.country) for p in c.places][0] == ("Shagra", "SD")


def test_a_town_just_across_the_border_keeps_its_country(gaz: Gazetteer) -> None:
    (c,) = events(
        "Ukrainian troops captured the town of Sudzha on Thursday.", gaz, date(2024, 8, 16)
    )
    assert [(p.name, p.country) for p in c.places] == [("Sudzha", "RU")]


def test_an_attack_repelled_in_the_passive_is_coded_attacker_first(gaz: Gazetteer) -> None:
    (c,) = events(
        "The army said an RSF attack on El Fasher was repelled on Sunday.", gaz, date(2025, 4, 14)
    )
    assert (c.sub_event_type, c.actor1, c.actor2) == (
        "Armed clash",
        "Rapid Support Forces",
        "Military Forces of Sudan",
    )


ROUNDUP = (
    "A suicide bomber blew himself up at a wedding in Gwoza, in Nigeria's Borno state, on "
    "Saturday, killing 18 people. In Goma, a grenade thrown into a crowded market wounded five "
    "people on Sunday. In Mali, government forces took over the town of Kidal on Monday."
)


def test_a_roundup_codes_each_country_with_its_own_actors(gaz: Gazetteer) -> None:
    by_type = {c.sub_event_type: c for c in events(ROUNDUP, gaz, date(2024, 6, 10))}
    assert by_type["Grenade"].actor1 == "Unidentified Armed Group (Democratic Republic of Congo)"
    assert by_type["Government regains territory"].actor1 == "Military Forces of Mali"


def test_a_coordinated_clause_with_its_own_event_keeps_its_place(gaz: Gazetteer) -> None:
    found = events(
        "Rebels captured a village 12 km west of Aleppo on Friday, and clashes continued in "
        "the countryside of Hama overnight.",
        gaz,
        date(2024, 11, 30),
    )
    capture = next(c for c in found if c.sub_event_type == "Non-state actor overtakes territory")
    assert [p.name for p in capture.places] == ["Aleppo"]
    assert capture.places[0].offset_km == 12.0


def test_the_articles_ranking_keeps_a_towns_level(gaz: Gazetteer) -> None:
    (c,) = events(
        "Opposition fighters captured Hims early on Sunday, the monitor said.",
        gaz,
        date(2024, 12, 8),
    )
    assert (c.places[0].name, c.places[0].feature) == ("Homs", "city")


def test_shelling_almost_daily_is_a_summary_not_an_event(gaz: Gazetteer) -> None:
    found = events(
        "Russian forces have shelled Kherson almost daily since they withdrew across the river.",
        gaz,
        date(2024, 5, 10),
    )
    assert found == []


def test_a_dismissed_rumour_denies_no_event_and_a_passive_denial_names_its_agent(
    gaz: Gazetteer,
) -> None:
    (c,) = events(
        "A Russian drone struck a market in Kherson on Friday, killing two people. Rumours that "
        "Ukrainian troops had crossed the river were dismissed by officials. The report of a "
        "second strike was rejected by the governor.",
        gaz,
        date(2024, 5, 10),
    )
    assert "officials" not in c.denied_by and "Rumours" not in c.denied_by


@pytest.mark.parametrize(
    "history",
    [
        "Back in March, a car bomb killed 14 people in the market of Azaz.",
        "Islamic State militants executed dozens of residents when they held Raqqa.",
        "Two years earlier, Russian jets bombed a hospital in Tabqa.",
    ],
)
def test_history_without_a_year_is_no_event(gaz: Gazetteer, history: str) -> None:
    text = "Rebels captured the town of Tal Abyad on Sunday, a war monitor said. " + history
    found = events(text, gaz, date(2025, 2, 10))
    assert [c.places[0].name for c in found] == ["Tall Abyad"]
    assert all(c.date is not None and c.date <= date(2025, 2, 10) for c in found)


def test_a_negation_carried_by_the_subject_or_by_no_is_no_event(gaz: Gazetteer) -> None:
    found = events(
        "Police dispersed a crowd in Yangon on Sunday, but nobody was arrested. "
        "No shelling took place overnight in Mandalay.",
        gaz,
        date(2024, 4, 15),
    )
    assert [c.sub_event_type for c in found] == ["Protest with intervention"]


def test_a_denial_that_spells_out_another_claim_disputes_no_told_event(gaz: Gazetteer) -> None:
    (c,) = events(
        "Rebels shelled Mandalay on Sunday. China rejected claims that it had supplied drones "
        "to the junta.",
        gaz,
        date(2024, 4, 15),
    )
    assert c.denied_by == ()


def test_lightning_kills_no_one_in_a_clash(gaz: Gazetteer) -> None:
    assert events("Lightning killed three soldiers at a base near Beni.", gaz) == []


def test_an_agreement_of_two_foreign_governments_is_placed_in_one_of_theirs(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Congo news: the army said M23 rebels advanced near Goma on Friday. Russia and Ukraine "
        "exchanged 103 prisoners of war each on Saturday.",
        gaz,
        date(2024, 9, 20),
    )
    (deal,) = [c for c in found if c.sub_event_type == "Agreement"]
    assert deal.places[0].country in ("RU", "UA")


def test_the_wounded_are_no_toll(gaz: Gazetteer) -> None:
    c, *_ = events(
        "Israeli air strikes on Tyre killed at least 12 people on Sunday. "
        "Another blast wounded four people, medics said.",
        gaz,
        date(2024, 9, 22),
    )
    assert c.fatalities == 12


def test_a_small_namesake_far_abroad_is_not_the_village_meant(gaz: Gazetteer) -> None:
    (c,) = events(
        "Malian soldiers killed at least 100 civilians in Moura, in central Mali, on Sunday, "
        "a rights group said.",
        gaz,
        date(2022, 4, 5),
    )
    assert [(p.name, p.country) for p in c.places] == [("Moura", "ML")]  # not Moore, Oklahoma
    assert c.actor2 == "Civilians (Mali)"


def test_the_taliban_are_insurgents_before_the_fall_of_kabul_and_the_state_after(
    gaz: Gazetteer,
) -> None:
    before = events(
        "Taliban fighters captured Kunduz on Sunday after Afghan government forces withdrew, "
        "officials said.",
        gaz,
        published=date(2021, 8, 9),
    )
    (c,) = before
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert (c.actor1, c.actor2) == ("Taliban", "Military Forces of Afghanistan (2004-2021)")
    after = events(
        "Taliban forces clashed with resistance fighters near Bazarak in Panjshir on Sunday.",
        gaz,
        published=date(2021, 9, 6),
    )
    assert after and after[0].actor1 == "Military Forces of Afghanistan (2021-)"


def test_a_crowd_gathered_for_a_ceremony_is_the_target_of_the_strike(gaz: Gazetteer) -> None:
    (c,) = events(
        "A military jet bombed a crowd gathered for the opening of a community hall in "
        "Kanbalu on Tuesday morning, witnesses said.",
        gaz,
        published=date(2023, 4, 12),
    )
    assert c.sub_event_type == "Air/drone strike"
    assert [p.name for p in c.places] == ["Kanbalu"]


def test_a_spokesman_confirming_the_village_was_attacked_retells_the_strike(
    gaz: Gazetteer,
) -> None:
    found = events(
        "A military jet bombed the village of Kanbalu on Tuesday, killing 30 people, "
        "witnesses said. A junta spokesman confirmed that the village had been attacked, "
        "saying the target was a rebel meeting.",
        gaz,
        published=date(2023, 4, 12),
    )
    assert [c.sub_event_type for c in found] == ["Air/drone strike"]
    assert found[0].fatalities == 30


def test_military_bloggers_are_not_the_general_staff() -> None:
    from frontwatch.extract._tables import source_table

    table = source_table()
    bloggers = table.match("Ukrainian military bloggers")
    assert bloggers is not None and bloggers.name == "Ukrainian military bloggers"
    staff = table.match("the Ukrainian military")
    assert staff is not None and staff.name == "Ukrainian General Staff"
    channel = table.match("the Houthi-run al-Masirah channel")
    assert channel is not None and channel.stance != "unknown"


def test_a_subject_read_as_a_conjunct_of_the_fronted_source_is_the_subject(
    gaz: Gazetteer,
) -> None:
    (c,) = events(
        "According to a statement by the command of the Sudanese Armed Forces, published on "
        "the morning of January 11, army units and allied forces entered the city of Wad "
        "Madani after the Rapid Support Forces withdrew.",
        gaz,
        published=date(2025, 1, 12),
    )
    assert c.sub_event_type == "Government regains territory"
    assert (c.actor1, c.actor2) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_killings_after_the_armys_entry_are_dated_by_the_capture(gaz: Gazetteer) -> None:
    found = events(
        "On Saturday, army units entered the city of Wad Madani after the Rapid Support "
        "Forces withdrew, a military statement said.\n\n"
        "A lawyers group said at least 13 civilians were killed in reprisals in the village "
        "of Tayba, south of the city, after the army's entry.\n\n"
        "Background: on January 5, an RSF drone struck a hospital in Omdurman.",
        gaz,
        published=date(2025, 1, 12),
    )
    killing = next(c for c in found if c.fatalities == 13)
    assert killing.date == date(2025, 1, 11)


def test_km_from_a_town_that_only_locates_the_named_place_is_no_second_place(
    gaz: Gazetteer,
) -> None:
    (c,) = events(
        "On Thursday, the rebels captured the Kavumu airport, 30 km north of Bukavu, "
        "a rebel spokesman said.",
        gaz,
        published=date(2025, 2, 15),
    )
    assert [p.name for p in c.places] == ["Kavumu"]
    (near,) = events(
        "Rebels shelled army positions 30 km north of Bukavu on Thursday, a spokesman said.",
        gaz,
        published=date(2025, 2, 15),
    )
    assert near.places[0].name == "Bukavu" and near.places[0].offset_km == 30.0


def test_its_aviation_is_the_speakers_own_air_force(gaz: Gazetteer) -> None:
    (c,) = events(
        "The Russian side claimed that its aviation struck Ukrainian columns near Sudzha on "
        "Thursday, destroying several armoured vehicles.",
        gaz,
        published=date(2024, 8, 16),
    )
    assert c.actor1 == "Military Forces of Russia"
    (mine,) = events(
        "The alliance, made up of the Myanmar National Democratic Alliance Army and the "
        "Arakan Army, said its fighters had seized the town of Chinshwehaw on Friday.",
        gaz,
        published=date(2023, 10, 28),
    )
    assert mine.actor1 != "Military Forces of Myanmar"


def test_looting_reported_as_a_gerund_subject_is_an_event(gaz: Gazetteer) -> None:
    (c,) = events(
        "Looting of shops and warehouses was reported in several districts of Bukavu "
        "overnight, residents said.",
        gaz,
        published=date(2025, 2, 15),
    )
    assert c.sub_event_type == "Looting/property destruction"
    assert [p.name for p in c.places] == ["Bukavu"]


def test_dotted_us_and_uk_name_their_forces(gaz: Gazetteer) -> None:
    (c,) = events(
        "U.S. and British warplanes struck Houthi targets near Hodeidah on Thursday, the "
        "group's television reported.",
        gaz,
        published=date(2024, 3, 8),
    )
    assert c.actor1 == "Military Forces of the United States"
    assert c.assoc_actor1 == "Military Forces of the United Kingdom"

"""Recall rules of the third recall pass: constructions the development parts told without
frontwatch coding them (or coding them at the wrong place)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday: "Sunday" = Dec 1, "Monday" = Dec 2


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, ("event", "displacement"), "r1")


def test_a_government_decision_is_coded_at_the_capital_not_at_the_last_scene(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Mali's government dissolved the militia on Sunday, a day after gunmen killed at "
        "least 30 villagers in Ogossagou.\n\n"
        "At a meeting on Sunday the cabinet also replaced the chief of the general staff of "
        "the armed forces, the presidency said.",
        gaz,
    )
    changes = [c for c in found if c.sub_event_type == "Change to group/activity"]
    # two decisions (a dissolution, a dismissal): two events, both in Bamako
    assert len(changes) == 2, seen(found)
    assert all([p.name for p in c.places] == ["Bamako"] for c in changes), seen(found)
    assert changes[0].actor1 == "Government of Mali", seen(found)


def test_a_decision_told_with_its_own_place_stays_there(gaz: Gazetteer) -> None:
    found = events("Mali's government dissolved the town council in Gao on Monday.", gaz)
    assert [[p.name for p in c.places] for c in found] == [["Gao"]], seen(found)


def test_a_head_of_government_resigning_is_a_strategic_event_at_the_capital(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Bangladesh's Prime Minister Sheikh Hasina resigned and fled the country by military "
        "helicopter on Monday, the army chief said.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Other", "Government of Bangladesh")
    ], seen(found)
    assert [p.name for p in found[0].places] == ["Dhaka"], seen(found)
    assert found[0].date == date(2024, 12, 2)
    # a party's own official (not the country's) is no government stepping down
    assert events("The opposition's president resigned on Monday.", gaz) == []


def test_a_deal_announced_between_two_parties_is_an_agreement_a_lone_truce_is_not(
    gaz: Gazetteer,
) -> None:
    deal = events(
        "Late on Sunday the Kurdish-led administration announced a deal with the Syrian "
        "government under which Syrian army troops will deploy along the border.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor2) for c in deal] == [("Agreement", "Government of Syria")], (
        seen(deal)
    )
    truce = events(
        "Myanmar's military government announced a temporary ceasefire on Wednesday.", gaz
    )
    assert truce == [], seen(truce)


def test_a_corridor_to_a_town_is_where_the_displaced_went(gaz: Gazetteer) -> None:
    found = events(
        "About 30,000 people left Mariupol by car on Tuesday along a humanitarian corridor "
        "to Zaporizhzhia, officials said.",
        gaz,
    )
    moves = [c for c in found if c.kind == "displacement"]
    assert len(moves) == 1, seen(found)
    assert [p.name for p in moves[0].places] == ["Mariupol"], seen(found)
    assert [p.name for p in moves[0].destinations] == ["Zaporizhzhya"], seen(found)


def test_a_year_less_dateline_fits_any_weekday_its_lead_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.ingest import read_path
    from frontwatch.pipeline import with_batch_dates

    (tmp_path / "a.txt").write_text(
        "Published: 2023-05-01\n\nRebels shelled Saraqib on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "MOGADISHU, Oct 30 (wire) - Two car bombs killed 100 people in Mogadishu on Saturday, "
        "the president said on Sunday.\n",
        encoding="utf-8",
    )
    dated = {a.origin[-5:]: a for a in with_batch_dates(read_path(tmp_path).articles)}
    # 30 October was a Saturday in 2021 and a Sunday in 2022: the year nearer the batch's
    assert dated["b.txt"].published == date(2022, 10, 30)


def test_one_capture_verb_for_two_towns_on_two_days_is_two_captures(gaz: Gazetteer) -> None:
    found = events("M23 rebels seized Kalehe on Sunday and Minova on Monday.", gaz)
    got = sorted(([p.name for p in c.places], c.date) for c in found)
    assert got == [(["Kalehe"], date(2024, 12, 1)), (["Minova"], date(2024, 12, 2))], seen(found)


def test_fire_exchanged_one_night_and_again_the_next_is_a_clash_each_day(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Indian and Pakistani troops exchanged fire near Uri on Thursday night and again on "
        "Friday night, the Indian army said.",
        gaz,
    )
    assert sorted(c.date for c in found if c.date) == [
        date(2024, 12, 5),
        date(2024, 12, 6),
    ], seen(found)
    assert {c.sub_event_type for c in found} == {"Armed clash"}
    # one day told once stays one event
    once = events("Rebels clashed with troops near Uri on Thursday night.", gaz)
    assert len(once) == 1, seen(once)


def test_forces_that_lost_a_town_to_a_group_are_its_actor2(gaz: Gazetteer) -> None:
    found = events("Syrian government forces lost Saraqib to the rebels on Monday.", gaz)
    assert [(c.sub_event_type, c.actor2) for c in found] == [
        ("Non-state actor overtakes territory", "Military Forces of Syria")
    ], seen(found)
    assert found[0].actor1 and found[0].actor1 != "Military Forces of Syria"
    # a loss of men is no loss of ground
    lost_men = events("The army lost 20 soldiers to a roadside bomb near Saraqib on Monday.", gaz)
    assert all(c.sub_event_type != "Non-state actor overtakes territory" for c in lost_men)


def test_british_troops_are_the_uk_forces_not_the_local_army(gaz: Gazetteer) -> None:
    for who in ("UK troops", "British troops", "British soldiers"):
        found = events(f"{who} clashed with gunmen in Basra on Monday.", gaz)
        assert [c.actor1 for c in found] == ["Military Forces of the United Kingdom"], seen(found)


def test_people_hit_where_a_clause_about_them_says_they_were(gaz: Gazetteer) -> None:
    found = events(
        "According to information from witnesses cited by the publication, drones dropped "
        "explosives on crowds of families who were waiting on the river bank outside the town "
        "of Kasindi to cross to Uganda on Monday.",
        gaz,
    )
    assert [(c.sub_event_type, [p.name for p in c.places]) for c in found] == [
        ("Air/drone strike", ["Kasindi"])
    ], seen(found)


def test_fighters_pulling_out_and_civilians_crossing_a_border(gaz: Gazetteer) -> None:
    out = events("Wagner fighters began pulling out of Rostov-on-Don late on Saturday.", gaz)
    assert [c.sub_event_type for c in out] == ["Non-violent transfer of territory"], seen(out)
    crossed = events("About 8,000 people crossed into Chad from Ardamata on Monday.", gaz)
    assert [c.kind for c in crossed] == ["displacement"], seen(crossed)
    assert [p.country for p in crossed[0].destinations] == ["TD"], seen(crossed)
    # soldiers crossing are no displaced civilians
    assert events("Soldiers crossed into Uganda from Bunagana on Monday.", gaz) == []


def test_translated_wire_style_protests_attackers_and_data_sources(gaz: Gazetteer) -> None:
    protest = events(
        "In the city of Goma on Monday, thousands of residents went out to a protest action "
        "against the M23.",
        gaz,
    )
    assert [(c.sub_event_type, [p.name for p in c.places]) for c in protest] == [
        ("Peaceful protest", ["Goma"])
    ], seen(protest)
    shot = events(
        "On Monday unknown persons opened fire at a checkpoint of the police in the city of "
        "Bamako, as a result of which two policemen were killed.",
        gaz,
    )
    assert [c.actor1 for c in shot] == ["Unidentified Armed Group (Mali)"], seen(shot)
    strike = events(
        "According to the data of the Ministry of Health, as a result of the Israeli strike on "
        "a school in the city of Gaza on Monday, 25 people died.",
        gaz,
    )
    assert [s.name for s in strike[0].sources] == ["Ministry of Health"], strike[0].sources


def test_un_agencies_are_named_as_acled_names_them(gaz: Gazetteer) -> None:
    fled = events(
        "The UN refugee agency said on Friday that 8,000 people fled Ardamata into Chad on Monday.",
        gaz,
    )
    assert [s.name for c in fled for s in c.sources] == ["UNHCR"], seen(fled)
    killed = events(
        "The UN children's agency said at least 35 children were killed in Wad Madani on Monday.",
        gaz,
    )
    assert [s.name for c in killed for s in c.sources] == ["UNICEF"], seen(killed)


def test_people_a_blast_killed_or_a_strike_hit_are_its_civilian_target(gaz: Gazetteer) -> None:
    bombs = events(
        "At least 100 people were killed and 300 wounded when two car bombs exploded at a busy "
        "junction in Mogadishu on Saturday, the president said on Sunday.",
        gaz,
    )
    assert [c.actor2 for c in bombs] == ["Civilians (Somalia)"], seen(bombs)
    drones = events("Drones dropped explosives on crowds of families in Maungdaw on Monday.", gaz)
    assert [c.actor2 for c in drones] == ["Civilians (Myanmar)"], seen(drones)
    soldiers = events(
        "Ten soldiers were killed when a roadside bomb exploded near Kidal on Monday.", gaz
    )
    assert [c.actor2 for c in soldiers] == ["Military Forces of Mali"], seen(soldiers)


def test_a_translated_lead_with_its_attribution_formula_still_tells_the_strike(
    gaz: Gazetteer,
) -> None:
    found = events(
        "According to the Ministry of Health cited by the publication, as a result of the "
        "Israeli air strike on a block in Jabalia on Tuesday, more than 50 people died.",
        gaz,
    )
    assert [(c.sub_event_type, c.fatalities, c.date) for c in found] == [
        ("Air/drone strike", 50, date(2024, 12, 3))
    ], seen(found)


def test_a_date_naming_another_happening_is_not_the_events_day(gaz: Gazetteer) -> None:
    found = events(
        "Israeli troops killed a Hamas commander, one of the planners of the October 7 attack, "
        "in Jabalia on Tuesday, the army said.",
        gaz,
    )
    assert [c.date for c in found] == [date(2024, 12, 3)], seen(found)


def test_a_junta_dissolving_the_government_is_its_statement_not_a_group_change(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Soldiers mutinied in Ouagadougou on Sunday.\n\n"
        "The new junta said it had suspended the constitution, dissolved the government and "
        "closed the borders.",
        gaz,
    )
    assert all(c.sub_event_type != "Change to group/activity" for c in found), seen(found)


def test_its_forces_belong_to_the_source_a_translated_lead_cites(gaz: Gazetteer) -> None:
    found = events(
        "According to information of the Southern Transitional Council (STC) cited by the "
        "publication, its forces on Saturday took control of the presidential palace in Aden.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Non-state actor overtakes territory", "STC (Southern Transitional Council)")
    ], seen(found)


def test_a_crowd_that_kills_is_a_mob_on_the_day_of_its_own_clause(gaz: Gazetteer) -> None:
    found = events(
        "A crowd in Taxco dragged a woman out of her house on Sunday and beat her to death in "
        "the street, after the body of a girl who had gone missing last week was found nearby, "
        "prosecutors said.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1, c.date) for c in found] == [
        ("Mob violence", "Rioters (Mexico)", date(2024, 12, 1))
    ], seen(found)

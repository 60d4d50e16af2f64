"""Event recall rules written on the misses of the fresh4 part, each tested on sentences of our
own about other places and conflicts (never the corpus reports' wording)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import with_batch_dates
from frontwatch.types import Article, Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday: "Monday" = Dec 2


def events(text: str, gaz: Gazetteer, published: date = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published, ("event",), "r6")


def places(c: Claim) -> list[str]:
    return [p.name for p in c.places]


def test_a_yearless_dateline_takes_the_weekday_its_source_spoke() -> None:
    # 16 March was a Saturday in 2024 and a Sunday in 2025: the report is filed the day its
    # source spoke ("said on Sunday"), the strike was the day before
    text = (
        "ADEN, March 16 (wire) - Air strikes on Taiz on Saturday killed five people, the "
        "governor said on Sunday."
    )
    dated = Article(id="x", origin="x.txt", title="", text=text, published=None)
    batch = [Article(id="b", origin="b.txt", title="", text="", published=date(2024, 5, 1))]
    assert with_batch_dates([dated, *batch])[0].published == date(2025, 3, 16)


def test_places_listed_after_among_them_are_where_the_strike_hit(gaz: Gazetteer) -> None:
    found = events(
        "The Ukrainian navy says its drones have struck Russian patrol ships at two ports, "
        "among them the base near Novorossiysk in the Krasnodar region.",
        gaz,
    )
    assert [places(c) for c in found] == [["Novorossiysk"]], seen(found)


def test_an_agentless_arrest_after_an_attack_is_the_tellers_forces(gaz: Gazetteer) -> None:
    found = events(
        "Gunmen attacked a police station in Maiduguri on Friday. According to the army, twelve "
        "suspects were arrested during a search after the attack.",
        gaz,
    )
    arrests = [c for c in found if c.sub_event_type == "Arrests"]
    assert [(c.actor1, places(c), c.date) for c in arrests] == [
        ("Military Forces of Nigeria", ["Maiduguri"], date(2024, 12, 6))
    ], seen(found)


def test_detentions_with_no_time_or_place_of_their_own_are_no_event(gaz: Gazetteer) -> None:
    found = events(
        "Gunmen attacked a police station in Maiduguri on Friday. Some of those involved have "
        "been detained, it added.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Armed clash"], seen(found)


def test_a_liveblog_entry_tells_the_news_of_its_day(gaz: Gazetteer) -> None:
    found = events(
        "Live: drones over the Black Sea\n\n14:05 The Ukrainian navy says its drones have struck "
        "Russian patrol ships at two ports, among them the base near Novorossiysk in the "
        "Krasnodar region.",
        gaz,
    )
    assert [(c.date, c.time_precision) for c in found] == [(PUBLISHED, 1)], seen(found)


def test_a_strike_on_sites_in_two_towns_is_one_event_per_town(gaz: Gazetteer) -> None:
    found = events(
        "Russian missiles hit an energy plant at Burshtyn and a rail depot in Kovel on Tuesday.",
        gaz,
    )
    assert sorted(places(c)[0] for c in found) == ["Burshtyn", "Kovel"], seen(found)
    assert all(len(c.places) == 1 for c in found)


def test_each_town_keeps_the_toll_told_in_its_own_clause(gaz: Gazetteer) -> None:
    found = events(
        "Hezbollah rockets hit houses in Nahariya, where one man died, and in Safed, where two "
        "women died, on Monday.",
        gaz,
    )
    got = sorted((places(c)[0], c.fatalities) for c in found)
    assert got == [("Nahariyya", 1), ("Safed", 2)], seen(found)


def test_towns_listed_under_one_preposition_stay_one_strike(gaz: Gazetteer) -> None:
    found = events("Russian drones hit targets near Kharkiv, Poltava and Sumy on Tuesday.", gaz)
    assert len(found) == 1 and len(found[0].places) == 3, seen(found)


def test_a_town_with_a_where_clause_is_where_its_strike_hit(gaz: Gazetteer) -> None:
    found = events(
        "Dozens were wounded on Monday, among them in Haifa, where a rocket hit a school.", gaz
    )
    assert [places(c) for c in found] == [["Haifa"]], seen(found)


def test_a_toll_of_the_other_sides_strikes_is_not_added_to_this_one(gaz: Gazetteer) -> None:
    found = events(
        "Hezbollah rockets hit Nahariya on Monday. Lebanese officials said 14 people had been "
        "killed in the Israeli strikes on Monday.",
        gaz,
    )
    hezbollah = [c for c in found if c.actor1 == "Hezbollah"]
    assert [c.fatalities for c in hezbollah] == [0], seen(found)


def test_the_crowd_fired_on_is_where_its_last_named_part_gathered(gaz: Gazetteer) -> None:
    found = events(
        "On Saturday police and soldiers opened fire on protesters and factory workers who had "
        "gathered at the Ashulia plant in Dhaka against the curfew.",
        gaz,
    )
    assert [places(c) for c in found] == [["Dhaka"]], seen(found)


def test_a_victim_read_as_the_apposition_of_a_fronted_place(gaz: Gazetteer) -> None:
    found = events(
        "On Sunday night, in the Tamwe township of Yangon, a teacher who was walking home was "
        "shot dead by soldiers, witnesses said.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1, c.actor2) for c in found] == [
        ("Attack", "Military Forces of Myanmar", "Civilians (Myanmar)")
    ], seen(found)


def test_the_regional_capital_fled_to_is_not_the_countrys_capital(gaz: Gazetteer) -> None:
    found = claims_of(
        "Thousands of residents have fled to Kaya, the regional capital, after gunmen attacked "
        "Barsalogho on Saturday.",
        gaz,
        PUBLISHED,
        ("displacement",),
    )
    assert all("Ouagadougou" not in places(c) for c in found), seen(found)


def test_what_parties_agreed_to_exchange_is_an_agreement(gaz: Gazetteer) -> None:
    found = events(
        "At talks in Doha on Friday, the government and the M23 agreed to exchange 200 prisoners.",
        gaz,
    )
    assert [(c.sub_event_type, places(c)) for c in found] == [("Agreement", ["Doha"])], seen(found)


def test_the_tellers_region_is_not_the_place_of_the_strike(gaz: Gazetteer) -> None:
    found = events(
        "On Monday, as reported by the Kharkiv regional administration, a missile hit a school "
        "in Izium.",
        gaz,
    )
    assert [places(c) for c in found] == [["Izyum"]], seen(found)


def test_an_object_read_as_a_clause_keeps_its_place(gaz: Gazetteer) -> None:
    found = events(
        "On Saturday, a Russian drone struck a bus evacuating civilians on a road near the town "
        "of Vovchansk.",
        gaz,
    )
    assert [places(c) for c in found] == [["Vovchansk"]], seen(found)


def test_storming_a_village_and_killing_its_residents_is_an_attack(gaz: Gazetteer) -> None:
    found = events(
        "Gunmen stormed the village of Solhan on Saturday and went from house to house, killing "
        "20 residents.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Attack"], seen(found)
    assert found[0].actor2.startswith("Civilians"), seen(found)


def test_deaths_during_clashes_tell_the_clashes(gaz: Gazetteer) -> None:
    found = events(
        "On Monday, 12 people died in Cusco during clashes between protesters and police near "
        "the airport, according to the Ombudsman's Office.",
        gaz,
        date(2023, 1, 10),
    )
    assert [(places(c), c.fatalities) for c in found] == [(["Cusco"], 12)], seen(found)


def test_a_measure_for_the_whole_country_is_coded_at_the_country(gaz: Gazetteer) -> None:
    found = events(
        "On Monday the government declared a state of emergency in the whole country after "
        "riots in Cali.",
        gaz,
    )
    assert [(c.sub_event_type, places(c)) for c in found] == [("Other", ["Colombia"])], seen(found)


def test_a_placeless_strike_on_a_neighbours_targets_is_in_that_country(gaz: Gazetteer) -> None:
    found = events(
        "Thai troops clashed with Cambodian soldiers in Surin on Thursday. Later in the day "
        "Thai warplanes struck two Cambodian military targets, the army said.",
        gaz,
        date(2025, 7, 25),
    )
    strikes = [c for c in found if c.sub_event_type == "Air/drone strike"]
    assert [(places(c), c.date) for c in strikes] == [(["Cambodia"], date(2025, 7, 24))], seen(
        found
    )


def test_arrests_the_police_tell_of_themselves_are_news(gaz: Gazetteer) -> None:
    found = events(
        "Gunmen took 20 passengers hostage on a bus in Kumba on Monday. Police units stopped the "
        "bus an hour later, freed the hostages and arrested nine gunmen, the police chief said.",
        gaz,
    )
    arrests = [c for c in found if c.sub_event_type == "Arrests"]
    assert [(c.actor1, places(c)) for c in arrests] == [("Police Forces of Cameroon", ["Kumba"])], (
        seen(found)
    )


def test_a_bridge_blown_up_by_no_named_force_is_an_explosive_attack(gaz: Gazetteer) -> None:
    found = events(
        "Investigators say a road bridge in the Kursk region was blown up late on Saturday and "
        "fell onto a freight train.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Remote explosive/landmine/IED"], seen(found)
    retreat = events(
        "Retreating Ukrainian troops blew up the bridge over the Oskil river near Kupiansk on "
        "Sunday.",
        gaz,
    )
    assert [c.sub_event_type for c in retreat] == ["Looting/property destruction"], seen(retreat)

"""Event recall rules: constructions that told an event without frontwatch coding it."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract._article._context import _article_countries
from frontwatch.geo import Gazetteer
from frontwatch.nlp import sentences
from frontwatch.types import Article, Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday: "Monday" = Dec 2, "Tuesday" = Dec 3


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, ("event", "displacement"), "r1")


def test_a_placeless_act_happens_at_the_last_event_and_on_its_day(gaz: Gazetteer) -> None:
    found = events(
        "Troops clashed with gunmen in Culiacan on Monday, officials said.\n\n"
        "Twenty-one suspects were arrested there.",
        gaz,
    )
    arrests = [c for c in found if c.sub_event_type == "Arrests"]
    assert len(arrests) == 1, seen(found)
    assert [p.name for p in arrests[0].places] == ["Culiacan"], seen(found)
    assert arrests[0].date == date(2024, 12, 2), seen(found)
    assert arrests[0].rule.endswith("/scene")


def test_the_scene_takes_no_war_toll_no_strike_retold_and_no_idle_act(gaz: Gazetteer) -> None:
    found = events(
        "A Russian missile struck a hypermarket in Kharkiv on Saturday, killing 12 people.\n\n"
        "Russia's defence ministry said it had hit a depot where weapons were stored.\n\n"
        "Firefighters battled the blaze for hours.\n\n"
        "The war has killed tens of thousands of people since 2022.",
        gaz,
    )
    assert len(found) == 1, seen(found)


def test_a_partys_own_account_is_not_a_scene_event(gaz: Gazetteer) -> None:
    found = events(
        "JNIM fighters attacked a gendarmerie school in Bamako on Tuesday.\n\n"
        "JNIM said in a statement that its fighters had killed hundreds of soldiers.",
        gaz,
    )
    assert len(found) == 1, seen(found)


def test_arson_by_an_armed_group_is_part_of_its_attack_but_rioters_riot(gaz: Gazetteer) -> None:
    attack = events(
        "Gunmen killed 40 villagers in Tera on Friday, the ministry said.\n\n"
        "The gunmen also set fire to at least 45 houses.",
        gaz,
    )
    assert [c.sub_event_type for c in attack] == ["Attack"], seen(attack)
    riot = events(
        "Police shot dead five protesters in Nairobi on Tuesday.\n\n"
        "Protesters set fire to part of the parliament building.",
        gaz,
    )
    assert "Violent demonstration" in [c.sub_event_type for c in riot], seen(riot)


def test_the_capital_is_the_countrys_capital(gaz: Gazetteer) -> None:
    found = events(
        "Congo's army said that armed men attacked the residence of a senior politician in "
        "the Congolese capital on Sunday.",
        gaz,
    )
    assert [p.name for c in found for p in c.places] == ["Kinshasa"], seen(found)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        (
            "Mexican soldiers captured Ovidio Guzman, a son of the drug lord, in Culiacan on "
            "Thursday.",
            "Arrests",
            None,
        ),
        (
            "Gunmen seized the governor in El Geneina on Wednesday and then killed him.",
            "Attack",
            "Government of Sudan",
        ),
        (
            "Gunmen killed a local journalist in Mogadishu on Monday.",
            "Attack",
            "Civilians (Somalia)",
        ),
    ],
)
def test_people_are_not_ground_and_a_person_killed_is_a_victim(
    gaz: Gazetteer, text: str, sub_event_type: str, actor2: str | None
) -> None:
    found = events(text, gaz)
    assert len(found) == 1, seen(found)
    assert found[0].sub_event_type == sub_event_type, seen(found)
    if actor2 is not None:
        assert found[0].actor2 == actor2, seen(found)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "place"),
    [
        (
            "A drone strike killed at least 26 people in Finote Selam on Sunday.",
            "Air/drone strike",
            "Finote Selam",
        ),
        ("Fighting was reported around the town of Hsenwi on Monday.", "Armed clash", "Hsenwi"),
        ("Gunfire was heard in Kidal on Monday night.", "Armed clash", "Kidal"),
        (
            "On Monday, five people died as a result of an air strike on the village of Kafr Nabl.",
            "Air/drone strike",
            "Kafranbel",
        ),
        (
            "On Monday, as a result of shelling by the Ukrainian Armed Forces, a civilian died in "
            "Donetsk, the city administration said.",
            "Shelling/artillery/missile attack",
            "Donetsk",
        ),
        (
            "At least 112 Palestinians were killed and more than 760 wounded on Thursday when "
            "troops opened fire as crowds rushed an aid convoy in Gaza City.",
            "Attack",
            "Gaza",
        ),
        ("Militants led an attack on an army post in Kidal on Monday.", "Armed clash", "Kidal"),
        (
            "The RSF announced on Monday the capture of the city of Wad Madani.",
            "Non-state actor overtakes territory",
            "Wad Medani",
        ),
        (
            "Rescuers recovered more than 100 bodies in Be'eri, a kibbutz that Hamas fighters "
            "overran on Saturday.",
            "Non-state actor overtakes territory",
            "Be'eri",
        ),
        (
            "Militiamen exchanged rocket and machine-gun fire with soldiers in Tripoli on Monday.",
            "Armed clash",
            "Tripoli",
        ),
        (
            "Protesters stormed the parliament in Nairobi on Tuesday.",
            "Violent demonstration",
            "Nairobi",
        ),
    ],
)
def test_constructions_that_tell_an_event(
    gaz: Gazetteer, text: str, sub_event_type: str, place: str
) -> None:
    found = events(text, gaz)
    assert [(c.sub_event_type, [p.name for p in c.places]) for c in found] == [
        (sub_event_type, [place])
    ], seen(found)


def test_a_relative_clause_without_this_weeks_day_stays_background(gaz: Gazetteer) -> None:
    assert events("Bakhmut, a town that Wagner fighters captured in May 2023, is quiet.", gaz) == []


def test_a_truce_announced_is_no_event_of_announcing(gaz: Gazetteer) -> None:
    found = events("Myanmar's junta announced a temporary ceasefire on Wednesday.", gaz)
    assert all(c.rule != "agreement-in-force/casualty-noun" for c in found), seen(found)


def test_displaced_people_fled_from_the_scene(gaz: Gazetteer) -> None:
    found = events(
        "Gang members killed 70 people in Saint-Marc on Thursday.\n\n"
        "The UN migration agency said more than 6,000 residents fled, most of them to Gonaives.",
        gaz,
    )
    moves = [c for c in found if c.kind == "displacement"]
    assert len(moves) == 1, seen(found)
    assert [p.name for p in moves[0].places] == ["Saint-Marc"], seen(found)


def test_strikes_reported_in_towns_refine_the_strikes_told_across_the_country(
    gaz: Gazetteer,
) -> None:
    found = events(
        "American warships struck Houthi targets across Yemen on Friday.\n\n"
        "Strikes were reported near Sanaa, Hodeidah and Taiz.",
        gaz,
    )
    assert len(found) == 1, seen(found)


def test_hostages_taken_elsewhere_were_seized_at_the_scene(gaz: Gazetteer) -> None:
    found = events(
        "Gunmen attacked the town of Kidal on Saturday, shooting residents.\n\n"
        "Dozens of people were taken into Algeria as hostages, according to residents.",
        gaz,
    )
    taken = [c for c in found if c.sub_event_type == "Abduction/forced disappearance"]
    assert [p.name for c in taken for p in c.places] == ["Kidal"], seen(found)


def test_congo_in_a_report_on_the_east_is_the_drc(gaz: Gazetteer) -> None:
    found = events(
        "M23 fighters clashed with the army in eastern Congo on Tuesday, residents said.\n\n"
        "Congo's government accused Rwanda of backing the rebels.",
        gaz,
    )
    assert found, seen(found)
    assert [p.country for c in found for p in c.places] == ["CD"], seen(found)
    assert found[0].actor2 == "Military Forces of the Democratic Republic of Congo", seen(found)


def test_a_town_the_gazetteer_lacks_named_by_an_apposition_keeps_name_and_area(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Gunmen killed nine farmers in Mbokolongo, a village in Ituri province, on Monday, "
        "the army said.",
        gaz,
    )
    places = [p for c in found for p in c.places]
    assert [p.name for p in places] == ["Mbokolongo"], seen(found)
    assert (places[0].country, places[0].admin1, places[0].geo_precision) == ("CD", "Ituri", 3)
    assert places[0].lat is not None and places[0].method == "unresolved"


def test_the_town_of_a_two_word_name_is_not_its_first_word(gaz: Gazetteer) -> None:
    found = events(
        "Militiamen killed 30 civilians in the town of Mai Tsebri Kola in Tigray on Monday, "
        "the commission said.",
        gaz,
    )
    assert [p.name for c in found for p in c.places] == ["Mai Tsebri Kola"], seen(found)
    assert found[0].places[0].country == "ET", seen(found)


def test_a_village_name_the_tagger_reads_as_a_verb_and_a_person_stays_a_place(
    gaz: Gazetteer,
) -> None:
    # spaCy tags "Let" a verb and "Pan Hla" a person; "Let Pan" alone is a Yangon quarter
    for text in (
        "Myanmar soldiers burned houses in Let Pan Hla village on Sunday, residents said.",
        "Myanmar jets bombed Let Pan Hla, a village in Sagaing region, on Sunday.",
    ):
        found = events(text, gaz)
        assert [p.name for c in found for p in c.places] == ["Let Pan Hla"], seen(found)
        assert found[0].places[0].country == "MM", seen(found)


def test_a_village_in_a_known_town_is_placed_at_the_town_with_precision_2(
    gaz: Gazetteer,
) -> None:
    found = events(
        "A drone struck a wedding in Dar Kolo, in the Igabi area of Kaduna State, on Sunday, "
        "killing 30 people, officials said.",
        gaz,
    )
    (place,) = [p for c in found for p in c.places]
    igabi = gaz.resolve("Igabi", countries=("NG",))
    assert igabi is not None and (place.lat, place.lon) == (igabi.lat, igabi.lon), seen(found)
    assert (place.name, place.geo_precision, place.method) == ("Dar Kolo", 2, "unresolved")


def test_a_demonym_before_a_place_noun_is_not_a_village(gaz: Gazetteer) -> None:
    found = events(
        "A missile hit the Ukrainian city of Uman on Friday, killing 23 people, officials said.",
        gaz,
    )
    assert [p.name for c in found for p in c.places] == ["Uman"], seen(found)


def test_a_name_tagged_across_in_leaves_the_town_after_in(gaz: Gazetteer) -> None:
    # spaCy tags "Galle Face Green in Colombo" one organisation (and "Face" a verb)
    found = events(
        "Government supporters attacked protesters camped on Galle Face Green in Colombo on "
        "Monday, police said.",
        gaz,
    )
    assert [p.name for c in found for p in c.places] == ["Colombo"], seen(found)


def test_homes_blown_up_in_two_towns_are_two_demolitions_a_lorry_blowing_up_none(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Troops blew up the houses of two militants, one in Sopore and one in Kupwara, on "
        "Monday night, residents said.",
        gaz,
    )
    assert [(c.sub_event_type, [p.name for p in c.places]) for c in found] == [
        ("Looting/property destruction", ["Sopur"]),
        ("Looting/property destruction", ["Kupwara"]),
    ], seen(found)
    blast = events("A fuel lorry blew up on a bridge near Kerch on Saturday.", gaz)
    assert "Looting/property destruction" not in [c.sub_event_type for c in blast], seen(blast)


def test_a_group_withdrawing_its_claim_gives_up_no_ground(gaz: Gazetteer) -> None:
    found = events("The group withdrew its claim for the attack in Sopore on Tuesday.", gaz)
    assert not [c for c in found if c.sub_event_type == "Non-violent transfer of territory"]


def test_troops_of_two_demonyms_exchanging_fire_are_both_sides(gaz: Gazetteer) -> None:
    found = events(
        "Indian and Pakistani troops exchanged fire near Uri on Thursday night, officials said.",
        gaz,
    )
    assert [(c.actor1, c.actor2) for c in found] == [
        ("Military Forces of India", "Military Forces of Pakistan")
    ], seen(found)


def test_a_namesake_abroad_described_as_a_local_district_is_the_local_place(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Separatists burned a plane at the airstrip of Paro, a remote district in Papua "
        "province, on Tuesday, police said.",
        gaz,
    )
    paro = [p for c in found for p in c.places if p.spelled == "Paro"]
    assert paro and paro[0].country == "ID" and paro[0].name == "Paro", seen(found)


def test_a_sentence_opening_in_a_town_the_gazetteer_lacks_is_its_scene(gaz: Gazetteer) -> None:
    found = events(
        "In Nittambuwa, north of the capital, a lawmaker opened fire on a crowd on Monday, "
        "killing a man, Sri Lankan police said.",
        gaz,
    )
    assert [p.name for c in found for p in c.places] == ["Nittambuwa"], seen(found)
    assert found[0].places[0].country == "LK", seen(found)


def test_a_campaign_since_months_ago_does_not_date_the_days_undated_events(
    gaz: Gazetteer,
) -> None:
    found = events(
        "The prime minister resigned on Monday, his office said.\n\n"
        "The army was deployed and a nationwide curfew was imposed in Sri Lanka.\n\n"
        "Protesters have demanded the president's resignation since March.",
        gaz,
    )
    assert found and all(c.date == date(2024, 12, 2) for c in found), seen(found)


def test_a_village_in_a_quarter_of_the_country_keeps_its_name(gaz: Gazetteer) -> None:
    found = events(
        "Rioters set fire to the house of a Sri Lankan minister in Weeraketiya in the south "
        "on Monday, police said.",
        gaz,
    )
    assert "Weeraketiya" in [p.name for c in found for p in c.places], seen(found)


def test_security_forces_facing_protesters_are_police_and_a_national_guard_is_local(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Security forces fired tear gas at protesters in Mashhad on Saturday, Iranian media "
        "reported.",
        gaz,
    )
    assert [c.actor2 for c in found] == ["Police Forces of Iran"], seen(found)
    guard = events(
        "National Guard troops fired tear gas at protesters in Valencia, Venezuela, on Monday.",
        gaz,
    )
    assert [c.actor2 for c in guard] == ["Military Forces of Venezuela"], seen(guard)


def test_a_town_taken_in_an_offensive_against_a_group_is_taken_from_that_group(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Turkish troops captured the town of Suluk in northern Syria on Saturday, four days "
        "into an offensive against the Syrian Democratic Forces, Turkish officials said.",
        gaz,
    )
    # (a state's forces abroad regain territory: the corpus README rule)
    taken = [c for c in found if c.sub_event_type == "Government regains territory"]
    assert [c.actor2 for c in taken] == ["Syrian Democratic Forces"], seen(found)


def test_a_hyphened_capital_counts_and_a_persons_name_is_no_town(gaz: Gazetteer) -> None:
    # "Port-au-Prince" is five tokens; "Charles" (a police chief) is also a US town's name
    article = Article(
        id="r1",
        origin="r.txt",
        title="",
        text="Gunmen attacked a police station on Monday and killed two Haitian officers, "
        "police chief Leon Charles told reporters in Port-au-Prince. A wounded officer "
        "was flown to Miami.",
        published=PUBLISHED,
    )
    countries = _article_countries(article, sentences(article), gaz)
    assert countries[0] == "HT", countries


def test_migrants_killed_are_civilians_of_their_own_country_or_international(
    gaz: Gazetteer,
) -> None:
    found = events(
        "An air strike hit a shelter for migrants near Misrata on Monday, killing 20 migrants.",
        gaz,
    )
    assert [c.actor2 for c in found] == ["Civilians (International)"], seen(found)
    found = events(
        "An air strike hit a shelter for migrants near Misrata on Monday, killing 20 migrants. "
        "Most of the migrants were Sudanese, aid workers said.",
        gaz,
    )
    assert [c.actor2 for c in found] == ["Civilians (Sudan)"], seen(found)


def test_a_head_of_government_acts_for_the_government(gaz: Gazetteer) -> None:
    found = events(
        "Acting Prime Minister Mara Tavel declared a state of emergency in Haiti on Monday.",
        gaz,
    )
    assert [c.actor1 for c in found] == ["Government of Haiti"], seen(found)


def test_supporters_attacking_protesters_are_a_mob(gaz: Gazetteer) -> None:
    found = events(
        "Hundreds of government supporters attacked anti-government protesters outside the "
        "parliament in Colombo on Monday.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Mob violence", "Rioters (Sri Lanka)")
    ], seen(found)

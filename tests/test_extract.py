"""Claim extraction on short invented sentences (frontwatch.pipeline.claims_for)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of

PUBLISHED = date(2024, 12, 6)  # a Friday: "Monday" = Dec 2, "Tuesday" = Dec 3


def claims(text: str, gaz: Gazetteer, published: date = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published, article_id="t1")


def events_of(found: list[Claim]) -> list[Claim]:
    return [c for c in found if c.kind == "event"]


def only_event(text: str, gaz: Gazetteer, published: date = PUBLISHED) -> Claim:
    """The single event claim the text yields (fails, showing every claim, otherwise)."""
    found = claims(text, gaz, published)
    evs = events_of(found)
    assert len(evs) == 1, describe(found)
    return evs[0]


def describe(found: list[Claim]) -> list[tuple[object, ...]]:
    return [
        (
            c.kind,
            c.sub_event_type,
            c.actor1,
            [p.name for p in c.places],
            c.date,
            c.fatalities,
            c.fatalities_basis,
        )
        for c in found
    ]


def test_rebel_capture_attributed_to_sohr_is_one_territory_event(gaz: Gazetteer) -> None:
    c = only_event(
        "Rebels captured the town of Saraqib on Monday, "
        "the Syrian Observatory for Human Rights said.",
        gaz,
    )
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert c.actor1 == "Syrian opposition (HTS-led)"
    assert [p.name for p in c.places] == ["Saraqib"]
    assert [s.name for s in c.sources] == ["Syrian Observatory for Human Rights"]
    assert c.date == date(2024, 12, 2)


def test_vow_to_retake_is_a_statement_not_an_event(gaz: Gazetteer) -> None:
    found = claims("The army vowed to retake the town of Saraqib.", gaz)
    assert [c.kind for c in found] == ["statement"], describe(found)


def test_denied_fall_of_town_is_not_an_event(gaz: Gazetteer) -> None:
    found = claims("The army denied that the town of Saraqib had fallen.", gaz)
    assert events_of(found) == [], describe(found)


def test_airstrike_takes_lowest_reported_death_toll(gaz: Gazetteer) -> None:
    c = only_event(
        "Russian warplanes struck the town of Idlib on Tuesday, killing at least 7 civilians "
        "and wounding 12, while medics said 9 died.",
        gaz,
    )
    assert c.sub_event_type == "Air/drone strike"
    assert c.actor1 == "Military Forces of Russia"
    assert c.fatalities == 7
    assert c.fatalities_basis == "reported"


def test_dozens_killed_in_shelling_counts_twelve_vague(gaz: Gazetteer) -> None:
    c = only_event("Dozens were killed in shelling of Saraqib.", gaz)
    assert c.sub_event_type == "Shelling/artillery/missile attack"
    assert c.fatalities == 12
    assert c.fatalities_basis == "vague"


def test_historical_year_does_not_date_an_event(gaz: Gazetteer) -> None:
    found = claims(
        "Rebels captured the town of Saraqib on Monday, the Syrian Observatory for Human "
        "Rights said. The town was first captured in 2016.",
        gaz,
    )
    evs = events_of(found)
    assert evs, describe(found)
    for c in evs:
        assert c.date is None or c.date.year != 2016, describe(found)
        assert c.date_end is None or c.date_end.year != 2016, describe(found)


# rules beyond the seed: casualty nouns, words inside trigger phrases, possessive forces
FEB_18 = date(2024, 2, 18)  # a Sunday: "Friday" = Feb 16, "Monday" = Feb 12


def test_event_noun_as_subject_of_killed_is_the_event(gaz: Gazetteer) -> None:
    c = only_event(
        "A Russian missile strike on Kharkiv killed at least 3 people on Friday.", gaz, FEB_18
    )
    assert c.sub_event_type == "Shelling/artillery/missile attack"
    assert c.actor1 == "Military Forces of Russia"
    assert c.places[0].country == "UA"
    assert (c.fatalities, c.fatalities_basis) == (3, "reported")
    assert c.date == date(2024, 2, 16)


def test_words_inside_take_control_of_still_trigger(gaz: Gazetteer) -> None:
    c = only_event(
        "Rapid Support Forces fighters took full control of Wad Madani on Monday.", gaz, FEB_18
    )
    assert c.sub_event_type == "Non-state actor overtakes territory"
    assert c.actor1 == "Rapid Support Forces"
    assert c.actor2 == "Military Forces of Sudan"


def test_its_forces_belong_to_the_speaker(gaz: Gazetteer) -> None:
    c = only_event(
        "Russia's Defence Ministry said on Saturday that its forces had taken control of "
        "Avdiivka in eastern Ukraine.",
        gaz,
        FEB_18,
    )
    assert c.actor1 == "Military Forces of Russia"
    assert c.sources[0].name == "Russian Defence Ministry"


def test_a_place_inside_a_compound_adjective_is_not_the_event_place(gaz: Gazetteer) -> None:
    text = (
        "Rebels advance\n\n"
        "Rebels captured Saraqib on Friday. By Saturday they had seized the citadel and the "
        "airport, according to the Britain-based monitor."
    )
    found = events_of(claims(text, gaz))
    assert found, "the capture is read"
    assert all(p.country != "GB" for c in found for p in c.places), describe(found)


def test_the_town_refers_to_the_war_town_not_where_a_leader_spoke(gaz: Gazetteer) -> None:
    text = (
        "Troops leave Avdiivka\n\n"
        "Ukrainian troops withdrew from Avdiivka in Donetsk region on Saturday.\n\n"
        "Speaking in Munich, the Ukrainian president said the decision saved lives. "
        "Russian forces shelled villages west of the town on Saturday, Ukraine's army said."
    )
    found = events_of(claims(text, gaz))
    assert found, describe(found)
    assert all(p.country == "UA" for c in found for p in c.places), describe(found)


def test_a_generic_word_inside_a_place_name_is_no_actor(gaz: Gazetteer) -> None:
    from frontwatch.actors import actor_table

    assert actor_table().resolve("Taybat al-Imam", "SY", None) is None
    assert actor_table().resolve("Residents of Homs", "SY", None) is not None


def test_they_takes_the_armed_actor_of_the_previous_event(gaz: Gazetteer) -> None:
    text = (
        "Rebels advance\n\n"
        "Hayat Tahrir al-Sham fighters seized the town of Saraqib on Thursday. "
        "On Friday they captured Taybat al-Imam, north of Hama."
    )
    found = events_of(claims(text, gaz))
    taybat = [c for c in found if any("Taybat" in p.spelled for p in c.places)]
    assert len(taybat) == 1, describe(found)
    assert taybat[0].actor1 == "Syrian opposition (HTS-led)"
    assert taybat[0].actor2 == "Military Forces of Syria"


def test_a_pronoun_speaker_is_the_last_named_speaker(gaz: Gazetteer) -> None:
    text = (
        "Army vows to fight on\n\n"
        "The Sudanese army vowed to retake Wad Madani within weeks. "
        "It also promised to protect civilians in Gezira state."
    )
    found = [c for c in claims(text, gaz) if c.kind == "statement"]
    promise = [c for c in found if c.trigger == "promised"]
    assert len(promise) == 1, describe(found)
    assert promise[0].actor1 == "Military Forces of Sudan", describe(found)


def test_state_forces_abroad_and_at_home_regain_territory(gaz: Gazetteer) -> None:
    from frontwatch.actors import actor_info, inter_at

    ukraine, russia = (
        actor_info("Military Forces of Ukraine"),
        actor_info("Military Forces of Russia"),
    )
    assert ukraine is not None and russia is not None
    assert (inter_at(ukraine, "UA"), inter_at(ukraine, "RU")) == (1, 8)
    assert (inter_at(russia, "RU"), inter_at(russia, "SY")) == (1, 8)
    abroad = only_event(
        "Sudzha taken\n\nUkrainian forces took control of the Russian town of Sudzha on Thursday.",
        gaz,
    )
    # the corpus coding rule (README): a state's forces taking a place from another state,
    # at home or abroad, regain territory (the inter code stays 8 abroad)
    assert abroad.sub_event_type == "Government regains territory"
    assert abroad.actor2 == "Military Forces of Russia"
    home = only_event(
        "Sudzha retaken\n\nRussian forces recaptured the town of Sudzha in Kursk region on Tuesday.",
        gaz,
    )
    assert home.sub_event_type == "Government regains territory"


def test_words_of_an_actor_name_do_not_set_the_reports_country(gaz: Gazetteer) -> None:
    text = (
        "Siege goes on\n\n"
        "The Rapid Support Forces shelled El Fasher on Friday. The Rapid Support Forces "
        "also shelled a camp nearby. The army said it clashed with the RSF on the edges of the city on "
        "Saturday."
    )
    found = events_of(claims(text, gaz))
    clash = [c for c in found if c.trigger == "clashed"]
    assert len(clash) == 1 and clash[0].actor1 == "Military Forces of Sudan", describe(found)


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("Russian troops are now 8 km from Pokrovsk, the institute said.", True),
        ("Rebels were within 10 km of Homs on Friday.", True),
        ("The village of Selydove is 8 km from Pokrovsk.", False),
        ("The hospital is on the outskirts of Pokrovsk.", False),
    ],
)
def test_an_armed_actor_n_km_from_a_town_is_a_front_position(
    text: str, front: bool, gaz: Gazetteer
) -> None:
    found = [c for c in claims(text, gaz) if c.kind == "front_position"]
    assert bool(found) is front, describe(claims(text, gaz))
    if front:
        assert found[0].actor1 and found[0].places[0].geo_precision == 2


def test_an_auxiliary_is_no_trigger() -> None:
    from frontwatch.extract._article import _find_triggers
    from frontwatch.nlp import load_pipeline

    doc = load_pipeline()("Rebel fighters were shelling the town of Saraqib.")
    assert [t.text for t, _rule, _how in _find_triggers(doc[:])] == ["shelling"]


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        (
            "Gunmen stormed the village of Kurmin Masara in Nigeria on Sunday, killing 20 residents.",
            "Attack",
            "Civilians (Nigeria)",
        ),
        (
            "Gunmen stormed a church in Owo in Nigeria on Sunday, killing 40 worshippers.",
            "Attack",
            "Civilians (Nigeria)",
        ),
        (
            "Bandits stormed a mosque in Owo in Nigeria on Sunday, abducting 30 worshippers.",
            "Abduction/forced disappearance",
            "Civilians (Nigeria)",
        ),
        (
            "Rebels stormed the town of Saraqib on Sunday.",
            "Non-state actor overtakes territory",
            "Military Forces of Syria",
        ),
    ],
)
def test_storming_is_coded_by_who_was_hit(
    text: str, sub_event_type: str, actor2: str, gaz: Gazetteer
) -> None:
    e = only_event(text, gaz)
    assert (e.sub_event_type, e.actor2) == (sub_event_type, actor2), describe([e])


def test_who_killed_in_an_ambush_did_the_ambush(gaz: Gazetteer) -> None:
    e = only_event("Troops killed 15 bandits in an ambush near Faskari in Nigeria on Sunday.", gaz)
    assert (e.sub_event_type, e.actor1, e.actor2, e.fatalities) == (
        "Armed clash",
        "Military Forces of Nigeria",
        "Unidentified Armed Group (Nigeria)",
        15,
    )


def test_a_group_named_before_its_descriptor_keeps_its_name(gaz: Gazetteer) -> None:
    e = only_event(
        "Ethiopian federal forces clashed with Fano militiamen near Bahir Dar on Tuesday.", gaz
    )
    assert e.kind == "event" and e.sub_event_type == "Armed clash"  # fighting near a town
    assert (e.actor1, e.actor2) == ("Military Forces of Ethiopia", "Fano Militia")
    assert [p.name for p in e.places] == ["Bahir Dar"]  # not Fano, Italy
    e = only_event(
        "Al-Shabaab fighters attacked an army base near Jowhar in Somalia on Monday.", gaz
    )
    assert e.actor1 == "Al Shabaab"  # the table's name
    # a group the actor table lacks keeps the name the report gives it
    e = only_event("Ansaru fighters attacked an army base near Kaduna in Nigeria on Monday.", gaz)
    assert (e.actor1, e.actor2) == ("Ansaru", "Military Forces of Nigeria")
    e = only_event("Syrian rebels shelled the town of Saraqib on Monday.", gaz)
    assert e.actor1 == "Syrian opposition (HTS-led)"


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("ISWAP militants", "NG", "Islamic State West Africa Province (ISWAP)"),
        ("the army", "ET", "Military Forces of Ethiopia"),
        ("gang members", "HT", "Unidentified Armed Group (Haiti)"),
        ("ELN rebels", "CO", "ELN (National Liberation Army)"),
        ("the Pakistani Taliban", "PK", "TTP (Tehreek-i-Taliban Pakistan)"),
        ("Azerbaijani troops", "AM", "Military Forces of Azerbaijan"),
        ("the White Army", "SS", "White Army (Nuer Ethnic Militia)"),
    ],
)
def test_actors_of_other_conflicts(phrase: str, country: str, name: str) -> None:
    from frontwatch.actors import actor_table

    info = actor_table().resolve(phrase, country)
    assert info is not None and info.name == name


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "actor2", "place"),
    [
        (
            "Police fired tear gas at students protesting in Dhaka on Sunday.",
            "Protest with intervention",
            "Protesters (Bangladesh)",
            "Police Forces of Bangladesh",
            "Dhaka",
        ),
        (
            "Police fired tear gas at protesters in Nairobi on Sunday, killing two.",
            "Excessive force against protesters",
            "Protesters (Kenya)",
            "Police Forces of Kenya",
            "Nairobi",
        ),
        (
            "Police in Dhaka opened fire on students protesting against job quotas on Sunday.",
            "Excessive force against protesters",
            "Protesters (Bangladesh)",
            "Police Forces of Bangladesh",
            "Dhaka",
        ),
        (
            "Angry residents set fire to a police station in Dhaka on Sunday.",
            "Violent demonstration",
            "Rioters (Bangladesh)",
            "Police Forces of Bangladesh",  # the police whose station burned (actor2)
            "Dhaka",
        ),
        (
            "A roadside bomb exploded near an army convoy in North Waziristan in Pakistan on"
            " Sunday, killing four soldiers.",
            "Remote explosive/landmine/IED",
            "Unidentified Armed Group (Pakistan)",
            "Military Forces of Pakistan",
            "North Waziristan District",
        ),
    ],
)
def test_protests_riots_and_unknown_bombers(
    text: str, sub_event_type: str, actor1: str, actor2: str, place: str, gaz: Gazetteer
) -> None:
    e = only_event(text, gaz)
    got = (e.sub_event_type, e.actor1, e.actor2, [p.name for p in e.places])
    assert got == (sub_event_type, actor1, actor2, [place]), describe([e])


def test_the_government_and_blame_disputed_by_an_unnamed_army(gaz: Gazetteer) -> None:
    e = only_event(
        "The government signed a peace agreement with the rebels in Addis Ababa in Ethiopia on"
        " Sunday.",
        gaz,
    )
    assert (e.sub_event_type, e.actor1) == ("Agreement", "Government of Ethiopia")
    text = (
        "Two grenades exploded at a rally in Bukavu in Congo on Thursday, killing 11 people.\n\n"
        "The rebel leader blamed Congo's government. The president's office said a foreign army"
        " present in the east was responsible."
    )
    (e,) = events_of(claims(text, gaz))
    assert e.actor1 == "Unidentified Armed Group (Democratic Republic of Congo)", describe([e])


def test_a_ship_seized_is_no_territory(gaz: Gazetteer) -> None:
    found = claims("Houthi forces seized a commercial ship off Hodeidah in Yemen on Sunday.", gaz)
    assert not [c for c in found if c.sub_event_type.endswith("territory")], describe(found)


def test_repeated_strikes_are_a_summary_not_an_event(gaz: Gazetteer) -> None:
    found = claims("Odesa has come under repeated strikes since the start of the month.", gaz)
    assert not events_of(found), describe(found)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "places"),
    [
        (
            "The Sudanese army regained control of the presidential palace in Khartoum on Friday.",
            "Government regains territory",
            "Military Forces of Sudan",
            ["Khartoum"],
        ),
        (
            "Clashes between two rival clans near Dhusamareb in Somalia left 20 dead on Friday.",
            "Armed clash",
            "Unidentified Clan Militia (Somalia)",
            ["Dhuusamarreeb"],
        ),
        (
            "Hundreds of Palestinians marched in Ramallah on Friday in solidarity with Gaza.",
            "Peaceful protest",
            "Protesters (Palestine)",
            ["Ramallah"],
        ),
    ],
)
def test_regained_control_clans_and_solidarity(
    text: str, sub_event_type: str, actor1: str, places: list[str], gaz: Gazetteer
) -> None:
    e = only_event(text, gaz)
    assert (e.sub_event_type, e.actor1, [p.name for p in e.places]) == (
        sub_event_type,
        actor1,
        places,
    ), describe([e])


def test_a_dateline_without_a_date_is_parsed_apart(gaz: Gazetteer) -> None:
    text = (
        "WAD MADANI, Sudan (Kestrel Press) - The Rapid Support Forces took control of Wad"
        " Madani on Monday.\n\nAn RSF commander said the group had pulled its fighters out."
    )
    (e,) = events_of(claims(text, gaz))
    assert (e.actor1, e.actor2) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_a_capture_told_with_a_withdrawal_takes_the_withdrawer_as_opponent(gaz: Gazetteer) -> None:
    text = (
        "Sudanese army troops regained control of Wad Medani yesterday, the army said.\n\n"
        "The Rapid Support Forces said they had pulled their fighters out of the city."
    )
    (e,) = events_of(claims(text, gaz))
    assert e.actor1 == "Military Forces of Sudan" and e.actor2 != e.actor1, describe([e])


def test_the_group_is_the_speakers_group(gaz: Gazetteer) -> None:
    text = (
        "Sudanese army troops regained control of Wad Medani yesterday, the army said.\n\n"
        "An RSF commander said the group had pulled its fighters out of the city."
    )
    (e,) = events_of(claims(text, gaz))
    assert (e.actor1, e.actor2) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_a_state_named_as_attacker_attacks_with_its_forces(gaz: Gazetteer) -> None:
    e = only_event("Russia launched around 40 missiles at Kyiv on Monday, officials said.", gaz)
    assert e.actor1 == "Military Forces of Russia", describe([e])


def test_pushed_to_the_outskirts_after_a_dash_dateline_is_a_front(gaz: Gazetteer) -> None:
    text = "HOMS, Syria – Opposition fighters pushed to the northern outskirts of Homs on Saturday."
    found = claims(text, gaz)
    assert not events_of(found), describe(found)  # no capture of Homs
    (front,) = [c for c in found if c.kind == "front_position"]
    assert front.actor1 == "Syrian opposition (HTS-led)" and front.places[0].name == "Homs"


def test_a_governor_declaring_an_emergency_is_the_government_in_his_region(gaz: Gazetteer) -> None:
    e = only_event(
        "The acting governor of Kursk region, Alexei Smirnov, declared a state of emergency on"
        " Wednesday.",
        gaz,
    )
    assert (e.sub_event_type, e.actor1, e.places[0].name) == (
        "Other",
        "Government of Russia",
        "Kursk Oblast",
    ), describe([e])


def test_bandits_storming_a_village_shooting_residents_attack_civilians(gaz: Gazetteer) -> None:
    e = only_event(
        "Bandits stormed Faskari in Katsina state in Nigeria on Saturday night, shooting"
        " residents and setting houses on fire.",
        gaz,
    )
    assert (e.sub_event_type, e.actor2, [p.name for p in e.places]) == (
        "Attack",
        "Civilians (Nigeria)",
        ["Faskari"],
    ), describe([e])


def test_residents_leaving_a_town_are_civilians_of_its_country(gaz: Gazetteer) -> None:
    text = "Russian forces near Pokrovsk\n\nThousands of residents have left Pokrovsk in Ukraine."
    (d,) = [c for c in claims(text, gaz) if c.kind == "displacement"]
    assert d.actor1 == "Civilians (Ukraine)"


def test_a_ground_operation_or_incursion_is_a_clash(gaz: Gazetteer) -> None:
    e = only_event(
        "Ukrainian forces launched an incursion into Russia's Kursk region on Tuesday.", gaz
    )
    assert (e.sub_event_type, e.actor1, e.places[0].name) == (
        "Armed clash",
        "Military Forces of Ukraine",
        "Kursk Oblast",
    )


def test_a_gerund_subject_is_the_event(gaz: Gazetteer) -> None:
    e = only_event("Fighting between the army and the RSF continued in Omdurman on Tuesday.", gaz)
    assert (e.sub_event_type, e.actor1, e.actor2, e.places[0].name) == (
        "Armed clash",
        "Military Forces of Sudan",
        "Rapid Support Forces",
        "Omdurman",
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities"),
    [
        (
            "A mob lynched a man accused of blasphemy in Swat in Pakistan on Tuesday.",
            "Mob violence",
            1,
        ),
        ("Gunmen assassinated a local chief in Beni in Congo on Tuesday.", "Attack", 1),
        (
            "Government forces used chlorine gas against rebels in Douma in Syria on Tuesday.",
            "Chemical weapon",
            0,
        ),
    ],
)
def test_killing_verbs_count_their_victims_and_chlorine_is_a_chemical_weapon(
    text: str, sub_event_type: str, fatalities: int, gaz: Gazetteer
) -> None:
    e = only_event(text, gaz)
    assert (e.sub_event_type, e.fatalities) == (sub_event_type, fatalities), describe([e])


def test_the_settlement_of_x_is_a_place(gaz: Gazetteer) -> None:
    e = only_event(
        "Russian forces took control of the settlement of Novohrodivka in Ukraine on Tuesday.", gaz
    )
    assert (e.sub_event_type, e.places[0].name) == (
        "Government regains territory",  # a state's forces abroad (corpus README rule)
        "Novohrodivka",
    )

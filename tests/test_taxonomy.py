"""The whole ACLED taxonomy from data/triggers.yaml: one short sentence per sub-event type
(written by the frontwatch team), plus ACLED's derived columns."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.extract._tables import triggers
from frontwatch.geo import Gazetteer
from frontwatch.outputs import acled_row
from frontwatch.outputs._acled import civilian_targeting, disorder_type
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim, Event

ACLED_SUB_TYPES = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}

ONE_PER_SUB_TYPE = [
    ("Armed clash", "Government troops clashed with rebels in the town of Saraqib on Monday."),
    ("Government regains territory", "The Syrian army recaptured the town of Saraqib on Monday."),
    ("Non-state actor overtakes territory", "Rebels captured the town of Saraqib on Monday."),
    (
        "Chemical weapon",
        "Government forces carried out a chemical attack on the town of Douma on Monday.",
    ),
    ("Air/drone strike", "Russian warplanes bombed the town of Saraqib on Monday."),
    (
        "Suicide bomb",
        "A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing 5 soldiers.",
    ),
    ("Shelling/artillery/missile attack", "Russian forces shelled the city of Kharkiv on Monday."),
    (
        "Remote explosive/landmine/IED",
        "A roadside bomb exploded near a police patrol in Kirkuk on Monday.",
    ),
    ("Grenade", "Unidentified gunmen threw a grenade at a market in Goma on Monday."),
    ("Sexual violence", "RSF fighters raped women in the town of El Geneina on Monday."),
    ("Attack", "Gunmen killed 12 villagers in the town of Djibo on Monday."),
    (
        "Abduction/forced disappearance",
        "Gunmen abducted 20 students in the town of Kaduna on Monday.",
    ),
    ("Peaceful protest", "Hundreds of people protested in Khartoum on Monday against the war."),
    (
        "Protest with intervention",
        "Police dispersed protesters with tear gas in Khartoum on Monday.",
    ),
    (
        "Excessive force against protesters",
        "Security forces opened fire on protesters in Khartoum on Monday, killing 4.",
    ),
    (
        "Violent demonstration",
        "Protesters threw stones at police and burned tyres in Khartoum on Monday.",
    ),
    ("Mob violence", "A mob lynched two men accused of theft in the town of Goma on Monday."),
    ("Agreement", "The army and the RSF signed a ceasefire agreement in Jeddah on Monday."),
    ("Arrests", "Police arrested 15 activists in Khartoum on Monday."),
    (
        "Change to group/activity",
        "The president dismissed the army chief of staff in Khartoum on Monday.",
    ),
    ("Disrupted weapons use", "Ukrainian air defences shot down 20 drones over Kyiv on Monday."),
    (
        "Headquarters or base established",
        "Wagner fighters established a base in the town of Kidal on Monday.",
    ),
    (
        "Looting/property destruction",
        "RSF fighters looted the market in the town of Nyala on Monday.",
    ),
    (
        "Non-violent transfer of territory",
        "The army handed over control of the town of Kidal to Malian forces on Monday.",
    ),
    ("Other", "The authorities imposed a curfew in Khartoum on Monday."),
]

MORE_CASES = [
    ("Armed clash", "Clashes erupted between the army and the RSF in Omdurman on Monday."),
    ("Attack", "An attack by gunmen on a village near Djibo killed 15 civilians on Monday."),
    (
        "Air/drone strike",
        "An Israeli airstrike hit a house in Khan Younis on Monday, killing 6 people.",
    ),
    ("Air/drone strike", "A drone strike hit a market in the town of Saraqib on Monday."),
    (
        "Shelling/artillery/missile attack",
        "Russian missiles destroyed a power plant in Kharkiv on Monday.",
    ),
    (
        "Abduction/forced disappearance",
        "Gunmen kidnapped a priest in the town of Bamenda on Monday.",
    ),
    ("Armed clash", "Government forces killed 10 militants in the town of Djibo on Monday."),
    (
        "Peaceful protest",
        "Thousands took to the streets of Khartoum on Monday to demand an end to the war.",
    ),
    ("Violent demonstration", "Protesters clashed with police in Khartoum on Monday."),
    (
        "Remote explosive/landmine/IED",
        "Two soldiers were killed when their vehicle hit a landmine near Kidal on Monday.",
    ),
    ("Agreement", "Russia and Ukraine exchanged 150 prisoners of war on Monday in Belarus."),
]


def _events(text: str, gaz: Gazetteer) -> list[Claim]:
    article = Article(id="t", origin="t.txt", title="", text=text, published=date(2024, 12, 6))
    return [c for c in claims_for(article, gaz) if c.kind == "event"]


def test_every_acled_sub_type_is_reachable_from_the_trigger_table() -> None:
    reachable: set[tuple[str, str]] = set()
    for rule in triggers().rules:
        reachable.add((rule.event_type, rule.sub_event_type))
        if rule.state_sub_event_type:
            reachable.add((rule.event_type, rule.state_sub_event_type))
        for switch in [
            *rule.by_actor.values(),
            *rule.when_actor1_inter.values(),
            *rule.when_actor2_inter.values(),
        ]:
            reachable.add((switch["event_type"], switch["sub_event_type"]))
    wanted = {(t, s) for t, subs in ACLED_SUB_TYPES.items() for s in subs}
    assert wanted <= reachable, wanted - reachable
    assert len(wanted) == 25


@pytest.mark.parametrize(("sub_event_type", "text"), ONE_PER_SUB_TYPE)
def test_one_sentence_per_sub_type(sub_event_type: str, text: str, gaz: Gazetteer) -> None:
    events = _events(text, gaz)
    assert [e.sub_event_type for e in events] == [sub_event_type], [
        (e.sub_event_type, e.actor1, e.actor2, e.rule) for e in events
    ]
    assert events[0].event_type in ACLED_SUB_TYPES
    assert sub_event_type in ACLED_SUB_TYPES[events[0].event_type]


@pytest.mark.parametrize(("sub_event_type", "text"), MORE_CASES)
def test_more_trigger_shapes(sub_event_type: str, text: str, gaz: Gazetteer) -> None:
    events = _events(text, gaz)
    assert [e.sub_event_type for e in events] == [sub_event_type], [
        (e.sub_event_type, e.actor1, e.actor2, e.rule) for e in events
    ]


def test_all_sub_types_covered_by_sentences() -> None:
    covered = {s for s, _ in ONE_PER_SUB_TYPE}
    assert covered == {s for subs in ACLED_SUB_TYPES.values() for s in subs}


def test_protest_actor_is_protesters_of_the_country(gaz: Gazetteer) -> None:
    (e,) = _events("Hundreds of people protested in Khartoum on Monday against the war.", gaz)
    assert e.actor1 == "Protesters (Sudan)"


def test_dispersed_protest_puts_protesters_first_and_police_second(gaz: Gazetteer) -> None:
    (e,) = _events("Police dispersed protesters with tear gas in Khartoum on Monday.", gaz)
    assert (e.actor1, e.actor2) == ("Protesters (Sudan)", "Police Forces of Sudan")


def test_gunmen_and_villagers_map_to_acled_descriptors(gaz: Gazetteer) -> None:
    (e,) = _events("Gunmen killed 12 villagers in the town of Djibo on Monday.", gaz)
    assert e.actor1 == "Unidentified Armed Group (Burkina Faso)"
    assert e.actor2 == "Civilians (Burkina Faso)"
    assert e.event_type == "Violence against civilians"


def test_the_army_is_the_article_countrys_military(gaz: Gazetteer) -> None:
    (e,) = _events("The army recaptured the town of Kidal in Mali on Monday.", gaz)
    assert e.actor1 == "Military Forces of Mali"
    assert e.sub_event_type == "Government regains territory"


def test_clash_between_two_named_actors_fills_both(gaz: Gazetteer) -> None:
    (e,) = _events("Clashes erupted between the army and the RSF in Omdurman on Monday.", gaz)
    assert {e.actor1, e.actor2} == {"Military Forces of Sudan", "Rapid Support Forces"}


def test_derived_acled_columns() -> None:
    assert disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert civilian_targeting("Violence against civilians", "Abduction/forced disappearance", 3)
    assert civilian_targeting("Explosions/Remote violence", "Air/drone strike", 7)
    assert not civilian_targeting("Explosions/Remote violence", "Air/drone strike", 2)
    assert civilian_targeting("Riots", "Mob violence", 7)
    assert not civilian_targeting("Battles", "Armed clash", 7)


def test_interaction_code_of_state_forces_against_civilians(gaz: Gazetteer) -> None:
    (c,) = _events(
        "Soldiers killed 5 villagers in the town of Djibo in Burkina Faso on Monday.", gaz
    )
    row = acled_row(Event("E1", c, (c,), ("t.txt",), 1))
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "7", "17")
    assert row["civilian_targeting"] == "Civilian targeting"


def test_generic_descriptor_for_a_country_without_actors_of_its_own() -> None:
    info = actor_table().resolve("the soldiers", "TD")
    assert info is not None and info.name == "Military Forces of Chad" and info.inter == 1


def test_plover_and_cameo_mapping_covers_every_category() -> None:
    import yaml

    from frontwatch.config import DATA_DIR

    table = yaml.safe_load((DATA_DIR / "plover_to_acled.yaml").read_text(encoding="utf-8"))
    plover = {
        "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "DEMAND", "DISAPPROVE",
        "REJECT", "THREATEN", "SANCTION", "INVESTIGATE", "PROTEST", "COERCE", "ASSAULT",
        "FIGHT", "MOBILIZE", "RETREAT",
    }  # fmt: skip
    assert set(table["plover"]) == plover
    assert set(table["cameo_roots"]) == {f"{i:02d}" for i in range(1, 21)}
    types = set(ACLED_SUB_TYPES)
    for section in ("plover", "cameo_roots", "codes"):
        for name, row in table[section].items():
            assert set(row["acled"]) <= types, name
            if not row["acled"]:
                assert row.get("note"), f"{name}: a category without an ACLED equivalent says why"
            for mode_types in (row.get("modes") or {}).values():
                assert set(mode_types) <= types, name


def test_arrests_at_a_protest_make_it_a_protest_with_intervention(gaz: Gazetteer) -> None:
    events = _events(
        "Protesters blocked a highway in Tel Aviv on Sunday. "
        "Police detained 29 people in Tel Aviv on Sunday.",
        gaz,
    )
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Protest with intervention", "Protesters (Israel)", "Police Forces of Israel")
    ]


@pytest.mark.parametrize(
    ("phrase", "country", "name", "inter"),
    [
        ("Hayat Tahrir al-Sham fighters", "SY", "Syrian opposition (HTS-led)", 2),
        ("Ukrainian troops", "UA", "Military Forces of Ukraine", 1),
        ("Russian forces", "UA", "Military Forces of Russia", 8),
        ("the RSF", "SD", "Rapid Support Forces", 2),
        ("IDF soldiers", "PS", "Military Forces of Israel", 1),
        ("Hezbollah fighters", "LB", "Hezbollah", 3),
        ("JNIM militants", "ML", "JNIM (Jama'at Nusrat al-Islam wal-Muslimin)", 2),
        ("the Burkinabe army", "BF", "Military Forces of Burkina Faso", 1),
        ("the Arakan Army", "MM", "AA (Arakan Army)", 2),
        ("the junta", "MM", "Military Forces of Myanmar", 1),
        ("M23 rebels", "CD", "M23 (March 23 Movement)", 2),
        ("the Houthis", "YE", "Houthi Movement", 2),
        ("residents", "YE", "Civilians (Yemen)", 7),
        ("the army", "NE", "Military Forces of Niger", 1),
    ],
)
def test_actors_of_the_eight_conflicts(phrase: str, country: str, name: str, inter: int) -> None:
    info = actor_table().resolve(phrase, country)
    assert info is not None and (info.name, info.inter) == (name, inter)


def test_actor_names_follow_the_regime_change_in_syria() -> None:
    table = actor_table()
    before = table.resolve("the army", "SY", date(2024, 12, 1))
    after = table.resolve("the army", "SY", date(2025, 3, 7))
    assert before is not None and before.name == "Military Forces of Syria"
    assert after is not None and after.name == "Military Forces of Syria (2024-)"
    russia = table.resolve("Russian warplanes", "SY")
    assert russia is not None and before is not None and table.allied(russia, before)

"""Roles, modality and sources rules of the actors helper, on short invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.fuse import fuse
from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim
from reading import claims_of

PUBLISHED = date(2024, 12, 6)  # a Friday


def _claims(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published)


def _events(text: str, gaz: Gazetteer) -> list[Claim]:
    return [c for c in _claims(text, gaz) if c.kind == "event"]


@pytest.mark.parametrize(
    "text",
    [
        # an unknown doer is supposed, not reported
        "A spokesman said that whoever did it had shelled the town of Saraqib.",
        # recalled from earlier in the month, not the news of the day
        "Rebels briefly seized the town of Saraqib earlier this month before troops returned.",
        # the end of a measure is no ACLED event
        "The army lifted a curfew in the town of Saraqib on Thursday.",
    ],
)
def test_modality_not_an_event(text: str, gaz: Gazetteer) -> None:
    assert _events(text, gaz) == []


def test_the_doers_own_other_version_is_a_statement(gaz: Gazetteer) -> None:
    claims = _claims(
        "Fighters of the Rapid Support Forces killed 40 villagers in the village of Tabat "
        "on Wednesday, a local committee said. The RSF said in a statement that it had "
        "fought army soldiers in the village.",
        gaz,
    )
    events = [c for c in claims if c.kind == "event"]
    assert [e.sub_event_type for e in events] == ["Attack"]
    said = [c for c in claims if c.kind == "statement" and c.actor1 == "Rapid Support Forces"]
    assert len(said) == 1 and "fought army soldiers" in said[0].statement


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "An air strike hit a villa in Damascus on Thursday, killing four members of "
            "Iran's Revolutionary Guards, the Guards said.",
            "Military Forces of Iran",
        ),
        (
            "Hezbollah said on Thursday that its field commander had been killed in an "
            "Israeli strike on a car in Tyre.",
            "Hezbollah",
        ),
    ],
)
def test_the_group_of_the_dead_is_the_target(text: str, actor2: str, gaz: Gazetteer) -> None:
    (e,) = _events(text, gaz)
    assert e.actor2 == actor2


def test_an_unclaimed_strike_is_not_given_to_the_targets_ally(gaz: Gazetteer) -> None:
    events = _events(
        "A Hamas official was killed on Thursday when a drone struck a flat in Sidon, "
        "in a district where Hezbollah is strong. Hezbollah said it would respond.",
        gaz,
    )
    assert [(e.actor1, e.actor2) for e in events] == [("", "Hamas Movement")]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "At least 30 people were killed when a military drone struck villagers at a "
            "wedding in Igabi, in Kaduna State, on Sunday, officials said.",
            "Military Forces of Nigeria",
            "Civilians (Nigeria)",
        ),
        (
            "In Yerevan, protesters clashed with police outside parliament on Tuesday, "
            "throwing stones.",
            "Rioters (Armenia)",
            "Police Forces of Armenia",
        ),
        (
            "Gunmen abducted 40 pupils from a school in Chikun, in Kaduna State, on Thursday.",
            "Unidentified Armed Group (Nigeria)",
            "Civilians (Nigeria)",
        ),
    ],
)
def test_roles(text: str, actor1: str, actor2: str, gaz: Gazetteer) -> None:
    (e,) = _events(text, gaz)
    assert (e.actor1, e.actor2) == (actor1, actor2)


def test_an_unattributed_strike_is_by_an_unidentified_armed_group(gaz: Gazetteer) -> None:
    text = "A drone hit a market in Kharkiv on Thursday, killing three people, police said."
    article = Article(id="t", origin="t.txt", title="", text=text, published=PUBLISHED)
    claims = claims_for(article, gaz)
    assert [c.actor1 for c in claims if c.kind == "event"] == [""]
    (event,) = fuse(claims, {"t": article})
    assert event.claim.actor1 == "Unidentified Armed Group (Ukraine)"
    assert "unattributed" in event.claim.notes


def test_escaping_captors_is_no_displacement(gaz: Gazetteer) -> None:
    claims = _claims("Some of the pupils escaped and walked home.", gaz)
    assert [c for c in claims if c.kind == "displacement"] == []


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "A car bomb exploded outside a police station in Quetta on Monday, killing nine "
            "people. A commander of the Baloch Liberation Army claimed the bombing.",
            "BLA (Baloch Liberation Army)",
        ),
        (
            "A gunman opened fire on worshippers in a church in Homs on Sunday, killing six "
            "people. The interior ministry said the attacker was a member of the Islamic "
            "State group.",
            "Islamic State (Syria)",
        ),
    ],
)
def test_the_named_perpetrator(text: str, actor1: str, gaz: Gazetteer) -> None:
    events = _events(text, gaz)
    assert events and all(e.actor1 == actor1 for e in events)


def test_state_violence_beside_a_protest_is_excessive_force(gaz: Gazetteer) -> None:
    (e,) = _events(
        "Police shot dead three people in Nairobi on Thursday as protesters marched on "
        "the state house, a rights group said.",
        gaz,
    )
    assert e.sub_event_type == "Excessive force against protesters"
    assert (e.actor1, e.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


def _source_labels(text: str, gaz: Gazetteer) -> list[list[str]]:
    return [[s.label for s in e.sources] for e in _events(text, gaz)]


def test_sources_named_side_by_side(gaz: Gazetteer) -> None:
    labels = _source_labels(
        "Drones hit the port of Kassala on Tuesday, striking fuel tanks, a warehouse and "
        "the area around the quay, residents and a police source said.",
        gaz,
    )
    assert labels and labels[0][:2] == ["residents", "police source"]


def test_the_group_as_a_source_is_the_group_the_report_is_about(gaz: Gazetteer) -> None:
    labels = _source_labels(
        "M23 rebels captured the town of Kanyabayonga on Saturday, the rebel group said.", gaz
    )
    assert labels == [["M23 (March 23 Movement)"]]


def test_a_monitor_named_by_its_base(gaz: Gazetteer) -> None:
    labels = _source_labels(
        "Clashes in the town of Jableh on Friday killed 20 fighters, the Britain-based "
        "monitor said.",
        gaz,
    )
    assert labels == [["Syrian Observatory for Human Rights"]]


def test_what_a_told_happening_was_is_a_statement(gaz: Gazetteer) -> None:
    claims = _claims(
        "An Israeli drone killed a Hamas official in Sidon on Tuesday. Hezbollah said the "
        "killing was a cowardly attack on Lebanon that would be answered.",
        gaz,
    )
    assert len([c for c in claims if c.kind == "event"]) == 1
    said = [c for c in claims if c.kind == "statement"]
    assert [c.actor1 for c in said] == ["Hezbollah"] and "cowardly attack" in said[0].statement


def test_a_named_perpetrator_keeps_its_teller_as_a_source(gaz: Gazetteer) -> None:
    (e,) = _events(
        "A gunman opened fire on worshippers in a church in Homs on Sunday, killing six "
        "people, medics said. The interior ministry said the attacker was a member of the "
        "Islamic State group.",
        gaz,
    )
    assert "interior ministry" in [s.label for s in e.sources]


def test_envoys_of_two_countries_sign_for_their_governments(gaz: Gazetteer) -> None:
    (e,) = _events(
        "The foreign ministers of Ethiopia and Somalia signed an agreement in Ankara on "
        "Wednesday, officials said.",
        gaz,
    )
    assert e.sub_event_type == "Agreement"
    assert (e.actor1, e.actor2) == ("Government of Ethiopia", "Government of Somalia")


def test_a_government_losing_a_town_loses_it_with_its_forces(gaz: Gazetteer) -> None:
    (e,) = _events(
        "M23 rebels captured the town of Walikale from Congo's government on Sunday.", gaz
    )
    assert e.actor2 == "Military Forces of the Democratic Republic of Congo"


def test_a_flagged_merchant_ship_struck_is_civilians_international(gaz: Gazetteer) -> None:
    (e,) = _events(
        "A Houthi missile struck the Liberia-flagged Sea Pearl off Hodeidah on Monday, "
        "the ship's managers said.",
        gaz,
    )
    assert e.actor2 == "Civilians (International)"


def test_acled_spellings_of_table_actors_name_their_side() -> None:
    from frontwatch.actors import actor_table

    table = actor_table()
    assert table.side("Military Forces of Syria (2000-2024)") == table.side(
        "Military Forces of Syria"
    )
    assert table.side("STC (Southern Transitional Council)") == table.side(
        "Southern Transitional Council"
    )
    assert table.side("Protesters (Israel)") == "Protesters (Israel)"  # a class, not Israel's state
    assert table.side("Unknown Group (XYZ)") == "Unknown Group (XYZ)"

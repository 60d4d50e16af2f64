"""Strategic developments the fresh parts missed: ceasefire orders, new ruling bodies, posts
set up, shoot-on-sight orders, deals signed in misparsed sentences (sentences written for these
tests in our own words, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

PUB = date(2024, 3, 9)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _events(text: str, gaz: Gazetteer) -> list[tuple[str, list[str]]]:
    return [
        (c.sub_event_type, [p.name for p in c.places])
        for c in claims_of(text, gaz, PUB, ("event",))
    ]


@pytest.mark.parametrize(
    ("text", "sub_type", "place"),
    [
        (
            # a leader's order: at the capital when no place is told
            "Congolese President Tshisekedi ordered his troops to cease fire on Tuesday night.",
            "Change to group/activity",
            "Kinshasa",
        ),
        (
            "The army chief ordered all units to stop firing in Khartoum on Friday.",
            "Change to group/activity",
            "Khartoum",
        ),
        (
            "Turkish soldiers set up three observation posts near Idlib on Sunday.",
            "Headquarters or base established",
            "Idlib",
        ),
        (
            "The officers who seized power formed a transitional military council in Niamey on"
            " Thursday.",
            "Change to group/activity",
            "Niamey",
        ),
        (
            "Police in Kisumu were ordered on Monday to shoot on sight anyone looting shops.",
            "Other",
            "Kisumu",
        ),
    ],
)
def test_strategic_decisions_are_events(
    gaz: Gazetteer, text: str, sub_type: str, place: str
) -> None:
    found = _events(text, gaz)
    assert (sub_type, [place]) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # calls, proposals and future plans are statements, not events
        "The envoy called on both sides to cease fire in Goma and to hold talks next week.",
        "The rebels said they would set up observation posts near Idlib if the talks failed.",
        "The opposition proposed to form a transitional council in Niamey after the election.",
        "The minister formed a committee of inquiry in Nairobi to investigate the shooting.",
        "The governor threatened to order police to shoot on sight in Kisumu.",
    ],
)
def test_calls_plans_and_inquiries_are_no_events(gaz: Gazetteer, text: str) -> None:
    found = claims_of(text, gaz, PUB, ("event",))
    assert not found, seen(found)


def test_a_fight_after_a_ceasefire_order_keeps_the_dateline_town(gaz: Gazetteer) -> None:
    text = (
        "GOMA, March 8 (wire) - President Tshisekedi ordered his troops to cease fire on Friday"
        " evening after three days of fighting around the city.\n\n"
        "Heavy fighting with tanks raged on Thursday in the northern districts, near a camp"
        " where thousands of families sheltered."
    )
    found = _events(text, gaz)
    assert "Change to group/activity" in {sub for sub, _ in found}, found
    assert ("Armed clash", ["Goma"]) in found, found


def test_a_deal_signed_in_a_sentence_with_no_finite_verb_is_an_agreement(gaz: Gazetteer) -> None:
    text = (
        "As reported by the mediator of the regional bloc, cited by the agency, the government of"
        " Sudan and the Sudan People's Liberation Movement-North (SPLM-N) on Monday signed in"
        " Juba, South Sudan, an agreement on a lasting end of hostilities, after a week of talks."
    )
    found = _events(text, gaz)
    assert any(sub == "Agreement" and "Juba" in places for sub, places in found), found

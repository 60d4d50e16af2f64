"""Recall and sub-type rules from the fresh3/fresh5 development parts, on sentences of our own."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday


def events(text: str, gaz: Gazetteer, published: date = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published, ("event", "displacement"), "r7")


def test_a_foreign_states_forces_taking_a_town_regain_territory(gaz: Gazetteer) -> None:
    # ACLED: a state's forces taking a place from another state or a rebel group, at home or
    # abroad, is "Government regains territory" (not a non-state actor's takeover)
    found = events("Turkish troops captured the town of Afrin in Syria on Tuesday.", gaz)
    taken = [c for c in found if c.event_type == "Battles"]
    assert taken, seen(found)
    assert taken[0].sub_event_type == "Government regains territory", seen(found)
    rebels = events("Rebel fighters captured the town of Afrin in Syria on Tuesday.", gaz)
    assert [c.sub_event_type for c in rebels if c.event_type == "Battles"] == [
        "Non-state actor overtakes territory"
    ], seen(rebels)


def test_women_and_children_killed_in_an_ambush_make_it_an_attack_on_civilians(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Two women and four children were killed on Wednesday when gunmen ambushed their "
        "minibus near Culiacan, relatives said.",
        gaz,
    )
    hit = [c for c in found if c.kind == "event"]
    assert hit, seen(found)
    assert hit[0].sub_event_type == "Attack", seen(found)
    assert hit[0].actor2 == "Civilians (Mexico)", seen(found)


def test_a_crowd_burning_houses_is_mob_violence_and_protesters_a_violent_demonstration(
    gaz: Gazetteer,
) -> None:
    mob = events("On Tuesday a mob burned houses and a church in the town of Jos.", gaz)
    assert [c.sub_event_type for c in mob if c.kind == "event"] == ["Mob violence"], seen(mob)
    demo = events("On Tuesday protesters set fire to the town hall in Jos.", gaz)
    assert [c.sub_event_type for c in demo if c.kind == "event"] == ["Violent demonstration"], seen(
        demo
    )


def test_people_counted_as_subject_of_a_flight_are_the_displaced(gaz: Gazetteer) -> None:
    found = events(
        "Shelling hit the town of Berd in Tavush province on Tuesday, officials said.\n\n"
        "About 3,000 residents of border villages in Tavush province were evacuated.",
        gaz,
    )
    moved = [c for c in found if c.kind == "displacement"]
    assert moved and moved[0].actor1 == "Civilians (Armenia)", seen(found)
    soldiers = events("Some of the soldiers were evacuated by sea from Berd on Tuesday.", gaz)
    assert not [c for c in soldiers if c.kind == "displacement"], seen(soldiers)
    crossed = events("On Sunday thousands crossed the Chari river to Chad.", gaz)
    assert not [c for c in crossed if c.kind == "displacement" and c.places], seen(crossed)

"""Statements, their speakers and false events (issue 5, fourth round of leaks), on short
reports of our own: a claimed capture, interception or arrest is the event, no statement; the
group named before speaks for "the group"; what a speaker adds in a conjoined clause does not
place the event; weapons taken in an attack are part of it; an act named by its year or told
"since the war began" is history."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of

PUBLISHED = date(2024, 3, 15)  # a Friday


def _statements(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(c.actor1, c.statement) for c in claims_of(text, gaz, PUBLISHED, ("statement",))]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting raged near Sennar on Thursday. The RSF said it had taken control of Sinja.",
        "Ukraine's air force said it had shot down 30 of the 35 drones Russia launched overnight.",
        "The army said on Thursday that it had arrested nine people in the town of Tripoli.",
    ],
)
def test_a_claimed_capture_interception_or_arrest_is_the_event_not_a_statement(
    text: str, gaz: Gazetteer
) -> None:
    assert _statements(text, gaz) == []
    assert claims_of(text, gaz, PUBLISHED, ("event",))


def test_the_group_that_speaks_is_the_group_named_before(gaz: Gazetteer) -> None:
    text = (
        "Al Shabaab militants stormed an army base near Afgoye on Thursday, officials said. "
        "The group said it would keep fighting until foreign troops left the country."
    )
    assert [a for a, _ in _statements(text, gaz)] == ["Al Shabaab"]


def test_a_bare_role_with_a_participle_is_the_person_named_before(gaz: Gazetteer) -> None:
    text = (
        "Two car bombs exploded in Mogadishu on Thursday, killing 30 people, police said. "
        "President Hassan Sheikh Mohamud visited the wounded in hospital. "
        "The president, speaking at the scene, said the government would not rest until "
        "the attackers were caught."
    )
    assert "President Hassan Sheikh Mohamud" in [a for a, _ in _statements(text, gaz)]


def test_a_meeting_a_speaker_mentions_does_not_place_the_truce(gaz: Gazetteer) -> None:
    text = (
        "Separatists seized the presidential palace in Aden on Saturday. On Sunday the "
        "separatists accepted the coalition's call for a ceasefire, and their leader said "
        "that he is ready to take part in a meeting in Saudi Arabia."
    )
    truces = [
        c for c in claims_of(text, gaz, PUBLISHED, ("event",)) if c.sub_event_type == "Agreement"
    ]
    assert truces
    assert all(p.name != "Saudi Arabia" for c in truces for p in c.places)


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists stormed an army camp near Boulkessi on Thursday. The group said it had killed "
        "40 soldiers and seized weapons and trucks.",
        "Gunmen attacked an airfield near Kismayo on Thursday. They destroyed two planes and "
        "killed three guards, officials said.",
    ],
)
def test_weapons_taken_in_an_attack_are_no_disrupted_weapons_use(text: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert found
    assert "Disrupted weapons use" not in [c.sub_event_type for c in found]


def test_a_seized_arms_cache_stays_disrupted_weapons_use(gaz: Gazetteer) -> None:
    found = claims_of(
        "Police seized a large cache of weapons and explosives in the town of Garissa on Thursday.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.sub_event_type for c in found] == ["Disrupted weapons use"]


_LEAD = "Gunmen attacked a hotel in Kismayo on Thursday, police said. "


@pytest.mark.parametrize(
    "sentence",
    [
        "The group was behind the 2017 truck bombing in Mogadishu that killed more than 500 people.",
        "Since the war began, air strikes have destroyed half of the country's power plants.",
        "Drones have hit the port every night since the start of the war.",
    ],
)
def test_an_act_named_by_its_year_or_told_since_the_war_is_history(
    sentence: str, gaz: Gazetteer
) -> None:
    found = claims_of(_LEAD + sentence, gaz, PUBLISHED, ("event",))
    assert [c.sentence_index for c in found] == [0]


def test_a_toll_since_this_weeks_offensive_stays_an_event(gaz: Gazetteer) -> None:
    found = claims_of(
        _LEAD + "Three people have been killed in shelling of Baidoa since the offensive began "
        "on Monday, the governor said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert any(c.sentence_index == 1 for c in found)

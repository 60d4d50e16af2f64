"""Sub-types of the eighth session's rules (our own words, invented wording)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

PUBLISHED = date(2026, 12, 1)

# (text, the sub-type of its first event)
CASES = [
    # an attack or a bombardment made with a toxic substance is a chemical weapon
    (
        "The village of Tal Hamam in Idlib province was attacked with a poison gas on Monday, "
        "doctors said, and 30 people died.",
        "Chemical weapon",
    ),
    (
        "Government forces shelled Douma with chlorine on Saturday, killing 40 people, "
        "rescuers said.",
        "Chemical weapon",
    ),
    (
        "Government helicopters bombed Saraqib with barrels of chlorine on Friday, rescuers said.",
        "Chemical weapon",
    ),
    # bombs that go off where they lie are planted devices, as "a bomb exploded" is
    (
        "Two bombs exploded at a church in Maiduguri on Sunday, killing 12 worshippers, "
        "police said.",
        "Remote explosive/landmine/IED",
    ),
    # a site or a centre housing displaced people or refugees is a civilian target
    (
        "Gunmen attacked a site for internally displaced people near Bunia on Sunday night, "
        "the UN said.",
        "Attack",
    ),
    ("Gunmen attacked a centre for refugees near Goma on Sunday.", "Attack"),
    # the killed who were protesting are protesters: excessive force
    (
        "Soldiers killed at least 20 people who protested against the junta in Mandalay on "
        "Saturday, a rights group said.",
        "Excessive force against protesters",
    ),
    # protesters detained, told in the passive with no agent: the police intervened
    (
        "Several protesters were detained in Karachi on Wednesday, police said.",
        "Protest with intervention",
    ),
    # the weapon an attack is made "with" sets its sub-type
    (
        "Militants stormed an army base near Afgoye at dawn on Friday with two cars driven by "
        "suicide bombers, officials said.",
        "Suicide bomb",
    ),
    (
        "Gunmen ambushed a police convoy with a roadside bomb near Wajir on Monday.",
        "Remote explosive/landmine/IED",
    ),
    # a suicide bomber told right after an attack, without a place, was its means
    (
        "Gunmen attacked a hotel in Nairobi on Tuesday. According to the police, the assault "
        "started when one of the gunmen blew himself up at the entrance, after which the others "
        "opened fire on guests in the garden.",
        "Suicide bomb",
    ),
]

# the same words without the cue keep the rule's own sub-type
UNCHANGED = [
    ("Rebels attacked an army post with rifles near Idlib on Monday.", "Armed clash"),
    ("Russian bombs killed five people in Kharkiv on Sunday.", "Shelling/artillery/missile attack"),
    ("Bombs fell on Idlib on Monday, killing 4.", "Shelling/artillery/missile attack"),
    ("Rebels attacked an army base for the second time near Goma on Sunday.", "Armed clash"),
    ("Two suspects were detained in Karachi on Wednesday, police said.", "Arrests"),
    (
        "Al-Shabaab fighters stormed the town of Afgoye on Monday.",
        "Non-state actor overtakes territory",
    ),
    (
        "Gunmen attacked a hotel in Nairobi on Tuesday, police said. He said that one of the "
        "gunmen had threatened to blow himself up.",
        "Attack",
    ),
]


@pytest.mark.parametrize(("text", "sub_event_type"), CASES + UNCHANGED)
def test_sub_type(gaz: Gazetteer, text: str, sub_event_type: str) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",), "st3")
    assert found and found[0].sub_event_type == sub_event_type, seen(found)


def test_killed_protesters_are_one_event_with_the_force_as_actor2(gaz: Gazetteer) -> None:
    found = claims_of(
        "Police shot dead two men who marched through the centre of Conakry on Thursday, "
        "witnesses said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [(c.sub_event_type, c.actor1, c.actor2) for c in found] == [
        ("Excessive force against protesters", "Protesters (Guinea)", "Police Forces of Guinea")
    ], seen(found)


def test_detained_protesters_face_the_police_of_the_country(gaz: Gazetteer) -> None:
    found = claims_of(
        "Several demonstrators have been detained in Lahore, officials said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [(c.actor1, c.actor2) for c in found] == [
        ("Protesters (Pakistan)", "Police Forces of Pakistan")
    ], seen(found)


def test_a_suicide_bombing_told_after_an_attack_is_one_event(gaz: Gazetteer) -> None:
    found = claims_of(
        "Gunmen attacked a hotel in Kampala on Friday. A suicide bomber blew himself up, and "
        "gunmen then opened fire on guests.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.sub_event_type for c in found] == ["Suicide bomb"], seen(found)
    assert "Attack" in found[0].alt_sub_event_types


def test_a_capture_by_state_forces_named_later_is_the_government_regaining(
    gaz: Gazetteer,
) -> None:
    from frontwatch.extract._article._merge import _state_captures
    from frontwatch.types import Claim

    taken = Claim(
        article_id="t",
        kind="event",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1="Military Forces of Turkey",
    )
    rebels = Claim(
        article_id="t",
        kind="event",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1="Hayat Tahrir al-Sham",
    )
    assert [c.sub_event_type for c in _state_captures([taken, rebels])] == [
        "Government regains territory",
        "Non-state actor overtakes territory",
    ]


def test_a_towns_apposition_is_not_the_subject(gaz: Gazetteer) -> None:
    # "In X, the second city, Y clashed ...": the parser reads "the second city" as a subject
    found = claims_of(
        "Unrest spread across Chad on Thursday. In Moundou, the second city, demonstrators "
        "clashed with the police, witnesses said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.sub_event_type for c in found] == ["Violent demonstration"], seen(found)

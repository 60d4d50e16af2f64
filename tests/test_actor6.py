"""Actors and sources, sixth round: general rules and table rows (our own wording).

Each case is one short report we wrote and the actors a coder gives its event."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

_PUB = date(2024, 5, 15)


def _events(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    found = claims_of(text, gaz, _PUB, ("event",), "a6")
    return [(c.sub_event_type, c.actor1, c.actor2) for c in found]


def test_a_coup_detaining_the_president_hits_the_government(gaz: Gazetteer) -> None:
    """ "soldiers detained President X and Prime Minister Y": Government of X is actor2."""
    found = _events(
        "On Tuesday soldiers detained President Mahamadou Issoufou and Prime Minister Brigi "
        "Rafini at the president's residence in Niamey.",
        gaz,
    )
    assert found == [("Arrests", "Military Forces of Niger", "Government of Niger")], found


def test_the_head_of_state_can_come_second_in_the_list(gaz: Gazetteer) -> None:
    """ "detained State Counsellor X, President Y and other leaders": the president is a
    conjunct of the first name and still makes the government the target."""
    found = _events(
        "In the early hours of Monday the military detained State Counsellor Ama Kyi, "
        "President Win Lat and other leaders of the ruling party in Naypyitaw.",
        gaz,
    )
    assert found and found[0][2] == "Government of Myanmar", found


def test_a_former_president_or_an_opposition_figure_is_no_government(gaz: Gazetteer) -> None:
    """The rule stops at "former" and at people holding no office of state."""
    former = _events("On Monday the army detained the former president Tandja in Niamey.", gaz)
    assert former and former[0][2] != "Government of Niger", former
    union = _events("Police arrested the president of the students' union in Lagos on Friday.", gaz)
    assert union and union[0][2] != "Government of Nigeria", union
    rival = _events(
        "On Tuesday the police arrested the opposition politician Jawar Mohammed and 34 other "
        "people in Addis Ababa.",
        gaz,
    )
    assert rival and rival[0][2] != "Government of Ethiopia", rival


def test_a_protest_against_the_military_takeover_faces_the_police(gaz: Gazetteer) -> None:
    """ "security forces shot protesters ... against the military takeover": "military" names
    the takeover, not soldiers at the scene, so the security forces stay the police."""
    found = claims_of(
        "Security forces shot dead 12 people during protests against the military takeover "
        "on Wednesday in Zinder, doctors said.",
        gaz,
        _PUB,
        ("event",),
        "a6",
    )
    assert [c.actor2 for c in found] == ["Police Forces of Niger"], seen(found)


def test_soldiers_named_at_the_protest_keep_the_military(gaz: Gazetteer) -> None:
    """The police reading does not apply when soldiers are named in the sentence."""
    found = claims_of(
        "Soldiers and security forces shot dead 12 people during protests on Wednesday in "
        "Zinder, doctors said.",
        gaz,
        _PUB,
        ("event",),
        "a6",
    )
    assert found and found[0].actor2 == "Military Forces of Niger", seen(found)


def test_a_vehicle_described_by_a_participle_is_still_the_target(gaz: Gazetteer) -> None:
    """ "a drone struck a bus evacuating civilians": the parser reads "a bus evacuating ..."
    as a clause; the bus is what was hit, so the civilians of the place are actor2."""
    found = _events(
        "On Saturday morning a Russian drone struck a bus evacuating civilians on a road near "
        "the town of Kharkiv. Nine people died.",
        gaz,
    )
    assert found[:1] == [("Air/drone strike", "Military Forces of Russia", "Civilians (Ukraine)")]


def test_a_dateline_with_a_spaced_hyphen_is_no_actor(gaz: Gazetteer) -> None:
    """ "MARAWI, Philippines - A bomb ...": the dateline's country is not read as the army
    that set the bomb, so the group that claims it later becomes actor1."""
    found = _events(
        "MARAWI, Philippines - A bomb exploded at a market in Marawi on Sunday, killing nine "
        "people, police said.\n\nThe Islamic State claimed the attack in a statement.",
        gaz,
    )
    assert found and found[0][1].startswith("Islamic State"), found


def test_the_spaced_hyphen_dateline_is_split_off() -> None:
    from frontwatch.nlp import is_dateline

    assert is_dateline("MARAWI, Philippines - ")
    assert not is_dateline("Gunmen, several of them women - ")


def _sources_of(text: str, gaz: Gazetteer) -> list[list[str]]:
    found = claims_of(text, gaz, _PUB, ("event",), "a6")
    return [[s.label for s in c.sources] for c in found]


def test_the_group_claiming_an_attack_is_one_of_its_sources(gaz: Gazetteer) -> None:
    """ "X claimed responsibility" / "X claimed the attack": X names the perpetrator, so it is
    one more source of the event, after the first one."""
    for claim in ("claimed responsibility for the attack", "claimed the attack"):
        found = _sources_of(
            "A bomb exploded at a market in Maiduguri on Sunday, killing 12 people, police said. "
            f"Boko Haram {claim} in a video.",
            gaz,
        )
        assert found == [["police", "Boko Haram"]], (claim, found)


def test_a_monitor_attributing_a_strike_is_its_source(gaz: Gazetteer) -> None:
    """ "the Observatory attributed the strike to X aircraft": the monitor is a source."""
    found = _sources_of(
        "On Friday the only working hospital of Idlib was hit and 16 civilians died; the Syrian "
        "Observatory for Human Rights attributed the strike to Russian aircraft.",
        gaz,
    )
    assert found and "Syrian Observatory for Human Rights" in found[0], found


def test_a_pronoun_claimer_adds_no_source(gaz: Gazetteer) -> None:
    """ "They claimed ...": no name, so no new source is made of a pronoun."""
    found = _sources_of(
        "A bomb exploded at a market in Maiduguri on Sunday, killing 12 people, police said. "
        "They claimed responsibility for the attack.",
        gaz,
    )
    assert found and all(s.lower() not in ("they", "them") for s in found[0]), found

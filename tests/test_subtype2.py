"""Sub-types found wrong by our own probes (bench/subtype_probes.yaml, invented wording)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

PUBLISHED = date(2026, 12, 1)

CASES = [
    # spaCy leaves "retook" unlemmatised: the table lists the form
    (
        "Government troops retook the town of Tessit from jihadist fighters on Sunday.",
        "Government regains territory",
    ),
    # storming a base is a fight with its garrison, not ground taken
    (
        "Al-Shabaab militants stormed a military base near Afgoye before dawn on Monday.",
        "Armed clash",
    ),
    # an air force's bombardment is an air strike
    ("Sudanese army aircraft bombarded RSF positions in Nyala on Monday.", "Air/drone strike"),
    # "reached an agreement" is no advance to a front
    (
        "The two rival factions reached an agreement on Monday to reopen the road between "
        "Taiz and Aden.",
        "Agreement",
    ),
    ("The Congolese government and the M23 signed a declaration in Doha on Monday.", "Agreement"),
    # "a demonstration was held", "a suicide bomber rammed": outcome verbs of event nouns
    ("A demonstration was held in the town of Idlib on Monday.", "Peaceful protest"),
    (
        "A suicide bomber rammed an explosives-laden car into the gate of an army base in "
        "Mogadishu on Monday.",
        "Suicide bomb",
    ),
    # the weapon a verb's act is made with
    (
        "The enemy attacked the Zaporizhzhia region with drones 390 times on Monday.",
        "Air/drone strike",
    ),
    (
        "Ukrainian forces struck the centre of Donetsk with HIMARS rockets on Monday.",
        "Shelling/artillery/missile attack",
    ),
    # a phrase whose first word is an adverb: its verb is the trigger, no second one
    (
        "Soldiers sexually assaulted two girls at a checkpoint near Goma on Sunday.",
        "Sexual violence",
    ),
    # crowd control told with its purpose: the crowd is in the purpose clause
    (
        "Riot police used water cannon to break up a rally in Tbilisi on Monday.",
        "Protest with intervention",
    ),
    (
        "Opposition supporters gathered outside the electoral commission in Maputo on Monday. "
        "Police fired tear gas to disperse them.",
        "Protest with intervention",
    ),
    (
        "Protesters blocked the main highway in Nairobi on Monday. Police used water cannon to "
        "clear the lanes.",
        "Protest with intervention",
    ),
    (
        "Police in Belgrade used pepper spray and batons to disperse students blocking a "
        "bridge on Monday.",
        "Protest with intervention",
    ),
    # live rounds fired at a demonstration: force against its protesters
    (
        "A protester was killed when police fired live rounds at a demonstration in Mombasa "
        "on Monday.",
        "Excessive force against protesters",
    ),
    # the people of a town act where they live
    (
        "Residents of El Geneina staged a sit-in in front of the governor's office on Monday.",
        "Peaceful protest",
    ),
    (
        "The rebels launched an offensive on army positions in the north of Hama province on "
        "Monday.",
        "Armed clash",
    ),
    # a witness's word that fighting goes on reports it (a party's is its statement)
    (
        "Fighting between the army and the Kachin Independence Army around Bhamo continued on "
        "Monday, a resident said.",
        "Armed clash",
    ),
    (
        "A truck hit a mine near Kupiansk on Monday, wounding the driver.",
        "Remote explosive/landmine/IED",
    ),
    # killings told with a phrase; civilians who kill are a mob
    (
        "ADF rebels hacked to death 12 civilians in the village of Mambasa on Monday.",
        "Attack",
    ),
    (
        "Villagers burned alive a woman accused of witchcraft in the village of Kaya on Monday.",
        "Mob violence",
    ),
    # people seized are abducted, not ground taken
    (
        "Bandits seized 40 passengers from a bus near Gusau on Monday.",
        "Abduction/forced disappearance",
    ),
    # an armed party leaving a place gives it up
    (
        "Rebel fighters left the town of Kaya on Monday without a fight.",
        "Non-violent transfer of territory",
    ),
    # the other side's weapons destroyed: a fight, not property destruction
    (
        "Its fighters destroyed two enemy tanks near the village of Andriivka on Monday, the "
        "group said.",
        "Armed clash",
    ),
    # spaCy's lemma of "raging" is "rag"
    (
        "Fierce battles are raging between the army and the RSF in Omdurman, witnesses said on "
        "Monday.",
        "Armed clash",
    ),
]


@pytest.mark.parametrize(("text", "sub_event_type"), CASES)
def test_sub_type(gaz: Gazetteer, text: str, sub_event_type: str) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",), "st2")
    assert sub_event_type in {c.sub_event_type for c in found}, seen(found)


NOT_THESE = [
    # the new outcome verbs and instruments change nothing said, not done
    "Protest leaders said a rally would be held in Idlib on Friday.",
    "The army threatened to attack the town of Nyala with drones.",
    "Police warned that they would use water cannon to disperse any rally in Tbilisi.",
    "The army said it was preparing an offensive on Goma.",
    "The army said fighting continued around Bhamo on Monday.",
]


@pytest.mark.parametrize("text", NOT_THESE)
def test_no_event(gaz: Gazetteer, text: str) -> None:
    assert not claims_of(text, gaz, PUBLISHED, ("event",), "st2n")


def test_tear_gas_with_its_purpose_names_the_protesters(gaz: Gazetteer) -> None:
    found = claims_of(
        "Riot police used water cannon to break up a rally in Tbilisi on Monday.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    c = next(c for c in found if c.sub_event_type == "Protest with intervention")
    assert (c.actor1, c.actor2) == ("Protesters (Georgia)", "Police Forces of Georgia"), seen(found)


def test_a_riot_met_with_tear_gas_is_one_riot(gaz: Gazetteer) -> None:
    found = claims_of(
        "Youths threw stones at the governor's office in Kisumu on Monday. Police fired tear "
        "gas to push them back.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.sub_event_type for c in found] == ["Violent demonstration"], seen(found)


def test_civilians_who_leave_a_town_still_flee(gaz: Gazetteer) -> None:
    found = claims_of(
        "Thousands of residents left the town of Kaya on Monday after the attack.",
        gaz,
        PUBLISHED,
    )
    assert [c.kind for c in found if c.kind != "statement"] == ["displacement"], seen(found)


def test_a_blast_told_by_its_relative_clause_is_an_event(gaz: Gazetteer) -> None:
    found = claims_of(
        "Both sides traded blame on Monday for the blast that tore through the market in "
        "Kostiantynivka.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.sub_event_type for c in found] == ["Remote explosive/landmine/IED"], seen(found)
    # a deal that broke down is no agreement
    assert not claims_of(
        "The rebels kept Kidal under a peace deal that had broken down by this year.",
        gaz,
        PUBLISHED,
        ("event",),
    )

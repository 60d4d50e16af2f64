"""Who is actor1 and who is actor2: general role rules (invented wording, many conflicts).

Each case is one short report of our own and the roles an ACLED coder gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

_PUB = date(2024, 5, 15)

CASES = [
    # the gerund after "by" is the agent ("killed by Russian shelling"); the dead are the target
    (
        "Four civilians were killed by Russian shelling in Kherson on Monday.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    # "fired missiles at X": X is the target, not the missiles
    (
        "Hezbollah fired anti-tank missiles at an Israeli army post near Metula on Monday.",
        "Hezbollah",
        "Military Forces of Israel",
    ),
    # a demonym on a military site names the forces hit there
    (
        "Russian artillery pounded Ukrainian positions near Chasiv Yar on Tuesday.",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    ),
    (
        "Ukrainian drones destroyed a Russian ammunition depot in Tokmak on Monday.",
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    ),
    # a possessive owns the event noun ("Russia's drone attack")
    (
        "Russia's drone attack on Odesa overnight damaged a hospital and wounded three doctors.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    (
        "Israel's drone hit a motorcycle carrying a Hezbollah commander in Tyre on Tuesday.",
        "Military Forces of Israel",
        "Hezbollah",
    ),
    # "the bombing of a camp for displaced people": the people of the "of" phrase are hit
    (
        "The military's bombing of a camp for displaced people in Laiza killed 29 on Monday.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
    # victims named by age, creed or trade are civilians (actors.yaml's descriptor row)
    (
        "Israeli soldiers shot dead a Palestinian teenager near Hebron on Monday.",
        "Military Forces of Israel",
        "Civilians (Palestine)",
    ),
    (
        "Military jets dropped bombs on a monastery in Kanbalu on Sunday, killing five monks.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
    (
        "Armed men kidnapped six nuns travelling on a bus in Port-au-Prince on Friday.",
        "Unidentified Armed Group (Haiti)",
        "Civilians (Haiti)",
    ),
    # the parser's gerund clause "Shelling by X" before the verb: X did it
    (
        "Shelling by the Rapid Support Forces killed five worshippers in Omdurman on Friday.",
        "Rapid Support Forces",
        "Civilians (Sudan)",
    ),
    # "a glide bomb dropped by Russian aircraft struck ...": whose bomb it was
    (
        "A glide bomb dropped by Russian aircraft struck a shopping centre in Kharkiv on "
        "Saturday, killing 14 shoppers.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    # an armed group named inside the event noun ("an Islamic State Khorasan suicide bomber")
    (
        "An Islamic State Khorasan suicide bomber struck worshippers at a mosque in Kunduz.",
        "Islamic State (Afghanistan)",
        "Civilians (Afghanistan)",
    ),
    # "X repelled Y's attack": Y attacked (actor1), X is actor2
    (
        "Ukrainian forces repelled 25 Russian assaults near Pokrovsk on Tuesday.",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    ),
    (
        "Government forces repelled a Houthi attack on their positions near Marib on Tuesday.",
        "Houthi Movement",
        "Military Forces of Yemen",
    ),
    # territory taken "from" someone: the loser is actor2
    (
        "The Sudanese army recaptured Wad Madani from the RSF on Saturday.",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    ),
    # a transnational group's branch in another country (actors.yaml branch_countries)
    (
        "Islamic State militants ambushed a Nigerien army patrol near Tillaberi on Tuesday.",
        "Islamic State (Sahel)",
        "Military Forces of Niger",
    ),
    # a group's generic name in its country (actors.yaml generic): al-Qaeda in Yemen is AQAP
    (
        "Al-Qaeda militants attacked STC-aligned forces in Abyan on Tuesday, killing four.",
        "AQAP (Al Qaeda in the Arabian Peninsula)",
        "STC (Southern Transitional Council)",
    ),
    # people named by their nationality are civilians of that country
    (
        "Israeli forces arrested 15 Palestinians in overnight raids in Jenin.",
        "Military Forces of Israel",
        "Civilians (Palestine)",
    ),
    # the parser's "attacked [farmers harvesting olives]" as a clause: the farmers are hit
    (
        "Israeli settlers attacked Palestinian farmers harvesting olives near Nablus on Tuesday.",
        "Settlers (Israel)",
        "Civilians (Palestine)",
    ),
    # "at a group of civilians": the civilians
    (
        "An Israeli drone opened fire at a group of civilians in Beit Lahia, killing two.",
        "Military Forces of Israel",
        "Civilians (Palestine)",
    ),
    # a capital hit by missiles is a place, not its government
    (
        "Russian missiles and drones hit Kyiv on Monday, killing seven civilians.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    # "Israeli fire killed ...": the demonym on the fire
    (
        "Israeli fire killed five fishermen off the coast of Gaza on Tuesday.",
        "Military Forces of Israel",
        "Civilians (Palestine)",
    ),
    # the victims of a clause conjoined to the strike's clause
    (
        "Russia launched a barrage of missiles against Kharkiv overnight, hitting a printing "
        "house and killing seven workers.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    # the loser of ground taken in the clause that goes on after "entered X"
    (
        "Malian troops entered Anefis on Monday, taking the town from Tuareg-led rebels who "
        "had held it since 2012.",
        "Military Forces of Mali",
        "CSP-PSD (Permanent Strategic Framework for Peace, Security and Development)",
    ),
    # an interception's actor2: who fired at the interceptor's side earlier in the report
    (
        "Russian missiles struck an apartment block in Dnipro overnight, killing three "
        "residents. Ukraine's air force said it had shot down 15 of the 20 missiles launched.",
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    ),
    # a Russian "group of troops" is Russia's military (actors.yaml aliases)
    (
        "Units of the Vostok group of troops captured Staromaiorske from Ukrainian forces, the "
        "Russian defence ministry said on Saturday.",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    ),
    # rioters face the police their sentence names: a police post set on fire
    (
        "Protesters set fire to a police post in Eldoret on Tuesday.",
        "Rioters (Kenya)",
        "Police Forces of Kenya",
    ),
    (
        "Protesters set fire to part of the parliament building in Nairobi before police "
        "drove them out with tear gas.",
        "Rioters (Kenya)",
        "Police Forces of Kenya",
    ),
    # a crowd hit by an air strike is civilians, not protesters
    (
        "A military jet bombed a crowd gathered for the opening of a village office in "
        "Pazigyi, in Kanbalu township, on Tuesday.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), CASES)
def test_roles(text: str, actor1: str, actor2: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a2")
    assert any((c.actor1, c.actor2) == (actor1, actor2) for c in found), seen(found)


def test_fighting_told_without_sides_is_between_the_sides_of_the_last_battle(
    gaz: Gazetteer,
) -> None:
    found = claims_of(
        "Fano fighters clashed with federal troops near Bahir Dar on Monday. "
        "In Debre Markos, residents reported heavy gunfire overnight.",
        gaz,
        _PUB,
        ("event",),
        "a2",
    )
    there = [c for c in found if any(p.name.startswith("Debre") for p in c.places)]
    assert [(c.actor1, c.actor2) for c in there] == [
        ("Fano Militia", "Military Forces of Ethiopia")
    ], seen(found)


@pytest.mark.parametrize(
    ("text", "published", "actor1", "actor2"),
    [
        # the subject's own conjuncts are one side; the side that withdrew lost the ground
        (
            "Iraqi forces entered Kirkuk on Monday. Units of the Counter-Terrorism Service, the "
            "federal police and the Popular Mobilisation Forces took control of the Kirkuk "
            "airport, after Peshmerga units withdrew.",
            date(2017, 10, 17),
            "Military Forces of Iraq",
            "Peshmerga (Kurdistan Regional Government)",
        ),
        # the armed group the report names in the country loses what the state takes
        (
            "Taliban forces entered Bazarak on Monday. The National Resistance Front said its "
            "fighters were still in the valley.",
            date(2021, 9, 7),
            "Military Forces of Afghanistan (2021-)",
            "NRF (National Resistance Front)",
        ),
    ],
)
def test_who_loses_ground_the_state_takes(
    text: str, published: date, actor1: str, actor2: str, gaz: Gazetteer
) -> None:
    found = claims_of(text, gaz, published, ("event",), "a2")
    assert [(c.actor1, c.actor2) for c in found] == [(actor1, actor2)], seen(found)

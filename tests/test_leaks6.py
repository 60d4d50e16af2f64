"""Said, confirmed or retold, not done again: a party's version of a strike, a confirmation,
targets added with "also", fires fought, ships abandoned, captives who escape, a mob's suspects
arrested (sentences written for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of

DAY = date(2025, 3, 4)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _events(text: str, gaz: Gazetteer) -> list[str]:
    return [c.sub_event_type for c in claims_of(text, gaz, DAY, kinds=("event",))]


def test_the_doers_state_version_of_a_strike_is_its_statement(gaz: Gazetteer) -> None:
    text = (
        "A Russian missile hit a furniture store in Kharkiv on Monday, killing seven shoppers,"
        " the regional governor said. Russia's defence ministry, for its part, claimed that"
        " guided weapons had struck a depot of foreign-supplied ammunition near a tractor plant"
        " in Kharkiv. Kyiv rejects this version."
    )
    found = claims_of(text, gaz, DAY, kinds=("event", "statement"))
    events = [c for c in found if c.kind == "event"]
    assert [c.sub_event_type for c in events] == ["Shelling/artillery/missile attack"]
    assert any(c.kind == "statement" and "Russia" in c.actor1 for c in found), found


def test_an_unrelated_teller_of_a_doerless_strike_keeps_the_event(gaz: Gazetteer) -> None:
    # the teller is not the state whose forces did the act told before: a second strike
    text = (
        "A Russian missile hit a furniture store in Kharkiv on Monday, killing seven shoppers."
        " Ukraine's air force said that drones had struck a fuel depot in Belgorod."
        " Moscow rejects this version."
    )
    assert len(_events(text, gaz)) == 2


def test_a_confirmed_attack_is_the_attack_told_before(gaz: Gazetteer) -> None:
    text = (
        "Gunmen stormed a church in Owo on Sunday and killed 22 worshippers, a lawmaker said."
        " The police of Ondo state confirmed the attack but gave no toll."
    )
    found = claims_of(text, gaz, DAY, kinds=("event",))
    assert len(found) == 1
    assert [p.name for p in found[0].places] == ["Owo"]


def test_a_confirmed_attack_with_its_own_place_is_another_event(gaz: Gazetteer) -> None:
    text = (
        "Gunmen stormed a church in Owo on Sunday and killed 22 worshippers."
        " The police confirmed the attack on a second church in Akure on Monday."
    )
    assert len(_events(text, gaz)) == 2


def test_targets_added_with_also_are_the_same_riot(gaz: Gazetteer) -> None:
    text = (
        "KINSHASA, March 4 (wire) - Angry crowds attacked three foreign embassies in Kinshasa"
        " on Tuesday and set fire to the gate of one of them, witnesses said."
        " The missions of two more countries were also targeted, a diplomat said."
    )
    assert len(_events(text, gaz)) == 1


def test_a_passive_without_also_is_not_merged_by_this_rule(gaz: Gazetteer) -> None:
    text = (
        "Gunmen attacked an army post near Djibo on Sunday, killing five soldiers."
        " On Monday a convoy was ambushed by jihadists near Arbinda."
    )
    assert len(_events(text, gaz)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Firemen were still battling the blaze at the depot late on Tuesday.",
        "Volunteers fought the flames through the night in the old market.",
        "The sailors abandoned the burning freighter before a navy ship picked them up.",
    ],
)
def test_no_foe_no_ground_no_event(gaz: Gazetteer, text: str) -> None:
    assert _events(text, gaz) == []


def test_fighting_a_foe_is_still_a_clash(gaz: Gazetteer) -> None:
    text = "Soldiers battled militants near Afgoye on Monday, local sources said."
    assert _events(text, gaz) == ["Armed clash"]


def test_abandoning_a_town_is_still_a_transfer(gaz: Gazetteer) -> None:
    text = "Government troops abandoned the town of Kitshanga on Monday, residents said."
    assert _events(text, gaz) == ["Non-violent transfer of territory"]


def test_captives_who_escape_are_not_displaced(gaz: Gazetteer) -> None:
    text = (
        "Gunmen seized more than 200 pupils from a school in Kuriga on Thursday, residents said."
        " A few of the pupils escaped into the bush and walked home."
    )
    found = claims_of(text, gaz, DAY, kinds=("event", "displacement"))
    assert [c.kind for c in found] == ["event"]


def test_people_evacuated_from_a_building_under_attack_are_not_displaced(gaz: Gazetteer) -> None:
    text = (
        "Gunmen attacked an office complex in Nairobi on Tuesday, killing 14 people, and"
        " hundreds of workers were evacuated from the buildings."
    )
    found = claims_of(text, gaz, DAY, kinds=("event", "displacement"))
    assert [c.kind for c in found] == ["event"]


def test_residents_fleeing_a_town_are_still_displaced(gaz: Gazetteer) -> None:
    text = "Thousands of residents fled the town of Seytenga on Sunday after the massacre."
    found = claims_of(text, gaz, DAY, kinds=("displacement",))
    assert len(found) == 1


def test_a_mobs_suspects_arrested_later_are_an_arrest_of_their_own(gaz: Gazetteer) -> None:
    text = (
        "A crowd in Taxco beat a man to death in the street on Sunday, prosecutors said."
        " Two women who were with him were also beaten; prosecutors said police detained"
        " both of them and were looking into their part in the disappearance of a child."
    )
    assert sorted(_events(text, gaz)) == ["Arrests", "Mob violence"]


def test_an_arrest_told_before_a_protest_is_not_its_intervention(gaz: Gazetteer) -> None:
    text = (
        "Police in Taxco detained two men on Sunday over the killing of a child, prosecutors"
        " said.\n\nOn Sunday afternoon hundreds of residents blocked the highway at the entrance"
        " to Taxco to demand justice."
    )
    assert sorted(_events(text, gaz)) == ["Arrests", "Peaceful protest"]


def test_an_arrest_told_after_a_protest_is_its_intervention(gaz: Gazetteer) -> None:
    text = (
        "Hundreds of residents blocked the highway at the entrance to Taxco on Sunday to"
        " demand justice. Police cleared the road and detained 12 of them."
    )
    assert _events(text, gaz) == ["Protest with intervention"]


def test_fighting_confirmed_around_the_town_just_taken_is_the_capture(gaz: Gazetteer) -> None:
    text = (
        "Rebels took control of the town of Kitchanga on Thursday after several days of"
        " fighting with the army. Thousands of residents fled towards Mweso. The army"
        " confirmed heavy fighting around the town but would not say whether it had pulled out."
    )
    assert _events(text, gaz) == ["Non-state actor overtakes territory"]


def test_fighting_confirmed_in_a_named_town_is_a_clash_of_its_own(gaz: Gazetteer) -> None:
    text = (
        "Rebels took control of the town of Kitchanga on Thursday."
        " The army confirmed heavy fighting in Mweso on Friday."
    )
    assert sorted(_events(text, gaz)) == ["Armed clash", "Non-state actor overtakes territory"]


def test_men_rounded_up_and_executed_are_the_massacre_not_an_arrest(gaz: Gazetteer) -> None:
    text = (
        "Soldiers killed dozens of villagers in Moura between 3 and 5 March, a UN inquiry said."
        " Over those days the troops rounded up and executed men in and around the village."
    )
    assert "Arrests" not in _events(text, gaz)


def test_men_rounded_up_and_taken_away_are_still_arrested(gaz: Gazetteer) -> None:
    text = "Soldiers rounded up dozens of men in Bamako on Monday and took them to a camp."
    assert _events(text, gaz) == ["Arrests"]

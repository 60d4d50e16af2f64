"""Real acts told inside threats, vows and calls stay events; hearsay and accounts under
inquiry do not (sentences written for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

DAY = date(2024, 5, 5)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _events(text: str, gaz: Gazetteer) -> list[str]:
    return [c.sub_event_type for c in claims_of(text, gaz, DAY, kinds=("event",))]


def test_a_strike_a_vow_answers_stays_an_event(gaz: Gazetteer) -> None:
    text = (
        "Hamas threatened to retaliate after Israeli aircraft bombed a house in Rafah on Tuesday."
    )
    found = claims_of(text, gaz, DAY, kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Air/drone strike"], seen(found)
    assert found[0].date == date(2024, 4, 30)


def test_a_shooting_a_call_for_calm_answers_stays_an_event(gaz: Gazetteer) -> None:
    text = (
        "The governor called for calm after police shot dead two protesters in Nairobi on Tuesday."
    )
    assert len(_events(text, gaz)) == 1


def test_a_dated_relative_clause_under_a_pledge_stays_an_event(gaz: Gazetteer) -> None:
    text = (
        "The president pledged to hunt down the gunmen who abducted 30 students in Kuriga"
        " on Thursday."
    )
    assert _events(text, gaz) == ["Abduction/forced disappearance"]


def test_a_condition_under_a_threat_is_still_no_event(gaz: Gazetteer) -> None:
    text = "Hezbollah threatened to strike Haifa if Israel bombed Beirut."
    assert _events(text, gaz) == []
    assert [c.kind for c in claims_of(text, gaz, DAY)] == ["statement"]


def test_the_threat_itself_is_still_no_event(gaz: Gazetteer) -> None:
    text = "The rebels vowed on Sunday to attack army convoys near Gao after the rains."
    assert _events(text, gaz) == []


def test_unconfirmed_reports_that_say_are_hearsay(gaz: Gazetteer) -> None:
    text = "Unconfirmed reports said the Taliban had executed a former police officer in Kandahar."
    assert _events(text, gaz) == []


def test_local_reports_that_say_still_tell_an_event(gaz: Gazetteer) -> None:
    text = "Local reports said militants had abducted two traders near Menaka on Monday."
    assert _events(text, gaz) == ["Abduction/forced disappearance"]


def test_reports_an_army_will_investigate_are_no_event(gaz: Gazetteer) -> None:
    text = (
        "The army said it would investigate reports that its soldiers had shot a journalist"
        " in Jenin."
    )
    assert _events(text, gaz) == []


def test_allegations_police_are_probing_are_no_event(gaz: Gazetteer) -> None:
    text = "Police are probing allegations that officers beat detainees in Lagos."
    assert _events(text, gaz) == []


def test_a_dated_act_a_future_threat_follows_stays_an_event(gaz: Gazetteer) -> None:
    text = (
        "The militia warned that it would strike again, hours after its fighters shelled"
        " Beni on Friday."
    )
    found = claims_of(text, gaz, DAY, kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Shelling/artillery/missile attack"], seen(found)
    assert found[0].date == date(2024, 5, 3)


def test_an_undated_time_clause_of_a_future_act_is_still_no_event(gaz: Gazetteer) -> None:
    text = "Soldiers would storm the town of Beni once the civilians had fled."
    assert _events(text, gaz) == []


def test_a_denied_act_in_a_time_clause_stays_denied(gaz: Gazetteer) -> None:
    text = "The army denied that soldiers shot protesters as they fled the town of Gulu."
    assert _events(text, gaz) == []


def test_a_community_leaders_call_is_a_statement(gaz: Gazetteer) -> None:
    text = "A tribal elder called on the clans to take up arms against the militia in Kismayo."
    found = claims_of(text, gaz, DAY)
    assert [c.kind for c in found] == ["statement"], seen(found)
    assert "take up arms" in found[0].statement

"""Statements told with naming, accusing and phrasal speech verbs ("called it genocide",
"spoke of a withdrawal", "put the blame on"), written for these tests, not taken from any
report."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

DAY = date(2024, 5, 5)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _statements(text: str, gaz: Gazetteer) -> list[str]:
    return [c.statement for c in claims_of(text, gaz, DAY, kinds=("statement",))]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Rebels attacked the town of Kidal on Monday. "
            "President Adama Traore called what had happened genocide.",
            "genocide",
        ),
        (
            "Fighters seized the town of Baidoa on Monday. "
            "The government, for its part, spoke of a tactical withdrawal of its troops.",
            "tactical withdrawal",
        ),
        (
            "Gunmen attacked a market in Kano on Monday. "
            "Government officials put the blame on the bandits.",
            "blame on the bandits",
        ),
        (
            "Militants stormed a base near Gao on Monday. "
            "The protesters accused the army of failing to protect the villages.",
            "failing to protect",
        ),
        (
            "Soldiers shelled the village of Ayod on Monday. The UN resident coordinator "
            "said she was shocked and called for a full investigation.",
            "full investigation",
        ),
    ],
)
def test_a_judgement_or_accusation_is_a_statement(text: str, words: str, gaz: Gazetteer) -> None:
    found = _statements(text, gaz)
    assert any(words in s for s in found), found


def test_the_event_before_the_judgement_stays_an_event(gaz: Gazetteer) -> None:
    text = (
        "Rebels attacked the town of Kidal on Monday. "
        "President Adama Traore called what had happened genocide."
    )
    found = claims_of(text, gaz, DAY, kinds=("event",))
    assert [p.name for c in found for p in c.places] == ["Kidal"], seen(found)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke to reporters in Goma on Monday.",
        "Soldiers put the town of Kidal under curfew on Monday.",
        "The interior ministry spokesman, Ali Karimi, spoke of 25 dead and 33 injured.",
        "Protesters demanded the resignation of the governor.",
    ],
)
def test_speaking_without_words_or_a_toll_is_no_statement(text: str, gaz: Gazetteer) -> None:
    assert _statements(text, gaz) == []


def test_a_demand_after_a_denial_is_a_statement(gaz: Gazetteer) -> None:
    found = _statements(
        "The rebel group denied any part in the killings and demanded an independent inquiry.",
        gaz,
    )
    assert any("independent inquiry" in s for s in found), found


def test_a_denial_with_its_counter_accusation_stays_a_denial(gaz: Gazetteer) -> None:
    text = "The militia denied shelling the camp and accused the army of the attack."
    assert _statements(text, gaz) == []


def test_a_group_that_has_pledged_allegiance_pledges_nothing_here(gaz: Gazetteer) -> None:
    found = _statements(
        "Army spokesman Jean Kasongo blamed the ADF, an armed group that has pledged "
        "allegiance to the Islamic State.",
        gaz,
    )
    assert len(found) == 1 and "blamed the ADF" in found[0], found


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in Tripoli on Monday. The UN mission urged all sides to stop fighting.",
        "UN peacekeepers said they would secure the town of Bangassou again.",
        "The peacekeepers said they would secure the town of Bangassou again.",
    ],
)
def test_a_body_of_the_un_speaks_as_the_united_nations(text: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, DAY, kinds=("statement",))
    assert [c.actor1 for c in found] == ["United Nations"], seen(found)
    assert "secure" in found[0].statement or "urged" in found[0].statement, seen(found)

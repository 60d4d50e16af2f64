"""Rules found by the lead in the sixth session (invented wording, our own sentences)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of


def statements(text: str, gaz: Gazetteer, published: date = date(2023, 5, 9)) -> list[Claim]:
    return claims_of(text, gaz, published, ("statement",), "p6")


def test_he_after_a_titled_person_in_apposition_is_that_person(gaz: Gazetteer) -> None:
    found = statements(
        "The governor of the province, Colonel Amadou Diallo, toured the market on Monday. "
        "He promised that the road to the border would reopen within a week.",
        gaz,
    )
    assert found, "the promise is a statement"
    assert found[0].statement.startswith("Colonel Amadou Diallo:"), found[0].statement


def test_he_in_the_second_clause_is_the_speaker_of_the_first(gaz: Gazetteer) -> None:
    found = statements(
        "Interior Minister Lena Novak visited the town in the morning. In the evening, "
        "President Marko Horvat said the barrage would not break the country, and he "
        "urged allies to send more air defence systems.",
        gaz,
    )
    urged = next(c for c in found if "urged" in c.statement)
    assert "Horvat" in urged.statement.split(":")[0], urged.statement


def test_it_promised_names_the_party_not_the_pronoun(gaz: Gazetteer) -> None:
    found = statements(
        "The junta that seized power in the capital said it had dissolved parliament. "
        "It promised to hold elections within two years.",
        gaz,
    )
    promise = next(c for c in found if "elections" in c.statement)
    assert promise.statement.split(":")[0].lower() not in ("it", ""), promise.statement
    assert "junta" in promise.statement.split(":")[0], promise.statement

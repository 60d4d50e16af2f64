"""Rules found by the lead in the sixth session (invented wording, our own sentences)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch.actors import actor_table
from frontwatch.geo import Gazetteer
from frontwatch.pipeline import ingest
from frontwatch.store import Store
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


def test_a_relaying_frame_keeps_the_inner_speaker(gaz: Gazetteer) -> None:
    found = statements(
        "The agency clarifies that the peacekeepers said they would secure the town again. "
        "It is noted that the mayor of the town, Jean Bokassa, said the market would reopen.",
        gaz,
    )
    whos = [c.statement.split(":")[0] for c in found]
    assert any("peacekeepers" in w for w in whos), whos
    assert any("Jean Bokassa" in w for w in whos), whos
    assert not any(w.lower() in ("agency", "it") for w in whos), whos


def test_what_was_said_earlier_about_the_future_is_a_statement(gaz: Gazetteer) -> None:
    found = statements(
        "President Ana Lopes, speaking from Geneva, had said she would veto the bill. "
        "The opposition said the protests would continue until the detainees were freed.",
        gaz,
    )
    says = " | ".join(c.statement for c in found)
    assert "veto" in says, says
    assert any(c.statement.startswith("opposition") for c in found), says


def test_anyone_who_attacks_is_no_attack_and_the_warning_is_a_statement(gaz: Gazetteer) -> None:
    found = claims_of(
        "Interior Minister Peter Ochieng says the police will deal firmly with anyone who "
        "attacks police stations in Nairobi.",
        gaz,
        date(2025, 7, 7),
    )
    assert [c.kind for c in found] == ["statement"], [(c.kind, c.sub_event_type) for c in found]


def test_a_capital_or_a_country_speaking_is_its_government(gaz: Gazetteer) -> None:
    found = statements(
        "Rabat said it remained committed to the ceasefire but would answer any threat. "
        "Iran warned that it would respond to any attack on its territory.",
        gaz,
    )
    assert {c.actor1 for c in found} >= {"Government of Morocco", "Government of Iran"}, [
        c.actor1 for c in found
    ]


def test_the_government_of_a_named_country_is_that_country_s() -> None:
    table = actor_table()
    found = table.resolve("the government of Kenya", "MA", date(2020, 11, 14))
    assert found is not None and found.name == "Government of Kenya"
    army = table.resolve("the army of the Central African Republic", "TD", date(2021, 1, 4))
    assert army is not None and army.name.startswith("Military Forces of Central African")


def events(text: str, gaz: Gazetteer, published: date = date(2025, 7, 25)) -> list[Claim]:
    return claims_of(text, gaz, published, ("event",), "p6")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Four people were killed when a rocket hit a market in the town of Surin, "
            "the ministry clarifies.",
            "ministry",
        ),
        (
            "As the Saba agency transmits, on Sunday thousands of people rallied in front "
            "of the UN office in Sanaa.",
            "Saba",
        ),
    ],
)
def test_translated_speech_verbs_name_the_source(gaz: Gazetteer, text: str, source: str) -> None:
    found = events(text, gaz)
    assert found, "the event is read"
    labels = [s.label for s in found[0].sources]
    assert any(source in label for label in labels), labels


def test_a_bare_role_as_speaker_is_the_person_named_with_it_before(gaz: Gazetteer) -> None:
    found = statements(
        "As the government spokesman Paul Adjovi stated on Monday, the toll of the attack on "
        "the border post has risen to 20. The spokesman promised that the army would send "
        "more troops to the north.",
        gaz,
    )
    promise = next(c for c in found if "troops" in c.statement)
    assert promise.statement.split(":")[0].endswith("Paul Adjovi"), promise.statement


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "The government and the rebel alliance signed a declaration of principles in "
            "Doha on Saturday, both sides said.",
            "Agreement",
        ),
        (
            "The paramilitary forces and their allies signed a founding charter in Nairobi "
            "on Saturday for a rival government.",
            "Agreement",
        ),
        (
            "President Maria Duarte signed a decree in Lima on Tuesday placing the armed "
            "forces in charge of the prisons.",
            "Other",
        ),
    ],
)
def test_signed_texts_are_strategic_developments(gaz: Gazetteer, text: str, sub_type: str) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == [sub_type], [c.sub_event_type for c in found]


def test_signing_a_law_is_no_event(gaz: Gazetteer) -> None:
    assert not events("The president signed the law in Kyiv the same evening.", gaz)


def test_a_year_less_dateline_takes_the_year_of_the_stored_reports_too(tmp_path: Path) -> None:
    stored = tmp_path / "stored"
    stored.mkdir()
    for i in range(3):  # three reports of 2025 already in the database
        (stored / f"r{i}.txt").write_text(
            f"Report {i}\n\nPublished: 2025-0{i + 1}-10\n\nTroops clashed with gunmen in Gao.\n"
        )
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "old.txt").write_text(
        "Old report\n\nBAMAKO, March 2, 2021 (wire) - Gunmen attacked a village near Gao.\n"
    )
    (batch / "new.txt").write_text(  # 16 March is a Sunday in 2025, a Tuesday in 2021
        "Strikes on the capital\n\nSANAA, March 16 (wire) - Air strikes on Sanaa on Saturday "
        "killed 31 people, the health ministry said on Sunday.\n"
    )
    store = Store(tmp_path / "fw.db")
    try:
        ingest([stored], store)
        ingest([batch], store)
        dated = {Path(a.origin).name: a.published for a in store.articles()}
    finally:
        store.close()
    assert dated["old.txt"] == date(2021, 3, 2)
    assert dated["new.txt"] == date(2025, 3, 16), dated


@pytest.mark.parametrize(
    "text",
    [
        "As a result of the suicide explosion at a party rally in the town of Khar on Sunday, "
        "40 people died.",
        "The suicide bomb attack on a mosque in Mastung killed 30 people.",
        "A suicide blast hit a market in Mogadishu on Tuesday, killing 12.",
    ],
)
def test_suicide_nouns_are_suicide_bombs(gaz: Gazetteer, text: str) -> None:
    assert [c.sub_event_type for c in events(text, gaz)] == ["Suicide bomb"]

"""Statements (said, not done), their holders, and what is a source's account instead,
on short invented sentences (frontwatch.pipeline.claims_for)."""

from __future__ import annotations

from datetime import date

from frontwatch.evaluate import _source_ok
from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of

PUBLISHED = date(2024, 12, 6)


def _claims(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, article_id="s")


def _statements(text: str, gaz: Gazetteer) -> list[Claim]:
    return [c for c in _claims(text, gaz) if c.kind == "statement"]


def _show(found: list[Claim]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.actor1, c.statement) for c in found]


def test_coordinated_speech_verbs_are_one_statement(gaz: Gazetteer) -> None:
    found = _statements(
        "The governor blamed the rebels for the blackout and said they would pay a heavy price.",
        gaz,
    )
    assert len(found) == 1, _show(found)
    assert "blamed the rebels" in found[0].statement
    assert "would pay a heavy price" in found[0].statement


def test_two_speakers_in_one_sentence_are_two_statements(gaz: Gazetteer) -> None:
    found = _statements(
        "Prime Minister Olga Varga said the talks would resume next week, and Foreign Minister "
        "Piotr Nowak said the border would stay closed.",
        gaz,
    )
    assert len(found) == 2, _show(found)
    assert any("Varga" in c.statement and "talks would resume" in c.statement for c in found)
    assert any("Nowak" in c.statement and "border would stay closed" in c.statement for c in found)


def test_the_speaker_holds_the_intention_he_reports(gaz: Gazetteer) -> None:
    found = _statements(
        "Commander Ivan Petrenko said his men would begin leaving the town on Monday.", gaz
    )
    assert len(found) == 1, _show(found)
    assert found[0].statement.startswith("Commander Ivan Petrenko"), _show(found)


def test_he_is_the_person_named_before(gaz: Gazetteer) -> None:
    found = _statements(
        "Viktor Orlov signed the decree in the evening. On Wednesday he said he would propose "
        "a new budget for the army.",
        gaz,
    )
    assert len(found) == 1, _show(found)
    assert found[0].statement.startswith("Viktor Orlov"), _show(found)


def test_what_a_speaker_says_had_happened_is_no_statement(gaz: Gazetteer) -> None:
    found = _statements(
        "The defence ministry said its last units had crossed to the eastern bank of the river.",
        gaz,
    )
    assert found == [], _show(found)


def test_a_hedged_assessment_stays_a_statement(gaz: Gazetteer) -> None:
    found = _statements(
        "The head of the UN mission said the depot had most likely been hit by a drone.", gaz
    )
    assert len(found) == 1, _show(found)


def test_a_toll_is_a_source_not_a_statement(gaz: Gazetteer) -> None:
    found = _statements("The health ministry said six people had been killed and 40 hurt.", gaz)
    assert found == [], _show(found)


def test_rejecting_a_claim_is_a_denial_not_a_statement(gaz: Gazetteer) -> None:
    found = _statements("The army rejected the claim.", gaz)
    assert found == [], _show(found)


def test_a_union_calling_a_strike_is_no_party_statement(gaz: Gazetteer) -> None:
    found = _statements("The teachers' union called a general strike for Monday.", gaz)
    assert found == [], _show(found)


def test_those_who_wanted_to_leave_hold_no_statement(gaz: Gazetteer) -> None:
    found = _statements(
        "The rebels opened a road out of the city for those who wanted to leave.", gaz
    )
    assert not any(c.modality == "intended" and "leave" in c.statement for c in found), _show(found)


def test_the_wounded_taken_to_hospital_are_no_capture(gaz: Gazetteer) -> None:
    found = _claims(
        "Rescuers said another 15 people were wounded and taken to hospitals in Aleppo.", gaz
    )
    assert not any(c.sub_event_type.endswith("territory") for c in found), _show(found)


def test_a_generic_source_keeps_whose_it_is(gaz: Gazetteer) -> None:
    found = [
        c
        for c in _claims(
            "Drones struck a fuel depot in Port Sudan on Tuesday, US officials said.", gaz
        )
        if c.kind == "event"
    ]
    assert found, _show(found)
    assert any(s.name == "US officials" for s in found[0].sources), found[0].sources


def test_eval_matches_sources_through_the_tables_aliases() -> None:
    assert _source_ok("Israeli military", ["Israel Defense Forces"])
    assert _source_ok("Yevgeny Prigozhin", ["Yevgeny Prigozhin, the head of the group"])
    assert not _source_ok("Israeli military", ["Hezbollah"])


def test_an_earthquake_striking_is_no_event(gaz: Gazetteer) -> None:
    found = _claims("A strong earthquake struck near Mandalay on Friday.", gaz)
    assert not [c for c in found if c.kind == "event"], _show(found)


def test_a_toll_update_is_dated_by_the_strike_not_the_count(gaz: Gazetteer) -> None:
    found = _claims(
        "The death toll from a missile that hit a block of flats in Uman rose to 23 on Sunday, "
        "the emergency service said. The missile struck the building before dawn on Friday.",
        gaz,
    )
    events = [c for c in found if c.kind == "event"]
    assert len(events) == 1, _show(found)
    assert events[0].date is not None and events[0].date.weekday() == 4, events[0].date  # Friday

"""Recall rules of the third recall pass: constructions the development parts told without
frontwatch coding them (or coding them at the wrong place)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim

PUBLISHED = date(2024, 12, 6)  # a Friday: "Sunday" = Dec 1, "Monday" = Dec 2


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    article = Article(id="r1", origin="r.txt", title="", text=text, published=PUBLISHED)
    return [c for c in claims_for(article, gaz) if c.kind in ("event", "displacement")]


def seen(found: list[Claim]) -> list[tuple[str, str, str, list[str], date | None]]:
    return [
        (c.sub_event_type, c.actor1, c.actor2, [p.name for p in c.places], c.date) for c in found
    ]


def test_a_government_decision_is_coded_at_the_capital_not_at_the_last_scene(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Mali's government dissolved the militia on Sunday, a day after gunmen killed at "
        "least 30 villagers in Ogossagou.\n\n"
        "At a meeting on Sunday the cabinet also replaced the chief of the general staff of "
        "the armed forces, the presidency said.",
        gaz,
    )
    changes = [c for c in found if c.sub_event_type == "Change to group/activity"]
    # two decisions (a dissolution, a dismissal): two events, both in Bamako
    assert len(changes) == 2, seen(found)
    assert all([p.name for p in c.places] == ["Bamako"] for c in changes), seen(found)
    assert changes[0].actor1 == "Government of Mali", seen(found)


def test_a_decision_told_with_its_own_place_stays_there(gaz: Gazetteer) -> None:
    found = events("Mali's government dissolved the town council in Gao on Monday.", gaz)
    assert [[p.name for p in c.places] for c in found] == [["Gao"]], seen(found)


def test_a_head_of_government_resigning_is_a_strategic_event_at_the_capital(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Bangladesh's Prime Minister Sheikh Hasina resigned and fled the country by military "
        "helicopter on Monday, the army chief said.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Other", "Government of Bangladesh")
    ], seen(found)
    assert [p.name for p in found[0].places] == ["Dhaka"], seen(found)
    assert found[0].date == date(2024, 12, 2)
    # a party's own official (not the country's) is no government stepping down
    assert events("The opposition's president resigned on Monday.", gaz) == []


def test_a_deal_announced_between_two_parties_is_an_agreement_a_lone_truce_is_not(
    gaz: Gazetteer,
) -> None:
    deal = events(
        "Late on Sunday the Kurdish-led administration announced a deal with the Syrian "
        "government under which Syrian army troops will deploy along the border.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor2) for c in deal] == [("Agreement", "Government of Syria")], (
        seen(deal)
    )
    truce = events(
        "Myanmar's military government announced a temporary ceasefire on Wednesday.", gaz
    )
    assert truce == [], seen(truce)


def test_a_corridor_to_a_town_is_where_the_displaced_went(gaz: Gazetteer) -> None:
    found = events(
        "About 30,000 people left Mariupol by car on Tuesday along a humanitarian corridor "
        "to Zaporizhzhia, officials said.",
        gaz,
    )
    moves = [c for c in found if c.kind == "displacement"]
    assert len(moves) == 1, seen(found)
    assert [p.name for p in moves[0].places] == ["Mariupol"], seen(found)
    assert [p.name for p in moves[0].destinations] == ["Zaporizhzhya"], seen(found)

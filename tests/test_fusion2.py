"""Fusion keeps apart what one report tells as two happenings, and a merged event's fields
agree with its sub-type (our own made-up reports)."""

from __future__ import annotations

import random
from datetime import date

from frontwatch.fuse import fuse
from frontwatch.types import Article, Claim, Event, Place, SourceRef

PORT = Place(
    "Port Amsel", "Port Amsel", "XX", "Examplia", "Coast", lat=4.05, lon=41.2, geonameid=9000001
)
IED = "Remote explosive/landmine/IED"
REBELS = "Examplian Liberation Front"


def _article(aid: str, publisher: str) -> Article:
    return Article(
        id=aid,
        origin=f"{aid}.md",
        title=aid,
        text=f"Report {aid} about bombs in Port Amsel.",
        published=date(2030, 3, 2),
        publisher=publisher,
    )


def _claim(aid: str, idx: int, **kw: object) -> Claim:
    base: dict[str, object] = {
        "article_id": aid,
        "kind": "event",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": IED,
        "actor1": REBELS,
        "actor2": "Civilians (Examplia)",
        "places": (PORT,),
        "date": date(2030, 3, 1),
        "time_precision": 1,
        "sources": (SourceRef("publisher"),),
        "sentence_index": idx,
        "rule": "test",
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _bombs() -> tuple[dict[str, Article], list[Claim]]:
    arts = {"a": _article("a", "Coast Herald"), "b": _article("b", "Harbour News")}
    claims = [
        # report a: a big truck bomb, then "a second car bomb" in the same city that day
        _claim("a", 1, fatalities=120, fatalities_basis="reported"),
        _claim("a", 4, fatalities=3, fatalities_basis="reported"),
        # report b tells only the big one
        _claim("b", 0, fatalities=118, fatalities_basis="reported"),
    ]
    return arts, claims


def _tolls(events: list[Event]) -> list[tuple[int, ...]]:
    return sorted(tuple(sorted(c.fatalities for c in e.claims)) for e in events)


def test_one_reports_two_alike_bombings_stay_two_events() -> None:
    arts, claims = _bombs()
    events = [e for e in fuse(claims, arts) if e.claim.sub_event_type == IED]
    assert len(events) == 2
    for e in events:  # never two claims of one report in one event
        assert len({c.article_id for c in e.claims}) == len(e.claims)
    assert _tolls(events) == [(3,), (118, 120)]  # the second bomb's toll is its own


def test_another_report_joins_one_of_them_whatever_the_order() -> None:
    arts, claims = _bombs()
    want = _tolls(fuse(claims, arts))
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert _tolls(fuse(shuffled, arts)) == want
    assert (118, 120) in want and (3,) in want


def test_two_reports_of_one_bombing_still_fuse() -> None:
    arts, claims = _bombs()
    one = [c for c in claims if c.fatalities != 3]
    events = fuse(one, arts)
    assert len(events) == 1 and len(events[0].claims) == 2


MARCH_REPORT = (
    "Marches against fuel prices across Kenya\n\n"
    "Thousands of people took to the streets in several Kenyan towns on Monday to protest "
    "against the rise in fuel prices.\n\n"
    "In Eldoret, demonstrators marched peacefully through the town centre carrying banners "
    "that called on the government to cut taxes.\n\n"
    "A rights group says at least 9 people have been killed in the protests across the "
    "country so far.\n"
)


def test_a_peaceful_march_takes_no_victims_or_dead_from_a_later_toll() -> None:
    from frontwatch.pipeline import claims_for

    art = Article(
        id="m",
        origin="m.txt",
        title="Marches against fuel prices across Kenya",
        text=MARCH_REPORT,
        published=date(2030, 3, 5),
        publisher="Rift Valley Times",
    )
    marches = [c for c in claims_for(art) if c.sub_event_type == "Peaceful protest"]
    assert marches, "the march is still told"
    for c in marches:
        assert c.actor2 == "" and c.fatalities == 0 and c.fatalities_basis == "none"


def test_a_fused_peaceful_protest_has_no_actor2() -> None:
    town = Place("Eldoret", "Eldoret", "KE", "Kenya", "Uasin Gishu", lat=0.52, lon=35.27)
    arts = {"a": _article("a", "Coast Herald"), "b": _article("b", "Harbour News")}
    kw: dict[str, object] = {
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Kenya)",
        "places": (town,),
    }
    claims = [
        _claim("a", 0, **{**kw, "actor2": ""}),
        _claim("b", 0, **{**kw, "actor2": "Civilians (Kenya)"}),
    ]
    events = fuse(claims, arts)
    assert len(events) == 1 and len(events[0].claims) == 2
    assert events[0].claim.actor2 == ""  # the one-sided sub-type wins over b's victims


def _report_claims(text: str) -> list[Claim]:
    from frontwatch.pipeline import claims_for

    art = Article(
        id="v", origin="v.txt", title="", text=text, published=date(2030, 3, 6), publisher="Wire"
    )
    return [c for c in claims_for(art) if c.kind == "event" and c.sub_event_type == "Attack"]


def test_a_toll_given_town_by_town_is_one_event_per_town() -> None:
    text = (
        "Gunmen kill villagers in two villages\n\n"
        "About 40 people were killed in Tchoma Bangou and some 12 in Zaroumdareye in western "
        "Niger on Tuesday, the interior minister said.\n"
    )
    per_town = {c.places[0].spelled: c.fatalities for c in _report_claims(text) if c.places}
    assert per_town == {"Tchoma Bangou": 40, "Zaroumdareye": 12}


def test_one_toll_for_two_towns_is_not_split() -> None:
    text = (
        "Gunmen kill villagers in two villages\n\n"
        "Gunmen killed 52 villagers in Tchoma Bangou and Zaroumdareye in western Niger on "
        "Tuesday, the interior minister said.\n"
    )
    claims = _report_claims(text)
    assert len(claims) == 1 and len(claims[0].places) == 2 and claims[0].fatalities == 52

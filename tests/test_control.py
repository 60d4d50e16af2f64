"""Control timelines on hand-made events: periods, withdrawals, clashes, camps."""

from __future__ import annotations

from datetime import date

from frontwatch.control import UNKNOWN, camp_of, control_at, control_changes, timeline
from frontwatch.fuse import fuse
from frontwatch.types import Claim, Place, SourceRef

TOWN = Place("Saraqib", "Saraqib", "SY", "Syria", "Idlib", lat=35.864, lon=36.806, geonameid=164816)
OPP = "Syrian opposition (HTS-led)"
GOV = "Military Forces of Syria"


def _claim(idx: int, day: int, sub: str, actor1: str, actor2: str = "", **kw: object) -> Claim:
    base: dict[str, object] = {
        "article_id": f"a{idx}",
        "kind": "event",
        "event_type": "Battles",
        "sub_event_type": sub,
        "actor1": actor1,
        "actor2": actor2,
        "places": (TOWN,),
        "date": date(2024, 12, day),
        "sources": (SourceRef(f"Outlet {idx}"),),
        "sentence_index": idx,
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


CAPTURE = "Non-state actor overtakes territory"
REGAIN = "Government regains territory"
TRANSFER = "Non-violent transfer of territory"


def test_periods_follow_the_changes_in_date_order() -> None:
    events = fuse(
        [
            _claim(1, 1, CAPTURE, OPP, GOV),
            _claim(2, 1, CAPTURE, OPP, GOV),
            _claim(3, 6, REGAIN, GOV, OPP),
            _claim(4, 12, CAPTURE, OPP, GOV),
        ],
        {},
    )
    periods = next(iter(timeline(control_changes(events)).values()))
    assert [(p.controller, p.start, p.end) for p in periods] == [
        (OPP, date(2024, 12, 1), date(2024, 12, 6)),
        ("Syrian government", date(2024, 12, 6), date(2024, 12, 12)),
        (OPP, date(2024, 12, 12), None),
    ]
    # two independent sources make the first change more confident than the others
    assert periods[0].change.confidence > periods[1].change.confidence
    assert [s.controller for s in control_at(control_changes(events), date(2024, 12, 8))] == [
        "Syrian government"
    ]
    assert control_at(control_changes(events), date(2024, 11, 30)) == []


def test_withdrawal_without_a_taker_leaves_unknown() -> None:
    events = fuse([_claim(1, 3, TRANSFER, GOV, notes="withdrawal")], {})
    states = control_at(control_changes(events))
    assert [s.controller for s in states] == [UNKNOWN]


def test_recent_clash_marks_the_town_contested_for_two_weeks() -> None:
    claims = [
        _claim(1, 1, CAPTURE, OPP, GOV),
        _claim(2, 4, "Armed clash", GOV, OPP),
    ]
    changes = control_changes(fuse(claims, {}))
    assert control_at(changes, date(2024, 12, 3))[0].contested is False
    soon = control_at(changes, date(2024, 12, 10))[0]
    assert soon.contested and soon.controller == OPP and "armed clash" in soon.note
    assert control_at(changes, date(2024, 12, 30))[0].contested is False


def test_two_claimed_controllers_are_contested_not_guessed_away() -> None:
    claims = [
        _claim(1, 5, CAPTURE, OPP, GOV),
        _claim(2, 5, CAPTURE, "Syrian Democratic Forces", GOV),
    ]
    events = fuse(claims, {})
    assert len(events) == 1 and "controllers differ" in events[0].contradictions[0]
    state = control_at(control_changes(events))[0]
    assert state.contested and "controllers differ" in state.note


def test_camps_come_from_the_actor_table() -> None:
    assert camp_of("Syrian government", "SY") == "government"
    assert camp_of(OPP, "SY") == "opposition"
    assert camp_of("Russia", "UA") == "foreign"
    assert camp_of("Ukraine", "RU") == "foreign"
    assert camp_of("Russia") == "government"  # no place country: the side's own state
    assert camp_of("Russia", "RU") == "government"
    assert camp_of(UNKNOWN) == UNKNOWN

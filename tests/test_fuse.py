"""Fusion on hand-made claims: one event per happening, independent sources, contradictions."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

from frontwatch.fuse import Fuser, fuse
from frontwatch.store import event_to_dict
from frontwatch.types import Article, Claim, Event, Place, SourceRef

HAMA = Place("Hamah", "Hama", "SY", "Syria", "Hama", lat=35.13179, lon=36.75783, geonameid=170017)
HOMS = Place("Homs", "Homs", "SY", "Syria", "Homs", lat=34.72405, lon=36.72559, geonameid=169577)
NEAR_HAMA = Place(
    "Hamah", "Hama", "SY", "Syria", "Hama", lat=35.15, lon=36.74, geo_precision=2, relation="near"
)
OPP = "Syrian opposition (HTS-led)"
GOV = "Military Forces of Syria"
CAPTURE = "Non-state actor overtakes territory"
WIRE_TEXT = (
    "HAMA, Syria (Meridian Press) - Opposition fighters took the central city of Hama on "
    "Thursday after days of fighting with government troops, a war monitor said, in the "
    "biggest blow to the government in years. Residents described convoys leaving the city."
)


def _article(aid: str, text: str, publisher: str, day: int = 6) -> Article:
    return Article(
        id=aid,
        origin=f"{aid}.md",
        title=aid,
        text=text,
        published=date(2024, 12, day),
        publisher=publisher,
    )


def _claim(aid: str, idx: int, **kw: object) -> Claim:
    base: dict[str, object] = {
        "article_id": aid,
        "kind": "event",
        "event_type": "Battles",
        "sub_event_type": CAPTURE,
        "actor1": OPP,
        "actor2": GOV,
        "places": (HAMA,),
        "date": date(2024, 12, 5),
        "sources": (SourceRef("publisher"),),
        "sentence_index": idx,
        "rule": "test",
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _dump(events: list[Event]) -> str:
    return json.dumps([event_to_dict(e) for e in events], sort_keys=True, default=str)


def _corpus() -> tuple[dict[str, Article], list[Claim]]:
    arts = {
        "wire": _article("wire", WIRE_TEXT, "Meridian Press"),
        "site1": _article("site1", WIRE_TEXT + " More to follow.", "Levant Daily"),
        "site2": _article("site2", "Breaking. " + WIRE_TEXT, "Orontes Post"),
        "own": _article("own", "Our correspondent saw rebels in Hama.", "Gulf Observer"),
        "deny": _article(
            "deny", "The Syrian army denied that rebels had captured Hama on Thursday.", "State TV"
        ),
        "mon": _article("mon", "Monitor report about Hama and Homs.", "Monitor Weekly"),
    }
    claims = [
        _claim("wire", 0, fatalities=20, fatalities_basis="reported"),
        _claim("site1", 0, fatalities=20, fatalities_basis="reported"),
        _claim("site2", 0, fatalities=20, fatalities_basis="reported"),
        _claim("own", 3, date=date(2024, 12, 6), places=(NEAR_HAMA,)),
        _claim(
            "mon",
            1,
            fatalities=34,
            fatalities_basis="reported",
            sources=(SourceRef("Levant Daily", via=("Syrian Observatory for Human Rights",)),),
        ),
        _claim("mon", 2, places=(HOMS,), date=date(2024, 12, 8)),  # another happening
        _claim(
            "mon",
            4,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1=GOV,
            actor2=OPP,
        ),  # another family, same place and day
    ]
    return arts, claims


def test_one_event_per_happening_and_distinct_ones_kept_apart() -> None:
    arts, claims = _corpus()
    events = fuse(claims, arts)
    capture = [e for e in events if e.claim.sub_event_type == CAPTURE]
    assert len(capture) == 2  # Hama (5 claims) and Homs
    hama = next(e for e in capture if e.claim.places[0].admin1 == "Hama")
    assert len(hama.claims) == 5
    assert len(events) == 3
    assert hama.merge_reasons and any("same territory" in r for r in hama.merge_reasons)


def test_reprints_and_citing_chains_count_once() -> None:
    arts, claims = _corpus()
    hama = next(e for e in fuse(claims, arts) if len(e.claims) == 5)
    # wire + two reprints = 1 (credited wire), own reporting = 1, SOHR via Levant Daily = 1
    assert hama.source_count == 3
    assert any("reprint" in r for r in hama.merge_reasons)


def test_contradictions_survive_fusion() -> None:
    arts, claims = _corpus()
    hama = next(e for e in fuse(claims, arts) if len(e.claims) == 5)
    text = " | ".join(hama.contradictions)
    assert "fatalities differ: 20" in text and "34" in text
    assert hama.claim.fatalities == 20
    assert "dates differ" in text
    assert hama.claim.denied_by == (GOV,)
    assert "deny.md" in hama.origins


def test_two_claimed_controllers_make_one_contested_event() -> None:
    arts, claims = _corpus()
    arts["sdf"] = _article("sdf", "The SDF said it held Hama.", "Qamishli Radio")
    claims.append(_claim("sdf", 0, actor1="Syrian Democratic Forces", actor2=""))
    hama = next(e for e in fuse(claims, arts) if len(e.claims) == 6)
    assert any(c.startswith("controllers differ") for c in hama.contradictions)


def test_one_report_telling_two_days_tells_two_events() -> None:
    arts, claims = _corpus()
    claims.append(_claim("own", 9, actor1="Syrian Democratic Forces", actor2=""))
    capture = [e for e in fuse(claims, arts) if e.claim.sub_event_type == CAPTURE]
    own_days = sorted(c.date for e in capture for c in e.claims if c.article_id == "own")
    assert len(own_days) == 2 and own_days[0] != own_days[1]
    assert all(len({c.date for c in e.claims if c.article_id == "own"}) <= 1 for e in capture)


def test_same_town_days_apart_are_two_events() -> None:
    arts, claims = _corpus()
    claims.append(_claim("own", 7, date=date(2024, 12, 9)))
    capture = [e for e in fuse(claims, arts) if e.claim.sub_event_type == CAPTURE]
    assert len(capture) == 3


def test_result_does_not_depend_on_order_or_batches() -> None:
    arts, claims = _corpus()
    expected = _dump(fuse(claims, arts))
    rng = random.Random(3)
    for _ in range(5):
        shuffled = claims[:]
        rng.shuffle(shuffled)
        names = list(arts)
        rng.shuffle(names)
        assert _dump(fuse(shuffled, {n: arts[n] for n in names})) == expected
        fuser = Fuser()
        cut = rng.randrange(1, len(shuffled))
        first = {c.article_id for c in shuffled[:cut]}
        fuser.add([arts[n] for n in names if n in first], shuffled[:cut])
        fuser.add([arts[n] for n in names if n not in first], shuffled[cut:])
        assert _dump(fuser.events()) == expected


def test_incremental_add_rebuilds_only_the_affected_events() -> None:
    arts, claims = _corpus()
    fuser = Fuser()
    fuser.add(arts.values(), claims)
    before = {e.event_id for e in fuser.events()}
    update = fuser.add([], [_claim("own", 11, places=(HOMS,), date=date(2024, 12, 8))])
    assert len(update.added) == 1 and len(update.removed) == 1
    assert update.removed[0] in before
    after = {e.event_id for e in fuser.events()}
    assert len(after - before) == 1 and len(before - after) == 1


def test_contradictory_and_empty_input_never_crash() -> None:
    assert fuse([], {}) == []
    odd = [
        _claim("x", 0, places=(), date=None),
        _claim("x", 1, places=(), date=None, actor1=""),
        _claim("y", 0, kind="statement", statement="We will hold the city", actor1=GOV),
        _claim("z", 0, kind="statement", statement="We will hold the city.", actor1=GOV),
    ]
    events = fuse(odd, {})
    assert sum(len(e.claims) for e in events) == 4
    assert len([e for e in events if e.claim.kind == "statement"]) == 1


def test_uncredited_copies_count_as_the_first_publisher() -> None:
    text = (
        "Government forces shelled the outskirts of Homs overnight and residents said several "
        "houses were destroyed near the main road, while rebels moved reinforcements south."
    )
    arts = {
        "orig": _article("orig", text, "Gulf Observer", day=5),
        "copy": _article("copy", text + " Copied with thanks.", "Aggregator Hub", day=6),
        "own": _article("own", "Different words about Homs entirely, told again.", "Gulf Observer"),
    }
    claims = [_claim(a, 0, places=(HOMS,), date=date(2024, 12, 8)) for a in arts]
    event = fuse(claims, arts)[0]
    assert len(event.claims) == 3
    assert event.source_count == 1  # the copy is the Gulf Observer's story


# --- incremental fusion across ingest runs (pipeline + saved state) -----------------


def _demo_files() -> list[Path]:
    from frontwatch.config import DATA_DIR

    return sorted(p for p in (DATA_DIR / "demo").rglob("*") if p.suffix in {".txt", ".md", ".html"})


def test_a_second_ingest_rebuilds_only_the_events_it_touches_and_matches_a_full_fusion(
    tmp_path: Path,
) -> None:
    from frontwatch.pipeline import ingest, refuse
    from frontwatch.store import Store

    files = _demo_files()
    first, second = files[:-2], files[-2:]
    with Store(tmp_path / "inc.db") as store:
        r1 = ingest(first, store)
        r2 = ingest(second, store)
        incremental = store.events()
        assert r2.fusion == "incremental"
        assert 0 < r2.events_rebuilt < len(incremental)
        assert refuse(store) == incremental  # a full recompute gives the same events
        assert r1.articles_new + r2.articles_new == len(files)
    with Store(tmp_path / "all.db") as store:
        ingest(files, store)
        assert store.events() == incremental


def test_a_stale_or_corrupt_fusion_state_falls_back_to_a_full_recompute(tmp_path: Path) -> None:
    from frontwatch import _fuse_state
    from frontwatch.pipeline import ingest
    from frontwatch.store import Store

    files = _demo_files()
    with Store(tmp_path / "s.db") as store:
        ingest(files[:3], store)
        state = _fuse_state.state_path(store)
        assert state is not None and state.is_file()
        state.write_bytes(b"not a pickle")
        report = ingest(files[3:5], store)
        assert report.fusion == "full"
        assert report.events == len(store.events())


def test_fusion_states_of_old_databases_are_pruned_so_the_cache_stays_small(
    tmp_path: Path,
) -> None:
    import os

    from frontwatch import _fuse_state

    for i in range(6):
        f = tmp_path / f"{i:02d}.pkl"
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    assert _fuse_state.prune(tmp_path, keep=4) == 2
    assert sorted(p.name for p in tmp_path.glob("*.pkl")) == [
        "02.pkl",
        "03.pkl",
        "04.pkl",
        "05.pkl",
    ]


def test_events_of_one_sentence_and_rule_get_distinct_ids() -> None:
    """ "Took Hama on Thursday and Homs on Friday": one sentence, one rule, two events; their
    ids differ (they once collided and the store refused the second one)."""
    claims = [
        _claim("wire", 0, places=(HAMA,)),
        _claim("wire", 0, places=(HOMS,), date=date(2024, 12, 6)),
    ]
    events = fuse(claims, {"wire": _article("wire", WIRE_TEXT, "Meridian Press")})
    assert len(events) == 2
    assert len({e.event_id for e in events}) == 2


def _one_event(arts: dict[str, Article], claims: list[Claim]) -> Event:
    events = [e for e in fuse(claims, arts) if e.claim.kind == "event"]
    assert len(events) == 1
    return events[0]


def test_an_organisation_is_one_source_however_outlets_name_it() -> None:
    arts = {
        aid: _article(aid, f"Report {aid} about Hama.", pub)
        for aid, pub in (("a", "Levant Daily"), ("b", "Orontes Post"), ("c", "Gulf Observer"))
    }
    claims = [
        _claim("a", 0, sources=(SourceRef("army"),)),
        _claim("b", 0, sources=(SourceRef("army statement"),)),
        _claim("c", 0, sources=(SourceRef("Syrian army"),)),
    ]
    assert _one_event(arts, claims).source_count == 1  # the army, told three ways
    people = [
        _claim("a", 0, sources=(SourceRef("military sources"),)),
        _claim("b", 0, sources=(SourceRef("military sources"),)),
    ]
    assert _one_event(arts, people).source_count == 2  # unnamed people stay each report's own


def test_media_outlets_are_never_read_as_the_organisation_they_name() -> None:
    arts = {"a": _article("a", "A about Hama.", "X"), "b": _article("b", "B about Hama.", "Y")}
    claims = [
        _claim("a", 0, sources=(SourceRef("SANA", stance="state media"),)),
        _claim("b", 0, sources=(SourceRef("army"),)),
    ]
    assert _one_event(arts, claims).source_count == 2  # state media and the army: two voices


def test_the_monitor_is_the_monitor_the_claim_names() -> None:
    arts = {
        "a": _article("a", "A about Hama.", "Levant Daily"),
        "b": _article("b", "B about Hama.", "Gulf Observer"),
    }
    sohr = SourceRef("Syrian Observatory for Human Rights", stance="monitor")
    claims = [
        _claim("a", 0, sources=(sohr,)),
        _claim("b", 0, sources=(sohr, SourceRef("monitor"))),
    ]
    event = _one_event(arts, claims)
    assert event.source_count == 1
    assert [s.label for s in event.claim.sources] == ["Syrian Observatory for Human Rights"]
    alone = [_claim("a", 0, sources=(SourceRef("monitor"),))]  # no named monitor: kept as told
    assert [s.label for s in _one_event(arts, alone).claim.sources] == ["monitor"]

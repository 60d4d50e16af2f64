from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import (
    SCHEMA_VERSION,
    Store,
    _sqlite,
    article_from_dict,
    article_to_dict,
    claim_from_dict,
    claim_to_dict,
    event_from_dict,
    event_to_dict,
)
from frontwatch.types import Article, Claim, Event, Place, SourceRef, Span


def _article(n: int = 1, text: str = "Rebels took Ar Rastan on Monday, SANA said.") -> Article:
    return Article(
        id=f"a{n:015d}",
        origin=f"reports/{n}.txt",
        title=f"Report {n} from Homs",
        text=text,
        published=date(2024, 12, 2),
        published_basis="front-matter",
        url=f"https://example.org/{n}",
        publisher="Example News",
    )


def _claim(article_id: str, **kw: object) -> Claim:
    base: dict[str, object] = dict(
        article_id=article_id,
        kind="event",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1="Syrian opposition (HTS-led)",
        actor2="Military Forces of Syria",
        places=(
            Place(
                name="Ar Rastan",
                spelled="al-Rastan",
                country="SY",
                country_name="Syria",
                admin1="Homs",
                lat=34.92653,
                lon=36.73241,
                geonameid=172374,
                offset_km=5.0,
                bearing="N",
                relation="offset",
                geo_precision=2,
            ),
            Place(name="Talbiseh", spelled="Talbiseh", country="SY", admin1="Homs"),
        ),
        date=date(2024, 12, 2),
        date_end=date(2024, 12, 3),
        fatalities=4,
        fatalities_basis="reported",
        numbers=(("settlements", "56"),),
        sources=(SourceRef("Reuters", "wire", "", ("military sources", "SANA")),),
        denied_by=("Military Forces of Syria",),
        modality="claimed",
        confidence=0.83,
        evidence=(Span(0, 12, "Rebels took"),),
        alt_sub_event_types=("Armed clash",),
    )
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _event(claims: tuple[Claim, ...]) -> Event:
    return Event(
        event_id="SYR0001",
        claim=claims[0],
        claims=claims,
        origins=("reports/1.txt",),
        source_count=1,
        contradictions=("denied by Military Forces of Syria",),
        merge_reasons=("same place",),
    )


# --- codecs ---------------------------------------------------------------


def test_claim_round_trip() -> None:
    c = _claim("a1", destinations=(Place(name="Homs", spelled="Homs"),))
    d = claim_to_dict(c)
    assert d["date"] == "2024-12-02"
    assert d["places"][0]["name"] == "Ar Rastan"
    assert claim_from_dict(d) == c
    assert isinstance(claim_from_dict(d).numbers[0], tuple)
    assert isinstance(claim_from_dict(d).sources[0].via, tuple)


def test_claim_round_trip_through_json() -> None:
    import json

    c = _claim("a1")
    assert claim_from_dict(json.loads(json.dumps(claim_to_dict(c)))) == c
    minimal = Claim(article_id="x", kind="statement")
    assert claim_from_dict(json.loads(json.dumps(claim_to_dict(minimal)))) == minimal


def test_article_and_event_round_trip() -> None:
    a = _article()
    assert article_to_dict(a)["published"] == "2024-12-02"
    assert article_from_dict(article_to_dict(a)) == a
    undated = Article(id="x", origin="o", title="t", text="x")
    assert article_from_dict(article_to_dict(undated)) == undated
    e = _event((_claim("a1"), _claim("a2", date=None)))
    assert event_from_dict(event_to_dict(e)) == e


def test_from_dict_ignores_unknown_keys() -> None:
    d = claim_to_dict(_claim("a1"))
    d["from_the_future"] = 1
    assert claim_from_dict(d) == _claim("a1")


# --- store ----------------------------------------------------------------


def test_store_add_and_read(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    a = _article()
    claims = [_claim(a.id), _claim(a.id, kind="statement", statement="We will advance.")]
    with Store(db) as store:
        assert not store.has_article(a.id)
        assert store.add_article(a, claims) is True
        assert store.has_article(a.id)
        assert store.article(a.id) == a
        assert store.article("nope") is None
        assert store.articles() == [a]
        assert store.claims() == claims
        assert store.counts() == {
            "articles": 1,
            "claims": 2,
            "claim_sources": 2,
            "evidence": 2,
            "events": 0,
        }
        assert store.last_ingested() > 0
    # persisted
    with Store(db) as store:
        assert store.claims() == claims


def test_store_idempotent(tmp_path: Path) -> None:
    a = _article()
    with Store(tmp_path / "fw.db") as store:
        assert store.add_article(a, [_claim(a.id)])
        assert store.add_article(a, [_claim(a.id), _claim(a.id)]) is False
        assert store.counts()["articles"] == 1
        assert store.counts()["claims"] == 1


def test_claims_order(tmp_path: Path) -> None:
    a2, a1 = _article(2), _article(1)
    with Store(tmp_path / "fw.db") as store:
        store.add_article(a2, [_claim(a2.id, fatalities=1), _claim(a2.id, fatalities=2)])
        store.add_article(a1, [_claim(a1.id, fatalities=3)])
        assert [c.fatalities for c in store.claims()] == [3, 1, 2]


def test_add_article_is_atomic(tmp_path: Path) -> None:
    a = _article()
    bad = _claim(a.id, date="not a date")  # fails to serialise
    with Store(tmp_path / "fw.db") as store:
        with pytest.raises(AttributeError):
            store.add_article(a, [_claim(a.id), bad])
        assert not store.has_article(a.id)
        assert store.counts() == dict.fromkeys(
            ("articles", "claims", "claim_sources", "evidence", "events"), 0
        )
        assert store.search("Rastan") == []
        # and the store still works afterwards
        assert store.add_article(a, [_claim(a.id)])


def test_replace_events_is_atomic(tmp_path: Path) -> None:
    a = _article()
    e1 = _event((_claim(a.id),))
    e2 = Event("SYR0002", _claim(a.id, fatalities=9), (), ("r/2",), 2)
    with Store(tmp_path / "fw.db") as store:
        store.replace_events([e1, e2])
        assert store.events() == [e1, e2]
        broken = Event("SYR0003", _claim(a.id, date_end="bad"), (), (), 1)
        with pytest.raises(AttributeError):
            store.replace_events([e2, broken])
        assert store.events() == [e1, e2]
        # duplicate ids are a database error: StoreError, nothing changed
        with pytest.raises(StoreError):
            store.replace_events([e2, e2])
        assert store.events() == [e1, e2]
        store.replace_events([e2])
        assert store.events() == [e2]
        store.replace_events([])
        assert store.events() == []


def test_add_article_rollback_on_database_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _article()
    calls = {"n": 0}
    real = _sqlite.claim_to_dict

    def flaky(c: Claim) -> dict[str, object]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real(c)

    monkeypatch.setattr(_sqlite, "claim_to_dict", flaky)
    with Store(tmp_path / "fw.db") as store:
        with pytest.raises(StoreError, match="disk I/O error"):
            store.add_article(a, [_claim(a.id), _claim(a.id)])
        assert store.counts()["articles"] == 0
        assert store.counts()["claims"] == 0


def test_search(tmp_path: Path) -> None:
    a1 = _article(1, "Fighters entered Ḥamāh after heavy shelling.")
    a2 = _article(2, "Talks in Geneva ended without agreement.")
    with Store(tmp_path / "fw.db") as store:
        store.add_article(a1, [])
        store.add_article(a2, [])
        assert store.search("hamah") == [a1]  # diacritics removed
        assert store.search("geneva talks") == [a2]
        assert store.search("Homs") == [a1, a2]  # title
        assert store.search('al-"Rastan') == []  # punctuation does not break FTS
        assert store.search("   ") == []


def test_schema_and_pragmas(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION == 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "claims", "claim_sources", "evidence", "events", "articles_fts"} <= tables
    conn.close()


def test_cascade_delete(tmp_path: Path) -> None:
    a = _article()
    with Store(tmp_path / "fw.db") as store:
        store.add_article(a, [_claim(a.id)])
        store.conn.execute("DELETE FROM articles")
        assert store.counts()["claims"] == 0
        assert store.counts()["evidence"] == 0


def test_text_file_rejected_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"just some notes\nnot a database\n")
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "not a SQLite database" in str(info.value)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_foreign_sqlite_db_rejected(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a frontwatch"):
        Store(path)
    assert path.read_bytes() == before


def test_newer_schema_rejected_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(db)
    assert db.read_bytes() == before


def test_migrations_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "fw.db"
    Store(db).close()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN extra TEXT")

    monkeypatch.setattr(_sqlite, "_MIGRATIONS", [*_sqlite._MIGRATIONS, add_column])
    monkeypatch.setattr(_sqlite, "SCHEMA_VERSION", 2)
    with Store(db) as store:
        assert store.schema_version() == 2
        cols = [r[1] for r in store.conn.execute("PRAGMA table_info(events)")]
        assert "extra" in cols


def test_closed_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "fw.db")
    store.close()
    store.close()
    with pytest.raises(StoreError):
        store.articles()


def test_memory_store() -> None:
    with Store(":memory:") as store:
        a = _article()
        assert store.add_article(a, [_claim(a.id)])
        assert store.claims() == [_claim(a.id)]


def test_update_events_drops_rebuilds_and_adds_in_one_transaction(tmp_path: Path) -> None:
    a = _article()
    e1 = _event((_claim(a.id),))
    e2 = Event("SYR0002", _claim(a.id, fatalities=9), (), ("r/2",), 2)
    e2_rebuilt = Event("SYR0002", _claim(a.id, fatalities=4), (), ("r/2", "r/3"), 3)
    e3 = Event("SYR0003", _claim(a.id), (), ("r/3",), 1)
    with Store(tmp_path / "fw.db") as store:
        store.replace_events([e1, e2])
        store.update_events(["SYR0001"], [e2_rebuilt, e3])
        assert store.events() == [e2_rebuilt, e3]
        with pytest.raises(StoreError):  # the same id twice: nothing changes
            store.update_events([], [e3, e3])
        assert store.events() == [e2_rebuilt, e3]


def test_published_years_lists_dated_articles_only(tmp_path: Path) -> None:
    from dataclasses import replace

    with Store(tmp_path / "fw.db") as store:
        store.add_article(_article(1), [])
        store.add_article(replace(_article(2, "Other text."), published=None), [])
        assert store.published_years() == [2024]

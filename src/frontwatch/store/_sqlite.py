"""The SQLite store: articles, claims, events, with full-text search.

One transaction per write call (an article with its claims; the whole event
set), so a failure mid-write leaves the database as it was. The schema is
versioned: ``_MIGRATIONS[i]`` takes the schema from version ``i`` to ``i + 1``
and runs in the same transaction as the version bump.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from frontwatch.errors import StoreError
from frontwatch.types import Article, Claim, Event

from ._codec import (
    article_from_dict,
    claim_from_dict,
    claim_to_dict,
    event_from_dict,
    event_to_dict,
)

__all__ = ["Store", "SCHEMA_VERSION"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            published TEXT,
            published_basis TEXT NOT NULL,
            url TEXT NOT NULL,
            publisher TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            ingested_at TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            json TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX claims_article ON claims(article_id)")
    conn.execute(
        """CREATE TABLE claim_sources (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            stance TEXT NOT NULL,
            via TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX claim_sources_claim ON claim_sources(claim_id)")
    conn.execute(
        """CREATE TABLE evidence (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX evidence_claim ON evidence(claim_id)")
    conn.execute(
        """CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            event_date TEXT,
            sub_event_type TEXT NOT NULL,
            kind TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX events_date ON events(event_date)")
    conn.execute(
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, text,
            tokenize='unicode61 remove_diacritics 2'
        )"""
    )


# _MIGRATIONS[i] upgrades a database at schema version i to version i + 1.
_MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_0_to_1]
SCHEMA_VERSION = len(_MIGRATIONS)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 ever touches it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a SQLite database (left unchanged)")


class Store:
    """A frontwatch database. ``Store(path)``; use as a context manager or call close()."""

    def __init__(self, path: Path | str) -> None:
        self.path = path if isinstance(path, str) and path == ":memory:" else Path(path)
        self._conn: sqlite3.Connection | None = None
        if isinstance(self.path, Path):
            _check_header(self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create {self.path.parent}: {exc.strerror or exc}"
                ) from None
        try:
            conn = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        try:
            self._check_version(conn)  # read-only: runs before anything is written
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._migrate(conn)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        self._conn = conn

    # --- lifecycle --------------------------------------------------------

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the store is closed")
        return self._conn

    # --- schema -----------------------------------------------------------

    def _check_version(self, conn: sqlite3.Connection) -> None:
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")
        }
        if not tables:
            return
        if "schema_version" not in tables:
            raise StoreError(f"{self.path} is a SQLite database but not a frontwatch one")
        version = self._version(conn)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}; this frontwatch reads up to "
                f"{SCHEMA_VERSION} (upgrade frontwatch)"
            )

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self._version(conn)
            if current > SCHEMA_VERSION:  # another process upgraded it meanwhile
                raise StoreError(f"{self.path} has schema version {current} (upgrade frontwatch)")
            for version in range(current, SCHEMA_VERSION):
                _MIGRATIONS[version](conn)
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version + 1,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return self._version(self.conn)

    # --- transactions -----------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {self.path}: {exc}") from None
        try:
            yield conn
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"cannot write {self.path}: {exc}") from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"cannot write {self.path}: {exc}") from None

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from None

    # --- articles and claims ---------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, article: Article, claims: Sequence[Claim]) -> bool:
        """Store an article and its claims in one transaction.

        Returns False (and changes nothing) if the article id is already stored.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as conn:
            cur = conn.execute(
                """INSERT OR IGNORE INTO articles
                   (id, origin, title, text, published, published_basis, url, publisher,
                    language, ingested_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.id,
                    article.origin,
                    article.title,
                    article.text,
                    article.published.isoformat() if article.published else None,
                    article.published_basis,
                    article.url,
                    article.publisher,
                    article.language,
                    now,
                ),
            )
            if cur.rowcount == 0:
                return False
            conn.execute(
                "INSERT INTO articles_fts(article_id, title, text) VALUES (?, ?, ?)",
                (article.id, article.title, article.text),
            )
            for claim in claims:
                payload = json.dumps(claim_to_dict(claim), ensure_ascii=False)
                cur = conn.execute(
                    "INSERT INTO claims(article_id, kind, sub_event_type, json) VALUES (?, ?, ?, ?)",
                    (article.id, claim.kind, claim.sub_event_type, payload),
                )
                claim_id = cur.lastrowid
                conn.executemany(
                    "INSERT INTO claim_sources(claim_id, name, stance, via) VALUES (?, ?, ?, ?)",
                    [(claim_id, s.name, s.stance, json.dumps(list(s.via))) for s in claim.sources],
                )
                conn.executemany(
                    'INSERT INTO evidence(claim_id, start, "end", text) VALUES (?, ?, ?, ?)',
                    [(claim_id, s.start, s.end, s.text) for s in claim.evidence],
                )
        return True

    _ARTICLE_COLS = "id, origin, title, text, published, published_basis, url, publisher, language"

    @staticmethod
    def _article(row: Sequence[Any]) -> Article:
        keys = (
            "id",
            "origin",
            "title",
            "text",
            "published",
            "published_basis",
            "url",
            "publisher",
            "language",
        )
        return article_from_dict(dict(zip(keys, row, strict=True)))

    def articles(self) -> list[Article]:
        """Every article, ordered by id."""
        rows = self._read(f"SELECT {self._ARTICLE_COLS} FROM articles ORDER BY id")
        return [self._article(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        rows = self._read(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return self._article(rows[0]) if rows else None

    def claims(self) -> list[Claim]:
        """Every claim, ordered by article id, then in the order they were added."""
        rows = self._read("SELECT json FROM claims ORDER BY article_id, id")
        return [claim_from_dict(json.loads(r[0])) for r in rows]

    def published_years(self) -> list[int]:
        """The publication year of every stored article that has a date (no texts read)."""
        rows = self._read(
            "SELECT substr(published, 1, 4) FROM articles WHERE published IS NOT NULL"
        )
        return [int(r[0]) for r in rows]

    def claims_of(self, article_ids: Sequence[str]) -> list[Claim]:
        """The claims of these articles, ordered as claims() orders them."""
        out: list[Claim] = []
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT json FROM claims WHERE article_id IN ({marks}) ORDER BY article_id, id",
                chunk,
            )
            out.extend(claim_from_dict(json.loads(r[0])) for r in rows)
        return out

    def fingerprint(self) -> str:
        """Changes whenever an article or claim is added or removed (for caches of derived state)."""
        row = self._read(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM claims), "
            "(SELECT COALESCE(MAX(id), 0) FROM claims), "
            "(SELECT COALESCE(MAX(ingested_at), '') FROM articles)"
        )[0]
        return f"{row[0]}|{row[1]}|{row[2]}|{row[3]}"

    def search(self, query: str) -> list[Article]:
        """Articles whose title or text match every word of `query` (FTS5, best first).

        Words are matched as quoted phrases, so punctuation in the query
        ("al-Rastan", quotes) cannot break the FTS syntax.
        """
        terms = ['"' + word.replace('"', '""') + '"' for word in query.split()]
        if not terms:
            return []
        rows = self._read(
            f"""SELECT {", ".join("a." + c.strip() for c in self._ARTICLE_COLS.split(","))}
                FROM articles_fts f JOIN articles a ON a.id = f.article_id
                WHERE articles_fts MATCH ? ORDER BY f.rank, a.id""",
            (" ".join(terms),),
        )
        return [self._article(r) for r in rows]

    # --- events -----------------------------------------------------------

    @staticmethod
    def _insert_events(conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        conn.executemany(
            """INSERT INTO events(event_id, json, event_date, sub_event_type, kind)
               VALUES (?, ?, ?, ?, ?)""",
            [
                (
                    event.event_id,
                    json.dumps(event_to_dict(event), ensure_ascii=False),
                    event.claim.date.isoformat() if event.claim.date else None,
                    event.claim.sub_event_type,
                    event.claim.kind,
                )
                for event in events
            ],
        )

    def replace_events(self, events: Sequence[Event]) -> None:
        """Replace the whole event set in one transaction."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM events")
            self._insert_events(conn, events)

    def update_events(self, removed: Sequence[str], changed: Sequence[Event]) -> None:
        """Drop the `removed` event ids and write `changed` (new or rebuilt), in one transaction."""
        with self._transaction() as conn:
            gone = [*removed, *(e.event_id for e in changed)]  # rebuilt ones keep their id
            conn.executemany("DELETE FROM events WHERE event_id = ?", [(i,) for i in gone])
            self._insert_events(conn, changed)

    def events(self) -> list[Event]:
        """The stored events by date (undated first), then id: the order fusion gives them."""
        rows = self._read("SELECT json FROM events ORDER BY event_date, event_id")
        return [event_from_dict(json.loads(r[0])) for r in rows]

    # --- stats ------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("articles", "claims", "claim_sources", "evidence", "events"):
            out[table] = int(self._read(f"SELECT COUNT(*) FROM {table}")[0][0])
        return out

    def last_ingested(self) -> int:
        """Unix time of the newest article's ingest (0 when empty)."""
        row = self._read("SELECT MAX(ingested_at) FROM articles")[0]
        if not row[0]:
            return 0
        return int(datetime.fromisoformat(row[0]).timestamp())

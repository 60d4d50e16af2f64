"""The fusion state saved between ingest runs, so a run rebuilds only the events it touches.

The state (a `Fuser`) is pickled to the user's cache directory, never into the database
(a database may come from someone else; the cache is the user's own, like the gazetteer
index). It is used only when it was saved for this database file, by this code, when the
database looked exactly as it does now (`Store.fingerprint`); anything else means a full
recompute, which gives the same events. A missing, stale or unreadable state is never an
error: it only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from frontwatch.config import settings
from frontwatch.fuse import Fuser
from frontwatch.store import Store

__all__ = ["MAX_STATES", "load", "prune", "save", "state_path"]

_FORMAT = 1
_CODE_FILES = ("types.py", "fuse")
# States kept in the cache: the most recently saved ones (one per database file). Older ones
# are deleted on save, so databases made and thrown away (tests, trials) do not fill the disk.
MAX_STATES = 32


@lru_cache(maxsize=1)
def _code_key() -> str:
    """Changes with the source of fusion and of the types it pickles."""
    root = Path(__file__).parent
    h = hashlib.sha1(f"{_FORMAT};".encode())
    for name in _CODE_FILES:
        target = root / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for f in files:
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def state_path(store: Store) -> Path | None:
    if not isinstance(store.path, Path):  # ":memory:"
        return None
    key = hashlib.sha1(str(store.path.resolve()).encode()).hexdigest()[:20]
    return settings().cache_dir / "fuse-state" / f"{key}.pkl"


def load(store: Store, fingerprint: str) -> Fuser | None:
    """The saved Fuser if it matches `fingerprint` and this code, else None."""
    path = state_path(store)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as fp:
            saved = pickle.load(fp)
    except Exception:  # a truncated or foreign file is only a cache miss
        return None
    if not isinstance(saved, tuple) or len(saved) != 3:
        return None
    code, saved_fingerprint, fuser = saved
    if code != _code_key() or saved_fingerprint != fingerprint or not isinstance(fuser, Fuser):
        return None
    return fuser


def save(store: Store, fuser: Fuser) -> None:
    """Write the state for the store as it is now (atomically; failures are ignored)."""
    path = state_path(store)
    if path is None:
        return
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fuse-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fp:
            pickle.dump((_code_key(), store.fingerprint(), fuser), fp, protocol=5)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return
    prune(path.parent)


def prune(folder: Path, keep: int = MAX_STATES) -> int:
    """Delete all but the `keep` most recently written states in `folder`; how many went."""
    try:
        states = sorted(folder.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return 0
    removed = 0
    for old in states[keep:]:
        try:
            old.unlink()
            removed += 1
        except OSError:
            pass
    return removed

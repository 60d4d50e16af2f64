"""Which language a report is in, so that non-English reports are stored but not coded.

The guess is deliberately simple and table-driven (`data/languages.yaml`): the script of
the letters, then, for the Latin script, the share of words that are frequent function
words of each language. It only has to tell English from the rest with a wide margin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from frontwatch.config import DATA_DIR

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Script:
    language: str
    low: int
    high: int
    marks: frozenset[str]


@dataclass(frozen=True)
class _Table:
    min_words: int
    min_share: float
    over_english: float
    words: dict[str, frozenset[str]]
    scripts: tuple[_Script, ...]


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = yaml.safe_load((DATA_DIR / "languages.yaml").read_text(encoding="utf-8"))
    scripts = tuple(
        _Script(
            str(s["language"]),
            int(str(s["from"]), 16),
            int(str(s["to"]), 16),
            frozenset(str(s.get("marks", ""))),
        )
        for s in raw["scripts"]
    )
    words = {
        str(lang): frozenset(str(w).casefold() for w in ws)
        for lang, ws in raw["function_words"].items()
    }
    return _Table(
        int(raw["min_words"]), float(raw["min_share"]), float(raw["over_english"]), words, scripts
    )


def _by_script(letters: list[str], table: _Table) -> str | None:
    """The language of a report whose letters are mostly of one non-Latin script."""
    chars = set(letters)
    for s in table.scripts:
        inside = sum(1 for c in letters if s.low <= ord(c) <= s.high)
        if inside * 2 > len(letters) and (not s.marks or s.marks & chars):
            return s.language
    return None


def detect_language(text: str, declared: str = "") -> str:
    """ISO 639-1 code of the report's language, from its text; the `declared` one (page
    metadata, often a site template's) only when the text is too short or unclear."""
    table = _table()
    letters = [c for c in text[:20_000] if c.isalpha()]
    fallback = declared or "en"
    if not letters:
        return fallback
    if sum(1 for c in letters if ord(c) > 0x24F) * 2 > len(letters):
        return _by_script(letters, table) or "und"
    words = [w.casefold() for w in _WORD.findall(text[:20_000])]
    if len(words) < table.min_words:
        return fallback
    share = {
        lang: sum(1 for w in words if w in fw) / len(words) for lang, fw in table.words.items()
    }
    english = share.pop("en", 0.0)
    best = max(share, key=share.__getitem__, default="en")
    if share.get(best, 0.0) >= table.min_share and share[best] >= table.over_english * english:
        return best
    return "en" if english >= table.min_share else fallback

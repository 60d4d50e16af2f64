"""Denials: "The army denied reports that rebels had captured Homs."

The extractor skips denied happenings (they are not events), so fusion reads
them back: a sentence with a denial word (data/fusion.yaml) that names a place
of a reported happening makes the denial a contradiction of that event. Who
denies is the text before the denial word, read through the actor table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from frontwatch.actors import actor_table
from frontwatch.geo import normalise_name
from frontwatch.types import Article, Place

from ._config import fusion_config

__all__ = ["Denial", "find_denials", "denial_applies", "denial_matches_family", "place_keys"]

_TERRITORY_WORDS = re.compile(
    r"\b(?:captur\w*|seiz\w*|took|taken|tak\w*|enter\w*|fell|fall\w*|control\w*|"
    r"withdr\w*|pull\w* out|retreat\w*|overr\w*|recaptur\w*|regain\w*|liberat\w*)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_WORD = re.compile(r"[\w'’-]+")
_MAX_NGRAM = 4


@dataclass(frozen=True)
class Denial:
    article_id: str
    published: date | None
    who: str  # the phrase before the denial word, e.g. "The Syrian army"
    names: frozenset[str]  # normalised 1..4-word n-grams of the sentence
    text: str


def find_denials(article: Article) -> list[Denial]:
    rx = fusion_config().denial_words
    out: list[Denial] = []
    for m in _SENTENCE.finditer(article.text):
        sentence = m.group(0).strip()
        hit = rx.search(sentence)
        if not hit:
            continue
        words = _WORD.findall(sentence)
        names = {
            normalise_name(" ".join(words[i : i + n]))
            for n in range(1, _MAX_NGRAM + 1)
            for i in range(len(words) - n + 1)
        }
        names.discard("")
        who = sentence[: hit.start()].strip(" ,;:")
        out.append(Denial(article.id, article.published, who, frozenset(names), sentence))
    return out


def place_keys(places: Iterable[Place]) -> set[str]:
    keys: set[str] = set()
    for p in places:
        if p.feature != "city":
            continue
        for name in (p.name, p.spelled):
            k = normalise_name(name) if name else ""
            if k:
                keys.add(k)
    return keys


def denial_applies(d: Denial, start: date | None, end: date | None) -> bool:
    cfg = fusion_config()
    if d.published is None or start is None:
        return True
    last = (end or start) + timedelta(days=cfg.denial_days_after)
    return start - timedelta(days=cfg.denial_days_before) <= d.published <= last


def denier(d: Denial, country: str) -> str:
    """The actor (or source) who denies, by the actor table; else the words as written."""
    info = actor_table().resolve(d.who, country) if d.who else None
    if info is not None:
        return info.name
    words = re.sub(r"^(?:the|a|an)\s+", "", d.who.strip(), flags=re.I).split()
    return " ".join(words[-6:]) if words else "a party to the report"


def denial_matches_family(d: Denial, territory: bool, triggers: Iterable[str]) -> bool:
    """A denial of a capture names capture words; other denials name the event's trigger."""
    if territory:
        return bool(_TERRITORY_WORDS.search(d.text))
    low = d.text.casefold()
    return any(t and t.casefold()[:4] in low for t in triggers)

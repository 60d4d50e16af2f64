"""The actor table (data/actors.yaml): canonical names, aliases, inter codes, sides."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from frontwatch.config import DATA_DIR

__all__ = ["ActorInfo", "ActorTable", "actor_table", "actor_info"]


@dataclass(frozen=True)
class ActorInfo:
    name: str
    country: str
    inter: int
    side: str
    home_inter: int | None = None


@dataclass(frozen=True)
class _Alias:
    phrase: str
    actor: ActorInfo
    generic: bool


COUNTRY_NAMES = {
    "SY": "Syria",
    "RU": "Russia",
    "UA": "Ukraine",
    "SD": "Sudan",
    "IL": "Israel",
    "PS": "Palestine",
    "LB": "Lebanon",
    "MM": "Myanmar",
    "CD": "Democratic Republic of Congo",
    "ML": "Mali",
    "BF": "Burkina Faso",
    "NE": "Niger",
    "YE": "Yemen",
}


class ActorTable:
    def __init__(self, path: Path) -> None:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.actors: dict[str, ActorInfo] = {}
        self._aliases: list[_Alias] = []
        for row in raw.get("actors", []):
            info = ActorInfo(
                name=row["name"],
                country=row.get("country", ""),
                inter=int(row.get("inter", 8)),
                side=row.get("side", row["name"]),
                home_inter=row.get("home_inter"),
            )
            self.actors[info.name] = info
            for phrase in [info.name, *row.get("aliases", [])]:
                self._aliases.append(_Alias(phrase.lower(), info, False))
            for phrase in row.get("generic", []):
                self._aliases.append(_Alias(phrase.lower(), info, True))
        self._aliases.sort(key=lambda a: -len(a.phrase))
        self.descriptors: list[tuple[re.Pattern[str], str, int]] = [
            (re.compile(rf"\b(?:{d['pattern']})\b", re.I), d["name"], int(d["inter"]))
            for d in raw.get("generic_descriptors", [])
        ]

    def resolve(self, phrase: str, country: str = "") -> ActorInfo | None:
        """The actor a noun phrase names. Specific aliases win over generic
        descriptors; generic ones need the report's country (and prefer a
        demonym in the phrase: "Russian troops")."""
        text = " " + re.sub(r"[^\w'/-]+", " ", phrase.lower()).strip() + " "
        for alias in self._aliases:
            if alias.generic:
                continue
            if f" {alias.phrase} " in text:
                return alias.actor
        demonym_country = _demonym_country(text)
        wanted = demonym_country or country
        if not wanted:
            return None
        for alias in self._aliases:
            if alias.generic and alias.actor.country == wanted and f" {alias.phrase} " in text:
                return alias.actor
        for pattern, name, inter in self.descriptors:
            if pattern.search(text):
                cname = COUNTRY_NAMES.get(wanted, wanted)
                return ActorInfo(
                    name.format(country=cname), wanted, inter, name.format(country=cname)
                )
        return None

    def info(self, name: str) -> ActorInfo | None:
        if name in self.actors:
            return self.actors[name]
        for _pattern, template, inter in self.descriptors:
            prefix = template.split("{")[0]
            if prefix and name.startswith(prefix):
                return ActorInfo(name, "", inter, name)
        return None

    def side(self, name: str) -> str:
        info = self.info(name)
        return info.side if info else name

    def state_forces(self, country: str) -> ActorInfo | None:
        for info in self.actors.values():
            if info.country == country and info.name.startswith("Military Forces of"):
                return info
        return None


_DEMONYMS = {
    "syrian": "SY",
    "russian": "RU",
    "ukrainian": "UA",
    "ukraine's": "UA",
    "russia's": "RU",
    "syria's": "SY",
    "sudan's": "SD",
    "israel's": "IL",
    "sudanese": "SD",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "congolese": "CD",
    "malian": "ML",
    "yemeni": "YE",
    "burmese": "MM",
    "myanmar": "MM",
}


def _demonym_country(text: str) -> str:
    for word in text.split():
        if word in _DEMONYMS:
            return _DEMONYMS[word]
    return ""


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return ActorTable(DATA_DIR / "actors.yaml")


def actor_info(name: str) -> ActorInfo | None:
    return actor_table().info(name)

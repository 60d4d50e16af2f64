"""Loaders for the shipped, user-editable tables: triggers and sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from frontwatch.config import DATA_DIR
from frontwatch.types import SourceRef


@dataclass(frozen=True)
class TriggerRule:
    name: str
    kind: str  # event | front_position | displacement | withdrawal
    event_type: str
    sub_event_type: str
    family: str
    verbs: frozenset[str]
    phrases: tuple[str, ...]
    nouns: tuple[str, ...]
    objects: frozenset[str]
    state_sub_event_type: str = ""
    requires_prep: str = ""
    front_only: bool = False
    requires_civilian_victim: bool = False
    requires_civilian_subject: bool = False
    by_actor: dict[str, dict[str, str]] = field(default_factory=dict)
    alt_when: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Triggers:
    rules: tuple[TriggerRule, ...]
    light_verbs: frozenset[str]
    actor_kinds: dict[str, tuple[str, ...]]
    intent_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    deny_verbs: frozenset[str]
    speech_verbs: frozenset[str]

    def by_verb(self, lemma: str) -> TriggerRule | None:
        for rule in self.rules:
            if lemma in rule.verbs:
                return rule
        return None

    def by_noun(self, phrase: str) -> TriggerRule | None:
        phrase = phrase.lower()
        for rule in self.rules:
            if phrase in rule.nouns:
                return rule
        return None


def _rule(row: dict[str, Any]) -> TriggerRule:
    return TriggerRule(
        name=row["name"],
        kind=row.get("kind", "event"),
        event_type=row.get("event_type", ""),
        sub_event_type=row.get("sub_event_type", ""),
        family=row.get("family", ""),
        verbs=frozenset(row.get("verbs", [])),
        phrases=tuple(p.lower() for p in row.get("phrases", [])),
        nouns=tuple(n.lower() for n in row.get("nouns", [])),
        objects=frozenset(row.get("objects", [])),
        state_sub_event_type=row.get("state_sub_event_type", ""),
        requires_prep=row.get("requires_prep", ""),
        front_only=bool(row.get("front_only", False)),
        requires_civilian_victim=bool(row.get("requires_civilian_victim", False)),
        requires_civilian_subject=bool(row.get("requires_civilian_subject", False)),
        by_actor=dict(row.get("by_actor", {})),
        alt_when={k.lower(): v for k, v in (row.get("alt_when") or {}).items()},
    )


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    raw = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    mod = raw.get("modality", {})
    return Triggers(
        rules=tuple(_rule(r) for r in raw["rules"]),
        light_verbs=frozenset(raw.get("light_verbs", [])),
        actor_kinds={k: tuple(v) for k, v in raw.get("actor_kinds", {}).items()},
        intent_nouns=frozenset(mod.get("intent_nouns", [])),
        intent_verbs=frozenset(mod.get("intent_verbs", [])),
        modal_auxiliaries=frozenset(mod.get("modal_auxiliaries", [])),
        deny_verbs=frozenset(mod.get("deny_verbs", [])),
        speech_verbs=frozenset(raw.get("speech_verbs", [])),
    )


@dataclass(frozen=True)
class SourceTable:
    named: tuple[tuple[re.Pattern[str], SourceRef], ...]
    generic: tuple[tuple[re.Pattern[str], str], ...]

    def match(self, phrase: str) -> SourceRef | None:
        """The source a phrase names: a known outlet, a generic descriptor, or None."""
        for rx, ref in self.named:
            if rx.search(phrase):
                return ref
        for rx, stance in self.generic:
            m = rx.search(phrase)
            if m:
                return SourceRef(name=_clean_descriptor(m.group(0)), stance=stance)
        return None


_ARTICLES = re.compile(r"^(?:the|a|an|some|several)\s+", re.I)


def _clean_descriptor(text: str) -> str:
    return _ARTICLES.sub("", text.strip()).strip().lower()


@lru_cache(maxsize=1)
def source_table() -> SourceTable:
    raw = yaml.safe_load((DATA_DIR / "sources.yaml").read_text(encoding="utf-8"))
    named: list[tuple[re.Pattern[str], SourceRef]] = []
    for row in raw.get("sources", []):
        ref = SourceRef(
            name=row["name"],
            stance=row.get("stance", "unknown"),
            country=row.get("country", "") or "",
        )
        for alias in sorted([row["name"], *row.get("aliases", [])], key=len, reverse=True):
            flags = 0 if alias.isupper() else re.I
            named.append((re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", flags), ref))
    named.sort(key=lambda p: -len(p[0].pattern))
    generic = [
        (re.compile(rf"\b(?:{g['pattern']})\b", re.I), g["stance"]) for g in raw.get("generic", [])
    ]
    return SourceTable(tuple(named), tuple(generic))

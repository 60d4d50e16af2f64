"""The fusion table (data/fusion.yaml), read once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from frontwatch.config import DATA_DIR
from frontwatch.extract._tables import one_sided_sub_types

__all__ = ["FusionConfig", "fusion_config"]


@dataclass(frozen=True)
class FusionConfig:
    radius_km: dict[int, float]
    date_slack_days: int
    max_span_days: int
    territory_families: frozenset[str]
    one_sided_sub_types: frozenset[str]
    shingle_words: int
    sample_mod: int
    min_jaccard: float
    max_posting: int
    credit_pattern: re.Pattern[str]
    credit_chars: int
    unnamed_sources: re.Pattern[str]
    denial_words: re.Pattern[str]
    denial_days_before: int
    denial_days_after: int
    statement_similarity: float
    institution_roles: re.Pattern[str]
    institution_inters: frozenset[int]
    source_referents: dict[str, frozenset[str]]

    def radius(self, precision: int) -> float:
        return self.radius_km.get(precision, max(self.radius_km.values()))


@lru_cache(maxsize=1)
def fusion_config() -> FusionConfig:
    raw = yaml.safe_load((DATA_DIR / "fusion.yaml").read_text(encoding="utf-8"))
    rep = raw.get("reprint", {})
    den = raw.get("denial", {})
    words = "|".join(re.escape(w) for w in den.get("words", ["denied"]))
    return FusionConfig(
        radius_km={int(k): float(v) for k, v in raw["radius_km"].items()},
        date_slack_days=int(raw.get("date_slack_days", 1)),
        max_span_days=int(raw.get("max_span_days", 1)),
        territory_families=frozenset(raw.get("territory_families", ["territory"])),
        one_sided_sub_types=one_sided_sub_types(),
        shingle_words=int(rep.get("shingle_words", 5)),
        sample_mod=max(1, int(rep.get("sample_mod", 4))),
        min_jaccard=float(rep.get("min_jaccard", 0.55)),
        max_posting=int(rep.get("max_posting", 64)),
        credit_pattern=re.compile(rep.get("credit_pattern", r"\((?P<name>[^()]{2,40})\)\s*[-–—]")),
        credit_chars=int(rep.get("credit_chars", 300)),
        unnamed_sources=re.compile(rf"\b(?:{raw.get('unnamed_sources', 'sources?')})\b", re.I),
        denial_words=re.compile(rf"\b(?:{words})\b", re.I),
        denial_days_before=int(den.get("days_before", 1)),
        denial_days_after=int(den.get("days_after", 3)),
        statement_similarity=float(raw.get("statement_similarity", 90)),
        institution_roles=re.compile(
            rf"(?:\s+(?:{raw.get('institution_roles', 'statement')}))+$", re.I
        ),
        institution_inters=frozenset(int(i) for i in raw.get("institution_inters", [1, 2, 3])),
        source_referents={
            str(stance): frozenset(str(w).casefold() for w in words)
            for stance, words in (raw.get("source_referents") or {}).items()
        },
    )

"""Independent sources: reprints of one story and "citing X" chains count once.

An article's *root* is who actually wrote its story: a wire agency it credits
("HOMS (Reuters) - ..."), or, for a group of near-identical texts (a wire story
reprinted by several sites), one shared key for the whole group. A claim's
source key is the deepest *named* source of its chain ("Levant Daily citing
Reuters" → Reuters; "Reuters citing military sources" → Reuters), and
"publisher" means the article's root.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from frontwatch.types import Article, Claim, SourceRef

from ._config import fusion_config

__all__ = ["ReprintIndex", "canonical_source", "referent", "source_key"]

_WORD = re.compile(r"\w+")


def canonical_source(name: str) -> str:
    """The sources table's canonical name when `name` is one of its outlets, else `name`."""
    ref = _outlet(name)
    return ref.name if ref else name.strip()


@lru_cache(maxsize=4096)
def _outlet(name: str) -> SourceRef | None:
    """The sources table's entry when `name` is one of its outlets, else None."""
    from frontwatch.extract._tables import source_table  # the extractor's own table

    key = name.strip()
    for rx, ref in source_table().named:
        m = rx.search(key)
        if m and m.start() == 0 and m.end() == len(key):
            return ref
    return None


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    n = fusion_config().shingle_words
    if len(words) < n:
        return {_hash(" ".join(words))} if words else set()
    return {_hash(" ".join(words[i : i + n])) for i in range(len(words) - n + 1)}


def _hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")


def wire_credit(article: Article) -> str:
    """The agency a text credits in its dateline, e.g. "(Reuters) -", or ""."""
    cfg = fusion_config()
    m = cfg.credit_pattern.search(article.text[: cfg.credit_chars])
    return canonical_source(m.group("name").strip()) if m else ""


@dataclass
class ReprintIndex:
    """Near-identical texts grouped with union-find over sampled shingles.

    Incremental: add() compares a new article only with the articles sharing a
    sampled shingle with it, then exact Jaccard on the full shingle sets. The
    groups are the connected components of "near-identical" pairs, so they do
    not depend on the order articles arrive in.
    """

    shingles: dict[str, set[int]] = field(default_factory=dict)
    postings: dict[int, list[str]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)  # group root → article ids
    roots: dict[str, str] = field(default_factory=dict)  # article id → source key
    articles: dict[str, Article] = field(default_factory=dict)

    def _find(self, a: str) -> str:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))

    def add(self, articles: Iterable[Article]) -> set[str]:
        """Index articles; returns the ids whose source key may have changed."""
        cfg = fusion_config()
        new = [a for a in sorted(articles, key=lambda a: a.id) if a.id not in self.shingles]
        for art in new:
            sh = _shingles(art.text)
            self.shingles[art.id] = sh
            self.articles[art.id] = art
            self.parent[art.id] = art.id
            self.members[art.id] = [art.id]
            candidates: set[str] = set()
            for h in sh:
                if h % cfg.sample_mod == 0:
                    bucket = self.postings.setdefault(h, [])
                    if len(bucket) >= cfg.max_posting:
                        continue  # boilerplate ("the Observatory said"): finds no reprint
                    candidates.update(bucket)
                    bucket.append(art.id)
            for other in sorted(candidates):
                osh = self.shingles[other]
                if len(sh & osh) / (len(sh | osh) or 1) >= cfg.min_jaccard:
                    self._union(art.id, other)
        touched: set[str] = set()
        for root in {self._find(a.id) for a in new}:
            group = sorted(self.members[root])
            key = self._group_key(group)
            for aid in group:
                if self.roots.get(aid) != key:
                    self.roots[aid] = key
                    touched.add(aid)
        return touched

    def _group_key(self, members: list[str]) -> str:
        credits = sorted({c for c in (wire_credit(self.articles[a]) for a in members) if c})
        if credits:
            return credits[0]
        # no credit: the story is its first publisher's (earliest date, then id)
        first = min(
            (self.articles[a] for a in members),
            key=lambda art: (art.published or date.max, art.id),
        )
        if first.publisher:
            return canonical_source(first.publisher)
        return ("story:" if len(members) > 1 else "article:") + first.id

    def root(self, article_id: str) -> str:
        return self.roots.get(article_id, "article:" + article_id)

    def group(self, article_id: str) -> list[str]:
        if article_id not in self.parent:
            return [article_id]
        return sorted(self.members[self._find(article_id)])


def source_key(source: SourceRef, claim: Claim, index: ReprintIndex) -> str:
    """Who a source really is, for counting independent confirmations: the deepest
    named source of the chain; an organisation by its actor name however it is
    called ("the army", "SAF", "an army statement"); "the monitor" as the monitor
    the claim names; "publisher" or only unnamed people ("residents said") mean
    the article's own reporting, i.e. its root."""
    ref = referent(source, claim)
    if ref is not None:
        source = ref
    deepest = _deepest(source)
    outlet = _outlet(deepest) if deepest else None
    if deepest and (outlet is None or outlet.stance == "official"):  # media stay themselves
        country = next((p.country for p in claim.places if p.country), "")
        body = _institution(deepest, country, claim.date)
        if body:
            return body
    return _named_root(source.name, source.via) or index.root(claim.article_id)


def referent(source: SourceRef, claim: Claim) -> SourceRef | None:
    """The named source a generic "the monitor" / "the agency" stands for: the one
    source of that stance among the claim's named sources, else None."""
    if source.via or source.name[:1].isupper():
        return None
    word = re.sub(r"^(?:the|an?)\s+", "", source.name.casefold()).strip()
    referents = fusion_config().source_referents
    stances = [st for st, words in referents.items() if word in words]
    if not stances:
        return None
    named = [
        s
        for s in claim.sources
        if s is not source and s.stance in stances and s.name[:1].isupper() and not s.via
    ]
    return named[0] if len({s.name for s in named}) == 1 else None


def _deepest(source: SourceRef) -> str:
    chain = [n for n in (source.name, *source.via) if n != "publisher"]
    return chain[-1] if chain else ""


@lru_cache(maxsize=65536)
def _institution(name: str, country: str, on: date | None) -> str:
    """The actor an organisation's voice belongs to ("actor:Military Forces of Sudan"),
    or "" for people, outlets and anything the actor table does not know."""
    from frontwatch.actors import actor_table

    cfg = fusion_config()
    body = re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.I)
    body = cfg.institution_roles.sub("", body).strip()
    if not body or cfg.unnamed_sources.search(body):
        return ""  # "military sources", "security officials": people, not the body
    info = actor_table().resolve(body, country, on)
    if info is None or info.inter not in cfg.institution_inters:
        return ""
    return "actor:" + info.name


@lru_cache(maxsize=65536)
def _named_root(name: str, via: tuple[str, ...]) -> str:
    unnamed = fusion_config().unnamed_sources
    named = [n for n in (name, *via) if n != "publisher" and not _generic(n, unnamed)]
    return canonical_source(named[-1]) if named else ""


def _generic(name: str, unnamed: re.Pattern[str]) -> bool:
    """ "military sources", "pro-government media": people no other report can be matched to."""
    if name[:1].islower():
        return True
    words = name.split()
    return bool(unnamed.search(name)) and not any(w[:1].isupper() for w in words[1:])

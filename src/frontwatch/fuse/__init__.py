"""Claims from many articles → events: one event per happening, every source kept.

Claims are grouped by event family, place (within a radius that depends on
geo_precision), date window and compatible actors (see _cluster); each event
counts independent sources (reprints and "citing X" chains once, see
_sources), keeps contradictions (fatality figures, dates, two claimed
controllers, denials) and says which claims it merged and why (see _merge).

``Fuser`` is incremental: ``add()`` new articles and claims, and only the
events of the affected regions are rebuilt. ``fuse()`` is a Fuser fed with
everything at once; both give the same events whatever the ingest order.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from frontwatch.types import Article, Claim, Event

from ._cluster import Clusterer, claim_family
from ._denials import Denial, find_denials, place_keys
from ._merge import build_event
from ._sources import ReprintIndex

__all__ = ["fuse", "claim_family", "Fuser", "FuseUpdate"]


@dataclass(frozen=True)
class FuseUpdate:
    """What one Fuser.add changed: event ids gone, events new or rebuilt."""

    removed: tuple[str, ...]
    added: tuple[Event, ...]


@dataclass
class Fuser:
    clusterer: Clusterer = field(default_factory=Clusterer)
    reprints: ReprintIndex = field(default_factory=ReprintIndex)
    articles: dict[str, Article] = field(default_factory=dict)
    events_by_region: dict[int, list[Event]] = field(default_factory=dict)
    denials: dict[str, list[Denial]] = field(default_factory=dict)  # place key → denials
    sigs_by_place: dict[str, set[int]] = field(default_factory=dict)

    def add(self, articles: Iterable[Article], claims: Iterable[Claim]) -> FuseUpdate:
        """Index new articles and claims; rebuild the events of the regions they touch."""
        was_enabled = gc.isenabled()
        gc.disable()  # allocation-heavy and cycle-free: the collector would only rescan
        try:
            return self._add(articles, claims)
        finally:
            if was_enabled:
                gc.enable()

    def _add(self, articles: Iterable[Article], claims: Iterable[Claim]) -> FuseUpdate:
        new_articles = [a for a in articles if a.id not in self.articles]
        for a in new_articles:
            self.articles[a.id] = a
        claims = list(claims)
        dirty, new_groups = self.clusterer.add(claims)
        for g in new_groups:
            for k in place_keys(p for c in g.claims for p in c.places):
                self.sigs_by_place.setdefault(k, set()).add(g.id)
        touched = self.reprints.add(new_articles)
        by_article = self.clusterer.touched_articles
        for aid in touched:
            dirty.update(self.clusterer.root(s) for s in by_article.get(aid, ()))
        for a in new_articles:
            for d in find_denials(a):
                for name in d.names:
                    self.denials.setdefault(name, []).append(d)
                    for s in self.sigs_by_place.get(name, ()):
                        dirty.add(self.clusterer.root(s))
        removed: list[str] = []
        for gone in self.clusterer.absorbed:
            removed.extend(e.event_id for e in self.events_by_region.pop(gone, []))
        self.clusterer.absorbed.clear()
        added: list[Event] = []
        for region in sorted(dirty):
            region = self.clusterer.root(region)
            removed.extend(e.event_id for e in self.events_by_region.pop(region, []))
            events = self._build(region)
            self.events_by_region[region] = events
            added.extend(events)
        gone_ids = set(removed) - {e.event_id for e in added}
        return FuseUpdate(tuple(sorted(gone_ids)), tuple(_ordered(added)))

    def _build(self, region: int) -> list[Event]:
        out: list[Event] = []
        for groups, edges in self.clusterer.clusters(region):
            denials: list[Denial] = []
            if self.denials:
                keys = place_keys(p for g in groups for c in g.claims for p in c.places)
                denials = sorted(
                    {d for k in keys for d in self.denials.get(k, ())},
                    key=lambda d: (d.article_id, d.text),
                )
            out.append(build_event(groups, edges, self.reprints, self.articles, denials))
        return out

    def events(self) -> list[Event]:
        return _ordered(e for evs in self.events_by_region.values() for e in evs)


def _ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.claim.date or date.min, e.event_id))


def fuse(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Event]:
    """Events from claims; deterministic and independent of input order."""
    fuser = Fuser()
    fuser.add(articles.values(), claims)
    return fuser.events()

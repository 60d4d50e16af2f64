"""One cluster of claims → one Event: fields by source agreement, contradictions kept.

Every independent source (see _sources) has one vote per field; the value with
most votes wins, ties go to the more confident claim, then to the smaller
value (deterministic). Fatalities keep the lowest reported figure (ACLED's
conservative rule) and list every figure with its sources when they differ.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from frontwatch.actors import actor_table
from frontwatch.geo.lexicon import iso3_of
from frontwatch.types import Article, Claim, Event, FatalitiesBasis, SourceRef

from ._cluster import TERRITORY, Edge, Group, claim_family, taker
from ._config import fusion_config
from ._denials import Denial, denial_applies, denial_matches_family, denier
from ._sources import ReprintIndex, referent, source_key

__all__ = ["build_event", "claim_ref", "content_key"]

T = TypeVar("T", bound=Hashable)


def claim_ref(c: Claim) -> str:
    return f"{c.article_id}#{c.sentence_index}"


def content_key(c: Claim) -> tuple[str, int, str, str, str, str]:
    """A total order of claims by content (never by arrival)."""
    first = c.places[0].name if c.places else ""
    return (c.article_id, c.sentence_index, c.rule, c.sub_event_type, c.statement, first)


def _keys(c: Claim, index: ReprintIndex) -> list[str]:
    if len(c.sources) == 1:
        return [source_key(c.sources[0], c, index)]
    keys = [source_key(s, c, index) for s in c.sources] or [index.root(c.article_id)]
    return sorted(set(keys))


def _vote(
    values: Sequence[T], keys: Sequence[list[str]], confs: Sequence[float]
) -> tuple[T, dict[T, set[str]]]:
    """The value most independent sources give; an empty value ("" / no date) is a
    vote only when no claim gives any other. Ties: the more confident claim's value,
    then the smaller value as text."""
    support: dict[T, set[str]] = {}
    best_conf: dict[T, float] = {}
    given = [_given(v) for v in values]
    said = any(given)
    for v, k, conf, g in zip(values, keys, confs, given, strict=True):
        if said and not g:
            continue
        got = support.get(v)
        if got is None:
            support[v] = set(k)
            best_conf[v] = conf
        else:
            got.update(k)
            best_conf[v] = max(best_conf[v], conf)
    if len(support) == 1:
        return next(iter(support)), support
    winner = min(support, key=lambda v: (-len(support[v]), -best_conf[v], str(v)))
    return winner, support


def _given(v: object) -> bool:
    if v.__class__ is str:
        return v != ""
    if isinstance(v, tuple):
        return v[0] is not None if v else False
    return v is not None


def _fmt_support(support: Mapping[T, set[str]], show: Callable[[T], str]) -> str:
    items = sorted(support.items(), key=lambda kv: (-len(kv[1]), show(kv[0])))
    return "; ".join(f"{show(v)} ({', '.join(sorted(srcs))})" for v, srcs in items)


def _member_key(c: Claim) -> str:
    """What tells a claim apart from every other claim of its sentence (an event's id is the
    digest of its claims' keys): one sentence and one rule can give several events ("took A,
    B and C on Sunday and D on Monday"), which differ by place, date or evidence."""
    places = "/".join(f"{p.geonameid or p.name}" for p in c.places)
    spans = ",".join(str(s.start) for s in c.evidence)
    return (
        f"{c.article_id}:{c.sentence_index}:{c.rule}:{c.statement}:{c.sub_event_type}:"
        f"{places}:{c.date}:{spans}"
    )


def build_event(
    groups: Sequence[Group],
    edges: Sequence[Edge],
    index: ReprintIndex,
    articles: Mapping[str, Article],
    denials: Sequence[Denial] = (),
) -> Event:
    claims = [c for g in groups for c in g.claims]
    if len(claims) > 1:
        claims.sort(key=content_key)
    keys = [_keys(c, index) for c in claims]
    all_keys = {k for ks in keys for k in ks}
    if len(claims) == 1:
        merged = claims[0]
        contradictions: list[str] = []
    else:
        merged, contradictions = _merge(claims, keys)
    merged, contradictions = _apply_denials(merged, claims, denials, contradictions)
    merged = _unknown_perpetrator(merged)
    members = sorted(_member_key(c) for c in claims)
    digest = hashlib.sha1("|".join(members).encode()).hexdigest()[:8].upper()
    country = next((p.country for p in merged.places if p.country), "")
    ids = {c.article_id for c in claims} | {d.article_id for d in denials}
    origins = tuple(sorted({articles[a].origin for a in ids if a in articles}))
    return Event(
        event_id=f"{iso3_of(country) or 'XXX'}{digest}",
        claim=merged,
        claims=tuple(claims),
        origins=origins,
        source_count=len(all_keys),
        contradictions=tuple(contradictions),
        merge_reasons=_reasons(groups, edges, index) if len(claims) > 1 else (),
    )


_PERPETRATED = ("Explosions/Remote violence", "Violence against civilians")


def _unknown_perpetrator(c: Claim) -> Claim:
    """A strike or an attack on civilians that no report attributes: ACLED's actor1 is
    "Unidentified Armed Group (Country)". Set once the claims are fused, so that an
    unattributed report of a happening still joins the one that names the doer."""
    if c.actor1 or c.kind != "event" or c.event_type not in _PERPETRATED:
        return c
    country = next((p.country for p in c.places if p.country), "")
    info = actor_table().resolve("unidentified gunmen", country) if country else None
    if info is None or info.name == c.actor2:
        return c
    return replace(
        c, actor1=info.name, notes="; ".join(n for n in (c.notes, "actor1: unattributed") if n)
    )


def _merge(claims: Sequence[Claim], keys: Sequence[list[str]]) -> tuple[Claim, list[str]]:
    contradictions: list[str] = []
    confs = [c.confidence for c in claims]
    subs = [c.sub_event_type for c in claims]
    takers = [taker(c) for c in claims]
    whens = [(c.date, c.date_end) for c in claims]
    sub, sub_support = _vote(subs, keys, confs)
    side, side_support = _vote(takers, keys, confs)
    when, when_support = _vote(whens, keys, confs)
    ranked = sorted(
        range(len(claims)),
        key=lambda i: (
            -(subs[i] == sub) - (takers[i] == side) - (whens[i] == when),
            -confs[i],
            -len(keys[i]),
            i,
        ),
    )
    best = claims[ranked[0]]
    if _subtypes_disagree(sub_support):
        contradictions.append("sub-event types differ: " + _fmt_support(sub_support, str))
    if claim_family(best) == "territory" and len({s for s in side_support if s}) > 1:
        contradictions.append("controllers differ: " + _fmt_support(side_support, str))
    if len(when_support) > 1:
        contradictions.append("dates differ: " + _fmt_support(when_support, _show_when))
    fat, basis, fat_note = _fatalities(claims, keys)
    if fat_note:
        contradictions.append(fat_note)
    sources: list[SourceRef] = []
    for c in claims:
        for s in c.sources:
            if s not in sources and referent(s, c) is None:  # "the monitor" is SOHR, once
                sources.append(s)
    merged = replace(
        best,
        sources=tuple(sources),
        fatalities=fat,
        fatalities_basis=basis,
        evidence=tuple(e for c in claims for e in c.evidence),
        actor1=best.actor1 or _voted_actor(claims, keys, best, "actor1"),
        actor2=_opponent(claims, keys, best),
        confidence=max(c.confidence for c in claims),
    )
    return merged, contradictions


def _opponent(claims: Sequence[Claim], keys: Sequence[list[str]], best: Claim) -> str:
    """actor2 of the event: none for a sub-type one side does alone (a peaceful protest)."""
    if best.sub_event_type in fusion_config().one_sided_sub_types:
        return ""
    return best.actor2 or _voted_actor(claims, keys, best, "actor2")


def _subtypes_disagree(support: Mapping[str, set[str]]) -> bool:
    """Two codings of one happening; a withdrawal told beside a capture is no disagreement."""
    kinds = set(support) - {"Non-violent transfer of territory"}
    if kinds != set(support) and kinds <= TERRITORY:
        return len(kinds) > 1
    return len(support) > 1


def _voted_actor(claims: Sequence[Claim], keys: Sequence[list[str]], best: Claim, name: str) -> str:
    """The actor most sources name, among claims coded like `best` (withdrawals name the
    sides the other way round)."""
    if not any(getattr(c, name) for c in claims):
        return ""
    same = [i for i, c in enumerate(claims) if c.sub_event_type == best.sub_event_type]
    value, _support = _vote(
        [str(getattr(claims[i], name)) for i in same],
        [keys[i] for i in same],
        [claims[i].confidence for i in same],
    )
    return value


def _show_when(v: tuple[date | None, date | None]) -> str:
    start, end = v
    if start is None:
        return "undated"
    return start.isoformat() + (f"..{end.isoformat()}" if end is not None else "")


def _fatalities(
    claims: Sequence[Claim], keys: Sequence[list[str]]
) -> tuple[int, FatalitiesBasis, str]:
    support: dict[int, set[str]] = {}
    for i, c in enumerate(claims):
        if c.fatalities_basis != "none":
            support.setdefault(c.fatalities, set()).update(keys[i])
    if not support:
        return 0, "none", ""
    low = min(support)
    basis: FatalitiesBasis = next(
        (
            c.fatalities_basis
            for c in claims
            if c.fatalities_basis != "none" and c.fatalities == low
        ),
        "reported",
    )
    note = ""
    if len(support) > 1:
        figures = "; ".join(f"{n} ({', '.join(sorted(support[n]))})" for n in sorted(support))
        note = f"fatalities differ: {figures}; lowest kept ({low}, range {low}-{max(support)})"
    return low, basis, note


def _apply_denials(
    merged: Claim, claims: Sequence[Claim], denials: Sequence[Denial], contradictions: list[str]
) -> tuple[Claim, list[str]]:
    if not denials or merged.kind == "statement":
        return merged, contradictions
    territory = claim_family(merged) == "territory"
    triggers = {c.trigger for c in claims}
    country = next((p.country for p in merged.places if p.country), "")
    names = list(merged.denied_by)
    for d in denials:
        if not denial_applies(d, merged.date, merged.date_end):
            continue
        if not denial_matches_family(d, territory, triggers):
            continue
        who = denier(d, country)
        if who not in names:
            names.append(who)
            contradictions = [*contradictions, f"denied by {who} (report {d.article_id})"]
    if names == list(merged.denied_by):
        return merged, contradictions
    return replace(merged, denied_by=tuple(names)), contradictions


def _reasons(
    groups: Sequence[Group], edges: Sequence[Edge], index: ReprintIndex
) -> tuple[str, ...]:
    """Why each claim is in the event: the edges that joined it, identical claims, reprints."""
    by_sig: dict[object, str] = {}
    same: list[str] = []
    for g in groups:
        refs = sorted(claim_ref(c) for c in g.claims)
        by_sig[g.sig] = refs[0]
        same.extend(
            f"{ref} = {refs[0]}: identical claim (same family, place, dates, side)"
            for ref in refs[1:]
            if ref != refs[0]
        )
    out = [
        f"{by_sig[e.a]} + {by_sig[e.b]}: {e.reason}" for e in sorted(edges, key=lambda e: e.order)
    ]
    out.extend(same)
    for aid in sorted({c.article_id for g in groups for c in g.claims}):
        group = index.group(aid)
        if len(group) > 1:
            out.append(
                f"report {aid} is a reprint: one of {len(group)} near-identical texts ({', '.join(group)}), "
                f"one source ({index.root(aid)})"
            )
    return tuple(out)

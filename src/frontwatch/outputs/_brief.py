"""A situation brief: what changed hands, what happened where, the human cost, what was
said, and what the sources disagree on; every sentence cites its reports by number.

Generated from the fused events only (no free text of our own beyond templates),
deterministic (same data → same bytes), Markdown or HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from frontwatch.actors import actor_table
from frontwatch.control import camp_of
from frontwatch.geo import haversine_km, normalise_name
from frontwatch.types import Article, Claim, Event, Place

__all__ = ["Brief", "Area", "build_brief", "brief_markdown", "brief_html", "find_area"]

_TERRITORY = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}


@dataclass(frozen=True)
class Area:
    name: str
    lat: float
    lon: float
    km: float


@dataclass
class Sentence:
    text: str
    cites: list[int]


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Reference:
    number: int
    title: str
    publisher: str
    published: date | None
    link: str


@dataclass
class Brief:
    title: str
    scope: str
    sections: list[Section]
    references: list[Reference]
    empty: bool


class _Citations:
    """Numbers articles in order of first citation."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self.by_origin = {a.origin: a for a in articles.values()}
        self.numbers: dict[str, int] = {}

    def cite(self, event: Event) -> list[int]:
        ids = sorted(
            {c.article_id for c in event.claims} | self._origin_ids(event), key=self._order
        )
        out: list[int] = []
        for aid in ids:
            if aid not in self.numbers:
                self.numbers[aid] = len(self.numbers) + 1
            out.append(self.numbers[aid])
        return sorted(set(out))

    def _origin_ids(self, event: Event) -> set[str]:
        return {self.by_origin[o].id for o in event.origins if o in self.by_origin}

    def _order(self, aid: str) -> tuple[str, str]:
        art = self.articles.get(aid)
        pub = art.published.isoformat() if art and art.published else "9999"
        return (pub, art.origin if art else aid)

    def references(self) -> list[Reference]:
        refs: list[Reference] = []
        for aid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            art = self.articles.get(aid)
            if art is None:
                refs.append(Reference(n, aid, "", None, ""))
                continue
            refs.append(
                Reference(
                    n,
                    art.title or art.origin,
                    art.publisher,
                    art.published,
                    art.url or art.origin,
                )
            )
        return refs


def find_area(name: str, km: float, events: Iterable[Event]) -> Area | None:
    """The place called `name` among the events' places (any spelling), with coordinates."""
    key = normalise_name(name)
    for ev in events:
        for c in ev.claims:
            for p in c.places:
                if p.lat is None or p.lon is None:
                    continue
                if key in (normalise_name(p.name), normalise_name(p.spelled)):
                    return Area(p.name, p.lat, p.lon, km)
    return None


def _in_period(c: Claim, since: date | None, until: date | None) -> bool:
    if c.date is None:
        return since is None and until is None
    end = c.date_end or c.date
    return (since is None or end >= since) and (until is None or c.date <= until)


def _in_area(c: Claim, area: Area | None) -> bool:
    if area is None:
        return True
    return any(
        p.lat is not None
        and p.lon is not None
        and haversine_km((area.lat, area.lon), (p.lat, p.lon)) <= area.km
        for p in c.places
    )


def _when(c: Claim) -> str:
    if c.date is None:
        return "undated"
    if c.date_end and c.date_end != c.date:
        return f"{c.date.day} {c.date:%b}–{c.date_end.day} {c.date_end:%b %Y}"
    return f"{c.date.day} {c.date:%b %Y}"


def _where(p: Place | None) -> str:
    if p is None:
        return "an unknown place"
    if p.feature == "admin1":
        return f"{p.admin1 or p.name} province"
    if p.relation == "offset" and p.offset_km:
        return f"{p.offset_km:g} km from {p.name}"
    near = "near " if p.relation in ("near", "outskirts", "countryside") else ""
    return f"{near}{p.name}" + (f" ({p.admin1})" if p.admin1 and p.admin1 != p.name else "")


def _side(actor: str) -> str:
    return actor_table().side(actor) if actor else ""


def _figures(ev: Event) -> list[int]:
    return sorted({c.fatalities for c in ev.claims if c.fatalities_basis != "none"})


def _deaths(ev: Event) -> str:
    figs = _figures(ev)
    if not figs:
        return ""
    if len(figs) == 1:
        return f"{figs[0]} killed"
    return f"{figs[0]}–{figs[-1]} killed (sources differ)"


def _control_sentence(ev: Event) -> str:
    c = ev.claim
    withdrawal = c.sub_event_type == "Non-violent transfer of territory" and "withdrawal" in c.notes
    taker = c.actor2 if withdrawal else c.actor1
    place = _where(c.places[0] if c.places else None)
    if c.places and c.places[0].relation:
        place = "positions " + place
    if not taker:
        loser = _side(c.actor1) or "An unnamed force"
        return f"{loser} withdrew from {place} on {_when(c)}; who holds it now is unknown."
    side = _side(taker)
    camp = camp_of(side, c.places[0].country if c.places else "")
    text = f"{side} ({camp}) took control of {place} on {_when(c)}"
    loser = c.actor1 if withdrawal else c.actor2
    if loser:
        text += f" from {_side(loser)}"
    text += f"; {ev.source_count} independent source{'s' if ev.source_count != 1 else ''}"
    if c.denied_by:
        text += f", denied by {', '.join(c.denied_by)}"
    return text + "."


def _event_sentence(ev: Event) -> str:
    c = ev.claim
    what = (c.sub_event_type or c.event_type or "event").lower()
    where = _where(c.places[0] if c.places else None)
    at = "" if where.startswith(("near ", "in ")) or " km from " in where else "at "
    text = f"{_when(c)}: {what} {at}{where}"
    if c.actor1:
        text += f" by {c.actor1}"
    if c.actor2:
        text += f" against {c.actor2}"
    deaths = _deaths(ev)
    if deaths:
        text += f", {deaths}"
    return text + f" ({ev.source_count} source{'s' if ev.source_count != 1 else ''})."


def _area_of(c: Claim) -> str:
    p = c.places[0] if c.places else None
    if p is None:
        return "Unplaced"
    return p.admin1 or p.country_name or p.name


def _sort(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.claim.date or date.min, e.event_id))


def build_brief(
    events: Sequence[Event],
    articles: Mapping[str, Article],
    since: date | None = None,
    until: date | None = None,
    area: Area | None = None,
) -> Brief:
    chosen = _sort(
        e for e in events if _in_period(e.claim, since, until) and _in_area(e.claim, area)
    )
    cites = _Citations(articles)
    scope = _scope(since, until, area)
    if not chosen:
        return Brief(
            "Situation brief",
            scope,
            [Section("Summary", [Sentence(f"No events were reported {scope}.", [])])],
            [],
            True,
        )
    sections = [
        _section_control(chosen, cites),
        *_sections_by_area(chosen, cites),
        _section_casualties(chosen, cites),
        _section_displacement(chosen, cites),
        _section_statements(chosen, cites),
        _section_contradictions(chosen, cites),
    ]
    return Brief(
        "Situation brief", scope, [s for s in sections if s.sentences], cites.references(), False
    )


def _scope(since: date | None, until: date | None, area: Area | None) -> str:
    if since and until:
        text = f"between {since.isoformat()} and {until.isoformat()}"
    elif since:
        text = f"since {since.isoformat()}"
    elif until:
        text = f"up to {until.isoformat()}"
    else:
        text = "in the whole record"
    if area is not None:
        text += f" within {area.km:g} km of {area.name}"
    return text


def _section_control(events: Sequence[Event], cites: _Citations) -> Section:
    sec = Section("Changes of control")
    for ev in events:
        if ev.claim.kind == "event" and ev.claim.sub_event_type in _TERRITORY:
            sec.sentences.append(Sentence(_control_sentence(ev), cites.cite(ev)))
    return sec


def _sections_by_area(events: Sequence[Event], cites: _Citations) -> list[Section]:
    by_area: dict[str, list[Event]] = {}
    for ev in events:
        c = ev.claim
        if c.kind in ("event", "front_position") and c.sub_event_type not in _TERRITORY:
            by_area.setdefault(_area_of(c), []).append(ev)
    out: list[Section] = []
    for name in sorted(by_area):
        sec = Section(f"Events: {name}")
        for ev in by_area[name]:
            sec.sentences.append(Sentence(_event_sentence(ev), cites.cite(ev)))
        out.append(sec)
    return out


def _section_casualties(events: Sequence[Event], cites: _Citations) -> Section:
    sec = Section("Casualties")
    counted = [e for e in events if _figures(e)]
    if not counted:
        return sec
    low = sum(_figures(e)[0] for e in counted)
    high = sum(_figures(e)[-1] for e in counted)
    total = f"{low}" if low == high else f"between {low} and {high}"
    sec.sentences.append(
        Sentence(
            f"Sources report {total} people killed in {len(counted)} event"
            f"{'s' if len(counted) != 1 else ''}.",
            sorted({n for e in counted for n in cites.cite(e)}),
        )
    )
    for ev in counted:
        figs = _figures(ev)
        if len(figs) > 1:
            c = ev.claim
            sec.sentences.append(
                Sentence(
                    f"For the {(c.sub_event_type or 'event').lower()} at "
                    f"{_where(c.places[0] if c.places else None)} on {_when(c)} the figures run "
                    f"from {figs[0]} to {figs[-1]}; {figs[0]} is kept.",
                    cites.cite(ev),
                )
            )
    return sec


def _section_displacement(events: Sequence[Event], cites: _Citations) -> Section:
    sec = Section("Displacement")
    for ev in events:
        c = ev.claim
        if c.kind != "displacement":
            continue
        text = f"{_when(c)}: people fled {_where(c.places[0] if c.places else None)}"
        if c.destinations:
            text += " towards " + ", ".join(p.name for p in c.destinations)
        size = dict(c.numbers).get("people") or dict(c.numbers).get("size")
        if size:
            text += f" ({size})"
        sec.sentences.append(Sentence(text + ".", cites.cite(ev)))
    return sec


def _section_statements(events: Sequence[Event], cites: _Citations) -> Section:
    sec = Section("Notable statements")
    for ev in events:
        c = ev.claim
        if c.kind == "statement" and c.statement:
            who = c.actor1 or "A speaker"
            words = " ".join(c.statement.split())
            sec.sentences.append(Sentence(f"{_when(c)}: {who}: “{words}”", cites.cite(ev)))
    return sec


def _section_contradictions(events: Sequence[Event], cites: _Citations) -> Section:
    sec = Section("Open contradictions")
    for ev in events:
        c = ev.claim
        for item in ev.contradictions:
            what = (c.sub_event_type or c.kind).lower()
            place = _where(c.places[0] if c.places else None)
            sec.sentences.append(
                Sentence(f"{what.capitalize()} at {place} on {_when(c)}: {item}.", cites.cite(ev))
            )
    return sec


# ---------------------------------------------------------------- rendering


def _cite_md(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def brief_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", "", f"Reports {brief.scope}.", ""]
    for sec in brief.sections:
        lines += [f"## {sec.title}", ""]
        for s in sec.sentences:
            cite = _cite_md(s.cites)
            lines.append(f"- {s.text}" + (f" {cite}" if cite else ""))
        lines.append("")
    if brief.references:
        lines += ["## Sources", ""]
        for r in brief.references:
            lines.append(f"{r.number}. {_ref_text(r)}")
        lines.append("")
    return "\n".join(lines)


def _ref_text(r: Reference) -> str:
    parts = [f"“{r.title}”"]
    if r.publisher:
        parts.append(r.publisher)
    parts.append(r.published.isoformat() if r.published else "undated")
    return ", ".join(parts) + (f". {r.link}" if r.link else "")


def brief_html(brief: Brief) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(brief.title)}</title></head><body>",
        f"<h1>{e(brief.title)}</h1>",
        f"<p>Reports {e(brief.scope)}.</p>",
    ]
    for sec in brief.sections:
        out.append(f"<h2>{e(sec.title)}</h2><ul>")
        for s in sec.sentences:
            cites = "".join(f'<sup><a href="#ref-{n}">[{n}]</a></sup>' for n in s.cites)
            out.append(f"<li>{e(s.text)}{cites}</li>")
        out.append("</ul>")
    if brief.references:
        out.append("<h2>Sources</h2><ol>")
        for r in brief.references:
            link = e(r.link)
            target = f' <a href="{link}">{link}</a>' if r.link.startswith("http") else f" {link}"
            pub = r.published.isoformat() if r.published else "undated"
            out.append(
                f'<li id="ref-{r.number}">“{e(r.title)}”, {e(r.publisher or "unknown publisher")}, '
                f"{pub}.{target}</li>"
            )
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"

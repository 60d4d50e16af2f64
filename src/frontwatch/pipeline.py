"""Wires the stages: ingest → nlp → extract (+geo) → store → fuse → control.

The only module that knows the order. Each article is stored in its own
transaction, so an interrupted run keeps every article finished before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from frontwatch import _fuse_state
from frontwatch.control import control_at, control_changes
from frontwatch.errors import FrontwatchError
from frontwatch.extract import extract_claims
from frontwatch.fuse import Fuser
from frontwatch.geo import Gazetteer
from frontwatch.ingest import read_path
from frontwatch.ingest._dates import find_dateline
from frontwatch.nlp import sentences
from frontwatch.store import Store
from frontwatch.types import Article, Claim, ControlState, Event

__all__ = [
    "IngestReport",
    "read_articles",
    "claims_for",
    "undated_warnings",
    "ingest",
    "update_events",
    "batch_dated",
    "with_batch_dates",
    "refuse",
    "control_snapshot",
]


@dataclass
class IngestReport:
    articles_read: int = 0
    articles_new: int = 0
    claims: int = 0
    events: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False
    new_article_ids: list[str] = field(default_factory=list)
    events_rebuilt: int = 0  # events written by this run's fusion (all of them when "full")
    fusion: str = ""  # "incremental" (only affected events rebuilt) | "full"


def read_articles(
    paths: Sequence[str | Path], published: date | None, report: IngestReport
) -> list[Article]:
    articles: list[Article] = []
    for path in paths:
        try:
            result = read_path(path, published_fallback=published)
        except FrontwatchError as exc:
            report.errors.append(str(exc))
            continue
        report.warnings.extend(result.warnings)
        articles.extend(result.articles)
    report.articles_read = len(articles)
    return articles  # year-less datelines are dated by `batch_dated`, against the store too


def batch_dated(articles: list[Article], store: Store) -> list[Article]:
    """`with_batch_dates` against this batch and the years of the articles already stored."""
    if all(a.published is not None for a in articles):
        return articles
    return with_batch_dates(articles, store.published_years())


def undated_warnings(articles: Iterable[Article]) -> list[str]:
    """One warning per English report left without a publication date after every fallback."""
    return [
        f"{a.origin}: no publication date (no metadata, dateline or --published): dates such"
        " as 'on Sunday' or 'yesterday' stay unresolved and its events may be undated"
        for a in articles
        if a.published is None and a.language == "en"
    ]


def with_batch_dates(articles: list[Article], known_years: Iterable[int] = ()) -> list[Article]:
    """A report whose only date is a year-less dateline ("PORT SUDAN, May 6 -") takes the
    year from the other reports of the same batch (their most common publication year;
    `known_years`: those already stored)."""
    years = Counter(a.published.year for a in articles if a.published)
    years.update(known_years)
    if not years or all(a.published for a in articles):
        return articles
    year = years.most_common(1)[0][0]
    out = []
    for a in articles:
        if a.published is None:
            lines = [ln for ln in a.text.split("\n") if ln.strip()][:3]
            found = find_dateline(lines, date(year, 12, 31))
            if found is not None:
                lead = " ".join(lines)  # (the headline, then the dateline's own sentence)
                floor = _latest_named_year(a.text)
                known = set(years)
                since = _since_year(a.text)  # "has fought them since March 2015": a war going on
                if since is not None and since == floor:
                    known.add(since)  # (its year may come before the batch's)
                found, basis = _weekday_year(found, lead, known, floor), "year from batch"
                if found.year != year or _WEEKDAY_RE.search(lead):
                    basis = "year from batch and weekday"
                a = replace(a, published=found, published_basis=f"dateline, {basis}")
        out.append(a)
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# "..., the health ministry said on Sunday": the weekday the source spoke
_TOLD_ON_RE = re.compile(
    r"\b(?:said|says|reported|announced|told|stated|confirmed)\s+(?:late\s+|early\s+)?on\s+("
    + "|".join(_WEEKDAYS)
    + r")\b",
    re.I,
)


_MONTH_YEAR_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+((?:19|20)\d\d)\b"
)


def _latest_named_year(text: str) -> int | None:
    """ "signed a peace deal in August 2015": the latest month and year a report names; a
    year-less dateline is not years before it."""
    named = [int(m.group(1)) for m in _MONTH_YEAR_RE.finditer(text)]
    return max(named) if named else None


_SINCE_MONTH_YEAR_RE = re.compile(r"\bsince\s+" + _MONTH_YEAR_RE.pattern[2:])


def _since_year(text: str) -> int | None:
    """ "fought the rebels since March 2015": the year an ongoing war or crisis began."""
    named = [int(m.group(1)) for m in _SINCE_MONTH_YEAR_RE.finditer(text)]
    return max(named) if named else None


def _weekday_year(found: date, lead: str, years: set[int], floor: int | None = None) -> date:
    """ "KYIV, April 30 - ... rose to 23 on Sunday": of the years near the batch's, the one in
    which the dateline's day is a weekday the lead names (else the batch's own year); "killed
    on Saturday, the president said on Sunday" names two, and the nearest year fitting either
    wins. A report naming "August 2015" (`floor`) is from that year on, the nearest such year
    fitting first."""
    wanted = {_WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY_RE.finditer(lead)}
    if not wanted:
        return found
    told = {_WEEKDAYS.index(m.group(1).lower()) for m in _TOLD_ON_RE.finditer(lead)}
    if told and len(wanted) > 1:
        # "strikes on Saturday killed 31, the ministry said on Sunday": the report is filed
        # the day its source spoke, the dateline's day (the act's day is the day before)
        return _weekday_year(found, " ".join(_WEEKDAYS[w] for w in told), years, floor)
    candidates = range(min(years) - 1, max(years) + 2)
    if floor is not None and min(years) - 1 <= floor <= max(years) + 1:
        candidates = range(floor, max(years) + 2)
        found = found.replace(year=floor) if (found.month, found.day) != (2, 29) else found
    fits = []
    for y in candidates:
        try:
            d = found.replace(year=y)
        except ValueError:
            continue
        if d.weekday() in wanted:
            fits.append(d)
    if not fits:
        return found
    return min(fits, key=lambda d: abs(d.year - found.year))


def claims_for(article: Article, gaz: Gazetteer | None = None) -> list[Claim]:
    """Everything one article asserts (no store, no fusion); nothing for a non-English one."""
    if article.language != "en":
        return []
    return extract_claims(article, sentences(article), gaz or Gazetteer.load())


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    published: date | None = None,
    progress: Callable[[Iterable[Article], int], Iterable[Article]] | None = None,
) -> IngestReport:
    report = IngestReport()
    articles = read_articles(paths, published, report)
    before = store.fingerprint()
    articles = batch_dated(articles, store)
    gaz = Gazetteer.load()
    todo = [a for a in articles if not store.has_article(a.id)]
    report.warnings.extend(undated_warnings(todo))
    iterable: Iterable[Article] = progress(todo, len(todo)) if progress else todo
    try:
        for article in iterable:
            claims = claims_for(article, gaz)
            if store.add_article(article, claims):
                report.articles_new += 1
                report.claims += len(claims)
                report.new_article_ids.append(article.id)
    except KeyboardInterrupt:
        report.interrupted = True
    update_events(store, before, report)
    return report


def update_events(store: Store, before: str, report: IngestReport) -> None:
    """Bring the stored events up to date with the articles this run added.

    `before` is store.fingerprint() from before the run. When the fusion state saved
    after the previous run matches it, only the events the new claims touch are rebuilt
    and rewritten (`fusion="incremental"`); otherwise every event is recomputed. Both
    give the same events (fusion does not depend on ingest order or batching).
    """
    fuser = _fuse_state.load(store, before)
    if fuser is None:
        events = refuse(store)
        report.events, report.events_rebuilt, report.fusion = len(events), len(events), "full"
        return
    ids = report.new_article_ids
    if ids:
        new_articles = [a for a in (store.article(i) for i in ids) if a is not None]
        update = fuser.add(new_articles, store.claims_of(ids))
        store.update_events(update.removed, update.added)
        report.events_rebuilt = len(update.added)
        _fuse_state.save(store, fuser)
    report.events = store.counts()["events"]
    report.fusion = "incremental"


def refuse(store: Store) -> list[Event]:
    """Recompute events from every stored claim (deterministic, order-independent)."""
    articles = {a.id: a for a in store.articles()}
    fuser = Fuser()
    fuser.add(articles.values(), store.claims())
    events = fuser.events()
    store.replace_events(events)
    _fuse_state.save(store, fuser)
    return events


def control_snapshot(events: Sequence[Event], at: date | None = None) -> list[ControlState]:
    return control_at(control_changes(events), at)

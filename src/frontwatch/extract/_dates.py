"""Date expressions in a sentence, resolved against the publication date.

Only extracted spans are parsed (dateparser's free-text search invents
dates); a date after publication without an explicit year moves back a year.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

from frontwatch.extract._numbers import WORD_NUMBERS
from frontwatch.extract._tables import word_set

DateKind = Literal[
    "point",
    "since",
    "history",
    "duration",
    "after_days",
    "relative_week",
    "month",
    "range",
]

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
MONTH_WORDS = frozenset(MONTHS)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    **WORD_NUMBERS,
    "a": 1,
    "an": 1,
    "several": 3,
    "few": 3,
}  # "a four-day", "several days"

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MD = re.compile(
    rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_DM = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
# "March 7-8", "7-8 March", "between March 7 and 8", "from 3 to 5 May"
_RANGE_MD = re.compile(
    rf"\b(?:between\s+|from\s+)?{_MONTH_RE}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_RANGE_DM = re.compile(
    rf"\b(?:between\s+|from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
# "in October 2021", "in mid-April", "since December"
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<prep>in|since|during|by|until|from|of)\s+)?(?:(?P<part>early|mid|late)[- ])?"
    rf"{_MONTH_RE}(?:\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_WEEKEND = re.compile(
    r"\b(?P<since>since\s+)?(?:over\s+|at\s+|during\s+)?(?:the|this|last)\s+weekend\b", re.I
)
# "over the previous two days", "in the past week", "during the last 48 hours"
_PAST_DAYS = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+(?:(?P<n>\w+)\s+)?"
    r"(?P<unit>days?|weeks?|hours?)\b",
    re.I,
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WD = "|".join(WEEKDAYS)
_WEEKDAY = re.compile(rf"\b(?:(?P<mod>last|this|early on|late on|on)\s+)?(?P<wd>{_WD})\b", re.I)
# "on Friday and Saturday", "between Monday and Wednesday", "Thursday to Sunday last week"
_WEEKDAY_PAIR = re.compile(
    rf"\b(?:(?:on|between|from)\s+)?(?P<wd1>{_WD})\s+(?:and|to|through|until)\s+"
    rf"(?P<wd2>{_WD})\b(?P<last>\s+last\s+week)?",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?P<word>(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|overnight|last night|(?:during|in|through) the night(?!\s+of\b)|"
    r"this morning|this week|last week|"
    r"earlier this week|earlier this month|this month|last month|(?P<n>\w+) (?P<unit>days?|weeks?) ago|"
    r"(?P<wn>a|one|two|three) weeks? earlier)\b",
    re.I,
)
# a possessive relative date after one of these names another event's day
_OTHER_EVENTS_DAY = re.compile(r"\b(?:against|after|since|following|over|about)\s+$", re.I)
_LAST_WEEK_AFTER = re.compile(r"\s+last\s+week\b", re.I)
_SINCE_START = re.compile(
    r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)\b", re.I
)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:on\s+)?$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+the\s+(?:morning|evening|night|start|beginning)\s+of)?$")
_YEAR = re.compile(r"\b(?P<prep>in|since|from|until|by|of)?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_DURATION = re.compile(
    r"\b(?P<n>\w+)[- ](?P<unit>day|week|month)(?:-long)?\s+(?:offensive|battle|siege|operation|campaign|assault|fighting|push)\b",
    re.I,
)
_AFTER_DAYS = re.compile(
    r"\b(?:after|within|in)\s+(?P<n>\w+)\s+(?P<unit>days?|weeks?)(?:\s+of\s+\w+)?", re.I
)


_ANY_DATE = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True))
    + r"|yesterday|today|tonight|overnight|night|morning|week|weekend|month|days?|weeks?|ago)\b",
    re.I,
)
# the words of _ANY_DATE: in ASCII text it matches where a digit is or a whole \w run is one
_ANY_DATE_WORDS = frozenset(
    {*MONTHS, *WEEKDAYS, "yesterday", "today", "tonight", "overnight", "night", "morning"}
    | {"week", "weekend", "month", "day", "days", "weeks", "ago"}
)
# a word each of these patterns needs as a whole \w run (bounded by \b or spaces)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)  # _WEEKDAY, _WEEKDAY_PAIR
_RELATIVE_WORDS = frozenset(
    {"yesterday", "today", "tonight", "overnight", "night", "morning", "week", "month", "ago"}
    | {"earlier"}  # ("two weeks earlier")
)
_DURATION_NOUNS = frozenset(
    {"offensive", "battle", "siege", "operation", "campaign", "assault", "fighting", "push"}
)
_DIGIT = re.compile(r"[0-9]")


# words one of the expressions above needs: a sentence without them skips those scans
# (a month name is always a whole word of them)
_HAS_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_LETTER_RUNS = re.compile(r"[a-z]+")
# bytes.translate table: a-z kept, every other byte a space (split() gives the [a-z]+ runs)
_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _letter_runs(low: str) -> list[str]:
    """_LETTER_RUNS.findall of ASCII text, by one translation and a split (~2x faster)."""
    return low.encode("ascii").translate(_A_TO_Z).decode("ascii").split()


_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


class _Gates(NamedTuple):
    any_date: bool  # _ANY_DATE matches: else no scan can
    month: bool  # a month name
    day_week: bool  # "day" or "week"
    unit: bool  # day, week or month
    relative: bool  # day, night, morning, week or month
    weekend: bool
    hour: bool  # "hour" ("the past 48 hours")
    since: bool  # "since"
    # whole words (ASCII text; other text is scanned by all): a weekday; a word of _RELATIVE;
    # a noun of _DURATION
    weekday: bool = True
    relative_word: bool = True
    duration_noun: bool = True


def _gates(text: str) -> _Gates:
    """Which scans can match. ASCII text (nearly all) is read lowercased, where a
    case-insensitive pattern's letters and str.lower agree; other text by regex."""
    if text.isascii():
        low = text.lower()
        words = word_set(low)
        if _DIGIT.search(low) is None and _ANY_DATE_WORDS.isdisjoint(words):
            return _NO_DATE
        day_week = "day" in low or "week" in low
        unit = day_week or "month" in low
        return _Gates(
            any_date=True,
            month=not MONTH_WORDS.isdisjoint(_letter_runs(low)),
            day_week=day_week,
            unit=unit,
            relative=unit or "night" in low or "morning" in low,
            weekend="weekend" in low,
            hour="hour" in low,
            since="since" in low,
            weekday=not _WEEKDAY_WORDS.isdisjoint(words),
            relative_word=not _RELATIVE_WORDS.isdisjoint(words),
            duration_noun=not _DURATION_NOUNS.isdisjoint(words),
        )

    def has(pattern: str) -> bool:
        return re.search(pattern, text, re.I) is not None

    if not _ANY_DATE.search(text):
        return _NO_DATE
    return _Gates(
        any_date=True,
        month=_HAS_MONTH.search(text) is not None,
        day_week=has("day|week"),
        unit=has("day|week|month"),
        relative=has("day|night|morning|week|month"),
        weekend=has("weekend"),
        hour=has("hour"),
        since=has("since"),
    )


_NO_DATE = _Gates(False, False, False, False, False, False, False, False)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets within the sentence text
    end: int
    kind: DateKind
    date: _dt.date | None = None
    date_end: _dt.date | None = None
    days: int = 0
    precision: int = 1  # ACLED time_precision


def _month(name: str) -> int:
    """The month a matched name means (0 if none). casefold, not lower: the case-insensitive
    patterns also match old spellings such as "Auguſt" (long s), which lower() leaves as is."""
    return MONTHS.get(name.casefold().rstrip("."), 0)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(year: str | None, month: int, day: int, published: date | None) -> date | None:
    if year:
        return _safe_date(int(year), month, day)
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found and found > published + timedelta(days=_FUTURE_DAYS):
        found = _safe_date(published.year - 1, month, day)
    return found  # a date just after publication is a plan ("on May 25"), kept as written


_FUTURE_DAYS = 90
_LAST_YEAR = re.compile(r"\s+(?:of\s+)?last\s+year\b", re.I)


_TWINS = {
    rx: re.compile(rx.pattern)
    for rx in (
        _RANGE_MD, _RANGE_DM, _ISO, _MD, _DM, _WEEKEND, _PAST_DAYS, _MONTH_YEAR,
        _WEEKDAY_PAIR, _WEEKDAY, _RELATIVE, _YEAR, _DURATION, _AFTER_DAYS, _SINCE_START,
    )
}  # fmt: skip


def _same(rx: re.Pattern[str]) -> re.Pattern[str]:
    return rx


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved where the publication date allows."""
    return list(_recent_dates(text, published))


@lru_cache(maxsize=32)
def _recent_dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    """find_dates of the last few sentences: extraction asks again for a report's lead."""
    return tuple(_find_dates(text, published))


def _find_dates(text: str, published: date | None) -> list[DateMention]:
    gates = _gates(text)
    if not gates.any_date:
        return []  # most sentences name no date: one scan instead of fourteen
    # ASCII text is scanned lowercased by case-sensitive twins of the patterns (about 3x
    # faster than re.I; every group read below is compared case-insensitively)
    ascii_text = text.isascii()
    scan = text.lower() if ascii_text else text
    twin: Callable[[re.Pattern[str]], re.Pattern[str]] = _TWINS.__getitem__ if ascii_text else _same
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: DateMention) -> None:
        found.append(m)
        taken.append((m.start, m.end))

    month_named, day_week = gates.month, gates.day_week
    for rx in (_RANGE_MD, _RANGE_DM) if month_named else ():
        for m in twin(rx).finditer(scan):
            month = _month(m.group("month"))
            if not month:
                continue
            d1 = _month_day(m.group("year"), month, int(m.group("d1")), published)
            d2 = _month_day(m.group("year"), month, int(m.group("d2")), published)
            if d1 and d2 and d1 <= d2 and (d2 - d1).days <= 31:
                add(DateMention(m.start(), m.end(), "range", d1, d2, 0, time_precision(d1, d2)))
    iso = (_ISO,) if "-" in text else ()  # "2024-03-05": no hyphen, no ISO date
    for rx in (*iso, _MD, _DM) if month_named else iso:
        for m in twin(rx).finditer(scan):
            if not free(m.start(), m.end()):
                continue
            month_raw = m.group("month")
            month = int(month_raw) if month_raw.isdigit() else _month(month_raw)
            if not month:
                continue
            d = _month_day(m.group("year"), month, int(m.group("day")), published)
            before = text[max(0, m.start() - 30) : m.start()].lower().rstrip()
            kind: DateKind = "since" if _SINCE_BEFORE.search(before) else "point"
            add(DateMention(m.start(), m.end(), kind, d, None, 0, 1))
    for m in twin(_WEEKEND).finditer(scan) if gates.weekend else ():
        if published is None or not free(m.start(), m.end()):
            continue
        back = (published.weekday() - 5) % 7  # the last Saturday on or before publication
        sat = published - timedelta(days=back)
        end = min(sat + timedelta(days=1), published)
        wk: DateKind = "since" if m.group("since") else "range"
        add(DateMention(m.start(), m.end(), wk, sat, end, 0, time_precision(sat, end)))
    for m in twin(_PAST_DAYS).finditer(scan) if day_week or gates.hour else ():
        unit_word = m.group("unit").lower()
        # "in the past day": one; "over the past days": no count
        n = _number(m.group("n")) if m.group("n") else int(not unit_word.endswith("s"))
        if published is None or not n or not free(m.start(), m.end()):
            continue
        if unit_word.startswith("hour"):
            days = -(-n // 24)  # "the past 48 hours": two days
        else:
            days = n * (7 if unit_word.startswith("week") else 1)
        start = published - timedelta(days=days)
        add(DateMention(m.start(), m.end(), "range", start, published, 0, 2 if days <= 7 else 3))
    for m in twin(_MONTH_YEAR).finditer(scan) if month_named else ():
        if not free(m.start(), m.end()):
            continue
        raw = m.group("month").lower().rstrip(".")
        if raw == "may" and not (m.group("prep") or m.group("year")):
            continue  # the modal verb "may"
        if raw == "march" and text[m.start("month")] == "m" and not m.group("year"):
            continue  # "police dispersed the march": the noun, not the month
        # "in May" (the month's capital, after a preposition) is a month, no abbreviation
        full_may = raw == "may" and m.group("prep") and text[m.start("month")] == "M"
        if len(raw) <= 3 and not m.group("year") and not full_may:
            continue
        month = _month(raw)
        if not month:
            continue
        first = _month_day(m.group("year"), month, 1, published)
        if first is None:
            continue
        part = (m.group("part") or "").lower()
        if part and m.group("prep") and (m.group("prep") or "").lower() != "since":
            # "in mid-October": its ten days (early 1-10, mid 11-20, late 21-end), precision 2
            lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[part]
            month_end = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1)
            start = first.replace(day=lo)
            stop = first.replace(day=hi) if hi < 28 else month_end
            stop = min(stop, published) if published is not None else stop
            if published is None or start <= published:
                add(DateMention(m.start(), m.end(), "range", start, stop, 0, 2))
                continue
        if not m.group("year") and published is not None and _LAST_YEAR.match(scan, m.end()):
            first = first.replace(year=published.year - 1)  # "in March last year"
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if published is not None and last > published:
            last = published
        since = (m.group("prep") or "").lower() == "since"
        add(DateMention(m.start(), m.end(), "since" if since else "month", first, last, 0, 3))
    for m in twin(_WEEKDAY_PAIR).finditer(scan) if day_week and gates.weekday else ():
        if published is None or not free(m.start(), m.end()):
            continue
        wd1 = WEEKDAYS.index(m.group("wd1").lower())
        wd2 = WEEKDAYS.index(m.group("wd2").lower())
        if m.group("last"):
            end = published - timedelta(days=published.weekday() + 7 - wd2)
        else:
            end = published - timedelta(days=(published.weekday() - wd2) % 7)
        start = end - timedelta(days=(wd2 - wd1) % 7)
        add(DateMention(m.start(), m.end(), "range", start, end, 0, time_precision(start, end)))
    for m in twin(_WEEKDAY).finditer(scan) if day_week and gates.weekday else ():
        if not free(m.start(), m.end()):
            continue
        d = None
        if published is not None:
            wd = WEEKDAYS.index(m.group("wd").lower())
            back = (published.weekday() - wd) % 7
            if (m.group("mod") or "").lower() == "last" and back == 0:
                back = 7
            d = published - timedelta(days=back)
        until = m.end()
        last_week = _LAST_WEEK_AFTER.match(text, until)
        if last_week is not None:  # "on Monday last week": the Monday of the week before
            until = last_week.end()
            if published is not None:
                monday = published - timedelta(days=published.weekday() + 7)
                d = monday + timedelta(days=WEEKDAYS.index(m.group("wd").lower()))
        before = text[max(0, m.start() - 30) : m.start()].lower().rstrip()
        kind = "since" if _SINCE_BEFORE.search(before) else "point"
        add(DateMention(m.start(), until, kind, d, None, 0, 1))
    for m in twin(_RELATIVE).finditer(scan) if gates.relative and gates.relative_word else ():
        if not free(m.start(), m.end()):
            continue
        if _OTHER_EVENTS_DAY.search(scan, max(0, m.start() - 12), m.start()) and scan.startswith(
            ("'s", "’s"), m.end()
        ):
            continue  # "protests against last month's coup": the day of another event
        word = m.group("word").lower()
        if published is None:
            add(DateMention(m.start(), m.end(), "point"))
            continue
        if word in ("today", "tonight", "this morning"):
            add(DateMention(m.start(), m.end(), "point", published))
        elif word.endswith("before yesterday"):
            add(DateMention(m.start(), m.end(), "point", published - timedelta(days=2)))
        elif word in ("yesterday", "last night"):
            add(DateMention(m.start(), m.end(), "point", published - timedelta(days=1)))
        elif word == "overnight" or word.endswith(" the night"):  # the night before: ACLED
            # codes its first day, precision 1 ("during the night", "in the night")
            add(DateMention(m.start(), m.end(), "point", published - timedelta(days=1), published))
        elif word in ("this week", "earlier this week"):
            add(
                DateMention(
                    m.start(),
                    m.end(),
                    "relative_week",
                    published - timedelta(days=published.weekday()),
                    published,
                    0,
                    2,
                )
            )
        elif word == "last week":
            start = published - timedelta(days=published.weekday() + 7)
            add(
                DateMention(
                    m.start(), m.end(), "relative_week", start, start + timedelta(days=6), 0, 2
                )
            )
        elif word in ("earlier this month", "this month"):
            add(
                DateMention(
                    m.start(), m.end(), "relative_week", published.replace(day=1), published, 0, 3
                )
            )
        elif word == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            add(DateMention(m.start(), m.end(), "relative_week", first.replace(day=1), first, 0, 3))
        elif m.group("n") or m.group("wn"):
            n = _number(m.group("n") or m.group("wn"))
            if n is not None and (m.group("wn") or m.group("unit").lower().startswith("week")):
                # ("a week earlier": the report's week before, as "a week ago")
                start = published - timedelta(days=7 * n + published.weekday())
                end = start + timedelta(days=6)  # "three weeks ago": that week, precision 2
                # ("a week earlier" recalls a step before the story: no start of its window)
                kind = "range" if m.group("wn") else "relative_week"
                add(DateMention(m.start(), m.end(), kind, start, end, 0, 2))
            elif n is not None:
                add(DateMention(m.start(), m.end(), "point", published - timedelta(days=n)))
    for m in twin(_YEAR).finditer(scan) if _HAS_YEAR.search(text) else ():
        if not free(m.start("year"), m.end("year")):
            continue
        year = int(m.group("year"))
        if published is None or year < published.year:
            add(DateMention(m.start(), m.end(), "history", _safe_date(year, 1, 1), None, 0, 3))
    for m in twin(_DURATION).finditer(scan) if gates.unit and gates.duration_noun else ():
        n = _number(m.group("n"))
        if n:
            unit = {"day": 1, "week": 7, "month": 30}[m.group("unit").lower()]
            add(DateMention(m.start(), m.end(), "duration", None, None, n * unit))
    for m in twin(_AFTER_DAYS).finditer(scan) if day_week else ():
        n = _number(m.group("n"))
        if n and free(m.start(), m.end()):
            unit = 7 if m.group("unit").lower().startswith("week") else 1
            add(DateMention(m.start(), m.end(), "after_days", None, None, n * unit))
    for m in twin(_SINCE_START).finditer(scan) if gates.since else ():
        if published is None or not free(m.start(), m.end()):
            continue
        span = m.group("unit").lower()
        if span == "week":
            start = published - timedelta(days=published.weekday())
        elif span == "month":
            start = published.replace(day=1)
        else:
            start = published.replace(month=1, day=1)
        add(
            DateMention(
                m.start(), m.end(), "since", start, None, 0, time_precision(start, published)
            )
        )
    found.sort(key=lambda d: d.start)
    return _join_ranges(text, found)


def _join_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "between December 1 and December 4", "from Monday until Thursday": two days read as
    points become one range."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == d.kind == "point"
            and prev.date is not None
            and d.date is not None
            and prev.date < d.date
            and (d.date - prev.date).days <= 31
            and _RANGE_JOIN.fullmatch(text[prev.end : d.start])
            and _RANGE_OPEN.search(text[max(0, prev.start - 12) : prev.start])
        ):
            out[-1] = DateMention(
                prev.start, d.end, "range", prev.date, d.date, 0, time_precision(prev.date, d.date)
            )
            continue
        out.append(d)
    return out


def time_precision(start: date | None, end: date | None) -> int:
    """ACLED time_precision for a date or a range: 1 day, 2 week, 3 month."""
    if start is None:
        return 3
    if end is None or end == start:
        return 1
    return 2 if (end - start).days <= 7 else 3

"""Date parsing for metadata values, the CLI's --published option and datelines."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from frontwatch.errors import IngestError

__all__ = ["find_dateline", "parse_date", "parse_meta_date", "struct_to_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _try_date(s: str) -> date | None:
    """Strict, cheap parsers: ISO 8601 and RFC 2822; None if neither fits."""
    s = s.strip()
    try:
        return date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(s: str) -> date | None:
    import dateparser  # slow import: only when the cheap parsers fail

    settings: Any = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
    }
    try:
        dt = dateparser.parse(s, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return dt.date() if dt is not None else None


def parse_date(s: str) -> date:
    """Parse a full date (day, month and year) such as "2024-12-06" or "6 December 2024".

    Raises IngestError("cannot parse date '...'") otherwise.
    """
    text = (s or "").strip()
    if text:
        d = _try_date(text) or _dateparser(text)
        if d is not None:
            return d
    raise IngestError(f"cannot parse date {s!r}")


def parse_meta_date(value: object) -> date | None:
    """A metadata value (str, date, datetime, epoch seconds) as a date; None if unparseable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        try:
            return parse_date(value)
        except IngestError:
            return None
    return None


def struct_to_date(value: object) -> date | None:
    """feedparser's *_parsed (time.struct_time) as a date."""
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    return None


_PLACE = r"[A-Z\u00c0-\u00de][\w'’.\- ]{1,40}?(?:,\s*[A-Z\u00c0-\u00de][\w'’.\- ]{1,30}?)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_END = r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—:.]|$)"
_DATELINE_RES = (
    # BEIRUT, Dec 6 (Reuters) -   /   WASHINGTON, Dec. 6, 2024 —
    re.compile(
        rf"(?P<place>{_PLACE}),\s+(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR}{_END}",
        re.IGNORECASE,
    ),
    # Moscow, 6 December.   /   Kyiv, 6 December 2024 -
    re.compile(
        rf"(?P<place>{_PLACE}),\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_ALT})\.?{_YEAR}{_END}",
        re.IGNORECASE,
    ),
)


def find_dateline(lines: list[str], fallback: date | None) -> date | None:
    """Date of a news dateline at the start of one of ``lines`` (first match wins).

    Without a year the fallback's year is used (the previous year if that puts the
    date more than 31 days after the fallback); without a fallback, None.
    """
    for line in lines:
        for rx in _DATELINE_RES:
            m = rx.match(line)
            if m is None or not m.group("place")[0].isupper():
                continue
            month = _MONTHS[m.group("month").lower()]
            day = int(m.group("day"))
            if m.group("year"):
                year = int(m.group("year"))
            elif fallback is not None:
                year = fallback.year
            else:
                return None
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if (
                not m.group("year")
                and fallback is not None
                and found > fallback + timedelta(days=31)
            ):
                try:
                    found = date(year - 1, month, day)
                except ValueError:
                    continue
            return found
    return None

"""The draft each format reader produces, and turning a draft into an Article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from frontwatch.config import settings
from frontwatch.types import Article

from ._clean import article_id, clean_text, one_line
from ._dates import find_dateline, parse_meta_date
from ._language import detect_language

__all__ = ["Draft", "build_article", "meta_date"]


@dataclass
class Draft:
    """What a reader found, before cleaning. ``body`` may or may not start with the title."""

    origin: str
    body: str
    title: str = ""
    published: date | None = None
    published_basis: str = "unknown"
    url: str = ""
    publisher: str = ""
    language: str = ""
    # txt/md: a missing title is the first line. JSONL and feed items carry their title
    # apart from the body, so a body's first line is never taken as one (it may be the story).
    title_from_body: bool = True


def meta_date(value: object, where: str, warnings: list[str]) -> date | None:
    """Parse a metadata date; an unparseable one is a warning, not a failure."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    d = parse_meta_date(value)
    if d is None:
        warnings.append(f"{where}: cannot parse published date {str(value)!r}, ignored")
    return d


def _language(tag: str) -> str:
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else "en"


_HEADLINE_CHARS = 160


def build_article(
    draft: Draft, fallback: date | None, warnings: list[str], where: str | None = None
) -> Article | None:
    """Clean the body, put the title first, settle the date and the id.

    Returns None (after a warning naming ``where``) if no text is left.
    """
    where = where or draft.origin
    body = clean_text(draft.body)
    title = one_line(draft.title)
    if not title and draft.title_from_body:  # txt/md without a title: the first line
        title = one_line(next((ln for ln in body.split("\n") if ln.strip()), ""))
        if len(title) > _HEADLINE_CHARS or find_dateline([title], date(2000, 1, 1)):
            title = ""  # "PORT SUDAN, May 6 (wire) - Drones hit ...": the lead, not a headline
    if not any(c.isalnum() for c in body + title):
        warnings.append(f"{where}: no article text found")
        return None
    lines = [ln for ln in body.split("\n") if ln.strip()]
    if lines and one_line(lines[0]).casefold() == title.casefold():
        text = body
    elif title:
        text = f"{title}\n\n{body}" if body else title
    else:
        text = body
    limit = settings().max_article_chars
    if len(text) > limit:
        warnings.append(f"{where}: report too long ({len(text):,} characters > {limit:,}); skipped")
        return None
    if not body:
        warnings.append(f"{where}: only a title, no body text")

    published, basis = draft.published, draft.published_basis
    if published is None:
        found = find_dateline(lines[:3], fallback)
        if found is not None:
            published, basis = found, "dateline"
        elif fallback is not None:
            published, basis = fallback, "cli"
        else:
            basis = "unknown"
    language = detect_language(text, _language(draft.language) if draft.language else "")
    if language != "en":
        warnings.append(
            f"{where}: not in English (reads as {language!r}): stored without claims,"
            " frontwatch codes English text only"
        )
    return Article(
        id=article_id(text),
        origin=draft.origin,
        title=title,
        text=text,
        published=published,
        published_basis=basis,
        url=one_line(draft.url),
        publisher=one_line(draft.publisher),
        language=language,
    )

"""RSS 2.0 / Atom feeds via feedparser (given bytes, so it never fetches anything)."""

from __future__ import annotations

from typing import Any

from frontwatch.errors import IngestError

from ._clean import html_to_text, one_line
from ._dates import struct_to_date
from ._model import Draft

__all__ = ["parse_feed"]


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and its summary, as plain text."""
    candidates: list[str] = []
    for block in entry.get("content") or []:
        value = block.get("value") if hasattr(block, "get") else None
        if isinstance(value, str):
            candidates.append(value)
    summary = entry.get("summary")
    if isinstance(summary, str):
        candidates.append(summary)
    texts = [html_to_text(c) for c in candidates]
    return max(texts, key=len, default="")


def parse_feed(data: bytes, origin: str, warnings: list[str]) -> list[tuple[Draft, str]]:
    """(draft, "FILE#ITEM") per item; IngestError if the bytes are not an RSS/Atom feed."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as e:  # feedparser is lenient, but be safe on very odd input
        raise IngestError(f"{origin}: not an RSS/Atom feed ({type(e).__name__})") from None
    version = str(parsed.get("version") or "")
    entries = list(parsed.get("entries") or [])
    if not version and not entries:
        raise IngestError(f"{origin}: not an RSS/Atom feed")
    feed = parsed.get("feed") or {}
    publisher = one_line(str(feed.get("title") or ""))
    language = str(feed.get("language") or "")
    drafts: list[tuple[Draft, str]] = []
    for n, entry in enumerate(entries, start=1):
        item = str(entry.get("id") or entry.get("link") or n).strip()
        where = f"{origin}#{item}"
        body = _entry_text(entry)
        if not body:
            warnings.append(f"{where}: feed item without content or summary, skipped")
            continue
        published = struct_to_date(entry.get("published_parsed")) or struct_to_date(
            entry.get("updated_parsed")
        )
        if published is None and (entry.get("published") or entry.get("updated")):
            raw = entry.get("published") or entry.get("updated")
            warnings.append(f"{where}: cannot parse published date {str(raw)!r}, ignored")
        drafts.append(
            (
                Draft(
                    origin=where,
                    body=body,
                    title=html_to_text(str(entry.get("title") or "")),
                    published=published,
                    published_basis="metadata" if published else "unknown",
                    url=str(entry.get("link") or ""),
                    publisher=publisher,
                    language=str(entry.get("language") or language),
                    title_from_body=False,
                ),
                where,
            )
        )
    return drafts

"""JSON Lines: one article per line with keys id, url, title, published, text."""

from __future__ import annotations

import json

from ._model import Draft, meta_date

__all__ = ["parse_jsonl"]


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()


def parse_jsonl(text: str, origin: str, warnings: list[str]) -> list[tuple[Draft, str]]:
    """(draft, "FILE:LINE") per good line; bad lines become "FILE:LINE: problem" warnings."""
    drafts: list[tuple[Draft, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            msg = getattr(e, "msg", str(e))
            warnings.append(f"{where}: invalid JSON ({msg}), line skipped")
            continue
        if not isinstance(obj, dict):
            warnings.append(f"{where}: not a JSON object, line skipped")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            problem = (
                "missing 'text'"
                if body is None or body == ""
                else "'text' is not a non-empty string"
            )
            warnings.append(f"{where}: {problem}, line skipped")
            continue
        item = _str(obj.get("id")) or str(n)
        published = meta_date(obj.get("published", obj.get("date")), where, warnings)
        draft = Draft(
            origin=f"{origin}#{item}",
            body=body,
            title=_str(obj.get("title")),
            published=published,
            published_basis="metadata" if published else "unknown",
            url=_str(obj.get("url")),
            publisher=_str(obj.get("publisher", obj.get("source"))),
            language=_str(obj.get("language", obj.get("lang"))),
            title_from_body=False,
        )
        drafts.append((draft, where))
    return drafts

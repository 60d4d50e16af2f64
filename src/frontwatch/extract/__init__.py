"""Claims from a parsed article: events, front positions, displacement, statements.

Per sentence: triggers from the shipped table (data/triggers.yaml), their roles
from the dependency parse, the reporting chain, modality (said-but-not-done
becomes a statement), dates and numbers. Then an article-level pass resolves
what a sentence alone cannot: "the occupied cities", "after the capture of
Hama", "at the same time", and merges claims one article tells twice.
"""

from __future__ import annotations

from frontwatch.extract._article import extract_claims

__all__ = ["extract_claims"]

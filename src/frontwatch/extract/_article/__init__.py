"""Article-level extraction: sentences → claims, then the cross-sentence pass.

One module per stage, each importing only from those before it: _common (shared word lists,
patterns and the context object), _context (the article's countries and story window),
_sentences (triggers and clause reading), _dating, _modality, _events (one trigger's event
claim), _sources (reporting chains), _statements, and _merge (the sentence loop and the
cross-sentence pass: extract_claims).
"""

from __future__ import annotations

# the gazetteer's fuzzy matcher, imported with extraction: else the first report's first
# fuzzy look-up pays its import (about 40 ms)
import rapidfuzz.process  # noqa: F401

from frontwatch.extract._article._common import _AFTER_ANCHOR
from frontwatch.extract._article._dating import _RELATIVE_DAYS
from frontwatch.extract._article._events import (
    _in_clause_modifier,
    _phrase,
    _span_text,
    per_day_note,
)
from frontwatch.extract._article._merge import extract_claims
from frontwatch.extract._article._modality import _modality
from frontwatch.extract._article._sentences import (
    _DENY_STEMS,
    _PROMISE_STEMS,
    _SAID_STEMS,
    _find_triggers,
    _lower_twin,
    _lowered_pattern,
    _search,
)

__all__ = [
    "_AFTER_ANCHOR",
    "_DENY_STEMS",
    "_PROMISE_STEMS",
    "_RELATIVE_DAYS",
    "_SAID_STEMS",
    "_find_triggers",
    "_in_clause_modifier",
    "_lower_twin",
    "_lowered_pattern",
    "_modality",
    "_phrase",
    "_search",
    "_span_text",
    "extract_claims",
    "per_day_note",
]

"""What an article says about itself: its countries, publisher and place context."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

from frontwatch.actors import actor_table
from frontwatch.extract._dates import DateMention
from frontwatch.extract._places import (
    compound_modifier,
)
from frontwatch.extract._tables import (
    shared_country,
    shared_country_names,
)
from frontwatch.geo import Gazetteer, demonym_country
from frontwatch.geo.supplement import SYNTHETIC_ID_BASE
from frontwatch.nlp import Sentence
from frontwatch.types import Article


@lru_cache(maxsize=8192)
def _country_code(gaz: Gazetteer, word: str) -> str:
    """ISO2 when `word` names a country ("Syria"), else ""."""
    if not gaz.lookup_exact(word):
        return ""
    place = gaz.resolve(word, kind_hint="country")
    return place.country if place is not None and place.feature == "country" else ""


def _article_countries(
    article: Article, sentences: list[Sentence], gaz: Gazetteer
) -> tuple[str, ...]:
    """Countries the report is about: demonyms, country names, well-known towns, actors."""
    counts: Counter[str] = Counter()
    shared: Counter[str] = Counter()  # "Congo": which Congo is settled by the rest
    shared_names = shared_country_names()
    ambiguous: list[tuple[str, tuple[str, ...]]] = []  # a town's name several countries have
    for sent in sentences:
        doc = sent.span.doc
        tokens = doc.tokens
        end = sent.span.end
        # _starts_longer_name, read once per sentence: the capitalised words a word may be
        # followed by (past the sentence's end too, as doc[i + 1] reads it)
        caps_at = {t.i for t in sent.span.capitalised if t.is_alpha}
        if end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
            caps_at.add(end)
        consumed = -1  # "Delgado" of "Cabo Delgado" counted with its first word
        plain = _PLAIN_WORDS  # a word that names nothing alone (most of them): nothing to
        # count, unless a capitalised word follows (skipped in one pass; a word the loop adds
        # to the set is read again to no effect: it counts nothing)
        for tok in [t for t in sent.span if t.text not in plain or t.i + 1 in caps_at]:
            text = tok.text
            longer = tok.i + 1 in caps_at
            if tok.i == consumed:
                continue
            nxt = tokens[tok.i + 1] if longer else None
            cc = demonym_country(text)
            if not cc and longer:  # "Sri Lankan police"
                cc = demonym_country(f"{text} {nxt.text}")  # type: ignore[union-attr]
            if cc:
                counts[cc] += 1
            elif text in shared_names:
                shared[text] += 2
            elif not (text[:1].isupper() and tok.is_alpha):
                if len(_PLAIN_WORDS) < _PLAIN_LIMIT:
                    _PLAIN_WORDS.add(text)  # no demonym, no shared name, not capitalised
            else:
                code = _country_code(gaz, text)
                hyphened = _hyphened_name(doc, tok.i) if not code else ""
                if not code and hyphened:  # "Port-au-Prince": one name in five tokens
                    code = _big_town_country(gaz, hyphened)
                elif not code and longer:  # "El Fasher", not "Rapid"
                    two = f"{text} {nxt.text}"  # type: ignore[union-attr]
                    code = _big_town_country(gaz, two)
                    # ("West Africa": a region, whose "Africa" names no town either)
                    consumed = nxt.i if code or gaz.lookup_exact(two) else -1  # type: ignore[union-attr]
                elif not code and not _in_persons_name(doc, tok.i):  # "chief Leon Charles"
                    code = _big_town_country(gaz, text)
                    others = _namesake_countries(gaz, text) if code else ()
                    if len(others) > 1 and not compound_modifier(doc, tok.i + 1):
                        ambiguous.append((code, others))  # "Palma": Mallorca or Cabo Delgado
                        continue
                if code and not compound_modifier(doc, tok.i + 1):
                    counts[code] += 2  # "the Britain-based monitor" is not about Britain
    text = article.text
    named = _named_actors(text)
    for name, info in actor_table().actors.items():
        if name in named:  # in the table's order (ties of most_common keep it)
            counts[info.country] += 1
    for code, others in ambiguous:  # the namesake in a country the rest points to
        counts[max(others, key=lambda c: (counts[c], c == code))] += 2
    ranked = tuple(c for c, _ in counts.most_common())
    for name, n in shared.items():
        counts[shared_country(name, ranked)] += n
    return tuple(c for c, _ in counts.most_common())


# words that alone are no demonym, no shared country name and not capitalised (a word's
# is_alpha is its text's): _article_countries skips them unless a capitalised word follows
_PLAIN_WORDS: set[str] = set()
_PLAIN_LIMIT = 200_000


@lru_cache(maxsize=1)
def _actor_name_heads() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The actor table's names grouped by their first four characters: a name can be in a
    text only if its group's head is."""
    groups: dict[str, list[str]] = {}
    for name in actor_table().actors:
        groups.setdefault(name[:4], []).append(name)
    return tuple((head, tuple(names)) for head, names in groups.items())


def _named_actors(text: str) -> set[str]:
    """The actor table's names in a text: the groups whose head is one of the text's
    four-character windows (all read by one scan, instead of a substring search per head),
    each of their names then searched in the text."""
    rx, groups, short = _actor_head_windows()
    heads = set(rx.findall(text)) & groups.keys()
    heads.update(h for h in short if h in text)
    return {n for head in heads for n in groups[head] if n in text}


@lru_cache(maxsize=1)
def _actor_head_windows() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], tuple[str, ...]]:
    """A scan for every four-character window of a text that starts with a character some
    head starts with (overlapping: a lookahead), the heads' groups, and the heads shorter
    than four characters (names that short, searched alone)."""
    groups = dict(_actor_name_heads())
    firsts = sorted({h[0] for h in groups if len(h) == 4})
    chars = "".join(re.escape(c) for c in firsts)
    rx = re.compile(f"(?=([{chars}].{{3}}))" if chars else "(?!)()", re.S)
    return rx, groups, tuple(h for h in groups if len(h) < 4)


def _starts_longer_name(doc: Any, i: int) -> bool:
    """ "Rapid" of "Rapid Support Forces": a capitalised word followed by another is part of
    a longer name, and counts as a town's name only in that name (Rapid City is not meant)."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha


def _in_persons_name(doc: Any, i: int) -> bool:
    """The second word of a person's name the parser tags ("Leon Charles"): a lone word it
    tags a person may still be a town ("In Goma, ...")."""
    return i > 0 and doc[i].ent_type_ == "PERSON" and doc[i - 1].ent_type_ == "PERSON"


def _hyphened_name(doc: Any, i: int) -> str:
    """ "Port-au-Prince" when the word at `i` starts a name joined by hyphens, else ""."""
    j = i
    while j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text == "-":
        if doc[j + 1].whitespace_ or not doc[j + 2].is_alpha:
            break
        j += 2
    return doc[i : j + 1].text if j > i else ""


@lru_cache(maxsize=8192)
def _big_town_country(gaz: Gazetteer, word: str) -> str:
    """The country of a town of 50,000+ people or a province known by this exact name."""
    if not gaz.lookup_exact(word):
        return ""
    cands = gaz.candidates(word, fuzzy=False, limit=5)
    if any(c.feature == "region" for c in cands):
        return ""  # "Africa" is a continent before it is an old name of Mahdia
    if cands and (cands[0].population >= 50_000 or cands[0].feature == "admin1"):
        return cands[0].country
    return ""


@lru_cache(maxsize=8192)
def _namesake_countries(gaz: Gazetteer, word: str) -> tuple[str, ...]:
    """The countries of the towns and provinces a big town's name also names that a report
    could mean: a tenth of the biggest one's people or more, or a conflict place the
    supplement adds ("Palma" in Cabo Delgado beside Palma de Mallorca)."""
    cands = gaz.candidates(word, fuzzy=False, limit=20)
    if not cands:
        return ()
    floor = max(c.population for c in cands) / 10
    out: list[str] = []
    for c in cands:
        synthetic = (c.geonameid or 0) >= SYNTHETIC_ID_BASE
        if c.country not in out and (c.population >= floor or synthetic):
            out.append(c.country)
    return tuple(out)


def _story_start(article: Article, sentence_dates: list[list[DateMention]]) -> date | None:
    dates = [
        d.date
        for mentions in sentence_dates
        for d in mentions
        if d.kind in ("point", "since", "relative_week") and d.date
    ]
    if article.published:
        dates = [d for d in dates if d <= article.published]
    points = [
        d.date
        for mentions in sentence_dates
        for d in mentions
        if d.kind == "point" and d.date and (not article.published or d.date <= article.published)
    ]
    if points:
        # "protesters have demanded his resignation since March", "has struck Gaza since
        # October 7": a campaign's start long before the report's dated days is background,
        # not the window its undated events happened in
        first = min(points)
        since = {
            d.date for mentions in sentence_dates for d in mentions if d.kind == "since" and d.date
        }
        dates = [d for d in dates if d not in since or (first - d).days <= _SINCE_REACH_DAYS]
    return min(dates) if dates else None


_SINCE_REACH_DAYS = 7

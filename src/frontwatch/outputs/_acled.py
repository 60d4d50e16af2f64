"""One Event → one row with ACLED's column names (plus our fw_* extensions)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from frontwatch.actors import actor_info, inter_at
from frontwatch.extract._tables import source_table
from frontwatch.types import Article, Claim, Event, Place, SourceRef, replace

__all__ = [
    "ACLED_BASE_COLUMNS",
    "FW_COLUMNS",
    "ACLED_COLUMNS",
    "ISO_NUMERIC",
    "REGIONS",
    "acled_row",
    "civilian_targeting",
    "disorder_type",
    "event_sources",
    "first_place",
]

# ACLED's own columns, in ACLED's order.
ACLED_BASE_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# Ours (extensions), after ACLED's.
FW_COLUMNS: tuple[str, ...] = (
    "fw_kind",
    "fw_date_end",
    "fw_source_count",
    "fw_reports",
    "fw_evidence",
    "fw_offset_km",
    "fw_denied_by",
    "fw_confidence",
    "fw_fatalities_basis",
)

# Every column of an output row (the CSV header), in order.
ACLED_COLUMNS: tuple[str, ...] = ACLED_BASE_COLUMNS + FW_COLUMNS

# ISO 3166 numeric codes (what ACLED's `iso` column holds), by alpha-2.
ISO_NUMERIC: dict[str, int] = {
    "AF": 4,
    "AM": 51,
    "AZ": 31,
    "BD": 50,
    "BF": 854,
    "BI": 108,
    "BY": 112,
    "CD": 180,
    "CF": 140,
    "CM": 120,
    "CO": 170,
    "DE": 276,
    "DZ": 12,
    "EG": 818,
    "ET": 231,
    "FR": 250,
    "GB": 826,
    "GE": 268,
    "HT": 332,
    "IL": 376,
    "IN": 356,
    "IQ": 368,
    "IR": 364,
    "JO": 400,
    "KE": 404,
    "LB": 422,
    "LY": 434,
    "MD": 498,
    "ML": 466,
    "MM": 104,
    "MX": 484,
    "MZ": 508,
    "NE": 562,
    "NG": 566,
    "PK": 586,
    "PL": 616,
    "PS": 275,
    "RU": 643,
    "RW": 646,
    "SA": 682,
    "SD": 729,
    "SO": 706,
    "SS": 728,
    "SY": 760,
    "TD": 148,
    "TR": 792,
    "UA": 804,
    "UG": 800,
    "US": 840,
    "YE": 887,
}

# ACLED region names, by alpha-2.
REGIONS: dict[str, str] = {
    **dict.fromkeys(
        ("SY", "IL", "PS", "LB", "YE", "IQ", "IR", "JO", "SA", "TR", "KW", "BH", "QA", "AE", "OM"),
        "Middle East",
    ),
    **dict.fromkeys(("UA", "RU", "BY", "MD", "PL", "DE", "FR", "GB"), "Europe"),
    **dict.fromkeys(("SD", "LY", "EG", "DZ", "TN", "MA"), "Northern Africa"),
    **dict.fromkeys(("ML", "BF", "NE", "NG", "SN", "GH", "CI", "MR", "TG", "BJ"), "Western Africa"),
    **dict.fromkeys(("CD", "CF", "CM", "TD", "CG", "GA", "AO"), "Middle Africa"),
    **dict.fromkeys(("ET", "SO", "SS", "KE", "UG", "RW", "BI", "MZ", "ER", "TZ"), "Eastern Africa"),
    **dict.fromkeys(("ZA", "ZW", "NA", "BW", "LS", "SZ"), "Southern Africa"),
    **dict.fromkeys(("MM", "TH", "PH", "ID", "KH", "LA", "VN", "MY"), "Southeast Asia"),
    **dict.fromkeys(("AF", "PK", "IN", "BD", "NP", "LK"), "South Asia"),
    **dict.fromkeys(("CN", "JP", "KR", "KP", "MN", "TW"), "East Asia"),
    **dict.fromkeys(("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"), "Caucasus and Central Asia"),
    **dict.fromkeys(("MX", "GT", "HN", "SV", "NI", "CR", "PA"), "Central America"),
    **dict.fromkeys(("CO", "VE", "BR", "PE", "EC", "BO", "AR", "CL"), "South America"),
    **dict.fromkeys(("HT", "CU", "DO", "JM"), "Caribbean"),
    **dict.fromkeys(("US", "CA"), "North America"),
}

_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_CIVILIAN_TARGETING_TYPES = {"Violence against civilians", "Explosions/Remote violence"}
_NATIONAL_STANCES = {"state media", "opposition", "monitor"}
_SNIPPET_CHARS = 200


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder_type for an event type / sub-event type pair."""
    if event_type in _POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return ""


def civilian_targeting(event_type: str, sub_event_type: str, inter2: int | None) -> str:
    """ACLED's civilian_targeting: every violence-against-civilians event; explosions and
    mob violence whose target (actor2) is civilians; excessive force against protesters."""
    if event_type == "Violence against civilians":
        return "Civilian targeting"
    if sub_event_type == "Excessive force against protesters":
        return "Civilian targeting"
    if inter2 == 7 and (
        event_type in _CIVILIAN_TARGETING_TYPES or sub_event_type == "Mob violence"
    ):
        return "Civilian targeting"
    return ""


def first_place(claim: Claim) -> Place | None:
    return claim.places[0] if claim.places else None


def _claims_of(event: Event) -> tuple[Claim, ...]:
    return event.claims or (event.claim,)


def _resolve_source(
    source: SourceRef, claim: Claim, articles: Mapping[str, Article] | None
) -> SourceRef:
    """'publisher' → the article's publisher, when the caller gave the articles."""
    if source.name != "publisher" or not articles:
        return source
    article = articles.get(claim.article_id)
    if article is None or not article.publisher:
        return source
    return replace(source, name=article.publisher)


def event_sources(event: Event, articles: Mapping[str, Article] | None = None) -> list[SourceRef]:
    """Every source behind an event, first-seen order, without duplicate labels."""
    out: list[SourceRef] = []
    seen: set[str] = set()
    for claim in _claims_of(event):
        for source in claim.sources:
            resolved = _resolve_source(source, claim, articles)
            if resolved.label not in seen:
                seen.add(resolved.label)
                out.append(resolved)
    return out


_SCALE_ORDER = ("Subnational", "National", "Regional", "International", "Other")


def _one_scale(source: SourceRef, country: str) -> str:
    """ACLED's scale of one source: the table's `scale` if given; a wire is international;
    an outlet of the event's country is national, of another country international."""
    listed = source_table().scale_of(source.name)
    if listed:
        return listed
    if source.stance == "wire":
        return "International"
    if source.country and country:
        return "National" if source.country == country else "International"
    if source.stance in _NATIONAL_STANCES:
        return "National"
    return "Other"


def _source_scale(sources: Iterable[SourceRef], country: str = "") -> str:
    """ACLED's source_scale: the scales of an event's sources, joined ("National-International")."""
    found = {_one_scale(s, country) for s in sources}
    if len(found) > 1:
        found.discard("Other")
    return "-".join(s for s in _SCALE_ORDER if s in found)


def _inter(actor: str, country: str = "") -> int | None:
    if not actor:
        return None
    info = actor_info(actor)
    return inter_at(info, country) if info else None


def _interaction(actor1: str, inter1: int | None, actor2: str, inter2: int | None) -> str:
    if actor1 and actor2:
        if inter1 is None or inter2 is None:
            return ""
        return "".join(str(i) for i in sorted((inter1, inter2)))
    single = inter1 if actor1 else inter2
    return f"{single}0" if single is not None else ""


def _num(value: float | None, fmt: str = "g") -> str:
    return "" if value is None else format(value, fmt)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _place_label(place: Place) -> str:
    return f"{place.name} ({place.admin1})" if place.admin1 else place.name


def _notes(claim: Claim) -> str:
    parts: list[str] = []
    if claim.kind == "statement" and claim.statement:
        parts.append(claim.statement)
    if claim.notes:
        parts.append(claim.notes)
    if claim.fatalities_notes:
        parts.append(f"Fatalities: {claim.fatalities_notes}.")
    if len(claim.places) > 1:
        parts.append("Also: " + ", ".join(_place_label(p) for p in claim.places[1:]) + ".")
    if claim.destinations:
        parts.append(
            "Destinations: " + ", ".join(_place_label(p) for p in claim.destinations) + "."
        )
    return " ".join(parts)


def _tags(claim: Claim, place: Place | None) -> str:
    tags = [f"{k}={v}" for k, v in claim.numbers]
    if place is not None:
        if place.relation:
            tags.append(f"relation={place.relation}")
        if place.offset_km is not None:
            tags.append(f"offset={place.offset_km:g} km {place.bearing}".rstrip())
    if claim.modality and claim.modality != "reported":
        tags.append(f"modality={claim.modality}")
    return "; ".join(tags)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _SNIPPET_CHARS:
        return text[: _SNIPPET_CHARS - 1] + "…"
    return text


def _evidence(event: Event) -> str:
    out: list[str] = []
    for claim in _claims_of(event):
        for span in claim.evidence:
            item = f"{span.start}-{span.end}: {_snippet(span.text)}"
            if item not in out:
                out.append(item)
    return "; ".join(out)


def acled_row(
    event: Event,
    articles: Mapping[str, Article] | None = None,
    timestamp: int = 0,
) -> dict[str, str]:
    """The event as one ACLED-style row (every value a string, keys = ACLED_COLUMNS).

    `articles` (id → Article) lets "publisher" sources show the real publisher;
    `timestamp` fills ACLED's timestamp column (unix time; 0 when unknown).
    """
    c = event.claim
    place = first_place(c)
    where = place.country if place else ""
    inter1 = _inter(c.actor1, where)
    inter2 = _inter(c.actor2, where)
    sources = event_sources(event, articles)
    country = place.country if place else ""
    row = {
        "event_id_cnty": event.event_id,
        "event_date": _iso(c.date),
        "year": str(c.date.year) if c.date else "",
        "time_precision": str(c.time_precision),
        "disorder_type": disorder_type(c.event_type, c.sub_event_type),
        "event_type": c.event_type,
        "sub_event_type": c.sub_event_type,
        "actor1": c.actor1,
        "assoc_actor_1": c.assoc_actor1,
        "inter1": _num(inter1, "d"),
        "actor2": c.actor2,
        "assoc_actor_2": c.assoc_actor2,
        "inter2": _num(inter2, "d"),
        "interaction": _interaction(c.actor1, inter1, c.actor2, inter2),
        "civilian_targeting": civilian_targeting(c.event_type, c.sub_event_type, inter2),
        "iso": str(ISO_NUMERIC.get(country, country)),
        "region": REGIONS.get(country, ""),
        "country": (place.country_name or place.country) if place else "",
        "admin1": place.admin1 if place else "",
        "admin2": place.admin2 if place else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": _num(place.lat, ".4f") if place else "",
        "longitude": _num(place.lon, ".4f") if place else "",
        "geo_precision": str(place.geo_precision) if place else "",
        "source": "; ".join(s.label for s in sources),
        "source_scale": _source_scale(sources, country),
        "notes": _notes(c),
        "fatalities": str(int(c.fatalities)),
        "tags": _tags(c, place),
        "timestamp": str(int(timestamp)),
        "fw_kind": c.kind,
        "fw_date_end": _iso(c.date_end),
        "fw_source_count": str(event.source_count),
        "fw_reports": ";".join(event.origins),
        "fw_evidence": _evidence(event),
        "fw_offset_km": _num(place.offset_km) if place else "",
        "fw_denied_by": "; ".join(c.denied_by),
        "fw_confidence": f"{c.confidence:.2f}",
        "fw_fatalities_basis": c.fatalities_basis,
    }
    return row

"""Extraction rules beyond the seed: casualty nouns, phrase gaps, possessive forces."""

from __future__ import annotations

from datetime import date

from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim


def _events(text: str, published: date = date(2024, 2, 18)) -> list[Claim]:
    article = Article(id="rules", origin="rules.txt", title="", text=text, published=published)
    return [c for c in claims_for(article) if c.kind == "event"]


def test_event_noun_as_subject_of_killed_is_the_event() -> None:
    events = _events("A Russian missile strike on Kharkiv killed at least 3 people on Friday.")
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.actor1 == "Military Forces of Russia"
    assert ev.places[0].country == "UA"
    assert (ev.fatalities, ev.fatalities_basis) == (3, "reported")
    assert ev.date == date(2024, 2, 16)


def test_words_inside_take_control_of_still_trigger() -> None:
    events = _events("Rapid Support Forces fighters took full control of Wad Madani on Monday.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    assert events[0].actor1 == "Rapid Support Forces"
    assert events[0].actor2 == "Military Forces of Sudan"


def test_its_forces_belong_to_the_speaker() -> None:
    events = _events(
        "Russia's Defence Ministry said on Saturday that its forces had taken control of Avdiivka in eastern Ukraine."
    )
    assert len(events) == 1
    assert events[0].actor1 == "Military Forces of Russia"
    assert events[0].sources[0].name == "Russian Defence Ministry"

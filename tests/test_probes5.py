"""Rules found in the fifth session from the fresh3 part and our own probes (invented wording)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim


def events(text: str, gaz: Gazetteer, published: date = date(2024, 10, 3)) -> list[Claim]:
    article = Article(id="p5", origin="p.txt", title="", text=text, published=published)
    return [c for c in claims_for(article, gaz) if c.kind == "event"]


def test_a_named_russian_group_of_forces_is_the_russian_military(gaz: Gazetteer) -> None:
    found = events(
        'According to the Russian Defence Ministry, units of the "Vostok" group of forces '
        "liberated the settlement of Ugledar in the Donetsk region.",
        gaz,
    )
    capture = next(c for c in found if c.event_type == "Battles")
    assert capture.actor1 == "Military Forces of Russia"
    assert capture.places[0].name == "Vuhledar"


def test_during_the_night_is_the_night_before_publication(gaz: Gazetteer) -> None:
    found = events(
        "The ministry said that during the night air defence systems intercepted and "
        "destroyed 20 drones over the Belgorod region.",
        gaz,
    )
    c = next(c for c in found if c.sub_event_type == "Disrupted weapons use")
    assert (c.date, c.date_end, c.time_precision) == (date(2024, 10, 2), date(2024, 10, 3), 1)
    assert c.actor1 == "Military Forces of Russia"  # generic air defences over Russia


def test_the_night_of_a_date_is_that_date(gaz: Gazetteer) -> None:
    found = events(
        "During the night of 28 September, air defence systems shot down 12 drones over "
        "the Kursk region, the ministry said.",
        gaz,
    )
    c = next(c for c in found if c.sub_event_type == "Disrupted weapons use")
    assert c.date == date(2024, 9, 28)


def test_who_receives_a_handed_over_base_gains_it(gaz: Gazetteer) -> None:
    found = events(
        "The peacekeepers on Sunday completed their withdrawal from the camp in Ber and "
        "handed over the base to the Malian armed forces.",
        gaz,
        date(2023, 8, 15),
    )
    c = next(c for c in found if c.sub_event_type == "Non-violent transfer of territory")
    assert c.actor1 == "Military Forces of Mali"


def test_its_forces_after_according_to_are_the_sources_forces(gaz: Gazetteer) -> None:
    found = events(
        "According to information of the Southern Transitional Council (STC), its forces on "
        "Saturday took control of the presidential palace in Aden.",
        gaz,
        date(2019, 8, 12),
    )
    c = next(c for c in found if c.event_type == "Battles")
    assert c.actor1 == "Southern Transitional Council"
    assert c.sub_event_type == "Non-state actor overtakes territory"


def test_the_coalition_is_the_saudi_led_one_in_yemen_and_the_us_led_one_in_syria() -> None:
    from frontwatch.actors import actor_table

    table = actor_table()
    assert table.resolve("coalition aircraft", "YE").name == "Military Forces of Saudi Arabia"
    assert table.resolve("coalition aircraft", "SY").name == "Military Forces of the United States"
    assert table.resolve("Kurdish-led fighters", "SY").name == "Syrian Democratic Forces"

"""Modality, denials, history, dates, fatalities and sources on short invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.ingest import read_path
from frontwatch.outputs import acled_row
from frontwatch.pipeline import with_batch_dates
from frontwatch.types import Claim, Event
from reading import claims_of

PUBLISHED = date(2024, 12, 6)  # a Friday


def _claims(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published)


def _events(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return [c for c in _claims(text, gaz, published) if c.kind == "event"]


@pytest.mark.parametrize(
    "text",
    [
        "The RSF captured Wad Madani in December 2023.",  # history by date
        "Rebels have attacked Saraqib repeatedly since the war began.",  # history marker
        "The army did not shell the town of Saraqib.",  # negation
        "If the talks fail, the army will storm the town of Saraqib.",  # conditional + modal
        "The rebels threatened to capture the town of Saraqib.",  # threat
        "Officials warned that militants could attack the town of Djibo.",  # warning
        "The army denied that it had shelled the town of Saraqib.",  # denial
        "Crowds took to the streets of Khartoum on Monday to celebrate.",  # a celebration
        "The M23 has held Bukavu since February, three weeks after it captured Goma.",  # background
        "Did the rebels capture the town of Saraqib on Monday?",  # a question
        "There were rumours that the rebels had entered the town of Saraqib.",  # a rumour
    ],
)
def test_not_a_current_event(text: str, gaz: Gazetteer) -> None:
    assert _events(text, gaz) == []


def test_denial_is_attached_to_the_event_it_denies(gaz: Gazetteer) -> None:
    (e,) = _events(
        "A missile hit the railway station in Kramatorsk on Friday, killing 50 people. "
        "Russia's Defence Ministry denied striking the station.",
        gaz,
    )
    assert e.denied_by == ("Russian Defence Ministry",)
    row = acled_row(Event("E1", e, (e,), ("t.txt",), 1))
    assert row["fw_denied_by"] == "Russian Defence Ministry"
    assert (row["actor1"], row["actor2"]) == ("Military Forces of Russia", "Civilians (Ukraine)")


def test_a_claim_stays_an_event_marked_claimed(gaz: Gazetteer) -> None:
    (e,) = _events("The RSF claimed it had captured the town of Bara on Monday.", gaz)
    assert e.modality == "claimed" and e.actor1 == "Rapid Support Forces"


def test_a_sides_word_that_fighting_goes_on_is_a_statement(gaz: Gazetteer) -> None:
    found = _claims("A commander said fighting was still going on in Bakhmut.", gaz)
    assert [c.kind for c in found] == ["statement"]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Rebels shelled the town of Saraqib yesterday.", date(2024, 12, 5), None, 1),
        ("Rebels shelled the town of Saraqib early on Tuesday.", date(2024, 12, 3), None, 1),
        ("Rebels shelled the town of Saraqib overnight.", date(2024, 12, 5), date(2024, 12, 6), 1),
        ("Rebels shelled the town of Saraqib last week.", date(2024, 11, 25), date(2024, 12, 1), 2),
        (
            "Rebels shelled the town of Saraqib on December 2-4.",
            date(2024, 12, 2),
            date(2024, 12, 4),
            2,
        ),
        (
            "Rebels shelled the town of Saraqib over the weekend.",
            date(2024, 11, 30),
            date(2024, 12, 1),
            2,
        ),
        (
            "Rebels shelled the town of Saraqib over the past two days.",
            date(2024, 12, 4),
            PUBLISHED,
            2,
        ),
        ("Rebels shelled the town of Saraqib on 30 November.", date(2024, 11, 30), None, 1),
        (
            "Rebels shelled the town of Saraqib on Monday and Tuesday.",
            date(2024, 12, 2),
            date(2024, 12, 3),
            2,
        ),
        (
            "Rebels shelled the town of Saraqib between December 1 and December 4.",
            date(2024, 12, 1),
            date(2024, 12, 4),
            2,
        ),
        (
            "Rebels shelled the town of Saraqib over the past 48 hours.",
            date(2024, 12, 4),
            PUBLISHED,
            2,
        ),
        (
            "Rebels have shelled the town of Saraqib since Wednesday.",
            date(2024, 12, 4),
            PUBLISHED,
            2,
        ),
        ("Rebels shelled the town of Saraqib three days ago.", date(2024, 12, 3), None, 1),
        # the date after the trigger, not the day of the saying
        (
            "Rebels shelled the town of Saraqib on Monday, the monitor said on Thursday.",
            date(2024, 12, 2),
            None,
            1,
        ),
    ],
)
def test_dates_and_time_precision(
    text: str, start: date, end: date | None, precision: int, gaz: Gazetteer
) -> None:
    (e,) = _events(text, gaz)
    assert (e.date, e.date_end, e.time_precision) == (start, end, precision)
    assert e.date is not None and e.date <= PUBLISHED


def test_a_day_earlier_and_the_next_day_count_from_the_event_told_before(gaz: Gazetteer) -> None:
    text = (
        "Rebels shelled the town of Saraqib on Tuesday.\n\n"
        "A day earlier, government jets had bombed the town of Ariha, killing four civilians.\n\n"
        "Two days later, rebel fighters stormed the town of Sarmin."
    )
    days = [(e.places[0].name, e.date) for e in _events(text, gaz)]
    assert days == [
        ("Saraqib", date(2024, 12, 3)),
        ("Ariha", date(2024, 12, 2)),
        ("Sarmin", date(2024, 12, 4)),
    ]


def test_year_less_date_in_january_takes_the_previous_year(gaz: Gazetteer) -> None:
    (e,) = _events("Rebels shelled the town of Saraqib on 30 December.", gaz, date(2025, 1, 3))
    assert e.date == date(2024, 12, 30)


def test_dateline_lead_is_body_and_year_comes_from_the_batch(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "Published: 2023-05-01\n\nRebels shelled Saraqib on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "KYIV, April 30 (wire) - A missile hit a house in Uman on Friday.\n", encoding="utf-8"
    )
    articles = read_path(tmp_path).articles
    lead = next(a for a in articles if a.origin.endswith("b.txt"))
    assert lead.title == "" and lead.published is None
    dated = {a.origin[-5:]: a for a in with_batch_dates(articles)}
    assert dated["b.txt"].published == date(2023, 4, 30)
    assert "batch" in dated["b.txt"].published_basis


@pytest.mark.parametrize(
    ("text", "fatalities", "basis"),
    [
        ("Shelling killed dozens of civilians in the town of Saraqib on Monday.", 12, "vague"),
        (
            "Shelling killed 7 civilians in the town of Saraqib on Monday, medics said 9.",
            7,
            "reported",
        ),
        ("Rebels shelled the town of Saraqib on Monday.", 0, "none"),
    ],
)
def test_fatalities_by_acled_rules(text: str, fatalities: int, basis: str, gaz: Gazetteer) -> None:
    (e,) = _events(text, gaz)
    assert (e.fatalities, e.fatalities_basis) == (fatalities, basis)


def test_a_toll_in_a_sentence_of_its_own_joins_the_event(gaz: Gazetteer) -> None:
    (e,) = _events(
        "Fighting broke out in Khartoum on Saturday between the army and the RSF. "
        "A doctors' union said several civilians had been killed.",
        gaz,
    )
    assert (e.fatalities, e.fatalities_basis) == (10, "vague")


def test_reporting_chain_and_source_scale(gaz: Gazetteer) -> None:
    (e,) = _events(
        "SANA, quoting a military official, said the army recaptured the town of Saraqib "
        "on Monday.",
        gaz,
    )
    assert e.sources[0].name == "SANA"
    row = acled_row(Event("E1", e, (e,), ("t.txt",), 1))
    assert row["source"].startswith("SANA")
    assert row["source_scale"] == "National"


def test_year_less_dateline_takes_the_year_its_weekday_fits(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "Published: 2024-05-01\n\nRebels shelled Saraqib on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "KYIV, April 30 (wire) - The toll from a strike on Uman rose to 23 on Sunday.\n",
        encoding="utf-8",
    )
    dated = {a.origin[-5:]: a for a in with_batch_dates(read_path(tmp_path).articles)}
    assert dated["b.txt"].published == date(2023, 4, 30)  # a Sunday; 30 April 2024 was not
    assert "weekday" in dated["b.txt"].published_basis


def test_multi_day_total_is_split_per_day_in_the_notes() -> None:
    from frontwatch.extract._article import per_day_note

    note = per_day_note(745, date(2025, 3, 7), date(2025, 3, 8))
    assert note.endswith("2025-03-07: 373, 2025-03-08: 372")
    assert per_day_note(5, date(2025, 3, 7), None) == ""


def test_a_town_the_gazetteer_lacks_keeps_its_name_unresolved(gaz: Gazetteer) -> None:
    (e,) = _events(
        "Jihadist fighters attacked residents near the Burkinabe town of Barsalogho on Saturday.",
        gaz,
    )
    assert e.places[0].name == "Barsalogho" and e.places[0].country == "BF"
    assert e.places[0].method in ("unresolved", "exact", "normalised", "fuzzy")


def test_an_old_spelling_of_a_month_is_read_not_a_traceback() -> None:
    from frontwatch.extract._dates import find_dates

    found = find_dates("Troops shelled the town on 3 Auguſt 2024.", date(2024, 8, 6))
    assert [d.date for d in found] == [date(2024, 8, 3)]

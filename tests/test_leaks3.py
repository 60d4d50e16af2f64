"""History, idioms and raids that must never be coded as events (issue 5, third round), found on
the fresh4 part and probed with short reports of our own in other wording and conflicts; and the
events that must stay."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 3, 15)  # a Friday
LEAD = "M23 rebels attacked army positions near Sake on Tuesday, a local official said. "


def _extra(sentence: str, gaz: Gazetteer) -> list[Claim]:
    """The events a sentence adds after a lead event (the lead's own is dropped)."""
    found = claims_of(LEAD + sentence, gaz, PUBLISHED, ("event", "displacement"))
    return [e for e in found if e.sentence_index > 0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Attacks by jihadist groups have killed thousands of people in Mali since 2012.",
        "Fighting between the army and the RSF has killed tens of thousands of people in Sudan since 2023.",
        "Boko Haram fighters have killed more than 300 villagers around Maiduguri since the 2021 election.",
    ],
)
def test_a_perfect_since_a_year_is_a_long_course(sentence: str, gaz: Gazetteer) -> None:
    assert seen(_extra(sentence, gaz)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In the summer, RSF fighters stormed the town of Sinja and killed dozens of residents.",
        "In the autumn, jihadists attacked an army base near Djibo, killing 40 soldiers.",
        "In the early spring, clashes between Houthi fighters and government troops near Marib killed 50 people.",
    ],
)
def test_a_past_season_is_background(sentence: str, gaz: Gazetteer) -> None:
    assert seen(_extra(sentence, gaz)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Sudanese army said the plan took into account Khartoum's red lines, including the withdrawal of the RSF from the towns it holds.",
        "A Kremlin aide said the proposal took into account Moscow's concerns about the towns of the Donbas.",
        "Mali's junta said the charter takes into consideration Bamako's demands on the northern towns.",
    ],
)
def test_taking_into_account_takes_no_place(sentence: str, gaz: Gazetteer) -> None:
    assert seen(_extra(sentence, gaz)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Police units entered the building an hour later and freed the hostages.",
        "Soldiers entered the house where the gunmen were hiding.",
        "Special forces entered the apartment in Kinshasa on Wednesday and freed two aid workers.",
    ],
)
def test_a_building_entered_is_no_territory(sentence: str, gaz: Gazetteer) -> None:
    found = _extra(sentence, gaz)
    assert [c for c in found if "territory" in c.sub_event_type] == [], seen(found)


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        (
            "At least 40 people have been killed since Saturday in fighting in Goma, the UN said.",
            "Armed clash",
        ),
        (
            "Rebels entered the town of Kiwanja on Wednesday, residents said.",
            "Non-state actor overtakes territory",
        ),
        (
            "Russian forces have shelled Kherson every day since Monday, killing four people.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Jihadists attacked a checkpoint near Djibo on Thursday, the worst attack there since 2019, killing 12 soldiers.",
            "Armed clash",
        ),
    ],
)
def test_current_events_stay(sentence: str, sub_type: str, gaz: Gazetteer) -> None:
    found = _extra(sentence, gaz)
    assert sub_type in [c.sub_event_type for c in found], seen(found)


def _kinds(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(c.kind, c.sub_event_type) for c in claims_of(text, gaz, PUBLISHED)]


@pytest.mark.parametrize(
    "text",
    [
        "An RSF drone hit a market in El Fasher on Sunday, killing 12 people, local activists said. "
        "The RSF said that its forces had struck army positions in the city. The army rejected this version.",
        "A Russian drone hit a minibus near Kupiansk on Monday, killing five civilians, regional officials said. "
        "The Russian Defence Ministry said its forces had struck a Ukrainian ammunition depot in the Kharkiv region. "
        "Kyiv rejected this claim.",
        "An Israeli air strike hit a school in Gaza City on Tuesday, killing 20 people, the civil defence said. "
        "The Israeli army said it had struck a Hamas command centre in the area. Hamas rejected this account.",
    ],
)
def test_a_doers_rejected_retelling_is_its_statement(text: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED)
    assert [c.kind for c in found if c.sentence_index == 0] == ["event"], seen(found)
    assert [c.kind for c in found if c.sentence_index == 1] == ["statement"], seen(found)


def test_a_plain_denial_keeps_the_event(gaz: Gazetteer) -> None:
    found = claims_of(
        LEAD
        + "Rebels attacked the village of Kibirizi, residents said. The M23 rejected this claim.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.places[0].name for c in found if c.sentence_index == 1] == ["Kibirizi"], seen(found)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On Tuesday the Sudanese army announced that it would send reinforcements to El Obeid. "
            "The RSF, in turn, said its drones had struck an army convoy near the city.",
            date(2024, 3, 12),
        ),
        (
            "Special forces on Sunday freed two kidnapped engineers in Gusau, the army said. "
            "The raid was carried out under cover of air strikes, and the troops came under fire from bandits.",
            date(2024, 3, 10),
        ),
    ],
)
def test_an_undated_event_takes_the_day_of_the_sentence_before(
    text: str, day: date, gaz: Gazetteer
) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert [(c.date, c.time_precision) for c in found] == [(day, 1)], seen(found)


def test_a_new_paragraph_keeps_the_story_window(gaz: Gazetteer) -> None:
    found = claims_of(
        "On Tuesday the Sudanese army announced that it would send reinforcements to El Obeid.\n\n"
        "RSF drones struck an army convoy near Bara, residents said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert [c.time_precision for c in found] == [2], seen(found)


def test_the_day_a_count_was_given_dates_no_act(gaz: Gazetteer) -> None:
    found = claims_of(
        "By Wednesday the health ministry said 40 people had died in the unrest. "
        "In Gulu, a lawmaker opened fire on a crowd that blocked his car, killing one man, police said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert date(2024, 3, 13) not in [c.date for c in found if c.time_precision == 1], seen(found)


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah said it had launched drones at an Israeli army base in Safed on Tuesday. "
        "The Israeli army said a drone had fallen inside a base in northern Israel and caused no damage.",
        "Hezbollah fighters fired rockets at an Israeli army post in Metula on Tuesday, the group said. "
        "The Israeli army said rockets fired by Hezbollah had hit an open area in northern Israel.",
    ],
)
def test_the_other_sides_vaguer_telling_is_the_same_event(text: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert len(found) == 1, seen(found)


def test_a_vaguer_telling_on_another_day_stays_apart(gaz: Gazetteer) -> None:
    found = claims_of(
        "Hezbollah said it had launched drones at an Israeli army base in Safed on Tuesday. "
        "On Thursday Hezbollah drones struck an Israeli army post in northern Israel, the army said.",
        gaz,
        PUBLISHED,
        ("event",),
    )
    assert len(found) == 2, seen(found)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Russian troops shelled a market in Kherson on Monday, according to Kyiv, killing two people.",
            "Kyiv",
        ),
        ("Israeli jets struck a depot near Baalbek on Monday, according to Beirut.", "Beirut"),
        (
            "Sudanese army drones hit a convoy near Nyala on Monday, according to Khartoum.",
            "Khartoum",
        ),
    ],
)
def test_a_capital_that_tells_the_news_is_no_place(text: str, town: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert found and all(p.name != town for c in found for p in c.places), seen(found)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Protesters attacked the embassies of France and Belgium in Kinshasa on Monday.", "BE"),
        ("A crowd stormed the embassy of Sweden in Baghdad on Thursday and set it on fire.", "SE"),
        ("Rioters set fire to France's embassy in Ouagadougou on Saturday, witnesses said.", "FR"),
    ],
)
def test_the_state_owning_an_embassy_is_no_place(text: str, country: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert found and all(p.country != country for c in found for p in c.places), seen(found)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Police fired tear gas in Nairobi on Monday to disperse protesters, who accused the West of backing Israel.",
            "IL",
        ),
        (
            "Police in Kinshasa fired tear gas on Tuesday at protesters who accused France of supporting Rwanda.",
            "RW",
        ),
    ],
)
def test_a_state_backed_or_accused_is_no_place(text: str, country: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",))
    assert found and all(p.country != country for c in found for p in c.places), seen(found)

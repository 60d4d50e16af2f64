"""Statements, denials, history and non-events that must never be coded as events (issue 5),
on short reports written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of

PUBLISHED = date(2024, 3, 15)  # a Friday


def _claims(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return claims_of(text, gaz, published)


def _events(text: str, gaz: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return [c for c in _claims(text, gaz, published) if c.kind in ("event", "displacement")]


@pytest.mark.parametrize(
    "text",
    [
        # a claim, a plan or an envoy withdrawn: no ground changes hands
        "The armed group on Thursday withdrew its claim for the bombing of the market in Goma.",
        "The army abandoned its plan to enter the town of Saraqib on Monday.",
        # recalled from earlier in the war or over a period already told
        "The rebels said earlier in the war that they had shelled army posts in Saraqib.",
        "The army has shelled Saraqib for nine days since the rebel raid on the airport.",
    ],
)
def test_no_event(text: str, gaz: Gazetteer) -> None:
    assert _events(text, gaz) == []


def test_a_period_already_told_is_history(gaz: Gazetteer) -> None:
    found = _events(
        "Since November, the army has pressed an offensive on Saraqib. "
        "Aid groups say some 200,000 people have fled their homes in this period.",
        gaz,
    )
    assert found == []


def test_a_background_box_tells_no_current_event(gaz: Gazetteer) -> None:
    text = (
        "Rebels shelled the town of Saraqib on Tuesday, killing four people, a monitor said.\n\n"
        "Background\n\n"
        "The army has pressed an offensive in the province with air support. "
        "Rebels captured the town of Maarat al-Numan and fighters shelled Ariha, killing 12."
    )
    (only,) = _events(text, gaz)
    assert only.places[0].name == "Saraqib" and only.fatalities == 4


def test_in_may_is_the_month(gaz: Gazetteer) -> None:
    # "In May" of this year, three months before the report: history, not this week's event
    found = _events("In May the rebels captured the town of Saraqib.", gaz, date(2024, 8, 10))
    assert found == []


def test_the_injured_of_an_appeal_are_no_new_attack(gaz: Gazetteer) -> None:
    text = (
        "Unknown attackers set fire to two textile plants in Hlaingthaya on Sunday. "
        "The embassy said many workers were injured, and urged Myanmar to protect its firms."
    )
    (only,) = _events(text, gaz, date(2021, 3, 15))
    assert only.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize(
    "text",
    [
        # the doer's own version of the attack told before
        "Gunmen attacked the village of Kiwanja in eastern Congo on Tuesday night, killing 14 "
        "villagers, the governor said. The rebel group later stated that it attacked an army "
        "post and killed six soldiers.",
        # the version of the state whose forces did the told act
        "Security forces killed at least 30 protesters in Zahedan on Friday, a rights group "
        "said. Iranian officials gave a toll of 12 and said gunmen had attacked a police station.",
    ],
)
def test_a_sides_version_of_a_told_event_is_no_second_event(text: str, gaz: Gazetteer) -> None:
    found = _events(text, gaz, date(2024, 3, 16))
    assert len(found) == 1 and found[0].event_type != "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men suspected of selling drugs in Goma on Monday.",
        "A thief who stole a motorbike was arrested by police in Bamako on Tuesday.",
        "Officers detained three suspected car thieves in Kano on Wednesday.",
    ],
)
def test_a_criminal_arrest_is_no_event(text: str, gaz: Gazetteer) -> None:
    assert _events(text, gaz) == []


def test_a_political_arrest_stays_an_event(gaz: Gazetteer) -> None:
    (e,) = _events("Police arrested an opposition leader in Bamako on Tuesday.", gaz)
    assert e.sub_event_type == "Arrests"


def test_an_act_set_during_an_earlier_siege_is_background(gaz: Gazetteer) -> None:
    text = (
        "Russian forces struck a school in Kharkiv on Monday, killing three. During the siege "
        "of Mariupol, Russian aircraft bombed the city's drama theatre, killing hundreds."
    )
    (only,) = _events(text, gaz)
    assert only.places[0].name == "Kharkiv" and only.fatalities == 3


def test_an_act_dated_this_week_during_a_siege_is_an_event(gaz: Gazetteer) -> None:
    text = (
        "During the siege of El Fasher, the RSF shelled the Saudi hospital in El Fasher on Monday."
    )
    (e,) = _events(text, gaz)
    assert e.date == date(2024, 3, 11)


def test_an_old_massacre_that_is_the_reports_subject_stays_its_event(gaz: Gazetteer) -> None:
    text = (
        "Soldiers killed at least 40 villagers in Djibo in northern Burkina Faso in June last "
        "year, a rights group said in a report released on Tuesday. The report says the troops "
        "came on June 12 and shot men in the town until June 14."
    )
    found = _events(text, gaz)
    assert found and all(e.date is not None and e.date.year == 2023 for e in found)
    assert any(e.date == date(2023, 6, 14) for e in found)  # the details take the lead's year


def test_a_month_last_year() -> None:
    from frontwatch.extract._dates import find_dates

    (m,) = find_dates("in the town of Djibo in June last year", date(2024, 3, 15))
    assert (m.date, m.date_end) == (date(2023, 6, 1), date(2023, 6, 30))


def test_a_massacre_retold_is_the_killing_told_before(gaz: Gazetteer) -> None:
    text = (
        "Gunmen killed at least 30 villagers in the town of Djibo in Burkina Faso on Monday, "
        "officials said. A rights group later said it had confirmed a massacre of civilians "
        "in the town, without giving a figure."
    )
    (e,) = _events(text, gaz)
    assert e.sub_event_type == "Attack" and e.fatalities == 30


def test_two_events_of_one_sentence_keep_their_own_toll(gaz: Gazetteer) -> None:
    text = "Rebels captured the town of Saraqib on Monday, and a drone strike killed five people in Ariha."
    tolls = {e.places[0].name: e.fatalities for e in _events(text, gaz)}
    assert tolls == {"Saraqib": 0, "Ariha": 5}


def test_a_toll_told_above_both_acts_stays_with_the_attack(gaz: Gazetteer) -> None:
    text = (
        "At least 12 people were killed when a suicide bomber blew himself up and gunmen "
        "opened fire at a hotel in Mogadishu on Friday, police said."
    )
    assert [e.fatalities for e in _events(text, gaz)] == [12]


def test_a_capital_one_wants_talks_with_is_no_scene(gaz: Gazetteer) -> None:
    text = (
        "M23 rebels seized the town of Rutshuru in eastern Congo on Monday, officials said. "
        "A rebel spokesman said the group had taken the town to stop army attacks and wanted "
        "talks with Kinshasa."
    )
    assert all(p.name != "Kinshasa" for e in _events(text, gaz) for p in e.places)

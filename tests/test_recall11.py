"""Rules and table rows added for events and fields the fresh7 part missed (sentences written
for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.geo import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Arab tribal forces", "SY", "Arab Tribal Militias (Syria)"),
        ("tribal fighters", "SY", "Arab Tribal Militias (Syria)"),
        ("the Deir ez-Zor Military Council", "SY", "Deir ez-Zor Military Council"),
        ("mutinous soldiers", "ML", "Mutiny of Military Forces of Mali"),
        ("French troops", "ML", "Military Forces of France"),
        ("a French army convoy", "BF", "Military Forces of France"),
        ("SSC-Khatumo fighters", "SO", "SSC-Khatumo"),
        ("Somaliland troops", "SO", "Military Forces of Somaliland"),
        ("the Oromo Federalist Congress", "ET", "OFC (Oromo Federalist Congress)"),
        ("the Stability Support Apparatus", "LY", "Stability Support Apparatus"),
        ("the Chhatra League", "BD", "BCL (Bangladesh Chhatra League)"),
    ],
)
def test_new_actor_rows_resolve(phrase: str, country: str, name: str) -> None:
    info = actor_table().resolve(phrase, country)
    assert info is not None and info.name == name


def test_tribal_fighters_outside_syria_are_not_syrian() -> None:
    info = actor_table().resolve("tribal fighters", "YE")
    assert info is None or info.name != "Arab Tribal Militias (Syria)"

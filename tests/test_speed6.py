"""speed6's fast paths give the answers of the scans they replace (no behaviour change)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import ActorInfo, actor_table
from frontwatch.extract._article import _context

TEXTS = [
    "The Rapid Support Forces and the Sudanese Armed Forces fought near El Fasher.",
    "Hezbollah fired rockets; Hamas said the IDF had struck; the Houthis claimed it.",
    "Al-Shabaab fighters attacked a base; the M23 rebels took the town of Rubaya.",
    "İstanbul, Kyïv: no actor here at all, only words and 1,234 numbers.",
    "RSF",  # shorter than a head's four characters
    "",
]


def _by_substring(text: str) -> set[str]:
    """The rule _named_actors stands in for: a substring search per head, then per name."""
    heads = _context._actor_name_heads()
    return {n for head, names in heads if head in text for n in names if n in text}


@pytest.mark.parametrize("text", TEXTS)
def test_named_actors_is_the_substring_rule(text: str) -> None:
    assert _context._named_actors(text) == _by_substring(text)


def test_named_actors_finds_every_name_of_the_table() -> None:
    """Each actor's name, alone or inside other words, is found (a window scan that
    missed a head, e.g. overlapping windows, would miss its names)."""
    for name in actor_table().actors:
        assert name in _context._named_actors(name)
        assert name in _context._named_actors(f"xx{name}, and {name[:3]}")


def _forces_by_scan(country: str, on: date | None) -> ActorInfo | None:
    """state_forces as it was: a scan of every actor of the table."""
    from frontwatch.actors import _on_date

    found = [
        info
        for info in actor_table().actors.values()
        if info.country == country and info.name.startswith("Military Forces of")
    ]
    return _on_date(found, on) if found else None


def test_state_forces_index_is_the_scan() -> None:
    table = actor_table()
    countries = {info.country for info in table.actors.values()} | {"ZZ"}
    seen = 0
    for country in sorted(countries):
        for on in (None, date(2020, 1, 1), date(2025, 6, 1)):
            want = _forces_by_scan(country, on)
            if want is not None:
                seen += 1
                assert table.state_forces(country, on) is want
    assert seen > 10  # the table has many states' forces


def test_described_keeps_the_table_order() -> None:
    """_described returns the row the old scan of every actor returned, the named row and
    the country's forces rows ordered as in the table."""
    table = actor_table()
    for info in table.actors.values():
        if not info.name.startswith("Military Forces of") or not info.country:
            continue
        for home in (False, True):
            known = [
                a
                for a in table.actors.values()
                if a.name == info.name
                or (
                    a.country == info.country
                    and (a.inter == info.inter or (home and a.home_inter == info.inter))
                    and a.name.startswith("Military Forces of")
                )
            ]
            got = table._described(info.name, info.inter, info.country, None, home=home)
            assert got is known[0]


PHRASES = [
    "the air force of the army",
    "suicide bombers and gunmen",
    "a car bomb , police and protesters",
    "militants in  a drone strike",  # a doubled space: an empty piece
    "air strikes",
    "nothing of the kind",
    "",
]


def _kinds_by_substring(words: list[str]) -> set[str]:
    """_actor_kinds as it was: every padded word searched in the padded text."""
    from frontwatch.extract._article._events import _padded_actor_kinds

    text = " " + " ".join(words) + " "
    return {kind for kind, padded in _padded_actor_kinds() if any(w in text for w in padded)}


@pytest.mark.parametrize("phrase", PHRASES)
def test_actor_kinds_set_lookup_is_the_substring_rule(phrase: str) -> None:
    from types import SimpleNamespace

    from frontwatch.extract._article._events import _actor_kinds

    words = phrase.split(" ")
    tok = SimpleNamespace(subtree=[SimpleNamespace(lower_=w) for w in words])
    assert _actor_kinds(tok) == _kinds_by_substring(words)


def test_actor_kinds_finds_each_table_word() -> None:
    from types import SimpleNamespace

    from frontwatch.extract._article._events import _actor_kinds
    from frontwatch.extract._tables import triggers

    for kind, words in triggers().actor_kinds.items():
        for w in words:
            tok = SimpleNamespace(subtree=[SimpleNamespace(lower_=x) for x in f"the {w}".split()])
            assert kind in _actor_kinds(tok)


RUN_TEXTS = [
    "five people were killed on 3 may 2024; the un's envoy (u.n.) said so.",
    "snake_case and tabs\tand\nnewlines, \x1c\x1d\x1e\x1f separators, 12,000 & a/b-c",
    "...---''' ",
    "",
    "kyïv and İstanbul: non-ascii text goes by the regex",
    "".join(chr(c) for c in range(128)),
]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_word_set_by_translation_is_the_regex(text: str) -> None:
    import re

    from frontwatch.extract._tables import word_set

    low = text.lower()
    assert word_set(low) == frozenset(re.findall(r"\w+", low))


@pytest.mark.parametrize("text", [t for t in RUN_TEXTS if t.isascii()])
def test_letter_runs_by_translation_are_the_regex(text: str) -> None:
    from frontwatch.extract._dates import _LETTER_RUNS, _letter_runs

    low = text.lower()
    assert _letter_runs(low) == _LETTER_RUNS.findall(low)


@pytest.mark.parametrize("text", [t for t in RUN_TEXTS if t.isascii()])
def test_ascii_word_runs_are_the_regex(text: str) -> None:
    import re

    from frontwatch.extract._tables import ascii_word_runs

    assert ascii_word_runs(text) == re.findall(r"\w+", text)
    assert ascii_word_runs(text.lower()) == re.findall(r"\w+", text.lower())

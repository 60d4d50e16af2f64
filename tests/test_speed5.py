"""Helpers of the fifth speed pass (each a shortcut that must agree with the slow way)."""

from __future__ import annotations

import re

from frontwatch.actors import _WORD_RUNS, _norm
from frontwatch.extract._article._sentences import _absent
from frontwatch.extract._tables import _CORES, _WORDS


def test_absent_only_when_no_needed_word_is_in_ascii_text() -> None:
    assert _absent("The army took the town.", ("remain", "still"))
    assert not _absent("The town STILL stands.", ("remain", "still"))
    # non-ASCII text is left to the pattern (case-blind matching and str.lower differ there)
    assert not _absent("Der Ort ſteht noch.", ("remain", "still"))


def test_cores_are_the_words_less_their_dots() -> None:
    text = "u.s. forces... said .. a..b, the n.y.c. office and 'x'/-y."
    cores = [w.strip(".") for w in _WORDS.findall(text)]
    assert _CORES.findall(text) == [w for w in cores if w]


def test_word_runs_split_like_norm() -> None:
    text = "The  Rapid Support Forces' (RSF) fighters, al-Shabaab/others; 3,000 killed.\n"
    assert _WORD_RUNS.findall(text.lower()) == _norm(text).split()
    assert re.search(r"\s", "".join(_WORD_RUNS.findall(text.lower()))) is None


def test_may_name_needs_a_one_word_alias_or_the_first_two_words_of_a_longer_one() -> None:
    from frontwatch.extract._tables import source_table

    table = source_table()
    first, second = sorted(table.pairs)[0]
    assert table._may_name(["a", "report", "by", first, second])
    assert not table._may_name(["the", "army", "said", "on", "monday"])
    single = sorted(table._singles)[0]
    assert table._may_name(["told", single])
    text = f"The army said on Monday, {first.title()} {second.title()} reported."
    assert table.named_spans("The army said on Monday that the town fell.") == []
    assert table._may_name(_CORES.findall(text.lower()))


def test_word_set_is_the_words_of_the_lowered_text() -> None:
    from frontwatch.extract._tables import word_set

    text = "on monday, the rsf's drones hit el-fasher (3 dead)."
    assert word_set(text) == frozenset(re.findall(r"\w+", text))
    assert word_set(text) is word_set(text)  # read once

"""Numbers: fatalities by ACLED's rules, and counts (settlements, displaced people).

ACLED codes the lowest figure when reports disagree and fixed numbers for
vague words; "losses" or "casualties" are not deaths, so they count as none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from frontwatch.extract._tables import ascii_word_runs
from frontwatch.types import FatalitiesBasis

# ACLED's fixed numbers for vague fatality words
VAGUE_FATALITIES = {
    "a dozen": 12,
    "dozens": 12,
    "scores": 12,
    "several": 10,
    "many": 10,
    "multiple": 10,
    "a number of": 10,
    "hundreds": 100,
    "thousands": 1000,
}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a hundred": 100,
    "thirteen": 13,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty-three", "forty-one": tens and units joined by a hyphen
_COMPOUND = rf"(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS)})"
_NUM = rf"(?:\d[\d,]*|{_COMPOUND}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + ")"
_VAGUE = "|".join(sorted(VAGUE_FATALITIES, key=len, reverse=True))
_QUAL = r"(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+"
_VICTIM_NOUNS = (
    "people|civilians|persons|soldiers|fighters|troops|rebels|militants|children|women|men|"
    "residents|servicemen|policemen|patients|members|others|workers|staff|migrants|passengers|"
    "peacekeepers|officers|guards|journalists|villagers|students|worshippers|pilgrims|farmers|"
    "herders|militiamen|gunmen|attackers|insurgents|jihadists|medics|doctors|miners|protesters|"
    "demonstrators|refugees|prisoners|detainees|hostages|mourners|shoppers|pupils|teachers"
)
# "Thirteen peacekeepers from South Africa, Malawi and Uruguay were killed": the "of"/"from"
# phrase may list names with commas before the verb
_VICTIMS = (
    rf"(?:\s+(?:\w+\s+){{0,2}}?(?:{_VICTIM_NOUNS})"
    r"(?:\s+(?:of|from)(?:\s+[\w'’-]+,?){1,7}?(?=\s+(?:were|had|have|was)\b))?)?"
)
_DEATH = r"(?:were|have been|had been|was|are|being)?\s*(?:killed|dead|died|shot dead|shot to death|(?:beaten|stabbed|hacked|burned|stoned) to death|slain|executed|massacred|lost their lives|eliminated|liquidated|neutrali[sz]ed)"
# "eight civilians, including two women, were killed": an aside between victims and verb
_ASIDE = (
    r"(?:,\s+(?:including|among them|most of them|many of them|mostly|all of them)[^,]{1,60},)?"
)
_ONE_VICTIM = (
    r"(?:man|woman|child|boy|girl|person|civilian|soldier|fighter|resident|journalist|"
    r"worker|officer|policeman|farmer|doctor|nurse|teenager)"
)
_FATAL = re.compile(
    rf"(?:(?:{_QUAL})?(?<!\bno )\b(?P<n>{_NUM}|{_VAGUE}){_VICTIMS}{_ASIDE}(?:\s+(?:of\s+)?\w+)?\s+{_DEATH})"
    rf"|(?:(?:kill(?:ing|ed|s)|eliminat(?:ing|ed|es)|liquidat(?:ing|ed|es)|sho(?:t|oting) dead)"
    rf"\s+(?:the\s+(?=(?:{_NUM})\s+(?:\w+\s+)?(?:{_VICTIM_NOUNS})\b))?"  # "killed the four gunmen"
    rf"(?:{_QUAL})?"
    rf"(?P<n2>{_NUM}|{_VAGUE}))"
    # "the toll stood at 12", "the number of dead, the sources say, is in the hundreds"
    rf"|(?:(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|those\s+killed|people\s+killed))"
    rf"(?:,[^,.]{{1,40}},)?\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|stood at|is|was|in the)\s+"
    rf"(?:{_QUAL})?(?P<n3>{_NUM}|{_VAGUE})\b)"
    rf"|(?:(?P<n4>{_NUM})\s+(?:deaths|fatalities|dead\b))"
    rf"|(?:kill(?:ing|ed|s)\s+(?P<n5>an?)\s+(?:\w+\s+)?{_ONE_VICTIM}\b)"
    # one victim: "a woman was shot dead", "beat her to death", "shot dead a man"
    rf"|(?:\b(?P<n6>an?)\s+(?:[\w'’-]+\s+){{0,2}}?{_ONE_VICTIM}\s+(?:was|has been|had been)\s+"
    rf"(?:killed|shot dead|lynched|(?:beaten|stabbed|hacked|burned|stoned) to death)\b)"
    rf"|(?:\b(?:beat|beaten|stabbed|hacked|burned|stoned|lynched)\s+(?P<n7>him|her|an?\s+"
    rf"(?:[\w'’-]+\s+)?{_ONE_VICTIM})\s+to\s+death)"
    rf"|(?:\bshot\s+dead\s+(?P<n8>an?)\s+(?:[\w'’-]+\s+)?{_ONE_VICTIM}\b)",
    re.I,
)
# "killed a senior commander of X and two other people": the one named and the others
_ONE_AND_OTHERS = re.compile(
    rf"kill(?:ing|ed|s)\s+an?\s+(?:[\w'’-]+\s+){{0,8}}?and\s+(?P<n>{_NUM})\s+others?\b", re.I
)
# "killing two journalists and a police officer": the victims of one list are added up
_KILLED_LIST = re.compile(
    rf"kill(?:ing|ed|s)\s+(?:{_QUAL})?(?P<a>{_NUM})\s+(?:[\w'’-]+\s+)?(?:{_VICTIM_NOUNS})"
    rf"\s+and\s+(?P<b>{_NUM}|an?)\s+(?:[\w'’-]+\s+)?(?:{_VICTIM_NOUNS}|{_ONE_VICTIM})\b",
    re.I,
)
# "first reported four dead and later raised the figure to six": a source's update of its own
# count, told in one sentence, wins over its first figure
_RAISED = re.compile(
    rf"\b(?:raised|revised|updated|increased|put)\s+(?:it|the\s+(?:figure|toll|count|number|death toll))"
    rf"\s+(?:up\s+)?to\s+(?:{_QUAL})?(?P<n>{_NUM})\b",
    re.I,
)
# "the singer Abebe Kebede was shot dead": one named person (read only when no figure is given;
# not "confirmed that its leader had been killed": a death told on, its toll given elsewhere)
_NAMED_VICTIM = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'’-]+)+(?:,[^,.;]{1,80}){0,3},?"
    r"\s+was\s+(?:shot dead|killed|assassinated|shot and killed|stabbed to death)\b"
)
_COUNT = re.compile(
    r"(?P<n>\d[\d,]*|"
    + _VAGUE
    + r"|tens of thousands)\s+(?:of\s+)?(?:\w+\s+)?(?P<what>settlements|villages|towns|cities|people|residents|civilians|families|aircraft|drones|missiles|prisoners|soldiers|fighters)\b",
    re.I,
)


_DEATH_WORD = re.compile(
    r"kill|dead|died|slain|execut|massacr|lost their lives|toll|deaths|fatalit|eliminat|liquidat|neutrali"
    r"|to death|lynched",
    re.I,
)


def _value(raw: str) -> tuple[int, FatalitiesBasis]:
    raw = raw.lower().strip()
    if raw in VAGUE_FATALITIES:
        return VAGUE_FATALITIES[raw], "vague"
    if raw in WORD_NUMBERS:
        return WORD_NUMBERS[raw], "reported"
    tens, _, unit = raw.partition("-")
    if tens in _TENS and unit in _UNITS:
        return WORD_NUMBERS[tens] + WORD_NUMBERS[unit], "reported"
    return int(raw.replace(",", "")), "reported"


_UNIT_NAME = re.compile(r"\d+(?:st|nd|rd|th)?\s+[A-Z]")  # "the 444 Brigade", "the 7th Division"


def _fatal_matches(text: str) -> Iterator[re.Match[str]]:
    """_FATAL's matches, except a number that begins a unit's name ("clashes with the 444
    Brigade killed 55"): the search goes on just after that number. ASCII text is scanned
    lowercased by the case-sensitive twin (the same positions, about 4x faster); callers
    read the groups case-blind and slice `text` itself."""
    rx, scan = (_twin(_FATAL), text.lower()) if text.isascii() else (_FATAL, text)
    pos = 0
    while (m := rx.search(scan, pos)) is not None:
        n = m.start("n") if m.group("n") else -1
        if n >= 0 and _UNIT_NAME.match(text, n) and not _VICTIM_WORD.match(text, m.end("n")):
            pos = m.end("n")
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


_VICTIM_WORD = re.compile(rf"\s+(?:{_VICTIM_NOUNS})\b", re.I)


@lru_cache(maxsize=8)
def _twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a lowercase case-blind pattern (for lowercased ASCII text)."""
    return re.compile(rx.pattern)


_twin(_DEATH_WORD), _twin(_FATAL)  # compiled at import, not by the first report


_OTHERS_TWIN = re.compile(_ONE_AND_OTHERS.pattern)


def fatalities(text: str) -> tuple[int, FatalitiesBasis, str]:
    """(fatalities, basis, notes): the lowest figure the sentence gives; 0/"none" if none."""
    # ASCII text is scanned lowercased by case-sensitive twins where case does not matter
    # (about 3x faster than re.I): the numbers are read case-blind, the figures quoted from
    # the text itself
    ascii_text = text.isascii()
    scan = text.lower() if ascii_text else text
    if not (_twin(_DEATH_WORD) if ascii_text else _DEATH_WORD).search(scan):
        return 0, "none", ""  # most sentences name no death: one cheap scan first
    others_rx = _OTHERS_TWIN if ascii_text else _ONE_AND_OTHERS
    found: list[tuple[int, FatalitiesBasis, str]] = []
    for m in _fatal_matches(text):  # the original text: a unit's name is capitalised
        raw = next(
            g
            for g in (
                *(m.group("n"), m.group("n2"), m.group("n3"), m.group("n4"), m.group("n5")),
                *(m.group("n6"), m.group("n7"), m.group("n8")),
            )
            if g
        )
        low = raw.lower()
        raw = "one" if low in ("a", "an", "him", "her") or low.startswith(("a ", "an ")) else raw
        try:
            value, basis = _value(raw)
        except ValueError:
            continue
        found.append((value, basis, text[m.start() : m.end()]))
    for m in others_rx.finditer(scan):
        try:
            value, basis = _value(m.group("n"))
        except ValueError:
            continue
        told = text[m.start() : m.end()]
        found = [f for f in found if f[2] not in told]  # "killed a man" of the same
        found.append((value + 1, basis, told))
    for m in _KILLED_LIST.finditer(text):
        try:
            total = sum(
                _value("one" if g.lower() in ("a", "an") else g)[0] for g in m.group("a", "b")
            )
        except ValueError:
            continue
        told = text[m.start() : m.end()]
        found = [f for f in found if f[2] not in told]  # "killing two journalists" of the same
        found.append((total, "reported", told))
    raised = _raised(text)
    if raised is not None and found:
        others = [f[2] for f in found if f[2].rstrip(", ") not in raised[2]]
        return raised[0], "reported", ("other figures: " + "; ".join(others)) if others else ""
    if not found and _NAMED_VICTIM.search(text) is not None:
        return 1, "reported", ""
    if not found:
        return 0, "none", ""
    found.sort(key=lambda f: (f[1] != "reported", f[0]))
    best = min((f for f in found if f[1] == found[0][1]), key=lambda f: f[0])
    others = [f[2] for f in found if f is not best]
    return best[0], best[1], ("other figures: " + "; ".join(others)) if others else ""


def _raised(text: str) -> tuple[int, FatalitiesBasis, str] | None:
    """The figure a source raised its own count to in this sentence, if any."""
    m = _RAISED.search(text)
    if m is None:
        return None
    try:
        value, basis = _value(m.group("n"))
    except ValueError:
        return None
    return value, basis, text[m.start() : m.end()]


# the nouns _COUNT ends with: each stands as a whole \w run (after a space, before \b)
_COUNTED = frozenset(
    [
        "settlements",
        "villages",
        "towns",
        "cities",
        "people",
        "residents",
        "civilians",
        "families",
        "aircraft",
        "drones",
        "missiles",
        "prisoners",
        "soldiers",
        "fighters",
    ]
)
_WORD_RUNS = re.compile(r"\w+")


def count_numbers(text: str) -> list[tuple[str, str]]:
    """("settlements", "56"), ("residents", "thousands") ..."""
    if text.isascii() and _COUNTED.isdisjoint(ascii_word_runs(text.lower())):
        return []  # no counted noun: the scan cannot match
    out: list[tuple[str, str]] = []
    for m in _COUNT.finditer(text):
        out.append((m.group("what").lower(), m.group("n").lower()))
    return out

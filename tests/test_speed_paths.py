"""Fast paths of extraction give the answers of the slow rules they stand in for."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from frontwatch.extract import _dates, _numbers
from frontwatch.extract._tables import source_table
from frontwatch.geo import Gazetteer

TEXTS = [
    "Reuters reported, citing the U.N. office, that the Syrian Observatory said so.",
    "The New York Times and the Guardian ... and AP... quoted the WHO (who?).",
    "According to state-run SANA and Al-Jazeera's reporters, U.S. forces left.",
    "...the the. The . . Reuters...",
    "İstanbul and Kyïv: non-ASCII words; KILLED 3 on March 5 (Kelvin: \u212a, ſince).",
    "Five people were killed on Sunday; the toll rose to 12 by Monday, May 3, 2024.",
    "Over the past two days, 3 were killed; in mid-April 2023 a four-day offensive began.",
    "Protests since the weekend; decided in Dec. 2022; earlier this week and last night.",
    "Over the past 48 hours strikes hit on Friday and Saturday; three weeks ago, too.",
    "Since the start of the month, between Monday and Wednesday last week, 2 days ago.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_named_spans_fast_path_is_the_word_by_word_rule(text: str) -> None:
    table = source_table()
    assert table.named_spans(text) == table._named_spans_slow(text)


def test_named_spans_finds_outlets() -> None:
    names = [ref.name for _, _, ref in source_table().named_spans(TEXTS[0])]
    assert names and "Reuters" in names[0]


def _fatalities_without_gate(text: str) -> tuple[int, str, str]:
    saved = _numbers._DEATH_WORD
    _numbers._DEATH_WORD = re.compile("")  # matches everywhere: the gate lets all through
    try:
        return _numbers.fatalities(text)
    finally:
        _numbers._DEATH_WORD = saved


@pytest.mark.parametrize("text", TEXTS)
def test_fatalities_gate_changes_nothing(text: str) -> None:
    assert _numbers.fatalities(text) == _fatalities_without_gate(text)


@pytest.mark.parametrize("text", TEXTS)
def test_date_gates_change_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pub = date(2024, 5, 6)
    fast = _dates._find_dates(text, pub)  # uncached: the gates run
    assert _dates.find_dates(text, pub) == fast
    everything = _dates._Gates(*[True] * len(_dates._Gates._fields))
    monkeypatch.setattr(_dates, "_gates", lambda _text: everything)
    assert fast == _dates._find_dates(text, pub)


def _tails() -> list[tuple[str, str]]:
    """(before, after) around every capitalised word of the demo reports, plus odd cases."""
    from frontwatch.config import DATA_DIR

    out = [
        ("5 km (north of ", "x"),
        ("clashes 12 miles north of\n", "Homs"),
        ("in the outſkirts of ", "Idlib"),
        ("fighting in the countryside of the besieged town of ", "Hama province"),
        ("strikes near", "Aleppo"),
        ("", ""),
    ]
    for path in sorted((DATA_DIR / "demo").rglob("*.*"))[:8]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\b[A-Z]\w+", text):
            out.append((text[max(0, m.start() - 120) : m.start()], text[m.end() : m.end() + 40]))
    return out


def test_relative_gate_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.geo import relative

    tails = _tails()
    fast = [relative.parse_relative(b, a) for b, a in tails]
    monkeypatch.setattr(relative, "_may_be_relative", lambda _tail: True)
    monkeypatch.setattr(relative, "_BEFORE_NEEDLES", tuple(("",) for _ in relative._BEFORE))
    monkeypatch.setattr(relative, "_HINT_NEEDLES", dict.fromkeys(relative._HINT_NEEDLES, ("",)))
    assert fast == [relative.parse_relative(b, a) for b, a in tails]
    assert len(tails) > 200 and any(r.relation for r in fast)


def test_fast_replace_is_dataclasses_replace() -> None:
    import dataclasses
    import functools

    from frontwatch.extract._replace import replace
    from frontwatch.types import Claim, Place, SourceRef

    claim = Claim(article_id="a", kind="event", places=(Place(name="Homs", spelled="Homs"),))
    fast = replace(claim, notes="n", fatalities=3)
    assert fast == dataclasses.replace(claim, notes="n", fatalities=3)
    assert type(fast) is Claim and fast is not claim and claim.notes == ""
    assert hash(fast) == hash(dataclasses.replace(claim, notes="n", fatalities=3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.notes = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        replace(claim, no_such_field=1)
    src = SourceRef(name="SANA")
    assert replace(src, via=("x",)).label == "SANA, citing x"

    @dataclasses.dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    with pytest.raises(ValueError):
        replace(Checked(1), n=-1)  # a class with __post_init__ goes through its __init__

    @dataclasses.dataclass
    class Cached:
        n: int

        @functools.cached_property
        def double(self) -> int:
            return 2 * self.n

    c = Cached(2)
    assert c.double == 4 and replace(c, n=5).double == 10


def test_phrases_in_keeps_every_phrase_that_matches() -> None:
    from frontwatch.config import DATA_DIR
    from frontwatch.extract._tables import triggers

    table = triggers()
    texts = [t.lower() for t in TEXTS]
    for path in sorted((DATA_DIR / "demo").rglob("*.*"))[:8]:
        texts += [line.lower() for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["they took control of it", "troops took full control of the town", "hit-and-run"]
    hits = 0
    for lower in texts:
        kept = table.phrases_in(lower)
        every = [p for p in table.phrase_patterns if p[2].search(lower)]
        assert [p for p in kept if p[2].search(lower)] == every
        hits += len(every)
    assert hits > 5


def _demo_sentences() -> list[str]:
    from frontwatch.config import DATA_DIR

    out = []
    for path in sorted((DATA_DIR / "demo").rglob("*.*")):
        out += re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
    return out


def test_lowercase_twins_match_where_the_case_blind_patterns_do() -> None:
    texts = [t for t in [*TEXTS, *_demo_sentences()] if t.isascii()]
    assert len(texts) > 100
    for rx, twin in _dates._TWINS.items():
        assert not twin.flags & re.I
        for text in texts:
            got = [(m.span(), m.group(0).lower()) for m in twin.finditer(text.lower())]
            assert got == [(m.span(), m.group(0).lower()) for m in rx.finditer(text)]


def test_dates_read_lowercased_as_in_the_original_case(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*TEXTS, *_demo_sentences()]
    pub = date(2024, 5, 6)
    fast = [_dates._find_dates(t, pub) for t in texts]
    everything = _dates._Gates(*[True] * len(_dates._Gates._fields))
    monkeypatch.setattr(_dates, "_gates", lambda _text: everything)
    monkeypatch.setattr(_dates, "_TWINS", _CaseBlind())  # re.I patterns on the lowered text
    assert fast == [_dates._find_dates(t, pub) for t in texts]
    assert sum(map(len, fast)) > 20


class _CaseBlind(dict[re.Pattern[str], re.Pattern[str]]):
    def __getitem__(self, rx: re.Pattern[str]) -> re.Pattern[str]:
        return rx


def test_named_spans_fast_path_on_the_demo_reports() -> None:
    table = source_table()
    texts = _demo_sentences()
    assert sum(len(table.named_spans(t)) for t in texts) > 5
    assert all(table.named_spans(t) == table._named_spans_slow(t) for t in texts)


def test_count_numbers_gate_changes_nothing() -> None:
    texts = [*TEXTS, *_demo_sentences(), "Some 300 families and 12 villages; 5 Drones."]
    ungated = [
        [(m["what"].lower(), m["n"].lower()) for m in _numbers._COUNT.finditer(t)] for t in texts
    ]
    assert [_numbers.count_numbers(t) for t in texts] == ungated
    assert sum(map(len, ungated)) > 3


def _mentions_word_by_word(text: str) -> dict[str, int]:
    """ActorTable.mentions as a walk over every word (the rule its fast path keeps)."""
    from frontwatch.actors import _norm, actor_table

    table = actor_table()
    words, counts, i = _norm(text).split(), {}, 0
    while i < len(words):
        for n in range(min(table._max_words, len(words) - i), 0, -1):
            hits = table._specific.get(" ".join(words[i : i + n]))
            if hits:
                counts[hits[0].name] = counts.get(hits[0].name, 0) + 1
                i += n
                break
        else:
            i += 1
    return counts


def test_actor_mentions_fast_path() -> None:
    from frontwatch.actors import actor_table

    texts = [*TEXTS, *_demo_sentences(), " ".join(_demo_sentences())]
    found = [actor_table().mentions(t) for t in texts]
    assert found == [_mentions_word_by_word(t) for t in texts]
    assert sum(map(len, found)) > 10


def test_phrase_walk_keeps_the_words_of_the_clause_modifier_rule() -> None:
    from frontwatch.config import DATA_DIR
    from frontwatch.extract import _article
    from frontwatch.ingest import read_path
    from frontwatch.nlp import sentences

    articles = read_path(DATA_DIR / "demo").articles[:4]
    tokens = [t for a in articles for s in sentences(a) for t in s.span]
    assert len(tokens) > 300
    for tok in tokens:
        words = [t for t in tok.subtree if not _article._in_clause_modifier(t, tok)]
        assert _article._phrase(tok) == _article._span_text(tok, words)


def test_actor_alias_runs_are_the_first_specific_ngram() -> None:
    from frontwatch.actors import _norm, actor_table

    table = actor_table()
    phrases = [s for t in _demo_sentences() for s in re.split(r"[,;]", t)]
    phrases += ["the Syrian Arab Army", "RSF fighters", "Rapid Support Forces", "the army"]
    found = 0
    for phrase in phrases:
        words = _norm(phrase).split()
        slow = next((h for g in table._ngrams(words) if (h := table._specific.get(g))), None)
        assert table._specific_hit(words) == slow
        found += slow is not None
    assert found > 10


def test_candidate_with_rank_is_dataclasses_replace() -> None:
    import dataclasses

    from frontwatch.geo.gazetteer import Candidate, _with_rank

    values = {f.name: f"v{k}" for k, f in enumerate(dataclasses.fields(Candidate))}
    c = Candidate(**values)  # type: ignore[arg-type]
    assert _with_rank(c, 0.5) == dataclasses.replace(c, rank=0.5)


def test_fatalities_read_lowercased_as_in_the_original_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [*TEXTS, *_demo_sentences(), "Dozens Were Killed; KILLED A Man and Two Others."]
    fast = [_numbers.fatalities(t) for t in texts]
    monkeypatch.setattr(_numbers, "_OTHERS_TWIN", _numbers._ONE_AND_OTHERS)
    monkeypatch.setattr(_numbers, "_twin", lambda rx: rx)  # the case-blind patterns themselves
    assert fast == [_numbers.fatalities(t) for t in texts]
    assert sum(f[0] for f in fast) > 20 and any(f[2] for f in fast)


def test_history_markers_twin_matches_where_the_table_pattern_does() -> None:
    from frontwatch.extract import _article
    from frontwatch.extract._tables import triggers

    markers = triggers().history_markers
    assert markers is not None
    twin = _article._lower_twin(markers)
    assert twin is not None and not twin.flags & re.I
    texts = [*TEXTS, *_demo_sentences(), "Since The Civil War Began in 2011", "IN 2016"]
    texts = [t for t in texts if t.isascii()]
    spans = [[m.span() for m in markers.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in twin.finditer(t.lower())] for t in texts]
    assert sum(map(len, spans)) > 0
    for odd in (r"[A-Z]x", r"(?-i:a)b", r"\x41", r"\N{DIGIT ONE}"):
        assert _article._lowered_pattern(odd) is None


def test_stem_gates_by_their_twins_answer_as_the_case_blind_patterns() -> None:
    from frontwatch.extract import _article

    texts = [*TEXTS, *_demo_sentences(), "The Army DENIED it; Officials SAID so; they Vowed."]
    texts += [
        "After The Capture Of Hama, Two Days Later",
        "Hours LATER; the Next Day, a day earlier",
    ]
    patterns = (_article._SAID_STEMS, _article._DENY_STEMS, _article._PROMISE_STEMS)
    for rx in (*patterns, _article._AFTER_ANCHOR, _article._RELATIVE_DAYS):
        assert _article._lower_twin(rx) is not None
        found = [_article._search(rx, t) for t in texts]
        expected = [rx.search(t) for t in texts]
        assert [m and (m.span(), m.group(0).lower()) for m in found] == [
            m and (m.span(), m.group(0).lower()) for m in expected
        ]
        assert any(found)


def test_fuzzy_key_blocks_are_the_lines_a_scan_finds(gaz: Gazetteer) -> None:
    """Gazetteer._fuzzy_keys splits a country's keys by first letter in one pass; a regex
    scan of the joined keys (the rule it stands in for) finds the same lines in the same
    order, also when an overlay appended keys out of order."""
    import copy

    data = copy.copy(gaz._d)
    data.country_keys = {**gaz._d.country_keys, "ZZ": "ab\nba\nbb\na\nbc\n\nb"}
    fresh = Gazetteer(data, gaz.settings, from_cache=True, load_seconds=0.0)  # empty caches
    firsts = [*"abcdeghkmnpqstuvwyz0'é", "\U0010ffff"]
    for cc in ["SY", "UA", "RU", "SD", "US", "FR", "XX", "ZZ"]:
        joined = data.country_keys.get(cc, "")
        for first in firsts:
            scan = re.compile(f"^{re.escape(first)}[^\n]*", re.M).findall(joined)
            assert fresh._fuzzy_keys(cc, first) == scan
        assert fresh._fuzzy_keys(cc, "") == []
    assert fresh._fuzzy_keys("ZZ", "b") == ["ba", "bb", "bc", "b"]
    assert len(fresh._fuzzy_keys("SY", "h")) > 10


def _capitalised_runs() -> list[str]:
    """Capitalised word runs of the demo reports (and a few odd spellings)."""
    runs = {
        m.group(0) for t in _demo_sentences() for m in re.finditer(r"[A-Z]\w+(?: [A-Z]\w+)*", t)
    }
    return sorted(runs) + ["the Homs", "aleppo", "Idlib  province", "The", "Kyiv Oblast", ""]


def test_exact_place_in_one_look_up_per_name(gaz: Gazetteer) -> None:
    """_exact_place_in reads one cached look-up per name for every country; the rule it
    stands in for looks the name up in that country."""
    from frontwatch.extract import _places

    def slow(text: str, country: str) -> bool:
        s = " ".join(text.split())
        s = s[4:] if s[:4].lower() == "the " else s
        if not s[:1].isupper():
            return False
        return any(
            c.country == country or c.feature != "city" or c.population >= 100_000
            for c in gaz.candidates(s, countries=(country,), fuzzy=False, limit=0)
        )

    names = _capitalised_runs()
    assert len(names) > 100
    hits = 0
    for name in names:
        for cc in ("SY", "UA", "SD", "US", ""):
            assert _places._exact_place_in(gaz, name, cc) == slow(name, cc), (name, cc)
            hits += slow(name, cc)
    assert hits > 50


def _article_spans(gaz: Gazetteer) -> list[tuple[str, list[Any]]]:
    """(text, place spans) of the demo reports as the events pipeline ranks them, plus a
    text whose repeated names sit in "Town, Area" pairs."""
    from frontwatch.config import DATA_DIR
    from frontwatch.extract import _places
    from frontwatch.ingest import read_path
    from frontwatch.nlp import sentences

    out = []
    for article in read_path(DATA_DIR / "demo").articles[:8]:
        sents = sentences(article)
        countries = ("SY", "UA", "SD")
        found: dict[int, list[tuple[int, int, str]]] = {}
        spans = [
            s
            for sent in sents
            for s in _places._sentence_spans(gaz, sent, countries, article.text, found)
        ]
        out.append((article.text, spans))
    from frontwatch.geo.geoparse import PlaceSpan

    text = "Tripoli, Lebanon and Tripoli, Libya; then Tripoli and Homs, Syria, and Homs again."
    words = [(0, 7), (9, 16), (21, 28), (30, 35), (42, 49), (54, 58), (60, 65), (71, 75)]
    spans2 = [
        PlaceSpan(a, b, text[a:b], "", tuple(gaz.candidates(text[a:b], limit=0))) for a, b in words
    ]
    out.append((text, spans2))
    return out


def test_repeated_mentions_reuse_their_rows(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rank_mentions scores a spelling named again (same candidates, no qualifier around
    it) once; scoring every mention anew gives the same rows for every mention (as the
    anchors read them) and the same candidates, ranks and reasons."""
    from frontwatch.geo import context
    from frontwatch.geo.geoparse import _Mention

    rows_seen: list[Any] = []
    anchors = context._anchors

    def recording(mentions: Any, scored: Any, *args: Any) -> Any:
        rows_seen.append([[(r, c.idx, list(why)) for r, c, why in rows] for rows in scored])
        return anchors(mentions, scored, *args)

    monkeypatch.setattr(context, "_anchors", recording)

    def ranked(text: str, spans: list[Any]) -> list[Any]:
        mentions = [
            _Mention(s.start, s.end, s.text, s.source, hint=s.hint, cands=list(s.cands))
            for s in sorted(spans, key=lambda s: (s.start, s.end))
        ]
        ctx = context.DocContext.build(gaz, text, mentions)
        return [
            (m.text, [(c.idx, c.rank) for c in cands], why)
            for m, cands, why in context.rank_mentions(gaz, text, mentions, ctx)
        ]

    cases = _article_spans(gaz)
    reused: list[bool] = []
    same = context._same_objects
    monkeypatch.setattr(
        context, "_same_objects", lambda a, b: reused.append(same(a, b)) or same(a, b)
    )
    fast = [ranked(text, spans) for text, spans in cases]
    fast_rows, rows_seen[:] = list(rows_seen), []
    assert sum(reused) > 10
    monkeypatch.setattr(context, "REUSE_ROWS", False)
    assert fast == [ranked(text, spans) for text, spans in cases]
    assert fast_rows == rows_seen
    assert any("qualified by" in why for one in fast for _, _, why in one)


def test_article_places_resolve_once_per_spelling_per_article(gaz: Gazetteer) -> None:
    """ArticlePlaces keeps each spelling's place for its own article: the memo answers as
    the reading does, and another article's ranking gives its own answer."""
    from frontwatch.extract._places import ArticlePlaces
    from frontwatch.nlp import sentences
    from frontwatch.types import Article

    def places(text: str, countries: tuple[str, ...]) -> ArticlePlaces:
        article = Article(id="t", origin="test", title="", text=text)
        return ArticlePlaces(gaz, sentences(article), countries, text)

    lebanon = places("Israeli strikes hit Tripoli and Beirut in Lebanon. Tripoli was hit.", ("LB",))
    libya = places("Clashes in Tripoli and Misrata, Libya. Tripoli was calm later.", ("LY",))
    for ranked in (lebanon, libya):
        for text, hint in ranked.chosen:
            assert ranked.resolve(text, hint) == ranked._resolve(text, hint)
            assert ranked.resolve(text, hint) is ranked.resolve(text, hint)
    a, b = lebanon.resolve("Tripoli", ""), libya.resolve("Tripoli", "")
    assert a is not None and b is not None and (a.country, b.country) == ("LB", "LY")


def test_case_blind_twins_are_compiled_at_import() -> None:
    """The first report reads the stems' lowercase twins from the cache (compiled at import);
    they answer as the case-blind patterns do."""
    import subprocess
    import sys

    code = (
        "from frontwatch.extract import _article as a, _numbers as n\n"
        "before = (a._lower_twin.cache_info().misses, n._twin.cache_info().misses)\n"
        "for rx in (a._AFTER_ANCHOR, a._DENY_STEMS, a._PROMISE_STEMS, a._SAID_STEMS,"
        " a._RELATIVE_DAYS):\n"
        "    assert a._lower_twin(rx) is not None\n"
        "n.fatalities('Three people were killed.')\n"
        "assert before == (a._lower_twin.cache_info().misses, n._twin.cache_info().misses)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_context_with_rank_is_dataclasses_replace() -> None:
    import dataclasses

    from frontwatch.geo import context
    from frontwatch.geo.gazetteer import Candidate

    values = {f.name: f"v{k}" for k, f in enumerate(dataclasses.fields(Candidate))}
    c = Candidate(**values)  # type: ignore[arg-type]
    out = context._with_rank(c, 0.123456)
    assert out == dataclasses.replace(c, rank=0.1235)
    assert out is not c and c.rank == values["rank"]  # the original is left as it was


def test_ranking_keeps_the_same_winner_with_one_copy(gaz: Gazetteer) -> None:
    """rank_spans copies out only the winner (keep=1): the winners, their ranks and the
    reasons are those of the full ranking (KEEP candidates)."""
    from frontwatch.geo import context
    from frontwatch.geo.geoparse import _Mention

    for text, spans in _article_spans(gaz):
        mentions = [
            _Mention(s.start, s.end, s.text, s.source, hint=s.hint, cands=list(s.cands))
            for s in sorted(spans, key=lambda s: (s.start, s.end))
        ]
        ctx = context.DocContext.build(gaz, text, mentions)
        full = context.rank_mentions(gaz, text, mentions, ctx)
        one = context.rank_mentions(gaz, text, mentions, ctx, keep=1)
        assert [(m.text, c[:1], why) for m, c, why in full] == [
            (m.text, c, why) for m, c, why in one
        ]
        assert any(len(c) > 1 for _, c, _ in full)


def test_fuzzy_place_cache_answers_as_is_place(gaz: Gazetteer) -> None:
    """_fuzzy_place is is_place cached per (name, countries): other names or countries give
    their own answers."""
    from frontwatch.extract import _places

    answers = set()
    for name in _capitalised_runs()[:150]:
        for countries in (("SY",), ("UA", "RU"), ()):
            got = _places._fuzzy_place(gaz, name, countries)
            assert got == _places.is_place(gaz, name, countries), (name, countries)
            answers.add(got)
    assert answers == {True, False}
    assert _places._fuzzy_place(gaz, "Aleppo", ("SY",))
    assert not _places._fuzzy_place(gaz, "Yesterday", ("SY",))


def test_noun_prefilter_of_find_triggers_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """_find_triggers skips the noun tests for words that head no noun entry; letting every
    word through finds the same triggers, and the filter does turn words away."""
    from frontwatch.config import DATA_DIR
    from frontwatch.extract._article import _sentences
    from frontwatch.ingest import read_path
    from frontwatch.nlp import sentences

    sents = [s for a in read_path(DATA_DIR / "demo").articles[:6] for s in sentences(a)]

    def found() -> list[list[tuple[int, str, str]]]:
        return [
            [(t.i, rule.name, how) for t, rule, how in _sentences._find_triggers(s.span)]
            for s in sents
        ]

    filtered = found()
    heads = _sentences.triggers().noun_heads
    turned_away = sum(not _sentences._may_head_noun_entry(t, heads) for s in sents for t in s.span)
    monkeypatch.setattr(_sentences, "_may_head_noun_entry", lambda tok, heads: True)
    assert found() == filtered
    assert turned_away > 100
    assert any(how == "casualty-noun" for one in filtered for _, _, how in one)


def test_country_places_cached_per_code(gaz: Gazetteer) -> None:
    """Gazetteer.country builds each code's Place once: other codes give their own
    countries, the spelling asked is kept, an unknown code stays None."""
    sy, ua = gaz.country("SY"), gaz.country("UA")
    assert sy is not None and ua is not None
    assert (sy.country, ua.country) == ("SY", "UA")
    assert gaz.country("SY") is sy and gaz.country("SY") == sy
    lower = gaz.country("sy")
    assert lower is not None and lower.country == "SY" and lower.spelled == "sy"
    assert gaz.country("XX") is None and gaz.country("XX") is None

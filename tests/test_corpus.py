"""Our own annotated corpus (tests/fixtures/corpus/): the gold files are well formed, and the
accuracy on the development part does not fall below its pinned floor.

The held-out part is only loaded here, never scored: nobody tunes on it (see the README).
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from frontwatch.evaluate import EvalResult, GoldArticle, evaluate_gold, load_gold

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
DEV_GOLD = CORPUS / "dev.gold.yaml"
HELDOUT_GOLD = CORPUS / "heldout.gold.yaml"
# The fresh part: written blind (README.md, "The fresh part"); loaded and checked here, never
# scored, so it keeps measuring how frontwatch generalises to reports nobody tuned on.
FRESH_GOLD = CORPUS / "fresh.gold.yaml"
# The fresh2 part: the third session's blind part (README.md, "The fresh2 part"), written and
# committed before frontwatch was run on it; development material since the fourth session.
FRESH2_GOLD = CORPUS / "fresh2.gold.yaml"
# The blind part: the fourth session's blind measurement (README.md, "The blind part"), written and
# committed before frontwatch was run on it; checked for form here, never scored (no floor).
BLIND_GOLD = CORPUS / "blind.gold.yaml"
# The fresh3 part: the fifth session's blind-written part (README.md, "The fresh3 part"), written and
# committed before frontwatch was run on it; checked for form here, never scored (no floor).
FRESH3_GOLD = CORPUS / "fresh3.gold.yaml"
# The fresh4 part: the sixth session's blind-written part (README.md, "The fresh4 part"), written and
# committed before frontwatch was run on it; checked for form here, never scored (no floor).
FRESH4_GOLD = CORPUS / "fresh4.gold.yaml"
# The fresh5 part: the sixth session's blind-written part on conflicts beyond the eight (README.md,
# "The fresh5 part"), written and committed before frontwatch was run on it; checked for form here.
FRESH5_GOLD = CORPUS / "fresh5.gold.yaml"
# The fresh6 part: the sixth session's second blind-written part, on the eight conflicts and fourteen
# others (README.md, "The fresh6 part"), written and committed before frontwatch was run on it.
FRESH6_GOLD = CORPUS / "fresh6.gold.yaml"
# The fresh7 part: the eighth session's blind-written part, on the eight conflicts and fifteen others
# (README.md, "The fresh7 part"), written and committed before frontwatch was run on it.
FRESH7_GOLD = CORPUS / "fresh7.gold.yaml"
# The fresh8 part: the ninth session's blind-written part, on the eight conflicts and twelve others
# (README.md, "The fresh8 part"), written and committed before frontwatch was run on it.
FRESH8_GOLD = CORPUS / "fresh8.gold.yaml"
ALL_PARTS = [
    DEV_GOLD,
    HELDOUT_GOLD,
    FRESH_GOLD,
    FRESH2_GOLD,
    BLIND_GOLD,
    FRESH3_GOLD,
    FRESH4_GOLD,
    FRESH5_GOLD,
    FRESH6_GOLD,
    FRESH7_GOLD,
    FRESH8_GOLD,
]
CONFLICTS = {"syria", "ukraine", "sudan", "israel-gaza-lebanon", "sahel", "myanmar", "drc", "yemen"}
# The dev part also holds `world/`: reports on conflicts beyond the eight (issue 5).
DEV_FOLDERS = CONFLICTS | {"world"}

# Baseline measured on 2026-12-01 (docs/accuracy.md, "Our annotated corpus"): events F1 0.495
# on the dev part. The floor sits just below it so that any regression fails; raise it when
# the extractor improves (never lower it to make a change pass).
# Re-pinned on the merged dev part (recall's, modality's and world's new reports, 120 events,
# 20 of them beyond the eight conflicts in dev/world/): dev F1 0.861 on 2026-12-01.
# Re-pinned by the recall branch (scene, capital, witness-passive and other recall rules; 10 new
# dev reports, 135 events): dev F1 0.876 on 2026-12-01.
# Re-pinned after the conflict-places supplement (places branch) and the lead's probes: dev F1
# 0.910 on 2026-12-01 (fourth session).
DEV_EVENTS_F1_FLOOR = 0.895
# Baseline: 2 statements/non-events of the dev part come out as events. The target is 0;
# lower this ceiling as the extractor learns (it must never rise).
DEV_STATEMENTS_AS_EVENTS_CEILING = 0  # lowered by the coding branch (0 on 2026-12-01)


@pytest.fixture(scope="module")
def dev_eval() -> EvalResult:
    return evaluate_gold(DEV_GOLD)


def _report_texts(article: GoldArticle) -> list[str]:
    """The body text of each report in a file (one per line for .jsonl, one per item of an
    RSS feed)."""
    return list(_reports_by_ref(article).values())


def _feed_items(raw: str) -> dict[str, str]:
    """An RSS feed's items by guid: the title and the description without its markup."""
    items = {}
    for item in ET.fromstring(raw).iter("item"):
        description = re.sub(r"<[^>]+>", " ", item.findtext("description") or "")
        items[item.findtext("guid") or ""] = f"{item.findtext('title')}\n\n{description}"
    return items


def _reports_by_ref(article: GoldArticle) -> dict[str, str]:
    """Each report of a file by the reference a gold `reported_in` uses (file or file#ID)."""
    raw = article.path.read_text(encoding="utf-8")
    if article.path.suffix == ".jsonl":
        lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
        return {f"{article.file}#{rec['id']}": rec["text"] for rec in lines}
    if article.path.suffix == ".xml":
        return {f"{article.file}#{guid}": text for guid, text in _feed_items(raw).items()}
    return {article.file: _single_report_text(article, raw)}


def _single_report_text(article: GoldArticle, raw: str) -> str:
    if article.path.suffix == ".html":
        body = re.search(r"<article>(.*)</article>", raw, re.S)
        assert body, article.file
        return html.unescape(re.sub(r"<[^>]+>", " ", body.group(1)))
    return re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)


@pytest.mark.parametrize(
    ("gold_path", "minimum", "folders"),
    [(DEV_GOLD, 40, DEV_FOLDERS), (HELDOUT_GOLD, 24, CONFLICTS)],
)
def test_corpus_part_has_enough_reports_from_every_conflict(
    gold_path: Path, minimum: int, folders: set[str]
) -> None:
    _, articles = load_gold(gold_path)
    reports = sum(len(_report_texts(a)) for a in articles)
    assert reports >= minimum
    assert {Path(a.file).parts[1] for a in articles} == folders


def test_fresh_part_covers_the_corpus_conflicts_and_as_many_others() -> None:
    """The fresh part holds every conflict of the corpus and at least ten others, with about
    half of its reports outside the eight (the project's users report on any conflict)."""
    _, articles = load_gold(FRESH_GOLD)
    per_conflict: dict[str, int] = {}
    for a in articles:
        conflict = Path(a.file).parts[1]
        per_conflict[conflict] = per_conflict.get(conflict, 0) + len(_report_texts(a))
    assert sum(per_conflict.values()) >= 30
    assert set(per_conflict) >= CONFLICTS
    others = {c: n for c, n in per_conflict.items() if c not in CONFLICTS}
    assert len(others) >= 10
    assert sum(others.values()) * 3 >= sum(per_conflict.values())


@pytest.mark.parametrize("gold_path", ALL_PARTS)
def test_corpus_reports_are_short(gold_path: Path) -> None:
    _, articles = load_gold(gold_path)
    for article in articles:
        for text in _report_texts(article):
            words = len(text.split())
            assert 80 <= words <= 250, (article.file, words)


@pytest.mark.parametrize("gold_path", ALL_PARTS)
def test_corpus_gold_texts_are_words_of_their_reports(gold_path: Path) -> None:
    """Every statement and non-event quotes its report exactly, so the
    "statements coded as events" count can find it in an event's evidence."""
    gold, articles = load_gold(gold_path)
    by_file = {a.file: " ".join(" ".join(_report_texts(a)).split()).lower() for a in articles}
    for entry in [*gold.get("statements", []), *gold.get("non_events", [])]:
        text = " ".join(str(entry.get("text", "")).split()).lower()
        assert text, entry
        for ref in entry["reported_in"]:
            assert text in by_file[ref.split("#")[0]], (ref, entry["text"])


def test_dev_events_f1_stays_above_floor(dev_eval: EvalResult) -> None:
    assert dev_eval.events.f1 >= DEV_EVENTS_F1_FLOOR, (dev_eval.misses, dev_eval.false_events)


def test_dev_statements_and_denials_coded_as_events_do_not_increase(
    dev_eval: EvalResult,
) -> None:
    coded = [m for m in dev_eval.misses if " coded as event" in m]
    assert dev_eval.statements_as_events <= DEV_STATEMENTS_AS_EVENTS_CEILING, coded


def test_dev_gold_scores_every_field_on_some_matched_event(dev_eval: EvalResult) -> None:
    for name, values in dev_eval.fields.items():
        assert values, f"no matched event scored for {name}"


@pytest.mark.parametrize("gold_path", ALL_PARTS)
def test_corpus_gold_events_carry_every_scored_field(gold_path: Path) -> None:
    gold, _ = load_gold(gold_path)
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids)), "event ids must be unique"
    for event in gold["events"]:
        missing = {"actor1", "places", "date", "time_precision", "sources"} - set(event)
        if event.get("extension") != "displacement":
            missing |= {"sub_event_type", "fatalities"} - set(event)
            assert isinstance(event.get("fatalities"), int), event["id"]
        assert not missing, (event["id"], missing)
        assert event["time_precision"] in (1, 2, 3), event["id"]
        for place in event["places"]:
            assert place.get("geo_precision") in (1, 2, 3), (event["id"], place)
            assert place["geo_precision"] == 3 or "lat" in place, (event["id"], place)


# The blind-written parts (fresh2: the third session's, blind: the fourth's, fresh3: the fifth's) are
# checked for form alike: by folder name, each with its gold file.
BLIND_WRITTEN = pytest.mark.parametrize(
    "part", ["fresh2", "blind", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8"]
)
# The parts that also hold the corpus's eight conflicts (fresh5 holds only others).
BLIND_WRITTEN_WITH_THE_EIGHT = pytest.mark.parametrize(
    "part", ["fresh2", "blind", "fresh3", "fresh4", "fresh6", "fresh7", "fresh8"]
)


def _part_gold(part: str) -> Path:
    return CORPUS / f"{part}.gold.yaml"


@BLIND_WRITTEN_WITH_THE_EIGHT
def test_blind_written_part_covers_the_corpus_conflicts_twice_and_eight_others(
    part: str,
) -> None:
    """The part holds every conflict of the corpus at least twice and at least eight others,
    in every format the ingest reads (txt, md, html, jsonl and an RSS feed)."""
    _, articles = load_gold(_part_gold(part))
    per_conflict: dict[str, int] = {}
    for a in articles:
        conflict = Path(a.file).parts[1]
        per_conflict[conflict] = per_conflict.get(conflict, 0) + len(_report_texts(a))
    assert sum(per_conflict.values()) >= 30
    assert all(per_conflict.get(c, 0) >= 2 for c in CONFLICTS), per_conflict
    assert len(set(per_conflict) - CONFLICTS) >= 8
    assert {a.path.suffix for a in articles} == {".txt", ".md", ".html", ".jsonl", ".xml"}


def test_fresh5_part_covers_fourteen_conflicts_beyond_the_eight_in_every_format() -> None:
    """The fresh5 part holds only conflicts beyond the eight: at least 14 of them, 30 reports, at
    most three reports each, in every format the ingest reads."""
    _, articles = load_gold(FRESH5_GOLD)
    per_conflict: dict[str, int] = {}
    for a in articles:
        conflict = Path(a.file).parts[1]
        per_conflict[conflict] = per_conflict.get(conflict, 0) + len(_report_texts(a))
    assert sum(per_conflict.values()) >= 30
    assert not set(per_conflict) & CONFLICTS, per_conflict
    assert len(per_conflict) >= 14
    assert max(per_conflict.values()) <= 3, per_conflict
    assert {a.path.suffix for a in articles} == {".txt", ".md", ".html", ".jsonl", ".xml"}


@BLIND_WRITTEN
def test_blind_written_part_files_and_references_agree(part: str) -> None:
    """Every report file of the part's folder is listed once, every listed file exists, every
    entry names reports of the part, and every report is coded by some entry."""
    gold, articles = load_gold(_part_gold(part))
    listed = [a.file for a in articles]
    on_disk = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / part).rglob("*") if p.is_file())
    assert sorted(listed) == on_disk
    reports = {ref for a in articles for ref in _reports_by_ref(a)}
    referenced: set[str] = set()
    for section in ("events", "statements", "non_events", "control"):
        for entry in gold[section]:
            assert entry["reported_in"], (section, entry)
            assert set(entry["reported_in"]) <= reports, (section, entry["reported_in"])
            referenced |= set(entry["reported_in"])
    assert referenced == reports


@BLIND_WRITTEN
def test_blind_written_part_events_have_a_type_a_day_and_a_known_precision(part: str) -> None:
    gold, _ = load_gold(_part_gold(part))
    for event in gold["events"]:
        assert event.get("event_type") or event.get("extension") == "displacement", event["id"]
        assert event["sources"], event["id"]
        assert event.get("date_end", event["date"]) >= event["date"], event["id"]
        if event.get("date_end"):
            assert event.get("date_precision") == "range", event["id"]

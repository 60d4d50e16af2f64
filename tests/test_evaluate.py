"""`frontwatch eval` on gold files that cover many reports (`articles:` + `reported_in`)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import Result

from frontwatch.errors import GoldFileError
from frontwatch.evaluate import evaluate_gold, load_gold

Invoke = Callable[..., Result]  # the `invoke` fixture (conftest.py)

REPORTS = {
    "syria/a.txt": "Rebels enter Saraqib\nPublished: 2024-12-04\n\n"
    "Rebels captured Saraqib on Monday, the Syrian Observatory for Human Rights said.\n",
    "b.txt": "Strike on Idlib\nPublished: 2024-12-04\n\n"
    "Russian warplanes launched air strikes on Idlib on Tuesday, local activists reported.\n",
}
SARAQIB = {
    "id": "saraqib",
    "sub_event_type": "Non-state actor overtakes territory",
    "actor1": "Syrian opposition (HTS-led)",
    "places": [{"name": "Saraqib", "admin1": "Idlib", "geo_precision": 1}],
    "date": "2024-12-02",
    "reported_in": ["syria/a.txt"],
}
IDLIB = {
    "id": "idlib",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia",
    "places": [{"name": "Idlib", "admin1": "Idlib", "geo_precision": 1}],
    "date": "2024-12-03",
    "reported_in": ["b.txt"],
}


def _write(tmp_path: Path, gold: dict[str, object]) -> Path:
    for name, text in REPORTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "all.gold.yaml"
    path.write_text(yaml.safe_dump(gold, sort_keys=False), encoding="utf-8")
    return path


def _gold(*events: dict[str, object], **extra: object) -> dict[str, object]:
    articles = [{"file": name, "published": "2024-12-04"} for name in REPORTS]
    return {"articles": articles, "events": list(events), **extra}


def test_multi_report_gold_ingests_every_listed_report(tmp_path: Path) -> None:
    result = evaluate_gold(_write(tmp_path, _gold(SARAQIB, IDLIB)))
    assert (result.events.tp, result.events.fp, result.events.fn) == (2, 0, 0), result.misses
    assert result.field_accuracy("sub_event_type") == 1.0


def test_event_read_from_another_report_than_reported_in_does_not_match(
    tmp_path: Path,
) -> None:
    moved = {**IDLIB, "reported_in": ["syria/a.txt"]}
    result = evaluate_gold(_write(tmp_path, _gold(SARAQIB, moved)))
    assert (result.events.tp, result.events.fp, result.events.fn) == (1, 1, 1)
    assert any("idlib" in m and "not found" in m for m in result.misses), result.misses
    assert any("[b.txt]" in f for f in result.false_events), result.false_events


def test_non_event_text_found_in_a_false_event_counts_as_statement_coded_as_event(
    tmp_path: Path,
) -> None:
    denial = {"text": "launched air strikes on Idlib", "why": "denial", "reported_in": ["b.txt"]}
    result = evaluate_gold(_write(tmp_path, _gold(SARAQIB, non_events=[denial])))
    assert result.statements_as_events == 1
    assert any(m.startswith("denial coded as event") for m in result.misses), result.misses


def test_single_article_form_still_works(tmp_path: Path) -> None:
    gold = {"article": {"file": "b.txt", "published": "2024-12-04"}, "events": [IDLIB]}
    gold_path = _write(tmp_path, gold)
    _, articles = load_gold(gold_path)
    assert [a.file for a in articles] == ["b.txt"]
    result = evaluate_gold(gold_path)
    assert (result.events.tp, result.events.fn) == (1, 0), result.misses


def test_eval_json_prints_scores(invoke: Invoke, tmp_path: Path) -> None:
    out = invoke("eval", _write(tmp_path, _gold(SARAQIB, IDLIB)), "--json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["events"]["f1"] == 1.0
    assert data["fields"]["actor1"]["scored"] == 2
    assert data["statements_as_events"] == 0


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (_gold({**IDLIB, "reported_in": ["c.txt"]}), "reported_in names 'c.txt'"),
        (_gold({k: v for k, v in IDLIB.items() if k != "reported_in"}), "no 'reported_in'"),
        (_gold({**IDLIB, "places": "Idlib"}), "'places' must be a list"),
        (_gold({**IDLIB, "date": "3 Dec"}), "bad date"),
        ({"articles": [{"published": "2024-12-04"}]}, "article 1 has no 'file'"),
        ({"articles": [{"file": "missing.txt"}]}, "not found"),
        ({"events": []}, "not a gold file"),
    ],
)
def test_bad_gold_file_raises_one_line_error(
    tmp_path: Path, gold: dict[str, object], message: str
) -> None:
    with pytest.raises(GoldFileError) as info:
        load_gold(_write(tmp_path, gold))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_eval_bad_gold_file_fails_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    _write(tmp_path, _gold({**IDLIB, "reported_in": ["c.txt"]}))
    proc = subprocess.run(
        [sys.executable, "-m", "frontwatch.cli", "eval", "all.gold.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "reported_in names 'c.txt'" in proc.stderr


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Military Forces of Syria (2024-)", "Military Forces of Israel", False),
        ("Civilians (Sudan)", "Civilians (Syria)", False),
        ("Military Forces of Syria (2024-)", "Military Forces of Syria", True),
        ("civilians (Homs residents)", "Civilians (Syria)", True),
        ("Rapid Support Forces", "Rapid Support Forces", True),
    ],
)
def test_actor_names_qualified_by_different_countries_do_not_match(
    gold: str, predicted: str, same: bool
) -> None:
    from frontwatch.evaluate import _actor_ok

    assert _actor_ok(gold, predicted) is same


def test_matching_does_not_depend_on_the_order_of_event_ids() -> None:
    """Two predicted events fit a gold event equally well by day, sub-type and actor1; the
    one that agrees on more fields wins, whichever id (a digest) sorts first."""
    from datetime import date

    from frontwatch.evaluate import score
    from frontwatch.types import Claim, Event, Place

    hama = Place("Hamah", "Hama", "SY", "Syria", "Hama", lat=35.13, lon=36.75, geonameid=170017)
    gold = {
        "events": [
            {
                "id": "strike",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "actor1": "Military Forces of Russia",
                "actor2": "Civilians (Syria)",
                "places": [{"name": "Hama", "lat": 35.13, "lon": 36.75, "geo_precision": 1}],
                "date": "2024-12-03",
                "fatalities": 4,
            }
        ]
    }

    def event(eid: str, actor2: str, fatalities: int, index: int) -> Event:
        claim = Claim(
            article_id="a",
            kind="event",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of Russia",
            actor2=actor2,
            places=(hama,),
            date=date(2024, 12, 3),
            fatalities=fatalities,
            fatalities_basis="reported" if fatalities else "none",
            sentence_index=index,
        )
        return Event(eid, claim, (claim,), ("a.txt",), 1)

    right = event("SYRFFFF", "Civilians (Syria)", 4, 2)
    wrong = event("SYR0000", "", 0, 1)
    for order in ([right, wrong], [wrong, right]):
        result = score(gold, order)
        assert result.events.tp == 1 and result.events.fp == 1
        assert all(result.fields["actor2"]) and all(result.fields["fatalities"])


def test_a_true_event_telling_what_was_said_is_no_statement_coded_as_event() -> None:
    """A gold statement (who/says) whose words a matched event's evidence holds is not a
    leak: only false events count, once per statement."""
    from datetime import date

    from frontwatch.evaluate import score
    from frontwatch.types import Claim, Event, Place, Span

    hama = Place("Hamah", "Hama", "SY", "Syria", "Hama", lat=35.13, lon=36.75, geonameid=170017)
    said = "the army said its aircraft struck militants in Hama"
    gold = {
        "events": [
            {
                "id": "strike",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "actor1": "Military Forces of Syria",
                "places": [{"name": "Hama", "lat": 35.13, "lon": 36.75, "geo_precision": 1}],
                "date": "2024-12-03",
                "fatalities": 0,
            }
        ],
        "statements": [{"who": "army", "says": "its aircraft struck militants in Hama"}],
    }

    def event(eid: str, sub: str) -> Event:
        claim = Claim(
            article_id="a",
            kind="event",
            event_type="Explosions/Remote violence",
            sub_event_type=sub,
            actor1="Military Forces of Syria",
            places=(hama,),
            date=date(2024, 12, 3),
            evidence=(Span(0, len(said), said),),
        )
        return Event(eid, claim, (claim,), ("a.txt",), 1)

    assert score(gold, [event("SYR1", "Air/drone strike")]).statements_as_events == 0
    wrong = [event("SYR1", "Air/drone strike"), event("SYR2", "Shelling/artillery/missile attack")]
    assert score(gold, wrong).statements_as_events == 1  # the false one, counted once


def test_a_source_named_generically_or_by_its_name_is_one_organisation() -> None:
    from frontwatch.evaluate import _source_ok

    assert _source_ok("army", ["Sudanese Armed Forces"], "SD")
    assert _source_ok("Sudanese Armed Forces", ["army spokesman"], "SD")
    assert not _source_ok("army", ["Rapid Support Forces"], "SD")
    assert not _source_ok("residents", ["witnesses"], "SD")  # people, not an organisation

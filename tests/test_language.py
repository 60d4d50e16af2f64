"""Reports not in English are stored but not coded, and say so; undated reports warn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.ingest import read_path
from frontwatch.ingest._language import detect_language
from frontwatch.pipeline import ingest
from frontwatch.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SEED = Path(__file__).parents[2] / "shared" / "seed"

# Written for this test (our own words, no article copied).
OTHER_LANGUAGES = {
    "fr": "Les rebelles ont pris le contrôle de la ville lundi, selon des sources locales. "
    "Au moins dix personnes ont été tuées dans les combats avec l'armée, qui a promis une "
    "riposte.",
    "es": "Los rebeldes tomaron el control de la ciudad el lunes, según fuentes locales. Al "
    "menos diez personas murieron en los combates con el ejército, que prometió una respuesta.",
    "pt": "Os rebeldes tomaram o controle da cidade na segunda-feira, segundo fontes locais. "
    "Pelo menos dez pessoas morreram nos combates com o exército, que prometeu uma resposta.",
    "de": "Die Rebellen haben am Montag die Kontrolle über die Stadt übernommen, wie lokale "
    "Quellen berichten. Mindestens zehn Menschen wurden bei den Kämpfen mit der Armee getötet.",
    "ru": "Повстанцы в понедельник взяли под контроль город, сообщили местные источники. "
    "По меньшей мере десять человек погибли в боях с армией.",
    "uk": "Повстанці в понеділок узяли під контроль місто, повідомили місцеві джерела. "
    "Щонайменше десять людей загинули в боях з армією, яка пообіцяла відповідь.",
    "ar": "سيطر المتمردون على المدينة يوم الاثنين بحسب مصادر محلية وقتل عشرة أشخاص على الأقل "
    "في الاشتباكات مع الجيش",
}

ENGLISH = (
    "Rebels took control of the town on Monday, local sources said. At least ten people "
    "were killed in the fighting with the army, which promised a response."
)


@pytest.mark.parametrize("code", sorted(OTHER_LANGUAGES))
def test_other_languages_are_recognised(code: str) -> None:
    assert detect_language(OTHER_LANGUAGES[code]) == code


def test_english_and_short_texts_are_english() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Le Monde: Goma") == "en"  # too few words to judge
    assert detect_language("") == "en"


def test_every_corpus_and_seed_report_reads_as_english() -> None:
    files = [p for p in CORPUS.rglob("*") if p.suffix in {".txt", ".md", ".html", ".jsonl"}]
    files += sorted(SEED.glob("*.txt")) + sorted(SEED.glob("*.md"))
    assert len(files) > 150
    wrong = [
        a.origin for p in files for a in read_path(p).articles if a.language != "en"
    ]  # as ingest reads them: page metadata included (one page says lang="fr")
    assert wrong == []


def test_french_report_is_stored_without_claims_and_warned(tmp_path: Path) -> None:
    src = tmp_path / "goma.txt"
    src.write_text(
        "Prise de la ville\nPublished: 2025-01-27\n\n" + OTHER_LANGUAGES["fr"], encoding="utf-8"
    )
    result = read_path(src)
    assert result.articles[0].language == "fr"
    assert any("not in English" in w and "'fr'" in w for w in result.warnings)
    with Store(tmp_path / "fw.db") as store:
        report = ingest([src], store)
        assert report.articles_new == 1
        assert report.claims == 0
        assert store.counts()["articles"] == 1


def test_text_beats_a_wrong_declared_language(tmp_path: Path) -> None:
    src = tmp_path / "two.jsonl"
    rows = [
        {"text": ENGLISH, "language": "fr", "published": "2025-01-27"},  # a site template's
        {"text": "Goma: combats", "language": "fr", "published": "2025-01-27"},  # too short
        {"text": OTHER_LANGUAGES["es"], "language": "en", "published": "2025-01-27"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "fw.db") as store:
        report = ingest([src], store)
    assert report.articles_new == 3
    assert report.claims >= 1  # the English one is coded
    flagged = sorted(w.split("reads as ")[1][:4] for w in report.warnings if "not in En" in w)
    assert flagged == ["'es'", "'fr'"]


def test_report_without_any_date_warns(tmp_path: Path) -> None:
    src = tmp_path / "nodate.txt"
    src.write_text("Fighting in the town\n\n" + ENGLISH, encoding="utf-8")
    with Store(tmp_path / "fw.db") as store:
        report = ingest([src], store)
        again = ingest([src], store)
    assert [w for w in report.warnings if "no publication date" in w] == [
        f"{src}: no publication date (no metadata, dateline or --published): dates such as"
        " 'on Sunday' or 'yesterday' stay unresolved and its events may be undated"
    ]
    assert not any("no publication date" in w for w in again.warnings)  # already stored

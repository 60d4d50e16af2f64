"""Tests for frontwatch.ingest: formats, bad inputs, dates, ids and noise removal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import IngestError
from frontwatch.ingest import IngestResult, clean_text, parse_date, read_path
from frontwatch.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path("/work/shared/seed/000_c11a39ef1e7a73a7.txt")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(result: IngestResult) -> Article:
    assert len(result.articles) == 1, result
    return result.articles[0]


# --- formats -------------------------------------------------------------------------


def test_txt_published_line_is_used_and_removed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "orchard.txt",
        "Orchard fire contained overnight\nPublished: 2024-03-14\n\n"
        "Volunteers kept the flames away from the packing shed.\n",
    )
    art = only(read_path(path))
    assert art.title == "Orchard fire contained overnight"
    assert art.published == date(2024, 3, 14)
    assert art.published_basis == "metadata"
    assert "Published" not in art.text
    assert art.text.startswith("Orchard fire contained overnight\n")
    assert art.origin == str(path)


def test_md_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "dam.md",
        "---\ntitle: Dam inspection finds cracks\npublished: 2022-09-01\n"
        "url: https://example.org/dam\npublisher: River Post\n---\n"
        "# Dam inspection finds cracks\n\nEngineers found two hairline cracks in the spillway.\n",
    )
    art = only(read_path(path))
    assert art.title == "Dam inspection finds cracks"
    assert art.published == date(2022, 9, 1)
    assert art.published_basis == "front-matter"
    assert art.url == "https://example.org/dam"
    assert art.publisher == "River Post"
    assert art.text == (
        "Dam inspection finds cracks\n\nEngineers found two hairline cracks in the spillway."
    )


def test_md_title_from_heading_without_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "\n\n## Lighthouse relit\n\nThe keeper lit the lamp.\n")
    art = only(read_path(path))
    assert art.title == "Lighthouse relit"
    assert art.text.startswith("Lighthouse relit\n\n")


def test_html_drops_nav_and_cookie_banner_and_reads_meta_date() -> None:
    art = only(read_path(FIXTURES / "harbour.html"))
    assert art.title == "Ferry link to Kestrel Island restored"
    assert art.published == date(2023, 4, 11)
    assert art.published_basis == "metadata"
    assert art.text.startswith("Ferry link to Kestrel Island restored\n\nThe small car ferry")
    assert "cookies" not in art.text.lower()
    assert "Weather" not in art.text
    assert "rights reserved" not in art.text
    assert art.text.endswith("nearly empty by Monday evening.")


def test_html_short_page_uses_fallback_extraction(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "tiny.htm",
        "<html><head><title>Well dug</title></head><body>"
        '<div class="cookie-notice"><p>This site uses cookies.</p></div>'
        "<p>A new well was dug in the village.</p></body></html>",
    )
    art = only(read_path(path))
    assert art.title == "Well dug"
    assert art.text == "Well dug\n\nA new well was dug in the village."


def test_jsonl_bad_line_is_a_warning_and_others_are_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Canal drained", "text": "The canal was drained."}),
        "{not json",
        json.dumps({"id": "a3", "title": "No body"}),
        json.dumps(
            {"title": "Kiln lit", "text": "Potters lit the kiln.", "published": "2021-05-02"}
        ),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    result = read_path(path)
    assert [a.origin for a in result.articles] == [f"{path}#a1", f"{path}#4"]
    assert result.articles[1].published == date(2021, 5, 2)
    assert len(result.warnings) == 2
    assert result.warnings[0].startswith(f"{path}:2: invalid JSON")
    assert result.warnings[1].startswith(f"{path}:3: missing 'text'")


def test_jsonl_unparseable_published_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "text": "Gulls nested on the pier.", "published": "someday"})
    path = write(tmp_path, "d.jsonl", line + "\n")
    result = read_path(path)
    assert result.articles[0].published is None
    assert result.warnings == [f"{path}:1: cannot parse published date 'someday', ignored"]


def test_rss_items() -> None:
    path = FIXTURES / "feed.rss"
    result = read_path(path)
    assert [a.origin for a in result.articles] == [
        f"{path}#courier-101",
        f"{path}#https://courier.example/lamps",
    ]
    first = result.articles[0]
    assert first.title == "Bridge over the Arlen reopens"
    assert first.published == date(2024, 6, 3)
    assert first.publisher == "Valley Courier"
    assert "<p>" not in first.text
    assert first.text.endswith("central arch.\n\nBuses will return to their usual route.")


def test_atom_entry() -> None:
    art = only(read_path(FIXTURES / "feed.atom"))
    assert art.origin.endswith("feed.atom#urn:example:ledger:7")
    assert art.published == date(2024, 2, 19)
    assert art.url == "https://ledger.example/plough"
    assert art.text.startswith("Snowplough fleet doubled\n\nThe county now runs")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path, "data.xml", '<?xml version="1.0"?><inventory><box n="1"/></inventory>')
    with pytest.raises(IngestError, match="not an RSS/Atom feed"):
        read_path(path)


def test_folder_is_read_recursively_sorted_with_relative_origins(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root, "b.txt", "Second report\n\nText two.")
    write(root, "a.txt", "First report\n\nText one.")
    write(root, "sub/c.md", "# Third report\n\nText three.")
    write(root, "notes.pdf", b"%PDF-1.4 not a report")
    write(root, "sub/empty.txt", "")
    given = str(root) + "/"
    result = read_path(given)
    assert [a.origin for a in result.articles] == [
        f"{given}a.txt",
        f"{given}b.txt",
        f"{given}sub/c.md",
    ]
    assert result.warnings == [f"{given}sub/empty.txt: empty file"]


def test_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no supported files"):
        read_path(tmp_path)


def test_folder_with_nothing_readable_raises(tmp_path: Path) -> None:
    write(tmp_path, "x.txt", "   \n")
    with pytest.raises(IngestError, match="no readable article"):
        read_path(tmp_path)


# --- bad inputs ----------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    with pytest.raises(IngestError, match=r"empty\.txt: empty file"):
        read_path(path)


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match="binary file, not a report"):
        read_path(path)


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "Café reopens in Montréal\n\nThe owner said the “naïve” façade stays — for now.\n"
    path = write(tmp_path, "cafe.txt", text.encode("cp1252"))
    art = only(read_path(path))
    assert art.title == "Café reopens in Montréal"
    assert "“naïve” façade stays — for now." in art.text


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = "Señora Núñez wins the régional prize\n\nShe thanked the jury in Göttingen.\n"
    path = write(tmp_path, "prize.txt", text.encode("latin-1"))
    art = only(read_path(path))
    assert art.title == "Señora Núñez wins the régional prize"
    assert "Göttingen" in art.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>Unclosed <b>bold <div></p></span><p>Tower clock repaired",
        "<<<>>><p",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_malformed_html_never_tracebacks(tmp_path: Path, markup: str) -> None:
    path = write(tmp_path, "broken.html", markup)
    try:
        result = read_path(path)
    except IngestError as e:
        assert "broken.html" in str(e)
        assert "\n" not in str(e)
    else:
        assert result.articles[0].text


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.html", "<html><body><script>var x = 1;</script></body></html>")
    with pytest.raises(IngestError, match="no article text found"):
        read_path(path)


def test_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import frontwatch.ingest._decode as decode_module

    monkeypatch.setattr(decode_module, "MAX_BYTES", 10)
    path = write(tmp_path, "long.txt", "Long report\n\nIt goes on and on.")
    with pytest.raises(IngestError, match="file too large"):
        read_path(path)


def test_unknown_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "report.docx", "Some text")
    with pytest.raises(IngestError, match=r"unsupported file type '\.docx'"):
        read_path(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file or folder"):
        read_path(tmp_path / "nope.txt")


def test_parse_date_accepts_iso_and_words() -> None:
    assert parse_date("2024-12-06") == date(2024, 12, 6)
    assert parse_date("6 December 2024") == date(2024, 12, 6)


def test_parse_date_rejects_garbage() -> None:
    with pytest.raises(IngestError, match="cannot parse date 'xyz'"):
        parse_date("xyz")


# --- dates, ids, noise ---------------------------------------------------------------


def test_dateline_with_agency_uses_fallback_year(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "wire.txt",
        "Convoy reaches port\n\nHARBOURTON, Dec 6 (Wirewire) - A supply convoy arrived on Friday.",
    )
    art = only(read_path(path, published_fallback=date(2024, 12, 9)))
    assert art.published == date(2024, 12, 6)
    assert art.published_basis == "dateline"


def test_dateline_day_month_without_year_and_without_fallback(tmp_path: Path) -> None:
    path = write(tmp_path, "m.txt", "Talks resume\n\nMoscow, 6 December. Delegates met again.")
    art = only(read_path(path))
    assert art.published is None
    assert art.published_basis == "unknown"


def test_dateline_with_year(tmp_path: Path) -> None:
    path = write(tmp_path, "y.txt", "Talks resume\n\nGeneva, 3 March 2021 - Delegates met.")
    art = only(read_path(path))
    assert (art.published, art.published_basis) == (date(2021, 3, 3), "dateline")


def test_cli_fallback_date(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", "Goats escape\n\nThe goats were found in a garden.")
    art = only(read_path(path, published_fallback=date(2020, 1, 2)))
    assert (art.published, art.published_basis) == (date(2020, 1, 2), "cli")


def test_id_is_idempotent_and_ignores_whitespace_and_case(tmp_path: Path) -> None:
    one = write(tmp_path, "one.txt", "Mill reopens\n\nThe old mill  grinds flour again.\n")
    two = write(tmp_path, "two.txt", "Mill reopens\r\n\r\n\r\nThe old mill grinds flour again.")
    first, again = only(read_path(one)), only(read_path(one))
    assert first.id == again.id
    assert len(first.id) == 16
    assert int(first.id, 16) >= 0
    assert only(read_path(two)).id == first.id


def test_noise_removal_keeps_words_inside_sentences() -> None:
    raw = (
        "Advertisement\n\nThe party won a share of the vote. Share\n"
        "Follow us on Telegram for updates\n\nRead more\n\nTweet\n\n"
        "Click here to subscribe\n\nShe said she would read more.\u00a0\u00a0 Later."
    )
    assert clean_text(raw) == (
        "The party won a share of the vote.\n\nShe said she would read more. Later."
    )


@pytest.mark.skipif(not SEED.exists(), reason="seed report not available")
def test_seed_report_loses_only_the_stray_share_words() -> None:
    original = SEED.read_text(encoding="utf-8")
    assert original.count(" Share\n") == 2
    art = only(read_path(SEED))
    assert art.title == "Syrian rebels are closing in on Homs"
    assert "Share" not in art.text
    assert art.text == original.replace(" Share\n", "\n").strip()
    assert art.origin == str(SEED)


def test_jsonl_item_without_title_keeps_its_first_line_as_story(tmp_path: Path) -> None:
    from frontwatch.pipeline import claims_for

    line = json.dumps({"id": "t1", "text": "Rebels captured Rastan on Monday, a monitor said."})
    path = write(tmp_path, "untitled.jsonl", line + "\n")
    art = only(read_path(path, published_fallback=date(2024, 12, 6)))
    assert art.title == ""
    claims = claims_for(art)
    assert [c.sub_event_type for c in claims] == ["Non-state actor overtakes territory"]


def test_md_markup_is_removed_from_the_text(tmp_path: Path) -> None:
    body = (
        "# Bridge reopened\n\n"
        "**TOWNVILLE** – Crews [reopened](https://example.org/b) the *old* bridge.\n"
        "Traffic resumed.\n\n"
        "- Ferries stopped running\n"
        "- Tolls were `waived`\n"
    )
    art = only(read_path(write(tmp_path, "b.md", body)))
    assert art.title == "Bridge reopened"
    assert art.text == (
        "Bridge reopened\n\nTOWNVILLE – Crews reopened the old bridge. Traffic resumed.\n\n"
        "Ferries stopped running\n\nTolls were waived"
    )


def test_a_very_long_paragraph_is_parsed_in_pieces_with_its_offsets() -> None:
    from frontwatch.nlp import MAX_PARAGRAPH_CHARS, paragraphs

    text = "Rebels shelled the town. " * 3000 + "\n\n" + "x" * (MAX_PARAGRAPH_CHARS + 5)
    parts = list(paragraphs(text))
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for _, p in parts)
    assert all(text[o : o + len(p)] == p for o, p in parts)
    assert parts[0][1].endswith("town.")  # cut after a sentence end, not inside one
    assert "".join(p for _, p in parts).replace(" ", "") == text.replace(" ", "").replace("\n", "")

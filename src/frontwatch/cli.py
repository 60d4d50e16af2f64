"""The `frontwatch` command line. User mistakes become one line and exit code 1 or 2."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from frontwatch.config import DATA_DIR, settings
from frontwatch.errors import FrontwatchError
from frontwatch.types import ControlChange, Event

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Conflict news in, sourced, geolocated events out.",
)
# piped or redirected output gets a wide table instead of rich's 80-column default
console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 180)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class ControlFormat(StrEnum):
    table = "table"
    json = "json"


class Kind(StrEnum):
    event = "event"
    front_position = "front_position"
    displacement = "displacement"
    statement = "statement"


def _default_db() -> Path:
    return settings().db_path


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    from frontwatch.ingest import parse_date

    return parse_date(value)


def _progress(items, total):  # type: ignore[no-untyped-def]
    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("articles", total=total)
        for item in items:
            yield item
            bar.advance(task)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders: .txt .md .html .jsonl .xml .rss .atom")
    ],
    db: DbOption = Path("frontwatch.db"),
    published: Annotated[
        str | None, typer.Option(help="Fallback publication date (YYYY-MM-DD).")
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local: this process; dask: a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="LocalCluster worker processes.")
    ] = 2,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per Dask task.")
    ] = 25,
) -> None:
    """Read reports, extract claims, store them and refresh the fused events."""
    from frontwatch.pipeline import ingest as run
    from frontwatch.store import Store

    fallback = _date_option(published)
    if scheduler and engine is Engine.local:
        raise FrontwatchError("--scheduler needs --engine dask")
    existed = db.exists()
    with Store(db) as store:
        if engine is Engine.dask:
            from frontwatch.scale import ingest_dask

            report = ingest_dask(
                paths,
                store,
                published=fallback,
                scheduler=scheduler,
                workers=workers,
                partition_size=partition_size,
                progress=_progress,
            )
        else:
            report = run(paths, store, published=fallback, progress=_progress)
    if report.articles_read == 0 and not existed:
        for suffix in ("", "-wal", "-shm"):  # leave no empty database behind
            Path(str(db) + suffix).unlink(missing_ok=True)
    for w in report.warnings:
        err.print(f"[yellow]warning:[/] {w}", highlight=False)
    for e in report.errors:
        err.print(f"[red]error:[/] {e}", highlight=False)
    if report.articles_read == 0:
        err.print(
            f"nothing ingested: {db} " + ("left unchanged" if existed else "not created"),
            highlight=False,
        )
        raise typer.Exit(2)
    console.print(
        f"{report.articles_read} article(s) read, {report.articles_new} new, "
        f"{report.claims} claim(s), {report.events} event(s) in {db}"
        + (" (interrupted: stored articles kept)" if report.interrupted else "")
    )
    if report.interrupted:
        raise typer.Exit(130)


def _load_events(db: Path) -> list[Event]:
    from frontwatch.store import Store

    if not db.exists():
        raise FrontwatchError(f"{db}: no such database (run `frontwatch ingest` first)")
    with Store(db) as store:
        return store.events()


@app.command()
def events(
    db: DbOption = Path("frontwatch.db"),
    format: Annotated[
        EventFormat, typer.Option("--format", help="Output format.")
    ] = EventFormat.table,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only this kind.")] = None,
) -> None:
    """List fused events (and statements, front positions, displacement)."""
    from frontwatch.outputs import events_geojson, events_json, render_events_table, write_csv

    evs = _load_events(db)
    if kind is not None:
        evs = [e for e in evs if e.claim.kind == kind.value]
    if format is EventFormat.csv:
        write_csv(evs, sys.stdout)
    elif format is EventFormat.json:
        print(json.dumps(events_json(evs), indent=2, ensure_ascii=False))
    elif format is EventFormat.geojson:
        print(json.dumps(events_geojson(evs), indent=2, ensure_ascii=False))
    else:
        render_events_table(evs, console)


@app.command()
def control(
    place: Annotated[str | None, typer.Argument(help="A place: print its control history.")] = None,
    db: DbOption = Path("frontwatch.db"),
    at: Annotated[str | None, typer.Option("--at", help="Snapshot date (YYYY-MM-DD).")] = None,
    format: Annotated[ControlFormat, typer.Option("--format")] = ControlFormat.table,
) -> None:
    """Who holds each place at a date (or the history of one place)."""
    from frontwatch.control import control_at, control_changes
    from frontwatch.outputs import control_json, render_control_table

    evs = _load_events(db)
    changes = control_changes(evs)
    when = _date_option(at)
    if place:
        _control_history(place, changes, when, format)
        return
    states = control_at(changes, when)
    if format is ControlFormat.json:
        print(json.dumps(control_json(states), indent=2, ensure_ascii=False))
    else:
        render_control_table(states, console)


def _control_history(
    place: str, changes: Sequence[ControlChange], when: date | None, format: ControlFormat
) -> None:
    """`frontwatch control PLACE`: who held it from when to when (up to --at)."""
    from frontwatch.control import place_key, timeline
    from frontwatch.geo import normalise_name
    from frontwatch.outputs import history_json, render_history_table

    key = normalise_name(place)
    keys = {  # any spelling a report used finds the place, then all of its changes
        place_key(c.place)
        for c in changes
        if key in (normalise_name(c.place.name), normalise_name(c.place.spelled))
    }
    if not keys:  # a spelling no report used ("Wad Madani" for Wad Medani): the gazetteer's
        from frontwatch.geo import Gazetteer

        countries = tuple({c.place.country for c in changes if c.place.country})
        found = Gazetteer.load().resolve(place, countries=countries)
        if found is not None:
            keys = {
                place_key(c.place)
                for c in changes
                if (found.geonameid and c.place.geonameid == found.geonameid)
                or normalise_name(c.place.name) == normalise_name(found.name)
            }
    mine = [
        c
        for c in changes
        if place_key(c.place) in keys and (when is None or c.since is None or c.since <= when)
    ]
    periods = timeline(mine)
    if not periods:
        if format is ControlFormat.json:
            print("[]")
        else:
            console.print(f"{place}: no known controller (unknown)")
        return
    if format is ControlFormat.json:
        print(json.dumps(history_json(periods), indent=2, ensure_ascii=False))
    else:
        render_history_table(periods, console)


class BriefFormat(StrEnum):
    md = "md"
    html = "html"


@app.command()
def brief(
    db: DbOption = Path("frontwatch.db"),
    since: Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")] = None,
    area: Annotated[str | None, typer.Option("--area", help="Only around this place.")] = None,
    km: Annotated[float, typer.Option("--km", help="Radius around --area, km.")] = 25.0,
    format: Annotated[BriefFormat, typer.Option("--format")] = BriefFormat.md,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file.")] = None,
) -> None:
    """A situation brief with numbered citations (Markdown or HTML)."""
    from frontwatch.outputs import brief_html, brief_markdown, build_brief, find_area
    from frontwatch.store import Store

    first, last = _date_option(since), _date_option(until)
    if first and last and first > last:
        raise FrontwatchError(f"--since {first} is after --until {last}")
    if km <= 0:
        raise FrontwatchError("--km must be positive")
    evs = _load_events(db)
    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
    where = None
    if area:
        where = find_area(area, km, evs)
        if where is None:
            raise FrontwatchError(f"--area {area}: no such place in the database")
    doc = build_brief(evs, articles, first, last, where)
    text = brief_html(doc) if format is BriefFormat.html else brief_markdown(doc)
    _emit(text, out)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FrontwatchError(f"cannot write {out}: {exc.strerror or exc}") from None
    console.print(f"wrote {out}")


class ExportFormat(StrEnum):
    parquet = "parquet"
    geojson = "geojson"


class ExportWhat(StrEnum):
    events = "events"
    claims = "claims"
    control = "control"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file.")],
    db: DbOption = Path("frontwatch.db"),
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.parquet,
    what: Annotated[ExportWhat, typer.Option("--what")] = ExportWhat.events,
    at: Annotated[str | None, typer.Option("--at", help="Control snapshot date.")] = None,
) -> None:
    """Export events or claims as Parquet, events or control (at a date) as GeoJSON."""
    from frontwatch.control import control_at, control_changes
    from frontwatch.outputs import (
        control_map_geojson,
        events_geojson,
        write_claims_parquet,
        write_events_parquet,
    )
    from frontwatch.store import Store

    evs = _load_events(db)
    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
        claims = store.claims() if what is ExportWhat.claims else []
    if format is ExportFormat.parquet:
        if what is ExportWhat.control:
            raise FrontwatchError("control exports as GeoJSON: use --format geojson")
        n = (
            write_claims_parquet(claims, out)
            if what is ExportWhat.claims
            else write_events_parquet(evs, out, articles)
        )
        console.print(f"wrote {n} {what.value} to {out}")
        return
    if what is ExportWhat.claims:
        raise FrontwatchError("claims export as Parquet: use --format parquet")
    if what is ExportWhat.control:
        doc = control_map_geojson(control_at(control_changes(evs), _date_option(at)))
    else:
        doc = events_geojson(evs, articles)
    _emit(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", out)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold YAML file (see shared/seed/*.gold.yaml).")],
    published: Annotated[
        str | None, typer.Option(help="Publication date for reports that carry none.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score frontwatch against an annotated gold file (one report or many: see
    tests/fixtures/corpus/README.md)."""
    from frontwatch.evaluate import FIELDS, evaluate_gold

    if not gold.exists():
        raise FrontwatchError(f"{gold}: no such gold file")
    fusion = _fusion_eval(gold, _date_option(published))
    result = fusion[0] if fusion else evaluate_gold(gold, _date_option(published))
    if as_json:
        data = result.as_dict()
        if fusion:
            data["fusion"] = fusion[1].as_dict()
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    console.print("[bold]detection[/]            P      R      F1   (tp/fp/fn)")
    for name, s in (
        ("events", result.events),
        ("statements", result.statements),
        ("control", result.control),
    ):
        console.print(
            f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   ({s.tp}/{s.fp}/{s.fn})"
        )
    console.print("[bold]field accuracy on matched events[/]")
    for name in FIELDS:
        vals = result.fields.get(name, [])
        console.print(f"  {name:<16} {result.field_accuracy(name):6.3f}  ({sum(vals)}/{len(vals)})")
    console.print(f"statements coded as events: {result.statements_as_events}")
    for miss in result.misses:
        console.print(f"  miss: {miss}", highlight=False, markup=False, soft_wrap=True)
    for fp in result.false_events:
        console.print(f"  false event: {fp}", highlight=False, markup=False, soft_wrap=True)
    if fusion:
        _print_fusion(fusion[1])


def _fusion_eval(gold: Path, published: date | None):  # type: ignore[no-untyped-def]
    """(EvalResult, FusionResult) when the gold file has multi-report stories, else None."""
    from frontwatch.evaluate import evaluate_gold_with_fusion, has_fusion_gold, load_gold

    if not has_fusion_gold(load_gold(gold)[0]):
        return None
    return evaluate_gold_with_fusion(gold, published)


def _print_fusion(f) -> None:  # type: ignore[no-untyped-def]
    console.print("[bold]fusion[/] (one event per happening)")
    console.print(
        f"  events per happening {f.events_per_happening:6.3f}  (target 1.0; "
        f"{f.happenings} happenings found, {f.missing} missing)"
    )
    console.print(f"  duplicated           {f.duplicate_rate:6.1%}  ({f.duplicated})")
    console.print(f"  wrong merges         {f.wrong_merges:6d}  (of {f.events} events)")
    console.print(
        f"  source-count acc.    {f.source_accuracy:6.3f}  ({f.source_ok}/{f.source_scored})"
    )
    console.print(
        f"  control accuracy     {f.control_accuracy:6.3f}  ({f.control_ok}/{f.control_pairs} "
        "place-date pairs)"
    )
    for line in f.details:
        console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)


def _demo_brief_and_control(out: Path, evs: list[Event], db: Path) -> None:
    from frontwatch.control import control_at, control_changes
    from frontwatch.outputs import brief_markdown, build_brief, control_map_geojson
    from frontwatch.store import Store

    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
    (out / "brief.md").write_text(brief_markdown(build_brief(evs, articles)), encoding="utf-8")
    doc = control_map_geojson(control_at(control_changes(evs)))
    (out / "control.geojson").write_text(
        json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8"
    )


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("demo-out"),
) -> None:
    """Ingest the bundled demo corpus and write events.csv, events.geojson and the database."""
    from frontwatch.outputs import events_geojson, render_events_table, write_csv
    from frontwatch.pipeline import ingest as run
    from frontwatch.store import Store

    corpus = DATA_DIR / "demo"
    out.mkdir(parents=True, exist_ok=True)
    db = out / "frontwatch.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with Store(db) as store:
        report = run([corpus], store, progress=_progress)
        evs = store.events()
    render_events_table(evs, console)
    with (out / "events.csv").open("w", newline="", encoding="utf-8") as fp:
        write_csv(evs, fp)
    (out / "events.geojson").write_text(
        json.dumps(events_geojson(evs), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    _demo_brief_and_control(out, evs, db)
    console.print(
        f"{report.articles_read} demo report(s), {len(evs)} event(s); wrote {out}/events.csv, "
        f"{out}/events.geojson, {out}/brief.md, {out}/control.geojson, {db}"
    )


@app.command()
def serve(
    db: DbOption = Path("frontwatch.db"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=1, max=65535)] = 8000,
) -> None:
    """Web dashboard: map, time slider and event list with sources (needs the web extra)."""
    from frontwatch.web import load_app

    app_ = load_app(db)  # a missing database or extra fails here, before anything listens
    import uvicorn

    console.print(f"frontwatch dashboard for {db} on http://{host}:{port}/ (Ctrl-C stops)")
    try:
        uvicorn.run(app_, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise FrontwatchError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


class PlacesFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def places(
    files: Annotated[list[str], typer.Argument(help="Text files, or - for standard input.")],
    format: Annotated[
        PlacesFormat, typer.Option("--format", help="Output format.")
    ] = PlacesFormat.jsonl,
    explain: Annotated[bool, typer.Option("--explain", help="Add ranked candidates.")] = False,
    demonyms: Annotated[bool, typer.Option("--demonyms", help="Also list demonyms.")] = False,
) -> None:
    """Geoparse text: one record per toponym mention (offsets into the text as given)."""
    from frontwatch.geo.geoparse import Geoparser
    from frontwatch.geo.places import iter_places, write_places

    parser = Geoparser(demonyms=demonyms)
    write_places(iter_places(files, parser, explain=explain), sys.stdout, format.value, explain)


gazetteer_app = typer.Typer(no_args_is_help=True, help="Manage the local gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(
    file: Annotated[
        Path, typer.Argument(help="GeoNames dump: SY.txt, cities500.txt, alternateNamesV2.txt")
    ],
) -> None:
    """Add a GeoNames-format dump to the local index (checked first; atomic)."""
    from frontwatch.config import Settings
    from frontwatch.geo.userdata import import_file

    rep = import_file(file, Settings().cache_dir)
    console.print(
        f"imported {file} ({rep.kind}): {rep.lines:,} line(s), {rep.places:,} place(s), "
        f"{rep.names:,} new alternate name(s) -> {rep.path}",
        highlight=False,
    )


def main() -> None:
    try:
        app()
    except FrontwatchError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()

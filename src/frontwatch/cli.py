"""The `frontwatch` command line. User mistakes become one line and exit code 1 or 2."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from frontwatch.config import DATA_DIR, settings
from frontwatch.errors import FrontwatchError
from frontwatch.types import Event

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Conflict news in, sourced, geolocated events out.",
)
console = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


class EventFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"


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
) -> None:
    """Read reports, extract claims, store them and refresh the fused events."""
    from frontwatch.pipeline import ingest as run
    from frontwatch.store import Store

    fallback = _date_option(published)
    existed = db.exists()
    with Store(db) as store:
        report = run(paths, store, published=fallback, progress=_progress)
    if report.articles_read == 0 and not existed:
        for suffix in ("", "-wal", "-shm"):  # leave no empty database behind
            Path(str(db) + suffix).unlink(missing_ok=True)
    for w in report.warnings:
        err.print(f"[yellow]warning:[/] {w}", highlight=False)
    for e in report.errors:
        err.print(f"[red]error:[/] {e}", highlight=False)
    console.print(
        f"{report.articles_read} article(s) read, {report.articles_new} new, "
        f"{report.claims} claim(s), {report.events} event(s) in {db}"
        + (" (interrupted: stored articles kept)" if report.interrupted else "")
    )
    if report.articles_read == 0:
        raise typer.Exit(2)
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
    from frontwatch.geo import normalise_name
    from frontwatch.outputs import control_json, render_control_table

    evs = _load_events(db)
    changes = control_changes(evs)
    when = _date_option(at)
    if place:
        key = normalise_name(place)
        changes = [
            c
            for c in changes
            if key in (normalise_name(c.place.name), normalise_name(c.place.spelled))
        ]
        if not changes:
            console.print(f"{place}: no known controller (unknown)")
            return
        states = [s for c in changes for s in control_at([c], None)]
    else:
        states = control_at(changes, when)
    if format is ControlFormat.json:
        print(json.dumps(control_json(states), indent=2, ensure_ascii=False))
    else:
        render_control_table(states, console)


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
    result = evaluate_gold(gold, _date_option(published))
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n")
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
    console.print(
        f"{report.articles_read} demo report(s), {len(evs)} event(s); wrote {out}/events.csv, "
        f"{out}/events.geojson, {db}"
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

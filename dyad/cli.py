"""The `dyad` command line: thin commands over the plain functions of each stage.

Exit codes: 0 all fine, 1 some inputs failed (each named on one line), 2 usage.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from dyad.errors import ConfigError, DyadError, InputError
from dyad.model import MODALITIES
from dyad.settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="dyad: political event data from news text — who did what to whom, when, where.")
out = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, highlight=False, soft_wrap=True)
PROGRESS_MIN_ARTICLES = 5  # below this a bar is noise

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="store: a DuckDB file, or a PostgreSQL URL postgresql://USER:PASSWORD@HOST/DB [default: setting `db`, dyad.duckdb]")]
PublishedOption = Annotated[Optional[str], typer.Option(
    "--published", help="published date (YYYY-MM-DD) for articles that do not state one")]


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r}: not a date; use YYYY-MM-DD, e.g. 2025-10-01") from None


def _db(target: str | None) -> str:
    return target or load_settings().db


def _shown_db(target: str | None) -> str:
    from dyad.store import _shown

    return _shown(_db(target))


def _fail(error: DyadError, code: int) -> None:
    err.print(f"error: {error}", markup=False)
    raise typer.Exit(code)


def _report_input_errors(errors: list[InputError]) -> None:
    for error in errors:
        err.print(f"error: {error}", markup=False)
    if errors:
        err.print(f"{len(errors)} input(s) failed; the rest were processed.", markup=False)


def _process_or_fail(text: str, day: str | None, option: str):
    """One text through the pipeline for `explain` and `actors resolve`; errors exit."""
    from dyad.pipeline import process_text

    try:
        return process_text(text, published=_date(day, option))
    except ConfigError as error:
        _fail(error, 2)
    except DyadError as error:
        _fail(error, 1)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files or folders to read; - for standard input")],
    published: PublishedOption = None,
    format: Annotated[str, typer.Option("--format", help="jsonl (one JSON object per article) or table")] = "jsonl",
) -> None:
    """Print the entities and events of each article, without a database.

    Example: dyad extract article.txt --published 2025-10-01 --format jsonl
    """
    from dyad.output import document_json
    from dyad.pipeline import process_raw
    from dyad.read import iter_raw_documents

    if format not in {"jsonl", "table"}:
        _fail(ConfigError(f"--format {format!r}: use jsonl or table"), 2)
    try:
        day = _date(published, "--published")
        errors: list[InputError] = []
        for document in process_raw(iter_raw_documents(paths, errors=errors), errors=errors, published=day):
            if document.article.published is None:
                err.print(f"note: {document.article.source}: no published date; its events are dated "
                          "only where the text dates them (give --published YYYY-MM-DD)", markup=False)
            if format == "jsonl":
                sys.stdout.write(json.dumps(document_json(document), ensure_ascii=False) + "\n")
            else:
                _print_events_table([_event_row_from(document, e) for e in document.events],
                                    title=document.article.source)
    except ConfigError as error:
        _fail(error, 2)
    except DyadError as error:
        _fail(error, 1)
    _report_input_errors(errors)
    if errors:
        raise typer.Exit(1)


def _event_row_from(document, event) -> dict:
    return {"id": event.id, "date": event.date.value if event.date else None,
            "source_code": event.source.code, "source_name": event.source.name,
            "target_code": event.target.code if event.target else None,
            "target_name": event.target.name if event.target else None, "code": event.code,
            "modality": event.modality, "trigger_text": event.trigger.text, "sentence": event.sentence}


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files or folders to read; - for standard input")],
    db: DbOption = None,
    published: PublishedOption = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="worker processes, each running every stage [default: setting `workers`]")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine's processes) or ray (a Ray cluster; pip install 'dyad[cluster]')")] = "local",
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster address for --engine ray [default: a local Ray of --workers CPUs]")] = None,
) -> None:
    """Read articles into the store; articles already stored are skipped.

    Example: dyad ingest corpus/wikinews.jsonl --db dyad.duckdb
    """
    from dyad.ingest import estimate_articles
    from dyad.ingest import ingest as run_ingest
    from dyad.read import list_input_files
    from dyad.store import Store

    settings = load_settings()
    try:
        if engine not in {"local", "ray"}:
            raise ConfigError(f"--engine {engine!r}: use local or ray")
        if address and engine != "ray":
            raise ConfigError("--address is the address of a Ray cluster: use it with --engine ray")
        day = _date(published, "--published")
        total = estimate_articles([p for p in list_input_files(paths) if p != "-"])
        with Store(_db(db)) as store, _progress() as progress:
            task = progress.add_task("ingesting", total=total, visible=total >= PROGRESS_MIN_ARTICLES)
            report = run_ingest(paths, store=store, published=day, workers=workers or settings.workers,
                                batch_size=settings.batch_size, near_duplicate=settings.near_duplicate,
                                engine=engine, address=address,
                                on_article=lambda n: progress.advance(task, n))
    except ConfigError as error:
        _fail(error, 2)
    except DyadError as error:
        _fail(error, 1)
    out.print(f"{report.stored} article(s) stored, {report.skipped} already stored, "
              f"{report.duplicates} near-duplicate(s) kept as reports, "
              f"{report.events} event(s) found, {len(report.errors)} failed — {_shown_db(db)}", soft_wrap=True)
    if report.undated:
        err.print(f"note: {report.undated} stored article(s) have no published date; their events are "
                  "dated only where the text dates them (give --published YYYY-MM-DD)", markup=False)
    _report_input_errors(report.errors)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def summary(db: DbOption = None,
            examples: Annotated[int, typer.Option(help="how many example events to print")] = 5) -> None:
    """Print what the store holds: articles, events by root, top dyads, example events.

    Example: dyad summary --db dyad.duckdb
    """
    from dyad import cameo

    with _open_store(db) as store:
        facts = store.summary()
        out.print(f"[bold]{facts['articles']}[/] articles, {facts['articles_with_events']} with events, "
                  f"[bold]{facts['events']}[/] events in [bold]{facts['stories']}[/] stories")
        roots = Table("root", "name", "events", title="Events by CAMEO root")
        for root, n in facts["by_root"]:
            roots.add_row(root, cameo.code_info(root).name.title(), str(n))
        out.print(roots)
        dyads = Table("source", "target", "events", title="Top dyads")
        for source, target, n in facts["top_dyads"]:
            dyads.add_row(source, target, str(n))
        out.print(dyads)
        rows = store.events(limit=None)
        step = max(1, len(rows) // max(examples, 1))
        out.print("[bold]Some events[/] (dyad events lists them all; dyad show ID explains one)")
        for row in rows[::step][:examples]:
            _print_event_with_sentence(row)


def _print_event_with_sentence(row: dict) -> None:
    from dyad import cameo

    target = f"{row['target_code']} {row['target_name'] or ''}".strip() if row["target_code"] else "—"
    out.print(f"[bold]{short_id(row['id'])}[/]  {row['date'] or 'no date'}  "
              f"{row['source_code']} {row['source_name'] or ''} → [bold]{row['code']}[/] "
              f"{cameo.code_info(row['code']).name} → {target}  ({row['modality']})")
    out.print(Text("    ") + _sentence_marked(row))


def _open_store(db: str | None):
    from dyad.pg import is_postgres
    from dyad.store import Store

    path = _db(db)
    if not is_postgres(path) and not Path(path).exists():
        _fail(ConfigError(f"{path}: no store here; run `dyad ingest FILES --db {path}` first"), 2)
    try:
        return Store(path, read_only=True)
    except DyadError as error:
        _fail(error, 1)


def short_id(event_id: str) -> str:
    """An event id with its article hash cut to 12 characters; `dyad show` accepts it."""
    doc_id, rest = event_id.split(":", 1)
    return f"{doc_id[:12]}:{rest}"


def _print_events_table(rows: list[dict], *, title: str) -> None:
    table = Table("id", "date", "source", "code", "target", "modality", "trigger", title=title)
    for row in rows:
        table.add_row(short_id(row["id"]), row["date"] or "", f"{row['source_code']} {row['source_name'] or ''}",
                      row["code"], f"{row['target_code'] or ''} {row['target_name'] or ''}",
                      row["modality"], row["trigger_text"])
    out.print(table)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="actor code prefix (RUS, RUSGOV, IGOUNO) or part of a name")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of source or target")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, 2 digits (e.g. 04)")] = None,
    code: Annotated[Optional[str], typer.Option(help="CAMEO code (e.g. 042)")] = None,
    quad: Annotated[Optional[int], typer.Option(help="quad class 1-4")] = None,
    since: Annotated[Optional[str], typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="events on or before YYYY-MM-DD")] = None,
    modality: Annotated[Optional[str], typer.Option(help="asserted, planned, expected, negated, hypothetical")] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
    limit: Annotated[int, typer.Option(help="at most this many events")] = 100,
) -> None:
    """List stored events, filtered.

    Example: dyad events --country RUS --root 04 --since 2020-01-01 --format jsonl
    """
    from dyad.store import EventFilter

    try:
        where = EventFilter(actor=actor, country=country, root=root, code=code, quad=quad,
                            since=_date(since, "--since"), until=_date(until, "--until"), modality=modality)
        if format not in {"table", "jsonl", "csv"}:
            raise ConfigError(f"--format {format!r}: use table, jsonl or csv")
        if modality is not None and modality not in MODALITIES:
            raise ConfigError(f"--modality {modality!r}: use one of {', '.join(MODALITIES)}")
        if root is not None and not (len(root) == 2 and root.isdigit()):
            raise ConfigError(f"--root {root!r}: a CAMEO root is two digits, e.g. 04")
        if quad is not None and quad not in {1, 2, 3, 4}:
            raise ConfigError(f"--quad {quad}: quad classes are 1 to 4")
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        rows = store.events(where, limit=limit)
        total = store.count_events(where)
    if format == "jsonl":
        _write_jsonl(rows, sys.stdout)
    elif format == "csv":
        _write_csv(rows, sys.stdout)
    else:
        _print_events_table(rows, title=f"{len(rows)} of {total} events")


@app.command()
def stories(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="actor code prefix (RUS, RUSGOV, IGOUNO)")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of source or target")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, 2 digits (e.g. 19)")] = None,
    since: Annotated[Optional[str], typer.Option(help="stories reported on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="stories reported on or before YYYY-MM-DD")] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
    limit: Annotated[int, typer.Option(help="at most this many stories")] = 50,
) -> None:
    """List stories: the events of many articles that are one real-world event, most reported first.

    Example: dyad stories --country RUS --since 2025-01-01
    """
    from dyad import cameo
    from dyad.store import StoryFilter

    try:
        where = StoryFilter(actor=actor, country=country, root=root,
                            since=_date(since, "--since"), until=_date(until, "--until"))
        if format not in {"table", "jsonl", "csv"}:
            raise ConfigError(f"--format {format!r}: use table, jsonl or csv")
        if root is not None and not (len(root) == 2 and root.isdigit()):
            raise ConfigError(f"--root {root!r}: a CAMEO root is two digits, e.g. 19")
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        rows = store.stories(where, limit=limit)
        total = store.count_stories(where)
    if format in {"jsonl", "csv"}:
        (_write_jsonl if format == "jsonl" else _write_csv)(rows, sys.stdout)
        return
    table = Table("first day", "source", "code", "target", "events", "articles", "reports", "outlets",
                  "example", title=f"{len(rows)} of {total} stories")
    for row in rows:
        table.add_row(str(row["first_day"] or "—"), row["source_code"],
                      f"{row['code']} {cameo.code_info(row['code']).name}", row["target_code"] or "—",
                      str(row["num_events"]), str(row["num_articles"]), str(row["num_reports"]),
                      str(row["num_sources"]), (row["example_sentence"] or "")[:80])
    out.print(table)


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="gdelt (GDELT 2.0 event columns, tab-separated), csv, jsonl or parquet")] = "csv",
    out_path: Annotated[Optional[Path], typer.Option("--out", help="file to write [default: standard output; parquet needs a file]")] = None,
    actor: Annotated[Optional[str], typer.Option(help="actor code prefix (RUS, RUSGOV, IGOUNO) or part of a name")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of source or target")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root, 2 digits (e.g. 04)")] = None,
    since: Annotated[Optional[str], typer.Option(help="events on or after YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="events on or before YYYY-MM-DD")] = None,
) -> None:
    """Write stored events out: GDELT 2.0 event format, CSV, JSON Lines or Parquet.

    Example: dyad export --format gdelt --country RUS --out rus.export.CSV
    """
    from dyad.export import FORMATS, write_gdelt
    from dyad.store import EventFilter

    try:
        if format not in FORMATS:
            raise ConfigError(f"--format {format!r}: use {', '.join(FORMATS)}")
        if format == "parquet" and out_path is None:
            raise ConfigError("--format parquet writes a file: give --out FILE.parquet")
        where = EventFilter(actor=actor, country=country, root=root,
                            since=_date(since, "--since"), until=_date(until, "--until"))
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        if format == "parquet":
            count = store.export_parquet(out_path, where)
        else:
            handle = out_path.open("w", encoding="utf-8", newline="") if out_path else sys.stdout
            try:
                rows = store.export_rows(where)
                if format == "gdelt":
                    count = write_gdelt(rows, handle)
                elif format == "jsonl":
                    count = _write_jsonl(rows, handle)
                else:
                    count = _write_csv(rows, handle)
            finally:
                if out_path:
                    handle.close()
    err.print(f"{count} event(s) written" + (f" to {out_path}" if out_path else ""), markup=False)


def _write_jsonl(rows, handle) -> int:
    from dyad.store import dumps

    count = 0
    for row in rows:
        handle.write(dumps(row) + "\n")
        count += 1
    return count


def _write_csv(rows, handle) -> int:
    writer, count = None, 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


@app.command("import-gdelt")
def import_gdelt(
    files: Annotated[list[Path], typer.Argument(help="GDELT 2.0 event exports (*.export.CSV or *.export.CSV.zip)")],
    db: DbOption = None,
) -> None:
    """Load GDELT 2.0 event exports into the store's gdelt_events table, beside dyad's own events.

    Example: dyad import-gdelt 20250301000000.export.CSV.zip
    """
    from dyad.export import read_gdelt
    from dyad.store import Store

    failed = []
    with Store(_db(db)) as store:
        for path in files:
            if not path.is_file():
                failed.append(InputError(str(path), "no such file"))
                continue
            try:
                count = store.import_gdelt(read_gdelt(path))
            except InputError as error:
                failed.append(error)
                continue
            out.print(f"{path}: {count} GDELT event(s) loaded into gdelt_events", soft_wrap=True)
    _report_input_errors(failed)
    if failed:
        raise typer.Exit(1)


@app.command()
def trends(
    db: DbOption = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="two actors, A:B (countries or actor code prefixes: RUS:TJK, RUSGOV:UKRMIL)")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country of source or target")] = None,
    by: Annotated[str, typer.Option("--by", help="day, week or month")] = "week",
    since: Annotated[Optional[str], typer.Option(help="from YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="to YYYY-MM-DD")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="only A acting on B, not both ways")] = False,
    events_count: Annotated[bool, typer.Option("--events", help="count events, not stories")] = False,
    plot_path: Annotated[Optional[Path], typer.Option("--plot", help="also draw the chart to FILE.png or FILE.svg")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print one JSON object per period instead of the table")] = False,
) -> None:
    """Counts by quad class and Goldstein scores per period, for a dyad or a country.

    Example: dyad trends --dyad RUS:UKR --by month --plot rus-ukr.png
    """
    from dyad.trends import PERIODS, TrendQuery, plot, sparkline
    from dyad.trends import trends as compute

    try:
        pair = None
        if dyad is not None:
            pair = tuple(dyad.split(":"))
            if len(pair) != 2 or not all(pair):
                raise ConfigError(f"--dyad {dyad!r}: give two actors as A:B, e.g. RUS:TJK")
        if by not in PERIODS:
            raise ConfigError(f"--by {by!r}: use day, week or month")
        if plot_path is not None and plot_path.suffix.lower() not in {".png", ".svg"}:
            raise ConfigError(f"--plot {plot_path}: the file must end in .png or .svg")
        query = TrendQuery(dyad=pair, country=country, by=by, since=_date(since, "--since"),
                           until=_date(until, "--until"), directed=directed,
                           count="events" if events_count else "stories")
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        periods = compute(store, query)
    what = dyad or country or "all actors"
    counting = "events" if events_count else "stories"
    if json_out:
        for p in periods:
            sys.stdout.write(json.dumps(p.as_dict()) + "\n")
    else:
        table = Table(by, "stories", "events", "verbal coop", "material coop", "verbal conflict",
                      "material conflict", "Goldstein sum", "Goldstein mean",
                      title=f"{what}: {counting} per {by}")
        for p in periods:
            table.add_row(p.start.isoformat(), str(p.stories), str(p.events),
                          *(str(p.quads[q]) for q in (1, 2, 3, 4)), f"{p.goldstein_sum:.1f}",
                          "—" if p.goldstein_mean is None else f"{p.goldstein_mean:.2f}")
        out.print(table)
        for label, values in [("total", [p.total for p in periods]),
                              ("material conflict", [p.quads[4] for p in periods]),
                              ("mean Goldstein", [p.goldstein_mean for p in periods])]:
            out.print(f"{label:>18} {sparkline(values)}")
    if plot_path is not None:
        if periods:
            plot(periods, plot_path, by=by, title=f"{what}: {counting} per {by}")
            err.print(f"chart written to {plot_path}", markup=False)
        else:
            err.print("nothing to plot: no dated stories match", markup=False)


@app.command()
def alerts(
    watchlist: Annotated[Path, typer.Option("--watchlist", help="TOML watchlist: dyads, countries or regions to watch, and thresholds")],
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option(help="only alerts for periods from YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="only data up to YYYY-MM-DD")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print one JSON object per alert")] = False,
) -> None:
    """Flag periods where a watched series departs from its own history (surges of conflict, falls in Goldstein).

    Example: dyad alerts --watchlist watch.toml --since 2025-01-01
    """
    from dyad.alerts import load_watchlist, run_watch

    try:
        watches = load_watchlist(watchlist)
        start, end = _date(since, "--since"), _date(until, "--until")
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        found = [a for w in watches for a in run_watch(store, w, since=start, until=end)]
    if json_out:
        for alert in found:
            sys.stdout.write(dumps_alert(alert) + "\n")
        return
    if not found:
        out.print(f"no alerts for the {len(watches)} watch(es) of {watchlist}")
        return
    for alert in found:
        detail = (f"{alert.value} material-conflict stories against a usual {alert.baseline:.1f} "
                  f"(p = {alert.score:.2g}, z = {alert.z:.1f})" if alert.kind == "surge" else
                  f"mean Goldstein {alert.value:+.2f} against a usual {alert.baseline:+.2f} "
                  f"(a fall of {alert.score:.2f})")
        out.print(f"[bold]{alert.watch}[/]  {alert.period}  {alert.kind}: {detail}")
        for story in alert.stories:
            out.print(f"    {story['first_day']}  {story['source_code']} {story['code']} "
                      f"{story['target_code'] or '—'}  ({story['num_articles']} article(s))  "
                      f"{(story['sentence'] or '')[:100]}", markup=False)


def dumps_alert(alert) -> str:
    from dyad.store import dumps

    return dumps(alert.as_dict())


@app.command()
def brief(
    out_path: Annotated[Path, typer.Option("--out", help="the HTML file to write")] = Path("brief.html"),
    db: DbOption = None,
    since: Annotated[Optional[str], typer.Option(help="only stories from YYYY-MM-DD")] = None,
    watchlist: Annotated[Optional[Path], typer.Option("--watchlist", help="TOML watchlist whose alerts to include")] = None,
) -> None:
    """Write a one-file HTML briefing: top stories with sources, most changed dyads, alerts, a timeline and a map.

    Example: dyad brief --since 2025-01-01 --watchlist watch.toml --out brief.html
    """
    from dyad.alerts import load_watchlist
    from dyad.brief import build_brief

    try:
        start = _date(since, "--since")
        watches = load_watchlist(watchlist) if watchlist else None
    except ConfigError as error:
        _fail(error, 2)
    with _open_store(db) as store:
        page = build_brief(store, since=start, watches=watches)
    out_path.write_text(page, encoding="utf-8")
    err.print(f"brief written to {out_path} ({len(page) // 1024} KB)", markup=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    watchlist: Annotated[Optional[Path], typer.Option("--watchlist", help="TOML watchlist for /alerts")] = None,
) -> None:
    """Serve the store read-only over HTTP: /events, /events/{id}, /stories, /actors, /trends, /alerts, /articles/{id}.

    Example: dyad serve --db dyad.duckdb --port 8000   (then open http://127.0.0.1:8000/docs)
    """
    import uvicorn

    from dyad.alerts import load_watchlist
    from dyad.api import create_app

    with _open_store(db):
        pass  # the same checks and clear errors as the other commands
    try:
        watches = load_watchlist(watchlist) if watchlist else []
    except ConfigError as error:
        _fail(error, 2)
    err.print(f"serving {_shown_db(db)} on http://{host}:{port} (API schema at /docs)", markup=False)
    uvicorn.run(create_app(_db(db), watches=watches), host=host, port=port, log_level="warning")


actors_app = typer.Typer(add_completion=False, rich_markup_mode=None, invoke_without_command=True)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors(
    ctx: typer.Context,
    db: DbOption = None,
    country: Annotated[Optional[str], typer.Option(help="only actors of this ISO3 country")] = None,
    limit: Annotated[int, typer.Option(help="at most this many actors")] = 30,
    format: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
    """List the actors the store resolved, most mentioned first, with their events and an example;
    `dyad actors resolve TEXT` shows how a phrase resolves and why.

    Example: dyad actors --country RUS --limit 10
    """
    if ctx.invoked_subcommand is not None:
        return
    from dyad.store import dumps

    if format not in {"table", "jsonl"}:
        _fail(ConfigError(f"--format {format!r}: use table or jsonl"), 2)
    with _open_store(db) as store:
        rows = store.actors(country=country, limit=limit)
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(dumps(row) + "\n")
        return
    table = Table("code", "name", "mentions", "as source", "as target", "example", title="Actors")
    for row in rows:
        table.add_row(row["code"], row["name"] or "", str(row["mentions"]), str(row["as_source"]),
                      str(row["as_target"]), Text(row["example"][:120]))
    out.print(table)


@actors_app.command("resolve")
def actors_resolve(
    text: Annotated[str, typer.Argument(help="a phrase or sentence, e.g. \"Russian Ambassador Semyon Grigoryev\"")],
    date: Annotated[Optional[str], typer.Option("--date", help="the article's date (YYYY-MM-DD): roles are read at it")] = None,
) -> None:
    """Show what each name in a text resolves to, and which table or rule said so.

    Example: dyad actors resolve "Sergei Shoigu met the Taliban in Kabul" --date 2024-09-01
    """
    document = _process_or_fail(text, date, "--date")
    table = Table("mention", "type", "actor", "name", "roles", "how", title=f"on {date or 'an undated article'}")
    for m in document.mentions:
        if m.type == "DATE":
            continue
        actor = m.actor
        table.add_row(m.text, m.type, actor.code if actor else "—", (actor.name or "") if actor else "",
                      "/".join(actor.roles) if actor and actor.roles else "", m.how or "no actor")
    out.print(table)


@app.command()
def show(event_id: Annotated[str, typer.Argument(help="event id, as `dyad events` prints it (a unique prefix of the article id is enough)")],
         db: DbOption = None) -> None:
    """Print one event with its sentence, the matched words highlighted, and the article around it.

    Example: dyad show 3f2a9c1b:0:0
    """
    with _open_store(db) as store:
        row = store.find_event(event_id)
        if row is None:
            _fail(ConfigError(f"no event {event_id!r} in {_shown_db(db)}; list ids with `dyad events`"), 2)
        article = store.article(row["doc_id"])
    out.rule(f"event {row['id']}")
    for label, value in [("code", f"{row['code']} (root {row['root']}, quad {row['quad']}, Goldstein {row['goldstein']})"),
                         ("source", f"{row['source_code']}  {row['source_name'] or ''}"),
                         ("target", f"{row['target_code'] or '—'}  {row['target_name'] or ''}"),
                         ("trigger", row["trigger_text"]), ("modality", row["modality"]),
                         ("date", f"{row['date'] or '—'} ({row['date_precision'] or 'no date'}, from {row['date_source'] or '—'})"),
                         ("location", f"{row['location_name'] or '—'} {row['location_country'] or ''}"),
                         ("speaker", row["speaker_name"] or "—"), ("outlet", row["outlet"] or "—"),
                         ("pattern", row["pattern"] or ""), ("article", f"{article['title'] or ''} — {article['source']}")]:
        out.print(f"[bold]{label:>9}[/] ", Text(str(value)))
    text = article["text"]
    before = text[max(0, row["start"] - 300):row["start"]]
    after = text[row["end"]:row["end"] + 300]
    sentence = _sentence_marked(row)
    out.print(Text("…" + before, style="dim") + sentence + Text(after + "…", style="dim"))


def _sentence_marked(row: dict) -> Text:
    sentence = Text(row["sentence"])
    start = row["trigger_start"] - row["start"]
    sentence.stylize("bold reverse", start, start + len(row["trigger_text"]))
    for name in (row["source_name"], row["target_name"]):
        if name:
            sentence.highlight_words([name], style="bold underline")
    return sentence


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="gold JSON Lines files (shared/eval format)")],
    json_out: Annotated[bool, typer.Option("--json", help="print the scores as one JSON object per file")] = False,
) -> None:
    """Score extracted events against gold files: precision, recall, F1 at four levels.

    Example: dyad eval ../shared/eval/plover-gsr-cameo.jsonl
    """
    from dyad.evaluate import EXTRA_REASONS, LEVELS, MISS_REASONS, evaluate

    for path in gold:
        if not path.is_file():
            _fail(ConfigError(f"{path}: no such gold file"), 2)
        try:
            with _progress() as progress:
                task = progress.add_task(f"scoring {path.name}", total=None)
                result = evaluate(path, on_record=lambda n: progress.advance(task, n))
        except DyadError as error:
            _fail(error, 1)
        if json_out:
            sys.stdout.write(json.dumps(result.as_dict()) + "\n")
            continue
        table = Table("level", "precision", "recall", "F1", "extra/gold", "matched", "predicted", "gold",
                      title=f"{path.name}: {result.records} records scored, {result.skipped} skipped")
        for level in LEVELS:
            s = result.levels[level]
            table.add_row(level, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                          f"{s.extra_rate:.2f}", str(s.matched), str(s.predicted), str(s.gold))
        out.print(table)
        confusion = Table("gold root", "found", "missed", "coded as instead", title="By gold root")
        for root, counts in sorted(result.confusion.items()):
            wrong = ", ".join(f"{r}×{n}" for r, n in counts.most_common() if r not in {root, "none"})
            confusion.add_row(root, str(counts[root]), str(counts["none"]), wrong)
        out.print(confusion)
        reasons = Table("unmatched at the root level", "events", title="Why events went unmatched")
        for reason in MISS_REASONS:
            reasons.add_row(f"gold missed: {reason}", str(result.misses[reason]))
        for reason in EXTRA_REASONS:
            reasons.add_row(f"extra: {reason}", str(result.extras[reason]))
        out.print(reasons)


@app.command()
def bench(
    articles: Annotated[int, typer.Option("--articles", help="how many articles (the corpus, repeated)")] = 200,
    workers: Annotated[int, typer.Option("--workers", help="processes for the main runs")] = 1,
    json_out: Annotated[bool, typer.Option("--json", help="also print the figures as one JSON object on the last line")] = False,
) -> None:
    """Throughput of raw spaCy, the dyad pipeline, and the pipeline with the store, on the same articles.

    Example: dyad bench --articles 400 --json
    """
    from dyad.bench import bench as run_bench

    if articles < 1 or workers < 1:
        _fail(ConfigError("--articles and --workers must be at least 1"), 2)
    settings = load_settings()
    with _progress() as progress:
        task = progress.add_task("benchmark", total=None)
        result = run_bench(articles, workers=workers, model=settings.model,
                           on_step=lambda step: progress.update(task, description=f"timing {step}"))
    table = Table("run", "articles/s", "words/s", "of raw",
                  title=f"{result.articles} articles, {result.words} words, {result.workers} worker(s), "
                        f"model {settings.model}")
    table.add_row("raw spaCy nlp.pipe", f"{result.raw_aps:.2f}", f"{result.raw_wps:.0f}", "1.00")
    table.add_row("dyad pipeline", f"{result.pipeline_aps:.2f}", f"{result.pipeline_wps:.0f}",
                  f"{result.ratio_pipeline:.2f}")
    table.add_row("dyad pipeline + store", f"{result.store_aps:.2f}", f"{result.store_wps:.0f}",
                  f"{result.ratio_store:.2f}")
    out.print(table)
    out.print(f"2 workers over 1: raw spaCy x{result.raw_speedup_2w:.2f}, dyad pipeline "
              f"x{result.speedup_2w:.2f}; peak memory {result.peak_rss_mb:.0f} MB; "
              f"{result.articles_stored} of {result.articles} articles stored")
    if result.articles_stored != result.articles:
        _fail(ConfigError(f"only {result.articles_stored} of {result.articles} articles were stored"), 1)
    if json_out:
        sys.stdout.write(result.as_json() + "\n")


@app.command()
def explain(sentence: Annotated[str, typer.Argument(help="a sentence (or short text) to code")],
            published: PublishedOption = None) -> None:
    """Show the parse, the matched pattern and the actors for each event found in a sentence.

    Example: dyad explain "Russia and China signed a trade agreement." --published 2024-05-16
    """
    document = _process_or_fail(sentence, published, "--published")
    for s in document.sentences:
        table = Table("i", "word", "lemma", "pos", "dep", "head", "entity", title=s.text)
        for t in s.span:
            table.add_row(str(t.i - s.span.start), t.text, t.lemma_, t.pos_, t.dep_,
                          str(t.head.i - s.span.start), f"{t.ent_type_} {t.ent_id_}".strip())
        out.print(table)
    for m in document.mentions:
        if m.actor:
            out.print(f"mention [bold]{escape(m.text)}[/] ({m.type}) → {m.actor.code} "
                      f"{escape(m.actor.name or '')}")
    if not document.events:
        out.print("no events found")
    for e in document.events:
        # (escaped: "[planned]" and a pattern's "[:071]" are not Rich markup)
        out.print(escape(f"event {e.code} [{e.modality}] {e.source.code} → "
                         f"{e.target.code if e.target else '—'}  trigger {e.trigger.text!r}  "
                         f"pattern {e.pattern}  confidence {e.confidence}"))


def main() -> None:  # pragma: no cover
    app()

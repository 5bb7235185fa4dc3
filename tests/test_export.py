"""Exports of stored events (GDELT 2.0, CSV, JSON Lines, Parquet) and GDELT imports, over
a real store built from the bundled corpus."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.export import GDELT_COLUMNS, global_event_id
from dyad.store import Store

from .conftest import BACKENDS, new_store_target

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory, corpus_records):
    folder = tmp_path_factory.mktemp("export")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in corpus_records[:8]) + "\n")
    finalizers: list = []
    db = new_store_target(request.param, tmp_path_factory, finalizers)
    assert run("ingest", str(folder / "news.jsonl"), "--db", db).exit_code == 0
    with Store(db) as s:
        events = s.con.execute("select id, code, day, location_country, lat, doc_id from events").fetchall()
        urls = dict(s.con.execute("select doc_id, url from articles").fetchall())
    yield db, folder, events, urls
    for drop in finalizers:
        drop()


def test_gdelt_export_has_gdelts_61_columns_filled_from_the_events(store):
    db, folder, events, urls = store
    path = folder / "all.export.CSV"
    result = run("export", "--db", db, "--format", "gdelt", "--out", str(path))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == len(events) and {len(r) for r in rows} == {61}
    by_id = {global_event_id(e[0]): e for e in events}
    assert len(by_id) == len(events)  # the numeric ids do not collide
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for row in rows:
        _, code, day, _, lat, doc_id = by_id[int(row[col["GLOBALEVENTID"]])]
        assert row[col["EventCode"]] == code and row[col["EventRootCode"]] == code[:2]
        assert row[col["SQLDATE"]] == (day.strftime("%Y%m%d") if day else "")
        assert row[col["SOURCEURL"]] == urls[doc_id]
        assert int(row[col["NumArticles"]]) >= 1
        if lat is not None:
            assert float(row[col["ActionGeo_Lat"]]) == pytest.approx(lat)
    located = [r for r in rows if r[col["ActionGeo_CountryCode"]]]
    assert located, "some events have a location"
    assert all(len(r[col["ActionGeo_CountryCode"]]) == 2 for r in located)  # FIPS 10-4, as GDELT


def test_importing_a_gdelt_export_loads_it_once(store):
    db, folder, events, _ = store
    path = folder / "again.export.CSV"
    run("export", "--db", db, "--format", "gdelt", "--out", str(path))
    first = run("import-gdelt", str(path), "--db", db)
    second = run("import-gdelt", str(path), "--db", db)
    assert first.exit_code == second.exit_code == 0, first.output
    assert f"{len(events)} GDELT event(s) loaded" in first.stdout and "0 GDELT event(s) loaded" in second.stdout


def test_a_file_that_is_not_a_gdelt_export_is_named_and_the_rest_load(store, tmp_path):
    db, folder, _, _ = store
    bad = tmp_path / "bad.CSV"
    bad.write_text("just\ttwo\n")
    good = folder / "all.export.CSV"
    run("export", "--db", db, "--format", "gdelt", "--out", str(good))
    result = run("import-gdelt", str(bad), str(good), "--db", db)
    assert result.exit_code == 1
    assert "bad.CSV:1: 2 fields, not the 61" in result.stderr
    assert "all.export.CSV" in result.stdout


def test_csv_jsonl_and_parquet_exports_hold_the_filtered_events(store, tmp_path):
    db, _, events, _ = store
    as_csv = run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(as_csv.stdout.splitlines()))
    assert len(rows) == len(events) and {"id", "code", "story_id", "num_articles"} <= set(rows[0])
    as_jsonl = run("export", "--db", db, "--format", "jsonl", "--root", "01")
    lines = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert lines and all(line["root"] == "01" for line in lines)
    target = tmp_path / "e.parquet"
    assert run("export", "--db", db, "--format", "parquet", "--out", str(target)).exit_code == 0
    assert pq.read_table(target).num_rows == len(events)
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2  # needs --out

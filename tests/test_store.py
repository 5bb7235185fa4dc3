"""The store, on DuckDB and on PostgreSQL: idempotent, transactional ingest and event
queries, on real articles."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dyad.errors import StoreError
from dyad.ingest import ingest
from dyad.pipeline import process_text
from dyad.store import EventFilter, Store

from .conftest import BACKENDS, new_store_target


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory, corpus_records):
    path = tmp_path_factory.mktemp("corpus") / "some.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in corpus_records[:8]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=BACKENDS)
def stored(request, tmp_path_factory, corpus_file):
    finalizers: list = []
    db = new_store_target(request.param, tmp_path_factory, finalizers)
    with Store(db) as store:
        report = ingest([str(corpus_file)], store=store, batch_size=3)
    yield db, report
    for drop in finalizers:
        drop()


def test_ingest_stores_every_article_with_sentences_mentions_and_events(stored):
    db, report = stored
    assert report.stored == 8 and report.skipped == 0 and not report.errors
    with Store(db, read_only=True) as store:
        count = lambda table: store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count("articles") == 8
        assert count("sentences") > 50 and count("mentions") > 100
        assert count("events") == report.events > 0
        assert count("ingest_log") == 8


def test_reingest_adds_nothing(stored, corpus_file):
    db, _ = stored
    with Store(db) as store:
        before = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        again = ingest([str(corpus_file)], store=store)
        after = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert again.stored == 0 and again.skipped == 8
    assert before == after


def test_a_failed_batch_leaves_nothing_behind(store_target):
    document = process_text("France condemned the attack on the embassy.", published=dt.date(2024, 1, 2))
    with Store(store_target) as store:
        with pytest.raises(StoreError, match="nothing of it was written"):
            store.write([document, document])  # same ids twice: the batch must roll back
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        store.write([document])
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_event_filters_narrow_the_rows(stored):
    db, _ = stored
    with Store(db, read_only=True) as store:
        everything = store.events()
        some = everything[0]
        assert store.events(EventFilter(code=some["code"]))
        assert all(r["code"] == some["code"] for r in store.events(EventFilter(code=some["code"])))
        assert all(r["root"] == some["root"] for r in store.events(EventFilter(root=some["root"])))
        country = some["source_country"] or some["target_country"]
        if country:
            rows = store.events(EventFilter(country=country))
            assert rows and all(country in (r["source_country"], r["target_country"]) for r in rows)
        day = some["day"]
        if day:
            assert all(r["day"] >= day for r in store.events(EventFilter(since=day)))
            assert all(r["day"] <= day for r in store.events(EventFilter(until=day)))
        assert store.count_events(EventFilter(since=dt.date(2100, 1, 1))) == 0
        assert store.count_events() == len(everything)


def test_store_path_that_cannot_be_opened_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(tmp_path / "no" / "such" / "dir" / "x.duckdb")
    with pytest.raises(StoreError, match=r"postgresql://nobody:\*\*\*@127.0.0.1:1/none: cannot open the store"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")  # no server there; the password not shown


def test_two_workers_store_the_same_events_as_one(tmp_path, corpus_records, store_target):
    path = tmp_path / "four.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in corpus_records[10:14]) + "\n", encoding="utf-8")
    stored = {}
    for workers, target in ((1, str(tmp_path / "w1.duckdb")), (2, store_target)):
        with Store(target) as store:
            ingest([str(path)], store=store, workers=workers)
            stored[workers] = store.con.execute(
                "SELECT id, code, source_code, target_code, date FROM events ORDER BY id").fetchall()
    assert stored[1] and stored[1] == stored[2]


def test_an_ingest_killed_midway_and_run_again_stores_every_article_once(tmp_path, corpus_records):
    """kill -9 after some batches were committed; the re-run stores the rest, nothing twice."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    records = [dict(r, text=f"{r['text']}\n\n(Copy {copy}.)") for copy in range(2) for r in corpus_records]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db, wal = tmp_path / "k.duckdb", tmp_path / "k.duckdb.wal"
    command = [str(Path(sys.executable).parent / "dyad"), "ingest", str(source), "--db", str(db)]
    env = dict(os.environ, DYAD_BATCH_SIZE="4", DYAD_NEAR_DUPLICATE="0")  # the copies differ by a line
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sizes: set[int] = set()
    deadline = time.monotonic() + 240
    while first.poll() is None and time.monotonic() < deadline:
        if wal.exists():
            sizes.add(wal.stat().st_size)
        if len(sizes) >= 3:  # a few batches are in: kill in the middle of the rest
            first.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    assert first.wait(timeout=60) == -signal.SIGKILL, "the ingest finished before it could be killed"
    with Store(db) as store:
        kept = store.con.execute("select count(*) from articles").fetchone()[0]
    assert 0 < kept < len(records)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    assert f"{kept} already stored" in second.stdout
    with Store(db) as store:
        articles, distinct = store.con.execute("select count(*), count(distinct doc_id) from articles").fetchone()
        events, distinct_events = store.con.execute("select count(*), count(distinct id) from events").fetchone()
    assert articles == distinct == len(records)
    assert events == distinct_events > 0

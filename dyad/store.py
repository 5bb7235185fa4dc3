"""Store stage: articles, their reports, sentences, mentions, actors and events in DuckDB.

Writes go in batches, one transaction each, through pandas frames (DuckDB's
`executemany` manages ~600 rows/s; a frame insert does 100k rows in ~0.1 s).
An article's id is the hash of its cleaned text, so re-ingesting it adds
nothing, and a crash mid-batch leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import psycopg

from dyad.errors import StoreError
from dyad.export import EXPORT_SQL, GDELT_COLUMNS
from dyad.model import Document
from dyad.output import mention_json
from dyad.pg import PgConnection, is_postgres
from dyad.settings import load_settings
from dyad.stories import STORY_COLUMNS, rebuild_stories

GDELT_TABLE_COLUMNS = ", ".join(f'"{c}" VARCHAR' + (" PRIMARY KEY" if c == "GLOBALEVENTID" else "")
                                for c in GDELT_COLUMNS)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, title VARCHAR, outlet VARCHAR,
    published DATE, language VARCHAR, byline VARCHAR, dateline VARCHAR, text VARCHAR,
    ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
    PRIMARY KEY (doc_id, sentence_index));
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, mention_index INTEGER, sentence_index INTEGER, text VARCHAR, type VARCHAR,
    start INTEGER, "end" INTEGER, canonical VARCHAR, actor_code VARCHAR, actor_country VARCHAR,
    actor_role VARCHAR, place_name VARCHAR, place_country VARCHAR, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    gazetteer_id VARCHAR, PRIMARY KEY (doc_id, mention_index));
CREATE TABLE IF NOT EXISTS actors (
    code VARCHAR, name VARCHAR, country VARCHAR, role VARCHAR, org VARCHAR,
    first_seen DATE, PRIMARY KEY (code, name));
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER,
    sentence VARCHAR, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    source_code VARCHAR, source_name VARCHAR, source_country VARCHAR, source_role VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_country VARCHAR, target_role VARCHAR,
    code VARCHAR, root VARCHAR, quad INTEGER, goldstein DOUBLE PRECISION, modality VARCHAR,
    plover_event VARCHAR, plover_mode VARCHAR, speaker_code VARCHAR, speaker_name VARCHAR,
    outlet VARCHAR, date VARCHAR, date_precision VARCHAR, date_source VARCHAR, day DATE,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION, pattern VARCHAR);
ALTER TABLE events ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_feature VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_end INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_end INTEGER;
CREATE TABLE IF NOT EXISTS gdelt_events ({GDELT_TABLE_COLUMNS});
CREATE TABLE IF NOT EXISTS stories ({STORY_COLUMNS});
CREATE TABLE IF NOT EXISTS reports (
    doc_id VARCHAR, source VARCHAR, url VARCHAR, outlet VARCHAR, title VARCHAR, published DATE,
    similarity DOUBLE PRECISION, first_seen TIMESTAMP, PRIMARY KEY (doc_id, source));
CREATE TABLE IF NOT EXISTS signatures (doc_id VARCHAR PRIMARY KEY, minhash BYTEA);
CREATE TABLE IF NOT EXISTS ingest_log (
    logged_at TIMESTAMP, source VARCHAR, status VARCHAR, doc_id VARCHAR, message VARCHAR);
CREATE TABLE IF NOT EXISTS eval_log (
    logged_at TIMESTAMP, gold VARCHAR, level VARCHAR, precision DOUBLE PRECISION, recall DOUBLE PRECISION, f1 DOUBLE PRECISION,
    extra_rate DOUBLE PRECISION, details VARCHAR);
"""

DB_ERRORS = (duckdb.Error, psycopg.Error)

FILTERS = ("actor", "country", "root", "code", "quad", "since", "until", "modality", "doc_id")


@dataclass
class EventFilter:
    actor: str | None = None  # actor code prefix or part of a name, source or target
    country: str | None = None  # ISO3 of source or target
    root: str | None = None
    code: str | None = None
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modality: str | None = None
    doc_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.actor:
            clauses.append("(source_code LIKE ? OR target_code LIKE ? OR source_name ILIKE ? OR target_name ILIKE ?)")
            params += [self.actor.upper() + "%"] * 2 + [f"%{self.actor}%"] * 2
        if self.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper()] * 2
        for column in ("root", "code", "quad", "modality", "doc_id"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.since:
            clauses.append("day >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("day <= ?")
            params.append(self.until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass
class StoryFilter:
    actor: str | None = None  # actor code prefix, source or target
    country: str | None = None  # ISO3 of source or target
    root: str | None = None
    since: dt.date | None = None  # stories reported on or after (their last day)
    until: dt.date | None = None  # ... on or before (their first day)

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.actor:
            clauses.append("(s.source_code LIKE ? OR s.target_code LIKE ?)")
            params += [self.actor.upper() + "%"] * 2
        if self.country:
            clauses.append("(left(s.source_code, 3) = ? OR left(s.target_code, 3) = ?)")
            params += [self.country.upper()] * 2
        if self.root:
            clauses.append("s.root = ?")
            params.append(self.root)
        if self.since:
            clauses.append("s.last_day >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("s.first_day <= ?")
            params.append(self.until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class Store:
    """The store: a DuckDB file, or a PostgreSQL database given as a postgresql:// URL.
    Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path = "dyad.duckdb", *, read_only: bool = False):
        self.path = str(path)
        self.postgres = is_postgres(self.path)
        try:
            if self.postgres:
                self.con = PgConnection(self.path)
                self._upgrade()
                if read_only:
                    self.con.execute("SET default_transaction_read_only = on")
                return
            if read_only and not self._current():
                with duckdb.connect(self.path) as con:  # a store of an older dyad: upgrade it
                    self.con = con
                    self._upgrade()
            self.con = duckdb.connect(self.path, read_only=read_only,
                                      config={"memory_limit": load_settings().store_memory})
            if not read_only:
                self._upgrade()
        except DB_ERRORS as err:
            raise StoreError(f"{_shown(self.path)}: cannot open the store ({err}); check the path or URL, "
                             "or close the program that holds it") from err

    def _current(self) -> bool:
        """Has the DuckDB file every table and column of this version?"""
        with duckdb.connect(self.path, read_only=True) as con:
            tables = {row[0] for row in con.execute(
                "SELECT table_name FROM information_schema.tables").fetchall()}
            columns = {row[0] for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        return ({"stories", "reports", "signatures", "gdelt_events"} <= tables
                and {"story_id", "location_feature", "location_id", "source_start", "target_end"} <= columns)

    def _upgrade(self) -> None:
        """Create what this version's schema adds; group the events of an older store into stories."""
        self.con.execute(SCHEMA)
        if self.con.execute("SELECT count(*) FROM events WHERE story_id IS NULL").fetchall()[0][0]:
            rebuild_stories(self)

    def insert(self, table: str, frame: pd.DataFrame, *, keep_first: bool = False) -> None:
        """Insert a frame's rows by column name; with `keep_first`, rows whose key is already
        there are skipped."""
        if frame.empty:
            return
        conflict = " ON CONFLICT DO NOTHING" if keep_first else ""
        if not self.postgres:
            self.con.register("frame", frame)
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame{conflict}")
            self.con.unregister("frame")
            return
        columns = list(frame.columns)
        rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}){conflict}", rows)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def known_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT doc_id FROM articles").fetchall()}

    def signatures(self) -> list[tuple[str, bytes]]:
        return [(doc_id, bytes(minhash)) for doc_id, minhash in
                self.con.execute("SELECT doc_id, minhash FROM signatures").fetchall()]

    def unsigned_articles(self) -> list[tuple[str, str]]:
        """(doc_id, text) of stored articles without a signature (stored before there were any)."""
        return self.con.execute("SELECT a.doc_id, a.text FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM signatures s WHERE s.doc_id = a.doc_id)").fetchall()

    def write(self, documents: list[Document], *, log: Iterable[tuple[str, str, str | None, str]] = (),
              reports: Iterable[dict[str, Any]] = (), signatures: Iterable[tuple[str, bytes]] = ()) -> None:
        """Store a batch of documents, with the reports (copies) and near-duplicate signatures
        that go with them, in one transaction: all of it or none."""
        frames = _frames(documents)
        frames["reports"] = _frame([dict(r, first_seen=dt.datetime.now()) for r in reports])
        frames["signatures"] = _frame([{"doc_id": d, "minhash": m} for d, m in signatures])
        now = dt.datetime.now()
        log_rows = [(now, source, status, doc_id, message) for source, status, doc_id, message in log]
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table, frame in frames.items():
                # an actor, a report or a signature seen before: keep the first
                self.insert(table, frame, keep_first=table in {"actors", "reports", "signatures"})
            if log_rows:
                self.con.executemany("INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?)", log_rows)
            self.con.execute("COMMIT")
        except DB_ERRORS as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{_shown(self.path)}: batch not stored ({err}); nothing of it was written") from err

    def events(self, where: EventFilter | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        clause, params = (where or EventFilter()).where()
        sql = f"SELECT * FROM events{clause} ORDER BY day NULLS LAST, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, params)

    def count_events(self, where: EventFilter | None = None) -> int:
        clause, params = (where or EventFilter()).where()
        return self.con.execute(f"SELECT count(*) FROM events{clause}", params).fetchone()[0]

    def rebuild_stories(self) -> int:
        return rebuild_stories(self)

    def stories(self, where: StoryFilter | None = None, *, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:
        """Stories, the most widely reported first, each with its example sentence."""
        clause, params = (where or StoryFilter()).where()
        sql = (f"SELECT s.*, e.sentence AS example_sentence FROM stories s "
               f"LEFT JOIN events e ON e.id = s.example_event{clause} "
               "ORDER BY s.num_articles DESC, s.num_events DESC, s.first_day NULLS LAST, s.story_id")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(sql, params)

    def count_stories(self, where: StoryFilter | None = None) -> int:
        clause, params = (where or StoryFilter()).where()
        return self.con.execute(f"SELECT count(*) FROM stories s{clause}", params).fetchone()[0]

    def export_rows(self, where: EventFilter | None = None, *, chunk: int = 10_000):
        """Stored events with their story counts and article URL, streamed, oldest first."""
        clause, params = (where or EventFilter()).where()
        cursor = self.con.execute(f"SELECT * FROM ({EXPORT_SQL}) AS exported{clause} ORDER BY day NULLS LAST, id",
                                  params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            yield from (dict(zip(names, row)) for row in rows)

    def export_parquet(self, path: Path, where: EventFilter | None = None) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        clause, params = (where or EventFilter()).where()
        sql = f"SELECT * FROM ({EXPORT_SQL}) AS exported{clause} ORDER BY day NULLS LAST, id"
        if self.postgres:
            table = pa.Table.from_pylist(list(self.export_rows(where)))
        else:
            table = self.con.sql(sql, params=params).to_arrow_table()
        pq.write_table(table, str(path))
        return table.num_rows

    def import_gdelt(self, rows: Iterable[list[str]], *, chunk: int = 50_000) -> int:
        """Load GDELT event rows beside dyad's own events (table gdelt_events), in one
        transaction; a row already there (same GLOBALEVENTID) is kept once."""
        count, batch = 0, []
        self.con.execute("BEGIN TRANSACTION")  # a file is loaded whole or not at all
        try:
            for row in rows:
                batch.append(row)
                if len(batch) >= chunk:
                    count += self._insert_gdelt(batch)
                    batch = []
            count += self._insert_gdelt(batch) if batch else 0
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
        return count

    def _insert_gdelt(self, rows: list[list[str]]) -> int:
        before = self.con.execute("SELECT count(*) FROM gdelt_events").fetchall()[0][0]
        self.insert("gdelt_events", pd.DataFrame(rows, columns=GDELT_COLUMNS), keep_first=True)
        return self.con.execute("SELECT count(*) FROM gdelt_events").fetchall()[0][0] - before

    def highlights(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        """Where the trigger and the source and target actors are in the event's sentence
        (offsets into the sentence), for showing an event in its text: where the events
        stage read each actor; for events stored before it kept that, the mention resolved
        to the actor's code, else one with its name, else its name's last word."""
        spans = [{"role": "trigger", "start": event["trigger_start"] - event["start"],
                  "end": event["trigger_end"] - event["start"]}]
        mentions = self.con.execute(
            "SELECT start, \"end\", actor_code, canonical FROM mentions WHERE doc_id = ? "
            "AND sentence_index = ? ORDER BY start", [event["doc_id"], event["sentence_index"]]).fetchall()
        taken = {(spans[0]["start"], spans[0]["end"])}
        for role in ("source", "target"):
            code, name = event[f"{role}_code"], event[f"{role}_name"]
            if not code:
                continue
            if event.get(f"{role}_start") is not None:  # where the events stage read it
                found = (event[f"{role}_start"] - event["start"], event[f"{role}_end"] - event["start"])
                if found not in taken:
                    taken.add(found)
                    spans.append({"role": role, "start": found[0], "end": found[1]})
                continue
            found = next(((m[0] - event["start"], m[1] - event["start"]) for m in mentions
                          if m[2] == code or (name and m[3] == name)), None)
            if found is None and name:
                word = re.search(rf"\b{re.escape(name.split()[-1])}\b", event["sentence"])
                found = (word.start(), word.end()) if word else None
            if found is not None and found not in taken:
                taken.add(found)
                spans.append({"role": role, "start": found[0], "end": found[1]})
        return spans

    def network(self, *, limit: int = 40) -> list[dict[str, Any]]:
        """Country pairs (source acting on target) with their stories and mean Goldstein."""
        return self._dicts(
            "SELECT left(source_code, 3) AS source, left(target_code, 3) AS target, count(*) AS stories, "
            "avg(goldstein) AS goldstein FROM stories WHERE target_code IS NOT NULL "
            "AND left(source_code, 3) NOT IN ('---') AND left(target_code, 3) NOT IN ('---') "
            "AND left(source_code, 3) <> left(target_code, 3) "
            f"GROUP BY 1, 2 ORDER BY stories DESC, 1, 2 LIMIT {int(limit)}", [])

    def located(self) -> tuple[dict[str, int], list[tuple[float, float, str]]]:
        """Stories per location country, and the located events as (lat, lon, label)."""
        counts = dict(self.con.execute("SELECT location_country, count(*) FROM stories "
                                       "WHERE location_country IS NOT NULL GROUP BY 1").fetchall())
        points = [(lat, lon, f"{name}: {code}") for lat, lon, name, code in self.con.execute(
            "SELECT lat, lon, location_name, code FROM events WHERE lat IS NOT NULL").fetchall()]
        return counts, points

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM events WHERE id = ?", [event_id])
        return rows[0] if rows else None

    def find_event(self, event_id: str) -> dict[str, Any] | None:
        """An event by its id, or by a unique prefix of its article id ("6d3a6f7f0dab:0:0")."""
        row = self.event(event_id)
        if row is not None or event_id.count(":") != 2:
            return row
        prefix, sentence, index = event_id.split(":")
        rows = self._dicts("SELECT * FROM events WHERE doc_id LIKE ? AND id LIKE ?",
                           [prefix + "%", f"%:{sentence}:{index}"])
        return rows[0] if len(rows) == 1 else None

    def article(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM articles WHERE doc_id = ?", [doc_id])
        return rows[0] if rows else None

    def summary(self, *, top: int = 10) -> dict[str, Any]:
        q = self.con.execute
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "articles_with_events": q("SELECT count(DISTINCT doc_id) FROM events").fetchone()[0],
            "events": q("SELECT count(*) FROM events").fetchone()[0],
            "stories": q("SELECT count(*) FROM stories").fetchone()[0],
            "by_root": q("SELECT root, count(*) FROM events GROUP BY root ORDER BY root").fetchall(),
            "top_dyads": q("SELECT source_code, target_code, count(*) AS n FROM events "
                           "WHERE target_code IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC, 1, 2 "
                           f"LIMIT {int(top)}").fetchall(),
        }

    def actors(self, *, country: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Resolved actors by how often they are mentioned, with their events and one sentence."""
        where, params = "WHERE m.actor_code IS NOT NULL", []
        if country:
            where += " AND m.actor_country = ?"
            params.append(country.upper())
        sql = f"""
            WITH named AS (
                SELECT m.actor_code AS code, m.canonical AS name, count(*) AS mentions,
                       min(s.text) AS example
                FROM mentions m JOIN sentences s USING (doc_id, sentence_index)
                {where} GROUP BY 1, 2),
            acting AS (SELECT source_code AS code, source_name AS name, count(*) AS n
                       FROM events GROUP BY 1, 2),
            acted_on AS (SELECT target_code AS code, target_name AS name, count(*) AS n
                         FROM events WHERE target_code IS NOT NULL GROUP BY 1, 2)
            SELECT named.code, named.name, named.mentions,
                   coalesce(acting.n, 0) AS as_source, coalesce(acted_on.n, 0) AS as_target,
                   named.example
            FROM named
            LEFT JOIN acting ON acting.code = named.code AND acting.name = named.name
            LEFT JOIN acted_on ON acted_on.code = named.code AND acted_on.name = named.name
            ORDER BY named.mentions DESC, named.code, named.name LIMIT {int(limit)}"""
        return self._dicts(sql, params)

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def _frames(documents: list[Document]) -> dict[str, pd.DataFrame]:
    now = dt.datetime.now()
    articles, sentences, mentions, actors, events = [], [], [], {}, []
    for document in documents:
        a = document.article
        articles.append({"doc_id": a.doc_id, "source": a.source, "url": a.url, "title": a.title,
                         "outlet": a.outlet, "published": a.published, "language": a.language,
                         "byline": a.byline, "dateline": a.dateline, "text": a.text, "ingested_at": now})
        sentences += [{"doc_id": a.doc_id, "sentence_index": s.index, "start": s.start, "end": s.end,
                       "text": s.text} for s in document.sentences]
        for i, m in enumerate(document.mentions):
            j = mention_json(m)
            place = m.place
            mentions.append({"doc_id": a.doc_id, "mention_index": i, "sentence_index": m.sentence_index,
                             "text": m.text, "type": m.type, "start": m.start, "end": m.end,
                             "canonical": j["canonical"],
                             "actor_code": m.actor.code if m.actor else None,
                             "actor_country": m.actor.country if m.actor else None,
                             "actor_role": m.actor.role if m.actor else None,
                             "place_name": place.name if place else None,
                             "place_country": place.country if place else None,
                             "lat": place.lat if place else None, "lon": place.lon if place else None,
                             "gazetteer_id": place.gazetteer_id if place else None})
        for e in document.events:
            for actor in (e.source, e.target):
                if actor and (actor.code, actor.name or "") not in actors:
                    actors[(actor.code, actor.name or "")] = {
                        "code": actor.code, "name": actor.name or "", "country": actor.country,
                        "role": actor.role, "org": actor.org, "first_seen": a.published}
            events.append(_event_row(a.doc_id, e))
    return {"articles": _frame(articles), "sentences": _frame(sentences),
            "mentions": _frame(mentions), "actors": _frame(list(actors.values())),
            "events": _frame(events)}


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows) if rows else pd.DataFrame()


def _event_row(doc_id: str, e) -> dict[str, Any]:
    target, speaker, place = e.target, e.speaker, e.location
    return {
        "id": e.id, "doc_id": doc_id, "sentence_index": e.sentence_index, "start": e.start,
        "end": e.end, "sentence": e.sentence, "trigger_text": e.trigger.text,
        "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
        "source_code": e.source.code, "source_name": e.source.name,
        "source_country": e.source.country, "source_role": e.source.role,
        "target_code": target.code if target else None, "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_role": target.role if target else None,
        "code": e.code, "root": e.root, "quad": e.quad, "goldstein": e.goldstein,
        "modality": e.modality,
        "plover_event": (e.plover or {}).get("event"), "plover_mode": (e.plover or {}).get("mode"),
        "speaker_code": speaker.code if speaker else None,
        "speaker_name": speaker.name if speaker else None, "outlet": e.outlet,
        "date": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "date_source": e.date_source, "day": _first_day(e.date.value) if e.date else None,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_feature": place.feature if place else None,
        "source_start": e.source_span.start if e.source_span else None,
        "source_end": e.source_span.end if e.source_span else None,
        "target_start": e.target_span.start if e.target_span else None,
        "target_end": e.target_span.end if e.target_span else None,
        "location_id": place.gazetteer_id if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "confidence": e.confidence, "pattern": e.pattern,
    }


def _first_day(value: str) -> dt.date:
    """The first calendar day of a date at any precision, for range filters."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, default=str, ensure_ascii=False)


def _shown(target: str) -> str:
    """A store's path or URL as printed: a URL without its password."""
    return re.sub(r"(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", target)

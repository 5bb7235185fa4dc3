"""API latency: /events with filters on a store of ~100,000 events, over loopback.

Builds a DuckDB store from the bundled corpus, then copies its articles, events and
stories until the store holds at least EVENTS events (each copy with its own ids and
its dates shifted by a day per copy, as distinct copies of the corpus would be), starts
`dyad serve`'s app on 127.0.0.1, and sends a bounded loop of filtered /events requests,
one at a time. Prints the latency percentiles as JSON. A long run: not a test.

    .venv/bin/python tools/api_load.py [--events 100000] [--requests 400]
"""

import argparse
import json
import random
import socket
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn

from dyad.api import create_app
from dyad.ingest import ingest
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
FILTERS = ["country=RUS", "country=USA&root=19", "root=04", "quad=4&since=2010-01-01",
           "actor=USAGOV", "modality=planned", "country=AFG&since=2015-01-01&until=2030-01-01",
           "code=190", "", "root=01&limit=100", "country=ISR&offset=200"]


def build(db: Path, events: int) -> int:
    with Store(db) as store:
        ingest([str(ROOT / "corpus" / "wikinews.jsonl")], store=store)
        base = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        for copy in range(1, -(-events // base)):
            store.con.execute(f"""
                INSERT INTO articles SELECT * REPLACE (doc_id || '-{copy}' AS doc_id)
                FROM articles WHERE doc_id NOT LIKE '%-%';
                INSERT INTO events SELECT * REPLACE (id || '-{copy}' AS id, doc_id || '-{copy}' AS doc_id,
                    day + INTERVAL {copy} DAY AS day, story_id || '-{copy}' AS story_id)
                FROM events WHERE doc_id NOT LIKE '%-%';
                INSERT INTO stories SELECT * REPLACE (story_id || '-{copy}' AS story_id,
                    example_event || '-{copy}' AS example_event)
                FROM stories WHERE story_id NOT LIKE '%-%';""")
        return store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyad-api-") as folder:
        db = Path(folder) / "load.duckdb"
        total = build(db, args.events)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                               log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        rng = random.Random(2026)
        latencies = []
        for _ in range(args.requests):  # bounded: a fixed number of requests, one at a time
            query = rng.choice(FILTERS)
            start = time.perf_counter()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/events?{query}", timeout=30) as response:
                response.read()
            latencies.append((time.perf_counter() - start) * 1000)
        server.should_exit = True
    latencies.sort()
    print(json.dumps({"events": total, "requests": len(latencies),
                      "p50_ms": round(statistics.median(latencies), 1),
                      "p95_ms": round(latencies[int(0.95 * len(latencies)) - 1], 1),
                      "max_ms": round(latencies[-1], 1)}))


if __name__ == "__main__":
    main()

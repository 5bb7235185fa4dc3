"""The HTTP API over a real socket, against a real DuckDB store built from the bundled corpus."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
import uvicorn

from dyad.api import MAX_PAGE, create_app
from dyad.ingest import ingest
from dyad.store import Store


STORED: dict[str, int] = {}  # what the server's store holds, counted when it is filled


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    from .conftest import CORPUS

    with Store(db) as store:
        ingest([str(CORPUS)], store=store)
        for table in ("events", "stories"):
            STORED[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the API server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def get(base: str, path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_events_are_paged_with_a_total_and_filtered(server):
    status, page = get(server, "/events?limit=5")
    assert status == 200 and len(page["items"]) == 5 and page["total"] == STORED["events"] > 150
    status, second = get(server, "/events?limit=5&offset=5")
    assert {e["id"] for e in page["items"]}.isdisjoint(e["id"] for e in second["items"])
    status, rus = get(server, "/events?country=RUS&limit=500")
    assert rus["items"] and all("RUS" in (e["source_country"], e["target_country"]) for e in rus["items"])
    assert rus["total"] == len(rus["items"])
    status, roots = get(server, "/events?root=19&since=2019-01-01")
    assert all(e["root"] == "19" and str(e["day"]) >= "2019-01-01" for e in roots["items"])


def test_one_event_comes_with_its_sentence_and_article(server):
    _, page = get(server, "/events?limit=1")
    event = page["items"][0]
    status, one = get(server, f"/events/{event['id']}")
    assert status == 200 and one["sentence"] == event["sentence"]
    assert one["article"]["doc_id"] == event["doc_id"] and one["article"]["url"].startswith("https://")
    status, article = get(server, f"/articles/{event['doc_id']}")
    assert status == 200 and event["id"] in {e["id"] for e in article["events"]}


def test_stories_actors_and_trends(server):
    status, stories = get(server, "/stories?limit=3")
    assert status == 200 and stories["total"] == STORED["stories"] > 150 and len(stories["items"]) == 3
    status, actors = get(server, "/actors?country=USA&limit=5")
    assert status == 200 and actors["items"] and all(a["code"].startswith("USA") for a in actors["items"])
    status, trend = get(server, "/trends?country=USA&by=month")
    months = [p["period"] for p in trend["items"]]
    assert status == 200 and months == sorted(months) and sum(p["stories"] for p in trend["items"]) > 0


@pytest.mark.parametrize("path, status", [
    ("/events/nope", 404), ("/articles/nope", 404), (f"/events?limit={MAX_PAGE + 1}", 400),
    ("/events?root=4", 400), ("/events?since=yesterday", 400), ("/trends?dyad=RUS", 400),
    ("/nowhere", 404),
])
def test_every_error_has_one_shape(server, path, status):
    got, body = get(server, path)
    assert got == status and set(body) == {"error"} and body["error"]["status"] == status
    assert body["error"]["message"]


def test_the_openapi_schema_documents_every_endpoint(server):
    status, schema = get(server, "/openapi.json")
    assert status == 200
    assert {"/events", "/events/{event_id}", "/stories", "/actors", "/trends", "/alerts",
            "/articles/{doc_id}"} <= set(schema["paths"])
    status, alerts = get(server, "/alerts")  # no watchlist given to this server: none
    assert status == 200 and alerts == {"items": [], "total": 0}

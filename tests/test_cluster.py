"""`dyad ingest --engine ray`: the stages on a local Ray of two workers store what a
single-process ingest stores."""

from __future__ import annotations

import json
import os

import pytest

from dyad.ingest import ingest
from dyad.store import Store


def _ray():
    try:
        import ray
    except ImportError:
        message = "Ray is not installed: pip install 'dyad[cluster]' (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return ray


def _stored(db) -> dict[str, list]:
    with Store(db) as store:
        return {table: store.con.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
                for table, columns in [
                    ("articles", "doc_id, text"),
                    ("mentions", "doc_id, mention_index, text, actor_code, place_country"),
                    ("events", "id, code, source_code, target_code, date, location_country, story_id"),
                    ("stories", "story_id, num_events, num_articles")]}


def test_ray_ingest_stores_what_a_local_ingest_stores(tmp_path, corpus_records):
    _ray()
    path = tmp_path / "six.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in corpus_records[20:26]) + "\n", encoding="utf-8")
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest([str(path)], store=store)
    with Store(tmp_path / "ray.duckdb") as store:
        on_ray = ingest([str(path)], store=store, engine="ray", workers=2)
    assert (on_ray.stored, on_ray.events) == (local.stored, local.events) == (6, local.events)
    assert local.events > 0
    assert _stored(tmp_path / "ray.duckdb") == _stored(tmp_path / "local.duckdb")

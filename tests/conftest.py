"""Shared fixtures. Data the project does not own (the example article, the
evaluation sets) is read from ../shared; outside CI a test that needs it skips
with the reason, in CI (CI=true) its absence is a failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus" / "wikinews.jsonl"
EXAMPLE = SHARED / "examples" / "000_8a980ba26f2fd999.txt"
EVAL = SHARED / "eval"


def need(path: Path) -> Path:
    """Return `path`, or skip (fail in CI) when shared data is absent."""
    if not path.exists():
        message = f"{path} is not here: it belongs to ../shared, which this checkout lacks"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def example_path() -> Path:
    return need(EXAMPLE)


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


# The store's back ends. PostgreSQL needs a server: DYAD_TEST_POSTGRES is the URL of a
# database on it whose user may create databases (.ci/run starts one and sets it); each
# store gets a database of its own, dropped afterwards.
POSTGRES_ENV = "DYAD_TEST_POSTGRES"
BACKENDS = ["duckdb", "postgres"]


def new_store_target(kind: str, tmp_path_factory, finalizers: list) -> str:
    """A fresh, empty store: a DuckDB file path, or the URL of a new PostgreSQL database."""
    if kind == "duckdb":
        return str(tmp_path_factory.mktemp("store") / "dyad.duckdb")
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        message = f"no PostgreSQL server: set {POSTGRES_ENV} to a postgresql:// URL (.ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    import uuid

    import psycopg

    name = f"dyad_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    finalizers.append(drop)
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path_factory):
    """A fresh store of each back end, for one test."""
    finalizers: list = []
    target = new_store_target(request.param, tmp_path_factory, finalizers)
    yield target
    for drop in finalizers:
        drop()

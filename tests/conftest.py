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

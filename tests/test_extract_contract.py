"""`dyad extract` output against the contract in shared/DESIGN.md."""

from __future__ import annotations

import hashlib
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from dyad.cli import app

ACTOR = {"type": ["object", "null"], "required": ["code", "country", "role"],
         "properties": {"code": {"type": "string", "pattern": "^([A-Z]{3}|---)[A-Z]*$"},
                        "country": {"type": ["string", "null"]}, "role": {"type": ["string", "null"]}}}
NAMED_ACTOR = {**ACTOR, "required": ["code", "name", "country", "role"]}
PLACE = {"type": ["object", "null"], "required": ["name", "country", "lat", "lon", "feature", "gazetteer_id"]}
SCHEMA = {
    "type": "object",
    "required": ["doc_id", "source", "title", "outlet", "published", "language", "text", "entities", "events"],
    "properties": {
        "doc_id": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "published": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "entities": {"type": "array", "items": {
            "type": "object",
            "required": ["text", "type", "start", "end", "canonical", "actor", "place"],
            "properties": {"actor": ACTOR, "place": PLACE, "start": {"type": "integer"}, "end": {"type": "integer"}}}},
        "events": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "sentence_index", "start", "end", "sentence", "trigger", "source", "target",
                         "code", "root", "quad", "goldstein", "modality", "plover", "attribution", "date",
                         "date_precision", "date_source", "location", "confidence"],
            "properties": {
                "code": {"type": "string", "pattern": r"^\d{3,4}$"},
                "root": {"type": "string", "pattern": r"^\d{2}$"},
                "quad": {"enum": [1, 2, 3, 4]},
                "goldstein": {"type": "number"},
                "modality": {"enum": ["asserted", "planned", "expected", "negated", "hypothetical"]},
                "source": NAMED_ACTOR,
                "target": {"anyOf": [{"type": "null"}, NAMED_ACTOR]},
                "trigger": {"type": "object", "required": ["text", "start", "end"]},
                "attribution": {"type": "object", "required": ["speaker", "outlet"]},
                "date_precision": {"enum": ["day", "month", "year", None]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            }}},
    },
}


def extract(*args: str, input: str | None = None) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", *args], input=input)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def check_offsets(record: dict) -> None:
    text = record["text"]
    for entity in record["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    for event in record["events"]:
        assert text[event["start"]:event["end"]] == event["sentence"]
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        doc_id, sentence_index, _ = event["id"].split(":")
        assert doc_id == record["doc_id"] and int(sentence_index) == event["sentence_index"]


@pytest.fixture(scope="module")
def example_record(example_path) -> dict:
    [record] = extract(str(example_path), "--published", "2025-10-01", "--format", "jsonl")
    return record


def test_example_output_follows_the_contract(example_record):
    jsonschema.validate(example_record, SCHEMA)
    check_offsets(example_record)
    assert example_record["doc_id"] == hashlib.sha256(example_record["text"].encode()).hexdigest()
    assert example_record["published"] == "2025-10-01"


def test_example_furniture_is_not_in_text(example_record):
    text = example_record["text"]
    assert "Photo credit" not in text and "Share on social media" not in text
    assert text.startswith("Russian President Vladimir Putin")


def test_example_planned_visit_is_intent_to_meet_on_the_day(example_record):
    visits = [e for e in example_record["events"]
              if e["source"]["code"].startswith("RUS") and e["target"]
              and e["target"]["code"].startswith("TJK") and e["code"] in {"036", "042"}]
    assert visits, example_record["events"]
    visit = visits[0]
    assert visit["modality"] == "planned"
    assert (visit["date"], visit["date_precision"]) == ("2025-10-09", "day")


def test_example_russia_tajikistan_cooperation(example_record):
    pairs = {(e["source"]["country"], (e["target"] or {}).get("country"), e["root"])
             for e in example_record["events"]}
    assert any({s, t} == {"RUS", "TJK"} and root in {"03", "04", "05", "06"} for s, t, root in pairs), pairs


def test_example_shoigu_warning_is_coded_with_a_russian_source(example_record):
    warnings = [e for e in example_record["events"] if "Shoigu" in (e["source"]["name"] or "")]
    assert warnings and warnings[0]["source"]["country"] == "RUS"
    assert warnings[0]["root"] in {"01", "13"}


def test_jsonl_input_keeps_order_and_uses_url_as_source(tmp_path, corpus_records):
    records = corpus_records[:3]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = extract(str(path))
    assert [o["source"] for o in out] == [r["url"] for r in records]
    assert [o["published"] for o in out] == [r["published"] for r in records]
    for record in out:
        jsonschema.validate(record, SCHEMA)
        check_offsets(record)


def test_standard_input_is_read_with_dash():
    [record] = extract("-", "--published", "2024-03-01",
                       input="The United States imposed sanctions on Iran.\n")
    assert record["source"] == "-"
    assert any(e["root"] == "16" for e in record["events"]), record["events"]


def test_table_format_prints_events():
    result = CliRunner().invoke(app, ["extract", "-", "--format", "table"],
                                input="Russia condemned the attack by Ukraine.\n")
    assert result.exit_code == 0 and "RUS" in result.stdout

"""The CLI over real files and a real DuckDB store."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def store_with_corpus(tmp_path_factory, corpus_records):
    folder = tmp_path_factory.mktemp("in")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in corpus_records[:6]) + "\n")
    db = folder / "d.duckdb"
    result = run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db, result


def test_ingest_reports_what_it_stored(store_with_corpus):
    _, result = store_with_corpus
    assert re.search(r"6 article\(s\) stored, 0 already stored, 0 near-duplicate\(s\) kept as reports, "
                     r"\d+ event\(s\) found, 0 failed", result.stdout)


def test_events_as_jsonl_and_csv(store_with_corpus):
    db, _ = store_with_corpus
    as_json = run("events", "--db", str(db), "--format", "jsonl", "--limit", "5")
    assert as_json.exit_code == 0
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert 0 < len(rows) <= 5 and {"id", "code", "source_code", "sentence"} <= set(rows[0])
    as_csv = run("events", "--db", str(db), "--format", "csv", "--limit", "5")
    assert as_csv.stdout.splitlines()[0].startswith("id,doc_id,")


def test_show_prints_the_event_and_its_sentence(store_with_corpus):
    db, _ = store_with_corpus
    row = json.loads(run("events", "--db", str(db), "--format", "jsonl", "--limit", "1").stdout.splitlines()[0])
    shown = run("show", row["id"], "--db", str(db))
    assert shown.exit_code == 0, shown.output
    assert row["code"] in shown.stdout and row["trigger_text"] in shown.stdout
    assert " ".join(row["sentence"].split()[:4]) in " ".join(shown.stdout.split())


def test_summary_lists_roots_and_dyads(store_with_corpus):
    db, _ = store_with_corpus
    result = run("summary", "--db", str(db))
    assert result.exit_code == 0
    assert "6 articles" in result.stdout and "Events by CAMEO root" in result.stdout


def test_bad_files_are_named_and_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Germany expelled two Russian diplomats on Monday.\n")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 politique".encode("latin-1"))
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "1 article(s) stored" in result.stdout
    for name in ("empty.txt", "latin1.txt", "blob.txt"):
        assert any(name in line and line.startswith("error:") for line in result.stderr.splitlines()), result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("extract", "-", "--published", "yesterday", input="x").exit_code == 2
    assert run("events", "--db", str(tmp_path / "none.duckdb")).exit_code == 2
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr


@pytest.mark.parametrize("option", [["--modality", "maybe"], ["--root", "4"], ["--quad", "7"], ["--since", "May"]])
def test_bad_event_filters_are_usage_errors(store_with_corpus, option):
    db, _ = store_with_corpus
    result = run("events", "--db", str(db), *option)
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_actors_lists_resolved_actors_with_counts(store_with_corpus):
    db, _ = store_with_corpus
    result = run("actors", "--db", str(db), "--format", "jsonl", "--limit", "5")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert 0 < len(rows) <= 5 and {"code", "name", "mentions", "as_source", "as_target", "example"} <= set(rows[0])
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)


def test_actors_resolve_says_which_table_or_rule_gave_each_actor():
    result = run("actors", "resolve", "Sergei Shoigu met Taliban officials in Moscow.", "--date", "2025-10-01")
    assert result.exit_code == 0, result.output
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.startswith("│")}
    assert "RUSGOV" in lines["Sergei Shoigu"] and "people table" in lines["Sergei Shoigu"]
    assert "AFGGOV" in lines["Taliban"] and "dated organisation table" in lines["Taliban"]


def test_an_article_without_a_published_date_is_said_to_have_none(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Egypt and Sudan signed a water agreement on Monday.\n")
    extracted = run("extract", str(article))
    assert extracted.exit_code == 0, extracted.output
    assert json.loads(extracted.stdout)["published"] is None
    assert "no published date" in extracted.stderr and "undated.txt" in extracted.stderr
    ingested = run("ingest", str(article), "--db", str(tmp_path / "d.duckdb"))
    assert ingested.exit_code == 0 and "1 stored article(s) have no published date" in ingested.stderr
    dated = run("extract", str(article), "--published", "2025-10-01")
    assert "no published date" not in dated.stderr


def test_bench_reports_every_figure_and_stores_every_article():
    result = run("bench", "--articles", "6", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"raw_aps", "pipeline_aps", "store_aps", "ratio_pipeline", "ratio_store", "raw_speedup_2w",
            "speedup_2w", "peak_rss_mb", "articles_stored"} <= set(figures)
    assert figures["articles_stored"] == 6 and figures["articles"] == 6
    assert all(figures[k] > 0 for k in ("raw_aps", "pipeline_aps", "store_aps", "peak_rss_mb"))
    assert "raw spaCy nlp.pipe" in result.stdout


def test_explain_shows_the_parse_actors_pattern_and_modality():
    result = run("explain", "Putin will visit Dushanbe next week.", "--published", "2025-10-01")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "nsubj" in out and "Putin" in out                  # the parse table
    assert re.search(r"mention .*Putin.* → RUSGOV", out)       # the actor and its code
    assert re.search(r"event 036 \[planned\] RUSGOV → TJK", out), out  # modality shown as text
    assert "pattern" in out

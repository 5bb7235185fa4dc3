"""Where and when on real text: the hand-judged tables in fixtures/where_when/ (place
mentions and date expressions from the bundled corpus's sentences, judged by reading the
articles, committed before the resolvers were tuned) scored against the whole pipeline.

A mention counts as right when the pipeline's entity covering it has a place in the
expected country (a date: the expected value at the expected precision); an entity the
model missed counts as wrong. The floors below are the measured accuracy rounded down;
issue 5 asks for a place country accuracy of 0.95.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from dyad.model import Document
from dyad.pipeline import process_raw
from dyad.read import iter_raw_documents

from .conftest import CORPUS

TABLES = Path(__file__).parent / "fixtures" / "where_when"
PLACE_FLOOR = 0.95
DATE_FLOOR = 0.95


def _rows(name: str) -> list[dict]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    errors: list = []
    raws = iter_raw_documents([str(CORPUS)], errors=errors)
    docs = {d.article.source: d for d in process_raw(raws, errors=errors)}
    assert not errors
    return docs


def _in_text(documents, rows: list[dict]) -> list[dict]:
    """The rows whose sentence survives cleaning: a dateline ("Monday, January 25, 2010")
    is page furniture the clean stage removes (it becomes the published date)."""
    kept = [r for r in rows if r["sentence"] in documents[r["url"]].article.text]
    assert len(kept) >= 0.9 * len(rows), "the cleaned corpus lost more than datelines"
    return kept


def _covering(document: Document, row: dict, column: str, types: set[str]):
    """The entity of one of `types` that overlaps the row's phrase, or None."""
    text = document.article.text
    phrase = re.search(rf"(?<!\w){re.escape(row[column])}(?!\w)", row["sentence"])
    assert phrase, f"{row[column]!r} is not a whole phrase of its sentence"
    start = text.index(row["sentence"]) + phrase.start()
    end = start + len(row[column])
    found = [m for m in document.mentions if m.type in types and m.start < end and start < m.end]
    return found[0] if found else None


def place_results(documents) -> list[tuple[dict, str | None]]:
    out = []
    for row in _in_text(documents, _rows("places.tsv")):
        mention = _covering(documents[row["url"]], row, "mention", {"GPE", "LOC", "FAC"})
        place = mention.place if mention else None
        out.append((row, (place.country or "-") if place else None))
    return out


def date_results(documents) -> list[tuple[dict, tuple | None]]:
    out = []
    for row in _in_text(documents, _rows("dates.tsv")):
        mention = _covering(documents[row["url"]], row, "expression", {"DATE"})
        date = mention.date if mention else None
        out.append((row, (date.value, date.precision) if date else None))
    return out


def _accuracy(results, expected) -> float:
    return sum(got == expected(row) for row, got in results) / len(results)


def test_the_tables_are_big_enough_and_span_the_continents():
    places, dates = _rows("places.tsv"), _rows("dates.tsv")
    assert len(places) >= 60 and len(dates) >= 40
    assert len({r["url"] for r in places}) >= 30


def test_place_country_accuracy_is_not_below_its_floor(documents):
    results = place_results(documents)
    accuracy = _accuracy(results, lambda row: row["country"])
    wrong = [f"{row['mention']}: {got} (expected {row['country']})" for row, got in results
             if got != row["country"]]
    print(f"place country accuracy {accuracy:.3f} on {len(results)} mentions; wrong: {wrong}")
    assert accuracy >= PLACE_FLOOR, wrong


def test_date_accuracy_is_not_below_its_floor(documents):
    results = date_results(documents)
    accuracy = _accuracy(results, lambda row: (row["value"], row["precision"]))
    wrong = [f"{row['expression']!r}: {got} (expected {row['value']} {row['precision']})"
             for row, got in results if got != (row["value"], row["precision"])]
    print(f"date accuracy {accuracy:.3f} on {len(results)} expressions; wrong: {wrong}")
    assert accuracy >= DATE_FLOOR, wrong

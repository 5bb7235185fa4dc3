"""Near-duplicate articles: MinHash signatures, and ingest storing a copy as a report."""

from __future__ import annotations

import json

from dyad.dedup import NearDuplicates, signature, to_bytes
from dyad.ingest import ingest
from dyad.store import Store


def _edited_copy(text: str) -> str:
    """A syndicated copy: a dateline, a word changed, an agency tag."""
    return "LONDON (Agency) - " + text.replace(" said ", " told reporters ", 1) + "\n\n(Reporting by the agency.)"


def test_an_edited_copy_is_near_and_another_article_is_not(corpus_records):
    first, other = corpus_records[0]["text"], corpus_records[1]["text"]
    assert signature(first).jaccard(signature(_edited_copy(first))) >= 0.8
    assert signature(first).jaccard(signature(other)) < 0.2


def test_the_index_finds_the_original_and_round_trips_through_bytes(corpus_records):
    texts = [r["text"] for r in corpus_records[:5]]
    index = NearDuplicates(0.8, [(f"a{i}", to_bytes(signature(t))) for i, t in enumerate(texts)])
    original, similarity, _ = index.original_of("new", _edited_copy(texts[3]))
    assert original == "a3" and 0.8 <= similarity < 1.0
    assert index.original_of("new", corpus_records[10]["text"])[0] is None


def test_a_syndicated_copy_is_stored_once_with_a_report_per_outlet(tmp_path, corpus_records, store_target):
    records = corpus_records[:4]
    copy = dict(records[2], text=_edited_copy(records[2]["text"]), outlet="Wire Agency",
                url="https://wire.example/story")
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [*records, copy]) + "\n")
    with Store(store_target) as store:
        first = ingest([str(path)], store=store)
        again = ingest([str(path)], store=store)
        articles = store.con.execute("select count(*) from articles").fetchone()[0]
        reports = store.con.execute(
            "select r.outlet, r.url, r.similarity from reports r join articles a using (doc_id) "
            "where a.url = ? order by r.similarity desc", [records[2]["url"]]).fetchall()
        total_reports = store.con.execute("select count(*) from reports").fetchone()[0]
    assert (first.stored, first.duplicates) == (4, 1)
    assert (again.stored, again.skipped, again.duplicates) == (0, 4, 1)
    assert articles == 4 and total_reports == 5
    assert [r[:2] for r in reports] == [("Wikinews", records[2]["url"]), ("Wire Agency", "https://wire.example/story")]
    assert 0.8 <= reports[1][2] < 1.0

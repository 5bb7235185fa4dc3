"""Stories: events of different articles grouped as one real-world event."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from dyad.cli import app
from dyad.ingest import ingest
from dyad.store import Store, StoryFilter
from dyad.stories import group_events

D = dt.date


def row(event_id, doc, day, country=None, source="RUSMIL", target="UKRMIL", root="19", asserted=True):
    return (event_id, doc, source, target, root, asserted, day, country)


def grouped(rows):
    assignment = group_events(sorted(rows, key=lambda r: (r[2], r[3], r[4], r[5], r[6] is None, r[6] or D.min, r[0])))
    stories: dict[str, list[str]] = {}
    for event_id, story in assignment.items():
        stories.setdefault(story, []).append(event_id)
    return sorted(sorted(events) for events in stories.values())


def test_reports_a_day_apart_are_one_story_and_a_story_spans_at_most_two_days():
    rows = [row("a", "d1", D(2025, 3, 3)), row("b", "d2", D(2025, 3, 4)), row("c", "d3", D(2025, 3, 5)),
            row("d", "d4", D(2025, 3, 9)), row("e", "d5", D(2025, 3, 4))]
    assert grouped(rows) == [["a", "b", "e"], ["c"], ["d"]]


def test_different_actors_roots_standing_or_countries_are_different_stories():
    day = D(2025, 3, 3)
    rows = [row("a", "d1", day, "UKR"), row("b", "d2", day, "POL"),         # places disagree
            row("c", "d3", day, root="18"), row("d", "d4", day, target="UKRGOV"),
            row("e", "d5", day, asserted=False), row("f", "d6", day, None)]  # unknown place joins
    assert grouped(rows) == [["a", "f"], ["b"], ["c"], ["d"], ["e"]]


def test_undated_events_join_only_their_own_article():
    rows = [row("a", "d1", None), row("b", "d1", None), row("c", "d2", None), row("d", "d3", D(2025, 1, 1))]
    assert grouped(rows) == [["a", "b"], ["c"], ["d"]]


def test_two_outlets_reporting_one_attack_make_one_story(tmp_path, store_target):
    articles = [
        {"text": "Russian troops attacked Ukrainian soldiers near Kharkiv on Monday, officials said.",
         "published": "2025-03-04", "outlet": "Outlet A", "url": "https://a.example/1"},
        {"text": "The Russian army attacked Ukrainian troops in the Kharkiv region on Monday.",
         "published": "2025-03-05", "outlet": "Outlet B", "url": "https://b.example/2"},
        {"text": "Kenya accused Somalia of harbouring militants.", "published": "2025-03-04",
         "outlet": "Outlet A", "url": "https://a.example/3"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    db = store_target
    with Store(db) as store:
        report = ingest([str(path)], store=store)
        attack = store.stories(StoryFilter(root="19"))
        everything = store.count_stories()
    assert report.stories == everything == 2
    assert len(attack) == 1
    story = attack[0]
    assert (story["source_code"], story["target_code"], story["num_events"], story["num_articles"],
            story["num_sources"]) == ("RUSMIL", "UKRMIL", 2, 2, 2)
    assert story["first_day"] == D(2025, 3, 3) and story["location_country"] == "UKR"
    listed = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["num_articles"] for line in listed.stdout.splitlines()] == [2, 1]

"""Stories: the events of many articles that are one real-world event.

GDELT counts every report of an event as an event of its own; dyad groups them. Events
are in one story when they have the same source and target actors (country and role),
the same CAMEO root and the same standing (asserted, or not: a planned visit is not the
visit), fall on days no more than a day apart (a story spans at most two calendar days,
so that a daily war is many stories, not one), and their locations do not disagree (same
country, or one of them unknown). An event with no date joins only the events of its own
article that match it.

Each story counts its events (`num_events`: mentions of it in sentences), its articles,
the reports of those articles (`num_reports`: every copy, near-duplicates included) and
their distinct outlets (`num_sources`), as GDELT's NumMentions, NumArticles and
NumSources do, with the first and last day it was reported.

Stories are rebuilt over the whole store after each ingest: a story's id is derived from
its earliest event, so it stays the same as long as that event does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd

MAX_GAP = dt.timedelta(days=1)


@dataclass
class _Story:
    id: str
    key: tuple
    doc_id: str | None  # for an undated story: the article it belongs to
    first_day: dt.date | None
    country: str | None
    events: list[str] = field(default_factory=list)

    def takes(self, key: tuple, doc_id: str, day: dt.date | None, country: str | None) -> bool:
        if key != self.key or (country and self.country and country != self.country):
            return False
        if day is None or self.first_day is None:
            return day is None and self.first_day is None and doc_id == self.doc_id
        return day - self.first_day <= MAX_GAP


def group_events(rows: list[tuple]) -> dict[str, str]:
    """event id -> story id, for rows of (id, doc_id, source, target, root, asserted, day,
    location country) sorted by the key, then day (nulls last), then id."""
    assignment: dict[str, str] = {}
    open_stories: list[_Story] = []  # the stories of the current key, latest first
    current_key = None
    for event_id, doc_id, source, target, root, asserted, day, country in rows:
        key = (source, target, root, asserted)
        if key != current_key:
            open_stories, current_key = [], key
        if day is not None:  # rows come in day order: a story left behind takes nothing more
            open_stories = [s for s in open_stories if s.first_day is None or day - s.first_day <= MAX_GAP]
        # of the stories that can take it, the most reported (the first told, on a tie)
        candidates = [s for s in reversed(open_stories) if s.takes(key, doc_id, day, country)]
        story = max(candidates, key=lambda s: len(s.events)) if candidates else None
        if story is None:
            story_id = hashlib.sha1(event_id.encode()).hexdigest()[:16]
            story = _Story(story_id, key, doc_id if day is None else None, day, country)
            open_stories.insert(0, story)
        story.events.append(event_id)
        story.country = story.country or country
        assignment[event_id] = story.id
    return assignment


STORY_COLUMNS = """
    story_id VARCHAR PRIMARY KEY, source_code VARCHAR, target_code VARCHAR, root VARCHAR,
    code VARCHAR, quad INTEGER, goldstein DOUBLE PRECISION, modality VARCHAR, first_day DATE, last_day DATE,
    location_country VARCHAR, num_events INTEGER, num_articles INTEGER, num_reports INTEGER,
    num_sources INTEGER, first_seen DATE, last_seen DATE, example_event VARCHAR"""

_AGGREGATE = """
INSERT INTO stories
WITH docs AS (SELECT DISTINCT story_id, doc_id FROM events WHERE story_id IS NOT NULL),
seen AS (
    SELECT d.story_id, count(*) AS num_reports,
           count(DISTINCT coalesce(r.outlet, r.source)) AS num_sources,
           min(coalesce(r.published, a.published)) AS first_seen,
           max(coalesce(r.published, a.published)) AS last_seen
    FROM docs d JOIN articles a USING (doc_id) LEFT JOIN reports r USING (doc_id)
    GROUP BY d.story_id)
SELECT e.story_id, min(e.source_code), min(e.target_code), min(e.root),
       mode() WITHIN GROUP (ORDER BY e.code), min(e.quad), avg(e.goldstein),
       mode() WITHIN GROUP (ORDER BY e.modality), min(e.day), max(e.day),
       mode() WITHIN GROUP (ORDER BY e.location_country), count(*), count(DISTINCT e.doc_id),
       greatest(min(s.num_reports), count(DISTINCT e.doc_id)), min(s.num_sources),
       min(s.first_seen), max(s.last_seen), min(e.id)
FROM events e JOIN seen s USING (story_id)
GROUP BY e.story_id
"""


def rebuild_stories(store) -> int:
    """Regroup every stored event into stories; returns how many stories there are."""
    con = store.con
    rows = con.execute(
        "SELECT id, doc_id, source_code, coalesce(target_code, ''), root, modality = 'asserted', day, "
        "location_country FROM events ORDER BY 3, 4, 5, 6, day NULLS LAST, id").fetchall()
    assignment = group_events(rows)
    frame = pd.DataFrame({"id": list(assignment), "story_id": list(assignment.values())})
    con.execute("CREATE TEMP TABLE IF NOT EXISTS story_assignments (id VARCHAR, story_id VARCHAR)")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM story_assignments")
        store.insert("story_assignments", frame)
        con.execute("UPDATE events SET story_id = a.story_id FROM story_assignments a WHERE events.id = a.id")
        con.execute("DELETE FROM stories")
        con.execute(_AGGREGATE)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM stories").fetchall()[0][0]

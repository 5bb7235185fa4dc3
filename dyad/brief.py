"""`dyad brief`: a one-file HTML briefing of the store, readable offline.

Sections: the top stories (most articles, then most events) with their sentence and
the outlets and links of their reports; the dyads that changed most between the first
and the second half of the period; the alerts of a watchlist; a timeline of stories by
quad class; and a map of where the stories happened. Charts are inline SVG (matplotlib,
and the bundled world geometry of `worldmap`), the styles inline: the file makes no
network request. Links to the source articles are the only URLs in it.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any

from dyad import cameo
from dyad.trends import TrendQuery, plot, trends
from dyad.worldmap import svg as world_svg

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:980px;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666}.story{margin:.8rem 0;padding:.5rem .8rem;border-left:4px solid #ccc;background:#fafafa}
.q1{border-color:#4c9be8}.q2{border-color:#1f5fa8}.q3{border-color:#f0a04b}.q4{border-color:#c0392b}
.sentence{font-style:italic}.sources{font-size:.85rem;color:#555}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;font-size:.9rem}
.alert{background:#fff4f2;border-left:4px solid #c0392b;padding:.5rem .8rem;margin:.6rem 0}
svg{max-width:100%;height:auto}
"""


def build_brief(store, *, since: dt.date | None = None, watches: list | None = None,
                top: int = 10) -> str:
    from dyad.alerts import run_watch

    window = _window(store, since)
    stories = _top_stories(store, since, top)
    changed = _changed_dyads(store, window)
    alerts = [a for w in (watches or []) for a in run_watch(store, w, since=since)]
    periods = trends(store, TrendQuery(since=since, by=_grain(window)))
    counts, points = _where(store, since)
    facts = store.con.execute(
        "SELECT count(*), count(DISTINCT doc_id) FROM events" + (" WHERE day >= ?" if since else ""),
        [since] if since else []).fetchall()[0]
    story_count = store.con.execute("SELECT count(*) FROM stories" + (" WHERE last_day >= ?" if since else ""),
                                    [since] if since else []).fetchall()[0][0]
    span = f"{window[0]} to {window[1]}" if window else "no dated events"
    parts = [
        f"<h1>dyad brief</h1><p class='meta'>{span}: {story_count} stories from {facts[0]} events "
        f"in {facts[1]} articles. Generated {dt.date.today().isoformat()}.</p>",
        "<h2>Alerts</h2>" + (_alerts_html(alerts) if watches else "<p class='meta'>No watchlist given "
                                                                    "(dyad brief --watchlist FILE).</p>"),
        "<h2>Top stories</h2>" + "".join(_story_html(store, s) for s in stories),
        "<h2>Most changed dyads</h2>" + _changed_html(changed, window),
        "<h2>Timeline</h2>" + (_timeline_svg(periods, _grain(window)) if periods else "<p>No dated stories.</p>"),
        "<h2>Where</h2><p class='meta'>Countries shaded by stories located in them; dots are "
        "events with coordinates.</p>" + world_svg(counts, points=points, title="Where the stories happened"),
    ]
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>dyad brief</title>"
            f"<style>{STYLE}</style></head><body>" + "".join(parts) + "</body></html>")


def _window(store, since) -> tuple[dt.date, dt.date] | None:
    row = store.con.execute("SELECT min(first_day), max(first_day) FROM stories WHERE first_day IS NOT NULL"
                            + (" AND first_day >= ?" if since else ""), [since] if since else []).fetchall()[0]
    return (row[0], row[1]) if row[0] else None


def _grain(window) -> str:
    if not window:
        return "week"
    days = (window[1] - window[0]).days
    return "day" if days <= 45 else "week" if days <= 730 else "month"


def _top_stories(store, since, top: int) -> list[dict[str, Any]]:
    where = " WHERE s.last_day >= ?" if since else ""
    return store._dicts(
        "SELECT s.*, e.sentence, e.doc_id FROM stories s LEFT JOIN events e ON e.id = s.example_event"
        f"{where} ORDER BY s.num_articles DESC, s.num_events DESC, abs(s.goldstein) DESC, s.story_id "
        f"LIMIT {int(top)}", [since] if since else [])


def _story_html(store, story: dict[str, Any]) -> str:
    reports = store._dicts(
        "SELECT DISTINCT r.outlet, coalesce(r.url, r.source) AS link FROM events e "
        "JOIN reports r USING (doc_id) WHERE e.story_id = ? ORDER BY 1, 2", [story["story_id"]])
    if not reports:  # stores from before reports were kept
        reports = store._dicts("SELECT a.outlet, coalesce(a.url, a.source) AS link FROM articles a "
                               "WHERE a.doc_id = ?", [story["doc_id"]])
    sources = ", ".join(_link(r["link"], r["outlet"] or r["link"]) for r in reports[:8])
    name = cameo.code_info(story["code"]).name
    return (f"<div class='story q{story['quad']}'><b>{html.escape(story['source_code'])} → "
            f"{html.escape(story['target_code'] or '—')}</b>: {story['code']} {html.escape(name)} "
            f"<span class='meta'>({story['first_day'] or 'undated'}; {story['num_articles']} article(s), "
            f"{story['num_events']} event(s), Goldstein {story['goldstein']:+.1f})</span>"
            f"<div class='sentence'>{html.escape(story['sentence'] or '')}</div>"
            f"<div class='sources'>Sources: {sources}</div></div>")


def _link(url: str, text: str) -> str:
    if url.startswith(("http://", "https://")):
        return f"<a href='{html.escape(url, quote=True)}'>{html.escape(text)}</a>"
    return html.escape(text)


def _changed_dyads(store, window) -> list[dict[str, Any]]:
    """Country dyads whose stories changed most between the two halves of the window:
    by the change in their count, then in their mean Goldstein score."""
    if not window:
        return []
    middle = window[0] + (window[1] - window[0]) / 2
    return store._dicts(
        "WITH d AS (SELECT left(source_code, 3) AS a, left(target_code, 3) AS b, first_day < ? AS early, "
        "goldstein FROM stories WHERE target_code IS NOT NULL AND first_day BETWEEN ? AND ? "
        "AND left(source_code, 3) <> left(target_code, 3) "
        "AND left(source_code, 3) NOT IN ('---', 'IGO') AND left(target_code, 3) NOT IN ('---', 'IGO')) "
        "SELECT a, b, sum(CASE WHEN early THEN 1 ELSE 0 END) AS before, "
        "sum(CASE WHEN early THEN 0 ELSE 1 END) AS after, "
        "avg(CASE WHEN early THEN goldstein END) AS goldstein_before, "
        "avg(CASE WHEN early THEN NULL ELSE goldstein END) AS goldstein_after "
        "FROM d GROUP BY a, b "
        "ORDER BY abs(sum(CASE WHEN early THEN 0 ELSE 1 END) - sum(CASE WHEN early THEN 1 ELSE 0 END)) DESC, "
        "a, b LIMIT 8", [middle, window[0], window[1]])


def _changed_html(rows: list[dict[str, Any]], window) -> str:
    if not rows:
        return "<p>No dyads between two countries.</p>"
    middle = window[0] + (window[1] - window[0]) / 2
    head = (f"<p class='meta'>Stories before and after {middle}.</p><table><tr><th>dyad</th>"
            "<th>stories before</th><th>after</th><th>mean Goldstein before</th><th>after</th></tr>")
    cells = "".join(
        f"<tr><td>{html.escape(r['a'])} – {html.escape(r['b'])}</td><td>{r['before']}</td><td>{r['after']}</td>"
        f"<td>{_num(r['goldstein_before'])}</td><td>{_num(r['goldstein_after'])}</td></tr>" for r in rows)
    return head + cells + "</table>"


def _num(value) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _alerts_html(alerts) -> str:
    if not alerts:
        return "<p>No alerts: every watched series stayed within its history.</p>"
    out = []
    for alert in alerts:
        detail = (f"{alert.value} material-conflict stories against a usual {alert.baseline:.1f} "
                  f"(p = {alert.score:.2g})" if alert.kind == "surge" else
                  f"mean Goldstein {alert.value:+.2f} against a usual {alert.baseline:+.2f}")
        examples = "".join(f"<div class='sentence'>{html.escape(s['sentence'] or '')}</div>"
                           for s in alert.stories[:3])
        out.append(f"<div class='alert'><b>{html.escape(alert.watch)}</b>, {alert.period}: "
                   f"{alert.kind}, {detail}{examples}</div>")
    return "".join(out)


def _timeline_svg(periods, by: str) -> str:
    buffer = io.StringIO()
    plot(periods, buffer, by=by, title=f"Stories per {by} by quad class", fmt="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _where(store, since) -> tuple[dict[str, int], list[tuple[float, float, str]]]:
    where = " AND last_day >= ?" if since else ""
    counts = dict(store.con.execute(
        "SELECT location_country, count(*) FROM stories WHERE location_country IS NOT NULL"
        f"{where} GROUP BY 1", [since] if since else []).fetchall())
    points = [(lat, lon, f"{name}: {code} {sentence[:80]}") for lat, lon, name, code, sentence in
              store.con.execute("SELECT lat, lon, location_name, code, sentence FROM events "
                                "WHERE lat IS NOT NULL" + (" AND day >= ?" if since else ""),
                                [since] if since else []).fetchall()]
    return counts, points

"""Trends per period, on a real store: stories and events by quad class, Goldstein sums."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.pipeline import process_text
from dyad.store import Store
from dyad.trends import Period, TrendQuery, period_start, sparkline, trends

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("trends") / "t.duckdb"
    texts = [  # (published, text): Russia and Ukraine over three weeks, one story told twice
        (dt.date(2025, 3, 3), "Russian troops attacked Ukrainian soldiers near Kharkiv."),
        (dt.date(2025, 3, 3), "The Russian army attacked Ukrainian troops near Kharkiv."),
        (dt.date(2025, 3, 12), "Russia praised Ukraine for the prisoner exchange."),
        (dt.date(2025, 3, 25), "Ukraine accused Russia of shelling Kherson."),
    ]
    with Store(path) as store:
        store.write([process_text(t, published=day, source=f"t{i}") for i, (day, t) in enumerate(texts)])
        store.rebuild_stories()
    return path


def test_periods_count_stories_by_default_and_events_on_request(db):
    with Store(db, read_only=True) as store:
        weeks = trends(store, TrendQuery(dyad=("RUS", "UKR"), by="week"))
        events = trends(store, TrendQuery(dyad=("RUS", "UKR"), by="week", count="events"))
        directed = trends(store, TrendQuery(dyad=("UKR", "RUS"), by="week", directed=True))
    assert [p.start for p in weeks] == [dt.date(2025, 3, 3), dt.date(2025, 3, 10), dt.date(2025, 3, 17),
                                        dt.date(2025, 3, 24)]  # the empty week kept
    assert (weeks[0].quads[4], weeks[0].stories, weeks[0].events) == (1, 1, 2)  # one attack, told twice
    assert events[0].quads[4] == 2 and weeks[2].total == 0
    assert weeks[1].quads[1] >= 1 and weeks[1].goldstein_mean > 0
    assert sum(p.total for p in directed) == 1 and directed[-1].quads[3] == 1


@pytest.mark.parametrize("day, by, start", [
    (dt.date(2025, 3, 5), "week", dt.date(2025, 3, 3)), (dt.date(2025, 3, 5), "month", dt.date(2025, 3, 1)),
    (dt.date(2025, 3, 5), "day", dt.date(2025, 3, 5))])
def test_period_starts(day, by, start):
    assert period_start(day, by) == start


def test_sparkline_scales_and_leaves_gaps():
    assert sparkline([0, 4, 8, None]) == "▁▄█ "
    assert Period(dt.date(2025, 1, 1)).goldstein_mean is None


def test_the_command_prints_a_table_and_draws_the_chart(db, tmp_path):
    chart = tmp_path / "rus-ukr.png"
    result = runner.invoke(app, ["trends", "--db", str(db), "--dyad", "RUS:UKR", "--by", "week",
                                 "--plot", str(chart)])
    assert result.exit_code == 0, result.output
    assert "RUS:UKR: stories per week" in result.stdout and "material conflict" in result.stdout
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000
    svg = tmp_path / "c.svg"
    runner.invoke(app, ["trends", "--db", str(db), "--country", "UKR", "--plot", str(svg)])
    assert svg.read_text().lstrip().startswith("<?xml")
    assert runner.invoke(app, ["trends", "--db", str(db), "--dyad", "RUS"]).exit_code == 2

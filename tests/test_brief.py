"""`dyad brief`: the one-file HTML briefing, on a real store built from the bundled corpus."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.ingest import ingest
from dyad.store import Store
from dyad.worldmap import country_paths, svg

from .conftest import CORPUS


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief")
    db = folder / "b.duckdb"
    with Store(db) as store:
        ingest([str(CORPUS)], store=store)
    watchlist = folder / "watch.toml"
    watchlist.write_text('[[watch]]\nname = "United States"\ncountry = "USA"\nby = "month"\n')
    out = folder / "brief.html"
    result = CliRunner().invoke(app, ["brief", "--db", str(db), "--watchlist", str(watchlist), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_brief_has_every_section(page):
    assert [h for h in re.findall(r"<h2>([^<]+)</h2>", page)] == [
        "Alerts", "Top stories", "Most changed dyads", "Timeline", "Where"]
    assert page.count("class='story") == 10
    assert "Sources: <a href='https://en.wikinews.org/" in page


def test_the_brief_makes_no_network_request(page):
    assert not re.search(r"<script|<link|<img|@import|url\((?!#)", page)  # url(#clip) is internal
    urls = set(re.findall(r"(?:href|src)=['\"]([^'\"]+)", page))
    assert urls and all(u.startswith("https://en.wikinews.org/") or u.startswith("#") for u in urls)


def test_the_charts_are_inline_svg(page):
    charts = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(charts) >= 2
    for chart in charts:
        ElementTree.fromstring(chart)  # well-formed
    assert 'data-country="USA"' in page and "<circle" in page


def test_the_world_geometry_covers_the_countries():
    paths = country_paths()
    assert len(paths) >= 170 and {"RUS", "TJK", "USA", "BRA", "NGA", "AUS", "FRA"} <= set(paths)
    shaded = svg({"TJK": 5, "RUS": 1}, points=[(38.5, 68.8, "Dushanbe")])
    assert 'cx="663.5" cy="137.3"' in shaded  # 68.8E 38.5N, equirectangular at 960 x 480

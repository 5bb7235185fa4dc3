"""Early-warning alerts: the tests on synthetic series whose answer is known, the
watchlist's errors, and a surge found in a real store."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from typer.testing import CliRunner

from dyad.alerts import drops, load_watchlist, poisson_tail, surges
from dyad.cli import app
from dyad.errors import ConfigError
from dyad.pipeline import process_text
from dyad.store import Store

DEFAULTS = {"baseline": 8, "alpha": 0.01, "min_count": 3, "rate_floor": 0.5}


def test_poisson_tail():
    assert poisson_tail(0, 2.0) == 1.0
    assert poisson_tail(1, 1.0) == pytest.approx(1 - math.exp(-1))
    assert poisson_tail(3, 0.5) == pytest.approx(1 - math.exp(-0.5) * (1 + 0.5 + 0.125))


@pytest.mark.parametrize("counts, flagged", [
    ([2, 1, 3, 2, 2, 1, 2, 3, 12], [8]),          # a surge after a steady history
    ([2] * 12, []),                                 # steady: nothing
    ([2, 1, 3, 2, 2, 1, 2, 3, 5], []),              # high, but within what a rate of 2 gives
    ([0] * 8 + [2], []),                            # under min_count
    ([0] * 8 + [3], []),                            # the rate floor keeps 3 from a quiet start
    ([0] * 8 + [4], [8]),
    ([5, 5, 5, 5, 5, 5, 5, 5, 30, 5, 5], [8]),     # only the surge, not the periods after it
])
def test_surges_against_a_poisson_baseline(counts, flagged):
    assert [i for i, *_ in surges(counts, **DEFAULTS)] == flagged


def test_a_surge_reports_its_rate_p_value_and_z():
    (index, rate, p, z), = surges([2, 1, 3, 2, 2, 1, 2, 3, 12], **DEFAULTS)
    assert rate == 2.0 and p < 1e-5 and z == pytest.approx((12 - 2) / math.sqrt(2))


@pytest.mark.parametrize("means, totals, flagged", [
    ([2, 2.5, 1.5, 2, 2, 2, 2, 2, -4], [5] * 9, [8]),
    ([2, 2.5, 1.5, 2, 2, 2, 2, 2, -0.5], [5] * 9, []),   # a fall of 2.5: under 3
    ([2, 2.5, 1.5, 2, 2, 2, 2, 2, -4], [5] * 8 + [2], []),  # too few stories to say
    ([None] * 4 + [1, 1, 1, 1, -5], [0] * 4 + [4] * 5, [8]),  # empty periods are no history
])
def test_drops_in_mean_goldstein(means, totals, flagged):
    found = drops(means, totals, baseline=8, min_count=3, goldstein_drop=3.0)
    assert [i for i, *_ in found] == flagged


@pytest.mark.parametrize("text, message", [
    ('[[watch]]\nname = "x"\n', "give one of dyad, country or region"),
    ('[[watch]]\nname = "x"\ndyad = "RUS"\n', "dyad is A:B"),
    ('[[watch]]\nname = "x"\nregion = "Atlantis"\n', "no region 'Atlantis'"),
    ('[[watch]]\nname = "x"\ncountry = "RUS"\nthreshold = 2\n', "unknown setting(s) threshold"),
    ('[defaults]\nby = "week"\n', "no [[watch]] entries"),
    ('[[watch]\n', "not a readable TOML watchlist"),
])
def test_watchlist_mistakes_name_the_file(tmp_path, text, message):
    path = tmp_path / "watch.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        load_watchlist(path)


def test_a_region_watch_covers_its_countries(tmp_path):
    path = tmp_path / "watch.toml"
    path.write_text('[defaults]\nby = "month"\n\n[[watch]]\nname = "Sahel"\nregion = "Sahel"\nroot = "19"\n')
    watch, = load_watchlist(path)
    query = watch.query()
    assert watch.by == "month" and "MLI" in query.countries and query.root == "19"


@pytest.fixture(scope="module")
def surge_store(tmp_path_factory):
    """Eight weeks with one Russian attack each, then a week with eight."""
    path = tmp_path_factory.mktemp("alerts") / "a.duckdb"
    start = dt.date(2025, 1, 6)  # a Monday
    texts = [(start + dt.timedelta(weeks=w, days=2), "Russian troops attacked Ukrainian soldiers near Kharkiv.")
             for w in range(8)]
    surge = start + dt.timedelta(weeks=8)
    for day in (0, 2, 4, 6):
        for target in ("soldiers near Kharkiv", "civilians near Kherson"):
            texts.append((surge + dt.timedelta(days=day), f"Russian troops attacked Ukrainian {target}."))
    with Store(path) as store:
        store.write([process_text(f"{t}\n\nReport {i}.", published=d, source=f"s{i}")
                     for i, (d, t) in enumerate(texts)])
        store.rebuild_stories()
    return path, surge


def test_a_surge_in_a_real_store_is_flagged_with_its_stories(surge_store, tmp_path):
    db, surge = surge_store
    watchlist = tmp_path / "watch.toml"
    watchlist.write_text('[[watch]]\nname = "Russia and Ukraine"\ndyad = "RUS:UKR"\n')
    result = CliRunner().invoke(app, ["alerts", "--watchlist", str(watchlist), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["watch"], a["kind"], a["period"]) for a in alerts] == [("Russia and Ukraine", "surge", surge.isoformat())]
    assert alerts[0]["value"] == 8 and alerts[0]["baseline"] == 1.0
    assert len(alerts[0]["stories"]) == 5 and all(s["code"].startswith("19") for s in alerts[0]["stories"])
    quiet = CliRunner().invoke(app, ["alerts", "--watchlist", str(watchlist), "--db", str(db),
                                     "--until", (surge - dt.timedelta(days=1)).isoformat()])
    assert "no alerts" in quiet.stdout

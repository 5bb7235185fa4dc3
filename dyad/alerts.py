"""Early warning: flag the periods where a watched series leaves its own history.

A watchlist (TOML) names what to watch: a dyad ("RUS:UKR"), a country, or a region of
`data/regions.tsv` ("Sahel"), optionally narrowed to one CAMEO root. For each watch the
series are built per period (`by`: day, week or month) from stories (see `trends`), and
two tests run on every period that has `baseline` periods of history before it:

surge   the count of material-conflict stories (quad class 4; or of stories of `root`
        when the watch names one) is improbably high for a Poisson process whose rate is
        the mean of the baseline periods: P(X >= count) < `alpha`, with at least
        `min_count` stories. The rate has a floor of `rate_floor`, so that a quiet
        history does not turn two stories into an alert. The z-score (count - rate) /
        sqrt(rate) is reported beside the p-value.
drop    the mean Goldstein score of the period's stories is lower than the mean of the
        baseline periods' means by more than `goldstein_drop`, with at least `min_count`
        stories in the period.

Each alert carries the stories of its period that caused it. Defaults (overridable in
the watchlist's [defaults] and per watch): by = "week", baseline = 8, alpha = 0.01,
min_count = 3, rate_floor = 0.5, goldstein_drop = 3.0.

    [defaults]
    by = "week"

    [[watch]]
    name = "Russia and Ukraine"
    dyad = "RUS:UKR"

    [[watch]]
    name = "Violence in the Sahel"
    region = "Sahel"
    root = "19"
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from dyad.errors import ConfigError
from dyad.places import region_countries
from dyad.trends import PERIODS, Period, TrendQuery, next_period, trends


@dataclass
class Watch:
    name: str
    dyad: tuple[str, str] | None = None
    country: str | None = None
    region: str | None = None
    root: str | None = None
    by: str = "week"
    baseline: int = 8
    alpha: float = 0.01
    min_count: int = 3
    rate_floor: float = 0.5
    goldstein_drop: float = 3.0

    def query(self, since=None, until=None) -> TrendQuery:
        countries = region_countries(self.region) if self.region else None
        return TrendQuery(dyad=self.dyad, country=self.country, countries=countries, root=self.root,
                          by=self.by, since=since, until=until)


@dataclass
class Alert:
    watch: str
    kind: str  # "surge" or "drop"
    period: str
    value: float
    baseline: float
    score: float  # surge: the p-value; drop: the fall in mean Goldstein
    z: float | None = None
    stories: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"watch": self.watch, "kind": self.kind, "period": self.period, "value": self.value,
                "baseline": round(self.baseline, 3), "score": self.score,
                "z": None if self.z is None else round(self.z, 2), "stories": self.stories}


def load_watchlist(path: Path) -> list[Watch]:
    """The watches of a TOML watchlist; a mistake in it is a ConfigError naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not a readable TOML watchlist ({err})") from err
    defaults = data.get("defaults", {})
    watches = []
    for number, item in enumerate(data.get("watch", []), 1):
        merged = {**defaults, **item}
        unknown = set(merged) - {f.name for f in fields(Watch)}
        if unknown:
            raise ConfigError(f"{path}: watch {number}: unknown setting(s) {', '.join(sorted(unknown))}")
        if not merged.get("name"):
            raise ConfigError(f"{path}: watch {number} has no name")
        if sum(bool(merged.get(k)) for k in ("dyad", "country", "region")) != 1:
            raise ConfigError(f"{path}: watch {merged['name']!r}: give one of dyad, country or region")
        if merged.get("dyad"):
            pair = tuple(str(merged["dyad"]).split(":"))
            if len(pair) != 2 or not all(pair):
                raise ConfigError(f"{path}: watch {merged['name']!r}: dyad is A:B, e.g. RUS:UKR")
            merged["dyad"] = pair
        if merged.get("region") and region_countries(merged["region"]) is None:
            raise ConfigError(f"{path}: watch {merged['name']!r}: no region {merged['region']!r} "
                              "(see dyad/data/regions.tsv)")
        if merged.get("by", "week") not in PERIODS:
            raise ConfigError(f"{path}: watch {merged['name']!r}: by is day, week or month")
        watches.append(Watch(**merged))
    if not watches:
        raise ConfigError(f"{path}: no [[watch]] entries")
    return watches


def poisson_tail(count: int, rate: float) -> float:
    """P(X >= count) for X ~ Poisson(rate)."""
    if count <= 0:
        return 1.0
    term = math.exp(-rate)  # P(X = 0)
    below = term
    for k in range(1, count):
        term *= rate / k
        below += term
    return max(0.0, 1.0 - below)


def surges(counts: list[int], *, baseline: int, alpha: float, min_count: int,
           rate_floor: float) -> list[tuple[int, float, float, float]]:
    """(index, rate, p-value, z) of each period whose count is a surge over the mean of the
    `baseline` periods before it."""
    found = []
    for i in range(baseline, len(counts)):
        rate = max(sum(counts[i - baseline:i]) / baseline, rate_floor)
        p = poisson_tail(counts[i], rate)
        if counts[i] >= min_count and p < alpha:
            found.append((i, rate, p, (counts[i] - rate) / math.sqrt(rate)))
    return found


def drops(means: list[float | None], totals: list[int], *, baseline: int, min_count: int,
          goldstein_drop: float) -> list[tuple[int, float, float]]:
    """(index, baseline mean, fall) of each period whose mean Goldstein falls more than
    `goldstein_drop` below the mean of the baseline periods that have stories."""
    found = []
    for i in range(baseline, len(means)):
        history = [m for m in means[i - baseline:i] if m is not None]
        if means[i] is None or totals[i] < min_count or not history:
            continue
        usual = sum(history) / len(history)
        if usual - means[i] > goldstein_drop:
            found.append((i, usual, usual - means[i]))
    return found


def run_watch(store, watch: Watch, *, since=None, until=None, examples: int = 5) -> list[Alert]:
    periods = trends(store, watch.query(until=until))
    counts = [p.total if watch.root else p.quads[4] for p in periods]
    alerts = [Alert(watch.name, "surge", periods[i].start.isoformat(), counts[i], rate, p, z)
              for i, rate, p, z in surges(counts, baseline=watch.baseline, alpha=watch.alpha,
                                          min_count=watch.min_count, rate_floor=watch.rate_floor)]
    alerts += [Alert(watch.name, "drop", periods[i].start.isoformat(), round(periods[i].goldstein_mean, 3),
                     usual, round(fall, 3))
               for i, usual, fall in drops([p.goldstein_mean for p in periods], [p.total for p in periods],
                                           baseline=watch.baseline, min_count=watch.min_count,
                                           goldstein_drop=watch.goldstein_drop)]
    if since is not None:
        alerts = [a for a in alerts if a.period >= since.isoformat()]
    by_start = {p.start.isoformat(): p for p in periods}
    for alert in alerts:
        alert.stories = _stories_of(store, watch, by_start[alert.period], alert.kind, examples)
    return sorted(alerts, key=lambda a: (a.period, a.kind))


def _stories_of(store, watch: Watch, period: Period, kind: str, limit: int) -> list[dict[str, Any]]:
    """The period's stories behind an alert: its material-conflict (or root) stories for a
    surge, its most hostile stories for a drop."""
    query = watch.query(since=period.start, until=next_period(period.start, watch.by) - dt.timedelta(days=1))
    clause, params = query.where("first_day", prefix="s.")
    if kind == "surge" and not watch.root:
        clause += " AND s.quad = 4"
    return store._dicts(
        "SELECT s.story_id, s.first_day, s.source_code, s.code, s.target_code, s.num_articles, "
        f"s.goldstein, e.sentence FROM stories s LEFT JOIN events e ON e.id = s.example_event{clause} "
        f"ORDER BY s.goldstein, s.num_articles DESC, s.story_id LIMIT {int(limit)}", params)


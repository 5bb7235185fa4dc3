"""Trends: how a dyad's or a country's relations move, period by period.

For each day, week or month: the number of stories (or, on request, of events) in each
quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict), and the sum and mean of their Goldstein scores. Stories are counted by
default, so that an event told by fifty outlets counts once; a story falls in the period
of its first day. A dyad "RUS:TJK" is both directions unless `directed`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PERIODS = ("day", "week", "month")
SPARK = "▁▂▃▄▅▆▇█"


@dataclass
class TrendQuery:
    dyad: tuple[str, str] | None = None  # (country or actor prefix, country or actor prefix)
    country: str | None = None
    countries: tuple[str, ...] | None = None  # any of these (a region's members)
    root: str | None = None
    by: str = "week"
    since: dt.date | None = None
    until: dt.date | None = None
    directed: bool = False
    count: str = "stories"  # or "events"

    def where(self, day: str, prefix: str = "") -> tuple[str, list]:
        """WHERE clause over the stories or events table (`prefix`: its alias and a dot);
        `day` names the date column."""
        source, target = f"{prefix}source_code", f"{prefix}target_code"
        clauses, params = [f"{prefix}{day} IS NOT NULL"], []
        if self.dyad:
            a, b = (side.upper() for side in self.dyad)
            pair = f"({source} LIKE ? AND {target} LIKE ?)"
            clauses.append(pair if self.directed else f"({pair} OR {pair})")
            params += [a + "%", b + "%"] if self.directed else [a + "%", b + "%", b + "%", a + "%"]
        if self.country:
            clauses.append(f"(left({source}, 3) = ? OR left({target}, 3) = ?)")
            params += [self.country.upper()] * 2
        if self.countries:
            marks = ", ".join("?" for _ in self.countries)
            clauses.append(f"(left({source}, 3) IN ({marks}) OR left({target}, 3) IN ({marks}))")
            params += [*self.countries, *self.countries]
        if self.root:
            clauses.append(f"{prefix}root = ?")
            params.append(self.root)
        if self.since:
            clauses.append(f"{prefix}{day} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{prefix}{day} <= ?")
            params.append(self.until)
        return " WHERE " + " AND ".join(clauses), params


@dataclass
class Period:
    start: dt.date
    quads: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0
    stories: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return sum(self.quads.values())

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"period": self.start.isoformat(), "stories": self.stories, "events": self.events,
                "quad1": self.quads[1], "quad2": self.quads[2], "quad3": self.quads[3],
                "quad4": self.quads[4], "goldstein_sum": round(self.goldstein_sum, 2),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3)}


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())  # weeks start on Monday
    return day.replace(day=1)


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def trends(store, query: TrendQuery) -> list[Period]:
    """Every period from the first to the last with data (empty ones included, so that a
    series has no gaps), oldest first."""
    if query.by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}")
    story_clause, story_params = query.where("first_day")
    event_clause, event_params = query.where("day")
    stories = store.con.execute(
        f"SELECT first_day, quad, goldstein, num_events FROM stories{story_clause}", story_params).fetchall()
    events = store.con.execute(
        f"SELECT day, quad, goldstein FROM events{event_clause}", event_params).fetchall()
    periods: dict[dt.date, Period] = {}

    def period(day: dt.date) -> Period:
        start = period_start(day, query.by)
        return periods.setdefault(start, Period(start))

    counted = stories if query.count == "stories" else events
    for day, quad, goldstein, *_ in counted:
        p = period(day)
        p.quads[quad] += 1
        p.goldstein_sum += goldstein or 0.0
    for day, *_ in stories:
        period(day).stories += 1
    for day, *_ in events:
        period(day).events += 1
    if not periods:
        return []
    start, last = min(periods), max(periods)
    out = []
    while start <= last:
        out.append(periods.get(start) or Period(start))
        start = next_period(start, query.by)
    return out


def sparkline(values: list[float | None]) -> str:
    """One character per value, higher blocks for higher values; a blank for no value."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = (high - low) or 1
    return "".join(" " if v is None else SPARK[int((v - low) / span * (len(SPARK) - 1))] for v in values)


def plot(periods: list[Period], path, *, by: str, title: str, fmt: str | None = None) -> None:
    """A stacked bar chart of the counts by quad class with the mean Goldstein score on a
    second axis, as PNG or SVG by the file's suffix (or `fmt`, for a file object)."""
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    x = [p.start for p in periods]
    width = {"day": 0.8, "week": 5.5, "month": 24}[by]  # bar widths in days
    fig, ax = plt.subplots(figsize=(10, 4.5))
    bottom = [0] * len(periods)
    colours = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c0392b"}
    names = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
             4: "material conflict"}
    for quad in (1, 2, 3, 4):
        heights = [p.quads[quad] for p in periods]
        ax.bar(x, heights, width=width, bottom=bottom, color=colours[quad], label=names[quad])
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_ylabel("count")
    ax.set_title(title)
    second = ax.twinx()
    second.plot(x, [p.goldstein_mean for p in periods], color="black", marker="o", linewidth=1,
                label="mean Goldstein")
    second.set_ylabel("mean Goldstein")
    second.set_ylim(-10, 10)
    ax.legend(loc="upper left", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, format=fmt)
    plt.close(fig)


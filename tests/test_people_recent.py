"""dyad/data/people_recent.tsv (political figures in office since 2015): the file's
format, and spot checks through `actor_tables.person` on the rebuilt people table."""

from __future__ import annotations

import collections
import csv
import datetime as dt
from pathlib import Path

import pytest

from dyad import actor_tables as at

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "dyad" / "data"
D = dt.date

COLUMNS = ["table", "alias", "code", "kind", "name", "start", "end", "note", "office", "as_of"]
# the roles the file uses (CAMEO: a defence minister is GOV, an intelligence chief SPY)
ROLES = {"GOV", "MIL", "SPY", "COP", "LEG", "OPP", "JUD", "REB", "UAF", "SEP"}


def table(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def lines(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for the entries of an extras-format file."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "table":
            assert cols == COLUMNS, f"{path.name}:{n}: header"
            continue
        out.append((n, dict(zip(COLUMNS, cols + [""] * (len(COLUMNS) - len(cols))))))
    return out


@pytest.fixture(scope="module")
def recent() -> list[tuple[int, dict[str, str]]]:
    return lines(DATA / "people_recent.tsv")


def aliases(row: dict[str, str]) -> list[str]:
    return row["alias"].split("|")


# ---- the file --------------------------------------------------------------------------------

def test_lines_parse(recent):
    countries = {r["iso3"] for r in table("countries.tsv")}
    org_codes = {r["code"] for r in table("igos.tsv")}
    assert len(recent) >= 1500
    for n, row in recent:
        where = f"people_recent.tsv:{n}"
        raw = (DATA / "people_recent.tsv").read_text(encoding="utf-8").splitlines()[n - 1]
        assert len(raw.split("\t")) == len(COLUMNS), where
        assert row["table"] == "people" and row["kind"] == "", where
        assert row["name"] and row["note"], where
        code = row["code"]
        assert code in org_codes or (code[:3] in countries and code[3:] in ROLES), where
        start = dt.date.fromisoformat(row["start"])
        assert D(1940, 1, 1) < start < D(2027, 1, 1), where
        if row["end"]:
            assert start <= dt.date.fromisoformat(row["end"]), where
        if "approximate" in row["note"]:  # an approximate date is the first of its month
            assert row["start"].endswith("-01") or row["end"].endswith("-01"), where


def test_aliases_are_full_names(recent):
    for n, row in recent:
        for alias in aliases(row):
            assert alias == at.normalise(alias) and alias == alias.lower(), (n, alias)
            # a surname alone is no alias; a person known by one name is ("Prachanda")
            assert len(alias.split()) >= 2 or alias == at.normalise(row["name"]), \
                f"people_recent.tsv:{n}: one-word alias {alias!r}"


def test_an_alias_names_one_person_and_a_person_is_listed_once():
    recent = lines(DATA / "people_recent.tsv")
    extra = [(n, r) for n, r in lines(DATA / "actors_extra.tsv") if r["table"] == "people"]
    owner: dict[str, str] = {}
    for n, row in recent + extra:
        for alias in aliases(row):
            key = at.fold(at.normalise(alias))
            assert owner.setdefault(key, row["name"]) == row["name"], (n, alias)
    recent_names = {r["name"] for _, r in recent}
    assert not recent_names & {r["name"] for _, r in extra}
    # one person's lines all list the same aliases
    by_name = collections.defaultdict(set)
    for _, row in recent:
        by_name[row["name"]].add(row["alias"])
    assert all(len(v) == 1 for v in by_name.values())


def test_breadth(recent):
    countries = {row["code"][:3] for _, row in recent if not row["code"].startswith(("IGO", "IMG"))}
    assert len(countries) >= 180
    roles = collections.Counter(row["code"][3:6] for _, row in recent
                                if not row["code"].startswith(("IGO", "IMG")))
    for role in ("GOV", "MIL", "SPY", "LEG", "OPP", "REB"):
        assert roles[role] > 0, role
    assert sum(row["code"].startswith("IGO") for _, row in recent) >= 80


def test_merged_into_people_table(recent):
    built = collections.defaultdict(set)
    for r in table("people.tsv"):
        if r["source"].startswith("dyad:people_recent:"):
            built[int(r["source"].rsplit(":", 1)[1])].add((r["alias"], r["code"], r["start"],
                                                           r["end"]))
    assert set(built) == {n for n, _ in recent}
    for n, row in recent:
        for alias in aliases(row):
            assert (at.normalise(alias), row["code"], row["start"], row["end"]) in built[n], n


# ---- spot checks through person() ----------------------------------------------------------

def in_force(name: str, on: dt.date) -> at.PersonMatch:
    """The role `person` finds for `name` on `on`, checked to be in force that day."""
    match = at.person(name, on)
    assert match is not None, name
    assert match.start and match.start <= on and (match.end is None or on <= match.end), (
        name, on, match)
    return match


@pytest.mark.parametrize("name, on, code, start", [
    # UK prime ministers 2016-2024
    ("David Cameron", D(2016, 3, 1), "GBRGOV", D(2010, 5, 11)),
    ("Theresa May", D(2017, 6, 8), "GBRGOV", D(2016, 7, 13)),
    ("Boris Johnson", D(2017, 6, 8), "GBRGOV", D(2016, 7, 13)),  # then Foreign Secretary
    ("Boris Johnson", D(2020, 3, 1), "GBRGOV", D(2019, 7, 24)),
    ("Liz Truss", D(2022, 10, 1), "GBRGOV", D(2022, 9, 6)),
    ("Rishi Sunak", D(2023, 6, 1), "GBRGOV", D(2022, 10, 25)),
    ("Keir Starmer", D(2024, 8, 1), "GBRGOV", D(2024, 7, 5)),
    # US presidents and vice presidents
    ("Donald Trump", D(2017, 6, 1), "USAGOV", D(2017, 1, 20)),
    ("Joe Biden", D(2021, 6, 1), "USAGOV", D(2021, 1, 20)),
    ("Donald J. Trump", D(2025, 6, 1), "USAGOV", D(2025, 1, 20)),
    ("Mike Pence", D(2018, 1, 1), "USAGOV", D(2017, 1, 20)),
    ("JD Vance", D(2025, 6, 1), "USAGOV", D(2025, 1, 20)),
    # Kazakhstan's presidency in 2019
    ("Nursultan Nazarbayev", D(2018, 6, 1), "KAZGOV", D(1990, 4, 24)),
    ("Kassym-Jomart Tokayev", D(2019, 6, 1), "KAZGOV", D(2019, 3, 20)),
    # the UN secretary-general in 2017 and NATO's in October 2024
    ("Ban Ki-moon", D(2016, 6, 1), "IGOUNO", D(2007, 1, 1)),
    ("António Guterres", D(2017, 6, 1), "IGOUNO", D(2017, 1, 1)),
    ("Jens Stoltenberg", D(2024, 9, 1), "IGOWSTNAT", D(2014, 10, 1)),
    ("Mark Rutte", D(2024, 11, 1), "IGOWSTNAT", D(2024, 10, 1)),
    # spelling variants, moves between offices, armed groups
    ("Recep Tayyip Erdogan", D(2016, 7, 15), "TURGOV", D(2014, 8, 28)),
    ("Nikolay Patrushev", D(2020, 1, 1), "RUSGOV", D(2008, 5, 12)),
    ("Abu Mohammad al-Julani", D(2020, 1, 1), "SYRREB", D(2017, 1, 28)),
    ("Ahmed al-Sharaa", D(2025, 2, 1), "SYRGOV", D(2024, 12, 8)),
    ("Ahmed al-Sharaa", D(2025, 6, 1), "SYRGOV", D(2025, 3, 29)),  # then heads the government too
    ("Hibatullah Akhundzada", D(2019, 1, 1), "AFGREB", D(2016, 5, 25)),
    ("Hibatullah Akhundzada", D(2023, 1, 1), "AFGGOV", D(2021, 8, 15)),
    ("Naim Qassem", D(2025, 1, 1), "LBNREB", D(2024, 10, 29)),
    ("Yahya Sinwar", D(2020, 1, 1), "PSEREB", D(2017, 2, 13)),  # PSEREBHMS
    ("David Barnea", D(2022, 1, 1), "ISRSPY", D(2021, 6, 1)),
    ("Kyrylo Budanov", D(2023, 1, 1), "UKRSPY", D(2020, 8, 5)),
    ("Yevgeny Prigozhin", D(2022, 6, 1), "RUSUAF", D(2014, 1, 1)),
])
def test_role_in_force(name, on, code, start):
    match = in_force(name, on)
    assert (match.code, match.start) == (code, start)


def test_shoigu_before_and_after_may_2024():
    assert in_force("Sergei Shoigu", D(2023, 1, 1)).end == D(2024, 5, 12)
    assert in_force("Sergey Shoygu", D(2024, 6, 1)).start == D(2024, 5, 12)
    assert in_force("Andrei Belousov", D(2024, 6, 1)).start == D(2024, 5, 14)


def test_nazarbayev_after_2019_chairs_the_security_council():
    match = in_force("Nursultan Nazarbayev", D(2020, 6, 1))
    assert (match.code, match.start, match.end) == ("KAZGOV", D(2019, 3, 20), D(2022, 1, 5))


def test_left_office():
    # after leaving office the last role is returned, but it is no longer in force
    for name, on in [("Sheikh Hasina", D(2025, 1, 1)), ("Bashar al-Assad", D(2025, 1, 1)),
                     ("Theresa May", D(2020, 1, 1))]:
        match = at.person(name, on)
        assert match.end and match.end < on, name


def test_surname_alone_is_not_a_person():
    for surname in ("Erdogan", "Tokayev", "Shmyhal", "Sharaa", "Barnea", "Milei"):
        assert at.person(surname, D(2024, 1, 1)) is None, surname

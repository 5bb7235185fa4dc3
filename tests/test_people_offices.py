"""What office a person holds, and how fresh the record is: the `office` and `as_of` columns
of dyad/data/people.tsv (generated from people_recent.tsv and the people lines of
actors_extra.tsv; see dyad/data/ACTORS.md). Checks the real tables: every UN member state
has a head of state and a head of government on 2025-10-01; every row says where it comes
from and when it was last checked; and dated lookups find the office in force."""

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
ON = D(2025, 10, 1)

# The office vocabulary documented in dyad/data/ACTORS.md (and enforced by the converter).
OFFICES = ("head_of_state", "head_of_government", "deputy_head", "foreign_minister",
           "defence_minister", "interior_minister", "minister", "security_chief",
           "military_chief", "intelligence_chief", "police_chief", "legislature", "judiciary",
           "opposition", "party_leader", "diplomat", "spokesperson", "igo_official",
           "armed_group_leader", "other")


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


PEOPLE = read("people.tsv")
MEMBERS = {r["iso3"]: r["name"] for r in read("un_states.tsv") if r["status"] == "member"}


def offices(row: dict[str, str]) -> set[str]:
    return set(row["office"].split("|")) if row["office"] else set()


def in_force(row: dict[str, str], day: dt.date) -> bool:
    return (bool(row["start"]) and D.fromisoformat(row["start"]) <= day
            and (not row["end"] or day <= D.fromisoformat(row["end"])))


# ---- coverage --------------------------------------------------------------------------------

@pytest.mark.parametrize("office", ["head_of_state", "head_of_government"])
def test_every_un_member_has_a_head_of_state_and_of_government(office):
    holders = collections.defaultdict(set)
    for row in PEOPLE:
        if office in offices(row) and in_force(row, ON):
            holders[row["country"]].add(row["name"])
    assert len(MEMBERS) == 193
    missing = sorted(f"{iso3} ({name})" for iso3, name in MEMBERS.items() if not holders[iso3])
    assert not missing, f"no {office} valid on {ON}: {', '.join(missing)}"


def test_heads_that_the_tables_must_know():
    # one head a state, as of 2025-10-01, where the office is easily mistaken
    heads = collections.defaultdict(set)
    for row in PEOPLE:
        if in_force(row, ON):
            for office in offices(row) & {"head_of_state", "head_of_government"}:
                heads[row["country"], office].add(row["name"])
    assert "Donald Trump" in heads["USA", "head_of_government"]  # a president heads both
    assert "Ali Khamenei" in heads["IRN", "head_of_state"]
    assert "Masoud Pezeshkian" in heads["IRN", "head_of_government"]
    assert "Masoud Pezeshkian" not in heads["IRN", "head_of_state"]
    assert "Mary Simon" in heads["CAN", "head_of_state"]  # Governor-General for the monarch
    assert "Charles III" in heads["GBR", "head_of_state"]
    assert "Sushila Karki" in heads["NPL", "head_of_government"]  # interim, September 2025
    assert "Muhammad Yunus" in heads["BGD", "head_of_government"]  # Chief Adviser
    assert "Ahmed al-Sharaa" in heads["SYR", "head_of_state"]
    assert "Karin Keller-Sutter" in heads["CHE", "head_of_state"]
    assert "Josep-Lluís Serrano Pentinat" in heads["AND", "head_of_state"]
    assert heads["BIH", "head_of_state"] == {"Željko Komšić", "Denis Bećirović",
                                              "Željka Cvijanović"}
    # a prime minister under an executive president is a deputy, not the head of government
    assert "Kim Min-seok" not in heads["KOR", "head_of_government"]


# ---- the columns -------------------------------------------------------------------------

def test_every_row_has_a_source_and_an_as_of_date():
    assert list(PEOPLE[0])[-3:] == ["source", "office", "as_of"]
    for n, row in enumerate(PEOPLE, 2):
        assert row["source"].split(":")[0] in ("phoenix", "dyad"), f"people.tsv:{n}"
        as_of = D.fromisoformat(row["as_of"])  # raises if not a date
        assert D(2000, 1, 1) <= as_of <= D(2027, 1, 1), f"people.tsv:{n}"


def test_phoenix_rows_are_as_of_their_files():
    files = {r["source"].split(":")[1]: r["as_of"] for r in PEOPLE
             if r["source"].startswith("phoenix:")}
    assert files["Countries"] == "2014-01-30"  # "Generated at: Thu Jan 30 16:06:18 2014"
    assert files["International"] == "2012-08-31"  # the file's latest date
    for row in PEOPLE:
        if row["source"].startswith("phoenix:"):
            assert row["office"] == "" and row["as_of"] == files[row["source"].split(":")[1]]


def test_office_tags_are_in_the_vocabulary():
    used = collections.Counter()
    for n, row in enumerate(PEOPLE, 2):
        tags = row["office"].split("|") if row["office"] else []
        assert len(tags) == len(set(tags)) and set(tags) <= set(OFFICES), f"people.tsv:{n}"
        if row["source"].startswith("dyad"):
            assert tags, f"people.tsv:{n}: a hand-made row says what its office is"
        used.update(tags)
    assert set(used) == set(OFFICES)  # every tag is in use
    doc = (DATA / "ACTORS.md").read_text(encoding="utf-8")
    assert all(f"`{tag}`" in doc for tag in OFFICES)


def test_the_source_files_have_the_columns():
    for name in ("people_recent.tsv", "actors_extra.tsv"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        assert "table\talias\tcode\tkind\tname\tstart\tend\tnote\toffice\tas_of" in lines, name
        for n, line in enumerate(lines, 1):
            if line.startswith("people\t"):
                cols = line.split("\t")
                assert len(cols) == 10 and cols[8] and D.fromisoformat(cols[9]), f"{name}:{n}"


# ---- dated lookups through the public API ----------------------------------------------------

def office_of(match: at.PersonMatch) -> set[str]:
    """The office tags of the period `match` resolved to."""
    start = match.start.isoformat() if match.start else ""
    end = match.end.isoformat() if match.end else ""
    tags = {tag for row in PEOPLE if row["name"] == match.name and row["start"] == start
            and row["end"] == end and row["code"][:6] == match.code[:6]
            for tag in offices(row)}
    assert tags, match
    return tags


def named(surname: str, name: str, on: dt.date) -> at.PersonMatch:
    """`name` among the people called `surname`, with the role in force on `on`."""
    matches = [m for m in at.people_named(surname, on) if m.name == name]
    assert len(matches) == 1, (surname, name, matches)
    match = matches[0]
    assert match.start and match.start <= on and (match.end is None or on <= match.end), match
    return match


@pytest.mark.parametrize("surname, name, before, after, office_before, office_after, start", [
    # a first deputy prime minister becomes prime minister, and the prime minister defence
    # minister (Ukraine, 17 July 2025)
    ("Svyrydenko", "Yulia Svyrydenko", D(2024, 6, 1), ON, "deputy_head", "head_of_government",
     D(2025, 7, 17)),
    ("Shmyhal", "Denys Shmyhal", D(2024, 6, 1), ON, "head_of_government", "defence_minister",
     D(2025, 7, 17)),
    # France: the armed forces minister becomes prime minister (9 September 2025)
    ("Lecornu", "Sébastien Lecornu", D(2025, 6, 1), ON, "defence_minister",
     "head_of_government", D(2025, 9, 9)),
    # Thailand: the interior minister becomes prime minister (7 September 2025)
    ("Charnvirakul", "Anutin Charnvirakul", D(2024, 6, 1), ON, "interior_minister",
     "head_of_government", D(2025, 9, 7)),
    # Nepal: a former chief justice becomes interim prime minister (12 September 2025)
    ("Karki", "Sushila Karki", D(2017, 1, 1), ON, "judiciary", "head_of_government",
     D(2025, 9, 12)),
    # Syria: the leader of Hayat Tahrir al-Sham becomes head of state (8 December 2024), and
    # heads the government too from 29 March 2025
    ("al-Sharaa", "Ahmed al-Sharaa", D(2023, 6, 1), D(2025, 2, 1), "armed_group_leader",
     "head_of_state", D(2024, 12, 8)),
    ("al-Sharaa", "Ahmed al-Sharaa", D(2025, 2, 1), ON, "head_of_state", "head_of_government",
     D(2025, 3, 29)),
    # Turkey: the president heads the government too once the office of prime minister goes
    # (9 July 2018)
    ("Erdoğan", "Recep Tayyip Erdoğan", D(2016, 7, 15), ON, "head_of_state",
     "head_of_government", D(2018, 7, 9)),
    # Myanmar: the junta's chairman and prime minister becomes acting president (July 2024)
    ("Hlaing", "Min Aung Hlaing", D(2023, 6, 1), ON, "head_of_government", "head_of_state",
     D(2024, 7, 22)),
    # Saudi Arabia: the king heads the government until the crown prince does (27 Sep 2022)
    ("Abdulaziz", "Salman bin Abdulaziz", D(2020, 6, 1), D(2023, 6, 1), "head_of_government",
     "head_of_state", D(2022, 9, 27)),
    # Russia: prime minister, then president again (7 May 2012)
    ("Putin", "Vladimir Putin", D(2010, 6, 1), ON, "head_of_government", "head_of_state",
     D(2012, 5, 7)),
])
def test_office_before_and_after_a_change(surname, name, before, after, office_before,
                                          office_after, start):
    then = named(surname, name, before)
    now = named(surname, name, after)
    assert office_before in office_of(then) and office_after in office_of(now)
    # the office changed: a new one taken up, or one given up
    assert office_after not in office_of(then) or office_before not in office_of(now)
    assert now.start == start and then.start < start


def test_a_change_of_prime_minister_as_the_table_dates_it():
    # the United Kingdom: Truss hands over to Sunak on 25 October 2022
    truss = named("Truss", "Liz Truss", D(2022, 10, 1))
    sunak = named("Sunak", "Rishi Sunak", D(2022, 11, 1))
    assert truss.end == D(2022, 10, 25) == sunak.start
    assert "head_of_government" in office_of(truss) & office_of(sunak)
    # Japan: Kishida, then Ishiba on 1 October 2024
    assert named("Kishida", "Fumio Kishida", D(2024, 9, 1)).end == D(2024, 10, 1)
    ishiba = named("Ishiba", "Shigeru Ishiba", D(2025, 1, 1))
    assert (ishiba.start, ishiba.code) == (D(2024, 10, 1), "JPNGOV")
    assert office_of(ishiba) == {"head_of_government"}
    # Gabon: the transitional president also heads the government once elected (May 2025)
    oligui_then = named("Nguema", "Brice Oligui Nguema", D(2024, 6, 1))
    oligui_now = named("Nguema", "Brice Oligui Nguema", ON)
    assert office_of(oligui_then) == {"head_of_state"}
    assert office_of(oligui_now) == {"head_of_state", "head_of_government"}

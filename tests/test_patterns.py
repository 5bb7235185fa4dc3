"""Verb-pattern and event-noun tables and their matcher (dyad/patterns.py), on the real tables."""

from __future__ import annotations

import csv
import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from dyad import cameo, patterns

DATA = Path(patterns.__file__).resolve().parent / "data"
REPO = DATA.parent.parent
SHARED = REPO.parent / "shared" / "eval"
VERB_COLUMNS = ["verb", "particle", "code", "reverse_code", "before", "after", "block", "line", "kind"]


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def verb_rows() -> list[dict]:
    return _rows("verb_patterns.tsv")


@pytest.fixture(scope="module")
def noun_rows() -> list[dict]:
    return _rows("event_nouns.tsv")


# ----------------------------------------------------------------------------- tables

def test_verb_table_columns(verb_rows):
    assert list(verb_rows[0]) == VERB_COLUMNS
    assert len(verb_rows) > 40000


def test_every_verb_code_exists(verb_rows):
    bad = []
    for row in verb_rows:
        if not (row["code"] == "---" or cameo.is_code(row["code"])):
            bad.append((row["line"], row["code"]))
        if row["reverse_code"] and not cameo.is_code(row["reverse_code"]):
            bad.append((row["line"], row["reverse_code"]))
    assert bad == []


def test_verb_rows_are_well_formed(verb_rows):
    for row in verb_rows:
        assert row["verb"] and row["verb"] == row["verb"].lower() and " " not in row["verb"], row
        assert row["kind"] in {"verb", "pattern"}, row
        assert row["line"].isdigit(), row
        if row["kind"] == "verb":
            assert not row["before"] and not row["after"], row
        for side in (row["before"], row["after"], row["particle"]):
            assert side == side.lower() and "\t" not in side
            assert all(element and "" not in element.split("|") for element in side.split())


def test_every_root_has_verb_patterns(verb_rows):
    per_root = Counter(row["code"][:2] for row in verb_rows if row["code"] != "---")
    assert set(per_root) == {f"{n:02d}" for n in range(1, 21)}
    assert all(per_root[root] >= 10 for root in per_root), per_root


def test_events_md_lists_the_counts(verb_rows):
    text = (DATA / "EVENTS.md").read_text(encoding="utf-8")
    per_root = Counter(row["code"][:2] for row in verb_rows if row["code"] != "---")
    for root in ("04", "19", "20"):
        assert f"| {root} |" in text and f"| {per_root[root]} |" in text


def test_event_nouns(noun_rows):
    assert list(noun_rows[0]) == ["noun", "code", "light_verbs", "note"]
    assert 60 <= len(noun_rows) <= 200
    for row in noun_rows:
        info = cameo.code_info(row["code"])  # ValueError if the code is unknown
        assert row["note"].startswith(info.name), row  # cites the codebook name it implements
        # one word, or a modifier and its head ("hunger strike"), as events.noun_event reads them
        assert row["noun"] == row["noun"].lower() and row["noun"].count(" ") <= 1, row
        assert row["light_verbs"], row
        assert all(v and v == v.lower() and " " not in v for v in row["light_verbs"].split("|")), row
    assert {row["code"][:2] for row in noun_rows} == {f"{n:02d}" for n in range(1, 21)}
    senses = Counter((row["noun"], verb) for row in noun_rows for verb in row["light_verbs"].split("|"))
    assert [key for key, n in senses.items() if n > 1] == []  # a light verb picks one sense


def test_plover_table_codes():
    for row in _rows("cameo_plover.tsv"):
        assert row["code"].isdigit() and row["event"].isupper(), row


# ----------------------------------------------------------------------------- matcher

def code_of(lemma, before=(), after=(), particle=""):
    found = patterns.match_verb(lemma, particle=particle, before=list(before), after=list(after))
    return None if found is None else found.code


def test_visit_default():
    found = patterns.match_verb("visit", before=[], after=[])
    assert (found.code, found.reverse_code, found.kind, found.block) == ("042", "043", "verb", "VISIT")
    assert found.events == [("042", False), ("043", True)]
    assert not found.before and not found.after


def test_host():
    assert patterns.match_verb("host").code == "043"
    summit = patterns.match_verb("host", before=["china"], after=["summit", "in", "beijing"])
    assert (summit.code, summit.reverse_code) == ("043", "042")
    assert summit.after == (frozenset({"summit"}),)
    # "host a summit with X" is the more specific [036:036]
    assert code_of("host", after=["a", "summit", "with", "russia"]) == "036"


def test_agree():
    assert code_of("agree") == "050"
    assert code_of("agree", after=["with"]) == "030"
    assert code_of("agree", after=["to", "the", "ceasefire"]) == "0356"


def test_conflict_and_criticism_verbs():
    assert code_of("attack")[:2] == "19"
    assert code_of("warn") == "130"
    assert code_of("threaten") == "130"
    assert code_of("accuse") == "112"
    assert code_of("condemn") == "111"
    assert code_of("arrest") == "173"
    assert code_of("invade") == "192"


def test_meet():
    assert code_of("meet")[:2] == "04"
    # upstream codes a meeting "with leaders" as an intent (036); dyad's row: a meeting held
    assert code_of("meet", after=["with", "leaders"]) == "040"
    assert patterns.match_verb("meet", after=["with", "leaders"]).block == "DYAD_LOCAL"


def test_sanctions():
    assert code_of("impose", after=["sanction"]) == "163"
    assert code_of("impose", after=["new", "sanctions", "on", "iran"]) == "163"
    assert code_of("impose", after=["a", "curfew"]) == "1723"
    assert code_of("impose") == "170"
    sanction = patterns.match_verb("sanction")
    assert sanction.code == "163" and sanction.block == "DYAD_LOCAL"


def test_phrasal_verbs():
    call_off = patterns.match_verb("call", particle="off")
    assert (call_off.code, call_off.particle, call_off.kind) == ("160", "off", "verb")
    assert code_of("call") == "041"
    # a preposition the parser does not attach as a particle still selects the row
    ask_for = patterns.match_verb("ask", after=["the", "un", "for", "help"])
    assert ask_for.code == "020"
    assert code_of("carry", particle="out", after=["an", "attack"]) == "190"
    assert code_of("carry", particle="out", after=["air", "strike"]) == "195"
    # a particle no row has: the plain verb's rows, with the particle as a cue
    assert code_of("set", particle="up", after=["resistance"]) == "110"


def test_reverse_only_and_null_rows():
    loan = patterns.match_verb("receive", after=["a", "loan"])
    assert (loan.code, loan.reverse_code) == ("---", "071")
    assert not loan.is_null and loan.events == [("071", True)]
    defeat = patterns.match_verb("deliver", after=["a", "crushing", "defeat"])
    assert defeat.is_null and defeat.events == []
    assert code_of("deliver", after=["aid"]) == "070"


def test_before_cues():
    # "- PILGRIMS *  [---]": pilgrims visiting are not a state visit
    assert patterns.match_verb("visit", before=["pilgrims"]).is_null
    assert code_of("visit", before=["inspector"]) == "090"


def test_cues_need_their_order():
    assert code_of("agree", after=["ceasefire", "to"]) == "050"


def test_specificity_prefers_more_cues():
    # MEET_PEOPLE: "* (WITH LEADERS)" has two cue elements, "meet with" one (its particle)
    two = patterns.match_verb("meet", after=["with", "the", "leaders"])
    assert len(two.after) == 2


def test_spacy_mislemmas_are_aliased():
    assert code_of("stag", after=["a", "protest"]) == "141"  # spaCy: "staged" -> "stag"
    assert code_of("wag", after=["war"]) == code_of("wage", after=["war"])


def test_unknown_verb():
    assert patterns.match_verb("frobnicate", before=[], after=[]) is None
    assert patterns.verb_patterns("frobnicate") == []


def test_known_verbs_and_listing():
    verbs = patterns.known_verbs()
    assert {"visit", "host", "meet", "attack", "warn", "sanction"} <= verbs
    rows = patterns.verb_patterns("visit")
    assert rows[0].kind == "verb" and [r.line for r in rows] == sorted(r.line for r in rows)
    assert "VISIT:" in rows[0].describe()


def test_event_noun():
    talk = patterns.event_noun("talk")
    assert talk.code == "046" and "hold" in talk.light_verbs
    assert patterns.event_noun("sanctions").code == "163"  # a word, not a lemma, still works
    assert patterns.event_noun("protest").code == "141"
    assert patterns.event_noun("protest", "lodge").code == "114"
    assert patterns.event_noun("protest", "stag").code == "141"
    assert patterns.event_noun("strike", "launch").code == "190"
    assert patterns.event_noun("strike", "call").code == "143"
    assert patterns.event_noun("visit", "pay").code == "042"
    assert patterns.event_noun("visit", "eat") is None
    assert patterns.event_noun("banana") is None
    assert len(patterns.event_nouns()) == 140
    assert patterns.event_noun("hunger strike", "stage").code == "142"


def test_matching_is_fast():
    patterns.match_verb("say")  # load and compile
    clause = ["the", "foreign", "minister", "that", "talk", "with", "russia", "be", "progress", "well"]
    start = time.perf_counter()
    for _ in range(500):
        for verb in ("say", "meet", "attack", "hold", "call"):
            patterns.match_verb(verb, before=clause[:3], after=clause[3:])
    assert time.perf_counter() - start < 2.0


# ----------------------------------------------------------------------------- converter

def test_converter_reproduces_the_tables(tmp_path):
    """tools/build_event_tables.py run on the shared files gives the shipped tables."""
    if not (SHARED / "upstream" / "petrarch2" / "CAMEO.2.0.txt").exists():
        pytest.skip("shared eval folder not present")
    spec = importlib.util.spec_from_file_location("build_event_tables", REPO / "tools" / "build_event_tables.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    assert module.main([str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("cameo_codes.tsv", "cameo_plover.tsv", "verb_patterns.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name

"""CAMEO code table and the CAMEO -> PLOVER correspondence (dyad/cameo.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import cameo

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
DATA = Path(cameo.__file__).resolve().parent / "data"


def test_code_info_fields():
    visit = cameo.code_info("042")
    assert visit == cameo.CameoCode(code="042", name="Make a visit", goldstein=1.9, quad=1, root="04")
    assert cameo.code_info("0311").root == "03"
    assert cameo.code_info("04").name == "CONSULT"  # roots are codes too
    assert cameo.code_info(" 190 ").code == "190"


@pytest.mark.parametrize("bad", ["999", "", "42", "0421", "abc", None, 42])
def test_unknown_code_is_value_error(bad):
    with pytest.raises(ValueError):
        cameo.code_info(bad)


def test_all_codes():
    codes = cameo.all_codes()
    assert len(codes) == 312
    assert len({c.code for c in codes}) == 312
    assert {c.root for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    for c in codes:
        assert c.code.startswith(c.root)
        expected_quad = 1 if c.root <= "05" else 2 if c.root <= "09" else 3 if c.root <= "14" else 4
        assert c.quad == expected_quad, c
        assert -10.0 <= c.goldstein <= 10.0
        assert cameo.is_code(c.code)
    assert not cameo.is_code("1952")


def test_shipped_codes_are_the_shared_table():
    if not (SHARED / "cameo_codes.tsv").exists():
        pytest.skip("shared eval folder not present")
    assert (DATA / "cameo_codes.tsv").read_bytes() == (SHARED / "cameo_codes.tsv").read_bytes()


@pytest.mark.parametrize("code, event, mode", [
    ("042", "CONSULT", "visit"),
    ("043", "CONSULT", "visit"),
    ("040", "CONSULT", None),
    ("036", "AGREE", None),
    ("0311", "AGREE", None),
    ("057", "SUPPORT", None),
    ("0871", "RETREAT", "ceasefire"),
    ("112", "ACCUSE", "disapprove"),
    ("163", "COERCE", "restrict"),
    ("173", "COERCE", "arrest"),
    ("195", "ASSAULT", "heavy-weapons"),
    ("04", "CONSULT", None),
])
def test_plover(code, event, mode):
    assert cameo.plover(code) == {"event": event, "mode": mode}


def test_plover_falls_back_to_parents():
    # no line of its own: the 3-digit parent's, then the root's
    assert cameo.plover("1952") == cameo.plover("195")
    assert cameo.plover("0315") == cameo.plover("031")
    assert cameo.plover("049") == cameo.plover("04")


def test_plover_has_no_statements_or_appeals():
    assert cameo.plover("010") is None
    assert cameo.plover("020") is None
    assert cameo.plover("0231") is None


def test_plover_info_has_context():
    assert cameo.plover_info("0311") == {"event": "AGREE", "mode": None, "context": "economic"}


def test_every_code_from_root_03_has_a_plover_category():
    missing = [c.code for c in cameo.all_codes() if c.root >= "03" and cameo.plover(c.code) is None]
    assert missing == []

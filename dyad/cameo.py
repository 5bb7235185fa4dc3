"""CAMEO event codes: names, Goldstein scores, quad classes, and their PLOVER category.

The tables are `dyad/data/cameo_codes.tsv` (ICEWS codebook names, GDELT Goldstein
scale) and `dyad/data/cameo_plover.tsv` (converted from the PLOVER project's
CAMEO2PLOVER-2021.txt, CC BY-SA 4.0); see `dyad/data/EVENTS.md`. Both are read
once per process.

    >>> code_info("042").name
    'Make a visit'
    >>> plover("0311")
    {'event': 'AGREE', 'mode': None}
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["CameoCode", "code_info", "plover", "plover_info", "all_codes", "is_code", "root_of"]


@dataclass(frozen=True)
class CameoCode:
    code: str  # "042", "0311", or a root "04"
    name: str
    goldstein: float
    quad: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    root: str  # the first two digits


def _data_lines(name: str) -> list[str]:
    text = resources.files("dyad").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _codes() -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    for row in csv.DictReader(_data_lines("cameo_codes.tsv"), delimiter="\t"):
        code = row["code"].strip()
        out[code] = CameoCode(code=code, name=row["name"].strip(), goldstein=float(row["goldstein"]),
                              quad=int(row["quad_class"]), root=row["root_code"].strip())
    return out


@cache
def _plover() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in csv.DictReader(_data_lines("cameo_plover.tsv"), delimiter="\t"):
        out[row["code"].strip()] = {
            "event": row["event"].strip(),
            "mode": row["mode"].strip() or None,
            "context": row["context"].strip() or None,
        }
    return out


def _clean(code: str) -> str:
    if not isinstance(code, str):
        raise ValueError(f"CAMEO code must be a string like '042', not {code!r}")
    return code.strip()


def is_code(code: str) -> bool:
    """True if `code` is in the CAMEO table (roots such as "04" included)."""
    return isinstance(code, str) and code.strip() in _codes()


def code_info(code: str) -> CameoCode:
    """The table entry for a CAMEO code; ValueError (never KeyError) if unknown."""
    key = _clean(code)
    try:
        return _codes()[key]
    except KeyError:
        raise ValueError(f"unknown CAMEO event code {code!r} (see dyad/data/cameo_codes.tsv)") from None


def root_of(code: str) -> str:
    """The two-digit root of a known code ("0311" -> "03")."""
    return code_info(code).root


def _plover_row(code: str) -> dict[str, Any] | None:
    key = _clean(code)
    table = _plover()
    for candidate in (key, key[:3], key[:2]):
        if len(candidate) >= 2 and candidate in table:
            return table[candidate]
    return None


def plover(code: str) -> dict | None:
    """{"event": PLOVER category, "mode": mode or None} for a CAMEO code, from CAMEO2PLOVER.

    A 4-digit code without its own line takes its 3-digit parent's, then its root's.
    None for roots 01 (statements) and 02 (appeals), which PLOVER dropped, and for
    codes nobody maps.
    """
    row = _plover_row(code)
    return None if row is None else {"event": row["event"], "mode": row["mode"]}


def plover_info(code: str) -> dict | None:
    """As `plover`, plus the PLOVER "context" (e.g. "economic", "military") or None."""
    row = _plover_row(code)
    return None if row is None else dict(row)


def all_codes() -> list[CameoCode]:
    """Every code of the table, in table order (roots before their children)."""
    return list(_codes().values())

"""`dyad eval`: score extracted events against a gold file (shared/eval format).

The gold files' README asks for three levels; a fourth, `strict`, scores the
actors alone (their roles as well as their countries) at the root level:
  root   (source country, target country, CAMEO root)
  strict (source actor, target actor, CAMEO root)
  code3  (source country, target country, 3-digit code)
  exact  (source actor, target actor, full code)
An actor compares as its country plus first role ("RUSGOVMIL" → "RUSGOV"); an
international organisation by its organisation code; a `null` gold actor matches
any predicted actor (records coded for the event only). A gold `IGO` (the PLOVER
set's plain IGO) matches any organisation. Events are matched one to one within
a record, greedily. `extra_rate` is the unmatched predicted events per gold event.
At the root level each unmatched gold event and each unmatched prediction is given
a reason (MISS_REASONS, EXTRA_REASONS), so a score says where to look without
anyone reading a held-out set's sentences.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import InputError
from dyad.model import Event, RawDocument
from dyad.pipeline import process_raw

LEVELS = ("root", "strict", "code3", "exact")
# A few non-ISO country codes used by the PLOVER gold file.
GOLD_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ROLE_LEN = 3


@dataclass
class LevelScore:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def extra_rate(self) -> float:
        return (self.predicted - self.matched) / self.gold if self.gold else 0.0


@dataclass
class EvalResult:
    gold_path: str
    records: int = 0
    skipped: int = 0
    levels: dict[str, LevelScore] = field(default_factory=lambda: {k: LevelScore() for k in LEVELS})
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: Counter = field(default_factory=Counter)  # MISS_REASONS at the root level
    extras: Counter = field(default_factory=Counter)  # EXTRA_REASONS at the root level
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"gold": self.gold_path, "records": self.records, "skipped": self.skipped,
                "levels": {k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                               "f1": round(v.f1, 4), "extra_rate": round(v.extra_rate, 4),
                               "matched": v.matched, "predicted": v.predicted, "gold": v.gold}
                           for k, v in self.levels.items()},
                "confusion": {root: dict(c) for root, c in sorted(self.confusion.items())},
                "root_misses": {r: self.misses[r] for r in MISS_REASONS},
                "root_extras": {r: self.extras[r] for r in EXTRA_REASONS}}


def actor_key(code: str | None) -> str | None:
    """Country + first role, or the organisation code."""
    if code is None:
        return None
    if code.startswith("IGO"):
        return code
    country = GOLD_COUNTRY_FIXES.get(code[:3], code[:3])
    return country + code[3:3 + ROLE_LEN]


def country_key(code: str | None) -> str | None:
    if code is None:
        return None
    return code if code.startswith("IGO") else GOLD_COUNTRY_FIXES.get(code[:3], code[:3])


# Sector codes that follow a plain "IGO" in the PLOVER gold ("IGOMIL": an IGO's troops).
SECTORS = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY", "BUS", "MED", "CVL", "REF",
           "NGO", "EDU", "HLH", "ELI", "LAB", "AGR", "ENV", "HRI", "CRM", "DEV", "REL", "UAF"}


def _actor_matches(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return True
    if predicted is None:
        return False
    if gold == "IGO" or (gold.startswith("IGO") and gold[3:6] in SECTORS):
        return predicted.startswith("IGO")
    return gold == predicted


def _key(level: str, source: str | None, target: str | None, code: str):
    pick = actor_key if level in ("strict", "exact") else country_key
    value = {"root": code[:2], "strict": code[:2], "code3": code[:3], "exact": code}[level]
    return pick(source), pick(target), value


def _predicted(event: Event) -> tuple[str | None, str | None, str]:
    return event.source.code, event.target.code if event.target else None, event.code


def match_count(level: str, gold: list[dict], predicted: list[tuple]) -> int:
    return len(gold) - len(_unmatched(level, gold, predicted)[0])


def _unmatched(level: str, gold: list[dict], predicted: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """(gold keys, predicted keys) left over when events are matched one to one."""
    remaining = [_key(level, *p) for p in predicted]
    missed = []
    for event in gold:
        gs, gt, gc = _key(level, event.get("source"), event.get("target"), event["code"])
        for i, (ps, pt, pc) in enumerate(remaining):
            if pc == gc and _actor_matches(gs, ps) and _actor_matches(gt, pt):
                del remaining[i]
                break
        else:
            missed.append((gs, gt, gc))
    return missed, remaining


# Why a gold event went unmatched at the root level, and why a predicted one did.
MISS_REASONS = ("no event found in the sentence", "found with source and target swapped",
                "found with the root but other actors", "only other roots found")
EXTRA_REASONS = ("the sentence has no gold event", "gold has the root with other actors",
                 "a root the gold lacks")


def _miss_reason(missed: tuple, predicted: list[tuple]) -> str:
    source, target, root = missed
    if not predicted:
        return MISS_REASONS[0]
    if any(pc == root and _actor_matches(target, ps) and _actor_matches(source, pt) for ps, pt, pc in predicted):
        return MISS_REASONS[1]
    return MISS_REASONS[2] if any(pc == root for _, _, pc in predicted) else MISS_REASONS[3]


def _extra_reason(extra: tuple, gold: list[tuple]) -> str:
    if not gold:
        return EXTRA_REASONS[0]
    return EXTRA_REASONS[1] if any(gc == extra[2] for _, _, gc in gold) else EXTRA_REASONS[2]


def load_gold(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(str(path), f"not valid JSON ({err.msg})", line=number,
                                 hint="each line must be one JSON object") from err
            if not isinstance(record, dict) or "text" not in record or "events" not in record:
                raise InputError(str(path), "a gold record needs `text` and `events`", line=number)
            records.append(record)
    return records


def evaluate(path: Path, *, on_record: Callable[[int], None] | None = None) -> EvalResult:
    result = EvalResult(gold_path=str(path))
    records = []
    for record in load_gold(path):
        if any(e.get("code") is None for e in record["events"]):
            result.skipped += 1  # code-less records (PLOVER category only) are not scored
            continue
        records.append(record)
    raws = [RawDocument(text=r["text"], source=str(i), published=r.get("date"))
            for i, r in enumerate(records)]
    errors: list[InputError] = []
    documents = process_raw(raws, errors=errors)
    by_source = {}
    for document in documents:
        by_source[document.article.source] = document
        if on_record:
            on_record(1)
    result.errors = [str(e) for e in errors]
    for i, record in enumerate(records):
        document = by_source.get(raws[i].source)
        predicted = [_predicted(e) for e in document.events] if document else []
        _score(result, record["events"], predicted)
    return result


def _score(result: EvalResult, gold: list[dict], predicted: list[tuple]) -> None:
    result.records += 1
    for level in LEVELS:
        score = result.levels[level]
        score.gold += len(gold)
        score.predicted += len(predicted)
        score.matched += match_count(level, gold, predicted)
    missed, extra = _unmatched("root", gold, predicted)
    keys = [_key("root", *p) for p in predicted]
    gold_keys = [_key("root", e.get("source"), e.get("target"), e["code"]) for e in gold]
    result.misses.update(_miss_reason(m, keys) for m in missed)
    result.extras.update(_extra_reason(x, gold_keys) for x in extra)
    predicted_roots = Counter(p[2][:2] for p in predicted)
    for event in gold:
        root = event["code"][:2]
        if predicted_roots[root]:
            result.confusion[root][root] += 1
            predicted_roots[root] -= 1
        else:
            wrong = next((r for r, n in predicted_roots.items() if n > 0), None)
            result.confusion[root][wrong or "none"] += 1
            if wrong:
                predicted_roots[wrong] -= 1


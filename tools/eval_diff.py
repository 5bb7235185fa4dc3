"""Print gold vs predicted events for records of a gold file that do not match
at the given level (development aid for the dev sets; never run it on the
held-out set)."""

import sys
from pathlib import Path

from dyad.evaluate import load_gold, match_count
from dyad.model import RawDocument
from dyad.pipeline import process_raw

path, level = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else "root")
assert "validation" not in path.name, "the held-out set is not for development"
records = [r for r in load_gold(path) if all(e.get("code") for e in r["events"])]
raws = [RawDocument(text=r["text"], source=str(i), published=r.get("date")) for i, r in enumerate(records)]
errors = []
for record, doc in zip(records, process_raw(raws, errors=errors)):
    predicted = [(e.source.code, e.target.code if e.target else None, e.code) for e in doc.events]
    if match_count(level, record["events"], predicted) == len(record["events"]) == len(predicted):
        continue
    print(record["text"])
    print("   gold:", [(e.get("source"), e.get("target"), e["code"]) for e in record["events"]])
    print("   pred:", [(e.source.code, e.target.code if e.target else None, e.code, e.trigger.text) for e in doc.events])

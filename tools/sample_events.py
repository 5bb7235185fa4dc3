"""Print N events drawn at random (fixed seed) from a store, with their sentences,
for judging by hand: right, wrong actor, wrong code, not an event.

    python tools/sample_events.py dyad.duckdb 20 2026
"""

import random
import sys

from dyad import cameo
from dyad.store import Store

db, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with Store(db, read_only=True) as store:
    rows = store.events()
for number, row in enumerate(random.Random(seed).sample(rows, min(n, len(rows))), 1):
    target = f"{row['target_code']} ({row['target_name']})" if row["target_code"] else "—"
    print(f"{number:2}. {row['source_code']} ({row['source_name']}) -> {row['code']} "
          f"{cameo.code_info(row['code']).name} -> {target} [{row['modality']}, {row['date']}] "
          f"trigger '{row['trigger_text']}'")
    print(f"    {row['sentence']}")

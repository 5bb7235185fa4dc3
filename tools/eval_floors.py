"""Write tests/eval_floors.json from the current `dyad eval` figures on the dev sets,
rounded down to three decimals. Run it when a change has raised a figure on purpose."""

import json
import math
import sys
from pathlib import Path

from dyad.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
SETS = ["plover-gsr-cameo.jsonl", "cameo-manual-examples.jsonl"]
eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval"
floors = {}
for name in SETS:
    result = evaluate(eval_dir / name)
    floors[name] = {level: math.floor(score.f1 * 1000) / 1000 for level, score in result.levels.items()}
(ROOT / "tests" / "eval_floors.json").write_text(json.dumps(floors, indent=2) + "\n")
print(json.dumps(floors, indent=2))

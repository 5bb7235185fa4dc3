"""Memory soak: ingest N distinct articles (the bundled corpus repeated, each copy
numbered, as `dyad bench` makes them) into a fresh store and report the peak resident
memory, so that a run at 2,000 and one at 20,000 articles can be compared (issue: memory
flat as the corpus grows). A long run: not a test.

    .venv/bin/python tools/soak.py 2000 [--workers 1]
"""

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from dyad.bench import iter_bench_documents
from dyad.ingest import ingest_documents
from dyad.settings import load_settings
from dyad.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", type=int)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    raws = iter_bench_documents(args.articles)  # made as ingest reads them: none held ahead
    start = time.perf_counter()
    marks = []
    with tempfile.TemporaryDirectory(prefix="dyad-soak-") as folder, Store(Path(folder) / "soak.duckdb") as store:
        done = 0

        def progress(n: int) -> None:
            nonlocal done
            done += n
            if done % 1000 == 0:
                marks.append((done, round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))

        report = ingest_documents(raws, store=store, workers=args.workers, near_duplicate=0,
                                  model=load_settings().model, batch_size=load_settings().batch_size,
                                  on_article=progress)
        stored = store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"articles": args.articles, "stored": stored, "events": report.events,
                      "stories": report.stories, "workers": args.workers,
                      "seconds": round(time.perf_counter() - start), "peak_rss_mb": round(own),
                      "peak_worker_rss_mb": round(children), "peak_by_thousand": marks}))


if __name__ == "__main__":
    main()

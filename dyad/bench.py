"""`dyad bench`: dyad's throughput side by side with the raw spaCy pipeline, in one run.

On the same N articles (the bundled corpus, repeated, each copy made distinct by a
numbered line so that no copy is skipped as already stored):
  raw       spaCy's `nlp.pipe` over the article texts alone (the model as packaged)
  pipeline  the whole dyad pipeline (clean, annotate, resolve, code), without the store
  store     the same, stored into a fresh DuckDB file (`dyad ingest`'s code path, with
            near-duplicate detection off: the copies differ by one line only)
each at `workers` processes; then the raw and pipeline runs at the process count (one or
two) the main runs did not use, on half the articles, for the speed-up of two workers
over one (a rate against a rate). Ratios are taken within the run, so they hold on a
noisy machine where absolute rates do not.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from dyad.model import RawDocument

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "wikinews.jsonl"


@dataclass
class BenchResult:
    articles: int
    words: int
    workers: int
    raw_aps: float
    pipeline_aps: float
    store_aps: float
    raw_wps: float
    pipeline_wps: float
    store_wps: float
    ratio_pipeline: float
    ratio_store: float
    raw_speedup_2w: float
    speedup_2w: float
    peak_rss_mb: float
    articles_stored: int

    def as_json(self) -> str:
        return json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()})


def bench_documents(n: int, corpus: Path = CORPUS) -> list[RawDocument]:
    """`n` distinct articles: the corpus repeated, each copy numbered in its last line."""
    return list(iter_bench_documents(n, corpus))


def iter_bench_documents(n: int, corpus: Path = CORPUS) -> Iterator[RawDocument]:
    """The same articles, made one at a time (a long soak holds none of them ahead)."""
    from dyad.read import iter_raw_documents

    errors: list = []
    base = list(iter_raw_documents([str(corpus)], errors=errors))
    if errors or not base:
        raise RuntimeError(f"{corpus}: cannot read the benchmark corpus ({errors[:1]})")
    for i in range(n):
        doc = base[i % len(base)]
        copy = i // len(base)
        text = doc.text if copy == 0 else f"{doc.text}\n\n(Benchmark copy {copy}.)"
        yield replace(doc, text=text, source=f"{doc.source}#copy{copy}")


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    count = run()
    return time.perf_counter() - start, count


# Whole articles per batch for the raw run: about the words of dyad's batches of 64
# paragraphs, and small enough that two processes both get work on a short run.
RAW_BATCH = 8


def run_raw(texts: list[str], nlp, workers: int) -> int:
    return sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=RAW_BATCH))


def run_pipeline(raws: list[RawDocument], model: str, workers: int) -> int:
    from dyad.pipeline import process_raw

    errors: list = []
    count = sum(1 for _ in process_raw(raws, errors=errors, n_process=workers, model=model))
    if errors:
        raise RuntimeError(f"benchmark articles failed: {errors[0]}")
    return count


def run_store(raws: list[RawDocument], model: str, workers: int, db: Path) -> int:
    from dyad.ingest import ingest_documents
    from dyad.store import Store

    with Store(db) as store:
        # near-duplicate detection off: the copies differ by one line and would be reports
        report = ingest_documents(raws, store=store, workers=workers, model=model, near_duplicate=0)
        return report.stored


def peak_rss_mb() -> float:
    """Peak resident memory of this process or of any worker it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports kilobytes


def bench(n: int, *, workers: int, model: str,
          on_step: Callable[[str], None] = lambda step: None) -> BenchResult:
    raws = bench_documents(n)
    texts = [r.text for r in raws]
    words = sum(len(t.split()) for t in texts)
    import spacy

    # Loading is not throughput: both pipelines are loaded, and dyad's tables, gazetteer
    # and date parser warmed up on a few articles, before anything is timed.
    raw_nlp = spacy.load(model)
    run_raw(texts[:3], raw_nlp, 1)
    run_pipeline(raws[:3], model, 1)
    # rates (articles per second) of each (run, processes); the two-process runs that the
    # main runs do not cover use half the articles, to keep the benchmark short
    rates: dict[tuple[str, int], float] = {}
    half = max(1, n // 2)
    for name, count_workers in [("raw", workers), ("pipeline", workers), ("raw", 1), ("raw", 2),
                                ("pipeline", 1), ("pipeline", 2)]:
        if (name, count_workers) in rates:
            continue
        size = n if count_workers == workers else half
        on_step(f"{name}, {count_workers} worker(s), {size} articles")
        run = (lambda w=count_workers, k=size: run_raw(texts[:k], raw_nlp, w)) if name == "raw" else (
            lambda w=count_workers, k=size: run_pipeline(raws[:k], model, w))
        seconds, count = _timed(run)
        assert count == size, f"{name} produced {count} documents for {size} articles"
        rates[(name, count_workers)] = size / seconds
    on_step(f"store, {workers} worker(s)")
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as folder:
        store_seconds, stored = _timed(lambda: run_store(raws, model, workers, Path(folder) / "bench.duckdb"))
    raw, pipeline, store = rates[("raw", workers)], rates[("pipeline", workers)], n / store_seconds
    per_article = words / n
    return BenchResult(
        articles=n, words=words, workers=workers,
        raw_aps=raw, pipeline_aps=pipeline, store_aps=store,
        raw_wps=raw * per_article, pipeline_wps=pipeline * per_article, store_wps=store * per_article,
        ratio_pipeline=pipeline / raw, ratio_store=store / raw,
        raw_speedup_2w=rates[("raw", 2)] / rates[("raw", 1)],
        speedup_2w=rates[("pipeline", 2)] / rates[("pipeline", 1)],
        peak_rss_mb=peak_rss_mb(), articles_stored=stored)

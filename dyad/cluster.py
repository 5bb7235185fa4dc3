"""Ingest beyond one machine: the same stage functions on Ray Data.

`dyad ingest --engine ray [--address ADDR]` cleans and deduplicates articles on the
driver, as a local ingest does, then sends the new ones through every other stage on a
Ray cluster (a local one with `--workers` CPUs when no address is given): `map_batches`
over an actor pool, each actor loading the spaCy pipeline once. The finished documents
are written as Parquet shards (one row per article: its order and the pickled document),
read back in input order and stored by the same code as a local ingest, so both store
the same rows. Ray is an optional extra: `pip install 'dyad[cluster]'`.
"""

from __future__ import annotations

import logging
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.errors import ConfigError
from dyad.model import Document
from dyad.pipeline import batches

# Articles per Ray job: the driver holds one window of documents at a time, so memory
# stays flat however long the input.
WINDOW = 2_000
BATCH = 8


class StagesActor:
    """A Ray actor: the pipeline loaded once, then batches of cleaned documents through
    annotate, resolve and code."""

    def __init__(self, model: str):
        from dyad.annotate import load_nlp

        self.model = model
        load_nlp(model)

    def __call__(self, batch: dict) -> dict:
        from dyad.pipeline import _process_batch

        documents = [pickle.loads(payload) for payload in batch["payload"]]
        finished = _process_batch(documents, self.model)
        return {"order": list(batch["order"]), "payload": [pickle.dumps(d) for d in finished]}


def process_on_ray(documents: Iterable[Document], *, workers: int, model: str,
                   address: str | None = None) -> Iterator[Document]:
    """Finished documents, in input order, from a Ray cluster."""
    try:
        import ray
    except ImportError as err:
        raise ConfigError("--engine ray needs Ray: pip install 'dyad[cluster]'") from err
    logging.getLogger("ray").setLevel(logging.WARNING)  # Ray Data reports each job at INFO
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        with tempfile.TemporaryDirectory(prefix="dyad-shards-") as folder:
            for number, window in enumerate(batches(documents, WINDOW)):
                yield from _run_window(ray, window, Path(folder) / f"window-{number}", workers, model)
    finally:
        if started:
            ray.shutdown()


def _run_window(ray, window: list[Document], shards: Path, workers: int, model: str) -> list[Document]:
    import pyarrow.parquet as pq

    items = [{"order": i, "payload": pickle.dumps(d)} for i, d in enumerate(window)]
    dataset = ray.data.from_items(items).map_batches(
        StagesActor, fn_constructor_kwargs={"model": model}, concurrency=workers,
        batch_size=BATCH, batch_format="numpy")
    dataset.write_parquet(str(shards))
    table = pq.read_table(str(shards))
    rows = sorted(zip(table.column("order").to_pylist(), table.column("payload").to_pylist()))
    if len(rows) != len(window):
        raise RuntimeError(f"Ray returned {len(rows)} documents for {len(window)}")
    return [pickle.loads(payload) for _, payload in rows]

"""Ingest: every stage from files to the store, in batches, skipping what is stored.

Articles already in the store (same cleaned-text hash) are skipped before the
parser sees them, so re-running an ingest after a crash only does what is left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyad.errors import InputError
from dyad.model import Document, RawDocument
from dyad.pipeline import clean_all, process_documents
from dyad.read import iter_raw_documents, list_input_files
from dyad.store import Store


@dataclass
class IngestReport:
    files: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    undated: int = 0  # stored articles with no published date: events dated by their text only
    errors: list[InputError] = field(default_factory=list)


def estimate_articles(files: list[str]) -> int:
    """A cheap count for the progress bar: lines of JSON Lines files, one per other file."""
    total = 0
    for name in files:
        if name.endswith((".jsonl", ".ndjson")):
            try:
                with open(name, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def ingest(paths: Iterable[str], *, store: Store, published: dt.date | None = None,
           workers: int = 1, batch_size: int = 64,
           on_article: Callable[[int], None] | None = None) -> IngestReport:
    """Read the files and folders in `paths` into the store."""
    errors: list[InputError] = []
    files = list_input_files(paths)
    report = ingest_documents(iter_raw_documents(files, errors=errors), store=store, published=published,
                              workers=workers, batch_size=batch_size, on_article=on_article,
                              errors=errors)
    report.files = len(files)
    return report


def ingest_documents(raws: Iterable[RawDocument], *, store: Store, published: dt.date | None = None,
                     workers: int = 1, batch_size: int = 64, model: str | None = None,
                     on_article: Callable[[int], None] | None = None,
                     errors: list[InputError] | None = None) -> IngestReport:
    """Process raw documents into the store, skipping those already stored; one
    transaction per batch, so an interrupted run keeps every finished batch."""
    report = IngestReport()
    errors = [] if errors is None else errors
    known = store.known_ids()

    def fresh(documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            doc_id = document.article.doc_id
            if doc_id in known:
                report.skipped += 1
                if on_article:
                    on_article(1)
                continue
            known.add(doc_id)
            yield document

    batch: list[Document] = []
    for document in process_documents(fresh(clean_all(raws, errors=errors, published=published)),
                                      n_process=workers, model=model):
        batch.append(document)
        if on_article:
            on_article(1)
        if len(batch) >= batch_size:
            _flush(store, batch, report)
    _flush(store, batch, report)
    report.errors = errors
    if errors:
        store.write([], log=[(e.path, "error", None, str(e)) for e in errors])
    return report


def _flush(store: Store, batch: list[Document], report: IngestReport) -> None:
    if not batch:
        return
    store.write(batch, log=[(d.article.source, "stored", d.article.doc_id, "") for d in batch])
    report.stored += len(batch)
    report.events += sum(len(d.events) for d in batch)
    report.undated += sum(1 for d in batch if d.article.published is None)
    batch.clear()


"""Ingest: every stage from files to the store, in batches, skipping what is stored.

Articles already in the store (same cleaned-text hash), and near-duplicates of them
(syndicated copies, re-publications: `dedup`), are skipped before the parser sees them
and recorded as reports of the stored article, so re-running an ingest after a crash
only does what is left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyad.dedup import NearDuplicates, signature, to_bytes
from dyad.errors import InputError
from dyad.model import Document, RawDocument
from dyad.pipeline import clean_all, process_documents
from dyad.read import iter_raw_documents, list_input_files
from dyad.settings import load_settings
from dyad.store import Store


@dataclass
class IngestReport:
    files: int = 0
    stored: int = 0
    skipped: int = 0  # already stored (the same cleaned text)
    duplicates: int = 0  # near-duplicates of a stored article, kept as its reports
    events: int = 0
    stories: int = 0  # stories in the store after this ingest
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
           workers: int = 1, batch_size: int = 64, near_duplicate: float = 0.8,
           engine: str = "local", address: str | None = None,
           on_article: Callable[[int], None] | None = None) -> IngestReport:
    """Read the files and folders in `paths` into the store."""
    errors: list[InputError] = []
    files = list_input_files(paths)
    report = ingest_documents(iter_raw_documents(files, errors=errors), store=store, published=published,
                              workers=workers, batch_size=batch_size, near_duplicate=near_duplicate,
                              engine=engine, address=address, on_article=on_article, errors=errors)
    report.files = len(files)
    return report


def ingest_documents(raws: Iterable[RawDocument], *, store: Store, published: dt.date | None = None,
                     workers: int = 1, batch_size: int = 64, model: str | None = None,
                     near_duplicate: float = 0.8, engine: str = "local", address: str | None = None,
                     on_article: Callable[[int], None] | None = None,
                     errors: list[InputError] | None = None) -> IngestReport:
    """Process raw documents into the store; one transaction per batch, so an interrupted
    run keeps every finished batch. An article already stored, or a near-duplicate of one
    (MinHash similarity >= `near_duplicate`; 0 turns this off), is not parsed again: it is
    recorded as one more report of the stored article. `engine` "ray" runs the stages after
    cleaning on a Ray cluster (`address`, or a local one of `workers` CPUs)."""
    report = IngestReport()
    errors = [] if errors is None else errors
    gate = _Gate(store, near_duplicate, report, on_article)
    batch: list[Document] = []
    fresh = gate.new_articles(clean_all(raws, errors=errors, published=published))
    if engine == "ray":
        from dyad.cluster import process_on_ray

        finished = process_on_ray(fresh, workers=workers, model=model or load_settings().model,
                                  address=address)
    else:
        finished = process_documents(fresh, n_process=workers, model=model)
    for document in finished:
        batch.append(document)
        if on_article:
            on_article(1)
        if len(batch) >= batch_size:
            _flush(store, batch, report, gate)
    _flush(store, batch, report, gate)
    if report.stored:
        report.stories = store.rebuild_stories()
    report.errors = errors
    if errors:
        store.write([], log=[(e.path, "error", None, str(e)) for e in errors])
    return report


class _Gate:
    """Lets through the articles not stored yet; keeps, for the batch that stores them, the
    report of every copy seen and the signature of every new article."""

    def __init__(self, store: Store, threshold: float, report: IngestReport,
                 on_article: Callable[[int], None] | None):
        self.known = store.known_ids()
        self.report, self.on_article = report, on_article
        self.near: NearDuplicates | None = None
        self.copies: list[dict] = []  # reports of copies of articles already stored
        self.own: dict[str, tuple[dict, bytes | None]] = {}  # new article -> (its report, signature)
        if threshold > 0:
            unsigned = [(doc_id, to_bytes(signature(text))) for doc_id, text in store.unsigned_articles()]
            if unsigned:
                store.write([], signatures=unsigned)
            self.near = NearDuplicates(threshold, store.signatures())

    def new_articles(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            article = document.article
            if article.doc_id in self.known:
                self._copy(article, article.doc_id, 1.0)
                self.report.skipped += 1
                continue
            minhash = None
            if self.near is not None:
                original, similarity, minhash = self.near.original_of(article.doc_id, article.text)
                if original is not None:
                    self._copy(article, original, similarity)
                    self.report.duplicates += 1
                    continue
                self.near.accept(article.doc_id, minhash)
            self.known.add(article.doc_id)
            self.own[article.doc_id] = (_report(article, article.doc_id, 1.0),
                                        to_bytes(minhash) if minhash is not None else None)
            yield document

    def _copy(self, article, doc_id: str, similarity: float) -> None:
        self.copies.append(_report(article, doc_id, similarity))
        if self.on_article:
            self.on_article(1)

    def take(self, batch: list[Document]) -> tuple[list[dict], list[tuple[str, bytes]]]:
        """The reports and signatures to store with `batch`."""
        reports, signatures = self.copies, []
        self.copies = []
        for document in batch:
            own, minhash = self.own.pop(document.article.doc_id)
            reports.append(own)
            if minhash is not None:
                signatures.append((document.article.doc_id, minhash))
        return reports, signatures


def _report(article, doc_id: str, similarity: float) -> dict:
    return {"doc_id": doc_id, "source": article.source, "url": article.url, "outlet": article.outlet,
            "title": article.title, "published": article.published, "similarity": round(similarity, 3)}


def _flush(store: Store, batch: list[Document], report: IngestReport, gate: _Gate) -> None:
    reports, signatures = gate.take(batch)
    if not batch and not reports:
        return
    store.write(batch, log=[(d.article.source, "stored", d.article.doc_id, "") for d in batch],
                reports=reports, signatures=signatures)
    report.stored += len(batch)
    report.events += sum(len(d.events) for d in batch)
    report.undated += sum(1 for d in batch if d.article.published is None)
    batch.clear()

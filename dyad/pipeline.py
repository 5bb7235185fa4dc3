"""The pipeline: read → clean → annotate → resolve → code, one document at a time.

Each stage is a function over `Document`; this module only strings them
together, streams, and collects per-file errors so that one bad input never
stops a batch.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from dyad.actors import resolve_actors
from dyad.annotate import annotate, load_nlp
from dyad.clean import clean
from dyad.dates import resolve_date, resolve_from_anchor
from dyad.errors import InputError
from dyad.events import code_events
from dyad.model import Document, RawDocument
from dyad.settings import load_settings
from dyad.toponyms import resolve_places
from dyad.when_where import date_direction


def clean_all(raws: Iterable[RawDocument], *, errors: list[InputError],
              published: dt.date | None = None) -> Iterator[Document]:
    for raw in raws:
        try:
            article = clean(raw)
        except InputError as err:
            errors.append(err)
            continue
        if article.published is None and published is not None:
            article = replace(article, published=published)
        yield Document(article=article)


def resolve(document: Document) -> Document:
    """The resolve stage: actors, then places and dates of mentions."""
    resolve_actors(document)
    resolve_places(document)
    anchor = None  # (sentence, day) the text last named, for "the next day"
    for mention in document.mentions:
        if mention.type == "DATE":
            root = document.sentences[mention.sentence_index].span[mention.token_start:mention.token_end].root
            near = anchor[1] if anchor and mention.sentence_index - anchor[0] <= 1 else None
            mention.date = (resolve_date(mention.text, published=document.article.published,
                                         prefer=date_direction(root))
                            or resolve_from_anchor(mention.text, near))
            if mention.date is not None and mention.date.precision == "day":
                anchor = (mention.sentence_index, dt.date.fromisoformat(mention.date.value))
    return document


def process_documents(documents: Iterable[Document], *, n_process: int = 1,
                      model: str | None = None) -> Iterator[Document]:
    """Annotate, resolve and code cleaned documents; yields them in input order.

    With `n_process` > 1 batches of documents go through every stage in worker processes,
    not the parse alone, and come back without their spaCy objects (`Sentence.span`, the
    coreference memory): what the store and the output need.
    """
    model = model or load_settings().model
    if n_process > 1:
        yield from _in_workers(documents, n_process=n_process, model=model)
        return
    nlp = load_nlp(model)
    for document in annotate(documents, nlp):
        yield code_events(resolve(document))


def process_raw(raws: Iterable[RawDocument], *, errors: list[InputError],
                published: dt.date | None = None, n_process: int = 1,
                model: str | None = None) -> Iterator[Document]:
    """Every stage over a stream of raw documents; yields finished documents in order."""
    documents = clean_all(raws, errors=errors, published=published)
    yield from process_documents(documents, n_process=n_process, model=model)


# Documents per task sent to a worker, and tasks in flight per worker: enough to keep every
# worker busy, few enough that memory stays flat however long the input.
WORKER_BATCH = 8
IN_FLIGHT = 2


def _in_workers(documents: Iterable[Document], *, n_process: int, model: str) -> Iterator[Document]:
    load_nlp(model)  # loaded once here; the forked workers share it
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process) as pool:
        pending: deque = deque()
        for batch in batches(documents, WORKER_BATCH):
            pending.append(pool.apply_async(_process_batch, (batch, model)))
            if len(pending) >= IN_FLIGHT * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter), read lazily."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process_batch(documents: list[Document], model: str) -> list[Document]:
    """In a worker: one batch through every stage, returned without spaCy objects."""
    finished = list(process_documents(documents, model=model))
    for document in finished:
        document.actor_context = None
        for sentence in document.sentences:
            sentence.span = None
    return finished


def process_text(text: str, *, published: dt.date | None = None, source: str = "<text>") -> Document:
    """One text through the whole pipeline (used by eval and `dyad explain`)."""
    errors: list[InputError] = []
    raw = RawDocument(text=text, source=source, published=published.isoformat() if published else None)
    documents = list(process_raw([raw], errors=errors))
    if errors:
        raise errors[0]
    return documents[0]

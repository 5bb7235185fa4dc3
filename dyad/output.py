"""The `dyad extract` JSON contract (shared/DESIGN.md): one object per article.

Field names here are a public contract: new fields may be added, none renamed.
"""

from __future__ import annotations

from typing import Any

from dyad.model import Document, Event, Mention


def document_json(document: Document) -> dict[str, Any]:
    article = document.article
    return {
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
        "entities": [mention_json(m) for m in document.mentions],
        "events": [event_json(e) for e in document.events],
    }


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "text": mention.text, "type": mention.type, "start": mention.start, "end": mention.end,
        "canonical": _canonical(mention),
        "actor": mention.actor.as_dict(with_name=False) if mention.actor else None,
        "place": mention.place.as_dict() if mention.place else None,
        "date": {"value": mention.date.value, "precision": mention.date.precision} if mention.date else None,
    }


def _canonical(mention: Mention) -> str:
    actor = mention.actor
    if actor and actor.name and (mention.type == "PERSON" or actor.org or mention.type in {"GPE", "NORP"}):
        return actor.name
    return mention.text


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "sentence_index": event.sentence_index,
        "start": event.start, "end": event.end, "sentence": event.sentence,
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "source": event.source.as_dict(),
        "target": event.target.as_dict() if event.target else None,
        "code": event.code, "root": event.root, "quad": event.quad, "goldstein": event.goldstein,
        "modality": event.modality,
        "plover": event.plover,
        "attribution": {"speaker": event.speaker.as_dict() if event.speaker else None,
                        "outlet": event.outlet},
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_source": event.date_source if event.date else None,
        "location": _location(event),
        "confidence": event.confidence,
        "pattern": event.pattern,
        "source_span": _span(event.source_span),
        "target_span": _span(event.target_span),
    }


def _span(span) -> dict[str, Any] | None:
    return {"text": span.text, "start": span.start, "end": span.end} if span else None


def _location(event: Event) -> dict[str, Any] | None:
    place = event.location
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}

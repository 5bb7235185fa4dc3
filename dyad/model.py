"""The document object that flows through every stage.

`read` makes a `RawDocument`; `clean` turns it into an `Article` whose `text` is
what every offset refers to; `annotate` adds `sentences` and `mentions`;
`resolve` (actors, places, dates) fills their fields; `code` adds `events`.
Each stage takes a `Document` and returns it: the document is the contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "planned", "expected", "negated", "hypothetical")
PRECISIONS = ("day", "month", "year")


@dataclass
class RawDocument:
    """One input record before cleaning, as a reader found it."""

    text: str
    source: str  # path, URL, or "<path>:<line>" for JSON Lines
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date string if the input said so
    outlet: str | None = None
    is_html: bool = False


@dataclass
class Article:
    """An input document after cleaning; `text` is what all offsets refer to."""

    doc_id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str = "en"
    byline: str | None = None
    dateline: str | None = None


@dataclass
class Actor:
    """A mention resolved to a CAMEO-style actor code: country + one role."""

    code: str
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3, or None when unknown
    role: str | None = None
    org: str | None = None  # IGO code such as "UNO", "WSTNAT"
    roles: tuple[str, ...] = ()  # all roles on the article's date, e.g. ("GOV", "MIL") for a defence minister

    def as_dict(self, *, with_name: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code}
        if with_name:
            out["name"] = self.name
        out["country"] = self.country
        out["role"] = self.role
        if self.org:
            out["org"] = self.org
        if len(self.roles) > 1:
            out["roles"] = list(self.roles)
        return out


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # "country", "city", "region", ...
    gazetteer_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "feature": self.feature, "gazetteer_id": self.gazetteer_id}


@dataclass
class DateValue:
    """A resolved calendar date at its precision ("2021-08" is month precision)."""

    value: str
    precision: str  # one of PRECISIONS

    @classmethod
    def from_date(cls, day: dt.date, precision: str) -> "DateValue":
        text = {"day": day.isoformat(), "month": day.strftime("%Y-%m"),
                "year": day.strftime("%Y")}[precision]
        return cls(text, precision)


@dataclass
class Mention:
    """A span naming something, with offsets into `Article.text`."""

    text: str
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...
    start: int
    end: int
    sentence_index: int
    canonical: str | None = None
    entity_id: str | None = None  # id set by the entity ruler (ISO3 or IGO code)
    actor: Actor | None = None
    how: str | None = None  # the table or rule that gave the actor, for `dyad actors resolve`
    place: Place | None = None
    date: DateValue | None = None
    token_start: int = 0  # token indices within the sentence span
    token_end: int = 0


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    span: Any = None  # the spaCy Span; not serialised


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Event:
    id: str
    sentence_index: int
    start: int
    end: int
    sentence: str
    trigger: Span
    source: Actor
    target: Actor | None
    code: str
    root: str
    quad: int
    goldstein: float
    modality: str = "asserted"
    plover: dict[str, Any] | None = None
    speaker: Actor | None = None
    outlet: str | None = None
    date: DateValue | None = None
    date_source: str | None = None  # "text" or "published"
    location: Place | None = None
    confidence: float = 0.5
    pattern: str | None = None  # which pattern fired, for `dyad explain`/`show`
    source_span: Span | None = None  # where the source was read: a name, "he", "troops"
    target_span: Span | None = None


@dataclass
class Document:
    """An article and everything the stages found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actor_context: Any = None  # the actors stage's coreference memory, read by the events stage

    def mentions_in(self, sentence_index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence_index == sentence_index]

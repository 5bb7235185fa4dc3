"""Annotate stage: sentences, tokens, dependency parse and named entities.

The article text is split into paragraphs before spaCy sees it, because the
parser does not treat a single newline as a boundary and a furniture line glued
to a sentence ruins its parse. Each paragraph is parsed on its own; sentence and
mention offsets are shifted back into the article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from dyad.errors import ConfigError
from dyad.model import Document, Mention, Sentence
from dyad.places import lookup_place

PARAGRAPH = re.compile(r"[^\n]+")
# Labels kept as mentions; numbers and quantities are not things that act.
MENTION_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "EVENT", "LAW"}


@cache
def load_nlp(model: str) -> Language:
    """Load the pipeline once per process, with dyad's entity ruler before `ner`."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; pip install it or set `model` in dyad.toml") from err
    from dyad.actor_tables import famous_surnames, person_aliases, ruler_patterns

    # The small model tags countries as NORP and capitals as ORG; a ruler first fixes
    # that and carries the ISO3 code as the entity id.
    ruler = nlp.add_pipe("dyad_names", before="ner")
    ruler.add_patterns(ruler_patterns())
    people = nlp.add_pipe("dyad_people", after="ner")
    people.add_names(person_aliases() + famous_surnames(), nlp.tokenizer)
    nlp.add_pipe("dyad_dates", after="dyad_people")
    nlp.add_pipe("dyad_area_names", after="dyad_dates")
    return nlp


@Language.factory("dyad_names")
def _make_name_ruler(nlp: Language, name: str) -> NameRuler:
    return NameRuler(nlp.vocab)


class NameRuler:
    """The entity ruler's job for thousands of names, on hash-based phrase matchers.

    The table's patterns are one token per word, matched on exact text ("US", "Russia")
    or on lower case ("united nations"). spaCy's entity_ruler runs such token patterns
    through its general Matcher, which took over half of the pipeline's time; two
    PhraseMatchers do the same matching in a fraction of it. Longer matches win, and
    a match replaces the model's entity where they overlap."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        # names matched on lower case whose words marked IS_TITLE must be capitalised in
        # the text ("Human Rights Watch", not "a shared interest")
        self.titled = PhraseMatcher(vocab, attr="LOWER")
        self.meta: dict[int, tuple[str, str]] = {}  # match key -> (label, id)
        self.masks: dict[int, tuple[int, ...]] = {}  # titled match key -> capitalised words

    def add_patterns(self, patterns: list[dict]) -> None:
        for pattern in patterns:
            attrs = {attr for token in pattern["pattern"] for attr in token}
            words = [token.get("TEXT") or token["LOWER"] for token in pattern["pattern"]]
            key = f"{pattern['label']}|{pattern['id']}"
            matcher = self.exact if attrs == {"TEXT"} else self.lower
            if "IS_TITLE" in attrs:
                mask = tuple(i for i, token in enumerate(pattern["pattern"]) if token.get("IS_TITLE"))
                key, matcher = f"{key}|{mask}", self.titled
                self.masks[self.vocab.strings.add(key)] = mask
            self.meta[self.vocab.strings.add(key)] = (pattern["label"], pattern["id"])
            matcher.add(key, [Doc(self.vocab, words=words)])

    def __call__(self, doc: Doc) -> Doc:
        found = [SpacySpan(doc, start, end, label=self.meta[key][0], span_id=self.meta[key][1])
                 for matcher in (self.exact, self.lower) for key, start, end in matcher(doc)]
        found += [SpacySpan(doc, start, end, label=self.meta[key][0], span_id=self.meta[key][1])
                  for key, start, end in self.titled(doc)
                  if all(doc[start + i].is_title or doc[start + i].is_upper for i in self.masks[key])]
        return _overrule(doc, found)


def _overrule(doc: Doc, found: list[SpacySpan]) -> Doc:
    """Make the longest of `found` entities, replacing the entities they overlap."""
    if found:
        chosen = filter_spans(found)
        taken = {i for span in chosen for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(kept + chosen)
    return doc


@Language.factory("dyad_people")
def _make_known_people(nlp: Language, name: str) -> KnownPeople:
    return KnownPeople(nlp.vocab)


class KnownPeople:
    """Full names from the people table, after the model: a known name the model missed
    ("Hakainde Hichilema"), cut short ("Khan" of "Imran Khan") or took for an
    organisation becomes a PERSON. Only capitalised words match, and a name inside a
    longer entity of another kind ("Dera Ismail Khan", a city) is left alone."""

    def __init__(self, vocab):
        self.matcher = PhraseMatcher(vocab, attr="LOWER")

    def add_names(self, names: list[str], tokenizer) -> None:
        self.matcher.add("PERSON", list(tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for _, start, end in self.matcher(doc):
            if not all(t.is_title or t.is_upper or not t.is_alpha for t in doc[start:end]):
                continue
            overlapping = [e for e in doc.ents if e.start < end and start < e.end]
            if any(e.label_ != "PERSON" and (e.start < start or e.end > end) or e.ent_id_
                   for e in overlapping):
                continue  # part of a longer place or organisation, or one of our table's names
            found.append(SpacySpan(doc, start, end, label="PERSON"))
        return _overrule(doc, found)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_NEAR = {"IN": ["this", "last", "next"]}
# Dates named relative to the day of writing, which the model often leaves untagged.
DATE_PATTERNS = [
    [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
    [{"LOWER": _NEAR}, {"LOWER": {"IN": ["week", "month", "year", "weekend", "morning", "night",
                                         "evening", "afternoon"]}}],
    [{"LOWER": _NEAR}, {"LOWER": {"IN": _MONTHS}}],
    [{"LOWER": {"IN": _MONTHS}}, {"LOWER": "of"}, {"LOWER": _NEAR}, {"LOWER": "year"}],
]


@Language.factory("dyad_dates")
def _make_date_words(nlp: Language, name: str) -> DateWords:
    return DateWords(nlp.vocab)


# Times the model tags TIME that name a day: "last night's attack" was yesterday.
DAY_TIMES = {"last night", "tonight", "overnight", "this morning", "this afternoon", "this evening"}


class DateWords:
    """Relative dates the model missed ("Today,", "this year", "January of this year")
    become DATE entities, and so do TIME entities that name a day ("last night"); words
    already inside another entity are left as they are."""

    def __init__(self, vocab):
        self.matcher = Matcher(vocab)
        self.matcher.add("DATE", DATE_PATTERNS)

    def __call__(self, doc: Doc) -> Doc:
        days = [e for e in doc.ents if e.label_ == "TIME" and
                re.sub(r"['’]s$", "", e.text.lower()) in DAY_TIMES]
        if days:
            doc.ents = [SpacySpan(doc, e.start, e.end, label="DATE") if e in days else e
                        for e in doc.ents]
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        found = [SpacySpan(doc, start, end, label="DATE") for _, start, end in self.matcher(doc)
                 if not any(i in taken for i in range(start, end))]
        if found:
            doc.ents = filter_spans(list(doc.ents) + filter_spans(found))
        return doc


# Common nouns after a name that make it the name of an area ("the Ural region", "the
# Amazon rainforest", "Rivers state"), which the model often leaves untagged or calls ORG.
AREA_NOUNS = ["region", "province", "district", "governorate", "oblast", "state", "valley",
              "river", "rainforest", "basin", "delta", "desert", "mountains", "peninsula",
              "sea", "strait", "island", "islands"]


@Language.factory("dyad_area_names")
def _make_area_names(nlp: Language, name: str) -> AreaNames:
    return AreaNames(nlp.vocab)


class AreaNames:
    """A capitalised name and an area noun ("the Ural region", "the Amazon rainforest")
    that the gazetteer knows as a region or province becomes a LOC entity, replacing an
    ORG or PERSON the model made of the name. Names already tagged as places or
    nationalities are left to the resolvers."""

    def __init__(self, vocab):
        self.matcher = Matcher(vocab)
        self.matcher.add("AREA", [[{"IS_TITLE": True, "OP": "{1,3}"},
                                   {"LOWER": {"IN": AREA_NOUNS}, "IS_LOWER": True}]])
        # The model's place cut short: "Blyth [Valley]" (and "Valley" is Anguilla's capital)
        self.short = Matcher(vocab)
        self.short.add("SHORT", [[{"IS_TITLE": True, "ENT_TYPE": ""},
                                  {"LOWER": {"IN": AREA_NOUNS}, "IS_TITLE": True,
                                   "ENT_TYPE": {"IN": ["GPE", "LOC"]}}]])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for _, start, end in self.matcher(doc):
            if any(t.ent_type_ in {"GPE", "LOC", "FAC", "NORP", "DATE"} for t in doc[start:end]):
                continue
            if any(e.start < start < e.end for e in doc.ents):
                continue  # the name starts inside a longer entity
            place = lookup_place(doc[start:end].text)
            if place is not None and place.feature in {"region", "admin1"}:
                found.append(SpacySpan(doc, start, end, label="LOC"))
        for _, start, end in self.short(doc):
            noun = doc[start + 1]
            if (noun.ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
                    and lookup_place(doc[start].text) is not None):
                found.append(SpacySpan(doc, start, end, label="LOC"))
        return _overrule(doc, filter_spans(found))


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each non-blank line of the text."""
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def annotate(documents: Iterable[Document], nlp: Language, *, batch_size: int = 64) -> Iterator[Document]:
    """Parse every paragraph of every document, streaming documents back in order."""
    pending: dict[int, tuple[Document, int]] = {}  # doc number -> (document, paragraphs left)

    def units() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, document in enumerate(documents):
            paras = list(paragraphs(document.article.text))
            pending[number] = (document, len(paras))
            if not paras:
                continue
            for offset, para in paras:
                yield para, (number, offset)

    next_out = 0
    for parsed, (number, offset) in nlp.pipe(units(), as_tuples=True, batch_size=batch_size):
        document, left = pending[number]
        _add_paragraph(document, parsed, offset)
        pending[number] = (document, left - 1)
        while next_out in pending and pending[next_out][1] == 0:
            yield pending.pop(next_out)[0]
            next_out += 1
    while next_out in pending:  # documents with no paragraphs at the end
        yield pending.pop(next_out)[0]
        next_out += 1


def _add_paragraph(document: Document, parsed, offset: int) -> None:
    for sent in parsed.sents:
        if not sent.text.strip():
            continue
        sentence = Sentence(index=len(document.sentences), start=offset + sent.start_char,
                            end=offset + sent.end_char, text=sent.text, span=sent)
        document.sentences.append(sentence)
        for ent in sent.ents:
            if ent.label_ in MENTION_LABELS:
                document.mentions.append(_mention(ent, sentence))


def _mention(ent: SpacySpan, sentence: Sentence) -> Mention:
    base = sentence.start - sentence.span.start_char
    return Mention(text=ent.text, type=ent.label_, start=base + ent.start_char,
                   end=base + ent.end_char, sentence_index=sentence.index,
                   entity_id=ent.ent_id_ or None,
                   token_start=ent.start - sentence.span.start, token_end=ent.end - sentence.span.start)


def token_offset(sentence: Sentence, token: Token) -> tuple[int, int]:
    """A token's (start, end) in the article text."""
    start = sentence.start + token.idx - sentence.span.start_char
    return start, start + len(token.text)

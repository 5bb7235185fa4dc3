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
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dyad.errors import ConfigError
from dyad.model import Document, Mention, Sentence

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
    from dyad.actor_tables import ruler_patterns

    # The small model tags countries as NORP and capitals as ORG; a ruler first fixes
    # that and carries the ISO3 code as the entity id.
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    return nlp


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each non-blank line of the text."""
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def annotate(documents: Iterable[Document], nlp: Language, *, n_process: int = 1,
             batch_size: int = 64) -> Iterator[Document]:
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
    for parsed, (number, offset) in nlp.pipe(units(), as_tuples=True, n_process=n_process,
                                              batch_size=batch_size):
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

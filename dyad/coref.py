"""Within-article coreference: what the actors stage remembers as it reads an article.

Mentions are resolved in order, so later words can point back: a surname
("Grigoryev"), a title ("the ambassador"), a pronoun ("He noted…") or a pair
("both countries" after "Russia and Tajikistan"). Pronouns prefer a person named
earlier in their own sentence, then the subject in focus in the sentence before,
and never jump past an unresolved pronoun chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Token

from dyad.model import Actor, Mention, Sentence

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}


@dataclass
class ActorContext:
    """What has been resolved so far in one article, for coreference."""

    published: dt.date | None
    # (actor, title words); the actor is None for a person named but not resolvable, who
    # still blocks "she" from jumping back to someone named before
    people: list[tuple[Actor | None, set[str]]] = field(default_factory=list)
    # Where each person was named, as (sentence index, token index), for pronouns: all
    # mentions are resolved before events are coded, so "he" must look backwards from itself.
    positions: list[tuple[int, int]] = field(default_factory=list)
    subjects: list[bool] = field(default_factory=list)  # was that mention a clause subject?
    where: tuple[int, int] = (0, 0)  # the mention being resolved
    as_subject: bool = False  # is the mention being resolved a subject?
    # Countries named together ("Russia and Tajikistan", "Moscow and Dushanbe"): the
    # antecedents of a later "both countries" or "the two sides".
    pairs: list[tuple[tuple[int, int], tuple[str, str]]] = field(default_factory=list)
    # Countries named by name, capital or demonym, in order: the antecedent of "the country".
    countries: list[tuple[tuple[int, int], str]] = field(default_factory=list)

    def country_before(self, sentence_index: int, token_index: int,
                       exclude: frozenset[str] = frozenset()) -> str | None:
        for position, country in reversed(self.countries):
            if position < (sentence_index, token_index) and country not in exclude:
                return country
        return None

    def pair_before(self, sentence_index: int, token_index: int) -> tuple[str, str] | None:
        for position, pair in reversed(self.pairs):
            if position < (sentence_index, token_index):
                return pair
        return None

    def remember(self, actor: Actor | None, title_words: set[str], *, is_person: bool) -> None:
        if is_person:
            self.people.append((actor, title_words))
            self.positions.append(self.where)
            self.subjects.append(self.as_subject)

    def person_before(self, sentence_index: int, token_index: int) -> Actor | None:
        """The person a "he"/"she" refers to: someone named earlier in the same sentence
        ("asked Trump ..., but he declined"); else the latest person who was a subject in
        the previous sentence (subjects stay in focus); else the latest person named."""
        earlier = [(actor, position, subject) for (actor, _), position, subject
                   in zip(self.people, self.positions, self.subjects)
                   if position < (sentence_index, token_index)]
        if earlier and earlier[-1][1][0] == sentence_index:
            return earlier[-1][0]
        for actor, position, subject in reversed(earlier):
            if subject and position[0] >= sentence_index - 1:
                return actor
        return earlier[-1][0] if earlier else None


def remember_pronoun_subjects(sentence: Sentence, context: ActorContext) -> None:
    """"She spoke ... She asked ...": a pronoun subject keeps its person in focus."""
    for token in sentence.span:
        if token.lower_ in PERSON_PRONOUNS and token.dep_ in {"nsubj", "nsubjpass"}:
            local = token.i - sentence.span.start
            actor = context.person_before(sentence.index, local)
            # even unresolved, the pronoun continues its chain: the next "she" is the same one
            context.where, context.as_subject = (sentence.index, local), True
            context.remember(actor, set(), is_person=True)


def is_subject(token: Token) -> bool:
    """A subject, or a name inside a subject phrase ("President X", "X, the minister")."""
    for _ in range(3):
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if token.dep_ not in {"compound", "appos", "conj", "poss"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def remember_countries(mentions: list[Mention], sentence: Sentence, context: ActorContext) -> None:
    for mention in mentions:
        if mention.type in {"GPE", "NORP"} and mention.actor and mention.actor.country \
                and not mention.actor.org:
            context.countries.append(((sentence.index, mention.token_start), mention.actor.country))


def remember_pairs(mentions: list[Mention], sentence: Sentence, context: ActorContext) -> None:
    by_token = {i: m for m in mentions if m.actor and m.actor.country
                for i in range(m.token_start, m.token_end)}
    for mention in by_token.values():
        root = sentence.span[mention.token_start:mention.token_end].root
        for other in root.conjuncts:
            partner = by_token.get(other.i - sentence.span.start)
            if partner and other.i > root.i and partner.actor.country != mention.actor.country:
                context.pairs.append(((sentence.index, other.i - sentence.span.start),
                                      (mention.actor.country, partner.actor.country)))


def earlier_person(name: str, context: ActorContext) -> Actor | None:
    """A later mention by surname ("Grigoryev") is the person introduced earlier."""
    words = name.lower().split()
    for actor, _ in reversed(context.people):
        if actor and actor.name:
            # any family name, so double surnames match by their first ("Fuentealba")
            family = actor.name.lower().split()[1:]
            if words[-1] in family and all(w in family for w in words):
                return actor
    return None


def earlier_titled(token: Token, context: ActorContext) -> Actor | None:
    """"the ambassador" after "Russian Ambassador ... Grigoryev": the same person. Only a
    singular noun with "the" refers back so; "police" or "officials" are groups."""
    if token.tag_ != "NN" or not any(c.lower_ in {"the", "this", "that"} for c in token.children):
        return None
    word = token.lemma_.lower()
    for actor, words in reversed(context.people):
        if actor and word in words:
            return actor
    return None

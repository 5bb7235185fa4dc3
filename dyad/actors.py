"""Actors stage: resolve mentions and noun phrases to CAMEO-style actors.

An actor code is a country (ISO3, or `---` when unknown) plus at most one role
(`RUSGOV`), or an international organisation's code (`IGOUNO`). Evidence comes
from, in order of trust:

1. the words around the mention in this sentence: a title before a name
   ("Russian Ambassador to Tajikistan Semyon Grigoryev"), an apposition
   ("Rahmon, Tajikistan's president"), a possessor ("Russia's army");
2. the dated people table, read at the article's date;
3. earlier mentions in the same article, for surnames, titles and pronouns.

The tables themselves live in `actor_tables` and `data/`; this module only
reads text and parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dyad import actor_tables as tables
from dyad.model import Actor, Document, Mention, Sentence

UNKNOWN_COUNTRY = "---"
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
# A country after one of these inside a title is where the person is posted or
# what they deal with ("Ambassador to Tajikistan"), not whom they serve.
NON_OWNER_PREPS = {"to", "in", "for", "on", "at", "with", "against", "toward", "towards", "over"}
# Title windows stop at these parts of speech: a verb or punctuation ends the noun phrase.
TITLE_POS = {"PROPN", "NOUN", "ADJ", "ADP", "DET", "PART", "NUM"}
# Subtree children that start another clause: not part of the noun phrase.
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "appos", "punct", "prep"}
OWNER_PREP_DEPS = {"of", "from"}


@dataclass
class ActorContext:
    """What has been resolved so far in one article, for coreference."""

    published: dt.date | None
    people: list[tuple[Actor, set[str]]] = field(default_factory=list)  # (actor, title words)
    last_person: Actor | None = None
    last_actors: list[Actor] = field(default_factory=list)

    def remember(self, actor: Actor, title_words: set[str], *, is_person: bool) -> None:
        if is_person:
            self.people.append((actor, title_words))
            self.last_person = actor
        self.last_actors = ([actor] + [a for a in self.last_actors if a.code != actor.code])[:4]


def make_actor(*, country: str | None, role: str | None, name: str | None,
               org: str | None = None) -> Actor | None:
    if org:  # "IGOUNO": the prefix (IGO, NGO, ...) is the role, the rest the organisation
        return Actor(code=org, name=name, country=None, role=org[:3], org=org[3:] or None)
    if not country and not role:
        return None
    code = (country or UNKNOWN_COUNTRY) + (role or "")
    return Actor(code=code, name=name, country=country, role=role)


def resolve_actors(document: Document) -> Document:
    """Give every person, organisation and place mention its actor, if it has one."""
    context = ActorContext(published=document.article.published)
    document.actor_context = context  # type: ignore[attr-defined]  # used by the events stage
    for sentence in document.sentences:
        for mention in document.mentions_in(sentence.index):
            mention.actor = mention_actor(mention, sentence, context)
    return document


def mention_actor(mention: Mention, sentence: Sentence, context: ActorContext) -> Actor | None:
    span = sentence.span[mention.token_start:mention.token_end]
    if mention.type in {"GPE", "NORP"}:
        country = mention.entity_id if _is_iso3(mention.entity_id) else tables.country_code(mention.text)
        if not country:
            return None
        role = tables.metonym_role(mention.text)
        return make_actor(country=country, role=role, name=tables.country_name(country) or mention.text)
    if mention.type in {"ORG", "FAC"}:
        return _org_actor(span, sentence)
    if mention.type == "PERSON":
        return _person_actor(span, sentence, context)
    return None


def _is_iso3(value: str | None) -> bool:
    return bool(value) and len(value) == 3 and value.isupper()


def _org_actor(span: SpacySpan, sentence: Sentence) -> Actor | None:
    found = tables.igo(span.text)
    if found:
        code, name = found
        return make_actor(country=None, role=None, name=name, org=code)
    country = tables.country_code(span.text)
    if country:  # a capital or metonym the ruler missed ("the Kremlin")
        return make_actor(country=country, role=tables.metonym_role(span.text),
                          name=tables.country_name(country))
    words = [t for t in span if not t.is_punct]
    country = _first_country(words)
    role = _role_of(words)
    if not country:
        country = _first_country(_title_window(span))
    return make_actor(country=country, role=role, name=span.text) if role else None


def _person_actor(span: SpacySpan, sentence: Sentence, context: ActorContext) -> Actor | None:
    name = span.text
    title = _title_window(span) + _apposition(span)
    title_words = {t.lemma_.lower() for t in title}
    country, role = _first_country(title), _role_of(title)
    org = _organisation_in(title)
    if org and not country:
        actor = make_actor(country=None, role=None, name=name, org=org)
        context.remember(actor, title_words, is_person=True)
        return actor
    known = tables.person(name, context.published)
    if known:
        name = known.name
        country = country or known.country
        role = role or known.role
    if not (country or role):
        earlier = _earlier_person(name, context)
        if earlier:
            return earlier
    actor = make_actor(country=country, role=role, name=name)
    if actor:
        context.remember(actor, title_words, is_person=True)
    return actor


def _organisation_in(tokens: list[Token]) -> str | None:
    """An international organisation named in a title ("UN envoy", "NATO Secretary General")."""
    for token in tokens:
        if token.ent_type_ == "ORG" and token.ent_id_ and not _is_iso3(token.ent_id_):
            return token.ent_id_
        found = tables.igo(token.text) if token.text.isupper() or "." in token.text else None
        if found:
            return found[0]
    return None


def _earlier_person(name: str, context: ActorContext) -> Actor | None:
    """A later mention by surname ("Grigoryev") is the person introduced earlier."""
    last = name.split()[-1].lower()
    for actor, _ in reversed(context.people):
        if actor.name and actor.name.split()[-1].lower() == last:
            return actor
    return None


def _title_window(span: SpacySpan) -> list[Token]:
    """Words right before a name that form its title ("Russian Ambassador to Tajikistan")."""
    doc, start = span.doc, span.start
    sent_start = span.sent.start
    window: list[Token] = []
    i = start - 1
    while i >= sent_start and doc[i].pos_ in TITLE_POS and doc[i].dep_ != "punct":
        if doc[i].pos_ == "DET" and doc[i].lower_ not in {"the"}:
            break
        window.insert(0, doc[i])
        i -= 1
    # A possessive owner before the title: "Tajikistan's president Rahmon".
    return window


def _apposition(span: SpacySpan) -> list[Token]:
    """", Tajikistan's president," after a name."""
    words: list[Token] = []
    for child in span.root.children:
        if child.dep_ == "appos":
            words.extend(t for t in child.subtree if not t.is_punct)
    return words


def _countries(tokens: list[Token]) -> list[str]:
    """Countries named in a phrase, skipping those after to/in/for ("Ambassador to Tajikistan")."""
    found: list[str] = []
    for token in tokens:
        if _after_non_owner_prep(token):
            continue
        code = None
        if token.ent_type_ in {"GPE", "NORP"} and _is_iso3(token.ent_id_):
            code = token.ent_id_
        elif token.pos_ == "PROPN" or token.text[:1].isupper():
            code = tables.country_code(token.text)
        if code and code not in found:
            found.append(code)
    return found


def _after_non_owner_prep(token: Token) -> bool:
    if token.dep_ == "pobj" and token.head.lower_ in NON_OWNER_PREPS:
        return True
    i, doc = token.i - 1, token.doc
    while i >= 0 and doc[i].ent_iob_ == "I":  # walk to the start of a multi-word name
        i -= 1
    return i >= 0 and doc[i].lower_ in NON_OWNER_PREPS and doc[i].pos_ == "ADP"


def _first_country(tokens: list[Token]) -> str | None:
    """The owner country of a title: the one nearest the name ("Libyan leader")."""
    found = _countries(tokens)
    return found[-1] if found else None


ROLE_POS = {"NOUN", "PROPN"}


def _role_of(tokens: list[Token]) -> str | None:
    """The role of the head-most role noun; multi-word titles ("secretary of state") first.
    Adjectives never give a role: an "official protest" is not an official."""
    words = [t for t in tokens if not t.is_punct]
    for size in (3, 2):
        for i in range(len(words) - size, -1, -1):
            chunk = words[i:i + size]
            if chunk[-1].pos_ in ROLE_POS:
                role = tables.role_code(" ".join(t.text for t in chunk))
                if role:
                    return role
    for token in reversed(words):
        if token.pos_ in ROLE_POS:
            role = tables.role_code(token.lemma_) or tables.role_code(token.text)
            if role:
                return role
    return None


def _head_role(token: Token) -> str | None:
    """Role of a common-noun phrase from its head and the nouns compounded with it
    ("army officers", "security forces"), not from words further away."""
    nouns = [c for c in token.children if c.dep_ == "compound"] + [token]
    return _role_of(sorted(nouns, key=lambda t: t.i)) if token.pos_ in ROLE_POS else None


def phrase_tokens(token: Token) -> list[Token]:
    """The noun phrase headed by `token`, without clauses; "of"/"from" owners kept."""
    out = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS and not (child.dep_ == "prep" and child.lower_ in OWNER_PREP_DEPS):
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _country_in(token: Token, mentions: list[Mention], offset: int) -> str | None:
    """"Demonstrators in Baghdad", "security forces in Guinea": a group is from where it is."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                for mention in mentions:
                    if mention.token_start <= obj.i - offset < mention.token_end:
                        if mention.actor and mention.actor.country and not mention.actor.role:
                            return mention.actor.country
                        if mention.place and mention.place.country:
                            return mention.place.country
    return None


def token_actors(token: Token, mentions: list[Mention], sentence: Sentence,
                 context: ActorContext) -> list[Actor]:
    """Like `token_actor`, but "Hungarian and Romanian officials" gives two actors."""
    actor = token_actor(token, mentions, sentence, context)
    if actor is None or actor.org or token.ent_type_:
        return [actor] if actor else []
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}]
    countries = []
    for modifier in modifiers:
        for word in [modifier, *modifier.conjuncts]:
            code = _first_country([word])
            if code and code not in countries:
                countries.append(code)
    if len(countries) < 2:
        return [actor]
    return [make_actor(country=c, role=actor.role, name=actor.name) for c in countries]


def token_actor(token: Token, mentions: list[Mention], sentence: Sentence,
                context: ActorContext) -> Actor | None:
    """The actor a subject or object token stands for, or None."""
    offset = sentence.span.start
    local = token.i - offset
    for mention in mentions:
        if mention.token_start <= local < mention.token_end and mention.actor:
            return mention.actor
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return context.last_person
    if lower in GROUP_PRONOUNS:
        return context.last_actors[0] if context.last_actors else None
    phrase = phrase_tokens(token)
    inside = [m for m in mentions if m.actor and any(
        m.token_start <= t.i - offset < m.token_end for t in phrase)]
    people = [m for m in inside if m.type == "PERSON"]
    if people:
        return people[0].actor
    orgs = [m for m in inside if m.actor.role == "IGO"]
    if orgs:
        return orgs[0].actor
    role = _head_role(token)
    country = _first_country(phrase) or (_country_in(token, mentions, offset) if role else None)
    if role and not country and token.lemma_.lower() in {w for _, ws in context.people for w in ws}:
        # "the ambassador" after "Russian Ambassador ... Grigoryev": the same person.
        for actor, words in reversed(context.people):
            if token.lemma_.lower() in words:
                return actor
    if not role and not country:
        countries = [m for m in inside if m.actor and m.actor.country]
        return countries[0].actor if countries else None
    name = " ".join(t.text for t in phrase if not t.is_punct and t.dep_ != "det")
    return make_actor(country=country, role=role, name=name)

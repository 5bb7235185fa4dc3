"""Actors stage: resolve mentions and noun phrases to CAMEO-style actors.

An actor code is a country (ISO3, or `---` when unknown) plus at most one role
(`RUSGOV`), or an international organisation's code (`IGOUNO`). Evidence comes
from, in order of trust:

1. the words around the mention in this sentence: a title before a name
   ("Russian Ambassador to Tajikistan Semyon Grigoryev"), an apposition
   ("Rahmon, Tajikistan's president"), a possessor ("Russia's army");
2. the dated people table, read at the article's date;
3. earlier mentions in the same article, for surnames, titles and pronouns
   (`coref`).

The tables themselves live in `actor_tables` and `data/`; this module only
reads text and parse.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dyad import actor_tables as tables
from dyad.coref import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    ActorContext,
    earlier_person,
    earlier_titled,
    is_subject,
    remember_countries,
    remember_pairs,
    remember_pronoun_subjects,
)
from dyad.model import Actor, Document, Mention, Sentence
from dyad.places import lookup_place
from dyad.toponyms import SETTLEMENT_NOUNS

UNKNOWN_COUNTRY = "---"
# Code prefixes of organisations that are not a country: IGOs, NGOs, transnational groups.
ORG_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}
# A country after one of these inside a title is where the person is posted or
# what they deal with ("Ambassador to Tajikistan"), not whom they serve.
NON_OWNER_PREPS = {"to", "in", "for", "on", "at", "with", "against", "toward", "towards", "over"}
# Title windows stop at these parts of speech: a verb or punctuation ends the noun phrase.
TITLE_POS = {"PROPN", "NOUN", "ADJ", "ADP", "DET", "PART", "NUM"}
# Subtree children that start another clause: not part of the noun phrase.
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "appos", "punct", "prep"}
OWNER_PREP_DEPS = {"of", "from"}


def make_actor(*, country: str | None, role: str | None, name: str | None,
               org: str | None = None, roles: tuple[str, ...] = ()) -> Actor | None:
    if org:  # "IGOUNO": the prefix (IGO, NGO, ...) is the role, the rest the organisation
        return Actor(code=org, name=name, country=None, role=org[:3], org=org[3:] or None)
    if not country and not role:
        return None
    code = (country or UNKNOWN_COUNTRY) + (role or "")
    return Actor(code=code, name=name, country=country, role=role, roles=roles)


def resolve_actors(document: Document) -> Document:
    """Give every person, organisation and place mention its actor, if it has one."""
    context = ActorContext(published=document.article.published)
    document.actor_context = context
    _read_bare_names_in_context(document)
    for sentence in document.sentences:
        document.mentions.extend(titled_names(sentence, document.mentions_in(sentence.index)))
        document.mentions.extend(leaders_by_surname(sentence, document.mentions_in(sentence.index),
                                                    context.published))
        for mention in document.mentions_in(sentence.index):
            context.where = (sentence.index, mention.token_start)
            context.as_subject = is_subject(sentence.span[mention.token_start:mention.token_end].root)
            mention.actor = mention_actor(mention, sentence, context)
        remember_pairs(document.mentions_in(sentence.index), sentence, context)
        remember_countries(document.mentions_in(sentence.index), sentence, context)
        remember_pronoun_subjects(sentence, context)
    document.mentions.sort(key=lambda m: m.start)
    return document


# Bare names the tables give one state though news also uses them for another: "Congo" is
# the Republic of the Congo by ISO's short name, but in an article that otherwise names
# only the Democratic Republic ("DR Congo", "Kinshasa", "Congolese") it is the DRC.
SHARED_NAMES = {"congo": ("COG", "COD")}


def _read_bare_names_in_context(document: Document) -> None:
    tokens = [t for sentence in document.sentences for t in sentence.span]
    for name, (default, other) in SHARED_NAMES.items():
        bare = [t for t in tokens if t.lower_ == name and t.ent_id_ == default]
        named = {t.ent_id_ for t in tokens if t.ent_id_ in {default, other} and t.lower_ != name}
        if bare and named == {other}:
            for token in bare:
                token.ent_id_ = other
            for mention in document.mentions:
                if mention.entity_id == default and mention.text.lower().startswith(name):
                    mention.entity_id = other


def titled_names(sentence: Sentence, existing: list[Mention]) -> list[Mention]:
    """Names the NER missed after a title: "Russian Ambassador to Tajikistan Semyon Grigoryev"."""
    tokens = list(sentence.span)
    covered = {i for m in existing if m.type in {"PERSON", "ORG", "GPE", "NORP"}
               for i in range(m.token_start, m.token_end)}
    found, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j not in covered and _name_word(tokens[j]):
            j += 1
        if j - i >= 2 and (_role_of(_title_window(sentence.span[i:j]))
                           or _role_of(_apposition(sentence.span[i:j]))):
            found.append(_new_mention(sentence, i, j, "PERSON"))
        i = max(j, i + 1)
    return found


# Where in a clause a bare surname the NER missed can name a leader: "Modi will travel",
# "met Abe", "talks with Modi".
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}


def leaders_by_surname(sentence: Sentence, existing: list[Mention],
                       published: dt.date | None) -> list[Mention]:
    """Surnames alone that the NER did not tag ("Modi will travel to Washington"), kept as
    people when, on the article's date, the surname is that of a head of state or
    government, or a foreign or defence minister, in office; the highest office decides
    between namesakes. Needs the date: which Abe or Kim is meant depends on it."""
    if published is None:
        return []
    covered = {i for m in existing for i in range(m.token_start, m.token_end)}
    found = []
    for i, token in enumerate(sentence.span):
        if (i in covered or not _name_word(token) or token.dep_ not in ARGUMENT_DEPS
                or any(c.dep_ == "compound" for c in token.children)
                or token.dep_ == "compound" or not token.text.isalpha()):
            continue
        holders = [m for m in tables.people_named(token.text, published)
                   if m.role != "ELI" and (m.start is None or m.start <= published)
                   and (m.end is None or published <= m.end)]
        if _highest_in_office(holders):
            found.append(_new_mention(sentence, i, i + 1, "PERSON"))
    return found


def _name_word(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.is_title and not token.ent_id_
            and not tables.role_code(token.text) and not tables.country_code(token.text))


def _new_mention(sentence: Sentence, i: int, j: int, label: str) -> Mention:
    span = sentence.span[i:j]
    base = sentence.start - sentence.span.start_char
    return Mention(text=span.text, type=label, start=base + span.start_char, end=base + span.end_char,
                   sentence_index=sentence.index, token_start=i, token_end=j)


def mention_actor(mention: Mention, sentence: Sentence, context: ActorContext) -> Actor | None:
    actor, mention.how = explain_mention(mention, sentence, context)
    return actor


def explain_mention(mention: Mention, sentence: Sentence,
                    context: ActorContext) -> tuple[Actor | None, str | None]:
    """The mention's actor and the table or rule that gave it."""
    span = sentence.span[mention.token_start:mention.token_end]
    if mention.type in {"GPE", "NORP", "LOC", "FAC"}:
        by_ruler = _is_iso3(mention.entity_id)
        country = mention.entity_id if by_ruler else tables.country_code(mention.text, places=False)
        if not country:  # "According to Grigoryev" tagged as a place: a person named before
            earlier = earlier_person(mention.text, context) if mention.text.istitle() else None
            if earlier:  # (and the one a "him" after it means)
                context.remember(earlier, set(), is_person=True)
            return earlier, "surname of a person named earlier" if earlier else None
        if mention.type in {"LOC", "FAC"} and not tables.metonym_role(mention.text):
            return None, None
        if mention.type == "NORP":  # "Bosnian Serbs", "ethnic Albanians in Serbia"
            country = _residence(span.root) or _minority_home(span.root, country) or country
        role = tables.metonym_role(mention.text) or (
            tables.capital_role(mention.text) if mention.type == "GPE" and _acts(span.root) else None) or (
            "CVL" if mention.type == "NORP" and _some_people(span.root) else None)
        actor = make_actor(country=country, role=role, name=tables.country_name(country) or mention.text)
        return actor, "country table (metonym)" if role else "country table"
    if mention.type in {"ORG", "FAC"}:
        found, how = _org_actor(span, sentence, context.published)
        if found is None and mention.text.istitle():  # a surname the NER took for an organisation
            found = earlier_person(mention.text, context)
            how = "surname of a person named earlier" if found else None
            if found:
                context.remember(found, set(), is_person=True)
        return found, how
    if mention.type == "PERSON":
        return _person_actor(span, sentence, context)
    return None, None


def _residence(token: Token) -> str | None:
    """The country a people noun lives in, when the phrase says so: a country adjective
    before it ("Iraqi Kurds") or a place after in/of/from ("Albanians of southern Serbia");
    CAMEO codes such groups by that country."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return None
    for child in token.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ == "NORP" and _is_iso3(child.ent_id_):
            return child.ent_id_
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                code = obj.ent_id_ if _is_iso3(obj.ent_id_) else tables.country_code(obj.text)
                if code:
                    return code
    return None


def _minority_home(token: Token, nation: str) -> str | None:
    """"Ethnic Albanians demonstrated in Serbia", "ethnic Turks protested against Sweden's
    decision": an ethnic minority is coded by where it lives, here the first other country
    the sentence names after it."""
    if token.tag_ not in {"NNS", "NNPS"} or not any(
            c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children):
        return None
    for other in token.sent:
        if other.ent_type_ == "GPE" and other.i > token.i:
            code = other.ent_id_ if _is_iso3(other.ent_id_) else tables.country_code(other.text)
            if code and code != nation:
                return code
    return None


# Verbs whose object is a place acted on, not a party spoken to.
PHYSICAL_VERBS = {"shell", "bomb", "attack", "blockade", "besiege", "capture", "enter", "reach",
                  "surround", "storm", "strike", "hit", "seize", "take", "occupy", "invade", "raid",
                  "leave", "flee", "evacuate", "visit", "tour", "liberate", "control", "fire"}
# Prepositions whose object is where something happens or goes.
PLACE_PREPS = {"in", "at", "near", "to", "from", "into", "outside", "around", "across", "toward",
               "towards", "through", "inside", "on", "over", "along", "of"}


def _acts(token: Token) -> bool:
    """Does a capital stand for its government here ("Berlin rejected", "Moscow's plan",
    "accused Kampala")? One that is shelled, blockaded or travelled to is a city."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in PLACE_PREPS
    if token.dep_ in {"dobj", "nsubjpass"}:
        return token.head.lemma_.lower() not in PHYSICAL_VERBS
    return token.dep_ in {"nsubj", "poss", "agent", "appos"}


def _some_people(token: Token) -> bool:
    """"168 Liberians", "thousands of Nigerians", "young Algerians", "Palestinians living in
    Gaza": counted or described members of a nation are civilians; "the Palestinians" bare
    stand for the nation."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    if any(c.dep_ in {"nummod", "amod", "compound", "acl", "relcl", "prep"} for c in token.children):
        return True
    holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return holder is not None and (holder.lemma_.lower() in PARTITIVES or holder.pos_ == "NUM")


def _is_iso3(value: str | None) -> bool:
    return bool(value) and len(value) == 3 and value.isupper()


def _org_actor(span: SpacySpan, sentence: Sentence,
               published: dt.date | None) -> tuple[Actor | None, str | None]:
    owner = _first_country(_title_window(span))
    role = _role_of(list(span))
    if owner and role:  # "Russian Security Council" is Russia's, not the UN's
        return make_actor(country=owner, role=role, name=span.text), "country adjective + role word"
    entry = tables.country_entry(span.text)
    if entry and entry.kind in ("metonym", "org") and entry.role:  # "the Knesset", "Mossad"
        return make_actor(country=entry.iso3, role=entry.role, name=span.text), "country table (institution)"
    dated = tables.dated_org(span.text, published) if published else None
    if dated:  # a group whose standing changed: the Taliban (REB, then GOV)
        name = span.text.removeprefix("the ")
        return make_actor(country=dated[:3], role=dated[3:6], name=name), "dated organisation table"
    found = tables.igo(span.text)
    if found:
        code, name = found
        return make_actor(country=None, role=None, name=name, org=code), "organisation table"
    country = tables.country_code(span.text, places=False)
    if country:  # a capital or metonym the ruler missed ("the Kremlin")
        actor = make_actor(country=country, role=tables.metonym_role(span.text),
                           name=tables.country_name(country))
        return actor, "country table"
    if not role:
        known = tables.person(span.text, published) if " " in span.text else None
        if known and (known.country or known.code[:3] in ORG_PREFIXES):  # a name tagged ORG
            org = known.code if not known.country else None
            return make_actor(country=known.country, role=known.role, name=known.name, org=org), \
                "people table on the article's date"
        return None, None
    country = _first_country([t for t in span if not t.is_punct]) or owner or _of_country(span)
    return make_actor(country=country, role=role, name=span.text), "role word in the name"


def _of_country(span: SpacySpan) -> str | None:
    """"The Human Rights Commission of Pakistan": the country after "of"."""
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"):
        found = _countries([g for g in prep.children if g.dep_ == "pobj"])
        if found:
            return found[0]
    return None


def _person_actor(span: SpacySpan, sentence: Sentence,
                  context: ActorContext) -> tuple[Actor | None, str | None]:
    name = span.text
    title = _title_window(span) + _apposition(span)
    title_words = {t.lemma_.lower() for t in title}
    country, role = _first_country(title), _role_of(title)
    if role and not country:  # "King Hassan of Morocco"
        country = _of_country(span)
    first = min([t.i for t in title if t.i < span.start], default=span.start)
    before = span.doc[max(first - 1, span.sent.start):first]  # "Ousted" is tagged a verb
    if role and any(t.lower_ in FORMER_WORDS for t in [*title, *before]):  # "former President X"
        role = "ELI"
    how = ["title or apposition"] if country or role else []
    org = _organisation_in(title)
    if org and not country:
        actor = make_actor(country=None, role=None, name=name, org=org)
        context.remember(actor, title_words, is_person=True)
        return actor, "organisation in the title"
    known = tables.person(name, context.published) or tables.person_by_name_words(name, context.published)
    roles: tuple[str, ...] = ()
    if known and not known.country and not country and known.code[:3] in ORG_PREFIXES:
        actor = make_actor(country=None, role=None, name=known.name, org=known.code)  # an IGO's chief
        context.remember(actor, title_words, is_person=True)
        return actor, "people table on the article's date"
    if known:
        name = known.name
        country = country or known.country
        role = role or known.role
        how.append("people table on the article's date")
        if known.roles and role == known.role:  # "GOVMIL": a defence minister on that date
            roles = tuple(known.roles[i:i + 3] for i in range(0, len(known.roles), 3))
    if not (country or role):
        earlier = earlier_person(name, context)
        if earlier:
            context.remember(earlier, title_words, is_person=True)  # the latest mention, for "he"
            return earlier, "surname of a person named earlier"
    if not known and not (country and role) and not (role is None and _place_named_as_person(span, context)):
        # ("China's Xi": the country is known, the office is the table's)
        found = _by_surname(span, role, sentence, context, country)
        if found:
            name, country, role = found.name, found.country, role or found.role
            how.append("people table by surname, role and date")
    actor = make_actor(country=country, role=role, name=name, roles=roles)
    context.remember(actor, title_words, is_person=True)
    return actor, " + ".join(how) if actor else None


# Prepositions that put a one-word name the model took for a person in a place: "in Goma",
# "districts of Goma".
PLACE_NAME_PREPS = {"in", "near", "outside", "around", "into", "of"}


def _place_named_as_person(span: SpacySpan, context: ActorContext) -> bool:
    """A one-word "person" the gazetteer knows as a place, in a place's position or
    shared only with undated elites ("Goma", a city, and Louis Sylvain Goma)."""
    if len(span) != 1 or lookup_place(span.text) is None:
        return False
    token = span[0]
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_NAME_PREPS and (
            token.head.lower_ != "of" or token.head.head.lemma_.lower() in SETTLEMENT_NOUNS | {"outskirt"}):
        return True
    return all(m.role == "ELI" and m.start is None and m.end is None
               for m in tables.people_named(span.text, context.published))


def _by_surname(span: SpacySpan, role: str | None, sentence: Sentence, context: ActorContext,
                country: str | None = None):
    """"President Bush", "Vice-President Moody Awori", "China's Xi": the people table by
    surname, kept only when the title's role or country, the article date and the
    countries in the sentence leave one country."""
    words = [t.text for t in span if not t.is_punct]
    candidates = [m for m in tables.people_named(words[-1], context.published) if m.country
                  and all(_in_name(w, tables.fold(m.name).split()) for w in words)
                  and (country is None or m.country == country)]
    if role and context.published is None:  # undated: whoever held that office at some time
        candidates = [tables.person_in_role(m.name, role) or m for m in candidates]
    if role:  # the holder of that office then; else a former holder ("General Soleimani")
        candidates = [m for m in candidates if m.role == role] or [
            m for m in candidates if m.role == "ELI"] or [
            m for m in candidates if m.role is None]  # ("President-elect Trump": not yet in office)
    if context.published is not None:  # "President Mubarak" in 1995: not a later Mubarak
        day = context.published
        candidates = [m for m in candidates if (m.start is None or m.start <= day)
                      and (m.end is None or day <= m.end)] or candidates
    if len({m.country for m in candidates}) > 1 and len(words) > 1:  # the whole name first
        candidates = [m for m in candidates if len(m.name.split()) == len(words)] or candidates
    if len(words) == 1 and len(candidates) > 1:  # "Kim": the Kim in the highest office then
        candidates = _highest_in_office(candidates) or candidates
    if len({m.country for m in candidates}) > 1:  # a country named in the sentence first
        here = set(_countries(list(sentence.span)))
        candidates = [m for m in candidates if m.country in here] or candidates
    office = _title_office(span)
    if office and len({m.country for m in candidates}) > 1:  # "Prime Minister Johnson"
        candidates = [m for m in candidates if office in (m.office or "").split("|")] or candidates
    if len({m.country for m in candidates}) > 1:  # a state's leader before a territory's
        states = tables.un_states()
        candidates = [m for m in candidates if m.country in states] or candidates
    if len({m.country for m in candidates}) != 1:
        return None
    if not role and len(words) == 1 and len({(m.name, m.role) for m in candidates}) > 1:
        return None  # "Bush" with no title and no date: which one, and in what office?
    return candidates[0]


# Offices in the order a bare surname in the news points to their holders.
OFFICE_TIERS = ({"head_of_state"}, {"head_of_government"}, {"foreign_minister", "defence_minister"})


def _highest_in_office(candidates: list) -> list:
    """The one candidate holding the highest office on the article's date, or []."""
    for tier in OFFICE_TIERS:
        holders = [m for m in candidates if m.role != "ELI" and tier & set((m.office or "").split("|"))]
        if holders:
            return holders if len(holders) == 1 else []
    return []


# Titles that name an office of the people table's vocabulary (dyad/data/ACTORS.md).
TITLE_OFFICES = {"prime minister": "head_of_government", "premier": "head_of_government",
                 "chancellor": "head_of_government", "president": "head_of_state",
                 "king": "head_of_state", "queen": "head_of_state", "emir": "head_of_state",
                 "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
                 "secretary of state": "foreign_minister", "defence minister": "defence_minister",
                 "defense minister": "defence_minister", "defense secretary": "defence_minister",
                 "defence secretary": "defence_minister", "interior minister": "interior_minister"}


def _in_name(word: str, name_words: list[str]) -> bool:
    """Is `word` one of the name's words, allowing another transliteration of the same
    consonants ("Mahmud" for "Mahmoud", "Mohamed" for "Muhammad")?"""
    folded = tables.fold(word)
    return folded in name_words or any(tables.skeleton(folded) == tables.skeleton(w) for w in name_words)


def _title_office(span: SpacySpan) -> str | None:
    """The office a title right before a name states ("Prime Minister Johnson")."""
    words = " ".join(t.lower_ for t in _title_window(span))
    for title, office in TITLE_OFFICES.items():
        if words.endswith(title):
            return office
    return None


def _organisation_in(tokens: list[Token]) -> str | None:
    """An international organisation named in a title ("UN envoy", "NATO Secretary General")."""
    for token in tokens:
        if token.ent_type_ == "ORG" and token.ent_id_ and not _is_iso3(token.ent_id_):
            return token.ent_id_
        found = tables.igo(token.text) if token.text.isupper() or "." in token.text else None
        if found:
            return found[0]
    return None


def _title_window(span: SpacySpan) -> list[Token]:
    """Words right before a name that form its title ("Russian Ambassador to Tajikistan")."""
    doc, start = span.doc, span.start
    sent_start = span.sent.start
    window: list[Token] = []
    i = start - 1
    while i >= sent_start and (doc[i].pos_ in TITLE_POS and doc[i].dep_ != "punct" or doc[i].text == "-"):
        if doc[i].pos_ == "DET" and doc[i].lower_ not in {"the"}:
            break
        if doc[i].ent_type_ == "PERSON" or doc[i].tag_ == "POS" and doc[i - 1].ent_type_ == "PERSON":
            break  # "Xi Jinping's talks with French President Macron": another person's words
        if doc[i].pos_ == "ADP" and _on_a_verb(doc[i]):
            break  # "drove government troops out of Goma": the verb's phrase, no title
        window.insert(0, doc[i])
        i -= 1
    while window and window[0].pos_ in {"ADP", "DET", "CCONJ", "PART"}:
        window.pop(0)  # "spoke with US Secretary of State ...": the title starts after "with"
    return window


def _on_a_verb(preposition: Token) -> bool:
    """A preposition (or one of "out of") that hangs on a verb, not on a title's noun."""
    head = preposition.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.pos_ in {"VERB", "AUX"}


def _apposition(span: SpacySpan) -> list[Token]:
    """", Tajikistan's president," after a name: an apposition headed by a title, not the
    next item of a list the parser took for one ("met Shoigu, the Taliban and ...")."""
    words: list[Token] = []
    for child in span.root.children:
        if child.dep_ == "appos" and child.tag_ in {"NN", "NNP"} and (_head_role(child) or (
                child.lemma_.lower() in POST_NOUNS and _organisation_in(list(child.subtree)))):
            # ", Tajikistan's president,"; ", the UN Emergency Relief Coordinator,"
            words.extend(t for t in child.subtree if not t.is_punct)
    head = span.root.head
    if span.root.dep_ == "appos" and head.tag_ in {"NN", "NNP"} and _head_role(head):
        # "Ghana's foreign minister, Kwame Asante-Boadu,": the title comes first
        inside = {t.i for t in span.root.subtree}
        words.extend(t for t in head.subtree if t.i not in inside and not t.is_punct
                     and t.i < span.root.i and t.dep_ not in {"det"})
    return words


# Nouns for a post in an organisation ("the UN Emergency Relief Coordinator"), where the
# organisation named with them is the person's employer; "an ally of NATO" is not.
POST_NOUNS = {"coordinator", "chief", "head", "director", "envoy", "representative", "commissioner",
              "chairman", "chairwoman", "chair", "chairperson", "president", "spokesman",
              "spokeswoman", "spokesperson", "secretary", "rapporteur", "negotiator", "official",
              "administrator", "prosecutor", "commander", "leader", "executive", "adviser", "advisor"}


def _countries(tokens: list[Token]) -> list[str]:
    """Countries named in a phrase, skipping those after to/in/for ("Ambassador to Tajikistan")."""
    found: list[str] = []
    first = tokens[0].i if tokens else 0
    for token in tokens:
        if _after_non_owner_prep(token, first) or opposed(token) or (
                token.dep_ == "poss" and token.head.lemma_.lower() in RELATION_NOUNS):
            continue  # ("Israel's militia ally" is not Israel's)
        code = None
        if token.ent_type_ in {"GPE", "NORP"} and _is_iso3(token.ent_id_):
            code = token.ent_id_
        elif token.pos_ == "PROPN" or token.text[:1].isupper():
            code = tables.country_code(token.text)
        if code and code not in found:
            found.append(code)
    return found


def opposed(token: Token) -> bool:
    """"an anti-Syria journalist", "anti-American protesters": not of that country."""
    doc = token.doc
    before = doc[token.i - 2:token.i] if token.i >= 2 else doc[0:token.i]
    return [t.lower_ for t in before][-2:] == ["anti", "-"] or (
        token.i >= 1 and doc[token.i - 1].lower_ == "anti")


def _after_non_owner_prep(token: Token, first: int = 0) -> bool:
    """Is the token governed by to/in/for… inside the phrase that starts at token `first`?"""
    if token.dep_ == "pobj" and _non_owner(token.head) and token.head.i >= first:
        return True
    i, doc = token.i - 1, token.doc
    while i >= first and doc[i].ent_iob_ == "I":  # walk to the start of a multi-word name
        i -= 1
    return i >= first and _non_owner(doc[i]) and doc[i].pos_ == "ADP"


# Who speaks "for" someone speaks as theirs: "a spokesman for the PMF" is the PMF's.
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}


def _non_owner(prep: Token) -> bool:
    return prep.lower_ in NON_OWNER_PREPS and not _speaks_for(prep)


def _speaks_for(prep: Token) -> bool:
    return prep.lower_ == "for" and prep.head.lemma_.lower() in SPOKESPEOPLE


def _first_country(tokens: list[Token]) -> str | None:
    """The owner country of a title: the one nearest the name ("Libyan leader")."""
    found = _countries(tokens)
    return found[-1] if found else None


ROLE_POS = {"NOUN", "PROPN"}


def _role_of(tokens: list[Token]) -> str | None:
    """The role of the head-most role noun; multi-word titles ("secretary of state") first.
    Adjectives modifying a noun never give a role: an "official protest" is not an official."""
    words = [t for t in tokens if not t.is_punct or t.text == "-"]
    for size in (4, 3, 2):
        for i in range(len(words) - size, -1, -1):
            chunk = words[i:i + size]
            if _nominal(chunk[-1]):
                role = tables.role_code("".join(t.text_with_ws for t in chunk).strip())
                if role:
                    return role
    for k in range(len(words) - 1, -1, -1):
        token = words[k]
        if _nominal(token):
            role = _word_role(token)
            if role:
                lemma = token.lemma_.lower()
                if lemma in GENERIC_HEADS:
                    return _modifier_role(words[:k], role)
                if role == UNIDENTIFIED_ARMED:  # "rebel fighters", "army gunmen"
                    found = _modifier_role(words[:k], role)
                    return found if found in ARMED_SERVICES else role
                return role
    return None


def _word_role(token: Token) -> str | None:
    return tables.role_code(token.lemma_) or tables.role_code(token.text)


# Heads that say someone holds a post without saying which service: the word before them
# does ("intelligence officials" SPY, "police chief" COP, "army officers" MIL).
GENERIC_HEADS = {"official", "officer", "agent", "source", "spokesman", "spokeswoman", "spokesperson",
                 "personnel", "staff", "chief", "head", "member", "representative", "leader",
                 "employee", "authority", "expert", "adviser", "advisor", "aide"}


# Armed men of no stated side ("fighters", "gunmen") are of the side a word before names.
UNIDENTIFIED_ARMED = "UAF"
ARMED_SERVICES = {"REB", "MIL", "COP", "SPY"}


def _modifier_role(before: list[Token], role: str) -> str:
    """The role of the nouns or adjectives right before a generic head, if they name a
    service other than the head's own; else the head's role."""
    for token in reversed(before):
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        found = _word_role(token)
        if found and found != role:
            return found
    return role


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def _nominal(token: Token) -> bool:
    """A noun, or an adjective standing as subject or object ("arrested a general")."""
    return token.pos_ in ROLE_POS or token.pos_ == "ADJ" and token.dep_ in NOMINAL_DEPS


def _head_role(token: Token) -> str | None:
    """Role of a common-noun phrase from its head and the nouns compounded with it
    ("army officers", "security forces"), not from words further away."""
    if not _nominal(token):
        return None
    for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in of.children if g.dep_ == "pobj"
                    and all(c.dep_ in {"cc", "conj"} for c in g.children)):
            role = tables.role_code(f"{token.text} of {obj.text}")  # "prisoners of war"
            if role:
                return role
    nouns = [token]
    for child in token.children:
        if child.dep_ == "compound":  # "border patrol agents": compounds of compounds too
            nouns.extend(t for t in child.subtree if t.dep_ == "compound" or t is child)
        elif child.dep_ == "amod" and child.i == token.i - 1:  # "military officials"
            nouns.append(child)
    role = _role_of(sorted(nouns, key=lambda t: t.i))
    return "ELI" if role and _former(token) else role


# Words that make a title a past one: CAMEO codes former office holders as elites (ELI).
FORMER_WORDS = {"former", "ousted", "ex", "ex-", "deposed", "toppled", "exiled", "erstwhile",
                "one-time", "onetime", "retired"}


def _former(token: Token) -> bool:
    return any(c.dep_ in {"amod", "compound", "advmod"} and c.lower_ in FORMER_WORDS
               for c in token.children)


def phrase_tokens(token: Token) -> list[Token]:
    """The noun phrase headed by `token`, without clauses; "of"/"from" owners kept, and
    whom a spokesman speaks "for"."""
    out = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS and not (child.dep_ == "prep" and (
                child.lower_ in OWNER_PREP_DEPS or _speaks_for(child))):
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


# Prepositions placing a group where it is: "students throughout Indonesia".
WHEREABOUTS_PREPS = {"in", "throughout", "across"}
# Participles saying where people are from: "refugees fleeing the war in Liberia".
FROM_PARTICIPLES = {"flee", "escape", "live", "displace"}


def _country_in(token: Token, mentions: list[Mention], offset: int) -> str | None:
    """"Demonstrators in Baghdad", "security forces in Guinea": a group is from where it is;
    "refugees fleeing the civil war in Liberia", from where they flee."""
    fled = [w for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in FROM_PARTICIPLES
            for w in c.subtree]
    placed = [g for c in token.children if c.dep_ == "prep" and c.lower_ in WHEREABOUTS_PREPS
              for g in c.children if g.dep_ == "pobj"]
    for word in fled + placed:
        for mention in mentions:
            if mention.token_start <= word.i - offset < mention.token_end and (
                    word in placed or mention.type == "GPE"):
                if mention.actor and mention.actor.country and not mention.actor.role:
                    return mention.actor.country
                if mention.place and mention.place.country:
                    return mention.place.country
    return None


def token_actors(token: Token, mentions: list[Mention], sentence: Sentence,
                 context: ActorContext, *, as_target: bool = False) -> list[Actor]:
    """Like `token_actor`, but "Hungarian and Romanian officials" gives two actors, and
    "both countries" or "the two defence ministries" the two countries named last."""
    pair = _pair_reference(token, sentence, context) or _shared_name_pair(token, mentions, sentence)
    if pair:
        return pair
    if token.lemma_.lower() in PARTITIVES or token.pos_ == "NUM":  # "scores of Sierra Leonean
        for obj in (g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"  # and Liberian
                    for g in p.children if g.dep_ == "pobj"):  # refugees": each
            found = [a for part in [obj, *obj.conjuncts]
                     for a in token_actors(part, mentions, sentence, context, as_target=as_target)]
            role = next((a.role for a in found if a.role), None)  # (parsed "Sierra Leonean" and
            if len(found) > 1:  # "Liberian refugees")
                return [make_actor(country=a.country, role=role, name=a.name)
                        if a.country and not a.role and not a.org and obj.ent_type_ == "NORP" else a
                        for a in found]
    owned = _role_of_countries(token)
    if owned:
        return owned
    actor = token_actor(token, mentions, sentence, context, as_target=as_target)
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


def _role_of_countries(token: Token) -> list[Actor]:
    """"The leaders of Russia, Ukraine, France and Germany", "foreign ministers of Iran and
    Turkey": the role for each country named."""
    if token.pos_ != "NOUN":
        return []
    owners = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    if not owners or not owners[0].conjuncts:
        return []
    countries = list(dict.fromkeys(c for part in [owners[0], *owners[0].conjuncts]
                                   if (c := _first_country([part]))))
    role = _head_role(token) or ("GOV" if token.lemma_.lower() in GOVERNING_HEADS else None)
    if len(countries) < 2 or not role:
        return []
    name = " ".join(t.text for t in phrase_tokens(token) if t.dep_ != "det")
    return [make_actor(country=c, role=role, name=name) for c in countries]


def _shared_name_pair(token: Token, mentions: list[Mention], sentence: Sentence) -> list[Actor]:
    """"North and South Korea", "East and West Germany": two states that share the last
    word of one name (the name mentioned is the second)."""
    local = token.i - sentence.span.start
    mention = next((m for m in mentions if m.token_start <= local < m.token_end), None)
    if mention is None or mention.token_end - mention.token_start != 2 or mention.token_start < 2:
        return []
    span = sentence.span
    first, joint = span[mention.token_start - 2], span[mention.token_start - 1]
    if joint.lower_ != "and":
        return []
    last = span[mention.token_end - 1].text
    codes = [tables.country_code(f"{first.text} {last}", places=False), tables.country_code(mention.text, places=False)]
    if None in codes or codes[0] == codes[1]:
        return []
    return [make_actor(country=code, role=None, name=tables.country_name(code)) for code in codes]


GOVERNING_HEADS = {"leader", "government", "capital"}
PAIR_HEADS = {"country", "nation", "side", "state", "government", "neighbour", "neighbor", "capital",
              "leader", "ally", "partner"}


def _pair_reference(token: Token, sentence: Sentence, context: ActorContext) -> list[Actor]:
    """"both countries", "the two sides", "the two defense ministries", "agencies from both
    countries": the two countries named last before this point in the article."""
    holder = token
    for child in token.children:  # "security agencies from both countries"
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            holder = next((g for g in child.children if g.dep_ == "pobj" and _is_pair(g)), holder)
    if not _is_pair(holder):
        return []
    role = _head_role(token) if holder is not token else _head_role(holder)
    if not role and token.lemma_.lower() in GOVERNING_HEADS:  # "the two leaders"
        role = "GOV"
    if holder is token and holder.lemma_.lower() not in PAIR_HEADS and not role:
        return []
    countries = context.pair_before(sentence.index, token.i - sentence.span.start)
    if not countries:
        return []
    name = " ".join(t.text for t in phrase_tokens(token) if t.dep_ != "det")
    return [make_actor(country=c, role=role, name=name) for c in countries]


def _is_pair(token: Token) -> bool:
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in {"det", "predet", "preconj"}
               and c.lower_ == "both") for c in token.children)


def token_actor(token: Token, mentions: list[Mention], sentence: Sentence,
                context: ActorContext, *, as_target: bool = False) -> Actor | None:
    """The actor a subject or object token stands for, or None.

    A common noun stands for an actor only if it is a role noun ("the ministry",
    "Afghan rebels"): "the issue of Afghanistan" or "Putin's visit" do not act. As a
    target, a thing stands for its owner: rejecting "a U.S. request" or "North Korea's
    demand" is aimed at the United States or North Korea."""
    offset = sentence.span.start
    local = token.i - offset
    for mention in mentions:
        if mention.token_start <= local < mention.token_end and mention.actor:
            return mention.actor
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return context.person_before(sentence.index, local)
    if lower in GROUP_PRONOUNS:
        return None  # "they" is resolved only as the speaker of a reported clause (events stage)
    for child in sorted(token.children, key=lambda c: c.dep_ != "appos"):
        # "Iran's religious leader, Ayatollah Khomeini": the person; "the Hizbollah group":
        # the organisation named in the compound ("the UN nuclear watchdog, Mohamed
        # ElBaradei": the person named first, IAEA)
        if child.dep_ == "appos" or (child.dep_ in {"compound", "nmod"} and token.pos_ == "NOUN"):
            named = _mention_actor_at(child, mentions, offset)
            if named and (child.dep_ == "appos" or named.org or named.role in {"REB", "INS", "OPP"}):
                return named
    phrase = phrase_tokens(token)
    if as_target and token.lemma_.lower() not in PEER_NOUNS and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None  # "the attack on its embassy": the source's own, not whom it acts on
    if _the_country(token) and not as_target:  # "the country has rejected …"
        named = context.country_before(sentence.index, local)
        if named:
            return make_actor(country=named, role=None, name=tables.country_name(named))
    role = _head_role(token)
    if token.pos_ != "PROPN" and not role:
        group = _group_actor(token, mentions, sentence, context, phrase)
        if group or not as_target:
            return group
        # "rejected a U.S. request": the owner of the thing acted on; "the opposition's
        # motion": an owner named by its role
        owner = _owner_actor(phrase, mentions, offset)
        possessor = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ROLE_POS), None)
        if owner is None and possessor is not None:
            owner = token_actor(possessor, mentions, sentence, context)
        return owner
    inside = [m for m in mentions if m.actor and any(
        m.token_start <= t.i - offset < m.token_end for t in phrase)]
    people = [m for m in inside if m.type == "PERSON"] if token.tag_ not in {"NNS", "NNPS"} else []
    if people:  # "Russian Ambassador ... Semyon Grigoryev": the person the title belongs to
        # (not a plural head: "Turkish Kurd refugees" are refugees, whatever "Kurd" is tagged)
        return people[0].actor
    orgs = [m for m in inside if m.actor.org]
    if orgs:
        return orgs[0].actor
    country = _first_country(phrase) or (
        _country_in(token, mentions, offset) if role and token.lemma_.lower() not in POSTED_ABROAD else None)
    if role and not country:
        country = _owner_country(token, sentence, context) or _leader_country(token, context)
    if role and not country:
        earlier = earlier_titled(token, context)
        if earlier:
            return earlier
    words = [t for t in phrase if not t.is_punct and t.dep_ != "det"]
    if words and words[-1].dep_ == "case":  # "the opposition's [motion]": the owner alone
        words = words[:-1]
    name = " ".join(t.text for t in words)
    if not role and country and token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"}:
        role = "CVL"  # "Iraqi Kurds": a people of a country, its civilians
    return make_actor(country=country, role=role, name=name)


# Nouns for a government named after its leader: "the Bush administration", "the Orban
# government".
LEADER_NAMED = {"administration", "government", "cabinet", "regime", "presidency"}


def _leader_country(token: Token, context: ActorContext) -> str | None:
    """"the Bush administration" (a "Bush" no table row settles): the one UN state of the
    people the table knows by the leader's surname."""
    if token.lemma_.lower() not in LEADER_NAMED:
        return None
    for child in token.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            countries = {m.country for m in tables.people_named(child.text, context.published)
                         if m.role in {"GOV", "ELI"}} & tables.un_states()
            if len(countries) == 1:
                return countries.pop()
    return None


PERSON_POSSESSIVES = {"his", "her"}
# "his Peruvian counterpart": a peer in another country, not something of the source's own.
PEER_NOUNS = {"counterpart"}


def _owner_country(token: Token, sentence: Sentence, context: ActorContext) -> str | None:
    """"her government": the country of the person "her" refers to; "the country's
    military": the country named last."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    local = owner.i - sentence.span.start
    if owner.lower_ in PERSON_POSSESSIVES:
        person = context.person_before(sentence.index, local)
        return person.country if person else None
    return context.country_before(sentence.index, local) if _the_country(owner) else None


def _the_country(token: Token) -> bool:
    """"the country", "the nation": a definite reference to the country named last."""
    return token.lemma_.lower() in {"country", "nation"} and token.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children)
# Diplomatic posts sit in another country: "the embassy in Mogadishu" is not Somalia's.
POSTED_ABROAD = {"embassy", "consulate", "ambassador", "envoy", "mission", "diplomat", "attache", "consul"}
# Heads that only count or group what their "of" object names ("thousands of Nigerians").
PARTITIVES = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
              "score", "scores",
              "member", "group", "some", "many", "most", "part", "number", "third", "half", "majority",
              "band", "crowd", "team", "delegation", "contingent", "unit", "batch", "wave"}


# Heads that stand for (part of) the group their "of" object names: "supporters of Ben Bella",
# "leaders of the opposition coalition", "the first deployment of NATO troops".
MEMBER_HEADS = {"leader", "supporter", "follower", "loyalist", "wing", "faction", "deployment", "head", "chief"}


# Nouns for another party related to the owner: "Israel's ally" is someone else.
RELATION_NOUNS = {"ally", "partner", "proxy", "rival", "enemy", "neighbour", "neighbor", "foe",
                  "adversary", "client", "patron", "backer"}


# Currencies named after their country: "US dollar", "Hong Kong dollar", "Turkish lira".
CURRENCY_WORDS = {"dollar", "euro", "pound", "yuan", "renminbi", "yen", "rouble", "ruble", "rupee",
                  "peso", "dinar", "riyal", "rial", "franc", "lira", "won", "shekel", "naira", "rand",
                  "krona", "krone", "shilling", "real", "ringgit", "baht", "dong", "zloty"}


def _owner_actor(phrase: list[Token], mentions: list[Mention], offset: int) -> Actor | None:
    """The actor who owns a thing: a named person or organisation before a bare country
    ("Iraqi President Saddam Hussein's proposal" is Saddam Hussein's)."""
    owners = []
    for token in phrase:
        if _after_non_owner_prep(token, phrase[0].i):
            continue
        if token.dep_ == "poss" and token.head.lemma_.lower() in RELATION_NOUNS:
            continue  # "the chief of Israel's militia ally": the ally is not Israel
        if token.head.lemma_.lower() in CURRENCY_WORDS and token.dep_ in {"amod", "compound", "nmod"}:
            continue  # "a one million US dollar reward" is not the United States'
        actor = _mention_actor_at(token, mentions, offset)
        if actor and actor.role is None and actor.org is None and token.dep_ in {"amod", "compound"} \
                and token.head in phrase and (role := _head_role(token.head)):
            # "an invitation from the Ugandan government": the government, not the country
            name = " ".join(t.text for t in phrase_tokens(token.head) if t.dep_ != "det")
            actor = make_actor(country=actor.country, role=role, name=name)
        if actor and actor not in owners:
            owners.append(actor)
    owners.sort(key=lambda a: a.role is None and a.org is None)  # stable: roles first
    return owners[0] if owners else None


def _group_actor(token: Token, mentions, sentence, context, phrase: list[Token]) -> Actor | None:
    """A common noun that is not a role: a partitive ("thousands of Nigerians") stands for its
    object; a people noun with a country adjective ("Iraqi Kurds") for that country."""
    if token.lemma_.lower() in PARTITIVES | MEMBER_HEADS or token.pos_ == "NUM":
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                return token_actor(obj, mentions, sentence, context)
        if token.lemma_.lower() not in GOVERNING_HEADS:
            return None
    adjectives = [c for c in token.children if c.dep_ in {"amod", "compound"}]
    country = _first_country(adjectives)
    name = " ".join(t.text for t in phrase if t.dep_ != "det")
    if country and token.lemma_.lower() in GOVERNING_HEADS:  # "Ethiopian leaders": its government
        return make_actor(country=country, role="GOV", name=name)
    if country and token.tag_ in {"NNS", "NNPS"}:  # plural people: "Iraqi Kurds", "Afghan doctors"
        return make_actor(country=country, role=None, name=name)
    return None


def _mention_actor_at(token: Token, mentions: list[Mention], offset: int) -> Actor | None:
    for mention in mentions:
        if mention.actor and mention.token_start <= token.i - offset < mention.token_end:
            return mention.actor
    return None

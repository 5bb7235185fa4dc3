"""When and where an event happened: its date and its location.

The date (the `date`, `date_precision` and `date_source` of shared/DESIGN.md's contract):
1. a date expression on the event's own verb or noun ("met on Tuesday", "the visit on
   October 9"), or inside a phrase that anchors it to an earlier event ("following the
   Taliban's return in 2021", "since August 2021"): resolved toward the future for a planned
   or expected event, toward the past otherwise;
2. else, for an asserted event, the article's published date (`date_source: "published"`);
3. else null: a planned event with no stated day has no date.

The location, never a guess dressed as a fact:
1. a place in a phrase on the event ("in Dushanbe", "at the base", "along the border"): a
   place name, or a definite noun that refers back to a located facility or settlement ("the
   base" after "Russia's base in Tajikistan", "the city" after "Mosul"); a stated place
   that cannot be placed ("at the base" of a base named nowhere) gives null, not a guess;
2. else the host country of a visit (the visited) or of hosting (the host);
3. else the single country the sentence is about, when every actor and place in it is of
   that one country;
4. else null.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from dyad.dates import resolve_date
from dyad.framing import modality
from dyad.model import Actor, DateValue, Document, Mention, Place, Sentence
from dyad.places import capital_place, country_place

PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "along", "within", "into", "through",
               "throughout", "around"}
# Phrases that place or date another event ("after the return to power in Afghanistan").
OTHER_EVENT_PREPS = {"following", "after", "before", "since", "until", "amid", "despite", "during"}
# ...of which these start the time in which the event happened: the event is dated by them
# ("following the return in 2021, Russia increased drills": 2021 at year precision).
ANCHOR_PREPS = {"following", "after", "since"}
VISIT, HOST = "042", "043"
FUTURE_MODALITIES = {"planned", "expected", "hypothetical"}

# Nouns that name a fixed place: said once with where it is ("a base in Tajikistan"), then
# referred to as "the base".
FACILITY_NOUNS = {
    "base", "airbase", "embassy", "consulate", "airport", "airfield", "port", "harbour", "harbor",
    "plant", "reactor", "facility", "camp", "prison", "jail", "hospital", "school", "university",
    "mosque", "church", "temple", "synagogue", "station", "refinery", "compound", "headquarters",
    "bridge", "dam", "mine", "factory", "palace", "checkpoint", "crossing", "stadium", "market",
    "square", "complex", "site", "barracks", "outpost", "depot", "terminal", "pipeline",
}
# Nouns that refer back to the last named place of their kind ("the city" after "Mosul").
SETTLEMENT_NOUNS = {"city": {"city"}, "town": {"city"}, "village": {"city"}, "capital": {"city"},
                    "country": {"country"}, "nation": {"country"},
                    "province": {"admin1"}, "state": {"admin1"}, "region": {"admin1", "region"}}
DEFINITE = {"the", "this", "that"}


@dataclass
class PlaceMemory:
    """Located facilities and named places of one article, in reading order."""

    facilities: list[tuple[str, Place]] = field(default_factory=list)  # (noun lemma, place)
    named: list[Place] = field(default_factory=list)

    def facility(self, lemma: str) -> Place | None:
        return next((place for noun, place in reversed(self.facilities) if noun == lemma), None)

    def last_named(self, features: set[str]) -> Place | None:
        return next((place for place in reversed(self.named) if place.feature in features), None)


def remember_places(sentence: Sentence, mentions: list[Mention], memory: PlaceMemory,
                    context) -> None:
    """Note the sentence's named places and its located facilities, for later sentences."""
    by_token = _places_by_token(sentence, mentions)
    for token in sentence.span:
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in FACILITY_NOUNS:
            place = _located_by_phrase(token, by_token, memory, context, sentence)
            if place is not None:
                memory.facilities.append((token.lemma_.lower(), place))
    memory.named.extend(m.place for m in mentions if m.place is not None)


def _places_by_token(sentence: Sentence, mentions: list[Mention]) -> dict[int, Place]:
    """Document token index -> the place of the mention it belongs to."""
    start = sentence.span.start
    return {start + i: m.place for m in mentions if m.place is not None
            for i in range(m.token_start, m.token_end)}


def _located_by_phrase(noun: Token, by_token: dict[int, Place], memory: PlaceMemory, context,
                       sentence: Sentence) -> Place | None:
    """"a base in Tajikistan", "the embassy in the capital", "Kabul airport". The owner's
    country is not where it is: "Russia's base in the country" is in another country."""
    owners = frozenset(by_token[c.i].country for c in noun.children
                       if c.dep_ == "poss" and c.i in by_token and by_token[c.i].country)
    for child in noun.children:
        if child.dep_ == "compound" and child.i in by_token:
            return by_token[child.i]
    # "keeps a base in Niger": the parser often hangs the place on the verb
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    place = _place_of(obj, by_token, memory, context, sentence, owners)
                    if place is not None:
                        return place
    return None


def _place_of(token: Token, by_token: dict[int, Place], memory: PlaceMemory, context,
              sentence: Sentence, owners: frozenset[str] = frozenset()) -> Place | None:
    """The place a noun phrase names: a place name, or a definite noun referring back."""
    if token.i in by_token:
        return by_token[token.i]
    named = next((by_token[c.i] for c in token.children if c.dep_ == "compound" and c.i in by_token), None)
    if named is not None:
        return named  # "the Kharkiv region", "the Kabul airport"
    if not any(c.lower_ in DEFINITE for c in token.children):
        return None
    named = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    if named:  # "the town of Yeoncheon": that town, placed or not, not the last town named
        return by_token.get(named[0].i)
    lemma = token.lemma_.lower()
    if lemma == "capital":  # "the Somali capital"
        owner = next((c.ent_id_ for c in token.children if c.dep_ in {"amod", "compound"}
                      and len(c.ent_id_) == 3 and c.ent_id_.isupper()), None)
        if owner:
            return capital_place(owner)
    if lemma in {"country", "nation"} and context is not None:
        country = context.country_before(sentence.index, token.i - sentence.span.start, owners)
        return country_place(country) if country else None
    if lemma in FACILITY_NOUNS:
        return memory.facility(lemma)
    if lemma in SETTLEMENT_NOUNS:
        return memory.last_named(SETTLEMENT_NOUNS[lemma])
    return None


# Verbs that put their date ahead: "the election is scheduled for March 24".
SCHEDULE_LEMMAS = {"schedule", "set", "slate", "plan", "due", "expect", "postpone", "delay"}


def date_direction(token: Token) -> str:
    """Which way a date expression without a year points: "future" in a clause about what is
    planned or would happen ("will meet on Friday", "is scheduled for March 24", "the
    election to be held on August 9", "is to take effect on December 10"), else "past"."""
    head = token
    for _ in range(5):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    if modality(head) in FUTURE_MODALITIES or head.lemma_.lower() in SCHEDULE_LEMMAS:
        return "future"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    own_subject = any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children)
    if infinitive and (head.dep_ in {"acl", "relcl"} or own_subject  # "for the vote to be held"
                       or head.dep_ == "xcomp" and head.head.lemma_ == "be"):
        return "future"
    if head.tag_ in {"VBZ", "VBP"} and not any(c.dep_ == "aux" for c in head.children):
        return "nearest"  # news present: "Trump moves towards office on January 20"
    return "past"


def event_date(verb: Token, clause: set[int], modality: str, sentence: Sentence,
               mentions: list[Mention], document: Document) -> tuple[DateValue | None, str | None]:
    """(date, date_source) of an event whose verb (or event noun) is `verb`."""
    published = document.article.published
    prefer = "future" if modality in FUTURE_MODALITIES else "past"
    for mention in mentions:
        if mention.type != "DATE" or mention.token_start not in clause:
            continue
        root = sentence.span[mention.token_start:mention.token_end].root
        if not (_modifies(root, verb) or _anchors(root, verb)):
            continue
        value = resolve_date(mention.text, published=published, prefer=prefer)
        if value:
            return value, "text"
    if published and modality == "asserted":
        return DateValue.from_date(published, "day"), "published"
    return None, None


def _modifies(token: Token, verb: Token) -> bool:
    """A date says when the verb happened if it hangs from the verb itself ("on October 9",
    "yesterday"), not from a noun deeper in the clause ("amendments issued since 1995")."""
    if token.head.i == verb.i:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == verb.i


def _anchors(token: Token, verb: Token) -> bool:
    """A date inside a following/after/since phrase on the verb ("following the return to
    power in 2021, Russia increased drills") dates the time the action falls in."""
    for _ in range(6):
        if token.head.i == token.i:
            return False
        if token.head.i == verb.i:
            return token.dep_ == "prep" and token.lower_ in ANCHOR_PREPS
        token = token.head
    return False


def event_location(candidate, code: str, source: Actor, target: Actor | None, clause: set[int],
                   sentence: Sentence, mentions: list[Mention], memory: PlaceMemory,
                   context) -> tuple[Place | None, bool]:
    """(location, stated): `stated` is True when the text places the event itself, so that
    role-only actors can take its country ("demonstrators in Monrovia")."""
    place = clause_place(candidate.verb, clause, sentence, mentions, memory, context)
    if place is not None:
        return place, True
    if _unknown_place_stated(candidate.verb, clause, sentence):
        return None, False  # "at the base" of a base placed nowhere: somewhere, not a guess
    visiting = code == VISIT or candidate.trigger.lemma_.lower() == "visit"
    if visiting and target and target.country:
        return country_place(target.country), False
    if code == HOST and source.country:
        return country_place(source.country), False
    country = _single_country(mentions, source, target)
    return (country_place(country) if country else None), False


def clause_place(verb: Token, clause: set[int], sentence: Sentence, mentions: list[Mention],
                 memory: PlaceMemory, context) -> Place | None:
    """A place named after in/at/near… in a phrase on the event."""
    by_token = _places_by_token(sentence, mentions)
    for local in sorted(clause):
        token = sentence.span[local]
        if _place_phrase(token, verb):
            place = _place_of(token, by_token, memory, context, sentence)
            if place is not None:
                return place
    return None


def _place_phrase(token: Token, verb: Token) -> bool:
    """A pobj naming where the event is: after in/at/near… on the event, or after "of" in
    such a phrase ("in a residential district of Beirut")."""
    if token.dep_ != "pobj":
        return False
    if token.head.lower_ == "of":
        token = token.head.head
        if token.dep_ != "pobj":
            return False
    return token.head.lower_ in PLACE_PREPS and _near(token, verb)


def _unknown_place_stated(verb: Token, clause: set[int], sentence: Sentence) -> bool:
    """A phrase on the event that names a facility or settlement dyad could not place."""
    for local in clause:
        token = sentence.span[local]
        if (token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and _near(token, verb)
                and token.lemma_.lower() in FACILITY_NOUNS | set(SETTLEMENT_NOUNS)):
            return True
    return False


def _near(token: Token, verb: Token) -> bool:
    """A place in a phrase on the verb, its subject or its object ("a rally in Lagos", "at a
    jail in Israel"), not deeper ("after the return to power in Afghanistan")."""
    holder = token.head.head  # pobj -> prep -> what the phrase hangs on
    if holder.i == verb.i:
        return True
    if holder.dep_ in {"dobj", "nsubj", "nsubjpass"} and holder.head.i == verb.i:
        return True  # "police in Lagos arrested", "a rally in Lagos"
    if holder.dep_ == "acl" and holder.head.dep_ in {"dobj", "nsubjpass"} and holder.head.head.i == verb.i:
        return True  # "blew up power lines leading into Kabul"
    return (holder.dep_ == "pobj" and holder.head.head.i == verb.i
            and holder.head.lower_ not in OTHER_EVENT_PREPS)


def _single_country(mentions: Iterable[Mention], source: Actor, target: Actor | None) -> str | None:
    """The one country every actor and place of the sentence belongs to, if there is one;
    an organisation, an actor of unknown country ("the junta") or a multi-country region
    makes the sentence about more than that."""
    actors = [a for a in (source, target, *(m.actor for m in mentions)) if a is not None]
    places = [m.place for m in mentions if m.place is not None]
    if any(a.org or not a.country for a in actors) or any(p.country is None for p in places):
        return None
    countries = {a.country for a in actors if a is not None and a.country}
    countries |= {p.country for p in places}
    return next(iter(countries)) if len(countries) == 1 else None

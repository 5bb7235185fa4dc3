"""Toponym resolution in context: which place each place name of an article names.

The gazetteer (`places`) answers for a name alone; this module reads the name where it
stands:
1. the article's countries break ties between namesakes ("Tripoli" with Lebanon about);
2. a name the model labelled ORG or PERSON is a place when it stands where places stand
   ("fighting in Ghazni", "the town of Yeoncheon", "Omsk hospital") and the gazetteer
   knows it; it is relabelled GPE (a region LOC);
3. a name the model glued to its container ("Omsk in Siberia") is read by its first part;
4. a place the gazetteer does not know takes the country of the place the text puts it
   in ("the Bala Baluk village in Farah Province", "Charité in Berlin", "Magnitogorsk, a
   city in the Ural region of Russia"): a locality with that country and no coordinates.
   Nothing else is guessed.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dyad.model import Document, Mention, Place
from dyad.places import country_place, lookup_place

PLACE_TYPES = {"GPE", "LOC", "FAC"}
# Labels the model gives place names it does not know, and the prepositions after which a
# name with one of them is a place. "to" and "from" are left out for persons: letters are
# sent to people.
MISTYPED_PLACE_TYPES = {"ORG", "PERSON", "NORP"}
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "through",
                      "along", "within"}
ORG_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS | {"from", "to", "into", "toward", "towards", "on"}
# Nouns a place name is a part of, or of which it is the name: "the town of X", "the X
# district", "X hospital".
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "port", "county",
               "state", "capital", "hospital", "airport", "base", "camp", "prison", "university",
               "cathedral", "mosque", "church", "border", "valley", "river", "island", "area",
               "battle", "siege", "offensive"}
# Verbs whose object is a place, not a person: troops enter, occupy or shell a town.
PLACE_OBJECT_VERBS = {"enter", "occupy", "shell", "bomb", "besiege", "overrun", "evacuate",
                      "liberate", "recapture"}
# Last words of names of sites: a name ending so is a site in the country around it.
FACILITY_WORDS = {"hospital", "clinic", "avenue", "street", "road", "highway", "square",
                  "bridge", "tower", "complex", "building", "field", "airport", "airfield",
                  "airbase", "base", "port", "harbour", "harbor", "station", "stadium",
                  "palace", "prison", "camp", "mosque", "church", "cathedral", "temple",
                  "shrine", "university", "school", "market", "hotel", "embassy", "consulate",
                  "plant", "refinery", "dam", "mine", "museum", "park", "headquarters"}
SITE_NOUNS = PLACE_NOUNS | FACILITY_WORDS
LOCAL_SENTENCES = 2
# Nouns that say a name is a settlement or an area ("Kurga, a village in ...").
SETTLEMENT_NOUNS = {"city", "town", "village", "province", "region", "district", "county",
                    "state", "capital", "area", "settlement", "neighbourhood", "neighborhood",
                    "suburb", "municipality", "island"}
CONTAINER_PREPOSITIONS = {"in", "of", "near", "outside"}
AREA_FEATURES = {"region", "admin1"}
# Nouns whose owner is a place: "Chelyabinsk's governor", "Omsk's residents".
PLACE_OWNED = {"governor", "mayor", "residents", "people", "population", "authorities",
               "police", "airport", "port", "hospital", "streets", "outskirts", "centre", "center"}
_GLUED = re.compile(r"^(.+?) (?:in|near|outside) .+$")


def resolve_places(document: Document) -> None:
    countries = [m.actor.country for m in document.mentions if m.actor and m.actor.country]
    person_names = _person_name_words(document)
    for mention in document.mentions:
        if mention.type in PLACE_TYPES:
            towns = _may_be_town(mention, person_names)
            mention.place = _as_its_actor(mention, _lookup(mention.text, countries, towns=towns))
        elif mention.type in MISTYPED_PLACE_TYPES and _unknown_actor(mention):
            _mislabelled_place(mention, document, countries, person_names)
    _same_name_same_place(document)
    # Once "Maidan Wardak" is known to be a province, "Maidan" no longer marks a person's
    # name, and "in Maidan Shahr" may be a town: the persons left get a second look.
    left = _person_name_words(document)
    if left != person_names:
        for mention in document.mentions:
            if mention.type == "PERSON" and mention.place is None and _unknown_actor(mention):
                _mislabelled_place(mention, document, countries, left)
        _same_name_same_place(document)
    for mention in document.mentions:
        if mention.type in PLACE_TYPES and mention.place is None:
            mention.place = _contained(mention, document) or _local_facility(mention, document)


def _as_its_actor(mention: Mention, place: Place | None) -> Place | None:
    """A country name is the country its actor is ("Congo" in an article about the DRC),
    so that one word does not name two states."""
    actor = mention.actor
    if (place is not None and place.feature == "country" and actor is not None
            and actor.country and actor.country != place.country and not actor.role):
        return country_place(actor.country) or place
    return place


def _unknown_actor(mention: Mention) -> bool:
    """No actor, or for a PERSON only half of one guessed from the words around it (the
    model's PERSON "Maidan Wardak" in "Afghanistan's Maidan Wardak province" took AFG from
    the possessive): the name may still be a place."""
    actor = mention.actor
    site = mention.text.split()[-1].lower() in FACILITY_WORDS
    if actor is not None and not actor.country and site:
        return True  # "the Legislative Council Complex" is a building, not the council
    return actor is None or (mention.type == "PERSON" and not (actor.country and actor.role)
                             and not actor.org)


def _person_name_words(document: Document) -> dict[str, set[str]]:
    """word -> the names of two words or more, labelled PERSON in the article, that have it."""
    out: dict[str, set[str]] = {}
    for mention in document.mentions:
        words = mention.text.split()
        if mention.type == "PERSON" and len(words) > 1:
            for word in words:
                out.setdefault(word.lower(), set()).add(mention.text)
    return out


def _same_name_same_place(document: Document) -> None:
    """A name the model labelled a place in one sentence and a person in
    another ("entered Tell Tamer and Ain Issa" beside "the Ain Issa camp") is the place
    throughout the article: the model's labels disagree, the name does not."""
    places = {}
    for m in document.mentions:
        if m.type in PLACE_TYPES and m.place is not None and m.place.country:
            places[m.text] = m.place
            name, _, noun = m.text.rpartition(" ")
            if name and noun.islower() and noun in SETTLEMENT_NOUNS:  # "Maidan Wardak province"
                places.setdefault(name, m.place)
    for mention in document.mentions:
        if (mention.actor is None and mention.place is None and mention.text in places
                and mention.type == "PERSON"):
            mention.place = places[mention.text]
            mention.type = "LOC" if mention.place.feature == "region" else "GPE"


def _mislabelled_place(mention: Mention, document: Document, countries: list[str],
                       person_names: dict[str, set[str]]) -> None:
    """A name the model labelled ORG, PERSON or NORP that is a place: where it stands as a
    place ("in Ghazni"), or, for an ORG, when the gazetteer knows it as a province or region
    (rarely an organisation's name); relabelled GPE (a region LOC)."""
    place = None
    if _in_place_position(mention, document):
        place = _lookup(mention.text, countries, towns=_may_be_town(mention, person_names))
        if place is not None:
            mention.actor = None
    elif mention.actor is not None:
        return
    elif mention.type == "ORG":
        place = _lookup(mention.text, countries, towns=False)
        place = place if place is not None and place.feature in AREA_FEATURES else None
    if place is not None:
        mention.place = place
        mention.type = "LOC" if place.feature == "region" else "GPE"
    elif _names_site(mention, document) and _in_place_position(mention, document):
        mention.type = "FAC"  # "outside the Legislative Council Complex": placed below
    elif _named_as_place(_root(mention, document)):
        mention.type = "GPE"  # "Kurga, a village in ...": placed by what contains it, below


def _may_be_town(mention: Mention, person_names: dict[str, set[str]]) -> bool:
    """Whether a name the gazetteer lacks may be looked for among the small places of the
    article's countries: not when it names an actor other than a country ("the White
    House"), nor when it is a word of another name the article gives a person (the model's
    LOC "Soleimani" is Qasem Soleimani, not a spelling of Sulaymaniyah)."""
    if (mention.actor is not None and (mention.actor.role or mention.actor.org)
            and mention.type != "PERSON"):  # a person's role is guessed from around it
        return False
    return not any(person_names.get(w.lower(), set()) - {mention.text}
                   for w in mention.text.split())


def _lookup(text: str, countries: list[str], *, towns: bool = True) -> Place | None:
    place = lookup_place(text, context_countries=countries, towns=towns)
    glued = _GLUED.match(text)
    if place is None and glued:  # "Omsk in Siberia"
        place = lookup_place(glued.group(1), context_countries=countries, towns=towns)
    words = text.split()
    if place is None and len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        place = lookup_place(" ".join(words[:-1]), context_countries=countries,
                             towns=towns)  # "Jolo Cathedral"
        if place is not None:
            place = Place(text, place.country, place.lat, place.lon, "facility", place.gazetteer_id)
    return place


def _root(mention: Mention, document: Document) -> Token:
    sentence = document.sentences[mention.sentence_index]
    return sentence.span[mention.token_start:mention.token_end].root


def _in_place_position(mention: Mention, document: Document) -> bool:
    """"in Ghazni", "the town of Yeoncheon", "Omsk hospital", "the Jolo Cathedral"; for a
    glued name ("from Tomsk in Siberia") any of its words that hangs from outside counts."""
    root = _root(mention, document)
    if mention.type != "PERSON" and root.lemma_.lower() in PLACE_NOUNS:
        return True  # an organisation named as a building or area: "the Jolo Cathedral"
    sentence = document.sentences[mention.sentence_index].span
    span = sentence[mention.token_start:mention.token_end]
    site = mention.text.split()[-1].lower() in FACILITY_WORDS  # no person is "X Avenue"
    preps = PLACE_PREPOSITIONS if mention.type == "PERSON" and not site else ORG_PLACE_PREPOSITIONS
    if root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_OWNED:
        return True
    places = {sentence.start + i for m in document.mentions_in(mention.sentence_index)
              if m.type in PLACE_TYPES for i in range(m.token_start, m.token_end)}
    for token in span:
        if span.start <= token.head.i < span.end and token.i != root.i:  # (Tokens are new objects)
            continue
        if _modifies(token) and _compound_head(token).lemma_.lower() in SITE_NOUNS:
            return True  # "Omsk hospital", "the Tsuen Wan district", "the Khurais oil field"
        if _stands_as_place(token, preps, places):
            return True
    return False


def _names_site(mention: Mention, document: Document) -> bool:
    """"the Legislative Council Complex", "the Khurais oil field": a name ending in a site
    word, or the model's name for the part before it."""
    root = _root(mention, document)
    return (mention.text.split()[-1].lower() in FACILITY_WORDS
            or _modifies(root) and _compound_head(root).lemma_.lower() in FACILITY_WORDS)


def _compound_head(token: Token) -> Token:
    """The noun a chain of compounds names: "field" for "Khurais" in "the Khurais oil field"."""
    while _modifies(token) and token.head.i != token.i:
        token = token.head
    return token


def _modifies(token: Token) -> bool:
    """A noun in front of another: a compound, or a name the parser took for an adjective."""
    if token.dep_ == "amod":
        return token.pos_ == "PROPN" or token.is_title
    return token.dep_ == "compound"


def _stands_as_place(token: Token, preps: set[str], places: set[int], depth: int = 3) -> bool:
    """"in X", "the towns of X", "troops entered X"; or "... and X" after a place name or
    a name standing as one ("the towns of Gori and Senako")."""
    if token.dep_ == "pobj" and (token.head.lower_ in preps or token.head.lower_ == "of"
                                 and token.head.head.lemma_.lower() in PLACE_NOUNS):
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return True
    if any(c.dep_ == "conj" and c.lemma_.lower() in SETTLEMENT_NOUNS for c in token.children):
        return True  # "Jolo, and the Sulu region it is within"
    if token.dep_ == "conj" and depth > 0:
        return token.head.i in places or _stands_as_place(token.head, preps, places, depth - 1)
    return False


def _named_as_place(root: Token) -> bool:
    """"Kurga, a village in ...", "the town of Kurga", "the Kurga district"."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENT_NOUNS for c in root.children):
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in SETTLEMENT_NOUNS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS


def _contained(mention: Mention, document: Document) -> Place | None:
    """A place unknown to the gazetteer, in the country of the known place the text puts it
    in: "X in Y", "X, a city in Y", "the X village in Y", "the X district of Y"."""
    root = _root(mention, document)
    offset = document.sentences[mention.sentence_index].span.start
    own = set(range(offset + mention.token_start, offset + mention.token_end))
    known = {offset + i: m.place for m in document.mentions_in(mention.sentence_index)
             if m.place is not None and m.place.country for i in range(m.token_start, m.token_end)}
    start = [root.head] if root.dep_ == "compound" else [root]
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        start.append(root.head.head)  # "the town of X in Y"
    for token in _container_candidates(start):
        if token.i in known and token.i not in own:
            return Place(mention.text, known[token.i].country, None, None, "locality", None)
    after = root.doc[max(own) + 1] if max(own) + 1 < len(root.doc) else None
    if after is not None and after.lower_ in CONTAINER_PREPOSITIONS - {"of"}:
        # "to Charité in Berlin", the parser hanging "in Berlin" on the verb
        for token in after.children:
            if token.dep_ == "pobj" and token.i in known:
                return Place(mention.text, known[token.i].country, None, None, "locality", None)
    return None


def _local_facility(mention: Mention, document: Document) -> Place | None:
    """A building, street or site the gazetteer cannot know ("John Radcliffe Hospital",
    "Karl Marx Avenue", "the Khurais oil field") is in the one country of the nearest
    places: its own sentence's, failing any those of the two sentences before it, failing
    any the article's. Where they name several countries it stays unplaced. Rivers and
    seas are not sites: they cross borders."""
    if mention.type != "FAC" and not _names_site(mention, document):
        return None
    places = [m for m in document.mentions if m is not mention and m.type in PLACE_TYPES
              and m.place is not None and m.place.country]
    first = max(0, mention.sentence_index - LOCAL_SENTENCES)
    for window in (range(mention.sentence_index, mention.sentence_index + 1),
                   range(first, mention.sentence_index + 1), None):
        countries = {m.place.country for m in places
                     if window is None or m.sentence_index in window}
        if countries:  # the nearest places decide: its sentence, the two before, the article
            break
    if len(countries) != 1:
        return None
    return Place(mention.text, countries.pop(), None, None, "facility", None)


def _container_candidates(tokens: list[Token], depth: int = 3):
    """Tokens that can name what contains the phrase headed by `tokens`, nearest first:
    appositions, objects of in/of/near, and their owners ("Afghanistan's ... province")."""
    for _ in range(depth):
        found = []
        for token in tokens:
            for child in token.children:
                if child.dep_ in {"appos", "poss"}:
                    found.append(child)
                elif child.dep_ == "prep" and child.lower_ in CONTAINER_PREPOSITIONS:
                    found.extend(g for g in child.children if g.dep_ == "pobj")
        yield from found
        tokens = found

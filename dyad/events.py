"""Events stage: code who did what to whom in each sentence, in CAMEO.

For each verb the pattern table (`patterns`, built from the CAMEO verb
dictionary) gives a code from the verb's lemma and the words of its clause;
a light verb with an event noun ("hold talks", "impose sanctions") takes the
noun's code. The source is the subject (the agent of a passive), the target the
object or the object of with/to/against/on; coordinated subjects and objects
give one event per pair. Modality comes from the auxiliaries and governing
verbs, attribution from speech verbs around the clause.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from spacy.tokens import Token

from dyad import actor_tables, cameo, patterns
from dyad.actors import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    POSTED_ABROAD,
    ActorContext,
    make_actor,
    opposed,
    token_actor,
    token_actors,
)
from dyad.annotate import token_offset
from dyad.framing import (
    EXPECT_GOVERNORS,
    PLAN_GOVERNORS,
    SPEAKING,
    SPEECH_LEMMAS,
    SUBJECT_DEPS,
    Candidate,
    conditions,
    framed_code,
    headline_infinitive,
    intended,
    modality,
    obligations,
    one_per_verb_chain,
    plain_speech,
    refusal,
    with_conjuncts,
)
from dyad.model import Actor, Document, Event, Mention, Sentence, Span
from dyad.toponyms import SETTLEMENT_NOUNS
from dyad.when_where import (
    OTHER_EVENT_PREPS,
    PlaceMemory,
    clause_place,
    event_date,
    event_location,
    remember_places,
)

PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "at", "into", "upon", "from", "for", "over")
# Children that open another clause: their words are not cues for this verb.
CLAUSE_BREAK_DEPS = {"ccomp", "advcl", "relcl", "conj", "cc", "parataxis", "punct", "mark", "csubj"}
# Roots whose actions are often aimed at no one in particular: yielding (resign, declare a
# ceasefire), protest, force posture and violence. Every other act is toward someone:
# appeals, intentions, cooperation, demands, rejections, threats, sanctions and coercion
# with no one found they are aimed at are not coded (an event is a dyad), nor are plain
# statements ("reported", "added"), which are attribution. A statement whose pattern
# matched words beyond its verb ("declined to comment", "claimed responsibility") stands
# alone.
UNDIRECTED_ROOTS = {"08", "14", "15", "18", "19", "20"}
STATEMENT_ROOT = "01"
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
DEPART_LEMMAS = {"leave", "depart", "quit", "exit", "vacate"}
MILITARY_RETREAT = "0874"
# Roots of actions done, not said: a speech or report verb coded so reports another's act.
MATERIAL_ROOTS = {"06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}
# (not "declare": declaring a ceasefire or war is the act itself)
REPORT_LEMMAS = {"report", "say", "note", "add", "tell", "reveal", "write", "mention", "comment",
                 "tweet", "indicate", "confirm", "describe", "cite", "quote"}
SENDING_ROOTS = {"06", "07", "15"}
MILITARY_AID = "072"  # sent to one's own territory it is a build-up of forces
BUILD_UP = "154"
# CAMEO codes violence by its means: the weapon named in the clause refines a generic code.
GENERIC_VIOLENCE = {"180", "190"}
WEAPON_CODES = [  # (words that must all occur, code), most specific first
    (("suicide",), "1831"), (("car", "bomb"), "1832"), (("roadside",), "1833"),
    (("airstrike",), "195"), (("air", "strike"), "195"), (("aircraft",), "195"),
    (("warplane",), "195"), (("jet",), "195"), (("helicopter",), "195"), (("drone",), "195"),
    (("bomber",), "195"), (("missile",), "195"),
    (("bomb",), "183"), (("bombing",), "183"), (("explosive",), "183"), (("explosion",), "183"),
    (("artillery",), "194"), (("shell",), "194"), (("shelling",), "194"),
    (("tank",), "194"), (("mortar",), "194"), (("rocket",), "194"), (("gunfire",), "193"),
    (("rifle",), "193"), (("gunman",), "193"), (("machine", "gun"), "193"),
]


RECOGNISE_LEMMAS = {"recognize", "recognise"}
DIPLOMATIC_RECOGNITION = "054"
# Generic codes that CAMEO splits by what the clause says the action is about or made of.
QUALIFIED_CODES = {
    "070": [({"military", "weapon", "arm", "ammunition"}, "072"),
            ({"humanitarian", "food", "medical", "medicine", "relief", "emergency"}, "073"),
            ({"economic", "financial", "loan", "grant", "budget", "debt"}, "071")],
    "090": [({"war crime", "genocide", "crime against humanity", "atrocity"}, "094"),  # most specific first
            ({"human right", "abuse", "torture", "violation"}, "092"),
            ({"corruption", "crime", "fraud", "laundering", "bribery", "embezzlement", "smuggling"}, "091"),
            ({"military", "soldier", "troop", "army", "airstrike", "strike", "raid"}, "093")],
}


def qualified(code: str, tokens) -> str:
    """The generic code's CAMEO subcode that the words name ("military aid" 072), else it."""
    rows = QUALIFIED_CODES.get(code)
    if not rows:
        return code
    lemmas = [t.lemma_.lower() for t in tokens]
    text = " ".join(lemmas)
    for words, refined in rows:
        if any((" " in w and w in text) or w in lemmas for w in words):
            return refined
    return code


def by_qualifier(candidate: Candidate, code: str) -> str:
    """"sent military aid" 072, "investigating corruption" 091: read in the clause and in
    the event noun's phrase."""
    tokens = list(_clause_tokens(candidate.verb))
    if candidate.trigger is not candidate.verb:
        tokens += list(candidate.trigger.subtree)
    return qualified(code, tokens)


CHEMICAL_WORDS = {"chemical", "sarin", "chlorine", "mustard", "nerve", "biological", "toxin"}
CHEMICAL_ATTACK = "2041"  # use of chemical, biological or radiological weapons
AERIAL_WORDS = {"airstrike", "airstrikes", "aircraft", "warplane", "warplanes", "jet", "jets", "helicopter",
                "helicopters", "gunship", "gunships", "drone", "drones"}
AERIAL_ATTACK = "195"


def by_weapon(verb: Token, code: str) -> str:
    """The code for the means the clause names ("bomb", "aircraft", "artillery"), when CAMEO
    has one under the event's root; else the generic code. Chemical weapons are mass
    violence (2041) whatever the verb's own code of force or repression."""
    if not (code in GENERIC_VIOLENCE or code[:2] in {"17", "18", "19"} or code == "202"):
        return code  # only force, coercion and violence are coded by their means
    words = {w for t in _clause_tokens(verb) for w in (t.lemma_.lower(), t.lower_)}
    if words & CHEMICAL_WORDS and words & {"weapon", "attack", "gas", "agent", "arm"}:
        return CHEMICAL_ATTACK
    if words & AERIAL_WORDS and not words & {"suicide", "roadside", "car"}:
        return AERIAL_ATTACK  # "aircraft killed 46 civilians": aerial weapons, whatever the verb's cue
    if code not in GENERIC_VIOLENCE:
        return code
    for needed, refined in WEAPON_CODES:
        if set(needed) <= words and (refined[:2] == code[:2] or code == "190" and refined[:2] == "18"):
            return refined
    return code


RECIPROCAL_LEMMAS = {"agree", "meet", "sign", "negotiate", "cooperate", "talk", "discuss", "consult",
                     "ally", "normalize", "normalise", "reconcile",
                     # "Armenian and Azerbaijani troops clashed": each with the other
                     "clash", "skirmish", "fight", "battle"}


def code_events(document: Document) -> Document:
    context: ActorContext = document.actor_context
    memory = PlaceMemory()
    for sentence in document.sentences:
        mentions = document.mentions_in(sentence.index)
        remember_places(sentence, mentions, memory, context)
        events = code_sentence(sentence, mentions, document, context, memory)
        document.events.extend(events)
    _set_in_home_country(document)
    return document


# Roles that, with no country stated, are of the country an article is set in: "police
# fired tear gas" in a report from Hong Kong are Hong Kong's police. Not the military or
# armed groups, which are often abroad, nor diplomats, who are posted abroad.
HOME_ROLES = {"GOV", "COP", "LEG", "JUD", "OPP", "PTY", "CVL", "PPL", "EDU", "LAB", "BUS", "MED"}
HOME_MIN_SENTENCES = 3  # one mention is no evidence of where an article is set
HOME_LEAD = 1.5  # ... nor is a country named barely more often than another


def _home_country(document: Document) -> str | None:
    """The country the article is set in: named in the most sentences, at least three,
    and in half again as many as any other."""
    sentences: dict[str, set[int]] = defaultdict(set)
    for mention in document.mentions:
        country = (mention.actor.country if mention.actor else None) or (
            mention.place.country if mention.place else None)
        if country:
            sentences[country].add(mention.sentence_index)
    ranked = sorted((len(found), country) for country, found in sentences.items())
    if not ranked or ranked[-1][0] < HOME_MIN_SENTENCES:
        return None
    if len(ranked) > 1 and ranked[-1][0] < HOME_LEAD * ranked[-2][0]:
        return None
    return ranked[-1][1]


def _set_in_home_country(document: Document) -> None:
    home = _home_country(document)
    if home is None:
        return
    kept = []
    for event in document.events:
        source = _at_home(event.source, event.source_span, home)
        target = _at_home(event.target, event.target_span, home) if event.target else None
        if target is not event.target and target.code == source.code:
            continue  # "Sunak defended the government's record": his own side, no one else
        if source is not event.source or target is not event.target:
            event = dataclasses.replace(event, source=source, target=target)
        kept.append(event)
    document.events[:] = kept


def _at_home(actor: Actor, span: Span | None, home: str) -> Actor:
    if actor.role not in HOME_ROLES or actor.country or actor.org:
        return actor
    if span is not None and any(word.lower().rstrip("s") in POSTED_ABROAD for word in span.text.split()):
        return actor
    return _located(actor, home)


def code_sentence(sentence: Sentence, mentions: list[Mention], document: Document,
                  context: ActorContext, memory: PlaceMemory) -> list[Event]:
    candidates = [c for c in (verb_candidate(t) or noun_candidate(t) for t in sentence.span) if c]
    speakers = _speakers(sentence, mentions, context)
    outlet = _outlet(sentence, mentions) or document.article.outlet
    candidates = _statement_content(one_per_verb_chain(candidates))
    candidates = [c for c in obligations(sentence, candidates) if not plain_speech(c)]
    candidates = _one_deed_told_twice(candidates)
    for candidate in candidates:
        refusal(candidate)
    events: list[Event] = []
    seen: set[tuple] = set()
    for candidate in candidates:
        speaker = speakers.get(candidate.trigger.i)
        where: dict[int, Token] = {}  # actor -> the token it was read from
        pairs = _pairs(candidate, mentions, sentence, context, speaker, memory, where)
        by_means = by_qualifier(candidate, by_weapon(candidate.verb, candidate.code))
        for source, target in pairs:
            partner = target is not None and _partner(candidate, where.get(id(target)))
            code, target = _for_pair(candidate, by_means, source, target, partner)
            if target is not None and target.code == source.code and target.role is None and target.org is None:
                target = None  # its own country ("South Korea evacuated people in Yeoncheon")
            if target is None and not _stands_alone(candidate, code):
                continue  # "issued", "arrived", "offered concessions": no one acted on
            key = (source.code, source.name, target.code if target else None, code, candidate.trigger.i)
            if key in seen:
                continue
            seen.add(key)
            spans = (_actor_span(where.get(id(source)), sentence, mentions),
                     _actor_span(where.get(id(target)), sentence, mentions) if target else None)
            events.append(_event(candidate, code, source, target, sentence, mentions, document,
                                 len(events), speaker, outlet, memory, spans))
    return events


# Marks of a clause telling how or when a deed was done: "killed 23 people when they blew
# themselves up", "as they stormed the building".
MANNER_MARKS = {"when", "as", "while", "by"}
FORCE_ROOTS = {"18", "19", "20"}


def _one_deed_told_twice(candidates: list[Candidate]) -> list[Candidate]:
    """"Two bombers killed 23 people when they blew themselves up": one act of violence,
    coded once, by the main clause. So is a visit its verb tells ("arrived in Pakistan on
    a state visit", "left for Moscow for talks")."""
    by_verb = {c.verb.i: c for c in candidates}
    out = []
    for candidate in candidates:
        verb = candidate.verb
        clause = by_verb.get(verb.head.head.i) if _on_a_visit(verb) else None
        if clause is not None and clause is not candidate and clause.code[:2] == CONSULT_ROOT:
            continue
        main = by_verb.get(verb.head.i) if verb.dep_ == "advcl" else None
        if (main is not None and main is not candidate and candidate.code[:2] in FORCE_ROOTS
                and main.code[:2] in FORCE_ROOTS
                and any(c.dep_ in {"mark", "advmod"} and c.lower_ in MANNER_MARKS for c in verb.children)):
            continue
        out.append(candidate)
    return out


def _main_clause_subjects(pronoun: Token) -> list[Token]:
    """The subject of the clause that a pronoun's adverbial clause hangs on: "they" in
    "the bombers killed 23 people when they blew themselves up"."""
    if pronoun.lower_ not in GROUP_PRONOUNS | PERSON_PRONOUNS or pronoun.dep_ not in SUBJECT_DEPS:
        return []
    clause = pronoun.head
    if clause.dep_ != "advcl":
        return []
    if any(t.lower_ in OBJECT_PRONOUNS.get(pronoun.lower_, ()) for t in clause.head.subtree
           if t.i not in {u.i for u in clause.subtree}):
        return []  # "as they tried to storm parliament, police fired tear gas at them": the others
    return [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"][:1]


# The object form of a subject pronoun: the main clause may name the adverbial's subject so.
OBJECT_PRONOUNS = {"they": {"them"}, "he": {"him"}, "she": {"her"}, "we": {"us"}}


def _stands_alone(candidate: Candidate, code: str) -> bool:
    """Is the act an event with no target?"""
    if candidate.needs_target:
        return False
    return code[:2] in UNDIRECTED_ROOTS or code[:2] == STATEMENT_ROOT and candidate.specific


def _for_pair(candidate: Candidate, code: str, source: Actor, target: Actor | None,
              partner: bool = False) -> tuple[str, Actor | None]:
    """The code as it reads for this source and target, and the target kept. `partner`:
    the target is named in a "with" phrase."""
    lemma = candidate.verb.lemma_.lower()
    if code[:2] == FORCE_POSTURE_ROOT and partner:
        code = MILITARY_COOPERATION  # "held exercises with Pakistani forces"
    if code[:3] == MILITARY_AID and target is not None and target.country == source.country \
            and target.role is None:
        code, target = BUILD_UP, None  # "Russia deployed missiles to Kaliningrad": its own ground
    if lemma in RECOGNISE_LEMMAS and target is not None and target.country \
            and target.role in (None, "GOV") and code[:2] == "05":
        code = DIPLOMATIC_RECOGNITION  # recognising a state or its government, not praise
    if source.role == "MIL" and lemma in DEPART_LEMMAS:
        code = MILITARY_RETREAT  # troops leaving a country withdraw; envoys leaving travel
    if code in GENERIC_COOPERATION and target is not None and target.role == "MIL" \
            and source.role in (None, "GOV", "MIL"):
        code = MILITARY_COOPERATION  # "increased cooperation with the navies of China, India …"
    if candidate.modality in {"planned", "expected"}:
        code = intended(code)  # "will visit" 036, "will give a grant" 0331
    if code[:2] >= "14" and (candidate.modality == "hypothetical"
                             or candidate.modality == "planned" and code[:2] >= "16"):
        # force not yet used, announced or held over someone, is CAMEO's threat of it:
        # "would blockade Paris" 137, "will impose martial law" 1324; a planned protest
        # or exercise (14, 15) stays what it is, with its modality
        code = framed_code("threaten", code, "130")
    return code, target


# Nouns of texts that provide for actions: what their clauses say is no event.
DOCUMENT_NOUNS = {"law", "bill", "amendment", "legislation", "regulation", "decree", "draft",
                  "measure", "change", "proposal", "reform", "treaty", "resolution",
                  "constitution"}
# Verbs whose object of "on"/"about" is a topic ("reported on the civil war").
TOPIC_VERBS = REPORT_LEMMAS | SPEECH_LEMMAS | {"speak", "talk", "testify", "brief", "inform",
                                               "ask", "question", "focus", "reflect"}


# Objects that make an idiom of their verb, whose own patterns then do not apply
# (a pattern cued on the object itself, "take part" 030, still does).
IDIOM_OBJECTS = {
    "take": {"place", "part", "action", "step", "measure", "note", "care", "advantage", "effect",
             "shape", "time", "look", "turn", "hold", "root", "stock", "aim", "issue", "seat", "office"},
    "make": {"sense", "sure", "way", "point", "mistake", "difference", "use", "effort"},
    "pay": {"attention", "price"},
    "have": {"time", "chance", "right"},
}


def _idiom(verb: Token, lemma: str, pattern) -> bool:
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"} & IDIOM_OBJECTS.get(lemma, set())
    return bool(objects) and not any(objects & element for element in (*pattern.before, *pattern.after))


# Roots of what is said: statements, appeals, intents, demands, disapproval, rejection, threats.
SAYING_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}


def _in_noun_modifier(token: Token, verb: Token) -> bool:
    """Is the token inside a prepositional phrase on a noun ("riots [against … policies]")?"""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.head.pos_ in {"NOUN", "PROPN"} and token.lower_ != "of":
            return True  # ("the first deployment of NATO troops": "of" names who it is)
        token = token.head
    return False


def _bare_participle(token: Token) -> bool:
    """An -ing clause on a verb, with no "while"/"after" of its own."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
        c.dep_ in {"mark", "aux", "nsubj"} for c in token.children)


def _participle_of_noun(token: Token) -> bool:
    """"people living in or visiting Hong Kong": a participle, or one joined to it."""
    if token.tag_ not in {"VBG", "VBN"}:
        return False
    for _ in range(3):  # up through "or" and the preposition of the first participle
        if token.dep_ == "acl" and token.tag_ in {"VBG", "VBN"}:
            return True
        if token.dep_ not in {"conj", "prep"}:
            return False
        token = token.head
    return False


# Verbs of opinion: "consider X a threat", "view X as a response" say what X is taken for.
REGARD_LEMMAS = {"consider", "regard", "view", "see", "deem", "perceive"}


def _regards_as(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and not any(
        g.lemma_.lower() == "part" for g in c.children))  # "see Erdogan as part of a tour"
               for t in [verb, *objects] for c in t.children)


# Phrases that tell another event the act happened around; no pattern's cue is in one
# (pattern rows do cue on "before", "since" and "until": "rally * before" 090).
OCCASION_PREPS = OTHER_EVENT_PREPS - {"before", "since", "until"}
# Prepositions of a phrase that says when or where something was said, not what.
CIRCUMSTANCE_PREPS = {"during", "after", "before", "amid", "following", "at", "on", "in", "while"}


def _cue_is_circumstance(verb: Token, pattern, clause: list[Token]) -> bool:
    """Whether every word of the clause that matches the pattern's last cue stands in a
    phrase of time or occasion ("during her visit")."""
    if not pattern.after:
        return False
    cue = set(pattern.after[-1])
    found = [t for t in clause if t.i > verb.i and (t.lemma_.lower() in cue or t.lower_ in cue)]
    return bool(found) and all(t.dep_ == "pobj" and t.head.lower_ in CIRCUMSTANCE_PREPS
                               for t in found)


def _in_document_clause(token: Token) -> bool:
    """"a law that would allow China to extradite", "the bill would allow people visiting
    Hong Kong to be removed": the verb is in what a text provides."""
    while token.head.i != token.i:  # (spaCy makes a new Token object on each .head)
        if token.dep_ in {"relcl", "acl"} and token.head.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        token = token.head
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children):
            return True
    return False


def _a_topic(noun: Token) -> bool:
    """"reported extensively on the nation's civil war": the war is what was reported."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in {"on", "about", "regarding", "over"}
            and prep.head.lemma_.lower() in TOPIC_VERBS)


# Nouns of statements whose participle says what they do: "issued a declaration demanding
# that the Turkish government provide ..." is the demand (1014), not a statement (010).
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "resolution", "letter",
                   "message", "petition", "appeal", "note", "memorandum"}


def _statement_participle(token: Token) -> bool:
    return token.dep_ == "acl" and token.tag_ == "VBG" and token.head.lemma_.lower() in STATEMENT_NOUNS


def _statement_content(candidates: list[Candidate]) -> list[Candidate]:
    """Drop "issued a statement" (010) when the statement's participle is an event of its own."""
    said = {c.verb.head.i for c in candidates if _statement_participle(c.verb) and c.code[:2] != "01"}

    def states_it(c: Candidate) -> bool:
        if c.trigger.i in said and c.trigger.lemma_.lower() in STATEMENT_NOUNS:
            return True
        return c.code[:2] == "01" and any(o.dep_ == "dobj" and o.i in said for o in c.verb.children)
    return [c for c in candidates if not states_it(c)]


# Verbs whose subject undergoes the action ("Palestinians died"): no source acts.
UNDERGOER_VERBS = {"die", "perish", "drown", "succumb", "starve", "suffer", "flee"}


def verb_candidate(token: Token) -> Candidate | None:
    if token.pos_ != "VERB" and not _responsible(token):
        return None
    if _participle_of_noun(token) and not _statement_participle(token) and not _verb_read_as_modifier(token) \
            and not _harm_told_of_root(token):
        return None  # a participle describing a noun ("people visiting Hong Kong") is no event
    if _in_document_clause(token):
        return None  # "a law that would allow China to extradite people": what a text provides
    lemma = token.lemma_.lower()
    if lemma in UNDERGOER_VERBS:
        return None
    if lemma in REGARD_LEMMAS and _regards_as(token):
        return None  # "NATO considered the deployments a response": an opinion, no act
    if lemma == "call" and (any(c.dep_ == "oprd" for c in token.children)
                            or sum(c.dep_ == "dobj" for c in token.children) > 1):
        return None  # "calling it an aggression": naming, not calling on anyone
    clause = _clause_tokens(token, dates=False, nested=False)
    # (a cue before the verb names its subject, not what a subject's phrase mentions:
    # "riots against Israeli military policies are continuing" has no military subject)
    before = _cue_words(t for t in clause if t.i < token.i and not _in_noun_modifier(t, token))
    occasion = {t.i for p in token.children if p.dep_ == "prep" and p.lower_ in OCCASION_PREPS
                for t in p.subtree}  # "clashed with police during a protest against the
    after = _cue_words(t for t in clause if t.i > token.i and t.i not in occasion)  # government"
    things = [c for c in token.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"
              and actor_tables.role_code(c.lemma_.lower()) is None]
    if things:  # "sanctions were imposed on X": the thing acted on, as its object would be
        after = _cue_words(t for c in things for t in c.subtree) + after  # ("impose * sanction")
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
    pattern = patterns.match_verb(lemma, particle=particle, before=before, after=after)
    if pattern is not None and _idiom(token, lemma, pattern):
        pattern = None  # "took place", "has taken action": not "troops take *" 192
    if pattern is not None and lemma in SPEECH_LEMMAS and _cue_is_circumstance(token, pattern, clause):
        # "Merkel said ... during her visit to Tbilisi": the visit is when she spoke, not
        # what she announced ("say * visit" 036)
        pattern = patterns.match_verb(lemma, particle=particle)
    trigger, confidence, swap, cued, stopped = token, 0.5, False, False, None
    noun = _event_noun_object(token, lemma)
    if noun is not None and (pattern is None or pattern.is_default or pattern.is_null
                             or _refines(noun[1].code, pattern.code) or noun[0].dep_ == "pobj"
                             or not _cues_name(pattern, noun[0])):
        # (a noun after "took part in" / "engaged in" is the event, whatever the verb's cue)
        noun_token, noun_event = noun
        code, label = noun_event.code, f"{lemma} + {noun_event.noun} -> {noun_event.code}"
        if code[:2] == "15" and any(c.lower_ == "joint" for c in noun_token.children):
            code, label = "062", label + " (joint: military cooperation) -> 062"
        trigger, confidence = noun_token, 0.55
        reciprocal = code[:2] in RECIPROCAL_ROOTS
    elif lemma in STOP_LEMMAS and (halted := _halted(token)):  # "suspended talks with Somalia" 164
        noun_token, code = halted
        label, reciprocal = f"{lemma} + {noun_token.lemma_} -> {code}", False
        cued = True  # the object names what stops
    elif (stopped := _stopped_by_noun(token, lemma)) is not None:
        # "announced the suspension of military aid to Egypt": the suspension, 1622
        trigger, stopped_what, code = stopped
        label = f"{lemma} + {trigger.lemma_} {stopped_what.head.lower_} {stopped_what.lemma_} -> {code}"
        reciprocal, confidence = False, 0.55
    elif (pattern is None or pattern.is_null) and _receives_a_visitor(token, lemma):
        code, label, reciprocal = HOST_A_VISIT, f"{lemma} + a visitor -> {HOST_A_VISIT}", False
    elif pattern is not None and not pattern.is_null:
        # "[:071]": only the reverse event ("received a loan from China": China gave aid)
        swap = pattern.code == patterns.NO_EVENT
        code = pattern.reverse_code if swap else pattern.code
        reciprocal = (pattern.reverse_code == pattern.code or lemma in RECIPROCAL_LEMMAS
                      or code[:2] in RECIPROCAL_ROOTS)
        label = pattern.describe()
        confidence += 0.15 if (pattern.before or pattern.after) else 0.0
    else:
        return None
    if lemma in REPORT_LEMMAS and code[:2] in MATERIAL_ROOTS:
        return None  # "Reuters reported the attack": the reporter is not the attacker
    if code[:3] in SEIZURE_CODES and _ground_taken(token):
        code = OCCUPY_TERRITORY  # "militants seized the city of Mosul", "took control of Ramadi"
    sources, targets = _arguments(token, code)
    if (not sources and code[:2] in SAYING_ROOTS and _bare_participle(token)
            and lemma not in SPEECH_LEMMAS | {"cite"}):
        # "wrote to Bush, urging him to send troops": the writer urges. (A participle of
        # force, "shelled Juba, killing 20", is most often the same deed told again;
        # "citing domestic opposition" gives a reason; "claiming a right" is speech.)
        sources = with_conjuncts([c for c in token.head.children if c.dep_ in SUBJECT_DEPS][:1])
    if not sources and code[:2] in AGENTLESS_ROOTS and _passive(token):
        sources = _attackers(token)  # "was killed in an attack on a patrol by rebels"
    if len(sources) == 1 and sources[0].lemma_.lower() in WEAPON_SUBJECTS and code[:2] in AGENTLESS_ROOTS:
        sources = _attack_doers(sources[0]) or sources  # "An Israeli air strike killed three"
    targets = [g for g in targets if not (len(g) == 1 and g[0].lemma_.lower() in IDIOM_OBJECTS.get(lemma, ()))]
    if not sources and noun is not None and trigger is noun[0]:
        # "Serb forces were engaged in ethnic cleansing": the subject took part, not underwent
        sources = with_conjuncts([c for c in token.children if c.dep_ == "nsubjpass"])
        targets = [with_conjuncts([t]) for t in _target_tokens(token, code)]  # "... against X"
    if stopped is not None:  # "the suspension of aid to Egypt", "of its embassy in Kabul"
        targets = _noun_targets(stopped[1], code) + _noun_targets(stopped[0], code) + [
            g for g in targets if all(t.i != stopped[0].i for t in g)] + [
            [g] for p in stopped[1].children if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children if g.dep_ == "pobj"]
    if noun is not None and trigger is noun[0] and not any(targets):
        targets = _noun_targets(trigger, code)  # "launched an attack on the base"
    elif pattern is not None and pattern.after and (cue := _cue_noun(token, pattern, clause)) is not None:
        # "entered into an agreement with the government": after the verb's own objects
        targets = targets + _noun_targets(cue, code)
    if code[:2] == PROTEST_ROOT:
        targets = targets + _protest_aims(token)
    if any(c.dep_ == "agent" for c in token.children) and not things:
        reciprocal = False  # "joined by Australia, Bahrain and ...": not toward each other
        # (but "the deal was signed by Armenia and Turkey" is)
    if swap:
        sources, targets = [t for group in targets[:1] for t in group], [sources]
    if not sources and lemma in EXPEL_LEMMAS and _passive(token):
        # "a Russian diplomat was expelled from Britain": the country expelling him
        sources = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "from"
                   for g in p.children if g.dep_ == "pobj"]
    if not sources and not (_may_lack_doer(code) and _passive(token)):
        return None  # (violence undergone, "was shot dead", may have an unnamed doer)
    return Candidate(trigger=trigger, verb=token, code=code, sources=sources, targets=targets,
                     modality=modality(token), pattern=label, confidence=confidence,
                     specific=(trigger is not token or cued
                               or bool(pattern and (pattern.before or pattern.after))),
                     reciprocal=reciprocal,
                     needs_target=_grants(token, trigger, pattern))


# Verb blocks whose default yields something to someone: allowing, approving, easing,
# pardoning. With no one it is granted to ("approved the move") there is no event; the
# other yielding verbs (resign, surrender, retreat, release a ship) need no one.
GRANTING_BLOCKS = {"ALLOW", "LOOSEN", "LEGALISE", "ACQUIT", "PARDON", "ABSOLVE", "UNBLOCK",
                   "DECLASSIFY"}


# Verbs whose agentless passive names the doer in its "from" phrase: the country one is
# expelled from expels ("was deported from Venezuela").
EXPEL_LEMMAS = {"expel", "deport", "banish", "extradite"}


# Seizing people (181) or property (171): seizing a town or a country's ground is occupying
# territory (192), whatever the subject ("militants seize *" is written for hostages).
SEIZURE_CODES = {"181", "171"}
OCCUPY_TERRITORY = "192"
GROUND_NOUNS = SETTLEMENT_NOUNS | {"territory", "airport", "airfield", "base", "border", "crossing",
                                   "stronghold", "outpost", "enclave", "valley", "port"}


def _ground_taken(verb: Token) -> bool:
    """The verb's object is a place: "seized the town of Kidal", "seized Sanaa", "took
    control of Ramadi"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() == "control":
            obj = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ in {"of", "over"}
                        for g in p.children if g.dep_ == "pobj"), obj)
        if obj.lemma_.lower() in GROUND_NOUNS or _a_place_word(obj):
            return True
    return False


def _grants(verb: Token, trigger: Token, pattern) -> bool:
    """Does the verb's default code yield something to someone? ("parliament approved a
    law" yields as it stands, in CAMEO's own example of 080)"""
    if trigger is not verb or pattern is None or not pattern.is_default:
        return False
    return pattern.block in GRANTING_BLOCKS and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into")
PROTEST_ROOT = "14"
# Phrases that say what a protest is about: "in protest of", "over the arrests", "against".
PROTEST_AIM_PREPS = {"in", "over", "against", "following", "after"}
PROTEST_AIM_DEPS = {"poss", "pobj", "dobj", "amod", "compound", "nsubj"}


def _protest_aims(verb: Token) -> list[list[Token]]:
    """Whom a protest is aimed at, when no object says so: the actors named in its purpose
    ("began a hunger strike to demand the return of property seized by Algerian forces")
    or its occasion ("blocked a road in protest of the United States' policies"); candidate
    targets after the verb's own, nearest first."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    groups = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"advcl", "xcomp", "acl"} or (
                    child.dep_ == "prep" and child.lower_ in PROTEST_AIM_PREPS and not _when(child)):
                groups += [[t] for t in child.subtree
                           if t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.dep_ in PROTEST_AIM_DEPS]
    return groups


def noun_candidate(token: Token) -> Candidate | None:
    """A nominal event with its actors: "Putin's visit to Tajikistan", "an attack on the
    base by rebels". Nouns that are the object of a verb are left to the verb ("held
    talks"); a noun with no stated actor ("the talks") is no event."""
    if token.pos_ != "NOUN" or (token.dep_ in OBJECT_DEPS | {"attr"} and token.head.pos_ == "VERB"):
        return None
    found = noun_event(token)
    if found is None or _a_topic(token) or _told_by_passive(token):
        return None
    sources = [c for c in token.children if c.dep_ == "poss"]
    sources += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"]
    if not sources and token.dep_ == "nsubj" and token.head.lemma_.lower() in ONGOING_VERBS:
        # "Palestinian riots against Israeli policies are continuing": the rioters' country
        sources = [c for c in token.children if c.dep_ in {"amod", "compound"}
                   and c.ent_type_ in {"NORP", "GPE"} and not opposed(c)]
    if (not sources and found.code[:2] in RECIPROCAL_ROOTS | {FIGHT_ROOT} and token.dep_ in SUBJECT_DEPS
            and token.head.lemma_.lower() != "be"):  # (not "the agreement between … is void")
        # "Talks between Serbia and Kosovo resumed", "Clashes between the army and rebels
        # killed 20": the two sides, toward each other
        holders = [token] + ([token.head] if token.head.lemma_.lower() in ONGOING_VERBS else [])
        sides = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                 for g in c.children if g.dep_ == "pobj"]  # ("clashes erupted between X and Y")
        if sides and (with_conjuncts(sides[:1])[1:] or _two_countries(sides[0])):
            return Candidate(trigger=token, verb=token, code=found.code, sources=with_conjuncts(sides[:1]),
                             targets=[], modality=_noun_modality(token),
                             pattern=f"noun {found.noun} between -> {found.code}", confidence=0.45,
                             reciprocal=True)
    traveller = _on_a_visit(token) if found.code[:2] == CONSULT_ROOT else []
    if traveller and all(s.pos_ == "PRON" for s in sources):
        sources = traveller  # ("During his visit to Kenya, the premier …": the premier's)
    if not sources:
        return None
    targets = _noun_targets(token, found.code)
    if traveller and found.code.startswith(VISIT):  # "arrived in Pakistan on a state visit"
        clause = token.head.head  # ("is due in Uganda for a visit": the "in" is on "due")
        targets += [[g] for h in [clause, *(c for c in clause.children if c.dep_ == "acomp")]
                    for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj"]
    return Candidate(trigger=token, verb=token, code=found.code, sources=with_conjuncts(sources[:1]),
                     targets=targets, modality=_noun_modality(token),
                     pattern=f"noun {found.noun} -> {found.code}", confidence=0.45,
                     reciprocal=found.code[:2] in RECIPROCAL_ROOTS)


CONSULT_ROOT = "04"
FIGHT_ROOT = "19"
DEMAND_ROOT = "10"
VISIT = "042"
# Prepositions that put someone on a visit or at talks: "on a state visit", "during his
# visit", "in Moscow for talks".
TRAVEL_PREPS = {"on", "during", "for", "after", "in", "at"}


def _on_a_visit(noun: Token) -> list[Token]:
    """Who is on the visit or at the talks a phrase names: the subject of the clause it
    is in ("Xi arrived in Pakistan on a state visit", "the minister is in Moscow for
    talks"), or the noun it describes ("the minister, on a visit to Tehran, said")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TRAVEL_PREPS:
        return []
    head = prep.head
    if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in SUBJECT_DEPS:
        return [head]
    if head.pos_ in {"VERB", "AUX"}:  # ("Ross is expected in Israel for talks": passive)
        return [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return []


# Verbs saying an event named as their subject goes on: "riots are continuing".
ONGOING_VERBS = {"continue", "spread", "resume", "escalate", "intensify", "erupt", "persist", "rage",
                 "break", "flare"}


def _two_countries(noun: Token) -> bool:
    """"Armenian and Azerbaijani troops": one noun, two countries' people."""
    return any(a.dep_ == "amod" and a.ent_type_ in {"NORP", "GPE"} and any(
        c.dep_ == "conj" and c.ent_type_ in {"NORP", "GPE"} for c in a.children) for a in noun.children)


# Stopping an event is CAMEO's reduction of it: halting talks 164, mediation 165,
# military aid 1622, relations 161.
STOP_LEMMAS = {"suspend", "halt", "end", "cancel", "freeze", "cut", "stop", "sever", "terminate"}
HALT_CODES = {"045": "165", "046": "164", "04": "164", "05": "161", "070": "162", "071": "1621",
              "072": "1622", "073": "1623", "06": "160", "07": "162"}


def _halted(verb: Token):
    """(noun, code) when the verb stops the event its object names, else None."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "halted mediation efforts": the event can be the compound before a plain head noun
    for child in objects + [g for o in objects for g in o.children if g.dep_ == "compound"]:
        found = noun_event(child)
        if found is None:
            continue
        code = qualified(found.code, child.subtree)
        halt = _halt_code(code)
        if halt:
            return child, halt
    return None


def _halt_code(code: str) -> str | None:
    """The reduction code of stopping the event `code`, most specific prefix first."""
    return HALT_CODES.get(code) or HALT_CODES.get(code[:3]) or HALT_CODES.get(code[:2])


# Nouns of stopping, and the verb whose patterns say what stopping a thing is coded as.
STOP_NOUNS = {"suspension": "suspend", "halt": "halt", "cancellation": "cancel", "freeze": "freeze",
              "cutoff": "cut", "cut": "cut", "termination": "terminate", "severance": "sever",
              "closure": "close"}
# Verbs that put a stop into effect: "announced the suspension of", "ordered the closure of".
ENACTING_LEMMAS = {"announce", "order", "approve", "declare", "decide", "impose", "authorize",
                   "authorise", "implement", "decree", "confirm"}


def _stopped_by_noun(verb: Token, lemma: str):
    """(stop noun, what stops, code) for "announced the suspension of military aid to Egypt":
    stopping an event noun is its reduction (1622), else what the stop verb's patterns say
    ("the closure of its embassy")."""
    if lemma not in ENACTING_LEMMAS:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STOP_NOUNS):
        for what in (g for p in obj.children if p.dep_ == "prep" and p.lower_ in {"of", "to", "on", "in"}
                     for g in p.children if g.dep_ == "pobj"):
            found = noun_event(what)
            code = qualified(found.code, what.subtree) if found else None
            halt = code and _halt_code(code)
            if not halt:
                pattern = patterns.match_verb(STOP_NOUNS[obj.lemma_.lower()], after=_cue_words(what.subtree))
                halt = pattern.code if pattern and not pattern.is_null and pattern.code != patterns.NO_EVENT else None
            if halt:
                return obj, what, halt
    return None


FORCE_POSTURE_ROOT = "15"  # roots from here on are done with force
# Cooperation of no stated kind, which with a military partner is military cooperation.
GENERIC_COOPERATION = {"050", "060"}
MILITARY_COOPERATION = "062"

# Verbs by which a state's officials have its own organs act.
ORDER_LEMMAS = {"order", "command", "instruct", "direct", "authorize", "authorise", "deploy", "dispatch"}

HOST_A_VISIT = "043"
VISITOR_NOUNS = {"delegation", "envoy", "minister", "president", "premier", "king", "queen", "ambassador",
                 "leader", "counterpart", "chancellor", "secretary", "emir", "prince", "official",
                 "pm", "fm", "monarch", "head", "chief", "commander", "representative"}


def _receives_a_visitor(verb: Token, lemma: str) -> bool:
    """"received the Greek prime minister", "was received by the Turkish president": hosting."""
    if lemma != "receive":
        return False
    guests = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(g.ent_type_ == "PERSON" or g.lemma_.lower() in VISITOR_NOUNS for g in guests)


def _cues_name(pattern, noun: Token) -> bool:
    """Did the verb pattern match on the event noun itself? If its cues were other words
    ("carry out * plane"), the noun the verb carries out is the better evidence."""
    words = {noun.lemma_.lower(), noun.lower_}
    return any(words & element for element in (*pattern.before, *pattern.after))


def _refines(noun_code: str, verb_code: str) -> bool:
    """"staged a hunger strike": the noun's 142 says more than the verb's "stage * strike" 140."""
    return verb_code.endswith("0") and len(verb_code) == 3 and noun_code[:2] == verb_code[:2] \
        and noun_code != verb_code


def noun_event(noun: Token, light_verb: str | None = None):
    """The event a noun names, read with the word before it first: "hunger strike" (142)
    and "car bomb" (1832) are events of their own, "strike" alone is a military strike."""
    for modifier in (c for c in reversed(list(noun.lefts)) if c.dep_ in {"compound", "amod"}):
        found = patterns.event_noun(f"{modifier.lemma_.lower()} {noun.lemma_.lower()}", light_verb)
        if found:
            return found
    return patterns.event_noun(noun.lemma_.lower(), light_verb)


def _cue_noun(verb: Token, pattern, clause: list[Token]) -> Token | None:
    """The noun of the clause that matched the pattern's last cue ("agreement" of "enter *
    agreement"), if it is a noun."""
    cue = pattern.after[-1]
    noun = next((t for t in clause if t.i > verb.i and t.pos_ in {"NOUN", "PROPN"}
                 and (t.lemma_.lower() in cue or t.lower_ in cue)), None)
    while noun is not None and noun.dep_ in {"compound", "amod"} and noun.head.pos_ == "NOUN":
        noun = noun.head  # "a new trade pact with Jordan": the phrase's head has the partner
    return noun


def _noun_targets(noun: Token, code: str = "") -> list[list[Token]]:
    # "the invasion of Ukraine", "the siege of Sarajevo": what a use of force is "of" is its target
    preps = NOUN_TARGET_PREPS + (("of",) if code[:2] in {"18", "19", "20"} else ())
    return [[g] for prep in preps for c in noun.children
            if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]


def _noun_modality(noun: Token) -> str:
    """"Putin's visit is expected to …": the verb the noun is subject of frames it; so does
    the clause a visit is in ("is due in Uganda for a visit", "will fly to Beijing for talks")."""
    head = noun.head
    if _on_a_visit(noun) and head.head.pos_ in {"VERB", "AUX"}:
        clause = head.head
        if clause.lemma_.lower() in EXPECT_GOVERNORS:  # "is expected in Israel for talks"
            return "expected"
        if any(c.dep_ == "acomp" and c.lower_ == "due" for c in clause.children):
            return "planned"
        return modality(clause)
    if noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        lemma = head.lemma_.lower()
        if lemma in EXPECT_GOVERNORS:
            return "expected"
        if lemma in PLAN_GOVERNORS:
            return "planned"
        return modality(head)
    return "asserted"


CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}


def _cue_words(tokens) -> list[str]:
    """Lemma and written form of each word: the table's cues use either. A hyphenated
    compound the tokenizer split ("cease - fire") is also given whole ("ceasefire")."""
    tokens = list(tokens)
    words: list[str] = []
    for i, t in enumerate(tokens):
        if t.dep_ == "amod" and t.pos_ == "VERB":
            continue  # a participle describing a noun: "SDF controlled territory" is no "control"
        if t.dep_ == "prep":  # a preposition as written: "according" is no "accord"
            words.append("on" if t.lower_ == "upon" else t.lower_)  # "agreed upon a pact"
            continue
        words.append(CURRENCY_SIGNS.get(t.text, t.lemma_.lower()))  # "$500 million": dollars
        if t.lower_ != words[-1]:
            words.append(t.lower_)
        if t.text == "-" and 0 < i < len(tokens) - 1 and not t.whitespace_:
            left, right = tokens[i - 1].lower_, tokens[i + 1].lower_
            words += [left + right, f"{left}-{right}"]
    return words


# Verbs and adjectives that take part in the event their preposition's object names:
# "engaged in ethnic cleansing", "took part in the talks", "responsible for mass killings".
PREP_LIGHT = {"engage": "in", "participate": "in", "involve": "in", "take": "in", "responsible": "for"}


def _responsible(token: Token) -> bool:
    """"X is responsible for mass killings": the copula carries the event of its noun."""
    return token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in PREP_LIGHT
                                        for c in token.children)


def _objects(verb: Token):
    """(noun, taken part in): the verb's objects, and the object of its participation
    preposition, which names the event whatever the verb ("engaged in")."""
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS | {"attr", "nsubjpass"}:  # "the deal was signed by …"
            yield child, False
        holder = child if child.dep_ == "acomp" else verb
        prep = PREP_LIGHT.get(holder.lemma_.lower())
        if prep and (child.dep_ == "acomp" or child.dep_ == "prep" and child.lower_ == prep):
            preps = [p for p in holder.children if p.dep_ == "prep" and p.lower_ == prep] \
                if child.dep_ == "acomp" else [child]
            yield from ((g, True) for p in preps for g in p.children if g.dep_ == "pobj")


def _event_noun_object(verb: Token, lemma: str):
    for child, taken_part in _objects(verb):
        # "a mediation mission": the event can be the compound before a plain head noun
        for noun in [child, *(c for c in child.children if c.dep_ == "compound")]:
            found = noun_event(noun, None if taken_part else lemma)
            if found and (taken_part or not found.light_verbs or lemma in found.light_verbs
                          or lemma.startswith("re") and lemma[2:].lstrip("-") in found.light_verbs
                          or lemma in patterns.ASPECT_VERBS | patterns.AUTHORISING_VERBS):
                return noun, found
    return None


def _clause_tokens(verb: Token, *, dates: bool = True, nested: bool = True) -> list[Token]:
    """The verb's clause; without `nested`, less the clauses inside its arguments (for cue
    words: "posted a message blaming Iran for the attacks" has no "attack")."""
    out = [verb]
    for child in verb.children:
        if child.dep_ in CLAUSE_BREAK_DEPS or not dates and _when(child):
            continue  # as cues, "telephoned X on Tuesday" has no "call on"
        out.extend(child.subtree if nested else _own_subtree(child))
    return sorted(out, key=lambda t: t.i)


NESTED_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"}


def _own_subtree(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ not in NESTED_CLAUSE_DEPS:
            out.extend(_own_subtree(child))
    return out


def _when(token: Token) -> bool:
    """A date or time phrase: "on Tuesday", "in March", "last week"."""
    if token.ent_type_ in {"DATE", "TIME"} and token.dep_ in {"npadvmod", "tmod", "advmod"}:
        return True
    return token.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"}
                                        for g in token.children)


def _arguments(verb: Token, code: str) -> tuple[list[Token], list[list[Token]]]:
    """(source tokens, target candidate groups) for a verb; passives swapped, subjects inherited."""
    children = list(verb.children)
    agent = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    passive = [c for c in children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if subjects and verb.tag_ == "VBN" and verb.dep_ not in {"ROOT", "conj"} \
            and not any(c.dep_ in {"aux", "auxpass"} for c in children):
        subjects = []  # "officials reporting 150 soldiers killed": a participle has no doer there
    if subjects and code[:2] in AGENTLESS_ROOTS and verb.dep_ != "ROOT" and all(_counted(s) for s in subjects) \
            and not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in children):
        return [], [with_conjuncts(subjects)]  # "reporting 80 police officers killed": the killed
    if subjects and code[:2] in AGENTLESS_ROOTS and _headline_passive(verb):
        return _attackers(verb), [with_conjuncts(subjects)]  # "Soldiers killed in Taliban ambush"
    if _harm_told_of_root(verb):  # "Three policemen killed in Taliban attack in Helmand"
        return _attackers(verb), [with_conjuncts([verb.head])]
    if not passive and not subjects and any(c.dep_ == "auxpass" for c in children):
        passive = _inherited_subject(verb)  # "crossed the border and were attacked": undergone
    if passive and agent:  # ("sanctions were imposed on North Korea by …": on whom, too)
        return with_conjuncts(agent), [with_conjuncts(passive)] + [
            with_conjuncts([t]) for t in _prep_objects(verb) if t.head.lower_ != "by"]
    if passive and verb.dep_ not in {"xcomp"}:
        return [], [with_conjuncts(passive)]  # "was attacked": no known attacker
    if subjects and _verb_read_as_adjective(verb):
        # "President Bashar al-Assad hosted Lebanese President Michel Suleiman": the parser
        # made "hosted" a modifier of the title after it; its object is the named person
        obj = verb.head
        while obj.dep_ == "compound" and obj.head.i != obj.i:
            obj = obj.head
        return subjects[-1:], [[obj]]
    if not subjects and _verb_read_as_modifier(verb):
        subjects = [verb.head]  # "The French foreign minister conferred with …": no main verb
    sources = subjects or passive or _subject_read_as_object(verb) or _inherited_subject(verb)
    taken = {t.i for c in verb.children if c.dep_ == "conj" for t in _subject_read_as_object(c)}
    targets = [[t for t in with_conjuncts([t]) if t.i not in taken] for t in _target_tokens(verb, code)]
    return with_conjuncts(sources), [g for g in targets if g] + _between(verb)


def _subject_read_as_object(verb: Token) -> list[Token]:
    """"US troops had defeated ISIS and Turkey would be moving into Syria": the parser
    joined "Turkey" to the first verb's object; a joined verb with its own auxiliary
    and no subject has it as its subject."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    first = min([verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"})], key=lambda t: t.i)
    if first is verb or first.i == 0:
        return []
    before = verb.doc[first.i - 1]
    objects = {c.i for c in verb.head.children if c.dep_ == "dobj"}
    return [before] if before.dep_ == "conj" and before.head.i in objects and before.pos_ in {"PROPN", "NOUN"} else []


HARM_LEMMAS = {"kill", "wound", "injure", "hurt", "shoot", "abduct", "kidnap", "capture", "maim"}


def _harm_told_of_root(verb: Token) -> bool:
    """A headline's passive the parser hung on its root noun: "Three policemen killed in
    Taliban attack"."""
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and _headline_passive(verb)


def _headline_passive(verb: Token) -> bool:
    """"Soldiers killed in ambush near Kandahar": a headline's passive, with no auxiliary
    and no object, the harm done "in" an attack."""
    if verb.lemma_.lower() not in HARM_LEMMAS or verb.tag_ not in {"VBD", "VBN"}:
        return False
    return not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in verb.children) \
        and any(p.dep_ == "prep" and p.lower_ in {"in", "during"} and g.dep_ == "pobj"
                and g.lemma_.lower() in WEAPON_SUBJECTS for p in verb.children for g in p.children)


def _counted(token: Token) -> bool:
    """A number of people: "80 police officers", "dozens"."""
    return token.pos_ == "NUM" or any(c.dep_ == "nummod" for c in token.children) \
        or token.lemma_.lower() in {"dozen", "hundred", "thousand", "score"}  # ("dozens of")


def _verb_read_as_modifier(verb: Token) -> bool:
    """A past-tense verb the parser hung on the sentence's root noun as a modifier: the
    sentence has no other verb, so the noun is its subject. So is a headline's "X to visit"."""
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(  # ("Ban Ki-moon called on Myanmar to
        c.dep_ in {"dobj", "xcomp", "ccomp"} for c in verb.children)  # allow"; not "soldiers killed in")
    return verb.dep_ == "acl" and past and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i or headline_infinitive(verb)


def _verb_read_as_adjective(verb: Token) -> bool:
    """A past-tense verb with a subject, parsed as the adjective of a proper noun's title."""
    return verb.dep_ == "amod" and verb.tag_ == "VBD" and verb.head.pos_ == "PROPN" \
        and verb.head.i > verb.i


def _inherited_subject(verb: Token) -> list[Token]:
    """"Putin is set to visit": the subject of `visit` is that of `set`; conjoined verbs share one."""
    if _statement_participle(verb):  # "X issued a statement condemning ...": X, or "X's statement"
        noun = verb.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if noun.dep_ == "dobj":
            owners += [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
        return owners[:1]
    head, steps = verb, 0
    # Purpose and adverbial clauses ("to counter threats") are aims, not actions: they
    # borrow no subject and so code no event.
    # ("Norway is willing to send": through the adjective to the subject of "is")
    while head.dep_ in {"xcomp", "conj", "acomp"} and steps < 4 and head.head.i != head.i:
        head, steps = head.head, steps + 1
        found = [c for c in head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if found:
            return found[:1]
    return []


PLAIN_STATEMENT = "010"
# Roots of acts about another act (appeals, intents, demands, rejections, threats): the
# object of the act they are about can be their target.
FRAME_ROOTS = {"02", "03", "10", "12", "13"}
# Roots that praise, look into or blame a deed: aimed at its doer, not at whom it was
# done to ("welcomed the release of a journalist by Iran").
DEED_JUDGING_ROOTS = {"05", "09", "11"}
# Roots whose verbs take their target as the subject of a that-clause:
# "X demanded that Y withdraw", "X urged Y to ...", "X accused Y of ...".
# ("X allowed Y to enter": the one allowed, 08, is the subject of the clause too)
CLAUSE_TARGET_ROOTS = {"02", "08", "10", "11", "12", "13"}


# In cooperation these introduce the topic ("coordination on Afghanistan affairs",
# "agreed on maritime borders"); the partner comes with "with" or "to".
TOPIC_PREPS = {"on", "over", "about", "regarding"}
COOPERATION_ROOTS = {"03", "04", "05", "06"}


# Roots whose object is someone else's proposal, demand or deed: intent, yielding, demands,
# disapproval, rejection and threats answer the one who made it.
PROPOSER_ROOTS = {"03", "08", "10", "11", "12", "13"}


def _target_tokens(verb: Token, code: str) -> list[Token]:
    """Possible targets in order: the object, then with/to/against… objects of the verb or
    of its object noun ("lodged a protest with Albania"), then an open clause's object."""
    if code == PLAIN_STATEMENT:
        return _listeners(verb)
    skip = TOPIC_PREPS if code[:2] in COOPERATION_ROOTS else set()
    out = _objects_of(verb, skip)
    clauses = [c for c in verb.children if c.dep_ == "xcomp" or (  # "threatened on Monday to
        c.dep_ == "advcl" and code[:2] in FRAME_ROOTS  # resume its campaign against Israel"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    for clause in [verb] + clauses:  # "help Nepal rebuild": the helped is the clause's subject
        if clause.lemma_.lower() in HELP_LEMMAS and not any(c.dep_ == "dobj" for c in clause.children):
            out += [g for c in clause.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    for clause in clauses:  # "promised to continue military aid to Mozambique"
        out += _objects_of(clause, skip)
        clauses += [c for c in clause.children if c.dep_ == "xcomp"][:1]
        if code[:2] == THREAT_ROOT:  # "threatened to resume attacks in Israel": where they would be
            out += [g for head in [clause, *(c for c in clause.children if c.dep_ == "dobj")]
                    for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj"]
    if code[:2] in HELPING_ROOTS:  # "sent supplies to help Pakistan", "... to help defend Saudi Arabia"
        for aim in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in HELP_LEMMAS):
            out += [o for step in [aim, *(c for c in aim.children if c.dep_ in {"xcomp", "ccomp"})]
                    for o in step.children if o.dep_ == "dobj"]
    if code[:2] in CLAUSE_TARGET_ROOTS and verb.lemma_.lower() not in SPEECH_LEMMAS:
        for clause in [c for c in verb.children if c.dep_ == "ccomp"]:
            out += [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if code[:2] in PROPOSER_ROOTS:  # "rejected calls by Belarus's rulers": who made them
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "on"}
                    for g in p.children if g.dep_ == "pobj"]
        out += [g for o in objects for g in _doers(o)]
    elif code[:2] == REPRESSION_ROOT:  # "banned a rally by the opposition": aimed at who holds it
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        out += [g for o in objects for g in _doers(o)]
        events = [o for o in objects if noun_event(o) is not None or o.lemma_.lower() in GATHERINGS]
        if events and any(c.dep_ in SUBJECT_DEPS for c in verb.children):  # (the parser often
            out += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "by"  # hangs
                    for g in p.children if g.dep_ == "pobj"]  # "by the opposition" on the verb)
    if code[:2] == THREAT_ROOT or verb.lemma_.lower() == "threaten":  # "... if the United States"
        out += [s for clause in conditions(verb) for s in clause.children if s.dep_ in SUBJECT_DEPS]
    if code[:2] >= "10":  # "lodged a complaint with the UN against Israel": conflict is against someone
        out.sort(key=lambda t: not (t.dep_ == "pobj" and t.head.lower_ == "against"))
    if code[:2] in DEED_JUDGING_ROOTS:  # "investigating war crimes by extremists against civilians"
        deeds = [c for c in verb.children if c.dep_ == "dobj"]
        doers = [g for o in deeds for p in o.children
                 if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
        if any(noun_event(o) is not None for o in deeds):  # "condemned the attacks on its towns
            doers += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "by"  # by
                      for g in p.children if g.dep_ == "pobj"]  # militants": hung on the verb
        out = doers + [t for t in out if all(t.i != d.i for d in doers)]
    return out


AIMING_LEMMAS = {"target", "aim", "direct"}
THREAT_ROOT = "13"
# Material cooperation and aid are for whom they help: "sent troops to help protect Azerbaijan".
HELPING_ROOTS = {"06", "07"}
HELP_LEMMAS = {"help", "assist", "support", "aid", "defend", "protect", "bolster", "strengthen", "rebuild"}


GATHERINGS = {"rally", "march", "demonstration", "protest", "gathering", "meeting", "strike", "sit-in", "vigil"}


def _doers(noun: Token) -> list[Token]:
    """Who made a proposal or holds an event: "calls by Belarus", "a demand from Iran", "a
    protest organised by farmers"."""
    out = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in {"by", "from"}
           for g in p.children if g.dep_ == "pobj"]
    return out + [g for a in noun.children if a.dep_ == "acl" for p in a.children
                  if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]


def _listeners(verb: Token) -> list[Token]:
    """Whom a plain statement is made to: "told reporters", "said to the council", "spoke
    with Pompeo". What it is about (its object, "on", "about") and where ("at", "from")
    are not."""
    out = [c for c in verb.children if c.dep_ == "dative"
           or c.dep_ == "dobj" and c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}]
    out += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "with"}
            for g in p.children if g.dep_ == "pobj"]
    return out


def _objects_of(verb: Token, skip: set[str]) -> list[Token]:
    out: list[Token] = []
    for child in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        if child.pos_ == "ADP":  # "sent weapons to Ukraine", parsed as a dative "to"
            out += [g for g in child.children if g.dep_ == "pobj"] or _dangling_object(child)
        else:
            out.append(child)
    if not any(c.dep_ == "dobj" for c in verb.children):  # "kidnapped up to 16 advisers": the
        for prt in (c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"):  # parser's "up to"
            out += [g for p in prt.children if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
    out += _prep_objects(verb, skip)
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        for part in [obj, *obj.conjuncts]:  # "launched artillery, mortar and rocket fire against"
            out += _prep_objects(part, skip)
        for kind in (g for p in obj.children if p.dep_ == "prep" and p.lower_ == "in"
                     for g in p.children if g.dep_ == "pobj"):  # "500 million dollars in loans
            out += [g for p in kind.children if p.dep_ == "prep" and p.lower_ == "to"  # to Vietnam"
                    for g in p.children if g.dep_ == "pobj"]
        for aim in (c for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_LEMMAS):
            # "launched missiles targeting US troops", "fired rounds aimed at a loudspeaker"
            out += [c for c in aim.children if c.dep_ == "dobj"] + _prep_objects(aim, skip)
    return out


def _dangling_object(prep: Token) -> list[Token]:
    """"granted asylum to five officers holed up in …": the parser made the noun the subject
    of the clause after it and left the preposition without an object."""
    for token in prep.doc[prep.i + 1:prep.i + 6]:
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "nsubj" and token.head.head == prep.head \
                and token.head.dep_ in {"advcl", "relcl", "acl", "conj"} and token.head.i > token.i:
            return [token]
    return []


def _between(head: Token) -> list[list[Token]]:
    """"mediated between Israel and Hamas": both sides, as one target group (last resort)."""
    groups = []
    for owner in [head, *(c for c in head.children if c.dep_ in OBJECT_DEPS)]:
        for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ in {"between", "among"}):
            groups += [with_conjuncts([g]) for g in prep.children if g.dep_ == "pobj"]
    return groups


def _prep_objects(head: Token, skip: set[str] = frozenset()) -> list[Token]:
    out = []
    for prep in (p for p in TARGET_PREPS if p not in skip):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                out += [g for g in child.children if g.dep_ == "pobj"] or _dangling_object(child)
    if "from" not in skip:  # "pulled out of Mogadishu": out of is from
        out += [g for child in head.children if child.lower_ == "out" and child.dep_ in {"prep", "prt", "advmod"}
                for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    return out


def _pairs(candidate: Candidate, mentions: list[Mention], sentence: Sentence, context: ActorContext,
           speaker: Actor | None, memory: PlaceMemory,
           where: dict[int, Token]) -> list[tuple[Actor, Actor | None]]:
    sources = _actors(candidate.sources, mentions, sentence, context, speaker, where=where)
    targets = _named_targets(candidate, sources, mentions, sentence, context, speaker, where)
    if not sources and targets and _agentless(candidate):
        sources = _unidentified_forces(candidate, sentence, mentions, context, memory)
    both_sides = len(sources) > 1 and candidate.reciprocal  # (each other, not where they are)
    here: list[Actor] | None = None  # the country where it happened, read once if needed
    if not targets and not both_sides and candidate.code == MILITARY_COOPERATION:
        candidate.code = _unpartnered(candidate)  # "troops staged exercises near the border"
    travel = _travels_to_talk(candidate)
    if not targets and not both_sides and (candidate.code.startswith(PLACE_TARGET_CODES) or travel):
        here = _place_country_actor(candidate, sentence, mentions, context, memory)
        targets = list(here)
    if candidate.code.startswith(VISIT) or travel:
        targets = _visited(targets, sources)
    if not targets and candidate.code in DOMESTIC_REPRESSION:
        targets = _own_people(sources)  # "the government will impose martial law": on its people
    targets = [_keep_where(where, t, _aimed_at_home(candidate.code, sources, t)) for t in targets]
    if any(a.role in PLACED_ROLES and not a.country for a in targets + sources):
        # "killed insurgents in southern Afghanistan", "clashes between government forces and
        # insurgents in Mogadishu": of the country where it happened
        if here is None:
            here = _place_country_actor(candidate, sentence, mentions, context, memory)
        targets, sources = ([_keep_where(where, a, _located(a, here[0].country))
                             if here and a.role in PLACED_ROLES and not a.country else a
                             for a in group] for group in (targets, sources))
    if candidate.code[:2] == PROTEST_ROOT and targets and targets[0].country:
        # "teachers went on strike against the Nigerian government": people of no stated
        # country protesting a country's government are its own people
        sources = [_keep_where(where, s, _of_country(s, targets[0].country)) for s in sources]
    elif len({s.country for s in sources}) == 1 and sources[0].country \
            and (candidate.code[:2] == PROTEST_ROOT or all(s.role in RULED_ROLES for s in sources)):
        # "nurses in Zimbabwe protested against the government", "opposition supporters
        # rallied in Tbilisi, demanding the president's resignation", "Sudanese rebels
        # rejected an invitation from the government": their own government
        targets = [_keep_where(where, t, _located(t, sources[0].country)) if t.role in STATE_ROLES else t
                   for t in targets]
    targets = _of_the_state(sources, targets, where)
    if candidate.code[:2] in COOPERATION_ROOTS:  # "Iran reached a deal on Tehran's programme"
        own = {s.country for s in sources if s.country}
        targets = [t for t in targets if not (t.country in own and _owner_of_topic(t, where.get(id(t))))]
    if candidate.code in TALKS_CODES and sources and (targets or both_sides):
        if here is None:
            here = _place_country_actor(candidate, sentence, mentions, context, memory)
        if _third_place(here, sources + targets):
            candidate.code = THIRD_PLACE_MEETING  # "US and Russian negotiators return to Geneva for talks"
    if len(sources) > 1 and candidate.reciprocal and all(
            t.country is None and t.org is None
            or candidate.code[:2] == CONSULT_ROOT and _topic_word(where.get(id(t))) for t in targets):
        # "Syria and Lebanon discussed border security", "Iraqi and Turkish officials discussed
        # the PKK problem": each other, not "security" or the PKK
        targets = []
    if len(sources) > 1 and not targets and candidate.reciprocal:
        # "Russia and Tajikistan agreed": CAMEO codes each toward the other
        return [(a, b) for a in sources for b in sources if a.code != b.code or a.name != b.name]
    pairs: list[tuple[Actor, Actor | None]] = []
    for source in sources:
        for target in targets or [None]:
            if target is not None and target.code == source.code and target.name == source.name:
                target = None
            pairs.append((source, target))
    return pairs


def _owner_of_topic(actor: Actor, token: Token | None) -> bool:
    """A country named as the owner of what is talked about: "on Tehran's nuclear programme"."""
    if token is None or not _topic_word(token):
        return False
    return token.dep_ == "poss" or any(c.dep_ == "poss" and c.ent_id_ == actor.country for c in token.children)


def _topic_word(token: Token | None) -> bool:
    """An actor named as what is talked about: "the PKK problem", "Iran's nuclear programme",
    "talks on Cyprus"."""
    if token is None:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS or \
            token.dep_ == "dobj" and token.head.lemma_.lower() in {"discuss", "debate"}:
        return True  # "met for talks on Cyprus", "Lavrov and Kerry discussed Ukraine"
    thing = token.head if token.dep_ in {"compound", "amod", "poss", "nmod"} else token
    return thing.pos_ == "NOUN" and not thing.ent_type_ and actor_tables.role_code(thing.lemma_.lower()) is None


def _partner(candidate: Candidate, token: Token | None) -> bool:
    """An actor named in a "with" phrase on the act: the one an exercise was held with (not
    "on high alert along the border with Pakistan")."""
    return token is not None and token.dep_ == "pobj" and token.head.lower_ == "with" \
        and token.head.head in (candidate.verb, candidate.trigger) and _show_of_force_noun(candidate)


def _show_of_force_noun(candidate: Candidate) -> str | None:
    """The code of the exercise or drill the act is ("staged exercises", "the drills")."""
    verb = candidate.verb.lemma_.lower()
    for noun in [candidate.trigger, *(c for c in candidate.verb.children if c.dep_ in OBJECT_DEPS)]:
        found = patterns.event_noun(noun.lemma_.lower(), verb) if noun.pos_ == "NOUN" else None
        if found is not None and found.code[:2] == FORCE_POSTURE_ROOT:
            return found.code
    return None


def _unpartnered(candidate: Candidate) -> str:
    """Military cooperation with no partner named: exercises or drills held alone are a
    show of force (the noun's own code, 150); anything else stays 062."""
    return _show_of_force_noun(candidate) or candidate.code


def _named_targets(candidate: Candidate, sources: list[Actor], mentions: list[Mention],
                   sentence: Sentence, context: ActorContext, speaker: Actor | None,
                   where: dict[int, Token]) -> list[Actor]:
    """The actors of the first target group that names one with a country or organisation;
    else a role of no country; else the doer's own country named as a place."""
    fallback: list[Actor] = []
    own_ground: list[Actor] = []  # "expelled aid agencies from Darfur": the agencies first
    own = {s.country for s in sources if s.country}
    for group in candidate.targets:
        if candidate.code[:2] < VERBAL_ROOTS_END:  # (not where a threatened act would be:
            group = [t for t in group if not _venue(t)  # "threatened to step up operations in Gaza")
                     or candidate.code[:2] == THREAT_ROOT and t.head.head is not candidate.verb]
        group = [t for t in group if t.lemma_.lower() not in MUNITIONS]  # "fired artillery rounds"
        found = _actors(group, mentions, sentence, context, speaker, as_target=True, where=where)
        if found and candidate.verb.lemma_.lower() in ORDER_LEMMAS and all(
                a.role in STATE_ROLES and a.country in own | {None} for a in found):
            continue  # "ordered the army to prepare an operation": his own army carries it out
        deed = candidate.code[:2] == DISAPPROVAL_ROOT and _a_deed(group)
        if not found and (candidate.code.startswith(PLACE_TARGET_CODES) or candidate.code[:2] == THREAT_ROOT
                          or deed):
            # "shelled Mekelle", "threatened to step up operations in Gaza", "condemned the
            # execution of three protesters in Iran"
            found = _places_acted_on(group + (_deed_objects(group) if deed else []), sentence, mentions,
                                     where, nested=candidate.code[:2] >= FORCE_POSTURE_ROOT or deed)
        if found and all(a.country is None and a.org is None for a in found):
            # "deployed troops to Poland": troops of no country; what a sending verb sends
            # (its object) is the source's own, never its target
            sent = candidate.code[:2] in SENDING_ROOTS and all(t.dep_ == "dobj" for t in group)
            fallback = fallback or ([] if sent else found)
        elif found and all(a.role is None and a.org is None and a.country in own for a in found) \
                and candidate.code[:2] != PROTEST_ROOT:  # (a protest against one's own country is
            own_ground = own_ground or found  # against its government)
        elif found:
            return found
    return fallback or own_ground


DISAPPROVAL_ROOT = "11"


def _a_deed(group: list[Token]) -> bool:
    """An event named by a noun ("the bombing", "the killing")."""
    return any(noun_event(t) is not None or t.lemma_.lower() in DEED_NOUNS for t in group)


def _deed_objects(group: list[Token]) -> list[Token]:
    """Whom a deed was done to: "the execution of three protesters"."""
    return [g for t in group for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"]


# Nouns of deeds no table codes as events, condemned where they happen.
DEED_NOUNS = {"killing", "execution", "detention", "violence", "murder", "explosion", "blast", "incident"}


def _of_the_state(sources: list[Actor], targets: list[Actor], where: dict[int, Token]) -> list[Actor]:
    """"Liberian riot police dispersed demonstrators": a state's organs act on their own people."""
    countries = {s.country for s in sources}
    if not sources or len(countries) != 1 or None in countries or any(s.role not in STATE_ROLES for s in sources):
        return targets
    country = countries.pop()
    return [_keep_where(where, t, _located(t, country)) if t.role in RULED_ROLES else t for t in targets]


# What is fired, thrown or exchanged, never whom it is aimed at ("artillery" alone is a unit).
MUNITIONS = {"round", "fire", "shell", "missile", "rocket", "bomb", "mortar", "grenade", "bullet",
             "shot", "salvo", "volley", "munition", "ammunition", "weapon", "gas", "projectile",
             "stone", "rock", "bottle", "flare", "cannon", "artillery"}
VERBAL_ROOTS_END = "14"  # roots 01-13 are said or agreed; from 14 on they are done
VENUE_PREPS = {"from", "at", "in"}


# Occasions at which something is said: "speaking at the opening of Defence Week".
OCCASION_NOUNS = {"opening", "ceremony", "conference", "summit", "meeting", "session", "forum",
                  "event", "rally", "funeral", "briefing", "gathering", "celebration", "parade",
                  "commemoration", "inauguration", "launch", "signing", "hearing", "dinner", "reception"}


def _venue(token: Token) -> bool:
    """"The general spoke from Tampa", "was speaking at the opening of …": a town or an
    occasion where something is said or agreed is no one it is said to. A state or its
    capital ("demanded from Moscow") still is."""
    if token.dep_ != "pobj" or token.head.lower_ not in VENUE_PREPS:
        return False
    if token.lemma_.lower() in OCCASION_NOUNS and token.head.lower_ in {"at", "in"}:
        return True
    if token.ent_type_ not in PLACE_LABELS:
        return False
    name = next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)
    return actor_tables.country_entry(name, places=False) is None


# Violence whose doer the text does not name: "a roadside bomb killed two soldiers", "a
# journalist was shot dead in Beirut". CAMEO codes the doer as unidentified armed forces
# (UAF) of the country where it happened; an arrest with no one named making it ("was
# arrested in Lebanon") is that state's. With no such country there is no event.
AGENTLESS_ROOTS = {"18", "19", "20"}
ARREST = "173"
WEAPON_SUBJECTS = {"bomb", "bombing", "explosion", "blast", "attack", "shooting", "gunfire",
                   "ambush", "shelling", "rocket", "mortar", "grenade", "landmine", "mine",
                   "ied", "device", "missile", "strike", "airstrike", "assault", "raid", "operation",
                   "offensive"}


def _told_by_passive(noun: Token) -> bool:
    """"were wounded in an ambush by rebels": the ambush is the wounding, one event."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "during"} or noun.head.dep_ != "prep":
        return False
    verb = noun.head.head
    if verb.pos_ != "VERB" or not _passive(verb):
        return False
    pattern = patterns.match_verb(verb.lemma_.lower())
    return pattern is not None and pattern.code[:2] in AGENTLESS_ROOTS and bool(_attackers(verb))


def _attackers(verb: Token) -> list[Token]:
    """Who made the attack a passive says someone died or was hurt in: "killed in an attack
    on a patrol by rebels", "wounded in a Taliban ambush", "killed in Israeli air strikes"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in WEAPON_SUBJECTS):
            doers = _attack_doers(noun)
            if doers:
                return doers
    return []


def _attack_doers(noun: Token) -> list[Token]:
    """Who an attack noun says made it: "an attack by rebels", "a Taliban ambush", "Israeli
    air strikes", "the army's offensive"."""
    doers = [g for t in _own_subtree(noun) if t.dep_ == "prep" and t.lower_ == "by"
             for g in t.children if g.dep_ == "pobj"]
    doers += [c for c in noun.children if c.dep_ == "poss" or (
        c.dep_ in {"compound", "amod"} and c.ent_type_ in {"ORG", "NORP", "GPE"} and not _a_place_word(c))]
    return with_conjuncts(doers[:1]) if doers else []


def _a_place_word(token: Token) -> bool:
    """"a Kabul car bombing": a city says where, not who (a country or its adjective does)."""
    name = next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)  # "United States"
    entry = actor_tables.country_entry(name)
    return token.ent_type_ == "GPE" and (entry is None or entry.kind in {"capital", "place"})


def _may_lack_doer(code: str) -> bool:
    return code[:2] in AGENTLESS_ROOTS or code[:3] == ARREST


def _agentless(candidate: Candidate) -> bool:
    if not _may_lack_doer(candidate.code):
        return False
    if candidate.code[:3] == ARREST:
        return not candidate.sources and _passive(candidate.verb)
    if candidate.sources:  # "a car bomb killed five soldiers": the weapon is the subject
        return (all(t.lemma_.lower() in WEAPON_SUBJECTS for t in candidate.sources)
                and any(c.dep_ == "dobj" for c in candidate.verb.children))
    return _passive(candidate.verb)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _unidentified_forces(candidate: Candidate, sentence: Sentence, mentions: list[Mention],
                         context: ActorContext, memory: PlaceMemory) -> list[Actor]:
    state = _place_country_actor(candidate, sentence, mentions, context, memory)
    if not state or candidate.code[:3] == ARREST:
        return state
    country = state[0].country
    return [Actor(code=country + "UAF", name="unidentified forces", country=country, role="UAF")]


# Roles of people who protest their own government: labour, students, religious groups,
# refugees, civilians, the opposition, farmers, criminals.
DOMESTIC_ROLES = {"LAB", "EDU", "MUS", "REL", "REF", "CVL", "OPP", "PPL", "AGR", "CRM"}


def _of_country(actor: Actor, country: str) -> Actor:
    return _located(actor, country) if actor.role in DOMESTIC_ROLES else actor


def _keep_where(where: dict[int, Token], old: Actor, new: Actor) -> Actor:
    if id(old) in where:
        where.setdefault(id(new), where[id(old)])
    return new


# A state's organs, and the people of no stated country they act on: their own.
STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
RULED_ROLES = DOMESTIC_ROLES | {"REB", "INS"}
# Roles of no stated country that are of the country where the sentence places the act.
PLACED_ROLES = RULED_ROLES | {"UAF"}


# Acts with no named target are aimed at where they happen, as CAMEO coders code them:
# aid sent ("peacekeepers arrived in Bosnia"), eased restrictions ("lifted a curfew in
# Montenegro"), cuts ("suspended flights to Serbia"), protests, force and violence
# ("demonstrated in Serbia", "a bomb exploded in Kabul"). (Not other yielding: a
# ceasefire declared or a surrender in a place is toward no one there.)
PLACE_TARGET_CODES = ("042", "07", "081", "085", "086", "0874", "09", "16", "14", "15", "17", "18", "19", "20")


# Verbs of going somewhere: talks one travels to are held with the place one goes to.
TRAVEL_LEMMAS = {"arrive", "fly", "travel", "go", "come", "head", "return", "leave", "depart", "be"}


def _travels_to_talk(candidate: Candidate) -> bool:
    """"arrived in Pyongyang for talks", "is in Moscow for consultations": a consultation
    whose host is the place travelled to."""
    return candidate.code[:2] == CONSULT_ROOT and (
        candidate.verb.lemma_.lower() in TRAVEL_LEMMAS or bool(_on_a_visit(candidate.trigger)))


# Meetings and talks held in a country that is neither side's are CAMEO's meeting at a
# third location (upstream "begin talks in * with" 044).
TALKS_CODES = {"040", "046"}
THIRD_PLACE_MEETING = "044"


def _third_place(here: list[Actor], sides: list[Actor]) -> bool:
    """Every side is a state or its organ, and the place is in none of their countries."""
    if not here or not sides or any(not s.country or s.org for s in sides):
        return False
    return here[0].country not in {s.country for s in sides}


def _visited(targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    """The places a visit is to, when the visitors are a state, its officials or an
    organisation and the place is abroad: a place is no host for refugees arriving in
    it, nor for a president back in his own country."""
    if all(t.role or t.org for t in targets):
        return targets  # "visited the Turkish president"
    if not sources or not all(s.role in STATE_ROLES or s.org or s.role is None for s in sources):
        return [t for t in targets if t.role or t.org]
    own = {s.country for s in sources}
    return [t for t in targets if t.role or t.org or t.country not in own]


REPRESSION_ROOT = "17"


def _aimed_at_home(code: str, sources: list[Actor], place: Actor) -> Actor:
    """Aimed at the doer's own country or a place in it, a protest is against its
    government ("a rally in Lagos to protest rights violations"), and repression falls on
    its people ("imposed a curfew in Cizre")."""
    if place.role or place.org or not place.country or not all(
            s.country in (None, place.country) for s in sources):
        return place
    if code[:2] == PROTEST_ROOT:
        return make_actor(country=place.country, role="GOV", name=place.name)
    if code[:2] == REPRESSION_ROOT:
        return make_actor(country=place.country, role="CVL", name=place.name)
    return place


# Coercion a state does to its own people: crackdowns, restrictions on political freedoms,
# bans on parties, curfews, states of emergency and martial law. (Not bans, weapons or
# arrests in general, which are often aimed abroad.)
DOMESTIC_REPRESSION = {"170", "1721", "1722", "1723", "1724"}


def _own_people(sources: list[Actor]) -> list[Actor]:
    """The people of the one state that represses, when no one else is named."""
    states = {s.country for s in sources if s.country and not s.org and s.role in STATE_ROLES | {None}}
    if len(states) != 1 or len(sources) != 1:
        return []
    country = states.pop()
    return [make_actor(country=country, role="CVL", name=f"people of {actor_tables.country_name(country)}")]


def _places_acted_on(group: list[Token], sentence: Sentence, mentions: list[Mention],
                     where: dict[int, Token], nested: bool = False) -> list[Actor]:
    """The countries of places a material act is done to, when no table names them as an
    actor ("troops shelled Mekelle": Ethiopia); with `nested`, of a place phrase on the
    thing acted on ("rounds aimed at a loudspeaker in South Korea"). (A protest "at a jail
    in Dili" is where it is held, not what it is aimed at.)"""
    out = []
    if nested:  # ("rebel-held districts of Aleppo": a part of the place)
        group = group + [g for t in group for p in t.children if p.dep_ == "prep" and (
            p.lower_ in {"in", "near"} or p.lower_ == "of" and t.lemma_.lower() in SETTLEMENT_NOUNS | {"outskirt"})
            for g in p.children if g.dep_ == "pobj"]
    for token in group:
        local = token.i - sentence.span.start
        mention = next((m for m in mentions if m.token_start <= local < m.token_end
                        and m.place is not None and m.place.country), None)
        if mention is not None:
            actor = Actor(code=mention.place.country, name=mention.text, country=mention.place.country)
            where[id(actor)] = token
            out.append(actor)
    return out


def _place_country_actor(candidate: Candidate, sentence: Sentence, mentions: list[Mention],
                         context: ActorContext, memory: PlaceMemory) -> list[Actor]:
    place = clause_place(candidate.verb, _clause(candidate, sentence), sentence, mentions, memory, context)
    verb = candidate.verb
    if place is None and (verb.pos_ == "NOUN" and verb.dep_ in SUBJECT_DEPS or _bare_participle(verb)):
        # "Clashes between … killed 20 people in Mogadishu": the place of what the event did;
        # "rallied in Tbilisi, demanding …": the place of the clause the participle is on
        clause = {t.i - sentence.span.start for t in _clause_tokens(verb.head)}
        place = clause_place(verb.head, clause, sentence, mentions, memory, context)
    if place is None and verb.pos_ == "NOUN" and _on_a_visit(verb) and verb.head.head.pos_ in {"VERB", "AUX"}:
        # "the minister is in Pyongyang for talks": where the clause the talks are on is;
        # "negotiators return to Geneva for talks": where they go
        head = verb.head.head
        clause = {t.i - sentence.span.start for t in _clause_tokens(head)}
        place = clause_place(head, clause, sentence, mentions, memory, context)
        if place is None and head.lemma_.lower() in TRAVEL_LEMMAS:
            goals = [g for p in head.children if p.dep_ == "prep" and p.lower_ in {"to", "into"}
                     for g in p.children if g.dep_ == "pobj"]
            return _places_acted_on(goals, sentence, mentions, {})[:1]
    if place is None or not place.country:
        return []
    return [Actor(code=place.country, name=place.name, country=place.country)]


def _actors(tokens: list[Token], mentions, sentence, context, speaker: Actor | None, *,
            as_target: bool = False, where: dict[int, Token] | None = None) -> list[Actor]:
    """The actors the tokens name; `where` records the token each actor was found at."""
    out: list[Actor] = []
    for token in tokens:
        main_subjects = _main_clause_subjects(token)
        if main_subjects:  # "bombers killed 23 people when they blew themselves up": the bombers
            found = _actors(main_subjects, mentions, sentence, context, None, where=where)
        elif speaker is not None and token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | {"it", "we", "i"}:
            found = [speaker]  # "Uganda said it had paid": the pronoun is the speaker
        else:
            found = token_actors(token, mentions, sentence, context, as_target=as_target)
        for actor in found:
            if all(actor is not a for a in out):
                out.append(actor)
                if where is not None:
                    where.setdefault(id(actor), token)
    return out


def _speakers(sentence: Sentence, mentions, context) -> dict[int, Actor]:
    """Map each verb inside a reported clause to the actor who said it."""
    speakers: dict[int, Actor] = {}
    for token in sentence.span:
        if token.lemma_.lower() in SPEAKING and token.pos_ == "VERB":  # said, announced, warned
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            speaker = subject and token_actor(subject, mentions, sentence, context)
            if speaker:
                for child in token.children:
                    if child.dep_ in {"ccomp", "parataxis"}:
                        said_by = _of_the_clause(speaker, child, mentions, sentence, context)
                        for t in child.subtree:
                            speakers.setdefault(t.i, said_by)
        if token.lower_ == "according" and token.dep_ == "prep":
            target = next((g for c in token.children for g in c.children if g.dep_ == "pobj"), None)
            speaker = target and token_actor(target, mentions, sentence, context)
            if speaker:
                for t in sentence.span:
                    speakers.setdefault(t.i, speaker)
    return speakers


def _of_the_clause(speaker: Actor, clause: Token, mentions, sentence, context) -> Actor:
    """"Nigeria accused Niger of hosting rebels, the president said": a speaker named only
    by role ("the president") speaks for the country whose act the clause reports."""
    if speaker.country or not speaker.role or speaker.org:
        return speaker
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    actor = subject and token_actor(subject, mentions, sentence, context)
    if actor is None or not actor.country or actor.org:
        return speaker
    return make_actor(country=actor.country, role=speaker.role, name=speaker.name)


def _outlet(sentence: Sentence, mentions: list[Mention]) -> str | None:
    """"…, The Caspian Post reports citing foreign media": the outlet that reports it."""
    for token in sentence.span:
        if token.lemma_.lower() in {"report", "cite"} and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj" and child.ent_type_ == "ORG":
                    ent = next(e for e in sentence.span.ents if e.start <= child.i < e.end)
                    return ent.text
    return None


def _event(candidate: Candidate, code: str, source: Actor, target: Actor | None,
           sentence: Sentence, mentions: list[Mention], document: Document, index: int,
           speaker: Actor | None, outlet: str | None, memory: PlaceMemory,
           spans: tuple[Span | None, Span | None] = (None, None)) -> Event:
    info = cameo.code_info(code)
    start, end = token_offset(sentence, candidate.trigger)
    clause = _clause(candidate, sentence)
    date, date_source = event_date(candidate.verb, clause, candidate.modality, sentence, mentions, document)
    location, stated = event_location(candidate, code, source, target, clause, sentence, mentions,
                                      memory, document.actor_context)
    if stated and location.country:
        # "demonstrators ... in Monrovia": a group with no stated country is from where it acts;
        # a person is not ("President Bush met Putin in Moscow")
        people = {(m.start, m.end) for m in mentions if m.type == "PERSON"}
        if not _names_person(spans[0], people):
            source = _located(source, location.country)
        if target is not None and not _names_person(spans[1], people):
            target = _located(target, location.country)
    confidence = candidate.confidence + (0.1 if target else 0.0)
    return Event(
        id=f"{document.article.doc_id}:{sentence.index}:{index}", sentence_index=sentence.index,
        start=sentence.start, end=sentence.end, sentence=sentence.text,
        trigger=Span(candidate.trigger.text, start, end), source=source, target=target,
        source_span=spans[0], target_span=spans[1],
        code=info.code, root=info.root, quad=info.quad, goldstein=info.goldstein,
        modality=candidate.modality, plover=cameo.plover(info.code), speaker=speaker, outlet=outlet,
        date=date, date_source=date_source,
        location=location,
        confidence=round(min(confidence, 0.95), 2), pattern=candidate.pattern)


def _actor_span(token: Token | None, sentence: Sentence, mentions: list[Mention]) -> Span | None:
    """Where in the text an actor was read: the mention holding its token ("Vladimir
    Putin"), else the token itself ("He", "troops")."""
    if token is None:
        return None
    local = token.i - sentence.span.start
    mention = next((m for m in mentions if m.token_start <= local < m.token_end), None)
    if mention is not None:
        return Span(mention.text, mention.start, mention.end)
    start, end = token_offset(sentence, token)
    return Span(token.text, start, end)


def _names_person(span: Span | None, people: set[tuple[int, int]]) -> bool:
    return span is not None and (span.start, span.end) in people


def _located(actor: Actor, country: str) -> Actor:
    if actor.country or actor.org or not actor.role:
        return actor
    return Actor(code=country + actor.role, name=actor.name, country=country, role=actor.role)


def _clause(candidate: Candidate, sentence: Sentence) -> set[int]:
    """Sentence-local indices of the tokens of the event's clause."""
    return {t.i - sentence.span.start for t in _clause_tokens(candidate.verb)}

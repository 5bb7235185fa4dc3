"""Verb patterns and event nouns: which CAMEO code a verb (or a light verb + noun) gives.

The tables are `dyad/data/verb_patterns.tsv`, converted from the PETRARCH2 CAMEO
verb dictionary by `tools/build_event_tables.py`, and the hand-written
`dyad/data/event_nouns.tsv`; `dyad/data/EVENTS.md` documents both. They are read
once per process and indexed by lemma.

A pattern row says: this verb (optionally with a particle, "call off"), with these
cue words before it and these after it in its clause, is this CAMEO code.

    >>> match_verb("host", before=["china"], after=["summit", "in", "beijing"]).code
    '043'

`code` is coded source -> target. `reverse_code`, when set, is the same action
seen from the other side, coded target -> source ("X visits Y" is 042 by X and
043 by Y). A row can carry only a reverse code: "X received a loan" has code
"---" and reverse_code "071" (the lender gave X economic aid). `code == "---"`
with no reverse code means "no event": the row exists to block the verb's
default ("deliver a defeat" is not "deliver aid").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Iterable, Sequence

__all__ = ["VerbPattern", "NounEvent", "verb_patterns", "match_verb", "event_noun",
           "event_nouns", "known_verbs", "NO_EVENT"]

NO_EVENT = "---"
# dyad's own rows (tools/build_event_tables.py LOCAL_PATTERNS): codebook corrections, which
# win a tie with an upstream row of the same cues.
LOCAL_BLOCK = "DYAD_LOCAL"
# spaCy's lemmatiser turns "staged" into "stag" and "waged" into "wag" (both are in its
# verb list); a lemma on the left is read as the one on the right.
LEMMA_ALIASES = {"stag": "stage", "wag": "wage"}


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # lowercase lemma
    particle: str  # "" or the words after the verb in a multi-word verb ("off", "hold of")
    code: str  # a CAMEO code, or "---"
    reverse_code: str | None  # coded target -> source, or None
    before: tuple[frozenset[str], ...]  # cue elements before the verb, each a set of alternatives
    after: tuple[frozenset[str], ...]  # cue elements after the verb
    block: str  # the verb block of the source dictionary ("VISIT", "DYAD_LOCAL")
    line: int  # the line of the source file the row came from
    kind: str = "pattern"  # "verb": the verb line's default; "pattern": a pattern line

    @property
    def is_default(self) -> bool:
        return self.kind == "verb"

    @property
    def is_null(self) -> bool:
        """True if the row codes nothing at all (the caller drops the verb)."""
        return self.code == NO_EVENT and not self.reverse_code

    @property
    def events(self) -> list[tuple[str, bool]]:
        """[(code, reversed)]: what to code; reversed=True means target -> source."""
        out = [] if self.code == NO_EVENT else [(self.code, False)]
        if self.reverse_code:
            out.append((self.reverse_code, True))
        return out

    def describe(self) -> str:
        """One line for `dyad explain`: 'HOST:5598 host * summit -> 043:042'."""
        def side(elements: tuple[frozenset[str], ...]) -> str:
            return " ".join("|".join(sorted(alts)) for alts in elements)

        verb = self.verb + (f" {self.particle}" if self.particle else "")
        words = " ".join(w for w in (side(self.before), verb, "*", side(self.after)) if w)
        code = self.code + (f":{self.reverse_code}" if self.reverse_code else "")
        return f"{self.block}:{self.line} {words} -> {code}"


@dataclass(frozen=True)
class NounEvent:
    noun: str  # lowercase lemma
    code: str
    light_verbs: frozenset[str]  # verb lemmas that make the noun an action ("hold", "impose")
    note: str = ""  # the CAMEO codebook name the row implements


@dataclass(frozen=True)
class _Compiled:
    pattern: VerbPattern
    particle: tuple[frozenset[str], ...]
    n_cues: int
    order: int


@dataclass
class _Tables:
    header: dict[str, int] = field(default_factory=dict)
    raw: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # lemma -> [(order, line)]
    compiled: dict[str, list[_Compiled]] = field(default_factory=dict)
    nouns: dict[str, list[NounEvent]] = field(default_factory=dict)


def _data_lines(name: str) -> list[str]:
    text = resources.files("dyad").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


_ELEMENTS: dict[str, frozenset[str]] = {}
_SIDES: dict[str, tuple[frozenset[str], ...]] = {}


def _cues(text: str) -> tuple[frozenset[str], ...]:
    """'sanction|sanctions on' -> (frozenset({'sanction', 'sanctions'}), frozenset({'on'}))."""
    found = _SIDES.get(text)
    if found is None:
        parts = []
        for element in text.split():
            alts = _ELEMENTS.get(element)
            if alts is None:
                alts = _ELEMENTS[element] = frozenset(a for a in element.split("|") if a)
            parts.append(alts)
        found = _SIDES[text] = tuple(parts)
    return found


@cache
def _tables() -> _Tables:
    """Read both tables; verb rows are only split by lemma here and parsed on first use."""
    tables = _Tables()
    lines = _data_lines("verb_patterns.tsv")
    tables.header = {name: i for i, name in enumerate(lines[0].split("\t"))}
    for order, line in enumerate(lines[1:]):
        tables.raw.setdefault(line.split("\t", 1)[0], []).append((order, line))
    aliases_of: dict[str, set[str]] = {}
    for alias, lemma in LEMMA_ALIASES.items():
        aliases_of.setdefault(lemma, set()).add(alias)
    for row in csv.DictReader(_data_lines("event_nouns.tsv"), delimiter="\t"):
        noun = row["noun"].strip().lower()
        if not noun:
            continue
        verbs = {v.strip().lower() for v in (row.get("light_verbs") or "").split("|") if v.strip()}
        verbs |= {alias for verb in verbs for alias in aliases_of.get(verb, ())}
        tables.nouns.setdefault(noun, []).append(
            NounEvent(noun=noun, code=row["code"].strip(), light_verbs=frozenset(verbs),
                      note=(row.get("note") or "").strip()))
    return tables


def _compiled(lemma: str) -> list[_Compiled]:
    tables = _tables()
    found = tables.compiled.get(lemma)
    if found is None:
        col = tables.header
        found = []
        for order, line in tables.raw.get(lemma, ()):
            f = line.split("\t")
            before, after, particle = _cues(f[col["before"]]), _cues(f[col["after"]]), f[col["particle"]]
            kind = f[col["kind"]] if "kind" in col else ("pattern" if before or after else "verb")
            pattern = VerbPattern(
                verb=f[col["verb"]], particle=particle, code=f[col["code"]],
                reverse_code=f[col["reverse_code"]] or None, before=before, after=after,
                block=f[col["block"]], line=int(f[col["line"]]), kind=kind)
            particle_cues = _cues(particle)
            found.append(_Compiled(pattern, particle_cues,
                                   len(before) + len(after) + len(particle_cues), order))
        tables.compiled[lemma] = found
    return found


def _verb_key(lemma: str) -> str:
    key = lemma.strip().lower()
    if key in LEMMA_ALIASES and key not in _tables().raw:
        key = LEMMA_ALIASES[key]
    return key


def _subsequence(cues: tuple[frozenset[str], ...], words: Sequence[str]) -> int | None:
    """Total length of the words matched if every cue occurs, in order, in `words`; else None."""
    if not cues:
        return 0
    total, i, n = 0, 0, len(words)
    for alts in cues:
        while i < n and words[i] not in alts:
            i += 1
        if i == n:
            return None
        total += len(words[i])
        i += 1
    return total


def _norm(words: Iterable[str]) -> list[str]:
    return [w.lower() for w in words if w]


def verb_patterns(lemma: str) -> list[VerbPattern]:
    """Every row for a verb lemma, in file order (a block's verb default before its patterns)."""
    return [c.pattern for c in _compiled(_verb_key(lemma))]


def known_verbs() -> frozenset[str]:
    return frozenset(_tables().raw)


def match_verb(lemma: str, *, particle: str = "", before: Sequence[str] = (),
               after: Sequence[str] = ()) -> VerbPattern | None:
    """The most specific pattern of `lemma` whose cues occur in its clause, or None.

    `before`/`after` are the lowercased lemmas of the clause's tokens before and after
    the verb, in order; adding each token's word form too ("talk", "talks") is fine,
    since gaps are allowed. A cue element matches a token if one of its alternatives
    equals it; all elements must occur in order. `particle` is the verb's particle
    ("off" in "called off"), which a multi-word verb row ("call off") requires; a row
    whose particle is a preposition ("ask for") also matches when the word is in `after`.

    Most specific = most cue elements (particle words count), then a row of the
    caller's own particle, then the longest matched words, then a pattern line
    over a verb line's default, then dyad's own rows over upstream ones, then file order.
    A row with code "---" is returned like any other: see `VerbPattern.is_null`.
    """
    candidates = _compiled(_verb_key(lemma))
    if not candidates:
        return None
    particle = (particle or "").strip().lower()
    before_words = _norm(before)
    after_words = _norm(after)
    with_particle = ([particle] if particle else []) + after_words
    best_key: tuple | None = None
    best: VerbPattern | None = None
    for compiled in candidates:
        pattern = compiled.pattern
        if compiled.n_cues < (best_key[0] if best_key else 0):
            continue  # cannot beat what we have
        exact = False
        if compiled.particle:
            if particle and pattern.particle == particle:
                exact = True
                after_len = _subsequence(pattern.after, after_words)
                if after_len is not None:
                    after_len += len(particle)
            else:  # "asked the UN for help": the row's "for" is in the clause
                after_len = _subsequence(compiled.particle + pattern.after, with_particle)
        else:
            after_len = _subsequence(pattern.after, with_particle)
        if after_len is None:
            continue
        before_len = _subsequence(pattern.before, before_words)
        if before_len is None:
            continue
        key = (compiled.n_cues, exact, after_len + before_len, pattern.kind != "verb",
               pattern.block == LOCAL_BLOCK, -compiled.order)
        if best_key is None or key > best_key:
            best_key, best = key, pattern
    return best


def event_noun(lemma: str, light_verb: str | None = None) -> NounEvent | None:
    """The event a noun names ("talk" -> 046, "sanction" -> 163), or None.

    A noun can have several senses told apart by the verb that governs it ("stage a
    protest" 141, "lodge a protest" 114): given `light_verb` (a verb lemma), the row
    whose light verbs include it, or None if none does; without it, the first row.
    """
    nouns = _tables().nouns
    key = lemma.strip().lower()
    rows = nouns.get(key)
    if rows is None and key.endswith("s") and len(key) > 3:
        rows = nouns.get(key[:-1])  # a caller that passes the word, not the lemma
    if not rows:
        return None
    if light_verb is None:
        return rows[0]
    verb = light_verb.strip().lower()
    found = next((row for row in rows if verb in row.light_verbs), None)
    if found is None and verb.startswith("re"):  # "reimposed a blockade": the light verb again
        found = next((row for row in rows if verb[2:].lstrip("-") in row.light_verbs), None)
    if found is None and verb in ASPECT_VERBS and len(rows) == 1:  # "renewed negotiations"
        found = rows[0]  # (a noun of several senses needs its own light verb to choose)
    if found is None and verb in AUTHORISING_VERBS:  # "approved the attacks": the approver's
        found = next((row for row in rows if row.code[:2] >= COERCIVE_ROOTS_START), None)
    return found


# Verbs that start, carry on or finish whatever event their object names, whatever the
# noun: the event of a noun with one sense. ("end", "halt" and "suspend" are not here:
# halting talks is 164, not talks.)
ASPECT_VERBS = {"begin", "start", "resume", "renew", "continue", "launch", "open", "conclude",
                "complete", "hold", "conduct", "undertake", "carry", "stage"}


# Verbs by which the one in charge makes a coercive act (sanctions, arrests, force) happen:
# CAMEO codes the act with them as its source ("Obama authorised sanctions on Russia").
AUTHORISING_VERBS = {"approve", "authorize", "authorise", "order", "sanction", "greenlight"}
COERCIVE_ROOTS_START = "16"


def event_nouns() -> list[NounEvent]:
    """Every event-noun row, in file order."""
    return [row for rows in _tables().nouns.values() for row in rows]

"""Date expressions -> `DateValue`: the date lookups the `resolve` stage calls.

    resolve_date("on October 9", published=date(2025, 10, 1), prefer="future")
        -> DateValue("2025-10-09", "day")
    resolve_date("in 2021", published=None)          -> DateValue("2021", "year")
    resolve_date("earlier this month", published=date(2025, 10, 20))
        -> DateValue("2025-10", "month")
    resolve_date("two decades", published=...)       -> None (a duration, not a date)

dateparser does the parsing, always with English only (19 ms rather than 3.3 s an article)
and through `DateDataParser.get_date_data`, whose `period` becomes the precision: "in 2021"
is the year 2021, not 2021-<base month>-01. Relative expressions ("yesterday", "on Monday",
"last week") are resolved against the article's publication date; with no publication date
only expressions that name their own year resolve ("October 9, 2025"), because a guess would
be an invented date.

What this module adds around dateparser, each for a misreading seen on news text:
- leading prepositions and hedges ("on", "since", "earlier", "the") are stripped, and so are
  qualifiers that keep the precision ("early October" -> October, "late 2024" -> 2024);
- durations ("three years"), decades ("the 1990s"), spans ("the past two years"), times of day
  alone ("10 am"), bare numbers ("3") and dates relative to the story rather than to
  publication ("two days later") are refused: dateparser would turn each into a date;
- a week is reported at month precision (DateValue has no week), a quarter at year precision;
- a bare weekday that is the publication's weekday is the publication day: news style names
  the day of publication by its weekday ("said on Monday" in Monday's paper).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dyad.model import DateValue

__all__ = ["resolve_date", "parse_published"]

PREFERENCES = ("past", "future", "current_period", "nearest")

_UNITS = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_COUNT = (r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
          r"twenty|thirty|forty|fifty|hundred|several|few|a few|many|some|couple of|"
          r"a couple of|\d+(?:\.\d+)?)")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words in front of a date that do not change which day it names.
_LEADING = re.compile(
    r"^(?:on|in|since|by|until|till|til|from|at|during|as of|of|the|earlier|later|around|"
    r"about|circa|ca\.?|some time|sometime|as early as|as late as|starting|beginning)\s+")
# Qualifiers inside a month or year; the date keeps its precision ("early October": month).
_QUALIFIER = re.compile(
    r"^(?:early|mid|late|the (?:end|beginning|start|middle|turn) of|"
    r"(?:end|beginning|start|middle) of|spring|summer|autumn|fall|winter|"
    r"(?:the )?(?:first|second|third|fourth|last|final) (?:week|weeks|days|half|quarter) of)"
    r"[\s-]+(?=\S)")
_DAY_RANGE = re.compile(  # "October 9-10", "9 and 10 October": keep the first day
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|through|until)\s*"
    r"\d{1,2}(?:st|nd|rd|th)?\b")
_SEASON_ALONE = re.compile(r"^(?:last|next|this|the)?\s*(?:spring|summer|autumn|fall|winter)$")

_REFUSE = [
    re.compile(rf"^{_COUNT}\s+(?:more\s+)?{_UNITS}$"),                  # "three years"
    re.compile(rf"^(?:the\s+)?(?:past|last|next|coming|previous|recent|following|first)\s+"
               rf"{_COUNT}\s+{_UNITS}$"),                                 # "the past two years"
    re.compile(r"\b\d{2,4}'?s\b|'\d0s\b"),                              # "the 1990s", "'90s"
    re.compile(r"\b(?:later|earlier|before|after|afterwards|prior)$"),    # "two days later"
    re.compile(r"\b(?:following|previous|same|that|preceding)\s+(?:day|week|month|year)"),
    re.compile(r"^\d{4}\s*/\s*\d{2}$"),                                  # "2024/25": a span
    re.compile(r"\b(?:old|aged?|years? of age)\b"),                      # "45 years old"
    re.compile(r"^(?:recent(?:ly)?|recent (?:days|weeks|months|years)|these days|nowadays|"
               r"now|currently|soon|past|the past|future|the future|once|then|ever|time|"
               r"times|period|era|age)$"),
]
# At least one of these must be present: without one, the expression is a time of day
# ("10 am", "noon"), a bare number ("3") or an ordinal ("the 9th"), which dateparser would
# still turn into a date.
_DATE_WORD = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|today|tonight|yesterday|tomorrow|day|days|week|weeks|weekend|"
    rf"month|months|year|years|decade|decades|quarter|q[1-4]|morning|afternoon|evening|night)\b"
    r"|\b1\d{3}\b|\b2[01]\d{2}\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b\d{4}-\d{2}\b")
_TIME_OF_DAY_ONLY = re.compile(r"^(?:morning|afternoon|evening|night|midnight|noon)$")
_BARE_WEEKDAY = re.compile(
    rf"^({_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?$")
_SAME_DAY = {"this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
             "last night": 1, "overnight": 1}

_WEEK_STEP = {"this week": 0, "last week": -1, "next week": 1}
_WEEKEND_STEP = {"this weekend": 0, "last weekend": -1, "next weekend": 1}

_PERIOD_PRECISION = {"day": "day", "week": "month", "month": "month", "year": "year",
                     "quarter": "year"}
# Two unrelated bases: an expression that resolves alike against both names its own date.
_PROBE_BASES = (dt.datetime(2001, 3, 15), dt.datetime(2013, 8, 20))


@functools.lru_cache(maxsize=256)
def _parser(base: dt.datetime, prefer: str):
    from dateparser.date import DateDataParser  # its first use loads data: ~0.15 s

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        # no "timestamp" (a 10-digit number is not a date in news text) and no
        # "no-spaces-time" (it reads runs of digits as dates)
        "PARSERS": ["relative-time", "absolute-time"],
    })


def _normalize(expression: str) -> str | None:
    """The expression as dateparser should see it, or None when it is not a calendar date."""
    text = " ".join(expression.replace("\u2019", "'").split()).strip(" ,.;:()").lower()
    in_future = False  # "in two weeks": the "in" is what makes it a date
    while True:
        match = _LEADING.match(text)
        if not match:
            break
        in_future = in_future or match.group(0).strip() == "in"
        text = text[match.end():]
    while (match := _QUALIFIER.match(text)) and not _SEASON_ALONE.match(text):
        text = text[match.end():]
    text = re.sub(r"^(?:this\s+)?past\s+", "last ", text)
    # "earlier in the month", "during the year", "by year end": the current period
    text = re.sub(r"^(week|month|year)$", r"this \1", text)
    text = re.sub(r"^(?:the\s+)?(?:end of (?:the|this) year|year[- ]end)$", "this year", text)
    text = re.sub(r"^(?:this\s+)?coming\s+", "next ", text)
    if in_future and re.match(rf"^{_COUNT}\s+{_UNITS}$", text):
        return "in " + text
    if not text or _SEASON_ALONE.match(text) or _TIME_OF_DAY_ONLY.match(text):
        return None
    if any(pattern.search(text) for pattern in _REFUSE):
        return None
    if not _DATE_WORD.search(text):
        return None
    if re.search(_MONTH, text) and not re.search(r"\d{4}-\d{1,2}", text):
        text = _DAY_RANGE.sub(r"\1", text)
    return text


def _parse(text: str, base: dt.datetime, prefer: str) -> tuple[dt.date, str] | None:
    data = _parser(base, prefer).get_date_data(text)
    precision = _PERIOD_PRECISION.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    return data.date_obj.date(), precision


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "last October", "this June", "next March", "March of this year", "January of last year"
_RELATIVE_MONTH = re.compile(
    rf"^(?:(?P<rel>last|this|next)\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?:of\s+)?"
    rf"(?:(?P<year_rel>this|last|next)|the)\s+year)$")


def _relative_month(text: str, published: dt.date) -> DateValue | None:
    """A month named relative to publication, which dateparser reads as a day or not at all:
    "last October" is the latest October before the publication month, "next March" the
    first one after it, "this June" and "June of this year" that of the publication year."""
    match = _RELATIVE_MONTH.match(text)
    if not match:
        return None
    month = _MONTH_NAMES.index((match["m1"] or match["m2"])[:3]) + 1
    year = published.year
    rel = match["rel"]
    if rel == "last" and month >= published.month or rel == "next" and month <= published.month:
        year += -1 if rel == "last" else 1
    if match["year_rel"] in {"last", "next"}:
        year += -1 if match["year_rel"] == "last" else 1
    return DateValue(f"{year:04d}-{month:02d}", "month")


@functools.lru_cache(maxsize=4096)
def _resolve(text: str, published: dt.date | None, prefer: str) -> DateValue | None:
    if published is not None:
        month = _relative_month(text, published)
        if month is not None:
            return month
        base = dt.datetime.combine(published, dt.time())
        if text in _SAME_DAY:
            return DateValue.from_date(published - dt.timedelta(days=_SAME_DAY[text]), "day")
        monday = published - dt.timedelta(days=published.weekday())
        if text in _WEEK_STEP:  # a week is named by its Monday ("this week" of Wednesday
            # 1 January is December's); a weekend by its Saturday, the day it starts
            return DateValue.from_date(monday + dt.timedelta(weeks=_WEEK_STEP[text]), "month")
        if text in _WEEKEND_STEP:
            return DateValue.from_date(monday + dt.timedelta(days=5, weeks=_WEEKEND_STEP[text]), "day")
        weekday = _BARE_WEEKDAY.match(text)
        if weekday and _WEEKDAYS[published.weekday()].startswith(weekday.group(1)[:3]):
            return DateValue.from_date(published, "day")
        found = _parse(text, base, prefer)
        return DateValue.from_date(*found) if found else None
    # No publication date: accept only what resolves the same against two unrelated bases.
    probes = [_parse(text, base, prefer) for base in _PROBE_BASES]
    if None in probes:
        return None
    values = {DateValue.from_date(*probe).value for probe in probes}
    return DateValue.from_date(*probes[0]) if len(values) == 1 else None


def _nearest(text: str, published: dt.date | None) -> DateValue | None:
    """Of the past and the future reading, the one nearer the published date ("moves
    towards office on January 20" in a paper of 13 January: the 20th to come)."""
    past, future = _resolve(text, published, "past"), _resolve(text, published, "future")
    if past is None or future is None or past.value == future.value or published is None:
        return past or future
    if past.precision != "day" or future.precision != "day":
        return past
    days = [abs((dt.date.fromisoformat(v.value) - published).days) for v in (past, future)]
    return future if days[1] < days[0] else past


def resolve_date(expression: str, *, published: dt.date | None,
                 prefer: str = "past") -> DateValue | None:
    """The calendar date `expression` names, at its precision, or None.

    `published` is the article's publication date, the base for relative expressions;
    `prefer` says which way an expression without a year points: "past" for something
    reported as done ("met on October 9"), "future" for something planned ("will visit on
    October 9"), "nearest" for the present tense ("arrives on October 9").
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"prefer must be one of {PREFERENCES}, not {prefer!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    text = _normalize(expression)
    if text is None:
        return None
    if prefer == "nearest":
        found = _nearest(text, published)
    else:
        found = _resolve(text, published, prefer)
    # a fresh object each call: the cached one must not be changed by a caller
    return DateValue(found.value, found.precision) if found else None


_ANAPHORIC_DAY = re.compile(r"^(?:the\s+)?(next|following|previous|preceding|same)\s+day$")
_ANAPHORIC_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}


def resolve_from_anchor(expression: str, anchor: dt.date | None) -> DateValue | None:
    """"the next day", "the previous day", "the same day": a day counted from the day the
    text last named (`anchor`), not from the published date; None without an anchor."""
    found = _ANAPHORIC_DAY.match(" ".join(expression.lower().split()))
    if found is None or anchor is None:
        return None
    return DateValue.from_date(anchor + dt.timedelta(days=_ANAPHORIC_STEP[found.group(1)]), "day")


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")


def parse_published(value: str) -> dt.date | None:
    """A publication date as inputs write it ("2025-10-01", "2025-10-01T08:00:00Z",
    "Oct 1, 2025", RSS's "Wed, 01 Oct 2025 08:00:00 +0000"), or None if it names no day.

    A timestamp keeps the calendar day it was written in, whatever its time zone.
    """
    if not value or not value.strip():
        return None
    match = _ISO_DAY.match(value)
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    found = _resolve(" ".join(value.split()), None, "past")
    if found is None or found.precision != "day":
        return None
    return dt.date.fromisoformat(found.value)

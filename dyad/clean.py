"""The clean stage: `RawDocument` → `Article`, whose `text` every offset refers to.

Three jobs, in order:

1. HTML pages go through trafilatura (main text, title, date, site name),
   never fetching anything and with htmldate's extensive search off (it
   otherwise dates an undated page by its footer's "© 2025").
2. `clean_text` normalises whitespace and removes page furniture — the
   credits, captions, share prompts, date lines and legends a scraper leaves
   behind — because spaCy glues a furniture line to the next sentence and
   ruins its parse. Bylines and wire datelines are lifted out into fields.
3. The article id is the SHA-256 of the cleaned text, so re-ingesting the
   same article (or a syndicated copy of it) gives the same id.

Furniture is removed by general line rules, never by one page's exact strings:

* `FURNITURE`, the table below: each rule must match a WHOLE line (after
  stripping, case-insensitive) of at most `max_words` words. A sentence that
  merely contains "share" or "photo" never matches a whole-line pattern.
* three rules that need context: a line (among the first few) equal to the
  title; a byline ("By Jane Smith, Reuters") among the first lines, kept in
  `byline`; and short caption/heading fragments (see `_drop_fragments`).
* a wire dateline opening the first paragraph ("MOSCOW, Oct 1 (Reuters) - ")
  is cut off and kept in `dateline`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from dyad.errors import InputError
from dyad.model import Article, RawDocument

# ---------------------------------------------------------------- building blocks

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Greedy optional parts: inside an atomic group the first (longest) match must be the right one.
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})")
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?"
_STAMP_LABEL = r"(?:published|posted|updated|last updated|first published|date)(?:\s+on)?\s*:?"
_SOCIAL = (r"(?:social media|facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail|reddit|pinterest"
           r"|vk|vkontakte|instagram|youtube|tiktok|threads|bluesky|mastodon|messenger|flipboard"
           r"|google news)")
# Repeated parts are atomic groups, (?>…), and separators are unambiguous: a line that almost
# matches must fail in linear time, not try every way of splitting its spaces.
_SHARE_ITEM = (rf"(?>(?:share|tweet|pin|e-?mail|print|send)(?:\s+(?:this|it|the))?"
               r"(?:\s+(?:article|story|page|post|link|video))?"
               rf"(?:\s*(?:on|via|to|with|by)\s+(?>{_SOCIAL}(?:\s*(?:,|/|\||&|and|or)\s*{_SOCIAL})*))?"
               r"[:!.]?)")
_SEPARATOR = r"(?:\s*[|·•,/]\s*|\s+)"
_STAMP_TOKEN = rf"(?>{_WEEKDAY}|{_DATE}|{_TIME}|{_STAMP_LABEL}|at|[,|·•–—/-])"
_AGENCIES = (r"(?:getty images|afp|reuters|ap|epa(?:-efe)?|anadolu(?: agency)?|tass|sputnik|xinhua"
             r"|ria novosti|shutterstock|alamy|pool)")
_NAME_WORD = r"(?-i:[A-Z][\w.'’-]*)"
_NAME = (rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|al-\w+|el-\w+|bin|ibn|de|del|da|di|du|van|von|der"
         r"|den|la|le)){0,4}")
# Block elements and colour squares only: "■"/"▪" also serve as list bullets, which are prose.
_BLOCKS = "\u2580-\u259f\u2b1b\u2b1c\U0001f7e5-\U0001f7eb"


class Rule(NamedTuple):
    name: str
    max_words: int  # longer lines are prose, whatever they contain
    pattern: str


# Each rule matches a whole line. Keep the one-line comment saying what it catches.
FURNITURE: tuple[Rule, ...] = (
    # "Photo credit: khaama.com", "Photo: Reuters", "Image: …", "Photograph: J. Doe/Getty", "Video: …"
    Rule("photo-credit", 25, r"(?:photo(?:graph)?|image|picture|pic|video|footage|graphic|illustration"
                             r"|infographic)s?(?:\s+(?:credits?|source|courtesy))?\s*(?::|\||©|courtesy\b).*"),
    # "Photo by John Smith/AFP" (no full stop: a sentence "Photos by X showed …" keeps its own)
    Rule("photo-by", 8, r"(?:photo(?:graph)?|image|picture)s?\s+by\s+[^.!?]+"),
    # BBC-style "Image source, Getty Images", "Image caption, Troops in …"
    Rule("image-source", 30, r"image\s+(?:source|caption|copyright)\s*[,:].*"),
    # "Credit: Reuters", "Credits: AP"
    Rule("credit", 12, r"credits?\s*:.*"),
    # "File photo of Gordon Brown in 2008", "FILE PHOTO: Russian troops …", "Archive image: …"
    Rule("file-photo", 40, r"(?:file|archive)\s+(?:photo|image|picture|footage)\b.*"),
    # a caption ending in a bracketed credit: "… in Kyiv on Tuesday. (AP Photo/Evan Vucci)"
    Rule("caption-bracket-credit", 45, r".*[(\[](?:[\w.&'’-]+\s+){0,3}(?:photo(?:graph)?|image|picture|video"
                                       r"|file)s?\s*(?:/|:|by\b|credit\b)[^)\]]*[)\]]\.?"),
    # a caption with its credit run together: "… Brown in 2008Image: World Economic Forum."
    Rule("caption-credit", 40, r".+?(?-i:Image|Photo|Picture|Photograph|Credit)s?(?:\s+credit)?:\s*\S.{0,80}"),
    # a caption ending in an agency credit, no full stop: "… Jane Doe/AFP", "… REUTERS/Stringer"
    Rule("caption-agency-credit", 40, rf".*(?:\S\s*/\s*{_AGENCIES}|\bvia\s+getty images"
                                      rf"|\b{_AGENCIES}\s*/\s*{_NAME})(?<![.!?])\)?"),
    # a caption dated from the archive: "Leung Yiu-chung of NWSC; from file, 2008."
    Rule("caption-from-file", 25, r".*;\s*(?:from\s+)?file(?:\s+photo)?,?\s*(?:\d{4})?\.?"),
    # "Share on social media", "Share this article", "Share on Facebook | Share on X", "Print", "Email"
    Rule("share", 16, rf"{_SHARE_ITEM}(?:{_SEPARATOR}{_SHARE_ITEM})*"),
    # a row of social-network link labels: "Facebook Twitter WhatsApp Telegram"
    Rule("social-links", 10, rf"(?>{_SOCIAL})(?:{_SEPARATOR}(?>{_SOCIAL}))*"),
    # Wikinews' "Have an opinion on this story? Share it!"
    Rule("opinion-prompt", 15, r"have an opinion on this (?:story|article)\?.*"),
    # "Follow us on Twitter", "Follow @Reuters", "Follow the latest on our Telegram channel"
    Rule("follow", 15, rf"follow\s+(?:us|@[\w.]+|(?:[\w@.'’-]+\s+){{0,5}}(?:on|via|at)\s+(?:our\s+)?{_SOCIAL})\b.*"),
    # "Subscribe to our newsletter", "Sign up for our daily briefing", "Join our Telegram channel"
    Rule("subscribe", 20, r"(?:subscribe|sign up|signup|register|join|get|receive)\b.{0,100}\b(?:newsletters?"
                          r"|inbox|alerts?|channel|updates|briefings?|digest|free trial|subscription)\b.*"),
    # a bare "Subscribe", "Subscribe now", "Sign up today", "Log in", "Register"
    Rule("account-prompt", 4, r"(?:subscribe|sign up|sign in|log in|login|register)(?:\s+(?:now|today|here"
                              r"|for free))?[.!]?"),
    # site navigation left in the text: "Home", "Menu", "Skip to content", "Back to top"
    Rule("navigation", 4, r"(?:home|menu|main menu|search|close|next|previous|prev|skip to (?:main )?content"
                          r"|back to top|toggle navigation|log ?out)[.:]?"),
    # "Click here to read the full report", "Tap here for more", "Click to enlarge"
    Rule("click-here", 20, r".*\b(?:click|tap)\s+(?:here|this link|the link|below)\b.*|(?:click|tap)\s+to\s+\w+.*"),
    # "Read more: …", "Also read", "Related", "Recommended", "More from Reuters", "Watch: …"
    Rule("read-more", 20, r"(?:read more|read also|also read|read next|read the full (?:story|article|report)"
                          r"|see also|related(?:\s+(?:articles?|stories|news|content|coverage|topics|links|posts?"
                          r"|reading|videos?))?|recommended(?:\s+(?:for you|stories|articles|reading|videos?))?"
                          r"|more (?:on this (?:story|topic)|stories|news|from [\w ]{1,30}|in [\w ]{1,30}"
                          r"|like this)|most (?:read|popular|viewed|shared)|you (?:may|might) (?:also )?"
                          r"(?:like|be interested in|have missed)|don'?t miss|trending(?: now| stories)?"
                          r"|further reading|continue reading|keep reading|editor'?s picks?|top stories"
                          r"|latest news|watch(?: now| live| more| video)?|listen(?: to (?:this )?article)?"
                          r"|what to read next)(?:\s*(?:[:»›>|–—-].*|\.{3}|…))?"),
    # "Advertisement", "- Advertisement -", "Story continues below advertisement", "Sponsored content"
    Rule("advertisement", 10, r"[-–—\s]*(?:advertisement|advertising|advert|ads?|sponsored(?: content| links?)?"
                              r"|paid (?:content|post)|promoted(?: content)?"
                              r"|(?:story|article) continues (?:below|after (?:this )?(?:advertisement|ad))"
                              r"(?: advertisement)?|continue reading (?:below|the main story)"
                              r"|scroll (?:down )?to continue(?: with content)?)[.:]?[-–—\s]*"),
    # "© 2025 The Steppe Ledger", "Copyright 2024 Reuters", "(c) 2023 AP"
    Rule("copyright", 25, r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s*©).*"),
    # "… All rights reserved."
    Rule("rights-reserved", 25, r".*\ball rights reserved\b.*"),
    # "We use cookies to improve your experience …", "Accept all cookies", "Cookie policy"
    Rule("cookies", 45, r".*\b(?:we|this (?:site|website)|our (?:site|website|partners))\b.*\bcookies?\b.*"
                        r"|.*\b(?:accept|reject|manage|allow)(?: all)? cookies\b.*"
                        r"|cookie (?:policy|settings|preferences|notice|consent)\b.*"),
    # a date-only line: "Tuesday, October 8, 2019", "October 8, 2019", "Updated: 8 Oct 2019, 10:32 GMT"
    Rule("date-line", 15, rf"(?=.*?{_DATE}){_STAMP_TOKEN}(?:\s*{_STAMP_TOKEN})*"),
    # a relative time stamp: "5 hours ago", "Updated 2 days ago"
    Rule("time-ago", 8, rf"(?:{_STAMP_LABEL}\s*)?\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?"
                        r"|weeks?|months?)\s+ago"),
    # "3 min read", "Reading time: 4 minutes"
    Rule("reading-time", 6, r"(?:estimated\s+)?reading time\s*:?\s*\d+\s*min(?:ute)?s?\.?"
                            r"|\d+\s*[- ]?min(?:ute)?s?\s+read"),
    # "Tags: Russia, Tajikistan", "Filed under: Politics", "Topics: …"
    Rule("tags", 25, r"(?:tags?|topics?|categories|category|filed under|keywords)\s*:.*"),
    # "Comments", "12 Comments", "Leave a comment", "Comments are closed."
    Rule("comments", 10, r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?|(?:leave|add|post|write) a comment.*"
                         r"|comments? (?:are )?(?:closed|disabled)\.?|(?:show|view|see|load) (?:all )?\d*\s*comments?"),
    # Reuters' trailer: "(Reporting by Jane Doe; Editing by John Roe)"
    Rule("wire-credits", 40, r"\((?:additional )?(?:reporting|writing|editing)\s+by\b[^)]*\)\.?"
                             r"|(?:additional )?(?:reporting|writing|editing)\s+by\b[^.;]*;\s*"
                             r"(?:additional )?(?:reporting|writing|editing)\s+by\b.*"),
    # "This article was originally published by The Diplomat."
    Rule("originally-published", 30, r"(?:this (?:article|story|piece) (?:was )?(?:originally|first) "
                                     r"(?:published|appeared)|originally published)\b.*"),
    # a map or results legend led by a block character: "██ Syrian Arab Republic", "■ Labour - 203 seats"
    Rule("legend", 15, rf"[{_BLOCKS}]+.*"),
    # a lone pull-quote attribution: "—Gordon Brown", "— Gordon Brown, prime minister"
    # ("- Russia" with a space is a list item, not an attribution.)
    Rule("quote-attribution", 12, rf"(?:[—―–]\s?|--\s?|-(?=\S)){_NAME}(?:,\s*[^.]{{0,60}})?"),
    # a pull quote with its attribution and no full stop: "… in the time to come —Gordon Brown"
    Rule("pull-quote", 60, rf".*\S\s?[—―]\s?{_NAME}"),
)
_COMPILED = tuple((rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in FURNITURE)

# "By Jane Smith", "By JANE SMITH and John Doe, Reuters"; not "By Monday, …" nor "By the time …".
_NOT_A_NAME = rf"(?!(?:the|this|that|then|now|{_WEEKDAY}|{_MONTH})\b)"
_BYLINE = re.compile(rf"(?:written\s+|story\s+|words\s+)?by\s+(?P<who>{_NOT_A_NAME}{_NAME}"
                     rf"(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[,|–—-]\s*[^.!?]{{1,60}})?)", re.IGNORECASE)
_BYLINE_MAX_WORDS = 15
_HEAD_LINES = 2  # headline and byline sit above the story: before its second kept line

# "MOSCOW, Oct 1 (Reuters) - ", "DUSHANBE (AP) — ", "WASHINGTON — ", "(Reuters) - ". Case matters:
# the all-capitals city is what tells a dateline from "Russia — the largest …".
_CITY = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_AGENCY = r"(?:AFP|AP|Reuters|UPI|Xinhua|Interfax|TASS|Tass|dpa|DPA|EFE|ANSA|PTI|IANS|IRNA|AA|Anadolu|Bernama|Yonhap|Kyodo)"
_DATELINE = re.compile(
    rf"(?P<dateline>(?:{_CITY}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?"
    rf"(?:,\s*(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?|,\s*\d{{1,2}}\s+(?i:{_MONTH}))?"
    r"(?:\s*\([A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,3}\))?"
    r"|\([A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,3}\)"
    # a city in ordinary case needs the agency after it: "Washington (AFP) - "
    rf"|[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}"
    rf"(?:,\s*(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*\({_AGENCY}\)))"
    # The story's first sentence starts with a capital: "NATO — the alliance …" is no dateline.
    r"(?:\s+(?:--?|–|—)\s+|\s*(?:—|–|--)\s*)(?=[A-Z0-9\"“‘'(])")

# Caption/heading fragments: short, standalone, no sentence-final punctuation.
_FRAGMENT_MAX_WORDS = 15
_SENTENCE_END = tuple(".!?:;…\"”’')]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]\s|\d+[.)]\s|\(\w\)\s)")
# If fragments would hold more than this share of the words, the text is hard-wrapped or a
# list, not prose with captions: leave it alone.
_FRAGMENT_MAX_SHARE = 0.25

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ",
                         "\u200b": None, "\ufeff": None})


@dataclass
class CleanedText:
    """`clean_text`'s result; `removed[i]` was dropped by rule `rules[i]` (for audits)."""

    text: str
    byline: str | None = None
    dateline: str | None = None
    removed: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    def drop(self, line: str, rule: str) -> None:
        self.removed.append(line.strip())
        self.rules.append(rule)


# ---------------------------------------------------------------- text

def article_id(text: str) -> str:
    """The article's id: SHA-256 (hex) of its cleaned text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise(text: str) -> str:
    """Line endings, odd spaces and blank-line runs; paragraph breaks are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_text(text: str, *, title: str | None = None) -> CleanedText:
    """Normalised text without page furniture; byline and dateline lifted out."""
    result = CleanedText(text="")
    lines = normalise(text).split("\n")
    lines = _drop_furniture(lines, title, result)
    lines = _drop_fragments(lines, result)
    lines = _cut_dateline(lines, result)
    result.text = normalise("\n".join(lines))
    return result


def furniture_rule(line: str) -> str | None:
    """The name of the FURNITURE rule a whole line matches, if any."""
    stripped = line.strip()
    words = len(stripped.split())
    for rule, regex in _COMPILED:
        if words <= rule.max_words and regex.fullmatch(stripped):
            return rule.name
    return None


def _drop_furniture(lines: list[str], title: str | None, result: CleanedText) -> list[str]:
    kept: list[str] = []
    content_lines = 0  # kept non-empty lines so far: headline and byline sit before the story
    title_key = _comparable(title) if title else None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        if title_key and content_lines < _HEAD_LINES and _comparable(stripped) == title_key:
            result.drop(line, "title")
            continue
        rule = furniture_rule(stripped)
        if rule:
            result.drop(line, rule)
            continue
        if content_lines < _HEAD_LINES and result.byline is None:
            byline = _byline(stripped)
            if byline:
                result.byline = byline
                result.drop(line, "byline")
                continue
        kept.append(line)
        content_lines += 1
    return kept


def _byline(line: str) -> str | None:
    if len(line.split()) > _BYLINE_MAX_WORDS or line.endswith((".", "!", "?")):
        return None
    match = _BYLINE.fullmatch(line)
    return match.group("who").strip() if match else None


def _comparable(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_SPACES)).strip(" .:;!?-–—\"'“”‘’").casefold()


def _drop_fragments(lines: list[str], result: CleanedText) -> list[str]:
    """Drop photo captions and headings: short standalone lines without a sentence end.

    Captions such as "Michael Tien of NPP" carry no credit to recognise them by;
    what gives them away is that they stand alone as a paragraph and do not end
    like a sentence. Lines inside a multi-line paragraph and list items are kept.
    """
    has_blank_lines = any(not line.strip() for line in lines)
    fragments = {i for i, line in enumerate(lines)
                 if _is_fragment(line) and (not has_blank_lines or _stands_alone(lines, i))}
    total = sum(len(line.split()) for line in lines)
    fragment_words = sum(len(lines[i].split()) for i in fragments)
    if not fragments or fragment_words == total or fragment_words > _FRAGMENT_MAX_SHARE * total:
        return lines
    for i in sorted(fragments):
        result.drop(lines[i], "caption-or-heading")
    return [line for i, line in enumerate(lines) if i not in fragments]


def _is_fragment(line: str) -> bool:
    stripped = line.strip()
    return (bool(stripped) and len(stripped.split()) <= _FRAGMENT_MAX_WORDS
            and not stripped.endswith(_SENTENCE_END) and not _LIST_ITEM.match(line)
            and any(ch.isalpha() for ch in stripped))


def _stands_alone(lines: list[str], i: int) -> bool:
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return not before and not after


def _cut_dateline(lines: list[str], result: CleanedText) -> list[str]:
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _DATELINE.match(line.strip())
        if match:
            result.dateline = match.group("dateline").strip()
            lines = [*lines[:i], line.strip()[match.end():], *lines[i + 1:]]
        return lines  # only the first paragraph can open with a dateline
    return lines


# ---------------------------------------------------------------- documents

def clean(raw: RawDocument) -> Article:
    """Turn one raw document into an Article; InputError if no text is left."""
    title, outlet, page_date, author = raw.title, raw.outlet, None, None
    text = raw.text
    if raw.is_html:
        page = extract_html(raw.text, url=raw.url)
        text = page.text
        title = title or page.title
        outlet = outlet or page.sitename
        page_date, author = page.date, page.author
    cleaned = clean_text(text, title=title)
    if not cleaned.text:
        raise InputError(raw.source, "no article text left after cleaning",
                         hint="check that the file holds an article, not only a page frame or captions")
    published = parse_published(raw.source, raw.published) if raw.published else page_date
    return Article(doc_id=article_id(cleaned.text), source=raw.source, text=cleaned.text,
                   title=title, outlet=outlet, published=published, url=raw.url,
                   byline=cleaned.byline or author, dateline=cleaned.dateline)


NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def parse_published(source: str, value: str) -> dt.date:
    """An input's published date as its calendar day (see `dates.parse_published`), or an
    InputError naming the source."""
    from dyad.dates import parse_published as parse_day

    # "01/10/2025" is 1 October or 10 January depending on the writer: refuse to guess
    day = None if NUMERIC_DATE.fullmatch(value.strip()) else parse_day(value)
    if day is None:
        raise InputError(source, f"published date {value!r} names no calendar day",
                         hint="write it like 2025-10-01, or leave it out")
    return day


@dataclass
class Page:
    """What trafilatura found in an HTML page."""

    text: str
    title: str | None = None
    sitename: str | None = None
    date: dt.date | None = None
    author: str | None = None


def extract_html(html: str, *, url: str | None = None) -> Page:
    """Main text and metadata of a page; a fragment trafilatura rejects is flattened instead."""
    import trafilatura  # slow to import; only HTML inputs need it

    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        # extensive_search=False: otherwise an undated page is dated by its footer's "© 2025".
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": dt.date.today().isoformat()})
    text = (found.text or "") if found is not None else ""
    if not text.strip():
        text = html_to_text(html)  # feed summaries are too short for trafilatura's thresholds
    if found is None:
        return Page(text=text)
    return Page(text=text, title=found.title or None, sitename=found.sitename or None,
                date=_page_date(found.date), author=found.author or None)


def _page_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "header", "footer", "figcaption", "pre", "table", "ul", "ol")
_DROP_TAGS = ("script", "style", "noscript", "nav", "form", "template", "iframe", "svg")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(tree.iter(*_DROP_TAGS)):  # a copy: dropping while iterating skips nodes
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return tree.text_content()

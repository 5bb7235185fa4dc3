"""The read stage: input files → `RawDocument`s.

dyad reads what an analyst already has on disk (see DESIGN.md, "Files the
project reads"):

    .txt .text              one plain-text article (HTML detected by content)
    .html .htm              one web page, kept as raw HTML for the clean stage
    .jsonl .ndjson          one article per line: {"text", "title"?, "url"?,
                            "published"?, "outlet"?}
    .xml .rss .atom         an RSS or Atom feed file: one article per entry
    .warc .warc.gz          a web archive: one article per HTML response record
    -                       standard input, one article

Nothing here touches the network: feeds and archives are parsed from the
bytes on disk. Readers only find documents; boilerplate removal, metadata
extraction and date parsing belong to `dyad.clean`.

Errors: a file that cannot be read at all raises `InputError` from
`read_file`; one bad record in an otherwise good file (a malformed JSON line)
is reported on its own and the rest still comes through.
`iter_raw_documents` never stops on a bad file: it collects the errors.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from dyad.errors import InputError
from dyad.model import RawDocument

# Suffix → format. Longest suffixes first so ".warc.gz" wins over ".gz".
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".txt", "text"),
    (".text", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".xml", "feed"),
    (".rss", "feed"),
    (".atom", "feed"),
)
SUPPORTED_SUFFIXES = tuple(suffix for suffix, _ in FORMATS)
STDIN = "-"

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
# Enough of a file to tell text from binary without reading all of it.
_SNIFF_BYTES = 8192


# ---------------------------------------------------------------- file lists

def list_input_files(paths: Iterable[str]) -> list[str]:
    """Expand folders (recursively, sorted) into the supported files below them.

    A file named explicitly is kept whatever its suffix (it is read as text);
    "-" stays as is; hidden files and folders are skipped when walking, since
    they are version-control or editor files, not articles.
    """
    found: list[str] = []
    for path in paths:
        if path == STDIN:
            found.append(path)
        elif os.path.isdir(path):
            inside = _walk(path)
            if not inside:
                raise InputError(path, "folder holds no file dyad reads",
                                 hint="dyad reads " + " ".join(SUPPORTED_SUFFIXES) + " files")
            found.extend(inside)
        elif os.path.exists(path):
            found.append(path)
        else:
            raise InputError(path, "no such file or folder",
                             hint="check the path, or use - to read standard input")
    # A file reached both directly and through its folder is read once.
    return list(dict.fromkeys(found))


def _walk(folder: str) -> list[str]:
    files: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                files.append(os.path.join(root, name))
    return sorted(files)


def file_format(path: str) -> str:
    """The reader a path goes to: text, html, jsonl, feed, warc or json."""
    lower = path.lower()
    for suffix, kind in FORMATS:
        if lower.endswith(suffix):
            return kind
    return "json" if lower.endswith(".json") else "text"


# ---------------------------------------------------------------- reading

def iter_raw_documents(paths: Iterable[str], *, errors: list[InputError],
                       stdin: TextIO | None = None) -> Iterator[RawDocument]:
    """Every document in `paths`; problems go to `errors`, never stop the batch."""
    seen: set[str] = set()
    for path in paths:
        try:
            files = list_input_files([path])
        except InputError as err:
            errors.append(err)
            continue
        for file in files:
            if file in seen and file != STDIN:
                continue  # named twice, or also reached through its folder
            seen.add(file)
            try:
                yield from read_file(file, stdin=stdin, errors=errors)
            except InputError as err:
                errors.append(err)


def read_file(path: str, *, stdin: TextIO | None = None,
              errors: list[InputError] | None = None) -> Iterator[RawDocument]:
    """The documents in one file (or "-" for standard input).

    Raises InputError when the file as a whole cannot be read. A bad record
    inside a good file (a malformed JSON line) is appended to `errors` when a
    list is given, so the other records still come through; without a list it
    is raised.
    """
    if path == STDIN:
        yield _read_stdin(stdin if stdin is not None else sys.stdin)
        return
    kind = file_format(path)
    if kind == "json":
        raise InputError(path, "a .json file is not read",
                         hint="dyad reads JSON Lines: save one article object per line as .jsonl")
    data = _read_bytes(path)
    if kind == "warc":
        yield from _read_warc(path, data)
    elif kind == "feed":
        yield from _read_feed(path, data)
    elif kind == "jsonl":
        yield from _read_jsonl(path, data, errors)
    else:
        yield _read_page(path, data, html=kind == "html")


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})",
                         hint="check that it exists and that you may read it") from err
    if not data.strip():
        raise InputError(path, "empty file", hint="remove it or give it some article text")
    return data


def decode_utf8(path: str, data: bytes) -> str:
    """Strict UTF-8 (a BOM is allowed); binary or other encodings are refused.

    Silently guessing an encoding would put mojibake into every offset
    downstream, so the user is told how to convert instead.
    """
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(path, "binary file, not text",
                         hint="give dyad .txt, .html, .jsonl, feed or WARC files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = data[err.start]
        raise InputError(path, f"not UTF-8 text (byte 0x{byte:02x} at offset {err.start})",
                         hint=f"convert it to UTF-8 first, e.g. iconv -f LATIN1 -t UTF-8 {path}") from err


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def _read_page(path: str, data: bytes, *, html: bool) -> RawDocument:
    text = _decode_html(path, data) if html else decode_utf8(path, data)
    if not text.strip():
        raise InputError(path, "empty file", hint="remove it or give it some article text")
    return RawDocument(text=text, source=path, is_html=html or looks_like_html(text))


def _decode_html(path: str, data: bytes) -> str:
    """UTF-8 first; else the charset the page declares (legacy pages are common)."""
    try:
        return decode_utf8(path, data)
    except InputError:
        declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
        if declared is None or b"\x00" in data[:_SNIFF_BYTES]:
            raise
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise InputError(path, f"cannot be decoded as its declared charset "
                                   f"{declared.group(1).decode('ascii', 'replace')}",
                             hint="convert it to UTF-8 with iconv") from None


def _read_stdin(stream: TextIO) -> RawDocument:
    try:
        text = stream.read()
    except UnicodeDecodeError as err:
        raise InputError(STDIN, f"not UTF-8 text (byte 0x{err.object[err.start]:02x} "
                                f"at offset {err.start})",
                         hint="pipe it through: iconv -t UTF-8") from err
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(STDIN, "empty input", hint="pipe an article into dyad, or name files")
    if "\x00" in text:
        raise InputError(STDIN, "binary input, not text", hint="pipe text or HTML into dyad")
    return RawDocument(text=text, source=STDIN, is_html=looks_like_html(text))


# ---------------------------------------------------------------- JSON Lines

_JSONL_FIELDS = ("title", "url", "published", "outlet")


def _read_jsonl(path: str, data: bytes, errors: list[InputError] | None) -> Iterator[RawDocument]:
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(path, "binary file, not JSON Lines",
                         hint="each line must be one UTF-8 JSON object")
    data = data.removeprefix(b"\xef\xbb\xbf")
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(path, number, line)
        except InputError as err:
            if errors is None:
                raise
            errors.append(err)


def _jsonl_record(path: str, number: int, line: bytes) -> RawDocument:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 (byte 0x{line[err.start]:02x} at column {err.start + 1})",
                         hint="convert the file with iconv -t UTF-8", line=number) from err
    except json.JSONDecodeError as err:
        raise InputError(path, f"malformed JSON ({err.msg} at column {err.colno})",
                         hint="each line must be one complete JSON object", line=number) from err
    if not isinstance(record, dict):
        raise InputError(path, f"a JSON {type(record).__name__}, not an object",
                         hint='each line must look like {"text": "..."}', line=number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, 'record has no "text"',
                         hint='give each line a non-empty "text" string', line=number)
    fields = {name: _optional_str(path, number, record, name) for name in _JSONL_FIELDS}
    return RawDocument(text=text, source=fields["url"] or f"{path}:{number}",
                       is_html=looks_like_html(text), **fields)


def _optional_str(path: str, number: int, record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(path, f'"{name}" must be a string, not {type(value).__name__}',
                         hint=f'write it as "{name}": "..." or leave it out', line=number)
    return value.strip()


# ---------------------------------------------------------------- feeds

def _read_feed(path: str, data: bytes) -> Iterator[RawDocument]:
    import feedparser  # imported here: only feed files pay for it

    # A file object, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no channel or feed element"
        raise InputError(path, f"not an RSS or Atom feed ({_first_line(str(reason))})",
                         hint="give feed files a .xml/.rss/.atom suffix and other XML another one")
    outlet = _clean_str(parsed.feed.get("title"))
    found = 0
    for index, entry in enumerate(parsed.entries, start=1):
        document = _feed_entry(path, index, entry, outlet)
        if document is not None:
            found += 1
            yield document
    if parsed.entries and not found:
        raise InputError(path, "feed entries carry headlines only, no article text",
                         hint="save the linked article pages as HTML and read those instead")


def _feed_entry(path: str, index: int, entry: Any, outlet: str | None) -> RawDocument | None:
    text, content_type = _entry_body(entry)
    if not text.strip():
        return None  # a headline-only entry has no article to code
    link = _clean_str(entry.get("link"))
    return RawDocument(
        text=text,
        source=link or f"{path}#entry-{index}",
        title=_clean_str(entry.get("title")),
        url=link,
        published=_entry_date(entry),
        outlet=outlet,
        is_html=_is_html_body(text, content_type),
    )


def _is_html_body(text: str, content_type: str) -> bool:
    # RSS labels nearly every description text/html; only markup makes it HTML.
    return looks_like_html(text) or ("html" in content_type and bool(_TAG.search(text)))


def _entry_body(entry: Any) -> tuple[str, str]:
    """The fullest body an entry carries: its content, else its summary."""
    for content in entry.get("content") or []:
        if (content.get("value") or "").strip():
            return content["value"], content.get("type") or ""
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or ""


def _entry_date(entry: Any) -> str | None:
    """YYYY-MM-DD of the entry's published (else updated) date.

    The date as the outlet wrote it (its own time zone) is preferred over
    feedparser's UTC conversion, which can move a late-evening story a day.
    """
    for name in ("published", "updated"):
        written = _local_date(entry.get(name))
        if written:
            return written
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _local_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- WARC

def _read_warc(path: str, data: bytes) -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not data.startswith((b"\x1f\x8b", b"WARC/")):  # gzip magic, or an uncompressed record
        raise InputError(path, "not a WARC archive (it does not start with a WARC record)",
                         hint="give web archives a .warc or .warc.gz suffix and other files another one")
    found = 0
    try:
        for index, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            document = _warc_record(path, index, record)
            if document is not None:
                found += 1
                yield document
    except ArchiveLoadFailed as err:
        raise InputError(path, f"not a readable WARC archive ({_first_line(str(err))})",
                         hint="check that the file is a complete .warc or .warc.gz") from err
    if not found:
        raise InputError(path, "WARC archive has no HTML response records",
                         hint="dyad reads the HTML pages of an archive; nothing else was found")


def _warc_record(path: str, index: int, record: Any) -> RawDocument | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    body = record.content_stream().read()
    if not body.strip():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    # Published stays None: the WARC-Date is when the page was archived, not written.
    return RawDocument(text=_decode_body(body, content_type), source=url or f"{path}#record-{index}",
                       url=url, is_html=True)


def _decode_body(body: bytes, content_type: str) -> str:
    """The charset the server or page declared, else UTF-8; never fail on one page."""
    match = re.search(r"charset=([\w.:-]+)", content_type, re.I) or _META_CHARSET.search(body[:_SNIFF_BYTES])
    candidates = []
    if match:
        charset = match.group(1)
        candidates.append(charset.decode("ascii") if isinstance(charset, bytes) else charset)
    for charset in [*candidates, "utf-8"]:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    # Web pages mislabel their charset often; a few replaced bytes beat losing the page.
    return body.decode("utf-8", errors="replace")


# ---------------------------------------------------------------- helpers

def _clean_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unknown reason"

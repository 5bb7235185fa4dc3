"""The read stage: every input format, every whole-file error, and batches that survive bad files."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.errors import InputError
from dyad.read import iter_raw_documents, list_input_files, read_file

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = ("Kazakhstan and Uzbekistan signed a border treaty on Monday, "
           "the two foreign ministries said in a joint statement.\n")
PAGE = ("<!DOCTYPE html><html><head><title>Treaty signed</title></head><body><article>"
        f"<p>{ARTICLE}</p></article></body></html>")


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def read_all(path: str, **kwargs) -> list:
    return list(read_file(path, **kwargs))


def read_error(path: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_all(path)
    return caught.value


# ---------------------------------------------------------------- plain text and HTML

def test_plain_text_file_is_one_document_with_its_path_as_source(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    [doc] = read_all(path)
    assert (doc.text, doc.source, doc.is_html, doc.url, doc.published) == (ARTICLE, path, False, None, None)


def test_utf8_byte_order_mark_is_accepted_and_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "Bishkek — Dushanbe talks".encode())
    [doc] = read_all(path)
    assert doc.text == "Bishkek — Dushanbe talks"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_html_file_is_kept_raw_for_the_clean_stage(tmp_path, name):
    path = write(tmp_path / name, PAGE)
    [doc] = read_all(path)
    assert doc.is_html and doc.text == PAGE and doc.source == path


@pytest.mark.parametrize("start", ["<!DOCTYPE html>", "<!doctype HTML>", "  \n<html lang='en'>", "<html>"])
def test_txt_file_holding_html_is_detected_by_content(tmp_path, start):
    path = write(tmp_path / "saved.txt", f"{start}<body><p>{ARTICLE}</p></body></html>")
    [doc] = read_all(path)
    assert doc.is_html


def test_text_mentioning_html_tags_later_is_not_html(tmp_path):
    path = write(tmp_path / "a.txt", "The ministry posted the <html> page of the treaty.\n")
    [doc] = read_all(path)
    assert not doc.is_html


def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path):
    page = ('<html><head><meta charset="windows-1251"></head><body><p>Москва и Душанбе</p></body></html>')
    path = write(tmp_path / "ru.html", page.encode("windows-1251"))
    [doc] = read_all(path)
    assert "Москва и Душанбе" in doc.text


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_keeps_order_fields_and_sources(tmp_path):
    lines = [
        {"text": "First article.", "title": "One", "url": "https://news.example/1",
         "published": "2025-10-01", "outlet": "Caspian Post", "extra": [1, 2]},
        {"text": "Second article.", "published": "2025-10-02T08:30:00+05:00"},
        {"text": "<!DOCTYPE html><html><body><p>Third.</p></body></html>"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    docs = read_all(path)
    assert [d.text for d in docs][:2] == ["First article.", "Second article."]
    assert (docs[0].source, docs[0].title, docs[0].url, docs[0].outlet) == (
        "https://news.example/1", "One", "https://news.example/1", "Caspian Post")
    assert docs[0].published == "2025-10-01"
    assert docs[1].published == "2025-10-02T08:30:00+05:00"  # kept as given
    assert docs[1].source == f"{path}:2" and docs[1].url is None
    assert docs[2].is_html and not docs[0].is_html


def test_ndjson_suffix_is_json_lines(tmp_path):
    path = write(tmp_path / "batch.ndjson", json.dumps({"text": "One."}) + "\n")
    assert [d.text for d in read_all(path)] == ["One."]


def test_malformed_json_line_is_one_error_with_its_line_number(tmp_path):
    path = write(tmp_path / "batch.jsonl",
                 '{"text": "Good one."}\n{"text": "broken\n{"text": "Good two."}\n')
    errors: list[InputError] = []
    docs = list(iter_raw_documents([path], errors=errors))
    assert [d.text for d in docs] == ["Good one.", "Good two."]
    [error] = errors
    assert error.line == 2 and f"{path}:2" in str(error) and "malformed JSON" in str(error)


def test_read_file_without_an_error_list_raises_on_a_bad_line(tmp_path):
    path = write(tmp_path / "batch.jsonl", '{"text": "Good."}\nnot json\n')
    with pytest.raises(InputError, match=r":2: malformed JSON"):
        read_all(path)


@pytest.mark.parametrize("record, problem", [
    ({"title": "No body"}, 'no "text"'),
    ({"text": "   "}, 'no "text"'),
    ({"text": 42}, 'no "text"'),
    ({"text": "Body.", "title": ["a list"]}, '"title" must be a string'),
    (["not", "an", "object"], "not an object"),
])
def test_jsonl_record_problems_name_the_line(tmp_path, record, problem):
    path = write(tmp_path / "batch.jsonl", json.dumps({"text": "Fine."}) + "\n" + json.dumps(record) + "\n")
    errors: list[InputError] = []
    docs = list(read_file(path, errors=errors))
    assert [d.text for d in docs] == ["Fine."]
    assert len(errors) == 1 and errors[0].line == 2 and problem in str(errors[0])


def test_jsonl_line_that_is_not_utf8_is_one_error(tmp_path):
    path = write(tmp_path / "batch.jsonl", b'{"text": "caf\xe9"}\n{"text": "Fine."}\n')
    errors: list[InputError] = []
    assert [d.text for d in read_file(path, errors=errors)] == ["Fine."]
    assert errors[0].line == 1 and "0xe9" in str(errors[0])


def test_json_file_is_refused_with_a_hint(tmp_path):
    path = write(tmp_path / "batch.json", json.dumps([{"text": "One."}]))
    assert "JSON Lines" in str(read_error(path))


# ---------------------------------------------------------------- feeds

def test_rss_feed_gives_one_document_per_entry():
    path = str(FIXTURES / "feed.rss")
    first, second = read_all(path)
    assert first.title == "Uzbekistan and Tajikistan agree on water sharing"
    assert first.url == first.source == "https://steppe-ledger.example/news/water-deal"
    assert first.outlet == "The Steppe Ledger"
    assert first.is_html and "Syr Darya" in first.text  # the full content, not the summary
    # 23:30 at UTC-5 is the 9th in UTC; the outlet's own date is the 8th.
    assert first.published == "2019-10-08"
    assert not second.is_html and second.text.startswith("Kazakhstan expelled")
    assert second.published == "2019-10-09"


def test_atom_feed_uses_published_then_updated_dates():
    path = str(FIXTURES / "feed.atom")
    first, second = read_all(path)
    assert first.outlet == second.outlet == "Caspian Wire"
    assert first.url == "https://caspian-wire.example/2024/03/gas-talks"
    assert first.published == "2024-03-05" and first.is_html
    assert second.published == "2024-03-06" and second.text.startswith("Iran and Azerbaijan")


def test_feed_of_headlines_only_is_an_error(tmp_path):
    path = write(tmp_path / "headlines.rss", """<?xml version="1.0"?><rss version="2.0"><channel>
<title>Wire</title><item><title>Talks held</title><link>https://news.example/1</link></item>
</channel></rss>""")
    assert "headlines only" in str(read_error(path))


def test_xml_file_that_is_not_a_feed_is_an_error(tmp_path):
    path = write(tmp_path / "data.xml", "<?xml version='1.0'?><table><row>1</row></table>")
    assert "not an RSS or Atom feed" in str(read_error(path))


def test_feed_entries_never_fetch_links(tmp_path):
    # A feed whose text looks like a URL must be parsed as text, not fetched.
    path = write(tmp_path / "url.rss", "https://feeds.example/never-fetched.xml")
    assert "not an RSS or Atom feed" in str(read_error(path))


# ---------------------------------------------------------------- WARC

def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], *, gzip_it: bool) -> str:
    """records: (record type, url, content type, body)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_it)
        for rec_type, url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            if rec_type == "request":
                headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(url, rec_type, payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return str(path)


@pytest.mark.parametrize("name, gzip_it", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses_become_documents(tmp_path, name, gzip_it):
    path = write_warc(tmp_path / name, [
        ("request", "https://news.example/a", "", b""),
        ("response", "https://news.example/a", "text/html; charset=utf-8", PAGE.encode()),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("response", "https://news.example/b", "text/html", "<html><p>Душанбе</p></html>".encode()),
    ], gzip_it=gzip_it)
    docs = read_all(path)
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert all(d.is_html and d.source == d.url and d.published is None for d in docs)
    assert docs[0].text == PAGE and "Душанбе" in docs[1].text


def test_warc_without_html_responses_is_an_error(tmp_path):
    path = write_warc(tmp_path / "img.warc.gz",
                      [("response", "https://news.example/x.png", "image/png", b"\x89PNG")], gzip_it=True)
    assert "no HTML response records" in str(read_error(path))


@pytest.mark.parametrize("name, content", [
    ("notes.warc", b"these are my notes, not an archive"),
    ("broken.warc.gz", gzip.compress(b"WARC/1.0\r\nnonsense")[:20]),
])
def test_file_that_is_not_a_usable_warc_is_an_error(tmp_path, name, content):
    path = write(tmp_path / name, content)
    assert "WARC" in str(read_error(path))


# ---------------------------------------------------------------- folders and stdin

def test_folder_is_expanded_recursively_sorted_and_filtered(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/deeper/d.rss", "sub/e.warc.gz",
                 "notes.md", "image.png", ".hidden.txt", ".git/f.txt", "x.atom", "y.xml", "z.htm"]:
        write(tmp_path / name, "x")
    files = list_input_files([str(tmp_path)])
    names = [Path(f).relative_to(tmp_path).as_posix() for f in files]
    assert names == ["a.html", "b.txt", "sub/c.jsonl", "sub/deeper/d.rss", "sub/e.warc.gz",
                     "x.atom", "y.xml", "z.htm"]


def test_folder_without_readable_files_is_an_error(tmp_path):
    write(tmp_path / "scan.pdf", b"%PDF")
    with pytest.raises(InputError, match="no file dyad reads"):
        list_input_files([str(tmp_path)])


def test_named_files_keep_their_order_and_stdin_stays(tmp_path):
    second, first = write(tmp_path / "z.txt", "x"), write(tmp_path / "a.txt", "x")
    assert list_input_files([second, "-", first, second]) == [second, "-", first]


def test_missing_path_raises_with_a_hint(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as caught:
        list_input_files([missing])
    assert caught.value.path == missing and "no such file or folder" in str(caught.value)
    assert caught.value.hint


def test_stdin_is_one_document():
    [doc] = read_all("-", stdin=io.StringIO(ARTICLE))
    assert (doc.text, doc.source, doc.is_html) == (ARTICLE, "-", False)


def test_stdin_html_is_detected_by_content():
    [doc] = read_all("-", stdin=io.StringIO(PAGE))
    assert doc.is_html and doc.source == "-"


def test_empty_stdin_is_an_error():
    with pytest.raises(InputError, match="empty"):
        read_all("-", stdin=io.StringIO("  \n"))


# ---------------------------------------------------------------- whole-file errors

@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_empty_file_is_an_error(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    error = read_error(path)
    assert error.path == path and "empty file" in str(error)


def test_binary_file_is_an_error(tmp_path):
    path = write(tmp_path / "scan.txt", b"%PDF-1.7\x00\x01\x02binary")
    assert "binary" in str(read_error(path))


def test_latin1_file_is_an_error_naming_the_byte_and_the_fix(tmp_path):
    path = write(tmp_path / "latin.txt", "Le président a visité Douchanbé.".encode("latin-1"))
    message = str(read_error(path))
    assert message.startswith(path) and "not UTF-8" in message
    assert "0xe9" in message and "offset 5" in message and "iconv" in message
    assert "\n" not in message


def test_unreadable_file_is_an_error(tmp_path):
    folder_named_like_a_file = tmp_path / "dir.txt"
    folder_named_like_a_file.mkdir()
    error = read_error(str(folder_named_like_a_file))
    assert "cannot be read" in str(error)


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    good = write(tmp_path / "in/1-good.txt", ARTICLE)
    write(tmp_path / "in/2-empty.txt", "")
    write(tmp_path / "in/3-latin.txt", "café".encode("latin-1"))
    write(tmp_path / "in/4-mixed.jsonl", '{"text": "From JSONL."}\n{oops}\n')
    write(tmp_path / "in/5-page.html", PAGE)
    missing = str(tmp_path / "missing.txt")
    errors: list[InputError] = []
    docs = list(iter_raw_documents([str(tmp_path / "in"), missing, good], errors=errors))
    assert [d.text for d in docs] == [ARTICLE, "From JSONL.", PAGE]  # good is read once
    assert sorted(Path(e.path).name for e in errors) == ["2-empty.txt", "3-latin.txt", "4-mixed.jsonl", "missing.txt"]

"""The clean stage: normalisation, furniture rules, bylines/datelines, HTML extraction, Article fields."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from pathlib import Path

import htmldate
import pytest

from dyad.clean import FURNITURE, article_id, clean, clean_text, furniture_rule, normalise
from dyad.errors import InputError
from dyad.model import Article, RawDocument
from dyad.read import read_file

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parents[1] / "corpus" / "wikinews.jsonl"
PROSE = "The two governments agreed on Friday to reopen the border crossings closed since the clashes."


def corpus_records(*, raw: bool) -> list[dict]:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r["raw"] is raw]


RAW_RECORDS = {r["published"]: r for r in corpus_records(raw=True)}


# ---------------------------------------------------------------- ids and normalisation

def test_article_id_is_sha256_of_the_cleaned_text():
    text = "Moscow — Душанбе"
    assert article_id(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_clean_sets_doc_id_from_the_cleaned_not_the_raw_text():
    article = clean(RawDocument(text=f"Share this article\r\n{PROSE}  \r\n", source="a.txt"))
    assert article.text == PROSE
    assert article.doc_id == hashlib.sha256(PROSE.encode("utf-8")).hexdigest()


def test_normalise_whitespace_keeps_paragraph_breaks():
    raw = "  \r\nFirst\u00a0paragraph.   \r\nSecond line.\t\n\n\n\n\nThird\u202fparagraph.\u00a0\n\n\n"
    assert normalise(raw) == "First paragraph.\nSecond line.\n\nThird paragraph."


def test_clean_text_collapses_blank_line_runs_left_by_removed_lines():
    text = f"{PROSE}\n\nAdvertisement\n\n\n{PROSE}"
    assert clean_text(text).text == f"{PROSE}\n\n{PROSE}"


def test_single_newline_paragraphs_stay_single():
    text = f"Photo credit: example.org\n{PROSE}\nShare on social media\n{PROSE}\n"
    assert clean_text(text).text == f"{PROSE}\n{PROSE}"


# ---------------------------------------------------------------- the corpus' raw records

@pytest.mark.parametrize("published, furniture, kept", [
    ("2010-01-25",
     ["Gordon Brown: Extra troops for Afghanistan, Yemen security the focus for int'l conference",
      "Monday, January 25, 2010", "—Gordon Brown", "File photo of Gordon Brown in 2008",
      "World Economic Forum"],
     ["British prime minister Gordon Brown said in his monthly news conference today",
      "It is expected that this year Afghanistan will be host to 134,000 soldiers and 90,000 police.",
      "He says that Britain will make every effort to counter threats made by extremists."]),
    ("2016-09-09",
     ["New faces emerge as veteran politicians step down", "Friday, September 9, 2016",
      "Election Results", "Eddie Chu received the largest vote in any geographical constituency\n",
      "Michael Tien of NPP", "DAB's Elizabeth Quat", "Nathan Law of Demosisto\n",
      "Leung Yiu-chung of NWSC; from file, 2008.", "DAB's Starry Lee; from file, 2015."],
     ["The Hong Kong legislative election was held on Sunday",
      "Demosisto's Nathan Law earned a surprise victory",
      "The election elects 70 members of the Legislative Council."]),
    ("2019-10-08",
     ["Tuesday, October 8, 2019", "██", "Syrian Arab Republic\n", "Tahrir al-Sham\n"],
     ["Late on Sunday, the United States President Donald Trump",
      "The PKK is banned in Turkey.",
      "So to those who think ISIS has been defeated you will soon see.\""]),
    ("2019-12-16",
     ["Monday, December 16, 2019", "██", "365 seats\n", "Plaid Cymru - 4 seats"],
     ["On Thursday, the United Kingdom's (UK) Conservative Party netted an additional 66 seats",
      "Voter turnout was down by about 1.5% of the electorate from the 2017 election cycle"]),
])
def test_raw_corpus_records_lose_their_furniture_and_keep_their_paragraphs(published, furniture, kept):
    record = RAW_RECORDS[published]
    cleaned = clean_text(record["text"], title=record["title"])
    for line in furniture:
        assert line not in cleaned.text + "\n"
    for sentence in kept:
        assert sentence in cleaned.text
    assert "\n\n\n" not in cleaned.text and "\u00a0" not in cleaned.text
    # Every real paragraph (over 25 words) of the record survives whole.
    for paragraph in record["text"].split("\n"):
        if len(paragraph.split()) > 25 and "—Gordon Brown" not in paragraph:
            assert paragraph.strip().replace("\u00a0", " ") in cleaned.text


def test_raw_corpus_headline_goes_even_without_the_title():
    record = RAW_RECORDS["2016-09-09"]
    cleaned = clean_text(record["text"])
    assert not cleaned.text.startswith("New faces emerge")
    assert cleaned.text.startswith("The Hong Kong legislative election was held on Sunday")


@pytest.mark.parametrize("record", corpus_records(raw=False), ids=lambda r: r["published"])
def test_clean_corpus_records_are_left_untouched(record):
    # The other 43 records had their furniture removed by hand: any line removed here is a real one.
    cleaned = clean_text(record["text"], title=record["title"])
    assert cleaned.removed == []
    assert cleaned.text == normalise(record["text"])
    assert cleaned.byline is None and cleaned.dateline is None


# ---------------------------------------------------------------- furniture rules, one by one

FURNITURE_EXAMPLES = [
    ("Photo credit: khaama.com", "photo-credit"),
    ("Photo: Reuters", "photo-credit"),
    ("Image: Kremlin press service", "photo-credit"),
    ("Photograph: Vyacheslav Oseledko/AFP", "photo-credit"),
    ("Video: Rahmon greets Putin at Dushanbe airport", "photo-credit"),
    ("Photo by Aziz Karimov/AFP", "photo-by"),
    ("Image source, Getty Images", "image-source"),
    ("Credit: Turkmen state media", "credit"),
    ("FILE PHOTO: Kyrgyz border guards near Batken, September 2022", "file-photo"),
    ("File photo of the Rogun dam in 2019", "file-photo"),
    ("The two ministers in Astana in 2023Image: Kazakh foreign ministry.", "caption-credit"),
    ("(AP Photo/Vladimir Voronin)", "caption-bracket-credit"),
    ("Troops patrol the Vakhsh valley on Tuesday. (Photo: Asia-Plus)", "caption-bracket-credit"),
    ("Protesters gather in Bishkek on Monday. Vyacheslav Oseledko/AFP via Getty Images", "caption-agency-credit"),
    ("Tajik border guards near Vorukh. REUTERS/Stringer", "caption-agency-credit"),
    ("A Tajik border post; from file, 2019.", "caption-from-file"),
    ("Share on social media", "share"),
    ("Share this article", "share"),
    ("Share on Facebook | Share on X | Share via Email", "share"),
    ("Print", "share"),
    ("Facebook Twitter WhatsApp Telegram", "social-links"),
    ("Have an opinion on this story? Share it!", "opinion-prompt"),
    ("Follow us on Twitter", "follow"),
    ("Follow us on Telegram", "follow"),
    ("Follow the latest updates on our Telegram channel", "follow"),
    ("Subscribe to our newsletter", "subscribe"),
    ("Sign up for our free Central Asia briefing", "subscribe"),
    ("Subscribe now", "account-prompt"),
    ("Skip to content", "navigation"),
    ("Home", "navigation"),
    ("Click here to read the full report", "click-here"),
    ("Click to enlarge", "click-here"),
    ("Read more: Border talks stall over water rights", "read-more"),
    ("Also read: Rahmon re-elected", "read-more"),
    ("Related", "read-more"),
    ("Related stories", "read-more"),
    ("Recommended", "read-more"),
    ("More from Reuters", "read-more"),
    ("Watch: Putin arrives in Dushanbe", "read-more"),
    ("Advertisement", "advertisement"),
    ("- Advertisement -", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("© 2025 The Steppe Ledger", "copyright"),
    ("Copyright 2024 Caspian Wire. All rights reserved.", "copyright"),
    ("All rights reserved.", "rights-reserved"),
    ("We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
     "cookies"),
    ("Accept all cookies", "cookies"),
    ("Tuesday, October 8, 2019", "date-line"),
    ("October 8, 2019", "date-line"),
    ("8 October 2019", "date-line"),
    ("Oct. 8, 2019 | 10:32 AM EDT", "date-line"),
    ("Updated: 14 March 2025, 09:12 GMT", "date-line"),
    ("Published on 2025-03-14", "date-line"),
    ("5 hours ago", "time-ago"),
    ("3 min read", "reading-time"),
    ("Tags: Kyrgyzstan, Tajikistan, borders", "tags"),
    ("Leave a comment", "comments"),
    ("(Reporting by Olzhas Auyezov; Editing by Mark Heinrich)", "wire-credits"),
    ("Reporting by Jane Doe; editing by John Roe", "wire-credits"),
    ("This article was originally published by The Diplomat.", "originally-published"),
    ("██ Syrian Arab Republic", "legend"),
    ("🟥 Labour Party - 203 seats", "legend"),
    ("▓▓ Contested areas", "legend"),
    ("—Gordon Brown", "quote-attribution"),
    ("— Gordon Brown", "quote-attribution"),
    ("— Emomali Rahmon, President of Tajikistan", "quote-attribution"),
    ("Borders are drawn by treaties, not by guns —Sadyr Japarov", "pull-quote"),
]


@pytest.mark.parametrize("line, rule", FURNITURE_EXAMPLES)
def test_furniture_line_is_caught_by_its_rule(line, rule):
    assert furniture_rule(f"  {line}  ") == rule


@pytest.mark.parametrize("line", ["SHARE THIS ARTICLE", "photo: reuters", "ADVERTISEMENT",
                                  "follow us on telegram", "TUESDAY, OCTOBER 8, 2019", "Read More: x"])
def test_furniture_rules_ignore_case(line):
    assert furniture_rule(line) is not None


def test_every_furniture_rule_has_an_example():
    assert {rule.name for rule in FURNITURE} == {rule for _, rule in FURNITURE_EXAMPLES}


SENTENCES = [
    "Moscow and Dushanbe share concerns about growing extremist threats along the Afghan border.",
    "A photo of the two presidents was published by the Kremlin on Tuesday.",
    "Photos by the ministry showed the destroyed bridge near the border.",
    "Share prices in Almaty fell sharply after the sanctions were announced on Monday.",
    "Subscribers to the state newspaper were told the talks had been postponed.",
    "He urged citizens to follow the news on state television.",
    "Related charges were filed against two officers in October.",
    "By Monday, Russian troops had withdrawn from the town.",
    "The government said it would read more carefully the terms of the deal.",
    "Advertisement revenue at state media fell by a third, the ministry said.",
    "The agreement was signed on October 8, 2019, in Dushanbe.",
    "Copyright laws were tightened last year, the minister said.",
    "The commission will meet again in Bishkek — its third session this year.",
    "Opposition leaders said the image of the country had suffered.",
    "Watch out, he told the soldiers.",
    "The website said it used cookies, officials said, but the ministry denied collecting data.",
    "The strike killed five people, the ministry told TASS/Reuters.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_real_sentence_with_a_furniture_word_survives(sentence):
    assert furniture_rule(sentence) is None
    text = f"{PROSE}\n\n{sentence}\n\n{PROSE}"
    assert clean_text(text).text == text


@pytest.mark.parametrize("line", [
    " ".join(["share"] * 15) + " now then",
    " ".join(["x"] * 10) + " zzz",
    "Facebook  Twitter  WhatsApp  Telegram  Email  Print  X  VK  Reddit  LinkedIn?",
    " ".join(["Monday"] * 13) + " 2019 was",
    "Published  10:32  at  10:32  at  10:32  at  10:32  at  10:32  at  October 8, 2019 x",
    "By " + " AND ".join(["JANE SMITH"] * 5) + " said",
])
def test_near_miss_lines_fail_fast(line):
    # Nested repetition once made a 16-word near miss take seconds (catastrophic backtracking).
    started = time.perf_counter()
    clean_text(f"{line}\n{PROSE}")
    assert time.perf_counter() - started < 0.5


def test_long_line_is_never_furniture_even_if_it_starts_like_it():
    line = "Photo: " + " ".join(["word"] * 40)
    assert furniture_rule(line) is None


def test_invented_page_loses_all_its_furniture():
    cleaned = clean_text((FIXTURES / "furniture.txt").read_text(encoding="utf-8"))
    assert cleaned.text.split("\n") == [
        "The presidents of Kyrgyzstan and Tajikistan agreed on Friday to reopen four border crossings "
        "closed since the 2022 clashes, their offices said in a joint statement.",
        "Sadyr Japarov and Emomali Rahmon signed the agreement at a ceremony in Bishkek attended by the "
        "foreign ministers of both countries.",
        "The two governments will share responsibility for patrolling the reopened crossings, and a joint "
        "photo exhibition on the border talks will open in Dushanbe next month, the statement said.",
        "Officials said customs posts would open within a week.",
        "The clashes in 2022 killed about 100 people and forced thousands to flee their homes on both "
        "sides of the frontier.",
    ]
    assert cleaned.byline == "Aigerim Sadykova and Farrukh Nazarov, Reuters"
    assert cleaned.dateline == "BISHKEK, March 14 (Reuters)"
    assert len(cleaned.removed) == len(cleaned.rules) == 18
    assert "Photo: Reuters" in cleaned.removed


# ---------------------------------------------------------------- title, byline, dateline, fragments

def test_first_line_equal_to_the_title_is_removed():
    cleaned = clean_text(f"Border Talks Resume.\n{PROSE}", title="Border talks resume")
    assert cleaned.text == PROSE and cleaned.rules == ["title"]


def test_title_text_later_in_the_article_is_kept():
    text = f"{PROSE}\n{PROSE}\nBorder talks resume"
    assert "Border talks resume" in clean_text(text + ".", title="Border talks resume").text


@pytest.mark.parametrize("line, byline", [
    ("By Jane Smith", "Jane Smith"),
    ("By Jane Smith and John Doe, Reuters", "Jane Smith and John Doe, Reuters"),
    ("BY AIGERIM SADYKOVA", "AIGERIM SADYKOVA"),
    ("By Ahmad al-Khatib | Caspian Wire", "Ahmad al-Khatib | Caspian Wire"),
    ("Written by Jane Smith, Staff Writer", "Jane Smith, Staff Writer"),
])
def test_byline_is_lifted_out_of_the_text(line, byline):
    cleaned = clean_text(f"{line}\n\n{PROSE}")
    assert cleaned.byline == byline and cleaned.text == PROSE


def test_by_phrase_deep_in_the_article_is_not_a_byline():
    text = f"{PROSE}\n{PROSE}\nBy Jane Smith\n{PROSE} {PROSE}"
    cleaned = clean_text(text)
    assert cleaned.byline is None


@pytest.mark.parametrize("opening, dateline", [
    ("MOSCOW, Oct 1 (Reuters) - ", "MOSCOW, Oct 1 (Reuters)"),
    ("DUSHANBE (AP) — ", "DUSHANBE (AP)"),
    ("WASHINGTON — ", "WASHINGTON"),
    ("KYIV, Ukraine (AP) — ", "KYIV, Ukraine (AP)"),
    ("NEW YORK, Oct. 1 (Reuters) -- ", "NEW YORK, Oct. 1 (Reuters)"),
    ("ST. PETERSBURG, 12 March (TASS) – ", "ST. PETERSBURG, 12 March (TASS)"),
    ("(Reuters) - ", "(Reuters)"),
    # a city in ordinary case is a dateline only with a news agency after it
    ("Washington (AFP) - ", "Washington (AFP)"),
    ("Kabul, Aug 3 (Reuters) - ", "Kabul, Aug 3 (Reuters)"),
    ("United Nations (AFP) - ", "United Nations (AFP)"),
])
def test_wire_dateline_is_cut_from_the_first_paragraph(opening, dateline):
    cleaned = clean_text(f"{opening}{PROSE}\n\n{PROSE}")
    assert cleaned.dateline == dateline
    assert cleaned.text == f"{PROSE}\n\n{PROSE}"


@pytest.mark.parametrize("opening", ["Russia — the largest power in the region — said ", "Moscow - ",
                                     "Moscow (Russia) - ", "NATO officials said ", "NATO — the alliance's chief — said "])
def test_ordinary_openings_are_not_datelines(opening):
    cleaned = clean_text(opening + PROSE)
    assert cleaned.dateline is None and cleaned.text == opening + PROSE


def test_dateline_only_in_the_first_paragraph():
    text = f"{PROSE}\n\nMOSCOW (Reuters) - {PROSE}"
    assert clean_text(text).text == text


def test_hard_wrapped_text_is_not_mistaken_for_captions():
    wrapped = ("The presidents of Kyrgyzstan and Tajikistan agreed on\n"
               "Friday to reopen four border crossings closed since the\n"
               "clashes, their offices said in a joint statement after\n"
               "talks in Bishkek that lasted most of the day.\n")
    assert clean_text(wrapped).text == wrapped.strip()


def test_list_items_and_lines_inside_paragraphs_are_kept():
    text = (f"{PROSE}\n\nThe agreement covers:\n- the Vorukh exclave\n- Isfara\n\nMembers:\n▪ Kazakhstan\n"
            f"▪ Uzbekistan\n■ Tajikistan\n\n"
            f"{PROSE} {PROSE}\nSecond line of the same paragraph\n\n{PROSE}")
    assert clean_text(text).text == text


def test_short_text_without_punctuation_is_not_emptied():
    assert clean_text("Putin visits Dushanbe").text == "Putin visits Dushanbe"


# ---------------------------------------------------------------- clean(): documents to Articles

def test_plain_document_becomes_an_article():
    raw = RawDocument(text=f"Share this article\n{PROSE}", source="in.jsonl:3", title="Talks",
                      url="https://news.example/t", published="2025-10-01", outlet="Caspian Post")
    article = clean(raw)
    assert isinstance(article, Article)
    assert (article.source, article.title, article.outlet, article.url) == (
        "in.jsonl:3", "Talks", "Caspian Post", "https://news.example/t")
    assert article.published == dt.date(2025, 10, 1) and article.text == PROSE


@pytest.mark.parametrize("value, expected", [
    ("2025-10-01", dt.date(2025, 10, 1)),
    ("2025-10-01T23:30:00-05:00", dt.date(2025, 10, 1)),  # the date as written, not shifted to UTC
    ("2025-10-01T08:00:00Z", dt.date(2025, 10, 1)),
    ("2025-10-01 08:00", dt.date(2025, 10, 1)),
])
def test_published_accepts_dates_and_iso_timestamps(value, expected):
    assert clean(RawDocument(text=PROSE, source="a", published=value)).published == expected


@pytest.mark.parametrize("value", ["yesterday", "01/10/2025", "2025-13-01"])
def test_unparseable_published_date_is_an_input_error_naming_the_source(value):
    with pytest.raises(InputError) as caught:
        clean(RawDocument(text=PROSE, source="batch.jsonl:7", published=value))
    assert caught.value.path == "batch.jsonl:7" and value in str(caught.value)


def test_document_of_only_furniture_is_an_input_error():
    raw = RawDocument(text="Photo: Reuters\nShare this article\n© 2025 Caspian Wire", source="x.txt")
    with pytest.raises(InputError, match="no article text left after cleaning") as caught:
        clean(raw)
    assert caught.value.path == "x.txt" and caught.value.hint


def page(name: str, **fields) -> RawDocument:
    [raw] = read_file(str(FIXTURES / name))
    for key, value in fields.items():
        setattr(raw, key, value)
    return raw


def test_html_page_gives_main_text_and_metadata():
    article = clean(page("page_dated.html", url="https://caspian-wire.example/accord"))
    assert article.title == "Caspian states sign shipping accord"
    assert article.outlet == "Caspian Wire"
    assert article.published == dt.date(2024, 3, 5)
    assert article.url == "https://caspian-wire.example/accord"
    assert article.dateline == "BAKU, March 5 (Caspian Wire)"
    assert article.text.startswith("Azerbaijan and Kazakhstan signed an agreement on Tuesday")
    for furniture in ["Advertisement", "Read more", "Tuesday, March 5, 2024", "<p>"]:
        assert furniture not in article.text
    assert article.doc_id == article_id(article.text)


def test_html_page_without_a_date_is_not_dated_by_its_footer_copyright():
    html = (FIXTURES / "page_undated.html").read_text(encoding="utf-8")
    # The trap this guards against: htmldate's extensive search dates the page by "© 2025".
    assert htmldate.find_date(html, extensive_search=True, original_date=True) == "2025-01-01"
    article = clean(page("page_undated.html"))
    assert article.published is None
    assert article.title == "Border commission to meet in Bishkek"
    assert article.outlet == "The Steppe Ledger"
    assert article.dateline == "DUSHANBE (AP)"
    assert "Jane Smith" in (article.byline or "")
    for furniture in ["©", "All rights reserved", "Share this article", "Follow us", "AP Photo", "Subscribe"]:
        assert furniture not in article.text
    assert "would also share data on water use" in article.text


def test_html_values_given_by_the_record_win_over_the_page():
    raw = page("page_dated.html", title="Accord signed", outlet="Wire copy", published="2024-03-06")
    article = clean(raw)
    assert (article.title, article.outlet, article.published) == ("Accord signed", "Wire copy",
                                                                  dt.date(2024, 3, 6))


def test_short_html_feed_entry_is_flattened_when_too_small_for_extraction():
    [entry, _] = read_file(str(FIXTURES / "feed.atom"))
    article = clean(entry)
    assert article.text == ("Turkmenistan hosted talks with Azerbaijan on a pipeline across the Caspian Sea "
                            "on Tuesday, the Turkmen foreign ministry said.")
    assert article.outlet == "Caspian Wire" and article.published == dt.date(2024, 3, 5)


def test_rss_entry_content_is_cleaned_of_furniture():
    [entry, _] = read_file(str(FIXTURES / "feed.rss"))
    article = clean(entry)
    assert article.dateline == "TASHKENT"
    assert "Share on social media" not in article.text
    assert article.text.startswith("Uzbekistan and Tajikistan signed an agreement")
    assert "Rogun dam" in article.text


def test_html_with_no_text_is_an_input_error():
    raw = RawDocument(text="<html><body><nav>Home</nav><p>Advertisement</p></body></html>",
                      source="empty.html", is_html=True)
    with pytest.raises(InputError, match="no article text left"):
        clean(raw)

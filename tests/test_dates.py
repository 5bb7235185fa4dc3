"""dyad.dates: date expressions resolved against the publication date, with real dateparser."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from dyad.dates import parse_published, resolve_date
from dyad.model import DateValue

OCT1 = dt.date(2025, 10, 1)  # a Wednesday
OCT20 = dt.date(2025, 10, 20)  # a Monday


@pytest.mark.parametrize("expression, published, prefer, value, precision", [
    # a month and day without a year points the way `prefer` says
    ("on October 9", OCT1, "future", "2025-10-09", "day"),
    ("on October 9", OCT20, "past", "2025-10-09", "day"),
    ("on October 9", OCT1, "past", "2024-10-09", "day"),
    ("Oct. 9", OCT1, "future", "2025-10-09", "day"),
    ("9 October", OCT20, "past", "2025-10-09", "day"),
    # years and months keep their precision instead of borrowing the base's day
    ("in 2021", OCT1, "past", "2021", "year"),
    ("since 2021", OCT1, "past", "2021", "year"),
    ("August 2021", OCT1, "past", "2021-08", "month"),
    ("2021-08", OCT1, "past", "2021-08", "month"),
    ("May", OCT1, "past", "2025-05", "month"),
    ("May", OCT1, "future", "2026-05", "month"),
    ("until December", OCT1, "future", "2025-12", "month"),
    # relative to publication
    ("yesterday", OCT1, "past", "2025-09-30", "day"),
    ("today", OCT1, "past", "2025-10-01", "day"),
    ("tonight", OCT1, "past", "2025-10-01", "day"),
    ("last night", OCT1, "past", "2025-09-30", "day"),
    ("tomorrow", OCT1, "future", "2025-10-02", "day"),
    ("on Monday", OCT1, "past", "2025-09-29", "day"),
    ("on Monday", OCT1, "future", "2025-10-06", "day"),
    ("Thursday night", OCT1, "past", "2025-09-25", "day"),
    ("last Friday", OCT1, "past", "2025-09-26", "day"),
    ("this past Monday", OCT1, "past", "2025-09-29", "day"),
    ("three years ago", OCT1, "past", "2022", "year"),
    ("last year", OCT1, "past", "2024", "year"),
    ("this year", OCT1, "past", "2025", "year"),
    ("next year", OCT1, "future", "2026", "year"),
    ("next month", OCT1, "future", "2025-11", "month"),
    ("earlier this month", OCT20, "past", "2025-10", "month"),
    ("later this month", OCT1, "future", "2025-10", "month"),
    # a week has no precision of its own: it is reported at month precision, the month
    # of its Monday (1 October 2025 is a Wednesday; its week began on 29 September)
    ("last week", OCT1, "past", "2025-09", "month"),
    ("this week", OCT1, "past", "2025-09", "month"),
    ("this week", OCT20, "past", "2025-10", "month"),
    # a weekend is named by its Saturday
    ("this weekend", OCT1, "future", "2025-10-04", "day"),
    ("last weekend", OCT1, "past", "2025-09-27", "day"),
    ("next week", OCT1, "future", "2025-10", "month"),
    ("in two weeks", OCT1, "future", "2025-10", "month"),
    # qualifiers keep the precision of what they qualify
    ("early October", OCT20, "past", "2025-10", "month"),
    ("mid-October", OCT20, "past", "2025-10", "month"),
    ("the end of September", OCT1, "past", "2025-09", "month"),
    ("the first week of October", OCT20, "past", "2025-10", "month"),
    ("late 2024", OCT1, "past", "2024", "year"),
    ("spring 2025", OCT1, "past", "2025", "year"),
    ("Q3 2024", OCT1, "past", "2024", "year"),
    # a span of days is dated by its first day
    ("October 9-10", OCT1, "future", "2025-10-09", "day"),
    ("October 9 and 10", OCT1, "future", "2025-10-09", "day"),
    # absolute dates ignore the base
    ("October 9, 2025", OCT20, "future", "2025-10-09", "day"),
    ("Wednesday, October 1, 2025", OCT20, "past", "2025-10-01", "day"),
    ("2025-10-09", OCT1, "past", "2025-10-09", "day"),
])
def test_resolves_expression_at_its_precision(expression, published, prefer, value, precision):
    assert resolve_date(expression, published=published, prefer=prefer) == DateValue(
        value, precision)


def test_weekday_of_publication_is_the_publication_day():
    # "said on Monday" in Monday's paper: news style names that day by its weekday
    assert resolve_date("on Monday", published=OCT20) == DateValue("2025-10-20", "day")
    assert resolve_date("Monday", published=OCT20, prefer="future") == DateValue(
        "2025-10-20", "day")


@pytest.mark.parametrize("expression", [
    "the past", "two decades", "three years", "a week", "six months", "the 1990s", "'90s",
    "45 years old", "10 am", "noon", "3", "the 9th", "2024/25", "two days later",
    "the next day", "the same day", "the past two years", "in the past two years",
    "recent weeks", "now", "last spring", "the weekend", "1700000000", "20251009", "", "  ",
])
def test_refuses_what_is_not_a_calendar_date(expression):
    assert resolve_date(expression, published=OCT1) is None


@pytest.mark.parametrize("expression, value, precision", [
    ("October 9, 2025", "2025-10-09", "day"),
    ("in 2021", "2021", "year"),
    ("August 2021", "2021-08", "month"),
    ("2025-10-09", "2025-10-09", "day"),
    ("by 2030", "2030", "year"),
])
def test_without_publication_date_absolute_expressions_resolve(expression, value, precision):
    assert resolve_date(expression, published=None) == DateValue(value, precision)


@pytest.mark.parametrize("expression", [
    "Monday", "on October 9", "yesterday", "today", "last week", "this month", "May",
    "three years ago", "tonight",
])
def test_without_publication_date_relative_expressions_do_not_resolve(expression):
    assert resolve_date(expression, published=None) is None


def test_accepts_a_datetime_as_publication_date():
    published = dt.datetime(2025, 10, 1, 8, 30)
    assert resolve_date("yesterday", published=published) == DateValue("2025-09-30", "day")


def test_rejects_unknown_preference():
    with pytest.raises(ValueError, match="prefer"):
        resolve_date("October 9", published=OCT1, prefer="soonest")


@pytest.mark.parametrize("expression, published, value", [
    ("January 20", dt.date(2017, 1, 13), "2017-01-20"),   # a week ahead, not a year back
    ("January 5", dt.date(2017, 1, 13), "2017-01-05"),    # a week back
    ("January 5", dt.date(2016, 12, 28), "2017-01-05"),   # across the new year
])
def test_nearest_reading_is_the_one_closer_to_publication(expression, published, value):
    assert resolve_date(expression, published=published, prefer="nearest").value == value


def test_returns_a_fresh_object_each_call():
    first = resolve_date("in 2021", published=OCT1)
    first.value = "changed"
    assert resolve_date("in 2021", published=OCT1) == DateValue("2021", "year")


def test_an_article_of_expressions_is_fast_after_warm_up():
    resolve_date("October 9", published=OCT1)  # warm-up: dateparser loads its data once
    expressions = ["on October 9", "yesterday", "last week", "in 2021", "August 2021",
                   "on Monday", "earlier this month", "three years ago", "next year",
                   "the past", "two decades", "Thursday night", "mid-October", "today",
                   "October 9, 2025", "this week", "May", "late 2024", "tomorrow", "10 am"]
    start = time.perf_counter()
    for offset, expression in enumerate(expressions):
        # a publication date not used before, so that no result comes from the cache
        resolve_date(expression, published=dt.date(2019, 1, 1) + dt.timedelta(days=offset))
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("value, expected", [
    ("2025-10-01", dt.date(2025, 10, 1)),
    ("2025-10-01T08:00:00Z", dt.date(2025, 10, 1)),
    ("2025-10-01T23:30:00-05:00", dt.date(2025, 10, 1)),
    ("2025-10-01 08:00", dt.date(2025, 10, 1)),
    ("Oct 1, 2025", dt.date(2025, 10, 1)),
    ("1 October 2025", dt.date(2025, 10, 1)),
    ("Wed, 01 Oct 2025 08:00:00 +0000", dt.date(2025, 10, 1)),
])
def test_parse_published_reads_common_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "garbage", "yesterday", "October 2025",
                                   "2025-13-45", "Monday"])
def test_parse_published_refuses_what_names_no_day(value):
    assert parse_published(value) is None

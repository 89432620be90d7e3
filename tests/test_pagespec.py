"""Tests of extractor.pagespec: 1-based page specs -> 0-based indices."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.errors import PageRangeError
from extractor.pagespec import format_pages, needs_page_count, parse_pages


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("1", [0]),
        ("1-3,7", [0, 1, 2, 6]),
        ("7,1-3", [0, 1, 2, 6]),
        ("2,2,1-2", [0, 1]),
        (" 1 - 2 , 4 ", [0, 1, 3]),
        ("3-3", [2]),
        ("10", [9]),
    ],
)
def test_parse_pages_valid(spec, expected):
    assert parse_pages(spec) == expected


def test_open_range_with_page_count():
    assert parse_pages("5-", page_count=7) == [4, 5, 6]
    assert parse_pages("1,6-", page_count=6) == [0, 5]


def test_open_range_without_page_count_is_an_error():
    with pytest.raises(PageRangeError, match="page count"):
        parse_pages("5-")


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("0", "numbered from 1"),
        ("0-3", "numbered from 1"),
        ("3-1", "end comes before"),
        ("a", "'a'"),
        ("1-3,x", "'x'"),
        ("1,,2", "''"),
        ("-3", "'-3'"),
        ("1.5", "'1.5'"),
        ("1-2-3", "'1-2-3'"),
        ("+1", "'+1'"),
        ("\u0661", "bad page spec"),
        ("99999999999", "out of range"),
    ],
)
def test_parse_pages_invalid(spec, fragment):
    with pytest.raises(PageRangeError) as info:
        parse_pages(spec)
    assert fragment in str(info.value)


def test_page_beyond_count_is_an_error():
    with pytest.raises(PageRangeError, match="page 4 is out of range .*3 pages"):
        parse_pages("1-4", page_count=3)
    with pytest.raises(PageRangeError, match="1 page\\)"):
        parse_pages("2", page_count=1)


def test_open_range_past_the_end():
    with pytest.raises(PageRangeError, match="out of range"):
        parse_pages("5-", page_count=3)


def test_page_range_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_pages("nope")


def test_not_a_string():
    with pytest.raises(PageRangeError, match="string"):
        parse_pages(3)  # type: ignore[arg-type]


def test_needs_page_count():
    assert needs_page_count("1,5-")
    assert needs_page_count("5 - ")
    assert not needs_page_count("1-3,7")


@given(st.sets(st.integers(min_value=0, max_value=300), min_size=1))
def test_format_then_parse_round_trips(indices):
    assert parse_pages(format_pages(sorted(indices))) == sorted(indices)


@given(st.text(max_size=20))
def test_parse_pages_only_raises_page_range_error(spec):
    try:
        result = parse_pages(spec)
    except PageRangeError:
        return
    assert result == sorted(set(result))
    assert all(i >= 0 for i in result)

"""linenumbers.py: the line numbering of manuscripts and listings, set aside from the text."""

from __future__ import annotations

from helpers.geometry import PROSE, column, page, word

from extractor.layout import analyse_page
from extractor.linenumbers import strip_line_numbers
from extractor.lines import build_lines
from extractor.model import Role
from extractor.pipeline import analyse

LEADING = 12.0


def numbered(words, first: int = 1, x: float = 40.0, step: int = 1, size: float = 7.0,
             right: bool = False):
    """``words`` with a number beside each of their text lines (every ``step``-th line), set
    right-aligned in the left margin (or left-aligned in the right one)."""
    tops = sorted({w.bbox.top for w in words})
    out = list(words)
    for k, top in enumerate(tops):
        if k % step:
            continue
        text = str(first + k)
        width = len(text) * 0.5 * size
        x0 = x if right else x - width
        out.append(word(text, x0, top + 10.0 * 0.8 - 0.8 * size, size))
    return out


def text_of(raw) -> str:
    return analyse("t.pdf", [raw]).to_text()


def test_numbers_left_of_a_column_leave_the_text():
    body, _ = column(PROSE, 72, 300, 100)
    plain = text_of(page(body))
    raw = page(numbered(body, first=51, x=62.0))
    assert text_of(raw) == plain
    margin = [b for b in analyse_page(raw, build_lines(raw.words)).blocks if b.role is Role.MARGIN]
    assert len(margin) == 1 and margin[0].text.split()[:3] == ["51", "52", "53"]


def test_numbers_right_of_a_column_and_every_fifth_line():
    body, _ = column(PROSE, 72, 300, 100)
    plain = text_of(page(body))
    assert text_of(page(numbered(body, first=5, x=400.0, step=5, right=True))) == plain
    assert text_of(page(numbered(body, first=1, x=380.0, right=True, size=10.0))) == plain


def test_listing_numbers_one_space_from_the_code():
    code = [f"\\RequirePackage{{pkg{k}}}" for k in range(12)]
    words = []
    for k, line in enumerate(code):
        words.append(word(str(34 + k), 70.0, 102 + k * LEADING, size=7.0))
        words.append(word(line, 70.0 + 7.0 + 2.0, 100 + k * LEADING))  # "34", a small space
    lines, numbers = strip_line_numbers(build_lines(words))
    assert [ln.text for ln in lines] == code
    assert [ln.text for ln in numbers] == [str(34 + k) for k in range(12)]


def test_lines_opening_with_numbers_that_do_not_count_lines_stay():
    # Years down a table, a short numbered list, and numbers that do not count up by a step.
    years = [w for k in range(8) for w in (word(str(2010 + k), 72, 100 + k * LEADING),
                                           word("12.5", 140, 100 + k * LEADING))]
    listed = [w for k in range(4) for w in (word(str(k + 1), 72, 300 + k * LEADING),
                                            word("apples", 90, 300 + k * LEADING))]
    scattered = [w for k, n in enumerate((3, 17, 4, 9, 120, 8, 5)) for w in (
        word(str(n), 72, 400 + k * LEADING), word("pears", 100, 400 + k * LEADING))]
    for words in (years, listed, scattered):
        lines = build_lines(words)
        assert strip_line_numbers(lines) == (lines, [])


def test_numbers_far_apart_do_not_count_lines():
    # One number per paragraph of several lines: paragraph numbers, not line numbers.
    words = []
    for k in range(7):
        words.append(word(str(k + 1), 60, 100 + k * 60))
        words += [word("text", 80 + 30 * j, 100 + k * 60) for j in range(5)]
    lines = build_lines(words)
    assert strip_line_numbers(lines) == (lines, [])


def test_numbered_entries_of_a_contents_page_stay():
    # Twelve sections, one line each, counting up line by line just as line numbers do; but
    # each number is set in the type of its title.
    words = []
    for k in range(12):
        words.append(word(str(k + 1), 72, 100 + k * LEADING))
        top = 100 + k * LEADING
        words += [word("Section", 90, top), word(str(3 * k + 1), 400, top)]
    lines = build_lines(words)
    assert strip_line_numbers(lines) == (lines, [])
    small = [w if w.bbox.x0 != 72 else word(w.text, 72, w.bbox.top + 2, size=7.0) for w in words]
    assert len(strip_line_numbers(build_lines(small))[1]) == 12  # in small type: line numbers


def test_the_numbering_runs_on_into_a_short_second_column():
    left, _ = column(PROSE, 72, 220, 100)
    right, _ = column(PROSE[:1], 330, 220, 100)
    left_numbered = numbered(left, first=1, x=66.0)
    n = len({w.bbox.top for w in left})
    for size, stripped in ((7.0, True), (8.5, False)):
        words = left_numbered + numbered(right, first=n + 1, x=324.0, size=size)
        _, numbers = strip_line_numbers(build_lines(words))
        assert len(numbers) == n + (len({w.bbox.top for w in right}) if stripped else 0)

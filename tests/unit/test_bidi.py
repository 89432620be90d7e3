"""bidi.py: a page written right to left is read right to left, its Latin runs left to right."""

from __future__ import annotations

from helpers.geometry import page, text_line

from extractor.bidi import ltr_runs, mirror_rtl
from extractor.lines import build_lines
from extractor.pipeline import analyse

# Hebrew words (right to left), drawn from the right edge leftwards as a reader meets them.
HEBREW = ["שלום", "לכל", "הקוראים", "של", "העיתון"]


def rtl_line(words: list[str], right: float, top: float, size: float = 10.0) -> list:
    """Words set right to left from ``right``: the first word stands rightmost."""
    out, x = [], right
    for text in words:
        w = text_line(text, 0, top, size)[0]
        width = w.bbox.width
        out += text_line(text, x - width, top, size)
        x -= width + 0.3 * size
    return out


def test_a_right_to_left_page_reads_from_the_right():
    raw = page(rtl_line(HEBREW, 500, 100) + rtl_line(HEBREW[::-1], 500, 114))
    doc = analyse("t", [raw])
    assert doc.paragraphs[0].text == " ".join(HEBREW + HEBREW[::-1])
    assert doc.pages[0].mirrored and mirror_rtl(mirror_rtl(raw)) == mirror_rtl(raw)
    # Unmirrored, the line reads from the left: backwards.
    lines = build_lines(raw.words)
    assert lines[0].text.split() == HEBREW[::-1]


def test_a_latin_run_inside_a_right_to_left_line_keeps_its_order():
    words = rtl_line(HEBREW[:2], 500, 100)
    left = min(w.bbox.x0 for w in words) - 3
    latin = text_line("Tel Aviv - Yafo", 0, 100)
    width = max(w.bbox.x1 for w in latin)
    words += text_line("Tel Aviv - Yafo", left - width, 100)
    words += rtl_line(HEBREW[2:], left - width - 3, 100)
    raw = mirror_rtl(page(words))
    (line,) = [ltr_runs(ln) for ln in build_lines(raw.words)]
    assert line.text == " ".join(HEBREW[:2] + ["Tel", "Aviv", "-", "Yafo"] + HEBREW[2:])


def test_a_page_of_latin_text_with_a_hebrew_word_is_not_mirrored():
    raw = page(text_line("The word שלום means peace and is said on meeting and parting.", 72, 100))
    assert mirror_rtl(raw) is raw

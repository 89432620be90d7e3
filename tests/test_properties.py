"""Properties of the layout on random geometry (hypothesis): words -> lines -> blocks -> repair.

* nothing crashes, whatever the boxes and sizes;
* every input word comes out exactly once among the page's blocks (nothing lost or invented);
* the result does not depend on the order in which the PDF drew the words.

Words get unique multi-letter texts ("w17"), so the line stage's letter-spacing join and
fake-bold dedupe (which rightly merge or drop words) do not apply to them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.layout import analyse_page
from extractor.lines import build_lines
from extractor.load import RawPage
from extractor.model import BBox, Page, Word
from extractor.options import ExtractOptions
from extractor.repair import repair_document

WIDTH, HEIGHT = 612.0, 792.0
SIZES = st.sampled_from([6.0, 8.0, 9.0, 10.0, 11.0, 12.0, 14.0, 18.0, 24.0])
COORD = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def word_boxes(draw: st.DrawFn) -> tuple[float, float, float, float, bool]:
    """(x0, top, size, width factor, upright) of one word, anywhere on the page."""
    size = draw(SIZES)
    x0 = draw(COORD) * (WIDTH - 10)
    top = draw(COORD) * (HEIGHT - size * 1.3)
    stretch = draw(st.floats(min_value=0.3, max_value=3.0))
    upright = draw(st.integers(0, 19)) > 0  # one word in 20 is rotated
    return x0, top, size, stretch, upright


def make_words(boxes: list[tuple[float, float, float, float, bool]]) -> list[Word]:
    words = []
    for i, (x0, top, size, stretch, upright) in enumerate(boxes):
        text = f"w{i}"
        width = min(WIDTH - x0, len(text) * size * 0.5 * stretch)
        bbox = BBox(x0, top, x0 + width, top + size * 1.2)
        words.append(
            Word(text, bbox, "Helvetica", size, baseline=top + size, upright=upright, page=0)
        )
    return words


@st.composite
def columns_page(draw: st.DrawFn) -> list[tuple[float, float, float, float, bool]]:
    """Words set in 1-4 columns of regular lines, with some jitter: text-like geometry."""
    ncols = draw(st.integers(1, 4))
    size = draw(SIZES)
    gutter = draw(st.floats(min_value=2, max_value=40))
    col_w = (WIDTH - 100 - gutter * (ncols - 1)) / ncols
    nlines = draw(st.integers(1, 25))
    boxes = []
    for c in range(ncols):
        left = 50 + c * (col_w + gutter)
        for k in range(nlines):
            x = left
            top = 60 + k * size * draw(st.sampled_from([1.15, 1.2, 1.5]))
            while x < left + col_w - size and len(boxes) < 400:
                jitter = draw(st.floats(min_value=-0.3, max_value=0.3))
                boxes.append((x, top + jitter, size, 1.0, True))
                x += size * 1.5 + size * draw(st.sampled_from([0.25, 0.3, 0.6]))
            if draw(st.booleans()):
                break  # ragged column bottoms
    return boxes


def run_layout(words: list[Word]) -> Page:
    raw = RawPage(0, WIDTH, HEIGHT, tuple(words))
    page = analyse_page(raw, build_lines(raw.words), first_page=True)
    doc = repair_document("random.pdf", (page,), ExtractOptions())
    assert isinstance(doc.to_text(), str)
    return doc.pages[0]


def output_words(page: Page) -> Counter[str]:
    return Counter(w.text for b in page.blocks for ln in b.lines for w in ln.words)


def assert_order_free(words: list[Word], page: Page, rnd) -> None:
    """Shuffled input, same blocks. Words drawn at one and the same spot are told apart by
    nothing but their input order, so those inputs are left out of this check."""
    assume(len({(w.bbox.x0, w.bbox.top) for w in words}) == len(words))
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert blocks_signature(run_layout(shuffled)) == blocks_signature(page)


def blocks_signature(page: Page) -> list[tuple]:
    return [
        (b.role, b.order, b.column, tuple(tuple(w.text for w in ln.words) for ln in b.lines))
        for b in page.blocks
    ]


SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.lists(word_boxes(), max_size=120), st.randoms(use_true_random=False))
def test_random_words_are_kept_once_and_order_free(boxes, rnd):
    words = make_words(boxes)
    page = run_layout(words)
    assert output_words(page) == Counter(w.text for w in words)
    assert_order_free(words, page, rnd)


@SETTINGS
@given(columns_page(), st.randoms(use_true_random=False))
def test_column_pages_are_kept_once_and_order_free(boxes, rnd):
    words = make_words(boxes)
    page = run_layout(words)
    assert output_words(page) == Counter(w.text for w in words)
    assert_order_free(words, page, rnd)


def test_empty_page():
    page = run_layout([])
    assert page.blocks == () and page.no_text

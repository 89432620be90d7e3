"""orientation: a page whose text runs up, down or upside down is read as if turned upright;
a page that reads upright, or only has a turned stamp in its margin, is left alone."""

from __future__ import annotations

import pytest
from helpers.geometry import PROSE, column, page, word

from extractor.layout import analyse_page
from extractor.lines import build_lines
from extractor.model import BBox, Role, Word
from extractor.orientation import turn_of, turn_upright
from extractor.repair import repair_document
from extractor.options import ExtractOptions

W, H = 612.0, 792.0


def sideways(w: Word, turn: int) -> Word:
    """The word as it lies on the page before the reader turns the page by ``turn`` degrees
    clockwise: the inverse of reading it, written out for each turn."""
    b = w.bbox
    if turn == 90:  # the text runs up the page
        box = BBox(b.top, W - b.x1, b.bottom, W - b.x0)
    elif turn == 270:  # the text runs down the page
        box = BBox(H - b.bottom, b.x0, H - b.top, b.x1)
    else:
        box = BBox(W - b.x1, H - b.bottom, W - b.x0, H - b.top)
    return Word(w.text, box, w.font, w.size, w.bold, w.italic, box.bottom, False, w.page, turn)


def two_columns() -> list[Word]:
    left, _ = column(PROSE[:2], 50, 240, 80)
    right, _ = column(PROSE[2:], 322, 240, 80)
    return left + right


def read(raw) -> str:
    analysed = analyse_page(raw, build_lines(raw.words))
    return repair_document("t", (analysed,), ExtractOptions()).to_text()


@pytest.mark.parametrize(
    ("dx", "dy", "turn"),
    [(1, 0, 0), (-1, 0, 180), (0, -1, 90), (0, 1, 270), (0.7, -0.7, -1), (0.99, 0.05, 0)],
)
def test_turn_of_a_writing_direction(dx, dy, turn):
    assert turn_of(dx, dy) == turn


def test_an_upright_page_is_left_as_it_is():
    raw = page(two_columns())
    assert turn_upright(raw) is raw


def test_a_turned_stamp_in_the_margin_does_not_turn_the_page():
    stamp = [sideways(word(t, 300 + 30 * i, 20), 90) for i, t in enumerate("arXiv:2101.00001v1 [cs.CL] 1 Jan 2021".split())]
    raw = page(two_columns() + stamp)
    assert turn_upright(raw) is raw


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_sideways_page_reads_as_the_upright_one(turn):
    upright = page(two_columns(), width=W, height=H)
    width, height = (H, W) if turn in (90, 270) else (W, H)
    turned = page([sideways(w, turn) for w in upright.words], width=width, height=height)
    # Unturned, its text is read as turned text on an upright page: sidebars, not the flow.
    assert {b.role for b in analyse_page(turned, build_lines(turned.words)).blocks} == {Role.SIDEBAR}
    fixed = turn_upright(turned)
    assert (fixed.turn, fixed.width, fixed.height) == (turn, W, H)
    assert read(fixed) == read(upright)
    assert all(w.upright and w.turn == 0 for w in fixed.words)


def test_an_upright_page_number_on_a_turned_page_turns_the_other_way():
    body = [sideways(w, 90) for w in two_columns()]
    number = word("17", 300, 770)
    fixed = turn_upright(page(body + [number], width=H, height=W))
    turned_number = [w for w in fixed.words if w.text == "17"][0]
    assert fixed.turn == 90 and not turned_number.upright and turned_number.turn == 270
    analysed = analyse_page(fixed, build_lines(fixed.words))
    assert [b.role for b in analysed.blocks if b.text == "17"] == [Role.MARGIN]


def test_turned_text_of_some_size_on_an_upright_page_is_read_after_the_flow():
    # A note of four lines set along the right edge of an upright two-column page: read
    # upright, as a sidebar after the columns; a one-line stamp beside it stays margin text.
    caption = ("Dredging campaigns by decade, with the volume of spoil taken out of the "
               "channel and where it was dumped, as the harbour office recorded them.")
    along, _ = column([caption], 120, 260, 566, size=8, leading=9.5)
    stamp = [sideways(w, 90) for w in column(["arXiv:2405.01234v1 [cs.DL] 3 May 2024"], 300, 300, 10, size=9)[0]]
    raw = page(two_columns() + [sideways(w, 90) for w in along] + stamp)
    doc = repair_document("t", (analyse_page(raw, build_lines(raw.words)),), ExtractOptions())
    assert [p.text for p in doc.paragraphs] == [*PROSE, caption]
    assert doc.paragraphs[-1].role is Role.SIDEBAR
    blocks = doc.pages[0].blocks
    assert [b.role for b in blocks if b.text.startswith("arXiv")] == [Role.MARGIN]
    assert all(b.bbox.x1 <= W and b.bbox.bottom <= H for b in blocks)  # boxes on the page

"""Data tables read row by row; author grids, contents pages and formulas left as they are."""

from __future__ import annotations

import random
from dataclasses import replace

from helpers.geometry import PROSE, column, page, text_line

from extractor.blocks import build_blocks
from extractor.lines import build_lines
from extractor.model import Block, Line
from extractor.pipeline import analyse
from extractor.tables import _data_table

LEFT, WIDTH = 72.0, 468.0


def _page_with_grid(rows: list[list[str]], xs: list[float], seed: int = 0) -> list:
    """Prose, a grid of cells (one row every 14 pt, cells at ``xs``), prose; words shuffled."""
    words, y = column(PROSE[:1], LEFT, WIDTH, 72.0)
    y += 14.0
    for row in rows:
        for text, x in zip(row, xs, strict=True):
            if text:
                words += text_line(text, x, y)
        y += 14.0
    more, _ = column(PROSE[1:2], LEFT, WIDTH, y + 14.0)
    words += more
    random.Random(seed).shuffle(words)
    return words


def _text(words: list) -> str:
    return analyse("t.pdf", [page(words)]).to_text()


DATA = [
    ["Licence", "Projects", "Share"],
    ["GPL-3.0", "412", "41%"],
    ["Apache-2.0", "305", "31%"],
    ["MIT", "1,204", "12%"],
]
XS = [72.0, 232.0, 392.0]


def test_a_data_table_is_read_row_by_row():
    text = _text(_page_with_grid(DATA, XS))
    assert "Licence Projects Share GPL-3.0 412 41% Apache-2.0 305 31% MIT 1,204 12%" in text
    # the prose around it is untouched and in place
    assert text.index(PROSE[0][:40]) < text.index("Licence") < text.index(PROSE[1][:40])


def test_whatever_the_stream_order():
    outputs = {_text(_page_with_grid(DATA, XS, seed)) for seed in range(5)}
    assert len(outputs) == 1


def test_an_author_grid_is_read_author_by_author():
    grid = [
        ["Ann Author", "Ben Writer", "Cy Scholar"],
        ["75005", "10115", "02139"],
        ["+33 144 2700", "+49 30 2093", "+1 617 253"],
        ["ann@uni.edu", "ben@inst.org", "cy@school.edu"],
    ]
    # figures in half the cells, as a table's; the e-mail addresses say it is an author grid
    text = _text(_page_with_grid(grid, XS))
    assert "Ann Author 75005 +33 144 2700 ann@uni.edu" in text.replace("\n\n", " ")


def test_a_contents_page_column_of_page_numbers_is_no_data():
    # Entries and their page numbers (rising down the page): the numbers alone are not a
    # table's figures, so the entries are not interleaved with another column's.
    toc = [["1 Introduction", "1", "4 Results", "9"], ["2 Methods", "3", "5 Discussion", "12"],
           ["3 Data", "5", "6 Summary", "15"]]
    xs = [72.0, 250.0, 300.0, 520.0]
    blocks = build_blocks(build_lines(_page_with_grid(toc, xs)))
    cells = [b for b in blocks if len(b.lines) == 3]
    assert len(cells) == 4
    assert not _data_table(cells, 10.0)
    assert _data_table(cells[:1] + [_figures(b) for b in cells[1:]], 10.0)


def _figures(block: Block) -> Block:
    """The block with its whole numbers falling down the column, as a table's data do."""
    words = [replace(ln.words[0], text=str(100 - k)) if ln.text.isdigit() else ln.words[0]
             for k, ln in enumerate(block.lines)]
    return Block.of([Line.of([w, *ln.words[1:]]) for w, ln in zip(words, block.lines, strict=True)])


def test_a_formula_set_in_cells_is_no_data_table():
    matrix = [["a11 = 2", "a12 = 0", "a13 = 1"], ["a21 = 4", "a22 = 3", "a23 = 5"]]
    text = _text(_page_with_grid(matrix, XS))
    assert "a11 = 2 a21 = 4" in text.replace("\n\n", " ")


def test_narrow_prose_columns_side_by_side_are_not_cells():
    words, _ = column(PROSE[:2], 72.0, 140.0, 72.0)
    right, _ = column(PROSE[2:4], 240.0, 140.0, 72.0)
    text = _text(words + right)
    assert PROSE[0] in text and PROSE[2] in text

"""tables: the cells of a data table read row by row, not column by column.

A table whose columns stand apart by more than a word space falls into one block per column
(or per piece of a column), as the columns of a page do, and would be read down each column
in turn: "Licence GPL-3.0 Apache-2.0 Projects 412 305 ...". Here such blocks, side by side
with their lines on shared rows, are put back together as one block of rows, each row read
left to right: "Licence Projects Share / GPL-3.0 412 41% / ...".

Only data tables: short cells on two rows or more, a good share of them holding figures.
Blocks of names or addresses side by side (an author grid, a list set in columns) share
rows too, but are read down each column, as their entries run.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from extractor.model import Block, Line, Role
from extractor.roles import body_size

MAX_CELL_WORDS = 6  # words on a line of a cell; prose runs longer
MAX_MEAN_WORDS = 3.5  # words a line of a column of cells holds on average (narrow prose: more)
MAX_CELL_LINES = 40  # lines of one column block: a longer one is a column of text
NUMERIC_SHARE = 0.4  # share of a table's cells that hold a figure
SHARED_ROWS = 0.67  # share of a table's rows with two cells or more
ROW_TOLERANCE = 0.25  # baselines this many type sizes apart are one row


def merge_table_rows(
    blocks: list[Block], roles: list[Role], body: float | None = None
) -> tuple[list[Block], list[Role]]:
    """``blocks`` (with their ``roles``) where the column blocks of each data table are one
    block of rows; unchanged when the page holds no such table (the common case). ``body``:
    the body type size, when known (else the page's)."""
    cells = [i for i, b in enumerate(blocks) if roles[i] in _CELL_ROLES and _cell_block(b)]
    if len(cells) < 2:
        return blocks, roles
    size = body or body_size(blocks) or 10.0
    parent = {i: i for i in cells}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for n, i in enumerate(cells):
        for j in cells[n + 1 :]:
            if _side_by_side_on_rows(blocks[i], blocks[j], size):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in cells:
        groups.setdefault(find(i), []).append(i)
    tables = [
        g for g in groups.values() if len(g) >= 2 and _data_table([blocks[i] for i in g], size)
    ]
    if not tables:
        return blocks, roles
    merged: dict[int, Block] = {}
    dropped: set[int] = set()
    for group in tables:
        group.sort()
        merged[group[0]] = Block.of(_rows([ln for i in group for ln in blocks[i].lines], size))
        dropped.update(group[1:])
    out_blocks, out_roles = [], []
    for i, b in enumerate(blocks):
        if i in dropped:
            continue
        out_blocks.append(merged.get(i, b))
        out_roles.append(Role.TABLE if i in merged else roles[i])
    return out_blocks, out_roles


_CELL_ROLES = (Role.BODY, Role.HEADING)


def _cell_block(b: Block) -> bool:
    """Short lines, as a table's cells are (a narrow column of prose has more words)."""
    counts = [len(ln.words) for ln in b.lines]
    return (
        len(counts) <= MAX_CELL_LINES
        and max(counts) <= MAX_CELL_WORDS
        and sum(counts) <= MAX_MEAN_WORDS * len(counts)
    )


def _side_by_side_on_rows(a: Block, b: Block, size: float) -> bool:
    """Do two blocks stand side by side (apart horizontally, level vertically), with two or
    more lines of the one on baselines of the other (or every line, for a block of one)?"""
    if a.bbox.h_overlap(b.bbox) >= 0 or a.bbox.v_overlap(b.bbox) <= 0:
        return False
    shorter, other = (a, b) if len(a.lines) <= len(b.lines) else (b, a)
    shared = sum(_on_a_row(ln, other.lines, size) for ln in shorter.lines)
    return shared >= min(2, len(shorter.lines))


def _on_a_row(line: Line, lines: tuple[Line, ...], size: float) -> bool:
    return any(abs(line.baseline - o.baseline) <= ROW_TOLERANCE * size for o in lines)


def _data_table(group: list[Block], size: float) -> bool:
    """Two rows or more with cells of two blocks or more, most rows such (a row may have
    one cell filled), figures in a good share of the cells and in two columns or more, and
    no mathematics."""
    lines = [ln for b in group for ln in b.lines]
    rows = _row_groups(lines, size)
    shared = sum(len(row) >= 2 for row in rows)
    if shared < 2 or shared < SHARED_ROWS * len(rows):
        return False
    if any(_MATH.search(ln.text) or "@" in ln.text for ln in lines):
        return False  # a displayed formula's pieces, or an author grid's e-mail addresses
    folios = _page_numbers(lines, size)
    figures = [[_figure(ln.text) and id(ln) not in folios for ln in b.lines] for b in group]
    columns = sum(any(f) for f in figures)
    share = sum(map(sum, figures))
    return columns >= 2 and share >= NUMERIC_SHARE * len(lines)


def _page_numbers(lines: list[Line], size: float) -> set[int]:
    """ids of the lines that are a contents page's numbers: whole numbers set flush right one
    under another, never falling from top to bottom (a column of data goes up and down)."""
    whole = sorted((ln for ln in lines if ln.text.isdigit()), key=lambda ln: ln.baseline)
    out: set[int] = set()
    while whole:
        right = whole[0].bbox.x1
        column = [ln for ln in whole if abs(ln.bbox.x1 - right) <= size]
        whole = [ln for ln in whole if abs(ln.bbox.x1 - right) > size]
        numbers = [int(ln.text) for ln in column]
        if len(column) >= 2 and all(a <= b for a, b in pairwise(numbers)):
            out.update(id(ln) for ln in column)
    return out


# Mathematics: an equals sign or relation, an operator of a formula, a letter of the
# Mathematical Alphanumeric Symbols (a matrix or a fraction set in cells is no data table).
_MATH = regex.compile("[=<>\u2211\u220f\u222b\u2202\u2264\u2265\u2248\u00b1\U0001D400-\U0001D7FF]")


_FIGURE_MARKS = frozenset("0123456789.,%+-\u2212()$\u20ac\u00a3/: ")


def _figure(text: str) -> bool:
    """A cell of figures ("412", "41%", "9,049,912", "$3.5"): digits and their marks make at
    least half of it ("GPL-3.0" or "author1" are words with a digit)."""
    if not any(ch.isdigit() for ch in text):
        return False
    return sum(ch in _FIGURE_MARKS for ch in text) >= 0.5 * len(text)


def _row_groups(lines: list[Line], size: float) -> list[list[Line]]:
    """The lines grouped into rows by baseline, top to bottom."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.baseline):
        if rows and ln.baseline - rows[-1][0].baseline <= ROW_TOLERANCE * size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _rows(lines: list[Line], size: float) -> list[Line]:
    """One line per row, its cells left to right."""
    return [
        Line.of([w for ln in sorted(row, key=lambda ln: ln.bbox.x0) for w in ln.words])
        for row in _row_groups(lines, size)
    ]

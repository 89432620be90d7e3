"""layout: one page's Lines -> Page with Blocks in reading order, each with its role.

Geometry only: blocks from lines (blocks.py), roles from position and type (roles.py),
reading order by a topological sort (order.py), and column indices from the horizontal
extent of the body blocks.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.blocks import build_blocks
from extractor.load import RawPage
from extractor.model import Block, Line, Page, Role
from extractor.order import reading_order
from extractor.roles import assign_roles


def analyse_page(raw: RawPage, lines: list[Line], *, first_page: bool = True) -> Page:
    """Blocks of the page in reading order; rotated margin text last, as ``MARGIN``."""
    upright = [ln for ln in lines if ln.words[0].upright]
    rotated = [ln for ln in lines if not ln.words[0].upright]
    blocks = build_blocks(upright)
    roles = assign_roles(blocks, raw.width, raw.height, first_page, raw.rules)
    blocks = [replace(b, role=r) for b, r in zip(blocks, roles)]
    order = reading_order([b.bbox for b in blocks])
    columns = find_columns([b for b in blocks if b.role is Role.BODY])
    ordered = [
        replace(blocks[i], order=n, column=column_of(blocks[i], columns))
        for n, i in enumerate(order)
    ]
    ordered += [
        replace(b, role=Role.MARGIN, order=len(ordered) + k)
        for k, b in enumerate(Block.of([ln]) for ln in rotated)
    ]
    return Page(raw.number, raw.width, raw.height, tuple(ordered), tuple(columns), no_text=not lines)


def find_columns(blocks: list[Block]) -> list[tuple[float, float]]:
    """Column extents (x0, x1), left to right, from the body blocks.

    Blocks are taken narrowest first; one that reaches across two columns already found is
    a spanning block and founds no column.
    """
    columns: list[list[float]] = []
    for b in sorted(blocks, key=lambda b: b.bbox.width):
        hits = [c for c in columns if min(c[1], b.bbox.x1) - max(c[0], b.bbox.x0) > 2]
        if len(hits) > 1:
            continue
        if hits:
            hits[0][0] = min(hits[0][0], b.bbox.x0)
            hits[0][1] = max(hits[0][1], b.bbox.x1)
        else:
            columns.append([b.bbox.x0, b.bbox.x1])
    return sorted((c[0], c[1]) for c in columns)


def column_of(block: Block, columns: list[tuple[float, float]]) -> int:
    """Index of the column holding ``block``; -1 when it spans several or none."""
    hits = [i for i, (x0, x1) in enumerate(columns) if min(x1, block.bbox.x1) - max(x0, block.bbox.x0) > 2]
    return hits[0] if len(hits) == 1 else -1

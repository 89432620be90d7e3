"""layout: one page's Lines -> Page with Blocks in reading order, each with its role.

Geometry only: blocks from lines (blocks.py), roles from position and type (roles.py),
reading order by a topological sort (order.py), and column indices from the horizontal
extent of the body blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractor.bidi import ltr_runs
from extractor.blocks import build_blocks
from extractor.linenumbers import strip_line_numbers
from extractor.load import RawPage
from extractor.model import BBox, Block, Line, Page, Role
from extractor.order import reading_order
from extractor.roles import assign_roles, body_of, body_size, listing, size_chars
from extractor.sideways import read_sideways
from extractor.tables import merge_table_rows


def analyse_page(
    raw: RawPage, lines: list[Line], *, first_page: bool = True, body: float | None = None
) -> Page:
    """Blocks of the page in reading order; margin text (rotated, line numbers) last, as
    ``MARGIN``. ``body`` is the body type size when the document knows it better than the
    page does (see :func:`body_too_large`)."""
    lines, numbers = strip_line_numbers(lines)
    if raw.mirrored:
        lines = [ltr_runs(ln) for ln in lines]
    upright: list[Line] = []
    rotated: list[Line] = []
    artifacts: list[Line] = []
    for ln in lines:
        if not ln.words[0].upright:
            rotated.append(ln)
        else:
            (upright if _has_words(ln) else artifacts).append(ln)
    blocks = build_blocks(upright)
    size = body or body_size(blocks) or 10.0  # measured once, for the roles and the tables
    roles = assign_roles(blocks, raw.width, raw.height, first_page, raw.rules, size)
    blocks, roles = merge_table_rows(blocks, roles, size)
    # Blocks are built anew rather than through dataclasses.replace, which costs several
    # times more and runs twice for every block of every page.
    blocks = [Block(b.lines, b.bbox, r, b.column, b.order, b.size) for b, r in zip(blocks, roles)]
    columns = find_columns([b for b in blocks if b.role is Role.BODY or b.role is Role.TABLE])
    order = [i for unit in reading_order_of_units(blocks, raw.rules, len(columns)) for i in unit]
    ordered = []
    for n, i in enumerate(order):
        b = blocks[i]
        ordered.append(Block(b.lines, b.bbox, b.role, column_of(b, columns), n, b.size))
    if rotated:  # turned text of some size is read, after the flow (see sideways.py)
        sideways, rotated = read_sideways(raw, rotated)
        ordered += [replace(b, order=len(ordered) + k) for k, b in enumerate(sideways)]
    aside = [(Role.MARGIN, ln) for ln in rotated] + [(Role.ARTIFACT, ln) for ln in artifacts]
    ordered += [
        replace(Block.of([ln]), role=role, order=len(ordered) + k)
        for k, (role, ln) in enumerate(aside)
    ]
    if numbers:  # the line numbering, one block for the page
        ordered.append(replace(Block.of(numbers), role=Role.MARGIN, order=len(ordered)))
    return Page(
        raw.number,
        raw.width,
        raw.height,
        tuple(ordered),
        tuple(columns),
        no_text=not lines,
        turn=raw.turn,
        mirrored=raw.mirrored,
    )


DOCUMENT_PROSE_SHARE = 0.25  # share of a page's characters in prose of the document's body type


def page_chars(page: Page) -> dict[float, int]:
    """Characters per type size of the page's text (not margin text or artifacts)."""
    return size_chars([b for b in page.blocks if b.role not in _ASIDE])


def document_body_size(counts: Sequence[dict[float, int]]) -> float:
    """The body type size of several pages together (their :func:`page_chars`), by the rule
    of :func:`body_size`."""
    total: dict[float, int] = {}
    for chars in counts:
        for s, c in chars.items():
            total[s] = total.get(s, 0) + c
    return body_of(total)


def body_too_large(page: Page, size: float, chars: dict[float, int] | None = None) -> bool:
    """Did the page take a larger type than the document's body type for its body, while
    prose in the document's body type fills a good share of it? A first page whose author
    grid outweighs its abstract does: the abstract and text were then set apart as small
    type. Such a page is analysed again with the document's body size. Code listings are no
    prose here: a manual's listings may be set in the size that carries most of its text."""
    blocks = [b for b in page.blocks if b.role not in _ASIDE]
    own = body_of(chars) if chars is not None else body_size(blocks)
    if not size or not blocks or own <= 1.1 * size:
        return False
    prose = sum(
        len(b.text)
        for b in blocks
        if len(b.lines) >= 2 and abs(b.size - size) <= 0.05 * size and not listing(b)
    )
    return prose >= DOCUMENT_PROSE_SHARE * sum(len(b.text) for b in blocks)


_ASIDE = (Role.MARGIN, Role.ARTIFACT)


def _has_words(line: Line) -> bool:
    """False for lines of punctuation only (dotted leaders, rows of dashes); a line of code's
    punctuation (a closing brace "};", a comment rule "% *****") is text."""
    for w in line.words:
        if w.text.isalnum() or any(ch.isalnum() or ch in _CODE_MARKS for ch in w.text):
            return True
    return False


_CODE_MARKS = frozenset("{}%#\\")


MAX_FENCES = 50  # wide rules considered per page (a ruled table needs no more)


def reading_order_of_units(
    blocks: list[Block], rects: tuple[BBox, ...] = (), columns: int = 2
) -> list[list[int]]:
    """Reading order of the blocks, a heading kept with the block it introduces.

    A heading is read with what follows it: when it stands just above a block it overlaps,
    the two are ordered as one unit, so a section heading over a spanning title closes the
    columns above it just as the title does. The title takes no block with it: it is read
    first anyway, and the block under it that it happens to overlap (the top of the right
    column, a little higher than the left column's first heading) is not always read next.
    """
    units: list[list[int]] = []
    owner: dict[int, int] = {}
    by_top = sorted(range(len(blocks)), key=lambda i: blocks[i].bbox.top)
    for pos, i in enumerate(by_top):
        if i in owner:
            continue
        unit = [i]
        owner[i] = len(units)
        units.append(unit)
        current = i
        while blocks[current].role is Role.HEADING:
            nxt = _introduced(blocks, current, by_top[pos + 1 :], owner)
            if nxt is None:
                break
            unit.append(nxt)
            owner[nxt] = owner[i]
            current = nxt
    boxes = [BBox.enclosing([blocks[i].bbox for i in unit]) for unit in units]
    fences = _fences(rects, boxes)
    order = [k for k in reading_order(boxes + fences, columns=columns) if k < len(units)]
    # The title is read first, even beside a column of author blocks that starts lower.
    titled = [k for k in order if blocks[units[k][0]].role is Role.TITLE]
    return [units[k] for k in titled + [k for k in order if k not in titled]]


def _fences(rects: tuple[BBox, ...], boxes: list[BBox]) -> list[BBox]:
    """Drawn rules, and the top and bottom edges of drawn boxes, that reach across most of
    the text: they close the columns above them as a spanning heading does."""
    if not rects or not boxes:
        return []
    left = min(b.x0 for b in boxes)
    right = max(b.x1 for b in boxes)
    wide = 0.6 * (right - left)
    fences: list[BBox] = []
    for r in rects:
        if r.width < wide:
            continue
        edges = (r.top,) if r.height < 2 else (r.top, r.bottom)
        fences.extend(BBox(r.x0, y, r.x1, y) for y in edges)
    return fences[:MAX_FENCES]


def _introduced(blocks: list[Block], head: int, below: list[int], taken: dict[int, int]) -> int | None:
    """The block a heading introduces: the nearest one below it that it overlaps."""
    h = blocks[head]
    for j in below:
        b = blocks[j]
        if b.bbox.top - h.bbox.bottom > 1.5 * (h.size or 10.0):
            return None
        if j not in taken and b.bbox.top >= h.bbox.bottom - 1 and h.bbox.h_overlap(b.bbox) > 2:
            return j
    return None


def find_columns(blocks: list[Block]) -> list[tuple[float, float]]:
    """Column extents (x0, x1), left to right, from the body blocks.

    Blocks are taken narrowest first; one that reaches across two columns already found is
    a spanning block and founds no column. A short line over the gutter (a centred byline)
    can found a column that then takes in the columns on both sides of it: when taking the
    blocks of several lines first finds more columns, those are the page's columns.
    """
    found = _columns(sorted(blocks, key=lambda b: b.bbox.width))
    if len(found) == 1:
        ruled = _columns(sorted(blocks, key=lambda b: (len(b.lines) < 2, b.bbox.width)))
        if len(ruled) > 1:
            return ruled
    return found


def _columns(blocks: list[Block]) -> list[tuple[float, float]]:
    columns: list[list[float]] = []
    for b in blocks:
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

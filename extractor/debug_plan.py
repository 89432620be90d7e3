"""debug_plan: Page -> the overlay drawing plan of ``extractor debug`` (pure; drawn by debug.py).

What the layout analyser saw, drawn over the page: every block's box in the colour of its role
(outline plus a translucent fill), its reading-order number (1-based) in a badge at its top-left
corner, an arrow from each block to the next one in reading order, the detected columns' edges
as dashed vertical lines, and a small legend in the emptiest corner.

:func:`plan_page` is a pure function of a :class:`~extractor.model.Page`: it returns every
drawing operation with its geometry in PDF points (origin top-left, y down, the model's
coordinates), so tests and other renderers can check or redraw it; :mod:`extractor.debug`
draws it with PyMuPDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from extractor.model import BBox, Page, Role

Colour = tuple[float, float, float]  # RGB, each 0..1
Point = tuple[float, float]

DEFAULT_DPI = 110  # an A4 page is 909 x 1286 pixels: readable on a laptop screen
MIN_DPI, MAX_DPI = 18, 600

# One colour per role (Tableau-like, distinct on white and on each other).
ROLE_COLOURS: dict[Role, Colour] = {
    Role.BODY: (0.122, 0.467, 0.706),  # blue
    Role.HEADING: (1.000, 0.498, 0.055),  # orange
    Role.TITLE: (0.839, 0.153, 0.157),  # red
    Role.AUTHOR: (0.890, 0.467, 0.761),  # pink
    Role.LIST_ITEM: (0.090, 0.745, 0.812),  # cyan
    Role.CAPTION: (0.173, 0.627, 0.173),  # green
    Role.FOOTNOTE: (0.549, 0.337, 0.294),  # brown
    Role.SIDEBAR: (0.737, 0.741, 0.133),  # olive
    Role.HEADER: (0.416, 0.239, 0.604),  # dark purple
    Role.FOOTER: (0.498, 0.498, 0.498),  # grey
    Role.PAGE_NUMBER: (0.902, 0.671, 0.008),  # mustard
    Role.MARGIN: (1.000, 0.000, 1.000),  # magenta
    Role.NOTE: (0.000, 0.502, 0.502),  # teal
    Role.ARTIFACT: (0.302, 0.349, 0.400),  # slate
    Role.PULL_QUOTE: (0.800, 0.200, 0.400),  # raspberry
    Role.TABLE: (0.553, 0.827, 0.200),  # lime
}
FILL_OPACITY = 0.18  # a box's fill over white is 255 * (1 - a) + 255 * a * colour
OUTLINE_WIDTH = 1.2  # points
BOX_PAD = 1.5  # points the box stands outside the block's text
ARROW_COLOUR: Colour = (0.12, 0.12, 0.12)
ARROW_OPACITY = 0.75
ARROW_WIDTH = 1.0
ARROW_HEAD = 5.0  # length of the arrowhead's sides, points
COLUMN_COLOUR: Colour = (0.35, 0.35, 0.35)
COLUMN_DASHES = "[4 3] 0"
LABEL_SIZE = 8.0  # font size of order numbers, points
LEGEND_SIZE = 7.0
CHAR_WIDTH = 0.56  # mean Helvetica advance per font size, for digits and role names


@dataclass(frozen=True, slots=True)
class BoxOp:
    """A block's box: outline and translucent fill in its role's colour."""

    rect: BBox
    role: Role
    colour: Colour
    index: int  # position of the block in the page's reading order (0-based)


@dataclass(frozen=True, slots=True)
class NumberOp:
    """A reading-order number (1-based) in a filled badge at its block's top-left corner."""

    text: str
    badge: BBox
    origin: Point  # baseline start of the text
    colour: Colour
    index: int
    text_colour: Colour = (1.0, 1.0, 1.0)  # black on light role colours


@dataclass(frozen=True, slots=True)
class ArrowOp:
    """From block ``index`` to block ``index + 1``, between their boxes' edges."""

    start: Point
    end: Point
    head: tuple[Point, Point, Point]
    index: int


@dataclass(frozen=True, slots=True)
class ColumnOp:
    """A dashed vertical line at one edge of a detected column."""

    x: float
    top: float
    bottom: float
    column: int


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One legend row: ``kind`` is "box" (a role), "arrow" or "column"."""

    label: str
    kind: str
    colour: Colour
    swatch: BBox
    origin: Point


@dataclass(frozen=True, slots=True)
class LegendOp:
    box: BBox
    title: str
    title_origin: Point
    entries: tuple[LegendEntry, ...]


@dataclass(frozen=True, slots=True)
class DebugPlan:
    """Everything to draw over one page, in points; ``ops`` lists it bottom layer first."""

    page: int
    width: float
    height: float
    boxes: tuple[BoxOp, ...]
    columns: tuple[ColumnOp, ...]
    arrows: tuple[ArrowOp, ...]
    numbers: tuple[NumberOp, ...]
    legend: LegendOp

    @property
    def ops(self) -> tuple[Any, ...]:
        return (*self.boxes, *self.columns, *self.arrows, *self.numbers, self.legend)


def role_colour(role: Role) -> Colour:
    return ROLE_COLOURS.get(role, (0.0, 0.0, 0.0))


def plan_page(page: Page) -> DebugPlan:
    """The drawing plan of ``page``: pure, geometry in points, blocks in reading order."""
    boxes = tuple(
        BoxOp(_pad(b.bbox, BOX_PAD, page), b.role, role_colour(b.role), i)
        for i, b in enumerate(page.blocks)
    )
    arrows = tuple(_arrow(a.rect, b.rect, a.index) for a, b in pairwise(boxes))
    columns = tuple(
        ColumnOp(x, 0.0, page.height, c)
        for c, (x0, x1) in enumerate(page.columns)
        for x in (x0, x1)
    )
    numbers = _numbers(boxes, page)
    return DebugPlan(
        page.number,
        page.width,
        page.height,
        boxes,
        columns,
        arrows,
        numbers,
        _legend(page, boxes),
    )


def _pad(box: BBox, pad: float, page: Page) -> BBox:
    return BBox(
        max(0.0, box.x0 - pad),
        max(0.0, box.top - pad),
        min(max(page.width, box.x1), box.x1 + pad),
        min(max(page.height, box.bottom), box.bottom + pad),
    )


def _exit_distance(box: BBox, dx: float, dy: float) -> float:
    """How far along the unit direction (dx, dy) a ray from the box's centre leaves the box."""
    limits = []
    if abs(dx) > 1e-9:
        limits.append(box.width / 2 / abs(dx))
    if abs(dy) > 1e-9:
        limits.append(box.height / 2 / abs(dy))
    return min(limits) if limits else 0.0


def _arrow(a: BBox, b: BBox, index: int) -> ArrowOp:
    """Centre to centre, cut to the gap between the two boxes (whole when they overlap).

    ```
    +-----+
    |  a ---->+-----+      the shaft runs from where it leaves a
    +-----+   |  b  |      to where it enters b
              +-----+
    ```
    """
    dx, dy = b.cx - a.cx, b.cy - a.cy
    length = math.hypot(dx, dy)
    if length < 1e-6:
        start, end = (a.cx, a.cy), (b.cx, b.cy + 1.0)
    else:
        ux, uy = dx / length, dy / length
        leave, enter = _exit_distance(a, ux, uy), _exit_distance(b, ux, uy)
        if leave + enter < length - 2 * ARROW_HEAD:
            start = (a.cx + ux * leave, a.cy + uy * leave)
            end = (b.cx - ux * enter, b.cy - uy * enter)
        else:
            start, end = (a.cx, a.cy), (b.cx, b.cy)
    return ArrowOp(start, end, arrow_head(start, end), index)


def arrow_head(start: Point, end: Point) -> tuple[Point, Point, Point]:
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    spread = math.radians(25)
    return (
        end,
        (
            end[0] - ARROW_HEAD * math.cos(angle - spread),
            end[1] - ARROW_HEAD * math.sin(angle - spread),
        ),
        (
            end[0] - ARROW_HEAD * math.cos(angle + spread),
            end[1] - ARROW_HEAD * math.sin(angle + spread),
        ),
    )


def _numbers(boxes: tuple[BoxOp, ...], page: Page) -> tuple[NumberOp, ...]:
    """Badges just left of each box's top-left corner (inside it at the page's left edge);
    a badge that would cover an earlier one moves down."""
    height = LABEL_SIZE + 3
    placed: list[BBox] = []
    out = []
    for box in boxes:
        text = str(box.index + 1)
        width = len(text) * CHAR_WIDTH * LABEL_SIZE + 4
        x0 = box.rect.x0 - width if box.rect.x0 >= width else box.rect.x0
        top = box.rect.top
        badge = BBox(x0, top, x0 + width, top + height)
        for _ in range(20):
            if not any(badge.h_overlap(p) > 0 and badge.v_overlap(p) > 0 for p in placed):
                break
            top += height + 1
            badge = BBox(x0, top, x0 + width, top + height)
        placed.append(badge)
        origin = (badge.x0 + 2, badge.bottom - 2.6)
        out.append(NumberOp(text, badge, origin, box.colour, box.index, _ink_on(box.colour)))
    return tuple(out)


def _ink_on(colour: Colour) -> Colour:
    """Black digits on light colours (mustard, olive, pink, orange), white on the others."""
    r, g, b = colour
    return (0.0, 0.0, 0.0) if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else (1.0, 1.0, 1.0)


def _legend(page: Page, boxes: tuple[BoxOp, ...]) -> LegendOp:
    """Roles present on the page, the arrow and the column edge, in the emptiest corner."""
    present = {b.role for b in boxes}
    rows: list[tuple[str, str, Colour]] = [
        (role.value, "box", role_colour(role)) for role in Role if role in present
    ]
    rows.append(("reading order", "arrow", ARROW_COLOUR))
    if page.columns:
        rows.append((f"column edge ({len(page.columns)})", "column", COLUMN_COLOUR))
    title = f"page {page.number + 1}" + (" (no text)" if page.no_text else "")
    row_h, pad, swatch_w = LEGEND_SIZE + 2.5, 3.0, 12.0
    longest = max([len(title)] + [len(r[0]) + 3 for r in rows])
    width = pad * 2 + swatch_w + longest * CHAR_WIDTH * LEGEND_SIZE * 0.9
    height = pad * 2 + row_h * (len(rows) + 1)
    box = _emptiest_corner(page, [b.rect for b in boxes], width, height)
    entries = []
    for i, (label, kind, colour) in enumerate(rows, start=1):
        top = box.top + pad + i * row_h
        swatch = BBox(box.x0 + pad, top + 1.5, box.x0 + pad + swatch_w - 2, top + row_h - 1.5)
        entries.append(LegendEntry(label, kind, colour, swatch, (swatch.x1 + 3, top + LEGEND_SIZE)))
    return LegendOp(box, title, (box.x0 + pad, box.top + pad + LEGEND_SIZE), tuple(entries))


def _emptiest_corner(page: Page, rects: list[BBox], width: float, height: float) -> BBox:
    inset = 4.0
    right, bottom = max(page.width - inset - width, 0.0), max(page.height - inset - height, 0.0)
    corners = [(right, inset), (inset, inset), (right, bottom), (inset, bottom)]
    candidates = [BBox(x, y, x + width, y + height) for x, y in corners]

    def covered(c: BBox) -> float:
        return sum(max(0.0, c.h_overlap(r)) * max(0.0, c.v_overlap(r)) for r in rects)

    return min(candidates, key=covered)  # min keeps the first of equals: top right

"""debug: Page -> overlay drawing plan (pure); plan + PDF page -> PNG or PDF picture.

What the layout analyser saw, drawn over the page: every block's box in the colour of its role
(outline plus a translucent fill), its reading-order number (1-based) in a badge at its top-left
corner, an arrow from each block to the next one in reading order, the detected columns' edges
as dashed vertical lines, and a small legend in the emptiest corner.

:func:`plan_page` is a pure function of a :class:`~extractor.model.Page`: it returns every
drawing operation with its geometry in PDF points (origin top-left, y down, the model's
coordinates), so tests and other renderers can check or redraw it. The layout comes from our
pipeline with either backend; PyMuPDF only renders: the source page is copied, the plan is drawn
on the copy as vector shapes, and the copy is saved (PDF) or rasterised (PNG).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from extractor.errors import BackendMissingError, DamagedPDFError, OptionsError
from extractor.load import Source, source_name
from extractor.model import BBox, Page, Role
from extractor.options import ExtractOptions

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
    return ArrowOp(start, end, _head(start, end), index)


def _head(start: Point, end: Point) -> tuple[Point, Point, Point]:
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


# --- rendering (PyMuPDF) -------------------------------------------------------------------


def render_debug(
    source: Source,
    page: int = 0,
    *,
    dpi: int = DEFAULT_DPI,
    options: ExtractOptions | None = None,
) -> bytes:
    """PNG bytes of page ``page`` (0-based) with its layout drawn over it.

    The picture is ``round(width * dpi / 72)`` by ``round(height * dpi / 72)`` pixels for the
    Page's ``width`` and ``height``: a pixel is a model point times dpi / 72 (a page with /Rotate
    is shown unrotated, as the layout sees it). Raises what :func:`extractor.extract` raises
    (e.g. ``PageRangeError``), and ``OptionsError`` for a dpi outside 18..600.
    """
    _check_dpi(dpi)
    overlay, _ = _overlay_document(source, [page], options)
    try:
        return _pixmap(overlay[0], dpi).tobytes("png")
    finally:
        overlay.close()


def write_debug(
    source: Source,
    output: str | os.PathLike[str],
    *,
    pages: Iterable[int] | None = None,
    dpi: int = DEFAULT_DPI,
    options: ExtractOptions | None = None,
) -> list[Path]:
    """Write the overlay of ``pages`` (0-based) to ``output``; return the files written.

    Raises what :func:`extractor.extract` raises, ``OptionsError`` for another extension or a
    bad dpi, and ``OSError`` when a file cannot be written.

    ``output`` ending in ``.pdf``: one PDF page per input page, the overlay drawn as vector
    shapes over a copy of the page (default: all pages). Ending in ``.png``: one picture at
    ``dpi`` (default: the first page); with several pages, one file per page named after the
    1-based page number, ``out.png`` -> ``out-3.png``, ``out-7.png``.
    """
    out = Path(output)
    kind = out.suffix.lower()
    if kind not in (".png", ".pdf"):
        raise OptionsError(f"{out}: debug output must end in .png or .pdf")
    _check_dpi(dpi)
    wanted = list(dict.fromkeys(pages)) if pages is not None else None
    if wanted is None and kind == ".png":
        wanted = [0]
    overlay, numbers = _overlay_document(source, wanted, options)
    try:
        if kind == ".pdf":
            out.write_bytes(overlay.tobytes(garbage=3, deflate=True))
            return [out]
        if len(numbers) == 1:
            targets = [out]
        else:
            targets = [out.with_name(f"{out.stem}-{n + 1}{out.suffix}") for n in numbers]
        for index, target in enumerate(targets):
            target.write_bytes(_pixmap(overlay[index], dpi).tobytes("png"))
        return targets
    finally:
        overlay.close()


def _check_dpi(dpi: int) -> None:
    if not isinstance(dpi, int) or not MIN_DPI <= dpi <= MAX_DPI:
        raise OptionsError(f"dpi must be a whole number from {MIN_DPI} to {MAX_DPI}, got {dpi!r}")


def _pymupdf(name: str) -> Any:
    try:
        import pymupdf
    except ImportError as exc:  # pragma: no cover - pymupdf is a dependency
        raise BackendMissingError(
            f"{name}: debug pictures need pymupdf to render (pip install pymupdf)"
        ) from exc
    return pymupdf


def _overlay_document(
    source: Source, pages: list[int] | None, options: ExtractOptions | None
) -> tuple[Any, list[int]]:
    """A new PDF: a copy of each wanted page with its plan drawn on it; the pages' indices."""
    from extractor.pipeline import extract

    options = options or ExtractOptions()
    doc = extract(source, pages=pages, options=options)  # validates input and pages
    name = source_name(source)
    pymupdf = _pymupdf(name)
    try:
        if isinstance(source, bytes | bytearray):
            src = pymupdf.open(stream=bytes(source), filetype="pdf")
        else:
            src = pymupdf.open(os.fspath(source), filetype="pdf")
        if src.needs_pass:
            src.authenticate(options.password or "")
    except Exception as exc:
        raise DamagedPDFError(f"{name}: cannot open the PDF to render it ({exc})") from exc
    out = pymupdf.open()
    try:
        for analysed in doc.pages:
            if analysed.turn:
                _turned_copy(out, src, analysed)
            else:
                out.insert_pdf(src, from_page=analysed.number, to_page=analysed.number)
            _draw(out[-1], analysed, pymupdf)
    except Exception as exc:
        out.close()
        raise DamagedPDFError(f"{name}: cannot render the page ({exc})") from exc
    finally:
        src.close()
    return out, [p.number for p in doc.pages]


def _turned_copy(out: Any, src: Any, analysed: Page) -> None:
    """A page showing the source page turned as the analysis turned it (see orientation.py),
    so the plan's coordinates are the new page's own."""
    page = out.new_page(width=analysed.width, height=analysed.height)
    src[analysed.number].set_rotation(0)  # the analysis measured the unrotated page
    page.show_pdf_page(page.rect, src, analysed.number, rotate=(360 - analysed.turn) % 360)


def _pixmap(page: Any, dpi: int) -> Any:
    """Render at ``dpi`` with a zoom that makes the size exactly round(points * dpi / 72)."""
    import pymupdf

    rect = page.rect
    zoom_x = round(rect.width * dpi / 72) / rect.width
    zoom_y = round(rect.height * dpi / 72) / rect.height
    return page.get_pixmap(matrix=pymupdf.Matrix(zoom_x, zoom_y), alpha=False)


def _draw(page: Any, analysed: Page, pymupdf: Any) -> None:
    """Draw the plan on ``page`` in the model's coordinates, those of the unrotated crop box
    (or of the turned page, see :func:`_turned_copy`).

    A page with /Rotate is shown as the layout analysis saw it, so a pixel is always a model
    point times dpi / 72.
    """
    page.set_rotation(0)
    plan = plan_page(replace(analysed, width=page.rect.width, height=page.rect.height))
    shape = page.new_shape()
    for box in plan.boxes:
        shape.draw_rect(_rect(box.rect, pymupdf))
        shape.finish(
            color=box.colour, fill=box.colour, fill_opacity=FILL_OPACITY, width=OUTLINE_WIDTH
        )
    for col in plan.columns:
        shape.draw_line((col.x, col.top), (col.x, col.bottom))
        shape.finish(color=COLUMN_COLOUR, width=0.8, dashes=COLUMN_DASHES)
    for arrow in plan.arrows:
        shape.draw_line(arrow.start, arrow.end)
        shape.finish(color=ARROW_COLOUR, width=ARROW_WIDTH, stroke_opacity=ARROW_OPACITY)
        shape.draw_polyline(arrow.head)
        shape.finish(
            color=ARROW_COLOUR,
            fill=ARROW_COLOUR,
            closePath=True,
            width=0.5,
            stroke_opacity=ARROW_OPACITY,
            fill_opacity=ARROW_OPACITY,
        )
    for number in plan.numbers:
        shape.draw_rect(_rect(number.badge, pymupdf))
        shape.finish(color=number.colour, fill=number.colour, width=0)
        shape.insert_text(number.origin, number.text, fontsize=LABEL_SIZE, color=number.text_colour)
    _draw_legend(shape, plan.legend, pymupdf)
    shape.commit()


def _draw_legend(shape: Any, legend: LegendOp, pymupdf: Any) -> None:
    shape.draw_rect(_rect(legend.box, pymupdf))
    shape.finish(color=(0.3, 0.3, 0.3), fill=(1, 1, 1), fill_opacity=0.9, width=0.5)
    shape.insert_text(legend.title_origin, legend.title, fontsize=LEGEND_SIZE, color=(0, 0, 0))
    for entry in legend.entries:
        s = entry.swatch
        if entry.kind == "box":
            shape.draw_rect(_rect(s, pymupdf))
            shape.finish(color=entry.colour, fill=entry.colour, fill_opacity=0.45, width=0.8)
        elif entry.kind == "arrow":
            start, end = (s.x0, s.cy), (s.x1, s.cy)
            shape.draw_line(start, end)
            shape.finish(color=entry.colour, width=ARROW_WIDTH)
            shape.draw_polyline(_head(start, end))
            shape.finish(color=entry.colour, fill=entry.colour, closePath=True, width=0.5)
        else:
            shape.draw_line((s.cx, s.top - 1), (s.cx, s.bottom + 1))
            shape.finish(color=entry.colour, width=0.8, dashes="[2 1.5] 0")
        shape.insert_text(entry.origin, entry.label, fontsize=LEGEND_SIZE, color=(0, 0, 0))


def _rect(box: BBox, pymupdf: Any) -> Any:
    return pymupdf.Rect(box.x0, box.top, box.x1, box.bottom)


__all__ = [
    "DEFAULT_DPI",
    "ROLE_COLOURS",
    "DebugPlan",
    "plan_page",
    "render_debug",
    "role_colour",
    "write_debug",
]

"""debug: a Page's drawing plan (see :mod:`extractor.debug_plan`) drawn over its PDF page, as
a PNG or a PDF.

The layout comes from our pipeline with either backend; PyMuPDF only renders: the source page
is copied, the plan is drawn on the copy as vector shapes, and the copy is saved (PDF) or
rasterised (PNG).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from extractor.debug_plan import (
    ARROW_COLOUR,
    ARROW_OPACITY,
    ARROW_WIDTH,
    COLUMN_COLOUR,
    COLUMN_DASHES,
    DEFAULT_DPI,
    FILL_OPACITY,
    LABEL_SIZE,
    LEGEND_SIZE,
    MAX_DPI,
    MIN_DPI,
    OUTLINE_WIDTH,
    ROLE_COLOURS,
    DebugPlan,
    LegendOp,
    arrow_head,
    plan_page,
    role_colour,
)
from extractor.errors import BackendMissingError, DamagedPDFError, OptionsError
from extractor.load import Source, source_name
from extractor.model import BBox, Page
from extractor.options import ExtractOptions

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
            shape.draw_polyline(arrow_head(start, end))
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

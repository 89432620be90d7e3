"""backends.plumber: pdfplumber (pdfminer.six) glyphs -> our Words, matching the pymupdf backend.

pdfplumber reports single glyphs; words are built here the way MuPDF builds them, so both
backends hand the same words to the line stage:

* glyphs are read in content-stream order; a word ends at a whitespace glyph, where the pen
  jumps forward by more than ``SPACE_GAP_EM`` font sizes, moves backwards, leaves the
  baseline or changes direction (MuPDF inserts a space or starts a new line there);
* coordinates are those of the unrotated page with the origin at the crop box's top-left
  corner (what PyMuPDF reports), whatever the media box origin or ``/Rotate``;
* a glyph's box spans the font's ascent and descent as MuPDF measures them (from the font
  descriptor, or MuPDF's built-in metrics for the standard 14 fonts), not pdfminer's
  fixed one-em box, so word tops and bottoms agree within a fraction of a point (the
  metrics and styles are worked out in :mod:`extractor.backends.plumber_fonts`);
* font names lose their subset prefix and are cut at 31 characters, as MuPDF stores them.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
from pdfminer.pdfdocument import (
    PDFEncryptionError,
    PDFPasswordIncorrect,
    PDFXRefFallback,
)
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extractor.backends.plumber_fonts import Fonts, fonts_for
from extractor.errors import DamagedPDFError, EncryptedPDFError, NotPDFError
from extractor.load import RawPage, check_word_count, cover_share, outlines_box
from extractor.model import BBox, Word
from extractor.options import DEFAULT_MAX_WORDS_PER_PAGE, ExtractOptions
from extractor.orientation import turn_of
from extractor.textnorm import SPACING_ACCENTS, decode_counts, normalize_word, right_to_left

# A forward jump of the pen wider than this many font sizes is a word space (MuPDF: 0.15).
SPACE_GAP_EM = 0.15
# The pen moving back by more than this many font sizes starts a new word (a new line).
BACK_GAP_EM = 0.5
# A baseline shift larger than this many font sizes starts a new word (a new line).
BASELINE_JUMP_EM = 0.8
_CID = re.compile(r"^\(cid:\d+\)$")
Matrix = tuple[float, float, float, float, float, float]


class PlumberDocument:
    """An open PDF; pages are parsed one at a time and their caches dropped after use."""

    def __init__(self, name: str, pdf: pdfplumber.PDF) -> None:
        self.name = name
        self._pdf = pdf
        self.page_count = len(pdf.pages)
        self.repaired = any(isinstance(x, PDFXRefFallback) for x in pdf.doc.xrefs)
        self.max_words = DEFAULT_MAX_WORDS_PER_PAGE

    def iter_pages(self, indices: Iterable[int]) -> Iterator[RawPage]:
        for index in indices:
            page = self._pdf.pages[index]
            try:
                raw = page_to_raw(page, index, self.max_words, self.name)
            except (PdfminerException, PSException, ValueError, KeyError, TypeError) as exc:
                raise DamagedPDFError(
                    f"{self.name}: page {index + 1} cannot be read ({_reason(exc)})"
                ) from exc
            finally:
                page.close()
            yield raw

    def close(self) -> None:
        self._pdf.close()


def open_pdf(
    name: str, data: bytes | None, path: Path | None, options: ExtractOptions
) -> PlumberDocument:
    source: Any = io.BytesIO(data) if data is not None else path
    password = options.password if options.password is not None else ""
    try:
        pdf = pdfplumber.open(source, password=password)
    except Exception as exc:  # pdfminer wraps most failures in PdfminerException
        raise _open_error(name, exc, options.password) from exc
    loaded = PlumberDocument(name, pdf)
    loaded.max_words = options.max_words_per_page
    return loaded


def _open_error(name: str, exc: BaseException, password: str | None) -> Exception:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        why = "wrong password" if password is not None else "encrypted, needs a password (--password)"
        return EncryptedPDFError(f"{name}: {why}")
    if isinstance(cause, PDFEncryptionError):
        return EncryptedPDFError(f"{name}: unsupported encryption ({_reason(cause)})")
    if isinstance(cause, PDFSyntaxError) and "No /Root" in str(cause):
        return NotPDFError(f"{name}: not a PDF ({_reason(cause)})")
    return DamagedPDFError(f"{name}: damaged PDF ({_reason(cause)})")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# --- geometry ---------------------------------------------------------------------------


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _inv(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _box(page_obj: Any, key: str) -> tuple[float, float, float, float] | None:
    value = resolve1(page_obj.attrs.get(key))
    if not isinstance(value, list | tuple) or len(value) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in value)
    except (TypeError, ValueError):
        return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _page_transform(page: pdfplumber.page.Page) -> tuple[Matrix, tuple[float, float, float, float], float, float]:
    """pdfminer device space -> PyMuPDF's unrotated, crop-box-relative, y-down space.

    Returns the matrix, the media box in the target space, and the page's width and height
    in that same space (the unrotated crop box, as PyMuPDF's ``page.cropbox``).
    """
    obj = page.page_obj
    mx0, my0, mx1, my1 = obj.mediabox
    rotate = page.rotation
    if rotate == 90:
        ctm: Matrix = (0, -1, 1, 0, -my0, mx1)
    elif rotate == 180:
        ctm = (-1, 0, 0, -1, mx1, my1)
    elif rotate == 270:
        ctm = (0, 1, -1, 0, my1, -mx0)
    else:
        ctm = (1, 0, 0, 1, -mx0, -my0)
    crop = _box(obj, "CropBox") or (mx0, my0, mx1, my1)
    cx0, cy0 = max(crop[0], mx0), max(crop[1], my0)
    cx1, cy1 = min(crop[2], mx1), min(crop[3], my1)
    if cx1 <= cx0 or cy1 <= cy0:
        cx0, cy0, cx1, cy1 = mx0, my0, mx1, my1
    flip: Matrix = (1, 0, 0, -1, -cx0, cy1)
    transform = _mul(_inv(ctm), flip)
    media = (mx0 - cx0, cy1 - my1, mx1 - cx0, cy1 - my0)
    w, h = cx1 - cx0, cy1 - cy0
    return transform, media, w, h


# --- glyphs and words -------------------------------------------------------------------


class _Glyph:
    __slots__ = ("text", "x0", "top", "x1", "bottom", "ox", "oy", "px", "py", "dx", "dy", "size", "font")

    def __init__(self, text, x0, top, x1, bottom, ox, oy, px, py, dx, dy, size, font):
        self.text, self.x0, self.top, self.x1, self.bottom = text, x0, top, x1, bottom
        self.ox, self.oy, self.px, self.py = ox, oy, px, py
        self.dx, self.dy, self.size, self.font = dx, dy, size, font


def _glyph(ch: LTChar, transform: Matrix, fonts: Fonts) -> _Glyph | None:
    """One pdfminer glyph in PyMuPDF's coordinates, with MuPDF's box."""
    text = ch.get_text()
    if _CID.match(text):
        text = "\ufffd"
    a, b, c, d, e, f = ch.matrix
    adv = float(ch.adv or 0.0)
    width, height = ch.x1 - ch.x0, ch.y1 - ch.y0
    font = fonts.get(ch.fontname)
    # Recover the font size and text rise from pdfminer's glyph box (it keeps neither).
    if abs(d) >= abs(c):
        fs = (height - abs(b) * adv) / abs(d)
        low = ch.y0 - f - min(0.0, b * adv)
        g0 = low / d if d > 0 else low / d - fs
    else:
        fs = (width - abs(a) * adv) / abs(c)
        low = ch.x0 - e - min(0.0, a * adv)
        g0 = low / c if c > 0 else low / c - fs
    if fs <= 0:
        return None
    rise = g0 - font.pm_descent * fs
    m = _mul((a, b, c, d, e, f), transform)
    lo, hi = rise + font.descent * fs, rise + font.ascent * fs
    xs, ys = [], []
    for gx, gy in ((0.0, lo), (adv, lo), (0.0, hi), (adv, hi)):
        x, y = _apply(m, gx, gy)
        xs.append(x)
        ys.append(y)
    ox, oy = _apply(m, 0.0, rise)
    px, py = _apply(m, adv, rise)
    norm = math.hypot(m[0], m[1]) or 1.0
    size = fs * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
    return _Glyph(text, min(xs), min(ys), max(xs), max(ys), ox, oy, px, py, m[0] / norm, m[1] / norm, size, font)


def _breaks(prev: _Glyph, g: _Glyph) -> bool:
    """True where MuPDF would put a space or a line break between two glyphs."""
    if abs(prev.dx - g.dx) > 0.05 or abs(prev.dy - g.dy) > 0.05:
        return True
    size = max(prev.size, g.size, 1e-3)
    ddx, ddy = g.ox - prev.px, g.oy - prev.py
    along = ddx * prev.dx + ddy * prev.dy
    across = -ddx * prev.dy + ddy * prev.dx
    return abs(across) > BASELINE_JUMP_EM * size or along > SPACE_GAP_EM * size or along < -BACK_GAP_EM * size


def _words_from_glyphs(glyphs: list[_Glyph], index: int, stats: list[int]) -> Iterator[Word]:
    """Words of the glyphs; ``stats`` accumulates [characters, undecodable characters].

    A spacing accent drawn before the letter it sits over (TeX's ``\\accent``: "¨" then "A",
    with a move back between them) goes into the letter's word, whatever the moves around it.
    """
    current: list[_Glyph] = []
    accent: _Glyph | None = None  # a spacing accent waiting for the glyph after it
    for g in glyphs:
        if g.text in SPACING_ACCENTS and accent is None:
            accent = g
            continue
        if g.text.isspace() or not g.text:
            if accent is not None:
                current = yield from _add(current, accent, index, stats)
                accent = None
            yield from _make_word(current, index, stats)
            current = []
            continue
        if accent is not None and _over(accent, g):
            if current and _breaks(current[-1], g):
                yield from _make_word(current, index, stats)
                current = []
            current += (accent, g)
            accent = None
            continue
        if accent is not None:
            current = yield from _add(current, accent, index, stats)
            accent = None
        current = yield from _add(current, g, index, stats)
    if accent is not None:
        current = yield from _add(current, accent, index, stats)
    yield from _make_word(current, index, stats)


def _add(
    current: list[_Glyph], g: _Glyph, index: int, stats: list[int]
) -> Generator[Word, None, list[_Glyph]]:
    """Append ``g`` to the word being built, first yielding that word if ``g`` starts anew."""
    if current and _breaks(current[-1], g):
        yield from _make_word(current, index, stats)
        current = []
    current.append(g)
    return current


def _over(accent: _Glyph, g: _Glyph) -> bool:
    """Does the accent stand over glyph ``g`` (its middle within g's width)?"""
    mid = (accent.x0 + accent.x1) / 2
    slack = 0.1 * max(g.size, 1e-3)
    return g.x0 - slack <= mid <= g.x1 + slack


def _count_words(glyphs: list[_Glyph]) -> int:
    """How many words :func:`_words_from_glyphs` would make, without making them."""
    count, open_word, prev = 0, False, None
    for g in glyphs:
        if g.text.isspace() or not g.text:
            open_word, prev = False, None
            continue
        if not open_word or (prev is not None and _breaks(prev, g)):
            count += 1
            open_word = True
        prev = g
    return count


def _make_word(glyphs: list[_Glyph], index: int, stats: list[int]) -> Iterator[Word]:
    if not glyphs:
        return
    text = "".join(g.text for g in glyphs)
    chars, bad = decode_counts(text)
    stats[0] += chars
    stats[1] += bad
    if not text.isascii() and right_to_left(text):
        text = text[::-1]  # drawn left to right as seen; read from the right (MuPDF reorders)
    text = normalize_word(text)
    if not text:
        return
    x0, top = min(g.x0 for g in glyphs), min(g.top for g in glyphs)
    x1, bottom = max(g.x1 for g in glyphs), max(g.bottom for g in glyphs)
    first = glyphs[0]
    upright = abs(first.dy) < 0.1 and first.dx > 0
    main = glyphs[len(glyphs) // 2] if upright else first
    if upright:
        mid = (x0 + x1) / 2
        main = next((g for g in glyphs if g.x1 >= mid), glyphs[-1])
    font = main.font
    yield Word(
        text=text,
        bbox=BBox(x0, top, x1, bottom),
        font=font.name,
        size=round(main.size, 2),
        bold=font.bold,
        italic=font.italic,
        baseline=main.oy if upright else bottom,
        upright=upright,
        page=index,
        turn=turn_of(first.dx, first.dy),
    )


def _chars(container: LTContainer) -> Iterator[LTChar]:
    """The page's glyphs in drawing order, from pdfminer's objects directly.

    pdfplumber's ``page.chars`` would turn each glyph into a dict of resolved attributes,
    which costs as much as parsing the page; we need only five of them.
    """
    for obj in container:
        if isinstance(obj, LTChar):
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _chars(obj)


def _images(container: LTContainer) -> Iterator[LTImage]:
    for obj in container:
        if isinstance(obj, LTImage):
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _images(obj)


def _is_rect(curve: LTCurve) -> bool:
    """A path of lines tracing its bounding box (pdfminer keeps the rectangles some producers
    draw as paths as curves, not LTRect; LibreOffice starts them mid-side)."""
    pts = getattr(curve, "pts", None) or []
    return outlines_box(pts, (curve.x0, curve.y0, curve.x1, curve.y1))


def _rects(container: LTContainer, transform: Matrix, limit: int = 2000) -> tuple[BBox, ...]:
    """Drawn rectangles (box frames, fills, rules) in our coordinates, as MuPDF reports them."""
    out: list[BBox] = []
    stack = [container]
    while stack and len(out) < limit:
        for obj in stack.pop():
            if isinstance(obj, LTCurve) and _is_rect(obj):
                xs, ys = zip(*(_apply(transform, x, y) for x, y in ((obj.x0, obj.y0), (obj.x1, obj.y1))))
                out.append(BBox(min(xs), min(ys), max(xs), max(ys)))
            elif isinstance(obj, LTContainer) and not isinstance(obj, LTChar):
                stack.append(obj)
    return tuple(out)


OVERPRINT_EM = 0.15  # a copy of a glyph drawn this close to it is the same glyph (fake bold)


def _overprint(g: _Glyph, glyphs: list[_Glyph]) -> bool:
    """Is ``g`` a copy of one of the last glyphs drawn, a hair away (fake bold: the glyph
    drawn two or three times at offsets of a tenth of a point)? MuPDF drops such copies."""
    near = OVERPRINT_EM * g.size
    for prev in glyphs[-3:]:
        if prev.text == g.text and abs(prev.ox - g.ox) < near and abs(prev.oy - g.oy) < near:
            return True
    return False


def _page_box(
    m: Matrix, x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    """A pdfminer box in the page's (crop-box-relative, y-down) space."""
    corners = [_apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def page_to_raw(
    page: pdfplumber.page.Page, index: int, max_words: int | None = None, name: str = "<pdf>"
) -> RawPage:
    """Read one page's glyphs and group them into words.

    With ``max_words`` the words are counted before any Word is built (pdfminer has made its
    glyph objects by then: the bound on memory is the pymupdf backend's).
    """
    transform, _, width, height = _page_transform(page)
    fonts = fonts_for(page.pdf)
    glyphs: list[_Glyph] = []
    layout = page.layout
    for ch in _chars(layout):
        g = _glyph(ch, transform, fonts)
        # Glyphs wholly outside the crop box are not on the page as shown: MuPDF drops them.
        if g is None or g.x1 < 0 or g.x0 > width or g.bottom < 0 or g.top > height:
            continue
        if _overprint(g, glyphs):
            continue
        glyphs.append(g)
    if max_words is not None:
        check_word_count(name, index, _count_words(glyphs), max_words)
    stats = [0, 0]
    words = tuple(_words_from_glyphs(glyphs, index, stats))
    cover = 0.0
    if not words:  # the share of the crop box under images, as the pymupdf backend measures
        boxes = (_page_box(transform, im.x0, im.y0, im.x1, im.y1) for im in _images(layout))
        cover = cover_share(boxes, (0.0, 0.0, width, height))
    return RawPage(
        index,
        width,
        height,
        words,
        _rects(layout, transform),
        chars=stats[0],
        undecodable=stats[1],
        image_cover=cover,
    )

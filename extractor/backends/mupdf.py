"""backends.mupdf: PyMuPDF pages -> our Words (the default backend).

One text page per PDF page gives the words (as ``extractWORDS`` splits them) and each line's
spans with their fonts (as ``extractDICT`` lists them); each word takes the font of the span
it sits in. No per-glyph objects. Where the compiled reader of MuPDF's text page
(``_stext.c``) was built against the MuPDF that PyMuPDF runs, it reads both in one pass
without building PyMuPDF's per-span dictionaries; otherwise PyMuPDF's two calls give the same.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pymupdf

from extractor.errors import (
    DamagedPDFError,
    EncryptedPDFError,
    ExtractorError,
    NotPDFError,
)
from extractor.load import RawPage, check_word_count, cover_share, outlines_box
from extractor.model import BBox, Word
from extractor.options import DEFAULT_MAX_WORDS_PER_PAGE, ExtractOptions
from extractor.orientation import turn_of
from extractor.textnorm import SPACING_ACCENTS, decode_counts, normalize_word

_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_COLLECT_VECTORS
_MAX_GRAPHICS = 2000  # rectangles kept per page; a plot of thousands of paths says nothing about boxes
_BOLD, _ITALIC = 16, 2
_ACCENT_GAP = 0.15  # font sizes: an accent this close to the word before sits on its letter
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


class MuDocument:
    """An open PDF; pages are read one at a time so memory stays bounded."""

    def __init__(self, name: str, doc: pymupdf.Document, repaired: bool = False) -> None:
        self.name = name
        self._doc = doc
        self.page_count = doc.page_count
        self.repaired = repaired
        self.max_words = DEFAULT_MAX_WORDS_PER_PAGE
        # Why MuPDF had to repair the file (load.py turns it into a warning).
        self.repair_reason = "broken cross-reference table"

    def iter_pages(self, indices: Iterable[int]) -> Iterator[RawPage]:
        from extractor.limits import check_deadline

        for index in indices:
            check_deadline()
            try:
                page = self._doc.load_page(index)
                raw = page_to_raw(page, index, self.max_words, self.name)
            except ExtractorError:
                raise
            except Exception as exc:  # MuPDF raises several types for broken pages
                raise DamagedPDFError(
                    f"{self.name}: page {index + 1} cannot be read ({_reason(exc)})"
                ) from exc
            yield raw

    def close(self) -> None:
        self._doc.close()


def open_pdf(
    name: str, data: bytes | None, path: Path | None, options: ExtractOptions
) -> MuDocument:
    pymupdf.TOOLS.reset_mupdf_warnings()
    try:
        if data is not None:
            doc = pymupdf.open(stream=data, filetype="pdf")
        else:
            doc = pymupdf.open(path, filetype="pdf")
    except ExtractorError:
        raise
    except Exception as exc:  # MuPDF raises several types for broken files
        why = _mupdf_reason() or _reason(exc)
        if _looks_truncated(data, path):
            msg = f"{name}: truncated PDF (no %%EOF at the end) that MuPDF cannot repair ({why})"
        else:
            msg = f"{name}: damaged PDF that MuPDF cannot open ({why})"
        raise DamagedPDFError(msg) from exc
    repaired = bool(getattr(doc, "is_repaired", False))
    try:
        _authenticate(name, doc, options.password)
        if not doc.is_pdf:
            raise NotPDFError(f"{name}: not a PDF")
    except BaseException:
        doc.close()
        raise
    loaded = MuDocument(name, doc, repaired)
    loaded.max_words = options.max_words_per_page
    if repaired:
        loaded.repair_reason = _mupdf_reason() or loaded.repair_reason
    return loaded


def _authenticate(name: str, doc: pymupdf.Document, password: str | None) -> None:
    """Open an encrypted PDF; a PDF with only an owner password needs nothing."""
    if not doc.needs_pass:
        return
    if password is None:
        raise EncryptedPDFError(
            f"{name}: encrypted PDF, needs a password (--password, ExtractOptions.password)"
        )
    try:
        ok = doc.authenticate(password)
    except Exception as exc:
        raise EncryptedPDFError(f"{name}: cannot decrypt ({_reason(exc)})") from exc
    if not ok:
        raise EncryptedPDFError(f"{name}: wrong password for this encrypted PDF")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _mupdf_reason() -> str:
    """The first thing MuPDF complained about since the last reset (its messages are terse)."""
    try:
        lines = pymupdf.TOOLS.mupdf_warnings().splitlines()
    except Exception:
        return ""
    for line in lines:
        line = line.strip()
        if line:
            return line.removeprefix("format error: ").removeprefix("syntax error: ")
    return ""


def _looks_truncated(data: bytes | None, path: Path | None) -> bool:
    try:
        if data is not None:
            tail = data[-1024:]
        elif path is not None:
            with path.open("rb") as fh:
                fh.seek(max(0, path.stat().st_size - 1024))
                tail = fh.read()
        else:
            return False
    except OSError:
        return False
    return b"%%EOF" not in tail


def page_to_raw(
    page: pymupdf.Page, index: int, max_words: int | None = None, name: str = "<pdf>"
) -> RawPage:
    """Read one page's words with their fonts.

    With ``max_words``, the words are first counted in the page's plain text (one string), and
    a page over the limit is refused before a tuple or Word is built for each of its words.
    """
    # Word coordinates are those of the unrotated crop box (whatever /Rotate says), so the
    # page size is too: ``page.rect`` would swap width and height on a page turned by 90.
    rect = page.cropbox
    textpage = page.get_textpage(flags=_FLAGS)
    if max_words is not None and _may_hold_more_chars(textpage, max_words):
        text = textpage.extractText()
        # A page holds fewer words than characters: only a long page needs counting.
        if len(text) > max_words:
            check_word_count(name, index, len(text.split()), max_words)
    word_tuples, lines, vectors = page_data(textpage)
    stats = [0, 0]
    words = tuple(_words(lines, word_tuples, index, stats))
    cover = 0.0 if words else _image_cover(page)
    return RawPage(
        index,
        rect.width,
        rect.height,
        words,
        _rects(vectors, lines, page),
        chars=stats[0],
        undecodable=stats[1],
        image_cover=cover,
    )


# What one text page gives the backend (see page_data), typed so that the compiled build
# unpacks the tuples into machine floats and ints. A word: x0, top, x1, bottom, text, and its
# block, line and word numbers (as extractWORDS gives it). A run of one type in a line: right
# edge, font, MuPDF's flags, size, baseline. A line: block and line numbers, direction (x, y),
# runs, box (x0, top, x1, bottom), blank-separated pieces of its text. A vector shape: box, is
# it a rectangle, is it stroked.
_WordTuple = tuple[float, float, float, float, str, int, int, int]
_Run = tuple[float, str, int, float, float]
_RawLine = tuple[int, int, float, float, list[_Run], float, float, float, float, int]
_Vector = tuple[float, float, float, float, bool, bool]
_PageData = tuple[list[_WordTuple], list[_RawLine], list[_Vector]]


def _load_reader() -> Any:
    """The compiled text-page reader, if built for the MuPDF that PyMuPDF runs (else None)."""
    if os.environ.get("EXTRACTOR_NO_STEXT") == "1":
        return None
    try:
        from extractor.backends import _stext  # type: ignore[attr-defined]
    except ImportError:  # plain Python build, or no MuPDF library to link to
        return None
    running = getattr(getattr(pymupdf, "mupdf", None), "FZ_VERSION", None)
    return _stext if running == _stext.MUPDF_VERSION else None


_READER = _load_reader()


def reads_with_own_reader() -> bool:
    """Does this backend read pages with the compiled text-page reader (see _stext.c)?"""
    return _READER is not None


def page_data(textpage: pymupdf.TextPage) -> _PageData:
    """The page's words, its lines' runs of one type, and its vector shapes (see _stext.c)."""
    if _READER is not None:
        try:
            address = textpage.this.m_internal_value()
        except AttributeError:  # another PyMuPDF's text page
            pass
        else:
            data: _PageData = _READER.page_data(address)
            return data
    return dict_page_data(textpage)


def dict_page_data(textpage: pymupdf.TextPage) -> _PageData:
    """page_data from PyMuPDF's own calls, extractWORDS and extractDICT."""
    blocks, words = _native_boxes(textpage)
    return words, _dict_lines(blocks), _dict_vectors(blocks)


def _native_boxes(textpage: pymupdf.TextPage) -> tuple[list[dict], list[_WordTuple]]:
    """The page's spans (dict blocks) and words, with MuPDF's own glyph boxes.

    PyMuPDF can recompute every glyph's box from its font's ascender and descender ("quad
    corrections"). Whether it does is one process-wide switch that depends on the PyMuPDF
    version and on what else was imported (pymupdf4llm, which PyMuPDF 2.0 imports, turns the
    corrections off at import; PyMuPDF 1.2x leaves them on). Word boxes, and so the layout,
    must not depend on that: they are always MuPDF's own, the setting being switched for these
    two calls only and put back as it was. (With the corrections on, the two calls also took
    1.3 ms more a page on the corpus: the font is asked for its metrics glyph by glyph.)
    """
    tools = pymupdf.TOOLS
    previous = tools.unset_quad_corrections()
    tools.unset_quad_corrections(True)
    try:
        return textpage.extractDICT()["blocks"], textpage.extractWORDS()
    finally:
        tools.unset_quad_corrections(previous)


def _text_blocks(blocks: list[dict]) -> Iterator[dict]:
    """The text blocks, in the order extractWORDS numbers them (into structure blocks too)."""
    for block in blocks:
        kind = block.get("type", 0)
        if kind == 0:
            yield block
        elif kind == 2:
            yield from _text_blocks(block.get("blocks", []))


def _dict_lines(blocks: list[dict]) -> list[_RawLine]:
    """Each line's spans merged into runs of one type (PDFs often draw every word as a span of
    its own, and MuPDF makes a span of each space it adds between words)."""
    out: list[_RawLine] = []
    for b_no, block in enumerate(_text_blocks(blocks)):
        for l_no, line in enumerate(block.get("lines", ())):
            spans = line["spans"]
            if not spans:
                continue
            runs: list[_Run] = []
            font, flags, size, baseline = "", -1, -1.0, 0.0  # the current run's (none yet)
            pieces = 0
            for span in spans:
                pieces += len(span["text"].split())
                f, fl, sz, base = span["font"], span["flags"], span["size"], span["origin"][1]
                if f == font and fl == flags and sz == size and base == baseline:
                    runs[-1] = (span["bbox"][2], f, fl, sz, base)
                    continue
                font, flags, size, baseline = f, fl, sz, base
                runs.append((span["bbox"][2], f, fl, sz, base))
            dx, dy = line["dir"]
            x0, y0, x1, y1 = line["bbox"]
            out.append((b_no, l_no, dx, dy, runs, x0, y0, x1, y1, pieces))
    return out


def _dict_vectors(blocks: list[dict]) -> list[_Vector]:
    out: list[_Vector] = []
    for block in blocks:
        kind = block.get("type", 0)
        if kind == 3:
            x0, y0, x1, y1 = block["bbox"]
            out.append((x0, y0, x1, y1, bool(block.get("isrect")), bool(block.get("stroked"))))
        elif kind == 2:
            out.extend(_dict_vectors(block.get("blocks", [])))
    return out


# Bytes of MuPDF's text-page memory pool per character is about 72 (one fz_stext_char plus
# its share of lines and blocks); half that is a safe lower bound.
_POOL_BYTES_PER_CHAR = 32


def _may_hold_more_chars(textpage: pymupdf.TextPage, limit: int) -> bool:
    """Could the page hold more than ``limit`` characters? Asked of the size of MuPDF's text
    memory pool (microseconds), so only a page that might be over the word limit pays for its
    plain text to be counted. True whenever the pool cannot be read (another PyMuPDF)."""
    try:
        pool = textpage.this.m_internal.pool
        return pymupdf.mupdf.ll_fz_pool_size(pool) > limit * _POOL_BYTES_PER_CHAR
    except Exception:
        return True


def _image_cover(page: pymupdf.Page) -> float:
    """Share of the page under images (asked only of pages without words: scans)."""
    try:
        infos = page.get_image_info()
    except Exception:  # an image MuPDF cannot place says nothing about the text
        return 0.0
    box = page.cropbox  # the space of the image boxes, as of the words
    return cover_share((tuple(i["bbox"]) for i in infos), (0.0, 0.0, box.width, box.height))


def _rects(
    vectors: list[_Vector], lines: list[_RawLine], page: pymupdf.Page | None = None
) -> tuple[BBox, ...]:
    """Rectangles and straight rules drawn on the page (boxes around sidebars, rules).

    MuPDF marks a path as a rectangle only when drawn as one; a box drawn as four or five
    lines (LibreOffice and Word draw their frames so) is a filled shape like any other. Such a
    shape holding a paragraph's worth of words is looked up among the page's drawings (which
    costs a millisecond or more, so only then) and kept if its lines trace its box.
    """
    out = []
    shapes: list[_Box] = []
    for x0, y0, x1, y1, is_rect, stroked in vectors:
        if is_rect:
            if x1 >= x0 and y1 >= y0:
                out.append(BBox(x0, y0, x1, y1))
                if len(out) >= _MAX_GRAPHICS:
                    break
        elif not stroked and x1 - x0 > _BOX_MIN_SIDE and y1 - y0 > _BOX_MIN_SIDE / 2:
            shapes.append((x0, y0, x1, y1))
    if page is not None and shapes and len(out) < _MAX_GRAPHICS:
        holding = _holding_text(shapes, lines)
        if holding:
            out.extend(_outlined_boxes(page, holding))
    return tuple(out[:_MAX_GRAPHICS])


_Box = tuple[float, float, float, float]
_BOX_MIN_SIDE = 40.0  # points: a shape narrower than this frames no paragraph
_BOX_MIN_WORDS = 12  # words a shape must hold before its outline is looked at
_MAX_SHAPES = 50  # shapes weighed a page: a diagram of hundreds frames no sidebar


def _holding_text(shapes: list[_Box], lines: list[_RawLine]) -> list[_Box]:
    """The shapes with _BOX_MIN_WORDS words or more inside them, counted line by line."""
    out: list[_Box] = []
    for x0, y0, x1, y1 in shapes[:_MAX_SHAPES]:
        words = sum(
            n
            for _, _, _, _, _, a, b, c, d, n in lines
            if a >= x0 - 1 and b >= y0 - 1 and c <= x1 + 1 and d <= y1 + 1
        )
        if words >= _BOX_MIN_WORDS:
            out.append((x0, y0, x1, y1))
    return out


def _outlined_boxes(page: pymupdf.Page, shapes: list[_Box]) -> list[BBox]:
    """Of the page's drawn paths, those of straight lines tracing one of ``shapes``' boxes."""
    try:
        paths = page.get_cdrawings()
    except Exception:  # a drawing MuPDF cannot list says nothing about the text
        return []
    out = []
    for path in paths:
        rect = path.get("rect")
        items = path.get("items") or ()
        if not rect or not any(all(abs(a - b) < 1.0 for a, b in zip(rect, s)) for s in shapes):
            continue
        if all(item[0] == "l" for item in items):
            points = [items[0][1], *(item[2] for item in items)] if items else []
            if outlines_box(points, tuple(rect)):
                out.append(BBox(*rect))
    return out


def _words(lines: list[_RawLine], words: list[_WordTuple], index: int, stats: list[int]) -> list[Word]:
    """Attach to each word the type of the span it sits in.

    ``stats`` accumulates [characters, undecodable characters] of the words as decoded.
    A line's spans are first merged into runs of one type (PDFs often draw every word as a
    span of its own), so most lines have a single run and their words need no span search.
    """
    runs_of = _line_runs(lines)
    out: list[Word] = []
    append = out.append
    cur_block = cur_line = -1
    rights: list[float] = []
    styles: list[_Style] = []
    font, size, bold, italic, baseline = "", 0.0, False, False, 0.0
    last = i = 0
    flat = upright = True
    turn = 0
    chars = bad = 0
    cut: list[int] = []  # words with cut mathematical letters (see _CUT_MATH)
    korean = False
    line_start = 0  # index in ``out`` of the current line's first word
    for x0, y0, x1, y1, text, b_no, l_no, _ in words:
        if l_no != cur_line or b_no != cur_block:
            cur_block, cur_line = b_no, l_no
            line_start = len(out)
            found = runs_of.get((b_no, l_no))
            if found is None:
                styles = []
                continue
            rights, styles, flat, upright, turn = found
            last = len(styles) - 1
            i = 0
            font, size, bold, italic, baseline = styles[0]
        elif not styles:
            continue
        if last and upright:
            mid = (x0 + x1) / 2
            while i < last and rights[i] < mid:
                i += 1
            font, size, bold, italic, baseline = styles[i]
        if text.isascii() and text.isprintable() and "`" not in text:  # "`": a TeX grave accent
            chars += len(text)
        else:
            c, b = decode_counts(text)
            chars += c
            bad += b
            accent = text[0] in SPACING_ACCENTS
            text = normalize_word(text)
            if not text:
                continue
            if (
                accent
                and len(out) > line_start
                and x0 - out[-1].bbox.x1 < _ACCENT_GAP * size
                and abs(out[-1].size - size) <= 0.05 * size
            ):
                # A TeX accent drawn over the word's first letter made a word of its own
                # ("UNIVERSIT" + "¨AT"): it belongs to the word it touches, in its type
                # (not a variable with a hat after a subscript, in mathematics).
                prev = out[-1]
                box = prev.bbox
                joined = BBox(box.x0, min(box.top, y0), max(box.x1, x1), max(box.bottom, y1))
                out[-1] = replace(prev, text=prev.text + text, bbox=joined)
                continue
            if _CUT_MATH.search(text):
                cut.append(len(out))
            if not korean and _HANGUL.search(text):
                korean = True
        append(
            Word(
                text,
                BBox(x0, y0, x1 if x1 > x0 else x0, y1 if y1 > y0 else y0),
                font,
                size,
                bold,
                italic,
                baseline if flat else y1,
                upright,
                index,
                turn,
            )
        )
    if cut and not korean:
        for k in cut:
            out[k] = replace(out[k], text=_restore_cut_math(out[k].text))
    stats[0] += chars
    stats[1] += bad
    return out


# MuPDF reads a ToUnicode entry beyond the Basic Multilingual Plane (a UTF-16 surrogate pair)
# as its low 16 bits only: mathematical italic a (U+1D44E), as unicode-math and Word's equation
# fonts map it, comes out as the Hangul syllable U+D44E. On a page without other Hangul, the
# characters U+D400-U+D7FF are such cut letters of the Mathematical Alphanumeric Symbols.
_CUT_MATH = re.compile("[\ud400-\ud7ff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud3ff]")


def _restore_cut_math(text: str) -> str:
    """``text`` with the cut mathematical letters put back in their plane (see _CUT_MATH)."""
    return _CUT_MATH.sub(lambda m: chr(ord(m.group()) + 0x10000), text)


_Style = tuple[str, float, bool, bool, float]  # font, size, bold, italic, baseline
_Runs = tuple[list[float], list[_Style], bool, bool, int]


def _line_runs(lines: list[_RawLine]) -> dict[tuple[int, int], _Runs]:
    """Per (text block, line) number as extractWORDS counts them: the right edges of the
    line's runs of one type, their (font, size, bold, italic, baseline), whether the line is
    flat and upright, and its turn (see :func:`extractor.orientation.turn_of`)."""
    out: dict[tuple[int, int], _Runs] = {}
    for b_no, l_no, dx, dy, runs, _, _, _, _, _ in lines:
        rights: list[float] = []
        styles: list[_Style] = []
        for right, font, flags, size, baseline in runs:
            bold, italic = _weight_and_slant(font, flags)
            rights.append(right)
            styles.append((font, round(size, 2), bold, italic, baseline))
        flat = abs(dy) < 0.1
        out[(b_no, l_no)] = (rights, styles, flat, flat and dx > 0, turn_of(dx, dy))
    return out


@lru_cache(maxsize=1024)
def _weight_and_slant(font: str, flags: int) -> tuple[bool, bool]:
    """Bold and italic from MuPDF's flags or the font's name (a page has few fonts)."""
    lower = font.lower()
    bold = bool(flags & _BOLD) or "bold" in lower or "black" in lower or "heavy" in lower
    italic = bool(flags & _ITALIC) or "italic" in lower or "oblique" in lower
    return bold, italic

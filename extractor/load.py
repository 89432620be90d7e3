"""load: open a PDF and turn each page into our Words; the only place a backend is used.

Backends are imported lazily, so a user with only one of them installed can run with it.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from extractor.errors import (
    BackendMissingError,
    DamagedPDFError,
    FileNotFoundInputError,
    InputError,
    NotPDFError,
    PageRangeError,
    PageTooLargeError,
)
from extractor.model import BBox, Word
from extractor.options import ExtractOptions

Source = str | os.PathLike[str] | bytes
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page as loaded: size and words, before any analysis.

    ``chars`` counts the characters of the words as the backend decoded them and
    ``undecodable`` those without a Unicode meaning (dropped from ``words``, see
    :mod:`extractor.textnorm`); ``image_cover`` is the share of the page's area under images,
    measured only for pages without words (0.0 otherwise).
    """

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[BBox, ...] = ()
    chars: int = 0
    undecodable: int = 0
    image_cover: float = 0.0
    turn: int = 0  # clockwise degrees the page was turned to read it (see orientation.py)
    mirrored: bool = False  # mirrored left to right to read it (a right-to-left page, see bidi.py)


class LoadedDocument(Protocol):
    """What a backend hands the pipeline: a page count and a page iterator."""

    name: str
    page_count: int
    repaired: bool

    def iter_pages(self, indices: Iterable[int]) -> Iterator[RawPage]: ...

    def close(self) -> None: ...


def source_name(source: Source) -> str:
    return "<bytes>" if isinstance(source, bytes | bytearray) else str(source)


# A file up to this size is read whole, in one system call, and handed to the backend as
# bytes: MuPDF reads a file through many small seeks and reads (one system call each), which
# cost a tenth of the time of extracting a page's text. A larger file is left to the backend
# to read as it needs it, to bound memory.
MEMORY_READ_LIMIT = 64 * 1024 * 1024


def read_source(source: Source) -> tuple[str, bytes | None, Path | None]:
    """Check the input before a backend sees it, so errors name the real cause.

    (name, bytes, None) for bytes and for a file of up to MEMORY_READ_LIMIT bytes, read
    whole; (name, None, path) for a larger file."""
    name = source_name(source)
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        _check_pdf_bytes(name, data[:1024], len(data))
        return name, data, None
    path = Path(source)
    try:
        info = os.stat(path)  # one system call answers: there? a directory? how big?
    except (FileNotFoundError, NotADirectoryError):
        raise FileNotFoundInputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotPDFError(f"{name}: is a directory, not a PDF file")
    whole = info.st_size <= MEMORY_READ_LIMIT
    try:
        with open(path, "rb") as fh:
            head = fh.read() if whole else fh.read(1024)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    _check_pdf_bytes(name, head[:1024], info.st_size)
    return (name, head, None) if whole else (name, None, path)


def _check_pdf_bytes(name: str, head: bytes, size: int) -> None:
    if size == 0:
        raise NotPDFError(f"{name}: empty file, not a PDF")
    if b"%PDF-" not in head:
        if not head.strip(b"\x00"):
            raise NotPDFError(f"{name}: file of zero bytes only, not a PDF")
        raise NotPDFError(f"{name}: not a PDF (no %PDF- header)")


def open_document(source: Source, options: ExtractOptions) -> LoadedDocument:
    """Open ``source`` with the backend named in ``options``."""
    name, data, path = read_source(source)
    loaded: LoadedDocument
    if options.backend == "pdfplumber":
        try:
            from extractor.backends import plumber
        except ImportError as exc:
            raise _missing(name, "pdfplumber", "pdfplumber", exc) from exc
        loaded = plumber.open_pdf(name, data, path, options)
    else:
        try:
            from extractor.backends import mupdf
        except ImportError as exc:
            raise _missing(name, "pymupdf", "pymupdf", exc) from exc
        loaded = mupdf.open_pdf(name, data, path, options)
    if loaded.page_count == 0:
        loaded.close()
        raise DamagedPDFError(f"{name}: the PDF has no pages")
    if loaded.repaired:
        log.warning(
            "%s: damaged PDF repaired (%s); the text may be incomplete",
            name,
            getattr(loaded, "repair_reason", "broken cross-reference table"),
        )
    return loaded


def _missing(name: str, backend: str, package: str, exc: ImportError) -> BackendMissingError:
    """Say whether the engine itself is missing or only our adapter for it."""
    if exc.name and exc.name.split(".")[0] == package:
        return BackendMissingError(
            f"{name}: backend {backend!r} is not installed (pip install {package})"
        )
    return BackendMissingError(
        f"{name}: backend {backend!r} is not available in this version of extractor ({exc})"
    )


def check_word_count(name: str, index: int, count: int, limit: int) -> None:
    """Refuse a page with more words than ``ExtractOptions.max_words_per_page``.

    Backends call this with a cheap count, before they build a Word for each word, so a page
    of a million glyphs is refused in bounded memory rather than analysed.
    """
    if count > limit:
        raise PageTooLargeError(
            f"{name}: page {index + 1} has {count} words, over the limit of {limit} "
            "(ExtractOptions.max_words_per_page)"
        )


def cover_share(
    boxes: Iterable[tuple[float, float, float, float]], area: tuple[float, float, float, float]
) -> float:
    """Share of ``area`` (x0, y0, x1, y1) covered by ``boxes``, clipped to it, at most 1.0.

    Overlaps count twice: scans are one image or non-overlapping strips, and an upper bound
    is what the "mostly images" test needs.
    """
    ax0, ay0, ax1, ay1 = area
    total = (ax1 - ax0) * (ay1 - ay0)
    if total <= 0:
        return 0.0
    covered = 0.0
    for x0, y0, x1, y1 in boxes:
        w = min(max(x0, x1), ax1) - max(min(x0, x1), ax0)
        h = min(max(y0, y1), ay1) - max(min(y0, y1), ay0)
        if w > 0 and h > 0:
            covered += w * h
    return min(1.0, covered / total)


def outlines_box(points: Iterable[tuple[float, float]], box: tuple[float, float, float, float]) -> bool:
    """Do the points of a path of straight lines trace the rectangle ``box`` (x0, y0, x1, y1):
    each on its outline, each step along one side, all four corners reached? Producers draw
    boxes as paths of four or five lines starting anywhere on the outline (LibreOffice starts
    mid-side), not only as rectangles."""
    x0, y0, x1, y1 = box
    tol = 0.5
    pts = list(points)
    if len(pts) < 4 or x1 - x0 < 4 * tol or y1 - y0 < 4 * tol:
        return False
    corners = set()
    for x, y in pts:
        at_x = abs(x - x0) < tol or abs(x - x1) < tol
        at_y = abs(y - y0) < tol or abs(y - y1) < tol
        if not (at_x or at_y):
            return False  # inside the box: not its outline
        if at_x and at_y:
            corners.add((abs(x - x0) < tol, abs(y - y0) < tol))
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        if abs(ax - bx) >= tol and abs(ay - by) >= tol:
            return False  # a diagonal step: not a side
    return len(corners) == 4


def check_pages(name: str, pages: Iterable[int] | None, count: int) -> list[int]:
    """Validate 0-based page indices against the document's page count."""
    if pages is None:
        return list(range(count))
    wanted = list(pages)
    bad = [p for p in wanted if not isinstance(p, int) or p < 0 or p >= count]
    if bad:
        raise PageRangeError(
            f"{name}: page {bad[0] + 1 if isinstance(bad[0], int) else bad[0]} is out of range "
            f"(the document has {count} page{'s' if count != 1 else ''})"
        )
    return wanted


__all__ = [
    "DamagedPDFError",
    "LoadedDocument",
    "RawPage",
    "Source",
    "check_pages",
    "check_word_count",
    "cover_share",
    "open_document",
    "read_source",
]

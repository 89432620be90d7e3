"""quality_flags: mark pages that need OCR or whose text is garbled, and say so once.

Page-local facts come from the loader (:class:`~extractor.load.RawPage`): how many characters the
words had, how many of them had no Unicode meaning, how much of a wordless page lies under
images. :func:`flag_page` turns them into ``Page.needs_ocr`` and ``Page.garbled``;
:func:`report_pages` then logs one warning per kind of trouble for the whole document (runs of
pages collapse to "pages 2-5, 9"), or a single one when no page has any text.

Degraded input is not an error: the library warns (logger ``extractor``) and returns the pages
flagged. ``ExtractOptions(strict=True)`` raises :class:`~extractor.errors.NoTextError` instead
when a page needs OCR or when no page has text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from extractor.errors import NoTextError
from extractor.load import RawPage
from extractor.model import Page
from extractor.options import ExtractOptions

log = logging.getLogger("extractor")

# A wordless page is a scan when images cover at least this share of its area.
SCAN_IMAGE_COVER = 0.5
# A page is garbled when more than this share of its characters is undecodable ...
GARBLED_SHARE = 0.3
# ... and there are at least this many of them (one private-use bullet is not garbage).
GARBLED_MIN_CHARS = 3


def needs_ocr(raw: RawPage, page: Page) -> bool:
    """No text at all (not even undecodable glyphs), and images over most of the page."""
    return page.no_text and raw.undecodable == 0 and raw.image_cover >= SCAN_IMAGE_COVER


def garbled(raw: RawPage) -> bool:
    """Most characters came from fonts without a usable Unicode map."""
    return (
        raw.undecodable >= GARBLED_MIN_CHARS
        and raw.undecodable > GARBLED_SHARE * max(raw.chars, 1)
    )


def flag_page(name: str, raw: RawPage, page: Page, options: ExtractOptions) -> Page:
    """``page`` with ``needs_ocr`` and ``garbled`` set; with ``strict``, a scan raises."""
    scan, bad = needs_ocr(raw, page), garbled(raw)
    if not (scan or bad or page.needs_ocr or page.garbled):
        return page  # the common case: nothing to flag, no copy made
    flagged = replace(page, needs_ocr=scan, garbled=bad)
    if flagged.needs_ocr and options.strict:
        raise NoTextError(_no_layer(name, [page.number]))
    return flagged


def report_pages(name: str, pages: Sequence[Page], options: ExtractOptions) -> None:
    """Log what :func:`flag_page` found, once per document; ``strict``: no text at all raises."""
    message = no_text_message(name, pages)
    if message is not None:
        if options.strict:
            raise NoTextError(message)
        log.warning("%s", message)
        return
    scans = [p.number for p in pages if p.needs_ocr]
    if scans:
        log.warning("%s", _no_layer(name, scans))
    bad = [p.number for p in pages if p.garbled]
    if bad:
        log.warning(
            "%s: %s: text is garbled (font without Unicode map)", name, _page_list(bad)
        )
    blank = [p.number for p in pages if p.no_text and not p.needs_ocr and not p.garbled]
    if blank:
        log.info("%s: %s without text", name, _page_list(blank))


def no_text_message(name: str, pages: Sequence[Page]) -> str | None:
    """The one message for a document where no page has a word (None when some page has)."""
    if not pages or not all(p.no_text for p in pages):
        return None
    if all(p.needs_ocr for p in pages):
        return f"{name}: no page has a text layer (scanned?); OCR needed"
    if any(p.garbled for p in pages):
        return f"{name}: no readable text: the fonts have no Unicode map (garbled)"
    if any(p.needs_ocr for p in pages):
        return f"{name}: no text on any page; {_no_layer_pages(pages)} look scanned (OCR needed)"
    return f"{name}: no text on any page (blank, or text drawn as graphics)"


def _no_layer(name: str, numbers: list[int]) -> str:
    verb = "has" if len(numbers) == 1 else "have"
    return f"{name}: {_page_list(numbers)} {verb} no text layer (scanned?); OCR needed"


def _no_layer_pages(pages: Sequence[Page]) -> str:
    return _page_list([p.number for p in pages if p.needs_ocr])


def _page_list(numbers: list[int]) -> str:
    """0-based indices -> "page 3" or "pages 1-4, 7" (1-based, runs collapsed)."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in ordered:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    parts = [f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in runs]
    return ("page " if len(ordered) == 1 else "pages ") + ", ".join(parts)


__all__ = ["flag_page", "garbled", "needs_ocr", "no_text_message", "report_pages"]

"""repair.furniture: running heads and feet recognised from repetition across the document.

A running head or foot repeats from page to page with only a number changing, sometimes
alternating between left and right pages. Page-local cues (position, size, page-number
shape) miss the ones set in body type or larger; repetition across pages catches them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import regex

from extractor.model import Block, Page, Role

EDGE_SHARE = 0.15  # top and bottom share of the page height searched for running lines
POSITION_TOLERANCE = 8.0  # points: a running line's height on the page varies less than this
_NUMBERS = regex.compile(r"\d+|\b[ivxlcdm]+\b", regex.IGNORECASE)
_SPACES = regex.compile(r"\s+")
CANDIDATE_ROLES = (Role.BODY, Role.HEADING, Role.TITLE, Role.AUTHOR, Role.HEADER, Role.FOOTER)


def running_key(text: str) -> str:
    """The text with numbers masked, so "Page 11" and "Page 12" share a key."""
    return _SPACES.sub(" ", _NUMBERS.sub("#", text.lower())).strip()


def mark_running_furniture(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Mark as header/footer/page number the edge blocks whose text repeats across pages."""
    if len(pages) < 2:
        return pages
    seen: dict[tuple[str, str, int], set[int]] = defaultdict(set)
    for page in pages:
        for block in page.blocks:
            key = _key(block, page)
            if key:
                seen[key].add(page.number)
    needed = 2 if len(pages) <= 4 else 3
    running = {key for key, where in seen.items() if len(where) >= needed}
    if not running:
        return pages
    return tuple(_apply(page, running) for page in pages)


def _key(block: Block, page: Page) -> tuple[str, str, int] | None:
    """Where and what: page edge, masked text, and the line's height on the page (a running
    line stands at the same height on every page; a title that repeats it does not)."""
    edge = _edge(block, page)
    if edge is None:
        return None
    return edge, running_key(block.text), round(block.bbox.top / POSITION_TOLERANCE)


def _edge(block: Block, page: Page) -> str | None:
    if block.role not in CANDIDATE_ROLES or len(block.lines) > 2:
        return None
    if block.bbox.bottom <= page.height * EDGE_SHARE:
        return "top"
    if block.bbox.top >= page.height * (1 - EDGE_SHARE):
        return "bottom"
    return None


def _apply(page: Page, running: set[tuple[str, str, int]]) -> Page:
    blocks = []
    changed = False
    for block in page.blocks:
        key = _key(block, page)
        if key and key in running:
            edge, text, _ = key
            role = Role.PAGE_NUMBER if text.strip("#-–— .") == "" else (
                Role.HEADER if edge == "top" else Role.FOOTER
            )
            if role is not block.role:
                block = replace(block, role=role)
                changed = True
        blocks.append(block)
    return replace(page, blocks=tuple(blocks)) if changed else page

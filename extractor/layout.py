"""layout: one page's Lines -> Page with Blocks in reading order (stub, being written)."""

from __future__ import annotations

from extractor.load import RawPage
from extractor.model import Block, Line, Page


def analyse_page(raw: RawPage, lines: list[Line]) -> Page:
    blocks = tuple(Block.of([ln]) for ln in lines)
    return Page(raw.number, raw.width, raw.height, blocks, no_text=not lines)

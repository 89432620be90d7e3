"""repair: analysed Pages -> Document with clean body paragraphs.

Document-level: running heads and feet are recognised from repetition across pages, and
paragraphs continue across columns and pages.
"""

from __future__ import annotations

from extractor.model import Block, Document, Page, Paragraph, Role
from extractor.options import ExtractOptions
from extractor.repair.paragraphs import paragraph_runs
from extractor.repair.text import join_lines, vocabulary

FLOW = (Role.TITLE, Role.HEADING, Role.BODY, Role.LIST_ITEM)


def repair_document(source: str, pages: tuple[Page, ...], options: ExtractOptions) -> Document:
    """Turn the pages' flow blocks into paragraphs, in reading order."""
    flow: list[tuple[int, Block]] = []
    for page in pages:
        flow.extend((page.number, b) for b in page.blocks if b.role in FLOW)
        flow.extend((page.number, b) for b in page.blocks if b.role is Role.SIDEBAR)
    vocab = vocabulary(pages) if options.dehyphenate else frozenset()
    paragraphs = []
    for run in paragraph_runs(flow):
        text = join_lines(run.lines, vocab, dehyphenate=options.dehyphenate)
        if text:
            paragraphs.append(Paragraph(text, run.role, run.page, run.lines))
    return Document(source, pages, tuple(paragraphs))

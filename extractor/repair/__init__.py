"""repair: analysed Pages -> Document with clean body paragraphs.

Document-level: running heads and feet are recognised from repetition across pages, and
paragraphs continue across columns and pages.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.model import Block, Document, Page, Paragraph, Role, Word
from extractor.options import ExtractOptions
from extractor.repair.paragraphs import paragraph_runs
from extractor.repair.text import join_lines, vocabulary
from extractor.textnorm import LIST_MARK

FLOW = (Role.TITLE, Role.HEADING, Role.BODY, Role.LIST_ITEM, Role.TABLE)


def repair_document(
    source: str, pages: tuple[Page, ...], options: ExtractOptions, *, skip: frozenset[int] = frozenset()
) -> Document:
    """Turn the pages' flow blocks into paragraphs, in reading order.

    ``skip`` holds the ids of lines already placed in a paragraph of an earlier window
    (see :func:`extractor.pipeline.settle`).
    """
    flow: list[tuple[int, Block]] = []
    for page in pages:
        flow.extend((page.number, b) for b in page.blocks if b.role in FLOW)
        flow.extend((page.number, b) for b in page.blocks if b.role is Role.SIDEBAR)
    vocab = vocabulary(pages) if options.dehyphenate else frozenset()
    paragraphs = []
    for run in paragraph_runs(flow):
        lines = tuple(ln for ln in run.lines if id(ln) not in skip) if skip else run.lines
        if not lines:
            continue
        text = join_lines(lines, vocab, dehyphenate=options.dehyphenate)
        if text:
            role = _role_of(run.role, lines[0].words)
            paragraphs.append(Paragraph(text, role, lines[0].words[0].page, lines))
    pages = tuple(
        replace(page, paragraphs=tuple(p for p in paragraphs if p.page == page.number))
        for page in pages
    )
    return Document(source, pages, tuple(paragraphs), keep_furniture=options.keep_furniture)


def _role_of(role: Role, first_line: tuple[Word, ...]) -> Role:
    """A body paragraph that opens with a bullet or a list number is a list item."""
    if role is Role.BODY and len(first_line) > 1 and LIST_MARK.match(first_line[0].text):
        return Role.LIST_ITEM
    return role

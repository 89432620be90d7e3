"""repair: analysed Pages -> Document with clean body paragraphs (stub, being written)."""

from __future__ import annotations

from extractor.model import Document, Page, Paragraph
from extractor.options import ExtractOptions


def repair_document(source: str, pages: tuple[Page, ...], options: ExtractOptions) -> Document:
    paras = tuple(
        Paragraph(b.text, b.role, p.number, b.lines) for p in pages for b in p.blocks if b.role.is_flow
    )
    return Document(source, pages, paras)

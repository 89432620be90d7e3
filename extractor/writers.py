"""writers: Document -> text (and later Markdown, JSON); pure functions, same input same bytes."""

from __future__ import annotations

from extractor.model import Document


def to_text(doc: Document) -> str:
    """Body paragraphs, one per line, separated by one blank line."""
    body = [p.text for p in doc.paragraphs if p.role.is_flow and p.text]
    return "\n\n".join(body) + ("\n" if body else "")

"""render: a document streamed a window at a time -> one output, holding only text.

For batch runs over long documents: each window of pages is written out and dropped, so the
memory held is the output string plus one window of analysed pages, whatever the length.
The result is byte for byte what the writers give for the whole Document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from extractor.model import Document

FORMATS = ("text", "markdown", "json")


def render_stream(chunks: Iterable[Document], fmt: str = "text") -> tuple[str, int]:
    """(output, page count) of the consecutive windows of :func:`extractor.pipeline.stream`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        return _json(chunks)
    parts: list[str] = []
    pages = 0
    for chunk in chunks:
        pages += len(chunk.pages)
        out = chunk.to_text() if fmt == "text" else chunk.to_markdown()
        if out.strip():
            parts.append(out.rstrip("\n"))
    return ("\n\n".join(parts) + "\n" if parts else ""), pages


def _json(chunks: Iterable[Document]) -> tuple[str, int]:
    head: dict[str, Any] | None = None
    pages: list[dict[str, Any]] = []
    offset = 0
    for chunk in chunks:
        doc = json.loads(chunk.to_json())
        for page in doc["pages"]:
            for element in page["elements"]:
                if element.get("paragraph") is not None:
                    element["paragraph"] += offset
            pages.append(page)
        offset += len(chunk.paragraphs)
        head = head or doc
    if head is None:
        return "", 0
    head["pages"] = pages
    return json.dumps(head, ensure_ascii=False, indent=1), len(pages)

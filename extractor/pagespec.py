"""pagespec: parse a 1-based page spec such as ``"1-3,7"`` into 0-based page indices.

Pure and separately tested; the CLI turns a :class:`PageRangeError` into a usage error.
"""

from __future__ import annotations

import re

from extractor.errors import PageRangeError

_PART = re.compile(r"^([0-9]+)(?:[ \t]*(-)[ \t]*([0-9]+)?)?$")
# Without a page count, a spec may not name more pages than this (bounds memory on "1-999999999").
MAX_PAGES = 1_000_000


def parse_pages(spec: str, page_count: int | None = None) -> list[int]:
    """Turn ``"1-3,7"`` (1-based, inclusive) into sorted unique 0-based indices ``[0, 1, 2, 6]``.

    Parts are separated by commas; each is a page ``N`` or a range ``A-B`` with ``A <= B``.
    An open range ``A-`` runs to the last page and needs ``page_count``. When ``page_count``
    is given, every page must exist. Raises :class:`PageRangeError` (also a ``ValueError``)
    with a message quoting the bad part.
    """
    if not isinstance(spec, str):
        raise PageRangeError(f"page spec must be a string, got {type(spec).__name__}")
    if page_count is not None and page_count < 0:
        raise PageRangeError(f"page count must not be negative, got {page_count}")
    if not spec.strip():
        raise PageRangeError("empty page spec: give pages like 1-3,7")
    pages: set[int] = set()
    for raw in spec.split(","):
        part = raw.strip()
        match = _PART.match(part)
        if not match:
            raise PageRangeError(
                f"bad page spec {part!r} in {spec!r}: use page numbers and ranges like 1-3,7"
            )
        first = int(match.group(1))
        is_range = match.group(2) is not None
        if match.group(3) is not None:
            last = int(match.group(3))
        elif is_range:
            if page_count is None:
                raise PageRangeError(
                    f"open range {part!r} needs the page count: "
                    f"write an end page, like {first}-{first + 1}"
                )
            last = page_count
        else:
            last = first
        if first < 1:
            raise PageRangeError(f"bad page {part!r}: pages are numbered from 1")
        if page_count is not None and max(first, last) > page_count:
            raise PageRangeError(
                f"page {max(first, last)} is out of range (the document has "
                f"{page_count} page{'' if page_count == 1 else 's'})"
            )
        if last < first:
            raise PageRangeError(f"bad page range {part!r}: the end comes before the start")
        if page_count is None and last > MAX_PAGES:
            raise PageRangeError(f"page {last} is out of range (at most {MAX_PAGES} pages)")
        pages.update(range(first - 1, last))
    return sorted(pages)


def needs_page_count(spec: str) -> bool:
    """True when ``spec`` has an open range (``"5-"``), so it can only be resolved per document."""
    return any(part.strip().endswith("-") for part in spec.split(","))


def format_pages(indices: list[int]) -> str:
    """The inverse of :func:`parse_pages`: 0-based indices -> compact 1-based spec."""
    out: list[str] = []
    ordered = sorted(set(indices))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        a, b = ordered[i] + 1, ordered[j] + 1
        out.append(str(a) if a == b else f"{a}-{b}")
        i = j + 1
    return ",".join(out)


__all__ = ["format_pages", "needs_page_count", "parse_pages"]

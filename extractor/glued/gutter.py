"""gutter: split on a visible gutter (runs of 2+ spaces aligned down the page, as `pdftotext -layout`
leaves them), where geometry survived and no width model is needed.
"""

from __future__ import annotations

from collections import Counter

import regex

_RUN = regex.compile(r" {2,}(?=\S)")
MIN_SHARE = 0.3  # share of the body lines that must show the gutter
MIN_LINES = 3
MIN_INDENT = 12  # leading spaces this long put a line in the right column
SLACK = 2  # characters a right column's start may wander


def gutter_column(lines: list[str]) -> int | None:
    """Character position where the right column starts, if enough lines agree on one."""
    hits: Counter[int] = Counter()
    body = 0
    for ln in lines:
        if not ln.strip():
            continue
        body += 1
        for m in _RUN.finditer(ln.rstrip()):
            if m.start() > 0 or m.end() >= MIN_INDENT:
                hits[m.end()] += 1
    if not hits:
        return None
    pos, _ = max(
        ((p, sum(hits.get(p + d, 0) for d in range(-SLACK, SLACK + 1))) for p in hits),
        key=lambda t: t[1],
    )
    support = sum(hits.get(pos + d, 0) for d in range(-SLACK, SLACK + 1))
    if support < max(MIN_LINES, MIN_SHARE * body):
        return None
    return pos


def split_line(line: str, pos: int) -> tuple[str, str]:
    text = line.rstrip()
    lead = len(text) - len(text.lstrip())
    if lead >= pos - SLACK - 1:
        return "", " ".join(text.split())
    for m in _RUN.finditer(text):
        if m.start() > 0 and abs(m.end() - pos) <= SLACK:
            return " ".join(text[: m.start()].split()), " ".join(text[m.end() :].split())
    return " ".join(text.split()), ""


def split_on_gutter(lines: list[str], drop: set[int]) -> dict[int, tuple[str, str]] | None:
    """(left, right) per body line when a gutter is visible, else None."""
    body = {i: ln.expandtabs() for i, ln in enumerate(lines) if i not in drop and ln.strip()}
    pos = gutter_column(list(body.values()))
    if pos is None:
        return None
    return {i: split_line(ln, pos) for i, ln in body.items()}

"""order: blocks of one page -> the order a person reads them (a topological sort).

After Breuel (2003): block a comes before block b when they overlap horizontally and a is
above b, or when a lies wholly left of b and no third block, vertically between them,
reaches across both (a spanning heading or caption closes a section: the columns above it
are read before the columns below it). The result depends on geometry only, never on the
order in which the PDF drew its text.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from extractor.model import BBox

# Horizontal overlap (points) below which two boxes count as side by side.
OVERLAP_SLACK = 2.0


# Above this many boxes (a chart's labels, a dense table) the partial order's cubic worst
# case is not worth it: such pages are read row by row.
MAX_ORDERED = 120


def reading_order(boxes: Sequence[BBox], *, columns: int = 2) -> list[int]:
    """Indices of ``boxes`` in reading order.

    ``columns`` is the number of text columns found on the page: with one, side-by-side
    boxes (a centred byline beside a heading further down) are read top to bottom, as
    there is no column to finish first.
    """
    n = len(boxes)
    if n < 2:
        return list(range(n))
    if n > MAX_ORDERED:
        return _rows(boxes)
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    by_top = sorted(range(n), key=lambda i: boxes[i].top)
    for ai in range(n):
        a = boxes[ai]
        for bi in range(ai + 1, n):
            b = boxes[bi]
            # At most one of the two holds (see _before), so the second is asked only when
            # the first fails.
            if _before(a, b, boxes, by_top, columns):
                succ[ai].append(bi)
                indeg[bi] += 1
            elif _before(b, a, boxes, by_top, columns):
                succ[bi].append(ai)
                indeg[ai] += 1
    return _toposort(boxes, succ, indeg)


def _before(a: BBox, b: BBox, boxes: Sequence[BBox], by_top: list[int], columns: int = 2) -> bool:
    overlap = a.h_overlap(b)
    if overlap > OVERLAP_SLACK:
        return a.top < b.top or (a.top == b.top and a.x0 < b.x0)
    if columns <= 1 and (b.bottom <= a.top or a.bottom <= b.top):
        return a.top < b.top  # one column: what stands higher is read first
    if a.x1 > b.x0 + OVERLAP_SLACK:
        return False  # a is not left of b
    if b.bottom > a.top:
        return True  # side by side, or b below: the left one first
    # b is above a (b higher, to the right): a comes first unless a block between them
    # vertically spans both (then the section containing b is read before a).
    return not _bridged(a, b, boxes, by_top)


def _bridged(lower_left: BBox, upper_right: BBox, boxes: Sequence[BBox], by_top: list[int]) -> bool:
    lo, hi = upper_right.bottom - OVERLAP_SLACK, lower_left.top + OVERLAP_SLACK
    for ci in by_top:
        c = boxes[ci]
        if c.top < lo:
            continue
        if c.top > hi:
            break
        if (
            c.bottom <= hi
            and c.h_overlap(lower_left) > OVERLAP_SLACK
            and c.h_overlap(upper_right) > OVERLAP_SLACK
        ):
            return True
    return False


def _rows(boxes: Sequence[BBox]) -> list[int]:
    """Row by row, left to right: rows are bands one typical box height tall."""
    heights = sorted(b.height for b in boxes)
    band = max(heights[len(heights) // 2], 1.0)
    return sorted(range(len(boxes)), key=lambda i: (round(boxes[i].top / band), boxes[i].x0))


def _toposort(boxes: Sequence[BBox], succ: list[list[int]], indeg: list[int]) -> list[int]:
    """Kahn's algorithm; among ready blocks the top-most, then left-most, goes first.

    Cycles (possible with overlapping boxes) are broken by taking the top-most remaining box.
    """
    n = len(boxes)
    key = [(round(b.top, 1), b.x0, i) for i, b in enumerate(boxes)]
    ready = [key[i] for i in range(n) if indeg[i] == 0]
    heapq.heapify(ready)
    done = [False] * n
    out: list[int] = []
    while len(out) < n:
        if not ready:
            i = min(key[i] for i in range(n) if not done[i])[2]
            indeg[i] = 0
            ready.append(key[i])
        _, _, i = heapq.heappop(ready)
        if done[i]:
            continue
        done[i] = True
        out.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0 and not done[j]:
                heapq.heappush(ready, key[j])
    return out

"""casing: how a word's case reads after the word before it, learnt from the page itself.

Whether "of" + "Python" or "ends." + "the" joins two lines of one column depends on how often the
page's own prose puts a capital mid-sentence (names, titles, code) or a small letter after a full
stop. The words inside each glued row are (all but one pair) true neighbours, so their counts
give P(case of b | a ends a sentence or not); a wrong join draws b from line starts instead. The
cost of a join is the log-ratio of the two, so a page full of names gets a weak capital penalty
and plain prose a strong one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

LOWER, CAP_COMMON, CAP_RARE, OTHER = range(4)
PSEUDO = 3.0  # pseudo-count per cell: small pages fall back towards no evidence
LIMIT = 3.0  # one join never costs or gains more than this


class Worded(Protocol):
    kind: list[int]
    term: list[bool]
    hyph: list[bool]


def word_kind(lower: bool, upper: bool, common: bool) -> int:
    if lower:
        return LOWER
    if upper:
        return CAP_COMMON if common else CAP_RARE
    return OTHER


def case_table(rows: Sequence[Worded]) -> list[list[float]]:
    """cost[a ends a sentence][kind of b]: -log P(kind | neighbour) / P(kind | line start)."""
    pair = [[PSEUDO] * 4 for _ in range(2)]
    start = [PSEUDO] * 4
    for r in rows:
        if r.kind:
            start[r.kind[0]] += 1
        for i in range(len(r.kind) - 1):
            if not r.hyph[i]:
                pair[int(r.term[i])][r.kind[i + 1]] += 1
    s_total = sum(start)
    out: list[list[float]] = []
    for counts in pair:
        total = sum(counts)
        out.append([
            max(-LIMIT, min(LIMIT, -math.log((c / total) / (s / s_total))))
            for c, s in zip(counts, start)
        ])
    return out

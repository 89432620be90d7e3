"""style: does this page set its paragraphs apart with a blank row? Learnt from a first labelling.

Some pages leave a blank row between paragraphs, others do not; either is kept up down the page.
A glued row that holds one part may be a paragraph gap in the other column or that column's text
continuing, and the two readings differ in where paragraphs end: the wrong one ends a paragraph
without a gap on a page whose every other paragraph end has one. So once a labelling exists, its
column lines are counted: paragraph ends followed by a gap vs. visibly short lines ending a
sentence that the next line of the column follows directly. On a gapped page, a paragraph end
without a gap pays the log-odds, and a gap after a sentence end is expected (its stop is credited).
"""

from __future__ import annotations

import math

from extractor.glued.rows import Row
from extractor.glued.widths import SPACE

SHORT = 0.06  # a line this much short of its column (after the next word) ends a paragraph
PRIOR = 1.0  # pseudo-count on each side
MIN_GAPS = 3  # fewer gapped paragraph ends than this is no style
BIAS_MAX = 2.0


def gap_bias(rows: list[Row], ks: list[int], wl: float, wr: float) -> float:
    """How much a paragraph end without a gap costs on this page (0: no evidence of gaps)."""
    gapped = direct = 0
    for side, col in ((0, wl), (1, wr)):
        seq = [t for t, k in enumerate(ks) if (k > 0 if side == 0 else k < rows[t].n)]
        for s, t in zip(seq, seq[1:]):
            a, b = rows[s], rows[t]
            i = ks[s] - 1 if side == 0 else a.n - 1
            j = 0 if side == 0 else ks[t]
            if not a.term[i] or not b.upper[j]:
                continue
            if t > s + 1 or b.gap_before:
                gapped += 1
                continue
            width = a.pw[ks[s]] if side == 0 else a.right_width(ks[s])
            if (col - width - SPACE - b.ww[j]) / col > SHORT:
                direct += 1
    if gapped < MIN_GAPS:
        return 0.0
    return max(0.0, min(BIAS_MAX, math.log((gapped + PRIOR) / (direct + PRIOR))))

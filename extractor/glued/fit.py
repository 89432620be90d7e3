"""fit: search the two unknown column widths, and decide between one and two columns.

The sum of the widths shows in the widest rows (both parts full), so the search starts on a grid
of left/right shares of that sum, then refines each width alone by a few per cent (coordinate
descent). Each probe is one Viterbi pass over candidate splits pruned by width. The labelling
found is then refined (refine), equal columns are tried if the search settled on unequal ones,
and the widths are read once more off the labelling by the line-breaking rule (widths_of).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.glued.refine import refine
from extractor.glued.rows import Row
from extractor.glued.chain import viterbi
from extractor.glued.split import C_SINGLE, Solution
from extractor.glued.split import viterbi as viterbi_plain
from extractor.glued.style import gap_bias
from extractor.glued.widths import SPACE

SHARES = [0.2 + 0.05 * i for i in range(13)]  # left column's share of the row width
STEPS = (0.04, 0.02, 0.01)
REFITS = 1  # times the widths are read off the labelling and the splits chosen again
MIN_LINES = 5  # a column needs this many lines before its width is read off them
EQUAL = 0.04  # widths this close are one width (equal columns are the common layout): pooled


@dataclass(slots=True)
class Fit:
    wl: float
    wr: float  # 0.0 for one column
    solution: Solution


def row_width_sum(rows: list[Row]) -> float:
    """Width of the widest rows, robust to one stray long line."""
    totals = sorted(r.pw[-1] for r in rows)
    return totals[max(0, len(totals) - 1 - len(totals) // 50)]


def one_column(rows: list[Row]) -> Fit:
    """Every row is a whole line of one column as wide as the widest row."""
    w = row_width_sum(rows)
    sol = viterbi_one(rows, w)
    return Fit(w, 0.0, sol)


def viterbi_one(rows: list[Row], w: float) -> Solution:
    sol = viterbi_plain(rows, w, 1e-6)  # the right column cannot hold a word
    sol.cost -= C_SINGLE * len(rows)
    return sol


def two_columns(rows: list[Row]) -> Fit:
    total = row_width_sum(rows) - SPACE
    best: Fit | None = None
    for share in SHARES:
        wl, wr = total * share, total * (1 - share)
        sol = viterbi(rows, wl, wr)
        if best is None or sol.cost < best.solution.cost:
            best = Fit(wl, wr, sol)
    assert best is not None
    for step in STEPS:
        for _ in range(2):
            improved = False
            for wl, wr in (
                (best.wl * (1 + step), best.wr),
                (best.wl * (1 - step), best.wr),
                (best.wl, best.wr * (1 + step)),
                (best.wl, best.wr * (1 - step)),
            ):
                sol = viterbi(rows, wl, wr)
                if sol.cost < best.solution.cost:
                    best, improved = Fit(wl, wr, sol), True
            if not improved:
                break
    return best


def fit(rows: list[Row]) -> Fit:
    one = one_column(rows)
    if len(rows) < 3:
        return one
    two = two_columns(rows)
    start = two.solution
    bias = gap_bias(rows, start.ks, two.wl, two.wr)
    if bias:
        for row in rows:
            row.gap_bias = bias
        start = viterbi(rows, two.wl, two.wr)
    two.solution = refine(rows, start, two.wl, two.wr)
    two = min([two, *equal_alternatives(rows, two)], key=lambda f: f.solution.cost)
    if two.solution.cost >= one.solution.cost:
        return one
    for _ in range(REFITS):
        wl, wr = widths_of(rows, two.solution.ks)
        if not wl or not wr or (abs(wl / two.wl - 1) < 0.005 and abs(wr / two.wr - 1) < 0.005):
            break
        two = Fit(wl, wr, refine(rows, viterbi(rows, wl, wr), wl, wr))
    return two


def equal_alternatives(rows: list[Row], two: Fit) -> list[Fit]:
    """Equal columns at either fitted width, when the search settled on unequal ones.

    Equal columns are the common layout, and the search can settle on a narrower column for a
    side whose one-part rows it gave to the other side (then they do not fit back): each equal
    reading is solved too, and the cheapest labelling wins."""
    if abs(two.wl / two.wr - 1) < EQUAL:
        return []
    return [Fit(w, w, refine(rows, viterbi(rows, w, w), w, w)) for w in (two.wl, two.wr)]


def widths_of(rows: list[Row], ks: list[int]) -> tuple[float, float]:
    """Column widths read off a labelling, from the line-breaking rule itself.

    The search scores widths by the total cost, where a width that lets one more word onto a few
    lines can win by a hair; once the sides are fixed, the lines themselves bound each column's
    width: every line fits (width <= W), and a line that goes on in the next row without ending
    a sentence ended because the next word did not fit (width + space + next word > W). The
    width that breaks fewest of these bounds is taken, in the middle of its free interval.
    Columns this close to equal are one width, read off both columns' lines.
    """
    bounds = [line_bounds(rows, ks, side) for side in (0, 1)]
    out = [best_width(*b) for b in bounds]
    if out[0] and out[1] and abs(out[0] / out[1] - 1) < EQUAL:
        both = best_width(bounds[0][0] + bounds[1][0], bounds[0][1] + bounds[1][1])
        return both, both
    return out[0], out[1]


def line_bounds(rows: list[Row], ks: list[int], side: int) -> tuple[list[float], list[float]]:
    """(widths of the column's lines, widths with the column's next word added where the line
    had to end for want of room)."""
    seq = [t for t, k in enumerate(ks) if (k > 0 if side == 0 else k < rows[t].n)]
    fits: list[float] = []
    overs: list[float] = []
    for m, t in enumerate(seq):
        r, k = rows[t], ks[t]
        width = r.pw[k] if side == 0 else r.right_width(k)
        i = k - 1 if side == 0 else r.n - 1
        if not r.caption[0 if side == 0 else k]:  # a caption is set smaller
            fits.append(width)
        follows = m + 1 < len(seq) and seq[m + 1] == t + 1 and not rows[t + 1].gap_before
        if follows and not r.term[i] and not r.hyph[i]:
            j = 0 if side == 0 else ks[t + 1]
            overs.append(width + SPACE + rows[t + 1].ww[j])
    return fits, overs


def best_width(fits: list[float], overs: list[float]) -> float:
    """The width that fewest lines contradict (0.0 for too few lines)."""
    if len(fits) < MIN_LINES:
        return 0.0
    cands = sorted(set(fits + overs))
    best, at = len(cands) + len(fits), 0
    for i, w in enumerate(cands):
        broken = sum(1 for x in fits if x > w) + sum(1 for x in overs if x <= w)
        if broken < best:
            best, at = broken, i
    upper = cands[at + 1] if at + 1 < len(cands) else cands[at]
    return (cands[at] + upper) / 2

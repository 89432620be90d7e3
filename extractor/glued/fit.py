"""fit: search the two unknown column widths, and decide between one and two columns.

The sum of the widths shows in the widest rows (both parts full), so the search starts on a grid
of left/right shares of that sum, then refines each width alone by a few per cent (coordinate
descent). Each probe is one Viterbi pass over candidate splits pruned by width.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.glued.refine import refine
from extractor.glued.rows import Row
from extractor.glued.split import C_SINGLE, Solution, viterbi
from extractor.glued.widths import SPACE

SHARES = [0.2 + 0.05 * i for i in range(13)]  # left column's share of the row width
STEPS = (0.04, 0.02, 0.01)


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
    sol = viterbi(rows, w, 1e-6)  # the right column cannot hold a word
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
    two.solution = refine(rows, two.solution, two.wl, two.wr)
    if two.solution.cost < one.solution.cost:
        return two
    return one

"""refine: settle which column the one-part rows belong to, using what a row chain cannot see.

Rows holding one part only (a lower-starting column, a column that ends early, a figure) fit
either column equally well when the columns are about as wide, so the Viterbi pass cannot tell
their side. Reading order can: the left column's text flows on into the right column, and a
column's text flows on across a gap. Those joins span many rows, so they are scored here on whole
labelings, flipping one run of one-part rows at a time (re-running the Viterbi pass with that run
pinned to the other side) while the total cost falls. Captions (which need room for a figure)
and the rows around the switch from the left column to the right are scored here too, so their
rows' other splits are tried as moves as well. Each move is priced over its pinned rows only
(window.Window), so many can be tried.
"""

from __future__ import annotations

from extractor.glued.rows import Row, hyphen_join_ok
from extractor.glued.chain import Lattice
from extractor.glued.split import (
    Solution, candidates, end_cost, flow_cost, gap_flow, pe_price, stop_cost,
)
from extractor.glued.window import Window

C_LEFT_LOWER = 1.0  # the left column starts lower than the right one
C_LEFT_EARLIER = 2.0  # the left column ends earlier than the right one
C_FIRST_LOWER = 1.0  # the page's text starts mid-sentence (a column start is more often a paragraph's)
C_BAD_CARRY = 1.5  # the left column's last word "ex-" does not join the right column's first word
MIN_FIGURE = 3  # lines a figure leaves empty in its column, at least
C_NO_FIGURE = 2.0  # a caption without that much room above or below it
CAPTION_REACH = 3  # rows after a caption opener whose other splits refine tries
MAX_PASSES = 3
MAX_PAIRS = 6  # with this many runs or fewer, pairs of runs are flipped together too


def column_lines(rows: list[Row], ks: list[int]) -> tuple[list[int], list[int]]:
    """Row positions holding left text and right text."""
    left = [t for t, k in enumerate(ks) if k > 0]
    right = [t for t, k in enumerate(ks) if k < rows[t].n]
    return left, right


def global_cost(rows: list[Row], ks: list[int], wl: float) -> float:
    """Joins across gaps inside a column, and from the left column's end to the right's start."""
    left, right = column_lines(rows, ks)
    cost = 0.0
    for seq, side in ((left, 0), (right, 1)):
        for s, t in zip(seq, seq[1:]):
            if t > s + 1:
                i = ks[s] - 1 if side == 0 else rows[s].n - 1
                j = 0 if side == 0 else ks[t]
                cost += gap_flow(rows[s], i, rows[t], j)
        cost += figure_cost(rows, ks, seq, side)
    if left and rows[left[0]].lower[0]:
        cost += C_FIRST_LOWER
    if left and right:
        cost += order_prior(left, right)
        s, t = left[-1], right[0]
        a, b, i, j = rows[s], rows[t], ks[s] - 1, ks[t]
        if a.hyph[i] or not a.term[i]:
            cost += end_cost(a.pw[ks[s]], b.ww[j], wl, pe_price(a, i, b, j))
        cost += flow_cost(a, i, b, j)
        if a.hyph[i] and not hyphen_join_ok(a.words[i], b.words[j]):
            cost += C_BAD_CARRY
    return cost


def figure_cost(rows: list[Row], ks: list[int], seq: list[int], side: int) -> float:
    """A caption ("Figure 2: ...") sits under or over its figure, which leaves its column empty
    for some lines: a caption with text close above it and close below its last line has no
    room for a figure, and its lines are more likely the other column's. A caption is a label,
    not a sentence: the stop price its last line paid before the gap is handed back."""
    cost = 0.0
    for m, t in enumerate(seq):
        if not rows[t].caption[0 if side == 0 else ks[t]] or (side == 1 and ks[t] == rows[t].n):
            continue
        above = rows[t].index - rows[seq[m - 1]].index - 1 if m else MIN_FIGURE
        end = m
        while end + 1 < len(seq) and seq[end + 1] == seq[end] + 1 and not rows[seq[end + 1]].gap_before:
            end += 1
        u = seq[end]
        below = rows[seq[end + 1]].index - rows[u].index - 1 if end + 1 < len(seq) else MIN_FIGURE
        if above < MIN_FIGURE and below < MIN_FIGURE:
            cost += C_NO_FIGURE
        if u + 1 < len(rows) and (end + 1 == len(seq) or seq[end + 1] > u + 1):
            cost -= stop_cost(rows[u], ks[u] - 1 if side == 0 else rows[u].n - 1)
    return cost


def order_prior(left: list[int], right: list[int]) -> float:
    """Text flows from the left column into the right one, so when it runs out the right column
    is the short one, and a column that starts lower (under a box or a figure) is more often the
    right one: the mirror layouts are possible but rarer."""
    cost = 0.0
    if left[0] > right[0]:
        cost += C_LEFT_LOWER
    if left[-1] < right[-1]:
        cost += C_LEFT_EARLIER
    return cost


def runs(rows: list[Row], ks: list[int]) -> list[tuple[list[int], int]]:
    """Maximal runs of one-part rows on the same side, with the side to flip them to."""
    out: list[tuple[list[int], int]] = []
    cur: list[int] = []
    side = -1
    for t, k in enumerate(ks):
        s = 0 if k == rows[t].n else 1 if k == 0 else -1
        if s != -1 and s == side:
            cur.append(t)
            continue
        if cur:
            out.append((cur, side))
        cur, side = ([t], s) if s != -1 else ([], -1)
    if cur:
        out.append((cur, side))
    return out


def shrunk_of(run: tuple[list[int], int]) -> list[tuple[list[int], int]]:
    rows_, side = run
    return [(rows_[:-1], side), (rows_[1:], side)] if len(rows_) > 1 else []


def edge_moves(
    rows: list[Row], ks: list[int], emits: dict[int, list[tuple[int, float]]], wl: float, wr: float
) -> list[dict[int, int]]:
    """Other splits of the rows that hold the left column's last line and the right column's
    first: the join between them (global_cost) is the one the row chain cannot price."""
    left, right = column_lines(rows, ks)
    if not left or not right:
        return []
    near = {left[-1], right[0]}
    # a caption's lines: where its paragraph ends is priced by global_cost (figure_cost) too
    for t, row in enumerate(rows):
        if row.caption[0] or (ks[t] < row.n and row.caption[ks[t]]):
            near.update(range(t + 1, min(len(rows), t + 1 + CAPTION_REACH)))
    out: list[dict[int, int]] = []
    for t in sorted(near):
        cands = emits.get(t) or candidates(rows[t], wl, wr)
        out += [{t: k} for k, _ in cands if k != ks[t]]
    return out


def refine(rows: list[Row], sol: Solution, wl: float, wr: float) -> Solution:
    best = Solution(sol.cost + global_cost(rows, sol.ks, wl), sol.ks)
    emits: dict[int, list[tuple[int, float]]] = {}
    window = Window(Lattice(rows, wl, wr, {}, emits))
    for _ in range(MAX_PASSES):
        improved = False
        found = runs(rows, best.ks)
        moves = [[r] for r in found]
        if len(found) <= MAX_PAIRS:
            moves += [[a, b] for i, a in enumerate(found) for b in found[i + 1 :]]
        moves.append(found)
        # a run's end row may hold both parts in truth: flip the rest, leave that row free
        shrunk = [((run[:-1], side), (run[1:], side)) for run, side in found if len(run) > 1]
        moves += [[r] for pair in shrunk for r in pair]
        moves += [[a, b] for a, b2 in zip(found, found[1:]) for b in shrunk_of(b2)]
        # a run at the top or bottom may hold both columns' one-part rows: one column starts
        # lower or ends earlier inside it, the other has a gap there
        for run, side in found:
            if run[0] != 0 and run[-1] != len(rows) - 1:
                continue
            for j in range(1, len(run)):
                moves += [[(run[:j], side)], [(run[j:], side)]]
        trials = [{t: (0 if side == 0 else rows[t].n) for run, side in move for t in run}
                  for move in moves]
        trials += edge_moves(rows, best.ks, emits, wl, wr)
        for pins in trials:
            trial = window.solve(pins)
            total = trial.cost + global_cost(rows, trial.ks, wl)
            if total < best.cost - 1e-9:
                best, improved = Solution(total, trial.ks), True
        if not improved:
            break
    return best

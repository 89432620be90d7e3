"""chain: the Viterbi pass over rows, with each column's start/end state carried along.

A first-order chain over k (the split) alone sees a row holding one part as a gap in the other
column, priced row by row, and lets a column stop and resume anywhere. Real pages have two other
kinds of one-part row: a column that starts lower (under a box or a title) and one that ends
earlier (the text ran out). Those are contiguous runs at the top or bottom whose rows cost nothing
each, but the layout itself is priced once. So each column carries a state along the rows:

    0 not started yet -> 1 running (text, or a gap inside the column) -> 2 ended for good

A column's text puts it in state 1; it can only move forward (a column never restarts after it
ended), a row missing a running column pays the gap price (C_SINGLE) while a row missing a column
that has not started or has ended pays nothing, and the layouts pay their priors once: text flows
from the left column into the right one, so a right column that starts lower or ends earlier is
common and the mirror layouts are rarer. This turns whole runs of equal-width one-part rows into
one decision between two layouts, instead of a row-by-row coin toss.
"""

from __future__ import annotations

from extractor.glued.rows import Row
from extractor.glued.joins import left_step, right_step
from extractor.glued.split import C_SINGLE, C_START, Solution, backtrack, candidates

# one-time layout priors, per column (left, right)
C_LOWER = (1.5, 0.5)  # the column starts below the page's first text row
C_EARLY = (2.5, 0.5)  # the column ends above the page's last text row
C_OUT = 0.0  # a row missing a column that has not started or has ended

States = list[tuple[int, float, int, int]]  # (k, emission, left state, right state)


def expand(row: Row, cands: list[tuple[int, float]], first: bool) -> States:
    """Every (k, column states) a row may take; one-part rows drop their gap price unless the
    missing column is running."""
    out: States = []
    for k, e in cands:
        has_l, has_r = k > 0, k < row.n
        single = not (has_l and has_r)
        base = e - C_SINGLE if single else e
        for sl in ((1,) if has_l else ((0,) if first else (0, 1, 2))):
            for sr in ((1,) if has_r else ((0,) if first else (0, 1, 2))):
                gap = (not has_l and sl == 1) or (not has_r and sr == 1)
                out.append((k, base + (C_SINGLE if gap else C_OUT if single else 0.0), sl, sr))
    return out


def step(sa: int, sb: int, had: bool, has: bool, side: int) -> float | None:
    """Price of one column's state moving sa -> sb between rows (None: impossible).

    `had`/`has`: the column holds text in the earlier/later row. The base transition already
    charged C_START for a column appearing after a row without it, and a stop price for one
    disappearing; a lower start trades the former for its prior, an end adds its prior."""
    if sb == 0:
        return 0.0 if sa == 0 else None
    if sb == 1:
        if sa == 2 or (sa == 0 and not has):
            return None
        return C_LOWER[side] - C_START if sa == 0 else 0.0
    if sa == 0 or (sa == 1 and not had):
        return None  # a column ends right after its last text row, never in mid-gap
    return C_EARLY[side] if sa == 1 else 0.0


def final(sl: int, sr: int) -> float:
    """A column that never started at all (the one-column reading is fitted on its own)."""
    return (C_LOWER[0] + C_EARLY[0] if sl == 0 else 0.0) + (C_LOWER[1] + C_EARLY[1] if sr == 0 else 0.0)


def _flat_steps() -> list[list[list[list[float]]]]:
    """flat[side][sb][has][sa * 2 + had]: step() tabled, impossible moves at infinity."""
    inf = float("inf")
    return [[[[inf if (c := step(sa, sb, had, has, side)) is None else c
               for sa in range(3) for had in (False, True)]
              for has in (False, True)] for sb in range(3)] for side in (0, 1)]


FLAT = _flat_steps()


class Lattice:
    """The chain at one pair of column widths: each row's states, and the column steps between
    rows, priced once and kept (`memo`) for every pass at these widths."""

    def __init__(
        self,
        rows: list[Row],
        wl: float,
        wr: float,
        memo: dict[tuple[int, int], dict[int, float]] | None = None,
        emits: dict[int, list[tuple[int, float]]] | None = None,
    ) -> None:
        self.rows, self.wl, self.wr = rows, wl, wr
        self.memo: dict[tuple[int, int], dict[int, float]] = {} if memo is None else memo
        self.emits = emits

    def states(self, t: int, pin: int | None = None) -> States:
        """Row t's states: its candidate splits (or the pinned one) with their column states."""
        row = self.rows[t]
        if pin is not None or self.emits is None:
            cands = candidates(row, self.wl, self.wr, pin)
        else:
            cands = self.emits.get(t) or self.emits.setdefault(t, candidates(row, self.wl, self.wr))
        return expand(row, cands, t == 0)

    def links(
        self, t: int, prev: States, new: States, scores: list[float] | None = None
    ) -> list[list[float]]:
        """links[j][i]: price of going from state i of row t-1 to state j of row t (without
        either's emission), plus `scores`[i] when given."""
        a, b = self.rows[t - 1], self.rows[t]
        pks = [ka for ka, _, _, _ in prev]
        lkey = [sla * 2 + (ka > 0) for ka, _, sla, _ in prev]
        rkey = [sra * 2 + (ka < a.n) for ka, _, _, sra in prev]
        # both columns' state moves and the left column's step (which does not depend on the new
        # row's split), per kind of new state; then the right column's step per new split
        lsteps = self.memo.setdefault((t, -1), {})
        bases: dict[tuple[int, int, bool, bool], list[float]] = {}
        out: list[list[float]] = []
        for kb, _, slb, srb in new:
            has = kb > 0
            sig = (slb, srb, has, kb < b.n)
            base = bases.get(sig)
            if base is None:
                tl, tr = FLAT[0][slb][has], FLAT[1][srb][sig[3]]
                for ka in pks:
                    if 2 * ka + has not in lsteps:
                        lsteps[2 * ka + has] = left_step(a, ka, b, has, self.wl)
                base = bases[sig] = [tl[x] + tr[y] + lsteps[2 * ka + has]
                                     for x, y, ka in zip(lkey, rkey, pks)]
                if scores is not None:
                    base[:] = [c + s for c, s in zip(base, scores)]
            rsteps = self.memo.get((t, kb))
            if rsteps is None:
                rsteps = self.memo[(t, kb)] = {}
            for ka in pks:
                if ka not in rsteps:
                    rsteps[ka] = right_step(a, ka, b, kb, self.wr)
            out.append([c + rsteps[ka] for c, ka in zip(base, pks)])
        return out

    def advance(
        self, t: int, prev: States, scores: list[float], new: States
    ) -> tuple[list[float], list[int]]:
        """Best score of each state of row t (emission included) over the states of row t-1,
        and which one gave it."""
        out: list[float] = []
        ptr: list[int] = []
        for (_, eb, _, _), vals in zip(new, self.links(t, prev, new, scores)):
            best = min(vals)
            out.append(best + eb)
            ptr.append(vals.index(best))
        return out, ptr

    def retreat(
        self, t: int, prev: States, new: States, after: list[float]
    ) -> tuple[list[float], list[int]]:
        """Best cost of rows t.. for each state of row t-1, given `after` (the cost of rows
        after t for each state of row t), and which state of row t gave it."""
        inf = float("inf")
        best = [inf] * len(prev)
        arg = [-1] * len(prev)
        for j, ((_, eb, _, _), link) in enumerate(zip(new, self.links(t, prev, new))):
            tail = eb + after[j]
            for i, c in enumerate(link):
                v = c + tail
                if v < best[i]:
                    best[i], arg[i] = v, j
        return best, arg


def viterbi(
    rows: list[Row],
    wl: float,
    wr: float,
    forced: dict[int, int] | None = None,
    memo: dict[tuple[int, int], dict[int, float]] | None = None,
    emits: dict[int, list[tuple[int, float]]] | None = None,
) -> Solution:
    """Best split of every row for column widths wl, wr (em); `forced` pins some rows' k.

    `memo` keeps the (state-free) column steps between passes at the same widths, `emits`
    each free row's candidate splits with their emission costs.
    """
    if not rows:
        return Solution(0.0, [])
    pins = forced or {}
    lat = Lattice(rows, wl, wr, memo, emits)
    states = [lat.states(t, pins.get(t)) for t in range(len(rows))]
    scores = [e for _, e, _, _ in states[0]]
    back: list[list[int]] = []
    for t in range(1, len(rows)):
        scores, ptr = lat.advance(t, states[t - 1], scores, states[t])
        back.append(ptr)
    totals = [s + final(sl, sr) for s, (_, _, sl, sr) in zip(scores, states[-1])]
    idx = min(range(len(totals)), key=totals.__getitem__)
    path = backtrack(back, idx)
    return Solution(totals[idx], [states[t][p][0] for t, p in enumerate(path)])

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
from extractor.glued.split import C_SINGLE, C_START, Solution, backtrack, candidates, transition

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


def row_candidates(
    t: int, row: Row, wl: float, wr: float, pin: int | None,
    emits: dict[int, list[tuple[int, float]]] | None,
) -> list[tuple[int, float]]:
    if pin is not None or emits is None:
        return candidates(row, wl, wr, pin)
    out = emits.get(t)
    if out is None:
        out = emits[t] = candidates(row, wl, wr)
    return out


def viterbi(
    rows: list[Row],
    wl: float,
    wr: float,
    forced: dict[int, int] | None = None,
    memo: dict[tuple[int, int, int], float] | None = None,
    emits: dict[int, list[tuple[int, float]]] | None = None,
) -> Solution:
    """Best split of every row for column widths wl, wr (em); `forced` pins some rows' k.

    `memo` keeps the (state-free) transition costs between passes at the same widths, `emits`
    each free row's candidate splits with their emission costs.
    """
    if not rows:
        return Solution(0.0, [])
    pins = forced or {}
    # steps[side][sb][has][sa][had]: step() tabled, as the inner loop needs it per state pair
    steps = [[[[[step(sa, sb, had, has, side) for had in (False, True)] for sa in range(3)]
               for has in (False, True)] for sb in range(3)] for side in (0, 1)]
    cache: dict[tuple[int, int, int], float] = {} if memo is None else memo
    states = [expand(r, row_candidates(t, r, wl, wr, pins.get(t), emits), t == 0)
              for t, r in enumerate(rows)]
    scores = [e for _, e, _, _ in states[0]]
    back: list[list[int]] = []
    inf = float("inf")
    for t in range(1, len(rows)):
        a, b = rows[t - 1], rows[t]
        prev = states[t - 1]
        new_scores: list[float] = []
        ptr: list[int] = []
        for kb, eb, slb, srb in states[t]:
            best, arg = inf, -1
            to_l, to_r = steps[0][slb][kb > 0], steps[1][srb][kb < b.n]
            for idx, (ka, _, sla, sra) in enumerate(prev):
                dl = to_l[sla][ka > 0]
                dr = to_r[sra][ka < a.n]
                if dl is None or dr is None:
                    continue
                s = scores[idx]
                key = (t, ka, kb)
                tc = cache.get(key)
                if tc is None:
                    tc = cache[key] = transition(a, ka, b, kb, wl, wr)
                s += tc + dl + dr
                if s < best:
                    best, arg = s, idx
            new_scores.append(best + eb)
            ptr.append(arg)
        scores = new_scores
        back.append(ptr)
    last = states[-1]
    totals = [s + final(sl, sr) for s, (_, _, sl, sr) in zip(scores, last)]
    idx = min(range(len(totals)), key=totals.__getitem__)
    path = backtrack(back, idx)
    return Solution(totals[idx], [states[t][p][0] for t, p in enumerate(path)])

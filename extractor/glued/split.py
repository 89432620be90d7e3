"""split: choose where every glued row splits into (left, right), all rows at once (Viterbi).

State of row i is k_i, the number of its words that belong to the left column (0 = right only,
n = left only). Costs are negative log-odds in rough units:
- emission: a part wider than its column; a single-part row; a hyphenated word left mid-row;
- transition i -> i+1, per column: a line that ends although the next word of that column would
  have fitted (a paragraph end, unlikely without a full stop), a case change that does not read
  as language, a line-end hyphen whose join is not a word.
The left column's next word is always word 0 of the next row, the right column's is word k_{i+1},
so a first-order chain over k captures the line-breaking rule exactly.
The two-column search runs these costs through chain.viterbi, which adds each column's start/end
state; `viterbi` here is the plain chain, kept for the one-column reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.glued.bigrams import pmi
from extractor.glued.costs import (
    C_CAPTION, C_HEAD_SPLIT, C_LABEL_END, C_MIDHYPH, C_SINGLE, C_START, CAPTION_SCALE, LAMBDA, OVER_CAP, SIG, TOL,
)
from extractor.glued.joins import (
    end_cost, flow_cost, gap_flow, join_cost, page_pair, pe_price, stop_cost, transition,
)
from extractor.glued.rows import Row

__all__ = [
    "C_SINGLE", "C_START", "Solution", "backtrack", "candidates", "emission", "end_cost",
    "flow_cost", "gap_flow", "join_cost", "pe_price", "stop_cost", "transition", "viterbi",
]

@dataclass(slots=True)
class Solution:
    cost: float
    ks: list[int]


def overflow(width: float, col: float) -> float:
    """Quadratic in the excess, then linear: a caption set smaller may overrun by a fifth."""
    x = width / col - 1.0 - TOL
    if x <= 0:
        return 0.0
    if x < 2 * SIG:
        return (x / SIG) ** 2
    return 4.0 + (x - 2 * SIG) / (2 * SIG)


def emission(row: Row, k: int, wl: float, wr: float) -> float:
    """Price of splitting row at k: parts wider than their columns, plus what the split says
    as language (the same at every width, so worked out once per row)."""
    if not row.split_lang:
        row.split_lang = [split_language(row, j) for j in range(row.n + 1)]
    cost = row.split_lang[k]
    # a caption is set in smaller type: its line holds more words than the column's text lines
    if k:
        cost += overflow(row.pw[k], wl * (CAPTION_SCALE if row.caption[0] else 1.0))
    if k < row.n:
        cost += overflow(row.right_width(k), wr * (CAPTION_SCALE if row.caption[k] else 1.0))
    return cost


def split_language(row: Row, k: int) -> float:
    """The width-free part of a split's price: one part only, hyphens and caption openers left
    inside a line, and the pair of words the split tears apart."""
    n = row.n
    cost = C_SINGLE if k in (0, n) else 0.0
    for j in range(n - 1):
        if row.hyph[j] and j + 1 != k:
            cost += C_MIDHYPH
    for j in range(1, n):
        if row.caption[j] and j != k:
            cost += C_CAPTION
    if k and row.label[k - 1]:
        cost += C_LABEL_END  # "... builtins. 4." + "Summary": the number belongs to the right
    if 0 < k < n:
        # the split denies this pair as neighbours: a pair that reads as prose costs, a pair that
        # does not ("of The", "ends. next") is evidence for the split
        cost += LAMBDA * pmi(row.words[k - 1], row.words[k]) + page_pair(row, k - 1, row, k, 2)
        if row.head_pre[n]:
            # a short title-case row ("Related Work", "9. Method") is one heading more often
            # than two side by side, and a capital after no full stop in it is no evidence
            cost += C_HEAD_SPLIT
        elif not row.hyph[k - 1] and not (row.upper[k - 1] and row.upper[k] and not row.term[k - 1]):
            # two capitals in a row are a name or a title ("Format String Syntax"): no evidence
            cost -= flow_cost(row, k - 1, row, k)
    return cost


def candidates(row: Row, wl: float, wr: float, forced: int | None = None) -> list[tuple[int, float]]:
    """(k, emission cost) for the splits of a row that roughly fit both columns."""
    if forced is not None:
        return [(forced, emission(row, forced, wl, wr))]
    out: list[tuple[int, float]] = []
    best: tuple[int, float] | None = None
    for k in range(row.n + 1):
        cost = emission(row, k, wl, wr)
        if best is None or cost < best[1]:
            best = (k, cost)
        if cost <= OVER_CAP:
            out.append((k, cost))
    if not out and best is not None:
        out.append(best)
    return out


def viterbi(
    rows: list[Row],
    wl: float,
    wr: float,
    forced: dict[int, int] | None = None,
    memo: dict[tuple[int, int, int], float] | None = None,
) -> Solution:
    """Best split of every row for column widths wl, wr (em); `forced` pins some rows' k.

    `memo` keeps transition costs between passes at the same widths (refine runs many).
    """
    if not rows:
        return Solution(0.0, [])
    pins = forced or {}
    cache: dict[tuple[int, int, int], float] = {} if memo is None else memo
    cands = [candidates(r, wl, wr, pins.get(t)) for t, r in enumerate(rows)]
    scores = [c for _, c in cands[0]]
    back: list[list[int]] = []
    for t in range(1, len(rows)):
        a, b = rows[t - 1], rows[t]
        prev = cands[t - 1]
        new_scores: list[float] = []
        ptr: list[int] = []
        for kb, eb in cands[t]:
            best, arg = float("inf"), 0
            for idx, (ka, _) in enumerate(prev):
                key = (t, ka, kb)
                tc = cache.get(key)
                if tc is None:
                    tc = cache[key] = transition(a, ka, b, kb, wl, wr)
                s = scores[idx] + tc
                if s < best:
                    best, arg = s, idx
            new_scores.append(best + eb)
            ptr.append(arg)
        scores = new_scores
        back.append(ptr)
    idx = min(range(len(scores)), key=scores.__getitem__)
    path = backtrack(back, idx)
    return Solution(scores[idx], [cands[t][p][0] for t, p in enumerate(path)])


def backtrack(back: list[list[int]], idx: int) -> list[int]:
    """The best path's state index per row, from the back pointers and the last state."""
    path = [idx]
    for ptr in reversed(back):
        idx = ptr[idx]
        path.append(idx)
    path.reverse()
    return path

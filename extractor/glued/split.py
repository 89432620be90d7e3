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
from extractor.glued.rows import Row, hyphen_join_ok
from extractor.glued.widths import SPACE

TOL = 0.01  # a part may exceed its column by this fraction before it costs (font mismatch)
SIG = 0.02  # ... and then costs ((excess - TOL) / SIG) ** 2
OVER_CAP = 6.0  # splits costing more than this are not considered
D0 = 0.015  # a line this much short of full (after the next word) is still full: font noise
DSPAN = 0.08  # ... and costs its full paragraph-end price this much further on
D_GAPPED = 0.04  # a line this much short ends a paragraph for sure (style.gap_bias)
C_SINGLE = 0.6  # a row holding one part only
C_MIDHYPH = 3.0  # a line-end hyphen that the split leaves inside a column line
PE_SENT = 0.8  # paragraph end after a full stop before a capital
PE_SOFT = 2.0  # after a full stop, or before a capital
PE_NONE = 4.0  # mid-sentence
PE_HYPH = 8.0  # after a hyphen
PE_HEAD = 0.3  # after a heading (rows.is_heading)
PE_GAP = 2.0  # a short line before a gap in its column without a full stop
PE_GAP_DANGLE = 4.0  # ... ending in "the", "of", "and"
C_HEAD = 1.0  # prior price of reading a heading-like line as a heading
C_HEAD_SPLIT = 1.0  # a whole heading-like row split into two parts
C_GAP_LOWER = 3.0  # a full stop, a gap in the column, then a small letter
C_CASE = 0.8  # small letter after a full stop
C_CAP = 0.3  # capital after no full stop (names make this weak)
C_CAP_COMMON = 1.5  # ... unless the word is a common one ("The", "During"): no name
C_REPEAT = 1.5  # the same word twice across a line join ("itself to" + "to combating")
C_BADJOIN = 1.5  # "head-" + next word is no word
C_START = 1.5  # a column resumes after a row without it (a gap, a lower start)
C_STOP = 1.0  # a column stops (for a gap or for good) after a line without a full stop
C_STOP_HYPH = 4.0  # ... after a line-end hyphen
C_STOP_DANGLE = 3.0  # ... after "the", "of", "and"
CASE_W = 1.0  # weight of the page's own casing evidence (casing.case_table) on a join
C_CAPTION = 2.0  # a caption opener ("Figure 2:") left inside a column line
C_CAPTION_GAP = 2.5  # a caption line right under a line of its own column (no figure above it)
CAPTION_SCALE = 1.25  # a caption's first line may be this much wider than the column's text
LAMBDA = 0.5  # weight of word-pair attraction (PMI) across joins and splits


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
    n = row.n
    # a caption is set in smaller type: its line holds more words than the column's text lines
    cost = overflow(row.pw[k], wl * (CAPTION_SCALE if row.caption[0] else 1.0)) if k else 0.0
    if k < n:
        cost += overflow(row.right_width(k), wr * (CAPTION_SCALE if row.caption[k] else 1.0))
    if k in (0, n):
        cost += C_SINGLE
    for j in range(n - 1):
        if row.hyph[j] and j + 1 != k:
            cost += C_MIDHYPH
    for j in range(1, n):
        if row.caption[j] and j != k:
            cost += C_CAPTION
    if 0 < k < n:
        # the split denies this pair as neighbours: a pair that reads as prose costs, a pair that
        # does not ("of The", "ends. next") is evidence for the split
        cost += LAMBDA * pmi(row.words[k - 1], row.words[k])
        if row.head_pre[n]:
            # a short title-case row ("Related Work", "9. Method") is one heading more often
            # than two side by side, and a capital after no full stop in it is no evidence
            cost += C_HEAD_SPLIT
        elif not row.hyph[k - 1]:
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


def end_cost(width: float, nxt: float, col: float, pe: float, d0: float = D0) -> float:
    """Price of a column line that ends although `nxt` might have fitted after it."""
    deficit = (col - width - SPACE - nxt) / col - d0
    if deficit <= 0:
        return 0.0
    return pe * min(1.0, deficit / DSPAN)


def pe_price(a: Row, i: int, b: Row, j: int) -> float:
    if a.hyph[i]:
        return PE_HYPH
    if a.term[i]:
        return PE_SENT if b.upper[j] else PE_SOFT
    return PE_SOFT if b.upper[j] else PE_NONE


def flow_cost(a: Row, i: int, b: Row, j: int, head: bool = False) -> float:
    """Does word j of row b read as the continuation of word i of row a (a heading ends like a
    sentence)?"""
    if a.hyph[i]:
        return 0.0 if hyphen_join_ok(a.words[i], b.words[j]) else C_BADJOIN
    cost = CASE_W * a.case[int(a.term[i] or head)][b.kind[j]] if a.case else 0.0
    return cost + (C_REPEAT if a.words[i] == b.words[j] else 0.0)


def gap_flow(a: Row, i: int, b: Row, j: int) -> float:
    """Word i of row a, then a gap in its column, then word j of row b: same paragraph or not."""
    if a.hyph[i]:
        return 0.0 if hyphen_join_ok(a.words[i], b.words[j]) else 2 * C_BADJOIN
    if not a.term[i] and b.upper[j]:
        return C_CAP_COMMON if b.common[j] else C_CAP
    if a.term[i] and b.lower[j]:
        return C_GAP_LOWER  # a paragraph after a gap that starts with a small letter
    return 0.0


def gap_end(a: Row, i: int, width: float, head: bool, b: Row, j: int, col: float) -> float:
    """A short line before a gap in its column ends a paragraph: mid-sentence, that is unlikely
    (a full line may stop for a figure, a heading or a sentence may end short)."""
    if a.hyph[i] or a.term[i] or head:
        return 0.0
    return end_cost(width, b.ww[j], col, PE_GAP_DANGLE if a.dangle[i] else PE_GAP)


def transition(a: Row, ka: int, b: Row, kb: int, wl: float, wr: float) -> float:
    cost = 0.0
    if b.gap_before:
        # across a blank line a column that goes on is a paragraph gap; one that stops or starts
        # there is a column end or start, as rare as anywhere else
        if ka and kb:
            cost += gap_flow(a, ka - 1, b, 0) + gap_end(a, ka - 1, a.pw[ka], a.head_pre[ka], b, 0, wl)
        elif ka:
            cost += stop_cost(a, ka - 1)
        elif kb:
            cost += C_START
        if ka < a.n and kb < b.n:
            cost += gap_flow(a, a.n - 1, b, kb)
            cost += gap_end(a, a.n - 1, a.right_width(ka), a.head_suf[ka], b, kb, wr)
        elif ka < a.n:
            cost += stop_cost(a, a.n - 1)
        elif kb < b.n:
            cost += C_START
        return cost
    cost += caption_cost(a, ka, b, kb)
    if (ka == 0 and kb) or (ka == a.n and kb < b.n):
        cost += C_START
    if ka and not kb:
        cost += stop_cost(a, ka - 1)
    if ka < a.n and kb == b.n:
        cost += stop_cost(a, a.n - 1)
    if ka and kb:
        cost += join_cost(a, ka - 1, a.pw[ka], a.head_pre[ka], b, 0, wl)
    if ka < a.n and kb < b.n:
        cost += join_cost(a, a.n - 1, a.right_width(ka), a.head_suf[ka], b, kb, wr)
    return cost


def caption_cost(a: Row, ka: int, b: Row, kb: int) -> float:
    """A caption line ("Figure 2: ...") whose column has text in the row just above it."""
    cost = 0.0
    if kb and b.caption[0] and ka:
        cost += C_CAPTION_GAP
    if kb < b.n and b.caption[kb] and ka < a.n:
        cost += C_CAPTION_GAP
    return cost


def join_cost(a: Row, i: int, width: float, head: bool, b: Row, j: int, col: float) -> float:
    """Line of row a ending in word i, then the same column's line in row b starting at word j.

    A heading-like line ("4. Related Work") followed by a capital reads either as a heading (its
    short end is expected, and it ends like a sentence) or as text: the cheaper reading counts.
    """
    key = (i, b.index, j)
    lang = a.memo.get(key)
    if lang is None:
        lang = a.memo[key] = (
            pe_price(a, i, b, j),
            flow_cost(a, i, b, j),
            flow_cost(a, i, b, j, True),
            LAMBDA * pmi(a.words[i], b.words[j]),
        )
    pe, flow, flow_head, attract = lang
    cost = end_cost(width, b.ww[j], col, pe) + flow
    if a.gap_bias:
        # a visibly short line, and no gap after it, on a page that sets paragraphs apart
        cost += end_cost(width, b.ww[j], col, a.gap_bias, D_GAPPED)
    if head and not b.lower[j]:
        cost = min(cost, C_HEAD + end_cost(width, b.ww[j], col, PE_HEAD) + flow_head)
    return cost - attract


def stop_cost(a: Row, i: int) -> float:
    """A column line followed by a row without that column: a paragraph or column end."""
    if a.hyph[i]:
        return C_STOP_HYPH
    if a.dangle[i]:
        return C_STOP_DANGLE
    return 0.0 if a.term[i] else C_STOP


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

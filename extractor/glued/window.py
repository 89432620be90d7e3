"""window: price a labelling that pins a few rows without running the whole chain again.

Refine tries many moves at the same widths, each pinning a few rows (a run of one-part rows to
the other side, another split of one row) and leaving the rest free. The free chain's best cost
up to every state of every row (forward) and after it (backward) is computed once; a move is
then priced by running the chain over the pinned rows only, from the forward costs of the row
before them to the backward costs of the row after them. The result is the same as a full pass
with those pins.
"""

from __future__ import annotations

from extractor.glued.chain import Lattice, States, final
from extractor.glued.split import Solution, backtrack


class Window:
    """The free chain at one pair of widths, ready to be re-solved with pins."""

    def __init__(self, lat: Lattice) -> None:
        self.lat = lat
        n = len(lat.rows)
        self.states: list[States] = [lat.states(t) for t in range(n)]
        self.alpha: list[list[float]] = [[e for _, e, _, _ in self.states[0]]]
        self.back: list[list[int]] = []
        for t in range(1, n):
            scores, ptr = lat.advance(t, self.states[t - 1], self.alpha[-1], self.states[t])
            self.alpha.append(scores)
            self.back.append(ptr)
        self.beta: list[list[float]] = [[]] * n
        self.fwd: list[list[int]] = [[]] * n
        self.beta[-1] = [final(sl, sr) for _, _, sl, sr in self.states[-1]]
        for t in range(n - 1, 0, -1):
            self.beta[t - 1], self.fwd[t - 1] = lat.retreat(
                t, self.states[t - 1], self.states[t], self.beta[t])

    def solve(self, pins: dict[int, int]) -> Solution:
        """Best labelling with the rows in `pins` split as given, the others free."""
        n = len(self.states)
        if not pins:
            totals = [a + b for a, b in zip(self.alpha[-1], self.beta[-1])]
            idx = min(range(len(totals)), key=totals.__getitem__)
            path = backtrack(self.back, idx)
            return Solution(totals[idx], [self.states[t][p][0] for t, p in enumerate(path)])
        lo, hi = min(pins), max(pins)
        lat = self.lat
        seg = [lat.states(t, pins.get(t)) for t in range(lo, hi + 1)]
        entry: list[int] = []
        if lo == 0:
            scores = [e for _, e, _, _ in seg[0]]
        else:
            scores, entry = lat.advance(lo, self.states[lo - 1], self.alpha[lo - 1], seg[0])
        inner: list[list[int]] = []
        for t in range(lo + 1, hi + 1):
            scores, ptr = lat.advance(t, seg[t - 1 - lo], scores, seg[t - lo])
            inner.append(ptr)
        tail: list[int] = []
        if hi == n - 1:
            totals = [s + final(sl, sr) for s, (_, _, sl, sr) in zip(scores, seg[-1])]
            end = min(range(len(totals)), key=totals.__getitem__)
            total = totals[end]
        else:
            after, ptr = lat.advance(hi + 1, seg[-1], scores, self.states[hi + 1])
            totals = [s + b for s, b in zip(after, self.beta[hi + 1])]
            j = min(range(len(totals)), key=totals.__getitem__)
            total, end = totals[j], ptr[j]
            tail = [j]
            for t in range(hi + 1, n - 1):
                tail.append(self.fwd[t][tail[-1]])
        mid = backtrack(inner, end)
        head = backtrack(self.back[: lo - 1], entry[mid[0]]) if lo else []
        ks = [self.states[t][p][0] for t, p in enumerate(head)]
        ks += [seg[t][p][0] for t, p in enumerate(mid)]
        ks += [self.states[hi + 1 + t][p][0] for t, p in enumerate(tail)]
        return Solution(total, ks)

"""gutters: is a wide gap in a line a column gutter, or a word space?

A column gutter is empty down the page; a wide word space in justified text is not: the lines
above and below have a word over the same spot. The lines of a page (baseline groups, in
baseline order, each left to right) are probed around a gap; see :class:`RiverFinder`.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from extractor.model import Word

# A gap this many font sizes wide is a gutter when the columns start under (or end over) a line
# across them that leaves it free, however the lines further off stand.
OPEN_GAP_EM = 1.2
# A line set this many times larger than the line probed is display type, not text.
DISPLAY_RATIO = 1.5
# A line's words beside a gap this many times the type of the line probed or more (a heading's,
# 14 pt over 9.5 pt) are no evidence about a river of word spaces; text beside footnote-size
# or code lines (10 pt over 8) still is.
RIVER_EVIDENCE_RATIO = 1.35
# Words over a gap set this many times larger than the line probed are a heading's: a heading
# across columns spans their gutter, so the text below it is looked at instead, further down
# (HEADING_REACH_EM font sizes, not 4).
HEADING_RATIO = 1.2
HEADING_REACH_EM = 6.0
GUTTER_MIN_EM = 0.6  # a gutter is wider than a word space
INDENT_MIN_EM = 0.5  # a paragraph's first line is indented this much at least
_WORDLIKE = regex.compile(r"\p{L}{2}")  # a word, not a figure or a symbol of mathematics
SMALL_RATIO = 0.85  # a line set this much smaller than the line probed is a note's
DISPLAY_GAP_EM = 3.0  # (narrower gaps, before a leader or in mathematics, keep all the evidence)
# A line this many font sizes long at least, stopping at a gap's edge, is a column's line of text.
FLANK_MIN_EM = 10.0


class RiverFinder:
    """Tells whether a gap in one line continues as white space in the lines around it.

    A column gutter is empty down the page; a wide word space in justified text is not:
    the lines above and below have a word over the same spot.
    """

    REACH = 8  # lines looked at above and below

    def __init__(self, groups: list[list[Word]]) -> None:
        # Per line, as plain lists: the probes below run a few hundred times a page.
        self.starts = [[w.bbox.x0 for w in g] for g in groups]
        self.ends = [[w.bbox.x1 for w in g] for g in groups]
        self.baselines = [g[0].baseline for g in groups]
        self._groups = groups  # type sizes: looked up only around gaps wider than word spaces
        self._largest_sizes: dict[int, float] = {}

    def verdict(
        self,
        k: int,
        x0: float,
        x1: float,
        size: float,
        *,
        strict: bool = False,
        prose: bool = False,
    ) -> bool | None:
        """Is the gap [x0, x1] of line ``k`` part of a gutter?

        The gap is probed just inside each of its ends (a column's text starts, or ends,
        at the same x line after line): a gutter when, at one of the probes, nearly every
        nearby line that reaches across is free of words. With ``strict`` (a gap no wider
        than the line's word spaces) both probes must be free in every one of at least three
        lines not in larger type (a heading's), and a column edge must run along the gap (see
        :meth:`_edge_along`): word spaces of justified lines line up by chance, a gutter does
        every time. Where too few lines reach across to tell, a gap between two words of text
        (``prose``) is a gutter still when the lines beside it stop at its very edges (see
        :meth:`_flanked`). A gap wider than the gutter it holds (a paragraph's short last line,
        the next one's indent) is found by the free band inside it (see :meth:`_band_within`).
        Under a heading across columns of text, the heading is left out of the evidence. None
        when fewer than two nearby lines reach across, so this line must decide alone.
        """
        inset = min(0.3 * size, (x1 - x0) / 2)
        # Display type (a headline across the columns above) is no evidence about a gap as wide
        # as a gutter: it spans the gutters it stands over.
        near = self._near(k, size)
        if x1 - x0 >= DISPLAY_GAP_EM * size:
            near = [j for j in near if not self._display(j, size)]
        elif self._text_both_sides(k, x0, x1, size) and any(
            j < k and self._heading_over(j, x0, x1, size) for j in near
        ):
            # Columns of text start under a heading across them, which is no evidence: the
            # text further below is, where a column's edge runs down along the gap.
            wider = self._near(k, size, HEADING_REACH_EM)
            below = [j for j in wider if j > k or not self._heading_over(j, x0, x1, size)]
            if prose or self._edge_along(below, x0, x1, size):
                near = below
        probes = (x1 - inset, x0 + inset)
        verdicts = [self._free(near, x, strict, size) for x in probes]
        if all(verdicts) if strict else any(verdicts):
            return not strict or self._edge_along(near, x0, x1, size)
        if (
            not strict
            and x1 - x0 > OPEN_GAP_EM * size
            and self._opens_below_or_above(k, near, x0, x1, size, prose)
        ):
            return True  # the columns start under (or end over) a line across them
        if strict and prose and self._flanked(near, x0, x1, size):
            # Few lines reach across, but those beside stop at its very edges.
            return self._edge_along(near, x0, x1, size)
        if prose and self._band_within(near, x0, x1, size):
            return True  # a paragraph's short last line, or the next one's indent, beside it
        return False if all(v is False for v in verdicts) else None

    def _band_within(self, near: list[int], x0: float, x1: float, size: float) -> bool:
        """Does a gutter run down inside the gap [x0, x1], the gap wider on one side or both (a
        paragraph's last line stopping short of its column's edge, the next column's line
        indented)? In four lines at least that reach across the gap, one band of it wider
        than a word space is free of words, and in most of them a word ends at its left side
        and one starts at its right: two columns' edges."""
        if x1 - x0 < GUTTER_MIN_EM * size:
            return False
        lines = [j for j in near if self.starts[j][0] < x0 and self.ends[j][-1] > x1]
        if len(lines) < 4:
            return False  # (three lines of justified text can line up their spaces by chance)
        free = self._free_bands(lines, x0, x1, GUTTER_MIN_EM * size)
        if not free:
            return False
        left, right = max(free, key=lambda band: band[1] - band[0])
        if left <= x0 and right >= x1:
            return False  # the whole gap: the probes' business
        tol = 0.1 * size
        ending = sum(any(abs(e - left) <= tol for e in self.ends[j]) for j in lines)
        starting = sum(any(abs(s - right) <= tol for s in self.starts[j]) for j in lines)
        if left <= x0 or right >= x1:
            # A band at one edge of the gap: its line's own word edge is one side, and word
            # spaces of justified lines line up so by chance. The gap must reach well past it
            # (a short last line, an indent), the columns' edges run down all lines but one.
            excess = (x1 - right) + (left - x0)
            return excess >= INDENT_MIN_EM * size and min(ending, starting) >= len(lines) - 1
        return 3 * min(ending, starting) >= 2 * len(lines)

    def _free_bands(
        self, lines: list[int], x0: float, x1: float, least: float
    ) -> list[tuple[float, float]]:
        """The stretches of [x0, x1], ``least`` wide at least, that no word of ``lines`` is
        over: narrowed line by line, given up as soon as none is left (a word space of
        justified text, the common case, is settled by the first lines)."""
        free = [(x0, x1)]
        for j in lines:
            starts, ends = self.starts[j], self.ends[j]
            narrowed = []
            for a, b in free:
                cur = a
                for n in self._over_gap(j, a, b):
                    if starts[n] - cur >= least:
                        narrowed.append((cur, starts[n]))
                    cur = max(cur, ends[n])
                if b - cur >= least:
                    narrowed.append((cur, b))
            free = narrowed
            if not free:
                break
        return free

    def _flanked(self, near: list[int], x0: float, x1: float, size: float) -> bool:
        """Do lines of text around stop exactly at the gap's edges, without reaching across it:
        one at least ending where it starts (a column's justified right edge) and one starting
        where it ends (the next column's left edge), while no line that reaches across has a
        word in it?

        Where the columns' baselines do not line up, most lines around a gutter hold one
        column's words only, and so few reach across it that a gap as narrow as the stretched
        spaces of a justified line (the line of three words across its column) cannot show
        itself free in them; the edges of the columns beside it do show. A river of word
        spaces in one column is crossed by its neighbours' words and has no such edges.
        """
        tol = 0.1 * size
        inset = min(0.3 * size, (x1 - x0) / 2)
        left, right = x0 + inset, x1 - inset
        reaching = ending = starting = 0
        for j in near:
            starts, ends = self.starts[j], self.ends[j]
            if starts[0] < right and ends[-1] > left:
                i = bisect_right(starts, right) - 1
                if i >= 0 and ends[i] > left:
                    return False  # a word in the gap
                reaching += 1
            elif ends[-1] - starts[0] >= FLANK_MIN_EM * size:  # running text, not a table's cell
                ending += abs(ends[-1] - x0) <= tol
                starting += abs(starts[0] - x1) <= tol
        if ending and starting:
            return reaching + ending + starting >= 3
        return reaching >= 2 and ending + starting >= 2

    def _opens_below_or_above(
        self, k: int, near: list[int], x0: float, x1: float, size: float, prose: bool = False
    ) -> bool:
        """Do the columns start right under (or end right over) a line across them? True when
        the nearest line above and the nearest line below that reach across the gap [x0, x1]
        (one of them at least; the columns' own lines stop short of it, each on its side) have
        no word over any of it. A caption or heading across both columns a few lines further
        off does not close the gutter then; a word right over or under the gap does. The title
        the columns start under, in display type, spans their gutter, as a figure's caption over
        them (see :meth:`_caption_over`) and the footnotes under them in small type do: such a
        line is looked past when the two nearest lines on the other side that reach across
        leave the gap free; over a footnote, between words of text (``prose``), the lines above
        that stop beside the gap count too (columns whose baselines do not line up: see
        :meth:`_clear_above`)."""
        mid = (x0 + x1) / 2
        reaching = [j for j in near if self._reaches(j, mid)]
        above = [j for j in reversed(reaching) if j < k]
        below = [j for j in reaching if j > k]
        inset = min(0.3 * size, (x1 - x0) / 2)  # as the probes of verdict
        if above and self._display(above[0], size) and len(below) >= 2:
            return not self._over(below[:2], x0, x1, inset)
        # Under a caption across the columns (its first rows: the nearest line above or the
        # one over that), a band of the gap free in the rows between and the two below.
        caption = None
        if below:  # (no row below: nothing to show the band)
            caption = next(
                (n for n, j in enumerate(above[:2]) if self._caption_over(j, k, x0, x1, size)), None
            )
        rows = [*above[:caption], *below[:2]] if caption is not None else []
        if len(rows) >= 2 and self._free_bands(rows, x0, x1, GUTTER_MIN_EM * size):
            return True  # (a band of the gap: a ragged column's next lines may reach into it)
        if below and above and self._small(below[0], size):
            if len(above) >= 2:
                return not self._over(above[:2], x0, x1, inset)
            if prose:
                return self._clear_above(near, k, x0, x1, inset)
        nearest = [side[0] for side in (above, below) if side]
        return bool(nearest) and not self._over(nearest, x0, x1)

    def _caption_over(self, j: int, k: int, x0: float, x1: float, size: float) -> bool:
        """Is line ``j`` a caption across the columns that line ``k`` starts under: in small
        type, running a column's measure (FLANK_MIN_EM) on both sides of the gap [x0, x1],
        over a line of text on both sides of it? The two rows below then show the gutter by a
        band of the gap free of words, as wide as a gutter at least."""
        least = FLANK_MIN_EM * size
        return (
            self._small(j, size)
            and self.starts[j][0] <= x0 - least
            and self.ends[j][-1] >= x1 + least
            and self._text_both_sides(k, x0, x1, size)
        )

    def _clear_above(self, near: list[int], k: int, x0: float, x1: float, inset: float) -> bool:
        """Do the three nearest lines above line ``k``, whether they reach across the gap or
        stop beside it (columns whose baselines do not line up), leave the gap free?"""
        side = [j for j in reversed(near) if j < k][:3]
        return len(side) >= 2 and not self._over(side, x0, x1, inset)

    def _over(self, lines: list[int], x0: float, x1: float, inset: float = 0.0) -> bool:
        """Has one of ``lines`` a word over some of [x0, x1], more than ``inset`` inside its
        edges? (A ragged or justified column's edge may stand beyond this line's word.)"""
        a, b = x0 + inset, x1 - inset
        return any(s < b and e > a for j in lines for s, e in zip(self.starts[j], self.ends[j]))

    def _display(self, j: int, size: float) -> bool:
        """Is line ``j`` set in display type, DISPLAY_RATIO times ``size`` or more?"""
        return self._largest(j) > DISPLAY_RATIO * size

    def _text_both_sides(self, k: int, x0: float, x1: float, size: float) -> bool:
        """Does line ``k`` run a column's measure (FLANK_MIN_EM) before [x0, x1] and half one
        after it (a paragraph's last line), text opening that: a word, or a figure that a word
        in lower case follows ("1,200 loaves"), not a figure of a table's row or a leader's
        page number?"""
        least = FLANK_MIN_EM * size
        if x0 - self.starts[k][0] < least or self.ends[k][-1] - x1 < least / 2:
            return False
        after = bisect_right(self.starts[k], x1) - 1
        if after < 0:
            return False
        words = self._groups[k]
        if words[after].text[:1].isalpha():
            return True
        return after + 1 < len(words) and words[after + 1].text[:1].islower()

    def _over_gap(self, j: int, x0: float, x1: float) -> list[int]:
        """The indices of line ``j``'s words over some of [x0, x1], found by bisection (a
        line's words run left to right; a word starting before x0 may reach over it)."""
        starts, ends = self.starts[j], self.ends[j]
        lo = max(0, bisect_right(starts, x0) - 1)
        return [n for n in range(lo, bisect_right(starts, x1)) if starts[n] < x1 and ends[n] > x0]

    def _heading_over(self, j: int, x0: float, x1: float, size: float) -> bool:
        """Has line ``j`` a word over [x0, x1] in a heading's type, HEADING_RATIO times
        ``size`` or more? (Only there: a title beside the columns may share its baseline.)"""
        limit = HEADING_RATIO * size
        if self._largest(j) <= limit:
            return False  # (the common case: a line of text)
        over = [self._groups[j][n] for n in self._over_gap(j, x0, x1)]
        return bool(over) and all(w.size > limit and _WORDLIKE.search(w.text) for w in over)

    def _small(self, j: int, size: float) -> bool:
        """Is line ``j`` set in small type (notes), no larger than SMALL_RATIO times ``size``?"""
        return self._largest(j) <= SMALL_RATIO * size

    def _largest(self, j: int) -> float:
        """The largest type on line ``j`` (worked out once a line)."""
        largest = self._largest_sizes.get(j)
        if largest is None:
            largest = self._largest_sizes[j] = max(w.size for w in self._groups[j])
        return largest

    def _reaches(self, j: int, x: float) -> bool:
        return self.starts[j][0] < x < self.ends[j][-1]

    def stretched(
        self, k: int, left: float, right: float, x0: float, x1: float, size: float, *, narrow: bool = False
    ) -> bool:
        """Is line ``k`` from ``left`` to ``right`` one justified line whose space [x0, x1] was
        stretched? The nearest lines above and below that reach across it both start at
        ``left``, end at ``right`` and hold at most an ordinary word space there; lines of two
        words stretched the same way (a narrow column of long words), or lines with a wide
        space of their own whose sides do not line up with this gap's, are looked past, while
        rows of two cells alone (a table) confirm nothing.

        With ``narrow`` (a measure narrower than the page's columns: beside a picture or a
        sidebar) only the words within [left, right] of the other lines count, as text beside
        the measure shares their baselines, and the line above may be a paragraph's first
        line, indented, with white space before it."""
        tol = 0.1 * size
        mid = (x0 + x1) / 2
        base = self.baselines[k]
        found = 0
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(self.starts) and abs(self.baselines[j] - base) <= 4 * size:
                starts, ends = self.starts[j], self.ends[j]
                if narrow:
                    starts, ends, indented = self._within(starts, ends, left, right, size)
                    indented = indented and step < 0
                if starts and starts[0] < mid < ends[-1]:
                    i = bisect_right(starts, mid) - 1
                    hole = 0.0 if ends[i] > mid else starts[i + 1] - ends[i]
                    spans = (narrow and indented or any(abs(x - left) <= tol for x in starts)) and any(
                        abs(x - right) <= tol for x in ends
                    )
                    if spans and hole >= 0.35 * (x1 - x0) and (
                        len(starts) == 2
                        or self._two_words(j, left, right, tol)
                        or (abs(ends[i] - x0) > 0.5 * size and abs(starts[i + 1] - x1) > 0.5 * size)
                    ):
                        # Another stretched line: of two words, or with a wide space of its own
                        # whose sides are not this gap's (a gutter's edges run straight down).
                        j += step
                        continue
                    if not (spans and hole < 0.35 * (x1 - x0)):
                        return False
                    found += 1
                    break
                j += step
        return found > 0

    def _two_words(self, j: int, left: float, right: float, tol: float) -> bool:
        """Does line ``j`` hold two words of running text between ``left`` and ``right`` (the
        measure), whatever other columns' words share its baseline? (Not a table's two cells:
        the second word is in lower case.)"""
        inside = [
            w.text for w in self._groups[j] if w.bbox.x0 >= left - tol and w.bbox.x1 <= right + tol
        ]
        return len(inside) == 2 and inside[0][:1].isalpha() and inside[1][:1].islower()

    @staticmethod
    def _within(
        starts: list[float], ends: list[float], left: float, right: float, size: float
    ) -> tuple[list[float], list[float], bool]:
        """The words of a line set within [left, right], and whether they start inside it
        after white space (an indented first line) rather than running on from the left."""
        tol = 0.1 * size
        keep = [n for n, (s, e) in enumerate(zip(starts, ends)) if s >= left - tol and e <= right + tol]
        if not keep:
            return [], [], False
        first = keep[0]
        before = ends[first - 1] if first > 0 else left - size
        indented = starts[first] >= left and left - before >= size
        return [starts[n] for n in keep], [ends[n] for n in keep], indented

    def _edge_along(self, near: list[int], x0: float, x1: float, size: float) -> bool:
        """Does a column edge run along the gap: in most nearby lines that reach across it, a
        word ends where this line's text before the gap ends, or one starts where the text
        after it starts? Word spaces that line up by chance into a river have ragged sides."""
        tol = 0.1 * size
        lines = ending = starting = 0
        for j in near:
            starts, ends = self.starts[j], self.ends[j]
            if not (starts[0] < x1 and ends[-1] > x0):
                continue
            lines += 1
            ending += any(abs(e - x0) <= tol for e in ends)
            starting += any(abs(s - x1) <= tol for s in starts)
        return lines > 0 and 3 * max(ending, starting) >= 2 * lines

    def _free(
        self, near: list[int], x: float, strict: bool = False, size: float = 0.0
    ) -> bool | None:
        """Is x free of words in (nearly) every line of ``near`` that reaches across it? With
        ``strict``, in every one of three at least, not counting lines whose words at x are
        of larger type than ``size``: a heading's spaces say nothing of a river of word spaces."""
        crossing = covered = 0
        for j in near:
            starts, ends = self.starts[j], self.ends[j]
            if not starts[0] < x < ends[-1]:
                continue
            i = bisect_right(starts, x) - 1
            if strict and size and self._larger_at(j, i, size):
                continue
            crossing += 1
            if i >= 0 and ends[i] > x:
                covered += 1
        if crossing < 2:
            return None
        if strict:
            return crossing >= 3 and covered == 0
        return covered <= crossing // 4

    def _larger_at(self, j: int, i: int, size: float) -> bool:
        """Are the words of line ``j`` beside x (word ``i`` and the one after it) of larger type
        than ``size`` (a heading's)?"""
        words = self._groups[j]
        beside = [words[m].size for m in (i, i + 1) if 0 <= m < len(words)]
        return bool(beside) and min(beside) > RIVER_EVIDENCE_RATIO * size

    def _near(self, k: int, size: float, reach_em: float = 4.0) -> list[int]:
        """The lines within ``reach_em`` font sizes above and below line ``k`` (at most REACH
        each way), found by walking out from it: the lines are in baseline order."""
        base, baselines, reach = self.baselines[k], self.baselines, reach_em * size
        lo = k - 1
        while lo >= 0 and k - lo <= self.REACH and base - baselines[lo] <= reach:
            lo -= 1
        hi = k + 1
        while hi < len(baselines) and hi - k <= self.REACH and baselines[hi] - base <= reach:
            hi += 1
        return [*range(lo + 1, k), *range(k + 1, hi)]

"""linenumbers: take the line numbers of manuscripts and code listings out of the text lines.

Review copies, preprints, court filings and code listings number their lines in the margin
("51", "52", ...). Line building sees a number a word space or two from its line and makes
it the line's first (or last) word, so the text reads "confer-51 ence or journal". Such a
number is recognised by its company, never alone: a column of bare numbers, aligned on one
edge, one per text line, counting up by a fixed step down the page, and set in another
type than the text beside them (smaller, or another font). The last test tells them from
the numbered entries of a contents page, which count up line by line too. They are set
aside, like rotated margin text, and the lines they sat on are rebuilt without them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from extractor.model import Line, Word

MIN_NUMBERS = 10  # fewer make no column: the numbers of a contents page, of a short list
MIN_FOLLOW = 3  # a shorter column in the type of a long one on the page continues it
ALIGN_TOL = 2.0  # points: the numbers of one column share their left or right edge
STEPS = (1, 2, 5, 10)  # every line numbered, every second, fifth or tenth
STEP_SHARE = 0.6  # share of consecutive numbers that must count up by the column's step
PITCH_EM = 2.5  # at most this many type sizes down the page per line counted
SPACE_EM = 0.2  # a number stands this far from the text on its line at least (a listing's space)
YEARS = (1800, 2100)  # a column of years is a table's, not line numbering
APART_SHARE = 0.7  # share of the numbers set in another type than the text on their line


def strip_line_numbers(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(lines without their line numbers, the numbers as one-word lines, top to bottom).

    Lines whose only word was a number are dropped from the first list. The lines come
    back as they are when the page has no line numbering (the common case).
    """
    candidates = _candidates(lines)
    if len(candidates) < MIN_NUMBERS:
        return lines, []
    found: set[int] = set()  # id() of the number words
    styles: set[tuple[str, float]] = set()  # (font, size) of the numbering found
    short: list[list[tuple[Word, Line]]] = []
    for edge in (_left, _right):
        for column in _aligned(candidates, edge, MIN_FOLLOW):
            if not (_counts_lines(column) and _set_apart(column)):
                continue
            if len(column) >= MIN_NUMBERS:
                found.update(id(w) for w, _ in column)
                styles.update((w.font, w.size) for w, _ in column)
            else:
                short.append(column)
    # The numbering runs on into a short column (the last lines of a page's second column)
    # in the type of the page's long ones.
    for column in short:
        if all((w.font, w.size) in styles for w, _ in column):
            found.update(id(w) for w, _ in column)
    if not found:
        return lines, []
    kept: list[Line] = []
    numbers: list[Line] = []
    for ln in lines:
        rest = [w for w in ln.words if id(w) not in found]
        if len(rest) == len(ln.words):
            kept.append(ln)
            continue
        numbers.extend(Line.of([w]) for w in ln.words if id(w) in found)
        if rest:
            kept.append(Line.of(rest))
    numbers.sort(key=lambda ln: ln.bbox.top)
    return kept, numbers


def _is_number(text: str) -> bool:
    return len(text) <= 5 and text.isdigit() and text.isascii()


def _candidates(lines: list[Line]) -> list[tuple[Word, Line]]:
    """Bare numbers that open or close a line, a space at least from its text."""
    out: list[tuple[Word, Line]] = []
    for ln in lines:  # (every line of every page: the cheap tests first)
        words = ln.words
        first, last = words[0], words[-1]
        if first.text.isdigit() and _is_number(first.text) and first.upright and (
            len(words) == 1 or words[1].bbox.x0 - first.bbox.x1 >= SPACE_EM * first.size
        ):
            out.append((first, ln))
        if len(words) > 1 and last.text.isdigit() and _is_number(last.text) and last.upright and (
            last.bbox.x0 - words[-2].bbox.x1 >= SPACE_EM * last.size
        ):
            out.append((last, ln))
    return out


def _left(w: Word) -> float:
    return w.bbox.x0


def _right(w: Word) -> float:
    return w.bbox.x1


def _aligned(
    candidates: list[tuple[Word, Line]], edge: Callable[[Word], float], least: int
) -> list[list[tuple[Word, Line]]]:
    """Runs of ``least`` or more candidates whose ``edge`` lies within ALIGN_TOL of the
    run's first."""
    ordered = sorted(candidates, key=lambda c: edge(c[0]))
    runs: list[list[tuple[Word, Line]]] = []
    current: list[tuple[Word, Line]] = []
    for c in ordered:
        if current and edge(c[0]) - edge(current[0][0]) > ALIGN_TOL:
            if len(current) >= least:
                runs.append(current)
            current = []
        current.append(c)
    if len(current) >= least:
        runs.append(current)
    return runs


def _counts_lines(column: list[tuple[Word, Line]]) -> bool:
    """Do the numbers count up down the page by a fixed step, about a line apart per step?"""
    column = sorted(column, key=lambda c: c[0].baseline)
    values = [int(w.text) for w, _ in column]
    if all(YEARS[0] <= v <= YEARS[1] for v in values):
        return False
    steps = [b - a for a, b in pairwise(values)]
    if sum(s <= 0 for s in steps) > len(steps) // 10:
        return False  # line numbers only grow down the page
    step, _ = Counter(steps).most_common(1)[0]
    if step not in STEPS:
        return False
    regular = 0
    for ((a, la), (b, lb)), s in zip(pairwise(column), steps, strict=True):
        size = max(a.size, la.size, lb.size)
        if s == step and b.baseline - a.baseline <= PITCH_EM * size * step:
            regular += 1
    return regular >= STEP_SHARE * len(steps)


def _set_apart(column: list[tuple[Word, Line]]) -> bool:
    """Are the numbers set in another type than the text on their lines (when any is)?"""
    beside = apart = 0
    for w, ln in column:
        rest = [o for o in ln.words if o is not w]
        if not rest:
            continue
        beside += 1
        other = rest[0] if w is ln.words[0] else rest[-1]  # the word next to the number
        if other.font != w.font or abs(other.size - w.size) > 0.05 * max(other.size, w.size):
            apart += 1
    return apart >= APART_SHARE * beside

"""gutter: split on visible gutters (runs of 2+ spaces aligned down the page, as `pdftotext -layout`
leaves them), where geometry survived and no width model is needed. Two, three or four columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_RUN = regex.compile(r" {2,}(?=\S)")
MIN_SHARE = 0.3  # share of the body lines that must show a gutter
MIN_LINES = 3
MIN_INDENT = 12  # leading spaces this long put a line in a column to the right
SLACK = 2  # characters a column's start may wander
MIN_COLUMN = 12  # characters: a column is at least this wide (narrower runs are a table's cells)
MAX_GUTTERS = 3  # four columns at most


def gutter_columns(lines: list[str]) -> list[int]:
    """Character positions where the columns right of the first start, left to right: every
    position that enough lines agree on (each gutter must be shown by MIN_SHARE of the lines)."""
    hits: Counter[int] = Counter()
    body = 0
    for ln in lines:
        if not ln.strip():
            continue
        body += 1
        for m in _RUN.finditer(ln.rstrip()):
            if m.start() > 0 or m.end() >= MIN_INDENT:
                hits[m.end()] += 1
    need = max(MIN_LINES, MIN_SHARE * body)
    found: list[int] = []
    while hits and len(found) < MAX_GUTTERS:
        pos, support = max(((p, _support(hits, p)) for p in hits), key=lambda t: (t[1], -t[0]))
        if support < need:
            break
        found.append(pos)
        for p in [p for p in hits if abs(p - pos) < MIN_COLUMN]:
            del hits[p]  # the same gutter, wandering; or a column too narrow to be one
    return sorted(found)


def _support(hits: Counter[int], pos: int) -> int:
    return sum(hits.get(pos + d, 0) for d in range(-SLACK, SLACK + 1))


def split_line(line: str, pos: int | list[int]) -> tuple[str, ...]:
    """The line's text in each column, the columns starting at ``pos`` (one or several)."""
    starts = [pos] if isinstance(pos, int) else pos
    text = line.rstrip()
    parts = [""] * (len(starts) + 1)
    column, at = 0, 0  # the column being read, and where its text starts
    for m in _RUN.finditer(text):
        k = _column_at(starts, m.start(), m.end())
        if k > column:
            parts[column] = " ".join(text[at : m.start()].split())
            column, at = k, m.end()
    parts[column] = " ".join(text[at:].split())
    return tuple(parts)


def _column_at(starts: list[int], a: int, b: int) -> int:
    """The column that white space from ``a`` to ``b`` leads into: the last one whose start it
    reaches (a column's text may begin a little off its start, or indented); 0 when it reaches
    none (a word space, or justified text's wide spaces inside a column)."""
    k = 0
    for n, s in enumerate(starts, 1):
        if _leads_into(a, b, s):
            k = n
    return k


def _leads_into(a: int, b: int, start: int) -> bool:
    """Does white space from ``a`` to ``b`` reach a column's ``start`` (give or take SLACK)?"""
    return a <= start and b >= start - SLACK


def crosses(line: str, starts: list[int]) -> bool:
    """Does the line's text run across a gutter (a title or a caption set across the columns)?
    It has text on both sides of a gutter and no white space leading into the column after."""
    text = line.rstrip()
    for s in starts:
        if not text[: max(0, s - SLACK)].strip() or not text[s + SLACK :].strip():
            continue
        if not any(_leads_into(m.start(), m.end(), s) for m in _RUN.finditer(text)):
            return True
    return False


def _crossing(lines: Iterable[str], start: int) -> int:
    """Lines whose text runs across a column start (see :func:`crosses`)."""
    return sum(crosses(ln, [start]) for ln in lines)


def _stopping(lines: Iterable[str], start: int) -> int:
    """Lines with text left of a column start that stops before it (a column's lines do; the
    indent of a block set further in, or the white space between a table's cells on a page of
    one column, has lines of text running across it instead)."""
    return sum(
        bool(ln[: max(0, start - SLACK)].strip()) and not crosses(ln, [start]) for ln in lines
    )


def _typical_length(parts: dict[int, tuple[str, ...]], k: int) -> float:
    """The median length in characters of column ``k``'s text, over the lines that have some."""
    lengths = sorted(len(p[k]) for p in parts.values() if p[k])
    return lengths[len(lengths) // 2] if lengths else 0.0


@dataclass(slots=True)
class Split:
    """A page of layout-preserving text split on its visible gutters."""

    parts: dict[int, tuple[str, ...]]  # per body line: its text in each column
    across: set[int]  # the lines set across the columns (see split_on_gutter)
    region: dict[int, int]  # per body line: the stretch of the page with its own gutters


REGION_MIN_LINES = (
    6  # lines across the page's gutters, in a row, that may have gutters of their own
)


def split_on_gutter(lines: list[str], drop: set[int]) -> Split | None:
    """Each body line split on the visible gutters, or None when there are none; and the lines
    set across the columns (see :func:`crosses`), with the lines that go on under them, flush
    below without a blank line and with nothing in the other columns (a caption's last line).

    A stretch of lines that all run across the page's gutters (the end of one article over
    the start of the next, set on another grid) is split on gutters of its own when it shows
    some: a region of its own, read before or after the rest as it stands.
    """
    body = {i: ln.expandtabs() for i, ln in enumerate(lines) if i not in drop and ln.strip()}
    first = _split_region(body)
    if first is None:
        return None
    split = Split(first[0], first[1], dict.fromkeys(body, 0))
    for run in _runs(sorted(split.across), list(body)):
        if len(run) < REGION_MIN_LINES:
            continue
        found = _split_region({i: body[i] for i in run})
        if found is None:
            continue
        parts, across = found
        region = len(set(split.region.values()))
        for i in run:
            split.parts[i] = parts[i]
            split.region[i] = region
            if i not in across:
                split.across.discard(i)
    return split


def _runs(rows: list[int], order: list[int]) -> list[list[int]]:
    """``rows`` (a subset of ``order``) in runs of lines that follow each other in ``order``."""
    position = {i: n for n, i in enumerate(order)}
    out: list[list[int]] = []
    for i in rows:
        if out and position[i] == position[out[-1][-1]] + 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _split_region(body: dict[int, str]) -> tuple[dict[int, tuple[str, ...]], set[int]] | None:
    """The text of each column per line of ``body`` and the lines across them (see
    split_on_gutter), or None when its lines show no gutter."""
    found = gutter_columns(list(body.values()))
    # A gutter crossed by as many lines as stop before it is the white space between a table's
    # cells, or the indent of a block, on a page of one column of text.
    found = [
        s
        for s in found
        if max(MIN_LINES - 1, _crossing(body.values(), s)) < _stopping(body.values(), s)
    ]
    while True:
        if not found:
            return None
        parts = {i: split_line(ln, found) for i, ln in body.items()}
        # A column of text holds lines of some length; a table's column of figures does not.
        narrow = [k for k in range(1, len(found) + 1) if _typical_length(parts, k) < MIN_COLUMN]
        if not narrow:
            break
        del found[narrow[0] - 1]
    across: set[int] = set()
    for i, ln in body.items():
        if crosses(ln, found) or (i - 1 in across and not any(parts[i][1:])):
            across.add(i)
    return parts, across

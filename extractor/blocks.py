"""blocks: one page's Lines -> Blocks, runs of lines that a reader takes in one go.

Blocks are built conservatively: a line joins the block above it only when it has the same
type size, follows closely, and sits in the same horizontal band (same left edge, or inside
the block's width). A block never straddles a gutter, because lines never do (see lines.py).
Paragraph breaks inside a block are found later, in the repair stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.model import Block, Line, same_type
from extractor.stats import median
from extractor.textnorm import caption_label, opens_caption

# Vertical gap (bottom of one line to top of the next) that still keeps lines together,
# in multiples of the font size.
MAX_LINE_GAP_EM = 0.9
SIZE_TOLERANCE = 0.12
# Loose spacing (see loose_spacing): this many one-line blocks at least, at a gap up to
# this many font sizes (double spacing of 12 pt type leaves about 1.6).
LOOSE_MIN_LINES = 8
LOOSE_WIDTH_SHARE = 0.6  # of the widest single line: a line of running text
# The height of a line's box in font sizes, as most fonts draw it (ascent plus descent), and
# the height under which a box is drawn short.
LINE_BOX_EM = 1.2
SHORT_BOX_EM = 0.8
LOOSE_GAP_MAX_EM = 2.0
LOOSE_MIN_GAPS = 4  # a line spacing recurs at least this often


@dataclass
class _Growing:
    """A block under construction, with its horizontal extent cached."""

    lines: list[Line]
    left: float
    right: float
    last_beside: bool = field(default=False)

    def add(self, line: Line, beside: bool) -> None:
        self.lines.append(line)
        self.last_beside = beside
        self.left = min(self.left, line.bbox.x0)
        self.right = max(self.right, line.bbox.x1)


def build_blocks(lines: list[Line]) -> list[Block]:
    """Group lines into blocks, scanning top to bottom.

    A page set with loose line spacing (a manuscript or thesis in one-and-a-half or double
    spacing) comes out of the first pass as a stack of one-line blocks: it is grouped again
    with a gap that fits its spacing (see :func:`loose_spacing`).
    """
    ordered = sorted(lines, key=lambda ln: (ln.bbox.top, ln.bbox.x0))
    blocks = _build(ordered, MAX_LINE_GAP_EM)
    gap = loose_spacing(blocks)
    return blocks if gap is None else _build(ordered, gap)


def loose_spacing(blocks: list[Block]) -> float | None:
    """The gap, in font sizes, that keeps the lines of a loosely spaced page together, or None
    for a page set tighter (the common case) or without enough lines to tell.

    The evidence: most blocks are single lines of running text (as wide as the page's widest
    lines: not a table's cells), and most of them stand one above the other at one same gap,
    wider than MAX_LINE_GAP_EM but within LOOSE_GAP_MAX_EM.
    """
    singles = [b for b in blocks if len(b.lines) == 1]
    if len(singles) < LOOSE_MIN_LINES or len(singles) < 0.5 * len(blocks):
        return None
    widest = max(b.bbox.width for b in singles)
    if sum(b.bbox.width >= LOOSE_WIDTH_SHARE * widest for b in singles) < 0.5 * len(singles):
        return None  # mostly short lines: a table's rows or a form, not running text
    gaps: list[float] = []
    run_on: list[bool] = []  # does the lower line go on with a sentence (lower case)?
    for a, b in zip(singles, singles[1:]):  # top to bottom, as blocks are sorted
        size = max(a.size, 1.0)
        if abs(a.size - b.size) <= SIZE_TOLERANCE * size and a.bbox.h_overlap(b.bbox) > 0:
            gaps.append((b.bbox.top - a.bbox.bottom) / size)
            run_on.append(b.lines[0].words[0].text[:1].islower())
    if len(gaps) < LOOSE_MIN_LINES - 1:
        return None
    typical = median(gaps)
    alike = sum(abs(g - typical) <= 0.15 * typical for g in gaps)
    spacing: float | None = typical
    if alike < 0.6 * len(gaps):
        # Wider gaps before paragraphs and headings outnumber the line spacing on a short
        # page: the tightest gap that recurs is the line spacing when the lines under it
        # mostly go on with a sentence (not rows of a table or of a contents page).
        spacing = _running_spacing(gaps, run_on)
    if spacing is None or not MAX_LINE_GAP_EM < spacing <= LOOSE_GAP_MAX_EM:
        return None
    return spacing * 1.2


def _running_spacing(gaps: list[float], run_on: list[bool]) -> float | None:
    """The tightest gap (in font sizes) that recurs LOOSE_MIN_GAPS times at least, provided
    the lines under most of those gaps open in lower case; None otherwise."""
    for g in sorted(gaps):
        alike = [k for k, x in enumerate(gaps) if abs(x - g) <= 0.15 * g]
        if len(alike) >= LOOSE_MIN_GAPS:
            going_on = sum(run_on[k] for k in alike)
            return median([gaps[k] for k in alike]) if 2 * going_on > len(alike) else None
    return None


def _build(ordered: list[Line], max_gap: float) -> list[Block]:
    beside = _lines_with_neighbours(ordered)
    done: list[_Growing] = []
    active: list[_Growing] = []
    for i, line in enumerate(ordered):
        horizon = line.bbox.top - max_gap * max(line.size, 1.0) * 2
        still: list[_Growing] = []
        for g in active:
            (still if g.lines[-1].bbox.bottom >= horizon else done).append(g)
        active = still
        has_neighbour = i in beside
        target = _best_block(active, line, has_neighbour, max_gap) if active else None
        if target is None:
            active.append(_Growing([line], line.bbox.x0, line.bbox.x1, has_neighbour))
        else:
            target.add(line, has_neighbour)
    done.extend(active)
    done.sort(key=lambda g: (g.lines[0].bbox.top, g.left))
    return [Block.of(g.lines) for g in done]


def _lines_with_neighbours(lines: list[Line]) -> set[int]:
    """Indices of lines that share their baseline band with another, disjoint line."""
    found: set[int] = set()
    boxes = [ln.bbox for ln in lines]
    tops = [b.top for b in boxes]
    n = len(lines)
    for i, a in enumerate(boxes):
        j = i + 1
        while j < n and tops[j] < a.bottom:
            b = boxes[j]
            if (b.x0 > a.x1 or a.x0 > b.x1) and a.v_overlap(b) > 0.5 * min(a.height, b.height):
                found.update((i, j))
            j += 1
    return found


def _best_block(
    blocks: list[_Growing], line: Line, beside: bool, max_gap: float
) -> _Growing | None:
    best, best_score = None, 0.0
    for g in blocks:
        score = _fit(g, line, beside, max_gap)
        if score > best_score:
            best, best_score = g, score
    return best


def _fit(g: _Growing, line: Line, beside: bool, max_gap: float = MAX_LINE_GAP_EM) -> float:
    """How well ``line`` continues block ``g`` (0: not at all).

    ``beside`` says the line has a neighbour across a gutter: such a column line does not
    join a block of lone lines much wider than itself (a spanning abstract above the columns).
    """
    last = g.lines[-1]
    size = line.max_size if line.max_size > 1.0 else 1.0
    # Cheapest and most selective first: lines of another column fail on the gap or overlap.
    gap = line.bbox.top - last.bbox.bottom
    if gap > max_gap * size and min(last.bbox.height, line.bbox.height) < SHORT_BOX_EM * size:
        # A font whose glyph boxes are drawn short (its ascent misstated) leaves wide gaps
        # between the boxes of lines set at an ordinary leading: the baselines tell it then.
        gap = min(gap, line.baseline - last.baseline - LINE_BOX_EM * size)
    if gap > max_gap * size or gap < -0.5 * size:
        return 0.0
    overlap = last.bbox.h_overlap(line.bbox)
    if overlap <= 0 or not same_type(last, line, SIZE_TOLERANCE):
        return 0.0
    if caption_label(line.words[0].text) and opens_caption([w.text for w in line.words[:3]]):
        # "Table 1: ..." opens a caption: it does not go on with the table cell or the text
        # set closely above it.
        return 0.0
    width = g.right - g.left
    tol = 1.5 * size
    if beside and not g.last_beside and width > 1.4 * line.bbox.width + tol:
        return 0.0
    if (
        len(g.lines) == 1
        and line.bbox.x0 - g.left > 4 * size
        and line.bbox.x1 > g.right - tol
        and all(abs(w.bbox.x0 - line.bbox.x0) > 0.5 * size for w in last.words)
    ):
        # A lone line reaching far left of the text under it, which ends where it does and
        # has no word where that text starts: a line of its own over a column (a journal's
        # citation line over the text's column). A label hanging out before a paragraph
        # ("Abstract  This is ...") has its text start where the lines under it start.
        return 0.0
    if (line.bbox.x0 < g.left - tol or line.bbox.x1 > g.right + tol) and (
        # Wider than the block: only a block of one line may grow: a heading or a paragraph's
        # last line (same left edge), or an indented first line (same right edge).
        len(g.lines) > 1
        or (abs(line.bbox.x0 - g.left) > tol and abs(line.bbox.x1 - g.right) > tol)
        or g.left - line.bbox.x0 > 4 * size
    ):
        return 0.0
    return overlap / max(min(last.bbox.width, line.bbox.width), 1.0) + 1.0 / (1.0 + max(gap, 0.0))

"""lines: one page's Words -> Lines (words on one baseline, never across a column gutter).

Lines are rebuilt from geometry alone, so the order in which the PDF drew its text does not
matter. Words are grouped by baseline and split at gaps that are gutters: white space that
runs down through the neighbouring lines too (a wide word space in justified text does not;
see :mod:`extractor.gutters`).
Small raised or lowered words (superscripts, footnote marks, inline math) rejoin the line
they touch; drop caps join their word; letter-spaced text, fake-bold copies and sentence
ends that lost their space are mended here, where the glyph geometry is still at hand.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

import regex

from extractor.gutters import RiverFinder
from extractor.model import BBox, Line, Word
from extractor.stats import median
from extractor.textnorm import BULLET_CHARS, LIST_MARK

# A gap wider than this many font sizes always separates two line fragments.
GUTTER_GAP_EM = 1.2
# A gap wider than this many font sizes separates fragments when it is also much wider
# than the line's ordinary word spacing (justified text widens spaces evenly).
NARROW_GUTTER_EM = 0.6
SPACING_RATIO = 3.0
# A gap this wide separates fragments whatever the lines around it show.
WIDE_GAP_EM = 4.0
# Spaces that differ by no more than this many font sizes are of one width (justification).
EVEN_SPACES_EM = 0.03
# Sort keys (sorted() calls them from C, where an attrgetter is the cheapest key).
_X0, _BASELINE = attrgetter("bbox.x0"), attrgetter("baseline")
# Left to right; words drawn at one place are put in one order whatever the stream's order.
_X_ORDER = attrgetter("bbox.x0", "bbox.x1", "text")
BULLETS = frozenset(BULLET_CHARS)


def build_lines(words: tuple[Word, ...] | list[Word], boxes: tuple[BBox, ...] = ()) -> list[Line]:
    """Group ``words`` into lines, top to bottom, each left to right.

    ``boxes`` are the rectangles drawn on the page: a line never runs across the side of one
    (the frame of a story or sidebar set close beside the text)."""
    if all(w.upright for w in words):  # the common case, settled without building a list
        rotated: list[Word] = []
        upright = list(words)
    else:
        rotated = [w for w in words if not w.upright]
        upright = [w for w in words if w.upright]
    upright, initials = _separate_initials(_split_glued_sentences(upright))
    lines: list[Line] = [Line.of([w]) for w in initials]
    by_baseline = _baseline_groups(sorted(upright, key=_BASELINE))
    groups = [_dedupe_fake_bold(_left_to_right(g)) for g in by_baseline]
    rivers = RiverFinder(groups)
    frames = _frames(boxes) + _column_rules(boxes)
    for k, group in enumerate(groups):
        sides = _box_sides(frames, group[0].baseline) if frames else ()
        lines.extend(_split_at_gutters(group, rivers, k, sides))
    lines = [_join_letter_spaced(ln) for ln in _absorb_scripts(lines)]
    lines.extend(_rotated_lines(rotated))
    lines.sort(key=lambda ln: (ln.bbox.top, ln.bbox.x0))
    return lines


def _left_to_right(words: list[Word]) -> list[Word]:
    """The words of a baseline group left to right; words at one same x (rare: an overlay)
    in the order of their right edges and texts, not of the stream."""
    if len(words) < 2:
        return words
    ordered = sorted(words, key=_X0)
    for n in range(1, len(ordered)):  # two words at one x stand next to each other now
        if ordered[n].bbox.x0 == ordered[n - 1].bbox.x0:
            ordered.sort(key=_X_ORDER)
            break
    return ordered


def _baseline_groups(words: list[Word]) -> list[list[Word]]:
    """Runs of words whose baselines agree within a fraction of their size."""
    groups: list[list[Word]] = []
    current: list[Word] = []
    anchor = 0.0
    for w in words:
        if current and abs(w.baseline - anchor) <= 0.25 * (w.size if w.size > 1.0 else 1.0):
            current.append(w)
        else:
            if current:
                groups.append(current)
            current = [w]
            anchor = w.baseline
    if current:
        groups.append(current)
    return groups


_NUMBER_LABEL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.|\(?[a-z]\))$")


def _is_label(text: str) -> bool:
    """A bullet, list number or section number ("•", "2", "4.1", "(a)") opening a line."""
    return text in BULLETS or bool(LIST_MARK.match(text)) or bool(_NUMBER_LABEL.match(text))


LEADER_CHARS = frozenset(".·…")
FOLIO = regex.compile(r"^(?:\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6})$")  # a bare page number


def _leader_to_page_number(words: list[Word], i: int) -> bool:
    """Do the words up to ``i`` end in a dotted leader (". . . ." or "....") and is the word
    after it a page number?"""
    if not FOLIO.match(words[i + 1].text):
        return False
    tail = words[max(0, i - 2) : i + 1]
    dots = [w for w in tail if w.text and set(w.text) <= LEADER_CHARS]
    return len(dots) == len(tail) and (len(tail) == 3 or len(words[i].text) >= 3)


_SENTENCE_GAP = regex.compile(r"\p{Ll}[.!?][\"”’)]?$")  # a sentence's last word: "data."


# Points: a box framing a story is wider and taller than this; rules, underlines, the cells of
# a table and the boxes round a diagram's labels are smaller.
FRAME_MIN_WIDTH, FRAME_MIN_HEIGHT = 60.0, 30.0


def _frames(boxes: tuple[BBox, ...]) -> list[BBox]:
    """The drawn boxes that frame a story or a sidebar: not rules, and standing alone, not
    the cells of a table or the highlights behind a title's words (which touch their
    neighbours: a table's rows and a title are read across them)."""
    shapes = [b for b in boxes if b.width > 2.0 and b.height > 2.0]  # not rules or underlines
    if len(shapes) > MAX_FRAMES:
        return []  # a grid or a drawing of many boxes
    return [
        b
        for b in shapes
        if b.width > FRAME_MIN_WIDTH
        and b.height > FRAME_MIN_HEIGHT
        and not any(o is not b and _adjacent(b, o) for o in shapes)
    ]


MAX_FRAMES = 40


def _adjacent(a: BBox, b: BBox) -> bool:
    """Do two boxes touch or overlap without one holding the other (a table's cells side by
    side or one on another, the highlights behind a title's words)? A fill and its outline,
    or a box inside a larger one, hold each other."""
    tol = 1.5
    if a.h_overlap(b) < -tol or a.v_overlap(b) < -tol:
        return False
    return not (a.within(b, tol) or b.within(a, tol))


# Points: a rule drawn down the page this tall at least, and this thin, parts columns.
COLUMN_RULE_MIN_HEIGHT, COLUMN_RULE_MAX_WIDTH = 150.0, 2.0


def _column_rules(boxes: tuple[BBox, ...]) -> list[BBox]:
    """The vertical rules drawn between columns (as a box, its two sides one x): a line never
    runs across one, however narrow the gutter beside it."""
    return [
        b for b in boxes if b.width <= COLUMN_RULE_MAX_WIDTH and b.height >= COLUMN_RULE_MIN_HEIGHT
    ]


def _box_sides(frames: list[BBox], baseline: float) -> tuple[float, ...]:
    """The x of the left and right sides of the boxes that a line on ``baseline`` crosses."""
    return tuple(x for b in frames if b.top <= baseline <= b.bottom for x in (b.x0, b.x1))


def _pieces(words: list[Word], rivers: RiverFinder, k: int, sides: tuple[float, ...]) -> list[tuple[int, int]]:
    """(start, end) of the runs of ``words`` between the sides of drawn boxes."""
    starts, ends = rivers.starts[k], rivers.ends[k]
    cuts = [i + 1 for i in range(len(words) - 1) if any(ends[i] <= x <= starts[i + 1] for x in sides)]
    bounds = [0, *cuts, len(words)]
    return list(zip(bounds, bounds[1:]))


def _split_at_gutters(
    words: list[Word], rivers: RiverFinder, k: int, sides: tuple[float, ...] = ()
) -> list[Line]:
    """Split a baseline group at gaps too wide to be word spaces, or lying on a gutter, and
    at the sides of drawn boxes (``sides``: their x)."""
    if sides and len(words) > 1:
        pieces = _pieces(words, rivers, k, sides)
        if len(pieces) > 1:
            return [ln for a, b in pieces for ln in _split_run(words, rivers, k, a, b)]
    return _split_run(words, rivers, k, 0, len(words))


def _split_run(words: list[Word], rivers: RiverFinder, k: int, a: int, b: int) -> list[Line]:
    """Split ``words[a:b]`` of baseline group ``k`` at gaps too wide to be word spaces, or
    lying on a gutter."""
    if a or b < len(words):
        words = words[a:b]
        starts, ends = rivers.starts[k][a:b], rivers.ends[k][a:b]
    else:
        starts, ends = rivers.starts[k], rivers.ends[k]
    if len(words) == 1:
        return [Line.of(words)]
    gaps = [starts[n + 1] - ends[n] for n in range(len(words) - 1)]
    smallest = min([w.size for w in words])
    narrow = NARROW_GUTTER_EM * smallest
    if max(gaps) <= narrow:
        return [Line.of(words)]  # the common case: nothing wider than a word space
    normal = median(gaps)
    lines: list[Line] = []
    start = 0
    for i in range(len(gaps)):
        gap = gaps[i]
        if gap <= narrow:
            continue  # only a gap wider than a word space can split the line
        if i == start and gap < 3 * smallest and _is_label(words[i].text):
            continue  # a bullet or number stands apart from its item's text, not across a gutter
        if i + 2 == len(words) and _leader_to_page_number(words, i):
            continue  # a contents entry: its dotted leader runs to the page number
        size = max(min(words[i].size, words[i + 1].size), 1.0)
        if gap <= NARROW_GUTTER_EM * size:
            continue
        if gap > WIDE_GAP_EM * size:
            # Wide enough to be a gutter, unless it is a stretched space of a justified line
            # (the one space of a line of two words, or one of several stretched evenly) set
            # between lines that run the same width without a break.
            two_words = i == start and (i + 2 == len(words) or gaps[i + 1] > NARROW_GUTTER_EM * size)
            even = _even_spaces(words, gaps, i, size)
            if even is not None:
                first, last = even
                verdict: bool | None = not rivers.stretched(
                    k, starts[first], ends[last + 1], ends[i], starts[i + 1], size
                )
            else:
                verdict = not (
                    two_words and rivers.stretched(k, starts[start], ends[i + 1], ends[i], starts[i + 1], size)
                )
        else:
            # A gap no wider than the spaces around it (loosely justified text) must be
            # free of words at both ends to count as a gutter. The spaces on each side are
            # measured apart: a line may hold another column's tighter text across a gutter.
            sides = [median(side) for side in (gaps[max(0, i - 3) : i], gaps[i + 1 : i + 4]) if side]
            # After a full stop a justified line stretches its space the most (TeX stretches
            # it threefold): up to three of the line's word spaces, it is still one of them.
            sentence = _SENTENCE_GAP.search(words[i].text) and words[i + 1].text[:1].isupper()
            like_spaces = bool(sides) and gap < (3.0 if sentence else 1.3) * max(sides)
            prose = _between_words(words[i], words[i + 1])
            verdict = rivers.verdict(k, ends[i], starts[i + 1], size, strict=like_spaces, prose=prose)
            if verdict is None and like_spaces:
                verdict = False  # as wide as the line's word spaces, with nothing around to say
            elif verdict is None:
                verdict = gap > GUTTER_GAP_EM * size or gap > SPACING_RATIO * max(normal, 0.1 * size)
            if verdict and i == start and i + 2 == len(words) and _prose_pair(words[i], words[i + 1]):
                # Two words stretched apart by justification in a narrow measure (beside a
                # picture or a sidebar), between lines that run the same width.
                verdict = not rivers.stretched(
                    k, starts[start], ends[i + 1], ends[i], starts[i + 1], size, narrow=True
                )
        if verdict:
            lines.append(Line.of(words[start : i + 1]))
            start = i + 1
    lines.append(Line.of(words[start:]))
    return lines


def _even_spaces(words: list[Word], gaps: list[float], i: int, size: float) -> tuple[int, int] | None:
    """(first, last): the run of gaps between words around gap ``i`` as wide as it, when it
    has a neighbour as wide (to a hair: ``EVEN_SPACES_EM``). Justification stretches the
    spaces of a line evenly, however wide (a narrow measure of long words, of capitals); a
    gutter is not as wide as the word spaces beside it to a tenth of a point. Only between
    words: a table's figures in columns of one width, or a dotted leader, are as evenly spaced.
    None when gap ``i`` stands alone."""
    tol = EVEN_SPACES_EM * size
    gap = gaps[i]

    def between_words(j: int) -> bool:
        return words[j].text[:1].isalpha() and words[j + 1].text[:1].isalpha()

    if not between_words(i):
        return None
    first = last = i
    while first > 0 and abs(gaps[first - 1] - gap) <= tol and between_words(first - 1):
        first -= 1
    while last + 1 < len(gaps) and abs(gaps[last + 1] - gap) <= tol and between_words(last + 1):
        last += 1
    return (first, last) if last > first else None


def _between_words(a: Word, b: Word) -> bool:
    """A gap between two words of text ("by" and "Records"), not after a label ("B", "4.7")
    or between a table's figures."""
    return len(a.text) > 1 and a.text[:1].isalpha() and b.text[:1].isalpha()


def _prose_pair(a: Word, b: Word) -> bool:
    """Two words of running text ("accept this"), not a contents entry and its page
    ("Index 23") or the cells of a table row."""
    return a.text[:1].isalpha() and b.text[:1].isalpha() and b.text[:1].islower()


def _absorb_scripts(lines: list[Line]) -> list[Line]:
    """Put raised, lowered or smaller inline text back into the line it belongs to.

    Superscripts, footnote marks and inline math in a smaller font sit off the baseline, so
    they form fragments of their own, and the line around them may have been cut at the gap
    they leave. A small fragment that touches a line of larger type on its left or right
    (overlapping it vertically) joins it, together with the line's continuation on the
    other side.
    """
    lines.sort(key=lambda ln: ln.bbox.top)
    tops = [ln.bbox.top for ln in lines]
    parent = list(range(len(lines)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, s in enumerate(lines):
        if len(s.words) > 12 or sum([len(w.text) for w in s.words]) > 12:
            continue  # a long fragment is a line of its own, not a script
        left, right = _hosts(lines, tops, i)
        if left is not None:
            parent[find(i)] = find(left)
        if right is not None and (
            left is None or abs(lines[left].baseline - lines[right].baseline) <= 0.25 * lines[left].size
        ):
            parent[find(right)] = find(i)
    if all(parent[k] == k for k in range(len(lines))):
        return lines  # nothing joined: the common case
    groups: dict[int, list[Word]] = {}
    for k, ln in enumerate(lines):
        groups.setdefault(find(k), []).extend(ln.words)
    return [
        lines[k] if len(ws) == len(lines[k].words) else Line.of(sorted(ws, key=lambda w: w.bbox.x0))
        for k, ws in groups.items()
    ]


def _hosts(lines: list[Line], tops: list[float], i: int) -> tuple[int | None, int | None]:
    """The nearest lines of larger type touching fragment ``i`` on its left and right."""
    s = lines[i]
    left = right = None
    lo = bisect_left(tops, s.bbox.top - 3 * s.bbox.height)
    for j in range(lo, len(lines)):
        h = lines[j]
        if h.bbox.top > s.bbox.bottom:
            break
        if j == i or h.size < s.size * 1.08:
            continue
        if h.bbox.v_overlap(s.bbox) < 0.4 * min(h.bbox.height, s.bbox.height):
            continue
        if h.bbox.h_overlap(s.bbox) > 0:
            return j, None  # within the line's extent: marks in the gaps it leaves
        if 0 <= s.bbox.x0 - h.bbox.x1 < 0.8 * h.size:
            if left is None or h.bbox.x1 > lines[left].bbox.x1:
                left = j
        elif 0 <= h.bbox.x0 - s.bbox.x1 < 0.8 * h.size and (
            right is None or h.bbox.x0 < lines[right].bbox.x0
        ):
            right = j
    return left, right


def _join_letter_spaced(line: Line) -> Line:
    """Join text set with wide tracking ("w w w . d i v a ...") back into words.

    In a letter-spaced line most "words" are single letters; the gaps between letters of a
    word are all alike, and a word space is clearly wider than them.
    """
    words = line.words
    if len(words) < 4:
        return line
    longer = 0
    for w in words:  # prose has words; tracked text has mostly single glyphs
        if len(w.text) > 1:
            longer += 1
            if longer > 0.3 * len(words):
                return line
    short = [w.text for w in words if len(w.text) <= 2]
    if sum(t[0].isalpha() for t in short) < 0.5 * len(short):
        return line  # spaced-out digits or symbols: table cells, not tracked letters
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(words, words[1:])]
    tracking = median(gaps)
    size = line.size or 1.0
    if tracking > 1.0 * size:
        return line
    merged: list[list[Word]] = [[words[0]]]
    for w, gap in zip(words[1:], gaps):
        if gap > 1.8 * tracking + 0.15 * size:
            merged.append([w])
        else:
            merged[-1].append(w)
    if len(merged) == len(words):
        return line
    return Line.of([_merge_words(ws) for ws in merged])


def _merge_words(words: list[Word]) -> Word:
    """One word from pieces; it keeps the type of its last piece (the text, not a drop cap)."""
    if len(words) == 1:
        return words[0]
    first = words[-1]
    return Word(
        text="".join(w.text for w in words),
        bbox=BBox.enclosing([w.bbox for w in words]),
        font=first.font,
        size=first.size,
        bold=first.bold,
        italic=first.italic,
        baseline=first.baseline,
        upright=first.upright,
        page=first.page,
    )


# Places inside one token where a space was lost (the glyph gap fell below the engine's
# space threshold): after a sentence end before a capitalised word ("euthanized.These"),
# after punctuation before an opening quote and a capital ("ask:“What"), and after a
# mathematical letter before a plain word ("5𝜎level").
_GLUED = regex.compile(
    r"^(\p{Ll}{2,}[.!?][\"”’)]?)(\p{Lu}\p{Ll}+\S*)$"
    r"|^(\S*\p{L}[:;,.!?])([“‘(]\p{Lu}\S*)$"
    r"|^(\S*[\U0001D400-\U0001D7FF])(\p{Ll}{2,}\S*)$"
)


def _split_glued_sentences(words: list[Word]) -> list[Word]:
    """Restore the spaces a PDF without space glyphs lost (see ``_GLUED``); the word's box is
    shared out by characters. The words come back as they are when none was glued."""
    found: list[tuple[int, regex.Match]] = []
    for n, w in enumerate(words):
        text = w.text
        if text.isascii():  # the common case, settled without the regex
            if "." not in text and "!" not in text and "?" not in text:
                continue
            body = text[:-1]
            if "." not in body and "!" not in body and "?" not in body:
                continue
        m = _GLUED.match(text)
        if m is not None:
            found.append((n, m))
    if not found:
        return words
    out = list(words[: found[0][0]])
    for k, (n, m) in enumerate(found):
        w, text = words[n], words[n].text
        head, tail = (g for g in m.groups() if g is not None)
        cut = w.bbox.x0 + w.bbox.width * len(head) / len(text)
        out.append(replace(w, text=head, bbox=BBox(w.bbox.x0, w.bbox.top, cut, w.bbox.bottom)))
        out.append(replace(w, text=tail, bbox=BBox(cut, w.bbox.top, w.bbox.x1, w.bbox.bottom)))
        out.extend(words[n + 1 : found[k + 1][0] if k + 1 < len(found) else len(words)])
    return out


def _separate_initials(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """Handle drop caps and drop numerals: one or two large glyphs beside several lines.

    A drop cap is the first letter of the first word of the lines beside it ("O" + "ver"):
    it is joined to that word. A drop numeral (a big "1" before a list item) stands alone.
    Either way it must not join the baseline of the line it happens to sit on.
    """
    if len(words) < 3:
        return words, []
    smallest = largest = words[0].size
    for w in words:
        if w.size > largest:
            largest = w.size
        elif w.size < smallest:
            smallest = w.size
    if largest < 1.8 * smallest:
        return words, []  # nothing large enough, whatever the typical size: the common case
    sizes = sorted([w.size for w in words])
    typical = sizes[len(sizes) // 2]
    if largest < 1.8 * typical:
        return words, []  # nothing large enough: the common case
    large = 1.8 * typical
    big = [w for w in words if w.size >= large and len(w.text) <= 2 and w.text[0].isalnum()]
    if not big:
        return words, []
    removed: set[int] = set()
    replaced: dict[int, Word] = {}
    initials: list[Word] = []
    by_x = sorted(words, key=_X0)  # the words just right of a cap are found by bisection
    lefts = [w.bbox.x0 for w in by_x]
    for cap in big:
        right = cap.bbox.x1
        beside = [
            w for w in by_x[bisect_left(lefts, right) : bisect_left(lefts, right + 3 * typical)]
            if w.size < cap.size / 1.5 and cap.bbox.top - 1 <= w.bbox.cy <= cap.bbox.bottom + 1
        ]
        if len({round(w.baseline) for w in beside}) < 2:
            continue
        removed.add(id(cap))
        first = min(beside, key=lambda w: (w.baseline, w.bbox.x0))
        if cap.text.isalpha() and first.text[:1].islower() and id(first) not in replaced:
            # The word takes the cap's letter and left edge, but its own line's height.
            box = BBox(cap.bbox.x0, first.bbox.top, first.bbox.x1, first.bbox.bottom)
            replaced[id(first)] = replace(first, text=cap.text + first.text, bbox=box)
        else:
            initials.append(cap)
    if not removed:
        return words, initials
    kept = [w for w in words if w.size < large or id(w) not in removed]  # only big ones go
    if replaced:  # a drop cap joined its word
        kept = [replaced.get(id(w), w) for w in kept]
    return kept, initials


def _rotated_lines(words: list[Word]) -> list[Line]:
    """Rotated words, grouped per vertical run; the layout sets them aside as margin text."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w.bbox.x0), w.bbox.top, w.bbox.x0, w.text))
    lines: list[Line] = []
    current = [words[0]]
    for w in words[1:]:
        if abs(w.bbox.x0 - current[-1].bbox.x0) < 2 and w.bbox.top - current[-1].bbox.bottom < 3 * w.size:
            current.append(w)
        else:
            lines.append(Line.of(current))
            current = [w]
    lines.append(Line.of(current))
    return lines


def _dedupe_fake_bold(words: list[Word]) -> list[Word]:
    """Drop the overprinted copies of fake-bold text (the same word drawn at a tiny offset).

    ``words`` are one baseline group sorted by x, so a copy follows its original closely
    (whether it was drawn at the same baseline or a fraction of a point off it).
    """
    if len({w.text for w in words}) == len(words):
        return words  # no text twice on the line: nothing can be a copy
    kept: list[Word] = []
    recent: list[str] = ["", "", ""]  # texts of the last three kept words: most words differ
    for w in words:
        text = w.text
        if text in recent:
            box = w.bbox
            if any(
                prev.text == text
                and abs(box.x0 - prev.bbox.x0) < 0.15 * w.size
                and abs(box.top - prev.bbox.top) < 0.15 * w.size
                for prev in kept[-3:]
            ):
                continue
        kept.append(w)
        recent[len(kept) % 3] = text
    return kept

"""model: the geometry and document types every stage speaks; no pipeline logic here.

Coordinates are PDF points with the origin at the page's top-left corner and y growing
downwards (the convention of PyMuPDF and pdfplumber's ``top``/``bottom``). Field names say
which edge they are (``top``/``bottom``), never ``y0``/``y1``, whose meaning differs between
libraries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from extractor.gcpause import pause_gc, resume_gc

# The per-glyph-group types (BBox, Word, Line, Block) are slotted dataclasses that no stage
# mutates (stages build new ones with dataclasses.replace), but they are not ``frozen``:
# a frozen dataclass sets each field through object.__setattr__, which made building the
# Words of a page cost more than MuPDF's own text extraction. They hash by value all the same.


@dataclass(slots=True, unsafe_hash=True)
class BBox:
    """An axis-aligned box in points, origin top-left, y down.

    Never inverted (x1 >= x0, bottom >= top): the backends clamp what a PDF gives them and the
    stages only unite boxes. It is not checked here, as a box is built for every word.
    """

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def h_overlap(self, other: BBox) -> float:
        """Width of the horizontal overlap (negative: the gap between them)."""
        # Conditionals, not min()/max(): this runs for every pair the layout compares.
        right = self.x1 if self.x1 < other.x1 else other.x1
        left = self.x0 if self.x0 > other.x0 else other.x0
        return right - left

    def v_overlap(self, other: BBox) -> float:
        """Height of the vertical overlap (negative: the gap between them)."""
        low = self.bottom if self.bottom < other.bottom else other.bottom
        high = self.top if self.top > other.top else other.top
        return low - high

    def within(self, other: BBox, tol: float = 0.0) -> bool:
        """Does ``other`` (grown by ``tol`` on every side) hold this box?"""
        return (
            self.x0 >= other.x0 - tol
            and self.x1 <= other.x1 + tol
            and self.top >= other.top - tol
            and self.bottom <= other.bottom + tol
        )

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def rounded(self, ndigits: int = 2) -> tuple[float, float, float, float]:
        return (
            round(self.x0, ndigits),
            round(self.top, ndigits),
            round(self.x1, ndigits),
            round(self.bottom, ndigits),
        )

    @staticmethod
    def enclosing(boxes: list[BBox] | tuple[BBox, ...]) -> BBox:
        """The smallest box holding all of ``boxes`` (which must not be empty); one pass."""
        first = boxes[0]
        x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
        for box in boxes:
            if box.x0 < x0:
                x0 = box.x0
            if box.top < top:
                top = box.top
            if box.x1 > x1:
                x1 = box.x1
            if box.bottom > bottom:
                bottom = box.bottom
        return BBox(x0, top, x1, bottom)


@dataclass(slots=True, unsafe_hash=True)
class Word:
    """One word as a backend drew it, already in our types.

    ``baseline`` is the y of the glyphs' baseline; ``upright`` is False for rotated text
    (margin stamps, vertical labels), which the layout never reads as body. ``turn`` says
    which way the text runs, as the clockwise turn of the page, in degrees, that would set it
    upright: 0 (upright), 90 (it runs up the page), 180 (upside down), 270 (it runs down);
    -1 for text set at a slant.
    """

    text: str
    bbox: BBox
    font: str
    size: float
    bold: bool = False
    italic: bool = False
    baseline: float = 0.0
    upright: bool = True
    page: int = 0
    turn: int = 0


class Role(str, Enum):
    """What a block is on its page; only ``BODY``-like roles reach the text output."""

    TITLE = "title"
    AUTHOR = "author"
    HEADING = "heading"
    BODY = "body"
    LIST_ITEM = "list_item"
    CAPTION = "caption"
    FOOTNOTE = "footnote"
    SIDEBAR = "sidebar"
    HEADER = "header"
    FOOTER = "footer"
    PAGE_NUMBER = "page_number"
    MARGIN = "margin"
    NOTE = "note"  # small type set apart from the body: references, notes, figure labels
    ARTIFACT = "artifact"  # ink without words: dotted leaders, rules of punctuation, drop numerals
    PULL_QUOTE = "pull_quote"  # a passage of the text repeated in display type to catch the eye
    TABLE = "table"  # a data table's rows, each read left to right (see tables.py)

    @property
    def is_flow(self) -> bool:
        """True for roles that belong to the reading flow (text output)."""
        return self in FLOW_ROLES


FLOW_ROLES = frozenset(
    {Role.TITLE, Role.HEADING, Role.BODY, Role.LIST_ITEM, Role.SIDEBAR, Role.TABLE}
)


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """Words on one baseline within one column, left to right."""

    words: tuple[Word, ...]
    bbox: BBox
    size: float = 0.0  # the dominant type size of the line (by characters)
    baseline: float = 0.0  # the baseline of the line's largest type (not of a superscript)
    max_size: float = 0.0  # the largest type on the line: small caps and scripts do not lower it

    @property
    def text(self) -> str:
        return " ".join([w.text for w in self.words])

    @staticmethod
    def of(words: tuple[Word, ...] | list[Word]) -> Line:
        """The line of ``words`` (not empty); it runs for every line built."""
        words = tuple(words)
        first = words[0]
        if len(words) == 1:
            return Line(words, first.bbox, first.size, first.baseline, first.size)
        largest = first  # the first of the largest words
        uniform = True
        for w in words:
            if w.size != first.size:
                uniform = False
                if w.size > largest.size:
                    largest = w
        size = first.size if uniform else dominant_size(words)
        box = BBox.enclosing([w.bbox for w in words])
        return Line(words, box, size, largest.baseline, largest.size)


def same_type(a: Line, b: Line, tolerance: float = 0.12) -> bool:
    """Are two lines set in the same type, as consecutive lines of one paragraph are?

    Either their dominant sizes or their largest sizes agree: a run-in lead-in in small
    capitals lowers a line's dominant size, a larger bold lead-in raises its largest size,
    but not both at once.
    """
    return _close(a.size, b.size, tolerance) or _close(a.max_size, b.max_size, tolerance)


def _close(x: float, y: float, tolerance: float) -> bool:
    top = x if x > y else y
    return abs(x - y) <= tolerance * (top if top > 1.0 else 1.0)


def _dominant_line_size(lines: tuple[Line, ...]) -> float:
    """The size of the lines holding the most words (each line already knows its size)."""
    if len(lines) == 1:
        return lines[0].size
    weights: dict[float, int] = {}
    for line in lines:
        weights[line.size] = weights.get(line.size, 0) + len(line.words)
    return max(weights.items(), key=lambda kv: (kv[1], kv[0]))[0]


def dominant_size(words: tuple[Word, ...] | list[Word]) -> float:
    """The font size carrying the most characters among ``words``."""
    if words:
        first = words[0].size
        if all(w.size == first for w in words):
            return first
    weights: dict[float, int] = {}
    for w in words:
        weights[w.size] = weights.get(w.size, 0) + len(w.text)
    return max(weights.items(), key=lambda kv: (kv[1], kv[0]))[0] if weights else 0.0


@dataclass(slots=True, unsafe_hash=True)
class Block:
    """A run of lines read together: a piece of one column, a heading, a caption...

    ``order`` is its position in the page's reading order; ``column`` the index of the
    column it sits in (0 = leftmost, -1 when it spans columns or stands outside them).
    """

    lines: tuple[Line, ...]
    bbox: BBox
    role: Role = Role.BODY
    column: int = -1
    order: int = -1
    size: float = 0.0  # the dominant type size of the block (by characters)

    @property
    def text(self) -> str:
        return " ".join([line.text for line in self.lines])

    @staticmethod
    def of(lines: tuple[Line, ...] | list[Line], role: Role = Role.BODY) -> Block:
        lines = tuple(lines)
        size = _dominant_line_size(lines)
        return Block(lines, BBox.enclosing([ln.bbox for ln in lines]), role, size=size)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of text, with the lines it came from (which may span pages)."""

    text: str
    role: Role
    page: int
    lines: tuple[Line, ...] = ()

    @property
    def bbox(self) -> BBox | None:
        """The box of the paragraph's lines on its first page (None without lines)."""
        first = [ln.bbox for ln in self.lines if ln.words[0].page == self.page]
        return BBox.enclosing(first) if first else None


@dataclass(frozen=True, slots=True)
class Page:
    """One page after layout analysis: its blocks in reading order, furniture included."""

    number: int
    width: float
    height: float
    blocks: tuple[Block, ...] = ()
    columns: tuple[tuple[float, float], ...] = ()
    no_text: bool = False
    needs_ocr: bool = False  # no text layer, images over most of the page: a scan
    garbled: bool = False  # most characters undecodable (fonts without a Unicode map)
    paragraphs: tuple[Paragraph, ...] = ()  # the flow paragraphs that start on this page
    turn: int = 0  # clockwise degrees the page was turned to read its text (see orientation)
    mirrored: bool = False  # mirrored left to right: a right-to-left page (see bidi)


@dataclass(frozen=True, slots=True)
class Document:
    """The result of an extraction: pages (with every block) and the body paragraphs.

    ``keep_furniture`` (from :class:`~extractor.options.ExtractOptions`) makes the text and
    Markdown writers put running heads/feet, page numbers, captions and footnotes back in.
    """

    source: str
    pages: tuple[Page, ...]
    paragraphs: tuple[Paragraph, ...] = field(default=())
    keep_furniture: bool = False

    def to_text(self) -> str:
        return self._write("to_text")

    def to_markdown(self) -> str:
        return self._write("to_markdown")

    def to_json(self) -> str:
        return self._write("to_json")

    def _write(self, writer: str) -> str:
        """The document through ``extractor.writers.<writer>``, with the collector paused
        (see gcpause: the caller often drops the document next)."""
        took = pause_gc()
        try:
            from extractor import writers

            return getattr(writers, writer)(self)
        finally:
            resume_gc(took)

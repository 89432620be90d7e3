"""Build pages from geometry in code (no PDF): words, typeset columns, RawPages.

Word widths follow a simple proportional model (0.5 em per character), enough for the
layout heuristics, which look at boxes and gaps, never at glyphs.
"""

from __future__ import annotations

from extractor.load import RawPage
from extractor.model import BBox, Word

CHAR_EM = 0.5


def word(text: str, x0: float, top: float, size: float = 10.0, *, bold: bool = False,
         italic: bool = False, page: int = 0, upright: bool = True) -> Word:
    width = max(len(text), 1) * CHAR_EM * size
    return Word(text, BBox(x0, top, x0 + width, top + size), "Helvetica", size, bold, italic,
                top + 0.8 * size, upright, page)


def text_line(text: str, x0: float, top: float, size: float = 10.0, space: float | None = None,
              **kw) -> list[Word]:
    """Words of ``text`` set left to right from ``x0`` with ``space`` points between them."""
    gap = 0.3 * size if space is None else space
    out, x = [], x0
    for t in text.split():
        w = word(t, x, top, size, **kw)
        out.append(w)
        x = w.bbox.x1 + gap
    return out


def column(paragraphs: list[str], x0: float, width: float, top: float, size: float = 10.0,
           leading: float = 12.0, indent: float = 0.0, para_gap: float = 0.0,
           page: int = 0) -> tuple[list[Word], float]:
    """Typeset paragraphs ragged-right into a column; returns the words and the next top."""
    words: list[Word] = []
    y = top
    space = 0.3 * size
    for text in paragraphs:
        line: list[str] = []
        first = True
        for tok in text.split():
            start = x0 + (indent if first else 0.0)
            trial = " ".join([*line, tok])
            if line and _width(trial, size, space) > width - (start - x0):
                words += text_line(" ".join(line), start, y, size, space, page=page)
                y += leading
                line, first = [], False
            line.append(tok)
        if line:
            start = x0 + (indent if first else 0.0)
            words += text_line(" ".join(line), start, y, size, space, page=page)
            y += leading
        y += para_gap
    return words, y


def _width(text: str, size: float, space: float) -> float:
    toks = text.split()
    return sum(len(t) * CHAR_EM * size for t in toks) + space * (len(toks) - 1)


def page(words: list[Word], number: int = 0, width: float = 612.0, height: float = 792.0,
         rules: tuple[BBox, ...] = ()) -> RawPage:
    return RawPage(number, width, height, tuple(words), rules)


PROSE = [
    "The harbour at the mouth of the river was never deep enough for the ships that the town "
    "council kept ordering, and every spring the pilots argued about where the channel had moved.",
    "Dredging was tried twice in the last century and abandoned both times, once for lack of "
    "money and once because the spoil heaps on the beach washed back within a single winter.",
    "Today the quay is busier than it has been for a century, although almost nobody who walks "
    "along it knows that the benches stand where the old customs shed once kept its ledgers.",
    "A honeybee colony makes decisions without any single bee understanding the question, and "
    "the scouts that find a promising site return to dance on the surface of the swarm.",
]


def moved(words: list[Word], dx: float = 0.0, dy: float = 0.0, page: int | None = None) -> list[Word]:
    """The same words shifted by (dx, dy), optionally onto another page."""
    return [
        Word(w.text, BBox(w.bbox.x0 + dx, w.bbox.top + dy, w.bbox.x1 + dx, w.bbox.bottom + dy),
             w.font, w.size, w.bold, w.italic, w.baseline + dy, w.upright,
             w.page if page is None else page)
        for w in words
    ]

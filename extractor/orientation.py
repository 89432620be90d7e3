"""orientation: a page whose text runs sideways or upside down, turned so that it reads upright.

A landscape page is often stored as a portrait page with ``/Rotate 90`` and its text drawn
turned to match; both backends report the page unrotated, so its words run up (or down) the
page, and the layout would set them all aside as margin text. When most of a page's text runs
one way other than upright, the page's geometry is turned (a quarter, a half or three quarters
of a turn) until that text is upright, as a reader turns the paper; words that ran the other
way (an upright page number on a turned page) become the turned ones. Geometry only, on our
own types, so both backends are handled alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from extractor.load import RawPage
from extractor.model import BBox, Word

_UPRIGHT = attrgetter("upright")

# Share of a page's characters that must run one (non-upright) way for the page to be turned:
# a rotated stamp in the margin or a turned table label is far less.
TURN_SHARE = 0.6
# Where the baseline sits above the bottom of a word's box, in font sizes (the descent): the
# backends give turned words no baseline of their own.
DESCENT_EM = 0.22
TURNS = (0, 90, 180, 270)


def turn_of(dx: float, dy: float) -> int:
    """The turn (see :class:`extractor.model.Word`) of text whose writing direction is the unit
    vector (dx, dy) in page space, y down; -1 for a slant."""
    if abs(dy) < 0.1:
        return 0 if dx > 0 else 180
    if abs(dx) < 0.1:
        return 90 if dy < 0 else 270
    return -1


def turn_upright(raw: RawPage) -> RawPage:
    """The page turned so that most of its text reads upright (unchanged when it already does)."""
    if all(map(_UPRIGHT, raw.words)):
        return raw  # the common case
    sideways = [w for w in raw.words if not w.upright]
    if len(sideways) * 2 < len(raw.words):
        return raw  # a few turned words (a margin stamp) on an upright page
    chars: dict[int, int] = {}
    for w in sideways:
        chars[w.turn] = chars.get(w.turn, 0) + len(w.text)
    turn, count = max(chars.items(), key=lambda kv: kv[1])
    total = sum(len(w.text) for w in raw.words)
    if turn not in TURNS or count < TURN_SHARE * total:
        return raw
    return turn_page(raw, turn)


def turn_page(raw: RawPage, turn: int) -> RawPage:
    """``raw`` turned clockwise by ``turn`` degrees (90, 180 or 270), words and rules."""
    flip = _box_turner(turn, raw.width, raw.height)
    width, height = (raw.height, raw.width) if turn in (90, 270) else (raw.width, raw.height)
    return replace(
        raw,
        width=width,
        height=height,
        words=tuple(_turn_word(w, turn, flip) for w in raw.words),
        rules=tuple(flip(r) for r in raw.rules),
        turn=turn,
    )


def turn_back(words: list[Word], turn: int, width: float, height: float) -> list[Word]:
    """Words of a page turned by ``turn`` (now ``width`` by ``height``) put back where they
    stand on the page as it is stored, with their turn again."""
    flip = _box_turner((360 - turn) % 360, width, height)
    return [_turn_word(w, (360 - turn) % 360, flip) for w in words]


def _box_turner(turn: int, width: float, height: float) -> Callable[[BBox], BBox]:
    """The map of boxes for a clockwise turn of the page by ``turn`` degrees."""
    if turn == 90:  # text ran up the page: its left edge was the page's bottom
        return lambda b: BBox(height - b.bottom, b.x0, height - b.top, b.x1)
    if turn == 270:  # text ran down the page: its left edge was the page's top
        return lambda b: BBox(b.top, width - b.x1, b.bottom, width - b.x0)
    return lambda b: BBox(width - b.x1, height - b.bottom, width - b.x0, height - b.top)


def _turn_word(w: Word, turn: int, flip: Callable[[BBox], BBox]) -> Word:
    box = flip(w.bbox)
    new_turn = (w.turn - turn) % 360 if w.turn >= 0 else -1
    upright = new_turn == 0
    baseline = box.bottom - DESCENT_EM * w.size if upright else box.bottom
    return Word(
        w.text, box, w.font, w.size, w.bold, w.italic, baseline, upright, w.page, new_turn
    )

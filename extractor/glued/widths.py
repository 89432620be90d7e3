"""widths: rendered width of words in em, from Helvetica's glyph advances.

The page's real font is unknown; any proportional font's advances track the real widths to a few
per cent per line (Times vs Helvetica: sd 2.4 % over eight words), and the unknown column width is
fitted in the same units, so the mean ratio between the fonts cancels out.
"""

from __future__ import annotations

from functools import lru_cache

import pymupdf

_FONT = pymupdf.Font("helv")
_CHAR: dict[str, float] = {}
SPACE = 0.278  # Helvetica's space advance, em


def _char_width(ch: str) -> float:
    w = _CHAR.get(ch)
    if w is None:
        w = _FONT.text_length(ch, fontsize=1) if ch.isprintable() else 0.0
        if w <= 0.0 and ch.isprintable():
            w = 0.5  # glyph missing from the base-14 font: an average advance
        _CHAR[ch] = w
    return w


@lru_cache(maxsize=131072)
def word_width(word: str) -> float:
    """Advance width of one word at font size 1 (em)."""
    return sum(_char_width(c) for c in word)


def prefix_widths(words: list[str]) -> list[float]:
    """pw[k] = width of words[:k] set with single spaces (pw[0] = 0)."""
    out = [0.0]
    acc = -SPACE
    for w in words:
        acc += SPACE + word_width(w)
        out.append(acc)
    return out

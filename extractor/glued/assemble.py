"""assemble: column lines -> paragraphs in reading order (left stream, then right stream).

A column line ends a paragraph when it is visibly short (the next word of the column would have
fitted) or when the column has a gap after it; a full line is never taken for a paragraph end, so
breaks that the text cannot show are not invented. Line-end hyphens are decided by
`extractor.hyphenation.join_hyphenated` with the page's own vocabulary.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from extractor.glued.lexicon import ends_sentence, starts_lower, starts_upper
from extractor.glued.widths import SPACE, prefix_widths, word_width
from extractor.hyphenation import join_hyphenated

SHORT = 0.06  # a line this much short of its column (after the next word) ends its paragraph
SHORT_SENT = 0.02  # ... or this much, after a full stop and before a capital


@dataclass(slots=True)
class ColLine:
    """One line of one column: its words, input row, and the column's fitted width (em)."""

    words: list[str]
    row: int
    width: float
    gap_before: bool = False
    column: int = 0  # 0 left, 1 right


def is_paragraph_end(line: ColLine, nxt: ColLine) -> bool:
    last, first = line.words[-1], nxt.words[0]
    if last.endswith(("-", "\u00ad")) and last[:-1][-1:].isalpha():
        return False
    if nxt.column == line.column and (nxt.gap_before or nxt.row > line.row + 1):
        return not (starts_lower(first) and not ends_sentence(last))
    if line.width <= 0:
        return False
    used = prefix_widths(line.words)[-1] + SPACE + word_width(first)
    deficit = (line.width - used) / line.width
    if deficit > SHORT:
        return True
    return deficit > SHORT_SENT and ends_sentence(last) and starts_upper(first)


def paragraphs(stream: list[ColLine], vocabulary: Container[str]) -> list[str]:
    """Join the column lines of one reading-order stream into paragraphs."""
    out: list[str] = []
    words: list[str] = []
    for i, line in enumerate(stream):
        toks = list(line.words)
        if words and _is_line_hyphen(words[-1]):
            toks[0] = join_hyphenated(words.pop(), toks[0], vocabulary)
        words.extend(toks)
        if i + 1 < len(stream) and is_paragraph_end(line, stream[i + 1]):
            out.append(" ".join(words))
            words = []
    if words:
        out.append(" ".join(words))
    return out


def _is_line_hyphen(word: str) -> bool:
    return len(word) >= 2 and word[-1] in "-\u00ad\u2010" and word[-2].isalpha()

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
from extractor.glued.rows import is_title_line
from extractor.glued.widths import SPACE, prefix_widths, word_width
from extractor.hyphenation import join_hyphenated

SHORT = 0.06  # a line this much short of its column (after the next word) ends its paragraph
SHORT_SENT = 0.02  # ... or this much, after a full stop and before a capital
MIDWAY = 0.5  # a line stopping this short ends its paragraph even in mid-sentence


@dataclass(slots=True)
class ColLine:
    """One line of one column: its words, input row, and the column's fitted width (em)."""

    words: list[str]
    row: int
    width: float
    gap_before: bool = False
    column: int = 0  # 0 left, 1 right (-1: across the columns)
    across: bool = False  # set across the columns (a title, a caption): see paragraphs


def is_paragraph_end(line: ColLine, nxt: ColLine, opens: bool = False) -> bool:
    """Does a paragraph end after ``line``, ``nxt`` being the next line read? ``opens``: the
    line is the first of its paragraph (only such a line may be a heading)."""
    last, first = line.words[-1], nxt.words[0]
    if last.endswith(("-", "\u00ad")) and last[:-1][-1:].isalpha():
        return False
    if nxt.column == line.column and nxt.gap_before:
        return not (starts_lower(first) and not ends_sentence(last))
    if line.width <= 0:
        return False
    if opens and is_title_line(line.words, open_end=True) and nxt.column == line.column:
        # A title or heading in a measured column: it ends where the text under it starts,
        # and goes on over a second line only from a word that leaves it open.
        return not (is_title_line(nxt.words) and _open(line.words))
    if is_title_line(nxt.words) and ends_sentence(last):
        return True  # a heading after a paragraph whose last line ran full
    used = prefix_widths(line.words)[-1] + SPACE + word_width(first)
    deficit = (line.width - used) / line.width
    if deficit > SHORT:
        # A line stopping short in mid-sentence, the next going on in lower case, was cut by
        # something beside it (a picture the text wraps round): a paragraph ends at a stop.
        return not (starts_lower(first) and not ends_sentence(last) and deficit < MIDWAY)
    return deficit > SHORT_SENT and ends_sentence(last) and starts_upper(first)


def _open(words: list[str]) -> bool:
    """Does a title's line end in a word that leaves it open ("of", "and", "from")?"""
    return not is_title_line(words) or (len(words) >= 3 and words[-1][:1].islower())


def paragraphs(stream: list[ColLine], vocabulary: Container[str]) -> list[str]:
    """Join the column lines of one reading-order stream into paragraphs.

    Lines set across the columns stand apart, like a figure in a page: a paragraph that runs
    from the section above them into the section below (its line before them full) is not cut,
    and their own paragraphs follow it.
    """
    flow = [line for line in stream if not line.across]
    floats: dict[int, list[ColLine]] = {}  # the lines across, by the flow line they stand before
    n = 0
    for line in stream:
        if line.across:
            floats.setdefault(n, []).append(line)
        else:
            n += 1
    out: list[str] = []
    held: list[str] = []  # paragraphs across the columns waiting for the open one to end
    words: list[str] = []
    for i, line in enumerate(flow):
        if i in floats:
            (held if words else out).extend(_across(floats[i], vocabulary))
        opens = not words
        _add_line(words, line, vocabulary)
        if i + 1 < len(flow) and is_paragraph_end(line, flow[i + 1], opens):
            out.append(" ".join(words))
            words = []
            out += held
            held = []
    if words:
        out.append(" ".join(words))
    out += held
    out += _across(floats.get(len(flow), []), vocabulary)
    return out


def _across(lines: list[ColLine], vocabulary: Container[str]) -> list[str]:
    """The paragraphs of lines set across the columns: parted where a blank line parts them."""
    out: list[str] = []
    words: list[str] = []
    for line in lines:
        if words and line.gap_before:
            out.append(" ".join(words))
            words = []
        _add_line(words, line, vocabulary)
    if words:
        out.append(" ".join(words))
    return out


def _add_line(words: list[str], line: ColLine, vocabulary: Container[str]) -> None:
    """Append ``line``'s words to the paragraph's ``words``, mending a line-end hyphen."""
    toks = list(line.words)
    if words and _is_line_hyphen(words[-1]):
        toks[0] = join_hyphenated(words.pop(), toks[0], vocabulary)
    words.extend(toks)


def _is_line_hyphen(word: str) -> bool:
    return len(word) >= 2 and word[-1] in "-\u00ad\u2010" and word[-2].isalpha()

"""bidi: pages written right to left (Arabic, Persian, Hebrew) read right to left.

The layout reads lines, columns and paragraphs left to right. A page whose letters are mostly
of a right-to-left script is mirrored before the analysis (x measured from the page's right
edge), as :mod:`orientation` turns a sideways page: its lines, columns, indents and short last
lines then read right to left by the same rules. Words keep their letters, which the backends
give in reading order; a run of left-to-right words inside a line (a Latin name, a class
name, an English sentence) is put back in its own order.
"""

from __future__ import annotations

import re
from dataclasses import replace

import regex

from extractor.load import RawPage
from extractor.model import BBox, Line, Word
from extractor.textnorm import RTL_LETTER

RTL_SHARE = 0.5  # share of a page's letters in right-to-left scripts that mirrors it
# The Unicode blocks of those scripts, for the standard library's faster scan.
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff]")
_LETTER = regex.compile(r"\p{L}")
_LTR = regex.compile(r"[\p{L}\p{N}]")  # a word with these and no RTL_LETTER runs left to right


def mirror_rtl(raw: RawPage) -> RawPage:
    """The page mirrored left to right when most of its letters are of a right-to-left
    script (unchanged otherwise, the common case)."""
    if raw.mirrored:
        return raw
    joined = "".join([w.text for w in raw.words])
    if joined.isascii() or not _RTL_BLOCKS.search(joined):
        return raw  # (two quick scans settle nearly every page)
    if len(RTL_LETTER.findall(joined)) < RTL_SHARE * len(_LETTER.findall(joined)):
        return raw
    width = raw.width

    def flip(b: BBox) -> BBox:
        return BBox(width - b.x1, b.top, width - b.x0, b.bottom)

    words = tuple(replace(w, bbox=flip(w.bbox)) for w in raw.words)
    return replace(raw, words=words, rules=tuple(flip(r) for r in raw.rules), mirrored=True)


def ltr_runs(line: Line) -> Line:
    """``line`` (words in right-to-left order) with each run of two or more left-to-right
    words put back in left-to-right order."""
    words = list(line.words)
    ltr = [not RTL_LETTER.search(w.text) and bool(_LTR.search(w.text)) for w in words]
    if sum(ltr) < 2:
        return line
    out: list[Word] = []
    k = 0
    while k < len(words):
        if not ltr[k]:
            out.append(words[k])
            k += 1
            continue
        end = k
        while end + 1 < len(words) and (ltr[end + 1] or _bridge(words, ltr, end + 1)):
            end += 1
        out.extend(reversed(words[k : end + 1]))
        k = end + 1
    return line if out == words else Line.of(out)


def _bridge(words: list[Word], ltr: list[bool], k: int) -> bool:
    """Is word ``k`` punctuation ("-", "&") between two left-to-right words? It belongs to
    their run."""
    w = words[k]
    if k + 1 >= len(words) or not ltr[k + 1]:
        return False
    return not RTL_LETTER.search(w.text) and not _LTR.search(w.text)

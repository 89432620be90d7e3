"""repair.text: lines of one paragraph -> its text, hyphenation repaired."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from extractor.hyphenation import join_hyphenated, vocabulary_of
from extractor.model import Line, Page

SOFT = "\u00ad"


def vocabulary(pages: Iterable[Page]) -> frozenset[str]:
    """Lower-cased words seen inside lines (not at a line break) anywhere in the document.

    A word seen whole, or seen with its hyphen, mid-line is the best evidence for how to mend
    the same word where a line break cut it.
    """
    return frozenset(vocabulary_of(_inner_words(pages)))


def _inner_words(pages: Iterable[Page]) -> Iterator[str]:
    for page in pages:
        for block in page.blocks:
            for line in block.lines:
                for w in line.words[:-1]:
                    yield w.text


def join_lines(lines: Iterable[Line], vocab: frozenset[str], *, dehyphenate: bool = True) -> str:
    """Join the words of the lines with single spaces, mending words broken at line ends."""
    out: list[str] = []
    pending_break = False
    for line in lines:
        words = [w.text for w in line.words]
        if pending_break and out and words:
            head = out.pop()
            if head.endswith(SOFT):
                words[0] = head[:-1] + words[0]
            else:
                words[0] = join_hyphenated(head, words[0], vocab)
        out.extend(words)
        last = out[-1] if out else ""
        pending_break = dehyphenate and (
            last.endswith(SOFT) or (len(last) > 2 and last.endswith("-") and last[-2].isalpha())
        )
    return " ".join(w.replace(SOFT, "") for w in out)

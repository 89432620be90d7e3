"""repair.text: lines of one paragraph -> its text, hyphenation repaired."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

from extractor.hyphenation import join_hyphenated, vocabulary_of
from extractor.model import Line, Page

SOFT = "\u00ad"
_URLISH = ("://", "www.", "@")
_BREAK_ENDS = frozenset("-\u2013/@" + SOFT)  # the last characters _broken_at_end looks for


def _broken_at_end(word: str) -> bool:
    """Does the line end inside a word: a hyphen, a soft hyphen, a dash in a compound
    ("mention–" "mention") or a web or mail address cut after "/" or "@"?"""
    if len(word) < 2:
        return False
    if word.endswith(SOFT):
        return True
    if word.endswith(("-", "\u2013")):
        return word[-2].isalnum()
    return word.endswith(("/", "@")) and any(u in word for u in _URLISH)


class DocumentVocabulary(Container[str]):
    """Lower-cased words seen inside lines (not at a line break) anywhere in the document.

    A word seen whole, or seen with its hyphen, mid-line is the best evidence for how to mend
    the same word where a line break cut it. Built on the first question only: most pages
    have no hyphenated line end to ask about.
    """

    def __init__(self, pages: Iterable[Page]) -> None:
        self._pages = tuple(pages)
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            # One string, one regex pass: far cheaper than a pass per word.
            self._words = frozenset(vocabulary_of([" ".join(_inner_words(self._pages))]))
        return word in self._words


def vocabulary(pages: Iterable[Page]) -> Container[str]:
    """The document's vocabulary (see :class:`DocumentVocabulary`)."""
    return DocumentVocabulary(pages)


def _inner_words(pages: Iterable[Page]) -> Iterator[str]:
    for page in pages:
        for block in page.blocks:
            for line in block.lines:
                for w in line.words[:-1]:
                    yield w.text


def join_lines(lines: Iterable[Line], vocab: Container[str], *, dehyphenate: bool = True) -> str:
    """Join the words of the lines with single spaces, mending words broken at line ends."""
    out: list[str] = []
    pending_break = False
    for line in lines:
        words = [w.text for w in line.words]
        if pending_break and out and words:
            head = out.pop()
            if head.endswith(SOFT):
                words[0] = head[:-1] + words[0]
            elif head.endswith("-"):
                words[0] = join_hyphenated(head, words[0], vocab)
            else:
                words[0] = head + words[0]  # a dash or a cut address: no space, keep all
        out.extend(words)
        pending_break = dehyphenate and bool(out) and out[-1][-1:] in _BREAK_ENDS and _broken_at_end(out[-1])
    return " ".join(out).replace(SOFT, "")

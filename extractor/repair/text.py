"""repair.text: lines of one paragraph -> its text, hyphenation repaired."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

import regex

from extractor.hyphenation import WORD, join_hyphenated, vocabulary_of
from extractor.model import Line, Page

SOFT = "\u00ad"
_URLISH = ("://", "www.", "@")
_BREAK_ENDS = frozenset("-\u2013/@." + SOFT)  # the last characters _broken_at_end looks for
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_JOINERS = "-\u2019'"  # what joins the parts of one word in hyphenation.WORD


def _broken_at_end(word: str) -> bool:
    """Does the line end inside a word: a hyphen, a soft hyphen, a dash in a compound
    ("mention–" "mention") or a web or mail address cut after "/", "@" or "." ("https://www."
    "acm.org/...": :func:`join_lines` keeps the space when a capital follows the dot)?"""
    if len(word) < 2:
        return False
    if word.endswith(SOFT):
        return True
    if word.endswith(("-", "\u2013")):
        return word[-2].isalnum()
    return word.endswith(("/", "@", ".")) and any(u in word for u in _URLISH)


class DocumentVocabulary(Container[str]):
    """Lower-cased words seen inside lines (not at a line break) anywhere in the document.

    A word seen whole, or seen with its hyphen, mid-line is the best evidence for how to mend
    the same word where a line break cut it. A page asks about a handful of words, so each
    question is answered by finding the word in the document's lower-cased text and checking
    that it stands there as a whole word (what :func:`vocabulary_of` would have listed),
    rather than by listing every word first. Nothing is built before the first question.
    """

    def __init__(self, pages: Iterable[Page]) -> None:
        self._pages = tuple(pages)
        self._text: str | None = None
        self._words: frozenset[str] | None = None

    @classmethod
    def of_text(cls, text: str) -> DocumentVocabulary:
        """The vocabulary of a text given whole (its words all count as inner words)."""
        vocab = cls(())
        vocab._load(text)
        return vocab

    def _load(self, text: str) -> None:
        if "\u0130" in text or "\u03a3" in text:
            # İ lowers to two characters and Σ by its neighbours: list the words instead.
            self._words = frozenset(vocabulary_of([text]))
        self._text = text.lower()

    def __contains__(self, word: object) -> bool:
        if self._text is None:
            self._load(" ".join(_inner_words(self._pages)))
        if self._words is not None:
            return word in self._words
        if not isinstance(word, str) or not WORD.fullmatch(word):
            return False
        text, n = self._text or "", len(word)
        at = text.find(word)
        while at >= 0:
            if _stands_alone(text, at, at + n):
                return True
            at = text.find(word, at + 1)
        return False


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole word of ``WORD``: no letter or digit right before or after
    it, nor a hyphen or apostrophe that would join it to one?"""
    if start > 0 and (
        _WORD_CHAR.match(text, start - 1)
        or (text[start - 1] in _JOINERS and start > 1 and _WORD_CHAR.match(text, start - 2))
    ):
        return False
    return not (
        end < len(text)
        and (
            _WORD_CHAR.match(text, end)
            or (text[end] in _JOINERS and end + 1 < len(text) and _WORD_CHAR.match(text, end + 1))
        )
    )


def vocabulary(pages: Iterable[Page]) -> Container[str]:
    """The document's vocabulary (see :class:`DocumentVocabulary`)."""
    return DocumentVocabulary(pages)


def _inner_words(pages: Iterable[Page]) -> Iterator[str]:
    for page in pages:
        for block in page.blocks:
            for line in block.lines:
                for w in line.words[:-1]:
                    yield w.text


def _goes_on_as_address(word: str) -> bool:
    """Does ``word`` go on with an address cut after a dot ("acm.org/publications")? It opens
    in lower case or a digit and holds a dot or a slash of its own; "code:" or "The" after
    "https://example.org." starts something new."""
    core = word.rstrip(".,;:)]")
    return (core[:1].islower() or core[:1].isdigit()) and ("." in core or "/" in core)


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
            elif head.endswith(".") and not _goes_on_as_address(words[0]):
                out.append(head)  # an address that ends its sentence: the next one starts
            else:
                words[0] = head + words[0]  # a dash or a cut address: no space, keep all
        out.extend(words)
        pending_break = dehyphenate and bool(out) and out[-1][-1:] in _BREAK_ENDS and _broken_at_end(out[-1])
    return " ".join(out).replace(SOFT, "")

"""rows: the input lines as word rows with the per-word facts the split search reads.

Computed once per page so that the search, run for many column widths, only does arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.glued.casing import word_kind
from extractor.glued.lexicon import core, dangling, ends_sentence, starts_lower, starts_upper, zipf
from extractor.glued.widths import SPACE, prefix_widths, word_width


COMMON = 5.0  # Zipf frequency from which a capitalised word is no name ("The", "During")


@dataclass(slots=True)
class Row:
    """One non-blank input line."""

    index: int  # line number in the input
    words: list[str]
    pw: list[float]  # pw[k]: width of words[:k]
    ww: list[float]  # width of each word
    gap_before: bool  # a blank line (or removed furniture) comes before it
    term: list[bool]  # word closes a sentence
    upper: list[bool]  # word starts with a capital
    lower: list[bool]  # word starts with a small letter
    hyph: list[bool]  # word ends with a line-end hyphen ("exam-", not "-" or "—")
    common: list[bool]  # word is a very common one (so a capital on it is no name)
    dangle: list[bool]  # word never ends a sentence or a heading ("the", "of": lexicon.dangling)
    kind: list[int] = field(default_factory=list)  # casing.word_kind of each word
    caption: list[bool] = field(default_factory=list)  # a caption starts at this word ("Figure 2:")
    label: list[bool] = field(default_factory=list)  # an item number opens here ("4. Summary")
    case: list[list[float]] = field(default_factory=list)  # the page's casing.case_table
    gap_bias: float = 0.0  # the page's style.gap_bias: price of a paragraph end without a gap
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)  # phrases.page_pairs
    split_lang: list[float] = field(default_factory=list)  # split.split_language per k, cached
    head_pre: list[bool] = field(default_factory=list)  # head_pre[k]: words[:k] reads as a heading
    head_suf: list[bool] = field(default_factory=list)  # head_suf[k]: words[k:] reads as a heading
    n: int = 0  # number of words
    memo: dict[tuple[int, int, int], tuple[float, float, float, float]] = field(default_factory=dict)
    # language facts of joins from this row (split.join_cost): the same at every column width

    def __post_init__(self) -> None:
        self.n = len(self.words)
        self.kind = [word_kind(lo, up, c) for lo, up, c in zip(self.lower, self.upper, self.common)]
        self.head_pre = [is_heading(self.words[:k]) for k in range(self.n + 1)]
        self.head_suf = [is_heading(self.words[k:]) for k in range(self.n + 1)]
        self.caption = [is_caption_start(self.words, j) for j in range(self.n)]
        self.label = [is_label(self.words, j) for j in range(self.n)]

    def left_width(self, k: int) -> float:
        return self.pw[k]

    def right_width(self, k: int) -> float:
        return self.pw[-1] - self.pw[k] - (SPACE if k else 0.0)


_SECTION = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-Z]\.)$")
_MINOR = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
HEAD_WORDS = 4


def is_heading(words: list[str]) -> bool:
    """A short title-case line without sentence punctuation ("4. Related Work", "Open Questions").

    A heading ends its line although the next word would fit, and the capital after it starts a
    paragraph: both would otherwise read as evidence against the split that makes it a line.
    """
    if not words or len(words) > HEAD_WORDS:
        return False
    body = words[1:] if _SECTION.match(words[0]) and len(words) > 1 else words
    if not starts_upper(body[0]) or dangling(body[-1]):
        return False
    for w in body:
        if w[-1:] in ".,;!?-" or (not starts_upper(w) and core(w).lower() not in _MINOR):
            return False
    return True


TITLE_WORDS = 12  # words a title's line may hold, in a column whose measure is known
_TITLE_MINOR = _MINOR | {"from", "into", "over", "upon", "via", "per"}


def is_title_line(words: list[str], *, open_end: bool = False) -> bool:
    """A line of a title or heading, where the column's measure is known to tell it from text:
    title case, no sentence punctuation, at most TITLE_WORDS words ("How a City Learned to Run
    Its Buses on Time"). With ``open_end`` it may end in a word that leaves it open, as the
    first line of a heading set over two does ("A Timetable Built from")."""
    if not words or len(words) > TITLE_WORDS:
        return False
    body = words[1:] if _SECTION.match(words[0]) and len(words) > 1 else words
    if not starts_upper(body[0]) or (not open_end and dangling(body[-1])):
        return False
    return body[-1][-1:] not in ".,;:!?-" and all(
        w[-1:] not in ".;!?-" and (starts_upper(w) or core(w).lower() in _TITLE_MINOR) for w in body
    )


_CAPTION = regex.compile(r"^(?:Figure|Fig\.|Table|Plate|Chart|Exhibit)$", regex.IGNORECASE)
_CAPTION_NO = regex.compile(r"^[\dIVXivx]{1,4}(?:\.\d{1,2})?[:.]$")


_LABEL = regex.compile(r"^(?:\d{1,2}|[IVX]{1,4})\.$")


def is_label(words: list[str], j: int) -> bool:
    """A bare item or section number ("4.", "IV.") after a sentence end: it opens what follows
    ("4. Summary", "4. The method ..."), so a column line never ends on it."""
    return bool(_LABEL.match(words[j])) and (j == 0 or ends_sentence(words[j - 1]))


def is_caption_start(words: list[str], j: int) -> bool:
    """"Figure 2:" / "Table 3." opens a caption: the first words of a column line, set under
    (or over) a figure, so a gap in that column comes just before it. Mid-sentence references
    ("see Figure 2 and") have no colon or full stop on the number, or a small letter after it."""
    if j + 1 >= len(words) or not _CAPTION.match(words[j]) or not _CAPTION_NO.match(words[j + 1]):
        return False
    return words[j + 1].endswith(":") or j + 2 >= len(words) or starts_upper(words[j + 2])


def is_line_hyphen(word: str) -> bool:
    """A word broken at the line end: letters, then one hyphen ("exam-", "state-of-the-")."""
    return len(word) >= 3 and word[-1] in "-\u00ad\u2010" and word[-2].isalpha()


def make_row(index: int, words: list[str], gap_before: bool) -> Row:
    return Row(
        index=index,
        words=words,
        pw=prefix_widths(words),
        ww=[word_width(w) for w in words],
        gap_before=gap_before,
        term=[ends_sentence(w) for w in words],
        upper=[starts_upper(w) for w in words],
        lower=[starts_lower(w) for w in words],
        hyph=[is_line_hyphen(w) for w in words],
        common=[zipf(core(w)) >= COMMON for w in words],
        dangle=[dangling(w) for w in words],
    )


def hyphen_joins_word(head: str, tail: str) -> bool:
    """Does "head-" + tail make one known word ("State-" + "ment")? Stronger evidence than a
    compound of two words ("State-" + "Context"), which any capitalised pair would make."""
    stem, body = core(head[:-1]), core(tail)
    return bool(stem and body and starts_lower(tail)) and zipf(stem + body) >= 1.5


def hyphen_join_ok(head: str, tail: str) -> bool:
    """Does "head-" + tail read as one word or a compound (so the break may sit there)?"""
    stem = core(head[:-1])
    body = core(tail)
    if not stem or not body or not starts_lower(tail):
        return bool(stem and body and body[0].isupper() and stem[0].isupper())
    return zipf(stem + body) >= 1.5 or (zipf(stem) >= 3.0 and zipf(body) >= 3.0)


__all__ = ["SPACE", "Row", "hyphen_join_ok", "hyphen_joins_word", "is_line_hyphen", "make_row"]

"""hyphenation: decide whether a line-end hyphen is a soft break ("exam-"+"ple") or a real one.

Every extractor gets this wrong one way or the other (joining "state-of-the-"+"art", or dropping
the hyphen of "gender-based"), so the decision is made from evidence, strongest first:
the document's own vocabulary, then digits, case and compound shape, then word frequencies.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

import regex

# A word: letters and digits, its parts joined by hyphens or apostrophes ("state-of-the-art").
WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-\u2019'][\p{L}\p{N}]+)*")
_TRAIL = regex.compile(r"[^\p{L}\p{N}]*$")
_LEAD = regex.compile(r"^[^\p{L}\p{N}]*")
HYPHENS = ("-", "\u00ad", "\u2010")
# Zipf levels: a joined word this common is a word; parts this common are words on their own.
JOINED_WORD = 3.0
PART_WORD = 2.5


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """Lower-cased words (hyphenated compounds kept whole) seen in the texts."""
    vocab: set[str] = set()
    for text in texts:
        vocab.update({w.lower() for w in WORD.findall(text)})
    return vocab


def join_hyphenated(head: str, tail: str, vocabulary: Container[str] = frozenset()) -> str:
    """Join the last word of a line, ending in a hyphen, with the first word of the next line.

    Returns "example" for ("exam-", "ple"), "gender-based" for ("gender-", "based") and keeps
    punctuation around the tail ("exam-", "ple," -> "example,").
    """
    if not head.endswith(HYPHENS):
        return head + " " + tail
    stem = head[:-1]
    lead = _LEAD.match(tail).group()  # type: ignore[union-attr]
    rest = tail[len(lead) :]
    trail = _TRAIL.search(rest).group()  # type: ignore[union-attr]
    body = rest[: len(rest) - len(trail)]
    if keep_hyphen(stem, body, vocabulary) or lead:
        return stem + "-" + tail
    return stem + body + trail


def keep_hyphen(stem: str, body: str, vocabulary: Container[str] = frozenset()) -> bool:
    """True when "stem-body" is a hyphenated compound rather than one word broken across lines."""
    if not stem or not body:
        return True
    s_word = _TRAIL.sub("", stem.split("-")[-1]).lstrip("\"'(\u2018\u201c[")
    if not s_word or not s_word[-1].isalpha() or not body[0].isalpha():
        return True  # "2009-" "2011", "A-" "4": digits and symbols keep their hyphen
    joined = (s_word + body).lower()
    hyphened = (s_word + "-" + body).lower()
    whole = (stem + "-" + body).lower().lstrip("\"'(\u2018\u201c[")
    if joined in vocabulary and hyphened not in vocabulary:
        return False
    if hyphened in vocabulary or whole in vocabulary:
        return True
    if body[0].isupper() and not (s_word.isupper() and body.isupper()):
        return True  # "Anglo-" "Saxon", "non-" "English"
    if "-" in stem.strip("-"):
        return True  # "state-of-the-" "art": a compound stays a compound
    from extractor.glued.lexicon import zipf  # lazy: glued imports this module

    f_joined = zipf(joined)
    if f_joined >= JOINED_WORD + 1.0:
        return False
    parts_are_words = (
        len(s_word) > 1 and len(body) > 1 and zipf(s_word) >= PART_WORD and zipf(body) >= PART_WORD
    )
    if parts_are_words:
        return f_joined < JOINED_WORD
    return False

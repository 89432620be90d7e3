"""Line-end hyphen decisions: join soft breaks, keep real hyphens, both directions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.hyphenation import join_hyphenated, keep_hyphen, vocabulary_of
from extractor.repair.text import DocumentVocabulary


@pytest.mark.parametrize(
    ("head", "tail", "want"),
    [
        ("exam-", "ple", "example"),
        ("exam-", "ple,", "example,"),
        ("imple-", "mentation.", "implementation."),
        ("some-", "times", "sometimes"),
        ("Jarbus-", "synova", "Jarbussynova"),  # pieces that are no words: a soft break
        ("INTRO-", "DUCTION", "INTRODUCTION"),
    ],
)
def test_soft_hyphens_are_joined(head: str, tail: str, want: str) -> None:
    assert join_hyphenated(head, tail) == want


@pytest.mark.parametrize(
    ("head", "tail", "want"),
    [
        ("gender-", "based", "gender-based"),
        ("state-of-the-", "art", "state-of-the-art"),
        ("Anglo-", "Saxon", "Anglo-Saxon"),
        ("non-", "English", "non-English"),
        ("2009-", "2011)", "2009-2011)"),
        ("well-", "known", "well-known"),
        ("long-", "term", "long-term"),
        ("gender-", "based;", "gender-based;"),
    ],
)
def test_real_hyphens_are_kept(head: str, tail: str, want: str) -> None:
    assert join_hyphenated(head, tail) == want


def test_document_vocabulary_decides_first() -> None:
    seen_whole = vocabulary_of(["The multicolumn layout is common; multicolumn pages abound."])
    assert join_hyphenated("multi-", "column", seen_whole) == "multicolumn"
    seen_hyphened = vocabulary_of(["A co-pilot flew; the co-pilot landed."])
    assert join_hyphenated("co-", "pilot", seen_hyphened) == "co-pilot"
    assert keep_hyphen("co", "pilot", seen_hyphened)


def test_without_hyphen_tokens_are_spaced() -> None:
    assert join_hyphenated("plain", "word") == "plain word"


def test_vocabulary_of_keeps_compounds_whole_and_lowercases() -> None:
    vocab = vocabulary_of(["Gender-based violence, Women’s rights", "EXAMPLE"])
    assert {"gender-based", "violence", "women’s", "rights", "example"} <= vocab


# -- the document's vocabulary: found word by word, it answers as the full word list would --


_ALPHABET = "ab Z9-\u2019'.,;()/\u2014\u201c\u201d\u00e9\u0301\u00df\n\u0130\u03a3\u03c3"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.lists(st.text(alphabet=_ALPHABET, max_size=6), max_size=5))
def test_vocabulary_answers_as_the_word_list(text, extra):
    listed = vocabulary_of([text])
    vocab = DocumentVocabulary.of_text(text)
    for word in [*listed, *extra, "ab", "a-b", "b'a"]:
        assert (word in vocab) == (word in listed), (text, word)


def test_vocabulary_finds_whole_words_and_compounds_only():
    vocab = DocumentVocabulary.of_text("The state-of-the-art (example) isn't sub-par, e.g.")
    assert "state-of-the-art" in vocab and "example" in vocab and "isn't" in vocab
    assert "state" not in vocab and "art" not in vocab and "sub" not in vocab
    assert "e" in vocab and "e.g" not in vocab and "exam" not in vocab


def _line(*texts: str):
    from helpers.geometry import text_line

    from extractor.model import Line

    return Line.of(text_line(" ".join(texts), 50, 100))


@pytest.mark.parametrize(
    ("first", "second", "want"),
    [
        # An address cut after a dot, a slash or an at sign goes on without a space.
        ("available at https://www.", "acm.org/publications today.",
         "available at https://www.acm.org/publications today."),
        ("see www.harbour.", "example.org/charts for more.",
         "see www.harbour.example.org/charts for more."),
        ("see https://example.org/", "charts/latest now.",
         "see https://example.org/charts/latest now."),
        # An address that ends its sentence before a capital keeps the space.
        ("the charts are at https://example.org.", "The pilots use them.",
         "the charts are at https://example.org. The pilots use them."),
        # Nor before a word that is no address of its own (a field name, a next item).
        ("url: https://wikipedia.org.", "code: wikimedia/mediawiki.",
         "url: https://wikipedia.org. code: wikimedia/mediawiki."),
        # A full stop after an ordinary word is no cut address.
        ("the tide went out.", "then it came back.", "the tide went out. then it came back."),
    ],
)
def test_addresses_cut_at_a_line_end_are_joined(first: str, second: str, want: str) -> None:
    from extractor.repair.text import join_lines

    assert join_lines([_line(first), _line(second)], frozenset()) == want

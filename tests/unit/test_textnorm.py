"""textnorm.py: the Unicode clean-up of every word, spacing accents composed here."""

from __future__ import annotations

import pytest

from extractor.textnorm import normalize_word, right_to_left


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        ("f\u00a8ur", "f\u00fcr"),  # f¨ur
        ("Schr\u00a8odinger", "Schr\u00f6dinger"),
        ("Erd\u02ddos", "Erd\u0151s"),  # double acute
        ("Fran\u00b8cois", "Fran\u00e7ois"),  # cedilla
        ("T\u00b4\u0131tulo", "T\u00edtulo"),  # an acute on a dotless i is an i acute
        ("\u02c7Capek", "\u010capek"),  # caron opening a word
        ("\u00afL", "L\u0304"),  # a bar over a variable: L with a combining macron
        ("th\u00b4eor\u0060eme", "th\u00e9or\u00e8me"),  # grave inside a word
        ("\u0060a", "\u00e0"),  # French "à" on its own
        ("Pletikosi\u00b4c", "Pletikosi\u0107"),  # an acute on a c: Croatian, Polish
        ("Publicac\u00b8\u02dcoes", "Publica\u00e7\u00f5es"),  # cedilla drawn after the c
    ],
)
def test_spacing_accents_before_a_letter_are_put_on_it(raw, word):
    assert normalize_word(raw) == word


@pytest.mark.parametrize(
    "raw",
    ["it\u00b4s", "don\u00b4t", "x\u00a8", "\u00a8", "5\u02dc3", "\u0060echo", "\u0060ls\u0060"],
)
def test_accents_not_before_a_letter_acutes_before_a_consonant_and_code_backticks_stay(raw):
    assert normalize_word(raw) == raw


def test_arabic_presentation_forms_become_the_letters_they_shape():
    assert normalize_word("\ufed3\ufef2") == "\u0641\u064a"  # "في" as a font's shaped forms


def test_a_word_of_a_right_to_left_script_only_is_right_to_left():
    assert right_to_left("\u05e9\u05dc\u05d5\u05dd")  # Hebrew
    assert not right_to_left("abc") and not right_to_left("\u05e9\u05dc1")


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("\uf0b7", "\u2022"),  # Word's default bullet: Symbol's 0xB7 in the private-use area
        ("\uf0a7", "\u25aa"),  # Wingdings' small square, Word's third-level bullet
        ("\uf0d8", "\u27a2"),  # Wingdings' arrowhead
        ("\ue123harbour", "harbour"),  # other private-use glyphs carry no text
    ],
)
def test_symbol_font_bullets_become_bullets_and_other_private_use_glyphs_go(raw, want):
    assert normalize_word(raw) == want


def test_a_symbol_font_bullet_is_not_counted_undecodable():
    from extractor.textnorm import decode_counts

    assert decode_counts("\uf0b7") == (1, 0)
    assert decode_counts("\ue123") == (1, 1)

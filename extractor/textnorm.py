"""textnorm: Unicode clean-up applied to every word a backend yields.

Characters that stand for a glyph the PDF gives no Unicode for ("undecodable": U+FFFD, the
private-use areas, control characters, pdfminer's ``(cid:N)``) are dropped from words here; the
backends count them with :func:`decode_counts` so a page made mostly of them can be flagged
``garbled`` (see :mod:`extractor.quality_flags`).
"""

from __future__ import annotations

import re
import unicodedata

import regex

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
# Characters that carry no text: zero-width marks, BOMs, pdfium's U+FFFE hyphen marker.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\ufffe"), None)
# Word and LibreOffice draw list bullets from the Symbol and Wingdings fonts, whose glyphs a
# PDF maps into the private-use area at U+F000 + their code: the common ones are list marks,
# not undecodable text ("\uf0b7" is Symbol's bullet, the default of Word's bulleted lists).
SYMBOL_BULLETS = {
    "\uf0b7": "\u2022",  # Symbol 0xB7: •
    "\uf0a7": "\u25aa",  # Wingdings 0xA7: ▪
    "\uf0d8": "\u27a2",  # Wingdings 0xD8: ➢
    "\uf076": "\u2756",  # Wingdings 0x76: ❖
    "\uf0fc": "\u2713",  # Wingdings 0xFC: ✓
    "\uf06e": "\u25a0",  # Wingdings 0x6E: ■
    "\uf06c": "\u25cf",  # Wingdings 0x6C: ●
    "\uf0e8": "\u2794",  # Wingdings 0xE8: ➔
}
_BULLETS = str.maketrans(SYMBOL_BULLETS)
_TABLE = str.maketrans(
    {
        **{ord(k): v for k, v in LIGATURES.items()},
        **_INVISIBLE,
        **{ord(k): v for k, v in SYMBOL_BULLETS.items()},
    }
)
SOFT_HYPHEN = "\u00ad"
# A section number opening a heading ("3.1.2"), whose wrapped lines hang under its text.
SECTION_NUMBER = regex.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
# How a sentence ends, closing quotes and brackets included ("...moved.”", "(see above.)").
SENTENCE_END = (".", "!", "?", ".\u201d", ".\"", "?\u201d", "!\u201d", ".)", ".\u2019")
# The bullets that open list items (those of SYMBOL_BULLETS among them), for every stage that
# looks for one: lines, paragraphs, writers.
BULLET_CHARS = "•◦▪▫‣∙·●○■□➢►✓❖➔"
# A word that opens a list item: a bullet or a dash, or a number or letter with "." or ")".
LIST_MARK = regex.compile(
    rf"^(?:[{BULLET_CHARS}–—*-]|\(?\d{{1,2}}[.)]|\(?[a-z][.)]|\(?[ivx]{{1,4}}[.)])$"
)
# A caption's label, number and colon (or dash or bar) opening a line: "Table 1: Projects by
# licence", "Figure 3 — The harbour". Set so, it starts a caption, never a line of running
# text (which names a table as "in Table 1." or "Table 1 shows").
CAPTION_OPENING = regex.compile(
    r"^(?:fig(?:ure)?|table|tab|chart|plate|listing|exhibit|scheme)\.?\s*(?:\d+|[IVX]+)[a-z]?"
    r"(?:\.\d+)*\s*[:|\u2014\u2013](?:\s|$)",
    regex.IGNORECASE,
)
CAPTION_LABELS = frozenset(("fig", "figure", "table", "tab", "chart", "plate", "listing", "exhibit", "scheme"))


def caption_label(word: str) -> bool:
    """Is ``word`` a caption's label ("Figure", "Fig.", "Table")? The cheap test that comes
    before :func:`opens_caption`, which is asked of every line that might join a block."""
    return word.lower().rstrip(".") in CAPTION_LABELS


def opens_caption(words: list[str] | tuple[str, ...]) -> bool:
    """Do the first words of a line, the first of them a caption label (see
    :func:`caption_label`), open a caption as CAPTION_OPENING says?"""
    return bool(CAPTION_OPENING.match(" ".join(words[:3])))


# pdfminer's stand-in for a glyph without a Unicode mapping: "(cid:12)".
_CID = re.compile(r"\(cid:\d+\)")
# One character each: U+FFFD, C0/C1 controls, the BMP private-use area and planes 15-16.
_UNDECODABLE = re.compile(
    "[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]"
)


def decode_counts(text: str) -> tuple[int, int]:
    """(characters, undecodable characters) of a raw word; a ``(cid:N)`` counts as one."""
    cids = _CID.findall(text) if "(cid:" in text else ()
    length = len(text) - sum(len(c) - 1 for c in cids)
    if text.isascii() and not cids:
        return length, len(_UNDECODABLE.findall(text)) if not text.isprintable() else 0
    return length, len(cids) + len(_UNDECODABLE.findall(text.translate(_BULLETS)))


def drop_undecodable(text: str) -> str:
    """The word without the characters that carry no decodable text."""
    if "(cid:" in text:
        text = _CID.sub("", text)
    return _UNDECODABLE.sub("", text)


# TeX without T1 fonts (OT1) draws an accent as a glyph of its own, before the letter it sits
# over, and the PDF maps it to the spacing accent: "f¨ur", "Schr¨odinger", "Aut´onoma",
# "Erd˝os", "Fran¸cois". Each spacing accent and the combining mark it stands for.
SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "\u0060": "\u0300",  # grave
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u00af": "\u0304",  # macron
    "\u02d8": "\u0306",  # breve
    "\u02d9": "\u0307",  # dot above
    "\u02da": "\u030a",  # ring above
    "\u02dd": "\u030b",  # double acute
    "\u02c7": "\u030c",  # caron
    "\u00b8": "\u0327",  # cedilla
}
# An accent and the letter after it. An acute only over a vowel or a c, n or z (Polish and
# Croatian "ć", "ń", "ź"): before the s, t, m, d of "it´s", "don´t" it is an apostrophe. A
# grave (the backtick of code) only over a vowel inside a word ("th`ere") or as French "`a".
# A cedilla on a c, s or t after it.
_ACCENT_FIRST = regex.compile(
    "([\u00a8\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u02dd\u02c7])(\\p{L})"
    "|(\u00b4)([aeiouyAEIOUYcnzCNZ\u0131])"
    "|(?<=\\p{L})(\u0060)([aeiouAEIOU\u0131])|^(\u0060)([aA])$"
    "|(\u00b8)([cCsStT])"
)
# A cedilla drawn after its letter ("c¸"), as LaTeX draws it.
_LETTER_FIRST = regex.compile("([cCsStT])(\u00b8)")
_DOTLESS = {"\u0131": "i", "\u0237": "j"}  # TeX accents i and j without their dot
_ACCENT_CHARS = frozenset(SPACING_ACCENTS)


def _accent_first(m: regex.Match) -> str:
    accent, letter = (g for g in m.groups() if g is not None)
    return _DOTLESS.get(letter, letter) + SPACING_ACCENTS[accent]


def _letter_first(m: regex.Match) -> str:
    return m.group(1) + SPACING_ACCENTS[m.group(2)]


def compose_accents(text: str) -> str:
    """``text`` with each spacing accent drawn beside its letter put on it (NFC); ``text``
    itself when it holds no spacing accent."""
    if not _ACCENT_CHARS.intersection(text):
        return text
    if "\u00b8" in text:
        text = _LETTER_FIRST.sub(_letter_first, text)
    return unicodedata.normalize("NFC", _ACCENT_FIRST.sub(_accent_first, text))


# Letters of the right-to-left scripts; Arabic presentation forms (the shaped letters some
# fonts map to, U+FB50-FDFF and U+FE70-FEFF) are put back to the letters they shape (NFKC).
RTL_LETTER = regex.compile(
    r"[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]"
)
_LTR_LETTER = regex.compile(r"[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]")
_PRESENTATION = regex.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")


def right_to_left(text: str) -> bool:
    """A word of a right-to-left script only (no Latin letters or digits in it)."""
    return bool(RTL_LETTER.search(text)) and not _LTR_LETTER.search(text)


def normalize_word(text: str) -> str:
    """Expand ligatures, compose accents (NFC, and TeX's spacing accents), drop invisible and
    undecodable characters.

    A soft hyphen at the end of a word is kept (it marks a discretionary line break that the
    repair stage always joins); soft hyphens inside a word are dropped.
    """
    if text.isascii() and text.isprintable() and "(cid:" not in text and "`" not in text:
        return text
    text = unicodedata.normalize("NFC", drop_undecodable(text.translate(_TABLE)))
    text = compose_accents(text)
    if _PRESENTATION.search(text):
        text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if SOFT_HYPHEN in text:
        core = text.rstrip(SOFT_HYPHEN)
        text = core.replace(SOFT_HYPHEN, "") + (SOFT_HYPHEN if core != text else "")
    return text

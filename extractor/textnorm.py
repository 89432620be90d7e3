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
_TABLE = str.maketrans({**{ord(k): v for k, v in LIGATURES.items()}, **_INVISIBLE})
SOFT_HYPHEN = "\u00ad"
# A section number opening a heading ("3.1.2"), whose wrapped lines hang under its text.
SECTION_NUMBER = regex.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
# How a sentence ends, closing quotes and brackets included ("...moved.”", "(see above.)").
SENTENCE_END = (".", "!", "?", ".\u201d", ".\"", "?\u201d", "!\u201d", ".)", ".\u2019")
# A word that opens a list item: a bullet, or a number or letter with "." or ")".
LIST_MARK = regex.compile(
    r"^(?:[•◦▪▫‣∙·●○■□➢►✓–—*-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])$"
)
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
    return length, len(cids) + len(_UNDECODABLE.findall(text))


def drop_undecodable(text: str) -> str:
    """The word without the characters that carry no decodable text."""
    if "(cid:" in text:
        text = _CID.sub("", text)
    return _UNDECODABLE.sub("", text)


def normalize_word(text: str) -> str:
    """Expand ligatures, compose accents (NFC), drop invisible and undecodable characters.

    A soft hyphen at the end of a word is kept (it marks a discretionary line break that the
    repair stage always joins); soft hyphens inside a word are dropped.
    """
    if text.isascii() and text.isprintable() and "(cid:" not in text:
        return text
    text = unicodedata.normalize("NFC", drop_undecodable(text).translate(_TABLE))
    if SOFT_HYPHEN in text:
        core = text.rstrip(SOFT_HYPHEN)
        text = core.replace(SOFT_HYPHEN, "") + (SOFT_HYPHEN if core != text else "")
    return text

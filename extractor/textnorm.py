"""textnorm: Unicode clean-up applied to every word a backend yields."""

from __future__ import annotations

import unicodedata

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


def normalize_word(text: str) -> str:
    """Expand ligatures, compose accents (NFC) and drop invisible characters.

    A soft hyphen at the end of a word is kept (it marks a discretionary line break that the
    repair stage always joins); soft hyphens inside a word are dropped.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text.translate(_TABLE))
    if SOFT_HYPHEN in text:
        core = text.rstrip(SOFT_HYPHEN)
        text = core.replace(SOFT_HYPHEN, "") + (SOFT_HYPHEN if core != text else "")
    return text

"""backends.plumber_fonts: font metrics and style for the pdfplumber backend, as MuPDF sees them.

pdfminer reports a fixed one-em glyph box and drops the font dictionary; MuPDF measures a
glyph from the font's ascent and descent (descriptor first, then the font file, then its
built-in metrics for the standard 14 fonts) and reads bold and italic from the descriptor and
the font program. Matching that here keeps both backends' word boxes and styles alike.
"""

from __future__ import annotations

import io
import re
import struct
from typing import Any

import pdfplumber
from pdfminer.pdffont import CFFFont, getdict
from pdfminer.pdftypes import resolve1

# Ascent and descent (in ems) MuPDF uses for the standard 14 fonts without a descriptor.
STANDARD_METRICS = {
    "Helvetica": (1.075, -0.299),
    "Helvetica-Bold": (1.07, -0.307),
    "Helvetica-Oblique": (1.07, -0.284),
    "Helvetica-BoldOblique": (1.073, -0.309),
    "Times-Roman": (1.053, -0.281),
    "Times-Bold": (1.044, -0.341),
    "Times-Italic": (0.951, -0.27),
    "Times-BoldItalic": (0.972, -0.324),
    "Courier": (0.932, -0.317),
    "Courier-Bold": (1.007, -0.393),
    "Courier-Oblique": (0.92, -0.317),
    "Courier-BoldOblique": (0.997, -0.393),
    "Symbol": (1.01, -0.293),
    "ZapfDingbats": (0.819, -0.144),
}
DEFAULT_METRICS = (0.8, -0.2)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FORCE_BOLD, _ITALIC_FLAG = 1 << 18, 1 << 6




class FontInfo:
    __slots__ = ("name", "ascent", "descent", "pm_descent", "bold", "italic")

    def __init__(self, name: str, ascent: float, descent: float, pm_descent: float, bold: bool, italic: bool):
        self.name, self.ascent, self.descent, self.pm_descent = name, ascent, descent, pm_descent
        self.bold, self.italic = bold, italic


def _font_name(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        raw = raw.decode("latin-1")
    return _SUBSET.sub("", raw[:31])


def font_info(raw_name: str, font: Any | None, spec: Any | None) -> FontInfo:
    """Metrics and style the way MuPDF sees the font (descriptor first, then the font file)."""
    name = _font_name(raw_name)
    lower = name.lower()
    bold = "bold" in lower or "black" in lower or "heavy" in lower
    italic = "italic" in lower or "oblique" in lower
    pm_descent = float(font.get_descent()) if font is not None else 0.0
    descriptor = _descriptor(spec)
    if descriptor is None:
        asc, dsc = STANDARD_METRICS.get(name, DEFAULT_METRICS)
        return FontInfo(name, asc, dsc, pm_descent, bold, italic)
    asc, dsc = _num(descriptor.get("Ascent")) / 1000, _num(descriptor.get("Descent")) / 1000
    if asc == 0 and dsc == 0:
        asc, dsc = DEFAULT_METRICS
    flags = int(_num(descriptor.get("Flags")))
    style = _file_style(descriptor)
    if style is None:  # not embedded: MuPDF substitutes a font from the descriptor's hints
        bold = bold or bool(flags & _FORCE_BOLD) or _num(descriptor.get("FontWeight")) >= 600
    else:
        bold = bold or style[0]
    italic = italic or bool(flags & _ITALIC_FLAG) or _num(descriptor.get("ItalicAngle")) != 0
    return FontInfo(name, asc, dsc, pm_descent, bold, italic)


def _num(value: Any) -> float:
    try:
        return float(resolve1(value) or 0)
    except (TypeError, ValueError):
        return 0.0


def _descriptor(spec: Any | None) -> dict | None:
    if not isinstance(spec, dict):
        return None
    if "DescendantFonts" in spec:
        kids = resolve1(spec["DescendantFonts"])
        spec = resolve1(kids[0]) if isinstance(kids, list) and kids else {}
    descriptor = resolve1(spec.get("FontDescriptor")) if isinstance(spec, dict) else None
    return descriptor if isinstance(descriptor, dict) else None


def _file_style(descriptor: dict) -> tuple[bool, bool] | None:
    """(bold, italic) as FreeType reads them from the embedded font file; None if none."""
    for key in ("FontFile", "FontFile2", "FontFile3"):
        stream = resolve1(descriptor.get(key))
        if stream is None:
            continue
        try:
            data = stream.get_data()
            if key == "FontFile":
                head = data[: int(_num(stream.get("Length1"))) or 8192]
                m = re.search(rb"/Weight\s*\(([^)]*)\)", head)
                return (m is not None and m.group(1) in (b"Bold", b"Black"), False)
            if key == "FontFile2" or data[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
                return _sfnt_style(data)
            return (_cff_weight(data) in ("Bold", "Black"), False)
        except Exception:  # a font file we cannot read: fall back to names
            return (False, False)
    return None


def _cff_weight(data: bytes) -> str:
    fp = io.BytesIO(data)
    hdrsize = data[2]
    fp.seek(hdrsize)
    CFFFont.INDEX(fp)  # names
    dicts = CFFFont.INDEX(fp)
    strings = CFFFont.INDEX(fp)
    sid = getdict(dicts[0]).get(4, [None])[0]
    if not isinstance(sid, int):
        return ""
    if sid < len(CFFFont.STANDARD_STRINGS):
        return CFFFont.STANDARD_STRINGS[sid]
    return strings[sid - len(CFFFont.STANDARD_STRINGS)].decode("latin-1")


def _sfnt_style(data: bytes) -> tuple[bool, bool]:
    (count,) = struct.unpack(">H", data[4:6])
    tables = {}
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag] = offset
    if b"OS/2" in tables:
        (sel,) = struct.unpack(">H", data[tables[b"OS/2"] + 62 : tables[b"OS/2"] + 64])
        return (bool(sel & 32), bool(sel & 513))
    if b"head" in tables:
        (mac,) = struct.unpack(">H", data[tables[b"head"] + 44 : tables[b"head"] + 46])
        return (bool(mac & 1), bool(mac & 2))
    return (False, False)


class Fonts:
    """Font metrics by pdfminer font name.

    pdfminer keeps neither the font dictionary nor (for the standard 14 names) the PDF's own
    descriptor, so this document's resource manager is wrapped to note each font's spec.
    """

    def __init__(self, pdf: pdfplumber.PDF) -> None:
        self._specs: dict[str, tuple[Any, Any]] = {}
        self._info: dict[str, FontInfo] = {}
        rsrc = pdf.rsrcmgr
        original = rsrc.get_font

        def get_font(objid: object, spec: Any) -> Any:
            font = original(objid, spec)
            self._specs.setdefault(getattr(font, "fontname", ""), (font, spec))
            return font

        rsrc.get_font = get_font  # type: ignore[method-assign]  # wrapped on purpose

    def get(self, raw_name: str) -> FontInfo:
        info = self._info.get(raw_name)
        if info is None:
            font, spec = self._specs.get(raw_name, (None, None))
            info = self._info[raw_name] = font_info(raw_name, font, spec)
        return info


_FONTS_ATTR = "_extractor_fonts"


def fonts_for(pdf: pdfplumber.PDF) -> Fonts:
    fonts = getattr(pdf, _FONTS_ATTR, None)
    if fonts is None:
        fonts = Fonts(pdf)
        setattr(pdf, _FONTS_ATTR, fonts)
    return fonts

"""Score extractor on pages exported by LibreOffice, a second PDF producer beside TeX.

Usage: python bench/office.py [--keep DIR]

Builds documents of several layouts from the prose of the licences in
/usr/share/common-licenses (Debian's, on every Debian machine): Word files made with
python-docx (two and three columns, justified or ragged, first-line indents or spaced
paragraphs, a bulleted and a numbered list, a picture and a table with captions, a heading
across two column sections) and flat ODF files (footnotes, a framed sidebar, a running head
and a page-number foot; pictures that justified text wraps round, in one and in two
columns; a pull quote and a shaded sidebar in a magazine's columns; a newsletter's front page
with a deck and a byline over three columns; two stories side by side, the second in a frame).
LibreOffice (`soffice --headless --convert-to pdf`) exports them;
extractor reads the PDFs and the corpus's metric (../shared/corpus/score.py) scores the text
against the paragraphs put in, titles and headings first, sidebar text after the flow.
Prints a Markdown table. Needs `apt-get install libreoffice-writer-nogui` and
`pip install python-docx`; skips, with a note, what is missing.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LICENCES = Path("/usr/share/common-licenses")


def prose() -> list[str]:
    """Paragraphs of 30 words or more from the licence texts, ASCII-art banners left out."""
    out: list[str] = []
    for name in ("GPL-3", "Apache-2.0", "GFDL-1.3", "LGPL-3", "MPL-2.0", "Artistic"):
        path = LICENCES / name
        if path.exists():
            for p in path.read_text(errors="replace").split("\n\n"):
                if len(p.split()) > 30 and not re.search(r"[<>_=*]{3}", p):
                    out.append(" ".join(p.split()))
    return out


# ---- Word documents (python-docx) -------------------------------------------------------


def _docx_columns(section, n: int, sep: bool = False) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect = section._sectPr
    cols = sect.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "450")
    if sep:
        cols.set(qn("w:sep"), "1")


def _docx_page_number_footer(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    run = p.add_run()
    for kind in ("begin", "instr", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = "PAGE"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def word_columns(
    out: Path,
    paras: list[str],
    *,
    ncols: int,
    justify: bool,
    indent: bool,
    size: float = 10,
    sep: bool = False,
) -> list[str]:
    """A title over a byline, then sections of ``ncols`` columns with numbered headings."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Liberation Serif"
    doc.styles["Normal"].font.size = Pt(size)
    hyphenate = OxmlElement("w:autoHyphenation")
    hyphenate.set(qn("w:val"), "true")
    doc.settings.element.append(hyphenate)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Journal of Open Licences, Vol. 3"
    _docx_page_number_footer(section)
    title = "Freedom to Share and Change Free Programs"
    doc.add_heading(title, level=0)
    doc.add_paragraph("A. Writer, Institute of Examples").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _docx_columns(doc.add_section(WD_SECTION.CONTINUOUS), ncols, sep)
    truth = [title]
    for i, text in enumerate(paras):
        if i % 4 == 0:
            head = f"{i // 4 + 1}. Section on {text.split()[2].strip('.,;:').lower()}"
            doc.add_heading(head, level=2)
            truth.append(head)
        p = doc.add_paragraph(text)
        if justify:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            p.paragraph_format.first_line_indent = Cm(0.5)
            p.paragraph_format.space_after = Pt(0)
        else:
            p.paragraph_format.space_after = Pt(6)
        truth.append(text)
    doc.save(out)
    return truth


def word_report(out: Path, paras: list[str]) -> list[str]:
    """Word's defaults: a bulleted and a numbered list, a picture and a table with captions."""
    import pymupdf
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Carlito"
    doc.styles["Normal"].font.size = Pt(11)
    title = "Annual Report on Licence Compliance"
    doc.add_heading(title, level=1)
    truth = [title]

    def text(items: list[str]) -> None:
        for t in items:
            doc.add_paragraph(t)
            truth.append(t)

    text(paras[:3] + ["Key findings of the review:"])
    for item in (
        "Most projects keep their licence notices in every source file.",
        "About a third of the reviewed projects ship the licence text with each release.",
        "Few projects state which version of the licence applies.",
    ):
        doc.add_paragraph(item, style="List Bullet")
        truth.append("\u2022 " + item)
    picture = out.with_suffix(".png")
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 150), 0)
    pix.set_rect(pix.irect, (120, 160, 200))
    pix.save(picture)
    doc.add_picture(str(picture), width=Inches(3))
    doc.add_paragraph("Figure 1: Share of projects by licence family.")
    text(paras[3:6])
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(
        [("Licence", "Projects", "Share"), ("GPL-3.0", "412", "41%"), ("Apache-2.0", "305", "31%")]
    ):
        for c, v in enumerate(row):
            table.cell(r, c).text = v
    truth += ["Licence Projects Share GPL-3.0 412 41% Apache-2.0 305 31%"]
    doc.add_paragraph("Table 1: Projects by licence.")
    text(paras[6:9] + ["Steps for a compliant release:"])
    for k, item in enumerate(
        (
            "Collect the notices of every dependency.",
            "Check that each notice names its licence and version.",
            "Ship the notices with the binary.",
        ),
        1,
    ):
        doc.add_paragraph(item, style="List Number")
        truth.append(f"{k}. {item}")
    text(paras[9:12])
    doc.save(out)
    return truth


# ---- flat ODF documents: footnotes, a framed sidebar -------------------------------------

_ODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="0.4cm"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="SIZEpt"
   fo:language="en" fo:country="GB" fo:hyphenate="true"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"
   fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="HSIZEpt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Side" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm"/>
  <style:text-properties fo:font-size="SSIZEpt"/>
 </style:style>
 <style:style style:name="Pull" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="16pt" fo:font-style="italic" fo:color="#aa0000"/>
 </style:style>
 <style:style style:name="Deck" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="By" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="9pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="TitleLeft" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Running" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm">
   <style:footnote-sep style:width="0.018cm" style:rel-width="25%" style:color="#000000"
    style:adjustment="left" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"/>
  </style:page-layout-properties>
 </style:page-layout>
 <style:style style:name="Sect" style:family="section">
  <style:section-properties><style:columns fo:column-count="NCOLS" fo:column-gap="0.8cm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="pq" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:horizontal-pos="center"
   style:horizontal-rel="paragraph" fo:border-top="0.06cm solid #aa0000"
   fo:border-bottom="0.06cm solid #aa0000" fo:padding="0.15cm"/>
 </style:style>
 <style:style style:name="sb" style:family="graphic">
  <style:graphic-properties style:wrap="parallel" fo:background-color="#dde8ff"
   fo:padding="0.3cm"/>
 </style:style>
 <style:style style:name="story2" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:vertical-pos="from-top" style:vertical-rel="page"
   style:horizontal-pos="from-left" style:horizontal-rel="page" fo:padding="0cm"/>
 </style:style>
 <style:style style:name="picR" style:family="graphic">
  <style:graphic-properties style:wrap="parallel" style:horizontal-pos="right"
   style:horizontal-rel="paragraph" style:vertical-pos="top" style:vertical-rel="paragraph"
   fo:margin-left="0.3cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="picL" style:family="graphic">
  <style:graphic-properties style:wrap="parallel" style:horizontal-pos="left"
   style:horizontal-rel="paragraph" style:vertical-pos="top" style:vertical-rel="paragraph"
   fo:margin-right="0.3cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="fr1" style:family="graphic">
  <style:graphic-properties fo:border="0.05cm solid #000000" fo:padding="0.2cm"
   style:wrap="parallel" fo:background-color="#eeeeee"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Running">The Journal of Shared Terms</text:p></style:header>
  <style:footer><text:p text:style-name="Running"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

def _write_fodt(
    out: Path, body: list[str], *, ncols: int, size: float, side: float | None = None
) -> None:
    """Write the flat ODF text of ``body`` (paragraph XML) under the shared styles: type of
    ``size`` points, headings two larger, sidebar text of ``side`` (one smaller by default)."""
    head = (
        _ODT_HEAD.replace("HSIZE", str(size + 2))
        .replace("SSIZE", str(size - 1 if side is None else side))
        .replace("SIZE", str(size))
        .replace("NCOLS", str(ncols))
    )
    out.write_text(head + "\n".join(body) + "\n</office:text></office:body></office:document>\n")


_NOTES = [
    "See the licence text for the exact wording of this term.",
    "The same holds for later versions of the licence.",
    "Courts have rarely ruled on this point.",
]
_SIDE = [
    "In brief: a licence grants permissions, and a notice tells users which licence applies.",
    "Keep both with every copy you share.",
]


def odt_notes(
    out: Path, paras: list[str], *, ncols: int, sidebar: bool, size: float = 10
) -> list[str]:
    """Sections of ``ncols`` columns; three paragraphs carry a footnote after their first
    sentence (its number stays in the text); one may anchor a framed sidebar."""
    esc = html.escape
    title = "Notes on Free Licences"
    body = [
        f'<text:p text:style-name="Title">{esc(title)}</text:p>',
        '<text:section text:style-name="Sect" text:name="S1">',
    ]
    truth = [title]
    note = 0
    for i, text in enumerate(paras):
        if i % 4 == 0:
            head = f"{i // 4 + 1}. On {text.split()[1].strip('.,;:').lower()} and related terms"
            body.append(
                f'<text:h text:style-name="Heading" text:outline-level="2">{esc(head)}</text:h>'
            )
            truth.append(head)
        stop = re.search(r"\. ", text)
        if sidebar and i == 2:
            frame = "".join(f'<text:p text:style-name="Side">{esc(s)}</text:p>' for s in _SIDE)
            body.append(
                '<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" '
                'text:anchor-type="paragraph" svg:width="6cm"><draw:text-box>'
                f"{frame}</draw:text-box></draw:frame>{esc(text)}</text:p>"
            )
            truth.append(text)
        elif i in (1, 5, 9) and stop and note < len(_NOTES):
            note += 1
            cut = stop.start() + 1
            body.append(
                f'<text:p text:style-name="Standard">{esc(text[:cut])}<text:note '
                f'text:id="n{note}" text:note-class="footnote"><text:note-citation>{note}'
                '</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                f"{esc(_NOTES[note - 1])}</text:p></text:note-body></text:note>"
                f"{esc(text[cut:])}</text:p>"
            )
            truth.append(text[:cut] + str(note) + text[cut:])
        else:
            body.append(f'<text:p text:style-name="Standard">{esc(text)}</text:p>')
            truth.append(text)
    body.append("</text:section>")
    _write_fodt(out, body, ncols=ncols, size=size)
    return truth + (_SIDE if sidebar else [])


def _grey_png() -> str:
    """A small grey picture, base64-encoded, for the frames text wraps around."""
    import base64

    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 45), False)
    pix.clear_with(180)
    return base64.b64encode(pix.tobytes("png")).decode("ascii")


def odt_wrapped(out: Path, paras: list[str], *, ncols: int, width_cm: float, size: float = 10) -> list[str]:
    """Justified text wrapping round pictures: every third paragraph, from the second on,
    anchors one, on the right and on the left in turn (the lines beside a picture on the
    left start further in, those beside one on the right stop short)."""
    esc = html.escape
    title = "Pictures Among the Terms"
    body = [
        f'<text:p text:style-name="Title">{esc(title)}</text:p>',
        '<text:section text:style-name="Sect" text:name="S1">',
    ]
    png = _grey_png()
    for i, text in enumerate(paras):
        if i % 3 == 1:
            side = "picR" if (i // 3) % 2 == 0 else "picL"
            frame = (
                f'<draw:frame draw:style-name="{side}" text:anchor-type="paragraph" '
                f'svg:width="{width_cm}cm" svg:height="{width_cm * 0.75:.2f}cm"><draw:image>'
                f"<office:binary-data>{png}</office:binary-data></draw:image></draw:frame>"
            )
            body.append(f'<text:p text:style-name="Standard">{frame}{esc(text)}</text:p>')
        else:
            body.append(f'<text:p text:style-name="Standard">{esc(text)}</text:p>')
    body.append("</text:section>")
    _write_fodt(out, body, ncols=ncols, size=size)
    return [title, *paras]


def odt_magazine(out: Path, paras: list[str], *, ncols: int = 2, size: float = 10) -> list[str]:
    """A magazine's furniture in justified columns: a pull quote (twelve words of the third
    paragraph in display type, between rules: not text of its own) and a shaded sidebar that
    the text beside it wraps round (read after the flow)."""
    esc = html.escape
    title = "Quotes Pulled From the Terms"
    body = [
        f'<text:p text:style-name="Title">{esc(title)}</text:p>',
        '<text:section text:style-name="Sect" text:name="S1">',
    ]
    for i, text in enumerate(paras):
        frame = ""
        if i == 3:
            quote = " ".join(paras[2].split()[5:17])
            frame = (
                '<draw:frame draw:style-name="pq" text:anchor-type="paragraph" svg:width="7.5cm">'
                f'<draw:text-box><text:p text:style-name="Pull">\u201c{esc(quote)}\u201d</text:p>'
                "</draw:text-box></draw:frame>"
            )
        elif i == 6:
            side = "".join(f'<text:p text:style-name="Side">{esc(t)}</text:p>' for t in _SIDE)
            frame = (
                '<draw:frame draw:style-name="sb" text:anchor-type="paragraph" svg:width="6cm">'
                f"<draw:text-box>{side}</draw:text-box></draw:frame>"
            )
        body.append(f'<text:p text:style-name="Standard">{frame}{esc(text)}</text:p>')
    body.append("</text:section>")
    _write_fodt(out, body, ncols=ncols, size=size)
    return [title, *paras, *_SIDE]


def odt_newsletter(out: Path, paras: list[str], *, size: float = 9) -> list[str]:
    """A newsletter's front page: a headline set flush left, an italic deck, a byline ("By
    ...", left out of the truth), three justified columns with headings and a picture that
    the text wraps round."""
    esc = html.escape
    title = "Harbour News: Terms Worth Sharing"
    deck = (
        "Why every copy you pass on should carry its licence, and what that means for the"
        " people who receive it."
    )
    body = [
        f'<text:p text:style-name="TitleLeft">{esc(title)}</text:p>',
        f'<text:p text:style-name="Deck">{esc(deck)}</text:p>',
        '<text:p text:style-name="By">By Ana Ruiz and Tom Ek</text:p>',
        '<text:section text:style-name="Sect" text:name="S1">',
    ]
    truth = [title, deck]
    png = _grey_png()
    for i, text in enumerate(paras):
        if i in (3, 8):
            head = f"{'Sharing' if i == 3 else 'Changing'} the work"
            body.append(f'<text:h text:style-name="Heading" text:outline-level="2">{head}</text:h>')
            truth.append(head)
        frame = ""
        if i == 5:
            frame = (
                '<draw:frame draw:style-name="picR" text:anchor-type="paragraph" svg:width="4.5cm" '
                f'svg:height="3cm"><draw:image><office:binary-data>{png}</office:binary-data>'
                "</draw:image></draw:frame>"
            )
        body.append(f'<text:p text:style-name="Standard">{frame}{esc(text)}</text:p>')
        truth.append(text)
    body.append("</text:section>")
    _write_fodt(out, body, ncols=3, size=size, side=size)
    return truth


def odt_two_stories(out: Path, paras: list[str], *, size: float = 9) -> list[str]:
    """Two stories side by side, as a page layout program sets them: the first in two
    justified columns narrowed by a wide right margin, the second in a frame anchored to the
    page beside them (its own heading and paragraphs, read after the first story)."""
    esc = html.escape
    title = "First Story Across Two Columns"
    head2 = "Second story: the notices"
    second = "".join(f'<text:p text:style-name="Standard">{esc(t)}</text:p>' for t in paras[8:11])
    body = [
        '<draw:frame draw:style-name="story2" text:anchor-type="page" text:anchor-page-number="1" '
        'svg:x="13.6cm" svg:y="2.2cm" svg:width="5.4cm"><draw:text-box>'
        f'<text:p text:style-name="Heading">{esc(head2)}</text:p>{second}</draw:text-box></draw:frame>',
        f'<text:p text:style-name="Title">{esc(title)}</text:p>',
        '<text:section text:style-name="Sect" text:name="S1">',
        *(f'<text:p text:style-name="Standard">{esc(t)}</text:p>' for t in paras[:8]),
        "</text:section>",
    ]
    _write_fodt(out, body, ncols=2, size=size)
    xml = out.read_text().replace(
        'fo:margin-left="2cm" fo:margin-right="2cm"', 'fo:margin-left="2cm" fo:margin-right="7.8cm"'
    )
    out.write_text(xml)
    return [title, *paras[:8], head2, *paras[8:11]]


# ---- the run ------------------------------------------------------------------------------


def documents(paras: list[str]) -> list[tuple[str, str, Callable[[Path], list[str]]]]:
    """(name, file extension, builder) of each document, each from its own paragraphs."""
    chunks = iter([paras[k : k + 16] for k in range(0, len(paras), 16)])

    def take(n: int) -> list[str]:
        return next(chunks)[:n]

    word = [
        ("word_two_columns_justified", dict(ncols=2, justify=True, indent=True), 14),
        ("word_two_columns_ragged", dict(ncols=2, justify=False, indent=False), 14),
        ("word_three_columns_rule", dict(ncols=3, justify=True, indent=True, size=9, sep=True), 16),
        ("word_one_column", dict(ncols=1, justify=True, indent=False, size=11), 10),
    ]
    out: list[tuple[str, str, Callable[[Path], list[str]]]] = [
        (name, "docx", lambda p, kw=kw, ps=take(n): word_columns(p, ps, **kw))
        for name, kw, n in word
    ]
    report = take(12)
    out.append(("word_report_lists_table", "docx", lambda p, ps=report: word_report(p, ps)))
    for name, kw, n in [
        ("odt_two_columns_notes_sidebar", dict(ncols=2, sidebar=True), 12),
        ("odt_one_column_notes", dict(ncols=1, sidebar=False, size=11), 8),
        ("odt_three_columns_notes", dict(ncols=3, sidebar=False, size=9), 16),
    ]:
        out.append((name, "fodt", lambda p, kw=kw, ps=take(n): odt_notes(p, ps, **kw)))
    for name, kw, n in [
        ("odt_one_column_wrapped", dict(ncols=1, width_cm=6.0, size=11), 9),
        ("odt_two_columns_wrapped", dict(ncols=2, width_cm=3.5), 12),
    ]:
        out.append((name, "fodt", lambda p, kw=kw, ps=take(n): odt_wrapped(p, ps, **kw)))
    magazine = take(12)
    out.append(("odt_magazine_pull_quote_sidebar", "fodt", lambda p, ps=magazine: odt_magazine(p, ps)))
    newsletter = take(12)
    out.append(("odt_newsletter_three_columns", "fodt", lambda p, ps=newsletter: odt_newsletter(p, ps)))
    stories = take(11)
    out.append(("odt_two_stories_side_by_side", "fodt", lambda p, ps=stories: odt_two_stories(p, ps)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--keep", type=Path, default=None, help="keep the documents, PDFs and outputs here"
    )
    args = ap.parse_args()
    soffice = shutil.which("soffice")
    missing = [
        what
        for what, ok in (
            ("LibreOffice (soffice)", soffice),
            ("python-docx", importlib.util.find_spec("docx")),
            ("the corpus's score.py", (CORPUS / "score.py").exists()),
            ("/usr/share/common-licenses", LICENCES.is_dir()),
        )
        if not ok
    ]
    if missing:
        print("skipped: missing " + ", ".join(missing), file=sys.stderr)
        return 0
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    paras = prose()
    random.Random(5).shuffle(paras)
    work = args.keep or Path(tempfile.mkdtemp(prefix="extractor-office-"))
    work.mkdir(parents=True, exist_ok=True)
    truths = {}
    for name, ext, build in documents(paras):
        truths[name] = build(work / f"{name}.{ext}")
    sources = sorted(str(p) for p in work.iterdir() if p.suffix in (".docx", ".fodt"))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), *sources],
        check=True,
        capture_output=True,
        timeout=600,
    )
    print("| document | pages | word_acc | bigram_r | para_f1 |")
    print("|---|---:|---:|---:|---:|")
    totals = [0.0, 0.0, 0.0]
    for name, truth in truths.items():
        pdf = work / f"{name}.pdf"
        doc = extractor.extract(pdf)
        text = doc.to_text()
        (work / f"{name}.out.txt").write_text(text)
        (work / f"{name}.truth.txt").write_text("\n\n".join(truth) + "\n")
        s = scorer.score("\n\n".join(truth), text)
        for k, key in enumerate(("word_acc", "bigram_r", "para_f1")):
            totals[k] += s[key]
        print(
            f"| {name} | {len(doc.pages)} | {s['word_acc']:.3f} | {s['bigram_r']:.3f} | {s['para_f1']:.3f} |"
        )
    n = len(truths)
    print(
        f"| **mean** | | **{totals[0] / n:.3f}** | **{totals[1] / n:.3f}** | **{totals[2] / n:.3f}** |"
    )
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Degraded pages: scans (needs OCR), undecodable fonts (garbled), page limits, huge and rotated
pages. Every PDF is made here, in code; the garbled ones are written by hand as raw PDF."""

from __future__ import annotations

import logging
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

import extractor
from extractor.cli import cli
from extractor.errors import ExitCode, InputError, NoTextError, PageTooLargeError
from extractor.textnorm import decode_counts, normalize_word

BACKENDS = ("pymupdf", "pdfplumber")
SENTENCE = "Plain body text that the loader must read back without any trouble at all."


# -- PDFs made in code -----------------------------------------------------------------------


def text_page(doc: pymupdf.Document, text: str = SENTENCE, **size: float) -> pymupdf.Page:
    page = doc.new_page(width=size.get("width", 595), height=size.get("height", 842))
    page.insert_textbox(pymupdf.Rect(72, 150, 523, 260), text, fontsize=11)
    return page


def scan_page(doc: pymupdf.Document) -> pymupdf.Page:
    """A page that is one grey image and no text: what a scanner without OCR makes."""
    page = doc.new_page(width=595, height=842)
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 80), False)
    pix.clear_with(200)
    page.insert_image(page.rect, pixmap=pix)
    return page


def save(doc: pymupdf.Document, path: Path) -> Path:
    doc.save(path)
    doc.close()
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


GARBLED_LINES = (
    "these words come from a font whose codes mean nothing",
    "because it has neither a unicode map nor glyph names",
    "so every character is a small number and no letter",
)


def garbled_pdf(readable: str | None = None) -> bytes:
    """A Type3 font whose codes 1-26 have made-up glyph names and no /ToUnicode.

    MuPDF passes the codes on as control characters, pdfminer as "(cid:N)": noise either way.
    ``readable`` adds a line in Helvetica, which decodes normally.
    """
    names = b" ".join(b"/q%d" % i for i in range(1, 27))
    procs = b" ".join(b"/q%d 6 0 R" % i for i in range(1, 27))
    type3 = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750]"
        b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs + b" >>"
        b" /Encoding << /Type /Encoding /Differences [1 " + names + b"] >>"
        b" /FirstChar 1 /LastChar 26 /Widths [" + b" 600" * 26 + b"] /Resources << >> >>"
    )
    rows, y = [], 700
    for line in GARBLED_LINES:
        codes = b"\\040".join(
            b"".join(b"\\%03o" % (ord(c) - 96) for c in word) for word in line.split()
        )
        rows.append(b"BT /F1 12 Tf 72 %d Td (%s) Tj ET" % (y, codes))
        y -= 20
    if readable:
        rows.append(b"BT /F2 12 Tf 72 600 Td (%s) Tj ET" % readable.encode("latin-1"))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R"
            b" /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            stream(b"\n".join(rows)),
            type3,
            stream(b"600 0 0 0 500 700 d1 0 0 500 700 re f"),
        ]
    )


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: object):
    return runner.invoke(cli, ["extract", *map(str, args)])


def stderr_lines(result) -> list[str]:
    assert "Traceback" not in result.stderr
    return result.stderr.strip().splitlines()


# -- scans: no text layer --------------------------------------------------------------------


@pytest.fixture
def scanned(tmp_path: Path) -> Path:
    doc = pymupdf.open()
    scan_page(doc)
    scan_page(doc)
    return save(doc, tmp_path / "scanned.pdf")


@pytest.fixture
def half_scanned(tmp_path: Path) -> Path:
    doc = pymupdf.open()
    text_page(doc)
    scan_page(doc)
    doc.new_page(width=595, height=842)  # blank: no text, no image, no warning
    return save(doc, tmp_path / "half.pdf")


@pytest.mark.parametrize("backend", BACKENDS)
def test_scanned_page_is_flagged_and_warned(half_scanned, backend, caplog):
    options = extractor.ExtractOptions(backend=backend)
    with caplog.at_level(logging.WARNING, logger="extractor"):
        doc = extractor.extract(half_scanned, options=options)
    assert [(p.no_text, p.needs_ocr, p.garbled) for p in doc.pages] == [
        (False, False, False),
        (True, True, False),
        (True, False, False),
    ]
    assert SENTENCE in " ".join(doc.to_text().split())
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [f"{half_scanned}: page 2 has no text layer (scanned?); OCR needed"]


def test_strict_raises_on_a_scanned_page(half_scanned):
    with pytest.raises(NoTextError, match=r"half\.pdf: page 2 has no text layer") as info:
        extractor.extract(half_scanned, options=extractor.ExtractOptions(strict=True))
    assert info.value.exit_code == ExitCode.NO_TEXT
    # the text page alone passes strict
    extractor.extract(half_scanned, pages=[0], options=extractor.ExtractOptions(strict=True))


def test_all_scanned_document_gives_flags_and_one_warning(scanned, caplog):
    with caplog.at_level(logging.WARNING, logger="extractor"):
        doc = extractor.extract(scanned)
    assert all(p.needs_ocr for p in doc.pages) and doc.paragraphs == ()
    assert [r.getMessage() for r in caplog.records] == [
        f"{scanned}: no page has a text layer (scanned?); OCR needed"
    ]
    with pytest.raises(NoTextError, match="page 1 has no text layer"):  # strict: at page 1
        extractor.extract(scanned, options=extractor.ExtractOptions(strict=True))


def test_cli_all_scanned_exits_no_text_with_one_line(runner, scanned):
    result = run(runner, scanned)
    assert result.exit_code == ExitCode.NO_TEXT
    assert result.stdout == ""
    assert stderr_lines(result) == [
        f"extractor: {scanned}: no page has a text layer (scanned?); OCR needed"
    ]
    quiet = run(runner, "-q", scanned)  # the error line stays when warnings are off
    assert quiet.exit_code == ExitCode.NO_TEXT and len(stderr_lines(quiet)) == 1


def test_cli_blank_document_exits_no_text(runner, tmp_path):
    doc = pymupdf.open()
    doc.new_page()
    path = save(doc, tmp_path / "blank.pdf")
    result = run(runner, path)
    assert result.exit_code == ExitCode.NO_TEXT
    assert stderr_lines(result) == [
        f"extractor: {path}: no text on any page (blank, or text drawn as graphics)"
    ]


def test_cli_half_scanned_succeeds_with_a_warning(runner, half_scanned):
    result = run(runner, half_scanned)
    assert result.exit_code == 0
    assert SENTENCE in " ".join(result.stdout.split())
    assert stderr_lines(result) == [
        f"extractor: {half_scanned}: page 2 has no text layer (scanned?); OCR needed"
    ]


def test_rotated_scan_still_needs_ocr(tmp_path):
    doc = pymupdf.open()
    scan_page(doc).set_rotation(90)
    path = save(doc, tmp_path / "turned-scan.pdf")
    for backend in BACKENDS:
        out = extractor.extract(path, options=extractor.ExtractOptions(backend=backend))
        assert out.pages[0].needs_ocr


# -- garbled: fonts without a Unicode map ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "chars", "bad", "clean"),
    [
        ("hello", 5, 0, "hello"),
        ("(cid:12)(cid:3)ab", 4, 2, "ab"),
        ("ab\ufffd\ue001c", 5, 2, "abc"),
        ("x\x03y", 3, 1, "xy"),
        ("\u00e9t\U000f0001", 3, 1, "\u00e9t"),
        ("\ufb01ne", 3, 0, "fine"),
    ],
)
def test_undecodable_characters_are_counted_and_dropped(raw, chars, bad, clean):
    assert decode_counts(raw) == (chars, bad)
    assert normalize_word(raw) == clean


@pytest.mark.parametrize("backend", BACKENDS)
def test_garbled_page_keeps_readable_words(backend, caplog):
    data = garbled_pdf(readable="Readable words stay here")
    with caplog.at_level(logging.WARNING, logger="extractor"):
        doc = extractor.extract(data, options=extractor.ExtractOptions(backend=backend))
    page = doc.pages[0]
    assert page.garbled and not page.no_text and not page.needs_ocr
    assert doc.to_text().split() == "Readable words stay here".split()
    for block in page.blocks:
        for line in block.lines:
            for word in line.words:
                assert decode_counts(word.text)[1] == 0, word.text
    assert [r.getMessage() for r in caplog.records] == [
        "<bytes>: page 1: text is garbled (font without Unicode map)"
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_all_garbled_document_exits_no_text(runner, tmp_path, backend):
    path = tmp_path / "garbled.pdf"
    path.write_bytes(garbled_pdf())
    result = run(runner, "--backend", backend, path)
    assert result.exit_code == ExitCode.NO_TEXT
    assert result.stdout == ""
    assert stderr_lines(result) == [
        f"extractor: {path}: no readable text: the fonts have no Unicode map (garbled)"
    ]


def test_a_clean_page_is_not_garbled(tmp_path):
    doc = pymupdf.open()
    text_page(doc, SENTENCE + " \u2022 \ue000 bullet")  # one private-use glyph is no garbage
    assert not extractor.extract(doc.tobytes()).pages[0].garbled


# -- limits: too many words ------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_page_over_the_word_limit_is_refused(tmp_path, backend):
    doc = pymupdf.open()
    text_page(doc, "short page")
    text_page(doc, " ".join(["word"] * 40))
    path = save(doc, tmp_path / "busy.pdf")
    options = extractor.ExtractOptions(backend=backend, max_words_per_page=30)
    with pytest.raises(PageTooLargeError) as info:
        extractor.extract(path, options=options)
    assert isinstance(info.value, InputError)
    assert info.value.exit_code == ExitCode.TOO_LARGE
    assert str(info.value).startswith(f"{path}: page 2 has 40 words, over the limit of 30")
    assert extractor.extract(path, pages=[0], options=options).to_text().split() == [
        "short",
        "page",
    ]


def test_word_limit_counts_before_building_words(monkeypatch, tmp_path):
    """The pymupdf backend refuses the page before it asks MuPDF for word tuples."""
    from extractor.backends import mupdf as backend

    doc = pymupdf.open()
    text_page(doc, " ".join(["word"] * 40))
    calls = []
    real = backend._words
    monkeypatch.setattr(backend, "_words", lambda *a: calls.append(1) or real(*a))
    with pytest.raises(PageTooLargeError):
        extractor.extract(doc.tobytes(), options=extractor.ExtractOptions(max_words_per_page=10))
    assert calls == []


def test_pool_size_spares_ordinary_pages_the_count_and_never_hides_a_long_one():
    """MuPDF's text memory bounds the characters of a page: a page far under the limit is not
    counted; a page that might be over it is; an unreadable pool always means counting."""
    from extractor.backends import mupdf as backend

    doc = pymupdf.open()
    text_page(doc, " ".join(["word"] * 40))
    textpage = doc[0].get_textpage()
    assert not backend._may_hold_more_chars(textpage, 200_000)
    assert backend._may_hold_more_chars(textpage, 40)  # 40 words hold 200 characters
    assert backend._may_hold_more_chars(object(), 200_000)


# -- huge and rotated pages ------------------------------------------------------------------


def assert_sane(page, words_expected: str) -> None:
    """Every word's box lies on the page, and the text is read back."""
    words = [w for b in page.blocks for ln in b.lines for w in ln.words]
    assert words
    for w in words:
        assert -0.5 <= w.bbox.x0 <= w.bbox.x1 <= page.width + 0.5, (w, page.width)
        assert -0.5 <= w.bbox.top <= w.bbox.bottom <= page.height + 0.5, (w, page.height)
    assert words_expected.split() == [w.text for w in words]


@pytest.mark.parametrize("backend", BACKENDS)
def test_huge_page(backend):
    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400)
    page.insert_textbox(pymupdf.Rect(7000, 13000, 7400, 13100), SENTENCE, fontsize=11)
    out = extractor.extract(doc.tobytes(), options=extractor.ExtractOptions(backend=backend))
    assert (out.pages[0].width, out.pages[0].height) == (14400, 14400)
    assert_sane(out.pages[0], SENTENCE)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page(backend, rotation):
    """/Rotate turns the view, not the content: words and page size share one space."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=800)
    page.insert_textbox(pymupdf.Rect(50, 700, 350, 760), SENTENCE, fontsize=11)
    page.set_rotation(rotation)
    out = extractor.extract(doc.tobytes(), options=extractor.ExtractOptions(backend=backend))
    assert (out.pages[0].width, out.pages[0].height) == (400, 800)
    assert_sane(out.pages[0], SENTENCE)

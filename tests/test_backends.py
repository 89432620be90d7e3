"""Both backends read the same words from the same PDF; backend choice and its errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")
pytest.importorskip("pdfplumber")

import extractor  # noqa: E402
from extractor.errors import (  # noqa: E402
    BackendMissingError,
    DamagedPDFError,
    EncryptedPDFError,
    OptionsError,
)
from extractor.load import open_document  # noqa: E402
from extractor.options import ExtractOptions  # noqa: E402

BACKENDS = ("pymupdf", "pdfplumber")


def make_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=500)
    page.insert_text((50, 100), "Plain words in Helvetica, twelve points.", fontname="helv", fontsize=12)
    page.insert_text((50, 140), "Bold Times heading", fontname="Times-Bold", fontsize=14)
    page.insert_text((50, 170), "Small italic note", fontname="Times-Italic", fontsize=8)
    page.insert_text((360, 420), "Rotated margin stamp", fontname="helv", fontsize=10, rotate=90)
    cropped = doc.new_page(width=400, height=500)
    cropped.insert_text((80, 150), "Text on a page with a shifted crop box", fontname="helv", fontsize=11)
    cropped.set_cropbox(pymupdf.Rect(30, 40, 350, 450))
    turned = doc.new_page(width=400, height=500)
    turned.insert_text((60, 120), "A page turned by ninety degrees", fontname="cour", fontsize=10)
    turned.set_rotation(90)
    return doc.tobytes()


def shifted_mediabox_pdf() -> bytes:
    """A page whose media box does not start at 0,0 (as some cropping tools write)."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=500)
    page.insert_text((70, 200), "Media box shifted away from the origin", fontname="helv", fontsize=10)
    doc.xref_set_key(page.xref, "MediaBox", "[50 60 450 560]")
    doc.xref_set_key(page.xref, "CropBox", "[60 80 400 540]")
    return doc.tobytes()


def read(data: bytes, backend: str, password: str | None = None):
    doc = open_document(data, ExtractOptions(backend=backend, password=password))
    try:
        return list(doc.iter_pages(range(doc.page_count)))
    finally:
        doc.close()


def assert_same_pages(a, b) -> None:
    assert len(a) == len(b)
    for pa, pb in zip(a, b):
        assert (pa.width, pa.height) == pytest.approx((pb.width, pb.height), abs=0.01)
        assert [w.text for w in pa.words] == [w.text for w in pb.words]
        for wa, wb in zip(pa.words, pb.words):
            assert wa.bbox.rounded() == pytest.approx(wb.bbox.rounded(), abs=1.0), wa.text
            assert wa.baseline == pytest.approx(wb.baseline, abs=1.0), wa.text
            assert wa.size == pytest.approx(wb.size, abs=0.05), wa.text
            assert (wa.font, wa.bold, wa.italic, wa.upright) == (wb.font, wb.bold, wb.italic, wb.upright), wa.text


def test_backends_yield_the_same_words():
    mu, pl = read(make_pdf(), "pymupdf"), read(make_pdf(), "pdfplumber")
    assert_same_pages(mu, pl)
    words = {w.text: w for w in pl[0].words}
    assert words["Plain"].font == "Helvetica" and not words["Plain"].bold
    assert words["Bold"].font == "Times-Bold" and words["Bold"].bold
    assert words["italic"].italic
    assert not words["Rotated"].upright and words["Plain"].upright
    assert "shifted" in [w.text for w in pl[1].words]


def test_shifted_media_box_and_crop_box():
    data = shifted_mediabox_pdf()
    mu, pl = read(data, "pymupdf"), read(data, "pdfplumber")
    assert_same_pages(mu, pl)
    assert pl[0].words, "text inside the crop box is read"


def test_text_outside_the_crop_box_is_not_on_the_page():
    # A figure cut out of a page by its crop box: the page's other text is not shown.
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=500)
    page.insert_text((60, 100), "Shown inside the crop", fontname="helv", fontsize=10)
    page.insert_text((60, 400), "Hidden below the crop box", fontname="helv", fontsize=10)
    page.set_cropbox(pymupdf.Rect(40, 60, 360, 200))
    data = doc.tobytes()
    mu, pl = read(data, "pymupdf"), read(data, "pdfplumber")
    assert_same_pages(mu, pl)
    assert [w.text for w in pl[0].words] == ["Shown", "inside", "the", "crop"]


def test_words_split_without_space_glyphs():
    """Words drawn glyph by glyph with gaps but no space characters are still separated."""
    doc = pymupdf.open()
    page = doc.new_page()
    x = 50.0
    for word in ("no", "space", "glyphs"):
        for ch in word:
            page.insert_text((x, 100), ch, fontname="helv", fontsize=10)
            x += pymupdf.get_text_length(ch, fontname="helv", fontsize=10)
        x += 3.0
    data = doc.tobytes()
    assert [w.text for w in read(data, "pdfplumber")[0].words] == ["no", "space", "glyphs"]
    assert_same_pages(read(data, "pymupdf"), read(data, "pdfplumber"))


def test_unknown_backend_is_an_options_error():
    with pytest.raises(OptionsError, match="unknown backend"):
        ExtractOptions(backend="pdfium")


def test_missing_backend_names_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    monkeypatch.delitem(sys.modules, "extractor.backends.plumber", raising=False)
    import extractor.backends

    monkeypatch.delattr(extractor.backends, "plumber", raising=False)
    with pytest.raises(BackendMissingError, match="pip install pdfplumber") as info:
        open_document(make_pdf(), ExtractOptions(backend="pdfplumber"))
    assert "\n" not in str(info.value)


def test_importing_extractor_does_not_import_pdfplumber():
    code = "import sys, extractor; assert 'pdfplumber' not in sys.modules, 'pdfplumber imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("backend", BACKENDS)
def test_encrypted_pdf(backend):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret text", fontname="helv")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_128, user_pw="user", owner_pw="owner")
    with pytest.raises(EncryptedPDFError, match="needs a password"):
        read(data, backend)
    with pytest.raises(EncryptedPDFError, match="wrong password"):
        read(data, backend, password="nope")
    assert [w.text for w in read(data, backend, password="user")[0].words] == ["secret", "text"]


def test_damaged_pdf_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n")
    with pytest.raises(DamagedPDFError) as info:
        doc = open_document(bad, ExtractOptions(backend="pdfplumber"))
        list(doc.iter_pages(range(doc.page_count)))
    assert str(bad) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_file_over_the_memory_limit_is_read_the_same(tmp_path, monkeypatch, backend):
    """A small file is read whole and handed over as bytes, a large one by path: same words."""
    from extractor import load

    path = tmp_path / "words.pdf"
    path.write_bytes(make_pdf())
    handed = []
    real = load.read_source

    def spy(source):
        name, data, where = real(source)
        handed.append("bytes" if data is not None else "path")
        return name, data, where

    monkeypatch.setattr(load, "read_source", spy)
    small = read_path(path, backend)
    monkeypatch.setattr(load, "MEMORY_READ_LIMIT", path.stat().st_size - 1)
    large = read_path(path, backend)
    assert handed == ["bytes", "path"]
    assert [p.words for p in small] == [p.words for p in large] and small[0].words


def test_a_truncated_file_opened_from_memory_names_the_file(tmp_path):
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(make_pdf()[:300])
    with pytest.raises(DamagedPDFError) as info:
        read_path(bad)
    message = str(info.value)
    assert message.startswith(f"{bad}: ") and "\n" not in message


def read_path(path: Path, backend: str = "pymupdf"):
    doc = open_document(path, ExtractOptions(backend=backend))
    try:
        return list(doc.iter_pages(range(doc.page_count)))
    finally:
        doc.close()


def _span_page(texts: list[str]) -> tuple[list[tuple], list[tuple]]:
    """The backend's line and word tuples for one line of ``texts`` in one run of type."""
    words, x = [], 50.0
    for n, text in enumerate(texts):
        words.append((x, 90.0, x + 10.0 * len(text), 102.0, text, 0, 0, n))
        x += 10.0 * len(text) + 5.0
    run = (x, "STIXMath-Italic", 0, 12.0, 100.0)
    lines = [(0, 0, 1.0, 0.0, [run], 50.0, 90.0, x, 102.0, len(texts))]
    return lines, words


def test_mathematical_letters_cut_to_sixteen_bits_are_restored():
    """MuPDF reads U+1D44E (mathematical italic a) from a surrogate-pair ToUnicode as U+D44E,
    a Hangul syllable; on a page without Korean the letter is put back."""
    from extractor.backends.mupdf import _words

    lines, words = _span_page(["Let", "\ud44e", "be", "\ud44e\ud44ftitle"])
    texts = [w.text for w in _words(lines, words, 0, [0, 0])]
    assert texts == ["Let", "\U0001d44e", "be", "\U0001d44e\U0001d44ftitle"]


def test_hangul_on_a_korean_page_is_left_as_it_is():
    from extractor.backends.mupdf import _words

    korean = ["한국", "\ud44e", "표"]  # 한 is below U+D400: the page is Korean
    lines, words = _span_page(korean)
    assert [w.text for w in _words(lines, words, 0, [0, 0])] == korean


@pytest.mark.parametrize("corrections", [True, False])
def test_word_boxes_do_not_depend_on_pymupdfs_quad_corrections(corrections):
    # PyMuPDF's process-wide "quad corrections" recompute glyph boxes from font metrics; some
    # installs leave them on, others switch them off on import. The boxes read must be the
    # same either way (they are MuPDF's own), and the caller's setting must be left as it was.
    pdf = Path(__file__).resolve().parent.parent / "samples" / "corpus_fedreg_p1.pdf"
    tools = pymupdf.TOOLS
    before = tools.unset_quad_corrections()
    try:
        tools.unset_quad_corrections(True)
        native = extractor.extract(pdf).to_json()
        tools.unset_quad_corrections(not corrections)
        assert extractor.extract(pdf).to_json() == native
        assert tools.unset_quad_corrections() is (not corrections)
    finally:
        tools.unset_quad_corrections(before)


def _box_drawn_as_lines_pdf() -> bytes:
    """A shaded box drawn as five lines starting mid-side (as LibreOffice draws its frames),
    holding a paragraph, beside the page's other text."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=500)
    x0, y0, x1, y1 = 50.0, 100.0, 250.0, 180.0
    shape = page.new_shape()
    shape.draw_polyline([(150, y1), (x0, y1), (x0, y0), (x1, y0), (x1, y1), (150, y1)])
    shape.finish(fill=(0.85, 0.9, 1.0), color=None)
    shape.commit()
    for k, text in enumerate(["In brief: a licence grants permissions, and a", "notice tells users which licence applies to", "the work. Keep both with every copy."]):
        page.insert_text((60, 120 + 14 * k), text, fontname="helv", fontsize=10)
    page.insert_text((60, 300), "Body text under the box goes on here.", fontname="helv", fontsize=10)
    return doc.tobytes()


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_a_box_drawn_as_lines_is_read_as_a_box(backend):
    pages = read(_box_drawn_as_lines_pdf(), backend)
    boxes = [r.rounded(0) for r in pages[0].rules]
    assert (50.0, 100.0, 250.0, 180.0) in boxes


def test_the_outline_of_a_box_is_told_from_other_paths():
    from extractor.load import outlines_box

    box = (0.0, 0.0, 20.0, 10.0)
    assert outlines_box([(10, 10), (0, 10), (0, 0), (20, 0), (20, 10), (10, 10)], box)  # mid-side start
    assert outlines_box([(0, 0), (20, 0), (20, 10), (0, 10), (0, 0)], box)
    assert not outlines_box([(0, 0), (20, 10), (0, 10), (20, 0)], box)  # diagonals
    assert not outlines_box([(0, 0), (20, 0), (20, 10), (0, 10), (10, 5)], box)  # a point inside
    assert not outlines_box([(0, 0), (20, 0), (20, 10), (10, 10)], box)  # a corner missing


def test_the_text_page_reader_is_used_only_for_the_mupdf_it_was_built_against(monkeypatch):
    """The compiled reader reads MuPDF's structures as its headers laid them out: with another
    MuPDF running (PyMuPDF upgraded after the build), or EXTRACTOR_NO_STEXT=1, the backend
    goes through PyMuPDF's own calls."""
    import types

    from extractor.backends import mupdf as mb

    running = pymupdf.mupdf.FZ_VERSION
    fake = types.ModuleType("extractor.backends._stext")
    fake.MUPDF_VERSION = running
    monkeypatch.setitem(sys.modules, "extractor.backends._stext", fake)
    monkeypatch.setattr(extractor.backends, "_stext", fake, raising=False)  # if built here
    monkeypatch.delenv("EXTRACTOR_NO_STEXT", raising=False)
    assert mb._load_reader() is fake
    fake.MUPDF_VERSION = running + ".1"
    assert mb._load_reader() is None
    fake.MUPDF_VERSION = running
    monkeypatch.setenv("EXTRACTOR_NO_STEXT", "1")
    assert mb._load_reader() is None

"""Repairs seen end to end on PDFs made here: fake bold, ligatures, soft hyphens, tracking."""

from __future__ import annotations

import pymupdf
import pytest

import extractor


def _pdf(draw) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    draw(page)
    return doc.tobytes()


def test_fake_bold_overprint_is_read_once():
    def draw(page):
        for dx in (0.0, 0.3):
            page.insert_text((72 + dx, 100), "Fake bold heading here", fontname="helv", fontsize=12)
        page.insert_text((72, 130), "Normal body text follows the heading line.", fontname="helv", fontsize=10)

    assert extractor.extract(_pdf(draw)).to_text() == (
        "Fake bold heading here\n\nNormal body text follows the heading line.\n"
    )


def test_ligatures_are_expanded_and_soft_hyphens_mended():
    def draw(page):
        font = pymupdf.Font("tiro")
        tw = pymupdf.TextWriter(page.rect)
        tw.append((72, 100), "The \ufb01rst of\ufb01ce was a", font=font, fontsize=11)
        tw.append((72, 114), "dif\u00ad", font=font, fontsize=11)
        tw.append((72, 128), "ferent place entirely.", font=font, fontsize=11)
        tw.write_text(page)

    text = extractor.extract(_pdf(draw)).to_text()
    assert "first office" in text and "different" in text and "\u00ad" not in text


def test_letter_spaced_footer_is_one_word_in_its_role():
    def draw(page):
        page.insert_text((72, 100), "Body text of the page in one short paragraph.", fontname="helv", fontsize=10)
        x = 200.0
        for ch in "www.example.org":
            page.insert_text((x, 820), ch, fontname="helv", fontsize=8)
            x += pymupdf.get_text_length(ch, "helv", 8) + 3.5

    doc = extractor.extract(_pdf(draw))
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles.get("www.example.org") is extractor.Role.FOOTER
    assert doc.to_text() == "Body text of the page in one short paragraph.\n"


LANDSCAPE = (
    "The harbour at dawn was quiet and the boats lay still on the water while the gulls "
    "circled overhead and the fishermen prepared their nets for the long day ahead of them."
)


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_stored_turned_with_its_text_turned_back_is_read(rotation, backend):
    """/Rotate with text drawn turned to match (how landscape pages are often stored): the
    backends report the page unturned, with every word running sideways or upside down."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.set_rotation(rotation)
    box = pymupdf.Rect(60, 60, 760, 300) if rotation in (90, 270) else pymupdf.Rect(60, 60, 500, 300)
    page.insert_textbox(box * page.derotation_matrix, LANDSCAPE, fontsize=11, rotate=rotation)
    below = pymupdf.Rect(box.x0, box.y0 + 120, box.x1, box.y1 + 120)
    page.insert_textbox(below * page.derotation_matrix, "A second paragraph ends it.", fontsize=11, rotate=rotation)
    doc_out = extractor.extract(doc.tobytes(), options=extractor.ExtractOptions(backend=backend))
    assert doc_out.to_text() == LANDSCAPE + "\n\nA second paragraph ends it.\n"
    assert doc_out.pages[0].turn == rotation


@pytest.mark.parametrize("columns", [1, 2, 3])
@pytest.mark.parametrize("seed", [2, 6])
def test_pages_from_another_typesetter_read_in_order(seed, columns):
    """MuPDF's HTML layout sets loose justified columns whose baselines drift apart; chance
    rivers of word spaces must not cut lines, and every paragraph comes out in order."""
    from difflib import SequenceMatcher

    from helpers.storygen import story_pdf

    data, paragraphs = story_pdf(seed, columns)
    got = extractor.extract(data).to_text()
    want = "\n\n".join(paragraphs) + "\n"
    words = SequenceMatcher(a=want.split(), b=got.split(), autojunk=False).ratio()
    assert words >= 0.995
    found = set(got.split("\n\n"))
    assert sum(p in found or p + "\n" in found for p in paragraphs) >= 0.85 * len(paragraphs)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_an_article_from_another_typesetter_reads_exactly(seed):
    """Title and abstract across the page, two columns broken by a spanning figure, a
    caption and a footnote: the body comes out paragraph for paragraph, in reading order."""
    from helpers.storygen import article_pdf

    data, paragraphs = article_pdf(seed)
    assert extractor.extract(data).to_text() == "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_tex_accents_drawn_as_glyphs_of_their_own_sit_on_their_letters(backend):
    # TeX without T1 fonts draws "¨" (or "´") first, over the next letter, then moves back
    # and draws the letter: "f¨ur", and "UNIVERSIT ¨AT" when the accent stands off the word.
    def draw(page):
        tw = pymupdf.TextWriter(page.rect)
        font = pymupdf.Font("tiro")
        y = 100.0
        for before, accent, after, rest in (("Gr", "\u00a8", "u", "n ist die Farbe der"),
                                            ("UNIVERSIT", "\u00a8", "A", "T in der Stadt"),
                                            ("Aut", "\u00b4", "o", "noma de la ciudad")):
            x = 72.0
            tw.append((x, y), before, font=font, fontsize=12)
            x += font.text_length(before, 12)
            letter = font.text_length(after, 12)
            mark = font.text_length(accent, 12)
            tw.append((x + (letter - mark) / 2 + 3.0, y - 2), accent, font=font, fontsize=12)
            tw.append((x, y), after + rest, font=font, fontsize=12)
            y += 16
        tw.append((72, y), "Wir sagen es nicht\u00b4s anders.", font=font, fontsize=12)
        tw.write_text(page)

    text = extractor.extract(_pdf(draw), options=extractor.ExtractOptions(backend=backend)).to_text()
    assert "Grün ist die Farbe" in text
    assert "UNIVERSITÄT in der Stadt" in text
    assert "Autónoma de la ciudad" in text
    assert "nicht\u00b4s" in text  # an acute before a consonant is an apostrophe: left alone


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_glyphs_drawn_three_times_a_hair_apart_are_read_once(backend):
    # Fake bold glyph by glyph, as xeCJK's AutoFakeBold draws it: each glyph three times,
    # 0.1 pt apart, before the next.
    def draw(page):
        x = 72.0
        for ch in "Harbour":
            for dx in (0.0, 0.1, 0.2):
                page.insert_text((x + dx, 100), ch, fontname="helv", fontsize=12)
            x += pymupdf.get_text_length(ch, "helv", 12)
        page.insert_text((72, 130), "Plain text follows the heading line.", fontname="helv", fontsize=10)

    text = extractor.extract(_pdf(draw), options=extractor.ExtractOptions(backend=backend)).to_text()
    assert text == "Harbour\n\nPlain text follows the heading line.\n"

"""pipeline windows: settling pages a window at a time gives the same paragraphs as one pass."""

from __future__ import annotations

from helpers.geometry import PROSE, column, moved, page, text_line

from extractor.options import ExtractOptions
from extractor.pipeline import analyse_stream, join_documents
from extractor.model import Role


def long_document(n_pages: int):
    """Pages of one column whose paragraphs run on from page to page, with a running head."""
    text = " ".join(PROSE) + " "
    body = (text * (n_pages + 2)).split()
    pages, i = [], 0
    for p in range(n_pages):
        words, top = [], 80.0
        head = text_line(f"The Book of Harbours {p + 1}", 50, 30, size=9, page=p)
        while top < 700 and i < len(body):
            chunk = " ".join(body[i : i + 9])
            words += text_line(chunk, 50, top, page=p)
            i += 9
            top += 12
        pages.append(page(head + words, number=p))
    return pages


def run(pages, window):
    options = ExtractOptions()
    return join_documents(list(analyse_stream("t", pages, options, window=window)), options)


def test_windows_give_the_same_paragraphs_as_one_pass():
    pages = long_document(40)
    whole = run(pages, window=1000)
    windowed = run(pages, window=5)
    assert [p.text for p in windowed.paragraphs] == [p.text for p in whole.paragraphs]
    assert [pg.number for pg in windowed.pages] == list(range(40))


def test_running_head_found_within_a_window():
    doc = run(long_document(20), window=8)
    heads = [b for pg in doc.pages for b in pg.blocks if b.text.startswith("The Book of Harbours")]
    assert len(heads) == 20 and all(b.role is Role.HEADER for b in heads)
    assert not any("Book of Harbours" in p.text for p in doc.paragraphs)


def test_paragraph_crossing_a_window_edge_is_whole():
    words, _ = column([PROSE[0] + " " + PROSE[1]], 50, 300, 700)
    first = [w for w in words if w.bbox.top < 736]
    rest = [w for w in words if w.bbox.top >= 736]
    later = moved(rest, dx=0, dy=-636, page=1)
    doc = run([page(first), page(later, number=1)], window=1)
    assert [p.text for p in doc.paragraphs] == [PROSE[0] + " " + PROSE[1]]
    assert doc.paragraphs[0].page == 0


def test_paragraph_longer_than_a_page_crossing_windows_is_whole():
    # One paragraph of full lines (no breaks) over three pages: windows of one page must wait.
    words_per_line, pages, made = 10, [], 0
    body = (" ".join(PROSE) + " ").split() * 4
    for p in range(3):
        words, top = [], 80.0
        while top < 700:
            line = body[made : made + words_per_line]
            made += words_per_line
            # Justified: every line runs from x=50 to x=400, its spaces stretched alike.
            ink = sum(len(t) * 0.5 * 10 for t in line)
            words += text_line(" ".join(line), 50, top, space=(350 - ink) / (len(line) - 1), page=p)
            top += 12
        pages.append(page(words, number=p))
    whole = run(pages, window=1000)
    windowed = run(pages, window=1)
    assert len(whole.paragraphs) == 1
    assert [p.text for p in windowed.paragraphs] == [p.text for p in whole.paragraphs]


def test_a_page_analysed_again_for_the_documents_body_size_is_read_once_across_windows():
    # Page 1 carries a grid of names in 11 pt that outweighs its 9 pt text, which goes on
    # from page 0: it is analysed again with the document's body size (9 pt), once, whatever
    # the windows, and the paragraph that runs onto it comes out once, whole.
    long = " ".join(PROSE * 6)
    words, _ = column([long], 50, 240, 100, size=9, leading=11)
    first = [w for w in words if w.bbox.top < 700]
    rest = [w for w in words if w.bbox.top >= 700]
    second = moved(rest, dy=100 - min(w.bbox.top for w in rest), page=1)
    grid = [w for row in range(8) for col in range(3) for w in text_line(
        f"Name{row}{col} Institute{row}{col} Somewhere", 50 + 180 * col, 400 + 40 * row,
        size=11, page=1)]
    tail, _ = column(PROSE * 3, 50, 240, 100, size=9, leading=11)
    pages = [page(first), page(second + grid, number=1), page(moved(tail, page=2), number=2)]
    whole = run(pages, window=1000)
    assert whole.paragraphs[0].text == long  # from page 0 onto page 1
    for window in (1, 2):
        assert [p.text for p in run(pages, window).paragraphs] == [p.text for p in whole.paragraphs]

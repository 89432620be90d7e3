"""order.py, roles.py, blocks.py, layout.py: reading order and roles from geometry alone."""

from __future__ import annotations

import random
from dataclasses import replace

from helpers.geometry import PROSE, column, moved, page, text_line, word

from extractor.layout import analyse_page
from extractor.lines import build_lines
from extractor.model import BBox, Role
from extractor.order import reading_order
from extractor.pipeline import analyse


def order_of(boxes: dict[str, BBox]) -> list[str]:
    names = list(boxes)
    return [names[i] for i in reading_order([boxes[n] for n in names])]


def test_two_columns_read_left_then_right():
    boxes = {"right": BBox(320, 100, 560, 700), "left": BBox(50, 100, 290, 700)}
    assert order_of(boxes) == ["left", "right"]


def test_right_column_starting_lower_under_a_picture():
    boxes = {"right": BBox(320, 400, 560, 700), "left": BBox(50, 100, 290, 700)}
    assert order_of(boxes) == ["left", "right"]


def test_spanning_element_closes_the_section_above():
    boxes = {
        "low_right": BBox(320, 420, 560, 700),
        "heading": BBox(50, 380, 560, 400),
        "top_right": BBox(320, 100, 560, 360),
        "low_left": BBox(50, 420, 290, 700),
        "title": BBox(50, 50, 560, 80),
        "top_left": BBox(50, 100, 290, 360),
    }
    assert order_of(boxes) == ["title", "top_left", "top_right", "heading", "low_left", "low_right"]


def test_four_columns_of_unequal_widths():
    boxes = {f"c{i}": BBox(x, 100, x + w, 700) for i, (x, w) in enumerate([(40, 80), (130, 200), (340, 100), (450, 120)])}
    shuffled = dict(random.Random(3).sample(sorted(boxes.items()), len(boxes)))
    assert order_of(shuffled) == ["c0", "c1", "c2", "c3"]


def test_stacked_blocks_in_one_column_read_top_down():
    boxes = {"b": BBox(50, 300, 290, 400), "a": BBox(50, 100, 290, 200), "c": BBox(50, 500, 290, 600)}
    assert order_of(boxes) == ["a", "b", "c"]


def two_column_page(paragraphs=PROSE, number=0, header=None, footer=None):
    left, _ = column(paragraphs[:2], 50, 240, 100, indent=12)
    right, _ = column(paragraphs[2:], 320, 240, 100, indent=12)
    extra = []
    if header:
        extra += text_line(header, 250, 30, size=9)
    if footer:
        extra += text_line(footer, 300, 760, size=9)
    return page(left + right + extra, number=number)


def body_text(doc):
    return [p.text for p in doc.paragraphs]


def test_page_number_and_running_head_are_furniture():
    doc = analyse("t", [two_column_page(header="Journal of Things", footer="12")])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["Journal of Things"] is Role.HEADER
    assert roles["12"] is Role.PAGE_NUMBER
    assert body_text(doc) == PROSE


def test_short_lines_level_with_a_columns_first_line_are_text_not_a_running_head():
    # Under a running head, the left column opens with two short rows in smaller type (the
    # end of a table broken across the page) level with the right column's first line.
    head = text_line("Open Licences Quarterly", 400, 24, size=8)
    rows = text_line("Apache-2.0 305 31%", 50, 52, size=9) + text_line("MIT 188 19%", 50, 64, size=9)
    left, _ = column(PROSE[:1], 50, 230, 86)
    right, _ = column(PROSE[1:3], 310, 230, 52)
    doc = analyse("t", [page(head + rows + left + right)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["Open Licences Quarterly"] is Role.HEADER
    text = doc.to_text()
    assert "Apache-2.0 305 31%" in text and "MIT 188 19%" in text
    # The same rows above every column, with the text below them, are a running head.
    right, _ = column(PROSE[1:3], 310, 230, 86)
    doc = analyse("t", [page(head + rows + left + right)])
    assert "Apache-2.0" not in doc.to_text()


def test_body_text_at_the_top_of_a_column_is_not_a_header():
    # A column that starts high on the page: many lines, body size: body, not furniture.
    words, _ = column(PROSE, 50, 500, 20)
    doc = analyse("t", [page(words)])
    assert body_text(doc) == PROSE


def test_caption_and_footnote_roles():
    body, y = column(PROSE[:2], 50, 500, 100)
    caption = text_line("Figure 2: Stakes across the glacier tongue.", 50, y + 200, size=8)
    note = text_line("1 A note in small type at the foot of the page.", 50, 740, size=7)
    doc = analyse("t", [page(body + caption + note)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["Figure 2: Stakes across the glacier tongue."] is Role.CAPTION
    assert roles["1 A note in small type at the foot of the page."] is Role.FOOTNOTE
    assert body_text(doc) == PROSE[:2]


def test_body_text_starting_with_figure_is_not_a_caption():
    words, _ = column(["Figure skating was the first winter sport in the games."], 50, 500, 100)
    doc = analyse("t", [page(words)])
    assert doc.pages[0].blocks[0].role is Role.BODY


def test_a_sentence_naming_a_table_is_body_text_and_a_titled_label_is_a_caption():
    # "Table 1 contains ..." names the table in the running text; "Table 1" with a stop or
    # a capitalised title after it ("Table 2 Depths ...") opens a caption.
    for text, role in [
        ("Table 1 contains some sample data on the depth of the harbour channel.", Role.BODY),
        ("Figure 12 shows how the channel silted up between the two surveys.", Role.BODY),
        ("Table 1: Depths of the harbour channel in the two surveys.", Role.CAPTION),
        ("Table 2 Depths of the harbour channel in the two surveys.", Role.CAPTION),
        ("Fig. 3 (a) the channel in spring, (b) the channel in autumn.", Role.CAPTION),
    ]:
        words, _ = column([text], 50, 500, 100)
        assert analyse("t", [page(words)]).pages[0].blocks[0].role is role, text


def test_rotated_margin_stamp_is_left_out():
    stamp = [word("arXiv:1601.03642v1", 10, 300, size=20, upright=False)]
    doc = analyse("t", [page(two_column_page().words + tuple(stamp))])
    assert body_text(doc) == PROSE
    assert any(b.role is Role.MARGIN for b in doc.pages[0].blocks)


def test_sidebar_in_a_drawn_box_comes_after_the_main_flow():
    main, _ = column(PROSE[:2], 50, 240, 100, indent=12)
    side, y = column(["A boxed aside about bread and the hive, read on its own."], 330, 220, 110)
    box = BBox(320, 100, 560, y + 10)
    doc = analyse("t", [page(main + side, rules=(box,))])
    assert body_text(doc) == [*PROSE[:2], "A boxed aside about bread and the hive, read on its own."]
    assert doc.paragraphs[-1].role is Role.SIDEBAR


def test_columns_are_found():
    raw = two_column_page()
    result = analyse_page(raw, build_lines(raw.words))
    assert len(result.columns) == 2
    assert {b.column for b in result.blocks if b.role is Role.BODY} == {0, 1}


def test_result_does_not_depend_on_word_order():
    raw = two_column_page(header="Journal of Things", footer="12")
    expected = body_text(analyse("t", [raw]))
    for seed in range(5):
        words = list(raw.words)
        random.Random(seed).shuffle(words)
        assert body_text(analyse("t", [page(words)])) == expected


def test_a_rule_across_the_page_closes_the_columns_above_it():
    up_left, _ = column([PROSE[0]], 50, 240, 100)
    up_right, _ = column([PROSE[1]], 320, 240, 100)
    low_left, _ = column([PROSE[2]], 50, 240, 300)
    low_right, _ = column([PROSE[3]], 320, 240, 300)
    words = up_left + up_right + low_left + low_right
    ruled = analyse("t", [page(words, rules=(BBox(50, 280, 560, 281),))])
    assert body_text(ruled) == [PROSE[0], PROSE[1], PROSE[2], PROSE[3]]
    # Without the rule the columns are read whole: left column, then right column.
    assert body_text(analyse("t", [page(words)])) == [PROSE[0], PROSE[2], PROSE[1], PROSE[3]]
    # A rule only as wide as one column (under a figure in it) does not cut the page.
    narrow = analyse("t", [page(words, rules=(BBox(50, 280, 290, 281),))])
    assert body_text(narrow) == [PROSE[0], PROSE[2], PROSE[1], PROSE[3]]


def test_small_running_head_under_a_wide_top_margin():
    head = text_line("2", 135, 94, size=9) + text_line("Z. Shen et al.", 168, 94, size=9)
    body, _ = column(PROSE[:2], 134, 350, 119, size=10, indent=12)
    doc = analyse("t", [page(head + body)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["2"] is Role.PAGE_NUMBER and roles["Z. Shen et al."] is Role.HEADER
    assert body_text(doc) == PROSE[:2]


def test_a_page_of_scattered_labels_is_read_row_by_row():
    # Hundreds of tiny boxes (a chart's labels): ordered by rows, not by the partial order.
    boxes = {f"r{r}c{c}": BBox(40 + 50 * c, 100 + 20 * r, 70 + 50 * c, 110 + 20 * r)
             for r in range(15) for c in range(10)}
    names = list(boxes)
    order = [names[i] for i in reading_order([boxes[n] for n in reversed(names)][::-1])]
    assert order == [f"r{r}c{c}" for r in range(15) for c in range(10)]


def test_page_number_row_at_the_top_is_furniture_whatever_its_size():
    head = text_line("MeerKAT observations of three bursts", 138, 78, size=12) + text_line("5", 538, 78, size=12)
    body, _ = column(PROSE[:2], 42, 500, 110, size=9, indent=10)
    doc = analyse("t", [page(head + body)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["5"] is Role.PAGE_NUMBER
    assert roles["MeerKAT observations of three bursts"] is Role.HEADER
    assert body_text(doc) == PROSE[:2]


def test_a_number_in_the_middle_of_the_page_is_not_a_page_number():
    body, y = column(PROSE[:1], 42, 500, 300, size=9)
    lone = text_line("42", 250, y + 20, size=9)
    roles = {b.text: b.role for b in analyse("t", [page(body + lone)]).pages[0].blocks}
    assert roles["42"] is not Role.PAGE_NUMBER


def test_one_column_page_reads_a_centred_byline_before_a_heading_lower_left():
    boxes = {"heading": BBox(72, 237, 191, 253), "byline": BBox(260, 159, 398, 175),
             "body": BBox(120, 280, 538, 600)}
    names = list(boxes)
    one = [names[i] for i in reading_order([boxes[n] for n in names], columns=1)]
    assert one == ["byline", "heading", "body"]
    # With two columns the left one is finished first, as Breuel's rule says.
    two = [names[i] for i in reading_order([boxes[n] for n in names], columns=2)]
    assert two.index("heading") < two.index("byline")


def test_small_bold_line_over_text_is_a_heading_and_alone_a_label():
    head = text_line("RIN 2120-AA64", 50, 300, size=8, bold=True)
    body, _ = column(PROSE[:1], 50, 300, 312, size=10)
    label = text_line("Tightened nut", 400, 600, size=8, bold=True)
    roles = {b.text: b.role for b in analyse("t", [page(head + body + label)]).pages[0].blocks}
    assert roles["RIN 2120-AA64"] is Role.HEADING
    assert roles["Tightened nut"] is Role.NOTE


def test_a_heading_over_small_type_notes_goes_with_the_notes():
    body, y = column(PROSE[:2], 50, 300, 80, size=10)
    refs_head = text_line("References", 50, y + 20, size=13, bold=True)
    refs, _ = column(["1. Smith J. Harbours of the north. Sea Press, 1999.",
                      "2. Jones K. Dredging and its discontents. Port Q 12: 3-9, 2004."],
                     50, 300, y + 36, size=7, leading=8.5)
    section = text_line("Methods", 50, 500, size=13, bold=True)
    more, _ = column(PROSE[2:3], 50, 300, 516, size=10)
    doc = analyse("t", [page(body + refs_head + refs + section + more)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["References"] is Role.NOTE
    assert roles["Methods"] is Role.HEADING
    assert "References" not in doc.to_text() and "Methods" in doc.to_text()


def test_a_long_block_in_the_largest_type_is_text_not_a_title():
    # A standfirst of many lines set larger than the body, under a small bold heading: no
    # title here, so the heading stays a paragraph of its own.
    head = text_line("Part one begins", 50, 80, size=11, bold=True)
    large, y = column(PROSE[:2], 50, 300, 94, size=12, leading=14)
    body, _ = column(PROSE * 3, 50, 300, y + 10, size=9.5, leading=11.5)
    doc = analyse("t", [page(head + large + body)])
    assert all(b.role is not Role.TITLE for b in doc.pages[0].blocks)
    assert doc.to_text().split("\n\n")[0] == "Part one begins"


def test_a_sentence_of_body_text_at_the_top_edge_is_not_a_running_head():
    first = text_line("Before the table comes a paragraph of ordinary prose that explains it.", 50, 40)
    head = text_line("The Harbour Quarterly", 50, 20, size=8)
    body, _ = column(PROSE[:2], 50, 500, 70)
    roles = {b.text: b.role for b in analyse("t", [page(first + head + body)]).pages[0].blocks}
    assert roles["Before the table comes a paragraph of ordinary prose that explains it."] is Role.BODY
    assert roles["The Harbour Quarterly"] is Role.HEADER


def test_a_column_of_numbers_on_the_rows_of_a_table_stays_in_the_text():
    rows = [("Northport", "12", "340"), ("Eastbay", "8", "120"), ("Southsound", "15", "510")]
    words = []
    for n, (name, depth, ships) in enumerate(rows):
        y = 300 + 14 * n
        words += text_line(f"{name} {depth}", 60, y) + text_line(ships, 200, y)
    body, _ = column(PROSE[:1], 60, 400, 100)
    labels = [w for n, t in enumerate(["x0", "x1", "x2"]) for w in text_line(t, 480, 500 + 17 * n)]
    doc = analyse("t", [page(body + words + labels)])
    text = doc.to_text()
    assert all(ships in text.split() for _, _, ships in rows)
    assert "x1" not in text.split()  # figure labels, on no row of the text, stay out


def test_a_sentence_under_the_title_is_text_not_a_byline():
    title = text_line("Harbours of the North", 50, 60, size=20)
    lead = text_line("The surface once in the busier harbour is that of today, along the quay.", 50, 100)
    body, _ = column(PROSE * 2, 50, 500, 140)
    roles = {b.text: b.role for b in analyse("t", [page(title + lead + body)]).pages[0].blocks}
    assert roles["Harbours of the North"] is Role.TITLE
    assert roles["The surface once in the busier harbour is that of today, along the quay."] is Role.BODY


def test_a_paragraphs_first_line_set_apart_under_the_title_is_text_not_a_byline():
    # Under the title, a paragraph opens with a drop cap: the cap joins the first line's word
    # ("W" + "ithout"), which sets that line apart from the two beside the cap under it. Its
    # sentence goes on in lower case ("customers in the" / "valley farms"), as names do not.
    for opening in ("ithout the loaves, customers in the", "ithout the apprentices, customers"):
        title = text_line("Harbours of the North", 50, 60, size=20)
        cap = [word("W", 50, 100, size=36)]
        first = text_line(opening, 93, 100)
        beside = text_line("valley farms would have had little", 93, 114) + text_line(
            "reason to protect the recipe at all.", 93, 128
        )
        body, _ = column(PROSE * 2, 50, 500, 150)
        doc = analyse("t", [page(title + cap + first + beside + body)])
        assert Role.AUTHOR not in {b.role for b in doc.pages[0].blocks}
        assert f"W{opening} valley farms" in doc.to_text()


def test_a_line_runs_on_into_a_lower_case_word_below_but_not_into_a_title_or_an_address():
    # Two blocks under a title, one right over the other: a sentence goes on into "valley" or
    # "documentation.", names do not go on into "dipl." or "prof." or an e-mail address.
    from extractor.model import Block, Line
    from extractor.roles import _runs_on_into

    def runs_on(first: str, below: str) -> bool:
        a = Block.of([Line.of(text_line(first, 50, 100))])
        b = Block.of([Line.of(text_line(below, 62, 112))])
        return _runs_on_into(a, [a, b])

    assert runs_on("Without the apprentices, customers", "valley farms would have had little")
    assert runs_on("the implementation and its user", "documentation.")
    assert not runs_on("Relatori prof. Albert Einstein", "dipl. ing. Werner von Braun")
    assert not runs_on("First Author Academic Institute", "phone: (111) 222-3333")
    assert not runs_on("Ryan Scott, Department of Physics", "rpscott@gmail.com")
    assert not runs_on("Harbours of the North.", "valley farms would have had little")


def test_a_deck_under_the_title_is_text_and_the_names_under_it_a_byline():
    # Title, a deck (a phrase in lower case, no full stop), names with particles: the deck
    # is read, the names are not.
    title = text_line("Harbours of the North", 50, 60, size=20)
    deck = text_line("A review of how small towns keep their quays", 50, 92, size=12, italic=True)
    names = text_line("Jan van der Berg and Ann de la Cruz", 50, 112)
    place = text_line("Department of Maritime History, University of Somewhere", 50, 126)
    body, _ = column(PROSE * 2, 50, 500, 160)
    doc = analyse("t", [page(title + deck + names + place + body)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["A review of how small towns keep their quays"].is_flow
    assert roles[
        "Jan van der Berg and Ann de la Cruz Department of Maritime History, University of Somewhere"
    ] is Role.AUTHOR
    assert doc.to_text().startswith("Harbours of the North\n\nA review of how small towns")


def test_columns_of_short_cells_standing_row_for_row_are_a_table():
    cells = []
    for n, (a, b) in enumerate([("the 262", "was 431"), ("The 711", "the 135"), ("it 908", "was 700")]):
        cells += text_line(a, 100, 400 + 18 * n) + text_line(b, 200, 400 + 18 * n)
    body, _ = column(PROSE[:2], 60, 400, 100)
    text = analyse("t", [page(body + cells)]).to_text().split()
    assert all(t in text for t in ("262", "711", "908", "431", "135", "700"))


def test_a_block_of_short_numbers_in_aligned_cells_is_a_table_kept_in_the_text():
    body, _ = column(PROSE[:2], 60, 400, 100)
    grid = []
    for n, row in enumerate(["12 34 56", "78 90 12", "34 56 78"]):
        grid += [w for k, t in enumerate(row.split()) for w in text_line(t, 100 + 14 * k, 400 + 12 * n)]
    text = analyse("t", [page(body + grid)]).to_text().split()
    assert text.count("56") == 2 and "90" in text


def _small_abstract_page(head: str | None, run_in: str = "") -> tuple[list, str]:
    """A title with its byline, an abstract in 7.8-point type (under ``head`` when given) and
    10-point body."""
    words = text_line("On harbours", 50, 60, size=16, bold=True) + text_line("A. Pilot", 50, 82)
    top = 112
    if head is not None:
        words += text_line(head, 50, top, size=10, bold=True)
        top += 16
    abstract, y = column([run_in + PROSE[3]], 50, 500, top, size=7.8, leading=9.5)
    body, _ = column(PROSE[:3], 50, 500, y + 30, size=10)
    return words + abstract + body, (run_in + PROSE[3]).strip()


def test_an_abstract_in_small_type_under_its_heading_is_text():
    words, abstract = _small_abstract_page("Abstract")
    doc = analyse("t", [page(words)])
    paragraphs = doc.to_text().split("\n\n")
    assert abstract in paragraphs and "Abstract" in paragraphs
    assert paragraphs.index("Abstract") + 1 == paragraphs.index(abstract)


def test_an_abstract_in_small_type_with_a_run_in_head_is_text():
    words, abstract = _small_abstract_page(None, run_in="Abstract. ")
    assert abstract in analyse("t", [page(words)]).to_text().split("\n\n")


def test_small_type_prose_without_an_abstract_head_stays_a_note():
    words, small = _small_abstract_page(None)
    doc = analyse("t", [page(words)])
    assert small not in doc.to_text()
    assert any(b.role is Role.NOTE and b.text == small for b in doc.pages[0].blocks)


def test_a_small_heading_set_well_above_its_text_is_still_a_heading():
    # RevTeX sets its section heads in capitals under 9 points, 2.4 body sizes above the text.
    head = text_line("I. FIRST-LEVEL HEADING", 50, 300, size=8.8, bold=True)
    body, _ = column(PROSE[:1], 50, 300, 333, size=10)
    doc = analyse("t", [page(head + body)])
    assert doc.to_text().split("\n\n")[0] == "I. FIRST-LEVEL HEADING"


def test_the_title_is_read_first_beside_a_column_of_authors_that_starts_lower():
    # ASME's journal style: author blocks down a narrow left column, the title and abstract
    # to their right, the title's top above the authors'.
    authors = text_line("Author Name", 60, 80, size=12, bold=True)
    authors += text_line("Department of Engineering", 60, 96, size=8)
    title = text_line("On the harbour", 220, 50, size=24, bold=True)
    abstract, y = column(PROSE[:1], 220, 330, 90, size=9, leading=11)
    body, _ = column(PROSE[1:3], 60, 490, y + 40, size=10)
    doc = analyse("t", [page(authors + title + abstract + body)])
    assert doc.to_text().split("\n\n")[0] == "On the harbour"


def test_a_paper_number_in_the_largest_type_is_not_the_title():
    number = text_line("IMECE2023-1234", 400, 60, size=14, bold=True)
    title = text_line("On harbours and their pilots", 150, 100, size=12, bold=True)
    body, _ = column(PROSE[:3], 50, 500, 140, size=10)
    doc = analyse("t", [page(number + title + body)])
    assert not [b for b in doc.pages[0].blocks if b.role is Role.TITLE and b.text == "IMECE2023-1234"]
    assert "On harbours and their pilots" in doc.to_text().split("\n\n")


def test_a_cover_page_without_prose_keeps_its_smaller_lines_in_the_text():
    # A thesis cover: a title, then a name and a date in smaller type low on the page. With no
    # prose in body type there is no body to set footnotes or notes apart from.
    title = text_line("The Suitability of Harbours", 150, 120, size=17, bold=True)
    name = text_line("Ricardo Langner", 300, 400, size=11)
    date = text_line("June 21, 2016", 300, 680, size=11)
    doc = analyse("t", [page(title + name + date)])
    assert doc.to_text().strip().split("\n\n")[-2:] == ["Ricardo Langner", "June 21, 2016"]


def test_a_smaller_bold_subtitle_on_a_cover_stays_in_the_text():
    # The title's type carries most characters of a cover; the bold subtitle under it is not a
    # small figure label, and the title over it does not become a note with it.
    title = text_line("Making books for the harbour press with many tools", 60, 130, size=22, bold=True)
    subtitle = text_line("Guidelines for authors", 60, 220, size=15, bold=True)
    doc = analyse("t", [page(title + subtitle)])
    paragraphs = doc.to_text().strip().split("\n\n")
    assert "Guidelines for authors" in paragraphs
    assert "Making books for the harbour press with many tools" in paragraphs


def test_a_closing_brace_is_text_a_row_of_dots_is_not():
    words = (text_line("int main() {", 72, 100) + text_line("return 0;", 90, 112)
             + text_line("}", 72, 124) + text_line("% ********", 72, 136)
             + text_line(". . . . . . . .", 72, 160))
    raw = page(words)
    blocks = analyse_page(raw, build_lines(raw.words)).blocks
    assert [b.role for b in blocks if b.text.startswith(".")] == [Role.ARTIFACT]
    body = " ".join(b.text for b in blocks if b.role is Role.BODY)
    assert "}" in body and "% ********" in body


def in_font(words, font):
    return [replace(w, font=font) for w in words]


def test_a_code_listing_in_small_type_is_text_not_a_footnote():
    body, y = column(PROSE[:2], 50, 500, 100)
    code = ["for (i = 0; i < n; i++) {", "total += weight[i] * value[i];", "}"]
    listing = [w for k, t in enumerate(code) for w in text_line(t, 60, 600 + 10 * k, size=8)]
    urls = (text_line("1 http://example.org/a/very/long/path/to/a/page.html", 50, 690, size=7)
            + text_line("2 https://example.net/another/long/path/to/a/page", 50, 699, size=7))
    for font, role in (("LMMono9-Regular", Role.BODY), ("Helvetica", Role.FOOTNOTE)):
        doc = analyse("t", [page(body + in_font(listing, font) + in_font(urls, "CMTT10"))])
        roles = {b.text[:8]: b.role for b in doc.pages[0].blocks}
        assert roles["for (i ="] is role
        assert roles["1 http:/"] is Role.FOOTNOTE  # web addresses in fixed pitch: a note


def author_grid_page(prose_share_lines: int):
    """A first page: title, a grid of names and affiliations in 11 pt, then 9 pt prose."""
    words = text_line("A Title in Large Type", 150, 60, size=20)
    for row in range(4):
        for col in range(3):
            x, y = 60 + 170 * col, 100 + 60 * row
            words += text_line(f"Author Name{row}{col}", x, y, size=11)
            words += text_line(f"Institute of Studies {row}{col}", x, y + 13, size=11)
            words += text_line(f"City of Somewhere {row}{col}", x, y + 26, size=11)
    prose, _ = column(PROSE[:prose_share_lines], 60, 490, 380, size=9, leading=11)
    return page(words + prose, number=0)


def test_a_page_whose_author_grid_outweighs_its_prose_takes_the_documents_body_size():
    text, _ = column(PROSE * 2, 60, 490, 80, size=9, leading=11)
    rest = [page(moved(text, page=n), number=n) for n in (1, 2)]
    doc = analyse("t", [author_grid_page(2), *rest])
    first = [p.text for p in doc.paragraphs if p.page == 0]
    assert PROSE[0] in first and PROSE[1] in first
    # Alone, the page has no document to learn from: its prose is set apart as small type.
    alone = analyse("t", [author_grid_page(2)])
    assert PROSE[0] not in body_text(alone)


def test_a_cover_in_large_type_keeps_its_own_body_size():
    # Little prose in the document's body type: the page is not analysed again.
    cover = page(text_line("The Annual Report", 100, 200, size=30)
                 + [w for k in range(6) for w in text_line(f"Chapter heading number {k}", 100, 300 + 20 * k, size=14)]
                 + text_line("Printed in the town of Somewhere by the printers.", 100, 600, size=9), number=0)
    second, _ = column(PROSE * 2, 60, 490, 80, size=9, leading=11)
    pages = [cover, page(moved(second, page=1), number=1)]
    roles = {b.text: b.role for b in analyse("t", pages).pages[0].blocks}
    assert roles == {b.text: b.role for b in analyse("t", pages[:1]).pages[0].blocks}


def test_lines_whose_font_draws_short_boxes_still_make_one_block():
    # A font with a misstated ascent: boxes 4.5 pt tall for 10 pt type, lines 15 pt apart.
    # Their boxes stand 10.5 pt apart, more than lines of a block do; their baselines do not.
    words = []
    for k, text in enumerate(["The first line of a paragraph set in such a font",
                              "goes on in the second line at the same leading",
                              "and ends in the third line of the paragraph."]):
        for w in text_line(text, 72, 100 + 15 * k):
            short = BBox(w.bbox.x0, w.bbox.top + 3.5, w.bbox.x1, w.bbox.top + 8.0)
            words.append(replace(w, bbox=short, baseline=w.bbox.top + 8.0))
    raw = page(words)
    blocks = [b for b in analyse_page(raw, build_lines(raw.words)).blocks if b.role is Role.BODY]
    assert len(blocks) == 1 and len(blocks[0].lines) == 3


def test_loosely_spaced_table_rows_are_not_taken_for_loose_running_text():
    # A caption over ten rows of short cells, 20 pt apart: no running text, so no regrouping
    # by the loose spacing of double-spaced pages, and the rows do not join the caption.
    words = text_line("TABLE I. Font commands of the class.", 72, 100, size=9)
    for k in range(10):
        words += text_line(f"\\cmd{k} effect{k}", 72, 120 + 20 * k, size=9)
    raw = page(words)
    blocks = analyse_page(raw, build_lines(raw.words)).blocks
    caption = [b for b in blocks if b.role is Role.CAPTION]
    assert len(caption) == 1 and caption[0].text == "TABLE I. Font commands of the class."


def _blocks_of(words):
    raw = page(words)
    return [b.text for b in analyse_page(raw, build_lines(raw.words)).blocks]


def test_a_line_reaching_far_left_over_a_column_is_a_block_of_its_own():
    # A journal's citation line set over the third column and reaching into the second: the
    # column's text under it, in the same type, starts 8 em further right and ends where the
    # line ends.
    cite = text_line("Harbour Review 2004;13:447-453. doi: 10.1136/hr.2003.006676", 300, 100)
    right = cite[-1].bbox.x1
    text = []
    lines = [
        "The harbour at the mouth of the river was never",
        "deep enough for the ships the council kept",
        "ordering, and every spring the pilots argued.",
    ]
    for k, line in enumerate(lines):
        tokens = line.split()
        ink = sum(len(t) * 5.0 for t in tokens)  # 0.5 em a character at 10 pt (helpers.geometry)
        space = (right - 380 - ink) / (len(tokens) - 1) if k < 2 else 3.0
        text += text_line(line, 380, 112 + 12 * k, space=space)
    blocks = _blocks_of(cite + text)
    assert cite_text(cite) in blocks
    assert not any(b.startswith(cite_text(cite)) and len(b) > len(cite_text(cite)) for b in blocks)


def test_a_label_hanging_before_its_paragraph_stays_with_it():
    # "Abstract" set out in the margin, the paragraph's text starting where its next lines
    # start: one block.
    label = text_line("Abstract", 50, 100)
    first = text_line("This is an example of a paper set with its abstract label in", 94, 100)
    rest, _ = column(["the margin and the text of the abstract wrapping under its start."], 94,
                     first[-1].bbox.x1 - 94, 112)
    blocks = _blocks_of(label + first + rest)
    assert blocks[0].startswith("Abstract This is an example") and "wrapping" in blocks[0]


def cite_text(words):
    return " ".join(w.text for w in words)


def test_a_bare_number_below_the_text_above_the_edge_band_is_the_page_number():
    # A thesis's wide bottom margin: the folio stands at 85% of the page's height, above the
    # band where running feet are looked for, below everything else.
    body, _ = column(PROSE[:2], 72, 450, 100, indent=15)
    folio = text_line("17", 300, 0.85 * 792)
    doc = analyse("t", [page(body + folio)])
    assert body_text(doc) == PROSE[:2]
    assert [b.role for b in doc.pages[0].blocks if b.text == "17"] == [Role.PAGE_NUMBER]


def test_a_number_ending_a_row_of_cells_at_the_foot_is_not_the_page_number():
    body, _ = column(PROSE[:2], 72, 450, 100, indent=15)
    row = text_line("Total depth in metres", 72, 0.85 * 792) + text_line("17", 400, 0.85 * 792)
    doc = analyse("t", [page(body + row)])
    assert all(b.role is not Role.PAGE_NUMBER for b in doc.pages[0].blocks)


def test_a_title_over_two_columns_does_not_take_the_right_column_first():
    # The right column's text starts a point higher than the left column's first heading,
    # right under the title, which overlaps both: the title, then the left column, then the
    # right one.
    title = text_line("Notes on Free Licences", 200, 66, size=20)
    head = text_line("1. On the object code", 57, 108, size=12)
    left, _ = column([PROSE[0]], 57, 230, 125)
    right, _ = column([PROSE[1]], 309, 230, 107, indent=12)
    doc = analyse("t", [page(title + head + left + right)])
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["Notes on Free Licences", "1. On the object code", PROSE[0], PROSE[1]]


def test_a_short_line_over_the_gutter_does_not_merge_two_columns():
    # A centred byline under the title, over the gutter between two columns of text: the
    # columns are still two, and the left one is read before the right one.
    title = text_line("Freedom to Share Programs", 150, 60, size=20)
    byline = text_line("A. Writer, Institute", 250, 95)
    left, _ = column(PROSE[:2], 57, 230, 120, indent=12)
    right, _ = column(PROSE[2:4], 309, 230, 120, indent=12)
    doc = analyse("t", [page(title + byline + left + right)])
    body = [p.text for p in doc.paragraphs if p.role is Role.BODY]
    assert body[-4:] == PROSE[:4]
    assert len(doc.pages[0].columns) == 2


def test_a_centred_byline_right_above_a_column_is_a_byline():
    # Title, centred byline, three columns: the left one opens with a heading, so the middle
    # column's text, going on from the left one, is the first text under the byline, which
    # stands just above it. The byline is left out all the same, and the paragraph runs on.
    title = text_line("Freedom to Share Programs", 90, 70, size=22)
    head = text_line("1. On the channel", 90, 176, size=13, bold=True)
    text = " ".join(PROSE[:2])
    left, _ = column([text], 90, 130, 200)
    cut = left[len(left) // 2].bbox.top
    middle = moved([w for w in left if w.bbox.top >= cut], 152, 176 - cut)
    left = [w for w in left if w.bbox.top < cut]
    byline = text_line("A. Writer, Institute", 255, 154)
    doc = analyse("t", [page(title + head + byline + left + middle)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["A. Writer, Institute"] is Role.AUTHOR
    assert text in [p.text for p in doc.paragraphs]


def test_a_centred_one_word_head_over_the_text_is_not_a_byline():
    title = text_line("Freedom to Share Programs", 90, 70, size=22)
    head = text_line("Samenvatting", 220, 150)
    text, _ = column([PROSE[0]], 90, 400, 170)
    doc = analyse("t", [page(title + head + text)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["Samenvatting"] is not Role.AUTHOR


def _with_display_line(text, italic):
    """Two paragraphs of body text, and ``text`` in 16 pt display type set between them."""
    top, y = column(PROSE[:1], 72, 300, 100)
    quote = text_line(text, 90, y + 10, 16.0, italic=italic)
    rest, _ = column(PROSE[1:2], 72, 300, y + 40)
    return analyse("t", [page(top + quote + rest)])


def test_a_passage_repeated_in_display_type_is_a_pull_quote_not_text():
    doc = _with_display_line("\u201cevery spring the pilots argued about where the channel\u201d", italic=False)
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["\u201cevery spring the pilots argued about where the channel\u201d"] is Role.PULL_QUOTE
    assert [p.text for p in doc.paragraphs] == PROSE[:2]


def test_a_pull_quote_cut_by_a_column_break_is_left_out_whole():
    # The quote's first lines end the left column, its last three words (too few to be told
    # a quote on their own) open the right one, in the same italic display type.
    left, y = column(PROSE[:1], 72, 220, 100)
    quote = text_line("every spring the pilots argued about", 80, y + 10, 16.0, italic=True)
    rest = text_line("where the channel", 320, 100, 16.0, italic=True)
    right, _ = column(PROSE[1:2], 312, 220, 130)
    doc = analyse("t", [page(left + quote + rest + right)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["where the channel"] is Role.PULL_QUOTE
    assert "where the channel" not in [p.text for p in doc.paragraphs]


def test_a_heading_that_its_text_repeats_is_still_a_heading():
    # Upright, no quotation marks: the title of a section, whatever its text goes on to say.
    doc = _with_display_line("every spring the pilots argued about where the channel", italic=False)
    assert "every spring the pilots argued about where the channel" in [p.text for p in doc.paragraphs]


def test_a_byline_set_left_over_the_text_is_a_byline():
    # "By" and a name, flush left under the title, right over the first paragraph.
    title = text_line("Harbours of the North", 50, 60, size=20)
    by = text_line("By Jane Doe and Tom Smith", 50, 100)
    body, _ = column(PROSE * 2, 50, 500, 130)
    doc = analyse("t", [page(title + by + body)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["By Jane Doe and Tom Smith"] is Role.AUTHOR
    assert "By Jane Doe and Tom Smith" not in doc.to_text()


def test_a_sentence_opening_with_by_under_the_title_is_text():
    title = text_line("Harbours of the North", 50, 60, size=20)
    lead = text_line("By Monday the channel of the river had moved again.", 50, 100)
    body, _ = column(PROSE * 2, 50, 500, 130)
    doc = analyse("t", [page(title + lead + body)])
    assert "By Monday the channel of the river had moved again." in doc.to_text()


def test_a_byline_under_a_deck_is_a_byline():
    # Headline, an italic deck in larger type, then "By ..." over the text: the deck ends the
    # walk for centred names, not the search for a byline opening with "By".
    title = text_line("Harbours of the North", 50, 60, size=20)
    deck = text_line("Why the channel moves and what it costs the town", 50, 90, size=13, italic=True)
    by = text_line("By Jane Doe and Tom Smith", 50, 112)
    body, _ = column(PROSE * 2, 50, 500, 136)
    doc = analyse("t", [page(title + deck + by + body)])
    assert "By Jane Doe and Tom Smith" not in doc.to_text()
    assert "Why the channel moves and what it costs the town" in doc.to_text()


def test_a_caption_opening_under_a_table_cell_starts_a_block_of_its_own():
    # The last cell of a table's first column, and one line under it, from the same left
    # edge, "Table 1: ..." (a line of one cell may otherwise grow into a wider line below it,
    # as a heading's last line does).
    from extractor.blocks import build_blocks
    from extractor.model import Line

    cell = Line.of(text_line("Apache-2.0", 90.1, 238.1, 11.0))
    caption = Line.of(text_line("Table 1: Projects by licence.", 90.1, 251.4, 11.0))
    assert [b.lines for b in build_blocks([cell, caption])] == [(cell,), (caption,)]
    # A line of text naming a table ("Table 1. They were ...") goes on with its paragraph.
    first = Line.of(text_line("The counts by licence family are in", 90.1, 238.1, 11.0))
    named = Line.of(text_line("Table 1. They were taken from the registry.", 90.1, 251.4, 11.0))
    assert len(build_blocks([first, named])) == 1


def test_a_line_naming_a_table_in_the_text_stays_in_its_paragraph():
    lines = column(["The counts of projects by licence family are in Table 1. They were taken from"
                    " the public registry in the spring and checked twice."], 90, 170, 100)[0]
    assert "in Table 1. They were" in analyse("t", [page(lines)]).to_text()


def test_a_byline_centred_over_the_gutter_above_a_column_is_a_byline():
    # Title, a byline centred on the page (over the gutter), then two columns: the left one
    # opens with a heading, the right one with text at the heading's height, right under
    # the byline's right half.
    title = text_line("Freedom to Share and Change Free Programs", 90, 80, size=24)
    by = text_line("A. Writer, Institute of Examples", 230, 154)
    head = text_line("1. Section on you", 90, 177, size=13, bold=True)
    left, _ = column(PROSE[:2], 90, 205, 194)
    right, _ = column(PROSE[2:4], 317, 205, 177)
    doc = analyse("t", [page(title + by + head + left + right)])
    roles = {b.text: b.role for b in doc.pages[0].blocks}
    assert roles["A. Writer, Institute of Examples"] is Role.AUTHOR

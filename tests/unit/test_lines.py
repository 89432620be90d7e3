"""lines.py: words -> lines, each heuristic where it must fire and where it must not."""

from __future__ import annotations

from dataclasses import replace

from extractor.lines import build_lines
from extractor.model import BBox
from helpers.geometry import column, moved, text_line, word


def texts(lines):
    return [ln.text for ln in lines]


def test_gutter_splits_a_row_into_two_lines():
    words = text_line("left column words here", 50, 100) + text_line("right column text", 320, 100)
    assert texts(build_lines(words)) == ["left column words here", "right column text"]


def test_ordinary_word_spaces_do_not_split():
    words = text_line("one two three four five six", 50, 100, space=3.0)
    assert texts(build_lines(words)) == ["one two three four five six"]


def test_narrow_gutter_found_as_a_river_down_the_page():
    # Gutter of 8 pt (0.8 em) between two columns; justified-looking spaces of 5 pt.
    left, _ = column(["alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"] * 3,
                     50, 150, 100)
    right, _ = column(["one two three four five six seven eight nine ten eleven twelve"] * 3,
                      208, 150, 100)
    lines = build_lines(left + right)
    assert all(ln.bbox.x1 <= 200 or ln.bbox.x0 >= 208 for ln in lines)


def test_wide_justified_space_inside_a_column_is_not_a_gutter():
    # One loose line with 9 pt spaces among tight lines: the lines around it have words there.
    above, y = column(["the harbour at the mouth of the river was never deep enough"] * 2, 50, 150, 100)
    loose = text_line("loose line set wide", 50, y, space=9.0)
    below, _ = column(["the harbour at the mouth of the river was never deep enough"] * 2, 50, 150, y + 12)
    lines = build_lines(above + loose + below)
    assert "loose line set wide" in texts(lines)


def test_superscript_rejoins_its_line():
    words = text_line("a footnote mark", 50, 100)
    mark = word("1", words[-1].bbox.x1 + 0.5, 99, size=6)
    rest = text_line("follows here", mark.bbox.x1 + 3, 100)
    assert texts(build_lines(words + [mark] + rest)) == ["a footnote mark 1 follows here"]


def test_small_line_below_is_not_absorbed():
    body = text_line("body text line", 50, 100)
    note = text_line("a note", 50, 113, size=6)
    assert texts(build_lines(body + note)) == ["body text line", "a note"]


def test_fake_bold_duplicates_are_dropped():
    words = text_line("bold heading", 50, 100)
    ghost = [word(w.text, w.bbox.x0 + 0.3, w.bbox.top) for w in words]
    assert texts(build_lines(words + ghost)) == ["bold heading"]


def test_fake_bold_copies_drawn_a_fraction_off_the_baseline_are_dropped_too():
    words = text_line("a longer bold heading of several words", 50, 100)
    ghost = [word(w.text, w.bbox.x0 + 0.3, w.bbox.top + 0.3) for w in words]
    assert texts(build_lines(words + ghost)) == ["a longer bold heading of several words"]


def test_same_word_on_another_line_is_kept():
    words = text_line("the end", 50, 100) + text_line("the end", 50, 112)
    assert texts(build_lines(words)) == ["the end", "the end"]


def test_letter_spaced_text_is_joined():
    letters = [word(ch, 50 + 9 * i, 700, size=8) for i, ch in enumerate("www.diva.ch")]
    assert texts(build_lines(letters)) == ["www.diva.ch"]


def test_letter_spacing_keeps_word_spaces():
    xs, out = 50.0, []
    for ch in "ab cd":
        if ch == " ":
            xs += 4
            continue
        out.append(word(ch, xs, 700, size=8))
        xs += 7
    assert texts(build_lines(out)) == ["ab cd"]


def test_spaced_digits_of_a_table_are_not_joined():
    cells = [word(d, 50 + 30 * i, 700) for i, d in enumerate("1234")]
    assert "1234" not in texts(build_lines(cells))


def test_rotated_words_become_their_own_lines():
    stamp = [word("arXiv:1601.03642v1", 10, 300, upright=False)]
    lines = build_lines(text_line("body", 50, 100) + stamp)
    assert sorted(texts(lines)) == ["arXiv:1601.03642v1", "body"]


def test_space_restored_at_a_tight_sentence_end():
    words = text_line("pets euthanized.These problems", 50, 100)
    assert texts(build_lines(words)) == ["pets euthanized. These problems"]


def test_space_restored_before_a_quote_and_after_a_math_letter():
    words = text_line("we ask:\u201cWhat is 5\U0001d70elevel now", 50, 100)
    assert texts(build_lines(words)) == ["we ask: \u201cWhat is 5\U0001d70e level now"]


def test_addresses_and_abbreviations_are_not_split():
    words = text_line("see www.example.com and e.g.The U.S.Army", 50, 100)
    assert texts(build_lines(words)) == ["see www.example.com and e.g.The U.S.Army"]


def test_bullet_stays_with_its_item_text():
    # Bullets in a column of their own: the white space after them runs down the list like
    # a gutter, yet each bullet belongs to its item.
    words = []
    for k, item in enumerate(["Cats are solitary hunters", "Cats are territorial", "Cats use scent"]):
        words += [word("•", 317, 100 + 12 * k)] + text_line(item, 331, 100 + 12 * k)
    assert texts(build_lines(words)) == [
        "• Cats are solitary hunters", "• Cats are territorial", "• Cats use scent"
    ]


def test_drop_cap_joins_the_first_word_beside_it():
    cap = word("O", 50, 100, size=30)
    lines = [text_line("ver the past three decades", 72, 102 + 12 * k) for k in range(3)]
    out = texts(build_lines([cap] + [w for ln in lines for w in ln]))
    assert out[0] == "Over the past three decades"
    assert "O" not in out


def test_drop_numeral_stands_alone():
    numeral = word("1", 50, 100, size=30)
    lines = [text_line("place where it can retreat", 72, 102 + 12 * k) for k in range(3)]
    out = texts(build_lines([numeral] + [w for ln in lines for w in ln]))
    assert "1" in out and out.count("place where it can retreat") == 3


def test_large_word_without_lines_beside_it_is_not_a_drop_cap():
    big = word("A", 50, 100, size=30)
    body = text_line("plain text far away", 300, 400)
    assert sorted(texts(build_lines([big] + body))) == ["A", "plain text far away"]


def test_contents_numbers_stay_with_their_entries():
    # A table of contents: chapter numbers in a column of their own, titles beside them.
    words = []
    for k, (num, title) in enumerate([("1", "Introduction"), ("2", "Structure handling"), ("3", "Utilities")]):
        words += text_line(num, 50, 100 + 12 * k) + text_line(title, 68, 100 + 12 * k)
    assert texts(build_lines(words)) == ["1 Introduction", "2 Structure handling", "3 Utilities"]


def test_a_number_far_from_the_next_column_is_not_a_label():
    left = text_line("ends with 2", 50, 100)
    right = text_line("right column text", 320, 100)
    assert texts(build_lines(left + right)) == ["ends with 2", "right column text"]


def _justified(rows: list[str], x0: float, width: float, top: float, pitch: float = 12.0):
    """Rows set flush on both sides from x0 to x0 + width, spaces stretched alike."""
    words = []
    for n, row in enumerate(rows):
        toks = row.split()
        ink = sum(len(t) * 5.0 for t in toks)  # the helpers' 0.5 em per character at 10 pt
        words += text_line(row, x0, top + n * pitch, space=(width - ink) / (len(toks) - 1))
    return words


def test_a_chance_river_of_loose_word_spaces_is_not_a_gutter():
    # A narrow justified column whose stretched spaces happen to line up (x 116-121 is blank
    # in every row), with ragged word edges on both sides of that river; staggered columns on
    # either side share no baselines with it.
    rows = ["harbours never quite deep", "ships whose pilots argued", "spoil heaps washed back",
            "quays were busier today", "bees dance when scouts"]
    middle = _justified(rows, 50, 140, 100)
    left = _justified(["other text set here now"] * 5, 230, 140, 106)
    lines = build_lines(middle + left)
    assert [t for t in texts(lines) if t in rows] == rows


def test_a_gutter_as_narrow_as_word_spaces_is_found_by_its_straight_edges():
    # Two justified columns 10 pt apart whose own spaces stretch to 10 pt as well: the
    # columns' edges run straight down the gap, so it is a gutter.
    left_rows = ["the harbour was never deep", "enough for the ships that", "the town council kept on",
                 "ordering and every spring", "the pilots argued about it", "where the channel moved"]
    right_rows = ["dredging was tried twice", "in the last century and", "abandoned both times once",
                  "for lack of money and once", "because the spoil heaps", "washed back within weeks"]
    left = _justified(left_rows, 50, 150, 100)
    right = _justified(right_rows, 210, 150, 100)
    lines = build_lines(left + right)
    assert texts(lines) == [t for pair in zip(left_rows, right_rows) for t in pair]
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(left, left[1:]) if b.bbox.top == a.bbox.top]
    assert max(gaps) >= 10.0  # some word spaces are as wide as the gutter


def test_the_stretched_space_of_a_justified_two_word_line_is_not_a_gutter():
    rows = ["the harbour was never deep", "enough ships", "for the ships that came in"]
    words = _justified(rows, 50, 130, 100)
    gap = words[6].bbox.x0 - words[5].bbox.x1
    assert gap > 40  # six font sizes: wider than any gutter rule allows by itself
    assert texts(build_lines(words)) == rows


def test_a_justified_line_of_three_long_words_stretched_evenly_is_one_line():
    # Capitals in a narrow measure: "IMPLIED WARRANTIES OF" stretched to the column's width,
    # its two spaces alike and each wider than any gutter rule allows by itself.
    rows = ["PROVIDED WITHOUT WARRANTY OF ANY", "IMPLIED WARRANTIES OF", "QUALITY AND PERFORMANCE OF THE"]
    words = _justified(rows, 50, 200, 100)
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(words[5:7], words[6:8])]
    assert min(gaps) > 40 and max(gaps) - min(gaps) < 0.01
    assert texts(build_lines(words)) == rows


def test_evenly_spaced_cells_of_a_table_still_split():
    # Rows of three cells as evenly spaced as a justified line's words, but the rows around
    # leave the same white space: a table, read cell by cell.
    rows = ["Harbour Dredging Council", "Quayside Shipping Pilots", "Mooring Lighthouse Ledger"]
    words = [w for n, row in enumerate(rows)
             for w in text_line(row, 50, 100 + 12 * n, space=50.0)]
    assert texts(build_lines(words)) == [t for row in rows for t in row.split()]


def test_a_wide_gap_with_gaps_above_and_below_still_splits():
    # A table: every row has its blank at the same place, so the wide gap is a gutter.
    rows = [text_line("Harbour", 50, 100 + 12 * n) + text_line(f"{n}42 ships", 160, 100 + 12 * n)
            for n in range(4)]
    lines = build_lines([w for row in rows for w in row])
    assert texts(lines)[:2] == ["Harbour", "042 ships"]


def _columns_under_a_spanning_line(gutter: float) -> list:
    """A caption across both columns, two headings on one row under it, and two columns whose
    first lines share a baseline (their later lines do not: the columns' leading differs)."""
    caption = text_line("Figure 1: the quay at low tide seen from the lighthouse", 120, 78, size=9)
    heads = text_line("ABSTRACT", 50, 93, size=11) + text_line("KEYWORDS", 300 + gutter, 93, size=11)
    left, _ = column(["a clear and well documented page is presented as an article formatted for"
                      " publication in the proceedings of a conference"], 50, 250, 108, size=9, leading=11)
    right, _ = column(["datasets neural networks gaze detection text tagging and more words here"
                       " to fill the column"], 300 + gutter, 250, 108, size=9, leading=13)
    return caption + heads + left + right


def test_columns_starting_under_a_line_across_them_are_split_at_their_gutter():
    # The lines under the first row stop short of the gutter; the nearest line across it (the
    # headings' row) leaves it free; the caption further up covers it and must not decide.
    lines = build_lines(_columns_under_a_spanning_line(gutter=24))
    assert not [ln.text for ln in lines if ln.bbox.x0 < 300 < ln.bbox.x1 and ln.bbox.top > 100]


def test_a_wide_space_under_lines_with_words_over_it_is_not_split():
    # A paragraph's last line with one wide space; the nearest line above reaches over it with
    # a word there (a space, not a gutter), and nothing below reaches across.
    above, y = column(["harbour pilots argued every spring about where the channel had moved"] * 3,
                      50, 400, 100, size=10, leading=12)
    line = text_line("where", 50, y) + text_line("it had moved.", 95, y)
    lines = build_lines(above + line)
    assert "where it had moved." in texts(lines)


def test_a_contents_entry_keeps_its_page_number_across_the_leader_gap():
    # "1 General hints . . . . 3": the page numbers stand in a column of their own, two font
    # sizes right of the leaders' end, line after line, as a gutter would.
    words = []
    for k, (title, number) in enumerate([("1 General hints", "3"), ("2 Bibliography", "15"), ("3 Index", "iv")]):
        top = 100 + 14 * k
        entry = text_line(title, 50, top)
        dots = text_line(" ".join(["."] * 12), entry[-1].bbox.x1 + 5, top, space=3)
        words += entry + dots + text_line(number, 300, top)
    lines = texts(build_lines(words))
    assert [ln.split()[-1] for ln in lines] == ["3", "15", "iv"] and len(lines) == 3


def test_a_number_after_one_full_stop_is_still_split_off_at_a_gutter():
    words = text_line("the harbour closed at the end of the season.", 50, 100) + text_line("12", 320, 100)
    assert texts(build_lines(words)) == ["the harbour closed at the end of the season.", "12"]


def test_words_drawn_at_one_place_come_out_in_one_order():
    a = word("ab", 100, 100)
    b = word("cd", 100, 100)  # the same place (fake bold, or a generator's overlay)
    up_a, up_b = (word(w.text, 300, w.bbox.top, upright=False) for w in (a, b))
    for words in ([a, b, up_a, up_b], [b, a, up_b, up_a]):
        assert [ln.text for ln in build_lines(words)] == ["ab cd", "ab cd"]


def _row(left: str, right: str, y: float) -> list:
    """A line of ``left`` from x=50 and ``right`` from x=169, word spaces of 5 pt ("the survey
    took data." ends at 155: a gap of 14 pt, 2.8 word spaces, before the right part)."""
    return text_line(left, 50, y, space=5.0) + text_line(right, 169, y, space=5.0)


def test_a_stretched_space_after_a_full_stop_is_not_a_gutter():
    # A loose justified line stretches the space after "data." most (2.8 word spaces); the
    # lines above and below happen to have a space there too, but two lines are no column.
    words = _row("the boats went out", "and came home", 100)
    words += _row("the survey took data.", "Our boats came back late.", 112)
    words += _row("the boats went out", "and came home", 124)
    assert "the survey took data. Our boats came back late." in texts(build_lines(words))


def test_a_narrow_gutter_after_a_full_stop_is_still_a_gutter():
    # The same gap with a column edge along it for six lines: a gutter, sentence end or not.
    rows = [("the boats went out", "Rain came at noon.")] * 3
    rows += [("the survey took data.", "Our boats came back late.")]
    rows += [("the boats went out", "Rain came at noon.")] * 3
    words = [w for k, (a, b) in enumerate(rows) for w in _row(a, b, 100 + 12 * k)]
    assert "the survey took data." in texts(build_lines(words))


def _spread(first: str, second: str, y: float, left: float = 90.0, right: float = 219.0) -> list:
    """Two words set from ``left`` to ``right``: a justified line of a narrow column."""
    a = text_line(first, left, y)
    b = text_line(second, 0, y)
    width = b[-1].bbox.x1 - b[0].bbox.x0
    return a + text_line(second, right - width, y)


def test_stretched_lines_of_two_words_in_a_row_stay_whole():
    # A narrow justified column of long words: two lines in a row hold two words each,
    # stretched to both edges; the full lines around them show the column.
    words = text_line("DAMAGES, INCLUDING ANY", 90, 100, space=(219 - 90 - 5.0 * 20) / 2)
    words += _spread("GENERAL,", "SPECIAL,", 112)
    words += _spread("INCIDENTAL", "OR", 124)
    words += text_line("CONSEQUENTIAL DAMAGES", 90, 136, space=219 - 90 - 5.0 * 20)
    lines = texts(build_lines(words))
    assert "GENERAL, SPECIAL," in lines and "INCIDENTAL OR" in lines


def test_rows_of_two_cells_are_not_taken_for_stretched_lines():
    rows = [("Licence", "Share"), ("GPL", "41%"), ("Apache", "31%"), ("MIT", "12%")]
    words = [w for k, (a, b) in enumerate(rows) for w in _spread(a, b, 100 + 12 * k)]
    lines = texts(build_lines(words))
    assert "Licence" in lines and "41%" in lines


def _justify_words(texts, x0, x1, top, size=10.0):
    """Words of ``texts`` justified from ``x0`` to ``x1`` (each 0.5 em per character)."""
    widths = [len(t) * 0.5 * size for t in texts]
    gap = (x1 - x0 - sum(widths)) / (len(texts) - 1)
    out, x = [], x0
    for t, w in zip(texts, widths):
        out.append(word(t, x, top, size))
        x += w + gap
    return out


def test_two_words_stretched_apart_beside_a_sidebar_stay_one_line():
    # A narrow measure (227-286) beside a boxed sidebar set in larger type on the left, on
    # nearly the same baselines: justification stretches the lines of two words to gaps of
    # two ems, which are word spaces all the same (the first line is indented).
    words = [
        *_justify_words(["You", "are", "not"], 238, 286, 600),
        *_justify_words(["required", "to"], 227, 286, 612),
        *_justify_words(["accept", "this"], 227, 286, 624),
        *_justify_words(["License", "in"], 227, 286, 636),
        *text_line("In brief: a licence", 60, 601, 12.0),
        *text_line("grants permissions.", 60, 615, 12.0),
        *text_line("Keep it with copies.", 60, 629, 12.0),
    ]
    texts = [ln.text for ln in build_lines(words)]
    assert "accept this" in texts and "required to" in texts and "License in" in texts



def test_headings_side_by_side_under_a_headline_are_split_at_the_gutter():
    # Two columns' headings on one baseline, under a headline in display type that runs
    # across the gutter: the headline is no evidence that the gap between them is a space.
    from helpers.geometry import PROSE

    title = text_line("Notes on Free Licences", 150, 60, size=20)
    h1 = text_line("1. On combined and related", 57, 100, size=11, bold=True)
    x = h1[-1].bbox.x1 + 38
    h2 = text_line("2. On you and related terms", x, 100, size=11, bold=True)
    left, _ = column(PROSE[:1], 57, x - 22 - 57, 124)
    right, _ = column(PROSE[1:2], x, x - 22 - 57, 124)
    texts = [ln.text for ln in build_lines(title + h1 + h2 + left + right)]
    assert "1. On combined and related" in texts and "2. On you and related terms" in texts


def test_a_two_word_line_under_a_line_with_its_own_wide_space_stays_whole():
    # A narrow justified column (90-219, 9 pt) beside another, as a word processor set it:
    # "any section Entitled" has a wide space of its own, not lined up with the one of
    # '"Acknowledgements" or' under it: no gutter runs down there.
    from extractor.model import BBox, Word

    def at(text, x0, x1, baseline, size=9.0):
        return Word(text, BBox(x0, baseline - 7.2, x1, baseline + 1.8), "Helvetica", size, baseline=baseline)

    rows = {
        235.1: [("Modify", 90.1, 110.6), ("the", 114.4, 121.4), ("Document", 125.3, 144.3),
                ("but", 148.2, 189.8), ("for", 193.7, 202.5), ("all", 206.3, 218.9)],
        247.0: [("any", 90.1, 103.1), ("section", 134.1, 159.5), ("Entitled", 190.6, 219.0)],
        258.9: [("\u201cAcknowledgements\u201d", 90.1, 168.8), ("or", 211.5, 219.0)],
        270.8: [("\u201cDedications\u201d,", 90.1, 142.6), ("Preserve", 145.1, 176.0), ("the", 178.5, 189.5),
                ("Title", 192.0, 208.9), ("of", 211.4, 218.9)],
    }
    words = []
    for baseline, row in rows.items():
        words += [at(t, x0, x1, baseline) for t, x0, x1 in row]
        words += [at("infringement", 241.6, 288.0, baseline), at("under", 300.5, 321.0, baseline),
                  at("applicable", 333.6, 370.4, baseline)]
    texts = [ln.text for ln in build_lines(words)]
    assert "\u201cAcknowledgements\u201d or" in texts


def test_a_line_never_runs_across_the_side_of_a_box_framing_another_story():
    # Caps justified text (spaces stretched to two ems) ending at x=374 beside a framed story
    # in 12 pt starting 11 points further right, as a page layout program sets two stories:
    # where a line of each shares a baseline, the frame's side between them splits the row,
    # whose gap, narrower than the caps line's own spaces, reads as a word space otherwise.
    from extractor.model import BBox

    rows = ["IN NO EVENT UNLESS REQUIRED", "BY APPLICABLE LAW OR AGREED", "TO IN WRITING WILL ANY",
            "COPYRIGHT HOLDER OR ANY", "OTHER PARTY WHO MAY MODIFY", "AND OR CONVEY THE PROGRAM",
            "AS PERMITTED ABOVE BE", "LIABLE TO YOU FOR DAMAGES"]
    words = []
    for k, row in enumerate(rows):
        words += _justify_words(row.split(), 227, 374.2, 100 + 10.4 * k, 9.0)
    for k in range(6):
        words += text_line("redistribute it under", 385.5, 101.2 + 13.8 * k, 12.0)
    frame = BBox(381, 90, 540, 200)
    with_frame = [ln.text for ln in build_lines(words, (frame,))]
    assert all(t in rows or t == "redistribute it under" for t in with_frame)


def test_a_gutter_beside_lines_that_do_not_line_up_is_found_by_the_columns_edges():
    # Two justified columns 23 pt apart whose baselines do not line up above the row tested
    # (few lines reach across the gutter there); on that row the left column's three words
    # are stretched to 18 pt spaces, as wide nearly as the gutter. The lines beside stop
    # exactly at the columns' edges: the gap is the gutter, and the row splits there.
    left_rows = [
        "the harbour was never quite deep", "enough for the ships that the",
        "town council kept on ordering", "meadow, deliberately reshaped by",
        "the pilots who argued each spring", "about where the channel moved",
    ]
    right_rows = [
        "dredging was tried twice in the", "last century and abandoned both",
        "times once for lack of money and", "once because the spoil heaps on",
        "the beach washed back within the", "weeks of a single winter storm",
    ]
    left = _justified(left_rows, 50, 200, 100)
    right = [w for n, row in enumerate(right_rows)
             for w in _justified([row], 273, 200, (106 + 12 * n) if n < 3 else 100 + 12 * n)]
    lines = build_lines(left + right)
    assert "meadow, deliberately reshaped by" in texts(lines)
    assert "once because the spoil heaps on" in texts(lines)


def test_the_columns_edges_rule_is_kept_for_gaps_between_words_of_text():
    # Labels and figures line up at column-like edges too (a contents page, a table's cells):
    # the gap after "D" in "D  Other useful commands" or after "4.7" is no gutter by that rule.
    from extractor.lines import _between_words

    def pair(a: str, b: str) -> bool:
        return _between_words(word(a, 0, 0), word(b, 50, 0))

    assert pair("by", "Records") and pair("to", "had")
    assert not pair("D", "Other") and not pair("4.7", "Other") and not pair("2,00", "37,50")


def test_columns_starting_right_under_a_title_in_display_type_split_at_their_gutter():
    # An 18 pt title spans the page; the two columns start right under it, the first line of
    # the left one running to 23 pt (2.3 em of the 10 pt text) from the right one: the title
    # has words over that gap, the lines below leave it free. It is the gutter.
    title = text_line("Merchants Ledgers and the Northern Trade", 50, 60, size=18)
    left = [
        "By 1915 merchants had simplified", "more than five thousand of", "the contracts of the guild"
    ]
    right = [
        "agreement on whether the guild", "transformed the cargo ships or", "merely overhauled the trade"
    ]
    first = text_line(left[0], 50, 90)
    gutter = first[-1].bbox.x1 + 23
    words = list(title)
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        words += text_line(a, 50, 90 + 14 * n) + text_line(b, gutter, 90 + 14 * n)
    assert any(w.bbox.x0 < gutter and w.bbox.x1 > gutter - 23 for w in title)  # over the gap
    assert texts(build_lines(words))[1:3] == [left[0], right[0]]


def test_the_last_row_of_two_columns_over_a_footnote_splits_at_their_gutter():
    # Two justified columns 30 pt apart (3 em) end over a footnote in 8 pt type that runs
    # across the page; the last row's left line stops 0.2 pt short of its column's edge. The
    # footnote is looked past, the rows above leave the gap free: the row splits there.
    rows = [
        ("the harbour board met in the spring", "to weigh the cost of the dredging"),
        ("and the pilots argued about where", "the channel had moved since then"),
    ]
    words = []
    for n, (a, b) in enumerate(rows):
        words += _justified([a], 50, 200, 100 + 12 * n) + _justified([b], 280, 200, 100 + 12 * n)
    words += _justified(["and so it went on for a year or two"], 50, 199.8, 124)
    words += text_line("until the winter", 280, 124)
    note = "1 See the minutes of the board for the spring of that year and the next"
    words += text_line(note, 50, 150, size=8)
    assert "until the winter" in texts(build_lines(words))


def test_columns_under_a_title_split_when_a_ragged_line_below_runs_past_the_first():
    # As above, but the second row's left half runs 2 pt further right than the first's (a
    # ragged right edge): the gap is still free at the probes, 3 pt inside its edges.
    title = text_line("Merchants Ledgers and the Northern Trade", 50, 60, size=18)
    first = text_line("By 1915 merchants had simplified", 50, 90)
    gutter = first[-1].bbox.x1 + 28
    words = [*title, *first, *text_line("agreement on whether the guild", gutter, 90)]
    second = text_line("more than five thousand of the", 50, 104)
    words += moved(second, dx=first[-1].bbox.x1 + 2 - second[-1].bbox.x1)
    words += text_line("transformed the cargo ships or", gutter, 104)
    words += text_line("the contracts of the guild", 50, 118)
    words += text_line("merely overhauled it", gutter, 118)
    got = texts(build_lines(words))[1:3]
    assert got == ["By 1915 merchants had simplified", "agreement on whether the guild"]


def test_the_last_row_over_a_footnote_splits_where_the_rows_above_hold_one_column_each():
    # The columns' baselines do not line up above the last row (each row above holds one
    # column's words), so one line only reaches across the gutter there; the rows beside it
    # leave it free, and a footnote in 8 pt type under them spans it.
    words = text_line("the rows of the left column", 50, 100)
    words += text_line("and the right", 280, 100)
    words += text_line("set on a grid of its own", 280, 106)
    words += text_line("here in the left one", 50, 112)
    words += text_line("and on the right", 280, 118)
    words += text_line("mint deliberately rather than financing the", 50, 130)  # to 255
    words += text_line("mostly from scribes.", 280, 130)
    note = "1 See the customs rolls of 1384, folio 12, for the full list of tolls."
    words += text_line(note, 50, 150, size=8)
    assert "mostly from scribes." in texts(build_lines(words))


def _narrow_columns(left_rows, right_rows, *, indent_row: int | None = None, top: float = 100.0):
    """Two justified columns 120 pt wide, 11 pt apart (1.1 em of the 10 pt text): a gutter
    narrower than some rows' stretched word spaces. The right column's row ``indent_row``
    opens a paragraph, indented 10 pt."""
    words = []
    for n, (a, b) in enumerate(zip(left_rows, right_rows, strict=True)):
        y = top + 12 * n
        words += _justify_words(a.split(), 50, 170, y)
        shift = 10 if n == indent_row else 0
        words += _justify_words(b.split(), 181 + shift, 301, y)
    return words


# Rows 0 and 2 of the left column have spaces stretched to 12.5 and 16.7 pt.
_LEFT = ["This bakery, steadily", "documented by the bakers, now", "expands by far of",
         "the customers in the old town", "square. The result was a great",
         "costly proofing room for the"]
_RIGHT = ["nothing more than the loaves", "and a small notebook to keep", "By contrast, the bakers",
          "reshaped the harvest as they", "quickly rather than the other",
          "bread market of old Amina"]


def test_narrow_columns_starting_under_a_heading_split_at_their_gutter():
    # A 14 pt heading runs across both columns right above them: it spans their gutter, which
    # says nothing about it; the rows below leave the gutter free at the columns' edges.
    heading = text_line("Bakery Reopens After the Flood", 50, 78, size=14)
    lines = texts(build_lines(heading + _narrow_columns(_LEFT, _RIGHT, indent_row=2)))
    assert lines[1:3] == [_LEFT[0], _RIGHT[0]]


def test_a_row_under_a_heading_ending_in_a_one_letter_word_splits_at_the_gutter():
    # As above, the left column's first row ending in "a" (no word of text by the rule that
    # tells labels from words): the left column's edge running down along the gap below the
    # heading shows the gutter all the same.
    heading = text_line("Bakery Reopens After the Flood", 50, 78, size=14)
    left = ["The result was a", *_LEFT[1:]]
    right = ["harbour quarter protected its", *_RIGHT[1:]]
    lines = texts(build_lines(heading + _narrow_columns(left, right, indent_row=2)))
    assert lines[1:3] == [left[0], right[0]]


def test_a_row_under_a_heading_whose_right_column_opens_with_a_figure_splits_at_the_gutter():
    # As above, the right column's first row opening with a figure that a word in lower case
    # follows ("1,200 loaves"): running text, not a table's figure, so the heading over the
    # gutter is looked past as for a word.
    heading = text_line("Bakery Reopens After the Flood", 50, 78, size=14)
    right = ["1,200 loaves, and a great deal", *_RIGHT[1:]]
    lines = texts(build_lines(heading + _narrow_columns(_LEFT, right, indent_row=2)))
    assert lines[1:3] == [_LEFT[0], right[0]]


def test_the_first_row_under_a_figure_caption_across_the_columns_splits_at_the_gutter():
    # An 8 pt caption runs across both columns right above them (9.5 pt, ragged, 13.3 pt
    # apart: two rows below it within reach); it spans their gutter, as a title does, and says
    # nothing about it. The rows below leave a band of the 31 pt gap free (the ragged left
    # column's second row reaches 5 pt into it).
    caption = "Figure 1: Daily output of the communal oven, 1911 to 1938, in loaves per baking day, with the range"
    words = text_line(caption, 63, 100, size=8)
    left = ["The small-scale mill in the market square", "the apprentices that had questioned it all",
            "for several months. The result was"]
    right = ["Some millers argue that a recipe", "the wood-fired oven, while others",
             "point to the market square as a"]
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        words += text_line(a, 96, 122 + 13.3 * n, size=9.5) + text_line(b, 310, 122 + 13.3 * n, size=9.5)
    assert texts(build_lines(words))[1:3] == [left[0], right[0]]


def _measured(text: str, x0: float, x1: float, top: float, size: float):
    """A word whose box runs from x0 to x1 as measured, not as the helpers' widths have it."""
    w = word(text, x0, top, size)
    return replace(w, bbox=BBox(x0, w.bbox.top, x1, w.bbox.bottom))


def _placed(rows: list[tuple[float, float, str]]) -> list:
    """Words at their measured places: (baseline, size, "text x0 x1 text x0 x1 ...") a row."""
    words = []
    for baseline, size, spec in rows:
        items = spec.split()
        for text, x0, x1 in zip(items[::3], items[1::3], items[2::3], strict=True):
            words.append(_measured(text, float(x0), float(x1), baseline - 0.8 * size, size))
    return words


def test_the_second_row_under_a_figure_caption_splits_at_the_gutter_too():
    # Measured on a page set in TeX Gyre Pagella: an 8 pt caption across two ragged columns;
    # the first row under it splits at the gutter (310), and so must the second, whose left
    # line ends short ("wood-" at 273) while the rows around reach 282 and the right column
    # stops a row below (a paragraph's end): one row below shows the gutter, and the row
    # above between it and the caption.
    words = _placed([
        (542.3, 8.0, "Figure 62.7 83.5 1: 85.5 91.5 Daily 93.5 111.6 output 113.6 135.3 of 137.3 143.1 "
         "the 145.1 154.7 Ashby 156.7 177.3 communal 179.3 213.2 oven, 215.2 232.2 1911 234.2 250.2 "
         "to 252.2 258.3 1938, 260.3 278.3 in 280.3 286.9 loaves 288.9 308.2 per 310.2 320.4 "
         "baking 322.4 343.9 day 345.9 357.5 (grey 359.5 377.3 band 379.3 395.0 shows 397.0 416.4 "
         "the 418.4 428.0 range 430.0 447.8 across 449.8 469.4 seasons). 471.4 501.0"),
        (564.3, 9.5, "Without 62.7 97.5 the 99.8 113.2 grain 115.5 137.6 stores, 140.0 166.7 "
         "bakers 169.1 196.6 in 199.0 207.3 the 209.6 222.9 old 225.3 239.1 guild 241.5 263.8 "
         "hall 266.1 281.9 group 310.4 336.2 of 338.6 346.9 guild 349.3 371.6 members 374.0 412.9 "
         "began 415.3 440.5 to 442.9 451.0 survey 453.4 481.8 the 484.2 497.5"),
        (577.6, 9.5, "would 62.7 89.7 have 92.1 111.6 had 114.0 130.0 little 132.4 151.4 "
         "reason 153.8 181.6 to 184.0 192.1 monitor 194.5 228.3 the 230.7 244.0 wood- 246.4 273.2 "
         "kneading 310.4 349.8 trough 352.2 380.8 with 383.2 402.6 nothing 405.0 437.8 "
         "more 440.2 462.1 than 464.5 483.5 flour 485.9 506.3 sacks 508.7 531.1"),
        (590.9, 9.5, "fired 62.7 82.5 oven 84.9 104.9 at 107.3 115.2 all. 117.5 130.2 The 132.6 148.5 "
         "coherent 150.8 187.3 bakery 189.6 218.6 in 220.9 229.2 the 231.6 244.9 old 247.2 261.0 "
         "and 310.4 326.5 a 328.9 333.6 notebook. 336.0 377.5"),
        (604.2, 9.5, "guild 62.7 85.0 hall 87.4 103.2 challenged 105.6 151.1 the 153.5 166.8 "
         "apprentices 169.2 217.8 that 220.2 236.8 customers 239.2 281.9"),
        (609.9, 9.5, "Most 310.4 331.5 of 333.9 342.3 the 344.6 358.0 recipes 360.3 389.9 (37 392.3 406.1 "
         "percent, 408.5 442.2 by 444.6 454.9 one 457.2 472.5 count) 474.9 503.0 were 505.3 525.7"),
    ])
    lines = texts(build_lines(words))
    assert "would have had little reason to monitor the wood-" in lines
    assert "kneading trough with nothing more than flour sacks" in lines


def test_a_row_under_a_heading_ending_a_paragraph_short_splits_at_the_gutter():
    # The second row under the heading: the left column's line stretched ("expands by far
    # of"), the right one's the short last line of a paragraph: still the gutter.
    heading = text_line("Bakery Reopens After the Flood", 50, 78, size=14)
    words = heading + _narrow_columns(_LEFT[:1], _RIGHT[:1])
    words += _justify_words(_LEFT[2].split(), 50, 170, 112) + text_line("the old bakers.", 181, 112)
    for n in range(2, 5):  # the rows below, from the fourth of the columns' texts
        words += _justify_words(_LEFT[n + 1].split(), 50, 170, 100 + 12 * n)
        words += _justify_words(_RIGHT[n + 1].split(), 181, 301, 100 + 12 * n)
    lines = texts(build_lines(words))
    assert _LEFT[2] in lines and "the old bakers." in lines


def test_a_gap_taking_in_the_next_columns_indent_is_still_their_gutter():
    # The right column opens a paragraph on row 2 ("By contrast"): the gap there is the gutter
    # and the indent, 21 pt, hardly wider than the row's stretched spaces; its start is free
    # down the page and the right column's edge runs inside it.
    lines = texts(build_lines(_narrow_columns(_LEFT, _RIGHT, indent_row=2)))
    assert lines == [t for pair in zip(_LEFT, _RIGHT, strict=True) for t in pair]


def test_an_overfull_line_running_into_the_margin_is_not_split():
    # Boxes of a justified page (10 pt type at 11.72 pt) whose lines end at x 450-451 and whose
    # spaces line up by chance past it; one line runs 35 pt into the margin ("of a"), its
    # words after the space starting where the others' words do, not indented from them.
    rows = [
        [("apply", 403.1, 432.6), ("in", 440.7, 450.9), ("cases", 459.0, 485.6)],
        [("citizenship", 393.7, 450.1), ("of", 459.7, 470.0), ("a", 479.7, 485.6)],
        [("primarily", 355.3, 404.3), ("as", 412.5, 423.3), ("the", 431.5, 447.9),
         ("result", 456.1, 485.6)],
        [("payment,", 379.9, 428.4), ("or", 438.6, 449.6), ("other", 458.3, 485.6)],
        [("cases", 398.9, 425.5), ("where", 431.1, 463.5), ("the", 469.1, 485.6)],
    ]
    words = [
        _measured(text, x0, x1, 100 + 18 * n, 11.72)
        for n, row in enumerate(rows)
        for text, x0, x1 in row
    ]
    assert "citizenship of a" in texts(build_lines(words))


def test_two_word_lines_stretched_in_a_row_beside_another_column_stay_whole():
    # A narrow justified column (x 312-442) with two lines of two words each in a row, their
    # spaces stretched to 50 pt; the next column's lines share their baselines. The line below
    # is stretched the same way: no evidence of a gutter in "redesigned  almost".
    middle = ["wrote that the mill had been", "redesigned almost", "everything bakers",
              "believed about the old mill"]
    right = ["the harbour board met in the", "spring to weigh the cost of",
             "dredging the channel for", "the ships that came in late"]
    words = []
    for n, (a, b) in enumerate(zip(middle, right, strict=True)):
        words += _justify_words(a.split(), 312, 442, 100 + 12 * n)
        words += _justify_words(b.split(), 453, 563, 100 + 12 * n)
    lines = texts(build_lines(words))
    assert "redesigned almost" in lines and "everything bakers" in lines


def test_two_cells_of_a_table_in_a_measure_are_no_line_of_running_text():
    # Beside another column's words on the same baseline, two words in the measure are taken
    # for a stretched line of text only when the second one is in lower case.
    from extractor.gutters import RiverFinder

    def two(first: str, second: str) -> bool:
        row = [word(first, 312, 100), word(second, 400, 100), word("dredging", 453, 100)]
        return RiverFinder([row])._two_words(0, 312, 442, 1.0)

    assert two("everything", "bakers")
    assert not two("Troff", "Manual") and not two("10.0", "7.0") and not two("\\PracTeX:", "ok")


def test_a_heading_over_a_narrow_column_is_no_evidence_for_a_river_of_word_spaces():
    # x = 120 is free in the two body lines and in the heading above them: three lines, as a
    # gutter as narrow as word spaces needs, but the heading's spaces (twice the body type)
    # say nothing about the body's. Type a little larger (13 pt: body text beside a code
    # listing's lines) still counts.
    from extractor.gutters import RiverFinder

    def free_at_120(heading_size: float, body_rows: int) -> bool | None:
        heading = [word("Bakery", 60, 60, heading_size), word("Reopens", 125, 60, heading_size)]
        body = [[word("What", 60, 100 + 12 * n), word("changed", 125, 100 + 12 * n)]
                for n in range(body_rows)]
        finder = RiverFinder([heading, *body])
        return finder._free(list(range(body_rows + 1)), 120.0, strict=True, size=10.0)

    assert not free_at_120(20.0, 2)
    assert free_at_120(13.0, 2)
    assert free_at_120(20.0, 3)


def test_a_column_rule_parts_a_row_however_narrow_the_gutter():
    # One row across two columns 8 pt apart, no other lines to show the gutter: a rule drawn
    # down the gutter parts it; a short rule (a table cell's side) says nothing of columns.
    left = text_line("the harbour was never deep", 50, 100)
    right = text_line("dredging was tried twice", left[-1].bbox.x1 + 8, 100)
    mid = left[-1].bbox.x1 + 4
    tall = BBox(mid, 40, mid, 400)
    short = BBox(mid, 90, mid, 120)
    parted = texts(build_lines(left + right, (tall,)))
    assert parted == ["the harbour was never deep", "dredging was tried twice"]
    assert len(build_lines(left + right, (short,))) == 1
    assert len(build_lines(left + right)) == 1


_SHORT_LEFT = ["the harbour board met every", "spring to weigh the costs", "of the dredging works and",
               "then it went home at all.", "Nobody kept the records of", "the pilots who argued on"]


def _beside_a_short_last_line(third: str, *, indent: float, justified: bool) -> list[str]:
    """The lines of two columns 11 pt apart, the left one justified but for its fourth row,
    a paragraph's short last line ("then it went home at all."); beside it the right column's
    fourth row is ``third``, set in by ``indent``, the right column justified or ragged."""
    right = ["dredging was tried twice in", "the last century and then",
             "abandoned for lack of the", third, "town council tried it once",
             "more and gave it up again"]
    words = []
    for n, (a, b) in enumerate(zip(_SHORT_LEFT, right, strict=True)):
        y = 100 + 12 * n
        words += text_line(a, 50, y) if n == 3 else _justify_words(a.split(), 50, 180, y)
        x0 = 191 + (indent if n == 3 else 0)
        words += _justify_words(b.split(), x0, 321, y) if justified else text_line(b, x0, y)
    return texts(build_lines(words))


def test_a_short_last_line_beside_an_indented_first_line_splits_at_the_gutter_between():
    # On row 3 the left column's paragraph ends short and the right one's next paragraph opens
    # indented 10 pt: the gap is wider than the gutter on both sides, but a band down its
    # middle is free in every line, the columns' edges on both sides of it.
    lines = _beside_a_short_last_line("In the new century the", indent=10, justified=False)
    assert "then it went home at all." in lines and "In the new century the" in lines


def test_a_short_last_line_beside_an_indented_stretched_line_splits_at_the_gutter_between():
    # As above, both columns justified: the indented line of three words is stretched to
    # spaces as wide as the gap, which after a full stop makes it no wider than a word space.
    lines = _beside_a_short_last_line("According to Jonas", indent=10, justified=True)
    assert "then it went home at all." in lines and "According to Jonas" in lines


def test_a_short_last_line_beside_a_stretched_line_splits_at_the_gutter():
    # As above, the right column's line not indented: the gap is wider than the gutter on its
    # left side only, and no wider than the stretched spaces beside it.
    lines = _beside_a_short_last_line("local, fragile, and", indent=0, justified=True)
    assert "then it went home at all." in lines and "local, fragile, and" in lines

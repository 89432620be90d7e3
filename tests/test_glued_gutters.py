"""repair_text on layout-preserving text (visible gutters, as `pdftotext -layout` writes it):
several columns, lines across the columns, alternating rows, tables, headings."""

from __future__ import annotations

import textwrap
from itertools import zip_longest

from extractor.glued import repair_text
from extractor.glued.gutter import split_on_gutter

WIDTH = 38  # characters of a column
GUTTER = 5

SENTENCES = [
    "The harbour board met again in the spring to weigh the cost of dredging the channel.",
    "Most of the members wanted to wait for the survey, which was due before the summer.",
    "A few argued that the silt would only build up faster while they waited for it.",
    "The engineer's report, when it came, gave both sides something to point to.",
    "It showed the channel narrowing by a metre a year along the northern wall.",
    "Nobody had expected the southern wall to hold up as well as it did in the storms.",
    "The fishermen said they had known this for years and had said so to anyone.",
    "In the end the board voted to dredge the northern half and to watch the rest.",
    "The work began in August and took eleven weeks, two more than had been planned.",
    "Boats were moored in the outer basin for the whole of that time, at some cost.",
    "By the winter the channel was deeper than it had been for a generation or more.",
    "The board's minutes record a vote of thanks to the crews who did the work.",
]


def paragraph(first: int, count: int) -> str:
    """Sentences of SENTENCES set in a column of WIDTH with a short last line: the measure of
    the column is what ends such a paragraph where no blank line follows it."""
    text = " ".join(SENTENCES[(first + k) % len(SENTENCES)] for k in range(count))
    while len(textwrap.wrap(text, WIDTH)[-1]) > WIDTH - 14:
        text += " So it was."
    return text


def wrap(text: str, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(text, width)


def side_by_side(*columns: list[str], width: int = WIDTH, offset: int = 0) -> list[str]:
    """Rows of the columns set side by side; column k's rows start ``k * offset`` rows down."""
    rows = max(len(c) + k * offset for k, c in enumerate(columns))
    out = []
    for r in range(rows):
        cells = []
        for k, column in enumerate(columns):
            i = r - k * offset
            cells.append(column[i] if 0 <= i < len(column) else "")
        out.append((" " * GUTTER).join(cell.ljust(width) for cell in cells).rstrip())
    return out


def paragraphs_of(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def test_three_columns_are_read_one_after_another() -> None:
    paras = [paragraph(k, 2) for k in (0, 2, 4, 6, 8, 10)]
    columns = [
        wrap(paras[0]) + wrap(paras[1]),
        wrap(paras[2]) + wrap(paras[3]),
        wrap(paras[4]) + wrap(paras[5]),
    ]
    # Each column's second paragraph follows its first without a blank line: the short last
    # line, measured against the column's width, is what ends the first.
    assert paragraphs_of(repair_text("\n".join(side_by_side(*columns)) + "\n")) == paras


def test_lines_across_the_columns_part_the_page_into_sections() -> None:
    title = "Dredging the Channel: A Harbour Board and Its Long Argument over Silt"
    caption = (
        "Figure 1: Depth of the channel along the northern wall, in metres,"
        " measured every spring from"
    )
    first, running, last = paragraph(0, 2), paragraph(2, 4), paragraph(10, 2)
    # The running paragraph breaks where a word did not fit, at the foot of the section above.
    lines = wrap(running)
    half = len(lines) // 2
    rows = [title.center(2 * WIDTH + GUTTER).rstrip(), ""]
    rows += side_by_side(wrap(first), lines[:half])
    rows += ["", caption, "1950 to 1990.", ""]
    rows += side_by_side(lines[half:] + wrap(paragraph(9, 1)), wrap(last))
    got = paragraphs_of(repair_text("\n".join(rows) + "\n"))
    # The section above, column by column; the paragraph running on from it into the section
    # below is not cut by the caption, which follows it.
    assert got == [title, first, running, caption + " 1950 to 1990.", paragraph(9, 1), last]


def test_columns_whose_rows_alternate_are_not_blank_between_their_lines() -> None:
    left = wrap(paragraph(0, 3))
    right = wrap(paragraph(3, 3))
    rows: list[str] = []
    for a, b in zip_longest(left, right, fillvalue=""):  # baselines off: rows of their own
        rows += [a, " " * (WIDTH + GUTTER) + b]
    assert paragraphs_of(repair_text("\n".join(rows) + "\n")) == [paragraph(0, 3), paragraph(3, 3)]


def test_a_table_on_a_page_of_one_column_is_not_taken_for_columns() -> None:
    prose = paragraph(0, 4)
    table = [
        f"    {name:<18}{alt:>8}{rain:>12}    {change:>6}"
        for name, alt, rain, change in [
            ("Ashby Fell", 416, "1,677", "-2.3"),
            ("Brackenridge", 232, "2,495", "+5.5"),
            ("Cullen Point", 271, "901", "-5.0"),
            ("Dunmore", 377, "1,050", "+10.7"),
            ("Elder Moss", 353, "2,373", "+9.2"),
            ("Fenwick", 225, "1,980", "+3.0"),
        ]
    ]
    rows = textwrap.wrap(prose, 76) + table + [""] + textwrap.wrap(paragraph(5, 2), 76)
    assert split_on_gutter(rows, set()) is None
    got = paragraphs_of(repair_text("\n".join(rows) + "\n"))
    assert got[0].startswith(prose)


def test_a_heading_set_over_two_lines_of_a_column_is_one_paragraph() -> None:
    left = ["A Timetable Built from", "Passenger Counts", *wrap(paragraph(0, 2))]
    right = wrap(paragraph(4, 3))
    got = paragraphs_of(repair_text("\n".join(side_by_side(left, right)) + "\n"))
    assert got == ["A Timetable Built from Passenger Counts", paragraph(0, 2), paragraph(4, 3)]


def test_a_line_in_title_case_inside_a_paragraph_is_no_heading() -> None:
    left = [
        "The report was read out to the members of",
        "Transportation Safety Board and the FAA of",
        "the United States, who found no fault in the",
        "way the crew had followed the checklist on",
        "the night of the storm, or in the way the",
        "harbour staff had kept the lights burning.",
    ]
    right = wrap(paragraph(4, 3))
    got = paragraphs_of(repair_text("\n".join(side_by_side(left, right, width=44)) + "\n"))
    assert got == [" ".join(left), paragraph(4, 3)]


def test_a_stretch_of_the_page_on_another_grid_is_split_on_its_own_gutters():
    # The end of one article in two columns of 30 characters over the start of the next in
    # two columns of 44: the lower stretch runs across the upper gutter, and has its own.
    upper = [paragraph(0, 2), paragraph(2, 2)]
    lower = [paragraph(4, 5), paragraph(9, 5)]
    rows = side_by_side(wrap(upper[0], 30), wrap(upper[1], 30), width=30)
    rows += ["", ""]
    rows += side_by_side(wrap(lower[0], 44), wrap(lower[1], 44), width=44)
    assert paragraphs_of(repair_text("\n".join(rows) + "\n")) == upper + lower


def test_lines_cut_short_beside_a_picture_in_mid_sentence_do_not_end_the_paragraph():
    # The left column narrows for four lines (a picture beside them): those lines stop well
    # short of the column's measure in mid-sentence, the next going on in lower case.
    def narrowed(text: str) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            width = 24 if 2 <= len(lines) < 6 else WIDTH
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*lines, line]

    text = paragraph(0, 4)
    while len(narrowed(text)[-1]) > WIDTH - 14:  # the paragraph's own last line is short
        text += " So it was."
    lines = narrowed(text)
    assert any(not ln.endswith(".") and len(ln) < 26 for ln in lines[2:6])
    right = wrap(paragraph(5, 3))
    got = paragraphs_of(repair_text("\n".join(side_by_side(lines, right)) + "\n"))
    assert got == [text, paragraph(5, 3)]

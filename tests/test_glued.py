"""repair_text on glued two-column text: the seed page, one-column text, bad input, generated pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.gluegen import make_page

from extractor.errors import TextInputError
from extractor.glued import analyse, repair_text
from extractor.glued.furniture import is_furniture
from extractor.glued.gutter import split_on_gutter

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
needs_seed = pytest.mark.skipif(not SEED.is_dir(), reason="shared seed pages not present")


@needs_seed
def test_seed_page_words_in_reading_order() -> None:
    got = repair_text((SEED / "page23_interleaved.txt").read_text())
    want = (SEED / "page23_expected.txt").read_text()
    assert got.split() == want.split()


@needs_seed
def test_seed_page_paragraph_break_before_second_right_paragraph() -> None:
    got = repair_text((SEED / "page23_interleaved.txt").read_text())
    paras = got.rstrip("\n").split("\n\n")
    assert any(p.startswith("Ambassador Jarbussynova is deeply convinced") for p in paras)


def test_output_format_paragraphs_blank_line_trailing_newline() -> None:
    page = make_page(3)
    out = repair_text(page.text)
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert "\n\n\n" not in out
    assert all(p and "\n" not in p for p in out.rstrip("\n").split("\n\n"))


ONE_COLUMN = """\
The committee met on Tuesday to review the proposals submitted over the
summer. Most of them concerned the maintenance of the old library building,
whose roof had leaked through the spring and whose heating was unreliable.
After a long discussion the members agreed to fund the repairs from the
reserve, and to ask the council for a grant towards a new boiler.

The second item was the schedule of public lectures for the coming year.
Several speakers had already accepted, and the secretary was asked to write
to the others before the end of the month.
"""


def test_one_column_text_keeps_its_words() -> None:
    out = repair_text(ONE_COLUMN)
    assert out.split() == ONE_COLUMN.split()
    assert out.count("\n\n") == 1


@pytest.mark.parametrize("bad", ["", "   \n\n \t\n", "\x00\x01\x02binary\x00\x03" * 20])
def test_empty_or_binary_input_is_refused(bad: str) -> None:
    with pytest.raises(TextInputError):
        repair_text(bad)


def test_furniture_patterns() -> None:
    for line in ["P. 23", "Page 23 - DIVA_3_2023", "23", "w w w. d i va i n t e r n at i o n a l . c h"]:
        assert is_furniture(line)
    for line in ["In 2012, she joined the OSCE as the Program", "2010, the Kazakh Chairmanship managed"]:
        assert not is_furniture(line)


def test_visible_gutter_is_split_directly() -> None:
    lines = [
        "The left column starts here and         The right column begins here and",
        "goes on for a few lines of text         continues for some lines as well",
        "until the paragraph ends.               before it stops.",
        "                                        A last right-only line.",
    ]
    parts = split_on_gutter(lines, set())
    assert parts is not None
    assert parts[0] == ("The left column starts here and", "The right column begins here and")
    assert parts[3] == ("", "A last right-only line.")
    out = repair_text("\n".join(lines) + "\n")
    assert out.split()[:12] == "The left column starts here and goes on for a few lines".split()


@pytest.mark.parametrize("seed", [2, 12, 26, 36, 41])
def test_generated_pages_split_almost_all_lines(seed: int) -> None:
    page = make_page(seed)
    result = analyse(page.text)
    truth = [(g, w) for g, w in zip(result.parts, page.rows) if w is not None]
    right = sum(g == w for g, w in truth)
    assert right >= 0.85 * len(truth)

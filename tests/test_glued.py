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
    split = split_on_gutter(lines, set())
    assert split is not None
    parts = split.parts
    assert not split.across
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


def test_headings_are_short_title_case_lines() -> None:
    from extractor.glued.rows import is_heading

    for words in ["4. Related Work", "Open Questions", "Results", "2.1 Data Model"]:
        assert is_heading(words.split()), words
    for words in ["the OSCE Chair", "Results were good.", "A B C D E F G", "Chairmanship, Ambassador"]:
        assert not is_heading(words.split()), words


def test_casing_costs_come_from_the_page() -> None:
    from extractor.glued.casing import CAP_RARE, LOWER, case_table
    from extractor.glued.rows import make_row

    prose = ("the cat sat on the mat and then it slept. Then the dog came in and it barked. "
             "it was a very loud dog and the cat woke up. ") * 4
    words = prose.split()
    rows = [make_row(i, words[j : j + 8], False) for i, j in enumerate(range(0, len(words), 8))]
    table = case_table(rows)
    # a small letter after a full stop never happens on this page: a join that makes one costs
    assert table[1][LOWER] > 0
    # a name-like capital inside a sentence never happens either
    assert table[0][CAP_RARE] > 0
    # a small letter inside a sentence is what this page does
    assert table[0][LOWER] < 0


def test_widths_read_off_a_labelling() -> None:
    """Each line fits its column, and a line that goes on ended because the next word did not
    fit: the width lies between, and an odd overlong line does not stretch it."""
    from extractor.glued.fit import widths_of
    from extractor.glued.rows import make_row
    from extractor.glued.widths import SPACE, word_width

    left = ["aaa bbb ccc"] * 10
    right = ["dddd eeee ffff gggg"] * 10
    rows = [make_row(i, f"{a} {b}".split(), False) for i, (a, b) in enumerate(zip(left, right))]
    wl, wr = widths_of(rows, [3] * 10)
    assert rows[0].pw[3] < wl < rows[0].pw[3] + SPACE + word_width("aaa")
    assert rows[0].right_width(3) < wr < rows[0].right_width(3) + SPACE + word_width("dddd")
    rows[4] = make_row(4, "aaa bbb ccc ddd dddd eeee ffff gggg".split(), False)
    wl2, _ = widths_of(rows, [3] * 4 + [4] + [3] * 5)
    assert wl2 < rows[4].pw[4]


def test_reading_order_prior_prefers_the_right_column_short() -> None:
    from extractor.glued.refine import order_prior

    assert order_prior(list(range(0, 40)), list(range(5, 30))) == 0.0
    assert order_prior(list(range(5, 30)), list(range(0, 40))) > 0.0


@pytest.mark.parametrize("seed", [12, 41, 44])
def test_one_part_runs_go_to_the_right_side(seed: int) -> None:
    """A column ending earlier / starting lower with equal widths: whole runs, not line flips."""
    page = make_page(seed)
    result = analyse(page.text)
    truth = [(g, w) for g, w in zip(result.parts, page.rows) if w is not None]
    assert sum(g == w for g, w in truth) >= 0.9 * len(truth)


def test_column_states_never_restart_after_an_end() -> None:
    from extractor.glued.chain import step

    assert step(2, 1, False, True, 0) is None  # ended, then text again: impossible
    assert step(0, 1, False, False, 1) is None  # a column starts only with text
    assert step(1, 2, False, False, 0) is None  # it ends right after its last text row
    assert step(0, 1, False, True, 0) > step(0, 1, False, True, 1)  # left starting lower is rarer
    assert step(1, 2, True, False, 0) > step(1, 2, True, False, 1)  # ... and so is left ending early


def test_caption_openers() -> None:
    from extractor.glued.rows import is_caption_start

    assert is_caption_start("Figure 2: A user-defined function".split(), 0)
    assert is_caption_start("end. Table 3. Results of".split(), 1)
    assert not is_caption_start("as shown in Figure 2 and".split(), 3)
    assert not is_caption_start("see Figure 2. below".split(), 1)


def test_small_letter_after_a_full_stop_and_a_gap_costs() -> None:
    from extractor.glued.rows import make_row
    from extractor.glued.split import gap_flow

    a = make_row(0, "the scope ends.".split(), False)
    b = make_row(1, "ration of the".split(), True)
    c = make_row(1, "The next one".split(), True)
    assert gap_flow(a, 2, b, 0) > gap_flow(a, 2, c, 0)


def test_heading_row_is_not_split_into_two_headings():
    """A short title-case row ("Related Work") is one heading: splitting it costs more than
    keeping it whole, although a capital after no full stop is rare in the page's prose."""
    from extractor.glued.casing import case_table
    from extractor.glued.rows import make_row
    from extractor.glued.split import emission

    row = make_row(0, ["Related", "Work"], False)
    row.case = case_table([make_row(1, "the cat sat on the mat and the dog".split(), False), row])
    assert emission(row, 1, 20.0, 20.0) > emission(row, 2, 20.0, 20.0)


def test_dangling_words_never_end_a_paragraph_or_a_heading() -> None:
    from extractor.glued.lexicon import dangling
    from extractor.glued.rows import is_heading, make_row
    from extractor.glued.split import stop_cost

    assert dangling("the") and dangling("The") and dangling("(of")
    assert not dangling("in,") and not dangling("Table") and not dangling("and.")
    assert not is_heading(["The"]) and not is_heading(["Results", "of"])
    assert is_heading(["Results"])
    row = make_row(0, "the size of the".split(), False)
    plain = make_row(0, "the size of it".split(), False)
    assert stop_cost(row, 3) > stop_cost(plain, 3) > stop_cost(make_row(0, ["done."], False), 0)


def _labelled(text: str, gaps: bool) -> tuple[list, list[int]]:
    """One-column rows of short paragraphs, with or without a blank row (a left-only row in the
    glued text) between them; every row holds left text only."""
    from extractor.glued.rows import make_row

    rows, ks, gap = [], [], False
    for para in text.split("\n"):
        lines = [para[i : i + 40] for i in range(0, len(para), 40)]
        for ln in lines:
            rows.append(make_row(len(rows), ln.split(), gap))
            ks.append(len(rows[-1].words))
            gap = False
        gap = gaps
    return rows, ks


PARAS = "\n".join(
    "This paragraph runs over a few lines of text and then it ends here. " * 2 + "End."
    for _ in range(6)
)


def test_gap_bias_is_learnt_from_pages_that_set_paragraphs_apart() -> None:
    from extractor.glued.style import gap_bias

    rows, ks = _labelled(PARAS, gaps=True)
    width = max(r.pw[-1] for r in rows)
    assert gap_bias(rows, ks, width, width) > 0.5
    rows, ks = _labelled(PARAS, gaps=False)
    assert gap_bias(rows, ks, width, width) == 0.0


def test_gap_bias_prices_a_short_line_without_a_gap() -> None:
    from extractor.glued.rows import make_row
    from extractor.glued.split import join_cost

    a = make_row(0, "It ends here.".split(), False)
    b = make_row(1, "Then a new paragraph starts".split(), False)
    plain = join_cost(a, 2, a.pw[3], False, b, 0, 20.0)
    a.memo.clear()
    a.gap_bias = 1.5
    assert join_cost(a, 2, a.pw[3], False, b, 0, 20.0) > plain
    full = make_row(0, "a line that is about as wide as its column is.".split(), False)
    full.gap_bias = 1.5
    col = full.pw[-1] + 0.2
    assert join_cost(full, full.n - 1, full.pw[-1], False, b, 0, col) < 0.5


def test_edge_moves_try_the_rows_around_the_column_switch_only() -> None:
    from extractor.glued.refine import edge_moves
    from extractor.glued.rows import make_row

    rows = [make_row(i, "aa bb cc dd".split(), False) for i in range(5)]
    ks = [2, 2, 2, 2, 2]  # left's last line in row 4, right's first in row 0
    moves = edge_moves(rows, ks, {}, 10.0, 10.0)
    touched = {t for m in moves for t in m}
    assert touched == {0, 4}
    assert all(m[t] != ks[t] for m in moves for t in m)
    assert edge_moves(rows, [4] * 5, {}, 10.0, 10.0) == []  # one column: no switch


def test_window_prices_pinned_rows_as_a_full_pass_does() -> None:
    """Refine's moves are priced over the pinned rows only: same cost as a whole Viterbi pass."""
    from extractor.glued.casing import case_table
    from extractor.glued.chain import Lattice, viterbi
    from extractor.glued.rows import make_row
    from extractor.glued.window import Window

    page = make_page(5)
    rows = [make_row(i, ln.split(), False) for i, ln in enumerate(page.text.splitlines()[1:-1])
            if ln.strip()]
    table = case_table(rows)
    for row in rows:
        row.case = table
    wl, wr = 37.8, 18.3
    window = Window(Lattice(rows, wl, wr, {}, {}))
    last = len(rows) - 1
    for pins in ({}, {0: 0}, {3: rows[3].n, 4: rows[4].n}, {last: 0}, {2: 1, last - 1: 0}):
        full = viterbi(rows, wl, wr, pins)
        got = window.solve(pins)
        assert abs(full.cost - got.cost) < 1e-9, pins
        assert all(got.ks[t] == k for t, k in pins.items())
        assert len(got.ks) == len(rows)


def test_a_hyphen_that_rejoins_a_known_word_is_evidence() -> None:
    from extractor.glued.joins import flow_cost
    from extractor.glued.rows import hyphen_joins_word, make_row

    assert hyphen_joins_word("State-", "ment")
    assert not hyphen_joins_word("State-", "Context")  # a compound at most
    assert not hyphen_joins_word("State-", "xqzv")
    a = make_row(0, ["section", "With", "State-"], False)
    word = make_row(1, ["ment", "Context"], False)
    compound = make_row(1, ["Context", "Managers"], False)
    assert flow_cost(a, 2, word, 0) < flow_cost(a, 2, compound, 0)


def test_two_capitals_side_by_side_are_no_evidence_for_a_split() -> None:
    """Splitting "Format | String" gains nothing from the rarity of capitals mid-sentence: two
    capitalised words in a row are a title; after "the" that rarity still counts."""
    from extractor.glued.casing import case_table
    from extractor.glued.rows import make_row
    from extractor.glued.split import emission

    prose = [make_row(i, "the cat sat on the mat and then the dog came in".split(), False)
             for i in range(5)] + [make_row(5, "Then it sat".split(), False)]
    title = make_row(0, ["see", "Format", "String", "Syntax"], False)
    plain = make_row(0, ["see", "the", "String", "Syntax"], False)
    table = case_table(prose)
    title.case = plain.case = table
    assert emission(title, 2, 50.0, 50.0) > emission(plain, 2, 50.0, 50.0)


def test_page_pairs_credit_joins_and_splits_the_page_itself_shows() -> None:
    from extractor.glued.joins import page_pair
    from extractor.glued.phrases import PAGE_PAIR, page_pairs
    from extractor.glued.rows import make_row

    rows = [make_row(0, "the current code block is run".split(), False),
            make_row(1, "so the current code. block".split(), False),
            make_row(2, "current sorted lists".split(), False)]
    pairs = page_pairs(rows)
    assert pairs[("current", "code")] == 2
    assert pairs[("code", "block")] == 1  # "code. block" has a sentence end between
    for r in rows:
        r.pairs = pairs
    # a join "current" | "code" rebuilds a pair the page shows
    assert page_pair(rows[2], 0, rows[0], 2, 1) == PAGE_PAIR
    # tearing "code" from "block" apart: shown once only, in this very row: no evidence
    assert page_pair(rows[0], 2, rows[0], 3, 2) == 0.0
    # tearing "current" from "code": the page shows it in another row too
    assert page_pair(rows[0], 1, rows[0], 2, 2) == PAGE_PAIR
    # no credit after a sentence end
    assert page_pair(rows[1], 3, rows[1], 4, 1) == 0.0


def test_a_column_line_never_ends_on_a_bare_item_number() -> None:
    from extractor.glued.rows import is_label, make_row
    from extractor.glued.split import emission

    assert is_label(["builtins.", "4.", "Summary"], 1)
    assert is_label(["4.", "Summary"], 0)
    assert not is_label(["in", "version", "4."], 2)  # the end of a sentence, not an opener
    assert not is_label(["builtins.", "4.0", "Summary"], 1)
    row = make_row(0, ["module", '"builtins".', "4.", "Summary"], False)
    assert emission(row, 3, 50.0, 50.0) > emission(row, 2, 50.0, 50.0)


def test_possessives_pair_like_their_nouns() -> None:
    from extractor.glued.bigrams import pmi

    assert pmi("an", "object\u2019s") == pmi("an", "object")


def test_equal_columns_are_tried_when_the_search_settles_on_unequal_ones() -> None:
    from extractor.glued.fit import Fit, equal_alternatives
    from extractor.glued.rows import make_row
    from extractor.glued.split import Solution

    rows = [make_row(i, "aaa bbb ccc ddd eee fff".split(), False) for i in range(6)]
    assert equal_alternatives(rows, Fit(10.0, 10.2, Solution(0.0, [3] * 6))) == []
    alts = equal_alternatives(rows, Fit(10.0, 8.0, Solution(0.0, [3] * 6)))
    assert [(f.wl, f.wr) for f in alts] == [(10.0, 10.0), (8.0, 8.0)]
    assert all(len(f.solution.ks) == 6 for f in alts)


def test_a_caption_needs_room_for_its_figure() -> None:
    from extractor.glued.refine import C_NO_FIGURE, figure_cost
    from extractor.glued.rows import make_row

    def left_only(lines: list[str]) -> list:
        rows, gap = [], False
        for i, ln in enumerate(lines):
            if not ln:
                gap = True
                continue
            rows.append(make_row(i, ln.split(), gap))
            gap = False
        return rows

    roomy = left_only(["some text here.", "", "", "", "Figure 2: A picture.", "", "more text."])
    tight = left_only(["some text here.", "Figure 2: A picture.", "", "more text."])
    assert roomy[1].caption[0] and not roomy[0].caption[0]
    assert figure_cost(roomy, [r.n for r in roomy], [0, 1, 2], 0) == 0.0
    assert figure_cost(tight, [r.n for r in tight], [0, 1, 2], 0) == C_NO_FIGURE


def test_shrunk_runs_leave_an_end_row_free() -> None:
    from extractor.glued.refine import shrunk_of

    assert shrunk_of(([3, 4, 5], 1)) == [([3, 4], 1), ([4, 5], 1)]
    assert shrunk_of(([3], 0)) == []


def test_edge_moves_also_try_the_rows_after_a_caption_opener() -> None:
    from extractor.glued.refine import CAPTION_REACH, edge_moves
    from extractor.glued.rows import make_row

    lines = ["aa bb cc dd"] * 3 + ["Figure 2: aa bb"] + ["aa bb cc dd"] * 6
    rows = [make_row(i, ln.split(), False) for i, ln in enumerate(lines)]
    ks = [2] * 3 + [4] + [2] * 6
    touched = {t for m in edge_moves(rows, ks, {}, 10.0, 10.0) for t in m}
    assert touched == {0, 9} | set(range(4, 4 + CAPTION_REACH))


def test_a_paragraph_gap_is_credited_on_pages_that_set_paragraphs_apart() -> None:
    from extractor.glued.rows import make_row
    from extractor.glued.split import gap_flow

    a = make_row(0, "the scope ends.".split(), False)
    b = make_row(1, "The next one".split(), True)
    lower = make_row(1, "and then".split(), True)
    assert gap_flow(a, 2, b, 0) == 0.0
    a.gap_bias = 1.5
    assert gap_flow(a, 2, b, 0) < 0.0
    assert gap_flow(a, 2, lower, 0) > 0.0  # a small letter after the gap still costs


def test_tex_spacing_accents_in_pasted_text_are_composed() -> None:
    text = "Die Stadt ist gr\u00a8un und sch\u00a8on im Sommer, sagt es nicht\u00b4s.\n"
    assert repair_text(text) == "Die Stadt ist gr\u00fcn und sch\u00f6n im Sommer, sagt es nicht\u00b4s.\n"


def test_pages_parted_by_form_feeds_are_read_page_by_page() -> None:
    """Glued text of several pages (as pdftotext writes it, a form feed before each page):
    each page's left column, then its right one, then the next page; not every left column
    first."""
    first, second = make_page(3), make_page(5)
    alone = [repair_text(p.text).split() for p in (first, second)]
    both = repair_text(first.text + "\f" + second.text).split()
    # A hyphen at the foot of the first page may join a word across the pages.
    assert both[: len(alone[0]) - 1] == alone[0][:-1]
    assert both[-(len(alone[1]) - 1) :] == alone[1][1:]
    assert len(alone[0]) + len(alone[1]) - 1 <= len(both) <= len(alone[0]) + len(alone[1])

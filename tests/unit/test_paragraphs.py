"""repair: paragraphs within and across blocks, columns and pages; hyphens; running lines."""

from __future__ import annotations

from helpers.geometry import CHAR_EM, PROSE, column, moved, page, text_line, word

from extractor.model import BBox, Role
from extractor.pipeline import analyse
from extractor.repair.furniture import running_key


def paragraphs(*raw_pages):
    return [p.text for p in analyse("t", list(raw_pages)).paragraphs]


def _full_lines_then(full, last, top=100.0):
    """Lines of ``full`` justified from x=50 to 330, then ``last`` set from the left edge."""
    lines = [_justified(t, 50, 330, top + 12 * k) for k, t in enumerate(full)]
    return [*lines, text_line(last, 50, top + 12 * len(full))]


def paragraphs_of(lines):
    """The paragraphs of one page holding ``lines`` (lists of words)."""
    return paragraphs(page([w for ln in lines for w in ln]))


def test_first_line_indent_starts_a_paragraph():
    words, _ = column(PROSE[:2], 50, 300, 100, indent=15)
    assert paragraphs(page(words)) == PROSE[:2]


def test_vertical_gap_starts_a_paragraph():
    words, _ = column(PROSE[:2], 50, 300, 100, para_gap=8)
    assert paragraphs(page(words)) == PROSE[:2]


def test_short_last_line_starts_a_paragraph_without_indent_or_gap():
    # Ragged text, no indent, no gap: the short line whose next word would have fitted ends it.
    words, _ = column(["A short paragraph ends here.", PROSE[1]], 50, 300, 100)
    assert paragraphs(page(words)) == ["A short paragraph ends here.", PROSE[1]]


def test_lines_of_one_paragraph_are_joined():
    words, _ = column([PROSE[0]], 50, 150, 100)
    assert paragraphs(page(words)) == [PROSE[0]]


def test_paragraph_continues_into_the_next_column():
    text = PROSE[0] + " " + PROSE[1]
    left, y = column([text], 50, 240, 100)
    # Move the lines below y=136 into the right column, as a typesetter would.
    stays = [w for w in left if w.bbox.top < 136]
    rest = [w for w in left if w.bbox.top >= 136]
    shift = moved(rest, dx=270, dy=-36)
    assert paragraphs(page(stays + shift)) == [text]


def test_footnote_between_the_halves_does_not_split_the_paragraph():
    text = PROSE[0] + " " + PROSE[1]
    words, _ = column([text], 50, 240, 600)
    top = [w for w in words if w.bbox.top < 636]
    rest = [w for w in words if w.bbox.top >= 636]
    shift = moved(rest, dx=270, dy=-536)
    note = text_line("1 A footnote in small type.", 50, 660, size=7)
    right_rest, _ = column([PROSE[2]], 320, 240, 200, indent=12)
    doc = analyse("t", [page(top + note + shift + right_rest)])
    assert [p.text for p in doc.paragraphs] == [text, PROSE[2]]
    assert any(b.role is Role.FOOTNOTE for b in doc.pages[0].blocks)


def test_paragraph_continues_onto_the_next_page():
    text = PROSE[0] + " " + PROSE[1]
    words, _ = column([text], 50, 300, 700)
    first = [w for w in words if w.bbox.top < 736]
    rest = [w for w in words if w.bbox.top >= 736]
    later = moved(rest, dx=0, dy=-636, page=1)
    assert paragraphs(page(first), page(later, number=1)) == [text]


def test_bold_heading_is_its_own_paragraph():
    head = text_line("Measuring moving ice", 50, 100, bold=True)
    body, _ = column([PROSE[0]], 50, 300, 113)
    assert paragraphs(page(head + body)) == ["Measuring moving ice", PROSE[0]]


def test_break_hyphen_is_removed_and_real_hyphen_kept():
    lines = [
        text_line("the survey was an exam-", 50, 100),
        text_line("ple of patience; the gender-", 50, 112),
        text_line("based analysis held,", 50, 124),
    ]
    out = paragraphs_of(lines)
    assert out == ["the survey was an example of patience; the gender-based analysis held,"]


def test_compound_seen_elsewhere_keeps_its_hyphen():
    lines = [
        text_line("a state-of-the-art method", 50, 100),
        text_line("and another state-of-the-", 50, 112),
        text_line("art result here.", 50, 124),
    ]
    assert paragraphs_of(lines) == [
        "a state-of-the-art method and another state-of-the-art result here."
    ]


def test_word_seen_whole_elsewhere_is_joined():
    lines = [
        text_line("the dataset is new and", 50, 100),
        text_line("the data-", 50, 112),
        text_line("set grows.", 50, 124),
    ]
    assert paragraphs_of(lines) == [
        "the dataset is new and the dataset grows."
    ]


def test_bulleted_items_wrap_under_their_text():
    lines = [
        text_line("• first item that wraps over", 50, 100),
        text_line("two lines of text", 60, 112),
        text_line("• second item", 50, 124),
    ]
    assert paragraphs_of(lines) == [
        "• first item that wraps over two lines of text",
        "• second item",
    ]


def test_text_set_apart_under_a_list_item_is_not_one_of_its_lines():
    # A quotation after the list, set in line with the item's text but below a wider gap.
    lines = [
        text_line("1. first item that wraps over", 50, 100),
        text_line("two lines of text", 62, 112),
        text_line("2. second item", 50, 124),
        text_line("A quotation set in under the list", 62, 142),
        text_line("runs over two lines.", 62, 154),
    ]
    assert paragraphs_of(lines) == [
        "1. first item that wraps over two lines of text",
        "2. second item",
        "A quotation set in under the list runs over two lines.",
    ]


def running_pages(n=3):
    pages = []
    for i in range(n):
        head = text_line(f"Chapter Two: Harbours {11 + i}", 50, 30, size=12, bold=True)
        body, _ = column(PROSE[i : i + 1], 50, 300, 100, indent=12, page=i)
        head = moved(head, page=i)
        pages.append(page(head + body, number=i))
    return pages


def test_running_head_repeating_across_pages_is_left_out():
    doc = analyse("t", running_pages())
    assert [p.text for p in doc.paragraphs] == PROSE[:3]
    heads = [b for pg in doc.pages for b in pg.blocks if b.text.startswith("Chapter")]
    assert heads and all(b.role is Role.HEADER for b in heads)


def test_a_single_page_bold_line_at_the_top_stays_a_heading():
    doc = analyse("t", running_pages(1))
    assert doc.paragraphs[0].text == "Chapter Two: Harbours 11"


def test_running_key_masks_numbers():
    assert running_key("Page 11 of 20") == running_key("Page 12 of 20")
    assert running_key("Journal of Things") != running_key("Journal of Thongs")


def test_numbered_heading_wrapping_under_its_text_is_one_paragraph():
    lines = [
        text_line("3.1.2 e-MERLIN detection of compact emission towards", 50, 100),
        text_line("FRB 20190714", 77, 112),
    ]
    body, _ = column([PROSE[0]], 50, 300, 130, indent=12)
    out = paragraphs(page([w for ln in lines for w in ln] + body))
    assert out[0] == "3.1.2 e-MERLIN detection of compact emission towards FRB 20190714"


def test_indented_quote_is_measured_against_its_own_width():
    # A justified quote, inset on both sides, in the same block as a wider paragraph: its
    # lines end well short of the block's right edge, yet none of them ends a paragraph.
    wide, y = column([PROSE[0]], 50, 440, 100)
    quote_words = (PROSE[1] + " " + PROSE[3]).split()
    lines, current = [], []
    for w in quote_words:
        if len(" ".join([*current, w])) * 5 > 375 and current:
            lines.append(current)
            current = []
        current.append(w)
    quote = []
    for k, ln in enumerate(lines):
        natural = sum(len(w) * 5 for w in ln)
        space = (380 - natural) / (len(ln) - 1)
        quote += text_line(" ".join(ln), 80, y + 5 + 12 * k, space=space)
    quote += text_line(" ".join(current), 80, y + 5 + 12 * len(lines))
    out = paragraphs(page(wide + quote))
    assert out == [PROSE[0], PROSE[1] + " " + PROSE[3]]


def test_block_quote_at_a_column_foot_does_not_run_into_the_next_column():
    body, y = column([PROSE[0]], 50, 240, 100)
    # A quote set in from both sides, its lines all full, at the foot of the left column.
    quote = [w for k in range(3) for w in text_line("quod erat demonstrandum et cetera", 75, y + 8 + 12 * k)]
    right, _ = column(["and so the next column goes on with its own text."], 320, 240, 100)
    out = paragraphs(page(body + quote + right))
    assert out[-1] == "and so the next column goes on with its own text."


def test_lines_beside_a_drop_cap_do_not_start_a_paragraph():
    cap = [word("O", 50, 100, size=30)]
    first = text_line("ver the past three decades increasing pressure from", 50 + 24, 100)
    beside = text_line("non-governmental organisations and governments has", 78, 112)
    rest = text_line("required corporations to examine their practices.", 50, 124)
    out = paragraphs(page(cap + first + beside + rest))
    assert out == ["Over the past three decades increasing pressure from non-governmental "
                   "organisations and governments has required corporations to examine their practices."]


def test_heading_in_capitals_on_its_own_line_is_its_own_paragraph():
    head = text_line("CORPORATE SOCIAL RESPONSIBILITY: THE CONTEXT", 50, 100)
    body, _ = column([PROSE[0]], 50, 300, 112)
    assert paragraphs(page(head + body)) == ["CORPORATE SOCIAL RESPONSIBILITY: THE CONTEXT", PROSE[0]]


def test_footnote_mark_after_a_full_stop_still_ends_the_sentence():
    lines = [
        text_line("is vague and means different things to different people.1", 50, 100),
        text_line("Some writers on the subject trace its roots far back", 62, 112),
    ]
    out = paragraphs_of(lines)
    assert out == ["is vague and means different things to different people.1",
                   "Some writers on the subject trace its roots far back"]


def test_a_bold_heading_right_after_plain_text_starts_a_paragraph():
    # No gap and no larger type: the heading sits on the next line of the same block, under
    # a paragraph that ends on a full line.
    body, y = column([PROSE[0]], 50, 300, 100)
    last_top = max(w.bbox.top for w in body)
    full = [w for w in body if w.bbox.top < last_top]
    head = text_line("Where the channel went", 50, last_top, bold=True)
    more, _ = column([PROSE[1]], 50, 300, last_top + 12)
    text = " ".join(w.text for w in full)
    assert paragraphs(page(full + head + more)) == [text, "Where the channel went", PROSE[1]]


def test_a_bold_lead_in_inside_a_line_does_not_break_the_paragraph():
    first = text_line("The pilots argued about the channel,", 50, 100)
    second = text_line("Dredging", 50, 112, bold=True) + text_line("was tried twice and abandoned.", 93, 112)
    assert paragraphs(page(first + second)) == [
        "The pilots argued about the channel, Dredging was tried twice and abandoned."
    ]


def test_a_paragraph_does_not_run_on_into_a_bold_heading_at_the_top_of_the_next_column():
    left, _ = column([PROSE[0]], 50, 240, 100)
    last_top = max(w.bbox.top for w in left)
    full = [w for w in left if w.bbox.top < last_top]  # end the column on a full line
    head = text_line("Where the channel went", 320, 100, bold=True)
    right, _ = column([PROSE[1]], 320, 240, 112)
    got = paragraphs(page(full + head + right))
    assert got[1:] == ["Where the channel went", PROSE[1]]


def _justified(text, x0, right, top, size=10.0, bold=False):
    """A line of ``text`` whose word spaces stretch it from ``x0`` to ``right``."""
    tokens = text.split()
    ink = sum(len(t) * CHAR_EM * size for t in tokens)
    return text_line(text, x0, top, size, (right - x0 - ink) / (len(tokens) - 1), bold=bold)


def test_bold_words_wrapping_onto_a_line_of_their_own_do_not_open_a_heading():
    # Justified lines, the second ending "... by the" at the margin, then a bold line
    # "method of nodal voltages:": the sentence runs on, so no heading starts there.
    first = _justified("Suppose the parts are known and explain how the circuit", 50, 330, 100)
    second = _justified("drawn in the figure above is solved by the", 50, 330, 112)
    bold = text_line("method of nodal voltages:", 50, 124, bold=True)
    assert paragraphs(page(first + second + bold)) == [
        "Suppose the parts are known and explain how the circuit drawn in the figure above is"
        " solved by the method of nodal voltages:"
    ]


def test_a_bold_line_under_a_label_ending_short_is_its_own_paragraph():
    # A label over a name in bold ("Chair of the committee" / "prof. Rossi", small capitals
    # read as lower case): no margin that two lines reach, so nothing runs on.
    label = text_line("Chair of the harbour committee", 50, 100)
    name = text_line("prof. Letizia Rossi", 50, 112, bold=True)
    assert paragraphs(page(label + name)) == ["Chair of the harbour committee", "prof. Letizia Rossi"]


def test_a_bold_line_ending_without_a_stop_is_still_a_heading_before_lower_case():
    # A bold label and a name under it ("Supervisor" / "prof. Rossi"), a bold heading and a
    # command under it: headings end without a stop, so lower case after one says nothing.
    head = text_line("Use the package manager", 50, 100, bold=True)
    plain = text_line("tlmgr install harbour", 50, 112)
    assert paragraphs(page(head + plain)) == ["Use the package manager", "tlmgr install harbour"]


def test_a_bold_line_after_a_finished_sentence_still_starts_a_paragraph():
    # The same lines, but the plain line ends its sentence: the bold line is a heading, even
    # one opening in lower case (a product or command name).
    first = text_line("Explain how the circuit drawn in the figure is solved here.", 50, 100)
    bold = text_line("nodal voltages", 50, 112, bold=True)
    assert paragraphs(page(first + bold)) == [
        "Explain how the circuit drawn in the figure is solved here.",
        "nodal voltages",
    ]


def test_a_bold_paragraph_runs_on_into_a_line_opening_with_a_word_in_another_face():
    # A bold lead paragraph (AIP's journals) whose next line opens with a code word set in
    # typewriter type: the same paragraph, not a heading ending.
    first = text_line("The lead paragraph is set in bold type across the column and is", 50, 100, bold=True)
    code = text_line("quotation", 50, 112) + text_line("environment reverts to its usual meaning after it.", 100, 112, bold=True)
    assert paragraphs(page(first + code)) == [
        "The lead paragraph is set in bold type across the column and is quotation environment"
        " reverts to its usual meaning after it."
    ]


def test_double_spaced_paragraphs_are_read_by_their_indents():
    # A manuscript or thesis in double spacing: every line stands 1.4 sizes below the last,
    # wider than lines of a block ever do on a tighter page; paragraphs open with an indent.
    words, _ = column(PROSE, 72, 400, 100, leading=24, indent=36)
    assert paragraphs(page(words)) == PROSE
    tight, _ = column(PROSE, 72, 400, 100, leading=12, indent=36)
    assert paragraphs(page(tight)) == PROSE


def test_each_entry_of_a_contents_page_is_a_paragraph():
    entries = [("Introduction", "1"), ("The harbour and its channel", "4"), ("Dredging", "9")]
    words = []
    for k, (title, folio) in enumerate(entries):
        words += text_line(title + " " + " ".join(["."] * 12), 72, 100 + 14 * k)
        words.append(word(folio, 400, 100 + 14 * k))
    assert paragraphs(page(words)) == [f"{t} {' '.join(['.'] * 12)} {n}" for t, n in entries]


def test_a_numbered_heading_in_body_type_after_a_sentence_opens_a_paragraph():
    words = text_line("And yes, the harbour was dredged again that year.", 72, 100)
    words += text_line("1.1. The second channel", 72, 114)
    words += text_line("The second channel ran along the northern breakwater.", 72, 128)
    assert paragraphs(page(words))[:2] == ["And yes, the harbour was dredged again that year.",
                                           "1.1. The second channel"]


def test_indented_list_items_below_a_paragraph_do_not_make_it_hang():
    # An indented first line, a flush second line, then three items set in with bullets: the
    # items' indent is no hanging indent, so the second line goes on the first.
    words = text_line("The majority of conference proceedings will use", 62, 100)
    words += text_line("the conference template style.", 50, 112)
    items = ["\u2022 conference: the default style.", "\u2022 journal: used by journals.",
             "\u2022 plan: used by programming language papers."]
    for k, item in enumerate(items):
        words += text_line(item, 66, 124 + 12 * k)
    assert paragraphs(page(words)) == [
        "The majority of conference proceedings will use the conference template style.", *items]


def test_a_paragraph_goes_on_below_a_figure_in_its_column_when_its_sentence_does():
    # Two lines, a figure (its caption), then the sentence goes on in lower case.
    text = PROSE[0] + " " + PROSE[1]
    words, _ = column([text], 50, 300, 100)
    lines = sorted({w.bbox.top for w in words})
    above = [w for w in words if w.bbox.top <= lines[2]]
    below = moved([w for w in words if w.bbox.top > lines[2]], dy=200)
    caption = text_line("Figure 1: The harbour at low tide.", 80, 260, size=8)
    assert paragraphs(page(above + caption + below)) == [text]
    # A sentence that ends before the figure, or text below that opens a new one, stays apart.
    ended, _ = column(PROSE[:2], 50, 300, 100)
    first = [w for w in ended if w.bbox.top < 136]
    second = moved([w for w in ended if w.bbox.top >= 136], dy=200)
    assert len(paragraphs(page(first + caption + second))) == 2


def test_a_sentence_running_back_to_the_edge_among_hanging_items_is_not_a_new_item():
    # Items set with hanging indents (a description list), and among them a paragraph whose
    # indented first line breaks a word: back at the left edge the sentence runs on, while
    # each item's first line, there too, opens an item of its own.
    lines = [
        _justified(r"\author{name} The name of one author. Repeat the", 50, 400, 100),
        text_line("command for each additional author.", 70, 112),
        _justified(r"\affil{name} The affiliation of the institution of the", 50, 400, 124),
        text_line("author. This command may be repeated.", 70, 136),
        _justified("Some more commands are used by the editors when preparing a submis-", 65, 400, 148),
        text_line("sion for publication. Here they are.", 50, 160),
        _justified(r"\received{date} The date on which the submission was", 50, 400, 172),
        text_line("received by the editorial team.", 70, 184),
    ]
    assert paragraphs_of(lines) == [
        r"\author{name} The name of one author. Repeat the command for each additional author.",
        r"\affil{name} The affiliation of the institution of the author. This command may be repeated.",
        "Some more commands are used by the editors when preparing a submission for publication."
        " Here they are.",
        r"\received{date} The date on which the submission was received by the editorial team.",
    ]


_SHORT_PARAGRAPHS = [
    ("The harbour was dredged in the spring of that year and", "the channel opened again to the larger ships."),
    ("The pilots kept their own charts of the channel, marked", "by hand with the depths they found at each tide."),
    ("Nobody trusted the official charts any more, since they", "were drawn before the river shifted to the east."),
    ("In the end the harbour master ordered new soundings and", "published them every month in the gazette."),
    ("The gazette sold out within a week of each new issue and", "the printers had to run a second edition at once."),
]


def _spaced(pairs, line_gap=24.0, paragraph_gap=40.0):
    """Two-line paragraphs in double spacing, a wider gap between them, no indents."""
    words, y = [], 100.0
    for first, second in pairs:
        words += text_line(first, 72, y) + text_line(second, 72, y + line_gap)
        y += line_gap + paragraph_gap
    return words


def test_short_double_spaced_paragraphs_keep_their_lines_together():
    # More gaps between paragraphs than inside them on a short page: the tightest gap that
    # recurs, with the lines under it going on in lower case, is the line spacing.
    assert paragraphs(page(_spaced(_SHORT_PARAGRAPHS))) == [f"{a} {b}" for a, b in _SHORT_PARAGRAPHS]


def test_double_spaced_rows_that_do_not_run_on_stay_apart():
    # The same geometry with rows that each open in capitals or figures (a form, a table):
    # no sentence runs on, so no line spacing is read into it.
    rows = [(a, b[:1].upper() + b[1:]) for a, b in _SHORT_PARAGRAPHS]
    assert paragraphs(page(_spaced(rows))) == [line for pair in rows for line in pair]


def test_an_enumeration_in_brackets_wrapping_to_a_line_start_stays_in_its_paragraph():
    # "(2)" opens the line only because the justified line before it was full: the sentence
    # "... two steps: (1) assert copyright on the software, and (2) offer you ..." runs on.
    lines = _full_lines_then(
        [
            "Developers protect your rights with two steps: (1) assert",
            "copyright on the harbour software, and the charts, and",
        ],
        "(2) offer you this licence to copy it.",
    )
    assert paragraphs_of(lines) == [
        "Developers protect your rights with two steps: (1) assert copyright on the harbour"
        " software, and the charts, and (2) offer you this licence to copy it."
    ]


def test_items_in_brackets_and_a_mark_after_a_full_stop_still_open_items():
    items = [text_line(t, 50, 100 + 12 * k) for k, t in
             enumerate(["(i) First item of the list", "(ii) Second item of the list", "(iii) And so on"])]
    assert paragraphs_of(items) == [
        "(i) First item of the list", "(ii) Second item of the list", "(iii) And so on"
    ]
    lines = _full_lines_then(
        [
            "The pilots kept two rules for the channel in every season",
            "of the year, and they kept them well in all the storms.",
        ],
        "(2) The second rule was about the tide.",
    )
    assert paragraphs_of(lines)[-1] == "(2) The second rule was about the tide."


def test_a_line_of_capitals_inside_a_justified_sentence_is_not_a_heading():
    # A licence's disclaimer: the sentence goes into capitals mid-line; one line of it is all
    # capitals, and the next goes on in lower case.
    lines = _full_lines_then(
        [
            "The work is provided by the harbour authority on an as is",
            "BASIS, WITHOUT WARRANTIES OR CONDITIONS",
        ],
        "OF ANY KIND, either express or implied.",
    )
    assert paragraphs_of(lines) == [
        "The work is provided by the harbour authority on an as is BASIS, WITHOUT WARRANTIES"
        " OR CONDITIONS OF ANY KIND, either express or implied."
    ]


def test_a_heading_in_capitals_after_a_finished_paragraph_still_stands_alone():
    lines = [
        _justified("The work is provided by the harbour authority on an as is", 50, 330, 100),
        text_line("basis, and that is all.", 50, 112),
        text_line("LIMITATION OF LIABILITY", 50, 124),
        text_line("In no event shall the harbour be liable.", 50, 136),
    ]
    got = paragraphs_of(lines)
    assert got[-2:] == ["LIMITATION OF LIABILITY", "In no event shall the harbour be liable."]


def test_a_line_cut_short_by_a_picture_on_an_article_does_not_end_the_paragraph():
    # Justified text wrapping round a picture on its right: the line beside the picture
    # stops short on "the", and the sentence goes on under the picture at the full measure.
    first = _justified("The needs of the cats of today have changed little from those", 50, 330, 100)
    beside = text_line("of their wild ancestor, Felis lybica, the", 50, 112)
    under = text_line("African wildcat.", 50, 124)
    assert paragraphs(page(first + beside + under)) == [
        "The needs of the cats of today have changed little from those of their wild ancestor,"
        " Felis lybica, the African wildcat."
    ]


def test_a_short_line_ending_on_a_conjunction_or_a_capital_a_still_ends_a_paragraph():
    # "...; or" ends an item of a legal enumeration; "Alpha Cen A" names a star.
    for last in ("the licence is void; or", "the star named Alpha Cen A"):
        first = _justified("When the conditions of the clauses above are not met then", 50, 330, 100)
        short = text_line(last, 50, 112)
        nxt = text_line("Another paragraph starts here.", 50, 124)
        assert paragraphs(page(first + short + nxt)) == [
            "When the conditions of the clauses above are not met then " + last,
            "Another paragraph starts here.",
        ]


def test_lines_wrapping_round_a_picture_on_their_right_stay_one_paragraph():
    # Justified lines at the full measure, then lines stopping together at a picture's left
    # edge, then the full measure again: one paragraph, although the lines beside the
    # picture stop well short of the block's right edge.
    full = "the quay was busier than it had been for a century although almost"
    lines = [
        _justified("The harbour at the mouth of the river was never deep enough and", 50, 330, 100),
        _justified("To apply the rule to your own work attach the following", 50, 230, 112),
        _justified("notice with the fields enclosed by brackets replaced and", 50, 230, 124),
        _justified("with your own identifying information in the same way as", 50, 230, 136),
        _justified(full, 50, 330, 148),
        text_line("nobody knew it.", 50, 160),
    ]
    got = paragraphs_of(lines)
    assert len(got) == 1 and got[0].endswith("nobody knew it.")


def test_options_of_a_question_ending_together_stay_apart():
    # "(A) ..." over "(B) ...", as wide as each other: not a sentence going on.
    lines = [
        _justified("Which of these statements about the function is true here", 50, 330, 100),
        text_line("(A) the function is odd when f is even", 50, 112),
        text_line("(B) the function is even when f is odd", 50, 124),
    ]
    assert paragraphs_of(lines)[-1] == "(B) the function is even when f is odd"


def test_the_end_of_a_sentence_alone_at_the_top_of_the_next_page_is_body_text():
    # The last line of a paragraph carried over to a page that holds nothing else: short,
    # at the top, in body type, but opening in lower case and ending with a full stop.
    full = ["The harbour at the mouth of the river was never deep enough for",
            "the ships that the town council kept ordering and every spring the",
            "pilots argued about where exactly the old channel of the river"]
    first = [w for k, t in enumerate(full) for w in _justified(t, 50, 330, 730 + 12 * k)]
    carried = text_line("had moved since the last survey.", 50, 60, page=1)
    assert paragraphs(page(first), page(carried, number=1)) == [
        " ".join(full) + " had moved since the last survey."
    ]


def test_a_line_opening_with_a_quote_beside_a_picture_runs_on():
    lines = [
        _justified("Legal Entity shall mean the union of the acting entity and all", 50, 330, 100),
        _justified("other entities that control or are controlled by", 50, 230, 112),
        _justified("that entity for the purposes of this definition,", 50, 230, 124),
        text_line("\u201ccontrol\u201d means the power to cause the direction of it.", 50, 136),
    ]
    assert len(paragraphs_of(lines)) == 1



def test_text_squeezed_beside_a_sidebar_runs_on_into_the_block_below():
    # Flow blocks of one column in reading order: a full paragraph, two short lines set in
    # from both sides of it (beside a boxed sidebar on their left), the paragraph going on
    # below; the sidebar comes after the flow. Set in like a quotation, but beside a box.
    from dataclasses import replace as with_

    from extractor.model import Block, Line
    from extractor.repair.paragraphs import paragraph_runs

    def block(rows, x0, top, role=Role.BODY):
        lines = [Line.of(text_line(t, x0, top + 12 * k)) for k, t in enumerate(rows)]
        return with_(Block.of(lines, role), column=0)

    above = block(["The harbour at the mouth of the river was never", "deep enough for ships."], 50, 100)
    strip = block(["An", "interactive"], 165, 130)
    below = block(["user interface shows the notices to every", "reader of the page."], 165, 156)
    side = block(["In brief: keep", "both with every", "copy you share."], 52, 130, Role.SIDEBAR)
    runs = paragraph_runs([(0, above), (0, strip), (0, below), (0, side)])
    texts = [" ".join(ln.text for ln in run.lines) for run in runs]
    assert "An interactive user interface shows the notices to every reader of the page." in texts
    # Without the sidebar beside them, the lines set in are a quotation that ends there.
    runs = paragraph_runs([(0, above), (0, strip), (0, below)])
    assert "An interactive" in [" ".join(ln.text for ln in run.lines) for run in runs]


def test_a_sentence_in_capitals_runs_on_into_the_next_column():
    # A disclaimer set in capitals across a column break: the next column's first line is a
    # line of capitals, but the sentence runs on into it from a full line without a stop.
    left = [
        _justified("IN NO EVENT WILL ANY COPYRIGHT HOLDER BE LIABLE TO YOU", 50, 280, 600),
        _justified("FOR DAMAGES INCLUDING BUT NOT LIMITED TO LOSS OF", 50, 280, 612),
    ]
    right = [
        _justified("DATA OR DATA BEING RENDERED INACCURATE OR LOSSES", 320, 550, 100),
        text_line("SUSTAINED BY YOU.", 320, 112),
    ]
    got = paragraphs_of(left + right)
    assert got == [
        "IN NO EVENT WILL ANY COPYRIGHT HOLDER BE LIABLE TO YOU FOR DAMAGES INCLUDING BUT NOT"
        " LIMITED TO LOSS OF DATA OR DATA BEING RENDERED INACCURATE OR LOSSES SUSTAINED BY YOU."
    ]


def test_a_sentence_in_capitals_cut_after_or_runs_on_into_one_word():
    # A narrow column ends "SERVICING, REPAIR OR"; the next column opens "CORRECTION.", a
    # line of capitals of one word: no sentence ends on "OR", so it runs on.
    left = [
        _justified("THE COST OF ALL NECESSARY", 50, 180, 600),
        _justified("SERVICING, REPAIR OR", 50, 180, 612),
    ]
    right = [text_line("CORRECTION.", 220, 100), _justified("IN NO EVENT UNLESS REQUIRED BY LAW", 220, 350, 116)]
    got = paragraphs_of(left + right)
    assert got[0] == "THE COST OF ALL NECESSARY SERVICING, REPAIR OR CORRECTION."


def test_a_paragraph_running_on_to_the_next_page_goes_on_past_the_pages_sidebar():
    # Page 1's flow ends mid-sentence at the foot of its column; its sidebar is read after
    # its flow; page 2 opens with the sentence's end. One paragraph, then the sidebar.
    text = PROSE[0] + " " + PROSE[1]
    words, _ = column([text], 50, 300, 700)
    first = [w for w in words if w.bbox.top < 736]
    rest = moved([w for w in words if w.bbox.top >= 736], dy=-636, page=1)
    assert rest[0].text[:1].islower()  # the page turns in mid-sentence
    box = BBox(400, 100, 560, 200)
    note = "Keep the notices of every dependency with each copy you share."
    aside, _ = column([note], 410, 140, 110)
    out = paragraphs(page(first + aside, rules=(box,)), page(rest, number=1))
    assert out == [text, note]


def test_a_sidebar_ending_its_page_in_mid_sentence_goes_on_overleaf():
    # Page 1's flow ends a sentence; its boxed sidebar, read after the flow, stops in
    # mid-sentence; page 2 opens in lower case: the sidebar's sentence goes on there.
    body, _ = column([PROSE[0]], 50, 300, 600)
    box = BBox(400, 100, 560, 260)
    note = "Keep the notices of every dependency with each copy you share, and"
    aside, _ = column([note], 410, 140, 110)
    rest, _ = column(["say where the sources can be found."], 50, 300, 100)
    out = paragraphs(page(body + aside, rules=(box,)), page(moved(rest, page=1), number=1))
    assert out == [PROSE[0], note + " say where the sources can be found."]


def test_a_page_opening_with_a_capital_after_a_sidebar_is_a_new_paragraph():
    # The same, but the next page opens with a capital (a form, a CV, a title page end on a
    # sidebar as often as not): no evidence that the text runs on past the sidebar.
    from dataclasses import replace as with_

    text = PROSE[0] + " " + PROSE[1]
    words, _ = column([text], 50, 300, 700)
    first = [w for w in words if w.bbox.top < 736]
    rest = moved([w for w in words if w.bbox.top >= 736], dy=-636, page=1)
    rest[0] = with_(rest[0], text=rest[0].text.capitalize())
    box = BBox(400, 100, 560, 200)
    aside, _ = column(["Keep the notices of every dependency with each copy you share."], 410, 140, 110)
    out = paragraphs(page(first + aside, rules=(box,)), page(rest, number=1))
    assert len(out) == 3 and out[2].startswith(rest[0].text)
    # Without the sidebar, the same pages are one paragraph.
    assert len(paragraphs(page(first), page(rest, number=1))) == 1


def _justified_column_end(last, top=100.0):
    """Four justified lines of PROSE[0] from x=50 to 330, then ``last`` from the left edge."""
    words = PROSE[0].split()
    full = [" ".join(words[k * 7 : k * 7 + 7]) for k in range(4)]
    return _full_lines_then(full, last, top)


def test_a_short_last_line_of_justified_text_ends_the_paragraph_at_a_page_break():
    # The next page's first word would not have fitted after "the channel moved." (no room
    # for "Dredging" in 20 pt), but in justified text only a paragraph's last line stops short.
    lines = _justified_column_end("where the river bed had moved on and then it was gone.", top=700)
    body = [w for ln in lines for w in ln]
    following, _ = column([PROSE[1]], 50, 280, 100, page=1)
    ending = PROSE[0].split()[:28]
    assert paragraphs(page(body), page(following, number=1)) == [
        " ".join(ending) + " where the river bed had moved on and then it was gone.",
        PROSE[1],
    ]


def test_a_justified_last_line_half_an_em_short_still_ends_the_paragraph():
    # The column's last line stops 5 pt (half an em) short of the edge its justified lines run
    # to, a line of full width nearly; the next page opens a new paragraph. A line 0.5 pt
    # short is taken as flush (a justified line may end a hair off the edge): the text goes on.
    def pages(short: float):
        lines = _justified_column_end("", top=700)[:-1]
        last = "where the river bed had moved on and then it was gone."
        lines.append(_justified(last, 50, 330 - short, 748))
        following, _ = column([PROSE[1]], 50, 280, 100, page=1)
        return page([w for ln in lines for w in ln]), page(following, number=1)

    assert len(paragraphs(*pages(5.0))) == 2
    assert len(paragraphs(*pages(0.5))) == 1


def test_a_justified_column_running_to_its_edge_goes_on_onto_the_next_page():
    lines = _justified_column_end("", top=700)[:-1]  # four full lines, the last one flush
    body = [w for ln in lines for w in ln]
    following, _ = column([PROSE[1]], 50, 280, 100, page=1)
    ending = PROSE[0].split()[:28]
    assert paragraphs(page(body), page(following, number=1)) == [" ".join(ending + PROSE[1].split())]


_BROKEN = [
    "The harbour board met every spring to weigh the cost",
    "of dredging the channel, and every spring it found",
    "that the silt along the northern wall had become too",
]
_NEW = [
    "Even the pilots, who had argued for years about the",
    "channel, agreed in the end that the southern wall was",
    "holding up well.",
]


def _broken_off_page(left_rows: list[str] = _BROKEN) -> list:
    """A page whose left column ends in ``left_rows`` at its foot, full lines without a stop,
    and whose right column holds the paragraph _NEW."""
    left = [w for k, t in enumerate(left_rows) for w in _justified(t, 50, 290, 600 + 12 * k)]
    right = [w for k, t in enumerate(_NEW[:2]) for w in _justified(t, 320, 560, 100 + 12 * k)]
    right += text_line(_NEW[2], 320, 124)
    return left + right


def test_a_sentence_broken_off_at_a_columns_foot_does_not_run_into_a_new_sentence():
    # The left column stops in mid-sentence ("... had become too") at a full line; the right
    # column opens a new sentence ("Even the pilots"): not one paragraph.
    assert paragraphs(page(_broken_off_page())) == [" ".join(_BROKEN), " ".join(_NEW)]


def test_a_sentence_broken_off_at_a_columns_foot_goes_on_at_the_next_pages_head():
    # The sentence goes on overleaf, in lower case (a grid's wide column running on past its
    # narrow neighbour): there it joins its paragraph, which is read first.
    overleaf = text_line("uneven to dredge at all.", 50, 100, page=1)
    got = paragraphs(page(_broken_off_page()), page(overleaf, number=1))
    assert got == [" ".join(_BROKEN) + " uneven to dredge at all.", " ".join(_NEW)]


def test_a_broken_off_sentence_and_a_boxed_sidebar_both_go_on_overleaf_each_in_its_own_place():
    # Page 1: the wide column stops in mid-sentence at its foot, the narrow one opens a new
    # sentence, and the boxed sidebar under it stops in mid-sentence too. Page 2 opens the
    # flow in lower case at its head and goes on with the sidebar in a box of its own: the
    # flow's sentence goes on in the flow, the sidebar's in the box. The wide column's next
    # paragraph overleaf is read with it, before the narrow column and the box of page 1.
    note = "Keep the notices of every dependency with each copy you share with anyone, and list"
    aside, _ = column([note], 410, 140, 420)  # its last line runs to the measure: cut off
    first = page(_broken_off_page() + aside, rules=(BBox(400, 410, 560, 520),))
    rest = "the places where the sources can be found, which of them were changed and by whom."
    more = column([PROSE[0]], 50, 240, 130)[0] + column([rest], 410, 140, 110)[0]
    overleaf = text_line("uneven to dredge at all.", 50, 100, page=1) + moved(more, page=1)
    got = paragraphs(first, page(overleaf, number=1, rules=(BBox(400, 100, 560, 200),)))
    assert got == [
        " ".join(_BROKEN) + " uneven to dredge at all.",
        PROSE[0],
        " ".join(_NEW),
        note + " " + rest,
    ]


def test_a_ragged_sidebar_goes_on_overleaf_when_the_next_word_would_not_have_fitted():
    # A ragged sidebar's last line ("share, and") stops 89 pt short of its measure. The word
    # the next page's box opens with (85 pt wide) would not have fitted there: the measure
    # ended the line, and the sentence goes on in the box. A short word would have fitted:
    # the paragraph ended there, and the box opens another.
    note = "Keep the notices of every dependency with each copy you share, and"

    def pages(rest: str) -> list[str]:
        aside, _ = column([note], 410, 140, 420)
        body, _ = column([PROSE[0]], 50, 300, 100)
        first = page(body + aside, rules=(BBox(400, 410, 560, 470),))
        more = column([PROSE[1]], 50, 300, 100, page=1)[0] + column([rest], 410, 140, 110, page=1)[0]
        return paragraphs(first, page(more, number=1, rules=(BBox(400, 100, 560, 200),)))

    long = "acknowledgements, where the sources can be found and who changed them."
    assert pages(long) == [PROSE[0], note + " " + long, PROSE[1]]
    short = "the places where the sources can be found and who changed them."
    assert pages(short) == [PROSE[0], note, PROSE[1], short]


def test_a_one_line_sidebar_does_not_run_on_into_the_next_pages_sidebar():
    # Slides with a navigation box: "section pages" on every page, in lower case and without
    # a stop. A label, not a paragraph cut off at the page's foot: each stays on its own.
    words = []
    for n in range(2):
        body, _ = column([PROSE[n]], 50, 300, 100, page=n)
        words.append(body + text_line("section pages", 420, 120, page=n))
    box = (BBox(400, 110, 560, 140),)
    got = paragraphs(page(words[0], rules=box), page(words[1], number=1, rules=box))
    assert got == [PROSE[0], "section pages", PROSE[1], "section pages"]


def test_a_column_taken_up_overleaf_is_read_on_there_before_its_neighbour():
    # The wide column's sentence, broken off at page 1's foot beside a narrow column that
    # opens a new one, goes on at page 2's head; the wide column's next paragraph there is
    # read with it, then page 1's narrow column, then page 2's other column.
    overleaf = text_line("uneven to dredge at all.", 50, 100, page=1)
    overleaf += moved(column([PROSE[0]], 50, 240, 130)[0] + column([PROSE[1]], 320, 240, 100)[0], page=1)
    got = paragraphs(page(_broken_off_page()), page(overleaf, number=1))
    assert got == [" ".join(_BROKEN) + " uneven to dredge at all.", PROSE[0], " ".join(_NEW), PROSE[1]]


def test_a_sentence_running_on_into_a_name_at_the_next_columns_head_is_one_paragraph():
    # "... in the presence of the" / "Mayor and the council": a capital that begins a name,
    # not a sentence, so the paragraph runs on as usual.
    left = [w for k, t in enumerate(_BROKEN[:2]) for w in _justified(t, 50, 290, 600 + 12 * k)]
    left += _justified("that the silt was signed off in the presence of the", 50, 290, 624)
    right = text_line("Mayor and the council.", 320, 100)
    assert paragraphs(page(left + right)) == [
        " ".join(_BROKEN[:2]) + " that the silt was signed off in the presence of the Mayor and the council."
    ]


def test_a_sidebars_sentence_cut_between_two_of_its_blocks_is_one_paragraph():
    # A boxed sidebar whose paragraph's last line ("elements.") came out as a block of its
    # own, right under the rest: the sentence goes on in lower case, so it is one paragraph;
    # a block of code ("int main() {" / "int c;") does not run on so.
    from dataclasses import replace as with_

    from extractor.model import Block, Line
    from extractor.repair.paragraphs import paragraph_runs

    def block(rows, top, role=Role.SIDEBAR):
        lines = [Line.of(text_line(t, 360, top + 12 * k)) for k, t in enumerate(rows)]
        return with_(Block.of(lines, role), column=1)

    def texts(*blocks):
        runs = paragraph_runs([(0, b) for b in blocks])
        return [" ".join(ln.text for ln in run.lines) for run in runs]

    body = block(["Records from 1944 show that the", "builders had overhauled most of the lens"], 100)
    last = block(["elements."], 125)
    assert texts(body, last) == [
        "Records from 1944 show that the builders had overhauled most of the lens elements."
    ]
    # Glyph boxes taller than the line pitch (a face with long ascenders and descenders):
    # the block below starts a hair above the last line's box, right under it still.
    assert len(texts(body, block(["elements."], 121.7))) == 1
    code = [block(["int main() {"], 100), block(["int c;"], 113)]
    assert len(texts(*code)) == 2
    # A sentence ending at a line that ran to the box's edge, the next one opening the block
    # below: one paragraph as within one block; a short line before it ends the paragraph.
    first = block(["Records from 1944 show that the lens", "builders had overhauled most of it."], 100)
    rest = block(["According to the keeper, the work", "took a year."], 125)
    assert len(texts(first, rest)) == 1
    short = block(["Records from 1944 show that the lens", "was overhauled."], 100)
    assert len(texts(short, rest)) == 2


def test_a_capitalised_word_after_a_line_cut_short_beside_a_picture_runs_on():
    # Four-word lines justified to a picture's left edge; the third ends without a stop and
    # the fourth opens with a capitalised term ("Applications"), ending at the same edge:
    # still one sentence. (Rows of a table ending together do not run on so: see above.)
    lines = [
        _justified("You may place library facilities that are a work based on the", 50, 330, 100),
        _justified("Library side by side", 50, 170, 112),
        _justified("together with other library", 50, 170, 124),
        _justified("facilities that are not", 50, 170, 136),
        _justified("Applications and are not", 50, 170, 148),
        _justified("covered by this License, and convey such a combined library under", 50, 330, 160),
        text_line("terms of your choice.", 50, 172),
    ]
    assert len(paragraphs_of(lines)) == 1


def test_a_sentence_broken_off_on_a_preposition_goes_on_overleaf_in_a_name():
    # "... was sheltered in" at the column's foot, "September, ..." overleaf: after a
    # preposition the sentence goes on, capital or not.
    broken = [*_BROKEN[:2], "that the silt along the wall was only sheltered in"]
    overleaf = text_line("September, when the storms came.", 50, 100, page=1)
    got = paragraphs(page(_broken_off_page(broken)), page(overleaf, number=1))
    assert got == [" ".join(broken) + " September, when the storms came.", " ".join(_NEW)]


def test_a_sentence_broken_off_on_a_preposition_goes_on_overleaf_in_a_figure_of_the_text():
    # "... records of the silt from" at the column's foot, "1941 show ..." overleaf: a figure
    # that a word in lower case follows goes on with the sentence; "2 Methods", a numbered
    # heading, does not.
    broken = [*_BROKEN[:2], "that the silt along the wall was only recorded from"]
    overleaf = text_line("1941 show that the storms came.", 50, 100, page=1)
    got = paragraphs(page(_broken_off_page(broken)), page(overleaf, number=1))
    assert got == [" ".join(broken) + " 1941 show that the storms came.", " ".join(_NEW)]
    heading = text_line("2 Methods", 50, 100, page=1)
    got = paragraphs(page(_broken_off_page(broken)), page(heading, number=1))
    assert got == [" ".join(broken), " ".join(_NEW), "2 Methods"]


def test_a_question_opening_the_next_column_is_a_new_sentence():
    from extractor.model import Line
    from extractor.repair.paragraphs import broken_off

    last = Line.of(text_line("too rapid to transform without outside", 50, 100))
    assert broken_off(last, Line.of(text_line("Why did the catalogue", 320, 60)))
    assert not broken_off(last, Line.of(text_line("Wharton and his crew", 320, 60)))


def test_a_column_ending_on_a_sentences_first_word_is_broken_off():
    # "... in the desert plateau. By" / "Some students argue ...": "By" opens a sentence that
    # goes on elsewhere; a column ending on a plain capitalised word ("... in Bruges") is not.
    from extractor.model import Line
    from extractor.repair.paragraphs import broken_off

    opener = Line.of(text_line("Some students argue that", 320, 60))
    assert broken_off(Line.of(text_line("faint galaxies in the desert plateau. By", 50, 100)), opener)
    assert not broken_off(Line.of(text_line("the ledgers were kept in Bruges", 50, 100)), opener)


def test_a_broken_off_sentence_taken_up_overleaf_runs_on_into_the_next_column_there():
    # The sentence broken off on page 1 goes on at page 2's head, in a block that itself runs
    # on from the foot of page 2's left column into its right column: one paragraph.
    rows = [
        "uneven to dredge at all, and the board, which had met",
        "twice that winter, put off the decision until the",
    ]
    left = [w for k, t in enumerate(rows) for w in _justified(t, 50, 290, 700 + 12 * k)]
    overleaf = moved(left, page=1)
    right = text_line("spring, when the pilots came back.", 320, 100, page=1)
    got = paragraphs(page(_broken_off_page()), page(overleaf + right, number=1))
    assert got[0] == " ".join(_BROKEN) + (
        " uneven to dredge at all, and the board, which had met twice that winter, put off the"
        " decision until the spring, when the pilots came back."
    )


def test_lines_beside_a_drop_cap_after_a_colon_go_on_with_the_paragraph():
    # The first line (its drop cap joined to its first word) ends on a colon; the two lines
    # beside the cap are set in and run to the right edge; the text then goes on at the left.
    rows = [
        (50, "The result was a reliable bakery, in the end:"),
        (80, "coherent, seasonal, and gradually easy to"),
        (80, "transform. According to the old miller, the"),
        (50, "rye loaf was financed because the mill had grown too old to"),
        (50, "be kept running without help from the farmers in the valley"),
        (50, "who brought their grain to it every autumn for many years."),
    ]
    lines = [_justified(t, x0, 330, 100 + 12 * k) for k, (x0, t) in enumerate(rows)]
    assert len(paragraphs_of(lines)) == 1
    # Set in as far but stopping short, as code after a colon is: a display of its own.
    code = [
        _justified("We recommend the tool to prepare your list of references. The", 50, 330, 100),
        _justified("bibliography is given in your source by two commands, which", 50, 330, 112),
        _justified("are placed just before the end of the document, as shown here:", 50, 330, 124),
        text_line("\\bibliographystyle{ACM-Reference-Format}", 80, 136),
        text_line("\\bibliography{bibfile}", 80, 148),
        text_line("Nothing else is needed.", 50, 160),
    ]
    assert len(paragraphs_of(code)) == 3

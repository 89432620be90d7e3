"""repair.paragraphs: flow blocks in reading order -> paragraphs as runs of lines.

A paragraph break inside a block comes from a wider line pitch, a first-line indent, a
previous line that stopped short (the next line's first word would have fitted after it),
a change of type, or a list marker. Between blocks, a paragraph continues when the reader's
eye jumps (to the next column or page, or past a footnote or figure) from a line that ran
to the column's edge into a line that does not start a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extractor.glued.lexicon import DANGLING
from extractor.model import Block, Line, Role, same_type
from extractor.lines import FOLIO, LEADER_CHARS
from extractor.stats import median
from extractor.textnorm import LIST_MARK, SECTION_NUMBER, SENTENCE_END

TERMINAL = (*SENTENCE_END, ":")
_NOTE_MARKS = "0123456789*†‡§¶"


def ends_clause(line: Line, *, semicolon: bool = True) -> bool:
    """Does the line end a sentence (or clause)? A footnote mark after the full stop
    ("people.1", or a raised "1") does not hide it."""
    words = line.words
    last = words[-1]
    if len(words) > 1 and last.size < 0.8 * line.size:
        last = words[-2]  # a raised footnote mark after the last word
    text = last.text.rstrip(_NOTE_MARKS) or last.text
    return text.endswith((*TERMINAL, ";") if semicolon else TERMINAL)


@dataclass(frozen=True, slots=True)
class LineRun:
    """Lines of one paragraph (possibly from several blocks and pages) and its role."""

    lines: tuple[Line, ...]
    role: Role
    page: int


@dataclass(frozen=True, slots=True)
class _Frame:
    """The horizontal frame a block's lines are set in."""

    left: float
    right: float
    pitch: float
    hanging: bool
    margin: float | None = None  # the right edge two lines or more reach (justified text)


def paragraph_runs(blocks: list[tuple[int, Block]]) -> list[LineRun]:
    """Split and join the flow blocks (page index, block), already in reading order."""
    runs: list[list[Line]] = []
    roles: list[Role] = []
    pages: list[int] = []
    prev: Block | None = None
    prev_page = -1
    prev_inset = False
    column_blocks: dict[tuple[int, int], Block] = {}  # the last block seen in each column
    asides: dict[int, list[Block]] = {}  # each page's sidebars (they come after its flow)
    for page, block in blocks:
        if block.role is Role.SIDEBAR:
            asides.setdefault(page, []).append(block)
    prev_run = -1  # the run that ``prev``'s last paragraph is in
    past_aside = False  # a sidebar was read since ``prev``
    held: _BrokenOff | None = None  # a paragraph broken off in mid-sentence, waiting
    first_of_page = -1  # the page whose first body block was seen
    aside: Block | None = None  # the sidebar block read just before, if the last read was one
    aside_page = -1
    open_aside: tuple[int, int] | None = None  # (run, page) of the last sidebar paragraph
    # Where each run is read: after the runs before it, except the paragraphs of a column
    # taken up overleaf (see _BrokenOff), read right after the paragraph they go on from.
    keys: list[tuple[int, ...]] = []
    # (page, column, key of the paragraph it goes on from, paragraphs read since) of such a column
    thread: tuple[int, int, tuple[int, ...], int] | None = None
    for page, block in blocks:
        groups = split_block(block)
        went_on = -1  # the run this block's first paragraph went on with, if it did
        if aside is not None and block.role is Role.SIDEBAR and _runs_on_below(aside, block):
            runs[-1].extend(groups[0])  # a sidebar's sentence cut between two of its blocks
            groups, went_on = groups[1:], len(runs) - 1
        elif (
            open_aside is not None
            and open_aside[1] == page - 1
            and block.role is Role.SIDEBAR
            and block is asides[page][0]
            and _goes_on_in_box(runs[open_aside[0]], block.lines[0])
        ):
            # The page before's last sidebar stopped in mid-sentence: this page's first
            # sidebar goes on with it (a box continued overleaf in a box).
            runs[open_aside[0]].extend(groups[0])
            groups, went_on = groups[1:], open_aside[0]
        last_aside = aside if aside_page == page - 1 else None  # the page before ended in it
        if last_aside is not None and open_aside is not None and page in asides:
            if _goes_on_in_box(runs[open_aside[0]], asides[page][0].lines[0]):
                last_aside = None  # its sentence goes on in this page's box, not in its flow
        aside, aside_page = (block, page) if block.role is Role.SIDEBAR else (None, aside_page)
        opens_page = block.role is Role.BODY and first_of_page != page
        if opens_page:
            first_of_page = page
        if (
            groups
            and prev is not None
            and not prev_inset
            and (not past_aside or _goes_on(prev.lines[-1], block.lines[0]))
            and continues(prev, prev_page, block, page)
        ):
            runs[prev_run].extend(groups[0])
            groups, went_on = groups[1:], prev_run
        elif opens_page and last_aside and _goes_on(last_aside.lines[-1], block.lines[0]):
            # The page before ended in its sidebar, in mid-sentence: its box goes on overleaf.
            runs[-1].extend(groups[0])
            groups = groups[1:]
        elif held is not None and opens_page and held.resumes(block, page):
            runs[held.run].extend(groups[0])
            groups = groups[1:]
            # The column goes on overleaf: its paragraphs there are read before what was read
            # after the broken-off one (the narrow column beside it, the page's sidebars),
            # when it is running text (not a column of margin labels, a word or two a line).
            if _prose_lines(runs[held.run]):
                thread = (page, block.column, keys[held.run], 0)
            prev_run, held = held.run, None  # what runs on from this block runs on there
        elif prev is not None and _breaks_off(prev, prev_page, block, page):
            held = _BrokenOff(prev_run, prev_page, prev.lines[-1])
        if thread is not None and (
            (page, block.column) != thread[:2] or block.role is Role.SIDEBAR or block.column < 0
        ):
            thread = None  # the column's paragraphs overleaf end where another column starts
        for g in groups:
            runs.append(list(g))
            roles.append(block.role)
            pages.append(page)
            if thread is None:
                keys.append((len(runs) - 1,))
            else:
                thread = (*thread[:3], thread[3] + 1)
                keys.append((*thread[2], thread[3]))
        above = column_blocks.get((page, block.column)) if block.column >= 0 else None
        if block.role is Role.SIDEBAR:
            past_aside = True
            open_aside = (len(runs) - 1 if groups else went_on, page)
        else:
            # A page's sidebars are read after its flow, and a paragraph running on to the
            # next page goes on past them (when the next page opens in mid-sentence, in
            # lower case: a sidebar ends the page of a form or a CV as often as not).
            past_aside = False
            if groups:
                prev_run = len(runs) - 1
            prev, prev_page = block, page
            prev_inset = above is not None and _inset(block, above) and not _beside(block, asides.get(page, ()))
        if block.column >= 0:
            column_blocks[(page, block.column)] = block
    order = sorted(range(len(runs)), key=keys.__getitem__)
    return [LineRun(tuple(runs[i]), roles[i], pages[i]) for i in order]


THREAD_MIN_WORDS = 4  # words a line, on average, of a column read on overleaf as a thread


def _prose_lines(lines: list[Line]) -> bool:
    """Are ``lines`` running text, THREAD_MIN_WORDS words a line on average?"""
    return sum([len(ln.words) for ln in lines]) >= THREAD_MIN_WORDS * len(lines)


def _goes_on_in_box(lines: list[Line], first: Line) -> bool:
    """Does a sidebar's paragraph (``lines``), cut off at its page's foot, go on in the next
    page's first sidebar, whose first line is ``first``? It holds two lines at least (not a
    label or a heading, as a slide's navigation box repeats them), ``first`` goes on in lower
    case after no stop, and its first word would not have fitted on the last line (the
    measure ended that line, not the paragraph)."""
    if len(lines) < 2:
        return False
    last = lines[-1]
    widest = max(ln.bbox.x1 for ln in lines)
    return _goes_on(last, first) and not stopped_short(last, first, widest, last.size or 10.0)


def _runs_on_below(a: Block, b: Block) -> bool:
    """Does block ``b``, right under ``a`` in its column, go on with ``a``'s paragraph: its
    sentence in lower case (a paragraph's last line that the block builder set apart), or
    its text past a line that ran to the edge, as within one block?"""
    size = a.size or 10.0
    if not (
        a.bbox.h_overlap(b.bbox) > 0
        # (glyph boxes taller than the line pitch overlap a hair: still right under it)
        and -0.25 * size <= b.bbox.top - a.bbox.bottom < size
        and abs(a.size - b.size) <= 0.12 * size
    ):
        return False
    last, first = a.lines[-1], b.lines[0]
    end = last.words[-1].text[-1:]
    if end.isalnum() or end in ",-\u00ad":  # in the middle of a sentence (not of code: "{")
        return _goes_on(last, first)
    if len(a.lines) + len(b.lines) < 3 or _starts_item(first):
        return False
    if not first.words[0].text[:1].isalpha():
        return False  # (a line of code, an option's value)
    frame = frame_of(Block.of(a.lines + b.lines))
    before = a.lines[-2] if len(a.lines) > 1 else None
    return not _breaks(last, first, frame, size, before)


@dataclass(frozen=True, slots=True)
class _BrokenOff:
    """A paragraph whose sentence stops at a column's foot where the next column starts a new
    one (see :func:`broken_off`): the run it is in, its page and its last line."""

    run: int
    page: int
    line: Line

    def resumes(self, block: Block, page: int) -> bool:
        """Does the sentence go on in ``block``, the first of the next page (a grid's wide
        column running on overleaf past its narrow neighbour)? It does in lower case, or
        after an article or preposition in any word ("sheltered in" / "September"), or in a
        figure that a word in lower case follows ("from" / "1941 show"; not "2 Methods")."""
        if page != self.page + 1:
            return False
        first = block.lines[0]
        if _goes_on(self.line, first):
            return True
        if not _cut_short(self.line):
            return False
        words = first.words
        opening = words[0].text[:1]
        if opening.isalpha():
            return True
        return opening.isdigit() and len(words) > 1 and words[1].text[:1].islower()


def _breaks_off(a: Block, a_page: int, b: Block, b_page: int) -> bool:
    """Does body text stop in mid-sentence at ``a``'s column foot where ``b``, at the head
    of the next column of the page, opens a new sentence?"""
    size = a.size or 10.0
    return (
        a.role is b.role is Role.BODY
        and a_page == b_page
        and b.bbox.top < a.bbox.bottom - size
        and a.bbox.h_overlap(b.bbox) <= 0
        and broken_off(a.lines[-1], b.lines[0])
    )


def _inset(block: Block, above: Block) -> bool:
    """Is ``block`` set in from both sides of the text above it in its column (a block
    quote, a displayed definition)? Its end is the end of its paragraph."""
    size = block.size or 10.0
    return block.bbox.x0 > above.bbox.x0 + 1.5 * size and block.bbox.x1 < above.bbox.x1 - 1.5 * size


def _beside(block: Block, sidebars: Iterable[Block]) -> bool:
    """Is ``block`` set beside one of the page's sidebars (level with it, the box to its left
    or right)? Text squeezed beside a box is not set in as a quotation is."""
    return any(
        s.bbox.v_overlap(block.bbox) > 0 and (s.bbox.x1 <= block.bbox.x0 or s.bbox.x0 >= block.bbox.x1)
        for s in sidebars
    )


def frame_of(block: Block) -> _Frame:
    lines = block.lines
    left = min(ln.bbox.x0 for ln in lines)
    right = max(ln.bbox.x1 for ln in lines)
    pitches = [b.baseline - a.baseline for a, b in zip(lines, lines[1:]) if b.baseline > a.baseline]
    pitch = median(pitches) if pitches else block.size * 1.2
    size = block.size or 10.0
    # Lines set in because they open list items say nothing of a hanging indent.
    indented = sum(ln.bbox.x0 - left > 0.7 * size and not _starts_item(ln) for ln in lines[1:])
    hanging = len(lines) >= 3 and indented > (len(lines) - 1) / 2
    ends = sorted((ln.bbox.x1 for ln in lines), reverse=True)
    margin = next((a for a, b in zip(ends, ends[1:]) if a - b < 0.5 * size), None)
    return _Frame(left, right, pitch, hanging, margin)


_WHOLE = (Role.TITLE, Role.HEADING, Role.TABLE)


def split_block(block: Block) -> list[list[Line]]:
    """The paragraphs inside one block."""
    lines = block.lines
    if block.role in _WHOLE or not lines[0].words[0].upright:
        # A heading is one paragraph, however its lines are set; so is a table (its rows
        # are short lines that would each stop short) and a paragraph of turned text,
        # already found upright (see sideways.py).
        return [list(lines)]
    frame = frame_of(block)
    size = block.size or 10.0
    groups: list[list[Line]] = [[lines[0]]]
    item_x = _item_text_x(lines[0])
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        before = lines[i - 2] if i > 1 else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (
            item_x is not None
            and abs(line.bbox.x0 - item_x) < 0.5 * size
            and not _starts_item(line)
            and not _spaced_apart(prev, line, frame)
        ):
            groups[-1].append(line)  # a list item's wrapped line, set under its text
        # The local frame only narrows the right edge, which can only take a break away:
        # it is worked out for the few lines that break against the block's own frame.
        elif _breaks(prev, line, frame, size, before, after) and _breaks(
            prev, line, _local(frame, lines, i, size), size, before, after
        ):
            groups.append([line])
            item_x = _item_text_x(line)
        else:
            groups[-1].append(line)
    return groups


def _local(frame: _Frame, lines: tuple[Line, ...], i: int, size: float) -> _Frame:
    """The frame around the break before line ``i``: its right edge is that of the nearby
    lines set from the same left edge, so an indented quote inside a wider block is measured
    against its own width."""
    prev, line = lines[i - 1], lines[i]
    near = [
        ln.bbox.x1
        for ln in lines[max(0, i - 3) : i + 2]
        if abs(ln.bbox.x0 - prev.bbox.x0) < size or abs(ln.bbox.x0 - line.bbox.x0) < size
    ]
    right = max(near)
    narrowed = _Frame(frame.left, right, frame.pitch, frame.hanging, frame.margin)
    return narrowed if right < frame.right else frame


def _item_text_x(line: Line) -> float | None:
    """Where the text of a list item or numbered heading starts (after its bullet or number):
    the lines that wrap under that text belong to it."""
    if _starts_item(line) or (len(line.words) > 1 and SECTION_NUMBER.match(line.words[0].text)):
        return line.words[1].bbox.x0
    return None


def _spaced_apart(prev: Line, line: Line, frame: _Frame) -> bool:
    """Is ``line`` set further below ``prev`` than the block's line pitch allows?"""
    return line.baseline - prev.baseline > frame.pitch * 1.3 + 0.5


def _breaks(
    prev: Line,
    line: Line,
    frame: _Frame,
    size: float,
    before: Line | None = None,
    after: Line | None = None,
) -> bool:
    """Does a paragraph end after ``prev``? ``before`` is the line above ``prev`` in the block,
    ``after`` the line below ``line``."""
    if _spaced_apart(prev, line, frame):
        return True
    if _style_changes(prev, line, frame.margin, size, before):
        return True
    if _starts_item(line) and _may_end_before_item(prev, line, frame, size):
        return True
    if _cut_short(prev):
        return False
    opening = line.words[0].text
    if opening[:1].isdigit() and len(line.words) > 1 and SECTION_NUMBER.match(opening):
        if ends_clause(prev):
            return True  # "1.1. Subsections" after a sentence: a numbered heading in body type
    if _contents_entry(prev):
        return True
    indent = line.bbox.x0 - frame.left
    if frame.hanging:
        # Back at the left edge after an indented line: the next item of a list set with
        # hanging indents, unless the sentence runs on (a paragraph's indented first line
        # among the items: "... preparing a submis-" / "sion for publication").
        if (
            indent < 0.3 * size
            and prev.bbox.x0 - frame.left > 0.3 * size
            and not _goes_on(prev, line)
        ):
            return True
    elif (
        0.7 * size < indent < 10 * size
        and prev.bbox.x0 - frame.left < 0.7 * size
        and not _beside_a_cap(line, after, frame, size)
    ):
        # An indented line opens a paragraph only after a line that could end one: the lines
        # beside a drop cap are indented too, under a first line that runs on.
        if ends_clause(prev) or stopped_short(prev, line, frame.right, size):
            return True
    return stopped_short(prev, line, frame.right, size) and not _wraps(before, prev, line, frame, size)


def _beside_a_cap(line: Line, after: Line | None, frame: _Frame, size: float) -> bool:
    """Is the indented ``line`` the first of those set beside a drop cap: running to the
    block's right edge, the line under it set in as far (a paragraph's indent is its first
    line's alone; a display of code or a quotation is set in but stops short)?"""
    return (
        after is not None
        and abs(after.bbox.x0 - line.bbox.x0) < 0.3 * size
        and frame.right - line.bbox.x1 < size
        and frame.right - after.bbox.x1 < size
    )


_QUOTES = "\"'\u201c\u2018\u00ab"


def _wraps(before: Line | None, prev: Line, line: Line, frame: _Frame, size: float) -> bool:
    """Does ``prev`` stop short at a narrower measure that the line above or below it ends at
    too: justified text wrapping round a picture on its right? Lines ending together (to a
    tenth of the type size) well inside the block's right edge, of five words or more, or of
    three or more when the sentence goes on into ``line`` in lower case, or without a stop
    between lines above and below that end with it (a narrow column beside a picture); rows
    of a table with a column set flush right are shorter. ``line`` opens with a letter, as a
    sentence going on does."""
    x1 = prev.bbox.x1
    opening = line.words[0].text.lstrip(_QUOTES)[:1]
    if frame.right - x1 < 2 * size or not opening.isalpha():
        return False  # ("(B) ..." under "(A) ...": options of a question, not a sentence)
    flush = [o for o in (before, line) if o is not None and abs(o.bbox.x1 - x1) < 0.1 * size]
    # Three words suffice when the sentence goes on: in lower case, or past a capitalised word
    # between lines above and below that end at the same narrow measure as this one.
    goes_on = not ends_clause(prev) and (opening.islower() or len(flush) == 2)
    least = 3 if goes_on else 5
    return len(prev.words) >= least and any(len(other.words) >= least for other in flush)


# Words a sentence never stops on and a layout rarely does: articles, prepositions and
# possessives (the lexicon's DANGLING words less the conjunctions: the items of a legal
# enumeration end in "...; or", an algorithm's lines in "end if").
_RUNS_ON = DANGLING - {"and", "or", "nor", "but", "if", "because", "although", "whether"}


def _cut_short(line: Line) -> bool:
    """Does ``line`` end on an article or preposition ("... Felis lybica, the")? No paragraph
    ends there: a line that stops short on one was cut by a picture it wraps around. A
    capital A is left out: it names things ("alpha Cen A", "Appendix A") as often."""
    last = line.words[-1].text
    return last != "A" and last.isalpha() and last.lower() in _RUNS_ON


def _contents_entry(line: Line) -> bool:
    """Does the line end as an entry of a contents page, with a dotted leader to a page
    number ("Installation . . . . 12")? The entry ends there."""
    words = line.words
    if len(words) < 3 or words[-2].text[:1] not in LEADER_CHARS:
        return False  # (the cheap test first: this is asked of every line)
    return bool(FOLIO.match(words[-1].text)) and set(words[-2].text) <= LEADER_CHARS


def stopped_short(prev: Line, line: Line, right: float, size: float) -> bool:
    """True when ``line``'s first word would have fitted at the end of ``prev``."""
    if prev.words[-1].text.endswith(("-", "\u00ad")):
        return False
    room = right - prev.bbox.x1
    need = line.words[0].bbox.width + 0.6 * size
    return room > need + 0.5 * size


def _style_changes(
    prev: Line, line: Line, margin: float | None, size: float, before: Line | None = None
) -> bool:
    if not same_type(prev, line):
        return True
    # (the first word settles most lines: plain text is not bold from its first word on)
    if (
        prev.words[0].bold
        and not line.words[0].bold
        and all(w.bold for w in prev.words)
        and 2 * sum(w.bold for w in line.words) < len(line.words)
    ):
        # A bold line (a heading) ends; a bold lead-in running on does not, nor a bold
        # paragraph whose next line opens with a word in another face (a code word).
        return True
    if (
        line.words[0].bold
        and all(w.bold for w in line.words)
        and not any(w.bold for w in prev.words)
        and not _runs_on(prev, line, margin, size)
    ):
        return True  # plain text gives way to a bold line: a heading starts
    if (
        capitals_line(prev)
        and not capitals_line(line)
        and not _caps_run_on(before, prev, margin, size)
    ):
        return True  # a heading in capitals on a line of its own
    return _bold_run_in(line) and not prev.words[-1].bold and ends_clause(prev, semicolon=False)


def _runs_on(prev: Line, line: Line, margin: float | None, size: float) -> bool:
    """Does ``line`` go on with the sentence of ``prev``: ``prev`` runs to the block's
    justified right margin (``margin``, see :class:`_Frame`) without a stop, and ``line``
    opens in lower case? Bold words then wrap onto the next line ("... by the" / "**method of
    nodal voltages**:"): no heading starts there. A label over a name ("Chair of the
    committee" / "**prof. Rossi**") does not run on: no two lines of it end together. (Not
    asked where a bold line ends: a heading ends without a stop, and a name or a command may
    follow it in lower case.)"""
    return _goes_on(prev, line) and _at_margin(prev, margin, size)


# Words that open a sentence far more often than they begin a name: a column that starts with
# one of them, capitalised, starts a sentence.
SENTENCE_OPENERS = frozenset(
    "The A An This That These Those It Its We Our They Their He She His Her I In On At For "
    "From With Without By To Of As After Before When While If Although Because But And Yet "
    "However Even Some Most Many Few Each Every No Nobody There Here One Another Such Other "
    "According Not Only Today Then Now Since During Despite Instead Still Also Why What How Who "
    "Where Which Both Either Neither All Any Several Meanwhile Later Finally Perhaps".split()
)


def broken_off(last: Line, first: Line) -> bool:
    """Does a column's text stop in mid-sentence ("... had become too", "... plateau. By")
    where the next column starts a new one ("Even the ...")? That sentence goes on elsewhere
    (an article jumping to a later page, a column of a grid running on past its neighbour):
    not here."""
    end, start = last.words[-1].text, first.words[0].text
    open_end = end.isalpha() and (end.islower() or end.lower() in _RUNS_ON)  # "... plateau. By"
    return open_end and start in SENTENCE_OPENERS and len(first.words) > 1


def _goes_on(prev: Line, line: Line) -> bool:
    """Does ``line`` open in lower case after ``prev`` ended without a stop: one sentence?"""
    return line.words[0].text[:1].islower() and not ends_clause(prev)


def _at_margin(line: Line, margin: float | None, size: float) -> bool:
    """Does ``line`` end at the block's justified right margin (see :class:`_Frame`)?"""
    return margin is not None and abs(margin - line.bbox.x1) < size


def _caps_run_on(before: Line | None, prev: Line, margin: float | None, size: float) -> bool:
    """Is the line of capitals ``prev`` the middle of a sentence in capitals (a licence's
    disclaimer) rather than a heading: the line above it, not in capitals itself, runs to the
    block's justified margin and on into it without a stop?"""
    return (
        before is not None
        and _at_margin(before, margin, size)
        and not capitals_line(before)
        and not _stops(before)
    )


def capitals_line(line: Line) -> bool:
    """A short line all in capitals ("CORPORATE SOCIAL RESPONSIBILITY: THE CONTEXT")."""
    if len(line.words) > 8:
        return False
    first = line.words[0].text
    if first != first.upper():
        return False  # the first word has a lower-case letter: most lines end here
    if not "".join([w.text for w in line.words]).isupper():
        return False  # a lower-case letter, or no cased letter at all: settled in one call
    letters = [ch for w in line.words for ch in w.text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _bold_run_in(line: Line) -> bool:
    """The line opens with a bold lead-in ("General Terms ...") and goes on in plain type."""
    words = line.words
    return len(words) > 1 and words[0].bold and not words[-1].bold


def _may_end_before_item(prev: Line, line: Line, frame: _Frame, size: float) -> bool:
    """A bullet always opens an item; a number or letter ("3)", "a.") only after a line that
    could end there: running text cites "(Figures 2 and" / "3) is offset" too. A mark in
    brackets ("(2)") after a full justified line of prose (five words or more, not an item
    itself) that ends without a stop is an enumeration running in the text ("... on the
    software, and" / "(2) offer you ...")."""
    mark = line.words[0].text
    if not mark[:1].isalnum():
        if (
            mark[:1] == "("
            and len(prev.words) >= 5
            and not _starts_item(prev)
            and _full(prev, frame, size)
            and not _stops(prev)
        ):
            return False
        return True
    return ends_clause(prev) or stopped_short(prev, line, frame.right, size)


def _full(line: Line, frame: _Frame, size: float) -> bool:
    """Is ``line`` a full line of justified text: from the block's left edge (or a first-line
    indent) to the right margin its lines share (see :class:`_Frame`), which is the block's
    right edge too (two short lines of one length end together by chance)?"""
    margin = frame.margin
    return (
        margin is not None
        and abs(margin - frame.right) < size
        and _at_margin(line, margin, size)
        and line.bbox.x0 - frame.left < 3 * size
    )


def _stops(line: Line) -> bool:
    """Does the line end a sentence or clause, in Latin or CJK punctuation?"""
    return ends_clause(line) or line.words[-1].text[-1:] in "\u3002\uff0e\uff01\uff1f\uff1b\uff1a"


def _starts_item(line: Line) -> bool:
    return len(line.words) > 1 and bool(LIST_MARK.match(line.words[0].text))


def _line_gap(*blocks: Block) -> float:
    """The gap between the lines of the first of ``blocks`` that has several (0.0 if none
    has): on a loosely spaced page a paragraph's lines stand that far apart."""
    for block in blocks:
        lines = block.lines
        if len(lines) > 1:
            return median([b.bbox.top - a.bbox.bottom for a, b in zip(lines, lines[1:])])
    return 0.0


def _around_a_float(a: Block, b: Block, last: Line, first: Line, size: float) -> bool:
    """Does a paragraph go on below a figure or table set in its column? Only when the
    sentence plainly does: the paragraph above (two lines at least, so its measure is known)
    ends in a line that runs to the measure without ending a clause, and the text below, set
    to the same measure, opens in lower case, not indented."""
    if len(a.lines) < 2 or ends_clause(last) or not first.words[0].text[:1].islower():
        return False
    frame = frame_of(a)
    if last.bbox.x1 < frame.right - size or frame.hanging:
        return False
    if abs(first.bbox.x0 - frame.left) >= 0.7 * size:
        return False
    below = frame_of(b)
    if abs(below.left - frame.left) > size:
        return False
    if len(b.lines) > 1:
        return abs(below.right - frame.right) <= size
    return below.right <= frame.right + size


def _capitals_run_on(last: Line, first: Line) -> bool:
    """Does a sentence in capitals (a licence's disclaimer) run on from ``last`` into
    ``first``: ``last`` in capitals ending without a stop, both lines of four words or more,
    or ``last`` ending on a word no sentence ends on ("OR", "OF")? (Short lines of capitals
    are headings, labels or a table's cells.)"""
    letters = [ch for w in last.words for ch in w.text if ch.isalpha()]
    if len(letters) < 4 or not all(ch.isupper() for ch in letters) or ends_clause(last):
        return False
    # Short lines only when the sentence cannot have ended: "SERVICING, REPAIR OR" over
    # "CORRECTION.".
    if last.words[-1].text.lower() in DANGLING:
        return len(last.words) >= 2
    return len(last.words) >= 4 and len(first.words) >= 4


JUSTIFIED_LINES = 3  # lines flush with the right edge before a column's last line
JUSTIFIED_TOL_EM = 0.1  # how far from the edge a justified line may end
SHORT_END_EM = 0.4  # how far short of it a paragraph's last line stops


def _justified_end(block: Block, size: float) -> bool:
    """Does the block end a paragraph of justified text? The lines above its last one end
    flush with its right edge (to a tenth of the type size), as only justified lines do, and
    the last one stops SHORT_END_EM or more short of it: a justified paragraph's last line is
    the only one not stretched to the edge, even when the next word would not have fitted."""
    lines = block.lines
    if len(lines) <= JUSTIFIED_LINES:
        return False
    right = max(ln.bbox.x1 for ln in lines)
    tol = JUSTIFIED_TOL_EM * size
    return all(right - ln.bbox.x1 <= tol for ln in lines[-1 - JUSTIFIED_LINES : -1]) and (
        right - lines[-1].bbox.x1 >= SHORT_END_EM * size
    )


def continues(a: Block, a_page: int, b: Block, b_page: int) -> bool:
    """Does the last paragraph of ``a`` go on in ``b`` (the next flow block)?"""
    if a.role is b.role is Role.TITLE or (
        a.role is b.role is Role.HEADING and abs(a.size - b.size) < 0.5 and 0 <= b.bbox.top - a.bbox.bottom < a.size
    ):
        return a_page == b_page  # a title or heading set in several blocks
    if a.role is not Role.BODY or b.role is not Role.BODY:
        return False
    size = a.size or 10.0
    if abs(a.size - b.size) > 0.12 * size:
        return False
    last, first = a.lines[-1], b.lines[0]
    if _starts_item(first):
        return False
    if capitals_line(first) and not _capitals_run_on(last, first):
        return False  # a line of capitals opens a heading, unless a sentence in capitals runs on
    if all(w.bold for w in first.words) and not all(w.bold for w in last.words):
        return False  # plain text does not run on into a bold line: that is a heading
    jump = b_page != a_page or b.bbox.top < a.bbox.bottom - size or a.bbox.h_overlap(b.bbox) <= 0
    if not jump:
        gap = b.bbox.top - a.bbox.bottom
        if gap > 1.0 * size and gap > 1.2 * _line_gap(a, b):
            return _around_a_float(a, b, last, first, size)
        frame = frame_of(a)
        if len(a.lines) == 1 and len(b.lines) > 1:
            # One line tells no line pitch: that of the block below is taken (a loosely
            # spaced page, whose indented first lines stand alone); and its measure, when the
            # line runs to its right edge (not a centred line).
            below = frame_of(b)
            if abs(a.bbox.x1 - below.right) <= size:
                frame = _Frame(min(a.bbox.x0, below.left), below.right, below.pitch, False)
            else:
                frame = _Frame(frame.left, frame.right, below.pitch, frame.hanging)
        return not _breaks(last, first, frame, size)
    if last.words[-1].text.endswith(("-", "\u00ad")):
        return True
    if broken_off(last, first):
        return False
    frame_a = frame_of(a)
    if stopped_short(last, first, frame_a.right, size) or _justified_end(a, size):
        return False
    if len(b.lines) > 1:
        frame_b = frame_of(b)
        if not frame_b.hanging and first.bbox.x0 - frame_b.left > 0.7 * size:
            return False
    # The last line ran to the column's edge and the next column's first line is not
    # indented: a paragraph ending exactly at a full line is the rare case.
    return True

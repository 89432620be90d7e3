"""sideways: text set turned on an upright page (a table or a caption along the page), read.

A page is turned as a whole when most of its text runs one way (see :mod:`orientation`); the
turned text left on an upright page was set aside as margin text, which is right for a
stamp or an axis label but loses a sideways table or its caption. Turned text of some size
(MIN_LINES lines, MIN_WORDS words, all one way) is analysed on its own, turned upright like a
page of its own, and its paragraphs come back as sidebars: read after the page's main flow,
each one paragraph, in the page's own coordinates.
"""

from __future__ import annotations

from extractor.load import RawPage
from extractor.model import FLOW_ROLES, Block, Line, Role
from extractor.orientation import TURNS, turn_back, turn_page

MIN_LINES = 3  # a stamp ("arXiv:2405.01234v1 [cs.DL] ...") or an axis label is one or two
MIN_WORDS = 12
# The turned text is no page of its own: what stands at its edges is margin text (a stamp
# beside a turned table), not a running head.
_EDGE = {Role.HEADER: Role.MARGIN, Role.FOOTER: Role.MARGIN, Role.PAGE_NUMBER: Role.MARGIN}


def read_sideways(raw: RawPage, rotated: list[Line]) -> tuple[list[Block], list[Line]]:
    """(the paragraphs of the page's turned text of some size, as blocks of one paragraph
    each, in reading order; the turned lines left over, which are margin text)."""
    by_turn: dict[int, list[Line]] = {}
    for ln in rotated:
        by_turn.setdefault(ln.words[0].turn, []).append(ln)
    blocks: list[Block] = []
    rest: list[Line] = []
    for turn, lines in by_turn.items():
        words = [w for ln in lines for w in ln.words]
        if turn not in TURNS or len(lines) < MIN_LINES or len(words) < MIN_WORDS:
            rest.extend(lines)
            continue
        blocks.extend(_read_turned(raw, words, turn))
    return blocks, rest


def _read_turned(raw: RawPage, words: list, turn: int) -> list[Block]:
    # Imported here: layout calls this module for every page with turned text.
    from extractor.layout import analyse_page
    from extractor.lines import build_lines
    from extractor.repair.paragraphs import split_block

    sub = turn_page(RawPage(raw.number, raw.width, raw.height, tuple(words)), turn)
    page = analyse_page(sub, build_lines(sub.words, sub.rules), first_page=False)
    out: list[Block] = []
    for block in page.blocks:
        role = Role.SIDEBAR if block.role in FLOW_ROLES else _EDGE.get(block.role, block.role)
        groups = split_block(block) if role is Role.SIDEBAR else [list(block.lines)]
        for group in groups:
            back = [Line.of(turn_back(list(ln.words), turn, sub.width, sub.height)) for ln in group]
            out.append(Block.of(back, role))
    return out

"""writers: Document -> text, Markdown or JSON; pure functions, same input same bytes.

All three render one list of page elements (:func:`elements_of`): the document's flow
paragraphs in their order, and each page's other blocks (running heads and feet, page numbers,
captions, footnotes, bylines, margin stamps) merged in where they stand in the page's reading
order. Text and Markdown show those other blocks only with ``Document.keep_furniture``; JSON
always lists them, with their roles. The body text of all three comes from
``Document.paragraphs`` and nothing else, so the outputs cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from itertools import pairwise
from statistics import median
from typing import Any

import regex

from extractor.model import BBox, Block, Document, Line, Page, Paragraph, Role, Word
from extractor.repair.text import join_lines
from extractor.roles import body_size
from extractor.textnorm import BULLET_CHARS

SCHEMA_VERSION = "1.1"
NDIGITS = 2  # coordinates and sizes in JSON are rounded to 1/100 point
# A heading this much larger than the page's body type (bold counts as BOLD_GAIN more) is "##",
# a smaller one "###"; "#" is the document's title.
H2_RATIO, BOLD_GAIN = 1.4, 0.15
# Letter-spaced furniture ("w w w . e x a m p l e"): most words one glyph, and the gaps between
# them no wider than this many times their median gap belong inside one word.
SPACED_SHARE, SPACED_GAP = 0.8, 1.3

BULLET = regex.compile(rf"^[{BULLET_CHARS}\u2013\u2014*-]$")
ORDERED = regex.compile(r"^\d{1,9}[.)]$")
MD_SPECIAL = regex.compile(r"([\\`*_\[\]<~])")
MD_LINE_START = regex.compile(r"^(?:([#>+=|-])|(\d{1,9})([.)])(?=\s|$))")
MD_CLOSING_HASHES = regex.compile(r"(\s)(#+)$")
LAST = 1 << 30  # merge order of furniture below the whole flow of its page
NUMBER_ARRAY = regex.compile(r"\[\n\s+(-?\d[^\[\]{}\"]*?)\n\s*\]")


@dataclass(frozen=True, slots=True)
class Element:
    """One item of a page's reading order: a flow paragraph or another block.

    ``page`` is the 0-based index of the page it starts on; ``paragraph`` the index of its
    paragraph in ``Document.paragraphs`` (None for furniture); ``lines`` its source lines;
    ``bbox`` the box of its lines on its first page.
    """

    page: int
    role: Role
    text: str
    lines: tuple[Line, ...]
    column: int
    paragraph: int | None
    bbox: BBox
    order: int = -1  # the page's reading-order index of the block holding its first line

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for ln in self.lines for w in ln.words)


# -- elements: paragraphs and furniture, in reading order ------------------------------------


def elements_of(doc: Document, *, furniture: bool = True) -> list[Element]:
    """The document's flow paragraphs in order, each page's other blocks merged in.

    A block goes before the first paragraph of its page whose first line comes later in the
    page's reading order; the paragraphs keep their order whatever happens (sidebars, read
    after the main flow, may thus be preceded by a footer). A paragraph that runs onto the next
    page belongs to the page where it starts.
    """
    where = _line_blocks(doc.pages)
    pages = {page.number: page for page in doc.pages}
    pending = {page.number: list(_furniture(page)) if furniture else [] for page in doc.pages}
    order = [page.number for page in doc.pages]
    out: list[Element] = []
    done = 0  # pages before order[done] have had all their furniture emitted
    for pid, para in enumerate(doc.paragraphs):
        if not (para.role.is_flow and para.text):
            continue
        if para.page in pages and order.index(para.page) >= done:
            while order[done] != para.page:
                out.extend(pending[order[done]])
                pending[order[done]] = []
                done += 1
        element = _paragraph_element(pid, para, where, pages.get(para.page))
        if element.order >= 0 and para.page in pending:
            waiting = pending[para.page]
            out.extend(e for e in waiting if e.order < element.order)
            pending[para.page] = [e for e in waiting if e.order >= element.order]
        out.append(element)
    for number in order[done:]:
        out.extend(pending[number])
    return out


def _line_blocks(pages: tuple[Page, ...]) -> dict[int, tuple[int, Block]]:
    """id(line) -> (page index, block holding it), for every line of every page."""
    return {id(ln): (page.number, b) for page in pages for b in page.blocks for ln in b.lines}


def _furniture(page: Page) -> Iterator[Element]:
    """The page's blocks outside the flow; those wholly above (below) the flow come first (last).

    ::

        P. 23 ............ above every flow block: before the page's first paragraph
        [col 1]  [col 2]   in between: by the page's reading order
        www.example.org    below every flow block: after the page's last paragraph
    """
    flow = [b.bbox for b in page.blocks if b.role.is_flow]
    top = min((f.top for f in flow), default=0.0)
    bottom = max((f.bottom for f in flow), default=page.height)
    for b in page.blocks:
        if not b.role.is_flow:
            lines = tuple(_unspaced(ln) for ln in b.lines)
            text = join_lines(lines, frozenset())
            order = -1 if b.bbox.bottom <= top else LAST if b.bbox.top >= bottom else b.order
            yield Element(page.number, b.role, text, b.lines, b.column, None, b.bbox, order)


def _paragraph_element(
    pid: int, para: Paragraph, where: dict[int, tuple[int, Block]], page: Page | None
) -> Element:
    first = where.get(id(para.lines[0])) if para.lines else None
    block = first[1] if first else None
    bbox = para.bbox or BBox(0, 0, page.width if page else 0, page.height if page else 0)
    return Element(
        para.page,
        para.role,
        para.text,
        para.lines,
        block.column if block else -1,
        pid,
        bbox,
        block.order if block else -1,
    )


def _unspaced(line: Line) -> Line:
    """Join the glyphs of a letter-spaced line into words (a tracked footer or running head)."""
    words = line.words
    if len(words) < 4 or sum(len(w.text) == 1 for w in words) < SPACED_SHARE * len(words):
        return line
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in pairwise(words)]
    tight = median(gaps) * SPACED_GAP + 0.1
    groups: list[list[Word]] = [[words[0]]]
    for gap, w in zip(gaps, words[1:], strict=True):
        if gap <= tight:
            groups[-1].append(w)
        else:
            groups.append([w])
    return Line.of([_merged(g) for g in groups])


def _merged(words: list[Word]) -> Word:
    text = "".join(w.text for w in words)
    return replace(words[0], text=text, bbox=BBox.enclosing([w.bbox for w in words]))


# -- text ------------------------------------------------------------------------------------


def to_text(doc: Document) -> str:
    """Paragraphs, one per line, separated by one blank line (furniture with keep_furniture)."""
    if doc.keep_furniture:
        body = [e.text for e in elements_of(doc) if e.text and _shown(e)]
    else:  # the flow paragraphs, in order: what elements_of would give, without their boxes
        body = [p.text for p in doc.paragraphs if p.role.is_flow and p.text]
    return "\n\n".join(body) + ("\n" if body else "")


def _shown(e: Element) -> bool:
    """Text and Markdown leave out artifacts (leaders, stray punctuation) even with furniture."""
    return e.role is not Role.ARTIFACT


# -- Markdown --------------------------------------------------------------------------------


def to_markdown(doc: Document) -> str:
    """CommonMark: the title as ``#``, headings ``##``/``###`` by size and weight, list items
    as ``-``/``1.`` items, bold and italic runs as ``**``/``_``, sidebars as block quotes.

    Characters Markdown would read as markup are backslash-escaped, so removing the markup
    gives back the words of the text output (less the bullet glyphs that became ``-``).
    """
    sizes = {
        page.number: body_size([b for b in page.blocks if b.role is not Role.MARGIN])
        for page in doc.pages
    }
    chunks: list[str] = []
    prev: Element | None = None
    for e in elements_of(doc, furniture=doc.keep_furniture):
        if not (e.text and _shown(e)):
            continue
        chunk = _md_element(e, sizes.get(e.page, 0.0))
        if prev is not None and e.role is prev.role is Role.SIDEBAR and e.page == prev.page:
            chunks[-1] += "\n>\n" + chunk  # one quote for the paragraphs of one sidebar
        else:
            chunks.append(chunk)
        prev = e
    return "\n\n".join(chunks) + ("\n" if chunks else "")


def _md_element(e: Element, page_body: float) -> str:
    tokens = styled_tokens(e.text, e.words)
    if e.role is Role.TITLE:
        return "# " + _md_heading(tokens)
    if e.role is Role.HEADING:
        return "#" * heading_level(e, page_body) + " " + _md_heading(tokens)
    if e.role is Role.SIDEBAR:
        return "> " + _md_inline(tokens)
    if e.role is Role.LIST_ITEM and len(tokens) > 1:
        mark = tokens[0][0]
        if ORDERED.match(mark):
            return mark + " " + _md_inline(tokens[1:])
        if BULLET.match(mark):
            return "- " + _md_inline(tokens[1:])
        return "- " + _md_inline(tokens)
    return _md_inline(tokens)


def heading_level(e: Element, page_body: float) -> int:
    """2 for a heading well above the page's body size (bold helps), else 3."""
    words = e.words
    if not words or page_body <= 0:
        return 3
    size = _dominant([(w.size, len(w.text)) for w in words])
    bold = all(w.bold for w in words)
    return 2 if size / page_body + (BOLD_GAIN if bold else 0.0) >= H2_RATIO else 3


def _md_heading(tokens: list[tuple[str, bool, bool]]) -> str:
    """A heading's own weight or slant (every word bold) is not marked inside it."""
    all_bold = all(b for _, b, _ in tokens)
    all_italic = all(i for _, _, i in tokens)
    text = _md_inline([(t, b and not all_bold, i and not all_italic) for t, b, i in tokens])
    return str(MD_CLOSING_HASHES.sub(r"\1\\\2", text))


def styled_tokens(text: str, words: tuple[Word, ...]) -> list[tuple[str, bool, bool]]:
    """The space-separated tokens of ``text`` with (bold, italic) from the words they came from.

    A token is one word, or several when repair joined words broken at a line end; it is
    bold (italic) only when all of them are. When the text cannot be matched word for word
    (a hand-built paragraph), no token is styled.
    """
    tokens = text.split(" ")
    out: list[tuple[str, bool, bool]] = []
    j = 0
    for tok in tokens:
        target, acc, k = _squash(tok), "", j
        while k < len(words) and (k == j or len(acc) < len(target)):
            acc += _squash(words[k].text)
            k += 1
        if acc != target or k == j:
            return [(t, False, False) for t in tokens]
        group = words[j:k]
        out.append((tok, all(w.bold for w in group), all(w.italic for w in group)))
        j = k
    if j != len(words):
        return [(t, False, False) for t in tokens]
    return out


def _squash(word: str) -> str:
    """A word without the hyphens and dashes a line-end join may have removed."""
    return word.replace("\u00ad", "").replace("-", "").replace("\u2013", "")


def _md_inline(tokens: list[tuple[str, bool, bool]]) -> str:
    """Escaped tokens, with runs of bold tokens in ``**`` and of italic ones in ``_``."""
    escaped = [(MD_SPECIAL.sub(r"\\\1", t), b, i) for t, b, i in tokens]
    if escaped:
        t, b, i = escaped[0]
        escaped[0] = (MD_LINE_START.sub(_escape_start, t), b, i)
    parts = []
    for bold, run in _runs(escaped, 1):
        inner = " ".join(
            f"_{' '.join(t for t, _, _ in r)}_" if italic else " ".join(t for t, _, _ in r)
            for italic, r in _runs(run, 2)
        )
        parts.append(f"**{inner}**" if bold else inner)
    return " ".join(parts)


def _escape_start(m: regex.Match[str]) -> str:
    if m.group(1):
        return "\\" + str(m.group(1))
    return f"{m.group(2)}\\{m.group(3)}"


def _runs(
    tokens: list[tuple[str, bool, bool]], flag: int
) -> Iterator[tuple[bool, list[tuple[str, bool, bool]]]]:
    """Maximal runs of tokens sharing the flag at index ``flag`` (1 bold, 2 italic)."""
    start = 0
    for k in range(1, len(tokens) + 1):
        if k == len(tokens) or tokens[k][flag] != tokens[start][flag]:
            yield bool(tokens[start][flag]), tokens[start:k]
            start = k


# -- JSON ------------------------------------------------------------------------------------


def to_json(doc: Document) -> str:
    """The document as JSON (schema ``extractor/schema/document.schema.json``).

    Every page lists all its elements in reading order with role, text, box, column, font
    and size; flow paragraphs carry their index in the text output. Keys come in a fixed
    order, numbers are rounded to 2 decimals: the same document gives the same bytes.
    """
    elements = elements_of(doc)
    pages = []
    for page in doc.pages:
        pages.append(
            {
                "index": page.number,
                "number": page.number + 1,
                "width": _r(page.width),
                "height": _r(page.height),
                "no_text": page.no_text,
                "needs_ocr": page.needs_ocr,
                "garbled": page.garbled,
                "turn": page.turn,
                **({"mirrored": True} if page.mirrored else {}),
                "columns": [[_r(x0), _r(x1)] for x0, x1 in page.columns],
                "elements": [_json_element(e) for e in elements if e.page == page.number],
            }
        )
    data = {
        "schema_version": SCHEMA_VERSION,
        "source": doc.source,
        "units": "pt",
        "origin": "top-left",
        "pages": pages,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return str(NUMBER_ARRAY.sub(_one_line_array, text)) + "\n"


def _json_element(e: Element) -> dict[str, Any]:
    words = e.words
    return {
        "role": e.role.value,
        "text": e.text,
        "bbox": list(e.bbox.rounded(NDIGITS)),
        "column": e.column,
        "font": _dominant([(w.font, len(w.text)) for w in words]) if words else "",
        "size": _r(_dominant([(w.size, len(w.text)) for w in words])) if words else 0.0,
        "paragraph": e.paragraph,
        "parts": [{"page": p, "bbox": list(b.rounded(NDIGITS))} for p, b in _parts(e)],
    }


def _parts(e: Element) -> list[tuple[int, BBox]]:
    """Boxes of the element's lines, one per page and block (column) they run through."""
    parts: list[tuple[int, BBox]] = []
    for ln in e.lines:
        page = ln.words[0].page
        if parts and parts[-1][0] == page and _same_frame(parts[-1][1], ln.bbox):
            parts[-1] = (page, parts[-1][1].union(ln.bbox))
        else:
            parts.append((page, ln.bbox))
    return parts or [(e.page, e.bbox)]


def _same_frame(box: BBox, line: BBox) -> bool:
    """A line continues the part above it: it starts below it and overlaps it sideways."""
    return line.top >= box.top and line.h_overlap(box) > 0


def _dominant(weighted: list[tuple[Any, int]]) -> Any:
    """The value carrying the most characters (ties: the larger value)."""
    totals: dict[Any, int] = {}
    for value, n in weighted:
        totals[value] = totals.get(value, 0) + n
    return max(totals.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _r(x: float) -> float:
    return round(float(x), NDIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def _one_line_array(m: regex.Match[str]) -> str:
    return "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that :func:`to_json` output follows."""
    path = resources.files("extractor") / "schema" / "document.schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data

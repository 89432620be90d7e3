"""roles: decide what each block of a page is (body, heading, caption, footnote, furniture).

Page-local evidence only: position near the page edges, type size against the page's body
size, and the shape of the text. Repetition across pages (running heads) is document-level
evidence and is applied in the repair stage.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractor.model import BBox, Block, Role
from extractor.textnorm import LIST_MARK, SENTENCE_END

PAGE_NUMBER = regex.compile(
    r"^(?:(?:page|p\.|pp\.|seite|s\.|pag\.)\s*)?[-–—]?\s*(?:\d{1,5}|[ivxlc]{1,6})\s*[-–—]?"
    r"(?:\s*(?:of|/|von)\s*\d{1,4})?$|^(?:page|p\.)\s*\d{1,4}\b",
    regex.IGNORECASE,
)
# A label and its number open a caption: "Figure 3:", "Table 2.", "Fig. 4b", "Table 1" alone
# or before its title. Not when a lower-case word follows the number with no stop between:
# "Table 1 contains some sample data" is a sentence of the text that names the table.
CAPTION = regex.compile(
    r"^(?:fig(?:ure)?|table|tab|chart|plate|listing|algorithm|exhibit|scheme|graph)"
    r"\.?\s*(?:\d+|[IVX]+)[a-z]?(?:\.\d+)*"
    r"(?:\s*[.:|—–-](?:\s|$)|\s*$|\s+(?-i:(?!\p{Ll}{2})))",
    regex.IGNORECASE,
)
FOOTNOTE_MARK = regex.compile(r"^(?:\d{1,3}|[*†‡§¶]+|\(\d{1,3}\)|\[\d{1,3}\])(?:\s|\p{Lu}|\p{Ll})")
EDGE_BAND = 0.085  # share of the page height at top and bottom where furniture lives
HEAD_ZONE = 0.15  # share of the page height above which a lone small-type line is a running head
BYLINE_MAX_SIZE = 1.3  # names and affiliations are set at most this much larger than the body
NOTE_SIZE = 0.8  # type smaller than this share of the body size is set apart from the body
MAX_BOXES = 100  # largest drawn rectangles considered as sidebar frames
TITLE_MAX_LINES = 5  # a block of more lines is text in large type, not a title
HEAD_GAP_EM = 3.0  # a heading stands at most this many body sizes above its text (RevTeX: 2.4)
ABSTRACT_MIN_SIZE = 0.7  # an abstract in type this much smaller than the body is still text
ABSTRACT_HEAD = regex.compile(r"^(?i:abstract|summary|résumé|zusammenfassung)[.:]?$")
ABSTRACT_RUN_IN = regex.compile(r"^(?i:abstract|summary)\s*[.:—–-]")


def body_size(blocks: list[Block]) -> float:
    """The page's body type size: the largest size carrying a good share of the characters.

    Not simply the most frequent size: a page can hold more footnote text than body text.
    """
    return body_of(size_chars(blocks))


def size_chars(blocks: list[Block]) -> dict[float, int]:
    """Characters per type size (to a tenth of a point) of the blocks' lines."""
    chars: dict[float, int] = {}
    for b in blocks:
        for ln in b.lines:
            s = round(ln.size, 1)
            chars[s] = chars.get(s, 0) + sum([len(w.text) for w in ln.words])
    return chars


def body_of(chars: dict[float, int]) -> float:
    """The body size of characters counted by size (see :func:`body_size`)."""
    if not chars:
        return 0.0
    total = sum(chars.values())
    massive = [s for s, c in chars.items() if c >= 0.25 * total]
    return max(massive) if massive else max(chars.items(), key=lambda kv: kv[1])[0]


def assign_roles(
    blocks: list[Block],
    width: float,
    height: float,
    first_page: bool,
    rects: tuple[BBox, ...] = (),
    body: float | None = None,
) -> list[Role]:
    """One role per block, in the same order; ``body``: the body type size, when known."""
    size = body or body_size(blocks) or 10.0
    roles = [_local_role(b, size, width, height) for b in blocks]
    _keep_text_beside_columns(blocks, roles, size)
    _mark_number_rows(blocks, roles, height)
    # A page without prose in its body type (a cover) has nothing to set small type apart from.
    prose = _has_prose(blocks, roles, size)
    if prose:
        _mark_small_labels(blocks, roles, size)
    _keep_table_columns(blocks, roles, size)
    _mark_sidebars(blocks, roles, rects, size, width * height)
    _mark_pull_quotes(blocks, roles, size)
    if prose:
        listings = {i for i, b in enumerate(blocks) if roles[i] is Role.BODY and listing(b)}
        _mark_footnotes(blocks, roles, size, height, listings)
        for i, b in enumerate(blocks):
            if roles[i] is Role.BODY and b.size < NOTE_SIZE * size and i not in listings:
                roles[i] = Role.NOTE
    _keep_abstract(blocks, roles, size)
    _mark_note_headings(blocks, roles)
    if first_page:
        _mark_title_and_byline(blocks, roles, size, height)
    # Last: the other rules have weighed it as the page's lowest text (see _mark_footnotes).
    _mark_low_folio(blocks, roles, height)
    return roles


def _mark_low_folio(blocks: list[Block], roles: list[Role], height: float) -> None:
    """A bare number below everything else in the lower third of the page, alone on its line,
    is the page number, even above the edge band (a thesis's wide bottom margin)."""
    if len(blocks) < 2:
        return
    k = max(range(len(blocks)), key=lambda i: blocks[i].bbox.top)
    low = blocks[k]
    if (
        roles[k] is Role.BODY
        and len(low.lines) == 1
        and low.bbox.top > height * 2 / 3
        and PAGE_NUMBER.match(low.text.strip())
        and not any(b.bbox.v_overlap(low.bbox) > 0 for i, b in enumerate(blocks) if i != k)
    ):
        roles[k] = Role.PAGE_NUMBER


def _keep_abstract(blocks: list[Block], roles: list[Role], size: float) -> None:
    """An abstract set in small type is text, not a note: prose under an "Abstract" heading,
    or opening with the word itself run in ("Abstract. We ...", "ABSTRACT—This ..."). Journal
    classes set it two points below the body, where figure labels and references are set too."""
    for i, b in enumerate(blocks):
        if roles[i] is not Role.NOTE or b.size < ABSTRACT_MIN_SIZE * size or not _sentence(b.text):
            continue
        if ABSTRACT_RUN_IN.match(b.lines[0].text) or any(
            ABSTRACT_HEAD.match(h.text.strip()) and _introduces(h, b) for h in blocks if h is not b
        ):
            roles[i] = Role.BODY


def _mark_note_headings(blocks: list[Block], roles: list[Role]) -> None:
    """A heading over small-type notes ("References", "Notes") belongs with them, not with
    the body: the text right below it is a note or a footnote."""
    for i, head in enumerate(blocks):
        if roles[i] is not Role.HEADING:
            continue
        below = [
            j for j, b in enumerate(blocks)
            if j != i and _introduces(head, b)
        ]
        if below and roles[min(below, key=lambda j: blocks[j].bbox.top)] in (Role.NOTE, Role.FOOTNOTE):
            roles[i] = Role.NOTE


def _local_role(b: Block, size: float, width: float, height: float) -> Role:
    few_lines = len(b.lines) <= 2
    text = b.text.strip() if few_lines else ""  # only short blocks are judged by their text
    first_words = b.lines[0].text
    near_top = b.bbox.bottom < height * EDGE_BAND * 1.3 and b.bbox.top < height * EDGE_BAND
    near_bottom = b.bbox.top > height * (1 - EDGE_BAND)
    if few_lines and (near_top or near_bottom):
        if PAGE_NUMBER.match(text):
            return Role.PAGE_NUMBER
        if near_bottom and b.size < size * 0.92 and FOOTNOTE_MARK.match(text) and text.endswith("."):
            return Role.FOOTNOTE  # a numbered note in small type, ending as a sentence
        if ((b.size <= size * 1.15 and (len(b.lines) == 1 or b.size < size)) or _letter_spaced(b)) and not (
            _prose_line(b, text, size, width)
        ):
            return Role.HEADER if near_top else Role.FOOTER
    if len(b.lines) == 1 and b.bbox.bottom < height * HEAD_ZONE and b.size < size * 0.95:
        # Below the edge band but still above the text (wide top margins): a small-type line
        # or a page number there is a running head.
        return Role.PAGE_NUMBER if PAGE_NUMBER.match(text) else Role.HEADER
    if CAPTION.match(first_words):
        return Role.CAPTION
    if few_lines and len(text) <= 2 and b.size >= 1.8 * size:
        return Role.ARTIFACT  # a drop numeral or a lone ornamental glyph
    if b.size >= size * 1.15 and len(b.lines) <= 4:
        return Role.HEADING
    if few_lines and _all_bold(b) and len(text) < 120:
        return Role.HEADING
    if len(b.lines) == 1 and _capitals_heading(text) and b.size >= 0.7 * size:
        return Role.HEADING
    if _labels(b):
        return Role.NOTE
    return Role.BODY


def _keep_text_beside_columns(blocks: list[Block], roles: list[Role], size: float) -> None:
    """A running head stands above the text, a running foot below it: a block in the top or
    bottom band that a column of text beside it starts above (or ends below) is within the
    text (the rows of a table broken across a page, a column's first lines), not furniture."""
    columns = [
        b.bbox for b, r in zip(blocks, roles) if r is Role.BODY and len(b.lines) >= MIN_COLUMN_LINES
    ]
    if not columns:
        return
    tol = 0.5 * size
    for i, b in enumerate(blocks):
        if roles[i] is not Role.HEADER and roles[i] is not Role.FOOTER:
            continue
        box = b.bbox
        beside = [c for c in columns if c.h_overlap(box) < 0]
        if roles[i] is Role.HEADER and any(c.top <= box.top + tol and c.bottom > box.bottom for c in beside):
            roles[i] = Role.BODY
        elif roles[i] is Role.FOOTER and any(c.bottom >= box.bottom - tol and c.top < box.top for c in beside):
            roles[i] = Role.BODY


MIN_COLUMN_LINES = 3  # lines of a block of body text that show where a column runs


def _prose_line(b: Block, text: str, size: float, width: float) -> bool:
    """A sentence of body type across half the page's width or more, or the end of one run
    over from the page before ("material outside their relationship with you."): the page's
    text starting (or ending) close to the edge, not a running head or foot, which are short
    or set apart and do not open in lower case to end with a full stop."""
    if abs(b.size - size) > 0.05 * size:
        return False
    if b.bbox.width >= 0.5 * width and _sentence(text):
        return True
    return text[:1].islower() and len(text.split()) >= 3 and text.endswith(SENTENCE_END)


def _mark_number_rows(blocks: list[Block], roles: list[Role], height: float) -> None:
    """A lone page number near the top or foot of the page, whatever its size, and the
    one-line blocks on its row (the running head or foot it is set with)."""
    for i, b in enumerate(blocks):
        if len(b.lines) != 1 or not PAGE_NUMBER.match(b.text.strip()):
            continue
        top = b.bbox.bottom < height * HEAD_ZONE
        if not (top or b.bbox.top > height * (1 - HEAD_ZONE)):
            continue
        roles[i] = Role.PAGE_NUMBER
        for j, o in enumerate(blocks):
            if j != i and len(o.lines) == 1 and o.bbox.v_overlap(b.bbox) > 0.5 * min(o.bbox.height, b.bbox.height):
                if roles[j] in (Role.BODY, Role.HEADING, Role.TITLE):
                    roles[j] = Role.HEADER if top else Role.FOOTER


def _keep_table_columns(blocks: list[Block], roles: list[Role], size: float) -> None:
    """Short tokens in body type whose every line sits on a row of a body block beside them,
    or which stand row for row beside another such column, are a table's columns ("340 /
    120 / 510" next to "Northport 12 / ..."), not figure labels: they stay in the text."""
    candidates = [
        i for i, b in enumerate(blocks)
        if roles[i] is Role.NOTE and len(b.lines) >= 2 and abs(b.size - size) <= 0.05 * size and _labels(b)
    ]
    keep: set[int] = {i for i in candidates if _grid(blocks[i], size)}
    for i in candidates:
        b = blocks[i]
        for j, o in enumerate(blocks):
            if j == i or o.bbox.h_overlap(b.bbox) > 0 or o.bbox.v_overlap(b.bbox) <= 0:
                continue
            if roles[j] is Role.BODY and _on_rows_of(b, o, size):
                keep.add(i)
            elif j in candidates and len(o.lines) == len(b.lines) and _on_rows_of(b, o, size):
                keep.update((i, j))
    for i in keep:
        roles[i] = Role.BODY


def _grid(b: Block, size: float) -> bool:
    """Rows in which two or more words start where words of the first row start: a table set
    as one block, its cells aligned (figure labels are scattered, one or two to a line)."""
    if any(len(ln.words) < 2 for ln in b.lines):
        return False
    columns = [w.bbox.x0 for w in b.lines[0].words]
    return all(
        sum(any(abs(w.bbox.x0 - x) <= 0.2 * size for x in columns) for w in ln.words) >= 2
        for ln in b.lines[1:]
    )


def _on_rows_of(b: Block, o: Block, size: float) -> bool:
    """Does every line of ``b`` sit on the baseline of a line of ``o``?"""
    baselines = [ln.baseline for ln in o.lines]
    return all(any(abs(ln.baseline - y) <= 0.25 * size for y in baselines) for ln in b.lines)


def _mark_small_labels(blocks: list[Block], roles: list[Role], size: float) -> None:
    """A short bold line smaller than the body heads the text right below it (perhaps through
    a few more headings); with no text below it, it labels part of a figure ("Tightened
    nut") and is a note."""
    for i, b in enumerate(blocks):
        if roles[i] is Role.HEADING and b.size < 0.9 * size and not _heads_text(blocks, roles, i, size, 3):
            roles[i] = Role.NOTE


def _heads_text(blocks: list[Block], roles: list[Role], i: int, size: float, depth: int) -> bool:
    b = blocks[i]
    for j, o in enumerate(blocks):
        if j == i or not 0 <= o.bbox.top - b.bbox.bottom < HEAD_GAP_EM * size or o.bbox.h_overlap(b.bbox) <= 0:
            continue
        if roles[j] is Role.BODY and len(o.lines) >= 2:
            return True
        if roles[j] is Role.HEADING and depth > 1 and _heads_text(blocks, roles, j, size, depth - 1):
            return True
    return False


def _capitals_heading(text: str) -> bool:
    """A short line in capitals (often small capitals): "II. BASICS OF MACHINE LEARNING"."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(text.split()) <= 8


def _labels(b: Block) -> bool:
    """Scattered short tokens (figure labels, axis ticks, variable names), not prose."""
    count = sum(len(ln.words) for ln in b.lines)
    if not 3 <= count <= 3 * len(b.lines):
        return False  # prose: more than three words a line
    words = [w.text for ln in b.lines for w in ln.words]
    return sum(len(w) <= 3 for w in words) >= 0.8 * len(words)


def _mark_sidebars(
    blocks: list[Block], roles: list[Role], rects: tuple[BBox, ...], size: float, page_area: float
) -> None:
    """Text inside a drawn box (a filled or outlined rectangle) that holds only part of the
    page's text is a sidebar: read after the main flow, as its own paragraphs."""
    boxes = [
        r
        for r in rects
        if r.width > 6 * size and r.height > 2 * size and r.width * r.height < 0.6 * page_area
    ]
    if not boxes:
        return
    boxes = sorted(boxes, key=lambda r: -r.width * r.height)[:MAX_BOXES]
    total = sum(len(b.text) for b, r in zip(blocks, roles) if r in (Role.BODY, Role.HEADING))
    for box in _outermost(boxes):
        inside = [
            i
            for i, b in enumerate(blocks)
            if roles[i] in (Role.BODY, Role.HEADING, Role.CAPTION) and b.bbox.within(box, 2.0)
        ]
        chars = sum(len(blocks[i].text) for i in inside)
        if inside and chars < 0.5 * total:
            for i in inside:
                roles[i] = Role.SIDEBAR


PULL_QUOTE_MIN_WORDS = 6
OPENING_QUOTES = "\"\u201c\u201e\u00ab\u2018'"
PULL_QUOTE_MIN_CHARS = 30  # letters and digits: a heading's few words recur in any text


def _mark_pull_quotes(blocks: list[Block], roles: list[Role], size: float) -> None:
    """A passage of the page's text repeated in display type (a magazine's pull quote) is not
    text of its own: a block of six words or more, in larger type than the body or set apart
    as a heading or sidebar, in quotation marks or in italics throughout, whose letters and
    digits recur word for word in a body block of the page (quotation marks, case and
    line-end hyphens aside). Body text in body type is never a candidate (a template repeating
    a paragraph keeps both copies), nor a heading in upright type without quotation marks (a
    section's title that its text repeats)."""
    display = [
        i
        for i, b in enumerate(blocks)
        if (roles[i] in (Role.HEADING, Role.SIDEBAR) or (roles[i] is Role.BODY and b.size >= 1.1 * size))
        and (b.text.lstrip()[:1] in OPENING_QUOTES or all(w.italic for ln in b.lines for w in ln.words))
    ]
    candidates = [i for i in display if len(blocks[i].text.split()) >= PULL_QUOTE_MIN_WORDS]
    if not candidates:
        return
    body = {i: _letters(blocks[i].text) for i, r in enumerate(roles) if r in (Role.BODY, Role.LIST_ITEM)}
    quotes = []
    for i in candidates:
        quote = _letters(blocks[i].text)
        if len(quote) >= PULL_QUOTE_MIN_CHARS and any(quote in t for k, t in body.items() if k != i):
            roles[i] = Role.PULL_QUOTE
            quotes.append(quote)
    # A quote's piece that a column break cut off (at the column's foot or the next one's
    # head), in display type, fewer words perhaps: it goes on from or into a quote's words.
    for i in display:
        rest = _letters(blocks[i].text)
        if roles[i] is not Role.PULL_QUOTE and any(
            q + rest in t or rest + q in t for q in quotes for t in body.values()
        ):
            roles[i] = Role.PULL_QUOTE


def _letters(text: str) -> str:
    """The letters and digits of ``text``, lower-cased: what a quotation repeats."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _outermost(boxes: list[BBox]) -> list[BBox]:
    """Boxes not inside another box (a fill and its outline count once)."""
    return [
        b for b in boxes if not any(o is not b and b.within(o, 2.0) and o.width * o.height > b.width * b.height for o in boxes)
    ]


def _letter_spaced(b: Block) -> bool:
    words = [w.text for ln in b.lines for w in ln.words]
    return len(words) >= 4 and sum(len(w) <= 2 for w in words) >= 0.7 * len(words)


def _all_bold(b: Block) -> bool:
    return all(w.bold for ln in b.lines for w in ln.words)


def _mark_footnotes(
    blocks: list[Block], roles: list[Role], size: float, height: float, listings: set[int]
) -> None:
    """Small type below every body block of its column, in the lower part of the page; not a
    code listing, which is set small as often as footnotes are."""
    for i, b in enumerate(blocks):
        if roles[i] is not Role.BODY or b.size > size * 0.92 or b.bbox.top < height * 0.35:
            continue
        if i in listings:
            continue
        below = any(
            roles[j] is Role.BODY
            and o.size > size * 0.92
            and o.bbox.top > b.bbox.bottom
            and o.bbox.h_overlap(b.bbox) > 0
            for j, o in enumerate(blocks)
        )
        if not below:
            roles[i] = Role.FOOTNOTE


def _has_prose(blocks: list[Block], roles: list[Role], size: float) -> bool:
    """Does the page hold a paragraph of prose in its body type? A cover (a title, a name, a
    date) does not: its "body size" is only its largest type, and nothing on it is small type
    set apart from a body."""
    return any(
        roles[j] is Role.BODY
        and len(o.lines) >= 2
        and abs(o.size - size) <= 0.08 * size
        and (_flush_left(o) or _sentence(o.text))
        for j, o in enumerate(blocks)
    )


def _mark_title_and_byline(blocks: list[Block], roles: list[Role], size: float, height: float) -> None:
    """On a document's first page: the largest type near the top is the title; the short
    centred lines between it and the first heading or body text are the byline."""
    upper = [
        i for i, b in enumerate(blocks)
        if b.bbox.top < height * 0.4 and roles[i] in (Role.HEADING, Role.BODY) and len(b.lines) <= TITLE_MAX_LINES
        and not _code(b.text)
    ]
    if not upper:
        return
    top_size = max(blocks[i].size for i in upper)
    if top_size < size * 1.15:
        return
    title = min((i for i in upper if blocks[i].size == top_size), key=lambda i: blocks[i].bbox.top)
    roles[title] = Role.TITLE
    t = blocks[title].bbox
    after = [i for i, b in enumerate(blocks) if b.bbox.top >= t.bottom - 1 and i != title]
    texts = [i for i in after if roles[i] is Role.BODY and _flush_left(blocks[i])]
    if not texts:
        return
    first_text = min(texts, key=lambda i: blocks[i].bbox.top)
    limit = blocks[first_text].bbox.top
    text_left = min(blocks[i].bbox.x0 for i in texts)
    text_right = max(blocks[i].bbox.x1 for i in texts)
    # "By Jane Doe" between the title and the text, under a subtitle or not, set flush left
    # over the text as well as centred, is the byline.
    for i in after:
        if blocks[i].bbox.bottom <= limit + 1 and roles[i] in (Role.BODY, Role.HEADING) and _by_line(blocks[i]):
            roles[i] = Role.AUTHOR
    # Walk down from the title: names and affiliations follow it directly; a subtitle, a
    # list, or the heading of the first text ("Abstract") ends the byline.
    for i in sorted(after, key=lambda i: (blocks[i].bbox.top, blocks[i].bbox.x0)):
        b = blocks[i]
        if b.bbox.bottom > limit + 1 or roles[i] not in (Role.BODY, Role.HEADING):
            continue  # below the first text, or not text (figure labels, captions)
        if (
            b.size >= BYLINE_MAX_SIZE * size
            or (len(b.lines[0].words) > 1 and LIST_MARK.match(b.lines[0].words[0].text))
            or (
                _introduces(b, blocks[first_text])
                and not _centred_over(b, blocks[first_text], size)
                and not _centred_on(b, text_left, text_right, size)
            )
            or ABSTRACT_HEAD.match(b.text.strip())
            or _sentence(b.text)
            or _runs_on_into(b, blocks)
        ):
            break  # names and affiliations are not sentences: text has begun
        if _phrase(b.text):
            continue  # a subtitle or a deck ("A review of how projects state their terms")
        roles[i] = Role.AUTHOR


# "By" and a name (and the word in a few other languages), opening a byline.
_BYLINE_LEAD = regex.compile(r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR)\s+\p{Lu}")
BYLINE_MAX_WORDS = 12


def _by_line(b: Block) -> bool:
    """A line or two opening with "By" and a name, not ending as a sentence: a byline."""
    text = b.text.strip()
    return (
        len(b.lines) <= 2
        and len(text.split()) <= BYLINE_MAX_WORDS
        and not text.endswith(SENTENCE_END)
        and bool(_BYLINE_LEAD.match(text))
    )


# Font names of fixed-pitch faces: code is set in them (TeX's cmtt/sftt/ectt and LMMono,
# Courier and Nimbus Mono, Inconsolata, Consolas, Menlo, Source Code Pro, ...). Not
# "Monotype Corsiva", not "Arial Unicode".
_MONOSPACE = regex.compile(
    r"mono(?!type)|courier|typewriter|consol|menlo|monaco|sourcecode|firacode|anonymous"
    r"|nimbusmon|lettergothic|(?:cm|lm|sf|ec|tc|tx|px)tt\d",
    regex.IGNORECASE,
)
LISTING_SHARE = 0.8  # share of a block's characters in fixed-pitch type that makes it code
URL_SHARE = 0.3  # share of a block's characters in web addresses that makes it no code


@lru_cache(maxsize=1024)
def monospace(font: str) -> bool:
    """Is ``font`` (a font name as the backends give it) a fixed-pitch face?"""
    return bool(_MONOSPACE.search(font))


def listing(b: Block) -> bool:
    """A code listing: several lines, nearly all in fixed-pitch type, and not web addresses
    (footnotes that give a URL set it in fixed-pitch type too)."""
    if len(b.lines) < 2 or not any(monospace(w.font) for w in b.lines[0].words[:2]):
        return False  # (code opens with code, after a line number perhaps: settles prose)
    mono = total = web = 0
    for ln in b.lines:
        for w in ln.words:
            n = len(w.text)
            total += n
            if monospace(w.font):
                mono += n
            if "://" in w.text or "www." in w.text:
                web += n
    return mono >= LISTING_SHARE * total and web < URL_SHARE * total


def _code(text: str) -> bool:
    """One token with digits: a paper or issue number ("IMECE2023-1234"), not a title."""
    tokens = text.split()
    return len(tokens) == 1 and any(ch.isdigit() for ch in tokens[0])


def _phrase(text: str) -> bool:
    """A phrase of running words, not names: most of its words of four letters or more after
    the first in lower case (three such words at least). Names and affiliations capitalise
    theirs, short particles aside ("Department of Computer Science", "Jan van der Berg",
    "Facultad de Ingeniería de la Universidad de los Andes")."""
    if "@" in text:
        return False  # e-mail addresses, in lower case
    words = [w for w in text.split()[1:] if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 3 and 2 * sum(w[:1].islower() for w in words) > len(words)


def _runs_on_into(b: Block, blocks: list[Block]) -> bool:
    """Does the sentence of ``b``, a line of running words, go on in a lower-case word in the
    block right under it (a paragraph's first line set apart, beside a drop cap)? A byline's
    names do not (nor do they run to RUN_ON_MIN_WORDS words)."""
    text = b.text.rstrip()
    if len(text.split()) < RUN_ON_MIN_WORDS or text.endswith((*SENTENCE_END, ":")):
        return False
    size = b.size or 10.0
    return any(
        0 <= o.bbox.top - b.bbox.bottom < size
        and o.bbox.h_overlap(b.bbox) > 0
        and abs(o.size - b.size) <= 0.1 * size
        and _LOWER_WORD.match(o.lines[0].words[0].text)
        for o in blocks
        if o is not b
    )


RUN_ON_MIN_WORDS = 4
# "valley", "documentation.", not "i@huxuan.org", "phone:" or a title ("prof.", "dipl.")
_LOWER_WORD = regex.compile(r"^(?:\p{Ll}+[,;]?|\p{Ll}{5,}\.)$")


def _sentence(text: str) -> bool:
    """Running prose: eight words or more ending as a sentence does."""
    text = text.strip()
    return len(text.split()) >= 8 and text.endswith(SENTENCE_END)


def _introduces(head: Block, text: Block) -> bool:
    """Is ``head`` the heading just above ``text``?"""
    gap = text.bbox.top - head.bbox.bottom
    return 0 <= gap < 2 * (head.size or 10.0) and head.bbox.h_overlap(text.bbox) > 0 and len(head.lines) <= 2


def _centred_over(line: Block, text: Block, size: float) -> bool:
    """Is the one-line block ``line`` set centred rather than at the left edge of the text
    under it, as a byline over a column is and its heading is not? Set in from the text's
    left edge by two sizes or more, or by the same inset on both sides."""
    if len(line.lines) != 1 or len(line.lines[0].words) < 2 or _all_bold(line):
        return False  # (a one-word line is a heading: "Abstract", "Samenvatting")
    left = line.bbox.x0 - text.bbox.x0
    right = text.bbox.x1 - line.bbox.x1
    return left > 2 * size or (left > 0.5 * size and abs(left - right) < size)


def _centred_on(line: Block, left: float, right: float, size: float) -> bool:
    """Is the one-line block ``line`` centred on the text's full width (from ``left`` to
    ``right``), narrower than most of it: a byline over the columns, over their gutter?"""
    if len(line.lines) != 1 or len(line.lines[0].words) < 2 or _all_bold(line):
        return False
    box = line.bbox
    return box.width < 0.7 * (right - left) and abs((box.x0 + box.x1) / 2 - (left + right) / 2) < size


def _flush_left(b: Block) -> bool:
    """Three or more lines, most starting at the same x: running text, not a centred byline."""
    if len(b.lines) < 3:
        return False
    left = min(ln.bbox.x0 for ln in b.lines)
    flush = sum(ln.bbox.x0 - left < 1.5 for ln in b.lines)
    return flush >= 2 * len(b.lines) / 3

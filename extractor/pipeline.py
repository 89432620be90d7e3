"""pipeline: extract() runs the stages in order and nothing else.

Pages are analysed one at a time and settled in windows: the document-level repair (running
heads, paragraphs that cross pages) sees a window of pages plus one page of look-ahead, so
a document of any length is held in memory only a window at a time (``stream``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from extractor.bidi import mirror_rtl
from extractor.gcpause import gc_paused
from extractor.layout import analyse_page, body_too_large, document_body_size, page_chars
from extractor.limits import check_deadline, with_time_limit
from extractor.lines import build_lines
from extractor.load import RawPage, Source, check_pages, open_document
from extractor.model import Document, Page
from extractor.options import ExtractOptions
from extractor.orientation import turn_upright
from extractor.quality_flags import flag_page, report_pages
from extractor.render import render_stream
from extractor.repair import repair_document
from extractor.repair.furniture import mark_running_furniture

WINDOW = 16  # pages settled together: enough to see running heads repeat


@with_time_limit
def extract(
    source: Source,
    *,
    pages: Iterable[int] | None = None,
    options: ExtractOptions | None = None,
) -> Document:
    """Extract the body paragraphs of a PDF, in reading order.

    ``pages`` are 0-based page indices (None: all pages). Raises a subclass of
    :class:`extractor.ExtractorError` for input that cannot be read.
    """
    options = options or ExtractOptions()
    with gc_paused():  # nothing is handed to the caller before the end (see gcpause)
        return join_documents(list(stream(source, pages=pages, options=options)), options)


@with_time_limit
def extract_to(
    source: Source,
    *,
    fmt: str = "text",
    pages: Iterable[int] | None = None,
    options: ExtractOptions | None = None,
) -> tuple[str, int]:
    """(output, page count): extract and write ``fmt`` a window of pages at a time, so that
    memory stays bounded however long the document is; the bytes of ``extract(...).to_*()``."""
    with gc_paused():
        return render_stream(stream(source, pages=pages, options=options), fmt)


def stream(
    source: Source,
    *,
    pages: Iterable[int] | None = None,
    options: ExtractOptions | None = None,
) -> Iterator[Document]:
    """Like :func:`extract`, but yield the document a window of pages at a time.

    Each yielded Document holds consecutive pages and the paragraphs that start on them;
    joined (:func:`join_documents`) they are exactly what ``extract`` returns.
    """
    options = options or ExtractOptions()
    loaded = open_document(source, options)
    try:
        indices = check_pages(loaded.name, pages, loaded.page_count)
        yield from analyse_stream(loaded.name, loaded.iter_pages(indices), options)
    finally:
        loaded.close()


def analyse(name: str, raw_pages: Iterable[RawPage], options: ExtractOptions | None = None) -> Document:
    """Run layout analysis and repair on pages already loaded (by a backend, or built in code)."""
    options = options or ExtractOptions()
    return join_documents(list(analyse_stream(name, raw_pages, options)), options)


def analyse_stream(
    name: str, raw_pages: Iterable[RawPage], options: ExtractOptions, window: int = WINDOW
) -> Iterator[Document]:
    """Analyse pages one by one; settle them a window at a time (see :func:`settle`).

    Loading and analysing a page, and settling a window, run with the garbage collector
    paused (see :mod:`extractor.gcpause`); the caller gets each chunk with it running.
    """
    buffer: list[Page] = []
    raws: list[RawPage] = []  # the buffered pages as loaded, to analyse again (see rebase)
    rebased: set[int] = set()  # numbers of the pages analysed again
    counts: dict[int, dict[float, int]] = {}  # characters per size of each buffered page
    flags: list[Page] = []  # each page without its blocks: for the per-document report
    consumed: frozenset[int] = frozenset()
    pages = iter(raw_pages)
    while True:
        chunk = None
        with gc_paused():
            raw = next(pages, None)
            if raw is None:
                break
            raw = mirror_rtl(turn_upright(raw))
            buffer.append(_analyse(name, raw, options))
            raws.append(raw)
            flags.append(replace(buffer[-1], blocks=()))
            check_deadline()
            if len(buffer) > window:
                buffer = rebase(name, buffer, raws, options, rebased, consumed, counts)
                settled = settle(name, buffer, consumed, options)
                if settled is not None:
                    chunk, consumed = settled
                    buffer, raws = buffer[-1:], raws[-1:]
                    counts = {p.number: counts[p.number] for p in buffer if p.number in counts}
        if chunk is not None:
            yield chunk
    report_pages(name, flags, options)
    if buffer or not flags:
        with gc_paused():
            buffer = rebase(name, buffer, raws, options, rebased, consumed, counts)
            last = _repair(name, buffer, consumed, options)
        yield last


def _analyse(name: str, raw: RawPage, options: ExtractOptions, body: float | None = None) -> Page:
    page = analyse_page(raw, build_lines(raw.words, raw.rules), first_page=raw.number == 0, body=body)
    return flag_page(name, raw, page, options)


def rebase(
    name: str,
    buffer: list[Page],
    raws: list[RawPage],
    options: ExtractOptions,
    rebased: set[int],
    consumed: frozenset[int] = frozenset(),
    counts: dict[int, dict[float, int]] | None = None,
) -> list[Page]:
    """The buffered pages, those that took a larger type than the document's body type for
    their body analysed again with the document's (see :func:`layout.body_too_large`).

    A page is analysed again once at most (its number goes into ``rebased``), and never once
    a settled paragraph has taken lines of it (the look-ahead page: ``consumed`` holds its
    lines, which a new analysis would make anew). ``counts`` keeps each page's characters
    per size from one window to the next (a page's lines stay what they are)."""
    if len(buffer) < 2:
        return buffer
    counts = {} if counts is None else counts
    for page in buffer:
        if page.number not in counts:
            counts[page.number] = page_chars(page)
    size = document_body_size([counts[p.number] for p in buffer])
    out = []
    for page, raw in zip(buffer, raws, strict=True):
        if (
            page.number not in rebased
            and body_too_large(page, size, counts[page.number])
            and not _taken(page, consumed)
        ):
            rebased.add(page.number)
            page = _analyse(name, raw, options, body=size)
        out.append(page)
    return out


def _taken(page: Page, consumed: frozenset[int]) -> bool:
    return bool(consumed) and any(id(ln) in consumed for b in page.blocks for ln in b.lines)


def _repair(name: str, buffer: list[Page], consumed: frozenset[int], options: ExtractOptions) -> Document:
    return repair_document(name, mark_running_furniture(tuple(buffer)), options, skip=consumed)


def settle(
    name: str, buffer: list[Page], consumed: frozenset[int], options: ExtractOptions
) -> tuple[Document, frozenset[int]] | None:
    """Repair the buffered pages and return all but the last, look-ahead, page.

    A paragraph that starts on an emitted page and runs onto the look-ahead page is emitted
    whole; its lines on the look-ahead page are returned as ``consumed``, so the next window
    leaves them out. When such a paragraph fills the whole look-ahead page (it may go on
    further), nothing is settled yet: None, and the window grows by a page.
    """
    doc = _repair(name, buffer, consumed, options)
    ahead = doc.pages[-1].number
    paragraphs = tuple(p for p in doc.paragraphs if p.page != ahead)
    taken = frozenset(id(ln) for p in paragraphs for ln in p.lines if ln.words[0].page == ahead)
    if taken and not any(p.page == ahead for p in doc.paragraphs):
        return None
    return replace(doc, pages=doc.pages[:-1], paragraphs=paragraphs), taken


def join_documents(chunks: list[Document], options: ExtractOptions) -> Document:
    """One Document from the consecutive windows of :func:`stream`."""
    if len(chunks) == 1:
        return chunks[0]
    return Document(
        chunks[0].source,
        tuple(p for c in chunks for p in c.pages),
        tuple(p for c in chunks for p in c.paragraphs),
        keep_furniture=options.keep_furniture,
    )

"""pipeline: extract() runs the stages in order and nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from extractor.lines import build_lines
from extractor.layout import analyse_page
from extractor.limits import check_deadline, with_time_limit
from extractor.load import RawPage, Source, check_pages, open_document
from extractor.model import Document, Page
from extractor.options import ExtractOptions
from extractor.quality_flags import flag_page, report_pages
from extractor.repair import repair_document
from extractor.repair.furniture import mark_running_furniture


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
    loaded = open_document(source, options)
    try:
        indices = check_pages(loaded.name, pages, loaded.page_count)
        return analyse(loaded.name, loaded.iter_pages(indices), options)
    finally:
        loaded.close()


def analyse(name: str, raw_pages: Iterable[RawPage], options: ExtractOptions | None = None) -> Document:
    """Run layout analysis and repair on pages already loaded (by a backend, or built in code)."""
    options = options or ExtractOptions()
    analysed: list[Page] = []
    for raw in raw_pages:
        lines = build_lines(raw.words)
        page = analyse_page(raw, lines, first_page=raw.number == 0)
        analysed.append(flag_page(name, raw, page, options))
        check_deadline()
    report_pages(name, analysed, options)
    return repair_document(name, mark_running_furniture(tuple(analysed)), options)
